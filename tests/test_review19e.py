"""Session 19 (review19e, issue 12): false paths of the PDF reading around wrap19's table captions.

Real reports (tests/realworld/reports) built as .docx, a line added under a table the way reports print one ("注：本表无
数据", "单位：万元", another table's caption, an empty table's caption and note), set as published (16 pt, running head,
page numbers) and exported to PDF by LibreOffice: the PDF must give no 错误/警告 the .docx does not.

Found: 司法局 2026 with one line under its 收支总表 puts the 功能分类预算表's header at the foot of a page and its first
row (204 …) on the next. The header cell "基本支出" (merged over two rows) was taken for one cell split by the page
break and the row's figure joined it ("基本支出1434885334"): the 204 row read blank and gave four false B18 警告 (F4,
G4, F25, G25) the .docx does not give. A label wrapped over a page break goes on in words, never as a bare figure
(`pdf_reader._a_figure_under_a_label`).
"""

from __future__ import annotations

import copy
import sys
import tomllib
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_document_pdf_parity import compare, lay_out
from test_document_realreport import REPORTS, build_docx

from perfxl.document.pdf_reader import _a_figure_under_a_label
from perfxl.io.libreoffice import convert_many, soffice_path


def _chars(text: str) -> list[tuple]:
    return [(0.0, 0.0, 0.0, ch) for ch in text]


@pytest.mark.parametrize(
    ("above", "below", "split"),
    [
        ("基本支出", "14348853.34", False),  # a header over the first row's figure: two cells
        ("项目支出", "64,840,547.00", False),
        ("产出指标", "(55分)", True),  # a label wrapped over the break: one cell
        ("一般公共预算财政", "拨款收入", True),
        ("64,840,5", "47.00", True),  # a figure broken by the seam: not this rule's
    ],
)
def test_a_figure_under_a_label_is_no_continuation(above, below, split):
    assert _a_figure_under_a_label(_chars(above), _chars(below)) is not split


def _under_table(fixture: dict, table: int, lines: list[str]) -> dict:
    """`lines` printed right under the fixture's table `table` (0-based), before what follows it."""
    out = copy.deepcopy(fixture)
    at = out["tables"][table]["after"]
    out["paragraphs"][at:at] = lines
    for t in out["tables"]:
        if t.get("after", 0) > at:
            t["after"] += len(lines)
    return out


SIFAJU = "shanghai-putuo-sifaju-danwei-yusuan-2026"
VARIANTS = {
    "note": ["注：本表无数据"],
    "unit": ["单位：万元"],
    "caption": ["2026年部门预算表"],
}


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    if soffice_path() is None:
        pytest.skip("LibreOffice (soffice) not installed")
    out = tmp_path_factory.mktemp("review19e")
    base = tomllib.loads((REPORTS / f"{SIFAJU}.toml").read_text(encoding="utf-8"))
    rows = []
    for name, lines in VARIANTS.items():
        fixture = _under_table(base, 0, lines)
        path = out / f"{name}.docx"
        build_docx(fixture, path)
        lay_out(path, "published", fixture)
        rows.append((name, fixture, path))
    pdfs = convert_many([r[2] for r in rows], "pdf", out / "pdf")
    return {name: (fixture, path, pdf) for (name, fixture, path), pdf in zip(rows, pdfs, strict=True)}


@pytest.mark.libreoffice
@pytest.mark.slow
@pytest.mark.parametrize("variant", list(VARIANTS))
def test_a_line_under_a_table_gives_the_pdf_no_verdict_of_its_own(exported, variant):
    fixture, docx_path, pdf_path = exported[variant]
    assert compare(fixture, docx_path, pdf_path) == []
