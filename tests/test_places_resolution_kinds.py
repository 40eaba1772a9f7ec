"""Which reading of a name that is both a division and a town (issue 17, GeoVirus tuning-part errors),
written as general sentences, not copies of any benchmark's text."""

from __future__ import annotations

from conftest import places_of


def test_a_name_in_a_long_list_of_states_is_the_state_not_a_town_of_another_listed_state(analyzer) -> None:
    """Towns named Washington lie in several of the listed states; the list of states says which kind it is."""
    text = ("The recalled lettuce was sold in Arizona, Colorado, Illinois, Missouri, New Jersey, Ohio, Oregon, "
            "Utah, Washington and Wisconsin, the agency said.")
    places = places_of(analyzer, text)
    assert places["Washington"].feature == "admin1" and places["Washington"].admin1 == "Washington"
    text = ("Patients fell ill in Indiana, Michigan, New Jersey and Pennsylvania, and in Canada in Alberta, "
            "Manitoba, Ontario and New Brunswick.")
    places = places_of(analyzer, text)
    assert places["New Brunswick"].country == "CA" and places["New Brunswick"].feature == "admin1"


def test_a_province_named_once_does_not_make_itself_a_small_town_of_that_province(analyzer) -> None:
    """The state a name reads as first is no evidence that the same name is a small town inside that state;
    a big city of a state's name stays the city ("New York")."""
    text = ("Nine cases were confirmed in Ontario, four in Alberta, two in Manitoba and one in Quebec, "
            "health officials said on Tuesday.")
    places = places_of(analyzer, text)
    assert places["Quebec"].feature == "admin1" and places["Quebec"].country == "CA"
    places = places_of(analyzer, "The singer was buried on Saturday after a funeral in New York attended by hundreds.")
    assert places["New York"].feature == "city" and places["New York"].country == "US"


def test_a_former_name_of_a_country_is_that_country_and_a_province_of_the_name_stays_the_province(analyzer) -> None:
    places = places_of(analyzer, "The dictator ruled Zaire for three decades before fleeing to Morocco.")
    assert places["Zaire"].country == "CD" and places["Zaire"].feature == "country"
    places = places_of(analyzer, "Tea from Ceylon was shipped to London every month.")
    assert places["Ceylon"].country == "LK"
    places = places_of(analyzer, "Six new cases were found in Zaire province, in the north of Angola, on Friday.")
    assert places["Zaire province"].country == "AO" and places["Zaire province"].feature == "admin1"


def test_a_sea_or_ocean_before_region_is_that_water_not_a_county_of_its_name(analyzer) -> None:
    """"the Pacific region", "the Black Sea region": the division word names the area of a sea or ocean, not a
    county called so; a climate pattern named in Spanish ("El Niño") is no village of that name."""
    text = "El Nino warms the ocean of the tropical Pacific region and brings floods to Kenya."
    places = places_of(analyzer, text)
    assert places["Pacific region"].feature == "water" and places["Pacific region"].country is None
    assert "El Nino" not in places
    places = places_of(analyzer, "Prices rose across the Black Sea region this winter.")
    assert places["Black Sea region"].feature == "water"


def test_a_county_is_read_in_the_state_named_just_before_it_not_in_another_state_of_the_story(analyzer) -> None:
    """A text names the state before the counties in it: "found in Utah, on a ranch in Washington County" is
    Utah's Washington County, though Colorado (named earlier, with a town of its own) also has one."""
    text = ("Scientists in Durango, Colorado, tested samples from dead elk last month. The elk were found in Utah, "
            "on a ranch in Washington County, by a hunter.")
    places = places_of(analyzer, text)
    assert places["Washington County"].admin1 == "Utah" and places["Durango"].admin1 == "Colorado"
