"""General fixes prompted by held-out batch 12: 福建's 部门整体支出绩效自评表 funds block (预算安排 │ 拨付情况 │ 结余情况,
its column keys printed as circled numbers and formulas), its goals row headed 年度总体目标完成情况, the 年度预算安排 block
of its 部门整体支出绩效目标表, and a deviation reason demanded as certain on a row whose printed actual meets its target.

The shapes are those of real tables in tests/realworld (宁德市地震局 2020 and 宁德 方志委 2018 部门整体支出绩效自评表, 方志委
2019 部门整体支出绩效目标表; 宁夏 原州区 送茶入户 2022 自评表: 时效 100 │ 100 scored 9.34 of 10), cut down to what each rule
reads.
"""

from __future__ import annotations

from report_helpers import error_cells as _errors
from report_helpers import findings_of as _codes
from report_helpers import pad
from report_helpers import row_runs as _runs
from report_helpers import workbook_result as _workbook

E = ""


# ---------------------------------------------------------------- 宁德市地震局 2020: 福建 部门整体 funds block

NINGDE_HEAD = [
    pad(["部门整体支出绩效自评表"], 10),
    pad(["部门(单位)名称", "宁德市地震局", E, E, E, "部门预算编码", "409001007"], 10),
    ["财政资金安排和使用情况", "资金结构\n(万元)", "预算安排", E, E, "拨付情况", E, "结余情况", E, E],
    [
        E,
        E,
        "年初部门预算安排金额(含历年结余结转)①",
        "年中调整金额②",
        "小计\n③=①+②",
        "年度拨付金额",
        "支出实现率(%)⑤=④/③",
        "本年度结余金额⑥=③-④",
        "资金结余率(%)⑦=⑥/③",
        E,
    ],
]
NINGDE_GOALS = [
    ["年度总体目标完成情况", "预期目标", E, E, E, "目标实际完成情况", E, E, E, E],
    [E, "推进我市防震减灾事业健康发展。", E, E, E, "完成年度目标", E, E, E, E],
]
NINGDE_MERGES = (
    "A1:J1",
    "B2:E2",
    "G2:J2",
    "A3:A9",
    "B3:B4",
    "C3:E3",
    "F3:G3",
    "H3:I3",
    "A10:A11",
    "B10:E10",
    "F10:J10",
    "B11:E11",
    "F11:J11",
)


def _ningde(executed="188.45", rate="99.92"):
    """The 2020 table's money as published (合 计 │ 130.54 │ 58.07 │ 188.61 │ 188.45 │ 99.92 …), the 合计 row's 年度拨付金额
    and 支出实现率 replaceable."""
    money = [
        [E, "财政资金小计", "130.54", "58.07", "188.61", "188.45", "99.92", "0.16", "0.08", E],
        [E, "① 项目支出", "30", "0", "30", "30", "100", "0", "0", E],
        [E, "② 基本支出", "100.54", "58.07", "158.61", "158.45", "99.9", "0.16", "0.1", E],
        [E, "2.单位其它收入", "0", "0", "0", "0", "0", "0", "0", E],
        [E, "合 计", "130.54", "58.07", "188.61", executed, rate, "0.16", "0.08", E],
    ]
    return NINGDE_HEAD + money + NINGDE_GOALS


def test_circled_column_keys_and_their_formulas_are_not_part_of_a_header():
    """'年中调整金额②', '小计 ③=①+②', '支出实现率(%)⑤=④/③': the circled key (and the formula computing the column from
    the others' keys) is printed beside the name; a leading ① numbers a row and stays."""
    from perfxl.layout.headers import normalise_label

    assert normalise_label("年中调整金额②") == "年中调整金额"
    assert normalise_label("小计\n④ = ①+② +③") == "小计"
    assert normalise_label("支出实现率(%)⑤=④/③") == "支出实现率(%)"
    assert normalise_label("资金结余率\n(%)\n⑧=⑦/④") == "资金结余率(%)"
    assert normalise_label("① 项目支出") == "1项目支出"


def test_the_fujian_department_funds_block_is_read(tmp_path):
    """宁德 2020 as published: 年初部门预算安排金额 │ 年中调整金额 │ 小计 │ 年度拨付金额 │ 支出实现率 … is a funds block — its
    rows are read (they were 'unread': execution went unchecked), the goals row below it ends it, and a correct block
    (188.45 / 188.61 = 99.92 printed without '%' under a '(%)' header; 30 + 158.61 + 0 = 188.61) raises no 错误."""
    result = _workbook(tmp_path, _ningde(), NINGDE_MERGES)
    runs = _runs(result)
    assert ("funds", 6, 9) in runs and ("goal", 11, 11) in runs, runs
    assert not _errors(result)


def test_a_wrong_fujian_execution_rate_is_found(tmp_path):
    """支出实现率 is the form's execution rate (⑤=④/③, 年度拨付金额 / 小计): 92.99 printed for 188.45 / 188.61 = 99.92% is
    F04 at the rate cell."""
    result = _workbook(tmp_path, _ningde(rate="92.99"), NINGDE_MERGES)
    assert [(f.ref.cell, f.severity.value) for f in _codes(result, "F04")] == [("G9", "error")]


