"""Excel error values (#DIV/0!, #REF!, #N/A …) of an .xlsx/.xlsm worksheet, read from its XML.

python-calamine 0.9.1 returns an error cell as "" (the same as an empty cell) and has no API that
tells the two apart, so the reader would show a broken formula as a blank. The worksheet XML marks
error cells with `t="e"` and holds the error text in `<v>`; this scan (a byte search, run in the
same pass as the uncached-formula scan) recovers them so the Grid carries the error itself.
"""

from __future__ import annotations

import re

from ..model import column_index
from ..patterns import lazy_compile

__all__ = ["error_cells"]

_ERROR_CELL = lazy_compile(rb'<c\b([^>]*\st="e"[^>]*)(?<!/)>(.*?)</c>', re.S)
_R_ATTR = lazy_compile(rb'\br="([A-Z]{1,3})(\d+)"')
_VALUE = lazy_compile(rb"<v(?:\s[^>]*)?>([^<]*)</v>")


def error_cells(xml: bytes) -> dict[tuple[int, int], str]:
    """0-based (row, col) → error text ("#DIV/0!") of every cell with an error value in one worksheet's XML."""
    found: dict[tuple[int, int], str] = {}
    if b't="e"' not in xml:
        return found
    for m in _ERROR_CELL.finditer(xml):
        ref, value = _R_ATTR.search(m.group(1)), _VALUE.search(m.group(2))
        if ref is None or value is None:
            continue
        text = value.group(1).decode("utf-8", "replace").strip()
        if text:
            found[(int(ref.group(2)) - 1, column_index(ref.group(1).decode()) - 1)] = text
    return found
