"""Blame: which belligerents a report holds responsible, and two reports of one incident that disagree.

A report blames the forces its events of a harmful kind (BLAME_TYPES) name as actors. Two reports of one
incident contradict each other when each blames known belligerents (linking.json actor_sides) and they share
none, and when neither text itself names the other's blamed side at the act (in a sentence telling the
event): a text that says "IS claimed the suicide bombing" while its analysis gives the bombing the actors
of other sentences ("charging they took orders from the US-led coalition") disagrees with nobody; the
disagreement is the analysis's, and a finding must rest on what the outlets wrote.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from claimgraph.contract import Analysis, Event
from claimgraph.corpus.linking.entities import linking_data, side_of
from claimgraph.corpus.linking.models import Finding

if TYPE_CHECKING:
    from claimgraph.corpus.linking.findings import DocReport

#: ACLED types whose actor is blamed for the harm (a battle's two sides are not a blame dispute)
BLAME_TYPES = frozenset({"Explosions/Remote violence", "Violence against civilians"})
#: where a sentence ends: a full stop, question or exclamation mark before a space or the end of the text
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def blamed(analysis: Analysis, events: list[Event]) -> list[str]:
    """The sides (or names, when no side is listed) of the actors of the events of a harmful kind."""
    names = {e.id: e.name for e in analysis.entities}
    sides: list[str] = []
    for ev in events:
        if ev.type not in BLAME_TYPES:
            continue
        for a in ev.actors:
            side = side_of(names.get(a, "")) or names.get(a)
            if side and side not in sides:
                sides.append(side)
    return sides


def _known(sides: list[str]) -> set[str]:
    return {s for s in sides if side_of(s) or s in linking_data().get("actor_sides", {})}


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around a span (from the last sentence end before it to the first after it)."""
    before = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    after = _SENTENCE_END.search(text, end)
    return (before[-1] if before else 0), (after.end() if after else len(text))


def sides_at_act(analysis: Analysis, events: list[Event]) -> set[str]:
    """The belligerents the text names in the sentences telling these events (their spans and mentions)."""
    text = analysis.document.text
    spans = [_sentence(text, s, e) for ev in events if ev.type in BLAME_TYPES for s, e in [ev.span, *ev.mentions]]
    out: set[str] = set()
    for ent in analysis.entities:
        side = side_of(ent.name)
        if side and any(s <= ms and me <= e for ms, me in ent.mentions for s, e in spans):
            out.add(side)
    return out


def blame_findings(inc_id: str, reports: list[DocReport], fid: Callable[..., str],
                   label: Callable[[DocReport], str]) -> list[Finding]:
    """Two reports holding different, known belligerents responsible for the same incident (module docstring)."""
    out = []
    named = [sides_at_act(r.analysis, [e for rep in r.reports for e in rep.events]) for r in reports]
    for i, ra in enumerate(reports):
        sa = _known(ra.record.blamed)
        for j, rb in enumerate(reports[i + 1:], start=i + 1):
            sb = _known(rb.record.blamed)
            if not (sa and sb) or sa & sb or sb & named[i] or sa & named[j]:
                continue
            refs = [e for e in ra.record.events[:1]] + [e for e in rb.record.events[:1]]
            out.append(Finding(
                id=fid("contradiction", "blame", inc_id, ra.record.doc_id, rb.record.doc_id),
                kind="contradiction", aspect="blame", incident=inc_id, refs=refs,
                data={"a": sorted(sa), "b": sorted(sb)},
                explanation=f"blame: {label(ra)} holds {', '.join(sorted(sa))} responsible, "
                            f"{label(rb)} holds {', '.join(sorted(sb))}"))
    return out
