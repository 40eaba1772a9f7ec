"""Read the header block of a plain-text article: dateline, headline, standfirst, byline, wire dateline.

Real articles pasted or scraped as text carry their metadata in the first few lines, in a handful of
conventions: a date line ("JUNE 2023", "Wed 19 Apr 2017 13.47 BST", "Published February 23 2015"), a headline,
a standfirst, a byline ("By X and Y", "X | Reuters", "Written by X exclusively for Y", "X in Beirut"), and a
wire dateline opening the body ("LONDON (Reuters) -", "BEIRUT (AP) —"). Scraped text may also run the date
into the first sentence ("Wed 05 Apr 2017 Syria attack ..."). Nothing here changes the text: the parser
only reports what it found and where (character offsets into the text it was given).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from claimgraph.ingest.dates import PrintedDate, match_date

DATA = Path(__file__).resolve().parent.parent / "data" / "ingest_header.json"
MAX_HEADER_LINES = 10          # a header block is never longer than this many non-empty lines
MAX_HEADER_CHARS = 4000        # nor does it start this far into the text
MAX_HEADLINE_WORDS = 30
MAX_SENTENCE_HEADLINE_WORDS = 18   # a headline printed with a full stop is short; a lead sentence is longer
MAX_PENDING = 2                # lines after the headline waiting for a byline/date to make them a standfirst


@dataclass
class Header:
    """What the header block says, with spans into the text."""

    title: str | None = None
    title_span: tuple[int, int] | None = None
    standfirst: str | None = None
    standfirst_span: tuple[int, int] | None = None
    authors: list[str] = field(default_factory=list)
    byline_span: tuple[int, int] | None = None
    outlet: str | None = None
    dateline: str | None = None
    dateline_span: tuple[int, int] | None = None
    published: str | None = None
    updated: str | None = None
    place: str | None = None             # the wire dateline's place: "LONDON", "NEWPORT NEWS, Va."
    body_start: int = 0                  # where the article body begins


@lru_cache(maxsize=1)
def _cues() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


def _prefix_re(key: str) -> re.Pattern[str]:
    words = sorted(_cues()[key], key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(re.escape(w) for w in words) + r")\b\s*:?\s*", re.I)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, object]:
    cues = _cues()
    return {
        "published": _prefix_re("date_prefixes_published"),
        "updated": _prefix_re("date_prefixes_updated"),
        "byline": re.compile(
            r"(?:" + "|".join(re.escape(w) for w in sorted(cues["byline_prefixes"], key=len, reverse=True))
            + r")\s*:?\s+", re.I),
        "boilerplate": [re.compile(p, re.I) for p in cues["boilerplate_lines"]],
        "outlet_words": {w.lower() for w in cues["outlet_words"]},
        "particles": {w.lower() for w in cues["name_particles"]},
    }


# "LONDON (Reuters) -", "WASHINGTON, April 5 (Reuters) -", "BEIRUT (AP) —", "NEWPORT NEWS, Va. -",
# "Beirut (AFP) -": an upper-case place (title case only with a wire credit), optional region and date.
_CAPS_PLACE = r"[A-Z][A-Z.'’\-]+(?:\s[A-Z][A-Z.'’\-]+){0,3}"
_TITLE_PLACE = r"[A-Z][\w.'’\-]+(?:\s[A-Z][\w.'’\-]+){0,2}"
_REGION = r"(?:,\s*[A-Z][\w.'’\-]+(?:\s[A-Z][\w.'’\-]+){0,2})?"
_WIRE_DATE = r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s+(?:19|20)\d\d)?))?"
_WIRE_CREDIT = r"\((?P<credit>[A-Z][\w&'’.\- ]{0,40}?)\)"
_DASH = r"[-–—]{1,2}"
WIRE_DATELINE = re.compile(
    rf"(?P<printed>(?P<place>{_CAPS_PLACE}{_REGION}){_WIRE_DATE}\s*{_WIRE_CREDIT})\s*{_DASH}\s*"
    rf"|(?P<printed2>(?P<place2>{_TITLE_PLACE}{_REGION}){_WIRE_DATE.replace('date', 'date2')}\s*"
    rf"{_WIRE_CREDIT.replace('credit', 'credit2')})\s*{_DASH}\s*"
    rf"|(?P<printed3>(?P<place3>{_CAPS_PLACE}{_REGION}){_WIRE_DATE.replace('date', 'date3')})\s+{_DASH}\s+"
)


@dataclass
class _Line:
    start: int      # offset of the first non-space character
    end: int        # offset after the last non-space character
    text: str


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            out.append(_Line(pos + lead, pos + lead + len(stripped), stripped))
        pos += len(raw)
        if len(out) >= MAX_HEADER_LINES or pos > MAX_HEADER_CHARS:
            break
    return out


def _words(s: str) -> list[str]:
    return s.split()


def is_outlet_like(name: str) -> bool:
    """True for a name that reads as a news organisation ("Associated Press", "Reuters", "Middle East Eye")."""
    low = name.lower().strip(" .")
    ow = _patterns()["outlet_words"]
    return low in ow or any(w.strip(".,") in ow for w in low.split())


def generic_author(name: str) -> bool:
    """A byline placeholder rather than a person ("Staff reporter", "Agencies", "Web desk")."""
    return name.lower().strip(" .") in {w.lower() for w in _cues()["generic_authors"]}


def _name_like(name: str, *, min_tokens: int = 2) -> bool:
    """A person's name as printed in a byline: 2-5 capitalised tokens, particles allowed, no digits."""
    toks = name.split()
    if not min_tokens <= len(toks) <= 5 or any(ch.isdigit() for ch in name):
        return False
    particles = _patterns()["particles"]
    capitalised = 0
    for tok in toks:
        if tok.lower() in particles:
            continue
        core = tok.strip(".,'’()")
        head, dash, tail = core.partition("-")
        if dash and head.lower() in particles | {p.rstrip("-") for p in particles}:
            core = tail                      # "al-Rawi", "el-Sisi", "bin-Talal"
        if core.lower() == "the" or not core or not core[0].isupper() or not re.fullmatch(r"[\w.'’\-]+", core):
            return False
        capitalised += 1
    return capitalised >= min(2, min_tokens)


