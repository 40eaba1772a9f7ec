"""Fuzzing `Store.query` and every HTTP endpoint with hypothesis: only `ClaimgraphError` escapes from the store,
no 5xx from the server. tests/test_fuzz.py runs the same properties briefly; `python -m bench.harden [N]` runs
N inputs per entry point over a store of the bundled sample plus a hostile article and writes the
`<!-- bench:harden -->` section of BENCHMARKS.md (count and duration)."""

from __future__ import annotations

import codecs
import contextlib
import csv
import gzip
import io
import json
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

from hypothesis import HealthCheck, given, settings
from hypothesis import seed as hypothesis_seed
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


def fuzz_http(client: Any, n: int, token: str, per_path: dict[str, int] | None = None) -> int:  # noqa: ANN401
    """`n` random GET requests over every page and API endpoint, then `n // 4` random POSTs with and without
    the write token (no body that would start an analysis); raises on any 5xx. `per_path` counts requests
    per endpoint (ids folded into their prefix)."""
    seen = [0]
    per = per_path if per_path is not None else {}

    def tally(path: str, method: str) -> None:
        prefix = next((p for p in PATH_PREFIXES if path.startswith(p)), path)
        key = f"{method} {prefix}{'{id}' if prefix in PATH_PREFIXES else ''}"
        per[key] = per.get(key, 0) + 1

    @_settings(n)
    @given(request=_get_request())
    def get(request: tuple[str, dict[str, str]]) -> None:
        seen[0] += 1
        path, params = request
        tally(path, "GET")
        r = client.get(path, params=params)
        assert r.status_code < 500, (path, params, r.status_code, r.text[:300])

    @_settings(max(1, n // 4))
    @given(request=_post)
    def post(request: tuple[str, bool, dict[str, Any]]) -> None:
        seen[0] += 1
        path, with_token, body = request
        tally(path, "POST")
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


# -- ingest: hostile JSONL, CSV, WARC and gzip streams ---------------------------------------------------

class EchoAnalyzer:
    """Stands in for spaCy so that thousands of hostile streams go through ingest in minutes: each article's
    analysis is its document (with the metadata ingest read) and `expected_flags(text)` flags, so a document
    stored with fewer item rows than that was half-written. The real analyzer's own fuzzing is bench/fuzz.py."""

    model = "echo"
    time_budget: float | None = None

    def analyze_many(self, articles, batch_size: int = 16):  # noqa: ANN001, ANN201
        from claimgraph.contract import Analysis, Document, Flag
        from claimgraph.pipeline import Outcome

        for i, article in enumerate(articles, 1):
            meta = article.meta
            doc = Document(id=Document.id_for(article.text), text=article.text, title=meta.title, outlet=meta.outlet,
                           authors=list(meta.authors), url=meta.url, published=meta.published)
            flags = [Flag(kind="echo", message=f"item {n}") for n in range(expected_flags(article.text))]
            yield Outcome(index=i, analysis=Analysis(document=doc, flags=flags))


def expected_flags(text: str) -> int:
    return 1 + len(text) % 4


#: pieces of hostile text: markup, SQL, control and bidi characters, lone surrogates (as JSON escapes they
#: survive json.loads), huge numbers, NUL, a BOM in the middle, quote and dash runs that slow tokenizers
HOSTILE = ["<script>alert(1)</script>", "'; DROP TABLE documents; --", "\x00", "\ufeff", "\u202e", "\ud800",
           "\udfff", "9" * 400, "“said " * 30, '"' * 200, "-" * 300, "<div>" * 300, "\r\n", "\x1b[31m", "é",
           "Ω", "\U0001f4a3", "%s%n", "{{7*7}}", "../../etc/passwd", "\\", "\u2028", "NaN", "1e999"]
PROSE = ("Officials in Aleppo said on Monday that at least 12 civilians were killed in an air strike on a market. "
         "\"We saw the planes,\" Ahmed Hassan told Reuters. The Syrian Observatory for Human Rights put the toll at "
         "15, including three children, and said government forces shelled the town of Douma on Tuesday. ")
FORMATS = ("jsonl", "csv", "warc", "json", "txt", "html")
META_FIELDS = ["title", "outlet", "authors", "url", "published", "id"]


def _hostile_text() -> st.SearchStrategy[str]:
    piece = st.sampled_from(HOSTILE) | st.text(max_size=60) | st.just(PROSE)
    return st.lists(piece, min_size=0, max_size=8).map("".join)


_scalar = (st.none() | st.booleans() | st.integers(-10**30, 10**30) | st.floats() | _hostile_text()
           | st.lists(st.text(max_size=10), max_size=3) | st.dictionaries(st.text(max_size=5), st.integers(),
                                                                           max_size=2))
_record = st.fixed_dictionaries(
    {}, optional={"text": _hostile_text() | _scalar, "html": _hostile_text().map(lambda t: f"<html><body><p>{t}</p>"
                                                                                         "</body></html>") | _scalar,
                  **{f: _hostile_text() | _scalar for f in META_FIELDS}})
_any_record = _record | _scalar


def _jsonl(records: list[Any], r: Any) -> bytes:  # noqa: ANN401 - a random.Random
    lines = []
    for rec in records:
        if r.random() < 0.1:
            lines.append(r.choice([b"{not json", b"[1, 2", b"\xff\xfe garbage", b"", b"   ", b"null", b"\"text\""]))
            continue
        try:
            lines.append(json.dumps(rec, ensure_ascii=r.random() < 0.5, allow_nan=True).encode("utf-8",
                                                                                             "surrogatepass"))
        except (TypeError, ValueError):
            lines.append(b"{}")
    sep = r.choice([b"\n", b"\r\n", b"\n\n"])
    return (codecs.BOM_UTF8 if r.random() < 0.1 else b"") + sep.join(lines) + (sep if r.random() < 0.7 else b"")


def _cell(value: Any) -> str:  # noqa: ANN401
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, allow_nan=True, default=str)


def _csv(records: list[Any], r: Any) -> bytes:  # noqa: ANN401
    header = r.choice([["text", "title", "outlet", "published", "url", "id"], ["id", "text"], ["body", "title"],
                       ["text", "text", "date"], ["text"], []])
    out = io.StringIO()
    writer = csv.writer(out, quoting=r.choice([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC]))
    if header:
        writer.writerow(header)
    for rec in records:
        rec = rec if isinstance(rec, dict) else {"text": rec}
        row = [_cell(rec.get(h if h in rec else ("published" if h == "date" else h), "")) for h in header]
        if r.random() < 0.1:
            row = row[:r.randrange(len(row) + 1)] + [_cell(r.choice(HOSTILE))] * r.randrange(3)
        writer.writerow(row)
    data = out.getvalue().encode("utf-8", "surrogatepass")
    return (codecs.BOM_UTF8 if r.random() < 0.2 else b"") + data


def _warc(records: list[Any], r: Any) -> bytes:  # noqa: ANN401
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    fh = io.BytesIO()
    writer = WARCWriter(fh, gzip=r.random() < 0.5)
    for n, rec in enumerate(records):
        rec = rec if isinstance(rec, dict) else {"text": rec}
        body = _cell(rec.get("html", rec.get("text", ""))).encode(r.choice(["utf-8", "utf-16", "cp1252"]),
                                                                  "replace")
        url = f"https://example.org/{n}" if r.random() < 0.9 else _cell(rec.get("url"))
        kind = r.choice(["response", "response", "resource", "request", "metadata", "revisit"])
        ctype = r.choice(["text/html; charset=utf-8", "text/plain", "application/xhtml+xml", "image/png", "",
                          "text/html; charset=bogus-8", "TEXT/HTML"])
        try:
            if kind == "response":
                status = r.choice(["200 OK", "200 OK", "404 Not Found", "301 Moved", "999 Odd", "abc"])
                http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
                record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http)
            elif kind == "resource":
                record = writer.create_warc_record(url, "resource", payload=io.BytesIO(body),
                                                   warc_content_type=ctype or "text/plain")
            else:
                record = writer.create_warc_record(url, kind, payload=io.BytesIO(body))
            writer.write_record(record)
        except Exception:  # noqa: BLE001 - the generator's problem, not the reader's: warcio refuses to write it
            continue
    return fh.getvalue()


