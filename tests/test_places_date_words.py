"""Words of a date that GeoNames also holds as places (issue 17 audit: the "Mon" of a page's dateline read as Mon
State, Myanmar), written as general sentences, not copies of any benchmark's text."""

from __future__ import annotations

from conftest import places_of


def test_a_weekday_abbreviation_opening_a_date_is_no_place(analyzer) -> None:
    """Page bylines and datelines print the weekday before the date ("Mon 12 Oct 2015", "Mon, 5 March")."""
    text = ("Troops push toward the river town\nMon 12 Oct 2015 10.30 BST\nGovernment forces captured two villages "
            "south of Aleppo on Monday, a monitor said.")
    places = places_of(analyzer, text)
    assert "Mon" not in places and places["Aleppo"].country == "SY"
    places = places_of(analyzer, "Published: Mon, 5 March 2018\nShelling resumed in the north of Idlib province.")
    assert "Mon" not in places and "Idlib province" in places
    places = places_of(analyzer, "Updated Mon Oct 12, 2015. Floods closed roads around Yangon and Bago.")
    assert "Mon" not in places and places["Yangon"].country == "MM"


def test_a_weekday_abbreviation_in_opening_hours_is_no_place(analyzer) -> None:
    """A page's opening hours list weekdays ("Tue - Sat 10am to 4pm, closed on Sun & Mon", "Mon to Fri 9:00")."""
    text = "The gallery in Glasgow is open Tue - Sat 10am to 4pm (closed on Sun & Mon). Entry is free."
    places = places_of(analyzer, text)
    assert "Mon" not in places and "Glasgow" in places
    places = places_of(analyzer, "Call our office in Leeds, Mon to Fri 9:00-17:00, for tickets.")
    assert "Mon" not in places and "Leeds" in places


def test_the_state_called_mon_stays_a_place(analyzer) -> None:
    """What must not change: "Mon" with no date after it is the state (or its people's land) the text names."""
    text = "Fighting displaced thousands in Mon State and Kayin State last month, aid agencies said."
    places = places_of(analyzer, text)
    assert places["Mon"].country == "MM" and places["Kayin State"].country == "MM"
    places = places_of(analyzer, "Refugees crossed from Mon into Thailand on Monday, aid workers in Mae Sot said.")
    assert places["Mon"].country == "MM" and places["Mon"].feature == "admin1"
