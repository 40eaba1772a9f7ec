"""Numbers that count nothing (claimgraph/nlp/quantities/labels.py and the parse rules of the component): scores,
codes, ranks, years, ages, enumeration labels and words of names are no quantities, while the counts written
beside them stay; ratios ("eight of 10") are one share. Cases are the kinds of false quantities issue 17's audit
and BBC non-conflict pages showed, written as new sentences."""

from __future__ import annotations

import pytest
from conftest import assert_spans_exact

from claimgraph.contract import Analysis
from claimgraph.ingest import Article
from claimgraph.meta import DocMeta


def run(analyzer, text: str) -> Analysis:
    analysis = analyzer.analyze_article(Article(text=text, meta=DocMeta(published="2016-05-10")))
    assert_spans_exact(analysis)
    return analysis


def figures(analyzer, text: str) -> list[str]:
    return [q.text for q in run(analyzer, text).quantities]


@pytest.mark.parametrize(("text", "kept"), [
    # results of matches: a pair that runs downwards, or sits beside another pair, is a score
    ("The visitors won 3-1 in front of 40,000 fans.", ["40,000"]),
    ("Despite losing 31-24 on Sunday, the coach kept all 15 starters.", ["15"]),
    ("She won 6-7 (4-7) 6-3 against the second seed.", []),
    # a range still reads as one ("250-500 prisoners")
    ("The raid left 250-500 prisoners free.", ["250-500"]),
])
def test_scores_are_not_counts(analyzer, text, kept):
    assert figures(analyzer, text) == kept


@pytest.mark.parametrize(("text", "kept"), [
    ("The regulator gave the service the code 0845 and fined it £2m.", ["£2m"]),
    ("The deal was signed at 0345 GMT by 12 directors.", ["12"]),
    ("The statue was the 1,024th to be unveiled, before 300 guests.", ["300"]),
    ("Operators sold 4G phones to 2 million customers.", ["2 million"]),
    ("The plant makes 300MW for 80,000 homes.", ["300MW", "80,000"]),
])
def test_codes_and_glued_labels_are_not_counts(analyzer, text, kept):
    assert figures(analyzer, text) == kept


@pytest.mark.parametrize(("text", "kept"), [
    ("Firefighters worked for weeks at Ground Zero after 2,753 people died there.", ["2,753"]),
    ("The final was shown on BBC Four and watched by 3 million viewers.", ["3 million"]),
    ("The club beat the League Two side and signed four players.", ["four"]),
    # a number word that opens a sentence, a line or a quotation is a count
    ("The hospital was hit.\nTwo nurses were hurt.", ["Two"]),
    ('He said: "Three soldiers died."', ["Three"]),
    # a title-case headline writes every word with a capital: its counts stay
    ("Militants Free Five Hostages In Northern Mali", ["Five"]),
])
def test_capitalised_number_words_inside_a_sentence_name_something(analyzer, text, kept):
    assert figures(analyzer, text) == kept


@pytest.mark.parametrize(("text", "kept"), [
    ("The band Maroon 5 played to 20,000 fans.", ["20,000"]),
    ("Half-Life 2 sold 1.7 million copies.", ["1.7 million"]),
    ("Channel 4 viewers saw 2 goals.", ["2"]),
    # a figure given by a source named before it stays ("Gallup 4.3 points"): names take whole numbers
    ("Polls put her ahead, with Gallup 4.3 points up.", ["4.3"]),
    # a count before its noun after a place name stays a count
    ("In Gaza 12 people died on Monday.", ["12"]),
])
def test_a_number_after_a_name_it_hangs_off_is_part_of_the_name(analyzer, text, kept):
    assert figures(analyzer, text) == kept


@pytest.mark.parametrize(("text", "kept"), [
    ("A 2014 study found 31 cases of fraud.", ["31"]),
    ("He won gold at the 2000 Olympics with 3 team-mates.", ["3"]),
    # a bare four-digit number before people counts them; with a bound or a symbol it is no year either
    ("Police said 2000 people marched and about 1999 tickets were sold for £2014.",
     ["2000", "about 1999", "£2014"]),
])
def test_bare_years_are_not_counts(analyzer, text, kept):
    assert figures(analyzer, text) == kept


@pytest.mark.parametrize(("text", "kept"), [
    ("The 31 year old driver hit 4 cars.", ["4"]),
    ("Among 18- to 24-year-old men the rate rose 3 times.", ["3"]),
    ("When I was 15 years old I joined 30 other recruits.", ["30"]),
    ("She has been deaf from the age of seven and teaches 12 pupils.", ["12"]),
    ("When she was eight, her family moved with 3 goats.", ["3"]),
    ("The prize went to Okafor, 61, who thanked 200 volunteers.", ["200"]),
    # "when they were 12 people": a count after "when ... were" with its noun
    ("The group had shrunk since they were 40 members.", ["40"]),
])
def test_ages_are_not_counts(analyzer, text, kept):
    assert figures(analyzer, text) == kept


@pytest.mark.parametrize(("text", "kept"), [
    ("His worries are, one, the cost, and two, the delay.", []),
    ("The plan has flaws: one, it is late; two, it is costly; three, it is vague.", []),
    # counts after their verbs, separated by commas, are counts
    ("The strike killed two, wounded three, and displaced 500 families.", ["two", "three", "500"]),
])
def test_enumeration_labels_are_not_counts(analyzer, text, kept):
    assert figures(analyzer, text) == kept


