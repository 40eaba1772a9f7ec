"""Incidents: reports from different documents that are the same happening, found incrementally.

Two reports match when their kinds are compatible (same group of events_types.tsv), their places are
within RADIUS_KM of each other or one lies inside the other (a city inside its province), and their
dates overlap at their precision (a month contains its days; a day told only as the day a source reported
the act, "On Sunday a monitor said ...", holds the day or days before it: digest.DateSpan.bound, and never widens
an incident's span). A date whose year the text does not state
matches on month and day alone, which is how an old story under a new dateline still finds its incident
(and then gets an anachronism finding). A month-precision report ("in June") may join a day's incident
only on a close toll, and never widens its span. Actors split reports only when they name forces of
no common camp (linking.json camps) doing different kinds of act (a government air strike and a rebel
rocket attack on one city's day); two outlets blaming different forces for the same kind of strike is a
finding (contradiction), not two strikes. Figures tell happenings apart too: two reports whose main tolls
of one kind differ more than TOLL_CONFLICT (5 dead against 20) count different dead; two subtypes of one
ACLED type in no common family (an air strike and a shelling), and a place the event's sentence does not
give (the document's focus place), need a close toll (or, for the place, the same subtype) as evidence.

Candidates come from a blocking index keyed by kind, a one-degree grid cell and an ISO week (and by
month-day for year-free dates; and, for a report with a main toll, by kind and day alone: SHARED_TOLL),
so a new document is compared with the few incidents near it in space and time, never with the whole
corpus. A report joins the candidate incident it matches best; an
incident's reports may not spread over more than MAX_SPAN_DAYS, so incidents do not chain day by day.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from claimgraph.contract import Place
from claimgraph.corpus.linking.digest import DateSpan, Report, km, report_reach_days
from claimgraph.corpus.linking.entities import linking_data

#: two fine places (towns, districts, sites) this close are the same place for linking
RADIUS_KM = 30.0
#: a province holds places up to this far from its centre when the gazetteer gives no admin1
CONTAIN_KM = 120.0
#: a named region (Eastern Ghouta, the Qalamoun) holds places up to this far from its centre
REGION_KM = 50.0
#: dates are compared with this slack (a report written the next day resolves "yesterday" a day off)
DATE_SLACK_DAYS = 0
#: the reports of one incident span at most this many days (day-precision dates; FA-KES dev: 0 is best,
#: a city at war has several incidents of one kind a day and a looser span chains them)
MAX_SPAN_DAYS = 0
#: a date the text gives and a publication day standing in for an undated event's date: this much slack
#: (the report written the next morning about "last night's" strike)
INFERRED_SLACK_DAYS = 1
#: a month-precision report joins a day-precision one only on a close toll
MONTH_NEEDS_TOLL = True
#: two figures this close (smaller / larger) are the same toll told twice or updated
TOLL_RATIO = 0.8
CELL_DEG = 1.0
FINE = frozenset({"city", "district", "facility", "landform", "admin2", "water"})
AREAS = frozenset({"admin1", "region"})


def places_match(a: Place, b: Place) -> bool:
    """Same place within RADIUS_KM, or one inside the other (a town in its province)."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return False
    if a.gazetteer_id and a.gazetteer_id == b.gazetteer_id:
        return True
    d = km(a.lat, a.lon, b.lat, b.lon)
    if a.feature in AREAS or b.feature in AREAS:
        if a.admin1 and b.admin1 and a.country == b.country and a.admin1 != b.admin1:
            return False  # a region of one province does not hold a town of another
        area, other = (a, b) if a.feature in AREAS else (b, a)
        if area.country and other.country and area.country != other.country:
            return False
        if area.feature == "admin1" and area.admin1 and other.admin1:
            return area.admin1 == other.admin1
        return d <= (REGION_KM if area.feature == "region" else CONTAIN_KM)
    return d <= RADIUS_KM


#: two reports of one ACLED type giving the same main toll on the same day in the same country match even if
#: placed apart (one outlet's town is another's province or a misread place); their candidates come from a
#: day index, not the grid (a misplaced report is far from its incident's cell). FA-KES dev, main events:
#: within the grid only (as before) and at group level all P 0.600 R 0.355; any place, group level P 0.604
#: R 0.382 (an Aleppo bombing's 25 dead joined a Daraa round-up's 25 gunmen); any place, one ACLED type
#: P 0.622 R 0.368; and two copies of one text whatever their analyses' types P 0.630 R 0.382
SHARED_TOLL = True
#: how alike two reports' kinds must be: "group" (events_types.tsv group), "type" (ACLED type), "family"
#: (linking.json subtype_families). FA-KES dev, main events: type P 0.52 R 0.43, family P 0.48 R 0.33 (its
#: gold incidents are a province and a day, coarser than a family's)
KIND_LEVEL = "type"


