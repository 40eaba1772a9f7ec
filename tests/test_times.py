"""Times: spans, ISO values, precision and anchor, resolved against the published date or dateline."""

from __future__ import annotations

import pytest
from conftest import assert_spans_exact

from claimgraph.contract import Analysis
from claimgraph.ingest import Article
from claimgraph.meta import DocMeta
from claimgraph.nlp.times import parse_base


def run(analyzer, text: str, published: str | None = None, dateline: str | None = None) -> Analysis:
    analysis = analyzer.analyze_article(Article(text=text, meta=DocMeta(published=published, dateline=dateline)))
    assert_spans_exact(analysis)
    return analysis


def times(analysis: Analysis) -> dict[str, tuple]:
    return {t.text: (t.value, t.precision, t.anchor) for t in analysis.times}


def test_month_day_resolves_to_most_recent_before_dateline(analyzer):
    text = "The chairman says that since November 24th he has been busy."
    assert times(run(analyzer, text, published="2023-06"))["November 24th"] == ("2022-11-24", "day", "dateline")
    assert times(run(analyzer, text, published="2015-12-03"))["November 24th"] == ("2015-11-24", "day", "dateline")


def test_month_day_without_any_base_stays_unresolved(analyzer):
    assert times(run(analyzer, "Fighting resumed on March 3rd in the north."))["March 3rd"] == (
        "--03-03", "day", "unresolved")


def test_explicit_dates(analyzer):
    text = ("JUNE 2023 was quiet. Talks were held on 5-6 April 2016 and again on Nov. 29, 2016, "
            "and the town fell in 1989.")
    got = times(run(analyzer, text))
    assert got["JUNE 2023"] == ("2023-06", "month", "explicit")
    assert got["5-6 April 2016"] == ("2016-04-05/2016-04-06", "day", "explicit")
    assert got["Nov. 29, 2016"] == ("2016-11-29", "day", "explicit")
    assert got["1989"] == ("1989", "year", "explicit")


def test_since_month_last_week_and_weekday(analyzer):
    text = "Russia conducted strikes since September. Last week the border closed, and on Wednesday it reopened."
    got = times(run(analyzer, text, published="2015-12-03"))  # a Thursday
    assert got["September"] == ("2015-09", "month", "dateline")
    assert got["Last week"] == ("2015-W48", None, "dateline")
    assert got["Wednesday"] == ("2015-12-02", "day", "dateline")


@pytest.mark.parametrize("phrase", ["the 90s", "the 90´s", "the 1990s", "the '90s"])
def test_decades(analyzer, phrase):
    got = times(run(analyzer, f"Many fought in foreign wars in {phrase} and returned home.", published="2015-12"))
    assert got[phrase] == ("199X", "decade", "dateline" if "199" not in phrase else "explicit")


def test_for_centuries_is_a_century_period_without_the_preposition(analyzer):
    analysis = run(analyzer, "Our siblings have lived there for centuries.")
    (t,) = analysis.times
    assert (t.text, t.value, t.precision) == ("centuries", None, "century")


@pytest.mark.parametrize("text", [
    "We may march on the capital now.",
    "Now we know that they may not march again.",
    "Protesters march every evening; we may join them.",
])
def test_no_false_times_on_ordinary_words(analyzer, text):
    assert run(analyzer, text, published="2016-05-10").times == []


def test_capitalised_may_needs_a_day_year_or_preposition(analyzer):
    got = times(run(analyzer, "May God protect them. In May the army left, and on May 5 it returned.",
                    published="2016-06-10"))
    assert "May" in got and got["May"] == ("2016-05", "month", "dateline")
    assert got["May 5"] == ("2016-05-05", "day", "dateline")
    assert len(got) == 2


def test_relative_days_take_the_precision_of_the_base(analyzer):
    text = "Yesterday two shells fell; four years ago the market burned."
    got = times(run(analyzer, text, published="2016-12-20"))
    assert got["Yesterday"] == ("2016-12-19", "day", "dateline")
    assert got["four years ago"] == ("2012", "year", "dateline")
    assert times(run(analyzer, text, published="2016-12"))["Yesterday"] == ("2016-12", "month", "dateline")


