"""Issue 11 — verdicts a reviewer can trust: the seed-like cases of the issue text, as model-level tests.

Direction without an operator, rows with no evidence, printed precision, sub-items, error cells, damaged
numbers, B14's two meanings, tables without a 总分 row; and every finding stating its basis and certainty.
"""

from __future__ import annotations

import dataclasses

from rules_helpers import (
    BASIC,
    SHEET,
    amount,
    briefs,
    cv,
    funds,
    funds_row,
    good_evaluation,
    replace_row,
    seed_basic,
    seed_evaluation,
    seed_submission,
    submission,
    unscored,
    with_total,
)
from table_cases import each_case as _each_case
from table_cases import each_case1 as _each_case1

from perfxl.model import Certainty, Severity
from perfxl.rules import CATALOGUE
from perfxl.validate import validate_submission

FOREST_ROW = 1  # index of good_rows()'s 培训合格率 row (sheet row 13), reused for each direction case


def _row(ev, name, target, actual, weight=10, score=10, deviation=None):
    ev = replace_row(
        ev, FOREST_ROW, name=name, target=target, actual=actual, weight=weight, score=score, deviation=deviation
    )
    return ev


def _at(found, cell):
    return [f for f in found if f.cell == cell]


# ---------------------------------------------------------------- 1. direction without an operator


_LOWER_IS_BETTER_NAME_WITHOUT_OPERATOR_SCORES_A_PERFECT_ROW_SILENT_CASES = [
    ("森林火灾受害率", "0.9‰", "0"),
    ("主要林业有害生物成灾率", "0.4%", "0.1%"),
    ("安全事故发生率", "1%", "0.5%"),
]


@_each_case(_LOWER_IS_BETTER_NAME_WITHOUT_OPERATOR_SCORES_A_PERFECT_ROW_SILENT_CASES)
def test_lower_is_better_name_without_operator_scores_a_perfect_row_silent(name, target, actual):
    """The issue's rows: a perfect lower-is-better row got S01 + S07 + D01 errors when read as ≥."""
    ev = _row(good_evaluation(), name, target, actual)
    found = validate_submission(submission(ev))
    assert [f.brief() for f in _at(found, "H13") + _at(found, "I13")] == []


def test_lower_is_better_guess_is_a_warning_stating_both_readings():
    # 受害率 0.9‰ target, 1.8‰ actual: ≤ reading gives 0.9/1.8×10 = 5, the table says 10 (full marks)
    ev = _row(good_evaluation(), "森林火灾受害率", "0.9‰", "1.8‰", score=10)
    found = [f for f in validate_submission(submission(ev)) if f.cell == "H13"]
    assert {f.code for f in found} == {"S07"}  # full marks on the miss: S07's one finding (tests/test_gaps17.py)
    for f in found:
        assert f.severity is Severity.WARNING and f.certainty is Certainty.GUESS
        assert "受害率" in f.basis and "≤" in f.basis and "≥" in f.basis


_HIGHER_IS_BETTER_TRAPS_READ_AS_AT_LEAST_CASES = [
    "万元生产总值能耗降低率",
    "森林覆盖率",
    "污水处理达标率",
    "产品抽检合格率",
]


@_each_case1(_HIGHER_IS_BETTER_TRAPS_READ_AS_AT_LEAST_CASES)
def test_higher_is_better_traps_read_as_at_least(name):
    # 能耗降低率 contains 能耗 (lower) but 降低率 (higher) is the longer word and wins
    ev = _row(good_evaluation(), name, "2%", "2.1%")
    assert [f.brief() for f in _at(validate_submission(submission(ev)), "H13")] == []
    missed = _row(good_evaluation(), name, "2%", "1%", score=10)
    found = _at(validate_submission(submission(missed)), "H13")
    assert "S07" in {f.code for f in found}  # full marks on the miss: S07's one finding (tests/test_gaps17.py)
    assert all(f.severity is Severity.WARNING and f.certainty is Certainty.GUESS for f in found)


def test_unclear_rate_name_is_a_warning_with_both_readings_never_an_error():
    ev = _row(good_evaluation(), "项目资产负债占比", "5%", "3%", score=10)
    found = _at(validate_submission(submission(ev)), "H13")
    assert found and all(f.severity is Severity.WARNING for f in found)
    assert all("未表明" in f.basis and "若按" in f.basis for f in found)


_A_TIME_LIMIT_OR_UNIT_COST_MET_EARLY_OR_BELOW_IS_NEVER_AN_ERROR_CASES = [
    ("行政审批办结时限", "5个工作日", "3个工作日"),  # a time limit: a ceiling by its name (时限)
    ("项目建设工期", "180天", "150天"),
    ("单位面积建设成本", "500元", "480元"),  # a unit cost outside a 成本指标 group
    ("平均等待时长", "15分钟", "10分钟"),  # 时长 may be a limit or an amount of service: unclear
    ("窗口办件", "2小时", "1小时"),  # a duration unit and no word in the name: unclear
]


@_each_case(_A_TIME_LIMIT_OR_UNIT_COST_MET_EARLY_OR_BELOW_IS_NEVER_AN_ERROR_CASES)
def test_a_time_limit_or_unit_cost_met_early_or_below_is_never_an_error(name, target, actual):
    """Full marks for a limit beaten (3 of 5 working days, 480 of 500 元): read as the default ≥ it gave certain
    S01 + S07 + D01 错误; a limit by its name is silent, an unclear duration is a 警告 giving both readings."""
    found = _at(validate_submission(submission(_row(good_evaluation(), name, target, actual))), "H13")
    assert all(f.severity is not Severity.ERROR for f in found)
    assert all("若按" in f.basis for f in found if f.code in ("S01", "S02", "S07"))


def test_a_duration_unit_is_named_in_the_basis_and_a_listed_word_still_wins():
    found = _at(validate_submission(submission(_row(good_evaluation(), "窗口办件", "2小时", "1小时"))), "H13")
    assert found and all("单位“小时”" in f.basis for f in found if f.code in ("S01", "S07"))
    # 培训合格率 is in the higher list: its unit does not make it unclear
    ev = _row(good_evaluation(), "培训合格率", "95%", "90%", score=10)
    assert "S07" in {
        f.code for f in _at(validate_submission(submission(ev)), "H13")
    }  # full marks on the miss: S07's one finding (tests/test_gaps17.py)


_A_TEXT_FRACTION_AGAINST_A_PERCENT_TARGET_THAT_MEETS_IT_AS_A_FRACTION_IS_SILENT_CASES = ["0.96", "1"]


@_each_case1(_A_TEXT_FRACTION_AGAINST_A_PERCENT_TARGET_THAT_MEETS_IT_AS_A_FRACTION_IS_SILENT_CASES)
def test_a_text_fraction_against_a_percent_target_that_meets_it_as_a_fraction_is_silent(actual):
    """ "0.96" or "1" typed as text (a Word or PDF table) against "≥95%" with full marks: read only as 0.96% it gave
    certain S01 + S07 + D01 错误; as a fraction — how Excel stores 96% — the row is right."""
    found = _at(validate_submission(submission(_row(good_evaluation(), "培训合格率", "≥95%", actual))), "H13")
    assert [f.code for f in found] == []


def test_a_text_fraction_whose_readings_disagree_is_a_warning_giving_both():
    found = _at(validate_submission(submission(_row(good_evaluation(), "培训合格率", "≥95%", "0.9"))), "H13")
    s07 = [f for f in found if f.code == "S07"]  # full marks on the miss: S07's one finding (tests/test_gaps17.py)
    assert s07 and s07[0].severity is Severity.WARNING and s07[0].certainty is Certainty.GUESS
    assert "按 90% 理解" in s07[0].basis and "若按 0.9% 理解" in s07[0].basis and s07[0].expected == "9.47"


def test_explicit_operator_wins_over_the_name_and_stays_certain():
    ev = _row(good_evaluation(), "森林火灾受害率", "≥0.9‰", "0.5‰", score=10)
    found = _at(validate_submission(submission(ev)), "H13")
    assert {f.code for f in found} == {"S07"}  # one cause, one finding (tests/test_gaps17.py)
    assert all(f.severity is Severity.ERROR and f.certainty is Certainty.CERTAIN for f in found)


def test_direction_that_does_not_change_the_verdict_stays_certain():
    # 受害率 0.9 against 0.9: both readings give full marks, so the wrong score 8 is certain
    ev = _row(good_evaluation(), "森林火灾受害率", "0.9‰", "0.9‰", score=8)
    found = [f for f in _at(validate_submission(submission(ev)), "H13") if f.code in ("S01", "S02")]
    assert len(found) == 1 and found[0].severity is Severity.ERROR and "两种理解结果相同" in found[0].basis


