"""Funds blocks of real forms perfxl did not read (issue 11: every table read, its funds totals recognised).

Each shape is cut down from a real published table in tests/realworld, cited at its builder.
"""

from __future__ import annotations

from report_helpers import error_cells as _errors
from report_helpers import findings_of as _codes
from report_helpers import pad
from report_helpers import row_runs as _runs
from report_helpers import workbook_result as _workbook

from perfxl.reader import read_submission

E = ""


def _unread(result, first, last):
    return [run for run in _runs(result) if run[0] == "unread" and run[1] <= last and run[2] >= first]


# ---------------------------------------------------------------- 苏州 2021: 市级预算执行情况 / 市级财政资金使用情况


def _suzhou(initial="210", adjusted="0", granted="210", paid="197.33", left="12.67"):
    """tests/realworld/jiangsu-suzhou-caizheng-zaibei-2021.toml (苏州市财政局, 市财政灾备中心建设 2021) rows 2-9 as published —
    the 预算执行 block (年初预算数 │ 当年使用上年结余、结转及当年调整预算数 │ 财政拨款数 │ 指标结余数 over one line of figures)
    and the 资金使用 block (财政拨款数 │ 实际支付数 │ 资金结余、结转数 │ 其中: 结转数 │ 财政收回数, a two-row header over one
    line of figures) — then two of its indicator rows; the figures replaceable."""
    rows = [
        pad(["苏州市级财政支出项目绩效自评表"], 7),
        pad(["项目名称", "市财政灾备中心建设", E, E, "项目年份", "2021"], 7),
        pad(["项目主管部门(单位)", "苏州市财政局"], 7),
        [
            "市级预算执行情况(万元)",
            "年初预算数",
            E,
            "当年使用上年结余、结转及当年调整预算数",
            E,
            "财政拨款数",
            "指标结余数",
        ],
        [E, initial, E, adjusted, E, granted, "0"],
        ["市级财政资金使用情况(万元)", "财政拨款数", "实际支付数", "资金结余、结转数", "其中:", E, E],
        [E, E, E, E, "结转数", "财政收回数", E],
        [E, granted, paid, left, left, E, E],
        ["项目类别", E, "指标名称", "目标值", "权重", "实际完成值", "自评分"],
        ["项目绩效实现情况(80分)", "投入目标", "配套设施到位率", "100%", "1", "100%", "1"],
        [E, E, "资金使用合规性", "合规", "3", "100%", "3"],
    ]
    merges = (
        "A1:G1", "B2:D2", "F2:G2", "B3:G3",
        "A4:A5", "B4:C4", "D4:E4", "B5:C5", "D5:E5",
        "A6:A8", "B6:B7", "C6:C7", "D6:D7", "E6:G6", "F7:G7", "F8:G8",
        "A9:B9", "A10:A11", "B10:B11",
    )  # fmt: skip
    return rows, merges


def test_suzhou_budget_and_usage_blocks_are_read_as_the_funds_block(tmp_path):
    """As published: the two blocks were 'unread' rows and the table had no funds block. They are read as one: 年初预算数
    210 (B5), the 财政拨款数 210 the money was granted (B8) as the year's budget, 实际支付数 197.33 (C8) as its execution;
    197.33 ≤ 210, no rate or score printed in them — nothing to report."""
    rows, merges = _suzhou()
    result = _workbook(tmp_path, rows, merges)
    assert not _unread(result, 4, 8), _runs(result)
    funds = read_submission(result.path).evaluations[0].funds
    assert funds is not None and funds.total is not None
    total = funds.total
    assert (total.initial_budget.text, total.full_budget.text, total.executed.text) == ("210", "210", "197.33")
    assert (total.initial_budget.place().cell, total.full_budget.place().cell, total.executed.place().cell) == (
        "B5",
        "B8",
        "C8",
    )
    assert "weight" not in funds.columns and "rate" not in funds.columns and "score" not in funds.columns
    assert not _errors(result), _errors(result)


def test_suzhou_payment_above_the_grant_is_overspending(tmp_path):
    """实际支付数 230 against a 财政拨款数 of 210 (the published 197.33 changed): the funds block's checks now run on it —
    F03 at the 实际支付数 cell C8."""
    rows, merges = _suzhou(paid="230", left="0")
    result = _workbook(tmp_path, rows, merges)
    found = [f.ref.cell for f in _codes(result, "F03")]
    assert found == ["C8"], (found, _runs(result))


