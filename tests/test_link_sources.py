"""Independent sources and figure contradictions across articles: which upstream a report rests on
(claimgraph.corpus.linking.upstreams), and when two same-day tolls are a contradiction rather than one
source's count changing or a town's toll against its area's."""

from __future__ import annotations

import pytest

from claimgraph.contract import Analysis
from claimgraph.corpus.linking import Linker
from claimgraph.pipeline import Analyzer


def _analyse(analyzer: Analyzer, text: str, outlet: str) -> Analysis:
    from claimgraph.ingest import prepare

    return analyzer.analyze_article(prepare(text, outlet=outlet))


# One school strike: an article telling the Observatory's toll, and UNICEF's too; two telling UNICEF's alone.
# (Invented accounts.)
SCHOOL_BOTH = """Tue 14 Mar 2017

Pupils killed in Idlib school strike

Air strikes killed 14 pupils and three teachers at a school in Saraqib in Idlib province on Tuesday, UNICEF \
said in a statement. The air strikes killed at least 19 civilians, according to the Syrian Observatory for \
Human Rights.
"""
SCHOOL_UNICEF = """Tue 14 Mar 2017

School hit in Idlib air raid

Air strikes hit a school in Saraqib, a town of Idlib province, on Tuesday, killing 14 pupils and three \
teachers, the UN children's agency UNICEF said.
"""
SCHOOL_UNICEF_2 = """Tue 14 Mar 2017

UNICEF: 14 pupils killed in Saraqib

Fourteen pupils and three teachers were killed on Tuesday when warplanes bombed their school in Saraqib in \
Idlib province, UNICEF said.
"""


def test_an_article_citing_a_second_upstream_is_not_folded_into_the_others_source(analyzer: Analyzer) -> None:
    both, unicef, unicef_2 = (_analyse(analyzer, t, o) for t, o in (
        (SCHOOL_BOTH, "TRT World"), (SCHOOL_UNICEF, "Al Araby"), (SCHOOL_UNICEF_2, "Ahram Online")))
    linker = Linker()
    linker.add_many([both, unicef, unicef_2])
    corroboration = [f for f in linker.records().findings if f.kind == "corroboration"]
    assert len(corroboration) == 1 and corroboration[0].data["reports"] == 3, corroboration
    # the first article's account rests on the Observatory (it also cites UNICEF); the others' on UNICEF
    assert corroboration[0].data["independent"] == 2
    assert sorted(sorted(g) for g in corroboration[0].data["groups"]) == sorted(
        [[both.document.id], sorted([unicef.document.id, unicef_2.document.id])])


# Same-day tolls of one shelling: the state agency's own report (naming the attackers, no one else as its
# source), an outlet quoting the agency, and the same outlet's report quoting the Observatory. (Invented accounts.)
SHELLING_STATE = """9 May 2018

Mortars on Homs' Zahra quarter kill 9 civilians

Nine civilians were killed in Homs on Wednesday when mortar shells fired by terrorist groups fell on the Zahra \
quarter, a police source said.
"""
SHELLING_QUOTING = """09-05-2018

Five civilians killed as terrorists shell Homs' Zahra

Five civilians were killed on Wednesday as terrorists fired mortars at the Zahra quarter of Homs, \
SANA news agency reported.
"""
SHELLING_OTHER = """09-05-2018

Nine civilians killed as rebels shell Homs' Zahra

Nine civilians were killed on Wednesday as rebels fired mortars at the Zahra quarter of Homs, the \
Syrian Observatory for Human Rights said.
"""


def test_same_day_tolls_of_one_upstream_are_drift_of_two_upstreams_a_contradiction(analyzer: Analyzer) -> None:
    state = _analyse(analyzer, SHELLING_STATE, "SANA")
    quoting = _analyse(analyzer, SHELLING_QUOTING, "Al-Manar")
    other = _analyse(analyzer, SHELLING_OTHER, "Al-Manar")
    one = Linker()
    one.add_many([state, quoting])
    findings = one.records().findings
    assert [f.kind for f in findings if f.aspect == "figure"] == ["drift"], [f.explanation for f in findings]
    # corroboration counts one source where the figures are one source's (an actor named is no source)
    assert [f.data["independent"] for f in findings if f.kind == "corroboration"] == [1]
    # one outlet's reports resting on two upstreams are two sources (upstreams.primary_source), for the
    # figures as for corroboration
    two = Linker()
    two.add_many([quoting, other])
    findings = two.records().findings
    assert [f.kind for f in findings if f.aspect == "figure"] == ["contradiction"], [f.explanation for f in findings]
    assert [f.data["independent"] for f in findings if f.kind == "corroboration"] == [2]


