"""Walk the BIFF12 records of an .xlsb workbook (header by header) to learn sheets and extents.

Same reason as the XML scans: calamine allocates a sheet's whole used range and the shared
string table from counts in the file, so both are measured here first.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from typing import IO

from .guard_xml import SharedStringsScan, SheetExtent

__all__ = ["records", "bundle_sheets", "scan_xlsb_sheet", "scan_xlsb_strings", "XlsbCorrupt"]

BRT_ROW_HDR, BRT_BUNDLE_SH, BRT_WS_DIM, BRT_BEGIN_SST, BRT_SST_ITEM, BRT_CELL_ISST = 0x00, 0x9C, 0x94, 0x9F, 0x13, 0x07
#: Cell records (each starts with its column, u32); 1 and 12 are blanks that hold no value.
CELL_TYPES = frozenset(range(2, 12)) | frozenset(range(13, 19)) | {62}
MAX_RECORD = 16 * (1 << 20)


class XlsbCorrupt(ValueError):
    """A record header that cannot be right (runs past the end, absurd size)."""


def records(stream: IO[bytes]) -> Iterator[tuple[int, bytes]]:
    """(type, body) of each BIFF12 record; a record over MAX_RECORD bytes is corrupt."""
    read = stream.read
    while True:
        b = read(1)
        if not b:
            return
        rtype = b[0] & 0x7F
        if b[0] & 0x80:
            b2 = read(1)
            if not b2:
                raise XlsbCorrupt("record type cut short")
            rtype |= (b2[0] & 0x7F) << 7
        size, shift = 0, 0
        for _ in range(4):
            c = read(1)
            if not c:
                raise XlsbCorrupt("record size cut short")
            size |= (c[0] & 0x7F) << shift
            shift += 7
            if not c[0] & 0x80:
                break
        if size > MAX_RECORD:
            raise XlsbCorrupt(f"record of {size} bytes")
        body = read(size)
        if len(body) < size:
            raise XlsbCorrupt("record body cut short")
        yield rtype, body


def _wide(body: bytes, at: int) -> tuple[str, int]:
    """An XLWideString (u32 length in characters, then UTF-16LE) at `at` → (text, next offset)."""
    (cch,) = struct.unpack_from("<I", body, at)
    if cch == 0xFFFFFFFF:
        return "", at + 4
    end = at + 4 + 2 * cch
    if end > len(body):
        raise XlsbCorrupt("string runs past its record")
    return body[at + 4 : end].decode("utf-16-le", errors="replace"), end


def bundle_sheets(stream: IO[bytes]) -> list[tuple[str, str, bool]]:
    """(name, relationship id, hidden) for each BrtBundleSh of workbook.bin."""
    out = []
    for rtype, body in records(stream):
        if rtype == BRT_BUNDLE_SH:
            if len(body) < 12:  # calamine slices this record without a length check (a panic)
                raise XlsbCorrupt("BrtBundleSh too short")
            state = struct.unpack_from("<I", body)[0]
            rel_id, nxt = _wide(body, 8)
            name, _ = _wide(body, nxt)
            out.append((name, rel_id, (state & 3) != 0))
    return out


def scan_xlsb_sheet(stream: IO[bytes], max_area: int) -> SheetExtent:
    """Real used range of one sheet.bin, from BrtRowHdr rows and the columns of its cell records.

    Read as calamine reads them: every record's body goes into one buffer that is never shortened, and the row or
    column is taken from its first bytes — a record shorter than 4 bytes reuses the bytes of a longer one before it
    (any record, even one calamine ignores). A zero-length BrtRowHdr and cell record after a record holding 2999
    placed a value at row and column 3,000 that the guard, skipping short records, never measured (sec24c)."""
    ext = SheetExtent()
    row = 0
    buf = bytearray()
    for rtype, body in records(stream):
        if len(body) >= len(buf):
            buf = bytearray(body)
        else:
            buf[: len(body)] = body
        if len(buf) < 4:  # calamine reads 4 bytes from it unchecked: a panic, reported where it is called
            continue
        if rtype == BRT_ROW_HDR:
            row = struct.unpack_from("<I", buf)[0] + 1
        elif rtype in CELL_TYPES:
            ext.add(max(row, 1), struct.unpack_from("<I", buf)[0] + 1)
            if rtype == BRT_CELL_ISST and len(buf) >= 12:  # calamine indexes the string table unchecked
                ext.max_string_index = max(ext.max_string_index, struct.unpack_from("<I", buf, 8)[0])
            if ext.area > max_area:
                return ext
        elif rtype == BRT_WS_DIM:
            if len(body) < 16:
                raise XlsbCorrupt("BrtWsDim too short")
            r0, r1, c0, c1 = struct.unpack_from("<IIII", body)
            ext.dimension = f"R{r0 + 1}C{c0 + 1}:R{r1 + 1}C{c1 + 1}"
    return ext


def scan_xlsb_strings(stream: IO[bytes]) -> SharedStringsScan:
    """Declared unique count and real item count of sharedStrings.bin."""
    out = SharedStringsScan()
    for rtype, body in records(stream):
        if rtype == BRT_BEGIN_SST:
            if len(body) < 8:
                raise XlsbCorrupt("BrtBeginSst too short")
            out.unique_count = struct.unpack_from("<I", body, 4)[0]
        elif rtype == BRT_SST_ITEM:
            out.items += 1
            out.longest = max(out.longest, len(body))
    return out
