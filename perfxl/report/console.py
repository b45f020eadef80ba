"""Readable console report (rich): one table per sheet, Chinese labels, worst problems stand out.

Numbers are never cut: in a terminal narrower than `WIDE` columns each finding is printed as a short
block (place, level, code; then the wrapped message; then 应为/实际 in full) instead of a table.
Each file ends with what was read (one line per table) and which checks could not run.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from perfxl.model import Finding, Severity
from perfxl.patterns import lazy_compile
from perfxl.result import PAIR_KIND, FileResult

from ._common import SEVERITY_ZH, coverage_lines, decimal_text, group_by_sheet, related_text, section_title

__all__ = ["print_report", "render_text", "wrap_cjk", "WIDE"]

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
#: Terminals at least this wide get the table layout; narrower ones the block layout.
WIDE = 110
#: 应为/实际 values up to this length sit in their own never-wrapped columns; longer (text) values
#: are printed in full under the message instead, so neither a number nor a sentence is ever cut.
SHORT = 24


def _file_header(r: FileResult) -> str:
    # a pairing entry is no file: named by what it is and its folder (journey13: was "文件：收件箱/报告与工作簿核对：…")
    parts = [f"{Path(r.path).name}（文件夹 {Path(r.path).parent}）" if r.kind == PAIR_KIND else f"文件：{r.path}"]
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
_ATOM = lazy_compile(r"[-+]?[0-9A-Za-z_.,:!/%$#@()=≥≤<>|]+|\s+|.", re.S)


def _cells(text: str) -> int:
    """Terminal cells `text` takes: its length when ASCII, else rich's East-Asian-width count (CJK = 2)."""
    return len(text) if text.isascii() else _wide_cells(text)


@lru_cache(maxsize=8192)
def _wide_cells(text: str) -> int:
    # lazy: rich (~30 ms) is only for console output, not the validate cold start
    from rich.cells import cell_len

    return cell_len(text)


def wrap_cjk(text: str, width: int) -> Iterator[str]:
    """Lines of at most `width` terminal cells, broken between CJK characters or at spaces, never
    inside a number or an ASCII word (an atom longer than a line gets a line of its own)."""
    return (line for line, _ in _wrap_measured(text, width))


def _wrap_measured(text: str, width: int) -> Iterator[tuple[str, int]]:
    """`wrap_cjk`'s lines with the cells each takes (counted while wrapping, so a table pads without re-measuring)."""
    line, used = "", 0
    for atom in _ATOM.findall(text):
        size = _cells(atom)
        if used + size > width and line.strip():
            yield _trimmed(line, used)
            line, used = "", 0
            if atom.isspace():
                continue
        line += atom
        used += size
    if line.strip():
        yield _trimmed(line, used)


def _trimmed(line: str, used: int) -> tuple[str, int]:
    kept = line.rstrip()
    return kept, used - _cells(line[len(kept) :])


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


#: The table's column headers; only the explanation (column 3) wraps, the others are as wide as their longest cell.
_COLUMNS = ("单元格", "级别", "代码", "问题说明", "应为", "实际")
#: The explanation column is never narrower than this, even when the terminal is.
_MIN_MESSAGE = 30


def _row_cells(f: Finding) -> list[str]:
    return [
        f.cell or "",
        SEVERITY_ZH[f.severity],
        f.code,
        _explanation(f, long_values=True),
        _short(f.expected),
        _short(f.actual),
    ]