# ---------------------------------------------------------------- 湘阴 2022: 项目资金申请 │ 上年度安排资金 │ 本年度申请资金


def _xiangyin(county="259", start="2022.1", detail=True, county_label="县级资金", total="259"):
    """tests/realworld/hunan-xiangyin-youeryuan-shenbao-2022.toml (湘阴县教育局, 幼儿园公用经费 申报表 2022) rows 1-4 and 12-23
    as published: the 项目资金申请(万元) block (项 目 │ 上年度安排资金 │ 本年度申请资金; 合 计 213.4 │ 259 over 市级/省级/中央/
    县级资金), its 支出明细预算(万元) block under it (the same headers and 测算依据及说明; 合 计 and one item, 259), and the
    项目年度实施进度计划 whose 开始时间 │ 结束时间 print 2022.1 │ 2022.12 in the amounts' columns; 县级资金 and the start
    replaceable, and without `detail` the 支出明细预算 and 保障制度 lines (rows 11-14 here) cut out, so the 进度计划 follows
    the sources directly."""
    rows = [
        pad(["项目支出预算绩效目标申报表"], 6),
        pad(["(2022年度)"], 6),
        pad(["填报单位:湘阴县教育局"], 6),
        ["项目基本情况", "项目名称", "公办和普惠性民办幼儿园公用经费", E, E, E],
        ["项目资金情况", "项目资金申请(万元)", "项 目", "上年度安排资金", "本年度申请资金", E],
        [E, E, "合 计", "213.4", total, E],
        [E, E, "市级资金", E, E, E],
        [E, E, "省级资金", E, E, E],
        [E, E, "中央资金", E, E, E],
        [E, E, county_label, "213.4", county, E],
        [E, "支出明细预算(万元)", "项 目", "上年度安排资金", "本年度申请资金", "测算依据及说明"],
        [E, E, "合 计", "213.4", "259", "根据湘财教﹝2019﹞24号文件精神,按照全县公办园和普惠性民办幼儿园数据实测算"],
        [E, E, "幼儿园生均经费", "213.4", "259", E],
        ["单位已有的(或拟订的)保障项目实施的制度、措施", E, "建立了幼儿园财金管理制度和审核制度", E, E, E],
        ["项目年度实施进度计划", E, "项目实施内容", E, "开始时间", "结束时间"],
        [E, E, "1、对全县公办和普惠性幼儿园生均经费的补助", E, start, "2022.12"],
    ]
    merges = (
        "A1:F1", "A2:F2", "A3:F3", "C4:F4",
        "A5:A13", "B5:B10", "E5:F5", "E6:F6", "E7:F7", "E8:F8", "E9:F9", "E10:F10", "B11:B13",
        "A14:B14", "C14:F14", "A15:B16", "C15:D15", "C16:D16",
    )  # fmt: skip
    if not detail:
        rows = rows[:10] + rows[14:]
        merges = ("A1:F1", "A2:F2", "A3:F3", "C4:F4", "A5:A10", "B5:B10", "E5:F5", "E6:F6", "E7:F7", "E8:F8", "E9:F9")
        merges += ("E10:F10", "A11:B12", "C11:D11", "C12:D12")
    return rows, merges


def _tables(result):
    return [(t.kind, t.range) for t in result.coverage.tables]


def test_xiangyin_funds_block_with_its_spending_detail_is_one_table(tmp_path):
    """As published: no table was recognised at all (LAYOUT_NO_TABLE). The 项目资金申请 block is the 申报表's funds: 合 计
    259 (E6) the year's requested total over its four sources (259 from 县级资金: it adds up, nothing to report); the
    支出明细预算 block under it is the same table, not a second one; and the 进度计划 line's 2022.1 (a year and month,
    under 开始时间) is no amount — no F02, no 错误."""
    rows, merges = _xiangyin()
    result = _workbook(tmp_path, rows, merges)
    assert len(result.coverage.tables) == 1, _tables(result)
    assert not _unread(result, 5, 13), _runs(result)
    sub = read_submission(result.path)
    (form,) = (*sub.evaluations, *sub.declarations)
    funds = form.funds
    assert funds is not None and funds.total is not None
    assert (funds.total.full_budget.text, funds.total.full_budget.place().cell) == ("259", "E6")
    assert [p.label.text for p in funds.parts] == ["市级资金", "省级资金", "中央资金", "县级资金"]
    assert not _codes(result, "F02") and not _errors(result), _errors(result)


