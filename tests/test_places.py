"""Places component: recognition, resolution in context, lookups left for events; every span exact."""

from __future__ import annotations

import math

import pytest
from conftest import assert_spans_exact

from claimgraph.ingest import Article, prepare
from claimgraph.meta import DocMeta


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def places_of(analyzer, text: str):
    analysis = analyzer.analyze_article(prepare(text, html=False))
    assert_spans_exact(analysis)
    out = {}
    for p in analysis.places:
        for s, e in p.mentions:
            out[text[s:e]] = p
    return analysis, out


@pytest.mark.parametrize("name,lat,lon,within", [
    ("Latakia", 35.52, 35.79, 50), ("Turkmen Mountain", 35.85, 36.05, 50), ("Istanbul", 41.01, 28.95, 50),
    ("Uskudar", 41.02, 29.01, 50),
    # countries at GeoNames' points, within the tolerance a country's point is given (gazetteer.country_point)
    ("Syria", 35.0, 38.0, 161), ("Turkey", 39.0, 35.0, 161), ("Afghanistan", 33.0, 66.0, 161),
])
def test_seed_sample_places_within_tolerance(sample_analysis, name: str, lat: float, lon: float,
                                             within: float) -> None:
    text = sample_analysis.document.text
    hits = [p for p in sample_analysis.places if any(text[s:e].startswith(name) for s, e in p.mentions)]
    assert hits, name
    assert km(hits[0].lat, hits[0].lon, lat, lon) <= within, (name, hits[0])


def test_sample_spans_exact_and_university_names_its_town(sample_analysis) -> None:
    assert_spans_exact(sample_analysis)
    text = sample_analysis.document.text
    for p in sample_analysis.places:
        for s, e in p.mentions:
            assert text[s:e].strip() == text[s:e] and "University" not in text[s:e]
            assert text[s:e] != "Middle East"  # only inside the outlet's name "Middle East Eye"
        assert p.country is None or len(p.country) == 2
        assert 0.0 <= p.confidence <= 1.0


def test_place_inside_longer_name_and_inside_a_university(analyzer) -> None:
    """A place embedded in a longer name is a mention of it (issue 17), the university's included, as the
    name alone ("Sakarya", never "Sakarya University"), when the document's other places lie near it."""
    text = ("The Istanbul chairman of the group spoke in its Uskudar office. "
            "A researcher at Sakarya University disagreed.")
    _, places = places_of(analyzer, text)
    assert "Istanbul" in places and "Uskudar" in places
    assert places["Uskudar"].country == "TR"
    assert places["Sakarya"].country == "TR"
    assert not any("University" in name for name in places)


def test_school_named_for_a_town_is_that_town_only_with_support(analyzer) -> None:
    near = "Flood water closed roads across Oklahoma, and the Tulsa Zoo shut its gates on Monday."
    _, places = places_of(analyzer, near)
    assert "Tulsa" in places and places["Tulsa"].country == "US"
    alone = "The choir of Mercy Memorial Hospital sang on Sunday, and the Webster Theatre was full."
    _, places = places_of(analyzer, alone)
    assert not {"Mercy", "Webster"} & set(places)


def test_dateline_is_a_place_and_marked_as_the_filing_place(analyzer) -> None:
    text = ("Council cuts library hours. TORRINGTON -- The city council voted on Tuesday to close "
            "the branch library two days a week.")
    analysis, places = places_of(analyzer, text)
    assert "TORRINGTON" in places and places["TORRINGTON"].country == "US"


def test_capitalised_direction_before_a_known_place_is_not_part_of_its_name(analyzer) -> None:
    text = "Heavy rain soaked North Georgia and Southern Ohio, while North Dakota stayed dry."
    _, places = places_of(analyzer, text)
    assert places["Georgia"].feature == "admin1" and places["Ohio"].country == "US"
    assert "North Dakota" in places and "Dakota" not in places


def test_lone_name_that_speaks_or_names_a_firm_is_not_a_place(analyzer) -> None:
    text = ("The county hired the engineering firm Marlow & Finch last year. The bridge will reopen in May, "
            "Brandon said on Friday. Moscow said it would respond.")
    _, places = places_of(analyzer, text)
    assert "Marlow" not in places and "Brandon" not in places
    assert "Moscow" in places


def test_direction_word_is_not_part_of_the_name(analyzer) -> None:
    text = "Rebels said they were trying to hold northern Latakia against the army."
    _, places = places_of(analyzer, text)
    assert "Latakia" in places and places["Latakia"].country == "SY"


