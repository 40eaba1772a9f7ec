"""Ingest at its edges (issue 12): the article size limit and the per-article time budget give failure
records with their reason while the run goes on; the encoding each input was decoded with is stored with its
document; a store of the previous schema is upgraded in place."""

from __future__ import annotations

import json
import shutil

import pytest
from corpus_helpers import ARTICLES, ROOT, orphans

from claimgraph.corpus import Store
from claimgraph.corpus import schema as sch
from claimgraph.corpus.backends import StoreError
from claimgraph.corpus.ingest import ingest
from claimgraph.corpus.readers import iter_items

SAMPLE = ROOT / "examples" / "southfront-turkmen-mountain.txt"


def _failures(store: Store) -> dict[str, str]:
    return {f["key"]: f["error"] for f in store.failures(limit=None)}


def test_articles_over_max_chars_are_failures_and_the_run_goes_on(tmp_path, analyzer):
    short = "Officials in Aleppo said on Monday that 12 civilians were killed in an air strike on a market."
    long = (ARTICLES / "ap-wire.txt").read_text(encoding="utf-8")
    assert len(short) < 400 < len(long)
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps({"text": t}) for t in (long, short)) + "\n", encoding="utf-8")
    (tmp_path / "big.txt").write_text(long, encoding="utf-8")
    with Store(tmp_path / "s.duckdb") as store:
        counts = ingest(store, iter_items([str(path), str(tmp_path / "big.txt")], max_chars=400), analyzer=analyzer)
        assert (counts.added, counts.failed) == (1, 2)
        failures = _failures(store)
        assert set(failures) == {f"{path}:1", str(tmp_path / "big.txt")}
        assert all("over the limit of 400 characters" in e for e in failures.values()), failures
        assert store.count("documents") == 1 and store.find_key(f"{path}:2")


def test_time_budget_makes_a_failure_record_in_this_process(tmp_path, analyzer):
    shutil.copy(ARTICLES / "ap-wire.txt", tmp_path / "a.txt")
    shutil.copy(SAMPLE, tmp_path / "b.txt")
    with Store(tmp_path / "s.duckdb") as store:
        counts = ingest(store, iter_items([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]), analyzer=analyzer,
                        time_budget=1e-9)
        assert (counts.added, counts.failed) == (0, 2)
        assert all("time budget of 1e-09 s" in e for e in _failures(store).values()), _failures(store)
        assert store.count("documents") == 0 and not any(orphans(store).values())
        assert analyzer.time_budget is None  # the process-wide analyzer is given back as it was
        # the same inputs with room to work: stored, and their failures cleared
        counts = ingest(store, iter_items([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]), analyzer=analyzer)
        assert (counts.added, counts.failed) == (2, 0) and _failures(store) == {}


def test_time_budget_is_honoured_by_worker_processes(tmp_path):
    shutil.copy(ARTICLES / "ap-wire.txt", tmp_path / "a.txt")
    (tmp_path / "b.txt").write_bytes(SAMPLE.read_bytes())
    with Store(tmp_path / "s.duckdb") as store:
        counts = ingest(store, iter_items([str(tmp_path)]), workers=2, batch_size=1, time_budget=1e-9)
        assert (counts.added, counts.failed) == (0, 2)
        assert all("time budget" in e for e in _failures(store).values()), _failures(store)


def test_the_encoding_guess_is_stored_with_each_document(tmp_path, analyzer):
    text = (ARTICLES / "ap-wire.txt").read_text(encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "latin.txt").write_bytes(("Café owners in Aleppo said. " + text).encode("cp1252"))
    (folder / "wide.txt").write_bytes(SAMPLE.read_text(encoding="utf-8").encode("utf-16"))
    (folder / "batch.jsonl").write_text(json.dumps({"text": "Kurdish officials in Qamishli said on Tuesday that "
                                                           "4 people were killed in a car bomb."}) + "\n",
                                        encoding="utf-8")
    with Store(tmp_path / "s.duckdb") as store:
        counts = ingest(store, iter_items([str(folder)]), analyzer=analyzer)
        assert counts.added == 3, _failures(store)
        by_key = {r["key"]: r["encoding"] for r in store.query("documents")}
        assert by_key == {str(folder / "latin.txt"): "cp1252", str(folder / "wide.txt"): "utf-16",
                          f"{folder / 'batch.jsonl'}:1": "utf-8"}
        # written by the API from a str: nothing was decoded
        analysis = analyzer.analyze_article("Rebels in Idlib said 3 fighters were killed in clashes on Friday.")
        store.write_analysis(analysis, key="api")
        assert store.query("documents", key="api")[0]["encoding"] is None


