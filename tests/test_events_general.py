"""Events generalise: sentences written from the ACLED codebook definitions (shared/ACLED-TYPES.md), not
from any benchmark snippet, in the many ways news phrases each kind of event: active and passive verbs,
nominalisations ("a suicide bombing"), headline style, and casualties put in different words ("left 12
dead", "claimed the lives of", "at least 5 were wounded", "3 soldiers and 2 civilians"). They measure
whether the trigger and context files carry the codebook's distinctions rather than one corpus' wording.

Read its pass rate with care: these sentences were written and the trigger/context data tuned round by
round until they passed, so passing them shows the data covers these sentences, not that it generalises.
The honest figures are each round's first pass over sentences not yet tuned against (77-89%), and the
held-out benchmark halves in BENCHMARKS.md. The core rules (casualty counts and groups, main event,
actors) are tested on their own in tests/test_events.py, and the mutation score of the casualty rules
(bench/mutation.py) is measured without this file.
"""

from __future__ import annotations

import pytest
from conftest import assert_spans_exact

from claimgraph.contract import Analysis, Event
from claimgraph.ingest import prepare
from claimgraph.nlp.events.lexicon import lexicon

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

AT, DI, MM, ND, OC, RE, DP = (
    "Attribution of responsibility", "Diplomatic event", "Man-made disaster", "Natural disaster",
    "Organized crime", "Recruitment", "Displacement",
)
#: A second set, written after the first round of fixes and before the second, to measure generalisation
#: honestly (the first round was fitted to CASES; this one was not when it was written).
CASES_2: list[tuple[str, str, str]] = [
    # Armed clash
    ("Government troops and separatist fighters traded fire across the front line on Thursday, "
     "the defence ministry said.",
     B, "Armed clash"),
    ("Two soldiers died in an exchange of fire with smugglers near the frontier.", B, "Armed clash"),
    ("Pro-government militiamen battled Islamist insurgents for control of the highway.", B, "Armed clash"),
    ("Police said officers came under fire from gunmen while raiding a militant hideout and returned fire.",
     B, "Armed clash"),
    ("Deadly clashes between rival armed factions left nine combatants dead.", B, "Armed clash"),
    # GRT
    ("After weeks of fighting, the army announced it had regained full control of the port city from the rebels.",
     B, "Government regains territory"),
    ("Iraqi forces wrested the town back from Islamic State militants.", B, "Government regains territory"),
    ("Troops have recaptured the last rebel stronghold in the province, state television reported.",
     B, "Government regains territory"),
    ("Soldiers reclaim key town from insurgents", B, "Government regains territory"),
    # NSAOT
    ("Separatist rebels have taken over the regional capital after government forces abandoned their "
     "positions under fire.",
     B, "Non-state actor overtakes territory"),
    ("Al-Shabaab fighters overran a military base in the south, the group said.",
     B, "Non-state actor overtakes territory"),
    ("The village fell into the hands of the militants after a day of heavy fighting.",
     B, "Non-state actor overtakes territory"),
    ("Insurgents seize army outpost in northern province", B, "Non-state actor overtakes territory"),
    # Peaceful protest
    ("Hundreds of nurses demonstrated outside the health ministry, demanding better working conditions.",
     P, "Peaceful protest"),
    ("Residents blocked a highway for several hours to protest against frequent power cuts.", P, "Peaceful protest"),
    ("Supporters of the jailed leader held a candlelight vigil outside the prison.", P, "Peaceful protest"),
    ("Taxi drivers staged a strike to protest against rising fuel prices.", P, "Peaceful protest"),
    ("Women march in capital to demand justice for victims", P, "Peaceful protest"),
    # Protest with intervention
    ("Police arrested 30 demonstrators who had gathered without a permit in the city centre.",
     P, "Protest with intervention"),
    ("Officers used pepper spray and batons to disperse a crowd of protesting students.",
     P, "Protest with intervention"),
    ("Police break up opposition rally, detain organisers", P, "Protest with intervention"),
    ("A rally by opposition supporters was broken up by police using tear gas.", P, "Protest with intervention"),
    # Excessive force
    ("Security forces killed at least 12 protesters when they opened fire on a march in the capital.",
     P, "Excessive force against protesters"),
    ("A student died after being shot by police during a demonstration against the government.",
     P, "Excessive force against protesters"),
    ("Soldiers fired live bullets into a crowd of demonstrators, witnesses said.",
     P, "Excessive force against protesters"),
    ("Two protesters were shot dead as troops cracked down on the rally.", P, "Excessive force against protesters"),
    # Violent demonstration
    ("Demonstrators hurled petrol bombs at police and set a bank on fire.", R, "Violent demonstration"),
    ("Protesters clashed with police and burned tyres in several neighbourhoods.", R, "Violent demonstration"),
    ("Rioting broke out after the football match, with fans smashing windows and overturning cars.",
     R, "Violent demonstration"),
    ("Angry protesters attacked the governor's office and vandalised vehicles.", R, "Violent demonstration"),
    # Mob violence
    ("A crowd of villagers beat to death a man suspected of witchcraft.", R, "Mob violence"),
    ("A mob attacked a mosque and burned copies of the Koran.", R, "Mob violence"),
    ("Vigilantes killed two suspected thieves in the market, police said.", R, "Mob violence"),
    ("Mob lynches man accused of blasphemy", R, "Mob violence"),
    # Air strike
    ("Israeli jets struck targets in the Gaza Strip overnight, the army said.", E, "Air/drone strike"),
    ("An unmanned aerial vehicle fired a missile at a car, killing its two occupants.", E, "Air/drone strike"),
    ("Russian bombers targeted rebel-held towns in the province.", E, "Air/drone strike"),
    ("Saudi-led coalition air raids killed 14 civilians in the capital.", E, "Air/drone strike"),
    ("Warplanes bomb hospital in rebel-held area", E, "Air/drone strike"),
    # Shelling
    ("Separatists fired Grad rockets at the port city, wounding eight civilians.",
     E, "Shelling/artillery/missile attack"),
    ("Government artillery pounded opposition-held neighbourhoods for the third day.",
     E, "Shelling/artillery/missile attack"),
    ("A mortar shell slammed into a crowded market, killing five shoppers.", E, "Shelling/artillery/missile attack"),
    ("Heavy shelling of the village left several houses destroyed and three people dead.",
     E, "Shelling/artillery/missile attack"),
    ("Missile strike hits apartment block in eastern city", E, "Shelling/artillery/missile attack"),
    # IED
    ("An explosive device hidden in a motorcycle went off near a police station, wounding four officers.",
     E, "Remote explosive/landmine/IED"),
    ("A land mine blew up a truck carrying farm workers, killing three of them.", E, "Remote explosive/landmine/IED"),
    ("Three soldiers were killed when their vehicle hit an IED.", E, "Remote explosive/landmine/IED"),
    ("A bomb ripped through a crowded bus, killing at least 11 passengers.", E, "Remote explosive/landmine/IED"),
    ("Roadside blast kills four policemen", E, "Remote explosive/landmine/IED"),
    # Suicide
    ("A suicide attacker rammed an explosives-laden truck into the gates of the army base.", E, "Suicide bomb"),
    ("At least 40 people were killed when a suicide bomber struck a funeral.", E, "Suicide bomb"),
    ("A teenager wearing a suicide vest detonated it among worshippers.", E, "Suicide bomb"),
    ("Suicide bomber kills 12 at army recruitment centre", E, "Suicide bomb"),
    # Grenade
    ("Assailants tossed a grenade into a bar, injuring 15 people.", E, "Grenade"),
    ("A hand grenade thrown at a rally wounded the candidate and four supporters.", E, "Grenade"),
    ("Grenade attack on church injures worshippers", E, "Grenade"),
    # Chemical
    ("Medics treated dozens of people for exposure to chlorine after the bombing of the district.",
     E, "Chemical weapon"),
    ("Investigators found that a nerve agent was used in the attack on the town.", E, "Chemical weapon"),
    ("Chemical attack kills dozens in besieged town", E, "Chemical weapon"),
    # Attack
    ("Unidentified gunmen killed a local councillor in front of his house on Friday.", V, "Attack"),
    ("Armed men on motorcycles raided the village, killing 23 villagers and burning homes.", V, "Attack"),
    ("The journalist was stabbed to death by unknown assailants.", V, "Attack"),
    ("Militiamen executed four men accused of collaborating with the army.", V, "Attack"),
    ("Gunmen massacre 30 farmers in central region", V, "Attack"),
    # Abduction
    ("Unknown gunmen abducted a priest from his parish on Sunday.", V, "Abduction/forced disappearance"),
    ("Pirates took the crew of a fishing vessel hostage.", V, "Abduction/forced disappearance"),
    ("Relatives say the student has been missing since security agents took him away in March.",
     V, "Abduction/forced disappearance"),
    ("Kidnappers seize 12 travellers on highway", V, "Abduction/forced disappearance"),
    # Sexual
    ("A girl was raped by two soldiers at a checkpoint, her family said.", V, "Sexual violence"),
    ("Fighters subjected women in the camp to sexual abuse.", V, "Sexual violence"),
    ("UN report documents widespread sexual violence by militias", V, "Sexual violence"),
    # Agreement
    ("The government and the armed group reached a deal to end hostilities.", S, "Agreement"),
    ("Both sides freed dozens of captives in a swap mediated by the Red Cross.", S, "Agreement"),
    ("Rival factions agree to truce after days of fighting", S, "Agreement"),
    ("The rebels signed a peace agreement with the government in the capital.", S, "Agreement"),
    # Arrests
    ("Police detained three suspects in connection with the bombing.", S, "Arrests"),
    ("The opposition leader was arrested at his home in the early hours.", S, "Arrests"),
    ("Security services apprehended a suspected militant commander.", S, "Arrests"),
    ("Dozens held in police raids on opposition offices", S, "Arrests"),
    # Change to group
    ("Several armed factions announced they had merged to form a new coalition.", S, "Change to group/activity"),
    ("The group appointed a new commander following the death of its leader.", S, "Change to group/activity"),
    ("Hundreds of fighters defected from the rebel army to the government side.", S, "Change to group/activity"),
    # Disrupted weapons
    ("Soldiers found and destroyed a cache of explosives in a cave.", S, "Disrupted weapons use"),
    ("Air defence systems shot down a ballistic missile over the city.", S, "Disrupted weapons use"),
    ("Police defused a bomb planted outside a school.", S, "Disrupted weapons use"),
    ("Iron Dome intercepts rockets fired from Gaza", S, "Disrupted weapons use"),
    # HQ
    ("The insurgents established a base in the forest.", S, "Headquarters or base established"),
    ("The militia set up checkpoints and a command post on the main road.", S, "Headquarters or base established"),
    # Looting
    ("Armed men looted the hospital's pharmacy and took its ambulances.", S, "Looting/property destruction"),
    ("Fighters blew up a bridge connecting the two towns.", S, "Looting/property destruction"),
    ("Soldiers razed hundreds of homes in the area.", S, "Looting/property destruction"),
    ("Gunmen set fire to a school in the village overnight.", S, "Looting/property destruction"),
    # NVTT
    ("Government forces pulled out of the town, leaving it to the rebels.", S, "Non-violent transfer of territory"),
    ("The militants withdrew from the city under a deal brokered by tribal leaders.",
     S, "Non-violent transfer of territory"),
    ("The army handed over the airbase to allied militias.", S, "Non-violent transfer of territory"),
    # Displacement
    ("Tens of thousands of people have been forced from their homes by the fighting.", DP, DP),
    ("Families fled the village on foot as the militants approached.", DP, DP),
    ("Aid agencies said 5,000 people had been uprooted by the violence.", DP, DP),
    ("Residents evacuate town as fighting nears", DP, DP),
    # Recruitment
    ("The rebels forcibly recruited dozens of teenage boys from the village.", RE, RE),
    ("The ministry called up 10,000 reservists.", RE, RE),
    # Org crime
    ("Police dismantled a drug trafficking network and seized 2 tonnes of cocaine.", OC, OC),
    ("Bandits robbed travellers on the highway.", OC, OC),
    ("Gang members shot dead a shopkeeper who refused to pay extortion money.", V, "Attack"),
    # Natural disaster
    ("A 6.4-magnitude quake struck the region, killing at least 20 people.", ND, ND),
    ("Torrential rains caused flooding that destroyed hundreds of homes.", ND, ND),
    ("Typhoon leaves 15 dead in the north", ND, ND),
    # Man-made
    ("Five workers died when a gas pipeline exploded at the plant.", MM, MM),
    ("A minibus plunged into a ravine, killing 12 passengers.", MM, MM),
    ("A blaze at a market destroyed dozens of stalls.", MM, MM),
    ("Boat carrying migrants sinks off coast, 30 missing", MM, MM),
    # Diplomatic
    ("The two presidents met in the capital to discuss border security.", DI, DI),
    ("The ministry summoned the ambassador to protest against the air strikes.", DI, DI),
    ("The EU slapped sanctions on five officials.", DI, DI),
    # Attribution
    ("The militant group took responsibility for the assassination in a statement on its website.", AT, AT),
    ("Officials blamed the Taliban for the bombing, but the group denied involvement.", AT, AT),
    ("The army accused the rebels of carrying out the massacre.", AT, AT),
]

