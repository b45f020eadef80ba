"""General fixes prompted by held-out batch 23 (six 目标申报表/目标表, none a 自评表; measured once before any fix:
recall 0/1, no false 错误, 5 of 6 read).

1. F11 over a 湖北 部门总体资金情况's 近两年收支金额 columns: the years stand on the header's second row ("2021 年 │ 2022 年"
   under 近两年收支金额), and each year's 支出构成 is held to its own 合计 like the 当年金额 column — 广水市教育局 2023 prints
   基本支出 99611.05 + 项目支出 9564.46 = 109175.51 under a 2022 年 合计 of 109175.04 (the 收入 合计). A year column has
   no 占比 of its own: the 当年 占比 never names a line of another year.

The shapes are those of real tables in tests/realworld, cut down to what the rules read.
"""

from __future__ import annotations

from report_helpers import error_cells as _errors
from report_helpers import findings_of as _codes
from report_helpers import row_runs as _runs
from report_helpers import workbook_result as _workbook

E = ""

# ---------------------------------------------------------------- 广水市教育局 2023: 近两年收支金额 2021 年 │ 2022 年


def _guangshui(expense_2022="109175.04", basic_2022="99611.05", project_2022="9564.46", years=("2021 年", "2022 年")):
    """The 申报表's head and its 部门总体资金情况 block as published (2022 年: 99611.05 + 9564.46 under 109175.04)."""
    rows = [
        ["附件 2:", E, E, E, E, E, E],
        ["部门整体支出绩效目标申报表", E, E, E, E, E, E],
        ["填报日期:2022 年 12 月 18 日", E, E, E, E, E, E],
        ["部门(单位) 名称", "广水市教育局", E, "填报人", "何永华", "联系电话", "07226233407"],
        ["部门总体 资金情况 单位:万元", "总体资金情况", E, "当年 金额", "占比", "近两年收支金额", E],
        [E, E, E, E, E, *years],
        [E, "收入构成", "财政拨款", "108292.73", "88.3%", "90147", "98577.39"],
        [E, E, "其他资金", "14348.77", "11.7%", "5819", "10597.65"],
        [E, E, "合计", "122641.5", "100%", "95966", "109175.04"],
        [E, "支出构成", "基本支出", "93199.91", "75.99%", "81781", basic_2022],
        [E, E, "项目支出", "29441.59", "24.01%", "14185", project_2022],
        [E, E, "合计", "122641.5", "100%", "95966", expense_2022],
        ["部门职能概述", "(一)贯彻执行党和国家关于教育改革与发展的各项方针、政策、法律法规", E, E, E, E, E],
    ]
    merges = ("A1:G1", "A2:G2", "A3:G3", "B4:C4", "A5:A12", "B5:C6", "D5:D6", "E5:E6", "F5:G5", "B7:B9", "B10:B12")
    return rows, (*merges, "B13:G13")


def test_a_year_column_under_the_two_years_header_is_held_to_its_total(tmp_path):
    """Failed before (nothing raised: only the 当年金额 column was added up): 2022 年 支出 99611.05 + 9564.46 = 109175.51
    ≠ 合计 109175.04 — one F11 错误 at G12 naming the year and both sums; 2021 年 and 当年 agree and stay quiet."""
    rows, merges = _guangshui()
    result = _workbook(tmp_path, rows, merges)
    assert _errors(result) == [("F11", "G12")]
    f11 = _codes(result, "F11")[0]
    assert "109175.51" in f11.message and "109175.04" in f11.message
    assert "2022" in f11.message and "支出构成" in f11.message
    assert {ref.cell for ref in f11.related} >= {"G10", "G11"}


def test_year_columns_that_add_up_are_quiet(tmp_path):
    """The same block with the 2022 年 支出 合计 printed 109175.51: every column of every group adds up, nothing raised."""
    rows, merges = _guangshui(expense_2022="109175.51")
    result = _workbook(tmp_path, rows, merges)
    assert not _codes(result, "F11") and not _errors(result)


def test_the_current_year_shares_name_no_line_of_another_year(tmp_path):
    """2022 年 支出 75.99 + 30 under 合计 100: held to the 当年 占比 (75.99%, 24.01%), 项目支出 alone would be out of line
    and named — but a year column prints no 占比 of its own, so the 错误 stays at the year's 合计, G12."""
    rows, merges = _guangshui(expense_2022="100", basic_2022="75.99", project_2022="30")
    result = _workbook(tmp_path, rows, merges)
    assert _errors(result) == [("F11", "G12")]