def _split_names(s: str) -> list[str]:
    parts = re.split(r"\s*,\s*|\s+and\s+|\s*&\s*|\s*;\s*", s.strip())
    return [p.strip() for p in parts if p.strip()]


def parse_byline(line: str, *, after_title: bool = False) -> tuple[list[str], str | None] | None:
    """Authors and outlet from one byline line, or None when the line is not a byline.

    Handles "By X, Y and Z", "By X | Reuters", "By X, Associated Press", "X | Reuters",
    "Written by X exclusively for Y", "By X for Y", "X in Beirut" and, right after a headline, a line of
    names alone ("Tom Miles, Stephanie Nebehay").
    """
    pats = _patterns()
    line = line.strip()
    if len(line) > 200:
        return None
    body = None
    m = pats["byline"].match(line)
    if m:
        body = line[m.end():]
    outlet = None
    if body is None:
        # "Tom Perry | Reuters", "Kareem Shaheen in Istanbul", or a bare names line after the headline
        if "|" in line:
            names_part, _, outlet_part = line.partition("|")
            names = _split_names(names_part)
            if names and all(_name_like(n) and not is_outlet_like(n) for n in names) and outlet_part.strip():
                return names, outlet_part.strip()
            return None
        gm = re.fullmatch(r"(.+?)\s+in\s+([A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+){0,2})", line)
        if gm:
            names = _split_names(gm.group(1))
            if names and all(_name_like(n) for n in names) and not is_outlet_like(gm.group(1)):
                return names, None
            return None
        if after_title:
            names = _split_names(line)
            if names and all(_name_like(n) for n in names) and not any(is_outlet_like(n) for n in names):
                return names, None
        return None
    # "... exclusively for SouthFront" / "... for The Guardian" / "... | Reuters" / "... - AP"
    fm = re.search(r",?\s+(?:exclusively\s+|specially\s+|especially\s+)?for\s+(.+)$", body)
    if fm:
        outlet = fm.group(1).strip(" .")
        body = body[:fm.start()]
    pm = re.search(r"\s*(?:\||/|\s[-–—]\s)\s*(.+)$", body)
    if pm and outlet is None:
        outlet = pm.group(1).strip(" .")
        body = body[:pm.start()]
    body = re.sub(r"\s+in\s+[A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+){0,2}$", "", body)   # "By X in Beirut"
    names = _split_names(body)
    authors: list[str] = []
    for i, name in enumerate(names):
        if i == len(names) - 1 and i > 0 and is_outlet_like(name) and outlet is None:
            outlet = name            # "By X, Associated Press", "By X, The New York Times"
        elif _name_like(name):
            authors.append(name)
        elif len(names) == 1 and is_outlet_like(name):
            return [], name.strip(" .")      # "By AFP"
        elif i == len(names) - 1 and authors:
            continue                 # "By X, Beirut": a place after the names
        else:
            return None
    if not authors:
        if outlet is None and names and is_outlet_like(body):   # "By Reuters", "By AFP"
            return [], body.strip(" .")
        return None
    return authors, outlet


