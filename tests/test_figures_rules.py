"""Reading one figure's value and its bound (claimgraph/nlp/quantities/figures.py), case by case.

Written to fail when a rule of `parse_figure` or `_apply_bound` is changed (found by mutation testing,
bench/mutation.py); the constructions in running text are tested in tests/test_quantities.py.
"""

from __future__ import annotations

import pytest

from claimgraph.nlp.quantities.figures import find_figures, parse_figure


@pytest.mark.parametrize(("text", "value"), [
    ("12,000", 12000),
    ("1,234,567.5", 1234567.5),
    (" 40 ", 40),
    ("7 apples", 7),                       # a word that is no scale leaves the number alone
    ("1.5 million", 1.5e6),
    ("3 millions", 3e6),                   # a plural scale word
    ("3 thousands", 3000),                 # ... its whole word, not a letter of it ("t" is no scale)
    ("5 hundreds", 500),
    ("250 ms", 250),                       # a plural "s" comes off a scale word only: milliseconds, not millions
    ("20 ks", 20),
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
    ("an hundred", 100),                   # the older "an hundred" reads like "a hundred"
    ("three thousand and five", 3005),
    ("one million two hundred thousand", 1.2e6),
    ("one thousand two hundred", 1200),    # "thousand" closes its group, so "two hundred" is added, not multiplied
    ("twelve thousand four hundred and six", 12406),
    ("half a million", 5e5),
    ("half a dozen", 6),
    ("foo", None),
    ("thousands", None),                   # vague: read elsewhere, not a value
])
def test_parse_figure(text, value):
    assert parse_figure(text) == value


@pytest.mark.parametrize(("text", "reading"), [
    ("more than 500 people", ("more_than", None, 500, None, "asserted")),
    ("up to 10 people", ("at_most", None, None, 10, "asserted")),
    ("about 300 people", ("about", 300, None, None, "estimated")),
    ("some 40 people", ("about", 40, None, None, "estimated")),
    ("roughly 2,000 people", ("about", 2000, None, None, "estimated")),
    ("500 or so people", ("about", 500, None, None, "estimated")),
    ("500 or more people", ("at_least", None, 500, None, "asserted")),
    ("at least 500 or more people", ("at_least", None, 500, None, "asserted")),
    ("300-plus people", ("at_least", None, 300, None, "asserted")),
    ("300+ people", ("at_least", None, 300, None, "asserted")),
    # "+" after a bound word: the bound's own figure becomes the lower bound, an "about" figure's value too
    ("more than 300+ people", ("at_least", None, 300, None, "asserted")),
    ("over 40-plus fighters", ("at_least", None, 40, None, "asserted")),
    ("some 300-plus families", ("at_least", None, 300, None, "estimated")),
    ("about 2,000+ people", ("at_least", None, 2000, None, "estimated")),
    ("over half a million people", ("more_than", None, 5e5, None, "asserted")),
    # bounds on vague figures keep the vague figure's own end
    ("more than a dozen soldiers", ("more_than", None, 12, None, "asserted")),
    ("almost a dozen people", ("less_than", None, None, 12, "asserted")),
    ("at least dozens of people", ("at_least", None, 24, None, "asserted")),
    ("up to hundreds of people", ("at_most", None, None, 999, "asserted")),
    ("nearly hundreds of people", ("less_than", None, None, 999, "asserted")),
    ("fewer than dozens of people", ("less_than", None, None, 99, "asserted")),
    # "about" does not turn a vague figure into a point; a bound does not open a range
    ("about dozens of people", ("vague", None, 24, 99, "estimated")),
    ("around a dozen people", ("vague", None, 12, 12, "estimated")),
    ("more than 250-500 people", ("range", None, 250, 500, "asserted")),
    ("more than between 3 and 5 people", ("range", None, 3, 5, "asserted")),
])
def test_bound_words_set_the_figures_range(text, reading):
    (fig,) = find_figures(text, [])
    assert (fig.approx, fig.value, fig.low, fig.high, fig.modality) == reading
