"""Session 20 (pdf20, issue 12): a PDF table's caption at the foot of the page before it, a header row over the next
page's figures, and a heading line before a body wrapped at a page's width.

A report's table may start at the top of a page with its caption (title, 编制单位 and unit line) left at the foot of the
page before: the PDF reader took the caption only from the table's own page, so the table had no stage (预算/决算) and
the narrative was not held to its lines — 司法局 2026's 功能分类预算表 (¶14, ¶20: two N01 错误 the .docx finds) and 宜川路
2025's 政府性基金表 (¶83) with a few lines more under the table above. Read now: the first table of a page takes the
lines at the foot of the page before (below its last table, running footer and page number left out) before its own,
as the .docx reader takes the paragraphs between two tables (`pdf_text.lines_between`'s `foot`). And a title filling
its line over an indented "编制单位：…" on a page holding only indented lines was read as one wrapped line (the column's
left edge was taken from that page alone): the left edge is now the document's (`pdf_text.column_lefts`), and an
indented line begins a line of its own, as it begins a paragraph.

A 三公 table's 预算数 │ 决算数 header row at a page's foot, its figures on the next page, was read as one row broken by
the break ("预算数31.47"): the table was no 三公 table and 宜川路's N02 错误 went. A label over a bare figure is no broken
row (`pdf_reader._broken_row`, as review19e's `_a_figure_under_a_label` for a merged cell).

The LibreOffice exports of the real reports with filler lines are compared in the slow tests below.
"""

from __future__ import annotations

import copy
import sys
import tomllib
from itertools import pairwise
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_document_pdf_parity import compare, lay_out
from test_document_realreport import REPORTS, build_docx
from test_review19e import _under_table

from perfxl.document.pdf_reader import _broken_row, _inside
from perfxl.document.pdf_text import PageText, column_lefts, lines_between, page_text
from perfxl.document.unit_above import caption_above, unit_line_above
from perfxl.io.libreoffice import convert_many, soffice_path


def _page(number: int, lines: list[tuple[str, float, float, float]], width: float = 595.0) -> PageText:
    """A page of text lines outside its tables: (text, left, top, font size), a full-width character a font size wide,
    an ASCII one half (as tests/test_wrap19.py sets them)."""
    chars = []
    for text, x, top, size in lines:
        for ch in text:
            w = size / 2 if ch.isascii() else size
            chars.append((x + w / 2, top + size / 2, top, ch, x, x + w))
            x += w
    return page_text(number, chars, [], width)


TITLE = "2026年预算单位一般公共预算支出功能分类预算表"
UNIT = "编制单位：上海市普陀区司法局 单位：元"


def test_a_caption_at_the_foot_of_the_page_before_is_the_tables():
    """司法局 2026 with three lines under its 收支总表 (published, 16 pt): the 功能分类预算表's title and unit line print at
    page 4's foot, the table at page 5's top — nothing of page 5 stands above it."""
    before = _page(
        4,
        [
            ("本页以下为附表。", 122.0, 500.0, 16.0),
            (TITLE, 122.0, 700.0, 16.0),
            (UNIT, 122.0, 730.0, 16.0),
        ],
    )
    here = _page(5, [])
    lefts = {595: 90.0}
    assert lines_between(here, 0.0, 72.0, lefts) == []
    between = lines_between(here, 0.0, 72.0, lefts, (before, 480.0))
    assert caption_above(between) == f"{TITLE}\n{UNIT}"
    assert unit_line_above(between) == UNIT
    # the lines above the table of the page before are not this table's
    assert lines_between(here, 0.0, 72.0, lefts, (before, 710.0)) == [UNIT]


def test_a_caption_broken_by_the_page_break_is_read_whole():
    """The title at page 4's foot, the 编制单位 line at page 5's top above the table."""
    before = _page(4, [(TITLE, 122.0, 730.0, 16.0)])
    here = _page(5, [(UNIT, 122.0, 72.0, 16.0)])
    between = lines_between(here, 0.0, 100.0, {595: 90.0}, (before, 0.0))
    assert caption_above(between) == f"{TITLE}\n{UNIT}"


def test_a_title_filling_its_line_over_an_indented_line_is_two_lines():
    """司法局 2026 with five to twenty lines under its 收支总表: page 5 holds only the caption's two indented lines above the
    table. The title (indented two characters) runs nearly to the column's right edge; taken from that page alone the
    column began at the indent, so the title seemed to fill it and the 编制单位 line to go on from it — one line, no
    caption the stage could be read from. The document's column begins at 90 pt: the 编制单位 line is indented."""
    page = _page(5, [(TITLE, 122.0, 80.0, 16.0), (UNIT, 122.0, 110.0, 16.0)])
    body = _page(4, [("一、部门基本情况", 90.0, 80.0, 16.0)])
    lefts = column_lefts([body, page])
    assert lefts == {595: 90.0}
    assert lines_between(page, 0.0, 140.0, lefts) == [TITLE, UNIT]


