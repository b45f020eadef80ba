"""Review round 3 (changes eb87266..HEAD): cases where a finding was stronger than the cells allow, or read
wrongly — each written as a failing test by the reviewer, then fixed (under-way words never a tier; words
around a number make D01 a judgement on unscored forms; one cell one finding on 年初预算数-only forms; F03's
wording; unreadable sources; a trailing O; a blank 项目支出 heading; the head of a name decides its direction)."""

from __future__ import annotations

import dataclasses

import pytest
from reader_shapes import SheetBuilder
from rules_helpers import (
    SHEET,
    Submission,
    cv,
    funds,
    funds_row,
    good_evaluation,
    replace_row,
    seed_basic,
    seed_evaluation,
    submission,
    unscored,
)

from perfxl.model import Certainty, Severity
from perfxl.reader import read_grids
from perfxl.validate import validate_submission

LONG_TERM = 5  # good_rows() index of 长效管理机制 (sheet row 17, qualitative target "健全")
SITES = 4  # good_rows() index of 站点建设数 (sheet row 16, "≥5个")


def _errors_at(ev, *cells):
    return [
        (f.code, f.cell, f.message)
        for f in validate_submission(submission(ev))
        if f.cell in cells and f.severity is Severity.ERROR
    ]


# ---------------------------------------------------------------- 1. "建设中"-type words (national.toml tier contains)


@pytest.mark.parametrize(
    ("actual", "score"),
    [("一期已建成，二期建设中", 10), ("正在推进", 10), ("主体完工，附属工程未竣工", 8)],
)
def test_under_way_words_on_a_scored_form_are_never_a_certain_score_error(actual, score):
    ev = replace_row(
        good_evaluation(), LONG_TERM, actual=actual, score=score, deviation="二期工程受用地审批影响推迟开工。"
    )
    assert _errors_at(ev, "F17", "H17", "I17") == []


@pytest.mark.parametrize("scored", [True, False])
def test_under_way_words_against_a_qualitative_target_make_d01_a_warning(scored):
    ev = replace_row(good_evaluation(), LONG_TERM, target="按时完成", actual="正在推进", deviation=None)
    ev = ev if scored else unscored(ev)
    d01 = [f for f in validate_submission(submission(ev)) if f.code == "D01"]
    assert [f.cell for f in d01] == ["I17"]
    assert d01[0].severity is Severity.WARNING and "正在推进" in d01[0].basis


# ---------------------------------------------------------------- 2. D01 on forms without 分值 rests on the parse alone


def test_a_frequency_actual_is_not_a_certain_miss_against_a_count():
    ev = unscored(
        replace_row(good_evaluation(), SITES, name="督导检查次数", target="≥2次", actual="每月1次", deviation=None)
    )
    assert _errors_at(ev, "F16", "I16") == []


# ---------------------------------------------------------------- 3. forms printing only 年初预算数


def _initial_only_form(total, parts):
    sb = SheetBuilder("项目支出绩效自评表")
    sb.put(0, 0, "项目支出绩效自评表")
    sb.put(2, 0, "项目名称")
    sb.put(2, 1, "乡村振兴产业补助")
    sb.put(2, 3, "主管部门")
    sb.put(2, 4, "农业农村局")
    sb.put(3, 0, "实施单位")
    sb.put(3, 1, "农技中心")
    for c, h in enumerate(["项目资金", "", "年初预算数", "全年执行数", "分值", "执行率", "得分"]):
        sb.put(4, c, h or None)
    for i, row in enumerate([total, *parts]):
        for c, v in enumerate(row):
            sb.put(5 + i, 1 + c, v)
    headers = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
    for c, h in enumerate(headers):
        sb.put(10, c, h)
    for c, v in enumerate(["产出指标", "数量指标", "补助农户数", "≥50户", "52户", 90, 90]):
        sb.put(11, c, v)
    sb.put(12, 0, "总 分")
    sb.put(12, 5, 100)
    sb.put(12, 6, 99)
    return read_grids([sb.grid()], "p.xlsx")


def test_initial_budget_only_form_reports_a_wrong_total_once():
    sub = _initial_only_form(
        ("年度资金总额", 100, 90, 10, "90%", 9), [("其中：当年财政拨款", 80, 90), ("上年结转资金", 0, 0)]
    )
    f02 = [f for f in validate_submission(sub) if f.code == "F02"]
    assert [f.cell for f in f02] == ["C6"]
    assert "全年预算数" not in f02[0].message


