"""Linked records in the corpus store: incremental `link` equals linking everything at once, rows follow
their documents, and the `link`, `incidents`, `findings` and `compare` commands on a real store."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from claimgraph.contract import Analysis
from claimgraph.corpus import Store
from claimgraph.corpus.linking import Linker
from claimgraph.ingest import prepare
from claimgraph.pipeline import Analyzer
from tests.conftest import FIXTURES, SAMPLE
from tests.test_corpus_backends import pg_server, pg_url  # noqa: F401 - the throwaway PostgreSQL cluster
from tests.test_link import VIA_OBSERVATORY, VIA_REUTERS_1, VIA_REUTERS_2

LINKING = FIXTURES / "linking"
CLI = [sys.executable, "-m", "claimgraph.cli"]


@pytest.fixture(scope="module")
def six(analyzer: Analyzer) -> list[Analysis]:
    texts = [(VIA_REUTERS_1, "Daily Sabah"), (VIA_REUTERS_2, "Al Arabiya"),
             ((LINKING / "su24-shootdown-2015-11.txt").read_text(encoding="utf-8"), None),
             (VIA_OBSERVATORY, "Al Jazeera"), (SAMPLE.read_text(encoding="utf-8"), None),
             ((LINKING / "su24-shootdown-redated-2023-06.txt").read_text(encoding="utf-8"), None)]
    return [analyzer.analyze_article(prepare(t, outlet=o)) for t, o in texts]


def _shape(incidents: list) -> list[list[str]]:
    return sorted(sorted(r.doc_id for r in inc.reports) for inc in incidents if len(inc.reports) > 1)


def test_incremental_link_equals_linking_everything_at_once(tmp_path: Path, six: list[Analysis]) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.write_analyses([(a, f"first:{i}") for i, a in enumerate(six[:3])])
        first = store.link()
        assert first.linked == 3
        store.write_analyses([(a, f"second:{i}") for i, a in enumerate(six[3:])])
        second = store.link()
        assert second.linked == 3 and second.loaded >= 1  # stored candidates were read back, not the corpus
        assert store.link().linked == 0  # nothing new: nothing redone
        stored = store.incidents()
        kinds = {f.kind for f in store.findings()}
        memory = Linker()
        memory.add_many(six)
        assert _shape(stored) == _shape(memory.records().incidents)
        assert {"corroboration", "drift", "anachronism", "recycling", "outlet_profile"} <= kinds
        pair = {six[0].document.id, six[1].document.id}  # the two articles citing one Reuters report
        wire = [f for f in store.findings(kinds=["corroboration"]) if f.data["reports"] == 3
                and any(pair <= set(g) for g in f.data["groups"])]
        assert wire and wire[0].data["independent"] == 2
        profiles = {f.id: f.data for f in memory.records().findings if f.kind == "outlet_profile"}
        assert {f.id: f.data for f in store.findings(kinds=["outlet_profile"])} == profiles
        people = store.canonical_entities(min_documents=2)
        assert any(e.type == "PERSON" and e.name == "Ahmet Davutoglu" for e in people)
        # a document deleted takes its linked rows with it
        gone = six[5].document.id
        store.delete_document(gone)
        for table in ("link_docs", "link_reports", "link_bands", "link_entity_members"):
            assert store.execute(f"SELECT count(*) FROM {table} WHERE doc_id = ?", [gone])[0][0] == 0


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=600)


def test_cli_ingest_links_and_lists_incidents_and_findings(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for p in (SAMPLE, LINKING / "su24-shootdown-2015-11.txt", LINKING / "su24-shootdown-redated-2023-06.txt"):
        shutil.copy(p, src / p.name)
    db = str(tmp_path / "c.duckdb")
    done = run("ingest", str(src), "--db", db, "-q")
    assert done.returncode == 0, done.stderr
    assert "linked 3 documents" in done.stdout
    out = run("incidents", "--db", db, "--json")
    assert out.returncode == 0, out.stderr
    lines = [json.loads(x) for x in out.stdout.splitlines()]
    assert lines
    keys = set()
    for obj in lines:
        assert obj["id"].startswith("inc:") and len(obj["documents"]) >= 2
        for d in obj["documents"]:
            assert d["id"].startswith("sha256:")
            keys.add(Path(d["key"]).name)
    assert keys == {SAMPLE.name, "su24-shootdown-2015-11.txt", "su24-shootdown-redated-2023-06.txt"}
    found = run("findings", "--db", db, "--kind", "anachronism", "--json")
    rows = [json.loads(x) for x in found.stdout.splitlines()]
    assert rows and all(r["kind"] == "anachronism" for r in rows)
    assert any("JUNE 2023" in r["explanation"] and "2015-11-24" in r["explanation"] for r in rows)
    text = run("findings", "--db", db, "--kind", "recycling")
    assert text.returncode == 0 and text.stdout.startswith("recycling/text:")
    md = run("compare", str(LINKING / "su24-shootdown-2015-11.txt"), str(SAMPLE))
    assert md.returncode == 0, md.stderr
    assert "## Shared incidents (1)" in md.stdout and "anachronism" in md.stdout
    html = run("compare", str(LINKING / "su24-shootdown-2015-11.txt"), f"{src / SAMPLE.name}", "--db", db,
               "--format", "html")
    assert html.returncode == 0 and html.stdout.startswith("<!DOCTYPE html>") and "cg-report" in html.stdout


def test_cli_ingest_no_link_links_nothing_until_asked(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(LINKING / "su24-shootdown-2015-11.txt", src)
    shutil.copy(LINKING / "su24-shootdown-redated-2023-06.txt", src)
    db = str(tmp_path / "n.duckdb")
    assert run("ingest", str(src), "--db", db, "-q", "--no-link").returncode == 0
    assert run("incidents", "--db", db, "--json").stdout == ""
    linked = run("link", "--db", db)
    assert linked.returncode == 0 and "linked 2 documents" in linked.stdout
    assert run("incidents", "--db", db, "--json").stdout.strip()


def test_incremental_link_on_postgresql_equals_linking_everything_at_once(
        pg_url: str, six: list[Analysis]) -> None:  # noqa: F811 - pytest's fixture, imported above
    """The candidate queries (JSON probe lists joined on equality) are dialect-specific: PostgreSQL too."""
    with Store(pg_url) as store:
        store.write_analyses([(a, f"first:{i}") for i, a in enumerate(six[:3])])
        assert store.link().linked == 3
        store.write_analyses([(a, f"second:{i}") for i, a in enumerate(six[3:])])
        second = store.link()
        assert second.linked == 3 and second.loaded >= 1
        memory = Linker()
        memory.add_many(six)
        assert _shape(store.incidents()) == _shape(memory.records().incidents)
