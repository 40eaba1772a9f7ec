"""A report's news is its headline and lead incident; violence it recalls later in the text, dated by its own words
to an earlier day and told with a word of recall ("Friday's attack came after a car bombing killed 100 people on
Tuesday", "earlier"), is an earlier incident told as background, not one the report reports (ACLED codes each
incident from its own report; issue 13: one event per incident, the main event first). A date printed at the text's
head is the report's date, not the lead act's own. Sentences invented for these tests, not copied from any
benchmark's text."""

from __future__ import annotations

import pytest
from conftest import assert_spans_exact

from claimgraph.contract import Analysis
from claimgraph.ingest import prepare


def _analyze(analyzer, text: str) -> Analysis:
    analysis = analyzer.analyze_article(prepare(text))
    assert_spans_exact(analysis)
    return analysis


def _tolls(analysis: Analysis) -> list[float]:
    return sorted(c.low for e in analysis.events for c in e.casualties if c.kind == "killed" and c.low)


RECALLS = [
    ("Car bombs kill 12 in Homs\n\nSaturday 10 May 2014 Two car bombs exploded in the city of Homs on Friday, "
     "killing 12 civilians, state media said. The attack came after a suicide bombing killed at least 45 people "
     "on Tuesday in another district of the city.", [12.0]),
    ("Air strikes kill nine in Idlib\n\n22 July 2016 Air strikes hit the town of Saraqeb on Friday morning, killing "
     "nine civilians, activists said. Two days earlier, on Wednesday, barrel bombs dropped on the same town killed "
     "30 people, the monitor said.", [9.0]),
]


@pytest.mark.parametrize("text, tolls", RECALLS)
def test_an_earlier_incident_recalled_after_the_lead_is_no_event_of_the_report(analyzer, text: str,
                                                                               tolls: list[float]) -> None:
    assert _tolls(_analyze(analyzer, text)) == tolls


def test_the_lead_incident_told_again_with_its_day_stays_one_event(analyzer) -> None:
    """The lead's act dated in a later sentence, with the same toll: the same incident, not a recall."""
    text = ("Shelling kills four in Damascus\n\nMonday 16 October 2017 Rebel shelling killed four civilians in "
            "Damascus, a monitor said. The shells hit a market in the east of the city on Sunday, killing four "
            "civilians and wounding nine.")
    analysis = _analyze(analyzer, text)
    assert [c.low for e in analysis.events for c in e.casualties if c.kind == "killed"][:1] == [4.0]


def test_a_later_incident_of_the_same_report_stays(analyzer) -> None:
    """Told after the lead but dated later than it: more news of the report, not background."""
    text = ("Clashes in Daraa\n\n12 March 2016 Rebels attacked an army post in Daraa on Monday, killing five "
            "soldiers, state media said. On Tuesday, government jets struck the town of Busra, killing 11 civilians.")
    assert 11.0 in _tolls(_analyze(analyzer, text))


def test_the_date_printed_at_the_head_dates_no_act(analyzer) -> None:
    """"12 Jul 2016 Rebels advanced ..." with the date as the text's first words: the report's date, an upper
    bound on the act's day, so the strike the lead dates on Monday is not recalled as earlier than the report."""
    text = ("Rebels advance in Aleppo\n\n12 Jul 2016 Rebel forces advanced into a district of Aleppo to retake "
            "a supply road. Government air raids on the district on Monday killed 13 civilians, a monitor said.")
    assert 13.0 in _tolls(_analyze(analyzer, text))


NEWS = [
    ("Bombings in Iraq\n\n14 June 2014 A suicide bomber struck a market in Kirkuk earlier this week, killing 13 "
     "people, police said. On Friday, gunmen attacked a checkpoint in Baquba, killing six soldiers.", [6.0, 13.0]),
    ("Violence in Iraq\n\n14 June 2014 Gunmen attacked a checkpoint in Baquba on Friday, killing six soldiers. "
     "On Thursday, a roadside bomb killed four policemen in Kirkuk. On Wednesday, a car bomb exploded in Mosul, "
     "killing 13 people.", [4.0, 6.0, 13.0]),
    ("Violence in Iraq\n\n14 June 2014 Gunmen attacked a checkpoint in Baquba on Friday, killing six soldiers. "
     "Earlier this month, shelling killed 27 people in Fallujah.", [6.0, 27.0]),
]


@pytest.mark.parametrize("text, tolls", NEWS)
def test_a_week_a_month_or_a_round_up_of_days_is_news_not_a_recall(analyzer, text: str, tolls: list[float]) -> None:
    """An act dated only to a week ("earlier this week") or to the news's own month ("earlier this month") has no day
    to set before the lead's; a round-up of several days' acts told with no word of recall reports each of them."""
    assert _tolls(_analyze(analyzer, text)) == tolls


WEEKS_OLD = [
    ("Shelling kills five in Aleppo\n\n16 October 2017 Rebel shelling killed five civilians in Aleppo on Sunday, a "
     "monitor said. The Islamic State group also claimed an October 2 bombing at a police station in the city that "
     "killed 17 people.", [5.0]),
    ("Aleppo braces for air raids\n\n4 November 2016 Government jets struck the district of Bustan al-Qasr on "
     "Friday, killing eight civilians, a monitor said. Air raids killed more than 90 people in the district in "
     "September, the monitor said.", [8.0]),
    ("Violence in Iraq\n\n14 June 2014 Gunmen attacked a checkpoint in Baquba on Friday, killing six soldiers. "
     "In May, shelling killed 27 people in Fallujah.", [6.0]),
]


@pytest.mark.parametrize("text, tolls", WEEKS_OLD)
def test_an_act_dated_weeks_before_the_news_is_recalled_without_a_word_of_recall(analyzer, text: str,
                                                                                  tolls: list[float]) -> None:
    """A day more than a week before the news day ("an October 2 bombing" in a report of October 16), or a month
    that ended that long before it ("in September" in a report of November), is no round-up of the report's recent
    days: it is an earlier incident recalled (all three failed at c47ef00, the last one read as a round-up)."""
    assert _tolls(_analyze(analyzer, text)) == tolls

