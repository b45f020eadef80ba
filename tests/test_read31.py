"""read31 (issue 11): an .xls read as it shows, and an .xlsx whose xl/styles.xml does not parse said as coverage.

Budget systems export .xls (BIFF8) a lot. calamine gives an .xls's values only, so until read31 a typed 22% read as
0.22, a 得分 6.2512 printed 6.25 at four decimals, a hidden helper column as a column of the form and a #DIV/0! as a
blank, and READ_FORMATS_NOT_READ said so on every .xls. perfxl.io.xls_formats reads the XF records (xlrd) and one walk
of each sheet's records, feeding the structures the .xlsx reader fills: the .xls files here are the corpus variants
of test_adv29/test_read29/test_read30 saved as .xls by LibreOffice (the project's means of making .xls, as
tests/badinput does), and each must read as its .xlsx does.
"""

from __future__ import annotations

import shutil
import struct
import sys
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

import probe_variants as PV
from render import CORPUS, load_table, render

from perfxl.io.shown_numbers import shown_number
from perfxl.io.source import open_source
from perfxl.io.xls_formats import BOF, BOOLERR, COLINFO, EOF, FORMULA, MULRK, NUMBER, ROW, _read_sheet
from perfxl.validate import validate_file

#: variant → the corpus table it is saved from (the tables test_read29/test_read30 judge it on, else the first it
#: changes): typed percents and percent points, hidden decimals under "0.00", formulas under percent and fixed formats,
#: amounts under "0", filtered rows, hidden helper/form columns.
VARIANTS = {
    "pct_typed": "yunnan-changning-kasi-sangong-2024",
    "pct_points_typed": "anhui-chuzhou-sanzhiyifu-2022",
    "scores_hidden_digits": "hebei-chengan-gaolingjintie-2020",
    "scores_fixed_format": "hebei-chengan-gaolingjintie-2020",
    "rate_formula": "anhui-chuzhou-sanzhiyifu-2022",
    "scores_round_formula": "anhui-chuzhou-sanzhiyifu-2022",
    "scores_summed": "anhui-chuzhou-sanzhiyifu-2022",
    "amounts_typed": "anhui-huoshan-yiliaojiuzhu-2024",
    "filtered_rows": "anhui-guichi-weituo-2022",
    "hidden_helper_column": "anhui-tongling-jiaoqu-gongyishiye-2021",
    "hidden_weight_column": "jiangxi-nanchang-canchaweishengyuan-bumen-2021",
    "quote_prefix": "anhui-guichi-weituo-2022",
}


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """variant → (its .xlsx, the same saved as .xls by LibreOffice), plus "errors": a #DIV/0! and a #N/A result."""
    from perfxl.io.libreoffice import convert_many

    work = tmp_path_factory.mktemp("read31")
    sources = []
    for kind, name in VARIANTS.items():
        got = PV.VARIANTS[kind](load_table(CORPUS / f"{name}.toml"))
        assert got is not None, (kind, name)
        sources.append(shutil.copyfile(render(got[0], work / kind), work / f"{kind}.xlsx"))
    sources.append(_error_workbook(work / "errors.xlsx"))
    xls = convert_many(sources, "xls", work / "xls")
    return {src.stem: (src, out) for src, out in zip(sources, xls, strict=True)}


def _error_workbook(path: Path) -> Path:
    """得分 =E2/0 and =NA() with their cached #DIV/0! and #N/A, beside a plain 5."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("自评表")
    sheet.write_row(0, 0, ["指标", "分值", "得分"])
    sheet.write_row(1, 0, ["完成率", 5])
    sheet.write_formula(1, 2, "=B2/0", None, "#DIV/0!")
    sheet.write(2, 0, "满意度")
    sheet.write(2, 1, 5)
    sheet.write_formula(2, 2, "=NA()", None, "#N/A")
    book.close()
    return path


def _cells(grid) -> dict[tuple[int, int], object]:
    """A grid's non-empty cells (an .xls's whole number 5 reads as 5, the .xlsx's as 5.0: equal)."""
    return {(r, c): v for r, row in enumerate(grid.rows) for c, v in enumerate(row) if v not in ("", None)}


