"""Speaker resolution's rules (claimgraph/nlp/attribution/speakers.py `Sources`), written against the mutants
that survived tests/test_speaker_resolution.py and tests/test_attribution.py (bench/mutation.py).

The registry is read on news-style sentences parsed up to (not including) the attribution component, as in
tests/test_speaker_resolution.py: which mentions are candidates, their gender and number, which one a pronoun
takes. Whole articles are tested in tests/test_speaker_resolution.py.
"""

from __future__ import annotations

import pytest
from test_speaker_resolution import registry, token  # the same registry those tests read


def by_label(sources) -> dict:
    return {c.label: c for c in sources.person_mentions()}


def test_an_honorific_gender_is_not_overwritten_by_a_later_pronoun(analyzer):
    _, sources = registry(analyzer, "Mr. Omar Saleh met the governor in Aleppo on Monday.")
    saleh = by_label(sources)["Omar Saleh"]
    sources.remember(saleh, "she")  # a wrong resolution later on does not unlearn what the honorific said
    assert sources._gender_of(saleh) == "m"


def test_a_passive_subject_is_a_subject(analyzer):
    _, sources = registry(analyzer, "Omar Saleh was arrested on Monday.")
    assert by_label(sources)["Omar Saleh"].subject is True


@pytest.mark.parametrize(("text", "genders"), [
    ("Shelling hit Gaza. Her brother, Daniel Smith, was hurt.", {"Daniel Smith": "m"}),  # a place named first
    ("Her brother, Daniel Smith, was hurt. His sister, Mary Jones, was killed.",       # two people, each learnt
     {"Daniel Smith": "m", "Mary Jones": "f"}),
])
def test_gendered_role_nouns_give_every_person_named_their_gender(analyzer, text, genders):
    _, sources = registry(analyzer, text)
    assert {c.label: sources._gender_of(c) for c in sources.person_mentions() if c.kind == "person"} == genders


@pytest.mark.parametrize("pronoun", ["he", "his", "him"])
def test_each_male_pronoun_teaches_the_gender(analyzer, pronoun):
    _, sources = registry(analyzer, "Omar Saleh met the governor in Aleppo on Monday.")
    saleh = by_label(sources)["Omar Saleh"]
    sources.remember(saleh, pronoun)
    assert sources._gender_of(saleh) == "m"


# ------------------------------------------------------------------ whole articles: whom a pronoun continues

Q = "\u201c{}\u201d"


def speakers(text: str) -> list[tuple[str | None, str | None]]:
    """(written speaker, resolved source label) for every quote, in text order."""
    from claimgraph import analyze

    a = analyze(text)
    labels = {s.id: s.label for s in a.sources}
    out = []
    for q in sorted(a.quotes, key=lambda q: q.span[0]):
        written = a.document.text[q.speaker_span[0]:q.speaker_span[1]] if q.speaker_span else None
        out.append((written, labels.get(q.speaker)))
    return out


@pytest.mark.parametrize(("speaker", "pronoun"), [
    ("a police spokesman", "he"),           # an unnamed official: no name to fall back on
    ("a senior official", "he"),
    ("an analyst at the Carnegie Endowment", "she"),  # an unnamed expert
    ("a police spokesperson", "they"),      # an official of no known gender may be "they" too ("spokesman": he)
    ("doctors at the hospital", "they"),    # experts, plural
    ("a source close to the talks", "they"),  # an anonymous source
])
def test_a_pronoun_continues_an_unnamed_speaker(speaker, pronoun):
    text = (Q.format("The border is closed,") + f" {speaker} said on Monday. Trucks waited at the crossing. "
            + Q.format("It will not reopen soon,") + f" {pronoun} added.")
    (written, label), last = speakers(text)
    assert speaker.startswith(written) and label is not None
    assert last == (pronoun, label)  # the pronoun continues the speaker of the first quote


# ------------------------------------------------------------------ the registry: which candidate a pronoun takes

def test_it_takes_a_country(analyzer):
    doc, sources = registry(analyzer, "Trucks waited as Turkey closed the border on Monday. "
                                      "It said the crossing would stay shut.")
    assert sources.resolve_pronoun(token(doc, "It")).label == "Turkey"


@pytest.mark.parametrize("outlet", ["Al Jazeera", "Reuters"])
def test_it_takes_a_news_outlet_named_before(analyzer, outlet):
    doc, sources = registry(analyzer, f"{outlet} aired the video on Monday. It said the strike hit a school.")
    assert sources.resolve_pronoun(token(doc, "It")).label == outlet


