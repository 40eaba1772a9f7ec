"""Trigger phrases with an ordinary business, sport or political sense (reviewer's finding on the codebook rows of
rounds 11-25): "enter ... unopposed", "hand over control", "cave in" and "lodge/file a protest" name an event only
with the participants the codebook gives them (a place taken or an armed actor; something physical that collapses;
a state that protests). Sentences invented for this test, each phrase in several paraphrases."""

from __future__ import annotations

import pytest
from conftest import assert_spans_exact

from claimgraph.ingest import prepare

ORDINARY = [
    "The candidate entered the race unopposed.",
    "The senator entered the primary unopposed after her rival withdrew.",
    "The champion entered the final round unopposed.",
    "The minister caved in to pressure from the unions.",
    "The board caved in to the demands of its shareholders.",
    "After weeks of talks the coach finally caved in.",
    "The club lodged a protest with FIFA over the referee's decision.",
    "The company filed a formal protest with the tax office.",
    "The team registered a protest with the league about the fixture list.",
    "The founder handed over control of the firm to his son.",
    "The chairman handed over control of the bank to the new board.",
]

CONFLICT = [
    ("Rebel fighters entered the town unopposed on Sunday.", "Non-violent transfer of territory"),
    ("Government troops entered the city peacefully after the militia withdrew.", "Non-violent transfer of territory"),
    ("The column entered the village unopposed at dawn.", "Non-violent transfer of territory"),
    ("The militia handed over control of the district to the army.", "Non-violent transfer of territory"),
    ("Insurgents handed over control to government forces without a shot.", "Non-violent transfer of territory"),
    ("The elders handed over the town to the rebels.", "Non-violent transfer of territory"),
    ("A tunnel caved in at the mine, trapping eleven workers.", "Man-made disaster"),
    ("The roof of the school caved in during the storm, injuring six pupils.", "Man-made disaster"),
    ("Three miners died when part of the shaft caved in on Monday.", "Man-made disaster"),
    ("The foreign ministry lodged a protest with the ambassador over the incursion.", "Diplomatic event"),
    ("Pakistan lodged a strong protest with India over the border shelling.", "Diplomatic event"),
    ("The government filed a formal protest with Moscow over the violation of its airspace.", "Diplomatic event"),
    ("The embassy registered a protest over the detention of its citizens.", "Diplomatic event"),
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_sense_is_no_event(analyzer, text: str) -> None:
    analysis = analyzer.analyze_article(prepare(text))
    assert_spans_exact(analysis)
    assert not analysis.events, [(e.subtype, e.text) for e in analysis.events]


@pytest.mark.parametrize(("text", "subtype"), CONFLICT)
def test_conflict_sense_is_still_an_event(analyzer, text: str, subtype: str) -> None:
    analysis = analyzer.analyze_article(prepare(text))
    assert_spans_exact(analysis)
    assert analysis.events, f"no event in: {text}"
    assert analysis.events[0].subtype == subtype, [(e.subtype, e.text) for e in analysis.events]
