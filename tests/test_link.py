"""Cross-document linking on real text: incidents, entities, corroboration, drift, contradiction,
anachronism and recycling (claimgraph.corpus.linking)."""

from __future__ import annotations

import jsonschema
import pytest

from claimgraph.contract import Analysis
from claimgraph.corpus.linking import Linker, linked_json_schema
from claimgraph.corpus.linking.entities import canonical_outlet
from claimgraph.corpus.linking.models import LinkedRecords
from claimgraph.pipeline import Analyzer
from tests.conftest import FIXTURES, SAMPLE

LINKING = FIXTURES / "linking"

# Three reports of one invented bombing (a truck bomb at a minibus depot in Jarablus, Thursday 8 March 2018;
# the wording, figures and date are made up for these tests): two cite the same Reuters report, one the
# Syrian Observatory, whose later toll is written as an update.
VIA_REUTERS_1 = """Fri 9 Mar 2018

Truck blast at Jarablus minibus depot leaves many dead

A truck packed with explosives blew up beside a minibus depot in Jarablus, near the Turkish border, on \
Thursday, killing at least 47 people, Reuters reported.

Travellers had been queueing since dawn for seats on the first service south.
"""
VIA_REUTERS_2 = """Fri 9 Mar 2018

Explosion tears through crowded depot in northern Syria

At least 47 people were killed on Thursday when a truck bomb went off next to a minibus depot in Jarablus \
in Aleppo province, according to Reuters.

Local traders said the depot had reopened only a week earlier.
"""
VIA_OBSERVATORY = """Fri 9 Mar 2018

Jarablus depot bombing toll climbs

The death toll from Thursday's truck bomb attack on a minibus depot in Jarablus rose to at least 58, the \
Syrian Observatory for Human Rights said, among them 19 children.

The Britain-based monitor said several of the wounded were in a critical condition.
"""


def _analyse(analyzer: Analyzer, text: str, outlet: str | None = None) -> Analysis:
    from claimgraph.ingest import prepare

    return analyzer.analyze_article(prepare(text, outlet=outlet))


def _assert_refs_exact(records: LinkedRecords, analyses: list[Analysis]) -> None:
    texts = {a.document.id: a.document.text for a in analyses}
    refs = [r for f in records.findings for r in f.refs]
    refs += [p.a for p in records.passages] + [p.b for p in records.passages]
    refs += [e for inc in records.incidents for rep in inc.reports for e in rep.events]
    refs += [f.ref for inc in records.incidents for rep in inc.reports for f in rep.figures]
    assert refs
    for r in refs:
        if r.span is not None:
            s, e = r.span
            assert texts[r.doc_id][s:e] == r.text


@pytest.fixture(scope="module")
def shootdown(analyzer: Analyzer) -> dict[str, Analysis]:
    return {
        "sample": _analyse(analyzer, SAMPLE.read_text(encoding="utf-8")),
        "nov2015": _analyse(analyzer, (LINKING / "su24-shootdown-2015-11.txt").read_text(encoding="utf-8")),
        "redated": _analyse(analyzer, (LINKING / "su24-shootdown-redated-2023-06.txt").read_text(encoding="utf-8")),
    }


@pytest.fixture(scope="module")
def convoy(analyzer: Analyzer) -> list[Analysis]:
    return [_analyse(analyzer, VIA_REUTERS_1, "Daily Sabah"), _analyse(analyzer, VIA_REUTERS_2, "Al Arabiya"),
            _analyse(analyzer, VIA_OBSERVATORY, "Al Jazeera")]


