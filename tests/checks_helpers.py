"""Shared by the checks tests: analyse one dated article and pick its flags; build bare quantities."""

from __future__ import annotations

from conftest import assert_spans_exact

from claimgraph.contract import Analysis, Flag, Quantity
from claimgraph.ingest import Article
from claimgraph.meta import DocMeta


def run(analyzer, text: str, **meta) -> Analysis:
    """Analyse `text` as published on 2016-05-10 (so relative dates resolve) and check every span."""
    analysis = analyzer.analyze_article(Article(text=text, meta=DocMeta(published="2016-05-10", **meta)))
    assert_spans_exact(analysis)
    return analysis


def flags(analysis: Analysis, kind: str) -> list[Flag]:
    return [f for f in analysis.flags if f.kind == kind]


def q(approx: str, value=None, low=None, high=None) -> Quantity:
    """A quantity with only the bounds the checks read (text and span are placeholders)."""
    return Quantity(id="n", text="x", span=(0, 1), approx=approx, value=value, low=low, high=high)


def exact(n: float) -> Quantity:
    return q("exact", n, n, n)
