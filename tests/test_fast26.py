"""tests/conftest.py's `Deleter` (fast26): a passing test's folder is deleted on a thread of its own, and every queued
folder is gone once the queue is drained (the session's end, before pytest removes or keeps its base temp)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from conftest import Deleter


def test_queued_folders_are_gone_after_the_drain(tmp_path_factory) -> None:
    base = tmp_path_factory.mktemp("deleter")
    folders = [base / f"t{i}" for i in range(50)]
    for folder in folders:
        (folder / "sub").mkdir(parents=True)
        (folder / "sub" / "book.xlsx").write_bytes(b"x" * 1000)
    kept = base / "kept"
    kept.mkdir()
    deleter = Deleter()
    for folder in folders:
        deleter.delete(folder)
    deleter.delete(base / "never-made")  # a folder a test removed itself: no error
    deleter.drain()
    assert deleter.thread is None
    assert not any(folder.exists() for folder in folders)
    assert kept.is_dir()  # only what was queued


def test_a_drained_deleter_starts_again(tmp_path_factory) -> None:
    deleter = Deleter()
    deleter.drain()  # nothing queued, no thread: a no-op
    for round_ in range(2):
        folder: Path = tmp_path_factory.mktemp(f"again{round_}")
        deleter.delete(folder)
        deleter.drain()
        assert not folder.exists()


def _inner_worker_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, body: str) -> tuple[int, Path]:
    """An inner run in this process with this conftest as its plugin, posing as an xdist worker (`workerinput` set,
    as xdist sets it in a worker, and the base temp given, as the controller gives it)."""
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "worker_pose.py").write_text(
        "def pytest_configure(config):\n    config.workerinput = {}\n", encoding="utf-8"
    )
    (inner / f"{name}.py").write_text(textwrap.dedent(body), encoding="utf-8")  # a module name of its own
    base = tmp_path / "base"
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    monkeypatch.syspath_prepend(str(inner))
    options = [
        "-p",
        "conftest",
        "-p",
        "worker_pose",
        "-p",
        "no:cacheprovider",
        "-o",
        "tmp_path_retention_policy=failed",
    ]
    return pytest.main([str(inner / f"{name}.py"), "-q", f"--basetemp={base}", *options]), base


_MODULE_FOLDER = """
    import pytest

    @pytest.fixture(scope="module")
    def book(tmp_path_factory):
        path = tmp_path_factory.mktemp("books") / "book.xlsx"
        path.write_bytes(b"x")
        return path

    def test_reads(book, tmp_path):
        assert book.read_bytes() == b"x"
    """


def test_a_passing_worker_deletes_its_base_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, base = _inner_worker_run(tmp_path, monkeypatch, "test_worker_passes", _MODULE_FOLDER)
    assert code == pytest.ExitCode.OK
    assert not base.exists()  # the module fixture's folder with it, not left for the controller


def test_a_failing_worker_keeps_its_base_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    failing = _MODULE_FOLDER + "\n    def test_fails():\n        assert False\n"
    code, base = _inner_worker_run(tmp_path, monkeypatch, "test_worker_fails", failing)
    assert code == pytest.ExitCode.TESTS_FAILED
    assert (base / "books0" / "book.xlsx").read_bytes() == b"x"