@lru_cache(maxsize=1)
def families() -> dict[str, set[int]]:
    """ACLED subtype -> the linking.json subtype_families it belongs to."""
    out: dict[str, set[int]] = defaultdict(set)
    for i, family in enumerate(linking_data().get("subtype_families", [])):
        for subtype in family:
            out[subtype].add(i)
    return out


def kinds_match(a: Report, b: Report) -> bool:
    """Compatible kinds: the same subtype, or subtypes of one family (linking.json subtype_families: a
    'bombing' and a 'suicide blast'), or, for KIND_LEVEL "type", any two subtypes of one ACLED type."""
    if KIND_LEVEL == "group":
        return a.group == b.group
    if a.subtype == b.subtype:
        return True
    if KIND_LEVEL == "type":
        return a.type == b.type
    return bool(families().get(a.subtype, set()) & families().get(b.subtype, set()))


def dates_match(a: DateSpan | None, b: DateSpan | None, slack: int = 0) -> tuple[bool, bool]:
    """(match, on month and day only because a year is not stated)."""
    if a is None or b is None or (a.precision != "day" and b.precision != "day"):
        return False, False  # two months overlap, but that says too little to call them one happening
    if a.overlaps(b, slack):
        return True, False
    for x, y in ((a, b), (b, a)):
        if x.month_day and y.precision == "day" and any(
                (day.month, day.day) == x.month_day for day in day_list(y) or [y.start]):
            return True, True
    return False, False


def camps_match(a: Report, b: Report) -> bool:
    """Compatible actors: the forces the two reports name share a camp, or one names none, or the two are
    the same kind of act (one outlet's "Russian jets" and another's "coalition aircraft" for the same strike
    is contested blame, a finding, not two strikes)."""
    return not (a.camps and b.camps) or bool(a.camps & b.camps) or a.subtype == b.subtype


def tolls_close(a: Report, b: Report) -> bool:
    """Some casualty figure of one within TOLL_RATIO of one of the other, of the same kind."""
    for kind, x in a.tolls:
        for kind2, y in b.tolls:
            if kind == kind2 and min(x, y) >= TOLL_RATIO * max(x, y):
                return True
    return False


#: two reports whose largest tolls of one casualty kind differ this much (smaller / larger below it) count
#: different dead: a strike that killed 5 medics is not the convoy strike that killed 20 (None: off). FA-KES
#: dev tuning part, main events, with the two rules below: off P 0.44 R 0.35, 0.3 P 0.50, 0.4 P 0.54 (same R);
#: a toll that more than doubles between two reports of one day's happening is rare in the part's gold
TOLL_CONFLICT: float | None = 0.4
#: two subtypes of one ACLED type but of no common family (an air strike and a shelling) are one happening
#: only with a close toll as evidence
CROSS_FAMILY_NEEDS_TOLL = True
#: a place taken from the document's focus (the event's sentence names none) matches only with a close toll
#: or the same subtype as evidence
INHERITED_NEEDS_EVIDENCE = True
#: a report the text places only in a country ("victims of a suspected gas attack in Syria") holds any place inside
#: that country ("one inside the other"), but only for one ACLED type and subtype family of act with a close toll
#: on matching dates (a country holds many happenings a day); its focus place, which stands in for the blocking,
#: is no evidence. FA-KES dev, main events, with COUNTRY_UNDATED_REACHES: tune P/R 0.471/0.400 -> 0.526/0.500 (the
#: WHO's undated gas attack "in Syria" joins the town's), check 0.500/0.357 unchanged; one ACLED type without the
#: family linked a car bomb and air strikes in one province (check 0.512/0.375 by the gold)
COUNTRY_HOLDS = True
#: such a report dated only by its publication day knows neither its place nor its day: that day, an upper bound,
#: reaches INFERRED_SLACK_DAYS back within an incident's span too (span_ok), as a report's day does (every
#: publication day reaching back was rejected: docs/linking-audit.md)
COUNTRY_UNDATED_REACHES = True


