"""Events component: ACLED types from triggers and context, casualties, actors, place, source, order."""

from __future__ import annotations

import pytest
from conftest import assert_spans_exact

from claimgraph.contract import Analysis, Event
from claimgraph.ingest import prepare
from claimgraph.nlp.events.lexicon import lexicon


def run(analyzer, text: str) -> Analysis:
    analysis = analyzer.analyze_article(prepare(text))
    assert_spans_exact(analysis)
    return analysis


def main_event(analyzer, text: str) -> Event:
    analysis = run(analyzer, text)
    assert analysis.events, text
    return analysis.events[0]


def killed(event: Event, group: str) -> float | None:
    lows = [c.low for c in event.casualties if c.kind == "killed" and c.group == group]
    return lows[0] if lows else None


def entity_names(analysis: Analysis, ids: list[str]) -> list[str]:
    by_id = {e.id: e for e in analysis.entities}
    return [by_id[i].name for i in ids]


@pytest.mark.parametrize(
    ("text", "type_", "subtype"),
    [
        ("Syrian government warplanes carried out dozens of air strikes on the town on Tuesday.",
         "Explosions/Remote violence", "Air/drone strike"),
        ("Rebels fired mortar shells at a residential district of the city overnight.",
         "Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ("A roadside bomb exploded next to a passing army truck near the village.",
         "Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ("A suicide bomber blew himself up at a crowded market in the north of the country.",
         "Explosions/Remote violence", "Suicide bomb"),
        ("Unknown assailants hurled a grenade into a police station late on Friday.",
         "Explosions/Remote violence", "Grenade"),
        ("Doctors said the victims showed symptoms of exposure to sarin after the attack.",
         "Explosions/Remote violence", "Chemical weapon"),
        ("Heavy clashes broke out between the army and insurgents on the outskirts of the town.",
         "Battles", "Armed clash"),
        ("Government troops recaptured the town from Islamic State militants on Sunday.",
         "Battles", "Government regains territory"),
        ("Taliban fighters seized control of the district centre after a week of fighting.",
         "Battles", "Non-state actor overtakes territory"),
        ("Thousands of people joined a peaceful rally in the capital to demand new elections.",
         "Protests", "Peaceful protest"),
        ("Police fired tear gas to disperse hundreds of demonstrators outside parliament.",
         "Protests", "Protest with intervention"),
        ("Protesters threw stones at the police and set several cars on fire.",
         "Riots", "Violent demonstration"),
        ("An angry mob lynched two men accused of stealing cattle.", "Riots", "Mob violence"),
        ("Gunmen abducted six aid workers from their compound on Monday.",
         "Violence against civilians", "Abduction/forced disappearance"),
        ("Police arrested twelve suspects in a series of raids on Thursday.",
         "Strategic developments", "Arrests"),
        ("The two sides signed a ceasefire agreement in the presence of mediators.",
         "Strategic developments", "Agreement"),
        ("Army engineers defused a roadside bomb planted near the checkpoint.",
         "Strategic developments", "Disrupted weapons use"),
        ("Looters ransacked shops and offices in the city centre.",
         "Strategic developments", "Looting/property destruction"),
        ("The Islamic State group claimed responsibility for the attack in a statement.",
         "Attribution of responsibility", "Attribution of responsibility"),
        ("A magnitude 6.1 earthquake struck the east of the country early on Sunday.",
         "Natural disaster", "Natural disaster"),
        ("A bus collided with a lorry on the highway, the second accident this week.",
         "Man-made disaster", "Man-made disaster"),
        ("Customs officers seized two tonnes of cocaine hidden in a shipment of bananas.",
         "Organized crime", "Organized crime"),
        ("The European Union imposed new sanctions on the country's defence ministry.",
         "Diplomatic event", "Diplomatic event"),
    ],
)
def test_types_and_subtypes_spelled_as_acled(analyzer, text: str, type_: str, subtype: str) -> None:
    event = main_event(analyzer, text)
    assert (event.type, event.subtype) == (type_, subtype)


def test_every_subtype_in_the_data_files_is_acled_or_a_contract_extra() -> None:
    extras = {"Displacement", "Recruitment", "Organized crime", "Natural disaster", "Man-made disaster",
              "Diplomatic event", "Attribution of responsibility"}
    acled_types = {"Battles", "Protests", "Riots", "Explosions/Remote violence", "Violence against civilians",
                   "Strategic developments"}
    lex = lexicon()
    for info in lex.types.values():
        assert info.type in acled_types or (info.type in extras and info.subtype == info.type)
    for rule in lex.context:
        assert rule.source in lex.types and rule.target in lex.types


def test_casualties_by_group_and_children_subset(analyzer) -> None:
    event = main_event(analyzer, "Government warplanes bombed a market in the town on Tuesday, killing 12 civilians, "
                                 "including three children, activists said.")
    assert event.subtype == "Air/drone strike"
    assert killed(event, "civilians") == 12
    assert killed(event, "children") == 3


def test_lowest_reported_figure(analyzer) -> None:
    event = main_event(analyzer, "The air strike killed 12 civilians, though local activists said 15 civilians died.")
    assert killed(event, "civilians") == 12


def test_people_killed_by_a_bomb_are_civilians_but_not_the_bomber(analyzer) -> None:
    event = main_event(analyzer, "A suicide bomber killed at least 25 people at a wedding party in the village.")
    assert event.subtype == "Suicide bomb"
    assert killed(event, "civilians") == 25
    assert killed(event, "combatants") is None


