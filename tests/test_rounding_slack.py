"""A sum of printed figures judged at the precision they were printed with (issue 11, item 4; brief: "a printed
value is judged at the precision it was printed with").

A total printed "100" over parts printed "33" │ "33" │ "33" may be 100 over 33.33 each, rounded for print: the
difference (1) is below half a unit of each printed figure, summed (4 × 0.5 = 2), so whether the figures were rounded or
wrong is a 警告 for a person, not an 错误 (F02 funds sources; B03 三公经费 items). A number cell holds its exact value,
so 100 over number cells 33, 33, 33 stays an 错误, and so does a difference beyond the rounding ("100.00" over
"19.99" × 5: 0.05 > 6 × 0.005).
"""

from __future__ import annotations

import pytest
from rules_helpers import amount, basic, funds, funds_row, good_evaluation, submission

from perfxl.model import Certainty, Severity
from perfxl.validate import validate_submission

SOURCES = ("其中：本年财政拨款", "上年结转资金", "其他资金", "中央补助", "省级补助")


def _f02(total, parts):
    block = funds(
        funds_row(5, "年度资金总额", total, total, total, 10, "100.00%", 10, total=True),
        tuple(funds_row(6 + i, SOURCES[i], p, p, p) for i, p in enumerate(parts)),
    )
    return [f for f in validate_submission(submission(good_evaluation(funds=block))) if f.code == "F02"]


def test_whole_figures_that_rounding_can_explain_are_a_warning():
    found = _f02("100", ["33", "33", "33"])
    assert [(f.cell, f.severity, f.certainty) for f in found] == [
        (cell, Severity.WARNING, Certainty.JUDGEMENT) for cell in ("C5", "D5", "E5")
    ]
    assert "四舍五入" in found[0].basis and "误差之和 2" in found[0].basis


@pytest.mark.parametrize(
    ("total", "parts"),
    [
        (100, [33, 33, 33]),  # number cells: exact values, no rounding to allow for
        ("100.00", ["19.99"] * 5),  # 0.05 off, rounding explains less than 0.03
        ("100", ["33", "33", "30"]),  # 4 off, rounding explains less than 2
        # 内蒙古 临河 2022 (tests/realworld): five sources at two decimals 0.03 under the total — six figures
        # rounded half up can each be off by less than 0.005, so together by less than 0.03: a certain gap
        ("7165.32", ["3144.00", "570.17", "433.00", "1426.90", "1591.22"]),
    ],
)
def test_a_difference_rounding_cannot_explain_stays_an_error(total, parts):
    assert {f.severity for f in _f02(total, parts)} == {Severity.ERROR}


def _b03(total, car, overseas, reception):
    rows = [
        amount("three_public", 8, "三公经费", total, total, total),
        amount("car", 9, "1、公务用车购置和维护经费", car, car, car, "three_public"),
        amount("overseas", 12, "2、出国经费", overseas, overseas, overseas, "three_public"),
        amount("reception", 13, "3、公务接待", reception, reception, reception, "three_public"),
    ]
    sub = submission(good_evaluation(), basic=basic(rows))
    return [f for f in validate_submission(sub) if f.code == "B03"]


def test_three_public_items_printed_whole_are_judged_at_that_precision():
    found = _b03("1.00", "0.33", "0.33", "0.33")  # 万元 at two decimals: 0.99 is 1.00 within tolerance already
    assert found == []
    found = _b03("100", "33", "33", "33")
    assert {(f.severity, f.certainty) for f in found} == {(Severity.WARNING, Certainty.JUDGEMENT)}
    assert len(found) == 3 and "分项合计 99" in found[0].basis
    assert {f.severity for f in _b03(100, 33, 33, 33)} == {Severity.ERROR}
    assert {f.severity for f in _b03("100", "33", "33", "30")} == {Severity.ERROR}


# ---------------------------------------------------------------- F09: the seed's 按支出性质分 split, printed whole


def _seed_breakdown(head, basic_item, special):
    """The seed report's funds block (隆回县 2023: 按支出性质分 2223.04 = 基本支出 886.12 + 县级专项资金 1336.92) with
    the split printed as given."""
    from dataclasses import replace

    from perfxl.reader import read_grids
    from perfxl.workbook import seed
    from perfxl.workbook import variants as V

    content = seed.seed_content()
    ev = content.evaluations[0]
    bd = list(ev.breakdown)
    bd[0] = (bd[0][0], f"按支出性质分：{head}")
    bd[1] = (bd[1][0], f"其中：基本支出：{basic_item}")
    bd[2] = (bd[2][0], f"县级专项资金：{special}")
    changed = replace(content, evaluations=(replace(ev, breakdown=tuple(bd)),))
    sub = read_grids([V.plan_grid(p) for p in V.content_plans(changed)])
    return [f for f in validate_submission(sub, None) if f.code == "F09"]


def test_a_split_printed_to_whole_wan_is_judged_at_that_precision():
    """2223 over 887 + 1337 (886.12 and 1336.92 rounded): the parts exceed their figure by 1, which rounding three whole
    figures can make (less than 1.5) — a 警告; 2223 against the 年度资金总额 2223.04 is that figure rounded: nothing."""
    assert _seed_breakdown("2223.04", "886.12", "1336.92") == []
    found = _seed_breakdown("2223", "887", "1337")
    assert [(f.severity, f.certainty) for f in found] == [(Severity.WARNING, Certainty.JUDGEMENT)]
    assert "四舍五入" in found[0].basis
    over = _seed_breakdown("2223.04", "986.12", "1336.92")  # 100 over at two decimals: certain
    assert [f.severity for f in over] == [Severity.ERROR]


# ---------------------------------------------------------------- F10: 宁德 方志委 2019's 年度履职目标, printed whole


def test_duty_amounts_printed_whole_are_judged_at_that_precision(tmp_path):
    """The real 目标表's duties 49.8 + 11 + 110.61 = 171.41 (tests/test_heldout12.py) printed to whole 万元, 50 + 11 + 111
    = 172 over the 资金总额 171.41: rounding three whole figures can make up to 1.5 — a 警告, not the certain F10 that
    232.21 (171.41 printed for 基本支出) stays."""
    from report_helpers import workbook_result
    from test_heldout12 import _duties

    rows, merges = _duties(basic_item="111")
    rows = [[{"49.8": "50"}.get(c, c) for c in r] for r in rows]
    (f10,) = [f for f in workbook_result(tmp_path, rows, merges).findings if f.code == "F10"]
    assert (f10.severity, f10.certainty) == (Severity.WARNING, Certainty.JUDGEMENT) and "四舍五入" in f10.basis
    rows, merges = _duties()
    (f10,) = [f for f in workbook_result(tmp_path, rows, merges).findings if f.code == "F10"]
    assert f10.severity is Severity.ERROR
