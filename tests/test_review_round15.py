"""Review round 15: FALSE ALARMS of round 14's new rules. Round 14 (563cb35..31dc9cc) ran F02/F03/F04 on 申报表 and
执行监控表 funds blocks, held 公用经费 to its named 其中 items (B03, 错误), read a target without operator under 成本指标
as ≤ (a guess), read a grade stated in a text cell ("自评等级：良") and a total stated above the table ("项目总得分98.41分"),
held a 评分表's 一级/二级 分值 to the rows under them (W02), read "9.5（扣0.5分）" as 9.5 and "示范区面积（20分）" as a
weight, ran S07 on grade targets, read "一、三公经费" as numbering and 年末实有人数 as 在职, and took a funds row labelled
…合计/总额/总计 as the total. Each is a new way to call a correct table wrong.

Each one-sheet workbook below is CORRECT, typed the way real provinces print their forms (tests/realworld and the
bases of rounds 11, 12 and 14), and aimed at one edge of those rules; every figure is worked out by hand in the comment
above its case (执行率 = 执行数/预算数 rounded half up at the places printed; score = 分值 × min(1, 实际/目标)). Each asserts
no 错误 anywhere and no finding (警告 or 错误) of the codes that would misread it (where a 警告 is the right reading — a
blank source, a note to read — the test says so and checks its basis). The tests before the guard failed when written
(one per distinct cause, parametrised over its cases); sections 1b and 9 were found in a second pass after the first
fixes; the guard holds the cases perfxl already reads right."""

from __future__ import annotations

import copy
import re

import pytest
from report_helpers import pad
from report_helpers import workbook_result as _workbook
from test_review_round14 import BASES, build

E = ""
RANK = {"info": 1, "warning": 2, "error": 3}


def _insert(rows: list, merges: list[str], at: int, *new: list) -> tuple[list, list[str]]:
    """`new` rows inserted so the first becomes row `at` (1-based); merges below move down, merges across grow."""
    n = len(new)
    rows = [*rows[: at - 1], *copy.deepcopy(list(new)), *rows[at - 1 :]]
    out = []
    for m in merges:
        (c1, r1), (c2, r2) = re.findall(r"([A-Z]+)(\d+)", m)
        r1, r2 = int(r1), int(r2)
        if r1 >= at:
            r1, r2 = r1 + n, r2 + n
        elif r2 >= at:
            r2 += n
        out.append(f"{c1}{r1}:{c2}{r2}")
    return rows, out


def _edit(base: str, plant: dict[str, object]):
    return lambda: build(base, plant)


# ---------------------------------------------------------------- 执行监控表 (F02/F03/F04 on a monitoring form)


def mon_initial_only():
    """A 监控表 printing no 全年预算数 (年初预算数 │ 1-7月执行数 │ 1-7月执行率 │ 全年预计执行数): the rate is against the
    only budget printed. 192/300 = 64.00%; 财政拨款 180/280 = 64.2857..% → 64.29%; 上年结转 12/20 = 60.00%.
    Sums: 280 + 20 + 0 = 300; 180 + 12 + 0 = 192; 预计 280 + 20 + 0 = 300."""
    rows, merges = BASES["MON"]()
    rows[4][2:7] = ["年初预算数", "1-7月执行数", "1-7月执行率", "全年预计执行数", E]
    rows[5][2:7] = [300, 192, "64.00%", 300, E]
    rows[6][2:7] = [280, 180, "64.29%", 280, E]
    rows[7][2:7] = [20, 12, "60.00%", 20, E]
    rows[8][2:7] = [0, 0, E, 0, E]
    return rows, merges


def mon_rate_on_initial_budget():
    """The 中央 监控表 (MON) filled by a unit that measures progress against the 年初预算数, on every row it can: 年度资金
    总额 192/300 = 64.00%; 财政拨款 180/300 = 60.00%; 上年结转 (年初 0) "—". The form does not say which budget its 1-7月
    执行率 is against: a 警告 saying so is right (round 14), an 错误 is not."""
    rows, merges = BASES["MON"]()
    rows[5][5], rows[7][5] = "64.00%", "—"
    return rows, merges


