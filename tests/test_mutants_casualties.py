"""The rules of events' casualty figures (claimgraph/nlp/events/casualties.py), one at a time, on parsed sentences.

Written to fail when a rule changes (mutation testing, bench/mutation.py): a figure's value, the noun it
counts, the group that noun names, ages that are not counts, and the tree distance that ties a figure to its
cue. Whole sentences through the pipeline are tested in tests/test_events.py and tests/test_events_evidence.py.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from conftest import assert_spans_exact

from claimgraph.ingest import prepare
from claimgraph.nlp.events.casualties import _is_age, _noun_of, _tree_distance, group_of, parse_number
from claimgraph.nlp.events.lexicon import lexicon


@pytest.fixture(scope="module")
def nlp(analyzer):
    return analyzer.nlp


def tokens(doc, words: str) -> list:
    """The tokens of `words` at their first occurrence in the doc."""
    n = len(words.split())
    for i in range(len(doc) - n + 1):
        if [t.text for t in doc[i:i + n]] == words.split():
            return list(doc[i:i + n])
    raise AssertionError(f"{words!r} not in {doc.text!r}")


@pytest.mark.parametrize(("sentence", "figure", "value"), [
    ("Rebels killed 12 civilians.", "12", 12),
    ("The floods displaced 10,000 people.", "10,000", 10000),
    ("Officials said 1.5 million people fled.", "1.5 million", 1.5e6),
    ("Shelling killed six civilians.", "six", 6),
    ("Shelling killed twenty five civilians.", "twenty five", 25),
    ("Shelling killed three hundred people.", "three hundred", 300),
    ("Shelling killed two thousand people.", "two thousand", 2000),
    ("The war displaced two million people.", "two million", 2e6),
    ("Shelling killed two hundred and fifty people.", "two hundred and fifty", 250),
    ("The floods displaced three thousand two hundred people.", "three thousand two hundred", 3200),
    ("The floods displaced two million five hundred thousand people.", "two million five hundred thousand",
     2.5e6),
    ("Dozens of villagers fled.", "Dozens", 12),              # ACLED's lowest reading of a vague word
    ("Hundreds of villagers fled.", "Hundreds", 100),
    ("Thousands of villagers fled.", "Thousands", 1000),
    ("Rebels killed 12 civilians.", "12 civilians", 12),      # the noun after it ends the figure
])
def test_parse_number(nlp, sentence, figure, value):
    assert parse_number(tokens(nlp(sentence), figure), lexicon()) == value


def test_parse_number_of_tokens_as_written():
    # a thin space between digit groups ("10 000") is no separator of two numbers; a bare "hundred" is 100
    assert parse_number([SimpleNamespace(lower_="10\u2009000")], lexicon()) == 10000
    assert parse_number([SimpleNamespace(lower_="hundred")], lexicon()) == 100


def test_parse_number_of_no_number_and_beyond_float_range(nlp):
    assert parse_number(tokens(nlp("Rebels killed civilians."), "civilians"), lexicon()) is None
    # the tokenizer cuts long digit runs, so a token beyond float range is made by hand: inf is no count
    assert parse_number([SimpleNamespace(lower_="9" * 400)], lexicon()) is None


def test_tree_distance_counts_edges_through_the_common_ancestor(nlp):
    doc = nlp("Rebels killed six civilians.")
    rebels, killed, six, civilians = doc[0], doc[1], doc[2], doc[3]
    assert (killed.dep_, six.head.i, civilians.head.i, rebels.head.i) == ("ROOT", 3, 1, 1)  # the parse assumed
    assert _tree_distance(six, six) == 0
    assert _tree_distance(six, civilians) == 1
    assert _tree_distance(civilians, six) == 1
    assert _tree_distance(six, killed) == 2
    assert _tree_distance(killed, six) == 2
    assert _tree_distance(six, rebels) == 3


def test_tree_distance_across_sentences_is_none_of_the_trees(nlp):
    doc = nlp("Rebels killed six civilians. Police arrested two men.")
    assert _tree_distance(doc[2], tokens(doc, "two")[0]) == 99


@pytest.mark.parametrize(("sentence", "figure", "noun"), [
    ("Rebels killed six civilians.", "six", "civilians"),
    ("Airstrikes killed 17 IS group fighters.", "17", "fighters"),   # through the compound to its head
    ("The blast killed 1.5 million fish.", "million", "fish"),
    ("Rebels killed 12.", "12", "12"),                              # no noun: the number itself
])
def test_noun_of_a_number(nlp, sentence, figure, noun):
    doc = nlp(sentence)
    assert _noun_of(tokens(doc, figure)[-1]).text == noun


@pytest.mark.parametrize(("sentence", "noun", "group"), [
    ("Rebels killed six civilians.", "civilians", "civilians"),
    ("The raid killed 17 Terrorists.", "Terrorists", "combatants"),  # capitalised, plural
    ("Airstrikes killed 17 fighters.", "fighters", "combatants"),
    ("Shelling killed two children.", "children", "children"),
    ("Shelling killed 12 people.", "people", "unknown"),            # ACLED does not assume who they were
    ("The drone hit 3 rockets.", "rockets", None),                  # weapons are not people
    ("The strike hit the airbase.", "airbase", None),               # a military site is not a group either
    ("The war lasted 12 years.", "years", None),                    # nor are years
    ("The storm killed 12 goats.", "goats", "unknown"),             # a noun the lexicon does not list
])
def test_group_of_a_counted_noun(nlp, sentence, noun, group):
    assert group_of(tokens(nlp(sentence), noun)[0], lexicon()) == group


@pytest.mark.parametrize(("sentence", "number", "age"), [
    ("Ahmed, 45, and his son, 7, were killed.", "45", True),        # after a name, set off by commas
    ("Ahmed, 45, and his son, 7, were killed.", "7", True),         # after a person noun
    ("Police said Ahmed, 45, was killed.", "45", True),
    ("The strike killed 45, officials said.", "45", False),         # a count before a comma
    ("Shelling killed 7 and wounded 12.", "7", False),
])
def test_ages_are_not_counts(nlp, sentence, number, age):
    assert _is_age(tokens(nlp(sentence), number)) is age


def test_an_age_in_a_sentence_is_not_its_toll(analyzer):
    analysis = analyzer.analyze_article(prepare("Ahmed Hassan, 45, and his son, 7, were killed in an air strike "
                                                "on the village on Monday, relatives said."))
    assert_spans_exact(analysis)
    lows = [c.low for e in analysis.events for c in e.casualties]
    assert analysis.events and 45 not in lows and 7 not in lows


@pytest.mark.parametrize(("sentence", "number", "age"), [
    ("Ahmed, 45, was killed.", "45", True),                 # after a name, between commas
    ("Witnesses said his son, 7, died.", "7", True),        # after a person noun
    ("Ahmed, 45 and his son were killed.", "45", True),     # closed by "and"
    ("One of the dead (Ahmed, 45) was a teacher.", "45", True),  # closed by a bracket
    ("Ahmed, 45 died in the strike.", "45", False),         # not closed
    ("Shelling hit the village, 45, officials said.", "45", False),  # a place noun: no age
    ("Troops killed 12, and wounded 40.", "12", False),     # no comma before it
    ("The dead were named as Ahmed, 45", "45", False),      # the end of the text: not set off
])
def test_ages_by_their_commas_when_the_parser_sees_no_apposition(nlp, sentence, number, age):
    run = tokens(nlp(sentence), number)
    run[-1].dep_ = "npadvmod"  # as the parser has it for some ages: the commas decide
    assert _is_age(run) is age


# -- figures(): which numbers of a sentence count whom, through the whole pipeline --------------------------------


def casualties(analyzer, text: str) -> list[tuple[str, str, float | None, float | None]]:
    analysis = analyzer.analyze_article(prepare(text))
    assert_spans_exact(analysis)
    return [(c.kind, c.group, c.low, c.high) for e in analysis.events for c in e.casualties]


@pytest.mark.parametrize(("text", "expected"), [
    ("A child was killed when a shell hit the school.", [("killed", "children", 1, 1)]),
    ("One person was killed in the attack.", [("killed", "civilians", 1, 1)]),
    # "a suicide bomber" is who killed, not one of the dead
    ("A suicide bomber killed 30 people at the market.", [("killed", "civilians", 30, 30)]),
    ("A family of five was killed in the air strike on the village.", [("killed", "civilians", 5, 5)]),
    # a vague word keeps its lowest reading and no upper bound; women and children together are civilians
    ("The air strike killed dozens of women and children in the village.", [("killed", "civilians", 12, None)]),
    # a part of the toll is not a second toll
    ("The blast killed 70 people, including dozens of women and children.", [("killed", "civilians", 70, 70)]),
    ("At least 86 people were killed in the attack and dozens more were wounded.",
     [("killed", "civilians", 86, None), ("injured", "civilians", 12, None)]),
    ("The air strike claimed 17 lives, including those of six children.",
     [("killed", "civilians", 17, 17), ("killed", "children", 6, 6)]),
    # "nearly 50,000" displaced: the one figure reported is the lowest too
    ("Nearly 50,000 people were displaced by the fighting.", [("displaced", "unknown", 50000, 50000)]),
    ("Six killed as rockets hit the town.", [("killed", "civilians", 6, 6)]),
    ("Nine civilians injured in the shelling of the town.", [("injured", "civilians", 9, 9)]),
    ("Twenty-six soldiers were killed in the ambush.", [("killed", "combatants", 26, 26)]),
    ("Police said 14 militants and 2 soldiers were killed in the clashes.", [("killed", "combatants", 16, 16)]),
    ("Rebels shelled the town on 12 May, killing 3 civilians.", [("killed", "civilians", 3, 3)]),  # a date counts none
    # "others" are more of the people counted before them, even where fighters are named (no default group)
    ("Rockets fired at soldiers hit the market, killing 4 civilians and injuring 10 others.",
     [("killed", "civilians", 4, 4), ("injured", "civilians", 10, 10)]),
    # "4 of them" is a part of the 10 already counted, not a toll of its own
    ("Rockets hit the market, killing 4 civilians and injuring 10 others, 4 of them critically.",
     [("killed", "civilians", 4, 4), ("injured", "civilians", 10, 10)]),
])
def test_casualty_figures_of_a_sentence(analyzer, text, expected):
    assert casualties(analyzer, text) == expected


def test_others_counted_by_their_own_cue(analyzer):
    # "others" right after the cue that governs them is counted by that cue (the additional-set rule only
    # keeps a cue before "40 more" from counting them when another cue does: "12 were killed and 40 more hurt")
    assert casualties(analyzer, "The shelling killed 12 people and wounded 40 others.") == [
        ("killed", "civilians", 12, 12), ("injured", "civilians", 40, 40)]


def test_a_number_in_words_with_and_is_one_figure(analyzer):
    # one number written with "and" is one figure, counting the noun its head word qualifies
    assert casualties(analyzer, "The raid killed two hundred and fifty fighters.") == [
        ("killed", "combatants", 250, 250)]
