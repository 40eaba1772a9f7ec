"""Places' scoring and containment rules, one rule at a time, on real gazetteer entries.

Written to fail when a rule of claimgraph/nlp/places/resolution.py or the container hints of recognition.py
changes (mutation testing, bench/mutation.py); the rules in running text are tested in tests/test_places.py.
"""

from __future__ import annotations

import math
from collections import Counter
from types import SimpleNamespace

import pytest

from claimgraph.gazetteer import Entry, key, load_gazetteer
from claimgraph.nlp.places.component import PlacesComponent
from claimgraph.nlp.places.context import _possessive_container
from claimgraph.nlp.places.lexicon import Group, Mention, load_lexicon
from claimgraph.nlp.places.recognition import Recognition
from claimgraph.nlp.places.resolution import Resolution, _contained, _holds, _prior, _support


@pytest.fixture(scope="module")
def comp() -> SimpleNamespace:
    """What the containment rules use of the component: its gazetteer."""
    return SimpleNamespace(gaz=load_gazetteer())


def entry(comp, name: str, country: str, feature: str, admin1: str | None = None) -> Entry:
    """The one gazetteer reading of `name` in that country with that feature (and admin1)."""
    found = [e for e in comp.gaz.lookup(name) if e.country == country and e.feature == feature
             and (admin1 is None or e.admin1 == admin1)]
    assert len(found) == 1, [(e.name, e.country, e.admin1, e.feature) for e in comp.gaz.lookup(name)]
    return found[0]


def mention(text: str, start: int = 0) -> Mention:
    return Mention(start, start + len(text), text, key(text), "ent", "GPE")


# -- _contained: does candidate c lie in the container the text names ("Atlanta, Georgia")? -------------------


@pytest.mark.parametrize(("place", "country", "admin1", "container", "expected"), [
    ("Atlanta", "US", "Georgia", "Georgia", 1.0),         # the US state of that name holds it
    ("Rustavi", "GE", None, "Georgia", 1.0),              # the country of that name holds it
    ("Atlanta", "US", "Georgia", "France", 0.0),          # a country it is not in
    ("Atlanta", "US", "Georgia", "United States", 1.0),
    ("Lahore", "PK", None, "Punjab", 1.0),                # of two Punjabs, Pakistan's holds Lahore
    ("Manbij", "SY", None, "Aleppo", 1.0),                # the city's name also names its governorate
    ("Rustavi", "GE", None, "Tbilisi", 0.7),              # not in the Tbilisi region, but within 60 km of the city
    ("Manbij", "SY", None, "Manbij", 0.0),                # a place is not its own container
    ("Atlanta", "US", "Georgia", "Xyzzyville", 0.0),      # a container the gazetteer does not know
])
def test_contained_scores_the_container_reading(comp, place, country, admin1, container, expected):
    c = entry(comp, place, country, "city", admin1)
    assert _contained(c, mention(container), comp) == expected


def test_contained_in_a_state_of_another_country_is_not_contained(comp):
    # Lahore is in Pakistan's Punjab: India's Punjab alone would not hold it
    lahore = entry(comp, "Lahore", "PK", "city")
    india_punjab = entry(comp, "Punjab", "IN", "admin1")
    only_india = SimpleNamespace(gaz=SimpleNamespace(lookup=lambda _name: [india_punjab]))
    assert _contained(lahore, mention("Punjab"), only_india) == 0.0


# -- _holds: does candidate container y hold some reading of the inner name ("Atlanta, Georgia")? ------------


@pytest.mark.parametrize(("container", "country", "feature", "inner", "expected"), [
    ("Georgia", "US", "admin1", "Atlanta", 1.0),          # the state holds its Atlanta
    ("Georgia", "GE", "country", "Rustavi", 1.0),         # the country holds its town
    ("Georgia", "GE", "country", "Atlanta", 0.0),         # Atlanta's state is called Georgia, the country is not it
    ("France", "FR", "country", "Paris", 1.0),
    ("Punjab", "IN", "admin1", "Lahore", 0.0),            # India's Punjab does not hold Pakistan's Lahore
    ("Punjab", "PK", "admin1", "Lahore", 1.0),
    ("Tbilisi", "GE", "admin1", "Tbilisi", 1.0),          # the region holds the city of its name ...
    ("Georgia", "GE", "country", "Georgia", 0.0),         # ... but a name does not hold itself
    ("Lahore District", "PK", "admin2", "Lahore", 0.7),   # a district holds what lies within 60 km of it
    ("Lahore District", "PK", "admin2", "Atlanta", 0.0),
])
def test_holds_scores_the_inner_readings(comp, container, country, feature, inner, expected):
    y = entry(comp, container, country, feature)
    assert _holds(y, mention(inner), comp) == expected


