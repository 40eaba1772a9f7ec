"""Printed dates in article headers -> ISO 8601 at the precision printed ("JUNE 2023" -> "2023-06").

Only the forms that news pages print as a dateline are recognised; a date mentioned in a sentence is the
times component's business, not ingest's. Each pattern matches from the start of a string so the caller can
tell a date line ("Wed 19 Apr 2017 13.47 BST") from a run-on dateline ("Wed 05 Apr 2017 Syria attack ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = (r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d)"
# clock times and zones that follow a printed date: "13.47 BST", "10:12 AM", "1849 UTC+3", "/ 7 years ago"
_TIME = (
    r"(?:\s*(?:[/|,\-–—]|at)?\s*(?:[0-2]?\d[:.h][0-5]\d|[0-2]\d[0-5]\d(?=\s*[A-Z]{2,5}))(?:\s*(?i:[ap]\.?m\.?))?"
    r"(?:\s*[A-Z]{2,5}(?:[+-]\d{1,2})?)?(?:\s*[/|]\s*(?i:updated\s+)?\d+\s+\w+\s+ago)?)?"
)
_TIME_RE = re.compile(_TIME)

_FORMS = [
    # Wed 19 Apr 2017 / 3 December 2015 / Wednesday, 07 December 2016
    re.compile(rf"{_WEEKDAY}?{_DAY}\s+{_MONTH},?\s+{_YEAR}", re.I),
    # April 5, 2017 / Fri Sep 27 2013 / Thursday, April 6, 2017
    re.compile(rf"{_WEEKDAY}?{_MONTH}\s+{_DAY},?\s+{_YEAR}", re.I),
    # JUNE 2023 / June, 2023
    re.compile(rf"{_MONTH},?\s+{_YEAR}", re.I),
    # 2017-04-05 (optionally with a time: 2017-04-05T10:12:00Z)
    re.compile(r"(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?:T[0-2]\d:[0-5]\d(?::[0-5]\d)?"
               r"(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?)?\b"),
    # 24.08.2013, 15-09-2013 (day first: the European and Russian convention; US pages print month names;
    # slashed dates are left alone, their order cannot be told)
    re.compile(r"(?P<day>[0-3]?\d)([.-])(?P<month>[01]?\d)\2(?P<year>(?:19|20)\d\d)(?!\d)"),
]


@dataclass(frozen=True)
class PrintedDate:
    text: str       # as printed, without trailing clock time
    iso: str        # "2023-06" or "2017-04-19"
    end: int        # where the date (with any clock time after it) ends in the input


def _iso(year: str, month: str, day: str | None) -> str | None:
    m = MONTHS.get(month.lower().rstrip(".")) if not month.isdigit() else int(month)
    if not m or not 1 <= m <= 12:
        return None
    if day is None:
        return f"{int(year):04d}-{m:02d}"
    try:
        return date(int(year), m, int(day)).isoformat()
    except ValueError:
        return None


def match_date(text: str, pos: int = 0) -> PrintedDate | None:
    """The printed date starting exactly at `pos`, or None."""
    for form in _FORMS:
        m = form.match(text, pos)
        if not m:
            continue
        iso = _iso(m.group("year"), m.group("month"), m.groupdict().get("day"))
        if iso is None:
            continue
        end = m.end()
        tm = _TIME_RE.match(text, end)
        full_end = tm.end() if tm and tm.group().strip() else end
        return PrintedDate(text=text[pos:end], iso=iso, end=full_end)
    return None


def parse_iso(value: str | None) -> str | None:
    """Normalise a metadata date ("2017-04-05T10:12:00Z", "April 5, 2017") to ISO at its precision."""
    if not value:
        return None
    value = value.strip()
    m = re.fullmatch(r"((?:19|20)\d\d)(?:-([01]\d)(?:-([0-3]\d))?)?(?:[T ].*)?", value)
    if m:
        year, month, day = m.groups()
        if month is None:
            return year
        return _iso(year, month, day)
    found = match_date(value)
    return found.iso if found else None
