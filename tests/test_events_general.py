"""Events generalise: sentences written from the ACLED codebook definitions (shared/ACLED-TYPES.md), not
from any benchmark snippet, in the many ways news phrases each kind of event: active and passive verbs,
nominalisations ("a suicide bombing"), headline style, and casualties put in different words ("left 12
dead", "claimed the lives of", "at least 5 were wounded", "3 soldiers and 2 civilians"). They measure
whether the trigger and context files carry the codebook's distinctions rather than one corpus' wording.
"""

from __future__ import annotations

import pytest
from conftest import assert_spans_exact

from claimgraph.contract import Analysis, Event
from claimgraph.ingest import prepare

B, P, R, E, V, S = (
    "Battles", "Protests", "Riots", "Explosions/Remote violence", "Violence against civilians",
    "Strategic developments",
)

CASES: list[tuple[str, str, str]] = [
    # --- Battles / Armed clash
    ("Soldiers and militants exchanged gunfire for several hours near the border crossing.", B, "Armed clash"),
    ("Fierce fighting raged between government forces and rebels around the airport on Saturday.", B, "Armed clash"),
    ("Insurgents ambushed an army convoy on the main highway, sparking a two-hour gun battle.", B, "Armed clash"),
    ("Two rival militias clashed in the south of the city, leaving four fighters dead.", B, "Armed clash"),
    ("Security forces engaged a group of armed men who attacked a checkpoint overnight.", B, "Armed clash"),
    ("Heavy clashes erupt as army pushes into rebel-held suburb", B, "Armed clash"),
    ("Three soldiers and two militants were killed in a firefight in the mountains.", B, "Armed clash"),
    # --- Battles / Government regains territory
    ("The army said it had recaptured the strategic town after three days of fierce fighting with rebels.",
     B, "Government regains territory"),
    ("Government forces retook the district from Islamist insurgents on Wednesday.", B, "Government regains territory"),
    ("Troops backed by air support drove militants out of the village and regained control of the road.",
     B, "Government regains territory"),
    ("Army liberates key city from jihadists after months-long siege", B, "Government regains territory"),
    ("The town was recaptured by the military after heavy fighting with Al-Shabaab.", B,
     "Government regains territory"),
    # --- Battles / Non-state actor overtakes territory
    ("Rebels seized the town after government troops fled the fighting.", B, "Non-state actor overtakes territory"),
    ("Militants overran an army base in the north after a fierce battle.", B, "Non-state actor overtakes territory"),
    ("Insurgents captured two villages following heavy clashes with security forces.",
     B, "Non-state actor overtakes territory"),
    ("The district headquarters fell to Taliban fighters on Monday after a two-day battle.",
     B, "Non-state actor overtakes territory"),
    ("Jihadists take control of border town after clashes with army", B, "Non-state actor overtakes territory"),
    # --- Protests / Peaceful protest
    ("Thousands of teachers marched through the capital on Monday demanding higher pay.", P, "Peaceful protest"),
    ("Farmers staged a sit-in outside the agriculture ministry to protest against new taxes.", P, "Peaceful protest"),
    ("Students held a peaceful demonstration at the university against the fee increase.", P, "Peaceful protest"),
    ("Hundreds rallied in the town square to denounce the arrest of a local journalist.", P, "Peaceful protest"),
    ("Opposition supporters took to the streets to protest against the election results.", P, "Peaceful protest"),
    ("Workers at the port went on strike over unpaid wages.", P, "Peaceful protest"),
    # --- Protests / Protest with intervention
    ("Police used tear gas and water cannon to break up a demonstration by opposition supporters.",
     P, "Protest with intervention"),
    ("Riot police dispersed dozens of protesters gathered outside the parliament.", P, "Protest with intervention"),
    ("Several demonstrators were detained as police broke up a march against fuel price hikes.",
     P, "Protest with intervention"),
    ("Security forces blocked a protest march from reaching the presidential palace.", P, "Protest with intervention"),
    ("Police fire tear gas at student protesters in the capital", P, "Protest with intervention"),
    # --- Protests / Excessive force against protesters
    ("Security forces opened fire on peaceful protesters, killing three people.", P,
     "Excessive force against protesters"),
    ("Soldiers shot dead two demonstrators during a protest against the military government.",
     P, "Excessive force against protesters"),
    ("At least five protesters were killed when police fired live ammunition at the crowd.",
     P, "Excessive force against protesters"),
    ("Troops fire live rounds at anti-government protesters, wounding dozens", P,
     "Excessive force against protesters"),
    ("Police beat peaceful demonstrators with batons and iron rods, leaving several seriously injured.",
     P, "Excessive force against protesters"),
    # --- Riots / Violent demonstration
    ("Angry protesters torched a police station and blocked roads with burning tyres.",
     R, "Violent demonstration"),
    ("Demonstrators pelted security forces with stones and smashed shop windows.", R, "Violent demonstration"),
    ("The protest turned violent when demonstrators set fire to government vehicles.", R, "Violent demonstration"),
    ("Rioters looted shops and burned cars after the verdict was announced.", R, "Violent demonstration"),
    ("Protesters storm parliament and ransack offices", R, "Violent demonstration"),
    # --- Riots / Mob violence
    ("A mob beat a man to death after accusing him of theft.", R, "Mob violence"),
    ("Villagers lynched two suspected kidnappers in the market.", R, "Mob violence"),
    ("An angry crowd attacked a police station and freed a suspect.", R, "Mob violence"),
    ("A mob set fire to several houses belonging to a minority community.", R, "Mob violence"),
    ("Crowd lynches suspected thief in northern town", R, "Mob violence"),
    # --- Explosions / Air/drone strike
    ("Warplanes pounded rebel positions in the province overnight.", E, "Air/drone strike"),
    ("A drone strike hit a car carrying militants, killing four of them.", E, "Air/drone strike"),
    ("Helicopter gunships bombed the village, leaving 12 dead.", E, "Air/drone strike"),
    ("Coalition aircraft carried out several raids on the city.", E, "Air/drone strike"),
    ("An airstrike on a hospital claimed the lives of nine patients.", E, "Air/drone strike"),
    ("The town was bombed by government jets on Sunday.", E, "Air/drone strike"),
    ("US drone kills senior militant commander", E, "Air/drone strike"),
    # --- Explosions / Shelling/artillery/missile attack
    ("Rebels shelled a residential neighbourhood of the city, killing a child.", E,
     "Shelling/artillery/missile attack"),
    ("Mortar rounds landed on a school playground on Tuesday.", E, "Shelling/artillery/missile attack"),
    ("The army pounded the town with artillery overnight.", E, "Shelling/artillery/missile attack"),
    ("A rocket fired from across the border struck a house in the village.", E,
     "Shelling/artillery/missile attack"),
    ("Ballistic missiles hit the port city early on Friday.", E, "Shelling/artillery/missile attack"),
    ("Artillery fire killed three farmers working in their fields.", E, "Shelling/artillery/missile attack"),
    ("Shelling kills 5 in eastern city", E, "Shelling/artillery/missile attack"),
    # --- Explosions / Remote explosive/landmine/IED
    ("A roadside bomb struck a minibus on the main road, killing six passengers.", E,
     "Remote explosive/landmine/IED"),
    ("Two children were killed when a landmine exploded as they herded goats.", E,
     "Remote explosive/landmine/IED"),
    ("An improvised explosive device went off near a police patrol.", E, "Remote explosive/landmine/IED"),
    ("A car bomb exploded outside a crowded market.", E, "Remote explosive/landmine/IED"),
    ("A bomb planted under a vehicle detonated in the city centre.", E, "Remote explosive/landmine/IED"),
    ("Bomb blast rips through busy bus station", E, "Remote explosive/landmine/IED"),
    # --- Explosions / Suicide bomb
    ("A suicide bomber detonated his explosive vest at a checkpoint.", E, "Suicide bomb"),
    ("A suicide car bomb rammed into a military convoy.", E, "Suicide bomb"),
    ("The attacker blew himself up inside a mosque during Friday prayers.", E, "Suicide bomb"),
    ("A suicide bombing at a wedding left 20 dead and dozens wounded.", E, "Suicide bomb"),
    ("A woman wearing an explosives belt blew herself up in a crowded market.", E, "Suicide bomb"),
    ("Suicide attack on police academy kills dozens", E, "Suicide bomb"),
    # --- Explosions / Grenade
    ("A man threw a hand grenade into a crowded bar.", E, "Grenade"),
    ("Unidentified attackers lobbed grenades at a police patrol.", E, "Grenade"),
    ("A grenade attack on a market wounded seven people.", E, "Grenade"),
    ("Militants hurled a grenade at the home of a local official.", E, "Grenade"),
    ("Grenade explosion injures 10 at bus stop", E, "Grenade"),
    # --- Explosions / Chemical weapon
    ("Residents reported a chlorine gas attack on the besieged district.", E, "Chemical weapon"),
    ("Government forces used sarin against the town, inspectors concluded.", E, "Chemical weapon"),
    ("Dozens suffered breathing difficulties after a suspected poison gas attack.", E, "Chemical weapon"),
    ("A barrel containing a toxic chemical agent was dropped on the neighbourhood.", E, "Chemical weapon"),
    ("Mustard gas used against civilians, watchdog says", E, "Chemical weapon"),
    # --- Violence against civilians / Attack
    ("Gunmen shot dead a village chief outside his home.", V, "Attack"),
    ("Militants stormed a village and killed 11 civilians.", V, "Attack"),
    ("A farmer was hacked to death by armed men in his field.", V, "Attack"),
    ("Armed men attacked a bus carrying pilgrims, killing 7 of them.", V, "Attack"),
    ("The bodies of five civilians who had been executed by the militia were found.", V, "Attack"),
    ("Gunmen kill teacher in front of pupils", V, "Attack"),
    ("Fighters massacred dozens of villagers in the remote hamlet.", V, "Attack"),
    # --- Violence against civilians / Abduction/forced disappearance
    ("Armed men kidnapped a local businessman on his way home.", V, "Abduction/forced disappearance"),
    ("Dozens of schoolgirls were abducted by militants from their dormitory.", V,
     "Abduction/forced disappearance"),
    ("Rights groups said the activist had been forcibly disappeared by security agents.", V,
     "Abduction/forced disappearance"),
    ("Gunmen seized three aid workers and took them to an unknown location.", V,
     "Abduction/forced disappearance"),
    ("Militants kidnap 20 villagers in overnight raid", V, "Abduction/forced disappearance"),
    # --- Violence against civilians / Sexual violence
    ("Soldiers raped several women during the raid on the village.", V, "Sexual violence"),
    ("Militiamen sexually assaulted a girl at a checkpoint.", V, "Sexual violence"),
    ("Survivors described rape and other sexual violence committed by armed men.", V, "Sexual violence"),
    ("Woman gang-raped by armed group members", V, "Sexual violence"),
    # --- Strategic developments / Agreement
    ("The warring parties signed a peace deal in the capital on Thursday.", S, "Agreement"),
    ("The government and the rebels agreed to a ceasefire starting at midnight.", S, "Agreement"),
    ("The two sides exchanged dozens of prisoners under the truce.", S, "Agreement"),
    ("A truce brokered by tribal elders took effect on Sunday.", S, "Agreement"),
    ("Rebels and government sign accord ending decade-long war", S, "Agreement"),
    # --- Strategic developments / Arrests
    ("Police arrested a senior opposition leader at his home.", S, "Arrests"),
    ("Security forces detained 14 suspected members of the group.", S, "Arrests"),
    ("The journalist was taken into custody at the airport.", S, "Arrests"),
    ("Authorities apprehended two men suspected of planning attacks.", S, "Arrests"),
    ("Police round up dozens of suspects after market attack", S, "Arrests"),
    # --- Strategic developments / Change to group/activity
    ("Two rebel factions announced their merger into a single group.", S, "Change to group/activity"),
    ("The militant group named a new leader after the death of its founder.", S, "Change to group/activity"),
    ("A splinter faction broke away from the movement and formed its own armed group.", S,
     "Change to group/activity"),
    ("The militia pledged allegiance to the Islamic State.", S, "Change to group/activity"),
    ("The army deployed thousands of troops to the border region.", S, "Change to group/activity"),
    # --- Strategic developments / Disrupted weapons use
    ("Bomb disposal experts defused an explosive device found near a school.", S, "Disrupted weapons use"),
    ("Air defences intercepted two drones over the capital.", S, "Disrupted weapons use"),
    ("Police seized a large cache of weapons and ammunition in a raid.", S, "Disrupted weapons use"),
    ("Security forces foiled a plot to bomb a shopping centre.", S, "Disrupted weapons use"),
    ("Army discovers weapons cache in abandoned house", S, "Disrupted weapons use"),
    # --- Strategic developments / Headquarters or base established
    ("The militants set up a base in the abandoned school.", S, "Headquarters or base established"),
    ("The armed group established its headquarters in the town hall.", S, "Headquarters or base established"),
    ("Foreign troops established a new military outpost on the hill.", S, "Headquarters or base established"),
    ("The rebels have set up a new command centre in the mountains.", S, "Headquarters or base established"),
    # --- Strategic developments / Looting/property destruction
    ("Militiamen looted shops and homes after residents fled.", S, "Looting/property destruction"),
    ("Soldiers burned down dozens of houses in the village.", S, "Looting/property destruction"),
    ("Fighters destroyed a bridge to slow the advance of government forces.", S, "Looting/property destruction"),
    ("Unknown people vandalised a church and smashed its statues.", S, "Looting/property destruction"),
    ("Armed men torch houses in deserted village", S, "Looting/property destruction"),
    # --- Strategic developments / Non-violent transfer of territory
    ("Foreign troops withdrew from the base and handed it over to the local army.", S,
     "Non-violent transfer of territory"),
    ("The rebels pulled out of the town under the terms of the agreement.", S, "Non-violent transfer of territory"),
    ("The militia handed control of the city to government forces without a fight.", S,
     "Non-violent transfer of territory"),
    ("Militants retreated from the area ahead of an army advance, leaving it to the government.", S,
     "Non-violent transfer of territory"),
    # --- Strategic developments / Other
    ("The government declared a state of emergency in three provinces.", S, "Other"),
    ("Authorities imposed a curfew in the city after the unrest.", S, "Other"),
    ("A military court sentenced the former general to death.", S, "Other"),
    # --- extras: Displacement
    ("Thousands of families fled their homes as fighting spread.", "Displacement", "Displacement"),
    ("The floods and violence have displaced more than 20,000 people.", "Displacement", "Displacement"),
    ("Residents abandoned the village and sought refuge in the nearby town.", "Displacement", "Displacement"),
    ("Fighting forces thousands to flee across the border", "Displacement", "Displacement"),
    ("An exodus of civilians from the besieged city continued on Friday.", "Displacement", "Displacement"),
    # --- extras: Recruitment
    ("The militia has been recruiting child soldiers in the camps.", "Recruitment", "Recruitment"),
    ("The group launched a recruitment drive among unemployed young men.", "Recruitment", "Recruitment"),
    ("Hundreds of volunteers enlisted in the new militia.", "Recruitment", "Recruitment"),
    ("Army announces conscription of all men aged 18 to 30", "Recruitment", "Recruitment"),
    # --- extras: Organized crime
    ("Police seized 500 kilograms of heroin from a smuggling ring.", "Organized crime", "Organized crime"),
    ("Armed robbers held up a bank and escaped with cash.", "Organized crime", "Organized crime"),
    ("A drug cartel was behind the murder of the mayor, prosecutors said.", "Organized crime", "Organized crime"),
    ("Gang members extorted money from shop owners in the market.", "Organized crime", "Organized crime"),
    ("Human traffickers arrested at border with 40 migrants", "Organized crime", "Organized crime"),
    # --- extras: Natural disaster
    ("Heavy rains triggered landslides that buried several homes.", "Natural disaster", "Natural disaster"),
    ("A powerful earthquake shook the region, killing at least 30 people.", "Natural disaster", "Natural disaster"),
    ("Floods swept away hundreds of houses in the valley.", "Natural disaster", "Natural disaster"),
    ("The cyclone made landfall on Monday with winds of 180 km per hour.", "Natural disaster", "Natural disaster"),
    ("Lightning strike kills three farmers", "Natural disaster", "Natural disaster"),
    # --- extras: Man-made disaster
    ("A fire broke out in a garment factory, killing 14 workers.", "Man-made disaster", "Man-made disaster"),
    ("A passenger train derailed near the station, injuring dozens.", "Man-made disaster", "Man-made disaster"),
    ("A building under construction collapsed on Tuesday, trapping workers.", "Man-made disaster",
     "Man-made disaster"),
    ("An overloaded ferry capsized on the river with about 100 people on board.", "Man-made disaster",
     "Man-made disaster"),
    ("Gas cylinder explosion kills four in restaurant", "Man-made disaster", "Man-made disaster"),
    # --- extras: Diplomatic event
    ("The foreign ministers of the two countries held talks in Geneva.", "Diplomatic event", "Diplomatic event"),
    ("The country expelled four diplomats over spying allegations.", "Diplomatic event", "Diplomatic event"),
    ("The president received the visiting prime minister at the palace.", "Diplomatic event", "Diplomatic event"),
    ("The government recalled its ambassador in protest.", "Diplomatic event", "Diplomatic event"),
    ("Washington imposes sanctions on militia leaders", "Diplomatic event", "Diplomatic event"),
    # --- extras: Attribution of responsibility
    ("The Islamic State group said it carried out the bombing.", "Attribution of responsibility",
     "Attribution of responsibility"),
    ("No group has claimed responsibility for the attack.", "Attribution of responsibility",
     "Attribution of responsibility"),
    ("The government blamed separatists for the explosion.", "Attribution of responsibility",
     "Attribution of responsibility"),
    ("The rebels denied any role in the killing of the aid workers.", "Attribution of responsibility",
     "Attribution of responsibility"),
    ("Al-Shabaab claims deadly hotel attack", "Attribution of responsibility", "Attribution of responsibility"),
]

