"""Web UI render times: the article page of a 5,000-word article and the claims page over 10,000+ claims.

    claimgraph ingest ../shared/bench-data/fakes-syria-dev/fakes-dev.csv --text-col article_content \\
        --title-col article_title --outlet-col source --date-col date --id-col unit_id --db /tmp/bench.duckdb
    claimgraph ingest ../shared/bench-data/bbc-nonconflict-dev --db /tmp/bench.duckdb
    python -m bench.web --db /tmp/bench.duckdb

Requests go through FastAPI's TestClient in this process (routing, the view, Jinja2, the response), warm:
the view over the store is built once at the first request (timed separately), as `claimgraph serve` does.
Each figure is the median of several requests; the JSON of the same document (the contract, no template)
is the baseline in the same run.

    python -m bench.web --load [--db STORE] [--clients 200] [--seconds 30]

The load test (issue 12): `claimgraph serve` started as its own process on loopback, then CLIENTS concurrent
clients (asyncio, one connection each) request `/api/claims` (a random filter page) and an article page
(`/documents/{id}`, a random stored document) in turn for SECONDS; every response is timed. Reported: requests,
throughput, p50/p90/p99/max latency per route, and errors (any status other than 200, or a failed
connection). Without --db the store is FA-KES dev, ingested once into bench/out/web/load.duckdb.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import time
from pathlib import Path
from typing import Any

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


def _load_store() -> Path:
    """FA-KES dev ingested once (as the render benchmark's instructions do) for the load test."""
    import subprocess
    import sys

    db = Path(__file__).resolve().parent / "out" / "web" / "load.duckdb"
    if not db.exists():
        db.parent.mkdir(parents=True, exist_ok=True)
        csv_path = bench_data_dir() / "fakes-syria-dev" / "fakes-dev.csv"
        subprocess.run([sys.executable, "-m", "claimgraph.cli", "ingest", str(csv_path), "--text-col",
                        "article_content", "--title-col", "article_title", "--outlet-col", "source", "--date-col",
                        "date", "--id-col", "unit_id", "--db", str(db), "-q"], check=False, timeout=7200)
    return db


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


async def _clients(base: str, doc_ids: list[str], clients: int, seconds: float) -> dict[str, Any]:
    import asyncio
    import random

    import httpx

    latencies: dict[str, list[float]] = {"/api/claims": [], "/documents/{id}": []}
    errors: dict[str, int] = {}
    facets = ["", "?q=killed", "?sort=text", "?source_kind=official", "?offset=50", "?limit=200", "?q=said&desc=false"]
    deadline = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def client(n: int, http: httpx.AsyncClient) -> None:
        r = random.Random(n)
        turn = n % 2
        while time.perf_counter() < deadline:
            route = "/api/claims" if turn == 0 else "/documents/{id}"
            url = base + ("/api/claims" + r.choice(facets) if turn == 0 else f"/documents/{r.choice(doc_ids)}")
            turn = 1 - turn
            t0 = time.perf_counter()
            try:
                response = await http.get(url)
                ok = response.status_code == 200
                reason = str(response.status_code)
            except httpx.HTTPError as exc:
                ok, reason = False, type(exc).__name__
            latencies[route].append((time.perf_counter() - t0) * 1000)
            if not ok:
                errors[f"{route} {reason}"] = errors.get(f"{route} {reason}", 0) + 1

    async with httpx.AsyncClient(limits=limits, timeout=httpx.Timeout(60.0)) as http:
        started = time.perf_counter()
        await asyncio.gather(*(client(n, http) for n in range(clients)))
        wall = time.perf_counter() - started
    return {"latencies": latencies, "errors": errors, "wall": wall}


def load_test(db: Path, clients: int, seconds: float, port: int = 8765) -> None:
    """`claimgraph serve --db DB` in its own process, hammered by `clients` concurrent clients for `seconds`."""
    import asyncio
    import os
    import subprocess
    import sys

    import httpx

    from claimgraph.corpus import Store

    with Store(db, read_only=True) as store:
        doc_ids = [r["doc_id"] for r in store.query("documents")]
        n_docs, n_claims = len(doc_ids), store.count("claims")
    env = {**os.environ, "CLAIMGRAPH_LOG_LEVEL": "error"}
    server = subprocess.Popen([sys.executable, "-m", "claimgraph.cli", "serve", "--db", str(db), "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        t0 = time.perf_counter()
        while True:  # up, and the in-memory view built (the first request builds it)
            try:
                if httpx.get(base + "/api/claims?limit=1", timeout=600).status_code == 200:
                    break
            except httpx.HTTPError:
                if server.poll() is not None:
                    raise SystemExit(f"claimgraph serve exited: {server.stderr.read().decode()[-500:]}") from None
                time.sleep(0.5)
        ready = time.perf_counter() - t0
        load_before = os.getloadavg()[0]
        result = asyncio.run(_clients(base, doc_ids, clients, seconds))
        load_after = os.getloadavg()[0]
    finally:
        server.terminate()
        server.wait(timeout=60)
    lat = result["latencies"]
    total = sum(len(v) for v in lat.values())
    n_errors = sum(result["errors"].values())
    rows = "\n".join(
        f"| `{route}` | {len(v):,} | {_percentile(v, 0.5):.0f} | {_percentile(v, 0.9):.0f} | "
        f"{_percentile(v, 0.99):.0f} | {max(v) if v else float('nan'):.0f} |" for route, v in lat.items())
    every = [x for v in lat.values() for x in v]
    body = f"""
`claimgraph serve --db` (one uvicorn process, FastAPI's thread pool; the view over the store built in memory
at start, {ready:.1f} s until the first answer) on loopback, against **{clients} concurrent clients for
{seconds:.0f} s** (asyncio + httpx in another process on the same 2-core machine, each client alternating
`/api/claims` with a random filter, sort or page, and the article page of a random document).
Store: {n_docs:,} documents, {n_claims:,} claims (FA-KES dev).

| route | requests | p50 ms | p90 ms | p99 ms | max ms |
|---|---:|---:|---:|---:|---:|
{rows}
| all | {total:,} | {_percentile(every, 0.5):.0f} | {_percentile(every, 0.9):.0f} | {_percentile(every, 0.99):.0f} | \
{max(every) if every else float('nan'):.0f} |

The machine's 1-minute load average (2 cores, shared with other sessions): {load_before:.1f} before the
clients started, {load_after:.1f} after; latencies here are mostly time spent waiting for a core.

Throughput {total / result['wall']:.0f} requests/s over {result['wall']:.1f} s; **errors: {n_errors}**
{('(' + ', '.join(f'{k}: {v}' for k, v in result['errors'].items()) + ')') if n_errors else '(every response 200)'}.
"""
    print(body)
    record("web-load", "Web UI: load test (200 concurrent clients)", body)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="a store holding 10,000 claims or more (--load: default FA-KES dev, built once)")
    parser.add_argument("--load", action="store_true", help="the load test against `claimgraph serve` instead")
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=30.0)
    args = parser.parse_args()
    if args.load:
        load_test(Path(args.db) if args.db else _load_store(), args.clients, args.seconds)
        return
    if not args.db:
        parser.error("--db is required for the render benchmark")

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
