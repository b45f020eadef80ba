"""Small trust fixes of issue 11 ("never cry wolf; every finding states its basis"), each built from the real cells of
the corpus table its test names:

- S18 with the head's money in different units by label ("计划投资额(元)" │ "实际到位资金(万元)");
- B02 from a 基本概况 line printing counts with their measure word ("人员编制 21人 │ 实有人数 23人");
- T07 on ★ rows whose items print 分值 0 and 得分 0;
- F11's message naming what its basis says when one 合计 closes both groups.

Cases marked "failed before" raised a false finding (or missed a true one) on main at c1b0cf9 (quoted).
"""

from __future__ import annotations

import pytest
from report_helpers import errors_of as _errors
from report_helpers import workbook_result as _workbook
from test_corpus_misses9 import _hainan
from test_heldout15 import _yanglou
from test_review_session9 import _hubei
from test_staffing_overview import _report

E = ""


def _at(result, code):
    return [f for f in result.findings if f.code == code]


# ---------------------------------------------------------------- S18: the head's money in the units its labels state


def _hainan_units(planned_label, planned, arrived_label, arrived, score="3"):
    """海南 服务贸易 自评表 (tests/realworld/hainan-shangwuting-fuwumaoyi.toml) with its head money relabelled."""
    rows, merges = _hainan(arrived=arrived, score=score)
    rows[3][0], rows[3][2], rows[3][3] = planned_label, planned, arrived_label
    return rows, merges


def test_head_money_in_yuan_against_wan_yuan_is_compared_in_one_unit(tmp_path):
    """Failed before: 计划投资额(元) 5700000 against 实际到位资金(万元) 570 read as a 0.01% 到位率 — S18 警告 "按比例 0"
    on full marks for money all arrived. In one unit 570 万元 = 5700000 元: 100%, silent."""
    result = _workbook(tmp_path, *_hainan_units("计划投资额 (元)", "5700000", "实际到位资金 (万元)", "570"))
    assert not _at(result, "S18") and not _errors(result), [(f.code, f.message) for f in result.findings]


def test_head_money_in_different_units_keeps_a_true_warning_and_says_the_conversion(tmp_path):
    """398.88 万元 of 5700000 元 = 69.98%: full marks stay a 警告, its basis naming the units and the conversion."""
    result = _workbook(tmp_path, *_hainan_units("计划投资额 (元)", "5700000", "实际到位资金 (万元)", "398.88"))
    found = _at(result, "S18")
    assert [f.ref.cell for f in found] == ["G8"] and found[0].severity.value == "warning"
    said = found[0].message + (found[0].basis or "")
    assert "69.98%" in said and "398.88 万元/5700000 元" in said and "折合 3988800 元" in said, said


@pytest.mark.parametrize(
    ("planned_label", "planned", "arrived_label", "arrived"),
    [
        ("计划投资额 (元)", "5700000", "实际到位资金", "398.88"),  # 万元 by the look of it, not by the cells
        ("计划投资额", "5700000", "实际到位资金 (万元)", "398.88"),
    ],
)
def test_a_unit_missing_on_one_side_with_magnitudes_apart_raises_nothing(
    tmp_path, planned_label, planned, arrived_label, arrived
):
    """Failed before: a unit stated on one side only, the rate 0.007% — S18 警告 "按比例 0": the rate rests on a guess at
    the missing unit, so no finding does. The same labels with amounts of one magnitude keep the 警告."""
    result = _workbook(tmp_path, *_hainan_units(planned_label, planned, arrived_label, arrived))
    assert not _at(result, "S18"), [(f.code, f.message) for f in result.findings]
    result = _workbook(tmp_path, *_hainan_units(planned_label, "570", arrived_label, arrived))
    assert [f.ref.cell for f in _at(result, "S18")] == ["G8"]


# ---------------------------------------------------------------- B02: counts printed with their measure word


@pytest.mark.parametrize(
    ("establishment", "actual"), [("21人", "23人"), ("21 人", "23 人"), ("21名", "23名"), ("21", "23人")]
)
def test_an_overview_staffing_line_with_measure_words_is_read(tmp_path, establishment, actual):
    """Failed before: "人员编制 │ 21人 │ 实有人数 │ 23人" on 岳阳县新开镇 2021's 基本概况 line (tests/realworld/
    hunan-yueyangxian-xinkaizhen-bumen-2021.toml, 城管监督指挥中心 2018's 21 posts) was not read — no B02, where the bare
    numbers give its 警告. A count with its measure word is the same count: B02 at H8, a 警告 naming both figures."""
    result = _workbook(tmp_path, *_report(establishment=establishment, actual=actual))
    found = _at(result, "B02")
    assert [(f.ref.cell, f.severity.value) for f in found] == [("H8", "warning")], found
    assert "21" in found[0].message and "23" in found[0].message and "多 2 人" in (found[0].basis or "")
    assert not _errors(result)


