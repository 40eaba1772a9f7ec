"""More rules of events' casualty figures (claimgraph/nlp/events/casualties.py `figures`), written against the
mutants that survived tests/test_mutants_casualties.py (bench/mutation.py).

Each case is a news-style sentence run through the whole pipeline; the figures are read straight from
`figures()` (the number as written, the cue that counts it, whom it counts and its bounds), so a rule that
changes which number a cue counts fails here even when the event built from it happens to come out the same.
"""

from __future__ import annotations

import pytest
from casualty_helpers import sentence_figures


@pytest.mark.parametrize(("text", "expected"), [
    # two cues, two counts: each number goes to the cue right after it or the one whose argument it is
    ("8 persons killed 58 others injured in the blast.",
     [("8", "killed", "unknown", 8, 8, "killed"), ("58", "injured", "unknown", 58, 58, "injured")]),
    ("The strike killed 7 and wounded 12.",
     [("7", "killed", "unknown", 7, 7, "killed"), ("12", "injured", "unknown", 12, 12, "wounded")]),
    # a number of the same clause that another verb governs is not the cue's ("freed 19 civilians")
    ("Gunmen killed 30 soldiers and freed 19 civilians.", [("30", "killed", "combatants", 30, 30, "killed")]),
    # the head of a multi-word cue counts the number ("death toll rose to 23")
    ("The death toll rose to 23 on Monday.", [("23", "killed", "unknown", 23, 23, "toll")]),
    # bounds: "at least" keeps no upper bound, "nearly" no lower one for a toll, "more than" is open
    ("Nearly 50 people were killed in the attack.", [("50", "killed", "unknown", None, 50, "killed")]),
    ("More than 200 people were injured.", [("200", "injured", "unknown", 200, None, "injured")]),
    # other kinds than deaths
    ("Fighting forced about 10,000 Turkmen to flee.", [("10,000", "displaced", "unknown", 10000, 10000, "flee")]),
    ("Troops detained 40 protesters on Monday.", [("40", "detained", "unknown", 40, 40, "detained")]),
    ("Three people were missing after the flood.", [("Three", "missing", "unknown", 3, 3, "missing")]),
    # "a man": an article before a person noun the cue governs counts one
    ("An explosion killed a man and injured four women.",
     [("a", "killed", "unknown", 1, 1, "killed"), ("four", "injured", "women", 4, 4, "injured")]),
    ("Dozens were killed.", [("Dozens", "killed", "unknown", 12, None, "killed")]),
    # a number of several tokens is one figure, never its last word again
    ("The war displaced 1.5 million people.", [("1.5 million", "displaced", "unknown", 1.5e6, 1.5e6, "displaced")]),
    ("The attack killed two hundred people.", [("two hundred", "killed", "unknown", 200, 200, "killed")]),
    # a text that ends on its number (a headline, a cut page) still counts it
    ("The death toll rose to 23", [("23", "killed", "unknown", 23, 23, "toll")]),
    # a capital letter that is a name ("Plan A") is no article: the figures after it still count
    ("Under Plan A, troops killed 5 militants.", [("5", "killed", "combatants", 5, 5, "killed")]),
    # a percentage is no count of people; the count after it is
    ("Officials said 40 percent of the 300 dead were children.", [("300", "killed", "unknown", 300, 300, "dead")]),
    # irregular plurals find their group through the lemma ("babies" -> baby, "militiamen" -> militiaman)
    ("Shelling killed 3 babies and 2 militiamen.",
     [("3", "killed", "children", 3, 3, "killed"), ("2", "killed", "combatants", 2, 2, "killed")]),
    # numbers written with a hyphen are one figure; three number words are one figure too
    ("Twenty-six soldiers were killed in the ambush.", [("Twenty-six", "killed", "combatants", 26, 26, "killed")]),
    ("Shelling killed twenty-six", [("twenty-six", "killed", "unknown", 26, 26, "killed")]),
    ("The raid killed thirty-one fighters and wounded forty-five civilians.",
     [("thirty-one", "killed", "combatants", 31, 31, "killed"),
      ("forty-five", "injured", "civilians", 45, 45, "wounded")]),
    ("The war displaced two hundred thousand people.",
     [("two hundred thousand", "displaced", "unknown", 2e5, 2e5, "displaced")]),
    # a cut text that ends on a dash after its number
    ("The death toll rose to twenty -", [("twenty", "killed", "unknown", 20, 20, "toll")]),
    # a rate: the number before "a day" counts the dead, "a" is no second number of it
    ("The fighting killed about 30 a day in the city.", [("30", "killed", "unknown", 30, 30, "killed")]),
    # "a hundred": the article is no figure of its own, the number word is the figure
    ("A hundred soldiers were killed in the battle.", [("hundred", "killed", "combatants", 100, 100, "killed")]),
    # a count of women and children together is of civilians, in either order; "a child" is a figure of its own
    ("The strike killed 12 women and children.", [("12", "killed", "civilians", 12, 12, "killed")]),
    ("The strike killed 6 children and women.", [("6", "killed", "civilians", 6, 6, "killed")]),
    ("The shelling killed four women and a child.",
     [("four", "killed", "women", 4, 4, "killed"), ("a", "killed", "children", 1, 1, "killed")]),
    # ... but inside a larger toll ("including") it stays a part of it
    ("The strike killed 40 people, including 12 women and children.",
     [("40", "killed", "unknown", 40, 40, "killed"), ("12", "killed", "women", 12, 12, "killed")]),
    # ordinals, money and durations count no one: only the toll next to them is a figure
    ("The strike killed 5 people, the third such attack this week.", [("5", "killed", "unknown", 5, 5, "killed")]),
    ("A $5 million aid convoy was hit, killing 4 drivers.", [("4", "killed", "unknown", 4, 4, "killing")]),
    ("Over the past 24 hours, 12 people were killed.", [("12", "killed", "unknown", 12, 12, "killed")]),
    ("Israeli strikes killed 12 Palestinians on the 3rd day of the offensive.",
     [("12", "killed", "unknown", 12, 12, "killed")]),
    # "and" joins the words of one number only after hundred/thousand/million, never two counts
    ("The war displaced two thousand and fifty people.",
     [("two thousand and fifty", "displaced", "unknown", 2050, 2050, "displaced")]),
    ("The war displaced one million and five hundred thousand people.",
     [("one million and five hundred thousand", "displaced", "unknown", 1.5e6, 1.5e6, "displaced")]),
    ("The death toll rose to two hundred and fifty",
     [("two hundred and fifty", "killed", "unknown", 250, 250, "toll")]),
    ("The strike killed two hundred and", [("two hundred", "killed", "unknown", 200, 200, "killed")]),  # a cut text
    ("Shelling killed two hundred and wounded fifty.",
     [("two hundred", "killed", "unknown", 200, 200, "killed"), ("fifty", "injured", "unknown", 50, 50, "wounded")]),
    ("The blast killed 20 people, among them 6 women and children.",
     [("20", "killed", "unknown", 20, 20, "killed"), ("6", "killed", "women", 6, 6, "killed")]),
    ("The blast killed twelve including four children.",
     [("twelve", "killed", "unknown", 12, 12, "killed"), ("four", "killed", "children", 4, 4, "killed")]),
    # the noun a number counts may be the head of the compound it modifies ("12-member crew")
    ("The 12-member crew was killed.", [("12", "killed", "unknown", 12, 12, "killed")]),
])
def test_figures_of_a_sentence(analyzer, text, expected):
    assert sentence_figures(analyzer, text) == expected



