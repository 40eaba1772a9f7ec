"""The entities component stays linear in the length of the document on hostile input (issue 16).

As in tests/test_places_growth.py: each pattern is analysed at two sizes, four times apart, and the work is the
number of lines of claimgraph/nlp/entities.py executed (a deterministic count, not a time); it may grow at most
six times. Runs of names with nothing between them made each name walk back over the whole run for a title
before it: 4x the text ran 15x the lines for "Hezbollah ", "NATO " and "Reuters " ("Beirut " repeated, typed
ORG by the model only in long windows: 0.1 s of entities at 40,000 characters, 115 s at 100,000).
"""

from __future__ import annotations

import pytest
from growth_helpers import GROWTH_BOUND, SMALL, LineCounter, parsed_until, repeated

from claimgraph.pipeline import Analyzer

ENTITIES = "/claimgraph/nlp/entities.py"

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
    doc, entities = parsed_until(analyzer, text, "claimgraph_entities")
    return LineCounter(ENTITIES).run(lambda: entities(doc))


@pytest.mark.parametrize("pattern", list(PATTERNS.values()), ids=list(PATTERNS))
def test_entities_work_grows_linearly(analyzer: Analyzer, pattern: str) -> None:
    small, large = lines_run(analyzer, repeated(pattern, SMALL)), lines_run(analyzer, repeated(pattern, 4 * SMALL))
    assert small > 1000, "the pattern must exercise the component"
    ratio = large / small
    assert ratio <= GROWTH_BOUND, f"{pattern!r}: 4x the text ran {ratio:.1f}x the lines of the entities component"
