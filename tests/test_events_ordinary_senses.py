"""Trigger words and phrases with an ordinary business, sport, computing or political sense beside a conflict one
name an event only with the participants or the wording the codebook gives them: "enter ... unopposed", "hand over
control", "cave in" and "lodge/file a protest" (reviewer's finding on the codebook rows of rounds 11-25: a place
taken or an armed actor; something physical that collapses; a state that protests); data "plundered" by a computer
worm, lawyers "sitting in" a room, a firm's or a club's "headquarters" named as a landmark (armed actors or rioters
who loot; a sit-in staged; a headquarters set up; before 16f2b66 all five of those gave an event); archives, drawers
and memories "ransacked", catalogues "pillaged", treasuries and natural resources "looted" or "plundered" (armed
actors, rioters or a crowd who loot property in an incident, ACLED's Looting/property destruction, or the riot it
is part of; before the fix on top of df46b80, 4 of those 7 gave an event, and 3 of the 4 "pillage" sentences of
CONFLICT gave none, the fourth one only through its "burned"). Sentences invented for these tests, each phrase in
several paraphrases, not copied from any benchmark's text.
"""

from __future__ import annotations

import pytest
from conftest import assert_spans_exact

from claimgraph.ingest import prepare

ORDINARY = [
    "The candidate entered the race unopposed.",
    "The senator entered the primary unopposed after her rival withdrew.",
    "The champion entered the final round unopposed.",
    "The minister caved in to pressure from the unions.",
    "The board caved in to the demands of its shareholders.",
    "After weeks of talks the coach finally caved in.",
    "The club lodged a protest with FIFA over the referee's decision.",
    "The company filed a formal protest with the tax office.",
    "The team registered a protest with the league about the fixture list.",
    "The founder handed over control of the firm to his son.",
    "The chairman handed over control of the bank to the new board.",
    "Anyone who opens the attachment will have their address book plundered by the worm.",
    "The virus plunders the mail program for addresses to send itself to.",
    "It will be a lot of lawyers sitting in a room trying to thrash out a deal, the director said.",
    "The band played a late show at a pub next to the football club's headquarters.",
    "The company moved its headquarters to a new building in the city centre last year.",
    "Shares in the bank marched on to a record high on Friday.",
    "Historians spent years ransacking the archives for documents about the dynasty.",
    "She ransacked her memory for the name of the hotel.",
    "Corrupt officials looted the state treasury for years.",
    "The plundering of natural resources has hurt the economy.",
    "Critics called the new levy a tax plunder.",
    "Armed groups have plundered the region's natural resources for years.",
    "Hollywood studios keep pillaging old comic books for new films.",
    "The former minister was accused of looting public funds.",
    "Officials plundered state assets during the privatisation.",
]

