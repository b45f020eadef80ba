"""Review of round 3 session 9's new and changed checks on benign variants — correct tables written the ways real filers
write them — looking for false findings (issue 11: "never cry wolf").

- I14 (a name ending in a percentage other than its 指标值; 南岳 2018 申报表, tests/test_heldout15.py);
- S12 on ★ rows scored on the items below them (萧县 杨楼 2023);
- F11 per group of the 湖北 部门总体资金情况 (收入构成 / 支出构成, 广水 2021);
- G02 under the goals header 年度总体目标完成情况综述;
- F12 (a 成本指标 at the whole budget against the 全年执行数; 鄂州 2021, tests/test_review_session8.py).

Each benign case asserts no finding of the rule under review (and no 错误); each defect case asserts its finding stays.
Cases marked "failed before" raised a false finding on main at 61f962a (quoted).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from report_helpers import errors_of as _errors
from report_helpers import findings_of as _findings
from report_helpers import workbook_result as _workbook
from test_heldout15 import _guangshui, _nanyue, _yanglou
from test_review_session8 import _components, _cost

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

import probe_rewrites as P
from render import CORPUS, load_table, validated

E = ""


def _codes(result, code):
    return [(f.ref.cell, f.severity.value) for f in result.findings if f.code == code]


# ---------------------------------------------------------------- I14: the value a name states


_NAMES_AGREEING = {
    # failed before: a range ending the name, the target inside it — I14 警告 "名称中写明 95%，年度指标值却为“92%”"
    "range, target inside": ("建设质量达标率90%-95%", "92%"),
    # failed before: the range's low end as a floor (I14 警告 "写明 95%" against "≥90%")
    "range, target at its floor": ("建设质量达标率90%-95%", "≥90%"),
    "range without the first %": ("建设质量达标率90-95%", "≥90%"),
    "range with ~": ("建设质量达标率90%~95%", "≥90%"),
    "range with 至": ("建设质量达标率90%至95%", "≥90%"),
    # failed before: a change the name states and the level it gives (100 − 5): I14 警告 "写明 5%，年度指标值却为“≤95%”"
    "a fall and its level": ("能耗较上年降低5%", "≤95%"),
    "a rise and its level": ("农户收入较上年增长10%", "≥110%"),
    # failed before: a name stating several percentages — no one of them the name's target (I14 警告 "写明 20%" against
    # "80%")
    "several percentages": ("资金配套比例中央80%、地方20%", "80%"),
    # quiet before and after
    "a year before the figure": ("2023年覆盖率≥95%", "95%"),
    "a rise stated, the same figure": ("贫困户收入提升5%", "≥5%"),
    "the figure first": ("100%全覆盖", "100%"),
    "printed to more places": ("合格率达到95%", "95.00%"),
    "a number cell": ("合格率达到95%", 0.95),
    "full-width": ("合格率１００％", "100%"),
}


@pytest.mark.parametrize("case", sorted(_NAMES_AGREEING))
def test_a_name_whose_stated_value_the_target_keeps_raises_no_i14(tmp_path, case):
    name, target = _NAMES_AGREEING[case]
    rows, merges = _nanyue(name, target)
    result = _workbook(tmp_path, rows, merges)
    assert not _codes(result, "I14") and not _errors(result), (case, _findings(result, "I14"))


@pytest.mark.parametrize(
    ("name", "target", "stated"),
    [
        ("*贫困地区旅游基础设施建设质量达标率100%", ">=98%", "100%"),  # 南岳 2018 as published
        ("建设质量达标率90%-95%", "≥98%", "90%-95%"),  # a target outside the name's range
        ("能耗较上年降低5%", "≤90%", "5%"),  # a level another than the stated fall gives
        ("補助發放率100%", "≥98%", "100%"),  # traditional characters
    ],
)
def test_a_name_stating_another_value_is_still_a_warning(tmp_path, name, target, stated):
    rows, merges = _nanyue(name, target)
    result = _workbook(tmp_path, rows, merges)
    assert _codes(result, "I14") == [("E11", "warning")]
    assert f"写明 {stated}，" in _findings(result, "I14")[0].message


# ---------------------------------------------------------------- S12: ★ rows scored on their items


def test_a_star_row_whose_score_cells_are_merged_over_its_items_is_scored_on_them(tmp_path):
    """Failed before: the ★ rows' 分值 and 得分 merged down over their items (E10:E11, H10:H11 …), as a filer merging the
    sheet lays them out — three S12 警告 "年度指标值和实际完成值均为空，却给了得分 10": each item sits in its ★ row's
    merged score, so it is that row's item, and all are met. An item short of its target keeps the 警告 (H12)."""
    rows, merges = _yanglou()
    merged = (*merges, "E10:E11", "H10:H11", "E12:E14", "H12:H14", "E15:E17", "H15:H17")
    result = _workbook(tmp_path, rows, merged)
    assert not _codes(result, "S12") and not _errors(result)
    rows, merges = _yanglou(pear_actual="4亩")
    assert _codes(_workbook(tmp_path, rows, (*merges, "E12:E14", "H12:H14")), "S12") == [("H12", "warning")]


