"""`claimgraph ingest` with one process, two worker processes and a Dask LocalCluster stores the same rows:
workers analyse, the single writer writes in input order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from corpus_helpers import ARTICLES

from claimgraph.corpus import Store
from claimgraph.corpus import schema as sch
from claimgraph.corpus.ingest import ingest
from claimgraph.corpus.readers import iter_items

#: when a row was written and by which run: the only columns that differ between runs
VOLATILE = {"run_id", "analysed_at", "added_at", "failed_at"}


def _corpus(tmp_path: Path) -> Path:
    """A JSON Lines corpus: six fixture articles, one of them twice, and a record that fails."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))[:6]]
    records = [{"text": t, "outlet": f"outlet {i}"} for i, t in enumerate(texts)]
    records.insert(3, {"title": "no text"})
    records.append({"text": texts[1], "outlet": "outlet 1"})
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _rows(db: Path) -> dict[str, list[tuple]]:
    out = {}
    with Store(db, read_only=True) as s:
        for table in sch.all_tables():
            if table.name in ("runs", "meta"):
                continue
            cols = [c.name for c in table.columns if c.name not in VOLATILE]
            rows = s.execute(f"SELECT {', '.join(cols)} FROM {table.name}")
            out[table.name] = sorted(tuple(json.dumps(v, default=str) for v in r) for r in rows)
    return out


def _ingest(tmp_path: Path, name: str, **engine) -> tuple[dict[str, list[tuple]], dict[str, int]]:
    corpus = _corpus(tmp_path)
    db = tmp_path / f"{name}.duckdb"
    with Store(db) as store:
        counts = ingest(store, iter_items([str(corpus)]), inputs=[str(corpus)], batch_size=2, **engine)
    return _rows(db), counts.as_dict()


def test_one_process_two_workers_and_dask_store_the_same_rows(tmp_path: Path) -> None:
    serial, serial_counts = _ingest(tmp_path, "serial", workers=1)
    assert serial_counts == {"seen": 8, "added": 6, "replaced": 0, "skipped": 1, "failed": 1}
    assert len(serial["documents"]) == 6 and len(serial["inputs"]) == 7 and len(serial["failures"]) == 1
    assert sum(len(serial[t]) for t in serial if t not in ("documents", "inputs", "failures")) > 50
    two, two_counts = _ingest(tmp_path, "two", workers=2)
    assert two == serial
    assert two_counts == serial_counts
    pytest.importorskip("dask.distributed")
    dask, dask_counts = _ingest(tmp_path, "dask", workers=2, engine="dask", processes=False)
    assert dask == serial
    assert dask_counts == serial_counts
