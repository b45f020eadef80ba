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
