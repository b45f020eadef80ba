"""Lead, session 18: two false B19 paths review18c named but had no time to close (perfxl/rules/basic.py `_as_size`,
perfxl/layout/three_public.py `_cross_kind`).

1. A change column headed with one direction only — 减少额, 减少幅度 (a table of cuts) — prints the change's size, its
   sign in the words: "减少额 58.8" for 977.3 → 918.5 is no flipped sign. B19 had read it as +58.8 against −58.8, beyond
   rounding: a false 错误 on every line. A size that is wrong stays an 错误.
2. A column of 百分点 (a change of a rate) is not a change of the amounts beside it: not read as B19's change column.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from report_helpers import findings_of as _codes
from report_helpers import workbook_result as _workbook
from test_document_realreport import codes_at_paragraph, with_paragraph

E = ""
_MERGES = ("A1:E1", "A2:E2", "A3:A4", "B3:B4", "C3:C4", "D3:E3")


def _cuts(reception=("977.3", "918.5", "58.8", "6.0%"), sub=("减少额", "减少幅度")):
    """A 三公 table of two years whose change columns say 减少 (every line fell), sizes printed without a sign."""
    return [
        ["某县2015年度“三公”经费决算财政拨款情况统计表", E, E, E, E],
        ["单位:万元", E, E, E, E],
        ["项 目", "2014年决算数", "2015年决算数", "2015年决算比上年减少情况", E],
        [E, E, E, *sub],
        ["合 计", "1036.53", "972.75", "63.78", "6.2%"],
        ["1、因公出国(境)费", "12.23", "10.00", "2.23", "18.2%"],
        ["2、公务接待费", *reception],
        ["3、公务用车费", "47.00", "44.25", "2.75", "5.9%"],
    ]


def _guihua() -> dict:
    """上海普陀 规划资源局 2024 决算 as transcribed (real reports 22)."""
    path = Path(__file__).resolve().parent / "realworld" / "reports" / "shanghai-putuo-guihuaziyuan-juesuan-2024.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _b19(result):
    return sorted((f.ref.cell, f.severity.value) for f in _codes(result, "B19"))


def test_sizes_under_a_one_way_header_agree(tmp_path):
    """Failed before: D5…E8 each a B19 错误 ("符号相反")."""
    assert _b19(_workbook(tmp_path, _cuts(), _MERGES)) == []


def test_a_wrong_size_under_a_one_way_header_is_still_an_error(tmp_path):
    """58.8 printed 48.8 and 6.0% printed 7.0%: wrong whichever sign the words give."""
    result = _workbook(tmp_path, _cuts(reception=("977.3", "918.5", "48.8", "7.0%")), _MERGES)
    assert _b19(result) == [("D7", "error"), ("E7", "error")]


def test_a_two_way_header_keeps_the_sign(tmp_path):
    """增、减额 │ 增、减幅度 over unsigned figures of falls in a column printing its signs (the 合计's −63.78): a flipped
    sign, as before (昌宁县本级 2015's shape). A column printing no sign on any line may print sizes: 警告 (b19v)."""
    rows = _cuts(sub=("增、减额", "增、减幅度"))
    rows[2][3] = "2015年决算比上年增、减情况"
    rows[4][3:5] = ["-63.78", "-6.2%"]
    found = _b19(_workbook(tmp_path, rows, _MERGES))
    assert ("D7", "error") in found


def test_a_percentage_point_column_is_not_a_change_of_the_amounts(tmp_path):
    """Failed before: "增减百分点" read as 增减额, 6.0 against −58.8 an 错误."""
    rows = _cuts(sub=("增减百分点", E))
    rows[2][3] = "比上年增减"
    for row in rows[4:]:
        row[4] = E
    assert _b19(_workbook(tmp_path, rows, _MERGES)) == []


def test_a_figure_its_own_rate_contradicts_is_one_finding(tmp_path):
    """Failed before (probe_reports, extra 1 after narr18 met reports22): 规划资源局 2024 p40 with its 支出决算 changed
    (1092.80 → 1202.08) gave the N02 of its own 完成年初预算的97.97% (1202.08 / 1115.48 = 107.76%) and an N01 警告 against
    the 行政运行 line of the table its path was met on (1105.68, a guess: the figure agrees with none of its lines) — one
    wrong figure, two findings. A guessed line's N01 gives way to the paragraph's own rate over that figure."""
    guihua = _guihua()
    assert codes_at_paragraph(tmp_path, guihua, 40) == []
    wrong = with_paragraph(guihua, 40, "支出决算为 1092.80 万元", "支出决算为 1202.08 万元")
    assert codes_at_paragraph(tmp_path, wrong, 40) == [("N02", "error")]


def test_a_two_way_header_in_traditional_characters_keeps_the_sign(tmp_path):
    """Failed before (probe_variants' traditional copy of 昌宁县本级 2015 lost its B19): "增、減額" names both ways — 減 is
    减 — so −3.51 for a rise of 3.51 stays a flipped sign."""
    rows = _cuts(sub=("增、減額", "增、減幅度"))
    rows[2][3] = "2015年決算比上年增、減情況"
    rows[4][3:5] = ["-63.78", "-6.2%"]  # the column prints its signs (b19v: a column printing none may print sizes)
    assert ("D7", "error") in _b19(_workbook(tmp_path, rows, _MERGES))


def test_a_bare_subject_held_to_the_department_total_is_a_guess(tmp_path):
    """Failed before: 规划资源局 2024 p25 with its line broken after "…年度财政拨款收入" and its 总计 dropped read the
    figure's subject as a bare "支出", held for certain to the department's 本年支出合计 (9759.38, the 收入支出决算总表) — a
    false N01 错误. Words naming neither a total nor the money: a guess, said. (With "支出总计" kept the clause names a
    total and the false 错误 stays: the wrap reading is the open cause — test_realreport_rewrites' exemption.)"""
    guihua = _guihua()
    cut = with_paragraph(guihua, 25, "年度财政拨款收入支出总计", "年度财政拨款收入\n支出")
    assert ("N01", "error") not in codes_at_paragraph(tmp_path, cut, 25)
