"""Session 22 (doc22, issue 12): a PDF table read whole where a second table may begin says so in the coverage.

Two tables printed back to back whose column lines only merge (or part) those above, with no total row between —
渝中 2017's and 曲前 2020's two-column 使用情况 (使用项目 │ 2017年度数量或人次) under their four-column 三公 table — print
exactly as one Word table whose rows change their column lines: nothing on the page tells them apart, and
`pdf_stacked` keeps the block whole. Now the place is named (`split_stacked`'s `unsure`: a full-width rule under a row
holding a figure, the columns below each headed by a one-row cell of text with figures under them) and the PDF reader
gives the table a coverage line (kind "stacked_unsure", 表格分界未定, with its pages and the row), its reading a guess:
findings on it are 警告 at most (`perfxl.rules._on_guessed_sheets`) — never a silent wrong join.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_pdf21 import _block as pdf21_block

from perfxl.document.pdf_stacked import split_stacked
from perfxl.layout.sheetkind import KIND_ZH
from perfxl.model import Coverage, SheetCoverage, TableCoverage
from perfxl.report._common import coverage_lines

LEFT, RIGHT = 84.6, 510.6
#: the 三公 table's 4 columns (经费项目 │ 2017年度支出 │ 支出减少情况 │ 支出减少率)
FOUR = [LEFT, 250.0, 340.0, 430.0, RIGHT]
#: the 使用情况 table's 2 columns, its line on the 三公 table's first: the grid only merges the one above
TWO = [LEFT, 250.0, RIGHT]


def _block(rows: list[tuple[list[float], list[str]]], top: float = 100.0) -> tuple[list, list]:
    """Ruled rows as test_pdf21 builds them, with narrower characters (6 points)."""
    return pdf21_block(rows, top, width=6.0)


SANGONG = [
    (FOUR, ["经费项目", "2017年度支出(万元)", "支出减少情况(万元)", "支出减少率"]),
    (FOUR, ["因公出国(境)费", "91.85", "-", "-"]),
    (FOUR, ["公务接待费", "183.19", "-", "-"]),
    (FOUR, ["“三公”经费支出", "4,333.33", "-", "-"]),
]
USE = [
    (TWO, ["使用项目", "2017年度数量或人次"]),
    (TWO, ["因公出国(境)团组数", "13"]),
    (TWO, ["公务用车保有量", "694"]),
]


def _split(rows):
    cells, chars = _block(rows)
    unsure: list = []
    parts = split_stacked(cells, chars, unsure)
    return parts, [text for _, text in unsure]


def test_a_two_column_table_under_the_sangong_table_is_named_unsure():
    """渝中 2017 printed back to back: kept whole (as before), the place named — before, nothing said so."""
    parts, unsure = _split([*SANGONG, *USE])
    assert len(parts) == 1
    assert unsure == ["使用项目 │ 2017年度数量或人次"]


def test_columns_parted_below_are_named_too():
    """The other way round: a two-column table over a four-column one on its line (each line below refines)."""
    top = [(TWO, ["使用项目", "2017年度数量或人次"]), (TWO, ["公务用车保有量", "694"])]
    parts, unsure = _split([*top, *SANGONG])
    assert len(parts) == 1
    assert unsure == ["经费项目 │ 2017年度支出(万元) │ 支出减少情况(万元) │ 支出减少率"]


def test_a_form_s_text_rows_over_its_indicator_headings_are_not_named():
    """Must NOT fire: one 自评表 whose 年度总体目标 rows (words, no figure) stand over its 绩效指标 headings on merged
    columns — the row above the rule holds no figure: a form's parts, not a table's last row of data."""
    rows = [
        (FOUR, ["年度总体目标", "预期目标", "实际完成情况", "偏差"]),
        (FOUR, ["目标1", "完成培训", "已完成", "无"]),
        (TWO, ["指标", "分值"]),
        (TWO, ["培训人次", "20"]),
    ]
    parts, unsure = _split(rows)
    assert len(parts) == 1
    assert unsure == []


def test_rows_merged_without_a_heading_row_are_not_named():
    """Must NOT fire: a table's last rows merging its columns under its figures — a row holding a figure, not
    headings ("公务用车保有量 │ 694" straight under the 三公 rows), nor a row of words with no figure under it."""
    parts, unsure = _split([*SANGONG, (TWO, ["公务用车保有量", "694"])])
    assert (len(parts), unsure) == (1, [])
    parts, unsure = _split([*SANGONG, (TWO, ["备注", "本表不含车辆购置税"])])
    assert (len(parts), unsure) == (1, [])


def test_the_same_grid_and_a_band_are_not_named():
    """Must NOT fire: a row of words on the table's own column lines (a repeated header), or a band across it."""
    _parts, unsure = _split([*SANGONG, SANGONG[0], SANGONG[1]])
    assert unsure == []
    _parts, unsure = _split([*SANGONG, ([LEFT, RIGHT], ["其中："]), SANGONG[1]])
    assert unsure == []


