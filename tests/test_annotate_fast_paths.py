"""The annotated copy's fast paths write what its plain paths write (issue 14: the copy at many findings).

Three shortcuts keep the copy of a 483-finding workbook cheap; each is pinned here against the slower form it
replaces, on the seed example's real findings and on texts chosen to break a template (quotes in sheet names,
`%`, markup characters, line breaks, wide characters):
- the 单元格 links reach the xlsx writer as `Hyperlink` (location, display) instead of a HYPERLINK formula the
  writer would parse back (`hyperlink_target`);
- a findings row of 校验结果 comes from a bytes template per distinct row text, not cell by cell;
- the parts perfxl writes are deflated in one zlib call each, their zip headers written by hand;
- the 校验结果 cells name their place (`r`) only where a reader could not count it, and read back in place.
"""

from __future__ import annotations

import io
import itertools
import zipfile
from pathlib import Path

import pytest

from perfxl.annotate import annotated_bytes
from perfxl.excel.result_sheet import HEADER_ROW, Hyperlink, Mark, hyperlink_target, order_key, result_rows
from perfxl.io import xlsx_marks
from perfxl.model import CellRef, Finding, Severity
from perfxl.validate import validate_file

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"

#: Sheet names and texts a template or a link could get wrong.
_SHEETS = ("项目支出绩效自评表", "O'Brien 表", 'say "hi"', " 前后空格 ", "100% 完成")
_MESSAGES = (
    "执行率应为 100.00%（2223.04/2223.04），表中为 94.5",
    "a <b> & \"c\" 'd' %d %s %%",
    "第一行\n第二行",
    "=SUM(A1)",
    "宽" * 60,
)


def _findings() -> list[Finding]:
    out = []
    for i, sheet in enumerate(_SHEETS):
        for j, message in enumerate(_MESSAGES):
            cell = f"{'BCDEFGH'[j]}{i * 3 + j + 2}"
            out.append(
                Finding(
                    f"T{j:02d}",
                    list(Severity)[(i + j) % 3],
                    CellRef(sheet, cell, anchor=cell if j % 2 else None),
                    message,
                    expected=("50%", "", "应为“完成”" * 5, "-3", "")[j],
                    actual=("94.5", "x", "", "+1", "%")[j],
                )
            )
    return sorted(out, key=order_key)


def _marks(findings: list[Finding]) -> dict[tuple[str, str], Mark]:
    return {
        (f.ref.sheet, f.ref.cell): Mark(f.ref.sheet, f.ref.cell, f.severity, i % 2 == 0)
        for i, f in enumerate(findings)
        if isinstance(f.ref, CellRef)
    }


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {i.filename: z.read(i.filename) for i in z.infolist()}


def test_a_hyperlink_value_is_what_its_formula_reads_back_as():
    findings = _findings()
    formulas = result_rows(findings, _marks(findings))
    links = result_rows(findings, _marks(findings), as_hyperlinks=True)
    assert len(formulas) == len(links) > HEADER_ROW
    for formula_row, link_row in zip(formulas, links, strict=True):
        if isinstance(link_row[4], Hyperlink):
            assert hyperlink_target(formula_row[4]) == tuple(link_row[4])
            assert formula_row[:4] == link_row[:4] and formula_row[5:] == link_row[5:]
        else:
            assert formula_row == link_row
    assert sum(isinstance(row[4], Hyperlink) for row in links) == len(findings)


@pytest.mark.parametrize("as_hyperlinks", [True, False])
def test_a_findings_row_from_its_template_is_the_row_written_cell_by_cell(monkeypatch, as_hyperlinks):
    findings = _findings()
    rows = result_rows(findings, _marks(findings), list_area_cells=False, as_hyperlinks=as_hyperlinks)
    severities = [f.severity for f in findings]
    styles = xlsx_marks.read_package(EXAMPLE.read_bytes()).get("xl/styles.xml")

    def sheet_xml() -> bytes:
        return xlsx_marks._result_sheet_xml(rows, severities, HEADER_ROW, xlsx_marks._Styles(styles, ""))

    fast = sheet_xml()
    monkeypatch.setattr(xlsx_marks, "_finding_row", lambda *args: None)  # every row by the cell-by-cell loop
    assert fast == sheet_xml()
    assert fast.count(b"<hyperlink ") == len(findings)