def mon_budget_raised():
    """A 监控表 whose budget was raised: 年初 200, 全年 320, 1-7月 250 (more than the 年初 budget, within the year's):
    250/320 = 78.125% → 78.13%; 财政拨款 200/300/238 → 238/300 = 79.333..% → 79.33%; 上年结转 0/20/12 → 60.00%.
    200 + 0 + 0 = 200; 300 + 20 + 0 = 320; 238 + 12 + 0 = 250."""
    rows, merges = BASES["MON"]()
    rows[5][2:7] = [200, 320, 250, "78.13%", 320]
    rows[6][2:7] = [200, 300, 238, "79.33%", 300]
    rows[7][2:7] = [0, 20, 12, "60.00%", 20]
    return rows, merges


def mon_partial_sources():
    """A 监控表 listing only 其中：财政拨款 under 年度资金总额 (the 上年结转 20 is not itemised): 320 total, 300 of it 财政
    拨款; 1-7月 192/320 = 60.00%, 180/300 = 60.00%. 其中 ("of which") need not list every source."""
    rows, merges = BASES["MON"]()
    rows[7] = pad([], 9)
    rows[8] = pad([], 9)
    return rows, merges


# ---------------------------------------------------------------- 申报表 and 自评表 sources listed under 其中


def decl_nested_of_which():
    """A 申报表 whose 财政拨款 has its own 其中 (中央补助): 年度资金总额 300 = 财政拨款 300 + 其他资金 0, and 中央补助 200 is
    part of the 300 财政拨款, not a third source; 中期 900 = 900 + 0 (中央补助 600 of the 900)."""
    rows, merges = BASES["DECL"]()
    return _insert(rows, merges, 8, pad([E, "其中：中央补助", 600, E, "其中：中央补助", 200], 7))


def p_nested_of_which():
    """P (10号 自评表) whose 当年财政拨款 has its own 其中：中央补助资金 60 │ 60 │ 57 (57/60 = 95.00%): 年度资金总额 100 │ 120 │
    114 = 当年财政拨款 100 │ 110 │ 104 + 上年结转 0 │ 10 │ 10 + 其他 0; the 中央 money is inside the 104."""
    rows, merges = BASES["P"]()
    return _insert(rows, merges, 8, pad([E, "其中：中央补助资金", 60, 60, 57, "—", "95.00%", "—"]))


def p_every_source_of_which():
    """P with every source written "其中：…" (中央资金 60 │ 60 │ 57 and 省级资金 40 │ 60 │ 57 in place of 当年财政拨款 and 上年
    结转): 年度资金总额 100 │ 120 │ 114 = 60 + 40 │ 60 + 60 │ 57 + 57 (+ 其他资金 0); 57/60 = 95.00% each. The second
    "其中" is another source here, not a sub-item of the first."""
    return build(
        "P",
        {
            "B7": "其中：中央资金",
            "C7": 60,
            "D7": 60,
            "E7": 57,
            "G7": "95.00%",
            "B8": "其中：省级资金",
            "C8": 40,
            "D8": 60,
            "E8": 57,
            "G8": "95.00%",
        },
    )


def p_subtotal_between_sources():
    """P with a 财政资金小计 row after its two 财政 sources: 当年财政拨款 100 │ 110 │ 104 + 上年结转 0 │ 10 │ 10 = 财政资金小计
    100 │ 120 │ 114 (95.00%), then 其他资金 0: the 年度资金总额 100 │ 120 │ 114 is the sources without the subtotal."""
    rows, merges = BASES["P"]()
    return _insert(rows, merges, 9, pad([E, "财政资金小计", 100, 120, 114, "—", "95.00%", "—"]))


def decl_year_source_blank():
    """The 申报表 (DECL) with its 年度 其中：财政拨款 left blank (中期 900 = 900 + 0 filled; 年度 300 with 财政拨款 （空） and
    其他资金 0): every figure printed is right — the blank 年度 cell is unfilled, and may hold the 300."""
    return build("DECL", {"F7": ""})


def mon_carryover_execution_blank():
    """The 监控表 (MON) with 上年结转资金's 1-7月执行数 and 执行率 left blank: 年度资金总额 192 (= 财政拨款 180 + 结转 12,
    the 12 not typed in its row). Nothing printed is wrong; a source is unfilled."""
    return build("MON", {"E8": "", "F8": ""})


# ---------------------------------------------------------------- 基础数据表 (B03 公用经费, numbering, 年末实有人数)


def bd_public_subset():
    """BD whose 公用经费 lists one named item only (其中：办公经费 30 │ 30 │ 28 ≤ 80 │ 82 │ 79); the other two rows left out."""
    rows, merges = BASES["BD"]()
    del rows[16:18]
    return rows, merges


