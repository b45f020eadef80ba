"""Finance arithmetic: exact Decimals and Excel's ROUND (round half away from zero, 四舍五入)."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation

__all__ = ["to_decimal", "round_half_up", "fmt_decimal", "HUNDRED", "ZERO", "ONE"]

ZERO = Decimal(0)
ONE = Decimal(1)
HUNDRED = Decimal(100)


def to_decimal(value: object) -> Decimal | None:
    """A number from Excel (int, float, Decimal, numeric str) → exact Decimal, else None.

    Floats go through `repr` so 89.974 stays 89.974 rather than its binary expansion, which is
    what Excel displays and what the user typed.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return None
        return Decimal(repr(value))
    if isinstance(value, str):
        text = value.strip().replace(",", "")
        if not text:
            return None
        try:
            d = Decimal(text)
        except InvalidOperation:
            return None
        return d if d.is_finite() else None
    return None


def round_half_up(value: Decimal, places: int = 2) -> Decimal:
    """Excel ROUND(value, places): halves go away from zero (2.675 → 2.68, -2.5 → -3).

    The context grows with the number, so amounts beyond the default 28 digits (1e30) round too.
    """
    digits = max(28, value.adjusted() + places + 2)
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP,
                          context=Context(prec=digits))


def fmt_decimal(value: Decimal | None, places: int | None = None) -> str:
    """Plain text for a Decimal without exponent or trailing zeros ("9.83", "100", "140.63")."""
    if value is None:
        return ""
    if places is not None:
        value = round_half_up(value, places)
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
