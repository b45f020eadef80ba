"""Shared test fixtures: paths to the repo's real files. Module-specific helpers live beside their tests."""

from __future__ import annotations

import gc
import itertools
import marshal
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import _pytest.assertion.rewrite as _rewrite
import pytest

REPO = Path(__file__).resolve().parent.parent
WORKBOOKS = REPO / "workbooks"
EXAMPLES = WORKBOOKS / "examples"


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def workbooks_dir() -> Path:
    return WORKBOOKS


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


# ---------------------------------------------------------------- the test modules' rewritten bytecode read whole


class WholeFileMarshal:
    """`marshal` as pytest's assertion rewriter sees it, but for `load`, which reads the rest of the open .pyc and
    unmarshals those bytes (`marshal.loads`): `marshal.load` on a file asks the file for each object's bytes in turn —
    ≈ 5× the CPU over the ≈ 480 test modules' cached bytecode, ≈ 0.2 s of each xdist worker's collection (fast31t).
    pytest's `_read_pyc` has read the 16-byte header and calls `load` on the code object that is all the rest."""

    def __getattr__(self, name: str) -> object:
        return getattr(marshal, name)

    @staticmethod
    def load(file: BinaryIO) -> object:
        return marshal.loads(file.read())


if _rewrite.marshal is marshal:  # (a pytest that reads its bytecode otherwise is left as it is)
    _rewrite.marshal = WholeFileMarshal()  # type: ignore[assignment]  # a stand-in for the module, `load` changed


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A test that drives LibreOffice or Chromium is slow too: `pytest -m "not slow"` leaves it out."""
    for item in items:
        if item.get_closest_marker("libreoffice") or item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.slow)


# ---------------------------------------------------------------- the cyclic collector: long-lived objects frozen


@pytest.hookimpl(trylast=True)
def pytest_collection_finish(session: pytest.Session) -> None:
    """What collection built (test modules, their parameters, perfxl and its libraries) lives to the end: frozen out of
    the cyclic collector, whose full collections otherwise walk it again and again (docs/testing.md: the collector
    took ≈ 9 s of the fast loop's ≈ 80 s of CPU, ≈ 5 s with this and the freeze below)."""
    gc.collect()
    gc.freeze()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None):
    """After a module's last test (its module-scoped fixtures torn down), what is still alive (imported libraries,
    session fixtures, caches) is long-lived as well: collected once, then frozen. Frozen objects are still freed by
    reference counting; a test's own objects are never frozen, so `gc.collect()` in a test sees all of them."""
    try:
        return (yield)
    finally:
        if nextitem is None or nextitem.path != item.path:
            gc.collect()
            gc.freeze()


# ---------------------------------------------------------------- tmp_path without the numbered-folder bookkeeping

#: Each test's phases, passed or not (`pytest_runtest_makereport` below): `tmp_path` keeps a failed test's folder.
_PASSED = pytest.StashKey[dict[str, bool]]()
_TMP_NUMBER = itertools.count()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    report = yield
    item.stash.setdefault(_PASSED, {})[report.when] = report.passed
    return report


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """An xdist worker whose tests all passed deletes its own base temp (the module fixtures' folders: ≈ 1,450
    files and folders in the fast loop): pytest leaves a worker's base temp, which the controller names, to the
    controller, which deleted all of it alone after the last test — ≈ 10 s of wall at load 16 (fast26); the two
    workers delete their halves at once instead. A worker with a failed test keeps everything, as pytest does."""
    config = session.config
    if hasattr(config, "workerinput") and exitstatus == 0 and config.getini("tmp_path_retention_policy") == "failed":
        shutil.rmtree(config.getoption("basetemp"), ignore_errors=True)  # the worker's, as xdist sets it


