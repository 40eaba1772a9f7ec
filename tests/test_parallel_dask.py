"""The Dask LocalCluster that `engine="dask"` starts runs its workers without what made them ~35% slower per
task than local worker processes (claimgraph.parallel.DASK_WORKER_CONFIG): no glibc trim at every free, no
statistical profiler sampling the analysis thread, no 20 ms event-loop tick."""

from __future__ import annotations

import os

import pytest

from claimgraph.parallel import ordered_map


def _worker_settings(_: int) -> tuple[str | None, bool, str, int]:
    import dask
    from dask.distributed import get_worker

    return (os.environ.get("MALLOC_TRIM_THRESHOLD_"), dask.config.get("distributed.worker.profile.enabled"),
            dask.config.get("distributed.admin.tick.interval"), get_worker().state.nthreads)


def test_local_cluster_workers_run_without_trim_profiler_or_fast_tick() -> None:
    pytest.importorskip("dask.distributed")
    settings = set(ordered_map(_worker_settings, range(4), workers=2, engine="dask", processes=True))
    assert settings == {(None, False, "1s", 1)}  # every task, on whichever worker: one thread each
