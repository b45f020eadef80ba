"""Session 22's opening and layout steps (issue 14), each held against its plain form.

- The guard's fast sheet scan (`guard_xml.scan_sheet_extent_fast`) reads a cell tag as the exact scan does — up to its
  first `>`, self-closed when a `/` stands right before it — so a cell whose attributes hold a `/` (`vm="a/b"`) is
  measured (the former `[^>/]*>` skipped it, unmeasured, though calamine reads it: a far cell so written passed the
  sheet limit), and its row numbers are made ints once a distinct text; the fast cells and the odd `<c` tags (a form
  the fast scan does not read: the exact scan runs) are found in one pass (`_CELL_TAG`), not a `findall` and a `search`;
  a prefixed cell or row tag sends the part to the exact scan whatever white space follows its name (`<x:c\nr="…">`
  once passed unmeasured: only `:c ` and `:row ` with a blank were looked for), and the exact scan reads a prefix beyond
  ASCII (`<é:c …>`, read by calamine, passed unmeasured).
"""

from __future__ import annotations

import io
import random
import re
from operator import itemgetter
from pathlib import Path

import pytest
from badinput import builders as b
from hypothesis_budget import draws

from perfxl.errors import UnreadableWorkbook
from perfxl.io.guard import check_file
from perfxl.io.guard_xml import (
    NeedsFullScan,
    TagTooLong,
    _col_number,
    _tokens,
    scan_sheet_extent,
    scan_sheet_extent_fast,
)
from perfxl.model import a1

SHEET1 = "xl/worksheets/sheet1.xml"

_ATTRS = [b"", b' s="1"', b' t="s"', b' vm="a/b"', b' s="2" t="n"', b' cm="1/"', b' x="/"', b'  s="3"', b' ph="1"/']


def _random_sheet(rng: random.Random) -> bytes:
    rows = []
    for r in sorted(rng.sample(range(1, 3000), rng.randint(0, 40))):
        cells = []
        for _ in range(rng.randint(0, 6)):
            ref = a1(r + rng.choice((0, 0, 0, rng.randint(-5, 5_000_000))) or 1, rng.randint(1, 16_384)).encode()
            attrs = rng.choice(_ATTRS)
            if rng.random() < 0.3:
                cells.append(b'<c r="' + ref + b'"' + attrs.rstrip(b"/") + b"/>")  # formatting only
            else:
                cells.append(b'<c r="' + ref + b'"' + attrs.rstrip(b"/") + b"><v>1</v></c>")
        rows.append(f'<row r="{r}">'.encode() + b"".join(cells) + b"</row>")
    return (
        b'<?xml version="1.0"?><worksheet><dimension ref="A1"/><sheetData>'
        + b"".join(rows)
        + b"</sheetData></worksheet>"
    )


def _plain_fast(xml: bytes) -> tuple[int, int, int]:
    """The fast scan's reading in its plain form: every `_TOKEN` the exact scan reads, kept when not closed."""
    import re

    cells = re.findall(rb'<c r="([A-Z]{1,3})(\d{1,7})"([^>]*?)(/?)>', xml)
    kept = [(int(row), letters) for letters, row, _, closed in cells if not closed]
    if not kept:
        return (0, 0, 0)
    col = max(sum((ch - 64) * 26**i for i, ch in enumerate(reversed(letters))) for _, letters in kept)
    return (len(kept), max(map(itemgetter(0), kept)), col)


def test_fast_scan_reads_a_cell_tag_as_the_exact_scan_does():
    rng = random.Random(22)
    for _ in range(draws(400, 80)):
        xml = _random_sheet(rng)
        exact = scan_sheet_extent(io.BytesIO(xml), 10**15)
        try:
            fast = scan_sheet_extent_fast(io.BytesIO(xml), 10**15)
        except NeedsFullScan:  # (the random rows hold only the fast form: never taken)
            pytest.fail("fast form refused")
        assert (fast.cells, fast.max_row, fast.max_col) == (exact.cells, exact.max_row, exact.max_col)
        assert (fast.cells, fast.max_row, fast.max_col) == _plain_fast(xml)


_PLAIN_FAST = re.compile(rb'<c r="([A-Z]{1,3})(\d{1,7})"[^>]*+(?<!/)>')
_PLAIN_ODD = re.compile(rb'<c(?=[\s/>])(?! r="[A-Z]{1,3}\d{1,7}")')
_ODD_TAGS = [
    b'<c r="A99999999"><v>1</v></c>',
    b'<c\nr="D9"><v>1</v></c>',
    b'<c s="1" r="D9"><v>1</v></c>',
    b"<c><v>1</v></c>",
    b"<c/>",
    b'<c r="a1"><v>1</v></c>',
    b'<c  r="B2"><v>1</v></c>',
    b'<c r="B2" s="1"\n/>',
    b"<c\t/>",
    b"<c r='B2'><v>1</v></c>",
]
_OTHER_TAGS = [b'<col min="1" max="2"/>', b"<cols>", b"</cols>", b'<cfRule type="x"/>', b"<cx>", b"<c:x/>", b"<cell/>"]