def test_a_city_holds_nothing(comp):
    aleppo = entry(comp, "Aleppo", "SY", "city")
    assert _holds(aleppo, mention("Manbij"), comp) == 0.0  # a city is no container, even of a town in its province


# -- _prior: how likely a reading is before any context ----------------------------------------------------------


def pop(e: Entry) -> float:
    return math.log10(e.population + 1)


def test_prior_of_each_kind_of_place(comp):
    france = entry(comp, "France", "FR", "country")
    assert _prior(france) == pytest.approx(2.5 + pop(france))       # a country: 2.5 above its population
    paris = entry(comp, "Paris", "FR", "city")
    assert _prior(paris) == pytest.approx(pop(paris))               # a city: its population (log10)
    punjab = entry(comp, "Punjab", "PK", "admin1")
    assert _prior(punjab) == pytest.approx(pop(punjab) + 0.3)       # a first-order division: a little more
    district = entry(comp, "Lahore District", "PK", "admin2")
    assert _prior(district) == pytest.approx(pop(district) - 1.5)   # a county or district: less


def test_prior_floors_and_curated_entries():
    tiny_country = Entry("x1", "Tuvalu", -8.5, 179.2, "TV", None, "country", 11000)
    assert _prior(tiny_country) == pytest.approx(2.5 + 5.0)            # a small country counts as 100,000 people
    curated_region = Entry("x2", "Middle East", 29.0, 41.0, None, None, "region", 0, source="supplement")
    assert _prior(curated_region) == 10.0                               # curated regions, landforms, waters win
    curated_mountain = Entry("x3", "Turkmen Mountain", 35.85, 36.05, "SY", None, "landform", 0, source="supplement")
    assert _prior(curated_mountain) == 10.0
    curated_town = Entry("x4", "Kinsabba", 35.7, 36.1, "SY", None, "city", 0, source="supplement")
    assert _prior(curated_town) == pytest.approx(3.0 + 4.0)             # a curated town without population
    curated_big = Entry("x5", "Al-Bab", 36.37, 37.52, "SY", None, "district", 144550, source="supplement")
    assert _prior(curated_big) == pytest.approx(3.0 + math.log10(144551))
    counted_town = Entry("x6", "Kessab", 35.93, 35.99, "SY", None, "city", 2500, source="supplement")
    assert _prior(counted_town) == pytest.approx(math.log10(2501))     # ... with a population, like any town
    continent = Entry("x7", "Africa", 7.2, 21.1, None, None, "region", 1_100_000_000)
    assert _prior(continent) == 10.5                                    # geonames regions are continents


# -- container hints in the text ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("between", "expected"), [
    ("'s ", True),                 # "Syria's Latakia"
    ("’s ", True),
    ("'s northern ", True),        # "Syria's northern Latakia"
    ("’s north-western ", True),
    ("'s rebel-held ", False),     # a word that is not a direction
    ("'s capital ", False),
    (" and ", False),
    ("", False),
])
def test_possessive_container(between, expected):
    assert _possessive_container(between, load_lexicon().directions) == expected


def containers(text: str, names: list[str]) -> dict[str, tuple[str | None, float, list[str]]]:
    """Mentions at each name's first occurrence, run through the container rule: name -> (container, strength,
    peers)."""
    mentions = [mention(n, text.index(n)) for n in names]
    Recognition._containers(SimpleNamespace(lex=load_lexicon()), SimpleNamespace(text=text), mentions)
    return {m.text: (m.container.text if m.container else None, m.container_strength, [p.text for p in m.peers])
            for m in mentions}


def test_comma_makes_the_second_the_container():
    # (a comma also makes them neighbours of a list, whose kinds agree: "X, Y" may be a list of two)
    got = containers("Fighting erupted in Latakia, Syria on Monday.", ["Latakia", "Syria"])
    assert got == {"Latakia": ("Syria", 4.0, ["Syria"]), "Syria": (None, 0.0, ["Latakia"])}


