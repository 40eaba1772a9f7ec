"""Attributions PolNeAR annotates that we missed (the recall side of issue 17's eighth quotes round): a refusal
to speak or act is the refuser's reported stance, and a person named by a common role noun can promise or claim.
General sentences written for these classes before the fixes."""

from __future__ import annotations

import pytest
from conftest import quote_rows


def attributions(text: str) -> list[tuple[str, str | None]]:
    return [(r["content"], r["label"]) for r in quote_rows(text, strip=' ,."')]


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("Through a spokesman, the minister declined to comment on the report.", "to comment on the report", "minister"),
    ("The governor declined to endorse the candidate.", "to endorse the candidate", "governor"),
    ("The mayor has refused to release the audit of the water company.", "to release the audit of the water company",
     "mayor"),
    ("The general refused to say whether troops had crossed the river.",
     "to say whether troops had crossed the river", "general"),
])
def test_a_refusal_with_an_infinitive_is_the_refusers_report(text: str, content: str, speaker: str) -> None:
    assert attributions(text) == [(content, speaker)]


@pytest.mark.parametrize("text", [
    "The engine refused to start in the cold.",
    "The door refused to open.",
    "Prices refused to fall despite the glut.",
    "Liverpool refused to give up and won 2-1 in stoppage time.",
    "The striker declined to celebrate after scoring against his old club.",
])
def test_a_refusal_to_act_rather_than_to_speak_reports_nothing(text: str) -> None:
    assert attributions(text) == []


def test_an_order_needs_someone_who_speaks() -> None:
    assert attributions("The sign told drivers to slow down.") == []
    assert attributions("The weather forecast told farmers to expect frost.") == []
    assert attributions("The commander told his soldiers to hold the bridge.") == [
        ("his soldiers to hold the bridge", "commander")]


def test_a_decline_or_refusal_without_an_infinitive_reports_nothing() -> None:
    assert attributions("Exports declined sharply in the second quarter.") == []
    assert attributions("The rebels refused the offer of a truce.") == []
    # inside what someone said it is part of that statement, not a report of its own
    assert attributions("Police said the driver refused to stop at the checkpoint.") == [
        ("the driver refused to stop at the checkpoint", "Police")]


def test_a_common_noun_for_a_person_can_promise() -> None:
    assert attributions("The farmers pledged to remain calm.") == [("to remain calm", "farmers")]
    assert attributions("Demonstrators said they want justice, but pledged to remain peaceful.") == [
        ("they want justice", "Demonstrators"), ("to remain peaceful", "Demonstrators")]
    # a thing still promises nothing, and takes nothing it is said to claim
    assert attributions("The storm promises to be severe.") == []
    assert attributions("The explosion claimed the lives of 20 people.") == []


def test_a_clause_of_time_is_not_what_was_said_when_what_was_said_stands_before_the_cue() -> None:
    assert attributions("That was what the envoy said when she resigned from the ministry after the war began.") == []
    # with nothing said before the cue, "when" still opens what was said (an indirect question)
    assert attributions("The minister did not say when the border would reopen.") == [
        ("when the border would reopen", "minister")]
    assert attributions("The mayor insisted, most recently in an interview on Monday, that the water was safe.") == [
        ("that the water was safe", "mayor")]


def test_a_statement_with_a_fragment_a_cue_inside_it_governs_is_still_reported() -> None:
    rows = attributions("The manager told reporters on Monday that the campaign expects the host to insert himself "
                        "into the debate by calling out the mayor for his supposed “lies” during the event.")
    assert rows[0] == ("that the campaign expects the host to insert himself into the debate by calling out the mayor "
                       "for his supposed “lies” during the event", "manager")
    # the speaker's own fragment is part of the one attribution
    assert attributions('The envoy condemned what he called a "brazen breach" of the truce.') == [
        ('what he called a "brazen breach" of the truce', "envoy")]
    # someone else's fragment stays his too
    assert attributions('The mayor said that the minister, who called the plan "a disaster," should resign.') == [
        ('that the minister, who called the plan "a disaster," should resign', "mayor"), ("a disaster", "minister")]
    # a fragment of the statement's own cue still makes the statement one attribution
    assert attributions('Roberts said the videos were "inconclusive" and should not be released.') == [
        ('the videos were "inconclusive" and should not be released', "Roberts")]
    # a fragment its own cue governs outside any statement stays a partial quote
    assert attributions('The senator called the plan "a disgrace" on Monday.') == [("a disgrace", "senator")]


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("The Taliban denied involvement.", "involvement", "Taliban"),
    ("The minister denied wrongdoing.", "wrongdoing", "minister"),
    ("The council condemned violence on both sides.", "violence on both sides", "council"),
    ("The council condemned violence.", "violence", "council"),
])
def test_a_denial_or_accusation_of_a_one_word_object_is_reported(text: str, content: str, speaker: str) -> None:
    assert attributions(text) == [(content, speaker)]


@pytest.mark.parametrize("text", [
    "The army denied it.",
    "The keeper denied Rooney.",
    "The union backed Jones.",
])
def test_a_pronoun_a_name_or_a_stance_of_one_word_stays_unreported(text: str) -> None:
    assert attributions(text) == []


def test_a_participle_inside_a_noun_phrase_charges_nobody() -> None:
    assert attributions("The car comes with fast charging support.") == []
    assert attributions("The group issued a statement, denying involvement.") == [("involvement", "group")]