def test_direction_lists_are_profile_data(tmp_path):
    custom = tmp_path / "p.toml"
    custom.write_text(
        'name = "p"\nextends = "national"\n[direction]\nlower_is_better = []\nhigher_is_better = []\nambiguous = []\n',
        encoding="utf-8",
    )
    ev = _row(good_evaluation(), "森林火灾受害率", "0.9‰", "0")
    # without the lists the row reads as the default ≥: the old false errors come back, as certain findings
    assert "S07" in {c for c, _, _ in briefs(ev, profile=str(custom))}


# ---------------------------------------------------------------- 2. rows with no evidence but full marks


def test_blank_target_and_actual_with_full_marks_is_s12():
    ev = replace_row(good_evaluation(), 0, target=None, actual=None)
    found = validate_submission(submission(ev))
    s12 = [f for f in found if f.code == "S12"]
    assert [f.brief() for f in s12] == [("S12", SHEET, "H12")]
    assert s12[0].severity is Severity.WARNING and s12[0].certainty is Certainty.JUDGEMENT
    assert not [f for f in found if f.cell == "H12" and f.code in ("S01", "S11")]


_ACTUAL_THAT_REPEATS_THE_TARGET_WITH_ITS_OPERATOR_IS_S13_CASES = [("≥95%", "≥95%"), ("≤30万元", "≤30万元")]


@_each_case(_ACTUAL_THAT_REPEATS_THE_TARGET_WITH_ITS_OPERATOR_IS_S13_CASES)
def test_actual_that_repeats_the_target_with_its_operator_is_s13(target, actual):
    ev = replace_row(good_evaluation(), 1, target=target, actual=actual)
    assert briefs(ev, "S13") == [("S13", SHEET, "F13")]


_TEXT_ACTUAL_AGAINST_A_NUMERIC_TARGET_WITH_FULL_MARKS_IS_S14_CASES = ["完成", "已完成", "达成年度指标"]


@_each_case1(_TEXT_ACTUAL_AGAINST_A_NUMERIC_TARGET_WITH_FULL_MARKS_IS_S14_CASES)
def test_text_actual_against_a_numeric_target_with_full_marks_is_s14(actual):
    ev = replace_row(good_evaluation(), 0, actual=actual)
    found = validate_submission(submission(ev))
    assert [f.brief() for f in found if f.code == "S14"] == [("S14", SHEET, "F12")]
    assert all(f.severity is not Severity.ERROR for f in found if f.cell in ("F12", "H12"))


def test_target_with_blank_actual_and_blank_score_is_s15():
    ev = replace_row(good_evaluation(), 0, actual=None, score=None)
    found = validate_submission(submission(ev))
    assert [f.brief() for f in found if f.code == "S15"] == [("S15", SHEET, "F12")]
    assert not [f for f in found if f.code in ("S01", "S11", "S12") and f.cell in ("F12", "H12")]


_TEXT_ACTUAL_ON_A_FORM_WITHOUT_SCORES_IS_S14_SAYING_COMPLETION_CANNOT_BE_VERIFIED_CASES = ["达成预期指标", "已完成"]


@_each_case1(_TEXT_ACTUAL_ON_A_FORM_WITHOUT_SCORES_IS_S14_SAYING_COMPLETION_CANNOT_BE_VERIFIED_CASES)
def test_text_actual_on_a_form_without_scores_is_s14_saying_completion_cannot_be_verified(actual):
    ev = unscored(replace_row(good_evaluation(), 0, actual=actual))
    found = validate_submission(submission(ev))
    s14 = [f for f in found if f.code == "S14"]
    assert [f.brief() for f in s14] == [("S14", SHEET, "F12")]
    assert "是否完成无法复核" in s14[0].message and "表中无得分栏" in s14[0].basis


def test_actual_in_another_unit_on_a_form_without_scores_is_s16():
    ev = unscored(replace_row(good_evaluation(), 1, target="100%", actual="1000件"))
    found = validate_submission(submission(ev))
    s16 = [f for f in found if f.code == "S16"]
    assert [f.brief() for f in s16] == [("S16", SHEET, "F13")]
    assert s16[0].severity is Severity.WARNING and "1000件" in s16[0].message
    # the same row where a 得分 column exists is S11's (info), not S16's
    scored = replace_row(good_evaluation(), 1, target="100%", actual="1000件")
    assert not briefs(scored, "S16")


def test_missed_target_on_a_form_without_weights_still_needs_its_deviation_reason():
    ev = unscored(replace_row(good_evaluation(), 4, target="≥6个", actual="4个", deviation=None))
    d01 = [f for f in validate_submission(submission(ev)) if f.code == "D01"]
    assert [f.brief() for f in d01] == [("D01", SHEET, "I16")]
    assert d01[0].severity is Severity.ERROR and "表中无分值" in d01[0].basis


def test_under_construction_in_words_against_a_count_is_a_missed_target_as_a_warning():
    ev = unscored(replace_row(good_evaluation(), 4, target="1个", actual="建设中", deviation=None))
    d01 = [f for f in validate_submission(submission(ev)) if f.code == "D01"]
    assert [f.brief() for f in d01] == [("D01", SHEET, "I16")]
    assert d01[0].severity is Severity.WARNING and "建设中" in d01[0].basis


def test_no_evidence_codes_are_warnings_in_the_catalogue():
    for s in CATALOGUE:
        if s.code in ("S12", "S13", "S14", "S15", "S16"):
            assert s.severity is Severity.WARNING and s.rests_on is Certainty.JUDGEMENT


# ---------------------------------------------------------------- 4. printed precision of scores


_SCORE_IS_JUDGED_AT_THE_DECIMALS_IT_WAS_PRINTED_WITH_CASES = [
    ("9.8", False),
    ("9.83", False),
    ("9.9", True),
    ("10", False),
    ("9", True),
]


@_each_case(_SCORE_IS_JUDGED_AT_THE_DECIMALS_IT_WAS_PRINTED_WITH_CASES)
def test_score_is_judged_at_the_decimals_it_was_printed_with(typed, flagged):
    ev = replace_row(
        good_evaluation(),
        4,
        target="≥6个",
        actual="5.9个",
        weight=10,
        score=typed,
        deviation="受选址审批影响，部分站点推迟到次年建成。",
    )
    # exact 5.9/6×10 = 9.8333…: "9.8", "9.83" and "10" (0 decimals) are that value as printed; "9" is not
    assert bool(briefs(ev, "S01")) is flagged
    if typed == "10":  # full marks on a missed target stay S07, a 警告 when they are 9.83 rounded to 0 places
        found = [f for f in validate_submission(submission(ev)) if f.code == "S07"]
        assert [f.brief() for f in found] == [("S07", SHEET, "H16")] and found[0].severity is Severity.WARNING
        assert "四舍五入" in found[0].basis


# ---------------------------------------------------------------- 5. sub-items (其中 rows) of the 基础数据表


def test_sub_item_overspending_is_checked_not_only_its_parent():
    rows = [r for r in seed_basic().rows if r.key != "office"]
    rows.insert(11, amount("office", 20, "其中：办公经费", 133561.81, 270000, 490900, "public_funds"))
    found = validate_submission(
        submission(seed_evaluation(), basic=dataclasses.replace(seed_basic(), rows=tuple(rows))), select="B16"
    )
    assert [f.brief() for f in found] == [("B16", BASIC, "D20")]
    assert found[0].severity is Severity.WARNING and "办公经费" in found[0].message and "公用经费" in found[0].message
    assert validate_submission(seed_submission(), select="B16") == []


def test_project_spending_over_budget_or_below_its_items_is_b06():
    rows = [r for r in seed_basic().rows if "special_funds" not in (r.key, r.parent)]
    rows.insert(6, amount("special_funds", 15, "项目支出：", 874.20, 308.17, 1025.20))
    found = validate_submission(
        submission(seed_evaluation(), basic=dataclasses.replace(seed_basic(), rows=tuple(rows))), select="B06"
    )
    assert [f.brief() for f in found] == [("B06", BASIC, "D15")]
    assert found[0].severity is Severity.WARNING and "332.67%" in found[0].message
    # a blank 项目支出 over filled items (1、业务工作经费 …) is a total left unfilled, not a smaller one
    blank = [r for r in seed_basic().rows if r.key != "special_funds"]
    blank.insert(6, amount("special_funds", 15, "项目支出：", None, None, None))
    found = validate_submission(
        submission(seed_evaluation(), basic=dataclasses.replace(seed_basic(), rows=tuple(blank))), select="B06"
    )
    assert [f.cell for f in found] == ["B15", "C15", "D15"] and all("未填写" in f.message for f in found)
    assert all(f.severity is Severity.WARNING and "不是填错" in f.basis for f in found)


