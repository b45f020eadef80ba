"""Three tables printed back to back (issue 12, session 23, prose23): each rule judged against its own part.

`pdf_stacked` judged a full-width rule against every row below it down to the block's end, so where three tables
stand in one ruled block the rule between the first and the second was held against the third table's column lines
too — which the second table's header does not hold — and stayed inside one table (宜川路 2025's 功能分类表, 三公 table
and 政府性基金 table; 十泉路 单位预算 2026's 功能分类表, 基金表 and 基本支出表; doc22's 社会工作部 reasoning). Now each part is
parted again until none is: the rule is judged against the rows down to the end of its own part.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_pdf21 import LEFT, RIGHT, _block

from perfxl.document.pdf_stacked import split_stacked

#: a 功能分类表's 5 columns (科目编码 │ 科目名称 │ 合计 │ 基本支出 │ 项目支出)
FIVE = [LEFT, 171.0, 257.4, 343.8, 430.2, RIGHT]
#: a 三公 table's 12 columns (预算数 │ 决算数 for each of its six heads)
TWELVE = [LEFT + (RIGHT - LEFT) / 12 * i for i in range(13)]
#: a 政府性基金 table's 5 columns, drawn on lines of its own
FIVE_OTHER = [LEFT, 138.6, 246.6, 354.6, 462.6, RIGHT]
BAND = [LEFT, RIGHT]

FUNCTIONAL = [
    (FIVE, ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]),
    (FIVE, ["2010301", "行政运行", "5,043.65", "5,043.65", "0.00"]),
    (FIVE, ["合计", "合计", "20,218.21", "14,107.46", "6,110.76"]),
]
SANGONG = [
    (BAND, ["财政拨款“三公”经费"]),
    (TWELVE, ["预算数", "决算数"] * 6),
    (TWELVE, ["31.47", "19.86", "0.00", "0.00", "30.67", "19.56", "0.00", "0.00", "30.67", "19.56", "0.80", "0.30"]),
]
FUND = [
    (FIVE_OTHER, ["项目", "年初结转", "本年收入", "本年支出", "年末结转"]),
    (FIVE_OTHER, ["城乡社区支出", "0.00", "105.00", "105.00", "0.00"]),
]


def _parts(rows: list) -> list[int]:
    cells, chars = _block(rows)
    return [len(part) for part in split_stacked(cells, chars)]


def _cells(rows: list) -> int:
    return sum(len(edges) - 1 for edges, _ in rows)


def test_three_tables_back_to_back_are_read_as_three():
    """Failed before: two parts (the 功能分类表 with the 三公 table, then the 基金 table) — the rule under the 合计 row was
    held against the 基金 table's column lines, which the 三公 header lacks."""
    assert _parts(FUNCTIONAL + SANGONG + FUND) == [_cells(FUNCTIONAL), _cells(SANGONG), _cells(FUND)]


def test_two_of_them_are_read_as_before():
    """The pairs alone were parted before too: the fix changes only what lies below the next table."""
    assert _parts(FUNCTIONAL + SANGONG) == [_cells(FUNCTIONAL), _cells(SANGONG)]
    assert _parts(SANGONG + FUND) == [_cells(SANGONG), _cells(FUND)]


def test_one_table_over_a_second_stays_whole_where_it_was_whole():
    """Must NOT part: the 功能分类表's rows refine nothing and hold no header under a total row; a table whose rows change
    their columns without a total or heading row between stays one even with a table parted below it."""
    rows = [
        (FIVE, ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]),
        (FIVE, ["2010301", "行政运行", "5,043.65", "5,043.65", "0.00"]),
        (TWELVE, ["1.00"] * 12),
    ]
    assert _parts(rows) == [_cells(rows)]
    assert _parts(rows + FUND) == [_cells(rows), _cells(FUND)]


# ---------------------------------------------------------------- a title band over a header of three rows

