"""Agentless passives of report and belief cues (issue 17, item 4: passive frames), fifth round.

"The convoy is expected to arrive on Monday" and "The commander is thought to be hiding in the hills" ascribe an
expectation or a belief without naming whose: an attribution with no speaker, the whole clause its content
(PolNeAR annotates them so; the writer's hedge stays on the claim). "The general is said to have fled" reports
hearsay: an unnamed source, as "it is said that ..." already has. A belief held by nobody named ("it is widely
believed that ...") has no speaker either. Every case is a sentence written for the test.
"""

from __future__ import annotations

import pytest
from conftest import quote_rows


def attributions(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    """(content, cue, source label, source kind) for every quote, in text order."""
    return [tuple(r[k] for k in ('content', 'cue', 'label', 'kind')) for r in quote_rows(text, " ,.")]


def test_an_expectation_without_a_holder_is_a_speakerless_attribution_of_the_whole_clause() -> None:
    got = attributions("The harbour is expected to reopen next week after the repairs.")
    assert got == [("The harbour is expected to reopen next week after the repairs", "expected", None, None)]


@pytest.mark.parametrize("text", [
    "The players were told to stay home.",
    "The journalists were informed to wait outside the court.",
    "The villagers were urged to leave before the rains.",
])
def test_a_passive_whose_subject_is_the_listener_reports_nothing(text: str) -> None:
    assert attributions(text) == []


def test_a_belief_without_a_holder_is_speakerless_and_keeps_its_negation() -> None:
    got = attributions("The rebels are not thought to hold heavy weapons in the valley.")
    assert got == [("The rebels are not thought to hold heavy weapons in the valley", "thought", None, None)]


def test_a_passive_belief_with_a_predicate_noun_is_an_attribution() -> None:
    got = attributions("Although the militia is small, it is considered a danger to the farms along the river.")
    assert [(c, cue, label) for c, cue, label, _ in got] == [
        ("it is considered a danger to the farms along the river", "considered", None)]


def test_hearsay_in_the_passive_has_an_unnamed_source() -> None:
    got = attributions("The deputy mayor is said to have left the city before the vote.")
    assert got == [("The deputy mayor is said to have left the city before the vote", "said", "unnamed source",
                    "anonymous")]


def test_an_impersonal_belief_has_no_speaker_but_impersonal_hearsay_keeps_the_unnamed_source() -> None:
    believed = attributions("It is widely believed that the ceasefire will not last.")
    assert believed == [("that the ceasefire will not last", "believed", None, None)]
    said = attributions("It is said that the ceasefire will not last.")
    assert said == [("that the ceasefire will not last", "said", "unnamed source", "anonymous")]


def test_a_passive_with_its_agent_keeps_the_agent_as_speaker() -> None:
    got = attributions("The bridge is expected by the engineers to reopen in May.")
    assert [label for _, _, label, _ in got] == ["engineers"]


def test_a_passive_that_reports_nothing_is_no_attribution() -> None:
    # a cue verb in a sense that carries no content: nobody is reported
    assert attributions("The results were announced on Monday.") == []
    assert attributions("The prisoners were shown to their cells.") == []


# ------------------------------------------------------------------ a headline's source label

def test_a_headline_label_naming_a_document_is_its_source() -> None:
    text = ("Survey: Most Farmers Expect A Poor Harvest.\n\n"
            "A survey of growers in the valley found that most of them expect the harvest to fail.")
    got = attributions(text)
    assert got[0][:3] == ("Most Farmers Expect A Poor Harvest", ":", "Survey")


def test_a_headline_label_naming_an_organisation_of_the_article_is_its_source() -> None:
    text = ("Oxfam: Aid Convoys Are Stuck At The Border.\n\n"
            "Oxfam said on Tuesday that forty lorries had waited for a week at the crossing.")
    got = attributions(text)
    assert got[0][:3] == ("Aid Convoys Are Stuck At The Border", ":", "Oxfam")


def test_a_headline_topic_or_rubric_before_a_colon_is_no_source() -> None:
    for label in ("Flooding", "Today", "Analysis", "Correction"):
        text = (f"{label}: Roads Closed Across The North.\n\n"
                "Heavy rain closed roads across the north on Sunday, the police said.")
        assert [c for c, _, _, _ in attributions(text)] == ["Heavy rain closed roads across the north on Sunday"]


# ------------------------------------------------------------------ a clause without "that" after an adverbial

def test_a_reported_clause_after_a_time_phrase_is_the_content_without_the_phrase() -> None:
    got = attributions("The coach said after the final he would not renew his contract if the club were sold.")
    assert [(c, cue, label) for c, cue, label, _ in got] == [
        ("he would not renew his contract if the club were sold", "said", "coach")]


def test_an_adverbial_clause_with_its_own_conjunction_is_not_reported() -> None:
    got = attributions("The coach spoke for an hour after the players had left the ground.")
    assert got == []


# ------------------------------------------------------------------ outlets by their kind, roles, pronouns

def sources_of(text: str) -> list[tuple[str, str | None, str | None]]:
    """(content, source label, source kind) for every quote, in text order."""
    return [(c, label, kind) for c, _, label, kind in attributions(text)]


@pytest.mark.parametrize("text", [
    "Unemployment rose to 5 percent in March.\n\nSource: Office for National Statistics.",
    "The bridge reopened on Monday.\n\nSources: Reuters, AP.",
    "Review: The New Batman Film Is A Triumph.\n\nThe film opens on Friday.",
    "Interview: The Mayor Explains Her Budget\n\nThe budget passed in May.",
    "Officials: Office for Roads\n\nThe road reopened in May.",
])
def test_a_credit_or_rubric_line_before_a_colon_is_nobodys_statement(text: str) -> None:
    assert attributions(text) == []


def test_a_headline_label_with_a_claim_after_its_colon_still_speaks() -> None:
    got = sources_of("Officials: Border Will Stay Open\n\nThe border reopened on Monday.")
    assert got == [("Border Will Stay Open", "Officials", "official")]


def test_an_outlet_described_by_its_kind_is_an_outlet_source() -> None:
    got = sources_of("The army retook the village on Sunday, state television said. The official news agency "
                     "reported that four soldiers were wounded. State media said the road was open again.")
    assert got == [("The army retook the village on Sunday", "state television", "outlet"),
                   ("that four soldiers were wounded", "official news agency", "outlet"),
                   ("the road was open again", "State media", "outlet")]


def test_a_government_agency_stays_an_official_source() -> None:
    got = sources_of("The health agency said that the clinic would close.")
    assert got == [("that the clinic would close", "health agency", "official")]


def test_the_role_noun_names_the_person_introduced_with_that_role() -> None:
    text = ("Omar Haddad, a spokesman for the ministry, declined to comment on Monday. On Tuesday the spokesman "
            "said the border would stay open.")
    assert sources_of(text)[-1] == ("the border would stay open", "Omar Haddad", "official")


@pytest.mark.parametrize(("later", "speaker"), [
    ("The army spokesman said two soldiers were hurt.", "army spokesman"),
    ("The spokesman for the army said two soldiers were hurt.", "spokesman"),
    ("The ministry spokesman later said two soldiers were hurt.", "Omar Haddad"),
])
def test_a_role_noun_for_someone_else_does_not_take_up_the_person_with_that_role(later: str, speaker: str) -> None:
    for first in ("declined to comment.", "said the clinics were full."):
        text = f"Omar Haddad, a spokesman for the health ministry, {first} {later}"
        assert sources_of(text)[-1] == ("two soldiers were hurt", speaker, "official")


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("Councillor Erik Lund said on Friday that he opposed the budget. Judge Mara Quist said she agreed with him. "
     "Lund left the hall early because she had attacked his tax proposal.", "his tax proposal", "Quist"),
    ("Councillor Erik Lund said on Friday that he opposed the budget. Judge Mara Quist said she agreed with him. "
     "Quist left the hall early because she had attacked his tax proposal.", "his tax proposal", "Quist"),
    ("Governor Ruth Okafor said she would sign the bill. Pastor Daniel Reyes said he would march against it. "
     "Reyes kept quiet until she condemned his sermon on television.", "his sermon on television", "Okafor"),
    ("Governor Ruth Okafor said she would sign the bill. Pastor Daniel Reyes said he would march against it. "
     "Okafor left the church once he denounced her record.", "her record", "Reyes"),
])
def test_a_pronoun_in_a_subordinate_clause_takes_the_antecedent_of_its_gender(text: str, content: str,
                                                                               speaker: str) -> None:
    got_content, label, _ = sources_of(text)[-1]
    assert got_content == content and speaker in label


