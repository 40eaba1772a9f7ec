"""Rules of events' casualty figures (claimgraph/nlp/events/casualties.py) written against the mutants that
survived the third, whole mutation run of the module (bench/mutation.py casualties).

Each case is a news-style sentence run through the whole pipeline and read straight from `figures()` (the number
as written, the kind, whom it counts, its bounds and the cue word), so a rule that changes which number a cue
counts, or whom, fails here even when the event built from it happens to come out the same.
"""

from __future__ import annotations

import pytest
from casualty_helpers import parsed, rows, sentence_figures
from spacy.tokens import Doc

from claimgraph.nlp.events.casualties import _noun_of, figures
from claimgraph.nlp.events.lexicon import lexicon, token_forms


@pytest.mark.parametrize(("text", "expected"), [
    # two clauses, two kinds, two groups: each count keeps its own cue and its own people
    ("Two soldiers were killed and three civilians were wounded.",
     [("Two", "killed", "combatants", 2, 2, "killed"), ("three", "injured", "civilians", 3, 3, "wounded")]),
    # "N of <people>": the number word is its own noun, and whom it counts is the object of "of"
    ("Two hundred of the soldiers were killed.", [("Two hundred", "killed", "combatants", 200, 200, "killed")]),
    ("Dozens of civilians were killed in the raid.", [("Dozens", "killed", "civilians", 12, None, "killed")]),
    # "a"/"an" counts one person: "a person", "a man" (also with a phrase after it, or another count beside it)
    ("The strike killed a person.", [("a", "killed", "unknown", 1, 1, "killed")]),
    ("A man from the village was killed.", [("A", "killed", "unknown", 1, 1, "killed")]),
    ("The strike killed a man and 3 women.",
     [("a", "killed", "unknown", 1, 1, "killed"), ("3", "killed", "women", 3, 3, "killed")]),
    # ... but no animal: "a"/"an" before a noun that names no people counts no one
    ("The shelling killed a horse at the farm.", []),
    ("The blast killed an ox.", []),
    # "and" after "hundred" joins a number only to a number word, never to the "a"/"an" of the next clause
    ("The strike killed three hundred and a child was hurt.",
     [("three hundred", "killed", "unknown", 300, 300, "killed"), ("a", "injured", "children", 1, 1, "hurt")]),
    ("The strike killed three hundred and an elderly man was hurt.",
     [("three hundred", "killed", "unknown", 300, 300, "killed"), ("an", "injured", "unknown", 1, 1, "hurt")]),
])
def test_figures_of_a_sentence(analyzer, text, expected):
    assert sentence_figures(analyzer, text) == expected


@pytest.mark.parametrize(("text", "group"), [
    # "dozens of X and Y": a count of both; women, children and civilians together are civilians, else unknown
    ("Dozens of women and children were killed.", "civilians"),
    ("Dozens of civilians and children were killed.", "civilians"),
    ("Dozens of civilians, women and children were killed.", "civilians"),
    ("Dozens of soldiers and civilians were killed.", "unknown"),
])
def test_a_number_word_of_two_groups_counts_both(analyzer, text, group):
    assert sentence_figures(analyzer, text) == [("Dozens", "killed", group, 12, None, "killed")]


@pytest.mark.parametrize("text", [
    # a part of a toll already counted ("including"/"among") is no figure of its own; the sentence is read on
    "The blast killed 70 people, including dozens of women and children, and wounded 40.",
    "The blast killed 70 people, among them dozens of women and children, and wounded 40.",
    # "dozens of homes" counts no people; the toll after it is still read
    "The strike destroyed dozens of homes, killed 70 people and wounded 40.",
])
def test_the_parts_and_the_things_of_a_sentence_leave_its_tolls(analyzer, text):
    assert [(r[0], r[1]) for r in sentence_figures(analyzer, text)] == [("70", "killed"), ("40", "injured")]


@pytest.mark.parametrize("text", [
    # "N of them/whom/those/these" after a count is a part of the set already counted
    "The blast injured 10 people, 4 of them critically.",
    "The blast injured 10 people; 4 of these are in a critical condition.",
    # ... also where the text is cut right after it, or after its "of"
    "The blast injured 10 people, 4 of them",
    "The blast injured 10 people, 4 of",
])
def test_a_part_of_a_counted_set_is_no_new_count(analyzer, text):
    assert sentence_figures(analyzer, text) == [("10", "injured", "unknown", 10, 10, "injured")]


@pytest.mark.parametrize("text", [
    "The blast injured 10 people, 4 of whom were children.",
    "The blast injured 10 people, and 4 of those were children.",
])
def test_a_part_of_a_counted_set_said_to_be_of_a_kind_is_that_kinds_part(analyzer, text):
    """Said to be of a kind ("4 of whom were children"), such a part is who some of the 10 were (tolls.py: parts
    keep their kind, the total is of no one group); before 65e9be9's follow-up it was read as no figure at all."""
    assert sentence_figures(analyzer, text) == [("10", "injured", "unknown", 10, 10, "injured"),
                                                ("4", "injured", "children", 4, 4, "injured")]


