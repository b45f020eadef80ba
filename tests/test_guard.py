"""The input guard's own contract: configurable limits, and the refusals the corpus does not cover."""
from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from badinput import builders as b
from perfxl.errors import UnreadableWorkbook
from perfxl.io.guard import Limits, WorkbookKind, check_file, inspect_file

SHEET1 = "xl/worksheets/sheet1.xml"


@pytest.fixture()
def base(tmp_path) -> Path:
    return b.plain_xlsx(tmp_path / "base.xlsx", [("自评表", [["年度资金总额", 2223.04]]), ("说明", [["x"]])], hidden=["说明"])


def _refused(path: Path, limits: Limits | None = None) -> UnreadableWorkbook:
    with pytest.raises(UnreadableWorkbook) as info:
        check_file(path, limits)
    return info.value


def test_limits_from_environment_and_pairs():
    limits = Limits.from_env({"PERFXL_MAX_FILE_BYTES": "1000", "PERFXL_MAX_SHEETS": "3", "UNRELATED": "x"})
    assert (limits.max_file_bytes, limits.max_sheets) == (1000, 3)
    assert limits.with_pairs(["max-cells-per-sheet=2_000_000"]).max_cells_per_sheet == 2_000_000
    with pytest.raises(ValueError, match="unknown limit"):
        Limits().with_pairs(["max_cels=1"])
    with pytest.raises(ValueError, match="whole number"):
        Limits().with_pairs(["max_sheets=many"])
    with pytest.raises(ValueError, match="positive"):
        Limits().with_pairs(["max_sheets=0"])


def test_report_names_sheets_hidden_state_and_dimension_claim(base):
    report = inspect_file(base)
    assert report.kind is WorkbookKind.XLSX
    assert [(s.name, s.hidden, s.max_row, s.max_col) for s in report.sheets] == [("自评表", False, 1, 2), ("说明", True, 1, 1)]
    assert report.sheets[0].dimension == "A1:B1"
    assert report.findings == ()  # one sheet is visible


@pytest.mark.parametrize(("limit", "code"), [
    ("max_file_bytes=100", "FILE_TOO_LARGE"),
    ("max_entries=3", "ZIP_TOO_MANY_ENTRIES"),
    ("max_sheets=1", "TOO_MANY_SHEETS"),
    ("max_cells_per_sheet=1", "SHEET_TOO_LARGE"),
    ("max_uncompressed_bytes=1000", "ZIP_BOMB"),
])
def test_every_limit_is_enforced(base, limit, code):
    exc = _refused(base, Limits().with_pairs([limit]))
    assert exc.code == code and exc.message and exc.message_en


def test_limit_allows_exactly_the_used_range(base):
    assert check_file(base, Limits().with_pairs(["max_cells_per_sheet=2"])) is WorkbookKind.XLSX


def test_missing_file_and_directory(tmp_path):
    assert _refused(tmp_path / "nope.xlsx").code == "FILE_NOT_FOUND"
    assert _refused(tmp_path).code == "FILE_NOT_READABLE"


def test_duplicate_member_names_are_refused(base, tmp_path):
    dup = tmp_path / "dup.xlsx"
    b.rewrite_zip(base, dup)
    with zipfile.ZipFile(dup, "a") as zf, pytest.warns(UserWarning):
        zf.writestr(SHEET1, b"<worksheet/>")
    exc = _refused(dup)
    assert (exc.code, exc.cell) == ("ZIP_DUPLICATE_NAME", SHEET1)


def test_overlapping_members_are_refused(base, tmp_path):
    """The "overlapping files" zip bomb: two central-directory entries share their data."""
    raw = bytearray(base.read_bytes())
    with zipfile.ZipFile(base) as zf:
        infos = zf.infolist()
        target = zf.getinfo(SHEET1)
    eocd = raw.rindex(b"PK\x05\x06")
    cd_start = struct.unpack_from("<I", raw, eocd + 16)[0]
    pos = cd_start
    for info in infos:  # point the entry after sheet1 at sheet1's local header
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", raw, pos + 28)
        if info.header_offset > target.header_offset:
            struct.pack_into("<I", raw, pos + 42, target.header_offset)
            break
        pos += 46 + name_len + extra_len + comment_len
    bad = tmp_path / "overlap.xlsx"
    bad.write_bytes(bytes(raw))
    assert _refused(bad).code == "ZIP_OVERLAP"


