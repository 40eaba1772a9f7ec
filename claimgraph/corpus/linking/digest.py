"""What linking needs from one analysis, computed once per document: dated, placed reports of events.

A document's events are grouped into *reports*: events of one kind (the `group` column of
events_types.tsv: violence, protest, displacement, ...) at one place on one date are one happening as
far as this document tells it. A report's date is what the text states: a time whose year is written
("16 Apr 2017") is trusted as it is; a time whose year was filled in from the dateline ("November
24th" in an article dated JUNE 2023) keeps its month and day but not its year (`year_stated` False),
which is what lets a recycled article link to the incident it really reports. An event with no time
gets its document's publication date (news reports what happened in the last days); one dated only to a year
that does not hold that day ("last year") gets no date: a recall, linked on nothing but a near-duplicate text.
An event dated only by a day told in a reporting clause ("On Sunday a monitor said at least 40 were killed") has
that day as an upper bound: the report's date reaches linking.json report_day.reach_days days back
(`DateSpan.bound`). An event placed only at country level (or nowhere) takes the document's focus place: its
most mentioned place finer than a country (the country in an event's sentence is as often the actor's as the place's).
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from claimgraph.contract import Analysis, Event, Place, Time
from claimgraph.data import read_rows

#: days before publication an undated event may have happened in (dated ones are dated by the times component:
#: "yesterday", "on Sunday"); 0: the publication day, best on FA-KES dev
UNDATED_WINDOW_DAYS = 0
#: ACLED types that are claims about another event, not happenings of their own
ATTRIBUTION_TYPES = frozenset({"Attribution of responsibility"})
COARSE_FEATURES = frozenset({"country"})
#: a toll this large given by two reports is specific enough to be evidence they tell the same happening
MIN_SHARED_TOLL = 5
#: events starting this close to the top (headline and first sentence) are main events too
LEAD_CHARS = 150
#: an event whose headline or lead mention (Event.mentions) is in the top is a main event too
LEAD_BY_MENTION = True
#: when the top tells some event, the first by salience is not a main event unless it is one of those
LEAD_ONLY_TOP = True


#: the main event an article's top does not name is the first by salience of those not dated to a day this many
#: days or more before its publication (None: the first by salience): a happening the text dates to a day weeks
#: before the dateline ("recently, on October 13, state media reported...") is background, the news is recent.
#: FA-KES dev, main events: tune P 0.500 -> 0.545, check P 0.568 -> 0.583, recall unchanged (2, 3, 7 days alike)
RECALL_DAYS: int | None = 3


def _recent(date: DateSpan | None, published: DateSpan | None) -> bool:
    """Whether a report's date is no recall: undated, dated to a month or vaguer (a "month ago" is too loose to
    set a happening aside), or a day less than RECALL_DAYS before publication."""
    if date is None or published is None or RECALL_DAYS is None or date.precision != "day":
        return True
    return (published.start - date.end).days < RECALL_DAYS


@lru_cache(maxsize=1)
def type_groups() -> dict[str, str]:
    """ACLED subtype -> the group of kinds that can be the same happening (events_types.tsv)."""
    return {row[0]: row[2] for row in read_rows("events_types.tsv") if len(row) >= 3}


@lru_cache(maxsize=1)
def _month_words() -> frozenset[str]:
    return frozenset(row[1] for row in read_rows("times_lexicon.tsv", header=False)
                     if len(row) >= 2 and row[0] == "month")


_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)|['’]\d\d\b")
_DAYNUM = re.compile(r"(?<!\d)([12]?\d|3[01])(st|nd|rd|th)?(?!\d)")
_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class DateSpan:
    """A date interval as a document gives it, and which parts of it the text actually states."""

    start: dt.date
    end: dt.date
    iso: str
    precision: str
    year_stated: bool
    month_day: tuple[int, int] | None = None  # stated month and day (when the year is not stated)
    #: the text gives only the day the act was reported ("a monitor said on Sunday"): `end` is that day, an upper
    #: bound, and `start` lies report_day.reach_days before it (the act's day is not known more closely)
    bound: bool = False

    def overlaps(self, other: DateSpan, slack_days: int = 0) -> bool:
        slack = dt.timedelta(days=slack_days)
        return self.start <= other.end + slack and other.start <= self.end + slack

    def days_from(self, other: DateSpan) -> int:
        """Days between the two intervals (0 when they overlap)."""
        if self.overlaps(other):
            return 0
        return min(abs((self.start - other.end).days), abs((other.start - self.end).days))


def interval(value: str | None) -> tuple[dt.date, dt.date, str] | None:
    """ISO 8601 at its precision ('2015-11-24', '2015-11', '2015') -> first day, last day, precision."""
    if not value:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip()[:10])
    if not m:
        return None
    y = int(m.group(1))
    try:
        if m.group(3):
            d = dt.date(y, int(m.group(2)), int(m.group(3)))
            return d, d, "day"
        if m.group(2):
            mo = int(m.group(2))
            first = dt.date(y, mo, 1)
            last = (dt.date(y + (mo == 12), mo % 12 + 1, 1) - dt.timedelta(days=1))
            return first, last, "month"
        return dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
    except ValueError:
        return None


def time_span(t: Time) -> DateSpan | None:
    """A contract time as a DateSpan: only day and month precision are precise enough to link on."""
    iv = interval(t.value)
    if iv is None or iv[2] not in ("day", "month"):
        return None
    start, end, precision = iv
    year_stated = t.anchor == "explicit" or bool(_YEAR.search(t.text))
    month_day = None
    if not year_stated and precision == "day":
        words = {w.lower() for w in _WORD.findall(t.text)}
        if words & _month_words() and _DAYNUM.search(t.text):
            month_day = (start.month, start.day)
    return DateSpan(start, end, t.value or "", precision, year_stated, month_day)


@lru_cache(maxsize=1)
def _report_day() -> dict[str, int]:
    from claimgraph.corpus.linking.entities import linking_data

    return linking_data().get("report_day", {"reach_days": 0, "words_after": 0, "words_before": 0})


def report_reach_days() -> int:
    """How far before a report's day (`DateSpan.bound`) its act may lie (linking.json report_day.reach_days)."""
    return int(_report_day()["reach_days"])


