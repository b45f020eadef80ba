"""General fixes prompted by held-out batch 11: a 目标表 whose funds are single label | value lines, the older 岳阳
自评报告 whose money runs across one row in label | value pairs, a 目标表 title with a bracketed suffix, and an
indicator block none of whose rows names a measure.

The shapes are those of real tables in tests/realworld (陕西 陈仓 残疾人 2023: 资金金额 │ 年度资金总额 │ (blank) over
其中:中央补助 │ 50.29; 湖南 岳阳县 农村公路养护 2020 and 南湖 优抚 2016: 计划安排资金 (万元) │ 170 │ 实际到位资金 (万元) │
170 │ 实际支出 (万元) │ 179.6 │ 结余(万元) │ 0 with the same pairs split by source below; 湖南 宁乡 坝塘镇 2021:
一级指标 │ 二级指标 │ 指标内容 │ 指标值 │ 备注 with every 指标内容 blank), cut down to what each rule reads.
"""

from __future__ import annotations

from report_helpers import error_cells as _errors
from report_helpers import findings_of as _codes
from report_helpers import pad
from report_helpers import workbook_result as _workbook

E = ""


# ---------------------------------------------------------------- 陈仓 2023: single label | value funds lines

CHENCANG = [
    pad(["绩效目标表(一般公共预算资金)"], 6),
    pad(["项目名称", "残疾人事业发展补助资金(一般公共预算)"], 6),
    pad(["区级主管部门", "区残联"], 6),
    pad(["资金金额", "年度资金总额"], 6),
    pad([E, "其中:中央补助", "50.29"], 6),
    pad([E, "地方资金"], 6),
    pad(["年度总体目标", "1.为农村困难残疾人进行实"], 6),
]
CHENCANG_MERGES = ("A1:F1", "B2:F2", "B3:F3", "A4:A6", "C4:F4", "C5:F5", "C6:F6", "B7:F7")


def test_a_target_table_title_with_a_bracketed_suffix_is_a_declaration(tmp_path):
    """'绩效目标表(一般公共预算资金)' names a 目标表 whatever its bracket says: read as a 申报表, not a 自评表."""
    result = _workbook(tmp_path, CHENCANG, CHENCANG_MERGES)
    assert [s.kind for s in result.coverage.sheets] == ["declaration"]


def test_single_label_value_funds_lines_are_a_funds_block(tmp_path):
    """资金金额 │ 年度资金总额 │ (blank) over 其中:中央补助 │ 50.29 and 地方资金 │ (blank): the block is read, and the
    blank total beside a part of 50.29 is F02's 警告 (unfilled, not wrong) at the total's value cell."""
    result = _workbook(tmp_path, CHENCANG, CHENCANG_MERGES)
    [f02] = _codes(result, "F02")
    assert (f02.ref.cell, f02.severity.value) == ("C4", "warning")
    assert "50.29" in f02.basis
    assert not [f for f in result.findings if f.code == "LAYOUT_UNMAPPED_ROW" and "资金" in (f.actual or "")]


def test_single_label_value_funds_lines_that_add_up_raise_nothing(tmp_path):
    """The same block filled (年度资金总额 │ 50.29): nothing to say about the money."""
    rows = [list(r) for r in CHENCANG]
    rows[3] = pad(["资金金额", "年度资金总额", "50.29"], 6)
    result = _workbook(tmp_path, rows, CHENCANG_MERGES)
    assert not _codes(result, "F02") and not _errors(result)


def test_a_regional_target_tables_annual_amount_line_is_its_total(tmp_path):
    """重庆 忠县 区域绩效目标表: 资金情况 │ 年度金额(万元): │ 397 over 其中:中央补助(万元) │ 397 and 地方资金(万元) │ (blank)
    is the funds block (397 = 397: no finding), and its rows are read, not left as unmapped rows."""
    rows = [
        pad(["生猪(牛羊)调出大县奖励资金区域绩效目标表"], 6),
        pad(["资金名称", "生猪(牛羊)调出大县奖励资金"], 6),
        pad(["资金情况", "年度金额(万元):", "397"], 6),
        pad([E, "其中:中央补助(万元)", "397"], 6),
        pad([E, "地方资金(万元)"], 6),
        pad(["年度目标", "到2022年底,生猪生产稳定有序发展。"], 6),
    ]
    merges = ("A1:F1", "B2:F2", "A3:A5", "C3:F3", "C4:F4", "C5:F5", "B6:F6")
    result = _workbook(tmp_path, rows, merges)
    runs = [(run.kind, run.first, run.last) for t in result.coverage.tables for run in t.rows]
    assert ("funds", 3, 5) in runs, runs
    assert not _codes(result, "F02") and not _errors(result)


