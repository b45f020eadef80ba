"""fast30t (issue 14): perfxl's sources parsed and walked once a process, for both modules that read the code itself
(`test_codes_catalogued`, `test_lean27`), and again whenever a file under the root changes; `PERFXL_CHECK_SLOW_MARKS`
under `-n 2` fails the run for a process a worker's fast test started."""

from __future__ import annotations

import ast
import os
from types import SimpleNamespace

import pytest
import source_trees
from conftest import WORKER_OFFENDERS, ProcessWatch


def test_the_sources_are_parsed_and_walked_once_a_process() -> None:
    trees, walked = source_trees.parsed(), source_trees.walked()
    assert source_trees.parsed() is trees and source_trees.walked() is walked
    assert set(trees) == set(walked) == set(source_trees.PKG.rglob("*.py")) and len(trees) > 100
    path = source_trees.PKG / "validate.py"
    text, tree = trees[path]
    assert text == path.read_text(encoding="utf-8") and ast.dump(tree) == ast.dump(ast.parse(text))
    assert walked[path] == list(ast.walk(tree))


def test_a_file_added_or_changed_under_the_root_is_read_again(tmp_path) -> None:
    first = tmp_path / "a.py"
    first.write_text("x = 1\n", encoding="utf-8")
    before = source_trees.parsed(tmp_path)
    assert [ast.unparse(tree) for _, tree in before.values()] == ["x = 1"]
    assert source_trees.parsed(tmp_path) is before
    first.write_text("x = 22\n", encoding="utf-8")  # a changed size; the same size with a new mtime below
    os.utime(first, ns=(0, 1))
    changed = source_trees.parsed(tmp_path)
    assert [ast.unparse(tree) for _, tree in changed.values()] == ["x = 22"]
    first.write_text("x = 33\n", encoding="utf-8")
    os.utime(first, ns=(0, 2))
    assert [ast.unparse(tree) for _, tree in source_trees.parsed(tmp_path).values()] == ["x = 33"]
    (tmp_path / "b.py").write_text("y = 2\n", encoding="utf-8")
    assert [ast.unparse(t) for _, t in source_trees.parsed(tmp_path).values()] == ["x = 33", "y = 2"]
    assert [type(n).__name__ for n in source_trees.walked(tmp_path)[tmp_path / "b.py"]][:2] == ["Module", "Assign"]


def test_a_workers_process_offenders_fail_the_controllers_run() -> None:
    """`PERFXL_CHECK_SLOW_MARKS=1 pytest -n 2`: what a worker's watch met goes in its `workeroutput` (xdist hands that to
    the controller with the worker's end), and the controller lists it and fails the run as for its own tests. At main a
    worker's list was printed in the worker's own summary, which xdist drops: `-n 2` passed with offenders (three then)."""
    worker_config = SimpleNamespace(workerinput={"workerid": "gw0"}, workeroutput={})
    worker = ProcessWatch()
    worker.offenders = {"tests/test_x.py::test_a": ["soffice --convert-to docx a.doc"]}
    worker.pytest_sessionfinish(SimpleNamespace(config=worker_config, exitstatus=0))
    assert worker_config.workeroutput == {WORKER_OFFENDERS: worker.offenders}

    controller, session = ProcessWatch(), SimpleNamespace(config=SimpleNamespace(), exitstatus=0)
    controller.pytest_testnodedown(SimpleNamespace(workeroutput=worker_config.workeroutput), None)
    controller.pytest_testnodedown(SimpleNamespace(workeroutput={"exitstatus": 0}), None)  # a worker that met none
    controller.pytest_testnodedown(SimpleNamespace(), "worker crashed")  # a worker lost before its end sends nothing
    controller.pytest_sessionfinish(session)
    assert controller.offenders == worker.offenders and session.exitstatus == pytest.ExitCode.TESTS_FAILED
    lines: list[str] = []
    controller.pytest_terminal_summary(SimpleNamespace(section=lines.append, line=lines.append))
    assert lines[1] == "tests/test_x.py::test_a: soffice --convert-to docx a.doc"