_BREAK = re.compile(r"[.!?;:\n\"“”]")


def _near(text: str, t: tuple[int, int], f: tuple[int, int]) -> bool:
    """A time and a frame's speaker or cue in one sentence, with no break and at most report_day.words_after
    words between them when the time follows ("said in a statement on Sunday"), words_before when it leads ("On
    Sunday, a monitor said"; a day further before belongs to the clause it ends: "shelled the city Monday killing
    four, residents said")."""
    if f[1] <= t[0]:
        gap, most = text[f[1]:t[0]], _report_day()["words_after"]
    elif t[1] <= f[0]:
        gap, most = text[t[1]:f[0]], _report_day()["words_before"]
    else:
        return False
    return not _BREAK.search(gap) and len(_WORD.findall(gap)) <= most


def report_day_times(analysis: Analysis) -> frozenset[str]:
    """The time items that date a report, not an act: a time in an attribution's frame, i.e. next to (or a few
    words from) its cue or its speaker, outside the words it reports ("On Sunday a monitor said at least 40 people
    were killed", "the ministry said in a statement on Sunday that ..."). The events component keeps such a day as
    an event's time when the act has none of its own (the tighter bound); linking reads it as a bound.

    Only the frames near a time are compared with it (`_frames_near`), so the work grows with the text, not with
    its times times its quotes (a long article has hundreds of each)."""
    text = analysis.document.text
    quotes = [q for q in analysis.quotes if q.cue_span is not None]
    frames = [[q.cue_span] + ([q.speaker_span] if q.speaker_span else []) for q in quotes]
    near = _frames_near(text, frames)
    out: set[str] = set()
    for t in analysis.times:
        iv = interval(t.value)
        if iv is None or iv[2] != "day":
            continue
        for i in near(t.span):
            q, frame = quotes[i], frames[i]
            if t.span[0] < q.span[1] and q.span[0] < t.span[1]:
                continue  # a day within the reported words is the act's ("said the strike on Sunday killed 40")
            if any(s < t.span[1] and t.span[0] < e for s, e in frame):
                continue  # inside a speaker's words ("the man wounded on Sunday said"): not the report's day
            if any(_near(text, t.span, f) for f in frame) and not _across(q.span, t.span, frame):
                out.add(t.id)
                break
    return frozenset(out)


