"""The 校验结果 rows (perfxl.excel.result_sheet) for findings of every kind of place.

A finding may name a narrative paragraph (TextRef, a report document's 正文) instead of a cell: the
result sheet lists it with its place as text and orders it with the sheet-less findings, never
raising (found by mypy, issue 14: the row lookup assumed every place was a CellRef).
"""

from __future__ import annotations

from perfxl.excel.result_sheet import RESULT_HEADER, order_key, result_rows
from perfxl.model import CellRef, Finding, Severity, TextRef


def _findings() -> list[Finding]:
    return [
        Finding("N01", Severity.WARNING, TextRef(paragraph=3, page=2), "正文数字与表格不一致"),
        Finding("F04", Severity.ERROR, CellRef("项目支出绩效自评表", "H9"), "执行率应为 95.1%"),
    ]


def test_a_narrative_finding_is_listed_with_its_place_as_text():
    rows = result_rows(_findings(), {})
    body = rows[4:]
    assert len(body) == 2
    by_code = {row[2]: row for row in body}
    assert by_code["N01"][3:5] == ["正文", "第2页第3段"]
    assert by_code["F04"][3:5] == ["项目支出绩效自评表", "H9"]
    assert all(len(row) == len(RESULT_HEADER) for row in body)


def test_a_narrative_finding_orders_as_row_0_of_its_place():
    cell_key = order_key(_findings()[1])
    text_key = order_key(_findings()[0])
    assert text_key == ("正文", 0, "N01")
    assert cell_key == ("项目支出绩效自评表", 9, "F04")
