"""Review round 12: the reader on less common but real 自评表 layouts. Each one-sheet workbook below is typed the way
the provinces of tests/realworld print their forms — two-row funds headers with a merged group cell, 一级 labels merged
down many rows with the 二级 left blank under a merge, 指标性质 │ 指标值 │ 度量单位 and 评分标准 columns, 项目属性/项目类别
checkbox rows, 注1/注2 notes and 填报人/联系电话 footers, two 自评表 on one sheet, 绩效目标申报表 with 中期/年度 targets,
执行监控表 with 1-X月 columns, 基础数据表 with 年初预算数/全年预算数/全年决算数 — and every figure is worked out by hand in
the comment above its table (score = 分值 × min(1, 实际/目标), rounded half up). Each table is right, so perfxl must
raise no 错误 on it, no 警告 that misreads it, and must not leave a row of real figures unread. The tests before the
guard failed when written (one distinct cause each); the guard holds the tables perfxl already reads right."""

from __future__ import annotations

import copy

import pytest
from report_helpers import errors_of, pad
from report_helpers import workbook_result as _workbook

E = ""


def head(name, cols=9, title="项目支出绩效自评表", year="（2023年度）"):
    """The 10号 form's title, year, 项目名称 and 主管部门/实施单位 rows."""
    return [
        pad([title], cols),
        pad([year], cols),
        pad(["项目名称", name], cols),
        pad(["主管部门", "某县住房和城乡建设局", E, E, E, "实施单位", "某县市政设施维护中心"], cols),
    ]


def goal(cols=9, act=5):
    g = [E] * cols
    g[0], g[1], g[act] = "年度总体目标", "预期目标", "实际完成情况"
    v = [E] * cols
    v[1] = "按期完成年度建设和维护任务，设施运行正常，群众满意。"
    v[act] = "年度建设和维护任务全部完成，设施运行正常，群众满意度达到预期。"
    return [g, v]


IND_HEAD = [
    "绩效指标",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
]

# Seven indicator rows worth 90 (the funds block scores the other 10), all met: 90 points.
STD90 = [
    [E, "产出指标", "数量指标", "路灯维护数量", "≥3000盏", "3150盏", 20, 20, E],
    [E, E, "质量指标", "路灯亮灯率", "≥98%", "98.5%", 15, 15, E],
    [E, E, "时效指标", "故障修复时间", "≤24小时", "20小时", 10, 10, E],
    [E, E, "成本指标", "单盏年维护成本", "≤1000元", "960元", 5, 5, E],
    [E, "效益指标", "社会效益指标", "夜间道路照明覆盖率", "≥95%", "96%", 15, 15, E],
    [E, E, "可持续影响指标", "路灯设施使用年限", "≥5年", "5年", 15, 15, E],
    [E, "满意度指标", "服务对象满意度指标", "市民满意度", "≥90%", "92%", 10, 10, E],
]

TABLES = {}

# A01 two-row funds header: "预算执行情况（万元）" merged over 年初预算数 | 全年预算数 | 全年执行数; 分值/执行率/得分 merged
# down both header rows. 当年财政拨款 300/300/285, 上年结转 0/20/19: totals 300, 320, 304. 304/320 = 95.00% → 10 × 0.95 =
# 9.5; 285/300 = 95.00%; 19/20 = 95.00%. Indicators all met: 90. Total 99.5 → 优.
t = head("城区道路路灯维护项目")
t += [
    pad(["项目资金（万元）", E, "预算执行情况（万元）", E, E, "分值", "执行率", "得分"]),
    pad([E, E, "年初预算数", "全年预算数", "全年执行数"]),
    pad([E, "年度资金总额", 300, 320, 304, 10, "95.00%", 9.5]),
    pad([E, "其中：当年财政拨款", 300, 300, 285, "—", "95.00%", "—"]),
    pad([E, "上年结转资金", 0, 20, 19, "—", "95.00%", "—"]),
    pad([E, "其他资金", 0, 0, 0, "—", E, "—"]),
]
t += goal()
t += [IND_HEAD, *STD90, pad(["总分", E, E, E, E, E, 100, 99.5]), pad(["自评等级", "优"])]
TABLES["a01_funds_group_header"] = (
    t,
    (
        "A1:I1",
        "A2:I2",
        "B3:I3",
        "A5:A10",
        "B5:B6",
        "C5:E5",
        "F5:F6",
        "G5:G6",
        "H5:H6",
        "A11:A12",
        "A13:A20",
        "B14:B17",
        "B18:B19",
    ),
)

