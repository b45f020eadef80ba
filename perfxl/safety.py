"""Make exported text safe to open in a spreadsheet (CSV/formula injection, OWASP).

Text from a submitted workbook ends up in CSV and XLSX exports that reviewers open in Excel or
WPS. A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return may be run as a
formula (e.g. `=HYPERLINK(…)`, DDE `=cmd|' /C calc'!A0`). Following the OWASP "CSV Injection"
advice, such text gets a leading apostrophe; genuine numbers ("-12.5", "+3%", "-1,234.50") are
left alone. HTML output uses the standard library's `html.escape` — there is no helper here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .patterns import lazy_compile

__all__ = ["neutralise_formula", "neutralise_row", "FORMULA_TRIGGERS", "is_plain_number"]

#: First characters that make a spreadsheet treat text as a formula (OWASP CSV Injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

_NUMBER = lazy_compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+|\d{1,3}(?:,\d{3})+(?:\.\d*)?)(?:[eE][+-]?\d+)?%?$")


def is_plain_number(text: str) -> bool:
    """True for text a spreadsheet reads as a plain number: "-12.5", "+3", "1,234.50", "-5%"."""
    return bool(_NUMBER.match(text))


def neutralise_formula(value: Any) -> Any:
    """Text starting with a formula trigger gets a leading "'" unless it is a plain number.

    Non-text values (numbers, dates, None, booleans) are returned unchanged: they are written as
    typed cells, never parsed as formulas.
    """
    if not isinstance(value, str) or not value.startswith(FORMULA_TRIGGERS):
        return value
    if value[0] in "+-" and is_plain_number(value):
        return value
    return "'" + value


def neutralise_row(values: Iterable[Any]) -> list[Any]:
    """`neutralise_formula` applied to every cell of a row (for csv.writer / XlsxWriter rows)."""
    return [neutralise_formula(v) for v in values]