def _plain_scan(xml: bytes) -> tuple[int, int, int] | None:
    """The former two passes, the fixed cell form kept: `search` for an odd tag, then `findall` of the fast cells."""
    cells_n, top, right = 0, 0, 0
    for region in _tokens(io.BytesIO(xml)):
        if _PLAIN_ODD.search(region) or re.search(rb":(?:c|row)[\s/>]", region):
            return None
        cells = _PLAIN_FAST.findall(region)
        if cells:
            cells_n += len(cells)
            top = max(top, max(int(row) for _, row in cells))
            right = max(right, max(_col_number(letters) for letters, _ in cells))
    return (cells_n, top, right)


def test_one_pass_finds_the_odd_tags_and_the_cells_the_two_did():
    rng = random.Random(2022)
    for _ in range(draws(800, 160)):
        xml = _random_sheet(rng)
        if rng.random() < 0.5:  # odd tags, other elements, prefixes spliced in between tags
            pieces = xml.split(b"<row ")
            for _ in range(rng.randint(1, 3)):
                at = rng.randrange(len(pieces))
                pieces[at] = pieces[at] + rng.choice(_ODD_TAGS + _OTHER_TAGS + [b"<x:c r='A1'/>", b"<x:row >"])
            xml = b"<row ".join(pieces)
        expected = _plain_scan(xml)
        try:
            fast = scan_sheet_extent_fast(io.BytesIO(xml), 10**15)
        except NeedsFullScan:
            assert expected is None, xml
            continue
        assert (fast.cells, fast.max_row, fast.max_col) == expected, xml


def _with_far_cell(tmp_path: Path, cell: bytes) -> Path:
    """A small real .xlsx with `cell` appended in row 1,048,576 of its sheet (the rest as openpyxl wrote it)."""
    base = b.plain_xlsx(tmp_path / "base.xlsx", [("自评表", [["年度资金总额", 2223.04]])])
    far = tmp_path / "far.xlsx"
    row = b'<row r="1048576">' + cell + b"</row></sheetData>"
    b.rewrite_zip(base, far, {SHEET1: lambda d: d.replace(b"</sheetData>", row)})
    return far


def _refused(path: Path) -> UnreadableWorkbook:
    with pytest.raises(UnreadableWorkbook) as info:
        check_file(path)
    return info.value


@pytest.mark.parametrize("attrs", [b' vm="a/b"', b' s="1" x="/"', b' cm="1/" s="2"'])
def test_a_far_cell_with_a_slash_in_its_attributes_is_measured(tmp_path, attrs):
    """calamine reads `<c r="XFD1048576" vm="a/b"><v>1</v></c>` (it would allocate the whole range); the fast scan once
    skipped it, so the sheet passed the limit unmeasured."""
    far = _with_far_cell(tmp_path, b'<c r="XFD1048576"' + attrs + b"><v>1</v></c>")
    assert _refused(far).code == "SHEET_TOO_LARGE"


@pytest.mark.parametrize(
    ("sep", "prefix"),
    [(b" ", b"x"), (b"\n", b"x"), (b"\t", b"x"), (b"\r\n", b"x"), (b" ", "é".encode()), (b"\n", "ns名".encode())],
)
def test_a_far_prefixed_cell_is_measured_whatever_space_follows_its_name(tmp_path, sep, prefix):
    """calamine reads a prefixed `<x:c\nr="XFD1048576">` (the local name); the fast scan, looking for `<c`, must hand
    such a part to the exact scan, which reads the prefix."""
    base = b.plain_xlsx(tmp_path / "base.xlsx", [("自评表", [["年度资金总额", 2223.04]])])
    far = tmp_path / "far.xlsx"
    ns = b" xmlns:" + prefix + b'="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    x = b"<" + prefix + b":"
    row = x + b"row" + sep + b'r="1048576">' + x + b"c" + sep + b'r="XFD1048576">' + x + b"v>1</" + prefix + b":v>"
    row += b"</" + prefix + b":c></" + prefix + b":row>"

    def edit(d: bytes) -> bytes:
        return d.replace(b"<worksheet ", b"<worksheet" + ns + b" ", 1).replace(b"</sheetData>", row + b"</sheetData>")

    b.rewrite_zip(base, far, {SHEET1: edit})
    assert _refused(far).code == "SHEET_TOO_LARGE"


