"""Issue 11 gaps found on real variety (session 11's reviewer): per-period targets, time limits, count words with
their nouns, indicator headers that also say 绩效目标, pair rates under a heading, listings in 万元, and messages
naming what is there — each built from a real corpus table (tests/realworld/*.toml) or the project's generator."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))


def _suixi_row(tmp_path, target: str, actual: str):
    """濉溪 2019 (anhui-suixi-linshijiuzhu-2019) row 15 (分值 10, 得分 10): target and actual replaced."""
    from render import validated, variant

    result = validated(variant("anhui-suixi-linshijiuzhu-2019", {"F15": target, "G15": actual}), tmp_path)
    return sorted({(f.code, f.severity.value) for f in result.findings if getattr(f.ref, "row", 0) == 15})


# ---------------------------------------------------------------- 1. a per-period target, a time limit


def test_a_monthly_target_against_the_years_count_is_met(tmp_path):
    """ "每月1次" │ "12次": read against the bare 1 it was S08 '12次 为年度指标值 每月1次 的 1200.00%'. Once a month over
    the year is 12 times (12 months exactly): met, no over-completion; "每季度1次" │ "4次" alike."""
    assert _suixi_row(tmp_path, "每月1次", "12次") == []
    assert _suixi_row(tmp_path, "每季度1次", "4次") == []


def test_a_monthly_target_against_a_count_short_of_the_year_is_a_warning(tmp_path):
    """ "每月1次" │ "6次" with full marks: short of 12 over the year, met if the 6 is a month's — a 警告 naming both."""
    found = _suixi_row(tmp_path, "每月1次", "6次")
    # S07 says the full-marks miss with both readings in its basis; S01 does not say it again on the cell (one cause,
    # one finding: tests/test_gaps17.py)
    assert ("S07", "warning") in found and all(sev != "error" for _, sev in found), found
    assert "S01" not in {code for code, _ in found}


def test_guard_a_per_period_actual_against_a_per_period_target_is_compared_as_printed(tmp_path):
    assert _suixi_row(tmp_path, "每月1次", "每月1次") == []


def test_a_time_limit_phrase_is_a_limit_not_a_unit(tmp_path):
    """ "1年内完成": I05 '计量单位“年内完成”不是常用单位' and S11 against "1年". It is ≤ 1 年 (the words say what is done
    by then): "1年" meets it, "2年" misses it."""
    assert _suixi_row(tmp_path, "1年内完成", "1年") == []
    assert ("S07", "error") in _suixi_row(tmp_path, "1年内完成", "2年")


# ---------------------------------------------------------------- 6. a count word with its noun in a clause


def test_a_count_word_clause_against_the_same_count_word_is_a_miss(tmp_path):
    """ "完成全县15个乡镇的改造任务" │ "12个" with full marks: S11 'units differ (个乡镇的改造任务 与 个)' only — both count in
    个: 12 < 15 is a miss (S07, full marks: tests/test_gaps17.py)."""
    found = _suixi_row(tmp_path, "完成全县15个乡镇的改造任务", "12个")
    assert ("S07", "error") in found and ("S11", "info") not in found, found
    assert _suixi_row(tmp_path, "完成全县15个乡镇的改造任务", "15个") == []


# ---------------------------------------------------------------- 2. an indicator header saying 绩效目标 │ 实际完成


def _suixi(tmp_path, changes):
    from render import validated, variant

    return validated(variant("anhui-suixi-linshijiuzhu-2019", changes), tmp_path)


def test_an_indicator_header_with_goal_words_is_read_by_its_other_columns(tmp_path):
    """濉溪's header 一级指标 │ 二级指标 │ 三级指标 │ 分值 │ 绩效目标 │ 实际完成 (or 完成情况) │ 得分: read as the goals header, so the
    ten indicator rows beneath went unread (LAYOUT_UNMAPPED_ROW). The levels, 分值 and 得分 make it an indicator header:
    the rows are read and row 15's 5人 against ≥7人 at full marks is found."""
    for actual in ("实际完成", "完成情况"):
        result = _suixi(tmp_path, {"F10": "绩效目标", "G10": actual, "G15": "5人"})
        codes = {(f.code, getattr(f.ref, "row", 0)) for f in result.findings}
        assert ("LAYOUT_UNMAPPED_ROW", 11) not in codes and ("S07", 15) in codes, (actual, sorted(codes))


def test_guard_a_goals_block_header_stays_a_goals_header(tmp_path):
    """Guard: 濉溪's goals block (年度总体目标 │ 年初设定目标 │ 年度总体目标完成情况综述) is still read as goals (no unread rows)."""
    result = _suixi(tmp_path, {})
    assert not [f for f in result.findings if f.code == "LAYOUT_UNMAPPED_ROW"]


