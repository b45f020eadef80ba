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
import tomllib
from itertools import pairwise
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_document_pdf_parity import back_to_back_docx
from test_document_realreport import REPORTS

from perfxl.document import read_source
from perfxl.document.pdf_stacked import split_stacked
from perfxl.io.libreoffice import convert_many, soffice_path

LEFT, RIGHT = 84.6, 510.6
#: a 基础数据表's 4 columns (项目 │ 预算数 │ 执行数 │ 执行率), its second section's drawn 6 points to the right
FOUR = [LEFT, 214.6, 314.6, 414.6, RIGHT]
FOUR_APART = [LEFT, 220.6, 320.6, 408.6, RIGHT]
#: a 自评表's 8 columns (一级 │ 二级 │ 三级 │ 指标值 │ 完成值 │ 分值 │ 得分 │ 偏差原因) and the same drawn apart
EIGHT = [LEFT + 53.25 * i for i in range(9)]
EIGHT_APART = [EIGHT[0], *(v + 5 for v in EIGHT[1:-1]), EIGHT[-1]]


def _row(top: float, edges: list[float], texts: list[str], width: float = 10.5) -> tuple[list, list]:
    """One ruled row 20 points high: a cell between each pair of edges, its text's characters `width` apart."""
    cells = [(a, top, b, top + 20.0) for a, b in pairwise(edges)]
    chars = []
    for cell, text in zip(cells, texts, strict=True):
        for k, ch in enumerate(text):
            x0 = cell[0] + 3 + width * k
            chars.append((x0 + width / 2, (cell[1] + cell[3]) / 2, cell[1] + 4, ch, x0, x0 + width))
    return cells, chars


def _block(rows: list[tuple[list[float], list[str]]], top: float = 100.0, width: float = 10.5) -> tuple[list, list]:
    """Ruled rows stacked from `top`, as the PDF reader's page cells and characters."""
    cells: list = []
    chars: list = []
    for k, (edges, texts) in enumerate(rows):
        c, ch = _row(top + 20 * k, edges, texts, width)
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


# ---------------------------------------------------------------- two tables back to back: a header under a total row

SEVEN = [LEFT + 61.7 * i for i in range(8)]  # a 上海 预算 report's 7-column tables, drawn alike (one template)


def _functional_head(top: float) -> tuple[list, list]:
    """The 功能分类预算表's header: 项目 │ 一般公共预算支出 over 功能分类科目编码 │ 科目名称 │ 合计 │ 基本支出 │ 项目支出 over 类 │ 款
    │ 项 — every cell one row, filled."""
    cells = [(SEVEN[0], top, SEVEN[4], top + 20), (SEVEN[4], top, SEVEN[7], top + 20)]
    cells += [(SEVEN[0], top + 20, SEVEN[3], top + 40)] + [(a, top + 20, b, top + 40) for a, b in pairwise(SEVEN[3:])]
    cells += [(a, top + 40, b, top + 60) for a, b in pairwise(SEVEN[:4])]
    texts = [
        "项目",
        "一般公共预算支出",
        "功能分类科目编码",
        "科目名称",
        "合计",
        "基本支出",
        "项目支出",
        "类",
        "款",
        "项",
    ]
    chars = []
    for cell, text in zip(cells, texts, strict=True):
        chars += _row(cell[1], [cell[0], cell[2]], [text])[1]
    return cells, chars


def test_a_header_under_a_total_row_begins_a_table_drawn_on_the_same_columns():
    """上海 预算 reports print the 收支总表 (its total row 合计 │ 86,959,408.34 │ …) and the 功能分类预算表 on the same 7
    column lines; back to back, the rule under the total row begins the 功能分类 table: its header (three rows, every
    cell filled) stands under a table's last row. Before: one table (the grids refine each other)."""
    upper, upper_chars = _block(
        [
            (SEVEN, ["项目", "预算数", "项目", "合计", "人员经费", "公用经费", "项目支出"]),
            (
                SEVEN,
                ["一般公共预算", "86,959,408.34", "公共安全", "79,189,400.34", "12,604,173", "1,744,680", "64,840,547"],
            ),
            (SEVEN, ["合计", "86,959,408.34", "合计", "86,959,408.34", "20,374,181", "1,744,680", "64,840,547"]),
        ]
    )
    head, head_chars = _functional_head(160)
    rows, row_chars = _block([(SEVEN, ["204", "06", "01", "行政运行", "14,348,853.34", "14,348,853.34", "0.00"])], 220)
    parts = split_stacked(upper + head + rows, upper_chars + head_chars + row_chars)
    assert [len(p) for p in parts] == [21, 17]


