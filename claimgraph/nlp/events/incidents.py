"""One event per incident: the headline, the lead and the recap of one strike are mentions of one event.

ACLED codes one event per incident (actors, day and location): a report that names one air strike five
times describes one air strike. Events of one article (in salience order, main event first) are merged
when they are the same kind of incident and nothing the text says sets them apart: the same ACLED event
family, places that agree (the same place, or one inside the other, or no place of its own) and times that
agree. The first (most salient) listing is kept; the others become its `mentions` (their spans), and give
it what it lacks: a more specific place, a time, actors, targets, and casualty figures of a kind and
group it has none of (ACLED's toll of the incident is the main report's figure; a recap's other figure is
another report of the same toll, not an addition; but a count wins over a vague word's reading, "dozens").
Political violence of different kinds is one family ("when an air strike happens inside a battle, ACLED
records the battle"): the main listing's subtype wins. A protest and how it was met are one family too,
coded by the gravest treatment any of its listings reports (peaceful, intervention, excessive force). Property
looted or destroyed in the act that kills or injures people (one clause or two coordinated ones, one doer, place
and day) is part of that violence (ACLED codes looting as such only outside the context of other violence).

What the text says of each listing (`Hint`, read by the component from the sentence) decides the doubtful
cases: a place named outside the trigger's own clause ("officials in Ankara blamed the attack") says
nothing of where the incident was; a definite name ("the attack", "the bombing") refers back to an
incident already reported; "another", "a second", "a separate" attack is a new one. A listing dated only by
its report (`report_time`: "activists said on Tuesday that air strikes killed 20") may have happened before
that date: it is the same incident as a listing dated no later that tells the same toll or names it as known
("the strikes, which killed 20, hit the town on Sunday"), whose date then replaces the report's.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from claimgraph.contract import Casualty, Event, Place, Time
from claimgraph.data import read_rows
from claimgraph.gazetteer import great_circle_km
from claimgraph.nlp.events.casualties_syntax import HARM_KINDS
from claimgraph.nlp.events.tolls import total_of_parts, vague

if TYPE_CHECKING:
    from spacy.tokens import Token

#: ACLED event types of political violence: one incident may be named as a battle, a strike or an attack
VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}
#: characters between two reports of violence close enough to be one account of one incident
NEAR = 250
#: the sentences of a text that may hold its headline and lead (a headline, a repeated headline or a dateline, the
#: lead's first sentences): the report's news is the incident they tell
LEAD_SENTENCES = 5
#: place features from the coarsest to the finest
_COARSE = {"country": 0, "region": 1, "admin1": 1, "admin2": 2, "landform": 2, "water": 2}


@dataclass(frozen=True)
class Clause:
    """The clause a trigger is told in, for telling whether two acts of one sentence are one incident: its verb (doc
    index), the verbs coordinated with it ("looted shops and killed two traders": conj; "while rebels killed three
    soldiers": advcl), the lemma of its subject (a conjoined verb with no subject of its own shares its head's: the
    same doer), and whether it names its act a separate incident ("in a separate raid", "in another attack")."""

    verb: int = -1
    links: frozenset[int] = frozenset()
    doer: str = ""
    apart: bool = False


@functools.lru_cache(maxsize=1)
def _distinct_words() -> frozenset[str]:
    """Words naming an incident a new one ("another", "separate": events_reference.tsv's `distinct` kind)."""
    return frozenset(row[0].lower() for row in read_rows("events_reference.tsv") if row[1] == "distinct")


def clause_of(head: Token) -> Clause:
    """The clause of a trigger's head (`Clause`); a trigger outside any verb's clause (a headline's noun) has none."""
    verb = head
    for _ in range(6):  # "killed three soldiers in an ambush": the ambush is told in the clause of "killed"
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return Clause()
    links = {c.i for c in verb.children if c.dep_ in ("conj", "advcl")}
    if verb.dep_ in ("conj", "advcl") and verb.head.i != verb.i:
        links.add(verb.head.i)
    doer, tok = "", verb
    for _ in range(4):
        subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            doer = subject.lemma_.lower()
            break
        if tok.dep_ != "conj" or tok.head.i == tok.i:
            break
        tok = tok.head
    words = _distinct_words()
    apart = any(w.lower_ in words and w.dep_ in ("det", "amod") for t in {verb, head} for p in t.children
                if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj" for w in o.children)
    return Clause(verb.i, frozenset(links), doer, apart)


@dataclass(frozen=True)
class Hint:
    """What the sentence says of one listing: is its place only in another clause (`weak_place`), is it
    named as one already known ("the attack": `definite`), or as a new one ("another attack": `distinct`)?
    Is its time only its report's (`report_time`: an upper bound on the incident's date)? Which of its
    casualties have their group only from the event type's default (`assumed`: "Strike kills 18"), not from
    the text's words (tolls.py)?"""

    weak_place: bool = False
    definite: bool = False
    distinct: bool = False
    report_time: bool = False
    assumed: tuple[Casualty, ...] = ()
    sentence: int = -1  # the sentence the listing is told in
    clause: Clause = Clause()  # the clause its trigger is told in
    refined: bool = False  # its place is a town another report named outside its clause, in place of a country


NO_HINT = Hint()


#: protest subtypes from the mildest to the gravest treatment of the protesters: one protest told in several
#: sentences ("police dispersed the march ... two demonstrators died") is coded by the gravest (ACLED)
PROTEST_GRAVITY = ("Peaceful protest", "Protest with intervention", "Excessive force against protesters")


def _valued(t: Time | None) -> bool:
    return t is not None and bool(t.value)


def _dated(t: Time | None) -> bool:
    """Does the time hold a calendar year (not a weekday left unresolved, a duration or a frequency)?"""
    return _valued(t) and t.value[:4].isdigit()


def _earlier(a: Time | None, b: Time | None) -> bool:
    """Is time `a` a calendar day before time `b` (both days)? An incident told as reported on Saturday and
    again on Sunday happened by Saturday."""
    if not (_valued(a) and _valued(b)):
        return False
    return bool(_DAY.fullmatch(a.value)) and bool(_DAY.fullmatch(b.value)) and a.value < b.value


def _family(event: Event) -> str:
    if event.type in VIOLENT:
        return "violence"
    return "protest" if event.subtype in PROTEST_GRAVITY else event.subtype


def _inside(small: Place, big: Place) -> bool:
    """Is `small` within `big` as far as the gazetteer says (a town in its province or country)?"""
    if big.feature == "country":
        return bool(small.country) and small.country == big.country and small.id != big.id
    if big.feature == "admin1":
        return bool(small.admin1) and small.admin1 in (big.name, big.admin1) and small.feature != "admin1"
    return False


#: settlements and the sites in them: two of these far apart are two places, whatever else two listings share
SETTLEMENTS = frozenset({"city", "district", "facility"})
#: the radius of one happening: two settlements farther apart are different places (linking's RADIUS_KM, the
#: distance within which two reports from different articles may still be one happening)
HAPPENING_KM = 30.0


def apart(a: Place | None, b: Place | None) -> bool:
    """Are `a` and `b` different settlements, so that no listing at one tells an incident at the other? Both
    known towns (or sites), neither inside the other, farther apart than HAPPENING_KM: a round-up's "In Homs, ...
    In Damascus, ..." (a province and its town, or two names of one city's districts, are not apart)."""
    if a is None or b is None or a.id == b.id or a.feature not in SETTLEMENTS or b.feature not in SETTLEMENTS:
        return False
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None or _inside(a, b) or _inside(b, a):
        return False
    return great_circle_km(a.lat, a.lon, b.lat, b.lon) > HAPPENING_KM


def told_apart(a: Event, b: Event, places: dict[str, Place], hints: dict[str, Hint]) -> bool:
    """Are two listings told at different settlements (`apart`)? Each at its own place, also one said outside its
    clause ("a source at Mosul Police Command said rockets hit al-Zuhur"), not the article's default. A place said
    outside the clause says only where someone speaks when the listing is named as known ("the attack, which
    officials in Ankara blamed on ...") or when it lies in another country than the other listing's ("Washington
    and Moscow at loggerheads" beside strikes in Syria): a round-up's towns are of one country."""
    pa, pb = places.get(a.place or ""), places.get(b.place or "")
    if pa is None or pb is None:
        return False
    ha, hb = hints.get(a.id, NO_HINT), hints.get(b.id, NO_HINT)
    if (ha.weak_place and ha.definite) or (hb.weak_place and hb.definite):
        return False
    if (ha.weak_place or hb.weak_place) and pa.country != pb.country:
        return False
    return apart(pa, pb)


def places_agree(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None or a.id == b.id:
        return True
    return _inside(a, b) or _inside(b, a)


def times_agree(a: Time | None, b: Time | None) -> bool:
    """Do two times allow one day? Durations ("for more than one month") say nothing of the day."""
    if a is None or b is None or not a.value or not b.value or not (a.value[:4].isdigit() and b.value[:4].isdigit()):
        return True
    return a.value.startswith(b.value) or b.value.startswith(a.value)


def _dated_before_report(a: Event, b: Event, ta: Time | None, tb: Time | None, hints: dict[str, Hint]) -> bool:
    """Is one listing dated only by its report and the other, dated by its own words, no later than that? Or are
    both dated only by their reports (two upper bounds, on the same toll or a reference to the incident), told
    within REPORT_LAG_DAYS of each other? Reports months apart of the same toll are two acts (round-ups repeat
    'two soldiers killed near Homs')."""
    if hints.get(a.id, NO_HINT).report_time and hints.get(b.id, NO_HINT).report_time:
        if not (_dated(ta) and _dated(tb)):
            return True
        return _shortly_before(ta.value, tb.value) or _shortly_before(tb.value, ta.value)
    for report, own, t_report, t_own in ((a, b, ta, tb), (b, a, tb, ta)):
        if not hints.get(report.id, NO_HINT).report_time or hints.get(own.id, NO_HINT).report_time:
            continue
        if _dated(t_report) and _dated(t_own):
            return _shortly_before(t_own.value, t_report.value)
    return False


#: an incident a report names as known ("the attack") happened at most this many days before the report's day
REPORT_LAG_DAYS = 7


def _shortly_before(own: str, report: str) -> bool:
    """Is the date `own` no later than the report's day and close enough before it to be the news it tells: a day
    within REPORT_LAG_DAYS, or the report's own month? A year or an older month is another act the report recalls
    ("the same weapons were used in Aleppo last year")."""
    if _DAY.fullmatch(own) and _DAY.fullmatch(report):
        lag = (date.fromisoformat(report) - date.fromisoformat(own)).days
        return 0 <= lag <= REPORT_LAG_DAYS
    n = min(len(own), len(report))
    return len(own) >= len("2016-06") and own[:n] <= report[:n] and report.startswith(own[:7])


_DAY = re.compile(r"\d{4}-\d\d-\d\d")


@functools.lru_cache(maxsize=1)
def _recall_cues() -> re.Pattern[str]:
    """Words telling an act as background the report recalls (events_recall_cues.tsv), as whole words."""
    words = sorted((r[0].lower() for r in read_rows("events_recall_cues.tsv")), key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in words)})\b")


#: the most days a round-up of a report's recent acts reaches back before its news ("on Sunday ... on Wednesday ...")
ROUNDUP_DAYS = 7
_MONTH = re.compile(r"(\d{4})-(\d\d)")


def _own_end(event: Event, times: dict[str, Time], hints: dict[str, Hint]) -> date | None:
    """The last day of the calendar day or month an event's own words date it to ("on October 2", "in late
    September"), if any; not a week, a year or its report's date."""
    t = times.get(event.time or "")
    if t is None or hints.get(event.id, NO_HINT).report_time:
        return None
    day = _own_day(event, times, hints)
    month = _MONTH.fullmatch(t.value or "")
    if day is not None or month is None:
        return day
    year, mon = int(month.group(1)), int(month.group(2))
    if not 1 <= mon <= 12:
        return None
    return date(year + mon // 12, mon % 12 + 1, 1) - timedelta(days=1)


def _own_day(event: Event, times: dict[str, Time], hints: dict[str, Hint]) -> date | None:
    """The day an event's own words date it to (not its report's date; not a week or a month: "earlier this week"
    and "since September" may span days of the campaign the report is about), if any."""
    t = times.get(event.time or "")
    if t is None or hints.get(event.id, NO_HINT).report_time or not _DAY.fullmatch(t.value or ""):
        return None
    try:
        return date.fromisoformat(t.value)
    except ValueError:
        return None


def drop_recalled(events: list[Event], sentence_of: dict[str, int], times: dict[str, Time],
                  hints: dict[str, Hint], said: dict[str, str]) -> list[Event]:
    """The events of a report without the earlier incidents it recalls as background. The report's news is its
    headline and lead incident: its day is the first day (a calendar day, not a week or a month) of its own that
    an act of violence is given in the lead (the first LEAD_SENTENCES sentences). Violence told after it, dated
    by its own words to an earlier day and told in a sentence (`said`: each event's sentence) with a word of recall
    (events_recall_cues.tsv: "Friday's attack came after a car bombing killed 100 people on Tuesday", "Earlier
    this week, ...") is an earlier incident the report recalls, not one it reports (like the war's history,
    `is_history`). Without such a word a later sentence's earlier day is a round-up of several days' acts, all
    news, unless it lies more than ROUNDUP_DAYS before the news day, or is a month that ended that long before it
    ("IS also claimed an October 2 bombing" in a report of October 16, "the bombing which killed hundreds in late
    September" in one of November): a round-up tells the report's recent days, not its weeks-old history. One that
    tells the main event's toll again is the main incident told once more, and stays."""
    if not events:
        return events
    main = events[0]
    lead = sorted((e for e in events if e.type in VIOLENT and sentence_of.get(e.id, 0) < LEAD_SENTENCES
                   and _own_day(e, times, hints)), key=lambda e: e.span[0])
    if not lead:
        return events  # no incident in the lead dated by its own words: nothing to tell background from
    news = lead[0]
    news_day = _own_day(news, times, hints)
    tolls = {(c.kind, c.group, c.low) for e in (main, news) for c in e.casualties if c.low}

    def recalled(e: Event) -> bool:
        day = _own_day(e, times, hints) or _own_end(e, times, hints)
        if e is news or e is main or day is None or news_day is None or e.type not in VIOLENT:
            return False
        if sentence_of.get(e.id, 0) <= sentence_of.get(news.id, 0):
            return False
        if tolls & {(c.kind, c.group, c.low) for c in e.casualties if c.low}:
            return False
        if day < news_day and bool(_recall_cues().search(said.get(e.id, "").lower())):
            return True
        end = _own_end(e, times, hints)  # a day or a month over a week before the news: no round-up of its days
        return end is not None and (news_day - end).days > ROUNDUP_DAYS


    return [e for e in events if not recalled(e)]


def _refines_country(a: Place | None, b: Place) -> bool:
    """Is `a` only a country and `b` a town or province in it? A report naming the incident as known, with its
    town even outside the trigger's clause ("strikes killed 50 in Syria ... the 50 killed in the strikes west of
    Aleppo"), says more of where it was than the country."""
    return a is not None and a.feature == "country" and b.feature != "country" and _inside(b, a)


def _finer(a: Place | None, b: Place | None) -> bool:
    """Does `b` say more precisely where than `a`?"""
    if b is None:
        return False
    if a is None:
        return True
    return _inside(b, a) or (_COARSE.get(b.feature or "", 3) > _COARSE.get(a.feature or "", 3) and places_agree(a, b))


def _same_incident(a: Event, b: Event, places: dict[str, Place], times: dict[str, Time],
                   hints: dict[str, Hint], relax: bool = True, default: Place | None = None) -> bool:
    """Can `b` be another report of incident `a`? Same kind, agreeing places and times (an event that
    names no place of its own, or names it only outside its clause, agrees with any place). The same
    casualty figure (kind, group and number) in both is the same toll told twice. Violence of different
    kinds (an air strike and a battle) is one incident only where both are placed and the places agree,
    where one follows the other closely (the next sentence goes on with the same fight), where one is a
    generic attack ("the attack killed 16") or where the later one is named as known ("the bombing").
    "Another attack" is never an earlier one, nor one placed in another town (`apart`)."""
    hint = hints.get(b.id, NO_HINT)
    if _family(a) != _family(b):
        return False
    if told_apart(a, b, places, hints):
        return False  # a round-up's listings of two towns, even with one toll ("wounding two people") each
    figures_a = {(c.kind, c.group, c.low) for c in a.casualties if c.low}
    same_toll = bool(figures_a & {(c.kind, c.group, c.low) for c in b.casualties if c.low})
    ta, tb = times.get(a.time or ""), times.get(b.time or "")
    if not times_agree(ta, tb) and not ((same_toll or hint.definite) and _dated_before_report(a, b, ta, tb, hints)):
        return False
    if same_toll:
        return True  # the same toll told twice ("16 killed" in the headline and in the lead)
    if hint.distinct:
        return False
    generic = hint.definite or "Attack" in (a.subtype, b.subtype)
    relax = relax or hint.definite
    if a.subtype != b.subtype and not generic:  # another kind of violence: every place said with either counts
        pa, pb = places.get(a.place or ""), places.get(b.place or "")
        near = min(abs(m[0] - b.span[0]) for m in [a.span, *a.mentions]) <= NEAR
        return (near or (pa is not None and pb is not None)) and places_agree(pa, pb)
    if not relax:  # an event with no place of its own is where the article mostly is
        return places_agree(places.get(a.place or "") or default, places.get(b.place or "") or default)
    pa = None if hints.get(a.id, NO_HINT).weak_place else places.get(a.place or "")
    pb = None if hint.weak_place else places.get(b.place or "")
    return places_agree(pa, pb)


def _surely_same(a: Event, b: Event, hints: dict[str, Hint]) -> bool:
    """Is `b` surely a report of the act `a` lists, not only of its incident: the same kind of act, the act
    named as known ("the bombing was carried out by X") or the same toll? Only then do its actors and targets
    join `a`'s: a group named with another act near it (IS seizing a village the day a bomb hit Damascus, a
    general statement about its attacks this year) did not do this one."""
    figures = {(c.kind, c.group, c.low) for c in a.casualties if c.low}
    return (a.subtype == b.subtype or hints.get(b.id, NO_HINT).definite
            or bool(figures & {(c.kind, c.group, c.low) for c in b.casualties if c.low}))


#: ACLED codes looting and property destruction only "outside the context of other forms of violence"
PROPERTY = "Looting/property destruction"


def _one_act(prop: Event, violent: Event, places: dict[str, Place], times: dict[str, Time],
             hints: dict[str, Hint]) -> bool:
    """Is the looting told as part of the violent act: one sentence, one clause or two coordinated ones ("pillaged
    the village and killed five residents", "looted shops during an attack that killed two"), the same doer ("while
    rebels killed three soldiers" is another's act), neither named a separate incident ("in a separate raid"), and
    nothing else that sets incidents apart in `_same_incident`: a place or a day of each that disagree, or actors
    named for both with none in common?"""
    hp, hv = hints.get(prop.id, NO_HINT), hints.get(violent.id, NO_HINT)
    cp, cv = hp.clause, hv.clause
    if hp.sentence < 0 or hp.sentence != hv.sentence or cp.verb < 0 or cv.verb < 0 or cp.apart or cv.apart:
        return False
    if not (cp.verb == cv.verb or cv.verb in cp.links or cp.verb in cv.links):
        return False
    if cp.doer and cv.doer and cp.doer != cv.doer:
        return False
    if prop.actors and violent.actors and not set(prop.actors) & set(violent.actors):
        return False
    pp = None if hp.weak_place else places.get(prop.place or "")
    pv = None if hv.weak_place else places.get(violent.place or "")
    return places_agree(pp, pv) and times_agree(times.get(prop.time or ""), times.get(violent.time or ""))


def property_in_violence(events: list[Event], hints: dict[str, Hint], places: dict[str, Place] | None = None,
                         times: dict[str, Time] | None = None) -> list[Event]:
    """Property looted or destroyed in the act of violence that kills or injures people ("Militants pillaged the
    village and killed five residents") is part of that incident, coded as the violence (ACLED: looting is coded as
    such only outside the context of other violence): the looting listing becomes a mention of the violent one,
    which takes its place in the order when it was ranked first; a place, a time or actors only the looting named are
    the incident's. Looting told beside other violence in one sentence but not as one act (`_one_act`: another
    clause, doer, place or day) stays an incident of its own."""
    places, times = places or {}, times or {}
    out = list(events)
    for prop in [e for e in events if e.subtype == PROPERTY]:
        violent = next((e for e in out if e.type in VIOLENT and any(c.kind in HARM_KINDS for c in e.casualties)
                        and _one_act(prop, e, places, times, hints)), None)
        if violent is None:
            continue
        violent.mentions.extend([prop.span, *prop.mentions])
        violent.place, violent.time = violent.place or prop.place, violent.time or prop.time
        violent.actors = violent.actors or prop.actors
        i, j = out.index(prop), out.index(violent)
        out[min(i, j)] = violent
        del out[max(i, j)]
    return out


def merge_incidents(events: list[Event], places: dict[str, Place], times: dict[str, Time],
                    hints: dict[str, Hint] | None = None, default_place: str | None = None) -> list[Event]:
    """The events of one article with repeated reports of one incident merged into its first listing:
    first where every place counts (a report placed only in another clause joins the reports of its own
    place, and one with no place is where the article mostly is, `default_place`), then where neither a
    place said only outside the trigger's clause nor the article's main place does; a last pass merges
    listings that only a merge made comparable (a toll they now share)."""
    hints = hints or {}
    events = property_in_violence(events, hints, places, times)
    default = places.get(default_place or "")
    if default is not None and default.feature == "country":
        default = None
    # where each listing's figure of a (kind, group) was first reported, over all passes
    reported: dict[tuple[str, str, str], int] = {}
    merged = _merge(events, places, times, hints, reported, relax=False, default=default)
    merged = _merge(merged, places, times, hints, reported)
    merged = _merge(merged, places, times, hints, reported) if len(merged) < len(events) else merged
    assumed = [c for hint in hints.values() for c in hint.assumed]  # casualties move between listings as they merge
    for event in merged:
        total_of_parts(event, assumed)  # a headline's undescribed toll that is its fighters and children (tolls.py)
    return merged


def _merge(events: list[Event], places: dict[str, Place], times: dict[str, Time], hints: dict[str, Hint],
           reported: dict[tuple[str, str, str], int], relax: bool = True, default: Place | None = None) -> list[Event]:
    kept: list[Event] = []
    # where each kept event's figure of a (kind, group) was reported: the earliest report's figure wins
    source: dict[tuple[str, str, str], int] = reported
    for event in events:
        place = places.get(event.place or "")
        target = next((k for k in kept if _same_incident(k, event, places, times, hints, relax, default)), None)
        if target is None:
            kept.append(event)
            for c in event.casualties:
                source.setdefault((event.id, c.kind, c.group), event.span[0])
            continue
        target.mentions.append(event.span)
        target.mentions.extend(event.mentions)
        if event.subtype in PROTEST_GRAVITY and target.subtype in PROTEST_GRAVITY and (
                PROTEST_GRAVITY.index(event.subtype) > PROTEST_GRAVITY.index(target.subtype)):
            target.subtype = event.subtype  # the same protest, met with graver force in another sentence
        weak_target = hints.get(target.id, NO_HINT).weak_place
        strong = not hints.get(event.id, NO_HINT).weak_place
        refines = place is not None and not strong and not weak_target and hints.get(event.id, NO_HINT).definite and (
            _refines_country(places.get(target.place or ""), place))
        refined = hints.get(target.id, NO_HINT).refined and strong and place is not None and place.feature != "country"
        if place is not None and ((weak_target and strong) or refines or refined or (
                strong == (not weak_target) and _finer(places.get(target.place or ""), place))):
            target.place = event.place  # a place of the incident's own clause over one said elsewhere
            if weak_target and strong:
                hints[target.id] = replace(hints.get(target.id, NO_HINT), weak_place=False, distinct=False)
            # a town said outside its clause in place of a country: a town of the incident's own clause replaces it
            hints[target.id] = replace(hints.get(target.id, NO_HINT), refined=refines)
        own_time = event.time is not None and not hints.get(event.id, NO_HINT).report_time and (
            _valued(times.get(event.time)) or not _valued(times.get(target.time or "")))  # "every day": no date
        target_reported = hints.get(target.id, NO_HINT).report_time
        if target.time is None or (own_time and target_reported):
            target.time = event.time  # a date of the incident's own over its report's
            reported = hints.get(event.id, NO_HINT).report_time
            hints[target.id] = replace(hints.get(target.id, NO_HINT), report_time=reported)
        elif target_reported and event.time is not None and _earlier(times.get(event.time), times.get(target.time)):
            target.time = event.time  # of two reports' days, the earlier bounds the incident's date more tightly
        if _surely_same(target, event, hints):  # who did it, only from a report surely of this act
            target.actors.extend(a for a in event.actors if a not in target.actors)
            target.targets.extend(t for t in event.targets if t not in target.targets and t not in target.actors)
        have = {(c.kind, c.group): n for n, c in enumerate(target.casualties)}
        for c in event.casualties:
            n = have.get((c.kind, c.group))
            key = (target.id, c.kind, c.group)
            if n is None and c.group == "unknown" and any(k == c.kind for k, _ in have):
                continue  # victims undescribed in a recap: another report of the toll the incident has
            if n is None:
                have[(c.kind, c.group)] = len(target.casualties)
                target.casualties.append(c)
                source[key] = source.get((event.id, c.kind, c.group), event.span[0])
            elif vague(target.casualties[n]) != vague(c):
                if vague(target.casualties[n]):
                    target.casualties[n] = c  # a count over a vague word ("dozens killed" in the headline)
                    source[key] = source.get((event.id, c.kind, c.group), event.span[0])
            elif source.get((event.id, c.kind, c.group), event.span[0]) < source.get(key, target.span[0]):
                target.casualties[n] = c  # the headline's or the lead's figure is the report's toll
                source[key] = source.get((event.id, c.kind, c.group), event.span[0])
        target.quantities.extend(q for q in event.quantities if q not in target.quantities)
    return kept