@pytest.mark.parametrize(("text", "speaker"), [
    ("Maria Lopez praised the coach, saying he had done a great job. Later she said the team would win.",
     "Maria Lopez"),
    ("Anna Berg thanked the referee after he stopped the fight. She said she was proud.", "Anna Berg"),
    ("Peter Holm visited the nurse when she was ill. He said the hospital needed more staff.", "Peter Holm"),
])
def test_a_pronoun_after_a_role_noun_does_not_tell_the_named_persons_gender(text: str, speaker: str) -> None:
    assert sources_of(text)[-1][1] == speaker


@pytest.mark.parametrize("text", [
    "After the strikers are sent home, the two unions reject the new contract and denounce its pay terms as unfair.",
    "The two senators praise the bill and call its authors brave.",
    "Local farmers blame the drought on the dam and accuse the company of stealing their water.",
])
def test_a_coordinated_cue_shares_the_speaker_found_for_the_first_one(text: str) -> None:
    got = [(cue, label) for _, cue, label, _ in attributions(text)]
    assert len(got) == 2 and got[-1][1] == got[0][1] is not None and "strikers" not in got[0][1]


# ------------------------------------------------------------------ quoted words nobody was found saying

def test_a_statement_around_quoted_words_without_their_own_frame_is_reported() -> None:
    got = attributions("Farmers in the valley, the minister said, can \u201cgrow anything\u201d and "
                       "\u201cfeed the whole country.\u201d")
    assert [(cue, label) for _, cue, label, _ in got] == [("said", "minister")]
    assert got[0][0].startswith("Farmers in the valley") and "feed the whole country" in got[0][0]


