"""Review of unread17's B18 (the sums of a 功能分类表, a 收支总表) for false 错误 (issues 11 and 12, session 17,
review17d): realistic variants of the stored real tables (tests/realworld/reports: 上海普陀 万里街道 2025 预算, 社会工作部
2024 决算) whose lines do not add up by design. Each test failed before its fix (an 错误 on a table whose printed cells
do not make it certain), except the ones marked "guard" that keep a certain 错误 found.
"""

from __future__ import annotations

from perfxl.grid import Grid
from tests.test_unread17 import SHEHUI, WANLI, _b18, _check, _grid


def _summary(indent: str) -> Grid:
    """万里 2025's 收支总表 printed without numbers: 财政拨款收入 and its sources 一般公共预算资金 │ 政府性基金 │ 国有资本经营
    预算 (indented by `indent`), 事业收入 …"""
    rows = [list(r) for r in WANLI["tables"][0]["rows"]]
    for i in range(2, 9):
        rows[i][0] = rows[i][0].split("、", 1)[-1]
    for i in (3, 4, 5):
        rows[i][0] = indent + rows[i][0].split(" ", 1)[-1]
    return Grid("表1", rows, ())


def test_a_summary_tables_unnumbered_indented_sources_are_parts_of_the_line_above():
    """Failed before: the indented 一般公共预算资金 189,767,551 was added to 财政拨款收入 189,767,551 — 收入总计 "should be"
    379,535,102, an 错误. Unnumbered lines rank by their indentation: only the flush ones are the half's lines."""
    _, findings = _check(_summary("\u3000\u3000"))
    assert _b18(findings) == []


def test_a_summary_tables_unnumbered_flush_lines_are_a_guess():
    """Failed before (an 错误): flush unnumbered lines — whether 一般公共预算资金 is a part of 财政拨款收入 nothing printed
    says; a 警告 at most, saying why."""
    _, findings = _check(_summary(""))
    found = [f for f in findings if f.code == "B18"]
    assert [(f.cell, f.severity.value) for f in found] == [("B12", "warning")]
    assert "未编号" in found[0].basis


def test_a_numbered_summary_table_keeps_its_certain_error():
    """Guard: the numbered half (一、二、 …) is still certain: 八、城乡社区支出 1 元 more is an 错误 at D12."""
    _, findings = _check(_grid(WANLI, 0, {"D10": "154,369,327"}))
    assert [(cell, severity) for cell, severity, _ in _b18(findings)] == [("D12", "error")]


def _functional(rows: list[list[str]]) -> Grid:
    return Grid("表2", rows, _grid(WANLI, 1).merged)


def test_a_functional_table_cut_across_pages_holds_no_sum_of_its_last_open_lines():
    """Failed before: 万里 2025's 功能分类表 cut after its sixth row (a page without its 合计 line; 201 一般公共服务支出's
    款 go on over the page): the 类 3,296,600 above its one 款 shown (438,300) was an 错误 in each column. With no 合计
    line, the 类 and 款 the last line stands under are held only when the lines shown already exceed them."""
    rows = [list(r) for r in WANLI["tables"][1]["rows"]]
    for n in (6, 9, 20):
        _, findings = _check(_functional(rows[:n]))
        assert _b18(findings) == [], n
    over = [list(r) for r in rows[:9]]
    over[8][4] = over[8][6] = (
        "3,000,000"  # 20132 组织事务 (the last line, its 项 cut) made 3,000,000: 款 3,861,200 > 类
    )
    _, findings = _check(_functional(over))
    assert {(cell, severity) for cell, severity, _ in _b18(findings)} == {("E4", "error"), ("G4", "error")}


def test_a_functional_tables_continuation_page_holds_no_total_of_its_classes():
    """Failed before: the page after the break (header repeated, lines from 201 29 群众团体事务 on, the 合计 line at its
    end): the 合计 was held to the 类 shown — 201 is on the page before — three 错误. A table starting inside a 类 holds
    no 合计 = 各类; the page's own sums stay (万里's real 1 元 over at E50 is still found)."""
    rows = [list(r) for r in WANLI["tables"][1]["rows"]]
    _, findings = _check(_functional(rows[:3] + rows[6:]))
    assert [(cell, severity) for cell, severity, _ in _b18(findings)] == [("E50", "error")]


def test_a_change_column_with_negatives_in_brackets_is_not_added_as_positive():
    """Failed before: 增减额 printed in accounting brackets, (1.00) for −1.00 (社会工作部-like lines): (1.00) = (2.00) + 1.00
    holds as −1 = −2 + 1, but the brackets' figure was read as +1 — an 错误. review17d left such sums unheld (the sign
    not printed); gaps18 reads a bracketed figure in a 部门预决算 table's figure cell as the negative it is in
    accounting print (`Context.number`): the sums are held, and quiet; the same lines with a minus sign too."""
    head = [["科目编码", "科目名称", "2024年预算数", "2025年预算数", "增减额"]]
    body = [
        ["201", "一般公共服务支出", "10.00", "9.00", "(1.00)"],
        ["20101", "人大事务", "6.00", "4.00", "(2.00)"],
        ["20102", "政协事务", "4.00", "5.00", "1.00"],
        ["", "合计", "10.00", "9.00", "(1.00)"],
    ]
    sub, findings = _check(Grid("表1", head + body, ()))
    assert _b18(findings) == []
    assert [s for s in sub.sum_tables[0].sums if s.total.place() is not None and s.total.place().cell.startswith("E")]
    minus = [[c.replace("(", "-").replace(")", "") for c in row] for row in body]
    sub, findings = _check(Grid("表1", head + minus, ()))
    assert _b18(findings) == [] and any(
        s.total.place() and s.total.place().cell == "E2" for s in sub.sum_tables[0].sums
    )


def test_a_seven_digit_code_table_stays_checked():
    """Guard: 社会工作部 2024's whole 功能分类表 (its 合计 line last) still holds its 类/款 sums."""
    sub, findings = _check(_grid(SHEHUI, 1))
    assert _b18(findings) == [] and any(s.what == "其下各项之和" for s in sub.sum_tables[0].sums)


def test_a_figure_with_its_own_unit_is_not_added_in_the_tables_unit():
    """Failed before: 万里 2025's 收支总表 (in 元) with 一、一般公共服务支出 printed "329.66万元" — 3,296,600 元, the table
    agrees — was added as 329.66: 支出总计 an 错误. A sum with a figure stating its own unit is not held (the table's own
    unit is not read); the other half's sums stay."""
    sub, findings = _check(_grid(WANLI, 0, {"D3": "329.66万元"}))
    assert _b18(findings) == []
    assert any(s.what.startswith("其上各收入") for s in sub.sum_tables[0].sums)
