"""Entities: types, outlet and group recognition, aliases and descriptors, on real sentences."""

from __future__ import annotations

import pytest
from conftest import assert_spans_exact

from claimgraph.ingest import prepare


def _entities(analyzer, text: str, **meta):
    analysis = analyzer.analyze_article(prepare(text, **meta))
    assert_spans_exact(analysis)
    return analysis, {e.name: e for e in analysis.entities}


def test_seed_sample_entities(sample_analysis):
    assert_spans_exact(sample_analysis)
    ents = {e.name: e for e in sample_analysis.entities}
    mican = ents["Kursat Mican"]
    assert mican.type == "PERSON"
    assert "Mican" in mican.aliases
    assert any("Alperen Ocaklari" in d for d in mican.descriptors)
    mee = ents["Middle East Eye"]
    assert mee.type == "OUTLET" and "MEE" in mee.aliases
    for person in ("Tariq Solu", "Ahmet Davutoglu", "Omer Behram Ozdemir"):
        assert ents[person].type == "PERSON"
    assert ents["ISIS"].type == "GROUP" and "Daesh" in ents["ISIS"].aliases
    assert ents["al-Nusra Front"].type == "GROUP"
    assert "Prime Minister" in ents["Ahmet Davutoglu"].descriptors


def test_surname_resolves_to_full_name(analyzer):
    text = (
        "Angela Merkel met refugees in Berlin on Monday. Merkel said Germany would keep its borders open, "
        "and aides to Merkel said the visit had gone well."
    )
    _, ents = _entities(analyzer, text)
    merkel = ents["Angela Merkel"]
    assert merkel.type == "PERSON"
    assert len(merkel.mentions) == 3
    assert "Merkel" not in ents  # no separate entity for the surname


def test_acronym_and_data_aliases(analyzer):
    text = (
        "Fighters of the Syrian Democratic Forces entered Raqqa on Tuesday. The SDF said Islamic State "
        "militants had fled east, and a Daesh spokesman denied it."
    )
    _, ents = _entities(analyzer, text)
    sdf = ents["Syrian Democratic Forces"]
    assert sdf.type == "GROUP" and "SDF" in sdf.aliases
    isis = ents["ISIS"]
    assert {"Islamic State", "Daesh"} <= set(isis.aliases)


def test_outlets_from_list_and_cues(analyzer):
    text = (
        "The Kyiv-based news site Hromadske Today reported heavy shelling. Local officials told Reuters "
        "that six people were hurt, while The Washington Post said the figure was higher."
    )
    _, ents = _entities(analyzer, text)
    assert ents["Reuters"].type == "OUTLET"
    assert ents["The Washington Post"].type == "OUTLET"


def test_descriptors_from_apposition_and_title(analyzer):
    text = (
        "John Kirby, a spokesman for the Pentagon, declined to comment. Later, Defense Secretary "
        "Lloyd Austin told reporters the strikes were lawful."
    )
    _, ents = _entities(analyzer, text)
    assert any("spokesman for the Pentagon" in d for d in ents["John Kirby"].descriptors)
    assert any("Defense Secretary" in d for d in ents["Lloyd Austin"].descriptors)


def test_place_in_front_of_facility_noun_is_not_an_org(analyzer):
    text = "“We will not stop,” the organiser told reporters in the movement's Kadikoy office on Friday."
    analysis, ents = _entities(analyzer, text)
    assert ents["Kadikoy"].type == "GPE"


@pytest.mark.parametrize("text", ["IS IT OVER? AP PHOTOS FROM THE FRONT\n\nNothing happened today."])
def test_all_caps_headline_words_are_not_acronym_matches(analyzer, text):
    analysis, ents = _entities(analyzer, text)
    assert "ISIS" not in ents and "Associated Press" not in ents


def test_hospital_and_road_names_are_never_people(analyzer):
    """A name ending in an institution or facility head is an organisation or a site, not a person, even
    when the tagger reads the leading given names as a person's (issue 17)."""
    text = (
        "Ahmed Yousef Hospital was hit by shelling overnight, according to residents. "
        "Tanks later advanced along Salah Eddin Road toward the border crossing."
    )
    _, ents = _entities(analyzer, text)
    assert ents["Ahmed Yousef Hospital"].type == "ORG"
    assert ents["Salah Eddin Road"].type == "FAC"
    assert not any(e.type == "PERSON" for e in ents.values())
