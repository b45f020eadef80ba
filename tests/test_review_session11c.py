"""Review 11c (issue 11, trust): an adversarial pass over two merges of session 11 — gaps11 (per-period targets, time
limits, figures with bracketed notes, count-word clauses …) and dirop11 (指标性质 │ 指标方向 read together). Each case
is a variant of a real corpus table (tests/realworld/*.toml, via render.variant) or of the 乌海 2021 header the
dirop11 tests build, rewritten the way real filings vary; each failed before its fix."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))


def _suixi_row(tmp_path, target: str, actual: str):
    """濉溪 2019 (anhui-suixi-linshijiuzhu-2019) row 15 (分值 10, 得分 10): target and actual replaced; (code, severity)
    of row 15's findings."""
    from render import validated, variant

    result = validated(variant("anhui-suixi-linshijiuzhu-2019", {"F15": target, "G15": actual}), tmp_path)
    return sorted({(f.code, f.severity.value) for f in result.findings if getattr(f.ref, "row", 0) == 15})


# ---------------------------------------------------------------- a figure with a note saying how much is done


@pytest.mark.parametrize(
    "actual",
    ["10人（实际5人）", "10人（其中5人未到位）", "10个（已建成6个）", "10（其中2个未完成）", "10个（其中3个在建）"],
)
def test_a_note_telling_how_much_is_done_is_not_swallowed(tmp_path, actual):
    """Failed before (silent: read as 10, met with full marks). gaps11 read "5人（含2户）" as 5 人 with a note; but a note
    telling what is done ("实际5人", "其中5人未到位") may hold the very figure asked for: not one figure — unread, S11
    says so (as before gaps11), never the leading 10 scored as met."""
    found = _suixi_row(tmp_path, "≥10人" if "人" in actual else "≥10个", actual)
    assert ("S11", "info") in found, found


def test_guard_a_note_on_what_the_figure_holds_is_still_that_figure(tmp_path):
    assert _suixi_row(tmp_path, "≥5人", "5人（含2户）") == []
    assert ("S07", "error") in _suixi_row(tmp_path, "≥10人", "5人（计划10人）")


# ---------------------------------------------------------------- a per-week or per-day target over the year


@pytest.mark.parametrize(("target", "actual"), [("每周1次", "52次"), ("每周1次", "53次"), ("每天1次", "365次")])
def test_a_weekly_or_daily_target_met_over_the_year_is_quiet(tmp_path, target, actual):
    """Failed before: S08 警告 '52次 为年度指标值 每周1次 的 5200.00%' (and S09) on a correct row — gaps11 read 每月/每季度
    over the year but left weeks and days as printed. A year holds 52 or 53 weeks, 365 or 366 days: 52 a week's
    count met over the year (the kinder count scored where the two differ)."""
    assert _suixi_row(tmp_path, target, actual) == []


def test_a_weekly_target_short_over_the_year_is_a_warning(tmp_path):
    """每日1次 │ 300次 at full marks: short of 365 over the year, met if the 300 is a day's — a 警告, never an 错误."""
    found = _suixi_row(tmp_path, "每日1次", "300次")
    # S07 carries a full-marks miss (both readings on a guess), S01 not said again: tests/test_gaps17.py
    assert ("S07", "warning") in found and all(sev != "error" for _, sev in found), found


# ---------------------------------------------------------------- two operator columns (指标性质 ≥ │ 指标方向 ≤)

E = ""
ORDERS = [("指标性质", "指标方向"), ("指标方向", "指标性质")]


def _two_columns(tmp_path, first: str, second: str, actual: str, score: str, order):
    """The 乌海 2021 header as tests/test_direction_columns11.py builds it: 出差人数 │ (指标性质 `first`, 指标方向
    `second`, in `order`) │ 8 │ 人 │ `actual` │ 50 │ `score`; a met satisfaction row beneath."""
    from report_helpers import workbook_result

    cells = (first, second) if order[0] == "指标性质" else (second, first)
    met = ("正向", "≥") if order[0] == "指标性质" else ("≥", "正向")
    sheet = [
        ["项目支出绩效自评表", *[E] * 10],
        ["项目名称", "再生资源回收市场管理经费", *[E] * 9],
        [
            "一级指标",
            "二级指标",
            "三级指标",
            *order,
            "年度指标值",
            "计量单位",
            "实际完成值",
            "分值",
            "得分",
            "偏差原因分析",
        ],
        ["产出指标", "数量指标", "出差人数", *cells, "8", "人", actual, "50", score, E],
        ["效益指标", "社会效益指标", "服务对象满意度", *met, "90", "%", "95", "50", "50", E],
        ["总分", E, E, E, E, E, E, E, "100", str(float(score) + 50), E],
    ]
    return workbook_result(tmp_path, sheet, ("A1:K1", "B2:K2"))


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("actual", ["7", "9"])
def test_two_operators_pointing_opposite_ways_are_both_read(tmp_path, order, actual):
    """Failed before: ≥ │ ≤ took the first column's operator alone — 9人 at full marks an S02 错误 with 指标方向 (≤)
    first, nothing with 指标性质 (≥) first; 7人 the other way round. Which one the filer meant is not certain: both
    scored (the operator column's reading first, as for 正向 │ ≤), no 错误; I04 (警告) names the operator cell."""
    from report_helpers import error_cells, findings_of

    result = _two_columns(tmp_path, "≥", "≤", actual, "50", order)
    assert not error_cells(result), [(f.code, f.message) for f in result.findings if f.severity.value == "error"]
    assert [f.severity.value for f in findings_of(result, "I04")] == ["warning"]


