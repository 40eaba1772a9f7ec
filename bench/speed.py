"""Throughput of `claimgraph.analyze_many` vs spaCy's bare `nlp.pipe`, same model, same documents, same run.

    python -m bench.speed [--fakes 150] [--polnear 60] [--repeat 3] [--profile] [--no-record]

Documents: 150 FA-KES dev articles and 60 PolNeAR dev articles from ../shared/bench-data (the bundled sample
when the data is absent). Both sides get the raw text: claimgraph reads it (ingest), parses it and builds the
contract; bare spaCy only parses. The headline is a ratio (claimgraph's throughput / bare spaCy's), so it
holds across machines; both sides run each chunk of 16 documents back to back, in alternating order, and the
best of each side per chunk counts, so load from other processes hits both alike. `--profile` runs cProfile
with a CPU-time clock over one claimgraph pass on each set and writes where the time goes to the `profile`
section: CPU time per pipeline stage (exclusive, no profiler overhead) and, where py-spy is installed (`pip
install py-spy`; it samples a child process), the claimgraph functions that take the most of a pass. (cProfile
inflates Python-heavy code several times over; a wall-clock sampler on a loaded machine mostly records waiting
for a core.)
"""

from __future__ import annotations

import argparse
import csv
import os
import tarfile
import time
from collections import defaultdict

import spacy

import claimgraph
from bench.common import ROOT, bench_data_dir, record
from claimgraph.pipeline import default_analyzer


def polnear_texts(limit: int) -> list[str]:
    archive = bench_data_dir() / "polnear-dev" / "polnear_dev_text_attributions.tar.gz"
    texts: list[str] = []
    if archive.exists():
        with tarfile.open(archive) as tar:
            for member in sorted(tar.getmembers(), key=lambda m: m.name):
                if member.isfile() and "/text/" in member.name and member.name.endswith(".txt"):
                    texts.append(tar.extractfile(member).read().decode("utf-8"))
                    if len(texts) >= limit:
                        break
    return texts


def fakes_texts(limit: int) -> list[str]:
    path = bench_data_dir() / "fakes-syria-dev" / "fakes-dev.csv"
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return [r["article_content"] for r in csv.DictReader(fh) if r["article_content"].strip()][:limit]


def load_documents(limit: int) -> list[str]:
    """PolNeAR dev texts (kept for other benchmarks that import it), else the bundled sample."""
    return polnear_texts(limit) or [(ROOT / "examples" / "southfront-turkmen-mountain.txt").read_text("utf-8")]


def time_bare(nlp: spacy.Language, texts: list[str]) -> tuple[float, float]:
    """(wall, CPU) seconds of bare spaCy over the texts."""
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return time.perf_counter() - t0, time.process_time() - c0


def time_ours(texts: list[str]) -> tuple[float, float]:
    """(wall, CPU) seconds of claimgraph's full analysis over the texts."""
    t0, c0 = time.perf_counter(), time.process_time()
    for outcome in claimgraph.analyze_many(texts):
        assert outcome.analysis is not None, outcome.error
    return time.perf_counter() - t0, time.process_time() - c0


def interleaved(nlp: spacy.Language, texts: list[str], repeat: int,
                chunk: int = 16) -> tuple[float, float, float, float]:
    """(bare wall, ours wall, bare CPU, ours CPU) seconds: the texts in chunks of `chunk` (one `nlp.pipe`
    batch), each chunk run by both sides back to back, `repeat` times in alternating order, and the best of
    each side per chunk summed. A slow spell of a shared machine (other processes, a neighbour on the host)
    then lands on both sides of the same chunk instead of on one side's whole run, so the ratio holds."""
    best = [[float("inf")] * 4 for _ in range(0, len(texts), chunk)]
    for r in range(repeat):
        for k, s in enumerate(range(0, len(texts), chunk)):
            part = texts[s:s + chunk]
            order = (time_bare, time_ours) if (r + k) % 2 == 0 else (time_ours, time_bare)
            for fn in order:
                wall, cpu = fn(nlp, part) if fn is time_bare else fn(part)
                at = 0 if fn is time_bare else 1
                best[k][at], best[k][at + 2] = min(best[k][at], wall), min(best[k][at + 2], cpu)
    return tuple(sum(b[i] for b in best) for i in range(4))  # type: ignore[return-value]