def test_initial_budget_only_overspending_message_names_the_column_the_form_has():
    sub = _initial_only_form(
        ("年度资金总额", 100, 90, 10, "90%", 9), [("其中：当年财政拨款", 80, 90), ("上年结转资金", 20, 0)]
    )
    f03 = [f for f in validate_submission(sub) if f.code == "F03"]
    assert [f.cell for f in f03] == ["D7"]
    assert "全年预算数" not in f03[0].message and "年初预算数" in f03[0].message


def test_overspending_read_from_a_rate_alone_reads_as_a_rate():
    ev = good_evaluation()
    part = funds_row(6, "资金来源:(1)财政拨款", None, None, None, None, "103.21%", None)
    ev = dataclasses.replace(ev, funds=dataclasses.replace(ev.funds, parts=(part,)))
    (f03,) = [f for f in validate_submission(submission(ev)) if f.code == "F03"]
    assert "全年执行数 （执行率" not in f03.message and "（执行率不应超过 100%）" not in f03.message


# ---------------------------------------------------------------- 4. F02 with an unreadable part (pre-existing)


def test_funds_total_is_not_certainly_wrong_when_a_part_cannot_be_read():
    ev = good_evaluation(
        funds=funds(
            funds_row(5, "年度资金总额", 100, 100, 95, 10, "95.00%", 9.5, total=True),
            (
                funds_row(6, "其中：本年财政拨款", "#VALUE!", "#VALUE!", "#VALUE!"),
                funds_row(7, "上年结转资金", 20, 20, 20),
            ),
        )
    )
    assert [f for f in validate_submission(submission(ev)) if f.code == "F02" and f.severity is Severity.ERROR] == []


def test_a_trailing_letter_o_in_an_amount_is_not_read_as_a_smaller_number():
    ev = good_evaluation(
        funds=funds(
            funds_row(5, "年度资金总额", 100, 100, 95, 10, "95.00%", 9.5, total=True),
            (funds_row(6, "其中：本年财政拨款", "10O", "10O", 95),),
        )
    )
    found = validate_submission(submission(ev))
    assert [f.brief() for f in found if f.code in ("F02", "F03") and f.severity is Severity.ERROR] == []


# ---------------------------------------------------------------- 5. B06 on 项目支出 heading rows


def test_a_blank_project_spending_heading_is_not_said_to_be_smaller_than_its_items():
    b = seed_basic()

    def blank(row):
        return dataclasses.replace(
            row,
            prev_final=dataclasses.replace(row.prev_final, raw=None),
            budget=dataclasses.replace(row.budget, raw=None),
            final=dataclasses.replace(row.final, raw=None),
        )

    rows = tuple(blank(r) if r.key == "special_funds" else r for r in b.rows)
    sub = Submission(path="s.xlsx", evaluations=(seed_evaluation(),), basic=dataclasses.replace(b, rows=rows))
    b06 = [f for f in validate_submission(sub, select=["B06"]) if f.cell in ("B14", "C14", "D14")]
    assert all("小于" not in f.message for f in b06)


# ---------------------------------------------------------------- 6. I13 and the bare word 逾期


def test_collecting_overdue_loans_is_not_told_its_operator_is_reversed():
    ev = replace_row(good_evaluation(), 1, name="逾期贷款清收率", target="≥95%", actual="96%")
    assert [f.cell for f in validate_submission(submission(ev)) if f.code == "I13"] == []


def test_review_helpers_build_the_standard_form_silently():
    """Guard for the cases above: the unchanged standard form has no 错误 at the rows they change."""
    ev = good_evaluation()
    assert _errors_at(ev, "F16", "H16", "I16", "F17", "H17", "I17") == []
    assert _errors_at(unscored(ev), "F16", "I16", "F17", "I17") == []
    assert SHEET == "自评表" and cv(1, "A1").place().cell == "A1" and Certainty.CERTAIN


@pytest.mark.parametrize("words", ["未完成", "未达成"])
def test_explicit_not_met_words_stay_certain(words):
    """Contrast with section 1: the form's own tier words ('未完成') keep their certain verdicts."""
    ev = replace_row(good_evaluation(), LONG_TERM, actual=words, score=10, deviation=None)
    codes = {c for c, _, _ in _errors_at(ev, "H17", "I17")}
    assert "S05" in codes
