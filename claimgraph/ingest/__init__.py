"""Readers: turn text, HTML, JSONL (and later WARC) into Articles with metadata.

Interface (stable; the rest of claimgraph relies on it):
- `Article(text, meta)`: NFC-normalised text and DocMeta, plus `warnings` (e.g. an encoding guess),
  `header` (what the header block said, with spans into `text`) and `origin` (file and line).
- `prepare(source, **overrides) -> Article`: plain text or HTML (detected), metadata overrides win.
- `decode_bytes(data) -> (text, warning)`: UTF-8/16/32 and legacy encodings; binaries are refused
  (`decode_detail` also says which encoding was used; `Article.encoding` keeps it).
- `read_path(path) -> Iterator[Article | InputError]`: .txt, .html, .jsonl or "-" (stdin); a bad file or
  JSONL line yields its error and the batch goes on.

Every deliberate failure is an `InputError` subclass whose one-line message says what to do.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from claimgraph.errors import (
    BinaryInputError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    UnsupportedLanguageError,
)
from claimgraph.ingest.dates import parse_iso
from claimgraph.ingest.decode import decode_bytes, decode_detail
from claimgraph.ingest.header import Header, footer_authors, parse_header
from claimgraph.ingest.html import extract_html, looks_like_html
from claimgraph.ingest.language import check_english
from claimgraph.ingest.page import person_name
from claimgraph.meta import DocMeta

__all__ = [
    "Article", "BadRecordError", "DEFAULT_MAX_CHARS", "prepare", "decode_bytes", "decode_detail", "read_path",
    "BinaryInputError", "EmptyInputError", "InputError", "InputTooLargeError", "UnsupportedLanguageError",
]

#: longest article text accepted (characters); a book or a whole feed dump is not an article
DEFAULT_MAX_CHARS = 1_000_000
#: HTML pages carry several times their text in markup
HTML_MARKUP_FACTOR = 10
TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


class BadRecordError(InputError):
    """One record of a batch (a JSONL line) cannot be read; the rest of the batch is unaffected."""


@dataclass
class Article:
    text: str
    meta: DocMeta = field(default_factory=DocMeta)
    #: things the caller should show the user (e.g. "decoded as Windows-1252/Latin-1, not UTF-8 ...")
    warnings: list[str] = field(default_factory=list)
    #: the header block as parsed from `text` (spans index `text`); None when not parsed
    header: Header | None = None
    #: where the article came from ("file.jsonl:3"), for messages
    origin: str | None = None
    #: how its bytes were decoded (a codec name: "utf-8", "cp1252", ...); None when it was given as text
    encoding: str | None = None


#: lone surrogates (half of a UTF-16 pair, e.g. from a JSON "\\ud800" escape or a broken decoder) cannot be
#: encoded as UTF-8, so spaCy's string store fails on them: they are the only unencodable code points of a str
_UNENCODABLE = re.compile("[\ud800-\udfff]")


def replace_unencodable(text: str) -> tuple[str, str | None]:
    """`text` with every lone surrogate replaced by U+FFFD (same length, so offsets hold), and a warning."""
    found = _UNENCODABLE.findall(text)
    if not found:
        return text, None
    first = text.index(found[0])
    return _UNENCODABLE.sub("\ufffd", text), (
        f"replaced {len(found):,} lone surrogate code point(s) (first at character {first:,}), which are not "
        "text, with U+FFFD: check how the input was decoded")


def _nfc(text: str, warnings: list[str] | None = None) -> str:
    text, warning = replace_unencodable(text)
    if warning and warnings is not None and warning not in warnings:
        warnings.append(warning)
    text = unicodedata.normalize("NFC", text)
    return text[1:] if text.startswith("\ufeff") else text


def _clean_meta(meta: DocMeta, warnings: list[str]) -> None:
    """NUL characters in metadata (the text itself is refused with them) become U+FFFD: PostgreSQL cannot
    store them, and no title, outlet, author or URL holds one on purpose."""
    found = False

    def clean(value: str | None) -> str | None:
        nonlocal found
        if value is None or "\x00" not in value:
            return value
        found = True
        return value.replace("\x00", "\ufffd")

    meta.title, meta.outlet, meta.url, meta.dateline = (clean(meta.title), clean(meta.outlet), clean(meta.url),
                                                         clean(meta.dateline))
    meta.authors = [clean(a) or "" for a in meta.authors]
    if found:
        warnings.append("replaced NUL characters in the metadata (title, outlet, authors, url) with U+FFFD")


def _too_large(n: int, max_chars: int, unit: str = "characters") -> InputTooLargeError:
    return InputTooLargeError(
        f"the input has {n:,} {unit}, over the limit of {max_chars:,} characters for one article: split it "
        "into articles (one JSON object per line in a .jsonl file) or raise the limit (max_chars)")


def _authors(value: Any) -> list[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        return [v for v in value if v.strip()]
    raise InputError("authors must be a list of names (or one name as a string)")


def prepare(
    source: str,
    *,
    title: str | None = None,
    outlet: str | None = None,
    authors: list[str] | None = None,
    url: str | None = None,
    published: str | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    html: bool | None = None,
) -> Article:
    """One article from plain text or HTML (`html=None`: detected). Metadata arguments override ingest.

    Plain text keeps every character (after NFC), header lines included, so spans index it exactly; its
    header block fills the metadata. HTML goes through trafilatura; the headline is put above the body
    text so it is analysed too.
    """
    if not isinstance(source, str):
        raise InputError("the source must be text (str); decode bytes with claimgraph.ingest.decode_bytes")
    is_html = looks_like_html(source) if html is None else html
    limit = max_chars * (HTML_MARKUP_FACTOR if is_html else 1)
    if len(source) > limit:
        raise _too_large(len(source), max_chars)
    warnings: list[str] = []
    text = _nfc(source, warnings)
    if not text.strip():
        raise EmptyInputError("the input is empty: give an article as plain text or HTML")
    if "\x00" in text:
        raise BinaryInputError("the input contains NUL characters (binary data): give an article as plain "
                               "text, HTML or JSONL")
    meta = DocMeta()
    if is_html:
        res = extract_html(text, url=url)
        warnings.extend(res.warnings)
        body = _nfc(res.text)
        page_title = _nfc(res.title).strip() if res.title else None
        if page_title and not body.startswith(page_title):
            text = f"{page_title}\n\n{body}"
        else:
            text = body
        if len(text) > max_chars:
            raise _too_large(len(text), max_chars)
        header = parse_header(text)
        meta.title = page_title or header.title
        meta.authors = [_nfc(a) for a in res.authors] or [a for a in header.authors if person_name(a, [])]
        meta.outlet = _nfc(res.outlet) if res.outlet else header.outlet
        meta.url = res.url
        meta.published = parse_iso(res.published)
        meta.published_source = res.published_source if meta.published else None
        if meta.published is None and header.published:
            meta.published, meta.published_source = header.published, "header"
        meta.dateline = header.dateline
    else:
        header = parse_header(text)
        meta.title = header.title
        meta.authors = list(header.authors) or footer_authors(text)
        meta.outlet = header.outlet
        meta.dateline = header.dateline
        meta.published = header.published or header.updated
        if meta.published:
            meta.published_source = "dateline" if header.dateline else "header"
    check_english(text[header.body_start:] if len(text) - header.body_start > 200 else text)
    # the caller's metadata wins over what ingest read (made encodable like the text)
    if title is not None:
        meta.title = _nfc(title, warnings)
    if outlet is not None:
        meta.outlet = _nfc(outlet, warnings)
    override_authors = _authors(authors)
    if override_authors is not None:
        meta.authors = [_nfc(a, warnings) for a in override_authors]
    if url is not None:
        meta.url = _nfc(url, warnings)
    if published is not None:
        iso = parse_iso(published)
        if iso is None:
            raise InputError(f"published {published!r} is not a date: give it as ISO 8601 "
                             "(2023-06 or 2015-12-03)")
        meta.published, meta.published_source = iso, "caller"
    _clean_meta(meta, warnings)
    return Article(text=text, meta=meta, warnings=warnings, header=header)


def _relabel(exc: InputError, where: str) -> InputError:
    """The same error class with its message prefixed by where it happened."""
    new = type(exc)(f"{where}: {exc}")
    new.__cause__ = exc
    return new


def _read_limited(stream: BinaryIO, limit: int) -> bytes:
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputTooLargeError(
            f"the input is over {limit:,} bytes, too large for one article: split it into articles "
            "(one JSON object per line in a .jsonl file) or raise the limit (max_chars)")
    return data


def _from_bytes(data: bytes, html: bool | None, max_chars: int, overrides: dict[str, Any]) -> Article:
    if not data.strip():
        raise EmptyInputError("the input is empty: give an article as plain text or HTML")
    text, encoding, warning = decode_detail(data)
    article = prepare(text, max_chars=max_chars, html=html, **overrides)
    article.encoding = encoding
    if warning:
        article.warnings.insert(0, warning)
    return article


def _byte_limit(max_chars: int, html: bool | None) -> int:
    # UTF-8 takes at most 4 bytes a character; HTML markup gets its own allowance
    return max_chars * 4 * (HTML_MARKUP_FACTOR if html is not False else 1)


def read_path(
    path: str | Path, *, max_chars: int = DEFAULT_MAX_CHARS, **overrides: Any
) -> Iterator[Article | InputError]:
    """Articles from a file ("-": stdin). Errors are yielded, not raised, so a batch never stops early.

    .jsonl: one JSON object per line with `text` or `html` and optional `title`, `outlet`, `authors`, `url`,
    `published`; the caller's overrides win over a line's fields. .json: one such object or a list of them.
    .html/.htm: HTML. Anything else: text or HTML, detected.
    """
    if str(path) == "-":
        try:
            data = _read_limited(sys.stdin.buffer, _byte_limit(max_chars, None))
            yield _from_bytes(data, None, max_chars, overrides)
        except InputError as exc:
            yield _relabel(exc, "stdin")
        return
    p = Path(path)
    name = str(path)
    if not p.exists():
        yield InputError(f"{name}: no such file: check the path")
        return
    if p.is_dir():
        yield InputError(f"{name}: is a directory: give one file (.txt, .html or .jsonl) or '-' for stdin")
        return
    suffix = p.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(p, max_chars, overrides)
        return
    if suffix == ".json":
        yield from _read_json(p, max_chars, overrides)
        return
    html = True if suffix in HTML_SUFFIXES else None
    limit = _byte_limit(max_chars, html)
    try:
        size = p.stat().st_size
        if size > limit:                       # fail fast, before reading 50 MB
            raise InputTooLargeError(
                f"the file is {size:,} bytes, too large for one article (limit {max_chars:,} characters): "
                "split it into articles (one JSON object per line in a .jsonl file) or raise max_chars")
        with p.open("rb") as fh:
            data = _read_limited(fh, limit)
        article = _from_bytes(data, html, max_chars, overrides)
        article.origin = name
        yield article
    except InputError as exc:
        yield _relabel(exc, name)
    except OSError as exc:
        yield InputError(f"{name}: cannot be read ({exc.strerror or exc}): check the file's permissions")


_RECORD_META = ("title", "outlet", "authors", "url", "published")


def _lines_limited(fh: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) for each line; None for a line longer than `limit` (skipped, not loaded)."""
    n = 0
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        n += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while True:                         # skip the rest of the over-long line in chunks
                chunk = fh.readline(1 << 20)
                if not chunk or chunk.endswith(b"\n"):
                    break
            yield n, None
            continue
        yield n, line


