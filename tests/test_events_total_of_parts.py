"""A headline's toll that equals the fighters and the women or children the report counts ("Drone strike kills 12"
over "killed 11 Taliban fighters and a woman") is their total, not a count of civilians (ACLED: civilians only
where the text says so). A civilian toll told beside fighters that does not add up stays civilians. Sentences
invented for this test, not copied from any benchmark's text; the first failed before the fix (1d1565d)."""

from __future__ import annotations

from conftest import assert_spans_exact

from claimgraph.ingest import prepare


def _killed(analyzer, text: str) -> dict[str, float]:
    analysis = analyzer.analyze_article(prepare(text))
    assert_spans_exact(analysis)
    return {c.group: c.low for e in analysis.events[:1] for c in e.casualties if c.kind == "killed"}


def test_a_toll_equal_to_its_fighters_and_women_is_no_civilian_toll(analyzer) -> None:
    killed = _killed(analyzer, "Drone strike kills 12 in Helmand\n\n3 May 2019 A drone strike on a compound in the "
                               "south killed 11 Taliban fighters and a woman, officials said on Friday.")
    assert killed.get("civilians") is None and killed.get("women") == 1.0


def test_a_civilian_toll_beside_fighters_that_does_not_add_up_stays(analyzer) -> None:
    killed = _killed(analyzer, "Shelling kills 9 civilians in Idlib\n\n3 May 2019 Shelling on a market in the town "
                               "killed nine civilians, including two children, and four rebel fighters on Friday.")
    assert killed.get("civilians") == 9.0
