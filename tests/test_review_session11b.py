"""Review 11b (issue 11, trust): today's table-side additions (held-out batches 17 and 18, review 11) tried with real
phrasings — S16's 未完成原因 reading and copied bounds, I05's unit clash, the Excel-serial date hint. Built from the
held-out tests' shapes of the real tables (休宁 2023, 岳阳楼区 2023, 乌海 2021)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from report_helpers import error_cells as _errors
from report_helpers import findings_of as _codes
from report_helpers import workbook_result as _workbook
from test_heldout17 import _wuhai
from test_heldout18 import _xiuning, _yueyanglou

E = ""
sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))


def _s16_at(result, row):
    return [f for f in _codes(result, "S16") if getattr(f.ref, "row", None) == row]


# ---------------------------------------------------------------- S16: a reason that does not say the row is unfinished


@pytest.mark.parametrize(
    "reason",
    [
        "未完成原因：无",  # the column's title echoed, then 无
        "項目已完成，未完成原因：無",
        "無未完成情況",  # traditional characters: the negation read as in simplified
        "已完成，待审计后支付尾款",  # the money paid after a step, the work done
        "待验收后支付尾款",
        "按期完成，待结算审计后支付",
        "已完成。尚未发现问题",  # nothing has happened yet
        "已完成，尚未出现安全事故",
        "已完成，后续将尽快实施二期工程",  # the row's work done, the loose words of something later
        "无未按期完成情况",
        "未按期完成原因：无",
    ],
)
def test_s16_a_reason_that_does_not_say_the_work_is_unfinished_is_no_contradiction(tmp_path, reason):
    """Failed before: "4个月" │ "4个月" beside each reason was S16 警告 '同行未完成原因写“…”，实际完成值却与年度指标值相同' —
    the reason's 未完成 / 尚未 / 待…后 / 将尽快实施 were read as the row unfinished wherever they stood."""
    rows, merges = _xiuning(reason18=reason)
    result = _workbook(tmp_path, rows, merges)
    assert not _s16_at(result, 13), [(f.code, f.message) for f in _s16_at(result, 13)]


@pytest.mark.parametrize(
    "reason",
    [
        "待資金到位後將儘快實施",
        "已完成主体工程，尚未完成验收",
        "未完成展陳建設",
        "未按期完成",
        "没有按时完成，待资金到位后实施",
        "无法完成",
    ],
)
def test_s16_guard_a_reason_saying_the_work_is_unfinished_still_contradicts(tmp_path, reason):
    """Each says the work is not done. Failed before: 待…後 in traditional characters, and 未按期完成 / 没有按时完成 /
    无法完成 (only 未完成 itself was read) — no S16."""
    rows, merges = _xiuning(reason18=reason)
    result = _workbook(tmp_path, rows, merges)
    found = _s16_at(result, 13)
    assert [f.severity.value for f in found] == ["warning"], [(f.code, f.message) for f in result.findings]


@pytest.mark.parametrize(("target", "actual"), [("95%", "≥95%"), ("≥95%", "＞95%")])
def test_s16_another_bound_than_the_targets_is_no_copy(tmp_path, target, actual):
    """Failed before: S16 警告 '实际完成值连同运算符照抄年度指标值' — but the target "95%" has no operator to copy, and
    "＞95%" against "≥95%" is another bound: either says the target was reached."""
    rows, merges = _xiuning(target16=target, actual16=actual)
    result = _workbook(tmp_path, rows, merges)
    assert not _s16_at(result, 11), [(f.code, f.message) for f in _s16_at(result, 11)]
    assert not _errors(result)


def test_s16_guard_a_copied_bound_stays(tmp_path):
    rows, merges = _xiuning(target16="≤5天", actual16="≤5天")
    result = _workbook(tmp_path, rows, merges)
    assert "照抄" in _s16_at(result, 11)[0].message


# ---------------------------------------------------------------- I05: the unit column against the value