def test_tables_parted_as_before_are_not_named():
    """Must NOT fire: a second table that begins on columns of its own (pdf20) is parted, not named unsure."""
    seven = [LEFT + 60.857 * i for i in range(8)]
    rows = [
        *SANGONG,
        (seven, ["类", "款", "项", "科目名称", "合计", "基本支出", "项目支出"]),
        (seven, ["201", "01", "01", "行政运行", "120.00", "120.00", "0.00"]),
    ]
    parts, unsure = _split(rows)
    assert (len(parts), unsure) == (2, [])


def test_the_coverage_line_says_the_table_s_reading_is_a_guess():
    """The report's coverage line of such a table names it 表格分界未定 with the note (pages and row)."""
    note = "第1页的表格自“使用项目 │ 2017年度数量或人次”一行起列线改变"
    coverage = Coverage(
        tables=(TableCoverage("第1页 表1", "three_public"),),
        sheets=(
            SheetCoverage("第1页 表1", "three_public"),
            SheetCoverage("第1页 表1", "stacked_unsure", certain=False, read=True, note_zh=note),
        ),
    )
    line = next(line for line in coverage_lines(coverage) if line.startswith("第1页 表1"))
    assert KIND_ZH["stacked_unsure"] in line and note in line and "（推断）" in line


# ---------------------------------------------------------------- real reports printed back to back (slow)

#: 渝中 2017 and 曲前 2020: the 使用情况 table under the 三公 table, the paragraphs between left out (LibreOffice's
#: ruled export); and 财政局 2024, four tables the reader parts as the .docx (none named unsure).
REAL = ["chongqing-yuzhong-sangong-juesuan-2017", "chongqing-quqian-sangong-juesuan-2020"]
REAL += ["shanghai-putuo-caizhengju-juesuan-2024"]


@pytest.fixture(scope="module")
def stacked(tmp_path_factory):
    from test_document_pdf_parity import back_to_back_docx
    from test_document_realreport import REPORTS

    from perfxl.io.libreoffice import convert_many, soffice_path

    if soffice_path() is None:
        pytest.skip("LibreOffice (soffice) not installed")
    out = tmp_path_factory.mktemp("doc22")
    paths = []
    for name in REAL:
        fixture = tomllib.loads((REPORTS / f"{name}.toml").read_text(encoding="utf-8"))
        paths.append(back_to_back_docx(fixture, out / f"{name}.docx"))
    return dict(zip(REAL, convert_many(paths, "pdf", out / "pdf"), strict=True))


@pytest.mark.slow
@pytest.mark.libreoffice
@pytest.mark.parametrize("name", REAL)
def test_real_tables_back_to_back_say_where_they_may_part(stacked, name):
    from perfxl.document import read_document, read_source

    source = read_source(stacked[name])
    unsure = [s for s in source.unread if s.kind == "stacked_unsure"]
    if name.startswith("shanghai"):
        assert unsure == []
        return
    assert [s.sheet for s in unsure] == ["第1页 表1"]
    assert "使用项目" in unsure[0].note_zh and "第1页" in unsure[0].note_zh
    errors = [p for p in read_document(stacked[name]).problems if p.sheet == "第1页 表1" and p.severity.name == "ERROR"]
    assert errors == []


# ---------------------------------------------------------------- a 其中 list spread over paragraphs (塘子 2023 p8–p10)

from test_document_realreport import codes_at_paragraph as _at  # noqa: E402
from test_document_realreport import with_paragraph  # noqa: E402

