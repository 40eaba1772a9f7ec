"""An event is placed at the town the sentence ties it to, not at the province or region named as holding that
town ("an air strike on X in Y province", "X, Y", "X in the Y countryside"; issue 13: the most specific place).
General sentences, written for these tests, not copied from any benchmark's text."""

from __future__ import annotations

import pytest
from conftest import assert_spans_exact

from claimgraph.ingest import prepare


def _event_places(analyzer, text: str) -> tuple[list[str | None], dict[str, str]]:
    analysis = analyzer.analyze_article(prepare(text, html=False))
    assert_spans_exact(analysis)
    ids = {text[s:e]: p.id for p in analysis.places for s, e in p.mentions}
    return [e.place for e in analysis.events], ids


@pytest.mark.parametrize("text, town", [
    ("An air strike on Kafr Nabl in Idlib province killed 12 people on Monday.", "Kafr Nabl"),
    ("Government warplanes struck Kafr Nabl, in southern Idlib province, killing five people.", "Kafr Nabl"),
    ("Shelling hit Azaz in the Aleppo countryside on Friday, killing four children.", "Azaz"),
    ("A car bomb exploded in Azaz in Aleppo province, killing nine people.", "Azaz"),
])
def test_the_event_is_at_the_town_not_the_province_holding_it(analyzer, text: str, town: str) -> None:
    places, ids = _event_places(analyzer, text)
    assert places and all(p == ids[town] for p in places)


def test_a_province_named_alone_stays_the_events_place(analyzer) -> None:
    """No town tied to it: the province is the most specific place of the killing."""
    places, ids = _event_places(analyzer, "A suicide bomber killed 20 people in Idlib province on Monday.")
    assert places == [ids["Idlib province"]]
