"""A PDF table printed without rules (issue 12): text outside the ruled tables that stands in columns is reported
as a table perfxl could not read — coverage, never a guessed grid — and narrative text never is.

The pages here are laid out character by character the way pdfplumber hands them on (x-centre, y-centre, top,
text, x0, x1), from a real report (tests/realworld/reports/sichuan-zhongjiang-shuili-xianjie-2022.toml: its
自评表 rows and its narrative paragraphs as published). tests/test_document_pdf_parity.py measures the same on
LibreOffice exports of all 28 real reports.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from perfxl.document.pdf_columns import column_blocks, unread_coverage
from perfxl.document.pdf_text import PageText, page_text
from perfxl.document.read import to_submission
from perfxl.document.source import DocumentSource
from perfxl.report._common import coverage_lines

FIXTURE = Path(__file__).parent / "realworld" / "reports" / "sichuan-zhongjiang-shuili-xianjie-2022.toml"
REPORT = tomllib.loads(FIXTURE.read_text(encoding="utf-8"))
EM = 10.5  # points: a 五号 character
LEFT = 90.0


def _line(chars: list, top: float, pieces: list[tuple[float, str]]) -> None:
    """Characters of one printed line: each piece's text set solid from its x."""
    for x, text in pieces:
        for k, ch in enumerate(text):
            x0 = x + k * EM
            chars.append((x0 + EM / 2, top + EM / 2, top, ch, x0, x0 + EM))


def _table_page(rows: list[list[str]], column_chars: int = 3) -> PageText:
    """The rows printed without rules: each cell in its column, wrapped every `column_chars` characters."""
    chars: list = []
    top = 100.0
    width = (column_chars + 2) * EM  # two characters' gap between columns (cell margins)
    for row in rows:
        wrapped = [[cell[i : i + column_chars] for i in range(0, len(cell), column_chars)] or [""] for cell in row]
        for k in range(max(len(w) for w in wrapped)):
            pieces = [(LEFT + c * width, w[k]) for c, w in enumerate(wrapped) if k < len(w) and w[k]]
            _line(chars, top, pieces)
            top += 1.5 * EM
    return page_text(2, chars, [], 595.0)


def _narrative_page(paragraphs: list[str], per_line: int = 38) -> PageText:
    """Paragraphs printed as a report's body: solid text, wrapped every `per_line` characters."""
    chars: list = []
    top = 100.0
    for text in paragraphs:
        for i in range(0, len(text), per_line):
            _line(chars, top, [(LEFT, text[i : i + per_line])])
            top += 1.5 * EM
    return page_text(1, chars, [], 595.0)


def test_the_indicator_rows_printed_without_rules_are_one_block_in_columns():
    rows = REPORT["tables"][0]["rows"][8:19]  # the header row and the ten indicator rows
    blocks = column_blocks(_table_page(rows))
    assert [(b.page, b.lines >= len(rows)) for b in blocks] == [(2, True)]
    assert blocks[0].first_line.startswith("绩效指 │ 一级指 │ 二级指")


def test_the_reports_narrative_is_never_taken_for_a_table():
    assert column_blocks(_narrative_page(REPORT["paragraphs"])) == []


def test_label_value_pairs_are_narrative_not_a_table():
    """Two runs on a line (主管部门 │ 中江县水利局) are too common outside tables to be called one."""
    pairs = [[label, value] for label, value, *_ in REPORT["tables"][0]["rows"][:2]] * 3
    assert column_blocks(_table_page(pairs, column_chars=40)) == []


def test_two_lines_in_columns_are_not_yet_a_table():
    rows = REPORT["tables"][0]["rows"][9:10]  # one indicator row, printed on two lines at six characters a column
    page = _table_page(rows, column_chars=6)
    assert column_blocks(page) == []


def test_an_unread_table_is_in_the_coverage_the_reviewer_reads():
    blocks = column_blocks(_table_page(REPORT["tables"][0]["rows"][8:19]))
    source = DocumentSource("报告.pdf", "pdf", (), [], unread=unread_coverage(blocks))
    sheets = to_submission(source).coverage.sheets
    assert [(s.sheet, s.kind, s.read, s.certain) for s in sheets] == [
        ("第2页 无框线表格", "unruled_table", False, False)
    ]
    (line,) = coverage_lines(to_submission(source).coverage)
    assert line.startswith("第2页 无框线表格：无框线表格（推断），未能读取")
    assert "未作为表格检查" in line and "绩效指 │ 一级指" in line
