"""Session 26's guard step (issue 14, guard26): the fast sheet scan's cell pattern, cheaper per tag, held against the
former scan (copied here as the oracle).

`guard_xml._CELL_TAG` reads a cell's letters and digits as possessive runs: each run is followed by what it cannot take
(capitals by a digit, digits by a quote), so giving a character back never helped a match — the same matches, without
the backtracking points sre kept for each cell. The prefixed-tag test is one search: `_PREFIXED` only ever matches where
`:c` or `:row` stands, so the two substring tests before it decided nothing. Both are exact: on every real workbook,
random tag texts and random sheets the new scan returns what the former returned, and hands the same parts to the
exact scan.
"""

from __future__ import annotations

import io
import random
import re
import zipfile
from operator import itemgetter
from pathlib import Path

import pytest
from badinput import builders as b
from hypothesis_budget import draws

from perfxl.errors import UnreadableWorkbook
from perfxl.io.guard import check_file
from perfxl.io.guard_xml import (
    _CELL_TAG,
    _DIMENSION,
    _PREFIXED,
    _REF_ATTR,
    NeedsFullScan,
    SheetExtent,
    _col_number,
    _tokens,
    scan_sheet_extent_fast,
)

REPO = Path(__file__).resolve().parent.parent

#: The former pattern (perf23b and sec23), as it was on main before guard26.
_FORMER_TAIL = rb'[^<>"\'r]*+(?:"[^<>"]*+"[^<>"\'r]*+)*+'
_FORMER = re.compile(rb'<c(?> r="([A-Z]{1,3})(\d{1,7})"' + _FORMER_TAIL + rb"(?:(?<!/)>|>())|(?=[\s/>]))(?(3)(?!))")


def _former_fast(xml: bytes, max_area: int, pattern: re.Pattern[bytes] = _FORMER) -> SheetExtent:
    """The former `scan_sheet_extent_fast`, step for step (the oracle; guard27's passes guard26's pattern)."""
    ext = SheetExtent()
    first = True
    for region in _tokens(io.BytesIO(xml)):
        if first:
            dim = _DIMENSION.search(region)
            ref = _REF_ATTR.search(dim.group(1)) if dim else None
            ext.dimension = ref.group(1).decode("ascii", "replace")[:40] if ref else ""
            first = False
        if (b":c" in region or b":row" in region) and _PREFIXED.search(region):
            raise NeedsFullScan()
        cells = pattern.findall(region)
        if not cells:
            continue
        letters = set(map(itemgetter(0), cells))
        if b"" in letters:
            raise NeedsFullScan()
        ext.cells += len(cells)
        ext.min_row = ext.min_col = 1
        ext.max_row = max(ext.max_row, max(map(int, set(map(itemgetter(1), cells)))))
        ext.max_col = max(ext.max_col, max(map(_col_number, letters)))
        if ext.area > max_area:
            return ext
    return ext


def _reading(scan, xml: bytes, max_area: int):
    try:
        ext = scan(xml, max_area)
    except NeedsFullScan:
        return None
    return (ext.cells, ext.min_row, ext.max_row, ext.min_col, ext.max_col, ext.dimension)


def _new_fast(xml: bytes, max_area: int) -> SheetExtent:
    return scan_sheet_extent_fast(io.BytesIO(xml), max_area)


def _agrees(xml: bytes, max_area: int = 10**12) -> bool:
    """The new scan reads the part as the former did: the same extent, or both hand it to the exact scan."""
    return _reading(_new_fast, xml, max_area) == _reading(_former_fast, xml, max_area)


