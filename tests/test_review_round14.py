"""Review round 14: a MISS hunt. One-sheet workbooks typed the way the provinces of tests/realworld print their forms
(财预〔2020〕10号 项目支出 and 部门整体 自评表, a 四川 two-row 指标性质 │ 指标值 │ 度量单位 header with merged 一级 labels, the 湖北
预算数(A) │ 执行数(B) │ 执行率(B/A) funds block, a 宁夏 funds block without 分值, a two-row 预算执行情况 funds header, the 湖南
基础数据表 with its 三公/其中 rows and 编制数 │ 实际在职人数), each carrying ONE planted error of one category of
tests/realworld/README.md that the printed cells make certain — worked out by hand in the comment above the case (score =
分值 × min(1, 实际/目标), reverse 分值 × 目标/实际, 执行率 = 执行数/预算数, all rounded half up at the printed places).
Some plant the error in a less common place: a second 自评表 on the sheet, a funds block below the indicators, 按收入/支出
性质分 figures inside text cells ("其中：基本支出：400"), a rate typed 0.96 or in full-width digits, a funds block in 元, an
actual typed 0.9 against "≥95%" or in 万元 against a target in 元.

Later passes (after the first fixes) added tables sharing a sheet (基础数据表 and 自评表), the 湖南 部门 form with its
breakdown text, merged levels, a 评分表 with a 分值 after every level, round 11's provincial forms, a real 名山 转移支付
table, and wordings (不低于95%, 95%以上, "9.5（扣0.5分）", 2022年决算数 columns) — 107 cases over 33 tables, every category.

Each case asserts: a finding of the category's codes at the planted cell (or row) with 错误 where the cells make the
error certain (警告 where a person must judge — the reason is given with the case), and no 错误 on any other row. The
tests before the guard failed when written (one per distinct cause, parametrised over the cases showing it; sections
8–12 were found in later passes, sections 13–14 are a false alarm and a silent limit met on the way); the guard holds
the cases perfxl already found."""

from __future__ import annotations

import copy
import re
import tomllib
from pathlib import Path

import pytest
from openpyxl.utils import column_index_from_string
from report_helpers import pad
from report_helpers import workbook_result as _workbook
from test_review_round11 import GOAL, IND_HEAD, TABLES, head  # the 10号 form's head rows, shared with round 11

E = ""
RANK = {"info": 1, "warning": 2, "error": 3}

#: Category of tests/realworld/README.md → the finding codes that report it (as in tests/test_realworld.py).
FAMILIES = {
    "exec_rate": ("F04",),
    "exec_score": ("F05",),
    "funds_sum": ("F02", "F09", "F10"),
    "overspent": ("F03", "B05", "B06", "B16"),
    "score": ("S01", "S02", "S03", "S05", "S07"),
    "over_weight": ("S06",),
    "weights_sum": ("W02", "W03", "W05"),
    "total": ("T02", "T03"),
    "grade": ("T04",),
    "deviation": ("D01", "D02", "S08"),
    "no_evidence": ("S12", "S13", "S14", "S15", "S16", "G02"),
    "basic_rate": ("B01", "B12"),
    "basic_sum": ("B03", "B05", "B06", "B16"),
    "overstaff": ("B02",),
}

# ---------------------------------------------------------------- correct base tables (every figure checked by hand)


