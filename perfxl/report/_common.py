"""Helpers shared by the report renderers: severity labels, ordering, grouping, rule metadata."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from perfxl.layout.sheetkind import KIND_ZH as SHEET_KIND_ZH
from perfxl.model import (
    CERTAINTY_ZH,
    SEVERITY_ZH,
    CellRef,
    Coverage,
    Finding,
    Location,
    Severity,
    TextRef,
    column_index,
    parse_a1,
)
from perfxl.numbers import fmt_decimal
from perfxl.records import record

__all__ = [
    "SEVERITY_ZH",
    "NO_SHEET",
    "RuleInfo",
    "rule_infos",
    "sorted_findings",
    "group_by_sheet",
    "decimal_text",
    "severity_of",
    "CERTAINTY_ZH",
    "location_text",
    "location_dict",
    "related_text",
    "coverage_lines",
    "KIND_ZH",
]

NO_SHEET = "（整个文件）"


@record(frozen=True, slots=True)
class RuleInfo:
    """What a report needs to know about one check of the catalogue (duck-typed from CheckSpec)."""

    code: str
    severity: Severity
    title_zh: str
    title_en: str
    source: str


def severity_of(value: Any) -> Severity:
    """Severity from an enum member or its string value ("error"); unknown → WARNING."""
    if isinstance(value, Severity):
        return value
    try:
        return Severity(str(getattr(value, "value", value)).lower())
    except ValueError:
        return Severity.WARNING


def rule_infos(catalogue: Iterable[Any] | None) -> list[RuleInfo]:
    """Read the fields reports use from the rules engineer's CheckSpec objects, in catalogue order."""
    infos = []
    for spec in catalogue or ():
        infos.append(
            RuleInfo(
                code=str(spec.code),
                severity=severity_of(getattr(spec, "severity", "warning")),
                title_zh=str(getattr(spec, "title_zh", "") or ""),
                title_en=str(getattr(spec, "title_en", "") or ""),
                source=str(getattr(spec, "source", "") or ""),
            )
        )
    return infos


def _position(f: Finding) -> tuple[int, int]:
    """(row, col) of a finding's first cell, (paragraph, 0) for narrative text, (0, 0) when it has none."""
    if f.ref is None:
        return (0, 0)
    if isinstance(f.ref, TextRef):
        return (f.ref.paragraph or f.ref.page or 0, 0)
    return _cell_position(f.ref.cell)


#: Column letters met → their number (a workbook has a few dozen columns).
_COLUMNS: dict[str, int] = {}
_DIGITS = "0123456789"


def _cell_position(cell: str) -> tuple[int, int]:
    """`parse_a1` of a cell's (or range's) first cell, (0, 0) when it is none. A plain "B13" (what the reader writes)
    is split by hand — the regex, `strip` and `upper` were ≈ 60 % of sorting a finding (4,683 at 10,000 rows);
    anything else (`$B$7`, lower case, spaces, non-ASCII digits) goes through `parse_a1` as before."""
    first = cell.partition(":")[0]
    letters = first.rstrip(_DIGITS)
    if len(letters) < len(first) and 0 < len(letters) <= 3 and letters.isascii() and letters.isalpha():
        col = _COLUMNS.get(letters)
        if col is None and letters.isupper():
            col = _COLUMNS[letters] = column_index(letters)
        if col is not None:
            return (int(first[len(letters) :]), col)
    try:
        return parse_a1(first)
    except ValueError:
        return (0, 0)


def sorted_findings(findings: Sequence[Finding]) -> list[Finding]:
    """Findings in reading order: sheet (first appearance), row, column, then worst severity first."""
    sheet_order: dict[str, int] = {}
    keys = []
    for f in findings:
        ref = f.ref
        sheet = (ref.sheet if ref is not None else None) or ""
        order = sheet_order.get(sheet)
        if order is None:
            order = sheet_order[sheet] = len(sheet_order)
        keys.append((order, *_position(f), -f.severity.rank, f.code))
    return [findings[i] for i in sorted(range(len(keys)), key=keys.__getitem__)]


def group_by_sheet(findings: Sequence[Finding]) -> list[tuple[str, list[Finding]]]:
    """[(sheet name, findings in reading order)]; findings without a sheet go under NO_SHEET."""
    groups: dict[str, list[Finding]] = {}
    for f in sorted_findings(findings):
        groups.setdefault(f.sheet or NO_SHEET, []).append(f)
    return list(groups.items())


#: Formats of a report document (perfxl.document.source): its groups are the narrative and its tables, not sheets.
DOCUMENT_FORMATS = frozenset({"docx", "pdf", "doc"})


def section_title(sheet: str, source_format: str) -> str:
    """A group's heading as finance staff read it: "工作表：自评表" in a workbook; "正文" for a report's narrative and
    "表格：表1" for its Word or PDF tables (journey12: "工作表：正文" named no sheet)."""
    if sheet == "正文":
        return "正文"
    if source_format in DOCUMENT_FORMATS and sheet != NO_SHEET:
        return f"表格：{sheet}"
    return f"工作表：{sheet}"