CASUALTIES_2: list[tuple[str, str, str, float]] = [
    ("A mortar shell slammed into a crowded market, killing five shoppers.", "killed", "civilians", 5),
    ("Deadly clashes between rival armed factions left nine combatants dead.", "killed", "combatants", 9),
    ("Saudi-led coalition air raids killed 14 civilians in the capital.", "killed", "civilians", 14),
    ("At least 40 people were killed when a suicide bomber struck a funeral.", "killed", "civilians", 40),
    ("Roadside blast kills four policemen", "killed", "combatants", 4),
    ("Separatists fired Grad rockets at the port city, wounding eight civilians.", "injured", "civilians", 8),
    ("A bomb ripped through a crowded bus, killing at least 11 passengers.", "killed", "civilians", 11),
    ("The attack claimed 17 lives, including those of six children.", "killed", "children", 6),
    ("The air strike killed two fighters and a woman.", "killed", "combatants", 2),
    ("Shelling killed a family of five in their home.", "killed", "civilians", 5),
    ("Four civilians lost their lives in the drone strike.", "killed", "civilians", 4),
    ("The bombing left 9 people dead and 30 injured.", "injured", "civilians", 30),
]

#: A third set, written after the second round of fixes and before the third (58 of 75 passed then; one
#: sentence whose ACLED coding was unclear was dropped).
CASES_3: list[tuple[str, str, str]] = [
    ("Kurdish fighters repelled an attack by Islamic State militants on the outskirts of the city, a spokesman said.",
     B, "Armed clash"),
    ("At least seven soldiers were killed when insurgents attacked an army post in the early hours of Saturday.",
     B, "Armed clash"),
    ("The two armies fought along the disputed border for a second day.", B, "Armed clash"),
    ("Hostilities resumed between the rebels and the army despite the truce.", B, "Armed clash"),
    ("Government forces regained the hilltop after repelling a rebel assault.", B, "Government regains territory"),
    ("Troops backed by tanks pushed the militants out of the eastern districts.", B, "Government regains territory"),
    ("The jihadists captured the town of Palmyra after government troops withdrew under heavy fire.",
     B, "Non-state actor overtakes territory"),
    ("Thousands of people gathered in the central square to call for the resignation of the prime minister.",
     P, "Peaceful protest"),
    ("Lawyers boycotted the courts in protest against the killing of a colleague.", P, "Peaceful protest"),
    ("Activists staged a silent march through the old city to mark the anniversary of the massacre.",
     P, "Peaceful protest"),
    ("Mourners chanted anti-government slogans at the funeral.", P, "Peaceful protest"),
    ("Police fired rubber bullets at a crowd of protesters who refused to leave the square.",
     P, "Protest with intervention"),
    ("Dozens of activists were detained as police cleared a protest camp.", P, "Protest with intervention"),
    ("Troops killed four people when they fired on a crowd protesting against the coup.",
     P, "Excessive force against protesters"),
    ("A protester was shot dead by security forces during a march in the capital.",
     P, "Excessive force against protesters"),
    ("Youths threw stones at passing vehicles and burned tyres during a protest over a police shooting.",
     R, "Violent demonstration"),
    ("Hundreds of rioters attacked shops owned by foreigners.", R, "Violent demonstration"),
    ("Residents set ablaze a police vehicle after a road accident killed a child.", R, "Mob violence"),
    ("A crowd dragged the suspect out of the police station and beat him to death.", R, "Mob violence"),
    ("The jets struck an ammunition depot near the airport.", E, "Air/drone strike"),
    ("Coalition warplanes conducted 12 strikes against militant positions near the city.", E, "Air/drone strike"),
    ("A drone attack killed a commander of the militia on Tuesday.", E, "Air/drone strike"),
    ("The rebels fired dozens of mortar rounds into the government-held district.",
     E, "Shelling/artillery/missile attack"),
    ("Artillery and rocket fire hit residential areas of the city, killing three.",
     E, "Shelling/artillery/missile attack"),
    ("Tank shells struck a school being used as a shelter.", E, "Shelling/artillery/missile attack"),
    ("A bomb attached to a car exploded, killing a judge.", E, "Remote explosive/landmine/IED"),
    ("Twin blasts struck a bus station in the city on Monday.", E, "Remote explosive/landmine/IED"),
    ("A boy was wounded when an unexploded mine he found in a field blew up.", E, "Remote explosive/landmine/IED"),
    ("A suicide bomber on a motorcycle struck a police checkpoint, killing three officers.", E, "Suicide bomb"),
    ("Two female suicide bombers blew themselves up at a crowded mosque.", E, "Suicide bomb"),
    ("A grenade was thrown into a crowd celebrating the election result.", E, "Grenade"),
    ("A rocket-propelled grenade hit the car of the governor.", E, "Shelling/artillery/missile attack"),
    ("A gas attack on the town left scores of people choking.", E, "Chemical weapon"),
    ("Gunmen opened fire on worshippers leaving a church, killing six.", V, "Attack"),
    ("A pro-government militia killed 15 villagers suspected of supporting the rebels.", V, "Attack"),
    ("A human rights activist was shot and killed outside her home.", V, "Attack"),
    ("Fighters tortured and killed two aid workers.", V, "Attack"),
    ("Armed men snatched a foreign engineer from his car.", V, "Abduction/forced disappearance"),
    ("The kidnappers demanded a ransom for the release of the children.", V, "Abduction/forced disappearance"),
    ("Soldiers sexually abused detainees at the prison, a report found.", V, "Sexual violence"),
    ("The government and the rebel group concluded a peace agreement after months of talks.", S, "Agreement"),
    ("The rebels released 20 soldiers in exchange for jailed fighters.", S, "Agreement"),
    ("A ceasefire came into force at noon.", S, "Agreement"),
    ("Police arrested the suspected ringleader of the attack.", S, "Arrests"),
    ("Authorities jailed three opposition activists.", S, "Arrests"),
    ("The security services rounded up scores of suspected militants.", S, "Arrests"),
    ("The rebel alliance split into two rival factions.", S, "Change to group/activity"),
    ("The militia rebranded itself as a political party.", S, "Change to group/activity"),
    ("Bomb experts carried out a controlled explosion of a suspicious package.", S, "Disrupted weapons use"),
    ("Police discovered explosives hidden in a truck at a checkpoint.", S, "Disrupted weapons use"),
    ("The army said it thwarted a suicide attack on a base.", S, "Disrupted weapons use"),
    ("The rebels opened a new headquarters in the town.", S, "Headquarters or base established"),
    ("Militiamen plundered the town's market.", S, "Looting/property destruction"),
    ("Bulldozers demolished dozens of homes in the village.", S, "Looting/property destruction"),
    ("The army handed over security responsibility for the province to the police.",
     S, "Non-violent transfer of territory"),
    ("Rebel fighters evacuated the town under a deal with the government.", S, "Non-violent transfer of territory"),
    ("Some 10,000 people have fled the fighting to neighbouring countries.", DP, DP),
    ("Aid groups said the violence had driven thousands from their homes.", DP, DP),
    ("Entire villages have been emptied as residents escape the violence.", DP, DP),
    ("The rebels are conscripting young men in the areas they control.", RE, RE),
    ("The group has enlisted hundreds of new fighters this year.", RE, RE),
    ("Police busted a cocaine smuggling ring at the port.", OC, OC),
    ("Gunmen robbed a bank in the city centre.", OC, OC),
    ("Flash floods swept through the valley, killing 11 people.", ND, ND),
    ("A strong earthquake jolted the region on Friday.", ND, ND),
    ("Dozens died when a fire gutted a crowded nightclub.", MM, MM),
    ("A train collided with a bus at a level crossing.", MM, MM),
    ("An explosion at a chemical plant killed six workers.", MM, MM),
    ("The foreign minister travelled to Moscow for talks on the crisis.", DI, DI),
    ("The government severed diplomatic ties with its neighbour.", DI, DI),
    ("Washington announced new sanctions against the regime.", DI, DI),
    ("Boko Haram said in a video that it had abducted the schoolgirls.", AT, AT),
    ("The army blamed the rebels for the attack on the convoy.", AT, AT),
    ("No one has yet claimed the bombing.", AT, AT),
]

