"""The annotated copy keeps every value, formula, merged range, data validation and comment of the
original (issue 8, data safety), on every fixture workbook of the repository, and never touches the input.

Findings are the real ones `validate_file` reports for each workbook, so the cells that get marked
are the cells a reviewer would see marked.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from perfxl import annotate

REPO = Path(__file__).resolve().parent.parent
FIXTURES = sorted(p for p in (REPO / "workbooks").rglob("*") if p.suffix.lower() in (".xlsx", ".xlsm"))


def _commented_workbook(path: Path) -> Path:
    """A workbook with what users put in their files: formulas with cached values, merges, a dropdown,
    notes (one on a cell that perfxl will mark too), a number format, a hidden sheet."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("部门整体支出绩效自评表")
    ws.merge_range("A1:I1", "2023年度部门整体支出绩效自评表")
    ws.write_row(2, 0, ["年度预算申请（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"])
    ws.write_row(3, 1, ["年度资金总额", 2223.04, 2223.04, 2223.04, 10])
    ws.write_formula("G4", "=ROUND(E4/D4*100,2)", None, 100)
    ws.write("H4", 10)
    ws.write_comment("G4", "执行率按全年预算数计算（单位自填说明）", {"author": "财务科"})
    ws.write_comment("C4", "年初批复数", {"author": "财务科"})
    ws.data_validation("F4", {"validate": "list", "source": ["10", "15", "20"]})
    ws.write_datetime("B6", __import__("datetime").datetime(2024, 4, 28), wb.add_format({"num_format": "yyyy年m月d日"}))
    hidden = wb.add_worksheet("说明")
    hidden.write("A1", "内部说明")
    hidden.hide()
    wb.close()
    return path


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _load(path: Path, data_only: bool):
    from xlsx_load import load_workbook

    return load_workbook(path, data_only=data_only, keep_vba=path.suffix.lower() == ".xlsm")


def _validations(ws) -> list[tuple]:
    return sorted(
        (str(dv.sqref), dv.type, dv.formula1, dv.formula2, dv.allow_blank, dv.operator)
        for dv in ws.data_validations.dataValidation
    )


def _assert_preserved(src: Path, dest: Path, *, cached: bool = False) -> None:
    """Values/formulas as written, merges, validations, comments; with `cached`, the cached results
    of formulas too (what calamine, perfxl and file previews read)."""
    for data_only in (True,) if cached else (False,):
        before, after = _load(src, data_only), _load(dest, data_only)
        assert after.sheetnames[: len(before.sheetnames)] == before.sheetnames
        for ws in before.worksheets:
            copy = after[ws.title]
            assert copy.sheet_state == ws.sheet_state
            lost = [
                (c.coordinate, c.value, copy[c.coordinate].value)
                for row in ws.iter_rows()
                for c in row
                if c.value != copy[c.coordinate].value
                or (c.value is not None and c.number_format != copy[c.coordinate].number_format)
            ]
            kind = "cached value" if data_only else "value/formula"
            assert not lost, f"{src.name} › {ws.title}: {kind} changed: {lost[:5]}"
            if data_only:
                continue
            assert {str(r) for r in ws.merged_cells.ranges} == {str(r) for r in copy.merged_cells.ranges}
            assert _validations(ws) == _validations(copy)
            for row in ws.iter_rows():
                for c in row:
                    if c.comment is not None:
                        kept = copy[c.coordinate].comment
                        assert kept is not None and c.comment.text.strip() in kept.text, (ws.title, c.coordinate)


def test_the_repository_fixture_workbooks_are_all_covered():
    """The parametrization below runs on every committed workbook; an empty glob would silently drop them."""
    assert {p.name for p in FIXTURES} >= {"longhui-2023-kegongxin.xlsx", "perfxl-standard.xlsx", "perfxl-standard.xlsm"}


@pytest.mark.parametrize("name", [p.name for p in FIXTURES] + ["带批注.xlsx"])
def test_annotated_copy_keeps_everything(name, tmp_path):
    from perfxl.validate import validate_file

    src = next((p for p in FIXTURES if p.name == name), None) or _commented_workbook(tmp_path / name)
    before = _sha(src)
    findings = validate_file(src).findings
    dest = tmp_path / "out" / f"copy{src.suffix}"
    dest.parent.mkdir()
    result = annotate.annotate_workbook(src, findings, dest)
    assert _sha(src) == before, "the input was modified"
    assert result.path == dest and dest.is_file()
    _assert_preserved(src, dest)
    if findings:
        assert result.marked_cells > 0


@pytest.mark.parametrize("name", [p.name for p in FIXTURES if p.stem.startswith("perfxl-standard")] + ["带批注.xlsx"])
def test_annotated_copy_keeps_cached_formula_results(name, tmp_path):
    src = next((p for p in FIXTURES if p.name == name), None) or _commented_workbook(tmp_path / name)
    dest = tmp_path / f"copy{src.suffix}"
    annotate.annotate_workbook(src, [], dest)
    _assert_preserved(src, dest, cached=True)


def test_note_on_a_commented_cell_keeps_the_users_note(tmp_path):
    from perfxl.model import CellRef, Finding, Severity

    src = _commented_workbook(tmp_path / "带批注.xlsx")
    finding = Finding(
        "F04", Severity.ERROR, CellRef("部门整体支出绩效自评表", "G4"), "执行率应为 100.00%", "rate should be 100%"
    )
    dest = tmp_path / "copy.xlsx"
    annotate.annotate_workbook(src, [finding], dest)
    note = _load(dest, False)["部门整体支出绩效自评表"]["G4"].comment.text
    assert "执行率按全年预算数计算（单位自填说明）" in note and "F04" in note


