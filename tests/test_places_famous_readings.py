"""A name's famous reading (a country, a state, a big city of the country the story is about) against a small
town of the same name that only lies near the story's other towns (issue 17, GeoVirus and LGL tuning-part errors):
nearness alone does not make the hamlet; a town called by another, older name does not take a country's name.
General sentences, not copies of any benchmark's text."""

from __future__ import annotations

from conftest import places_of


def test_a_country_named_in_a_local_story_is_the_country_not_a_nearby_village_once_so_called(analyzer) -> None:
    text = ("The pastor of the First Baptist Church in Dover, Ohio, spoke to the congregation about the flight of "
            "the Israelites from Egypt.")
    places = places_of(analyzer, text)
    assert places["Egypt"].feature == "country" and places["Egypt"].country == "EG"
    assert places["Dover"].admin1 == "Ohio"  # the local town keeps its local reading


def test_a_big_city_of_the_storys_country_is_not_a_hamlet_of_its_name_near_the_towns_named(analyzer) -> None:
    text = "A Denver-based recycling firm said it would open a plant near Lancaster and Reading, Pennsylvania, in May."
    places = places_of(analyzer, text)
    assert places["Denver"].admin1 == "Colorado"
    assert places["Lancaster"].admin1 == "Pennsylvania" and places["Reading"].admin1 == "Pennsylvania"


def test_a_state_named_beside_a_city_is_the_state_not_a_village_of_its_name_near_that_city(analyzer) -> None:
    places = places_of(analyzer, "Reporters from New York City and Florida waited outside the courthouse in Newark.")
    assert places["Florida"].feature == "admin1" and places["Florida"].admin1 == "Florida"


def test_a_village_no_gazetteer_lists_is_a_place_at_the_point_of_the_place_that_holds_it(analyzer) -> None:
    """"the village of X" makes X a settlement even where the gazetteer and the model know nothing of it; it is
    put where its container is ("in Fife", "near Kananga"), and left off the map without one."""
    places = places_of(analyzer, "A dead swan was found in the village of Cellardyke in Fife, Scotland, on Monday.")
    assert places["Cellardyke"].country == "GB" and places["Cellardyke"].lat == places["Fife"].lat
    places = places_of(analyzer, "Health workers reached the remote village of Kapunguma, near Kananga, on Friday.")
    assert places["Kapunguma"].country == "CD" and abs(places["Kapunguma"].lat - places["Kananga"].lat) < 0.5
    places = places_of(analyzer, "He grew up in the village of Little Snoring, where his parents ran a shop.")
    assert "Little Snoring" not in places  # no place named near it: no point to give


def test_a_capitalised_city_of_a_title_or_slogan_is_no_settlement(analyzer) -> None:
    text = "Near Akron, Ohio, the museum's guide said the 'City of Seekers' tour shows its built heritage."
    assert "Seekers" not in places_of(analyzer, text)


def test_a_village_name_does_not_run_into_its_country_or_the_next_name_in_text_without_punctuation(analyzer) -> None:
    """Scraped text loses its commas: "the village of X Syria state media said" names the village X at most, never
    a place "X Syria"; nor "X Amnesty International"."""
    for text in ("Jets struck the village of Bab Qarwan Syria state media said near Azaz",
                 "Shelling hit the village of Tell Sawda Amnesty International said near Azaz"):
        places = places_of(analyzer, text)
        assert not any("Syria" in name and name != "Syria" or "Amnesty" in name for name in places), places