def test_a_previous_schema_is_upgraded_in_place(tmp_path, sample_analysis):
    path = tmp_path / "v3.duckdb"
    with Store(path) as store:  # make it as claimgraph with schema v3 wrote it
        store.write_analysis(sample_analysis, key="sample.txt")
        for index in sch.DOCUMENTS.indexes:  # DuckDB drops a column only from a table without indexes
            store.execute(f"DROP INDEX ix_documents_{'_'.join(index)}")
        store.execute("ALTER TABLE documents DROP COLUMN encoding")
        for stmt in sch.DOCUMENTS.ddl("duckdb")[1:]:
            store.execute(stmt)
        assert "encoding" not in store.rows("SELECT * FROM documents")[0]
        store.execute("UPDATE meta SET value = '3' WHERE name = 'schema:core'")
    with pytest.raises(StoreError, match="open it once for writing"):
        Store(path, read_only=True)
    with Store(path) as store:
        assert store.stored_versions()["core"] == sch.SCHEMA_VERSION == 4
        assert store.get_analysis(sample_analysis.document.id) == sample_analysis
        assert store.query("documents")[0]["encoding"] is None
    with Store(path, read_only=True) as store:
        assert store.count("documents") == 1


def test_a_binary_body_in_a_warc_is_one_failure_and_the_archive_goes_on(tmp_path):
    """Regression: a text/html record whose body is a PDF raised BinaryInputError out of the WARC reader,
    which ended the whole ingest; now that record is a failure and the next one is read."""
    import io

    pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        for url, body in (("https://example.org/a", b"%PDF-1.4 binary"),
                          ("https://example.org/b", (ARTICLES / "ap-wire.txt").read_bytes())):
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=http))
    first, second = list(iter_items([str(path)]))
    assert first.article is None and "PDF" in first.error
    assert second.article is not None and second.article.encoding == "utf-8"


def test_a_malformed_warc_record_ends_the_archive_with_one_failure(tmp_path):
    """Regression (found by the ingest fuzz, a mutated archive): a response record without WARC-Target-URI
    made warcio raise AttributeError, which escaped `iter_items` (and `count_items`) and ended the ingest."""
    pytest.importorskip("warcio")
    from claimgraph.corpus.readers import count_items

    body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>Officials said.</p></body></html>"
    path = tmp_path / "broken.warc"
    path.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: %d\r\n\r\n" % len(body) + body + b"\r\n\r\n")
    items = list(iter_items([str(path), str(SAMPLE)]))
    assert [i.key for i in items] == [f"{path}:1", str(SAMPLE)]
    assert items[0].article is None and "not a readable WARC file" in items[0].error
    assert items[1].article is not None  # the next input is read
    assert count_items([str(path)]) == 1


def test_html_with_control_characters_after_a_script_is_read(tmp_path):
    """Regression (found by the ingest fuzz): `{"html": "<p><script>..</script>\\x1f</p>"}` made lxml raise
    ValueError ("All strings must be XML compatible") out of prepare(), ending the whole ingest."""
    from claimgraph.ingest import prepare

    text = "Officials in Aleppo said on Monday that 12 civilians were killed in an air strike on a market."
    article = prepare(f"<html><body><p><script>alert(1)</script>\x1f{text}</p></body></html>", html=True)
    assert text in article.text and "alert" not in article.text
    path = tmp_path / "ctl.jsonl"
    path.write_text(json.dumps({"html": "<html><body><p><script>alert(1)</script>\x1f</p></body></html>"}) + "\n",
                    encoding="utf-8")
    (item,) = list(iter_items([str(path)]))
    assert item.article is None and item.error  # nothing readable: a failure record, not an exception