# ---------------------------------------------------------------- 6. error cells


def test_an_error_cell_is_one_finding_and_the_total_uses_perfxls_own_scores():
    ev = replace_row(good_evaluation(), 0, score="#NAME?")
    found = validate_submission(submission(ev))
    at_cell = [f for f in found if f.cell == "H12"]
    assert [f.code for f in at_cell] == ["C02"] and at_cell[0].severity is Severity.ERROR
    # 总分 95.5 printed; the unreadable score is replaced by perfxl's own 20 (320/300 → full marks), not 0
    assert not [f for f in found if f.code == "T02"]
    wrong_total = dataclasses.replace(ev, total_score=cv("75.5", "H19"))
    t02 = [f for f in validate_submission(submission(wrong_total)) if f.code == "T02"]
    assert len(t02) == 1 and t02[0].expected == "95.5" and "#NAME?" in t02[0].basis


def test_an_error_cell_in_the_funds_rate_is_one_finding():
    ev = with_total(good_evaluation(), rate="#VALUE!")
    found = validate_submission(submission(ev))
    assert [f.code for f in found if f.cell == "G5"] == ["C02"]


# ---------------------------------------------------------------- 7. damaged numbers


def test_damaged_actual_is_a_finding_of_its_own_never_a_confident_rate():
    ev = replace_row(good_evaluation(), 3, actual="M.8万元", target="≤0.05万元")
    found = validate_submission(submission(ev))
    row = [f for f in found if f.cell in ("F15", "H15", "I15")]
    assert [f.code for f in row] == ["I12"] and "M.8" in row[0].message


def test_damaged_money_in_the_funds_block_is_c02_and_no_rate_is_computed():
    ev = with_total(good_evaluation(), executed="M.8")
    found = validate_submission(submission(ev))
    assert ("C02", SHEET, "E5") in [f.brief() for f in found]
    assert not [f for f in found if f.code in ("F04", "F05")]


def test_money_printed_without_its_integer_digits_is_c02_never_a_certain_overspend():
    """重庆 梁平 2023 as reposted: 全年预算数 ".06", 全年执行数 ".5" — read as 0.06 and 0.5 they gave certain F03/F04/F05
    错误 (833%); the figures lost their integer digits, so each is C02's 警告 and nothing is computed from a guess."""
    ev = with_total(good_evaluation(), full=".06", executed=".5")
    found = validate_submission(submission(ev))
    c02 = [f for f in found if f.code == "C02"]
    assert {f.cell for f in c02} == {"D5", "E5"} and all(f.severity is Severity.WARNING for f in c02)
    assert not [f for f in found if f.code in ("F03", "F04", "F05")]


# ---------------------------------------------------------------- B14: one label, two meanings


def test_b14_seed_is_a_warning_that_says_why():
    found = validate_submission(seed_submission(), select="B14")
    assert [f.brief() for f in found] == [("B14", SHEET, "E9")]
    f = found[0]
    assert f.severity is Severity.WARNING and f.certainty is Certainty.JUDGEMENT
    assert "上级" in f.basis and f.related and f.related[0].sheet == BASIC


# ---------------------------------------------------------------- tables without a 总分 row; unscored funds block


def test_weight_sum_without_a_total_row_is_a_warning_that_says_the_table_may_be_incomplete():
    ev = dataclasses.replace(good_evaluation(), total_weight=None, total_score=None)
    ev = replace_row(ev, 6, weight=None, score=None, name=None, target=None, actual=None)  # a page break
    found = validate_submission(submission(ev), select="W03")
    assert len(found) == 1 and found[0].severity is Severity.WARNING and "总分行" in found[0].basis


def test_funds_block_without_a_weight_adds_no_unseen_ten_points():
    ev = with_total(good_evaluation(), weight=None, score=None)
    # indicator weights 90 + no printed funds weight: only the table's weights count → 90, a W03 about 90
    w03 = validate_submission(submission(ev), select="W03")
    assert all("110" not in f.message for f in w03)
    assert [f.actual for f in w03][:1] == ["90"]


# ---------------------------------------------------------------- every finding: basis and certainty


def test_every_finding_of_the_seed_states_its_basis_and_certainty():
    found = validate_submission(seed_submission())
    assert found
    for f in found:
        assert f.basis and f.basis_en, f.code
        assert isinstance(f.certainty, Certainty)
        if f.severity is Severity.ERROR:
            assert f.certainty is Certainty.CERTAIN


def test_seed_keeps_its_documented_findings():
    codes = {f.code for f in validate_submission(seed_submission())}
    assert {"F04", "W02", "W05", "S01", "S08", "G02", "G03", "B01", "B02", "B14"} <= codes
    s01 = next(f for f in validate_submission(seed_submission()) if f.code == "S01")
    assert (s01.expected, s01.actual, s01.severity) == ("9.83", "9", Severity.ERROR)


def test_catalogue_says_what_each_check_rests_on():
    assert all(isinstance(s.rests_on, Certainty) for s in CATALOGUE)
    judged = {s.code for s in CATALOGUE if s.rests_on is not Certainty.CERTAIN}
    assert {"B14", "S12", "G03"} <= judged
    assert all(s.severity is not Severity.ERROR for s in CATALOGUE if s.rests_on is not Certainty.CERTAIN)


# ---------------------------------------------------------------- funds: an empty total row, a scored source row


def test_total_row_left_at_zero_is_scored_from_its_sources_as_a_judgement():
    # 贵池 filings: 年度资金总额 0/0/0 with 得分 0 while 本年财政拨款 holds 132.912 / 132.912
    from rules_helpers import funds, funds_row

    fund = funds(
        funds_row(5, "年度资金总额", 0, 0, 0, 10, 0, 0, total=True),
        (funds_row(6, "本年财政拨款", 202.64, 132.912, 132.912),),
    )
    found = validate_submission(submission(good_evaluation(funds=fund)), select="F05")
    assert [(f.brief(), f.expected, f.severity) for f in found] == [(("F05", SHEET, "H5"), "10", Severity.WARNING)]


def test_source_row_repeating_a_score_is_checked_by_its_own_figures():
    # its own 分值, figures and 得分 make 9 for 9.78 certain (issue 11, corpus: 裕安区 文物保护 2022): an 错误
    from rules_helpers import funds, funds_row

    fund = funds(
        funds_row(5, "年度资金总额", 32.4, 32.4, 31.69, 10, "97.81%", 9.78, total=True),
        (funds_row(6, "其中:当年财政拨款", 32.4, 32.4, 31.69, 10, "97.80%", 9),),
    )
    found = validate_submission(submission(good_evaluation(funds=fund)), select="F05")
    assert [(f.brief(), f.expected, f.severity) for f in found] == [(("F05", SHEET, "H6"), "9.78", Severity.ERROR)]


def test_b03_sums_only_the_named_items_and_b04_names_its_comparison():
    # Hunan 2018 基础数据表: "1、业务工作专项" after an unrecognised "项目支出:" is not a 三公 item
    rows = list(seed_basic().rows)
    rows.insert(6, amount("", 14, "1、业务工作专项", 938.8, 320, 689.16, "three_public"))
    sub = submission(seed_evaluation(), basic=dataclasses.replace(seed_basic(), rows=tuple(rows)))
    assert validate_submission(sub, select="B03") == []
    b16 = validate_submission(sub, select="B16")
    assert [f.brief() for f in b16] == [("B16", BASIC, "D14")]
    grown = [
        r if r.key != "three_public" else amount("three_public", 8, "三公经费", 20000, 25362, 25362)
        for r in seed_basic().rows
    ]
    grown = [
        r if r.key != "reception" else amount("reception", 13, " 3、公务接待", 20000, 25362, 25362, "three_public")
        for r in grown
    ]
    b04 = validate_submission(
        submission(seed_evaluation(), basic=dataclasses.replace(seed_basic(), rows=tuple(grown))), select="B04"
    )
    assert b04 and "?" not in b04[0].message and "本年决算数对上年决算数" in b04[0].message