def _mutate(data: bytes, r: Any) -> bytes:  # noqa: ANN401
    """A few byte-level mutations: flips, cuts, insertions, duplications, truncation."""
    data = bytearray(data)
    for _ in range(r.randrange(1, 5)):
        op = r.randrange(5)
        i = r.randrange(len(data) + 1)
        if op == 0 and data:
            data[min(i, len(data) - 1)] ^= 1 << r.randrange(8)
        elif op == 1:
            del data[i:i + r.randrange(1, 64)]
        elif op == 2:
            data[i:i] = r.choice([b"\x00", b"\xff", b"\r", b"\n", b"\"", b",", b"\x1f\x8b", b"WARC/1.0\r\n",
                                  bytes(r.randrange(256) for _ in range(r.randrange(1, 16)))])
        elif op == 3 and data:
            j = r.randrange(len(data))
            data[i:i] = data[j:j + r.randrange(1, 256)]
        else:
            del data[i:]
    return bytes(data)


def _stream(fmt: str, records: list[Any], r: Any) -> tuple[str, bytes]:  # noqa: ANN401
    """(file name, bytes) of one hostile input stream."""
    if fmt == "jsonl":
        data = _jsonl(records, r)
    elif fmt == "csv":
        data = _csv(records, r)
    elif fmt == "warc":
        data = _warc(records, r)
    elif fmt == "json":
        data = json.dumps(records if r.random() < 0.7 else (records[:1] or [None])[0],
                          allow_nan=True).encode("utf-8", "surrogatepass")
    else:
        rec = records[0] if records and isinstance(records[0], dict) else {}
        data = _cell(rec.get("html" if fmt == "html" else "text", PROSE)).encode(
            r.choice(["utf-8", "utf-16", "utf-16-le", "cp1252", "utf-8-sig"]), "replace")
    if r.random() < 0.3:
        data = _mutate(data, r)
    name = f"input.{fmt}"
    if r.random() < 0.3:
        data = gzip.compress(data)
        if r.random() < 0.3:
            data = _mutate(data, r)  # a corrupt or truncated gzip stream
        name += ".gz"
    return name, data


