"""Independent sources of an incident's reports: which upstream each report rests on.

A report rests on the source its main toll is attributed to, else on the first upstream source its
account of the incident cites (the Observatory, UNICEF, SANA; however wire services name them, linking.json
upstream_aliases), else on the one upstream its document credits elsewhere, or, citing none, on its outlet
(an upstream outlet such as SANA publishing its own report is that upstream). A source described without naming
anyone ("media reports", "a statement") is no upstream: the report rests on what its document credits.
Reports resting on one upstream (so one outlet's reports citing no one), reports giving the same large main
toll to the unit (one count, unless each credits it to a different counter: two counts that agree), and reports
with near-duplicate text (one wire text, reprinted, or one wire paragraph telling the incident in both) count as
one source; one outlet's reports citing different upstreams are not merged for being one outlet's (the Reuters
stories of the Ghouta attack cite the Observatory, activists and governments in turn).
Grouping by every source a report cites would chain: an article giving UNICEF's toll and, further down,
the Observatory's would fold UNICEF's account into the Observatory's and count one source where there are
two; counting every cited name as a source would count more sources than reports.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from typing import TYPE_CHECKING

from claimgraph.corpus.linking.entities import linking_data, outlet_key, upstream_of
from claimgraph.corpus.linking.shingles import passages, similarity
from claimgraph.data import read_rows

#: two reports whose passages telling the incident (holding one of its events or figures) overlap this much
#: (estimated Jaccard of word shingles, as linker.PASSAGE_DUPLICATE) carry one wire text: one source
WIRE_PASSAGE = 0.6
_WORDS = re.compile(r"\w+")
#: two reports of one incident whose main tolls are this large and equal (to the unit, whatever their qualifiers:
#: "1300" and "at least 1300") carry one count: independent counts of a large toll seldom agree to the unit, while
#: small ones (three dead) are counted alike by anyone
SAME_TOLL_MIN = 10.0

if TYPE_CHECKING:
    from claimgraph.corpus.linking.findings import DocReport


class _DSU:
    def __init__(self, items: list[str]) -> None:
        self.p = {i: i for i in items}

    def find(self, x: str) -> str:
        while self.p[x] != x:
            self.p[x] = self.p[self.p[x]]
            x = self.p[x]
        return x

    def union(self, a: str, b: str) -> None:
        self.p[self.find(a)] = self.find(b)


def own_key(outlet: str | None, doc_id: str) -> str:
    """The origin of a report that cites no one: its outlet (an upstream outlet as that upstream)."""
    if up := upstream_of(outlet):
        return "upstream:" + up  # SANA's own report and one citing "state media"
    return f"outlet:{outlet_key(outlet)}" if outlet else "doc:" + doc_id


def independent_groups(reports: list[DocReport], duplicates: dict[str, dict[str, float]]) -> list[list[DocReport]]:
    """Reports grouped by the upstream they rest on (see the module's docstring), in first-seen order."""
    ids = [r.record.doc_id for r in reports]
    dsu = _DSU(ids)
    by_key: dict[str, str] = {}
    for r in reports:
        doc = r.record.doc_id
        dsu.union(doc, by_key.setdefault(primary_source(r), doc))
        for other in duplicates.get(doc, {}):
            if other in dsu.p:
                dsu.union(doc, other)
    _join_equal_tolls(reports, dsu)
    told = {r.record.doc_id: _telling(r) for r in reports}
    for i, a in enumerate(reports):
        for b in reports[i + 1:]:
            x, y = a.record.doc_id, b.record.doc_id
            if dsu.find(x) != dsu.find(y) and any(similarity(p, q) >= WIRE_PASSAGE for p in told[x] for q in told[y]):
                dsu.union(x, y)  # one wire paragraph, credited otherwise or not at all
    groups: dict[str, list[DocReport]] = defaultdict(list)
    for r in reports:
        groups[dsu.find(r.record.doc_id)].append(r)
    return list(groups.values())


def _join_equal_tolls(reports: list[DocReport], dsu: _DSU) -> None:
    """Reports giving one large main toll carry one count, unless both credit it to counters and to different ones
    (the Observatory's 12 and the Civil Defence's 12 are two counts that agree). A report crediting no counter (a
    spokesman, activists, no one) joins every report giving its toll: it repeats the count, whoever's it is; so does
    one whose text credits the number to the other's counter too, wherever it writes it (its lead's "IS claims
    the bombing ... killing at least 17", a later "the Observatory said at least 17 people were killed")."""
    by_toll: dict[tuple[str, float], list[DocReport]] = defaultdict(list)
    for r in reports:
        if (toll := main_toll(r)) is not None:
            by_toll[toll].append(r)
    for toll, same in by_toll.items():
        counters = [(r.record.doc_id, counter(r), r.credits.get(toll, frozenset())) for r in same]
        for i, (x, cx, kx) in enumerate(counters):
            for y, cy, ky in counters[i + 1:]:
                if cx is None or cy is None or cx == cy or cx in ky or cy in kx:
                    dsu.union(x, y)  # one counter, or one text crediting the toll to the other's counter too


def counter(r: DocReport) -> str | None:
    """The body a report's toll rests on when it names one: an upstream or an organisation it credits, or an upstream
    outlet publishing its own report. A person (who may speak for any body), a description ("activists") or no
    credit at all (the report resting on its own outlet) names no counter."""
    source = primary_source(r)
    if source.startswith("upstream:"):
        return source
    if source.startswith("outlet:") and source != own_key(r.record.outlet, r.record.doc_id):
        return source
    return None


def _telling(r: DocReport) -> list:
    """Signatures of the document's passages that hold one of the report's events or figures."""
    starts = [ref.span[0] for ref in [*r.record.events, *(f.ref for f in r.record.figures)] if ref.span]
    return [p.sig for p in passages(r.analysis.document.text) if any(p.span[0] <= s < p.span[1] for s in starts)]


def main_toll(r: DocReport) -> tuple[str, float] | None:
    """The report's main toll (its largest death toll, else its largest figure) as (kind, value), when it is
    at least SAME_TOLL_MIN: two reports of one incident giving that same number rest on one count, whoever
    each text credits it to (the opposition's "1300" of the Ghouta attack, credited by one article to its
    spokesman, by another to the Security Council that repeated it, by a third to a monitor named nearby)."""
    figures = sorted(r.record.figures, key=lambda f: (f.kind == "killed", f.low or 0.0), reverse=True)
    if not figures or figures[0].low is None or figures[0].low < SAME_TOLL_MIN:
        return None
    return figures[0].kind, figures[0].low


def primary_source(r: DocReport) -> str:
    """The upstream a report rests on: the source of its main toll (its largest death toll, else its largest
    figure), else the first source it cites for the incident, else its own outlet. A report that opens on a
    political body's statement and gives the Observatory's toll rests on the Observatory. A report citing no
    one for the incident rests on the one upstream its document cites elsewhere, if it cites exactly one
    (Al-Manar's toll, SANA credited three sentences on), else on its own outlet."""
    figures = sorted(r.record.figures, key=lambda f: (f.kind == "killed", f.low or 0.0), reverse=True)
    if figures and figures[0].source:
        return figures[0].source
    if r.record.sources:
        return r.record.sources[0]
    if len(r.cited) == 1:
        return r.cited[0]
    return own_key(r.record.outlet, r.record.doc_id)


def unnamed(label: str) -> bool:
    """A description that names no issuer: no capitalised word after its first but a weekday or a month, and a
    capitalised first word only an ordinary one opening a sentence (linking.json unnamed_openers)
    ("Media reports", "preliminary reports on Sunday", "a statement"; not "a Defense Ministry statement",
    "Pentagon statement", "Reuters")."""
    words = _WORDS.findall(label)
    if not words or any(c.isupper() for c in words[0][1:]):
        return False  # "HNC statement", "ISs statement": an acronym names its issuer
    if words[0][0].isupper() and words[0].lower() not in _openers():
        return False  # "Hamas statement", "Amnesty's report": a name
    return all(w.islower() or w.lower() in _calendar_words() for w in words[1:])


@lru_cache(maxsize=1)
def _openers() -> frozenset[str]:
    return frozenset(w.lower() for w in linking_data().get("unnamed_openers", []))


@lru_cache(maxsize=1)
def _calendar_words() -> frozenset[str]:
    return frozenset(row[1].lower() for row in read_rows("times_lexicon.tsv", header=False)
                     if len(row) >= 2 and row[0] in ("weekday", "month"))
