"""Typing that generalises, round ten: sentences written from the codebook's definitions (shared/ACLED-TYPES.md)
BEFORE the fixes they motivated (issue 13, after the tuning/check split), each set on one general cause:

- CASES_10: the protest family's precedence (excessive force over intervention over a peaceful protest; the
  demonstrators' own violence makes a riot whatever the police do; what a protest is about, and a protest an
  arrest anticipates, is not how it went), mob violence, and bombers on the ground (a "motorcycle bomber" or
  "car bomber" dies with the bomb: a suicide bomb, not an air strike). 42 of 46 passed before the fixes.
- CASES_11: classes with too few trigger senses (retaking or taking places in other words, transfers without
  fighting, attacks repelled, accidents in headline style, rejected allegations, diplomacy, property, crime,
  agreements). 30 of 42 passed before.
- CASES_12: a protest told over two sentences is coded by the gravest treatment any sentence reports (protesters
  killed: excessive force). 3 of 5 passed before.
- CASES_13: excessive force in other words ("police violence against demonstrators", "deadly crackdown",
  soldiers who gun down a marcher: the soldiers are who acted, not whom an attack hit). 7 of 10 passed before.
- CASES_14: road blocks with barricades or burning tyres are destructive (ACLED's violent demonstration). 2 of
  5 passed before.

Together 84 of 108 before the fixes, 106 after; the two that still fail are CASES_10_OPEN (strict xfails). The
honest measure of generalisation stays the check part of the benchmark (BENCHMARKS.md, section events).
"""

from __future__ import annotations

import pytest
from conftest import assert_spans_exact

from claimgraph.contract import Analysis, Event
from claimgraph.ingest import prepare

B, P, R, E, V, S = ("Battles", "Protests", "Riots", "Explosions/Remote violence", "Violence against civilians",
                    "Strategic developments")
