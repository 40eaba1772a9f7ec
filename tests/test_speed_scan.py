"""`MultiScanner` finds exactly what each pattern's own `finditer` finds (times patterns, hedges), on real
articles and on text made to trip it: matches at the text's ends, in a window, overlapping candidates,
a case-sensitive pattern among case-insensitive ones, patterns whose first characters are not worked out."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from claimgraph.nlp.attribution.claims import HEDGE_LEAD
from claimgraph.nlp.attribution.lexicon import lexicon as attribution_lexicon
from claimgraph.nlp.shared.scan import MultiScanner, prefixes
from claimgraph.nlp.times import _B, COMPILED

ROOT = Path(__file__).resolve().parents[1]
TRICKY = (
    "May 5-7, 2015: On Tuesday, 12 November 2019 (11/12/2019, 2019-11-12) at 10:30 p.m. GMT, the 1990s "
    "and the '80s, the 19th century, mid-March and late 2016-17, a few days ago, the past 48 hours, "
    "reportedly, Reportedly, it is said, I think, i think, may, MAY, allegedly\u2019s, ill-judged maybe. "
    "3rd-century BCE 300 BC; every Monday; since the early spring; this Christmas; last Ramadan; noon. 2016"
)


def texts() -> list[str]:
    out = [(ROOT / "examples" / "southfront-turkmen-mountain.txt").read_text("utf-8"), TRICKY]
    for line in (ROOT / "examples" / "articles.jsonl").read_text("utf-8").splitlines():
        out.append(json.loads(line)["text"])
    return out


def same(found: list[list[re.Match[str]]], patterns: list[re.Pattern[str]], text: str, pos: int = 0,
         endpos: int | None = None) -> None:
    for pattern, matches in zip(patterns, found, strict=True):
        want = list(pattern.finditer(text, pos, len(text) if endpos is None else endpos))
        assert [(m.span(), m.groups()) for m in matches] == [(m.span(), m.groups()) for m in want], pattern.pattern


@pytest.mark.parametrize("width", [1, 2, 3])
def test_times_patterns_match_as_their_finditer(width: int) -> None:
    patterns = [rx for _, rx in COMPILED]
    scanner = MultiScanner(patterns, lead=_B, width=width)
    assert not scanner._plain  # every times pattern is indexed (else this test would prove little)
    for text in texts():
        same(scanner.find(text), patterns, text)
        same(scanner.find(text, 7, len(text) - 5), patterns, text, 7, len(text) - 5)  # a window cuts matches


def test_hedges_match_as_their_finditer_in_every_claim_window() -> None:
    patterns = [p for p, _ in attribution_lexicon().hedges]
    scanner = MultiScanner(patterns, lead=HEDGE_LEAD, width=3)
    assert any(p.flags & re.I == 0 for p in patterns)  # the case-sensitive "I ..." hedges run as they are
    found_any = False
    for text in texts():
        for s in range(0, len(text), 97):
            e = min(len(text), s + 240)
            found = scanner.find(text, s, e)
            same(found, patterns, text, s, e)
            found_any = found_any or any(found)
    assert found_any


def test_unknown_first_characters_and_empty_matches_fall_back_to_finditer() -> None:
    patterns = [re.compile(r"(?<!\w)(?:.ay)"), re.compile(r"(?<!\w)(?:x*)"), re.compile(r"(?<!\w)(?:(a)\1)"),
                re.compile(r"(?<!\w)(?:[^\s\d]ay)"), re.compile(r"(?<!\w)(?:ma|m)(?:y|ay)?"),
                re.compile(r"(?<!\w)(?:may)", re.I), re.compile(r"(?<!\w)m|ay"), re.compile(r"(?<!\w)^ma", re.M)]
    assert prefixes(patterns[0], 2) is None and prefixes(patterns[1], 2) is None  # any character; empty
    scanner = MultiScanner(patterns, lead=r"(?<!\w)", width=3)
    # a back-reference; the look-behind in one branch; other flags than case. Case-insensitive "may" is indexed:
    # the lead has no letter, so it holds at the same places with or without re.I
    assert scanner._plain == [0, 1, 2, 6, 7]
    text = "may day, Say aa MAY mamay m! ma\nmay"
    same(scanner.find(text), patterns, text)
    same(scanner.find(text, 3, 20), patterns, text, 3, 20)
    cased = [re.compile(r"(?<!a)b"), re.compile(r"(?<!a)b", re.I)]  # under re.I the lead also refuses "A"
    scanner = MultiScanner(cased, lead="(?<!a)")
    assert scanner._plain == [1]
    same(scanner.find("Ab ab b AB"), cased, "Ab ab b AB")


def test_a_counted_repeat_longer_than_the_width_gives_its_first_characters() -> None:
    """`\\d{4}` opens with three digits, not with anything: the ISO date pattern is tried only where a digit
    stands, and still finds what its finditer finds."""
    digit = (False, r"\d")
    assert prefixes(re.compile(r"(?:\d{4})-\d\d"), 3) == {(digit, digit, digit)}
    assert prefixes(re.compile(r"(?:ab){2,5}c"), 3) == {((False, "a"), (False, "b"), (False, "a"))}
    patterns = [re.compile(r"(?<!\w)(?:(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d))(?!\w)"), re.compile(r"(?<!\w)(?:may)")]
    scanner = MultiScanner(patterns, lead=r"(?<!\w)", width=3)
    assert scanner._plain == [] and scanner._tried("may") == (1,) and scanner._tried("201") == (0,)
    text = "On 2024-03-05 and 1999-12-31x, may 12345-01-01 2024-1-05"
    same(scanner.find(text), patterns, text)
    assert [m.group() for m in scanner.find(text)[0]] == ["2024-03-05"]


def test_a_conditional_opens_with_either_branch() -> None:
    """`(?(btw)and|or)`: the first characters of either branch (the figures pattern's range separator after a
    one-digit figure). Before, a conditional left the pattern to run as it is."""
    pattern = re.compile(r"(?<!\w)(?:(?P<btw>between\s+)?\d(?(btw)\s+and\s+|\s*-\s*)\d)(?!\w)", re.I)
    assert prefixes(pattern, 3) is not None
    scanner = MultiScanner([pattern], lead=r"(?<!\w)", width=3)
    assert scanner._plain == []
    text = "Between 2 and 5 died; 3-4 hurt, between 6 - 7 fled, 8 and 9 left, BETWEEN 1 AND 2"
    same(scanner.find(text), [pattern], text)
    assert [m.group() for m in scanner.find(text)[0]] == ["Between 2 and 5", "3-4", "6 - 7", "BETWEEN 1 AND 2"]


FIGURES = ("Between 250 and 500 people fled; more than 1,200 were hurt, about 3 500 homes and $4.5 million lost. "
           "On May 22 300 migrants drowned, a two-front war, dozens of them, half of the 12-15 villages, "
           "three quarters of the town, tel. +44 20 7946 0958, (3) a 5-5 ruling, some 60 km from Aleppo.")


def test_searcher_gives_what_search_gives_from_every_position() -> None:
    """The figures reader searches again from inside a match (a date's day, "May 22 300"): `searcher(text)(pos)`
    is `pattern.search(text, pos)` for every `pos`, for the indexed figures pattern and for a pattern run as it is."""
    from claimgraph.nlp.quantities.figures import _QUANTITY_SCAN, QUANTITY_RE

    assert _QUANTITY_SCAN._plain == []  # indexed (else this test would prove little)
    plain = re.compile(r"(?<!\w)(?:.ay)")
    fallback = MultiScanner([plain], lead=r"(?<!\w)")
    assert fallback._plain == [0]
    for text in [FIGURES, TRICKY, *texts()[:3]]:
        search, other = _QUANTITY_SCAN.searcher(text), fallback.searcher(text)
        step = 1 if len(text) < 1000 else 11
        for pos in range(0, len(text) + 2, step):
            want, got = QUANTITY_RE.search(text, pos), search(pos)
            assert (want and (want.span(), want.groupdict())) == (got and (got.span(), got.groupdict())), (text, pos)
            want, got = plain.search(text, pos), other(pos)
            assert (want and want.span()) == (got and got.span())


@pytest.mark.parametrize("lead", [_B, HEDGE_LEAD, r"(?<![\w.,$£€¥₹₽-])(?<![\w][-–])"])
def test_a_start_found_as_the_character_after_gives_the_look_behinds_matches(lead: str) -> None:
    """A lead opening with a one-character look-behind is run as that character consumed (`[^...]`, skipped in C
    over the letters of words): the matches stay those of each pattern's `finditer`, in every window, a window
    starting just after a word or a currency sign (the look-behind sees before the window), and at the text's
    first character, which has none before it."""
    words = [rf"{lead}(?:\d+(?:[.,]\d+)?|one|two|three|dozens?|some)\b", rf"{lead}(?i:may|reportedly|\$\d+)"]
    patterns = [re.compile(p) for p in words]
    scanner = MultiScanner(patterns, lead=lead, width=3)
    assert scanner._after is not None and not scanner._plain  # the path under test
    for text in [FIGURES, "12 dead", "some 40, $5 or 2.5 - two-3 said x-12 one", *texts()[:2]]:
        same(scanner.find(text), patterns, text)
        for s in range(0, min(len(text), 400)):
            same(scanner.find(text, s, min(len(text), s + 60)), patterns, text, s, min(len(text), s + 60))
