"""Exports, and DuckDB against a real PostgreSQL: the same corpus gives the same answers and files.

PostgreSQL runs as a throwaway cluster made here with Debian's server binaries (package `postgresql`,
which .ci/run installs) on a free port in a temporary folder; the tests that need it are skipped, saying
why, only where the binaries are missing.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys

import jsonschema
import pandas as pd
import pytest
from corpus_helpers import ARTICLES, corpus_analyses, orphans, table_counts
from test_corpus_store import FILTERS

from claimgraph.contract import json_schema
from claimgraph.corpus import Store
from claimgraph.corpus import acled as acled_mod
from claimgraph.corpus import schema as sch
from claimgraph.corpus.export import export_csv, export_jsonl, export_parquet
from claimgraph.corpus.query import Filters
from claimgraph.data import read_rows

ACLED_COLUMNS = ["event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
                 "country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "source",
                 "source_scale", "notes", "fatalities"]
#: differs between two stores holding the same analyses: when each row was written
VOLATILE = {"analysed_at", "added_at", "run_id"}


@pytest.fixture(scope="module")
def pg_server():
    """Base URL of a throwaway PostgreSQL cluster (the same one bench/harden.py starts)."""
    from bench.harden import pg_cluster

    try:
        cluster = pg_cluster()
        url = cluster.__enter__()
    except FileNotFoundError as exc:
        pytest.skip(f"{exc}: apt-get install postgresql")
    try:
        yield url
    finally:
        cluster.__exit__(None, None, None)


@pytest.fixture
def pg_url(pg_server, request):
    """A fresh database in the throwaway cluster for each test."""
    import psycopg

    name = "t_" + "".join(c if c.isalnum() else "_" for c in request.node.name.lower())[:50]
    with psycopg.connect(f"{pg_server}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{pg_server}/{name}"


@pytest.fixture
def duck(tmp_path) -> Store:
    s = Store(tmp_path / "corpus.duckdb")
    s.write_analyses([(a, k) for k, a in corpus_analyses()])
    yield s
    s.close()


@pytest.fixture
def pg(pg_url) -> Store:
    s = Store(pg_url)
    s.write_analyses([(a, k) for k, a in corpus_analyses()])
    yield s
    s.close()


def _stable(records: list[dict]) -> list[dict]:
    return [{k: v for k, v in r.items() if k not in VOLATILE} for r in records]


# -- exports (DuckDB) ------------------------------------------------------------------------------

def test_csv_and_parquet_exports_load_in_pandas(duck, tmp_path):
    counts = export_csv(duck, Filters(), tmp_path / "csv")
    assert counts == {t: n for t, n in table_counts(duck).items() if sch.table(t).doc_scoped}
    pq_counts = export_parquet(duck, Filters(), tmp_path / "pq")
    assert pq_counts == counts
    for table, n in counts.items():
        from_csv = pd.read_csv(tmp_path / "csv" / f"{table}.csv")
        from_pq = pd.read_parquet(tmp_path / "pq" / f"{table}.parquet")
        assert len(from_csv) == len(from_pq) == n
        assert list(from_csv.columns) == list(from_pq.columns)
    events = pd.read_parquet(tmp_path / "pq" / "events.parquet")
    assert events["span_start"].dtype.kind == "i"
    assert isinstance(events["actors"].iloc[0].tolist(), list)  # arrays stay lists in Parquet
    csv_events = pd.read_csv(tmp_path / "csv" / "events.csv")
    assert json.loads(csv_events["actors"].iloc[0]) == events["actors"].iloc[0].tolist()  # JSON text in CSV
    # a filter exports only the documents it selects, whole
    sub = export_csv(duck, Filters(outlet="Reuters"), tmp_path / "reuters")
    assert sub["documents"] == duck.count(outlet="Reuters") == 4
    assert sub["events"] == sum(len(a.events) for _, a in corpus_analyses() if a.document.outlet == "Reuters")


def test_jsonl_export_validates_against_the_contract_schema(duck):
    buf = io.StringIO()
    n = export_jsonl(duck, Filters(), buf)
    lines = buf.getvalue().splitlines()
    assert n == len(lines) == len({a.document.id for _, a in corpus_analyses()})
    validator = jsonschema.Draft202012Validator(json_schema())
    by_id = {a.document.id: a.to_dict() for _, a in corpus_analyses()}
    for line in lines:
        data = json.loads(line)
        validator.validate(data)
        assert data == by_id[data["document"]["id"]]


def test_acled_export_has_exactly_acleds_columns(duck):
    buf = io.StringIO()
    n = acled_mod.write_csv(duck, Filters(), buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert acled_mod.columns() == ACLED_COLUMNS
    assert list(rows[0]) == ACLED_COLUMNS and len(rows) == n
    frame = pd.read_csv(io.StringIO(buf.getvalue()))
    assert list(frame.columns) == ACLED_COLUMNS
    acled_types = {r[1] for r in read_rows("events_types.tsv") if r[0] != r[1]}
    assert set(frame["event_type"]) <= acled_types  # Displacement, Diplomatic event, ... are left out
    expected = sum(e.type in acled_types or e.type == "Recruitment" for _, a in corpus_analyses() for e in a.events)
    assert n == expected
    # blank only where neither the event nor the report has a date
    assert set(frame["time_precision"].dropna()) <= {1, 2, 3} and set(frame["geo_precision"].dropna()) <= {1, 2, 3}
    # precision codes follow the event's own date and place
    dated = frame.dropna(subset=["event_date"])
    assert len(dated) > len(frame) // 2
    assert all(d.startswith(str(int(y))) for d, y in zip(dated["event_date"], dated["year"], strict=True))
    events = duck.query("events")
    day = [e for e in events if e["time_precision"] == "day" and e["type"] in acled_types
           and e["time_value"][:1].isdigit()]  # not "--12-03": a day without its year is not a date
    assert day and all(((frame["event_date"] == e["time_value"]) & (frame["time_precision"] == 1)).any()
                       for e in day)
    city = frame[frame["location"] == "Douma"]
    assert not city.empty and set(city["geo_precision"]) == {1}
    assert (frame["notes"].str.len() > 0).all()
    assert (frame["fatalities"] >= 0).all()


def test_acled_fatalities_take_the_lowest_killed_figure():
    assert acled_mod._fatalities([{"kind": "killed", "low": 12, "high": 20}]) == 12
    assert acled_mod._fatalities([{"kind": "killed", "low": 10, "high": 10}, {"kind": "killed", "low": 3,
                                  "high": 3, "group": "children"}]) == 10  # children are among the ten
    assert acled_mod._fatalities([{"kind": "injured", "low": 40, "high": 40}]) == 0
    assert acled_mod._date("2017-04", "month") == ("2017-04-15", 3)
    assert acled_mod._date("2017-04-05", "day") == ("2017-04-05", 1)
    assert acled_mod._date("199X", "decade") is None
    assert acled_mod._date("2017-W14", None) == ("2017-04-06", 2)  # the week's middle, its Thursday
    assert acled_mod._date("T22:41", None) is None


def test_export_cli_writes_a_folder_and_files(duck, tmp_path):
    path = duck.url
    duck.close()
    cli = [sys.executable, "-m", "claimgraph.cli", "export", "--db", path]
    proc = subprocess.run([*cli, "--format", "parquet", "--out", str(tmp_path / "pq"), "--event-type",
                           "Chemical weapon"], capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode()
    docs = pd.read_parquet(tmp_path / "pq" / "documents.parquet")
    assert len(docs) >= 1 and "Chemical" not in ",".join(docs.columns)
    proc = subprocess.run([*cli, "--format", "acled", "--out", str(tmp_path / "a.csv")], capture_output=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr.decode()
    assert list(pd.read_csv(tmp_path / "a.csv").columns) == ACLED_COLUMNS
    bad = subprocess.run([*cli, "--format", "xlsx"], capture_output=True, timeout=300)
    assert bad.returncode == 2 and bad.stderr.decode().startswith("error:")


# -- DuckDB vs PostgreSQL --------------------------------------------------------------------------

def test_postgresql_reads_back_every_analysis(pg):
    for _, analysis in corpus_analyses():
        assert pg.get_analysis(analysis.document.id).to_dict() == analysis.to_dict()
    assert pg.dialect == "postgresql"
    assert set(pg.write_analyses([(a, k) for k, a in corpus_analyses()])) == {"exists"}
    assert not any(orphans(pg).values())


@pytest.mark.parametrize("what", ["documents", "events", "claims", "quotes", "places", "flags"])
def test_same_query_answers_on_both_backends(duck, pg, what):
    checked = 0
    for f in [{}, *FILTERS, {"place": "Idlib", "within_km": 80}]:
        a = _stable(duck.query(what, **f))
        b = _stable(pg.query(what, **f))
        assert a == b, (what, f)
        assert duck.count(what, **f) == pg.count(what, **f) == len(a)
        checked += bool(a)
    assert checked >= 5


def test_same_exports_on_both_backends(duck, pg, tmp_path):
    for name, store in (("duck", duck), ("pg", pg)):
        export_csv(store, Filters(), tmp_path / name / "csv")
        export_parquet(store, Filters(), tmp_path / name / "parquet")
    for table in (p.stem for p in (tmp_path / "duck" / "csv").glob("*.csv")):
        for fmt, read in (("csv", pd.read_csv), ("parquet", pd.read_parquet)):
            a = read(tmp_path / "duck" / fmt / f"{table}.{fmt}").drop(columns=list(VOLATILE), errors="ignore")
            b = read(tmp_path / "pg" / fmt / f"{table}.{fmt}").drop(columns=list(VOLATILE), errors="ignore")
            pd.testing.assert_frame_equal(a, b)
    outs = {}
    for name, store in (("duck", duck), ("pg", pg)):
        jl, ac = io.StringIO(), io.StringIO()
        export_jsonl(store, Filters(), jl)
        acled_mod.write_csv(store, Filters(), ac)
        outs[name] = (jl.getvalue(), ac.getvalue())
    assert outs["duck"] == outs["pg"]
    assert outs["duck"][0].count("\n") == len({a.document.id for _, a in corpus_analyses()})


def test_cli_ingest_into_postgresql(pg_url, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("ap-wire.txt", "upi-wire.txt", "fakes-runon.txt"):
        shutil.copy(ARTICLES / name, folder / name)
    (folder / "empty.txt").write_bytes(b"")
    cli = [sys.executable, "-m", "claimgraph.cli"]
    proc = subprocess.run([*cli, "ingest", str(folder), "--db", pg_url], capture_output=True, timeout=600)
    assert proc.returncode == 3, proc.stderr.decode()
    again = subprocess.run([*cli, "ingest", str(folder), "--db", pg_url], capture_output=True, timeout=600)
    assert "0 documents added, 3 already stored, 1 failed" in again.stdout.decode()
    with Store(pg_url) as s:
        assert s.count() == 3 and [f["key"] for f in s.failures()] == [str(folder / "empty.txt")]
        assert not any(orphans(s).values())
    q = subprocess.run([*cli, "query", "--db", pg_url, "--what", "events", "--csv"], capture_output=True,
                       timeout=300)
    assert q.returncode == 0 and len(pd.read_csv(io.BytesIO(q.stdout))) > 0
