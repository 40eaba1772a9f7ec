"""Which of several places of one name a bare mention means (issue 17 audit: a big city read as a hamlet of its
name near another town of the story), written as general sentences, not copies of any benchmark's text."""

from __future__ import annotations

from conftest import places_of


def test_a_big_city_is_not_a_hamlet_of_its_name_near_another_town_of_a_story_across_states(analyzer) -> None:
    """A story that names towns in several states: a bare "Cleveland" or "Omaha" is the big city, not the village of
    that name a few miles from one of the other towns (nor the county that GeoNames also calls by the bare name)."""
    text = ("Protesters marched through Tulsa, Okla., on Tuesday after the shooting, and crowds gathered in Charlotte, "
            "N.C., a day later. Tulsa police said the march was calm. On Wednesday the candidate told supporters in "
            "Cleveland that he was troubled by the shooting in Tulsa.")
    places = places_of(analyzer, text)
    assert places["Cleveland"].admin1 == "Ohio" and places["Cleveland"].feature == "city"
    assert places["Tulsa"].admin1 == "Oklahoma" and places["Charlotte"].admin1 == "North Carolina"
    text = ("Hail damaged roofs in Texarkana, Texas, and in Shreveport, La., forecasters said. Texarkana schools "
            "closed early. The senator spoke to farmers in Omaha on Friday about crop insurance.")
    places = places_of(analyzer, text)
    assert places["Omaha"].admin1 == "Nebraska"


def test_the_small_namesake_stays_where_the_text_places_it(analyzer) -> None:
    """What must not change: a container ("Cleveland, Okla.", "Paris, Texas"), a county the story names around the
    town, and bare names in a list of counties."""
    places = places_of(analyzer, "The festival in Cleveland, Okla., drew hundreds of visitors from Tulsa on Saturday.")
    assert places["Cleveland"].admin1 == "Oklahoma" and places["Cleveland"].feature == "city"
    places = places_of(analyzer, "A train derailed near Paris, Texas, on Monday; crews from Dallas cleared the line.")
    assert places["Paris"].admin1 == "Texas"
    text = "Volunteers from Tulsa and Cleveland cleaned the creek banks in Pawnee County, Oklahoma, on Saturday."
    places = places_of(analyzer, text)
    assert places["Cleveland"].admin1 == "Oklahoma"
    text = "Voters in Cleveland and Rutherford counties approved the school bond, officials in Shelby, N.C., said."
    places = places_of(analyzer, text)
    assert places["Cleveland"].feature == "admin2" and places["Cleveland"].admin1 == "North Carolina"


def test_a_renowned_city_named_like_a_state_is_the_city_in_a_story_about_other_countries(analyzer) -> None:
    """A story about other countries knows "Washington" as the capital (the government acting from it), not the state;
    a story about the country, or "the state of X", keeps the state."""
    text = ("Talks between Syria and Israel stalled again this week. Washington hopes the two sides will return to the "
            "table, while Damascus accuses Israel of delay. Diplomats in Cairo say Washington will send an envoy.")
    places = places_of(analyzer, text)
    assert places["Washington"].feature == "city" and places["Washington"].admin1 == "District of Columbia"
    text = "Moscow and Beijing rejected the proposal. Officials in Washington said sanctions on Iran would stay."
    assert places_of(analyzer, text)["Washington"].admin1 == "District of Columbia"
    text = ("A case of the cattle disease was found in the state of Washington, officials in Canada and Japan said, "
            "and Tokyo halted beef imports.")
    places = places_of(analyzer, text)
    assert places["Washington"].feature == "admin1"
    places = places_of(analyzer, "Growers in Washington and Oregon expect a smaller apple harvest this year.")
    assert places["Washington"].feature == "admin1"