# The strikes near Damascus of one day: one outlet gives the whole toll, another the toll of its worst-hit
# town first, a part its words do not mark. (Invented accounts.)
GHOUTA_WHOLE = """6 Feb 2018

Regime raids east of Damascus kill 19

At least 19 civilians were killed by Syrian regime air raids east of Damascus on Tuesday, the Syrian \
Observatory for Human Rights said.
"""
GHOUTA_TOWN = """6 Feb 2018

Raids pound suburbs of Damascus

Warplanes pounded rebel-held suburbs of Damascus on Tuesday, rescuers said. Most of the dead were in \
Harasta, a town east of the capital, where bombs killed 11 civilians, the rescuers added.
"""


def test_a_towns_toll_is_no_version_of_its_areas(analyzer: Analyzer) -> None:
    whole = _analyse(analyzer, GHOUTA_WHOLE, "Al Araby")
    town = _analyse(analyzer, GHOUTA_TOWN, "TRT World")
    linker = Linker()
    linker.add_many([whole, town])
    records = linker.records()
    assert any({whole.document.id, town.document.id} <= set(i.doc_ids) for i in records.incidents)
    # the town's 11 is no version of the area's 19: neither a contradiction nor a drift
    assert not [f for f in records.findings if f.aspect == "figure"], [f.explanation for f in records.findings]


def test_a_town_named_before_the_reports_own_place_is_not_where_the_toll_fell(analyzer: Analyzer) -> None:
    from claimgraph.corpus.linking.figures import placed_elsewhere

    # invented sentences: the strike's origin named before the report's place, then a town's toll after it
    came_from = ("Fri 3 Mar 2017\n\nStrikes on Idlib\n\nWarplanes that took off from an air base in Hama struck "
                 "Idlib city on Friday, killing 9 civilians, activists said.\n")
    town_toll = ("Fri 3 Mar 2017\n\nStrikes on Idlib\n\nWarplanes struck Idlib city on Friday, activists said. "
                 "The worst toll was in Hama, where shelling killed 9 civilians.\n")
    for text, elsewhere in ((came_from, False), (town_toll, True)):
        analysis = _analyse(analyzer, text, "Al Araby")
        idlib = next(p for p in analysis.places if p.name == "Idlib")
        assert any(p.name == "Hama" for p in analysis.places), analysis.places
        start = text.index("9 civilians")
        assert placed_elsewhere(analysis, (start, start + 1), idlib) is elsewhere, text


# A bombing reported on its day, and recalled in an article about another bombing: a few weeks later, dated only
# to its month; the same day, undated (its date is the publication day's). (Invented accounts.)
MANBIJ_NEWS = """Tue 5 Jul 2016

Suicide bomber kills 13 in Manbij

A suicide bomber killed at least 13 civilians outside a market in Manbij city on Tuesday, the Syrian \
Observatory for Human Rights said.
"""
QAMISHLI_RECALLING_MANBIJ = """Wed 27 Jul 2016

Car bomb kills 31 in Qamishli

A car bomb killed at least 31 people near a checkpoint in Qamishli on Wednesday, the Observatory said.

Earlier this month, a suicide bomber killed 15 civilians outside a market in Manbij city.
"""
QAMISHLI_UNDATED_RECALL = """Tue 5 Jul 2016

Car bomb kills 31 in Qamishli

A car bomb killed at least 31 people near a checkpoint in Qamishli on Tuesday, the Observatory said.

A suicide bomber killed 15 civilians outside a market in Manbij city.
"""