# ---------------------------------------------------------------- 3. a pair row's rate under its heading


def _chengan_f04(tmp_path, changes):
    from render import validated, variant

    result = validated(variant("hebei-chengan-gaolingjintie-2020", changes), tmp_path)
    return [(f.ref.cell, f.severity.value) for f in result.findings if f.code == "F04" and f.severity.value != "info"]


def test_a_rate_under_its_heading_above_the_pairs_is_checked(tmp_path):
    """成安 2020: 预算执行进度(%) heads H3, its figure 100.00 at H4 beside the pairs 预算数 6.84 │ 到位数 6.84 │ 执行数 6.84
    — session 10 read the pairs without it (coverage: F04 skipped). Printed 90.00 it is found; as published, quiet."""
    assert _chengan_f04(tmp_path, {"H4": "90.00"}) == [("H4", "error")]
    assert _chengan_f04(tmp_path, {}) == []


def test_a_heading_rate_over_the_money_arrived_is_a_warning(tmp_path):
    """到位数 5.00 and 执行数 5.00 against 预算数 6.84 with 100.00 under the heading: right over the money arrived, as some
    forms take it — a 警告 naming that reading, as a rate printed as a pair is (review 11)."""
    changes = {"E4": "5.00", "E5": "5.00", "G4": "5.00", "G5": "5.00"}
    assert _chengan_f04(tmp_path, changes) == [("H4", "warning")]


# ---------------------------------------------------------------- 4. a listing whose amounts carry 万元


def _youxian_in_wanyuan(tmp_path, rate=None):
    from report_helpers import workbook_result
    from test_unread10 import _HEAD, _LINES, _MERGES

    lines = [[c + "万元" if 1 <= i <= 10 and c[:1].isdigit() else c for i, c in enumerate(line)] for line in _LINES]
    if rate is not None:
        lines[10][11] = rate
    return workbook_result(tmp_path, [list(r) for r in _HEAD] + lines, _MERGES)


def test_a_listing_with_its_amounts_in_wanyuan_is_read(tmp_path):
    """游仙 2023's listing with every amount printed "539.47万元": no line was a figure, the sheet LAYOUT_NO_TABLE. The
    lines are read as the plain listing's: the same findings (none an 错误), and a wrong rate found."""
    found = {(f.code, f.severity.value) for f in _youxian_in_wanyuan(tmp_path).findings}
    assert ("LAYOUT_NO_TABLE", "warning") not in found and ("F04", "error") not in found, found
    wrong = [f.ref.cell for f in _youxian_in_wanyuan(tmp_path, "64.73%").findings if f.severity.value == "error"]
    assert wrong == ["L17"], wrong


# ---------------------------------------------------------------- 5. messages naming what is there


def test_n02_names_the_spending_its_own_words_name(tmp_path):
    """ "收入决算1200万元，支出决算1000万元。按支出性质分：…": the 1000 took the subject 收入 before it, so N02 said '“收入”的各组成
    部分之和…文字写 1000万元'. After an income its own words name the 支出."""
    from report_helpers import report_findings

    text = "2023年度收入决算1200万元，支出决算1000万元。按支出性质分：基本支出700万元，项目支出600万元。"
    messages = [f.message for f in report_findings(tmp_path, text) if f.code == "N02"]
    assert messages and all("“支出”" in m and "“收入”" not in m for m in messages), messages


def test_a_figure_with_a_bracketed_note_is_that_figure(tmp_path):
    """ "5人（含2户）" as the actual: S11 '实际完成值“5人”不是数值' — the note's figure made the cell text, and the message
    named only the figure. It is 5 人 with a note: against "≥7人" at full marks a miss; against "≥5人" met."""
    assert _suixi_row(tmp_path, "≥5人", "5人（含2户）") == []
    assert ("S07", "error") in _suixi_row(tmp_path, "≥7人", "5人（含2户）")


def test_an_unread_value_is_named_as_printed():
    """A value perfxl does not read as a number is named as its cell prints it, not by the figure inside it."""
    from perfxl.scoring import score_indicator

    result = score_indicator("≥5人", "30人(3/10)", 10)
    assert result.error is not None and "“30人(3/10)”" in result.error, result.error


def test_t02_names_a_grade_in_the_total_cell(tmp_path):
    """忻州 2020's 总分 cell holding "优": T02 said '表中为 （空）'. A grade stands where the score belongs: said so."""
    from render import validated, variant

    result = validated(variant("hubei-xinzhou-chujutuan-2020", {"H28": "优"}), tmp_path)
    found = [f for f in result.findings if f.code == "T02"]
    assert [f.severity.value for f in found] == ["warning"] and "等级“优”" in found[0].message, found