CASES_10: list[tuple[str, str, str]] = [
    # protest with intervention: peaceful protest dispersed or blocked without lethal or grave force
    ("Police arrested 20 protesters who had gathered outside the governor's office demanding jobs.", P,
     "Protest with intervention"),
    ("Demonstrators marching to the parliament were stopped by police at a barricade and sent home.", P,
     "Protest with intervention"),
    ("Riot police fired rubber bullets to scatter hundreds of students demonstrating against tuition fees.", P,
     "Protest with intervention"),
    ("Authorities detained several women taking part in a silent vigil for missing relatives.", P,
     "Protest with intervention"),
    # peaceful protest: what protesters do or demand, and what they protest about, is no intervention
    ("Farmers blocked the main highway with tractors to protest against low crop prices.", P, "Peaceful protest"),
    ("Hundreds of workers marched to the ministry to demand the release of colleagues arrested last week.", P,
     "Peaceful protest"),
    ("Residents protested against the killing of a teenager by police last month.", P, "Peaceful protest"),
    ("Thousands of people marched in memory of the protesters shot dead by soldiers a year ago.", P,
     "Peaceful protest"),
    ("Students boycotted classes and held a rally against police violence on the campus.", P, "Peaceful protest"),
    # excessive force: lethal or grave force on peaceful protesters wins over intervention
    ("Two protesters died after security forces fired live bullets to disperse a march in the capital.", P,
     "Excessive force against protesters"),
    ("Soldiers used live ammunition against a peaceful rally, leaving three people dead.", P,
     "Excessive force against protesters"),
    ("A demonstrator was killed and 15 others hospitalised when police charged a sit-in with batons.", P,
     "Excessive force against protesters"),
    ("Security forces fired tear gas and live rounds at protesters, killing one man.", P,
     "Excessive force against protesters"),
    # violent demonstration: demonstrators' own violence, whatever the police do
    ("Protesters threw stones at police, who responded with tear gas.", R, "Violent demonstration"),
    ("Angry demonstrators set fire to a police station after the death of a detainee.", R, "Violent demonstration"),
    ("Rioters smashed shop windows and clashed with police in the city centre.", R, "Violent demonstration"),
    ("Protesters stormed the regional parliament building, breaking windows and furniture.", R,
     "Violent demonstration"),
    # mob violence: an unorganised crowd attacks people or property
    ("A mob beat a suspected thief to death in the market on Tuesday.", R, "Mob violence"),
    ("Villagers attacked and burned the homes of two families accused of witchcraft.", R, "Mob violence"),
    ("An angry crowd stoned a motorist after he hit a child with his car.", R, "Mob violence"),
    # suicide bombs: the attacker on a motorcycle or in a car is on the ground, not in the air
    ("A motorcycle bomber blew himself up at a checkpoint, killing five policemen.", E, "Suicide bomb"),
    ("A car bomber rammed his vehicle into the gate of the army base.", E, "Suicide bomb"),
    ("A suicide car bomber struck a military convoy on the highway, killing eight soldiers.", E, "Suicide bomb"),
    ("Two suicide bombers detonated their explosive vests at a crowded market.", E, "Suicide bomb"),
    # attribution, abduction, transfer, property, disasters, agreements, diplomacy, crime, shelling, clashes
    ("The Islamic State group claimed responsibility for the bombing of a church in the city.",
     "Attribution of responsibility", "Attribution of responsibility"),
    ("Al-Shabaab claimed the attack in a statement on its radio station.", "Attribution of responsibility",
     "Attribution of responsibility"),
    ("The government blamed rebel fighters for the massacre of 30 villagers.", "Attribution of responsibility",
     "Attribution of responsibility"),
    ("Gunmen kidnapped 12 passengers from a bus on the highway.", V, "Abduction/forced disappearance"),
    ("Armed men abducted a local aid worker from her home.", V, "Abduction/forced disappearance"),
    ("Rebel fighters withdrew from the town under a deal, handing it over to government forces.", S,
     "Non-violent transfer of territory"),
    ("The army handed control of the province to local police on Monday.", S, "Non-violent transfer of territory"),
    ("Militants torched a school and several homes in the village overnight.", S, "Looting/property destruction"),
    ("Soldiers demolished dozens of houses belonging to families of suspected rebels.", S,
     "Looting/property destruction"),
    ("A bus plunged off a bridge into a river, killing 14 passengers.", "Man-made disaster", "Man-made disaster"),
    ("A building collapsed in the old city, trapping dozens of residents.", "Man-made disaster", "Man-made disaster"),
    ("An explosion at a fireworks factory killed nine workers.", "Man-made disaster", "Man-made disaster"),
    ("The two warring sides signed a ceasefire agreement in the capital on Sunday.", S, "Agreement"),
    ("The government and rebels exchanged dozens of prisoners under a deal brokered by the UN.", S, "Agreement"),
    ("The foreign minister met his counterpart to discuss the border dispute.", "Diplomatic event",
     "Diplomatic event"),
    ("The EU imposed new sanctions on five military officials.", "Diplomatic event", "Diplomatic event"),
    ("Armed robbers held up a bank in the city centre and escaped with cash.", "Organized crime", "Organized crime"),
    ("Police seized two tonnes of cocaine hidden in a shipping container.", "Organized crime", "Organized crime"),
    ("Rebels fired mortar rounds at a residential district, killing two children.", E,
     "Shelling/artillery/missile attack"),
    ("Artillery shells hit a hospital in the city on Tuesday.", E, "Shelling/artillery/missile attack"),
    ("Troops killed five militants in an exchange of fire near the border.", B, "Armed clash"),
    ("Police and gunmen traded fire for an hour outside the bank.", B, "Armed clash"),
]
CASES_11: list[tuple[str, str, str]] = [
    # government regains territory: other words for retaking ground
    ("Government troops pushed the insurgents out of three villages near the border on Thursday.", B,
     "Government regains territory"),
    ("The army said it had restored control over the entire district after driving out the militants.", B,
     "Government regains territory"),
    ("Soldiers cleared the town of jihadist fighters after a week-long operation.", B,
     "Government regains territory"),
    ("Army takes full control of rebel stronghold in the east", B, "Government regains territory"),
    # non-state actor overtakes territory
    ("Rebel fighters stormed and took over the army outpost after a brief battle.", B,
     "Non-state actor overtakes territory"),
    ("Insurgents advanced into the provincial capital, seizing the police headquarters.", B,
     "Non-state actor overtakes territory"),
    # non-violent transfer of territory
    ("Government forces handed over the city to a local militia without a fight.", S,
     "Non-violent transfer of territory"),
    ("The rebels pulled out of the town under the terms of the deal, and the army moved in.", S,
     "Non-violent transfer of territory"),
    ("Fighters entered the town unopposed after the garrison had left.", S, "Non-violent transfer of territory"),
    ("The handover of the districts to the government took place peacefully on Sunday.", S,
     "Non-violent transfer of territory"),
    # armed clash: an attack repelled, a battle fought
    ("Soldiers repelled an attack by insurgents on their base overnight, killing six of the attackers.", B,
     "Armed clash"),
    ("Government forces and rebels fought for control of the bridge throughout the night.", B, "Armed clash"),
    ("Police battled gunmen for hours after the men opened fire on a checkpoint.", B, "Armed clash"),
    # man-made disaster: accidents and failures, headline style too
    ("Chemical plant explodes and catches fire; nearby homes evacuated", "Man-made disaster", "Man-made disaster"),
    ("A passenger train derailed in the north of the country, injuring dozens.", "Man-made disaster",
     "Man-made disaster"),
    ("An overloaded ferry capsized on the lake, leaving at least 30 people missing.", "Man-made disaster",
     "Man-made disaster"),
    ("A gas leak at a fertiliser factory sent dozens of workers to hospital.", "Man-made disaster",
     "Man-made disaster"),
    ("Fire guts hospital ward, killing seven patients", "Man-made disaster", "Man-made disaster"),
    # attribution of responsibility
    ("The government held the rebels responsible for the attack on the market.", "Attribution of responsibility",
     "Attribution of responsibility"),
    ("The ministry rejected allegations that its troops had shelled the village.", "Attribution of responsibility",
     "Attribution of responsibility"),
    ("Police blamed the bombing on a local jihadist cell.", "Attribution of responsibility",
     "Attribution of responsibility"),
    # diplomacy
    ("The foreign ministry summoned the ambassador over the border incident.", "Diplomatic event",
     "Diplomatic event"),
    ("The president paid a state visit to the neighbouring country to discuss trade and security.",
     "Diplomatic event", "Diplomatic event"),
    ("Both countries recalled their ambassadors after the dispute over the border.", "Diplomatic event",
     "Diplomatic event"),
    # property destruction and looting
    ("Gunmen burned down the village market and several houses on Sunday night.", S, "Looting/property destruction"),
    ("Fighters looted shops and government offices after the town was abandoned.", S,
     "Looting/property destruction"),
    ("Unknown people vandalised a mosque in the town overnight.", S, "Looting/property destruction"),
    # organized crime
    ("A gang of armed robbers attacked a jewellery shop and stole gold worth millions.", "Organized crime",
     "Organized crime"),
    ("Police dismantled a human trafficking ring operating across the border.", "Organized crime",
     "Organized crime"),
    ("Two members of a drug cartel were shot dead in a turf war in the port city.", "Organized crime",
     "Organized crime"),
    # mob violence
    ("Residents lynched two men suspected of stealing cattle.", R, "Mob violence"),
    # agreement
    ("The government and the armed group agreed to a truce starting on Monday.", S, "Agreement"),
    ("The warring parties signed a peace accord in the capital.", S, "Agreement"),
    ("Rebels and the army swapped prisoners in a deal brokered by tribal elders.", S, "Agreement"),
    # violent demonstration, excessive force, intervention in other words
    ("Demonstrators hurled petrol bombs at security forces and torched a bank.", R, "Violent demonstration"),
    ("Protesters ransacked the offices of the ruling party in the town.", R, "Violent demonstration"),
    ("Police shot dead a protester during a demonstration against fuel prices.", P,
     "Excessive force against protesters"),
    ("Security forces killed 12 people when they opened fire on a crowd of demonstrators.", P,
     "Excessive force against protesters"),
    ("Police prevented opposition supporters from holding a rally in the capital.", P, "Protest with intervention"),
    ("Police broke up a sit-in by teachers and arrested their leaders.", P, "Protest with intervention"),
]
# protests told over two sentences: the toll of the second says how the protest was met (ACLED: deaths from
# force used on a peaceful protest make it excessive force)
CASES_12: list[tuple[str, str, str]] = [
    ("Police used tear gas to disperse hundreds of protesters in the capital on Friday. Two demonstrators died "
     "of their wounds in hospital.", P, "Excessive force against protesters"),
    ("Security forces broke up a sit-in outside the ministry on Monday. At least four people were killed, "
     "medics said.", P, "Excessive force against protesters"),
    ("Thousands of people rallied in the city centre against the new law. Three protesters were shot dead by "
     "police.", P, "Excessive force against protesters"),
    ("Police arrested dozens of students who marched on parliament on Tuesday. Nobody was hurt.", P,
     "Protest with intervention"),
    ("Hundreds of farmers protested outside the governor's office on Monday. The protest ended peacefully.", P,
     "Peaceful protest"),
]
# excessive force in other words: the force used is the news, whatever word names the violence
CASES_13: list[tuple[str, str, str]] = [
    ("Police violence against peaceful demonstrators left dozens of people injured in the capital.", P,
     "Excessive force against protesters"),
    ("The crackdown on the protests has killed at least 40 people since Friday.", P,
     "Excessive force against protesters"),
    ("Security forces killed three protesters in the southern city on Sunday, witnesses said.", P,
     "Excessive force against protesters"),
    ("Soldiers gunned down a teenager taking part in an anti-government march.", P,
     "Excessive force against protesters"),
    ("A student was killed when police fired on a crowd demonstrating against fuel prices.", P,
     "Excessive force against protesters"),
    ("Police brutally beat women taking part in a peaceful march, sending 12 to hospital.", P,
     "Excessive force against protesters"),
    ("Troops opened fire to disperse a protest in the town, wounding at least nine people.", P,
     "Excessive force against protesters"),
    ("Riot police used batons and tear gas against protesters, leaving scores seriously injured.", P,
     "Excessive force against protesters"),
    ("The security forces' deadly crackdown on demonstrators drew international condemnation.", P,
     "Excessive force against protesters"),
    ("Snipers fired at demonstrators from rooftops, killing five.", P, "Excessive force against protesters"),
]
# road blocks with barricades or burning tyres are destructive (ACLED: violent demonstration); a march that
# only fills a road is not
CASES_14: list[tuple[str, str, str]] = [
    ("Protesters blocked roads with burning tyres and barricades in several towns on Monday.", R,
     "Violent demonstration"),
    ("Youths erected barricades on the main road to protest against power cuts.", R, "Violent demonstration"),
    ("Demonstrators barricaded the highway with rocks and tree trunks, cutting off the port.", R,
     "Violent demonstration"),
    ("Angry residents burned tyres on the streets to protest against the killing of a trader.", R,
     "Violent demonstration"),
    ("Hundreds of people marched along the main road to the town hall to demand clean water.", P,
     "Peaceful protest"),
]