def test_in_near_outside_of_make_a_weaker_container():
    for word in ("in", "near", "outside", "of"):
        got = containers(f"Shells fell on Azaz {word} Aleppo overnight.", ["Azaz", "Aleppo"])
        assert got["Azaz"] == ("Aleppo", 2.0, []), word


def test_possessive_makes_the_first_the_container():
    got = containers("Syria's northern Latakia was shelled.", ["Syria", "Latakia"])
    assert got == {"Syria": (None, 0.0, []), "Latakia": ("Syria", 4.0, [])}


def test_a_list_is_peers_not_containers():
    got = containers("Protests spread to Texas, Nebraska and Oregon.", ["Texas", "Nebraska", "Oregon"])
    assert got == {"Texas": (None, 0.0, ["Nebraska"]), "Nebraska": (None, 0.0, ["Texas", "Oregon"]),
                   "Oregon": (None, 0.0, ["Nebraska"])}


def test_a_comma_across_lines_is_no_container():
    got = containers("Reporting from Latakia,\nSyria", ["Latakia", "Syria"])
    assert got["Latakia"] == (None, 0.0, ["Syria"])


def test_a_comma_inside_a_list_is_no_container():
    got = containers("Shelling hit Idlib, Aleppo and Homs.", ["Idlib", "Aleppo", "Homs"])
    assert [c for c, _, _ in got.values()] == [None, None, None]


# -- _pick: each rule of the score, alone, between two readings that are otherwise alike ----------------------


def share(lead: float) -> float:
    """The winner's confidence when it leads the only other reading by `lead` (softmax share, kept in 0.05-0.99)."""
    return round(max(0.05, min(0.99, 1.0 / (1.0 + math.exp(-lead)))), 3)


def town(gid: str, name: str, country: str = "SY", admin1: str | None = "Idlib", feature: str = "city",
         population: int = 20000, lat: float = 35.9, lon: float = 36.6) -> Entry:
    return Entry(gid, name, lat, lon, country, admin1, feature, population)


def pick(candidates: list[Entry], name: str | None = None, *, mentions: list[Mention] | None = None,
         focus: dict[str, float] | None = None, admin_focus: Counter | None = None, anchors: list[Entry] | None = None,
         inner: list[Mention] | None = None, support: dict | None = None, by_key: dict | None = None) -> Group:
    """Run the scoring of one name's readings with the given context, as _resolve does."""
    name = name or candidates[0].name
    comp = PlacesComponent()
    group = Group(key(name), mentions=mentions or [mention(name)], candidates=candidates)
    comp._inner = {group.key: inner} if inner else {}
    comp._support = support or {}
    comp._by_key = by_key or {}
    comp._pick(group, focus or {}, admin_focus or Counter(), anchors or [])
    return group


def test_a_name_without_readings_is_unresolved():
    group = pick([], "Xyzzyville")
    assert (group.best, group.confidence) == (None, 0.0)


def test_alike_readings_split_the_confidence():
    group = pick([town("a", "Kafr Nabl"), town("b", "Kafr Nabl", lat=36.0)])
    assert (group.best.gid, group.confidence) == ("a", 0.5)


def test_its_own_name_is_worth_one():
    # "Berea" is an old name of Aleppo: a place called by its current name wins over one called by an old one
    current, old = town("a", "Berea"), town("b", "Halab")
    group = pick([old, current], "Berea")
    assert (group.best.gid, group.confidence) == ("a", share(1.0))


@pytest.mark.parametrize(("city_pop", "province_pop", "bonus"), [
    (100_000, 1_000_000, 0.8),    # a city with a tenth of its same-name province's people is the city
    (95_000, 1_000_000, 0.0),     # a smaller one is not
])
def test_a_city_against_its_same_name_province(city_pop, province_pop, bonus):
    city = town("c", "Hama", admin1="Hama", population=city_pop)
    province = town("p", "Hama", admin1="Hama", feature="admin1", population=province_pop)
    group = pick([city, province])
    lead = _prior(city) + bonus - _prior(province)
    assert group.best.gid == ("c" if lead > 0 else "p")
    assert group.confidence == share(abs(lead))


