"""Reading one figure's value and its bound (claimgraph/nlp/quantities/figures.py), case by case.

Written to fail when a rule of `parse_figure` or `_apply_bound` is changed (found by mutation testing,
bench/mutation.py); the constructions in running text are tested in tests/test_quantities.py.
"""

from __future__ import annotations

import pytest

from claimgraph.nlp.quantities.figures import parse_figure


@pytest.mark.parametrize(("text", "value"), [
    ("12,000", 12000),
    ("1,234,567.5", 1234567.5),
    (" 40 ", 40),
    ("7 apples", 7),                       # a word that is no scale leaves the number alone
    ("1.5 million", 1.5e6),
    ("3 millions", 3e6),                   # a plural scale word
    ("40\u00a0million", 4e7),              # a no-break space before the scale
    ("2bn", 2e9),
    ("10k", 1e4),
    ("twelve", 12),
    ("fifty-five", 55),
    ("two hundred", 200),
    ("hundred", 100),
    ("a hundred", 100),
    ("a thousand", 1000),
    ("a dozen", 12),
    ("three thousand and five", 3005),
    ("one million two hundred thousand", 1.2e6),
    ("half a million", 5e5),
    ("half a dozen", 6),
    ("foo", None),
    ("thousands", None),                   # vague: read elsewhere, not a value
])
def test_parse_figure(text, value):
    assert parse_figure(text) == value
