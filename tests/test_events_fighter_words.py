"""Counts of fighters named by words wire reports use for them: "extremists", "jihadis", "Takfiri" groups (the word
pro-government outlets use for jihadist fighters), and "members of" two armed groups the parse splits into two
counts ("33 members of the Islamic State and al-Nusra Front organizations": an organisation is no count of people).
Sentences invented for this test, not copied from any benchmark's text; the Takfiri and the
organisations cases failed before the fix (unknown 10 and 33); the extremists passed already (a clash's default)."""

from __future__ import annotations

import pytest
from conftest import assert_spans_exact

from claimgraph.ingest import prepare


def _killed(analyzer, text: str) -> dict[str, float | None]:
    analysis = analyzer.analyze_article(prepare(text))
    assert_spans_exact(analysis)
    return {c.group: c.low for e in analysis.events[:1] for c in e.casualties if c.kind == "killed"}


@pytest.mark.parametrize(("text", "count"), [
    ("The fighting between the two sides on the outskirts of the town left at least 11 extremists dead.", 11.0),
    ("The commander and at least 10 members of the Takfiri group were killed in the army attacks on Sunday.", 10.0),
    ('Activists said at least 33 members of the "Islamic State" and "al-Nusra Front" organizations were killed in '
     "the fighting.", 33.0),
])
def test_fighters_named_by_these_words_are_combatants(analyzer, text: str, count: float) -> None:
    assert _killed(analyzer, text) == {"combatants": count}


@pytest.mark.parametrize(("text", "expected"), [
    ("Members of a local charity said 12 civilians were killed in the shelling of the market.", {"civilians": 12.0}),
    ("Air strikes killed 14 people in the town on Monday, a monitor said.", {"civilians": 14.0}),
])
def test_other_counts_keep_their_groups(analyzer, text: str, expected: dict[str, float]) -> None:
    assert _killed(analyzer, text) == expected
