"""Places that hold on unseen text (issue 17): toponyms the model mistypes or runs into longer names, datelines
and lists, written as general sentences (not copies of any benchmark's text)."""

from __future__ import annotations

from conftest import assert_spans_exact, places_of

from claimgraph.ingest import prepare
from claimgraph.nlp.places.forms import title_form


def test_a_county_opening_a_jail_or_centre_the_model_tags_as_one_place_is_the_county(analyzer) -> None:
    """The model tags "X County Jail" as one GPE the gazetteer does not know; the county opening it is named."""
    places = places_of(analyzer, "The driver was taken to the Lubbock County Jail and released on bond the next day.")
    assert places["Lubbock County"].country == "US" and places["Lubbock County"].feature == "admin2"
    places = places_of(analyzer, "A deputy drove him to the Boone County Detention Center late on Friday.")
    assert "Boone County" in places


def test_every_name_of_a_division_list_is_a_division_even_the_one_the_model_calls_a_person(analyzer) -> None:
    text = ("Voters in Lamar, Fannin and Hunt counties approved the measure, while turnout in Delta and Hopkins "
            "counties was low.")
    places = places_of(analyzer, text)
    for name in ("Lamar", "Fannin", "Hunt", "Delta", "Hopkins"):
        assert places[name].feature == "admin2" and places[name].country == "US", name


def test_a_colon_dateline_is_the_filing_place_but_a_transcripts_speaker_label_is_not(analyzer) -> None:
    analysis = analyzer.analyze_article(prepare(
        "BEIRUT: Two men were arrested on Monday after a raid on a warehouse, police said.", html=False))
    assert [(p.country, p.mentions) for p in analysis.places] == [("LB", [(0, 6)])]
    transcript = ("JACKSON: I think the vote was fair.\nBOSTON: I do not agree with that.\n"
                  "JACKSON: Then we should count the ballots again.")
    assert places_of(analyzer, transcript) == {}


def test_a_colon_dateline_opens_the_story_once_and_two_speakers_labels_make_a_transcript(analyzer) -> None:
    """A colon dateline opens the story (a headline and a summary may come first); two labelled turns are a
    transcript's speakers (a surname that is also a place included), while a page's rubrics ("UPDATE:",
    "CORRECTION:") are no speakers' labels."""
    two_turns = "SMITH: We waited for hours at the gate.\nBOSTON: Nobody told us the flight was cancelled."
    assert places_of(analyzer, two_turns) == {}
    later = ("Two men were arrested on Monday. Both were released on bail. A court will hear the case in May. "
             "Their lawyer denied the charges.\nCAIRO: Police said the raid was planned for weeks.")
    assert "CAIRO" not in places_of(analyzer, later)
    after_headline = ("Two held after warehouse raid . Police had watched the building for weeks. BEIRUT: Two men "
                      "were arrested on Monday after a raid, police said.")
    assert places_of(analyzer, after_headline)["BEIRUT"].country == "LB"
    rubrics = ("BEIRUT: Two men were arrested on Monday after a raid, police said.\nUPDATE: A third man was "
               "released.\nCORRECTION: An earlier version gave the wrong day.")
    analysis = analyzer.analyze_article(prepare(rubrics, html=False))
    assert [(p.country, p.mentions) for p in analysis.places] == [("LB", [(0, 6)])]


def test_a_datelines_name_in_title_case_is_not_the_common_word_opening_a_sentence(analyzer) -> None:
    """The title-case form of an upper-case dateline ("MOBILE" -> "Mobile") is the place in running text, not
    where it opens a sentence as an ordinary word or where the text uses that word in lower case."""
    text = ("MOBILE, Ala. -- A storm cut power to thousands of homes on Sunday. Mobile phone networks were down "
            "for hours. Crews said Mobile masts and the mobile clinics would be fixed first.")
    assert [text[s:e] for s, e in _mentions_of(analyzer, text)] == ["MOBILE", "Ala."]
    text = ("READING -- The council met on Tuesday night. Reading the report aloud, the clerk listed the repairs "
            "the town hall needs.")
    assert [text[s:e] for s, e in _mentions_of(analyzer, text)] == ["READING"]


def _mentions_of(analyzer, text: str) -> list[tuple[int, int]]:
    analysis = analyzer.analyze_article(prepare(text, html=False))
    assert_spans_exact(analysis)
    return sorted(span for p in analysis.places for span in p.mentions)


