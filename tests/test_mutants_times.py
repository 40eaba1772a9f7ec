"""Properties of anchoring a date without a year on the publication date (claimgraph/nlp/times.py).

The rule: a day or month named without a year is the most recent one on or before the publication date.
Hypothesis draws the publication date and the day; the sentences of tests/test_date_anchoring.py show the
rule in running text at the boundaries (the publication day itself, New Year, leap days).
"""

from __future__ import annotations

import calendar
import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from claimgraph.nlp.times import Base, _most_recent, parse_base

DATES = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31))


@given(DATES, st.integers(1, 12), st.integers(1, 31))
def test_a_day_without_a_year_is_the_latest_one_on_or_before_publication(published, month, day):
    got = _most_recent(month, day, Base(published, "day"))
    assert got <= published
    assert got.month == month
    assert got.day == min(day, calendar.monthrange(got.year, month)[1])  # "February 30" is its last day
    # the latest such day: a year later it would be after publication
    assert got.year == published.year or (got.year == published.year - 1 and (month, day) > (
        published.month, published.day))


@given(DATES)
def test_the_publication_day_itself_stays_in_its_year(published):
    assert _most_recent(published.month, published.day, Base(published, "day")) == published


@given(DATES, st.integers(1, 12))
def test_a_month_without_a_year_is_the_latest_one_begun_by_publication(published, month):
    got = _most_recent(month, None, Base(published, "day"))
    assert got.month == month
    assert got.year == (published.year if month <= published.month else published.year - 1)


@given(DATES)
def test_published_dates_give_their_precision(published):
    assert parse_base(published.isoformat(), None) == Base(published, "day")
    month_end = published.replace(day=calendar.monthrange(published.year, published.month)[1])
    assert parse_base(published.isoformat()[:7], None) == Base(month_end, "month")  # a month: its last day
    assert parse_base(str(published.year), None) == Base(dt.date(published.year, 12, 31), "year")
    assert parse_base(f"  {published.isoformat()}T08:15:00Z", "ignored") == Base(published, "day")