# A02 四川-style split target (指标性质 │ 指标值 │ 度量单位 under 年度指标值) with a 评分标准 column; 一级 labels merged down
# their rows and 二级 "数量指标" merged over two rows (the second row's 二级 cell is blank, under the merge).
# funds 500/500/500 = 100.00% → 10. Indicators all met (12 ≥ 12; 8200 ≥ 8000; 97 ≥ 95; 100 = 100; 24.5 ≤ 25; 91 ≥ 90;
# 健全; 95 ≥ 90): 20 + 15 + 15 + 10 + 10 + 10 + 5 + 5 = 90. Total 100 → 优.
C = 11
t = head("农村饮水安全巩固提升工程", cols=C)
t += [
    pad(["项目资金（万元）", E, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"], C),
    pad([E, "年度资金总额", 500, 500, 500, 10, "100.00%", 10], C),
    pad([E, "其中：当年财政拨款", 500, 500, 500, "—", "100.00%", "—"], C),
    pad([E, "上年结转资金", 0, 0, 0, "—", E, "—"], C),
    pad([E, "其他资金", 0, 0, 0, "—", E, "—"], C),
]
t += goal(C, 6)
t += [
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
    [E, "质量指标", "水质检测合格率", "≥", 95, "%", 97, 15, 15, "达到得满分，每低1个百分点扣1分", E],
    [E, "时效指标", "工程完工及时率", "=", 100, "%", 100, 10, 10, "按期完成得满分", E],
    [E, "成本指标", "单处工程平均造价", "≤", 25, "万元", 24.5, 10, 10, "未超出得满分", E],
    ["效益指标", "社会效益指标", "农村自来水普及率", "≥", 90, "%", 91, 10, 10, "达到得满分", E],
    [E, "可持续影响指标", "长效管护机制", "定性", "健全", E, "健全", 5, 5, "健全得满分", E],
    ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥", 90, "%", 95, 5, 5, "≥90%得满分", E],
    pad(["总分", E, E, E, E, E, E, 100, 100], C),
    pad(["自评等级", "优"], C),
]
TABLES["a02_split_target_criteria"] = (
    t,
    (
        "A1:K1",
        "A2:K2",
        "B3:K3",
        "A5:A9",
        "A12:A13",
        "B12:B13",
        "C12:C13",
        "D12:F12",
        "G12:G13",
        "H12:H13",
        "I12:I13",
        "J12:J13",
        "K12:K13",
        "A14:A18",
        "B14:B15",
        "A19:A20",
    ),
)

# A03 项目属性 / 项目类别 checkbox rows and a 项目负责人 / 联系电话 row in the header (湖南/江西 forms): the phone number is
# typed as a number. Funds 80/80/76 = 95.00% → 9.5; indicators all met: 90; total 99.5 → 优.
t = head("城区道路路灯维护项目")
t[3:3] = []
t += [
    pad(["项目属性", "新增项目□    延续项目☑"]),
    pad(["项目类别", "☑经常性项目    □一次性项目"]),
    pad(["项目负责人", "李明", E, E, E, "联系电话", 13907341234]),
    pad(["项目资金（万元）", E, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]),
    pad([E, "年度资金总额", 80, 80, 76, 10, "95.00%", 9.5]),
    pad([E, "其中：当年财政拨款", 80, 80, 76, "—", "95.00%", "—"]),
    pad([E, "上年结转资金", 0, 0, 0, "—", E, "—"]),
    pad([E, "其他资金", 0, 0, 0, "—", E, "—"]),
]
t += goal()
t += [IND_HEAD, *STD90, pad(["总分", E, E, E, E, E, 100, 99.5]), pad(["自评等级", "优"])]
TABLES["a03_checkbox_rows_phone"] = (
    t,
    (
        "A1:I1",
        "A2:I2",
        "B3:I3",
        "B5:I5",
        "B6:I6",
        "B7:E7",
        "G7:I7",
        "A8:A12",
        "A13:A14",
        "A15:A22",
        "B16:B19",
        "B20:B21",
    ),
)

# A04 notes 注1/注2 and a 填报人 / 联系电话 / 填报日期 footer under the table (phone typed as a number, date as text).
# Funds 250/260/247 = 95.00% → 9.5 (当年 250/250/237 = 94.80%; 结转 0/10/10 = 100.00%); indicators: 90; total 99.5 → 优.
t = head("城区道路路灯维护项目")
t += [
    pad(["项目资金（万元）", E, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]),
    pad([E, "年度资金总额", 250, 260, 247, 10, "95.00%", 9.5]),
    pad([E, "其中：当年财政拨款", 250, 250, 237, "—", "94.80%", "—"]),
    pad([E, "上年结转资金", 0, 10, 10, "—", "100.00%", "—"]),
    pad([E, "其他资金", 0, 0, 0, "—", E, "—"]),
]
t += goal()
t += [IND_HEAD, *STD90, pad(["总分", E, E, E, E, E, 100, 99.5]), pad(["自评等级", "优"])]
t += [
    pad(["注1：全年执行数为截至2023年12月31日的实际支出数。"]),
    pad(["注2：定量指标得分=实际完成值/年度指标值×分值，最高不超过该指标分值。"]),
    pad(["填报人：", "王芳", E, "联系电话：", 7395551234, E, "填报日期：", "2024年3月15日"]),
    pad(["单位负责人：", "赵强", E, "财务负责人：", "孙丽"]),
]
TABLES["a04_notes_and_footer"] = (
    t,
    ("A1:I1", "A2:I2", "B3:I3", "A5:A9", "A10:A11", "A12:A19", "B13:B16", "B17:B18", "A22:I22", "A23:I23"),
)

# A05 two 项目支出绩效自评表 on one sheet, one after the other (a unit's 自评 pasted into one sheet), a blank row between.
# Table 1: funds 300/320/304 = 95.00% → 9.5, indicators 90, total 99.5 → 优.
# Table 2: funds 60/60/54 = 90.00% → 9; 培训人次 ≥400, 380: 20 × 380/400 = 19; others met: 19 + 70 = 89; total 98 → 优.
t1 = head("城区道路路灯维护项目")
t1 += [
    pad(["项目资金（万元）", E, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]),
    pad([E, "年度资金总额", 300, 320, 304, 10, "95.00%", 9.5]),
    pad([E, "其中：当年财政拨款", 300, 300, 285, "—", "95.00%", "—"]),
    pad([E, "上年结转资金", 0, 20, 19, "—", "95.00%", "—"]),
    pad([E, "其他资金", 0, 0, 0, "—", E, "—"]),
]
t1 += goal()
t1 += [IND_HEAD, *STD90, pad(["总分", E, E, E, E, E, 100, 99.5]), pad(["自评等级", "优"])]
t2 = head("建筑施工安全培训项目")
t2 += [
    pad(["项目资金（万元）", E, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]),
    pad([E, "年度资金总额", 60, 60, 54, 10, "90.00%", 9]),
    pad([E, "其中：当年财政拨款", 60, 60, 54, "—", "90.00%", "—"]),
    pad([E, "上年结转资金", 0, 0, 0, "—", E, "—"]),
    pad([E, "其他资金", 0, 0, 0, "—", E, "—"]),
]
t2 += goal()
t2 += [
    IND_HEAD,
    [
        E,
        "产出指标",
        "数量指标",
        "培训施工人员人次",
        "≥400人次",
        "380人次",
        20,
        19,
        "部分工地停工，人员未能参训，下年补训",
    ],
    [E, E, "质量指标", "培训考核合格率", "≥90%", "94%", 15, 15, E],
    [E, E, "时效指标", "培训完成时间", "2023年11月底前", "2023年11月", 10, 10, E],
    [E, E, "成本指标", "人均培训成本", "≤1500元", "1420元", 5, 5, E],
    [E, "效益指标", "社会效益指标", "较大以上安全事故起数", "0起", "0起", 15, 15, E],
    [E, E, "可持续影响指标", "安全培训长效机制", "逐步完善", "达成年度指标", 15, 15, E],
    [E, "满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90%", "93%", 10, 10, E],
    pad(["总分", E, E, E, E, E, 100, 98]),
    pad(["自评等级", "优"]),
]
t = [*t1, pad([]), *t2]
o = len(t1) + 1  # rows of table 2 start at o + 1
TABLES["a05_two_tables_one_sheet"] = (
    t,
    (
        "A1:I1",
        "A2:I2",
        "B3:I3",
        "A5:A9",
        "A10:A11",
        "A12:A19",
        "B13:B16",
        "B17:B18",
        *tuple(
            f"{a}{o + r1}:{b}{o + r2}"
            for a, r1, b, r2 in [
                ("A", 1, "I", 1),
                ("A", 2, "I", 2),
                ("B", 3, "I", 3),
                ("A", 5, "A", 9),
                ("A", 10, "A", 11),
                ("A", 12, "A", 19),
                ("B", 13, "B", 16),
                ("B", 17, "B", 18),
            ]
        ),
    ),
)

# A06 湖南 基础数据表 with 编制数 / 实际在职人数 / 控制率 as ROWS and 经费控制情况 in 年初预算数 │ 全年预算数 │ 全年决算数 columns
# (单位：万元). 42/45 = 93.33%. 三公 8 + 0 + 4.5 = 12.5 (budget) and 7.2 + 0 + 3.6 = 10.8 (final); 公车 0 + 8 = 8, 0 + 7.2 = 7.2;
# 项目支出 100 + 200 = 300, 120 + 230 = 350, 118 + 222 = 340; 公用经费 其中 rows 30 + 20 + 10 = 60 ≤ 80/82, 28 + 21 + 9 = 58 ≤ 79.
# Every 决算 ≤ its 全年预算数.
B = 4
t = [
    pad(["2023年度部门整体支出绩效评价基础数据表"], B),
    pad(["单位：万元"], B),
    pad(["财政供养人员情况", "人数"], B),
    pad(["编制数", 45], B),
    pad(["实际在职人数", 42], B),
    pad(["控制率", "93.33%"], B),
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
TABLES["a06_basic_staff_rows"] = (t, ("A1:D1", "A2:D2", "B3:D3", "B4:D4", "B5:D5", "B6:D6"))

# A07 the same 基础数据表 with the usual 编制数 │ 实际在职人数 │ 控制率 header row and the 楼堂馆所 block (all 0) and
# 厉行节约保障措施 text below.
t = [
    pad(["2023年度部门整体支出绩效评价基础数据表"], 7),
    pad(["单位：万元"], 7),
    pad(["财政供养人员情况", "编制数", "实际在职人数", "控制率"], 7),
    pad([E, 45, 42, "93.33%"], 7),
    pad(["经费控制情况", "年初预算数", "全年预算数", "全年决算数"], 7),
    *[pad(r, 7) for r in t[7:]],
    [
        "楼堂馆所控制情况",
        "批复规模（㎡）",
        "实际规模（㎡）",
        "规模控制率",
        "预算投资（万元）",
        "实际投资（万元）",
        "投资概算控制率",
    ],
    ["无", 0, 0, E, 0, 0, E],
    pad(["厉行节约保障措施", "严格执行中央八项规定精神，制定公务接待、会议、差旅管理办法。"], 7),
]
TABLES["a07_basic_standard_with_buildings"] = (t, ("A1:G1", "A2:G2", "B26:G26"))

# A08 the 湖南 form as in tests/realworld/hunan-hengshan-guantang-jichushuju-2023.toml (2022年决算数 │ 2023年预算数 │ 2023年
# 决算数) but with the 财政供养人员 figures as rows (编制数 / 实际在职人数 / 控制率 under a 人数 column), as some units retype it.
# 42/45 = 93.33%; every part adds up as in A06 (2022 决算 column: 三公 7.5 + 0 + 4 = 11.5, 公车 0 + 7.5; 项目 90 + 190 = 280).
t = [
    pad(["2023年度部门整体支出绩效评价基础数据表"], B),
    pad(["财政供养人员情况（人）", "人数"], B),
    pad(["编制数", 45], B),
    pad(["实际在职人数", 42], B),
    pad(["控制率", "93.33%"], B),
    ["经费控制情况（万元）", "2022年决算数", "2023年预算数", "2023年决算数"],
    ["三公经费", 11.5, 12.5, 10.8],
    ["1、公务用车购置和维护经费", 7.5, 8, 7.2],
    ["其中：公车购置", 0, 0, 0],
    ["公车运行维护", 7.5, 8, 7.2],
    ["2、出国经费", 0, 0, 0],
    ["3、公务接待", 4, 4.5, 3.6],
    ["项目支出", 280, 350, 340],
    ["1、业务工作经费", 90, 120, 118],
    ["2、运行维护经费", 190, 230, 222],
    ["公用经费", 78, 82, 79],
    ["其中：办公经费", 29, 30, 28],
    ["水费、电费、差旅费", 19, 22, 21],
    ["会议费、培训费", 9, 10, 9],
    ["政府采购金额", 45, 50, 48],
    ["部门基本支出预算调整", 0, 0, 0],
]
TABLES["a08_basic_staff_as_rows_hunan_years"] = (t, ("A1:D1", "B2:D2", "B3:D3", "B4:D4", "B5:D5"))

# A09 中央 项目支出绩效目标申报表 with 中期目标 and 年度目标 (项目期 3年): 中期资金 900 = 900 + 0, 年度 300 = 300 + 0; each
# 年度指标值 is a third of (or the same rate as) its 中期指标值. Nothing to compute wrongly: targets only.
D = 7
t = [
    pad(["项目支出绩效目标申报表"], D),
    pad(["（2024年度）"], D),
    pad(["项目名称", "城区道路路灯维护项目"], D),
    pad(["主管部门及代码", "某县住房和城乡建设局（105）", E, E, "实施单位", "某县市政设施维护中心"], D),
    pad(["项目属性", "延续项目", E, E, "项目期", "3年"], D),
    pad(["项目资金（万元）", "中期资金总额", 900, E, "年度资金总额", 300], D),
    pad([E, "其中：财政拨款", 900, E, "其中：财政拨款", 300], D),
    pad([E, "其他资金", 0, E, "其他资金", 0], D),
    pad(["总体目标", "中期目标（2024年—2026年）", E, E, "年度目标"], D),
    pad(
        [
            E,
            "三年内完成城区9000盏路灯的日常维护和更新，亮灯率保持在98%以上。",
            E,
            E,
            "完成3000盏路灯的日常维护，亮灯率不低于98%。",
        ],
        D,
    ),
    ["绩效指标", "一级指标", "二级指标", "三级指标", "中期指标值", "年度指标值", E],
    [E, "产出指标", "数量指标", "路灯维护数量", "≥9000盏", "≥3000盏", E],
    [E, E, "质量指标", "路灯亮灯率", "≥98%", "≥98%", E],
    [E, E, "时效指标", "故障修复时间", "≤24小时", "≤24小时", E],
    [E, E, "成本指标", "单盏年维护成本", "≤1000元", "≤1000元", E],
    [E, "效益指标", "社会效益指标", "夜间道路照明覆盖率", "≥98%", "≥95%", E],
    [E, E, "可持续影响指标", "路灯设施使用年限", "≥5年", "≥5年", E],
    [E, "满意度指标", "服务对象满意度指标", "市民满意度", "≥90%", "≥90%", E],
]
TABLES["a09_declaration_midterm"] = (
    t,
    (
        "A1:G1",
        "A2:G2",
        "B3:G3",
        "B4:D4",
        "F4:G4",
        "B5:D5",
        "F5:G5",
        "A6:A8",
        "C6:D6",
        "F6:G6",
        "C7:D7",
        "F7:G7",
        "C8:D8",
        "F8:G8",
        "A9:A10",
        "B9:D9",
        "E9:G9",
        "B10:D10",
        "E10:G10",
        "A11:A18",
        "B12:B15",
        "B16:B17",
        "F11:G11",
        "F12:G12",
        "F13:G13",
        "F14:G14",
        "F15:G15",
        "F16:G16",
        "F17:G17",
        "F18:G18",
    ),
)

# A10 中央 项目支出绩效目标执行监控表 (1-7月): funds 300/320, 1-7月 192 → 192/320 = 60.00%, 全年预计 320; 财政拨款
# 180/300 = 60.00%, 结转 12/20 = 60.00%; 180 + 12 = 192, 300 + 20 = 320. Indicators on course, all 确定能.
M = 9
t = head("城区道路路灯维护项目", cols=M, title="项目支出绩效目标执行监控表")
t += [
    pad(["项目资金（万元）", E, "年初预算数", "全年预算数", "1-7月执行数", "1-7月执行率", "全年预计执行数"], M),
    pad([E, "年度资金总额", 300, 320, 192, "60.00%", 320], M),
    pad([E, "其中：财政拨款", 300, 300, 180, "60.00%", 300], M),
    pad([E, "上年结转资金", 0, 20, 12, "60.00%", 20], M),
    pad([E, "其他资金", 0, 0, 0, E, 0], M),
    pad(["年度总体目标", "全年目标", E, E, "1-7月执行情况"], M),
    pad([E, "完成3000盏路灯的日常维护，亮灯率不低于98%。", E, E, "已维护1800盏，亮灯率98.6%。"], M),
    [
        "绩效指标",
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "1-7月执行情况",
        "全年预计完成情况",
        "偏差原因分析",
        "完成目标可能性",
    ],
    [E, "产出指标", "数量指标", "路灯维护数量", "≥3000盏", "1800盏", "3100盏", E, "确定能"],
    [E, E, "质量指标", "路灯亮灯率", "≥98%", "98.6%", "98.5%", E, "确定能"],
    [E, E, "时效指标", "故障修复时间", "≤24小时", "20小时", "20小时", E, "确定能"],
    [E, E, "成本指标", "单盏年维护成本", "≤1000元", "560元", "960元", E, "确定能"],
    [E, "效益指标", "社会效益指标", "夜间道路照明覆盖率", "≥95%", "95.5%", "96%", E, "确定能"],
    [E, E, "可持续影响指标", "路灯设施使用年限", "≥5年", "5年", "5年", E, "确定能"],
    [E, "满意度指标", "服务对象满意度指标", "市民满意度", "≥90%", "91%", "92%", E, "确定能"],
]
TABLES["a10_monitoring_1_7"] = (
    t,
    (
        "A1:I1",
        "A2:I2",
        "B3:I3",
        "A5:A9",
        "A10:A11",
        "B10:D10",
        "E10:I10",
        "B11:D11",
        "E11:I11",
        "A12:A19",
        "B13:B16",
        "B17:B18",
    ),
)

# A11 湖南 部门整体支出绩效自评表 (tests/realworld/hunan-hengshan-guantang-bumen-2023.toml's shape): 年度预算申请 with 按收入
# 性质分 / 按支出性质分 breakdown text. 年初 1000, 全年 1100, 执行 1045: 95.00% → 9.5; 收入 1000 + 100 = 1100; 支出 620 + 425 =
# 1045. Indicators: 开展执法检查 ≥120次, 110次: 20 × 110/120 = 18.333 → 18.33; others met. 18.33 + 15 + 10 + 5 + 15 + 15 + 10 =
# 88.33; total 9.5 + 88.33 = 97.83 → 优.
t = [
    pad(["2023年度部门整体支出绩效自评表"], 8),
    pad(["预算部门、单位名称", "某县住房和城乡建设局"], 8),
    ["年度预算申请（万元）", E, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "自评得分"],
    [E, "年度资金总额", 1000, 1100, 1045, 10, "95.00%", 9.5],
    pad([E, "按收入性质分：1100", E, E, "按支出性质分：1045"], 8),
    pad([E, "其中：一般公共预算：1000", E, E, "其中：基本支出：620"], 8),
    pad([E, "政府性基金拨款：100", E, E, "项目支出：425"], 8),
    pad([E, "纳入专户管理的非税收入拨款：0"], 8),
    pad([E, "其他资金：0"], 8),
    pad(["年度总体目标", "预期目标", E, E, "实际完成情况"], 8),
    pad(
        [
            E,
            "履行城乡建设管理职能，完成年度执法检查和城区维护任务。",
            E,
            E,
            "年度任务基本完成，执法检查次数略低于目标。",
        ],
        8,
    ),
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    [
        "产出指标",
        "数量指标",
        "开展建筑市场执法检查",
        "≥120次",
        "110次",
        20,
        18.33,
        "下半年人员抽调，检查次数减少，下年加强统筹",
    ],
    [E, "质量指标", "执法案件办结率", "≥95%", "97%", 15, 15, E],
    [E, "时效指标", "投诉处理及时率", "≥95%", "98%", 10, 10, E],
    [E, "成本指标", "公用经费控制率", "≤100%", "96.34%", 5, 5, E],
    ["效益指标", "社会效益指标", "建筑施工较大安全事故起数", "0起", "0起", 15, 15, E],
    [E, "可持续影响指标", "城建档案数字化率", "≥80%", "85%", 15, 15, E],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "93%", 10, 10, E],
    pad(["总分", E, E, E, E, 100, 97.83], 8),
    pad(["自评等级", "优"], 8),
]
TABLES["a11_hunan_department_breakdown"] = (
    t,
    (
        "A1:H1",
        "B2:H2",
        "A3:A9",
        "B5:D5",
        "E5:H5",
        "B6:D6",
        "E6:H6",
        "B7:D7",
        "E7:H7",
        "B8:D8",
        "E8:H8",
        "B9:D9",
        "E9:H9",
        "A10:A11",
        "B10:D10",
        "E10:H10",
        "B11:D11",
        "E11:H11",
        "A13:A16",
        "A17:A18",
    ),
)

# A12 10号 form whose funds rows split the 财政拨款 by level of government (其中：中央资金 / 省级资金 / 市级资金 / 县级资金),
# and whose 一级 rows carry their weight in the label (产出指标（50分） …) on a row of their own (heading rows).
# 中央 200/200/190, 省 100/100/95, 市 0, 县 100/100/95: 400/400/380 → 95.00% → 9.5. Weights 20+15+10+5 = 50, 15+15 = 30,
# 10: indicators met → 90; total 99.5 → 优.
t = head("城区道路路灯维护项目")
t += [
    pad(["项目资金（万元）", E, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]),
    pad([E, "年度资金总额", 400, 400, 380, 10, "95.00%", 9.5]),
    pad([E, "其中：中央资金", 200, 200, 190, "—", "95.00%", "—"]),
    pad([E, "省级资金", 100, 100, 95, "—", "95.00%", "—"]),
    pad([E, "市级资金", 0, 0, 0, "—", E, "—"]),
    pad([E, "县级资金", 100, 100, 95, "—", "95.00%", "—"]),
]
t += goal()
t += [
    IND_HEAD,
    pad([E, "产出指标（50分）"]),
    [E, E, "数量指标", "路灯维护数量", "≥3000盏", "3150盏", 20, 20, E],
    [E, E, "质量指标", "路灯亮灯率", "≥98%", "98.5%", 15, 15, E],
    [E, E, "时效指标", "故障修复时间", "≤24小时", "20小时", 10, 10, E],
    [E, E, "成本指标", "单盏年维护成本", "≤1000元", "960元", 5, 5, E],
    pad([E, "效益指标（30分）"]),
    [E, E, "社会效益指标", "夜间道路照明覆盖率", "≥95%", "96%", 15, 15, E],
    [E, E, "可持续影响指标", "路灯设施使用年限", "≥5年", "5年", 15, 15, E],
    pad([E, "满意度指标（10分）"]),
    [E, E, "服务对象满意度指标", "市民满意度", "≥90%", "92%", 10, 10, E],
    pad(["总分", E, E, E, E, E, 100, 99.5]),
    pad(["自评等级", "优"]),
]
TABLES["a12_levels_of_government_headings"] = (t, ("A1:I1", "A2:I2", "B3:I3", "A5:A10", "A11:A12", "A13:A23"))

# A13 中央 执行监控表 with the 偏差原因分析 group over 经费保障 │ 制度保障 │ 人员保障 │ 硬件条件保障 │ 其他 (two-row indicator
# header), 完成目标可能性 and 备注; 1-9月 funds 300/300, 228 → 76.00%, 全年预计 300.
M2 = 13
t = head("城区道路路灯维护项目", cols=M2, title="项目支出绩效目标执行监控表", year="（2023年1-9月）")
t += [
    pad(["项目资金（万元）", E, "年初预算数", "全年预算数", "1-9月执行数", "1-9月执行率", "全年预计执行数"], M2),
    pad([E, "年度资金总额", 300, 300, 228, "76.00%", 300], M2),
    pad([E, "其中：财政拨款", 300, 300, 228, "76.00%", 300], M2),
    pad([E, "其他资金", 0, 0, 0, E, 0], M2),
    [
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "1-9月执行情况",
        "全年预计完成情况",
        "偏差原因分析",
        E,
        E,
        E,
        E,
        "完成目标可能性",
        "备注",
    ],
    [E, E, E, E, E, E, "经费保障", "制度保障", "人员保障", "硬件条件保障", "其他", E, E],
    pad(["产出指标", "数量指标", "路灯维护数量", "≥3000盏", "2300盏", "3100盏", E, E, E, E, E, "确定能"], M2),
    pad([E, "质量指标", "路灯亮灯率", "≥98%", "98.6%", "98.5%", E, E, E, E, E, "确定能"], M2),
    pad([E, "时效指标", "故障修复时间", "≤24小时", "20小时", "20小时", E, E, E, E, E, "确定能"], M2),
    pad([E, "成本指标", "单盏年维护成本", "≤1000元", "730元", "960元", E, E, E, E, E, "确定能"], M2),
    pad(["效益指标", "社会效益指标", "夜间道路照明覆盖率", "≥95%", "95.5%", "96%", E, E, E, E, E, "确定能"], M2),
    pad(["满意度指标", "服务对象满意度指标", "市民满意度", "≥90%", "91%", "92%", E, E, E, E, E, "确定能"], M2),
]
TABLES["a13_monitoring_cause_columns"] = (
    t,
    (
        "A1:M1",
        "A2:M2",
        "B3:M3",
        "A5:A8",
        "A9:A10",
        "B9:B10",
        "C9:C10",
        "D9:D10",
        "E9:E10",
        "F9:F10",
        "G9:K9",
        "L9:L10",
        "M9:M10",
        "A11:A14",
        "A15:A15",
    ),
)

# A14 宁夏/河北-style form whose 一级 label is merged down ALL its rows and whose 二级 label is merged down its rows (二级
# cells blank under the merge), with scores to 2 decimals: 亮灯率 ≥98%, 97%: 15 × 97/98 = 14.846… → 14.85; others met:
# 14.85 + 75 = 89.85; funds 300/300/300 → 10; total 99.85 → 优.
t = head("城区道路路灯维护项目")
t += [
    pad(["项目资金（万元）", E, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]),
    pad([E, "年度资金总额", 300, 300, 300, 10, "100.00%", 10]),
    pad([E, "其中：当年财政拨款", 300, 300, 300, "—", "100.00%", "—"]),
    pad([E, "上年结转资金", 0, 0, 0, "—", E, "—"]),
    pad([E, "其他资金", 0, 0, 0, "—", E, "—"]),
]
t += goal()
t += [
    IND_HEAD,
    [E, "产出指标", "数量指标", "路灯维护数量", "≥3000盏", "3150盏", 10, 10, E],
    [E, E, E, "新装路灯数量", "≥200盏", "210盏", 10, 10, E],
    [E, E, "质量指标", "路灯亮灯率", "≥98%", "97%", 15, 14.85, "部分老旧线路故障频发，下年安排线路改造"],
    [E, E, E, "维修验收合格率", "100%", "100%", 5, 5, E],
    [E, E, "时效指标", "故障修复时间", "≤24小时", "20小时", 5, 5, E],
    [E, E, "成本指标", "单盏年维护成本", "≤1000元", "960元", 5, 5, E],
    [E, "效益指标", "社会效益指标", "夜间道路照明覆盖率", "≥95%", "96%", 15, 15, E],
    [E, E, "可持续影响指标", "路灯设施使用年限", "≥5年", "5年", 15, 15, E],
    [E, "满意度指标", "服务对象满意度指标", "市民满意度", "≥90%", "92%", 10, 10, E],
    pad(["总分", E, E, E, E, E, 100, 99.85]),
    pad(["自评等级", "优"]),
]
TABLES["a14_level1_merged_all_rows"] = (
    t,
    ("A1:I1", "A2:I2", "B3:I3", "A5:A9", "A10:A11", "A12:A21", "B13:B18", "C13:C14", "C15:C16", "B19:B20"),
)


def variant(name, edits, src, merges=None):
    """A copy of table `src` with some cells retyped (row, column 0-based) and, when given, other merges."""
    rows, old = copy.deepcopy(TABLES[src])
    for (r, c), v in edits.items():
        rows[r][c] = v
    TABLES[name] = (rows, old if merges is None else merges)


# v01a: A01 with the group cell written "预算执行情况" (no unit in it) — the same two-row header.
variant("v01a_group_header_plain", {(4, 2): "预算执行情况"}, "a01_funds_group_header")
# v01b: A01 with 分值/执行率/得分 typed on the second header row instead of merged down (group cell only over C:E).
variant(
    "v01b_group_header_second_row",
    {(4, 5): E, (4, 6): E, (4, 7): E, (5, 5): "分值", (5, 6): "执行率", (5, 7): "得分"},
    "a01_funds_group_header",
    ("A1:I1", "A2:I2", "B3:I3", "A5:A10", "B5:B6", "C5:E5", "A11:A12", "A13:A20", "B14:B17", "B18:B19"),
)
# v11: A11 with the header label 预算单位名称 (the 10号 部门 form's wording) instead of 湖南's 预算部门、单位名称.
variant("v11_department_unit_label", {(1, 0): "预算单位名称"}, "a11_hunan_department_breakdown")


def _result(tmp_path, name):
    rows, merges = TABLES[name]
    return _workbook(tmp_path, copy.deepcopy(rows), merges)


def _submission(tmp_path, name):
    """The same workbook read by the reader alone (what it mapped, before any check)."""
    import openpyxl

    from perfxl.reader import read_submission

    rows, merges = TABLES[name]
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append([None if v == "" else v for v in row])
    for m in merges:
        ws.merge_cells(m)
    path = tmp_path / "table.xlsx"
    wb.save(path)
    return read_submission(path)


def _at(result, code, severity=None):
    """(severity, cell, message) of the findings of `code` (of `severity`, when given)."""
    return [
        (f.severity.value, getattr(f.ref, "cell", None), f.message)
        for f in result.findings
        if f.code == code and (severity is None or f.severity.value == severity)
    ]


def _row_kinds(result, first, last):
    """The row kinds coverage gives rows first..last (1-based), over all tables."""
    kinds = {}
    for table in result.coverage.tables:
        for run in table.rows:
            for r in range(max(first, run.first), min(last, run.last) + 1):
                kinds[r] = run.kind
    return kinds


def _unmapped_rows(result):
    """The sheet rows named by LAYOUT_UNMAPPED_ROW findings."""
    import re

    rows = set()
    for f in result.findings:
        if f.code == "LAYOUT_UNMAPPED_ROW":
            nums = [int(n) for n in re.findall(r"\d+", f.ref.cell)]
            rows.update(range(nums[0], nums[-1] + 1))
    return rows


# ---------------------------------------------------------------- 1. a two-row funds header with a merged group cell


@pytest.mark.parametrize(
    "table",
    ["a01_funds_group_header", "v01a_group_header_plain", "v01b_group_header_second_row"],
    ids=["group-merged-down", "group-plain", "labels-on-second-row"],
)
def test_a_two_row_funds_header_with_a_group_cell_is_one_header(tmp_path, table):
    """项目资金（万元） │ 预算执行情况（万元）merged over C5:E5 │ 分值 │ 执行率 │ 得分, and 年初预算数 │ 全年预算数 │ 全年执行数 on
    the row under the group cell (分值/执行率/得分 merged down both rows, or typed on the second row) — the two-row header
    of the 预算执行情况 forms the brief names. The figures are right: 300 + 20 = 320, 285 + 19 = 304, 304/320 = 95.00% →
    10 × 0.95 = 9.5; 90 indicator points; 总分 99.5. perfxl reads only the second header row: with the labels merged down
    it finds no 分值/执行率/得分 (F04/F05/F06 not run) and then reports W03 错误 "分值合计（预算执行率 0 + 指标 90）应为
    100" and T02 错误 "总分应为 90 … 表中为 99.5"; with the labels on the second row it reads the figures but calls the
    group row a note and warns LAYOUT_MERGE_ACROSS_TABLES on A5:A10 and B5:B6 (merges that lie inside the funds
    block). The group row belongs to the header: no 错误, no merge warning, F04/F05 run."""
    result = _result(tmp_path, table)
    errors = [(f.code, f.ref.cell, f.message) for f in result.findings if f.severity.value == "error"]
    crossing = _at(result, "LAYOUT_MERGE_ACROSS_TABLES")
    skipped = sorted({s.code for s in result.coverage.skipped if s.code in {"F04", "F05", "F06"}})
    assert (errors, crossing, skipped) == ([], [], []), (errors, crossing, skipped)


# ---------------------------------------------------------------- 2. 基础数据表 with 年初预算数 │ 全年预算数 │ 全年决算数


@pytest.mark.parametrize(
    "table", ["a06_basic_staff_rows", "a07_basic_standard_with_buildings"], ids=["staff-rows", "staff-header"]
)
def test_a_basic_data_table_with_budget_and_final_columns_is_not_a_funds_block(tmp_path, table):
    """A 部门整体支出绩效评价基础数据表 whose 经费控制情况 columns are 年初预算数 │ 全年预算数 │ 全年决算数 (the variant of the
    湖南 form with 2022年决算数 │ 2023年预算数 │ 2023年决算数). Every part adds up (三公 8 + 0 + 4.5 = 12.5, 7.2 + 0 + 3.6 =
    10.8; 项目支出 100 + 200 = 300, 120 + 230 = 350, 118 + 222 = 340) and no 决算 exceeds its budget. perfxl takes the
    经费控制情况 block for a 自评表's funds block ("年初预算数 │ 全年预算数" is its header): the workbook gets a 'project'
    table with LAYOUT_MISSING_FUNDS_TOTAL "资金表中没有“年度资金总额”行", LAYOUT_MISSING_COLUMN "缺少列：全年执行数",
    F08 "全年预算数 350 与年初预算数 300 不同，应说明预算调整", and every row name (三公经费, 公车运行维护 …) as an unknown
    funds label; the 基础数据表 checks (三公 sums, 决算 ≤ 预算) are never run on these rows. There is no 自评表 here."""
    result = _result(tmp_path, table)
    projects = [t.range for t in result.coverage.tables if t.kind in {"project", "department"}]
    misread = [f for c in ("LAYOUT_MISSING_FUNDS_TOTAL", "LAYOUT_MISSING_COLUMN", "F08") for f in _at(result, c)]
    assert (projects, misread) == ([], []), (projects, misread)


# ---------------------------------------------------------------- 3. 编制数 / 实际在职人数 / 控制率 as rows


@pytest.mark.parametrize(
    ("table", "rows"),
    [("a06_basic_staff_rows", range(3, 7)), ("a08_basic_staff_as_rows_hunan_years", range(2, 6))],
    ids=["budget-columns", "hunan-year-columns"],
)
def test_staff_figures_written_as_rows_are_read(tmp_path, table, rows):
    """财政供养人员情况 written down the sheet (编制数 │ 45, 实际在职人数 │ 42, 控制率 │ 93.33% under a 人数 column) instead
    of across it; 42/45 = 93.33%, right. perfxl reports these rows LAYOUT_UNMAPPED_ROW "无法识别，未读入" (while the
    coverage of a08 calls them 'basic' rows), so the 在职 ≤ 编制 and 控制率 checks never see 45 and 42 — real figures
    silently dropped."""
    result = _result(tmp_path, table)
    unread = sorted(_unmapped_rows(result) & set(rows))
    assert unread == [], unread


# ---------------------------------------------------------------- 4. goal headers 中期目标/年度目标, 全年目标/1-X月执行情况


@pytest.mark.parametrize(
    ("table", "text_row", "expected"),
    [
        ("a09_declaration_midterm", 10, "三年内完成城区9000盏路灯的日常维护和更新，亮灯率保持在98%以上。"),
        ("a10_monitoring_1_7", 11, "完成3000盏路灯的日常维护，亮灯率不低于98%。"),
    ],
    ids=["declaration-midterm", "monitoring-1-7"],
)
def test_a_goal_header_row_is_not_read_as_the_goal(tmp_path, table, text_row, expected):
    """The 中央 绩效目标申报表 prints 总体目标 │ 中期目标（2024年—2026年） │ 年度目标 over the two goal texts, the 执行监控表
    年度总体目标 │ 全年目标 │ 1-7月执行情况. perfxl reads the label row as the goal itself (Goal.expected = "中期目标（2024
    年—2026年）", actual = "年度目标"; "全年目标" / "1-7月执行情况") and reports the row holding the goal texts 'unread': a
    label read as content, and the real goal dropped."""
    sub = _submission(tmp_path, table)
    form = (sub.declarations or sub.monitoring)[0]
    got = [g.expected.raw for g in form.goals]
    kinds = _row_kinds(_result(tmp_path, table), text_row, text_row)
    assert (got, kinds.get(text_row)) == ([expected], "goal"), (got, kinds)


# ---------------------------------------------------------------- 5. 申报表 funds: 中期资金总额 │ 年度资金总额


def test_the_declarations_funds_rows_are_read(tmp_path):
    """The 中央 绩效目标申报表's 项目资金（万元） block: 中期资金总额 900 │ 年度资金总额 300, 其中：财政拨款 900 │ 300, 其他资金
    0 │ 0 (900 = 900 + 0, 300 = 300 + 0). perfxl reads row 6 as a note and reports rows 7–8 'unread' — the form's money
    (what the 自评表's 年初预算数 is compared with) is silently dropped."""
    kinds = _row_kinds(_result(tmp_path, "a09_declaration_midterm"), 6, 8)
    assert [k for k in kinds.values() if k in {"unread", "note"}] == [], kinds


# ---------------------------------------------------------------- 6. 湖南 预算部门、单位名称


def test_the_hunan_unit_name_label_is_a_header_field(tmp_path):
    """湖南's 部门整体支出绩效自评表 (tests/realworld/hunan-hengshan-guantang-bumen-2023.toml) heads the form with 预算部门、
    单位名称 │ <unit>. perfxl reports the row LAYOUT_UNMAPPED_ROW "无法识别" and skips F01 "表头未找到“预算单位名称”栏" —
    the same table with 预算单位名称 (v11) reads the field. The label names the same field (部门/单位 名称)."""
    result = _result(tmp_path, "a11_hunan_department_breakdown")
    skipped = [s.reason_zh for s in result.coverage.skipped if s.code == "F01"]
    assert (skipped, sorted(_unmapped_rows(result) & {2})) == ([], []), skipped


# ---------------------------------------------------------------- guard: correct tables perfxl reads right

QUIET = [
    "a02_split_target_criteria",
    "a03_checkbox_rows_phone",
    "a04_notes_and_footer",
    "a05_two_tables_one_sheet",
    "a08_basic_staff_as_rows_hunan_years",
    "a09_declaration_midterm",
    "a10_monitoring_1_7",
    "a11_hunan_department_breakdown",
    "a12_levels_of_government_headings",
    "a13_monitoring_cause_columns",
    "a14_level1_merged_all_rows",
    "v11_department_unit_label",
]


@pytest.mark.parametrize("table", QUIET)
def test_guard_correct_tables_raise_no_error(tmp_path, table):
    """Every figure of these tables is worked out by hand in its comment; none is wrong, so no 错误."""
    errors = errors_of(_result(tmp_path, table))
    assert errors == [], errors