def test_existing_copy_is_not_clobbered_and_in_place_keeps_a_backup(tmp_path):
    from perfxl.errors import PerfxlError

    src = _commented_workbook(tmp_path / "带批注.xlsx")
    original = src.read_bytes()
    dest = tmp_path / "copy.xlsx"
    dest.write_bytes(b"reviewer's own file")
    with pytest.raises(PerfxlError):
        annotate.annotate_workbook(src, [], dest)
    assert dest.read_bytes() == b"reviewer's own file"
    result = annotate.annotate_workbook(src, [], in_place=True)
    assert result.backup is not None and result.backup.read_bytes() == original
    backup_copy = tmp_path / "backup.xlsx"  # openpyxl wants an Excel extension
    backup_copy.write_bytes(result.backup.read_bytes())
    _assert_preserved(backup_copy, src)


def test_charts_and_text_boxes_are_kept_unchanged(tmp_path):
    """The copy keeps the chart and the text box (openpyxl dropped text boxes): their parts are identical."""
    import zipfile

    import xlsxwriter

    src = tmp_path / "有图表.xlsx"
    wb = xlsxwriter.Workbook(str(src))
    ws = wb.add_worksheet("自评表")
    ws.write_column("A1", [1, 2, 3])
    chart = wb.add_chart({"type": "column"})
    chart.add_series({"values": "=自评表!$A$1:$A$3"})
    ws.insert_chart("C1", chart)
    ws.insert_textbox("C20", "填表人：张三")
    wb.close()
    from perfxl.model import CellRef, Finding, Severity

    finding = Finding("F04", Severity.ERROR, CellRef("自评表", "A2"), "执行率不符")
    result = annotate.annotate_workbook(src, [finding], tmp_path / "copy.xlsx")
    assert result.warnings == ()
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(result.path) as b:
        drawing_parts = [n for n in a.namelist() if n.startswith(("xl/charts/", "xl/drawings/drawing"))]
        assert any("chart" in n for n in drawing_parts) and any("drawing" in n for n in drawing_parts)
        assert all(a.read(n) == b.read(n) for n in drawing_parts)
        assert "填表人：张三".encode() in b.read("xl/drawings/drawing1.xml")


def test_cached_results_of_every_type_survive_and_no_recalc_is_forced(tmp_path):
    """Number, text, boolean and error results come back with their type; calamine (perfxl's reader)
    sees them, and the copy does not ask Excel to recalculate (PERF_* cells would become #NAME?)."""
    import zipfile

    import xlsxwriter
    from python_calamine import CalamineWorkbook

    src = tmp_path / "结果类型.xlsx"
    wb = xlsxwriter.Workbook(str(src))
    ws = wb.add_worksheet("自评表")
    ws.write_row(0, 0, [2223.04, 0])
    ws.write_formula("C1", "=ROUND(A1/A1*100,2)", None, 100)
    ws.write_formula("D1", '=IF(A1>0,"达标","未达标")', None, "达标 & <完成>")
    ws.write_formula("E1", "=A1>0", None, True)
    ws.write_formula("F1", "=A1/B1", None, "#DIV/0!")
    ws.write_formula("G1", "=PERF_SCORE(A1,A1,10)", None, 10)
    wb.calc_on_load = False  # as perfxl's .xlsm build writes it: cached PERF_* values kept on open
    wb.close()
    dest = tmp_path / "copy.xlsx"
    annotate.annotate_workbook(src, [], dest)
    _assert_preserved(src, dest, cached=True)
    _assert_preserved(src, dest)
    row = CalamineWorkbook.from_path(str(dest)).get_sheet_by_name("自评表").to_python()[0]
    assert row[2:5] == [100, "达标 & <完成>", True] and row[6] == 10
    assert _load(dest, True)["自评表"]["F1"].value == "#DIV/0!"
    assert b"fullCalcOnLoad" not in zipfile.ZipFile(dest).read("xl/workbook.xml")


@pytest.mark.parametrize("name", [p.name for p in FIXTURES if p.suffix == ".xlsm"])
def test_macro_workbook_copy_keeps_its_perf_values_on_open(name, tmp_path):
    """The .xlsm template is built without recalculation on load; its annotated copy keeps that."""
    import zipfile

    src = next(p for p in FIXTURES if p.name == name)
    dest = tmp_path / f"copy{src.suffix}"
    annotate.annotate_workbook(src, [], dest)
    flag = b"fullCalcOnLoad"
    assert (flag in zipfile.ZipFile(dest).read("xl/workbook.xml")) == (
        flag in zipfile.ZipFile(src).read("xl/workbook.xml")
    )


def test_formulas_never_calculated_still_ask_for_recalculation(tmp_path):
    """An openpyxl-written original has no results to restore: the copy asks Excel to recalculate."""
    import zipfile

    import openpyxl

    src = tmp_path / "未计算.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"], wb.active["B1"] = 5, "=A1*2"
    wb.save(src)
    dest = tmp_path / "copy.xlsx"
    annotate.annotate_workbook(src, [], dest)
    _assert_preserved(src, dest)
    assert b"fullCalcOnLoad" in zipfile.ZipFile(dest).read("xl/workbook.xml")
