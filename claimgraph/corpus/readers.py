"""Ingest inputs -> (input key, Article or error), streamed: one record in memory at a time.

Paths may be files or folders (walked recursively, sorted; files with other suffixes are skipped), each
file .txt, .html/.htm, .jsonl/.ndjson, .json, .csv or .warc (corpus/warc.py), any of them gzipped (.gz);
`-` reads JSON Lines from standard input. The key is what lets users join results back to their own
records: the file path for a one-article file, `path:line` for JSON Lines (`-:line` on stdin), `path:item`
for a .json list, `path:n` for a WARC's n-th article record, `path:row` for CSV (data rows counted from 1,
the header not counted), or the value of the id column (`CsvColumns.id`, e.g. FA-KES `unit_id`; for JSON
Lines, that field) when one is given.

A bad input never stops the stream: it is yielded as an `Item` with `error` set and the same key.
Only a CSV without its text column is refused up front (`check_inputs`), before anything is written.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import os
import re
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, BinaryIO

from claimgraph.errors import ClaimgraphError, InputError
from claimgraph.ingest import DEFAULT_MAX_CHARS, Article, decode_detail, prepare
from claimgraph.ingest.dates import parse_iso

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
#: what a folder walk picks up (a file named explicitly is read whatever its suffix: text or HTML, detected)
SUPPORTED = {".txt"} | HTML_SUFFIXES | JSONL_SUFFIXES | {".json", ".csv", ".warc"}
RECORD_META = ("title", "outlet", "authors", "url", "published")
_SLASHED = re.compile(r"\s*(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})\s*")


@dataclass
class CsvColumns:
    """Which CSV columns (or JSON Lines fields, for `id`) hold what; None: the column named like the field."""

    text: str = "text"
    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    id: str | None = None
    #: slashed numeric dates (4/5/17): month first (US, FA-KES) unless this is set
    day_first: bool = False


@dataclass
class Item:
    """One input record: an Article, or the error that stopped it (never both)."""

    key: str
    article: Article | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)


def parse_date(value: str | None, day_first: bool = False) -> str | None:
    """ISO 8601 for a metadata date: ISO or written dates via ingest, slashed numeric dates (4/5/17)
    month first unless `day_first`, a part over 12 deciding by itself; None when not a date."""
    if value is None or not value.strip():
        return None
    m = _SLASHED.fullmatch(value)
    if m:
        a, b, y = int(m.group(1)), int(m.group(2)), m.group(3)
        month, day = (b, a) if day_first else (a, b)
        if month > 12 and day <= 12:
            month, day = day, month
        year = int(y) + (2000 if int(y) < 70 else 1900) if len(y) == 2 else int(y)
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
        return None
    return parse_iso(value)


def _key(value: object) -> str:
    """An input key taken from the records' own id field: text, without NUL (which PostgreSQL cannot store)."""
    return str(value).replace("\x00", "\ufffd")


def _display(path: Path | str) -> str:
    return str(path)


def _open_binary(path: Path) -> BinaryIO:
    if path.suffix.lower() == ".gz":
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def _kind(path: Path) -> str:
    """The format a file is read as, from its suffix (under .gz)."""
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    suffix = os.path.splitext(name)[1]
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix == ".json":
        return "json"
    if suffix == ".csv":
        return "csv"
    if suffix == ".warc":
        return "warc"  # gzip per record: warcio reads it (corpus/warc.py)
    if suffix in HTML_SUFFIXES:
        return "html"
    return "text"


def _supported(path: Path) -> bool:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return os.path.splitext(name)[1] in SUPPORTED


def iter_files(paths: list[str]) -> Iterator[Path | str]:
    """Each input file, folders walked recursively in sorted order ('-' passes through)."""
    for p in paths:
        if p == "-":
            yield "-"
            continue
        path = Path(p)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    f = Path(root) / name
                    if not name.startswith(".") and _supported(f):
                        yield f
        else:
            yield path


def check_inputs(paths: list[str], columns: CsvColumns) -> None:
    """Refuse, before anything is written, what would fail every record: a missing path, a CSV without
    its text column (or a named column missing). Raises InputError with a one-line message."""
    for p in iter_files(paths):
        if p == "-":
            continue
        assert isinstance(p, Path)
        if not p.exists() and not p.is_symlink():
            raise InputError(f"{p}: no such file or folder")
        if _kind(p) == "csv":
            try:
                with _open_binary(p) as fh:
                    header = next(csv.reader(io.TextIOWrapper(fh, encoding="utf-8-sig", errors="replace")), None)
            except (OSError, EOFError, zlib.error) as exc:
                raise InputError(f"{p}: cannot be read ({exc})") from None
            if header is None:
                continue  # empty: reported as a failure when read
            for role in ("text", "title", "outlet", "date", "url", "id"):
                name = getattr(columns, role)
                if name is not None and name not in header and (role == "text" or _explicit(columns, role)):
                    raise InputError(f"{p}: no column {name!r} (its columns: {', '.join(header[:12])}); name the "
                                     f"{role} column with --{role}-col")