def test_a_city_gets_no_province_bonus_without_a_province():
    city = town("c", "Paris", country="FR", admin1="Île-de-France", population=2_000_000)
    county = town("d", "Paris", country="FR", admin1="Île-de-France", feature="admin2", population=2_000_000)
    group = pick([city, county])
    assert (group.best.gid, group.confidence) == ("c", share(_prior(city) - _prior(county)))


def test_a_division_word_favours_the_divisions():
    city = town("c", "Raqqa", admin1="Raqqa", population=200_000)
    province = town("p", "Raqqa", admin1="Raqqa", feature="admin1", population=200_000)
    hinted = mention("Raqqa")
    hinted.admin_hint = True  # "Raqqa province"
    group = pick([city, province], mentions=[hinted])
    # 3 for the hint and the province's 0.3, less the 0.8 the city has over its same-name province
    assert (group.best.gid, group.confidence) == ("p", share(3.0 + 0.3 - 0.8))


def test_a_contained_name_favours_the_reading_that_holds_it(comp):
    # "Atlanta, Georgia": of the two Georgias, the state holds an Atlanta; the inner mention is worth 0.75 x 4
    state, country = entry(comp, "Georgia", "US", "admin1"), entry(comp, "Georgia", "GE", "country")
    atlanta = mention("Atlanta")
    atlanta.container_strength = 4.0
    group = pick([country, state], inner=[atlanta])
    lead = _prior(state) + 3.0 - _prior(country)
    assert group.best is (state if lead > 0 else country)
    assert group.confidence == share(abs(lead))


def test_a_container_favours_the_reading_inside_it(comp):
    # "Paris, Texas": strength 4 for a comma
    paris_fr = entry(comp, "Paris", "FR", "city")
    paris_tx = entry(comp, "Paris", "US", "city", "Texas")
    m = mention("Paris")
    m.container, m.container_strength = mention("Texas", 7), 4.0
    group = pick([paris_fr, paris_tx], mentions=[m])
    lead = _prior(paris_tx) + 4.0 - _prior(paris_fr)
    assert group.best is (paris_tx if lead > 0 else paris_fr)
    assert group.confidence == share(abs(lead))


def settled(name: str, best: Entry, confidence: float) -> Group:
    return Group(key(name), mentions=[mention(name)], candidates=[best], best=best, confidence=confidence)


@pytest.mark.parametrize(("peer_confidence", "bonus"), [(0.9, 2.0), (0.4, 2.0), (0.39, 0.0)])
def test_the_settled_items_of_a_list_give_it_their_kind(peer_confidence, bonus):
    # "Texas, Nebraska and Oregon": items of one list are of one kind, once an item is a fair guess (0.4)
    state = town("s", "Nebraska", country="US", admin1="Nebraska", feature="admin1", population=50_000)
    city = town("c", "Nebraska", country="US", admin1="Kansas", population=1_000)
    texas = settled("Texas", town("t", "Texas", country="US", admin1="Texas", feature="admin1"), peer_confidence)
    m = mention("Nebraska", 7)
    m.peers = [mention("Texas")]
    group = pick([city, state], mentions=[m], by_key={"texas": texas})
    assert (group.best.gid, group.confidence) == ("s", share(_prior(state) + bonus - _prior(city)))


def test_a_list_neighbour_that_is_the_name_itself_gives_no_kind():
    state = town("s", "Nebraska", country="US", admin1="Nebraska", feature="admin1", population=50_000)
    city = town("c", "Nebraska", country="US", admin1="Kansas", population=1_000)
    m = mention("Nebraska")
    m.peers = [mention("Nebraska", 20)]
    group = Group(key("Nebraska"), mentions=[m], candidates=[city, state])
    group.best, group.confidence = city, 0.9  # as settled by an earlier pass
    comp = PlacesComponent()
    comp._inner, comp._support, comp._by_key = {}, {}, {group.key: group}
    comp._pick(group, {}, Counter(), [])
    assert (group.best.gid, group.confidence) == ("s", share(_prior(state) - _prior(city)))


def test_the_documents_country_focus_adds_five_times_its_root():
    syrian, iraqi = town("s", "Tal Afar", country="SY"), town("i", "Tal Afar", country="IQ", admin1="Nineveh")
    group = pick([iraqi, syrian], focus={"SY": 0.25, "TR": 0.75})
    assert (group.best.gid, group.confidence) == ("s", share(5.0 * 0.5))


