"""Session 21 (pdf21, issue 12): a report table whose sections are printed with their own column widths.

A 自评表 or 基础数据表 typed in Word as rows of their own widths prints each section's column lines a little apart from
the section above (a "misaligned" grid). The PDF shows one ruled block whose column lines change at the section's
band, and `pdf_stacked` parted it there when the rows under the band (its header of up to three rows) held every column
line below — two tables, where the .docx reads one: the lower part lost the table's header (项目名称, the columns'
headings above). What tells a section from a second table printed back to back: the band's first cell is a section's
label ("二、项目支出", "效益指标（30分）"), no table's title and no column heading, and the section has as many columns
as a row above, each of its column lines between its neighbours' there (`pdf_stacked._section_of_above`). A second
table opening with its title ("二、一般公共预算支出决算表"), or with columns of its own, is still parted.
"""

from __future__ import annotations

import sys
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from perfxl.document.pdf_stacked import split_stacked

LEFT, RIGHT = 84.6, 510.6
#: a 基础数据表's 4 columns (项目 │ 预算数 │ 执行数 │ 执行率), its second section's drawn 6 points to the right
FOUR = [LEFT, 214.6, 314.6, 414.6, RIGHT]
FOUR_APART = [LEFT, 220.6, 320.6, 408.6, RIGHT]
#: a 自评表's 8 columns (一级 │ 二级 │ 三级 │ 指标值 │ 完成值 │ 分值 │ 得分 │ 偏差原因) and the same drawn apart
EIGHT = [LEFT + 53.25 * i for i in range(9)]
EIGHT_APART = [EIGHT[0], *(v + 5 for v in EIGHT[1:-1]), EIGHT[-1]]


def _row(top: float, edges: list[float], texts: list[str], height: float = 20.0) -> tuple[list, list]:
    cells = [(a, top, b, top + height) for a, b in pairwise(edges)]
    chars = []
    for cell, text in zip(cells, texts, strict=True):
        for k, ch in enumerate(text):
            x0 = cell[0] + 3 + 10.5 * k
            chars.append((x0 + 5.25, (cell[1] + cell[3]) / 2, cell[1] + 4, ch, x0, x0 + 10.5))
    return cells, chars


def _block(rows: list[tuple[list[float], list[str]]], top: float = 100.0) -> tuple[list, list]:
    cells: list = []
    chars: list = []
    for k, (edges, texts) in enumerate(rows):
        c, ch = _row(top + 20 * k, edges, texts)
        cells += c
        chars += ch
    return cells, chars


BAND = [LEFT, RIGHT]
BASICS_TOP = [
    (FOUR, ["项目", "预算数", "执行数", "执行率"]),
    (BAND, ["一、基本支出"]),
    (FOUR, ["人员经费", "120.00", "118.00", "98.33%"]),
    (FOUR, ["公用经费", "30.00", "29.50", "98.33%"]),
]


def test_a_section_band_drawn_apart_stays_a_section_of_the_table():
    """基础数据表: its second section "二、项目支出" over a row of headings (项目名称 │ 预算数 │ 执行数 │ 执行率) and its
    figures, the section's column lines 6 points apart from the first's: one table, as the .docx reads it (before:
    parted at the band, the 项目支出 rows read as a table of their own)."""
    rows = [
        *BASICS_TOP,
        (BAND, ["二、项目支出"]),
        (FOUR_APART, ["项目名称", "预算数", "执行数", "执行率"]),
        (FOUR_APART, ["社区治理", "200.00", "180.00", "90.00%"]),
    ]
    cells, chars = _block(rows)
    assert len(split_stacked(cells, chars)) == 1


def test_an_indicator_section_drawn_apart_stays_a_section_of_the_table():
    """自评表: the 效益指标 section's band over its rows' headings, its 8 columns drawn 5 points apart from the 产出指标
    section's: one table."""
    rows = [
        (EIGHT, ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"]),
        (EIGHT, ["产出指标", "数量指标", "培训人次", "≥100人次", "120人次", "20", "20", "无"]),
        (BAND, ["效益指标（30分）"]),
        (EIGHT_APART, ["二级指标", "三级指标", "指标值", "完成值", "分值", "得分", "原因", "措施"]),
        (EIGHT_APART, ["社会效益", "满意度", "≥90%", "95%", "30", "30", "无", "无"]),
    ]
    cells, chars = _block(rows)
    assert len(split_stacked(cells, chars)) == 1


def test_a_second_table_opening_with_its_title_is_still_parted():
    """Guard: the same print, but the band is a table's title ("二、项目支出决算表"): two tables."""
    rows = [
        *BASICS_TOP,
        (BAND, ["二、项目支出决算表"]),
        (FOUR_APART, ["项目名称", "预算数", "执行数", "执行率"]),
        (FOUR_APART, ["社区治理", "200.00", "180.00", "90.00%"]),
    ]
    cells, chars = _block(rows)
    assert len(split_stacked(cells, chars)) == 2


def test_a_section_with_columns_of_its_own_is_still_parted():
    """Guard: a section's label over a grid of another number of columns (7 under 4): two tables, as pdf20 read them."""
    seven = [LEFT + 60.857 * i for i in range(8)]
    rows = [
        *BASICS_TOP,
        (BAND, ["二、项目支出"]),
        (seven, ["类", "款", "项", "科目名称", "合计", "基本支出", "项目支出"]),
        (seven, ["201", "01", "01", "行政运行", "120.00", "120.00", "0.00"]),
    ]
    cells, chars = _block(rows)
    assert len(split_stacked(cells, chars)) == 2