@pytest.mark.parametrize("attrs", [b' vm="/>"', b" vm='/>'", b' s="1" vm="a/> b"', b' vm="x>y" cm="/>"'])
def test_a_far_cell_whose_quoted_attribute_holds_a_tag_end_is_measured(tmp_path, attrs):
    """A `>` is legal inside a quoted attribute value, and calamine reads attributes by their quotes: `<c r="XFD1048576"
    vm="/>"><v>1</v></c>` holds a value (calamine reads it), though its text up to the first `>` ends in `/>`, which
    both scans once took for a self-closed, formatting-only cell — the sheet passed the limit unmeasured."""
    far = _with_far_cell(tmp_path, b'<c r="XFD1048576"' + attrs + b"><v>1</v></c>")
    assert _refused(far).code == "SHEET_TOO_LARGE"
    sheet = b'<worksheet><sheetData><row r="3000"><c r="Z3000"' + attrs + b"><v>7</v></c></row></sheetData></worksheet>"
    try:  # the fast scan hands the part over, or measures the cell itself (a plain `>` ends its tag first)
        fast = scan_sheet_extent_fast(io.BytesIO(sheet), 10**9)
        assert (fast.cells, fast.max_row, fast.max_col) == (1, 3000, 26)
    except NeedsFullScan:
        pass
    exact = scan_sheet_extent(io.BytesIO(sheet), 10**9)
    assert (exact.cells, exact.max_row, exact.max_col) == (1, 3000, 26)


@pytest.mark.parametrize("attrs", [b' s="1"', b" s='1'", b' s="1" t="it\'s"', b" s='a\"b'"])
def test_a_formatting_only_cell_with_balanced_quotes_stays_unmeasured(attrs):
    """The quote test leaves a self-closed cell whose quotes are balanced as it was: formatting only, not measured
    (since sec23 the fast scan hands a tag with single quotes to the exact scan: Excel writes none, and the tail read
    in double quotes only is ≈ 12 M instructions cheaper over the 3 MB sheet of 10,000 rows)."""
    sheet = (
        b'<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="Z3000"'
        + attrs
        + b"/></row></sheetData></worksheet>"
    )
    exact = scan_sheet_extent(io.BytesIO(sheet), 10**9)
    assert (exact.cells, exact.max_row, exact.max_col) == (1, 1, 1)
    try:
        fast = scan_sheet_extent_fast(io.BytesIO(sheet), 10**9)
    except NeedsFullScan:
        assert b"'" in attrs
        return
    assert (fast.cells, fast.max_row, fast.max_col) == (1, 1, 1)


def test_a_run_of_unclosed_cell_tags_is_scanned_in_linear_time():
    """Both scans once retried at each `<c` of a run with no `>` after it (quadratic: a megabyte of `<c r="A1" a="x`
    was a hang); a region now ends right after its last `>`, so each tag a scan starts finds its end. Counted, not
    timed: the tokens a region yields stay at most its length, and the scans finish on 840 KB of such tags read in
    13 pieces (one run without a `>` is one tag: past MAX_TAG it is refused, whatever the size of the pieces read —
    perf25c's 64 KB pieces reach that check where 1 MB pieces had let a 1.1 MB run end the stream first)."""
    body = b'<c r="A1" a="x' * 60_000
    xml = b'<worksheet><sheetData><row r="1">' + body + b"</row></sheetData></worksheet>"
    regions = list(_tokens(io.BytesIO(xml)))
    assert b"".join(regions) == xml
    assert all(r.endswith(b">") or b"<" not in r for r in regions[:-1])
    assert scan_sheet_extent(io.BytesIO(xml), 10**9).cells == 1
    longer = xml.replace(body, body * 2)
    with pytest.raises(TagTooLong):
        list(_tokens(io.BytesIO(longer)))


def test_a_far_cell_behind_a_tag_over_a_megabyte_is_refused(tmp_path):
    """A tag running past MAX_TAG bytes was dropped by the scans, so a far cell written with a megabyte-long attribute
    value passed the sheet limit unmeasured (calamine reads it); such a part is now refused as malformed, naming it."""
    value = random.Random(22).randbytes(1 << 20).hex().encode()  # 2 MiB that does not compress like a bomb
    far = _with_far_cell(tmp_path, b'<c r="XFD1048576" vm="' + value + b'"><v>1</v></c>')
    refused = _refused(far)
    assert refused.code == "XML_MALFORMED"
    assert "sheet1.xml" in str(refused) and "超长的 XML 标记" in str(refused)
