"""The rules of the checks one by one: when two figures disagree, when they are about the same event,
and what the hedged_number flags say. Written to fail when a rule of claimgraph/nlp/checks.py is reversed
or dropped (found by mutation testing, bench/mutation.py)."""

from __future__ import annotations

import pytest
from checks_helpers import exact, flags, q, run

from claimgraph.nlp.checks import disagree, interval, same_event_args

# ------------------------------------------------------------------ disagree: the comparison itself

@pytest.mark.parametrize(("a", "b", "expected"), [
    (exact(100), exact(300), False),                       # a factor of exactly 3 is not beyond it
    (exact(100), exact(301), True),
    (exact(1), exact(2), False),                           # small counts: the ratio, not the difference
    (exact(0), exact(5), True),                            # "no one" against a count
    (exact(0), exact(0), False),
    (q("less_than", high=100), exact(0), False),           # "fewer than 100" allows none
    (exact(100), q("range", low=200, high=1000), False),   # the nearest ends are compared, not the far one
    (q("range", low=200, high=1000), exact(100), False),
    (q("about", value=1000), exact(300), False),           # about 1,000 reaches down to 667
    (q("about", value=1000), exact(200), True),
    (q("vague"), exact(900), False),                       # a figure without a range compares with nothing
    (exact(900), q("vague"), False),
    (q("exact", value=40), q("exact", value=900), True),   # a bare value is its own range
])
def test_disagree_compares_the_nearest_ends_of_the_two_ranges(a, b, expected):
    assert disagree(a, b) is expected


def test_interval_of_each_kind_of_figure():
    assert interval(q("about", value=300)) == (200, 450)
    assert interval(q("more_than", low=500)) == (500, float("inf"))
    assert interval(q("less_than", high=40)) == (0.0, 40)
    assert interval(q("range", low=250, high=500)) == (250, 500)
    assert interval(q("exact", value=7)) == (7, 7)
    assert interval(q("vague", low=200)) is None  # a lower end alone (no bound word) says nothing to compare


def test_same_event_needs_a_shared_role_naming_the_same_thing():
    assert same_event_args({"agent": "strike"}, {"agent": "strike", "patient": "civilian"})
    assert same_event_args({"agent": "strike", "patient": "civilian"}, {"agent": "strike"})
    assert not same_event_args({"agent": "strike"}, {"agent": "bomb"})
    assert not same_event_args({"agent": "strike"}, {"patient": "civilian"})
    assert not same_event_args({}, {})


# ------------------------------------------------------------------ internal_inconsistency on articles

def test_same_attack_in_different_places_is_not_one_event(analyzer):
    text = ("An air strike killed 40 civilians in Aleppo, the Observatory said.\n\n"
            "State media said an air strike killed 3 civilians in Idlib.")
    assert flags(run(analyzer, text), "internal_inconsistency") == []


def test_same_attack_in_the_same_place_is_one_event(analyzer):
    text = ("An air strike killed 40 civilians in Aleppo, the Observatory said.\n\n"
            "State media said an air strike killed 3 civilians in Aleppo.")
    (flag,) = flags(run(analyzer, text), "internal_inconsistency")
    assert flag.message == ('"40 civilians" (source: Observatory) and "3 civilians" (source: State media) '
                            'disagree on the same event ("kill")')


def test_an_unrelated_figure_before_does_not_stop_the_comparison(analyzer):
    text = ("The governor said 30 trucks crossed the border.\n\n"
            "The governor said 9,000 people fled the town.\n\n"
            "A local doctor said 100 people fled the town.")
    analysis = run(analyzer, text)
    (flag,) = flags(analysis, "internal_inconsistency")
    by_id = {item.id: item for item in analysis.quantities}
    assert [by_id[r].text for r in flag.refs] == ["9,000", "100"]
    assert flag.spans == [tuple(by_id[r].span) for r in flag.refs]
    assert flag.severity == "warning"


def test_the_same_figures_in_one_sentence_are_not_compared(analyzer):
    text = "The governor said 9,000 people fled the town, while a local doctor said 100 people fled the town."
    assert flags(run(analyzer, text), "internal_inconsistency") == []


def test_a_figure_without_a_source_is_named_as_such(analyzer):
    text = ("The air strike on the market killed 40 civilians.\n\n"
            "State media said the air strike killed 3 civilians.")
    (flag,) = flags(run(analyzer, text), "internal_inconsistency")
    assert "(source: no named source)" in flag.message and "(source: State media)" in flag.message


# ------------------------------------------------------------------ hedged_number

def test_a_hedged_figure_is_a_warning_naming_its_hedge_subject_and_source(analyzer):
    analysis = run(analyzer, "Officials said no civilians were killed in the raid. Reportedly 40 soldiers died.")
    (flag,) = flags(analysis, "hedged_number")
    (n40,) = [item for item in analysis.quantities if item.text == "40"]
    assert (flag.severity, flag.refs, flag.spans) == ("warning", [n40.id], [tuple(n40.span)])
    assert flag.message == '"40" soldiers is hedged (Reportedly, source: unnamed source)'


def test_an_unsourced_figure_is_info_and_a_sourced_one_is_not_flagged(analyzer):
    analysis = run(analyzer, "The army said 3 tanks were lost. 40 soldiers died in the attack.")
    (flag,) = flags(analysis, "hedged_number")
    (n40,) = [item for item in analysis.quantities if item.text == "40"]
    assert (flag.severity, flag.refs, flag.spans) == ("info", [n40.id], [tuple(n40.span)])
    assert flag.message == '"40" soldiers has no named source'


def test_the_documents_own_outlet_is_no_source_for_a_figure(analyzer):
    analysis = run(analyzer, "40 soldiers died in the attack, Reuters reported.", outlet="Reuters")
    (flag,) = flags(analysis, "hedged_number")
    assert (flag.severity, flag.message) == ("info", '"40" soldiers has no named source')


def test_another_outlet_is_a_source(analyzer):
    analysis = run(analyzer, "40 soldiers died in the attack, Reuters reported.", outlet="Al Jazeera")
    assert flags(analysis, "hedged_number") == []


def test_negated_figures_are_not_flagged_and_do_not_stop_the_others(analyzer):
    analysis = run(analyzer, "Police did not arrest 40 protesters. Reportedly 12 students were detained.")
    assert [(f.severity, f.message.split(" is ")[0]) for f in flags(analysis, "hedged_number")] == [
        ("warning", '"12" students')]


def test_a_failing_check_is_reported_and_the_hedged_flags_stand(analyzer, monkeypatch):
    from claimgraph.ingest import Article
    from claimgraph.meta import DocMeta
    from claimgraph.nlp.checks import ChecksComponent

    def boom(state):
        raise RuntimeError("simulated failure")

    monkeypatch.setattr(ChecksComponent, "_inconsistent", staticmethod(boom))
    # not run(): its span check fails on purpose here, the failure record being the point
    analysis = analyzer.analyze_article(Article(text="Reportedly 40 soldiers died in the attack.",
                                                meta=DocMeta(published="2016-05-10")))
    (error,) = flags(analysis, "component_error")
    assert error.message.startswith("claimgraph_checks failed on this document (RuntimeError: simulated failure)")
    assert [f.severity for f in flags(analysis, "hedged_number")] == ["warning"]

