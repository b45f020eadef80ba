"""What an .xls (BIFF8/BIFF5) sheet shows that python-calamine does not give (read31, issue 11): the number format of
each number cell (a typed 22% stored as 0.22 under "0%", a 得分 6.2512 under "0.00" printed 6.25), hidden rows and
columns, apostrophe-typed cells, and Excel error values (calamine reads #DIV/0! in an .xls as "").

xlrd (formatting_info, on_demand: the workbook globals only, no sheet parsed) gives the cell formats — each XF's
number format string and quote prefix — as an `ooxml.CellStyles`, so `shown_numbers.shown_styles` and
`sheet_flags.quoted_styles` judge them exactly as an .xlsx's styles.xml. One walk over each sheet's records (cell,
ROW and COLINFO headers and fixed fields, as the guard's `scan_biff`) finds the cells carrying those formats: no
value is copied, the values stay calamine's, and formatted empty cells (BLANK/MULBLANK, which xlrd's sheet reader
would hold one by one) cost nothing. The guard has bounded the stream and checked every record header before this runs.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import field
from decimal import Decimal
from pathlib import Path

from perfxl.records import record

from .ooxml import CellStyles
from .sheet_flags import SheetFlags, hidden_column_span, quoted_styles
from .shown_numbers import Shows, shown_result, shown_styles

__all__ = ["XlsSheet", "XlsFormatsUnread", "read_xls_sheets"]

BOF, EOF, BOUNDSHEET = 0x0809, 0x000A, 0x0085
NUMBER, RK, MULRK, FORMULA, BOOLERR = 0x0203, 0x027E, 0x00BD, 0x0006, 0x0205
TEXT_CELLS = frozenset({0x00FD, 0x0204, 0x00D6})  # LABELSST, LABEL, RSTRING: (row, col, xf) first
ROW, COLINFO = 0x0208, 0x007D
#: ROW's option flags (offset 12): fDyZero, the row hidden ([MS-XLS] 2.4.221); COLINFO's (offset 8): fHidden.
ROW_HIDDEN, COL_HIDDEN = 0x20, 0x01
#: BIFF error codes ([MS-XLS] 2.5.10 BErr) → the text Excel shows.
ERROR_TEXT = {
    0x00: "#NULL!",
    0x07: "#DIV/0!",
    0x0F: "#VALUE!",
    0x17: "#REF!",
    0x1D: "#NAME?",
    0x24: "#NUM!",
    0x2A: "#N/A",
}


class XlsFormatsUnread(Exception):
    """The .xls's cell formats could not be read (xlrd refused its globals): said as coverage, never the filer's."""


@record(slots=True)
class XlsSheet:
    """One worksheet of an .xls as its records show it, 0-based: the number cells whose format shows them otherwise
    than stored (→ what the format shows; a formula's result where `shown_result` shows it, as `shown_cells` reads an
    .xlsx), its error cells, and its hidden rows/columns and quote-prefixed cells."""

    shows: dict[tuple[int, int], Shows] = field(default_factory=dict)
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    flags: SheetFlags = field(default_factory=SheetFlags)


def read_xls_sheets(path: Path) -> dict[str, XlsSheet]:
    """Sheet name → what its records show of the cells' formats; XlsFormatsUnread when the formats cannot be read."""
    try:
        # lazy: olefile and xlrd only for an .xls, off the .xlsx validate path; without xlrd (a Pyodide build lacking
        # it) the values are read as stored and that is said
        import olefile
        import xlrd

        with olefile.OleFileIO(str(path)) as ole:
            stream = "Workbook" if ole.exists("Workbook") else "Book"
            data = ole.openstream(stream).read()
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True, logfile=_Quiet())
    except Exception as exc:  # xlrd and olefile raise many types on what they cannot parse; all mean "not read"
        raise XlsFormatsUnread(f"{type(exc).__name__}: {exc}"[:200]) from exc
    try:
        styles = CellStyles(
            # the FORMAT records the file holds (format_list; format_map adds xlrd's strings for every built-in id, which
            # `shown_styles` knows itself — as an .xlsx's numFmts, only what the file declares)
            {fmt.format_key: fmt.format_str for fmt in book.format_list},
            [
                {"numFmtId": str(xf.format_key), "quotePrefix": "1" if xf.lotus_123_prefix else "0"}  # type: ignore[attr-defined]  # xlrd sets it in handle_xf; types-xlrd omits it
                for xf in book.xf_list
            ],
        )
        encoding = book.encoding or "latin-1"
    finally:
        book.release_resources()
    shown, quoted = shown_styles(styles), quoted_styles(styles)
    return {
        name: _read_sheet(data, offset, shown, quoted)
        for name, offset in _sheet_offsets(data, encoding)
        if 0 <= offset < len(data)
    }


