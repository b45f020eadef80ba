"""perfxl.numbers: Excel's ROUND semantics and exact conversion of what Excel hands over."""
from decimal import Decimal

import pytest

from perfxl.numbers import fmt_decimal, round_half_up, to_decimal


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        ("2.675", 2, "2.68"),  # banker's rounding would give 2.68 too, but via float 2.67
        ("0.125", 2, "0.13"),  # banker's: 0.12
        ("-2.5", 0, "-3"),  # away from zero, like Excel
        ("140.625", 2, "140.63"),  # the seed's 45/32
        ("99.994999", 2, "99.99"),
    ],
)
def test_round_half_up_matches_excel_round(value, places, expected):
    assert round_half_up(Decimal(value), places) == Decimal(expected)


def test_round_half_up_handles_numbers_beyond_the_default_precision():
    big = Decimal("1E+40")
    assert round_half_up(big, 2) == big


def test_to_decimal_keeps_what_excel_displays_for_floats():
    assert to_decimal(89.974) == Decimal("89.974")
    assert to_decimal("1,234.5") == Decimal("1234.5")
    assert to_decimal(True) is None
    assert to_decimal(float("nan")) is None
    assert to_decimal("12家") is None


def test_fmt_decimal_prints_plain_numbers():
    assert fmt_decimal(Decimal("9.830")) == "9.83"
    assert fmt_decimal(Decimal("1E+2")) == "100"
    assert fmt_decimal(Decimal("140.625"), 2) == "140.63"
    assert fmt_decimal(None) == ""