@pytest.mark.parametrize("group", ["The Taliban", "Hamas"])
def test_it_skips_a_later_armed_group_for_the_organisation(analyzer, group):
    doc, sources = registry(analyzer, f"The Red Cross sent trucks. {group} stopped them at the gate. "
                                      "It said the aid would wait.")
    assert by_label(sources)[group.removeprefix("The ")].gender == "p"  # a group is "they"
    assert sources.resolve_pronoun(token(doc, "It")).label == "Red Cross"


def test_an_older_subject_wins_over_a_later_object(analyzer):
    doc, sources = registry(analyzer, "Samir Karimi drove the truck. Police stopped Omar Saleh nearby. He said so.")
    assert sources.resolve_pronoun(token(doc, "He")).label == "Samir Karimi"


def test_a_mention_in_the_pronouns_own_sentence_wins_over_the_last_speaker(analyzer):
    doc, sources = registry(analyzer, "Samir Karimi spoke first. Police stopped Omar Saleh on Monday and he was "
                                      "searched.")
    sources.remember(by_label(sources)["Samir Karimi"])
    assert sources.resolve_pronoun(token(doc, "he")).label == "Omar Saleh"


@pytest.mark.parametrize(("between", "expected"), [
    ("Rain fell. ", "Samir Karimi"),                      # the speaker is four sentences back: still in the window
    ("Rain fell. Roads closed. ", "Omar Saleh"),          # five back: out of it, the mention in the window wins
])
def test_the_last_speaker_holds_for_four_sentences(analyzer, between, expected):
    doc, sources = registry(analyzer, f"Samir Karimi spoke first. {between}Police stopped Omar Saleh nearby. "
                                      "Trucks came. He said so.")
    sources.remember(by_label(sources)["Samir Karimi"])
    assert sources.resolve_pronoun(token(doc, "He")).label == expected


def test_the_last_resort_reads_every_earlier_mention(analyzer):
    # beyond the window, the latest mention is a country ("it"): the man named before it is still found
    doc, sources = registry(analyzer, "Samir Karimi arrived in Jordan. Rain fell. Roads closed. Shops shut. "
                                      "Power failed. Trucks came. He said so.")
    assert [c.label for c in sources.person_mentions()] == ["Samir Karimi", "Jordan"]
    assert sources.resolve_pronoun(token(doc, "He")).label == "Samir Karimi"


@pytest.mark.parametrize(("more", "found"), [(-1, True), (0, False)])
def test_the_last_resort_reads_back_at_most_lookback_mentions(analyzer, more, found):
    from claimgraph.nlp.attribution.speakers import LOOKBACK

    # a man, then LOOKBACK - 1 (or LOOKBACK) mentions of a country: the pronoun reads back LOOKBACK mentions,
    # never the whole history, so the man is the last one it reaches, or just out of reach
    text = "Samir Karimi arrived first. " + "Trucks crossed into Syria. " * (LOOKBACK + more) + "He said so."
    doc, sources = registry(analyzer, text)
    mentions = sources.person_mentions()
    assert mentions[0].label == "Samir Karimi" and len(mentions) == LOOKBACK + more + 1
    assert {c.label for c in mentions[1:]} == {"Syria"}
    got = sources.resolve_pronoun(token(doc, "He"))
    assert (got.label if got else None) == ("Samir Karimi" if found else None)


def test_a_pronoun_reads_back_at_most_lookback_speakers(analyzer):
    from claimgraph.nlp.attribution.speakers import LOOKBACK, Candidate

    doc, sources = registry(analyzer, "Samir Karimi spoke first. He said so.")
    sources.remember(by_label(sources)["Samir Karimi"])
    for _ in range(LOOKBACK):  # later speakers "he" cannot take (officials, plural)
        sources.remember(Candidate(1, "label:officials", "officials", None, "official", "p"))
    assert sources.resolve_pronoun(token(doc, "He"), lambda char: True) is None  # every mention excluded


def test_the_window_counts_a_sentence_of_one_word(analyzer):
    from spacy.tokens import Doc

    from claimgraph.nlp.attribution.sentences import SentenceIndex

    # a headline word on its own line is a sentence of one token
    words = ["One", "fell", ".", "Breaking", "Two", "fell", ".", "Three", "fell", "."]
    starts = [True, False, False, True, True, False, False, True, False, False]
    doc = Doc(analyzer.nlp.vocab, words=words, sent_starts=starts)
    three, sents = doc[7], SentenceIndex(doc)
    assert sents.start_before(three, 1) == doc[4].idx
    assert sents.start_before(three, 2) == doc[3].idx
    assert sents.start_before(three, 3) == doc[0].idx