def test_rate_one_unit_off_in_its_last_printed_place_is_a_warning():
    # 上海 普陀: 215457.6 / 250000 = 86.18304% → 86.18%; printed 86.19%
    ev = with_total(good_evaluation(), full=250000, initial=250000, executed="215457.6", rate="86.19%", score=8.62)
    ev = dataclasses.replace(ev, funds=dataclasses.replace(ev.funds, parts=()))
    found = validate_submission(submission(ev), select="F04")
    assert [(f.brief(), f.severity) for f in found] == [(("F04", SHEET, "G5"), Severity.WARNING)]
    assert "末位" in found[0].basis
    assert validate_submission(submission(with_total(ev, rate="86.18%")), select="F04") == []


# ---------------------------------------------------------------- figures inside the 年度总体目标 cells


def test_goal_cell_whose_parts_exceed_its_total_is_n02_in_a_workbook_too():
    from perfxl.model import Goal

    text = "本项目共完成预算资金89.97万元。其中:30万元用于预算编制;30万元用于审计;29.99万元用于设计、规划、测绘。"
    # no funds block: good_evaluation's (100 │ 100 │ 95) would contradict "共完成预算资金89.97万元" (N01, goal_funds), and
    # a figure contradicting its table is left out of the text's own arithmetic — this test is about that arithmetic
    ev = dataclasses.replace(
        good_evaluation(), funds=None, goals=(Goal(cv("申请预算资金90万元", "B8"), cv(text, "F8")),)
    )
    n02 = [f for f in validate_submission(submission(ev)) if f.code == "N02"]
    assert [f.brief() for f in n02] == [("N02", SHEET, "F8")]
    # "30万元" printed without decimals may be a rounded 29.99: as written it is wrong, a person confirms
    assert n02[0].severity is Severity.WARNING and "89.99万元" in n02[0].message and "四舍五入" in n02[0].basis
    # parts printed to the cent that add to 89.99 exceed "89.90" whatever the rounding: certain
    exact = text.replace("30万元用于", "30.00万元用于").replace("89.97万元", "89.90万元")
    ev = dataclasses.replace(ev, goals=(Goal(cv("申请预算资金90万元", "B8"), cv(exact, "F8")),))
    n02 = [f for f in validate_submission(submission(ev)) if f.code == "N02"]
    assert [(f.cell, f.severity) for f in n02] == [("F8", Severity.ERROR)]
    agrees = text.replace("89.97万元", "89.99万元")
    ev = dataclasses.replace(ev, goals=(Goal(cv("申请预算资金90万元", "B8"), cv(agrees, "F8")),))
    assert not [f for f in validate_submission(submission(ev)) if f.code == "N02"]


def test_a_blank_funds_total_is_unfilled_a_warning_not_a_wrong_figure():
    ev = good_evaluation()
    total = ev.funds.total
    blank = dataclasses.replace(total, executed=dataclasses.replace(total.executed, raw=None))
    ev = dataclasses.replace(ev, funds=dataclasses.replace(ev.funds, total=blank))
    f02 = [f for f in validate_submission(submission(ev)) if f.code == "F02"]
    assert [f.cell for f in f02] == [total.executed.place().cell]
    assert f02[0].severity is Severity.WARNING and "未填写" in f02[0].basis
    wrong = dataclasses.replace(total, executed=dataclasses.replace(total.executed, raw="1"))
    ev = dataclasses.replace(ev, funds=dataclasses.replace(ev.funds, total=wrong))
    assert [f.severity for f in validate_submission(submission(ev)) if f.code == "F02"] == [Severity.ERROR]


_A_BLANK_OPERATOR_CELL_IS_UNFILLED_A_WARNING_A_STRAY_SYMBOL_AN_ERROR_CASES = [
    ("", Severity.WARNING),
    ("有效", Severity.WARNING),
    ("#", Severity.ERROR),
]


@_each_case(_A_BLANK_OPERATOR_CELL_IS_UNFILLED_A_WARNING_A_STRAY_SYMBOL_AN_ERROR_CASES)
def test_a_blank_operator_cell_is_unfilled_a_warning_a_stray_symbol_an_error(nature, severity):
    ev = good_evaluation()
    rows = list(ev.indicators)
    rows[1] = dataclasses.replace(rows[1], nature=cv(nature or None, "J13"))
    ev = dataclasses.replace(ev, indicators=tuple(rows))
    i04 = [f for f in validate_submission(submission(ev)) if f.code == "I04"]
    assert [(f.cell, f.severity) for f in i04] == [("J13", severity)]


def test_a_form_with_only_the_initial_budget_is_judged_against_it_as_a_warning():
    """年初预算数(A) | 全年执行数(B) and no 全年预算数 (贵州 绥阳 2021): the reader takes the only budget the form
    prints; overspending and scores computed from it are 警告 that say so (in-year additions are not shown)."""
    from rules_helpers import funds_row

    ev = good_evaluation()
    total = funds_row(4, "年度资金总额", 1172.55, 1172.55, 1268.72, 10, None, 10, total=True)
    part = funds_row(5, "基本支出", 985.19, 985.19, 914.97, 10, None, 10)
    block = dataclasses.replace(
        ev.funds, total=total, parts=(part,), columns=("initial_budget", "executed", "weight", "score")
    )
    found = validate_submission(submission(dataclasses.replace(ev, funds=block)))
    at = {(f.code, f.cell): f for f in found if f.code in ("F03", "F05")}
    assert set(at) == {("F03", "E4"), ("F05", "H5")}
    assert all(f.severity is Severity.WARNING and "只有年初预算数" in f.basis for f in at.values())
    # the same figures under a 全年预算数 header: overspending is certain
    block = dataclasses.replace(block, columns=("initial_budget", "full_budget", "executed", "weight", "score"))
    found = validate_submission(submission(dataclasses.replace(ev, funds=block)))
    assert [f.severity for f in found if f.code == "F03"] == [Severity.ERROR]


def test_jiangxi_scale_rows_with_only_a_rate_above_100_percent_are_overspending_as_a_warning():
    """整体支出规模 | 资金来源:(1)财政拨款 | (blank amounts) | 103.21% (南昌县 蚕茶卫生院 2021)."""
    from rules_helpers import funds_row

    from perfxl.layout import headers as H

    assert H.strip_numbering(H.normalise_label("资金来源:(1)财政拨款")) == "财政拨款"
    ev = good_evaluation()
    part = funds_row(5, "资金来源:(1)财政拨款", None, None, None, None, "103.21%", None)
    fine = funds_row(6, "资金结构:(1)基本支出", None, None, None, None, "98.50%", None)
    found = validate_submission(
        submission(dataclasses.replace(ev, funds=dataclasses.replace(ev.funds, parts=(part, fine))))
    )
    f03 = [f for f in found if f.code == "F03"]
    assert [(f.cell, f.severity) for f in f03] == [("G5", Severity.WARNING)]
    assert "103.21%" in f03[0].message and "超过 100%" in f03[0].basis


def test_missing_first_level_indicators_are_not_claimed_on_a_table_that_may_continue():
    """Without a 总分 row the table may go on elsewhere (most stored copies are cut off): I02 records that it
    could not check instead of warning that 满意度指标 is missing."""
    ev = good_evaluation()
    no_satisfaction = dataclasses.replace(ev, indicators=ev.indicators[:-1])
    assert [f.code for f in validate_submission(submission(no_satisfaction)) if f.code == "I02"] == ["I02"]
    open_ended = dataclasses.replace(no_satisfaction, total_weight=None, total_score=None)
    assert not [f for f in validate_submission(submission(open_ended)) if f.code == "I02"]


def test_an_operator_against_the_names_direction_is_a_guess_on_self_evaluations_and_declarations():
    """逾期发放率 >=100% (南岳 雨露计划 申报表 2023): the name says lower is better, the operator says ≥."""
    ev = replace_row(good_evaluation(), 1, name="补助逾期发放率", target="≥100%", actual="100%")
    i13 = [f for f in validate_submission(submission(ev)) if f.code == "I13"]
    assert [(f.cell, f.severity, f.certainty) for f in i13] == [("E13", Severity.WARNING, Certainty.GUESS)]
    assert "逾期" in i13[0].message and "写反" in i13[0].message
    declaration = dataclasses.replace(ev, kind="declaration")
    sub = dataclasses.replace(submission(good_evaluation()), declarations=(declaration,))
    assert [f.cell for f in validate_submission(sub) if f.code == "I13"] == ["E13"]
    # the name's own direction (≤), a name in no list, or = : silent
    for name, target in (("补助逾期发放率", "≤5%"), ("培训合格率", "≥95%"), ("补助逾期发放率", "=0%")):
        quiet = replace_row(good_evaluation(), 1, name=name, target=target, actual="0%")
        assert not [f for f in validate_submission(submission(quiet)) if f.code == "I13"]


