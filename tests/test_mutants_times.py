"""Properties of anchoring a date without a year on the publication date (claimgraph/nlp/times.py).

The rule: a day or month named without a year is the most recent one on or before the publication date.
Hypothesis draws the publication date and the day; the sentences of tests/test_date_anchoring.py show the
rule in running text at the boundaries (the publication day itself, New Year, leap days).
"""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from claimgraph.nlp.times import Base, _duration, _labels_number, _most_recent, parse_base

DATES = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31))


@given(DATES, st.integers(1, 12), st.integers(1, 31))
def test_a_day_without_a_year_is_the_latest_one_on_or_before_publication(published, month, day):
    assume((month, day) != (2, 29) or calendar.isleap(published.year))  # see the leap-day test below
    got = _most_recent(month, day, Base(published, "day"))
    assert got <= published
    assert got.month == month
    assert got.day == min(day, calendar.monthrange(got.year, month)[1])  # "February 30" is its last day
    # the latest such day: a year later it would be after publication
    assert got.year == published.year or (got.year == published.year - 1 and (month, day) > (
        published.month, published.day))


def test_a_leap_day_read_the_year_after_is_the_leap_day():
    # "February 29" in an article of 2001-01-01 is 2000-02-29 (2000 was a leap year), not February 28
    assert _most_recent(2, 29, Base(dt.date(2001, 1, 1), "day")) == dt.date(2000, 2, 29)


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


@pytest.mark.parametrize(("dateline", "base"), [
    ("December 3, 2015", Base(dt.date(2015, 12, 3), "day")),
    ("Monday, December 3, 2015 10:30 GMT", Base(dt.date(2015, 12, 3), "day")),
    ("December 2015", Base(dt.date(2015, 12, 31), "month")),     # a month: its last day, as a published month
    ("2015", Base(dt.date(2015, 12, 31), "year")),
    ("3 décembre 2015", None),                                   # English datelines only
    ("gibberish words", None),
])
def test_a_dateline_is_the_base_without_a_published_date(dateline, base):
    assert parse_base(None, dateline) == base
    assert parse_base("", dateline) == base
    assert parse_base("not a date", dateline) == base


def test_a_dateline_of_a_week_is_known_to_the_day():
    # "last week" names a week; its base is a day (whichever day it falls on today)
    assert parse_base(None, "last week").precision == "day"


def test_whole_durations_only():
    assert _duration(2, "years") == "P2Y"
    assert _duration(2.5, "years") is None      # "two and a half years" has no whole ISO duration
    assert _duration(None, "years") is None
    assert _duration(2, "fortnights") is None   # a unit the table does not know


@pytest.mark.parametrize(("word", "labels"), [
    ("Resolution", True),     # "Resolution 2254": a label, not a year
    ("Flight", True),
    ("resolution", False),    # lower case: no name
    ("In", False), ("Since", False), ("By", False),                 # "In 2015": a year after a preposition
    ("March", False), ("Spring", False), ("Summer", False),         # "March 2015", "Spring 2015"
    ("The", False), ("And", False), ("Or", False), ("To", False), ("Between", False), ("Around", False),
])
def test_a_capitalised_name_before_a_number_labels_it(word, labels):
    assert _labels_number(word) is labels
