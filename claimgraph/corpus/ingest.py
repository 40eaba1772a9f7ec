"""Ingest: read -> plan -> analyse -> write, each stage a generator, one writer at the end.

    items (readers.iter_items)          key + Article | error, streamed
      -> plan(store)                    batches of Work: what to analyse, what is stored already
      -> analyse(analyzer)              the same batches with an Analysis or an error per Work
      -> write(store)                   one transaction per batch: whole documents, keys, failures

`analyse` is the only expensive stage and the only one that touches spaCy; a parallel ingest replaces it
by a pool mapping `analyse_batch` over the batches (each batch is self-contained), the writer unchanged.
Memory stays flat: at most one batch of articles is held per stage.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from claimgraph.contract import Analysis, Document
from claimgraph.corpus.readers import Item
from claimgraph.corpus.store import Store

#: documents analysed and written per transaction: large enough to amortise the database's per-statement
#: cost (bench/ingest.py), small enough that a killed run loses little work
BATCH_SIZE = 16


@dataclass
class Work:
    """One input record on its way to the store."""

    key: str
    item: Item | None = None
    doc_id: str | None = None
    #: analyse (new, or older and --reanalyse) | link (stored already: only the key is recorded) | fail
    action: str = "analyse"
    replace: bool = False
    analysis: Analysis | None = None
    error: str | None = None
    #: how the input's bytes were decoded (stored as documents.encoding)
    encoding: str | None = None


@dataclass
class Counts:
    seen: int = 0
    added: int = 0
    replaced: int = 0
    skipped: int = 0
    failed: int = 0
    started: float = field(default_factory=time.monotonic)
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, int]:
        return {"seen": self.seen, "added": self.added, "replaced": self.replaced, "skipped": self.skipped,
                "failed": self.failed}

    @property
    def rate(self) -> float:
        return self.seen / max(1e-9, time.monotonic() - self.started)


def _older(stored: str, current: str) -> bool:
    try:
        from packaging.version import Version

        return Version(stored) < Version(current)
    except Exception:  # noqa: BLE001 - an unparsable version: compare as text
        return stored != current


def plan(items: Iterable[Item], store: Store, *, reanalyse: bool = False, version: str | None = None,
         batch_size: int = BATCH_SIZE) -> Iterator[list[Work]]:
    """Batches of Work: at most `batch_size` articles to analyse each (plus what only needs its key)."""
    from claimgraph import __version__

    current = version or __version__
    pending: list[Work] = []
    to_analyse = 0

    def flush() -> list[Work]:
        stored = store.document_versions([w.doc_id for w in pending if w.doc_id])
        seen: set[str] = set()
        for w in pending:
            if w.action == "fail" or w.doc_id is None:
                continue
            if w.doc_id in seen:
                w.action = "link"  # same text twice in one batch: analysed once
            elif w.doc_id in stored:
                if reanalyse and _older(stored[w.doc_id], current):
                    w.replace = True
                else:
                    w.action = "link"
            seen.add(w.doc_id)
        return pending

    for item in items:
        if item.article is None:
            pending.append(Work(item.key, item, action="fail", error=item.error or "unreadable"))
        else:
            pending.append(Work(item.key, item, doc_id=Document.id_for(item.article.text),
                                encoding=item.article.encoding))
            to_analyse += 1
        if to_analyse >= batch_size or len(pending) >= 4 * batch_size:
            yield flush()
            pending, to_analyse = [], 0
    if pending:
        yield flush()


def analyse_batch(batch: list[Work], analyzer) -> list[Work]:  # noqa: ANN001 - a pipeline.Analyzer
    """Fill `analysis` or `error` of the batch's Works that need analysing (spaCy batches them)."""
    todo = [w for w in batch if w.action == "analyse"]
    if todo:
        outcomes = analyzer.analyze_many([w.item.article for w in todo], batch_size=len(todo))
        for w, outcome in zip(todo, outcomes, strict=True):
            if outcome.error is not None or outcome.analysis is None:
                w.action, w.error = "fail", f"{w.key}: {outcome.error}"
            else:
                w.analysis = outcome.analysis
    for w in batch:
        if w.item is not None:
            w.item = Item(w.key, warnings=w.item.warnings)  # the article text is not needed any more
    return batch


def analyse(batches: Iterable[list[Work]], analyzer) -> Iterator[list[Work]]:  # noqa: ANN001
    """The serial analysis stage."""
    for batch in batches:
        yield analyse_batch(batch, analyzer)


