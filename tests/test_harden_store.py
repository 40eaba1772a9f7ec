"""The store under crashes and hostile conditions (issue 12): ingest killed with SIGKILL at random moments then
rerun, a full disk, read-only databases, a `query` while `ingest` writes, hostile streams on PostgreSQL.
The long runs (20+ kill trials, 10,000 fuzzed streams) are bench/harden.py's; these are short versions."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from corpus_helpers import ROOT, orphans
from test_corpus_backends import pg_server, pg_url  # noqa: F401 - fixtures: a throwaway PostgreSQL cluster

from bench.harden import EchoAnalyzer, check_store, disk_full_trial, echo_corpus, fuzz_ingest, kill_trials
from claimgraph.corpus import Store
from claimgraph.corpus.backends import StoreError, _store_error
from claimgraph.corpus.ingest import ingest
from claimgraph.corpus.readers import CsvColumns, iter_items

CHILD = [sys.executable, "-m", "bench.harden", "ingest-child"]
CLI = [sys.executable, "-m", "claimgraph.cli"]


def test_sigkill_at_random_moments_then_rerun_stores_each_document_once(tmp_path):
    trials = kill_trials(3, tmp_path, max_wait=3.0, n_docs=30, seed=7)["trials"]
    for t in trials:
        assert t["final exit"] == 0, t
        assert {k: v for k, v in t.items() if k not in ("trial", "delays", "final exit")} == {
            "partial documents": 0, "documents missing": 0, "lost": 0, "duplicated": 0,
            "documents not matching their keys": 0, "failed": 0, "keys with two documents": 0}, t


def test_a_full_disk_stops_ingest_with_one_clear_line_and_a_rerun_completes(tmp_path):
    result = disk_full_trial(tmp_path, 200_000)
    assert result["exit under the limit"] == 2, result
    assert result["message"].startswith("error: ") and "\n" not in result["message"], result
    assert "disk is full or a file size limit was reached" in result["message"], result
    assert result["rerun exit"] == 0, result
    assert {k: v for k, v in result.items() if isinstance(v, int) and "exit" not in k} == {
        "lost": 0, "duplicated": 0, "documents not matching their keys": 0, "failed": 0,
        "keys with two documents": 0}, result


def test_a_store_opened_read_only_refuses_writes_clearly(tmp_path, sample_analysis):
    path = tmp_path / "s.duckdb"
    Store(path).close()
    with Store(path, read_only=True) as store, pytest.raises(StoreError, match="opened read-only"):
        store.write_analysis(sample_analysis, key="k")
    with Store(path, read_only=True) as store:
        assert store.count("documents") == 0


def test_a_read_only_postgresql_database_gives_one_clear_line(pg_url, tmp_path):  # noqa: F811
    import psycopg

    Store(pg_url).close()
    name = pg_url.rsplit("/", 1)[1]
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on')
    corpus = tmp_path / "in.jsonl"
    echo_corpus(corpus, 3)
    proc = subprocess.run([*CHILD, pg_url, str(corpus)], cwd=ROOT, capture_output=True, timeout=300)
    message = proc.stderr.decode().strip()
    assert proc.returncode == 2 and "\n" not in message, message
    assert "cannot write to the store" in message and "Traceback" not in message, message


def test_driver_errors_map_to_what_to_do():
    class Fake(Exception):
        def __init__(self, text: str, sqlstate: str | None = None) -> None:
            super().__init__(text)
            self.sqlstate = sqlstate

    assert "disk is full" in str(_store_error("db", Fake("could not extend file", "53100")))
    assert "cannot write" in str(_store_error("db", Fake("cannot execute INSERT in a read-only transaction",
                                                         "25006")))
    assert "lost the connection" in str(_store_error("db", Fake("server closed the connection", "08006")))


def test_query_while_ingest_writes_postgresql(pg_url, tmp_path):  # noqa: F811
    corpus = tmp_path / "in.jsonl"
    keys = echo_corpus(corpus, 40)
    Store(pg_url).close()
    proc = subprocess.Popen([*CHILD, pg_url, str(corpus), "--pause", "0.2", "--batch-size", "2"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    seen = []
    with Store(pg_url, read_only=True) as reader:
        while proc.poll() is None:
            seen.append(reader.count("documents"))
            assert not any(check_store(reader).values())  # a reader sees whole documents only
            time.sleep(0.1)
    assert proc.returncode == 0, proc.stderr.read().decode()
    assert seen == sorted(seen) and len(set(seen)) > 2, seen  # it watched the store fill up
    with Store(pg_url, read_only=True) as reader:
        assert {k for k in keys if reader.find_key(k)} == set(keys)


def test_query_while_ingest_writes_duckdb_says_why_it_cannot(tmp_path):
    corpus = tmp_path / "in.jsonl"
    echo_corpus(corpus, 40)
    db = tmp_path / "s.duckdb"
    Store(db).close()
    # slow on purpose (2 s a batch of one: 80 s), so the query surely runs while it writes; killed after
    proc = subprocess.Popen([*CHILD, str(db), str(corpus), "--pause", "2", "--batch-size", "1"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        assert proc.stdout is not None and proc.stdout.readline() == b"open\n"  # it holds the store now
        query = subprocess.run([*CLI, "query", "--db", str(db), "--json"], capture_output=True, timeout=300)
        still_writing = proc.poll() is None
    finally:
        proc.kill()
        proc.wait(timeout=60)
    assert still_writing, "the ingest finished before the query ran"
    message = query.stderr.decode().strip()
    assert query.returncode == 2 and "\n" not in message, message
    assert "another process is writing this store" in message and "PostgreSQL" in message, message


def test_nul_in_metadata_keys_and_filters_on_postgresql(pg_url, tmp_path):  # noqa: F811
    """Regression (found by the ingest fuzz): PostgreSQL refuses NUL in text, so a title, outlet or id
    holding one aborted the whole ingest with psycopg.DataError, and a filter holding one escaped from query."""
    text = "Officials in Aleppo said on Monday that 12 civilians were killed in an air strike on a market."
    path = tmp_path / "nul.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in [
        {"text": text, "title": "a\x00b", "outlet": "Out\x00let", "authors": ["A\x00"], "id": "x\x00"},
        {"text": text + " Again.", "id": "y"}]) + "\n", encoding="utf-8")
    with Store(pg_url) as store:
        counts = ingest(store, iter_items([str(path)], CsvColumns(id="id")), analyzer=EchoAnalyzer())
        assert (counts.added, counts.failed) == (2, 0)
        assert store.query("documents", outlet="Out\x00let")[0]["title"] == "a\ufffdb"
        assert store.find_key("x\ufffd")
        assert store.query("documents", text="\x00") == []
        assert any("NUL" in w for w in counts.warnings)


def test_hostile_streams_into_postgresql(pg_url, tmp_path):  # noqa: F811
    with Store(pg_url) as store:
        stats = fuzz_ingest(store, 40, tmp_path)
        assert stats["streams"] == 40 and stats["records"] > 0
        assert not any(orphans(store).values())


def test_hostile_streams_into_duckdb(tmp_path):
    folder = tmp_path / "streams"
    folder.mkdir()
    with Store(tmp_path / "s.duckdb") as store:
        stats = fuzz_ingest(store, 120, folder)
        assert stats["streams"] == 120 and stats["stored"] > 0 and stats["failed"] > 0
        assert not list(folder.iterdir())  # each stream was checked and removed
    assert Path(tmp_path / "s.duckdb").exists()


def test_query_filters_fuzz_on_postgresql(pg_url):  # noqa: F811
    """The store fuzz of tests/test_fuzz.py on PostgreSQL, where a NUL in a filter used to escape as
    psycopg.DataError (DuckDB matched it literally)."""
    from bench.harden import fuzz_store, hostile_store

    store = hostile_store(pg_url)
    try:
        assert fuzz_store(store, 100) >= 100
        assert store.query("documents", outlet="\x00") == [] and store.count("documents", source="\x00") == 0
        assert store.count("documents") == 2
    finally:
        store.close()
