"""General fixes prompted by held-out batch 15.

1. The 部门总体资金情况 block of a 湖北 部门整体支出绩效目标申报表 — 总体资金情况 │ 当年金额 │ 占比 │ 近两年收支金额 (年 │ 年),
   收入构成 财政拨款 / 其他资金 / 合计, then 支出构成 基本支出 / 项目支出 / 合计 — is read (the sheet was LAYOUT_NO_TABLE) and
   each group is held to its own 合计 by F11; where each line prints its 占比, the one line whose figure disagrees with its
   share is named, not the 合计 that is right.
2. I14: an indicator whose name states its value ("…质量达标率100%") while its 指标值 says another (">=98%").

The shapes are those of real tables in tests/realworld (广水市人民政府办公室 2021: 基本支出 printed 7242318 — the 元 figure —
beside 项目支出 243.96 under 合计 968.1918, its 占比 74.8% giving 724.2318; 南岳 2018 人大代表扶贫基地 申报表), cut down to
what the rules read.
"""

from __future__ import annotations

from report_helpers import error_cells as _errors
from report_helpers import findings_of as _codes
from report_helpers import row_runs as _runs
from report_helpers import workbook_result as _workbook

E = ""

# ---------------------------------------------------------------- 广水 2021: 部门总体资金情况 │ 收入构成 │ 支出构成


def _guangshui(basic="7242318", share="74.8%", project="243.96", project_share="25.2%"):
    """The 申报表's head and its 部门总体资金情况 block as published (基本支出 7242318 │ 74.8%), the 基本支出 line replaceable."""
    rows = [
        ["附件2:", E, E, E, E, E, E],
        ["部门整体支出绩效目标申报表", E, E, E, E, E, E],
        ["填报日期:2021 年 1 月 28 日", E, E, E, E, E, E],
        ["部门(单位) 名称", "广水市人民政府办公室", E, "填报人", "南春锋", "联系电话", "6296906"],
        ["部门总体 资金情况 单位:万元", "总体资金情况", E, "当年 金额", "占比", "近两年收支金额", E],
        [E, E, E, E, E, "年", "年"],
        [E, "收入构成", "财政拨款", "968.1918", E, E, E],
        [E, E, "其他资金", E, E, E, E],
        [E, E, "合计", "968.1918", "100%", E, E],
        [E, "支出构成", "基本支出", basic, share, E, E],
        [E, E, "项目支出", project, project_share, E, E],
        [E, E, "合计", "968.1918", "100%", E, E],
        ["部门职能概述", "(一)负责全市人民防空工作。", E, E, E, E, E],
    ]
    merges = ("A2:G2", "A3:G3", "B4:C4", "A5:A12", "B5:C6", "D5:D6", "E5:E6", "F5:G5", "B7:B9", "B10:B12", "B13:G13")
    return rows, merges


def test_the_block_is_read_and_the_line_its_share_disowns_is_the_error(tmp_path):
    """Failed before (LAYOUT_NO_TABLE, nothing checked): as published, 7242318 + 243.96 = 7242561.96 ≠ 合计 968.1918, and
    only 基本支出's figure disagrees with its 占比 (968.1918 × 74.8% ≈ 724.2; 968.1918 − 243.96 = 724.2318): one F11 错误
    at D10, naming both sums and the share; the 收入 group (968.1918 + blank 其他资金 = 968.1918) is quiet."""
    rows, merges = _guangshui()
    result = _workbook(tmp_path, rows, merges)
    assert not _codes(result, "LAYOUT_NO_TABLE")
    assert _errors(result) == [("F11", "D10")]
    f11 = _codes(result, "F11")[0]
    assert "7242561.96" in f11.message and "968.1918" in f11.message and "支出构成" in f11.message
    assert "74.8%" in f11.basis and "724.2318" in f11.basis
    assert {ref.cell for ref in f11.related} >= {"D12", "D11"}


def test_a_block_that_adds_up_is_read_and_quiet(tmp_path):
    """The same block with 724.2318: header, lines and both 合计 are read (the 年 │ 年 row as the header's second row, the
    blank 其他资金 as a line) and nothing is raised."""
    rows, merges = _guangshui(basic="724.2318")
    result = _workbook(tmp_path, rows, merges)
    assert not _codes(result, "F11") and not _errors(result)
    runs = _runs(result)
    assert any(kind == "header" and first <= 5 and last >= 6 for kind, first, last in runs), runs
    assert not any(kind == "unread" and last >= 7 and first <= 12 for kind, first, last in runs), runs