CASUALTIES_3: list[tuple[str, str, str, float]] = [
    ("Gunmen opened fire on worshippers leaving a church, killing six.", "killed", "civilians", 6),
    ("A pro-government militia killed 15 villagers suspected of supporting the rebels.", "killed", "civilians", 15),
    ("Flash floods swept through the valley, killing 11 people.", "killed", "civilians", 11),
    ("A suicide bomber on a motorcycle struck a police checkpoint, killing three officers.", "killed", "combatants", 3),
    ("An explosion at a chemical plant killed six workers.", "killed", "civilians", 6),
    ("Some 10,000 people have fled the fighting to neighbouring countries.", "displaced", "*", 10000),
    ("The air strike killed at least eight people, most of them women and children.", "killed", "civilians", 8),
    ("Rescuers pulled 14 bodies from the rubble after the air raid.", "killed", "civilians", 14),
    ("Two policemen and a civilian died in the blast.", "killed", "combatants", 2),
    ("The shelling wounded more than 30 people, hospital officials said.", "injured", "civilians", 30),
]

#: A fourth set, written after the third round of fixes and before the fourth (56 of 64 types and 6 of 8
#: casualty figures passed then).
CASES_4: list[tuple[str, str, str]] = [
    ("According to the military, 14 militants and two soldiers died in the gun battle.", B, "Armed clash"),
    ("Rebels and troops have been locked in fierce combat for control of the highway since Monday.", B, "Armed clash"),
    ("Fighting flared again on the northern front, with both sides reporting casualties.", B, "Armed clash"),
    ("Security forces killed five suspected militants in a shootout in the capital.", B, "Armed clash"),
    ("Loyalist forces have retaken the airport, the defence ministry announced.", B, "Government regains territory"),
    ("The army declared the city liberated after driving out the last insurgents.", B, "Government regains territory"),
    ("Militants seized control of several villages after government troops withdrew.",
     B, "Non-state actor overtakes territory"),
    ("The rebels took the provincial capital after a three-day assault.", B, "Non-state actor overtakes territory"),
    ("More than 2,000 people protested peacefully outside the embassy on Saturday.", P, "Peaceful protest"),
    ("Shopkeepers shut their businesses in a strike called by traders' unions.", P, "Peaceful protest"),
    ("Pensioners picketed the finance ministry over delayed payments.", P, "Peaceful protest"),
    ("Police detained dozens of people during an unauthorised rally in the capital.", P, "Protest with intervention"),
    ("Riot police used water cannon against demonstrators trying to reach parliament.", P, "Protest with intervention"),
    ("Security forces used live fire against protesters, killing at least eight.",
     P, "Excessive force against protesters"),
    ("Police killed a demonstrator and wounded several others during protests in the town.",
     P, "Excessive force against protesters"),
    ("Protesters set fire to the ruling party's headquarters.", R, "Violent demonstration"),
    ("Demonstrations turned into riots as youths attacked police with stones.", R, "Violent demonstration"),
    ("Protesters clash with police in capital; dozens injured", R, "Violent demonstration"),
    ("Enraged villagers torched the house of a man accused of murder.", R, "Mob violence"),
    ("A mob stoned a woman to death in the village square.", R, "Mob violence"),
    ("Military aircraft bombed a market, killing at least 20 people, residents said.", E, "Air/drone strike"),
    ("A US drone strike killed three suspected militants in a vehicle.", E, "Air/drone strike"),
    ("Warplanes targeted a convoy of trucks on the highway.", E, "Air/drone strike"),
    ("Shells fell on a residential area, killing two women.", E, "Shelling/artillery/missile attack"),
    ("Rockets were fired at the base but caused no casualties.", E, "Shelling/artillery/missile attack"),
    ("The militia launched rockets at the town from across the river.", E, "Shelling/artillery/missile attack"),
    ("An IED blast killed two soldiers on patrol.", E, "Remote explosive/landmine/IED"),
    ("Explosives planted on a motorcycle detonated near a market.", E, "Remote explosive/landmine/IED"),
    ("A truck bomb devastated a busy street in the capital.", E, "Remote explosive/landmine/IED"),
    ("A suicide bomber driving a car packed with explosives struck a military base.", E, "Suicide bomb"),
    ("The bomber detonated his suicide belt as police approached.", E, "Suicide bomb"),
    ("An attacker hurled a hand grenade into a nightclub.", E, "Grenade"),
    ("Witnesses said a chemical agent was dropped on the village, causing choking and foaming at the mouth.",
     E, "Chemical weapon"),
    ("Gunmen stormed a hotel and killed eight guests.", V, "Attack"),
    ("Militants beheaded a farmer they accused of spying.", V, "Attack"),
    ("A village headman was shot dead by suspected rebels.", V, "Attack"),
    ("Armed men kidnapped two foreign tourists near the border.", V, "Abduction/forced disappearance"),
    ("Dozens of villagers have been abducted by the group this month.", V, "Abduction/forced disappearance"),
    ("Women were raped by soldiers during the operation, rights groups said.", V, "Sexual violence"),
    ("The warring sides signed a ceasefire in the capital.", S, "Agreement"),
    ("The two countries agreed to a prisoner exchange.", S, "Agreement"),
    ("Police arrested four men suspected of involvement in the killing.", S, "Arrests"),
    ("Authorities detained a prominent journalist on charges of spreading false news.", S, "Arrests"),
    ("The two militant groups announced an alliance.", S, "Change to group/activity"),
    ("The rebel group named a new spokesman.", S, "Change to group/activity"),
    ("Soldiers defused three landmines on the road.", S, "Disrupted weapons use"),
    ("Police seized rifles and hand grenades from a house.", S, "Disrupted weapons use"),
    ("The militants set up a new base in the hills.", S, "Headquarters or base established"),
    ("Fighters looted aid supplies from a warehouse.", S, "Looting/property destruction"),
    ("Armed men destroyed a telecommunications tower.", S, "Looting/property destruction"),
    ("Foreign troops handed over the base to the national army.", S, "Non-violent transfer of territory"),
    ("The rebels withdrew from the town in line with the peace deal.", S, "Non-violent transfer of territory"),
    ("Nearly 50,000 people have been displaced by the fighting.", DP, DP),
    ("Villagers fled into the bush after the attack.", DP, DP),
    ("The militia is recruiting fighters in the refugee camps.", RE, RE),
    ("Traffickers were caught smuggling weapons and drugs across the border.", OC, OC),
    ("A powerful storm battered the coast, killing four people.", ND, ND),
    ("A landslide buried a village after days of rain.", ND, ND),
    ("A bus overturned on a mountain road, killing nine.", MM, MM),
    ("A dam burst, flooding several villages.", MM, MM),
    ("The two leaders held talks on the sidelines of the summit.", DI, DI),
    ("The country recalled its ambassador after the incident.", DI, DI),
    ("The Islamic State group claimed the attack through its news agency.", AT, AT),
    ("The government accused the militants of the bombing.", AT, AT),
]

