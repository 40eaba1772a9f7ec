"""Issue 9: a day told in a reporting clause ("On Sunday a monitor said ...") dates the report, not the act, so
linking reads it as an upper bound reaching linking.json report_day.reach_days back, never as the act's day. The
day the act itself is given stays exact, and a report's day never widens its incident's day. Invented articles,
linked in memory and through the corpus store."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.contract import Analysis
from claimgraph.corpus import Store
from claimgraph.corpus.linking import Linker
from claimgraph.corpus.linking.digest import report_day_times
from claimgraph.ingest import prepare
from claimgraph.pipeline import Analyzer

# One invented air strike on a market town, Saturday 14 May 2016, told the same day, then by two Monday papers
# that give only the day the monitor reported its toll.
SATURDAY = """Sat 14 May 2016

Air strikes kill 40 in Maarat al-Numan

Air strikes killed at least 40 people in the market town of Maarat al-Numan in Idlib province on Saturday, \
rescue workers said.

Shops along the main street were destroyed and ambulances ferried the wounded to field hospitals.
"""
MONITOR_LEADS = """Mon 16 May 2016

Idlib town counts its dead

On Sunday a monitoring group said at least 42 people were killed in air strikes on the market town of Maarat \
al-Numan in Idlib province.

Residents buried the dead in a field outside the town as aircraft circled overhead.
"""
MONITOR_SAID_ON = """Mon 16 May 2016

Idlib town counts its dead

The Syrian Observatory for Human Rights said on Sunday that at least 42 people were killed in air strikes on the \
market town of Maarat al-Numan in Idlib province.

Residents buried the dead in a field outside the town as aircraft circled overhead.
"""
# the act's own day: Sunday's strike is another strike than Saturday's, whatever its toll
SUNDAY_STRIKE = """Mon 16 May 2016

New raids on Idlib town

Air strikes killed at least 42 people in the market town of Maarat al-Numan in Idlib province on Sunday, a \
monitoring group said.

Residents buried the dead in a field outside the town as aircraft circled overhead.
"""
# a report day two days after the strike reaches back one day only
MONITOR_TWO_DAYS_ON = """Tue 17 May 2016

Idlib town counts its dead

On Monday a monitoring group said at least 42 people were killed in air strikes on the market town of Maarat \
al-Numan in Idlib province.

