"""Quantities: every construction with exact spans, bounds, subject, source, hedges and modality."""

from __future__ import annotations

import pytest
from conftest import assert_spans_exact

from claimgraph.contract import Analysis, Claim, Quantity, Source
from claimgraph.ingest import Article
from claimgraph.meta import DocMeta
from claimgraph.nlp.quantities import QuantitiesComponent, parse_figure
from claimgraph.nlp.state import DocState, get_state
from claimgraph.nlp.times import TimesComponent


def run(analyzer, text: str, published: str | None = "2016-05-10") -> Analysis:
    analysis = analyzer.analyze_article(Article(text=text, meta=DocMeta(published=published)))
    assert_spans_exact(analysis)
    return analysis


def only(analysis: Analysis) -> Quantity:
    assert len(analysis.quantities) == 1, [q.text for q in analysis.quantities]
    return analysis.quantities[0]


def by_text(analysis: Analysis) -> dict[str, Quantity]:
    return {q.text: q for q in analysis.quantities}


@pytest.mark.parametrize(("text", "figure", "value", "low", "high", "approx", "subject"), [
    ("Rebels captured 12,000 rifles.", "12,000", 12000, 12000, 12000, "exact", "rifles"),
    ("Twelve soldiers were wounded.", "Twelve", 12, 12, 12, "exact", "soldiers"),
    ("The agency said 1.5 million refugees had crossed.", "1.5 million", 1.5e6, 1.5e6, 1.5e6, "exact", "refugees"),
    ("Two hundred and fifty families returned.", "Two hundred and fifty", 250, 250, 250, "exact", "families"),
    ("Police arrested a dozen protesters.", "a dozen", None, 12, 12, "vague", "protesters"),
    ("Dozens of houses were burned.", "Dozens", None, 24, 99, "vague", "houses"),
    ("Hundreds of civilians fled.", "Hundreds", None, 200, 999, "vague", "civilians"),
    ("Tens of thousands of people marched.", "Tens of thousands", None, 20000, 99999, "vague", "people"),
    ("Witnesses saw a couple hundred fighters.", "a couple hundred", None, 200, 299, "vague", "fighters"),
    ("Several mortar shells hit the school.", "Several", None, 3, 9, "vague", "mortar shells"),
    ("Between 250 and 500 volunteers joined.", "Between 250 and 500", None, 250, 500, "range", "volunteers"),
    ("There were 250 – 500 volunteers in the camp.", "250 – 500", None, 250, 500, "range", "volunteers"),
    ("The raid left 250-500 prisoners free.", "250-500", None, 250, 500, "range", "prisoners"),
    ("They fired from 3 to 5 rockets a day.", "from 3 to 5", None, 3, 5, "range", "rockets"),
    ("Russia conducted more than 500 air strikes.", "more than 500", None, 500, None, "more_than", "air strikes"),
    ("At least 13 women were killed.", "At least 13", None, 13, None, "at_least", "women"),
    ("The boats carry up to 10 passengers.", "up to 10", None, None, 10, "at_most", "passengers"),
    ("Nearly 40 tanks were destroyed.", "Nearly 40", None, None, 40, "less_than", "tanks"),
    ("The camp holds fewer than 300 families.", "fewer than 300", None, None, 300, "less_than", "families"),
    ("The offensive displaced over 9,000 residents.", "over 9,000", None, 9000, None, "more_than", "residents"),
    ("He counted about 12,000 people.", "about 12,000", 12000, None, None, "about", "people"),
    ("Officials registered around 2,000 refugees.", "around 2,000", 2000, None, None, "about", "refugees"),
    ("An estimated 30,000 troops took part.", "An estimated 30,000", 30000, None, None, "about", "troops"),
    ("The army sent 500 or more tanks.", "500 or more", None, 500, None, "at_least", "tanks"),
])
def test_figures_bounds_and_subjects(analyzer, text, figure, value, low, high, approx, subject):
    q = only(run(analyzer, text))
    assert (q.text, q.value, q.low, q.high, q.approx, q.subject) == (figure, value, low, high, approx, subject)


def test_and_joins_a_range_only_after_between(analyzer):
    got = by_text(run(analyzer, "The blast killed 5 and wounded 10 others; 2 or 3 cars burned."))
    assert got["5"].value == 5 and got["10"].value == 10
    assert (got["2 or 3"].low, got["2 or 3"].high, got["2 or 3"].approx) == (2, 3, "range")


def test_percentages_fractions_and_money(analyzer):
    got = by_text(run(analyzer, "Some 40% of the population fled, half of the residents stayed, and donors gave "
                                "$4 million, £1.1bn and over 9 billion euros, paying two Jordanian dinars a day."))
    assert (got["Some 40%"].value, got["Some 40%"].unit, got["Some 40%"].subject) == (40, "%", "population")
    assert (got["half"].value, got["half"].unit, got["half"].subject) == (50, "%", "residents")
    assert (got["$4 million"].value, got["$4 million"].unit) == (4e6, "USD")
    assert (got["£1.1bn"].value, got["£1.1bn"].unit) == (1.1e9, "GBP")
    assert (got["over 9 billion euros"].low, got["over 9 billion euros"].unit) == (9e9, "EUR")
    assert got["two Jordanian dinars"].unit == "JOD"