def test_a_datelines_town_is_found_again_in_running_text(analyzer) -> None:
    """An upper-case dateline's name written in title case later is the same place, even where the model reads
    that occurrence as a person's name."""
    text = ("GLEN ELLYN -- Crews cleared a fallen tree from a school bus route on Thursday. The driver, who has lived "
            "in Glen Ellyn for a decade, was not hurt, and Glen Ellyn police praised the pupils.")
    places = places_of(analyzer, text)
    assert places["GLEN ELLYN"] is places["Glen Ellyn"] and places["Glen Ellyn"].country == "US"
    assert title_form("ST. JOHN'S") == "St. John's" and title_form("WINSTON-SALEM") == "Winston-Salem"


def test_a_small_town_the_model_takes_for_a_person_is_a_place_in_a_places_context(analyzer) -> None:
    """A town too small for metonymy, typed PERSON or NORP, is a place after "of" following a person's name
    ("Jane Doe of X,"), after "the village of", or listed with a place ("Y and X")."""
    text = ("Police said the driver, Maria Lopez of Jeannette, was taken to a hospital in Greensburg. "
            "She was born in the small village of Flumeri in southern Italy.")
    places = places_of(analyzer, text)
    assert places["Jeannette"].country == "US" and places["Flumeri"].country == "IT"


def test_a_street_the_model_takes_for_a_person_is_a_street_after_on_or_block_of(analyzer) -> None:
    text = ("Police in Newark said a man was hurt on Kelley Lane on Friday. Officers responded to the 500 block of "
            "Kelley Lane. Ruth Drive will be closed on Monday.")
    places = places_of(analyzer, text)
    assert places["Kelley Lane"].feature == "facility" and places["Kelley Lane"].country == "US"
    assert "Ruth Drive" in places


def test_demonyms_opening_a_bodys_name_or_joined_by_hyphens_are_their_countries(analyzer) -> None:
    text = ("Officials of the Georgian Interior Ministry met the Palestinian Authority envoy after Egyptian-Israeli "
            "talks and inter-Palestinian reconciliation. A Cypriot-flagged ship was stopped by the US and Iraqi "
            "militaries.")
    places = places_of(analyzer, text)
    for word, iso2 in (("Georgian", "GE"), ("Palestinian", "PS"), ("Egyptian", "EG"), ("Israeli", "IL"),
                       ("Cypriot", "CY"), ("Iraqi", "IQ")):
        assert places[word].country == iso2, word


def test_demonyms_in_firms_laws_and_as_people_are_no_places(analyzer) -> None:
    text = ("He flew American Airlines to a Royal Canadian Mint event funded by the American Recovery and "
            "Reinvestment Act. An American said he spoke in English to the non-English speaking world. "
            "Palestinians fled.")
    assert places_of(analyzer, text) == {}


def test_a_country_opening_a_plural_institutions_name_is_the_country(analyzer) -> None:
    text = "Officials said the U.S. Centers for Disease Control and Prevention had sent a team."
    assert places_of(analyzer, text)["U.S."].country == "US"


def test_a_land_named_with_a_peoples_adjective_is_one_place_not_a_demonym(analyzer) -> None:
    """"French Guiana" is the territory, not France and a town called Guiana, even where the model splits it into
    a people and a person."""
    text = "Vaccination teams worked along the border between Suriname and French Guiana this week."
    places = places_of(analyzer, text)
    assert places["French Guiana"].country == "GF" and "French" not in places


def test_a_name_with_a_lower_case_particle_is_taken_whole(analyzer) -> None:
    """The model stops "Rio Grande do Sul" at "Rio Grande", itself a town's name: the state is the longer name."""
    text = "Cases were confirmed in Santa Catarina, Parana and Rio Grande do Sul on Friday."
    places = places_of(analyzer, text)
    assert places["Rio Grande do Sul"].feature == "admin1" and places["Rio Grande do Sul"].country == "BR"
    assert "Sul" not in places


def test_names_listed_before_a_plural_street_word_are_streets_each(analyzer) -> None:
    """"the junction of Maple and Cedar streets": Maple Street and Cedar Street, placed at the town the story is
    about, though the model reads the pair as an organisation's name."""
    text = "Crews closed the junction of Maple and Cedar streets in Springfield, Ill., on Tuesday."
    places = places_of(analyzer, text)
    for name in ("Maple", "Cedar"):
        assert places[name].feature == "facility" and places[name].gazetteer_id is None, name
        assert (places[name].lat, places[name].lon) == (places["Springfield"].lat, places["Springfield"].lon)
    assert places["Springfield"].admin1 == "Illinois"


