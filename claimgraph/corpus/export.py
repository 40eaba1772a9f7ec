"""Exports of the documents a filter selects: CSV or Parquet per table, JSON Lines of whole analyses, ACLED.

CSV and Parquet go to a folder, one file per table (documents, inputs and every section table, plus any
extension table tied to documents), all rows of the selected documents. In CSV, arrays and JSON columns
are JSON text; in Parquet, arrays are lists and JSON columns text. Both backends go through the same
writer (rows streamed into a scratch DuckDB file, then DuckDB's own Parquet writer), so a DuckDB store
and a PostgreSQL store with the same content export the same files; no pyarrow needed.

JSON Lines: one analysis per line, the contract, each one rebuilt through the contract's models (so an
export that does not validate fails loudly instead of writing it).
"""

from __future__ import annotations

import csv
import json
import tempfile
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from claimgraph.corpus import schema as sch
from claimgraph.corpus.query import Filters, _document_where, resolve_place
from claimgraph.corpus.store import Store

FORMATS = ("csv", "parquet", "jsonl", "acled")


def export_tables(store: Store) -> list[sch.Table]:
    """The tables a per-table export writes: every table tied to documents."""
    return [t for t in sch.all_tables() if t.doc_scoped]


def _selected(store: Store, filters: Filters) -> tuple[str, list[Any]]:
    center = (resolve_place(store, filters.place) if filters.place is not None and filters.within_km is not None
              else None)
    w = _document_where(store, filters, center)
    return f"SELECT d.doc_id FROM documents d WHERE {w.sql()}", w.params


def _table_sql(store: Store, t: sch.Table, filters: Filters) -> tuple[str, list[Any]]:
    selected, params = _selected(store, filters)
    order = ", ".join(f"x.{c}" for c in t.primary_key)
    cols = ", ".join(f"x.{c}" for c in t.column_names)
    return f"SELECT {cols} FROM {t.name} x WHERE x.doc_id IN ({selected}) ORDER BY {order}", params


def _cell(col: sch.Column, value: Any) -> Any:
    if value is None:
        return ""
    if col.type == "text[]":
        return json.dumps(list(value), ensure_ascii=False)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    return value


def export_csv(store: Store, filters: Filters, out_dir: Path) -> dict[str, int]:
    """One CSV per table in `out_dir`; rows written per table."""
    out_dir.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for t in export_tables(store):
        sql, params = _table_sql(store, t, filters)
        n = 0
        with (out_dir / f"{t.name}.csv").open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(t.column_names)
            for _, chunk in store.backend.stream(sql, params):
                writer.writerows([_cell(c, v) for c, v in zip(t.columns, row, strict=True)] for row in chunk)
                n += len(chunk)
        counts[t.name] = n
    return counts


def export_parquet(store: Store, filters: Filters, out_dir: Path) -> dict[str, int]:
    """One Parquet file per table in `out_dir`, written by DuckDB from a scratch file (memory stays flat)."""
    from claimgraph.corpus.backends import DuckDBBackend

    out_dir.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="claimgraph-export-") as tmp:
        scratch = DuckDBBackend(str(Path(tmp) / "scratch.duckdb"))
        try:
            for t in export_tables(store):
                for stmt in t.ddl("duckdb"):
                    scratch.execute(stmt)
                sql, params = _table_sql(store, t, filters)
                n = 0
                for _, chunk in store.backend.stream(sql, params, size=5000):
                    scratch.insert_rows(t, chunk)
                    n += len(chunk)
                target = str(out_dir / f"{t.name}.parquet").replace("'", "''")
                order = ", ".join(t.primary_key)
                scratch.execute(f"COPY (SELECT * FROM {t.name} ORDER BY {order}) TO '{target}' (FORMAT PARQUET)")
                scratch.execute(f"DROP TABLE {t.name}")
                counts[t.name] = n
        finally:
            scratch.close()
    return counts


def export_jsonl(store: Store, filters: Filters, out: IO[str]) -> int:
    """Whole analyses, one per line, in doc_id order; returns how many."""
    selected, params = _selected(store, filters)
    ids = (r[0] for _, chunk in store.backend.stream(selected + " ORDER BY d.doc_id", params) for r in chunk)
    n = 0
    for analysis in store.iter_analyses(ids):
        out.write(analysis.to_json(indent=None) + "\n")
        n += 1
    return n
