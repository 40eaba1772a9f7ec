"""What the web app needs from a corpus, and an in-memory view of it built from stored analyses.

The app never reads tables itself: a `Corpus` hands it whole analyses (the contract) and the linked
records (incidents, findings) as plain dicts. `CorpusView` flattens the analyses once into rows
(claims, events, documents) that the pages filter, facet, sort and page through; it is rebuilt when a
document is added. `MemoryCorpus` keeps analyses in a dict (tests, `serve` on files without a store);
`claimgraph.web.store.StoreCorpus` reads them through `claimgraph.Store`.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from typing import Any, Protocol

from claimgraph.contract import Analysis

#: Facets of the claims table: query parameter -> row field (a list field matches any of its values).
CLAIM_FACETS: dict[str, str] = {
    "outlet": "outlet",
    "speaker": "speaker",
    "source_kind": "source_kind",
    "event_type": "event_types",
    "place": "places",
    "date": "month",
    "flag": "flags",
}
CLAIM_SORTS: tuple[str, ...] = ("date", "outlet", "speaker", "flags", "text")


class Corpus(Protocol):
    """The store as the web app sees it (read side, plus `add` for the token-guarded ingest)."""

    def analyses(self) -> Iterable[Analysis]: ...

    def get(self, doc_id: str) -> Analysis | None: ...

    def add(self, analysis: Analysis, key: str | None = None) -> bool: ...

    def incidents(self) -> list[dict[str, Any]] | None: ...

    def findings(self) -> list[dict[str, Any]] | None: ...

    def keys(self) -> dict[str, str]: ...

    def entity_names(self) -> dict[str, str]: ...


class MemoryCorpus:
    """Analyses in a dict keyed by document id: the same answers as a store, without one.

    Incidents and findings come from cross-document linking run in memory (`claimgraph.corpus.linking`),
    once, when first asked for, and again after a document is added.
    """

    def __init__(self, analyses: Iterable[Analysis] = (), link: bool = True) -> None:
        self._docs: dict[str, Analysis] = {}
        self._keys: dict[str, str] = {}
        self._link = link
        self._linked: dict[str, list[dict[str, Any]]] | None = None
        self._link_lock = threading.Lock()
        for analysis in analyses:
            self.add(analysis)

    def analyses(self) -> Iterator[Analysis]:
        return iter(list(self._docs.values()))

    def get(self, doc_id: str) -> Analysis | None:
        return self._docs.get(doc_id)

    def add(self, analysis: Analysis, key: str | None = None) -> bool:
        """Store an analysis; False when the document was already there (ids are content hashes)."""
        doc_id = analysis.document.id
        if doc_id in self._docs:
            return False
        self._docs[doc_id] = analysis
        if key:
            self._keys[doc_id] = key
        self._linked = None
        return True

    def _records(self) -> dict[str, list[dict[str, Any]]] | None:
        if not self._link:
            return None
        with self._link_lock:
            if self._linked is None:
                self._linked = link_in_memory(self._docs.values())
                if self._linked is None:  # a claimgraph without linking
                    self._link = False
            return self._linked

    def incidents(self) -> list[dict[str, Any]] | None:
        records = self._records()
        return None if records is None else records["incidents"]

    def findings(self) -> list[dict[str, Any]] | None:
        records = self._records()
        return None if records is None else records["findings"]

    def entity_names(self) -> dict[str, str]:
        """Canonical entity id -> name, for the ids incidents cite as sources and blamed actors."""
        records = self._records()
        return {} if records is None else records["names"]  # type: ignore[return-value]

    def keys(self) -> dict[str, str]:
        return dict(self._keys)


def link_in_memory(analyses: Iterable[Analysis]) -> dict[str, Any] | None:
    """Incidents (reported by two documents or more), findings and canonical entity names, from
    `claimgraph.corpus.linking.Linker` run over the analyses; None when this claimgraph has no linking."""
    try:
        from claimgraph.corpus.linking import Linker
    except ImportError:
        return None
    linker = Linker()
    linker.add_many(analyses)
    records = linker.records().to_dict()
    incidents = [i for i in records["incidents"] if len({r["doc_id"] for r in i["reports"]}) >= 2]
    incidents.sort(key=lambda i: (-len({r["doc_id"] for r in i["reports"]}), i.get("date_start") or ""))
    names = {e["id"]: e["name"] for e in records["entities"]}
    return {"incidents": incidents, "findings": records["findings"], "names": names}


# --------------------------------------------------------------------------------------------------
# rows


def _chain(analysis: Analysis, source_ids: list[str]) -> list[dict[str, Any]]:
    by_id = {s.id: s for s in analysis.sources}
    chain = []
    for sid in source_ids:
        src = by_id.get(sid)
        chain.append({"id": sid, "label": src.label if src else sid, "kind": src.kind if src else "unknown"})
    return chain


_DATE = re.compile(r"(19|20)\d\d(-(0[1-9]|1[0-2])(-\d\d)?)?")


def _dated(value: str | None) -> bool:
    """A calendar date (year 1900-2099, optional month and day), not a time of day or a stray number."""
    return bool(value) and _DATE.fullmatch(value) is not None


def _month(value: str | None) -> str | None:
    """'2015-11-24' -> '2015-11'; a year alone stays a year; anything else None."""
    if not value or len(value) < 4 or not value[:4].isdigit():
        return None
    if len(value) >= 7 and value[4] == "-" and value[5:7].isdigit():
        return value[:7]
    return value[:4]


@dataclass
class DocRow:
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    dateline: str | None
    url: str | None
    key: str | None
    words: int
    counts: dict[str, int]
    flags: int

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def claim_rows(analysis: Analysis) -> list[dict[str, Any]]:
    """One flat row per claim: what the claims table, its facets, the CSV and /api/claims show."""
    doc = analysis.document
    events = {v.id: v for v in analysis.events}
    places = {p.id: p for p in analysis.places}
    times = {t.id: t for t in analysis.times}
    flags_by_ref: dict[str, list[str]] = {}
    for flag in analysis.flags:
        for ref in flag.refs:
            flags_by_ref.setdefault(ref, []).append(flag.kind)
    rows = []
    for claim in analysis.claims:
        chain = _chain(analysis, claim.sources)
        speaker = chain[-1] if len(chain) > 1 or (chain and chain[0]["label"] != doc.outlet) else None
        evs = [events[i] for i in claim.events if i in events]
        place_names = sorted({places[v.place].name for v in evs if v.place in places})
        event_dates = sorted({times[v.time].value for v in evs if v.time in times and _dated(times[v.time].value)})
        refs = [claim.id, *claim.quotes, *claim.quantities, *claim.events]
        flags = sorted({k for r in refs for k in flags_by_ref.get(r, [])})
        date = event_dates[0] if event_dates else doc.published
        rows.append({
            "doc_id": doc.id,
            "claim_id": claim.id,
            "text": claim.text,
            "span": list(claim.span),
            "title": doc.title,
            "outlet": doc.outlet,
            "published": doc.published,
            "date": date,
            "month": _month(date),
            "chain": chain,
            "speaker": speaker["label"] if speaker else None,
            "source_kind": speaker["kind"] if speaker else ("author" if not claim.attributed else None),
            "attributed": claim.attributed,
            "hedges": list(claim.hedges),
            "event_types": sorted({v.type for v in evs}),
            "places": place_names,
            "flags": flags,
            "quantities": len(claim.quantities),
        })
    return rows


def event_rows(analysis: Analysis) -> list[dict[str, Any]]:
    """One row per event with its place's coordinates and its date (event time, else publication)."""
    doc = analysis.document
    places = {p.id: p for p in analysis.places}
    times = {t.id: t for t in analysis.times}
    sources = {s.id: s for s in analysis.sources}
    rows = []
    for ev in analysis.events:
        place = places.get(ev.place or "")
        time = times.get(ev.time or "")
        own = time is not None and _dated(time.value)
        date = time.value if own else doc.published
        src = sources.get(ev.source or "")
        rows.append({
            "doc_id": doc.id,
            "event_id": ev.id,
            "type": ev.type,
            "subtype": ev.subtype,
            "text": ev.text,
            "span": list(ev.span),
            "outlet": doc.outlet,
            "title": doc.title,
            "date": date,
            "date_from": "event" if own else "published",
            "place": place.name if place else None,
            "lat": place.lat if place else None,
            "lon": place.lon if place else None,
            "country": place.country if place else None,
            "feature": place.feature if place else None,
            "source": src.label if src else None,
            "casualties": [c.model_dump() for c in ev.casualties],
            "hedges": list(ev.hedges),
        })
    return rows


