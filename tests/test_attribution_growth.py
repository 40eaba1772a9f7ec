"""Attribution stays linear in the length of the document on hostile input (issue 16, item 3).

Each pattern is analysed at two sizes, four times apart; the attribution component's work is counted as the
lines of claimgraph/nlp/attribution/ it executes plus the tokens spaCy walks for each sentence look-up it asks
for (`Token.sent` and `Span.sent` walk the sentence's tokens in compiled code, where no line is counted: a run of
"said " or of short quotes is one sentence of thousands of tokens, and a look-up per cue was quadratic while the
line count stayed linear). The count is deterministic, not a time, and may grow at most six times: linear work
grows four times, work quadratic in the number of cues, quotes or attributions sixteen times. The patterns are
runs of the constructions whose scans were quadratic: a run of cue verbs in one sentence, of unclosed or short
quotes in one paragraph, of framed quotes with pronoun speakers, of reported speech, and of one-line paragraphs.
spaCy's `Token.children` walks the span of the token's subtree in compiled code too; the component reads
children from its own index (`Context.children`) instead.
"""

from __future__ import annotations

import pytest
from growth_helpers import GROWTH_BOUND, SMALL, LineCounter, parsed_until, repeated

from claimgraph.nlp.attribution import component
from claimgraph.pipeline import Analyzer

ATTRIBUTION = "/claimgraph/nlp/attribution/"

PATTERNS = {
    "left quote and cue": "\u201csaid ",
    "cue verbs": "said ",
    "short fragments": "\u201ca\u201d ",
    "framed quotes, pronoun speakers": "\u201cWe will stay,\u201d she said. ",
    "reported speech, named speakers": "Officials said the road was closed, Ahmed Haddad told reporters. ",
    "one-line paragraphs": "Haddad: the road is closed\n",
}


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def parsed(analyzer: Analyzer, text: str):
    """The document as the attribution component receives it: parsed, entities found, nothing attributed."""
    return parsed_until(analyzer, text, "claimgraph_attribution")[0]


def lines_run(doc, work=None) -> int:
    """Lines of the attribution package executed while it analyses `doc`, plus the tokens of every sentence it
    looks up through spaCy (each look-up walks them)."""
    counter = LineCounter(ATTRIBUTION)

    def walked_sent(span):
        hooks = span.doc.user_span_hooks
        hook = hooks.pop("sent")
        try:
            sent = span.sent
        finally:
            hooks["sent"] = hook
        counter.count += len(sent)
        return sent

    doc.user_span_hooks["sent"] = walked_sent  # Token.sent asks Span.sent
    try:
        return counter.run(lambda: (work or component.run)(doc))
    finally:
        del doc.user_span_hooks["sent"]


@pytest.mark.parametrize("unit", list(PATTERNS.values()), ids=list(PATTERNS))
def test_attribution_work_grows_linearly(analyzer: Analyzer, unit: str) -> None:
    counts = [lines_run(parsed(analyzer, repeated(unit, size))) for size in (SMALL, 4 * SMALL)]
    assert counts[0] > 100, "the pattern must exercise the component"
    assert counts[1] <= GROWTH_BOUND * counts[0], f"4x the text cost {counts[1] / counts[0]:.1f}x the work"


def test_a_sentence_look_up_is_counted(analyzer: Analyzer) -> None:
    """The count sees spaCy's sentence walks: one look-up in a long sentence costs that sentence's length."""
    doc = parsed(analyzer, "said " * 400)
    length = len(next(iter(doc.sents)))
    assert length >= 100
    assert lines_run(doc, lambda d: d[10].sent) == length
    assert "sent" not in doc.user_span_hooks
