"""Speakers on unseen text (issue 17, item 4): who a surname, an institution, a passive or a nested report
belongs to ("she continued" after a kinship noun is in test_speaker_resolution.py).

Every case is a short article written for the test (no bench or issue text); each fails if its rule is
dropped: a name particle kept with its surname, "the ministry" resolved to the latest ministry, a passive
cue's agent, a report inside a report, and a manner phrase ("on condition of anonymity") that is not what
was said.
"""

from __future__ import annotations

import pytest
from conftest import quote_rows

from claimgraph import analyze
from claimgraph.contract import Entity
from claimgraph.nlp.attribution.lexicon import lexicon
from claimgraph.nlp.attribution.speakers import Sources
from claimgraph.nlp.state import DocState

Q = "\u201c{}\u201d"


def attributions(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    """(content, written speaker, source label, source kind) for every quote, in text order."""
    return [tuple(r[k] for k in ('content', 'written', 'label', 'kind')) for r in quote_rows(text, " ,.\u201c\u201d")]


def speaker_of(text: str, content: str) -> tuple[str | None, str | None]:
    """(written speaker, source label) of the one attribution whose content starts with `content`."""
    found = [(w, label) for c, w, label, _ in attributions(text) if c.startswith(content)]
    assert len(found) == 1, found
    return found[0]


# ------------------------------------------------------------------ names with particles stay whole

def test_a_surname_with_al_names_the_whole_person() -> None:
    text = (Q.format("The wells have been dry since spring,") + " said Yusuf Al-Masri, who farms near the river. "
            + Q.format("Our sheep are dying,") + " Al-Masri added.")
    rows = attributions(text)
    later = [r for r in rows if r[0].startswith("Our sheep")]
    assert [r[2] for r in later] == ["Yusuf Al-Masri"]


def test_a_particle_is_never_the_role_of_the_speaker() -> None:
    a = analyze(Q.format("The harvest failed again,") + " said Karim Al-Hassan, a grower in the valley. "
                + Q.format("We will leave next year,") + " Al-Hassan said.")
    roles = {s.label: s.role for s in a.sources}
    assert roles.get("Karim Al-Hassan") == "grower in the valley"
    assert "Hassan" not in roles  # no second person "Hassan" with the role "Al"


# ------------------------------------------------------------------ institutions, passives, nested reports

def test_the_ministry_is_the_latest_ministry_not_the_latest_speaker() -> None:
    text = ("The country's interior ministry rejected the accusations on Tuesday. Lev Petrov, a spokesman for "
            "the opposition, said the vote had been rigged. The ministry said the count had been fair.")
    assert speaker_of(text, "the count had been fair") == ("The ministry", "country's interior ministry")


def test_a_passive_cue_gives_its_agent_as_the_speaker() -> None:
    written, label = speaker_of("It was confirmed by the coast guard that two fishing boats had sunk.",
                                "that two fishing boats")
    assert written == "the coast guard"
    assert label == "coast guard"


def test_a_report_inside_a_report_has_its_own_speaker() -> None:
    rows = attributions("The governor said on Friday that a fire chief had told her the blaze was under control.")
    assert ("the blaze was under control", "a fire chief") in [(c, w) for c, w, _, _ in rows]
    assert any(w == "The governor" for _, w, _, _ in rows)


def test_how_someone_spoke_is_not_what_they_said() -> None:
    rows = attributions("Three diplomats, speaking on condition of anonymity, said the ceasefire had collapsed.")
    assert not any("anonymity" in c for c, _, _, _ in rows)
    assert ("the ceasefire had collapsed", "Three diplomats") in [(c, w) for c, w, _, _ in rows]


# ------------------------------------------------------------------ organisation and facility heads

def test_a_name_ending_in_an_organisation_head_is_never_a_person() -> None:
    sources = Sources(DocState(), None, not_person=frozenset(lexicon().not_person_heads))
    hospital = Entity(id="e1", name="Nasser Hospital", type="PERSON", mentions=[(0, 15)])
    person = Entity(id="e2", name="Omar Nasser", type="PERSON", mentions=[(20, 31)])
    assert sources.kind_of(hospital) == "organization"
    assert sources.kind_of(person) == "person"


def test_a_hospital_speaking_is_an_organisation_source() -> None:
    rows = attributions("The Al-Nour Hospital said 14 patients had been moved to the basement.")
    assert [(w, kind) for c, w, _, kind in rows if c.startswith("14 patients")] == [
        ("The Al-Nour Hospital", "organization")]


# ------------------------------------------------------------------ headline rubrics, transcript turns

def test_a_headline_rubric_before_a_colon_is_not_a_speaker() -> None:
    rows = attributions("Fact Check: Claims About The Dam Are False\n\nThe dam was not damaged in the storm.")
    assert not any(label == "Fact Check" for _, _, label, _ in rows)


def test_a_transcript_turn_label_is_still_the_speaker() -> None:
    rows = attributions("ALVAREZ: We will not leave the valley this winter.\n\nMORENO: Then we stay with you.")
    assert ("We will not leave the valley this winter", "ALVAREZ") in [(c, w) for c, w, _, _ in rows]


# ------------------------------------------------------------------ institutions through a spokesperson

def test_a_spokesperson_speaks_with_the_institution_in_the_label() -> None:
    written, label = speaker_of("A spokeswoman for the Transport Ministry said the bridge would reopen in June.",
                                "the bridge would reopen")
    assert written == "A spokeswoman for the Transport Ministry"
    assert "Transport Ministry" in label


# ------------------------------------------------------------------ who is never the speaker

def test_a_dateline_is_never_the_speaker() -> None:
    rows = attributions("KABUL -- The governor of the province, visiting the flooded villages on Monday, said the army "
                        "would send ''every helicopter it has.''")
    assert [(w, label) for c, w, label, _ in rows if c.startswith("every helicopter")] == [("The governor", "governor")]


def test_the_object_of_a_participle_is_not_its_speaker() -> None:
    rows = attributions("The two mayors have criticised the plan for weeks, telling Daniel Okafor that "
                        + Q.format("nobody in the valley was consulted") + ".")
    assert rows
    assert not any(w == "Daniel Okafor" for _, w, _, _ in rows)


def test_a_passive_without_its_agent_takes_no_earlier_subject() -> None:
    rows = attributions("Officials struck voters who had not cast a ballot in years from the rolls, in what is "
                        "being criticised as a " + Q.format("use it or lose it") + " rule.")
    assert not any(c.startswith("use it or lose it") and w == "Officials" for c, w, _, _ in rows)


# ------------------------------------------------------------------ what a quoted fragment is

def test_a_fragment_inside_a_reported_clause_is_reported_with_its_clause() -> None:
    rows = attributions("The inspector said on Tuesday that the dam was " + Q.format("structurally sound")
                        + " despite the flood.")
    assert [(c, w) for c, w, _, _ in rows] == [
        ("that the dam was \u201cstructurally sound\u201d despite the flood", "The inspector")]


def test_a_quoted_name_modifying_a_noun_is_a_title_not_words() -> None:
    # the title is no quote of its own; the praise is reported as its unquoted twin is, title and all
    rows = attributions("The governor praised the " + Q.format("Clean Rivers") + " campaign in a speech on Sunday.")
    assert [(c, w) for c, w, _, _ in rows] == [
        ("the \u201cClean Rivers\u201d campaign in a speech on Sunday", "The governor")]


# ------------------------------------------------------------------ no quote without a frame that names a speaker

def test_a_quote_that_closes_its_sentence_takes_no_frame_from_the_next() -> None:
    rows = attributions("The council met on Monday.\n\n" + Q.format("The new bridge will be finished by spring.")
                        + " The mayor was less certain when asked about the cost on Tuesday.")
    assert not any(c.startswith("The new bridge") for c, _, _, _ in rows)


def test_a_fragment_whose_cue_names_nobody_is_no_quote() -> None:
    assert attributions("The clinic has been criticised for years for selling " + Q.format("miracle")
                        + " pills to patients.") == []


def test_a_quantity_of_people_speaks_through_the_people_it_counts() -> None:
    got = attributions("A large number of volunteers now want to join the relief convoys heading north.")
    assert [(w, label) for _, w, label, _ in got] == [("volunteers", "volunteers")]
    got = attributions("Most of the residents said the water had been cut for a week.")
    assert [(w, label) for _, w, label, _ in got] == [("the residents", "residents")]


def test_a_share_alone_still_speaks_for_the_respondents() -> None:
    assert speaker_of("In the survey, 41 percent said the roads were unsafe.", "the roads") == (
        "41 percent", "41 percent")


def test_an_abstract_noun_speaks_only_through_whom_it_belongs_to() -> None:
    got = attributions("The decision by the tribunal to reject any appeal angered the families.")
    assert [(w, label) for _, w, label, _ in got] == [("the tribunal", "tribunal")]
    assert attributions("In many cases the clinics report lower figures to the health office.")[0][1] == "the clinics"
    assert attributions("Silence, which encourages abuse, is the real problem here.") == []
    assert attributions("The only way to end this is to show the donors the receipts.") == []


def test_a_thing_a_participle_hangs_off_is_not_its_speaker() -> None:
    # "on the stand attacking", "queries seeking": a thing cannot speak, and an earlier subject would be a guess;
    # "cameras dubbed": a passive participle
    text = "Omar Haddad testified for hours. He spent the afternoon on the stand attacking the prosecutors."
    assert [c for c, *_ in attributions(text)] == []
    assert attributions("Voters were removed after they ignored queries seeking to confirm their address.") == []
    assert attributions("The old market is watched by a vast array of cameras dubbed \u201cthe Eye.\u201d") == []


def test_a_definite_organisation_noun_takes_up_the_organisation_named_earlier() -> None:
    text = ("The Norwegian Refugee Council said on Monday that 3,000 families had fled. Local officials denied "
            "the figure. The group added that its warehouses were empty.")
    assert speaker_of(text, "that its warehouses") == ("The group", "Norwegian Refugee Council")


def test_a_second_speakers_report_is_not_inside_the_first_ones_words() -> None:
    got = attributions("Officials said the road had been closed for a week and residents complained that no aid "
                       "had arrived.")
    assert [(c, label) for c, _, label, _ in got] == [
        ("the road had been closed for a week", "Officials"), ("that no aid had arrived", "residents")]
    # a report the speaker gives is still the speaker's words
    assert attributions("Officials said residents complained that no aid had arrived.")[0][0] == (
        "residents complained that no aid had arrived")


def test_the_writer_addressing_the_reader_is_no_attribution() -> None:
    assert attributions("Do you know where the nearest shelter is? If you think it is close, think again.") == []


def test_someone_letting_others_know_that_is_the_teller() -> None:
    """'X let Y know that ...': X tells it (review R9); the imperative 'let us know' stays the page's request."""
    assert [r[2] for r in attributions("The mayor let us know that the deal was off.")] == ["mayor"]
    assert [r[2] for r in attributions("The minister let reporters know that the talks had failed.")] == ["minister"]


def test_a_page_asking_the_reader_to_let_it_know_is_no_attribution() -> None:
    assert attributions("We surely left out some of your favourite phones. Leave a comment and let us know what "
                        "your favourite phone of the year is.") == []
    assert attributions("Let me know what you think of the new layout in the comments below.") == []
    # a statement that holds the request is still reported, and a spoken "let me say" stays the speaker's
    assert [r[2] for r in attributions("The mayor said residents should let the council know whether the road "
                                        "needs repairs.")] == ["mayor"]
    assert [r[2] for r in attributions('"Let me say that we will win this vote," the senator said on '
                                        "Monday.")] == ["senator"]


def test_speaking_of_a_topic_is_not_a_report_of_words() -> None:
    assert attributions("Speaking of the governor's health, the campaign has released no records.") == []


def test_a_pronoun_in_a_dependent_clause_takes_up_the_sentences_subject() -> None:
    text = ("Supporters, including the Regional Farmers Union, have urged the council to keep the subsidy, "
            "although they say they accept some of the proposed cuts.")
    assert speaker_of(text, "they accept") == ("they", "Supporters")
    text = "Omar Haddad arrived on Monday. The spokeswoman said she had no news of the convoy."
    assert speaker_of(text, "she had no news") == ("The spokeswoman", "spokeswoman")


@pytest.mark.parametrize(("text", "speaker"), [
    ("The coach said the league was biased. He cited the decision to move the final.", "coach"),
    ('A farmer said the river had flooded. "We lost everything," she said.', "A farmer"),
])
def test_he_or_she_takes_up_a_person_named_by_a_role_noun_of_no_known_kind(text: str, speaker: str) -> None:
    # "the coach", "a farmer": person nouns (attribution_words.tsv person_noun) no group row gives a source kind
    assert [r["label"] for r in quote_rows(text)] == [speaker, speaker]


def test_he_does_not_take_up_an_institution() -> None:
    rows = quote_rows('The company said profits fell. "It was a hard year," he said.')
    assert [r["label"] for r in rows] == ["company", None]