_A_UNIT_IN_THE_NAME_OR_A_COMPOUND_UNIT_IS_NOT_A_MISSING_UNIT_CASES = [
    ("服务外包在岸(万美元)", "20000", False),  # the unit is in the name (服务贸易 2020)
    ("接受培训人数（人次）", "200", False),
    ("接受培训人数", "200", True),
    ("农村低保标准", "≥530元/人*月", False),  # a compound unit written with *, as 濉溪 prints it
    ("农村低保标准", "≥530元/人·斤两", True),
]


@_each_case(_A_UNIT_IN_THE_NAME_OR_A_COMPOUND_UNIT_IS_NOT_A_MISSING_UNIT_CASES)
def test_a_unit_in_the_name_or_a_compound_unit_is_not_a_missing_unit(name, target, flagged):
    ev = replace_row(good_evaluation(), 0, name=name, target=target, actual=target.lstrip("≥"))
    assert bool([f for f in validate_submission(submission(ev)) if f.code == "I05"]) is flagged


_A_TOTAL_COUNT_AGAINST_INITIAL_PLUS_ADDED_IS_A_JUDGEMENT_CASES = [
    # 红河州数据发展中心 2024 (tests/realworld/reports): 8 + 8 ≠ 15, no reason given
    ("实施项目共15个(含转列项目5个),年初批复预算8个项目985万元,年中增加8个项目(含转列项目5个)。", True),
    ("实施项目共16个,年初批复8个项目,年中增加8个项目。", False),
    # a third count of the same measure word (结转2个): the parts are not known to be only these two
    ("实施项目共15个,年初批复8个项目,年中增加5个项目,上年结转2个项目。", False),
]


@_each_case(_A_TOTAL_COUNT_AGAINST_INITIAL_PLUS_ADDED_IS_A_JUDGEMENT_CASES)
def test_a_total_count_against_initial_plus_added_is_a_judgement(text, flagged):
    from perfxl.model import Paragraph, TextRef

    sub = dataclasses.replace(submission(good_evaluation()), narrative=(Paragraph(TextRef(1), text),))
    n02 = [f for f in validate_submission(sub) if f.code == "N02"]
    assert bool(n02) is flagged
    if flagged:
        assert n02[0].severity is Severity.WARNING and n02[0].expected == "16个" and "取消或合并" in n02[0].basis


_A_COUNT_AGAINST_THE_NAMES_ITS_EXHAUSTIVE_LIST_GIVES_IS_A_JUDGEMENT_CASES = [
    # 南县财政局 2020 (tests/realworld/reports): "10个，即" and nine names
    (
        "直属事业单位10个,即县国库集中支付中心、县财政信息中心、县工资统发中心、县财政投资评审中心、"
        "县政府债务研究评估中心、县财政预算编审中心、县国有资产服务中心、县会计服务中心、县经济开发区财政所。",
        True,
    ),
    # the same report: three named, the last two joined by 和
    ("纳入部门预算编制范围的单位有3个,分别为南县财政局机关本级、南县财政事务中心和南县国库集中支付中心。", False),
    ("下设股室4个：办公室、预算股、国库股、人事股。", False),
    # 和 may join two names or sit inside one (科技和工业信息化局): either count is accepted, no other
    ("下属单位2个，即县科技和工业信息化局、县统计局。", False),
    ("下属单位3个，即县科技和工业信息化局、县统计局。", False),
    ("下属单位4个，即县科技和工业信息化局、县统计局。", True),
    # not exhaustive: 等 / 包括 / no cue word
    ("下设办公室、预算股、国库股等16个股室。", False),
    ("直属单位5个，包括县国库集中支付中心、县财政信息中心。", False),
    ("直属单位5个，即县国库集中支付中心、县财政信息中心等。", False),
    ("内设事业单位2个,财政事务中心和国库集中支付中心。", False),
    # items carrying figures are not a list of names
    ("完成项目3个，即A项目5万元、B项目8万元。", False),
    # an ordinal is not a count; a list that goes on after a comma is not complete at the comma
    ("第2类：办公设备、车辆、房屋。", False),
    ("新建服务站5个，即李家村、王家村，以及张家村、赵家村、刘家村。", False),
    # brackets hold one name; 即将 is not 即
    ("下设内设机构3个，即办公室、财务股（含审计、统计）、业务股。", False),
    ("下设内设机构4个，即办公室、财务股（含审计、统计）、业务股。", True),
    ("今年已建成村级综合服务站5个，即将建成的还有李家村、王家村。", False),
]


@_each_case(_A_COUNT_AGAINST_THE_NAMES_ITS_EXHAUSTIVE_LIST_GIVES_IS_A_JUDGEMENT_CASES)
def test_a_count_against_the_names_its_exhaustive_list_gives_is_a_judgement(text, flagged):
    from perfxl.model import Paragraph, TextRef

    sub = dataclasses.replace(submission(good_evaluation()), narrative=(Paragraph(TextRef(1), text),))
    n05 = [f for f in validate_submission(sub) if f.code == "N05"]
    assert bool(n05) is flagged, [f.message for f in n05]
    if flagged:
        assert n05[0].severity is Severity.WARNING and "所列" in n05[0].basis and "应为" not in n05[0].message


_COMMON_UNITS_OF_REAL_TABLES_ARE_KNOWN_CASES = [
    # units printed in real tables (中江 水标尺 ≥50厘米, 稷山 8例, 原州 550万粒, 黄石 25TB, 广水 "300 公 里")
    ("水标尺宽度", "≥50厘米", False),
    ("肺结核健康规范管理数", "8例", False),
    ("免费发放原原种", "550万粒", False),
    ("存储备份器容量", "25TB", False),
    ("乡村道路建设养护里程", "300 公 里", False),
    ("乡村道路建设养护里程", "300 公", True),  # a unit that is no unit is still asked about
]


@_each_case(_COMMON_UNITS_OF_REAL_TABLES_ARE_KNOWN_CASES)
def test_common_units_of_real_tables_are_known(name, target, flagged):
    ev = replace_row(good_evaluation(), 0, name=name, target=target, actual=target.lstrip("≥"))
    assert bool([f for f in validate_submission(submission(ev)) if f.code == "I05"]) is flagged


def test_a_nature_column_holding_the_indicator_type_is_the_forms_own_design():
    """重庆 部门整体绩效自评表 (2021): 指标性质 holds 定量指标 / 定性指标 on the first row of each group and is blank
    below (the group's cell continued), with no operator anywhere. That is the form's design, not 19 unfilled
    cells: I04 stays quiet; a stray symbol in such a column is still reported."""
    ev = good_evaluation()
    natures = ["定量指标", "", "定性指标"] + [""] * (len(ev.indicators) - 3)
    rows = [
        dataclasses.replace(ind, nature=cv(n or None, f"J{12 + i}"))
        for i, (ind, n) in enumerate(zip(ev.indicators, natures, strict=False))
    ]
    quiet = dataclasses.replace(ev, indicators=tuple(rows))
    assert [f for f in validate_submission(submission(quiet)) if f.code == "I04"] == []
    rows[1] = dataclasses.replace(rows[1], nature=cv("#", "J13"))
    stray = dataclasses.replace(ev, indicators=tuple(rows))
    assert [f.cell for f in validate_submission(submission(stray)) if f.code == "I04"] == ["J13"]


_A_UNIT_COLUMN_REPEATING_THE_TARGETS_UNIT_IS_NOT_ADDED_TWICE_CASES = [
    ("100%", "%", "100%"),
    ("26次", "次", "26次"),
    ("100", "%", "100%"),
    ("≥90%", "%", "≥90%"),
]


@_each_case(_A_UNIT_COLUMN_REPEATING_THE_TARGETS_UNIT_IS_NOT_ADDED_TWICE_CASES)
def test_a_unit_column_repeating_the_targets_unit_is_not_added_twice(target, unit, joined):
    """重庆 2021: 计量单位 "%" beside 年初指标值 "100%" is one percent, not "100%%" (which made every score
    unverifiable: "%% 与 % 无法换算")."""
    from perfxl.layout.indicators import join_target
    from perfxl.model import CellValue

    assert join_target(CellValue.of(target), None, CellValue.of(unit)).text == joined