def decimal_text(value: Decimal | None) -> str:
    """A score for display ("9.83", "99"); "" when unknown."""
    return fmt_decimal(value) if value is not None else ""


def location_text(loc: Location | None) -> str:
    """One place as finance staff read it: "自评表!G4", "正文 第12段", "正文 第2页第3段"; "" for none."""
    if loc is None:
        return ""
    return str(loc)


def related_text(f: Finding) -> str:
    """The other places a finding compares against, joined ("表2!G4、基础数据表!D9"); "" when none."""
    return "、".join(location_text(r) for r in f.related)


def location_dict(loc: Location) -> dict[str, Any]:
    """A place as JSON data (schema perfxl.report/2): kind "cell" or "paragraph" and its coordinates."""
    if isinstance(loc, TextRef):
        return {
            "kind": "paragraph",
            "sheet": None,
            "cell": None,
            "anchor": None,
            "paragraph": loc.paragraph,
            "page": loc.page,
            "excerpt": loc.excerpt or None,
        }
    assert isinstance(loc, CellRef)
    return {
        "kind": "cell",
        "sheet": loc.sheet,
        "cell": loc.cell,
        "anchor": loc.anchor,
        "paragraph": None,
        "page": None,
        "excerpt": None,
    }


#: Chinese names of the sheet and table kinds the reader reports in coverage.
KIND_ZH = {
    **SHEET_KIND_ZH,  # the reader's names, one list: a 支出计划 sheet is printed as such, not "spending_plan"
    "narrative": "报告正文",
    "other": "其他（非自评表，已读取，未校验）",
}

_ROW_KIND_ZH = {
    "title": "标题",
    "header": "表头",
    "funds": "资金",
    "goal": "目标",
    "heading": "一级指标",
    "subtotal": "分值小计",
    "indicator": "指标",
    "total": "总分",
    "blank": "空行",
    "unread": "未识别",
    "note": "说明",
    "grade": "等级",
    "basic": "基础数据",
    "three_public": "三公经费",
    "staffing": "人员",
    "amount": "金额",
    "breakdown": "资金构成",
    "other": "其他",
    "declaration": "申报目标",
    "monitoring": "监控",
}


def _runs_text(runs: Sequence[Any]) -> str:
    parts = []
    for run in runs:
        span = f"第{run.first}行" if run.first == run.last else f"第{run.first}–{run.last}行"
        parts.append(f"{span} {_ROW_KIND_ZH.get(run.kind, run.kind)}")
    return "，".join(parts)


def coverage_lines(coverage: Coverage) -> list[str]:
    """One line per table (what its rows were read as, checks that could not run), then unread sheets.

    Console and HTML print the same lines, so a reviewer knows what a clean verdict covers.
    """
    lines: list[str] = []
    skipped: dict[str | None, list[str]] = {}
    for s in coverage.skipped:
        skipped.setdefault(s.sheet, []).append(f"{s.code}（{s.reason_zh}）")
    kinds = {sc.sheet: sc for sc in coverage.sheets}
    seen: set[str] = set()
    for t in coverage.tables:
        seen.add(t.sheet)
        sc = kinds.get(t.sheet)
        kind = t.name or KIND_ZH.get(t.kind, t.kind)
        if sc is not None and not sc.certain:
            kind += "（推断）"
        line = f"{t.sheet}：{kind}"
        if t.range:
            line += f" {t.range}"
        if t.rows:
            line += f"；{_runs_text(t.rows)}"
        if t.has_total_row is False:
            line += "；无总分行（表格可能不完整）"
        if sc is not None and sc.kind == "stacked_unsure":
            line += (
                f"；{SHEET_KIND_ZH['stacked_unsure']}（{sc.note_zh}）"  # a PDF table read whole: its reading a guess
            )
        if skipped.get(t.sheet):
            line += "；未能运行：" + "、".join(skipped.pop(t.sheet))
        lines.append(line)
    for sc in coverage.sheets:
        if sc.sheet in seen:
            continue
        state = "已读取" if sc.read else "未能读取"
        # the sheet's own kind name ("其他内容"): the table label "其他（非自评表，已读取，未校验）" before the state
        # and the note said 已读取 and 未校验 twice on one line (journey13)
        kind = SHEET_KIND_ZH.get(sc.kind) or KIND_ZH.get(sc.kind, sc.kind)
        line = f"{sc.sheet}：{kind}{'' if sc.certain else '（推断）'}，{state}"
        if sc.note_zh:
            line += f"（{sc.note_zh}）"
        if skipped.get(sc.sheet):
            line += "；未能运行：" + "、".join(skipped.pop(sc.sheet))
        lines.append(line)
    for sheet, items in skipped.items():
        lines.append(f"{sheet or '整个文件'}：未能运行：" + "、".join(items))
    return lines
