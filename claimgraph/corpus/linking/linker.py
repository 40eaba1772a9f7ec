"""The Linker: documents in, incidents, near-duplicates, canonical entities and findings out, incrementally.

`Linker.add(analysis)` links one new document against everything added before (blocked candidates
only); `Linker.records()` gives the linked records (models.LinkedRecords). The corpus store keeps the
records in its own tables and rebuilds a Linker from stored analyses for an incremental `claimgraph link`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from claimgraph.contract import Analysis
from claimgraph.corpus.linking import findings as F
from claimgraph.corpus.linking.digest import Digest, digest
from claimgraph.corpus.linking.entities import EntityIndex
from claimgraph.corpus.linking.incidents import IncidentIndex
from claimgraph.corpus.linking.models import Incident, ItemRef, LinkedRecords, PassageMatch
from claimgraph.corpus.linking.shingles import LSHIndex, Passage, passages, signature, tokens

#: documents whose word shingles overlap this much (estimated Jaccard) are the same text
DOC_DUPLICATE = 0.6
#: passages whose shingles overlap this much are the same passage
PASSAGE_DUPLICATE = 0.6


@dataclass
class PassagePair:
    a: tuple[str, int]  # (doc_id, passage index)
    b: tuple[str, int]
    similarity: float


@dataclass
class Prepared:
    """What linking computes from one document before comparing it with anything (computed once, used by
    the store to find candidates and by the Linker to link)."""

    digest: Digest
    sig: np.ndarray | None
    passages: list[Passage]


def prepare(analysis: Analysis) -> Prepared:
    text = analysis.document.text
    return Prepared(digest(analysis), signature([t for t, _, _ in tokens(text)]), passages(text))


@dataclass
class Linker:
    """Incremental cross-document linking state (pure Python; the store persists what it produces)."""

    digests: dict[str, Digest] = field(default_factory=dict)
    incidents: IncidentIndex = field(default_factory=IncidentIndex)
    entities: EntityIndex = field(default_factory=EntityIndex)
    doc_lsh: LSHIndex = field(default_factory=LSHIndex)
    passage_lsh: LSHIndex = field(default_factory=LSHIndex)
    passage_spans: dict[tuple[str, int], tuple[int, int]] = field(default_factory=dict)
    duplicates: dict[str, dict[str, float]] = field(default_factory=dict)  # doc -> near-duplicate docs
    passage_pairs: list[PassagePair] = field(default_factory=list)
    touched: set[str] = field(default_factory=set)  # incidents changed since the last `records(touched_only=True)`
    _pairs_done: int = 0

    def add(self, analysis: Analysis, prepared: Prepared | None = None) -> Digest:
        """Link one document against everything added before; adding the same document twice is a no-op."""
        doc_id = analysis.document.id
        if doc_id in self.digests:
            return self.digests[doc_id]
        pre = prepared or prepare(analysis)
        d = pre.digest
        self.digests[doc_id] = d
        self.entities.add(analysis)
        sig = pre.sig
        dups: dict[str, float] = {}
        if sig is not None:
            for other, sim in self.doc_lsh.query(sig, DOC_DUPLICATE):
                dups[str(other)] = sim
                self.duplicates.setdefault(str(other), {})[doc_id] = sim
            self.doc_lsh.add(doc_id, sig)
        self.duplicates[doc_id] = dups
        for i, p in enumerate(pre.passages):
            key = (doc_id, i)
            for other, sim in self.passage_lsh.query(p.sig, PASSAGE_DUPLICATE):
                if other[0] != doc_id:  # type: ignore[index]
                    self.passage_pairs.append(PassagePair(other, key, sim))  # type: ignore[arg-type]
            self.passage_lsh.add(key, p.sig)
            self.passage_spans[key] = p.span
        for rep in d.reports:
            self.touched.add(self.incidents.add_report(rep, set(dups) or None))
        return d

    def seed(self, analysis: Analysis, incidents: dict[int, str], year_free: set[int],
             duplicates: dict[str, float] | None = None, shingles: bool = True) -> Digest:
        """Put back a document linked earlier (read from the store) with the incidents it was given, without
        linking it again: what an incremental run needs around the new documents. `shingles` False: it shares
        no MinHash band with them (the store knows), so its signatures could never match and are not made."""
        doc_id = analysis.document.id
        if doc_id in self.digests:
            return self.digests[doc_id]
        d = digest(analysis)
        self.digests[doc_id] = d
        self.entities.add(analysis)
        text = analysis.document.text
        sig = signature([t for t, _, _ in tokens(text)]) if shingles else None
        if sig is not None:
            self.doc_lsh.add(doc_id, sig)
        for i, p in enumerate(passages(text) if shingles else []):
            self.passage_lsh.add((doc_id, i), p.sig)
            self.passage_spans[(doc_id, i)] = p.span
        for other, sim in (duplicates or {}).items():
            self.duplicates.setdefault(doc_id, {})[other] = sim
            self.duplicates.setdefault(other, {})[doc_id] = sim
        self.duplicates.setdefault(doc_id, {})
        for rep in d.reports:
            inc_id = incidents.get(rep.index)
            if inc_id is not None:
                self.incidents.put(rep, inc_id, rep.index in year_free)
        return d

    def add_many(self, analyses: Iterable[Analysis]) -> None:
        for a in analyses:
            self.add(a)

    def incident_docs(self, lead_only: bool = False) -> list[set[str]]:
        """Per incident, the documents reporting it (only their main events with `lead_only`)."""
        out = []
        for inc in self.incidents.incidents.values():
            docs = {r.doc_id for r in inc.reports if r.lead or not lead_only}
            if len(docs) > 1:
                out.append(docs)
        return out

    def _passage_ref(self, key: tuple[str, int]) -> ItemRef:
        span = self.passage_spans[key]
        text = self.digests[key[0]].analysis.document.text
        return ItemRef(doc_id=key[0], span=span, text=text[span[0]:span[1]])

    def records(self, min_reports: int = 1, touched_only: bool = False) -> LinkedRecords:
        """Canonical entities, incidents (with `min_reports` documents or more), passages and findings.

        `touched_only`: only the incidents that documents added since the last such call changed, and the
        findings about them (what an incremental `claimgraph link` rewrites); outlet profiles are always whole.
        """
        incidents: list[Incident] = []
        reports_of: dict[str, list[F.DocReport]] = {}
        findings: list[F.Finding] = []
        chosen = [self.incidents.incidents[i] for i in sorted(self.touched)] if touched_only else list(
            self.incidents.incidents.values())
        if touched_only:
            self.touched = set()
        for inc in chosen:
            docs = F.doc_reports(inc.reports, self.digests, self.entities)
            if len(docs) < min_reports:
                continue
            reports_of[inc.id] = docs
            main = inc.reports[0]
            incidents.append(Incident(
                id=inc.id, type=main.type, subtype=main.subtype,
                date_start=inc.start.isoformat() if inc.start else None,
                date_end=inc.end.isoformat() if inc.end else None,
                place=main.place.name if main.place else None, lat=main.place.lat if main.place else None,
                lon=main.place.lon if main.place else None, reports=[d.record for d in docs]))
            if len(docs) > 1:
                # corroboration: accounts of the happening as news (main events), not background recalls of it
                c = F.corroboration(inc.id, [d for d in docs if d.record.lead], self.duplicates)
                findings += [c] if c else []
                # figures: a document's where it tells the incident as news or dates its own account of it to
                # the day (a date the text gives, not the publication day standing in for none); a recall dated
                # to a month ("earlier this month") or undated carries the article's own news figures as often as
                # the incident's, and too little of it to tell them apart
                findings += F.figure_findings(inc.id, [d for d in docs if d.record.lead or any(
                    r.date is not None and r.date.precision == "day" and not r.date_inferred for r in d.reports)])
                findings += F.quote_findings(inc.id, docs)
                findings += F.blame_findings(inc.id, docs)
                findings += F.anachronism_findings(inc.id, docs, inc.year_free)
        findings = list({f.id: f for f in reversed(findings)}.values())[::-1]  # one change found via two incidents
        pairs: dict[tuple[str, str], list[tuple[tuple[int, int], tuple[int, int]]]] = {}
        for p in self.passage_pairs:
            pairs.setdefault((p.a[0], p.b[0]), []).append((self.passage_spans[p.a], self.passage_spans[p.b]))
            pairs.setdefault((p.b[0], p.a[0]), []).append((self.passage_spans[p.b], self.passage_spans[p.a]))
        findings += F.recycling_findings(self.digests, self.duplicates, pairs)
        if not touched_only:  # a profile needs every incident; the incremental path recomputes it from the store
            findings += F.outlet_profiles(self.digests, reports_of, findings, self.duplicates)
        new_pairs = self.passage_pairs[self._pairs_done:] if touched_only else self.passage_pairs
        if touched_only:
            self._pairs_done = len(self.passage_pairs)
        passages_ = [PassageMatch(a=self._passage_ref(p.a), b=self._passage_ref(p.b), similarity=round(p.similarity, 3))
                     for p in new_pairs]
        return LinkedRecords(entities=self.entities.all(), incidents=incidents, passages=passages_,
                             findings=findings)