def test_unsupported_compression_is_refused(base, tmp_path):
    bz = tmp_path / "bzip2.xlsx"
    b.rewrite_zip(base, bz, compression=zipfile.ZIP_BZIP2)
    assert _refused(bz).code == "ZIP_UNSUPPORTED"


def test_doctype_hidden_behind_a_long_comment_or_utf16_is_found(base, tmp_path):
    padded = tmp_path / "padded.xlsx"
    b.rewrite_zip(base, padded, {SHEET1: lambda d: d.replace(b"?>", b"?><!--" + b" " * 20000 + b"--><!DOCTYPE x [<!ENTITY a 'b'>]>", 1)})
    assert _refused(padded).code == "XML_DTD_FORBIDDEN"
    utf16 = tmp_path / "utf16.xlsx"
    b.rewrite_zip(base, utf16, {
        SHEET1: lambda d: d.decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
        .replace("?>", "?><!DOCTYPE x [<!ENTITY a 'b'>]>", 1).encode("utf-16")})
    exc = _refused(utf16)
    assert (exc.code, exc.cell) == ("XML_DTD_FORBIDDEN", SHEET1)


def test_malformed_workbook_xml_names_the_part(base, tmp_path):
    bad = tmp_path / "bad.xlsx"
    b.rewrite_zip(base, bad, {"xl/workbook.xml": lambda d: d.replace(b'encoding="UTF-8"', b'encoding="UT"')})
    exc = _refused(bad)
    assert (exc.code, exc.cell) == ("XML_MALFORMED", "xl/workbook.xml")


def test_cells_without_r_attributes_still_count(base, tmp_path):
    """OOXML lets writers omit `r`; such cells follow the previous one and must not slip past."""
    row = b"<row>" + b"<c><v>1</v></c>" * 20 + b"</row>"
    bare = tmp_path / "bare.xlsx"
    b.rewrite_zip(base, bare, {SHEET1: lambda d: d.replace(b"</sheetData>", row + b"</sheetData>")})
    [sheet, _] = inspect_file(bare).sheets
    assert (sheet.max_row, sheet.max_col) == (2, 20)


def test_the_guard_never_writes(base):
    before = base.stat().st_mtime_ns, base.read_bytes()
    inspect_file(base)
    assert (base.stat().st_mtime_ns, base.read_bytes()) == before


def _sheet_xml(cells: list[tuple[int, int, bool]]) -> bytes:
    from perfxl.model import a1

    body = b"".join(
        (f'<row r="{r}"><c r="{a1(r, c)}" s="1"/></row>' if empty else f'<row r="{r}"><c r="{a1(r, c)}"><v>1</v></c></row>').encode()
        for r, c, empty in cells
    )
    return b'<?xml version="1.0"?><worksheet><dimension ref="A1"/><sheetData>' + body + b"</sheetData></worksheet>"


def _both_scans(xml: bytes):
    import io

    from perfxl.io.guard_xml import scan_sheet_extent, scan_sheet_extent_fast

    fast, exact = scan_sheet_extent_fast(io.BytesIO(xml), 10**12), scan_sheet_extent(io.BytesIO(xml), 10**12)
    return (fast.cells, fast.max_row, fast.max_col, fast.dimension), (exact.cells, exact.max_row, exact.max_col, exact.dimension)


def test_fast_and_exact_extent_scans_agree_on_fixture_sheets():
    fixtures = sorted((Path(__file__).resolve().parent.parent / "workbooks").rglob("*.xls[xm]"))
    assert fixtures, "fixture workbooks not generated"
    for path in fixtures:
        with zipfile.ZipFile(path) as zf:
            for name in zf.namelist():
                if name.startswith("xl/worksheets/sheet"):
                    fast, exact = _both_scans(zf.read(name))
                    assert fast == exact, (path.name, name)


@settings(max_examples=80, deadline=None, database=None)
@given(st.lists(st.tuples(st.integers(1, 1_048_576), st.integers(1, 16_384), st.booleans()), max_size=30))
def test_fast_and_exact_extent_scans_agree(cells):
    fast, exact = _both_scans(_sheet_xml(cells))
    assert fast == exact
    filled = [(r, c) for r, c, empty in cells if not empty]
    assert exact[:3] == ((len(filled), max(r for r, _ in filled), max(c for _, c in filled)) if filled else (0, 0, 0))