def stage_cpu(texts: list[str], batch: int = 16) -> dict[str, float]:
    """CPU seconds of each stage over the texts, exclusive: reading (ingest), spaCy's tokenizer, claimgraph's
    copy of its Doc as a `TextDoc` (a Doc that keeps its text, read ~15 times per analysis), each pipeline
    component, building the contract. The stages run one after the other on each batch of `batch` documents,
    as `nlp.pipe` runs them (a component with `.pipe` gets the batch), so no profiler skews Python-heavy code."""
    from claimgraph.assemble import assemble
    from claimgraph.nlp.state import get_state
    from claimgraph.nlp.tokenize import keeping_text
    from claimgraph.pipeline import _coerce

    analyzer = default_analyzer()
    out: dict[str, float] = defaultdict(float)

    def clock(name: str, fn):  # noqa: ANN001, ANN202
        c0 = time.process_time()
        result = fn()
        out[name] += time.process_time() - c0
        return result

    for s in range(0, len(texts), batch):
        articles = clock("reading the input (ingest)", lambda s=s: [_coerce(t, i) for i, t in
                                                                   enumerate(texts[s:s + batch], s + 1)])
        plain = clock("tokenizer", lambda a=articles: [analyzer.nlp.tokenizer.tokenizer(analyzer._text(x)) for x in a])
        docs = clock("keeping the text (TextDoc)", lambda a=articles, p=plain: [
            _with_state(keeping_text(d, analyzer._text(x)), analyzer, x) for d, x in zip(p, a, strict=True)])
        for name, proc in analyzer.nlp.pipeline:
            if hasattr(proc, "pipe"):
                docs = clock(name, lambda p=proc, d=docs: list(p.pipe(d, batch_size=batch)))
            else:
                docs = clock(name, lambda p=proc, d=docs: [p(x) for x in d])
        clock("building the contract (assemble)", lambda d=docs: [assemble(x, get_state(x)) for x in d])
    return dict(out)


def _with_state(doc, analyzer, article):  # noqa: ANN001, ANN202 - what Analyzer._doc does after tokenizing
    doc._.claimgraph = analyzer._state(article)
    return doc


def pyspy_hot(texts_set: str, top: int = 15) -> list[tuple[str, float]] | None:
    """claimgraph's functions by share of py-spy's samples (inclusive) over a second analysis pass of a set in a
    child process (None when py-spy is not installed or may not trace)."""
    import shutil
    import subprocess
    import sys
    import tempfile

    exe = shutil.which("py-spy")
    if exe is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        raw = os.path.join(tmp, "samples.txt")
        run = subprocess.run([exe, "record", "--nonblocking", "-r", "250", "-f", "raw", "-o", raw, "--",
                              sys.executable, "-m", "bench.speed", "--one-pass", texts_set],
                             capture_output=True, text=True, cwd=ROOT)
        if run.returncode != 0 or not os.path.exists(raw):
            return None
        counts: dict[str, int] = defaultdict(int)
        total = 0
        for line in open(raw, encoding="utf-8"):
            stack, _, n = line.rstrip().rpartition(" ")
            if "_profiled_pass" not in stack:  # imports, model load, the first pass: not the one that counts
                continue
            total += int(n)
            names = set()
            for frame in stack.split(";"):
                fn, _, where = frame.partition(" (")
                where = "/" + where.replace(os.sep, "/")  # py-spy writes paths under the cwd relative
                if ("/claimgraph/" in where and "pipeline.py" not in where and "parallel.py" not in where
                        and not fn.endswith(".__call__")):  # a component's total is in the stage table
                    names.add(where.rsplit("/claimgraph/", 1)[1].split(":")[0] + " " + fn)
            for name in names:
                counts[name] += int(n)
    return [(k, v / total) for k, v in sorted(counts.items(), key=lambda kv: -kv[1])[:top]] if total else None


def one_pass(name: str) -> None:
    """What py-spy samples: a first pass over the set (loads, memos filled, as the timed runs' warm-up and
    first run do), then `_profiled_pass`, the pass that counts (steady state, as a long ingest runs)."""
    texts = fakes_texts(150) if name == "fakes" else polnear_texts(60)
    list(claimgraph.analyze_many(texts))
    _profiled_pass(texts)


def _profiled_pass(texts: list[str]) -> None:
    for _ in claimgraph.analyze_many(texts):
        pass


