"""Web UI render times: the article page of a 5,000-word article and the claims page over 10,000+ claims.

    claimgraph ingest ../shared/bench-data/fakes-syria-dev/fakes-dev.csv --text-col article_content \\
        --title-col article_title --outlet-col source --date-col date --id-col unit_id --db /tmp/bench.duckdb
    claimgraph ingest ../shared/bench-data/bbc-nonconflict-dev --db /tmp/bench.duckdb
    python -m bench.web --db /tmp/bench.duckdb

Requests go through FastAPI's TestClient in this process (routing, the view, Jinja2, the response), warm:
the view over the store is built once at the first request (timed separately), as `claimgraph serve` does.
Each figure is the median of several requests; the JSON of the same document (the contract, no template)
is the baseline in the same run.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import time
from pathlib import Path

from bench.common import bench_data_dir, record

TARGET_WORDS = 5000
REPEATS = 15


def _timed(client, url: str, repeats: int = REPEATS) -> tuple[float, int]:  # noqa: ANN001
    """Median milliseconds of `repeats` GETs (after one warm-up), and the response size."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), len(response.content)


def long_article() -> str:
    """About 5,000 words of real conflict reporting: FA-KES dev articles, one after another."""
    path = bench_data_dir() / "fakes-syria-dev" / "fakes-dev.csv"
    parts: list[str] = []
    words = 0
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            text = row["article_content"].strip()
            parts.append(text)
            words += len(text.split())
            if words >= TARGET_WORDS:
                break
    return "\n\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="a store holding 10,000 claims or more")
    args = parser.parse_args()

    from fastapi.testclient import TestClient

    from claimgraph.corpus import Store
    from claimgraph.pipeline import analyze
    from claimgraph.web import MemoryCorpus, create_app
    from claimgraph.web.store import StoreCorpus

    store = Store(Path(args.db), read_only=True)
    n_docs, n_claims = store.count("documents"), store.count("claims")
    client = TestClient(create_app(StoreCorpus(store), write_token=""))
    t0 = time.perf_counter()
    client.get("/api/claims?limit=1")
    build_s = time.perf_counter() - t0

    rows = []
    for label, url in [
        ("claims page, first page (50 rows, 7 facets over all claims)", "/claims"),
        ("claims page, free text `?q=killed`", "/claims?q=killed"),
        ("claims page, facet `source_kind=official`, sorted by text", "/claims?source_kind=official&sort=text"),
        ("claims page, 500 rows per page", "/claims?per_page=500"),
        ("claims CSV of `?q=killed`", "/claims.csv?q=killed"),
        ("/api/claims (JSON, 50 rows + facets)", "/api/claims"),
        ("documents page", "/"),
        ("sources graph", "/sources"),
        ("timeline", "/timeline"),
        ("map", "/map"),
        ("outlets", "/outlets"),
    ]:
        ms, size = _timed(client, url)
        rows.append((label, ms, size))

    text = long_article()
    analysis = analyze(text, outlet="FA-KES dev (concatenated)", title="5,000-word benchmark article")
    words = len(analysis.document.text.split())
    doc_id = analysis.document.id
    article = TestClient(create_app(MemoryCorpus([analysis], link=False), write_token=""))
    page_ms, page_size = _timed(article, f"/documents/{doc_id}")
    json_ms, json_size = _timed(article, f"/api/documents/{doc_id}")
    items = sum(len(getattr(analysis, s)) for s in ("quotes", "quantities", "places", "times", "events", "claims"))

    table = "\n".join(f"| {label} | {ms:.1f} | {size / 1024:,.0f} KB |" for label, ms, size in rows)
    body = f"""
Store: {n_docs:,} documents, **{n_claims:,} claims** (FA-KES dev and BBC non-conflict dev, analysed by
`claimgraph ingest`); requests through FastAPI's TestClient in one process, median of {REPEATS} warm requests.
Building the in-memory view over the store (at the first request, and after an ingest): {build_s:.1f} s.

| page | ms | size |
|---|---:|---:|
{table}

Article page of a {words:,}-word article ({items:,} highlighted items; FA-KES dev articles concatenated):
**{page_ms:.1f} ms** ({page_size / 1024:,.0f} KB), against {json_ms:.1f} ms for the same document's JSON
(`/api/documents/{{id}}`, {json_size / 1024:,.0f} KB): {page_ms / json_ms:.1f}x the baseline.

Goal (issue 10): article page and claims page <= 300 ms on this machine:
article {"met" if page_ms <= 300 else "NOT met"} ({page_ms:.0f} ms), claims page
{"met" if rows[0][1] <= 300 else "NOT met"} ({rows[0][1]:.0f} ms over {n_claims:,} claims).
"""
    print(body)
    record("web", "Web UI: page render times", body)


if __name__ == "__main__":
    main()