@pytest.mark.parametrize(
    ("value", "unit"),
    [
        ("12个月", "月"),  # the value writes the column's unit as 个月: nothing joined, no 12个 left over
        ("0.5个百分点", "%"),  # a change of a percentage, in a % column
        ("≥0.5个百分点", "%"),
        ("百分之九十五", "%"),  # a figure in words
        ("零", "%"),
        ("—", "%"),  # a placeholder: a blank target, not a value without a figure
        ("5项", "个"),  # one count in two measure words
        ("1000册", "本"),
        ("2场", "次"),
    ],
)
def test_i05_a_value_agreeing_with_its_unit_column_is_no_clash(tmp_path, value, unit):
    """Failed before: I05 警告 at F7 ('年度指标值“12个”自带单位“个”…两者矛盾', '自带单位“百分点”…两者矛盾', '没有数字',
    '自带单位“项”，计量单位栏却是“个”，两者矛盾')."""
    rows, merges = _yueyanglou(value7=value, unit7=unit)
    result = _workbook(tmp_path, rows, merges)
    clash = [f for f in _codes(result, "I05") if f.ref.cell == "F7"]
    assert not clash, [f.message for f in clash]


def test_i05_guard_an_amount_or_words_in_a_percent_column_still_clash(tmp_path):
    rows, merges = _yueyanglou(value7="28.8万元", unit7="%", value8="全覆盖", unit8="%")
    result = _workbook(tmp_path, rows, merges)
    assert {f.ref.cell for f in _codes(result, "I05")} >= {"F7", "F8"}
    rows, merges = _yueyanglou(value7="10户", unit7="人")  # households in a column of people: two things counted
    (tmp_path / "b").mkdir()
    result = _workbook(tmp_path / "b", rows, merges)
    assert "F7" in {f.ref.cell for f in _codes(result, "I05")}


# ---------------------------------------------------------------- I05: the Excel-serial date hint


def test_i05_a_serial_far_from_the_tables_year_is_offered_as_no_date(tmp_path):
    """Failed before: 50000 in the 计量单位 of a 时效 row on a 2021 table — basis '若为 Excel 日期序列号，即 2036-11-21，
    疑为日期被导出成数字'. The number is still no unit (I05); 2036 is no date of a 2021 table. 44561 (2021-12-31) still is."""
    rows, merges = _wuhai(target="8", unit="50000")
    rows[0][0] = "2021年度" + rows[0][0]
    result = _workbook(tmp_path, rows, merges)
    at_h6 = [f for f in _codes(result, "I05") if f.ref.cell == "H6"]
    assert at_h6 and "是数字" in at_h6[0].message and "2036" not in at_h6[0].basis, [f.basis for f in at_h6]
    rows, merges = _wuhai()
    rows[0][0] = "2021年度" + rows[0][0]
    (tmp_path / "b").mkdir()
    result = _workbook(tmp_path / "b", rows, merges)
    assert any("2021-12-31" in f.basis for f in _codes(result, "I05") if f.ref.cell == "H6")


# ---------------------------------------------------------------- F02: a source's items under it (乌海 2021's block)


def _wuhai_block(lines):
    """乌海's head and 投入目标 block with its lines replaced (label, figure), then its indicator header and one row."""
    from test_heldout17 import _wuhai_funds

    base, _ = _wuhai_funds()
    rows = [list(r) for r in base[:3]] + [[E, a, b] + [E] * 7 for a, b in lines] + [list(r) for r in base[6:]]
    n = 3 + len(lines)
    return rows, ("A1:J1", "B2:J2", f"A3:A{n}", f"A{n + 1}:A{n + 2}")


@pytest.mark.parametrize(
    ("lines", "severity"),
    [
        # 其中：财政拨款数 │ 3 over 其中：中央补助 │ 2: the form's source and its item — 3 = 3 + 0, nothing to say
        ([("资金总额", "3"), ("其中: 财政拨款数", "3"), ("其中:中央补助", "2"), ("其他资金", "0")], None),
        # another source's name: item or one more source, the words do not say — a 警告, not '应为 5'
        ([("资金总额", "3"), ("其中: 财政资金", "3"), ("其中:中央补助", "2"), ("其他资金", "0")], "warning"),
        # 一般公共预算 2 + 政府性基金 1 make up 财政拨款数 3 printed above them: its items, as a person may read them
        (
            [
                ("资金总额", "3"),
                ("其中: 财政拨款数", "3"),
                ("一般公共预算", "2"),
                ("政府性基金", "1"),
                ("其他资金", "0"),
            ],
            "warning",
        ),
    ],
)
def test_f02_a_sources_items_under_it_are_no_certain_wrong_total(tmp_path, lines, severity):
    """Failed before: F02 错误 '年度资金总额应为各来源之和 5（或 6），表中为 3' — the items were added as more sources."""
    rows, merges = _wuhai_block(lines)
    result = _workbook(tmp_path, rows, merges)
    assert [f.severity.value for f in _codes(result, "F02")] == ([severity] if severity else [])


