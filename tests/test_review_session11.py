"""Review 11 (issue 11: no false 错误, no baseless 警告, no silenced real defect) of session 10's additions — the
预算执行情况表 listing, label │ value funds pairs, F04's rounding room, T02's 满分 and blank cells, units and OpenCC —
built from real corpus cells (tests/realworld/*.toml) and 游仙 2023's listing (tests/test_unread10.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from report_helpers import workbook_result as _workbook

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))


def _errors(result):
    return [(f.code, f.ref.cell if f.ref else None, f.message) for f in result.findings if f.severity.value == "error"]


# ---------------------------------------------------------------- the 预算执行情况表 listing (游仙 2023)


def _youxian(tmp_path, head, lines):
    from test_unread10 import _MERGES

    return _workbook(tmp_path, head + lines, _MERGES)


def _listing():
    from test_unread10 import _HEAD, _LINES

    return [list(r) for r in _HEAD], [list(line) for line in _LINES]


def test_listing_a_qizhong_source_column_is_part_of_the_source_before_it(tmp_path):
    """游仙's listing with 一般公共预算 │ 其中：上级补助 under both groups (the 上级补助 a part of the 一般公共预算 beside it,
    as 其中 says): session 10 summed it as one more source — F02 错误 '应为各来源之和 779.07，表中为 539.47' on every line
    with 一般公共预算 money. It is a part of the source before it, not of the 合计: no 错误."""
    head, lines = _listing()
    head[5][3] = head[5][8] = "其中：上级补助"
    for line in lines:
        line[3], line[8] = line[2], line[7]
    result = _youxian(tmp_path, head, lines)
    assert not _errors(result), _errors(result)


def test_guard_listing_a_qizhong_column_dropped_the_other_sources_still_add_up(tmp_path):
    """Guard: with the 其中 column dropped, a 合计 the other sources do not make is still found (F02 at B17)."""
    head, lines = _listing()
    head[5][3] = head[5][8] = "其中：上级补助"
    for line in lines:
        line[3], line[8] = line[2], line[7]
    lines[10][1] = "35.00"  # 审计项目经费补助2023: sources 0 + 0 + 30.00
    result = _youxian(tmp_path, head, lines)
    assert ("F02", "B17") in [(c, cell) for c, cell, _ in _errors(result)], _errors(result)


def test_guard_listing_a_first_source_saying_qizhong_opens_the_sources(tmp_path):
    """Guard: 合计 │ 其中：一般公共预算 │ 政府性基金预算 │ …: the first source's 其中 opens the list — still all the sources."""
    head, lines = _listing()
    head[5][2] = head[5][7] = "其中：一般公共预算"
    lines[10][1] = "35.00"
    result = _youxian(tmp_path, head, lines)
    assert ("F02", "B17") in [(c, cell) for c, cell, _ in _errors(result)], _errors(result)


def test_listing_a_second_listing_under_the_first_is_read_too(tmp_path):
    """游仙's listing printed twice on one sheet (a second unit's or period's table under the first, its title, unit and
    two-row header repeated): session 10 stopped at the second header — its lines unchecked while the sheet said read,
    审计项目经费补助2023's 64.73% for 16.42/30.00 (54.73%) silent. Both listings are read: that rate is found."""
    from test_unread10 import _MERGES

    head, lines = _listing()
    second = [list(line) for line in lines]
    second[10][11] = "64.73%"
    rows = head + lines + [[""] * 12] + [list(r) for r in head[2:]] + second
    off = len(head) + len(lines) + 1 - 2
    again = [f"A{3 + off}:L{3 + off}", f"A{4 + off}:L{4 + off}", f"A{5 + off}:A{6 + off}"]
    again += [f"B{5 + off}:F{5 + off}", f"G{5 + off}:L{5 + off}"]
    result = _workbook(tmp_path, rows, (*_MERGES, *again))
    assert [(c, cell) for c, cell, _ in _errors(result)] == [("F04", "L35")], _errors(result)  # the second's line 11