def bd_public_items_with_project_money():
    """BD whose 会议费、培训费 row counts the meetings and training paid from 项目支出 too, as its note says: 公用经费 80 │
    82 │ 79 (基本支出's 公用经费); 办公经费 30 │ 30 │ 28, 水费、电费、差旅费 20 │ 22 │ 21, 会议费、培训费 35 │ 36 │ 34 (of which
    25 │ 26 │ 25 from 项目支出, so 10 │ 10 │ 9 from 公用经费: 30 + 20 + 10 = 60 ≤ 80, 28 + 21 + 9 = 58 ≤ 79). Added up
    as printed, 28 + 21 + 34 = 83 > 79 — right by the note."""
    rows, merges = BASES["BD"]()
    rows[17] = ["会议费、培训费", 35, 36, 34]
    rows.append(pad(["注：会议费、培训费含项目支出安排的会议费、培训费（年初25万元、全年26万元、决算25万元）。"], 4))
    return rows, merges


def bd_numbered_labels():
    """BD with every money label numbered the way forms do: （一）三公经费, 1.公务用车购置和维护经费, ①公车购置,
    ②公车运行维护, 2.出国经费, 3.公务接待, （二）项目支出, （三）公用经费. Same figures: 三公 8 + 0 + 4.5 = 12.5, 7.2 + 0
    + 3.6 = 10.8; 车 0 + 8 = 8, 0 + 7.2 = 7.2; 公用经费 30 + 20 + 10 = 60 ≤ 80/82, 58 ≤ 79."""
    rows, merges = BASES["BD"]()
    for r, label in {
        5: "（一）三公经费",
        6: "1.公务用车购置和维护经费",
        7: "①公车购置",
        8: "②公车运行维护",
        9: "2.出国经费",
        10: "3.公务接待",
        11: "（二）项目支出",
        14: "（三）公用经费",
    }.items():
        rows[r][0] = label
    return rows, merges


def bd_ordinals_everywhere():
    """BD numbered with Chinese ordinals on every parent (一、三公经费 / 二、项目支出 / 三、公用经费 / 四、政府采购金额).
    Same figures as BD."""
    rows, merges = BASES["BD"]()
    rows[5][0], rows[11][0], rows[14][0], rows[18][0] = (
        "一、三公经费",
        "二、项目支出",
        "三、公用经费",
        "四、政府采购金额",
    )
    return rows, merges


def bd_year_end_with_retired():
    """A 基础数据表 printing the 部门决算 staff columns: 编制数 45 │ 年末实有人数 60 │ 其中：在职人员 42 │ 离退休人员 18 │
    控制率 93.33% (在职 42/45 = 93.333..%; 实有 60 = 在职 42 + 离退休 18). 在职 42 ≤ 编制 45: no one over the
    establishment — the 60 counts the retired."""
    rows, _merges = BASES["BD"]()
    rows = [pad(r, 6) for r in rows]
    rows[2] = ["财政供养人员情况", "编制数", "年末实有人数", "其中：在职人员", "离退休人员", "控制率"]
    rows[3] = [E, 45, 60, 42, 18, "93.33%"]
    return rows, ["A1:F1", "A2:F2"]


# ---------------------------------------------------------------- 成本指标 without operator (direction by group)

# P's 成本指标 row 17 (分值 5, full marks), re-typed as a higher-is-better cost indicator without operator.
COST = {
    # 成本节约率 5% planned, 6% saved: more saved is better (like 降低率): met, 5 of 5.
    "p_cost_saving_rate": {"D17": "成本节约率", "E17": "5%", "F17": "6%"},
    # 政府采购节约资金 10万元 planned, 12万元 saved: met, 5 of 5.
    "p_cost_saving_amount": {"D17": "政府采购节约资金", "E17": "10万元", "F17": "12万元"},
}


# ---------------------------------------------------------------- grades stated in text (T04)


def p_grade_conclusion_row():
    """P with a 自评结论 row of prose after its grade row ("自评结论：项目实施情况良好，绩效目标基本实现。"): the grade is
    the 优 of row 23 (总分 98.5 ≥ 90); the conclusion is a sentence, not a grade."""
    rows, merges = BASES["P"]()
    rows.append(pad(["自评结论：项目实施情况良好，绩效目标基本实现。"]))
    return rows, merges