def test_fujian_disbursement_over_the_budget_is_found(tmp_path):
    """年度拨付金额 190 against a 小计 of 188.61 is spending over the year's budget (F03 at the 合计 row)."""
    result = _workbook(tmp_path, _ningde(executed="190", rate="100.74"), NINGDE_MERGES)
    assert ("F9", "error") in [(f.ref.cell, f.severity.value) for f in _codes(result, "F03")]


# ---------------------------------------------------------------- 方志委 2019 目标表: 年度预算安排 │ 资金总额 │ 171.41


def _target_table(basic="110.61"):
    rows = [
        pad(["部门整体支出绩效目标表"], 5),
        pad(["部门(单位)名称", "中共宁德市委党史和地方志研究室", E, "部门预算编码", "901001033"], 5),
        pad(["年度\n预算\n安排\n(万元)", "资金总额", "171.41"], 5),
        pad([E, "项目支出", "60.8"], 5),
        pad([E, "基本支出", basic], 5),
        pad(["年度\n总体\n目标", "目标1:确保本室日常办公所需经费正常运行;"], 5),
        ["一级指标", "二级指标", "三级指标", "指标解释", "目标值"],
        ["产出指标", "数量指标", "确保日常工作正常运行", "100%", "100%"],
    ]
    merges = ("A1:E1", "B2:C2", "A3:A5", "C3:E3", "C4:E4", "C5:E5", "B6:E6")
    return rows, merges


def test_a_target_tables_annual_budget_block_is_its_funds(tmp_path):
    """年度预算安排(万元) │ 资金总额 │ 171.41 over 项目支出 │ 60.8 and 基本支出 │ 110.61 is the funds block (it was unread),
    and 60.8 + 110.61 = 171.41 raises nothing."""
    rows, merges = _target_table()
    result = _workbook(tmp_path, rows, merges)
    assert ("funds", 3, 5) in _runs(result), _runs(result)
    assert not _codes(result, "F02") and not _errors(result)


def test_a_target_tables_annual_budget_that_does_not_add_up_is_found(tmp_path):
    """基本支出 100.61 with 项目支出 60.8 makes 161.41, not the 资金总额 171.41: F02."""
    rows, merges = _target_table(basic="100.61")
    result = _workbook(tmp_path, rows, merges)
    assert [f.severity.value for f in _codes(result, "F02")] == ["error"]


# ---------------------------------------------------------------- 原州 送茶入户 2022: a met target scored low


SONGCHA_HEADER = ["绩效指标", "一级指标", "二级指标", "三级指标", "分值", "指标值(A)", "全年实际值(B)", "得分计算方法"]
SONGCHA_HEADER += ["得分", "未完成原因分析"]


def _songcha(deviation=E):
    return [
        pad(["项目支出绩效自评表(2022年度)"], 10),
        pad(["项目名称", "2022年原州区健康饮茶“送茶入户”边销茶推广项目"], 10),
        SONGCHA_HEADER,
        [
            E,
            "产出指标(40分)",
            "时效指标(必填)",
            "确定于于2022年12月底前发放完毕",
            "10",
            "100",
            "100",
            E,
            "9.34",
            deviation,
        ],
    ]


def test_a_met_target_scored_low_is_one_certain_finding_not_two(tmp_path):
    """时效 100 │ 100 scored 9.34 of 10: the score is wrong (S02, certain). The blank reason beside it was a second
    错误 (D01 '未完成') although the printed actual meets the target; whether a deduction owes a reason is a judgement
    now — a 警告 whose basis says the actual meets the target."""
    result = _workbook(tmp_path, _songcha(), ("A1:J1", "B2:J2", "A3:A4"))
    assert [f.code for f in result.findings if f.severity.value == "error"] == ["S02"]
    [d01] = _codes(result, "D01")
    assert d01.severity.value == "warning" and "已达到" in d01.basis


def test_a_score_below_weight_on_a_missed_target_still_needs_its_reason(tmp_path):
    """The same row with an actual of 90 against 100: missed, so the blank reason stays a certain D01."""
    rows = _songcha()
    rows[3] = [E, "产出指标(40分)", "时效指标(必填)", "按期发放率", "10", "100%", "90%", E, "9", E]
    result = _workbook(tmp_path, rows, ("A1:J1", "B2:J2", "A3:A4"))
    assert [f.severity.value for f in _codes(result, "D01")] == ["error"]


# ---------------------------------------------------------------- 方志委 2019 目标表: 年度履职目标 amounts