def profile_lines(sets: dict[str, list[str]]) -> list[str]:
    parts = ["CPU time of each stage, exclusive, over the same documents in batches of 16 (the stages run one after "
             "the other on each batch, as `nlp.pipe` runs them; no profiler overhead). spaCy's stages are the "
             "model; `claimgraph_*`, reading and building the contract are claimgraph's. Then, where py-spy is "
             "installed, claimgraph's functions by share of py-spy's samples over a second analysis pass (inclusive: "
             f"a function's callees count for it too). Load average {os.getloadavg()[0]:.1f}.", ""]
    for name, texts in sets.items():
        cpu = stage_cpu(texts)
        total = sum(cpu.values()) or 1.0
        ours = sum(v for k, v in cpu.items() if k.startswith("claimgraph") or "(" in k)
        parts += [f"**{len(texts)} {name}**: {total:.1f} s of CPU, claimgraph's own stages {ours:.1f} s "
                  f"({100 * ours / total:.0f}%), the model {total - ours:.1f} s", "",
                  "| stage | CPU s | share |", "|---|---:|---:|"]
        parts += [f"| {k} | {v:.2f} | {100 * v / total:.1f}% |" for k, v in sorted(cpu.items(), key=lambda kv: -kv[1])
                  if v >= 0.005]
        parts.append("")
        hot = pyspy_hot("fakes" if name.startswith("FA-KES") else "polnear")
        if hot:
            parts += ["| claimgraph function (py-spy, inclusive) | share of the pass |", "|---|---:|"]
            parts += [f"| `{k}` | {100 * v:.1f}% |" for k, v in hot]
            parts.append("")
    return parts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fakes", type=int, default=150)
    parser.add_argument("--polnear", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each chunk by each side; best counts")
    parser.add_argument("--profile", action="store_true", help="also profile one claimgraph pass per set")
    parser.add_argument("--no-record", action="store_true", help="print only, do not touch BENCHMARKS.md")
    parser.add_argument("--one-pass", choices=("fakes", "polnear"), help=argparse.SUPPRESS)  # what py-spy samples
    args = parser.parse_args(argv)
    if args.one_pass:
        one_pass(args.one_pass)
        return

    sets = {"FA-KES dev": fakes_texts(args.fakes), "PolNeAR dev": polnear_texts(args.polnear)}
    sets = {k: v for k, v in sets.items() if v} or {"sample": load_documents(1)}
    analyzer = default_analyzer()
    model = analyzer.model
    bare = spacy.load(model)
    for texts in sets.values():  # warm both up so loading and first-call costs are not counted
        list(bare.pipe(texts[:2]))
        list(claimgraph.analyze_many(texts[:2]))

    load_before = os.getloadavg()
    rows = []
    for name, texts in sets.items():
        words = sum(len(t.split()) for t in texts)
        rows.append((name, len(texts), words, *interleaved(bare, texts, args.repeat)))
    load_after = os.getloadavg()

    lines = [
        f"Model `{model}`; one process; each set in chunks of 16 documents (one `nlp.pipe` batch), both sides "
        f"run on each chunk back to back, {args.repeat} times in alternating order, the best of each side per "
        "chunk summed; load average "
        f"{load_before[0]:.1f} before, {load_after[0]:.1f} after (2 cores shared with other work: absolute "
        "rates are low and noisy, the ratio is what carries; the ratio on process CPU time does not count time "
        "spent waiting for a core).",
        "",
        "| documents | words | bare `nlp.pipe` s | `claimgraph.analyze_many` s | bare docs/s | ours docs/s | "
        "bare words/s | ours words/s | **throughput ratio (ours / bare)** | CPU s bare / ours | ratio on CPU time |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, n, words, bare_s, ours_s, bare_cpu, ours_cpu in rows:
        lines.append(f"| {n} {name} | {words:,} | {bare_s:.1f} | {ours_s:.1f} | {n / bare_s:.2f} | {n / ours_s:.2f} "
                     f"| {words / bare_s:,.0f} | {words / ours_s:,.0f} | **{bare_s / ours_s:.2f}x** "
                     f"| {bare_cpu:.1f} / {ours_cpu:.1f} | {bare_cpu / ours_cpu:.2f}x |")
    body = "\n".join(lines)
    print(body)
    if not args.no_record:
        record("speed", "Speed: claimgraph.analyze_many vs bare spaCy", body)
    if args.profile:
        prof = "\n".join(profile_lines(sets))
        print(prof)
        if not args.no_record:
            record("profile", "Profile: where the analysis time goes", prof)


if __name__ == "__main__":
    main()
