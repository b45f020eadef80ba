"""The annotated copy splices marks into the sheet XML by byte offsets (perfxl.io.xlsx_marks): these tests pin
the layouts where a splice could go wrong — shared formulas, inline strings, cells and rows that must be
inserted in order, a sheet that already has notes and a legacyDrawing, Excel's x14ac row attributes and
extension lists. Each compares the marked sheet with the original byte for byte once the marks are taken
out again, so a splice that moved, dropped or duplicated anything fails.

The packages are written here part by part in the form Excel 2016+ saves them (shared formulas, x14ac,
comments with VML), which no writer the project depends on produces.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import openpyxl
import pytest
from xlsx_load import load_workbook

from perfxl.annotate import SEVERITY_FILL, annotate_workbook
from perfxl.model import CellRef, Finding, Severity

SHEET = "自评表"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_NS = {"m": MAIN}

_CT = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>{defaults}'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>{overrides}</Types>'
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<workbook xmlns="{MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    f'<sheets><sheet name="{SHEET}" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
    'Target="styles.xml"/></Relationships>'
)
#: Two fonts, the two fills every styles part starts with, one border; cell formats 0 (General), 1 (a
#: percentage in bold with a border) and 2 (a column's own style, 0.00).
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<styleSheet xmlns="{MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.00"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font>'
    '</fonts><fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="2"><border/><border><left style="thin"/><right style="thin"/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="10" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" '
    'applyBorder="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '</cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
)
_SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<worksheet xmlns="{MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr" '
    'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" '
    'xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" '
    'xr:uid="{00000000-0001-0000-0000-000000000000}"><dimension ref="A1:F9"/>'
    '<sheetViews><sheetView workbookViewId="0"/></sheetViews>'
    '<sheetFormatPr defaultRowHeight="14.25" x14ac:dyDescent="0.2"/>'
    '<cols><col min="4" max="4" width="12" style="2" customWidth="1"/></cols>'
)
#: What Excel writes after <sheetData>: margins, then (in these tests) the legacyDrawing and an extLst.
_SHEET_TAIL = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
_EXT = (
    '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
    'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="0" '
    'xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"/></ext></extLst>'
)


def _package(path: Path, sheet_data: str, *, tail: str = _SHEET_TAIL, extra: dict[str, str] | None = None) -> Path:
    """A one-sheet workbook whose sheet1.xml is `sheet_data` between Excel's head and `tail`."""
    extra = dict(extra or {})
    defaults = '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>'
    overrides = (
        '<Override PartName="/xl/comments1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>'
    )
    commented = "xl/comments1.xml" in extra
    parts = {
        "[Content_Types].xml": _CT.format(
            defaults=defaults if commented else "", overrides=overrides if commented else ""
        ),
        "_rels/.rels": _ROOT_RELS,
        "xl/workbook.xml": _WORKBOOK,
        "xl/_rels/workbook.xml.rels": _WORKBOOK_RELS,
        "xl/styles.xml": _STYLES,
        "xl/worksheets/sheet1.xml": _SHEET_HEAD + sheet_data + tail + "</worksheet>",
        **extra,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text.encode())
    return path


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def _xf_fills(styles: bytes) -> tuple[list[dict[str, str]], list[str | None]]:
    """The cell formats' attributes and each fill's solid colour (None for a fill that is not solid)."""
    root = ET.fromstring(styles)
    xfs = [dict(xf.attrib) for xf in root.find("m:cellXfs", _NS) or ()]
    fills = []
    for fill in root.find("m:fills", _NS) or ():
        fg = fill.find("m:patternFill/m:fgColor", _NS)
        solid = fill.find("m:patternFill", _NS)
        ok = solid is not None and solid.get("patternType") == "solid" and fg is not None
        fills.append(fg.get("rgb") if ok and fg is not None else None)
    return xfs, fills