def test_a_settled_province_favours_its_towns():
    in_idlib, in_hama = town("i", "Kafr Zita", admin1="Idlib"), town("h", "Kafr Zita", admin1="Hama")
    group = pick([in_idlib, in_hama], admin_focus=Counter({("SY", "Hama"): 3}))
    assert (group.best.gid, group.confidence) == ("h", share(2.0))
    # the province itself is no town of the province
    province = town("p", "Kafr Zita", admin1="Hama", feature="admin1", population=20000)
    small = town("s", "Kafr Zita", admin1="Idlib", population=1000)
    group = pick([province, small], admin_focus=Counter({("SY", "Hama"): 3}))
    assert (group.best.gid, group.confidence) == ("p", share(_prior(province) - _prior(small)))


@pytest.mark.parametrize(("own_mentions", "city_pop", "bonus"), [(3, 1000, 0.0), (2, 1000, 2.0), (3, 30_000, 2.8)])
def test_a_provinces_own_name_is_no_evidence_for_its_small_towns(own_mentions, city_pop, bonus):
    # "Quebec" read first as the province lends its small same-name town nothing by itself (another mention of
    # it does); a big city of the province's name keeps the bonus and its 0.8 ("New York")
    province = town("p", "Kafr Zita", admin1="Kafr Zita", feature="admin1", population=200_000)
    city = town("c", "Kafr Zita", admin1="Kafr Zita", population=city_pop)
    comp = PlacesComponent()
    group = Group(key("Kafr Zita"), mentions=[mention("Kafr Zita", 10 * i) for i in range(own_mentions)],
                  candidates=[province, city])
    comp._inner, comp._support, comp._by_key = {}, {}, {}
    comp._own_admin = {group.key: ("SY", "Kafr Zita")}
    comp._pick(group, {}, Counter({("SY", "Kafr Zita"): 3}), [])
    lead = _prior(city) + bonus - _prior(province)
    assert (group.best.gid, group.confidence) == ("c" if lead > 0 else "p", share(abs(lead)))


@pytest.mark.parametrize(("names", "bonus"), [(1, 1.2), (3, 3.6), (5, 3.6)])
def test_support_of_other_names_nearby_counts_up_to_three(names, bonus):
    near, far = town("n", "Binnish"), town("f", "Binnish", country="LB", admin1="North")
    group = pick([far, near], support={("binnish", "n"): names})
    assert (group.best.gid, group.confidence) == ("n", share(bonus))


@pytest.mark.parametrize(("lat", "bonus"), [(35.9 + 0.5, 2.0), (35.9 + 1.5, 1.0), (35.9 + 3.0, 0.0)])
def test_closeness_to_the_settled_towns(lat, bonus):
    # within 80 km of a settled town: 2; within 250 km: 1 (half a degree of latitude is ~56 km)
    anchor = town("a", "Idlib")
    near, far = town("n", "Sarmin", lat=lat), town("f", "Sarmin", country="LB", admin1="North", lat=-30.0)
    group = pick([far, near], anchors=[anchor])
    assert group.best.gid == ("n" if bonus else "f")
    assert group.confidence == (share(bonus) if bonus else 0.5)


def test_a_country_among_its_towns_is_the_country():
    # "Mexico" among Mexican towns: the country gets 2 when a settled town lies in it, its capital the distance rule
    country = town("c", "Mexico", country="MX", admin1=None, feature="country", population=10)
    other = town("o", "Mexico", country="US", admin1=None, feature="country", population=10)
    group = pick([other, country], anchors=[town("a", "Puebla", country="MX", admin1="Puebla")])
    assert (group.best.gid, group.confidence) == ("c", share(2.0))


def test_a_province_of_a_settled_town_is_that_province():
    province = town("p", "Puebla", country="MX", admin1="Puebla", feature="admin1", lat=0.0, lon=0.0)
    other = town("o", "Puebla", country="CO", admin1="Puebla", feature="admin1", lat=0.0, lon=0.0)
    group = pick([other, province], anchors=[town("a", "Tehuacan", country="MX", admin1="Puebla")])
    assert (group.best.gid, group.confidence) == ("p", share(2.0))


def test_a_single_reading_is_sure_but_not_certain():
    assert pick([town("a", "Saraqib")]).confidence == 0.99


