"""Classic (Windows COM) xlwings on Linux: the decorators' metadata and the generated `xlwings_udfs`
VBA module (pywin32 stubbed) are pinned, and classic rendering turns errors into zh text."""

from __future__ import annotations

import json
import os
from pathlib import Path

from perfxl.excel.classic import UDF_MODULE_NAME, classic_metadata, generate_udfs_vba
from perfxl.excel.xlsm_build import VBA_DIR

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
UPDATE = os.environ.get("PERFXL_UPDATE_SNAPSHOTS") == "1"
NAMES = {
    "PERF_SCORE",
    "PERF_EXPLAIN",
    "PERF_RATE",
    "PERF_EXEC_SCORE",
    "PERF_CONTROL_RATE",
    "PERF_CHANGE_RATE",
    "PERF_GRADE",
    "PERF_PARSE",
}


def _snapshot(name: str, text: str) -> str:
    path = SNAPSHOTS / name
    if UPDATE:  # a missing snapshot fails the read below: it is written only on purpose
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return path.read_text(encoding="utf-8")


def test_classic_metadata_snapshot():
    meta = classic_metadata()
    assert {m["name"] for m in meta} == NAMES
    for m in meta:
        assert m["category"] == "perfxl" and m["volatile"] is False
        assert m["description"] and all(a["doc"] and a["options"].get("ndim") == 2 for a in m["args"])
    text = json.dumps(meta, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    assert text == _snapshot("classic_udf_metadata.json", text), "classic metadata drifted: PERFXL_UPDATE_SNAPSHOTS=1"


def test_generated_vba_matches_the_module_in_git():
    vba = generate_udfs_vba()
    committed = (VBA_DIR / "xlwings_udfs.bas").read_text(encoding="utf-8")
    if UPDATE:
        (VBA_DIR / "xlwings_udfs.bas").write_text(vba, encoding="utf-8")
        committed = vba
    assert vba == committed, "regenerate excel/vba/xlwings_udfs.bas (PERFXL_UPDATE_SNAPSHOTS=1)"
    for name in NAMES:
        assert f"Function {name}(" in vba
        assert f'XLPy.CallUDF("{UDF_MODULE_NAME}", "{name}"' in vba
    assert "Optional method, Optional profile" in vba  # PERF_SCORE's optional arguments
    vba.encode("cp1252")  # the VBA project's code page


def test_register_module_is_current_and_covers_every_function():
    from perfxl.excel.classic import generate_register_vba
    from perfxl.excel.xlsm_build import regenerate_modules

    assert regenerate_modules(check=not UPDATE) == [] or UPDATE, "run python excel/build_xlsm.py"
    text = generate_register_vba()
    text.encode("cp1252")
    for name in NAMES:
        assert f"'!{name}\", Description:=d, Category:=c, ArgumentDescriptions:=a" in text
    # the hex literals decode back to the zh descriptions of the decorators
    import re

    decoded = [
        "".join(chr(int(h[i : i + 4], 16)) for i in range(0, len(h), 4))
        for h in re.findall(r'PerfxlText\("([0-9A-F]*)"\)', text)
    ]
    assert "perfxl" in decoded
    assert any(d.startswith("按财预〔2020〕10号计算绩效指标得分") for d in decoded)


def test_classic_render_shows_zh_text_not_error_values():
    from perfxl import functions as fx
    from perfxl.excel.udfs import render

    assert render(fx.perf_rate(1, 0), officejs=False) == "分母为0，比率无法计算"
    assert render(fx.perf_rate([[1], [1]], [[2], [0]]), officejs=False) == [[50.0], ["分母为0，比率无法计算"]]
    assert render(fx.perf_rate([[1], [1]], [[2], [0]]), officejs=True) == [[50.0], ["#DIV/0!"]]