def _cell_chars(cell: tuple[float, float, float, float], text: str, size: float = 12.0) -> list[tuple]:
    x, top = cell[0] + 2.0, cell[3] - size - 2.0
    out = []
    for ch in text:
        w = size / 2 if ch.isascii() else size
        out.append((x + w / 2, top + size / 2, top, ch, x, x + w))
        x += w
    return out


def within(chars: list[tuple]):
    """A cell's characters among `chars`: what `_broken_row` is handed for the part above the seam (sec25)."""
    return lambda cell: _inside(cell, chars)


def test_a_header_row_over_the_next_pages_figures_is_no_broken_row():
    """宜川路 2025's 三公 table with five lines more above it: its 预算数 │ 决算数 row ends page 4 (each label filling its
    narrow cell to the seam), the figures 31.47 │ 19.86 begin page 5 — two rows, not "预算数31.47"."""
    above = [(0.0, 0.0, 40.0, 20.0), (40.0, 0.0, 80.0, 20.0)]
    below = [(0.0, 20.0, 40.0, 40.0), (40.0, 20.0, 80.0, 40.0)]
    pairs = list(zip(above, below, strict=True))
    chars_above = _cell_chars(above[0], "预算数") + _cell_chars(above[1], "决算数")
    assert (
        _broken_row(pairs, within(chars_above), _cell_chars(below[0], "31.47") + _cell_chars(below[1], "19.86"))
        is False
    )
    # a label's wrap going on in words is still one row broken by the break
    assert (
        _broken_row(pairs, within(chars_above), _cell_chars(below[0], "(万元)") + _cell_chars(below[1], "(万元)"))
        is True
    )


# ---------------------------------------------------------------- the LibreOffice exports (slow)

SIFAJU = "shanghai-putuo-sifaju-danwei-yusuan-2026"
YICHUAN = "shanghai-putuo-yichuan-juesuan-2025"
FILLER = "本页以下为附表。"
#: (fixture, layout, filler lines under its first table): the caption at the page's foot (司法局 3), the title at the
#: foot and the unit line at the top (司法局 4), a page of indented caption lines (司法局 5), the 基金表's caption at the
#: foot (宜川路 1), the 三公 table's 预算数 row at the foot (宜川路 5) — as LibreOffice set them when written.
VARIANTS = [(SIFAJU, "published", 3), (SIFAJU, "published", 4), (SIFAJU, "published", 5), (YICHUAN, "ruled", 1)]
VARIANTS += [(YICHUAN, "ruled", 5)]


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    if soffice_path() is None:
        pytest.skip("LibreOffice (soffice) not installed")
    out = tmp_path_factory.mktemp("pdf20")
    rows = []
    for name, layout, lines in VARIANTS:
        base = tomllib.loads((REPORTS / f"{name}.toml").read_text(encoding="utf-8"))
        fixture = _under_table(copy.deepcopy(base), 0, [FILLER] * lines)
        path = out / f"{name}-{layout}-{lines}.docx"
        build_docx(fixture, path)
        lay_out(path, layout, fixture)
        rows.append((fixture, path))
    pdfs = convert_many([r[1] for r in rows], "pdf", out / "pdf")
    return {v: (fixture, path, pdf) for v, (fixture, path), pdf in zip(VARIANTS, rows, pdfs, strict=True)}


@pytest.mark.libreoffice
@pytest.mark.slow
@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: f"{v[0].split('-')[2]}-{v[1]}-{v[2]}")
def test_the_pdf_reads_each_tables_caption_and_rows_as_the_docx(exported, variant):
    from perfxl.document import read_source

    fixture, docx_path, pdf_path = exported[variant]
    captions = sorted(g.caption_above for g in read_source(docx_path).grids)
    assert sorted(g.caption_above for g in read_source(pdf_path).grids) == captions
    assert compare(fixture, docx_path, pdf_path) == []


# ---------------------------------------------------------------- a heading over a body wrapped at a page's width

#: 浙江 专项债券 2023: the heading (23 characters, 22 ems) and its body as published.
HEADING = "2023年度新增地方政府专项债券项目绩效评价情况"
BODY = (
    "我单位2023年新增地方政府专项债券项目3个,争取债券资金1.69亿元。为加强专项债券项目绩效管理,提高专项债券资金使用效益,"
    "根据《浙江省地方政府专项债券项目资金绩效管理办法》(浙财债〔2022〕24号),我单位从决策、管理、产出和效益等方面对2023年"
    "新增地方政府专项债券项目进行绩效自评,评价结果如下:"
)


def _facts(plain: str) -> list[tuple]:
    from perfxl.document.facts import extract_facts

    return [(f.subject, f.quantity.value) for f in extract_facts(plain).facts]