def test_metonym_is_a_place_and_demonym_a_mention_of_its_country(analyzer) -> None:
    text = "Moscow accused Turkish officials of lying. Turkish troops stayed near the border."
    analysis, places = places_of(analyzer, text)
    assert "Moscow" in places and places["Moscow"].country == "RU"
    assert places["Turkish"].country == "TR" and places["Turkish"].feature == "country"
    assert not [p for p in analysis.places if p.name == "Turkish"]  # the place is Turkey, never the adjective


def test_containment_picks_the_right_homonym(analyzer) -> None:
    text = "The fire destroyed a warehouse in Paris, Texas, on Monday, police said."
    _, places = places_of(analyzer, text)
    assert places["Paris"].country == "US"
    assert km(places["Paris"].lat, places["Paris"].lon, 33.66, -95.56) < 50


def test_country_focus_picks_the_us_state(analyzer) -> None:
    text = ("Storms hit Atlanta and Macon on Tuesday. Georgia officials said roads near Savannah were "
            "closed, and crews from Alabama and Florida came to help.")
    _, places = places_of(analyzer, text)
    assert places["Georgia"].country == "US" and places["Georgia"].feature == "admin1"


def test_one_sense_per_name_and_division_forms(analyzer) -> None:
    text = ("Fighting spread across Latakia Governorate. Shelling hit Latakia again, "
            "and residents of Latakia fled.")
    _, places = places_of(analyzer, text)
    assert places["Latakia Governorate"].feature == "admin1"
    # both bare mentions share one place (one sense per name per document)
    ids = {p.id for name, p in places.items() if name == "Latakia"}
    assert len(ids) == 1


def test_lookups_for_events(analyzer) -> None:
    text = "Russian jets bombed villages near Aleppo, Syria, on Sunday."
    analysis = analyzer.analyze_article(prepare(text, html=False))
    doc_places = {p.id: p for p in analysis.places}
    s = text.index("Aleppo")
    # the component's lookups live on the state; re-run on a doc to reach them
    doc = analyzer.nlp(text)
    from claimgraph.nlp.state import get_state
    extra = get_state(doc).extra
    pid = extra["place_at"](s, s + len("Aleppo"))
    assert pid is not None
    assert extra["places_in"](0, len(text))
    assert extra["demonym_country"](0, len("Russian")) == "RU"
    assert doc_places  # the analysis has the same places
    assert extra["country_focus"][0][0] == "SY"


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "Ga. Ky. D.C.", "THE U.S. AND U.K.", "—" * 50, "Paris" * 100])
def test_odd_input_never_raises(analyzer, text) -> None:
    # a bare Article: prepare() refuses blank text before any component sees it
    analysis = analyzer.analyze_article(Article(text=text, meta=DocMeta()))
    assert_spans_exact(analysis)  # includes: no component reported a failure
    assert text.strip() or analysis.places == []


def test_place_heading_an_office_or_a_school_is_a_place(analyzer) -> None:
    text = ("Laurel County Clerk Dean Johnson said the office in London would close. "
            "Gainesville Public Utilities reported a spill. Students at Paris High School were sent home.")
    _, places = places_of(analyzer, text)
    assert places["Laurel County"].feature == "admin2" and places["Laurel County"].country == "US"
    assert "Gainesville" in places
    # the school's town, embedded in its name, read among the other places: a Paris in the United States
    assert places["Paris"].country == "US" and "Paris High School" not in places
    # towns named together lie together: this London is the one next to Laurel County, Kentucky
    assert km(places["London"].lat, places["London"].lon, 37.13, -84.08) < 50


def test_a_lone_surname_is_not_a_place(analyzer) -> None:
    text = "John Moore spoke to reporters in Denver. Later, Moore said he agreed with the mayor."
    _, places = places_of(analyzer, text)
    assert "Denver" in places and "Moore" not in places


def test_dateline_abbreviation_and_state_lists(analyzer) -> None:
    text = "CHARLESTON, W.Va. -- All lanes reopened. Cases were found in Texas, New Mexico and Ohio."
    _, places = places_of(analyzer, text)
    assert places["W.Va."].feature == "admin1" and places["W.Va."].country == "US"
    assert km(places["CHARLESTON"].lat, places["CHARLESTON"].lon, 38.35, -81.63) < 50
    # a list of states is not "town, state": New Mexico stays the state
    assert places["New Mexico"].feature == "admin1"


def test_homonyms_resolved_by_their_neighbours(analyzer) -> None:
    text = "Police in Paris said a man from Henry County was arrested and taken to Murray."
    _, places = places_of(analyzer, text)
    assert places["Paris"].country == "US"
    assert km(places["Paris"].lat, places["Paris"].lon, 36.30, -88.33) < 50  # Paris, Tennessee