@pytest.fixture
def tmp_path(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """pytest's `tmp_path` (a new empty folder under the run's base temp, named after the test; deleted when the test
    passed under `tmp_path_retention_policy = "failed"`, kept when it failed) made with one `mkdir`: pytest's own lists
    the base folder for the next free number, re-points a `…current` symlink and resolves the path at every test —
    ≈ 0.3 ms of CPU and, on a busy disk, more of wall, in the ≈ 3,800 fast tests that take a folder (fast25). The
    number is this process's count (each xdist worker has a base temp of its own), after a "-" unlike pytest's.
    A passing test's folder is deleted at its teardown, in the test's own thread: fast26's background deleter thread
    paid ≈ 0.3–0.5 ms of disk wait a folder (fast27, measured at load 18), ≈ 1 s a worker — under the 2 s that kept it."""
    base, name = tmp_path_factory.getbasetemp(), re.sub(r"\W", "_", request.node.name)[:30]
    while True:
        path = base / f"{name}-{next(_TMP_NUMBER)}"
        try:
            path.mkdir()
            break
        except FileExistsError:  # a folder a test made with `tmp_path_factory.mktemp` under the same name
            continue
    yield path
    passed = request.node.stash.get(_PASSED, {})
    if request.config.getini("tmp_path_retention_policy") == "failed" and passed.get("call", True):
        shutil.rmtree(path, ignore_errors=True)


# ---------------------------------------------------------------- PERFXL_CHECK_SLOW_MARKS=1: is the fast loop pure?

#: Programs a library starts on its own, not the test: platform.architecture() asks file(1) about the
#: interpreter (croniter does so at import, under the server's xlwings).
INCIDENTAL_PROGRAMS = {"file"}


#: The key under which an xdist worker hands its offenders to the controller.
WORKER_OFFENDERS = "perfxl_process_offenders"


class ProcessWatch:
    """Lists the tests that start a process (subprocess, fork, a multiprocessing worker) without a `slow` mark,
    and fails the run if there are any: `PERFXL_CHECK_SLOW_MARKS=1 pytest -m "not slow"`."""

    def __init__(self) -> None:
        self.current: pytest.Item | None = None
        self.offenders: dict[str, list[str]] = {}

    def started(self, what: str) -> None:
        item = self.current
        if item is not None and item.get_closest_marker("slow") is None:
            self.offenders.setdefault(item.nodeid, []).append(what)

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import multiprocessing.process
        import os
        import subprocess

        popen_init, fork, start = subprocess.Popen.__init__, os.fork, multiprocessing.process.BaseProcess.start

        def watched_popen_init(popen, args, *rest, **kw):
            argv = [args] if isinstance(args, (str, bytes, os.PathLike)) else list(args)
            if Path(str(argv[0])).name not in INCIDENTAL_PROGRAMS:
                self.started(" ".join(str(a) for a in argv)[:120])
            return popen_init(popen, args, *rest, **kw)

        def watched_fork():
            self.started("os.fork()")
            return fork()

        def watched_start(process):
            self.started(f"multiprocessing {type(process).__name__}")
            return start(process)

        monkeypatch.setattr(subprocess.Popen, "__init__", watched_popen_init)
        monkeypatch.setattr(os, "fork", watched_fork)
        monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", watched_start)

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_protocol(self, item: pytest.Item, nextitem: pytest.Item | None):
        self.current = item
        try:
            return (yield)
        finally:
            self.current = None

    @pytest.hookimpl(optionalhook=True)
    def pytest_testnodedown(self, node, error) -> None:
        """xdist's controller: an `-n` worker's offenders (its `workeroutput`), reported and failed as the controller's
        own — a worker's summary and exit status never reach the run's (at main the check passed whatever `-n 2` met)."""
        for nodeid, what in getattr(node, "workeroutput", {}).get(WORKER_OFFENDERS, {}).items():
            self.offenders.setdefault(nodeid, []).extend(what)

    def pytest_terminal_summary(self, terminalreporter) -> None:
        if self.offenders:
            terminalreporter.section("tests that start a process but are not marked slow")
            for nodeid, what in self.offenders.items():
                terminalreporter.line(f"{nodeid}: {what[0]}" + (f" (+{len(what) - 1} more)" if len(what) > 1 else ""))

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        workeroutput = getattr(session.config, "workeroutput", None)  # an xdist worker's: its controller reports them
        if workeroutput is not None:
            workeroutput[WORKER_OFFENDERS] = self.offenders
        if self.offenders:  # a worker's own exit status goes nowhere, but an inner run (test_fast26) reads it
            session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_configure(config: pytest.Config) -> None:
    import os

    import hypothesis_budget

    # the fast loop (`-m "not slow"`) draws fewer property-test examples; every whole run draws them all. An inner
    # run in this process (tests/test_fast25.py, test_fast26.py: `pytest.main` with this conftest as its plugin, no
    # mark expression) sets it as well: given back at its end, or every later test in that xdist worker drew its whole
    # count in the fast loop (fast27: ≈ 15 s of the loop's CPU).
    before = hypothesis_budget.FAST
    hypothesis_budget.FAST = "not slow" in (config.getoption("markexpr") or "")
    config.add_cleanup(lambda: setattr(hypothesis_budget, "FAST", before))

    if os.environ.get("PERFXL_CHECK_SLOW_MARKS") == "1":
        watch = ProcessWatch()
        patcher = pytest.MonkeyPatch()
        watch.install(patcher)
        config.add_cleanup(patcher.undo)
        config.pluginmanager.register(watch, "perfxl-process-watch")
