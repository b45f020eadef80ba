"""Held-out batch 8's shapes (tests/realworld: 云南 保山 能源局 2023, 福建 宁德 人才驿站 2023), on their own."""

from __future__ import annotations

from perfxl.layout.indicators import nature_operator
from perfxl.model import CellRef, CellValue
from perfxl.units import conversion_factor, lookup, normalise_unit


def test_a_system_code_before_the_operator_is_not_part_of_it():
    ref = CellRef("自评表", "D15")
    assert nature_operator(CellValue.of("004 >=", ref)) == CellValue.of(">=", ref)
    assert nature_operator(CellValue.of("005<=", ref)).raw == "<="
    assert nature_operator(CellValue.of("≥", ref)).raw == "≥"  # as read
    assert nature_operator(CellValue.of("2023", ref)).raw == "2023"  # a number alone is no code


def test_traditional_unit_names_are_the_simplified_units():
    assert normalise_unit("個") == "个" and lookup("個") == lookup("个") is not None
    assert lookup("萬元") == lookup("万元")


def test_a_bare_multiplier_takes_the_other_sides_unit():
    # 保山: 指标值 "1亿" + 度量单位 "元", 实际完成值 "24亿" — 24亿元, 2400% of the target
    assert conversion_factor("亿", "亿元").factor == 1
    assert conversion_factor("万", "元").factor == 10000
    assert not conversion_factor("亿", "%").ok  # a multiplier is never a percent
