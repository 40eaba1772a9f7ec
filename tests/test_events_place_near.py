"""An event is placed at the place the text names as where the act happened, not at the better-known place
named only to say where that one lies ("X, near Y", "X, a town near Y", "X on the outskirts of Y"; issue 13:
the most specific place the text ties to it). General sentences, written for these tests, not copied from
any benchmark's text."""

from __future__ import annotations

import pytest
from test_events_place_town import _event_places


@pytest.mark.parametrize("text, town", [
    ("Warplanes struck Kafr Nabl, near Maarat al-Numan, killing six civilians on Sunday.", "Kafr Nabl"),
    ("Kafr Zita, near Hama, was hit by shelling on Friday that killed four children.", "Kafr Zita"),
    ("Rebels shelled Mhardeh, a town near Hama, killing three people.", "Mhardeh"),
    ("Jets bombed Douma, a suburb near Damascus, killing 11 people on Tuesday.", "Douma"),
    ("A car bomb exploded in Douma on the outskirts of Damascus, killing nine people.", "Douma"),
    ("Two children were killed when a shell hit Harasta, on the outskirts of Damascus.", "Harasta"),
    ("Shelling killed five people in Harasta, a suburb of Damascus, on Monday.", "Harasta"),
])
def test_the_event_is_at_the_place_named_as_its_site_not_the_place_it_lies_near(analyzer, text: str,
                                                                                 town: str) -> None:
    places, ids = _event_places(analyzer, text)
    assert places and all(p == ids[town] for p in places)


def test_a_place_named_alone_near_another_stays_out_of_the_tie(analyzer) -> None:
    """"near Hama" with no place before it: the event is near Hama, so Hama is the place the text gives."""
    places, ids = _event_places(analyzer, "Government jets bombed villages near Hama on Monday, killing 12 people.")
    assert places == [ids["Hama"]]



@pytest.mark.parametrize("text, town", [
    ("Rebels shelled Mhardeh, near the city of Hama, killing three people.", "Mhardeh"),
    ("Jets bombed Harem, just north of Aleppo, killing five people on Tuesday.", "Harem"),
    ("Militants stormed Ghazni, 150 kilometres (93 miles) south of Kabul, killing 14 people.", "Ghazni"),
    ("Rebels shelled Mhardeh, 25 kilometres (15 miles) northwest of Hama, killing three people.", "Mhardeh"),
    ("Jets bombed Zinjibar, some 60 km from Aden, killing eight fighters on Sunday.", "Zinjibar"),
    ("Jets bombed Ariha, a small town in the countryside near Idlib, killing four children.", "Ariha"),
    ("Rebels shelled Mhardeh, a Christian town in the countryside near Hama, killing three people.", "Mhardeh"),
])
def test_the_near_tie_holds_with_a_hedge_a_distance_an_aside_or_a_site_noun(analyzer, text: str, town: str) -> None:
    """"X, near the city of Y", "X, just north of Y", "X, 150 km (93 miles) south of Y", "X, some 60 km from Y",
    "X, a small town in the countryside near Y": the act is at X all the same."""
    places, ids = _event_places(analyzer, text)
    assert places and all(p == ids[town] for p in places)


@pytest.mark.parametrize("text, town", [
    ("Jets bombed Ariha, ten miles from Idlib, killing four children.", "Ariha"),
    ("Rebels shelled Mhardeh, a few kilometres east of Hama, killing three people.", "Mhardeh"),
    ("Militants stormed Ghazni, about twenty-five kilometres south of Kabul, killing 14 people.", "Ghazni"),
    ("A car bomb exploded in Harasta, a mile north of Damascus, killing nine people.", "Harasta"),
    ("Jets bombed Zinjibar, some sixty km from Aden, killing eight fighters on Sunday.", "Zinjibar"),
])
def test_the_near_tie_holds_with_a_distance_in_words(analyzer, text: str, town: str) -> None:
    """"X, ten miles from Y", "X, a few kilometres east of Y", "X, a mile north of Y": a distance said in words
    ties X to Y as a distance in figures does; the act is at X (4 of these 5 failed before, c47ef00)."""
    places, ids = _event_places(analyzer, text)
    assert places and all(p == ids[town] for p in places)
