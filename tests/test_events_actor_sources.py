"""Who did it comes from what the text says of that act (issue 13, extraction bugs seen by linking), written
before the fix: the sentence's agent ("X struck", "struck by X"), the act carried out or claimed by X, or a claim
of responsibility for it. A group named elsewhere (a general statement about its attacks, another incident
of the same day, a group another party blames, a group driven out earlier) did not do it, and a town that
qualifies the act ("an Azaz car bomb") is where it happened, not who did it. Sentences invented for the rule;
1 of 9 passed before the fix (a claim with the act as its object), 9 after.
"""

from __future__ import annotations

import pytest
from conftest import assert_spans_exact

from claimgraph.contract import Analysis, Event
from claimgraph.ingest import Article
from claimgraph.meta import DocMeta


def _analyze(analyzer, text: str) -> Analysis:
    analysis = analyzer.analyze_article(Article(text=text, meta=DocMeta(published="2016-03-09")))
    assert_spans_exact(analysis)
    return analysis


def _event(analysis: Analysis, text: str, words: str, skip_type: str | None = None) -> Event:
    """The first event (not of `skip_type`) one of whose mentions overlaps the words."""
    at = text.index(words)
    event = next((e for e in analysis.events if e.type != skip_type and any(
        s <= at < e_ or at <= s < at + len(words) for s, e_ in [e.span, *e.mentions])), None)
    assert event is not None, [(e.subtype, e.text) for e in analysis.events]
    return event


def _names(analysis: Analysis, ids: list[str]) -> set[str]:
    """Every way the text names the entities (their names and the words of each mention)."""
    text = analysis.document.text
    out: set[str] = set()
    for e in analysis.entities:
        if e.id in ids:
            out |= {e.name, *e.aliases, *(text[s:t] for s, t in e.mentions)}
    return out


#: (text, words of the act, a name that must not be among its actors or targets)
NOT_THE_ACTOR = [
    ("A car bomb exploded outside a police station in the city of Homs on Sunday, killing six people. No group has "
     "claimed responsibility. Islamic State fighters have carried out several attacks in the province this year.",
     "car bomb", "Islamic State"),
    ("A suicide bomber struck a police station in Damascus, killing 12 people. The government blamed the Nusra Front "
     "for the attack. Islamic State militants seized a village in the east on the same day.", "suicide bomber",
     "Islamic State"),
    ("Islamic State militants have been driven out of most of their strongholds. On Tuesday a bomb exploded near a "
     "police station in Damascus, killing four people, state media said.", "bomb exploded", "Islamic State"),
    ("Hezbollah fighters captured a hill near the border last month. On Friday a roadside bomb killed three "
     "soldiers on a road outside the town of Qusayr, a military source said.", "roadside bomb", "Hezbollah"),
    ("Syrian Observatory: 8 killed in Azaz car bomb\n\nA car bomb exploded on Monday in a market in the town of "
     "Azaz, killing eight people, the Observatory said.", "Azaz car bomb", "Azaz"),
]

#: (text, words of the act, the name that must be among its actors)
THE_ACTOR = [
    ("The Islamic State group claimed responsibility for a suicide bombing at a police station in Damascus that "
     "killed 12 people.", "suicide bombing", "Islamic State"),
    ("The bombing of the police station in Damascus was carried out by the Islamic State group, the interior "
     "ministry said.", "bombing", "Islamic State"),
    ("The Taliban claimed a suicide attack on an army base in Kandahar that killed nine soldiers.", "suicide attack",
     "Taliban"),
    ("The ambush on the convoy near Kidal was carried out by fighters of Ansar Dine, the army said.", "ambush",
     "Ansar Dine"),
]


@pytest.mark.parametrize(("text", "words", "name"), NOT_THE_ACTOR)
def test_a_group_named_elsewhere_did_not_do_it(analyzer, text: str, words: str, name: str) -> None:
    analysis = _analyze(analyzer, text)
    event = _event(analysis, text, words)
    named = _names(analysis, event.actors + event.targets)
    assert not any(name in n for n in named), (event.subtype, named)


@pytest.mark.parametrize(("text", "words", "name"), THE_ACTOR)
def test_the_agent_or_the_claimer_did_it(analyzer, text: str, words: str, name: str) -> None:
    analysis = _analyze(analyzer, text)
    event = _event(analysis, text, words)
    named = _names(analysis, event.actors)
    assert any(name in n for n in named), (event.subtype, named)
