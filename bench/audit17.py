"""Sample for the issue-17 hand audit (bench/AUDIT_17.md): one quote, place and quantity in each of 20 PolNeAR
dev tuning-part articles, printed with context for judging by hand.

Usage: python -m bench.audit17 [PRED_DIR]   (default: bench/out/quotes/claimgraph, written by bench.quotes)
       python -m bench.audit17 --analyse OUT_DIR   (analyse only the 20 sampled articles, full pipeline, into
                                                   OUT_DIR; then pass OUT_DIR to list the sample)
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from pathlib import Path

from bench.common import ROOT, bench_data_dir, part
from bench.quotes import SPLIT_SEED, read_gold

N = 20


def sample_names(names: list[str]) -> list[str]:
    """The audited articles: the first N tuning-part names by SHA-256 of `audit17:<name>`."""
    tune = sorted(n for n in names if part(SPLIT_SEED, "polnear", n) == "tune")
    tune.sort(key=lambda n: hashlib.sha256(f"audit17:{n}".encode()).hexdigest())
    return tune[:N]


def analyse(out: Path) -> None:
    """Analyse the sampled articles as bench.quotes does (gold text as given, outlet from the name)."""
    from claimgraph.ingest import prepare
    from claimgraph.pipeline import Analyzer

    gold = read_gold(bench_data_dir() / "polnear-dev" / "polnear_dev_text_attributions.tar.gz")
    out.mkdir(parents=True, exist_ok=True)
    analyzer = Analyzer()
    for name in sample_names(list(gold)):
        article = prepare(gold[name]["text"], outlet=name.split("_")[0])
        article.text = gold[name]["text"]
        analysis = analyzer.analyze_article(article).to_dict()
        (out / f"{name}.json").write_text(json.dumps(analysis, ensure_ascii=False), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--analyse"]:
        analyse(Path(args[1]))
        return 0
    pred = Path(args[0]) if args else ROOT / "bench" / "out" / "quotes" / "claimgraph"
    for name in sample_names([p.stem for p in pred.glob("*.json")]):
        d = json.loads((pred / f"{name}.json").read_text(encoding="utf-8"))
        text = d["document"]["text"]
        rnd = random.Random(name)
        sources = {s["id"]: s for s in d["sources"]}

        def ctx(s: int, e: int, text: str = text) -> str:
            return (text[max(0, s - 80):s] + "[[" + text[s:e] + "]]" + text[e:e + 60]).replace("\n", " ")

        print("=====", name)
        if d["quotes"]:
            q = rnd.choice(d["quotes"])
            speaker = (sources.get(q.get("speaker")) or {}).get("label")
            print("QUOTE", q["kind"], "| speaker:", speaker, "|", ctx(*q["span"])[:400])
        if d["places"]:
            p = rnd.choice(d["places"])
            print("PLACE", p["name"], p["country"], p["lat"], p["lon"], "|", ctx(*rnd.choice(p["mentions"])))
        if d["quantities"]:
            q = rnd.choice(d["quantities"])
            print("QTY", q.get("value"), q.get("unit"), "|", ctx(*q["span"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