@pytest.mark.parametrize("recalling", [QAMISHLI_RECALLING_MANBIJ, QAMISHLI_UNDATED_RECALL])
def test_a_figure_in_a_recall_not_dated_to_its_day_is_not_compared(analyzer: Analyzer, recalling: str) -> None:
    news = _analyse(analyzer, MANBIJ_NEWS, "Daily Sabah")
    recall = _analyse(analyzer, recalling, "TRT World")
    linker = Linker()
    linker.add_many([news, recall])
    records = linker.records()
    # the recall joins the bombing's incident (a close toll, the same kind and town, near its day) ...
    assert any({news.document.id, recall.document.id} <= set(i.doc_ids) for i in records.incidents)
    # ... but its 15 is not compared with the day's 13 as a drift
    assert not [f for f in records.findings if f.aspect == "figure"], [f.explanation for f in records.findings]


# One school strike, the same day: an article opening on a political body's condemnation and then giving the
# Observatory's toll, and one giving the Observatory's (lower) toll alone. (Invented accounts.)
COALITION_FIRST = """Wed 26 Oct 2016

Coalition condemns massacre at Idlib school

The Syrian National Coalition condemned the air strikes that struck a school in Hass, a village of Idlib \
province, on Wednesday, calling them a war crime in a statement. The strikes killed at least 26 civilians, \
most of them children, the Syrian Observatory for Human Rights said.
"""
OBSERVATORY_ONLY = """Wed 26 Oct 2016

Air strikes on Idlib school kill 22

Air strikes struck a school in Hass, a village of Idlib province, on Wednesday, killing 22 civilians, the \
Syrian Observatory for Human Rights said.
"""


def test_a_report_rests_on_the_source_of_its_toll_not_on_the_first_body_it_cites(analyzer: Analyzer) -> None:
    coalition = _analyse(analyzer, COALITION_FIRST, "Al Araby")
    observatory = _analyse(analyzer, OBSERVATORY_ONLY, "Ahram Online")
    linker = Linker()
    linker.add_many([coalition, observatory])
    findings = linker.records().findings
    # both tolls are the Observatory's: its count during the day (drift), one source for corroboration
    assert [f.kind for f in findings if f.aspect == "figure"] == ["drift"], [f.explanation for f in findings]
    assert [f.data["independent"] for f in findings if f.kind == "corroboration"] == [1]


# Same-day tolls of one shelling: the state agency's own report, and an outlet's report that ties its toll to
# no one but credits the agency further down; the same report crediting the agency and the Observatory
# further down rests on neither. (Invented accounts.)
AGENCY_OWN = """9 March 2017

Terrorist mortar shells on Bab Qebli quarter in Hama kill 9 civilians

Nine civilians lost their lives on Thursday when terrorist groups fired mortar shells at the Bab Qebli \
quarter of Hama city.
"""
CREDIT_LATER = """09-03-2017

Civilians martyred in terrorist mortar fire on Hama's Bab Qebli

Six civilians were martyred on Thursday in terrorist mortar fire on the Bab Qebli quarter of Hama city.

The shells also damaged shops and homes in the quarter, SANA news agency reported.
"""
CREDIT_TWO = CREDIT_LATER + """Clashes went on near the northern approaches to the city overnight, the Syrian \
Observatory for Human Rights said.
"""


def test_an_uncited_toll_rests_on_the_one_upstream_its_document_credits(analyzer: Analyzer) -> None:
    agency = _analyse(analyzer, AGENCY_OWN, "SANA")
    later, two = (_analyse(analyzer, t, "Al-Manar") for t in (CREDIT_LATER, CREDIT_TWO))
    one = Linker()
    one.add_many([later, agency])
    findings = one.records().findings
    assert [f.kind for f in findings if f.aspect == "figure"] == ["drift"], [f.explanation for f in findings]
    assert [f.data["independent"] for f in findings if f.kind == "corroboration"] == [1]
    other = Linker()
    other.add_many([two, agency])
    findings = other.records().findings
    assert [f.kind for f in findings if f.aspect == "figure"] == ["contradiction"], [f.explanation for f in findings]
    assert [f.data["independent"] for f in findings if f.kind == "corroboration"] == [2]


