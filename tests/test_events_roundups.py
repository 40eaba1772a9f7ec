"""Round-ups: one report listing the day's attacks city by city ("In X, ... In Y, ...", "Meanwhile in Y ...").

Invented articles (towns of Iraq, Yemen and Afghanistan, none copied from a benchmark), written before the rule
they test. A news agency's daily list tells different incidents in different towns, often with the same small
toll ("wounding two people" twice): two listings placed in different settlements farther apart than one
happening's radius (neither inside the other) are two incidents, whatever toll, time or headline they share,
whichever pass of `merge_incidents` compares them. What stays one incident: a town and its province, one
incident told twice at one place, and a headline that names no place joining the first listing.

Before the rule: different towns kept apart 1/5 (the source in one city speaking of another 1/2), the headline
joining a listing 1/1, one incident kept 4/4.
"""

from __future__ import annotations

import pytest
from conftest import assert_spans_exact

from claimgraph.contract import Analysis, Event
from claimgraph.corpus.linking.incidents import RADIUS_KM
from claimgraph.ingest import prepare
from claimgraph.nlp.events import incidents

VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}


def _analyze(analyzer, text: str) -> Analysis:
    analysis = analyzer.analyze_article(prepare(text))
    assert_spans_exact(analysis)
    return analysis


def _told(event: Event) -> list[tuple[int, int]]:
    return [tuple(event.span), *(tuple(m) for m in event.mentions)]


#: (round-up, {town: a phrase only that town's listing holds})
ROUNDUPS: list[tuple[str, dict[str, str]]] = [
    ("Shelling wounds civilians in two cities\n\n"
     "Two people were wounded on Sunday when militants fired mortar shells at a residential neighbourhood of "
     "Kirkuk, police said. Meanwhile in Mosul, mortar shells fired by militants hit a school, wounding two "
     "children and a teacher. Meanwhile in Tikrit, an explosive device went off near a mosque, damaging its wall.",
     {"Kirkuk": "residential neighbourhood of Kirkuk", "Mosul": "Meanwhile in Mosul, mortar shells"}),
    ("Rocket attacks wound civilians in Mosul and Kirkuk\n\n"
     "A source at Mosul Police Command said that militants hiding in nearby orchards fired rockets at the "
     "al-Zuhur neighbourhood on Monday, injuring two people. In a separate statement, police said two people were "
     "injured on Monday when rockets fired by militants hit a bus station in Kirkuk.",
     {"Mosul": "fired rockets at the al-Zuhur", "Kirkuk": "hit a bus station in Kirkuk"}),
    ("Mortar shells wound six in Baghdad and Basra\n\n"
     "A police source in Baghdad told reporters that militants fired mortar shells at a market in Basra on Monday, "
     "wounding three people. In Baghdad, mortar shells hit a bus station on Monday, wounding three people.",
     {"Basra": "at a market in Basra", "Baghdad": "In Baghdad, mortar shells"}),
    ("Attacks kill four and wound seven\n\n"
     "Militants fired rockets at a crowded street in Kandahar on Thursday, killing four people, officials said. "
     "In Herat, rockets fired by militants hit a school on Thursday, wounding seven students.",
     {"Kandahar": "crowded street in Kandahar", "Herat": "In Herat, rockets"}),
    ("Shelling wounds six in two towns\n\n"
     "Meanwhile in Hodeidah, rebels shelled a residential area on Friday, wounding three people. Meanwhile in "
     "Taiz, rebel shelling hit a hospital on Friday, wounding three people, medics said.",
     {"Hodeidah": "rebels shelled a residential", "Taiz": "rebel shelling hit a hospital"}),
]


@pytest.mark.parametrize("text,towns", ROUNDUPS, ids=[t.split("\n")[0][:40] for t, _ in ROUNDUPS])
def test_listings_of_different_towns_stay_apart(analyzer, text: str, towns: dict[str, str]) -> None:
    analysis = _analyze(analyzer, text)
    names = {p.id: p.name for p in analysis.places}
    where = {town: (text.index(phrase), text.index(phrase) + len(phrase)) for town, phrase in towns.items()}
    events = [e for e in analysis.events if e.type in VIOLENT]
    for event in events:  # no incident is told in the listings of two towns
        told_in = {town for town, (s, e) in where.items() if any(a < e and s < b for a, b in _told(event))}
        assert len(told_in) <= 1, (event.text, told_in)
    placed = {names.get(e.place or "") for e in events}
    assert set(towns) <= placed, placed


def test_headline_naming_no_place_joins_a_listing(analyzer) -> None:
    text = ROUNDUPS[3][0]
    analysis = _analyze(analyzer, text)
    headline = (0, len("Attacks"))
    assert any(headline in _told(e) for e in analysis.events)
    assert not any(tuple(e.span) == headline and not e.mentions for e in analysis.events)


#: (report of one incident, how many events of violence it holds)
ONE_INCIDENT: list[tuple[str, int]] = [
    ("Rockets wound five in Kirkuk province\n\n"
     "Rockets fell on the town of Hawija in Kirkuk province on Monday, wounding five people, a local official "
     "said. The rockets damaged several houses in Hawija.", 1),
    ("Rebel shelling kills three in Taiz\n\n"
     "Rebels shelled a residential district of Taiz on Saturday, killing three civilians, medics said. The "
     "shelling also damaged a clinic. Residents said the shelling of Taiz went on for two hours.", 1),
    ("Car bomb kills six in Kandahar\n\n"
     "A car bomb exploded near the governor's office in Kandahar on Tuesday, killing six people. Police in "
     "Kandahar said the bombing, which killed six people, was the third this month.", 1),
    # a capital abroad said outside the act's clause is where someone speaks, not a second town of the round-up
    ("Air strikes kill 12 fighters near Tabqa\n\n"
     "Air strikes killed 12 militants near the town of Tabqa on Saturday, a monitoring group said. Diplomats in "
     "Moscow said that air strikes had killed civilians as well.", 1),
]


@pytest.mark.parametrize("text,n", ONE_INCIDENT, ids=[t.split("\n")[0][:40] for t, _ in ONE_INCIDENT])
def test_one_incident_at_one_place_still_merges(analyzer, text: str, n: int) -> None:
    analysis = _analyze(analyzer, text)
    assert len([e for e in analysis.events if e.type in VIOLENT]) == n, [e.text for e in analysis.events]


@pytest.mark.xfail(strict=True, reason="known limit: a town named only as what the act lies near ('near Raqqa') counts "
                   "as the act's site; treating it as within 60 km was tried and dropped (bench.link check part: one "
                   "more pair the gold calls wrong, no tuning pair gained)")
def test_a_town_the_act_lies_near_holds_a_town_close_by(analyzer) -> None:
    """"near Raqqa" in the headline and "in the town of Tabqa" (about 45 km away) in the lead: one strike, at Tabqa."""
    text = ("Air strikes kill 12 fighters near Raqqa\n\n"
            "Air strikes killed 12 militants in the town of Tabqa on Saturday, a monitoring group said. Residents said "
            "the strikes destroyed a bridge over the river.")
    analysis = _analyze(analyzer, text)
    names = {p.id: p.name for p in analysis.places}
    events = [e for e in analysis.events if e.type in VIOLENT]
    assert [names.get(e.place or "") for e in events] == ["Tabqa"]


def test_happening_radius_is_the_linking_radius() -> None:
    """Two listings one article keeps apart should be places linking would not join either."""
    assert incidents.HAPPENING_KM == RADIUS_KM
