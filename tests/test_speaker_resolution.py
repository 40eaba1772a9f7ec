"""Pronoun speakers: which earlier person or group "he", "she", "they" and "it" refer to.

The rules under test (claimgraph/nlp/attribution/speakers.py, `Sources.resolve_pronoun`): among the
compatible candidates the latest wins (a subject over a later object); a candidate is compatible when
gender (from honorifics, or from an earlier pronoun resolved to the same person) and number agree.
Every case is a short article written for the test; each one fails if the rule is reversed or dropped
(earliest instead of latest, gender or number ignored).
"""

from __future__ import annotations

import pytest
from conftest import quote_speakers

Q = "\u201c{}\u201d"


def speakers(text: str) -> list[tuple[str, str | None, str | None]]:
    """(quoted words, written speaker, resolved source label) for every quote, in text order."""
    return [q[:3] for q in quote_speakers(text)]


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


# ------------------------------------------------------------------ gender from kinship and role nouns

def test_she_continued_skips_a_man_known_only_from_a_kinship_noun():
    text = ("Elena Ward manages the shelter on the hill. Her husband, Tomas Ward, drives the supply truck.\n\n"
            + Q.format("The roof leaks every night,") + " Elena Ward said. Tomas Ward said the road was washed out."
            "\n\n" + Q.format("We need blankets more than food,") + " she continued.")
    assert last_speaker(text) == ("she", "Elena Ward")


def test_he_added_skips_a_woman_known_only_from_a_role_noun():
    text = ("Victor Hale runs the ferry between the islands. The port's spokeswoman, Ines Carvalho, "
            "answered questions on Monday.\n\n" + Q.format("The engines are old,") + " Victor Hale said. "
            "Ines Carvalho said repairs would start in May.\n\n" + Q.format("Nobody listens to us,")
            + " he added.")
    assert last_speaker(text) == ("he", "Victor Hale")


# ------------------------------------------------------------------ the registry's rules, on parsed documents
# Sources read directly: which mentions are candidates, what gender and number each has, which one a
# pronoun takes. The document is parsed by the pipeline up to (not including) attribution.

@pytest.fixture(scope="module")
def analyzer():
    from claimgraph.pipeline import Analyzer

    return Analyzer()


def registry(analyzer, text: str):
    """(doc, Sources) for a text parsed up to the attribution component, genders learnt."""
    from claimgraph.ingest import prepare
    from claimgraph.nlp.attribution.lexicon import lexicon
    from claimgraph.nlp.attribution.speakers import Sources

    doc = analyzer._doc(prepare(text))
    for name, proc in analyzer.nlp.pipeline:
        if name == "claimgraph_attribution":
            break
        doc = proc(doc)
    sources = Sources(doc._.claimgraph, doc, not_person=frozenset(lexicon().not_person_heads))
    sources.learn_gender(doc, lexicon().gendered)
    return doc, sources


def token(doc, word: str, nth: int = 0):
    return [t for t in doc if t.text == word][nth]


def test_mentions_are_people_groups_and_places_in_text_order_without_dates(analyzer):
    doc, sources = registry(analyzer, "Omar Saleh met Red Cross officials in Jordan on Monday. "
                                      "Palestinians waited outside.")
    cands = sources.person_mentions()
    text = doc.text
    names = [text[c.pos:c.pos + len(c.label)] if c.label in text else c.label for c in cands]
    assert [c.pos for c in cands] == sorted(c.pos for c in cands)
    assert "Omar Saleh" in names and "Jordan" in names and "Palestinians" in names
    assert not any("Monday" in n for n in names)
    by_label = {c.label: c for c in cands}
    assert by_label["Omar Saleh"].gender == "?" and by_label["Omar Saleh"].kind == "person"
    assert by_label["Jordan"].gender == "n"
    assert by_label["Palestinians"].gender == "p"


def test_a_name_used_as_a_modifier_is_not_a_candidate(analyzer):
    _, sources = registry(analyzer, "Turkish officials met the envoy. The Kremlin spokesman, Ivan Orlov, spoke.")
    labels = [c.label for c in sources.person_mentions()]
    assert "Turkish" not in labels and "Kremlin" not in labels
    assert "Ivan Orlov" in labels


def test_a_subject_mention_is_marked_and_an_object_is_not(analyzer):
    _, sources = registry(analyzer, "Omar Saleh thanked Samir Haddad on Monday.")
    by_label = {c.label: c for c in sources.person_mentions()}
    assert by_label["Omar Saleh"].subject is True
    assert by_label["Samir Haddad"].subject is False


def test_honorifics_give_each_person_a_gender(analyzer):
    _, sources = registry(analyzer, "Mr. Omar Saleh met Ms. Lina Haddad and Samir Karimi in the town hall.")
    by_label = {c.label: c for c in sources.person_mentions()}
    assert sources._gender_of(by_label["Omar Saleh"]) == "m"
    assert sources._gender_of(by_label["Lina Haddad"]) == "f"
    assert sources._gender_of(by_label["Samir Karimi"]) == "?"