def test_f02_guard_sources_that_do_not_add_up_either_way_stay_an_error(tmp_path):
    rows, merges = _wuhai_block([("资金总额", "4"), ("其中: 财政资金", "3"), ("其中:中央补助", "2"), ("其他资金", "0")])
    result = _workbook(tmp_path, rows, merges)
    assert [f.severity.value for f in _codes(result, "F02")] == ["error"]


# ---------------------------------------------------------------- the 预算执行情况表 listing (游仙 2023)


@pytest.mark.parametrize("dash", ["—", ""])
def test_listing_a_line_whose_totals_are_blank_over_a_sources_money_is_read(tmp_path, dash):
    """Failed before: 安置点建设项目 with its 预算额度 合计 and 执行 合计 printed "—" (or left blank) over 一般公共预算 52.00
    was skipped as a heading line — nothing said of a 合计 missing over 52.00 of money. It is a line: F02 names the blank
    budget total (a 警告); the executed total "—" over sources of 0 is no money, nothing to fill in (no finding at G11)."""
    from test_review_session11 import _listing, _youxian

    head, lines = _listing()
    lines[4] = ["游仙街道、石马镇安置点建设项目跟踪审计", dash, "52.00", *["0.00"] * 3, dash, *["0.00"] * 4, dash]
    assert len(lines[4]) == 12
    result = _youxian(tmp_path, head, lines)
    f02 = [(f.ref.cell, f.severity.value) for f in _codes(result, "F02")]
    assert f02 == [("B11", "warning")], f02
    assert not _errors(result)


# ---------------------------------------------------------------- T02: a 总分 cell whose note names the score


@pytest.mark.parametrize(
    ("total", "severity"),
    [
        ("总分100（得分95.5）", None),
        ("总分：100分（自评得分95.5分）", None),
        ("100分（其中自评95.5）", None),
        ("总分100（得分85）", "error"),  # the claimed 85 is off the sum 95.5
        ("得分85（满分100）", "error"),  # review 11's reading stays: 85 claimed beside its full mark
    ],
)
def test_t02_a_note_naming_the_score_holds_the_claimed_score(total, severity):
    """Failed before (the first three): T02 错误 '总分应为 95.5，表中为 总分100（得分95.5）' — the figure before the bracket
    was taken as the claim, but there it is the full mark and the note names the score (95.5, the sum)."""
    from rules_helpers import cv, good_evaluation, submission

    from perfxl.validate import validate_submission

    found = validate_submission(submission(good_evaluation(total_score=cv(total, "H19"))), select="T02")
    assert [f.severity.value for f in found] == ([severity] if severity else []), [f.message for f in found]


# ---------------------------------------------------------------- funds pairs: 执行率 │ — on one row


def test_a_pair_rate_printed_as_a_placeholder_is_as_blank(tmp_path):
    """Failed before: 安居 2021's pairs with 执行率: │ — (no rate printed) gave F04 警告 '执行率应为 100.00%，表中为（空）',
    while a blank rate cell there is quiet (review 11's guard): "—" is the same unfilled cell."""
    from test_review_session11 import _f04, _pairs

    result = _pairs(tmp_path, "sichuan-anju-shipinjianguan-2021", {(4, 5): "执行率:", (4, 6): "—"}, ("E5:F5",))
    assert not [f for f in result.findings if f.code == "F04" and f.severity.value != "info"], _f04(result)


def test_i03_half_a_year_is_a_figure_in_words(tmp_path):
    """Failed before: 苏州 灾备切换速度 with 年度指标值 "≤半年" was I03 错误 '定量指标值不是数值' — 半年 is 0.5 年, a figure in
    words like "≤两个月" (I03 警告: perfxl does not convert it; a person judges)."""
    import dataclasses

    from render import CORPUS, load_table, validated

    table = load_table(CORPUS / "jiangsu-suzhou-caizheng-zaibei-2021.toml")
    rows = [list(r) for r in table.rows]
    rows[32][3], rows[32][5] = "≤半年", "6个月"
    result = validated(dataclasses.replace(table, rows=rows), tmp_path)
    i03 = [f.severity.value for f in _codes(result, "I03") if f.ref.row == 33]
    assert i03 == ["warning"], i03