def _frames_near(text: str, frames: list[list[tuple[int, int]]]) -> Callable[[tuple[int, int]], list[int]]:
    """A lookup: a time's span -> the frames (their indexes, in order) with a span `_near` could accept, i.e. one
    ending before the time with no break between them or starting after it with no break between them. The spans
    are sorted once and each lookup bisects between the breaks around the time."""
    breaks = [m.start() for m in _BREAK.finditer(text)]
    ends = sorted((f[1], i) for i, frame in enumerate(frames) for f in frame)
    starts = sorted((f[0], i) for i, frame in enumerate(frames) for f in frame)
    end_keys, start_keys = [e for e, _ in ends], [s for s, _ in starts]

    def lookup(span: tuple[int, int]) -> list[int]:
        b = bisect.bisect_left(breaks, span[0])
        last_break = breaks[b - 1] if b else -1  # text[f_end:t_start] holds no break: f_end > last_break
        b = bisect.bisect_left(breaks, span[1])
        next_break = breaks[b] if b < len(breaks) else len(text)  # text[t_end:f_start]: f_start <= next_break
        found = {i for _, i in ends[bisect.bisect_right(end_keys, last_break):bisect.bisect_right(end_keys, span[0])]}
        found |= {i for _, i in starts[bisect.bisect_left(start_keys, span[1]):
                                       bisect.bisect_right(start_keys, next_break)]}
        return sorted(found)

    return lookup


def _across(content: tuple[int, int], t: tuple[int, int], frame: list[tuple[int, int]]) -> bool:
    """The reported words lie between the time and the frame: the time is beyond them, not in the frame."""
    lo = min(f[0] for f in frame)
    hi = max(f[1] for f in frame)
    return (t[1] <= content[0] and content[1] <= lo) or (hi <= content[0] and content[1] <= t[0])


def _may_be(t: Time, day: DateSpan | None) -> bool:
    """Whether the publication day may stand in for the date of an event the text gives this time: one too vague
    to link on (a year) that holds the day, or one that tells no interval ("the year before")."""
    iv = interval(t.value)
    return iv is None or day is None or (iv[0] <= day.start and day.end <= iv[1])


def bounded(date: DateSpan) -> DateSpan:
    """A report's day as the interval the act lies in: report_day.reach_days before it, up to it."""
    if date.precision != "day":
        return date
    start = date.end - dt.timedelta(days=report_reach_days())
    return DateSpan(start, date.end, date.iso, "day", date.year_stated, date.month_day, bound=True)


#: with no publication date in the metadata, a full date written this close to the start is taken for it
OPENING_CHARS = 300


@lru_cache(maxsize=1)
def _frame_before() -> re.Pattern[str]:
    """A word that makes the date after it the start of a period (events_time_frames.tsv: "since"), at the end of
    the text before the date."""
    words = sorted((row[0].lower() for row in read_rows("events_time_frames.tsv") if row[1] == "period"),
                   key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in words)})\s+(?:the\s+)?$", re.IGNORECASE)


def published_span(analysis: Analysis) -> DateSpan | None:
    """The publication date, or else the first explicit full date in the opening (a dateline in the text), not one
    that starts a period ("a town rebels have held since 12 March 2015": background, not the report's date)."""
    iv = interval(analysis.document.published)
    if iv is not None:
        return DateSpan(iv[0], iv[1], analysis.document.published or "", iv[2], True)
    text = analysis.document.text
    for t in sorted(analysis.times, key=lambda t: t.span[0]):
        if t.span[0] > OPENING_CHARS:
            break
        iv = interval(t.value)
        if t.anchor == "explicit" and iv is not None and iv[2] == "day":
            if _frame_before().search(text[max(0, t.span[0] - 30):t.span[0]]):
                continue
            return DateSpan(iv[0], iv[1], t.value or "", "day", True)
    return None


