"""Session 23's red team of the workbook guard (issue 14, the security rules): a sheet's extent is measured as calamine
reads it, so no far cell reaches calamine's rows×cols allocation unmeasured.

Holes found and closed (each built below, calamine's reading of it checked against the guard's):
- the exact scan read a tag up to its first `>`, but quick-xml (calamine's parser) reads it to the first `>` outside
  quotes: `<c vm=">" r="XFD1048576">` and `<row x=">" r="1048576">` were measured at the position before;
- an `r` that is not the first, or that follows a value's closing quote with no space (`<c r="A1" r="XFD1">`,
  `<c s="1"r="XFD1">`): calamine reads it, the scans read the first or none (the fast scan took `<c r="A1" r="XFD1">`
  as A1);
- `r="AAAA1"` (four letters and more: column 18,279…) and a row's `r` with letters (`<row r="A5000">`, calamine's
  `get_row` skips them) were not read at all;
- a cell's `r` moved the row of the cells without `r` after it; calamine keeps the `<row>`'s row, and moves one row on
  at each `</row>` end tag, whatever element it closes (`<a><a></row></row>`): rows so added went unmeasured;
- a prefix quick-xml accepts but the exact scan did not (`<1:c r="XFD1048576">`);
- a comment or CDATA section is no markup to quick-xml; a `<` inside a tag (`<c r="A1" <c r="A1" … />`) made the fast
  scan quadratic (40 KB: 4.9 s, a megabyte: most of an hour): each of its patterns now stops at the next `<`;
- a chunk boundary inside a quoted value: the exact scan carries an unterminated piece into the next chunk.
"""

from __future__ import annotations

import io
import random
import re
import zipfile
from pathlib import Path

import pytest
from badinput import builders as b

from perfxl.errors import UnreadableWorkbook
from perfxl.io.guard import Limits, check_file, inspect_file
from perfxl.io.guard_xml import CHUNK, NeedsFullScan, scan_sheet_extent, scan_sheet_extent_fast

SHEET1 = "xl/worksheets/sheet1.xml"

#: Rows appended to a small real sheet, each placing a value at row 5,000 (and column KZ = 312 when it has a column):
#: far enough to measure, near enough for calamine to read in a test.
HOSTILE_ROWS = {
    "gt_in_quote_before_r": b'<row r="5000"><c vm=">" r="KZ5000"><v>1</v></c></row>',
    "lt_gt_in_quote": b'<row r="5000"><c x="<>" r="KZ5000"><v>1</v></c></row>',
    "row_gt_in_quote": b'<row x=">" r="5000"><c><v>1</v></c></row>',
    "four_letters": b'<row r="2"><c r="AAAA2"><v>1</v></c></row>',
    "r_twice": b'<row r="5000"><c r="A5000" r="KZ5000"><v>1</v></c></row>',
    "r_twice_formfeed": b'<row r="5000"><c r="A5000"\x0cr="KZ5000"><v>1</v></c></row>',
    "r_after_quote": b'<row r="5000"><c s="0"r="KZ5000"><v>1</v></c></row>',
    "r_after_quote_fast": b'<row r="5000"><c r="A5000" s="0"r="KZ5000"><v>1</v></c></row>',
    "fast_then_quoted_gt": b'<row r="5000"><c r="A5000" x=">" r="KZ5000"><v>1</v></c></row>',
    "row_r_after_quote": b'<row spans="1:2"r="5000"><c><v>1</v></c></row>',
    "row_r_letters": b'<row r="A5000"><c><v>1</v></c></row>',
    "cell_r_keeps_row": b'<row r="5000"><c r="A1"><v>1</v></c><c><v>1</v></c></row>',
    "end_tags_move_rows": b'<row r="2"><c><v>1</v></c></row>' + b"<a>" * 3000 + b"</row>" * 3000 + b"<c><v>1</v></c>",
    "digit_prefix": b'<row r="5000"><1:c r="KZ5000"><v>1</v></1:c></row>',
    "self_closed_row": b'<row r="4998"/><row/><c><v>1</v></c>',
    "comment_quote_between": b'<row r="5000"><x a="<!--"/><c r="KZ5000"><v>1</v></c><y b="-->"/></row>',
}


def _base(tmp_path: Path, value: object = 2223.04) -> Path:
    """The small real workbook every case here edits: one 自评表 with a 年度资金总额 cell and `value` beside it."""
    return b.plain_xlsx(tmp_path / "base.xlsx", [("自评表", [["年度资金总额", value]])])


def _refused(path: Path, limits: Limits | None = None) -> str:
    """The code `check_file` refuses `path` with (the test fails if the guard lets it through)."""
    with pytest.raises(UnreadableWorkbook) as info:
        check_file(path, limits)
    return info.value.code


