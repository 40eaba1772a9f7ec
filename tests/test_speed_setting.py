"""The events setting's document-wide questions read the parse's columns (no `Token` per token): `court_case`
counts the court words a token-by-token reading counts, `person_tokens` gives the same people, on general
reports of a trial, of fighting and of an ordinary day."""

from __future__ import annotations

import pytest

from claimgraph.nlp.events.setting import COURT_MIN, court_case, court_words, person_tokens
from claimgraph.nlp.state import get_state

TRIAL = ("The trial of a former police officer opened in Lyon on Monday. Prosecutors told the court that he "
         "had beaten a detainee, and the judge heard two witnesses. His lawyer said the jury would acquit him; "
         "the verdict is expected next week.")
FIGHTING = ("Rebels shelled the town of Maarat al-Numan on Sunday, killing four civilians, said Ahmed Khalil, "
            "a local council member. Government forces answered with air strikes, residents said.")
ORDINARY = "The council approved a new library budget on Tuesday, and Mayor Anne Hidalgo welcomed the vote."


def _court_words_by_token(doc) -> int:
    words = court_words()
    return sum(1 for t in doc if t.lemma_.lower() in words or t.lower_ in words)


@pytest.mark.parametrize("text", [TRIAL, FIGHTING, ORDINARY, TRIAL.upper(), ""])
def test_court_case_counts_what_a_token_reading_counts(analyzer, text) -> None:
    doc = analyzer.nlp(text)
    assert court_case(doc) == (_court_words_by_token(doc) >= COURT_MIN)
    assert court_case(doc) == court_case(doc)  # the lemma memo gives the same answer the second time


def test_a_trial_is_a_court_case_and_fighting_is_not(analyzer) -> None:
    assert court_case(analyzer.nlp(TRIAL))
    assert not court_case(analyzer.nlp(FIGHTING)) and not court_case(analyzer.nlp(ORDINARY))


@pytest.mark.parametrize("text", [TRIAL, FIGHTING, ORDINARY])
def test_person_tokens_are_a_token_readings(analyzer, text) -> None:
    doc = analyzer.nlp(text)
    state = get_state(doc)
    expected = {t.i for t in doc if t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "ORG")}
    for place in state.items.get("places", []):
        for s, e in place.mentions:
            span = doc.char_span(s, e, alignment_mode="expand")
            expected -= {t.i for t in span} if span is not None else set()
    for ent in state.items.get("entities", []):
        for s, e in ent.mentions if ent.type == "PERSON" else []:
            span = doc.char_span(s, e, alignment_mode="expand")
            expected |= {t.i for t in span} if span is not None else set()
    assert person_tokens(doc, state) == expected


def test_the_named_man_is_a_person_and_the_rebels_are_not(analyzer) -> None:
    doc = analyzer.nlp(FIGHTING)
    names = {doc[i].text for i in person_tokens(doc, get_state(doc))}
    assert {"Ahmed", "Khalil"} <= names and not names & {"Rebels", "Government", "Sunday"}
