"""`claimgraph ingest` end to end: every input format and its key, idempotence, bad inputs, --reanalyse,
and runs killed with SIGKILL at different moments, then rerun: every document stored exactly once."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from corpus_helpers import ARTICLES, ROOT, corpus_analyses, orphans, section_counts, table_counts

from claimgraph.contract import Document
from claimgraph.corpus import Store
from claimgraph.corpus.ingest import ingest
from claimgraph.corpus.readers import CsvColumns, iter_items, parse_date

CLI = [sys.executable, "-m", "claimgraph.cli"]
SAMPLE = ROOT / "examples" / "southfront-turkmen-mountain.txt"


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], input=stdin, capture_output=True, timeout=600, cwd=cwd)


def text_of(name: str) -> str:
    return (ARTICLES / name).read_text(encoding="utf-8")


@pytest.fixture
def inputs(tmp_path) -> Path:
    """A folder with every supported format, good and bad (written here from the fixture articles)."""
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    shutil.copy(ARTICLES / "ap-wire.txt", d / "ap-wire.txt")
    shutil.copy(ARTICLES / "html-opengraph.html", d / "sub" / "page.html")
    (d / "sub" / "upi.txt.gz").write_bytes(gzip.compress((ARTICLES / "upi-wire.txt").read_bytes()))
    lines = [json.dumps({"text": text_of("guardian-style.txt"), "outlet": "The Guardian"}),
             "{not json",
             json.dumps({"text": text_of("reuters-byline-date.txt"), "unit_id": "R-1"})]
    (d / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = [["unit_id", "article_title", "article_content", "source", "date"],
            ["u1", "Madaya", text_of("by-comma-outlet.txt"), "nyt", "1/11/16"],
            ["u2", "Aleppo", text_of("fakes-runon.txt"), "sana", "4/16/17"],
            ["u3", "duplicate", text_of("ap-wire.txt"), "ap", "4/7/17"]]
    import csv

    with (d / "sheet.csv").open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (d / "broken.txt.gz").write_bytes(b"\x1f\x8b\x08\x00 this is not a gzip stream")
    os.symlink(d / "gone.txt", d / "dangling.txt")
    (d / "notes.pdf").write_bytes(b"%PDF-1.4 not read: not an input suffix")
    return d


CSV_OPTS = ["--text-col", "article_content", "--title-col", "article_title", "--outlet-col", "source",
            "--date-col", "date", "--id-col", "unit_id"]


def test_ingest_every_format_with_keys_then_rerun_adds_nothing(tmp_path, inputs):
    db = tmp_path / "c.duckdb"
    proc = run("ingest", str(inputs), "--db", str(db), *CSV_OPTS)
    err = proc.stderr.decode()
    assert proc.returncode == 3, err  # some inputs failed; the others are stored
    assert "Traceback" not in err
    with Store(db, read_only=True) as s:
        failed = {f["key"]: f["error"] for f in s.failures(limit=None)}
        assert set(failed) == {f"{inputs}/batch.jsonl:2", f"{inputs}/binary.txt", f"{inputs}/broken.txt.gz",
                               f"{inputs}/dangling.txt", f"{inputs}/empty.txt"}
        assert "not valid JSON" in failed[f"{inputs}/batch.jsonl:2"]
        keys = {r["key"]: r["doc_id"] for r in s.rows("SELECT key, doc_id FROM inputs")}
        assert set(keys) == {f"{inputs}/ap-wire.txt", f"{inputs}/sub/page.html", f"{inputs}/sub/upi.txt.gz",
                             f"{inputs}/batch.jsonl:1", "R-1", "u1", "u2", "u3"}
        # the same text under two keys (a file and a CSV row) is one document
        assert keys["u3"] == keys[f"{inputs}/ap-wire.txt"] == Document.id_for(text_of("ap-wire.txt"))
        assert s.count() == 7
        u2 = s.get_analysis(keys["u2"])
        assert (u2.document.title, u2.document.outlet, u2.document.published) == ("Aleppo", "sana", "2017-04-16")
        assert s.get_analysis(keys[f"{inputs}/batch.jsonl:1"]).document.outlet == "The Guardian"
        assert s.query(key="u1")[0]["doc_id"] == keys["u1"]
        before = table_counts(s)
        runs = s.runs()
        assert runs[0]["status"] == "done" and (runs[0]["added"], runs[0]["failed"]) == (7, 5)
    again = run("ingest", str(inputs), "--db", str(db), *CSV_OPTS)
    assert again.returncode == 3
    assert "0 documents added" in again.stdout.decode()
    with Store(db, read_only=True) as s:
        assert table_counts(s) == before
        assert not any(orphans(s).values())


def test_a_csv_without_its_text_column_writes_nothing(tmp_path, inputs):
    db = tmp_path / "c.duckdb"
    proc = run("ingest", str(inputs), "--db", str(db))  # default --text-col text: sheet.csv has none
    err = proc.stderr.decode()
    assert proc.returncode == 2
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:") and "article_content" in lines[0], err
    assert not db.exists()


def test_jsonl_on_stdin(tmp_path):
    db = tmp_path / "c.duckdb"
    data = (json.dumps({"text": text_of("afp-published-colon.txt")}) + "\n" + "[1, 2]\n").encode()
    proc = run("ingest", "-", "--db", str(db), stdin=data)
    assert proc.returncode == 3, proc.stderr.decode()
    with Store(db, read_only=True) as s:
        assert s.rows("SELECT key FROM inputs") == [{"key": "-:1"}]
        assert [f["key"] for f in s.failures()] == ["-:2"]


def test_query_and_store_commands(tmp_path):
    db = tmp_path / "c.duckdb"
    with Store(db) as s:
        s.write_analyses([(a, k) for k, a in corpus_analyses()])
    proc = run("query", "--db", str(db), "--what", "events", "--event-type", "Chemical weapon", "--json")
    assert proc.returncode == 0, proc.stderr.decode()
    events = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert events and {e["subtype"] for e in events} == {"Chemical weapon"}
    table = run("query", "--db", str(db), "--outlet", "Reuters")
    assert table.returncode == 0 and "Reuters" in table.stdout.decode()
    assert "of 4 documents" in table.stderr.decode()
    info = run("store", "info", "--db", str(db), "--json")
    tables = {t["name"]: t["rows"] for t in json.loads(info.stdout)["tables"]}
    assert tables["documents"] == len(corpus_analyses())
    missing = run("query", "--db", str(tmp_path / "none.duckdb"))
    assert missing.returncode == 2 and "no such store" in missing.stderr.decode()


def test_reanalyse_replaces_only_older_documents(tmp_path, analyzer):
    paths = [str(SAMPLE), str(ARTICLES / "ap-wire.txt")]
    with Store(tmp_path / "c.duckdb") as s:
        counts = ingest(s, iter_items(paths), analyzer=analyzer)
        assert (counts.added, counts.skipped) == (2, 0)
        sample_id = Document.id_for(SAMPLE.read_text(encoding="utf-8"))
        s.execute("UPDATE documents SET claimgraph_version = '0.0.1' WHERE doc_id = ?", [sample_id])
        assert ingest(s, iter_items(paths), analyzer=analyzer).skipped == 2  # without --reanalyse: kept
        counts = ingest(s, iter_items(paths), analyzer=analyzer, reanalyse=True)
        assert (counts.replaced, counts.skipped, counts.added) == (1, 1, 0)
        versions = {r[0] for r in s.execute("SELECT claimgraph_version FROM documents")}
        assert "0.0.1" not in versions
        assert not any(orphans(s).values())


def test_parse_date_reads_slashed_dates_month_first():
    assert parse_date("4/5/17") == "2017-04-05"
    assert parse_date("4/5/17", day_first=True) == "2017-05-04"
    assert parse_date("25/12/2016") == "2016-12-25"  # a part over 12 decides by itself
    assert parse_date("2015-12-03T10:00:00Z") == "2015-12-03"
    assert parse_date("13/13/16") is None


def test_csv_reader_streams_rows_with_keys(tmp_path):
    import csv
    import io

    p = tmp_path / "a.csv.gz"
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["text", "outlet", "date"])
    for i, name in enumerate(["ap-wire.txt", "upi-wire.txt"]):
        writer.writerow([text_of(name), f"Outlet{i}", f"2016-0{i + 1}-01"])
    p.write_bytes(gzip.compress(buf.getvalue().encode()))
    items = list(iter_items([str(p)], CsvColumns()))
    assert [i.key for i in items] == [f"{p}:1", f"{p}:2"]
    assert [i.article.meta.outlet for i in items] == ["Outlet0", "Outlet1"]
    assert [i.article.meta.published for i in items] == ["2016-01-01", "2016-02-01"]


# -- SIGKILL ---------------------------------------------------------------------------------------

KILL_FILES = ["ap-wire.txt", "upi-wire.txt", "guardian-style.txt", "reuters-byline-date.txt",
              "afp-published-colon.txt", "mee-names-byline.txt"]


def _check_whole(db: Path, expected: dict[str, dict[str, int]]) -> int:
    """No orphan rows, and every stored document has all its rows (as many as its analysis has)."""
    with Store(db, read_only=True) as s:
        assert not any(orphans(s).values()), orphans(s)
        stored = [r[0] for r in s.execute("SELECT doc_id FROM documents")]
        for doc_id in stored:
            counts = {sec: s.execute(f"SELECT count(*) FROM {sec} WHERE doc_id = ?", [doc_id])[0][0]
                      for sec in expected[doc_id]}
            assert counts == expected[doc_id], doc_id
            assert len(s.keys(doc_id)) == 1
        return len(stored)


def test_sigkill_midway_then_rerun_stores_each_document_once(tmp_path, analyzer):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in KILL_FILES:
        shutil.copy(ARTICLES / name, folder / name)
    expected = {}
    for item in iter_items([str(folder)]):
        analysis = analyzer.analyze_article(item.article)
        expected[analysis.document.id] = section_counts(analysis)
    db = tmp_path / "k.duckdb"
    args = [*CLI, "ingest", str(folder), "--db", str(db), "--batch-size", "1", "-v"]
    stored = []
    for kill_after in (1, 2, 4):  # committed batches seen before the kill: the next one is in flight
        proc = subprocess.Popen(args, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
        seen = 0
        for line in proc.stderr:
            if line.startswith(b"ingest:"):
                seen += 1
                if seen >= kill_after:
                    break
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        stored.append(_check_whole(db, expected))
    assert 0 < stored[0] < len(KILL_FILES)  # killed midway: some documents stored, not all
    final = subprocess.run(args, capture_output=True, timeout=600)
    assert final.returncode == 0, final.stderr.decode()
    assert _check_whole(db, expected) == len(KILL_FILES)
    with Store(db, read_only=True) as s:
        assert s.execute("SELECT count(*) FROM inputs")[0][0] == len(KILL_FILES)
        assert {r["status"] for r in s.runs()} == {"running", "done"}  # killed runs stay 'running'


class _EchoAnalyzer:
    """Stands in for spaCy so that thousands of records go through ingest in seconds: each article's
    analysis is its document alone (the pipeline around the analysis is what is measured here)."""

    model = "echo"

    def analyze_many(self, articles, batch_size=16):  # noqa: ANN001, ANN201
        from claimgraph.contract import Analysis
        from claimgraph.pipeline import Outcome

        for i, article in enumerate(articles, 1):
            doc = Document(id=Document.id_for(article.text), text=article.text, title=article.meta.title)
            yield Outcome(index=i, analysis=Analysis(document=doc))


def _peak_kib(tmp_path, n: int) -> tuple[int, int]:
    import tracemalloc

    body = text_of("ap-wire.txt")
    path = tmp_path / f"many-{n}.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"text": f"{body}\nUpdate {i}.", "title": f"t{i}"}) + "\n")
    with Store(tmp_path / f"many-{n}.duckdb") as s:
        tracemalloc.start()
        counts = ingest(s, iter_items([str(path)]), analyzer=_EchoAnalyzer())
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert counts.added == s.count() == n
    return peak // 1024, path.stat().st_size // 1024


def test_memory_stays_flat_whatever_the_input_size(tmp_path):
    small_peak, small_size = _peak_kib(tmp_path, 300)
    big_peak, big_size = _peak_kib(tmp_path, 3000)
    assert big_size > 9 * small_size
    # ten times the input, nowhere near ten times the memory: records stream through in batches
    assert big_peak < 2 * small_peak + 1024, (small_peak, big_peak)
    assert big_peak < big_size / 2, (big_peak, big_size)
