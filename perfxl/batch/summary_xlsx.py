"""summary.xlsx for reviewers: one row per file, every finding, counts by code, and native Excel charts.

The small sheets (汇总, 按代码统计, 图表) are written with XlsxWriter; the 问题明细 sheet — one row per
finding, most of the workbook — is sheet XML the workers pre-rendered (perfxl.batch.shards), spliced
into XlsxWriter's output in one streaming pass, so the batch process never handles a finding cell.
The workbook is written atomically. Every text cell goes through perfxl.safety.neutralise_formula,
so a unit name like "=HYPERLINK(…)" stays text (formula injection).
"""

from __future__ import annotations

import io
import math
import zipfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from perfxl.io.atomic import atomic_write
from perfxl.model import SEVERITY_ZH
from perfxl.safety import neutralise_formula

from .shards import FINDING_COLUMNS, ShardLog, shard_log_of
from .tables import FILE_COLUMNS, BatchTables

__all__ = ["SHEETS", "SEVERITY_ZH", "write_summary_xlsx", "build_summary_xlsx"]

#: Sheet names, in order: files, findings, counts by code, charts.
SHEETS = ("汇总", "问题明细", "按代码统计", "图表")

_TOP_CODES_CHART = 15
_NUMERIC = {"score_reported", "score_computed", "score_gap", "errors", "warnings", "infos"}


def _text(value: Any) -> str:
    """A text cell, neutralised against formula injection."""
    return neutralise_formula("" if value is None else str(value))


#: The prefix of a row's note saying an output was not written (perfxl.batch.worker), by the column it leaves blank.
_NOT_WRITTEN = {"annotated": "未生成批注副本：", "report": "未生成 HTML 报告："}


def _not_written(row: dict[str, Any], key: str) -> str:
    """The reason an output of the row's file was not written ("未生成：.pdf 报告只能读取…"), else ""."""
    prefix = _NOT_WRITTEN[key]
    return next(("未生成：" + n.removeprefix(prefix) for n in row.get("notes") or () if n.startswith(prefix)), "")


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
        for c, key, label in (
            (len(FILE_COLUMNS), "annotated", "打开副本"),
            (len(FILE_COLUMNS) + 1, "report", "打开报告"),
        ):
            if row.get(key):
                ws.write_url(r, c, "external:" + row[key], fmt["link"], string=label)
            elif why := _not_written(row, key):
                ws.write_string(r, c, _text(why))  # why there is no link: a PDF, a .xls, a full disk (journey13)
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


def _write_codes_sheet(ws, codes: list[dict[str, Any]], fmt: dict[str, Any]) -> None:
    ws.write_row(
        0, 0, ["代码 Code", "级别 Severity", "出现次数 Count", "涉及文件数 Files", "示例说明 Example"], fmt["head"]
    )
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
    for col, _series, colour in ((1, "填报总分", "#9DB4D6"), (2, "复算总分", "#2F5597")):
        chart.add_series(
            {
                "name": [name, 0, col],
                "categories": [name, 1, 0, n, 0],
                "values": [name, 1, col, n, col],
                "fill": {"color": colour},
            }
        )
    chart.set_title({"name": "总分分布（文件数）Score distribution"})
    chart.set_x_axis({"name": "总分区间"})
    peak = max([max(a, b) for _, a, b in hist] + [1])
    chart.set_y_axis(
        {
            "name": "文件数",
            "min": 0,
            "major_unit": max(1, math.ceil(peak / 8)),
            "num_format": "0",
            "major_gridlines": {"visible": True},
        }
    )
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
        bar.add_series(
            {
                "name": "出现次数",
                "categories": [name, start + 1, 0, start + len(top), 0],
                "values": [name, start + 1, 1, start + len(top), 1],
                "fill": {"color": "#C55A11"},
            }
        )
        bar.set_title({"name": "最常见的问题代码 Most frequent codes"})
        bar.set_y_axis({"reverse": True})
        bar.set_legend({"none": True})
        ws.insert_chart(20, 4, bar, {"x_scale": 1.3, "y_scale": 1.4})
    ws.set_column(0, 0, 28)
    ws.set_column(1, 2, 16)