def test_sample_dated_june_2023_gets_an_anachronism_naming_both_dates(shootdown: dict[str, Analysis]) -> None:
    linker = Linker()
    linker.add(shootdown["nov2015"])
    linker.add(shootdown["sample"])
    records = linker.records()
    sample_id = shootdown["sample"].document.id
    found = [f for f in records.findings if f.kind == "anachronism" and f.refs[0].doc_id == sample_id]
    assert found, [f.explanation for f in records.findings]
    f = found[0]
    assert "JUNE 2023" in f.explanation and "2015-11-24" in f.explanation
    assert f.refs[0].text == "JUNE 2023"
    assert f.data["dated_by"] == shootdown["nov2015"].document.id
    # the November 2015 article itself is not anachronistic
    assert not [g for g in records.findings if g.kind == "anachronism"
                and g.refs[0].doc_id == shootdown["nov2015"].document.id]
    _assert_refs_exact(records, list(shootdown.values()))


def test_redated_copy_is_recycling_not_a_new_incident(shootdown: dict[str, Analysis]) -> None:
    linker = Linker()
    linker.add(shootdown["nov2015"])
    linker.add(shootdown["redated"])
    records = linker.records()
    old, new = shootdown["nov2015"].document.id, shootdown["redated"].document.id
    recycled = [f for f in records.findings if f.kind == "recycling"]
    assert len(recycled) == 1
    assert recycled[0].data["original"] == old and recycled[0].data["republished"] == new
    assert "2015-11-24" in recycled[0].explanation and "2023-06" in recycled[0].explanation
    # every report of the copy sits in an incident the original reports too: no new incident
    copy_incidents = [inc for inc in records.incidents if new in inc.doc_ids]
    assert copy_incidents
    assert all(old in inc.doc_ids for inc in copy_incidents)


def test_two_articles_citing_one_wire_report_are_one_source(convoy: list[Analysis]) -> None:
    linker = Linker()
    linker.add_many(convoy)
    records = linker.records()
    ids = [a.document.id for a in convoy]
    all_three = [f for f in records.findings if f.kind == "corroboration" and f.data["reports"] == 3
                 and sorted(d for g in f.data["groups"] for d in g) == sorted(ids)]
    assert all_three, [f.explanation for f in records.findings if f.kind == "corroboration"]
    f = all_three[0]
    assert f.data["independent"] == 2
    assert sorted(sorted(g) for g in f.data["groups"]) == sorted([sorted(ids[:2]), [ids[2]]])
    _assert_refs_exact(records, convoy)


def test_a_toll_that_rose_is_an_update_not_a_contradiction(convoy: list[Analysis]) -> None:
    linker = Linker()
    linker.add_many(convoy)
    records = linker.records()
    drift = [f for f in records.findings if f.kind == "drift" and f.aspect == "figure"
             and f.data["to"]["text"] == "at least 58"]
    assert drift and drift[0].data["update"] is True
    assert drift[0].data["from"]["text"].lower() == "at least 47"
    assert not [f for f in records.findings if f.kind == "contradiction" and f.aspect == "figure"]


def test_shared_surname_never_merges_two_people(analyzer: Analyzer) -> None:
    a = _analyse(analyzer, "Prime Minister Ahmet Davutoglu said on Tuesday that Turkey would defend its borders. "
                           "Davutoglu spoke in Ankara.\n", "Daily Sabah")
    b = _analyse(analyzer, "Ali Davutoglu, a shopkeeper in Hatay, said business had collapsed since the border "
                           "closed. Davutoglu has run the shop for twenty years.\n", "Hurriyet")
    linker = Linker()
    linker.add_many([a, b])
    people = {e.id: e for e in linker.records().entities if e.type == "PERSON"}
    ahmet = next(e.id for e in a.entities if e.type == "PERSON" and "Ahmet" in e.name)
    ali = next(e.id for e in b.entities if e.type == "PERSON" and "Ali" in e.name)
    ca = linker.entities.canonical(a.document.id, ahmet)
    cb = linker.entities.canonical(b.document.id, ali)
    assert ca is not None and cb is not None and ca.id != cb.id
    for person in people.values():
        assert len({m.doc_id for m in person.members}) == 1


def test_outlet_spellings_are_one_outlet() -> None:
    assert canonical_outlet("reuters") == canonical_outlet("Reuters news agency") == "Reuters"
    assert canonical_outlet("Thomson Reuters") == "Reuters"
    assert canonical_outlet("The Associated Press") == canonical_outlet("AP") == "Associated Press"