@pytest.mark.parametrize("order", ORDERS)
def test_guard_two_operators_agreeing_or_beside_equals_keep_the_bound(tmp_path, order):
    """≥ │ ≥ and = │ ≥ are ≥8: 7人 at full marks is a certain miss; ≥ │ > is the lenient ≥ (8人 met)."""
    from report_helpers import error_cells, findings_of

    for sub in "abcd":
        (tmp_path / sub).mkdir()
    agreeing = _two_columns(tmp_path / "a", "≥", "≥", "7", "50", order)
    assert [f.severity.value for f in findings_of(agreeing, "S07")] == ["error"]  # full marks: S07's (test_gaps17)
    assert error_cells(_two_columns(tmp_path / "b", "=", "≥", "7", "50", order))
    assert not error_cells(_two_columns(tmp_path / "c", ">", "≥", "8", "50", order))
    assert not findings_of(_two_columns(tmp_path / "d", "=", "≥", "9", "50", order), "I04")


@pytest.mark.parametrize("order", ORDERS)
def test_a_direction_word_in_traditional_characters_is_read(tmp_path, order):
    """Failed before: 正向指標 │ = │ 8, 9人 — I04 警告 '指标性质“正向指標”无效' on a correct row (指標 is 指标), and
    反向指標 │ = │ 8, 9人 at full marks was silent (read "=8"; 9 > 8 under ≤8 is a certain miss)."""
    from report_helpers import findings_of

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert not findings_of(_two_columns(tmp_path / "a", "正向指標", "=", "9", "50", order), "I04")
    ceiling = _two_columns(tmp_path / "b", "反向指標", "=", "9", "50", order)
    assert [f.severity.value for f in findings_of(ceiling, "S07")] == ["error"]  # full marks: S07's (test_gaps17)


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize(("cell", "operator"), [("正向指标（≥）", ""), ("正向指标(≥)", "="), ("≤(反向)", "")])
def test_a_direction_word_with_its_operator_in_brackets_is_read(tmp_path, order, cell, operator):
    """Failed before: "正向指标（≥）" was read as no operator — I04 '无效' and the target "正向指标(≥)8人" scored against
    the rule set's default. It is the direction and its operator in one cell: the operator is the bound (正向 with "="
    beside it ≥, as 正向 │ =). 7人 (or 9人 under ≤) at full marks a certain miss, and no I04."""
    from report_helpers import error_cells, findings_of

    actual = "9" if "≤" in cell else "7"
    result = _two_columns(tmp_path, cell, operator, actual, "50", order)
    assert not findings_of(result, "I04"), [f.message for f in findings_of(result, "I04")]
    assert ("S07", "J4") in error_cells(result), error_cells(result)


@pytest.mark.parametrize("order", ORDERS)
def test_a_direction_word_with_an_opposite_operator_in_brackets_is_both_ways(tmp_path, order):
    """Failed before: "反向指标（≥）" │ 8 │ 7人 at full marks — S01/S07/D01 错误 against the default ≥ (under ≤ it is met)
    beside I04 '无效'. The two in one cell point opposite ways: both readings, no 错误, I04 names the contradiction."""
    from report_helpers import error_cells, findings_of

    result = _two_columns(tmp_path, "反向指标（≥）", "", "7", "50", order)
    assert not error_cells(result), error_cells(result)
    assert [f.severity.value for f in findings_of(result, "I04")] == ["warning"]
    assert "方向相反" in findings_of(result, "I04")[0].message


def test_a_per_period_actual_of_another_period_is_read_over_the_year(tmp_path):
    """Failed before (silent): "每月1次" │ "每季度1次" at full marks was compared as printed, 1 against 1, met. Once a
    quarter is 4 times a year, once a month 12 (exact periods): a certain miss; "每季度3次" │ "每月1次" (12 and 12) met."""
    assert ("S07", "error") in _suixi_row(tmp_path, "每月1次", "每季度1次")
    assert _suixi_row(tmp_path, "每季度3次", "每月1次") == []
    assert _suixi_row(tmp_path, "每月1次", "每个月1次") == []


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize(("first", "second"), [("正向", "≤"), ("≥", "≤")])
def test_a_low_score_under_columns_pointing_opposite_ways_is_a_warning_either_order(tmp_path, order, first, second):
    """Failed before (正向 │ ≤ with 指标性质 first; ≥ │ ≤ likewise once both are read): 9人 against 8 scored 40 of 50 with
    no 偏差原因 — D01 错误 in one column order, 警告 in the other. D01 is an 错误 unless the actual meets the target;
    here it meets it one way and not the other, so whether the low score owes a reason is a judgement either way."""
    from report_helpers import findings_of

    result = _two_columns(tmp_path, first, second, "9", "40", order)
    assert [f.severity.value for f in findings_of(result, "D01")] == ["warning"], [
        f.message for f in findings_of(result, "D01")
    ]