def test_a_mixed_count_is_of_no_one_group(analyzer):
    """A count of two different groups joined by 'and' is of no one group (it once took the first noun's)."""
    assert sentence_figures(analyzer, "The strike killed 12 soldiers and civilians.") == [
        ("12", "killed", "unknown", 12, 12, "killed")]
    assert sentence_figures(analyzer, "The strike killed 12 civilians and soldiers.") == [
        ("12", "killed", "unknown", 12, 12, "killed")]
    # civilians with women or children are still all civilians
    assert sentence_figures(analyzer, "The strike killed 12 civilians and children.") == [
        ("12", "killed", "civilians", 12, 12, "killed")]


def test_a_lone_one_does_not_stop_the_reading_of_its_sentence(analyzer):
    assert ("30", "injured", "unknown", 30, 30, "hurt") in sentence_figures(analyzer, "One died and 30 were hurt.")


def test_one_of_a_group_is_a_count_of_one(analyzer):
    """'One of the soldiers was killed' counts one soldier (it once counted no one)."""
    assert sentence_figures(analyzer, "One of the soldiers was killed in the attack.") == [
        ("One", "killed", "combatants", 1, 1, "killed")]


@pytest.mark.parametrize("text", [
    "It was one of the first villages to be shelled in the war.",
    "One of the most important roads in the region was cut after clashes that killed three people.",
])
def test_one_of_a_thing_is_no_count_of_people(analyzer, text):
    """'One of the X' counts a person only when X is a group of people ("roads", "the first" are not)."""
    assert [row for row in sentence_figures(analyzer, text) if row[0].lower() == "one"] == []


