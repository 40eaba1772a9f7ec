"""Bytes -> text: UTF-8 (with or without BOM), UTF-16/32, legacy single-byte encodings; refuse binaries.

A news archive mixes encodings; a wrong guess silently corrupts names and quotes, so every fallback
is reported as a warning the caller can show, and anything that is not text fails with a message that
says what to do instead.
"""

from __future__ import annotations

import codecs
import re

from claimgraph.errors import BinaryInputError

# magic numbers of files people pass by mistake, with what to do instead
_MAGIC: list[tuple[bytes, str]] = [
    (b"%PDF", "a PDF file: extract its text first (e.g. `pdftotext FILE out.txt`)"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.odt): unpack it or save the document as plain text"),
    (b"\x1f\x8b", "a gzip archive: decompress it first (`gunzip`)"),
    (b"\x89PNG", "a PNG image: claimgraph reads text, not images"),
    (b"\xff\xd8\xff", "a JPEG image: claimgraph reads text, not images"),
    (b"GIF8", "a GIF image: claimgraph reads text, not images"),
    (b"\xd0\xcf\x11\xe0", "an old Office document: save it as plain text or HTML first"),
    (b"\x7fELF", "an executable: give an article as .txt, .html or .jsonl"),
    (b"BZh", "a bzip2 archive: decompress it first (`bunzip2`)"),
    (b"\xfd7zXZ", "an xz archive: decompress it first (`unxz`)"),
    (b"SQLite format 3", "an SQLite database: export the articles as JSONL first"),
    (b"WARC/", "a WARC web archive: extract the pages as HTML first"),
]
_BOMS: list[tuple[bytes, str]] = [
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
]
_SAMPLE = 64 * 1024


def _binary(msg: str) -> BinaryInputError:
    return BinaryInputError(f"the input is {msg}")


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the bytes read as UTF-16 text without a byte-order mark.

    In UTF-16 the high byte of each code unit is 0 for ASCII and one value per script block for the rest
    (0x04 for Cyrillic, 0x06 for Arabic): either mostly NUL (English) or concentrated on two or three values
    with some NUL for spaces and digits (Russian, Arabic), while the low bytes vary and are rarely NUL.
    """
    sample = data[:_SAMPLE]
    sample = sample[:len(sample) - len(sample) % 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    for codec, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        zeros_high, zeros_low = high.count(0) / len(high), low.count(0) / len(low)
        if zeros_low >= 0.05 or zeros_high < 0.02:
            continue
        counts = sorted((high.count(b) for b in set(high)), reverse=True)
        if zeros_high > 0.3 or sum(counts[:3]) / len(high) > 0.9:
            try:
                text = sample.decode(codec)
            except UnicodeDecodeError:
                continue
            if _control_ratio(text) < 0.01:
                return codec
    return None


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\t\n\r\f\v") or 0x7F <= ord(ch) < 0xA0)
    return bad / len(text)


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Decode `data`; return (text, warning or None). Raise BinaryInputError for non-text input."""
    text, _encoding, warning = decode_detail(data)
    return text, warning


def decode_detail(data: bytes) -> tuple[str, str, str | None]:
    """Decode `data`; return (text, the encoding used, warning or None). The encoding is a Python codec name
    ("utf-8", "utf-8-sig", "utf-16-le", "cp1252", ...), stored with the document so a wrong guess can be
    found and redone later. Raise BinaryInputError for non-text input."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise _binary(what)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise _binary(f"not valid {codec.upper()} although it starts with a {codec} byte-order mark "
                              f"({exc.reason} at byte {exc.start}): re-save it as UTF-8") from None
            warning = None if codec == "utf-8-sig" else f"decoded as {codec.upper()} (byte-order mark)"
            return text, codec, warning
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if "\x00" in text[:_SAMPLE]:
            codec = _utf16_without_bom(data)
            if codec:
                return (data.decode(codec, errors="replace"), codec,
                        f"decoded as {codec.upper()} without byte-order mark")
            raise _binary("binary data (it contains NUL bytes): give an article as plain text, HTML or JSONL")
        if _control_ratio(text[:_SAMPLE]) > 0.05:
            raise _binary("binary data (mostly control characters): give an article as plain text, HTML or JSONL")
        return text, "utf-8", None
    codec = _utf16_without_bom(data)
    if codec:
        try:
            return data.decode(codec), codec, f"decoded as {codec.upper()} without byte-order mark"
        except UnicodeDecodeError:
            pass
    declared = _declared_charset(data)
    if declared:
        try:
            text = data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
        else:
            if _control_ratio(text[:_SAMPLE]) <= 0.01:
                return text, declared, f"decoded as {declared}, as the page declares (not UTF-8)"
    if b"\x00" in data[:_SAMPLE]:
        raise _binary("binary data (it contains NUL bytes): give an article as plain text, HTML or JSONL")
    return _legacy(data)


_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{2,40})", re.I)


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag (checked only when the bytes are not UTF-8)."""
    head = data[:4096]
    if not head.lstrip()[:1] == b"<":
        return None
    m = _CHARSET.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace").lower()
    if name in {"utf-8", "utf8"}:
        return None                      # declared UTF-8 but is not: let the detector decide
    return "cp1252" if name in {"iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii"} else name


#: Windows-1252 (a superset of Latin-1's printable range) is the legacy encoding of most English news; text
#: that decodes under it with few non-ASCII characters is taken as such, whatever a detector guesses for a
#: short sample (charset-normalizer may say cp775 or mac_roman for a paragraph with two accents)
MAX_NON_ASCII_WESTERN = 0.1


def _legacy(data: bytes) -> tuple[str, str, str | None]:
    from charset_normalizer import from_bytes

    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and _control_ratio(text[:_SAMPLE]) <= 0.01:
        sample = text[:_SAMPLE]
        if sum(ord(ch) > 127 for ch in sample) <= MAX_NON_ASCII_WESTERN * max(1, len(sample)):
            return text, "cp1252", "decoded as Windows-1252/Latin-1, not UTF-8: check accented letters and quotes"
    best = from_bytes(data[: 4 * _SAMPLE]).best()
    guess = best.encoding if best is not None else None
    if guess is None:
        text = data.decode("latin-1")
        if _control_ratio(text[:_SAMPLE]) > 0.05:
            raise _binary("binary data (no text encoding fits it): give an article as plain text, HTML or JSONL")
        return text, "latin-1", "decoded as Latin-1, not UTF-8: check accented letters and quotes"
    try:
        text = data.decode(guess)
    except (UnicodeDecodeError, LookupError):
        raise _binary("binary data (no text encoding fits it): give an article as plain text, HTML or JSONL") \
            from None
    if _control_ratio(text[:_SAMPLE]) > 0.05:
        raise _binary("binary data (no text encoding fits it): give an article as plain text, HTML or JSONL")
    return text, guess, f"decoded as {guess}, not UTF-8: check the text reads correctly"