def _read_jsonl(p: Path, max_chars: int, overrides: dict[str, Any]) -> Iterator[Article | InputError]:
    name = str(p)
    limit = _byte_limit(max_chars, None) + 4096
    try:
        fh = p.open("rb")
    except OSError as exc:
        yield InputError(f"{name}: cannot be read ({exc.strerror or exc}): check the file's permissions")
        return
    with fh:
        any_line = False
        for n, raw in _lines_limited(fh, limit):
            where = f"{name} line {n}"
            if raw is None:
                any_line = True
                yield BadRecordError(f"{where}: the line is over {limit:,} bytes, too large for one article: "
                                     "split the article or raise max_chars")
                continue
            if not raw.strip():
                continue
            any_line = True
            try:
                yield _record(raw, n, max_chars, overrides, origin=f"{name}:{n}")
            except InputError as exc:
                yield _relabel(exc if type(exc) is not InputError else BadRecordError(str(exc)), where)
        if not any_line:
            yield EmptyInputError(f"{name}: the file is empty: give one JSON object per line with a 'text' "
                                  "or 'html' field")


def _read_json(p: Path, max_chars: int, overrides: dict[str, Any]) -> Iterator[Article | InputError]:
    """A .json file: one record object, or a list of them (JSONL is the better format for big batches)."""
    name = str(p)
    limit = _byte_limit(max_chars, None) * 10
    try:
        if p.stat().st_size > limit:
            raise InputTooLargeError(f"the file is over {limit:,} bytes: write big batches as JSON Lines "
                                     "(.jsonl, one article per line)")
        data = json.loads(p.read_bytes().decode("utf-8-sig"))
    except InputError as exc:
        yield _relabel(exc, name)
        return
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        yield InputError(f"{name}: not valid UTF-8 JSON ({exc}): fix it, or give a .jsonl file")
        return
    except OSError as exc:
        yield InputError(f"{name}: cannot be read ({exc.strerror or exc}): check the file's permissions")
        return
    records = data if isinstance(data, list) else [data]
    if not records:
        yield EmptyInputError(f"{name}: the list is empty: give objects with a 'text' or 'html' field")
    for n, record in enumerate(records, 1):
        where = f"{name} item {n}" if isinstance(data, list) else name
        try:
            yield _record(json.dumps(record).encode(), n, max_chars, overrides, origin=f"{name}:{n}")
        except InputError as exc:
            yield _relabel(exc if type(exc) is not InputError else BadRecordError(str(exc)), where)


