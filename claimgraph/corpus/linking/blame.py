"""Blame: which belligerents a report holds responsible, and two reports of one incident that disagree.

A report blames the forces its events of a harmful kind (BLAME_TYPES) name as actors. Two reports of one
incident contradict each other when each blames known belligerents (linking.json actor_sides) and they share
none, and when neither text itself names the other's blamed side as the act's doer (the subject of the words
telling the event, or its "by" agent; a side named elsewhere in the sentence, "rejecting Russian claims", is
not, nor one a reporting verb joins to the act, "warplanes confirmed by US officials": a source is not a
perpetrator): a text that says "IS claimed the suicide bombing" while its analysis gives the bombing the actors
of other sentences ("charging they took orders from the US-led coalition") disagrees with nobody; the
disagreement is the analysis's, and a finding must rest on what the outlets wrote.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

from claimgraph.contract import Analysis, Event
from claimgraph.corpus.linking.entities import linking_data, side_of
from claimgraph.corpus.linking.models import Finding
from claimgraph.data import read_rows

if TYPE_CHECKING:
    from claimgraph.corpus.linking.findings import DocReport

#: ACLED types whose actor is blamed for the harm (a battle's two sides are not a blame dispute)
BLAME_TYPES = frozenset({"Explosions/Remote violence", "Violence against civilians"})
#: words a belligerent's name may stand before its act, or after its agent marker, and still name its doer
#: ("Russian fighter jets struck", "by the Syrian army's")
AGENT_GAP_WORDS = 3
#: how far (characters) after its act a passive's agent may be named ("was struck on Saturday by Russian jets")
AGENT_AFTER_CHARS = 40
#: what breaks the clause between a doer's name and its act
_BREAK = re.compile(r"[.,;:!?()\"\u201c\u201d\n]")


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


@lru_cache(maxsize=1)
def _reporting_forms() -> frozenset[str]:
    """Word forms of the verbs that report (cues.tsv verbs: "confirmed", "reports", "said"), by regular English
    inflection of their lemmas, with the irregular forms cues.tsv lists (its `form` rows)."""
    out: set[str] = set()
    for row in read_rows("cues.tsv"):
        if len(row) > 1 and row[1] == "verb":
            lemma = row[0].lower()
            stem = lemma[:-1] if lemma.endswith("e") else lemma
            out |= {lemma, lemma + "s", lemma + "es", stem + "ed", stem + "ing"}
            if lemma.endswith("y"):
                out |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    out |= {w.lower() for w in linking_data().get("reporting_forms", [])}
    return frozenset(out)


def _reports(gap: str) -> bool:
    """Whether the words between a name and an act hold a reporting verb: the name is then who reports the act
    ("warplanes confirmed by US officials", "US officials confirmed jets struck"), its source, not its doer."""
    return any(w.strip("\"'’").lower() in _reporting_forms() for w in gap.split())


def _agent_at(text: str, act: tuple[int, int], mention: tuple[int, int]) -> bool:
    """Whether a name at `mention` names the doer of the act at `act`: it lies in the act's words, or stands
    before them at most AGENT_GAP_WORDS words away in one clause ("Russian fighter jets struck"), or follows
    them in one clause after an agent marker ("was struck on Saturday by Russian jets"); not when a reporting
    verb stands between (`_reports`: a source is not a perpetrator)."""
    (s, e), (ms, me) = act, mention
    if s <= ms and me <= e:
        return True
    if me <= s:
        gap = text[me:s]
        return not _BREAK.search(gap) and len(gap.split()) <= AGENT_GAP_WORDS and not _reports(gap)
    gap = text[e:ms]
    words = [w.lower() for w in gap.split()]
    markers = [i for i, w in enumerate(words) if w in linking_data().get("agent_markers", [])]
    return (ms >= e and len(gap) <= AGENT_AFTER_CHARS and not _BREAK.search(gap) and bool(markers)
            and len(words) - markers[-1] - 1 <= AGENT_GAP_WORDS and not _reports(gap))


def sides_at_act(analysis: Analysis, events: list[Event]) -> set[str]:
    """The belligerents the text names as the doers of these events (at their spans or mentions: the act's
    subject or its "by" agent; `_agent_at`; a side read from the entity's name or the mention's own words), and
    their actors' sides. A side named elsewhere in the sentence
    ("activists said, rejecting Russian claims") is not named as the doer."""
    text = analysis.document.text
    names = {e.id: e.name for e in analysis.entities}
    acts = [(s, e) for ev in events if ev.type in BLAME_TYPES for s, e in [ev.span, *ev.mentions]]
    out = {side for ev in events if ev.type in BLAME_TYPES for a in ev.actors if (side := side_of(names.get(a, "")))}
    for ent in analysis.entities:
        for m in ent.mentions:
            # a mention's own words name a side too: the entity's name may be a misread merge ("Russian" at
            # the act, of an entity the analysis names "Urum al-Kubra Aleppo Russian")
            side = side_of(ent.name) or side_of(text[m[0]:m[1]])
            if side and any(_agent_at(text, act, m) for act in acts):
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