def _unmark(marked: bytes, cells: dict[str, str | None]) -> bytes:
    """`marked` with each marked cell's s= put back (`cells`: ref → its original s, None when it had none) and
    the <legacyDrawing> perfxl adds for its notes taken out: what is left must be the original byte for byte."""
    marked, n = re.subn(rb'<legacyDrawing xmlns:r="[^"]+" r:id="rIdPerfxl\d+"/>', b"", marked)
    assert n <= 1
    for ref, s in cells.items():
        pattern = re.compile(rb'(<c r="' + ref.encode() + rb'")([^>]*?) s="\d+"')
        marked, n = pattern.subn(rb"\1\2" + (b' s="' + s.encode() + b'"' if s is not None else b""), marked)
        assert n == 1, f"{ref} marked {n} times"
    return marked


def _fill_of(sheet: bytes, styles: bytes, ref: str) -> str | None:
    m = re.search(rb'<c r="' + ref.encode() + rb'"[^>]*? s="(\d+)"', sheet)
    assert m is not None, f"{ref} has no style"
    xfs, fills = _xf_fills(styles)
    rgb = fills[int(xfs[int(m.group(1))].get("fillId", "0"))]
    return rgb[-6:] if rgb else None


def _finding(cell: str, severity: Severity = Severity.ERROR, code: str = "F04") -> Finding:
    return Finding(code, severity, CellRef(SHEET, cell), f"{cell} 的测试问题")


ROWS = (
    '<sheetData><row r="2" spans="1:6" x14ac:dyDescent="0.2">'
    '<c r="A2" t="inlineStr"><is><t>执行率</t></is></c>'
    '<c r="B2" s="1"><f t="shared" ref="B2:B4" si="0">C2/D2</f><v>0.75</v></c>'
    '<c r="C2"><v>90</v></c><c r="D2"><v>120</v></c></row>'
    '<row r="3" spans="1:6" x14ac:dyDescent="0.2"><c r="B3" s="1"><f t="shared" si="0"/><v>0.5</v></c>'
    '<c r="C3"><v>60</v></c><c r="D3" s="2"><v>120</v></c></row>'
    '<row r="4" spans="1:6" x14ac:dyDescent="0.2"><c r="B4"><f t="shared" si="0"/><v>1</v></c>'
    '<c r="C4"><v>120</v></c><c r="D4" s="2"><v>120</v></c></row></sheetData>'
)


def test_shared_formulas_and_inline_strings_change_only_their_style(tmp_path):
    """A shared formula's master (B2) and a follower without s= (B4), an inline string (A2): the marked copy
    is the original once each marked cell's s= is put back — formulas, cached values, x14ac attributes kept."""
    src = _package(tmp_path / "shared.xlsx", ROWS)
    findings = [_finding("B2"), _finding("B4", Severity.WARNING), _finding("A2", Severity.INFO)]
    out = annotate_workbook(src, findings, tmp_path / "out.xlsx").path
    before, after = _parts(src), _parts(out)
    sheet = after["xl/worksheets/sheet1.xml"]
    assert _unmark(sheet, {"B2": "1", "B4": None, "A2": None}) == before["xl/worksheets/sheet1.xml"]
    styles = after["xl/styles.xml"]
    assert _fill_of(sheet, styles, "B2") == SEVERITY_FILL[Severity.ERROR]
    assert _fill_of(sheet, styles, "B4") == SEVERITY_FILL[Severity.WARNING]
    assert _fill_of(sheet, styles, "A2") == SEVERITY_FILL[Severity.INFO]
    xfs, _ = _xf_fills(styles)
    b2 = xfs[int(re.search(rb'<c r="B2" s="(\d+)"', sheet).group(1))]
    assert (b2["numFmtId"], b2["fontId"], b2["borderId"]) == ("10", "1", "1"), "the marked copy of xf 1 keeps its look"
    ws = openpyxl.load_workbook(out)[SHEET]
    assert ws["B3"].value == "=C3/D3" and ws["B4"].value == "=C4/D4"  # followers still resolve through B2
    assert openpyxl.load_workbook(out, data_only=True)[SHEET]["B4"].value == 1