def test_parts_written_in_one_deflate_call_unzip_with_their_crcs_checked():
    """The parts perfxl writes are deflated in one call and their headers written by hand: every CRC checks and the
    marks are there."""
    findings = validate_file(EXAMPLE).findings
    data = EXAMPLE.read_bytes()
    copy, marked = annotated_bytes(data, findings)
    assert marked > 0
    with zipfile.ZipFile(io.BytesIO(copy)) as z:
        assert z.testzip() is None  # every CRC checks
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    assert "校验结果".encode() in parts["xl/workbook.xml"] and parts != _parts(data)


def test_the_copys_marks_name_a_filled_cell_only_by_its_canonical_text():
    """`annotate._Marks` reads a cell text by one regex; the definition is a1's text of the filled cell."""
    from perfxl.annotate import _Marks
    from perfxl.marks import plan_marks
    from perfxl.model import a1, parse_a1

    findings = [Finding("T01", Severity.ERROR, CellRef("表", cell), "x") for cell in ("B7", "AA10", "C1:D2", "B0")]
    plan = plan_marks(findings, ["表"], lambda sheet, row, col: None)
    marks = _Marks(plan)
    asked = ["B7", "b7", "$B$7", "B07", " B7", "B7 ", "AA10", "aa10", "C1", "D2", "C1:D2", "B0", "E5", "B٧", "", "7"]
    for text in asked:
        try:
            row, col = parse_a1(text)
            expected = ("表", row, col) in plan.fills and a1(row, col) == text
        except ValueError:
            expected = False
        found = marks.get(("表", text))
        assert (found is not None) == expected, text
        if found is not None:
            assert found == Mark("表", text, Severity.ERROR, ("表", row, col) in plan.notes)
    assert len(marks) == len(plan.fills) == 7


@pytest.mark.parametrize(
    "tags",
    [
        b'<mergeCell ref="A1:B2"/><mergeCell ref="AA10:AB12"/>',  # Excel's form: the plain pattern
        b'<mergeCell ref="A1:B2"/><mergeCell\tref="C3:D4"/>',  # a tab after the name
        b"<mergeCell ref=\"A1:B2\"/><mergeCell ref='E5:F6'/>",  # single quotes
        b'<mergeCell ref="A1:B2"/><mergeCell ref="C3"/><mergeCell x="1" ref="G7:H8"/>',  # no range; another attribute
    ],
)
def test_merged_ranges_read_every_form_the_general_pattern_reads(tags):
    xml = b'<worksheet><sheetData/><mergeCells count="9">' + tags + b"</mergeCells></worksheet>"
    general = [
        (int(r0), xlsx_marks._column_of(c0), int(r1), xlsx_marks._column_of(c1))
        for c0, r0, c1, r1 in xlsx_marks._MERGE_PARTS.findall(xml)
    ]
    assert xlsx_marks.merged_ranges(xml) == general and len(general) >= 2


def test_rows_that_are_not_all_text_are_written_cell_by_cell(monkeypatch):
    """A template is checked once per distinct text; a row with a number, None or a list among its texts — equal to
    no checked text — goes to the cell-by-cell loop as before."""
    link = Hyperlink("'表'!B7", "B7")
    texts = ["错误", "F04", "表", link, "执行率应为 95.1%", "95.1%", "90", "是"]
    rows = [
        ["perfxl 校验结果"],
        ["图例"],
        [],
        ["序号", "级别", "代码", "工作表", "单元格", "问题说明", "应为", "实际", "perfxl批注"],
        [1, *texts],
        [2, *texts[:5], 95.1, "90", "是"],  # a number where a text was
        [3, *texts[:6], None, ""],
        [4, *texts[:6], ["90"], ""],  # unhashable
        [5, *texts[:3], "", *texts[4:]],  # no 单元格
        [6, *texts],
    ]
    severities = [Severity.ERROR] * 6
    styles = xlsx_marks.read_package(EXAMPLE.read_bytes()).get("xl/styles.xml")

    def sheet_xml() -> bytes:
        return xlsx_marks._result_sheet_xml(rows, severities, HEADER_ROW, xlsx_marks._Styles(styles, ""))

    fast = sheet_xml()
    monkeypatch.setattr(xlsx_marks, "_finding_row", lambda *args: None)
    assert fast == sheet_xml()
    assert b"<v>95.1</v>" in fast and fast.count(b"<hyperlink ") == 5