def test_the_years_are_read_with_the_headers_merges_lost_and_filled(tmp_path):
    """probe_variants' unmerged_filled: every merged header cell's text repeated into the cells it covered, so the
    header's second row is a header of its own ("总体资金情况 │ 总体资金情况 │ 当年 金额 │ 占比 │ 2021 年 │ 2022 年") — the
    近两年收支金额 above it still names the year columns, and the 2022 年 错误 is found as on the published table."""
    rows, _merges = _guangshui()
    label = "部门总体 资金情况 单位:万元"
    rows[4] = [label, "总体资金情况", "总体资金情况", "当年 金额", "占比", "近两年收支金额", "近两年收支金额"]
    rows[5] = [label, "总体资金情况", "总体资金情况", "当年 金额", "占比", "2021 年", "2022 年"]
    for r in range(6, 12):
        rows[r][0] = label
    rows[7][1] = rows[8][1] = "收入构成"
    rows[10][1] = rows[11][1] = "支出构成"
    keep = ("A1:G1", "A2:G2", "A3:G3", "B4:C4", "B13:G13")
    result = _workbook(tmp_path, rows, keep)
    assert _errors(result) == [("F11", "G12")]


def test_blank_year_labels_add_no_column(tmp_path):
    """广水 2021's form prints "年 │ 年" with the year columns empty: no year column is read, nothing is raised."""
    rows, merges = _guangshui(years=("年", "年"))
    for row in rows[6:12]:
        row[5] = row[6] = E
    result = _workbook(tmp_path, rows, merges)
    assert not _codes(result, "F11") and not _errors(result)


# ---------------------------------------------------------------- 湘西州特校 2023: 度量单位 "-" on every line

_XX_HEAD = [
    "一级指标",
    "二级指标",
    "三级指标",
    "指标值",
    "指标值内容",
    "评(扣分标准)",
    "度量单位",
    "指标值类型",
    "备注",
]


def _xiangxi(unit="-"):
    """The 一体化 list export as published (单位 │ 专项 │ 资金总额 │ 实施期绩效目标 │ indicators), 度量单位 `unit` throughout."""
    line = [E, E, E, E]
    rows = [
        ["2023年项目支出绩效目标表公开", *[E] * 12],
        ["部门:505_湘西州教育和体育局", *[E] * 9, "金额单位:万元", E, E],
        ["单位代码", "单位(专项)名称", "资金总额", "实施期绩效目标", "绩效指标", *[E] * 8],
        [E, E, E, E, *_XX_HEAD],
        ["505006", "州民族特殊教育学校", "30.00", *[E] * 10],
        [
            "  505006  ",
            "学生伙食费",
            "30.00",
            E,
            "成本指标",
            "经济成本指标",
            "学生补助标准",
            "17元/人.每天",
            "反映学生每天用餐标准",
            "按标准发放得10分,每少1元扣1分",
            unit,
            "定量",
            E,
        ],
        [
            *line,
            "产出指标",
            "数量指标",
            "补助学生数量",
            "168",
            "反映补助学生人数",
            "发放到位得10分,每减少1%,扣1分",
            unit,
            "定量",
            E,
        ],
        [
            *line,
            E,
            "质量指标",
            "伙食补助发放率",
            "90%以上",
            "实际发放伙食补助金额/应发放伙食补助金额",
            "9%0得10分,每减少1%扣1分",
            unit,
            "定量",
            E,
        ],
        [
            *line,
            "效益指标",
            "社会效益指标",
            "残疾学生入学率",
            "大于90%",
            "适龄学生入学情况",
            "90%得10分,每减少1%扣1分",
            unit,
            "定量",
            E,
        ],
    ]
    merges = (
        "A1:M1",
        "A2:J2",
        "K2:M2",
        "A3:A4",
        "B3:B4",
        "C3:C4",
        "D3:D4",
        "E3:M3",
        "A6:A9",
        "B6:B9",
        "C6:C9",
        "D6:D9",
        "E7:E8",
    )
    return rows, merges


