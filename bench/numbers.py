"""Numbers and dates benchmark: Quantity, Money and Temporal spans on re3d (bench-data/re3d).

re3d (Dstl) annotates entities in 98 documents about the conflict in Syria and Iraq; its `Quantity`,
`Money` and `Temporal` types are the gold here. The archive is read in place (never copied).

Gold: entities of those types with re3d confidence >= 0.5 (lower ones are annotations the crowd rejected),
deduplicated per span. "Numeric" Quantity/Money spans are those holding a digit, a number word or a vague
count word ("hundreds") - "money" or "wages" are Money in re3d but no figure. Predictions: every
claimgraph quantity (its span: bounds, figure, unit or currency) against Quantity+Money gold, and every
time against Temporal gold, from the full claimgraph pipeline on the plain document text.

Matching: exact = identical [begin, end); overlap = the two spans share at least one character. Recall =
share of gold spans matched by some prediction; precision = share of predictions matching some gold
span of the compared types (re3d does not annotate every figure, so precision is a lower bound).

There is no referee scorer for this task in ../shared/eval; this harness is the only measure.
Usage: python -m bench.numbers [--no-cache] [--limit N] [--show-misses]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import tarfile
import time
from pathlib import Path

from bench.common import ROOT, bench_data_dir, record

OUT = ROOT / "bench" / "out" / "numbers"
MIN_CONFIDENCE = 0.5
_NUMERIC = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|"
    r"millions?|billions?|dozens?|several|half|a few|a couple)\b",
    re.I,
)


def load_re3d(path: Path) -> tuple[dict[str, str], dict[str, list[tuple[int, int, str, str]]]]:
    """Documents {id: text} and gold {id: [(begin, end, type, text)]} from the re3d archive."""
    docs: dict[str, str] = {}
    gold: dict[str, set[tuple[int, int, str, str]]] = {}
    with tarfile.open(path) as tar:
        members = {m.name: m for m in tar.getmembers() if m.isfile()}
        for name, member in sorted(members.items()):
            if not name.endswith("documents.json"):
                continue
            for line in tar.extractfile(member).read().decode("utf-8-sig").splitlines():
                if line.strip():
                    obj = json.loads(line)
                    docs[obj["_id"]] = obj["text"]
        for name, member in sorted(members.items()):
            if not name.endswith("entities.json"):
                continue
            for line in tar.extractfile(member).read().decode("utf-8-sig").splitlines():
                if not line.strip():
                    continue
                obj = json.loads(line)
                if obj["type"] not in ("Quantity", "Money", "Temporal") or obj.get("confidence", 1) < MIN_CONFIDENCE:
                    continue
                text = docs.get(obj["documentId"])
                if text is None:
                    continue
                b, e = obj["begin"], obj["end"]
                gold.setdefault(obj["documentId"], set()).add((b, e, obj["type"], text[b:e]))
    return docs, {k: sorted(v) for k, v in gold.items()}


def _code_hash() -> str:
    h = hashlib.sha256()
    nlp = ROOT / "claimgraph" / "nlp"
    for path in [nlp / "times.py", *sorted((nlp / "quantities").glob("*.py")), *sorted((nlp / "shared").glob("*.py"))]:
        h.update(path.read_bytes())
    for path in sorted((ROOT / "claimgraph" / "data").glob("*")):
        if path.is_file():
            h.update(path.read_bytes())
    return h.hexdigest()[:12]


def predict(docs: dict[str, str], use_cache: bool) -> dict[str, dict[str, list[list[int]]]]:
    """{doc id: {"quantities": [[s, e]], "times": [[s, e]]}}, cached under bench/out/numbers/."""
    from claimgraph.ingest import Article
    from claimgraph.meta import DocMeta
    from claimgraph.pipeline import Analyzer

    cache_file = OUT / f"pred-{_code_hash()}.json"
    if use_cache and cache_file.exists():
        return json.loads(cache_file.read_text(encoding="utf-8"))
    analyzer = Analyzer()
    preds: dict[str, dict[str, list[list[int]]]] = {}
    for doc_id, text in docs.items():
        analysis = analyzer.analyze_article(Article(text=text, meta=DocMeta()))
        assert analysis.document.text == text
        preds[doc_id] = {
            "quantities": [list(q.span) for q in analysis.quantities],
            "times": [list(t.span) for t in analysis.times],
        }
    OUT.mkdir(parents=True, exist_ok=True)
    cache_file.write_text(json.dumps(preds), encoding="utf-8")
    return preds


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score(gold_spans: list[tuple[int, int]], pred_spans: list[tuple[int, int]], prec_gold: list[tuple[int, int]]
          ) -> dict[str, tuple[int, int]]:
    """(hits, total) for recall and precision, exact and overlap."""
    gs, ps, pg = set(gold_spans), set(pred_spans), set(prec_gold)
    return {
        "recall_exact": (sum(1 for g in gold_spans if g in ps), len(gold_spans)),
        "recall_overlap": (sum(1 for g in gold_spans if any(_overlap(g, p) for p in pred_spans)), len(gold_spans)),
        "precision_exact": (sum(1 for p in pred_spans if p in pg), len(pred_spans)),
        "precision_overlap": (sum(1 for p in pred_spans if any(_overlap(p, g) for g in prec_gold)), len(pred_spans)),
        "_gs": (len(gs), 0),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-cache", action="store_true")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--no-record", action="store_true")
    args = ap.parse_args(argv)
    archive = bench_data_dir() / "re3d" / "re3d_all.tar.gz"
    if not archive.exists():
        print(f"re3d not found at {archive}", file=sys.stderr)
        return 1
    docs, gold = load_re3d(archive)
    if args.limit:
        docs = dict(list(docs.items())[: args.limit])
    t0 = time.perf_counter()
    preds = predict(docs, use_cache=not args.no_cache)
    elapsed = time.perf_counter() - t0

    rows: dict[str, dict[str, list[int]]] = {}
    misses: dict[str, list[str]] = {"quantity": [], "temporal": [], "fp_quantity": [], "fp_temporal": []}

    def add(name: str, res: dict[str, tuple[int, int]]) -> None:
        row = rows.setdefault(name, {})
        for k, (hit, tot) in res.items():
            h0, t0_ = row.get(k, [0, 0])
            row[k] = [h0 + hit, t0_ + tot]

    for doc_id, text in docs.items():
        g = gold.get(doc_id, [])
        qm_all = [(b, e) for b, e, t, _ in g if t in ("Quantity", "Money")]
        q_num = [(b, e) for b, e, t, s in g if t == "Quantity" and _NUMERIC.search(s)]
        m_num = [(b, e) for b, e, t, s in g if t == "Money" and _NUMERIC.search(s)]
        temporal = [(b, e) for b, e, t, _ in g if t == "Temporal"]
        pq = [tuple(s) for s in preds[doc_id]["quantities"]]
        pt = [tuple(s) for s in preds[doc_id]["times"]]
        add("Quantity (numeric)", score(q_num, pq, qm_all))
        add("Money (numeric)", score(m_num, pq, qm_all))
        add("Quantity + Money (numeric)", score(q_num + m_num, pq, qm_all))
        add("Temporal", score(temporal, pt, temporal))
        if args.show_misses:
            for span in q_num + m_num:
                if not any(_overlap(span, p) for p in pq):
                    misses["quantity"].append(f"{text[span[0]:span[1]]!r} | {text[max(0, span[0]-40):span[1]+40]!r}")
            for span in temporal:
                if not any(_overlap(span, p) for p in pt):
                    misses["temporal"].append(f"{text[span[0]:span[1]]!r} | {text[max(0, span[0]-40):span[1]+40]!r}")
            for p in pq:
                if not any(_overlap(p, s) for s in qm_all):
                    misses["fp_quantity"].append(f"{text[p[0]:p[1]]!r} | {text[max(0, p[0]-40):p[1]+40]!r}")
            for p in pt:
                if not any(_overlap(p, s) for s in temporal):
                    misses["fp_temporal"].append(f"{text[p[0]:p[1]]!r} | {text[max(0, p[0]-40):p[1]+40]!r}")

    def pct(hit_tot: list[int]) -> str:
        hit, tot = hit_tot
        return f"{hit / tot:.3f} ({hit}/{tot})" if tot else "n/a"

    lines = [
        f"re3d, {len(docs)} documents; gold = re3d Quantity/Money/Temporal entities with confidence >= "
        f"{MIN_CONFIDENCE}; numeric = the gold text holds a digit, number word or vague count word. "
        "exact = identical span, overlap = at least one shared character. Quantity/Money precision is "
        "against all Quantity+Money gold, Temporal precision against Temporal gold. No referee scorer exists "
        "for this task in shared/eval.",
        "",
        "| gold | recall exact | recall overlap | precision exact | precision overlap |",
        "|---|---|---|---|---|",
    ]
    for name, row in rows.items():
        lines.append(f"| {name} | {pct(row['recall_exact'])} | {pct(row['recall_overlap'])} | "
                     f"{pct(row['precision_exact'])} | {pct(row['precision_overlap'])} |")
    lines += ["", "Targets (issue 4): recall >= 0.85 on numeric Quantity+Money, >= 0.80 on Temporal (overlap).",
              f"Run time {elapsed:.1f} s (cached predictions are reused when code and data are unchanged)."]
    body = "\n".join(lines)
    print(body)
    if args.show_misses:
        for k, v in misses.items():
            print(f"\n## {k} ({len(v)})")
            for line in v:
                print("  ", line)
    if not args.no_record and not args.limit:
        record("numbers", "Numbers and dates (re3d Quantity, Money, Temporal spans)", body)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