def test_xiangyin_sources_that_do_not_add_up_are_an_error(tmp_path):
    """县级资金 270 (the published 259 changed) under a 合 计 of 259: the funds checks run on the block — F02 at E6, an 错误
    (the blank 市级/省级/中央 lines cannot make 270 smaller)."""
    rows, merges = _xiangyin(county="270")
    result = _workbook(tmp_path, rows, merges)
    assert [(f.ref.cell, f.severity.value) for f in _codes(result, "F02")] == [("E6", "error")], _runs(result)


def test_xiangyin_a_year_and_month_under_the_sources_is_no_amount(tmp_path):
    """The 进度计划 line right under the sources (the published 支出明细 and 保障制度 lines cut out): its 2022.1 │ 2022.12
    stand in the amounts' columns, but "2022.1" is a year and month written with a point (`perfxl.values.dotted_year_month`,
    as 时效 values read), so the line is no fifth source: the sources add up to 259 — no F02, no 错误."""
    rows, merges = _xiangyin(detail=False)
    result = _workbook(tmp_path, rows, merges)
    funds = read_submission(result.path).declarations[0].funds
    assert [p.label.text for p in funds.parts] == ["市级资金", "省级资金", "中央资金", "县级资金"]
    assert not _codes(result, "F02") and not _errors(result), _errors(result)


# ---------------------------------------------------------------- 彭水 2024: stacked label │ value blocks, one per fund


def _pengshui(special_local="20.25", overall_city="343.00"):
    """tests/realworld/chongqing-pengshui-jihuashengyu-2024.toml (彭水自治县, 中央对地方转移支付计划生育服务项目 自评表 2024)
    rows 1 and 7-30 as published: the 预算资金安排 line, then 年度预算资金总额 │ 1084.25 over 中央补助 │ 市级资金 │ 本级资金, and
    the same for each fund under its name (奖励扶助 763.00; 特别扶助 321.25 printed over 166.00 + 136.00 + 20.25; the
    2023年绩效调整资金 block blank), then the 资金下达 row; 特别扶助's 本级资金 replaceable."""
    fund = [
        ("计划生育转移支付资金合计(万元)", E),
        ("年度预算资金总额):", "1084.25"),
        ("其中:中央补助", "668.00"),
        ("市级资金", overall_city),
        ("本级资金(包括结转结余)", "73.25"),
        ("其中:", E),
        ("农村部分计划生育家庭奖励扶助制度补助资金(万元)", E),
        ("年度预算资金总额:", "763.00"),
        ("其中:中央补助", "502.00"),
        ("市级资金", "208.00"),
        ("本级资金(包括结转结余)", "53.00"),
        ("其中:", E),
        ("计划生育家庭特别扶助制度补助资金(万元)", E),
        ("年度预算资金总额:", "321.25"),
        ("其中:中央补助", "166.00"),
        ("市级资金", "136.00"),
        ("本级资金(包括结转结余)", special_local),
        ("其中:", E),
        ("2023年绩效调整资金(万元)", E),
        ("年度预算资金总额:", E),
        ("其中:中央补助", E),
        ("市级资金", E),
        ("本级资金(包括结转结余)", E),
    ]
    rows = [pad(["彭水自治县2024年度中央对地方转移支付计划生育服务项目绩效自评表"], 8)]
    rows += [[E, E, E, E, label, value, E, E] for label, value in fund]
    rows[1][2:4] = ["预算资金安排", "2024年度计划生育转移支付资金预算安排情况。"]
    rows.append(
        [E, "资金下达", "资金发放及时性", "在30日内正式下达", "中央、市提前批资金(-年-月-日)", E, E, "以资金文"]
    )
    return rows, ("A1:H1", "A2:A25", "B2:B24", "C2:C24", "D2:D24")


