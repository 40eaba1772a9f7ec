"""Reported-speech frames of issue 17 item 4, ninth round: passive frames with an agent, a trailing "was quoted as
saying", "according to X, who said ...", a that-clause hung on "said in a statement", and pronoun speakers that
take the nearest compatible antecedent. Every case is a sentence written for the test, none copied from a corpus.
"""

from __future__ import annotations

import pytest
from conftest import quote_rows


def attributions(text: str) -> list[tuple[str, str | None, str | None]]:
    """(content, cue, source label) for every quote, in text order."""
    return [tuple(r[k] for k in ("content", "cue", "label")) for r in quote_rows(text, " ,.")]


def speakers(text: str) -> list[tuple[str, str | None, str | None]]:
    """(content, speaker as written, source label) for every quote, in text order."""
    return [tuple(r[k] for k in ("content", "written", "label")) for r in quote_rows(text, " ,.")]


# ------------------------------------------------------------------ passive frames with an agent

@pytest.mark.parametrize(("text", "content", "cue", "speaker"), [
    ("The new curfew was condemned by the opposition party.", "The new curfew", "condemned", "opposition party"),
    ("The casualty figures were confirmed by the provincial governor.", "The casualty figures", "confirmed",
     "provincial governor"),
    ("The planned dam has been criticised by local farmers.", "The planned dam", "criticised", "local farmers"),
])
def test_a_passive_cue_with_an_agent_reports_its_subject(text: str, content: str, cue: str, speaker: str) -> None:
    assert attributions(text) == [(content, cue, speaker)]


@pytest.mark.parametrize("text", [
    "The old bridge was destroyed by the storm.",  # no cue
    "The workers were told by the foreman to go home.",  # the passive subject is the one told
    "The trucks were shown by the guards to the gate.",  # the agent's showing reports nothing it can hold
])
def test_a_passive_with_an_agent_that_reports_nothing_is_no_attribution(text: str) -> None:
    assert attributions(text) == []


def test_a_passive_cue_with_an_agent_and_its_own_relative_report_gives_both() -> None:
    got = attributions("The tax was denied by the ministry, which said no new levy had been planned.")
    assert got == [("The tax", "denied", "ministry"), ("no new levy had been planned", "said", "ministry")]


# ------------------------------------------------------------------ "X, the governor was quoted as saying"

@pytest.mark.parametrize("text", [
    "The ferry will not sail until Friday, the harbour master was quoted as saying.",
    "The ferry will not sail until Friday, the harbour master was quoted by a local radio station as saying.",
])
def test_a_trailing_quoted_as_saying_frame_reports_the_clause_before_it(text: str) -> None:
    assert attributions(text) == [("The ferry will not sail until Friday", "saying", "harbour master")]


def test_a_leading_quoted_as_saying_frame_is_unchanged() -> None:
    got = attributions("The harbour master was quoted as saying that the ferry would not sail until Friday.")
    assert got == [("that the ferry would not sail until Friday", "saying", "harbour master")]


# ------------------------------------------------------------------ "according to X, who said Y"

def test_according_to_a_source_with_its_own_relative_report_splits_the_two_statements() -> None:
    got = attributions("The water plant was flooded on Sunday, according to the district engineer, who said "
                       "repairs would take a month.")
    assert got == [("The water plant was flooded on Sunday", "according to", "district engineer"),
                   ("repairs would take a month", "said", "district engineer")]


def test_according_to_a_source_with_a_relative_clause_that_reports_nothing_keeps_the_sentence() -> None:
    got = attributions("According to the district engineer, who inspected the site on Monday, the plant was "
                       "flooded.")
    assert got == [("the plant was flooded", "According to", "district engineer")]


# ------------------------------------------------------------------ "said in a statement that ..."

def test_a_that_clause_after_said_in_a_statement_is_what_the_speaker_said() -> None:
    got = attributions("The health ministry said in a statement that 40 people had died. Its spokesman added that "
                       "the toll would rise.")
    assert got == [("that 40 people had died", "said", "health ministry"),
                   ("that the toll would rise", "added", "Its spokesman")]


# ------------------------------------------------------------------ pronoun speakers: the nearest compatible one

def test_she_added_goes_to_the_woman_when_a_man_described_by_a_role_noun_spoke_last() -> None:
    got = speakers("Helen Ward, a teacher at the school, said she had not been paid since March. Her colleague, "
                   "Tom Baker, said he had borrowed money to pay the rent. \"We cannot go on like this,\" she added.")
    assert got[-1] == ("We cannot go on like this", "she", "Helen Ward")


def test_he_continued_goes_to_the_man_described_by_a_role_noun() -> None:
    got = speakers("Helen Ward, a teacher at the school, said she had not been paid since March. Her colleague, "
                   "Tom Baker, said he had borrowed money to pay the rent. \"We cannot go on like this,\" he "
                   "continued.")
    assert got[-1] == ("We cannot go on like this", "he", "Tom Baker")