def test_a_list_with_an_oxford_comma_before_a_plural_street_word_gives_each_street(analyzer) -> None:
    """"Elm, Oak, and Maple streets": the comma before "and" still joins the list (the division lists
    and the street lists walk one list reader, places/forms.py `names_listed_before`)."""
    text = "The crash happened at the corner of Elm, Oak, and Maple streets in Springfield, Illinois."
    places = places_of(analyzer, text)
    for name in ("Oak", "Maple"):
        assert places[name].feature == "facility" and places[name].gazetteer_id is None, name


def test_a_country_named_inside_a_body_event_or_outlet_name_is_the_country(analyzer) -> None:
    """Every mention of a place counts whatever its role (issue 17): a two-letter abbreviation opening a body's
    name, a country the model ran into the words after it, a war named for its country, a country the entity
    component took for an outlet of the same name."""
    text = "The UK Foreign Office said on Monday that the US Navy had sent two ships."
    places = places_of(analyzer, text)
    assert places["UK"].country == "GB" and places["US"].country == "US"
    text = "Veterans of the Vietnam war met in Hanoi on Saturday."
    assert places_of(analyzer, text)["Vietnam"].country == "VN"
    text = "Displacement by country, per the agency: Burkina Faso - approximately 2,100; Chad - about 450."
    assert places_of(analyzer, text)["Burkina Faso"].country == "BF"
    assert places_of(analyzer, "New infections this week: Burkina Faso - roughly 70, Ghana - 12.")["Burkina Faso"]


def test_a_two_letter_word_of_a_line_in_capitals_or_a_pronoun_is_no_country(analyzer) -> None:
    places = places_of(analyzer, "Let us know what you think. He gave us a call on Friday.")
    assert places == {}


def test_a_faith_or_people_before_a_settlement_noun_is_no_town_of_that_name(analyzer) -> None:
    """"a mostly Christian town" is a town of Christians, not the town called Christian: an article over adverbs,
    or a word that is no place, before the settlement noun makes the NORP a people's or a faith's."""
    assert "Christian" not in places_of(analyzer, "Shelling hit a mostly Christian town near the border.")
    assert "Christian" not in places_of(analyzer, "Militias surrounded a Christian village in the valley.")
    places = places_of(analyzer, "Rockets fell on Binnish village, Idlib, late on Sunday.")
    assert places["Binnish"].country == "SY"


def test_an_ethnic_groups_name_places_its_namesake_country_only_where_the_story_is(analyzer) -> None:
    """Turkmen, Kurds, Pashtuns live across borders: "Turkmen militants" near Latakia are Syrian Turkmen and name
    no Turkmenistan; a story set in Turkmenistan keeps the demonym as a mention of it."""
    places = places_of(analyzer, "Turkmen militants attacked an army post near Latakia on Monday.")
    assert set(places) == {"Latakia"}
    places = places_of(analyzer, "Turkmen rebels and Kurdish fighters clashed with Pashtun elders' guards.")
    assert all(p.country != "TM" for p in places.values())
    places = places_of(analyzer, "Turkmen officials in Ashgabat announced a new gas deal with China.")
    assert places["Turkmen"].country == "TM" and places["Ashgabat"].country == "TM"


def test_a_town_the_model_missed_is_found_again_once_two_places_contexts_confirm_it(analyzer) -> None:
    """One sense per name: a town found by form alone ("near X", "the area of X") is that town again where it opens a
    sentence; a surname after a lone "from" is not spread over the person's other mentions."""
    text = ("Hundreds of cattle died on stations near Kununurra this month, officials in Western Australia said. "
            "Graziers in the area of Kununurra blame the late wet season. Kununurra recorded less rain than in any "
            "year since 1985, and Kununurra graziers fear for their herds.")
    spans = _mentions_of(analyzer, text)
    starts = [i for i in range(len(text)) if text.startswith("Kununurra", i)]
    assert [s for s, e in spans if text[s:e] == "Kununurra"] == starts
    assert places_of(analyzer, text)["Kununurra"].country == "AU"
    text = ("Detectives said the two men had taken money from Welch before the fight. Welch told them that he knew "
            "neither man, and Welch was treated in hospital.")
    assert sum(text[s:e] == "Welch" for s, e in _mentions_of(analyzer, text)) <= 1