def test_weights_short_of_100_without_a_funds_block_are_a_judgement():
    """An indicator table of 90 points with no funds block read beside it (a sheet of indicators only, or a
    funds block perfxl could not read): the missing 10 may be the 预算执行率 points elsewhere — W03 is a 警告
    that says so, never a certain 错误 on a possibly correct table."""
    ev = good_evaluation()
    rows = list(ev.indicators)
    last = rows[-1]
    short = float(last.weight.raw) - 10
    rows[-1] = dataclasses.replace(
        last, weight=dataclasses.replace(last.weight, raw=short), score=dataclasses.replace(last.score, raw=short)
    )
    total = sum(float(r.weight.raw) for r in rows)
    no_funds = dataclasses.replace(
        ev,
        indicators=tuple(rows),
        funds=None,
        total_weight=dataclasses.replace(ev.total_weight, raw=total),
        total_score=dataclasses.replace(ev.total_score, raw=sum(float(r.score.raw) for r in rows)),
    )
    w03 = [f for f in validate_submission(submission(no_funds)) if f.code == "W03"]
    assert [f.severity for f in w03] == [Severity.WARNING] and "资金" in w03[0].basis


# ---------------------------------------------------------------- printed 执行率 a person must judge


def _funds_total(*values):
    ev = good_evaluation()
    return dataclasses.replace(ev, funds=funds(funds_row(5, "年度资金总额", *values, total=True), ()))


def test_a_rate_printed_over_a_zero_budget_is_a_judgement_and_zero_percent_is_silent():
    """0 | 0 | 100%: some forms print 100% (or 0.00%, Excel's IFERROR) when nothing was budgeted; the rate cannot
    be verified, so it is not shown wrong (the source rows already read it so; the total row gave a certain F04)."""
    f04 = [f for f in validate_submission(submission(_funds_total(0, 0, 0, 10, "100%", 10))) if f.code == "F04"]
    assert len(f04) == 1 and f04[0].severity is Severity.WARNING and "需人工判断" in f04[0].basis
    assert not [f for f in validate_submission(submission(_funds_total(0, 0, 0, 10, "0.00%", 0))) if f.code == "F04"]
    # a zero total over source rows that hold money (池州 塘西 2022: 0 | 0 | 0 | 执行率 0 above 89.974): not silent
    ev = _funds_total(0, 0, 0, 10, "0", 0)
    ev = dataclasses.replace(ev, funds=funds(ev.funds.total, (funds_row(6, "其中：本年财政拨款", 90, 89.974, 89.974),)))
    f04 = [f for f in validate_submission(submission(ev)) if f.code == "F04"]
    assert len(f04) == 1 and f04[0].severity is Severity.WARNING


def test_the_capped_rate_printed_for_an_overspend_is_a_judgement_while_the_overspend_stays_certain():
    found = validate_submission(submission(_funds_total(100, 100, 105, 10, "100%", 10)))
    f04 = [f for f in found if f.code == "F04"]
    assert len(f04) == 1 and f04[0].severity is Severity.WARNING and "封顶" in f04[0].basis
    assert [f.severity for f in found if f.code == "F03"] == [Severity.ERROR]
    # any other wrong figure stays certain
    wrong = [f for f in validate_submission(submission(_funds_total(100, 100, 105, 10, "98%", 10))) if f.code == "F04"]
    assert len(wrong) == 1 and wrong[0].severity is Severity.ERROR


_A_GRADE_OF_ANOTHER_SCALE_IS_A_JUDGEMENT_A_WRONG_GRADE_OF_THE_PROFILES_SCALE_IS_CERTAIN_CASES = [
    ("A", Severity.WARNING),
    ("较好", Severity.WARNING),
    ("良", Severity.ERROR),
]


@_each_case(_A_GRADE_OF_ANOTHER_SCALE_IS_A_JUDGEMENT_A_WRONG_GRADE_OF_THE_PROFILES_SCALE_IS_CERTAIN_CASES)
def test_a_grade_of_another_scale_is_a_judgement_a_wrong_grade_of_the_profiles_scale_is_certain(grade, severity):
    """95.5 is 优: "良" is certainly wrong; "A" or "较好" belong to a scale perfxl cannot map (was a certain 错误)."""
    ev = dataclasses.replace(good_evaluation(), grade=cv(grade, "H20"))
    t04 = validate_submission(submission(ev), select="T04")
    assert [(f.code, f.severity) for f in t04] == [("T04", severity)]
    assert "优、良、中、差" in t04[0].basis


# ---------------------------------------------------------------- domain probes round 2: indicator rows


_A_PER_UNIT_TARGET_AGAINST_AN_ACTUAL_WITHOUT_ITS_PER_UNIT_IS_A_GUESS_CASES = [
    ("人均培训成本", "≤500元/人", "15万元"),  # the project's total written as the actual
    ("人均培训成本", "≤500元/人次", "150000元"),
]


@_each_case(_A_PER_UNIT_TARGET_AGAINST_AN_ACTUAL_WITHOUT_ITS_PER_UNIT_IS_A_GUESS_CASES)
def test_a_per_unit_target_against_an_actual_without_its_per_unit_is_a_guess(name, target, actual):
    """ "≤500元/人" │ "15万元": read per person (filers drop "/人") it was a certain S02 + S07 + D01 错误, yet 15万元 is
    most likely the total; which one it is, a person judges. The same actual written per person stays certain."""
    found = _at(validate_submission(submission(_row(good_evaluation(), name, target, actual))), "H13")
    found += _at(validate_submission(submission(_row(good_evaluation(), name, target, actual))), "I13")
    assert {f.code for f in found} == {"S07", "D01"}  # full marks on the miss: S07's one finding (test_gaps17.py)
    assert all(f.severity is Severity.WARNING and f.certainty is Certainty.GUESS for f in found)
    assert all("总额" in f.basis and "未写“/人" in f.basis for f in found)
    per_unit = _row(good_evaluation(), name, target, "520" + target[4:])
    d01 = [f for f in validate_submission(submission(per_unit)) if f.code == "D01"]
    assert [f.severity for f in d01] == [Severity.ERROR]


_THE_OPERATOR_OF_THE_NATURE_COLUMN_IS_THE_ONE_SCORED_CASES = [("≤", "480元", False), ("≤", "520元", True)]


@_each_case(_THE_OPERATOR_OF_THE_NATURE_COLUMN_IS_THE_ONE_SCORED_CASES)
def test_the_operator_of_the_nature_column_is_the_one_scored(nature, actual, flagged):
    """指标性质 "≤" beside "500元" │ "480元": the direction was read as ≤ from the column, yet the row was scored ≥ and
    a limit kept (480 of 500 元) gave a certain D01 错误; 520 of 500 元 is a certain miss."""
    ev = _row(good_evaluation(), "人均成本", "500元", actual)
    rows = list(ev.indicators)
    rows[FOREST_ROW] = dataclasses.replace(rows[FOREST_ROW], nature=cv(nature, "J13"))
    found = _at(validate_submission(submission(dataclasses.replace(ev, indicators=tuple(rows)))), "I13")
    assert [(f.code, f.severity) for f in found] == ([("D01", Severity.ERROR)] if flagged else [])


_A_ZERO_WEIGHT_ON_A_ROW_MARKED_NOT_APPLICABLE_IS_NO_ERROR_CASES = [
    ("不适用", "不适用", 0, []),  # the row says it does not apply: 0 points is consistent (was a certain W04)
    ("本年度不涉及", "/", None, []),
    ("无", "无", 0, [Severity.WARNING]),  # 无 may be "not applicable" or "0 incidents": a person judges
    ("≥95%", "96%", 0, [Severity.ERROR]),  # a target met and scored nothing: certainly a missing weight
]


@_each_case(_A_ZERO_WEIGHT_ON_A_ROW_MARKED_NOT_APPLICABLE_IS_NO_ERROR_CASES)
def test_a_zero_weight_on_a_row_marked_not_applicable_is_no_error(target, actual, weight, severities):
    ev = _row(good_evaluation(), "培训合格率", target, actual, weight=weight, score=0)
    w04 = [f for f in validate_submission(submission(ev)) if f.code == "W04"]
    assert [f.severity for f in w04] == severities
    assert all("需人工判断" in f.basis for f in w04 if f.severity is Severity.WARNING)


_A_DATE_WITHOUT_ITS_YEAR_IS_READ_IN_THE_TABLES_YEAR_CASES = [
    ("12月底", "2024年1月", 10, {"S07": Severity.ERROR}),  # late: was silent (S07 alone: tests/test_gaps17.py)
    ("12月底", "2024年1月", 0, {}),  # late and scored 0: was a certain S01 "should be 10"
    ("12月底", "2023年11月", 10, {}),
    ("2023年12月前", "11月", 10, {}),
]


