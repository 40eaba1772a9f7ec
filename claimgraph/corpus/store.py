"""`Store`: analyses kept in DuckDB (default, one file) or PostgreSQL, written whole, read back equal.

    >>> from claimgraph import Store
    >>> store = Store("corpus.duckdb")            # or Store("postgresql://user@host/db"); None -> ./claimgraph.duckdb
    >>> store.write_analysis(analysis, key="article.txt")
    >>> store.get_analysis(analysis.document.id) == analysis
    >>> store.query(outlet="Reuters", event_type="Air/drone strike", what="events")   # list of dicts
    >>> store.query(text="chemical", frame=True)                                     # pandas DataFrame

Writing: each document's rows (document, items of every section, its input key) go in one transaction:
all or none, so a process killed at any moment leaves whole documents only. The document id is the
contract's content hash, so writing the same text again adds nothing but its key.

SQL for other modules (the same statement runs on both backends; write placeholders as `?`):

    >>> store.rows("SELECT doc_id, title FROM documents WHERE outlet = ?", ["Reuters"])   # list of dicts
    >>> with store.transaction():
    ...     store.execute("DELETE FROM my_table WHERE doc_id = ?", [doc_id])
    ...     store.insert("my_table", [{"doc_id": doc_id, "x": 1}])

A DuckDB file takes one writing process at a time (readers with `read_only=True` can share it when no
writer holds it); use PostgreSQL where several processes write or read while ingest runs.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from claimgraph.contract import SECTIONS, Analysis, Document
from claimgraph.corpus import schema as sch
from claimgraph.corpus.backends import Backend, StoreError, open_backend

__all__ = ["Store", "StoreError", "now"]


def now() -> datetime:
    """Naive UTC, as every TIMESTAMP column holds."""
    return datetime.now(UTC).replace(tzinfo=None)


def _version() -> str:
    from claimgraph import __version__

    return __version__


class Store:
    """A corpus of analyses in DuckDB or PostgreSQL. Open once, reuse, `close()` (or use `with`)."""

    def __init__(self, url: str | Path | None = None, *, read_only: bool = False) -> None:
        self.backend: Backend = open_backend(url, read_only=read_only)
        self.read_only = read_only
        try:
            self._check_versions()
            if not read_only:
                self.init()
        except BaseException:
            self.backend.close()
            raise

    # -- plumbing -------------------------------------------------------------------------------
    @property
    def dialect(self) -> str:
        """'duckdb' or 'postgresql'."""
        return self.backend.dialect

    @property
    def url(self) -> str:
        """Where the store is (a PostgreSQL URL without its password)."""
        return self.backend.url

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.backend.close()

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run one statement with `?` placeholders on either backend; returns its rows as tuples."""
        return self.backend.execute(sql, params)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """The same statement once per row of parameters."""
        self.backend.executemany(sql, rows)

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Run a query; each row as a dict by column name (JSON columns stay text: see `decode`)."""
        names, rows = self.backend.query(sql, params)
        return [dict(zip(names, r, strict=True)) for r in rows]

    def transaction(self):  # noqa: ANN201 - a context manager
        """`with store.transaction():` everything inside commits together or not at all (nests)."""
        return self.backend.transaction()

    def insert(self, table: str, rows: Iterable[dict[str, Any]], *, on_conflict: str = "error") -> int:
        """Insert dict rows into a schema table (missing columns are NULL; lists for TEXT[]; JSON columns
        take any JSON-able value). `on_conflict="ignore"` skips rows whose primary key exists."""
        t = sch.table(table)
        names = t.column_names
        values = []
        for row in rows:
            unknown = set(row) - set(names)
            if unknown:
                raise StoreError(f"{table} has no column(s) {sorted(unknown)}")
            values.append(tuple(_encode(t.column(n), row.get(n)) for n in names))
        if not values:
            return 0
        self.backend.insert_rows(t, values, ignore_conflicts=on_conflict == "ignore")
        return len(values)

    @staticmethod
    def decode(table: str, row: dict[str, Any]) -> dict[str, Any]:
        """A row as read (by `rows`) with its JSON columns parsed."""
        t = sch.table(table)
        out = dict(row)
        for col in t.columns:
            if col.type == "json" and isinstance(out.get(col.name), str):
                out[col.name] = json.loads(out[col.name])
        return out

    # -- schema ---------------------------------------------------------------------------------
    def _tables_present(self) -> set[str]:
        if self.dialect == "duckdb":
            rows = self.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'")
        else:
            rows = self.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                                "current_schema()")
        return {r[0] for r in rows}

    def stored_versions(self) -> dict[str, int]:
        """Component -> schema version as recorded in this store (empty for a new store)."""
        if "meta" not in self._tables_present():
            return {}
        rows = self.execute("SELECT name, value FROM meta WHERE name LIKE 'schema:%'")
        return {name.split(":", 1)[1]: int(value) for name, value in rows}

    def _check_versions(self) -> None:
        code = sch.components()
        pending: list[tuple[str, int, list[str]]] = []
        for component, version in self.stored_versions().items():
            if component in code and version > code[component]:
                raise StoreError(
                    f"{self.url}: written by a newer claimgraph (schema {component} v{version}, this one "
                    f"reads v{code[component]}): upgrade claimgraph")
            if component in code and version < code[component]:
                steps = sch.migration(component, version, code[component], self.dialect)
                if steps is None:
                    raise StoreError(
                        f"{self.url}: schema {component} v{version} is older than this claimgraph's "
                        f"v{code[component]}: export it with the older version (`claimgraph export --format "
                        "jsonl`) and ingest that into a new store")
                if self.read_only:
                    raise StoreError(
                        f"{self.url}: schema {component} v{version} is older than this claimgraph's "
                        f"v{code[component]}: open it once for writing to upgrade it in place (`claimgraph store "
                        "init --db ...`; it only adds columns)")
                pending.append((component, code[component], steps))
        for component, version, steps in pending:  # each component's upgrade is one transaction
            with self.transaction():
                for stmt in steps:
                    self.execute(stmt)
                self.execute("UPDATE meta SET value = ? WHERE name = ?", [str(version), f"schema:{component}"])

    def init(self) -> None:
        """Create every table of every registered component that is missing (harmless when all exist)."""
        present = self._tables_present()
        with self.transaction():
            for t in sch.all_tables():
                if t.name not in present:
                    for stmt in t.ddl(self.dialect):
                        self.execute(stmt)
            for component, version in sch.components().items():
                self.execute("INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT DO NOTHING",
                             [f"schema:{component}", str(version)])

    def info(self) -> dict[str, Any]:
        """Backend, URL, schema versions, and each table's columns and row count."""
        present = self._tables_present()
        tables = []
        for t in sch.all_tables():
            count = self.execute(f"SELECT count(*) FROM {t.name}")[0][0] if t.name in present else None
            tables.append({"name": t.name, "component": t.component, "rows": count, "doc": t.doc,
                           "primary_key": list(t.primary_key),
                           "columns": [{"name": c.name, "type": c.type, "nullable": c.nullable, "doc": c.doc}
                                       for c in t.columns]})
        return {"backend": self.dialect, "url": self.url, "schema": self.stored_versions(),
                "claimgraph": _version(), "tables": tables}

    # -- writing --------------------------------------------------------------------------------
    def document_versions(self, doc_ids: Sequence[str]) -> dict[str, str]:
        """doc_id -> claimgraph version that analysed it, for those of `doc_ids` already stored."""
        out: dict[str, str] = {}
        ids = list(dict.fromkeys(doc_ids))
        for i in range(0, len(ids), 500):
            part = ids[i:i + 500]
            rows = self.execute(f"SELECT doc_id, claimgraph_version FROM documents WHERE doc_id IN "
                                f"({', '.join('?' * len(part))})", part)
            out.update({d: v for d, v in rows})
        return out

    def write_analysis(self, analysis: Analysis, *, key: str | None = None, run_id: str | None = None,
                       replace: bool = False, model: str | None = None, version: str | None = None) -> str:
        """Store one analysis and its input key, in one transaction. Returns what happened:
        'added', 'replaced' (it existed and `replace` was set) or 'exists' (only the key was added)."""
        return self.write_analyses([(analysis, key)], run_id=run_id, replace=replace, model=model,
                                   version=version)[0]

    def write_analyses(self, items: Sequence[tuple[Analysis, str | None]], *, run_id: str | None = None,
                       replace: bool = False, model: str | None = None, version: str | None = None,
                       encodings: Mapping[str, str | None] | None = None) -> list[str]:
        """Store several (analysis, input key) pairs in one transaction (whole documents, all or none);
        one outcome per pair as in `write_analysis`. Batching is what keeps the store's overhead small.
        `encodings`: doc_id -> how its input's bytes were decoded (`documents.encoding`)."""
        ids = [a.document.id for a, _ in items]
        outcomes: list[str] = []
        with self.transaction():
            existing = self.document_versions(ids)
            fresh: dict[str, Analysis] = {}
            for analysis, _ in items:
                doc_id = analysis.document.id
                if doc_id in fresh or (doc_id in existing and not replace):
                    outcomes.append("exists")
                    continue
                fresh[doc_id] = analysis
                outcomes.append("replaced" if doc_id in existing else "added")
            replaced = [d for d in fresh if d in existing]
            if replaced:
                self._delete_rows(replaced, keep_inputs=True)
            stamp, ver = now(), version or _version()
            self.backend.insert_rows(sch.DOCUMENTS, [
                (d, a.schema_, a.document.title, a.document.outlet, list(a.document.authors), a.document.url,
                 a.document.dateline, a.document.published, a.document.published_source, a.document.language,
                 a.document.text, ver, model,
                 stamp, run_id, (encodings or {}).get(d)) for d, a in fresh.items()])
            for section in SECTIONS:
                t = sch.SECTION_TABLES[section]
                rows = [row for d, a in fresh.items() for row in t.to_rows(d, getattr(a, section))]
                self.backend.insert_rows(t, rows)
            keyed = [(key, a.document.id) for a, key in items if key is not None]
            if keyed:
                self.backend.insert_rows(sch.INPUTS, [(k, d, run_id, stamp) for k, d in dict(keyed).items()],
                                         ignore_conflicts=True)
                keys = list(dict(keyed))
                for i in range(0, len(keys), 500):
                    part = keys[i:i + 500]
                    self.execute(f"DELETE FROM failures WHERE key IN ({', '.join('?' * len(part))})", part)
        return outcomes

    def add_key(self, key: str, doc_id: str, run_id: str | None = None) -> None:
        """Record that input `key` gave document `doc_id` (and clear an earlier failure of that key)."""
        with self.transaction():
            self.execute("INSERT INTO inputs (key, doc_id, run_id, added_at) VALUES (?, ?, ?, ?) "
                         "ON CONFLICT DO NOTHING", [key, doc_id, run_id, now()])
            self.execute("DELETE FROM failures WHERE key = ?", [key])

    def record_failure(self, key: str, error: str, run_id: str | None = None) -> None:
        """Input `key` could not be analysed: keep its latest error (one row per key)."""
        self.execute(
            "INSERT INTO failures (key, error, failed_at, run_id, claimgraph_version) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET error = excluded.error, failed_at = excluded.failed_at, "
            "run_id = excluded.run_id, claimgraph_version = excluded.claimgraph_version",
            [key, error, now(), run_id, _version()])

    def _delete_rows(self, doc_ids: list[str], keep_inputs: bool) -> None:
        """Every doc-scoped row of these documents, extension tables included."""
        marks = ", ".join("?" * len(doc_ids))
        for t in reversed(sch.all_tables()):
            if t.doc_scoped and not (keep_inputs and t.name == "inputs"):
                self.execute(f"DELETE FROM {t.name} WHERE doc_id IN ({marks})", doc_ids)

    def delete_document(self, doc_id: str) -> bool:
        """Remove a document, its items, its keys and every extension row tied to it."""
        with self.transaction():
            found = bool(self.execute("SELECT 1 FROM documents WHERE doc_id = ?", [doc_id]))
            self._delete_rows([doc_id], keep_inputs=False)
        return found

    def start_run(self, inputs: list[str], model: str | None = None) -> str:
        run_id = uuid.uuid4().hex[:16]
        self.insert("runs", [{"run_id": run_id, "started_at": now(), "status": "running",
                              "claimgraph_version": _version(), "model": model, "inputs": inputs}])
        return run_id

    def finish_run(self, run_id: str, counts: dict[str, int], status: str = "done") -> None:
        self.execute("UPDATE runs SET finished_at = ?, status = ?, seen = ?, added = ?, replaced = ?, "
                     "skipped = ?, failed = ? WHERE run_id = ?",
                     [now(), status, *(counts.get(k, 0) for k in ("seen", "added", "replaced", "skipped",
                                                                   "failed")), run_id])

    # -- reading --------------------------------------------------------------------------------
    def get_analysis(self, doc_id: str) -> Analysis | None:
        """The stored analysis of a document, equal to the one written; None if there is none."""
        docs = self.rows("SELECT * FROM documents WHERE doc_id = ?", [doc_id])
        if not docs:
            return None
        return self._assemble(docs[0], {s: self.rows(f"SELECT * FROM {s} WHERE doc_id = ? ORDER BY ord", [doc_id])
                                        for s in SECTIONS})

    def iter_analyses(self, doc_ids: Iterable[str] | None = None, batch: int = 200) -> Iterator[Analysis]:
        """Whole analyses, a batch of documents at a time (all of them, in doc_id order, by default)."""
        if doc_ids is None:
            doc_ids = (r[0] for _, chunk in self.backend.stream("SELECT doc_id FROM documents ORDER BY doc_id")
                       for r in chunk)
        pending: list[str] = []
        for doc_id in doc_ids:
            pending.append(doc_id)
            if len(pending) >= batch:
                yield from self._analyses(pending)
                pending = []
        if pending:
            yield from self._analyses(pending)

    def _analyses(self, ids: list[str]) -> Iterator[Analysis]:
        marks = ", ".join("?" * len(ids))
        docs = {r["doc_id"]: r for r in self.rows(f"SELECT * FROM documents WHERE doc_id IN ({marks})", ids)}
        items: dict[str, dict[str, list[dict[str, Any]]]] = {d: {s: [] for s in SECTIONS} for d in docs}
        for s in SECTIONS:
            for row in self.rows(f"SELECT * FROM {s} WHERE doc_id IN ({marks}) ORDER BY doc_id, ord", ids):
                items[row["doc_id"]][s].append(row)
        for doc_id in ids:
            if doc_id in docs:
                yield self._assemble(docs[doc_id], items[doc_id])

    @staticmethod
    def _assemble(doc: dict[str, Any], items: dict[str, list[dict[str, Any]]]) -> Analysis:
        document = Document(id=doc["doc_id"], title=doc["title"], outlet=doc["outlet"],
                            authors=list(doc["authors"] or []), url=doc["url"], dateline=doc["dateline"],
                            published=doc["published"], published_source=doc.get("published_source"),
                            language=doc["language"], text=doc["text"])
        sections = {s: [sch.SECTION_TABLES[s].from_row(r) for r in items[s]] for s in SECTIONS}
        return Analysis(schema=doc["schema"], document=document, **sections)

    def keys(self, doc_id: str) -> list[str]:
        """The input keys that gave this document."""
        return [r[0] for r in self.execute("SELECT key FROM inputs WHERE doc_id = ? ORDER BY key", [doc_id])]

    def find_key(self, key: str) -> list[str]:
        """Document ids stored for an input key (a file path, `path:line`, `path:row` or an id)."""
        return [r[0] for r in self.execute("SELECT doc_id FROM inputs WHERE key = ? ORDER BY doc_id", [key])]

    def failures(self, limit: int | None = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Inputs whose last attempt failed, newest first."""
        return self.rows("SELECT * FROM failures ORDER BY failed_at DESC, key" + _page(limit, offset))

    def runs(self, limit: int | None = 20) -> list[dict[str, Any]]:
        """Ingest runs, newest first (`inputs` parsed)."""
        return [self.decode("runs", r) for r in self.rows("SELECT * FROM runs ORDER BY started_at DESC"
                                                           + _page(limit, 0))]

    def query(self, what: str = "documents", *, frame: bool = False, limit: int | None = None, offset: int = 0,
              **filters: Any) -> Any:
        """Rows of `what` (documents, or a section: events, claims, quotes, ...) matching the filters.

        Filters (all optional, combined with AND; see `claimgraph.corpus.query.Filters`): outlet, source,
        entity, place, within_km, since, until, event_type, flag, text, key, doc_id. Returns a list of
        dicts (JSON columns parsed), or a pandas DataFrame with `frame=True` (needs `claimgraph[pandas]`).
        Paginate with `limit`/`offset`; `count()` gives the total.
        """
        from claimgraph.corpus.query import Filters, run_query

        names, records = run_query(self, what, Filters(**filters), limit=limit, offset=offset)
        if not frame:
            return records
        try:
            import pandas as pd
        except ImportError:
            raise StoreError("DataFrames need pandas: pip install 'claimgraph[pandas]' (or use the records "
                             "frame=False returns)") from None
        return pd.DataFrame.from_records(records, columns=names)

    def count(self, what: str = "documents", **filters: Any) -> int:
        """How many rows `query(what, **filters)` would return without a limit."""
        from claimgraph.corpus.query import Filters, count_query

        return count_query(self, what, Filters(**filters))

    def documents(self, limit: int | None = 50, offset: int = 0, **filters: Any) -> list[dict[str, Any]]:
        """A page of documents (newest publication first; no text), for listings."""
        return self.query("documents", limit=limit, offset=offset, **filters)

    # -- linked records (claimgraph.corpus.linking.store) -------------------------------------------
    def link(self, *, full: bool = False) -> Any:  # noqa: ANN401
        """Link the documents not linked yet against the stored ones (incremental); returns a summary."""
        from claimgraph.corpus.linking.store import link

        return link(self, full=full)

    def incidents(self, *, min_documents: int = 2, limit: int | None = None) -> list[Any]:
        """Incidents reported by several documents, with every report (linked-records Incident)."""
        from claimgraph.corpus.linking.store import incidents

        return incidents(self, min_documents=min_documents, limit=limit)

    def findings(self, kinds: Iterable[str] | None = None, limit: int | None = None) -> list[Any]:
        """Findings (corroboration, drift, contradiction, anachronism, recycling, outlet_profile)."""
        from claimgraph.corpus.linking.store import findings

        return findings(self, kinds=kinds, limit=limit)

    def canonical_entities(self, min_documents: int = 1) -> list[Any]:
        """People, organisations, outlets and groups across documents, one canonical id each."""
        from claimgraph.corpus.linking.store import canonical_entities

        return canonical_entities(self, min_documents=min_documents)


def _page(limit: int | None, offset: int) -> str:
    if (limit is not None and int(limit) < 0) or int(offset) < 0:
        raise StoreError(f"limit {limit} / offset {offset}: give 0 or more")
    out = f" LIMIT {int(limit)}" if limit is not None else ""
    return out + (f" OFFSET {int(offset)}" if offset else "")


def _encode(col: sch.Column, value: Any) -> Any:
    if value is None:
        return None
    if col.type == "json":
        return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if col.type == "text[]":
        return list(value)
    return value