def test_a_dash_in_the_unit_column_is_no_unit(tmp_path):
    """Failed before (three I05 警告 "的计量单位“-”不是常用单位", the target read "168-"): "-" under 度量单位 is the
    export's blank, not a unit — 17元/人.每天 and 大于90% carry their own units and are quiet; 168 has none, and I05
    says so plainly (未写计量单位), never naming "-" as a unit (元/人.每天, a compound unit typed with "." and 每, is an
    accepted unit since noise15: no I05 on it, tests/test_noise15.py)."""
    rows, merges = _xiangxi()
    result = _workbook(tmp_path, rows, merges)
    i05 = _codes(result, "I05")
    assert not any("“-”" in f.message or "-”" in f.message for f in i05), [f.message for f in i05]
    assert any("“168”未写计量单位" in f.message for f in i05), [f.message for f in i05]
    assert not any("大于90%" in f.message for f in i05)
    assert not _errors(result)


# ---------------------------------------------------------------- 青山区教育局 2020: 资金总额 │ … │ 当年资金总额: │ …


def _qingshan(yearly_grant="10000万元", term_grant="10000万元"):
    """The 目标表's head and its 项目资金 pairs as published: the term's money beside the year's (当年资金总额)."""
    rows = [
        ["项目支出绩效目标表", E, E, E, E, E, E],
        ["2020年度)", E, E, E, E, E, E],
        ["项目名称", "教育系统基础设施建设和设备购置", E, E, E, E, E],
        ["主管部门\n及编码", "[015001]武汉市青山区教育局", E, E, "实施单位", "武汉市青山区教育局", E],
        ["项目属性", "基础建设、修缮类", E, E, "项目起止时间", "202001-202012", E],
        ["项目资金", "资金总额", "10000万元", E, "当年资金总额:", "10000万元", E],
        [E, "其中:财政拨款", term_grant, E, "其中:当年财政拨款", yearly_grant, E],
        [E, "其他资金", E, E, "当年其他资金", E, E],
        ["总体目标", "中期目标", E, E, "年度目标", E, E],
        [E, "优化教育布局,推进教育领域综合改革", E, E, "按工作计划完成教育局重点项目建设经费预算安排", E, E],
        ["绩效项目指标表", E, E, E, E, E, E],
        [
            "一级指标",
            "二级指标(长期)",
            "三级指标(长期)",
            "指标值(长期)",
            "二级指标(年度)",
            "三级指标(年度)",
            "指标值(年度)",
        ],
        ["产出指标", "数量指标", E, E, "数量指标", "重点建设工程安排数量", "2"],
        ["产出指标", "质量指标", E, E, "质量指标", "重点建设工程验收合格率", "100%"],
        ["满意度指标", "服务对象满意度指标", E, E, "服务对象满意度指标", "学生、家长、社会满意度", "≥90%"],
    ]
    merges = (
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
        "A11:G11",
    )
    return rows, merges


def test_the_years_money_printed_as_当年_pairs_is_read(tmp_path):
    """Failed before (rows 6–8 unmapped: a pair block starts with two totals side by side, and 当年资金总额 was no total):
    当年 is the year's period like 年度 — the 当年 pair is the year's money, its 其中:当年财政拨款 a source. As published
    all agree and nothing is raised."""
    rows, merges = _qingshan()
    result = _workbook(tmp_path, rows, merges)
    assert not _errors(result)
    runs = _runs(result)
    assert any(kind == "funds" and first <= 6 and last >= 7 for kind, first, last in runs), runs


def test_a_years_source_above_its_total_is_found(tmp_path):
    """其中:当年财政拨款 11000万元 under 当年资金总额 10000万元: the year's sources above its total, an F02 错误 at the
    year's total (F6) — unseen while the block was unread."""
    rows, merges = _qingshan(yearly_grant="11000万元")
    result = _workbook(tmp_path, rows, merges)
    assert _errors(result) == [("F02", "F6")]


def test_the_terms_sources_are_held_to_the_terms_total(tmp_path):
    """probe_defects' planted 其中:财政拨款 11000万元 under 资金总额 10000万元 — the term's pair beside the year's: the term's
    lines are a funds block of their own, F02 holds them to its total (an 错误 at C6); the year's pair is untouched."""
    rows, merges = _qingshan(term_grant="11000万元")
    result = _workbook(tmp_path, rows, merges)
    assert _errors(result) == [("F02", "C6")]
