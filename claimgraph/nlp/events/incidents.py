"""One event per incident: the headline, the lead and the recap of one strike are mentions of one event.

ACLED codes one event per incident (actors, day and location): a report that names one air strike five
times describes one air strike. Events of one article (in salience order, main event first) are merged
when they are the same kind of incident and nothing the text says sets them apart: the same ACLED event
family, places that agree (the same place, or one inside the other, or no place of its own) and times that
agree. The first (most salient) listing is kept; the others become its `mentions` (their spans), and give
it what it lacks: a more specific place, a time, actors, targets, and casualty figures of a kind and
group it has none of (ACLED's toll of the incident is the main report's figure; a recap's other figure is
another report of the same toll, not an addition). Political violence of different kinds is one family
("when an air strike happens inside a battle, ACLED records the battle"): the main listing's subtype wins.
"""

from __future__ import annotations

from claimgraph.contract import Event, Place, Time

#: ACLED event types of political violence: one incident may be named as a battle, a strike or an attack
VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}
#: characters between two reports of violence close enough to be one account of one incident
NEAR = 250
#: place features from the coarsest to the finest
_COARSE = {"country": 0, "region": 1, "admin1": 1, "admin2": 2, "landform": 2, "water": 2}


def _family(event: Event) -> str:
    return "violence" if event.type in VIOLENT else event.subtype


def _inside(small: Place, big: Place) -> bool:
    """Is `small` within `big` as far as the gazetteer says (a town in its province or country)?"""
    if big.feature == "country":
        return bool(small.country) and small.country == big.country and small.id != big.id
    if big.feature == "admin1":
        return bool(small.admin1) and small.admin1 in (big.name, big.admin1) and small.feature != "admin1"
    return False


def places_agree(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None or a.id == b.id:
        return True
    return _inside(a, b) or _inside(b, a)


def times_agree(a: Time | None, b: Time | None) -> bool:
    if a is None or b is None or not a.value or not b.value:
        return True
    return a.value.startswith(b.value) or b.value.startswith(a.value)


def _finer(a: Place | None, b: Place | None) -> bool:
    """Does `b` say more precisely where than `a`?"""
    if b is None:
        return False
    if a is None:
        return True
    return _inside(b, a) or (_COARSE.get(b.feature or "", 3) > _COARSE.get(a.feature or "", 3) and places_agree(a, b))


def _same_incident(a: Event, b: Event, places: dict[str, Place], times: dict[str, Time],
                   default: Place | None) -> bool:
    """Can `b` be another report of incident `a`? Same kind, agreeing places and times. An event that
    names no place is taken to be where the article mostly is (`default`, when finer than a country).
    The same casualty figure (kind, group and number) in both is the same toll told twice.
    Violence of different kinds (an air strike and a battle) is one incident only where both are placed
    and the places agree, or where one follows the other closely (the next sentence goes on with the same
    fight), or where one is a generic attack ("the attack killed 16")."""
    if _family(a) != _family(b) or not times_agree(times.get(a.time or ""), times.get(b.time or "")):
        return False
    figures_a = {(c.kind, c.group, c.low) for c in a.casualties if c.low}
    if figures_a & {(c.kind, c.group, c.low) for c in b.casualties if c.low}:
        return True  # the same toll told twice ("16 killed" in the headline and in the lead)
    pa, pb = places.get(a.place or ""), places.get(b.place or "")
    near = min(abs(m[0] - b.span[0]) for m in [a.span, *a.mentions]) <= NEAR
    if a.subtype != b.subtype and "Attack" not in (a.subtype, b.subtype) and (pa is None or pb is None) and not near:
        return False
    return places_agree(pa or default, pb or default)


def merge_incidents(events: list[Event], places: dict[str, Place], times: dict[str, Time],
                    default_place: str | None = None) -> list[Event]:
    """The events of one article with repeated reports of one incident merged into its first listing.
    A second pass merges listings that only a merge made comparable (a toll they now share)."""
    merged = _merge(events, places, times, default_place)
    return _merge(merged, places, times, default_place) if len(merged) < len(events) else merged


def _merge(events: list[Event], places: dict[str, Place], times: dict[str, Time],
           default_place: str | None) -> list[Event]:
    default = places.get(default_place or "")
    if default is not None and default.feature == "country":
        default = None
    kept: list[Event] = []
    # where each kept event's figure of a (kind, group) was reported: the earliest report's figure wins
    source: dict[tuple[int, str, str], int] = {}
    for event in events:
        place = places.get(event.place or "")
        target = next((k for k in kept if _same_incident(k, event, places, times, default)), None)
        if target is None:
            kept.append(event)
            for c in event.casualties:
                source[(id(event), c.kind, c.group)] = event.span[0]
            continue
        target.mentions.append(event.span)
        target.mentions.extend(event.mentions)
        if _finer(places.get(target.place or ""), place):
            target.place = event.place
        if target.time is None:
            target.time = event.time
        target.actors.extend(a for a in event.actors if a not in target.actors)
        target.targets.extend(t for t in event.targets if t not in target.targets and t not in target.actors)
        have = {(c.kind, c.group): n for n, c in enumerate(target.casualties)}
        for c in event.casualties:
            n = have.get((c.kind, c.group))
            key = (id(target), c.kind, c.group)
            if n is None:
                have[(c.kind, c.group)] = len(target.casualties)
                target.casualties.append(c)
                source[key] = event.span[0]
            elif event.span[0] < source.get(key, target.span[0]):
                target.casualties[n] = c  # the headline's or the lead's figure is the report's toll
                source[key] = event.span[0]
        target.quantities.extend(q for q in event.quantities if q not in target.quantities)
    return kept