SIX = TWELVE[::2]
#: a 功能分类表 whose 合计 row stands at its top (上海 决算 reports): its last row is an item, no total
TOTAL_ON_TOP = [
    (FIVE, ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]),
    (FIVE, ["合计", "合计", "26,538.47", "9,800.36", "16,738.11"]),
    (FIVE, ["2210203", "购房补贴", "191.93", "191.93", "0.00"]),
]
#: the 三公 table: its title band, then three header rows, then its figures
SANGONG_HEADED = [
    (BAND, ["财政拨款“三公”经费"]),
    (SIX, ["合计", "因公出国（境）费", "公务用车购置及运行维护费", "小计", "运行维护费", "公务接待费"]),
    (SIX, ["合计", "出国", "用车", "小计", "运行", "接待"]),
    (TWELVE, ["预算数", "决算数"] * 6),
    (TWELVE, ["11.49", "3.04", "0", "0", "9.38", "2.64", "0", "0", "9.38", "2.64", "2.11", "0.40"]),
]


def test_a_title_band_over_a_three_row_header_begins_the_table_below():
    """Failed before: the band "财政拨款“三公”经费" stayed the last row of the 功能分类表 above (文旅局 2025 决算, 生态环境局
    2025 决算: the 三公 table read without its title) — a band of words across the block over a header of three rows is
    the header's first row; a header was at most three rows counting the band."""
    assert _parts(TOTAL_ON_TOP + SANGONG_HEADED) == [_cells(TOTAL_ON_TOP), _cells(SANGONG_HEADED)]


def test_a_band_over_more_rows_of_words_or_a_section_band_is_not_a_title():
    """Must NOT move: a band over four header rows is no title band (the rows parted where they were before), and a section's band
    ("二、项目支出") over rows drawn on the columns above stays a section of the table above."""
    long_head = [*SANGONG_HEADED[:3], SANGONG_HEADED[2], *SANGONG_HEADED[3:]]
    assert _parts(TOTAL_ON_TOP + long_head)[0] == _cells(TOTAL_ON_TOP) + 1  # the band left above, as before
    section = [
        (BAND, ["二、项目支出"]),
        (FIVE, ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]),
        (FIVE, ["2210201", "住房公积金", "403.71", "403.71", "0.00"]),
    ]
    assert _parts(TOTAL_ON_TOP + section) == [_cells(TOTAL_ON_TOP + section)]


# ---------------------------------------------------------------- the real reports printed back to back (slow)

#: 宜川路 2025 决算 and 十泉路 2026 单位预算: with the paragraphs between their tables left out (LibreOffice's ruled export),
#: each table read cell for cell as the .docx reads it (bench/pdf_back_to_back.py: 2 of 4 and 3 of 5 before).
REAL = ["shanghai-putuo-yichuan-juesuan-2025", "shanghai-putuo-shiquan-danwei-yusuan-2026"]
#: 文旅局 2025 决算: its 三公 table's title band (1 of 3 before)
REAL += ["shanghai-putuo-wenlv-juesuan-2025"]


@pytest.fixture(scope="module")
def back_to_back(tmp_path_factory):
    from test_document_pdf_parity import back_to_back_docx
    from test_document_realreport import REPORTS

    from perfxl.io.libreoffice import convert_many, soffice_path

    if soffice_path() is None:
        pytest.skip("LibreOffice (soffice) not installed")
    out = tmp_path_factory.mktemp("prose23")
    docs = []
    for name in REAL:
        fixture = tomllib.loads((REPORTS / f"{name}.toml").read_text(encoding="utf-8"))
        docs.append(back_to_back_docx(fixture, out / f"{name}.docx"))
    return dict(zip(REAL, zip(docs, convert_many(docs, "pdf", out / "pdf"), strict=True), strict=True))


def _cells_of(path: Path) -> list[list[list[str]]]:
    from perfxl.document import read_source

    return [[["".join(str(v or "").split()) for v in row] for row in g.rows] for g in read_source(path).grids]


@pytest.mark.slow
@pytest.mark.libreoffice
@pytest.mark.parametrize("name", REAL)
def test_real_tables_back_to_back_are_read_as_the_docx(back_to_back, name):
    docx_path, pdf_path = back_to_back[name]
    assert _cells_of(pdf_path) == _cells_of(docx_path)