def _duties(basic_item="171.41"):
    """The 2019 目标表's 预算安排 block and its 年度履职目标 as published (the third item, 基本支出, printed 171.41 — the
    whole 资金总额 — where the 预算安排 block gives 基本支出 110.61)."""
    rows, merges = _target_table()
    duties = [
        ["年度\n履职\n目标", "部门职能", "年度目标任务", "支出项目名称", "预算金额(万元)"],
        [
            E,
            "组织、指导、编纂地方志、年鉴、地情工作",
            "保障志鉴地情相关工作开展所需资金",
            "地情、市志编纂与年鉴出版经费",
            "49.8",
        ],
        [E, "确保本室各人员工资及福利的发放", "按时发放2019年人员福利", "地情、市志编纂与年鉴出版经费", "11"],
        [E, "确保日常工作正常运行", "按时发放2019年人员工资待遇", "基本支出", basic_item],
    ]
    rows = [*rows[:6], *duties, *rows[6:]]
    return rows, (*merges, "A7:A10")


def test_duty_amounts_above_the_funds_total_are_found(tmp_path):
    """49.8 + 11 + 171.41 = 232.21 against a 资金总额 of 171.41: the items split more money than the table has — F10,
    certain. It stands at the item the 预算安排 block contradicts (基本支出 171.41 there 110.61, with which the items add
    up), naming the total (C3) and the other amounts (E8, E9)."""
    rows, merges = _duties()
    result = _workbook(tmp_path, rows, merges)
    [f10] = _codes(result, "F10")
    assert (f10.ref.cell, f10.severity.value) == ("E10", "error")
    assert [loc.cell for loc in f10.related] == ["C3", "E8", "E9"]
    assert "232.21" in f10.message and "110.61" in f10.basis
    assert ("funds", 8, 10) in _runs(result), _runs(result)


def test_duty_amounts_that_add_up_raise_nothing(tmp_path):
    """基本支出 110.61: 49.8 + 11 + 110.61 = 171.41, nothing to say."""
    rows, merges = _duties(basic_item="110.61")
    result = _workbook(tmp_path, rows, merges)
    assert not _codes(result, "F10") and not _errors(result)


def test_duty_amounts_below_the_total_are_a_judgement(tmp_path):
    """基本支出 100 where the 预算安排 block says 110.61: the items add to 160.8 < 171.41. Below the total is a judgement
    (the list may name only the items tied to a duty): a 警告 saying so, at the 基本支出 item (with 110.61 they add up)."""
    rows, merges = _duties(basic_item="100")
    result = _workbook(tmp_path, rows, merges)
    [f10] = _codes(result, "F10")
    assert (f10.ref.cell, f10.severity.value) == ("E10", "warning") and "人工判断" in f10.basis


def test_duty_amounts_that_do_not_add_up_for_no_single_item_stand_at_the_total(tmp_path):
    """49.8 + 20 + 110.61 = 180.41 > 171.41 with every item agreeing with the funds block (no same-named item differs):
    F10 stands at the 资金总额 it exceeds."""
    rows, merges = _duties(basic_item="110.61")
    rows[8] = [E, "确保本室各人员工资及福利的发放", "按时发放2019年人员福利", "地情、市志编纂与年鉴出版经费", "20"]
    result = _workbook(tmp_path, rows, merges)
    [f10] = _codes(result, "F10")
    assert (f10.ref.cell, f10.severity.value) == ("C3", "error")


# ---------------------------------------------------------------- 吕梁 护工培训 2021: a period written with points


def test_a_period_written_with_dotted_dates_is_no_damaged_number(tmp_path):
    """吕梁 2021: 培训任务完成及时 │ 2021.1.1-12.31 │ 2021.1.1-12.31 — a period, its dates written with points. It was read
    as a damaged number '2021.1.1' (I12 on both cells, '疑为录入或识别错误'); a date that is not a calendar date
    ('2021.13.1') still is one."""
    from perfxl.values import parse_value

    assert parse_value("2021.1.1-12.31").reason is None and parse_value("2021.12.31前").reason is None
    assert parse_value("2021.13.1-12.31").reason and parse_value("1.2.3万元").reason
    rows = [
        ["一级指标", "二级指标", "指标名称", "目标值", "完成值"],
        ["产出指标", "产出时效", "培训任务完成及时", "2021.1.1-12.31", "2021.1.1-12.31"],
        [E, E, "参训学员结业考核通过率", "100%", "98.79%"],
    ]
    result = _workbook(tmp_path, rows, ("A2:A3", "B2:B3"))
    assert not _codes(result, "I12") and not _errors(result)


# ---------------------------------------------------------------- the year line under the title


def test_the_year_line_under_a_title_is_a_note_not_an_unread_row(tmp_path):
    """'( 2020 年度)' under 宁德's title (and '(2022年度)', '2019年度)' without its bracket, '年度:2024年' in 35 tables of
    the corpus) is the period the table covers: read as a note, no longer 'unread' with a LAYOUT_UNMAPPED_ROW."""
    for line in ("( 2020 年度)", "2019年度)", "年度:2024年"):
        rows = _songcha(deviation="按剩余人数扣分")
        rows.insert(1, pad([line], 10))
        result = _workbook(tmp_path, rows, ("A1:J1", "A2:J2", "B3:J3", "A4:A5"))
        assert ("note", 2, 2) in _runs(result), (line, _runs(result))
        assert not [f for f in _codes(result, "LAYOUT_UNMAPPED_ROW") if f.ref.cell.startswith("A2")]