def test_items_printed_with_a_weight_and_score_of_zero_are_items(tmp_path):
    """Failed before: the items' 分值 and 得分 printed 0 (not blank) under ★补助各类瓜果蔬菜种植面积 — W04 错误 "“梨树种植面积”
    分值应大于 0，表中为 0" at E13 and E14, and the S12 警告 on the ★ row: a 0 on an item is its having no weight of its
    own, as a blank is. A 0-weight row under an ordinary row (its own target and actual) keeps its W04 错误."""
    rows, merges = _yanglou()
    for r in (12, 13):  # 梨树, 桃
        rows[r][4] = rows[r][7] = "0"
    result = _workbook(tmp_path, rows, merges)
    assert not _codes(result, "W04") and not _codes(result, "S12") and not _errors(result)
    rows[11][5] = rows[11][6] = "29.5亩"  # the ★ row with its own target and actual: 梨树 no longer its item
    assert ("E13", "error") in _codes(_workbook(tmp_path, rows, merges), "W04")


@pytest.mark.parametrize(
    ("target", "actual", "quiet"),
    [
        # failed before: an item met in words (S12 警告 on the ★ row "年度指标值和实际完成值均为空")
        ("按时完成", "已完成", True),
        ("按期完成", "完成", True),
        ("是", "是", True),  # the same text: quiet before too
        ("按时完成", "未完成", False),  # an item not met: the 警告 stays
        ("按时完成", "基本完成", False),
    ],
)
def test_a_star_row_whose_item_is_met_in_words(tmp_path, target, actual, quiet):
    rows, merges = _yanglou()
    rows[12][5], rows[12][6] = target, actual  # 梨树 │ target │ actual under ★补助各类瓜果蔬菜种植面积
    result = _workbook(tmp_path, rows, merges)
    assert _codes(result, "S12") == ([] if quiet else [("H12", "warning")])


# ---------------------------------------------------------------- F11: 部门总体资金情况 in groups


def _hubei(drop_income_total=False, merged=True, basic="724.2318"):
    """广水 2021's 部门总体资金情况 (correct: 724.2318 + 243.96 = 968.1918), its 收入构成 合计 line left out when asked and
    its merges kept or lost (the group label then only on each group's first line)."""
    rows, merges = _guangshui(basic=basic)
    if not drop_income_total:
        return rows, (merges if merged else ("A2:G2", "A3:G3", "B4:C4", "B13:G13"))
    del rows[8]
    if not merged:
        return rows, ("A2:G2", "A3:G3", "B4:C4", "B12:G12")
    return rows, ("A2:G2", "A3:G3", "B4:C4", "A5:A11", "B5:C6", "D5:D6", "E5:E6", "F5:G5", "B7:B8", "B9:B11", "B12:G12")