def test_a_four_row_header_under_a_total_row_begins_a_table():
    """社会工作部 2024: the 功能分类 table's 合计 row, then the 三公 table's four header rows (财政拨款“三公”经费 over 合计 │
    因公出国 │ 公务用车购置及运行维护费 │ 公务接待费 over 小计 │ 购置费 │ 运行维护费 over 预算数 │ 决算数 …) and its figures."""
    five = [LEFT + 85.2 * i for i in range(6)]
    six = [LEFT + 71 * i for i in range(7)]
    upper, upper_chars = _block(
        [
            (five, ["功能分类科目编码", "科目名称", "合计", "基本支出", "项目支出"]),
            (five, ["201", "一般公共服务支出", "264.87", "62.63", "202.24"]),
            (five, ["", "合计", "307.82", "105.58", "202.24"]),
        ]
    )
    head = [(LEFT, 160.0, RIGHT, 180.0)]
    head += [(six[0], 180, six[2], 220), (six[2], 180, six[4], 200), (six[4], 180, six[6], 220)]
    head += [(six[2], 200, six[3], 220), (six[3], 200, six[4], 220)]
    head += [(a, 220, b, 240) for a, b in pairwise(six)]
    texts = ["财政拨款“三公”经费", "合计", "公务用车购置及运行维护费", "公务接待费", "购置费", "运行维护费"]
    texts += ["预算数", "决算数", "预算数", "决算数", "预算数", "决算数"]
    head_chars = [
        ch for cell, text in zip(head, texts, strict=True) for ch in _row(cell[1], [cell[0], cell[2]], [text])[1]
    ]
    rows, row_chars = _block([(six, ["11.49", "3.04", "9.38", "2.64", "2.11", "0.40"])], 240)
    parts = split_stacked(upper + head + rows, upper_chars + head_chars + row_chars)
    assert [len(p) for p in parts] == [15, 18]


def test_rows_left_blank_under_a_total_row_are_no_header():
    """Guard: a 收支总表's 本年收入合计 row, then 使用非财政拨款结余 │ ␣ │ 结余分配 │ ␣ and 年初结转和结余 │ ␣ │ 年末结转和结余
    │ ␣ (rows whose figures are left blank), then 总计: one table."""
    four = [LEFT, 193.0, 301.0, 409.0, RIGHT]
    cells, chars = _block(
        [
            (four, ["项目", "决算数", "项目", "决算数"]),
            (four, ["本年收入合计", "307.82", "本年支出合计", "307.82"]),
            (four, ["使用非财政拨款结余", "", "结余分配", ""]),
            (four, ["年初结转和结余", "", "年末结转和结余", ""]),
            (four, ["总计", "307.82", "总计", "307.82"]),
        ]
    )
    assert len(split_stacked(cells, chars)) == 1


def test_a_headers_total_merged_down_ends_no_table():
    """Guard: a 三公 table's header whose 合计 is merged down to the 预算数 │ 决算数 row: no figure beside it, no total
    row — the 预算数 │ 决算数 row stays in the header."""
    six = [LEFT + 71 * i for i in range(7)]
    head = [(six[0], 100, six[2], 140), (six[2], 100, six[4], 120), (six[4], 100, six[6], 140)]
    head += [(six[2], 120, six[3], 140), (six[3], 120, six[4], 140)]
    head += [(a, 140, b, 160) for a, b in pairwise(six)]
    texts = ["合计", "公务用车购置及运行维护费", "公务接待费", "购置费", "运行维护费"]
    texts += ["预算数", "决算数", "预算数", "决算数", "预算数", "决算数"]
    chars = [ch for cell, text in zip(head, texts, strict=True) for ch in _row(cell[1], [cell[0], cell[2]], [text])[1]]
    rows, row_chars = _block([(six, ["11.49", "3.04", "9.38", "2.64", "2.11", "0.40"])], 160)
    assert len(split_stacked(head + rows, chars + row_chars)) == 1


# ---------------------------------------------------------------- real reports, their tables printed back to back (slow)

#: Real reports whose tables, printed back to back (the paragraphs between them left out, LibreOffice's export of the
#: ruled layout), the PDF reader read as fewer tables than the .docx before: 司法局 2026 (3 tables as 1), 规划和自然资源局
#: 2024 (4 as 3, none whole), 政府办 2025 (3 as 2).
STACKED = ["shanghai-putuo-sifaju-danwei-yusuan-2026", "shanghai-putuo-guihuaziyuan-juesuan-2024"]
STACKED += ["shanghai-putuo-zhengfuban-yusuan-2025"]


@pytest.fixture(scope="module")
def stacked(tmp_path_factory):
    if soffice_path() is None:
        pytest.skip("LibreOffice (soffice) not installed")
    out = tmp_path_factory.mktemp("pdf21")
    paths = []
    for name in STACKED:
        fixture = tomllib.loads((REPORTS / f"{name}.toml").read_text(encoding="utf-8"))
        paths.append(back_to_back_docx(fixture, out / f"{name}.docx"))
    pdfs = convert_many(paths, "pdf", out / "pdf")
    return dict(zip(STACKED, zip(paths, pdfs, strict=True), strict=True))


def _cells_of(path: Path) -> list[list[list[str]]]:
    return [[["".join(str(v or "").split()) for v in row] for row in g.rows] for g in read_source(path).grids]


@pytest.mark.slow
@pytest.mark.libreoffice
@pytest.mark.parametrize("name", STACKED)
def test_tables_printed_back_to_back_are_read_as_the_docx(stacked, name):
    docx_path, pdf_path = stacked[name]
    assert _cells_of(pdf_path) == _cells_of(docx_path)