def test_a_statement_around_a_quoted_title_is_reported() -> None:
    got = attributions("The teacher said her pupils had read \u201cThe Old Man and the Sea\u201d twice this year.")
    assert [(c, label) for c, _, label, _ in got] == [
        ("her pupils had read \u201cThe Old Man and the Sea\u201d twice this year", "teacher")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Throughout the campaign the mayor kept hammering her rival as a \u201ccareer liar\u201d on local radio.",
     [("career liar", "mayor")]),
    ("The union dismissed the offer as a \u201ccynical stunt\u201d on Monday.", [("cynical stunt", "union")]),
    ("Critics have long painted the reform as a \u201cgift to landlords\u201d.", [("gift to landlords", "Critics")]),
])
def test_casting_someone_as_quoted_words_is_the_speakers_portrayal(text: str, expected: list) -> None:
    assert [(c, label) for c, _, label, _ in attributions(text)] == expected


@pytest.mark.parametrize("text", [
    "He joined the company as a \u201cjunior analyst\u201d in 2010.",
    "The army used the stadium as a \u201ctemporary hospital\u201d during the siege.",
    "She started her career as a \u201cjunior reporter\u201d at the paper.",
])
def test_a_verb_that_does_not_judge_casts_nobody_as_quoted_words(text: str) -> None:
    assert attributions(text) == []


def test_quoted_words_used_by_a_thing_portray_nothing() -> None:
    assert attributions("The storm left the old bridge as a \u201cmonument\u201d to the flood.") == []


