"""CSV of all findings for finance staff: UTF-8 with BOM (Excel opens it right), formula-injection safe."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from perfxl.result import FileResult
from perfxl.safety import neutralise_row

from ._common import CERTAINTY_ZH, SEVERITY_ZH, related_text, sorted_findings

__all__ = ["CSV_HEADER", "render_csv", "CSV_ENCODING"]

CSV_ENCODING = "utf-8-sig"
CSV_HEADER = (
    "文件",
    "单位",
    "工作表",
    "单元格",
    "级别",
    "代码",
    "问题说明",
    "应为",
    "实际",
    "依据",
    "确定性",
    "对照位置",
)


def render_csv(results: Sequence[FileResult]) -> str:
    """One row per finding (and one per unreadable file); every text cell neutralised by perfxl.safety."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for r in results:
        if not r.ok:
            err = r.error or {}
            row = (
                r.path,
                r.unit_name,
                "",
                "",
                "错误",
                err.get("code") or "FILE_UNREADABLE",
                err.get("message") or "",
                "",
                "",
                "",
                "",
                "",
            )
            writer.writerow(neutralise_row(row))
            continue
        for f in sorted_findings(r.findings):
            row = (
                r.path,
                r.unit_name,
                f.sheet or "",
                f.cell or "",
                SEVERITY_ZH[f.severity],
                f.code,
                f.message,
                f.expected or "",
                f.actual or "",
                f.basis,
                CERTAINTY_ZH[f.certainty],
                related_text(f),
            )
            writer.writerow(neutralise_row(row))
    return buf.getvalue()
