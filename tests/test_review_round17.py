"""Review round 17: the DEPARTMENT side of issue 11 — 部门整体支出绩效评价基础数据表 (编制/在职/控制率, 三公经费 and its
其中 rows, 项目支出, 公用经费 and its 其中 items, 政府采购) and 部门整体支出绩效自评表 (年度预算申请 with 按收入性质分 /
按支出性质分 text cells, 部门整体 indicators), typed the way 湖南, 重庆, 江西 and 10号 forms print them — alone, or a
基础数据表 beside its 自评表 where a cross-check needs both (元 beside 万元).

Half the workbooks are CORRECT (every figure worked out by hand in the comment above the case: rates rounded half up
at the places printed, 得分 = 分值 × min(1, 执行率)); they must get no 错误 and none of the codes that would misread
them. Half carry ONE planted error the printed cells make certain (or a 警告 where a person must judge — the case says
why); it must be found at its cell and nothing else may be an 错误. Tests before the guard failed when written (one
per distinct cause, parametrised over its cases: seven causes over five passes, each fixed); the guard holds the
cases perfxl already read right when written. 59 cases: 29 correct, 30 planted."""

from __future__ import annotations

import copy

import pytest
from report_helpers import errors_of, pad, sheets_result

from perfxl.reader import read_submission

E = ""

# ---------------------------------------------------------------- 基础数据表 (湖南 附件: 万元)

# 46/50 = 92.00%. 三公 (上年决算 | 本年预算 | 本年决算): 车 12.00/13.00/12.30 (= 购置 0 + 运行 12.00/13.00/12.30),
# 出国 0, 接待 8.50/9.00/7.50 → 20.50/22.00/19.80 (19.80 < 20.50: no growth; 19.80 ≤ 22.00: within budget).
# 项目支出 300+500 = 800, 350+550 = 900, 340+510 = 850. 公用经费 120/130/125 ≥ 其中 40+30+5 = 75, 45+32+6 = 83,
# 44+31+5.5 = 80.5. 政府采购 70/70 = 100%. Every 其中 决算 ≤ its 预算.
BASIC = [
    ["附件1", E, E, E],
    ["2023年度部门整体支出绩效评价基础数据表", E, E, E],
    ["填报单位：某县林业局", E, E, "单位：万元"],
    ["财政供养人员情况", "编制数", "2023年实际在职人数", "控制率"],
    [E, 50, 46, "92.00%"],
    ["经费控制情况", "2022年决算数", "2023年预算数", "2023年决算数"],
    ["三公经费", 20.50, 22.00, 19.80],
    ["1、公务用车购置和维护经费", 12.00, 13.00, 12.30],
    ["其中：公车购置", 0, 0, 0],
    ["公车运行维护", 12.00, 13.00, 12.30],
    ["2、出国经费", 0, 0, 0],
    ["3、公务接待", 8.50, 9.00, 7.50],
    ["项目支出", 800, 900, 850],
    ["1、业务工作经费", 300, 350, 340],
    ["2、运行维护经费", 500, 550, 510],
    ["公用经费", 120, 130, 125],
    ["其中：办公经费", 40, 45, 44],
    ["水费、电费、差旅费", 30, 32, 31],
    ["会议费、培训费", 5, 6, 5.5],
    ["政府采购金额", 60, 70, 70],
]
BASIC_MERGES = ["A1:D1", "A2:D2", "A3:C3", "A4:A5"]
R = {row[0]: i + 1 for i, row in enumerate(BASIC) if isinstance(row[0], str) and row[0]}


def basic(**cells) -> tuple[list, list[str]]:
    """BASIC with cells replaced: key "D7" → value."""
    rows = copy.deepcopy(BASIC)
    for ref, value in cells.items():
        col, row = ord(ref[0]) - 65, int(ref[1:])
        rows[row - 1][col] = value
    return rows, list(BASIC_MERGES)


def scaled(rows: list, factor: int) -> list:
    """The table's figures × factor (万元 → 元), labels and rates untouched."""
    out = copy.deepcopy(rows)
    for row in out[5:]:
        for i, v in enumerate(row):
            if i and isinstance(v, (int, float)):
                row[i] = round(v * factor, 2)
    return out


# ---------------------------------------------------------------- 部门整体支出绩效自评表 (湖南 / 10号 layout)