def test_a_number_with_a_space_between_its_thousands_is_one_count(analyzer):
    """Digit groups split by a space are one number (they were once read as their first group, 10)."""
    assert sentence_figures(analyzer, "About 10 000 people fled the fighting.") == [
        ("10 000", "displaced", "unknown", 10000, 10000, "fled")]
    assert sentence_figures(analyzer, "The floods forced 2 500 families to flee.") == [
        ("2 500", "displaced", "civilians", 2500, 2500, "flee")]


def test_a_number_word_joined_by_a_unicode_hyphen_is_one_count(analyzer):
    """"Twenty\u2010six" (U+2010 HYPHEN, which the tokenizer leaves inside the word) is 26."""
    assert sentence_figures(analyzer, "Twenty\u2010six people were killed in the attack.") == [
        ("Twenty\u2010six", "killed", "unknown", 26, 26, "killed")]


@pytest.mark.parametrize(("text", "expected"), [
    # the set a part is taken from is no cue for the part: the 7 were killed, not taken hostage
    ("Gunmen killed 7 of the 12 hostages on Monday.",
     [("7", "killed", "unknown", 7, 7, "killed"), ("12", "detained", "unknown", 12, 12, "hostages")]),
    # "of the wounded" names who they were; "died" says what befell them
    ("Two of the wounded later died in hospital.", [("Two", "killed", "unknown", 2, 2, "died")]),
])
def test_a_part_of_a_set_is_counted_by_what_befell_it(analyzer, text, expected):
    assert sentence_figures(analyzer, text) == expected


@pytest.mark.parametrize(("text", "written"), [
    ("The attack killed 20 to 30 people.", "20 to 30"),
    ("The attack killed 20-30 people.", "20-30"),
])
def test_a_range_is_one_figure_with_two_bounds(analyzer, text, written):
    """"20 to 30 people" is one figure (lowest 20, highest 30), not two tolls."""
    assert sentence_figures(analyzer, text) == [(written, "killed", "unknown", 20, 30, "killed")]


@pytest.mark.parametrize(("text", "number", "noun"), [
    ("The blast killed 1.5 million fish.", "1.5", "fish"),                   # through "million" to its noun
    ("A hundred people were killed.", "A", "people"),                        # "A" hangs off "hundred" (quantmod)
    ("The war displaced two hundred thousand people.", "two", "people"),     # "two" is a compound of "thousand"
])
def test_the_noun_of_the_first_word_of_a_number(analyzer, text, number, noun):
    from claimgraph.nlp.events.casualties import _noun_of

    doc = analyzer.nlp(text)
    first = [t for t in doc if t.text == number][0]
    assert first.head.pos_ == "NUM"  # the parse these cases are about: the word hangs off another number word
    assert _noun_of(first).text == noun


@pytest.mark.parametrize("dep", ["amod", "compound", "quantmod", "det"])
def test_a_number_counts_its_noun_whatever_modifier_the_parser_calls_it(analyzer, dep):
    from claimgraph.nlp.events.casualties import _noun_of

    doc = analyzer.nlp("Rebels killed six civilians.")
    six = doc[2]
    six.dep_ = dep  # as the parser labels some numbers
    assert _noun_of(six).text == "civilians"
    six.dep_ = "npadvmod"  # any other relation: the number stands alone
    assert _noun_of(six).text == "six"


def test_an_apposition_is_an_age_even_with_no_comma_after_it(analyzer):
    from claimgraph.nlp.events.casualties import _is_age

    doc = analyzer.nlp("The dead were named as Ahmed Hassan, 45")  # the end of the text: no comma closes it
    run = [t for t in doc if t.text == "45"]
    assert run[0].dep_ == "appos"  # the parse this case is about
    assert _is_age(run) is True


@pytest.mark.parametrize(("text", "number", "age"), [
    # a bracket that closes the text closes the age
    ("Among the dead was a teacher (Ahmed, 45)", "45", True),
    # a number that opens a cut text has nothing before it: no name, so no age (never the text's last words)
    ("12, the toll given by Hamas,", "12", False),
    (", 45, were killed with Ahmed", "45", False),
])
def test_ages_at_the_edges_of_a_text(analyzer, text, number, age):
    from claimgraph.nlp.events.casualties import _is_age

    doc = analyzer.nlp(text)
    run = [t for t in doc if t.text == number]
    run[0].dep_ = "npadvmod"  # as the parser has it for some ages: the commas and brackets decide
    assert _is_age(run) is age