@pytest.mark.parametrize(
    ("drop", "merged"),
    [
        # failed before: 收入构成 printed with no 合计 of its own — its lines were summed into 支出构成's: F11 错误
        # "部门总体资金情况（收入构成）：各子项之和为 1936.3836，合计栏为 968.1918"
        (True, True),
        (True, False),  # the same, its merges lost
        (False, True),  # as published: quiet before too
        (False, False),
    ],
    ids=["no income 合计", "no income 合计, unmerged", "both 合计", "both 合计, unmerged"],
)
def test_groups_that_add_up_raise_no_f11(tmp_path, drop, merged):
    rows, merges = _hubei(drop, merged)
    result = _workbook(tmp_path, rows, merges)
    assert not _codes(result, "F11") and not _errors(result), _findings(result, "F11")


def test_a_wrong_line_under_the_one_total_is_still_an_error_naming_both_readings(tmp_path):
    """收入构成 without its 合计, 基本支出 printed 7242318 (广水 as published): wrong whichever lines the 合计 totals — the
    错误 stays, its basis giving the 支出构成 lines' own sum too."""
    rows, merges = _hubei(drop_income_total=True, basic="7242318")
    result = _workbook(tmp_path, rows, merges)
    assert [e[0] for e in _errors(result)] == ["F11"]
    assert "若合计只计“支出构成”各行，其和为 7242561.96，亦不符" in _findings(result, "F11")[0].basis


def _of_which(second_part="公用经费", second="124.2318", first="600"):
    """广水's 支出构成 with 基本支出 724.2318 split by a 其中 list on two lines, only the first carrying 其中 (the usual print:
    "其中：人员经费 │ 600" then "公用经费 │ 124.2318")."""
    rows, _ = _guangshui(basic="724.2318")
    rows.insert(10, [E, E, "其中：人员经费", first, E, E, E])
    rows.insert(11, [E, E, second_part, second, E, E, E])
    merges = ("A2:G2", "A3:G3", "B4:C4", "A5:A14", "B5:C6", "D5:D6", "E5:E6", "F5:G5", "B7:B9", "B10:B14", "B15:G15")
    return rows, merges


@pytest.mark.parametrize(
    "second_part",
    [
        # failed before: the list's second part read as one more line of the 合计 — F11 错误 "部门总体资金情况（支出构成）：
        # 各子项之和为 1092.4236，合计栏为 968.1918" (724.2318 + 124.2318 + 243.96); 600 + 124.2318 is 基本支出's 724.2318
        "公用经费",
        "  日常公用经费",  # indented as a part
        "其中：公用经费",  # both lines marked: quiet before too
    ],
)
def test_a_second_part_printed_without_its_own_of_which_is_a_part(tmp_path, second_part):
    result = _workbook(tmp_path, *_of_which(second_part))
    assert not _codes(result, "F11") and not _errors(result), _findings(result, "F11")


def test_a_line_after_an_of_which_that_completes_nothing_is_a_line(tmp_path):
    """苏州's shape: 机房建设 203 │ 其中：设备 100 │ 软件 103 │ 监理服务 7 under 合计 210 — 100 + 103 is 机房建设's 203, so
    软件 is its part (quiet); with 软件 at 50 the parts complete nothing, 软件 is a line and the 合计 is wrong either way."""
    items = [("机房建设", "203", "200"), ("其中：设备", "100", "100"), ("软件", "103", "100"), ("监理服务", "7", "10")]
    assert not _codes(_workbook(tmp_path, _components(items, ("合计", "210", "210"))), "F11")
    items[2] = ("软件", "50", "50")
    assert _codes(_workbook(tmp_path, _components(items, ("合计", "210", "210"))), "F11") == [
        ("D9", "error"),
        ("F9", "error"),
    ]


@pytest.mark.parametrize("number", ["1", "一", "(1)", 1])
def test_numbered_components_are_no_groups(tmp_path, number):
    """A 子项's number in the 子项名称 column, its name beside it (1 │ 机房建设): no group — the lines are held to the 合计
    together (200 + 10 = 210 against 200: the 错误 at F7), never one line alone (guard: quiet before too)."""
    rows = _components([("机房建设", "203", "200"), ("监理服务", "7", "10")], ("合计", "210", "200"))
    rows[4][1:3] = [number, "机房建设"]
    rows[5][1:3] = [number if isinstance(number, int) else number.replace("1", "2").replace("一", "二"), "监理服务"]
    assert _codes(_workbook(tmp_path, rows), "F11") == [("F7", "error")]


