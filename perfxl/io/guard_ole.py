"""Look inside OLE compound files (legacy .xls, encrypted .xlsx) without trusting them.

An encrypted OOXML workbook is an OLE file holding `EncryptionInfo` + `EncryptedPackage`; a
legacy .xls holds a BIFF `Workbook` (BIFF8) or `Book` (BIFF5) stream. The BIFF scan walks the
record headers only, to learn sheet names, hidden state, FILEPASS (password) and the real used
extent of each sheet — calamine sizes its cell buffer from that extent and from the SST count,
so both must be bounded before calamine sees the file.
"""

from __future__ import annotations

import struct
from dataclasses import field

from perfxl.records import record

__all__ = ["OleContent", "BiffSheet", "BiffScan", "classify_ole", "scan_biff"]

BOF, EOF, BOUNDSHEET, FILEPASS, SST = 0x0809, 0x000A, 0x0085, 0x002F, 0x00FC
#: BIFF cell records whose first two fields are (row u16, col u16); BLANK/MULBLANK hold no value.
CELL_RECORDS = frozenset({0x0203, 0x0204, 0x0205, 0x00FD, 0x027E, 0x0006, 0x00D6})
MULRK = 0x00BD


@record(frozen=True, slots=True)
class OleContent:
    """Which streams decide what an OLE file is."""

    encrypted: bool  # EncryptionInfo/EncryptedPackage: a password-protected OOXML workbook
    biff_stream: str | None  # "Workbook" (BIFF8) or "Book" (BIFF5) when it is a legacy .xls
    other: str | None  # a description when it is some other Office document (Word, PowerPoint)
    word: bool = False  # an old Word document (WordDocument stream): FileKind.DOC


@record(slots=True)
class BiffSheet:
    """One sheet of a .xls as the record scan sees it; extents are 0-based, -1 when empty."""

    name: str
    hidden: bool
    kind: int  # BOUNDSHEET dt: 0 worksheet, 1 macro sheet, 2 chart, 6 VB module
    offset: int
    cells: int = 0
    min_row: int = -1
    max_row: int = -1
    min_col: int = -1
    max_col: int = -1

    def add(self, row: int, col: int) -> None:
        self.cells += 1
        self.min_row = row if self.min_row < 0 else min(self.min_row, row)
        self.max_row = max(self.max_row, row)
        self.min_col = col if self.min_col < 0 else min(self.min_col, col)
        self.max_col = max(self.max_col, col)


@record(slots=True)
class BiffScan:
    """What the BIFF record walk learnt."""

    encrypted: bool = False
    sst_unique: int = 0
    sheets: list[BiffSheet] = field(default_factory=list)
    truncated: bool = False  # a record header claims more bytes than the stream holds


def classify_ole(ole) -> OleContent:
    """Decide from the stream names of an open `olefile.OleFileIO` what the file is."""
    names = {"/".join(entry).lower() for entry in ole.listdir(streams=True, storages=False)}
    if "encryptedpackage" in names or "encryptioninfo" in names:
        return OleContent(True, None, None)
    for stream in ("Workbook", "Book"):
        if stream.lower() in names:
            return OleContent(False, stream, None)
    if "worddocument" in names:
        return OleContent(False, None, "Word 97-2003 文档 (.doc)|a Word 97-2003 document (.doc)", word=True)
    if "powerpoint document" in names:
        return OleContent(False, None, "PowerPoint 97-2003 演示文稿 (.ppt)|a PowerPoint 97-2003 presentation (.ppt)")
    return OleContent(False, None, "不含工作簿数据的 OLE 复合文档|an OLE compound file with no workbook stream")


def _sheet_name(body: bytes, biff8: bool) -> str:
    """ShortXLUnicodeString (BIFF8) or a byte string (BIFF5) starting at offset 6 of BOUNDSHEET."""
    if len(body) < 8:
        return ""
    cch = body[6]
    if biff8:
        high = body[7] & 1
        raw = body[8 : 8 + cch * (2 if high else 1)]
        return raw.decode("utf-16-le" if high else "latin-1", errors="replace")
    raw = body[7 : 7 + cch]
    try:
        return raw.decode("gbk")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def scan_biff(data: bytes) -> BiffScan:
    """Walk the BIFF records of a Workbook/Book stream (headers, plus a few fixed fields)."""
    scan = BiffScan()
    by_offset: dict[int, BiffSheet] = {}
    current: BiffSheet | None = None
    biff8 = True
    pos, end, depth = 0, len(data), 0
    while pos + 4 <= end:
        rtype, rlen = struct.unpack_from("<HH", data, pos)
        body_at = pos + 4
        if body_at + rlen > end:
            scan.truncated = True
            break
        body = data[body_at : body_at + rlen] if rtype in (BOF, BOUNDSHEET, SST) else b""
        if rtype == BOF:
            if pos == 0 and len(body) >= 2:
                biff8 = struct.unpack_from("<H", body)[0] == 0x0600
            depth += 1
            if pos in by_offset:
                current = by_offset[pos]
        elif rtype == EOF:
            depth -= 1
            if depth <= 0:
                current = None
        elif rtype == FILEPASS and current is None:
            scan.encrypted = True
        elif rtype == BOUNDSHEET and len(body) >= 6:
            offset, state, dt = struct.unpack_from("<IBB", body)
            sheet = BiffSheet(_sheet_name(body, biff8), (state & 3) != 0, dt, offset)
            scan.sheets.append(sheet)
            by_offset[offset] = sheet
        elif rtype == SST and len(body) >= 8:
            scan.sst_unique = struct.unpack_from("<I", body, 4)[0]
        elif current is not None and rlen >= 4 and rtype in CELL_RECORDS:
            row, col = struct.unpack_from("<HH", data, body_at)
            current.add(row, col)
        elif current is not None and rtype == MULRK and rlen >= 6:
            row, first = struct.unpack_from("<HH", data, body_at)
            last = struct.unpack_from("<H", data, body_at + rlen - 2)[0]
            if last >= first:
                current.add(row, first)
                current.add(row, last)
                current.cells += max(0, last - first - 1)
        pos = body_at + rlen
    return scan