def test_component_in_a_users_pipeline_with_their_gazetteer(tmp_path) -> None:
    import spacy

    import claimgraph.nlp.places  # noqa: F401 - registers the factory
    from claimgraph.nlp.state import get_state

    f = tmp_path / "camps.csv"
    f.write_text("name,aliases,lat,lon,country,feature\nCamp Nowhere,Nowhere Camp,12.5,40.25,ET,facility\n",
                 encoding="utf-8")
    nlp = spacy.blank("en")
    nlp.add_pipe("claimgraph_places", config={"gazetteer_files": [str(f)]})
    text = "Gunmen attacked Camp Nowhere on Friday, officials in Addis Ababa said."
    doc = nlp(text)
    places = {text[s:e]: p for p in doc._.cg_places for s, e in p.mentions}
    assert (places["Camp Nowhere"].lat, places["Camp Nowhere"].country) == (12.5, "ET")
    assert places["Addis Ababa"].country == "ET"
    assert get_state(doc).extra["place_at"](text.index("Camp"), text.index("Camp") + 4) == places["Camp Nowhere"].id


def test_disease_named_after_a_place_is_not_a_place(analyzer) -> None:
    text = ("Doctors in Angola confirmed more cases of Marburg virus on Tuesday, as the United States "
            "flu season began.")
    _, places = places_of(analyzer, text)
    assert "Marburg" not in places
    assert places["Angola"].country == "AO" and places["United States"].country == "US"


def test_capitalised_check_is_safe_past_the_last_token():
    """A place name closing the document inside an organisation's name has no next token to look at."""
    from claimgraph.nlp.places.recognition import _capitalised

    assert _capitalised(None) is False


def test_place_mention_never_ends_in_a_paragraph_break(analyzer) -> None:
    """A name cut by a paragraph break (scraped text) must not drag the break into the place's span."""
    text = "Officials condemned the Russian airstrikes against the Tur\n\nkmen villages near Latakia, Syria."
    analysis = analyzer.analyze_article(text)
    mentions = [text[s:e] for place in analysis.places for s, e in place.mentions]
    assert "Latakia" in mentions
    assert all(m == m.strip() for m in mentions), mentions


@pytest.mark.parametrize("text,name,lat,lon", [
    ("The Aleppo offensive began in the spring, commanders said.", "Aleppo", 36.20, 37.13),
    ("Rebels said the Homs offensive had stalled outside the city.", "Homs", 34.73, 36.72),
])
def test_city_name_as_modifier_is_a_place(analyzer, text: str, name: str, lat: float, lon: float) -> None:
    """A town named in front of a common noun ("the <city> offensive") is a mention of that town, even when the
    tagger reads it as a people (NORP); peoples and creeds in the same position stay out (issue 17)."""
    _, places = places_of(analyzer, text)
    assert name in places
    assert km(places[name].lat, places[name].lon, lat, lon) < 50


def test_peoples_as_modifiers_are_not_places(analyzer) -> None:
    _, places = places_of(analyzer, "The Kurdish fighters held the hill while the Sunni clerics met the elders.")
    assert places == {}


def test_names_listed_before_a_plural_division_word_are_each_a_division(analyzer) -> None:
    text = ("Voters in Ohio go to the polls today. Turnout was high in Franklin, Delaware and Licking "
            "counties, officials in Columbus said.")
    _, places = places_of(analyzer, text)
    for name in ("Franklin", "Delaware"):
        assert places[name].feature == "admin2" and places[name].admin1 == "Ohio", name


def test_hyphen_joined_towns_and_a_legislators_home_town(analyzer) -> None:
    text = ("The river crested in Minneapolis-St. Paul overnight. State Rep. Ann Miller, D-Duluth, "
            "asked for federal help for Minnesota.")
    _, places = places_of(analyzer, text)
    assert places["Duluth"].admin1 == "Minnesota"


def test_named_sites_are_placed_at_the_town_the_text_puts_them_in(analyzer) -> None:
    text = ("Two cars collided on Maple Grove Road in Bangor, Maine, on Friday. Divers later searched the "
            "Kenduskeag Stream and Highway 15 was closed for three hours.")
    _, places = places_of(analyzer, text)
    road = places["Maple Grove Road"]
    assert road.feature == "facility" and road.gazetteer_id is None and road.confidence < 0.5
    assert km(road.lat, road.lon, 44.80, -68.77) < 30
    assert places["Highway 15"].feature == "facility"


