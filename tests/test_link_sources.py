"""Independent sources and figure contradictions across articles: which upstream a report rests on
(claimgraph.corpus.linking.upstreams), and when two same-day tolls are a contradiction rather than one
source's count changing or a town's toll against its area's."""

from __future__ import annotations

from claimgraph.contract import Analysis
from claimgraph.corpus.linking import Linker
from claimgraph.pipeline import Analyzer


def _analyse(analyzer: Analyzer, text: str, outlet: str) -> Analysis:
    from claimgraph.ingest import prepare

    return analyzer.analyze_article(prepare(text, outlet=outlet))


# One school strike: an article telling the Observatory's toll, and UNICEF's too; two telling UNICEF's alone.
HASS_BOTH = """Wed 26 Oct 2016

Children killed in Idlib school strike

Air strikes killed 22 children and six teachers at a school in Hass in Idlib province on Wednesday, UNICEF \
said in a statement. The air strikes killed at least 26 civilians, according to the Syrian Observatory for \
Human Rights.
"""
HASS_UNICEF = """Wed 26 Oct 2016

Air strikes hit school in Idlib

Air strikes hit a school in the village of Hass in Idlib province on Wednesday, killing 22 children and six \
teachers, the UN children's agency UNICEF said.
"""
HASS_UNICEF_2 = """Wed 26 Oct 2016

UN says 22 children killed in Idlib

Twenty-two children and six teachers were killed when air strikes hit their school in Hass in Idlib province \
on Wednesday, UNICEF said.
"""


def test_an_article_citing_a_second_upstream_is_not_folded_into_the_others_source(analyzer: Analyzer) -> None:
    both, unicef, unicef_2 = (_analyse(analyzer, t, o) for t, o in (
        (HASS_BOTH, "TRT World"), (HASS_UNICEF, "Al Araby"), (HASS_UNICEF_2, "Ahram Online")))
    linker = Linker()
    linker.add_many([both, unicef, unicef_2])
    corroboration = [f for f in linker.records().findings if f.kind == "corroboration"]
    assert len(corroboration) == 1 and corroboration[0].data["reports"] == 3, corroboration
    # the first article's account rests on the Observatory (it also cites UNICEF); the others' on UNICEF
    assert corroboration[0].data["independent"] == 2
    assert sorted(sorted(g) for g in corroboration[0].data["groups"]) == sorted(
        [[both.document.id], sorted([unicef.document.id, unicef_2.document.id])])


# Two same-day tolls of one rocket attack: the state agency's own report, and an outlet quoting the agency.
SALAH_EDDIN_STATE = """17 August 2016

Rocket attacks on Salah Eddin neighborhood in Aleppo kill 10 civilians

Ten civilians were killed when terrorist groups targeted Salah Eddin neighborhood in Aleppo city with \
rocket shells on Wednesday, a source at Aleppo Police Command said.
"""
SALAH_EDDIN_QUOTING = """17-08-2016

Seven civilians killed as terrorists shell Aleppo's Salah Eddin

Seven civilians were killed on Wednesday as terrorists shelled Salah Eddin neighborhood in Aleppo city \
with rockets, SANA news agency reported.
"""
SALAH_EDDIN_OTHER = """17-08-2016

Seven civilians killed as rebels shell Aleppo's Salah Eddin

Seven civilians were killed on Wednesday as rebels shelled Salah Eddin neighborhood in Aleppo city with \
rockets, the Syrian Observatory for Human Rights said.
"""


def test_same_day_tolls_of_one_upstream_are_drift_of_two_upstreams_a_contradiction(analyzer: Analyzer) -> None:
    state = _analyse(analyzer, SALAH_EDDIN_STATE, "SANA")
    quoting = _analyse(analyzer, SALAH_EDDIN_QUOTING, "Al-Manar")
    other = _analyse(analyzer, SALAH_EDDIN_OTHER, "Al-Manar")
    one = Linker()
    one.add_many([state, quoting])
    findings = one.records().findings
    assert [f.kind for f in findings if f.aspect == "figure"] == ["drift"], [f.explanation for f in findings]
    two = Linker()
    two.add_many([state, other])
    findings = two.records().findings
    assert [f.kind for f in findings if f.aspect == "figure"] == ["contradiction"], [f.explanation for f in findings]


# The strikes near Damascus of one day: one outlet gives the whole toll, another the toll of its worst-hit
# town first ("The highest toll was in Douma ... where raids killed 16"), a part its words do not mark.
GHOUTA_WHOLE = """3 April 2017

Regime strikes near Damascus kill 22

At least 22 civilians were killed by Syrian regime airstrikes on the outskirts of Damascus on Monday, \
the Syrian Observatory for Human Rights said.
"""
GHOUTA_TOWN = """3 Apr 2017

Strikes hit rebel-held suburbs of Damascus

Government air strikes hit rebel-held suburbs of Damascus on Monday, rescue workers said. The highest toll \
was in Douma, the largest town of the area, where raids killed 16 civilians, they said.
"""


def test_a_towns_toll_is_no_version_of_its_areas(analyzer: Analyzer) -> None:
    whole = _analyse(analyzer, GHOUTA_WHOLE, "Al Araby")
    town = _analyse(analyzer, GHOUTA_TOWN, "TRT World")
    linker = Linker()
    linker.add_many([whole, town])
    records = linker.records()
    assert any({whole.document.id, town.document.id} <= set(i.doc_ids) for i in records.incidents)
    # the town's 16 is no version of the area's 22: neither a contradiction nor a drift
    assert not [f for f in records.findings if f.aspect == "figure"], [f.explanation for f in records.findings]


# A bombing reported on its day, and recalled a few weeks later, dated only to its month, in an article about
# another bombing.
HASAKEH_NEWS = """Tue 5 Jul 2016

Suicide bomber kills 16 in Hasakeh

A suicide bomber killed at least 16 civilians outside a bakery in Hasakeh city on Tuesday, the Syrian \
Observatory for Human Rights said.
"""
QAMISHLI_RECALLING_HASAKEH = """Wed 27 Jul 2016

Truck bomb kills 48 in Qamishli

A truck bomb killed at least 48 people near the security headquarters of the Kurdish administration in \
Qamishli on Wednesday, the Observatory said.

Earlier this month, a suicide bomber killed 18 civilians outside a bakery in Hasakeh city.
"""


def test_a_figure_in_a_recall_dated_to_its_month_is_not_compared(analyzer: Analyzer) -> None:
    news = _analyse(analyzer, HASAKEH_NEWS, "Daily Sabah")
    recall = _analyse(analyzer, QAMISHLI_RECALLING_HASAKEH, "TRT World")
    linker = Linker()
    linker.add_many([news, recall])
    records = linker.records()
    # the recall joins the bombing's incident (a close toll, the same kind and town, in its month) ...
    assert any({news.document.id, recall.document.id} <= set(i.doc_ids) for i in records.incidents)
    # ... but its 18 is not compared with the day's 16 as a drift
    assert not [f for f in records.findings if f.aspect == "figure"], [f.explanation for f in records.findings]
