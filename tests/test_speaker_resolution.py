"""Pronoun speakers: which earlier person or group "he", "she", "they" and "it" refer to.

The rules under test (claimgraph/nlp/attribution/speakers.py, `Sources.resolve_pronoun`): among the
compatible candidates the latest wins (a subject over a later object); a candidate is compatible when
gender (from honorifics, or from an earlier pronoun resolved to the same person) and number agree.
Every case is a short article written for the test; each one fails if the rule is reversed or dropped
(earliest instead of latest, gender or number ignored).
"""

from __future__ import annotations

import pytest
from conftest import assert_spans_exact

from claimgraph import analyze

Q = "\u201c{}\u201d"


def speakers(text: str) -> list[tuple[str, str | None, str | None]]:
    """(quoted words, written speaker, resolved source label) for every quote, in text order."""
    a = analyze(text)
    assert_spans_exact(a)
    labels = {s.id: s.label for s in a.sources}
    out = []
    for q in sorted(a.quotes, key=lambda q: q.span[0]):
        written = a.document.text[q.speaker_span[0]:q.speaker_span[1]] if q.speaker_span else None
        out.append((q.text.strip(" ,.\u201c\u201d"), written, labels.get(q.speaker)))
    return out


def last_speaker(text: str) -> tuple[str | None, str | None]:
    return speakers(text)[-1][1:]


# ------------------------------------------------------------------ several earlier people: the latest wins

def test_latest_of_two_named_women_is_the_speaker():
    text = ("Maria Lopez met officials at the clinic on Monday. Anna Smith visited the camp on Tuesday. "
            + Q.format("We ran out of insulin last week,") + " she said.")
    assert last_speaker(text) == ("she", "Anna Smith")


def test_latest_of_two_named_women_in_the_other_order():
    text = ("Anna Smith met officials at the clinic on Monday. Maria Lopez visited the camp on Tuesday. "
            + Q.format("We ran out of insulin last week,") + " she said.")
    assert last_speaker(text) == ("she", "Maria Lopez")


def test_he_added_after_two_quoted_men_continues_the_latest():
    text = (Q.format("The road is mined,") + " Samir Haddad told reporters. "
            + Q.format("The bridge is down,") + " Omar Saleh said. Aid trucks turned back on Tuesday. "
            + Q.format("Nobody can pass,") + " he added.")
    got = speakers(text)
    assert [label for _, _, label in got] == ["Samir Haddad", "Omar Saleh", "Omar Saleh"]


def test_a_new_subject_after_the_last_speaker_takes_the_pronoun():
    text = (Q.format("The road is mined,") + " Samir Haddad told reporters. "
            "Omar Saleh drove the first truck across on Tuesday. " + Q.format("Nobody else can pass,") + " he said.")
    assert last_speaker(text) == ("he", "Omar Saleh")


def test_of_two_new_subjects_after_the_last_speaker_the_latest_takes_the_pronoun():
    text = (Q.format("The road is mined,") + " Samir Haddad told reporters. "
            "Omar Saleh drove the first truck across on Tuesday. Ali Karimi drove the second one on Wednesday. "
            + Q.format("Nobody else can pass,") + " he said.")
    assert last_speaker(text) == ("he", "Ali Karimi")


def test_in_one_sentence_the_latest_subject_before_the_pronoun_is_the_speaker():
    text = "Omar Saleh left the camp on Monday while Ali Karimi stayed, and he said the road was mined."
    assert last_speaker(text) == ("he", "Ali Karimi")


FILLER = ("Aid trucks turned back on Tuesday. The road was closed again. Rain fell all week. The river rose. "
          "Shops stayed shut. ")


def test_long_after_two_quoted_men_the_latest_speaker_is_still_the_one():
    text = (Q.format("The road is mined,") + " Samir Haddad told reporters. "
            + Q.format("The bridge is down,") + " Omar Saleh said. " + FILLER
            + Q.format("Nobody can pass,") + " he added.")
    assert last_speaker(text) == ("he", "Omar Saleh")


def test_long_after_two_named_men_the_latest_is_the_speaker():
    text = ("Samir Haddad drove to the camp on Monday. Omar Saleh drove to the clinic. " + FILLER
            + Q.format("Nobody can pass,") + " he said.")
    assert last_speaker(text) == ("he", "Omar Saleh")


# ------------------------------------------------------------------ gender agreement

def test_she_skips_a_later_man_named_with_an_honorific():
    text = ("Maria Lopez runs the clinic. Mr. Brown visited the camp on Tuesday. "
            + Q.format("We ran out of insulin last week,") + " she said.")
    assert last_speaker(text) == ("she", "Maria Lopez")


def test_he_skips_a_later_woman_named_with_an_honorific():
    text = ("Mr. Brown runs the clinic. Ms. Lopez visited the camp on Tuesday. "
            + Q.format("We ran out of insulin last week,") + " he said.")
    assert last_speaker(text) == ("he", "Brown")


@pytest.mark.parametrize(("pronoun", "expected"), [("he", "Haddad"), ("she", "Hassan")])
def test_added_goes_to_the_earlier_speaker_of_the_pronouns_gender(pronoun, expected):
    text = (Q.format("The road is mined,") + " Mr. Haddad told reporters. "
            + Q.format("The bridge is down,") + " Ms. Hassan said. Aid trucks turned back on Tuesday. "
            + Q.format("Nobody can pass,") + f" {pronoun} added.")
    assert last_speaker(text) == (pronoun, expected)