def _sheet_parts(path: Path) -> list[bytes]:
    with zipfile.ZipFile(path) as zf:
        return [zf.read(n) for n in zf.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")]


def _real_workbooks(tmp: Path) -> list[Path]:
    """The bundled workbooks, the real-table corpus rendered (every 8th table in the fast loop), a generated workbook."""
    import sys

    sys.path.insert(0, str(REPO / "tests" / "realworld"))
    sys.path.insert(0, str(REPO / "bench"))
    from bench_big import big_workbook  # type: ignore[import-not-found]
    from render import corpus_files, render  # type: ignore[import-not-found]

    paths = sorted((REPO / "workbooks").rglob("*.xlsx"))
    tables = corpus_files()
    paths += [render(toml, tmp) for toml in tables[:: len(tables) // draws(len(tables), 27)]]
    return [*paths, big_workbook(tmp, 300)]


def test_every_real_workbook_reads_as_the_former_scan_read_it(tmp_path):
    parts = [xml for path in _real_workbooks(tmp_path) for xml in _sheet_parts(path)]
    assert len(parts) > 10
    read = 0
    for xml in parts:
        assert _agrees(xml), "a real sheet handed to the exact scan that the former scan read"
        read += _reading(_new_fast, xml, 10**12) is not None
    assert read == len(parts)  # none of them needs the exact scan


_NAMES = [b"c", b"c", b"c", b"col", b"cfRule", b"x:c", b"row"]
_REFS = [b' r="A1"', b' r="XFD1048576"', b' r="B22"', b" r='B2'", b' r="a1"', b' r="A99999999"', b'\nr="D9"', b""]
_BITS = [b' s="1"', b' t="str"', b' vm="a/b"', b' x="/>"', b" a/b", b"/ ", b" /", b' q="', b"'", b" r", b"<", b">"]


def _random_text(rng: random.Random) -> bytes:
    tags = []
    for _ in range(rng.randint(1, 14)):
        tag = b"<" + rng.choice(_NAMES) + rng.choice(_REFS)
        tag += b"".join(rng.choice(_BITS) for _ in range(rng.randint(0, 3)))
        tags.append(tag + rng.choice([b"/>", b">", b">", b"><v>1</v></c>", b" />", b"/ >", b""]))
    return b"".join(tags)


def test_the_pattern_reads_every_tag_as_the_former():
    """On random tag texts (cell tags and others, both quote kinds, `/` and `>` in values and outside them, unclosed
    quotes, no `>`): the same matches at the same places, the same groups."""
    rng = random.Random(26)
    kinds: set[str] = set()
    for _ in range(draws(20_000, 3_000)):
        text = _random_text(rng)
        new = [(m.span(), m.groups()) for m in _CELL_TAG.finditer(text)]
        assert new == [(m.span(), m.groups()[:2]) for m in _FORMER.finditer(text)], text  # (guard27: two groups)
        kinds.update("odd" if g[0] is None else "cell" for _, g in new)
        kinds.update(["closed"] if re.search(rb'<c r="[A-Z]+\d+" s="1"/>', text) else [])
    assert kinds == {"odd", "cell", "closed"}  # (the generator writes all three)


def test_random_sheets_measure_as_the_former_scan_did():
    rng = random.Random(2026)
    outcomes = set()
    for _ in range(draws(3_000, 500)):
        xml = b'<?xml version="1.0"?><worksheet><dimension ref="A1:B2"/><sheetData><row r="1">'
        xml += _random_text(rng) + b"</row></sheetData></worksheet>"
        assert _agrees(xml), xml
        outcomes.add(_reading(_new_fast, xml, 10**12) is None)
    assert outcomes == {True, False}  # some read by the fast scan, some handed to the exact one


def test_a_large_regular_sheet_reads_as_the_former_across_chunks():
    """A sheet of several 64 KB regions (cells both self-closed and with content, far refs among them), whole and
    stopped early by the area limit."""
    rng = random.Random(14)
    rows = []
    for r in range(1, 6_000):
        cells = []
        for c in ("A", "B", "C", "D", "XFD")[: rng.randint(1, 5)]:
            ref = f"{c}{r * rng.choice((1, 1, 1, 97))}".encode()
            if rng.random() < 0.5:
                cells.append(b'<c r="' + ref + b'" s="3"/>')
            else:
                cells.append(b'<c r="' + ref + b'" s="1" t="str"><v>x</v></c>')
        rows.append(f'<row r="{r}" spans="1:9">'.encode() + b"".join(cells) + b"</row>")
    xml = b'<worksheet><dimension ref="A1"/><sheetData>' + b"".join(rows) + b"</sheetData></worksheet>"
    assert len(xml) > 4 * 65_536
    assert _reading(_new_fast, xml, 10**12) is not None
    assert _agrees(xml) and _agrees(xml, max_area=50_000)


@pytest.mark.parametrize(
    "tag",
    [
        b' r="XFD1048576" a/b>',
        b' r="XFD1048576" s="1"/ >',
        b" r='XFD1048576'>",
        b' r="XFD1048576" vm="/>">',
        b'\nr="XFD1048576">',
    ],
)
def test_a_far_cell_in_a_hostile_tag_is_still_refused(tmp_path, tag):
    """A far cell calamine reads, written in forms the fast pattern reads itself or hands over: refused as before."""
    base = b.plain_xlsx(tmp_path / "base.xlsx", [("自评表", [["年度资金总额", 2223.04]])])
    far = tmp_path / "far.xlsx"
    cell = b'<row r="1048576"><c' + tag + b"<v>1</v></c></row>"
    b.rewrite_zip(base, far, {"xl/worksheets/sheet1.xml": lambda d: d.replace(b"</sheetData>", cell + b"</sheetData>")})
    with pytest.raises(UnreadableWorkbook) as info:
        check_file(far)
    assert info.value.code == "SHEET_TOO_LARGE"
