"""Readable console report (rich): one table per sheet, Chinese labels, worst problems stand out.

Numbers are never cut: in a terminal narrower than `WIDE` columns each finding is printed as a short
block (place, level, code; then the wrapped message; then 应为/实际 in full) instead of a table.
Each file ends with what was read (one line per table) and which checks could not run.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Sequence
from typing import Any

from perfxl.model import Finding, Severity
from perfxl.result import FileResult

from ._common import SEVERITY_ZH, coverage_lines, decimal_text, group_by_sheet, related_text

__all__ = ["print_report", "render_text", "wrap_cjk", "WIDE"]

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
#: Terminals at least this wide get the table layout; narrower ones the block layout.
WIDE = 110
#: 应为/实际 values up to this length sit in their own never-wrapped columns; longer (text) values
#: are printed in full under the message instead, so neither a number nor a sentence is ever cut.
SHORT = 24


def _file_header(r: FileResult) -> str:
    parts = [f"文件：{r.path}"]
    if r.unit_name:
        parts.append(f"单位：{r.unit_name}")
    s = r.summary
    if s.score_reported is not None or s.score_computed is not None:
        parts.append(
            f"总分 填报 {decimal_text(s.score_reported) or '—'} / 重算 {decimal_text(s.score_computed) or '—'}"
        )
    if s.grade:
        parts.append(f"等级（重算）：{s.grade}")
    if r.coverage.source_format:
        parts.append(f"格式：{r.coverage.source_format}")
    return "　".join(parts)


#: Atoms a line may not be broken inside: numbers with their sign, decimals, % and ASCII words/refs.
_ATOM = re.compile(r"[-+]?[0-9A-Za-z_.,:!/%$#@()=≥≤<>|]+|\s+|.", re.S)


def wrap_cjk(text: str, width: int) -> Iterator[str]:
    """Lines of at most `width` terminal cells, broken between CJK characters or at spaces, never
    inside a number or an ASCII word (an atom longer than a line gets a line of its own)."""
    # lazy: rich (~30 ms) is only for console output, not the validate cold start
    from rich.cells import cell_len

    line, used = "", 0
    for atom in _ATOM.findall(text):
        size = cell_len(atom)
        if used + size > width and line.strip():
            yield line.rstrip()
            line, used = "", 0
            if atom.isspace():
                continue
        line += atom
        used += size
    if line.strip():
        yield line.rstrip()


def _short(value: str | None) -> str:
    return value if value and len(value) <= SHORT else ("（见说明）" if value else "")


def _explanation(f: Finding, *, long_values: bool = False) -> str:
    """The message, then the places it was compared with and its basis, one per line.

    `long_values`: also the 应为/实际 values too long for their columns.
    """
    lines = [f.message]
    if long_values:
        lines += [f"{k}：{v}" for k, v in (("应为", f.expected), ("实际", f.actual)) if v and len(v) > SHORT]
    if f.related:
        lines.append(f"对照：{related_text(f)}")
    if f.basis:
        lines.append(f"依据：{f.basis}")
    return "\n".join(lines)


def _sheet_table(sheet: str, findings: list[Finding]) -> Any:
    # lazy: rich (~30 ms) is only for console output, not the validate cold start
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=f"工作表：{escape(sheet)}", title_justify="left", show_lines=False, expand=False)
    table.add_column("单元格", no_wrap=True)
    table.add_column("级别", no_wrap=True)
    table.add_column("代码", no_wrap=True)
    table.add_column("问题说明", min_width=30, ratio=1, overflow="fold")
    table.add_column("应为", no_wrap=True)
    table.add_column("实际", no_wrap=True)
    for f in findings:
        table.add_row(
            escape(f.cell or ""),
            f"[{_STYLE[f.severity]}]{SEVERITY_ZH[f.severity]}[/]",
            escape(f.code),
            escape(_explanation(f, long_values=True)),
            escape(_short(f.expected)),
            escape(_short(f.actual)),
        )
    return table


def _print_blocks(console: Any, sheet: str, findings: list[Finding]) -> None:
    """Narrow terminals: one block per finding, wrapped by `wrap_cjk` so no number is ever cut."""
    # lazy: rich (~30 ms) is only for console output, not the validate cold start
    from rich.markup import escape

    width = max(20, console.width - 4)
    console.print(f"工作表：{escape(sheet)}", style="bold", highlight=False)
    for f in findings:
        console.print(
            f"  {escape(f.cell or '')}  [{_STYLE[f.severity]}]{SEVERITY_ZH[f.severity]}[/]  {escape(f.code)}",
            highlight=False,
        )
        values = "　".join(f"{k} {v}" for k, v in (("应为", f.expected), ("实际", f.actual)) if v)
        for paragraph in [*_explanation(f).splitlines(), values]:
            for line in wrap_cjk(paragraph, width):
                console.print(f"    {escape(line)}", highlight=False, soft_wrap=True)


def print_report(results: Sequence[FileResult], console: Any) -> None:
    """Print every file's findings to a rich Console, grouped by sheet, then what was read, then totals."""
    # lazy: rich (~30 ms) is only for console output, not the validate cold start
    from rich.markup import escape

    wide = console.width >= WIDE
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
            if wide:
                console.print(_sheet_table(sheet, findings))
            else:
                _print_blocks(console, sheet, findings)
        lines = coverage_lines(r.coverage)
        if lines:
            console.print("  读取范围：", highlight=False)
            for line in lines:
                for part in wrap_cjk(line, max(20, console.width - 4)) if not wide else [line]:
                    console.print(f"    {escape(part)}", highlight=False, soft_wrap=True)
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
    # lazy: rich (~30 ms) is only for console output, not the validate cold start
    from rich.console import Console

    buf = io.StringIO()
    console = Console(file=buf, width=width, color_system=None, force_terminal=False, soft_wrap=False)
    print_report(results, console)
    return buf.getvalue()