@pytest.mark.parametrize(("text", "expected"), [
    # two cues in a sentence: each count goes to its own cue, before or after it, also "N more"/"N others"
    ("The strike killed 12 people and 40 more were injured.",
     [("12", "killed", "unknown", 12, 12, "killed"), ("40", "injured", "unknown", 40, 40, "injured")]),
    ("Shelling killed 12 and wounded 40 others.",
     [("12", "killed", "unknown", 12, 12, "killed"), ("40", "injured", "unknown", 40, 40, "wounded")]),
    ("At least 6 killed, 20 wounded in the blast.",
     [("6", "killed", "unknown", 6, None, "killed"), ("20", "injured", "unknown", 20, 20, "wounded")]),
    ("The attack left 5 dead and 12 wounded.",
     [("5", "killed", "unknown", 5, 5, "dead"), ("12", "injured", "unknown", 12, 12, "wounded")]),
    ("The blast killed 3 people and injured dozens more.",
     [("3", "killed", "unknown", 3, 3, "killed"), ("dozens", "injured", "unknown", 12, None, "injured")]),
    # "N others" after a count of known people are more of them
    ("Rebels killed 4 soldiers, while 7 others were wounded.",
     [("4", "killed", "combatants", 4, 4, "killed"), ("7", "injured", "combatants", 7, 7, "wounded")]),
    # "those of six children": the pronoun stands in for the counted noun of the cue
    ("The bombing killed 17, including those of six children.",
     [("17", "killed", "unknown", 17, 17, "killed"), ("six", "killed", "children", 6, 6, "killed")]),
    # "include"/"be" between the cue and the count do not make the count another verb's
    ("The dead include 12 children.", [("12", "killed", "children", 12, 12, "dead")]),
    ("Among the dead were 12 children.", [("12", "killed", "children", 12, 12, "dead")]),
])
def test_counts_of_sentences_with_two_cues_or_a_linking_verb(analyzer, text, expected):
    assert sentence_figures(analyzer, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a part of a counted set is skipped, and the sentence's next count is still read
    ("The blast injured 10 people, 4 of them critically, and killed 3.",
     [("10", "injured", "unknown", 10, 10, "injured"), ("3", "killed", "unknown", 3, 3, "killed")]),
    # a count far from the first cue goes to a later one
    ("The shelling killed 3 people on Monday, and the next day officials said 12 were wounded.",
     [("3", "killed", "unknown", 3, 3, "killed"), ("12", "injured", "unknown", 12, 12, "wounded")]),
])
def test_every_count_of_a_sentence_is_read(analyzer, text, expected):
    assert sentence_figures(analyzer, text) == expected


def test_a_count_another_verb_governs_is_not_the_next_cues(analyzer):
    assert sentence_figures(analyzer, "Troops killed 30 militants, freed 19 civilians and wounded 5 soldiers.") == [
        ("30", "killed", "combatants", 30, 30, "killed"), ("5", "injured", "combatants", 5, 5, "wounded")]


def test_the_subject_of_a_reporting_clause_is_no_casualty(analyzer):
    text = "The 2 commanders who planned the operation told reporters that the strikes killed 5 people."
    assert sentence_figures(analyzer, text) == [("5", "killed", "unknown", 5, 5, "killed")]


def test_a_cut_text_keeps_the_count_of_its_last_cue(analyzer):
    assert sentence_figures(analyzer, "The raid killed 30 people injured 90") == [
        ("30", "killed", "unknown", 30, 30, "killed"), ("90", "injured", "unknown", 90, 90, "injured")]


@pytest.mark.parametrize(("text", "expected"), [
    # "an" before the subject of the cue is no count ("An Afghan soldier killed 3 militants")
    ("An Afghan soldier killed 3 militants.", [("3", "killed", "combatants", 3, 3, "killed")]),
    # "nearly 50 injured" gives no lower bound, as "nearly 50 killed" does not
    ("Nearly 50 people were injured.", [("50", "injured", "unknown", None, 50, "injured")]),
])
def test_articles_of_subjects_and_bounds_of_injuries(analyzer, text, expected):
    assert sentence_figures(analyzer, text) == expected


def test_figures_link_their_quantity_and_the_first_noun_of_their_coordination(analyzer):
    doc, quantity_at, blocked = parsed(analyzer, "Shelling killed 14 militants and 2 soldiers.")
    (sent,) = list(doc.sents)
    got = figures(sent, token_forms(sent), lexicon(), quantity_at, blocked)
    militants = next(t.i for t in doc if t.text == "militants")
    assert [(doc.text[f.start:f.end], f.conj_root) for f in got] == [("14", militants), ("2", militants)]
    assert [f.quantity for f in got] == [quantity_at[doc.char_span(f.start, f.end)[0].i][0] for f in got]
    assert all(f.quantity for f in got)  # the event links the quantities that gave the figures
    doc, quantity_at, blocked = parsed(analyzer, "Shelling killed 14 militants.")
    (sent,) = list(doc.sents)
    assert [f.conj_root for f in figures(sent, token_forms(sent), lexicon(), quantity_at, blocked)] == [-1]