# ---------------------------------------------------------------- 岳阳 自评报告: four label | value pairs a row

NANHU_MONEY = [
    ["计划安排资金 (万元)", "170", "实际到位资金 (万元)", "170", "实际支出 (万元)", "179.6", "结余(万元)", "0"],
    ["其中:中央财政", E, "其中:中央财政", E, "其中:中央财政", E, "其中:中央财政", E],
    ["省财政", "170", "省财政", "170", "省财政", "170", "省财政", E],
    ["市财政", E, "市财政", E, "市财政", E, "市财政", E],
    ["区财政", E, "区财政", E, "区财政", E, "区财政", E],
    ["其它", E, "其它", "9.6", "其它", "9.6", "其它", E],
]


def _yueyang_report(money):
    return [
        pad(["岳阳市南湖新区财政支出项目绩效评价自评报告"], 8),
        pad(["项目名称        优 抚"], 8),
        pad(["一、项 目 基 本 概 况"], 8),
        pad(["项目负责人", "鲁明霞", E, E, "联系电话", "8328726"], 8),
        *money,
        pad(["二、项目支出明细情况"], 8),
        pad(["支出内容", "实际支出数", "会计凭证号", E, E, E, E, "备注"], 8),
        pad(["上半年重点优抚对象补助", "67", "1月31日33号凭证"], 8),
    ]


def test_money_in_label_value_pairs_across_a_row_is_a_funds_block(tmp_path):
    """南湖 2016: 计划安排资金 │ 170 │ 实际到位资金 │ 170 │ 实际支出 │ 179.6 │ 结余 │ 0 is read as the funds block
    (计划安排资金 the budget, 实际支出 the execution, 实际到位资金 the money arrived). 实际支出 179.6 over the plan of
    170 is F03 at F5 — a 警告: the excess is the 9.6 of 其它, money from outside the fiscal budget; the budget and
    spending columns add up by source (省 170; 省 170 + 其它 9.6 = 179.6), the 到位 column does not: 170 printed for
    省 170 + 其它 9.6 = 179.6 is F02's 错误 at D5. It was LAYOUT_NO_TABLE."""
    result = _workbook(tmp_path, _yueyang_report(NANHU_MONEY))
    assert not _codes(result, "LAYOUT_NO_TABLE")
    [f03] = _codes(result, "F03")
    assert (f03.ref.cell, f03.severity.value) == ("F5", "warning")
    assert "实际支出 179.6 超过计划安排资金 170" in f03.message  # the form's own column names
    [f02] = _codes(result, "F02")
    assert (f02.ref.cell, f02.severity.value) == ("D5", "error") and "179.6" in f02.message


def test_label_value_pairs_whose_figures_add_up_raise_nothing(tmp_path):
    money = [list(r) for r in NANHU_MONEY]
    money[0][5] = "170"
    money[5] = ["其它", E, "其它", E, "其它", E, "其它", E]
    result = _workbook(tmp_path, _yueyang_report(money))
    assert not _codes(result, "LAYOUT_NO_TABLE")
    assert not _codes(result, "F02") and not _codes(result, "F03") and not _errors(result)


#: 岳阳县 2020's money row as published: 实际到位资金 and 实际支出 printed '7,00.0,77'.
_YUEYANG_2020_MONEY = [
    "计划安排资金 (万元)",
    "700",
    "实际到位资金 (万元)",
    "7,00.0,77",
    "实际支出 (万元)",
    "7,00.0,77",
    "结余 (万元)",
    "0",
]


