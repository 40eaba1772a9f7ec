"""`Analyzer.analyze_many` runs each batch with the cyclic garbage collector's passes paused (claimgraph/pipeline.py
`_collector_paused`): none start inside a batch, the collector is on again after it, and a caller who turned it
off keeps it off."""

from __future__ import annotations

import gc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.txt"))]


def _passes_during(run) -> tuple[list[int], object]:  # noqa: ANN001
    """The generations of the collector's passes that start while `run()` runs, and its result."""
    passes: list[int] = []

    def seen(phase: str, info: dict) -> None:
        if phase == "start":
            passes.append(info["generation"])

    gc.callbacks.append(seen)
    try:
        result = run()
    finally:
        gc.callbacks.remove(seen)
    return passes, result


def test_no_collector_pass_starts_inside_a_batch_and_it_is_on_after(analyzer) -> None:
    assert len(TEXTS) >= 5 and gc.isenabled()
    list(analyzer.analyze_many(TEXTS[:1]))  # the model and memos loaded: the batch below allocates as in a run
    threshold = gc.get_threshold()
    gc.set_threshold(100, 10, 10)  # a pass every 100 allocations: with the collector on, many per article
    try:
        alone, _ = _passes_during(lambda: [analyzer.analyze_article(t) for t in TEXTS])
        batch, outcomes = _passes_during(lambda: list(analyzer.analyze_many(TEXTS, batch_size=len(TEXTS))))
    finally:
        gc.set_threshold(*threshold)
    assert all(o.analysis is not None for o in outcomes)
    assert len(alone) > 20  # the same articles one by one, collector on: its passes run all along
    assert len(batch) <= 2  # one batch: at most the pass its end triggers (and one while yielding)
    assert gc.isenabled()
    assert [o.analysis.to_json() for o in outcomes] == [analyzer.analyze_article(t).to_json() for t in TEXTS]


def test_a_collector_the_caller_turned_off_stays_off(analyzer) -> None:
    gc.disable()
    try:
        outcomes = list(analyzer.analyze_many(TEXTS[:2]))
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert [o.error for o in outcomes] == [None, None]
