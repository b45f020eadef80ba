"""Readable console report (rich): one table per sheet, Chinese labels, worst problems stand out."""
from __future__ import annotations

import io
from collections.abc import Sequence

from perfxl.model import Severity
from perfxl.result import FileResult

from ._common import SEVERITY_ZH, decimal_text, group_by_sheet

__all__ = ["print_report", "render_text"]

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _file_header(r: FileResult) -> str:
    parts = [f"文件：{r.path}"]
    if r.unit_name:
        parts.append(f"单位：{r.unit_name}")
    s = r.summary
    if s.score_reported is not None or s.score_computed is not None:
        parts.append(f"总分 填报 {decimal_text(s.score_reported) or '—'} / 重算 {decimal_text(s.score_computed) or '—'}")
    if s.grade:
        parts.append(f"等级（重算）：{s.grade}")
    return "　".join(parts)


def print_report(results: Sequence[FileResult], console) -> None:
    """Print every file's findings to a rich Console, grouped by sheet, then a one-line total."""
    from rich.markup import escape
    from rich.table import Table

    for r in results:
        console.print(escape(_file_header(r)), style="bold", highlight=False)
        if not r.ok:
            err = r.error or {}
            console.print(
                f"  无法读取 [{escape(str(err.get('code') or 'FILE_UNREADABLE'))}]：{escape(str(err.get('message') or ''))}",
                style="bold red",
                highlight=False,
            )
            continue
        for note in r.warnings:
            console.print(f"  注意：{escape(note)}", style="yellow", highlight=False)
        if not r.findings:
            console.print("  未发现问题。", style="green")
        for sheet, findings in group_by_sheet(r.findings):
            table = Table(title=f"工作表：{escape(sheet)}", title_justify="left", show_lines=False, expand=False)
            for name, kw in (
                ("单元格", {"no_wrap": True}),
                ("级别", {"no_wrap": True}),
                ("代码", {"no_wrap": True}),
                ("问题说明", {"min_width": 30}),
                ("应为", {"max_width": 24}),
                ("实际", {"max_width": 24}),
            ):
                table.add_column(name, **kw)
            for f in findings:
                table.add_row(
                    escape(f.cell or ""),
                    f"[{_STYLE[f.severity]}]{SEVERITY_ZH[f.severity]}[/]",
                    escape(f.code),
                    escape(f.message),
                    escape(f.expected or ""),
                    escape(f.actual or ""),
                )
            console.print(table)
        s = r.summary
        console.print(f"  小计：错误 {s.errors} 个，警告 {s.warnings} 个，提示 {s.infos} 个", highlight=False)
    if len(results) > 1:
        unreadable = sum(1 for r in results if not r.ok)
        console.print(
            f"合计 {len(results)} 个文件（无法读取 {unreadable} 个）：错误 {sum(r.summary.errors for r in results)} 个，"
            f"警告 {sum(r.summary.warnings for r in results)} 个，提示 {sum(r.summary.infos for r in results)} 个",
            style="bold",
            highlight=False,
        )


def render_text(results: Sequence[FileResult], *, width: int = 140) -> str:
    """The console report as plain text (no colour codes), for `-o report.txt` and tests."""
    from rich.console import Console

    buf = io.StringIO()
    console = Console(file=buf, width=width, color_system=None, force_terminal=False, soft_wrap=False)
    print_report(results, console)
    return buf.getvalue()