def check_store(store: Any, last_run: bool = True) -> dict[str, int]:  # noqa: ANN401
    """Problems in a store ingest wrote with EchoAnalyzer: orphan rows, documents without a key or with fewer
    (or more) items than their analysis had (those the last run wrote, or all with `last_run=False`).
    All zero when nothing was half-written."""
    from claimgraph.corpus import schema as sch

    problems = {}
    for t in sch.all_tables():
        if t.doc_scoped and t.name != "documents":
            problems[f"orphan {t.name}"] = store.execute(
                f"SELECT count(*) FROM {t.name} x WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE "
                "d.doc_id = x.doc_id)")[0][0]
    problems["documents without a key"] = store.execute(
        "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM inputs i WHERE i.doc_id = d.doc_id)")[0][0]
    last = "(SELECT run_id FROM runs ORDER BY started_at DESC LIMIT 1)"  # the documents the last run wrote
    # one statement, so one snapshot: a check that reads documents and their items apart would race a writer
    rows = store.execute("SELECT d.text, (SELECT count(*) FROM flags f WHERE f.doc_id = d.doc_id) FROM documents d"
                         + (f" WHERE d.run_id = {last}" if last_run else ""))
    problems["documents with missing items"] = sum(n != expected_flags(text) for text, n in rows)
    return problems


