"""The two databases behind a Store: an embedded DuckDB file (default) and PostgreSQL (psycopg 3).

Both take SQL written with `?` placeholders (DuckDB's own style); the PostgreSQL backend rewrites them to
psycopg's `%s`, so callers write one statement for both. Values: Python str/int/float/bool/None,
`list[str]` for TEXT[] columns, naive UTC `datetime` for TIMESTAMP columns, JSON as text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from claimgraph.corpus.schema import SQL_TYPES, Table
from claimgraph.errors import ClaimgraphError

DEFAULT_DB = "claimgraph.duckdb"


class StoreError(ClaimgraphError):
    """The store cannot be opened or used (bad URL, locked file, server down, newer schema)."""


class Backend:
    """What a Store needs from a database. One connection; not shared between threads."""

    dialect: str = ""
    url: str = ""

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run one statement; the rows it returns (empty for statements that return none)."""
        raise NotImplementedError

    def query(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Column names and rows."""
        raise NotImplementedError

    def stream(self, sql: str, params: Sequence[Any] = (), size: int = 2000) -> Iterator[tuple[list[str], list]]:
        """(column names, a chunk of rows) until the result is exhausted: memory stays flat. Reads through
        a second cursor/connection: other statements may run while it is consumed (it sees committed data)."""
        raise NotImplementedError

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        raise NotImplementedError

    def insert_rows(self, table: Table, rows: Sequence[Sequence[Any]], ignore_conflicts: bool = False) -> None:
        """INSERT many rows (values in `table.column_names` order) as fast as the backend allows."""
        raise NotImplementedError

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All statements inside commit together or not at all."""
        raise NotImplementedError
        yield

    def close(self) -> None:
        raise NotImplementedError


class DuckDBBackend(Backend):
    dialect = "duckdb"

    def __init__(self, path: str, read_only: bool = False) -> None:
        import duckdb

        self.url = path
        self.path = path
        self.read_only = read_only
        if path != ":memory:" and not read_only:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        if read_only and path != ":memory:" and not Path(path).exists():
            raise StoreError(f"{path}: no such store: create it with `claimgraph store init --db {path}` "
                             "or `claimgraph ingest`")
        try:
            # built-in extensions only (json, parquet are compiled in): never download one
            self.conn = duckdb.connect(path, read_only=read_only,
                                       config={"autoinstall_known_extensions": False})
        except (duckdb.IOException, duckdb.ConnectionException) as exc:
            first = _first_line(exc)
            if "lock" in first.lower() or "different configuration" in first:
                doing = "read it" if read_only else "write to it"
                raise StoreError(f"{path}: another process is writing this store (an ingest?) and a DuckDB file "
                                 f"takes one writer and no other process meanwhile, so this one cannot {doing}: "
                                 "wait for it to finish, or keep the corpus in PostgreSQL (--db "
                                 f"postgresql://...) to query while ingesting ({first})") from None
            raise _store_error(path, exc, read_only) from None
        except duckdb.Error as exc:
            raise StoreError(f"{path}: not a claimgraph DuckDB store ({_first_line(exc)})") from None
        self._depth = 0

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """DuckDB's exceptions as StoreErrors whose one line says what happened and what to do."""
        import duckdb

        try:
            yield
        except duckdb.Error as exc:
            raise _store_error(self.url, exc, read_only=self.read_only) from exc

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._errors():
            cur = self.conn.execute(sql, list(params))
            return cur.fetchall() if cur.description else []

    def query(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple[Any, ...]]]:
        with self._errors():
            cur = self.conn.execute(sql, list(params))
            return [d[0] for d in cur.description], cur.fetchall()

    def stream(self, sql: str, params: Sequence[Any] = (), size: int = 2000) -> Iterator[tuple[list[str], list]]:
        with self._errors():
            cur = self.conn.cursor()
            cur.execute(sql, list(params))
            names = [d[0] for d in cur.description]
        while True:
            with self._errors():
                chunk = cur.fetchmany(size)
            if not chunk:
                break
            yield names, chunk
        cur.close()

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            with self._errors():
                self.conn.executemany(sql, [list(r) for r in rows])

    def insert_rows(self, table: Table, rows: Sequence[Sequence[Any]], ignore_conflicts: bool = False) -> None:
        # one JSON parameter unnested into rows: about six times faster than multi-row VALUES and
        # fifty times faster than executemany, which runs the whole pipeline once per row
        if not rows:
            return
        names = table.column_names
        struct = json.dumps({c.name: SQL_TYPES["duckdb"][c.type] for c in table.columns})
        sql = (f"INSERT INTO {table.name} ({', '.join(names)}) SELECT "
               f"unnest(from_json(?::JSON, '[{struct}]'), recursive := true)")
        if ignore_conflicts:
            sql += " ON CONFLICT DO NOTHING"
        for i in range(0, len(rows), 5000):
            payload = json.dumps([dict(zip(names, r, strict=True)) for r in rows[i:i + 5000]],
                                 ensure_ascii=False, default=_json_default)
            with self._errors():
                self.conn.execute(sql, [payload])

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._depth:  # nested: part of the outer transaction
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        with self._errors():
            self.conn.execute("BEGIN TRANSACTION")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            try:
                self.conn.execute("ROLLBACK")
            except Exception:  # noqa: BLE001 - e.g. a database invalidated by a failed write: the first error counts
                pass
            raise
        self._depth = 0
        try:
            with self._errors():
                self.conn.execute("COMMIT")
        except StoreError:
            try:
                self.conn.execute("ROLLBACK")
            except Exception:  # noqa: BLE001
                pass
            raise

    def close(self) -> None:
        self.conn.close()


_PLACEHOLDER = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|(\?)|(%)")


