"""Places where the answer is absent: BBC non-conflict stories and web pages' furniture (issue 17, precision).

Two corpora with no place gold: the odd BBC non-conflict dev files (sport, entertainment, business, tech,
politics stories) and the article-extraction dev pages (HTML through claimgraph's ingest, so the page
furniture that ingest keeps is analysed too). Each text goes through the components places needs (as
bench/geo.py). Printed: place mentions per 100 documents; for pages, how many lie outside the page's gold
article body (a mention whose 30 characters either side are not found in the gold body: furniture, captions,
related links); and a sample of 20 mentions of each corpus drawn by a fixed seed, with context, to judge by
hand (bench/AUDIT_17.md records the verdicts).

Usage: python -m bench.places_absent [--sample 20] [--seed places-absent-2026-12-01]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re

from bench.common import ROOT, bench_data_dir
from bench.geo import KEEP

GOLD = ROOT / "tests" / "fixtures" / "pages_gold.json"


def _squash(text: str) -> str:
    return re.sub(r"\W+", "", text).casefold()


def _mentions(analysis: dict) -> list[tuple[int, int, str, str]]:
    """(start, end, resolved name, country) of every place mention, in text order."""
    out = []
    for place in analysis.get("places") or []:
        for s, e in place.get("mentions") or []:
            out.append((s, e, str(place.get("name")), str(place.get("country"))))
    return sorted(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sample", type=int, default=20)
    ap.add_argument("--seed", default="places-absent-2026-12-01")
    args = ap.parse_args(argv)

    from claimgraph.ingest import prepare
    from claimgraph.nlp import component_names
    from claimgraph.pipeline import Analyzer

    analyzer = Analyzer(exclude=tuple(n for n in component_names() if n not in KEEP))
    data = bench_data_dir()

    items: dict[str, list[tuple[str, str, str, bool]]] = {"bbc": [], "pages": []}
    docs = {"bbc": 0, "pages": 0}
    for f in sorted((data / "bbc-nonconflict-dev").glob("*.txt")):
        text = f.read_text(encoding="utf-8", errors="replace")
        a = analyzer.analyze_article(prepare(text, html=False)).model_dump(mode="json")
        docs["bbc"] += 1
        t = a["document"]["text"]
        for s, e, name, cc in _mentions(a):
            ctx = (t[max(0, s - 70):s] + "[[" + t[s:e] + "]]" + t[e:e + 50]).replace("\n", " / ")
            items["bbc"].append((f.stem, ctx, f"{name} ({cc})", False))
    bodies = json.loads((data / "article-extraction-dev" / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(json.loads(GOLD.read_text(encoding="utf-8"))["pages"]):
        html = gzip.open(data / "article-extraction-dev" / "html" / f"{key}.html.gz").read().decode("utf-8", "replace")
        try:
            a = analyzer.analyze_article(prepare(html)).model_dump(mode="json")
        except Exception:  # noqa: BLE001 - a page ingest cannot read has no places
            continue
        docs["pages"] += 1
        body = _squash(bodies.get(key, {}).get("articleBody", ""))
        t = a["document"]["text"]
        for s, e, name, cc in _mentions(a):
            ctx = (t[max(0, s - 70):s] + "[[" + t[s:e] + "]]" + t[e:e + 50]).replace("\n", " / ")
            near = _squash(t[max(0, s - 30):e + 30])
            items["pages"].append((key[:12], ctx, f"{name} ({cc})", near not in body))
    for corpus, rows in items.items():
        n = docs[corpus]
        outside = sum(r[3] for r in rows)
        print(f"== {corpus}: {n} documents, {len(rows)} place mentions = {100 * len(rows) / max(n, 1):.0f} per 100 "
              f"documents" + (f"; {outside} outside the gold body = {100 * outside / max(n, 1):.0f} per 100" if
                               corpus == "pages" else ""))
        pool = [r for r in rows if r[3]] if corpus == "pages" else rows
        for doc, ctx, res, _out in random.Random(f"{args.seed}:{corpus}").sample(pool, min(args.sample, len(pool))):
            print(f"{doc}\t{res}\t{ctx}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