CONFLICT = [
    ("Rebel fighters entered the town unopposed on Sunday.", "Non-violent transfer of territory"),
    ("Government troops entered the city peacefully after the militia withdrew.", "Non-violent transfer of territory"),
    ("The column entered the village unopposed at dawn.", "Non-violent transfer of territory"),
    ("The militia handed over control of the district to the army.", "Non-violent transfer of territory"),
    ("Insurgents handed over control to government forces without a shot.", "Non-violent transfer of territory"),
    ("The elders handed over the town to the rebels.", "Non-violent transfer of territory"),
    ("A tunnel caved in at the mine, trapping eleven workers.", "Man-made disaster"),
    ("The roof of the school caved in during the storm, injuring six pupils.", "Man-made disaster"),
    ("Three miners died when part of the shaft caved in on Monday.", "Man-made disaster"),
    ("The foreign ministry lodged a protest with the ambassador over the incursion.", "Diplomatic event"),
    ("Pakistan lodged a strong protest with India over the border shelling.", "Diplomatic event"),
    ("The government filed a formal protest with Moscow over the violation of its airspace.", "Diplomatic event"),
    ("The embassy registered a protest over the detention of its citizens.", "Diplomatic event"),
    ("Militiamen plundered shops and homes in the town on Monday after the army withdrew.",
     "Looting/property destruction"),
    ("Hundreds of students staged a sit-in outside the ministry in Dhaka on Monday.", "Peaceful protest"),
    ("Rebels set up a headquarters in the captured town on Tuesday.", "Headquarters or base established"),
    ("Soldiers plundered the village on Tuesday.", "Looting/property destruction"),
    ("Retreating troops pillaged villages along the road.", "Looting/property destruction"),
    ("Police said the militia pillaged and burned the market town.", "Looting/property destruction"),
    ("Witnesses described the pillage of the town by rebel fighters on Sunday.", "Looting/property destruction"),
    ("Armed men ransacked the offices of the electoral commission on Monday.", "Looting/property destruction"),
    ("Army troops pillaged the town after the battle.", "Looting/property destruction"),
    ("Militiamen looted shops and torched houses in the town.", "Looting/property destruction"),
    ("A mob looted shops and burned cars after the match.", "Mob violence"),
    ("An angry crowd looted shops in the market on Saturday.", "Mob violence"),
    ("Protesters ransacked the governor's office.", "Violent demonstration"),
    ("Protesters looted shops and set fire to a bank during the demonstration.", "Violent demonstration"),
    # a bank's funds and assets, an aid store's resources, villagers' savings seized by armed men: an incident, not
    # corruption (only public finance and natural wealth rule looting out, events_patients.tsv); all four gave no
    # looting on top of 6b54b45 (reviewer's finding 6; the first three are the review's sentences)
    ("Armed men stormed the bank in Gao and looted its funds.", "Looting/property destruction"),
    ("Rebels looted the assets of the central bank branch in Bunia after seizing the town.",
     "Looting/property destruction"),
    ("Militiamen plundered the relief resources stored at the UN warehouse in Malakal.",
     "Looting/property destruction"),
    ("Gunmen raided the cooperative in the village and looted the farmers' savings on Tuesday.",
     "Looting/property destruction"),
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_sense_is_no_event(analyzer, text: str) -> None:
    analysis = analyzer.analyze_article(prepare(text))
    assert_spans_exact(analysis)
    assert not analysis.events, [(e.subtype, e.text) for e in analysis.events]


@pytest.mark.parametrize(("text", "subtype"), CONFLICT)
def test_conflict_sense_is_still_an_event(analyzer, text: str, subtype: str) -> None:
    analysis = analyzer.analyze_article(prepare(text))
    assert_spans_exact(analysis)
    assert analysis.events, f"no event in: {text}"
    assert analysis.events[0].subtype == subtype, [(e.subtype, e.text) for e in analysis.events]


ASKED = [
    "The singer had failed to persuade the other contestants to stage a protest against the show.",
    "The union encouraged its members to march on the town hall next week.",
    "Organisers tried to convince the farmers to block the motorway.",
]


@pytest.mark.parametrize("text", ASKED)
def test_asking_others_to_protest_is_no_protest(analyzer, text: str) -> None:
    """Persuading, encouraging or convincing others to protest is no protest of theirs (events_modality.tsv
    governors, like "urge"); "Thousands marched on the town hall" is one. 2 of these 3 gave a protest before
    (2a55489)."""
    analysis = analyzer.analyze_article(prepare(text))
    assert_spans_exact(analysis)
    assert not analysis.events, [(e.subtype, e.text) for e in analysis.events]
    marched = analyzer.analyze_article(prepare("Thousands of farmers marched on the town hall in Lyon on Monday."))
    assert [e.subtype for e in marched.events][:1] == ["Peaceful protest"]


def test_looting_by_an_armed_actor_is_a_strategic_development(analyzer) -> None:
    """ACLED files looting and property destruction by an armed actor, with no violence against people, as a
    strategic development (shared/ACLED-TYPES.md); the crowd's or the demonstrators' looting is a riot."""
    analysis = analyzer.analyze_article(prepare("Soldiers plundered the village on Tuesday."))
    assert [(e.type, e.subtype) for e in analysis.events] == [
        ("Strategic developments", "Looting/property destruction")]
    analysis = analyzer.analyze_article(prepare("Rioters looted shops in the city centre on Sunday night."))
    assert [e.type for e in analysis.events][:1] == ["Riots"]
