"""Places named through a site or a shared word (issue 17, recall in disease-outbreak and disaster news): a town
before a site noun ("the X mine", "X refugee camps") or a capitalised site head ("X Racecourse"), a town opening a
sentence before "city", a town before its province after a comma, and a direction word whose place name is shared
with the next ("Central and South America"). General sentences, written for these tests, not copied from any
benchmark's text."""

from __future__ import annotations

from conftest import places_of


def test_a_town_before_a_site_noun_is_the_place_the_site_is_at(analyzer) -> None:
    """The model takes the name for a person; the site noun after it makes it the town the site lies at."""
    places = places_of(analyzer, "Cholera spread through the Kakuma camps in northern Kenya last month.")
    assert places["Kakuma"].country == "KE" and places["Kakuma"].feature == "city"


def test_a_town_opening_a_site_name_the_model_took_for_a_person_is_a_place(analyzer) -> None:
    places = places_of(analyzer, "The horse collapsed at Randwick Racecourse in Sydney on Tuesday.")
    assert places["Randwick"].country == "AU" and abs(places["Randwick"].lat - places["Sydney"].lat) < 0.5
    places = places_of(analyzer, "The horse collapsed at Flemington Racecourse in Melbourne on Tuesday.")
    assert places["Flemington"].country == "AU"


def test_a_campaign_camp_or_a_person_before_a_site_head_is_no_place(analyzer) -> None:
    """The singular "camp" follows campaigns ("the Clinton camp"), and a common word opening a headline before a
    people noun is no town ("Area woman": a GeoNames alternate name of a town, not its own name)."""
    places = places_of(analyzer, "Area woman sentenced for fraud. The Clinton camp said the poll was wrong.")
    assert "Clinton" not in places and "Area" not in places


def test_a_town_opening_a_sentence_before_city_is_the_town(analyzer) -> None:
    places = places_of(analyzer, "The virus has reached 20 provinces of China. Jining city alone reported 300 cases.")
    assert places["Jining"].country == "CN" and places["Jining"].feature == "city"


def test_a_division_after_a_comma_holds_the_town_before_it(analyzer) -> None:
    """"from X, Central Java": a known division after the comma that holds a town of the name before makes it a
    place, whatever the model tagged it (`_held_by_next`, used for names the model took for a people)."""
    comp = analyzer.nlp.get_pipe("claimgraph_places")
    text = "A farmer from Klaten, Central Java, died."
    doc = analyzer.nlp.make_doc(text)
    cands = comp.gaz.lookup("Klaten")
    assert comp._held_by_next(doc, 4, cands)  # tokens: A farmer from Klaten , Central Java , died .
    assert not comp._held_by_next(analyzer.nlp.make_doc("A farmer from Klaten, Ohio, died."), 4, cands)


def test_a_direction_word_sharing_its_place_name_with_the_next_is_a_place_of_its_own(analyzer) -> None:
    """"Central and South America" names Central America too; "East and West Africa" East Africa; "North and South
    Korea" North Korea. Each word is a mention of its own place, its span the word alone."""
    text = "The fungus has spread to forests in Central and South America, and to East and West Africa."
    places = places_of(analyzer, text)
    assert places["Central"].feature == "region" and 5 < places["Central"].lat < 20 and places["Central"].lon < -75
    assert places["South America"].lat < 0 and places["East"].lon > 25 and places["West Africa"].lon < 10
    places = places_of(analyzer, "Talks between North and South Korea resumed on Monday.")
    assert places["North"].country == "KP" and places["South Korea"].country == "KR"
    places = places_of(analyzer, "He travelled north and South Africa was next.")
    assert "north" not in places and places["South Africa"].country == "ZA"


def test_a_name_before_a_site_noun_people_name_sites_for_is_no_place_on_its_own(analyzer) -> None:
    """A mine, an airport, a dam or a racecourse is named for people and things too ("the Diamond mine", "the
    Porter airport"): the site noun alone does not make a town of that name the place; the document's other places
    or its demonyms must be in the country of that town."""
    for text, name in [("Union members picketed the Diamond mine for a second week.", "Diamond"),
                       ("Flights from the Porter airport were cancelled after the storm.", "Porter"),
                       ("Punters packed the Wembley racecourse for the last meeting of the season.", "Wembley"),
                       ("Engineers inspected the Hunter dam after heavy rain.", "Hunter"),
                       ("Guards at the Brewster mine said the shift ended early.", "Brewster")]:
        assert name not in places_of(analyzer, text), text


def test_a_town_before_a_site_noun_is_a_place_where_the_story_is_in_its_country(analyzer) -> None:
    """The same site nouns after a town of the country the story is about ("Scottish police", "Syrian troops", a
    town near Homs), and "refugee camps", which only places name, make the name the place the site is at."""
    places = places_of(analyzer, "Scottish police closed the Musselburgh racecourse after a bomb threat.")
    assert places["Musselburgh"].country == "GB"
    places = places_of(analyzer, "Syrian troops retook the Palmyra airport from militants.")
    assert places["Palmyra"].country == "SY"
    places = places_of(analyzer, "Government troops retook the Palmyra mine from militants near Homs.")
    assert places["Palmyra"].country == "SY"
    places = places_of(analyzer, "Food ran short in the Kakuma refugee camps last year.")
    assert places["Kakuma"].country == "KE"
    places = places_of(analyzer, "Cholera broke out in the Azraq refugee camps.")
    assert places["Azraq"].country == "JO"