def test_a_heading_short_of_the_wrapped_bodys_width_stays_a_break():
    """Set with a manual break over its body wrapped at 28 characters, the heading ran into the body (it is longer than
    60% of the body's first line), and "3个" got the subject "…绩效评价情况我单位2023年新增地方政府专项债券项目". The
    body's lines but its last run to one width (28-30 characters, 25-27.5 ems); the heading stops 3 short of every one:
    it ends short of the page, a heading's end."""
    from test_realreport_rewrites import wrapped

    from perfxl.document.plain_text import plain_narrative

    typed = f"{HEADING}\n{wrapped(BODY, 28)}"
    assert plain_narrative(typed) == f"{plain_narrative(HEADING)}\n{plain_narrative(BODY)}"
    assert ("新增地方政府专项债券项目", 3) in _facts(plain_narrative(typed))


@pytest.mark.parametrize(
    "typed",
    [
        # a sentence's first line two characters short (its indent typed as spaces, stripped) still goes on
        "上海市普陀区规划和自然资源局年度财政拨款\n收入支出总计9746.50万元与2023年度相比财政拨\n款收入支出总计增加1193.20万元增长百分之十三\n主要原因是项目支出增加。",
        # lines of a narrow column (20 characters or fewer) show no page's width
        "2023年度新增地方政府专项\n我单位2023年新增地方政府专项\n债券项目3个争取债券资金1.69亿\n元。",
    ],
    ids=["indent", "narrow"],
)
def test_a_line_as_long_as_the_pages_lines_goes_on(typed):
    from perfxl.document.plain_text import plain_narrative

    assert "\n" not in plain_narrative(typed)


# ---------------------------------------------------------------- two tables back to back, the lower with a header block

FOUR = [84.6 + 108 * i for i in range(5)]  # a 收支总表's 4 columns on an A4 text width
SEVEN = [84.6 + 61.7 * i for i in range(8)]  # a 功能分类预算表's 7 (类 │ 款 │ 项 │ 名称 │ 合计 │ 基本 │ 项目)


def _cells(top: float, edges: list[float], height: float = 20.0) -> list[tuple[float, float, float, float]]:
    return [(a, top, b, top + height) for a, b in pairwise(edges)]


def _text(cells, text: str) -> list[tuple]:
    return [((c[0] + c[2]) / 2, (c[1] + c[3]) / 2, c[1], text, c[0] + 5, c[0] + 15) for c in cells]


def _functional_header(top: float, label_down: float = 0.0) -> tuple[list, list]:
    """The 功能分类预算表's header under a rule at `top`: 项目 │ 一般公共预算支出 over 科目编码 │ 科目名称 (merged down) │ 合计 │
    基本支出 │ 项目支出 over 类 │ 款 │ 项; `label_down`: 科目名称 reaches that much further down (into the rows below)."""
    row1 = [(SEVEN[0], top, SEVEN[4], top + 20), (SEVEN[4], top, SEVEN[7], top + 20)]
    row2 = [(SEVEN[0], top + 20, SEVEN[3], top + 40), (SEVEN[3], top + 20, SEVEN[4], top + 60 + label_down)]
    row2 += [(SEVEN[k], top + 20, SEVEN[k + 1], top + 60) for k in (4, 5, 6)]
    row3 = _cells(top + 40, SEVEN[:4])
    chars = _text(row1, "项目") + _text(row2, "科目") + _text(row3, "类")
    return row1 + row2 + row3, chars


def test_a_table_under_a_header_block_is_read_apart_from_the_table_above():
    """Two tables with nothing between (their rules touch): a 4-column 收支总表 and a 7-column 功能分类预算表 whose header
    is three rows of text with cells merged across and down. Every column line below stands in the header, no header
    cell reaches into the rows of figures: the rule above it begins a table (before, only a one-row header parted)."""
    from perfxl.document.pdf_stacked import split_stacked

    upper = _cells(100, FOUR) + _cells(120, FOUR)
    head, head_chars = _functional_header(140)
    rows = _cells(200, SEVEN) + _cells(220, SEVEN)
    chars = _text(upper, "收入") + head_chars + _text(rows, "208")
    assert [len(part) for part in split_stacked(upper + head + rows, chars)] == [8, 24]


def test_a_label_merged_down_beside_the_figures_keeps_one_table():
    """The same print but 科目名称 merged down beside the first row of figures (as a 自评表's 绩效指标 hangs beside its
    indicators): a section of the table above, not a header of its own."""
    from perfxl.document.pdf_stacked import split_stacked

    upper = _cells(100, FOUR) + _cells(120, FOUR)
    head, head_chars = _functional_header(140, label_down=20.0)
    rows = _cells(200, SEVEN[:3]) + _cells(200, SEVEN[4:]) + _cells(220, SEVEN)
    chars = _text(upper, "收入") + head_chars + _text(rows, "208")
    assert len(split_stacked(upper + head + rows, chars)) == 1