def _boilerplate(line: str) -> bool:
    return any(p.match(line) for p in _patterns()["boilerplate"])


def _date_line(line: str) -> tuple[PrintedDate, bool, int] | None:
    """(date, is_update, offset of the date in the line) when the whole line is a printed date."""
    pats = _patterns()
    is_update = False
    pos = 0
    m = pats["updated"].match(line)
    if m:
        is_update, pos = True, m.end()
    else:
        m = pats["published"].match(line)
        if m:
            pos = m.end()
    d = match_date(line, pos)
    if d is None:
        return None
    rest = line[d.end:].strip(" \t.,;|/-–—")
    # "Wed 19 Apr 2017 13.47 BST Last modified on Wed 19 Apr 2017 15.00 BST": a second stamp is fine
    if rest and not (pats["updated"].match(rest) and match_date(rest, pats["updated"].match(rest).end())):
        return None
    return d, is_update, pos


_ATTRIBUTED = re.compile(r",\s+(?:[\w'’.-]+\s+){0,6}(?:said|told|reported|added)\b", re.I)


def _headline_like(line: str) -> bool:
    """Short, not lower-case, no wire dateline; a full sentence ending in a full stop only when it is
    short and not a reported lead ("..., a monitoring group said.")."""
    words = _words(line)
    if not (0 < len(words) <= MAX_HEADLINE_WORDS and len(line) <= 250) or line[0].islower():
        return False
    if WIRE_DATELINE.match(line):
        return False
    if line.endswith(".") and not line.endswith(("..", "U.S.", "U.N.")):
        return len(words) <= MAX_SENTENCE_HEADLINE_WORDS and not _ATTRIBUTED.search(line)
    return True


def _wire(line: _Line) -> tuple[str, str, str | None, str | None] | None:
    """(printed dateline, place, credit, date) of a wire dateline opening this line."""
    m = WIRE_DATELINE.match(line.text)
    if not m:
        return None
    for suffix in ("", "2", "3"):
        printed = m.group(f"printed{suffix}")
        if printed:
            credit = m.group(f"credit{suffix}") if suffix != "3" else None
            return printed, m.group(f"place{suffix}"), credit, m.group(f"date{suffix}")
    return None