def test_a_site_head_on_a_work_or_in_a_document_without_a_town_is_no_place(analyzer) -> None:
    text = "Viewers preferred Coronation Street to the new drama, the channel in Britain said."
    _, places = places_of(analyzer, text)
    assert "Coronation Street" not in places
    text = "Farmers across France worry about the Loire Valley harvest and the Rhone Valley vineyards."
    _, places = places_of(analyzer, text)
    assert not any("Valley" in name for name in places)


def test_a_lone_name_the_model_may_read_as_a_person_needs_a_places_context(analyzer) -> None:
    text = ("Rebels shelled Kherson on Monday. The governor said schools in Kherson would stay shut. "
            "Later Fleming told reporters that Barry had left the city.")
    _, places = places_of(analyzer, text)
    assert places["Kherson"].country == "UA"
    assert "Fleming" not in places and "Barry" not in places


def test_a_place_found_once_is_found_again_where_the_model_missed_it(analyzer) -> None:
    text = ("Hillsboro council backs new library. The council in Hillsboro, Ohio, voted on Monday to build "
            "a library. Hillsboro residents will vote on the plan in May, and John Hillsboro Smith objected.")
    _, places = places_of(analyzer, text)
    hillsboro = places["Hillsboro"]
    starts = [s for s, _e in hillsboro.mentions]
    assert text.index("Hillsboro council") in starts and text.index("Hillsboro residents") in starts
    assert text.index("Hillsboro Smith") not in starts


def test_a_team_named_for_its_state_is_not_the_state(analyzer) -> None:
    text = ("Fans filled the stadium in Denver on Sunday as the Colorado Rockies beat the Kansas City Royals. "
            "Heavy snow later closed roads across Colorado.")
    analysis, places = places_of(analyzer, text)
    starts = {s for p in analysis.places for s, _e in p.mentions}
    assert text.index("Colorado Rockies") not in starts
    assert text.rindex("Colorado") in starts


def test_a_lawmaker_sharing_a_countrys_name_speaks_as_a_person(analyzer) -> None:
    text = ("Representative Jim Chad Jordan questioned the director for an hour. The agency broke the rules, "
            "Jordan said after the hearing.")
    analysis, _ = places_of(analyzer, text)
    starts = {s for p in analysis.places for s, _e in p.mentions}
    assert text.rindex("Jordan") not in starts


def test_transcript_labels_bare_directions_and_far_mountains_are_not_placed(analyzer) -> None:
    text = ("The debate was held in Dayton, Ohio.\n\nMORRIS: Thank you all for coming.\n\nThe candidate said "
            "that winning the state would be harder than climbing Mount Kilimanjaro, and that the South "
            "would decide the race.")
    analysis, places = places_of(analyzer, text)
    assert "MORRIS" not in places and "South" not in places
    assert "Mount Kilimanjaro" not in places or km(places["Mount Kilimanjaro"].lat,
                                                    places["Mount Kilimanjaro"].lon, 39.76, -84.19) > 1000
    assert places["Dayton"].admin1 == "Ohio"


def test_a_preposition_before_a_university_is_no_evidence_for_its_first_word(analyzer) -> None:
    text = "The professor teaches at Brandeis Hall University and lives in Boston, Massachusetts."
    _, places = places_of(analyzer, text)
    assert "Brandeis" not in places and places["Boston"].admin1 == "Massachusetts"


def test_a_dateline_is_the_town_the_story_was_filed_from(analyzer) -> None:
    text = ("Budget talks stall. WASHINGTON -- Negotiators in the Senate failed again on Tuesday to agree on "
            "spending, and farmers in Kansas and Iowa warned of delays.")
    _, places = places_of(analyzer, text)
    assert places["WASHINGTON"].feature == "city"
    assert km(places["WASHINGTON"].lat, places["WASHINGTON"].lon, 38.90, -77.04) < 30


@pytest.mark.parametrize("text,not_place,place", [
    # a town's name as the first word of a facility named for a person, or another spelling of a big city
    ("Passengers waited for hours at Ben Gurion Airport outside Tel Aviv after the rocket fire.", "Ben", "Tel Aviv"),
    ("Students at Ben-Gurion University in Beersheba held a vigil for the hostages.", "Ben", "Beersheba"),
    # the tail of a hyphenated compound name
    ("The former president met donors at Mar-a-Lago before flying to Palm Beach, Florida.", "Lago", "Florida"),
    # a lone name the model takes for an organisation, a magazine here, with no place context
    ("According to Forbes, the tycoon's fortune fell by half after sanctions were imposed on Moscow.",
     "Forbes", "Moscow"),
    # a common phrase that the gazetteer knows only as part of a longer place name
    ("Officials in Dubai said the Smart City project would be delayed until next year.", "Smart City", "Dubai"),
    # a month or religious period is a time, even where the model tags it as a name
    ("The Ramadan truce collapsed when shelling resumed in Khan Younis.", "Ramadan", "Khan Younis"),
    ("Shelling continued through Easter in the suburbs of Kharkiv.", "Easter", "Kharkiv"),
])
def test_names_inside_longer_names_and_times_are_not_places(analyzer, text: str, not_place: str, place: str) -> None:
    _, places = places_of(analyzer, text)
    assert not any(not_place in name for name in places), places.keys()
    assert place in places


