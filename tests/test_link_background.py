"""Issue 9, review findings L1 and L2: what an incident rests on across articles is the event's own time and
its actor role. A background date (a town's capture years ago, the start of a period, "since the war began")
never dates a strike; the source of a report ("confirmed by US officials", "reported by the Observatory") is never
its perpetrator, and never feeds blame. Invented short articles, linked through the corpus store."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.contract import Analysis
from claimgraph.corpus import Store
from claimgraph.corpus.linking.blame import sides_at_act
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
# One invented strike on an aid convoy, Monday 19 September 2016: a source confirming it is not who struck.
CONVOY_CONFIRMED = """Tue 20 Sep 2016

Aid convoy bombed near Aleppo

Warplanes confirmed by US officials struck an aid convoy west of Aleppo on Monday, killing 20 aid workers.
"""
CONVOY_REPORTED = """Tue 20 Sep 2016

Aid convoy hit west of Aleppo

Air strikes reported by the Syrian Observatory for Human Rights hit an aid convoy west of Aleppo on Monday, \
killing 20 aid workers.
"""
CONVOY_RUSSIA = """Tue 20 Sep 2016

Russian jets bomb aid convoy

Russian jets struck an aid convoy west of Aleppo on Monday, killing 20 aid workers, the Red Crescent said.
"""
CONVOY_AMERICAN = """Tue 20 Sep 2016

Aid convoy hit west of Aleppo

American warplanes struck an aid convoy west of Aleppo on Monday, killing 20 aid workers, Syrian state media said.
"""
HEAD = "Tue 14 Mar 2017\n\nReport from Idlib province\n\n"


def _analyse(analyzer: Analyzer, text: str, outlet: str) -> Analysis:
    return analyzer.analyze_article(prepare(text, outlet=outlet))


def _event_times(analysis: Analysis) -> list[tuple[str, str | None]]:
    times = {t.id: t.text for t in analysis.times}
    return [(e.subtype, times.get(e.time or "")) for e in analysis.events]


def _actors(analysis: Analysis) -> list[list[str]]:
    names = {e.id: e.name for e in analysis.entities}
    return [[names[a] for a in e.actors] for e in analysis.events]


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


@pytest.mark.parametrize(("body", "actors"), [
    ("Warplanes confirmed by US officials struck an aid convoy west of Aleppo on Monday.", []),
    ("Air strikes reported by the Syrian Observatory for Human Rights killed 20 aid workers on Monday.", []),
    ("Shelling of Azaz on Monday, reported by the Syrian Observatory for Human Rights, killed 20 people.", []),
    ("Air strikes carried out by Russian jets killed 20 aid workers west of Aleppo on Monday.", ["Russian"]),
    ("A bombing in Azaz, claimed by the Islamic State group, killed 20 people on Monday.", ["ISIS"]),
    ("A truce agreed by Russia and the United States in February has been violated around Aleppo.",
     ["Russia", "United States"]),
])
def test_a_source_is_not_the_actor(analyzer: Analyzer, body: str, actors: list[str]) -> None:
    analysis = _analyse(analyzer, HEAD + body, "Example Wire")
    assert analysis.events
    assert _actors(analysis)[0] == actors


def test_a_source_feeds_no_blame_contradiction(analyzer: Analyzer, tmp_path: Path) -> None:
    texts = {"confirmed": CONVOY_CONFIRMED, "reported": CONVOY_REPORTED, "russia": CONVOY_RUSSIA,
             "american": CONVOY_AMERICAN}
    analyses = {k: _analyse(analyzer, t, k.title()) for k, t in texts.items()}
    ids = {a.document.id: k for k, a in analyses.items()}
    with Store(tmp_path / "s.duckdb") as store:
        store.write_analyses([(a, k) for k, a in analyses.items()])
        store.link()
        incident = next(inc for inc in store.incidents() if len(inc.reports) == 4)
        blamed = {ids[r.doc_id]: r.blamed for r in incident.reports}
        blame = [sorted(ids[r.doc_id] for r in f.refs) for f in store.findings(kinds=["contradiction"])
                 if f.aspect == "blame"]
    assert blamed["confirmed"] == [] and blamed["reported"] == []  # who confirmed or reported it did not strike
    assert blame == [["american", "russia"]]  # the contested blame the texts do hold is still found


def test_a_name_joined_to_the_act_by_a_reporting_verb_is_not_its_doer(analyzer: Analyzer) -> None:
    # the blame check reads the doers a text names at the act: a reporting verb between says who told it
    def sides(body: str) -> set[str]:
        analysis = _analyse(analyzer, HEAD + body, "Example Wire")
        return sides_at_act(analysis, analysis.events)

    assert sides("US officials confirmed Russian jets struck an aid convoy west of Aleppo on Monday.") == {"Russia"}
    assert sides("Turkish officials reported air strikes on an aid convoy west of Aleppo on Monday.") == set()
    assert "US-led coalition" not in sides("Warplanes confirmed by US officials struck an aid convoy near Aleppo.")
    assert "Russia" in sides("An aid convoy was struck on Monday by Russian jets west of Aleppo.")