def test_missing_cells_are_inserted_in_column_order(tmp_path):
    """Marked cells absent from the XML: before a row's first cell (A3), after its last (E3, F2) and a range
    reaching past the last cell (E4:F4) — each written once, in (row, column) order, nothing else changed."""
    src = _package(tmp_path / "gaps.xlsx", ROWS)
    findings = [_finding("A3"), _finding("E3", Severity.WARNING), _finding("F2"), _finding("E4:F4", Severity.INFO)]
    out = annotate_workbook(src, findings, tmp_path / "out.xlsx").path
    sheet = _parts(out)["xl/worksheets/sheet1.xml"]
    refs = re.findall(rb'<c r="([A-Z]+\d+)"', sheet)
    order = [(int(re.sub(rb"[A-Z]", b"", r)), re.sub(rb"\d", b"", r)) for r in refs]
    assert order == sorted(order), "cells out of (row, column) order"
    assert len(refs) == len(set(refs)), "a cell written twice"
    for ref in ("A3", "E3", "F2", "E4", "F4"):
        assert refs.count(ref.encode()) == 1, ref
    styles = _parts(out)["xl/styles.xml"]
    assert _fill_of(sheet, styles, "A3") == SEVERITY_FILL[Severity.ERROR]
    assert _fill_of(sheet, styles, "E3") == SEVERITY_FILL[Severity.WARNING]
    assert _fill_of(sheet, styles, "F4") == SEVERITY_FILL[Severity.INFO]
    stripped = _unmark(re.sub(rb'<c r="(A3|E3|F2|E4|F4)" s="\d+"/>', b"", sheet), {})
    assert stripped == _parts(src)["xl/worksheets/sheet1.xml"], "only the inserted cells differ"
    ws = openpyxl.load_workbook(out)[SHEET]
    assert ws["B3"].value == "=C3/D3" and ws["D3"].value == 120


def test_a_new_cell_in_a_styled_column_keeps_the_columns_format(tmp_path):
    """D5 does not exist; column D has style 2 (0.00): the inserted cell is a filled copy of that format."""
    src = _package(
        tmp_path / "col.xlsx", ROWS.replace("</sheetData>", '<row r="5"><c r="A5"><v>1</v></c></row></sheetData>')
    )
    out = annotate_workbook(src, [_finding("D5")], tmp_path / "out.xlsx").path
    parts = _parts(out)
    sheet, styles = parts["xl/worksheets/sheet1.xml"], parts["xl/styles.xml"]
    xfs, _ = _xf_fills(styles)
    d5 = xfs[int(re.search(rb'<c r="D5" s="(\d+)"/>', sheet).group(1))]
    assert d5["numFmtId"] == "164" and _fill_of(sheet, styles, "D5") == SEVERITY_FILL[Severity.ERROR]


def test_missing_rows_are_inserted_in_order(tmp_path):
    """Rows 1 (before every row), 3 (between 2 and 4 once row 3 is gone) and 9 (after the last): each becomes
    one new <row> in ascending order; the rows that were there are untouched."""
    rows = re.sub(r'<row r="3".*?</row>', "", ROWS)
    src = _package(tmp_path / "rows.xlsx", rows)
    findings = [_finding("C1"), _finding("B3", Severity.WARNING), _finding("A9", Severity.INFO)]
    out = annotate_workbook(src, findings, tmp_path / "out.xlsx").path
    sheet = _parts(out)["xl/worksheets/sheet1.xml"]
    row_numbers = [int(n) for n in re.findall(rb'<row r="(\d+)"', sheet)]
    assert row_numbers == [1, 2, 3, 4, 9]
    stripped = _unmark(re.sub(rb'<row r="(1|3|9)"><c r="[A-C]\d" s="\d+"/></row>', b"", sheet), {})
    assert stripped == _parts(src)["xl/worksheets/sheet1.xml"]
    styles = _parts(out)["xl/styles.xml"]
    assert _fill_of(sheet, styles, "B3") == SEVERITY_FILL[Severity.WARNING]
    assert openpyxl.load_workbook(out)[SHEET]["B2"].value == "=C2/D2"