Residents buried the dead in a field outside the town as aircraft circled overhead.
"""
HEAD = "Mon 16 May 2016\n\nReport from Idlib\n\n"


def _analyse(analyzer: Analyzer, text: str, outlet: str) -> Analysis:
    return analyzer.analyze_article(prepare(text, outlet=outlet))


def _linked(analyses: list[Analysis]) -> list[set[str]]:
    linker = Linker()
    linker.add_many(analyses)
    return linker.incident_docs(lead_only=True)


@pytest.mark.parametrize(("body", "report_day"), [
    ("On Sunday a monitoring group said at least 42 people were killed in air strikes on the town.", True),
    ("The Syrian Observatory for Human Rights said on Sunday that at least 42 people were killed in air strikes.",
     True),
    ("Civil defence workers said late on Sunday that 42 people had been killed in air strikes on the town.", True),
    ("Air strikes killed at least 42 people in the town on Sunday, a monitoring group said.", False),
    ("Tanks shelled the town on Sunday killing four civilians, residents said.", False),
    ("A monitoring group said the air strikes on Sunday killed at least 42 people in the town.", False),
])
def test_a_day_in_the_reporting_clause_dates_the_report(analyzer: Analyzer, body: str, report_day: bool) -> None:
    analysis = _analyse(analyzer, HEAD + body, "Example Wire")
    sunday = [t for t in analysis.times if t.text.endswith("Sunday")]
    assert len(sunday) == 1, [t.text for t in analysis.times]
    assert (sunday[0].id in report_day_times(analysis)) is report_day
    text = analysis.document.text
    assert all(text[t.span[0]:t.span[1]] == t.text for t in analysis.times)


@pytest.mark.parametrize("report", [MONITOR_LEADS, MONITOR_SAID_ON])
def test_a_monitors_report_day_reaches_back_to_the_strike(analyzer: Analyzer, report: str) -> None:
    saturday, monday = _analyse(analyzer, SATURDAY, "Wire One"), _analyse(analyzer, report, "Wire Two")
    assert {saturday.document.id, monday.document.id} in _linked([saturday, monday])


def test_the_acts_own_day_stays_exact(analyzer: Analyzer) -> None:
    saturday, sunday = _analyse(analyzer, SATURDAY, "Wire One"), _analyse(analyzer, SUNDAY_STRIKE, "Wire Two")
    assert not any({saturday.document.id, sunday.document.id} <= docs for docs in _linked([saturday, sunday]))


def test_a_report_day_reaches_back_no_further_than_the_data_says(analyzer: Analyzer) -> None:
    saturday, later = _analyse(analyzer, SATURDAY, "Wire One"), _analyse(analyzer, MONITOR_TWO_DAYS_ON, "Wire Two")
    assert not any({saturday.document.id, later.document.id} <= docs for docs in _linked([saturday, later]))


def test_the_store_links_a_report_day_and_keeps_the_strikes_day(analyzer: Analyzer, tmp_path: Path) -> None:
    # the monitor's report is linked first: the strike's report, linked later, finds it through the store
    monday, saturday = _analyse(analyzer, MONITOR_LEADS, "Wire Two"), _analyse(analyzer, SATURDAY, "Wire One")
    with Store(tmp_path / "s.duckdb") as store:
        store.write_analyses([(monday, "monday")])
        store.link()
        store.write_analyses([(saturday, "saturday")])
        store.link()
        joint = [inc for inc in store.incidents()
                 if {r.doc_id for r in inc.reports} == {saturday.document.id, monday.document.id}]
    assert joint and joint[0].date_start == joint[0].date_end == "2016-05-14"


# Review R3: every time was compared with every quote, so a long article (hundreds of each) took quadratic time.
# One invented paragraph of frames of every kind above, told over and over (spans shifted), gives the same report
# days as the pairwise definition, and the frames compared with each time stay as many however long the text.
PARAGRAPH = """On Sunday a monitoring group said at least 12 people were killed in shelling on the town. The health \
ministry said in a statement on Monday that two clinics had been hit on Saturday. Tanks shelled the villages on \
Sunday killing four civilians, residents said. "We buried them on Saturday," a farmer said on Monday. A monitoring \
group said the air strikes on Sunday killed at least 42 people in the town.
"""


def _told_over(analysis: Analysis, start: int, copies: int) -> Analysis:
    """The analysis of the text from `start` on told `copies` times (its times and quotes shifted, ids renamed)."""
    text = analysis.document.text
    step = len(text) - start

    def moved(span: tuple[int, int] | None, k: int) -> tuple[int, int] | None:
        return None if span is None else (span[0] + k * step, span[1] + k * step)

    times = [t for t in analysis.times if t.span[0] < start]
    quotes = [q for q in analysis.quotes if q.span[0] < start]
    for k in range(copies):
        times += [t.model_copy(update={"id": f"{t.id}.{k}", "span": moved(t.span, k)})
                  for t in analysis.times if t.span[0] >= start]
        quotes += [q.model_copy(update={"id": f"{q.id}.{k}", "span": moved(q.span, k),
                                        "cue_span": moved(q.cue_span, k), "speaker_span": moved(q.speaker_span, k)})
                   for q in analysis.quotes if q.span[0] >= start]
    document = analysis.document.model_copy(update={"text": text + text[start:] * (copies - 1)})
    return analysis.model_copy(update={"document": document, "times": times, "quotes": quotes})


def _pairwise(analysis: Analysis) -> frozenset[str]:
    """report_day_times by its definition: every day-precision time against every quote's frame."""
    from claimgraph.corpus.linking.digest import _across, _near, interval

    text, out = analysis.document.text, set()
    for t in analysis.times:
        iv = interval(t.value)
        for q in analysis.quotes if iv is not None and iv[2] == "day" else []:
            if q.cue_span is None or (t.span[0] < q.span[1] and q.span[0] < t.span[1]):
                continue
            frame = [q.cue_span] + ([q.speaker_span] if q.speaker_span else [])
            if any(s < t.span[1] and t.span[0] < e for s, e in frame):
                continue
            if any(_near(text, t.span, f) for f in frame) and not _across(q.span, t.span, frame):
                out.add(t.id)
    return frozenset(out)


