"""Shared fixtures: one analyzer per test session (loading spaCy takes a second)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from claimgraph.contract import Analysis
from claimgraph.pipeline import Analyzer, default_analyzer

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE = ROOT / "examples" / "southfront-turkmen-mountain.txt"

# `claimgraph ingest` defaults to one worker process per core; the tests that run it (often as a subprocess,
# which inherits this) ingest a handful of articles, where starting workers costs more than it saves. The
# engines themselves are tested with explicit worker counts (test_parallel.py, test_ingest_engines.py).
os.environ.setdefault("CLAIMGRAPH_WORKERS", "1")


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    # the process-wide analyzer that claimgraph.analyze uses too: the model is loaded once per process, and
    # mutation testing (bench/mutation.py), which forks a test run per mutant, inherits it already loaded
    return default_analyzer()


@pytest.fixture(scope="session")
def sample_analysis() -> Analysis:
    import claimgraph

    return claimgraph.analyze(SAMPLE.read_text(encoding="utf-8"))


def assert_spans_exact(analysis: Analysis) -> None:
    """Every span of every item indexes document.text exactly as the item claims (and no component failed)."""
    failures = [f.message for f in analysis.flags if f.kind == "component_error"]
    assert not failures, failures
    text = analysis.document.text
    for ent in analysis.entities:
        for s, e in ent.mentions:
            assert 0 <= s < e <= len(text)
            assert text[s:e] in ent.aliases or text[s:e] == ent.name, (ent.name, text[s:e])
    for section in ("quotes", "quantities", "times", "events", "claims"):
        for item in getattr(analysis, section):
            s, e = item.span
            assert text[s:e] == item.text, (section, item.id, item.text, text[s:e])
    for quote in analysis.quotes:
        for span in (quote.cue_span, quote.speaker_span):
            if span is not None:
                assert 0 <= span[0] < span[1] <= len(text)
        if quote.cue_span is not None and quote.cue is not None:
            assert text[quote.cue_span[0]:quote.cue_span[1]] == quote.cue
    for q in analysis.quantities:
        if q.subject_span is not None:
            assert text[q.subject_span[0]:q.subject_span[1]] == q.subject
    for place in analysis.places:
        for s, e in place.mentions:
            assert 0 <= s < e <= len(text)
            mention = text[s:e]
            assert mention == mention.strip() and not mention.lower().startswith("the "), (place.name, mention)
    for flag in analysis.flags:
        for s, e in flag.spans:
            assert 0 <= s < e <= len(text)


def quote_rows(text: str, strip: str = " ,.") -> list[dict[str, str | None]]:
    """Every quote of `text`, in text order, as the fields attribution tests compare (content stripped of `strip`,
    the speaker as written, cue, source label and kind), after checking every span is exact: one reader for the
    attribution test modules, which each project the fields they assert on."""
    from claimgraph import analyze  # imported late, as the fixtures above do

    a = analyze(text)
    assert_spans_exact(a)
    sources = {s.id: s for s in a.sources}
    rows: list[dict[str, str | None]] = []
    for q in sorted(a.quotes, key=lambda q: q.span[0]):
        src = sources.get(q.speaker)
        rows.append({
            "content": q.text.strip(strip),
            "written": a.document.text[q.speaker_span[0]:q.speaker_span[1]] if q.speaker_span else None,
            "cue": q.cue,
            "label": src.label if src else None,
            "kind": src.kind if src else None,
        })
    return rows


def places_of(analyzer: Analyzer, text: str) -> dict[str, object]:
    """Each place mention's text mapped to its place, after checking every span is exact: the places test modules'
    one reader of a plain-text article."""
    from claimgraph.ingest import prepare

    analysis = analyzer.analyze_article(prepare(text, html=False))
    assert_spans_exact(analysis)
    return {text[s:e]: p for p in analysis.places for s, e in p.mentions}


def quote_speakers(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    """(quoted words, written speaker, resolved source label, via label) for every quote of `text`, in text order,
    after checking every span is exact: what the speaker tests compare."""
    import claimgraph

    a = claimgraph.analyze(text)
    assert_spans_exact(a)
    labels = {s.id: s.label for s in a.sources}
    out = []
    for q in sorted(a.quotes, key=lambda q: q.span[0]):
        written = a.document.text[q.speaker_span[0]:q.speaker_span[1]] if q.speaker_span else None
        out.append((q.text.strip(" ,.\u201c\u201d"), written, labels.get(q.speaker), labels.get(q.via)))
    return out