#: Round eleven, written after round ten and before its fixes (the check part's per-class figures and its
#: abstentions counted by cause, never its texts, chose the causes): CASES_15 territory, people and weapons
#: taken (11 of 14 passed before), CASES_16 crimes, talks and accidents in the act's own words (9/16), CASES_17
#: diplomacy in other words (8/10, 9 after), CASES_18 states named by country (1/4; the fix, a country or people
#: named as evidence of diplomacy, lowered both parts, CASE tune 0.8542 -> 0.8473 and check 0.7610 -> 0.7586,
#: and was reverted), CASES_19 events whose own words suffice (8/15), CASES_20 arrests ahead of a protest
#: (2/4), CASES_21 what the protesters themselves block is no intervention (1/5). 40 of 68 before, 60 after;
#: the eight still failing are in CASES_11_OPEN.
CASES_15: list[tuple[str, str, str]] = [
    ("Security forces seized a large cache of weapons and ammunition in the village.", S, "Disrupted weapons use"),
    ("Hezbollah fighters and Syrian troops recaptured the hilltop from the rebels.", B, "Government regains territory"),
    ("Pro-government forces took control of the airport after heavy fighting.", B, "Government regains territory"),
    ("Kurdish-led fighters captured the town from Islamic State militants.", B, "Non-state actor overtakes territory"),
    ("The army advanced towards the city centre, capturing several neighbourhoods.", B,
     "Government regains territory"),
    ("Government troops regained control of the border crossing on Tuesday.", B, "Government regains territory"),
    ("The rebels took over the police station in the town without a shot being fired.", S,
     "Non-violent transfer of territory"),
    ("Militants seized control of the main road linking the two cities.", B, "Non-state actor overtakes territory"),
    ("Police seized 20 kilograms of heroin at the airport.", "Organized crime", "Organized crime"),
    ("Soldiers repelled an attack on their base by dozens of insurgents.", B, "Armed clash"),
    ("The militants' assault on the town was repulsed by the army after hours of fighting.", B, "Armed clash"),
    ("The army entered the town after the rebels met no resistance and withdrew.", S,
     "Non-violent transfer of territory"),
    ("Government forces entered the city without meeting any resistance.", S, "Non-violent transfer of territory"),
]
# crimes, diplomacy, accidents and blame told without police, weapons or states named: the words of the act
# are enough (the codebook's "Organized crime", "Diplomatic event", "Man-made disaster", attribution)
CASES_16: list[tuple[str, str, str]] = [
    ("A drug trafficking ring smuggled tonnes of cocaine into Europe through the port.", "Organized crime",
     "Organized crime"),
    ("Fraudsters stole millions from pensioners in an online scam.", "Organized crime", "Organized crime"),
    ("The gang laundered money through a network of shell companies.", "Organized crime", "Organized crime"),
    ("Human traffickers smuggled hundreds of migrants across the border in trucks.", "Organized crime",
     "Organized crime"),
    ("Cattle rustlers made off with 300 cows from the village.", "Organized crime", "Organized crime"),
    ("Poachers killed three rhinos in the national park.", "Organized crime", "Organized crime"),
    ("Thieves broke into the bank vault and escaped with gold.", "Organized crime", "Organized crime"),
    ("The two leaders held talks in Geneva on the nuclear programme.", "Diplomatic event", "Diplomatic event"),
    ("The prime minister met the visiting French president in the capital.", "Diplomatic event",
     "Diplomatic event"),
    ("The UN envoy held talks with both sides in Geneva.", "Diplomatic event", "Diplomatic event"),
    ("The foreign ministers of the two nations discussed the crisis by phone.", "Diplomatic event",
     "Diplomatic event"),
    ("A tanker truck overturned and exploded on the highway, killing 12 people.", "Man-made disaster",
     "Man-made disaster"),
    ("Dozens of workers were trapped after a tunnel caved in at the construction site.", "Man-made disaster",
     "Man-made disaster"),
    ("A mine collapse killed 15 miners.", "Man-made disaster", "Man-made disaster"),
    ("Authorities blamed the explosion on separatists.", "Attribution of responsibility",
     "Attribution of responsibility"),
    ("Investigators said the militant group was behind the bombing.", "Attribution of responsibility",
     "Attribution of responsibility"),
]
# diplomacy in other words: visits, envoys, formal protests between states, sanctions, condemnations
CASES_17: list[tuple[str, str, str]] = [
    ("The president received the credentials of the new ambassador on Monday.", "Diplomatic event",
     "Diplomatic event"),
    ("Washington expelled two Russian diplomats over the spy case.", "Diplomatic event", "Diplomatic event"),
    ("Beijing lodged a formal protest with Tokyo over the island dispute.", "Diplomatic event", "Diplomatic event"),
    ("The UN Security Council condemned the attack in a unanimous statement.", "Diplomatic event",
     "Diplomatic event"),
    ("Turkey summoned the Dutch envoy to protest against the treatment of its ministers.", "Diplomatic event",
     "Diplomatic event"),
    ("Moscow recalled its ambassador from Kiev for consultations.", "Diplomatic event", "Diplomatic event"),
    ("The minister paid a two-day visit to Ankara.", "Diplomatic event", "Diplomatic event"),
    ("Washington imposed sanctions on three companies accused of supplying weapons to the regime.",
     "Diplomatic event", "Diplomatic event"),
    ("The foreign ministry issued a statement condemning the strikes on civilians.", "Diplomatic event",
     "Diplomatic event"),
]
# states named by their country or capital are the parties of diplomacy
CASES_18: list[tuple[str, str, str]] = [
    ("Washington and Seoul began negotiations on the cost of keeping troops in the country.", "Diplomatic event",
     "Diplomatic event"),
]
# events whose own words are enough where the sentence names no actor, weapon or place: accidents, blame for
# violence, a bomb going off, a killing by unnamed attackers, a protest broken up
CASES_19: list[tuple[str, str, str]] = [
    ("A fire destroyed dozens of shops at the central market overnight.", "Man-made disaster", "Man-made disaster"),
    ("An ammonia leak at a fertiliser plant forced the evacuation of nearby homes.", "Man-made disaster",
     "Man-made disaster"),
    ("The roof of a school collapsed, injuring 20 pupils.", "Man-made disaster", "Man-made disaster"),
    ("A boat carrying migrants sank off the coast.", "Man-made disaster", "Man-made disaster"),
    ("The army blamed the rebels for the deaths of 12 villagers.", "Attribution of responsibility",
     "Attribution of responsibility"),
    ("Kiev blames Moscow for the downing of the airliner.", "Attribution of responsibility",
     "Attribution of responsibility"),
    ("A bomb went off near a school in the north of the city.", E, "Remote explosive/landmine/IED"),
    ("An explosive device detonated under a parked car outside the courthouse.", E, "Remote explosive/landmine/IED"),
    ("An explosion hit a bus carrying students.", E, "Remote explosive/landmine/IED"),
    ("Assailants stabbed a priest to death inside his church.", V, "Attack"),
    ("A teacher was shot dead by unknown attackers.", V, "Attack"),
    ("Masked men executed three farmers in the village.", V, "Attack"),
    ("Hundreds of marchers were dispersed with water cannon.", P, "Protest with intervention"),
]
# arrests before a protest took place are arrests, not an intervention in it; arrests during one are
CASES_20: list[tuple[str, str, str]] = [
    ("Police detained dozens of opposition activists ahead of a planned rally in the capital.", S, "Arrests"),
    ("Several activists were arrested before the president's rally in the city.", S, "Arrests"),
    ("Authorities rounded up student leaders days before the planned march.", S, "Arrests"),
    ("Police arrested 30 protesters during a sit-in outside parliament.", P, "Protest with intervention"),
]
# what the protesters themselves block, stop or chase is no intervention against them
CASES_21: list[tuple[str, str, str]] = [
    ("Hundreds of protesters blocked the main highway for several hours on Monday.", P, "Peaceful protest"),
    ("Demonstrators stopped traffic on the bridge to demand the release of their leaders.", P, "Peaceful protest"),
    ("Thousands of farmers marched to the capital and blocked the roads leading to parliament.", P,
     "Peaceful protest"),
    ("Police blocked the protesters from marching to the presidential palace.", P, "Protest with intervention"),
]

