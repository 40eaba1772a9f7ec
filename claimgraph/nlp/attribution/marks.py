"""Pairing quotation marks in raw text, robust to odd counts, mixed styles and multi-paragraph quotes.

Why a hand-written pairer: real articles mix straight and curly marks, forget closing marks, and
continue a quote over several paragraphs by reopening each paragraph without closing the previous one
(the typographic convention). A parser that gives up on an odd count loses the article's quotes, so
this one never fails: it pairs what it can and closes a dangling quote at the end of its paragraph.
Single quotes are not paired (they double as apostrophes); they only appear nested inside a pair.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Double quotation marks and the ``/'' pairs of some wire texts.
MARK_RE = re.compile("``|''|[\"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\uff02]")
OPENERS = {"\u201c", "\u201e", "\u201f", "\u00ab", "``"}
CLOSERS = {"\u201d", "\u00bb", "\u2033"}
# straight marks, and '' which some wire texts use for both opening and closing
AMBIGUOUS = {'"', "\uff02", "''"}
# which closers may end a quote opened by a given opener (German „...“, French/Swiss «...», »...«)
CLOSES = {
    "\u201c": {"\u201d", '"', "\u2033", "''", "\uff02", "\u201c"},
    "\u201e": {"\u201c", "\u201d", '"', "\uff02"},
    "\u201f": {"\u201d", '"'},
    "\u00ab": {"\u00bb"},
    "\u00bb": {"\u00ab"},
    "``": {"''", '"', "\u201d"},
    '"': {'"', "\u201d", "\u2033", "''", "\uff02"},
    "\uff02": {"\uff02", '"'},
    "''": {"''", '"', "\u201d"},
    "\u2018": {"\u2019"},
}
PARA_RE = re.compile(r"\n\s*\n|\r\n\s*\r\n")
#: the typographic family of each double mark: a paragraph reopening a quote left open continues it only with a mark
#: of the same family ('"...' then '"...'), since a multi-paragraph quote is reopened the way it was opened; a
#: paragraph of another family ('"...' pasted from one source, then '“...,” she said') starts a quote of its own
STYLES = {'"': "straight", "\uff02": "straight", "\u2033": "straight",
          "\u201c": "curly", "\u201d": "curly", "\u201e": "curly", "\u201f": "curly",
          "\u00ab": "angle", "\u00bb": "angle", "``": "wire", "''": "wire", "\u2018": "single", "\u2019": "single"}


@dataclass
class QuoteSpan:
    """One quoted stretch: [start, end) includes the marks; [inner_start, inner_end) is the words."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool = True
    #: index (in the returned list) of the quote this one continues (multi-paragraph quote), or None
    continues: int | None = None


def paragraphs(text: str) -> list[tuple[int, int]]:
    """[start, end) of each paragraph (blank-line separated; single newlines also separate)."""
    out = []
    pos = 0
    for m in re.finditer(r"\n+", text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def _opening_context(text: str, pos: int, length: int) -> bool:
    """A mark looks like an opener when it stands before a word and after a space or opening punctuation."""
    before = text[pos - 1] if pos > 0 else ""
    after = text[pos + length] if pos + length < len(text) else ""
    return (_is_space(before) or before in "([{\u2014\u2013-/:") and not _is_space(after)


def _closing_context(text: str, pos: int, length: int) -> bool:
    before = text[pos - 1] if pos > 0 else ""
    after = text[pos + length] if pos + length < len(text) else ""
    return not _is_space(before) and (_is_space(after) or not after.isalnum())


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


# British style: single curly quotes as the outer marks, in a text without double quotes
SINGLE_RE = re.compile("\u2018|\u2019(?![A-Za-z])(?!(?<=s\u2019) [a-z])")  # not "rebels\u2019 guns"


def find_quotes(text: str) -> list[QuoteSpan]:
    """All quoted stretches in reading order; never raises, whatever the marks.

    Double marks are the quotes; when a text has none but uses \u2018...\u2019 (British style), those
    are the quotes instead, with an apostrophe inside a word (don\u2019t) never closing one."""
    if not MARK_RE.search(text) and "\u2018" in text:
        return _find(text, SINGLE_RE, {"\u2018"}, {"\u2019"})
    return _find(text, MARK_RE, OPENERS, CLOSERS)


def _find(text: str, mark_re: re.Pattern[str], openers: set[str], closers: set[str]) -> list[QuoteSpan]:
    quotes: list[QuoteSpan] = []

    def emit(open_at: int, mark_len: int, inner_end: int, end: int, closed: bool, cont: int | None) -> int | None:
        s, e = _strip(text, open_at + mark_len, inner_end)
        if e <= s:
            return None
        quotes.append(QuoteSpan(open_at, end if closed else e, s, e, closed=closed, continues=cont))
        return len(quotes) - 1

    dangling_prev: int | None = None  # a quote left open at the end of the previous paragraph
    dangling_style = ""  # the family of the mark that opened it
    for p_start, p_end in paragraphs(text):
        open_at: int | None = None
        open_mark = ""
        nested = 0
        cont: int | None = None
        seen_mark = False
        for m in mark_re.finditer(text, p_start, p_end):
            mark, pos = m.group(), m.start()
            length = len(mark)
            first, seen_mark = not seen_mark, True
            if open_at is None:
                opener = mark in openers or (
                    (mark in AMBIGUOUS or mark in ("\u00bb", "\u201d"))
                    and _opening_context(text, pos, length)
                    and not (mark != '"' and _closing_context(text, pos, length))
                )
                if opener:
                    open_at, open_mark, nested = pos, mark, 0
                    cont = None
                    if first and dangling_prev is not None and not text[p_start:pos].strip() \
                            and STYLES.get(mark) == dangling_style:
                        cont = dangling_prev
                continue  # a closer with nothing open is a stray mark
            if mark in openers and mark != open_mark and not _closing_context(text, pos, length):
                nested += 1  # '"... “inner” ..."': a quote of another style inside this one
                continue
            if nested and mark in closers and mark not in AMBIGUOUS:
                nested -= 1
                continue
            if mark not in CLOSES.get(open_mark, closers | AMBIGUOUS):
                continue  # a nested mark of another style
            if mark == "\u201c" and open_mark == "\u201c" and not _closing_context(text, pos, length):
                # “A ... “B: the first quote was never closed; end it before the new one
                emit(open_at, len(open_mark), pos, pos, False, cont)
                open_at, open_mark, cont = pos, mark, None
                continue
            emit(open_at, len(open_mark), pos, pos + length, True, cont)
            open_at = None
        dangling_prev = None
        if open_at is not None:
            dangling_prev = emit(open_at, len(open_mark), p_end, p_end, False, cont)
            dangling_style = STYLES.get(open_mark, "")
    return quotes


def merge_continuations(quotes: list[QuoteSpan]) -> list[list[QuoteSpan]]:
    """Group a multi-paragraph quote's pieces (a piece that continues a dangling one) together."""
    groups: list[list[QuoteSpan]] = []
    where: dict[int, int] = {}
    for i, q in enumerate(quotes):
        if q.continues is not None and q.continues in where:
            groups[where[q.continues]].append(q)
            where[i] = where[q.continues]
        else:
            where[i] = len(groups)
            groups.append([q])
    return groups
