"""claimgraph.analyze_many: the same analyses, in input order, whether one process or two worker processes
do the work; failures stay records in their place."""

from __future__ import annotations

from pathlib import Path

import claimgraph
from claimgraph.parallel import _bounded, ordered_map

ARTICLES = Path(__file__).resolve().parent / "fixtures" / "articles"


def _inputs() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))[:5]]
    # an empty article in the middle fails as a record, in its place
    return texts[:2] + ["   "] + texts[2:]


def _payload(outcomes: list[claimgraph.Outcome]) -> list[tuple[int, str | None, str | None]]:
    return [(o.index, o.analysis.to_json() if o.analysis else None, str(o.error) if o.error else None)
            for o in outcomes]


def test_two_workers_give_the_same_analyses_in_input_order() -> None:
    items = _inputs()
    serial = list(claimgraph.analyze_many(items, workers=1))
    parallel = list(claimgraph.analyze_many(iter(items), workers=2, batch_size=2))
    assert [o.index for o in serial] == list(range(1, len(items) + 1))
    assert serial[2].error is not None and serial[2].analysis is None
    assert all(o.analysis is not None for i, o in enumerate(serial) if i != 2)
    assert _payload(parallel) == _payload(serial)
    # each analysis is of its own input: the first quote or text span comes from that article
    for outcome, text in zip(serial, items, strict=True):
        if outcome.analysis is not None:
            assert outcome.analysis.document.text.strip()[:40] in text


def _square(x: int) -> int:
    return x * x


def test_ordered_map_keeps_order_and_reads_no_further_than_the_window() -> None:
    read: list[int] = []

    def source():
        for i in range(20):
            read.append(i)
            yield i

    class Done:
        def __init__(self, value: int) -> None:
            self.value = value

        def result(self) -> int:
            return self.value

    results = _bounded(lambda t: Done(t * t), source(), in_flight=3)
    assert next(results) == 0
    assert len(read) == 3  # the window is full: nothing more is read until a result is taken
    assert list(results) == [i * i for i in range(1, 20)]
    assert list(ordered_map(_square, range(5), workers=1)) == [0, 1, 4, 9, 16]


def _pid(_: int) -> int:
    import os

    return os.getpid()


def test_workers_load_the_model_once_and_serve_several_maps() -> None:
    """`Workers` keeps its processes: warm() has both load the model, and later maps run on those same two."""
    from claimgraph.parallel import Workers

    with Workers(2) as pool:
        pids = pool.warm()
        assert len(pids) == 2
        assert list(pool.map(_square, range(12))) == [i * i for i in range(12)]
        assert set(pool.map(_pid, range(8))) <= pids
        assert set(pool.map(_pid, range(8))) <= pids
