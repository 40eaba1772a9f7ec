"""`StoreCorpus`: the web app's `Corpus` read through `claimgraph.Store` (never SQL of its own).

A DuckDB connection must not be used by two threads at once and FastAPI serves from a thread pool, so
every call to the store holds one lock. Incidents and findings come from the store's linking methods
(`Store.incidents()`, `Store.findings()`, `Store.canonical_entities()`) when it has them; a store without
them is linked in memory with `claimgraph.corpus.linking.Linker` over its analyses, once per state.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Iterator
from typing import Any

from claimgraph.contract import Analysis
from claimgraph.web.corpus import link_in_memory

#: analyses kept by `StoreCorpus.get` (a few MB: an analysis of a long article is about 1 MB of objects)
RECENT = 256


def store_class() -> type | None:
    """`claimgraph.Store`, or None in a claimgraph without the corpus store."""
    try:
        from claimgraph.corpus import Store
    except ImportError:
        return None
    return Store


class StoreCorpus:
    """Analyses, input keys and linked records of a `claimgraph.Store`, safe to share between threads."""

    def __init__(self, store: Any) -> None:
        self.store = store
        self._lock = threading.RLock()
        self._count: int | None = None
        self._checked = 0.0
        self._memory_links: dict[str, Any] | None = None
        self._memory_count = -1
        self._keys: dict[str, str] | None = None
        self._recent: OrderedDict[str, Analysis] = OrderedDict()
        self._keys_count: int | None = None

    def analyses(self) -> Iterator[Analysis]:
        with self._lock:
            items = list(self.store.iter_analyses())
            self._count = len(items)
            self._recent.clear()  # the view is rebuilt: read documents afresh too
        return iter(items)

    def get(self, doc_id: str) -> Analysis | None:
        """One document's analysis; the last RECENT read are kept (an article page reads one per request, and
        reading it back from the store takes a query per section), until the view is rebuilt."""
        with self._lock:
            if doc_id in self._recent:
                self._recent.move_to_end(doc_id)
                return self._recent[doc_id]
            analysis = self.store.get_analysis(doc_id)
            if analysis is not None:
                self._recent[doc_id] = analysis
                while len(self._recent) > RECENT:
                    self._recent.popitem(last=False)
            return analysis

    def add(self, analysis: Analysis, key: str | None = None) -> bool:
        with self._lock:
            self._keys = None
            self._recent.pop(analysis.document.id, None)
            return self.store.write_analysis(analysis, key=key) == "added"

    def keys(self) -> dict[str, str]:
        """One input key per document (the first in order), for listings: one query (the documents listing
        carries each document's first key), kept until the store changes; every article page asks for it."""
        with self._lock:
            if self._keys is None or self._keys_count != self._count:  # None: changed() found new documents
                self._keys = {doc["doc_id"]: doc["key"] for doc in self.store.documents(limit=None) if doc["key"]}
                self._keys_count = self._count
            return self._keys

    def changed(self, every: float = 5.0) -> bool:
        """True when the store holds another number of documents than when last read (checked at most
        every `every` seconds): another process ingested, so the view should be rebuilt."""
        now = time.monotonic()
        if self._count is None or now - self._checked < every:
            return False
        self._checked = now
        with self._lock:
            changed = self.store.count("documents") != self._count
            if changed:
                self._keys = None  # read them afresh for the rebuilt view
            return changed

    def _linked(self, name: str) -> list[dict[str, Any]] | None:
        method = getattr(self.store, name, None)
        if not callable(method):  # a store without persisted linking: link its analyses in memory
            linked = self._in_memory()
            if linked is None:
                return None
            return linked["names"] if name == "canonical_entities" else linked.get(name)
        with self._lock:
            records = method()
        out = [r if isinstance(r, dict) else _as_dict(r) for r in records]
        return out or None  # an empty table: linking has not run on this store

    def incidents(self) -> list[dict[str, Any]] | None:
        return self._linked("incidents")

    def entity_names(self) -> dict[str, str]:
        """Canonical entity id -> name (the store's `canonical_entities()`, when linking has run)."""
        entities = self._linked("canonical_entities") or []
        if isinstance(entities, dict):
            return entities
        return {e["id"]: e["name"] for e in entities if "id" in e and "name" in e}

    def _in_memory(self) -> dict[str, Any] | None:
        """Linking run in memory over the stored analyses, once per state of the store."""
        with self._lock:
            if self._memory_links is None or self._memory_count != self.store.count("documents"):
                self._memory_count = self.store.count("documents")
                self._memory_links = link_in_memory(self.store.iter_analyses()) or {}
            return self._memory_links or None

    def findings(self) -> list[dict[str, Any]] | None:
        return self._linked("findings")


def _as_dict(record: Any) -> dict[str, Any]:
    if hasattr(record, "model_dump"):
        return record.model_dump(mode="json")
    for attr in ("to_dict", "_asdict"):
        method = getattr(record, attr, None)
        if callable(method):
            return dict(method())
    return dict(vars(record))
