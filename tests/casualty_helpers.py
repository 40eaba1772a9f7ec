"""Casualty figures of a sentence read straight from events' `figures()` after the whole pipeline: shared by the
casualties mutant tests (tests/test_mutants_casualties_more.py, tests/test_mutants_casualties_run3.py)."""

from __future__ import annotations

from claimgraph.ingest import prepare
from claimgraph.nlp.events.casualties import figures
from claimgraph.nlp.events.component import EventsComponent
from claimgraph.nlp.events.lexicon import lexicon, token_forms
from claimgraph.nlp.state import get_state

Row = tuple[str, str, str, float | None, float | None, str]


def parsed(analyzer, text: str):
    """The document after the whole pipeline, with the events component's quantity index and time tokens."""
    doc = analyzer._doc(prepare(text))
    for _, proc in analyzer.nlp.pipeline:
        doc = proc(doc)
    state = get_state(doc)
    component = EventsComponent()
    return doc, component._quantity_index(doc, state), component._time_tokens(doc, state)


def rows(doc, quantity_at, blocked) -> list[Row]:
    out = []
    for sent in doc.sents:
        for f in figures(sent, token_forms(sent), lexicon(), quantity_at, blocked):
            out.append((doc.text[f.start:f.end], f.kind, f.group, f.low, f.high, doc[f.cue_token].text))
    return out


def sentence_figures(analyzer, text: str) -> list[Row]:
    """(number as written, kind, group, low, high, cue word) for every casualty figure, in text order."""
    return rows(*parsed(analyzer, text))