@pytest.mark.parametrize("dash", ["—", "/", "无"])
def test_listing_a_line_of_placeholders_does_not_end_the_read(tmp_path, dash):
    """A line with no money of its own printed with "—" (or "/", "无") in every money cell ended the read, as a blank
    heading line did before review 10e: the lines under it went unchecked while the sheet said read."""
    head, lines = _listing()
    lines[4] = ["新建项目", *[dash] * 11]
    lines[10][11] = "64.73%"  # 16.42 / 30.00 = 54.73%
    result = _youxian(tmp_path, head, lines)
    assert [(c, cell) for c, cell, _ in _errors(result)] == [("F04", "L17")], _errors(result)


def test_listing_exported_without_merges_reads_its_sources_and_rate(tmp_path):
    """游仙's header exported with its merges undone and each label repeated ("取消合并并填充": 预算额度 ×5, 截止9月30日
    预算执行进度 ×6): each group was one column wide, so no source and no 支付进度 was read — a 合计 58.00 over sources of
    48.00 and a rate 64.73% for 54.73% went unchecked while the sheet said read. Both are found, as on the merged form."""
    from test_unread10 import _HEAD, _LINES

    head = [list(r) for r in _HEAD]
    head[4] = ["项目名称(单位名称)", *["预算额度"] * 5, *["截止9月30日预算执行进度"] * 6]
    head[5][0] = "项目名称(单位名称)"
    lines = [list(line) for line in _LINES]
    lines[10][11] = "64.73%"  # 16.42 / 30.00 = 54.73%
    lines[11][1] = "58.00"  # sources 48.00
    result = _workbook(tmp_path, head + lines, ("A1:L1",))
    assert {("F02", "B18"), ("F04", "L17")} <= {(c, cell) for c, cell, _ in _errors(result)}, _errors(result)


def test_listing_a_line_with_its_budget_total_blank_is_read(tmp_path):
    """专项工程工作经费 with its 预算额度 合计 left blank (its sources 5.00 │ 0 │ 0 │ 0, 0.92 spent): the read ended there —
    every line under it unchecked while the sheet said read. The line is read (F02 names the blank total, a 警告) and the
    wrong rate two lines below is found."""
    head, lines = _listing()
    lines[8][1] = ""
    lines[10][11] = "64.73%"  # 16.42 / 30.00 = 54.73%
    result = _youxian(tmp_path, head, lines)
    assert [(c, cell) for c, cell, _ in _errors(result)] == [("F04", "L17")], _errors(result)
    assert [f.severity.value for f in result.findings if f.code == "F02" and f.ref.cell == "B15"] == ["warning"]


# ---------------------------------------------------------------- time: calendar units (苏州 财政 灾备 2021)


def _suzhou(tmp_path, target: str, actual: str):
    """苏州 灾备切换速度 (row 33: 目标值 │ 权重 3.14 │ 实际完成值 │ 自评分 3.14), target and actual replaced: the S findings."""
    import dataclasses

    from render import CORPUS, load_table, validated

    table = load_table(CORPUS / "jiangsu-suzhou-caizheng-zaibei-2021.toml")
    rows = [list(r) for r in table.rows]
    assert rows[32][2] == "灾备切换速度"
    rows[32][3], rows[32][5] = target, actual
    result = validated(dataclasses.replace(table, rows=rows), tmp_path)
    found = [f for f in result.findings if getattr(f.ref, "row", 0) == 33 and f.severity.value in ("error", "warning")]
    return sorted((f.code, f.severity.value) for f in found)


def test_twelve_months_are_a_year(tmp_path):
    """ "≥1年" │ "12个月" with full marks: 月 and 年 were each converted to days (30, 365), so 12个月 was 0.986年 — S01 and
    S07 错误 '12个月 未达到年度指标值 ≥1年'. Months, quarters and years count in months exactly."""
    assert _suzhou(tmp_path, "≥1年", "12个月") == []
    assert _suzhou(tmp_path, "≤1季度", "3个月") == []


def test_a_month_against_days_is_no_certain_miss_within_a_months_length(tmp_path):
    """ "≤1个月" │ "31天" (or "≤2个月" │ "61天"): S02/S07 错误 at 30 days a month — a month holds up to 31 days, two up to
    62, so whether the target was met is a 警告 saying so."""
    for target, actual in (("≤1个月", "31天"), ("≤2个月", "61天")):
        found = _suzhou(tmp_path, target, actual)
        assert found and all(sev == "warning" for _, sev in found), (target, actual, found)