def test_shares_that_single_out_no_line_leave_the_error_at_the_total(tmp_path):
    """项目支出's share printed wrong too (52.5%): two lines disagree with their shares, so none is singled out — the F11
    错误 stays at the 合计 (D12), as for a block without 占比."""
    rows, merges = _guangshui(project_share="52.5%")
    result = _workbook(tmp_path, rows, merges)
    assert _errors(result) == [("F11", "D12")]


def test_a_total_off_its_lines_whose_shares_agree_is_the_error_at_the_total(tmp_path):
    """A 合计 that is itself wrong: 724.2318 + 243.96 under 合计 986.1918 (digits swapped), both shares agreeing with
    968.1918 rather than the printed 合计 — neither line is singled out, the 错误 is at D12."""
    rows, merges = _guangshui(basic="724.2318")
    rows[11][3] = "986.1918"
    result = _workbook(tmp_path, rows, merges)
    assert _errors(result) == [("F11", "D12")]


# ---------------------------------------------------------------- 南岳 2018: a name that states its value


def _nanyue(name="*贫困地区旅游基础设施建设质量达标率100%", target=">=98%"):
    """The 申报表 as published, cut to its funds, goal and a few indicators; the 质量指标 row replaceable."""
    rows = [
        ["绩效目标申报表", E, E, E, E, E],
        ["项目名称", "2018年市级专项扶贫资金基础设施(人大代表扶贫基地)", E, "项目负责人及电话", "郭铁梅18932106863", E],
        ["主管部门", "南岳镇政府", E, "实施单位", "[610001]湖南省润山润水生态农业发展有限公司", E],
        ["资金情况(万元)", "年度资金总额:", "10", E, E, E],
        [E, "其中:财政拨款", "10", E, E, E],
        [E, "其他资金", "0", E, E, E],
        ["总体目标", "年度目标", E, E, "年度总体目标完成情况", E],
        [E, "为水濂村带来观光游客不少于6万人,村集体收入达6万元。", E, E, E, E],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "备注"],
        [E, "产出指标", "数量指标", "贫困地区旅游景点开发数量( ≥**个 )", ">=4个", E],
        [E, E, "质量指标", name, target, E],
        [E, E, "时效指标", "贫困地区基础设施建设按期完成率(≥**%)", ">=95%", E],
        [E, "效益指标", "社会效益指标", "受益建档立卡贫困人口数≥**人", ">=29人", E],
        [E, "满意度指标", "服务对象满意度指标", "游客满意度(≥**%)", ">=90%", E],
    ]
    merges = (
        "A1:F1",
        "B2:C2",
        "E2:F2",
        "B3:C3",
        "E3:F3",
        "A4:A6",
        "C4:F4",
        "C5:F5",
        "C6:F6",
        "A7:A8",
        "B7:D7",
        "E7:F7",
        "B8:D8",
        "E8:F8",
        "A9:A14",
        "B10:B12",
    )
    return rows, merges


def test_a_name_stating_another_value_than_the_target_is_a_warning(tmp_path):
    """Failed before (nothing said): the name ends "…质量达标率100%" while the 指标值 reads ">=98%" — I14, a 警告 at the
    target (E11) naming both; the placeholders "(≥**个 )", "(≥**%)", "≥**人" state no value and stay quiet."""
    rows, merges = _nanyue()
    result = _workbook(tmp_path, rows, merges)
    found = [(f.ref.cell, f.severity.value) for f in _codes(result, "I14")]
    assert found == [("E11", "warning")], found
    i14 = _codes(result, "I14")[0]
    assert "100%" in i14.message and ">=98%" in i14.message
    assert not _errors(result)


def test_a_name_whose_value_is_the_target_or_no_percent_is_quiet(tmp_path):
    """The same figure in both ("…达标率100%" │ "100%", "=100%"), or a name whose figure is no percentage, or a target that is
    no percentage: nothing to compare, no I14."""
    for name, target in (
        ("*贫困地区旅游基础设施建设质量达标率100%", "100%"),
        ("*贫困地区旅游基础设施建设质量达标率100%", "=100%"),
        ("建设工程20平方米", ">=98%"),
        ("*贫困地区旅游基础设施建设质量达标率100%", "达标"),
    ):
        rows, merges = _nanyue(name, target)
        result = _workbook(tmp_path, rows, merges)
        assert not _codes(result, "I14"), (name, target)


# ---------------------------------------------------------------- 萧县 杨楼 2023: ★ rows scored on their items