CASUALTIES_4: list[tuple[str, str, str, float]] = [
    ("According to the military, 14 militants and two soldiers died in the gun battle.", "killed", "combatants", 16),
    ("Military aircraft bombed a market, killing at least 20 people, residents said.", "killed", "civilians", 20),
    ("Shells fell on a residential area, killing two women.", "killed", "women", 2),
    ("An IED blast killed two soldiers on patrol.", "killed", "combatants", 2),
    ("Gunmen stormed a hotel and killed eight guests.", "killed", "civilians", 8),
    ("Nearly 50,000 people have been displaced by the fighting.", "displaced", "*", 50000),
    ("A bus overturned on a mountain road, killing nine.", "killed", "civilians", 9),
    ("Security forces used live fire against protesters, killing at least eight.", "killed", "*", 8),
]

#: A fifth set in South Asian and Latin American news English (jawans, dharna, lathicharge, dacoits), written
#: after the fourth round of fixes and before the fifth (46 of 56 types and 5 of 7 figures passed then).
CASES_5: list[tuple[str, str, str]] = [
    ("Two jawans were killed in an encounter with Maoists in the forest area.", B, "Armed clash"),
    ("Militants and security forces exchanged heavy fire in the district, officials said.", B, "Armed clash"),
    ("Paramilitary troops engaged the guerrillas in a fierce battle lasting several hours.", B, "Armed clash"),
    ("Cartel gunmen fought a pitched battle with soldiers in the northern state.", B, "Armed clash"),
    ("The military says it has reasserted control over the town after clashes with rebels.",
     B, "Government regains territory"),
    ("Government soldiers took back the mining town from rebel fighters on Thursday.",
     B, "Government regains territory"),
    ("Fighters of the armed group captured an army post and a nearby village.",
     B, "Non-state actor overtakes territory"),
    ("The militia now holds the town after overrunning government defences.", B, "Non-state actor overtakes territory"),
    ("Members of the teachers' union held a demonstration in front of the district office.", P, "Peaceful protest"),
    ("Villagers staged a dharna demanding a new road.", P, "Peaceful protest"),
    ("Activists formed a human chain to protest against the dam project.", P, "Peaceful protest"),
    ("Hundreds of farmers blocked the national highway in protest at low crop prices.", P, "Peaceful protest"),
    ("Police lathicharged agitating students outside the assembly.", P, "Protest with intervention"),
    ("Several protesters were taken into custody after they tried to march to the minister's residence.",
     P, "Protest with intervention"),
    ("Police lobbed tear gas shells to scatter the crowd of demonstrators.", P, "Protest with intervention"),
    ("Police firing on protesters left three dead.", P, "Excessive force against protesters"),
    ("Security personnel fired at agitators, killing two persons.", P, "Excessive force against protesters"),
    ("The agitators pelted stones at police and damaged public property.", R, "Violent demonstration"),
    ("Protesters vandalised buses and set a police outpost on fire.", R, "Violent demonstration"),
    ("A mob of about 200 people attacked a police station and assaulted officers.", R, "Mob violence"),
    ("Angry locals thrashed two men suspected of child lifting.", R, "Mob violence"),
    ("IAF jets struck terrorist camps across the border.", E, "Air/drone strike"),
    ("A helicopter gunship fired rockets at rebel positions.", E, "Air/drone strike"),
    ("Pakistani troops shelled villages along the Line of Control.", E, "Shelling/artillery/missile attack"),
    ("Several mortars landed near the army camp.", E, "Shelling/artillery/missile attack"),
    ("Maoists triggered a landmine blast, blowing up a police vehicle.", E, "Remote explosive/landmine/IED"),
    ("A pressure cooker bomb went off in the market.", E, "Remote explosive/landmine/IED"),
    ("A suicide bomber rammed an explosives-laden car into a police convoy.", E, "Suicide bomb"),
    ("Terrorists hurled a grenade at a CRPF bunker.", E, "Grenade"),
    ("Unidentified miscreants shot dead a shopkeeper in broad daylight.", V, "Attack"),
    ("Suspected ultras gunned down a village council member.", V, "Attack"),
    ("Militants killed three labourers from another state.", V, "Attack"),
    ("The militants abducted a contractor and his driver.", V, "Abduction/forced disappearance"),
    ("A minor girl was sexually assaulted by a soldier, police said.", V, "Sexual violence"),
    ("The government signed a peace accord with the insurgent group.", S, "Agreement"),
    ("The rebels agreed to lay down their arms under the deal.", S, "Agreement"),
    ("Cops nabbed three youths with illegal arms.", S, "Arrests"),
    ("The accused was arrested and sent to judicial custody.", S, "Arrests"),
    ("The Maoist commander surrendered to police along with his weapons.", S, "Change to group/activity"),
    ("The outfit has announced a new chief after its leader was killed.", S, "Change to group/activity"),
    ("Security forces recovered a huge cache of arms and explosives from a hideout.", S, "Disrupted weapons use"),
    ("Bomb squad defused a live bomb found near the railway station.", S, "Disrupted weapons use"),
    ("The rebels set fire to a government office and a school building.", S, "Looting/property destruction"),
    ("Unidentified persons vandalised a statue in the village.", S, "Looting/property destruction"),
    ("The paramilitary forces vacated the camp and handed it over to the state police.",
     S, "Non-violent transfer of territory"),
    ("More than 3,000 villagers have taken shelter in relief camps.", DP, DP),
    ("Families were evacuated from the border villages due to shelling.", DP, DP),
    ("The outfit has been luring unemployed youths into its ranks.", RE, RE),
    ("Police busted an inter-state gang of vehicle thieves.", OC, OC),
    ("Dacoits looted cash and jewellery from a house.", OC, OC),
    ("Incessant rain triggered floods in several districts.", ND, ND),
    ("Lightning killed 12 people across the state.", ND, ND),
    ("Nine workers were killed in an explosion at a firecracker factory.", MM, MM),
    ("A bridge collapsed, trapping several vehicles.", MM, MM),
    ("The foreign secretaries of the two countries met in New Delhi.", DI, DI),
    ("The outfit claimed responsibility for the ambush in a press release.", AT, AT),
]

