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
    ("Six civilians were among at least 22 people killed in the air strikes.",
     [("Six", "killed", "civilians", 6, 6, "killed"), ("22", "killed", "unknown", 22, None, "killed")]),
    ("Ten children were among 48 people killed in the village.",
     [("Ten", "killed", "children", 10, 10, "killed"), ("48", "killed", "unknown", 48, 48, "killed")]),
    # a coordinated "a child" after a count is the cue's object too, and counts one
    ("The strike killed 17 militants and a child.",
     [("17", "killed", "combatants", 17, 17, "killed"), ("a", "killed", "children", 1, 1, "killed")]),
])
def test_the_parts_of_a_toll_keep_their_people(analyzer, text, expected):
    assert sentence_figures(analyzer, text) == expected


@pytest.mark.parametrize("text", [
    # a part of a toll naming a kind of civilians says who some of the dead were; it is no toll of its own that
    # would undercut the toll under the lowest-figure rule (ACLED counts the 31)
    "Government shelling of the town killed 31 people including two medics.",
    "Two medics were among 31 people killed in the shelling.",
    "2 medics among 31 dead in army reprisal",
    # ... nor is a part that names no one ("including 10 when their bus was hit")
    "Regime raids killed 31 people on Friday, including 10 when their bus was hit.",
])
def test_a_kind_of_civilians_inside_a_toll_is_no_toll(analyzer, text):
    assert [(r[0], r[1], r[2]) for r in sentence_figures(analyzer, text)] == [("31", "killed", "unknown")]


def test_civilians_named_inside_a_toll_are_its_civilians(analyzer):
    """ "20 people including 10 civilians": the text says which of the dead were civilians (ACLED: only those)."""
    assert [(r[0], r[2]) for r in sentence_figures(analyzer, "Air strikes killed 20 people including 10 civilians.")
            ] == [("20", "unknown"), ("10", "civilians")]


@pytest.mark.parametrize(("text", "counts"), [
    # the digits of a date are never a count, even where no time is recognised ("05-04" is no range of 5 to 4)
    ("05-04-2016 Many civilians martyred as terrorists shell the city", []),
    ("05-04-2016 Ten civilians killed as terrorists shell the city", ["Ten"]),
    ("The team won 5-4 on Sunday. Three fans were hurt in a brawl.", ["Three"]),
])
def test_a_date_or_a_score_is_no_count(analyzer, text, counts):
    assert [r[0] for r in sentence_figures(analyzer, text)] == counts


def _civilians_killed(text: str) -> float:
    analysis = claimgraph.analyze(text)
    return max((c.low or 0 for e in analysis.events for c in e.casualties
                if c.kind == "killed" and c.group in ("civilians", "women", "children")), default=0)


def test_a_count_repeated_with_its_people_named_counts_those_people(analyzer):
    """The headline's "70 killed" is the body's "70 ISIS fighters killed": one toll, of fighters, not civilians."""
    text = ("70 killed in air strikes on training camp in Homs\n\n"
            "Seventy ISIS fighters were killed on Tuesday in air strikes on the largest training camp of the group "
            "near Homs, the army said.")
    assert _civilians_killed(text) == 0
    # ... and the headline of civilians keeps them
    text = ("22 dead in air strikes near Damascus\n\n"
            "At least 22 civilians were killed on Monday in air strikes on a market near Damascus, a monitor said.")
    assert _civilians_killed(text) == 22


@pytest.mark.parametrize(("text", "expected"), [
    # a part of a toll is counted by the toll's cue, not by a cue inside the part ("children fleeing")
    ("Air strikes on Thursday night killed 14 people including three children fleeing across the river.",
     [("14", "killed", "unknown", 14, 14, "killed"), ("three", "killed", "children", 3, 3, "killed")]),
    # a cue noun's modifier names whom the count counts ("civilian deaths")
    ("The shelling resulted in at least 49 civilian deaths on Saturday.",
     [("49", "killed", "civilians", 49, None, "deaths")]),
    # "killing" tagged a noun is still the cue of its object, not the next cue's
    ("An airstrike struck a town held by the group killing at least 10 people and wounding dozens activists said.",
     [("10", "killed", "unknown", 10, None, "killing"), ("dozens", "injured", "unknown", 12, None, "wounding")]),
])
def test_each_count_goes_to_the_toll_it_is_of(analyzer, text, expected):
    assert sentence_figures(analyzer, text) == expected


def test_numbers_side_by_side_are_two_and_a_dates_last_part_is_none(analyzer):
    """ "13-01-2016 8 civilians" with no date recognised (entities cleared): the 8 alone, not "2016 8" read as 2024."""
    doc, quantity_at, blocked = parsed(analyzer, "Published 13-01-2016 8 civilians killed in attacks on Damascus.")
    doc.ents = []
    assert [(r[0], r[3]) for r in rows(doc, quantity_at, set())] == [("8", 8)]


def test_a_number_counts_what_follows_it_in_a_misparsed_headline(analyzer):
    """A headline parse may hang the number on the noun before it ("Spokesman Son 20 Terrorists Killed"): the
    number counts the noun after it (the terrorists), not the son."""
    assert sentence_figures(analyzer, "Al-Nusra Spokesman Son 20 Terrorists Killed in Idleb Strikes") == [
        ("20", "killed", "combatants", 20, 20, "Killed")]


@pytest.mark.parametrize(("text", "expected"), [
    # ACLED counts fatalities: a count of the killed and the wounded together is a toll of neither
    ("More than 100 people were reported dead or wounded.", []),
    ("More than 100 people were killed and wounded in the attack.", []),
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
    ("The car bomb killed at least 40 people, according to one report, while another put the toll at 52.",
     [("40", "killed", "unknown", 40, None, "killed"), ("52", "killed", "unknown", 52, 52, "toll")]),
    ("Gunmen killed four children of one family.", [("four", "killed", "children", 4, 4, "killed")]),
    # a range a date recogniser took for a date is still read when the quantities component reads it as a count,
    # and its upper bound is no second count
    ("Between 20 and 30 people were killed in the raid.", [("20", "killed", "unknown", 20, 30, "killed")]),
])
def test_articles_ages_and_ranges(analyzer, text, expected):
    assert sentence_figures(analyzer, text) == expected


def test_every_part_of_a_toll_is_a_part_and_others_are_more_of_the_toll(analyzer):
    """ "including 25 children and 15 women": both are parts of the toll (read by its cue); "400 others" are more
    of the toll's people (unknown), not more of its last part (children)."""
    text = "The attack killed more than 100 people including 25 children and 15 women and injured 400 others."
    assert sentence_figures(analyzer, text) == [
        ("100", "killed", "unknown", 100, None, "killed"), ("25", "killed", "children", 25, 25, "killed"),
        ("15", "killed", "women", 15, 15, "killed"), ("400", "injured", "unknown", 400, 400, "injured")]


def test_a_part_of_a_set_of_things_another_verb_governs_is_no_casualty(analyzer):
    """ "18 of the 31 lorries were destroyed": the 18 is the argument of "destroyed" (and counts no people)."""
    text = "In the attack 18 of the 31 lorries were destroyed and 20 civilians were killed."
    assert sentence_figures(analyzer, text) == [("20", "killed", "civilians", 20, 20, "killed")]


def test_a_weekly_toll_is_a_running_total_not_an_incident():
    """ "killed during the past week" sums many incidents (events_cumulative.tsv): no event's toll."""
    text = "Activists said 374 people were killed in air strikes on Aleppo during the past week."
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