def test_guard_days_beyond_any_months_length_stay_a_certain_miss(tmp_path):
    """Guard: "≤1个月" │ "45天" is missed whatever the month (45 > 31): S07 stays an 错误; "≥1年" │ "11个月" too."""
    assert ("S07", "error") in _suzhou(tmp_path, "≤1个月", "45天")
    assert ("S07", "error") in _suzhou(tmp_path, "≥1年", "11个月")


# ---------------------------------------------------------------- N02: a split heading beside more than one whole


def _n02(tmp_path, text):
    from report_helpers import report_findings

    return [(f.code, f.severity.value) for f in report_findings(tmp_path, text) if f.code == "N02"]


@pytest.mark.parametrize(
    "text",
    [
        # each was N02 错误 '…超过了总数，按其自身数字应为 1200万元，文字写 1000万元': the parts make the other whole
        "2023年度收入决算1200万元，支出决算1000万元。按资金来源分：财政拨款700万元，上级补助400万元，其他收入100万元。",
        "项目总投资5000万元，本年度下达资金1000万元。按资金来源分：中央资金3000万元，省级资金2000万元。",
        "2023年预算1000万元，实际支出950万元。按资金来源分：财政拨款700万元，上级补助300万元。",
    ],
)
def test_a_split_heading_whose_parts_make_another_whole_before_it_is_that_wholes(tmp_path, text):
    """Session 10 read a split heading without 其中 ('按资金来源分') as splitting the nearest money total before it. With
    another whole stated before it in the paragraph, the parts making that whole are its split: no finding."""
    assert _n02(tmp_path, text) == []


def test_a_split_heading_beyond_the_nearest_whole_only_is_a_warning(tmp_path):
    """收入 1200, 支出 1000, parts 1150: beyond the nearest (1000), within the other — which whole they split is a guess."""
    text = "2023年度收入决算1200万元，支出决算1000万元。按支出性质分：基本支出700万元，项目支出450万元。"
    assert _n02(tmp_path, text) == [("N02", "warning")]


@pytest.mark.parametrize(
    "text",
    [
        "2023年度收入决算1200万元，支出决算1000万元。按支出性质分：基本支出700万元，项目支出600万元。",  # beyond both
        "2023年度支出决算1000万元。按资金来源分：财政拨款700万元，上级补助400万元。",  # one whole
    ],
)
def test_guard_parts_beyond_every_whole_before_them_stay_an_error(tmp_path, text):
    assert _n02(tmp_path, text) == [("N02", "error")]


# ---------------------------------------------------------------- label │ value funds pairs: the rate printed as a pair


def _pairs(tmp_path, name, changes, unmerge):
    from render import CORPUS, load_table

    table = load_table(CORPUS / f"{name}.toml")
    rows = [list(r) for r in table.rows]
    for (r, c), text in changes.items():
        rows[r][c] = text
    return _workbook(tmp_path, rows, [m for m in table.merges if m not in unmerge])


def _f04(result):
    return [(f.ref.cell, f.severity.value) for f in result.findings if f.code == "F04"]


def test_a_rate_printed_as_a_pair_beside_the_money_pairs_is_checked(tmp_path):
    """安居 2021's row 预算数: │ 2.38 │ 执行数: │ 2.38 with 执行率: │ 90% beside it (as 四川's two-row form prints 预算执行率
    │ 100%): session 10 read the one-row pairs without the rate — a rate off the amounts went unchecked (no F04)."""
    result = _pairs(tmp_path, "sichuan-anju-shipinjianguan-2021", {(4, 5): "执行率:", (4, 6): "90%"}, ("E5:F5",))
    assert _f04(result) == [("G5", "error")], _f04(result)


def test_a_pair_rate_over_the_money_arrived_is_a_warning(tmp_path):
    """成安 2020's pairs 预算数 6.84 │ 到位数 5.00 │ 执行数 5.00 and 执行率 │ 100%: 5/6.84 = 73.10%, but 5/5 (over the money
    arrived, as some forms take it) is 100% — a 警告 naming that reading; with 到位数 6.84 it is an 错误."""
    over_arrived = {(3, 4): "5.00", (4, 4): "5.00", (3, 6): "5.00", (4, 6): "5.00", (3, 7): "执行率", (3, 8): "100%"}
    result = _pairs(tmp_path, "hebei-chengan-gaolingjintie-2020", over_arrived, ("H4:M4",))
    assert _f04(result) == [("I4", "warning")], _f04(result)
    wrong = {(3, 6): "5.00", (4, 6): "5.00", (3, 7): "执行率", (3, 8): "100%"}
    result = _pairs(tmp_path, "hebei-chengan-gaolingjintie-2020", wrong, ("H4:M4",))
    assert _f04(result) == [("I4", "error")], _f04(result)


