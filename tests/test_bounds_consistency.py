"""Open and closed bounds against exact figures in the internal_inconsistency check.

"more than 500" allows 2,000, so a text giving both is consistent; "more than 5,000" does not allow 500.
The same two-paragraph article is run with every pair of figures, so what changes the outcome is only how
each figure's bound is read (claimgraph/nlp/quantities.py) and compared (claimgraph/nlp/checks.py).
"""

from __future__ import annotations

import pytest
from conftest import assert_spans_exact

from claimgraph.ingest import Article
from claimgraph.meta import DocMeta

ARTICLE = ("The governor said {} people fled the town after the shelling.\n\n"
           "A local doctor told reporters that {} people fled the town.")


def inconsistencies(analyzer, first: str, second: str) -> list[str]:
    analysis = analyzer.analyze_article(Article(text=ARTICLE.format(first, second),
                                                meta=DocMeta(published="2016-05-10")))
    assert_spans_exact(analysis)
    texts = {q.text for q in analysis.quantities}
    assert {first, second} <= texts, texts  # both figures were read, so an empty result means "consistent"
    return [f.message for f in analysis.flags if f.kind == "internal_inconsistency"]


@pytest.mark.parametrize(("first", "second"), [
    ("more than 500", "2,000"),     # an open lower bound allows any larger figure
    ("at least 500", "2,000"),
    ("over 500", "2,000"),
    ("2,000", "more than 500"),     # either order
    ("nearly 2,000", "500"),        # an upper bound allows any smaller figure
    ("up to 1,000", "900"),
    ("fewer than 3,000", "200"),
    ("about 500", "1,600"),         # "about" spreads the figure before comparing
    ("1,600", "about 500"),
])
def test_bounds_that_allow_the_other_figure_are_consistent(analyzer, first, second):
    assert inconsistencies(analyzer, first, second) == []


@pytest.mark.parametrize(("first", "second"), [
    ("500", "2,000"),               # the same exact figures without a bound do disagree
    ("more than 5,000", "500"),     # a lower bound far above the other figure
    ("at least 5,000", "500"),
    ("more than 500", "100"),
    ("100", "more than 500"),
    ("nearly 500", "2,000"),        # an upper bound far below the other figure
    ("fewer than 100", "900"),
    ("up to 100", "900"),
    ("about 500", "3,000"),         # beyond the spread of "about"
])
def test_bounds_that_exclude_the_other_figure_by_far_are_flagged(analyzer, first, second):
    (message,) = inconsistencies(analyzer, first, second)
    assert f'"{first} people"' in message and f'"{second} people"' in message
    assert "governor" in message and "doctor" in message


@pytest.mark.parametrize(("first", "second"), [
    ("more than 500", "1,200"),     # excluded but within the factor: rounding, not a contradiction
    ("fewer than 300", "800"),
    ("700", "2,000"),
])
def test_disjoint_but_close_figures_are_not_flagged(analyzer, first, second):
    assert inconsistencies(analyzer, first, second) == []