def country_holds(a: Report, b: Report) -> bool:
    """One report is placed only in the country the other's place lies in, and they are one ACLED type and subtype
    family of act with a close toll (COUNTRY_HOLDS); the dates are checked by the caller."""
    if not COUNTRY_HOLDS or a.type != b.type or not same_family(a, b) or not tolls_close(a, b):
        return False
    return any(x.country_only is not None and y.place is not None and y.place.country == x.country_only
               for x, y in ((a, b), (b, a)))


def span_date(rep: Report) -> DateSpan | None:
    """A report's date as an incident's span reads it: a country-only report's publication day standing in for
    its date is an upper bound (COUNTRY_UNDATED_REACHES)."""
    d = rep.date
    if (COUNTRY_UNDATED_REACHES and d is not None and rep.date_inferred and rep.country_only
            and d.precision == "day" and not d.bound):
        return DateSpan(d.start - dt.timedelta(days=INFERRED_SLACK_DAYS), d.end, d.iso, "day", d.year_stated,
                        d.month_day, bound=True)
    return d


def _maxima(figures: set[tuple[str, float]]) -> dict[str, float]:
    out: dict[str, float] = {}
    for kind, low in figures:
        out[kind] = max(out.get(kind, 0.0), low)
    return out


def tolls_conflict(a: Report, b: Report) -> bool:
    """The two reports count very different dead (or injured): see TOLL_CONFLICT."""
    if TOLL_CONFLICT is None:
        return False
    fa, fb = _maxima(a.figures), _maxima(b.figures)
    if any(min(fa[k], fb[k]) >= TOLL_RATIO * max(fa[k], fb[k]) for k in fa.keys() & fb.keys()):
        return False  # the same main toll (a sum, "16 civilians and three children", included): the same dead
    ta, tb = a.largest, b.largest
    return any(min(ta[k], tb[k]) < TOLL_CONFLICT * max(ta[k], tb[k]) for k in ta.keys() & tb.keys())


def same_family(a: Report, b: Report) -> bool:
    """The same subtype, or two of one linking.json subtype family."""
    return a.subtype == b.subtype or bool(families().get(a.subtype, set()) & families().get(b.subtype, set()))


def reports_match(a: Report, b: Report, ignore_dates: bool = False) -> tuple[bool, bool]:
    """(same happening, matched on a year-free date)."""
    if a.doc_id == b.doc_id or a.place is None or b.place is None:
        return False, False
    if not ignore_dates and tolls_conflict(a, b):
        return False, False
    if not ignore_dates and CROSS_FAMILY_NEEDS_TOLL and not same_family(a, b) and not tolls_close(a, b):
        return False, False
    if (not ignore_dates and INHERITED_NEEDS_EVIDENCE and (a.place_inherited or b.place_inherited)
            and a.subtype != b.subtype and not tolls_close(a, b)):
        return False, False
    if not (kinds_match(a, b) and places_match(a.place, b.place)):
        # the same toll on the same day, same type of event and country: one happening placed differently (two
        # copies of one text, typed apart by their analyses, need no same type)
        if not (SHARED_TOLL and a.group == b.group and (a.type == b.type or ignore_dates)
                and a.place.country == b.place.country
                and a.main_tolls & b.main_tolls and a.date is not None and b.date is not None
                and a.date.precision == b.date.precision == "day" and a.date.overlaps(b.date)) \
                and not country_holds(a, b):
            return False, False
    if not camps_match(a, b):
        return False, False
    if ignore_dates:
        return True, False
    slack = INFERRED_SLACK_DAYS if a.date_inferred != b.date_inferred else DATE_SLACK_DAYS
    ok, year_free = dates_match(a.date, b.date, slack)
    if year_free and not a.names & b.names:
        return False, False  # a date without its year needs more: a person, organisation or group in common
    if ok and MONTH_NEEDS_TOLL and a.date and b.date and a.date.precision != b.date.precision and not tolls_close(a, b):
        return False, False  # a month holds many happenings: a day's report joins a month's on a shared toll only
    return ok, year_free


