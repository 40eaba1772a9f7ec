"""Times component: dates, periods and durations, resolved against the document's published date.

Why rules before dateparser: dateparser resolves a date string well but finds dates in running text
poorly ("we", "may", "now" become dates; "since September" is not parsed). So candidate spans come from
patterns built from claimgraph/data/times_lexicon.tsv (plus spaCy DATE/TIME entities the patterns miss),
and their values are computed here, relative to `state.meta.published` (or the dateline), preferring the
past: "November 24th" in an article dated JUNE 2023 is 2022-11-24. dateparser (RELATIVE_BASE = that
date, PREFER_DATES_FROM = past) resolves what the rules do not model.

Values (Time.value) are ISO 8601 at their precision: "2015-11-24", "2015-09", "2015", "199X" (decade),
"18" (century, the 1800s), "2016-04-05/2016-04-06" (an interval), "2015-W47" (a week; precision null),
"--11-24" (a day with no known year), "P3D"/"PT24H" (durations; precision null), "T11:00" (clock times).
Anchors: explicit (the text gives the year), dateline (resolved against the published date or
dateline), unresolved (needed a base that is unknown). For quantities, the component leaves
`state.extra["time_spans"]`: a list of (start, end, kind) with kind "point" or "duration".
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.contract import Time
from claimgraph.nlp.shared.numbers_data import alternation, by_kind, no_blank_lines, read_tsv
from claimgraph.nlp.shared.scan import MultiScanner
from claimgraph.nlp.state import get_state, report_failure
from claimgraph.nlp.times_direction import future_clause, next_date
from claimgraph.nlp.times_head import head_base

_LEX = by_kind("times_lexicon.tsv")
MONTHS = {w: int(v) for w, v in _LEX.get("month", [])}
AMBIGUOUS_MONTHS = {w for w, _ in _LEX.get("ambiguous_month", [])}
WEEKDAYS = {w: int(v) for w, v in _LEX.get("weekday", [])}
SEASONS = {w: int(v) for w, v in _LEX.get("season", [])}
UNITS = {w: v for w, v in _LEX.get("unit", [])}
RELATIVE_DAYS = {w: int(v) for w, v in _LEX.get("relative_day", [])}
SHIFTS = {w: int(v) for w, v in _LEX.get("shift", [])}
PARTS_OF_DAY = {row[0] for row in _LEX.get("part_of_day", [])}
LEAD_PREPS = {row[0] for row in _LEX.get("lead_prep", [])}
HOLIDAYS = {row[0] for row in _LEX.get("holiday", [])}
NUMBER_WORDS = {row[0]: float(row[1]) for row in read_tsv("number_words.tsv") if len(row) >= 3 and row[2] == "unit"}

_B = r"(?<![\w'’´])"  # left word boundary (not inside a word or after an apostrophe)
_E = r"(?![\w])"
_FULL_MONTHS = {m.lower() for m in calendar.month_name if m}
_MONTH_ALT = rf"(?:{alternation(_FULL_MONTHS)}|(?:{alternation(set(MONTHS) - _FULL_MONTHS)})\.?)"  # "Nov.", not "May."
_MONTH = rf"(?P<month>{_MONTH_ALT})"
_MONTH2 = rf"(?P<month2>{_MONTH_ALT})"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY2 = r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"
_WD = rf"(?P<wd>{alternation(set(WEEKDAYS))})"
_SEASON = rf"(?P<season>{alternation(set(SEASONS))})"
_PART = rf"(?:{alternation(PARTS_OF_DAY)})"
_SHIFT = rf"(?P<shift>{alternation(set(SHIFTS))})"
_UNIT_ALL = alternation(set(UNITS))
_NUMW = alternation(set(NUMBER_WORDS))
_NUM = (rf"(?P<num>\d+(?:[.,]\d+)?(?:-plus|\+)?|(?:{_NUMW})(?:[- ](?:{_NUMW}))?|a\s+few|a\s+couple\s+of|several"
        rf"|an?|few|many)")
_DASH = r"\s*[-–—]\s*"

# (kind, pattern); all matched case-insensitively, then checked (capitalisation, day ranges) in code
PATTERNS: list[tuple[str, str]] = [
    ("date", rf"{_WD},?\s+{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?"),
    ("date", rf"{_WD},?\s+{_DAY}\s+{_MONTH}(?:,?\s+{_YEAR})?"),
    ("date", rf"{_DAY}(?:{_DASH}{_DAY2})?\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?"),
    ("date", rf"{_MONTH}(?:\s+|(?<=\.)){_DAY}(?:{_DASH}{_DAY2})?(?:,?\s+{_YEAR})?"),
    ("date", rf"(?:(?:early|mid|late)[- ]+)?{_MONTH}(?:{_DASH}{_MONTH2})?,?\s+(?:of\s+)?{_YEAR}"),
    ("numeric", r"(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)"),
    ("numeric", r"(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})"),
    ("season", rf"(?:the\s+)?(?:(?:early|late)\s+)?{_SEASON}\s+(?:of\s+)?{_YEAR}"),
    ("decade", r"(?:the\s+)?(?:(?:early|mid|late)[- ]+)?(?P<dec4>1[5-9]\d0|20\d0)['’´`]?s"),
    ("decade", r"(?:the\s+)(?:(?:early|mid|late)[- ]+)?['’´`]?(?P<dec2>\d0)['’´`]?s"),
    ("decade", r"(?:the\s+)?'(?P<dec2>\d0)s"),
    ("century", r"(?:the\s+)?(?P<cent>\d{1,2})(?:st|nd|rd|th)[- ]century"),
    ("vague_period", r"(?:for|over|in|within|after|if\s+not|take|took|takes)\s+"
                     r"(?P<core>(?P<vunit>centuries|decades|years|months|weeks|days|hours))"),
    ("relday", rf"(?:the\s+day\s+(?:before|after)\s+)?(?P<rel>{alternation(set(RELATIVE_DAYS))})"),
    ("shifted", rf"(?:the\s+)?(?:(?:earlier|later|early|late|mid)[- ]+)?{_SHIFT}\s+"
                rf"(?P<what>day|week|month|year|weekend|{_WD}|{_SEASON}|{_MONTH}"
                rf"|{_PART})"),
    ("ago", rf"{_NUM}\s+(?P<unit>{_UNIT_ALL})\s+(?P<dir>ago|earlier|later)"),
    ("span", rf"(?:the\s+)?(?P<spanshift>past|last|previous|next|coming|first|final)\s+(?:{_NUM}\s+)?"
             rf"(?P<unit>{_UNIT_ALL})"),
    ("span", r"(?:the\s+)?(?P<spanshift>recent|coming)\s+(?P<unit>days|weeks|months|years|decades)"),
    ("weekday", rf"(?:(?:the\s+)?(?:early\s+hours|morning|afternoon|evening|night)\s+of\s+)?{_WD}"
                rf"(?:\s+(?:{_PART}))?"),
    ("month", rf"(?:(?:early|mid|late)[- ]+)?{_MONTH}"),
    ("bc", r"(?P<bcyear>\d{1,4})\s*(?P<era>B\.?C\.?E?|BCE|A\.?D\.?|CE)"),
    ("season_bare", rf"(?:in|during|since|by|until|through)\s+(?P<core>(?:the\s+)?(?:(?:early|late)\s+)?{_SEASON})"),
    ("holiday", rf"(?:(?:this|last|next)\s+)?(?-i:{alternation(HOLIDAYS)})"),
    ("set", rf"every\s+(?:{_UNIT_ALL}|{_WD})"),
    ("year", rf"(?:(?:early|mid|late)[- ]+)?{_YEAR}(?:{_DASH}(?P<year2>1[5-9]\d\d|20\d\d|\d\d))?"),
    ("clock", r"(?P<hour>[0-2]?\d)(?::(?P<minute>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am|pm)(?:\s+(?-i:[A-Z]{2,4})\b)?"),
    ("clock", r"(?P<hour>[0-2]?\d):(?P<minute>[0-5]\d)(?:\s+(?:GMT|UTC|local\s+time|(?-i:[A-Z]{3})\b))?"),
    ("clock", r"noon|midnight"),
    ("duration", rf"{_NUM}\s+(?P<unit>{_UNIT_ALL})"),
    # "a five-year war", "the 17-year blockade", "a six-month-long siege": a length modifying a noun, never a
    # date (dateparser reads "five-year" as May and "17-year" as the 17th)
    ("duration", rf"{_NUM}-(?P<unit>{_UNIT_ALL})(?:-long)?"),
]
COMPILED = [(kind, re.compile(no_blank_lines(_B + f"(?:{pat})" + _E), re.I)) for kind, pat in PATTERNS]
_SCANNER = MultiScanner([rx for _, rx in COMPILED], lead=_B, width=3)  # each finditer's matches, but faster
_YEAR_IN = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_LEAD_PREP_RE = re.compile(rf"(?:{alternation(LEAD_PREPS)})[\s-]+$", re.I)
_DURATION_ENT = re.compile(r"^(?:\d+|[a-z]+)[\s-]+(?:" + _UNIT_ALL + r")(?:-long)?$", re.I)
#: words that make a spaCy DATE/TIME entity a time (ambiguous months such as "may" excepted)
_CALENDAR_WORDS = frozenset(
    (set(MONTHS) | set(WEEKDAYS) | set(SEASONS) | set(UNITS) | set(RELATIVE_DAYS) | PARTS_OF_DAY) - AMBIGUOUS_MONTHS)
_AGE_AFTER = re.compile(r"^[\s-]*(?:-?old|of\s+age)\b|^-long\b", re.I)


@dataclass
class Found:
    """A time expression found in the text, before resolution."""

    start: int
    end: int
    kind: str
    groups: dict[str, str | None] = field(default_factory=dict)
    future: bool = False  # the sentence puts it after the base date ("will meet on Monday", "runs until 30 April")


@dataclass
class Base:
    """The date relative expressions are resolved against, and how precisely it is known."""

    date: dt.date
    precision: str  # day | month | year


def parse_base(published: str | None, dateline: str | None) -> Base | None:
    """The published date (ISO "2023-06", "2015-12-03", "2015") or, failing that, the dateline as printed."""
    if published:
        m = re.match(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?", published.strip())
        if m:
            y = int(m.group(1))
            if m.group(3):
                return Base(dt.date(y, int(m.group(2)), int(m.group(3))), "day")
            if m.group(2):
                mo = int(m.group(2))
                return Base(dt.date(y, mo, calendar.monthrange(y, mo)[1]), "month")
            return Base(dt.date(y, 12, 31), "year")
    if dateline:
        try:
            from dateparser.date import DateDataParser

            data = DateDataParser(languages=["en"], settings={"PREFER_DAY_OF_MONTH": "last"}).get_date_data(dateline)
        except Exception:  # noqa: BLE001 - a dateline we cannot read is simply unknown
            return None
        if data and data.date_obj:
            period = data.period if data.period in ("day", "month", "year") else "day"
            d = data.date_obj.date()
            if period == "year":
                d = dt.date(d.year, 12, 31)
            return Base(d, period)
    return None


def find_times(doc: Doc) -> list[Found]:
    """Non-overlapping time expressions, longest first, then spaCy DATE/TIME entities the rules missed."""
    text = doc.text
    cands: list[Found] = []
    check_time = get_state(doc).check_time
    for (kind, _), matches in zip(COMPILED, _SCANNER.find(text), strict=True):
        check_time()
        for m in matches:
            start, end = (m.start("core"), m.end("core")) if m.groupdict().get("core") else (m.start(), m.end())
            found = Found(start, end, kind, m.groupdict())
            if _acceptable(found, text, doc):
                cands.append(found)
    cands.sort(key=lambda f: (-(f.end - f.start), f.start))
    chosen: list[Found] = []
    taken = bytearray(len(text) + 1)
    for f in cands:
        if any(taken[f.start:f.end]):
            continue
        chosen.append(f)
        taken[f.start:f.end] = b"\x01" * (f.end - f.start)
    for ent in getattr(doc, "ents", ()):
        if ent.label_ not in ("DATE", "TIME") or any(taken[ent.start_char:ent.end_char]):
            continue
        prev = re.search(r"([A-Za-z]+)\W*$", text[max(0, ent.start_char - 25):ent.start_char])
        if re.fullmatch(r"\d+", ent.text) and ((prev and _labels_number(prev.group(1)))
                                               or _counts_plural(doc, ent.start_char, ent.end_char)):
            continue  # "Resolution 2254", "Order 1267": a capitalised name before a bare number labels it
        if _spacy_ent_ok(ent.text) and not _AGE_AFTER.match(text[ent.end_char:ent.end_char + 20]) \
                and not re.match(r"^-\w", text[ent.end_char:ent.end_char + 2]) \
                and not re.search(r"\bold$", ent.text):
            chosen.append(Found(ent.start_char, ent.end_char, "spacy", {}))
            taken[ent.start_char:ent.end_char] = b"\x01" * (ent.end_char - ent.start_char)
    chosen.sort(key=lambda f: f.start)
    return chosen


def _capitalised(word: str | None) -> bool:
    return bool(word) and word[0].isupper()


def _counts_plural(doc: Doc | None, start: int, end: int) -> bool:
    """A four-digit number that modifies a plural noun counts it ("2000 people"); "the 2016 election" is a year."""
    if doc is None:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    tok = span[-1]
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if tok.dep_ == "nummod" and tok.head.tag_ in ("NNS", "NNPS") and tok.head.i > tok.i:
        return True
    return nxt is not None and nxt.tag_ in ("NNS", "NNPS") and nxt.lower_ not in MONTHS


def _acceptable(f: Found, text: str, doc: Doc | None = None) -> bool:
    """Reject matches that are ordinary words or numbers, not times."""
    g = f.groups
    surface = text[f.start:f.end]
    before = text[max(0, f.start - 20):f.start]
    after = text[f.end:f.end + 20]
    for key in ("month", "month2"):
        if g.get(key) and f.kind != "numeric" and not _capitalised(g[key]):
            return False
    if g.get("wd") and not _capitalised(g["wd"]):
        return False
    for key in ("day", "day2"):
        if g.get(key) and not 1 <= int(g[key]) <= 31:
            return False
    if f.kind == "numeric" and g.get("month") and not 1 <= int(g["month"]) <= 12:
        return False
    if f.kind == "month":
        word = g["month"].lower()
        if word in AMBIGUOUS_MONTHS or len(word) <= 3:
            # "May" / "March" alone are dates only after a temporal preposition ("in May", "since March")
            if not _LEAD_PREP_RE.search(before):
                return False
        if surface.isupper() and len(surface) <= 3:
            return False
    if f.kind == "year":
        prev = re.search(r"([A-Za-z]+)\s+$", before)
        if prev and _labels_number(prev.group(1)):
            return False
        # a four-digit number counting something ("2000 people") or part of an amount is not a year
        if re.match(r"^\s*(?:[,.]\d|%|\s*(?:per\s*cent|percent))", after) or re.search(r"[$£€]\s*$", before):
            return False
        if _counts_plural(doc, f.start, f.end) and not _LEAD_PREP_RE.search(before):
            return False
    if f.kind in ("duration", "ago", "span") and _AGE_AFTER.match(after):
        return False
    if f.kind == "span" and (g.get("spanshift") or "").lower() == "last" and \
            re.search(r"\b(?:to|will|would|could|may|might|can|should|must)\s+$", before, re.I):
        return False  # "scheduled to last 45 minutes": the verb
    if f.kind == "duration":
        num = (g.get("num") or "").lower()
        if (g.get("unit") or "").lower() == "second" and re.match(r"^\s+[a-z]", after):
            return False  # "a second round": the ordinal, not a duration
        if num in ("many", "few") and not re.search(r"(?:for|over|in)\s+$", before, re.I):
            return False
    if f.kind == "clock" and surface.lower() not in ("noon", "midnight"):
        if g.get("hour") and int(g["hour"]) > 24:
            return False
        if not g.get("ampm") and re.match(r"^\d", after or "x"):
            return False
    if f.kind == "shifted" and g.get("month") is None and g.get("wd") is None and g.get("season") is None:
        what = (g.get("what") or "").lower()
        if what in PARTS_OF_DAY and (g.get("shift") or "").lower() not in ("last", "this"):
            return False
    return True


def _labels_number(word: str) -> bool:
    """A capitalised name right before a bare number makes it a label ("Resolution 2254"), not a year."""
    return word[0].isupper() and word.lower() not in LEAD_PREPS and word.lower() not in MONTHS \
        and word.lower() not in SEASONS and word.lower() not in ("the", "and", "or", "to", "between", "around")


def _spacy_ent_ok(text: str) -> bool:
    """spaCy DATE/TIME entities are kept only when they carry a digit or a calendar word (not "now")."""
    low = text.lower()
    words = set(re.findall(r"[a-z]+", low))
    if words & _CALENDAR_WORDS:
        return True
    # digits alone: only a plain year ("2009"), never "their 40s", "Resolution 2328" or "13582"
    return bool(re.fullmatch(r"(?:the\s+)?(?:1[5-9]\d\d|20\d\d)", low))


# ---------------------------------------------------------------- resolution

def _iso(d: dt.date, precision: str) -> str:
    if precision == "year":
        return f"{d.year:04d}"
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


def _coarser(p1: str, p2: str) -> str:
    order = ["day", "month", "year"]
    return order[max(order.index(p1), order.index(p2))]


def _month_num(word: str | None) -> int | None:
    if not word:
        return None
    word = word.lower().rstrip(".")
    if word.isdigit():
        return int(word)
    return MONTHS.get(word)


def _most_recent(month: int, day: int | None, base: Base) -> dt.date:
    """The most recent date with this month (and day) on or before the base date."""
    ref = base.date
    year = ref.year
    d = day or 1
    if (month, d) > (ref.month, ref.day):
        year -= 1
    return dt.date(year, month, min(d, calendar.monthrange(year, month)[1]))


def _number(word: str | None) -> float | None:
    if not word:
        return None
    w = word.lower().replace("-plus", "").rstrip("+").replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", w):
        return float(w)
    if w in ("a", "an"):
        return 1.0
    parts = re.split(r"[- ]", w)
    if all(p in NUMBER_WORDS for p in parts):
        return float(sum(NUMBER_WORDS[p] for p in parts))
    return None


def _duration(n: float | None, unit: str) -> str | None:
    code = UNITS.get(unit.lower())
    if code is None or n is None or n != int(n):
        return None
    n = int(n)
    if code.startswith("T"):
        return f"PT{n}{code[1:]}"
    if code.endswith("0Y") and code[:-1].isdigit():  # decades, centuries
        return f"P{n * int(code[:-1])}Y"
    return f"P{n}{code}"


def resolve(f: Found, text: str, base: Base | None) -> tuple[str | None, str | None, str]:
    """(value, precision, anchor) of a found expression."""
    g = f.groups
    surface = text[f.start:f.end]
    try:
        return _resolve(f, g, surface, base)
    except (ValueError, OverflowError, KeyError, TypeError):
        return None, None, "unresolved"


def _resolve(f: Found, g: dict, surface: str, base: Base | None) -> tuple[str | None, str | None, str]:
    kind = f.kind
    if kind in ("date", "numeric"):
        month = _month_num(g.get("month"))
        day = int(g["day"]) if g.get("day") else None
        if g.get("year"):
            year = int(g["year"])
            if day is None:
                if g.get("month2"):
                    m2 = _month_num(g["month2"])
                    return f"{year:04d}-{month:02d}/{year:04d}-{m2:02d}", "month", "explicit"
                return f"{year:04d}-{month:02d}", "month", "explicit"
            d = dt.date(year, month, day)
            if g.get("day2"):
                d2 = dt.date(year, month, int(g["day2"]))
                return f"{d.isoformat()}/{d2.isoformat()}", "day", "explicit"
            return d.isoformat(), "day", "explicit"
        if base is None:
            return (f"--{month:02d}-{day:02d}" if day else f"--{month:02d}"), ("day" if day else "month"), "unresolved"
        d = next_date(month, day, base.date) if f.future else _most_recent(month, day, base)
        if g.get("day2"):
            d2 = d.replace(day=int(g["day2"]))
            return f"{d.isoformat()}/{d2.isoformat()}", "day", "dateline"
        return _iso(d, "day" if day else "month"), ("day" if day else "month"), "dateline"
    if kind == "month":
        month = _month_num(g["month"])
        if base is None:
            return f"--{month:02d}", "month", "unresolved"
        d = next_date(month, None, base.date) if f.future else _most_recent(month, None, base)
        return _iso(d, "month"), "month", "dateline"
    if kind == "season":
        return g["year"], "year", "explicit"
    if kind == "decade":
        if g.get("dec4"):
            return g["dec4"][:3] + "X", "decade", "explicit"
        dec = int(g["dec2"])
        if base is not None:
            century = base.date.year // 100
            if century * 100 + dec > base.date.year:
                century -= 1
            return f"{century * 10 + dec // 10:03d}X", "decade", "dateline"
        century = 19 if dec >= 30 else 20
        return f"{century * 10 + dec // 10:03d}X", "decade", "unresolved"
    if kind == "century":
        return f"{int(g['cent']) - 1:02d}", "century", "explicit"
    if kind == "vague_period":
        vunit = g["vunit"].lower()
        return None, {"centuries": "century", "decades": "decade"}.get(vunit), "unresolved"
    if kind == "bc":
        n = int(g["bcyear"])
        era = g["era"].upper().replace(".", "")
        return (f"-{n - 1:04d}" if era.startswith("B") else f"{n:04d}"), "year", "explicit"
    if kind in ("holiday", "set"):
        return None, None, "unresolved"
    if kind == "season_bare":
        if base is None:
            return None, None, "unresolved"
        return f"{_most_recent(SEASONS[g['season'].lower()], None, base).year:04d}", "year", "dateline"
    if kind == "year":
        if g.get("year2"):
            y2 = g["year2"]
            if len(y2) == 2:
                y2 = g["year"][:2] + y2
            return f"{g['year']}/{y2}", "year", "explicit"
        return g["year"], "year", "explicit"
    if kind == "clock":
        if g.get("hour"):
            hour = int(g["hour"]) % 24
            ampm = (g.get("ampm") or "").lower().replace(".", "")
            if ampm == "pm" and hour < 12:
                hour += 12
            if ampm == "am" and hour == 12:
                hour = 0
            return f"T{hour:02d}:{int(g.get('minute') or 0):02d}", None, "explicit"
        return ("T12:00" if surface.lower() == "noon" else "T00:00"), None, "explicit"
    if kind == "duration":
        return _duration(_number(g.get("num")), g["unit"]), None, "explicit"
    if kind == "span":
        unit = g["unit"].lower()
        n = _number(g.get("num")) if g.get("num") else (1.0 if not unit.endswith("s") else None)
        return _duration(n, unit), None, "explicit"
    if base is None:
        return None, None, "unresolved"
    ref = base.date
    if kind == "relday":
        offset = RELATIVE_DAYS[g["rel"].lower()]
        if surface.lower().startswith("the day before"):
            offset -= 1
        elif surface.lower().startswith("the day after"):
            offset += 1
        d = ref + dt.timedelta(days=offset)
        return _iso(d, base.precision), base.precision, "dateline"
    if kind == "weekday":
        if base.precision != "day":
            return None, "day", "unresolved"
        wd = WEEKDAYS[g["wd"].lower()]
        if f.future:  # "will meet on Monday": the next one, a week on when the base is that weekday
            return (ref + dt.timedelta(days=(wd - ref.isoweekday()) % 7 or 7)).isoformat(), "day", "dateline"
        d = ref - dt.timedelta(days=(ref.isoweekday() - wd) % 7)
        return d.isoformat(), "day", "dateline"
    if kind == "ago":
        n = _number(g.get("num"))
        unit = UNITS.get(g["unit"].lower(), "")
        if n is None or n != int(n):
            return None, None, "unresolved"
        n = int(n) * (-1 if g["dir"].lower() in ("ago", "earlier", "before") else 1)
        if unit in ("Y", "10Y", "100Y"):
            mult = {"Y": 1, "10Y": 10, "100Y": 100}[unit]
            return f"{ref.year + n * mult:04d}", "year", "dateline"
        if unit == "M":
            months = ref.year * 12 + ref.month - 1 + n
            d = dt.date(months // 12, months % 12 + 1, 1)
            prec = _coarser("month", base.precision)
            return _iso(d, prec), prec, "dateline"
        days = {"D": 1, "W": 7}.get(unit)
        if days is None:
            return _iso(ref, base.precision), base.precision, "dateline"
        d = ref + dt.timedelta(days=n * days)
        return _iso(d, base.precision), base.precision, "dateline"
    if kind == "shifted":
        shift = SHIFTS[g["shift"].lower()]
        what = (g.get("what") or "").lower()
        if g.get("month"):
            month = _month_num(g["month"])
            d = _most_recent(month, None, base)
            if shift > 0:
                d = dt.date(d.year + 1, month, 1)
            elif shift < 0 and month == ref.month:
                d = dt.date(d.year - 1, month, 1)
            return _iso(d, "month"), "month", "dateline"
        if g.get("season") and shift:
            # "last autumn" / "next spring": the season before or after the latest one begun by the base date;
            # "last" inside a season that is still going on ("last spring" in April) is the year before's
            month = SEASONS[g["season"].lower()]
            begun = _most_recent(month, None, base).year
            ongoing = (ref.month - month) % 12 < 3
            year = begun + 1 if shift > 0 else (begun - 1 if ongoing else begun)
            return f"{year:04d}", "year", "dateline"
        if what == "year":
            return f"{ref.year + shift:04d}", "year", "dateline"
        if what == "day":
            d = ref + dt.timedelta(days=shift)
            return _iso(d, base.precision), base.precision, "dateline"
        if what == "month":
            months = ref.year * 12 + ref.month - 1 + shift
            d = dt.date(months // 12, months % 12 + 1, 1)
            prec = _coarser("month", base.precision)
            return _iso(d, prec), prec, "dateline"
        if base.precision != "day":
            return _iso(ref, base.precision), base.precision, "dateline"
        if what in ("week", "weekend"):
            y, w, _ = (ref + dt.timedelta(days=7 * shift)).isocalendar()
            return f"{y:04d}-W{w:02d}", None, "dateline"
        if g.get("wd"):
            wd = WEEKDAYS[g["wd"].lower()]
            if shift <= 0:
                back = (ref.isoweekday() - wd) % 7 or (7 if shift < 0 else 0)
                return (ref - dt.timedelta(days=back)).isoformat(), "day", "dateline"
            fwd = (wd - ref.isoweekday()) % 7 or 7
            return (ref + dt.timedelta(days=fwd)).isoformat(), "day", "dateline"
        if what in PARTS_OF_DAY:
            d = ref - dt.timedelta(days=1) if shift < 0 and what == "night" else ref
            return d.isoformat(), "day", "dateline"
        return _iso(ref, "year"), "year", "dateline"
    if kind == "spacy":
        return _dateparser_value(surface, base)
    return None, None, "unresolved"


@functools.lru_cache(maxsize=16)
def _date_parser(relative_base: dt.datetime | None):
    """One dateparser parser per relative base: building one costs far more than using it."""
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if relative_base is not None:
        settings["RELATIVE_BASE"] = relative_base
    return DateDataParser(languages=["en"], settings=settings)


def _dateparser_value(surface: str, base: Base | None) -> tuple[str | None, str | None, str]:
    """Fall back on dateparser for spaCy's DATE/TIME entities the rules do not model."""
    if m := re.fullmatch(r"(?:the\s+)?(1[5-9]\d\d|20\d\d)", surface.strip()):
        return m.group(1), "year", "explicit"
    try:
        relative = dt.datetime.combine(base.date, dt.time()) if base is not None else None
        data = _date_parser(relative).get_date_data(surface)
    except Exception:  # noqa: BLE001 - dateparser failing on odd text leaves the time unresolved
        return None, None, "unresolved"
    if not data or data.date_obj is None:
        return None, None, "unresolved"
    explicit = bool(_YEAR_IN.search(surface))
    if base is None and not explicit:
        return None, None, "unresolved"
    period = {"time": "day", "week": "day"}.get(data.period, data.period)
    if period not in ("day", "month", "year"):
        period = "day"
    if not explicit and base is not None:
        period = _coarser(period, base.precision)
    return _iso(data.date_obj.date(), period), period, ("explicit" if explicit else "dateline")


