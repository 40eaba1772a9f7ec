"""A place name after a capitalised word of a quoted title (a show's, a book's) is the title's, not a place the text
speaks of (audit 17: a country word closing a radio show's name); a quoted sentence, a quoted place name alone and a
place after a preposition in a slogan stay places. Sentences written for these tests."""

from __future__ import annotations

import pytest
from conftest import places_of


@pytest.mark.parametrize("text,name", [
    ('The senator gave an interview to the radio show "Trending Today USA" on Monday.', "USA"),
    ('Viewers of "Good Morning America" saw the storm reach Denver.', "America"),
    ('Her novel "The Lost Kandahar Letters" sold well in Canada.', "Kandahar"),
])
def test_a_place_in_a_quoted_title_is_no_place(analyzer, text: str, name: str) -> None:
    places = places_of(analyzer, text)
    assert name not in places, places
    assert places or "USA" == name  # the place the sentence speaks of stays (Denver, Rome, Canada)


@pytest.mark.parametrize("text,name", [
    ('"We love America," the mayor of Dallas said.', "America"),
    ('Aid convoys reached "Gaza" only on Friday, the agency said.', "Gaza"),
    ('The show "Life in Kenya" was filmed in Kenya.', "Kenya"),
    ('Supporters held up a "Welcome Back to Leeds" banner as the team bus arrived.', "Leeds"),
])
def test_unchanged_a_quoted_sentence_or_a_place_named_outside_the_title(analyzer, text: str, name: str) -> None:
    """Not title case ("We love America"), a quoted name alone ("Gaza"), a place after a preposition in a slogan
    ("Welcome Back to Leeds"), or the place named again outside the title ("filmed in Kenya"): a place."""
    assert name in places_of(analyzer, text)
