"""The entities component stays linear in the length of the document on hostile input (issue 16).

As in tests/test_places_growth.py: each pattern is analysed at two sizes, four times apart, and the work is the
number of lines of claimgraph/nlp/entities.py executed (a deterministic count, not a time); it may grow at most
six times. Runs of names with nothing between them made each name walk back over the whole run for a title
before it: 4x the text ran 15x the lines for "Hezbollah ", "NATO " and "Reuters " ("Beirut " repeated, typed
ORG by the model only in long windows: 0.1 s of entities at 40,000 characters, 115 s at 100,000).
"""

from __future__ import annotations

import sys

import pytest

from claimgraph.ingest import prepare
from claimgraph.pipeline import Analyzer

ENTITIES = "/claimgraph/nlp/entities.py"
SMALL = 2_500

PATTERNS = {
    "one group's name, one endless sentence": "Hezbollah ",
    "an acronym repeated": "NATO ",
    "an outlet repeated": "Reuters ",
    "names and titles": "Foreign Minister Sergei Lavrov ",
    "appositions": "Ahmed, a doctor, ",
}


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def lines_run(analyzer: Analyzer, text: str) -> int:
    doc = analyzer._doc(prepare(text))
    for name, proc in analyzer.nlp.pipeline:
        if name == "claimgraph_entities":
            entities = proc
            break
        doc = proc(doc)
    else:
        raise AssertionError("no entities component in the pipeline")
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame, event, arg):
        return local if frame.f_code.co_filename.endswith(ENTITIES) else None

    sys.settrace(calls)
    try:
        entities(doc)
    finally:
        sys.settrace(None)
    return count


@pytest.mark.parametrize("pattern", list(PATTERNS.values()), ids=list(PATTERNS))
def test_entities_work_grows_linearly(analyzer: Analyzer, pattern: str) -> None:
    small = (pattern * (SMALL // len(pattern) + 1))[:SMALL]
    large = (pattern * (4 * SMALL // len(pattern) + 1))[:4 * SMALL]
    ratio = lines_run(analyzer, large) / max(lines_run(analyzer, small), 1)
    assert ratio <= 6, f"{pattern!r}: 4x the text ran {ratio:.1f}x the lines of the entities component"
