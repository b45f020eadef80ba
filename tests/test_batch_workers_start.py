"""`perfxl batch` starts its workers' fork server before the CLI imports the engine (perfxl.workers), so
the server's imports and the batch process's own run side by side instead of one after the other."""

from __future__ import annotations

import subprocess
import sys

import pytest

from perfxl.cli import main


@pytest.mark.parametrize(
    ("args", "started"),
    [
        (["batch", "inbox"], True),
        (["batch", "inbox", "-o", "out", "--jobs", "2", "--executor", "local"], True),
        (["batch", "inbox", "--executor=local"], True),
        (["batch", "inbox", "--executor", "dask"], False),  # dask workers do not come from this fork server
        (["batch", "inbox", "--executor=dask"], False),
        (["batch", "--help"], False),
        (["validate", "a.xlsx"], False),
        ([], False),
    ],
)
def test_only_a_local_batch_starts_the_fork_server_early(monkeypatch, args, started):
    calls = []
    monkeypatch.setattr("perfxl.workers.start_forkserver", lambda: calls.append(1) or True)
    main._start_batch_workers(args)
    assert bool(calls) is started


def test_a_failed_head_start_is_left_to_the_pool(monkeypatch):
    def fails() -> bool:
        raise OSError("no fork server here")

    monkeypatch.setattr("perfxl.workers.start_forkserver", fails)
    main._start_batch_workers(["batch", "inbox"])  # no error: the pool starts the server and reports


@pytest.mark.slow
def test_the_early_start_imports_nothing_of_the_engine():
    code = "import sys, perfxl.workers; print(sorted(m for m in sys.modules if m.startswith('perfxl')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['perfxl', 'perfxl.workers']"


@pytest.mark.slow
def test_a_worker_keeps_what_it_loaded_out_of_the_collectors_walks(tmp_path):
    """The engine, profile and template a worker loads live as long as it does: frozen (gc.freeze), so the
    full collections during a batch do not walk them again and again."""
    import gc
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from perfxl.batch.worker import WorkerConfig, init_worker
    from perfxl.workers import start_forkserver

    ctx = multiprocessing.get_context("forkserver" if start_forkserver() else "spawn")
    with ProcessPoolExecutor(
        1, mp_context=ctx, initializer=init_worker, initargs=(WorkerConfig(str(tmp_path)),)
    ) as pool:
        assert pool.submit(gc.get_freeze_count).result() > 10_000
