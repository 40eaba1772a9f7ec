"""Casualty figures as ACLED's codebook counts them (shared/ACLED-TYPES.md: the lowest reported figure of the
event, no running totals, civilians only where the text says or clearly implies them, women and children inside
the civilian total): sentences written from those rules, each run through the whole pipeline.

The sentences are general news phrasings of the rule, not sentences of any benchmark text.
"""

from __future__ import annotations

import pytest
from casualty_helpers import parsed, rows, sentence_figures

import claimgraph


@pytest.mark.parametrize(("text", "expected"), [
    # "N X were among M killed": the N are of those the cue counts, a part of the toll with its own people
    ("Four civilians were among at least 19 people killed in the artillery barrage.",
     [("Four", "killed", "civilians", 4, 4, "killed"), ("19", "killed", "unknown", 19, None, "killed")]),
    ("Seven children were among 36 people killed in the hamlet.",
     [("Seven", "killed", "children", 7, 7, "killed"), ("36", "killed", "unknown", 36, 36, "killed")]),
    # a coordinated "a child" after a count is the cue's object too, and counts one
    ("The raid killed 23 insurgents and a boy.",
     [("23", "killed", "combatants", 23, 23, "killed"), ("a", "killed", "children", 1, 1, "killed")]),
])
def test_the_parts_of_a_toll_keep_their_people(analyzer, text, expected):
    assert sentence_figures(analyzer, text) == expected


@pytest.mark.parametrize("text", [
    # a part of a toll naming a kind of civilians says who some of the dead were; it is no toll of its own that
    # would undercut the toll under the lowest-figure rule (ACLED counts the 27)
    "Militia mortar fire on the camp killed 27 people including three nurses.",
    "Three nurses were among 27 people killed in the mortar fire.",
    "3 nurses among 27 dead in militia revenge attack",
    # ... nor is a part that names no one ("including 9 when their minibus was struck")
    "Rocket fire killed 27 people on Tuesday, including 9 when their minibus was struck.",
])
def test_a_kind_of_civilians_inside_a_toll_is_no_toll(analyzer, text):
    assert [(r[0], r[1], r[2]) for r in sentence_figures(analyzer, text)] == [("27", "killed", "unknown")]


def test_civilians_named_inside_a_toll_are_its_civilians(analyzer):
    """ "20 people including 10 civilians": the text names the civilians among the dead (ACLED: only those)."""
    assert [(r[0], r[2]) for r in sentence_figures(analyzer, "Air strikes killed 20 people including 10 civilians.")
            ] == [("20", "unknown"), ("10", "civilians")]


@pytest.mark.parametrize(("text", "counts"), [
    # the digits of a date are never a count, even where no time is recognised ("08-02" is no range of 8 to 2)
    ("08-02-2019 Many villagers slain as rebels bomb the market", []),
    ("08-02-2019 Nine villagers slain as rebels bomb the market", ["Nine"]),
    ("The team won 5-4 on Sunday. Three fans were hurt in a brawl.", ["Three"]),
])
def test_a_date_or_a_score_is_no_count(analyzer, text, counts):
    assert [r[0] for r in sentence_figures(analyzer, text)] == counts


def _civilians_killed(text: str) -> float:
    analysis = claimgraph.analyze(text)
    return max((c.low or 0 for e in analysis.events for c in e.casualties
                if c.kind == "killed" and c.group in ("civilians", "women", "children")), default=0)


def test_a_count_repeated_with_its_people_named_counts_those_people(analyzer):
    """The headline's "40 killed" is the body's "40 militia fighters killed": one toll, of fighters, not civilians."""
    text = ("40 killed in drone strikes on militia base near Raqqa\n\n"
            "Forty militia fighters died on Wednesday when drones hit the main base of the group "
            "outside Raqqa, the coalition said.")
    assert _civilians_killed(text) == 0
    # ... and the headline of civilians keeps them
    text = ("17 dead in shelling near Kandahar\n\n"
            "At least 17 civilians died on Sunday when shells hit a bus station outside Kandahar, a monitor said.")
    assert _civilians_killed(text) == 17


@pytest.mark.parametrize(("text", "expected"), [
    # a part of a toll is counted by the toll's cue, not by a cue inside the part ("children fleeing")
    ("Mortar rounds on Monday evening killed 11 people including four children fleeing toward the border.",
     [("11", "killed", "unknown", 11, 11, "killed"), ("four", "killed", "children", 4, 4, "killed")]),
    # a cue noun's modifier names whom the count counts ("civilian deaths")
    ("The bombardment caused at least 26 civilian deaths on Wednesday.",
     [("26", "killed", "civilians", 26, None, "deaths")]),
    # "killing" tagged a noun is still the cue of its object, not the next cue's
    ("A drone hit a village controlled by the militia killing at least 8 people and wounding dozens residents said.",
     [("8", "killed", "unknown", 8, None, "killing"), ("dozens", "injured", "unknown", 12, None, "wounding")]),
])
def test_each_count_goes_to_the_toll_it_is_of(analyzer, text, expected):
    assert sentence_figures(analyzer, text) == expected


def test_numbers_side_by_side_are_two_and_a_dates_last_part_is_none(analyzer):
    """ "21-06-2018 6 civilians" with no date recognised (entities cleared): the 6 alone, not "2018 6" read as 2024."""
    doc, quantity_at, blocked = parsed(analyzer, "Published 21-06-2018 6 civilians killed in attacks on Mosul.")
    doc.ents = []
    assert [(r[0], r[3]) for r in rows(doc, quantity_at, set())] == [("6", 6)]