def _sheet_with(tmp_path: Path, name: str, rows: bytes) -> Path:
    base = _base(tmp_path)
    out = tmp_path / f"{name}.xlsx"
    b.rewrite_zip(base, out, {SHEET1: lambda d: d.replace(b"</sheetData>", rows + b"</sheetData>")})
    return out


@pytest.mark.parametrize("name", sorted(HOSTILE_ROWS))
def test_the_guard_measures_at_least_what_calamine_reads(tmp_path, name):
    """The guard's extent covers calamine's range of the same sheet (calamine allocates that range at once)."""
    pc = pytest.importorskip("python_calamine")
    path = _sheet_with(tmp_path, name, HOSTILE_ROWS[name])
    sheet = pc.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
    sheet.to_python()
    info = inspect_file(path).sheets[0]
    assert sheet.height > 2 or sheet.width > 2  # calamine reads the far value (else the case proves nothing)
    assert (info.max_row, info.max_col) >= (sheet.height, sheet.width) and info.max_col >= sheet.width


@pytest.mark.parametrize(
    "cell",
    [
        b'<c vm=">" r="XFD1048576"><v>1</v></c>',
        b'<c r="A2" r="XFD1048576"><v>1</v></c>',
        b'<c r="A2" x=">" r="XFD1048576"><v>1</v></c>',
        b'<c s="1"r="XFD1048576"><v>1</v></c>',
        b'<c r="AAAA1048576"><v>1</v></c>',
        b'<1:c r="XFD1048576"><v>1</v></1:c>',
    ],
)
def test_a_far_cell_calamine_reads_is_refused(tmp_path, cell):
    """Each once passed the sheet limit unmeasured: calamine would have asked for 17 billion cells and aborted."""
    path = _sheet_with(tmp_path, "far", b'<row r="2">' + cell + b"</row>")
    assert _refused(path) == "SHEET_TOO_LARGE"


@pytest.mark.parametrize(
    "rows",
    [
        b'<row x=">" r="1048576"><c><v>1</v></c></row>',
        b'<row r="A1048576"><c><v>1</v></c></row>',
        b'<row r="1048576"><c r="A1"><v>1</v></c><c><v>1</v></c></row>',
    ],
)
def test_a_far_row_calamine_reads_is_refused(tmp_path, rows):
    path = _sheet_with(tmp_path, "far_row", rows)
    assert _refused(path, Limits(max_cells_per_sheet=100_000)) == "SHEET_TOO_LARGE"


def _sheet(body: bytes) -> bytes:
    return b'<worksheet><sheetData><row r="1">' + body + b"</row></sheetData></worksheet>"


@pytest.mark.parametrize("offset", [-3, -1, 0, 1, 2, 5, 9])
def test_a_tag_split_by_a_chunk_inside_a_quoted_value_is_read_whole(offset):
    """A `>` inside a quoted value at a chunk's end is no tag's end: the r after it is read (calamine reads it)."""
    head = b'<worksheet><sheetData><row r="1"><c r="A1" t="str"><v>'
    tag = b'<c vm="ab>cd" r="KZ5000"><v>1</v></c>'
    at = tag.index(b">") + offset  # where the chunk boundary falls inside the tag
    filler = b"1" * (CHUNK - len(head) - len(b"</v></c>") - at)
    xml = head + filler + b"</v></c>" + tag + b"</row></sheetData></worksheet>"
    assert xml.index(tag) + at == CHUNK
    ext = scan_sheet_extent(io.BytesIO(xml), 10**15)
    assert (ext.max_row, ext.max_col) == (5000, 312)
    with pytest.raises(NeedsFullScan):
        scan_sheet_extent_fast(io.BytesIO(xml), 10**15)


_HOSTILE_PIECES = [b"<c", b' r="A1"', b" ", b"'", b'"', b">", b"/", b"<", b"r", b"=", b"<!--", b"-->", b"x"]


def test_the_fast_scan_never_reads_past_the_next_lt():
    """Each of the fast scan's runs stops at the next `<`: a run of `<c r="A1" ` without a `>` once cost a scan to the
    run's end from each `<c` (quadratic). Checked on random hostile text: the tail read from any point holds no `<`."""
    from perfxl.io.guard_xml import _FAST_TAIL  # (the fast scan's tag tail, one pattern for its two tests)

    tail = re.compile(_FAST_TAIL)
    rng = random.Random(23)
    for _ in range(300):
        text = b"".join(rng.choice(_HOSTILE_PIECES) for _ in range(60))
        for pos in range(len(text)):
            assert b"<" not in tail.match(text, pos).group(0)