#: Round twelve, written before its fixes: CASES_22 the riot/force line in other words (5 of 10 passed before, 10
#: after); CASES_23 a claim of or blame for an attack is the sentence's news, the attack what it is about (4 of 7
#: before; a seventh, "No group has claimed responsibility for the bombing" as the bombing, was dropped: it
#: contradicts CASES' "No group has claimed responsibility for the attack." as an attribution). CASE check
#: 0.7610 -> 0.7663 (attribution), tune unchanged.
# riots and force in other words: scuffles, what demonstrators injure or damage themselves (the verb active), an
# eye lost or protesters blinded or hospitalised
CASES_22: list[tuple[str, str, str]] = [
    ("Protesters scuffled with police outside the parliament, and several officers were hurt.", R,
     "Violent demonstration"),
    ("Demonstrators fought running battles with riot police in the city centre.", R, "Violent demonstration"),
    ("Protesters hurled bottles at police, who fired tear gas in response.", R, "Violent demonstration"),
    ("Demonstrators injured three police officers during confrontations in the capital.", R,
     "Violent demonstration"),
    ("Protesters damaged several government vehicles outside the governor's office.", R, "Violent demonstration"),
    ("A protester lost an eye after being hit by a rubber bullet fired by police.", P,
     "Excessive force against protesters"),
    ("Police fired pellet guns at protesters, blinding several of them.", P, "Excessive force against protesters"),
    ("Several protesters were hospitalised after police beat them with batons.", P,
     "Excessive force against protesters"),
    ("Police used tear gas to disperse protesters who had gathered outside the parliament.", P,
     "Protest with intervention"),
    ("Riot police detained dozens of demonstrators and cleared the square.", P, "Protest with intervention"),
]
# a claim of, or blame for, an attack is the sentence's event; the attack is what it is about
CASES_23: list[tuple[str, str, str]] = [
    ("The Islamic State group claimed responsibility for the suicide bombing that killed 20 people at a mosque.",
     "Attribution of responsibility", "Attribution of responsibility"),
    ("Al-Shabaab said it carried out the attack on the hotel, in which 15 people died.",
     "Attribution of responsibility", "Attribution of responsibility"),
    ("The Taliban claimed the attack, which killed six soldiers.", "Attribution of responsibility",
     "Attribution of responsibility"),
    ("A militant group claimed responsibility on Sunday for a car bomb that killed four policemen in the city.",
     "Attribution of responsibility", "Attribution of responsibility"),
    ("The army blamed the rebels for the shelling of the market, which killed 12 people.",
     "Attribution of responsibility", "Attribution of responsibility"),
    ("Officials blamed Boko Haram for the attack on the village.", "Attribution of responsibility",
     "Attribution of responsibility"),
]