# One car bomb, two outlets running one wire paragraph about it: one credits state media, the other "the
# broadcaster" (no upstream named), each in an article of its own otherwise. (Invented accounts.)
WIRE_STATE_MEDIA = """Thu 14 Nov 2013

Blast kills 14 in Suqaylabiyah

A car bomb killed 14 people in Suqaylabiyah, a largely Christian town north-west of Hama, on Thursday, the \
third blast to strike the town this month, state media said. The explosion near the town's bus station also \
wounded 41 people as shoppers crowded the market ahead of the weekend.

Witnesses said soldiers closed the roads into the town and the wounded were driven to hospitals in Hama. \
The authorities blamed insurgents fighting the government.
"""
WIRE_BROADCASTER = """14-11-2013

Terrorist car bomb hits Suqaylabiyah

A car bomb killed 14 people in Suqaylabiyah, a largely Christian town north-west of Hama, on Thursday, the \
third blast to strike the town this month, the broadcaster said. The explosion near the town's bus station also \
wounded 41 people as shoppers crowded the market ahead of the weekend.

The governor promised to hunt down the gangs behind the attack, and residents lined up to give blood at the \
national hospital, where most of the wounded were taken during the night.
"""


def test_two_reports_running_one_wire_paragraph_are_one_source(analyzer: Analyzer) -> None:
    state = _analyse(analyzer, WIRE_STATE_MEDIA, "Ahram Online")
    broadcaster = _analyse(analyzer, WIRE_BROADCASTER, "Al-Manar")
    linker = Linker()
    linker.add_many([state, broadcaster])
    assert not linker.duplicates[broadcaster.document.id]  # not one text: one paragraph in two articles
    corroboration = [f for f in linker.records().findings if f.kind == "corroboration"]
    assert [f.data["independent"] for f in corroboration] == [1], [f.explanation for f in corroboration]



# One invented shelling told three times: citing the state news agency by name, as "Syria's official SANA
# agency" and as "a SANA reporter" (descriptions carrying more words than the upstream's name).
SHELLING_SANA = """Sat 18 Nov 2017

Shells kill 9 in Harasta

Rocket shells killed nine civilians in Harasta in Eastern Ghouta on Saturday, the state news agency SANA said.
"""
SHELLING_OFFICIAL = """Sat 18 Nov 2017

Nine dead as shells hit Harasta

Nine civilians were killed when rocket shells hit Harasta in Eastern Ghouta on Saturday, Syria's official \
SANA agency said.
"""
SHELLING_REPORTER = """Sat 18 Nov 2017

Harasta shelled, nine killed

Rocket shells fired on Harasta in Eastern Ghouta on Saturday killed nine civilians, SANA reporter said.
"""


def test_an_upstream_named_inside_a_longer_description_is_that_upstream(analyzer: Analyzer) -> None:
    from claimgraph.corpus.linking.entities import upstream_of

    texts = ((SHELLING_SANA, "Al Araby"), (SHELLING_OFFICIAL, "TRT World"), (SHELLING_REPORTER, "Ahram Online"))
    analyses = [_analyse(analyzer, t, o) for t, o in texts]
    for a in analyses[1:]:
        labels = [s.label for s in a.sources if "SANA" in s.label]
        assert labels and all(upstream_of(x) == "SANA" for x in labels), labels
    assert upstream_of("monitors with talks failing to curb the bloodshed") is None  # a generic word alone
    assert upstream_of("a State Department spokeswoman") is None
    linker = Linker()
    linker.add_many(analyses)
    corroboration = [f for f in linker.records().findings if f.kind == "corroboration"]
    assert len(corroboration) == 1 and corroboration[0].data["reports"] == 3, corroboration
    assert corroboration[0].data["independent"] == 1


# One invented bombing: an article crediting its toll to "media reports" (no one named) and SANA further on,
# and another citing state television: both rest on the state agency.
BOMBING_MEDIA_REPORTS = """Sun 4 Feb 2018

Car bomb kills 14 in Afrin

A car bomb exploded near a market in Afrin on Sunday, killing 14 people, media reports said. The blast came \
hours after the state news agency SANA reported clashes on the edge of the town.
"""
BOMBING_STATE_TV = """Sun 4 Feb 2018

Blast in Afrin market

Fourteen people were killed when a car bomb exploded near a market in Afrin on Sunday, state television said.
"""


