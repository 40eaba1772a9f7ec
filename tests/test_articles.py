"""Seventeen real article structures (wire, web, HTML, scraped): metadata and entities through `analyze`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FIXTURES, assert_spans_exact

from claimgraph.ingest import read_path

ARTICLES = FIXTURES / "articles"
EXPECTED_ENTITIES = json.loads((ARTICLES / "entities.json").read_text(encoding="utf-8"))
FILES = sorted(p for p in ARTICLES.iterdir() if p.suffix in {".txt", ".html"})


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_article_metadata_and_entities(analyzer, path: Path):
    article = next(read_path(path))
    analysis = analyzer.analyze_article(article)
    assert_spans_exact(analysis)
    expected_meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    doc = analysis.document
    assert set(expected_meta) <= {"title", "outlet", "authors", "dateline", "published", "url"}
    assert {field: getattr(doc, field) for field in expected_meta} == expected_meta
    found = {(e.name, e.type) for e in analysis.entities}
    for name, etype in EXPECTED_ENTITIES[path.name]:
        assert (name, etype) in found, (name, etype, sorted(found))
