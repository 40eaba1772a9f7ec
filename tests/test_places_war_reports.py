"""Places of war reports (issue 17): villages located from a known town ("X west of Y"), names with the Arabic
article joined by a hyphen ("Al-X") or run into the name ("Deir Ezzor"), and a province named by its capital with
a division word ("X province", "the X countryside", "the X governorate"). General sentences, written for these
tests, not copied from any benchmark's text."""

from __future__ import annotations

from conftest import assert_spans_exact, places_of

from claimgraph.ingest import prepare
from claimgraph.nlp.places.forms import article_variants


def test_a_village_located_from_a_known_town_is_a_place_whatever_the_model_tags_it(analyzer) -> None:
    """A small place followed by a direction and a known town is found though the model reads it as an
    organisation or a person, and it lies near that town, not at a homonym elsewhere."""
    text = ("Jets bombed Hreitan north of Aleppo before dawn. A day later shells landed in a market in Al-Atarib "
            "west of Aleppo, and rescuers pulled two children from the rubble.")
    places = places_of(analyzer, text)
    for name in ("Hreitan", "Al-Atarib"):
        assert places[name].country == "SY" and places[name].admin1 == places["Aleppo"].admin1, name
        assert abs(places[name].lat - places["Aleppo"].lat) < 0.5 and abs(places[name].lon - places["Aleppo"].lon) < 0.5


def test_a_direction_with_a_distance_still_locates_the_village(analyzer) -> None:
    text = "The convoy was stopped at Hreitan, about 10 km north of Aleppo, and turned back."
    assert places_of(analyzer, text)["Hreitan"].country == "SY"


def test_a_name_with_the_arabic_article_joined_by_a_hyphen_is_found_in_a_places_context(analyzer) -> None:
    """"Al-X": the gazetteer holds the name with the article in another form ("Ad Dana") or without it."""
    text = "Residents fled Al-Dana near the border after the shelling intensified overnight."
    assert places_of(analyzer, text)["Al-Dana"].country == "SY"


def test_a_province_named_by_its_capital_and_a_division_word_is_the_province(analyzer) -> None:
    text = ("Fighting spread across the Aleppo countryside on Sunday. Reinforcements were sent to Deir Ezzor "
            "province, and a curfew was declared in the Daraa governorate.")
    places = places_of(analyzer, text)
    for name in ("Aleppo countryside", "Deir Ezzor province", "Daraa governorate"):
        assert places[name].feature == "admin1" and places[name].country == "SY", name


def test_the_article_run_into_a_name_is_another_spelling_of_the_same_name() -> None:
    articles = frozenset({"al", "el", "ar", "at", "ad", "az", "ez"})
    assert "deir ez zor" in article_variants("Deir Ezzor", articles)
    assert "ad dana" in article_variants("Al-Dana", articles) and "dana" in article_variants("Al-Dana", articles)
    assert article_variants("Ezzor", articles) == []  # never a lone word: "Assad" is no "as-Sad"


def test_a_town_named_with_a_settlement_noun_and_its_province_after_a_comma_is_the_town(analyzer) -> None:
    """"X town, Y" / "X village, Y": the settlement noun makes X a place though the model tags it a people or
    nothing, and the name after the comma is the province or city holding it, though the model tags it a people;
    the event of the sentence is placed at the town, not at the province."""
    text = "Regime shelling on Marea city, Aleppo, killed a woman on Monday."
    analysis = analyzer.analyze_article(prepare(text, html=False))
    assert_spans_exact(analysis)
    places = {text[s:e]: p for p in analysis.places for s, e in p.mentions}
    assert places["Marea"].country == "SY" and places["Marea"].feature == "city"
    assert places["Marea"].admin1 == places["Aleppo"].admin1
    assert abs(places["Marea"].lat - places["Aleppo"].lat) < 0.5
    events = [e for e in analysis.events if e.place is not None]
    assert events and all(e.place == places["Marea"].id for e in events)
    places = places_of(analyzer, "Rockets fell on Binnish village, Idlib, late on Sunday, wounding two children.")
    assert places["Binnish"].country == "SY" and places["Binnish"].admin1 == places["Idlib"].admin1 == "Idlib"