def test_units_attach_to_the_figure(analyzer):
    got = by_text(run(analyzer, "The town lies 30km south, across 300 square miles of desert."))
    assert got["30km"].unit == "km" and got["300 square miles"].unit == "mi2"


def test_partitive_count_takes_the_subject_of_the_whole(analyzer):
    got = by_text(run(analyzer, "Only 3 of more than 40 villages are still controlled by the rebels."))
    assert got["3"].value == 3 and got["3"].subject == "villages"
    assert (got["more than 40"].low, got["more than 40"].approx, got["more than 40"].subject) == (
        40, "more_than", "villages")


@pytest.mark.parametrize("text", [
    "In 2015 the war spread.",
    "On 5 May 2016 the town fell.",
    "The meeting starts at 10:30 and ends at 11am.",
    "The 71st brigade and the 3rd division advanced.",
    "He is one of the leaders of the group.",
    "Call +44 20 7946 0958 for details.",
    "The Security Council adopted Resolution 2254.",
    "Flight MH370 and the Su-24 jet were lost.",
    "1. Introduction\n2. Methods",
    "See the report.[1] Coordinates: 33°47′N 44°30′E",
])
def test_not_quantities(analyzer, text):
    assert run(analyzer, text).quantities == []


def test_strength_and_possessive_subjects(analyzer):
    got = by_text(run(analyzer, "A 5,000-strong force advanced, and 5% of Ohio’s population moved."))
    assert (got["5,000-strong"].value, got["5,000-strong"].subject) == (5000, "force")
    assert got["5%"].subject == "Ohio’s population"


@pytest.mark.parametrize("text", [
    "The bomb went off in front of 131 West 23rd Street.",
    "They are waging a two-front war.",
    "The best one I know is cheaper.",
    "He is 6'3\" tall and left school at age 12.",
    "A 5-5 ruling would leave the rules in place.",
])
def test_addresses_compounds_and_pronoun_one_are_not_counts(analyzer, text):
    assert run(analyzer, text).quantities == []


def test_no_number_is_taken_from_a_date(analyzer):
    analysis = run(analyzer, "Between 3 and 5 May 2016, 40 people died.")
    assert [q.text for q in analysis.quantities] == ["40"]


def test_modality_hypothetical_negated_estimated(analyzer):
    got = by_text(run(analyzer, "If someone organizes things, I think 10,000 people would go to Syria. "
                                "No one was killed. None of the 12 hostages were freed. "
                                "About 300 students attended."))
    assert got["10,000"].modality == "hypothetical"
    assert "I think" in got["10,000"].hedges
    assert (got["No one"].value, got["No one"].modality) == (0, "negated")
    assert (got["None"].modality, got["None"].subject) == ("negated", "hostages")
    assert got["About 300"].modality == "estimated"


def test_negated_predicate_of_a_counted_subject_is_not_a_negated_count(analyzer):
    got = by_text(run(analyzer, "At least one Democrat was not on board. He did not kill 50 people."))
    assert got["At least one"].modality == "asserted"
    assert got["50"].modality == "negated"


def test_clause_hedges(analyzer):
    got = by_text(run(analyzer, "Reportedly there are 250 Turkish citizens in Latakia. "
                                "Hundreds of Turks are probably fighting there. 30 schools reopened."))
    assert "Reportedly" in got["250"].hedges
    assert "probably" in got["Hundreds"].hedges
    assert got["30"].hedges == []


def test_source_is_the_innermost_source_of_the_covering_claim(analyzer):
    """Links through Claim.span/Claim.sources alone (a fake claim, whatever attribution finds)."""
    text = "According to the ministry, 40 soldiers died. Later 7 more were hurt."
    nlp = analyzer.nlp
    doc = nlp.make_doc(text)
    doc._.claimgraph = DocState(meta=DocMeta(published="2016-05-10"))
    for name, proc in nlp.pipeline:
        if not name.startswith("claimgraph_"):
            doc = proc(doc)
    state = get_state(doc)
    state.add("sources", Source(id="s1", label="Outlet", kind="outlet"))
    state.add("sources", Source(id="s2", label="the ministry", kind="official"))
    end = text.index("died.") + len("died.")
    state.add("claims", Claim(id="c1", text=text[:end], span=(0, end), sources=["s1", "s2"], hedges=["allegedly"]))
    TimesComponent()(doc)
    QuantitiesComponent()(doc)
    got = {q.text: q for q in state.items["quantities"]}
    assert got["40"].source == "s2" and got["40"].hedges == ["allegedly"]
    assert got["7"].source is None


def test_parse_figure():
    assert parse_figure("twenty-five") == 25
    assert parse_figure("two hundred and fifty thousand") == 250000
    assert parse_figure("3.2bn") == 3.2e9
    assert parse_figure("half a million") == 500000


