"""More words with an ordinary sense beside a conflict one: data "plundered" by a computer worm, lawyers "sitting
in" a room, a firm's or a club's "headquarters" named as a landmark. Each names an event only with the participants
or the wording the codebook gives it (armed actors or rioters who loot; a sit-in staged; a headquarters set up).
Sentences invented for this test, not copied from any benchmark's text; before the fix (16f2b66) all 5 ordinary
sentences gave an event."""

from __future__ import annotations

import pytest
from conftest import assert_spans_exact

from claimgraph.ingest import prepare

ORDINARY = [
    "Anyone who opens the attachment will have their address book plundered by the worm.",
    "The virus plunders the mail program for addresses to send itself to.",
    "It will be a lot of lawyers sitting in a room trying to thrash out a deal, the director said.",
    "The band played a late show at a pub next to the football club's headquarters.",
    "The company moved its headquarters to a new building in the city centre last year.",
    "Shares in the bank marched on to a record high on Friday.",
]

CONFLICT = [
    ("Militiamen plundered shops and homes in the town on Monday after the army withdrew.",
     "Looting/property destruction"),
    ("Hundreds of students staged a sit-in outside the ministry in Dhaka on Monday.", "Peaceful protest"),
    ("Rebels set up a headquarters in the captured town on Tuesday.", "Headquarters or base established"),
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


ASKED = [
    "The singer had failed to persuade the other contestants to stage a protest against the show.",
    "The union encouraged its members to march on the town hall next week.",
    "Organisers tried to convince the farmers to block the motorway.",
]


@pytest.mark.parametrize("text", ASKED)
def test_asking_others_to_protest_is_no_protest(analyzer, text: str) -> None:
    """Persuading, encouraging or convincing others to protest is no protest of theirs (events_modality.tsv
    governors, like "urge"); "Thousands marched on the town hall" is one. 2 of these 3 gave a protest before
    (2a55489)."""
    analysis = analyzer.analyze_article(prepare(text))
    assert_spans_exact(analysis)
    assert not analysis.events, [(e.subtype, e.text) for e in analysis.events]
    marched = analyzer.analyze_article(prepare("Thousands of farmers marched on the town hall in Lyon on Monday."))
    assert [e.subtype for e in marched.events][:1] == ["Peaceful protest"]

