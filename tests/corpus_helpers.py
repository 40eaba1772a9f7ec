"""Shared by the corpus tests: a small real corpus (the sample and the ingest fixtures) analysed once."""

from __future__ import annotations

from pathlib import Path

from claimgraph.contract import SECTIONS, Analysis
from claimgraph.corpus import schema as sch
from claimgraph.corpus.store import Store

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = Path(__file__).resolve().parent / "fixtures" / "articles"
#: plain-text and HTML fixtures (the .json files beside them are expectations, not articles)
CORPUS_FILES = [ROOT / "examples" / "southfront-turkmen-mountain.txt",
                *sorted(ARTICLES.glob("*.txt")), *sorted(ARTICLES.glob("*.html"))]


def table_counts(store: Store) -> dict[str, int]:
    return {t.name: store.execute(f"SELECT count(*) FROM {t.name}")[0][0]
            for t in sch.all_tables() if t.name not in ("runs", "meta")}


def orphans(store: Store) -> dict[str, int]:
    """Rows tied to a document that is not stored (must always be zero)."""
    out = {}
    for t in sch.all_tables():
        if t.doc_scoped and t.name != "documents":
            n = store.execute(f"SELECT count(*) FROM {t.name} x WHERE NOT EXISTS "
                              "(SELECT 1 FROM documents d WHERE d.doc_id = x.doc_id)")[0][0]
            out[t.name] = n
    return out


def section_counts(analysis: Analysis) -> dict[str, int]:
    return {s: len(getattr(analysis, s)) for s in SECTIONS}


_CACHE: dict[str, list[tuple[str, Analysis]]] = {}


def corpus_analyses() -> list[tuple[str, Analysis]]:
    """(input key, analysis) of every corpus file, analysed once per test process."""
    if "corpus" not in _CACHE:
        from claimgraph.corpus.readers import iter_items
        from claimgraph.pipeline import default_analyzer

        items = list(iter_items([str(p) for p in CORPUS_FILES]))
        assert all(i.article is not None for i in items), [i.error for i in items if i.error]
        outcomes = list(default_analyzer().analyze_many([i.article for i in items]))
        _CACHE["corpus"] = [(i.key, o.analysis) for i, o in zip(items, outcomes, strict=True)]
    return _CACHE["corpus"]