def test_far_apart_reports_are_never_compared(shootdown: dict[str, Analysis], convoy: list[Analysis]) -> None:
    linker = Linker()
    linker.add_many(convoy)
    before = linker.incidents.comparisons
    linker.add(shootdown["nov2015"])  # Latakia, November 2015: nothing near it in space and time
    assert linker.incidents.comparisons == before


def test_linked_records_validate_against_their_schema(shootdown: dict[str, Analysis], convoy: list[Analysis]) -> None:
    linker = Linker()
    linker.add_many([*shootdown.values(), *convoy])
    data = linker.records().to_dict()
    jsonschema.validate(data, linked_json_schema())
    assert data["schema"] == "claimgraph/linked@1"
    kinds = {f["kind"] for f in data["findings"]}
    assert {"corroboration", "drift", "anachronism", "recycling", "outlet_profile"} <= kinds


def test_docs_hold_the_linked_records_schema_generated_from_the_models() -> None:
    import json
    import re

    from tests.conftest import ROOT

    page = (ROOT / "docs" / "linked-records.md").read_text(encoding="utf-8")
    block = re.search(r"## JSON Schema\s+```json\n(.*?)\n```", page, re.S)
    assert block is not None
    assert json.loads(block.group(1)) == linked_json_schema()


# One city, one day: an air strike blamed on Russia, another outlet's account of it blaming the US-led
# coalition, and a rebel rocket attack on another district (a different act by the other camp).
STRIKE_RUSSIA = """Sat 4 Jun 2016

Russian warplanes struck the Sakhour district of Aleppo on Saturday, killing eight civilians, the Syrian \
Observatory for Human Rights said.
"""
STRIKE_COALITION = """Sat 4 Jun 2016

American warplanes struck the Sakhour district of Aleppo on Saturday, killing eight civilians, \
activists said.
"""
ROCKETS_FSA = """Sat 4 Jun 2016

The Free Syrian Army fired rockets at the Midan neighbourhood of Aleppo on Saturday, killing 12 civilians, \
state media said.
"""


def test_opposing_camps_doing_different_acts_are_two_incidents_contested_blame_is_one(analyzer: Analyzer) -> None:
    russia, coalition, rockets = (_analyse(analyzer, t) for t in (STRIKE_RUSSIA, STRIKE_COALITION, ROCKETS_FSA))
    linker = Linker()
    linker.add_many([russia, coalition, rockets])
    linked = linker.incident_docs(lead_only=True)
    assert {russia.document.id, coalition.document.id} in linked
    assert not any(rockets.document.id in docs for docs in linked)
    blame = [f for f in linker.records().findings if f.kind == "contradiction" and f.aspect == "blame"]
    assert [{r.doc_id for r in f.refs} for f in blame] == [{russia.document.id, coalition.document.id}]


# The same strike told by another outlet whose text names Russia's warplanes at the act and the United States
# in another sentence; an analysis that gives the strike the actor of that other sentence (as one FA-KES dev
# analysis gave a suicide blast the "US-led coalition" its claimant's statement accused) blames nobody else.
STRIKE_RUSSIA_TOLD = """Sat 4 Jun 2016

Russian warplanes bombed the Sakhour district of Aleppo on Saturday, killing eight civilians, activists said. \
The activists have long asked the United States to press Moscow to halt the raids.
"""


def test_blame_the_text_itself_gives_at_the_act_is_no_contradiction(analyzer: Analyzer) -> None:
    russia, told = (_analyse(analyzer, t) for t in (STRIKE_RUSSIA, STRIKE_RUSSIA_TOLD))
    us = next(e.id for e in told.entities if e.name == "United States")
    strike = next(e for e in told.events if e.subtype == "Air/drone strike")
    misread = told.model_copy(update={"events": [e.model_copy(update={"actors": [us]}) if e is strike else e
                                                 for e in told.events]})

    def blame(b: Analysis) -> list:
        linker = Linker()
        linker.add_many([russia, b])
        assert {russia.document.id, b.document.id} in linker.incident_docs(lead_only=True)
        return [f for f in linker.records().findings if f.kind == "contradiction" and f.aspect == "blame"]

    assert blame(told) == []
    assert blame(misread) == []  # the analysis blames the United States; the text says Russian warplanes


