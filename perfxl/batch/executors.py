"""Where the work units run: local worker processes (default) or a Dask cluster (`--executor dask`, dask_executor.py).

Both take the same `Job`s and yield `(job, shards)` as each file finishes — `shards` being the file's
outputs already serialised by the worker (perfxl.batch.shards.FileShards) — keeping only a small
window of files in flight so memory stays flat however many files a batch holds. Local workers get
files in chunks (one pipe message each way per chunk, not per file).
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from perfxl.errors import PerfxlError
from perfxl.result import FileResult
from perfxl.workers import start_forkserver

from .shards import FileShards, pack_record
from .worker import Job, WorkerConfig, check_chunk, init_worker, record_from_result

__all__ = ["EXECUTORS", "BatchExecutor", "LocalExecutor", "make_executor", "crash_record", "crash_shards", "chunk_size"]

EXECUTORS: tuple[str, ...] = ("local", "dask")
WINDOW_PER_WORKER = 4
#: At most this many files per task; fewer when the batch is small, so the last chunks still spread over workers.
CHUNK_MAX = 8
#: Files that each kill a worker on their own, with no file finished yet, before the pool is declared unusable.
_FAILED_START = 3

Outcome = tuple[Job, FileShards]


def chunk_size(files: int, workers: int) -> int:
    """Files per task: up to CHUNK_MAX, and at least 8 tasks per worker so the end of the batch stays balanced."""
    return max(1, min(CHUNK_MAX, files // (8 * max(1, workers))))


def _workers_cannot_start():
    return PerfxlError(
        "并行工作进程无法启动（每个进程都在检查第一个文件前退出），请检查 perfxl 的安装，或用 --jobs 1 重试",
        "worker processes die before checking any file; check the installation",
        code="WORKERS_FAILED",
    )


def crash_record(job: Job, detail: str) -> dict[str, Any]:
    """The record of a file whose worker process died (e.g. out of memory) while checking it."""
    result = FileResult.unreadable(
        job.path,
        "WORKER_CRASHED",
        f"检查该文件时工作进程异常退出（{detail}），可能是文件过大或损坏。",
        f"the worker process died while checking this file ({detail})",
    )
    record = record_from_result(result, job)
    record["seconds"] = 0.0
    return record


def crash_shards(job: Job, detail: str, config: WorkerConfig) -> FileShards:
    """crash_record, serialised like a checked file's outputs (it is cached like one)."""
    return pack_record(crash_record(job, detail), cache_key=config.cache_key)


class BatchExecutor:
    """Runs jobs somewhere and yields each (job, record) as it finishes; `close(cancel=True)` on Ctrl-C."""

    name = "base"

    def run(self, jobs: Iterable[Job]) -> Iterator[Outcome]:  # pragma: no cover - interface
        raise NotImplementedError

    def close(self, cancel: bool = False) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def call_all(self, calls: list[tuple[Callable[..., Any], tuple[Any, ...]]]) -> list[Any]:
        """Run independent calls (the end-of-batch writers) and return their results; here, one after another."""
        return [fn(*args) for fn, args in calls]

    def __enter__(self) -> BatchExecutor:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self.close(cancel=exc_type is not None)