def place_rows(analysis: Analysis) -> list[dict[str, Any]]:
    doc = analysis.document
    return [
        {"doc_id": doc.id, "place_id": p.id, "name": p.name, "lat": p.lat, "lon": p.lon, "country": p.country,
         "feature": p.feature, "mentions": len(p.mentions)}
        for p in analysis.places
    ]


def doc_row(analysis: Analysis, key: str | None = None) -> DocRow:
    doc = analysis.document
    counts = {s: len(getattr(analysis, s)) for s in ("claims", "quotes", "quantities", "places", "events")}
    return DocRow(
        id=doc.id, title=doc.title, outlet=doc.outlet, published=doc.published, dateline=doc.dateline,
        url=doc.url, key=key, words=len(doc.text.split()), counts=counts, flags=len(analysis.flags),
    )


# --------------------------------------------------------------------------------------------------
# the view


@dataclass
class Page:
    """One page of a filtered, sorted list, with the facet counts of the whole filtered set."""

    items: list[dict[str, Any]]
    total: int
    offset: int
    limit: int
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)


def _sort_key(name: str):
    def key(row: dict[str, Any]) -> tuple:
        if name == "flags":
            return (-len(row["flags"]), row["date"] or "")
        value = row.get(name)
        return (value is None, str(value or "").casefold())
    return key