def test_a_people_before_a_settlement_noun_stays_a_people(analyzer) -> None:
    """"an Arab village" is a village of a people, not the town called Arab."""
    places = places_of(analyzer, "Settlers attacked an Arab village near Nablus on Friday, residents said.")
    assert "Arab" not in places and places["Nablus"].country == "PS"


def test_the_town_in_a_named_province_is_the_small_town_not_a_homonym_abroad(analyzer) -> None:
    """"the city of X in Y province": a town the gazetteer knows by its usual news spelling lies in Y."""
    text = "Government airstrikes hit the city of Marea in Aleppo province on Tuesday, killing five civilians."
    analysis = analyzer.analyze_article(prepare(text, html=False))
    places = {text[s:e]: p for p in analysis.places for s, e in p.mentions}
    assert places["Marea"].country == "SY" and places["Marea"].admin1 == places["Aleppo province"].admin1
    assert [e.place for e in analysis.events if e.place is not None] == [places["Marea"].id]


def test_a_name_with_a_lower_case_article_inside_is_found_though_the_model_takes_it_for_a_person(analyzer) -> None:
    """"Jisr al-Shughur": the article inside the name is lower case and hyphened to the next word; the whole
    name is the town (through its other article spelling, "ash-Shughur"), not nothing or its first word."""
    text = "Airstrikes on Jisr al-Shughur, near Hama city, killed nine people on Sunday."
    places = places_of(analyzer, text)
    assert places["Jisr al-Shughur"].country == "SY" and places["Jisr al-Shughur"].admin1 == "Idlib"
    assert "Jisr" not in places


def test_a_name_followed_by_city_is_the_city_not_the_province_named_after_it(analyzer) -> None:
    places = places_of(analyzer, "Rockets struck a bakery near Idlib city on Sunday, killing nine people.")
    assert places["Idlib"].feature == "city" and places["Idlib"].country == "SY"
    places = places_of(analyzer, "Clashes broke out in Deraa city on Friday as protesters marched on the square.")
    assert places["Deraa"].feature == "city" and places["Deraa"].country == "SY"


def test_a_family_name_with_the_arabic_article_of_someone_named_in_full_is_the_person(analyzer) -> None:
    """"Omar al-Faris ... Al-Faris described": the lone family name is that person, though the gazetteer holds a
    district of that name; the town the sentence puts the attack in stays a place."""
    text = ("Shelling hit a market in Saraqib on Sunday, a civil defence official, Omar al-Faris, said. "
            "Al-Faris described the attack as a massacre.")
    places = places_of(analyzer, text)
    assert "Al-Faris" not in places and places["Saraqib"].country == "SY"
    text = "Civil defence official Samir al-Hassan said shelling hit Saraqib. Al-Hassan said 12 people were killed."
    places = places_of(analyzer, text)
    assert "Al-Hassan" not in places and "Samir al-Hassan" not in places and "Saraqib" in places


def test_a_name_with_the_arabic_article_in_a_persons_context_is_no_place(analyzer) -> None:
    """A role after it (", a spokesman") or a verb of saying makes it a person's name; a preposition before it
    keeps it a place."""
    places = places_of(analyzer, "Al-Faris, a spokesman for the rebels, said the village near Hama had fallen.")
    assert "Al-Faris" not in places and "Hama" in places
    places = places_of(analyzer, "Shelling hit Al-Faris near Idlib on Sunday.")
    assert "Al-Faris" in places