def fuzz_ingest(store: Any, n: int, folder: Path, analyzer: Any = None, seed: int = 12,  # noqa: ANN401
                max_chars: int = 3000, check_every: int = 1) -> dict[str, int]:
    """`n` hostile streams (JSONL, CSV, WARC, JSON, text, HTML; some mutated, some gzipped, some gzip-corrupt)
    ingested one by one into `store`; raises if anything but ClaimgraphError escapes, if an input key is
    neither stored nor recorded as a failure, or if the store holds anything half-written. Returns counts.
    The whole store is checked every `check_every` streams and at the end (orphans and documents without
    keys stay once made, so a coarser check misses none, it only names the stream less closely)."""

    import random

    from claimgraph.corpus.ingest import ingest
    from claimgraph.corpus.readers import CsvColumns, iter_items
    from claimgraph.errors import ClaimgraphError

    analyzer = analyzer or EchoAnalyzer()
    stats = {"streams": 0, "records": 0, "stored": 0, "failed": 0, "refused": 0}
    for fmt in FORMATS:
        stats[fmt] = 0

    @hypothesis_seed(seed)
    @settings(max_examples=n, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(fmt=st.sampled_from(FORMATS), records=st.lists(_any_record, min_size=0, max_size=5),
           seed=st.integers(0, 2**32 - 1), id_col=st.sampled_from([None, "id"]),
           text_col=st.sampled_from(["text", "text", "body"]))
    def prop(fmt: str, records: list[Any], seed: int, id_col: str | None, text_col: str) -> None:
        r = random.Random(seed)
        stats["streams"] += 1
        stats[fmt] += 1
        name, data = _stream(fmt, records, r)
        path = folder / f"{stats['streams']:06d}-{name}"
        path.write_bytes(data)
        columns = CsvColumns(text=text_col, id=id_col)
        keys: list[str] = []

        def items():  # noqa: ANN202
            for item in iter_items([str(path)], columns, max_chars=max_chars):
                keys.append(item.key)
                yield item

        try:
            counts = ingest(store, items(), analyzer=analyzer, inputs=[str(path)], batch_size=r.choice([1, 2, 16]))
        except ClaimgraphError:
            stats["refused"] += 1
        else:
            stats["records"] += counts.seen
            stats["stored"] += counts.added + counts.skipped
            stats["failed"] += counts.failed
            assert counts.seen == len(keys), (counts, keys)
            for key in set(keys):
                assert store.find_key(key) or store.execute("SELECT 1 FROM failures WHERE key = ?", [key]), key
        if stats["streams"] % check_every == 0:
            problems = {k: v for k, v in check_store(store, last_run=check_every == 1).items() if v}
            assert not problems, (path, problems)
        path.unlink()

    prop()
    problems = {k: v for k, v in check_store(store, last_run=False).items() if v}
    assert not problems, problems
    return stats


# -- crash safety: SIGKILL at random points, a full disk ------------------------------------------------

def echo_corpus(path: Path, n: int) -> list[str]:
    """A JSONL file of `n` distinct articles (one duplicate text every tenth line); their input keys."""
    texts = [PROSE * (1 + i % 3) + f"Update {i}." for i in range(n)]
    texts = [texts[i - 9] if i % 10 == 9 else t for i, t in enumerate(texts)]
    lines = [json.dumps({"text": t, "title": f"report {i}"}) for i, t in enumerate(texts)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [f"{path}:{i}" for i in range(1, n + 1)]


def ingest_child(db: str, paths: list[str], pause: float = 0.0, batch_size: int = 4) -> None:
    """What the crash tests kill: ingest with EchoAnalyzer, pausing `pause` s per batch so a kill lands
    anywhere in the read-analyse-write cycle. Exit 0 when done, 2 on a ClaimgraphError (one line)."""
    from claimgraph.corpus import Store
    from claimgraph.corpus.ingest import ingest
    from claimgraph.corpus.readers import iter_items
    from claimgraph.errors import ClaimgraphError

    class Slow(EchoAnalyzer):
        def analyze_many(self, articles, batch_size: int = 16):  # noqa: ANN001, ANN201
            time.sleep(pause)
            yield from super().analyze_many(articles, batch_size)

    try:
        with Store(db) as store:
            print("open", flush=True)  # the store is held from here: tests wait for this line
            counts = ingest(store, iter_items(paths), analyzer=Slow(), inputs=paths, batch_size=batch_size)
    except ClaimgraphError as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise SystemExit(2) from None
    print(json.dumps(counts.as_dict()))


def item_counts(store: Any) -> dict[str, dict[str, int]]:  # noqa: ANN401
    """doc_id -> rows per section table (entities ... flags) of every stored document."""
    from claimgraph.contract import SECTIONS

    out: dict[str, dict[str, int]] = {d: {} for (d,) in store.execute("SELECT doc_id FROM documents")}
    for section in SECTIONS:
        for doc_id, n in store.execute(f"SELECT doc_id, count(*) FROM {section} GROUP BY doc_id"):
            if doc_id in out:
                out[doc_id][section] = n
    return out


def check_exactly_once(db: str, keys: list[str], reference: dict[str, dict[str, int]] | None = None
                       ) -> dict[str, int]:
    """After the final run: every key stored (no failure), each distinct text once, nothing half-written.
    `reference`: the item counts of an uninterrupted run over the same inputs (each document must have
    exactly those rows); without it the EchoAnalyzer's own count is checked."""
    from claimgraph.corpus import Store

    with Store(db, read_only=not db.startswith("postgresql")) as store:
        problems = {k: v for k, v in check_store(store, last_run=False).items() if v}
        if reference is not None:
            problems.pop("documents with missing items", None)  # echo's count: not what spaCy finds
            counts = item_counts(store)
            problems["partial documents"] = sum(counts[d] != reference.get(d) for d in counts)
            problems["documents missing"] = len(set(reference) - set(counts))
        stored = {r[0] for r in store.execute("SELECT DISTINCT key FROM inputs")}
        texts = store.execute("SELECT count(*), count(DISTINCT text) FROM documents")[0]
        distinct = len({d for (d,) in store.execute("SELECT doc_id FROM inputs")})
        return {**problems, "lost": len(set(keys) - stored), "duplicated": texts[0] - texts[1],
                "documents not matching their keys": abs(texts[0] - distinct),
                "failed": len(store.failures(limit=None)),
                "keys with two documents": store.execute(
                    "SELECT count(*) FROM (SELECT key FROM inputs GROUP BY key HAVING count(*) > 1) q")[0][0]}


def kill_trials(trials: int, folder: Path, *, cli: bool = False, n_docs: int = 40, seed: int = 12,
                max_wait: float | None = None, kills: int = 2) -> dict[str, Any]:
    """`trials` times: a fresh store, an ingest killed with SIGKILL after a random delay (uniform in
    [0, max_wait] s; by default the time one uninterrupted run takes, measured first), `kills` times in a row
    (each rerun resumes the last), then a rerun to the end; each trial's `check_exactly_once` (all zeros when
    the store holds every document once, whole). `cli=True` kills the real `claimgraph ingest` (spaCy and
    all) instead of the EchoAnalyzer child."""
    import random
    import signal
    import subprocess

    r = random.Random(seed)
    root = Path(__file__).resolve().parent.parent

    def command(corpus: Path, db: str) -> list[str]:
        if cli:
            return [sys.executable, "-m", "claimgraph.cli", "ingest", str(corpus), "--db", db, "--batch-size", "2",
                    "--workers", "1", "--no-link", "-q"]
        return [sys.executable, "-m", "bench.harden", "ingest-child", db, str(corpus), "--pause", "0.05"]

    # one whole run: how long it takes (the kills' range, unless given), and what each document holds
    from claimgraph.corpus import Store

    corpus = folder / "calibrate.jsonl"
    echo_corpus(corpus, n_docs)
    t0 = time.perf_counter()
    subprocess.run(command(corpus, str(folder / "calibrate.duckdb")), cwd=root, capture_output=True,
                   timeout=3600, check=True)
    max_wait = max_wait or time.perf_counter() - t0
    with Store(folder / "calibrate.duckdb", read_only=True) as store:
        reference = item_counts(store)
    out = []
    for trial in range(trials):
        corpus = folder / f"kill-{trial}.jsonl"
        keys = echo_corpus(corpus, n_docs)
        db = str(folder / f"kill-{trial}.duckdb")
        args = command(corpus, db)
        delays = []
        for _ in range(kills):
            proc = subprocess.Popen(args, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            delay = r.uniform(0, max_wait)
            try:
                proc.wait(timeout=delay)
            except subprocess.TimeoutExpired:
                proc.send_signal(signal.SIGKILL)
                proc.wait(timeout=60)
            delays.append(round(delay, 2))
        with contextlib.suppress(Exception):  # what the kill left (before the rerun), for the record
            with Store(db, read_only=True) as store:
                delays.append(f"{store.count('documents')} documents stored when killed")
        final = subprocess.run(args, cwd=root, capture_output=True, timeout=3600)
        result = {"trial": trial, "delays": delays, "final exit": final.returncode,
                  **check_exactly_once(db, keys, reference)}
        if final.returncode != 0:
            result["stderr"] = final.stderr.decode(errors="replace")[-300:]
        out.append(result)
        Path(db).unlink(missing_ok=True)
        Path(db + ".wal").unlink(missing_ok=True)
    return {"max_wait": max_wait, "trials": out}


def disk_full_trial(folder: Path, limit_bytes: int, n_docs: int = 1000) -> dict[str, Any]:
    """Ingest into a DuckDB file under RLIMIT_FSIZE (a file may not grow past `limit_bytes`): the run must stop
    with one clear StoreError line (exit 2); a rerun without the limit stores everything exactly once."""
    import resource
    import signal
    import subprocess

    corpus = folder / f"full-{limit_bytes}.jsonl"
    keys = echo_corpus(corpus, n_docs)
    db = str(folder / f"full-{limit_bytes}.duckdb")  # a fresh store per trial
    root = Path(__file__).resolve().parent.parent
    args = [sys.executable, "-m", "bench.harden", "ingest-child", db, str(corpus)]

    def limited() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))

    full = subprocess.run(args, cwd=root, capture_output=True, timeout=600, preexec_fn=limited)
    rerun = subprocess.run(args, cwd=root, capture_output=True, timeout=600)
    return {"exit under the limit": full.returncode, "message": full.stderr.decode(errors="replace").strip(),
            "rerun exit": rerun.returncode, **check_exactly_once(db, keys)}


@contextlib.contextmanager
def pg_cluster() -> Iterator[str]:
    """A throwaway PostgreSQL cluster (Debian's server binaries, as tests/test_corpus_backends.py runs it):
    yields its base URL (append /dbname). Raises FileNotFoundError when the binaries are missing."""
    import os
    import pwd
    import shutil
    import socket
    import subprocess

    initdbs = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not initdbs:
        raise FileNotFoundError("PostgreSQL server binaries missing (/usr/lib/postgresql/*/bin)")
    bindir = initdbs[-1].parent
    base = Path(tempfile.mkdtemp(prefix="claimgraph-pg-"))
    prefix: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root
        user = pwd.getpwnam("postgres")
        os.chown(base, user.pw_uid, user.pw_gid)
        prefix = ["runuser", "-u", "postgres", "--"]
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    data = base / "data"
    subprocess.run([*prefix, str(bindir / "initdb"), "-D", str(data), "-N", "--no-locale", "-E", "UTF8",
                    "-A", "trust", "-U", "claimgraph"], check=True, capture_output=True, timeout=300)
    opts = (f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off "
            "-c max_connections=300")
    subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(base / "log"),
                    "-w", "-t", "120", "start"], check=True, capture_output=True, timeout=300)
    try:
        yield f"postgresql://claimgraph@127.0.0.1:{port}"
    finally:
        subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True, timeout=120)
        shutil.rmtree(base, ignore_errors=True)


