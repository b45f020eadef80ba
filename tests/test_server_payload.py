"""The add-in request checks (`perfxl.serve.payload`), pure Python: the seed workbook's payload passes,
every malformed variant is refused with a 4xx and a zh message naming what is wrong, and the
limits come from the environment. Also: the core imports none of xlwings for this."""

from __future__ import annotations

import copy
import functools
import subprocess
import sys

import pytest
from server_helpers import EXAMPLE, function_body
from table_cases import each as _each

from perfxl.serve.payload import FunctionSpec, Limits, check_function_payload, check_script_payload


@pytest.fixture(scope="module")
def payload():
    assert EXAMPLE.exists(), "the seed example is built by `python -m perfxl.workbook.build`"
    from perfxl.excel.replay import payload_from_file

    return payload_from_file(str(EXAMPLE))


SPECS = {"PERF_SCORE": FunctionSpec("PERF_SCORE", 5, 3), "PERF_RATE": FunctionSpec("PERF_RATE", 2, 2)}


def _cells(payload) -> int:
    return sum(len(row) for s in payload["sheets"] for row in s["values"])


def test_the_seed_payload_is_accepted(payload):
    assert check_script_payload(payload) is None


_MALFORMED_WORKBOOKS_ARE_REFUSED_WITH_A_REASON_CASES = [
    (lambda p: p.pop("book"), 400, "工作簿数据"),
    (lambda p: p.update(book="x"), 400, "工作簿数据"),
    (lambda p: p["book"].pop("name"), 400, "book.name"),
    (lambda p: p.pop("sheets"), 400, "工作表数据"),
    (lambda p: p.update(sheets=[]), 400, "工作表数据"),
    (lambda p: p.pop("version"), 400, "version"),
    (lambda p: p["book"].update(active_sheet_index="0"), 422, "active_sheet_index"),
    (lambda p: p["book"].update(active_sheet_index=99), 422, "active_sheet_index"),
    (lambda p: p.update(names={}), 422, "names"),
    (lambda p: p.update(names=[1]), 422, "names"),
    (lambda p: p.update(names=[{"sheet_index": 0}]), 422, "names"),
    (lambda p: p.update(args="validate"), 422, "args"),
    (lambda p: p["sheets"][0].pop("values"), 400, "values"),
    (lambda p: p["sheets"][0].update(values="A1"), 422, "二维数组"),
    (lambda p: p["sheets"][0].update(values=[1, 2]), 422, "二维数组"),
    (lambda p: p["sheets"][0]["values"][2].__setitem__(1, {"x": 1}), 422, "第 3 行第 2 列"),
    (lambda p: p["sheets"][1].update(name=p["sheets"][0]["name"]), 422, "名称重复"),
    (lambda p: p["sheets"][0].update(notes=[{"cell": "A1"}]), 422, "批注"),
    (lambda p: p["sheets"][0]["values"][0].__setitem__(0, "长" * 40_000), 422, "32767"),
]


def _malformed_workbooks_are_refused_with_a_reason(payload, mutate, status, words):
    bad = copy.deepcopy(payload)
    mutate(bad)
    problem = check_script_payload(bad)
    assert problem is not None and problem.status == status
    assert words in problem.message and problem.message_en
    assert problem.body()["detail"].startswith(problem.message)


def test_malformed_workbooks_are_refused_with_a_reason(payload):
    _each(
        _MALFORMED_WORKBOOKS_ARE_REFUSED_WITH_A_REASON_CASES,
        functools.partial(_malformed_workbooks_are_refused_with_a_reason, payload),
    )  # one test a list (fast22b)


def test_script_arguments_are_counted(payload):
    assert check_script_payload({**payload, "args": [1]}, max_args=1) is None
    assert check_script_payload({**payload, "args": [1, 2]}, max_args=1).status == 422
    assert check_script_payload({**payload, "args": [1, 2]}) is None  # not checked without a count


def test_a_body_that_is_not_an_object_is_refused():
    for body in (None, [], "book", 3):
        problem = check_script_payload(body)
        assert problem.status == 400 and "JSON 对象" in problem.message


def test_the_cell_limit_counts_every_sheet(payload):
    n = _cells(payload)
    assert check_script_payload(payload, Limits(serve_max_cells=n)) is None
    problem = check_script_payload(payload, Limits(serve_max_cells=n - 1))
    assert problem.status == 413 and f"{n - 1:,}" in problem.message and "PERFXL_SERVE_MAX_CELLS" in problem.message


def test_limits_come_from_the_environment_and_overrides():
    limits = Limits.from_env({"PERFXL_SERVE_MAX_CELLS": "1234"})
    assert limits.serve_max_cells == 1234
    assert Limits.from_env({"PERFXL_SERVE_MAX_CELLS": "1234"}, serve_max_cells=99).serve_max_cells == 99
    with pytest.raises(ValueError, match="PERFXL_SERVE_MAX_CELLS"):
        Limits.from_env({"PERFXL_SERVE_MAX_CELLS": "many"})


def test_function_calls_are_checked_against_the_declared_functions():
    ok = function_body("PERF_SCORE", [["≥12家"]], [[20]], [[10]], [[None]], [[None]])
    assert check_function_payload(ok, SPECS) is None
    assert check_function_payload(function_body("PERF_SCORE", [["≥12家"]], [[20]], [[10]]), SPECS) is None
    cases = [
        (function_body("PERF_NOPE", [[1]]), 404, "PERF_NOPE"),
        (function_body("PERF_RATE", [[1]]), 422, "需要 2 个参数"),
        (function_body("PERF_RATE", [[1]], [[2]], [[3]]), 422, "收到 3 个"),
        (function_body("PERF_RATE", [[1]], "2"), 422, "第 2 个参数"),
        (function_body("PERF_RATE", [[1]], [[[2]]]), 422, "值类型不支持"),
        ({**ok, "args": "x"}, 400, "args"),
        ({k: v for k, v in ok.items() if k != "func_name"}, 400, "func_name"),
        ({**ok, "caller_address": 5}, 422, "caller_address"),
    ]
    for body, status, words in cases:
        problem = check_function_payload(body, SPECS)
        assert problem is not None and problem.status == status and words in problem.message, (body, problem)


def test_a_huge_range_argument_is_refused():
    column = [[1]] * 2_001
    problem = check_function_payload(function_body("PERF_RATE", column, [[2]]), SPECS, Limits(serve_max_cells=2_000))
    assert problem.status == 413


@pytest.mark.slow
def test_the_checks_import_no_xlwings_or_web_framework():
    code = (
        "import sys, perfxl.serve, perfxl.serve.payload, perfxl.serve.guard, perfxl.cli.main; "
        "bad = [m for m in ('xlwings', 'xlwings_server', 'fastapi', 'starlette', 'uvicorn') if m in sys.modules]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
