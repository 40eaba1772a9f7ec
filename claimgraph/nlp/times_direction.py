"""Which way a date without a year points: after the publication when its clause says so.

"The ceasefire will hold until 30 April", "Talks are due to resume on 3 March", "The truce runs until 30 April":
the times component resolves such a date to the next one, not the latest one before the published date (its
default, right for news reporting what happened). The markers come from claimgraph/data/times_lexicon.tsv.
"""

from __future__ import annotations

import calendar
import datetime as dt

from spacy.tokens import Doc, Token

from claimgraph.nlp.shared.numbers_data import by_kind

_LEX = by_kind("times_lexicon.tsv")
FUTURE_AUX = {row[0] for row in _LEX.get("future_aux", [])}
FUTURE_FRAMES = {row[0] for row in _LEX.get("future_frame", [])}
FUTURE_PREPS = {row[0] for row in _LEX.get("future_prep", [])}


def next_date(month: int, day: int | None, ref: dt.date) -> dt.date:
    """The first date with this month (and day) on or after `ref`: a date the sentence puts ahead."""
    d = day or 1
    year = ref.year + 1 if (month, d) < (ref.month, ref.day if day else 1) else ref.year
    return dt.date(year, month, min(d, calendar.monthrange(year, month)[1]))


def future_clause(doc: Doc, start: int, end: int) -> bool:
    """Whether the clause holding a time points ahead of the publication: its verb has a future auxiliary ("will
    hold until 30 April"), is governed in the present by a future frame ("is due to end on 3 May", "are set to
    meet on Monday"), or is in the present with a forward preposition before the time ("runs until 30 April").
    A past or unmarked clause keeps the default, the most recent such date."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    prep = tok.head.lower_ if tok.dep_ == "pobj" else None
    verb = tok
    for _ in range(6):  # up to the clause's verb: "on Monday" -> "meet"
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in _near_children(verb)):
            return True
        if prep in FUTURE_PREPS and _present(verb):
            return True
        head = verb.head
        if verb.dep_ == "xcomp" and (head.lower_ in FUTURE_FRAMES or head.lemma_.lower() in FUTURE_FRAMES) \
                and _present(head):
            return True
        if verb.dep_ not in ("xcomp", "conj") or head.i == verb.i:
            return False
        verb = head
    return False


def _near_children(tok: Token) -> list[Token]:
    """The children within a few tokens of `tok` (auxiliaries stand next to their verb); spaCy's `children` walks
    the whole subtree span, O(n) per time in a sentence that is a long run."""
    doc = tok.doc
    return [doc[j] for j in range(max(0, tok.i - 4), min(len(doc), tok.i + 5)) if j != tok.i and doc[j].head.i == tok.i]


def _present(tok: Token) -> bool:
    """A verb or predicate in the present: "runs", "is expected", "are due" (the copula above an adjective)."""
    if tok.tag_ in ("VBZ", "VBP"):
        return True
    if any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in _near_children(tok)):
        return True
    return tok.dep_ == "acomp" and tok.head.tag_ in ("VBZ", "VBP")
