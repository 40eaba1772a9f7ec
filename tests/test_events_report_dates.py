"""A reported event with no date of its own is dated by its report (issue 13, fix of 27d0a6f), written before
the fix.

The date of the clause that reports an event ("Activists said on Tuesday that ...", "... told AFP on Sunday",
"a statement on Monday said ...") is an upper bound on the event's date. Where the event's own clause gives
no date, the event takes the report's date at the report's precision, as ACLED coders do when the event date
is not given, unless another sentence explicitly dates the same incident (the same toll told again with its
day). A date in another sentence about another incident never dates it. Before the fix such an event had no
time, and merging it with any later report of the same kind let that report's date stand for it.
"""

from __future__ import annotations

import pytest
from conftest import assert_spans_exact

from claimgraph.contract import Analysis
from claimgraph.ingest import Article
from claimgraph.meta import DocMeta


def _analyze(analyzer, text: str, published: str | None = "2016-03-09", dateline: str | None = None) -> Analysis:
    analysis = analyzer.analyze_article(Article(text=text, meta=DocMeta(published=published, dateline=dateline)))
    assert_spans_exact(analysis)
    return analysis


def _dated(analysis: Analysis, text: str, words: str) -> tuple[str | None, str | None]:
    """The text and value of the time of the event one of whose mentions is said within a few words of
    `words`."""
    times = {t.id: t for t in analysis.times}
    at = text.index(words)
    event = next((e for e in analysis.events if any(abs(s - at) <= NEAR for s, _ in [e.span, *e.mentions])), None)
    assert event is not None, [(e.subtype, e.text) for e in analysis.events]
    time = times.get(event.time or "")
    return (time.text, time.value) if time else (None, None)


#: characters between a trigger and the words that pick its event out
NEAR = 20

REPORTED = [
    ("Activists said on Tuesday that air strikes killed 20 people in the town of Douma.", "air strikes", "Tuesday"),
    ("Two mortar shells hit a school in the town of Daraya, killing three children, a civil defence official "
     "told AFP on Sunday.", "mortar", "Sunday"),
    ("A statement on Monday said that gunmen had attacked a checkpoint near the city of Homs, killing five "
     "soldiers.", "attacked", "Monday"),
    ("The ministry said on Tuesday that rebels had shelled the airport, wounding four soldiers.", "shelled",
     "Tuesday"),
]


@pytest.mark.parametrize(("text", "words", "day"), REPORTED)
def test_a_reported_event_with_no_date_of_its_own_takes_the_reports(analyzer, text: str, words: str,
                                                                    day: str) -> None:
    assert _dated(_analyze(analyzer, text), text, words)[0] == day


def test_a_report_of_the_publication_day_leaves_the_event_undated(analyzer) -> None:
    # the report's day is the day the document was published (2016-03-09, a Wednesday): no date of the act's own,
    # and the document's date is the upper bound every undated event has (timing.undate_published)
    text = "The ministry said on Wednesday that rebels had shelled the airport, wounding four soldiers."
    analysis = _analyze(analyzer, text)
    assert _dated(analysis, text, "shelled") == (None, None)
    assert analysis.document.published == "2016-03-09"


@pytest.mark.parametrize(("text", "words", "day"), REPORTED[:2])
def test_under_a_dateline_too(analyzer, text: str, words: str, day: str) -> None:
    text = "BEIRUT, March 9 (Reuters) - " + text
    assert _dated(_analyze(analyzer, text, dateline="2016-03-09"), text, words)[0] == day


SECOND_INCIDENT = [
    # another incident, dated in another sentence, of the same kind and then of another kind
    ("Activists said on Tuesday that air strikes killed 20 people in the town of Douma. On Saturday, air "
     "strikes killed five people in the town of Zamalka.", "strikes killed 20", "Tuesday"),
    ("Activists said on Tuesday that air strikes killed 20 people in the town of Douma. On Saturday, rebels "
     "shelled the town of Harasta, killing two soldiers.", "strikes killed 20", "Tuesday"),
    ("Two mortar shells hit a school in the town of Daraya, killing three children, a civil defence official "
     "told AFP on Sunday. Last Thursday, mortar shells hit a market in the town of Daraya, killing one man.",
     "hit a school", "Sunday"),
]


@pytest.mark.parametrize(("text", "words", "day"), SECOND_INCIDENT)
def test_a_date_of_another_incident_never_dates_it(analyzer, text: str, words: str, day: str) -> None:
    assert _dated(_analyze(analyzer, text), text, words)[0] == day


def test_a_date_said_of_the_same_incident_elsewhere_does(analyzer) -> None:
    text = ("Activists said on Tuesday that air strikes killed 20 people in the town of Douma. The air strikes, "
            "which killed 20 people, hit the town on Sunday.")
    analysis = _analyze(analyzer, text)
    assert _dated(analysis, text, "strikes killed 20")[0] == "Sunday"
