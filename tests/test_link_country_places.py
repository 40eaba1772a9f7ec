"""Issue 9: an event the text places only in a country ("a suspected gas attack in Syria") lies somewhere inside
that country, so its report holds any place there ("one inside the other"), but only for one type of act with a
close toll on matching dates: a country holds many happenings a day. The document's focus place that stands in
for it (the one city the article names, in its background) is no evidence either way. Invented articles, linked
in memory, in both orders, and through the corpus store."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.contract import Analysis
from claimgraph.corpus import Store
from claimgraph.corpus.linking import Linker
from claimgraph.ingest import prepare
from claimgraph.pipeline import Analyzer

# One invented gas attack on a town, Tuesday 11 July 2017. The aid group's report names only the country (and,
# in its background, a city some 60 km away); the monitor's names the town and the day.
COUNTRY_ONLY = """Wed 12 Jul 2017

Aid group says gas victims show signs of nerve agent

Patients from a suspected gas attack in Syria showed symptoms of exposure to a nerve agent, an international aid \
group said, putting the death toll at at least 40.

Doctors in field clinics treated patients with atropine. The government denied using chemical weapons, and its \
ally said rebels had stored toxic shells in a warehouse near Hama last year.
"""
TOWN = """Wed 12 Jul 2017

Gas attack kills 43 in Idlib town

A gas attack on the town of Saraqib in Idlib province on Tuesday killed at least 43 people, a monitoring group \
said.

Rescue workers hosed down survivors in the streets of Saraqib as warplanes circled overhead.
"""
# the same country and day, another type of act with a close toll
CLASHES = """Wed 12 Jul 2017

Fighting kills 40 in Syria

Fighting between government troops and rebels killed at least 40 fighters in Syria, a monitoring group said.

The heaviest clashes were reported north of Hama last week.
"""
# one ACLED type (explosions) but another kind of act, a close toll
CAR_BOMB = """Wed 12 Jul 2017

Car bomb kills 40 in Syria

A car bomb exploded outside a crowded bakery in Syria, killing at least 40 people, an international aid group said.

Doctors in field clinics treated the wounded. Rebels had stored explosives in a warehouse near Hama last year.
"""
# the same type of act in the country, a toll far from the town's
FEW = COUNTRY_ONLY.replace("at least 40", "at least 12")
# the same words about another country
IRAQ = COUNTRY_ONLY.replace("in Syria", "in Iraq").replace("near Hama", "near Mosul")
# the same words published three days on: the country-only report reaches one day back, not three
LATER = COUNTRY_ONLY.replace("Wed 12 Jul 2017", "Sat 15 Jul 2017")


def _analyse(analyzer: Analyzer, text: str) -> Analysis:
    return analyzer.analyze_article(prepare(text, outlet="Example Wire"))


def _together(analyses: list[Analysis]) -> bool:
    linker = Linker()
    linker.add_many(analyses)
    ids = {a.document.id for a in analyses}
    return any(ids <= docs for docs in linker.incident_docs(lead_only=True))


@pytest.fixture(scope="module")
def town(analyzer: Analyzer) -> Analysis:
    return _analyse(analyzer, TOWN)


def test_a_country_only_report_holds_the_town_of_the_same_attack(analyzer: Analyzer, town: Analysis) -> None:
    country = _analyse(analyzer, COUNTRY_ONLY)
    linker = Linker()
    linker.add(country)
    (lead,) = [r for r in linker.digests[country.document.id].reports if r.lead]
    assert lead.country_only == "SY" and lead.place is not None and lead.place.name != "Saraqib"
    assert _together([country, town])
    assert _together([town, country])


@pytest.mark.parametrize("text", [CLASHES, CAR_BOMB, FEW, IRAQ, LATER],
                         ids=["other type", "other kind of explosion", "far toll", "other country", "three days on"])
def test_a_country_holds_no_other_happening(analyzer: Analyzer, town: Analysis, text: str) -> None:
    other = _analyse(analyzer, text)
    assert not _together([other, town])
    assert not _together([town, other])


def test_the_store_links_a_country_only_report_to_the_town(analyzer: Analyzer, town: Analysis,
                                                           tmp_path: Path) -> None:
    country = _analyse(analyzer, COUNTRY_ONLY)
    with Store(tmp_path / "s.duckdb") as store:
        store.write_analyses([(country, "country")])
        store.link()
        store.write_analyses([(town, "town")])
        store.link()
        joint = [inc for inc in store.incidents()
                 if {r.doc_id for r in inc.reports} == {country.document.id, town.document.id}]
    assert joint and joint[0].date_start == joint[0].date_end == "2017-07-11"


# Review R5: a report is placed only in its country while every event of it is. An article whose lead places the
# strike in a town and whose later line places another strike only in the country ("Elsewhere in Syria") has its
# report at the town: it does not hold a strike on a city some 80 km away with a close toll on the same day.
TOWN_AND_COUNTRY = """Wed 12 Jul 2017

Air strikes kill 40 in Saraqib

Air strikes on the town of Saraqib in Idlib province killed at least 40 people, a monitoring group said.

Rescue workers pulled survivors from the rubble of Saraqib's market. Elsewhere in Syria, air strikes killed 12 \
people, the monitor said.
"""
CITY_AWAY = """Wed 12 Jul 2017

Air strikes kill 38 in Hama

Air strikes on the city of Hama killed at least 38 people, a monitoring group said.

Rescue workers pulled survivors from the rubble of the city's market as warplanes circled overhead.
"""


def test_an_event_placed_at_the_town_keeps_its_report_at_the_town(analyzer: Analyzer, tmp_path: Path) -> None:
    from claimgraph.corpus.linking.digest import digest

    placed, away = _analyse(analyzer, TOWN_AND_COUNTRY), _analyse(analyzer, CITY_AWAY)
    places = {p.id: p for p in placed.places}
    kinds = sorted(places[e.place].feature for e in placed.events if e.place)
    assert kinds == ["city", "country"]  # one event at the town, one only in the country, one report
    for events in (placed.events, placed.events[::-1]):  # whichever comes first
        (report,) = digest(placed.model_copy(update={"events": events})).reports
        assert len(report.events) == 2 and report.country_only is None and not report.place_inherited
    assert not _together([placed, away])
    assert not _together([away, placed])
    with Store(tmp_path / "s.duckdb") as store:
        store.write_analyses([(away, "away")])
        store.link()
        store.write_analyses([(placed, "placed")])
        store.link()
        assert not any({r.doc_id for r in inc.reports} >= {placed.document.id, away.document.id}
                       for inc in store.incidents())
