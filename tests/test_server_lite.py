"""The xlwings Lite bundle (lite/main.py): with python-calamine unavailable (as in Pyodide) it imports,
exposes perfxl's PERF_* functions and the three scripts to xlwings' own discovery, and its 校验 script
marks the seed workbook exactly as `perfxl validate` reports. Runs in a fresh interpreter with the
Office.js decorators switched on, as Lite has them."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from server_helpers import REPO, cli_findings, expected_marks, seed_payload, server_env

LITE = REPO / "lite"

PROBE = r"""
import asyncio, json, sys
sys.modules["python_calamine"] = None          # no Pyodide build: importing it must not be needed
sys.path.insert(0, sys.argv[1])
import main                                      # lite/main.py, as xlwings Lite loads it
import xlwings as xw
from xlwings.server import custom_functions_meta, custom_scripts_call, custom_scripts_meta
payload = json.load(sys.stdin)
book = xw.Book(json=payload)
asyncio.run(custom_scripts_call(main, "perfxl_validate", typehint_to_value={xw.Book: book}))
third_party = sorted({m.split(".")[0] for m in sys.modules} & {"openpyxl", "xlsxwriter", "typer", "rich", "olefile"})
print(json.dumps({
    "functions": sorted(f["name"] for f in custom_functions_meta(main)["functions"]),
    "scripts": sorted(s["name"] for s in custom_scripts_meta(main)),
    "actions": book.json()["actions"],
    "third_party": third_party,
}))
"""


@pytest.mark.slow
def test_lite_bundle_runs_without_python_calamine():
    from server_helpers import applied_marks

    from perfxl.excel import udfs

    payload = seed_payload()
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, str(LITE)],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,
        env=server_env(XLWINGS_ON_SERVER="true"),
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["functions"] == sorted(udfs.__all__)
    assert out["scripts"] == sorted(["校验", "复核得分", "清除标记"])
    filled, noted, alerts, _ = applied_marks(payload, out["actions"])
    assert (filled, noted) == expected_marks(cli_findings())
    assert alerts and alerts[0].startswith("perfxl 校验完成")
    assert out["third_party"] == [], "the Lite path should need no third-party package besides xlwings"


def test_lite_requirements_pin_the_excel_extras_xlwings_and_name_no_placeholder():
    """lite/requirements.txt pins xlwings as perfxl[excel] does and names no made-up wheel address
    (perfxl is not on PyPI: the user adds the address IT hosts, as its comments say)."""
    import tomllib

    lines = [
        ln
        for ln in (LITE / "requirements.txt").read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    ]
    project = tomllib.loads((LITE.parent / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert lines == [next(r for r in project["optional-dependencies"]["excel"] if r.startswith("xlwings"))]
