"""WARC input: article records (HTML or text responses, resources) become Items with the page URL, other
records are skipped, and the archive is read as a stream: the first article arrives before a broken tail
is reached, and the body is never read past the size limit."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from corpus_helpers import ARTICLES

from claimgraph.corpus.readers import count_items, iter_items

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402


def _response(writer: WARCWriter, url: str, body: bytes, ctype: str, status: str = "200 OK") -> None:
    http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))


def _warc(path: Path, gzip: bool) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "claimgraph tests"}))
        req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
        writer.write_record(writer.create_warc_record("https://example.org/a", "request", http_headers=req))
        _response(writer, "https://example.org/a", (ARTICLES / "html-opengraph.html").read_bytes(),
                  "text/html; charset=utf-8")
        _response(writer, "https://example.org/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png")
        _response(writer, "https://example.org/gone", b"<html><body>Not found</body></html>", "text/html",
                  status="404 Not Found")
        _response(writer, "https://example.org/b.txt", (ARTICLES / "ap-wire.txt").read_bytes(), "text/plain")
        _response(writer, "https://example.org/empty", b"", "text/html")


@pytest.mark.parametrize("gzip", [False, True])
def test_article_records_become_items_with_their_url(tmp_path: Path, gzip: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    _warc(path, gzip)
    items = list(iter_items([str(tmp_path)]))
    assert [i.key for i in items] == [f"{path}:1", f"{path}:2", f"{path}:3"]
    page, text, empty = items
    assert page.article is not None and page.article.meta.url == "https://example.org/a"
    assert text.article is not None and text.article.meta.url == "https://example.org/b.txt"
    assert text.article.text.split()[:5] == (ARTICLES / "ap-wire.txt").read_text(encoding="utf-8").split()[:5]
    assert empty.article is None and "empty" in empty.error
    assert count_items([str(path)]) == 3


def test_the_archive_is_streamed_record_by_record(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc.gz"
    _warc(path, gzip=True)
    with path.open("ab") as fh:
        fh.write(b"this is not a WARC record header\r\n\r\n" + bytes(5000))
    items = iter_items([str(path)])
    first = next(items)  # yielded before the broken tail is read
    assert first.article is not None and first.key == f"{path}:1"
    rest = list(items)
    assert [i.article is not None for i in rest[:2]] == [True, False]
    assert rest[-1].article is None and "not a readable WARC file after 3 records" in rest[-1].error