#: CASES_24 (round twelve, written before its fix): shelling inside a battle is the battle, interceptions are
#: disrupted weapons, missiles from jets or drones air strikes (7 of 10 before, 9 after; FA-KES check 0.7062 ->
#: 0.7113, CASE unchanged; the one left is in CASES_11_OPEN).
# remote violence against battles and disrupted weapons: intercepted, inside a battle, from the air
CASES_24: list[tuple[str, str, str]] = [
    ("Air defences intercepted two rockets fired from Gaza over the city.", S, "Disrupted weapons use"),
    ("The army said it shot down three missiles launched at the airport.", S, "Disrupted weapons use"),
    ("Israeli jets fired missiles at a weapons depot near Damascus.", E, "Air/drone strike"),
    ("A drone fired a missile at a car in the province, killing two militants.", E, "Air/drone strike"),
    ("Government forces and rebels clashed in the south, with both sides using artillery.", B, "Armed clash"),
    ("Heavy fighting and shelling between the army and insurgents continued around the town.", B, "Armed clash"),
    ("The rebels shelled army positions near the airport.", E, "Shelling/artillery/missile attack"),
    ("Rockets fired by militants hit a residential area, wounding five.", E, "Shelling/artillery/missile attack"),
    ("Mortar rounds landed near the embassy, causing no casualties.", E, "Shelling/artillery/missile attack"),
]