class LocalExecutor(BatchExecutor):
    """A ProcessPoolExecutor of `workers` processes whose initializer loads the profile once.

    Workers start from a fork server (not a fork of the parent, whose progress-bar thread may hold
    locks). When a worker dies, the pool is rebuilt and the files that were in flight are retried
    one at a time, so only the file that kills a worker on its own is reported as WORKER_CRASHED.
    """

    name = "local"

    def __init__(self, workers: int, config: WorkerConfig) -> None:
        self.workers = max(1, workers)
        self.config = config
        self._pool: ProcessPoolExecutor | None = None

    def _new_pool(self) -> ProcessPoolExecutor:
        # workers fork from a server with the engine imported (running already if the CLI started it);
        # Windows: spawn, whose children take the parent's sys.path themselves
        ctx = multiprocessing.get_context("forkserver" if start_forkserver() else "spawn")
        return ProcessPoolExecutor(self.workers, mp_context=ctx, initializer=init_worker, initargs=(self.config,))

    def run(self, jobs: Iterable[Job]) -> Iterator[Outcome]:
        todo = list(jobs)
        size = chunk_size(len(todo), self.workers)
        pending = iter([todo[i : i + size] for i in range(0, len(todo), size)])
        suspects: deque[Job] = deque()  # in flight when a worker died: retried one at a time
        in_flight: dict[Future, tuple[list[Job], bool]] = {}
        window = self.workers * (WINDOW_PER_WORKER if size == 1 else 2)
        finished = lone_crashes = 0
        self._pool = self._new_pool()

        def submit(chunk: list[Job], alone: bool) -> bool:
            assert self._pool is not None  # set above, and again whenever a broken pool is replaced
            try:
                in_flight[self._pool.submit(check_chunk, chunk, self.config)] = (chunk, alone)
                return True
            except BrokenProcessPool:  # a worker died between two submissions
                suspects.extend(chunk)
                return False

        while True:
            broken = False
            if suspects:
                if not in_flight:
                    broken = not submit([suspects.popleft()], True)
            else:
                while not broken and len(in_flight) < window and (chunk := next(pending, None)) is not None:
                    broken = not submit(chunk, False)
            if in_flight and not broken:
                done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                for fut in sorted(done, key=lambda f: in_flight[f][0][0].index):
                    chunk, alone = in_flight.pop(fut)
                    try:
                        results = fut.result()
                        finished += len(chunk)
                    except BrokenProcessPool:
                        broken = True
                        if not alone:
                            suspects.extend(chunk)
                            continue
                        lone_crashes += 1
                        if not finished and lone_crashes >= _FAILED_START:
                            raise _workers_cannot_start() from None
                        results = [crash_shards(chunk[0], "worker process died", self.config)]
                    except Exception as exc:  # the results could not come back (e.g. not picklable)
                        results = [crash_shards(job, f"{type(exc).__name__}: {exc}", self.config) for job in chunk]
                    yield from zip(chunk, results, strict=True)
            if broken:
                suspects.extend(job for chunk, _ in in_flight.values() for job in chunk)
                suspects = deque(sorted(suspects, key=lambda j: j.index))
                in_flight.clear()
                self._pool.shutdown(wait=True, cancel_futures=True)
                self._pool = self._new_pool()
            elif not in_flight and not suspects:
                return

    def call_all(self, calls: list[tuple[Callable[..., Any], tuple[Any, ...]]]) -> list[Any]:
        """Run the calls in the (now idle) workers, side by side, so the batch process stays light;
        a call that fails there (or a pool that is gone) runs again here, where its error is raised."""
        if self._pool is None:
            return super().call_all(calls)
        try:
            futures = [self._pool.submit(fn, *args) for fn, args in calls]
        except Exception:  # a broken pool
            return super().call_all(calls)
        results = []
        for fut, (fn, args) in zip(futures, calls, strict=True):
            try:
                results.append(fut.result())
            except Exception:
                results.append(fn(*args))
        return results

    def close(self, cancel: bool = False) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=cancel)
            self._pool = None


def make_executor(kind: str, workers: int, config: WorkerConfig, *, address: str | None = None) -> BatchExecutor:
    """The executor named by `--executor`."""
    if kind == "local":
        return LocalExecutor(workers, config)
    if kind == "dask":
        try:
            # optional, guarded: dask (the `batch` extra) may be absent, and is heavy
            from .dask_executor import DaskExecutor
        except ImportError as exc:  # the optional extra is missing
            raise PerfxlError(
                "使用 --executor dask 需要安装 dask：pip install 'perfxl[batch]'",
                "--executor dask needs dask.distributed: pip install 'perfxl[batch]'",
                code="EXECUTOR_UNAVAILABLE",
            ) from exc
        return DaskExecutor(workers, config, address=address)
    raise PerfxlError(
        f"未知的执行器“{kind}”，可选：{'、'.join(EXECUTORS)}",
        f"unknown executor {kind!r}; choose one of {', '.join(EXECUTORS)}",
        code="EXECUTOR_UNKNOWN",
    )