def test_counts_before_their_cues_go_to_the_cue_right_after_them(analyzer):
    rows_ = sentence_figures(analyzer, "9 civilians injured and 3 killed in the attack.")
    assert [(r[0], r[1], r[3], r[5]) for r in rows_] == [("9", "injured", 9, "injured"), ("3", "killed", 3, "killed")]


def test_a_count_before_its_cue_keeps_the_group_of_its_noun(analyzer):
    assert sentence_figures(analyzer, "9 civilians injured and 3 killed in the attack.")[0][2] == "civilians"


def test_an_before_a_family_of_n_counts_the_n_not_one(analyzer):
    assert [row[0] for row in sentence_figures(analyzer, "Gunmen killed an entire family of six.")] == ["six"]


def test_a_bounded_part_of_a_toll_keeps_its_group(analyzer):
    assert sentence_figures(analyzer, "The strike killed 40 people, including at least 12 women and children.") == [
        ("40", "killed", "unknown", 40, 40, "killed"), ("12", "killed", "women", 12, None, "killed")]


def test_the_article_of_an_estimated_figure_is_no_count(analyzer):
    assert sentence_figures(analyzer, "An estimated 300 civilians were killed.") == [
        ("300", "killed", "civilians", 300, 300, "killed")]


def test_a_number_inside_a_time_is_never_a_count(analyzer):
    """`blocked` (the tokens of the document's times) is honoured even where the entity recognizer sees no date."""
    doc, quantity_at, _ = parsed(analyzer, "Fighting killed 12 people and wounded 30 others.")
    twelve = next(t.i for t in doc if t.text == "12")
    assert doc[twelve].ent_type_ not in ("DATE", "TIME")  # the case: only `blocked` keeps it out
    assert [r[0] for r in rows(doc, quantity_at, {twelve})] == ["30"]


def test_a_rate_is_its_number_even_when_no_time_is_recognised(analyzer):
    """ "12 an hour": the "an" of the rate is no part of the number (here with the entities cleared)."""
    doc, quantity_at, blocked = parsed(analyzer, "The shelling killed 12 an hour at its peak.")
    doc.ents = []
    assert [r[0] for r in rows(doc, quantity_at, set())] == ["12"]
    assert [(r[0], r[3]) for r in rows(doc, {}, set())] == [("12", 12)]


def test_number_words_joined_by_a_spaced_hyphen_are_one_number_of_our_own_reading(analyzer):
    """With no quantity covering it, figures reads "twenty ‐ six" (U+2010, spaced) as 26 by itself."""
    doc, _, blocked = parsed(analyzer, "Shelling killed twenty \u2010 six soldiers.")
    assert [(r[0], r[2], r[3]) for r in rows(doc, {}, blocked)] == [("twenty \u2010 six", "combatants", 26)]


def test_a_number_hung_off_of_counts_nothing_and_the_sentence_is_read_on(analyzer):
    """A parse that makes a number a modifier of "of" gives it no noun: it is skipped, the next count is read."""
    doc, quantity_at, blocked = parsed(analyzer, "Gunmen killed 5 of the soldiers and wounded 7 civilians.")
    five = next(t for t in doc if t.text == "5")
    five.head, five.dep_ = doc[five.i + 1], "nummod"  # as a parser may attach it
    assert [r[0] for r in rows(doc, quantity_at, blocked)] == ["7"]


def _parse(analyzer, words: list[str], heads: list[int], deps: list[str], pos: list[str]):
    return Doc(analyzer.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)


@pytest.mark.parametrize(("words", "pos", "noun"), [
    # "5 militia group fighters": the number hangs off the first noun of a compound; the head noun is counted
    (["5", "militia", "group", "fighters"], ["NUM", "NOUN", "NOUN", "NOUN"], "fighters"),
    (["5", "Hamas", "Qassam", "fighters"], ["NUM", "PROPN", "PROPN", "NOUN"], "fighters"),
])
def test_a_number_counts_the_head_of_the_compound_it_modifies(analyzer, words, pos, noun):
    doc = _parse(analyzer, words, heads=[1, 2, 3, 3], deps=["nummod", "compound", "compound", "ROOT"], pos=pos)
    assert _noun_of(doc[0]).text == noun


def test_a_spaced_thousands_figure_links_the_quantity_that_reads_it_whole(analyzer):
    """ "1 200": the quantities component reads both groups, so the figure keeps its quantity (and its value)."""
    doc, quantity_at, blocked = parsed(analyzer, "The shelling killed 1 200 civilians.")
    (sent,) = list(doc.sents)
    (fig,) = figures(sent, token_forms(sent), lexicon(), quantity_at, blocked)
    assert (doc.text[fig.start:fig.end], fig.group, fig.low, fig.high) == ("1 200", "civilians", 1200, 1200)
    assert fig.quantity is not None and fig.quantity == quantity_at[doc.char_span(fig.start, fig.end)[0].i][0]