def analyse_here(task: tuple[list[Work], str | None, float | None]) -> list[Work]:
    """One batch analysed in a worker process (or Dask worker) with that worker's analyzer (loaded once),
    each article within the run's time budget (seconds, None: no limit)."""
    from claimgraph.parallel import worker_analyzer

    batch, model, budget = task
    analyzer = worker_analyzer(model)
    analyzer.time_budget = budget
    return analyse_batch(batch, analyzer)


def write(store: Store, batches: Iterable[list[Work]], counts: Counts, *, run_id: str | None = None,
          model: str | None = None, on_batch: Callable[[Counts, list[Work]], None] | None = None) -> Counts:
    """The single writer: one transaction per batch (documents whole, keys, failures)."""
    for batch in batches:
        failed_docs = {w.doc_id: w.key for w in batch if w.action == "fail" and w.doc_id}
        for w in batch:  # the same text under a second key, whose analysis failed: fails too
            if w.action == "link" and w.doc_id in failed_docs:
                w.action, w.error = "fail", f"{w.key}: same text as {failed_docs[w.doc_id]}, which failed"
        done = [w for w in batch if w.action == "analyse" and w.analysis is not None]
        encodings = {w.analysis.document.id: w.encoding for w in done if w.analysis is not None}
        with store.transaction():
            outcomes = store.write_analyses([(w.analysis, w.key) for w in done if not w.replace],
                                            run_id=run_id, model=model, encodings=encodings)
            outcomes += store.write_analyses([(w.analysis, w.key) for w in done if w.replace],
                                             run_id=run_id, model=model, replace=True, encodings=encodings)
            for w in batch:
                if w.action == "link":
                    store.add_key(w.key, w.doc_id, run_id)
                elif w.action == "fail":
                    store.record_failure(w.key, w.error or "failed", run_id)
        counts.seen += len(batch)
        counts.added += outcomes.count("added")
        counts.replaced += outcomes.count("replaced")
        counts.skipped += outcomes.count("exists") + sum(w.action == "link" for w in batch)
        counts.failed += sum(w.action == "fail" for w in batch)
        for w in batch:
            if w.item is not None:
                counts.warnings.extend(w.item.warnings)
        if on_batch is not None:
            on_batch(counts, batch)
    return counts


def ingest(store: Store, items: Iterable[Item], *, analyzer=None, reanalyse: bool = False,  # noqa: ANN001
           inputs: list[str] | None = None, batch_size: int = BATCH_SIZE,
           on_batch: Callable[[Counts, list[Work]], None] | None = None, workers: int = 1,
           engine: str = "local", scheduler: str | None = None, processes: bool = True,
           time_budget: float | None = None) -> Counts:
    """Analyse and store every item; a run row records it. Returns the counts (see `Counts`).

    `time_budget`: seconds one article may take (None: no limit), in this process and in every worker; an
    article past it is stored as a failure with the reason (`AnalysisTimeoutError`) and the run goes on.

    `workers > 1` or `engine="dask"`: batches are analysed by worker processes or Dask workers
    (claimgraph.parallel, a bounded window of batches in flight) and written here, in input order, by
    this one writer, so the stored rows are the same whatever the engine and worker count."""
    from claimgraph.nlp import model_name
    from claimgraph.parallel import ordered_map
    from claimgraph.pipeline import default_analyzer

    serial = engine == "local" and workers <= 1
    if serial:
        analyzer = analyzer or default_analyzer()
    model = (analyzer.model if analyzer is not None else None) or model_name()
    run_id = store.start_run(inputs or [], model)
    counts = Counts()
    saved_budget = getattr(analyzer, "time_budget", None)
    try:
        batches = plan(items, store, reanalyse=reanalyse, batch_size=batch_size)
        if serial:
            analyzer.time_budget = time_budget  # the process-wide analyzer: restored below
            analysed = analyse(batches, analyzer)
        else:
            analysed = ordered_map(analyse_here, ((b, model, time_budget) for b in batches), workers=workers,
                                   engine=engine, scheduler=scheduler, model=model, processes=processes)
        write(store, analysed, counts, run_id=run_id, model=model, on_batch=on_batch)
    except BaseException:
        _finish_interrupted(store, run_id, counts)
        raise
    finally:
        if serial:
            analyzer.time_budget = saved_budget
    store.finish_run(run_id, counts.as_dict())
    return counts


def _finish_interrupted(store: Store, run_id: str, counts: Counts) -> None:
    """Mark the run interrupted if the store still takes writes (a full disk or a lost server may not)."""
    from claimgraph.errors import ClaimgraphError

    try:
        store.finish_run(run_id, counts.as_dict(), status="interrupted")
    except ClaimgraphError:
        pass