#: CASES_25 (round twelve, written before its fix): property destruction and mob violence in other words (8 of
#: 10 before, 9 after: arsonists). The one left, "Gunmen destroyed a mast" (an actor noun outranks the act), is in
#: CASES_11_OPEN: demoting a trigger that is only another trigger's subject passed it but lowered CASE tune
#: 0.8589 -> 0.8527 with check unchanged, and was reverted.
# property destroyed and crowds that attack, in other words
CASES_25: list[tuple[str, str, str]] = [
    ("Militants blew up a bridge on the main road to the north.", S, "Looting/property destruction"),
    ("Israeli bulldozers demolished three Palestinian homes in the village.", S, "Looting/property destruction"),
    ("Unknown arsonists set a church on fire overnight.", S, "Looting/property destruction"),
    ("Insurgents burned several trucks carrying supplies on the highway.", S, "Looting/property destruction"),
    ("Armed men looted the market and set shops ablaze.", S, "Looting/property destruction"),
    ("An angry mob lynched a man suspected of theft.", R, "Mob violence"),
    ("Villagers beat two suspected kidnappers to death.", R, "Mob violence"),
    ("A crowd attacked a police station after a suspect died in custody.", R, "Mob violence"),
    ("Residents torched the house of a man accused of killing a child.", R, "Mob violence"),
]

#: Round thirteen (issue 13, written before its fixes, from the codebook's definitions; chosen on the tuning part
#: and the codebook only, the check part read once per change as its macro-F1): CASES_26 territory taken, held or
#: handed over in other words ("established control over", "advanced into", "handed the town over", "met no
#: resistance"; 6 of 12 passed before), CASES_27 protests in other words (booing strikers, a walk off the job,
#: a sit-in; 6 of 8 before), CASES_28 the main clause's event over one told as what came before it ("undeterred
#: by", "a day after"; 2 of 6 before). 14 of 26 before, 22 after; the four still failing are in CASES_13_OPEN. A
#: fifth rule written in the same round (a withdrawal no one is said to take over is a change to the group's
#: activity, not a transfer: 4 of 7 sentences before, 7 after; CASE tune 0.8611 -> 0.8629) lowered the check part's
#: macro-F1 0.7663 -> 0.7415 and was reverted, with its sentences; a default event for reports of armed actors
#: where no trigger had enough evidence raised BBC non-conflict violent events to 5.0 per 100 and was reverted.
G, N, T = "Government regains territory", "Non-state actor overtakes territory", "Non-violent transfer of territory"
CASES_26: list[tuple[str, str, str]] = [
    ("The army regained the district on Sunday once the rebels had abandoned their positions.", B, G),
    ("The army declared victory after establishing control over the entire valley.", B, G),
    ("Troops are now in full control of the town, the military said.", B, G),
    ("Insurgents advanced into the district on Friday, raising their flag over the main square.", B, N),
    ("Insurgent units pushed into the farmland and seized a string of hamlets held by a rival faction.", B, N),
    ("Jihadists gained full control of the border town after a week-long offensive.", B, N),
    ("Under the deal, the rebels handed the town over to government forces.", S, T),
    ("The handover of the three districts to Azerbaijan was completed on Sunday.", S, T),
    ("Turkish-backed fighters entered the city unopposed after Kurdish forces pulled out.", S, T),
    ("The army pushed the militants out of the village after a day of fighting.", B, G),
    # the capture told as how a win was won: its actor is the winner ("scored a win by capturing")
    ("The army secured a major gain by seizing the ridge.", B, G),
    ("The troops scored a decisive win by capturing the last rebel-held valley.", B, G),
]
CASES_27: list[tuple[str, str, str]] = [
    ("Opposition supporters staged a sit-in outside the electoral commission on Monday.", P, "Peaceful protest"),
    ("Thousands took to the streets of the capital to denounce the election result.", P, "Peaceful protest"),
    ("Nurses walked off the job across the country to demand better pay.", P, "Peaceful protest"),
    ("Hundreds of mourners chanted slogans against the government during the funeral.", P, "Peaceful protest"),
    ("Summit protests turned violent as demonstrators smashed shop windows and set cars alight.", R,
     "Violent demonstration"),
    ("The march descended into violence when protesters hurled rocks at shops.", R, "Violent demonstration"),
    ("Students staged a walkout and rallied in front of the education ministry.", P, "Peaceful protest"),
    ("Striking dock workers jeered the minister outside the port offices.", P, "Peaceful protest"),
]
CASES_28: list[tuple[str, str, str]] = [
    ("Thousands marched in the capital on Saturday, a day after police shot dead three demonstrators.", P,
     "Peaceful protest"),
    ("Hundreds of workers rallied outside the factory, a week after a bomb exploded near its gate.", P,
     "Peaceful protest"),
    ("Crowds marched through the capital on Saturday, undeterred by police shooting three demonstrators days "
     "earlier.", P, "Peaceful protest"),
    ("Protesters returned to the square on Friday, undeterred by the tear gas fired at them the night before.", P,
     "Peaceful protest"),
    ("Government troops recaptured the town on Monday, a month after rebels overran it.", B, G),
    ("The two sides signed a ceasefire on Friday, days after heavy fighting killed dozens of soldiers.", S,
     "Agreement"),
    ("Police arrested five suspects on Tuesday, two weeks after a car bomb killed 12 people in the city.", S,
     "Arrests"),
]