def test_an_unreadable_figure_in_the_pairs_is_no_false_sum(tmp_path):
    """岳阳县 2020 prints 实际到位资金 and 实际支出 as '7,00.0,77' (and their 县财政 parts): the block is read, the plan
    700 = 县财政 700 holds, and no sum or overspending is asserted on figures that cannot be read."""
    money = [
        _YUEYANG_2020_MONEY,
        ["其中:中央财政", E, "其中:中央财政", E, "其中:中央财政", E, "其中:中央财政", E],
        ["县财政", "700", "县财政", "7,00.0,77", "县财政", "7,00.0,77", "县财政", E],
        ["其它", E, "其它", E, "其它", E, "其它", E],
    ]
    result = _workbook(tmp_path, _yueyang_report(money))
    assert not _codes(result, "LAYOUT_NO_TABLE")
    assert not [f for f in result.findings if f.code in ("F02", "F03") and f.severity.value == "error"]


def test_an_amount_whose_commas_are_no_thousands_separators_is_not_read_as_a_figure(tmp_path):
    """'7,00.0,77' (岳阳县 2020, 实际到位资金 and 实际支出) read as 700.077 by dropping its commas — a guess that gave a
    certain F03 错误 (700.077 > 700). Commas that separate no thousands leave no figure: C02 says the cell cannot be
    computed (a 警告: a person reads what was meant), and no sum or overspending is asserted on it."""
    from perfxl.numbers import to_decimal
    from perfxl.values import parse_value

    assert to_decimal("7,00.0,77") is None and to_decimal("1,157.97") == to_decimal("1157.97")
    assert parse_value("7,00.0,77").reason and parse_value("12,345.6万元").number is not None
    assert parse_value("1,2月").reason is None and parse_value("2,3").reason is None  # lists of numbers, not damage
    money = [
        _YUEYANG_2020_MONEY,
        ["县财政", "700", "县财政", "7,00.0,77", "县财政", "7,00.0,77", "县财政", E],
    ]
    result = _workbook(tmp_path, _yueyang_report(money))
    c02 = [(f.ref.cell, f.severity.value) for f in _codes(result, "C02")]
    assert ("F5", "warning") in c02, c02
    assert not _errors(result)


# ---------------------------------------------------------------- 宁乡 坝塘镇 2021: 指标内容 names the indicators


def _batang(names):
    """The 宁乡 项目绩效目标表's indicator block: 一级指标 │ 二级指标 │ 指标内容 │ 指标值 │ 备注, no 三级 column."""
    body = [
        ["", "产出指标", "数量指标", names[0], "88", "100"],
        ["", "", "质量指标", names[1], "88", "100"],
        ["", "", "时效指标", names[2], "88", "100"],
        ["", "效益指标", "社会效益指标", names[3], "68", "100"],
        ["", "", "生态效益指标", names[4], "20", "100"],
        ["", "社会公众或服务对象满意度指标", "", names[5], "88", "100"],
    ]
    return [
        pad(["项目绩效目标表"], 6),
        pad(["项目名称", "镇域内基础设施建设"], 6),
        ["年度绩效指标", "一级指标", "二级指标", "指标内容", "指标值", "备注"],
        *body,
    ]


BATANG_MERGES = ("A1:F1", "B2:F2", "A3:A9", "B4:B6", "B7:B8", "B9:C9")


def test_a_target_tables_indicator_content_column_names_its_indicators(tmp_path):
    """一级指标 │ 二级指标 │ 指标内容 │ 指标值 │ 备注 with no 三级 column (宁乡/长沙 项目绩效目标表): 指标内容 is where each
    indicator is named, so the block is read as indicators (it was read as goal text, nothing checked)."""
    names = ["新建道路长度", "工程验收合格率", "按期完工率", "受益群众人数", "绿化覆盖率", "群众满意度"]
    result = _workbook(tmp_path, _batang(names), BATANG_MERGES)
    runs = [(run.kind, run.first, run.last) for t in result.coverage.tables for run in t.rows]
    assert ("indicator", 4, 9) in runs, runs
    assert not _codes(result, "I01") and not _errors(result)


def test_an_indicator_block_that_names_no_measure_is_one_finding(tmp_path):
    """坝塘镇 2021 as published: every 指标内容 blank, bare numbers (88, 68, 20) as 指标值. One I01 at the block's first
    row naming the rows it covers — not one 错误 a row."""
    result = _workbook(tmp_path, _batang([""] * 6), BATANG_MERGES)
    [i01] = _codes(result, "I01")
    assert i01.ref.cell == "D4" and "全部 6 个" in i01.message
    assert [r.cell for r in i01.related] == ["D5", "D6", "D7", "D8", "D9"]
    assert [e for e in _errors(result) if e[0] != "I01"] == []