def test_a_megabyte_of_unclosed_cell_tags_is_read_once():
    """The shape that was quadratic: 100,000 `<c r="A1" ` before one `/>` (a megabyte) goes to the exact scan, which
    measures nothing there (a self-closed tag)."""
    xml = _sheet(b'<c r="A1" ' * 100_000 + b"/>")
    with pytest.raises(NeedsFullScan):
        scan_sheet_extent_fast(io.BytesIO(xml), 10**15)
    assert scan_sheet_extent(io.BytesIO(xml), 10**15).cells == 0


@pytest.mark.parametrize(
    "root",
    [
        b'<sst x=">" uniqueCount="2000000000">',
        b'<!-- <sst uniqueCount="1"> --><sst uniqueCount="2000000000">',
        "<é:sst uniqueCount='2000000000'>".encode(),
        b'<sst count="1"uniqueCount="2000000000">',
    ],
)
def test_the_shared_strings_count_calamine_reserves_is_read(tmp_path, root):
    """calamine reserves room for the first `<sst>` start tag's `uniqueCount` strings (24 bytes each: 48 GB here, an
    abort); the guard once read a commented-out root, stopped at a quoted `>`, or missed a prefix beyond ASCII."""
    base = _base(tmp_path, "文字")
    out = tmp_path / "sst.xlsx"
    part = "xl/sharedStrings.xml"
    b.rewrite_zip(base, out, {part: lambda d: re.sub(rb"<sst\b[^>]*>", lambda _: root, d, count=1)})
    assert _refused(out) == "SHARED_STRINGS_INVALID"


_FAR_ROW = b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'
_WORKSHEET = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"


def _package(tmp_path: Path, name: str, edits: dict, extra: dict[str, bytes]) -> Path:
    """The small real workbook with `edits` (member → bytes → bytes) applied and `extra` members appended after it."""
    return b.rewrite_zip(_base(tmp_path), tmp_path / f"{name}.xlsx", edits, add=extra)


def _far_sheet(tmp_path: Path) -> bytes:
    with zipfile.ZipFile(_base(tmp_path)) as z:
        return z.read(SHEET1).replace(b"</sheetData>", _FAR_ROW)


@pytest.mark.parametrize(
    "shadow", ["xl/worksheets/Sheet1.xml", "xl\\worksheets\\sheet1.xml", "XL/WORKSHEETS/SHEET1.XML"]
)
def test_a_member_calamine_finds_under_another_spelling_is_refused(tmp_path, shadow):
    """calamine looks a member up lower-cased with `\\` read as `/`, the last one winning: a far sheet so named after the
    real one was read by calamine, the real one measured by the guard."""
    path = _package(tmp_path, "shadow", {}, {shadow: _far_sheet(tmp_path)})
    assert _refused(path) == "ZIP_DUPLICATE_NAME"


def test_a_target_calamine_reads_unnormalised_is_refused(tmp_path):
    rels = "xl/_rels/workbook.xml.rels"
    edit = {rels: lambda d: d.replace(b'Target="worksheets/sheet1.xml"', b'Target="worksheets/./sheet1.xml"')}
    path = _package(tmp_path, "dot", edit, {"xl/worksheets/./sheet1.xml": _far_sheet(tmp_path)})
    assert _refused(path) == "ZIP_DUPLICATE_NAME"


def test_the_sheet_part_is_the_one_calamine_reads_by_the_last_id(tmp_path):
    """`<sheet r:id="rId1" id="rId9">`: calamine reads the last attribute named `id` (any prefix)."""
    rel = b'<Relationship Id="rId9" Type="' + _WORKSHEET + b'" Target="worksheets/sheet9.xml"/></Relationships>'
    edits = {
        "xl/workbook.xml": lambda d: d.replace(b'r:id="rId1"/>', b'r:id="rId1" id="rId9"/>'),
        "xl/_rels/workbook.xml.rels": lambda d: d.replace(b"</Relationships>", rel),
    }
    path = _package(tmp_path, "id_last", edits, {"xl/worksheets/sheet9.xml": _far_sheet(tmp_path)})
    assert _refused(path) == "SHEET_TOO_LARGE"


def test_a_target_with_a_character_reference_names_the_part_calamine_reads(tmp_path):
    """calamine does not unescape `Target="worksheets/sheet&#49;.xml"`: it reads a member so named, literally; the
    guard (ElementTree) measured xl/worksheets/sheet1.xml."""
    rels = "xl/_rels/workbook.xml.rels"
    edit = {rels: lambda d: d.replace(b'Target="worksheets/sheet1.xml"', b'Target="worksheets/sheet&#49;.xml"')}
    path = _package(tmp_path, "entity", edit, {"xl/worksheets/sheet&#49;.xml": _far_sheet(tmp_path)})
    assert _refused(path) == "SHEET_TOO_LARGE"
