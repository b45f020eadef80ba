"""Session 21 review (review21c, issue 12): false splits and joins of pdf21's readings in `pdf_stacked`.

pdf21 kept a section printed with its own column widths in the table above (`_section_of_above`) and began a table at
a header under a total row (`_total_above`). Prints where either reading is false:

- a 三公 or 功能分类 table whose 合计 row stands at the top, under its header, over item rows whose figures are printed
  as a dash ("因公出国（境）费 │ - │ -"): a dash is no word of a header — the rows are the table's items, one table;
- a 自评表 ending with its 总分 row, then a 基础数据表 opening with its first section's band "一、基本支出" over its own
  header row, drawn on columns of its own: a band numbered 一 begins a list, no section continuing the table above.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_pdf21 import BAND, EIGHT, FOUR, FOUR_APART, LEFT, RIGHT, _block

from perfxl.document.pdf_stacked import split_stacked

FIVE = [LEFT + 85.2 * i for i in range(6)]


def test_a_total_at_the_top_over_rows_of_dashes_stays_one_table():
    """三公 table: header 合计 │ 因公出国（境）费 │ … then the 合计 row, then the items, 因公出国（境）费's figures printed
    "-" (none spent): one table, as the .docx reads it (the dash row is no header)."""
    cells, chars = _block(
        [
            (FIVE, ["项目", "预算数", "决算数", "增减额", "增减率"]),
            (FIVE, ["合计", "11.49", "9.38", "-2.11", "-18.36%"]),
            (FIVE, ["因公出国（境）费", "-", "-", "-", "-"]),
            (FIVE, ["公务接待费", "3.04", "2.64", "-0.40", "-13.16%"]),
            (FIVE, ["公务用车购置及运行维护费", "8.45", "6.74", "-1.71", "-20.24%"]),
        ]
    )
    assert len(split_stacked(cells, chars)) == 1


def test_a_total_at_the_top_over_rows_of_long_dashes_stays_one_table():
    """The same with "—" and "/" for the figures left out."""
    cells, chars = _block(
        [
            (FIVE, ["项目", "预算数", "决算数", "增减额", "增减率"]),
            (FIVE, ["合计", "11.49", "9.38", "-2.11", "-18.36%"]),
            (FIVE, ["因公出国（境）费", "—", "—", "/", "/"]),
            (FIVE, ["公务接待费", "3.04", "2.64", "-0.40", "-13.16%"]),
        ]
    )
    assert len(split_stacked(cells, chars)) == 1


def test_a_basics_table_under_a_self_evaluation_table_is_parted():
    """自评表 (its funds rows on 4 columns, its indicators on 8, its 总分 row last), then a 基础数据表 printed back to
    back opening with its first section's band "一、基本支出" over its own header row, its 4 columns drawn apart from
    the 自评表's: two tables, as before pdf21 (a band numbered 一 begins a list — no section of the table above)."""
    rows = [
        (FOUR, ["资金（万元）", "年初预算数", "全年执行数", "执行率"]),
        (FOUR, ["年度资金总额", "100.00", "90.00", "90.00%"]),
        (EIGHT, ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"]),
        (EIGHT, ["产出指标", "数量指标", "培训人次", "≥100人次", "120人次", "20", "20", "无"]),
        ([EIGHT[0], EIGHT[5], EIGHT[6], EIGHT[8]], ["总分", "100", "95"]),
        (BAND, ["一、基本支出"]),
        (FOUR_APART, ["项目", "预算数", "执行数", "执行率"]),
        (FOUR_APART, ["人员经费", "120.00", "118.00", "98.33%"]),
    ]
    cells, chars = _block(rows)
    parts = split_stacked(cells, chars)
    assert len(parts[-1]) == 9  # the 基础数据表: its band and its two rows of four cells
    # the 自评表 above is parted as it is printed alone (prose23: each rule judged against its own part; this synthetic
    # form has no 绩效指标 label merged down beside its indicators, so alone its 8-column rows were a table of their own
    # already — only the 基础数据表's column lines below, judged with it, had kept it whole)
    alone_cells, alone_chars = _block(rows[:5])
    assert [len(p) for p in parts[:-1]] == [len(p) for p in split_stacked(alone_cells, alone_chars)]


def test_a_revenue_total_mid_table_over_the_expenditure_rows_stays_one_table():
    """收支总表 printed down the page: its 收入 rows end with 本年收入合计, then the 支出 half under its own heading row
    (支出项目 │ 决算数), then 本年支出合计: one table, as the .docx reads it — a total naming only 收入 ends the 收入
    half, not the table (the table's own total names both halves, or neither: 合计, 总计)."""
    two = [LEFT, 330.0, RIGHT]
    cells, chars = _block(
        [
            (two, ["收入项目", "决算数"]),
            (two, ["一、财政拨款收入", "307.82"]),
            (two, ["本年收入合计", "307.82"]),
            (two, ["支出项目", "决算数"]),
            (two, ["一、一般公共服务支出", "264.87"]),
            (two, ["本年支出合计", "307.82"]),
        ]
    )
    assert len(split_stacked(cells, chars)) == 1


def test_guard_a_functional_table_with_its_total_at_the_top_stays_one_table():
    """Guard (held before and after): 功能分类表 — header, then 合计 at the top, then its 类 rows headed by their codes
    (a code is a figure: no header under the total)."""
    cells, chars = _block(
        [
            (FIVE, ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]),
            (FIVE, ["", "合计", "307.82", "105.58", "202.24"]),
            (FIVE, ["201", "一般公共服务支出", "264.87", "62.63", "202.24"]),
            (FIVE, ["208", "社会保障和就业支出", "42.95", "42.95", "0.00"]),
        ]
    )
    assert len(split_stacked(cells, chars)) == 1


def test_guard_a_self_evaluation_total_score_then_a_note_row_stays_one_table():
    """Guard: a 自评表's 总分 row (no 合计/总计), then its 说明 row of words across the table: one table."""
    cells, chars = _block(
        [
            (EIGHT, ["产出指标", "数量指标", "培训人次", "≥100人次", "120人次", "20", "20", "无"]),
            ([EIGHT[0], EIGHT[5], EIGHT[6], EIGHT[8]], ["总分", "100", "95"]),
            ([EIGHT[0], EIGHT[1], EIGHT[8]], ["说明", "请在此处简要说明每项指标的评分依据"]),
        ]
    )
    assert len(split_stacked(cells, chars)) == 1