def _result_rows_written(monkeypatch, findings: list[Finding]) -> tuple[bytes, list[list]]:
    """The annotated copy of the seed example with `findings`, and the rows its 校验结果 sheet was written from."""
    seen: list[list] = []
    write = xlsx_marks._result_sheet_xml

    def spy(rows, *args):
        seen.extend(rows)
        return write(rows, *args)

    monkeypatch.setattr(xlsx_marks, "_result_sheet_xml", spy)
    copy, _ = annotated_bytes(EXAMPLE.read_bytes(), findings)
    return copy, seen


def test_every_value_of_the_result_sheet_reads_back_at_its_place(monkeypatch):
    """The 校验结果 cells name their place only as a row's first cell or after an empty column (`r` is optional):
    openpyxl and python-calamine (perfxl's reader) find every value in the row and column `result_rows` gave it,
    on rows with empty 应为/实际/perfxl批注 columns between filled ones too."""
    import openpyxl
    import python_calamine

    findings = sorted([*validate_file(EXAMPLE).findings, *_findings()], key=order_key)
    copy, rows = _result_rows_written(monkeypatch, findings)
    assert any(row[6] == "" and row[7] for row in rows)  # a gap before 实际
    expected = [[v.display if isinstance(v, Hyperlink) else (None if v == "" else v) for v in row] for row in rows]
    width = max(map(len, expected))
    expected = [row + [None] * (width - len(row)) for row in expected]
    sheet = openpyxl.load_workbook(io.BytesIO(copy))["校验结果"]
    assert [list(row) for row in sheet.iter_rows(max_col=width, values_only=True)] == expected
    book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(copy))
    read = book.get_sheet_by_name("校验结果").to_python()
    assert [[None if v == "" else v for v in row] for row in read] == expected


def test_a_findings_row_names_only_the_places_a_reader_cannot_count(monkeypatch):
    """A findings row's cells carry no `r` but the first one's and one after each empty column: the rows of one rule
    then repeat byte for byte but for three values, and the new part deflates in about half the time."""
    findings = sorted([*validate_file(EXAMPLE).findings, *_findings()], key=order_key)
    copy, rows = _result_rows_written(monkeypatch, findings)
    added = set(_parts(copy)) - set(_parts(EXAMPLE.read_bytes()))
    (sheet,) = [xml for name, xml in _parts(copy).items() if name in added and name.startswith("xl/worksheets/sheet")]
    for r, row in enumerate(rows[HEADER_ROW : len(findings) + HEADER_ROW], HEADER_ROW + 1):
        start = sheet.index(b'<row r="%d"' % r)
        xml = sheet[start : sheet.index(b"</row>", start)]
        filled = [c for c, v in enumerate(row) if v not in ("", None)]
        gaps = sum(1 for a, b in itertools.pairwise(filled) if b != a + 1)
        assert xml.count(b"<c ") == len(filled)
        assert xml.count(b"<c r=") == 1 + gaps, xml


def test_a_text_is_marked_preserve_only_when_its_spacing_could_change(monkeypatch):
    """`xml:space="preserve"` on a 校验结果 text with leading or trailing space, a line break, a tab, a run of spaces or
    any other white space; none on words and single spaces (most findings' texts). The readback test above reads
    both kinds back exactly."""
    plain = ["B7", "执行率应为 100.00%（2223.04/2223.04），表中为 94.5", "a <b> & c", "宽" * 60]
    spaced = [" 前后空格 ", "第一行\n第二行", "a  b", "a\tb", "全角\u3000空格", "end "]
    for text in plain:
        assert xlsx_marks._t_element(text).startswith("<t>"), text
    for text in spaced:
        assert xlsx_marks._t_element(text).startswith('<t xml:space="preserve">'), text
    # the one-regex path for plain texts writes what the escape-and-test path writes, control characters too
    for text in [*plain, *spaced, *_MESSAGES, *_SHEETS, "a\x0ex", "a\x1b", "\x7f", "a\ufffeb", "x\x00", "<", "&amp;"]:
        head = '<t xml:space="preserve">' if xlsx_marks._PLAIN_SPACING.match(text) is None else "<t>"
        assert xlsx_marks._t_element(text) == head + xlsx_marks._escaped(text) + "</t>", text
    copy, _ = _result_rows_written(monkeypatch, sorted([*validate_file(EXAMPLE).findings, *_findings()], key=order_key))
    added = set(_parts(copy)) - set(_parts(EXAMPLE.read_bytes()))
    (sheet,) = [xml for name, xml in _parts(copy).items() if name in added and name.startswith("xl/worksheets/sheet")]
    assert b"<t>" in sheet and '<t xml:space="preserve">第一行\n第二行</t>'.encode() in sheet