@dataclass
class WorkingIncident:
    """An incident while linking: its reports and the span of their dates."""

    id: str
    reports: list[Report] = field(default_factory=list)
    start: dt.date | None = None
    end: dt.date | None = None
    year_free: set[tuple[str, int]] = field(default_factory=set)  # reports that joined on month-day only

    def add(self, rep: Report, year_free: bool = False) -> None:
        self.reports.append(rep)
        if year_free:
            self.year_free.add(rep.key)
        self._span()

    def _dates(self) -> list[DateSpan]:
        return [d for r in self.reports if (d := span_date(r)) is not None and r.key not in self.year_free]

    def _span(self) -> None:
        """The incident's dates: those of its day-precision reports (a month-precision one says "some day that
        month" and does not widen them, nor does a report's day, an upper bound: `DateSpan.bound`); with only
        bounds, the days they share; a month's when it has no day report. Year-free reports do not count."""
        dated = self._dates()
        days = [d for d in dated if d.precision == "day" and not d.bound]
        bounds = [d for d in dated if d.precision == "day" and d.bound]
        if not days and bounds and max(d.start for d in bounds) <= min(d.end for d in bounds):
            self.start, self.end = max(d.start for d in bounds), min(d.end for d in bounds)
            return
        days = days or bounds or dated
        self.start = min((d.start for d in days), default=None)
        self.end = max((d.end for d in days), default=None)

    @property
    def doc_ids(self) -> set[str]:
        return {r.doc_id for r in self.reports}

    @property
    def day_dated(self) -> bool:
        return any(r.date is not None and r.date.precision == "day" and r.key not in self.year_free
                   for r in self.reports)

    def span_ok(self, rep: Report) -> bool:
        """Whether a report may join without the incident spanning more than MAX_SPAN_DAYS: its
        day-precision dates (the new one's included) within that many days, and every report's day (a bound) on
        or after their first day and reaching them (or, with no day of the act, all the bounds sharing a day)."""
        date = span_date(rep)
        if date is None or date.precision != "day" or self.start is None or self.end is None or not self.day_dated:
            return True
        dated = [d for d in self._dates() if d.precision == "day"] + [date]
        days = [d for d in dated if not d.bound]
        bounds = [d for d in dated if d.bound]
        if days:
            start, end = min(d.start for d in days), max(d.end for d in days)
            return (end - start).days <= MAX_SPAN_DAYS and all(b.start <= end and start <= b.end for b in bounds)
        return max(b.start for b in bounds) <= min(b.end for b in bounds)


