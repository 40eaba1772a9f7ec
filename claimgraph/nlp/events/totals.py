"""Running totals ("bringing the death toll since the start of the offensive to 1,200", "the war has killed
300,000 since 2011"): which figures and which events of a sentence a total speaks of.

Split from component.py (one concern: the reach of a running-total phrase), so that the component stays under
the module size limit.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimgraph.nlp.events.casualties import Figure
from claimgraph.nlp.events.lexicon import Match, TokForms


def total_region(m: Match, toks: list[TokForms]) -> tuple[int, int]:
    """The token range (doc indexes, inclusive) a running-total phrase speaks of: the clause it belongs to
    ("bringing the death toll since the start of the offensive to 1,200"), or the clause a "since ..."
    clause modifies ("millions have been displaced since the conflict broke out"), or the clause of those counted
    "among" the ones it describes ("76 children were among those killed over the last 15 days"); the whole
    sentence when that clause is the main one."""
    first = toks[m.start].token
    verb = first
    for _ in range(8):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    head = verb.head if first.dep_ == "mark" and first.head.i == verb.i and verb.head.i != verb.i else verb
    among = head.head.head if head.dep_ in ("acl", "relcl") and head.head.dep_ == "pobj" else None
    if among is not None and head.head.head.lower_ == "among" and among.head.pos_ in ("VERB", "AUX"):
        head = among.head  # "76 children were among those killed over the last 15 days": the children too
    return head.left_edge.i, head.right_edge.i


def figure_in_total(fig: Figure, cumulative: list[Match], toks: list[TokForms]) -> bool:
    """Is the figure inside what a running total speaks of? "The shelling killed four people on Monday,
    bringing the death toll since the start of the offensive to 1,200": 1,200 is the total, four the
    incident's toll; "the war has killed 300,000 since 2011": the whole sentence is the total."""
    number = toks[0].token.doc.char_span(fig.start, fig.end, alignment_mode="expand")
    if number is None:
        return True
    return any(lo <= number.start and number.end - 1 <= hi for lo, hi in (total_region(m, toks) for m in cumulative))


def in_running_total(head: Token, cumulative: list[Match], toks: list[TokForms]) -> bool:
    """Is the event itself what a running total sums up ("millions have been displaced since the conflict
    broke out", "air strikes since 2014")? Then it is background, no incident. Bare time words ("this
    year") are left out: "the deadliest attack this year" is an incident."""
    return any(m.size >= 2 and toks[m.start].token.lower_ not in ("this", "last", "in", "so")
               and lo <= head.i <= hi for m in cumulative for lo, hi in [total_region(m, toks)])
