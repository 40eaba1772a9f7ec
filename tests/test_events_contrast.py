"""A party the sentence sets aside ("not Y", "rather than Y", "instead of Y", "not by Y") did not act: X did
(issue 13: actors from what the text says of the act). Sentences invented for this rule, not copied from any
benchmark's text. Before the fix (c47ef00) 3 of the 5 set-aside parties were given as actors and "rebel artillery"
was the event's word."""

from __future__ import annotations

import pytest
from conftest import assert_spans_exact

from claimgraph.contract import Analysis
from claimgraph.ingest import prepare


def _analyze(analyzer, text: str) -> Analysis:
    analysis = analyzer.analyze_article(prepare(text, html=False))
    assert_spans_exact(analysis)
    return analysis


def _actor_words(analysis: Analysis) -> list[set[str]]:
    """Per event, every way the text names its actors."""
    text = analysis.document.text
    names = {e.id: {e.name, *e.aliases, *(text[s:t] for s, t in e.mentions)} for e in analysis.entities}
    return [set().union(*(names[a] for a in ev.actors)) if ev.actors else set() for ev in analysis.events]


@pytest.mark.parametrize("text, actor, aside", [
    ("Russian warplanes, not Syrian jets, struck the market in Ariha on Monday, killing eight civilians.",
     "Russian", "Syrian"),
    ("Israeli jets, not Syrian forces, bombed an arms depot near Damascus on Sunday.", "Israeli", "Syrian"),
    ("Turkish drones, instead of Kurdish fighters, attacked the convoy near Afrin on Friday.", "Turkish", "Kurdish"),
    ("The village was shelled by Russian aircraft, not by the Syrian army, on Monday.", "Russian", "Syrian"),
    ("Islamic State militants, and not Kurdish forces, attacked the village on Monday.", "Islamic State", "Kurdish"),
])
def test_a_party_set_aside_is_no_actor(analyzer, text: str, actor: str, aside: str) -> None:
    analysis = _analyze(analyzer, text)
    actors = _actor_words(analysis)
    assert analysis.events and actors[0] and any(actor in w for w in actors[0])
    assert not any(aside in w for names in actors for w in names), actors


def test_a_word_of_the_party_set_aside_is_no_event_word(analyzer) -> None:
    """"rather than rebel artillery": the artillery did not shell; the helicopters did (from the air)."""
    analysis = _analyze(analyzer, "Government helicopters rather than rebel artillery shelled the village on "
                                  "Tuesday, killing four people.")
    assert analysis.events and all("artillery" not in e.text for e in analysis.events)


def test_a_negated_act_is_still_no_event(analyzer) -> None:
    """"not" before a verb negates the act, as before: no party is set aside and no event is reported."""
    assert not _analyze(analyzer, "Rebels did not shell the town on Friday.").events
