"""Typed numbers as their .xlsx/.xlsm cell shows them: a percent format's value as the percent, hidden digits rounded.

python-calamine 0.9.1 gives a number cell's stored value and no number format, so a "95%" a filer typed (Excel stores
0.95 under "0%") reads as 0.95, and a 得分 pasted as 1.0012 under "0.00" (the sheet shows 1.00) as 1.0012: a check
would compare 0.95 with a "≥90%" target, or a printed 1.00 at four decimals — false 错误 (adv29). This scan reads
xl/styles.xml and each worksheet's XML (the same pass as the error-value scan) and names the constant number cells
whose format is a percent or a figure at fixed decimals, with the text the cell shows (round half up).
A formula's cached result is read so under a percent format only (=F6/E6 under "0.00%"); dates and General numbers are
not touched.
"""

from __future__ import annotations

import functools
import html
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from ..model import column_index
from ..patterns import lazy_compile
from .ooxml import cell_formats

__all__ = ["shown_styles", "shown_cells"]

#: Built-in number formats (ECMA-376 §18.8.30) a typed figure gets: id → (decimals shown, percent).
_BUILTIN = {1: (0, False), 2: (2, False), 3: (0, False), 4: (2, False), 9: (0, True), 10: (2, True)}
_NUMFMT = lazy_compile(rb"<numFmt\b[^>]*>")
_ATTR = lazy_compile(rb'\b(numFmtId|formatCode)="([^"]*)"')
_XF_FMT = lazy_compile(rb'\bnumFmtId="(\d+)"')
#: A plain figure format once quoted text, escapes, [colour]/[locale] tags and padding are taken out: "0.00%",
#: "#,##0.0", "0_ ".
_PLAIN_FORMAT = re.compile(r"^[^0#?.A-Za-z]*[#0?,]*0(?:\.([0#?]+))?[^0#?.A-Za-z]*$")
_R = lazy_compile(rb'\br="([A-Z]{1,3})(\d+)"')
_T = lazy_compile(rb'\bt="([a-z]+)"')
_V = lazy_compile(rb"<v(?:\s[^>]*)?>([^<]*)</v>")


def _format_shows(code: str) -> tuple[int, bool] | None:
    """(decimals shown, percent) of a custom format's first section when it prints one plain figure; else None."""
    section = re.split(r';(?=(?:[^"]*"[^"]*")*[^"]*$)', code, maxsplit=1)[0]
    bare = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.', "", section)
    percent = "%" in bare
    m = _PLAIN_FORMAT.match(bare.replace("%", "").replace(" ", ""))
    return (len(m.group(1) or ""), percent) if m else None


def shown_styles(styles_xml: bytes) -> dict[int, tuple[int, bool]]:
    """Cell style index (a cell's `s`) → (decimals shown, percent) for every style whose number format is a plain
    figure at fixed decimals or a percent; styles of General, dates, text and other formats are left out."""
    formats: dict[int, tuple[int, bool]] = dict(_BUILTIN)
    for tag in _NUMFMT.finditer(styles_xml):
        attrs = {k.decode(): html.unescape(v.decode("utf-8", "replace")) for k, v in _ATTR.findall(tag.group(0))}
        if attrs.get("numFmtId", "").isdigit() and "formatCode" in attrs:
            shows = _format_shows(attrs["formatCode"])
            if shows is None:
                formats.pop(int(attrs["numFmtId"]), None)
            else:
                formats[int(attrs["numFmtId"])] = shows
    out: dict[int, tuple[int, bool]] = {}
    for i, xf in enumerate(cell_formats(styles_xml)):
        fmt = _XF_FMT.search(xf)
        if fmt and int(fmt.group(1)) in formats:
            out[i] = formats[int(fmt.group(1))]
    return out


def shown_cells(xml: bytes, styles: dict[int, tuple[int, bool]], formulas: bool = True) -> dict[tuple[int, int], str]:
    """0-based (row, col) → the text shown, for each constant number cell of one worksheet's XML under a percent
    style (0.955 under "0.0%" → "95.5%") or a fixed-decimal style (1.0012 under "0.00" → "1.00", 8.5 → "8.50"):
    judged at the precision shown, as a printed copy is. A formula's cached result too under a percent format
    (=F6/E6 under "0.00%" shows 10.77%; `formulas`: False where uncached formulas are computed from the sheet's
    numbers); under a fixed-decimal one it stays the number other formulas use (perfxl's own workbooks: the
    score it computed)."""
    found: dict[tuple[int, int], str] = {}
    if not styles or b' s="' not in xml:
        return found
    ids = b"|".join(str(i).encode() for i in sorted(styles))
    # only the cells of a listed style, read in one match (a sheet of 90,000 cells: ≈ 0.1 s, not 0.6 s)
    for m in _styled_cells(ids).finditer(xml):
        attrs, body = m.group(1), m.group(3)
        decimals, percent = styles[int(m.group(2))]
        if b"<f" in body and not (formulas and percent):
            continue
        t, ref, v = _T.search(attrs), _R.search(attrs), _V.search(body)
        if (t is not None and t.group(1) != b"n") or ref is None or v is None:
            continue
        text = _shown(v.group(1), decimals, percent)
        if text is not None:
            found[(int(ref.group(2)) - 1, _column(ref.group(1)) - 1)] = text
    return found


@functools.lru_cache(maxsize=64)
def _styled_cells(ids: bytes) -> re.Pattern[bytes]:
    """A cell element (attributes, body, its `s`) whose style is one of `ids` ("1|4|5")."""
    return re.compile(rb'<c\b((?=[^>]*\ss="(' + ids + rb')")[^>]*?)(?<!/)>(.*?)</c>', re.S)


@functools.lru_cache(maxsize=4096)
def _shown(value: bytes, decimals: int, percent: bool) -> str | None:
    """A stored number's text as its format shows it ("0.955", 1, True → "96%"), None when it is no finite number."""
    try:
        number = Decimal(value.decode().strip())
    except (InvalidOperation, UnicodeDecodeError):
        return None
    if not number.is_finite():
        return None
    shown = (number.scaleb(2) if percent else number).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return str(shown) + ("%" if percent else "")


@functools.lru_cache(maxsize=1024)
def _column(letters: bytes) -> int:
    return column_index(letters.decode())