def test_a_long_article_gives_the_pairwise_report_days_in_linear_work(analyzer: Analyzer,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from claimgraph.corpus.linking import digest

    analysis = _analyse(analyzer, HEAD + PARAGRAPH, "Example Wire")
    short = report_day_times(analysis)
    assert 2 <= len(short) < len([t for t in analysis.times if t.span[0] >= len(HEAD)])  # some frames, not all
    head = {t.id for t in analysis.times if t.span[0] < len(HEAD)}
    calls: list[int] = []
    near = digest._near
    monkeypatch.setattr(digest, "_near", lambda *args: calls.append(1) or near(*args))
    compared: dict[int, int] = {}
    for copies in (50, 200):
        long = _told_over(analysis, len(HEAD), copies)
        text = long.document.text
        assert all(text[t.span[0]:t.span[1]] == t.text for t in long.times)
        assert all(text[q.span[0]:q.span[1]] == q.text for q in long.quotes)
        calls.clear()
        days = report_day_times(long)
        compared[copies] = len(calls)
        assert days == _pairwise(long)
        assert len(days) == len(short & head) + copies * len(short - head)
    assert compared[200] <= 4 * compared[50] + 4  # four times the text, four times the work (pairwise: sixteen)


# Review R4: the store finds every candidate the in-memory index finds. A report's day with its year written is a
# bound (14-15 May 2016 here); an account of the same strike under a dateline years later gives the day with no
# year ("on 14 May"), which matches on month and day alone, any day of the bound.
MONITOR_WITH_YEAR = """Mon 16 May 2016

Idlib town counts its dead

The Syrian Observatory for Human Rights said on 15 May 2016 that at least 42 people were killed in air strikes \
on the market town of Maarat al-Numan in Idlib province.

Residents buried the dead in a field outside the town as aircraft circled overhead.
"""
UNDATED_STRIKE = """Mon 16 May 2016

Air strikes kill 42 in Idlib town

Air strikes killed at least 42 people in the market town of Maarat al-Numan in Idlib province, the Syrian \
Observatory for Human Rights said.

Residents buried the dead in a field outside the town as aircraft circled overhead.
"""


def _year_free(day: str) -> str:
    """An account written years later (its own words: no near-duplicate of the first, whatever its dates)."""
    return f"""Thu 20 Jun 2019

Three years on, a market remembers

Air strikes on the vegetable market of the town of Maarat al-Numan in Idlib province killed 42 civilians on {day}, \
according to the Syrian Observatory for Human Rights, which has documented the war since it began.

Traders have since rebuilt their stalls with donations from families abroad, and a small plaque lists the names.
"""


def _linked_in_store(analyses: list[Analysis], tmp_path: Path) -> list[set[str]]:
    """Incidents (their documents) when each document is linked through the store after the one before it."""
    with Store(tmp_path / "s.duckdb") as store:
        for i, a in enumerate(analyses):
            store.write_analyses([(a, f"doc{i}")])
            store.link()
        return [{r.doc_id for r in inc.reports} for inc in store.incidents()]


def _linked_in_memory(analyses: list[Analysis]) -> list[set[str]]:
    linker = Linker()
    linker.add_many(analyses)
    return linker.incident_docs()


@pytest.mark.parametrize(("stored", "day", "window"), [
    (MONITOR_WITH_YEAR, "14 May", 0),  # the bound's first day
    (MONITOR_WITH_YEAR, "15 May", 0),  # its last, the day the monitor reported
    (UNDATED_STRIKE, "15 May", 1),  # an undated strike's days before publication (two days, no bound): the first
], ids=["bound, first day", "bound, last day", "two days, not a bound"])
def test_the_store_finds_what_memory_finds_for_a_day_without_its_year(
        analyzer: Analyzer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stored: str, day: str,
        window: int) -> None:
    from claimgraph.corpus.linking import digest

    monkeypatch.setattr(digest, "UNDATED_WINDOW_DAYS", window)
    first, later = _analyse(analyzer, stored, "Wire One"), _analyse(analyzer, _year_free(day), "Wire Two")
    in_memory = _linked_in_memory([first, later])
    assert {first.document.id, later.document.id} in in_memory
    assert sorted(map(sorted, _linked_in_store([first, later], tmp_path))) == sorted(map(sorted, in_memory))


# An event the text dates only to a year that does not hold the publication day ("last year") is background: the
# publication day does not stand in for its date, as it does for an event with no time (the country-only rule of
# test_link_country_places.py needs this: such a recall placed in a town would join the day's report there).
STRIKE_TODAY = """Wed 12 Jul 2017

Air strikes kill 42 in Saraqib

Air strikes on the town of Saraqib in Idlib province killed at least 42 people, a monitoring group said.

Rescue workers pulled survivors from the rubble as warplanes circled overhead.
"""


def _market(when: str) -> str:
    return f"""Wed 12 Jul 2017

Saraqib rebuilds its market

Traders in the town of Saraqib in Idlib province reopened their stalls on Wednesday. Government jets bombed the \
town's market {when}, killing 40 people, a monitoring group said.

Donations from families abroad paid for new roofs.
"""


@pytest.mark.parametrize(("when", "today"), [("last year", False), ("a year ago", False), ("earlier this year", True)])
def test_an_act_dated_to_another_year_is_not_todays(analyzer: Analyzer, when: str, today: bool) -> None:
    from claimgraph.corpus.linking.digest import digest

    recall, strike = _analyse(analyzer, _market(when), "Wire One"), _analyse(analyzer, STRIKE_TODAY, "Wire Two")
    (bombing,) = [r for r in digest(recall).reports if r.subtype == strike.events[0].subtype]
    assert (bombing.date is not None and bombing.date.iso == "2017-07-12") is today
    pair = {recall.document.id, strike.document.id}
    assert (pair in _linked_in_memory([recall, strike])) is today
    assert (pair in _linked_in_memory([strike, recall])) is today