@_each_case(_A_DATE_WITHOUT_ITS_YEAR_IS_READ_IN_THE_TABLES_YEAR_CASES)
def test_a_date_without_its_year_is_read_in_the_tables_year(target, actual, score, expected):
    """ "12月底" │ "2024年1月" was compared by month and day alone (1月 ≤ 12月: on time); on the 2023 table the target
    is 2023-12-31 and January 2024 is late, the basis saying so."""
    ev = _row(good_evaluation(), "完成时间", target, actual, score=score, deviation="因设备到货延迟，次年1月完成验收")
    found = [f for f in _at(validate_submission(submission(ev)), "H13") if f.code in ("S01", "S07")]
    assert {f.code: f.severity for f in found} == expected
    assert all("按表头年度 2023 年理解" in f.basis for f in found)


def test_a_date_without_its_year_and_a_table_without_one_is_a_guess():
    ev = _row(
        good_evaluation(), "完成时间", "12月底", "2024年1月", score=0, deviation="因设备到货延迟，次年1月完成验收"
    )
    ev = dataclasses.replace(ev, title=cv("项目支出绩效自评表", "A1"))
    found = [f for f in _at(validate_submission(submission(ev)), "H13") if f.code == "S01"]
    assert [(f.severity, f.certainty) for f in found] == [(Severity.WARNING, Certainty.GUESS)]
    assert "未写年份" in found[0].basis


_A_MONTH_OF_THE_NEXT_YEAR_IS_NOT_READ_AS_THIS_YEARS_MONTH_CASES = ["次年1月", "翌年3月", "下一年度1月"]


@_each_case1(_A_MONTH_OF_THE_NEXT_YEAR_IS_NOT_READ_AS_THIS_YEARS_MONTH_CASES)
def test_a_month_of_the_next_year_is_not_read_as_this_years_month(actual):
    """ "12月底前" │ "次年1月" │ 8 分: read as a bare 1月 it was on time and a certain S01 said 10."""
    from perfxl.values import ValueKind, parse_value

    assert parse_value(actual).kind is not ValueKind.DATE
    ev = _row(good_evaluation(), "完成时间", "12月底前", actual, score=8, deviation="因设备到货延迟，次年完成验收工作")
    found = _at(validate_submission(submission(ev)), "H13")
    assert all(f.severity is not Severity.ERROR for f in found)


_AN_APPROXIMATE_TARGET_MISSED_BY_LITTLE_IS_A_JUDGEMENT_CASES = [
    ("300人次左右", "290人次", Severity.WARNING),  # about 300: whether 290 met it is a judgement (was certain)
    ("约300人次", "290人次", Severity.WARNING),
    ("约300人次", "200人次", Severity.ERROR),  # a third short of "about 300" is certainly missed
    ("≥300人次", "290人次", Severity.ERROR),
]


@_each_case(_AN_APPROXIMATE_TARGET_MISSED_BY_LITTLE_IS_A_JUDGEMENT_CASES)
def test_an_approximate_target_missed_by_little_is_a_judgement(target, actual, severity):
    ev = _row(good_evaluation(), "培训人次", target, actual)
    d01 = [f for f in validate_submission(submission(ev)) if f.code == "D01"]
    assert [f.severity for f in d01] == [severity]
    if severity is Severity.WARNING:
        assert "约数" in d01[0].basis and "需人工判断" in d01[0].basis


_A_DEDUCTION_ROW_WHOSE_WEIGHT_IS_WRITTEN_NEGATIVE_CAPS_BY_ITS_SIZE_CASES = [
    (-5, 0, False),
    (-5, -2, False),
    (-5, -8, True),
    (5, -8, True),
]


@_each_case(_A_DEDUCTION_ROW_WHOSE_WEIGHT_IS_WRITTEN_NEGATIVE_CAPS_BY_ITS_SIZE_CASES)
def test_a_deduction_row_whose_weight_is_written_negative_caps_by_its_size(weight, score, flagged):
    """扣分项 │ 0起 │ 0起 │ -5 │ 0: the 分值 of a deduction written as "-5" is its cap; nothing deducted is within it
    (was a certain S06 "得分 0 应在 0 到分值 -5 之间"); deducting 8 of at most 5 is certainly wrong."""
    ev = _row(good_evaluation(), "安全事故扣分", "0起", "0起" if score == 0 else "3起", weight=weight, score=score)
    s06 = [f for f in validate_submission(submission(ev)) if f.code == "S06"]
    assert [f.severity for f in s06] == ([Severity.ERROR] if flagged else [])


def test_a_worded_actual_against_a_numeric_target_is_banded_as_a_judgement():
    """ "≥300人次" │ "部分完成" │ 10: the tier ("部分达成…") is read from the words, not from a figure; S05 was a
    certain 错误 beside S14's warning that the score cannot be verified. A 定性 row keeps its certain band."""
    ev = _row(good_evaluation(), "培训人次", "≥300人次", "部分完成")
    s05 = [f for f in validate_submission(submission(ev)) if f.code == "S05"]
    assert [(f.severity, f.certainty) for f in s05] == [(Severity.WARNING, Certainty.JUDGEMENT)]
    assert "按文字归入" in s05[0].basis
    ev = _row(good_evaluation(), "长效管理机制", "健全", "部分达成年度指标并具有一定效果")
    assert [f.severity for f in validate_submission(submission(ev)) if f.code == "S05"] == [Severity.ERROR]


_A_FIGURE_WRITTEN_IN_CHINESE_NUMERALS_IS_NOT_A_MISSING_FIGURE_CASES = [
    ("≥百分之九十五", None),  # read as ≥95% since review31w (`values.percent_in_digits`): no I03
    ("≥百分之九九", Severity.WARNING),  # numerals that spell no number: still unread
    ("≥五场", Severity.WARNING),
    ("≥良好", Severity.ERROR),
]


@_each_case(_A_FIGURE_WRITTEN_IN_CHINESE_NUMERALS_IS_NOT_A_MISSING_FIGURE_CASES)
def test_a_figure_written_in_chinese_numerals_is_not_a_missing_figure(target, severity):
    """ "≥五场", "≥百分之九九" hold a number perfxl does not convert: its own limit, a 警告 (was a certain I03 "不是数值");
    "≥百分之九十五" is read (review31w); an operator before a grade word has no figure at all."""
    ev = _row(good_evaluation(), "培训合格率", target, "96%")
    i03 = [f for f in validate_submission(submission(ev)) if f.code == "I03"]
    assert [f.severity for f in i03] == ([severity] if severity else [])


_DIRECTION_WORDS_OF_THE_NATURE_COLUMN_ARE_ITS_OPERATOR_CASES = [
    ("逆向指标", "≤5次"),
    ("越小越好", "≤5次"),
    ("越大越好", "≥5次"),
]


@_each_case(_DIRECTION_WORDS_OF_THE_NATURE_COLUMN_ARE_ITS_OPERATOR_CASES)
def test_direction_words_of_the_nature_column_are_its_operator(nature, joined):
    """指标性质 "逆向指标" │ 5 │ 次 │ 实际 3次: joined as "逆向指标5次" it was read ≥ by default and a ceiling kept (3 of
    at most 5) gave certain S01 + S07 + D01 错误; it is "≤5次", and I04 no longer calls the word stray."""
    from perfxl.layout.indicators import join_target
    from perfxl.model import CellValue

    assert join_target(CellValue.of("5"), CellValue.of(nature), CellValue.of("次")).text == joined
    ev = _row(good_evaluation(), "会议次数", "5次", "3次" if joined[0] == "≤" else "6次")
    rows = list(ev.indicators)
    rows[FOREST_ROW] = dataclasses.replace(rows[FOREST_ROW], nature=cv(nature, "J13"))
    found = _at(validate_submission(submission(dataclasses.replace(ev, indicators=tuple(rows)))), "H13")
    found += _at(validate_submission(submission(dataclasses.replace(ev, indicators=tuple(rows)))), "J13")
    assert [f.brief() for f in found] == []


_A_FRACTION_TYPED_UNDER_A_PERCENT_UNIT_COLUMN_IS_READ_BOTH_WAYS_CASES = [
    ("0.96", "0.96"),
    ("1", "1"),
    ("96", "96%"),
    ("320", "320%"),
]


