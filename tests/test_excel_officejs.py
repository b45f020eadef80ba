"""PERF_* through xlwings' Office.js path (`xlwings.server.custom_functions_call`) and the function
metadata Excel loads (`custom_functions_meta`), pinned by a snapshot.

The Office.js decorators exist only when XLWINGS_ON_SERVER=true and a licence key are in the
environment before the first `import xlwings`, so the calls run in a fresh interpreter: this file
doubles as that script (`python tests/test_excel_officejs.py < requests.json`).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve()
SNAPSHOT = HERE.parent / "snapshots" / "officejs_custom_functions_meta.json"
UPDATE = os.environ.get("PERFXL_UPDATE_SNAPSHOTS") == "1"


def _body(func: str, *args, caller="[标准表.xlsm]自评表!H12"):
    """The body the add-in posts: every argument a 2-D list; an empty cell is [[None]]."""
    import xlwings

    return {
        "client": "Office.js",
        "func_name": func,
        "args": list(args),
        "caller_address": caller,
        "version": xlwings.__version__,
        "runtime": "1.4",
        "culture_info_name": "zh-CN",
        "date_format": "yyyy/m/d",
        "session_id": "test",
    }


def _run_officejs(requests: dict) -> dict:
    env = {**os.environ, "XLWINGS_ON_SERVER": "true", "XLWINGS_LICENSE_KEY": "noncommercial"}
    proc = subprocess.run(
        [sys.executable, str(HERE)],
        input=json.dumps(requests),
        capture_output=True,
        text=True,
        env=env,
        cwd=HERE.parent.parent,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def officejs():
    """Run every call of this module in one subprocess; results keyed by request name."""
    calls = {
        "score_cell": _body("PERF_SCORE", [["增长12%"]], [["11.8%"]], [[10]], [[None]], [[None]]),
        "score_column": _body(
            "PERF_SCORE",
            [["≥12家"], ["≥12家"], [""], ["达成年度指标"]],
            [[20], [6], [5], ["部分达成年度指标并具有一定效果"]],
            [[10.0]],
            [[None]],
            [[None]],
        ),
        "score_empty_weight": _body("PERF_SCORE", [["≥12家"]], [[20]], [[None]], [[None]], [[None]]),
        "score_blank_text_weight": _body("PERF_SCORE", [["≥12家"]], [[20]], [[""]], [[None]], [[None]]),
        "score_bad_text": _body("PERF_SCORE", [["≥12家"]], [[20]], [["十分"]], [[None]], [[None]]),
        "score_unit_mismatch": _body("PERF_SCORE", [["≥12家"]], [["20万元"]], [[10]], [[None]], [[None]]),
        "rate_cell": _body("PERF_RATE", [[2223.04]], [[2223.04]]),
        "rate_text_numbers": _body("PERF_RATE", [["2,223.04"]], [["2223.04"]]),
        "rate_column_zero": _body("PERF_RATE", [[1], [3]], [[2], [0]]),
        "control_rate": _body("PERF_CONTROL_RATE", [[45]], [[32]]),
        "exec_score": _body("PERF_EXEC_SCORE", [[2223.04]], [[2223.04]], [[10]]),
        "grade_column": _body("PERF_GRADE", [[95], [85], [70], [30]], [[None]]),
        "parse_unit": _body("PERF_PARSE", [["≥ 735 人次"]], [["unit"]]),
        "change_rate": _body("PERF_CHANGE_RATE", [[63.46]], [[32]]),
        "explain": _body("PERF_EXPLAIN", [["增长12%"]], [["11.8%"]], [[10]], [[None]], [[None]]),
    }
    return _run_officejs({"calls": calls})


@pytest.mark.slow
def test_single_cell_score_is_the_engine_score(officejs):
    from perfxl.scoring import score_indicator

    assert officejs["score_cell"] == {"ok": [[float(score_indicator("增长12%", "11.8%", 10).score)]]}


@pytest.mark.slow
def test_range_spills_with_real_error_values_for_bad_cells(officejs):
    from perfxl import functions as fx

    direct = fx.perf_score(
        [["≥12家"], ["≥12家"], [""], ["达成年度指标"]], [[20], [6], [5], ["部分达成年度指标并具有一定效果"]], 10.0
    )
    out = officejs["score_column"]["ok"]
    assert [r[0] for r in out[:2]] == [direct[0][0], direct[1][0]] == [10.0, 5.0]
    assert out[2] == [{"type": "Error", "errorType": "Value"}]  # "" target: #VALUE! in that cell only
    assert out[3] == [direct[3][0]]


@pytest.mark.slow
def test_empty_weight_cell_raises_xlwings_error_with_zh_message(officejs):
    # an empty cell arrives as None, "" (=\"\") stays "" — both are an empty 分值
    for key in ("score_empty_weight", "score_blank_text_weight"):
        assert officejs[key]["error"]["type"] == "XlwingsError"
        assert "分值为空" in officejs[key]["error"]["message"]


@pytest.mark.slow
def test_bad_text_and_unit_mismatch_are_explained(officejs):
    from perfxl.scoring import score_indicator

    assert "十分" in officejs["score_bad_text"]["error"]["message"]
    assert officejs["score_unit_mismatch"]["error"]["message"] == score_indicator("≥12家", "20万元", 10).error


@pytest.mark.slow
def test_rates_and_grades(officejs):
    from perfxl.scoring import grade

    assert officejs["rate_cell"]["ok"] == [[100.0]]
    assert officejs["rate_text_numbers"]["ok"] == [[100.0]]
    assert officejs["rate_column_zero"]["ok"] == [[50.0], [{"type": "Error", "errorType": "Div0"}]]
    assert officejs["control_rate"]["ok"] == [[140.63]]
    assert officejs["change_rate"]["ok"] == [[98.31]]
    assert officejs["exec_score"]["ok"] == [[10.0]]
    assert officejs["grade_column"]["ok"] == [[grade(v)] for v in (95, 85, 70, 30)]
    assert officejs["parse_unit"]["ok"] == [["人次"]]
    assert "9.83" in officejs["explain"]["ok"][0][0]


@pytest.mark.slow  # a fresh interpreter (subprocess): the Office.js decorators need XLWINGS_ON_SERVER at first import
def test_custom_functions_meta_snapshot():
    meta = _run_officejs({"meta": True})["meta"]
    names = [f["name"] for f in meta["functions"]]
    assert sorted(names) == sorted(
        [
            "PERF_SCORE",
            "PERF_EXPLAIN",
            "PERF_RATE",
            "PERF_EXEC_SCORE",
            "PERF_CONTROL_RATE",
            "PERF_CHANGE_RATE",
            "PERF_GRADE",
            "PERF_PARSE",
        ]
    )
    for f in meta["functions"]:
        assert f["description"] and not f.get("options", {}).get("volatile")
        assert all(p["description"] and not p["description"].startswith("Positional") for p in f["parameters"])
    if UPDATE:  # a missing snapshot fails below: it is written only on purpose
        SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
        SNAPSHOT.write_text(json.dumps(meta, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    assert meta == json.loads(SNAPSHOT.read_text(encoding="utf-8")), (
        "PERF_* metadata drifted: review, then PERFXL_UPDATE_SNAPSHOTS=1"
    )


# ---------------------------------------------------------------- subprocess side


def _serve(requests: dict) -> dict:
    import asyncio

    import xlwings as xw  # first import: XLWINGS_ON_SERVER is set by the parent
    from xlwings.server import custom_functions_call, custom_functions_meta

    import perfxl_udfs as module  # the installed name of the repo's udfs/ package

    out: dict = {}
    if requests.get("meta"):
        out["meta"] = custom_functions_meta(module)
    for name, body in requests.get("calls", {}).items():
        try:
            out[name] = {"ok": asyncio.run(custom_functions_call(body, module))}
        except xw.XlwingsError as exc:
            out[name] = {"error": {"type": "XlwingsError", "message": str(exc)}}
    return out


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent.parent))
    json.dump(_serve(json.load(sys.stdin)), sys.stdout, ensure_ascii=False)
