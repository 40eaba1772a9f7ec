"""The report's date printed at the head of a text: the one rule for which date stands alone there (issue 13).

A date on its own line or before the lead's first clause ("Sat 9 Apr 2022 Militia fighters seized ...",
"Posted: 14 May 2019", "ANA Tuesday 2 Feb 2021 Shells hit ...") is the report's; a date inside a sentence's clause
("the war that began on 15 March 2011 has killed ...") is history the lead recalls. Plain text only, so that the
times component (times_head.py) and the events component (over the times emitted) share it without importing
each other.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from claimgraph.data import read_rows

#: how far into the text a date still counts as printed at its head
HEAD_CHARS = 300

_WORD = re.compile(r"[^\W\d_]+")
#: what may follow a standing date on its line: nothing, a punctuation mark closing it, or a new sentence's capital
_AFTER = re.compile(r"\s*(?:$|[.\-\u2013\u2014|:;)\]]|,?\s*[A-Z])")


@functools.lru_cache(maxsize=1)
def _labels() -> frozenset[str]:
    """Header labels that may stand before a head date on its line (events_head_labels.tsv), lower-cased."""
    return frozenset(" ".join(_WORD.findall(row[0].lower())) for row in read_rows("events_head_labels.tsv"))


@functools.lru_cache(maxsize=1)
def _weekdays() -> frozenset[str]:
    return frozenset(row[1].lower() for row in read_rows("times_lexicon.tsv", header=False)
                     if len(row) > 1 and row[0] == "weekday")


@functools.lru_cache(maxsize=4096)
def _weekday(word: str) -> bool:
    """A weekday's name or its abbreviation ("Fri", "Tues"). Remembered per word: the events component asks about
    the head's words for every event (`head_date`), each answer a scan of the weekdays."""
    w = word.lower()
    return len(w) >= 3 and any(day.startswith(w) for day in _weekdays())


def stands_at_head(text: str, start: int, end: int) -> bool:
    """Does the date at text[start:end] stand alone at the head: near the top, preceded on its line only by a
    header label, a weekday or an agency's capitals ("AFP"), and followed by nothing, a closing mark or a new
    sentence, not by the rest of a clause ("... began on 15 March 2011 has killed ...")?"""
    if start >= HEAD_CHARS:
        return False
    prefix = text[text.rfind("\n", 0, start) + 1:start]
    rest = " ".join(w.lower() for w in _WORD.findall(prefix) if not w.isupper() and not _weekday(w))
    if rest and rest not in _labels():
        return False
    line_end = text.find("\n", end)
    return _AFTER.match(text[end:line_end if line_end >= 0 else len(text)]) is not None


def head_date(text: str, dated: Iterable[tuple[int, int, str | None]]) -> str | None:
    """The report's date printed at the head: the first date (start, end, ISO value), in text order, given to the
    day with its year that stands alone at the head (`stands_at_head`)."""
    for start, end, value in dated:
        if start >= HEAD_CHARS:
            break
        if value and len(value) == 10 and value[:4].isdigit() and stands_at_head(text, start, end):
            return value
    return None
