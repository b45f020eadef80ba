"""Two ruled tables printed back to back (issue 12): the PDF shows one ruled block — the tables' rules touch and
an untagged PDF marks no table boundary — and the reader parts it where a full-width rule starts another column
grid under a row of column headings, so each table is read as the .docx reads it.

The documents are the real reports' own tables (tests/realworld/reports/*.toml, built by `build_docx`, given
Word's Table Grid borders as tests/test_document_pdf_parity.py does) exported by headless LibreOffice; the
single tables that must stay whole are built on one Word table grid with merges, the way a 自评表 template is.
"""

from __future__ import annotations

import sys
import tomllib
from itertools import pairwise
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_document_pdf_parity import lay_out
from test_document_realreport import REPORTS, build_docx

from perfxl.document import read_source
from perfxl.io.libreoffice import convert_many, soffice_path

#: Real reports whose two tables build_docx sets back to back, no paragraph between them.
STACKED = (
    "unknown-jichushujubiao-2018",
    "unknown-bumen-zhengti-defenbiao-2017",
    "sichuan-daying-shuangxin-wenming-2020",
)


def _cells(grid) -> list[list[str]]:
    return [["".join(str(v or "").split()) for v in row] for row in grid.rows]


def _one_table_docx(path: Path, header_label_merged: bool) -> Path:
    """One Word table on a 12-column grid: a 6-column part (cells two grid columns wide) over a 4-column part
    (three wide) under its own heading row — in print exactly two tables of 6 and 4 columns back to back. With
    `header_label_merged` the lower part's first column is a label merged down over its heading row and the
    rows under it (绩效指标 beside 一级指标 …), as the 自评表 templates print it."""
    import docx

    d = docx.Document()
    d.add_paragraph("项目支出绩效自评表")
    upper = [["项目名称", "乡村道路", "主管部门", "交通局", "实施单位", "交通局"]] + [
        [f"资金{n}", "100", "100", "100", "10", "10"] for n in range(1, 4)
    ]
    lower = [["绩效指标", "一级指标", "三级指标", "分值"]] + [["", "产出指标", f"指标{n}", "10"] for n in range(1, 4)]
    table = d.add_table(rows=len(upper) + len(lower), cols=12)
    table.style = "Table Grid"
    for r, row in enumerate(upper):
        for c, text in enumerate(row):
            cell = table.cell(r, 2 * c).merge(table.cell(r, 2 * c + 1))
            cell.text = text
    for k, row in enumerate(lower):
        r = len(upper) + k
        for c, text in enumerate(row):
            cell = table.cell(r, 3 * c).merge(table.cell(r, 3 * c + 2))
            if text:
                cell.text = text
    if header_label_merged:
        top = len(upper)
        table.cell(top, 0).merge(table.cell(top + len(lower) - 1, 0))
    d.save(str(path))
    return path


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    if soffice_path() is None:
        pytest.skip("LibreOffice (soffice) not installed")
    out = tmp_path_factory.mktemp("stacked")
    docs = []
    for stem in STACKED:
        fixture = tomllib.loads((REPORTS / f"{stem}.toml").read_text(encoding="utf-8"))
        path = out / f"{stem}.docx"
        build_docx(fixture, path)
        lay_out(path, "ruled", fixture)
        docs.append(path)
    docs.append(_one_table_docx(out / "one-table-label.docx", header_label_merged=True))
    return dict(
        zip((p.stem for p in docs), zip(docs, convert_many(docs, "pdf", out / "pdf"), strict=True), strict=True)
    )


@pytest.mark.libreoffice
@pytest.mark.slow
@pytest.mark.parametrize("stem", STACKED)
def test_two_tables_printed_back_to_back_are_read_as_the_two_tables(exported, stem):
    docx_path, pdf_path = exported[stem]
    word = [_cells(g) for g in read_source(docx_path).grids]
    pdf = read_source(pdf_path)
    assert len(word) == 2
    assert [_cells(g) for g in pdf.grids] == word
    assert [g.name for g in pdf.grids][1] in ("第1页 表2", "第2页 表1")


@pytest.mark.libreoffice
@pytest.mark.slow
def test_one_table_whose_lower_part_hangs_under_a_merged_label_stays_one_table(exported):
    """The 自评表 shape: the rule above 绩效指标 runs the full width and the column lines change there, but the
    label is merged down beside the heading row — a row of the same table, not another table's first row."""
    docx_path, pdf_path = exported["one-table-label"]
    pdf = read_source(pdf_path)
    assert len(read_source(docx_path).grids) == len(pdf.grids) == 1
    cells = _cells(pdf.grids[0])
    assert cells[0][0] == "项目名称" and "绩效指标" in cells[4] and "指标3" in cells[-1]


def _row(top: float, edges: list[float], height: float = 20.0) -> list[tuple[float, float, float, float]]:
    return [(a, top, b, top + height) for a, b in pairwise(edges)]


SIX = [84.6 + 72 * i for i in range(7)]  # the real reports' 6-column table on an A4 text width
FOUR = [84.6 + 108 * i for i in range(5)]  # … and the 4-column one under it


def _chars(cells, text: str) -> list[tuple]:
    return [((c[0] + c[2]) / 2, (c[1] + c[3]) / 2, c[1], text, c[0] + 5, c[0] + 15) for c in cells]


def test_the_block_parts_only_under_a_row_of_column_headings():
    """Printed the same, the 4 columns under the rule are another table when their first row heads each column with
    text; under a row of figures (5 | 5 | 4 | 3) they are rows of the same table whose columns change."""
    from perfxl.document.pdf_stacked import split_stacked

    upper = _row(100, SIX) + _row(120, SIX)
    lower = _row(140, FOUR) + _row(160, FOUR)
    heading = _chars(lower[:4], "指标")
    assert [len(part) for part in split_stacked(upper + lower, heading + _chars(lower[4:], "5"))] == [12, 8]
    assert [len(part) for part in split_stacked(upper + lower, _chars(lower, "5"))] == [20]


def test_rows_that_only_merge_columns_of_the_grid_above_stay_one_table():
    """Every column line below is a line above (3 columns of 144 under 6 of 72): one table, merged differently."""
    from perfxl.document.pdf_stacked import split_stacked

    upper = _row(100, SIX)
    lower = _row(120, SIX[::2])
    assert [len(part) for part in split_stacked(upper + lower, _chars(lower, "指标"))] == [9]