def test_an_address_that_begins_another_marks_only_its_own_cell(tmp_path):
    """B1 is marked but missing, B10 exists ("<c r=\"B1" begins "<c r=\"B10"): B1 becomes a new row, B10 keeps
    its style, B11 (marked, present) is restyled."""
    rows = "".join(f'<row r="{r}"><c r="B{r}" s="1"><v>{r}</v></c></row>' for r in (10, 11, 12))
    src = _package(tmp_path / "prefix.xlsx", f"<sheetData>{rows}</sheetData>")
    out = annotate_workbook(src, [_finding("B1"), _finding("B11", Severity.WARNING)], tmp_path / "out.xlsx").path
    sheet = _parts(out)["xl/worksheets/sheet1.xml"]
    stripped = _unmark(re.sub(rb'<row r="1"><c r="B1" s="\d+"/></row>', b"", sheet), {"B11": "1"})
    assert stripped == _parts(src)["xl/worksheets/sheet1.xml"]
    assert b'<c r="B10" s="1">' in sheet


def test_a_finding_inside_a_tall_merged_range_is_noted_on_its_anchor(tmp_path):
    """A label merged down a whole table (A2:A60, taller than the row index perfxl keeps per row): a finding on
    A40 is noted on the range's first cell A2 and every cell of the range is filled; B40 beside it is not."""
    rows = "".join(f'<row r="{r}"><c r="A{r}" s="1"/><c r="B{r}"><v>{r}</v></c></row>' for r in range(2, 61))
    tail = '<mergeCells count="1"><mergeCell ref="A2:A60"/></mergeCells>' + _SHEET_TAIL
    src = _package(tmp_path / "tall.xlsx", f"<sheetData>{rows}</sheetData>", tail=tail)
    out = annotate_workbook(src, [_finding("A40", Severity.WARNING)], tmp_path / "out.xlsx")
    ws = openpyxl.load_workbook(out.path)[SHEET]
    assert ws["A2"].comment is not None and ws["A40"].comment is None
    assert out.marked_cells == 59
    parts = _parts(out.path)
    sheet, styles = parts["xl/worksheets/sheet1.xml"], parts["xl/styles.xml"]
    assert {_fill_of(sheet, styles, f"A{r}") for r in range(2, 61)} == {SEVERITY_FILL[Severity.WARNING]}
    assert b'<c r="B40"><v>40</v></c>' in sheet


_COMMENTS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<comments xmlns="{MAIN}"><authors><author>财务科</author></authors><commentList>'
    '<comment ref="C2" authorId="0" shapeId="0"><text><r><rPr><b/><sz val="9"/></rPr>'
    '<t xml:space="preserve">财务科:</t></r><r><rPr><sz val="9"/></rPr>'
    '<t xml:space="preserve">\n执行数取自决算</t></r></text></comment></commentList></comments>'
)
_VML = (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/>'
    '</o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" '
    'path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" '
    'o:connecttype="rect"/></v:shapetype><v:shape id="_x0000_s1025" type="#_x0000_t202" '
    'style="position:absolute;visibility:hidden" fillcolor="#ffffe1"><x:ClientData ObjectType="Note">'
    "<x:Row>1</x:Row><x:Column>2</x:Column></x:ClientData></v:shape></xml>"
)
_SHEET_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" '
    'Target="../drawings/vmlDrawing1.vml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" '
    'Target="../comments1.xml"/></Relationships>'
)