@_each_case(_A_FRACTION_TYPED_UNDER_A_PERCENT_UNIT_COLUMN_IS_READ_BOTH_WAYS_CASES)
def test_a_fraction_typed_under_a_percent_unit_column_is_read_both_ways(typed, read):
    """年度指标值 95 │ 计量单位 % │ 实际 "0.96" (text): joined as "0.96%" it was a certain miss of 95%; the
    fraction 96% is as likely, so it stays a bare number the scorer reads both ways (a 警告 when they differ)."""
    from perfxl.layout.indicators import actual_in_unit
    from perfxl.model import CellValue

    assert actual_in_unit(CellValue.of(typed), CellValue.of("%")).raw == read
    ev = _row(good_evaluation(), "培训合格率", "≥95%", "0.9")  # 90% or 0.9%: missed either way, scores differ
    d01 = [f for f in validate_submission(submission(ev)) if f.code == "D01"]
    assert [(f.severity, f.certainty) for f in d01] == [(Severity.WARNING, Certainty.GUESS)]


_A_BARE_NUMBER_AGAINST_A_TARGET_IN_WAN_IS_READ_IN_THE_PLAUSIBLE_UNIT_CASES = [
    ("≤5万元", "48000", 10, []),  # 48000元 = 4.8万元: kept (read as 48000万元 it gave certain S02 + S07 + D01)
    ("≥3.5万人次", "35000", 10, []),  # met either way: no 9600-fold over-completion S08
    ("≤5万元", "60000", 10, [("S07", Severity.WARNING)]),  # 6万 or 60000万: a guess (S07 gives both readings)
    ("≥3.5万人次", "3", 10, [("S07", Severity.ERROR)]),  # 3万 is near: a certain miss, S07's (tests/test_gaps17.py)
]


@_each_case(_A_BARE_NUMBER_AGAINST_A_TARGET_IN_WAN_IS_READ_IN_THE_PLAUSIBLE_UNIT_CASES)
def test_a_bare_number_against_a_target_in_wan_is_read_in_the_plausible_unit(target, actual, score, expected):
    name = "培训人次" if "人次" in target else "项目成本"
    ev = _row(good_evaluation(), name, target, actual, score=score, deviation=None)
    found = [(f.code, f.severity) for f in _at(validate_submission(submission(ev)), "H13")]
    assert found == expected


# ---------------------------------------------------------------- "2023.12": a year and a month, not a number
# 云南 施甸 2021 (tests/realworld): 时效指标 │ 项目竣工时间 │ "2023.12". Read as the number 2023.12, an actual "2023.11"
# (a month early) missed it and "2024.01" (a month late) exceeded it; and I09 said the target was no date.


def _deadline(target, actual, score=10, **changes):
    ev = replace_row(good_evaluation(), 2, target=target, actual=actual, score=score, **changes)
    return [f for f in validate_submission(submission(ev)) if str(f.ref).endswith("14")]


_A_YEAR_AND_MONTH_WITH_A_POINT_MET_ON_TIME_IS_QUIET_CASES = [
    ("2023.12", "2023.11"),
    ("2023.12", "2023.12"),
    ("2023.12", "2023年11月"),
    ("≤2024.6", "2024.3"),
]


@_each_case(_A_YEAR_AND_MONTH_WITH_A_POINT_MET_ON_TIME_IS_QUIET_CASES)
def test_a_year_and_month_with_a_point_met_on_time_is_quiet(target, actual):
    """Failed before: "2023.12" │ "2023.11" gave S07 + D01 (missed) and I09 (no date)."""
    assert [f.brief() for f in _deadline(target, actual)] == []


def test_a_year_and_month_with_a_point_missed_is_a_warning_naming_both_dates():
    found = _deadline("2023.12", "2024.01")
    assert {(f.code, f.severity) for f in found} == {("S07", Severity.WARNING), ("D01", Severity.WARNING)}
    s07 = next(f for f in found if f.code == "S07")  # full marks on the miss: S07's one finding (test_gaps17.py)
    assert "2024-01-31" in s07.basis and "2023-12-31" in s07.basis
    assert "按“年.月”理解为日期" in s07.basis  # the format is inferred: a judgement, never an 错误


def test_a_figure_under_a_unit_column_or_typed_in_a_number_cell_stays_a_number():
    """With a 度量单位 column (万元), "2023.12" is an amount; a number cell 2023.1 may have lost October's 0."""
    from perfxl.rules.context import dotted_year_month
    from perfxl.values import parse_value

    assert dotted_year_month(parse_value("2023.12")).date.display() == "2023-12-31"
    assert dotted_year_month(parse_value("≤2024.2")).date.display() == "2024-02-29"
    for typed in ("2023.12万元", "2023.13", "12023.12", "2023.125", 2023.12, "23.12"):
        assert dotted_year_month(parse_value(typed)) is None, typed
    ev = replace_row(good_evaluation(), 2, target="2023.12", actual="2024.01")
    late = ev.indicators[2]
    ev = dataclasses.replace(
        ev,
        indicators=(
            *ev.indicators[:2],
            dataclasses.replace(late, unit=dataclasses.replace(late.weight, raw="万元")),
            *ev.indicators[3:],
        ),
    )
    found = [f for f in validate_submission(submission(ev)) if str(f.ref).endswith("14")]
    assert not [f for f in found if "年.月" in f.basis or f.code in ("S01", "S07")]  # 2024.01 ≥ 2023.12 as amounts


# ---------------------------------------------------------------- "基本完成": 达成 or 部分达成 — a decision (issue 11)
# The national profile reads "基本完成"/"基本达成" as 部分达成 (band [60%, 80%)), yet older forms word the top tier
# "全部或基本达成预期指标" ([80%, 100%]). Before, "基本完成" scored 10 of 10 was a certain S05 + D01 错误.


def test_words_that_fit_two_tiers_at_full_marks_owe_nothing():
    """ "基本完成" scored 10 of 10: words that may mean 达成, scored so by the filer — no D01 asking for a reason (review)."""
    ev = replace_row(good_evaluation(), 5, actual="基本完成", score=10, deviation=None)
    assert [f.brief() for f in validate_submission(submission(ev)) if f.cell in ("F17", "H17", "I17")] == []


_WORDS_THAT_FIT_TWO_TIERS_ARE_CHECKED_AGAINST_BOTH_BANDS_CASES = [8, 7]


@_each_case1(_WORDS_THAT_FIT_TWO_TIERS_ARE_CHECKED_AGAINST_BOTH_BANDS_CASES)
def test_words_that_fit_two_tiers_are_checked_against_both_bands(score):
    ev = replace_row(good_evaluation(), 5, actual="基本完成", score=score, deviation=None)
    found = [f for f in validate_submission(submission(ev)) if f.cell in ("F17", "H17", "I17")]
    assert [f.code for f in found if f.severity is Severity.ERROR] == []
    (d01,) = [f for f in found if f.code == "D01"]  # no reason given for a row that may be 部分达成: a judgement
    assert d01.severity is Severity.WARNING and "达成年度指标" in d01.basis


def test_a_score_outside_both_tiers_bands_stays_an_error():
    ev = replace_row(good_evaluation(), 5, actual="基本完成", score=5, deviation="机制尚在完善")
    (s05,) = [f for f in validate_submission(submission(ev)) if f.code == "S05"]
    assert s05.severity is Severity.ERROR and "[6, 10]" in s05.message and "按哪一档都不符" in s05.basis


def test_a_prescribed_tier_keeps_its_own_band():
    ev = replace_row(good_evaluation(), 5, actual="部分达成", score=10, deviation="机制尚在完善")
    (s05,) = [f for f in validate_submission(submission(ev)) if f.code == "S05"]
    assert s05.severity is Severity.ERROR and "[6, 8)" in s05.message


def test_a_floor_written_like_a_year_and_month_stays_a_number():
    """ "≥2023.5" │ "2023.1" on an amount row: read as dates, a numeric miss went unreported and "≥2023.5" │ "2024.1" was
    called 逾期 (review). A deadline is at most a date: after ≥ or > the figure is a number."""
    from perfxl.rules.context import dotted_year_month
    from perfxl.values import parse_value

    assert dotted_year_month(parse_value("≥2023.5")) is None and dotted_year_month(parse_value(">2023.5")) is None
    assert dotted_year_month(parse_value("≤2023.5")) is not None
    ev = replace_row(good_evaluation(), 0, target="≥2023.5", actual="2023.1", score=20)
    found = [f for f in validate_submission(submission(ev)) if str(f.ref).endswith("12")]
    assert "S01" in {f.code for f in found} or "S07" in {f.code for f in found}  # 2023.1 < 2023.5: missed
    assert not [f for f in found if "年.月" in f.basis]
