"""Start-up and refusal times that tests must not assert (wall-clock limits flake on a busy machine).

Measures, in one process: loading the bundled gazetteer (cold, then cached) and refusing a 50 MB input
file on its size, against the time spaCy takes to load its model in the same process (the ratio is what
stays comparable between machines). Writes the `<!-- bench:load -->` section of BENCHMARKS.md.

    python -m bench.load_times
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from bench.common import record


def _timed(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> int:
    import spacy

    from claimgraph.errors import InputTooLargeError
    from claimgraph.gazetteer import _load, load_gazetteer
    from claimgraph.ingest import read_path
    from claimgraph.nlp import model_name

    model = _timed(lambda: spacy.load(model_name()), repeat=1)

    def cold_gazetteer() -> None:
        _load.cache_clear()
        load_gazetteer()

    gaz_cold = _timed(cold_gazetteer)
    gaz_cached = _timed(load_gazetteer, repeat=5)

    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "huge.txt"
        line = b"Rebels shelled the town on Monday, officials said.\n"
        with big.open("wb") as fh:
            fh.seek(50 * 1024 * 1024 - len(line))  # sparse: 50 MB without writing 50 MB
            fh.write(line)

        def refuse() -> None:
            result = next(read_path(big))
            assert isinstance(result, InputTooLargeError), result

        refusal = _timed(refuse)

    rows = [("spaCy model load (reference)", model), ("gazetteer, first load", gaz_cold),
            ("gazetteer, cached", gaz_cached), ("refusing a 50 MB file on its size", refusal)]
    body = ("Median seconds in one process; the ratio to the model load is the comparable figure.\n\n"
            "| what | seconds | x model load |\n|---|---:|---:|\n"
            + "\n".join(f"| {name} | {sec:.3f} | {sec / model:.2f} |" for name, sec in rows) + "\n")
    record("load", "Load and refusal times", body)
    print(body)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