@pytest.mark.filterwarnings("ignore:.*extension is not supported:UserWarning")  # openpyxl reading back
def test_a_sheet_with_notes_and_a_legacy_drawing_gets_perfxls_notes_in_the_same_parts(tmp_path):
    """The user's note on C2 keeps its text with perfxl's after it; a new note (B3) is a comment in the same
    comments part and a shape in the same VML part; no second <legacyDrawing>, comments or VML part."""
    src = _package(
        tmp_path / "notes.xlsx",
        ROWS,
        tail=_SHEET_TAIL + '<legacyDrawing r:id="rId1"/>' + _EXT,
        extra={
            "xl/comments1.xml": _COMMENTS,
            "xl/drawings/vmlDrawing1.vml": _VML,
            "xl/worksheets/_rels/sheet1.xml.rels": _SHEET_RELS,
        },
    )
    out = annotate_workbook(src, [_finding("C2"), _finding("B3", Severity.WARNING, "S02")], tmp_path / "out.xlsx").path
    before, after = _parts(src), _parts(out)
    assert sorted(set(after) - set(before)) == ["xl/worksheets/sheet2.xml"], "only the 校验结果 sheet is new"
    sheet = after["xl/worksheets/sheet1.xml"]
    assert sheet.count(b"<legacyDrawing") == 1
    assert after["xl/worksheets/_rels/sheet1.xml.rels"] == before["xl/worksheets/_rels/sheet1.xml.rels"]
    assert _unmark(sheet, {"C2": None, "B3": "1"}) == before["xl/worksheets/sheet1.xml"]
    vml = after["xl/drawings/vmlDrawing1.vml"]
    assert vml.startswith(_VML[: -len("</xml>")].encode()), "the user's shape is kept as it was"
    assert vml.count(b"<v:shape ") == 2 and b"<x:Row>2</x:Row><x:Column>1</x:Column>" in vml
    ws = openpyxl.load_workbook(out)[SHEET]
    c2 = ws["C2"].comment.text
    assert c2.index("执行数取自决算") < c2.index("[F04]"), "perfxl's note comes after the user's"
    assert "[S02]" in ws["B3"].comment.text and ws["B3"].comment.author == "perfxl"


@pytest.mark.filterwarnings("ignore:.*extension is not supported:UserWarning")  # openpyxl reading back
def test_a_new_legacy_drawing_goes_after_sheet_data_even_when_a_row_has_an_extension_list(tmp_path):
    """CT_Row may carry its own <extLst>; the <legacyDrawing> perfxl adds for its notes belongs after
    <sheetData> (before the worksheet's own extLst), never inside a row."""
    rows = ROWS.replace(
        '<c r="D4" s="2"><v>120</v></c></row>',
        '<c r="D4" s="2"><v>120</v></c><extLst><ext uri="{perfxl-test}"/></extLst></row>',
    )
    src = _package(tmp_path / "ext.xlsx", rows, tail=_SHEET_TAIL + _EXT)
    out = annotate_workbook(src, [_finding("B2")], tmp_path / "out.xlsx").path
    sheet = _parts(out)["xl/worksheets/sheet1.xml"]
    root = ET.fromstring(sheet)
    children = [child.tag.split("}")[1] for child in root]
    assert children[-3:] == ["pageMargins", "legacyDrawing", "extLst"], children
    assert b"<legacyDrawing" not in sheet[: sheet.index(b"</sheetData>")]
    assert openpyxl.load_workbook(out)[SHEET]["B2"].comment is not None


def test_rows_and_cells_in_another_writers_form_are_marked_like_excels(tmp_path):
    """Attributes in another order (<row spans=… r=…>, <c s=… r=…>) miss the by-address walk and take the
    full scan; the marked cells and their fills come out the same."""
    excel = _package(tmp_path / "excel.xlsx", ROWS)
    other_rows = re.sub(r'<c r="([A-Z]+\d+)"([^>]*?)(/?)>', r'<c\2 r="\1"\3>', ROWS)
    other_rows = re.sub(r'<row r="(\d+)"([^>]*?)>', r'<row\2 r="\1">', other_rows)
    other = _package(tmp_path / "other.xlsx", other_rows)
    findings = [_finding("B2"), _finding("D3", Severity.WARNING), _finding("E4", Severity.INFO)]

    def fills(path: Path) -> dict[str, str | None]:
        parts = _parts(annotate_workbook(path, findings, path.with_suffix(".out.xlsx")).path)
        sheet = re.sub(rb'<c([^>]*?) r="([A-Z]+\d+)"', rb'<c r="\2"\1', parts["xl/worksheets/sheet1.xml"])
        return {ref: _fill_of(sheet, parts["xl/styles.xml"], ref) for ref in ("B2", "D3", "E4")}

    assert (
        fills(excel)
        == fills(other)
        == {
            "B2": SEVERITY_FILL[Severity.ERROR],
            "D3": SEVERITY_FILL[Severity.WARNING],
            "E4": SEVERITY_FILL[Severity.INFO],
        }
    )


