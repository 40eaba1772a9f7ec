"""The stray-town rule (`Resolution._drop_strays`) against conflict news, lower-case text (`component._normally_cased`)
and the state frame of a name with a world-famous namesake (`resolution._state_frames`). Sentences written for these
tests: a foreign force, its capital and the village it fought in, as conflict reports name them."""

from __future__ import annotations

import pytest
from conftest import places_of

from claimgraph.gazetteer import Entry
from claimgraph.ingest import prepare
from claimgraph.nlp.places.lexicon import Group, Mention
from claimgraph.nlp.places.resolution import Resolution

#: (sentence, the village where the fighting was, its country): a foreign actor (demonym, "U.S."), the capital that
#: reported it, and the village in a place's frame ("near", "in", "the village of")
CONFLICT = [
    ("French troops killed ten militants near Tessalit, the ministry in Paris said.", "Tessalit", "ML"),
    ("An American drone strike killed five militants in Datta Khel, officials said.", "Datta Khel", "PK"),
    ("French jets struck a convoy near Aguelhok, the defence ministry in Paris said.", "Aguelhok", "ML"),
    ("Chadian soldiers killed 20 Boko Haram fighters near Bosso, officials in N'Djamena said.", "Bosso", "NE"),
    ("Russian aircraft bombed the village of Kafr Nabl, the ministry in Moscow said.", "Kafr Nabl", "SY"),
]


@pytest.mark.parametrize("text,town,country", CONFLICT, ids=[c[1] for c in CONFLICT])
def test_the_village_a_foreign_force_fought_in_stays_the_events_place(analyzer, text: str, town: str,
                                                                        country: str) -> None:
    """A foreign actor's nationality and the capital that reported the fighting are no evidence against the small
    town the text puts the fighting in: the town stays, and the event is placed there, not in the capital."""
    places = places_of(analyzer, text)
    assert places[town].country == country
    analysis = analyzer.analyze_article(prepare(text, html=False))
    names = {p.id: p.name for p in analysis.places}
    assert [names.get(e.place) for e in analysis.events] == [town]


def _entry(name: str, country: str, feature: str = "city", population: int = 5000) -> Entry:
    return Entry(gid=f"t:{name}", name=name, lat=0.0, lon=0.0, country=country, admin1=None, feature=feature,
                 population=population)


def _group(entry: Entry, n: int = 1, **flags: bool) -> Group:
    mentions = [Mention(start=100 * i, end=100 * i + 5, text=entry.name, key=entry.name.lower(), source="ent",
                        label="GPE", **flags) for i in range(n)]
    return Group(key=entry.name.lower(), mentions=mentions, best=entry, confidence=0.8)


def test_an_unframed_small_town_abroad_is_dropped_but_not_one_in_a_frame_struck_or_of_unknown_size() -> None:
    """The rule keeps what it was written for (a name no other place supports, read as a hamlet abroad: a firm, a
    street) and spares a town in a place's frame, the object of an attack, or one whose population is unknown (0)."""
    def survives(town: Group, *others: Group) -> bool:
        Resolution._drop_strays([town, *others])
        return town.best is not None

    london = _entry("London", "GB", population=8_000_000)
    assert not survives(_group(_entry("Hamlet", "AU")), _group(london, 2))
    assert survives(_group(_entry("Hamlet", "AU"), locative=True), _group(london, 2))
    assert survives(_group(_entry("Hamlet", "AU"), struck=True), _group(london, 2))
    assert survives(_group(_entry("Hamlet", "AU", population=0)), _group(london, 2))
    assert not survives(_group(_entry("Hamlet", "AU", population=1)), _group(london, 2))


def test_an_actors_country_casts_no_vote_against_the_town() -> None:
    """"U.S. forces" names who acted, not where: a country as the modifier of a noun is no place evidence against
    the town, while the same country named as a place is."""
    usa = _entry("United States", "US", feature="country", population=300_000_000)
    town = _group(_entry("Village", "PK"))
    Resolution._drop_strays([town, _group(usa, modifier=True)])
    assert town.best is not None
    town = _group(_entry("Village", "PK"))
    Resolution._drop_strays([town, _group(usa)])
    assert town.best is None


def test_lower_case_text_keeps_its_places_while_cased_text_drops_lower_case_words(analyzer) -> None:
    """A post or transcript written in lower case names its places in lower case; in normally cased prose a
    lower-case word the model tagged ("the metro area") is no place."""
    places = places_of(analyzer, "The fire in texas spread to new mexico overnight.")
    assert places["texas"].feature == "admin1" and places["new mexico"].feature == "admin1"
    places = places_of(analyzer, "flooding in ohio closed schools on monday and the river kept rising.")
    assert places["ohio"].country == "US"
    text = "The company opened a new branch in the metro area and moved its gulf operations to Houston."
    assert set(places_of(analyzer, text)) == {"Houston"}


def test_a_state_frames_a_famous_name_only_in_its_own_clause(analyzer) -> None:
    """"A senator from Ohio said he would visit Rome": the state named in the main clause is no frame for a
    world-famous name in another clause; in the same clause ("Police in Ohio arrested two men in Athens") it is."""
    places = places_of(analyzer, "A senator from Ohio said he would visit Athens and Rome next month to discuss "
                                 "the debt crisis.")
    assert places["Rome"].admin1 != "Ohio"
    places = places_of(analyzer, "Police in Ohio arrested two men in Athens on Monday.")
    assert places["Athens"].admin1 == "Ohio"