def _judged(path: Path) -> list[tuple[str, str, str]]:
    """Every finding as (code, severity, cell) — what the reading of a file decides."""
    return sorted((f.code, f.severity.value, str(f.ref)) for f in validate_file(path).findings)


@pytest.mark.libreoffice
@pytest.mark.parametrize("kind", [k for k in VARIANTS if k != "quote_prefix"])
def test_an_xls_reads_as_its_xlsx_shows(saved, kind: str) -> None:
    """Each variant's .xls gives the grids its .xlsx gives — the shown "22%", "6.25", "100%", the hidden rows and
    columns — and every finding the .xlsx gets, no READ_FORMATS_NOT_READ. At main 11 of the 11 differ: the .xls read
    0.22, 6.2512, 1.0 … as stored, no hidden row or column, and said READ_FORMATS_NOT_READ."""
    xlsx, xls = saved[kind]
    (gx,), _, _ = open_source(xlsx)
    (gb,), notes, read_as = open_source(xls)
    assert read_as == "xls" and not [f for f in notes if f.code == "READ_FORMATS_NOT_READ"]
    assert _cells(gb) == _cells(gx)
    assert (gb.hidden_rows, gb.hidden_cols, gb.errors) == (gx.hidden_rows, gx.hidden_cols, gx.errors)
    assert _judged(xls) == _judged(xlsx)


@pytest.mark.libreoffice
def test_an_xls_error_value_is_read_as_the_error(saved) -> None:
    """#DIV/0! and #N/A cached in an .xls read as those errors (calamine gives ""): one READ_ERROR_VALUE each, as the
    .xlsx (at main: blanks, no finding)."""
    xlsx, xls = saved["errors"]
    (gb,), _, _ = open_source(xls)
    assert gb.errors == {(1, 2): "#DIV/0!", (2, 2): "#N/A"} == open_source(xlsx)[0][0].errors
    assert gb.rows[1][2] == "#DIV/0!" and gb.rows[1][1] == 5


@pytest.mark.libreoffice
def test_an_xls_quote_prefix_marks_its_cells(saved, tmp_path: Path) -> None:
    """LibreOffice drops the apostrophe of '95 when it saves an .xls; Excel keeps it as the XF's f123Prefix bit
    ([MS-XLS] 2.4.353). Set on the XF of 贵池's quoted cells, every text cell of that XF reads as quoted — the .xlsx's
    quoted cells among them — and READ_NUMBER_AS_TEXT says so (at main: no cell quoted, no 提示)."""
    import olefile
    import xlrd

    xlsx, xls = saved["quote_prefix"]
    quoted = open_source(xlsx)[0][0].quoted
    sheet = xlrd.open_workbook(str(xls), formatting_info=True).sheet_by_index(0)
    xfs = {sheet.cell_xf_index(r, c) for r, c in quoted}
    marked = shutil.copyfile(xls, tmp_path / "quoted.xls")
    with olefile.OleFileIO(str(marked), write_mode=True) as ole:
        data = bytearray(ole.openstream("Workbook").read())
        _set_quote_prefix(data, xfs)
        ole.write_stream("Workbook", bytes(data))
    expected = {
        (r, c)
        for r in range(sheet.nrows)
        for c in range(sheet.row_len(r))
        if sheet.cell_type(r, c) == xlrd.XL_CELL_TEXT and sheet.cell_xf_index(r, c) in xfs
    }
    (grid,), _, _ = open_source(marked)
    assert grid.quoted == expected and quoted <= expected
    assert [f for f in validate_file(marked).findings if f.code == "READ_NUMBER_AS_TEXT"]


def _set_quote_prefix(data: bytearray, xfs: set[int]) -> None:
    """Set f123Prefix (bit 3 of the word at offset 4) on the XF records numbered `xfs` of a Workbook stream."""
    pos, number = 0, 0
    while pos + 4 <= len(data):
        rtype, rlen = struct.unpack_from("<HH", data, pos)
        if rtype == 0x00E0:
            if number in xfs:
                data[pos + 8] |= 0x08
            number += 1
        pos += 4 + rlen