@pytest.mark.slow  # two interpreters with different string hashing
def test_the_same_input_gives_the_same_copy_in_every_process(tmp_path):
    """New parts (comments, VML, 校验结果) are written in the order they are made: before, their order came from
    a set of names, so two runs on the same workbook could give different bytes."""
    import subprocess
    import sys

    src = _package(tmp_path / "in.xlsx", ROWS)
    script = (
        "import sys; from perfxl.annotate import annotate_workbook; from perfxl.model import *\n"
        f"f = [Finding('F04', Severity.ERROR, CellRef({SHEET!r}, c), c) for c in ('B2', 'C3', 'E4')]\n"
        "annotate_workbook(sys.argv[1], f, sys.argv[2])\n"
    )
    outs = []
    for seed in ("1", "2", "3", "4"):
        out = tmp_path / f"out{seed}.xlsx"
        env = {"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"}
        subprocess.run([sys.executable, "-c", script, str(src), str(out)], check=True, env=env, timeout=120)
        outs.append(out.read_bytes())
    assert all(o == outs[0] for o in outs[1:])


def test_a_sheet_perfxl_cannot_mark_is_refused_not_copied_without_marks(tmp_path):
    """A worksheet whose <sheetData> carries a namespace prefix (<x:sheetData>, as some .NET writers write it) gave an
    annotated copy with no mark at all and no word about it (review). It is now refused, naming the sheet."""
    import io

    from perfxl.annotate import annotated_bytes
    from perfxl.errors import PerfxlError
    from perfxl.validate import validate_file

    example = Path(__file__).resolve().parent.parent / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"
    findings = validate_file(example).findings
    out = io.BytesIO()
    with zipfile.ZipFile(example) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.startswith("xl/worksheets/sheet"):
                main = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
                data = data.replace(b"<sheetData>", b'<x:sheetData xmlns:x="' + main + b'">')
                data = data.replace(b"</sheetData>", b"</x:sheetData>")
            dst.writestr(info, data)
    with pytest.raises(PerfxlError) as refused:
        annotated_bytes(out.getvalue(), findings)
    assert refused.value.code == "ANNOTATE_UNSUPPORTED" and "无法在其中标注" in refused.value.message


def _single_quoted(path: Path) -> bytes:
    """The workbook with every attribute of every XML part in single quotes (valid XML; some writers do so)."""
    import io

    out = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.endswith((".xml", ".rels")):
                data = re.sub(rb'(\s[\w:]+)="([^"]*)"', rb"\1='\2'", data)
            dst.writestr(info, data)
    return out.getvalue()


def test_a_package_written_in_single_quotes_is_marked_as_one_in_double_quotes(tmp_path):
    """styles.xml's count='…', an xf's fillId='…', the relationships' Id='…' were read in double quotes only: the copy of
    a package written in single quotes had two count attributes on <cellXfs> — not XML, Excel refuses it (review). It
    now carries the same marks as the double-quoted original's copy, and annotating that copy again keeps one 校验结果."""
    from perfxl.annotate import annotated_bytes
    from perfxl.validate import validate_file

    example = Path(__file__).resolve().parent.parent / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"
    findings = validate_file(example).findings
    plain, _ = annotated_bytes(example.read_bytes(), findings)
    quoted, marked = annotated_bytes(_single_quoted(example), findings)
    fills = []
    for data in (plain, quoted):
        (tmp_path / "copy.xlsx").write_bytes(data)
        book = load_workbook(tmp_path / "copy.xlsx")  # raised XMLSyntaxError before; fills read as openpyxl reads them
        fills.append(
            {
                (ws.title, c.coordinate): c.fill.fgColor.rgb
                for ws in book.worksheets
                for row in ws.iter_rows()
                for c in row
                if c.fill is not None and c.fill.fill_type == "solid" and not ws.title.startswith("校验结果")
            }
        )
    assert marked > 0 and fills[0] == fills[1] and fills[0]
    again, _ = annotated_bytes(quoted, findings)
    (tmp_path / "again.xlsx").write_bytes(again)
    assert [n for n in load_workbook(tmp_path / "again.xlsx").sheetnames if n.startswith("校验结果")] == ["校验结果"]