def test_hyphenated_modifiers_and_the_arabic_article_keep_their_place(analyzer) -> None:
    """"US-led" and "Damascus-based" name the place (issue 17: modifiers count); "al-Raqqa" is Raqqa."""
    text = ("A US-led coalition bombed positions near al-Raqqa, while the Damascus-based government "
            "said Russia had sent more jets to Syria.")
    _, places = places_of(analyzer, text)
    assert places["US"].country == "US"
    assert places["Damascus"].country == "SY"
    assert any(name.endswith("Raqqa") and p.country == "SY" for name, p in places.items())


def test_places_joined_by_hyphens_to_peoples_and_prefixes_are_places(analyzer) -> None:
    text = ("Egyptian-US relations cooled after an anti-Israel rally in Cairo, and the Israel-Gaza war "
            "dominated the talks.")
    _, places = places_of(analyzer, text)
    assert places["US"].country == "US" and places["Israel"].country == "IL"
    assert places["Gaza"].country == "PS" and places["Cairo"].country == "EG"


def test_a_small_town_typed_as_an_organisation_stays_a_place_in_a_place_context(analyzer) -> None:
    text = "Officials in Forbes, New South Wales, said the floodwaters were still rising."
    _, places = places_of(analyzer, text)
    assert places["Forbes"].country == "AU"


def test_demonyms_are_mentions_of_their_country_but_not_where_events_happen(analyzer) -> None:
    """"Syrian forces" names Syria (LGL counts adjectival toponyms), but the shelling happened in the town."""
    text = ("Syrian government forces shelled the town of Kafr Nabl in Idlib province on Monday, killing five "
            "civilians, and Egyptian mediators left Cairo.")
    analysis, places = places_of(analyzer, text)
    syria = places["Syrian"]
    assert syria.country == "SY" and syria.feature == "country" and syria.name == "Syria"
    assert places["Egyptian"].name == "Egypt" and places["Egyptian"].feature == "country"
    shelling = [e for e in analysis.events if e.place is not None]
    assert shelling and all(e.place != syria.id for e in shelling)


def test_a_demonym_naming_people_is_no_place_mention(analyzer) -> None:
    text = "An American was killed and two Syrians were wounded when the convoy reached Rafah."
    analysis, places = places_of(analyzer, text)
    assert "American" not in places and "Syrians" not in places
    assert places["Rafah"].country == "PS"


def test_a_firm_named_like_a_town_after_a_persons_role_and_at_is_an_employer_not_a_place(analyzer) -> None:
    """"a senior manager at X", "head of research at X": after a person's role, "at" and a lone name the model took
    for an organisation name the employer, so "at" is no place's context there; the town stays a place where
    the words make it one ("held at X, a town near Y")."""
    assert places_of(analyzer, "Harald Brink, a senior product manager at Avon, said the new range would ship "
                               "in June.")[1] == {}
    assert places_of(analyzer, "Lena Moreau, head of consumer research at Hershey, said the survey will close "
                               "later this year.")[1] == {}
    _, places = places_of(analyzer, "The talks were held at Nokia, a town near Tampere in Finland.")
    assert places["Nokia"].country == "FI" and places["Tampere"].country == "FI"


def test_a_planets_name_is_a_town_of_that_name_only_in_a_places_context(analyzer) -> None:
    """GeoNames holds towns named Earth, Jupiter and Mars; news names the bodies ("defend Earth from robots") or
    firms named for them ("a Jupiter researcher"): no place there, but "in Jupiter, Florida" is the town."""
    assert places_of(analyzer, "Players must defend Earth from robots landing in waves. The tower is the tallest "
                               "on Earth.")[1] == {}
    assert places_of(analyzer, "Said Dana Whitfield, a Jupiter researcher, console sales are slowing.")[1] == {}
    _, places = places_of(analyzer, "Police in Jupiter, Florida, arrested two men on Monday.")
    assert places["Jupiter"].country == "US" and places["Jupiter"].admin1 == "Florida"
