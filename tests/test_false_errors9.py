"""False 错误 a reviewer found on realistic variants of real filings (issue 11: a false 错误 costs more than a missed one).

1. A funds cell carrying its own money unit ("300000元", "0.003亿元") in a block headed 资金情况(万元): the cell's unit
   wins (濉溪 临时救助 2019, tests/realworld/anhui-suixi-linshijiuzhu-2019.toml, 年度资金总额 30 万元). Failed before:
   F02 / F04 / F05 错误 "执行率应为 0.01%（30/300000）", F03 错误 "全年执行数 30 超过全年预算数 0.003".
   A finding only the cell's unit gives (the header's reading gives none) is a 警告 stating both readings.

Each case marked "failed before" raised the false finding on main at 54057c2.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest
from report_helpers import workbook_result as _workbook
from test_heldout15 import _yanglou
from test_review_session8 import _cost

from perfxl.profiles import load_profile
from perfxl.values import parse_value

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

import probe_rewrites as P
from render import CORPUS, load_table, validated

_SUIXI = "anhui-suixi-linshijiuzhu-2019"


def _suixi(tmp_path, cells):
    """濉溪 2019 as published, with cells replaced ({(row, col): text}, 0-based)."""
    table = load_table(CORPUS / f"{_SUIXI}.toml")
    rows = [list(r) for r in table.rows]
    for (r, c), text in cells.items():
        rows[r][c] = text
    return validated(dataclasses.replace(table, rows=rows), tmp_path)


def _funds(result):
    return [(f.code, f.severity.value, f.ref.cell if f.ref else None) for f in result.findings if f.code[0] == "F"]


@pytest.mark.parametrize(
    "cells",
    [
        {(4, 2): "300000元"},  # failed before: F02, F04, F05 错误 (30/300000 = 0.01%)
        {(4, 2): "300000元", (4, 3): "300000元"},  # failed before: F02 错误 on C5 and D5
        {(4, 2): "0.003亿元"},  # failed before: F02 错误, F03 错误 "全年执行数 30 超过全年预算数 0.003"
        {(4, 3): "300,000.00元"},
        {(4, 2): "30万元", (4, 3): "30.00万元"},  # the header's own unit: quiet before and after
        {(5, 2): "300000元", (5, 3): "300000元"},  # a source row: failed before (F02 错误)
    ],
)
def test_a_funds_cell_in_its_own_unit_is_read_in_it(tmp_path, cells):
    assert _funds(_suixi(tmp_path, cells)) == []


def test_a_finding_only_the_cells_unit_gives_is_a_warning_stating_both_readings(tmp_path):
    # 200000元 = 20 万元 (30 spent: overspent) by the cell's unit; 200000 万元 by the header's (not overspent)
    result = _suixi(tmp_path, {(4, 2): "200000元"})
    f03 = [f for f in result.findings if f.code == "F03"]
    assert [(f.severity.value, f.ref.cell) for f in f03] == [("warning", "D5")]
    assert "按单元格单位读作 20万元" in f03[0].basis and "按表头单位读作 200000万元" in f03[0].basis


def test_a_finding_both_readings_give_stays_an_error(tmp_path):
    # 500000元 = 50 万元: 30/50 = 60% by the cell's unit, 30/500000 by the header's; 100% printed is wrong either way
    result = _suixi(tmp_path, {(4, 2): "500000元"})
    assert ("F04", "error", "F5") in _funds(result)
    assert ("F02", "error", "C5") in _funds(result)  # 30 from the sources either way


# 3. Tier words: "已达标", "已按时完成", "已按期完成" are the top tier as "达标" and "按时完成" are (profile data).


@pytest.mark.parametrize(
    ("target", "actual"),
    [
        ("达标", "已达标"),  # failed before: S12 警告 "年度指标值和实际完成值均为空，却给了得分 10" at H12
        ("按时完成", "已按时完成"),  # failed before: the same
        ("按期完成", "已按期完成"),  # failed before: the same
    ],
)
def test_a_star_rows_item_met_in_prefixed_tier_words(tmp_path, target, actual):
    rows, merges = _yanglou()
    rows[12][5], rows[12][6] = target, actual  # 梨树 │ target │ actual under ★补助各类瓜果蔬菜种植面积 (萧县 杨楼 2023)
    result = _workbook(tmp_path, rows, merges)
    assert not [f for f in result.findings if f.code in ("S12", "I11")], [f.message for f in result.findings]


def test_the_prefixed_tier_words_read_as_the_top_tier():
    for name in ("national", "hubei"):
        profile = load_profile(name)
        assert [parse_value(w, profile).tier for w in ("已达标", "已按时完成", "已按期完成")] == [0, 0, 0], name


# 4. I01 across an empty row: a blank-named row under an entirely empty row under a named one (萧县 杨楼 2023, 桃 row's
# name lost) may be that name merged over the rows, the empty one an export's spacer — as directly under it.


def _yanglou_gap(between):
    rows, merges = _yanglou()
    rows[13][3] = ""  # 桃种植面积 │ 1亩 │ 1亩: its name blank under 梨树种植面积
    return [*rows[:13], between, *rows[13:]], merges


def test_a_blank_name_across_an_empty_row_is_a_lost_merge_judgement(tmp_path):
    # failed before: I01 错误 "该行有分值或指标值，但三级指标名称为空" at D15
    rows, merges = _yanglou_gap([""] * 9)
    i01 = [f for f in _workbook(tmp_path, rows, merges).findings if f.code == "I01"]
    assert [(f.severity.value, f.ref.cell) for f in i01] == [("warning", "D15")]
    assert "梨树种植面积" in i01[0].message


def test_a_blank_name_across_a_row_holding_anything_stays_an_error(tmp_path):
    rows, merges = _yanglou_gap(["", "", "", "", "", "", "", "", "另见附表"])
    i01 = [f for f in _workbook(tmp_path, rows, merges).findings if f.code == "I01"]
    assert [(f.severity.value, f.ref.cell) for f in i01] == [("error", "D15")]


@pytest.mark.parametrize(
    "funds",
    [
        {"initial": "1500000元", "full": "1500000元", "executed": "1252500元"},
        {"initial": "150万元", "full": "150万元", "executed": "125.25万元"},
        {"initial": "0.015亿元", "full": "0.015亿元", "executed": "0.012525亿元"},
        {"executed": "1252500元"},  # failed before: F03 错误, F05, F12 (see below)
    ],
)
def test_funds_cells_in_their_own_unit_against_a_cost_row(tmp_path, funds):
    """鄂州 2021 市民中心运行维护费 (tests/test_review_session8.py `_cost`), its 项目资金 (万元) cells typed with their own
    unit, the 成本指标 运维费 150万 │ 125.25万 (the whole budget, spent). Every cell in one unit was quiet before too; only
    执行数 in 元 beside budgets in the header's 万元 failed ("1252500元" read as 1252500 万元):
    F03 错误 "全年执行数 1252500 超过全年预算数 150", F04 / F05, F12 against the execution."""
    result = _workbook(tmp_path, _cost([("运维费", "150万", "125.25万")], **funds))
    assert not [f for f in result.findings if f.code in ("F02", "F03", "F04", "F05", "F12")], [
        (f.code, f.message) for f in result.findings
    ]


# 2. 成安 2020 (河北 预算项目绩效自评表): 预期指标值 merged over 符号 │ (blank) │ 单位(文字描述), the actual under
# 单项指标实际完成值. Failed before: I03 错误 "年度指标值“>=”不是数值" at F12–F15 (the 符号 column read as the target),
# S12 警告 "实际完成值为空" at K12–K15 (the actual looked for in column N).


@pytest.mark.parametrize("rewrite", ["", "unmerged"])
def test_a_split_target_under_a_blank_sub_header_is_joined_and_the_actual_found(tmp_path, rewrite):
    table = load_table(CORPUS / "hebei-chengan-gaolingjintie-2020.toml")
    if rewrite:
        table, _ = P.REWRITES[rewrite](table)
    result = validated(table, tmp_path)
    codes = {(f.code, f.ref.cell if f.ref else None) for f in result.findings}
    # failed before: I03 错误 at F12–F15, S12 警告 at K12–K15; I05/I09/I10 on "≥98%(百分比)" while the unit kept its name
    assert not {c for c in codes if c[0] in ("I03", "S12", "I05", "I09", "I10")}, codes
