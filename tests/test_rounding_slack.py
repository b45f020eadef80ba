"""Sums of printed figures judged at the precision they were printed with (issue 11, item 4; brief: "a printed
value is judged at the precision it was printed with"), where the table shows that it rounds.

Six sources printed "16.67" under "100.00" (a sixth each, 16.6667) add to 100.02: the difference is below half a
unit of each printed figure, summed (7 × 0.005), so rounded or wrong is a 警告 for a person, not an 错误 — for F02
sources, F09 按性质分 splits, F10 履职目标 amounts, B03 三公 items and T02 总分 alike (`Context.rounding_slack`). A table
shows it rounds when its parts are printed with decimals (of mixed precision only the finest may be rounded: "10" │
"8.33", the 8.33) or whole under a total with decimals. Whole parts under a whole total count whole units (山西 吉山
2020's 总分 94 over scores adding to 93 is a slip); number cells count at the decimals typed (8.33 as typed, whole ones exact); a difference at or beyond the slack is
certain (内蒙古 临河 2022: 0.03 over five two-decimal sources). A total printed with fewer decimals than its parts that
is their sum so rounded agrees outright ("按支出性质分：2223" over 886.12 + 1336.92).
"""

from __future__ import annotations

import pytest
from rules_helpers import amount, basic, funds, funds_row, good_evaluation, submission

from perfxl.model import Certainty, Severity
from perfxl.validate import validate_submission

SOURCES = ("其中：本年财政拨款", "上年结转资金", "其他资金", "中央补助", "省级补助", "市级补助")


def _f02(total, parts):
    block = funds(
        funds_row(5, "年度资金总额", total, total, total, 10, "100.00%", 10, total=True),
        tuple(funds_row(6 + i, SOURCES[i], p, p, p) for i, p in enumerate(parts)),
    )
    return [f for f in validate_submission(submission(good_evaluation(funds=block))) if f.code == "F02"]


def test_parts_printed_rounded_under_their_total_are_a_warning():
    found = _f02("100.00", ["16.67"] * 6)
    assert [(f.cell, f.severity, f.certainty) for f in found] == [
        (cell, Severity.WARNING, Certainty.JUDGEMENT) for cell in ("C5", "D5", "E5")
    ]
    assert "四舍五入" in found[0].basis and "各数舍入误差之和小于 0.035" in found[0].basis


