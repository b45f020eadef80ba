"""Formula text from the sheet XML (perfxl.io.xml_formulas) equals what openpyxl reads, and anything
it cannot reproduce exactly is left to openpyxl."""

from __future__ import annotations

import openpyxl
import pytest
from openpyxl.worksheet.formula import ArrayFormula

from perfxl.io import source
from perfxl.io.openpyxl_source import read_formulas
from perfxl.io.xml_formulas import formulas_from_xml
from perfxl.reader import read_submission
from perfxl.workbook import seed_content, write_submission


def _quick_and_openpyxl(path):
    grids = source._read_calamine(path)
    uncached, _errors, quick, _shown, _headers, _flags, _unread = source._scan_sheets(path)
    wanted = [name for name, cells in uncached.items() if cells]
    return source._quick_formulas(grids, wanted, quick), read_formulas(path, wanted)


def test_generated_uncached_workbook_needs_no_openpyxl_and_reads_the_same(tmp_path):
    path = write_submission(tmp_path / "uncached.xlsx", seed_content(), "openpyxl_uncached").path
    quick, slow = _quick_and_openpyxl(path)
    assert quick is not None and quick == slow
    assert sum(len(f) for f in quick.values()) > 5
    sub = read_submission(path)
    computed = [i.score for ev in sub.evaluations for i in ev.indicators if i.score.computed]
    assert computed and all(c.formula and c.formula.startswith("=") for c in computed)


def test_escaped_text_and_several_sheets(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "自评表"
    ws["A1"] = 5
    ws["B1"] = "=IF(A1>3,\"a&b<c>\",'x')"
    ws["C1"] = '=ROUND(A1/3,2)&"%"'
    wb.create_sheet("第二")["A2"] = "=SUM(1,2)"
    wb.save(tmp_path / "t.xlsx")
    quick, slow = _quick_and_openpyxl(tmp_path / "t.xlsx")
    assert (
        quick
        == slow
        == {"自评表": {(0, 1): "=IF(A1>3,\"a&b<c>\",'x')", (0, 2): '=ROUND(A1/3,2)&"%"'}, "第二": {(1, 0): "=SUM(1,2)"}}
    )


def test_array_formulas_and_text_starting_with_equals_go_to_openpyxl(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "=1+1"
    ws["B1"] = ArrayFormula("B1:B2", "=A1:A2*2")
    wb.save(tmp_path / "array.xlsx")
    quick, slow = _quick_and_openpyxl(tmp_path / "array.xlsx")
    assert quick is None and slow["Sheet"][(0, 0)] == "=1+1"

    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "=1+1"
    ws["A2"] = "=typed text"
    ws["A2"].data_type = "s"  # a text cell that starts with "=": openpyxl's reader reports it as a formula
    wb.save(tmp_path / "text.xlsx")
    quick, slow = _quick_and_openpyxl(tmp_path / "text.xlsx")
    assert quick is None and slow["Sheet"] == {(0, 0): "=1+1", (1, 0): "=typed text"}


@pytest.mark.parametrize(
    "xml",
    [
        b'<c r="A1"><f t="shared" ref="A1:A3" si="0">B1*2</f></c><c r="A2"><f t="shared" si="0"/></c>',
        b'<c r="A1"><f/></c>',
        b"<c><f>1+1</f></c>",
        b'<x:c r="A1"><x:f>1+1</x:f></x:c>',
        b'<c r="A1"><f>1+\r\n1</f></c>',
    ],
)
def test_forms_it_does_not_reproduce_give_none(xml):
    assert formulas_from_xml(b"<sheetData><row>" + xml + b"</row></sheetData>") is None


def test_plain_cells():
    xml = b'<row r="3"><c r="B3" s="1"><f>SUM(C3:D3)&amp;"&#20803;"</f></c><c r="C3"><v>1</v></c></row>'
    assert formulas_from_xml(xml) == {(2, 1): '=SUM(C3:D3)&"元"'}
