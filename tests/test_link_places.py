"""Incidents across places: one happening placed apart by two outlets (a town and the capital its
statement came from) is one incident when its type, day and main toll agree, in memory and through the
store's incremental blocking; another type of act with the same toll that day is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.contract import Analysis
from claimgraph.corpus import Store
from claimgraph.corpus.linking import Linker
from claimgraph.ingest import prepare
from claimgraph.pipeline import Analyzer

# One car bomb: a monitor names the border town (Azaz, some 300 km north of Damascus), a ministry's
# statement names no town, so the account is placed at the capital it was issued in. The third is a clash
# elsewhere that day with the same number of dead: another kind of act.
AZAZ_MONITOR = """Tue 9 Feb 2016

Car bomb kills 18 in Azaz

A car bomb exploded at a market in the town of Azaz near the Turkish border on Monday, killing 18 people, \
the Syrian Observatory for Human Rights said.
"""
MINISTRY = """Tue 9 Feb 2016

Interior ministry condemns border bombing

DAMASCUS - A car bomb killed 18 people in a town on the Turkish border on Monday, the interior ministry in \
Damascus said in a statement carried by state media. Officials in Damascus called the attack a terrorist crime.
"""
DARAA_CLASH = """Tue 9 Feb 2016

Clashes in Daraa countryside

Fighting between government troops and rebels near the city of Daraa on Monday killed 18 fighters, the Syrian \
Observatory for Human Rights said.
"""


@pytest.fixture(scope="module")
def three(analyzer: Analyzer) -> list[Analysis]:
    return [analyzer.analyze_article(prepare(t)) for t in (AZAZ_MONITOR, MINISTRY, DARAA_CLASH)]


def test_one_toll_of_one_type_on_one_day_is_one_incident_wherever_placed(three: list[Analysis]) -> None:
    monitor, ministry, clash = three
    linker = Linker()
    linker.add_many(three)
    places = {r.place.name for a in (monitor, ministry) for r in linker.digests[a.document.id].reports if r.lead}
    assert places == {"Azaz", "Damascus"}  # placed three grid cells apart: only the day index finds the pair
    linked = linker.incident_docs(lead_only=True)
    assert {monitor.document.id, ministry.document.id} in linked
    assert not any(clash.document.id in docs for docs in linked)


def test_the_store_finds_a_same_toll_incident_placed_apart(tmp_path: Path, three: list[Analysis]) -> None:
    monitor, ministry, clash = three
    with Store(tmp_path / "s.duckdb") as store:
        store.write_analyses([(monitor, "a")])
        store.link()
        store.write_analyses([(ministry, "b"), (clash, "c")])
        assert store.link().loaded == 1  # the monitor's document, found by the day index, not the grid
        shared = [sorted(r.doc_id for r in inc.reports) for inc in store.incidents() if len(inc.reports) > 1]
        assert sorted([monitor.document.id, ministry.document.id]) in shared
        assert not any(clash.document.id in docs for docs in shared)


def test_two_copies_of_one_text_typed_apart_are_one_incident(three: list[Analysis]) -> None:
    monitor = three[0]
    # the same text republished with its time of day: its analysis may type the act otherwise (FA-KES dev holds
    # such a pair: one outlet's text twice, an air strike in one analysis, an attack on civilians in the other)
    text = monitor.document.text.replace("Tue 9 Feb 2016", "Tue 9 Feb 2016 18:20", 1)
    events = [e.model_copy(update={"type": "Violence against civilians", "subtype": "Attack"})
              for e in monitor.events]
    copy = monitor.model_copy(update={"document": monitor.document.model_copy(update={"id": "copy", "text": text}),
                                      "events": events})
    linker = Linker()
    linker.add_many([monitor, copy])
    assert linker.duplicates[copy.document.id]  # one text: near-duplicates
    assert {monitor.document.id, "copy"} in linker.incident_docs(lead_only=True)