def _sheet_table(title: str, findings: list[Finding], width: int) -> Any:
    """One sheet's findings as a boxed table (the look of rich's HEAVY_HEAD box), laid out here in one pass.

    rich's own Table measures and wraps every cell through its renderer — about a millisecond a finding, four
    seconds for the 4,683 findings of a 10,000-row workbook; this layout costs a few microseconds a line.
    """
    # lazy: rich (~30 ms) is only for console output, not the validate cold start
    from rich.text import Span, Text

    rows = [_row_cells(f) for f in findings]
    widths = [max([_cells(head), *(_cells(r[i]) for r in rows if i != 3)]) for i, head in enumerate(_COLUMNS)]
    room = width - (sum(w + 3 for i, w in enumerate(widths) if i != 3) + 4)  # "│ x " a column, "│" at the end
    longest = 0
    for line_ in (line_ for r in rows for line_ in r[3].splitlines()):
        if longest >= room:  # the message fills the room left: no need to measure the rest
            break
        longest = max(longest, _cells(line_))
    widths[3] = max(_MIN_MESSAGE, widths[3], min(longest, room))

    def rule(left: str, mid: str, right: str, bar: str) -> str:
        return left + mid.join(bar * (w + 2) for w in widths) + right + "\n"

    def line(cells: Sequence[str], bar: str, message_cells: int | None = None) -> str:
        sizes = [_cells(c) if i != 3 or message_cells is None else message_cells for i, c in enumerate(cells)]
        return (
            bar + bar.join(f" {c}{' ' * (w - n)} " for c, w, n in zip(cells, widths, sizes, strict=False)) + bar + "\n"
        )

    parts = [f"{title}\n", rule("┏", "┳", "┓", "━"), line(_COLUMNS, "┃"), rule("┡", "╇", "┩", "━")]
    spans = [Span(0, len(parts[0]) - 1, "bold")]
    at = sum(len(p) for p in parts)
    blank = [""] * len(_COLUMNS)
    for f, cells in zip(findings, rows, strict=True):
        message = [part for paragraph in cells[3].splitlines() for part in _wrap_measured(paragraph, widths[3])]
        for n, (part, size) in enumerate(message or [("", 0)]):
            shown = cells if n == 0 else blank
            text = line([*shown[:3], part, *shown[4:]], "│", size)
            if n == 0:  # the level's colour: it starts after "│ cell │ " (in characters: a place may be CJK, 第3段)
                start = at + len(f"│ {shown[0]}{' ' * (widths[0] - _cells(shown[0]))} │ ")
                spans.append(Span(start, start + len(shown[1]), _STYLE[f.severity]))
            parts.append(text)
            at += len(text)
    parts.append(rule("└", "┴", "┘", "─").rstrip("\n"))
    return Text("".join(parts), spans=spans)


def _print_blocks(console: Any, title: str, findings: list[Finding]) -> None:
    """Narrow terminals: one block per finding, wrapped by `wrap_cjk` so no number is ever cut."""
    # lazy: rich (~30 ms) is only for console output, not the validate cold start
    from rich.text import Span, Text

    width = max(20, console.width - 4)
    parts = [f"{title}\n"]
    spans = [Span(0, len(parts[0]) - 1, "bold")]
    at = len(parts[0])
    for f in findings:
        head = f"  {f.cell or ''}  {SEVERITY_ZH[f.severity]}  {f.code}\n"
        start = at + 4 + len(f.cell or "")
        spans.append(Span(start, start + len(SEVERITY_ZH[f.severity]), _STYLE[f.severity]))
        values = "　".join(f"{k} {v}" for k, v in (("应为", f.expected), ("实际", f.actual)) if v)
        body = "".join(
            f"    {part}\n"
            for paragraph in [*_explanation(f).splitlines(), values]
            for part in wrap_cjk(paragraph, width)
        )
        parts += [head, body]
        at += len(head) + len(body)
    console.print(Text("".join(parts).rstrip("\n"), spans=spans), highlight=False, soft_wrap=True)


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
            title = PAIR_KIND if r.kind == PAIR_KIND else section_title(sheet, r.coverage.source_format)
            if wide:
                console.print(_sheet_table(title, findings, console.width), highlight=False, soft_wrap=True)
            else:
                _print_blocks(console, title, findings)
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
        # pairing entries counted apart, as `perfxl batch` counts them (journey12/13)
        pairs = sum(1 for r in results if r.kind == PAIR_KIND)
        also = f"，另有报告与工作簿配对核对 {pairs} 组" if pairs else ""
        console.print(
            f"合计 {len(results) - pairs} 个文件（无法读取 {unreadable} 个）{also}：错误 {sum(r.summary.errors for r in results)} 个，"
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