CASUALTIES_5: list[tuple[str, str, str, float]] = [
    ("Two jawans were killed in an encounter with Maoists in the forest area.", "killed", "combatants", 2),
    ("Police firing on protesters left three dead.", "killed", "*", 3),
    ("Security personnel fired at agitators, killing two persons.", "killed", "*", 2),
    ("Militants killed three labourers from another state.", "killed", "civilians", 3),
    ("Lightning killed 12 people across the state.", "killed", "civilians", 12),
    ("Nine workers were killed in an explosion at a firecracker factory.", "killed", "civilians", 9),
    ("More than 3,000 villagers have taken shelter in relief camps.", "displaced", "*", 3000),
]

#: Short wire reports with datelines (written after the fifth round; 11 of 12 main events and 10 of 12
#: main-event tolls passed then): the main event comes first, its toll may come in a later sentence, and
#: the dateline city is never an actor. (text, main subtype, (kind, group, figure) or None)
ARTICLES: list[tuple[str, str, tuple[str, str, float] | None]] = [
 ("MOGADISHU, Somalia (AP) — A car bomb exploded outside a busy hotel in Somalia's capital on Saturday, "
  "killing at least 15 people, police said. Al-Shabaab claimed responsibility for the attack. The "
  "president condemned the bombing.",
  "Remote explosive/landmine/IED", ("killed", "civilians", 15)),
 ("ALEPPO, Syria (Reuters) - Syrian government helicopters dropped barrel bombs on rebel-held districts "
  "of Aleppo on Tuesday, killing 22 civilians, a monitoring group said. Rebels later shelled "
  "government-held areas.",
  "Air/drone strike", ("killed", "civilians", 22)),
 ("LAGOS (Reuters) - Police in Nigeria fired tear gas to disperse hundreds of protesters demanding an "
  "end to police brutality on Monday. No injuries were reported.",
  "Protest with intervention", None),
 ("KABUL, Afghanistan (AP) — Taliban fighters overran a district headquarters in northern Afghanistan "
  "after two days of heavy fighting, officials said Wednesday. At least 12 soldiers were killed.",
  "Non-state actor overtakes territory", ("killed", "combatants", 12)),
 ("BAGHDAD (AP) — Iraqi security forces arrested 10 suspected Islamic State militants in raids west of "
  "the capital, the interior ministry said. The suspects were planning attacks, it said.",
  "Arrests", None),
 ("KHARTOUM, Sudan (AP) — Tens of thousands of people marched in Khartoum on Thursday to demand "
  "civilian rule. The demonstrations were peaceful, witnesses said.",
  "Peaceful protest", None),
 ("DHAKA, Bangladesh (AP) — A fire at a chemical warehouse in Bangladesh's capital killed at least 70 "
  "people, officials said. Firefighters battled the blaze for hours.",
  "Man-made disaster", ("killed", "civilians", 70)),
 ("SANAA, Yemen (AP) — Houthi rebels fired a ballistic missile toward a Saudi city on Sunday, but it "
  "was intercepted by air defences, the coalition said.",
  "Disrupted weapons use", None),
 ("KINSHASA, Congo (AP) — Rebels killed 18 villagers with machetes in an overnight attack in eastern "
  "Congo, a local official said. The army blamed the ADF rebel group.",
  "Attack", ("killed", "civilians", 18)),
 ("ISLAMABAD (AP) — A suicide bomber struck a mosque in northwest Pakistan during Friday prayers, "
  "killing 30 worshippers and wounding dozens, police said.",
  "Suicide bomb", ("killed", "civilians", 30)),
 ("GAZA CITY (AP) — Israeli warplanes struck Hamas targets in the Gaza Strip early Saturday after "
  "militants fired rockets into southern Israel, the military said.",
  "Air/drone strike", None),
 ("MANILA, Philippines (AP) — A powerful typhoon slammed into the central Philippines on Tuesday, "
  "killing at least 21 people and forcing thousands to flee, officials said.",
  "Natural disaster", ("killed", "civilians", 21)),
]

