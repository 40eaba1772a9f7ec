"""A lone name that is the surname of someone the document names in full is that person, not a town of the name,
even when the model typed the full name an organisation; unless the text puts the name somewhere ("in X",
"X, Michigan"). Sentences written for these tests (a broadcast moderator, a teacher, a basketball player, a king)."""

from __future__ import annotations

import pytest
from conftest import places_of

#: a person's full name beside a role noun (which the model may type an organisation), then the surname alone as an
#: object: no place of that name, and no place from the given name either
NAMED_IN_FULL = [
    ("The network's evening anchor, Brent Holt of ABC News, will moderate the forum. Critics accused Holt of going "
     "easy on the governor of Michigan.", "Brent Holt"),
    ("The moderator of the town hall, Lester Holt of NBC News, pressed the senator on taxes. Later the senator "
     "accused Holt of bias against Michigan farmers.", "Lester Holt"),
    ("Sarah Lansing, the host, opened the program with a question about jobs in Michigan. The governor thanked "
     "Lansing for the invitation.", "Sarah Lansing"),
]


@pytest.mark.parametrize("text,person", NAMED_IN_FULL, ids=["anchor-comma", "moderator-appos", "host-after"])
def test_a_surname_of_someone_named_beside_a_role_is_no_town(analyzer, text: str, person: str) -> None:
    places = places_of(analyzer, text)
    assert "Michigan" in places  # the state named in the same text stays
    for word in person.split():
        assert word not in places, (word, places)


def test_a_surname_put_somewhere_by_the_text_is_the_town(analyzer) -> None:
    """"in Holt", "Holt, Michigan": the text makes the name a place even though a Holt is named in full."""
    places = places_of(analyzer, "Former teacher Mary Holt said the school would reopen. The family moved to Holt, "
                                 "Michigan, last year.")
    assert places["Holt"].admin1 == "Michigan" and places["Holt"].feature == "city"
    places = places_of(analyzer, "Mary Holt said the school would reopen. She grew up in Holt and later worked in "
                                 "Lansing.")
    assert places["Holt"].admin1 == "Michigan"


@pytest.mark.parametrize("text", [
    "Bail was set for a suspect in the Holt fraud case, which Judge Anne Holt's court heard in Ohio.",
    "Neighbours planted a tree in Holt' honor after Dana Holt died, the Ohio paper said.",
    "David Holt missed twice, and the last attack of the half should have ended in Holt scoring his tenth goal.",
    "Mary Holt and Jo Lansing lead the team, which has two of the best bowlers in the county in Holt and Lansing.",
    "David Holt was picked for the squad. The 6ft 4in Holt is ranked 30th in the world.",
    "Jack Holt, the party leader, resigned after the vote. Members said they had lost trust in Holt.",
    "Officials blamed the chairman, Tom Holt. Investors lost confidence in Holt on Friday, the Ohio paper said.",
    "The coach, Sam Holt, was sacked in May. Few fans believed in Holt, and fewer had a stake in Holt's plan.",
])
def test_a_surname_after_in_that_is_not_put_somewhere_stays_the_person(analyzer, text: str) -> None:
    """"in Holt's honor", "in the Holt case", "ended in Holt scoring", "in Holt and Lansing" (both people named in
    full), the "in" of "6ft 4in", "trust in Holt" and "believed in Holt" (the word's complement): the preposition puts
    no town there."""
    places = places_of(analyzer, text)
    assert "Holt" not in places and "Lansing" not in places, places


def test_unchanged_a_town_named_with_its_state_and_no_person_of_the_name(analyzer) -> None:
    places = places_of(analyzer, "Residents of Holt, Michigan, gathered at the library. Police in Holt said the road "
                                 "would reopen on Friday.")
    assert {"Holt", "Michigan"} <= set(places) and places["Holt"].admin1 == "Michigan"


def test_unchanged_a_country_and_a_person_of_its_name(analyzer) -> None:
    """A country is never a person's surname by this rule ("Jordan" the kingdom); the player's full name is no
    place."""
    places = places_of(analyzer, "King Abdullah of Jordan met the president. Jordan hosts many refugees.")
    assert places["Jordan"].feature == "country" and places["Jordan"].country == "JO"
    assert "Michael Jordan" not in places_of(analyzer, "Michael Jordan scored 40 points on Sunday. Jordan said he "
                                                       "was tired.")


def test_unchanged_a_firm_named_for_a_person_is_not_a_person_without_a_role(analyzer) -> None:
    """Two capitalised words the model types an organisation are a person's only beside a role noun: a firm's name
    ending in a town's leaves that town's own mentions alone."""
    places = places_of(analyzer, "Wells Fargo opened a new branch downtown. Fargo police closed two streets for the "
                                 "opening, and Fargo residents lined up early.")
    assert places["Fargo"].admin1 == "North Dakota"