def test_a_toll_credited_to_media_reports_rests_on_the_upstream_its_document_credits(analyzer: Analyzer) -> None:
    media, state_tv = (_analyse(analyzer, t, o) for t, o in (
        (BOMBING_MEDIA_REPORTS, "Daily Sabah"), (BOMBING_STATE_TV, "Ahram Online")))
    assert any(s.kind == "document" and s.label.lower() == "media reports" for s in media.sources)
    linker = Linker()
    linker.add_many([media, state_tv])
    corroboration = [f for f in linker.records().findings if f.kind == "corroboration"]
    assert len(corroboration) == 1 and corroboration[0].data["reports"] == 2, corroboration
    assert corroboration[0].data["independent"] == 1


# One invented air strike, the same day: an article whose headline shortens its body's "at least 31" to "31",
# and another giving "more than 60": an open toll and a larger one are compatible, no contradiction.
STRIKE_HEADLINE = """Wed 7 Mar 2018

Air strikes kill 31 civilians in Saraqib

Air strikes killed at least 31 civilians in Saraqib in Idlib province on Wednesday, the Syrian Observatory for \
Human Rights said. At least 31 people died in the raids on the town's market.
"""
STRIKE_LOCAL = """Wed 7 Mar 2018

Dozens dead in Saraqib raids

More than 60 civilians were killed on Wednesday when air strikes hit the market in Saraqib in Idlib province, \
a local rescue worker said.
"""


def test_a_headline_shortening_its_bodys_open_toll_is_that_open_toll(analyzer: Analyzer) -> None:
    headline, local = (_analyse(analyzer, t, o) for t, o in ((STRIKE_HEADLINE, "Ahram Online"),
                                                               (STRIKE_LOCAL, "Sputnik")))
    linker = Linker()
    linker.add_many([headline, local])
    records = linker.records()
    assert not [f for f in records.findings if f.kind == "contradiction"], [f.explanation for f in records.findings]
    drift = [f for f in records.findings if f.kind == "drift" and f.aspect == "figure"]
    assert drift and {r.text for r in drift[0].refs} == {"at least 31", "More than 60"}


def test_another_countrys_state_media_or_observatory_and_the_name_sana_are_no_syrian_upstream() -> None:
    from claimgraph.corpus.linking.entities import upstream_of

    for label in ("Iranian state TV", "Turkish state television", "Russian state media", "Sana'a officials",
                  "Sana Ahmed", "SANA'A residents", "the Iraqi Observatory for Human Rights",
                  "the European Observatory", "Egyptian state television on Friday"):
        assert upstream_of(label) is None, label
    for label in ("a SANA reporter", "SANA's correspondent in Homs", "Syrian state TV on Friday",
                  "Syria's state news agency", "state television"):
        assert upstream_of(label) == "SANA", label
    assert upstream_of("the Britain-based Observatory") == "Syrian Observatory for Human Rights"
    assert upstream_of("Rami Abdel Rahman, who heads the Syrian Observatory") == "Syrian Observatory for Human Rights"


def test_a_description_opening_on_a_name_names_its_issuer() -> None:
    from claimgraph.corpus.linking.upstreams import unnamed

    for label in ("Pentagon statement", "Hamas statement", "Amnesty's report", "Reuters", "Oxfam report on Monday"):
        assert not unnamed(label), label
    for label in ("Media reports", "Unconfirmed reports on Tuesday", "A statement", "Reports", "local media reports",
                  "a statement"):
        assert unnamed(label), label


# (Invented account.) The open "At least 12" counts schools, not the 12 people the strikes killed.
RAIDS_SCHOOLS = """Mon 6 Mar 2017

Raids on Aleppo

Air strikes killed 12 people in Aleppo on Monday, the monitor said. At least 12 schools were damaged in the raids.
"""
RAIDS_CIVILIANS = """Mon 6 Mar 2017

Raids on Aleppo kill 12

Air strikes killed 12 people in Aleppo on Monday, the monitor said. At least 12 civilians died in the raids.
"""


