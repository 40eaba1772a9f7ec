"""The setting of a report around its trigger words: what in a text names no incident of its own.

A trigger inside a name ("C-Murder", the album "How to Dismantle a Bomb"); a person taken, not a place
(the named people of the text); violence dated years before the report (history it recalls); and violence
a court case is about ("sued for rape", "the trial heard that he molested ..."): ACLED codes political
violence reported as having happened, not crimes that a court tries, so in a report of a court case
(events_court.tsv words, at least COURT_MIN of them) violence against civilians with no armed actor or
conflict setting in its sentence is not an event. And a full report with no political setting anywhere
(events_setting.tsv: no organised armed actor, no war, no demonstration; the police, a lone
gunman or a knife are no such thing) tells of common crime, not political violence, when it tells of a
stabbing or a kidnapping: a demanding ACLED coder codes neither.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

import numpy
from spacy.attrs import ENT_TYPE, LEMMA, LOWER, POS
from spacy.strings import get_string_id
from spacy.symbols import PROPN
from spacy.tokens import Doc

from claimgraph.contract import Event
from claimgraph.data import read_rows
from claimgraph.nlp import head_date as head_rule
from claimgraph.nlp.events.evidence import EVENT_NOUNS, PARTICIPANT_HEADS
from claimgraph.nlp.events.lexicon import Match, PatternIndex, TokForms, parse_pattern
from claimgraph.nlp.state import DocState

#: an event dated more than this many years before the report is history it recalls
HISTORY_YEARS = 1
#: words of a court case a report needs before it is read as one
COURT_MIN = 3
#: evidence classes that make violence against civilians political violence whatever the setting
POLITICAL = {"armed", "conflict"}


#: sentences a report needs before the absence of any political setting in it says something (a snippet of a
#: report, one or two sentences, may have been cut from the context that gave it one)
SETTING_MIN_SENTENCES = 6
#: ACLED types a report with no political setting does not report: the fights, shootings, stabbings, beatings
#: and kidnappings that common crime shares with them, and the arrests of authorities that ACLED codes as
#: strategic developments (of political figures, of protesters). Not explosions: a bomb or a blast in a bus is
#: remote violence whoever set it off (an accident is a man-made disaster)
SETTING_TYPES = {"Battles", "Violence against civilians"}
SETTING_SUBTYPES = {"Arrests"}


@functools.lru_cache(maxsize=1)
def _setting_index() -> tuple[PatternIndex, PatternIndex]:
    """(political words with the armed groups of armed_groups.tsv, phrases of their ordinary senses)."""
    common, political = PatternIndex(), PatternIndex()
    for kind, pattern in read_rows("events_setting.tsv"):
        (common if kind == "common" else political).add(parse_pattern(pattern), kind)
    for row in read_rows("armed_groups.tsv"):
        for name in [row[0]] + [a for a in (row[1].split("|") if len(row) > 1 else []) if a.strip()]:
            if len(name) > 2:  # "IS" is also a verb
                political.add(parse_pattern(" ".join("=" + w for w in name.lower().replace("-", " ").split())),
                              "political")
    return common, political


def political_setting(toks: list[TokForms]) -> bool:
    """Does the sentence give its report a political setting: an organised armed actor, a war or political
    violence, demonstrators (events_setting.tsv), in that sense ("a bidding war", "a war film", "the Swiss
    army knife" are none)?"""
    common_index, political_index = _setting_index()
    common = {i for m in common_index.find(toks) for i in range(m.start, m.end)}
    for m in political_index.find(toks):
        if all(i in common for i in range(m.start, m.end)):
            continue
        inside = {toks[i].token.i for i in range(m.start, m.end)}
        last = toks[m.end - 1].token
        head = last.head
        if (last.dep_ in ("compound", "amod", "nmod") and head.i not in inside and head.dep_ != "ROOT"
                and head.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() not in EVENT_NOUNS | PARTICIPANT_HEADS):
            continue  # "a war film", "army boots": the word qualifies a thing, it names no actor or war
        return True
    return False


def crime_not_reported(event_type: str, subtype: str) -> bool:
    """In a full report with no political setting: is an event of this kind a crime (or the police's work),
    not what ACLED codes?"""
    return event_type in SETTING_TYPES or subtype in SETTING_SUBTYPES


@functools.lru_cache(maxsize=1)
def court_words() -> frozenset[str]:
    return frozenset(row[0].lower() for row in read_rows("events_court.tsv"))


def court_case(doc: Doc) -> bool:
    """Is the text a report of a court case (a trial, a lawsuit)?"""
    words = court_words()
    strings = doc.vocab.strings
    seen = _COURT_LEMMAS
    if len(seen) > 20_000:  # distinct lemmas remembered (a stream of any size stays flat)
        seen.clear()
    rows = doc.to_array([LEMMA, LOWER]).reshape(-1, 2)  # no Token per token
    lemmas, lowers = rows[:, 0].tolist(), rows[:, 1].tolist()
    # a lemma is a court word once lower-cased (each distinct lemma asked once per process), a lower-case form
    # when its string id is one of the court words'
    hits = set()
    for lemma in set(lemmas):
        hit = seen.get(lemma)
        if hit is None:
            hit = seen[lemma] = strings[lemma].lower() in words
        if hit:
            hits.add(lemma)
    court = _court_ids(words)
    if hits:
        count = sum(1 for lemma, lower in zip(lemmas, lowers, strict=True) if lemma in hits or lower in court)
    else:
        count = sum(map(court.__contains__, lowers))
    return count >= COURT_MIN


#: a lemma's string id -> whether it is a court word once lower-cased (`court_case`)
_COURT_LEMMAS: dict[int, bool] = {}


@functools.lru_cache(maxsize=4)
def _court_ids(words: frozenset[str]) -> frozenset[int]:
    """The court words' string ids (a lower-case form is one when its id is one of these)."""
    return frozenset(get_string_id(w) for w in words)


def tried_not_reported(event_type: str, classes: set[str]) -> bool:
    """In a court report: violence against civilians with no armed actor or conflict in its sentence is a
    crime the court tries, not political violence the report says happened."""
    return event_type == "Violence against civilians" and not classes & POLITICAL


#: names a trigger word may stand in without naming an event ("C-Murder", "How to Dismantle a Bomb"); not
#: organisations: "Air Force" in "the Syrian Air Force" says who struck
NAME_LABELS = {"PERSON", "WORK_OF_ART", "PRODUCT", "LAW"}


def in_name(toks: list[TokForms], m: Match) -> bool:
    """Is the trigger a word of a longer name (a person, an organisation, a work, a product)? Then it
    names no event: the rapper "C-Murder", the album "How to Dismantle a Bomb"."""
    words = [toks[i].token for i in range(m.start, m.end)]
    label = words[0].ent_type_
    if label not in NAME_LABELS or any(w.ent_type_ != label for w in words):
        return False
    doc = words[0].doc
    ent = next((e for e in doc.ents if e.start <= words[0].i < e.end), None)
    return ent is not None and len(ent) > len(words)


def person_tokens(doc: Doc, state: DocState) -> set[int]:
    """Token indexes of the people the text names: PERSON mentions, and names the parser takes for a
    person or an organisation that no place mention covers ("Qanbar was decorated")."""
    person, org = doc.vocab.strings["PERSON"], doc.vocab.strings["ORG"]
    rows = doc.to_array([POS, ENT_TYPE]).reshape(-1, 2)  # pos_ == "PROPN", ent_type_ PERSON or ORG
    hit = (rows[:, 0] == PROPN) & ((rows[:, 1] == person) | (rows[:, 1] == org))
    out: set[int] = set(numpy.flatnonzero(hit).tolist())
    for place in state.items.get("places", []):  # a span's token indexes: no Token per token
        for s, e in place.mentions:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None:
                out.difference_update(range(span.start, span.end))
    for ent in state.items.get("entities", []):
        if ent.type != "PERSON":
            continue
        for s, e in ent.mentions:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None:
                out.update(range(span.start, span.end))
    return out


def head_date(state: DocState, text: str) -> str | None:
    """The report's date printed at the head of a text without a published date ("21 Jul 2016 Dozens of ..."):
    the times component's one rule (`nlp.head_date.head_date`) over the times it emitted."""
    return head_rule.head_date(text, ((t.span[0], t.span[1], t.value)
                                       for t in sorted(state.items.get("times", []), key=lambda t: t.span[0])))


def is_history(event: Event, times: dict, published: str | None) -> bool:
    """Is the event dated years before the report ("the war began in 2011 when protests were crushed",
    in a report of 2016)? Then it is the war's history the report recalls, not an incident it reports."""
    time = times.get(event.time or "")
    return time is not None and years_before(time.value, published)


def years_before(value: str | None, published: str | None) -> bool:
    """Is a date's year more than HISTORY_YEARS before the report's?"""
    if not value or not published or not value[:4].isdigit() or not published[:4].isdigit():
        return False
    return int(value[:4]) < int(published[:4]) - HISTORY_YEARS


#: a calendar date: ISO year, month or day (not a week, an interval or a date with no year)
_ISO = re.compile(r"^\d{4}(?:-\d\d){0,2}$")


def after_report(value: str | None, report: str | None) -> bool:
    """Is a calendar date (ISO day, month or year) later than the report's? An event reported as having happened
    was not then."""
    if not value or not report or not _ISO.match(value) or not _ISO.match(report):
        return False
    n = min(len(value), len(report))
    return value[:n] > report[:n]


@functools.lru_cache(maxsize=1)
def _day_span_words() -> frozenset[str]:
    return frozenset(row[0].lower() for row in read_rows("events_day_spans.tsv"))


#: the most days between the two times of one span ("on Thursday and Friday")
SPAN_DAYS = 3


def first_of_span(times: list, text: str, tid: str) -> str:
    """The first time of a span of days that the time closes ("killed on Thursday and Friday": Thursday): an
    incident told over several days is dated from its first (events_day_spans.tsv). Only two days of one
    phrase, a few days apart: "from March until Tuesday" or "postponed from Monday to Thursday" joins no days
    of the act, whose time is the second."""
    by_id = {t.id: t for t in times}
    cur = by_id.get(tid)
    for _ in range(3):
        prev = next((t for t in times if cur is not None and t.span[1] <= cur.span[0]
                     and text[t.span[1]:cur.span[0]].strip().lower() in _day_span_words()
                     and _days_apart(t.value, cur.value)), None)
        if prev is None:
            break
        cur = prev
    return cur.id if cur is not None else tid


def _days_apart(first: str | None, second: str | None) -> bool:
    """Are two times days (ISO) at most `SPAN_DAYS` apart, the first not after the second?"""
    try:
        gap = (dt.date.fromisoformat(second or "") - dt.date.fromisoformat(first or "")).days
    except ValueError:
        return False
    return len(first or "") == len(second or "") == 10 and 0 < gap <= SPAN_DAYS
