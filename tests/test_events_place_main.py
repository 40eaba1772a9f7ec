"""Where an event is when its own sentences name no place, and which words name no place of it: the report's main
place counts only mentions that name a place (not "Lebanese pilgrims", not "neighbouring Lebanon"), and is the town
the report keeps naming in its country, not the country, unless towns of several provinces are named as often (a
round-up). A town qualifying the act's own words ("the Aleppo car bomb") is its place; a country there may be its
actor ("Russian air strikes"). A report naming the incident as known ("the attacks west of Aleppo") gives a town to
an incident placed only at its country. General sentences written for these tests, not copied from any benchmark."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from conftest import assert_spans_exact

from claimgraph.ingest import prepare
from claimgraph.nlp.events.arguments import inside_name


def _places(analyzer, text: str) -> list[str | None]:
    """The place name of each event, in order (None: no place)."""
    analysis = analyzer.analyze_article(prepare(text, html=False))
    assert_spans_exact(analysis)
    names = {p.id: p.name for p in analysis.places}
    return [names.get(e.place or "") for e in analysis.events]


UNPLACED = "Warplanes killed 25 civilians overnight, a monitoring group said on Wednesday. "
WAR = "The war in Syria has lasted for years, and the government denies targeting civilians."


def test_an_unplaced_event_is_at_the_town_the_report_keeps_naming(analyzer) -> None:
    text = (UNPLACED + "Raqqa is the largest city in the north-east of Syria. Aid workers in Raqqa said hospitals "
            "were full. " + WAR)
    assert _places(analyzer, text)[0] == "Raqqa"


def test_a_town_named_once_leaves_the_event_at_the_country(analyzer) -> None:
    text = UNPLACED + "Aid workers in Raqqa said hospitals were full. " + WAR
    assert _places(analyzer, text)[0] == "Syria"


def test_towns_of_several_provinces_named_as_often_leave_the_event_at_the_country(analyzer) -> None:
    """A round-up of the country: no one town is where the unplaced act was."""
    text = (UNPLACED + "Aid workers in Raqqa and in Daraa said hospitals were full. Doctors in Raqqa and in Daraa "
            "asked for help. " + WAR)
    assert _places(analyzer, text)[0] == "Syria"


def test_people_described_by_their_country_do_not_place_the_event(analyzer) -> None:
    text = ("A bomb killed six Lebanese pilgrims on Sunday, officials said. The Lebanese pilgrims were travelling "
            "between two shrines in Damascus. Lebanese officials said the bus left Damascus in the morning. The "
            "Lebanese victims were buried on Monday.")
    assert _places(analyzer, text)[0] == "Damascus"


def test_a_neighbouring_country_is_not_where_the_event_happened(analyzer) -> None:
    text = ("Shelling killed 14 people on Monday, a monitor said. Thousands of people have fled the fighting to "
            "neighbouring Lebanon, the United Nations said.")
    assert _places(analyzer, text)[0] != "Lebanon"


def test_a_town_qualifying_the_act_is_where_it_happened(analyzer) -> None:
    text = ("The Aleppo car bomb killed nine people on Friday, state media said. Ministers met in Damascus on "
            "Saturday, and in Damascus the government promised to rebuild the market.")
    assert _places(analyzer, text)[0] == "Aleppo"


@pytest.mark.parametrize("text, place", [
    ("Russian air strikes killed 12 people on Monday, a monitor said.", None),
    ("US air strikes killed 12 people in Syria on Monday, a monitor said.", "Syria"),
])
def test_a_country_qualifying_the_act_stays_who_did_it(analyzer, text: str, place: str | None) -> None:
    assert _places(analyzer, text)[0] == place


def test_a_report_of_the_incident_as_known_gives_its_town(analyzer) -> None:
    text = ("US air strikes killed 50 militants in Syria on Tuesday, a monitoring group said. Most of the 50 "
            "fighters killed in the attacks west of the city of Aleppo were foreigners, the group said.")
    assert _places(analyzer, text)[0] == "Aleppo"


def test_a_place_named_with_the_country_only_stays_at_the_country(analyzer) -> None:
    """No report names a town for the incident: the country said with it stays its place."""
    text = "Air strikes killed 30 people in Syria on Monday, activists said. Rescue teams searched the rubble."
    assert _places(analyzer, text)[0] == "Syria"


def test_a_name_longer_only_by_white_space_is_no_longer_name(analyzer) -> None:
    """A headline's town read as a name together with the blank line after it still names the town."""
    doc = analyzer.nlp.make_doc("Raqqa\n\nAir strikes hit the city.")
    state = SimpleNamespace(items={"entities": [SimpleNamespace(type="ORG", mentions=[(0, 7)])]})
    assert inside_name(state, 0, 5) is True  # without the text: as before
    assert inside_name(state, 0, 5, doc) is False
    named = SimpleNamespace(items={"entities": [SimpleNamespace(type="ORG", mentions=[(0, 9)])]})
    doc2 = analyzer.nlp.make_doc("Raqqa Post said the city was hit.")
    assert inside_name(named, 0, 5, doc2) is True


@pytest.mark.parametrize("spelling, admin1", [
    ("Raqa", "Ar Raqqah"), ("Hassakeh", "Al Ḩasakah"), ("al-Hassakeh", "Al Ḩasakah"), ("Boukamal", "Dayr az Zawr"),
])
def test_usual_news_spellings_of_syrian_towns_are_places(analyzer, spelling: str, admin1: str) -> None:
    """Wire spellings of towns (gazetteer_supplement.csv) place the act in them."""
    text = f"Air strikes killed 20 people in {spelling} on Monday, a monitor said."
    analysis = analyzer.analyze_article(prepare(text, html=False))
    assert_spans_exact(analysis)
    places = {p.id: p for p in analysis.places}
    place = places[analysis.events[0].place]
    assert (place.name, place.country, place.admin1) == (spelling, "SY", admin1)


@pytest.mark.parametrize("text, place", [
    ("BEIRUT Syrian warplanes struck rebel areas on Sunday, killing 12 people, a monitor said.", None),
    ("Updated on 14 August BEIRUT Warplanes struck the town of Saraqeb on Sunday, killing 12 people.", "Saraqeb"),
    ("A car bomb exploded in Beirut on Sunday, killing 12 people.", "Beirut"),
    ("CAR BOMB KILLS 12 IN BEIRUT MARKET", "BEIRUT"),
])
def test_a_dateline_in_capitals_is_not_where_the_act_was(analyzer, text: str, place: str | None) -> None:
    """A town in capitals before a sentence in ordinary case is where the report was filed; a headline all in
    capitals is no dateline."""
    assert _places(analyzer, text)[0] == place