@pytest.mark.parametrize(
    ("total", "parts"),
    [
        ("100", ["33", "33", "33"]),  # every figure whole: the form counts whole 万元, nothing was rounded away
        (100, [33, 33, 33]),  # number cells typed whole: whole units, no rounding to allow for
        ("100.00", ["19.99"] * 5),  # 0.05 off, rounding explains less than 0.03
        ("100.00", ["33", "33", "33.01"]),  # mixed precision: only the 33.01 may be rounded (0.01)
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


def test_three_public_items_are_judged_at_the_precision_printed():
    assert _b03("1.00", "0.33", "0.33", "0.33") == []  # 0.99 is 1.00 within the money tolerance already
    found = _b03("2.0", "0.7", "0.7", "0.7")  # a third each, 0.6667 printed to one decimal: 2.1 over 2.0, below 0.2
    assert {(f.severity, f.certainty) for f in found} == {(Severity.WARNING, Certainty.JUDGEMENT)}
    assert len(found) == 3 and "分项合计 2.1" in found[0].basis
    assert {f.severity for f in _b03("100", "33", "33", "33")} == {Severity.ERROR}  # whole 元: exact
    # number cells typed to one decimal: the filer rounded to it, as a score typed 9.6 is judged (a 警告); whole ones exact
    assert {f.severity for f in _b03(2, 0.7, 0.7, 0.7)} == {Severity.WARNING}
    assert {f.severity for f in _b03(100, 33, 33, 33)} == {Severity.ERROR}


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
    """2223.04 over 887 + 1337 (886.12 and 1336.92 rounded): the parts exceed their figure by 0.96, which rounding
    can make (below 1.005) — a 警告; "按支出性质分：2223" against the 年度资金总额 2223.04 is that figure rounded: nothing."""
    assert _seed_breakdown("2223.04", "886.12", "1336.92") == []
    assert _seed_breakdown("2223", "886.12", "1336.92") == []
    found = _seed_breakdown("2223.04", "887", "1337")
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


# ---------------------------------------------------------------- T02: scores printed rounded under an exact total


def _twelve_scores_t02(score, total):
    """T02 of twelve rows weighted 10, each scored `score`, under a 总分 `total` (no funds block)."""
    import dataclasses

    from rules_helpers import indicator

    rows = tuple(indicator(12 + k, "产出指标", "数量指标", f"指标{k + 1}", "≥3个", "3个", 10, score) for k in range(12))
    ev = good_evaluation(indicators=rows, level1=(), funds=None)
    ev = dataclasses.replace(ev, total_score=dataclasses.replace(ev.total_score, raw=total))
    return [f for f in validate_submission(submission(ev)) if f.code == "T02"]


def test_scores_printed_rounded_under_a_total_of_the_exact_ones_are_a_warning():
    """Twelve rows of 8⅓ printed "8.33" under a 总分 "100.00" (the filer summed the exact scores): 99.96, 0.04 short —
    less than rounding thirteen figures can make (13 × 0.005). Under "100" the 总分 is rounded too: still a 警告.
    Scores typed whole that add to 96 under 100 stay an 错误."""
    (t02,) = _twelve_scores_t02(
        "8.33", "100"
    )  # the 总分 rounded too: a 警告, never silence (it may move the grade band)
    assert (t02.severity, t02.certainty) == (Severity.WARNING, Certainty.JUDGEMENT)
    (t02,) = _twelve_scores_t02("8.33", "100.00")
    assert (t02.severity, t02.certainty) == (Severity.WARNING, Certainty.JUDGEMENT) and "四舍五入" in t02.basis
    assert [f.severity for f in _twelve_scores_t02("8", "100")] == [Severity.ERROR]  # 96 under 100, all whole


@pytest.mark.parametrize("unused", [None, "", "/", "0", "—"])
def test_a_source_not_used_leaves_the_slack_of_the_others(unused):
    """Six sources "16.67" under "100.00" and a seventh row left blank, "/" or "0" (a source not used): the blank or
    zero holds no money and shows no precision, so the six still may be rounded — the same 警告 as without the row,
    not a certain 错误 (review of 96f50ff: any blank part made the table "mixed precision")."""
    block = funds(
        funds_row(5, "年度资金总额", "100.00", "100.00", "100.00", 10, "100.00%", 10, total=True),
        (
            *(funds_row(6 + i, SOURCES[i], "16.67", "16.67", "16.67") for i in range(6)),
            funds_row(12, "社会资金", unused, unused, unused),
        ),
    )
    found = [f for f in validate_submission(submission(good_evaluation(funds=block))) if f.code == "F02"]
    assert [(f.cell, f.severity, f.certainty) for f in found] == [
        (cell, Severity.WARNING, Certainty.JUDGEMENT) for cell in ("C5", "D5", "E5")
    ]


def test_a_total_score_rounded_to_whole_points_is_a_warning_not_silence():
    """总分 "90" over scores adding to 89.6 ("9.6" among whole ones): rounding the total can explain it, but 89.6 shown
    as 90 moves the grade band (良 → 优), so it is a 警告 for a person — not silence, as for a funds split (review)."""
    import dataclasses

    ev = good_evaluation()
    rows = list(ev.indicators)
    rows[4] = dataclasses.replace(rows[4], score=dataclasses.replace(rows[4].score, raw="15.6"))  # 16 → 15.6
    ev = dataclasses.replace(ev, indicators=tuple(rows), total_score=dataclasses.replace(ev.total_score, raw="95"))
    t02 = [f for f in validate_submission(submission(ev)) if f.code == "T02"]
    assert [(f.severity, f.certainty) for f in t02] == [(Severity.WARNING, Certainty.JUDGEMENT)]


def test_scores_typed_rounded_in_number_cells_are_judged_as_one_score_is():
    """Twelve number cells 8.33 under a 总分 100: one such cell against its exact 8⅓ is a 警告 (typed to two decimals,
    the display format unread: `score_rounded_as_typed`), so their sum is judged the same way — not a certain T02
    (review). Number cells 8 under 100 stay an 错误 (whole units)."""
    assert [(f.severity, f.certainty) for f in _twelve_scores_t02(8.33, 100)] == [
        (Severity.WARNING, Certainty.JUDGEMENT)
    ]
    assert [f.severity for f in _twelve_scores_t02(8, 100)] == [Severity.ERROR]
