"""Many articles on every core, or on a Dask cluster: an ordered map with a bounded number of tasks in flight.

`ordered_map(fn, tasks, workers=N, engine=...)` runs `fn` on each task in worker processes (local: a
`ProcessPoolExecutor` started with forkserver, or spawn where there is none, never fork, which would copy
a parent's threads and locks) or on Dask workers (`engine="dask"`: a `LocalCluster`, or the scheduler at
`tcp://HOST:PORT`), and yields the results in input order. At most `in_flight` tasks (2 per worker by
default) are submitted ahead of the one being waited for, so reading never runs ahead of the workers and
memory stays flat whatever the input size (backpressure). Each worker loads the model once, on its first
task (`worker_analyzer`), and keeps it.

`analyze_many(items, workers=N)` (exported as `claimgraph.analyze_many`) is that map over batches of
articles; the corpus ingest maps its own batch function over the same engine, with one writer in the parent.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

from claimgraph.errors import ClaimgraphError
from claimgraph.ingest import Article
from claimgraph.pipeline import Analyzer, Outcome, default_analyzer

T = TypeVar("T")
R = TypeVar("R")

ENGINES = ("local", "dask")
#: articles per task: one `nlp.pipe` batch, large enough to amortise pickling and scheduling per task
TASK_SIZE = 16

_LOCAL = threading.local()


def cores() -> int:
    """The cores this process may use (its CPU affinity where the OS says, else the machine's count)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def worker_analyzer(model: str | None = None) -> Analyzer:
    """This worker's analyzer, loaded on its first task and kept (per thread: Dask may run threads)."""
    if threading.current_thread() is threading.main_thread():
        return default_analyzer() if model is None else _cached(model)
    return _cached(model)


def _cached(model: str | None) -> Analyzer:
    from claimgraph.nlp import model_name

    name = model or model_name()
    analyzers: dict[str, Analyzer] = getattr(_LOCAL, "analyzers", None) or {}
    _LOCAL.analyzers = analyzers
    if name not in analyzers:
        analyzers[name] = Analyzer(model=name)
    return analyzers[name]


def _warm(model: str | None) -> None:
    """Process pool initializer: load the model before the first task arrives."""
    _ = worker_analyzer(model).nlp


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if ctx.get_start_method() == "forkserver":
        ctx.set_forkserver_preload(["claimgraph.pipeline"])  # workers fork with spaCy already imported
    return ctx


def _bounded(submit: Callable[[T], Any], tasks: Iterable[T], in_flight: int) -> Iterator[Any]:
    """Submit tasks, never more than `in_flight` unfinished ones; yield results in input order."""
    pending: deque[Any] = deque()
    for task in tasks:
        pending.append(submit(task))
        while len(pending) >= in_flight:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def ordered_map(fn: Callable[[T], R], tasks: Iterable[T], *, workers: int = 1, engine: str = "local",
                scheduler: str | None = None, in_flight: int | None = None, model: str | None = None,
                processes: bool = True) -> Iterator[R]:
    """`fn` over `tasks` in order: in this process (workers=1, local), worker processes, or Dask.

    `fn` must be a module-level function (it is pickled). `processes=False` runs a Dask LocalCluster's
    workers as threads of this process (tests; spaCy releases little of the GIL, so it is not for speed).
    """
    if engine not in ENGINES:
        raise ClaimgraphError(f"engine {engine!r}: choose one of {', '.join(ENGINES)}")
    workers = max(1, workers)
    in_flight = in_flight or 2 * workers
    if engine == "local" and workers == 1:
        yield from map(fn, tasks)
        return
    if engine == "local":
        with ProcessPoolExecutor(max_workers=workers, mp_context=_context(), initializer=_warm,
                                 initargs=(model,)) as pool:
            try:
                yield from _bounded(lambda t: pool.submit(fn, t), tasks, in_flight)
            except BaseException:
                pool.shutdown(wait=True, cancel_futures=True)
                raise
        return
    yield from _dask_map(fn, tasks, workers=workers, scheduler=scheduler, in_flight=in_flight, processes=processes)


def _dask_map(fn: Callable[[T], R], tasks: Iterable[T], *, workers: int, scheduler: str | None, in_flight: int,
              processes: bool) -> Iterator[R]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise ClaimgraphError("--engine dask needs dask.distributed: pip install 'claimgraph[dask]'") from None
    cluster = None
    if scheduler:
        client = Client(scheduler)
        if in_flight == 2 * workers:  # size the window to the cluster's threads, not the local default
            in_flight = 2 * max(1, sum(client.nthreads().values()))
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=processes,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        yield from _bounded(lambda t: client.submit(fn, t, pure=False), tasks, in_flight)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# -- claimgraph.analyze_many ------------------------------------------------------------------------

def analyse_task(task: tuple[int, list[Any], str | None]) -> list[Outcome]:
    """One task: a batch of articles (text, HTML or `Article`) from input position `start`, analysed here."""
    start, items, model = task
    outcomes = list(worker_analyzer(model).analyze_many(items, batch_size=max(1, len(items)), start=start))
    for outcome in outcomes:
        if outcome.error is not None and not _picklable(outcome.error):
            outcome.error = ClaimgraphError(str(outcome.error))
    return outcomes


def _picklable(exc: BaseException) -> bool:
    return type(exc).__module__.startswith("claimgraph")


def _tasks(items: Iterable[Any], size: int, model: str | None) -> Iterator[tuple[int, list[Any], str | None]]:
    batch: list[Any] = []
    start = 1
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield start, batch, model
            start += len(batch)
            batch = []
    if batch:
        yield start, batch, model


def analyze_many(items: Iterable[Article | str], *, workers: int = 1, engine: str = "local",
                 scheduler: str | None = None, model: str | None = None,
                 batch_size: int = TASK_SIZE) -> Iterator[Outcome]:
    """Analyse many articles (text, HTML or `Article`s), yielding one `Outcome` per item in input order.

    A failure is a record (`Outcome.error`), never an exception that stops the run, as in
    `Analyzer.analyze_many`. `workers > 1` spreads batches of `batch_size` articles over that many local
    processes (each loads the model once); `engine="dask"` over a Dask cluster. The items are read lazily:
    at most two batches per worker are in flight, so a generator over a huge archive is fine.
    """
    if isinstance(items, str | Article):
        raise TypeError("analyze_many takes a list (or any iterable) of articles; for one, use claimgraph.analyze")
    if engine == "local" and workers <= 1:
        analyzer = default_analyzer() if model is None else Analyzer(model=model)
        yield from analyzer.analyze_many(items, batch_size=batch_size)
        return
    for outcomes in ordered_map(analyse_task, _tasks(items, batch_size, model), workers=workers, engine=engine,
                                scheduler=scheduler, model=model):
        yield from outcomes