def p_grade_conclusion_two_cells():
    """P with the conclusion in two cells under its grade row: "自评结论 │ 项目按计划实施，带动就业略低于目标，总体良好。"."""
    rows, merges = BASES["P"]()
    rows.append(pad(["自评结论", "项目按计划实施，带动就业略低于目标，总体良好。"]))
    return rows, merges


def p_grade_legend_plain():
    """P with the legend typed without brackets: "自评等级：90分（含）以上为优，80-90分为良，60-80分为中，60分以下为差"."""
    rows, merges = BASES["P"]()
    rows.append(pad(["自评等级：90分（含）以上为优，80-90分为良，60-80分为中，60分以下为差"]))
    return rows, merges


# ---------------------------------------------------------------- totals stated above a table (T02)


def two_tables_second(stated_first: str | None, stated_second: str | None):
    """Two 10号 自评表 on one sheet (round 14's P2): the first as P (98.5); the second's 带动就业人数 40 of ≥50 → 10 × 0.8
    = 8 (reason given), so its 总分 9.5 + 89 − 1 = 97.5 → 优. The year row under each title may state its total."""
    rows, merges = BASES["P2"]()
    rows[41][5], rows[41][7] = "40人", 8  # row 42
    rows[45][7] = 97.5  # row 46: 总分
    if stated_first is not None:
        rows[1][0] = stated_first
    if stated_second is not None:
        rows[25][0] = stated_second
    return rows, merges


def p_full_mark_line():
    """P with its year row replaced by "总分：100分" — the form's full mark (the 总分 row's 分值 100), not its score."""
    rows, merges = BASES["P"]()
    rows[1][0] = "总分：100分"
    return rows, merges


# ---------------------------------------------------------------- 评分表 with a 分值 after every level (W02)


def hs_unmerged():
    """HS (round 14's 评分表) with no merged cells: the 一级 and 二级 labels and their 分值 repeated on every row of theirs
    (as exported from a database). 投入 20 = 预算配置 20 = 10 + 10; 过程 30 = 预算执行 30 = 15 + 15; 99 as in HS."""
    rows, _ = BASES["HS"]()
    rows[3][:4] = ["投入", 20, "预算配置", 20]
    rows[5][:4] = ["过程", 30, "预算执行", 30]
    return rows, ["A1:H1"]


