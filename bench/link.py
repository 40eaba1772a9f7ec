"""Cross-document incident linking on FA-KES dev, beside a TF-IDF cosine baseline, and linking speed.

    python -m bench.link [--analyse-only] [--reanalyse] [--no-record]

Gold (weak but independent of the text): two FA-KES dev articles report the same incident when their
`date` and `location` columns are equal (76 pairs). Each article is analysed once, as `claimgraph
ingest` reads a CSV (text column, outlet column; the gold `date` column is NOT given as the publication
date, so the dates come from the text), and the analyses are cached in bench/out/link/ (gitignored).
Pairs of articles that share an incident are scored by pairwise precision and recall; the baseline is
TF-IDF cosine over the same texts, linking pairs above a threshold, reported at its best threshold.

Speed: linking the 402 analyses from scratch, and linking 10 new analyses against a generated index
of 10,000 (blocked candidates, never all pairs), timed in the same process.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import itertools
import json
import math
import re
import sys
import time
from collections import Counter

from bench.common import ROOT, bench_data_dir, record
from claimgraph.contract import Document

OUT = ROOT / "bench" / "out" / "link"
CACHE = OUT / "fakes-dev-analyses.jsonl"


def fakes_rows() -> list[dict[str, str]]:
    path = bench_data_dir() / "fakes-syria-dev" / "fakes-dev.csv"
    with open(path, encoding="utf-8", errors="replace", newline="") as f:
        return list(csv.DictReader(f))


def analyse(rows: list[dict[str, str]]) -> None:
    """Analyse every row once (key = row number) into CACHE, one JSON object per line."""
    from claimgraph.errors import ClaimgraphError
    from claimgraph.ingest import prepare
    from claimgraph.pipeline import Analyzer

    OUT.mkdir(parents=True, exist_ok=True)
    articles: list = []
    for r in rows:
        try:
            articles.append(prepare(r["article_content"], title=r["article_title"] or None, outlet=r["source"] or None))
        except ClaimgraphError as exc:
            articles.append(exc)
    t0 = time.perf_counter()
    tmp = CACHE.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as out:
        for outcome in Analyzer().analyze_many(articles):
            i = outcome.index - 1
            rec = {"key": f"fakes-dev.csv:{i + 2}", "unit_id": rows[i]["unit_id"],
                   "analysis": outcome.analysis.to_dict() if outcome.analysis else None,
                   "error": str(outcome.error) if outcome.error else None}
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            if outcome.index % 25 == 0:
                print(f"  analysed {outcome.index}/{len(rows)} in {time.perf_counter() - t0:.0f}s", flush=True)
    tmp.replace(CACHE)
    print(f"analysed {len(rows)} articles in {time.perf_counter() - t0:.0f}s -> {CACHE}")


def load(rows: list[dict[str, str]]) -> list:
    """The cached analyses, one per row (None where the analysis failed)."""
    from claimgraph.contract import Analysis

    out = []
    with open(CACHE, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            out.append(Analysis.model_validate(rec["analysis"]) if rec["analysis"] else None)
    if len(out) != len(rows):
        raise SystemExit(f"{CACHE} holds {len(out)} analyses for {len(rows)} rows: rerun with --reanalyse")
    return out


def gold_pairs(rows: list[dict[str, str]]) -> set[tuple[int, int]]:
    """Row pairs with the same `date` and `location` columns (FA-KES's incident, weak but independent)."""
    return {(i, j) for i, j in itertools.combinations(range(len(rows)), 2)
            if rows[i]["date"] == rows[j]["date"] and rows[i]["location"] == rows[j]["location"]}


def prf(pred: set, gold: set) -> tuple[float, float, float, int]:
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0), tp


def linked_pairs(linker, analyses: list, main_only: bool) -> set[tuple[int, int]]:
    """Row pairs whose documents share an incident (`main_only`: each document's main event is in it)."""
    rows_of: dict[str, list[int]] = {}
    for i, a in enumerate(analyses):
        if a is not None:
            rows_of.setdefault(a.document.id, []).append(i)
    pred: set[tuple[int, int]] = set()
    for inc in linker.incidents.incidents.values():
        docs = sorted({r.doc_id for r in inc.reports if r.lead or not main_only})
        for a, b in itertools.combinations(docs, 2):
            pred |= {(min(i, j), max(i, j)) for i in rows_of[a] for j in rows_of[b]}
    for d in rows_of.values():  # the same text under two rows is one document: those rows are linked
        pred |= set(itertools.combinations(sorted(d), 2))
    return pred