FUNDS_HEAD = pad(["项目资金（万元）", E, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"])
FUNDS_ROWS = [
    pad([E, "年度资金总额", 100, 120, 114, 10, "95.00%", 9.5]),
    pad([E, "其中：当年财政拨款", 100, 110, 104, "—", "94.55%", "—"]),
    pad([E, "上年结转资金", 0, 10, 10, "—", "100.00%", "—"]),
    pad([E, "其他资金", 0, 0, 0, "—", E, "—"]),
]
# Nine indicator rows worth 90 (the funds block scores the other 10): 89 points.
INDICATORS = [
    [E, "产出指标", "数量指标", "培训农民人次", "≥500人次", "520人次", 15, 15, E],
    [E, E, E, "新建村级服务站数量", "≥10个", "10个", 15, 15, E],
    [E, E, "质量指标", "培训合格率", "≥95%", "98%", 10, 10, E],
    [E, E, "时效指标", "项目完成时间", "2023年12月31日前", "2023年11月20日", 5, 5, E],
    [E, E, "成本指标", "人均培训成本", "≤200元", "190元", 5, 5, E],
    [E, "效益指标", "社会效益指标", "带动就业人数", "≥50人", "45人", 10, 9, "部分学员外出务工未计入，下年加强跟踪统计"],
    [E, E, "经济效益指标", "参训农民人均增收", "≥2000元", "2100元", 10, 10, E],
    [E, E, "可持续影响指标", "服务站持续运行年限", "≥3年", "3年", 10, 10, E],
    [E, "满意度指标", "服务对象满意度指标", "参训农民满意度", "≥90%", "95%", 10, 10, E],
]


def std10(name="农民实用技术培训项目"):
    """P: the 10号 项目支出绩效自评表. Funds 114/120 = 95.00% → 10 × 0.95 = 9.5; 当年财政拨款 104/110 = 94.5454..% →
    94.55%; 上年结转 10/10 = 100.00%; 年初 100 + 0 + 0 = 100, 全年 110 + 10 + 0 = 120, 执行 104 + 10 + 0 = 114.
    带动就业人数 ≥50人, 45人: 10 × 45/50 = 9 (reason given); every other indicator met. Total 9.5 + 89 = 98.5 → 优.
    Rows: funds 5–9 (total 6), goal 10–11, header 12, indicators 13–21, 总分 22, 自评等级 23."""
    t = head(name) + copy.deepcopy([FUNDS_HEAD, *FUNDS_ROWS, *GOAL, IND_HEAD, *INDICATORS])
    t += [pad(["总分", E, E, E, E, E, 100, 98.5]), pad(["自评等级", "优"])]
    return t, ["A1:I1", "A2:I2", "B3:I3", "A5:A9", "A10:A11", "A12:A21", "B13:B17", "B18:B20"]


def split4():
    """S: a 四川 form with a two-row header (年度指标值 merged over 指标性质 │ 指标值 │ 度量单位; the other headers merged down
    both rows), 一级 labels merged down their rows, a 评分标准 column. Funds 500/500 = 100.00% → 10. Indicators all met
    (12 ≥ 12; 8200 ≥ 8000; 97 ≥ 95; 100 = 100; 24.5 ≤ 25; 91 ≥ 90; 健全; 95 ≥ 90): 20 + 15 + 15 + 10 + 10 + 10 + 5 + 5 = 90.
    Total 100 → 优. Rows: funds 5–9, goal 10–11, header 12–13, indicators 14–21, 总分 22."""
    c = 11
    t = head("农村饮水安全巩固提升工程", cols=c)
    t += [
        pad(["项目资金（万元）", E, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"], c),
        pad([E, "年度资金总额", 500, 500, 500, 10, "100.00%", 10], c),
        pad([E, "其中：当年财政拨款", 500, 500, 500, "—", "100.00%", "—"], c),
        pad([E, "上年结转资金", 0, 0, 0, "—", E, "—"], c),
        pad([E, "其他资金", 0, 0, 0, "—", E, "—"], c),
        pad(["年度总体目标", "预期目标", E, E, E, E, "实际完成情况"], c),
        pad([E, "新建农村饮水工程12处，巩固提升农村供水保障水平。", E, E, E, E, "建成饮水工程12处，受益8200人。"], c),
        [
            "一级指标",
            "二级指标",
            "三级指标",
            "年度指标值",
            E,
            E,
            "实际完成值",
            "分值",
            "得分",
            "评分标准",
            "偏差原因分析及改进措施",
        ],
        [E, E, E, "指标性质", "指标值", "度量单位", E, E, E, E, E],
        ["产出指标", "数量指标", "新建农村饮水工程", "≥", 12, "处", 12, 20, 20, "完成得满分，未完成按比例扣分", E],
        [E, E, "受益人口", "≥", 8000, "人", 8200, 15, 15, "完成得满分，未完成按比例扣分", E],
        [E, "质量指标", "水质检测合格率", "≥", 95, "%", 97, 15, 15, "达到得满分，未达到按比例扣分", E],
        [E, "时效指标", "工程完工及时率", "=", 100, "%", 100, 10, 10, "按期完成得满分", E],
        [E, "成本指标", "单处工程平均造价", "≤", 25, "万元", 24.5, 10, 10, "未超出得满分", E],
        ["效益指标", "社会效益指标", "农村自来水普及率", "≥", 90, "%", 91, 10, 10, "达到得满分", E],
        [E, "可持续影响指标", "长效管护机制", "定性", "健全", E, "健全", 5, 5, "健全得满分", E],
        ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥", 90, "%", 95, 5, 5, "≥90%得满分", E],
        pad(["总分", E, E, E, E, E, E, 100, 100], c),
        pad(["自评等级", "优"], c),
    ]
    merges = ["A1:K1", "A2:K2", "B3:K3", "A5:A9", "A10:A11", "A12:A13", "B12:B13", "C12:C13", "D12:F12"]
    merges += ["G12:G13", "H12:H13", "I12:I13", "J12:J13", "K12:K13", "A14:A18", "B14:B15", "A19:A20"]
    return t, merges


def hubei():
    """H: 湖北's funds block without 年初预算数 (预算数(A) │ 执行数(B) │ 执行率(B/A) │ 分值 │ 得分). 180/200 = 90.00% → 10 × 0.9
    = 9. 市民投诉率 ≤2%, 2.5%: 10 × 2/2.5 = 8 (reason given); the rest met. Total 9 + 20 + 20 + 10 + 8 + 10 + 10 + 10 = 97.
    Rows: funds 4–6 (合计 6), goal 7–8, header 9, indicators 10–16, 总分 17."""
    t = [
        pad(["2023年度项目支出绩效自评表"]),
        pad(["项目名称", "城区环卫保洁服务项目"]),
        pad(["主管部门", "某区城市管理局", E, E, E, "实施单位", "某区环境卫生服务中心"]),
        pad(["预算执行情况（万元）", "资金来源", "预算数(A)", "执行数(B)", "执行率(B/A)", "分值", "得分"]),
        pad([E, "一般公共预算拨款", 200, 180, "90.00%", E, E]),
        pad([E, "合计", 200, 180, "90.00%", 10, 9]),
        pad(["年度总体目标", "预期目标", E, E, E, "实际完成情况"]),
        pad([E, "保障城区主次干道清扫保洁，提升市容环境。", E, E, E, "完成城区道路清扫保洁，市容环境明显改善。"]),
        IND_HEAD,
        [E, "产出指标", "数量指标", "清扫保洁面积", "≥120万平方米", "125万平方米", 20, 20, E],
        [E, E, "质量指标", "道路保洁达标率", "≥95%", "96%", 20, 20, E],
        [E, E, "时效指标", "垃圾日产日清率", "100%", "100%", 10, 10, E],
        [
            E,
            "效益指标",
            "社会效益指标",
            "市民投诉率",
            "≤2%",
            "2.5%",
            10,
            8,
            "夏季垃圾量增加，个别路段清运不及时，已增加车辆",
        ],
        [E, E, E, "道路机械化清扫率", "≥80%", "85%", 10, 10, E],
        [E, E, "生态效益指标", "垃圾无害化处理率", "100%", "100%", 10, 10, E],
        [E, "满意度指标", "服务对象满意度指标", "市民满意度", "≥90%", "93%", 10, 10, E],
        pad(["总分", E, E, E, E, E, 100, 97]),
        pad(["自评等级", "优"]),
    ]
    return t, ["A4:A6", "A7:A8", "A9:A16", "B10:B12", "B13:B15"]


def department():
    """D: 部门整体支出绩效自评表 (10号 附2). 年初 500, 全年 520, 执行 507: 507/520 = 97.50% → 10 × 0.975 = 9.75.
    按收入性质分 520 = 一般公共预算 500 + 政府性基金 20 + 其他 0; 按支出性质分 507 = 基本支出 300 + 项目支出 207.
    执法检查户次 ≥600, 540: 20 × 540/600 = 18 (reason given); the rest met. Total 9.75 + 20 + 18 + 50 = 97.75 → 优.
    Rows: funds 7–12 (total 8, breakdown text 9–12), goal 13–14, header 15, indicators 16–22, 总分 23."""
    rows, merges = TABLES["t10_department"]  # the same table as round 11's T10
    return copy.deepcopy(rows), list(merges)


BASIC_MONEY = [
    ["经费控制情况", "年初预算数", "全年预算数", "全年决算数"],
    ["三公经费", 12.5, 12.5, 10.8],
    ["1、公务用车购置和维护经费", 8, 8, 7.2],
    ["其中：公车购置", 0, 0, 0],
    ["公车运行维护", 8, 8, 7.2],
    ["2、出国经费", 0, 0, 0],
    ["3、公务接待", 4.5, 4.5, 3.6],
    ["项目支出", 300, 350, 340],
    ["1、业务工作经费", 100, 120, 118],
    ["2、运行维护经费", 200, 230, 222],
    ["公用经费", 80, 82, 79],
    ["其中：办公经费", 30, 30, 28],
    ["水费、电费、差旅费", 20, 22, 21],
    ["会议费、培训费", 10, 10, 9],
    ["政府采购金额", 50, 50, 48],
    ["部门基本支出预算调整", 0, 0, 0],
]


def basic():
    """BD: 湖南 部门整体支出绩效评价基础数据表 (单位：万元). 42/45 = 93.333..% → 93.33%. 三公 8 + 0 + 4.5 = 12.5 (budget) and
    7.2 + 0 + 3.6 = 10.8 (final); 公车 0 + 8 = 8, 0 + 7.2 = 7.2; 项目支出 100 + 200 = 300, 120 + 230 = 350, 118 + 222 = 340;
    公用经费 其中 30 + 20 + 10 = 60 ≤ 80/82, 28 + 21 + 9 = 58 ≤ 79; every 决算 ≤ its 全年预算数.
    Rows: staff 3–4, money 5–20 (三公 6, 公车 7, 公车运行 9, 接待 11, 公用经费 15, 办公经费 16)."""
    t = [
        pad(["2023年度部门整体支出绩效评价基础数据表"], 4),
        pad(["单位：万元"], 4),
        ["财政供养人员情况", "编制数", "实际在职人数", "控制率"],
        [E, 45, 42, "93.33%"],
        *[list(r) for r in BASIC_MONEY],
    ]
    return t, ["A1:D1", "A2:D2"]


def basic_staff_rows():
    """BR: the same 基础数据表 with 编制数 / 实际在职人数 / 控制率 typed as rows under a 人数 column (rows 4–6)."""
    t = [
        pad(["2023年度部门整体支出绩效评价基础数据表"], 4),
        pad(["单位：万元"], 4),
        pad(["财政供养人员情况", "人数"], 4),
        pad(["编制数", 45], 4),
        pad(["实际在职人数", 42], 4),
        pad(["控制率", "93.33%"], 4),
        *[list(r) for r in BASIC_MONEY],
    ]
    return t, ["A1:D1", "A2:D2", "B3:D3", "B4:D4", "B5:D5", "B6:D6"]


def two_tables():
    """P2: two 10号 自评表 on one sheet, one blank row between: P (rows 1–23) and P again for a second project (rows
    25–47: funds total 30, indicators 37–45, 总分 46)."""
    first, m1 = std10()
    second, m2 = std10("农村实用人才带头人培训项目")
    return [*first, pad([]), *second], m1 + [_shift(m, 24) for m in m2]


def funds_below():
    """PB: the funds block printed below the indicators, above the 总分 row (as some 县 forms do). Same figures as P.
    Rows: goal 5–6, header 7, indicators 8–16, funds 17–21 (total 18), 总分 22, 自评等级 23."""
    t = head("农民实用技术培训项目") + copy.deepcopy([*GOAL, IND_HEAD, *INDICATORS, FUNDS_HEAD, *FUNDS_ROWS])
    t += [pad(["总分", E, E, E, E, E, 100, 98.5]), pad(["自评等级", "优"])]
    return t, ["A1:I1", "A2:I2", "B3:I3", "A5:A6", "A7:A16", "B8:B12", "B13:B15", "A17:A21"]


def yuan_funds():
    """PY: P with the funds block in 元 ("项目资金（元）"): 1,140,000/1,200,000 = 95.00% → 9.5; 1,040,000/1,100,000 = 94.55%."""
    t, merges = std10()
    t[4][0] = "项目资金（元）"
    for r in range(5, 9):
        for c in range(2, 5):
            if isinstance(t[r][c], int):
                t[r][c] *= 10000
    return t, merges


def ningxia():
    """NX: 宁夏's funds block without 分值/得分 (执行率 typed as a fraction, 0.95) and indicators worth 100: P's nine with
    满意度 weighted 20. 114/120 = 0.95; 104/110 = 0.94545.. → 0.9455 at 4 places; 10/10 = 1.
    Scores 15 + 15 + 10 + 5 + 5 + 9 + 10 + 10 + 20 = 99. Rows: funds 5–9 (total 6), indicators 13–21, 总分 22."""
    t = head("农民实用技术培训项目")
    t += [
        pad(["项目资金（万元）", E, "年初预算数", "全年预算数", "全年执行数", "执行率"]),
        pad([E, "年度资金总额", 100, 120, 114, 0.95]),
        pad([E, "其中：当年财政拨款", 100, 110, 104, 0.9455]),
        pad([E, "上年结转资金", 0, 10, 10, 1]),
        pad([E, "其他资金", 0, 0, 0, E]),
    ]
    inds = copy.deepcopy(INDICATORS)
    inds[-1][6] = inds[-1][7] = 20
    t += [
        *copy.deepcopy(GOAL),
        copy.deepcopy(IND_HEAD),
        *inds,
        pad(["总分", E, E, E, E, E, 100, 99]),
        pad(["自评等级", "优"]),
    ]
    return t, ["A1:I1", "A2:I2", "B3:I3", "A5:A9", "A10:A11", "A12:A21", "B13:B17", "B18:B20"]


def group_header():
    """G2: a two-row funds header ("预算执行情况（万元）" merged over 年初预算数 │ 全年预算数 │ 全年执行数; 分值 │ 执行率 │ 得分
    merged down both rows). 300/320/304: 304/320 = 95.00% → 9.5; 285/300 = 95.00%; 19/20 = 95.00%. P's indicators: 89.
    Total 98.5. Rows: funds 5–10 (total 7), goal 11–12, header 13, indicators 14–22, 总分 23."""
    t = head("城区道路路灯维护项目")
    t += [
        pad(["项目资金（万元）", E, "预算执行情况（万元）", E, E, "分值", "执行率", "得分"]),
        pad([E, E, "年初预算数", "全年预算数", "全年执行数"]),
        pad([E, "年度资金总额", 300, 320, 304, 10, "95.00%", 9.5]),
        pad([E, "其中：当年财政拨款", 300, 300, 285, "—", "95.00%", "—"]),
        pad([E, "上年结转资金", 0, 20, 19, "—", "95.00%", "—"]),
        pad([E, "其他资金", 0, 0, 0, "—", E, "—"]),
    ]
    t += copy.deepcopy([*GOAL, IND_HEAD, *INDICATORS])
    t += [pad(["总分", E, E, E, E, E, 100, 98.5]), pad(["自评等级", "优"])]
    merges = ["A1:I1", "A2:I2", "B3:I3", "A5:A10", "B5:B6", "C5:E5", "F5:F6", "G5:G6", "H5:H6"]
    return t, [*merges, "A11:A12", "A13:A22", "B14:B18", "B19:B21"]


def percent_numbers():
    """PP: P with the 执行率 typed as numbers under "执行率（%）" (95, 94.55, 100): the same figures."""
    t, merges = std10()
    t[4][6] = "执行率（%）"
    t[5][6], t[6][6], t[7][6] = 95, 94.55, 100
    return t, merges


def basic_buildings():
    """BB: BD with the 楼堂馆所控制情况 block (7 columns): 办公楼维修改造 批复 1000㎡, 实际 1000㎡ → 100.00%; 预算投资 200,
    实际投资 190 → 95.00%. Rows: staff 3–4, money 5–20, buildings 21–22."""
    t, _merges = basic()
    t = [pad(r, 7) for r in t]
    t += [
        [
            "楼堂馆所控制情况",
            "批复规模（㎡）",
            "实际规模（㎡）",
            "规模控制率",
            "预算投资（万元）",
            "实际投资（万元）",
            "投资概算控制率",
        ],
        ["办公楼维修改造", 1000, 1000, "100.00%", 200, 190, "95.00%"],
    ]
    return t, ["A1:G1", "A2:G2"]


def _r12(name):
    from test_review_round12 import TABLES as R12

    rows, merges = R12[name]
    return copy.deepcopy(rows), list(merges)


def _r11(name):
    from test_review_round11 import TABLES as R11

    rows, merges = R11[name]
    return copy.deepcopy(rows), list(merges)


def basic_then_department():
    """BD+D: the 基础数据表 (rows 1–20) and, after a blank row, the 部门整体 自评表 (D's rows + 21: funds total 29,
    indicators 37–43, 总分 44) on one sheet, as 部门 files print them."""
    b, mb = basic()
    d, md = department()
    return [*[pad(r, 9) for r in b], pad([]), *d], [*mb, *[_shift(m, 21) for m in md]]


def department_then_basic():
    """D+BD: the 部门整体 自评表 (rows 1–24) and, after a blank row, its 基础数据表 (BD's rows + 25: staff 29, 三公 31)."""
    d, md = department()
    b, mb = basic()
    return [*d, pad([]), *[pad(r, 9) for r in b]], [*md, *[_shift(m, 25) for m in mb]]


def scoring_table():
    """HS: a 部门整体 评价指标表 with a 分值 after every level (湖南 雨花 / 海南: 一级指标 │ 分值 │ 二级指标 │ 分值 │ 三级指标 │
    分值 │ 评价标准 │ 得分). 投入 20 = 预算配置 20 = 10 + 10; 过程 30 = 预算执行 30 = 15 + 15 (预算控制率 scored 14); 产出 30 =
    职责履行 30 = 30; 效果 20 = 履职效益 20 = 20. 分值 100; 得分 10 + 10 + 15 + 14 + 30 + 20 = 99.
    Rows: header 2, 投入 3–4, 过程 5–6 (二级 分值 D5), 产出 7, 效果 8, 总分 9."""
    crit = "按评分标准计分"
    t = [
        pad(["部门整体支出绩效评价指标表"], 8),
        ["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "评价标准", "得分"],
        ["投入", 20, "预算配置", 20, "在职人员控制率", 10, crit, 10],
        [E, E, E, E, "“三公经费”变动率", 10, crit, 10],
        ["过程", 30, "预算执行", 30, "预算完成率", 15, crit, 15],
        [E, E, E, E, "预算控制率", 15, crit, 14],
        ["产出", 30, "职责履行", 30, "重点工作实际完成率", 30, crit, 30],
        ["效果", 20, "履职效益", 20, "社会效益", 20, crit, 20],
        ["总分", 100, E, E, E, E, E, 99],
    ]
    return t, ["A1:H1", "A3:A4", "B3:B4", "C3:C4", "D3:D4", "A5:A6", "B5:B6", "C5:C6", "D5:D6", "B9:G9"]


def department_numeric_parts():
    """DN: D with its funds split into numbered rows by nature instead of text (其中：基本支出 300 │ 300 │ 300; 项目支出
    200 │ 220 │ 207): 500 = 300 + 200, 520 = 300 + 220, 507 = 300 + 207; 300/300 = 100.00%, 207/220 = 94.09%."""
    t, merges = department()
    t[8:12] = [
        pad([E, "其中：基本支出", 300, 300, 300, "—", "100.00%", "—"]),
        pad([E, "项目支出", 200, 220, 207, "—", "94.09%", "—"]),
        pad([E, "其他资金", 0, 0, 0, "—", E, "—"]),
        pad([]),
    ]
    return t, merges


def _corpus(name):
    """A real published table of tests/realworld (as transcribed: every cell text as printed)."""
    with (Path(__file__).resolve().parent / "realworld" / f"{name}.toml").open("rb") as fh:
        data = tomllib.load(fh)
    return copy.deepcopy(data["rows"]), list(data.get("merges", []))


BASES = {
    "P": std10,
    "S": split4,
    "H": hubei,
    "D": department,
    "BD": basic,
    "BR": basic_staff_rows,
    "P2": two_tables,
    "PB": funds_below,
    "PY": yuan_funds,
    "NX": ningxia,
    "G2": group_header,
    "PP": percent_numbers,
    "BB": basic_buildings,
    # tests/test_review_round12.py's correct tables (each worked out by hand there):
    # 中央 绩效目标申报表 (年度资金总额 300 = 财政拨款 300 + 其他资金 0 in F6:F8)
    "DECL": lambda: _r12("a09_declaration_midterm"),
    # 中央 执行监控表 1-7月 (192/320 = 60.00% at F6; 180/300 at F7; 12/20 at F8)
    "MON": lambda: _r12("a10_monitoring_1_7"),
    # 10号 form with 一级 heading rows carrying their weights (产出指标（50分） at B14 over rows 15–18 = 20+15+10+5;
    # 效益指标（30分） B19; 满意度指标（10分） B22; 总分 row 24)
    "L1": lambda: _r12("a12_levels_of_government_headings"),
    # 湖南 基础数据表 with 2022年决算数 │ 2023年预算数 │ 2023年决算数 and the staff figures as rows (三公 row 7: 11.5 = 7.5 + 0 + 4)
    "BY": lambda: _r12("a08_basic_staff_as_rows_hunan_years"),
    # tests/test_review_round11.py's correct tables: 安徽 form with "(自评等级：优)" in the 总分 row's last cell (I20;
    # total 98.5); 宁夏 绩效目标自评表 stating "项目总得分99.41分" in row 2 above the table (合计 row 20: 99.41 = 10 + 9.41 +
    # 10 + 10 + 10 + 20 + 20 + 10)
    "AH": lambda: _r11("t16_anhui"),
    "NXT": lambda: _r11("t17_ningxia_no_funds_score"),
    "BD+D": basic_then_department,
    "D+BD": department_then_basic,
    # 湖南 部门整体 form, 8 columns (年度预算申请 with 按收入/支出性质分 text in B5:B9 and E5:E7; indicators 13–19 with
    # 分值 F, 得分 G; 开展建筑市场执法检查 ≥120次, 110次 → 18.33 at G13; 总分 row 20: 97.83)
    "HN": lambda: _r12("a11_hunan_department_breakdown"),
    # 一级 merged down all its rows, 二级 merged down theirs; 路灯亮灯率 ≥98%, 97% → 14.85 at H15; 总分 99.85 at H22
    "A14": lambda: _r12("a14_level1_merged_all_rows"),
    "HS": scoring_table,
    "DN": department_numeric_parts,
    # the real 四川 名山 转移支付 绩效评价表 (tests/realworld, no error found by hand): 全年预算数(A) │ 统筹整合(B) │ 扣除后(C) │
    # 到位(D) │ D/C │ 执行(E) │ E/C; 年度资金总额 row 5: 30.8/52.8 = 58.333..% → 58.33% at J5
    "MS": lambda: _corpus("sichuan-mingshan-lincao-2024"),
    # round 11's 云南 隆阳 form: weight in the funds header "(20分)", score "得分 (20分*执行率)" 18 at E4; each indicator's
    # weight in its name "（20分）"; 亩均增收 ≥100元, 90元 → 18 at G8; 总分 G10 96
    "T06": lambda: _r11("t06_yunnan_header_weight"),
    # round 11's 四川 split form with 定性 rows (法律服务质量 定性 优, actual 优 → 20 at J10; 合计 J15 99.90)
    "T20": lambda: _r11("t20_sichuan_qualitative_split"),
    # round 11's form with "自评等级：优" in the 总分 row's last cell (I19; 总分 97.5)
    "T19": lambda: _r11("t19_fraction_actuals_grade_in_total"),
    # tests/test_review_round11.py: 四川 县级 form (指标性质 E │ 指标值 F │ 度量单位 G │ 完成值 H │ 权重 I │ 得分 J;
    # 补助发放准确率 ≥ 98 % at row 10; 合计 row 14: 100 │ 99.50)
    "T07": lambda: _r11("t07_sichuan_nature_unit"),
    # 元 funds, 一级 weights in their labels (产出指标(50分) at B13 over 20 + 15 + 15; 总分 row 19)
    "T12": lambda: _r11("t12_yuan_level1_weights"),
    # "＝" and zero targets (安全生产事故 ＝0起, 0起 at row 17, 分值 G, 得分 H; 总分 row 20)
    "T13": lambda: _r11("t13_equal_and_zero"),
    # 计量单位 column and growth targets (扶持企业数 ≥20 家 at row 13; 营业收入 增长10%, 8 → 12 at I16; 总分 I18 96.8)
    "T08": lambda: _r11("t08_unit_column_growth"),
}


def _shift(merge: str, rows: int) -> str:
    return re.sub(r"(\d+)", lambda m: str(int(m.group(1)) + rows), merge)


def _cell(address: str) -> tuple[int, int]:
    m = re.fullmatch(r"([A-Z]+)(\d+)", address)
    assert m, address
    return int(m.group(2)) - 1, column_index_from_string(m.group(1)) - 1


def build(base: str, plant: dict[str, object]):
    """The base table with the planted cells set (A1 addresses)."""
    rows, merges = BASES[base]()
    rows = copy.deepcopy(rows)
    for address, value in plant.items():
        r, c = _cell(address)
        rows[r][c] = value
    return rows, tuple(merges)


# ---------------------------------------------------------------- the cases: one planted error each
# (id, base, planted cells, category, expected cell (or row number), severity)

CASES = {
    # P: 114/120 = 95.00%, printed 96.00%.
    "p_exec_rate": ("P", {"G6": "96.00%"}, "exec_rate", "G6", "error"),
    # P: 104/110 = 94.5454..% → 94.55% at the two places printed; "94.50%" is wrong at them.
    "p_exec_rate_part": ("P", {"G7": "94.50%"}, "exec_rate", "G7", "error"),
    # P: the rate typed as a fraction 0.96 (a %-formatted cell); 114/120 = 0.95.
    "p_exec_rate_fraction": ("P", {"G6": 0.96}, "exec_rate", "G6", "error"),
    # P: the rate in full-width digits "９６．００％" = 96.00%; 114/120 = 95.00%.
    "p_exec_rate_fullwidth": ("P", {"G6": "９６．００％"}, "exec_rate", "G6", "error"),
    # P: 10 × 0.95 = 9.5, printed 9.8 (总分 98.8 = 9.8 + 89, so the total agrees with the printed scores).
    "p_exec_score": ("P", {"H6": 9.8, "H22": 98.8}, "exec_score", "H6", "error"),
    # P: 年初预算数 of 当年财政拨款 typed 90: 90 + 0 + 0 = 90 ≠ the total's 100.
    "p_funds_sum_initial": ("P", {"C7": 90}, "funds_sum", 6, "error"),
    # P: 上年结转资金 10 budgeted, 12 spent (120.00%); total 104 + 12 = 116, 116/120 = 96.666..% → 96.67% → 9.67;
    # 总分 9.67 + 89 = 98.67. 上年结转 is 财政 money: spending it beyond its budget is certain.
    "p_overspent": (
        "P",
        {"E8": 12, "G8": "120.00%", "E6": 116, "G6": "96.67%", "H6": 9.67, "H22": 98.67},
        "overspent",
        "E8",
        "error",
    ),
    # P: 带动就业人数 ≥50人, 45人 → 10 × 45/50 = 9.0, printed 9.5 (总分 99).
    "p_score_positive": ("P", {"H18": 9.5, "H22": 99}, "score", "H18", "error"),
    # P: 人均培训成本 ≤200元, actual 250元 → 5 × 200/250 = 4, printed 4.5 with a reason (总分 98.5 − 5 + 4.5 = 98).
    "p_score_reverse": (
        "P",
        {"F17": "250元", "H17": 4.5, "I17": "培训教材价格上涨，人均成本超出，下年优化采购", "H22": 98},
        "score",
        "H17",
        "error",
    ),
    # P: 项目完成时间 weighted 5, scored 6 (总分 99.5).
    "p_over_weight": ("P", {"H16": 6, "H22": 99.5}, "over_weight", "H16", "error"),
    # P: 服务站持续运行年限 weighted 5 (scored 5): weights 10 + 15+15+10+5+5+10+10+5+10 = 95 ≠ the 总分 row's 100;
    # 得分 9.5 + 84 = 93.5.
    "p_weights_sum": ("P", {"G20": 5, "H20": 5, "H22": 93.5}, "weights_sum", 22, "error"),
    # P: 9.5 + 89 = 98.5, 总分 printed 97.5.
    "p_total": ("P", {"H22": 97.5}, "total", "H22", "error"),
    # P: 总分 98.5 ≥ 90 → 优, graded 良.
    "p_grade": ("P", {"B23": "良"}, "grade", "B23", "error"),
    # P: 带动就业人数 45 < 50 scored 9, its 偏差原因 left blank.
    "p_deviation": ("P", {"I18": ""}, "deviation", 18, "error"),
    # P: 参训农民人均增收 full marks with no 实际完成值: the score cannot be verified — 警告 (a person must look).
    "p_no_evidence_blank": ("P", {"F19": ""}, "no_evidence", 19, "warning"),
    # P: 新建村级服务站数量 ≥10个 answered "已完成" with full marks: how many were built is not said — 警告.
    "p_no_evidence_done": ("P", {"F14": "已完成"}, "no_evidence", 14, "warning"),
    # P: 培训合格率 ≥95%, actual typed 0.9 (a %-formatted cell: 90%) → 10 × 90/95 = 9.47, printed 10 (full marks on a
    # missed target). The reason is given, so only the score is wrong.
    "p_score_fraction_actual": (
        "P",
        {"F15": 0.9, "I15": "部分学员因农忙缺考，下年调整考核时间"},
        "score",
        "H15",
        "error",
    ),
    # P: 参训农民人均增收 ≥2000元, actual "0.18万元" = 1800元 → 10 × 1800/2000 = 9, printed 10 (reason given).
    "p_score_wan_vs_yuan": (
        "P",
        {"F19": "0.18万元", "I19": "受农产品价格下跌影响，增收未达预期"},
        "score",
        "H19",
        "error",
    ),
    # S: 受益人口 ≥ 8000 人, actual 7600 → 15 × 7600/8000 = 14.25 (14.3 at the one place printed), printed 13.5 with a
    # reason; 总分 100 − 15 + 13.5 = 98.5.
    "s_score_split": (
        "S",
        {"G15": 7600, "I15": 13.5, "K15": "部分村组搬迁，受益人口减少", "I22": 98.5},
        "score",
        "I15",
        "error",
    ),
    # S: 单处工程平均造价 ≤ 25 万元, actual 26.5 (万元, the row's 度量单位) → reverse 10 × 25/26.5 = 9.43, printed 10
    # (reason given).
    "s_score_reverse_split": ("S", {"G18": 26.5, "K18": "钢材价格上涨，单处造价超出"}, "score", "I18", "error"),
    # S: 水质检测合格率 ≥ 95 %, actual 93 → 15 × 93/95 = 14.68, printed 14.68, 偏差原因 blank; 总分 99.68.
    "s_deviation_split": ("S", {"G16": 93, "I16": 14.68, "I22": 99.68}, "deviation", 16, "error"),
    # S: 受益群众满意度 weighted 5, scored 6; 受益人口 ≥ 8000, 7200 → 15 × 0.9 = 13.5 (reason given), so the 总分
    # 100 − 1.5 + 1 = 99.5 stays within 100 and agrees with the printed scores.
    "s_over_weight_split": (
        "S",
        {"I21": 6, "G15": 7200, "I15": 13.5, "K15": "部分村组搬迁，受益人口减少", "I22": 99.5},
        "over_weight",
        "I21",
        "error",
    ),
    # H: 180/200 = 90.00% → 10 × 0.9 = 9, printed 9.5 (总分 97.5).
    "h_exec_score": ("H", {"G6": 9.5, "H17": 97.5}, "exec_score", "G6", "error"),
    # H: 合计 180/200 = 90.00%, printed 91.00%.
    "h_exec_rate": ("H", {"E6": "91.00%"}, "exec_rate", "E6", "error"),
    # H: 一般公共预算拨款 190 spent of 200 while the 合计 says 180: the one source ≠ the total.
    "h_funds_sum": ("H", {"D5": 190, "E5": "95.00%"}, "funds_sum", 6, "error"),
    # D: 按支出性质分 507 but 其中：基本支出：400 + 项目支出：207 = 607 > 507 (parts above their group figure: certain).
    "d_breakdown_parts_over": ("D", {"F10": "其中：基本支出：400"}, "funds_sum", 10, "error"),
    # D: 按收入性质分 520 but 一般公共预算：510 + 政府性基金拨款：20 + 其他资金：0 = 530 > 520.
    "d_breakdown_income_over": ("D", {"B10": "其中：一般公共预算：510"}, "funds_sum", 10, "error"),
    # D: 507/520 = 97.50%, printed 97.05%.
    "d_exec_rate": ("D", {"G8": "97.05%"}, "exec_rate", "G8", "error"),
    # D: 执法检查户次 ≥600, 540 → 20 × 0.9 = 18, printed 19 (总分 98.75).
    "d_score": ("D", {"H17": 19, "H23": 98.75}, "score", "H17", "error"),
    # BD: 42/45 = 93.333..% → 93.33%, printed 93.30%.
    "bd_staff_rate": ("BD", {"D4": "93.30%"}, "basic_rate", "D4", "error"),
    # BD: 在职 48 > 编制 45 (控制率 48/45 = 106.67%, printed right).
    "bd_overstaff": ("BD", {"C4": 48, "D4": "106.67%"}, "overstaff", 4, "error"),
    # BD: 三公 全年决算数 11.8 ≠ 公车 7.2 + 出国 0 + 接待 3.6 = 10.8.
    "bd_three_public_sum": ("BD", {"D6": 11.8}, "basic_sum", 6, "error"),
    # BD: 公务用车购置和维护经费 全年决算数 7.2 ≠ 公车购置 0 + 公车运行维护 6.2 = 6.2 (三公 stays 10.8 = 7.2 + 0 + 3.6).
    "bd_car_sum": ("BD", {"D9": 6.2}, "basic_sum", 7, "error"),
    # BD: 其中：办公经费 决算 31 > its 全年预算数 30 (公用经费 31 + 21 + 9 = 61 ≤ 79 still): 警告 like B16 on every
    # 其中 row (a sub-item may be re-allocated within its parent: a person judges).
    "bd_sub_item_over": ("BD", {"D16": 31}, "basic_sum", 16, "warning"),
    # BR: 42/45 = 93.33%, the 控制率 row printed 95.33%.
    "br_staff_rate_rows": ("BR", {"B6": "95.33%"}, "basic_rate", 6, "error"),
    # P2: the SECOND project's 带动就业人数 45 of ≥50 → 9, printed 9.5 (its 总分 99).
    "p2_second_table_score": ("P2", {"H42": 9.5, "H46": 99}, "score", "H42", "error"),
    # P2: the SECOND project's 114/120 = 95.00%, printed 96.00%.
    "p2_second_table_exec_rate": ("P2", {"G30": "96.00%"}, "exec_rate", "G30", "error"),
    # PB: the funds block below the indicators: 114/120 = 95.00%, printed 96.00%.
    "pb_funds_below_exec_rate": ("PB", {"G18": "96.00%"}, "exec_rate", "G18", "error"),
    # PB: the funds block below the indicators: 10 × 0.95 = 9.5, printed 9.8 (总分 98.8).
    "pb_funds_below_exec_score": ("PB", {"H18": 9.8, "H22": 98.8}, "exec_score", "H18", "error"),
    # PY: a funds block in 元: 1,140,000/1,200,000 = 95.00%, printed 96.00%.
    "py_yuan_exec_rate": ("PY", {"G6": "96.00%"}, "exec_rate", "G6", "error"),
    # PY: in 元: 当年财政拨款 1,100,000 budgeted, 1,150,000 spent (104.55%), 上年结转 100,000 not spent (0.00%): the total
    # 1,150,000 of 1,200,000 = 95.833..% → 95.83% → 9.58 stays within budget; 总分 9.58 + 89 = 98.58.
    "py_yuan_overspent": (
        "PY",
        {
            "E7": 1150000,
            "G7": "104.55%",
            "E8": 0,
            "G8": "0.00%",
            "E6": 1150000,
            "G6": "95.83%",
            "H6": 9.58,
            "H22": 98.58,
        },
        "overspent",
        "E7",
        "error",
    ),
    # NX: 114/120 = 0.95, typed 0.96 (no 分值 in this funds block).
    "nx_exec_rate_fraction": ("NX", {"F6": 0.96}, "exec_rate", "F6", "error"),
    # G2: the two-row funds header: 10 × 0.95 = 9.5, printed 9.8 (总分 98.8).
    "g2_exec_score": ("G2", {"H7": 9.8, "H23": 98.8}, "exec_score", "H7", "error"),
    # ---- harder places
    # P: 培训农民人次 ≥500, 250 → 15 × 0.5 = 7.5; 新建服务站 ≥10, 8 → 15 × 0.8 = 12 (reasons given): total 9.5 + 7.5 + 12 +
    # 10 + 5 + 5 + 9 + 10 + 10 + 10 = 88 → 良 (80 ≤ 88 < 90), graded 优.
    "p_grade_band": (
        "P",
        {
            "F13": "250人次",
            "H13": 7.5,
            "I13": "部分乡镇培训因汛期推迟，下年补训",
            "F14": "8个",
            "H14": 12,
            "I14": "2个村选址未落实，下年建成",
            "H22": 88,
        },
        "grade",
        "B23",
        "error",
    ),
    # P: 培训农民人次 ≥500, 475 → 15 × 0.95 = 14.25 → 14.3 at the one place printed (half up); printed 14.2 (banker's
    # rounding, or a slip) — wrong at its own precision. 总分 97.7.
    "p_score_half_up": (
        "P",
        {"F13": "475人次", "H13": 14.2, "I13": "部分学员因农忙缺课，下年调整时间", "H22": 97.7},
        "score",
        "H13",
        "error",
    ),
    # P: 带动就业人数 45 of ≥50 → 9, the score typed as text "9.5分" (总分 99).
    "p_score_text_unit": ("P", {"H18": "9.5分", "H22": 99}, "score", "H18", "error"),
    # P: the same score in full-width digits "９．５" (总分 99).
    "p_score_fullwidth": ("P", {"H18": "９．５", "H22": 99}, "score", "H18", "error"),
    # P: the actual typed as a bare number 45 (the target's unit 人) → 9, printed 9.5 (总分 99).
    "p_score_bare_actual": ("P", {"F18": 45, "H18": 9.5, "H22": 99}, "score", "H18", "error"),
    # P: the weight typed "10分": 45/50 × 10 = 9, printed 9.5 (总分 99).
    "p_score_weight_text": ("P", {"G18": "10分", "H18": 9.5, "H22": 99}, "score", "H18", "error"),
    # P: 新建村级服务站数量 ≥10个, 20个 (2 times the target) with no reason: 10号 asks why a target is far exceeded —
    # 警告 (whether the target was set too low is a person's call).
    "p_over_completion": ("P", {"F14": "20个"}, "deviation", 14, "warning"),
    # P: a qualitative row: 服务站持续运行 "持续发挥作用", actual "部分达成年度指标并具有一定效果" (the middle tier,
    # [60%, 80%) of 10), scored 10 (reason given).
    "p_qualitative_tier": (
        "P",
        {"E20": "持续发挥作用", "F20": "部分达成年度指标并具有一定效果", "I20": "个别服务站人员不稳定，下年加强管理"},
        "score",
        "H20",
        "error",
    ),
    # P: 项目完成时间 "2023年12月31日前", done "2024年3月15日" (late: the deadline method gives 0), scored 5 (reason given).
    "p_deadline_late": (
        "P",
        {"F16": "2024年3月15日", "I16": "受冬季施工条件限制，延期完成"},
        "score",
        "H16",
        "error",
    ),
    # P: 培训合格率 "＝100%" (full-width equals: a leading "=" would be a formula), actual 90% → 10 × 90/100 = 9, scored
    # 10 (reason given). (98% would give 9.8, which the form's whole-point scores round to 10: not certain.)
    "p_equal_target": (
        "P",
        {"E15": "＝100%", "F15": "90%", "I15": "2名学员补考未通过，下年加强辅导"},
        "score",
        "H15",
        "error",
    ),
    # P: 带动就业人数 45 of ≥50, 偏差原因 "无" — a placeholder is no reason. At least a 警告 (D02's own severity).
    "p_reason_placeholder": ("P", {"I18": "无"}, "deviation", 18, "warning"),
    # P: 人均培训成本 target "200元" with no operator: a cost is read lower-is-better from its name (a guess), so 250元
    # with full marks is a 警告 with the guess in its basis (reason given).
    "p_cost_no_operator": (
        "P",
        {"E17": "200元", "F17": "250元", "I17": "教材价格上涨，人均成本超出"},
        "score",
        "H17",
        "warning",
    ),
    # PP: "执行率（%）" typed as numbers: 114/120 = 95 (%), printed 96.
    "pp_exec_rate_percent_number": ("PP", {"G6": 96}, "exec_rate", "G6", "error"),
    # P2: the SECOND project's 总分 9.5 + 89 = 98.5, printed 97.5.
    "p2_second_table_total": ("P2", {"H46": 97.5}, "total", "H46", "error"),
    # P2: the SECOND project's 带动就业人数 missed with its 偏差原因 blank.
    "p2_second_table_deviation": ("P2", {"I42": ""}, "deviation", 42, "error"),
    # PB: funds below the indicators: 上年结转 10 budgeted, 12 spent; total 116/120 = 96.67% → 9.67; 总分 98.67.
    "pb_funds_below_overspent": (
        "PB",
        {"E20": 12, "G20": "120.00%", "E18": 116, "G18": "96.67%", "H18": 9.67, "H22": 98.67},
        "overspent",
        "E20",
        "error",
    ),
    # D: 总分 9.75 + 88 = 97.75, printed 96.75.
    "d_total": ("D", {"H23": 96.75}, "total", "H23", "error"),
    # BD: 公用经费 全年决算数 typed 50 while its 其中 rows 28 + 21 + 9 = 58 > 50 (each 其中 within its own budget):
    # the parts exceed the whole.
    "bd_public_parts_over_parent": ("BD", {"D15": 50}, "basic_sum", 15, "error"),
    # BD: 项目支出 全年决算数 typed 330 while 业务工作经费 118 + 运行维护经费 222 = 340 > 330. 警告: 项目支出's rows are
    # free-form (the form's "3、省级专项资金（每个专项一行）" lists its 专项 below its own line, so rows may nest).
    "bd_project_parts_over_parent": ("BD", {"D12": 330}, "basic_sum", 12, "warning"),
    # BB: 投资概算控制率 190/200 = 95.00%, printed 98.00%.
    "bb_building_rate": ("BB", {"G22": "98.00%"}, "basic_rate", "G22", "error"),
    # BY: 2022年决算数 of 三公 typed 12.5 while 公车 7.5 + 出国 0 + 接待 4 = 11.5.
    "by_three_public_prior_year": ("BY", {"B7": 12.5}, "basic_sum", 7, "error"),
    # DECL: the 申报表's 年度资金总额 300 but 其中：财政拨款 280 + 其他资金 0 = 280.
    "decl_funds_sum": ("DECL", {"F7": 280}, "funds_sum", 6, "error"),
    # MON: the 监控表's 1-7月执行率 192/320 = 60.00%, printed 62.00%.
    "mon_exec_rate": ("MON", {"F6": "62.00%"}, "exec_rate", "F6", "error"),
    # MON: the 监控表's 财政拨款 1-7月 180/300 = 60.00%, printed 65.00%.
    "mon_exec_rate_part": ("MON", {"F7": "65.00%"}, "exec_rate", "F7", "error"),
    # MON: the 1-7月执行率 printed 64.00% = 192/300, the 执行数 over the 年初预算数 (not 192/320 = 60.00%): 警告 — some
    # monitoring forms measure progress against the initial budget, so a person judges which the form means.
    "mon_rate_on_initial_budget": ("MON", {"F6": "64.00%"}, "exec_rate", "F6", "warning"),
    # MON: 上年结转资金 20 budgeted, 1-7月 25 spent (125.00%); total 180 + 25 = 205 of 320 = 64.0625% → 64.06%.
    "mon_overspent": ("MON", {"E8": 25, "F8": "125.00%", "E6": 205, "F6": "64.06%"}, "overspent", "E8", "error"),
    # BR: 实际在职人数 48 > 编制数 45 (控制率 48/45 = 106.67%, printed right).
    "br_overstaff_rows": ("BR", {"B5": 48, "B6": "106.67%"}, "overstaff", 5, "error"),
    # AH: 总分 98.5 → 优, the 总分 row's own "(自评等级：良)".
    "ah_grade_in_total_row": ("AH", {"I20": "(自评等级：良)"}, "grade", 20, "error"),
    # P: the grade row typed as one cell "自评等级：良" (总分 98.5 → 优). Added with the fix of its cause (the grade
    # stated with its label in one cell was not read).
    "p_grade_one_cell": ("P", {"A23": "自评等级：良", "B23": ""}, "grade", "A23", "error"),
    # NXT: the form's stated "项目总得分98.41分" while its scores add up to 99.41 (and its 合计 row says 99.41).
    "nxt_total_in_title": ("NXT", {"A2": "项目总得分98.41分"}, "total", 2, "error"),
    # L1: 产出指标 declared "（55分）" over rows of 20 + 15 + 10 + 5 = 50.
    "l1_declared_weight": ("L1", {"B14": "产出指标（55分）"}, "weights_sum", 14, "error"),
    # ---- second pass: wordings, typed forms and tables sharing a sheet
    # P: 培训合格率 ≥95%, 98% (met) scored 9 instead of its full 10 (总分 97.5).
    "p_met_scored_less": ("P", {"F15": "98%", "H15": 9, "H22": 97.5}, "score", "H15", "error"),
    # P: "不低于95%", actual 90% → 10 × 90/95 = 9.47 (9 at the whole points printed), scored 10 (reason given).
    "p_target_in_words": (
        "P",
        {"E15": "不低于95%", "F15": "90%", "I15": "部分学员因农忙缺考，下年调整考核时间"},
        "score",
        "H15",
        "error",
    ),
    # P: "95%以上", actual typed 0.9 (a %-formatted cell) → 9.47 → 9, scored 10 (reason given).
    "p_target_yishang_fraction": (
        "P",
        {"E15": "95%以上", "F15": 0.9, "I15": "部分学员因农忙缺考，下年调整考核时间"},
        "score",
        "H15",
        "error",
    ),
    # P: actual in full-width "９０％" against ≥95% → 9.47 → 9, scored 10 (reason given).
    "p_actual_fullwidth_percent": (
        "P",
        {"F15": "９０％", "I15": "部分学员因农忙缺考，下年调整考核时间"},
        "score",
        "H15",
        "error",
    ),
    # PY: the total's amounts typed as text with thousands separators ("1,200,000.00", "1,140,000.00"): 95.00%, printed
    # 96.00%.
    "py_thousands_text": (
        "PY",
        {"D6": "1,200,000.00", "E6": "1,140,000.00", "G6": "96.00%"},
        "exec_rate",
        "G6",
        "error",
    ),
    # P: the total's amounts typed with their unit ("120万元", "114万元"): 95.00%, printed 96.00%.
    "p_amounts_with_unit": ("P", {"D6": "120万元", "E6": "114万元", "G6": "96.00%"}, "exec_rate", "G6", "error"),
    # BD+D: the 自评表 below the 基础数据表: 执法检查户次 540 of ≥600 → 18, printed 19 (its 总分 98.75).
    "bdd_department_score": ("BD+D", {"H38": 19, "H44": 98.75}, "score", "H38", "error"),
    # BD+D: the 自评表 below the 基础数据表: 507/520 = 97.50%, printed 97.05%.
    "bdd_department_exec_rate": ("BD+D", {"G29": "97.05%"}, "exec_rate", "G29", "error"),
    # D+BD: the 基础数据表 below the 自评表: 三公 决算 11.8 ≠ 7.2 + 0 + 3.6 = 10.8.
    "dbd_basic_three_public": ("D+BD", {"D31": 11.8}, "basic_sum", 31, "error"),
    # D+BD: the 基础数据表 below the 自评表: 在职 48 > 编制 45 (106.67% printed right).
    "dbd_basic_overstaff": ("D+BD", {"C29": 48, "D29": "106.67%"}, "overstaff", 29, "error"),
    # HN: 按支出性质分：1045 but 其中：基本支出：720 + 项目支出：425 = 1145 > 1045.
    "hn_breakdown_expenditure": ("HN", {"E6": "其中：基本支出：720"}, "funds_sum", 6, "error"),
    # HN: 开展建筑市场执法检查 110 of ≥120 → 20 × 110/120 = 18.33, printed 18.5 (总分 98.0).
    "hn_score": ("HN", {"G13": 18.5, "G20": 98}, "score", "G13", "error"),
    # A14: 路灯亮灯率 97 of ≥98 → 15 × 97/98 = 14.846.. → 14.8 at one place, printed 14.5 (总分 99.5); 二级 blank under
    # its merge.
    "a14_merged_levels_score": ("A14", {"H15": 14.5, "H22": 99.5}, "score", "H15", "error"),
    # S: 单处工程平均造价 with 指标性质 "反向" (read as ≤) 25 万元, actual 26.5 → 10 × 25/26.5 = 9.43, scored 10 (reason
    # given).
    "s_reverse_nature_word": (
        "S",
        {"D18": "反向", "G18": 26.5, "K18": "钢材价格上涨，单处造价超出"},
        "score",
        "I18",
        "error",
    ),
    # ---- third pass: the provinces' forms from round 11
    # T07: 9.5 + 30 + 20 + 10 + 20 + 10 = 99.5, the 合计 row printed "98.50".
    "t07_total": ("T07", {"J14": "98.50"}, "total", "J14", "error"),
    # T07: 补助发放准确率 ≥ 98 %, actual 90 → 20 × 90/98 = 18.37 (18 at the whole points printed), scored "20" (reason
    # given).
    "t07_score": ("T07", {"H10": "90", "K10": "部分对象信息变更未及时核实，下年加强复核"}, "score", "J10", "error"),
    # T12: 产出指标 declared "(55分)" over rows of 20 + 15 + 15 = 50.
    "t12_declared_weight": ("T12", {"B13": "产出指标(55分)"}, "weights_sum", 13, "error"),
    # T13: 安全生产事故 "＝0起", actual "1起" → 0 of 10, scored 10 (reason given).
    "t13_equal_zero": ("T13", {"F17": "1起", "I17": "施工中发生1起轻微事故，已整改"}, "score", "H17", "error"),
    # T08: 营业收入 增长10%, actual 8 (%) → 15 × 8/10 = 12, scored 15 (总分 99.8).
    "t08_growth_full_marks": ("T08", {"I16": 15, "I18": 99.8}, "score", "I16", "error"),
    # T08: 扶持企业数 ≥20 (家 in the unit column), actual "18" → 30 × 18/20 = 27, scored 30 (reason given).
    "t08_unit_column_count": (
        "T08",
        {"G13": "18", "J13": "2家企业停产退出，下年补充"},
        "score",
        "I13",
        "error",
    ),
    # HS: 二级 预算执行 declared 35 over 三级 15 + 15 = 30 (and its 一级 过程 says 30).
    "hs_level2_declared_weight": ("HS", {"D5": 35}, "weights_sum", 5, "error"),
    # HS: 一级 过程 declared 35 over 二级 预算执行 30 (三级 15 + 15).
    "hs_level1_declared_weight": ("HS", {"B5": 35}, "weights_sum", 5, "error"),
    # HS: 预算控制率 weighted 15, scored 16 (投入's 在职人员控制率 scored 8 keeps the 总分 at 8 + 10 + 15 + 16 + 30 + 20 =
    # 99). 警告: a 评分表's 评价标准 may grant bonus points (S06 says so), which the table does not show.
    "hs_over_weight": ("HS", {"H6": 16, "H3": 8}, "over_weight", "H6", "warning"),
    # HS: 10 + 10 + 15 + 14 + 30 + 20 = 99, 总分 printed 98.
    "hs_total": ("HS", {"H9": 98}, "total", "H9", "error"),
    # ---- third pass
    # DN: 项目支出 全年执行数 typed 217 (its rate 217/220 = 98.636..% → 98.64% printed to match): 300 + 217 = 517 ≠ the
    # total's 507.
    "dn_parts_sum": ("DN", {"E10": 217, "G10": "98.64%"}, "funds_sum", 8, "error"),
    # P: 培训合格率's 实际完成值 "≥95%" only repeats its target, with full marks — 警告 (S13: how much was reached is
    # not said; a person must look).
    "p_actual_repeats_target": ("P", {"F15": "≥95%"}, "no_evidence", 15, "warning"),
    # P: the goal's 实际完成情况 repeats its 预期目标 word for word — 警告 (G02: a person judges what was done).
    "p_goal_repeats_expected": (
        "P",
        {"F11": "完成农民实用技术培训，建设村级服务站，带动农民增收。"},
        "no_evidence",
        11,
        "warning",
    ),
    # P: 带动就业人数 45 of ≥50 → 9, the score written "9.5（扣0.5分）" (总分 99).
    "p_score_with_note": ("P", {"H18": "9.5（扣0.5分）", "H22": 99}, "score", "H18", "error"),
    # ---- fifth pass: the 基础数据表's wordings
    # BD: the 三公 row numbered "一、三公经费"; 决算 11.8 ≠ 7.2 + 0 + 3.6 = 10.8. Failed when found (the row was not
    # recognised: "一、" read as part of the name).
    "bd_ordinal_three_public": ("BD", {"A6": "一、三公经费", "D6": 11.8}, "basic_sum", 6, "error"),
    # BD: 在职 headed "年末实有人数" (the 部门决算 wording): 48 > 编制 45 (106.67% printed right). Failed when found.
    "bd_year_end_staff": ("BD", {"C3": "年末实有人数", "C4": 48, "D4": "106.67%"}, "overstaff", 4, "error"),
    # ---- sixth pass: funds labels
    # P: the total row labelled "资金来源合计": 114/120 = 95.00%, printed 96.00%. Failed when found (the row was not
    # read as the total: LAYOUT_MISSING_FUNDS_TOTAL, and false W03/T02 错误 for the unread 分值/得分).
    "p_total_label_own_words": ("P", {"B6": "资金来源合计", "G6": "96.00%"}, "exec_rate", "G6", "error"),
    # P: the same with "预算资金合计".
    "p_total_label_yusuan_heji": ("P", {"B6": "预算资金合计", "G6": "96.00%"}, "exec_rate", "G6", "error"),
    # ---- fourth pass: a real table and round 11's provincial forms
    # MS: the real 名山 table with its 预算执行 (E/C) printed 60.33% for 30.8/52.8 = 58.33%.
    "ms_exec_rate_real_table": ("MS", {"J5": "60.33%"}, "exec_rate", "J5", "error"),
    # T06: 20 × 180/200 = 18, the funds score printed 19 (总分 97).
    "t06_exec_score_header_weight": ("T06", {"E4": 19, "G10": 97}, "exec_score", "E4", "error"),
    # T06: 示范区亩均增收 ≥100元, 90元 → 20 × 0.9 = 18 (its weight in its name "（20分）"), printed 19 (总分 97).
    "t06_score_weight_in_name": ("T06", {"G8": 19, "G10": 97}, "score", "G8", "error"),
    # T20: 法律服务质量 定性 优, actual 良 (the 良 share 0.8 of 20 = 16), scored "20" (reason given). 警告: 良 lies in
    # the same tier as 优 (达成年度指标, [16, 20]), so whether the form lets it keep full marks is a person's call.
    "t20_qualitative_tier": ("T20", {"H10": "良", "K10": "个别案件服务不够规范"}, "score", "J10", "warning"),
    # T19: 总分 97.5 → 优, the 总分 row's "自评等级：良".
    "t19_grade_in_total_row": ("T19", {"I19": "自评等级：良"}, "grade", 19, "error"),
    # NXT: 原种繁育田面积 ≥850亩, 800亩 → 10 × 800/850 = 9.41, printed 9.8; its 合计 and the stated total follow
    # (99.8, "项目总得分99.8分").
    "nxt_score": ("NXT", {"H13": "9.8", "H20": "99.8", "A2": "项目总得分99.8分"}, "score", "H13", "error"),
}


def _rows_of(f) -> set[int]:
    rows = set()
    for loc in (f.ref, *f.related):
        row = getattr(loc, "row", None) if loc is not None else None
        if isinstance(row, int):
            rows.add(row)
    return rows


def _check(tmp_path, case):
    """(hit, other errors): a finding of the case's category at its cell/row with the needed severity; 错误 elsewhere."""
    base, plant, what, where, severity = CASES[case]
    result = _workbook(tmp_path, *build(base, plant))
    codes = FAMILIES[what]
    need = RANK[severity]
    row = where if isinstance(where, int) else _cell(where)[0] + 1

    def at(f):
        if isinstance(where, int):
            return where in _rows_of(f)
        return getattr(f.ref, "cell", None) == where

    hit = [f for f in result.findings if f.code in codes and at(f) and RANK[f.severity.value] >= need]
    others = [
        (f.code, getattr(f.ref, "cell", None), f.message)
        for f in result.findings
        if f.severity.value == "error" and row not in _rows_of(f)
    ]
    near = [
        (f.code, f.severity.value, getattr(f.ref, "cell", None), f.message)
        for f in result.findings
        if f.code in codes or row in _rows_of(f)
    ]
    return hit, others, near


def _assert_found(tmp_path, case):
    hit, others, near = _check(tmp_path, case)
    assert hit, f"not found; findings of the category or on the row: {near}"
    assert others == [], others
    if CASES[case][4] == "warning":  # a person must judge: never a certain 错误 of the category there
        assert all(f.severity.value != "error" for f in hit), [(f.code, f.severity.value, f.message) for f in hit]


# ---------------------------------------------------------------- 1. a source row's wrong 执行率


@pytest.mark.parametrize("case", ["p_exec_rate_part"])
def test_a_source_rows_wrong_rate_is_certain(tmp_path, case):
    """当年财政拨款 104/110 = 94.5454..% prints as 94.55% at the two places the form uses; the row says 94.50%. Its
    figures are its own (not the total's 114/120 copied down), so the slip is certain arithmetic on the printed cells.
    perfxl reports F04 only as a 警告 on every source row (a judgement whatever the figures), so a wrong rate in the
    其中 rows is never an 错误 — unlike the same slip on the total row."""
    _assert_found(tmp_path, case)


# ---------------------------------------------------------------- 2. a cost indicator without an operator


@pytest.mark.parametrize("case", ["p_cost_no_operator"])
def test_a_cost_target_without_an_operator_is_read_as_a_ceiling_guess(tmp_path, case):
    """人均培训成本 under 二级 成本指标, target "200元" with no operator, actual 250元, full marks 5. 财预〔2021〕101号:
    成本指标 are ceilings, so 250 > 200 misses (reverse ratio 5 × 200/250 = 4). Read with the default ≥ the row is met
    and perfxl says nothing — not even I08 (成本指标方向). The direction rests on the indicator's group (a guess): a 警告
    with both readings in its basis, never an 错误."""
    _assert_found(tmp_path, case)


# ---------------------------------------------------------------- 3. a 基础数据表's named 其中 items above their total


@pytest.mark.parametrize("case", ["bd_public_parts_over_parent"])
def test_named_sub_items_above_their_total_are_certain(tmp_path, case):
    """公用经费 全年决算数 50 over 其中：办公经费 28 + 水费、电费、差旅费 21 + 会议费、培训费 9 = 58: the form's own named parts
    of 公用经费 cannot add to more than it. perfxl says so only as B06 警告 (the check also judges 控制率 > 100%, a
    person's call) — as it would for free-form 项目支出 rows, which may nest. For the form's named items the sum is as
    certain as B03's 三公 = 车 + 出国 + 接待."""
    _assert_found(tmp_path, case)


# ---------------------------------------------------------------- 4. 执行监控表 funds are not checked


@pytest.mark.parametrize("case", ["mon_exec_rate", "mon_exec_rate_part", "mon_overspent"])
def test_a_monitoring_tables_funds_are_checked(tmp_path, case):
    """The 中央 执行监控表's funds block (年初预算数 │ 全年预算数 │ 1-7月执行数 │ 1-7月执行率 │ 全年预计执行数) is read
    (docs/reader.md), but no funds check runs on a monitoring table: a 1-7月执行率 that is not 执行数/全年预算数 (192/320
    = 60.00% printed 62.00%) and 1-7月 spending above the year's budget (结转 25 of 20) pass silently. Both are arithmetic
    on the printed cells."""
    _assert_found(tmp_path, case)


# ---------------------------------------------------------------- 5. 申报表 funds sums are not checked


@pytest.mark.parametrize("case", ["decl_funds_sum"])
def test_a_declarations_funds_sum_is_checked(tmp_path, case):
    """The 申报表's 年度资金总额 300 with 其中：财政拨款 280 + 其他资金 0: docs/reader.md says the 年度 pairs are read as
    each row's 全年预算数 "so only the sums are checked" — but F02 runs on 自评表 only, so the sum is never checked."""
    _assert_found(tmp_path, case)


# ---------------------------------------------------------------- 6. a grade written inside the 总分 row's text


@pytest.mark.parametrize("case", ["ah_grade_in_total_row", "p_grade_one_cell"])
def test_a_grade_in_the_total_rows_text_is_read(tmp_path, case):
    """安徽's form prints the grade in the 总分 row's last cell, "(自评等级：良)". 总分 98.5 ≥ 90 is 优, so 良 is wrong;
    perfxl does not read the grade from that cell (only "自评等级 │ 优" as two cells), and T04 never runs. The same
    holds for a grade row typed in one cell ("自评等级：良")."""
    _assert_found(tmp_path, case)


# ---------------------------------------------------------------- 7. a total stated in a text row above the table


@pytest.mark.parametrize("case", ["nxt_total_in_title"])
def test_a_total_stated_above_the_table_is_compared(tmp_path, case):
    """宁夏's 绩效目标自评表 states the project's score in a row of its own above the table ("项目总得分99.41分"). Typed
    98.41 while the scores add up to 99.41 (and the 合计 row says 99.41), it is a wrong total; perfxl reports the row
    as unread content (LAYOUT_UNMAPPED_ROW, 提示) and compares nothing."""
    _assert_found(tmp_path, case)


# ---------------------------------------------------------------- 8. the 分值 beside a 一级/二级 label (second pass)


@pytest.mark.parametrize("case", ["hs_level1_declared_weight", "hs_level2_declared_weight"])
def test_a_weight_printed_beside_a_level_label_is_its_declared_weight(tmp_path, case):
    """A 评分表 printing a 分值 after every level (一级指标 │ 分值 │ 二级指标 │ 分值 │ 三级指标 │ 分值 │ 评价标准 │ 得分: 湖南 雨花,
    海南 — tests/realworld). perfxl scored the rows by the 分值 after the 三级 name but reported the 一级 and 二级 分值
    as unread content (LAYOUT_UNMAPPED_ROW, 提示), so 过程 declared 35 (or 预算执行 35) over rows of 15 + 15 = 30 went
    unnoticed. Found in a second pass after the first fixes; both failed then ("not found; … LAYOUT_UNMAPPED_ROW info
    B5:D5 … 35.0 | 30.0")."""
    _assert_found(tmp_path, case)


# ---------------------------------------------------------------- 9. a score written with a note (third pass)


@pytest.mark.parametrize("case", ["p_score_with_note"])
def test_a_figure_with_a_bracketed_note_is_that_figure(tmp_path, case):
    """带动就业人数 45 of ≥50 → 9, the score written "9.5（扣0.5分）" — the figure and the filer's note on it. perfxl read
    the cell as text, so S01 skipped the row and the slip surfaced only as T02 at the 总分 ("…无法读取，按 perfxl 重算的
    9 计"), not at the row. Found in a third pass; it failed then ("not found; findings … []")."""
    _assert_found(tmp_path, case)


# ---------------------------------------------------------------- 10. weights written in the 三级 names (fourth pass)


@pytest.mark.parametrize("case", ["t06_score_weight_in_name"])
def test_weights_written_in_the_indicator_names_are_read(tmp_path, case):
    """A 云南-style form without a 分值 column whose every 三级 name carries its weight ("示范区亩均增收（20分）"):
    90 of ≥100元 → 20 × 0.9 = 18, printed 19. perfxl listed every weight and score check as not run ("表中没有“分值”
    列，无法检查") although each row states its weight. Found in a fourth pass; it failed then ("not found; … []")."""
    _assert_found(tmp_path, case)


# ---------------------------------------------------------------- 11. a lower grade with full marks (fourth pass)


@pytest.mark.parametrize("case", ["t20_qualitative_tier"])
def test_a_lower_grade_with_full_marks_is_a_warning(tmp_path, case):
    """法律服务质量 target 优, actual 良, full marks 20. 良 falls in the same tier as 优 (达成年度指标, [16, 20]), so S05 is
    silent, and S07 skipped every qualitative row: nothing said that the grade was not reached. A 警告 (a person
    judges whether the form lets 良 keep full marks; its share would give 16). Failed when found ("not found; … []")."""
    _assert_found(tmp_path, case)


# ---------------------------------------------------------------- 12. the 基础数据表's wordings and funds labels (fifth and sixth passes)


@pytest.mark.parametrize("case", ["bd_ordinal_three_public", "bd_year_end_staff"])
def test_basic_table_wordings_are_read(tmp_path, case):
    """A 三公 row numbered with a Chinese ordinal ("一、三公经费": the 、 was dropped and "一三公经费" matched nothing, so
    B03 never ran) and 在职 headed "年末实有人数" (部门决算's wording; B02 never ran). Both failed when found ("not
    found; … []")."""
    _assert_found(tmp_path, case)


@pytest.mark.parametrize("case", ["p_total_label_own_words", "p_total_label_yusuan_heji"])
def test_a_funds_total_under_a_total_word_of_its_own_is_the_total(tmp_path, case):
    """The funds block's first row of amounts labelled with a total word of its own ("资金来源合计", "预算资金合计") is
    its 年度资金总额: the planted 执行率 slip (96.00% for 114/120) was not checked, and the unread 分值/得分 gave false
    W03/T02 错误 besides. Sixth pass; failed when found."""
    _assert_found(tmp_path, case)


def test_a_funds_total_row_perfxl_cannot_read_is_no_certain_weight_or_total_error(tmp_path):
    """P with its total row labelled "项目总投资" (not a total word perfxl reads), every figure right. The reader says it
    found no 年度资金总额 row (LAYOUT_MISSING_FUNDS_TOTAL); the 分值 10 and 得分 9.5 on that row are therefore unread,
    and W03 ("总分行的分值应为 90") and T02 ("总分应为 89") were certain 错误 on a correct table. Without the row they
    rest on what perfxl could not read: 警告s saying so. Failed when found (two W03 错误 and a T02 错误)."""
    result = _workbook(tmp_path, *build("P", {"B6": "项目总投资"}))
    errors = [(f.code, getattr(f.ref, "cell", None)) for f in result.findings if f.severity.value == "error"]
    assert errors == [], errors
    assert {"W03", "T02"} <= {f.code for f in result.findings}


# ---------------------------------------------------------------- 13. a 三级 header perfxl does not know (found on the way)


def test_a_name_column_the_header_does_not_name_is_not_called_blank(tmp_path):
    """P with its 三级指标 header written "指标内容" (a wording perfxl does not know), every figure right. The reader
    says so (LAYOUT_ABSENT_COLUMN: "没有“三级指标”列，依赖该列的检查未运行") — yet I01 gave nine 错误 "三级指标名称为空"
    at J13:J21, a column right of the table that does not exist. Found while probing header wordings for misses; it
    failed then (nine I01 错误)."""
    result = _workbook(tmp_path, *build("P", {"D12": "指标内容"}))
    errors = [(f.code, getattr(f.ref, "cell", None)) for f in result.findings if f.severity.value == "error"]
    assert errors == [], errors
    assert any(s.code == "I01" for s in result.coverage.skipped)


# ---------------------------------------------------------------- 14. a target column the header does not name


def test_a_target_column_the_header_does_not_name_is_a_check_not_run(tmp_path):
    """P with its 年度指标值 header written "计划值" (a wording perfxl does not know) and 带动就业人数 scored 9.5 for 45
    of ≥50. The reader reports the column absent ("依赖该列的检查未运行（见覆盖情况）"), but coverage listed nothing, so
    the unchecked score looked checked. The score checks that need the target are now listed as not run. (Whether
    "计划值" should be read as the target is left open: no table of tests/realworld prints it.) Failed when found
    (coverage.skipped was empty)."""
    result = _workbook(tmp_path, *build("P", {"E12": "计划值", "H18": 9.5, "H22": 99}))
    assert {"S01", "S07", "D01"} <= {s.code for s in result.coverage.skipped}
    errors = [(f.code, getattr(f.ref, "cell", None)) for f in result.findings if f.severity.value == "error"]
    assert errors == [], errors


# ---------------------------------------------------------------- guard: the cases perfxl already finds

#: The cases of the cause tests above (each failed when written); the guard holds the others.
BY_CAUSE = {
    "p_exec_rate_part",
    "p_cost_no_operator",
    "bd_public_parts_over_parent",
    "mon_exec_rate",
    "mon_exec_rate_part",
    "mon_overspent",
    "decl_funds_sum",
    "ah_grade_in_total_row",
    "p_grade_one_cell",
    "nxt_total_in_title",
    "hs_level1_declared_weight",
    "hs_level2_declared_weight",
    "p_score_with_note",
    "t06_score_weight_in_name",
    "t20_qualitative_tier",
    "bd_ordinal_three_public",
    "bd_year_end_staff",
    "p_total_label_own_words",
    "p_total_label_yusuan_heji",
}
FOUND = [c for c in CASES if c not in BY_CAUSE]


@pytest.mark.parametrize("case", FOUND)
def test_guard_planted_errors_found(tmp_path, case):
    """The planted error is found at its cell with the severity the cells make certain, and nothing else is 错误."""
    _assert_found(tmp_path, case)


@pytest.mark.parametrize("base", list(BASES))
def test_guard_bases_are_correct(tmp_path, base):
    """Every base table is right as typed: no 错误 on it (so a planted error is the only one)."""
    result = _workbook(tmp_path, *build(base, {}))
    errors = [(f.code, getattr(f.ref, "cell", None), f.message) for f in result.findings if f.severity.value == "error"]
    assert errors == [], errors
