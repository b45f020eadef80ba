"""Results as pandas DataFrames (perfxl.findings_frame & co.) on the real seed example."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import perfxl
from perfxl.model import CellRef, Certainty, Finding, Severity, TextRef
from perfxl.result import FileResult, Summary

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"


def test_findings_frame_has_one_row_per_finding_with_its_place():
    result = perfxl.validate_file(EXAMPLE)
    frame = perfxl.findings_frame([result])
    assert len(frame) == len(result.findings)
    assert list(frame.columns)[:8] == ["file", "unit_name", "year", "sheet", "cell", "paragraph", "page", "severity"]
    g4 = frame[(frame.code == "F04")].iloc[0]
    assert (g4.sheet, g4.cell, g4.level, g4.expected) == ("部门整体支出绩效自评表", "G4", "错误", "100.00%")
    by_level = frame.groupby("level", observed=False).size().to_dict()
    assert by_level == {"错误": result.summary.errors, "警告": result.summary.warnings, "提示": result.summary.infos}


def test_narrative_places_unreadable_files_and_files_frame():
    text = Finding(
        "N01",
        Severity.ERROR,
        TextRef(12, 3),
        "正文与表格不符",
        related=(CellRef("表2", "F13"),),
        certainty=Certainty.GUESS,
    )
    ok = FileResult("报告.pdf", True, (text,), Summary.of([text]))
    bad = FileResult("坏.xlsx", False, error={"code": "ZIP_BOMB", "message": "压缩炸弹"})
    frame = perfxl.findings_frame([ok, bad])
    n01 = frame[frame.code == "N01"].iloc[0]
    assert (n01.paragraph, n01.page, n01.level, n01.certainty, n01.related) == (12, 3, "警告", "guess", "表2!F13")
    assert frame[frame.code == "ZIP_BOMB"].iloc[0].level == "错误"
    files = perfxl.files_frame([perfxl.validate_file(EXAMPLE), bad])
    assert files.ok.tolist() == [True, False] and files.score_computed.iloc[0] == 99.83


@pytest.mark.slow
def test_the_check_path_never_imports_pandas():
    code = (
        "import sys, perfxl; perfxl.validate_file(sys.argv[1]); "
        "assert 'pandas' not in sys.modules, 'pandas imported on the 校验 path'"
    )
    subprocess.run([sys.executable, "-c", code, str(EXAMPLE)], check=True)
