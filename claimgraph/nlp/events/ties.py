"""Which of two places named together is where an event happened: the town the sentence ties to the place nearest
its trigger. "An air strike on X in Y province", "X, Y", "X in the Y countryside": Y holds X; "X, near Y", "X, a
town near Y", "X on the outskirts of Y", "X, a suburb of Y": Y only says where X is. Either way the event is at X,
the most specific place the text names as the act's own (issue 13), not at the province, region or better-known
city beside it."""

from __future__ import annotations

import functools
import re

from claimgraph.data import read_rows
from claimgraph.nlp.shared.numbers_data import read_tsv

#: words between a town and the place holding it ("X in the Y countryside", "X, Y")
_TIES = frozenset({",", "in", ", in"} | {f"{c}in {w}" for c in ("", ", ") for w in (
    "the", "northern", "southern", "eastern", "western", "the northern", "the southern", "the eastern", "the western",
    "northwestern", "northeastern", "southwestern", "southeastern")})
#: place features that can be an act's own site
_SITES = ("city", "district", "facility", "landform")


@functools.lru_cache(maxsize=1)
def _near_pattern() -> re.Pattern[str]:
    """Words between X and Y saying X lies near Y (events_place_near.tsv): an optional site noun with up to two
    words before it ("a small rebel-held town near") and a setting after it ("a town in the countryside near"), an
    optional distance in figures or words with a hedge before it and a bracketed aside after it ("some 30 km (19
    miles) north of", "ten miles from", "a few kilometres east of"), a relation ("near", "north of") or, after a
    distance only, a bare one ("10 miles from"), then an optional site noun naming the second place ("near the city
    of")."""
    rows = read_rows("events_place_near.tsv")

    def alt(kind: str) -> str:
        words = sorted((r[0].lower() for r in rows if r[1] == kind), key=len, reverse=True)
        return "|".join(re.escape(w).replace(r"\ ", " ") for w in words)

    hedge = rf"(?:(?:{alt('hedge')}) )?"
    count = _count_pattern()
    setting = rf"(?:in the (?:[\w-]+ )?(?:{alt('setting')}) ,? ?)?"
    site = rf"(?:(?:a|an|the) (?:[\w-]+ ){{0,2}}(?:{alt('site')}) ?,? {setting})?"
    length = rf"{hedge}{count} ?(?:{alt('unit')}) (?:\([^()]*\) )?"
    relation = rf"(?:(?:{length})?{hedge}(?:{alt('relation')})|{length}(?:{alt('distance')}))"
    named = rf"(?: (?:the )?(?:[\w-]+ )?(?:{alt('site')}) of)?"  # "near the city of Y"
    suburb = rf"(?:a|an|the) (?:[\w-]+ ){{0,2}}(?:{alt('site')}) of"  # "X, a suburb of Y"
    return re.compile(rf",? ?(?:{site}{relation}{named}|{suburb})")


def _count_pattern() -> str:
    """A distance's count in figures or in words: "20", "2.5", "ten", "twenty-five", "two hundred", "a few",
    "several", "a couple of", "a" ("a mile from"). Number words from number_words.tsv (units and scales), vague
    counts from vague_numbers.tsv: the quantities component's own words."""
    numbers = sorted((r[0].lower() for r in read_tsv("number_words.tsv") if len(r) >= 3 and r[2] in ("unit", "scale")),
                     key=len, reverse=True)
    vague = sorted((r[0].lower() for r in read_tsv("vague_numbers.tsv") if len(r) >= 3), key=len, reverse=True)
    word = "|".join(re.escape(w) for w in numbers)
    several = "|".join(re.escape(w).replace(r"\ ", " ") for w in vague)
    return rf"(?:\d+(?:\.\d+)?|(?:{word})(?:[ -](?:and )?(?:{word}))*|(?:{several})(?: of)?|an?)"


def _between(text: str, end: int, start: int) -> str:
    return " ".join(text[end:start].replace(",", " , ").split()).replace(" ,", ",").lower()


def town_tied_to(text: str, outer: tuple, found: list[tuple]) -> str | None:
    """The id of a town named just before the chosen place (`outer`) as lying in it or near it, if any. Rows of
    `found` and `outer`: (distance, place id, outside clause, start, end, Place)."""
    big = outer[5]
    for _dist, pid, _out, _ms, me, small in found:
        if small is big or me > outer[3] or small.feature not in _SITES:
            continue
        if _near_pattern().fullmatch(_between(text, me, outer[3])) and (
                not small.country or not big.country or small.country == big.country):
            return pid  # "X, near Y": the act at X, Y only says where X is
    after = text[outer[4]:outer[4] + 6]
    if big.feature not in ("country", "admin1", "admin2", "region") and after.startswith((", ", " and ")):
        return None  # a list of towns ("X, Y and Z"), not a town and its container
    for _dist, pid, _out, _ms, me, small in found:
        if small is big or me > outer[3] or small.feature not in _SITES:
            continue
        if _between(text, me, outer[3]) not in _TIES or small.country != big.country:
            continue
        if big.feature == "country" or (small.admin1 is not None and small.admin1 == big.admin1):
            return pid
    return None
