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

import sys

import pytest

from claimgraph.ingest import prepare
from claimgraph.pipeline import Analyzer

PLACES = "/claimgraph/nlp/places/"
SMALL = 2_500

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


def parsed(analyzer: Analyzer, text: str):
    """The document as the places component receives it: parsed, entities found, no places yet."""
    doc = analyzer._doc(prepare(text))
    for name, proc in analyzer.nlp.pipeline:
        if name == "claimgraph_places":
            return doc, proc
        doc = proc(doc)
    raise AssertionError("no places component in the pipeline")


def lines_run(analyzer: Analyzer, text: str) -> int:
    """Lines of the places package executed while it analyses `text`, and while a later component asks, per
    sentence, which places and demonyms lie in it (the look-ups it leaves in `state.extra`)."""
    from claimgraph.nlp.state import get_state

    doc, places = parsed(analyzer, text)
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame, event, arg):
        return local if PLACES in frame.f_code.co_filename else None

    sys.settrace(calls)
    try:
        places(doc)
        extra = get_state(doc).extra
        for sent in doc.sents:
            extra["places_in"](sent.start_char, sent.end_char)
            extra["place_at"](sent.start_char, sent.end_char)
            extra["demonym_country"](sent.start_char, sent.end_char)
    finally:
        sys.settrace(None)
    assert not [f for f in get_state(doc).items["flags"] if f.kind == "component_error"]
    return count


@pytest.mark.parametrize("unit", list(PATTERNS.values()), ids=list(PATTERNS))
def test_places_work_grows_linearly(analyzer: Analyzer, unit: str) -> None:
    counts = []
    for size in (SMALL, 4 * SMALL):
        text = (unit * (size // len(unit) + 1))[:size]
        counts.append(lines_run(analyzer, text))
    assert counts[0] > 1000, "the pattern must exercise the component"
    assert counts[1] <= 6 * counts[0], f"4x the text cost {counts[1] / counts[0]:.1f}x the work"


def test_places_are_found_in_the_repeated_patterns(analyzer: Analyzer) -> None:
    """The bounded steps still find what they should: every repeated name is a place mention."""
    result = analyzer.analyze_article(prepare("Beirut " * 300))
    beirut = [p for p in result.places if p.name == "Beirut"]
    assert len(beirut) == 1 and len(beirut[0].mentions) == 300