def _yanglou(pear_actual="6亩"):
    """The 绩效目标自评表 as published (its head, goals and the 数量指标 block), one item's actual replaceable."""
    rows = [
        ["项目名称", "2023年杨楼社区特色种养殖补贴到户项目", E, E, E, "项目负责人及电话", E, "黄蓓蓓0557-5271001", E],
        ["主管部门", "县农业农村局", E, E, E, "实施单位", E, "杨楼镇人民政府", E],
        ["资金情况 (万元)", E, "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分", E, E],
        [E, "年度资金总额:", "8.408", "8.408", "10", "100.00%", "10", E, E],
        [E, "其中:本年财政拨款", "8.408", "8.408", "10", "100.00%", "10", E, E],
        [E, "其他资金", "0", "0", E, E, E, E, E],
        ["年度总体目标", "年初设定目标", E, E, E, "年度总体目标完成情况综述", E, E, E],
        [
            E,
            "以产业补助的形式对64户脱贫户进行补助,增加脱贫户收入10.9304万元。",
            E,
            E,
            E,
            "落实64户特色种养业奖补政策,增加脱贫户家庭收入10.9304万元",
            E,
            E,
            E,
        ],
        [
            "绩效指标",
            "一级 指标",
            "二级指标",
            "三级指标",
            "分值",
            "年度指标值",
            "全年实际值",
            "得分",
            "未完成原因及拟采取的改进措施",
        ],
        [E, "(50分)", "数量指标", "★补助各类粮食作物种植面积", "10", E, E, "10", E],
        [E, E, E, "红薯种植面积", E, "5.5亩", "5.5亩", E, E],
        [E, E, E, "★补助各类瓜果蔬菜种植面积", "10", E, E, "10", E],
        [E, E, E, "梨树种植面积", E, "6亩", pear_actual, E, E],
        [E, E, E, "桃种植面积", E, "1亩", "1亩", E, E],
        [E, E, E, "★补助家畜家禽养殖数量", "10", E, E, "10", E],
        [E, E, E, "猪养殖数量", E, "80头", "80头", E, E],
        [E, E, E, "羊养殖数量", E, "283只", "283只", E, E],
    ]
    merges = (
        "B1:E1",
        "F1:G1",
        "H1:I1",
        "B2:E2",
        "F2:G2",
        "H2:I2",
        "A3:B3",
        "A4:A6",
        "A7:A8",
        "B7:E7",
        "F7:I7",
        "B8:E8",
        "F8:I8",
        "A9:A17",
        "B10:B17",
        "C10:C17",
    )
    return rows, merges


def test_a_star_row_whose_items_carry_the_values_is_not_scored_without_evidence(tmp_path):
    """Failed before (three S12 警告 "年度指标值和实际完成值均为空"): each ★ row is scored on the items below it, which carry
    their targets and actuals, all met — no S12; the goal row under 年初设定目标 │ 年度总体目标完成情况综述 is read as the
    goals (it was LAYOUT_UNMAPPED_ROW)."""
    rows, merges = _yanglou()
    result = _workbook(tmp_path, rows, merges)
    assert not _codes(result, "S12")
    assert not [f for f in _codes(result, "LAYOUT_UNMAPPED_ROW") if f.ref.row == 8]
    assert not _errors(result)


def test_a_star_row_with_an_item_short_of_its_target_is_still_unsupported(tmp_path):
    """梨树 4亩 against 6亩: the items do not bear out full marks — the S12 警告 stays on that ★ row (H12) only."""
    rows, merges = _yanglou(pear_actual="4亩")
    result = _workbook(tmp_path, rows, merges)
    assert [f.ref.cell for f in _codes(result, "S12")] == ["H12"]


# ---------------------------------------------------------------- a repost's page 4: a score table seen without its header


def test_a_weighted_goals_word_on_a_scored_row_is_no_goals_header(tmp_path):
    """Failed before (a goals block 'read' from "绩效目标(10 )" │ 明确性 │ 5 │ 5, the sheet counted as read, 28 rows
    unmapped and a merge 'across tables'): the 二级 group of a 项目支出 score table whose header is on the previous page is
    no goals header — nothing is read, and the sheet says so (LAYOUT_NO_TABLE), with no merge or goals finding."""
    rows = [
        [E, "项目决策(20 分)", "科学决策(10 分)", "必要性 (政策依据)", "5", "5"],
        [E, E, E, "可行性 (政策完善)", "5", "5"],
        [E, E, "绩效目标(10 )", "明确性", "5", "5"],
        [E, E, E, "合理性", "5", "5"],
        [E, "项目管理(10 分)", "资金管理(7分)", "资金分配", "3", "3"],
        [E, E, E, "资金使用", "4", "4"],
    ]
    result = _workbook(tmp_path, rows, ("B1:B4", "C1:C2", "C3:C4", "B5:B6", "C5:C6"))
    assert _codes(result, "LAYOUT_NO_TABLE")
    assert not _codes(result, "LAYOUT_MERGE_ACROSS_TABLES")
    assert not any(kind == "goal" for kind, _, _ in _runs(result))
