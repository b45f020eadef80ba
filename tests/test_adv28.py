"""adv28 (issue 11): benign variants that still lost findings, and new ones a printed copy shows — on real tables.

1. An empty 偏差原因 column merged down all its rows (`reason_merged_empty`): every row's D01/D02/S08 stood on the
   merge's anchor ("H8" four times, the row named in the message only), so a reviewer — and the probe — could not tell
   which row it was about: the finding now names the row's own name cell as related (`Indicator.own_row`).
2. A small table printed beside the form's first rows (`side_table_top`, 序号 │ 佐证材料名称 two empty columns right of
   the title and head): its cells joined the form's rows — the funds line, the head, the 三公 paragraph — and 12
   findings over 7 tables were lost. The sheet is read without it, the list named as unread (`layout.beside`).
3. An empty spacer column after each column (`blank_columns_between`, 15 lost over 9 tables): where a reader takes
   "the next column" — a stacked funds line's value, a headerless fragment's template, a 评分表 fragment's 分值 and
   name, a 三公 table's adjacent sources and its change columns — it steps past the spacers (`cells.spacer_columns`:
   only in a layout of them, an empty run between every two used columns; a form's own blank column keeps its place).
4. New kinds: the header printed again on every page with the page's footer "第 1 页，共 2 页" above it
   (`header_every_page`: the footer row split the table in two, the 目标表 under it a 自评表 missing its columns; read
   past as blank now, `detect._page_mark`), and a 小计 row under each 一级 group (`subtotal_per_level1`: read as an
   indicator scored in full twice — 13 new W02/T02/W03/D01 错误; a row named 小计 is the group's subtotal now).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

import probe_rewrites as P
import probe_variants as PV
from render import CORPUS, load_table

from perfxl.grid import Grid
from perfxl.layout.beside import cut_beside
from perfxl.layout.cells import spacer_columns
from perfxl.layout.detect import RowKind, classify_row, read_sheet


def _verdicts(name: str, kind: str, tmp_path: Path) -> tuple[PV.Outcome, list]:
    """probe_variants' comparison of the published table and its `kind` variant (new 错误 — the same 错误 word for
    word moved within its block is none — and lost expectations), and the variant's findings."""
    v = PV.of_corpus(name, kind, tmp_path)
    assert P.met(v.table, v.base, None), f"{name}: the published table meets none of its expectations"
    return PV.compare(v.table, v.base, v.new, v.found, v.rowmap), v.found


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        # 1. the D01 of rows 20, 27, 30 stood on H8 (the merge's anchor) only
        ("ningxia-yinchuan-chuzhong-gongyong-2021", "reason_merged_empty"),
        ("hunan-lingling-linye-2021", "reason_merged_empty"),
        # … and 金寨's S08 (3061 against ≥2000, 153%, no reason) on I12
        ("anhui-jinzhai-meilixiangcun-bumen-2023", "reason_merged_empty"),
        # 2. 陈仓's 资金金额 │ 年度资金总额 │ (空) line with the list's "3 │ 项目验收报告" on it: the funds block unread
        ("shaanxi-chencang-canlian-mubiao-2023", "side_table_top"),
        # 昌宁's 三公 paragraphs beside the list: the N01 on the text and the table's rates lost
        ("yunnan-changning-xianbenji-sangong-2015", "side_table_top"),
        ("sichuan-ganzi-shijianju-mubiao-2023", "side_table_top"),
        # 3. an empty column after each: 彭水's stacked funds value past the spacer (F02 lost), 大英's headerless
        # fragments and 不详's 评分表 fragment unread, the 三公 tables' source run and change columns cut by spacers
        ("chongqing-pengshui-jihuashengyu-2024", "blank_columns_between"),
        ("sichuan-daying-tieluyanxian-fragment", "blank_columns_between"),
        ("sichuan-daying-zuegebaozhang-fragment", "blank_columns_between"),  # its own blank column between spacers
        ("buxiang-bumen-defenbiao-fragment-2017", "blank_columns_between"),
        ("hunan-yueyangxian-wenlian-sangong-2017", "blank_columns_between"),
        ("yunnan-changning-xianbenji-sangong-2015", "blank_columns_between"),
        # the W05 on the 一级 label merged down from the header row, its anchor on the upper header row
        ("buxiang-fuwumaoyi-2020", "header_group_row"),
        # 4. the footer row split 甘孜's 目标表 in two (I05 of 完成时限 lost), 银川's (its total and D01 lost)
        ("sichuan-ganzi-shijianju-mubiao-2023", "header_every_page"),
        ("ningxia-yinchuan-chuzhong-gongyong-2021", "header_every_page"),
        # the 小计 rows read as indicators: W02/W03/D01 错误 on 稷山, T02/W03 on 天长, W02 on 中江
        ("shanxi-jishan-jiandanglika-2020", "subtotal_per_level1"),
        ("anhui-tianchang-shuihan-2022", "subtotal_per_level1"),
        ("sichuan-zhongjiang-shuibiaochi-2022", "subtotal_per_level1"),
    ],
)
def test_a_benign_variant_keeps_the_published_tables_verdicts(tmp_path, name, kind):
    outcome, _ = _verdicts(name, kind, tmp_path)
    assert not outcome.new_errors, f"new 错误 {outcome.new_errors}"
    assert not outcome.lost, f"lost {outcome.lost}"