def test_a_side_named_at_the_act_counts_when_its_entity_name_is_misread(analyzer: Analyzer) -> None:
    # the analysis merges "Russian" into an entity it names after other words (a tag line run into the next
    # sentence) and gives the strike the actor of another sentence: the text still names Russia at the act
    russia, told = (_analyse(analyzer, t) for t in (STRIKE_RUSSIA, STRIKE_RUSSIA_TOLD))
    us = next(e.id for e in told.entities if e.name == "United States")
    russian = next(e for e in told.entities if e.name == "Russian")
    strike = next(e for e in told.events if e.subtype == "Air/drone strike")
    misread = told.model_copy(update={
        "events": [e.model_copy(update={"actors": [us]}) if e is strike else e for e in told.events],
        "entities": [e.model_copy(update={"name": "Sakhour Aleppo Russian"}) if e is russian else e
                     for e in told.entities]})
    linker = Linker()
    linker.add_many([russia, misread])
    assert {russia.document.id, misread.document.id} in linker.incident_docs(lead_only=True)
    assert [f for f in linker.records().findings if f.kind == "contradiction" and f.aspect == "blame"] == []


@pytest.mark.parametrize("aside", [
    "activists said, rejecting Russian claims.",
    "activists said. Russian officials denied that the raid took place.",
    "activists said, as Russian jets circled over the Kurdish quarter.",
])
def test_naming_the_other_side_away_from_the_act_keeps_the_blame_contradiction(analyzer: Analyzer,
                                                                                aside: str) -> None:
    russia = _analyse(analyzer, STRIKE_RUSSIA)
    coalition = _analyse(analyzer, STRIKE_COALITION.replace("activists said.", aside))
    linker = Linker()
    linker.add_many([russia, coalition])
    assert {russia.document.id, coalition.document.id} in linker.incident_docs(lead_only=True)
    blame = [f for f in linker.records().findings if f.kind == "contradiction" and f.aspect == "blame"]
    assert [{r.doc_id for r in f.refs} for f in blame] == [{russia.document.id, coalition.document.id}]


# The same strike told in the passive, its doer named after "by".
STRIKE_RUSSIA_PASSIVE = """Sat 4 Jun 2016

The Sakhour district of Aleppo was struck on Saturday by Russian warplanes, killing eight civilians, activists \
said. The activists have long asked the United States to press Moscow to halt the raids.
"""


def test_a_doer_named_after_by_is_named_at_the_act(analyzer: Analyzer) -> None:
    russia, told = (_analyse(analyzer, t) for t in (STRIKE_RUSSIA, STRIKE_RUSSIA_PASSIVE))
    us = next(e.id for e in told.entities if e.name == "United States")
    misread = told.model_copy(update={"events": [e.model_copy(update={"actors": [us]})
                                                 if e.subtype == "Air/drone strike" else e for e in told.events]})
    linker = Linker()
    linker.add_many([russia, misread])
    assert {russia.document.id, misread.document.id} in linker.incident_docs(lead_only=True)
    assert [f for f in linker.records().findings if f.kind == "contradiction" and f.aspect == "blame"] == []


def _with_quote(who: str, verb: str) -> str:
    return VIA_REUTERS_1.replace("Travellers had been", f"{who} said that they had {verb} out some 30 dead "
                                 "from the wrecked depot by nightfall. Travellers had been")