def cells(p: Place) -> list[tuple[int, int]]:
    assert p.lat is not None and p.lon is not None
    ci, cj = int(p.lat // CELL_DEG), int(p.lon // CELL_DEG)
    reach = 2 if p.feature in AREAS else 1
    return [(ci + i, cj + j) for i in range(-reach, reach + 1) for j in range(-reach, reach + 1)]


def _home_cell(p: Place) -> tuple[int, int]:
    assert p.lat is not None and p.lon is not None
    return int(p.lat // CELL_DEG), int(p.lon // CELL_DEG)


def reach_days() -> int:
    """How many days around a report's dates its candidates may lie (a report's day reaches back: its start is
    report_day.reach_days before the day it gives, and a candidate's may be)."""
    return max(MAX_SPAN_DAYS, DATE_SLACK_DAYS, INFERRED_SLACK_DAYS) + report_reach_days()


def _weeks(d: DateSpan) -> list[tuple[int, int]]:
    out = []
    day = d.start - dt.timedelta(days=reach_days())
    while day <= d.end + dt.timedelta(days=reach_days()):
        iso = day.isocalendar()
        if not out or out[-1] != (iso[0], iso[1]):
            out.append((iso[0], iso[1]))
        day += dt.timedelta(days=1)
    return out


def shared_toll_days(rep: Report) -> list[dt.date]:
    """The days on which a report with a main toll looks for incidents anywhere (SHARED_TOLL, COUNTRY_HOLDS): its
    own day (or the days a report's day, a bound, reaches), and with COUNTRY_HOLDS reach_days around them, where a
    report placed only in its country may lie."""
    days = day_list(rep.date) if (SHARED_TOLL or COUNTRY_HOLDS) and rep.main_tolls else []
    if not days:
        return []
    reach = reach_days() if COUNTRY_HOLDS else 0
    return [days[0] + dt.timedelta(days=i) for i in range(-reach, (days[-1] - days[0]).days + reach + 1)]


def day_list(d: DateSpan | None) -> list[dt.date]:
    """The days of a day-precision date that names one day, or of a report's day with its reach; else none."""
    if d is None or d.precision != "day" or (d.start != d.end and not d.bound):
        return []
    return [d.start + dt.timedelta(days=i) for i in range((d.end - d.start).days + 1)]


class IncidentIndex:
    """The incidents found so far and the blocking index that finds candidates for a new report."""

    def __init__(self) -> None:
        self.incidents: dict[str, WorkingIncident] = {}
        self._by_week: dict[tuple, set[str]] = defaultdict(set)
        self._by_monthday: dict[tuple, set[str]] = defaultdict(set)
        self._by_cell: dict[tuple, set[str]] = defaultdict(set)
        self._by_day: dict[tuple, set[str]] = defaultdict(set)  # (group, day) of day-precision reports: SHARED_TOLL
        self.of_report: dict[tuple[str, int], str] = {}
        self.comparisons = 0

    def _index(self, inc: WorkingIncident, rep: Report) -> None:
        assert rep.place is not None
        cell = _home_cell(rep.place)
        self._by_cell[(rep.group, cell)].add(inc.id)
        if rep.date is not None:
            for week in _weeks(rep.date):
                self._by_week[(rep.group, cell, week)].add(inc.id)
            if rep.date.precision == "day":
                for day in day_list(rep.date) or [rep.date.start]:
                    self._by_monthday[(rep.group, cell, day.month, day.day)].add(inc.id)
                for day in day_list(rep.date):
                    self._by_day[(rep.group, day)].add(inc.id)

    def candidates(self, rep: Report, ignore_dates_for: set[str] | None = None) -> set[str]:
        """Incidents near the report in kind, space and time (and those of near-duplicate documents)."""
        assert rep.place is not None
        out: set[str] = set()
        for day in shared_toll_days(rep):  # the same toll anywhere in the country that day (SHARED_TOLL)
            out |= self._by_day.get((rep.group, day), set())
        for cell in cells(rep.place):
            if rep.date is not None:
                for week in _weeks(rep.date):
                    out |= self._by_week.get((rep.group, cell, week), set())
                if rep.date.month_day:
                    out |= self._by_monthday.get((rep.group, cell, *rep.date.month_day), set())
            if ignore_dates_for:
                out |= {i for i in self._by_cell.get((rep.group, cell), set())
                        if self.incidents[i].doc_ids & ignore_dates_for}
        return out

    def add_report(self, rep: Report, near_duplicates: set[str] | None = None) -> str:
        """Put the report into the incident it matches best, or a new one; returns the incident id.

        A report matching several incidents joins the one with the most matching reports; merging them
        (single link) was tried and links more different happenings than it unites on FA-KES dev."""
        best: tuple[int, str] | None = None
        best_year_free = False
        for inc_id in sorted(self.candidates(rep, near_duplicates)):
            inc = self.incidents[inc_id]
            hits, year_free = 0, False
            if not all(camps_match(rep, other) for other in inc.reports):
                continue  # one of its reports names the other camp doing another kind of act
            for other in inc.reports:
                if other.doc_id == rep.doc_id:
                    continue
                self.comparisons += 1
                ignore = bool(near_duplicates) and other.doc_id in near_duplicates
                ok, yf = reports_match(rep, other, ignore_dates=ignore)
                if ok:
                    hits += 1
                    year_free = year_free or yf or ignore
            if hits and (year_free or inc.span_ok(rep)) and (best is None or hits > best[0]):
                best, best_year_free = (hits, inc_id), year_free
        if best is None:
            inc_id = "inc:" + hashlib.sha256(f"{rep.doc_id}#{rep.index}".encode()).hexdigest()[:16]
            inc = self.incidents[inc_id] = WorkingIncident(inc_id)
        else:
            inc = self.incidents[best[1]]
        inc.add(rep, year_free=best_year_free)
        self._index(inc, rep)
        self.of_report[rep.key] = inc.id
        return inc.id

    def put(self, rep: Report, inc_id: str, year_free: bool = False) -> None:
        """Put a report into a known incident without matching (a document linked earlier, read back)."""
        inc = self.incidents.get(inc_id)
        if inc is None:
            inc = self.incidents[inc_id] = WorkingIncident(inc_id)
        inc.add(rep, year_free=year_free)
        self._index(inc, rep)
        self.of_report[rep.key] = inc_id