def hs_two_level2():
    """A 评分表 whose 一级 过程 30 has two 二级: 预算执行 20 (预算完成率 10 + 预算控制率 10, scored 10 + 9) and 预算管理 10
    (资金使用合规性 5 + 管理制度健全性 5). 投入 20 = 预算配置 20 = 10 + 10; 产出 30; 效果 20. 得分 10 + 10 + 10 + 9 + 5 + 5 + 30
    + 20 = 99; 分值 100."""
    crit = "按评分标准计分"
    t = [
        pad(["部门整体支出绩效评价指标表"], 8),
        ["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "评价标准", "得分"],
        ["投入", 20, "预算配置", 20, "在职人员控制率", 10, crit, 10],
        [E, E, E, E, "“三公经费”变动率", 10, crit, 10],
        ["过程", 30, "预算执行", 20, "预算完成率", 10, crit, 10],
        [E, E, E, E, "预算控制率", 10, crit, 9],
        [E, E, "预算管理", 10, "资金使用合规性", 5, crit, 5],
        [E, E, E, E, "管理制度健全性", 5, crit, 5],
        ["产出", 30, "职责履行", 30, "重点工作实际完成率", 30, crit, 30],
        ["效果", 20, "履职效益", 20, "社会效益", 20, crit, 20],
        ["总分", 100, E, E, E, E, E, 99],
    ]
    merges = ["A1:H1", "A3:A4", "B3:B4", "C3:C4", "D3:D4", "A5:A8", "B5:B8", "C5:C6", "D5:D6", "C7:C8", "D7:D8"]
    return t, [*merges, "B11:G11"]


# ---------------------------------------------------------------- figures with a bracketed note


NOTES = {
    # 带动就业人数 45 of ≥50 → 10 × 0.9 = 9, written with its full mark "9（满分10）".
    "p_score_full_mark_note": {"H18": "9（满分10）"},
    # the 全年预算数 with what it holds, "120（含上年结转10）": 120.
    "p_money_with_note": {"D6": "120（含上年结转10）"},
    # the actual with its detail, "45人（其中女性20人）": 45 of ≥50 → 9.
    "p_actual_with_detail": {"F18": "45人（其中女性20人）"},
}


# ---------------------------------------------------------------- weights in 三级 names


def t06_spaced_weights():
    """Round 11's 云南 隆阳 form with the weights in the names typed "（ 20 分 ）", "(20分)", "（20 分）": the same weights 20,
    scores 20 + 20 + 18 + 20 = 78, funds 18: total 96."""
    rows, merges = BASES["T06"]()
    rows[5][3] = "示范区面积（ 20 分 ）"
    rows[6][3] = "化肥使用量减少(20分)"
    rows[7][3] = "示范区亩均增收（20 分）"
    return rows, merges


def p_criterion_in_name():
    """P with one 三级 name ending in a score that is its criterion, not its weight: "学员结业考核平均成绩（80分）" │ ≥80分 │
    85分 │ 10 │ 10 (P's 培训合格率 row, 分值 column present)."""
    return build("P", {"D15": "学员结业考核平均成绩（80分）", "E15": "≥80分", "F15": "85分"})


# ---------------------------------------------------------------- grade targets (S07)

GRADES = {
    # 服务站持续运行 (分值 10): target 合格, actual 良好 — above a pass: met, 10 of 10.
    "p_grade_pass_vs_good": {"D20": "服务站运行质量", "E20": "合格", "F20": "良好"},
    # target 优良 (优 or 良), actual 良: met.
    "p_grade_youliang": {"D20": "服务站运行质量", "E20": "优良", "F20": "良"},
    # target 良好及以上, actual 良好: met.
    "p_grade_good_or_above": {"D20": "服务站运行质量", "E20": "良好及以上", "F20": "良好"},
}


# ---------------------------------------------------------------- numbering before labels


def p_numbered_funds():
    """P with its funds labels numbered: （一）年度资金总额, 1.当年财政拨款, 2.上年结转资金, 3.其他资金 (same figures)."""
    return build("P", {"B6": "（一）年度资金总额", "B7": "1.当年财政拨款", "B8": "2.上年结转资金", "B9": "3.其他资金"})


def p_numbered_levels():
    """P with its levels numbered: 一、产出指标 / （一）数量指标 / ①培训农民人次, 二、效益指标, 三、满意度指标."""
    return build(
        "P",
        {
            "B13": "一、产出指标",
            "C13": "（一）数量指标",
            "D13": "①培训农民人次",
            "B18": "二、效益指标",
            "B21": "三、满意度指标",
        },
    )


# ---------------------------------------------------------------- 合计 rows that are subtotals of a block


def hubei_subtotals():
    """湖北-style funds (资金来源 │ 预算数(A) │ 执行数(B) │ 执行率(B/A) │ 分值 │ 得分) listing 财政资金合计 first, its parts,
    then 单位自筹, and the block's 合计 last: 财政资金合计 180/162 = 90.00% (中央 100/90, 省级 80/72: 90.00% each), 单位自筹
    20/18 = 90.00%, 合计 200/180 = 90.00% → 10 × 0.9 = 9. Indicators as H: 88. Total 97."""
    rows, merges = BASES["H"]()
    block = [
        pad([E, "财政资金合计", 180, 162, "90.00%", E, E]),
        pad([E, "其中：中央资金", 100, 90, "90.00%", E, E]),
        pad([E, "省级资金", 80, 72, "90.00%", E, E]),
        pad([E, "单位自筹", 20, 18, "90.00%", E, E]),
    ]
    rows[4] = block[0]
    rows, merges = _insert(rows, merges, 6, *block[1:])
    return rows, merges


def p_first_row_subtotal():
    """10号 funds typed 财政资金合计 first (当年财政拨款 and 上年结转 are both 财政 money), then its parts, then 年度资金总额:
    财政资金合计 100 │ 120 │ 114 (95.00%); 当年财政拨款 100 │ 110 │ 104 (94.55%); 上年结转 0 │ 10 │ 10 (100.00%); 年度资金总额
    100 │ 120 │ 114 (95.00%, 分值 10, 得分 9.5). 其他资金 0."""
    rows, merges = BASES["P"]()
    total = rows[5]
    rows[5] = pad([E, "财政资金合计", 100, 120, 114, "—", "95.00%", "—"])
    return _insert(rows, merges, 10, total)


# ---------------------------------------------------------------- a source row's 执行率 at other precisions (F04)

PART_RATES = {
    # 当年财政拨款 104/110 = 94.5454..% at one place: 94.5%.
    "p_part_rate_one_place": {"G7": "94.5%"},
    # at whole points: 95%.
    "p_part_rate_whole": {"G7": "95%"},
}


# ---------------------------------------------------------------- the cases

#: case → (builder, codes that must raise nothing (警告 or 错误) on the correct table)
CASES: dict[str, tuple] = {
    "mon_initial_only": (mon_initial_only, ("F02", "F03", "F04")),
    "mon_budget_raised": (mon_budget_raised, ("F02", "F03", "F04")),
    "mon_rate_on_initial_budget": (mon_rate_on_initial_budget, ("F02", "F03")),
    "mon_partial_sources": (mon_partial_sources, ("F02", "F03", "F04")),
    "decl_nested_of_which": (decl_nested_of_which, ("F02",)),
    "p_nested_of_which": (p_nested_of_which, ("F02", "F03", "F04")),
    # a 警告 that a source is blank is right (checked below): no 错误, and no source figure read from the 中期 pair
    "decl_year_source_blank": (decl_year_source_blank, ()),
    "mon_carryover_execution_blank": (mon_carryover_execution_blank, ("F03", "F04")),
    "p_every_source_of_which": (p_every_source_of_which, ("F02", "F04")),
    "p_subtotal_between_sources": (p_subtotal_between_sources, ("F02", "F04", "W03", "T02")),
    "bd_public_subset": (bd_public_subset, ("B03", "B06")),
    # a 警告 is right here (a person reads the note): no 错误, checked below that the B03 cites the note
    "bd_public_items_with_project_money": (bd_public_items_with_project_money, ()),
    "bd_numbered_labels": (bd_numbered_labels, ("B03", "B06")),
    "bd_ordinals_everywhere": (bd_ordinals_everywhere, ("B03", "B06")),
    "bd_year_end_with_retired": (bd_year_end_with_retired, ("B01", "B02")),
    **{k: (_edit("P", v), ("S01", "S02", "S07")) for k, v in COST.items()},
    "p_grade_conclusion_row": (p_grade_conclusion_row, ("T04",)),
    "p_grade_conclusion_two_cells": (p_grade_conclusion_two_cells, ("T04",)),
    "p_grade_legend_plain": (p_grade_legend_plain, ("T04",)),
    # both tables state their own total under their titles: 98.5 and 97.5.
    "p2_stated_totals_each": (lambda: two_tables_second("项目总得分98.5分", "项目总得分97.5分"), ("T02",)),
    # only the first states its total (98.5); the second (97.5) states none.
    "p2_one_stated_total": (lambda: two_tables_second("项目总得分98.5分", None), ("T02",)),
    # only the second states its total (97.5), under its own title.
    "p2_second_stated_total": (lambda: two_tables_second(None, "项目总得分97.5分"), ("T02",)),
    "p_full_mark_line": (p_full_mark_line, ("T02",)),
    "hs_unmerged": (hs_unmerged, ("W02",)),
    "hs_two_level2": (hs_two_level2, ("W02", "W03", "W01", "I02")),
    **{k: (_edit("P", v), ("S01", "T02", "F05", "F02", "F04")) for k, v in NOTES.items()},
    "t06_spaced_weights": (t06_spaced_weights, ("S01", "W03", "T02")),
    "p_criterion_in_name": (p_criterion_in_name, ("S01", "S07", "W03")),
    **{k: (_edit("P", v), ("S01", "S05", "S07")) for k, v in GRADES.items()},
    "p_numbered_funds": (p_numbered_funds, ("F02", "F04", "F05", "W03", "T02")),
    "p_numbered_levels": (p_numbered_levels, ("W02", "W03", "T02")),
    "hubei_subtotals": (hubei_subtotals, ("F02", "F04", "F05", "T02", "W03")),
    "p_first_row_subtotal": (p_first_row_subtotal, ("F02", "F04", "F05", "T02", "W03")),
    **{k: (_edit("P", v), ("F04",)) for k, v in PART_RATES.items()},
}


def _complaints(tmp_path, case):
    """(错误 anywhere, findings ≥ 警告 of the case's quiet codes) on the case's correct table."""
    builder, quiet = CASES[case]
    rows, merges = builder()
    result = _workbook(tmp_path, rows, tuple(merges))
    errors = [(f.code, getattr(f.ref, "cell", None), f.message) for f in result.findings if f.severity.value == "error"]
    misread = [
        (f.code, f.severity.value, getattr(f.ref, "cell", None), f.message)
        for f in result.findings
        if f.code in quiet and RANK[f.severity.value] >= RANK["warning"]
    ]
    return errors, misread


def _assert_quiet(tmp_path, case):
    errors, misread = _complaints(tmp_path, case)
    assert errors == [], errors
    assert misread == [], misread


# ---------------------------------------------------------------- 1. a source's own 其中 (nested sources)


@pytest.mark.parametrize("case", ["p_nested_of_which"])
def test_a_sources_own_of_which_is_not_another_source(tmp_path, case):
    """当年财政拨款 100 │ 110 │ 104 followed by its own "其中：中央补助资金 60 │ 60 │ 57": the 中央 money is inside the
    财政拨款, not a third source. perfxl added it to the sources (160 │ 180 │ 171) and called the right 年度资金总额 100 │
    120 │ 114 wrong three times (F02 错误). Failed when written (three F02 错误 at C6:E6)."""
    _assert_quiet(tmp_path, case)


# ---------------------------------------------------------------- 1b. a source left blank (second pass)


@pytest.mark.parametrize("case", ["decl_year_source_blank", "mon_carryover_execution_blank"])
def test_a_blank_source_is_no_certain_funds_sum_error(tmp_path, case):
    """A source's cell left blank under a right total: the 申报表's 年度 其中：财政拨款, the 监控表's 结转 1-7月执行数.
    perfxl read the 申报表's blank 年度 figure from the 中期 pair beside it (F02 错误 "应为各来源之和 900，表中为 300"),
    and counted a blank source as nothing, so the right total was called wrong (F02 错误 "应为 180，表中为 192"): the
    blank may hold the difference — a 警告 naming the blank source, never an 错误. Found in a second pass after the
    fixes above; both failed then."""
    _assert_quiet(tmp_path, case)
    builder, _ = CASES[case]
    result = _workbook(tmp_path, *builder())
    f02 = [f for f in result.findings if f.code == "F02"]
    assert f02 and all(f.severity.value == "warning" and "未填写" in f.basis for f in f02), f02
    assert not any("900" in f.message for f in f02), f02


# ---------------------------------------------------------------- 2. a 合计 row that is a block's subtotal


@pytest.mark.parametrize("case", ["hubei_subtotals", "p_first_row_subtotal", "p_subtotal_between_sources"])
def test_a_subtotal_row_is_not_the_funds_total(tmp_path, case):
    """A funds block opening with 财政资金合计 (the subtotal of the 财政 sources listed under it) and closing with its
    合计 / 年度资金总额. Round 14 takes the block's first row ending 合计 as its total, so the subtotal became the total,
    the real total a source (F02: 400 for 180), and the 分值/得分 of the real total unread (W03, T02 错误). A 财政资金小计
    between the sources was added as one more source (F02: 240 for 120). Failed when written (F02, W03 and T02 错误;
    the 小计 case was added with the fix and failed on the code before it)."""
    _assert_quiet(tmp_path, case)


# ---------------------------------------------------------------- 3. 公用经费 items that include other money, as a note says


@pytest.mark.parametrize("case", ["bd_public_items_with_project_money"])
def test_named_items_explained_by_a_note_are_not_a_certain_error(tmp_path, case):
    """会议费、培训费 35 │ 36 │ 34 counts 25 │ 26 │ 25 paid from 项目支出, as the table's note says, so its 其中 rows add to
    more than 公用经费 (83 > 79). Round 14 made 公用经费 < its named items a certain B03 错误; with a note on the item
    a person must read, it is at most a 警告, and says why. Failed when written (two B03 错误)."""
    _assert_quiet(tmp_path, case)
    builder, _ = CASES[case]
    result = _workbook(tmp_path, *builder())
    b03 = [f for f in result.findings if f.code == "B03"]
    assert b03 and all(f.severity.value == "warning" and "表注" in f.basis for f in b03), b03


# ---------------------------------------------------------------- 4. 年末实有人数 beside an 在职 column


@pytest.mark.parametrize("case", ["bd_year_end_with_retired"])
def test_year_end_headcount_beside_an_in_post_column_is_not_in_post(tmp_path, case):
    """编制数 45 │ 年末实有人数 60 │ 其中：在职人员 42 │ 离退休人员 18 │ 控制率 93.33%: round 14 reads 年末实有人数 as 在职, so
    60 > 45 (B02 错误) and 60/45 = 133.33% ≠ 93.33% (B01 错误) — but 60 counts the retired, and the table's own 在职
    column says 42. Failed when written (B01 and B02 错误)."""
    _assert_quiet(tmp_path, case)


# ---------------------------------------------------------------- 5. a saving under 成本指标


@pytest.mark.parametrize("case", ["p_cost_saving_amount"])
def test_a_saving_under_cost_indicators_is_higher_is_better(tmp_path, case):
    """政府采购节约资金 10万元 planned, 12万元 saved, full marks, under 成本指标. Round 14 reads a target without operator
    under 成本指标 as a ceiling, so saving more than planned became a miss (S02, S07 and D01 警告: "应为 4.17"). A
    saving (节约, 节省) is higher-is-better like a 降低率, whatever its group. Failed when written (S02, S07 警告)."""
    _assert_quiet(tmp_path, case)


# ---------------------------------------------------------------- 6. a 自评结论 sentence is not the grade


@pytest.mark.parametrize("case", ["p_grade_conclusion_row", "p_grade_conclusion_two_cells"])
def test_a_conclusion_sentence_is_not_a_grade(tmp_path, case):
    """A 自评结论 row of prose under the grade row ("自评结论：项目实施情况良好，绩效目标基本实现。", or in two cells).
    自评结论 is one of the grade labels, so the sentence replaced the grade 优 read above it, and T04 called it wrong
    ("总分 98.5 对应等级“优”，表中为“自评结论：…”", 错误) — a sentence is no grade. Failed when written (T04 错误)."""
    _assert_quiet(tmp_path, case)


# ---------------------------------------------------------------- 7. the full mark stated above a table


@pytest.mark.parametrize("case", ["p_full_mark_line"])
def test_a_full_mark_stated_above_the_table_is_not_its_total(tmp_path, case):
    """ "总分：100分" under the title is the form's full mark (the 总分 row's 分值 100), not the table's score 98.5: round
    14 held it to the sum as a stated total (T02 错误 "总分应为 98.5"). Failed when written."""
    _assert_quiet(tmp_path, case)


# ---------------------------------------------------------------- 8. a 评分表's 二级 label repeated on every row


@pytest.mark.parametrize("case", ["hs_unmerged"])
def test_a_level_label_repeated_on_each_row_is_one_heading(tmp_path, case):
    """A 评分表 exported without merged cells repeats 预算配置 │ 20 on each of its two rows (10 + 10). Round 14 read
    each repeat as a heading of its own over one row, so W02 said 20 ≠ 10 twice (错误 at D3 and D5). Failed when
    written (two W02 错误)."""
    _assert_quiet(tmp_path, case)


# ---------------------------------------------------------------- 9. a 评价 framework's 一级 (second pass)


@pytest.mark.parametrize("case", ["hs_two_level2"])
def test_an_evaluation_frameworks_levels_are_not_held_to_the_self_evaluation_set(tmp_path, case):
    """A 部门整体支出绩效评价 评分表 (湖南 雨花, 海南) has the 53号 framework's 一级 投入/过程/产出/效果 (项目支出绩效评价:
    决策/过程/产出/效益). perfxl held it to 10号 自评's 产出 50 / 效益 30 / 满意度 10 and its 一级 set: W01 "产出分值为 30，
    默认 50" and I02 "缺少一级指标效益指标/满意度指标" and "产出指标未设数量、质量…" — four 警告 that misread the
    table's framework. Found in a second pass (round 14's HS base shows them too); failed then."""
    _assert_quiet(tmp_path, case)


# ---------------------------------------------------------------- guard: the cases perfxl already reads right

BY_CAUSE = {
    "hs_two_level2",
    "p_nested_of_which",
    "decl_year_source_blank",
    "mon_carryover_execution_blank",
    "hubei_subtotals",
    "p_first_row_subtotal",
    "p_subtotal_between_sources",
    "bd_public_items_with_project_money",
    "bd_year_end_with_retired",
    "p_cost_saving_amount",
    "p_grade_conclusion_row",
    "p_grade_conclusion_two_cells",
    "p_full_mark_line",
    "hs_unmerged",
}
QUIET = [c for c in CASES if c not in BY_CAUSE]


@pytest.mark.parametrize("case", QUIET)
def test_guard_correct_tables_raise_nothing_that_misreads_them(tmp_path, case):
    """No 错误 anywhere and no finding of the codes the case is aimed at."""
    _assert_quiet(tmp_path, case)
