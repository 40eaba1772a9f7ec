"""Issue 9, review finding L1: what an incident rests on across articles is the event's own time. A background
date (a town's capture years ago, the start of a period, "since the war began") never dates a strike. Invented
short articles, linked through the corpus store."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.contract import Analysis
from claimgraph.corpus import Store
from claimgraph.corpus.linking.digest import published_span
from claimgraph.ingest import prepare
from claimgraph.pipeline import Analyzer

# One invented air strike on a market, Monday 13 March 2017, told by two outlets the next day; the second also
# says when the town changed hands.
MARKET = """Tue 14 Mar 2017

Air strike on Saraqib market kills 23

An air strike hit the crowded vegetable market in Saraqib on Monday, killing 23 civilians, rescue workers said.

Shops were reduced to rubble and the wounded were taken to hospitals in Idlib.
"""
MARKET_CAPTURED = """Tue 14 Mar 2017

Warplanes hit Saraqib

Warplanes bombed the vegetable market in Saraqib, a town that rebels captured in March 2015, on Monday, killing \
23 civilians.

Residents said the planes circled for several minutes before they struck.
"""
HEAD = "Tue 14 Mar 2017\n\nReport from Idlib province\n\n"


def _analyse(analyzer: Analyzer, text: str, outlet: str) -> Analysis:
    return analyzer.analyze_article(prepare(text, outlet=outlet))


def _event_times(analysis: Analysis) -> list[tuple[str, str | None]]:
    times = {t.id: t.text for t in analysis.times}
    return [(e.subtype, times.get(e.time or "")) for e in analysis.events]


@pytest.mark.parametrize(("body", "background"), [
    ("Warplanes bombed the vegetable market in Saraqib, a town that rebels captured in March 2015, on Monday, "
     "killing 23 civilians.", "March 2015"),
    ("Warplanes bombed the vegetable market in Saraqib on Monday, killing 23 civilians, the deadliest attack on "
     "the town since the war began in March 2011.", "March 2011"),
    ("Warplanes struck a market in Saraqib, which rebels have held since January 2015, killing 23 civilians.",
     "January 2015"),
    ("Warplanes bombed the vegetable market in Saraqib, where nine people died in a strike on 2 March, killing 23 "
     "civilians.", "2 March"),
])
def test_a_background_date_never_dates_the_strike(analyzer: Analyzer, body: str, background: str) -> None:
    analysis = _analyse(analyzer, HEAD + body, "Example Wire")
    strikes = [t for subtype, t in _event_times(analysis) if subtype == "Air/drone strike"]
    assert strikes, _event_times(analysis)  # the strike is reported (not dropped as years-old history)
    assert background not in strikes
    assert all(t in (None, "Monday") for t in strikes)


@pytest.mark.parametrize(("body", "when"), [
    ("Six people were killed in a bombing which targeted a bus on Sunday in Damascus.", "Sunday"),
    ("Two Russian jets were over the convoy at the moment it was struck on Monday near Aleppo, killing 20 aid "
     "workers.", "Monday"),
    ("An air strike hit the vegetable market in Saraqib on Monday, killing 23 civilians.", "Monday"),
    ("Volunteers have called him every day since 24 November, when Turkey shot down a Russian jet near the border.",
     "24 November"),
])
def test_a_time_said_of_the_act_still_dates_it(analyzer: Analyzer, body: str, when: str) -> None:
    # a relative clause on the act itself, or on a point in time, is no background
    analysis = _analyse(analyzer, HEAD + body, "Example Wire")
    assert when in [t for _, t in _event_times(analysis)], _event_times(analysis)


def test_a_report_with_a_background_date_joins_the_strikes_incident(analyzer: Analyzer, tmp_path: Path) -> None:
    a, b = _analyse(analyzer, MARKET, "Wire One"), _analyse(analyzer, MARKET_CAPTURED, "Wire Two")
    with Store(tmp_path / "s.duckdb") as store:
        store.write_analyses([(a, "market"), (b, "captured")])
        store.link()
        joint = [inc for inc in store.incidents() if {r.doc_id for r in inc.reports} == {a.document.id, b.document.id}]
    assert joint and joint[0].date_start == joint[0].date_end == "2017-03-13"


def test_a_period_start_in_the_opening_is_not_the_publication_date(analyzer: Analyzer) -> None:
    # no dateline: the first full date is when rebels took the town, not when the report was written
    text = ("Saraqib market bombed\n\nWarplanes bombed the vegetable market in Saraqib, a town rebels have held "
            "since 12 March 2015, killing 23 civilians, a monitor said.\n")
    analysis = _analyse(analyzer, text, "Example Wire")
    assert analysis.document.published is None
    assert published_span(analysis) is None
    dated = _analyse(analyzer, "Sat 9 Apr 2022\n\n" + text.split("\n\n", 1)[1], "Example Wire")
    span = published_span(dated)
    assert span is not None and span.iso == "2022-04-09"
