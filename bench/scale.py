"""Scaling: 1 vs 2 local worker processes, serial vs a 2-worker Dask LocalCluster, peak RSS per worker,
RSS as the document count grows, and the cold start of `claimgraph analyze` on the sample.

    python -m bench.scale [--docs 256] [--growth 100,300] [--speed] [--no-dask] [--no-record]
    python -m bench.scale --only-growth --growth 1000,10000     # RSS after 1,000 vs 10,000 documents

`--speed` also runs `bench.speed --profile` (its own `speed` and `profile` sections) first: `python -m bench.scale
--speed` is the one command that records speed, where the time goes, workers, Dask and cold start on a quiet
machine (about 6 minutes on 2 idle cores).

Documents: the FA-KES dev articles (../shared/bench-data/fakes-syria-dev), cycled, each copy made distinct by
a numbered last line so no two texts are the same document. The speed-ups use persistent workers: each engine
starts its workers and has every one load the model (timed apart: "start"), then analyses the documents,
as a long ingest would (the start is paid once per job, not per batch). Serial, local workers and Dask see
the same documents in tasks of 8. Beside the wall-clock speed-up, each worker's CPU time (inside its tasks)
gives the speed-up the cores would allow if they were idle (serial CPU / the busiest worker's CPU): on a
shared machine the wall clock only shows what was free, the CPU accounting what claimgraph makes of it.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import itertools
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

from bench.common import ROOT, bench_data_dir, record
from claimgraph.parallel import Workers, analyse_task

SAMPLE = ROOT / "examples" / "southfront-turkmen-mountain.txt"
TASK = 8


def fakes_texts() -> list[str]:
    path = bench_data_dir() / "fakes-syria-dev" / "fakes-dev.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        return [r["article_content"] for r in csv.DictReader(fh) if r["article_content"].strip()]


def corpus(n: int) -> Iterator[str]:
    """n distinct documents generated from the dev articles (a generator: nothing held beyond the batch)."""
    base = fakes_texts()
    for i, text in zip(range(n), itertools.cycle(base), strict=False):
        yield f"{text}\n\nCopy {i // len(base) + 1}."


def _status(field_name: str) -> int:
    """A /proc/self/status memory figure in MB (VmRSS now, VmHWM the peak)."""
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith(field_name + ":"):
                return int(line.split()[1]) // 1024
    return 0


def analyse_and_rss(task: tuple[int, list[str], str | None]) -> tuple[int, int, int, float]:
    """A worker task: analyse a batch; report (articles, worker pid, worker's peak RSS in MB, task CPU s)."""
    cpu = time.process_time()
    outcomes = analyse_task(task)
    assert all(o.analysis is not None for o in outcomes), [str(o.error) for o in outcomes if o.error]
    return len(outcomes), os.getpid(), _status("VmHWM"), time.process_time() - cpu


def _tasks(texts: list[str], size: int = TASK) -> Iterator[tuple[int, list[str], None]]:
    for start in range(0, len(texts), size):
        yield start + 1, texts[start:start + size], None


@dataclass
class Run:
    name: str
    start_s: float = 0.0  # workers started and every model loaded
    seconds: float = 0.0  # the documents, start excluded
    parent_cpu: float = 0.0
    cpu: dict[int, float] = field(default_factory=dict)  # worker pid -> CPU seconds inside its tasks
    peaks: dict[int, int] = field(default_factory=dict)  # worker pid -> peak RSS MB


def run(name: str, texts: list[str], **engine) -> Run:
    """Start the engine's workers and load their models (timed as the start), then analyse all texts."""
    out = Run(name)
    t0 = time.perf_counter()
    with Workers(**engine) as pool:
        pool.warm()
        out.start_s = time.perf_counter() - t0
        t1, c1 = time.perf_counter(), time.process_time()
        done = 0
        for n, pid, peak, cpu in pool.map(analyse_and_rss, _tasks(texts)):
            done += n
            out.peaks[pid] = max(out.peaks.get(pid, 0), peak)
            out.cpu[pid] = out.cpu.get(pid, 0.0) + cpu
        out.seconds = time.perf_counter() - t1
        out.parent_cpu = time.process_time() - c1
    assert done == len(texts)
    return out


def growth(points: list[int]) -> list[tuple[int, int, float]]:
    """(documents analysed, RSS MB, seconds) at each point, one process, streaming a generated corpus."""
    import claimgraph

    out = []
    t0 = time.perf_counter()
    targets = iter(points)
    target = next(targets)
    for i, outcome in enumerate(claimgraph.analyze_many(corpus(points[-1])), 1):
        assert outcome.analysis is not None
        if i == target:
            out.append((i, _status("VmRSS"), time.perf_counter() - t0))
            print(f"{i:,} documents: RSS {out[-1][1]} MB, {out[-1][2]:.0f} s", flush=True)
            target = next(targets, 0)
    return out


def growth_lines(grown: list[tuple[int, int, float]]) -> list[str]:
    lines = ["RSS of one process streaming a generated corpus through `claimgraph.analyze_many`:", "",
             "| documents analysed | RSS (MB) | seconds |", "|---:|---:|---:|"]
    lines += [f"| {n:,} | {rss} | {secs:.0f} |" for n, rss, secs in grown]
    first, last = grown[0], grown[-1]
    lines += ["", f"RSS after {last[0]:,} documents is {100 * (last[1] - first[1]) / first[1]:+.1f}% of RSS after "
              f"{first[0]:,} (load average {os.getloadavg()[0]:.1f} at the end)."]
    return lines


def cold_start(repeat: int = 3) -> list[float]:
    """Wall seconds of `claimgraph analyze` on the sample, each a new process (the first run also fills the
    gazetteer's table cache if it is empty: the median is what a user sees from the second run on)."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "claimgraph.cli", "analyze", str(SAMPLE)], check=True,
                       capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - t0)
    return times


def cold_cpu() -> float:
    """CPU seconds (user + system) of one more cold `claimgraph analyze` on the sample."""
    before = os.times()
    subprocess.run([sys.executable, "-m", "claimgraph.cli", "analyze", str(SAMPLE)], check=True,
                   capture_output=True, cwd=ROOT)
    after = os.times()
    return (after.children_user - before.children_user) + (after.children_system - before.children_system)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=256, help="documents for the speed-up runs")
    parser.add_argument("--growth", default="100,300", help="document counts at which RSS is read")
    parser.add_argument("--only-growth", action="store_true", help="only the RSS growth run (section scale-rss)")
    parser.add_argument("--speed", action="store_true", help="run bench.speed first (its own section)")
    parser.add_argument("--no-dask", action="store_true")
    parser.add_argument("--no-record", action="store_true", help="print only, do not touch BENCHMARKS.md")
    args = parser.parse_args()
    points = [int(p) for p in args.growth.split(",")]

    if args.only_growth:
        body = "\n".join(growth_lines(growth(points)))
        print(body)
        if not args.no_record:
            record("scale-rss", "Scale: RSS over a long run", body)
        return
    if args.speed:
        from bench import speed

        speed.main(["--profile"] + (["--no-record"] if args.no_record else []))

    load_before = os.getloadavg()
    cold = cold_start()
    cold_cpu_s = cold_cpu()
    texts = list(corpus(args.docs))
    words = sum(len(t.split()) for t in texts)
    runs = [run("serial, this process", texts, workers=1),
            run("2 local worker processes", texts, workers=2)]
    if not args.no_dask and importlib.util.find_spec("distributed") is None:
        print("dask.distributed is not installed (pip install 'claimgraph[dask]'): no Dask run", file=sys.stderr)
        args.no_dask = True
    if not args.no_dask:
        runs.append(run("Dask LocalCluster, 2 worker processes", texts, workers=2, engine="dask"))
    grown = growth(points)
    load_after = os.getloadavg()

    serial = runs[0]
    serial_cpu = sum(serial.cpu.values())
    lines = [
        f"Documents: {len(texts)} generated from the FA-KES dev articles ({words:,} words), in tasks of {TASK}; "
        f"machine: {os.cpu_count()} cores, load average {load_before[0]:.1f} before and {load_after[0]:.1f} after "
        "this run (other processes share the cores: a wall-clock speed-up is bounded by what is free; the CPU "
        "columns are not).",
        "",
        "Workers are started and every one loads the model and analyses one short text first (\"start\", paid once "
        "per job; the serial run does the same in this process), then analyse the documents (\"seconds\").",
        "",
        "| run | start s | seconds | docs/s | words/s | **speed-up vs serial** | CPU s per worker (in tasks) | "
        "speed-up the CPU allows | parent CPU s | peak RSS per worker (MB) |",
        "|---|---:|---:|---:|---:|---:|---|---:|---:|---|",
    ]
    for r in runs:
        busiest = max(r.cpu.values())
        lines.append(
            f"| {r.name} | {r.start_s:.1f} | {r.seconds:.1f} | {len(texts) / r.seconds:.2f} | "
            f"{words / r.seconds:,.0f} | **{serial.seconds / r.seconds:.2f}x** | "
            f"{', '.join(f'{c:.1f}' for c in sorted(r.cpu.values()))} | {serial_cpu / busiest:.2f}x | "
            f"{r.parent_cpu:.1f} | {', '.join(str(p) for p in sorted(r.peaks.values()))} |")
    two = runs[1]
    lines += ["", f"With the start included, 2 local workers take {two.start_s + two.seconds:.1f} s against "
              f"{serial.seconds:.1f} s serial ({serial.seconds / (two.start_s + two.seconds):.2f}x)"
              + (f", Dask {runs[2].start_s + runs[2].seconds:.1f} s "
                 f"({serial.seconds / (runs[2].start_s + runs[2].seconds):.2f}x)" if len(runs) > 2 else "") + ".", ""]
    lines += growth_lines(grown)
    lines += ["", f"Cold start, `claimgraph analyze examples/southfront-turkmen-mountain.txt` (a new process each): "
              f"{', '.join(f'{t:.2f}' for t in cold)} s (median {statistics.median(cold):.2f} s); "
              f"{cold_cpu_s:.2f} s of CPU."]
    body = "\n".join(lines)
    print(body)
    if not args.no_record:
        record("scale", "Scale: worker processes, Dask, memory, cold start", body)


if __name__ == "__main__":
    main()
