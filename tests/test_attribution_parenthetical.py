"""A cue set inside the sentence it reports ('To understand X, Professor Y said, one should ...'): the parser makes the
name ending the fronted phrase the subject and the speaker's name its apposition; the speaker is the name that runs
up to the verb. A true apposition ('The mayor, John Smith, said') and a list of names keep their first name."""

from __future__ import annotations

import pytest
from conftest import quote_rows


def speakers(text: str) -> list[str | None]:
    return [r["label"] for r in quote_rows(text)]


@pytest.mark.parametrize(("text", "speaker"), [
    ("To understand the real Thomas Paine, Professor Ellen Hart said, one should read his letters.", "Ellen Hart"),
    ("To know the true Anne Boleyn, Chief Justice Mark Roberts said, one must visit the tower.", "Mark Roberts"),
    ("For the families of Port Elm, Governor Lucy Grant said, the new bridge would end a long wait.", "Lucy Grant"),
])
def test_the_name_running_up_to_a_parenthetical_cue_is_the_speaker(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


@pytest.mark.parametrize(("text", "speaker"), [
    ("The mayor, John Smith, said the road was closed.", "John Smith"),
    ("John Smith, Ellen Hart and Tom Reed said the talks had failed.", "John Smith"),
    ("Microsoft said in a statement that it would pay the fine.", "Microsoft"),
])
def test_an_apposition_or_a_list_keeps_its_speaker(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]
