"""When an event happened: a time its sentence gives the act, never a background date (issue 9, review finding L1).

Why a module of its own: an event's time is read from its sentence's parse, and which times are the event's is
a rule of its own. A sentence often dates other things than its act: a background clause ("Saraqib, a town
rebels captured in March 2015", "the deadliest raid since the war began in March 2011") dates the town's
capture or the war's start, not the strike. Taken for
the strike's date, such a time sets the strike years back (and the report then drops it as the war's history)
or days back (and cross-document linking joins it to another day's incident). So an event never takes a time
that bounds a period (events_time_frames.tsv) or that a clause describing another thing gives
(`background_time`); with none of its own, it takes its report's time or the dateline's. (Times in other
clauses of the sentence stay candidates: news sentences run clauses of one act together, and a parser often
hangs a day on the wrong verb.)
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from claimgraph.contract import Event, Time
from claimgraph.data import read_rows
from claimgraph.nlp.events.arguments import _governing_verb
from claimgraph.nlp.events.casualties import head_of_match
from claimgraph.nlp.events.lexicon import Match, TokForms
from claimgraph.nlp.events.setting import after_report, first_of_span, head_date, years_before
from claimgraph.nlp.head_date import stands_at_head
from claimgraph.nlp.state import DocState

if TYPE_CHECKING:
    from claimgraph.nlp.events.component import _Candidate
    from claimgraph.nlp.events.incidents import Hint

#: how many heads up from a time the trigger's clause may lie
CLIMB = 12
#: cues.tsv meanings of verbs that report: a relative clause of one is a report misparsed ("a nerve agent the World
#: Health Organization said on Wednesday", a comma missing), whose time dates the report, not a background fact
REPORTING_MEANINGS = frozenset({"assert", "report", "claim", "deny", "estimate"})
#: how an ISO 8601 duration value opens ("P1D", "P2Y"): a length of time, never a date of an act
DURATION = "P"
#: dependents that give a relative clause a subject of its own ("a town rebels captured", "where 9 people died")
SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})


@functools.lru_cache(maxsize=4)
def frame_words(kind: str = "period") -> frozenset[str]:
    """Words of one kind of events_time_frames.tsv: "period" (they make a time the bound of a period, not the day
    of an act), "point" (nouns naming a point in time) or "at" (opening a clause of what happened at a time)."""
    return frozenset(row[0].lower() for row in read_rows("events_time_frames.tsv") if row[1] == kind)


@functools.lru_cache(maxsize=1)
def reporting_verbs() -> frozenset[str]:
    """Lemmas of verbs that report speech or writing (cues.tsv, REPORTING_MEANINGS)."""
    return frozenset(row[0].lower() for row in read_rows("cues.tsv")
                     if len(row) > 2 and row[1] == "verb" and row[2] in REPORTING_MEANINGS)


def _describes_another(tok: Token, head: Token, acts: frozenset[int]) -> bool:
    """Is the token a relative clause with a subject of its own, about another thing than the act ("Saraqib, a town
    rebels captured in 2015", "the market, where 9 people died on February 3")? Not one describing the act ("the
    strike, which hit on Monday", "killed in a bombing which targeted a bus on Sunday": `acts`, the token indexes
    of the sentence's trigger words) or a point in time ("at the time it was struck on Monday"), nor one holding
    the act, nor a report misparsed as one. Participles ("a bombing run over the town on Monday", "stations
    affiliated with X in Y on 8 July") are left out: a parser hangs a day on them as often as on the act."""
    return (tok.dep_ == "relcl" and tok.head.i != head.i and tok.head.i not in acts
            and tok.head.lemma_.lower() not in frame_words("point") and not _inside(tok, head)
            and any(c.dep_ in SUBJECTS for c in tok.children) and tok.lemma_.lower() not in reporting_verbs())


def act_words(toks: list[TokForms], found: list[Match], best: list[Match]) -> frozenset[int]:
    """Token indexes of a sentence's words naming an act: the heads of its trigger matches (`best`), and words
    that are a trigger on their own (`found`: "bombing" inside "claimed in a terrorist bombing")."""
    return frozenset([head_of_match(toks, m).i for m in best]
                     + [toks[m.start].token.i for m in found if m.end - m.start == 1])


def _inside(tok: Token, head: Token) -> bool:
    return tok.left_edge.i <= head.i <= tok.right_edge.i


def _frames(tok: Token, below: Token, head: Token) -> bool:
    """Does the token bound a period the act lies outside of: a frame word whose object (`below`, the token read
    up from) holds the time, said in another clause than the act's ("he has been busy since November 24th"), or
    a clause a frame word opens ("since the war began in 2011")? An act inside the frame is dated by it ("since
    early 2011, when the regime cracked down on protests": the crackdown's date); one the frame word qualifies
    in the act's own clause ("Russia conducted 500 air strikes since September") spans the period from it."""
    words = frame_words()
    if tok.lower_ in words:
        return not (tok.head.i in (head.i, _governing_verb(head).i) or _inside(below, head) or _told_at(below, head))
    return any(c.dep_ == "mark" and c.lower_ in words for c in tok.children) and not _inside(tok, head)


def _told_at(time: Token, head: Token) -> bool:
    """Does the act's clause open right after the time with a word telling what happened then ("since November
    24th, when Turkey shot down a Russian jet", events_time_frames.tsv "at"), wherever the parser hangs it?"""
    verb = _governing_verb(head)
    opener = verb.left_edge
    gap = opener.doc[time.right_edge.i + 1:opener.i]
    return (opener.lower_ in frame_words("at") and all(t.is_punct for t in gap)
            and opener.head.i == verb.i)


def background_time(doc: Doc, ts: int, te: int, head: Token, acts: frozenset[int] = frozenset()) -> bool:
    """Is the time at text[ts:te] said of something else than the act whose trigger's head is `head`: the bound of
    a period another clause tells ("the deadliest raid since the war began in March 2011"), or
    a clause describing another thing ("Saraqib, a town rebels captured in March 2015", "the market, where 9
    died on February 3")? Read up from the time to the trigger's clause: a time that reaches the trigger or its
    verb first ("struck the town on Monday", "the strike, which hit on Monday") is the act's."""
    span = doc.char_span(ts, te, alignment_mode="expand")
    if span is None:
        return False
    own = {head.i, _governing_verb(head).i}
    tok = below = span.root
    for _ in range(CLIMB):
        if tok.i in own:
            return False
        if _frames(tok, below, head) or _describes_another(tok, head, acts):
            return True
        if tok.head.i == tok.i:
            return False
        below, tok = tok, tok.head
    return False


def time_of(state: DocState, c: _Candidate, start: int, acts: frozenset[int] = frozenset()) -> tuple[str | None, bool]:
    """(time, said of the report): the time said nearest the trigger in its sentence, except a background time
    (`background_time`), a time of the clause that reports the event ("the WHO said on Wednesday that the strike
    had hit the hospital": Wednesday dates the statement) and a dateline's date. With no time of its own, the
    event takes its report's time (the reporting clause's, else the dateline's), an upper bound on its date (ACLED
    codes the report's date when the event's is not given); the flag says so, and a date said of the same incident
    elsewhere replaces it (`merge_incidents`). A reporting verb's day told beside the act dates the report too,
    wherever the parser hangs it (`_report_aside`); a length of time ("a day after") dates nothing; the report's own
    year or month said apart from the act is only the dateline's; and a year long before the report said near
    the act but not of it yields to a recent time of the sentence. `acts`: the token indexes of the sentence's
    trigger words (a relative clause describing one of them tells an act, "killed in a bombing which targeted a
    bus on Sunday")."""
    s0, s1 = c.sent.start_char, c.sent.end_char
    doc = c.sent.doc
    dash = _dateline_end(c.sent)
    reported_on = state.meta.published or head_date(state, doc.text)
    own: list[tuple[int, str, bool]] = []  # (distance to the trigger, time id, an old time not on the trigger)
    report: tuple[int, str] | None = None
    line: str | None = None
    for t in state.items.get("times", []):
        try:
            ts, te = t.span
        except (AttributeError, TypeError, ValueError):
            continue
        if not (s0 <= ts and te <= s1) or after_report(t.value, reported_on):
            continue  # a time after the report dates another act ("diplomats would meet next Wednesday")
        if t.value and t.value.startswith(DURATION):
            continue  # a length of time ("a day after", "two years of war") is no date
        dist = abs(ts - start)
        if te <= dash or (t.value == reported_on and _opens(doc.text, ts, te, s0)):
            line = line or t.id  # a dateline's date, or the date printed at the head ("12 Jul 2016 Rebels ...")
        elif _report_period(t.value, reported_on) and (
                _leads(doc.text, ts, s0) or not _on_trigger(doc, ts, te, c.head)):
            line = line or t.id  # the report's own year or month ("23.04.2017)" read as "2017"), not the act's
        elif _reporting_time(doc, ts, te, c.head):
            if report is None or dist < report[0]:
                report = (dist, t.id)
        elif background_time(doc, ts, te, c.head, acts):
            continue  # a background date ("a town rebels captured in 2015", "since the war began in 2011")
        else:
            own.append((dist, t.id, years_before(t.value, reported_on) and not _on_trigger(doc, ts, te, c.head)))
    if own:
        # a year long before the report, said near the act but not of it ("the bomber, a veteran of the 1994
        # war, blew himself up on Monday"), yields to a recent time of the sentence
        best = min(own, key=lambda o: (o[2] and not all(x[2] for x in own), o[0]))
        # a span of days ("on Thursday and Friday") dates the event from its first
        return first_of_span(state.items.get("times", []), doc.text, best[1]), False
    if report is not None:
        return report[1], True
    return line, line is not None


def _leads(text: str, ts: int, s0: int) -> bool:
    """Does the time lead its sentence, with no word before it (a date printed before the text: "23.04.2017) ...")?"""
    return not any(ch.isalpha() for ch in text[s0:ts])


def _opens(text: str, ts: int, te: int, s0: int) -> bool:
    """Does a time open its sentence, or stand alone at the head after a label ("Posted: 3 May 2019 ...")?"""
    return ts == s0 or stands_at_head(text, ts, te)


#: tokens that end a dateline ("BEIRUT, March 9 (Reuters) - ..."), the most tokens a dateline runs to
DATELINE_DASHES = frozenset({"-", "--", "\u2013", "\u2014"})
DATELINE_TOKENS = 12
#: a dateline opens the text: only a sentence starting this near the top can open with one
DATELINE_CHARS = 300


def _dateline_end(sent: Span) -> int:
    """Where the dateline opening the sentence ends (a character offset; the sentence's start when it has
    none): its date is the report's, said of no event."""
    if sent.start_char > DATELINE_CHARS:
        return sent.start_char
    for tok in sent[:DATELINE_TOKENS]:
        if tok.text in DATELINE_DASHES:
            return tok.idx
    return sent.start_char


def _reporting_time(doc: Doc, ts: int, te: int, head: Token) -> bool:
    """Is the time said in a clause that reports the event's clause: above it by a clausal complement (the
    time's verb a statement, the event inside what is stated), or a reporting verb's clause that holds no act of
    its own and hangs off the act's sentence (`_report_aside`)?"""
    span = doc.char_span(ts, te, alignment_mode="expand")
    if span is None:
        return False
    verb = _governing_verb(span.root)
    if _on(span.root, verb) and _report_aside(verb, head):
        return True
    tok = _governing_verb(head)
    for _ in range(10):
        if tok.i == verb.i or tok.head.i == tok.i:
            return False
        if tok.dep_ in ("ccomp", "parataxis") and tok.head.i == verb.i:
            return True
        tok = tok.head
    return False


def _report_aside(verb: Token, head: Token) -> bool:
    """Is `verb` a reporting verb (cues.tsv) with a subject of its own whose clause does not hold the act: the
    report told beside the act, which a parser hangs anywhere when a comma is missing ("victims showed signs of a
    nerve agent the World Health Organization said on Wednesday": a relative clause on "agent")? Its day dates
    the statement; the act happened then or before. Not the act's own verb ("the group claimed the attack on
    Monday")."""
    return (verb.i != head.i and verb.lemma_.lower() in reporting_verbs() and not _inside(verb, head)
            and any(c.dep_ in SUBJECTS for c in verb.children))


def _on_trigger(doc: Doc, ts: int, te: int, head: Token) -> bool:
    """Is the time said of the trigger itself: a modifier of its word or of its verb ("the 2013 chemical attack",
    "struck in 2012")? Such a time dates the act, however old."""
    span = doc.char_span(ts, te, alignment_mode="expand")
    if span is None:
        return True
    return _on(span.root, head) or _on(span.root, _governing_verb(head))


def _on(time: Token, word: Token) -> bool:
    """Is the time's head word `word`, directly or through a preposition ("said Sunday", "said on Sunday")?"""
    up = time.head.head if time.head.dep_ == "prep" else time.head
    return word.i in (time.head.i, up.i)


def _report_period(value: str | None, reported_on: str | None) -> bool:
    """Is a time the year or the month the report was published in (a proper prefix of its day)? Said apart from
    the act, it only places the report; the act happened then or before."""
    return bool(value and reported_on and len(value) < len(reported_on) and reported_on.startswith(value)
                and value[:4].isdigit())


def undate_published(events: list[Event], times: dict[str, Time], hints: dict[str, Hint],
                     state: DocState) -> list[Event]:
    """Leave undated (`time` null) an event whose only date is its report's and that date is the publication day
    (the dateline's date, or "the ministry said on Wednesday" in Wednesday's paper). The text gives the act no date
    of its own: pointing at the dateline's time would read as a day the text gives the act, where it is only the
    upper bound every undated event has. Readers of the contract take `document.published` for it, as the ACLED
    export (time_precision 2, "published") and cross-document linking (an inferred date, with slack) already do.
    A report's day before the publication day ("activists said on Tuesday", in Wednesday's paper) is kept: it
    bounds the act more tightly than the document does. `hints`: which events are dated only by their report."""
    published = state.meta.published
    for event in events:
        time = times.get(event.time or "")
        hint = hints.get(event.id)
        if published and time is not None and hint is not None and hint.report_time and time.value == published:
            event.time = None
    return events