def test_components_in_categories_are_held_to_the_one_total(tmp_path):
    """设备购置 (服务器, 交换机) and 工程监理 (监理服务) merged down the 子项名称 column over one 合计: all three lines add up
    to it — quiet; a wrong 合计 is still the 错误 (guard: quiet before too)."""
    rows = _components([("x", "100", "100"), ("x", "103", "100"), ("x", "7", "10")], ("合计", "210", "210"))
    rows[4][1:3], rows[5][1:3], rows[6][1:3] = ["设备购置", "服务器"], [E, "交换机"], ["工程监理", "监理服务"]
    assert not _codes(_workbook(tmp_path, rows, ("B5:B6",)), "F11")
    rows[7][5] = "200"
    assert _codes(_workbook(tmp_path, rows, ("B5:B6",)), "F11") == [("F8", "error")]


# ---------------------------------------------------------------- G02: 年度总体目标完成情况综述


def _goals(expected, actual):
    rows, merges = _yanglou()
    rows[7][1], rows[7][5] = expected, actual
    return rows, merges


@pytest.mark.parametrize(
    ("expected", "actual"),
    [
        # failed before: a bare completion word that the goal happens to hold — G02 警告 "实际完成情况只是重复预期目标
        # （逐字包含在预期目标中）"; it says too little, but copies nothing of the goal
        ("完成64户脱贫户补助", "完成"),
        ("全部完成64户补助任务", "全部完成"),
        ("完成年度目标任务，增加脱贫户收入10.9304万元", "完成年度目标任务"),
        # failed before: nothing written in either ("/" │ "/", "无" │ "无") — G01 says so for both, and G02 added a 警告
        # "实际完成情况只是重复预期目标（逐字包含在预期目标中）" about a cell with nothing in it
        ("/", "/"),
        ("无", "无"),
        # quiet before and after
        ("以产业补助的形式对64户脱贫户进行补助", "已完成"),
        ("对64户脱贫户进行补助", "对64户脱贫户进行补助，实际补助64户，发放资金8.408万元"),
    ],
)
def test_a_completion_word_is_no_restated_goal(tmp_path, expected, actual):
    result = _workbook(tmp_path, *_goals(expected, actual))
    assert not _codes(result, "G02"), _findings(result, "G02")


@pytest.mark.parametrize(
    ("expected", "actual"),
    [
        (
            "落实39户特色种养业奖补政策,增加脱贫户家庭收入",
            "落实39户特色种养业奖补政策,增加脱贫户家庭收入",
        ),  # 河西村 2023
        ("以产业补助的形式对64户脱贫户进行补助,增加脱贫户收入10.9304万元。", "增加脱贫户收入"),  # a fragment copied
        ("完成年度目标任务", "完成年度目标任务"),  # the goal itself only completion words: still copied
    ],
)
def test_a_copied_goal_is_still_a_warning(tmp_path, expected, actual):
    assert _codes(_workbook(tmp_path, *_goals(expected, actual)), "G02") == [("F8", "warning")]


# ---------------------------------------------------------------- F12: the spending printed to fewer places


@pytest.mark.parametrize(
    "executed",
    [
        # failed before: the block prints the spending to fewer places than the cost's actual — F12 警告 "实际完成值
        # 125.25万 却不是资金表的全年执行数 125.3万"; 125.25 is 125.3 at the block's precision
        "125.3万",
        "125.25万",  # the same places: quiet before too
    ],
)
def test_an_actual_that_is_the_spending_at_the_blocks_precision_raises_no_f12(tmp_path, executed):
    result = _workbook(tmp_path, _cost([("运维费", "150万", "125.25万")], executed=executed))
    assert not _codes(result, "F12")


def test_an_actual_off_the_spending_at_either_precision_is_still_a_warning(tmp_path):
    """150 copied into the actual while the block prints 125.3 spent: the 警告 stays."""
    result = _workbook(tmp_path, _cost([("运维费", "150万", "150万")], executed="125.3万"))
    assert _codes(result, "F12") == [("F8", "warning")]