def _records(data: bytes, pos: int) -> Iterator[tuple[int, int, int]]:
    """(type, body offset, body length) of each record from `pos` to the end of `data` or a truncated header."""
    end = len(data)
    while pos + 4 <= end:
        rtype, rlen = struct.unpack_from("<HH", data, pos)
        if pos + 4 + rlen > end:
            return
        yield rtype, pos + 4, rlen
        pos += 4 + rlen


def _sheet_offsets(data: bytes, encoding: str) -> list[tuple[str, int]]:
    """(name, BOF offset) of each worksheet a BOUNDSHEET record declares (charts and VB modules left out)."""
    out: list[tuple[str, int]] = []
    biff8 = True
    for rtype, at, rlen in _records(data, 0):
        if rtype == BOF and at == 4 and rlen >= 2:
            biff8 = struct.unpack_from("<H", data, at)[0] == 0x0600
        elif rtype == BOUNDSHEET and rlen >= 8:
            offset, _state, kind, cch = struct.unpack_from("<IBBB", data, at)
            if kind in (0, 1):
                out.append((_sheet_name(data[at + 7 : at + rlen], cch, biff8, encoding), offset))
        elif rtype == EOF:
            break  # the end of the workbook globals
    return out


def _sheet_name(raw: bytes, cch: int, biff8: bool, encoding: str) -> str:
    """A BOUNDSHEET's name: BIFF8 a ShortXLUnicodeString (a flag byte, then Latin-1 or UTF-16), BIFF5 bytes in the
    workbook's code page (xlrd's reading of CODEPAGE)."""
    if biff8:
        wide = bool(raw[:1]) and raw[0] & 1
        return raw[1 : 1 + cch * (2 if wide else 1)].decode("utf-16-le" if wide else "latin-1", errors="replace")
    return raw[:cch].decode(encoding, errors="replace")


def _read_sheet(data: bytes, offset: int, shown: dict[int, Shows], quoted: frozenset[int]) -> XlsSheet:
    """One sheet's substream, from its BOF to its EOF (an embedded chart's records skipped). Only the record types that
    can tell something are unpacked: number cells when some format shows them otherwise, text cells when some format
    sets the quote prefix (a 10,000-row sheet: ≈ 0.1 s)."""
    sheet = XlsSheet()
    flags, depth, unpack = sheet.flags, 0, struct.unpack_from
    wanted = {BOF, EOF, FORMULA, BOOLERR, ROW, COLINFO} | ({NUMBER, RK, MULRK} if shown else set())
    wanted |= TEXT_CELLS if quoted else set()
    pos, end = offset, len(data)
    while pos + 4 <= end:
        rtype, rlen = unpack("<HH", data, pos)
        at, pos = pos + 4, pos + 4 + rlen
        if rtype not in wanted or pos > end:
            continue
        if rtype == BOF:
            depth += 1
        elif rtype == EOF:
            depth -= 1
            if depth <= 0:
                break
        elif depth != 1 or rlen < 6:
            continue
        elif rtype in (NUMBER, RK):
            row, col, xf = unpack("<HHH", data, at)
            if xf in shown:
                sheet.shows[(row, col)] = shown[xf]
        elif rtype == MULRK:
            row, first = unpack("<HH", data, at)
            for i in range((rlen - 6) // 6):
                if (xf := unpack("<H", data, at + 4 + 6 * i)[0]) in shown:
                    sheet.shows[(row, first + i)] = shown[xf]
        elif rtype == FORMULA and rlen >= 14:
            row, col, xf = unpack("<HHH", data, at)
            result = data[at + 6 : at + 14]
            if result[6:8] != b"\xff\xff":  # a number: shown as its format shows it where that is certain
                if xf in shown and shown_result(Decimal(repr(unpack("<d", result)[0])), shown[xf]) is not None:
                    sheet.shows[(row, col)] = shown[xf]
            elif result[0] == 2:
                sheet.errors[(row, col)] = ERROR_TEXT.get(result[2], "#VALUE!")
        elif rtype == BOOLERR and rlen >= 8:
            row, col, _xf, value, is_error = unpack("<HHHBB", data, at)
            if is_error:
                sheet.errors[(row, col)] = ERROR_TEXT.get(value, "#VALUE!")
        elif rtype in TEXT_CELLS:
            row, col, xf = unpack("<HHH", data, at)
            if xf in quoted:
                flags.quoted.add((row, col))
        elif rtype == ROW and rlen >= 14:
            if unpack("<H", data, at + 12)[0] & ROW_HIDDEN:
                flags.rows.add(unpack("<H", data, at)[0])
        elif rtype == COLINFO and rlen >= 10:
            first, last, _width, _xf, options = unpack("<HHHHH", data, at)
            if options & COL_HIDDEN:
                flags.cols.update(hidden_column_span(first, last))
    return sheet


class _Quiet:
    """A logfile for xlrd that keeps its warnings ("WARNING *** file size … not 512 + multiple of sector size") off
    the console: what it could not read is said as coverage."""

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        return None