@pytest.mark.libreoffice
def test_an_xls_whose_format_records_do_not_parse_is_read_as_stored_and_said(
    saved, tmp_path: Path, monkeypatch
) -> None:
    """A FORMAT record whose string flags claim rich text it does not hold (a damaged export): xlrd refuses the
    workbook's formats, calamine still reads its values — read as stored (0.22) and READ_FORMATS_NOT_READ says the
    formats were not read and why; the same where xlrd is not installed (a Pyodide build without it)."""
    import olefile

    _, xls = saved["pct_typed"]
    damaged = shutil.copyfile(xls, tmp_path / "damaged.xls")
    with olefile.OleFileIO(str(damaged), write_mode=True) as ole:
        data = bytearray(ole.openstream("Workbook").read())
        pos = 0
        while struct.unpack_from("<H", data, pos)[0] != 0x041E:  # the first FORMAT record
            pos += 4 + struct.unpack_from("<H", data, pos + 2)[0]
        data[pos + 8] = 0x0D  # its string's flags: wide, rich text, extended (none of which follows)
        ole.write_stream("Workbook", bytes(data))
    (grid,), notes, _ = open_source(damaged)
    (note,) = [f for f in notes if f.code == "READ_FORMATS_NOT_READ"]
    assert grid.rows[4][4] == pytest.approx(0.22) and "damaged.xls" in note.message and "格式记录" in note.message
    assert "could not be parsed" in note.message_en
    monkeypatch.setitem(sys.modules, "xlrd", None)
    (grid,), notes, _ = open_source(xls)
    assert grid.rows[4][4] == pytest.approx(0.22) and [f for f in notes if f.code == "READ_FORMATS_NOT_READ"]


@pytest.mark.libreoffice
def test_the_guard_bounds_an_xls_before_its_formats_are_read(saved, monkeypatch) -> None:
    """xlrd holds the whole Workbook stream: the guard's limits (file size, stream size, record headers) come first —
    an .xls over a lowered size limit is refused by the guard and its formats are never read."""
    from perfxl.errors import UnreadableWorkbook
    from perfxl.io import xls_formats
    from perfxl.limits import Limits

    def never(path: Path) -> None:
        raise AssertionError("formats read before the guard refused the file")

    monkeypatch.setattr(xls_formats, "read_xls_sheets", never)
    _, xls = saved["pct_typed"]
    with pytest.raises(UnreadableWorkbook) as refused:
        open_source(xls, limits=Limits(max_file_bytes=4096))
    assert refused.value.code == "FILE_TOO_LARGE"


# ---------------------------------------------------------------- the record walk, on records laid out by [MS-XLS]


def _record(rtype: int, body: bytes) -> bytes:
    return struct.pack("<HH", rtype, len(body)) + body