@pytest.mark.parametrize(("pronoun", "expected"), [("he", "Haddad"), ("she", "Hassan")])
def test_same_speakers_in_the_other_order(pronoun, expected):
    text = (Q.format("The bridge is down,") + " Ms. Hassan said. "
            + Q.format("The road is mined,") + " Mr. Haddad told reporters. Aid trucks turned back on Tuesday. "
            + Q.format("Nobody can pass,") + f" {pronoun} added.")
    assert last_speaker(text) == (pronoun, expected)


def test_gender_learnt_from_an_earlier_pronoun_is_kept():
    text = ("Layla Hassan runs the clinic. " + Q.format("We have no insulin,") + " she said. "
            "Omar Saleh drives the ambulance. " + Q.format("The road is mined,") + " he said. "
            + Q.format("We need fuel,") + " she added.")
    got = [(written, label) for _, written, label in speakers(text)]
    assert got == [("she", "Hassan"), ("he", "Omar Saleh"), ("she", "Hassan")]


# ------------------------------------------------------------------ number: "they" and "it" are not a person

def test_they_skips_a_later_person_for_the_organisation():
    text = ("The Red Crescent sent two trucks on Monday. John Okafor drove one of them. "
            + Q.format("The roads are closed,") + " they said.")
    assert last_speaker(text) == ("they", "Red Crescent")


def test_it_skips_a_later_person_for_the_organisation():
    text = ("The Red Crescent sent two trucks on Monday. John Okafor drove one of them. "
            + Q.format("The roads are closed,") + " it said.")
    assert last_speaker(text) == ("it", "Red Crescent")


def test_he_does_not_take_an_organisation_named_later():
    text = ("John Okafor drove the first truck on Monday. The Red Crescent sent two more trucks. "
            + Q.format("The roads are closed,") + " he said.")
    assert last_speaker(text) == ("he", "John Okafor")


def test_he_does_not_take_a_country_named_later():
    text = ("John Okafor drove the first truck on Monday. Turkey closed the border crossing on Tuesday. "
            + Q.format("The roads are closed,") + " he said.")
    assert last_speaker(text) == ("he", "John Okafor")


# ------------------------------------------------------------------ kinds of speaker each pronoun can take

@pytest.mark.parametrize("before", ["John Okafor runs the bakery.", "The Red Crescent sent two trucks on Monday."])
def test_first_person_speaker_is_not_resolved_to_someone_named_before(before):
    text = before + " " + Q.format("We have no flour,") + " I said."
    assert last_speaker(text) == ("I", None)


def test_he_added_continues_an_official_speaker():
    text = (Q.format("The border is closed,") + " Interior Minister Ali Khan said on Monday. "
            "Trucks waited at the crossing. " + Q.format("It will reopen soon,") + " he added.")
    assert last_speaker(text) == ("he", "Ali Khan")


def test_she_added_continues_an_expert_speaker_past_a_man():
    text = (Q.format("The border is closed,") + " said Jane Roe, an analyst at the Carnegie Endowment. "
            "Trucks waited at the crossing. Mr. Brown drove one of them. "
            + Q.format("It will not reopen soon,") + " she added.")
    assert last_speaker(text) == ("she", "Jane Roe")


def test_they_added_continues_unnamed_officials():
    text = (Q.format("The border is closed,") + " Turkish officials said on Monday. "
            "Trucks waited at the crossing. " + Q.format("It will reopen soon,") + " they added.")
    assert last_speaker(text) == ("they", "Turkish officials")


def test_they_is_not_a_country():
    text = ("Turkey closed the border on Monday. Aid workers waited at the crossing. "
            + Q.format("It will reopen soon,") + " they said.")
    assert last_speaker(text) == ("they", None)


def test_it_added_continues_an_outlet():
    text = (Q.format("The border is closed,") + " Reuters reported on Monday. "
            "Trucks waited at the crossing. " + Q.format("It will reopen soon,") + " it added.")
    assert last_speaker(text) == ("it", "Reuters")


def test_in_one_sentence_the_subject_wins_over_a_later_object():
    assert last_speaker("Omar Saleh met Ali Karimi on Monday, and he said the road was mined.") == (
        "he", "Omar Saleh")


def test_long_after_three_named_men_the_latest_is_the_speaker():
    text = ("Samir Haddad drove to the camp on Monday. Omar Saleh drove to the clinic. "
            "Ali Karimi drove to the border. " + FILLER + Q.format("Nobody can pass,") + " he said.")
    assert last_speaker(text) == ("he", "Ali Karimi")


def test_a_woman_learnt_from_she_said_is_skipped_by_he():
    text = ("Omar Saleh drives the ambulance. Layla Hassan runs the clinic. "
            + Q.format("We have no insulin,") + " she said. " + Q.format("The road is mined,") + " he added.")
    got = [(written, label) for _, written, label in speakers(text)]
    assert got == [("she", "Layla Hassan"), ("he", "Omar Saleh")]


def test_a_man_learnt_from_he_said_is_skipped_by_she():
    text = ("Layla Hassan runs the clinic. Omar Saleh drives the ambulance. "
            + Q.format("The road is mined,") + " he said. " + Q.format("We have no insulin,") + " she added.")
    got = [written_label[1:] for written_label in speakers(text)]
    assert got == [("he", "Omar Saleh"), ("she", "Hassan")]