REPORTS = Path(__file__).resolve().parent / "realworld" / "reports"
TANGZI = tomllib.loads((REPORTS / "yunnan-xundian-tangzi-sangong-2023.toml").read_text(encoding="utf-8"))
#: 塘子's p8–p10 alone, the whole ending its paragraph on "其中:", each of its two defined items a paragraph of its own
VEHICLES = [
    "2.公务用车购置及运行维护费支出4.02万元。其中:",
    "公务用车购置支出0万元,购置车辆0辆。本单位2023年度无此项支出。",
    "公务用车运行维护支出0万元,开支一般公共预算财政拨款的公务用车保有量为7辆。",
]


def _paras(paragraphs: list[str]) -> dict:
    return {"paragraphs": paragraphs}


def test_tangzi_the_items_one_paragraph_each_are_held_to_their_whole(tmp_path):
    """Failed before: [] at 塘子街道 2023 p10 (the real report, as published) — 购置 0 + 运行维护 0 = 0, the whole 4.02:
    N02 错误 at the last item's paragraph, the item that should be 4.02."""
    assert ("N02", "error") in _at(tmp_path, TANGZI, 10)
    assert _at(tmp_path, TANGZI, 9) == [] and ("N02", "error") not in _at(tmp_path, TANGZI, 8)


def test_items_that_make_their_whole_are_quiet(tmp_path):
    """Must NOT fire: the same three paragraphs with the 运行维护 amount that makes the whole (0 + 4.02 = 4.02)."""
    fixed = _paras([VEHICLES[0], VEHICLES[1], VEHICLES[2].replace("支出0万元", "支出4.02万元")])
    assert _at(tmp_path, fixed, 3) == []


def test_a_list_not_naming_every_item_or_broken_is_not_held(tmp_path):
    """Must NOT fire: only one item's paragraph (a 其中 may be partial), a paragraph between opening with no item, the
    list opened by a word other than 其中, or a whole not defined by its items (支出's 其中 may list some projects)."""
    one = _paras([VEHICLES[0], VEHICLES[1], "本单位严格控制公务用车支出。"])
    assert _at(tmp_path, one, 2) == [] and _at(tmp_path, one, 3) == []
    broken = _paras([VEHICLES[0], VEHICLES[1], "具体情况如下。", VEHICLES[2]])
    assert _at(tmp_path, broken, 4) == []
    other = _paras(["2.公务用车购置及运行维护费支出4.02万元。主要用于:", VEHICLES[1], VEHICLES[2]])
    assert _at(tmp_path, other, 3) == []
    spend = _paras(["本年度项目支出120万元。其中:", "道路维修支出50万元。", "绿化支出30万元。"])
    assert _at(tmp_path, spend, 3) == []


def test_an_item_of_another_role_is_not_held(tmp_path):
    """Must NOT fire: the items' paragraphs print their budgets (预算) under a whole that is a spending."""
    budgets = _paras([VEHICLES[0], "公务用车购置费预算0万元。", "公务用车运行维护费预算0万元。"])
    assert ("N02", "error") not in _at(tmp_path, budgets, 3)


def test_the_three_public_whole_over_its_items_and_an_item_s_own_parts(tmp_path):
    """A “三公”经费 whole, its three items one paragraph each, the 公务用车 item's own two parts between them (skipped as
    its parts): 0 + 4.02 + 7.94 = 11.96 quiet; printed 12.96 quiet too (a "0万元" printed whole may be up to 0.99 cut
    short); printed 13.96, N02 at the last item (公务接待费)."""
    paragraphs = [
        "2023年度“三公”经费支出11.96万元。其中:",
        "1.因公出国(境)费支出0万元。",
        "2.公务用车购置及运行维护费支出4.02万元。其中:",
        "公务用车购置费支出0万元。",
        "公务用车运行维护费支出4.02万元。",
        "3.公务接待费支出7.94万元。",
    ]
    assert all(("N02", "error") not in _at(tmp_path, _paras(paragraphs), k) for k in (1, 3, 5, 6))
    loose = with_paragraph(_paras(paragraphs), 1, "11.96", "12.96")
    assert ("N02", "error") not in _at(tmp_path, loose, 6)
    wrong = with_paragraph(_paras(paragraphs), 1, "11.96", "13.96")
    assert ("N02", "error") in _at(tmp_path, wrong, 6)