def undated_span(published: DateSpan | None) -> DateSpan | None:
    """Where an event the text does not date is taken to be: the days up to its publication."""
    if published is None:
        return None
    if published.precision != "day":
        return published
    start = published.start - dt.timedelta(days=UNDATED_WINDOW_DAYS)
    return DateSpan(start, published.end, published.iso, "day", True)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


@dataclass
class Report:
    """One document's account of one happening (linking's working form of models.Report)."""

    doc_id: str
    index: int  # position among the document's reports
    group: str
    type: str
    subtype: str
    date: DateSpan | None
    place: Place | None
    place_inherited: bool
    events: list[Event] = field(default_factory=list)
    lead: bool = False
    names: frozenset[str] = frozenset()  # the document's people, organisations and groups (entities.entity_key)
    camps: frozenset[str] = frozenset()  # the camps (linking.json camps) of the forces its events name as actors
    date_inferred: bool = False  # the date is the publication day, not one the text gives the event
    vague: frozenset[str] = frozenset()  # its document's quantities that are no figure ("scores", "dozens")
    #: the country (ISO code) one of its events is placed in when the text names no finer place for it and the
    #: document's focus place inside that country stands in: the happening lies somewhere in that country (None
    #: once an event placed finer than a country, the focus place itself, is in the report)
    country_only: str | None = None

    @property
    def figures(self) -> set[tuple[str, float]]:
        """(casualty kind, lower bound) of every figure its events give, sums included, vague ones left out."""
        return {(c.kind, c.low) for e in self.events for c in e.casualties
                if c.low is not None and c.low >= 1 and c.quantity not in self.vague}

    @property
    def main_tolls(self) -> set[tuple[str, float]]:
        """The largest of its tolls (`tolls`) of each kind: a toll two reports share links them only if it is
        the main one of both (a part, "six of them children", is no evidence)."""
        best: dict[str, float] = {}
        for kind, low in self.tolls:
            best[kind] = max(best.get(kind, 0.0), low)
        return set(best.items())

    @property
    def largest(self) -> dict[str, float]:
        """The largest figure of each casualty kind its events give (a part of a toll is smaller than the toll);
        vague ones ("scores") and casualties with no number written for them left out."""
        out: dict[str, float] = {}
        for e in self.events:
            for c in e.casualties:
                if c.low is not None and c.low >= 1 and c.quantity and c.quantity not in self.vague:
                    out[c.kind] = max(out.get(c.kind, 0.0), c.low)
        return out

    @property
    def tolls(self) -> set[tuple[str, float]]:
        """(casualty kind, lower bound) of the figures its events give, at least MIN_SHARED_TOLL."""
        return {(c.kind, c.low) for e in self.events for c in e.casualties
                if c.low is not None and c.low >= MIN_SHARED_TOLL}

    @property
    def key(self) -> tuple[str, int]:
        return (self.doc_id, self.index)


@dataclass
class Digest:
    """Everything linking reads from one analysis."""

    analysis: Analysis
    published: DateSpan | None
    reports: list[Report]

    @property
    def doc_id(self) -> str:
        return self.analysis.document.id


def _inside_times(analysis: Analysis) -> list[Place]:
    """Places every mention of which lies inside a time expression ("Jul" of "21 Jul 2015"): not places."""
    spans = [t.span for t in analysis.times]
    return [p for p in analysis.places
            if p.mentions and all(any(s <= ms and me <= e for s, e in spans) for ms, me in p.mentions)]


