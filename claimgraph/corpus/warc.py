"""WARC files (.warc, .warc.gz: what crawlers, the Internet Archive and Common Crawl write) -> Items, streamed.

One record at a time is held: warcio reads the archive (gzip per record or not) as a stream, and each
page's body is read up to the article size limit, never whole. Kept: `response` records with a 2xx HTTP
status and `resource` records, whose content type is HTML or plain text; everything else (requests,
metadata, revisits, images, redirects) is skipped without a failure, as it is not an article. The key
is `path:n`, n counting the kept records from 1; the record's target URI becomes the article's url.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from claimgraph.corpus.readers import Item, _prepare
from claimgraph.errors import ClaimgraphError
from claimgraph.ingest import decode_detail

KEPT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def _kept(record) -> str | None:  # noqa: ANN001 - a warcio ArcWarcRecord
    """'html' or 'text' for a record that holds an article, else None."""
    if record.rec_type == "response":
        if record.http_headers is None:
            return None
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return None
        ctype = record.http_headers.get_header("Content-Type") or ""
    elif record.rec_type == "resource":
        ctype = record.rec_headers.get_header("Content-Type") or ""
    else:
        return None
    ctype = ctype.split(";")[0].strip().lower()
    if ctype not in KEPT_TYPES:
        return None
    return "text" if ctype == "text/plain" else "html"


def iter_warc(path: Path, name: str, max_chars: int) -> Iterator[Item]:
    """Every article record of one WARC file, in file order."""
    try:
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError:
        yield Item(name, error=f"{name}: reading WARC files needs warcio: pip install 'claimgraph[warc]'")
        return
    n = 0
    try:
        for n, item in enumerate(_records(path, name, max_chars), 1):  # noqa: B007 - n counts for the message
            yield item
    except ArchiveLoadFailed as exc:
        yield Item(f"{name}:{n + 1}", error=f"{name}: not a readable WARC file after {n} records ({exc})")


def _archive(fh) -> Iterator:  # noqa: ANN001 - a binary file
    """warcio's records, in order. A malformed archive fails inside warcio with assorted exceptions (an
    AttributeError for a response record without a target URI, ValueError, zlib errors ...): each becomes
    ArchiveLoadFailed, which ends the archive with one failure record instead of the whole ingest."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    records = iter(ArchiveIterator(fh))
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except ArchiveLoadFailed:
            raise
        except Exception as exc:  # noqa: BLE001 - whatever a broken archive makes warcio raise
            raise ArchiveLoadFailed(f"{type(exc).__name__}: {exc}") from exc
        yield record


def _records(path: Path, name: str, max_chars: int) -> Iterator[Item]:
    from warcio.exceptions import ArchiveLoadFailed

    limit = max_chars * 4 * 10
    n = 0
    with path.open("rb") as fh:
        for record in _archive(fh):
            try:
                kind = _kept(record)
            except Exception as exc:  # noqa: BLE001 - malformed HTTP headers in the record
                raise ArchiveLoadFailed(f"{type(exc).__name__}: {exc}") from exc
            if kind is None:
                continue
            n += 1
            key = where = f"{name}:{n}"
            try:
                data = record.content_stream().read(limit + 1)
            except Exception as exc:  # noqa: BLE001 - a corrupt body (bad gzip member, broken chunking)
                raise ArchiveLoadFailed(f"{type(exc).__name__}: {exc}") from exc
            if len(data) > limit:
                yield Item(key, error=f"{where}: over {limit:,} bytes, too large for one article")
                continue
            if not data.strip():
                yield Item(key, error=f"{where}: the record is empty")
                continue
            try:
                text, encoding, warning = decode_detail(data)
            except ClaimgraphError as exc:  # a binary body: this record fails, the archive goes on
                yield Item(key, error=f"{where}: {exc}")
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            yield _prepare(text, key, where, max_chars, html=kind == "html", meta={"url": url} if url else {},
                           warnings=[warning] if warning else [], encoding=encoding)


def count_warc(path: Path) -> int:
    """How many article records `iter_warc` yields (headers only; bodies are skipped), up to where the
    archive breaks (plus one for the failure reported there)."""

    n = 0
    with path.open("rb") as fh:
        try:
            for record in _archive(fh):
                n += _kept(record) is not None
        except Exception:  # noqa: BLE001 - only a progress bar's total: iter_warc reports the failure
            return n + 1
    return n
