"""Session 22 (funds22, issue 11): funds lines whose amount sits past blank cells — a form whose merges were undone.

HTML exports, re-saved sheets and 2003 XML often print a merged label as the label and then blank cells where the merge
was: 资金情况 │ 年度资金总额: │ (空) │ 500 (陕西 清涧 2021 申报表, tests/realworld, merges B6:C6 and D6:H6 undone), or
filled (取消合并并填充: 年度资金总额: │ 年度资金总额: │ 500). Before, such a line was not read (coverage rows 6–8 unread),
so no funds check had a total and F20 was lost (probe_variants unmerged / unmerged_filled: lost 2). Now the row's one
figure, past blank cells, is the pair's amount; a 预算数 │ (空) │ 6.84 │ 执行数 │ (空) │ 6.84 money row the same. What is
no funds label, or a row with more than its one figure, is not read so.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

import probe_rewrites as P
import pytest
from render import CORPUS, load_table, validated

from perfxl.grid import Grid
from perfxl.layout.funds import _single_total_line, inline_pairs

QINGJIAN = "shaanxi-qingjian-guoyuanlu-shenbao-2021"  # 资金情况 │ 年度资金总额: │ 500 (D6), 其中:财政拨款 500, 其他资金


@pytest.mark.parametrize("rewrite", ["unmerged", "unmerged_filled"])
def test_qingjian_funds_block_without_its_merges_is_read(rewrite, tmp_path):
    table, _ = P.REWRITES[rewrite](load_table(CORPUS / f"{QINGJIAN}.toml"))
    result = validated(table, tmp_path)
    assert [f for f in result.findings if f.severity.value == "error"] == []
    rows = {(x.kind, x.first, x.last) for x in result.coverage.tables[0].rows if x.first <= 8 and x.last >= 6}
    assert rows == {("funds", 6, 8)}  # before: unread
    (f20,) = [f for f in result.findings if f.code == "F20"]  # 4km × 120万元 = 480 < 500: found as on the merged form
    assert "Sheet1!D6" in [str(r) for r in f20.related] and f20.severity.value == "warning"


def _grid(*rows: list[object]) -> Grid:
    return Grid("Sheet1", [list(r) for r in rows])


def test_single_total_line_past_blank_cells():
    assert _single_total_line(_grid(["资金情况", "年度资金总额:", "", "500", "", ""]), 0) == (1, "年度资金总额", 3)
    assert _single_total_line(_grid(["资金情况", "年度资金总额:", "年度资金总额:", "500"]), 0) == (1, "年度资金总额", 3)
    # merged as published: the figure right of the label's merge, as before
    merged = Grid("Sheet1", [["资金情况", "年度资金总额:", "", "500"]], merged=((0, 1, 0, 2),))
    assert _single_total_line(merged, 0) == (1, "年度资金总额", 3)


def test_rows_that_are_no_single_funds_line():
    # a label, a blank and a note's figure: the note is no amount
    assert _single_total_line(_grid(["资金情况", "年度资金总额:", "", "注1"]), 0) is None
    # a 其中 line is no total
    assert _single_total_line(_grid(["资金情况", "其中:财政拨款", "", "500"]), 0) is None
    # a goal-text row whose text names money
    assert _single_total_line(_grid(["年度目标", "年度资金总额500万元用于道路硬化", "", "2"]), 0) is None
    # two figures on the row: which one is the amount is not guessed
    assert _single_total_line(_grid(["资金情况", "年度资金总额:", "", "500", "300"]), 0) is None


def test_inline_money_row_past_blank_cells():
    row = ["预算执行情况", "预算数:", "", "6.84", "执行数:", "", "6.84", "执行率:", "", "100%"]
    found = inline_pairs(_grid(row), 0)
    assert found == {"full_budget": (1, 3), "executed": (4, 6), "rate": (7, 9)}
    # a header row of the words (no figure beside them) stays a header
    assert inline_pairs(_grid(["预算执行情况", "预算数", "", "执行数", "", "执行率"]), 0) is None
    # a figure past the blank that is the next label's? no: the next written cell is a label, not read as the amount
    assert inline_pairs(_grid(["", "预算数:", "", "执行数:", "6.84"]), 0) is None


# ---------------------------------------------------------------- review of F20 (tables22): false 警告 paths


def _f20(tmp_path, **cells):
    """F20 on 清涧's 申报表 (4km; ≤120万元 at F16; 年度资金总额 500) with some cells retyped; never an 错误."""
    from render import variant

    result = validated(variant(QINGJIAN, cells), tmp_path)
    assert [f for f in result.findings if f.severity.value == "error"] == []
    return [f for f in result.findings if f.code == "F20"]


def test_a_standard_paid_per_month_is_not_multiplied_by_the_counts_alone(tmp_path):
    # "每公里每月养护补助标准 ≤120万元": paid each month, the year's 500 may pay it twelve times over — no finding
    assert _f20(tmp_path, D16="每公里每月养护补助标准") == []
    assert _f20(tmp_path, D16="按季度拨付的补助标准") == []
    # the yearly standard as published keeps its finding
    assert _f20(tmp_path, D16="每公里补助标准") != []


def test_several_standards_each_pricing_some_of_the_counts_are_no_finding(tmp_path):
    # 一类/二类 standards (≤130万元 and ≤100万元): 4km × 100 = 400 < 500 but the dearer km may take the 130 — unknown
    two = {"C15": "成本指标", "D15": "二类路补助标准", "F15": "≤100万元", "D16": "一类路补助标准", "F16": "≤130万元"}
    assert _f20(tmp_path, **two) == []