#: A sixth set, written after the wire-report round and before the last fixes (32 of 36 types and 6 of 6
#: figures passed then).
CASES_6: list[tuple[str, str, str]] = [
    ("Heavy fighting was reported between the army and the rebels near the airport, according to residents.",
     B, "Armed clash"),
    ("An army patrol came under attack by militants, sparking a firefight that lasted an hour.", B, "Armed clash"),
    ("The regime's forces reconquered the district after a month-long offensive.", B, "Government regains territory"),
    ("Islamist fighters stormed and seized the garrison town on Friday.", B, "Non-state actor overtakes territory"),
    ("Crowds of demonstrators filled the streets of the capital for a third consecutive day.", P, "Peaceful protest"),
    ("Doctors walked out of public hospitals in a nationwide strike over unpaid salaries.", P, "Peaceful protest"),
    ("Police broke up the sit-in and arrested its organisers.", P, "Protest with intervention"),
    ("Soldiers opened fire on unarmed demonstrators, killing at least 9.", P, "Excessive force against protesters"),
    ("Demonstrators torched cars and looted shops in the city centre.", R, "Violent demonstration"),
    ("A lynch mob killed a man accused of stealing a motorbike.", R, "Mob violence"),
    ("The air force carried out strikes on militant hideouts in the mountains.", E, "Air/drone strike"),
    ("Drones targeted a weapons depot belonging to the militia.", E, "Air/drone strike"),
    ("Several rockets slammed into residential buildings, wounding 11 people.", E, "Shelling/artillery/missile attack"),
    ("A roadside device detonated as a military vehicle passed.", E, "Remote explosive/landmine/IED"),
    ("A bomber blew himself up at the entrance of the ministry.", E, "Suicide bomb"),
    ("A grenade tossed from a motorbike exploded outside a police post.", E, "Grenade"),
    ("Victims of the suspected sarin attack were treated in field hospitals.", E, "Chemical weapon"),
    ("Unknown assailants shot and killed a judge as he left the courthouse.", V, "Attack"),
    ("Militiamen burned villagers alive in their homes, survivors said.", V, "Attack"),
    ("Three journalists have gone missing after being taken by armed men.", V, "Abduction/forced disappearance"),
    ("Soldiers were accused of raping women in the occupied villages.", V, "Sexual violence"),
    ("Negotiators announced a deal for the release of all hostages.", S, "Agreement"),
    ("The army detained dozens of young men during house-to-house searches.", S, "Arrests"),
    ("The two jihadist groups merged under a new name.", S, "Change to group/activity"),
    ("Sappers cleared landmines from the road leading to the village.", S, "Disrupted weapons use"),
    ("The militia established a headquarters in the former governor's residence.",
     S, "Headquarters or base established"),
    ("Retreating troops set fire to grain stores.", S, "Looting/property destruction"),
    ("The insurgents abandoned the town before the army arrived.", S, "Non-violent transfer of territory"),
    ("Residents fled en masse as the militants advanced.", DP, DP),
    ("The group has forcibly conscripted hundreds of men.", RE, RE),
    ("Police intercepted a shipment of heroin bound for Europe.", OC, OC),
    ("An earthquake of magnitude 5.8 hit the mountainous province.", ND, ND),
    ("A gas explosion destroyed an apartment building, killing six residents.", MM, MM),
    ("The prime minister hosted his counterpart for talks on trade and security.", DI, DI),
    ("In a statement, the militants said they were behind the attack on the checkpoint.", AT, AT),
    ("The rebels denied responsibility for the massacre.", AT, AT),
]