def test_a_lower_case_word_the_model_tags_as_a_place_names_none(analyzer) -> None:
    """Place names are capitalised: in normally cased prose "the metro area" puts nothing in a town called Metro,
    while the capitalised town of the same sentence stays a place."""
    text = "The company opened a new branch in the metro area and moved its gulf operations to Houston."
    assert [text[s:e] for s, e in _mentions_of(analyzer, text)] == ["Houston"]
    text = "Commuters in Lagos said the metro line would not reach Ikeja before next year."
    assert "metro" not in {text[s:e] for s, e in _mentions_of(analyzer, text)}


def test_a_disease_named_for_a_place_is_not_that_place(analyzer) -> None:
    """"Bundibugyo ebolavirus", "Omsk haemorrhagic fever": viruses named for where they were found, not places of
    the story (data/places_lexicon.json, named_after_lower)."""
    text = ("Two hunters in Uganda became infected with Bundibugyo ebolavirus, officials in Kampala said. "
            "Doctors in Russia described the symptoms of Omsk haemorrhagic fever to visitors from Moscow.")
    places = places_of(analyzer, text)
    assert "Bundibugyo" not in places and "Omsk" not in places
    assert places["Kampala"].country == "UG" and places["Moscow"].country == "RU"


def test_a_place_no_gazetteer_lists_is_placed_at_the_known_place_holding_it(analyzer) -> None:
    """A name the model took for a place, after "in"/"at" and held by a place the gazetteer knows ("X, Quezon City",
    "the X district of Uttar Pradesh", "X in Nyanza province"), is a place at its container's point; names listed
    together ("at X, Y and Z schools") hold no one another."""
    places = places_of(analyzer, "Inspectors seized rotten pork at a market in Balintawak, Quezon City, on Wednesday.")
    assert places["Balintawak"].country == "PH" and places["Balintawak"].lat == places["Quezon City"].lat
    places = places_of(analyzer, "A villager in the Gondra district of Uttar Pradesh said the food packages arrived "
                                 "late. Health workers opened clinics in Kogelo in Nyanza province.")
    assert places["Gondra district"].admin1 == "Uttar Pradesh" and places["Gondra district"].country == "IN"
    assert places["Kogelo"].country == "KE" and abs(places["Kogelo"].lat - places["Nyanza province"].lat) < 0.01
    places = places_of(analyzer, "Teachers at Willow Brook, Cedar Hill and Oakwood elementary schools joined the "
                                 "program this year.")
    assert "Willow Brook" not in places


def test_names_listed_after_a_plural_settlement_noun_are_villages_placed_in_the_storys_province(analyzer) -> None:
    """"four villages: A, B, C and D", "the villages of A and B": each is a settlement no gazetteer lists; with no
    container and no town of the country named, they take the point of the province the story names."""
    text = ("A doctor in Kasai said the illness had reached four villages: Kampungu, Makonono, Kaluamba and Mombo, but "
            "was spreading. The Democratic Republic of the Congo asked for help.")
    places = places_of(analyzer, text)
    for name in ("Kampungu", "Makonono", "Kaluamba", "Mombo"):
        assert places[name].country == "CD" and places[name].lat == places["Kasai"].lat
    places = places_of(analyzer, "Floods cut off the villages of Kafr Nabudah and Hasraya in the north of Hama "
                                 "province, activists said.")
    assert places["Kafr Nabudah"].country == "SY" and places["Hasraya"].country == "SY"
    assert "Hama province" in places


def test_a_name_described_as_a_settlement_right_after_it_is_a_place(analyzer) -> None:
    """"X, a rural township in Y": a settlement no gazetteer lists, placed at the story's town of its country."""
    places = places_of(analyzer, "Bird flu was found on a farm in Lujhu, a rural township in northern Taoyuan, "
                                 "officials in Taiwan said.")
    assert places["Lujhu"].country == "TW" and places["Taoyuan"].country == "TW"


def test_a_name_the_model_missed_that_the_text_calls_a_township_is_a_place(analyzer) -> None:
    """"X is a rural township in Y" opening a sentence: the model tags no entity, the description makes it a
    settlement, placed at the story's town of its country."""
    places = places_of(analyzer, "Lujhu is a rural township in northern Taoyuan. Farmers there culled chickens, "
                                 "officials in Taiwan said.")
    assert places["Lujhu"].country == "TW"
