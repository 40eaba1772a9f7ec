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
    ("May", "2016-05-01", "2016-05"),                # published on the 1st: the month has begun
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


# ------------------------------------------------------------------ every kind of expression, resolved

@pytest.mark.parametrize(("sentence", "published", "phrase", "expected"), [
    # explicit: the text gives the year
    ("Talks ran from June-August 2015.", None, "June-August 2015", ("2015-06/2015-08", "month", "explicit")),
    ("Talks ran on 5-6 April 2016.", None, "5-6 April 2016", ("2016-04-05/2016-04-06", "day", "explicit")),
    ("Talks were held on 2016-04-05 in Geneva.", None, "2016-04-05", ("2016-04-05", "day", "explicit")),
    ("Talks were held on 31/12/2015 in Geneva.", None, "31/12/2015", ("2015-12-31", "day", "explicit")),
    ("Talks were held in the summer of 2014.", None, "the summer of 2014", ("2014", "year", "explicit")),
    ("It happened in late March 2015.", None, "late March 2015", ("2015-03", "month", "explicit")),
    ("It happened on Friday, March 4, 2016.", None, "Friday, March 4, 2016", ("2016-03-04", "day", "explicit")),
    ("It was founded in 300 BC, the guide said.", None, "300 BC", ("-0299", "year", "explicit")),
    ("The city was founded in 1200 AD, the guide said.", None, "1200 AD", ("1200", "year", "explicit")),
    ("It happened in the 1980s.", None, "the 1980s", ("198X", "decade", "explicit")),
    ("It happened in the 5th century.", None, "the 5th century", ("04", "century", "explicit")),
    ("It happened in 2014-15.", None, "2014-15", ("2014/2015", "year", "explicit")),
    ("It happened in 2014-2016.", None, "2014-2016", ("2014/2016", "year", "explicit")),
    # days and months without a year
    ("Talks were held on 5-6 April.", "2016-05-10", "5-6 April", ("2016-04-05/2016-04-06", "day", "dateline")),
    ("Talks were held on April 5-6.", "2016-04-03", "April 5-6", ("2015-04-05/2015-04-06", "day", "dateline")),
    ("Talks were held in March in Geneva.", None, "March", ("--03", "month", "unresolved")),
    ("Talks were held on March 3 in Geneva.", None, "March 3", ("--03-03", "day", "unresolved")),
    ("Talks were held on March 3 in Geneva.", "2016-05", "March 3", ("2016-03-03", "day", "dateline")),
    ("It happened on Friday 4 March.", "2016-05-10", "Friday 4 March", ("2016-03-04", "day", "dateline")),
    ("Talks were held in the summer in Geneva.", "2016-05-10", "the summer", ("2015", "year", "dateline")),
    ("It happened in the 80s.", "2016-05-10", "the 80s", ("198X", "decade", "dateline")),
    ("It happened in the 20s.", None, "the 20s", ("202X", "decade", "unresolved")),
    ("It happened in the 50s.", None, "the 50s", ("195X", "decade", "unresolved")),
    # durations
    ("The war lasted three decades.", None, "three decades", ("P30Y", None, "explicit")),
    ("The war lasted two centuries.", None, "two centuries", ("P200Y", None, "explicit")),
    ("The siege lasted 12 hours.", None, "12 hours", ("PT12H", None, "explicit")),
    ("The siege lasted 30 minutes.", None, "30 minutes", ("PT30M", None, "explicit")),
    ("The siege lasted a week.", None, "a week", ("P1W", None, "explicit")),
    ("The siege lasted an hour.", None, "an hour", ("PT1H", None, "explicit")),
    ("The siege lasted 10-plus days.", None, "10-plus days", ("P10D", None, "explicit")),
    ("The siege lasted 10+ days.", None, "10+ days", ("P10D", None, "explicit")),
    ("The empire lasted 1,000 years.", None, "1,000 years", ("P1000Y", None, "explicit")),
    ("The siege lasted twenty-one days.", None, "twenty-one days", ("P21D", None, "explicit")),
    ("Over the past three years the town changed hands.", None, "the past three years", ("P3Y", None, "explicit")),
    # clock times
    ("The talks start at 3 p.m. local time.", None, "3 p.m.", ("T15:00", None, "explicit")),
    ("The talks start at 12 a.m. sharp.", None, "12 a.m.", ("T00:00", None, "explicit")),
    ("The talks start at 12 pm sharp.", None, "12 pm", ("T12:00", None, "explicit")),
    ("The talks start at noon.", None, "noon", ("T12:00", None, "explicit")),
    ("The talks start at midnight.", None, "midnight", ("T00:00", None, "explicit")),
    ("The talks start at 9:05 GMT.", None, "9:05 GMT", ("T09:05", None, "explicit")),
    # relative to the publication date, at its precision
    ("It was the day before yesterday.", "2016-01-01", "the day before yesterday", ("2015-12-30", "day", "dateline")),
    ("It happens the day after tomorrow.", "2015-12-31", "the day after tomorrow", ("2016-01-02", "day", "dateline")),
    ("It happened the day before yesterday.", "2016-05", "the day before yesterday", ("2016-05", "month", "dateline")),
    ("It happened yesterday.", "2016", "yesterday", ("2016", "year", "dateline")),
    ("It happened yesterday.", None, "yesterday", (None, None, "unresolved")),
    ("It happened two weeks ago.", "2016-01-05", "two weeks ago", ("2015-12-22", "day", "dateline")),
    ("It happened two weeks ago.", "2016-05", "two weeks ago", ("2016-05", "month", "dateline")),
    ("It happened three months ago.", "2016-02", "three months ago", ("2015-11", "month", "dateline")),
    ("It happened 18 months ago.", "2016-05-10", "18 months ago", ("2014-11", "month", "dateline")),
    ("It happened a decade ago.", "2016-02-10", "a decade ago", ("2006", "year", "dateline")),
    ("It happened two hours ago.", "2016-02-10", "two hours ago", ("2016-02-10", "day", "dateline")),
    ("It happened two years later.", "2016-02-10", "two years later", ("2018", "year", "dateline")),
    ("It happened three days later.", "2016-05-10", "three days later", ("2016-05-13", "day", "dateline")),
    ("It happens next year.", "2016-02-10", "next year", ("2017", "year", "dateline")),
    ("It happened this year.", "2016-05-10", "this year", ("2016", "year", "dateline")),
    ("It happens next month.", "2016-12-10", "next month", ("2017-01", "month", "dateline")),
    ("It happened last month.", "2016", "last month", ("2016", "year", "dateline")),
    ("It happens next week.", "2015-12-30", "next week", ("2016-W01", None, "dateline")),
    ("It happened last weekend.", "2016-05-10", "last weekend", ("2016-W18", None, "dateline")),
    ("It happened last week.", "2016-05", "last week", ("2016-05", "month", "dateline")),
    ("It happened last night.", "2016-05-10", "last night", ("2016-05-09", "day", "dateline")),
    ("It happened this morning.", "2016-05-10", "this morning", ("2016-05-10", "day", "dateline")),
    ("It happened in the early hours of Sunday.", "2016-05-10", "the early hours of Sunday",
     ("2016-05-08", "day", "dateline")),
    ("It happened last Tuesday.", "2016-05-10", "last Tuesday", ("2016-05-03", "day", "dateline")),
    ("It happens next Tuesday.", "2016-05-10", "next Tuesday", ("2016-05-17", "day", "dateline")),
    ("It happened this Tuesday.", "2016-05-10", "this Tuesday", ("2016-05-10", "day", "dateline")),
    ("It happened on Monday.", "2016-05", "Monday", (None, "day", "unresolved")),
    ("It happened last Friday.", "2016-05", "last Friday", ("2016-05", "month", "dateline")),
    ("It happened last March.", "2016-05-10", "last March", ("2016-03", "month", "dateline")),
    ("It happened last May.", "2016-05-10", "last May", ("2015-05", "month", "dateline")),
    ("It happens next March.", "2016-05-10", "next March", ("2017-03", "month", "dateline")),
    ("It happened this summer.", "2016-08-10", "this summer", ("2016", "year", "dateline")),
    ("It happens next spring.", "2016-05-10", "next spring", ("2017", "year", "dateline")),
    ("It happens next summer.", "2016-05-10", "next summer", ("2016", "year", "dateline")),
    ("It happened last autumn.", "2016-05-10", "last autumn", ("2015", "year", "dateline")),
    ("It happened last spring.", "2016-04-10", "last spring", ("2015", "year", "dateline")),
    ("It happened last winter.", "2016-05-10", "last winter", ("2015", "year", "dateline")),
    # no value: named days and repeated times
    ("It happened on Christmas.", "2016-05-10", "Christmas", (None, None, "unresolved")),
    ("It happens every week.", "2016-05-10", "every week", (None, None, "unresolved")),
])
def test_expression_resolves_to_its_iso_value(analyzer, sentence, published, phrase, expected):
    assert resolved(analyzer, sentence, published)[phrase] == expected