def test_a_person_noun_that_is_someone_else_still_teaches_no_gender() -> None:
    # "the coach" may be the "he": Rosa Diaz's gender is not learnt from it, so her later "she" still finds her
    got = speakers("Rosa Diaz praised the coach, saying he had trained the team well. \"We were lucky,\" she added.")
    assert got[-1] == ("We were lucky", "she", "Rosa Diaz")


# ------------------------------------------------------------------ institutions as "it" and "they"

@pytest.mark.parametrize(("text", "label"), [
    ("The local bus company raised its fares in June. It said the rise was needed to buy new buses.",
     "local bus company"),
    ("The border police closed the crossing on Sunday. They said the closure would last a week.",
     "border police"),
])
def test_it_or_they_takes_up_an_institution_named_by_a_common_noun_just_before(text: str, label: str) -> None:
    assert [lab for _, _, lab in speakers(text)] == [label]


def test_it_after_a_sentence_about_something_else_stays_unresolved() -> None:
    got = speakers("The bus company raised its fares in June. The rise angered many families. It said the money "
                   "would buy new buses.")
    assert got == [("the money would buy new buses", "It", None)]


# ------------------------------------------------------------------ a fronted clause of time or concession

def test_a_fronted_concession_is_not_what_the_main_cue_reports_and_its_own_cue_reports_its_clause() -> None:
    # the parser reads "the budget was too small" as the complement of "praised" and the cue as an adverbial inside it
    got = speakers("While she conceded the budget was too small, the director praised the staff.")
    assert got == [("the budget was too small", "she", "director"), ("the staff", "the director", "director")]


@pytest.mark.parametrize(("text", "first"), [
    ("Although he admitted the harvest was poor, the farmer praised the new seeds.",
     ("the harvest was poor", "he", "farmer")),
    ("Although she admitted the harvest was poor, Lena Fischer praised the new seeds.",
     ("the harvest was poor", "she", "Lena Fischer")),
])
def test_a_pronoun_in_a_fronted_clause_stands_for_the_subject_after_it(text: str, first: tuple) -> None:
    assert speakers(text)[0] == first


def test_a_pronoun_in_a_fronted_clause_keeps_a_person_named_before_when_the_name_after_may_not_fit() -> None:
    got = speakers("Omar Said arrived late. Although he admitted the harvest was poor, Lena Fischer praised the "
                   "new seeds.")
    assert got[0] == ("the harvest was poor", "he", "Omar Said")


def test_a_clause_of_time_after_a_cue_is_still_not_reported() -> None:
    assert speakers("The mayor left the hall before the vote was counted.") == []


# ------------------------------------------------------------------ nested reports inside "according to"

def test_a_report_inside_according_to_content_is_nested_with_its_own_speaker() -> None:
    got = attributions("According to the village elder, a farmer told him the wells had dried up.")
    assert got == [("a farmer told him the wells had dried up", "According to", "village elder"),
                   ("the wells had dried up", "told", "a farmer")]


def test_a_stance_inside_according_to_content_stays_its_content() -> None:
    got = attributions("According to the village elder, the herders want to move south.")
    assert got == [("the herders want to move south", "According to", "village elder")]


# ------------------------------------------------------------------ a person named by a role noun sentences earlier

def test_he_said_takes_up_a_person_noun_subject_of_the_sentence_before() -> None:
    got = speakers("The colonel spoke to reporters at the airfield.\n\n\"The runway will reopen tomorrow,\" he said.")
    assert got == [("The runway will reopen tomorrow", "he", "colonel")]


def test_he_said_does_not_take_up_a_thing_or_a_woman() -> None:
    got = speakers("The storm damaged the runway.\n\n\"It will reopen tomorrow,\" he said.")
    assert got == [("It will reopen tomorrow", "he", None)]
    got = speakers("The actress spoke to reporters at the airfield.\n\n\"The runway will reopen tomorrow,\" he said.")
    assert got == [("The runway will reopen tomorrow", "he", None)]


def test_a_fronted_concession_before_a_trailing_frame_is_part_of_what_was_said() -> None:
    got = attributions("Although the old ferry will be retired, the new one will sail next week, says the harbour "
                       "master.")
    assert got == [("Although the old ferry will be retired, the new one will sail next week", "says",
                    "harbour master")]


def test_a_participle_before_the_subject_frames_no_clause_of_its_own() -> None:
    got = attributions("Writing in a medical journal, the surgeon and her team describe how they rebuilt the joint.")
    assert [cue for _, cue, _ in got] == ["describe"]


def test_a_verb_inside_the_according_to_source_phrase_reports_nothing() -> None:
    got = attributions("But according to several people the reporter spoke to, the contract was never signed.")
    assert got == [("the contract was never signed", "according to", "several people the reporter spoke to")]


def test_it_said_takes_up_a_document_subject_of_the_sentence_before() -> None:
    got = speakers("The statement from the water board was short.\n\n\"We regret the delay,\" it said.")
    assert got == [("We regret the delay", "it", "statement")]