@pytest.mark.parametrize(("text", "expected"), [
    ("", []), ("–", []), ("$", []), ("more than", []), ("½ ⅓ 10⁶", []),
    ("between 5 and", ["5"]),  # a cut range keeps the figure it has
])
def test_odd_text_never_raises(analyzer, text, expected):
    analysis = run(analyzer, text)  # run() fails on any component_error flag
    assert [q.text for q in analysis.quantities] == expected


def test_a_run_of_digits_and_commas_never_raises_and_reads_no_number_across_its_commas(analyzer):
    analysis = run(analyzer, "1,2,3,4,5,6,7,8,9")
    assert {q.value for q in analysis.quantities} <= set(range(1, 10))


def test_seed_sample_figures(sample_analysis):
    a = sample_analysis
    src = {s.id: s.label for s in a.sources}
    got = by_text(a)

    def check(text, approx, low, high, value, subject):
        q = got[text]
        assert (q.approx, q.low, q.high, q.value, q.subject) == (approx, low, high, value, subject), text
        return q

    check("tens of thousands", "vague", 20000, 99999, None, "Turkish men")
    q = next(q for q in a.quantities if q.text.endswith("250 – 500"))
    assert (q.low, q.high, q.approx, q.subject) == (250, 500, "range", "Turkish citizens")
    assert "Reportedly" in q.hedges
    q = check("about 12,000", "about", None, None, 12000, "people")
    assert src.get(q.source) == "Kursat Mican"
    q = check("10,000", "exact", 10000, 10000, 10000, "people")
    assert q.modality == "hypothetical" and src.get(q.source) == "Kursat Mican"
    q = check("more than 500", "more_than", 500, None, None, "air strikes")
    assert src.get(q.source) == "Turkish officials"
    q = check("about 10,000", "about", None, None, 10000, "Turkmen")
    assert src.get(q.source) == "Turkish officials"
    q = check("3", "exact", 3, 3, 3, "villages")
    assert src.get(q.source) == "Tariq Solu"
    q = check("more than 40", "more_than", 40, None, None, "villages")
    q = check("around 2,000", "about", None, None, 2000, "Turkmen")
    assert src.get(q.source) == "Tariq Solu"
    q = check("hundreds", "vague", 200, 999, None, "Turks")
    assert src.get(q.source) == "Omer Behram Ozdemir" and "probably" in q.hedges
    # no figure comes from a date of the sample
    for t in a.times:
        assert not any(q.span[0] < t.span[1] and t.span[0] < q.span[1] for q in a.quantities)


def test_emergency_numbers_are_not_counts(analyzer):
    """A number people call is no count (issue 17): "a 911 caller", "dialled 999"; the counts beside them stay."""
    a = run(analyzer, "A 911 caller told the dispatcher that three men were armed. "
                      "Neighbours dialled 999 after 40 shots were fired.")
    assert sorted(by_text(a)) == ["40", "three"]


def test_age_in_apposition_is_not_a_count(analyzer):
    """"<Name>, 37, ..." gives the person's age (issue 17); the count in the same sentence stays."""
    a = run(analyzer, "Police said Daniel Hale, 37, was arrested with 12 others after the raid.")
    assert sorted(by_text(a)) == ["12"]


@pytest.mark.parametrize(("text", "figure", "value"), [
    # a space (or a no-break or thin one) between thousands groups is one number, as many outlets write it
    ("About 10 000 people fled the fighting.", "About 10 000", 10000),
    ("The shelling displaced 1 500 000 residents.", "1 500 000", 1500000),
    ("The war displaced 10\u202f000 families.", "10\u202f000", 10000),
    ("Officials counted 12\u00a0500 refugees.", "12\u00a0500", 12500),
])
def test_a_space_between_thousands_groups_is_one_number(analyzer, text, figure, value):
    q = only(run(analyzer, text))
    assert (q.text, q.value if q.value is not None else q.low) == (figure, value)


@pytest.mark.parametrize(("text", "figures"), [
    # ... but a year before a count, a group of four digits or a call number are no thousands groups
    ("In 2015 150 people died.", ["150"]),
    ("Fighters fired 5 1000-pound bombs.", ["5"]),
    ("Call +44 20 7946 0958 for details.", []),
])
def test_spaced_digits_that_are_no_thousands_groups(analyzer, text, figures):
    assert [q.text for q in run(analyzer, text).quantities] == figures


@pytest.mark.parametrize(("text", "figures"), [
    # a day of the month is never a thousands group of the count after it
    ("On April 17 240 fishermen were rescued near Tobruk.", ["240"]),
    ("Since Oct. 3 450 families have fled the valley.", ["450"]),
    ("By September 30 120 000 refugees had crossed.", ["120 000"]),
])
def test_a_day_of_the_month_is_not_joined_to_the_count_after_it(analyzer, text, figures):
    assert [q.text for q in run(analyzer, text).quantities] == figures


def test_parse_figure_reads_spaced_thousands():
    assert parse_figure("10 000") == 10000
    assert parse_figure("2\u2009500 000") == 2500000
