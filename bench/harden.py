"""Fuzzing `Store.query` and every HTTP endpoint with hypothesis: only `ClaimgraphError` escapes from the store,
no 5xx from the server. tests/test_fuzz.py runs the same properties briefly; `python -m bench.harden [N]` runs
N inputs per entry point over a store of the bundled sample plus a hostile article and writes the
`<!-- bench:harden -->` section of BENCHMARKS.md (count and duration)."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.corpus.query import WHATS, Filters
from claimgraph.errors import ClaimgraphError

TEXT_FILTERS = [f for f in Filters.__dataclass_fields__ if f != "within_km"]
_text = st.text(max_size=40) | st.sampled_from(["' OR 1=1 --", "%", "_", "\\", "2016", "2016-02", "Aleppo", "\x00"])
_filters = st.dictionaries(st.sampled_from(TEXT_FILTERS), _text, max_size=4).flatmap(
    lambda d: st.just(d) if "place" not in d else st.fixed_dictionaries(
        {}, optional={"within_km": st.floats(allow_nan=True, allow_infinity=True) | st.integers(-10, 10**9)}
    ).map(lambda extra: {**d, **extra}))

#: GET endpoints and the query parameters each reads (fuzzed values of the wrong type must give a 4xx)
GET_PARAMS: dict[str, list[str]] = {
    "/": ["q", "outlet", "page"],
    "/claims": ["q", "sort", "desc", "page", "per_page", "outlet", "speaker", "source_kind", "event_type", "place",
                "date", "flag"],
    "/claims.csv": ["q", "outlet", "speaker", "date", "flag"],
    "/incidents": [], "/findings": ["kind", "limit"], "/outlets": [], "/sources": ["nodes"], "/timeline": ["whole"],
    "/map": ["world"], "/compare": ["a", "b"], "/analyze": [], "/docs": [], "/openapi.json": [],
    "/api/documents": ["q", "outlet", "offset", "limit"],
    "/api/claims": ["q", "outlet", "speaker", "source_kind", "event_type", "place", "date", "flag", "sort", "desc",
                    "offset", "limit"],
    "/api/events": ["type", "place", "since", "until", "offset", "limit"], "/api/sources/graph": ["nodes"],
    "/api/outlets": [], "/api/incidents": [], "/api/findings": ["kind"],
}
PATH_PREFIXES = ["/documents/", "/api/documents/", "/incidents/", "/static/"]
_value = _text | st.integers(-10**12, 10**12).map(str) | st.sampled_from(["true", "false", "nan", "-1", "0", ""])


def _get_request() -> st.SearchStrategy[tuple[str, dict[str, str]]]:
    fixed = st.sampled_from(sorted(GET_PARAMS)).flatmap(
        lambda p: st.tuples(st.just(p), st.dictionaries(st.sampled_from(GET_PARAMS[p] or ["x"]), _value, max_size=5)))
    by_id = st.tuples(st.sampled_from(PATH_PREFIXES), st.text(min_size=1, max_size=40)).map(
        lambda t: (t[0] + quote(t[1], safe="/"), {}))  # a browser sends ids percent-encoded
    return fixed | by_id


_json = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
                     | st.text(max_size=20),
                     lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner,
                                                                                 max_size=4), max_leaves=12)
_post = st.tuples(st.sampled_from(["/api/documents", "/api/analyze", "/analyze"]), st.booleans(),
                  st.dictionaries(st.sampled_from(["document", "schema", "text", "title", "claims", "store", "url"]),
                                  _json, max_size=4))


def _settings(n: int) -> settings:
    return settings(max_examples=n, deadline=None, database=None, suppress_health_check=list(HealthCheck))


def fuzz_store(store: Any, n: int) -> int:
    """`n` random queries (table, filters, paging) on `store`; raises if anything but ClaimgraphError escapes."""
    seen = [0]

    @_settings(n)
    @given(what=st.sampled_from(WHATS) | st.text(max_size=12), filters=_filters,
           limit=st.none() | st.integers(-5, 10**12), offset=st.integers(-5, 10**6))
    def prop(what: str, filters: dict[str, Any], limit: int | None, offset: int) -> None:
        seen[0] += 1
        try:
            store.query(what, limit=limit, offset=offset, **filters)
            store.count(what, **filters)
        except ClaimgraphError:
            pass

    prop()
    return seen[0]


def fuzz_http(client: Any, n: int, token: str) -> int:
    """`n` random GET requests over every page and API endpoint, then `n // 4` random POSTs with and without
    the write token (no body that would start an analysis); raises on any 5xx."""
    seen = [0]

    @_settings(n)
    @given(request=_get_request())
    def get(request: tuple[str, dict[str, str]]) -> None:
        seen[0] += 1
        path, params = request
        r = client.get(path, params=params)
        assert r.status_code < 500, (path, params, r.status_code, r.text[:300])

    @_settings(max(1, n // 4))
    @given(request=_post)
    def post(request: tuple[str, bool, dict[str, Any]]) -> None:
        seen[0] += 1
        path, with_token, body = request
        if path != "/api/documents":
            body.pop("text", None)  # a text would run the whole analysis: /api/analyze's inputs are the ingest fuzz's
            with_token = False
        headers = {"X-Claimgraph-Token": token} if with_token else {}
        r = (client.post(path, data={k: str(v) for k, v in body.items()}, headers=headers) if path == "/analyze"
             else client.post(path, json=body, headers=headers))
        assert r.status_code < 500, (path, body, r.status_code, r.text[:300])

    get()
    post()
    return seen[0]


def hostile_store(path: Path) -> Any:
    """A store of the bundled sample and an article whose every field carries markup and SQL."""
    import claimgraph
    from claimgraph.corpus import Store

    root = Path(__file__).resolve().parent.parent
    store = Store(str(path))
    sample = root / "examples" / "southfront-turkmen-mountain.txt"
    store.write_analysis(claimgraph.analyze(sample.read_text(encoding="utf-8")), key=sample.name)
    text = ("Officials in Aleppo said on Monday that at least 12 civilians were killed in an air strike "
            "<script>alert(1)</script>. \"We saw the planes,\" Ahmed Hassan ' OR 1=1 -- told Reuters.")
    store.write_analysis(claimgraph.analyze(text, title="'; DROP TABLE documents; --", outlet="<b>Evil</b>",
                                            published="2016-02-01"), key="hostile.txt")
    return store


def main(n: int = 10_000) -> None:
    from fastapi.testclient import TestClient

    from bench.common import record
    from claimgraph.web import create_app
    from claimgraph.web.store import StoreCorpus

    with tempfile.TemporaryDirectory() as tmp:
        store = hostile_store(Path(tmp) / "fuzz.duckdb")
        rows = []
        t0 = time.perf_counter()
        count = fuzz_store(store, n)
        rows.append(("`Store.query` / `Store.count` (table, every filter, limit, offset)", count,
                     time.perf_counter() - t0, "0 exceptions other than ClaimgraphError"))
        client = TestClient(create_app(StoreCorpus(store), write_token="fuzz-token"), raise_server_exceptions=False)
        t0 = time.perf_counter()
        count = fuzz_http(client, n, "fuzz-token")
        rows.append(("HTTP: every GET page and API endpoint with fuzzed parameters and ids, plus POSTs "
                     "(`/api/documents` with and without token, `/api/analyze`, `/analyze` without)", count,
                     time.perf_counter() - t0, "0 responses >= 500"))
    body = ("Hypothesis inputs per entry point over a DuckDB store of the bundled sample and a hostile article "
            "(markup and SQL in text, title, outlet). A failure stops the run, so every row here passed.\n\n"
            "| Entry point | Inputs | Seconds | Invariant |\n|---|---:|---:|---|\n"
            + "\n".join(f"| {name} | {count:,} | {secs:.0f} | {inv} |" for name, count, secs, inv in rows)
            + "\n\nNot fuzzed yet: `ingest` streams (JSONL, CSV, WARC, gzip) and `/api/analyze` with a token "
              "(each input runs a whole analysis).")
    record("harden", "Fuzzing the store and the server (hypothesis)", body)
    print(body)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