CASUALTIES_6: list[tuple[str, str, str, float]] = [
    ("Soldiers opened fire on unarmed demonstrators, killing at least 9.", "killed", "*", 9),
    ("Several rockets slammed into residential buildings, wounding 11 people.", "injured", "civilians", 11),
    ("A gas explosion destroyed an apartment building, killing six residents.", "killed", "civilians", 6),
    ("The strike killed a mother and her three children.", "killed", "children", 3),
    ("The attack left 5 soldiers and 7 civilians dead.", "killed", "civilians", 7),
    ("The blast wounded 4 and killed 2.", "killed", "civilians", 2),
]


#: A seventh set: how a protest is met (ACLED: dispersed or blocked is "Protest with intervention", grave
#: force with injuries is "Excessive force against protesters"), written with the fix that follows it and
#: measured without it first (6 of 10 passed then: chased, scattered, suppressed and injuries were not cues,
#: and graduates no crowd).
CASES_7: list[tuple[str, str, str]] = [
    ("Police chased the demonstrators through the old town after the rally in the capital.", P,
     "Protest with intervention"),
    ("Security forces scattered hundreds of protesters gathered outside the governor's office.", P,
     "Protest with intervention"),
    ("The authorities suppressed a protest by unemployed graduates in the city on Sunday.", P,
     "Protest with intervention"),
    ("Riot police cordoned off the square to stop the march by opposition supporters.", P,
     "Protest with intervention"),
    ("Dozens of protesters suffered injuries when police charged the sit-in with batons.", P,
     "Excessive force against protesters"),
    ("Several demonstrators were seriously wounded as troops broke up the protest.", P,
     "Excessive force against protesters"),
    ("Thousands of nurses marched to parliament on Wednesday to demand better pay.", P, "Peaceful protest"),
    ("Residents staged a sit-in outside the town hall against the closure of the clinic.", P, "Peaceful protest"),
    ("Students rallied peacefully in the capital against the new exam rules.", P, "Peaceful protest"),
    ("Hundreds of farmers protested outside the ministry over the price of fertiliser.", P, "Peaceful protest"),
]