def test_guard_a_pair_rate_agreeing_or_blank_is_quiet(tmp_path):
    for rate in ("100%", "", "100.00%"):
        result = _pairs(tmp_path, "sichuan-anju-shipinjianguan-2021", {(4, 5): "执行率:", (4, 6): rate}, ("E5:F5",))
        assert not [f for f in result.findings if f.code == "F04" and f.severity.value != "info"], rate


# ---------------------------------------------------------------- T02: a blank weighted score excuses only its weight


def _xinzhou_total(tmp_path, total: str):
    """忻州 2020 (hubei-xinzhou-chujutuan-2020): 预算执行率 分值 10 with its 得分 blank, indicator scores adding to 98."""
    from render import validated, variant

    result = validated(variant("hubei-xinzhou-chujutuan-2020", {"H28": total}), tmp_path)
    return [f.severity.value for f in result.findings if f.code == "T02"]


def test_a_total_beyond_full_marks_on_the_blank_score_stays_an_error(tmp_path):
    """总分 120 over scores of 98 with the 预算执行率得分 (分值 10) blank: review 10d made it a 警告 ('the total may be right
    and the score unfilled'), but even 10 on the blank row makes 108 — 120 is wrong whichever cell was left unfilled."""
    assert _xinzhou_total(tmp_path, "120") == ["error"]


def test_guard_a_total_the_blank_score_could_make_up_stays_a_warning(tmp_path):
    assert _xinzhou_total(tmp_path, "108") == ["warning"]


# ---------------------------------------------------------------- a long clause led by a unit keeps that unit


def _suixi_row(tmp_path, target: str, actual: str):
    """濉溪 2019 (anhui-suixi-linshijiuzhu-2019) row 15 (分值 10, 得分 10): target and actual replaced."""
    from render import validated, variant

    result = validated(variant("anhui-suixi-linshijiuzhu-2019", {"F15": target, "G15": actual}), tmp_path)
    return sorted({(f.code, f.severity.value) for f in result.findings if getattr(f.ref, "row", 0) == 15})


def test_a_target_clause_longer_than_a_unit_keeps_its_leading_unit(tmp_path):
    """ "建成5公里道路并通过验收" │ "5000米": the words after the figure (9 characters) were dropped as too long for a unit,
    so the 5 had none and was read in the actual's 米 — S08 警告 '5000米 为年度指标值的 100000.00%'. Review 10d reads a
    clause led by a unit as the figure's quantity: the 5 is 5 公里, and 5000米 meets it."""
    assert _suixi_row(tmp_path, "建成5公里道路并通过验收", "5000米") == []


def test_a_target_clause_longer_than_a_unit_missed_is_found(tmp_path):
    """ "建成5公里道路并通过验收" │ "4000米" with full marks: a miss (4 < 5 公里) — was the S08 over-completion 警告 only."""
    found = _suixi_row(tmp_path, "建成5公里道路并通过验收", "4000米")
    assert ("S07", "error") in found and ("S08", "warning") not in found, found


# ---------------------------------------------------------------- T02: a 总分 cell labelled and noted


def test_t02_a_labelled_score_beside_its_full_mark_is_the_claimed_score():
    """ "得分85（满分100）" in the 总分 cell: "85（满分100）" claims 85 (review 10e), but with its word 得分 before it the cell
    was read as no figure — the sum 95.5 went uncompared, not even a C02. It claims 85: T02 certain."""
    from rules_helpers import SHEET, cv, good_evaluation, submission

    from perfxl.validate import validate_submission

    found = validate_submission(submission(good_evaluation(total_score=cv("得分85（满分100）", "H19"))), select="T02")
    assert [(f.brief(), f.severity.value) for f in found] == [(("T02", SHEET, "H19"), "error")]