def test_a_country_among_its_towns_wins_by_two_whatever_its_size():
    big = town("c", "Mexico", country="MX", admin1=None, feature="country", population=100_000_000)
    small = town("o", "Mexico", country="US", admin1=None, feature="country", population=1000)
    group = pick([small, big], anchors=[town("a", "Puebla", country="MX", admin1="Puebla")])
    assert (group.best.gid, group.confidence) == ("c", share(_prior(big) + 2.0 - _prior(small)))


@pytest.mark.parametrize(("km_away", "bonus"), [(79.5, 2.0), (80.5, 1.0), (249.5, 1.0), (250.5, 0.0)])
def test_closeness_steps_at_80_and_250_km(km_away, bonus):
    anchor = town("a", "Idlib", lat=35.0, lon=36.0)
    near = town("n", "Sarmin", lat=35.0 + math.degrees(km_away / 6371.0088), lon=36.0)
    far = town("f", "Sarmin", country="LB", admin1="North", lat=-30.0)
    group = pick([far, near], anchors=[anchor])
    assert group.best.gid == ("n" if bonus else "f")
    assert group.confidence == (share(bonus) if bonus else 0.5)


@pytest.mark.parametrize(("km_away", "expected"), [(59.5, 0.7), (60.5, 0.0)])
def test_near_a_container_means_within_60_km(km_away, expected):
    container = town("y", "Tartus", country="SY", admin1="Tartus", lat=35.0, lon=36.0)
    inner = town("c", "Safita", country="SY", admin1="Homs", lat=35.0 + math.degrees(km_away / 6371.0088), lon=36.0)
    gaz = SimpleNamespace(lookup=lambda name: {"Tartus": [container], "Safita": [inner]}[name])
    assert _contained(inner, mention("Tartus"), SimpleNamespace(gaz=gaz)) == expected
    district = town("d", "Tartus", country="SY", admin1="Tartus", feature="admin2", lat=35.0, lon=36.0)
    assert _holds(district, mention("Safita"), SimpleNamespace(gaz=gaz)) == expected


def test_a_settled_province_without_a_country():
    # the key of a province the document settled is its country and name; an empty country is a country too
    no_country = town("n", "Kafr Zita", country=None, admin1="Hama")
    elsewhere = town("e", "Kafr Zita", country=None, admin1="Idlib")
    group = pick([elsewhere, no_country], admin_focus=Counter({("", "Hama"): 2}))
    assert (group.best.gid, group.confidence) == ("n", share(2.0))


def test_curated_waters_and_towns_of_any_population():
    water = Entry("w", "Euphrates", 36.0, 38.2, "SY", None, "water", 0, source="supplement")
    assert _prior(water) == 10.0
    hamlet = Entry("h", "Tell Tamer", 36.65, 40.37, "SY", None, "city", 1, source="supplement")
    assert _prior(hamlet) == pytest.approx(math.log10(2))  # a population, however small: like any town


# -- _focus: the document's countries, weighed by how sure each place is ----------------------------------------


def test_focus_weighs_countries_settled_places_and_demonyms():
    syria = settled("Syria", town("sy", "Syria", country="SY", admin1=None, feature="country"), 0.9)
    syria.mentions.append(mention("Syria", 40))  # named twice: 2 x 1.0
    aleppo = settled("Aleppo", town("al", "Aleppo", country="SY"), 0.5)           # a town: 0.7 x its confidence
    ankara = settled("Ankara", town("an", "Ankara", country="TR", admin1="Ankara"), 1.0)
    unresolved = Group(key("Xyzzyville"), mentions=[mention("Xyzzyville")])      # no reading: no vote
    region = settled("Middle East", town("me", "Middle East", country=None, admin1=None, feature="region"), 0.9)
    groups = [syria, aleppo, ankara, unresolved, region]
    votes = {"SY": 2.0 + 0.35, "TR": 0.7 + 0.5}  # and a Turkish demonym ("Turkish") is 0.5
    total = sum(votes.values())
    got = Resolution._focus(groups, [(0, 7, "TR")])
    assert [c for c, _ in got] == ["SY", "TR"]
    assert [round(v, 6) for _, v in got] == [round(votes["SY"] / total, 6), round(votes["TR"] / total, 6)]
    # without a group's own votes (scoring that group)
    got = dict(Resolution._focus(groups, [(0, 7, "TR")], skip=syria))
    assert got == pytest.approx({"SY": 0.35 / 1.55, "TR": 1.2 / 1.55})