def test_a_quote_drifts_only_between_reports_of_one_speaker(analyzer: Analyzer) -> None:
    variants = (("Rescue workers", "pulled", "NNA"), ("Rescue workers", "brought", "Ahram"),
                ("A local official", "dragged", "SANA"))
    carted, taken, hauled = (_analyse(analyzer, _with_quote(who, verb), outlet) for who, verb, outlet in variants)
    linker = Linker()
    linker.add_many([carted, taken, hauled])
    drifts = [f for f in linker.records().findings if f.kind == "drift" and f.aspect == "quote"]
    assert [sorted(r.text for r in f.refs) for f in drifts] == [  # same day: neither version is the earlier
        ["that they had brought out some 30 dead from the wrecked depot by nightfall",
         "that they had pulled out some 30 dead from the wrecked depot by nightfall"]]


# One city, one day, one kind of act: the air strikes on an aid convoy (two accounts, tolls 20 and "at least
# 18") and an air strike on a clinic that killed five medics: five dead are not the convoy's twenty.
CONVOY_RED_CROSS = """Tue 20 Sep 2016

Air strikes hit aid convoy near Aleppo

Air strikes hit a United Nations aid convoy on Monday at Urum al-Kubra in Aleppo province, killing 20 people, \
the Red Cross said.

The convoy of 31 lorries had been carrying food and medicine.
"""
CONVOY_AID_WORKERS = """Tue 20 Sep 2016

Convoy bombed near Aleppo

At least 18 people died on Monday when air strikes hit an aid convoy at Urum al-Kubra near Aleppo, \
aid workers said.
"""
CLINIC = """Tue 20 Sep 2016

Medics killed in Aleppo

Five medics died in Aleppo on Monday when warplanes bombed a field clinic in the city's east, the relief \
charity that runs it said.
"""


def test_reports_counting_very_different_dead_are_two_incidents(analyzer: Analyzer) -> None:
    red_cross, aid_workers, clinic = (_analyse(analyzer, t) for t in (CONVOY_RED_CROSS, CONVOY_AID_WORKERS, CLINIC))
    linker = Linker()
    linker.add_many([red_cross, aid_workers, clinic])
    linked = linker.incident_docs(lead_only=True)
    assert {red_cross.document.id, aid_workers.document.id} in linked
    assert not any(clinic.document.id in docs for docs in linked)


# One town and the city next to it, one day: two accounts of air strikes on Douma, and rocket shells on a
# Damascus district (another kind of act, no toll in common to say it is the same one).
DOUMA_MONITOR = """Mon 13 Nov 2017

Air strikes pound Douma

On Sunday air strikes hit Douma, a town of Eastern Ghouta, destroying several buildings, a monitor said.
"""
DOUMA_RESIDENTS = """Mon 13 Nov 2017

Warplanes strike Ghouta town

Warplanes struck residential areas of Douma on Sunday, residents said.
"""
BAB_TOUMA_SHELLS = """Mon 13 Nov 2017

Shells fall on Damascus

Rocket shells fired by militants fell on the Bab Touma neighbourhood of Damascus on Sunday, state media said, \
damaging shops.
"""


def test_an_air_strike_and_a_shelling_nearby_need_a_common_toll_to_be_one(analyzer: Analyzer) -> None:
    monitor, residents, shells = (_analyse(analyzer, t) for t in (DOUMA_MONITOR, DOUMA_RESIDENTS, BAB_TOUMA_SHELLS))
    linker = Linker()
    linker.add_many([monitor, residents, shells])
    linked = linker.incident_docs(lead_only=True)
    assert {monitor.document.id, residents.document.id} in linked
    assert not any(shells.document.id in docs for docs in linked)


# One school strike, three accounts: UNICEF's children and teachers, the Observatory's "at least 26
# civilians", and an account citing "a Britain-based monitor" (the Observatory by its wire-service name).
HASS_UNICEF = """Wed 26 Oct 2016

Air strikes hit school in Idlib

Air strikes on a school in Hass, a village in Idlib province, on Wednesday left 22 children and six of their \
teachers dead, the UN children's agency said.
"""
HASS_OBSERVATORY = """Wed 26 Oct 2016

School bombed in Hass

Air strikes on Hass, a village of Idlib province, on Wednesday killed at least 26 civilians, most of them \
children, the Syrian Observatory for Human Rights said.
"""
HASS_MONITOR = """Wed 26 Oct 2016

Children among dead in Idlib raids

At least 26 civilians died when air strikes hit a school in Hass in Idlib province on Wednesday, a \
Britain-based monitor said.
"""


