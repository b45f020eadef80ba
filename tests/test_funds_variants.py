"""Funds blocks of real forms perfxl did not read (issue 11: every table read, its funds totals recognised).

Each shape is cut down from a real published table in tests/realworld, cited at its builder.
"""

from __future__ import annotations

from report_helpers import pad
from report_helpers import workbook_result as _workbook

from perfxl.reader import read_submission

E = ""


def _codes(result, code):
    return [f for f in result.findings if f.code == code]


def _errors(result):
    return [(f.code, getattr(f.ref, "cell", None)) for f in result.findings if f.severity.value == "error"]


def _runs(result):
    return [(run.kind, run.first, run.last) for t in result.coverage.tables for run in t.rows]


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
    assert (total.initial_budget.ref.cell, total.full_budget.ref.cell, total.executed.ref.cell) == ("B5", "B8", "C8")
    assert "weight" not in funds.columns and "rate" not in funds.columns and "score" not in funds.columns
    assert not _errors(result), _errors(result)


def test_suzhou_payment_above_the_grant_is_overspending(tmp_path):
    """实际支付数 230 against a 财政拨款数 of 210 (the published 197.33 changed): the funds block's checks now run on it —
    F03 at the 实际支付数 cell C8."""
    rows, merges = _suzhou(paid="230", left="0")
    result = _workbook(tmp_path, rows, merges)
    found = [f.ref.cell for f in _codes(result, "F03")]
    assert found == ["C8"], (found, _runs(result))
