"""Name helpers both the entities and the attribution components read (they know one another only through
nlp.shared and the state)."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token


def leading_date(span: Iterable[Token], calendar: frozenset[str]) -> int:
    """How many tokens at the start of `span` are a date ("13 Jun 2016", "Mon 13 June", "June 13, 2016"): a run of
    numbers, commas and calendar words holding a calendar word and a number (a day or a year: "Jan Kowalski" and
    "Monday Ruiz" open with no date); 0 when the span does not open with one."""
    n, word, number = 0, False, False
    for t in span:
        if t.text in calendar:
            word = True
        elif t.like_num:
            number = True
        elif t.text != ",":
            break
        n += 1
    return n if word and number else 0