#: (text, kind, group or "*" for any, a reported figure) for casualties phrased in different ways
CASUALTIES: list[tuple[str, str, str, float]] = [
    ("Helicopter gunships bombed the village, leaving 12 dead.", "killed", "civilians", 12),
    ("An airstrike on a hospital claimed the lives of nine patients.", "killed", "civilians", 9),
    ("Rebels shelled a residential neighbourhood of the city, killing a child.", "killed", "children", 1),
    ("Three soldiers and two civilians were killed in the mortar attack.", "killed", "combatants", 3),
    ("Three soldiers and two civilians were killed in the mortar attack.", "killed", "civilians", 2),
    ("A car bomb exploded outside a market; at least 5 were wounded.", "injured", "civilians", 5),
    ("A suicide bombing at a wedding left 20 dead and dozens wounded.", "killed", "civilians", 20),
    ("A suicide bombing at a wedding left 20 dead and dozens wounded.", "injured", "civilians", 12),
    ("Militants stormed a village and killed 11 civilians.", "killed", "civilians", 11),
    ("The roadside bomb killed four women and a child travelling to the market.", "killed", "women", 4),
    ("Twelve people lost their lives when a missile struck the apartment block.", "killed", "civilians", 12),
    ("The death toll from the air raid rose to 23, rescuers said.", "killed", "civilians", 23),
    ("A landmine blast wounded seven villagers on Sunday.", "injured", "civilians", 7),
    ("Shelling of the market left at least 15 people dead.", "killed", "civilians", 15),
    ("Thousands of families fled their homes as fighting spread; about 3,000 people were displaced.",
     "displaced", "*", 3000),
    ("Security forces detained 14 suspected members of the group.", "detained", "*", 14),
]


