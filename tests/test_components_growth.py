"""The times, quantities, checks and events components stay linear in the length of the document on the hostile
patterns of issue 16 (`between 5 and ` repeated cost quantities 11.8 s at 30,000 characters when the issue was
filed). As in the other growth tests (tests/growth_helpers.py): the lines of the component's own code executed on
a pattern at two sizes four times apart, a deterministic count, may grow at most six times; attribution, places
and entities have their own files."""

from __future__ import annotations

import pytest
from growth_helpers import GROWTH_BOUND, SMALL, LineCounter, parsed_until, repeated

from claimgraph.pipeline import Analyzer

#: component, its code, the patterns that stress it
CASES = [
    ("claimgraph_quantities", "/claimgraph/nlp/quantities/", "between 5 and "),
    ("claimgraph_quantities", "/claimgraph/nlp/quantities/", "9 "),
    ("claimgraph_quantities", "/claimgraph/nlp/quantities/", "1,"),
    ("claimgraph_quantities", "/claimgraph/nlp/quantities/", "at least 12 people were killed and 40 wounded. "),
    ("claimgraph_times", "/claimgraph/nlp/times", "on Monday, 3 March "),
    ("claimgraph_times", "/claimgraph/nlp/times", "from March 2016 until last week, "),
    ("claimgraph_checks", "/claimgraph/nlp/checks.py", "Officials said 9,000 people fled; others said 200 fled. "),
    ("claimgraph_events", "/claimgraph/nlp/events/", "killed "),
    ("claimgraph_events", "/claimgraph/nlp/events/", "Air strikes killed 12 civilians in Idlib, activists said. "),
]


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def lines_run(analyzer: Analyzer, component: str, code: str, text: str) -> int:
    doc, proc = parsed_until(analyzer, text, component)
    return LineCounter(code).run(lambda: proc(doc))


@pytest.mark.parametrize(("component", "code", "pattern"), CASES,
                         ids=[f"{c.removeprefix('claimgraph_')}:{p.strip()[:20]}" for c, _, p in CASES])
def test_component_work_grows_linearly(analyzer: Analyzer, component: str, code: str, pattern: str) -> None:
    small = lines_run(analyzer, component, code, repeated(pattern, SMALL))
    large = lines_run(analyzer, component, code, repeated(pattern, 4 * SMALL))
    assert small > 200, "the pattern must exercise the component"
    assert large <= GROWTH_BOUND * small, f"{pattern!r}: 4x the text ran {large / small:.1f}x the lines of {component}"
