"""The annotated copy keeps every value, formula, merged range and data validation; shows marks; warns
about parts openpyxl drops; never clobbers; renders in LibreOffice with the marks visible."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
import xlsxwriter
from xlsx_load import load_workbook

from perfxl.annotate import RESULT_SHEET, SEVERITY_FILL, annotate_workbook
from perfxl.errors import PerfxlError
from perfxl.model import CellRef, Finding, Severity

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"
ARTEFACTS = REPO / "tests" / "artefacts"
SHEET = "自评表"


def _build(path: Path, *, chart: bool = False) -> Path:
    """A small 自评表-like workbook with the features annotation must keep."""
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet(SHEET)
    bold = wb.add_format({"bold": True, "border": 1})
    pct = wb.add_format({"num_format": "0.00%"})
    ws.merge_range("A1:I1", "2023年度项目支出绩效自评表", bold)
    ws.write_row("B3", ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"])
    ws.merge_range("A4:A6", "项目资金（万元）")
    ws.write_row("B4", ["年度资金总额", 100, 120, 90, 10])
    ws.write_formula("G4", "=E4/D4", pct, 0.75)
    ws.write_formula("H4", "=ROUND(G4*F4,2)", None, 7.5)
    ws.write_row("B5", ["其中：本年财政拨款", 100, 120, 90])
    ws.write_row("B6", ["上年结转资金", 0, 0, 0])
    ws.merge_range("B8:E8", "完成全年目标", None)
    ws.merge_range("F8:I8", "完成全年目标", None)
    ws.write_row("B10", ["产出指标(50分)", "数量指标", "企业数", "≥12家", "20家", 10, 10, None])
    ws.write("A12", "填报日期")
    ws.write_datetime("B12", datetime(2024, 4, 28), wb.add_format({"num_format": "yyyy-mm-dd"}))
    ws.write("C12", "=不是公式的文本", wb.add_format({"quote_prefix": True}))
    ws.data_validation("G10", {"validate": "decimal", "criteria": "between", "minimum": 0, "maximum": 100})
    ws.data_validation("I10:I20", {"validate": "length", "criteria": "<=", "value": 200})
    ws.write_comment("E4", "原有批注：执行数取自决算")
    if chart:
        data = wb.add_worksheet("数据")
        data.write_column("A1", [1, 2, 3])
        c = wb.add_chart({"type": "column"})
        c.add_series({"values": "=数据!$A$1:$A$3"})
        data.insert_chart("C2", c)
        data.insert_textbox("C20", "说明：本表数据取自决算")
    wb.close()
    return path


def _findings() -> list[Finding]:
    return [
        Finding("F04", Severity.ERROR, CellRef(SHEET, "G4"), "执行率应为 75.00%", expected="75.00%", actual="0.75"),
        Finding("S08", Severity.WARNING, CellRef(SHEET, "I10"), "超额完成未说明偏差原因", actual="20家"),
        Finding("G02", Severity.INFO, CellRef(SHEET, "G8", "F8"), "实际完成情况只是重复预期目标"),
        Finding("F02", Severity.ERROR, CellRef(SHEET, "C4:E4"), "资金合计不等于各项之和"),
        Finding("E04", Severity.WARNING, CellRef(SHEET, "E4"), '=HYPERLINK("http://evil") 执行数可疑', actual="=1+1"),
        Finding("X01", Severity.INFO, None, "整个文件的提示"),
        Finding("X02", Severity.INFO, CellRef("不存在的表", "A1"), "另一张表"),
    ]


def _snapshot(path: Path) -> dict:
    """Every cell's value/formula, merged ranges, data validations, comments' presence, per original sheet."""
    wb = load_workbook(path, rich_text=True)
    snap = {"sheets": wb.sheetnames, "defined": sorted(wb.defined_names)}
    for ws in wb.worksheets:
        cells = {}
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None:
                    cells[c.coordinate] = (c.value, c.data_type, c.number_format, c.quotePrefix)
        dvs = sorted(
            (str(dv.sqref), dv.type, dv.operator, dv.formula1, dv.formula2, dv.allow_blank)
            for dv in ws.data_validations.dataValidation
        )
        snap[ws.title] = {
            "cells": cells,
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "dv": dvs,
            "dims": ws.dimensions,
        }
    return snap


def test_copy_keeps_every_value_formula_merge_and_validation(tmp_path):
    src = _build(tmp_path / "in.xlsx")
    before_bytes = src.read_bytes()
    before = _snapshot(src)
    res = annotate_workbook(src, _findings(), tmp_path / "out.xlsx")
    assert src.read_bytes() == before_bytes, "the input is never touched"
    after = _snapshot(res.path)
    assert after["sheets"] == before["sheets"] + [RESULT_SHEET]
    for name in before["sheets"]:
        assert after[name] == before[name], name
    assert before[SHEET]["cells"]["G4"][0] == "=E4/D4" and before[SHEET]["dv"]  # the comparison had substance
    assert res.warnings == ()


@pytest.mark.parametrize("variant", ["template", "split_target", "two_tables", "openpyxl_uncached"])
def test_generator_variants_keep_every_cell(tmp_path, variant):
    """The seed content in the generator's real-world shapes (formulas + cached values, PERF_SCORE, dropdowns,
    split target columns, stacked tables, uncached formulas): annotation changes no cell, merge or validation."""
    from perfxl.workbook import seed_content, write_submission

    written = write_submission(tmp_path / f"{variant}.xlsx", seed_content(), variant)
    sheet = written.sheets[-1]
    findings = [
        Finding("S01", Severity.ERROR, CellRef(sheet, "H22"), "得分应为 9.83"),
        Finding("G02", Severity.WARNING, CellRef(sheet, "F11"), "实际完成情况只是重复预期目标"),
    ]
    before = _snapshot(written.path)
    res = annotate_workbook(written.path, findings, tmp_path / "out.xlsx")
    after = _snapshot(res.path)
    for name in before["sheets"]:
        assert after[name] == before[name], name
    assert any(isinstance(v[0], str) and v[0].startswith("=") for v in before[sheet]["cells"].values()) or variant in (
        "split_target",
        "two_tables",
    ), "formula variants really carry formulas"


def test_marks_fill_by_severity_notes_and_result_sheet(tmp_path):
    src = _build(tmp_path / "in.xlsx")
    res = annotate_workbook(src, _findings(), tmp_path / "out.xlsx")
    wb = load_workbook(res.path)
    ws = wb[SHEET]

    def fill(coord):
        return ws[coord].fill.fgColor.rgb[-6:]

    assert fill("G4") == SEVERITY_FILL[Severity.ERROR]
    assert fill("I10") == SEVERITY_FILL[Severity.WARNING]
    assert fill("F8") == SEVERITY_FILL[Severity.INFO]  # a merged range is marked through its anchor
    assert fill("C4") == fill("D4") == SEVERITY_FILL[Severity.ERROR]
    assert fill("E4") == SEVERITY_FILL[Severity.ERROR]  # worst severity wins on a shared cell
    assert ws["H4"].fill.fill_type is None  # untouched cell stays unfilled
    assert "[F04]" in ws["G4"].comment.text and "执行率应为 75.00%" in ws["G4"].comment.text
    assert "[G02]" in ws["F8"].comment.text  # note sits on the merged range's anchor
    e4 = ws["E4"].comment.text
    assert e4.startswith("原有批注：执行数取自决算") and "[E04]" in e4  # existing note kept, ours appended
    assert res.marked_cells == 1 + 1 + 4 + 3

    rs = wb[RESULT_SHEET]
    rows = [[c.value for c in r] for r in rs.iter_rows(min_row=5)]
    assert len(rows) == len(_findings())
    codes = {r[2] for r in rows}
    assert codes == {f.code for f in _findings()}
    link_rows = [r for r in rs.iter_rows(min_row=5) if r[4].hyperlink is not None]
    assert {(r[3].value, r[4].hyperlink.location) for r in link_rows} >= {
        (SHEET, "'自评表'!G4"),
        (SHEET, "'自评表'!C4"),
    }
    assert all(r[4].hyperlink.target is None for r in link_rows), "links are internal, not URLs"
    e04 = next(r for r in rs.iter_rows(min_row=5) if r[2].value == "E04")
    assert e04[5].data_type == "s" and not str(e04[5].value).startswith("=")
    assert e04[7].data_type == "s" and not str(e04[7].value).startswith("=")


def test_second_run_replaces_its_own_result_sheet(tmp_path):
    src = _build(tmp_path / "in.xlsx")
    first = annotate_workbook(src, _findings(), tmp_path / "once.xlsx")
    second = annotate_workbook(first.path, _findings()[:2], tmp_path / "twice.xlsx")
    wb = load_workbook(second.path)
    assert wb.sheetnames.count(RESULT_SHEET) == 1 and len(wb.sheetnames) == 2
    assert wb[RESULT_SHEET].max_row == 4 + 2


def test_keeps_charts_shapes_and_text_boxes_byte_for_byte(tmp_path):
    """Parts perfxl does not mark are copied unchanged; marked sheets differ only where marks are."""
    import re
    import zipfile

    src = _build(tmp_path / "chart.xlsx", chart=True)
    res = annotate_workbook(src, _findings(), tmp_path / "out.xlsx")
    assert res.warnings == ()
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(res.path) as b:
        before = {n: a.read(n) for n in a.namelist()}
        after = {n: b.read(n) for n in b.namelist()}
    assert set(before) <= set(after), "no part of the user's file is dropped"
    changed = {n for n in before if before[n] != after[n]}
    assert changed == {
        "xl/worksheets/sheet1.xml",
        "xl/styles.xml",
        "xl/comments1.xml",
        "xl/drawings/vmlDrawing1.vml",
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
        "[Content_Types].xml",
    }, changed
    assert any(n.startswith("xl/charts/") for n in before) and any(n.startswith("xl/drawings/drawing") for n in before)

    # the marked sheet: the same text once the cells' style indexes are set aside
    def strip(xml):
        return re.sub(rb'\ss="\d+"', b"", re.sub(rb'<c r="[A-Z]+\d+" s="\d+"/>', b"", xml))

    assert strip(before["xl/worksheets/sheet1.xml"]) == strip(after["xl/worksheets/sheet1.xml"])
    # styles: only appended entries
    old_xfs = re.findall(rb"<xf\b[^>]*/>|<xf\b[^>]*>.*?</xf>", before["xl/styles.xml"], re.S)
    new_xfs = re.findall(rb"<xf\b[^>]*/>|<xf\b[^>]*>.*?</xf>", after["xl/styles.xml"], re.S)
    assert new_xfs[: len(old_xfs)] == old_xfs and len(new_xfs) > len(old_xfs)


def test_never_clobbers_and_in_place_keeps_a_backup(tmp_path):
    src = _build(tmp_path / "in.xlsx")
    original = src.read_bytes()
    dest = tmp_path / "out.xlsx"
    dest.write_bytes(b"user's own file")
    with pytest.raises(PerfxlError):
        annotate_workbook(src, _findings(), dest)
    assert dest.read_bytes() == b"user's own file"
    annotate_workbook(src, _findings(), dest, force=True)
    assert load_workbook(dest)[SHEET]["G4"].comment is not None
    with pytest.raises(PerfxlError):
        annotate_workbook(src, _findings(), src)  # over the input only with in_place
    res = annotate_workbook(src, _findings(), in_place=True)
    assert res.path == src and res.backup is not None and res.backup.read_bytes() == original
    assert RESULT_SHEET in load_workbook(src).sheetnames


def test_refuses_xls_and_broken_files_with_a_typed_error(tmp_path):
    xls = tmp_path / "old.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    with pytest.raises(PerfxlError) as e:
        annotate_workbook(xls, _findings(), tmp_path / "x.xls")
    assert ".xlsx" in e.value.message
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(PerfxlError):
        annotate_workbook(broken, _findings(), tmp_path / "y.xlsx")
    assert not (tmp_path / "y.xlsx").exists()


def _ppm_colours(ppm: Path) -> set[tuple[int, int, int]]:
    """Distinct RGB colours of a binary PPM (P6) written by pdftoppm."""
    data = ppm.read_bytes()
    parts = data.split(maxsplit=4)
    assert parts[0] == b"P6"
    width, height = int(parts[1]), int(parts[2])
    pixels = parts[4][: width * height * 3]
    return {tuple(pixels[i : i + 3]) for i in range(0, len(pixels), 3 * 7)}


@pytest.mark.libreoffice
def test_seed_example_annotated_copy_renders_with_visible_marks_in_libreoffice(tmp_path):
    """Annotate the seed example, convert with LibreOffice headless, and find the mark colours on the page."""
    soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
    assert soffice and pdftoppm, "LibreOffice and poppler-utils are required (see .ci/run)"
    assert EXAMPLE.is_file(), "seed example missing: run the workbook generator"
    from perfxl.validate import validate_file

    result = validate_file(EXAMPLE)
    findings = result.findings
    assert {f.severity for f in findings} == set(Severity), "the seed example yields errors, warnings and infos"
    res = annotate_workbook(EXAMPLE, findings, tmp_path / "seed.校验.xlsx")
    profile = tmp_path / "lo-profile"

    def pages(xlsx: Path, stem: str) -> list[set[tuple[int, int, int]]]:
        outdir = tmp_path / stem
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(outdir),
                str(xlsx),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        [pdf] = outdir.glob("*.pdf")
        subprocess.run([pdftoppm, "-r", "60", str(pdf), str(outdir / "page")], check=True, timeout=120)
        return [_ppm_colours(ppm) for ppm in sorted(outdir.glob("page*.ppm"))]

    def has(colours: set, hex_rgb: str) -> bool:
        rgb = tuple(bytes.fromhex(hex_rgb))
        return any(all(abs(a - b) <= 6 for a, b in zip(c, rgb, strict=True)) for c in colours)

    before = pages(EXAMPLE, "original")
    after = pages(res.path, "annotated")
    assert len(after) > len(before), "the 校验结果 sheet adds pages"
    user_pages = set().union(*after[: len(before)])  # the user's own sheets, without 校验结果
    for sev in (Severity.ERROR, Severity.WARNING, Severity.INFO):
        colour = SEVERITY_FILL[sev]
        assert not any(has(p, colour) for p in before), f"{colour} already in the original"
        assert has(user_pages, colour), f"{sev.value} fill not visible on the user's sheets"
    [pdf] = (tmp_path / "annotated").glob("*.pdf")
    ARTEFACTS.mkdir(exist_ok=True)
    for old in ARTEFACTS.glob("annotated-seed-*.png"):
        old.unlink()
    subprocess.run([pdftoppm, "-png", "-r", "80", str(pdf), str(ARTEFACTS / "annotated-seed")], check=True, timeout=120)
    os.replace(pdf, ARTEFACTS / "annotated-seed.pdf")


def test_macro_workbook_keeps_vba_and_ribbon(tmp_path):
    """The standard .xlsm (VBA + 校验 ribbon): the copy keeps the VBA project and the ribbon relationship."""
    import zipfile

    src = REPO / "workbooks" / "perfxl-standard.xlsm"
    assert src.is_file(), "standard .xlsm missing: built by the Excel engineer's build script"
    sheet = load_workbook(src, keep_vba=True).sheetnames[1]
    before = _snapshot(src)
    res = annotate_workbook(
        src, [Finding("F04", Severity.ERROR, CellRef(sheet, "G4"), "执行率不符")], tmp_path / "std.xlsm"
    )
    assert res.warnings == ()
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(res.path) as b:
        assert a.read("xl/vbaProject.bin") == b.read("xl/vbaProject.bin")
        assert a.read("customUI/customUI14.xml") == b.read("customUI/customUI14.xml")
        assert b"relationships/ui/extensibility" in b.read("_rels/.rels")
        assert b"macroEnabled" in b.read("[Content_Types].xml")
    after = _snapshot(res.path)
    for name in before["sheets"]:
        assert after[name] == before[name], name


def _raw_members(path):
    """Each member's local header and compressed bytes, exactly as stored in the zip."""
    import struct
    import zipfile

    data = Path(path).read_bytes()
    out = {}
    with zipfile.ZipFile(path) as z:
        for info in z.infolist():
            n, m = struct.unpack_from("<HH", data, info.header_offset + 26)
            start = info.header_offset + 30 + n + m
            out[info.filename] = data[start : start + info.compress_size]
    return out


