"""File-level reading: the guard runs first, calamine reads values, openpyxl only for formulas."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from reader_shapes import EXPECTED_INDICATORS, Shape, basic_grid, evaluation_grid, indicator_tuples, write_xlsx

from perfxl.errors import UnreadableWorkbook
from perfxl.io.source import open_grids, uncached_formula_cells
from perfxl.reader import read_submission

EXPECTED = [tuple(D(x) if isinstance(x, int) else x for x in row) for row in EXPECTED_INDICATORS]


def test_openpyxl_written_grids_read_like_the_grids(tmp_path):
    path = tmp_path / "seed.xlsx"
    write_xlsx([basic_grid(), evaluation_grid(Shape(split_target=True))], path)
    sub = read_submission(path)
    assert indicator_tuples(sub.evaluations[0]) == EXPECTED
    assert sub.basic.row("three_public").final.raw == D("11131.84")
    assert sub.problems == ()


def test_uncached_total_is_computed_not_zero(tmp_path):
    path = tmp_path / "uncached.xlsx"
    name = "部门整体支出绩效自评表"
    write_xlsx([evaluation_grid()], path, formulas={name: {(27, 6): "=SUM(G13:G27)+F4", (27, 7): "=SUM(H13:H27)+H4"}})
    (grid,) = open_grids(path)
    assert grid.uncached == {(27, 6), (27, 7)} and grid.raw(27, 7) is None
    assert grid.formulas[(27, 7)] == "=SUM(H13:H27)+H4"
    ev = read_submission(path).evaluations[0]
    assert (ev.total_weight.raw, ev.total_score.raw) == (D(100), D(99))
    assert ev.total_score.computed and ev.total_score.place().cell == "H28"


def test_uncached_detection_tells_openpyxl_from_cached_empty_strings():
    """Excel and LibreOffice type a cached "" result `t="str"`; openpyxl with lxml writes `<v></v>` untyped
    for every formula (openpyxl 3.1.5), without lxml `<v />`: an untyped empty <v> holds no value."""
    xml = (
        b'<sheetData><row r="1"><c r="A1"><f>B1*2</f><v /></c><c r="B1" s="1"/>'
        b'<c r="C1" s="2" t="str"><f>IF(B1="","",1)</f><v></v></c><c r="D1"><f>1+1</f><v>2</v></c>'
        b'<c r="E1"><f t="shared" si="0"/></c><c r="F1"><f>B1*2</f><v></v></c>'
        b'<c r="G1" t="n"><f>0*1</f><v>0</v></c></row></sheetData>'
    )
    assert uncached_formula_cells(xml) == {(0, 0), (0, 4), (0, 5)}


def test_openpyxl_written_formulas_are_uncached_whichever_xml_writer_it_uses(tmp_path):
    import zipfile

    import openpyxl

    book = openpyxl.Workbook()
    book.active["A1"], book.active["A2"] = 2, "=A1*2"
    book.save(tmp_path / "o.xlsx")
    xml = zipfile.ZipFile(tmp_path / "o.xlsx").read("xl/worksheets/sheet1.xml")
    assert uncached_formula_cells(xml) == {(1, 0)}


def test_hidden_sheet_flag(tmp_path):
    path = tmp_path / "hidden.xlsx"
    write_xlsx([evaluation_grid(), basic_grid().__class__("lists", [["达成年度指标"]], hidden=True)], path)
    grids = open_grids(path)
    assert [(g.name, g.hidden) for g in grids] == [("部门整体支出绩效自评表", False), ("lists", True)]
    sub = read_submission(path)
    assert len(sub.evaluations) == 1
    assert [p.code for p in sub.problems] == []  # a hidden lookup sheet without a table is not a problem


@pytest.mark.parametrize(
    "content, suffix", [(b"not a workbook at all", ".xlsx"), (b"PK\x03\x04broken", ".xlsx"), (b"", ".xls")]
)
def test_unreadable_files_raise_a_typed_error(tmp_path, content, suffix):
    path = tmp_path / f"bad{suffix}"
    path.write_bytes(content)
    with pytest.raises(UnreadableWorkbook) as info:
        read_submission(path)
    assert info.value.path == str(path) and info.value.message


def test_missing_file(tmp_path):
    with pytest.raises(UnreadableWorkbook):
        read_submission(tmp_path / "nope.xlsx")


def test_a_calamine_panic_is_a_typed_error_without_its_rust_report(tmp_path, capfd):
    """A defined name pointing at a sheet that does not exist makes calamine panic (a BaseException)."""
    import os

    from badinput.corpus import build

    item = build("xlsb_bad_defined_name", tmp_path)
    with pytest.raises(UnreadableWorkbook) as info:
        read_submission(item.path)
    err = info.value
    assert err.code == "FILE_DAMAGED" and err.path == str(item.path)
    assert item.path.name in err.message and item.path.name in err.message_en and "定义的名称" in err.message
    os.write(2, b"fd 2 is back\n")
    captured = capfd.readouterr().err
    assert "panicked" not in captured and "fd 2 is back" in captured


def test_other_output_on_fd2_during_a_read_is_passed_on(capfd):
    import os

    from perfxl.io.panics import quiet_native_stderr

    with quiet_native_stderr():
        os.write(2, b"a warning from native code\n")
    assert "a warning from native code" in capfd.readouterr().err


@pytest.mark.parametrize("interrupt", [KeyboardInterrupt, SystemExit])
def test_interrupts_during_a_read_are_not_swallowed(tmp_path, monkeypatch, interrupt):

    path = tmp_path / "seed.xlsx"
    write_xlsx([evaluation_grid()], path)

    class Interrupted:
        @staticmethod
        def from_path(_path):
            raise interrupt()

    monkeypatch.setattr("python_calamine.CalamineWorkbook", Interrupted)
    with pytest.raises(interrupt):
        open_grids(path)