# -- _support: names in one document lie together -----------------------------------------------------------------


def unsettled(name: str, *candidates: Entry) -> Group:
    return Group(key(name), mentions=[mention(name)], candidates=list(candidates))


def test_towns_named_together_support_each_other_across_neighbouring_cells():
    binnish = town("b1", "Binnish", lat=35.95, lon=36.71)
    binnish_lb = town("b2", "Binnish", country="LB", admin1="North", lat=34.4, lon=35.9)
    sarmin = town("s1", "Sarmin", lat=34.9, lon=35.9)   # the cell south-west of Binnish's: a neighbour
    far = town("f1", "Kessab", lat=38.5, lon=40.5)
    out = _support([unsettled("Binnish", binnish, binnish_lb), unsettled("Sarmin", sarmin), unsettled("Kessab", far)])
    # each counts the other names near it (Binnish once, whichever of its readings is near)
    assert out == {("binnish", "b1"): 1, ("binnish", "b2"): 1, ("sarmin", "s1"): 1}


@pytest.mark.parametrize("confidence", [0.6, 0.9])
def test_a_settled_name_lends_only_its_reading(confidence):
    binnish = town("b1", "Hatla", lat=35.3, lon=40.2)  # in Syria's east, far from Lebanon
    binnish_lb = town("b2", "Hatla", country="LB", admin1="North", lat=34.4, lon=35.9)
    tripoli = town("t1", "Tripoli", country="LB", admin1="North", lat=34.43, lon=35.84)
    settled_binnish = settled("Hatla", binnish, confidence)
    settled_binnish.candidates = [binnish, binnish_lb]
    out = _support([settled_binnish, unsettled("Tripoli", tripoli)])
    assert ("tripoli", "t1") not in out  # the Lebanese Hatla was not lent: the name is settled in Syria
    assert out[("hatla", "b2")] == 1      # (its own readings still gather support)


def test_an_unsure_name_lends_its_readings():
    binnish = town("b1", "Hatla", lat=35.3, lon=40.2)  # in Syria's east, far from Lebanon
    binnish_lb = town("b2", "Hatla", country="LB", admin1="North", lat=34.4, lon=35.9)
    tripoli = town("t1", "Tripoli", country="LB", admin1="North", lat=34.43, lon=35.84)
    unsure = settled("Hatla", binnish, 0.5)
    unsure.candidates = [binnish, binnish_lb]
    assert _support([unsure, unsettled("Tripoli", tripoli)])[("tripoli", "t1")] == 1


def test_a_name_lends_its_25_likeliest_readings():
    many = [town(f"m{i}", "Springfield", country="US", admin1="Illinois", population=1000 * (i + 1),
                 lat=40.0, lon=-89.0) for i in range(26)]
    many[0] = town("m0", "Springfield", country="US", admin1="Oregon", population=1000, lat=44.0, lon=-123.0)
    eugene = town("e1", "Eugene", country="US", admin1="Oregon", lat=44.05, lon=-123.09)
    out = _support([unsettled("Springfield", *many), unsettled("Eugene", eugene)])
    assert ("eugene", "e1") not in out  # the smallest Springfield, the one in Oregon, is the 26th: not lent


def test_a_state_or_country_is_supported_by_the_names_inside_it():
    missouri = town("mo", "Missouri", country="US", admin1="Missouri", feature="admin1", population=6_000_000)
    kansas_city = town("kc", "Kansas City", country="US", admin1="Missouri", lat=39.1, lon=-94.6)
    joplin = town("jo", "Joplin", country="US", admin1="Missouri", lat=37.1, lon=-94.5)
    usa = town("us", "United States", country="US", admin1=None, feature="country", population=300_000_000)
    syria = town("sy", "Syria", country="SY", admin1=None, feature="country")
    # the city named first: the rule goes on to the state and the country readings after it
    springfield = town("sp", "Springfield", country="US", admin1="Illinois", lat=39.8, lon=-89.6)
    groups = [unsettled("Missouri", springfield, missouri), unsettled("Kansas City", kansas_city),
              unsettled("Joplin", joplin), unsettled("America", usa, syria)]
    out = _support(groups)
    assert out[("missouri", "mo")] == 2      # Kansas City and Joplin
    assert out[("america", "us")] == 3       # the three names with a reading in the US
    assert ("america", "sy") not in out