def test_a_town_in_a_named_countryside_is_the_place_and_the_countryside_its_province(analyzer) -> None:
    """"X in the Y countryside", "X in Y's northern countryside": X is the town (though the model tags it an
    organisation or a person), the countryside phrase names the province it lies in, and the sentence's event is
    placed at the town, not at the province."""
    text = "Rebels captured Hreitan in the Aleppo countryside after a week of heavy fighting."
    analysis = analyzer.analyze_article(prepare(text, html=False))
    assert_spans_exact(analysis)
    places = {text[s:e]: p for p in analysis.places for s, e in p.mentions}
    assert places["Hreitan"].country == "SY" and places["Hreitan"].feature == "city"
    assert places["Aleppo countryside"].feature == "admin1"
    assert places["Hreitan"].admin1 == places["Aleppo countryside"].admin1
    text = "Warplanes struck Hreitan in Aleppo's northern countryside on Monday, a monitor said."
    places = places_of(analyzer, text)
    assert places["Hreitan"].country == "SY" and places["Aleppo"].feature == "admin1"
    text = "Shells fell on Tal Rifaat in the northern Aleppo countryside, killing three people."
    analysis = analyzer.analyze_article(prepare(text, html=False))
    places = {text[s:e]: p for p in analysis.places for s, e in p.mentions}
    assert places["Tal Rifaat"].feature == "city" and places["Aleppo countryside"].feature == "admin1"
    assert [e.place for e in analysis.events if e.place is not None] == [places["Tal Rifaat"].id]


def test_a_bare_city_stays_the_city_without_a_division_word_after_its_possessive(analyzer) -> None:
    places = places_of(analyzer, "Aleppo's old markets reopened on Friday after years of war.")
    assert places["Aleppo"].feature == "city"


def test_other_romanisations_of_an_arabic_name_find_the_same_town(analyzer) -> None:
    """News writes the vowels of Arabic names in several ways ("Sheikhoun", "Shaikhoun", "Shaykhoun"; "Atareb",
    "Atarib"); each is the town the gazetteer holds under one of them, not the bigger city named beside it."""
    text = ("Jets struck Khan Shaikhoun in the Idlib countryside, killing 30 people. Later they hit Khan Shaykhoun, "
            "near Hama, again, and shells fell on Al-Atareb in the western Aleppo countryside.")
    analysis = analyzer.analyze_article(prepare(text, html=False))
    assert_spans_exact(analysis)
    places = {text[s:e]: p for p in analysis.places for s, e in p.mentions}
    assert places["Khan Shaikhoun"].id == places["Khan Shaykhoun"].id
    assert places["Khan Shaikhoun"].country == "SY" and places["Khan Shaikhoun"].feature == "city"
    assert places["Khan Shaikhoun"].id != places["Hama"].id
    assert places["Al-Atareb"].country == "SY" and places["Al-Atareb"].admin1 == places["Aleppo countryside"].admin1
    events = [e for e in analysis.events if e.place is not None]
    assert events and events[0].place == places["Khan Shaikhoun"].id


def test_romanised_vowels_are_tried_only_for_places_where_arabic_is_spoken() -> None:
    from claimgraph.gazetteer import load_gazetteer
    from claimgraph.nlp.places.forms import lookup_forms, romanised_variants

    articles = frozenset({"al", "el", "ar", "at", "ad", "az", "ez"})
    assert romanised_variants("khan shaikhoun", articles)[0] == "khan shaykhun"
    assert "al atarib" in romanised_variants("al atareb", articles)
    gaz = load_gazetteer()
    assert gaz.lookup("Tulsa") and lookup_forms(gaz, "Toulsa", articles)[1] == []  # no Arabic name: no variant
    assert lookup_forms(gaz, "Jet", articles)[1] == [] and lookup_forms(gaz, "Hoth", articles)[1] == []  # too short:
    # other vowels make other words (Jit in the West Bank, Huth in Yemen), not other spellings of these
    assert [e.country for e in lookup_forms(gaz, "Beirout", articles)[1]][:1] == ["LB"]
