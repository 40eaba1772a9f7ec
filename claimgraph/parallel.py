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
import time
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

#: Dask settings for the workers of the LocalCluster that `engine="dask"` starts (docs/scale.md gives the same
#: for a real cluster). Measured on 2 workers over the same batches, the defaults cost ~35% more CPU per task
#: than a local worker process: the nanny's MALLOC_TRIM_THRESHOLD_=65536 makes glibc hand memory back to the
#: OS at every free of a large block (+12% CPU in the task's own thread: spaCy frees and re-allocates its
#: arrays per batch), and the worker's statistical profiler (a stack sample every 10 ms), its 20 ms event-loop
#: tick and its 100 ms memory and 500 ms system monitors wake threads that take the GIL from the analysis
#: (+10-15%). Without them a Dask worker spends within ~4% of a local worker's CPU.
DASK_WORKER_CONFIG: dict[str, Any] = {
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.memory.monitor-interval": "5s",
    "distributed.admin.system-monitor.interval": "5s",
}

_LOCAL = threading.local()
_WARMED: set[int] = set()


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


#: analysed once by `Workers.warm()` so that each component's first-use loads (lexicons, patterns) are done too
WARM_TEXT = ('Rebels shelled the town of Kafr Nabl in Idlib province on Monday, killing 12 civilians, the Syrian '
             'Observatory for Human Rights said. "We will respond," an army spokesman told Reuters on 3 March 2016.')


def _warm(model: str | None) -> None:
    """Process pool initializer: load the model before the first task arrives."""
    _ = worker_analyzer(model).nlp


def _warm_up(model: str | None) -> None:
    """Load the model and run one short analysis, once per process (and thread)."""
    analyzer = worker_analyzer(model)
    if id(analyzer) not in _WARMED:  # analyzers live as long as their process: their ids are not reused
        analyzer.analyze_article(WARM_TEXT)
        _WARMED.add(id(analyzer))


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


class Workers:
    """Worker processes kept across maps, so their start and model loads are paid once (`with Workers(...) as w:
    w.map(fn, tasks)`): `workers=1` with the local engine runs in this process; otherwise local processes
    or Dask workers (a `LocalCluster`, or the cluster at `scheduler`). `warm()` waits until every worker has
    loaded the model: a long job, or a benchmark, then measures analysis, not start-up.
    """

    def __init__(self, workers: int = 1, *, engine: str = "local", scheduler: str | None = None,
                 model: str | None = None, processes: bool = True, in_flight: int | None = None) -> None:
        if engine not in ENGINES:
            raise ClaimgraphError(f"engine {engine!r}: choose one of {', '.join(ENGINES)}")
        self.workers, self.engine, self.scheduler = max(1, workers), engine, scheduler
        self.model, self.processes = model, processes
        self.in_flight = in_flight or 2 * self.workers
        self._pool: ProcessPoolExecutor | None = None
        self._client: Any = None
        self._cluster: Any = None

    def __enter__(self) -> Workers:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close(cancel=exc[0] is not None)

    def start(self) -> None:
        if self.engine == "local" and self.workers > 1 and self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=_context(), initializer=_warm,
                                             initargs=(self.model,))
        elif self.engine == "dask" and self._client is None:
            self._start_dask()

    def _start_dask(self) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise ClaimgraphError("--engine dask needs dask.distributed: pip install 'claimgraph[dask]'") from None
        if self.scheduler:
            self._client = Client(self.scheduler)
            if self.in_flight == 2 * self.workers:  # size the window to the cluster's threads, not the default
                self.in_flight = 2 * max(1, sum(self._client.nthreads().values()))
        else:
            import dask

            with dask.config.set(DASK_WORKER_CONFIG):  # the nannies pass it on to the worker processes
                self._cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1,
                                             processes=self.processes, dashboard_address=None)
            self._client = Client(self._cluster)

    def warm(self, timeout: float = 300.0) -> set[int]:
        """Load the model on every worker now (and analyse one short text, so that the components' first-use
        loads are done too); returns the process ids of the workers that answered."""
        self.start()
        if self._client is not None:  # one task per worker, on its task thread (where analyses run)
            addresses = list(self._client.scheduler_info()["workers"])
            futures = [self._client.submit(_loaded_pid, self.model, 0.0, workers=[a], pure=False,
                                           allow_other_workers=False) for a in addresses]
            return {f.result(timeout=timeout) for f in futures}
        if self._pool is None:
            _warm_up(self.model)
            return {os.getpid()}
        seen: set[int] = set()
        deadline = time.monotonic() + timeout
        while len(seen) < self.workers and time.monotonic() < deadline:  # busy workers leave tasks to the rest
            seen |= {f.result() for f in [self._pool.submit(_loaded_pid, self.model, 0.2)
                                          for _ in range(self.workers)]}
        return seen

    def map(self, fn: Callable[[T], R], tasks: Iterable[T]) -> Iterator[R]:
        """`fn` over `tasks`, results in input order, at most `in_flight` tasks submitted ahead."""
        self.start()
        if self._client is not None:
            client = self._client
            yield from _bounded(lambda t: client.submit(fn, t, pure=False), tasks, self.in_flight)
        elif self._pool is not None:
            pool = self._pool
            yield from _bounded(lambda t: pool.submit(fn, t), tasks, self.in_flight)
        else:
            yield from map(fn, tasks)

    def close(self, cancel: bool = False) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=cancel)
            self._pool = None
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None


def _loaded_pid(model: str | None, hold: float) -> int:
    """A worker's pid once its model is loaded (and used once); `hold` keeps it busy so that others take tasks."""
    _warm_up(model)
    time.sleep(hold)
    return os.getpid()


def ordered_map(fn: Callable[[T], R], tasks: Iterable[T], *, workers: int = 1, engine: str = "local",
                scheduler: str | None = None, in_flight: int | None = None, model: str | None = None,
                processes: bool = True) -> Iterator[R]:
    """`fn` over `tasks` in order: in this process (workers=1, local), worker processes, or Dask.

    `fn` must be a module-level function (it is pickled). `processes=False` runs a Dask LocalCluster's
    workers as threads of this process (tests; spaCy releases little of the GIL, so it is not for speed).
    The workers live for this one map; to keep them across maps, use `Workers`.
    """
    pool = Workers(workers, engine=engine, scheduler=scheduler, model=model, processes=processes,
                   in_flight=in_flight)
    failed = False
    try:
        yield from pool.map(fn, tasks)
    except BaseException:
        failed = True
        raise
    finally:
        pool.close(cancel=failed)


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
