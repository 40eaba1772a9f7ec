"""Shared by the growth tests (tests/test_*_growth.py): a component's work counted as the lines of its own code
it executes, a deterministic count rather than a time, on a pattern repeated to two sizes."""

from __future__ import annotations

import sys
from collections.abc import Callable

from claimgraph.ingest import prepare
from claimgraph.pipeline import Analyzer

SMALL = 2_500   # characters; the large size is four times this
GROWTH_BOUND = 6  # linear work grows 4x for 4x the text, work quadratic in it 16x


def repeated(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def parsed_until(analyzer: Analyzer, text: str, component: str):
    """The document as `component` receives it (every earlier pipe run), and the component."""
    doc = analyzer._doc(prepare(text))
    for name, proc in analyzer.nlp.pipeline:
        if name == component:
            return doc, proc
        doc = proc(doc)
    raise AssertionError(f"no {component} in the pipeline")


class LineCounter:
    """Counts the lines executed in files whose path contains `fragment` while `run()` runs; `count` may also be
    raised by hand for work done in compiled code that no line shows."""

    def __init__(self, fragment: str) -> None:
        self.fragment = fragment
        self.count = 0

    def run(self, work: Callable[[], object]) -> int:
        def local(frame, event, arg):
            if event == "line":
                self.count += 1
            return local

        def calls(frame, event, arg):
            return local if self.fragment in frame.f_code.co_filename else None

        sys.settrace(calls)
        try:
            work()
        finally:
            sys.settrace(None)
        return self.count