#: Round eleven's sentences still failing: talks with an armed group (armed actors as evidence of diplomacy passed
#: it and made "the world condemns" an event in the hand audit: reverted), a commander captured is arrested (no
#: rule reads the captured as people without a name), diplomacy between states named only by country (reverted,
#: above), an accusation of using chemical weapons (the weapon is the main event), a protest broken up named by
#: no crowd word, workers who prevent managers from entering (a strike's word too weak alone).
CASES_11_OPEN: list[tuple[str, str, str]] = [
    ("The EU foreign policy chief visited Kabul for talks with the Taliban.", "Diplomatic event", "Diplomatic event"),
    ("Troops captured a senior militant commander during a raid on his hideout.", S, "Arrests"),
    ("Iran and Saudi Arabia held talks in Baghdad on Friday.", "Diplomatic event", "Diplomatic event"),
    ("Qatar mediated talks between the two sides in Doha.", "Diplomatic event", "Diplomatic event"),
    ("Moscow and Ankara agreed to hold talks next week to ease tensions.", "Diplomatic event", "Diplomatic event"),
    ("The opposition accused government forces of using chemical weapons against civilians.",
     "Attribution of responsibility", "Attribution of responsibility"),
    ("The demonstration was broken up and dozens of participants were detained.", P, "Protest with intervention"),
    ("Striking workers prevented managers from entering the factory.", P, "Peaceful protest"),
    # round twelve: "fire" in "set to fire at the base" is read as a blaze; the gunmen outrank the destruction
    ("Gunmen destroyed a telecommunications mast in the district.", S, "Looting/property destruction"),
    ("Security forces dismantled a rocket launcher set to fire at the base.", S, "Disrupted weapons use"),
]


#: Round thirteen, continued (written before their rows): CASES_29 mass graves found are ACLED's Other (0 of 4
#: before), CASES_30 weapons seized, recovered or stockpiled are disrupted weapons use whatever the weapon (3 of 5
#: before); 9 of 9 after. CASE tune 0.8611 -> 0.8636, check 0.7663 -> 0.7668.
CASES_29: list[tuple[str, str, str]] = [
    ("Investigators uncovered a mass grave containing dozens of bodies outside the town.", S, "Other"),
    ("Mass graves holding the remains of hundreds of soldiers were found near the city.", S, "Other"),
    ("Forensic teams began exhuming bodies from a mass grave in the village on Monday.", S, "Other"),
    ("Local officials said a mass grave with at least 40 bodies had been discovered near the former front line.", S,
     "Other"),
]
CASES_30: list[tuple[str, str, str]] = [
    ("Police seized eight rifles and 300 live rounds during a raid on a house in the city.", S,
     "Disrupted weapons use"),
    ("Soldiers recovered a cache of live ammunition and two grenades from a hideout.", S, "Disrupted weapons use"),
    ("Customs officers confiscated 2,000 bullets hidden in a truck at the border.", S, "Disrupted weapons use"),
    ("Troops found a stockpile of mortar shells and rockets in an abandoned farmhouse.", S, "Disrupted weapons use"),
    ("Bomb disposal experts said the parcels contained small improvised explosive devices.", S,
     "Disrupted weapons use"),
]


#: CASES_31 (round thirteen, written before its rows): violence among criminal groups is organised crime whatever
#: the weapon (1 of 5 before). The rule written for it (rival gangs, cartels or mafias in the sentence re-type a
#: grenade, a bomb, a clash or an attack) broke two earlier codebook sentences of tests/test_events_general.py
#: ("Cartel gunmen fought a pitched battle with soldiers" is a battle, gang members who shoot a shopkeeper attack
#: a civilian) and moved neither CASE part: reverted; the four it fixed are in CASES_13_OPEN.
CASES_31: list[tuple[str, str, str]] = [
    ("Two cartel gunmen were killed in a shootout with members of a rival gang.", "Organized crime",
     "Organized crime"),
]


#: CASES_32 (round thirteen, written before its rows): an attempt to take a place that the sentence reports as an
#: attempt ("tried to seize", "failed to capture", "in a bid to recapture") is fighting, not a capture (0 of 6
#: before, 4 after; CASE tune and check unchanged; the two left are in CASES_13_OPEN).
CASES_32: list[tuple[str, str, str]] = [
    ("Militants launched an assault to capture the town but were repelled by the army.", B, "Armed clash"),
    ("Rebels tried to seize the airport, but government forces beat back the attack.", B, "Armed clash"),
    ("Insurgents failed to capture the base after a night of fighting.", B, "Armed clash"),
    ("Government troops attacked in a bid to recapture the district, sparking heavy clashes.", B, "Armed clash"),
]


#: Round thirteen's sentences still failing: a place named after a long phrase ("all of the southern
#: farmland from the river to the hills"), "met no resistance" read as negated, a gathering
#: whose only protest word is in what came before it; an attempt told by a noun ("the army's attempt to retake",
#: "an offensive intended to take over") is read as a plan and listed as no event at all.
CASES_13_OPEN: list[tuple[str, str, str]] = [
    ("A grenade thrown during a feud between rival drug gangs killed two men in the port city.", "Organized crime",
     "Organized crime"),
    ("Police said the car bomb was planted by a mafia clan fighting for control of the local cocaine trade.",
     "Organized crime", "Organized crime"),
    ("The explosion was caused by a dispute between members of a human-trafficking ring, police said.",
     "Organized crime", "Organized crime"),
    ("Gang members opened fire on a rival gang's hideout, killing three.", "Organized crime", "Organized crime"),
    ("The army's attempt to retake the hill was repulsed by insurgents.", B, "Armed clash"),
    ("A jihadist offensive intended to take over the checkpoint collapsed under fire from the garrison.", B,
     "Armed clash"),
    ("By securing all of the southern farmland from the river to the hills, loyalist troops won a decisive "
     "battle.", B, G),
    ("The fighters entered the town before dawn and met no resistance.", S, T),
    ("Undeterred by the deaths of two marchers the day before, huge crowds assembled in several cities on "
     "Sunday.", P, "Peaceful protest"),
]


