"""A 分值 written ".5" lost its integer digits (OCR, a cut cell): the layout's weight reader takes no weight from it, as
the checks' own number reader already did (C02 reports the cell) — never a silent 0.5 分 (review 11d)."""

from __future__ import annotations

from decimal import Decimal

from perfxl.numbers import to_points


def test_a_weight_that_lost_its_integer_digits_is_no_weight():
    assert to_points(".5") is None and to_points(" .5分") is None  # ".5" is a damaged figure (C02), not 0.5 分
    assert to_points("0.5") == Decimal("0.5") and to_points("10分") == Decimal("10")