def _analyze(analyzer, text: str) -> Analysis:
    analysis = analyzer.analyze_article(prepare(text))
    assert_spans_exact(analysis)
    return analysis


def _main(analyzer, text: str) -> Event:
    analysis = _analyze(analyzer, text)
    assert analysis.events, f"no event in: {text}"
    return analysis.events[0]


@pytest.mark.parametrize(("text", "type_", "subtype"), CASES)
def test_codebook_sentence_main_event(analyzer, text: str, type_: str, subtype: str) -> None:
    event = _main(analyzer, text)
    assert (event.type, event.subtype) == (type_, subtype), f"{event.text!r} -> {event.subtype}"


@pytest.mark.parametrize(("text", "kind", "group", "low"), CASUALTIES)
def test_casualties_phrased_differently(analyzer, text: str, kind: str, group: str, low: float) -> None:
    analysis = _analyze(analyzer, text)
    lows = [c.low for e in analysis.events for c in e.casualties if c.kind == kind and group in ("*", c.group)]
    assert low in lows, [(e.subtype, e.casualties) for e in analysis.events]


def test_every_subtype_has_general_sentences() -> None:
    """The set covers the 25 ACLED sub-event types and the contract's 7 extra types."""
    assert len({s for _, _, s in CASES}) == 32


def test_dateline_city_is_never_an_actor(analyzer) -> None:
    """A wire dateline ("KABUL, Afghanistan (AP) —") says where the report was filed; the parser may hang
    it on the first verb, but it is never who acted."""
    dateline = "KABUL, Afghanistan (AP) —"
    for body in ("Taliban fighters attacked a police post, killing two officers.",
                 "A roadside bomb killed four soldiers in the east of the country on Tuesday, officials said."):
        analysis = _analyze(analyzer, f"{dateline} {body}")
        by_id = {e.id: e for e in analysis.entities}
        assert analysis.events
        for event in analysis.events:
            for actor in event.actors:
                assert all(start >= len(dateline) for start, _ in by_id[actor].mentions), by_id[actor].name
