"""summary.xlsx for reviewers: one row per file, every finding, counts by code, and native Excel charts.

Written with XlsxWriter in constant-memory mode (rows stream to disk), atomically. `SummaryXlsx` lets
the batch write the 问题明细 rows while files are still being checked, so only the small sheets are
left for the end of the run. Every text cell goes through perfxl.safety.neutralise_formula, so a
unit name like "=HYPERLINK(…)" stays text (formula injection).
"""
from __future__ import annotations

import math
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from perfxl.model import SEVERITY_ZH
from perfxl.safety import neutralise_formula

from .tables import FILE_COLUMNS, BatchTables

__all__ = ["SHEETS", "SummaryXlsx", "write_summary_xlsx", "build_summary_xlsx"]

#: Sheet names, in order: files, findings, counts by code, charts.
SHEETS = ("汇总", "问题明细", "按代码统计", "图表")

FINDING_COLUMNS: tuple[tuple[str, str], ...] = (
    ("file", "文件 File"),
    ("code", "代码 Code"),
    ("severity", "级别 Severity"),
    ("sheet", "工作表 Sheet"),
    ("cell", "单元格 Cell"),
    ("message", "说明 Message"),
    ("expected", "应为 Expected"),
    ("actual", "实际 Actual"),
)
_TOP_CODES_CHART = 15
_NUMERIC = {"score_reported", "score_computed", "score_gap", "errors", "warnings", "infos"}


def _text(value: Any) -> str:
    """A text cell, neutralised against formula injection."""
    return neutralise_formula("" if value is None else str(value))


def _write_files_sheet(wb, ws, tables: BatchTables, fmt: dict[str, Any]) -> None:
    headers = [f"{zh} {en}" for _, zh, en in FILE_COLUMNS] + ["批注副本 Annotated", "HTML 报告 Report"]
    ws.write_row(0, 0, headers, fmt["head"])
    for r, row in enumerate(tables.rows, start=1):
        for c, (key, _, _) in enumerate(FILE_COLUMNS):
            value = row.get(key)
            if key in _NUMERIC:
                if value is None or value == "":
                    ws.write_blank(r, c, None)
                else:
                    ws.write_number(r, c, float(value), fmt["score"] if key.startswith("score") else fmt["int"])
            else:
                ws.write_string(r, c, _text(value), fmt["bad"] if key == "status" and not row["ok"] else None)
        for c, key, label in ((len(FILE_COLUMNS), "annotated", "打开副本"), (len(FILE_COLUMNS) + 1, "report", "打开报告")):
            if row.get(key):
                ws.write_url(r, c, "external:" + row[key], fmt["link"], string=label)
            else:
                ws.write_blank(r, c, None)
    ws.freeze_panes(1, 1)
    ws.autofilter(0, 0, max(1, len(tables.rows)), len(headers) - 1)
    ws.set_column(0, 0, 36)
    ws.set_column(1, 1, 28)
    ws.set_column(2, 3, 10)
    ws.set_column(4, 4, 24)
    ws.set_column(5, 11, 10)
    ws.set_column(12, 12, 40)
    ws.set_column(13, 14, 12)


def _start_findings_sheet(ws, fmt: dict[str, Any]) -> None:
    ws.write_row(0, 0, [h for _, h in FINDING_COLUMNS], fmt["head"])
    ws.freeze_panes(1, 0)
    ws.set_column(0, 0, 36)
    ws.set_column(1, 1, 26)
    ws.set_column(2, 4, 10)
    ws.set_column(5, 5, 70)
    ws.set_column(6, 7, 16)


def _write_finding_rows(ws, first_row: int, findings: Iterable[Mapping[str, Any]]) -> int:
    """Write findings from `first_row` on; returns the next free row."""
    r = first_row
    for finding in findings:
        for c, (key, _) in enumerate(FINDING_COLUMNS):
            value = finding.get(key)
            if value is None or value == "":
                continue  # an empty cell, not an empty string
            if key == "severity":
                value = SEVERITY_ZH.get(value, value)
            ws.write_string(r, c, _text(value))
        r += 1
    return r


def _write_codes_sheet(ws, codes: list[dict[str, Any]], fmt: dict[str, Any]) -> None:
    ws.write_row(0, 0, ["代码 Code", "级别 Severity", "出现次数 Count", "涉及文件数 Files", "示例说明 Example"], fmt["head"])
    for r, entry in enumerate(codes, start=1):
        ws.write_string(r, 0, _text(entry["code"]))
        ws.write_string(r, 1, _text(SEVERITY_ZH.get(entry["severity"], entry["severity"])))
        ws.write_number(r, 2, entry["count"])
        ws.write_number(r, 3, entry["files"])
        ws.write_string(r, 4, _text(entry["example"]))
    ws.freeze_panes(1, 0)
    ws.set_column(0, 0, 28)
    ws.set_column(1, 3, 14)
    ws.set_column(4, 4, 80)


