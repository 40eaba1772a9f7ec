"""Places stay linear in the length of the document on hostile input (issue 16, item 3).

Each pattern is analysed at two sizes, four times apart; the places component's work is counted as the lines
of claimgraph/nlp/places/ it executes (a deterministic count, not a time), and the count may grow at most six
times: linear work grows four times, work quadratic in the number of mentions or in a sentence's length
sixteen times. The patterns are runs of the constructions whose steps scanned the document or a sentence per
mention: one place name repeated in one endless sentence (each mention asked whether its sentence is a
headline), one name per line, lists before a division word, "X, Y" containment chains, names in outlets'
and organisations' names, demonyms, and the look-ups that later components make per sentence.
"""

from __future__ import annotations

import pytest
from growth_helpers import GROWTH_BOUND, SMALL, LineCounter, parsed_until, repeated

from claimgraph.ingest import prepare
from claimgraph.pipeline import Analyzer

PLACES = "/claimgraph/nlp/places/"

PATTERNS = {
    "one name, one endless sentence": "Beirut ",
    "one name per line": "Gaza\n",
    "lists before a division word": "Barrow, Jackson and Madison Counties, ",
    "containment chains": "Aleppo, Syria, ",
    "names inside organisations": "The Gaza Health Ministry and the Beirut Times said ",
    "demonyms and places": "Syrian troops entered Homs and Lebanese officials left Tyre ",
    "sentences with places": "Shelling hit the village of Kafr Nabl in Idlib province. ",
}


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def lines_run(analyzer: Analyzer, text: str) -> int:
    """Lines of the places package executed while it analyses `text`, and while a later component asks, per
    sentence, which places and demonyms lie in it (the look-ups it leaves in `state.extra`)."""
    from claimgraph.nlp.state import get_state

    doc, places = parsed_until(analyzer, text, "claimgraph_places")

    def work() -> None:
        places(doc)
        extra = get_state(doc).extra
        for sent in doc.sents:
            extra["places_in"](sent.start_char, sent.end_char)
            extra["place_at"](sent.start_char, sent.end_char)
            extra["demonym_country"](sent.start_char, sent.end_char)

    count = LineCounter(PLACES).run(work)
    assert not [f for f in get_state(doc).items["flags"] if f.kind == "component_error"]
    return count


@pytest.mark.parametrize("unit", list(PATTERNS.values()), ids=list(PATTERNS))
def test_places_work_grows_linearly(analyzer: Analyzer, unit: str) -> None:
    counts = [lines_run(analyzer, repeated(unit, size)) for size in (SMALL, 4 * SMALL)]
    assert counts[0] > 1000, "the pattern must exercise the component"
    assert counts[1] <= GROWTH_BOUND * counts[0], f"4x the text cost {counts[1] / counts[0]:.1f}x the work"


def test_places_are_found_in_the_repeated_patterns(analyzer: Analyzer) -> None:
    """The bounded steps still find what they should: every repeated name is a place mention."""
    result = analyzer.analyze_article(prepare("Beirut " * 300))
    beirut = [p for p in result.places if p.name == "Beirut"]
    assert len(beirut) == 1 and len(beirut[0].mentions) == 300