def parse_header(text: str) -> Header:
    """Parse the header block at the top of `text`; unknown parts stay None."""
    h = Header()
    lines = _lines(text)
    if not lines:
        return h
    pending: list[_Line] = []
    byline_seen = False
    body: _Line | None = None
    i = 0
    while i < len(lines):
        ln = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        i += 1
        if _boilerplate(ln.text):
            continue
        dl = _date_line(ln.text)
        if dl is not None:
            d, is_update, pos = dl
            if is_update:
                h.updated = h.updated or d.iso
            elif h.dateline is None:
                h.dateline = d.text
                h.dateline_span = (ln.start + pos, ln.start + pos + len(d.text))
                h.published = d.iso
            if pending and h.title is not None:
                _set_standfirst(h, pending)
                pending = []
            continue
        # a line of names alone is a byline only right after the headline, or just above a date line
        bare_ok = h.title is not None and not byline_seen and (
            not pending or (nxt is not None and _date_line(nxt.text) is not None))
        by = parse_byline(ln.text, after_title=bare_ok)
        if by is not None and (by[0] or by[1]):
            authors, outlet = by
            if not h.authors:
                h.authors = authors
                h.byline_span = (ln.start, ln.end)
            h.outlet = h.outlet or outlet
            byline_seen = True
            if pending and h.title is not None:
                _set_standfirst(h, pending)
                pending = []
            # "Associated Press" alone on the line after a byline: the authors' affiliation
            if nxt is not None and h.outlet is None and is_outlet_like(nxt.text) and len(_words(nxt.text)) <= 4 \
                    and not _headline_sentence(nxt.text):
                h.outlet = nxt.text.strip(" .")
                i += 1
            continue
        wire = _wire(ln)
        if wire is not None:
            _apply_wire(h, ln, wire)
            if pending and h.title is not None:       # "Headline / standfirst / BEIRUT (AP) — ..."
                _set_standfirst(h, pending)
                pending = []
            body = ln
            break
        d = match_date(ln.text)
        if d is not None and h.title is None and h.dateline is None and not pending:
            # run-on dateline: "Wed 05 Apr 2017 Syria attack symptoms ..." (the date opens the text)
            h.dateline = d.text
            h.dateline_span = (ln.start, ln.start + len(d.text))
            h.published = d.iso
            body = ln
            break
        pm = _patterns()["published"].match(ln.text)
        if pm and h.title is None and not pending:
            d = match_date(ln.text, pm.end())
            if d is not None and h.dateline is None:      # "Published February 23 2015 Ten children ..."
                h.dateline = d.text
                h.dateline_span = (ln.start + pm.end(), ln.start + pm.end() + len(d.text))
                h.published = d.iso
                body = ln
                break
        if h.title is None and not pending and nxt is not None and _headline_like(ln.text):
            if _kicker(ln.text, nxt.text) and i < len(lines):
                continue
            h.title = ln.text
            h.title_span = (ln.start, ln.end)
            continue
        if h.title is not None and len(pending) < MAX_PENDING and len(_words(ln.text)) <= 80:
            pending.append(ln)
            continue
        body = pending[0] if pending else ln
        pending = []
        break
    if body is None:
        body = pending[0] if pending else None
    if body is not None:
        h.body_start = body.start
    elif h.title_span is not None:
        h.body_start = h.title_span[1]
    return h


def _headline_sentence(s: str) -> bool:
    return s.rstrip().endswith((".", "!", "?", "”", '"'))


def _kicker(line: str, nxt: str) -> bool:
    """A section label above the headline ("Syria", "World news"): short, unpunctuated, and followed by a
    headline-like line that is not a full sentence."""
    return (
        len(_words(line)) <= 3 and not _headline_sentence(line) and _headline_like(nxt)
        and not _headline_sentence(nxt) and len(_words(nxt)) > len(_words(line))
        and _date_line(nxt) is None and parse_byline(nxt) is None
    )


def _set_standfirst(h: Header, pending: list[_Line]) -> None:
    if h.standfirst is None:
        h.standfirst_span = (pending[0].start, pending[-1].end)
        h.standfirst = pending[0].text if len(pending) == 1 else None
        if h.standfirst is None:
            h.standfirst = "\n".join(p.text for p in pending)


def _apply_wire(h: Header, ln: _Line, wire: tuple[str, str, str | None, str | None]) -> None:
    printed, place, credit, wdate = wire
    h.place = place.strip()
    if credit and h.outlet is None:
        h.outlet = credit.strip()
    if h.dateline is None:
        h.dateline = printed.strip()
        h.dateline_span = (ln.start, ln.start + len(printed.strip()))
    if wdate and h.published is None:
        d = match_date(wdate)
        if d is not None:
            h.published = d.iso


_FOOTER_AUTHORS = re.compile(
    r"(?<!additional )\b(?:reporting|writing|written|reported)\s+by\s+([^;)\n]+)", re.I)


def footer_authors(text: str) -> list[str]:
    """Authors from a wire footer ("Reporting by Tom Perry in Beirut; Editing by Andrew Roche")."""
    tail = text[-800:]
    authors: list[str] = []
    for m in _FOOTER_AUTHORS.finditer(tail):
        # a sentence in the body ("... reported by state media") is not a footer: need names only
        chunk = re.sub(r"\s+(?:in|from)\s+[A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+){0,2}", "", m.group(1).strip())
        chunk = re.split(r"\s+(?:and\s+)?(?:additional\s+)?(?:editing|writing)\s+by\b", chunk, flags=re.I)[0]
        names = _split_names(chunk.strip(" ."))
        if names and all(_name_like(n) for n in names):
            authors.extend(n for n in names if n not in authors)
    return authors