#: Still failing after the fixes: a state ("now control the town") is no event word of the lexicon, and the
#: parser makes "crowd" the root of "A crowd set upon a man ... and burned his shop" (no subject for the verbs).
CASES_10_OPEN: list[tuple[str, str, str]] = [
    ("Islamist militants now control the town after heavy fighting with the army.", B,
     "Non-state actor overtakes territory"),
    ("A crowd set upon a man accused of blasphemy and burned his shop.", R, "Mob violence"),
]


def _analyze(analyzer, text: str) -> Analysis:
    analysis = analyzer.analyze_article(prepare(text))
    assert_spans_exact(analysis)
    return analysis


def _main(analyzer, text: str) -> Event:
    analysis = _analyze(analyzer, text)
    assert analysis.events, f"no event in: {text}"
    return analysis.events[0]


@pytest.mark.parametrize(("text", "type_", "subtype"), CASES_10 + CASES_11 + CASES_12 + CASES_13 + CASES_14 + CASES_15
                         + CASES_16 + CASES_17 + CASES_18 + CASES_19 + CASES_20 + CASES_21 + CASES_22
                         + CASES_23 + CASES_24 + CASES_25 + CASES_26 + CASES_27 + CASES_28
                         + CASES_29 + CASES_30 + CASES_31 + CASES_32)
def test_codebook_sentence_main_event(analyzer, text: str, type_: str, subtype: str) -> None:
    event = _main(analyzer, text)
    assert (event.type, event.subtype) == (type_, subtype), f"{event.text!r} -> {event.subtype}"


@pytest.mark.parametrize(("text", "type_", "subtype"), CASES_10_OPEN + CASES_11_OPEN + CASES_13_OPEN)
@pytest.mark.xfail(strict=True, reason="open: see CASES_10_OPEN, CASES_11_OPEN, CASES_13_OPEN")
def test_codebook_sentence_main_event_open(analyzer, text: str, type_: str, subtype: str) -> None:
    event = _main(analyzer, text)
    assert (event.type, event.subtype) == (type_, subtype), f"{event.text!r} -> {event.subtype}"


#: The first report of an incident is a mention of it even where its clause is not factual: a toll expected to
#: rise "in" a blast, or injuries "from" it, take the blast as given (the headline of a report the linking work
#: saw missed while the body's later mentions were found).
PRESUPPOSED = [
    "Casualties expected to increase in suicide blast near border town\n\nAt least 31 people died when a suicide "
    "attacker detonated his vest at a police post outside the town of Sinjar on Monday, local officials said.",
    "Death toll likely to rise after suicide bombing at market\n\nA suicide bomber killed 20 people at a crowded "
    "market in the northern town on Tuesday, officials said.",
]


@pytest.mark.parametrize("text", PRESUPPOSED)
def test_first_mention_of_an_incident_in_a_non_factual_headline(analyzer, text: str) -> None:
    analysis = _analyze(analyzer, text)
    headline_end = text.index("\n")
    suicide = [e for e in analysis.events if e.subtype == "Suicide bomb"]
    assert len(suicide) == 1, [(e.subtype, e.text) for e in analysis.events]
    assert any(s < headline_end for s, _ in [suicide[0].span, *suicide[0].mentions])


#: ordinary text the rows of round thirteen must not read as events (review after the round): booing by fans or an
#: audience is no protest (only protesters or strikers booing, as subject or "by" agent), a grave of old dead
#: gives no victim of its own and one exhumed body is an inquiry, and bodies recovered after shelling are no
#: weapons seized (what is seized or recovered must be a weapon)
NOT_THESE: list[tuple[str, str]] = [
    ("Hundreds of fans booed the referee at the final whistle.", "Peaceful protest"),
    ("The audience jeered the comedian off the stage on Saturday night.", "Peaceful protest"),
    ("Archaeologists found a mass grave of plague victims dating from the 14th century.", "Other"),
    ("Police exhumed the body of a woman who died in 1990 after new evidence emerged.", "Other"),
    ("Rebels shelled the town overnight; rescuers recovered 12 bodies from the rubble.", "Disrupted weapons use"),
    ("Rebels shelled the district overnight, and rescuers recovered the bodies of five residents.",
     "Disrupted weapons use"),
]
STILL_THESE: list[tuple[str, str]] = [
    ("Hundreds of protesters booed the governor as his convoy passed.", "Peaceful protest"),
    ("The minister was booed by protesters outside parliament.", "Peaceful protest"),
    ("Striking nurses jeered the health minister outside the hospital.", "Peaceful protest"),
    ("Troops exhumed the remains of 30 villagers from a pit near the front line.", "Other"),
    ("Soldiers recovered rifles and grenades from an abandoned rebel hideout.", "Disrupted weapons use"),
    ("Rebels shelled the town overnight; rescuers recovered 12 bodies from the rubble.",
     "Shelling/artillery/missile attack"),
]


@pytest.mark.parametrize(("text", "subtype"), NOT_THESE)
def test_ordinary_text_is_not_read_as_the_subtype(analyzer, text: str, subtype: str) -> None:
    assert subtype not in [e.subtype for e in _analyze(analyzer, text).events]


@pytest.mark.parametrize(("text", "subtype"), STILL_THESE)
def test_the_subtype_still_read_from_its_own_doers_and_objects(analyzer, text: str, subtype: str) -> None:
    assert _main(analyzer, text).subtype == subtype


def test_plans_and_threats_stay_no_events(analyzer) -> None:
    """What a presupposing preposition does not cover: an attack threatened or planned is still no event."""
    for text in ("Rebels threatened to launch attacks from the hills overlooking the town.",
                 "The group vowed to carry out suicide bombings during the holiday."):
        assert not _analyze(analyzer, text).events, text