def test_durations_clock_times_and_centuries(analyzer):
    text = "The siege lasted three weeks. The call starts at 10:30 GMT. It was built in the 19th century."
    got = times(run(analyzer, text))
    assert got["three weeks"] == ("P3W", None, "explicit")
    assert got["10:30 GMT"] == ("T10:30", None, "explicit")
    assert got["the 19th century"] == ("18", "century", "explicit")


def test_year_before_a_singular_noun_is_a_year_before_a_plural_a_count(analyzer):
    analysis = run(analyzer, "Before the 2016 election, the 2014 offensive killed 1989 civilians.")
    assert times(analysis) == {"2016": ("2016", "year", "explicit"), "2014": ("2014", "year", "explicit")}
    assert [q.text for q in analysis.quantities] == ["1989"]


def test_labels_and_counts_are_not_years(analyzer):
    analysis = run(analyzer, "The council passed Resolution 2254. Some 2000 people marched.")
    assert analysis.times == []


def test_dateline_is_used_when_published_is_unknown():
    base = parse_base(None, "JUNE 2023")
    assert base is not None and (base.date.year, base.date.month, base.precision) == (2023, 6, "month")
    assert parse_base("2015-12-03", None).precision == "day"
    assert parse_base(None, None) is None


@pytest.mark.parametrize("text", ["", " ", "🙂 2023 🙂", "31/31/2016 and 99:99", "May", "the 00s"])
def test_odd_text_never_raises(analyzer, text):
    analysis = run(analyzer, text, published="2016-02")  # run() fails on any component_error flag
    assert text.strip() or analysis.times == []


def test_seed_sample_dates(sample_analysis):
    got = times(sample_analysis)
    assert got["JUNE 2023"][:2] == ("2023-06", "month")
    value, precision, anchor = got["November 24th"]
    assert precision == "day" and anchor == "dateline" and value.endswith("-11-24")
    assert value < (sample_analysis.document.published or "9999")
    assert got["the 90´s"][:2] == ("199X", "decade")


@pytest.mark.parametrize("sentence, phrase, value", [
    ("The five-year war has driven half the population from their homes.", "five-year", "P5Y"),
    ("Residents survived a 17-year blockade of the coastal strip.", "17-year", "P17Y"),
    ("A three-day truce began at dawn, the monitors said.", "three-day", "P3D"),
    ("The six-month-long siege ended when the garrison surrendered.", "six-month-long", "P6M"),
    ("He served a two-year term on the council before the vote.", "two-year", "P2Y"),
])
def test_a_length_modifying_a_noun_is_a_duration_not_a_date(analyzer, sentence, phrase, value):
    analysis = run(analyzer, sentence, published="2016-10-12")
    assert times(analysis)[phrase] == (value, None, "explicit")
    assert all(q.text != phrase for q in analysis.quantities)


def test_an_age_in_a_compound_is_neither_a_date_nor_a_duration(analyzer):
    analysis = run(analyzer, "A 30-year-old teacher and her 2-year-old son were wounded.", published="2016-10-12")
    assert analysis.times == []


@pytest.mark.parametrize("sentence, phrase, value", [
    ("The ceasefire will hold until 30 April, the envoy said.", "30 April", "2017-04-30"),
    ("The truce runs until 30 April under the agreement.", "30 April", "2017-04-30"),
    ("Talks are due to resume on 3 March in Geneva.", "3 March", "2017-03-03"),
    ("The envoy is expected to visit the capital in September.", "September", "2017-09"),
    ("The ministers are set to meet on Monday.", "Monday", "2016-10-17"),
    # past or unmarked clauses keep the most recent such date
    ("The truce ran until 30 April under the agreement.", "30 April", "2016-04-30"),
    ("The ministers met on Monday.", "Monday", "2016-10-10"),
    ("The talks were expected to resume in September.", "September", "2016-09"),
])
def test_a_date_without_a_year_takes_the_direction_its_clause_implies(analyzer, sentence, phrase, value):
    got = times(run(analyzer, sentence, published="2016-10-12"))  # a Wednesday
    assert got[phrase][0] == value
    assert got[phrase][2] == "dateline"
