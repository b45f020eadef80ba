"""General fixes prompted by held-out batch 14: the 项目预算 block of a 湖北 鄂州 市直部门预算项目支出绩效目标表 — 成本构成 │
金额 │ 测算(公式)依据 │ 2020年实际执行数 │ 2021年实际执行数, one line per cost and a 合计 line — whose 合计 must be the sum of
its cost lines in every amount column, the prior years' 实际执行数 included.

The shapes are those of real tables in tests/realworld (鄂州 2022 滨湖大胆办公大楼运行保障: 2020年实际执行数 191 + 99 + 372.88 =
662.88 printed 合计 662.98; 鄂州市图书馆 2020: the block alone, cut before its 合计), cut down to what the rules read.
"""

from __future__ import annotations

from report_helpers import error_cells as _errors
from report_helpers import findings_of as _codes
from report_helpers import row_runs as _runs
from report_helpers import workbook_result as _workbook

E = ""


# ---------------------------------------------------------------- 鄂州 2022: 项目预算 │ 成本构成 │ 金额 │ … │ 实际执行数


def _office(total_2020="662.98", total_amount="814"):
    """The 2022 目标表's head and its 项目预算 block as published (合计 │ 814 │ │ 662.98 │ 794.55), the 2020 合计 and the
    金额 合计 replaceable."""
    rows = [
        ["鄂州市2022年市直部门预算项目支出绩效目标表", E, E, E, E, E],
        ["项目名称", "滨湖大胆办公大楼运行保障", "项目类别", "本级支出项目", "项目性质", "持续性项目"],
        ["立项依据", "市机关事务服务中心三定方案", E, E, E, E],
        ["项目预算", "成本构成", "金额", "测算(公式)依据", "2020年实际执行数", "2021年实际执行数"],
        [E, "保安服务费", "191", "依据招标文件", "191", "191"],
        [E, "保洁服务费", "99", "依据招标文件", "99", "99"],
        [E, "水电气、维修维护费", "524", "根据三定方案,各项费用据实结算", "372.88", "504.55"],
        [E, "合计", total_amount, E, total_2020, "794.55"],
        ["绩效目标", "以办公大楼服务对象满意为目标,着力打造文明型机关、卫生Z口机关。", E, E, E, E],
    ]
    return rows, ("A1:F1", "B3:F3", "A4:A8", "B9:F9")


def test_a_cost_block_whose_prior_year_total_is_not_the_sum_is_an_error(tmp_path):
    """鄂州 2022 as published: 2020年实际执行数 191 + 99 + 372.88 = 662.88 under a printed 合计 of 662.98 — an 错误 at that
    合计 (E8), naming both figures; the 金额 (814) and 2021 (794.55) columns add up and are quiet."""
    rows, merges = _office()
    result = _workbook(tmp_path, rows, merges)
    found = [(f.ref.cell, f.severity.value) for f in _codes(result, "F11")]
    assert found == [("E8", "error")], found
    f11 = _codes(result, "F11")[0]
    assert "662.88" in f11.message and "662.98" in f11.message
    assert "2020年实际执行数" in f11.basis
    assert _errors(result) == [("F11", "E8")]


def test_a_cost_block_that_adds_up_is_read_and_quiet(tmp_path):
    """The same block with 662.88 in the 合计: its header, cost lines and 合计 are read (they were 'unread') and nothing
    is raised; a 金额 合计 off by 1 (815) is an 错误 at C8."""
    rows, merges = _office(total_2020="662.88")
    result = _workbook(tmp_path, rows, merges)
    runs = _runs(result)
    assert ("header", 4, 4) in runs and not any(
        kind == "unread" and first <= 8 <= last for kind, first, last in runs
    ), runs
    assert not _codes(result, "F11") and not _errors(result)
    rows, merges = _office(total_2020="662.88", total_amount="815")
    found = [(f.ref.cell, f.severity.value) for f in _codes(_workbook(tmp_path, rows, merges), "F11")]
    assert found == [("C8", "error")], found


def test_a_cost_block_alone_is_a_table_read(tmp_path):
    """鄂州市图书馆 2020 as stored: the 目标表's head and its 项目预算 block, cut before the 合计 — the block is read (no
    LAYOUT_NO_TABLE: the table is not 'unread'), and with no 合计 there is nothing to add up."""
    rows = [
        ["鄂州市2020年市直部门预算项目支出绩效目标表", E, E, E, E, E],
        ["项目名称", "图书馆资源购置和信息共享等专项经费", "项目类别", "运行维护类", "项目性质", "常年性项目"],
        ["项目预算", "成本构成", "金额", "测算(公式)依据", "2018年实际执行数", "2019年实际执行数"],
        [E, "流动图书车运行维护费", "5.00", "1.维修费5次*5000=25000元\n2.汽油20次*500=10000元", E, E],
        [E, "图书购置", "60.00", "1.报刊1000种*15=15000元\n2.图书20000册*25=500000元", E, E],
    ]
    result = _workbook(tmp_path, rows, ("A1:F1", "A3:A5"))
    assert not _codes(result, "LAYOUT_NO_TABLE"), [f.message for f in result.findings]
    runs = _runs(result)
    assert any(kind == "header" and first <= 3 <= last for kind, first, last in runs), runs
    assert not any(kind == "unread" for kind, _, _ in runs), runs
    assert not _codes(result, "F11") and not _errors(result)