@pytest.mark.parametrize(("text", "number"), [
    # a title-case headline's parse may hang the number on the noun before it ("Commander Son 11 Soldiers"): the
    # number counts the noun after it (the soldiers), not the son or daughter before it
    ("Hezbollah Commander Son 11 Soldiers Killed in Qusayr Shelling", "11"),
    ("Militia Leader Daughter 7 Rebels Killed in Homs Clashes", "7"),
    ("Tribal Elder Child 13 Militants Killed in Anbar Strikes", "13"),
])
def test_a_number_counts_what_follows_it_in_a_misparsed_headline(analyzer, text, number):
    assert [(r[0], r[1], r[2]) for r in sentence_figures(analyzer, text)] == [(number, "killed", "combatants")]


@pytest.mark.parametrize(("text", "expected"), [
    # ACLED counts fatalities: a count of the killed and the wounded together is a toll of neither
    ("More than 100 people were reported dead or wounded.", []),
    ("Over 100 villagers were killed and wounded during the assault.", []),
    ("Five people were killed or injured, the report said, while 3 were killed on Monday.",
     [("3", "killed", "unknown", 3, 3, "killed")]),
    # ... while two tolls side by side stay two
    ("The blast killed 12 and wounded 40.",
     [("12", "killed", "unknown", 12, 12, "killed"), ("40", "injured", "unknown", 40, 40, "wounded")]),
])
def test_a_count_of_the_killed_and_wounded_together_is_no_toll(analyzer, text, expected):
    assert sentence_figures(analyzer, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the subject of a verb of its own is no casualty of a cue that has its own victims or lies outside that verb
    ("30 militants attacked the base and killed 12 soldiers.", [("12", "killed", "combatants", 12, 12, "killed")]),
    ("The strike hit a school where 300 students were studying, killing 11.",
     [("11", "killed", "unknown", 11, 11, "killing")]),
    # ... but a verb that only links its subject to the cue keeps it ("went missing", "are feared dead")
    ("2 soldiers went missing after the raid.", [("2", "missing", "combatants", 2, 2, "missing")]),
    ("12 civilians are feared dead.", [("12", "killed", "civilians", 12, 12, "dead")]),
])
def test_the_subject_of_another_act_is_no_casualty(analyzer, text, expected):
    assert sentence_figures(analyzer, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "a 10-year-old boy": "a" counts one child; the age inside the compound is no count, nor part of the "a"
    ("A 10-year-old boy was killed.", [("A", "killed", "children", 1, 1, "killed")]),
    # "one" before a noun of no people counts no one ("according to one report"); nor does "one family" after
    # a count of its members
    ("The truck bomb left at least 40 people dead, according to one report, while another put the toll at 52.",
     [("40", "killed", "unknown", 40, None, "dead"), ("52", "killed", "unknown", 52, 52, "toll")]),
    ("Gunmen killed four children of one family.", [("four", "killed", "children", 4, 4, "killed")]),
    # a range a date recogniser took for a date is still read when the quantities component reads it as a count,
    # and its upper bound is no second count
    ("Between 20 and 30 people died during the raid.", [("20", "killed", "unknown", 20, 30, "died")]),
])
def test_articles_ages_and_ranges(analyzer, text, expected):
    assert sentence_figures(analyzer, text) == expected


def test_every_part_of_a_toll_is_a_part_and_others_are_more_of_the_toll(analyzer):
    """ "including 21 children and 13 women": both are parts of the toll (read by its cue); "350 others" are more
    of the toll's people (unknown), not more of its last part (children)."""
    text = "The bombing killed over 90 people including 21 children and 13 women and injured 350 others."
    assert sentence_figures(analyzer, text) == [
        ("90", "killed", "unknown", 90, None, "killed"), ("21", "killed", "children", 21, 21, "killed"),
        ("13", "killed", "women", 13, 13, "killed"), ("350", "injured", "unknown", 350, 350, "injured")]


def test_a_part_of_a_set_of_things_another_verb_governs_is_no_casualty(analyzer):
    """ "12 of the 40 tents were burned": the 12 is the argument of "burned" (and counts no people)."""
    text = "During the raid 12 of the 40 tents were burned and 9 civilians were killed."
    assert sentence_figures(analyzer, text) == [("9", "killed", "civilians", 9, 9, "killed")]


def test_a_weekly_toll_is_a_running_total_not_an_incident():
    """ "killed during the past week" sums many incidents (events_cumulative.tsv): no event's toll."""
    text = "Medics said 215 people died in rocket fire on Kherson during the past week."
    analysis = claimgraph.analyze(text)
    assert [c.low for e in analysis.events for c in e.casualties if c.kind == "killed"] == []


@pytest.mark.parametrize(("text", "low"), [
    # "the past day" is one day's toll, an incident's: only plural days, weeks and months make a running total
    ("Drone strikes killed 14 people in Marib over the past day, a rights group said.", 14),
    ("Artillery fire killed seven civilians in Hama during the last day.", 7),
])
def test_a_toll_of_the_past_day_is_an_incident(text, low):
    analysis = claimgraph.analyze(text)
    assert [c.low for e in analysis.events for c in e.casualties if c.kind == "killed"] == [low]


@pytest.mark.parametrize(("text", "toll"), [
    # a part of a toll named by a role of the toll's own people is who some of them were: the toll keeps its whole
    ("The ambush killed 12 soldiers, including three officers.", "12"),
    ("Bandits killed 9 guards including 2 supervisors.", "9"),
    ("Four commanders were among 15 rebels killed in the raid.", "15"),
])
def test_a_role_inside_a_toll_of_its_own_kind_keeps_the_whole(analyzer, text, toll):
    assert [(r[0], r[1], r[2]) for r in sentence_figures(analyzer, text)] == [(toll, "killed", "combatants")]