@pytest.mark.parametrize(("text", "kept"), [
    ("The film climbed into the top five, and the top 12 films earned $91m.", ["12", "$91m"]),
    ("The player, seeded four, beat 3 rivals.", ["3"]),
])
def test_ranks_are_not_counts(analyzer, text, kept):
    assert figures(analyzer, text) == kept


@pytest.mark.parametrize(("text", "kept"), [
    # a share after a form of 'be' and before a word of conviction or judgement says how strongly
    ("The union leader said the ministers were 100 percent wrong about the pension plan.", []),
    ("The coach said he was 100% sure the striker would be fit, and 2,000 fans cheered.", ["2,000"]),
    ("I'm not 90 per cent certain the bridge will reopen before the winter.", []),
    # not after other verbs, and not before words that measure a thing or a gap
    ("The pupils got 40 percent wrong on the first paper and 10 percent on the second.", ["40 percent", "10 percent"]),
    ("The reservoir was 40 percent full after the spring rains.", ["40 percent"]),
    ("Prices were 5 percent higher than in March, the bureau said.", ["5 percent"]),
    ("About 60 percent of the voters said the plan was wrong.", ["About 60 percent"]),
    # 's is 'is' only after a pronoun: "It's 100 percent true", "she's 100 percent certain of it"
    ("It's 100 percent true, the spokesman told 30 reporters.", ["30"]),
    ("Asked about the vote, she's 100 percent certain of the result.", []),
    ("We're 100 percent sure it's finished, the mayor told 15 residents.", ["15"]),
    # a state of a thing is a share of it: a fund or budget is "60 percent committed"
    ("The relief fund of $5 million is 60 percent committed, the agency said.", ["$5 million", "60 percent"]),
    # a word before a noun or a compound modifies it ("false negatives", "right wing"): a share of the subject
    ("The rapid tests were 8 percent false negatives in the field study.", ["8 percent"]),
    ("The upper house is 45 percent right wing and 25 percent left wing.", ["45 percent", "25 percent"]),
    ("The signatures were 4 percent false and 96 percent genuine, auditors found.", ["4 percent", "96 percent"]),
    # a possessive 's is no 'is': "the clinic's 12 percent" is the clinic's share
    ("Auditors compared the clinic's 12 percent false on the new form with the hospital's 9 percent.",
     ["12 percent", "9 percent"]),
    ("The province's 35 percent committed budget paid for 400 teachers.", ["35 percent", "400"]),
])
def test_a_degree_of_conviction_is_no_share(analyzer, text, kept):
    assert figures(analyzer, text) == kept


@pytest.mark.parametrize(("text", "figure", "value", "low", "high", "subject"), [
    ("One in five children is hungry.", "One in five", 20, 20, 20, "children"),
    ("Nine out of 10 doctors agree.", "Nine out of 10", 90, 90, 90, "doctors"),
    ("Nearly eight of 10 voters say they will watch.", "Nearly eight of 10", None, None, 80, "voters"),
    ("More than three in 10 families have left.", "More than three in 10", None, 30, None, "families"),
])
def test_ratios_are_one_share(analyzer, text, figure, value, low, high, subject):
    (q,) = run(analyzer, text).quantities
    assert (q.text, q.value, q.low, q.high, q.unit, q.subject) == (figure, value, low, high, "%", subject)


@pytest.mark.parametrize(("text", "kept"), [
    # "of" makes a share only of a base of 10 or 100; "in" only of such a base or from one; else two counts
    ("Only 3 of 40 villages are held.", ["3", "40"]),
    ("Rebels killed 5 in 30 raids.", ["5", "30"]),
])
def test_two_counts_that_are_no_ratio(analyzer, text, kept):
    assert figures(analyzer, text) == kept


def test_a_negated_count_under_a_modal_is_no_count(analyzer):
    got = run(analyzer, "No one can be detained without a charge. No one was hurt in the blast.").quantities
    assert [(q.text, q.span[0], q.value, q.modality) for q in got] == [("No one", 41, 0, "negated")]


@pytest.mark.parametrize(("text", "kept"), [
    # a number word that opens a sentence after a flattened dateline, time stamp or agency credit is a count
    ("Tue 14 Mar 2017 Eleven farmers were wounded by a landmine near the border.", ["Eleven"]),
    ("Updated 09:40 Four nurses were hurt when the clinic was shelled.", ["Four"]),
    ("KANDAHAR Three guards died in the ambush, officials said.", ["Three"]),
    ("DEIR EZZOR, Five fighters were captured overnight.", ["Five"]),
    ("MOSUL (AFP) - Seven families fled the old city on Friday.", ["Seven"]),
    # inside a sentence a capitalised number word is still part of a name
    ("The film was shown on BBC Four and drew 2 million viewers.", ["2 million"]),
    ("The BBC Four documentary drew 2 million viewers.", ["2 million"]),
])
def test_a_sentence_after_a_dateline_starts_anew(analyzer, text, kept):
    assert figures(analyzer, text) == kept