def test_one_unnamed_row_among_named_ones_is_named_on_its_own(tmp_path):
    names = ["新建道路长度", "", "按期完工率", "受益群众人数", "绿化覆盖率", "群众满意度"]
    result = _workbook(tmp_path, _batang(names), BATANG_MERGES)
    assert [f.ref.cell for f in _codes(result, "I01")] == ["D5"]


# ---------------------------------------------------------------- 甘孜州 2023: a 目标表's targets are judged like a 自评表's

GANZI = [
    pad(["绩效目标表"], 7),
    pad(["单位信息:", "324001-甘孜藏族自治州市场监督管理局机关"], 7),
    ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重(%)"],
    ["产出指标", "成本指标", "检查差旅费", "", "470", "人/天", "2"],
    ["产出指标", "成本指标", "培训费", "", "320", "人/天", "3"],
    ["产出指标", "时效指标", "完成时限", "", "1", "", "5"],
    ["产出指标", "数量指标", "召开食品安委会全体会议", "", "2", "", "15"],
    ["产出指标", "质量指标", "食安委成员单位食品安全工作齐抓共管", "", "100", "%", "10"],
    ["满意度指标", "服务对象满意度指标", "公众对食品安全满意度", "定性", "高中低", "", "5"],
]


def test_a_target_tables_operators_and_units_are_checked(tmp_path):
    """A 目标表 is where the targets are set: the 指标性质 left blank on its quantitative rows (I04), a count without
    its 度量单位 (I05) and a cost in '人/天' (I08) are said there, as on a 自评表 (they ran on 自评表 only: 甘孜州
    市场监督管理局 2023 raised nothing)."""
    result = _workbook(tmp_path, GANZI, ("A1:G1", "B2:G2"))
    assert [s.kind for s in result.coverage.sheets] == ["declaration"]
    i04 = {f.ref.cell for f in _codes(result, "I04")}
    assert {"D4", "D5", "D6", "D7", "D8"} <= i04, i04
    i05 = {f.ref.cell for f in _codes(result, "I05")}
    assert "F7" in i05 and "F6" not in i05, i05  # 完成时限 '1' is a 时效 value: I09's to judge, not I05's (batch 10)
    assert _codes(result, "I08"), [f.brief() for f in result.findings]


def test_a_blank_budget_weight_field_beside_weights_short_of_100_is_said_there(tmp_path):
    """甘孜州 2023's 目标表 heads its table with '预算执行率权重(%):' left blank, and its indicator 权重 add to 90: the
    weights reach 100 only with 10 there — a W03 警告 at the blank field (unfilled, a person completes it)."""
    rows = [
        *GANZI[:2],
        pad(["预算执行率权重(%):"], 7),
        *GANZI[2:],
        ["效益指标", "社会效益指标", "食品安全整体状况", "定性", "高中低", "", "10"],
        ["产出指标", "数量指标", "开展食品安全专项整治", "", "2", "", "10"],
        ["产出指标", "数量指标", "组织州县食安委成员单位人员培训", "", "1", "", "15"],
        ["产出指标", "数量指标", "开展食品安全宣传周活动", "", "1", "", "10"],
        ["效益指标", "可持续影响指标", "进一步提高食品安全工作科学化、规范化", "定性", "高中低", "", "5"],
    ]
    result = _workbook(tmp_path, rows, ("A1:G1", "B2:G2", "B3:G3"))
    [w03] = _codes(result, "W03")
    assert (w03.ref.cell, w03.severity.value) == ("B3", "warning"), w03.brief()
    assert "90" in w03.basis
    filled = [list(r) for r in rows]
    filled[2] = pad(["预算执行率权重(%):", "10"], 7)
    other = tmp_path / "filled"
    other.mkdir()
    assert not _codes(_workbook(other, filled, ("A1:G1", "B2:G2", "B3:G3")), "W03")


def test_the_local_level_competent_department_is_the_header_field(tmp_path):
    """陈仓 2023 heads its 目标表 with 区级主管部门 │ 区残联 (忠县: 区县主管部门, below 中央/省级主管部门): the unit's own
    主管部门 field, read as the header (it was an unread row)."""
    result = _workbook(tmp_path, CHENCANG, CHENCANG_MERGES)
    runs = [(run.kind, run.first, run.last) for t in result.coverage.tables for run in t.rows]
    assert ("header", 2, 3) in runs, runs