def test_pengshui_each_funds_block_is_read_and_checked(tmp_path):
    """As published: no table was recognised. The stacked lines are read as four funds blocks of one table — the overall
    one (1084.25 over 668.00 │ 343.00 │ 73.25) as its funds, the three funds' blocks as `funds_more` — and F02 checks
    each: 特别扶助's 166.00 + 136.00 + 20.25 = 322.25 under a printed 321.25 is an 错误 at F15, its total; the others
    add up (the blank 2023年绩效调整资金 block has nothing to add)."""
    rows, merges = _pengshui()
    result = _workbook(tmp_path, rows, merges)
    assert len(result.coverage.tables) == 1 and not _unread(result, 2, 24), _runs(result)
    ev = read_submission(result.path).evaluations[0]
    assert ev.funds is not None and ev.funds.total is not None
    assert (ev.funds.total.full_budget.text, [p.full_budget.text for p in ev.funds.parts]) == (
        "1084.25",
        ["668.00", "343.00", "73.25"],
    )
    assert [(b.total.full_budget.text, len(b.parts)) for b in ev.funds_more if b.total is not None] == [
        ("763.00", 3),
        ("321.25", 3),
        ("", 3),
    ]
    assert [(f.ref.cell, f.severity.value) for f in _codes(result, "F02")] == [("F15", "error")]
    assert _errors(result) == [("F02", "F15")]


def test_pengshui_an_overall_source_that_is_not_the_sum_of_the_funds_is_a_warning(tmp_path):
    """As published: the funds' totals split the overall one (763.00 + 321.25 = 1084.25), and 中央补助 (502.00 + 166.00) and
    本级资金 (53.00 + 20.25) agree, but 市级资金 208.00 + 136.00 = 344.00 against the overall 343.00 — F13, a 警告 at F5 (the
    overall figure) naming the funds' cells: which of them is wrong is for a person to find. 344.00 there is quiet."""
    rows, merges = _pengshui()
    found = _codes(_workbook(tmp_path, rows, merges), "F13")
    assert [(f.ref.cell, f.severity.value) for f in found] == [("F5", "warning")]
    assert "344" in found[0].message and {r.cell for r in found[0].related} == {"F11", "F17"}
    rows, merges = _pengshui(overall_city="344.00")
    assert not _codes(_workbook(tmp_path, rows, merges), "F13")


def test_pengshui_blocks_that_add_up_are_quiet(tmp_path):
    """特别扶助's 本级资金 19.25 (the published 20.25 changed): 166.00 + 136.00 + 19.25 = 321.25 — no F02, no 错误."""
    rows, merges = _pengshui(special_local="19.25")
    result = _workbook(tmp_path, rows, merges)
    assert not _codes(result, "F02") and not _errors(result), _errors(result)


def test_a_source_whose_amount_looks_like_a_year_and_month_stays_an_amount(tmp_path):
    """The same block with its 县级 line relabelled 县本级配套 (no funds label) and 2022.1 requested, the 合 计 2022.1 too
    (the published figures changed): one such figure on a line is an amount (2022.1万元), not a date — read as the
    block's fourth source, and the block adds up: no F02."""
    rows, merges = _xiangyin(county="2022.1", county_label="县本级配套", total="2022.1")
    result = _workbook(tmp_path, rows, merges)
    funds = read_submission(result.path).declarations[0].funds
    assert [p.full_budget.text for p in funds.parts][-1] == "2022.1", [p.label.text for p in funds.parts]
    assert not _codes(result, "F02") and not _errors(result), _errors(result)


def test_one_label_value_line_alone_is_no_stacked_funds_block(tmp_path):
    """年度资金总额 │ 2223.04 alone on a sheet (a system's one-line export) opens no 彭水-type block: nothing under it is a
    line of the money, so it is no table (LAYOUT_NO_TABLE, as docs/bad-inputs.md says for html_as_xls) — it was read as a
    funds table with nothing to check."""
    result = _workbook(tmp_path, [["年度资金总额", "2223.04"]])
    assert [f.code for f in result.findings if f.code == "LAYOUT_NO_TABLE"] == ["LAYOUT_NO_TABLE"]
    assert not [run for t in result.coverage.tables for run in t.rows if run.kind == "funds"]