_FINDINGS_PART = "xl/worksheets/sheet2.xml"  # the second sheet: 问题明细


def _small_sheets(tables: BatchTables, findings: int) -> bytes:
    """The workbook from XlsxWriter, in memory, with 问题明细 holding only its header row."""
    # lazy: xlsxwriter (~56 ms) only when summary.xlsx is written, not in `import perfxl.batch` or workers
    import xlsxwriter

    buffer = io.BytesIO()
    wb = xlsxwriter.Workbook(
        buffer,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    fmt = {
        "head": wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True, "valign": "top"}),
        "score": wb.add_format({"num_format": "0.00"}),
        "int": wb.add_format({"num_format": "0"}),
        "link": wb.add_format({"font_color": "blue", "underline": 1}),
        "bad": wb.add_format({"font_color": "#C00000"}),
    }
    sheets = [wb.add_worksheet(s) for s in SHEETS]
    codes = tables.codes_by_count()
    _write_files_sheet(wb, sheets[0], tables, fmt)
    _start_findings_sheet(sheets[1], fmt)
    sheets[1].autofilter(0, 0, max(1, findings), len(FINDING_COLUMNS) - 1)
    _write_codes_sheet(sheets[2], codes, fmt)
    _write_charts_sheet(wb, sheets[3], tables, codes, fmt)
    wb.close()
    return buffer.getvalue()


def _splice(workbook: bytes, rows: Iterator[bytes], findings: int, dest) -> None:
    """Copy `workbook` to `dest`, with the pre-rendered rows added to 问题明细 (and its dimension widened)."""
    last = f"{chr(ord('A') + len(FINDING_COLUMNS) - 1)}{findings + 1}"
    with zipfile.ZipFile(io.BytesIO(workbook)) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename != _FINDINGS_PART:
                zout.writestr(info, data)
                continue
            head, tail = data.split(b"</sheetData>", 1)
            head = head.replace(b'<dimension ref="A1:H1"/>', f'<dimension ref="A1:{last}"/>'.encode())
            part = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            part.compress_type = zipfile.ZIP_DEFLATED
            with zout.open(part, "w", force_zip64=True) as fh:
                fh.write(head)
                for chunk in rows:
                    fh.write(chunk)
                fh.write(b"</sheetData>" + tail)


def _write(dest, tables: BatchTables, shards: ShardLog) -> None:
    paths = [r["path"] for r in tables.rows]
    findings = shards.count(paths)
    _splice(_small_sheets(tables, findings), shards.xlsx_rows(paths), findings, dest)


def _shards_from_findings_file(tables: BatchTables) -> ShardLog:
    """Shards rebuilt from findings.jsonl (after Ctrl-C, or to rebuild the summary later)."""
    by_path: dict[str, list[Mapping[str, Any]]] = {}
    for line in tables.iter_findings():
        by_path.setdefault(line.get("path") or "", []).append(line)
    return shard_log_of(by_path.items())


def build_summary_xlsx(dest: Path, tables: BatchTables) -> None:
    """Write the summary workbook to `dest` (not atomically) from tables.rows and findings.jsonl."""
    with _shards_from_findings_file(tables) as shards, open(dest, "wb") as fh:
        _write(fh, tables, shards)


def write_summary_xlsx(dest: Path, tables: BatchTables, shards: ShardLog | None = None) -> Path:
    """Write summary.xlsx atomically; returns its path. `shards` holds the workers' 问题明细 rows;
    without it they are rendered from findings.jsonl."""
    own = shards is None
    log = _shards_from_findings_file(tables) if shards is None else shards
    try:
        atomic_write(dest, lambda fh: _write(fh, tables, log), force=True)
    finally:
        if own:
            log.close()
    return dest