def test_the_record_walk_reads_formats_errors_and_hidden_rows_and_columns() -> None:
    """One sheet's records as Excel writes them: XF 5 a percent, XF 7 "0.00", XF 9 quote-prefixed. A typed number and
    a MULRK under XF 5 are shown; a formula's number under XF 7 stays stored (as an .xlsx's), under XF 5 shown; a
    formula's #DIV/0! and a BOOLERR #N/A read as errors, a BOOLERR TRUE not; row 3 and column D hidden, a COLINFO
    hiding columns K:IV (the unused rest) not; a number in an embedded chart's substream skipped."""
    shown = {5: (0, True, "%"), 7: (2, False, "")}
    number = struct.pack("<d", 0.955)
    records = b"".join(
        [
            _record(BOF, struct.pack("<HH", 0x0600, 0x0010) + bytes(12)),
            _record(COLINFO, struct.pack("<HHHHHH", 3, 3, 2000, 15, 0x0001, 0)),
            _record(COLINFO, struct.pack("<HHHHHH", 10, 255, 2000, 15, 0x0001, 0)),
            _record(ROW, struct.pack("<HHHHHHHH", 2, 0, 4, 255, 0, 0, 0x0020, 15)),
            _record(NUMBER, struct.pack("<HHH", 0, 0, 5) + number),
            _record(NUMBER, struct.pack("<HHH", 0, 1, 6) + number),
            _record(
                MULRK, struct.pack("<HH", 3, 0) + struct.pack("<HI", 5, 0) + struct.pack("<HI", 6, 0) + b"\x01\x00"
            ),
            _record(FORMULA, struct.pack("<HHH", 1, 0, 7) + number + bytes(8)),
            _record(FORMULA, struct.pack("<HHH", 1, 1, 5) + number + bytes(8)),
            _record(FORMULA, struct.pack("<HHH", 1, 2, 5) + bytes([2, 0, 0x07, 0, 0, 0, 0xFF, 0xFF]) + bytes(8)),
            _record(BOOLERR, struct.pack("<HHHBB", 1, 3, 15, 0x2A, 1)),
            _record(BOOLERR, struct.pack("<HHHBB", 1, 4, 15, 1, 0)),
            _record(0x00FD, struct.pack("<HHHI", 4, 0, 9, 0)),
            _record(0x00FD, struct.pack("<HHHI", 4, 1, 15, 1)),
            _record(BOF, struct.pack("<HH", 0x0600, 0x0020) + bytes(12)),
            _record(NUMBER, struct.pack("<HHH", 9, 9, 5) + number),
            _record(EOF, b""),
            _record(EOF, b""),
            _record(NUMBER, struct.pack("<HHH", 8, 8, 5) + number),  # past the sheet's EOF: another substream's
        ]
    )
    sheet = _read_sheet(records, 0, shown, frozenset({9}))
    assert sheet.shows == {(0, 0): shown[5], (3, 0): shown[5], (1, 1): shown[5]}
    assert sheet.errors == {(1, 2): "#DIV/0!", (1, 3): "#N/A"}
    assert (sheet.flags.rows, sheet.flags.cols, sheet.flags.quoted) == ({2}, {3}, {(4, 0)})
    assert shown_number(0.955, shown[5]) == "96%" and shown_number(0.285, (2, False, "")) == "0.29"
    assert shown_number(True, shown[5]) is None and shown_number("0.955", shown[5]) is None


# ---------------------------------------------------------------- an .xlsx whose xl/styles.xml does not parse


#: xl/styles.xml malformed in ways calamine's reader passes over (it still opens the workbook) and an XML parser does
#: not: text after the root element, an element under an undeclared prefix, an attribute given twice.
MALFORMED_STYLES = {
    "junk_after_root": lambda xml: xml + b"<extra/>",
    "unbound_prefix": lambda xml: xml.replace(b"<cellXfs", b"<q:note/><cellXfs", 1),
    "attribute_twice": lambda xml: xml.replace(b"<xf ", b'<xf applyFont="0" applyFont="0" ', 1),
}


@pytest.mark.parametrize("kind", MALFORMED_STYLES)
def test_an_xlsx_whose_styles_do_not_parse_is_read_as_stored_and_said(kind: str, tmp_path: Path) -> None:
    """云南 昌宁 三公 2024 with 22% typed under a percent format, its xl/styles.xml malformed (a broken export):
    calamine still opens it, the 22% reads as the stored 0.22 — and READ_STYLES_NOT_READ says the formats were not
    read, naming the file and the part (at main: nothing said, the 0.22 checked as if the sheet showed it)."""
    table, _ = PV.VARIANTS["pct_typed"](load_table(CORPUS / "yunnan-changning-kasi-sangong-2024.toml"))
    plain = render(table, tmp_path / "plain")
    broken = tmp_path / "样式损坏.xlsx"
    with zipfile.ZipFile(plain) as zin, zipfile.ZipFile(broken, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            zout.writestr(info, MALFORMED_STYLES[kind](data) if info.filename == "xl/styles.xml" else data)
    (grid,), notes, _ = open_source(broken)
    (note,) = [f for f in notes if f.code == "READ_STYLES_NOT_READ"]
    assert grid.rows[4][4] == pytest.approx(0.22) and note.severity.value == "info"
    assert "样式损坏.xlsx" in note.message and "xl/styles.xml" in note.message and note.ref.sheet == grid.name
    (plain_grid,), plain_notes, _ = open_source(plain)
    assert plain_grid.rows[4][4] == "22%" and not [f for f in plain_notes if f.code.endswith("_NOT_READ")]
