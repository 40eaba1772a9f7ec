"""Dates without a year, anchored on the publication date: the most recent such date on or before it.

The boundaries are where an off-by-one hides: the publication day itself stays in its year, the next day
of the calendar goes back a year, and across New Year a December date belongs to the previous year.
"""

from __future__ import annotations

import pytest
from conftest import assert_spans_exact

from claimgraph.ingest import Article
from claimgraph.meta import DocMeta


def resolved(analyzer, sentence: str, published: str) -> dict[str, tuple]:
    analysis = analyzer.analyze_article(Article(text=sentence, meta=DocMeta(published=published)))
    assert_spans_exact(analysis)
    return {t.text: (t.value, t.precision, t.anchor) for t in analysis.times}


@pytest.mark.parametrize(("phrase", "published", "value"), [
    ("December 3", "2015-12-03", "2015-12-03"),     # the publication day itself stays in its year
    ("3 December", "2015-12-03", "2015-12-03"),
    ("December 2", "2015-12-03", "2015-12-02"),     # the day before
    ("December 4", "2015-12-03", "2014-12-04"),     # the day after: last year's
    ("November 24th", "2015-12-03", "2015-11-24"),
    ("December 30", "2016-01-02", "2015-12-30"),    # across New Year
    ("December 31", "2016-01-01", "2015-12-31"),
    ("January 1", "2016-01-01", "2016-01-01"),
    ("January 2", "2016-01-02", "2016-01-02"),
    ("January 3", "2016-01-02", "2015-01-03"),
    ("February 29", "2016-03-01", "2016-02-29"),    # a leap day in a leap year
])
def test_a_day_without_a_year_is_the_latest_one_on_or_before_publication(analyzer, phrase, published, value):
    got = resolved(analyzer, f"The talks began on {phrase} in the capital.", published)
    assert got[phrase] == (value, "day", "dateline")


@pytest.mark.parametrize(("phrase", "published", "value"), [
    ("December", "2015-12-03", "2015-12"),          # the month of publication is this year's
    ("December", "2016-01-02", "2015-12"),
    ("January", "2016-01-02", "2016-01"),
    ("February", "2016-01-02", "2015-02"),
])
def test_a_month_without_a_year_is_the_latest_one_on_or_before_publication(analyzer, phrase, published, value):
    got = resolved(analyzer, f"The talks began in {phrase} in the capital.", published)
    assert got[phrase] == (value, "month", "dateline")


def test_a_publication_month_only_anchors_days_at_its_last_day(analyzer):
    # published "2015-12": any December day is on or before the end of the month, so it is this year's
    got = resolved(analyzer, "The talks began on December 31 in the capital.", "2015-12")
    assert got["December 31"] == ("2015-12-31", "day", "dateline")
    got = resolved(analyzer, "The talks began on January 5 in the capital.", "2015-12")
    assert got["January 5"] == ("2015-01-05", "day", "dateline")


@pytest.mark.parametrize(("phrase", "published", "value"), [
    ("last December", "2016-01-02", "2015-12"),
    ("last December", "2015-12-03", "2014-12"),     # "last December" in December is a year back
    ("next January", "2015-12-03", "2016-01"),
])
def test_shifted_months_across_the_year_boundary(analyzer, phrase, published, value):
    got = resolved(analyzer, f"The talks began {phrase} in the capital.", published)
    assert got[phrase] == (value, "month", "dateline")


@pytest.mark.parametrize(("phrase", "published", "value"), [
    ("Thursday", "2015-12-03", "2015-12-03"),       # the publication day is a Thursday: itself
    ("Friday", "2015-12-03", "2015-11-27"),         # a weekday after it: the previous week's
    ("Wednesday", "2015-12-03", "2015-12-02"),
    ("last Thursday", "2015-12-03", "2015-11-26"),  # "last" skips the publication day
    ("next Thursday", "2015-12-03", "2015-12-10"),
    ("Friday", "2016-01-02", "2016-01-01"),         # a Saturday: Friday is across New Year
    ("Thursday", "2016-01-02", "2015-12-31"),
])
def test_weekdays_around_the_publication_day(analyzer, phrase, published, value):
    got = resolved(analyzer, f"The talks began on {phrase} in the capital.", published)
    assert got[phrase] == (value, "day", "dateline")


@pytest.mark.parametrize(("sentence", "published", "phrase", "value", "precision"), [
    ("Yesterday the talks began.", "2016-01-01", "Yesterday", "2015-12-31", "day"),
    ("The talks begin tomorrow.", "2015-12-31", "tomorrow", "2016-01-01", "day"),
    ("Two days ago the talks began.", "2016-01-01", "Two days ago", "2015-12-30", "day"),
    ("Three months ago the talks began.", "2016-02-10", "Three months ago", "2015-11", "month"),
    ("Last year the talks began.", "2016-01-02", "Last year", "2015", "year"),
    ("Last month the talks began.", "2016-01-02", "Last month", "2015-12", "month"),
])
def test_relative_expressions_cross_the_year_boundary(analyzer, sentence, published, phrase, value, precision):
    got = resolved(analyzer, sentence, published)
    assert got[phrase] == (value, precision, "dateline")


def test_explicit_years_are_not_moved_by_the_publication_date(analyzer):
    got = resolved(analyzer, "The talks began on December 4, 2015 in the capital.", "2015-12-03")
    assert got["December 4, 2015"] == ("2015-12-04", "day", "explicit")