def pg_database(base: str, name: str) -> str:
    """A fresh database `name` in the cluster at `base`; its URL."""
    import psycopg

    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{base}/{name}"


def hostile_store(path: Path | str) -> Any:  # noqa: ANN401
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


OUT = Path(__file__).resolve().parent / "out" / "harden"
PARTS = ("store", "http", "ingest", "kills", "cli-kills", "disk")


def _save(part: str, result: dict[str, Any]) -> None:
    """Keep one part's result (with commit and date) so that parts run at different times share the section."""
    import datetime as dt

    from bench.common import commit

    OUT.mkdir(parents=True, exist_ok=True)
    result = {**result, "commit": commit(), "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")}
    (OUT / f"{part}.json").write_text(json.dumps(result, indent=1, default=str), encoding="utf-8")


def _load(part: str) -> dict[str, Any] | None:
    path = OUT / f"{part}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def run_part(part: str, n: int, kills: int, seed: int = 12) -> None:
    """Run one part of the bench and keep its result in bench/out/harden/PART.json (the ingest part: one
    file per seed, so several seeds can run side by side and add up)."""
    shm = Path("/dev/shm")  # a RAM disk where there is one: the stores' fsyncs are not what is tested
    with tempfile.TemporaryDirectory(dir=shm if shm.is_dir() else None) as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        if part in ("store", "http"):
            from fastapi.testclient import TestClient

            from claimgraph.web import create_app
            from claimgraph.web.store import StoreCorpus

            rows = {}
            with pg_cluster() as base:
                # PostgreSQL gets a fifth as many queries: the SQL is the same, only the driver differs
                for backend, url, count in (("duckdb", str(folder / "fuzz.duckdb"), n),
                                            ("postgresql", pg_database(base, "fuzz"), max(1, n // 5))):
                    store = hostile_store(url)
                    t0 = time.perf_counter()
                    if part == "store":
                        count, per = fuzz_store(store, count), None
                    else:
                        per = {}
                        client = TestClient(create_app(StoreCorpus(store), write_token="fuzz-token"),
                                            raise_server_exceptions=False)
                        count = fuzz_http(client, n, "fuzz-token", per_path=per)
                    rows[backend] = {"inputs": count, "seconds": time.perf_counter() - t0, "per_path": per}
                    store.close()
                    if part == "http":
                        break  # the server reads the store once into memory: one backend is enough
            _save(part, {"rows": rows})
        elif part == "ingest":
            rows = {}
            with pg_cluster() as base:
                from claimgraph.corpus import Store

                # PostgreSQL gets a fifth as many: the readers are the same, only the writes differ
                for backend, url, count in (("duckdb", str(folder / "ingest.duckdb"), n),
                                            ("postgresql", pg_database(base, "ingest"), max(1, n // 5))):
                    t0 = time.perf_counter()
                    with Store(url) as store:
                        stats = fuzz_ingest(store, count, folder, check_every=50, seed=seed)
                    rows[backend] = {**stats, "seconds": time.perf_counter() - t0}
            _save(f"ingest-s{seed}", {"rows": rows, "seed": seed})
        elif part in ("kills", "cli-kills"):
            cli = part == "cli-kills"
            result = kill_trials(kills, folder, cli=cli, n_docs=12 if cli else 40, kills=1 if cli else 2)
            _save(part, {**result, "seconds": time.perf_counter() - t0})
        elif part == "disk":
            _save(part, {"trials": [disk_full_trial(folder, limit) for limit in (20_000, 50_000, 80_000)],
                         "seconds": time.perf_counter() - t0})
        else:
            raise SystemExit(f"unknown part {part!r}: choose from {', '.join(PARTS)}")


def _load_ingest() -> dict[str, Any] | None:
    """The ingest runs of every seed added up (seconds: the longest run, as they ran side by side)."""
    runs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(OUT.glob("ingest-s*.json"))]
    if not runs:
        return None
    rows: dict[str, dict[str, Any]] = {}
    for run in runs:
        for backend, row in run["rows"].items():
            total = rows.setdefault(backend, {})
            for k, v in row.items():
                total[k] = max(total.get(k, 0), v) if k == "seconds" else total.get(k, 0) + v
    seeds = ", ".join(f"{r['seed']} at {r['commit']}" for r in runs)
    return {"rows": rows, "commit": f"seeds {seeds}", "date": runs[-1]["date"]}


def _bad(trial: dict[str, Any]) -> int:
    return sum(v for k, v in trial.items() if isinstance(v, int) and k not in ("trial", "final exit", "rerun exit",
                                                                                "exit under the limit"))


def render() -> str:
    """The section's text from the parts' kept results."""
    lines = ["Each part is a separate run (`python -m bench.harden run PART`), stamped with its own commit; a failing "
             "input stops a fuzz run, so a row here means every input passed.", ""]
    lines += ["| Entry point | Store | Inputs | Seconds | Invariant | Commit, date |", "|---|---|---:|---:|---|---|"]
    for part, label, invariant in (
            ("store", "`Store.query` / `Store.count`: table, every filter, limit, offset", "0 exceptions other "
             "than ClaimgraphError"),
            ("http", "HTTP: every GET page and API endpoint with fuzzed parameters and ids, POSTs with and "
                     "without the token", "0 responses >= 500"),
            ("ingest", "`ingest`: hostile JSONL, CSV, WARC, JSON, text and HTML streams, 30% byte-mutated, 30% "
                       "gzipped (a third of those corrupt)",
             "0 exceptions other than ClaimgraphError; every input key stored or a failure (each stream); 0 orphan "
             "or partial rows (the whole store every 50 streams and at the end)")):
        res = _load(part) if part != "ingest" else _load_ingest()
        if res is None:
            lines.append(f"| {label} | | not run | | {invariant} | |")
            continue
        for backend, row in res["rows"].items():
            extra = ""
            if part == "ingest":
                extra = (f" ({row['records']:,} records: {row['stored']:,} stored, {row['failed']:,} failures; "
                         + ", ".join(f"{f} {row[f]:,}" for f in FORMATS) + ")")
            if part == "http" and row.get("per_path"):
                per = row["per_path"]
                extra = f" ({len(per)} paths, each at least {min(per.values()):,})"
            lines.append(f"| {label} | {backend} | {row['inputs'] if 'inputs' in row else row['streams']:,}{extra} "
                         f"| {row['seconds']:.0f} | {invariant} | {res['commit']}, {res['date']} |")
    lines.append("")
    for part, label, how in (
            ("cli-kills", "`claimgraph ingest` (spaCy, 12 JSONL articles, batches of 2)", "killed once"),
            ("kills", "ingest with a stand-in analyzer (40 JSONL articles, batches of 4)", "killed twice in a row")):
        res = _load(part)
        if res is None:
            lines.append(f"SIGKILL, {label}: not run.")
            continue
        trials = res["trials"]
        bad = [t for t in trials if _bad(t) or t["final exit"] != 0]
        totals = {k: sum(t.get(k, 0) for t in trials) for k in ("lost", "duplicated", "keys with two documents",
                                                                "failed", "documents missing")}
        partial = sum(_bad(t) - sum(t.get(k, 0) for k in totals) for t in trials)
        lines.append(f"SIGKILL, {label}: **{len(trials)} trials**, each {how} at a random moment (uniform over "
                     f"the {res['max_wait']:.0f} s an uninterrupted run takes) then rerun to the end "
                     f"({res['seconds']:.0f} s; {res['commit']}, {res['date']}): "
                     f"{totals['lost'] + totals['documents missing']} lost, "
                     f"{totals['duplicated']} duplicated, {partial} partial or orphan, {totals['failed']} failed; "
                     f"{len(bad)} trials with a problem.")
    res = _load("disk")
    if res is not None:
        lines.append("")
        lines.append(f"Disk full (RLIMIT_FSIZE on the DuckDB file, then a rerun without it; {res['commit']}, "
                     f"{res['date']}):")
        for t in res["trials"]:
            lines.append(f"- exit {t['exit under the limit']}, `{t['message'][:200]}`; rerun exit {t['rerun exit']}"
                         f", {t['lost']} lost, {_bad(t) - t['lost']} other problems")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd")
    child = sub.add_parser("ingest-child", help="(used by the crash tests) ingest with the stand-in analyzer")
    child.add_argument("db")
    child.add_argument("paths", nargs="+")
    child.add_argument("--pause", type=float, default=0.0)
    child.add_argument("--batch-size", type=int, default=4)
    run = sub.add_parser("run", help="run parts of the bench and record the section")
    run.add_argument("parts", nargs="*", default=list(PARTS))
    run.add_argument("-n", type=int, default=10_000, help="fuzzed inputs per entry point")
    run.add_argument("--kills", type=int, default=20, help="SIGKILL trials")
    run.add_argument("--seed", type=int, default=12, help="the ingest fuzz's hypothesis seed")
    sub.add_parser("record", help="only rewrite the section from the kept results")
    args = parser.parse_args(argv)
    if args.cmd == "ingest-child":
        ingest_child(args.db, args.paths, pause=args.pause, batch_size=args.batch_size)
        return
    from bench.common import record

    if args.cmd == "run":
        for part in args.parts:
            run_part(part, args.n, args.kills, args.seed)
    body = render()
    record("harden", "Hardening: fuzzing, SIGKILL and a full disk (bench/harden.py)", body)
    print(body)


if __name__ == "__main__":
    main()
