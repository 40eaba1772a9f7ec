"""'The minister, asked whether troops would stay, said ...' / 'Asked about the report, the spokesman said ...': the
participle of a cue that names its listener (cues.tsv passive listener: ask, tell) set off before the main verb is a
passive: the one named was asked, by nobody named, so the question is an attribution with no speaker (as an agentless
"is expected to" is), never the asked one's; and the main cue's speaker is the noun the participle hangs on, not a
subject inside the question."""

from __future__ import annotations

import pytest
from conftest import quote_rows


def attributions(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(r["content"], r["cue"], r["label"]) for r in quote_rows(text)]


@pytest.mark.parametrize(("text", "question", "content", "speaker"), [
    ("Asked about the report, the spokesman said the president had not seen it.",
     ("about the report", "Asked"), "the president had not seen it", "spokesman"),
    ("A White House spokesman, asked about the report, said the president had not seen it.",
     ("about the report", "asked"), "the president had not seen it", "A White House spokesman"),
    ("The minister, asked whether troops would stay, said no decision had been made.",
     ("whether troops would stay", "asked"), "no decision had been made", "minister"),
    ("Asked if he would resign, the minister said he would not.", ("if he would resign", "Asked"), "he would not",
     "minister"),
    ("The coach, told of the ban, said he would appeal.", ("of the ban", "told"), "he would appeal", "coach"),
    # the parser may read the participle as a finite verb with the host as its subject ('The minister asked ...')
    # and the clause as the object of 'said': the comma between the host and the verb gives it away
    ("The minister, asked whether troops would stay, said the mission was over.",
     ("whether troops would stay", "asked"), "the mission was over", "minister"),
    ("The governor, asked about the flooding, said the dams were safe.",
     ("about the flooding", "asked"), "the dams were safe", "governor"),
])
def test_a_question_put_to_the_speaker_is_not_the_speakers_report(
        text: str, question: tuple[str, str], content: str, speaker: str) -> None:
    assert attributions(text) == [(*question, None), (content, "said", speaker)]


@pytest.mark.parametrize(("text", "expected"), [
    ("The minister asked whether troops would stay.", [("whether troops would stay", "asked", "minister")]),
    ("Reporters asked the minister whether troops would stay.",
     [("whether troops would stay", "asked", "Reporters")]),
    ("The mayor told reporters that the road would reopen.", [("that the road would reopen", "told", "mayor")]),
    ("The minister asked whether troops would stay, the spokesman said.",
     [("The minister asked whether troops would stay", "said", "spokesman")]),
])
def test_an_active_question_or_telling_is_still_reported(text: str, expected: list) -> None:
    assert attributions(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Residents, told by police that the dam could burst, fled their homes on Sunday.",
     [("that the dam could burst", "told", "police")]),
    ("The villagers, told by officials that the water was safe, kept drinking it.",
     [("that the water was safe", "told", "officials")]),
    ("Told by the army that the border would close, thousands of families left the town.",
     [("that the border would close", "Told", "army")]),
])
def test_a_telling_with_its_agent_named_is_the_agents_report(text: str, expected: list) -> None:
    """The passive is a report when it names who told: the agent speaks, not the one told (review R1)."""
    assert attributions(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the participle hangs on a subject whose own verb is no cue: what was told has no speaker, and the clause
    # ends at the comma closing the participle (the parser may make the participle the sentence's main verb)
    ("The captain, told that the harbour was mined, turned the ship around.",
     [("that the harbour was mined", "told", None)]),
    ("The farmers, warned that the river would flood, moved their cattle to higher ground.",
     [("that the river would flood", "warned", None)]),
    ("The patrol, warned of a roadside bomb, took another road.", [("of a roadside bomb", "warned", None)]),
    ("The teacher, told the school had been shelled, wept in front of the class.",
     [("the school had been shelled", "told", None)]),
])
def test_the_one_told_is_not_the_speaker_whatever_follows(text: str, expected: list) -> None:
    assert attributions(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the verb after the participle's closing comma has the participle's host as its subject, not a noun inside
    # what was asked or told, also when it is a participle of its own after a main verb
    ("The colonel, asked whether the gunmen had crossed the border, said his men had seen nobody.",
     [("whether the gunmen had crossed the border", "asked", None), ("his men had seen nobody", "said", "colonel")]),
    ("The mayor, informed that the bridge had collapsed, closed the road, saying the area was unsafe.",
     [("that the bridge had collapsed", "informed", None), ("the area was unsafe", "saying", "mayor")]),
])
def test_the_verb_after_a_set_off_participle_has_its_host_as_speaker(text: str, expected: list) -> None:
    assert attributions(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The captain told the crew that the harbour was mined.", [("that the harbour was mined", "told", "captain")]),
    ("The captain, who told the crew that the harbour was mined, turned the ship around.",
     [("that the harbour was mined", "told", "captain")]),
    ("The farmers warned that the river would flood, urging the council to act.",
     [("that the river would flood", "warned", "farmers"), ("the council to act", "urging", "farmers")]),
    ("The captain, however, warned that the harbour was mined.", [("that the harbour was mined", "warned", "captain")]),
])
def test_an_active_telling_with_commas_keeps_its_speaker(text: str, expected: list) -> None:
    assert attributions(text) == expected