def _record(raw: bytes, n: int, max_chars: int, overrides: dict[str, Any], origin: str) -> Article:
    try:
        line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        raise BadRecordError(f"not UTF-8 (byte {exc.start}): JSON Lines must be UTF-8; re-save the file "
                             "as UTF-8") from None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        # json's own message may end in "at" ("Unterminated string starting at"): no "at at column"
        raise BadRecordError(f"not valid JSON ({exc.msg.removesuffix(' at')} at column {exc.colno}): fix or "
                             "remove the line") from None
    if not isinstance(record, dict):
        raise BadRecordError("not a JSON object: give {\"text\": ...} or {\"html\": ...} on each line")
    has_text, has_html = isinstance(record.get("text"), str), isinstance(record.get("html"), str)
    if not (has_text or has_html):
        raise BadRecordError("no 'text' or 'html' field (a string): add one, or remove the line")
    meta: dict[str, Any] = {}
    for key in _RECORD_META:
        value = record.get(key)
        if value is None:
            continue
        if key == "authors":
            meta[key] = _authors(value)
        elif isinstance(value, str):
            meta[key] = value
        else:
            raise BadRecordError(f"field '{key}' must be a string")
    meta.update({k: v for k, v in overrides.items() if v is not None})
    source = record["text"] if has_text else record["html"]
    article = prepare(source, max_chars=max_chars, html=False if has_text else True, **meta)
    article.origin = origin
    return article
