"""The corpus store's cost: `ingest` vs plain analysis of the same documents, same process, and store size.

    python -m bench.ingest [--docs 402] [--pg postgresql://user@host/db] [--no-record]

Documents: the FA-KES dev articles (../shared/bench-data/fakes-syria-dev/fakes-dev.csv, read as
`claimgraph ingest` reads it: text article_content, title article_title, outlet source, date date, key
unit_id). Both runs start from the same prepared articles and analyse them in batches of 16:

- analyse: `Analyzer.analyze_many` only (what `claimgraph analyze` does), the baseline;
- ingest: the whole `claimgraph ingest` pipeline into a fresh DuckDB file (plan, analyse, write).

The headline is the ratio ingest / analyse time (goal <= 1.10: the store costs at most 10%), plus the
store's own time (everything but analysis, timed inside the ingest run) over analysis time. Then: a rerun
(nothing to analyse), the store's size per 1,000 documents, and writing the same analyses alone into
DuckDB (and PostgreSQL with --pg) in ms per document.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bench.common import bench_data_dir, record
from claimgraph.corpus import Store
from claimgraph.corpus.ingest import BATCH_SIZE, ingest
from claimgraph.corpus.readers import CsvColumns, iter_items
from claimgraph.corpus.schema import all_tables
from claimgraph.nlp import model_name
from claimgraph.pipeline import Analyzer

FAKES_COLUMNS = CsvColumns(text="article_content", title="article_title", outlet="source", date="date", id="unit_id")


class TimedAnalyzer:
    """An Analyzer that adds up the time spent analysing (so the rest of ingest is the store's cost)."""

    def __init__(self, analyzer: Analyzer) -> None:
        self.inner = analyzer
        self.model = analyzer.model
        self.seconds = 0.0

    def analyze_many(self, articles, batch_size: int = BATCH_SIZE):  # noqa: ANN001, ANN201
        t0 = time.perf_counter()
        out = list(self.inner.analyze_many(articles, batch_size=batch_size))
        self.seconds += time.perf_counter() - t0
        return out


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=402)
    parser.add_argument("--pg", help="also time writes into this PostgreSQL database (it is emptied first)")
    parser.add_argument("--no-record", action="store_true", help="print only, do not touch BENCHMARKS.md")
    args = parser.parse_args()

    csv_path = bench_data_dir() / "fakes-syria-dev" / "fakes-dev.csv"
    items = [i for i in iter_items([str(csv_path)], FAKES_COLUMNS) if i.article is not None][:args.docs]
    n_docs = len({i.article.text for i in items})
    analyzer = Analyzer()
    analyzer.analyze_article(items[0].article)  # warm-up: model loading is not counted

    def analyse_all() -> tuple[float, list]:
        t = time.perf_counter()
        out = [o.analysis for o in analyzer.analyze_many([i.article for i in items], batch_size=BATCH_SIZE)]
        return time.perf_counter() - t, out

    t_before, analyses = analyse_all()

    with tempfile.TemporaryDirectory(prefix="claimgraph-bench-") as tmp:
        db = Path(tmp) / "fakes.duckdb"
        timed = TimedAnalyzer(analyzer)
        with Store(db) as store:
            t0 = time.perf_counter()
            counts = ingest(store, iter(items), analyzer=timed)
            t_ingest = time.perf_counter() - t0
            t0 = time.perf_counter()
            rerun = ingest(store, iter(items), analyzer=timed)
            t_rerun = time.perf_counter() - t0
            t_after, _ = analyse_all()  # analyse before and after ingest: the mean cancels a drifting machine
            t_analyse = (t_before + t_after) / 2
            docs = store.count()
            rows = store.execute("SELECT count(*) FROM inputs")[0][0]
            store.execute("CHECKPOINT")
        size = _size(db)

        # writing alone: the analyses made above, in ingest's batches
        def write_all(s: Store) -> float:
            t = time.perf_counter()
            for k in range(0, len(analyses), BATCH_SIZE):
                s.write_analyses([(a, items[k + j].key) for j, a in enumerate(analyses[k:k + BATCH_SIZE])])
            return time.perf_counter() - t

        with Store(Path(tmp) / "write.duckdb") as s:
            t_write_duck = write_all(s)
        t_write_pg = pg_size = None
        if args.pg:
            with Store(args.pg) as s:
                for t in all_tables():
                    if t.doc_scoped or t.name in ("failures", "runs"):
                        s.execute(f"DELETE FROM {t.name}")
                t_write_pg = write_all(s)
                pg_size = s.execute("SELECT pg_database_size(current_database())")[0][0]

    store_seconds = t_ingest - timed.seconds
    ratio = t_ingest / t_analyse
    lines = [
        f"FA-KES dev: {len(items)} articles ({n_docs} distinct texts), batches of {BATCH_SIZE}, model "
        f"{model_name()}; one process, same prepared articles; analyse runs before and after ingest, their mean "
        "is the baseline.",
        "",
        "| measure | value |",
        "|---|---|",
        f"| analyse only (`analyze_many`), mean of before/after | {t_analyse:.1f} s ({len(items) / t_analyse:.2f} "
        f"docs/s; {t_before:.1f} s and {t_after:.1f} s) |",
        f"| ingest into DuckDB (plan + analyse + write) | {t_ingest:.1f} s ({len(items) / t_ingest:.2f} docs/s) |",
        f"| **ingest / analyse** (goal <= 1.10) | **{ratio:.3f}** |",
        f"| the store's own time inside that ingest (all but analysis) / analysis time | "
        f"{store_seconds / max(1e-9, timed.seconds):.3f} |",
        f"| rerun of the same ingest (nothing to analyse; {rerun.skipped} skipped, {rerun.added} added) | "
        f"{t_rerun:.1f} s ({len(items) / t_rerun:.0f} inputs/s) |",
        f"| documents / input keys stored | {docs} / {rows} (added {counts.added}, skipped {counts.skipped}, "
        f"failed {counts.failed}) |",
        f"| DuckDB file per 1,000 documents | {size / docs * 1000 / 2**20:.1f} MiB "
        f"({size / 2**20:.1f} MiB for {docs}) |",
        f"| writing the analyses alone, DuckDB | {t_write_duck / len(analyses) * 1000:.1f} ms/doc |",
    ]
    if t_write_pg is not None:
        lines += [f"| writing the analyses alone, PostgreSQL | {t_write_pg / len(analyses) * 1000:.1f} ms/doc |",
                  f"| PostgreSQL database per 1,000 documents | {pg_size / docs * 1000 / 2**20:.1f} MiB |"]
    lines += ["", "On a shared machine analysis time varies from run to run by more than the store costs, so the "
              "store's own time, measured inside the ingest run, is the steadier figure of the two."]
    body = "\n".join(lines)
    print(body)
    if not args.no_record:
        record("ingest", "Corpus store: ingest vs analyse, store size", body)


if __name__ == "__main__":
    main()