@pytest.mark.parametrize("actual", ["2万人", "23亩", "23人次", "23个"])
def test_a_figure_with_another_unit_is_no_head_count(tmp_path, actual):
    """ "2万人" (a count in ten thousands), "亩", "人次", "个": no head count on the staffing line — not read, no B02."""
    result = _workbook(tmp_path, *_report(establishment="21", actual=actual))
    assert not _at(result, "B02") and not _errors(result)


# ---------------------------------------------------------------- T07: ★ items printed 0 │ 0 are no indicators of their own


def _yanglou_zeros(star_rows=3):
    """萧县 杨楼 2023 (tests/realworld/anhui-xiaoxian-yanglou-zhongyang-2023.toml) with the ★ rows' items printing 分值 0
    and 得分 0 (not blank), the first `star_rows` ★ blocks kept."""
    rows, merges = _yanglou()
    for r in (10, 12, 13, 15, 16):
        rows[r][4] = rows[r][7] = "0"
    return rows[: {1: 11, 2: 14, 3: 17}[star_rows]], merges


def _closed(rows, merges):
    """The table closed by a 总分 row: T07 judges "every indicator" of a whole table only (tests/test_noise14.py — the
    published 杨楼 block is cut short, 10 + 30 of 100 shown)."""
    return [*rows, ["总分", E, E, E, "100", E, E, "100", E]], merges


def test_all_full_marks_counts_only_the_weighted_rows(tmp_path):
    """Failed before: T07 "全部 8 个指标均为满分" — the five items 梨树种植面积 │ 0 │ … │ 0 counted as indicators at full marks
    (0 of 0). They carry no weight of their own (their ★ row does, as W04/S12 read them): "全部 3 个指标"."""
    result = _workbook(tmp_path, *_closed(*_yanglou_zeros()))
    found = _at(result, "T07")
    assert len(found) == 1 and "全部 3 个指标" in found[0].message, [f.message for f in found]
    assert "另有 5 行分值为 0" in (found[0].basis or "")


def test_a_weight_sum_counts_only_the_weighted_rows(tmp_path):
    """Failed before: W03's basis "8 个指标分值合计 30" counted the five 0 │ 0 items; the sum is over the three ★ rows."""
    result = _workbook(tmp_path, *_yanglou_zeros())
    found = _at(result, "W03")
    assert found and all("3 个指标" in (f.basis or "") and "8 个指标" not in (f.basis or "") for f in found), [
        f.basis for f in found
    ]


def test_the_rows_left_out_are_the_zero_weighted_ones_only(tmp_path):
    """Failed before: a fourth ★ row at 10 of 10 and a row scored 5 with its 分值 blank (a row with a score is weighted,
    though its weight is unread) — "另有 4 行" counted the numeric weights minus the weighted rows; the five 0 │ 0 items
    are what was left out."""
    rows, merges = _yanglou_zeros()
    rows += [
        [E, E, E, "★补助水产养殖面积", "10", E, E, "10", E],
        [E, E, E, "鱼塘面积", E, "2亩", "2亩", "5", E],
    ]
    found = _at(_workbook(tmp_path, *_closed(rows, merges)), "T07")
    assert len(found) == 1 and "另有 5 行分值为 0" in (found[0].basis or ""), [f.basis for f in found]


def test_two_star_rows_full_with_zero_items_are_no_all_full_marks_pattern(tmp_path):
    """Failed before: two ★ rows at 10 of 10 and their three 0 │ 0 items — T07 "全部 5 个指标均为满分" on what is two
    weighted rows, below T07's three."""
    result = _workbook(tmp_path, *_yanglou_zeros(star_rows=2))
    assert not _at(result, "T07"), [f.message for f in _at(result, "T07")]


# ---------------------------------------------------------------- F11: the block its basis sums


@pytest.mark.parametrize("merged", [True, False], ids=["merged", "unmerged"])
def test_one_total_closing_both_groups_is_named_with_both(tmp_path, merged):
    """Failed before: 广水 2021's 部门总体资金情况 (tests/realworld/hubei-guangshui-zhengfuban-bumen-mubiao-2021.toml, 收入构成 printed without its
    own 合计, 基本支出 7242318) — F11 错误 "部门总体资金情况（收入构成）：各子项之和为 7243530.1518", while the sum is over
    the 收入构成 and the 支出构成 lines under the one 合计. The message names both groups, as its basis sums them."""
    rows, merges = _hubei(drop_income_total=True, basic="7242318", merged=merged)
    found = _at(_workbook(tmp_path, rows, merges), "F11")
    assert len(found) == 1 and found[0].severity.value == "error"
    assert "部门总体资金情况（收入构成、支出构成）：各子项之和为 7243530.1518" in found[0].message, found[0].message


def test_each_group_under_its_own_total_keeps_its_own_name(tmp_path):
    """广水 as published (each group closed by its 合计): the 支出构成 error names 支出构成 alone."""
    rows, merges = _hubei(basic="7242318")
    found = _at(_workbook(tmp_path, rows, merges), "F11")
    assert len(found) == 1 and "部门总体资金情况（支出构成）" in found[0].message, [f.message for f in found]
