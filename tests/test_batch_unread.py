"""A batch row must not look clean when a table of the file could not be read (a reviewer's report: the 中江县 2022
report exported to PDF without table borders was a plain "已检查" row with 0 / 0 / 0 in summary.xlsx and the
dashboard, its three unread tables visible only in its own HTML report).

The file's coverage (`sheets[].read`) says which tables perfxl could not read; the row's status names them, the
totals count such files, and the dashboard shows the count beside 已检查.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from perfxl.batch.dashboard import _cards
from perfxl.batch.tables import BatchTables, row_from_record
from perfxl.model import SheetCoverage
from perfxl.report.json_report import report_dict
from perfxl.validate import validate_file

EXAMPLE = Path(__file__).resolve().parent.parent / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"


def _record(*unread: str) -> dict:
    result = validate_file(EXAMPLE)
    extra = tuple(
        SheetCoverage(name, "unruled_table", certain=False, read=False, note_zh="似为没有表格线的表格")
        for name in unread
    )
    coverage = dataclasses.replace(result.coverage, sheets=result.coverage.sheets + extra)
    return report_dict([dataclasses.replace(result, coverage=coverage)])["files"][0]


def test_a_file_with_an_unread_table_says_so_in_its_row(tmp_path):
    row = row_from_record(_record("第1页 无框线表格", "第2页 无框线表格"))
    assert row["ok"] and row["unread_tables"] == 2
    assert row["status"] == "已检查（2 个表格未能读取：第1页 无框线表格、第2页 无框线表格）"
    clean = row_from_record(_record())
    assert (clean["status"], clean["unread_tables"]) == ("已检查", 0)
    tables = BatchTables(tmp_path)
    tables.add(_record("第3页 无框线表格"))
    tables.add(_record())
    assert (tables.totals()["checked"], tables.totals()["partly_read"]) == (2, 1)
    cards = {c["label"]: (c["n"], c["bad"]) for c in _cards(tables)}
    assert cards["有表格未能读取"] == (1, True) and cards["已检查"] == (2, False)
