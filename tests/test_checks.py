"""Checks: hedged_number and internal_inconsistency flags."""

from __future__ import annotations

from checks_helpers import flags, q, run

from claimgraph.nlp.checks import disagree


def test_disagree_only_far_beyond_bounds():
    assert disagree(q("about", value=12000), q("range", low=250, high=500))
    assert not disagree(q("about", value=12000), q("exact", 10000, 10000, 10000))
    assert not disagree(q("more_than", low=500), q("exact", 900, 900, 900))
    assert disagree(q("less_than", high=100), q("exact", 900, 900, 900))
    assert not disagree(q("vague", low=2000, high=9999), q("about", value=12000))


def test_inconsistent_counts_of_the_same_event_are_flagged_with_both_sources(analyzer):
    text = ("The governor said about 9,000 people fled the town after the shelling.\n\n"
            "A local doctor told reporters that between 100 and 200 residents fled the town.")
    analysis = run(analyzer, text)
    (flag,) = flags(analysis, "internal_inconsistency")
    assert "about 9,000" in flag.message and "between 100 and 200" in flag.message
    assert flag.message.count("source:") == 2
    texts = {item.text for item in analysis.quantities if item.id in flag.refs}
    assert texts == {"about 9,000", "between 100 and 200"}


def test_consistent_or_unrelated_counts_are_not_flagged(analyzer):
    consistent = ("Officials said about 9,000 people fled the town.\n\n"
                  "Aid groups said some 8,500 people fled the town.")
    assert flags(run(analyzer, consistent), "internal_inconsistency") == []
    unrelated = ("Officials said about 9,000 people fled the town.\n\n"
                 "Aid groups said 40 trucks crossed the border.")
    assert flags(run(analyzer, unrelated), "internal_inconsistency") == []
    hypothetical = ("Officials said about 9,000 people fled the town.\n\n"
                    "He said 50 people would flee if the shelling resumed.")
    assert flags(run(analyzer, hypothetical), "internal_inconsistency") == []


def test_same_attack_with_rival_tolls_is_flagged_different_attacks_are_not(analyzer):
    same = ("The air strike on the market killed 40 civilians, the Observatory said.\n\n"
            "State media said the air strike killed 3 civilians.")
    (flag,) = flags(run(analyzer, same), "internal_inconsistency")
    assert "Observatory" in flag.message and "State media" in flag.message
    different = ("An air strike killed 40 civilians, the Observatory said.\n\n"
                 "A car bomb killed 3 civilians, police said.")
    assert flags(run(analyzer, different), "internal_inconsistency") == []
    subset = ("Air strikes killed 40 civilians on Monday.\n\n"
              "The dead included 3 children, and the strikes killed 2 women among the civilians.")
    assert flags(run(analyzer, subset), "internal_inconsistency") == []


def test_hedged_and_unsourced_numbers(analyzer):
    analysis = run(analyzer, "Reportedly 40 soldiers died in the attack. The army said 3 tanks were lost.")
    hedged = {f.refs[0]: f for f in flags(analysis, "hedged_number")}
    by_text = {item.text: item for item in analysis.quantities}
    assert by_text["40"].id in hedged and hedged[by_text["40"].id].severity == "warning"
    assert "Reportedly" in hedged[by_text["40"].id].message


def test_seed_sample_inconsistency(sample_analysis):
    found = [f for f in flags(sample_analysis, "internal_inconsistency")
             if "12,000" in f.message and "250 – 500" in f.message]
    assert len(found) == 1
    assert "Kursat Mican" in found[0].message
    hedged_texts = {f.message.split('"')[1] for f in flags(sample_analysis, "hedged_number")}
    assert "hundreds" in hedged_texts
