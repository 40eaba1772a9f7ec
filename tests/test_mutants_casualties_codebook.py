"""Casualty figures as ACLED's codebook counts them (shared/ACLED-TYPES.md: the lowest reported figure of the
event, no running totals, civilians only where the text says or clearly implies them, women and children inside
the civilian total): sentences written from those rules, each run through the whole pipeline.

The sentences are general news phrasings of the rule, not sentences of any benchmark text.
"""

from __future__ import annotations

import pytest
from casualty_helpers import sentence_figures

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