def test_a_name_opening_the_text_has_no_honorific_to_learn_from(analyzer):
    _, sources = registry(analyzer, "Omar Saleh met Mrs. Lina Haddad in the town hall.")
    by_label = {c.label: c for c in sources.person_mentions()}
    assert sources._gender_of(by_label["Omar Saleh"]) == "?"
    assert sources._gender_of(by_label["Lina Haddad"]) == "f"


def test_groups_and_things_keep_their_number_whatever_was_learnt(analyzer):
    _, sources = registry(analyzer, "Palestinians crossed into Jordan on Monday.")
    by_label = {c.label: c for c in sources.person_mentions()}
    for label, number in (("Palestinians", "p"), ("Jordan", "n")):
        cand = by_label[label]
        sources.gender[cand.source_key] = "f"
        assert sources._gender_of(cand) == number


def test_a_pronoun_learns_the_gender_of_the_person_it_resolved_to(analyzer):
    from claimgraph.nlp.attribution.speakers import Candidate

    _, sources = registry(analyzer, "Samir Karimi and Lina Haddad spoke.")
    by_label = {c.label: c for c in sources.person_mentions()}
    sources.remember(by_label["Lina Haddad"], "she")
    sources.remember(by_label["Samir Karimi"], None)
    assert sources._gender_of(by_label["Lina Haddad"]) == "f"
    assert sources._gender_of(by_label["Samir Karimi"]) == "?"
    assert sources.history[-1] is by_label["Samir Karimi"]
    group = Candidate(0, "label:officials", "officials", None, "official", "p")
    sources.remember(group, "he")
    assert "label:officials" not in sources.gender  # a group never takes a person's gender


def test_first_and_second_person_and_unknown_words_resolve_to_nobody(analyzer):
    doc, sources = registry(analyzer, "Omar Saleh spoke. I listened and you agreed, said the others.")
    assert sources.resolve_pronoun(token(doc, "I")) is None
    assert sources.resolve_pronoun(token(doc, "you")) is None
    assert sources.resolve_pronoun(token(doc, "listened")) is None


def test_it_takes_the_organisation_and_they_the_group(analyzer):
    doc, sources = registry(analyzer, "The Red Cross sent trucks. Palestinians waited at the gate. "
                                      "It said they would be fed.")
    assert sources.resolve_pronoun(token(doc, "It")).label == "Red Cross"
    assert sources.resolve_pronoun(token(doc, "they")).label == "Palestinians"


def test_a_pronoun_takes_a_subject_of_its_own_sentence_before_an_older_one(analyzer):
    doc, sources = registry(analyzer, "Samir Karimi drove the truck. Omar Saleh said on Monday that he was tired.")
    assert sources.resolve_pronoun(token(doc, "he")).label == "Omar Saleh"


def test_excluded_mentions_are_never_antecedents(analyzer):
    doc, sources = registry(analyzer, "Samir Karimi drove the truck. Omar Saleh said on Monday that he was tired.")
    saleh = token(doc, "Omar").idx
    got = sources.resolve_pronoun(token(doc, "he"), lambda char: char == saleh)
    assert got.label == "Samir Karimi"


def test_the_last_speaker_keeps_the_pronoun_over_an_older_subject(analyzer):
    doc, sources = registry(analyzer, "Samir Karimi drove the truck. Omar Saleh was quoted. Trucks came. "
                                      "He said so.")
    by_label = {c.label: c for c in sources.person_mentions()}
    sources.remember(by_label["Omar Saleh"])
    assert sources.resolve_pronoun(token(doc, "He")).label == "Omar Saleh"


def test_a_speaker_beyond_the_window_yields_to_a_recent_mention(analyzer):
    doc, sources = registry(analyzer, "Samir Karimi spoke first. Rain fell. Roads closed. Shops shut. Power failed. "
                                      "Omar Saleh was seen nearby. Trucks came. He said so.")
    by_label = {c.label: c for c in sources.person_mentions()}
    sources.remember(by_label["Samir Karimi"])
    assert sources.resolve_pronoun(token(doc, "He")).label == "Omar Saleh"


def test_a_speaker_beyond_the_window_is_still_the_fallback(analyzer):
    doc, sources = registry(analyzer, "Samir Karimi spoke first. Rain fell. Roads closed. Shops shut. Power failed. "
                                      "Trucks came. He said so.")
    by_label = {c.label: c for c in sources.person_mentions()}
    sources.remember(by_label["Samir Karimi"])
    assert sources.resolve_pronoun(token(doc, "He")).label == "Samir Karimi"


def test_a_mention_beyond_the_window_is_the_last_resort(analyzer):
    doc, sources = registry(analyzer, "Samir Karimi arrived first. Rain fell. Roads closed. Shops shut. "
                                      "Power failed. Trucks came. He said so.")
    assert sources.resolve_pronoun(token(doc, "He")).label == "Samir Karimi"


def test_the_window_reaches_back_four_sentences(analyzer):
    doc, sources = registry(analyzer, "One fell. Two fell. Three fell. Four fell. Five fell. Six fell.")
    six = token(doc, "Six")
    assert sources.sents.start_before(six, 4) == token(doc, "Two").idx
    assert sources.sents.start_before(six, 0) == six.idx
    assert sources.sents.start_before(token(doc, "Two"), 4) == 0
    assert sources.sents.start_char(token(doc, "fell", 5)) == six.idx
