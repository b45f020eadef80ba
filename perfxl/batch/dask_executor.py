"""`--executor dask`: each file is one Dask task, on a LocalCluster or an existing scheduler.

Imported only when asked for, so the core CLI never needs dask (extra `batch`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import Any

from distributed import Client, LocalCluster, as_completed
from distributed.diagnostics.plugin import WorkerPlugin

from .executors import WINDOW_PER_WORKER, BatchExecutor, Outcome, crash_shards
from .worker import Job, WorkerConfig, check_packed, load_config

__all__ = ["DaskExecutor"]


class LoadProfilePlugin(WorkerPlugin):
    """Load the profile when a Dask worker starts, as the local pool's initializer does."""

    name = "perfxl-load-profile"

    def __init__(self, config: WorkerConfig) -> None:
        self.config = config

    def setup(self, worker: Any) -> None:
        load_config(self.config)


class DaskExecutor(BatchExecutor):
    """Runs each file as one task on a LocalCluster of `workers` processes, or on the scheduler at `address`.

    With a remote scheduler, the input files and OUTDIR must be on a file system every worker sees.
    """

    name = "dask"

    def __init__(self, workers: int, config: WorkerConfig, address: str | None = None) -> None:
        self.workers = max(1, workers)
        self.config = config
        self._cluster: LocalCluster | None = None
        if address:
            self._client = Client(address)
            self.workers = max(1, len(self._client.scheduler_info().get("workers", {})) or self.workers)
        else:
            self._cluster = LocalCluster(
                n_workers=self.workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            self._client = Client(self._cluster)
        self._client.register_plugin(LoadProfilePlugin(config), name=LoadProfilePlugin.name)

    def run(self, jobs: Iterable[Job]) -> Iterator[Outcome]:
        pending = iter(jobs)
        by_key: dict[str, Job] = {}

        def submit(job: Job):
            key = f"perfxl-{job.index}-{job.sha256[:12] or 'nohash'}"
            fut = self._client.submit(check_packed, job, self.config, key=key, pure=False, retries=0)
            by_key[key] = job
            return fut

        first = [submit(job) for _, job in zip(range(self.workers * WINDOW_PER_WORKER), pending, strict=False)]
        if not first:
            return
        stream = as_completed(first)
        for fut in stream:
            job = by_key.pop(fut.key)
            try:
                record = fut.result()
            except Exception as exc:  # KilledWorker, or an error the task itself could not catch
                record = crash_shards(job, f"{type(exc).__name__}: {exc}", self.config)
            fut.release()
            yield job, record
            nxt = next(pending, None)
            if nxt is not None:
                stream.add(submit(nxt))

    def close(self, cancel: bool = False) -> None:
        try:
            self._client.close()
        finally:
            if self._cluster is not None:
                self._cluster.close()