class CorpusView:
    """Rows of every stored analysis, rebuilt on demand after an ingest; thread-safe reads."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self._lock = threading.Lock()
        self._built = False
        self.docs: list[DocRow] = []
        self.claims: list[dict[str, Any]] = []
        self.events: list[dict[str, Any]] = []
        self.places: list[dict[str, Any]] = []
        self._facet_cols: dict[str, list[tuple[str, ...]]] = {}
        self._search: list[str] = []
        self._orders: dict[str, list[int]] = {}
        #: facet counts per (free text, filters, facet limit), for the current build
        self._facets: dict[tuple[Any, ...], dict[str, list[tuple[str, int]]]] = {}

    def refresh(self) -> None:
        with self._lock:
            self._built = False

    def _ensure(self) -> None:
        changed = getattr(self.corpus, "changed", None)
        if self._built and callable(changed) and changed():
            self.refresh()  # another process added documents to the store
        with self._lock:
            if self._built:
                return
            keys = self.corpus.keys()
            docs, claims, events, places = [], [], [], []
            for analysis in self.corpus.analyses():
                docs.append(doc_row(analysis, keys.get(analysis.document.id)))
                claims.extend(claim_rows(analysis))
                events.extend(event_rows(analysis))
                places.extend(place_rows(analysis))
            docs.sort(key=lambda d: (d.published or "", d.title or ""), reverse=True)
            self.docs, self.claims, self.events, self.places = docs, claims, events, places
            self._facets = {}
            self._facet_cols = {
                param: [tuple(v) if isinstance(v, list) else ((v,) if v else ()) for v in (r.get(f) for r in claims)]
                for param, f in CLAIM_FACETS.items()
            }
            self._search = [
                "\n".join([r["text"], r["outlet"] or "", *(link["label"] for link in r["chain"])]).casefold()
                for r in claims
            ]
            self._orders = {}
            self._built = True

    def totals(self) -> dict[str, int]:
        self._ensure()
        return {
            "documents": len(self.docs),
            "claims": len(self.claims),
            "events": len(self.events),
            "places": len({(p["name"], p["country"]) for p in self.places}),
            "outlets": len({d.outlet for d in self.docs if d.outlet}),
            "flags": sum(d.flags for d in self.docs),
        }

    def documents(self, q: str | None = None, outlet: str | None = None, offset: int = 0,
                  limit: int = 50) -> Page:
        self._ensure()
        rows = self.docs
        if outlet:
            rows = [d for d in rows if d.outlet == outlet]
        if q:
            needle = q.casefold()
            rows = [d for d in rows if needle in (d.title or "").casefold() or needle in (d.outlet or "").casefold()
                    or needle in (d.key or "").casefold()]
        return Page([d.to_dict() for d in rows[offset:offset + limit]], len(rows), offset, limit)

    def claim_page(self, q: str | None = None, filters: dict[str, str] | None = None, sort: str = "date",
                   desc: bool = False, offset: int = 0, limit: int = 50, facet_limit: int = 12) -> Page:
        """A page of the filtered claims in the chosen order, with facet counts over the whole filtered set.

        Works on indexes built with the view (facet columns, a lower-cased search text per claim, one
        order per sort key), so a request costs a few passes over integers, not over row dicts.
        """
        self._ensure()
        idx = self._filter_idx(q, filters)
        order = self._order("date" if sort not in CLAIM_SORTS else sort)
        if idx is not None:
            keep = set(idx)
            order = [i for i in order if i in keep]
        if desc:
            order = order[::-1]
        key = (q, tuple(sorted((filters or {}).items())), facet_limit)
        facets = self._facets.get(key)
        if facets is None:  # the same filter's other pages and orders reuse its counts until the view is rebuilt
            facets = {}
            for param, column in self._facet_cols.items():
                values = column if idx is None else [column[i] for i in idx]
                facets[param] = Counter(chain.from_iterable(values)).most_common(facet_limit)
            if len(self._facets) >= 512:
                self._facets.clear()
            self._facets[key] = facets
        rows = self.claims
        return Page([rows[i] for i in order[offset:offset + limit]], len(order), offset, limit, facets)

    def filter_claims(self, q: str | None = None, filters: dict[str, str] | None = None) -> list[dict[str, Any]]:
        """Every claim matching the free text and the facet filters, in stored order."""
        self._ensure()
        idx = self._filter_idx(q, filters)
        return list(self.claims) if idx is None else [self.claims[i] for i in idx]

    def _filter_idx(self, q: str | None, filters: dict[str, str] | None) -> list[int] | None:
        """Indexes of the matching claims; None when nothing filters (all of them)."""
        idx: list[int] | None = None
        for param, wanted in (filters or {}).items():
            column = self._facet_cols.get(param)
            if column is None or not wanted:
                continue
            if param == "date":  # a year matches its months too
                prefix = wanted + "-"
                hit = [i for i, vs in enumerate(column) if vs and (vs[0] == wanted or vs[0].startswith(prefix))]
            else:
                hit = [i for i, vs in enumerate(column) if wanted in vs]
            idx = hit if idx is None else sorted(set(idx) & set(hit))
        if q:
            needle = q.casefold()
            hay = self._search
            hit = [i for i in (range(len(hay)) if idx is None else idx) if needle in hay[i]]
            idx = hit
        return idx

    def _order(self, sort: str) -> list[int]:
        with self._lock:
            order = self._orders.get(sort)
            if order is None:
                key = _sort_key(sort)
                order = sorted(range(len(self.claims)), key=lambda i: key(self.claims[i]))
                self._orders[sort] = order
            return order

    def event_list(self, type_: str | None = None, place: str | None = None, since: str | None = None,
                   until: str | None = None) -> list[dict[str, Any]]:
        self._ensure()
        rows = self.events
        if type_:
            rows = [r for r in rows if r["type"] == type_ or r["subtype"] == type_]
        if place:
            rows = [r for r in rows if r["place"] == place]
        if since:
            rows = [r for r in rows if r["date"] and r["date"] >= since]
        if until:
            rows = [r for r in rows if r["date"] and r["date"][: len(until)] <= until]
        return rows

    def source_graph(self, max_nodes: int = 30) -> dict[str, Any]:
        """Citation graph: publishing outlet -> cited sources -> speaker, each edge weighted by claims.

        Column 0 is the publishing outlet, 2 the innermost source (the speaker), 1 anything between.
        Each column keeps its `max_nodes` largest nodes; the rest merge into one "others" node.
        """
        self._ensure()
        edges: Counter[tuple[tuple[int, str], tuple[int, str]]] = Counter()
        for row in self.claims:
            outlet = row["outlet"] or "(unknown outlet)"
            labels = [link["label"] for link in row["chain"]]
            if labels and labels[0] == row["outlet"]:
                labels = labels[1:]
            if not labels:
                continue
            path = [(0, outlet)] + [(1, x) for x in labels[:-1]] + [(2, labels[-1])]
            for a, b in zip(path, path[1:], strict=False):
                edges[(a, b)] += 1
        size: Counter[tuple[int, str]] = Counter()
        for (a, b), n in edges.items():
            size[b] += n
            if a[0] == 0:
                size[a] += n
        keep: set[tuple[int, str]] = set()
        for col in (0, 1, 2):
            nodes = sorted((k for k in size if k[0] == col), key=lambda k: -size[k])
            keep.update(nodes[:max_nodes])

        def node(k: tuple[int, str]) -> tuple[int, str]:
            return k if k in keep else (k[0], "(others)")

        merged: Counter[tuple[tuple[int, str], tuple[int, str]]] = Counter()
        for (a, b), n in edges.items():
            merged[(node(a), node(b))] += n
        sizes: Counter[tuple[int, str]] = Counter()
        for (a, b), n in merged.items():
            sizes[b] += n
            if a[0] == 0:
                sizes[a] += n
        ids = {k: f"n{i}" for i, k in enumerate(sorted(sizes, key=lambda k: (k[0], k[1] == "(others)", -sizes[k],
                                                                          k[1])))}
        return {
            "nodes": [{"id": ids[k], "label": k[1], "column": k[0], "claims": sizes[k]} for k in ids],
            "links": [{"source": ids[a], "target": ids[b], "claims": n}
                      for (a, b), n in sorted(merged.items(), key=lambda kv: -kv[1])],
        }

    def outlet_profiles(self) -> list[dict[str, Any]]:
        """Per publishing outlet: documents, claims, share attributed, flags, speakers, date range."""
        self._ensure()
        out: dict[str, dict[str, Any]] = {}
        for d in self.docs:
            p = out.setdefault(d.outlet or "(unknown outlet)", {
                "outlet": d.outlet or "(unknown outlet)", "documents": 0, "claims": 0, "attributed": 0,
                "flags": 0, "speakers": Counter(), "first": None, "last": None})
            p["documents"] += 1
            p["flags"] += d.flags
            if d.published:
                p["first"] = min(p["first"] or d.published, d.published)
                p["last"] = max(p["last"] or d.published, d.published)
        for r in self.claims:
            p = out.get(r["outlet"] or "(unknown outlet)")
            if p is None:
                continue
            p["claims"] += 1
            p["attributed"] += int(r["attributed"])
            if r["speaker"]:
                p["speakers"][r["speaker"]] += 1
        profiles = []
        for p in out.values():
            p["share_attributed"] = round(p["attributed"] / p["claims"], 3) if p["claims"] else None
            p["top_speakers"] = p.pop("speakers").most_common(5)
            profiles.append(p)
        return sorted(profiles, key=lambda p: (-p["documents"], p["outlet"]))