def test_a_part_of_a_toll_is_no_contradiction_and_a_monitor_is_the_observatory(analyzer: Analyzer) -> None:
    unicef, observatory, monitor = (_analyse(analyzer, t, o) for t, o in (
        (HASS_UNICEF, "TRT World"), (HASS_OBSERVATORY, "Al Araby"), (HASS_MONITOR, "Ahram Online")))
    linker = Linker()
    linker.add_many([unicef, observatory, monitor])
    findings = linker.records().findings
    # the six teachers are a part of the toll, not a version of the 26 civilians
    assert not [f for f in findings if f.kind == "contradiction"], [f.explanation for f in findings]
    corroboration = [f for f in findings if f.kind == "corroboration"]
    assert len(corroboration) == 1 and corroboration[0].data["reports"] == 3
    assert corroboration[0].data["independent"] == 2  # UNICEF, and the Observatory however it is named
    assert sorted(sorted(g) for g in corroboration[0].data["groups"]) == sorted(
        [[unicef.document.id], sorted([observatory.document.id, monitor.document.id])])


@pytest.mark.parametrize(("sentence", "number", "kind"), [
    ("Militant mortar fire on Bab Qebli quarter in Hama kills 7 civilians injures 13.", "7", "killed"),
    ("Militant mortar fire on Bab Qebli quarter in Hama kills 7 civilians injures 13.", "13", "injured"),
    ("Seven people died and 13 others were injured when militants shelled the Bab Qebli quarter.", "13",
     "injured"),
    ("the strikes killed 11 villagers among them two women and wounded 27 the monitor said.", "27", "injured"),
    ("In the raid 9 of the 24 tankers were burned and 14 drivers were killed.", "9", None),
])
def test_the_words_around_a_figure_give_its_casualty_kind(sentence: str, number: str, kind: str | None) -> None:
    from claimgraph.corpus.linking.figures import stated_kind

    at = sentence.index(f" {number}") + 1
    assert stated_kind(sentence, (at, at + len(number))) == kind


def test_a_figure_of_the_whole_is_a_part() -> None:
    from claimgraph.corpus.linking.figures import is_part

    text = "In the raid 12 of the 24 tankers were burned and 14 drivers were killed."
    tankers, drivers = text.index("12"), text.index("14")
    assert is_part(text, (tankers, tankers + 2))
    assert not is_part(text, (drivers, drivers + 2))


# The news (Wednesday's mortars) told after an opening that names no event, and a mortar strike the text dates to a
# day two weeks before the dateline, told more often. (Invented account.)
RECALLED_FIRST = """Posted 8 March 2017 Officials say insurgents have once more shelled a clinic in central Daraa. \
Filed under Daraa health nurses

Three nurses were killed and eight wounded on Wednesday when insurgent mortar rounds struck the government-held \
centre of Daraa city, officials said. The mortars hit a clinic and a bakery.

Mortar fire often falls on central Daraa. On February 22, officials said that two patients had died when insurgent \
mortars struck a clinic in the Mahatta quarter of Daraa, and insurgent mortar fire on the quarter has killed \
many people since then, and the mortar strikes on clinics have angered residents.
"""


def test_a_happening_dated_weeks_before_the_dateline_is_no_main_event(analyzer: Analyzer) -> None:
    from claimgraph.corpus.linking.digest import digest

    analysis = _analyse(analyzer, RECALLED_FIRST, "Al Araby")
    reports = digest(analysis).reports
    dates = {r.date.iso for r in reports if r.date is not None}
    assert {"2017-02-22", "2017-03-08"} <= dates, dates
    main = [r for r in reports if r.lead]
    assert main and all(r.date is not None and r.date.iso == "2017-03-08" for r in main), [
        (r.subtype, r.date) for r in main]