# 执行率 1150/1200 = 95.8333% → 95.83%; 得分 10 × 0.958333 = 9.58. 按收入性质分 1200 (the 全年预算数) = 1000 + 150 + 0
# + 50; 按支出性质分 1150 (the 全年执行数) = 300 + 850. Weights 10 + 50 + 30 + 10 = 100; total 9.58 + 50 + 30 + 10 = 99.58.
# 预算完成率 95.83% ≥ 95%; 三公经费控制率 19.80/22.00 = 90.00% ≤ 100%; 公用经费控制率 125/130 = 96.1538% → 96.15%;
# 在职人员控制率 46/50 = 92.00%; 政府采购执行率 70/70 = 100%; 结转结余率 (1200 − 1150)/1200 = 4.1667% → 4.17% ≤ 5%.
DEPT = [
    pad(["部门整体支出绩效自评表"], 8),
    pad(["（2023年度）"], 8),
    pad(["预算部门、单位名称", "某县林业局"], 8),
    ["年度预算申请（万元）", E, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [E, "年度资金总额", 1200, 1200, 1150, 10, "95.83%", 9.58],
    [E, "按收入性质分：1200", E, E, "按支出性质分：1150", E, E, E],
    [E, "其中：一般公共预算：1000", E, E, "其中：基本支出：300", E, E, E],
    [E, "政府性基金拨款：150", E, E, "项目支出：850", E, E, E],
    [E, "纳入专户管理的非税收入拨款：0", E, E, E, E, E, E],
    [E, "其他资金：50", E, E, E, E, E, E],
    pad(["年度总体目标", "预期目标", E, E, "实际完成情况"], 8),
    pad([E, "完成造林1.2万亩，森林经营16.3万亩", E, E, "全年造林1.25万亩，森林经营16.3万亩，覆盖率58.8%"], 8),
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["产出指标（50分）", "数量指标", "预算完成率", "≥95%", "95.83%", 10, 10, E],
    [E, E, "政府采购执行率", "100%", "100%", 10, 10, E],
    [E, "质量指标", "三公经费控制率", "≤100%", "90.00%", 10, 10, E],
    [E, E, "公用经费控制率", "≤100%", "96.15%", 10, 10, E],
    [E, "时效指标", "在职人员控制率", "≤100%", "92.00%", 10, 10, E],
    ["效益指标（30分）", "社会效益指标", "结转结余率", "≤5%", "4.17%", 15, 15, E],
    [E, "可持续影响指标", "森林覆盖率", "≥60%", "58.8%", 15, 14.70, "受干旱影响，新造林成活率偏低"],
    ["满意度指标（10分）", "服务对象满意度指标", "群众满意度", "≥90%", "95%", 10, 10, E],
    pad(["总分", E, E, E, E, 100, 99.28], 8),
]
DEPT_MERGES = [
    "A1:H1", "A2:H2", "B3:H3", "A4:A10",
    "B6:D6", "E6:H6", "B7:D7", "E7:H7", "B8:D8", "E8:H8", "B9:D9", "E9:H9", "B10:D10", "E10:H10",
    "A11:A12", "B11:D11", "E11:H11", "B12:D12", "E12:H12",
    "A14:A18", "B14:B15", "B16:B17", "B19:B19", "A19:A20",
]  # fmt: skip


def dept(**cells) -> tuple[list, list[str]]:
    rows = copy.deepcopy(DEPT)
    for ref, value in cells.items():
        col, row = ord(ref[0]) - 65, int(ref[1:])
        rows[row - 1][col] = value
    return rows, list(DEPT_MERGES)


def validate(tmp_path, *sheets: tuple[str, list, list[str]]):
    """Sheets written with openpyxl ("" cells left empty), validated."""
    return sheets_result(tmp_path, *sheets, name="dept.xlsx")


def findings(result, *, at_least: str = "warning"):
    rank = {"info": 1, "warning": 2, "error": 3}
    return [
        (f.code, f.severity.value, getattr(f.ref, "sheet", None), getattr(f.ref, "cell", None), f.message)
        for f in result.findings
        if rank[f.severity.value] >= rank[at_least]
    ]


def rows_with(rows: list, merges: list[str], at: int, *new: list) -> tuple[list, list[str]]:
    """`new` rows inserted so the first is row `at`; merges wholly below move down (the tables' merges sit above)."""
    out = [*rows[: at - 1], *copy.deepcopy(list(new)), *rows[at - 1 :]]
    return out, merges


def numbered():
    """ "一、三公经费" / "（一）公务用车购置及运行维护费" / "1.公务用车购置费" …: the same figures as BASIC, labelled with
    numbering two deep (the 10号-style printing)."""
    rows, merges = basic()
    rows[6][0], rows[7][0] = "一、三公经费", "（一）公务用车购置及运行维护费"
    rows[8][0], rows[9][0] = "1.公务用车购置费", "2.公务用车运行维护费"
    rows[10][0], rows[11][0] = "（二）因公出国（境）费", "（三）公务接待费"
    rows[12][0], rows[15][0] = "二、项目支出", "三、公用经费"
    return rows, merges


# Cases: name → (sheets, expected). expected None: correct (no 错误); else (code, sheet, cell, severity).
CASES: dict[str, tuple] = {}


def case(name: str, expected=None):
    def register(fn):
        CASES[name] = (fn, expected)
        return fn

    return register


# ---- correct 基础数据表


@case("basic_ok")
def _c1():
    return [("基础数据表", *basic())]


@case("basic_yuan")
def _c2():
    """The same table in 元 (× 10000): 三公 205000/220000/198000 = 120000 + 0 + 85000 …; head counts stay."""
    rows, merges = basic(D3="单位：元")
    return [("基础数据表", scaled(rows, 10000), merges)]


@case("basic_rate_fraction")
def _c3():
    """控制率 typed as the number 0.92 (a %-formatted cell): 46/50 = 0.92."""
    return [("基础数据表", *basic(D5=0.92))]


@case("basic_rate_bare_percent")
def _c4():
    """46/48 = 95.8333% printed as the bare number 95.83 (编制 48)."""
    return [("基础数据表", *basic(B5=48, D5=95.83))]


@case("basic_blank_not_zero")
def _c5():
    """出国经费 and 公车购置 left blank (no such spending) instead of 0: sums unchanged."""
    return [("基础数据表", *basic(B9=E, C9=E, D9=E, B11=E, C11=E, D11=E))]


@case("basic_numbered")
def _c6():
    return [("基础数据表", *numbered())]


@case("basic_note_below")
def _c7():
    """Notes under the table, one of them a formula in words."""
    rows, merges = basic()
    rows += [["注：1.控制率=实际在职人数/编制数×100%；", E, E, E], ["2.本表金额单位为万元。", E, E, E]]
    return [("基础数据表", rows, merges)]


@case("basic_three_budget_columns")
def _c8():
    """年初预算数 | 全年预算数 | 全年决算数 (no 上年 column): 三公 年初 20.00 raised to 22.00, spent 19.80 (≤ 全年);
    公务接待 年初 8.00, 全年 9.00, 决算 7.50; 公用经费 年初 120 全年 130 决算 125 — no 决算 above its 全年 budget."""
    rows, merges = basic()
    rows[5] = ["经费控制情况", "2023年年初预算数", "2023年全年预算数", "2023年全年决算数"]
    rows[6][1], rows[7][1], rows[9][1], rows[11][1] = 20.00, 12.00, 12.00, 8.00
    rows[12][1], rows[13][1], rows[14][1] = 880, 340, 540
    return [("基础数据表", rows, merges)]


@case("basic_rounded_rate")
def _c9():
    """编制 47, 在职 46: 46/47 = 97.8723..% printed "97.87%"."""
    return [("基础数据表", *basic(B5=47, D5="97.87%"))]


# ---- planted 基础数据表


@case("basic_three_public_sum", ("B03", "基础数据表", "D7", "error"))
def _p1():
    """三公 2023决算 printed 20.80; its parts 12.30 + 0 + 7.50 = 19.80."""
    return [("基础数据表", *basic(D7=20.80))]


@case("basic_car_nested_sum", ("B03", "基础数据表", "D8", "error"))
def _p2():
    """公务用车 2023决算 12.30 but 购置 0 + 运行维护 11.30 = 11.30 (其中 two deep); 三公 = 12.30 + 0 + 7.50 = 19.80 holds."""
    return [("基础数据表", *basic(D10=11.30))]


@case("basic_control_rate_wrong", ("B01", "基础数据表", "D5", "error"))
def _p3():
    """46/50 = 92.00% printed 92.50%."""
    return [("基础数据表", *basic(D5="92.50%"))]


@case("basic_control_rate_fraction_wrong", ("B01", "基础数据表", "D5", "error"))
def _p4():
    """46/48 = 0.958333 printed 0.9538 (digits swapped; 0.9583 would be right)."""
    return [("基础数据表", *basic(B5=48, D5=0.9538))]


@case("basic_overstaffed", ("B02", "基础数据表", "C5", "warning"))
def _p5():
    """在职 52 > 编制 50 (控制率 104.00%, printed right): 超编 is certain from the cells (B02, catalogued 错误); the
    test asks for at least a 警告 there, since whether 超编 is the filing's fault is the catalogue's call."""
    return [("基础数据表", *basic(C5=52, D5="104.00%"))]


@case("basic_reception_over_budget", ("B16", "基础数据表", "D12", "warning"))
def _p6():
    """公务接待 决算 9.50 > 预算 9.00 (三公 决算 12.30 + 0 + 9.50 = 21.80 ≤ 22.00): an 其中 item over its own budget —
    a 警告 (B16: money may have been moved within the 三公 budget)."""
    return [("基础数据表", *basic(D12=9.50, D7=21.80))]


@case("basic_public_below_items", ("B03", "基础数据表", "D16", "error"))
def _p7():
    """公用经费 2023决算 printed 75; its 其中 items 44 + 31 + 5.5 = 80.5 exceed it."""
    return [("基础数据表", *basic(D16=75))]


@case("basic_yuan_sum", ("B03", "基础数据表", "C7", "error"))
def _p8():
    """元 table: 三公 2023预算 printed 230000; 130000 + 0 + 90000 = 220000."""
    rows, merges = basic(D3="单位：元")
    rows = scaled(rows, 10000)
    rows[6][2] = 230000
    return [("基础数据表", rows, merges)]


@case("basic_numbered_sum", ("B03", "基础数据表", "B7", "error"))
def _p9():
    """Numbered labels; 一、三公经费 2022决算 printed 21.50 while 12.00 + 0 + 8.50 = 20.50."""
    rows, merges = numbered()
    rows[6][1] = 21.50
    return [("基础数据表", rows, merges)]


# ---- correct 自评表


@case("dept_ok")
def _c10():
    return [("自评表", *dept())]


@case("dept_rate_fraction")
def _c11():
    """执行率 typed 0.9583 (a %-formatted cell): 1150/1200 = 0.958333."""
    return [("自评表", *dept(G5=0.9583))]


@case("dept_rate_bare_percent")
def _c12():
    """执行率 typed as the bare number 95.83."""
    return [("自评表", *dept(G5=95.83))]


@case("dept_budget_raised_blank_income_part")
def _c13():
    """年初预算数 1200 unchanged; 纳入专户管理的非税收入拨款 left blank after its colon; 其他资金 written "50.00万元"."""
    return [("自评表", *dept(B9="纳入专户管理的非税收入拨款：", B10="其他资金：50.00万元"))]


@case("dept_split_both_budget")
def _c14():
    """Both splits of the 全年预算数 1200: 按支出性质分 1200 = 基本支出 320 + 项目支出 880."""
    return [("自评表", *dept(E6="按支出性质分：1200", E7="其中：基本支出：320", E8="项目支出：880"))]


@case("dept_two_sheets_ok")
def _c15():
    """基础数据表 + 自评表 of one department: the indicators' 在职人员控制率 92.00%, 三公经费控制率 90.00% and 公用经费控制率
    96.15% are the 基础数据表's 46/50, 19.80/22.00 and 125/130."""
    return [("基础数据表", *basic()), ("自评表", *dept())]


# ---- planted 自评表


@case("dept_exec_rate_wrong", ("F04", "自评表", "G5", "error"))
def _p10():
    """1150/1200 = 95.83% printed 95.38%."""
    return [("自评表", *dept(G5="95.38%"))]


@case("dept_exec_score_wrong", ("F05", "自评表", "H5", "error"))
def _p11():
    """得分 10 × 95.8333% = 9.58 printed 9.85 (total moved with it: 99.55)."""
    return [("自评表", *dept(H5=9.85, G22=99.55))]


@case("dept_expenditure_split_sum", ("F09", "自评表", "E6", "error"))
def _p12():
    """按支出性质分 1150 but 基本支出 300 + 项目支出 900 = 1200: the parts exceed the figure they split."""
    return [("自评表", *dept(E8="项目支出：900"))]


@case("dept_expenditure_split_vs_total", ("F09", "自评表", "E6", "error"))
def _p13():
    """全年预算数 = 全年执行数 = 1150 (100% → 10; total 99.70); 按收入性质分 1150 = 950 + 150 + 0 + 50; 按支出性质分 1100
    = 300 + 800 is neither: both readings give 1150, so no reading matches."""
    return [
        (
            "自评表",
            *dept(
                C5=1150, D5=1150, G5="100%", H5=10, G22=99.70, B6="按收入性质分：1150", B7="其中：一般公共预算：950",
                E6="按支出性质分：1100", E8="项目支出：800",
            ),
        )
    ]  # fmt: skip


@case("dept_total_wrong", ("T02", "自评表", "G22", "error"))
def _p14():
    """总分 printed 99.82; 9.58 + 50 + 15 + 14.70 + 10 = 99.28."""
    return [("自评表", *dept(G22=99.82))]


@case("dept_indicator_score_wrong", ("S07", "自评表", "G19", "error"))
def _p15():
    """结转结余率 ≤5% actual 6.00% scored 15 (full marks on a missed ceiling): 15 × 5/6 = 12.50; printed 15 with a
    reason. Reverse (ratio) scoring: S07 at G19 (full marks on a miss are S07's alone since tests/test_gaps17.py)."""
    return [("自评表", *dept(E19="6.00%", H19="年末项目未完成支付"))]


@case("dept_staff_rate_vs_basic", ("B15", "自评表", "E18", "warning"))
def _p16():
    """Two sheets: 在职人员控制率 actual printed 95.00% on the 自评表, but the 基础数据表 prints 46/50 = 92.00% for the same
    rate (财预〔2013〕53号 defines one 在职人员控制率). One of the two is wrong; which is a person's call — 警告 at the
    自评表 cell (the 基础数据表 figure in its basis)."""
    return [("基础数据表", *basic()), ("自评表", *dept(E18="95.00%"))]


@case("dept_three_public_rate_vs_basic", ("B15", "自评表", "E16", "warning"))
def _p17():
    """Two sheets: 三公经费控制率 printed 85.00% on the 自评表; the 基础数据表's 19.80/22.00 = 90.00%."""
    return [("基础数据表", *basic()), ("自评表", *dept(E16="85.00%"))]


@case("dept_procurement_vs_basic", ("B15", "自评表", "E15", "warning"))
def _p18():
    """Two sheets: 政府采购执行率 printed 100% on the 自评表; the 基础数据表's 政府采购金额 63/70 = 90.00% (the 决算 lowered
    to 63; B11 reports the 基础数据表's own rate below 100% as its 警告)."""
    return [("基础数据表", *basic(D20=63)), ("自评表", *dept())]


@case("dept_public_funds_fraction_vs_basic", ("B15", "自评表", "E17", "warning"))
def _p19():
    """Two sheets, the 基础数据表 in 元: 公用经费控制率 typed 0.9165 on the 自评表 (a %-formatted 91.65%); the 基础数据表's
    1250000/1300000 = 96.1538% → 96.15%."""
    rows, merges = basic(D3="单位：元")
    return [("基础数据表", scaled(rows, 10000), merges), ("自评表", *dept(E17=0.9165))]


@case("dept_two_sheets_yuan_fraction_ok")
def _c16():
    """Two sheets, the 基础数据表 in 元 and the rates typed as fractions on the 自评表: 在职人员控制率 0.92 (46/50),
    三公经费控制率 0.9 (198000/220000), 公用经费控制率 0.9615 (1250000/1300000 = 0.961538), "在职人员控制率（%）" named with
    its unit."""
    rows, merges = basic(D3="单位：元")
    return [
        ("基础数据表", scaled(rows, 10000), merges),
        ("自评表", *dept(C18="在职人员控制率（%）", E18=0.92, E16=0.9, E17=0.9615)),
    ]


@case("dept_indicator_repeats_wrong_basic_rate", ("B01", "基础数据表", "D5", "error"))
def _p20():
    """Two sheets: the 基础数据表 prints 控制率 93.00% for 46/50 = 92.00% (B01), and the 自评表's 在职人员控制率 repeats
    93.00%: one wrong figure, reported once at its source (the indicator only copies it)."""
    return [("基础数据表", *basic(D5="93.00%")), ("自评表", *dept(E18="93.00%"))]


# ---- 江西 整体支出规模 (资金来源 / 资金结构 rows with their own figures) and 重庆 部门整体绩效自评表

# 1150/1200 = 95.83%; 财政拨款 1060/1100 = 96.3636% → 96.36%; 其他资金 90/100 = 90.00%; 基本支出 300/300 = 100.00%;
# 项目支出 850/900 = 94.444% → 94.44%. 资金来源 1100 + 100 = 1200, 1060 + 90 = 1150; 资金结构 300 + 900 = 1200,
# 300 + 850 = 1150: two splits of one total, each adding up. Indicators 20 + 20 + 30 + 30 = 100, all met: total 100.
JIANGXI = [
    pad(["某县林业局整体支出绩效自评表（2023年度）"], 9),
    pad(["评价部门名称", "某县林业局", E, E, E, E, "下属单位个数", 0], 9),
    pad(["整体支出规模", E, "全年预算数", "全年执行数", "执行率"], 9),
    pad([E, "合计", 1200, 1150, "95.83%"], 9),
    pad([E, "资金来源：（1）财政拨款", 1100, 1060, "96.36%"], 9),
    pad([E, "（2）其他资金", 100, 90, "90.00%"], 9),
    pad([E, "资金结构：（1）基本支出", 300, 300, "100.00%"], 9),
    pad([E, "（2）项目支出", 900, 850, "94.44%"], 9),
    pad(["年度总体目标", "年初设定目标", E, E, E, "全年完成情况"], 9),
    pad([E, "完成造林1.2万亩", E, E, E, "全年新造林1.25万亩，在职人员控制在编制内"], 9),
    ["分解目标", "自评权重", "二级指标", "三级指标", "年度指标值", "全年完成值", "分值", "得分", "偏差及原因分析"],
    ["管理指标", 40, "预算执行管理", "在职人员控制率", "≤100%", "92%", 20, 20, E],
    [E, E, "政府采购管理", "政府采购执行率", "≥95%", "100%", 20, 20, E],
    ["产出指标", 30, "数量指标", "造林面积", "≥1.2万亩", "1.25万亩", 30, 30, E],
    ["满意度指标", 30, "服务对象满意度", "群众满意度", "≥90%", "95%", 30, 30, E],
    pad(["总分", E, E, E, E, E, 100, 100], 9),
]
JIANGXI_MERGES = ["A1:I1", "A3:A8", "A9:A10", "B9:E9", "F9:I9", "B10:E10", "F10:I10", "A12:A13", "B12:B13"]


@case("jiangxi_two_splits_ok")
def _c17():
    return [("自评表", [list(r) for r in JIANGXI], list(JIANGXI_MERGES))]


@case("jiangxi_structure_sum", ("F02", "自评表", "D4", "error"))
def _p21():
    """资金结构 (2)项目支出 全年执行数 printed 870 (its rate 870/900 = 96.67% printed with it): 300 + 870 = 1170 ≠ 合计 1150,
    while 资金来源 1060 + 90 = 1150 agrees with it — the structure split is the one that does not add up."""
    rows = [list(r) for r in JIANGXI]
    rows[7][3], rows[7][4] = 870, "96.67%"
    return [("自评表", rows, list(JIANGXI_MERGES))]


# 重庆: 其中财政拨款 1060/1100 = 96.3636% → 96.36 (bare), 得分 10 × 0.963636 = 9.64; indicators 30 + 30 + 30 = 90, all
# met; 自评总分 9.64 + 90 = 99.64.
CHONGQING = [
    pad(["某区林业局2023年度部门整体绩效自评表"], 8),
    pad(["主管部门", "某区林业局", E, "部门联系人", "李某", "联系电话", "12345678"], 8),
    pad(["自评总分（分）", 99.64], 8),
    pad([E, "年初预算数", "全年（调整）预算数", "全年执行数", "执行率", "执行率权重", "执行率得分"], 8),
    pad(["年度总金额", 1200, 1200, 1150], 8),
    pad(["其中财政拨款", 1100, 1100, 1060, 96.36, 10, 9.64], 8),
    pad(["年初绩效目标", "全年（调整）绩效目标", E, E, "全年目标实际完成情况"], 8),
    pad(["完成造林1.2万亩", E, E, E, "完成造林1.25万亩"], 8),
    ["绩效指标 指标名称", "计量单位", "指标性质", "指标值", "指标权重（分）", "全年完成值", "指标得分（分）", "说明"],
    ["在职人员控制率", "%", "≤", 100, 30, 92, 30, E],
    ["三公经费控制率", "%", "≤", 100, 30, 90, 30, E],
    ["群众满意度", "%", "≥", 90, 30, 95, 30, E],
]
CHONGQING_MERGES = ["A1:H1", "B3:H3", "A7:D7", "E7:H7", "A8:D8", "E8:H8"]


@case("chongqing_ok")
def _c18():
    return [("自评表", [list(r) for r in CHONGQING], list(CHONGQING_MERGES))]


@case("chongqing_exec_score_wrong", ("F05", "自评表", "G6", "error"))
def _p22():
    """执行率得分 printed 9.46 (digits swapped); 10 × 1060/1100 = 9.64 (总分 moved with it: 99.46)."""
    rows = [list(r) for r in CHONGQING]
    rows[5][6], rows[2][1] = 9.46, 99.46
    return [("自评表", rows, list(CHONGQING_MERGES))]


@case("dept_carryover_income_note_below")
def _c19():
    """按收入性质分 with 上年结转：50 in place of 其他资金, and notes under the 总分 row."""
    rows, merges = dept(B10="上年结转：50")
    rows += [pad(["注：执行率=全年执行数/全年预算数×100%。"], 8), pad(["填报人：张某    联系电话：12345678"], 8)]
    return [("自评表", rows, merges)]


@case("dept_income_split_sum", ("F09", "自评表", "B6", "error"))
def _p23():
    """按收入性质分 1200 but 一般公共预算 1000 + 政府性基金 150 + 0 + 其他资金 100 = 1250: the parts exceed it."""
    return [("自评表", *dept(B10="其他资金：100"))]


# ---- third pass: other 基础数据表 wordings and blocks


@case("basic_staff_down_rows_percent_header")
def _c20():
    """编制数 | 50, 实际在职人数 | 46, 控制率(%) | 92 written down the sheet, one figure a row (46/50 = 92)."""
    rows, _ = basic()
    rows[3:5] = [["编制数", 50, E, E], ["实际在职人数", 46, E, E], ["控制率（%）", 92, E, E]]
    return [("基础数据表", rows, ["A1:D1", "A2:D2", "A3:C3"])]


@case("basic_car_wordings")
def _c21():
    """10号-style wordings: 公务用车购置及运行费 = 其中：公务用车购置费 0 + 公务用车运行费 12.00/13.00/12.30;
    因公出国（境）费; 公务接待费 — same figures as BASIC."""
    rows, merges = basic()
    rows[7][0], rows[8][0], rows[9][0] = "（一）公务用车购置及运行费", "其中：公务用车购置费", "公务用车运行费"
    rows[10][0], rows[11][0] = "（二）因公出国（境）费", "（三）公务接待费"
    return [("基础数据表", rows, merges)]


@case("basic_procurement_assets_blocks")
def _c22():
    """政府采购 and 资产 blocks below the 经费 rows (which then print no 政府采购金额 row): 政府采购预算数 70 | 实际政府
    采购金额 70 | 政府采购执行率 100.00% (70/70); 资产总额 1500 = 固定资产 900 + 流动资产 600 (nothing checked)."""
    rows, merges = basic()
    rows[19:] = [
        ["政府采购情况", "政府采购预算数", "实际政府采购金额", "政府采购执行率"],
        [E, 70, 70, "100.00%"],
        ["资产情况", "资产总额", "固定资产", "流动资产"],
        [E, 1500, 900, 600],
    ]
    return [("基础数据表", rows, merges)]


@case("basic_dash_total_zero_parts")
def _c23():
    """出国经费 printed "—" in every column (none) and 公车购置 "/" (none): sums unchanged."""
    return [("基础数据表", *basic(B9="/", C9="/", D9="/", B11="—", C11="—", D11="—"))]


@case("basic_car_unknown_wording")
def _c24():
    """公车运行 written "公车运行及维修费" (a wording perfxl does not know): 0 + 12.00/13.00/12.30 still make the
    公务用车 row; the unknown row is read as written (a 警告 saying so is right), the sums are not called wrong."""
    return [("基础数据表", *basic(A10="公车运行及维修费"))]


@case("basic_car_unknown_wording_wrong", ("B03", "基础数据表", "D8", "warning"))
def _p27():
    """The same, with 公务用车 2023决算 printed 13.30 (三公 20.80 = 13.30 + 0 + 7.50 moved with it) while 0 + 12.30 =
    12.30: whether the unknown row is one of its parts is what the reader cannot tell, so the difference is a 警告
    naming that row."""
    return [("基础数据表", *basic(A10="公车运行及维修费", D8=13.30, D7=20.80))]


@case("basic_reception_sum_wordings", ("B03", "基础数据表", "D8", "error"))
def _p24():
    """10号 wordings as basic_car_wordings; 公务用车运行费 2023决算 printed 11.30, so 公务用车购置及运行费 12.30 ≠ 0 +
    11.30 (the 三公 total 19.80 = 12.30 + 0 + 7.50 stands)."""
    rows, merges = basic(D10=11.30)
    rows[7][0], rows[8][0], rows[9][0] = "（一）公务用车购置及运行费", "其中：公务用车购置费", "公务用车运行费"
    rows[10][0], rows[11][0] = "（二）因公出国（境）费", "（三）公务接待费"
    return [("基础数据表", rows, merges)]


@case("basic_staff_down_rows_wrong", ("B01", "基础数据表", "B6", "error"))
def _p25():
    """Down the sheet: 控制率（%） printed 90 for 46/50 = 92."""
    rows, _ = basic()
    rows[3:5] = [["编制数", 50, E, E], ["实际在职人数", 46, E, E], ["控制率（%）", 90, E, E]]
    return [("基础数据表", rows, ["A1:D1", "A2:D2", "A3:C3"])]


@case("basic_procurement_block_rate_wrong", ("B13", "基础数据表", "D21", "error"))
def _p26():
    """政府采购 block: 63/70 = 90.00% printed "100.00%" — the rate printed wrong is certain (B13 at D21); B11's
    警告 (below 100%) at the 实际 cell C21 comes with it."""
    rows, merges = basic()
    rows[19:] = [["政府采购情况", "政府采购预算数", "实际政府采购金额", "政府采购执行率"], [E, 70, 63, "100.00%"]]
    return [("基础数据表", rows, merges)]


# ---- fourth pass: 其中 nested two deep in the 自评表's text splits


@case("dept_expenditure_nested_two_deep")
def _c25():
    """按支出性质分：1150 │ 其中：基本支出：300 │ 其中：人员经费：200 │ 公用经费：100 │ 项目支出：850: 基本支出 300 = 人员经费
    200 + 公用经费 100 (its own 其中), and 300 + 850 = 1150 — the 人员/公用 lines are inside 基本支出, not added again."""
    rows, merges = dept(E7="其中：基本支出：300", E8="其中：人员经费：200", E9="公用经费：100", E10="项目支出：850")
    return [("自评表", rows, merges)]


@case("dept_expenditure_nested_wrong", ("F09", "自评表", "E6", "error"))
def _p28():
    """As dept_expenditure_nested_two_deep, with 项目支出 printed 950: 300 + 950 = 1250 > 1150 however the nested
    lines are read (with them: 1550)."""
    rows, merges = dept(E7="其中：基本支出：300", E8="其中：人员经费：200", E9="公用经费：100", E10="项目支出：950")
    return [("自评表", rows, merges)]


# ---- fifth pass: 元 基础数据表 beside a 万元 自评表 (B14), a 上年结转 column


def basic_yuan_with_adjustment(final: int) -> tuple[list, list[str]]:
    """BASIC in 元 with 部门基本支出预算调整 3000000 (年初) → `final` (决算) appended."""
    rows, merges = basic(D3="单位：元")
    rows = scaled(rows, 10000)
    rows.append(["部门基本支出预算调整", E, 3000000, final])
    return rows, merges


@case("two_sheets_yuan_basic_expense_ok")
def _c26():
    """基础数据表 in 元: 部门基本支出预算调整 决算 3000000 元 = 300 万元, the 自评表's 基本支出：300 (万元)."""
    return [("基础数据表", *basic_yuan_with_adjustment(3000000)), ("自评表", *dept())]


@case("two_sheets_yuan_basic_expense_differs", ("B14", "自评表", "E7", "warning"))
def _p29():
    """基础数据表 决算 3200000 元 = 320 万元 against 基本支出：300 on the 自评表: one label on two forms that may cover
    different money — a person judges (B14 警告; B07's 预算调整率 6.67% 警告 comes with it)."""
    return [("基础数据表", *basic_yuan_with_adjustment(3200000)), ("自评表", *dept())]


@case("basic_carryover_column")
def _c27():
    """经费 columns 2022年决算数 │ 上年结转数 │ 2023年预算数 │ 2023年决算数 (结转 all 0 or blank): the 上年结转 column is
    neither budget nor spending; BASIC's sums hold."""
    rows, _ = basic()
    for i, row in enumerate(rows):
        if i == 5:
            rows[i] = [row[0], row[1], "上年结转数", row[2], row[3]]
        elif i > 5:
            rows[i] = [row[0], row[1], 0 if i < 12 else E, row[2], row[3]]
        else:
            rows[i] = [*row, E]
    return [("基础数据表", rows, ["A1:E1", "A2:E2", "A3:C3", "A4:A5"])]


# ---- sixth pass: a rate on a half (round half up, as Excel's ROUND)


@case("two_sheets_rate_on_a_half")
def _c28():
    """编制 160, 在职 153: 153/160 = 95.625% exactly → 95.63% (half up; banker's rounding would print 95.62%). The
    基础数据表 prints "95.63%", the 自评表's 在职人员控制率 the bare 95.63 and 三公经费控制率 0.9 (19.80/22.00)."""
    return [
        ("基础数据表", *basic(B5=160, C5=153, D5="95.63%")),
        ("自评表", *dept(E18=95.63, E16=0.9)),
    ]


@case("basic_rate_on_a_half_wrong", ("B01", "基础数据表", "D5", "error"))
def _p30():
    """153/160 = 95.625% printed "95.52%" (digits swapped)."""
    return [("基础数据表", *basic(B5=160, C5=153, D5="95.52%"))]


@case("two_sheets_yuan_self_evaluation_ok")
def _c29():
    """The 自评表 in 元 (年度预算申请（元）: 12000000 │ 12000000 │ 11500000, 执行率 95.83%, 得分 9.58; 按收入性质分：
    12000000 = 10000000 + 1500000 + 0 + 500000; 按支出性质分：11500000 = 3000000 + 8500000) beside the 基础数据表 in 万元
    (部门基本支出预算调整 300 → 300): 基本支出 3000000 元 = 300 万元."""
    rows, merges = dept(
        A4="年度预算申请（元）", C5=12000000, D5=12000000, E5=11500000,
        B6="按收入性质分：12000000", B7="其中：一般公共预算：10000000", B8="政府性基金拨款：1500000",
        B10="其他资金：500000", E6="按支出性质分：11500000", E7="其中：基本支出：3000000", E8="项目支出：8500000",
    )  # fmt: skip
    basic_rows, basic_merges = basic()
    basic_rows.append(["部门基本支出预算调整", E, 300, 300])
    return [("基础数据表", basic_rows, basic_merges), ("自评表", rows, merges)]


# ---------------------------------------------------------------- the tests

RANK = {"info": 1, "warning": 2, "error": 3}

#: Cause 1 (miss): a 部门整体 indicator whose actual contradicts the same rate on the 基础数据表 was compared with
#: nothing (B15 now compares 在职人员控制率, 三公经费控制率, 公用经费控制率, 政府采购执行率).
INDICATOR_VS_BASIC = [
    "dept_staff_rate_vs_basic",
    "dept_three_public_rate_vs_basic",
    "dept_procurement_vs_basic",
    "dept_public_funds_fraction_vs_basic",
]
#: Cause 2 (false 错误): F02 added 江西's 资金结构 rows (基本支出/项目支出) to its 资金来源 rows (财政拨款/其他资金), so a
#: correct table "should be" 2400 = 2 × 1200; the planted 资金结构 error was reported beside a false one in 全年预算数.
TWO_SPLITS = ["jiangxi_two_splits_ok", "jiangxi_structure_sum"]
#: Cause 3 (false 错误 + miss): 重庆 scores 执行率 on its 其中财政拨款 row (执行率 | 执行率权重 | 执行率得分): the two
#: columns were unknown, the 年度总金额 row's blank 执行率 was an F04 错误, and a wrong 执行率得分 went unchecked.
SCORED_SOURCE_ROW = ["chongqing_ok", "chongqing_exec_score_wrong"]
#: Cause 4 (table not read): 江西's 分解目标 (the 一级指标 column) and 全年完成情况 (the goals' actual) were unknown
#: headers: the goal row went unread (LAYOUT_UNMAPPED_ROW) and 产出指标/满意度指标 were "missing" (I02).
JIANGXI_HEADERS = ["jiangxi_two_splits_ok", "jiangxi_structure_sum"]


def check_case(tmp_path, name: str) -> None:
    fn, expected = CASES[name]
    result = validate(tmp_path, *fn())
    assert all(s.read for s in result.coverage.sheets), result.coverage.sheets  # every table read
    errors = [(f.code, f.ref.sheet, f.ref.cell) for f in result.findings if f.severity.value == "error"]
    if expected is None:
        assert errors_of(result) == [], findings(result)
        # and no 警告 that misreads the table: the sums, rates and splits the comment checks by hand
        misreads = {"B01", "B03", "B05", "B06", "B14", "B15", "B16", "F04", "F05", "F09", "T02", "S01", "S02", "S07"}
        assert [f for f in findings(result) if f[0] in misreads] == [], findings(result)
        return
    code, sheet, cell, severity = expected
    hits = [f for f in result.findings if f.code == code and f.ref.sheet == sheet and f.ref.cell == cell]
    assert hits, findings(result)
    assert RANK[hits[0].severity.value] >= RANK[severity], findings(result)
    if severity == "warning" and code != "B02":
        assert hits[0].severity.value == "warning" and hits[0].basis, findings(result)
    # no other 错误: only at the planted cell (two codes may describe one wrong cell: S02 and S07)
    assert [e for e in errors if (e[1], e[2]) != (sheet, cell)] == [], findings(result)


@pytest.mark.parametrize("name", INDICATOR_VS_BASIC)
def test_indicator_contradicting_basic_table_is_found(tmp_path, name):
    """A 部门整体 indicator (在职人员控制率, 三公经费控制率 …) whose actual differs from the same rate on the 基础数据表."""
    check_case(tmp_path, name)


@pytest.mark.parametrize("name", TWO_SPLITS)
def test_source_and_structure_splits_add_up_separately(tmp_path, name):
    """资金来源 and 资金结构 each split the same 合计: each is summed alone."""
    check_case(tmp_path, name)


@pytest.mark.parametrize("name", SCORED_SOURCE_ROW)
def test_execution_scored_on_a_source_row(tmp_path, name):
    """重庆: 执行率, 执行率权重 and 执行率得分 on the 其中财政拨款 row are the form's 预算执行率 score."""
    check_case(tmp_path, name)


@pytest.mark.parametrize("name", JIANGXI_HEADERS)
def test_jiangxi_goal_and_level1_columns_are_read(tmp_path, name):
    """江西 整体支出绩效自评表: 年初设定目标 | 全年完成情况 and 分解目标 | 自评权重 are read."""
    fn, _ = CASES[name]
    result = validate(tmp_path, *fn())
    unread = [f for f in findings(result) if f[0] == "LAYOUT_UNMAPPED_ROW"]
    assert unread == [], unread
    missing = [f for f in findings(result) if f[0] == "I02" and ("产出" in f[4] or "满意度" in f[4])]
    assert missing == [], missing
    [ev] = read_submission(tmp_path / "dept.xlsx").evaluations
    assert [g.actual.text for g in ev.goals] == ["全年新造林1.25万亩，在职人员控制在编制内"]
    assert {i.level1.text for i in ev.indicators} >= {"管理指标", "产出指标", "满意度指标"}


#: Cause 5 (false 错误): a 公务用车 part in a wording perfxl did not know ("公务用车运行费") left the named parts short,
#: and B03 called the 公务用车 row wrong with certainty ("应为分项之和 0") in every column.
UNKNOWN_PART = [
    "basic_car_wordings",
    "basic_reception_sum_wordings",
    "basic_car_unknown_wording",
    "basic_car_unknown_wording_wrong",
]
#: Cause 6 (table not read + miss): a 政府采购情况 block (政府采购预算数 │ 实际政府采购金额 │ 政府采购执行率) and a 资产情况
#: block were unread rows (LAYOUT_UNMAPPED_ROW 警告), so a wrong printed 政府采购执行率 went unchecked.
PROCUREMENT_BLOCK = ["basic_procurement_assets_blocks", "basic_procurement_block_rate_wrong"]


@pytest.mark.parametrize("name", UNKNOWN_PART)
def test_sum_with_a_part_in_an_unknown_wording(tmp_path, name):
    """公务用车运行费 is the 公务用车 part it says; an unknown wording among the parts makes their sum a judgement."""
    check_case(tmp_path, name)


@pytest.mark.parametrize("name", PROCUREMENT_BLOCK)
def test_procurement_and_asset_blocks_are_read(tmp_path, name):
    """The 政府采购情况 block is the procurement row (its printed rate checked: B13); the 资产情况 block is known."""
    fn, _ = CASES[name]
    result = validate(tmp_path, *fn())
    assert [f for f in findings(result) if f[0] == "LAYOUT_UNMAPPED_ROW"] == [], findings(result)
    check_case(tmp_path, name)


#: Cause 7 (false 错误): a second 其中 inside 按支出性质分 (其中：基本支出 300 │ 其中：人员经费 200 │ 公用经费 100 │ 项目支出
#: 850) was added as more parts: "1450 > 1150", certain.
NESTED_SPLIT = ["dept_expenditure_nested_two_deep", "dept_expenditure_nested_wrong"]


@pytest.mark.parametrize("name", NESTED_SPLIT)
def test_split_with_nested_items(tmp_path, name):
    """A part's own 其中 items inside a 按支出性质分 split are inside it, not added again."""
    check_case(tmp_path, name)


CAUSES = {
    *INDICATOR_VS_BASIC,
    *TWO_SPLITS,
    *SCORED_SOURCE_ROW,
    *JIANGXI_HEADERS,
    *UNKNOWN_PART,
    *PROCUREMENT_BLOCK,
    *NESTED_SPLIT,
}


@pytest.mark.parametrize("name", [n for n in CASES if n not in CAUSES])
def test_guard(tmp_path, name):
    """Cases perfxl already read right when written: correct tables stay clean, planted errors are found at their
    cell."""
    check_case(tmp_path, name)