def _write_charts_sheet(wb, ws, tables: BatchTables, codes: list[dict[str, Any]], fmt: dict[str, Any]) -> None:
    """Two native charts over small tables on the same sheet: score distribution and most frequent codes."""
    name = SHEETS[3]
    hist = tables.score_histogram()
    ws.write_row(0, 0, ["总分区间 Score band", "填报总分 Reported", "复算总分 Recomputed"], fmt["head"])
    for r, (label, reported, computed) in enumerate(hist, start=1):
        ws.write_string(r, 0, label)
        ws.write_number(r, 1, reported)
        ws.write_number(r, 2, computed)
    n = len(hist)
    chart = wb.add_chart({"type": "column"})
    for col, series_name, colour in ((1, "填报总分", "#9DB4D6"), (2, "复算总分", "#2F5597")):
        chart.add_series({
            "name": [name, 0, col],
            "categories": [name, 1, 0, n, 0],
            "values": [name, 1, col, n, col],
            "fill": {"color": colour},
        })
    chart.set_title({"name": "总分分布（文件数）Score distribution"})
    chart.set_x_axis({"name": "总分区间"})
    peak = max([max(a, b) for _, a, b in hist] + [1])
    chart.set_y_axis({"name": "文件数", "min": 0, "major_unit": max(1, math.ceil(peak / 8)), "num_format": "0",
                      "major_gridlines": {"visible": True}})
    chart.set_legend({"position": "bottom"})
    ws.insert_chart(0, 4, chart, {"x_scale": 1.3, "y_scale": 1.2})

    top = codes[:_TOP_CODES_CHART]
    start = n + 3
    ws.write_row(start, 0, ["问题代码 Code", "出现次数 Count"], fmt["head"])
    for i, entry in enumerate(top, start=1):
        ws.write_string(start + i, 0, _text(entry["code"]))
        ws.write_number(start + i, 1, entry["count"])
    if top:
        bar = wb.add_chart({"type": "bar"})
        bar.add_series({
            "name": "出现次数",
            "categories": [name, start + 1, 0, start + len(top), 0],
            "values": [name, start + 1, 1, start + len(top), 1],
            "fill": {"color": "#C55A11"},
        })
        bar.set_title({"name": "最常见的问题代码 Most frequent codes"})
        bar.set_y_axis({"reverse": True})
        bar.set_legend({"none": True})
        ws.insert_chart(20, 4, bar, {"x_scale": 1.3, "y_scale": 1.4})
    ws.set_column(0, 0, 28)
    ws.set_column(1, 2, 16)


class SummaryXlsx:
    """summary.xlsx built in two steps: `add_findings` as files finish (in discovery order), then `save`.

    XlsxWriter keeps the streamed rows in its own temp files (in a private folder removed by
    `save` or `discard`); the workbook itself is written only by `save`, atomically.
    """

    def __init__(self) -> None:
        import xlsxwriter

        self._tmp = tempfile.TemporaryDirectory(prefix="perfxl-summary-")
        self._wb = xlsxwriter.Workbook(None, {
            "constant_memory": True,
            "tmpdir": self._tmp.name,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        })
        wb = self._wb
        self._fmt = {
            "head": wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True, "valign": "top"}),
            "score": wb.add_format({"num_format": "0.00"}),
            "int": wb.add_format({"num_format": "0"}),
            "link": wb.add_format({"font_color": "blue", "underline": 1}),
            "bad": wb.add_format({"font_color": "#C00000"}),
        }
        self._sheets = [wb.add_worksheet(s) for s in SHEETS]
        _start_findings_sheet(self._sheets[1], self._fmt)
        self._next_row = 1

    def add_findings(self, findings: Iterable[Mapping[str, Any]]) -> None:
        """Append 问题明细 rows (callers keep discovery order: XlsxWriter streams rows top to bottom)."""
        self._next_row = _write_finding_rows(self._sheets[1], self._next_row, findings)

    def _close_to(self, dest: Path, tables: BatchTables) -> None:
        wb, fmt, sheets = self._wb, self._fmt, self._sheets
        codes = tables.codes_by_count()
        _write_files_sheet(wb, sheets[0], tables, fmt)
        sheets[1].autofilter(0, 0, max(1, self._next_row - 1), len(FINDING_COLUMNS) - 1)
        _write_codes_sheet(sheets[2], codes, fmt)
        _write_charts_sheet(wb, sheets[3], tables, codes, fmt)
        wb.filename = str(dest)  # XlsxWriter writes its file only on close()
        wb.close()

    def save(self, dest: Path, tables: BatchTables) -> Path:
        """Write the other sheets and the workbook to `dest` atomically; returns `dest`."""
        from perfxl.io.atomic import atomic_write

        try:
            atomic_write(dest, lambda tmp: self._close_to(tmp, tables), force=True, by_path=True)
        finally:
            self.discard()
        return dest

    def discard(self) -> None:
        """Drop the streamed rows without writing anything (the batch failed)."""
        self._tmp.cleanup()


def build_summary_xlsx(dest: Path, tables: BatchTables) -> None:
    """Write the summary workbook to `dest` (not atomically), streaming findings from findings.jsonl."""
    writer = SummaryXlsx()
    try:
        writer.add_findings(tables.iter_findings())
        writer._close_to(dest, tables)
    finally:
        writer.discard()


def write_summary_xlsx(dest: Path, tables: BatchTables, writer: SummaryXlsx | None = None) -> Path:
    """Write summary.xlsx atomically; returns its path. `writer` holds findings already streamed in."""
    if writer is None:
        writer = SummaryXlsx()
        writer.add_findings(tables.iter_findings())
    return writer.save(dest, tables)