# ------------------------------------------------------------------ the writer's aside after a reported clause

def test_a_concessive_clause_after_the_reported_clause_is_the_writers_aside() -> None:
    got = attributions("The minister said the border would stay open, though the army had already closed two "
                       "crossings.")
    assert [(c, label) for c, _, label, _ in got] == [("the border would stay open", "minister")]


def test_a_concessive_clause_inside_the_reported_clause_stays_in_it() -> None:
    got = attributions("The minister said that although the army had closed two crossings, the border would stay "
                       "open.")
    assert got[0][0] == "that although the army had closed two crossings, the border would stay open"


# ------------------------------------------------------------------ a transcript turn over several paragraphs

def test_a_turn_runs_on_over_paragraphs_opened_by_the_same_unclosed_quote_mark() -> None:
    text = ("Partial transcript as follows:\n\n\"HOST: Do you see those two as equal?\n\n\"MAYOR: Well, look, the "
            "council has been saying tough things about my deputy.\n\n\"But the truth is that I think the budget "
            "was balanced, and I think the voters know it.\n\n\"(CROSSTALK.)\n\n\"HOST: We have to leave it there.")
    got = [(c.split("\n")[0].rstrip("."), label) for c, _, label, _ in attributions(text)]
    assert got == [("Do you see those two as equal?", "HOST"),
                   ("Well, look, the council has been saying tough things about my deputy", "MAYOR"),
                   ("We have to leave it there", "HOST")]
    mayor = [c for c, _, label, _ in attributions(text) if label == "MAYOR"]
    assert mayor[0].endswith("the voters know it")


# ------------------------------------------------------------------ a passive participle set off by commas

@pytest.mark.parametrize(("text", "speaker"), [
    ("The report, described by officials as alarming, was released on Monday.", "officials"),
    ("The truce, called by aid groups a lifeline, held for a week.", "aid groups"),
])
def test_a_participle_set_off_by_commas_with_its_agent_is_the_agents_report(text: str, speaker: str) -> None:
    got = attributions(text)
    assert [label for _, _, label, _ in got] == [speaker]  # was the noun the participle describes


# ------------------------------------------------------------------ a question put by nobody named

@pytest.mark.parametrize(("text", "content"), [
    ("The general was once asked how the war would end.", "how the war would end"),
    ("The minister was asked whether troops would stay in the valley.", "whether troops would stay in the valley"),
    ("The mayor was asked about the bridge on Monday.", "about the bridge on Monday"),
    ("The players were told that the match was off.", "that the match was off"),
])
def test_an_agentless_passive_question_is_a_speakerless_attribution(text: str, content: str) -> None:
    assert [(c, label, kind) for c, _, label, kind in attributions(text)] == [(content, None, None)]


def test_a_passive_question_with_its_asker_or_an_order_is_unchanged() -> None:
    got = attributions("The mayor was asked by reporters whether the bridge was safe.")
    assert [(c, label) for c, _, label, _ in got] == [("whether the bridge was safe", "reporters")]
    assert attributions("He was asked to leave the building.") == []


# ------------------------------------------------------------------ an accusation made by nobody named

@pytest.mark.parametrize("text", [
    "Mr. Haddad was accused of using public funds for his house.",
    "The rebels have been blamed for the attack on the convoy.",
    "The commander was criticized for the delay.",
])
def test_an_agentless_passive_accusation_is_its_subject_and_charge_with_no_speaker(text: str) -> None:
    assert [(c, label) for c, _, label, _ in attributions(text)] == [(text.rstrip("."), None)]


@pytest.mark.parametrize("text", [
    "The striker was booked for a foul.",
    "The defender was blamed.",
    'The letter was mocked for its claim that "nobody had ever been so healthy."',
])
def test_no_charge_or_a_quoted_one_makes_no_speakerless_accusation(text: str) -> None:
    assert all(c != text.rstrip(".") for c, _, _, _ in attributions(text))
