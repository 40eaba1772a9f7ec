"""Time and memory on long and pathological documents: does analysis stay linear and bounded?

    python -m bench.long [--sizes 100000,900000] [--patterns 100000] [--no-record]

Real prose: PolNeAR dev texts (or, without the bench data, the test fixtures) concatenated at run time, in
paragraphs, up to the size asked; nothing is copied into the repository. Each size is analysed in a fresh
subprocess so its peak RSS (`ru_maxrss`, model included) is its own. The headlines are ratios measured in the
same run: the long article's time against nine times the 100,000-character article's, and each hostile pattern
(`“said ` repeated, `between 5 and ` repeated, a run of `"`, ...) at 100,000 characters against real prose of
the same length.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tarfile
import time

from bench.common import ROOT, bench_data_dir, record

#: hostile patterns: each repeated to the size asked (the issue's three, and ours)
PATTERNS: dict[str, str] = {
    "“said ": "“said ",
    "between 5 and ": "between 5 and ",
    '"': '"',
    "said ": "said ",
    "“a” ": "“a” ",
    "9 ": "9 ",
    "Mr. ": "Mr. ",
    "By A ": "By A ",
    "-": "-",
    "according to ": "according to ",
    "killed ": "killed ",
    "1,": "1,",
    "word ": "Beirut ",
    "newline": "Gaza\n",
}


def prose_source() -> str:
    """Which prose the long articles are made of: the figures (entity counts above all) depend on it."""
    if (bench_data_dir() / "polnear-dev" / "polnear_dev_text_attributions.tar.gz").exists():
        return "PolNeAR dev texts"
    return ("the test fixture articles (bench data not found: set CLAIMGRAPH_BENCH_DATA; about 10,000 characters "
            "repeated, so entity counts stop growing)")


def prose_texts() -> list[str]:
    """Real news texts to build long articles from (read at run time, never stored here).

    Without the bench data (a clone elsewhere than next to ../shared), the fixtures: 10,000 characters repeated,
    which once made a run report 89 entities on 100,000 characters instead of 371 (see `prose_source`).
    """
    archive = bench_data_dir() / "polnear-dev" / "polnear_dev_text_attributions.tar.gz"
    texts: list[str] = []
    if archive.exists():
        with tarfile.open(archive) as tar:
            for member in sorted(tar.getmembers(), key=lambda m: m.name):
                if member.isfile() and "/text/" in member.name and member.name.endswith(".txt"):
                    texts.append(tar.extractfile(member).read().decode("utf-8"))
    if not texts:
        fixtures = ROOT / "tests" / "fixtures" / "articles"
        texts = [p.read_text(encoding="utf-8") for p in sorted(fixtures.glob("*.txt"))]
    return texts


def long_article(chars: int) -> str:
    """Real articles, paragraph after paragraph, cut at a paragraph end near `chars` characters."""
    out: list[str] = []
    size = 0
    texts = prose_texts()
    i = 0
    while size < chars:
        for para in texts[i % len(texts)].split("\n"):
            if para.strip() and size < chars:
                out.append(para.strip())
                size += len(para) + 2
        i += 1
    return "\n\n".join(out)[:chars]


def pattern_text(pattern: str, chars: int) -> str:
    return (PATTERNS[pattern] * (chars // len(PATTERNS[pattern]) + 1))[:chars]


def _child(kind: str, arg: str, chars: int) -> None:
    """Runs in a subprocess: analyse one text, print its time, peak RSS and item counts as JSON."""
    import logging

    from claimgraph.ingest import prepare
    from claimgraph.pipeline import Analyzer

    logging.getLogger("claimgraph").setLevel(logging.CRITICAL)
    analyzer = Analyzer()
    analyzer.analyze_article(prepare("The army said on Monday that 12 people were killed in the town."))  # warm up
    text = long_article(chars) if kind == "prose" else pattern_text(arg, chars)
    t0, c0 = time.perf_counter(), time.process_time()
    try:
        analysis = analyzer.analyze_article(prepare(text, max_chars=max(chars, 1_000_000)))
        counts = {s: len(getattr(analysis, s)) for s in ("entities", "quotes", "quantities", "events", "claims")}
        errors = [f.message[:200] for f in analysis.flags if f.kind == "component_error"]
    except Exception as exc:  # noqa: BLE001 - reported, not raised
        counts, errors = {}, [f"{type(exc).__name__}: {exc}"[:200]]
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"chars": len(text), "seconds": seconds, "cpu": cpu, "rss_mb": rss_mb, "counts": counts,
                      "errors": errors}))


def measure(kind: str, arg: str, chars: int) -> dict:
    out = subprocess.run([sys.executable, "-m", "bench.long", "--child", kind, arg, str(chars)],
                         capture_output=True, text=True, cwd=ROOT, check=False)
    if out.returncode != 0:
        nan = float("nan")
        return {"chars": chars, "seconds": nan, "cpu": nan, "rss_mb": nan, "errors": [out.stderr[-300:]]}
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        _child(sys.argv[2], sys.argv[3], int(sys.argv[4]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,900000", help="real-prose sizes in characters; the first is "
                        "the base the others are compared with")
    parser.add_argument("--patterns", type=int, default=100_000, help="size of each hostile pattern (0: skip)")
    parser.add_argument("--only", default="", help="pattern names to run, separated by `|` (default: all)")
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args()

    sizes = [int(s) for s in args.sizes.split(",") if s]
    prose = {n: measure("prose", "-", n) for n in sizes}
    base_n = sizes[0]
    base = prose[base_n]
    lines = [f"Real prose ({prose_source()} concatenated in paragraphs), each size in a fresh process; peak RSS "
             "includes the model. Ratios are of CPU time (the process's own, so that other work on a shared "
             "machine does not move them); wall seconds for reference.", "",
             "| characters | wall s | CPU s | x CPU of the base scaled by size | peak RSS MB | "
             "entities | quotes | claims | component errors |", "|---|---|---|---|---|---|---|---|---|"]
    for n, r in prose.items():
        scaled = r["cpu"] / (base["cpu"] * n / base_n)
        c = r.get("counts", {})
        lines.append(f"| {n:,} | {r['seconds']:.1f} | {r['cpu']:.1f} | {scaled:.2f} | {r['rss_mb']:.0f} | "
                     f"{c.get('entities', '-')} | {c.get('quotes', '-')} | {c.get('claims', '-')} | "
                     f"{len(r['errors'])} |")
        print(lines[-1], flush=True)
    if args.patterns:
        only = {p for p in args.only.split("|") if p}
        lines += ["", f"Hostile patterns repeated to {args.patterns:,} characters, against real prose of the same "
                  "length (the issue's bound: 4x; CPU time).", "", "| pattern | wall s | CPU s | x real prose (CPU) | "
                  "peak RSS MB | component errors |", "|---|---|---|---|---|---|"]
        ref = prose.get(args.patterns) or measure("prose", "-", args.patterns)
        for name in PATTERNS:
            if only and name not in only:
                continue
            r = measure("pattern", name, args.patterns)
            lines.append(f"| `{json.dumps(PATTERNS[name], ensure_ascii=False)[1:-1]}` | {r['seconds']:.1f} | "
                         f"{r['cpu']:.1f} | {r['cpu'] / ref['cpu']:.2f} | {r['rss_mb']:.0f} | {len(r['errors'])} |")
            print(lines[-1], flush=True)
    body = "\n".join(lines)
    print(body)
    if not args.no_record:
        record("long", "Long and hostile documents: time and peak memory (bench/long.py)", body)


if __name__ == "__main__":
    main()