def test_untouched_parts_keep_their_compressed_bytes(tmp_path):
    """A chart, drawing or image the marks do not touch is copied as stored — never inflated and deflated again."""
    import zipfile

    built = _build(tmp_path / "chart.xlsx", chart=True)
    src = tmp_path / "excel-like.xlsx"  # deflated by another compressor than Python's default, as Excel's is
    with zipfile.ZipFile(built) as zin, zipfile.ZipFile(src, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info.filename))
    res = annotate_workbook(src, _findings(), tmp_path / "out.xlsx")
    before, after = _raw_members(src), _raw_members(res.path)
    kept = [n for n in before if n.startswith(("xl/charts/", "xl/drawings/drawing", "xl/theme/", "docProps/"))]
    assert kept and all(before[n] == after[n] for n in kept), [n for n in kept if before[n] != after[n]]


def test_members_written_with_data_descriptors_are_rewritten_intact(tmp_path):
    """A zip streamed with data descriptors (flag bit 3, as some exporters write) cannot be copied raw:
    those members are rewritten, and every part still reads back the same."""
    import io
    import zipfile

    src = _build(tmp_path / "in.xlsx")

    class Unseekable(io.RawIOBase):  # zipfile writes data descriptors when it cannot seek back
        def __init__(self):
            self.buf = bytearray()

        def writable(self):
            return True

        def write(self, b):
            self.buf += b
            return len(b)

    sink = Unseekable()
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(sink, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info.filename))
    streamed = tmp_path / "streamed.xlsx"
    streamed.write_bytes(bytes(sink.buf))
    with zipfile.ZipFile(streamed) as z:
        assert all(i.flag_bits & 0x08 for i in z.infolist())  # the case under test
    res = annotate_workbook(streamed, _findings(), tmp_path / "out.xlsx")
    with zipfile.ZipFile(streamed) as a, zipfile.ZipFile(res.path) as b:
        assert b.testzip() is None
        unchanged = [n for n in a.namelist() if n.startswith(("docProps/", "xl/theme/"))]
        assert unchanged and all(a.read(n) == b.read(n) for n in unchanged)
    assert load_workbook(res.path)[RESULT_SHEET].max_row > 4