# ---------------------------------------------------------------- I01: approval boxes under the table, merges filled


@pytest.mark.parametrize("filled", [True, False], ids=["merges exported filled", "merged"])
def test_approval_boxes_under_the_table_are_no_indicators(tmp_path, filled):
    """Failed before (filled): 南岳 2018's 申报表 ends with "财政部门支出股室初审意见 │ (盖章)" boxes; with the merges exported
    filled (取消合并并填充) each "(盖章)" stood in the 三级 and 指标值 columns alike — three I01 错误 "三级指标名称与二级指标
    名称相同" on rows that are no indicators. An approval box ends the table like a note, however its merge was saved."""
    rows, merges = _nanyue()
    boxes = ["财政部门支出股室初审意见", "财政部门绩效评价股审核意见", "区扶贫办审核意见"]
    if filled:
        rows += [[box, *["(盖章)"] * 5] for box in boxes]
    else:
        rows += [[box, "(盖章)", E, E, E, E] for box in boxes]
        merges = (*merges, "B15:F15", "B16:F16", "B17:F17")
    result = _workbook(tmp_path, rows, merges)
    assert not _codes(result, "I01") and not _errors(result), _findings(result, "I01")


def test_an_indicator_named_like_an_approval_box_stays_an_indicator(tmp_path):
    """An indicator "出具审核意见" first on its row (its 二级 merged from above) whose 指标值 and 备注 print one text ("100%")
    is no approval box: the table reads on past it (the 质量指标 row's I14, one row lower, is still found). Failed with
    the first cut of the approval rule (any one text after the label), which ended the table there."""
    rows, merges = _nanyue()
    rows.insert(10, [E, E, E, "出具审核意见", "100%", "100%"])
    merges = tuple(m.replace("A9:A14", "A9:A15").replace("B10:B12", "B10:B13") for m in merges)
    assert _codes(_workbook(tmp_path, rows, merges), "I14") == [("E12", "warning")]


# ---------------------------------------------------------------- goals rows of real tables, merges exported filled


@pytest.mark.parametrize(
    ("name", "rewrite"),
    [
        # failed before: 年度总体目标完成情况 (the block's label, also a name of the 实际完成情况 column) repeated down
        # column A made the goal-text row a new goals header, its two filled copies of the 预期目标 text read as the
        # goal and its achievement — G02 警告 "实际完成情况只是重复预期目标（逐字包含在预期目标中）" at C11
        ("anhui-chuzhou-sanzhiyifu-2022", "unmerged_filled"),
        # failed before: a goals row under no column header (年度总体目标 │ goal B:E │ achievement F:J), the goal's
        # merge filled: its copy in C read as the achievement (G02 at C8)
        ("beijing-haidian-xueyuanlu-baojie-2016", "unmerged_filled"),
        # failed before: the title line 项目支出绩效指标表 merged across the table under the goals, filled: read as one
        # more goal whose achievement repeats it (G02 at F11)
        ("yunnan-baoshan-nengyuan-2023", "unmerged_filled"),
        # failed before: the table two columns right and two rows down — the row label 年度总体目标完成情况 in column C
        # kept the 实际完成情况 column for itself (an empty cell): G01 警告 "“实际完成情况”未填写" at C14
        ("anhui-chuzhou-sanzhiyifu-2022", "shifted"),
        ("fujian-ningde-fangzhiwei-bumen-2018", "shifted"),
    ],
)
def test_a_goals_row_laid_out_otherwise_raises_no_goal_finding_the_published_does_not(tmp_path, name, rewrite):
    published = load_table(CORPUS / f"{name}.toml")
    changed, _ = P.REWRITES[rewrite](published)
    found = {code: _goal_findings(changed, tmp_path / "changed", code) for code in ("G01", "G02")}
    before = {code: _goal_findings(published, tmp_path / "published", code) for code in ("G01", "G02")}
    assert {code: len(v) for code, v in found.items()} == {code: len(v) for code, v in before.items()}, found


def _goal_findings(table, out, code):
    return [f.message for f in validated(table, out).findings if f.code == code]
