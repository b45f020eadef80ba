"""Review of reports22's narrative readings (issue 12, session 18): false paths found by realistic variants of the real
reports 22 paragraphs (tests/realworld/reports). Each test failed before its fix as its docstring says."""

from __future__ import annotations

import tomllib
from pathlib import Path

from test_document_realreport import codes_at_paragraph as _at
from test_document_realreport import with_paragraph

REPORTS = Path(__file__).resolve().parent / "realworld" / "reports"
YICHUAN = tomllib.loads((REPORTS / "shanghai-putuo-yichuan-juesuan-2025.toml").read_text(encoding="utf-8"))


def _one(text: str) -> dict:
    return {"paragraphs": [text]}


def test_yuan_parts_that_may_be_coarser_than_their_total_are_no_error(tmp_path):
    """Failed before: [('N02', 'error')] — 规划资源局 2024 p71 restated in 元 with two parts whole 万 ("1230000元" may be
    "123万元" restated, as reports22's own reading says): 1230000 + 13880000 + 8090700 = 23200700 over 23192100 as
    written, but at the parts' own steps they may fit — over as written, a 警告 as the 万元 print "123万元" is."""
    text = "政府采购金额为23192100元，其中：货物采购金额1230000元、工程采购金额13880000元、服务采购金额8090700元。"
    assert _at(tmp_path, _one(text), 1) == [("N02", "warning")]
    # beyond even the coarse steps (13980000: at least 23290650 against 23192150) it stays an 错误
    far = text.replace("13880000元", "13980000元")
    assert ("N02", "error") in _at(tmp_path, _one(far), 1)


def test_a_completion_of_the_adjusted_budget_is_not_held_to_the_three_public_row(tmp_path):
    """Failed before: [('N01', 'error')] — 宜川路 2025 p71 saying "完成调整预算的 60.76%": the 三公 table's 预算 column
    need not be the 调整预算 (上海's is the 年初 one), so its row 19.56 / 30.67 is another base — no 错误 from it."""
    adjusted = with_paragraph(YICHUAN, 71, "完成预算的 63.76%", "完成调整预算的 60.76%")
    assert ("N01", "error") not in _at(tmp_path, adjusted, 71)
    # the bare 预算 is still held to the row (test_reports22)
    wrong = with_paragraph(YICHUAN, 71, "完成预算的 63.76%", "完成预算的 60.76%")
    assert ("N01", "error") in _at(tmp_path, wrong, 71)