def _fills(path: Path) -> dict[str, str]:
    wb = load_workbook(path)
    ws = wb[SHEET]
    return {
        c.coordinate: c.fill.fgColor.rgb
        for row in ws.iter_rows()
        for c in row
        if c.fill is not None and c.fill.fill_type == "solid"
    }


def test_cells_written_in_another_attribute_order_are_marked_the_same(tmp_path):
    """Excel writes <row r=…> and <c r=…> first, which the fast path finds directly; another writer's order
    (<c s="…" r="…">, <row spans="…" r="…">) takes the full scan — and marks exactly the same cells."""
    import re
    import zipfile

    src = _build(tmp_path / "in.xlsx")
    reordered = tmp_path / "reordered.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(reordered, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<c r="([A-Z]+\d+)"([^>]*?)(/?)>', rb'<c\2 r="\1"\3>', data)
                data = re.sub(rb'<row r="(\d+)"([^>]*?)(/?)>', rb'<row\2 r="\1"\3>', data)
                data = data.replace(b'<c r="', b'<c  r="').replace(b'<row r="', b'<row  r="')  # no other attribute
                assert b'<c r="' not in data and b'<row r="' not in data
            zout.writestr(info.filename, data)
    plain = annotate_workbook(src, _findings(), tmp_path / "plain.xlsx")
    other = annotate_workbook(reordered, _findings(), tmp_path / "other.xlsx")
    assert plain.marked_cells == other.marked_cells
    assert _fills(plain.path) == _fills(other.path) and "G4" in _fills(plain.path)
