"""Sample for the issue-17 hand audit (bench/AUDIT_17.md): one quote, place and quantity in each of 20 PolNeAR
dev tuning-part articles, printed with context for judging by hand.

Usage: python -m bench.audit17 [PRED_DIR]   (default: bench/out/quotes/claimgraph, written by bench.quotes)
       python -m bench.audit17 --analyse OUT_DIR   (analyse only the 20 sampled articles, full pipeline, into
                                                   OUT_DIR; then pass OUT_DIR to list the sample)
       python -m bench.audit17 --furniture OUT_DIR  (text where no quote is expected: the English pages of
                                                   article-extraction-dev, HTML with its menus, captions and
                                                   banners, and 100 BBC non-conflict stories; analyses them into
                                                   OUT_DIR, prints quotes per 100 documents and 20 quotes of each
                                                   corpus drawn with a fixed seed, for judging their speakers)
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
FURNITURE_SEED = "audit17-furniture"
BBC_DOCS = 100


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


def furniture_docs() -> dict[str, dict[str, str]]:
    """{corpus: {doc id: raw text or HTML}}: every English article-extraction-dev page (the keys of
    tests/fixtures/pages_gold.json) and the first BBC_DOCS BBC non-conflict stories by SHA-256 of their name."""
    import gzip

    data = bench_data_dir()
    keys = json.loads((ROOT / "tests" / "fixtures" / "pages_gold.json").read_text(encoding="utf-8"))["pages"]
    pages = {k: gzip.open(data / "article-extraction-dev" / "html" / f"{k}.html.gz").read().decode("utf-8", "replace")
             for k in sorted(keys)}
    bbc_files = sorted((data / "bbc-nonconflict-dev").glob("*.txt"),
                       key=lambda p: hashlib.sha256(f"{FURNITURE_SEED}:{p.name}".encode()).hexdigest())[:BBC_DOCS]
    bbc = {p.stem: p.read_text(encoding="utf-8", errors="replace") for p in bbc_files}
    return {"pages": pages, "bbc": bbc}


def furniture(out: Path) -> None:
    """Analyse the documents of furniture_docs() (cached in OUT_DIR), print quotes per 100 documents by corpus
    and 20 of each corpus's quotes drawn with FURNITURE_SEED, with their speaker and context."""
    from claimgraph.ingest import prepare
    from claimgraph.pipeline import Analyzer

    analyzer = None
    for corpus, docs in furniture_docs().items():
        (out / corpus).mkdir(parents=True, exist_ok=True)
        items = []
        for key, raw in docs.items():
            path = out / corpus / f"{key}.json"
            if not path.exists():
                analyzer = analyzer or Analyzer()
                analysis = analyzer.analyze_article(prepare(raw)).to_dict()
                path.write_text(json.dumps(analysis, ensure_ascii=False), encoding="utf-8")
            d = json.loads(path.read_text(encoding="utf-8"))
            sources = {s["id"]: s for s in d["sources"]}
            text = d["document"]["text"]
            for q in d["quotes"]:
                s, e = q["span"]
                ss = q.get("speaker_span")
                items.append((key, q["kind"], (sources.get(q.get("speaker")) or {}).get("label"),
                              text[ss[0]:ss[1]] if ss else None,
                              (text[max(0, s - 100):s] + "[[" + text[s:e] + "]]" + text[e:e + 60])
                              .replace("\n", " | ")))
        print(f"== {corpus}: {len(docs)} documents, {len(items)} quotes, {100 * len(items) / len(docs):.1f} per 100")
        for i, (key, kind, label, written, ctx) in enumerate(
                random.Random(FURNITURE_SEED).sample(items, min(N, len(items))), 1):
            print(f"{i:2d}. {key[:14]} {kind} | speaker {label!r} written {written!r} | {ctx[:420]}")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--analyse"]:
        analyse(Path(args[1]))
        return 0
    if args[:1] == ["--furniture"]:
        furniture(Path(args[1]))
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