def to_psycopg(sql: str) -> str:
    """`?` placeholders -> `%s`, literal `%` -> `%%`, leaving quoted strings and identifiers alone."""
    def sub(m: re.Match[str]) -> str:
        if m.group(1):
            return "%s"
        if m.group(2):
            return "%%"
        return m.group(0)
    return _PLACEHOLDER.sub(sub, sql)


class PostgresBackend(Backend):
    dialect = "postgresql"

    def __init__(self, url: str, read_only: bool = False) -> None:
        try:
            import psycopg
        except ImportError:  # pragma: no cover - psycopg is a dependency
            raise StoreError("PostgreSQL needs psycopg: pip install 'psycopg[binary]'") from None
        self.url = _redact(url)
        self._dsn = url
        try:
            self.conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            raise StoreError(f"{self.url}: cannot connect ({_first_line(exc)})") from None
        self.read_only = read_only
        if read_only:
            self.conn.execute("SET default_transaction_read_only = on")
        self._depth = 0

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """psycopg's exceptions as StoreErrors whose one line says what happened and what to do."""
        import psycopg

        try:
            yield
        except psycopg.Error as exc:
            raise _store_error(self.url, exc, read_only=self.read_only) from exc

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._errors():
            cur = self.conn.execute(to_psycopg(sql), list(params) or None)
            return cur.fetchall() if cur.description else []

    def query(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple[Any, ...]]]:
        with self._errors():
            cur = self.conn.execute(to_psycopg(sql), list(params) or None)
            return [d.name for d in cur.description], cur.fetchall()

    def stream(self, sql: str, params: Sequence[Any] = (), size: int = 2000) -> Iterator[tuple[list[str], list]]:
        # its own connection, so the caller can run other statements while reading (as DuckDB's cursor can)
        import psycopg

        with self._errors():
            conn = psycopg.connect(self._dsn, autocommit=True, connect_timeout=10)
        try:
            cur = conn.cursor()
            names: list[str] | None = None
            chunk: list[tuple[Any, ...]] = []
            rows = cur.stream(to_psycopg(sql), list(params) or None)
            while True:
                with self._errors():
                    row = next(rows, None)
                if row is None:
                    break
                if names is None:
                    names = [d.name for d in cur.description]
                chunk.append(row)
                if len(chunk) >= size:
                    yield names, chunk
                    chunk = []
            if chunk and names is not None:
                yield names, chunk
            cur.close()
        finally:
            conn.close()

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            with self._errors(), self.conn.cursor() as cur:
                cur.executemany(to_psycopg(sql), [list(r) for r in rows])

    def insert_rows(self, table: Table, rows: Sequence[Sequence[Any]], ignore_conflicts: bool = False) -> None:
        if not rows:
            return
        names = table.column_names
        sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join(['%s'] * len(names))})"
        if ignore_conflicts:
            sql += " ON CONFLICT DO NOTHING"
        with self._errors(), self.conn.cursor() as cur:
            cur.executemany(sql, [list(r) for r in rows])  # psycopg 3 pipelines these: one round trip

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self._errors(), self.conn.transaction():  # a failed COMMIT is a StoreError too
            yield

    def close(self) -> None:
        self.conn.close()


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    raise TypeError(f"cannot store {type(value).__name__}")


#: what a database error means for the user, by words in its message (DuckDB) or its SQLSTATE (PostgreSQL)
_DISK_FULL = ("no space left on device", "file too large", "disk full", "could not extend file")
_READ_ONLY = ("read-only mode", "read-only transaction", "read only", "readonly database")


def _store_error(url: str, exc: BaseException, read_only: bool = False) -> StoreError:
    """A driver exception as a StoreError with a one-line message saying what to do."""
    first = _first_line(exc)
    text = str(exc).lower()
    sqlstate = getattr(exc, "sqlstate", None) or ""
    if sqlstate == "53100" or any(w in text for w in _DISK_FULL):
        return StoreError(f"{url}: the disk is full or a file size limit was reached ({first}): the last "
                          "transaction was not written; free space (or move the store) and rerun, stored "
                          "documents are skipped")
    if sqlstate == "25006" or any(w in text for w in _READ_ONLY) or "permission denied" in text:
        how = "it was opened read-only" if read_only else "the database or its file cannot be written"
        return StoreError(f"{url}: cannot write to the store: {how} ({first}); give a store you can write to")
    if "nul (0x00)" in text or "0x00" in text:
        return StoreError(f"{url}: PostgreSQL cannot store NUL characters (\\x00) in text: remove them from "
                          f"what is written ({first})")
    if sqlstate.startswith("08") or "connection" in text and ("closed" in text or "lost" in text):
        return StoreError(f"{url}: lost the connection to the database ({first}): check the server and rerun")
    if "database has been invalidated" in text:
        return StoreError(f"{url}: the store stopped taking writes after an earlier error in this process "
                          f"({first}): fix that error (disk space?) and rerun")
    return StoreError(f"{url}: database error ({first})")


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def _redact(url: str) -> str:
    """The URL without its password, for messages and `store info`."""
    return re.sub(r"(://[^:/@]+):[^@/]*@", r"\1:***@", url)


def open_backend(url: str | Path | None, read_only: bool = False) -> Backend:
    """`None` -> ./claimgraph.duckdb; `postgresql://...` / `postgres://...`; `duckdb:///path`, a path, or `:memory:`."""
    text = str(url) if url is not None else DEFAULT_DB
    if text.startswith(("postgresql://", "postgres://")):
        return PostgresBackend(text, read_only=read_only)
    if text.startswith("duckdb://"):
        text = text[len("duckdb://"):] or ":memory:"
    if "://" in text:
        raise StoreError(f"{text}: unknown store URL: give a .duckdb path or postgresql://user@host/dbname")
    return DuckDBBackend(text, read_only=read_only)
