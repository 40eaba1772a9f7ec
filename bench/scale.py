"""Scaling: 1 vs 2 local worker processes, serial vs a 2-worker Dask LocalCluster, peak RSS per worker,
RSS as the document count grows, and the cold start of `claimgraph analyze` on the sample.

    python -m bench.scale [--docs 64] [--growth 100,300,600] [--no-dask] [--no-record]

Documents: the FA-KES dev articles (../shared/bench-data/fakes-syria-dev), cycled, each copy made
distinct by a numbered last line so no two texts are the same document. Every timing is a ratio against a
serial run in the same process on the same documents; the machine's load average is printed beside it,
because on a shared machine a parallel speed-up cannot exceed the cores that are actually free.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator

from bench.common import ROOT, bench_data_dir, record
from claimgraph.parallel import analyse_task, ordered_map, worker_analyzer

SAMPLE = ROOT / "examples" / "southfront-turkmen-mountain.txt"


def fakes_texts() -> list[str]:
    path = bench_data_dir() / "fakes-syria-dev" / "fakes-dev.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        return [r["article_content"] for r in csv.DictReader(fh) if r["article_content"].strip()]


def corpus(n: int) -> Iterator[str]:
    """n distinct documents generated from the dev articles (a generator: nothing held beyond the batch)."""
    base = fakes_texts()
    for i, text in zip(range(n), itertools.cycle(base), strict=False):
        yield f"{text}\n\nCopy {i // len(base) + 1}."


def _status(field: str) -> int:
    """A /proc/self/status memory figure in MB (VmRSS now, VmHWM the peak)."""
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1]) // 1024
    return 0


def analyse_and_rss(task: tuple[int, list[str], str | None]) -> tuple[int, int, int]:
    """A worker task: analyse a batch, report (articles analysed, worker pid, worker's peak RSS in MB)."""
    outcomes = analyse_task(task)
    assert all(o.analysis is not None for o in outcomes), [str(o.error) for o in outcomes if o.error]
    return len(outcomes), os.getpid(), _status("VmHWM")


def _tasks(texts: list[str], size: int = 8) -> Iterator[tuple[int, list[str], None]]:
    for start in range(0, len(texts), size):
        yield start + 1, texts[start:start + size], None


def run(texts: list[str], **engine) -> tuple[float, dict[int, int]]:
    """Seconds for all texts (worker start and model loads included) and each worker's peak RSS."""
    t0 = time.perf_counter()
    peaks: dict[int, int] = {}
    done = 0
    for n, pid, peak in ordered_map(analyse_and_rss, _tasks(texts), **engine):
        done += n
        peaks[pid] = max(peaks.get(pid, 0), peak)
    assert done == len(texts)
    return time.perf_counter() - t0, peaks


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
            target = next(targets, 0)
    return out


def cold_start(repeat: int = 3) -> list[float]:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "claimgraph.cli", "analyze", str(SAMPLE)], check=True,
                       capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - t0)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=64, help="documents for the speed-up runs")
    parser.add_argument("--growth", default="100,300,600", help="document counts at which RSS is read")
    parser.add_argument("--no-dask", action="store_true")
    parser.add_argument("--no-record", action="store_true", help="print only, do not touch BENCHMARKS.md")
    args = parser.parse_args()

    load_before = os.getloadavg()
    cold = cold_start()
    texts = list(corpus(args.docs))
    words = sum(len(t.split()) for t in texts)
    _ = worker_analyzer().nlp  # the serial run's model, loaded before its clock starts (workers load theirs inside)
    serial_s, serial_peak = run(texts, workers=1)
    two_s, two_peaks = run(texts, workers=2)
    rows = [("serial, one process (model already loaded)", serial_s, serial_peak),
            ("2 local worker processes (start + model loads included)", two_s, two_peaks)]
    if not args.no_dask:
        dask_s, dask_peaks = run(texts, workers=2, engine="dask")
        rows.append(("Dask LocalCluster, 2 worker processes (start + model loads included)", dask_s, dask_peaks))
    points = [int(p) for p in args.growth.split(",")]
    grown = growth(points)
    load_after = os.getloadavg()

    lines = [
        f"Documents: {len(texts)} FA-KES dev articles ({words:,} words) for the speed-ups; "
        f"machine: {os.cpu_count()} cores, load average {load_before[0]:.1f} before and {load_after[0]:.1f} "
        "after this run (other processes share the cores, so a speed-up here is bounded by what is free, "
        "not by claimgraph).",
        "",
        "| run | seconds | docs/s | words/s | speed-up vs serial | peak RSS per worker (MB) |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for name, secs, peaks in rows:
        lines.append(f"| {name} | {secs:.1f} | {len(texts) / secs:.2f} | {words / secs:,.0f} | "
                     f"{serial_s / secs:.2f}x | {', '.join(str(p) for p in sorted(peaks.values()))} |")
    lines += ["", "RSS of one process streaming a generated corpus through `claimgraph.analyze_many`:", "",
              "| documents analysed | RSS (MB) | seconds |", "|---:|---:|---:|"]
    lines += [f"| {n:,} | {rss} | {secs:.0f} |" for n, rss, secs in grown]
    first, last = grown[0], grown[-1]
    lines += ["", f"RSS after {last[0]:,} documents is {100 * (last[1] - first[1]) / first[1]:+.1f}% of RSS after "
              f"{first[0]:,}.", "",
              f"Cold start, `claimgraph analyze examples/southfront-turkmen-mountain.txt` (a new process each): "
              f"{', '.join(f'{t:.2f}' for t in cold)} s (median {statistics.median(cold):.2f} s)."]
    body = "\n".join(lines)
    print(body)
    if not args.no_record:
        record("scale", "Scale: worker processes, Dask, memory, cold start", body)


if __name__ == "__main__":
    main()