def tfidf_baseline(analyses: list, gold: set) -> tuple[float, float, float, float]:
    """TF-IDF cosine over the same texts, every pair ranked, scored at its best threshold (P, R, F1, threshold)."""
    texts = [a.document.text if a is not None else "" for a in analyses]
    tfs = [Counter(re.findall(r"[a-z]{3,}|\d+", t.lower())) for t in texts]
    df = Counter(w for tf in tfs for w in tf)
    n = len(texts)
    vecs = []
    for tf in tfs:
        v = {w: (1 + math.log(c)) * math.log(n / df[w]) for w, c in tf.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs.append({w: x / norm for w, x in v.items()})

    def cos(i: int, j: int) -> float:
        a, b = (vecs[i], vecs[j]) if len(vecs[i]) <= len(vecs[j]) else (vecs[j], vecs[i])
        return sum(x * b.get(w, 0.0) for w, x in a.items())

    ranked = sorted(((cos(i, j), (i, j)) for i, j in itertools.combinations(range(n), 2)), reverse=True)
    best = (0.0, 0.0, 0.0, 1.0)
    tp = 0
    for k, (sim, pair) in enumerate(ranked[:5000], start=1):
        tp += pair in gold
        p, r = tp / k, tp / len(gold)
        f = 2 * p * r / (p + r) if p + r else 0.0
        if f > best[2]:
            best = (p, r, f, sim)
    return best


def generated_corpus(analyses: list, size: int, seed: int = 7) -> list:
    """`size` analyses made from the dev ones: dates shifted by whole years and a few days, places moved up
    to half a degree, words shuffled (new texts, new ids): a corpus shaped like news, not copies of it."""
    import random

    from claimgraph.corpus.linking.digest import interval

    rng = random.Random(seed)
    base = [a for a in analyses if a is not None]
    out = []
    for k in range(size):
        a = base[k % len(base)]
        shift = dt.timedelta(days=365 * rng.randint(-30, 30) + rng.randint(-180, 180))
        words = a.document.text.split(" ")
        rng.shuffle(words)
        text = " ".join(words)

        def moved(value: str | None, shift: dt.timedelta = shift) -> str | None:
            iv = interval(value)
            if iv is None:
                return value
            day = iv[0] + shift
            return day.isoformat() if iv[2] == "day" else day.isoformat()[:7] if iv[2] == "month" else value

        dlat, dlon = rng.uniform(-0.5, 0.5), rng.uniform(-0.5, 0.5)
        doc = a.document.model_copy(update={"id": Document.id_for(text), "text": text,
                                            "published": moved(a.document.published)})
        times = [t.model_copy(update={"value": moved(t.value)}) for t in a.times]
        places = [p.model_copy(update={"lat": None if p.lat is None else max(-89.0, min(89.0, p.lat + dlat)),
                                       "lon": None if p.lon is None else p.lon + dlon}) for p in a.places]
        out.append(a.model_copy(update={"document": doc, "times": times, "places": places}))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--analyse-only", action="store_true")
    ap.add_argument("--reanalyse", action="store_true")
    ap.add_argument("--no-record", action="store_true")
    ap.add_argument("--store-size", type=int, default=10_000)
    args = ap.parse_args(argv)
    from claimgraph.corpus.linking import Linker

    rows = fakes_rows()
    if args.reanalyse or not CACHE.exists():
        analyse(rows)
    if args.analyse_only:
        return 0
    analyses = load(rows)
    gold = gold_pairs(rows)

    t0 = time.perf_counter()
    linker = Linker()
    linker.add_many(a for a in analyses if a is not None)
    t_add = time.perf_counter() - t0
    records = linker.records()
    t_all = time.perf_counter() - t0
    main_pred = linked_pairs(linker, analyses, main_only=True)
    all_pred = linked_pairs(linker, analyses, main_only=False)
    pm, rm, fm, tpm = prf(main_pred, gold)
    pa, ra, fa, tpa = prf(all_pred, gold)
    t1 = time.perf_counter()
    pb, rb, fb, thb = tfidf_baseline(analyses, gold)
    t_base = time.perf_counter() - t1
    kinds = Counter(f"{f.kind}/{f.aspect}" for f in records.findings)
    multi = sum(1 for i in records.incidents if len(i.reports) > 1)

    # speed: 10 new documents against a generated corpus, blocked candidates only
    generated = generated_corpus(analyses, args.store_size + 10)
    big = Linker()
    t2 = time.perf_counter()
    big.add_many(generated[:args.store_size])
    big.records(touched_only=True)
    t_big = time.perf_counter() - t2
    comparisons_before = big.incidents.comparisons
    t3 = time.perf_counter()
    big.add_many(generated[args.store_size:])
    new = big.records(touched_only=True)
    t_new = time.perf_counter() - t3
    comparisons_new = big.incidents.comparisons - comparisons_before

    print(f"FA-KES dev ({len(rows)} articles, {len(gold)} gold pairs)")
    print(f"  main events: P {pm:.3f} R {rm:.3f} F1 {fm:.3f} ({tpm}/{len(main_pred)} linked pairs correct)")
    print(f"  any event:   P {pa:.3f} R {ra:.3f} F1 {fa:.3f} ({tpa}/{len(all_pred)})")
    print(f"  TF-IDF cosine at its best threshold {thb:.3f}: P {pb:.3f} R {rb:.3f} F1 {fb:.3f} ({t_base:.1f}s)")
    print(f"  linking: {t_add:.1f}s to add, {t_all:.1f}s with records; {multi} incidents with 2+ documents; {kinds}")
    print(f"  generated corpus of {args.store_size}: built in {t_big:.1f}s; 10 new linked in {t_new:.2f}s "
          f"({comparisons_new} report comparisons, {len(new.incidents)} incidents touched)")
    if args.no_record:
        return 0
    body = f"""FA-KES dev, {len(rows)} articles analysed once as `claimgraph ingest` reads the CSV (text and outlet
columns; the gold `date` column is not given, dates come from the text). Gold: two articles with the same
`date` and `location` columns report the same incident ({len(gold)} pairs). Predicted: two articles whose
reports share an incident. "main events": only each article's main events count (the first by salience,
and any in its headline and first sentence), as the gold gives one incident per article; "any event": any
of its events. The baseline ranks every pair by TF-IDF cosine of the texts and is scored at its best
threshold, the same way.

| system | pairs linked | precision | recall | F1 |
|---|---|---|---|---|
| claimgraph incidents, main events | {len(main_pred)} | {pm:.3f} | {rm:.3f} | {fm:.3f} |
| claimgraph incidents, any event | {len(all_pred)} | {pa:.3f} | {ra:.3f} | {fa:.3f} |
| TF-IDF cosine >= {thb:.3f} (best F1) | | {pb:.3f} | {rb:.3f} | {fb:.3f} |

Goal (issue 9): precision >= 0.75 and recall >= 0.60.

Findings on the dev corpus: {", ".join(f"{k} {v}" for k, v in sorted(kinds.items()))}; {multi} incidents
reported by two or more articles. Hand-checked samples: docs/linking-audit.md.

Speed, same process: linking the {len(rows)} analyses from scratch {t_add:.1f} s ({t_all:.1f} s with every
record and finding built; goal < 60 s). A generated corpus of {args.store_size:,} analyses (the dev analyses
with dates shifted by whole years and days, places moved up to half a degree, words shuffled) linked in
{t_big:.1f} s; then 10 new documents linked against it in {t_new:.2f} s, with their findings (goal < 5 s):
{comparisons_new} report comparisons through the blocking index (kind x one-degree cell x ISO week), never
all pairs. In memory: the corpus store's incremental `claimgraph link` adds the cost of reading the
candidates back.

Run: `python -m bench.link` (analyses cached in bench/out/link/; `--reanalyse` redoes them)."""
    record("link", "Cross-document linking (FA-KES dev incidents, speed)", body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
