""""Attack" is a cue only when the attack is made in words: a raid on a convoy, a town or a base reports nothing
said, while attacking a person, a plan "as" something or "over"/"for" something is criticism (conflict news uses
the verb both ways in one article). Sentences written for these tests, not copied from any benchmark's text."""

from __future__ import annotations

import pytest
from conftest import assert_spans_exact

import claimgraph


@pytest.mark.parametrize("text", [
    "Rebels attacked the convoy near the border on Tuesday, killing four soldiers.",
    "Gunmen attacked a checkpoint in the north of the city overnight.",
    "Militants attacked the town for three hours before withdrawing.",
    "Insurgents attacked an army base over the weekend.",
])
def test_a_physical_attack_reports_nothing_said(text: str) -> None:
    analysis = claimgraph.analyze(text)
    assert_spans_exact(analysis)
    assert analysis.quotes == []


@pytest.mark.parametrize("text, content", [
    ("The senator attacked the governor over the budget.", "the governor over the budget"),
    ("The opposition leader attacked the plan as a giveaway to the rich.", "the plan as a giveaway to the rich"),
    ("The union attacked the company for cutting wages.", "the company for cutting wages"),
])
def test_an_attack_in_words_is_still_reported(text: str, content: str) -> None:
    analysis = claimgraph.analyze(text)
    assert_spans_exact(analysis)
    assert [q.text for q in analysis.quotes] == [content]