#: An eighth set, written from the codebook after the tuning/check split, before the fixes it motivated (main
#: event vs background mentions, denials of responsibility, the perfect, type precedence in a protest, trigger
#: senses, and everyday wording of the disaster, crime, mob and protest definitions): 12 of 26 passed then,
#: 23 after them (the three in CASES_8_OPEN still fail).
CASES_8: list[tuple[str, str, str]] = [
    ("The government expelled two diplomats in response to the alleged chemical attack on the town last month.",
     "Diplomatic event", "Diplomatic event"),
    ("Army troops detained 14 suspects in retaliation for the ambush on a military convoy.", S, "Arrests"),
    ("The defence ministry denied that its aircraft were responsible for the air strikes that destroyed a clinic "
     "in the city.", "Attribution of responsibility", "Attribution of responsibility"),
    ("The rebel group denied any involvement in the bombing that killed nine people at the bus station.",
     "Attribution of responsibility", "Attribution of responsibility"),
    ("Hundreds of students have staged sit-ins at universities across the country against the new law.", P,
     "Peaceful protest"),
    ("Dozens of residents were treated after government forces carried out a toxic gas attack on the suburb on "
     "Monday.", E, "Chemical weapon"),
    ("Thousands of protesters marched through the capital and clashed with police near parliament on Saturday.",
     R, "Violent demonstration"),
    ("Hundreds of demonstrators rallied outside the ministry before police fired tear gas to disperse them.", P,
     "Protest with intervention"),
    ("Tens of thousands of protesters flooded the streets of the capital on Friday demanding the president's "
     "resignation.", P, "Peaceful protest"),
    ("Insurgents attacked a pro-government militia in the hills on Monday, killing three of its members.", B,
     "Armed clash"),
    ("Militants attacked a village in the hills on Monday, killing three farmers.", V, "Attack"),
    ("Unidentified gunmen attacked rebel positions outside the town overnight.", B, "Armed clash"),
    ("Militants beheaded five captured soldiers in the town square on Friday.", V, "Attack"),
    ("Soldiers fended off a rebel attack on their base near the border overnight.", B, "Armed clash"),
    ("A cargo ship ran aground off the coast on Tuesday, spilling fuel into the sea.", "Man-made disaster",
     "Man-made disaster"),
    ("A fire engulfed a crowded market in the city centre on Monday, killing six traders.", "Man-made disaster",
     "Man-made disaster"),
    ("More than 100 fires fanned by strong winds are burning in the hills, threatening several villages.",
     "Natural disaster", "Natural disaster"),
    ("At least 40 people died after torrential rains lashed the coastal province on Sunday.", "Natural disaster",
     "Natural disaster"),
    ("A heavy snowstorm cut off dozens of mountain villages in the north on Friday.", "Natural disaster",
     "Natural disaster"),
    ("Police said the killing of the two traders by villagers was an act of mob justice.", R, "Mob violence"),
    ("Thousands took to the streets of the capital on Sunday to demand fresh elections.", P, "Peaceful protest"),
    ("Striking workers chanted slogans outside the factory gates on Monday.", P, "Peaceful protest"),
    ("Hackers stole the personal data of millions of customers in a cyberattack on the bank last week.",
     "Organized crime", "Organized crime"),
]
#: A ninth set, written before the fixes that followed the eighth round (2 of 5 passed then): a word inside an
#: organisation's name is no context ("New People's Army" names no people taken), state forces' ranks, arrests
#: for drugs or counterfeiting are crime's story, a protest scene in the present is no general statement.
CASES_9: list[tuple[str, str, str]] = [
    ("Soldiers captured two camps of the New People's Army in the mountains on Sunday.", B,
     "Government regains territory"),
    ("Paratroopers captured the rebel stronghold in the hills after a two-day operation.", B,
     "Government regains territory"),
    ("Police arrested a man found with counterfeit banknotes and cocaine in his car on Friday.", "Organized crime",
     "Organized crime"),
    ("Police detained dozens of opposition activists in the capital on Tuesday.", S, "Arrests"),
    ("Protesters chant slogans outside government buildings.", P, "Peaceful protest"),
    # open in CASES_8_OPEN until round ten (tests/test_events_codebook.py): a protest named only as what another
    # event anticipates is no event of the sentence, so it no longer absorbs the arrests
    ("Police arrested dozens of opposition activists in anticipation of mass protests planned for the weekend.",
     S, "Arrests"),
    # open until round eleven, where "shootings" became a word of violence (evidence beside the trigger anchors it)
    ("The shootings have sparked large demonstrations in several cities.", P, "Peaceful protest"),
    # open in CASES_8_OPEN until round fourteen (tests/test_events_codebook_main.py): a weapon named in a relative
    # clause describing the target is no context of the strike
    ("The coalition launched air strikes on militant positions it accused of carrying out a chlorine attack on a "
     "village.", E, "Air/drone strike"),
]


def _analyze(analyzer, text: str) -> Analysis:
    analysis = analyzer.analyze_article(prepare(text))
    assert_spans_exact(analysis)
    return analysis


def _main(analyzer, text: str) -> Event:
    analysis = _analyze(analyzer, text)
    assert analysis.events, f"no event in: {text}"
    return analysis.events[0]


@pytest.mark.parametrize(("text", "type_", "subtype"), CASES + CASES_2 + CASES_3 + CASES_4 + CASES_5 + CASES_6
                         + CASES_7 + CASES_8 + CASES_9)
def test_codebook_sentence_main_event(analyzer, text: str, type_: str, subtype: str) -> None:
    event = _main(analyzer, text)
    assert (event.type, event.subtype) == (type_, subtype), f"{event.text!r} -> {event.subtype}"


ALL_CASUALTIES = CASUALTIES + CASUALTIES_2 + CASUALTIES_3 + CASUALTIES_4 + CASUALTIES_5 + CASUALTIES_6


@pytest.mark.parametrize(("text", "kind", "group", "low"), ALL_CASUALTIES)
def test_casualties_phrased_differently(analyzer, text: str, kind: str, group: str, low: float) -> None:
    analysis = _analyze(analyzer, text)
    lows = [c.low for e in analysis.events for c in e.casualties if c.kind == kind and group in ("*", c.group)]
    assert low in lows, [(e.subtype, e.casualties) for e in analysis.events]


def test_every_subtype_the_lexicon_knows_has_general_sentences() -> None:
    """Every type of claimgraph/data/events_types.tsv (ACLED's sub-event types and the contract's extra ones) is
    the main event of a sentence above, so a type added to the data without a sentence that finds it fails here."""
    assert {s for _, _, s in CASES} == set(lexicon().types)


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


@pytest.mark.parametrize(("text", "subtype", "toll"), ARTICLES)
def test_wire_report_main_event_toll_and_dateline(analyzer, text: str, subtype: str, toll) -> None:
    article = prepare(text)
    analysis = analyzer.analyze_article(article)
    assert_spans_exact(analysis)
    assert analysis.events and analysis.events[0].subtype == subtype
    if toll is not None:
        kind, group, low = toll
        assert low in [c.low for c in analysis.events[0].casualties if c.kind == kind and c.group == group]
    dateline = article.header.dateline_span if article.header else None
    assert dateline is not None
    by_id = {e.id: e for e in analysis.entities}
    for event in analysis.events:
        for actor in event.actors:
            assert all(start >= dateline[1] for start, _ in by_id[actor].mentions), by_id[actor].name
