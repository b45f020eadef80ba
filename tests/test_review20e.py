"""Review of pdf20's PDF readings (session 20, review20e, issue 12): false paths of the new readings.

`pdf_reader._broken_row` took a digit-free label over a bare figure across a page break for a header row over the
next page's figures and returned "no broken row" at once — even when another cell of the same row went on in words
below the seam, which shows the row was cut mid-flow. A 自评表's indicator row broken over a page break: its 三级指标
text wraps on ("完成全年监督检查" │ "任务覆盖全区街道"), its narrow 年度指标值 cell "不低于" over "95" — one value
wrapped with it. Read as two rows, the indicator lost its target (a row "不低于", a row "95" under no indicator). Now a
label over a figure is a header over the figures only when no cell of the row goes on in words.

`pdf_text.lines_between`'s `foot` reads the lines at the foot of the page before as the first table's caption lines
(pdf20): a running footer naming the report and followed by the page's number ("上海市普陀区司法局2024年度部门决算 1")
repeats word for word on no two pages, so `drop_running_heads` kept it, and it became a caption line of the next page's
first table — "2023年度“三公”经费支出决算表" under it gave no year (two years named), where the table's own page gave
2023 before pdf20 (a report printing last year's 三公 table beside this year's says which is which only there,
review15). The same words at the same height at the foot of the pages, each followed by its page's number, are a
running footer now.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_pdf20 import _cell_chars, _page, within

from perfxl.document.pdf_reader import _broken_row
from perfxl.document.pdf_text import column_lefts, drop_running_heads, lines_between
from perfxl.document.unit_above import caption_above, caption_year_above

#: A 自评表 row's 三级指标 cell (8 characters wide at 12 pt) and its narrow 年度指标值 cell (3 characters), at a page's
#: foot (above) and the next page's top (below).
ABOVE = [(0.0, 0.0, 100.0, 20.0), (100.0, 0.0, 140.0, 20.0)]
BELOW = [(0.0, 20.0, 100.0, 40.0), (100.0, 20.0, 140.0, 40.0)]


def test_a_figure_under_a_label_beside_words_going_on_is_one_broken_row():
    pairs = list(zip(ABOVE, BELOW, strict=True))
    above = _cell_chars(ABOVE[0], "完成全年监督检查") + _cell_chars(ABOVE[1], "不低于")
    below = _cell_chars(BELOW[0], "任务覆盖全区街道") + _cell_chars(BELOW[1], "95")
    assert _broken_row(pairs, within(above), below) is True
    # the order of the columns does not matter
    swapped = [(a, b) for a, b in reversed(pairs)]
    assert _broken_row(swapped, within(above), below) is True


def test_labels_over_figures_alone_stay_a_header_over_the_figures():
    """pdf20's case kept: every cell going on below is a label over a bare figure (预算数 │ 决算数 over 31.47 │ 19.86)."""
    above_cells = [(0.0, 0.0, 40.0, 20.0), (40.0, 0.0, 80.0, 20.0)]
    below_cells = [(0.0, 20.0, 40.0, 40.0), (40.0, 20.0, 80.0, 40.0)]
    pairs = list(zip(above_cells, below_cells, strict=True))
    above = _cell_chars(above_cells[0], "预算数") + _cell_chars(above_cells[1], "决算数")
    below = _cell_chars(below_cells[0], "31.47") + _cell_chars(below_cells[1], "19.86")
    assert _broken_row(pairs, within(above), below) is False


FOOTER = "上海市普陀区司法局2024年度部门决算"
BODY = "我单位2024年度“三公”经费支出决算合计12.34万元，比上年减少1.20万元。"


def _two_pages(footer: str) -> list[str]:
    """Page 1: a heading and a paragraph, its footer; page 2: a caption over a table stating its unit in its cells,
    the same footer. The caption lines `pdf_reader` reads for page 2's table."""
    p1 = _page(1, [("一、“三公”经费支出情况说明", 90, 80, 16), (BODY, 90, 110, 16), (footer.format(1), 200, 800, 10.5)])
    p2 = _page(
        2, [("2023年度“三公”经费支出决算表", 150, 72, 16), ("x", 300, 500, 12), (footer.format(2), 200, 800, 10.5)]
    )
    p2.tables = [(120.0, 400.0)]
    pages = drop_running_heads([p1, p2])
    return lines_between(pages[1], 0.0, 120.0, column_lefts(pages), (pages[0], 0.0))


def test_a_running_footer_with_the_page_number_is_no_caption_of_the_next_pages_table():
    for footer in (FOOTER + " {}", FOOTER + " - {} -", FOOTER + " 第{}页"):
        lines = _two_pages(footer)
        assert caption_above(lines) == "2023年度“三公”经费支出决算表", footer
        assert caption_year_above(lines) == "2023", footer


def test_a_line_at_the_foot_ending_in_other_figures_stays():
    """A note at each page's foot ending in a number that does not go with the page (表1 on page 1, 表3 on page 2)
    stays: no running footer."""
    p3 = _page(1, [("注：本表数据来源于表1", 90, 800, 12)])
    p4 = _page(2, [("注：本表数据来源于表3", 90, 800, 12)])
    assert [p.lines for p in drop_running_heads([p3, p4])] == [p3.lines, p4.lines]
