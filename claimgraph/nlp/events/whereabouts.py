"""Where a report mostly is: the place its events take when their own sentences name none.

A mention counts only where it names a place something could happen at: not a word inside a longer name ("the
Syrian Observatory"), not a people or a thing described by where it comes from ("Lebanese pilgrims", "the Syrian
regime"), not where someone is based or the far side of a border ("a UK-based monitor", "near the Turkish
border"), not the wire dateline (where the report was filed; also a town in capitals before the first sentence).
When the place named most that way is a country and one town or province of it is named again and again ("air
strikes in Syria ... Raqqa ... in Raqqa"), the report is about that town: its unplaced acts are there (ACLED codes
the most specific place the report gives), unless towns of different provinces are named as often (a round-up of
the country's violence stays at the country).
"""

from __future__ import annotations

from spacy.tokens import Doc

from claimgraph.contract import Place
from claimgraph.nlp.events.arguments import (
    dateline_like,
    dateline_span,
    elsewhere,
    inside_name,
    qualifies_non_place,
)
from claimgraph.nlp.events.lexicon import lex_place_nouns
from claimgraph.nlp.state import DocState

#: a town or province of the main country is the report's place once named this many times as a place ...
TOWN_MIN = 2
#: ... and at least this share of the country's own count
TOWN_SHARE = 0.25


def locative_counts(state: DocState, doc: Doc) -> dict[str, int]:
    """Per place id, how many of its mentions name it as a place something could happen at."""
    dateline = dateline_span(state)
    nouns = lex_place_nouns()
    counts: dict[str, int] = {}
    for place in state.items.get("places", []):
        n = 0
        for s, e in place.mentions:
            if (dateline is not None and dateline[0] <= s < dateline[1]) or dateline_like(doc, s, e):
                continue
            if inside_name(state, s, e, doc) or elsewhere(doc, s, e) or qualifies_non_place(doc, s, e, nouns):
                continue
            n += 1
        counts[place.id] = n
    return counts


def main_place(state: DocState, doc: Doc) -> str | None:
    """The id of the place the report mostly is at (see the module doc), or None when it names no place."""
    places = [p for p in state.items.get("places", []) if not all(inside_name(state, s, e, doc) for s, e in p.mentions)]
    if not places:
        return None
    counts = locative_counts(state, doc)
    first = {p.id: min((s for s, _ in p.mentions), default=10**9) for p in places}
    if not any(counts.get(p.id) for p in places):
        # no mention reads as a place: the most named place, as long as not only as a neighbour, a base or a border
        usable = [p for p in places
                  if not all(elsewhere(doc, s, e) or dateline_like(doc, s, e) for s, e in p.mentions)]
        return max(usable, key=lambda p: (len(p.mentions), -first[p.id])).id if usable else None
    # the country the report is in: its own mentions and its towns' and provinces' together
    weight: dict[str, int] = {}
    for p in places:
        weight[p.country or p.id] = weight.get(p.country or p.id, 0) + counts[p.id]
    home = max(places, key=lambda p: (weight[p.country or p.id], -first[p.id]))
    if not home.country:
        return home.id  # a sea, a region of no one country
    inside = [p for p in places if p.country == home.country]
    country = next((p for p in inside if p.feature == "country"), None)
    towns = [p for p in inside if p.feature != "country"]
    named = counts[country.id] if country is not None else 0
    often = [p for p in towns if counts[p.id] >= max(TOWN_MIN, TOWN_SHARE * named)]
    if often:
        most = max(counts[p.id] for p in often)
        best = [p for p in often if counts[p.id] == most]
        if _one_province(best):
            return min(best, key=lambda p: first[p.id]).id
        if country is not None:
            return country.id  # towns of several provinces named as often: a round-up of the country
    if country is not None and named:
        return country.id
    return max(towns or inside, key=lambda p: (counts[p.id], -first[p.id])).id


def _one_province(places: list[Place]) -> bool:
    """Do the places lie in one province (the same admin1, or a province and what lies in it)?"""
    provinces = {p.admin1 or p.name for p in places}
    return len(provinces) == 1 or any(all((q.admin1 or q.name) in (p.name, p.admin1) for q in places) for p in places)