def test_a_finding_on_a_merged_reason_names_its_own_row(tmp_path):
    """银川 2021 with its 偏差原因 merged H8:H30, empty: four D01, each on H8 and naming its own row's name cell."""
    _, found = _verdicts("ningxia-yinchuan-chuzhong-gongyong-2021", "reason_merged_empty", tmp_path)
    d01 = [f for f in found if f.code == "D01"]
    assert {f.ref.cell for f in d01} == {"H8"}
    assert sorted(f.related[0].row for f in d01) == [12, 20, 27, 30]


def test_the_subtotal_rows_are_no_indicators(tmp_path):
    """天长 2022 with a 小计 under each 一级: the indicators read are the published table's, the 总分 still 100."""
    table = load_table(CORPUS / "anhui-tianchang-shuihan-2022.toml")
    new, _ = PV.subtotal_per_level1(table)
    names = [i.name.text for ev in read_sheet(_grid(new)).evaluations for i in ev.indicators]
    assert "小计" not in names
    assert len(names) == len([i for ev in read_sheet(_grid(table)).evaluations for i in ev.indicators])


def _grid(table) -> Grid:
    from render import grid_of

    return grid_of(table)


@pytest.mark.parametrize("text", ["第 1 页，共 3 页", "第1页/共2页", "共 2 页 第 2 页", "- 3 -", "第 2 页"])
def test_a_page_footer_is_read_past(text):
    assert classify_row(Grid(name="s", rows=[[text]]), 0) is RowKind.BLANK


@pytest.mark.parametrize("text", ["第一季度完成", "页面访问量", "第 1 页数据", "3"])
def test_a_row_that_is_no_page_footer_is_not_read_past(text):
    assert classify_row(Grid(name="s", rows=[[text]]), 0) is not RowKind.BLANK


def _sheet(side_rows: int, *, gap: int = 2, form_rows: int = 8) -> Grid:
    rows = [
        ["名称", f"内容{r}", "10"] + [""] * gap + ([str(r), f"材料{r}"] if r < side_rows else [])
        for r in range(form_rows)
    ]
    return Grid(name="s", rows=rows)


def test_a_small_table_beside_the_form_is_cut_and_named_unread():
    cut, finding = cut_beside(_sheet(3))
    assert cut.n_cols == 3 and all(len(r) == 3 for r in cut.rows)
    assert finding is not None and finding.code == "LAYOUT_UNMAPPED_ROW" and finding.ref.cell == "F1:G3"


@pytest.mark.parametrize(
    "grid",
    [
        _sheet(3, gap=1),  # one empty column: a spacer inside the form
        _sheet(8),  # as tall as the form: a second table of its own, read
        _sheet(1),  # one line past the form's edge ("单位：万元"): the form's
        _sheet(0),
    ],
)
def test_what_is_no_small_table_beside_the_form_stays(grid):
    cut, finding = cut_beside(grid)
    assert cut is grid and finding is None


def _spacers(rows: list[list[object]]) -> frozenset[int]:
    return spacer_columns(Grid(name="s", rows=rows))


def test_spacers_are_read_only_in_a_layout_of_them():
    # a spacer after each column, the form's own 度量单位 (column E) blank on every row between two of them
    laid = [["名称", "", "≥", "", "", "", "95", "", "10"], ["人数", "", "≥", "", "", "", "50", "", "8"]]
    assert _spacers(laid) == {1, 3, 5, 7}
    # one blank column of a form of five: its own, no spacer
    assert _spacers([["名称", "≥", "", "95", "10"], ["人数", "≥", "", "50", "8"]]) == frozenset()
    # 阳泉's 中期 pair left blank with an empty column at B: two used columns side by side elsewhere — no layout
    assert _spacers([["项目", "", "中期", "", "年度", "25"]]) == frozenset()
    assert _spacers([["名称", "≥", "95", "10"]]) == frozenset()