def focus_place(analysis: Analysis, ignore: frozenset[str] = frozenset(), country: str | None = None) -> Place | None:
    """The document's most mentioned place finer than a country (ties: first mentioned); with `country`, the
    most mentioned one inside that country (an event the text places only in "Syria" happened in Syria,
    not in the Washington its article also names)."""
    best: tuple[int, int] | None = None
    chosen = None
    for p in analysis.places:
        if p.id in ignore or p.lat is None or p.lon is None or p.feature in COARSE_FEATURES or p.feature is None:
            continue
        if country is not None and p.country != country:
            continue
        first = min((s for s, _ in p.mentions), default=10**9)
        score = (len(p.mentions), -first)
        if best is None or score > best:
            best, chosen = score, p
    return chosen


def _place_key(p: Place | None) -> str:
    if p is None:
        return "-"
    return p.gazetteer_id or f"{p.name.lower()}@{p.lat},{p.lon}"


def digest(analysis: Analysis) -> Digest:
    """Group a document's events into reports (see the module's docstring)."""
    not_places = frozenset(p.id for p in _inside_times(analysis))
    places = {p.id: p for p in analysis.places if p.id not in not_places}
    times = {t.id: t for t in analysis.times}
    report_days = report_day_times(analysis)
    published = published_span(analysis)
    fallback_date = undated_span(published)
    focus = focus_place(analysis, not_places)
    groups = type_groups()
    from claimgraph.corpus.linking.entities import camp_of, entity_key

    names = frozenset(k for e in analysis.entities if e.type != "OUTLET" and (k := entity_key(e)))
    entity_names = {e.id: e.name for e in analysis.entities}
    reports: dict[tuple[str, str, str], Report] = {}
    vague = frozenset(q.id for q in analysis.quantities if q.approx == "vague")
    for ev in analysis.events:
        if ev.type in ATTRIBUTION_TYPES:
            continue
        group = groups.get(ev.subtype, ev.type)
        date = time_span(times[ev.time]) if ev.time in times else None
        if date is not None and ev.time in report_days:
            date = bounded(date)
        inferred = date is None
        if date is None and (ev.time not in times or _may_be(times[ev.time], fallback_date)):
            date = fallback_date  # not one dated to a year the day is not in ("last year"): a recall, no date
        place = places.get(ev.place) if ev.place else None
        inherited = False
        country_only = None
        if place is not None and place.feature in COARSE_FEATURES and place.country:
            inside = focus_place(analysis, not_places, place.country)
            if inside is not None:
                place, inherited, country_only = inside, True, place.country
        if place is None or place.feature in COARSE_FEATURES or place.lat is None:
            if focus is not None:  # "Turkey shot down ...": a country in the sentence is often the actor's
                place, inherited = focus, True
        if place is None or place.lat is None or place.feature in COARSE_FEATURES:
            continue  # nowhere precise enough to be the same happening as anything
        key = (group, _place_key(place), (date.iso + "~" * date.bound) if date else "-")
        rep = reports.get(key)
        if rep is None:
            rep = reports[key] = Report(analysis.document.id, len(reports), group, ev.type, ev.subtype, date, place,
                                        inherited, names=names, date_inferred=inferred, vague=vague)
        elif rep.place_inherited and not inherited:
            rep.place_inherited = False
        if not inferred:
            rep.date_inferred = False
        # placed only in a country while no event of it has a place of its own finer than one (an event the text puts
        # at the focus place itself says where the happening is): like place_inherited
        rep.country_only = (rep.country_only or country_only) if rep.place_inherited else None
        rep.camps |= frozenset(c for a in ev.actors if (c := camp_of(entity_names.get(a, ""))))
        rep.events.append(ev)
        if ev.span[0] < LEAD_CHARS or (LEAD_BY_MENTION and any(s < LEAD_CHARS for s, _ in ev.mentions)):
            rep.lead = True  # what the headline and first sentence tell
    if not any(r.lead for r in reports.values()) or not LEAD_ONLY_TOP:
        ordered = list(reports.values())  # else the first by salience (events come so ordered), of the recent ones
        recent = [r for r in ordered if _recent(r.date, published)]
        for r in recent or ordered:
            r.lead = True
            break
    return Digest(analysis, published, list(reports.values()))
