"""read26 (issue 11): the reader's open cases left by session 25, and what an adversarial pass on real tables found.

1. A head field's value cut off by a break that is no bare figure ("自评得分\\n98\\n优秀", "自评得分\\n98%", "自评得分\\n优秀")
   was read as a wrapped label, the next cell's text ("财政审1度评分") taken for the score: 宁夏 银川 2021's T02 lost.
   A label wraps onto words, never onto a figure or a grade (`detect._value_after_break`).
2. 吉林's 专项经费支出绩效评价表 (a 一级 权重 column, its two-row header printed over each block) with a copy of its
   header and first rows stacked above it was read as one table: the row under the repeated header was the header's own
   second row (数据项1 │ 数据项2), so the first indicator named again under it went unseen — W02 "“预算绩效”的分值为 50
   分，其下三级指标分值合计 107 分" 错误 (`_Reader._first_row_under`).
3. An indicator named "预算执行率(%)" (a unit after the name) was no 预算执行率 row: F05 lost (probe_rewrites'
   `pct_in_header` wrote it on 宁夏 银川 2021).
4. `_whole_below` held the rows under a repeated header to the form's 100 only; the 分值 their own 总分 row prints
   is their full mark.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import pytest
from test_realworld_variants import _at

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

import probe_rewrites as P
import probe_variants as PV
from render import CORPUS, load_table, render, validated, variant
from test_review25d import _stacked, _tables

from perfxl.reader import read_submission

#: row 3: 实施第位 │ 银川市第六中学 │ 自评得分 │ 98 │ 财政审1度评分 (98 beyond any sum of its rows: T02)
_YINCHUAN = "ningxia-yinchuan-chuzhong-gongyong-2021"


def _errors(result) -> set[str]:
    return {f.code for f in result.findings if f.severity.value == "error"}


# ---------------------------------------------------------------- 1. a head value after a break


@pytest.mark.parametrize("value", ["自评得分\n98\n优秀", "自评得分\n98%", "自评得分\n98分（优秀）"])
def test_a_figure_with_its_grade_after_a_break_is_the_head_fields_value(tmp_path, value):
    """Failed before: read as a label wrapped over "财政审1度评分", which no check reads as a figure — T02 lost."""
    table = variant(_YINCHUAN, {"E3": value, "F3": ""})
    assert ("T02", "error") in _at(validated(table, tmp_path / "v"), 3)
    sub = read_submission(render(table, tmp_path / "r"))
    assert sub.evaluations[0].header["自评得分"].text.startswith("98")


def test_a_grade_alone_after_a_break_is_the_value_not_the_next_cells_text(tmp_path):
    """ "自评得分\\n优秀": the grade is what the field holds (no figure to check T02 against) — not "财政审1度评分"."""
    sub = read_submission(render(variant(_YINCHUAN, {"E3": "自评得分\n优秀", "F3": ""}), tmp_path))
    assert sub.evaluations[0].header["自评得分"].text == "优秀"


def test_a_grade_after_the_break_leaves_the_figure_in_the_next_cell_the_value(tmp_path):
    """The guard: "自评得分\\n优秀 │ 98" — the figure beside it is the score, the grade a note (T02 kept)."""
    table = variant(_YINCHUAN, {"E3": "自评得分\n优秀", "F3": "98"})
    assert ("T02", "error") in _at(validated(table, tmp_path / "v"), 3)
    assert read_submission(render(table, tmp_path / "r")).evaluations[0].header["自评得分"].text == "98"


def test_a_label_wrapped_onto_words_still_takes_the_next_cells_value(tmp_path):
    """The guard (review24d): "项目名称\\n及代码 │ 初中公用经费" is a wrapped label, its value in the next cell."""
    sub = read_submission(render(variant(_YINCHUAN, {"A2": "项目名称\n及代码"}), tmp_path))
    assert sub.evaluations[0].header["项目名称"].text == "初中公用经费"


# ---------------------------------------------------------------- 2. 吉林's stacked copies


@pytest.mark.parametrize(
    ("name", "k", "filled"),
    [
        ("jilin-fankong-pingjiabiao-2016", 1, False),
        ("jilin-fankong-pingjiabiao-2016", 2, True),
        ("jilin-changjitu-pingjiabiao-2016", 2, False),
        ("jilin-datongguan-pingjiabiao-2016", 2, True),
    ],
)
def test_a_copy_of_jilins_first_rows_stacked_above_it_is_a_table_of_its_own(tmp_path, name, k, filled):
    """Failed before: one table, W02 "“预算绩效”的分值为 50 分，其下三级指标分值合计 107 分" (and on 长吉图 W03
    "应为 100，实际为 107") — 错误 neither table has."""
    table = _stacked(name, k, filled=filled)
    assert _tables(table, tmp_path / "r") == 2
    assert not _errors(validated(table, tmp_path / "v")) & {"W02", "W03"}


def test_jilins_header_over_each_block_still_reads_one_table(tmp_path):
    """The guard: 吉林 反恐 as published — its header again over 项目产出 and 项目效果, 数据项1 │ 数据项2 under each."""
    table = load_table(CORPUS / "jilin-fankong-pingjiabiao-2016.toml")
    assert _tables(table, tmp_path / "a") == 1
    assert _tables(P.unmerged_filled(table)[0], tmp_path / "b") == 1


# ---------------------------------------------------------------- 3. 预算执行率(%)


def test_an_execution_rate_row_named_with_its_unit_keeps_f05(tmp_path):
    """宁夏 银川 2021 row 12: 预算执行率 │ 10 │ — │ 100% │ 9 — F05 (应为 10) as published; with the name printed
    "预算执行率(%)" it was lost."""
    plain = validated(variant(_YINCHUAN, {}), tmp_path / "a")
    named = validated(variant(_YINCHUAN, {"C12": "预算执行率（%）"}), tmp_path / "b")
    assert ("F05", "error") in _at(plain, 12)
    assert ("F05", "error") in _at(named, 12)


# ---------------------------------------------------------------- 4. the full mark of the rows under a repeated header


def _ezhou_of(points: str, drop_row: int) -> object:
    """湖北 鄂州 第三方 2019 (rows 15+20+15+20+15+15 = 100 under a 预算执行率 of 10, 总分 row 100 │ 90) with its
    满意度 row (row 18: 15 │ 15) left out and its 总分 row printing `points` │ 75: a form of fewer points."""
    table = copy.deepcopy(load_table(CORPUS / "hubei-ezhou-caizhengju-disanfang-2019.toml"))
    total = next(r for r, row in enumerate(table.rows) if row[0].strip() == "总分")
    table.rows[total][6], table.rows[total][7] = points, "75"
    bounds = P._bounds(table)
    del table.rows[drop_row - 1]
    at = drop_row - 1
    table.merges = P._emit(
        [(r0 - (r0 > at), c0, r1 - (r1 >= at), c1) for r0, c0, r1, c1 in bounds if (r0, r1) != (at, at)]
    )
    return table


def test_rows_under_a_repeated_header_making_the_full_mark_their_total_prints_are_a_table_of_their_own(tmp_path):
    """Its 效益 row and header stacked above it (一级 printed on every row, as "取消合并并填充" leaves it): under the
    repeated header 产出指标, a 一级 the rows above have not had, goes on — but the rows weigh 85, with the 预算执行率 10
    the 95 their own 总分 row prints: a table of their own. Failed before (held to the form's 100): joined, T02 and W03
    judged over both tables' rows."""
    base = P.unmerged_filled(_ezhou_of("95", 18))[0]
    h0, h1 = PV._header_block(base, PV._in_role(base, ("target",))[0][0])
    benefit = next(r for r, row in enumerate(base.rows) if "财政工作运行效率" in row)
    rows = [list(r) for r in base.rows[h0 : h1 + 1]] + [list(base.rows[benefit])]
    stacked = PV._insert_rows(base, h0, rows, [])[0]
    assert _tables(stacked, tmp_path / "r") == 2
    assert not _errors(validated(stacked, tmp_path / "v")) & {"T02", "W03"}