@Language.factory(
    "claimgraph_times",
    requires=["doc.ents"],
    assigns=["doc._.cg_times"],
)
def make_times(nlp: Language, name: str) -> TimesComponent:
    return TimesComponent()


class TimesComponent:
    """Finds and resolves times; never raises on text (an expression it cannot resolve stays unresolved)."""

    def __call__(self, doc: Doc) -> Doc:
        state = get_state(doc)
        try:
            self._run(doc, state)
        except Exception as exc:  # noqa: BLE001 - a component never raises on text
            report_failure(doc, "claimgraph_times", exc)
        return doc

    def _run(self, doc: Doc, state) -> None:
        base = parse_base(state.meta.published, state.meta.dateline)
        spans = state.extra.setdefault("time_spans", [])
        text = doc.text  # spaCy rebuilds doc.text on every read: once per document, not per item
        found = find_times(doc)  # once: also what the head's date (no published date or dateline) is read from
        head = base or head_base(doc, found)  # before the loop below marks future expressions, as if read afresh
        for f in found:
            state.check_time()
            if f.kind in ("date", "numeric", "month", "weekday") and not f.groups.get("year"):
                f.future = future_clause(doc, f.start, f.end)
            value, precision, anchor = resolve(f, text, head)
            anchor = "unresolved" if value is None else ("context" if base is None and anchor == "dateline" else anchor)
            kind = "duration" if f.kind in ("duration", "span", "vague_period") or (
                f.kind == "spacy" and _DURATION_ENT.search(text[f.start:f.end])) else "point"
            spans.append((f.start, f.end, kind))
            state.add("times", Time(id=state.new_id("times"), text=text[f.start:f.end], span=(f.start, f.end),
                                    value=value, precision=precision, anchor=anchor))
