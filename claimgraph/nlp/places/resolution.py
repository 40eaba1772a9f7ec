"""Resolution in context: gazetteer candidates per name, scored by priors, the document's focus, containment,
spatial support and closeness to places already settled; one sense per name, confidence = softmax share.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from typing import TYPE_CHECKING

from claimgraph.gazetteer import Entry, Gazetteer, great_circle_km, key
from claimgraph.nlp.places.forms import lookup_forms
from claimgraph.nlp.places.lexicon import (
    ADMIN_FEATURES,
    MAX_CANDIDATES,
    Group,
    Mention,
    PlaceLexicon,
)
from claimgraph.nlp.state import DocState

if TYPE_CHECKING:
    from claimgraph.nlp.places.component import PlacesComponent


class Resolution:
    """The resolution steps of `PlacesComponent`."""

    lex: PlaceLexicon

    def _candidates(self, g: Group, gaz: Gazetteer) -> list[Entry]:
        text = g.mentions[0].text
        # a bare "Brown" is not Brown County: second-order divisions only under their own name
        cands = gaz.lookup(text)
        words = text.split()
        if len(words) > 1 and words[-1].lower() in self.lex.admin_words:
            base = lookup_forms(gaz, " ".join(words[:-1]), self.lex.name_articles)[1]
            admins = [e for e in base if e.feature in ADMIN_FEATURES | {"region", "landform", "water"}]
            if not cands:
                cands = admins or base
        if not cands:  # "al-Raqqa", "Deir Ezzor": the Arabic article written another way or not at all
            cands = lookup_forms(gaz, text, self.lex.name_articles)[1]
        if len(cands) > MAX_CANDIDATES:
            cands = sorted(cands, key=_prior, reverse=True)[:MAX_CANDIDATES]
        return cands

    def _resolve(self, groups: list[Group], demonyms: list[tuple[int, int, str]], gaz: Gazetteer,
                 state: DocState) -> list[tuple[str, float]]:
        for g in groups:
            g.candidates = self._candidates(g, gaz)
        # pass 1: priors only, to find the document's focus
        self._support: dict[tuple[str, str], int] = {}
        self._by_key: dict[str, Group] = {}
        for g in groups:
            self._pick(g, {}, {}, [])
        admin_focus: Counter[tuple[str, str]] = Counter()
        self._own_admin: dict[str, tuple[str, str]] = {}
        for g in groups:
            if g.best is not None and g.best.feature == "admin1" and g.confidence >= 0.5:
                admin_focus[(g.best.country or "", g.best.name)] += len(g.mentions)
                self._own_admin[g.key] = (g.best.country or "", g.best.name)
        # pass 2: focus + containment + the state named just before; pass 3: + closeness to the other places
        self._frame = _state_frames(groups)
        votes = _Votes(groups, demonyms)
        for g in groups:
            self._pick(g, votes.without(g), admin_focus, [])
            votes.update(g)
        self._support = _support(groups)
        self._frame = _state_frames(groups)
        self._by_key = {g.key: g for g in groups}
        anchors = [(g.key, g.best) for g in groups if g.best is not None and g.confidence >= 0.6
                   and g.best.feature in ("city", "admin2", "district")]
        for g in groups:
            self._pick(g, votes.without(g), admin_focus, [b for k, b in anchors if k != g.key])
            votes.update(g)
        return self._focus(groups, demonyms)

    @staticmethod
    def _drop_unsupported(groups: list[Group]) -> None:
        """A name found by form alone (every mention `weak`: "X High School", a lone name the model took
        for a person) stays a place only when one of its mentions stands in a place's context ("in X",
        "the village of X", "X, Y") or the document's other places lie near its reading: the same state,
        or a town or county within SUPPORT_KM; a country or state reading needs another place in that
        country."""
        anchors = [g.best for g in groups if g.best is not None and not all(m.weak for m in g.mentions)]
        for g in groups:
            b = g.best
            if b is None or not all(m.weak for m in g.mentions) or any(m.locative for m in g.mentions):
                continue
            if not any(a.gid != b.gid and _near(b, a) for a in anchors):
                g.best, g.confidence = None, 0.0

    @staticmethod
    def _drop_strays(groups: list[Group]) -> bool:
        """A small town abroad that nothing else in the document points to ("a sushi bar in Piccadilly" of a London
        story read as a hamlet in Australia): when the document's other places all lie in other countries and no
        container names its own, the name is something the gazetteer does not hold (a street, a district), not that
        town. Conflict news names a foreign actor and the village it fought in ("French troops ... near Tessalit, the
        ministry in Paris said"), so peoples (demonyms) and an actor's country ("U.S. forces") cast no vote against
        it, a town in a place's frame ("near X", "the village of X") or struck by an event ("shelled X") is kept,
        and a population of 0 is unknown, not small. True when one was dropped."""
        votes: Counter[str] = Counter()
        for g in groups:
            if g.best is not None and g.best.country:
                actor = g.best.feature == "country"
                votes[g.best.country] += sum(1 for m in g.mentions if not (actor and m.modifier))
        dropped = False
        for g in groups:
            b = g.best
            if b is None or b.feature != "city" or not 0 < b.population < STRAY_MAX_POP or not b.country \
                    or any(m.container is not None or m.dateline or m.locative or m.struck for m in g.mentions):
                continue
            if votes[b.country] == len(g.mentions) and sum(votes.values()) > len(g.mentions):
                g.best, g.confidence = None, 0.0
                dropped = True
        return dropped

    @staticmethod
    def _focus(groups: list[Group], demonyms: list[tuple[int, int, str]],
               skip: Group | None = None) -> list[tuple[str, float]]:
        """Share of the document's place evidence per country (without `skip`'s own votes)."""
        votes: Counter[str] = Counter()
        for g in groups:
            if g is not skip and g.best is not None and g.best.country:
                w = 1.0 if g.best.feature == "country" else 0.7 * g.confidence
                votes[g.best.country] += w * len(g.mentions)
        for _s, _e, iso2 in demonyms:
            votes[iso2] += 0.5
        total = sum(votes.values()) or 1.0
        return [(c, v / total) for c, v in votes.most_common()]

    def _pick(self, g: Group, focus: dict[str, float], admin_focus: Counter, anchors: list[Entry]) -> None:
        if not g.candidates:
            g.best, g.confidence = None, 0.0
            return
        admin_hint = any(m.admin_hint for m in g.mentions)
        settlement = any(m.settlement for m in g.mentions)
        dateline = any(m.dateline for m in g.mentions)
        containers = [(m.container, m.container_strength) for m in g.mentions if m.container is not None]
        contained = [(m, m.container_strength) for m in self._inner.get(g.key, [])]
        admin_pop = {(c.country, key(c.name)): c.population for c in g.candidates if c.feature == "admin1"}
        # items of one list are of one kind: "Texas, Nebraska and Oregon" are all states
        kinds = Counter(p.best.feature for q in _list_members(g)
                        if (p := self._by_key.get(q.key)) is not None and p is not g and p.best is not None
                        and p.confidence >= 0.4)
        list_kind = kinds.most_common(1)[0][0] if kinds else None
        own = getattr(self, "_own_admin", {}).get(g.key)
        frames, close = getattr(self, "_frame", {}).get(g.key, (set(), set()))
        own_pop = next((x.population for x in g.candidates if x.feature == "admin1"
                        and (x.country or "", x.name) == own), 0) if own else 0
        famous = max((c.population for c in g.candidates if key(c.name) == g.key and _famous(c, focus)), default=0)
        # a town sharing its name with a world-famous place is framed only by the state in its own clause
        renowned = {c.gid for c in g.candidates if key(c.name) == g.key and _renowned(c)}
        scores = []
        for c in g.candidates:
            s = _prior(c)
            near = 0.0  # evidence of nearness alone: other names' readings around it, its state named elsewhere
            if key(c.name) == g.key:
                s += 1.0  # called by its own name, not an old or foreign one ("Berea" is not Aleppo)
            if c.feature == "city" and c.population * 10 >= admin_pop.get((c.country, key(c.name)), 10**12):
                s += 0.8  # "Istanbul", "Moscow": the city rather than its same-name province
                if _renowned(c) and focus.get(c.country or "", 0.0) < FAMOUS_FOCUS:
                    s += 1.0  # a story about other countries knows the renowned city (its seat of government:
                    # "Washington hopes the two sides ..." among Damascus and Cairo), not the state of that name
            near += 1.2 * min(self._support.get((g.key, c.gid), 0), 3)
            if list_kind is not None and c.feature == list_kind:
                s += 2.0
            if admin_hint and c.feature in ADMIN_FEATURES:
                s += 3.0
            if settlement and c.feature == "city":
                s += 3.0  # "Idlib city", "X town": the town, not the province named after it
            if dateline and c.feature == "city":
                s += 6.0  # a story is filed from a town: a WASHINGTON dateline is the capital, not the state
            if c.country and focus:
                s += 5.0 * focus.get(c.country, 0.0) ** 0.5
            if c.admin1 and admin_focus and c.feature != "admin1":
                n_admin = admin_focus.get((c.country or "", c.admin1), 0)
                if c.population * 10 < own_pop and (c.country or "", c.admin1) == own:
                    # a state's own name is no evidence for a small town of its name inside it ("Quebec" is not
                    # the city in Quebec), while a big city of a state's name is that name's usual sense ("New York")
                    n_admin -= len(g.mentions)
                if n_admin > 0:
                    near += 2.0
            if c.feature not in ("country", "region", "admin1") and (c.country, c.admin1) in (
                    close if renowned - {c.gid} else frames):
                near += FRAME_BONUS  # the state named just before it ("in Michigan ... in Monroe County")
            for cont, strength in containers:
                s += strength * _contained(c, cont, self)
            for inner, strength in contained:  # "Atlanta, Georgia": Georgia is the one holding an Atlanta
                s += 0.75 * strength * _holds(c, inner, self)
            if anchors:
                if c.feature == "country":  # "Mexico" among Mexican towns is the country, not the capital
                    s += 2.0 if any(a.country == c.country for a in anchors) else 0.0
                elif c.feature == "admin1" and any(a.country == c.country and a.admin1 == c.name for a in anchors):
                    s += 2.0
                else:
                    d = min(great_circle_km(c.lat, c.lon, a.lat, a.lon) for a in anchors)
                    near += 2.0 if d <= 80 else 1.0 if d <= 250 else 0.0
            if famous and c.feature in ("city", "admin2") and c.population * _famous_ratio(c, g, admin_hint) < famous \
                    and not _in_named_county(c, anchors):
                near = min(near, NEAR_CAP)  # a hamlet called "Florida" or "Boston" next to the towns named: being
                # near says little against a state, a country or a big city of that name; a container must say it
            scores.append(s + near)
        top = max(scores)
        z = sum(math.exp(s - top) for s in scores)
        i = scores.index(top)
        g.best, g.confidence = g.candidates[i], round(max(0.05, min(0.99, 1.0 / z)), 3)


#: how far back (characters) a state named before a mention frames it, and what being in that state adds
FRAME_CHARS = 300
FRAME_BONUS = 1.5


def _state_frames(groups: list[Group]) -> dict[str, tuple[set[tuple[str, str]], set[tuple[str, str]]]]:
    """The state (first-level division) named last before each mention, close by ("birds died in Michigan, near the
    game area in Monroe County"): a text names the state before the towns and counties in it, so their readings in
    that state are preferred over namesakes in a state named elsewhere in the document. Items of one list ("Ontario
    and New Brunswick") frame no one another. Per group: the union over its mentions, and the part of it that is
    close (the state in the mention's own clause, or its container: "Athens, Ohio"), which alone may pull a name with
    a famous namesake ("a senator from Ohio said he would visit Athens and Rome" names Greece and Italy)."""
    settled = sorted((m.start, id(m), (g.best.country or "", g.best.name), m.clause) for g in groups
                     if g.best is not None and g.confidence >= 0.5 and g.best.feature == "admin1" for m in g.mentions)
    starts = [x[0] for x in settled]
    out: dict[str, tuple[set[tuple[str, str]], set[tuple[str, str]]]] = {}
    for g in groups:
        frames: set[tuple[str, str]] = set()
        close: set[tuple[str, str]] = set()
        for m in g.mentions:
            peers = {id(q) for q in m.peers}
            for k in range(bisect_left(starts, m.start) - 1, bisect_left(starts, m.start - FRAME_CHARS) - 1, -1):
                _start, mid, state, clause = settled[k]
                if mid not in peers and g.key != key(state[1]):
                    frames.add(state)
                    if clause == m.clause or (m.container is not None and m.container.key == key(state[1])):
                        close.add(state)
                    break
        out[g.key] = (frames, close)
    return out


def _vote(g: Group) -> tuple[str | None, float]:
    """The country a name votes for in the document's focus, and with what weight (`Resolution._focus`)."""
    if g.best is None or not g.best.country:
        return None, 0.0
    w = 1.0 if g.best.feature == "country" else 0.7 * g.confidence
    return g.best.country, w * len(g.mentions)


class _Votes:
    """The document's country votes kept as a running total, so each name's focus without its own vote is
    one subtraction, not a new count over every name (that is quadratic in the number of names)."""

    def __init__(self, groups: list[Group], demonyms: list[tuple[int, int, str]]) -> None:
        self.votes: Counter[str] = Counter()
        self.cast: dict[int, tuple[str | None, float]] = {}
        for g in groups:
            self.update(g)
        for _s, _e, iso2 in demonyms:
            self.votes[iso2] += 0.5

    def update(self, g: Group) -> None:
        """Re-count `g`'s vote after its reading changed."""
        old_country, old_w = self.cast.get(id(g), (None, 0.0))
        if old_country is not None:
            self.votes[old_country] -= old_w
        country, w = _vote(g)
        if country is not None:
            self.votes[country] += w
        self.cast[id(g)] = (country, w)

    def without(self, g: Group) -> dict[str, float]:
        """Share of the document's place evidence per country, `g`'s own vote left out."""
        own_country, own_w = self.cast.get(id(g), (None, 0.0))
        total = sum(self.votes.values()) - own_w
        if total <= 1e-9:
            total = 1.0
        return {c: max(0.0, v - (own_w if c == own_country else 0.0)) / total for c, v in self.votes.items()}


def _list_members(g: Group) -> list[Mention]:
    """Every item of the lists the group's mentions stand in ("A, B, C and D"), not only the neighbours."""
    seen: dict[int, Mention] = {}
    todo = [q for m in g.mentions for q in m.peers]
    while todo:
        q = todo.pop()
        if id(q) not in seen and q.key != g.key:
            seen[id(q)] = q
            todo.extend(q.peers)
    return list(seen.values())


#: a town or county this many times smaller than a famous reading of its name (`_famous`) gets at most NEAR_CAP
#: from nearness alone (support, its state named elsewhere, closeness to settled places); a container still counts
FAMOUS_RATIO = 100
NEAR_CAP = 2.0
#: a city this big is known across its country (Cleveland, Tampa, Omaha), so its hamlet namesakes near the other
#: towns of a story need more than nearness (bench.geo: LGL tune one mention fewer at 300,000, two at 150,000)
FAMOUS_CITY_POP = 300_000
FAMOUS_FOCUS = 0.25


#: a town this close to the centre of a county the document names lies in or next to that county
COUNTY_KM = 40.0


def _famous_ratio(c: Entry, g: Group, admin_hint: bool) -> float:
    """How many times smaller than a famous reading of the name a town or county must be for its nearness to be
    capped: FAMOUS_RATIO, but any smaller for a county the text calls by a bare alternate name, with no "County" or
    "counties" by it ("Cleveland" is Cleveland County to GeoNames too): a famous city's bare name is that city."""
    if c.feature == "admin2" and key(c.name) != g.key and not admin_hint:
        return 1.0
    return FAMOUS_RATIO


def _in_named_county(c: Entry, anchors: list[Entry]) -> bool:
    """Does a county (second-level division) the document names and has settled lie around candidate c? A county
    is a finer frame than a state: "volunteers from X cleaned the creek in Y County" names X's surroundings."""
    return any(a.feature == "admin2" and a.gid != c.gid and a.country == c.country
               and great_circle_km(c.lat, c.lon, a.lat, a.lon) <= COUNTY_KM for a in anchors)


def _famous(c: Entry, focus: dict[str, float]) -> bool:
    """A reading known well beyond its region: a country, a first-level division, or a big city of a country the
    document is about (a big Alexandria abroad says nothing against the towns of that name at home)."""
    return c.feature in ("country", "admin1") or (
        c.feature == "city" and c.population >= FAMOUS_CITY_POP and focus.get(c.country or "", 0.0) >= FAMOUS_FOCUS)


#: a city this big is known worldwide (the gazetteer has no capital flag; Athens, Rome, Lagos are over it)
RENOWNED_CITY_POP = 500_000


def _renowned(c: Entry) -> bool:
    """A reading of a name known the world over: a country, a first-level division, a city of RENOWNED_CITY_POP."""
    return c.feature in ("country", "admin1") or (c.feature == "city" and c.population >= RENOWNED_CITY_POP)


def _prior(e: Entry) -> float:
    pop = math.log10(e.population + 1)
    if e.feature == "country":
        return 2.5 + max(pop, 5.0)
    if e.source != "geonames" and not (e.feature == "city" and e.population > 0):
        # curated places win; a supplement town given with its population competes like any town
        return 10.0 if e.feature in ("region", "landform", "water") else 3.0 + max(pop, 4.0)
    if e.feature == "region":  # continents
        return 10.5
    if e.feature == "admin1":
        return pop + 0.3
    if e.feature == "admin2":
        return pop - 1.5
    return pop


SUPPORT_KM = 150.0
#: a town this small is dropped when nothing else in the document lies in its country (`_drop_strays`)
STRAY_MAX_POP = 10000


def _near(b: Entry, a: Entry) -> bool:
    """Does place `a`, named elsewhere in the document, support reading a weak mention as `b`?"""
    if b.feature in ("country", "admin1", "region"):
        return bool(b.country) and a.country == b.country
    if a.feature == "country":
        return False  # a country says too little about which of its towns is meant
    if a.feature == "admin1":
        return a.country == b.country and a.name == b.admin1
    return great_circle_km(a.lat, a.lon, b.lat, b.lon) <= SUPPORT_KM


def _contained(c: Entry, cont: Mention, comp: PlacesComponent) -> float:
    """1 when candidate c lies in the container's best reading (country, division or nearby)."""
    entries = comp.gaz.lookup(cont.text)
    if not entries:
        return 0.0
    best = 0.0
    for y in entries:
        if y.feature == "country" and c.country == y.country:
            best = max(best, 1.0)
        elif y.feature == "admin1" and c.country == y.country and c.admin1 == y.name:
            best = max(best, 1.0)
        elif great_circle_km(c.lat, c.lon, y.lat, y.lon) <= 60 and c.gid != y.gid:
            best = max(best, 0.7)
    return best


SUPPORT_TOP = 25


LOCAL_FEATURES = ("city", "admin2", "district", "landform", "water", "facility")


def _cells(e: Entry) -> tuple[int, int]:
    return (math.floor(e.lat), math.floor(e.lon))


def _support(groups: list[Group]) -> dict[tuple[str, str], int]:
    """For each local candidate, how many other names in the document have a local reading in the
    same or a neighbouring 1-degree cell: towns named together lie together ("Paris" next to
    "Henry County" is Paris, Tennessee)."""
    cell_groups: dict[tuple[int, int], set[str]] = {}
    tops: dict[str, list[Entry]] = {}  # the readings each name lends as support
    for g in groups:
        local = [c for c in g.candidates if c.feature in LOCAL_FEATURES]
        tops[g.key] = sorted(local, key=_prior, reverse=True)[:SUPPORT_TOP]
    lends: dict[str, list[Entry]] = {}
    for g in groups:
        if g.best is not None and (g.confidence >= 0.6 or g.best.feature not in LOCAL_FEATURES):
            lends[g.key] = [g.best]  # a settled name lends only its reading ("Missouri" the state)
        else:
            lends[g.key] = tops[g.key]
        for c in lends[g.key]:
            if c.feature in LOCAL_FEATURES:
                cell_groups.setdefault(_cells(c), set()).add(g.key)
    in_admin: dict[tuple[str | None, str | None], set[str]] = {}
    in_country: dict[str | None, set[str]] = {}
    for gk, cands in lends.items():
        for c in cands:
            in_admin.setdefault((c.country, c.admin1), set()).add(gk)
            in_country.setdefault(c.country, set()).add(gk)
    out: dict[tuple[str, str], int] = {}
    for g in groups:  # a state or country is supported by the names that can lie inside it
        for c in g.candidates:
            if c.feature == "admin1":
                n = len(in_admin.get((c.country, c.name), set()) - {g.key})
            elif c.feature == "country":
                n = len(in_country.get(c.country, set()) - {g.key})
            else:
                continue
            if n:
                out[(g.key, c.gid)] = n
    for gk, cands in tops.items():
        for c in cands:
            la, lo = _cells(c)
            near: set[str] = set()
            for dla in (-1, 0, 1):
                for dlo in (-1, 0, 1):
                    near |= cell_groups.get((la + dla, lo + dlo), set())
            near.discard(gk)
            if near:
                out[(gk, c.gid)] = len(near)
    return out


def _holds(y: Entry, inner: Mention, comp: PlacesComponent) -> float:
    """1 when some reading of the inner mention lies in candidate container y."""
    if y.feature not in ("country", "admin1", "admin2"):
        return 0.0
    for c in comp.gaz.lookup(inner.text)[:MAX_CANDIDATES]:
        if c.gid == y.gid:
            continue
        if y.feature == "country" and c.country == y.country:
            return 1.0
        if y.feature == "admin1" and c.country == y.country and c.admin1 == y.name:
            return 1.0
        if y.feature == "admin2" and great_circle_km(c.lat, c.lon, y.lat, y.lon) <= 60:
            return 0.7
    return 0.0