def test_a_figure_takes_a_qualifier_only_from_the_same_number_counting_the_same_thing(analyzer: Analyzer) -> None:
    from claimgraph.corpus.linking.figures import qualified

    for text, wanted in ((RAIDS_SCHOOLS, "12"), (RAIDS_CIVILIANS, "At least 12")):
        a = _analyse(analyzer, text, "Reuters")
        people = [q for q in a.quantities if q.subject == "people"]
        assert len(people) == 1, [(q.text, q.subject) for q in a.quantities]
        assert qualified(a, people[0], "killed").text == wanted, text


def test_an_outlet_named_by_kind_with_a_day_or_dateline_around_it_is_still_that_upstream() -> None:
    """The attribution parser keeps a day, a part of a day or a dateline with a description ('on Tuesday state
    television said' gives 'Tuesday state television'); times_lexicon.tsv's words date it."""
    from claimgraph.corpus.linking.entities import upstream_of

    for label in ("Tuesday state television", "state media on Saturday", "03.11.2015 state media",
                  "state TV Sunday night", "yesterday evening state media", "Wednesday's state TV"):
        assert upstream_of(label) == "SANA", label
    for label in ("Tuesday Egyptian state television", "Saturday Iranian state media", "Sana Haddad on Friday"):
        assert upstream_of(label) is None, label


def test_a_state_outlet_described_by_country_qualifier_and_medium_is_that_upstream() -> None:
    """A state outlet described rather than named: its country word (or its own name), a qualifier and a medium,
    in any spelling the rule composes; another country's, or a country's name before a medium with no qualifier
    (an opposition channel may be called that), is not it."""
    from claimgraph.corpus.linking.entities import upstream_of

    for label in ("Syrian state-owned radio", "Syria's government-run broadcaster", "the Assad regime media",
                  "a presenter on Syrian official television", "state-owned SANA news channel",
                  "Damascus state-controlled press"):
        assert upstream_of(label) == "SANA", label
    for label in ("Lebanese state-run radio", "Turkish official news agency", "Syria Radio", "Syrian opposition radio",
                  "a Syrian government official"):
        assert upstream_of(label) is None, label


def test_an_acronym_possessive_without_its_apostrophe_still_names_the_upstream() -> None:
    from claimgraph.corpus.linking.entities import upstream_of

    assert upstream_of("SOHRs director in Coventry") == "Syrian Observatory for Human Rights"
    assert upstream_of("SANAs reporter in Hama") == "SANA"
    assert upstream_of("Sanas cousin") is None


# One chlorine attack: the opposition's toll told by its spokesman, repeated by the Arab League, and a relief group's
# count of its own. (Invented accounts.)
GAS_OPPOSITION = """Sat 12 Apr 2014

Chlorine attack on Kafr Zita killed 240, says opposition

A chlorine gas attack on the town of Kafr Zita in Hama province killed 240 people on Saturday, according to \
Khaled Nasser, a spokesman for the opposition coalition.
"""
GAS_COUNCIL = """Sat 12 Apr 2014

Arab League condemns Kafr Zita attack

The Arab League said 240 people died when chlorine gas was dropped on Kafr Zita in Hama province on Saturday, \
and it demanded an inquiry.
"""
GAS_ACTIVISTS = """Sat 12 Apr 2014

Relief group says 130 killed in Kafr Zita attack

A chlorine gas attack on the town of Kafr Zita in Hama province killed at least 130 people on Saturday, doctors of \
the Union of Medical Care and Relief Organizations said.
"""


def test_the_same_large_toll_credited_to_two_bodies_is_one_count(analyzer: Analyzer) -> None:
    opposition, council, activists = (_analyse(analyzer, t, o) for t, o in (
        (GAS_OPPOSITION, "Al Arabiya"), (GAS_COUNCIL, "Reuters"), (GAS_ACTIVISTS, "Al Arabiya")))
    linker = Linker()
    linker.add_many([opposition, council, activists])
    corroboration = [f for f in linker.records().findings if f.kind == "corroboration"]
    assert len(corroboration) == 1 and corroboration[0].data["reports"] == 3, corroboration
    assert corroboration[0].data["independent"] == 2
    assert sorted(sorted(g) for g in corroboration[0].data["groups"]) == sorted(
        [sorted([opposition.document.id, council.document.id]), [activists.document.id]])