def test_people_stay_unknown_when_fighters_are_among_them(analyzer) -> None:
    event = main_event(analyzer, "At least 17 people were killed in the bombing, among them 13 police officers.")
    assert killed(event, "combatants") == 13
    assert killed(event, "civilians") is None
    assert killed(event, "unknown") == 17


def test_running_war_totals_are_not_an_event_toll(analyzer) -> None:
    analysis = run(analyzer, "The war has killed more than 300,000 people since it began in 2011.")
    assert all(c.kind != "killed" for e in analysis.events for c in e.casualties)


def test_injured_and_killed_figures_in_a_headline(analyzer) -> None:
    event = main_event(analyzer, "Rebel rocket attack on Aleppo kills 8 people, 58 others injured")
    assert killed(event, "civilians") == 8
    injured = [c.low for c in event.casualties if c.kind == "injured"]
    assert injured == [58]


def test_displacement_with_count(analyzer) -> None:
    analysis = run(analyzer, "Weeks of shelling forced about 5,000 villagers to flee across the border.")
    displacement = [e for e in analysis.events if e.subtype == "Displacement"]
    assert displacement
    cas = [c for c in displacement[0].casualties if c.kind == "displaced"]
    assert cas and cas[0].low == 5000 and cas[0].group == "civilians"


def test_actor_and_target_are_entities(analyzer) -> None:
    analysis = run(analyzer, "Turkey shot down a Russian warplane near the Syrian border on Tuesday.")
    event = next(e for e in analysis.events if e.text.startswith("shot down"))
    assert entity_names(analysis, event.actors) == ["Turkey"]
    assert "Russian" in entity_names(analysis, event.targets)


def test_actor_through_a_light_verb_and_linked_quantity(analyzer) -> None:
    analysis = run(analyzer, "Russia conducted more than 500 air strikes in the region since September.")
    event = analysis.events[0]
    assert event.subtype == "Air/drone strike"
    assert entity_names(analysis, event.actors) == ["Russia"]
    numbers = {q.id: q.text for q in analysis.quantities}
    assert [numbers[q] for q in event.quantities] == ["more than 500"]


def test_main_event_first(analyzer) -> None:
    analysis = run(analyzer, "A car bomb killed nine people outside a police station in the city on Monday. "
                             "Officials said talks with neighbouring countries would continue.")
    assert analysis.events[0].subtype == "Remote explosive/landmine/IED"


def test_source_and_hedges_come_from_the_claim_around_the_event(analyzer) -> None:
    analysis = run(analyzer, "According to local officials, Russian jets reportedly bombed the village of Kafr Nabl.")
    event = analysis.events[0]
    claims = [c for c in analysis.claims if c.span[0] <= event.span[0] and event.span[1] <= c.span[1]]
    assert claims
    innermost = min(claims, key=lambda c: c.span[1] - c.span[0])
    assert event.source is not None and event.source == innermost.sources[-1]
    assert event.hedges == innermost.hedges == ["reportedly"]


@pytest.mark.parametrize("text", [
    "The company reported higher profits in the third quarter and raised its outlook.",
    "Shares crashed on Monday after the bank reported losses.",
    "The singer shot to fame in 2010 with her debut album.",
    "The company plans to cut 500 jobs and close two factories.",
    "The team will fight for the title next season.",
])
def test_no_events_in_ordinary_news(analyzer, text: str) -> None:
    assert run(analyzer, text).events == []


@pytest.mark.parametrize("text", ["", "   ", "!!!", "1 2 3 4 5 6 7 8 9 0", "killed killed killed", "\U0001f4a3" * 50,
                                  "Airstrike.\n\n\nAirstrike", "9" * 400 + " civilians killed"])
def test_never_raises_on_odd_text(analyzer, text: str) -> None:
    try:
        article = prepare(text)
    except Exception:
        pytest.skip("ingest refuses this input")
    analysis = analyzer.analyze_article(article)
    assert_spans_exact(analysis)


def test_seed_sample_events(sample_analysis: Analysis) -> None:
    a = sample_analysis
    assert_spans_exact(a)
    names = {e.id: e.name for e in a.entities}
    places = {p.id: p.name for p in a.places}
    sources = {s.id: s.label for s in a.sources}
    numbers = {q.id: q.text for q in a.quantities}

    shoot = [e for e in a.events if "shot down" in e.text]
    assert shoot and "Turkey" in [names[x] for x in shoot[0].actors]

    strikes = [e for e in a.events if e.subtype == "Air/drone strike"
               and "Russia" in [names[x] for x in e.actors]]
    assert strikes
    s = strikes[0]
    assert s.type == "Explosions/Remote violence"
    assert places.get(s.place) and "Turkmen" in places[s.place]
    assert any("500" in numbers[q] for q in s.quantities)
    assert s.source is not None and "Turkish officials" in sources[s.source]

    fled = [e for e in a.events if e.subtype == "Displacement"]
    assert fled
    displaced = [c for c in fled[0].casualties if c.kind == "displaced"]
    assert displaced and displaced[0].low == 10000


def test_counts_go_to_their_own_cue(analyzer) -> None:
    event = main_event(analyzer, "A suicide bomber killed 30 people injured 90 on Monday at a wedding in the north.")
    assert killed(event, "civilians") == 30
    assert [c.low for c in event.casualties if c.kind == "injured"] == [90]


def test_an_additional_set_is_not_counted_by_an_earlier_cue(analyzer) -> None:
    event = main_event(analyzer, "At least 86 people were killed in the gas attack on the town and dozens more "
                                 "received treatment in hospitals.")
    assert event.subtype == "Chemical weapon"
    assert killed(event, "civilians") == 86
