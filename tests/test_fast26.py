"""tests/conftest.py's worker cleanup (fast26): an xdist worker whose tests all passed deletes its own base temp at
its end (the module fixtures' folders), and one with a failed test keeps it. (fast26's background `Deleter` thread
for the tests' own folders was removed in fast27: its measured gain was under the 2 s of wall that would keep it.)"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest


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