# One shelling counted alike by two named bodies, and by a third differently. (Invented accounts.)
MAYADIN_MONITOR = """Fri 9 Jun 2017

Shelling kills 14 in Mayadin

Government shelling killed 14 civilians in the town of Mayadin on Friday, the Syrian Observatory for Human \
Rights said.
"""
MAYADIN_AGENCY = """Fri 9 Jun 2017

Shells hit Mayadin

A barrage of shells on the eastern town of Mayadin killed 14 civilians on Friday, the World Health Organization said.
"""
MAYADIN_OTHER = """Fri 9 Jun 2017

Mayadin shelled

Government shelling killed at least 23 civilians in Mayadin on Friday, Amnesty International said.
"""


def test_one_large_toll_credited_to_two_different_counters_is_two_counts(analyzer: Analyzer) -> None:
    monitor, agency, other = (_analyse(analyzer, t, o) for t, o in (
        (MAYADIN_MONITOR, "AFP"), (MAYADIN_AGENCY, "The National"), (MAYADIN_OTHER, "Reuters")))
    linker = Linker()
    linker.add_many([monitor, agency, other])
    corroboration = [f for f in linker.records().findings if f.kind == "corroboration"]
    assert len(corroboration) == 1 and corroboration[0].data["reports"] == 3, corroboration
    assert corroboration[0].data["independent"] == 3, corroboration[0].data["groups"]


@pytest.mark.parametrize("aside", [
    "The Syrian Observatory for Human Rights said 14 shells fell on the town.",
    "According to the Syrian Observatory for Human Rights, 14 houses were destroyed.",
])
def test_the_same_number_counting_something_else_credits_no_toll(analyzer: Analyzer, aside: str) -> None:
    # the agency's text credits the monitor with a 14 that counts shells or houses, not the WHO's 14 civilians
    agency_text = MAYADIN_AGENCY.rstrip("\n") + " " + aside + "\n"
    monitor, agency, other = (_analyse(analyzer, t, o) for t, o in (
        (MAYADIN_MONITOR, "AFP"), (agency_text, "The National"), (MAYADIN_OTHER, "Reuters")))
    linker = Linker()
    linker.add_many([monitor, agency, other])
    corroboration = [f for f in linker.records().findings if f.kind == "corroboration"]
    assert len(corroboration) == 1 and corroboration[0].data["reports"] == 3, corroboration
    assert corroboration[0].data["independent"] == 3, corroboration[0].data["groups"]


# One checkpoint bombing: one article's lead gives the toll with the group that claimed the attack, its body
# credits the same number to the Observatory; another gives the Observatory's toll alone. (Invented accounts.)
HOMS_CLAIM = """Tue 6 Mar 2018

IS claims Homs checkpoint bombing

The Islamic State group claimed a suicide bombing that killed at least 23 people at an army checkpoint in Homs \
on Monday. The Syrian Observatory for Human Rights said at least 23 people were killed in the bombing, most of \
them soldiers.
"""
HOMS_MONITOR = """Mon 5 Mar 2018

Suicide bombing kills 23 at Homs checkpoint

At least 23 people were killed on Monday when a suicide bomber blew himself up at an army checkpoint in Homs, \
the Syrian Observatory for Human Rights said.
"""


def test_a_toll_its_text_credits_to_the_others_counter_too_is_one_count(analyzer: Analyzer) -> None:
    claim, monitor = (_analyse(analyzer, t, o) for t, o in ((HOMS_CLAIM, "Alaraby"), (HOMS_MONITOR, "Daily Sabah")))
    linker = Linker()
    linker.add_many([claim, monitor])
    corroboration = [f for f in linker.records().findings if f.kind == "corroboration"]
    assert len(corroboration) == 1 and corroboration[0].data["reports"] == 2, corroboration
    assert corroboration[0].data["independent"] == 1, corroboration[0].data["groups"]