def _explicit(columns: CsvColumns, role: str) -> bool:
    return getattr(columns, role) is not None


def iter_items(paths: list[str], columns: CsvColumns | None = None, max_chars: int = DEFAULT_MAX_CHARS,
               stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Every input record of every path, in order, as Items (see the module docstring for keys)."""
    columns = columns or CsvColumns()
    for p in iter_files(paths):
        if p == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _jsonl(stream, "-", columns, max_chars)
            continue
        assert isinstance(p, Path)
        name = _display(p)
        try:
            kind = _kind(p)
            if kind == "warc":
                from claimgraph.corpus.warc import iter_warc

                yield from iter_warc(p, name, max_chars)
            elif kind in ("jsonl", "csv", "json"):
                with _open_binary(p) as fh:
                    if kind == "jsonl":
                        yield from _jsonl(fh, name, columns, max_chars)
                    elif kind == "csv":
                        yield from _csv(fh, name, columns, max_chars)
                    else:
                        yield from _json(fh, name, columns, max_chars)
            else:
                yield _one_file(p, name, kind, max_chars)
        except (OSError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
            reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
            yield Item(name, error=f"{name}: cannot be read ({reason})")


def _one_file(p: Path, name: str, kind: str, max_chars: int) -> Item:
    limit = max_chars * 4 * (10 if kind != "text" else 1) + 1
    try:
        with _open_binary(p) as fh:
            data = fh.read(limit + 1)
        if len(data) > limit:
            return Item(name, error=f"{name}: over {limit:,} bytes, too large for one article: split it "
                                    "(one JSON object per line in a .jsonl file) or raise --max-chars")
        if not data.strip():
            return Item(name, error=f"{name}: the file is empty")
        text, encoding, warning = decode_detail(data)
        article = prepare(text, max_chars=max_chars, html=True if kind == "html" else None)
        article.encoding = encoding
    except ClaimgraphError as exc:
        return Item(name, error=f"{name}: {exc}")
    except (OSError, EOFError, zlib.error) as exc:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        return Item(name, error=f"{name}: cannot be read ({reason})")
    if warning:
        article.warnings.insert(0, warning)
    article.origin = name
    return Item(name, article=article, warnings=list(article.warnings))


def _record_item(record: Any, key: str, where: str, max_chars: int) -> Item:
    """One JSON object with `text` or `html` and optional metadata -> Item."""
    if not isinstance(record, dict):
        return Item(key, error=f"{where}: not a JSON object: give {{\"text\": ...}} or {{\"html\": ...}}")
    has_text, has_html = isinstance(record.get("text"), str), isinstance(record.get("html"), str)
    if not (has_text or has_html):
        return Item(key, error=f"{where}: no 'text' or 'html' field (a string)")
    meta: dict[str, Any] = {}
    warnings: list[str] = []
    for field_ in RECORD_META:
        value = record.get(field_)
        if value is None:
            continue
        if field_ == "authors":
            if isinstance(value, str):
                value = [value]
            if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                return Item(key, error=f"{where}: 'authors' must be a list of names")
        elif not isinstance(value, str):
            return Item(key, error=f"{where}: field '{field_}' must be a string")
        if field_ == "published":
            iso = parse_date(value)
            if iso is None:
                warnings.append(f"{where}: published {value!r} is not a date; ignored")
                continue
            value = iso
        meta[field_] = value
    return _prepare(record["text"] if has_text else record["html"], key, where, max_chars,
                    html=False if has_text else True, meta=meta, warnings=warnings)


def _prepare(source: str, key: str, where: str, max_chars: int, html: bool | None, meta: dict[str, Any],
             warnings: list[str], encoding: str | None = "utf-8") -> Item:
    """`encoding`: how the record's bytes were decoded (JSON Lines, JSON and CSV are read as UTF-8)."""
    try:
        article = prepare(source, max_chars=max_chars, html=html, **meta)
    except ClaimgraphError as exc:
        return Item(key, error=f"{where}: {exc}")
    article.origin = where
    article.encoding = encoding
    article.warnings[:0] = warnings
    return Item(key, article=article, warnings=list(article.warnings))


def _jsonl(fh: BinaryIO, name: str, columns: CsvColumns, max_chars: int) -> Iterator[Item]:
    limit = max_chars * 4 + 4096
    n = 0
    any_line = False
    while True:
        raw = fh.readline(limit + 1)
        if not raw:
            break
        n += 1
        key = where = f"{name}:{n}"
        if len(raw) > limit and not raw.endswith(b"\n"):
            while True:  # skip the rest of an over-long line without holding it
                chunk = fh.readline(1 << 20)
                if not chunk or chunk.endswith(b"\n"):
                    break
            any_line = True
            yield Item(key, error=f"{where}: the line is over {limit:,} bytes, too large for one article")
            continue
        if not raw.strip():
            continue
        any_line = True
        try:
            record = json.loads(raw.decode("utf-8-sig" if n == 1 else "utf-8"))
        except UnicodeDecodeError as exc:
            yield Item(key, error=f"{where}: not UTF-8 (byte {exc.start}): JSON Lines must be UTF-8")
            continue
        except json.JSONDecodeError as exc:
            yield Item(key, error=f"{where}: not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        if columns.id and isinstance(record, dict) and record.get(columns.id) not in (None, ""):
            key = _key(record[columns.id])
        yield _record_item(record, key, where, max_chars)
    if not any_line:
        yield Item(name, error=f"{name}: the file is empty: give one JSON object per line")


def _json(fh: BinaryIO, name: str, columns: CsvColumns, max_chars: int) -> Iterator[Item]:
    limit = max_chars * 40
    data = fh.read(limit + 1)
    if len(data) > limit:
        yield Item(name, error=f"{name}: over {limit:,} bytes: write big batches as JSON Lines (.jsonl)")
        return
    try:
        parsed = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        yield Item(name, error=f"{name}: not valid UTF-8 JSON ({exc})")
        return
    if not isinstance(parsed, list):
        key = _key(parsed[columns.id]) if columns.id and isinstance(parsed, dict) and parsed.get(columns.id) else name
        yield _record_item(parsed, key, name, max_chars)
        return
    if not parsed:
        yield Item(name, error=f"{name}: the list is empty")
    for n, record in enumerate(parsed, 1):
        key = where = f"{name}:{n}"
        if columns.id and isinstance(record, dict) and record.get(columns.id) not in (None, ""):
            key = _key(record[columns.id])
        yield _record_item(record, key, where, max_chars)


def _csv(fh: BinaryIO, name: str, columns: CsvColumns, max_chars: int) -> Iterator[Item]:
    csv.field_size_limit(max(csv.field_size_limit(), max_chars * 4))
    reader_fh: IO[str] = codecs.getreader("utf-8-sig")(fh, errors="strict")  # type: ignore[assignment]
    rows = csv.reader(reader_fh)
    try:
        header = next(rows, None)
    except (UnicodeDecodeError, csv.Error) as exc:
        yield Item(name, error=f"{name}: not a UTF-8 CSV file ({exc})")
        return
    if header is None:
        yield Item(name, error=f"{name}: the file is empty")
        return
    index = {h: i for i, h in enumerate(header)}
    if columns.text not in index:
        yield Item(name, error=f"{name}: no column {columns.text!r}; name the text column with --text-col")
        return
    roles = {role: (getattr(columns, role) or role) for role in ("title", "outlet", "url", "id")}
    roles["date"] = columns.date or ("published" if "published" in index else "date")
    n = 0
    while True:
        try:
            row = next(rows)
        except StopIteration:
            break
        except (UnicodeDecodeError, csv.Error) as exc:
            n += 1
            yield Item(f"{name}:{n}", error=f"{name}:{n}: unreadable row ({exc}); the rest of the file is skipped")
            return
        n += 1
        if not any(cell.strip() for cell in row):
            continue
        where = f"{name}:{n}"

        def cell(col: str | None, row: list[str] = row) -> str | None:
            i = index.get(col) if col else None
            value = row[i].strip() if i is not None and i < len(row) else ""
            return value or None

        key = cell(roles["id"]) if columns.id else None
        key = _key(key) if key else where
        i = index[columns.text]
        text = row[i] if i < len(row) and row[i].strip() else None  # kept as is: the id hashes the exact text
        if text is None:
            yield Item(key, error=f"{where}: the {columns.text!r} cell is empty")
            continue
        meta: dict[str, Any] = {}
        warnings: list[str] = []
        for role in ("title", "outlet", "url"):
            value = cell(roles[role])
            if value is not None:
                meta[role] = value
        raw_date = cell(roles["date"])
        if raw_date is not None:
            iso = parse_date(raw_date, columns.day_first)
            if iso is None:
                warnings.append(f"{where}: date {raw_date!r} is not a date; the article's own is used")
            else:
                meta["published"] = iso
        yield _prepare(text, key, where, max_chars, html=None, meta=meta, warnings=warnings)


def count_items(paths: list[str], columns: CsvColumns | None = None) -> int | None:
    """How many records `iter_items` will yield (None when unknowable, e.g. stdin): for a progress bar."""
    columns = columns or CsvColumns()
    total = 0
    for p in iter_files(paths):
        if p == "-":
            return None
        assert isinstance(p, Path)
        kind = _kind(p)
        try:
            if kind == "jsonl":
                with _open_binary(p) as fh:
                    total += max(1, sum(1 for line in fh if line.strip()))
            elif kind == "csv":
                with _open_binary(p) as fh:
                    rows = csv.reader(io.TextIOWrapper(fh, encoding="utf-8-sig", errors="replace"))
                    next(rows, None)
                    total += sum(1 for row in rows if any(c.strip() for c in row))
            elif kind == "warc":
                from claimgraph.corpus.warc import count_warc

                total += count_warc(p)
            elif kind == "json":
                total += 1
            else:
                total += 1
        except (OSError, EOFError, zlib.error, csv.Error):
            total += 1
    return total
