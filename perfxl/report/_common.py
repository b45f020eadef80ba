"""Helpers shared by the report renderers: severity labels, ordering, grouping, rule metadata."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from perfxl.model import SEVERITY_ZH, Finding, Severity, parse_a1
from perfxl.numbers import fmt_decimal

__all__ = [
    "SEVERITY_ZH",
    "NO_SHEET",
    "RuleInfo",
    "rule_infos",
    "sorted_findings",
    "group_by_sheet",
    "decimal_text",
    "severity_of",
]

NO_SHEET = "（整个文件）"


@dataclass(frozen=True, slots=True)
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
    """(row, col) of a finding's first cell, (0, 0) when it has no usable cell."""
    if f.ref is None:
        return (0, 0)
    try:
        return parse_a1(f.ref.first_cell)
    except ValueError:
        return (0, 0)


def sorted_findings(findings: Sequence[Finding]) -> list[Finding]:
    """Findings in reading order: sheet (first appearance), row, column, then worst severity first."""
    sheet_order: dict[str, int] = {}
    for f in findings:
        sheet_order.setdefault(f.sheet or "", len(sheet_order))
    return sorted(
        findings,
        key=lambda f: (sheet_order[f.sheet or ""], *_position(f), -f.severity.rank, f.code),
    )


def group_by_sheet(findings: Sequence[Finding]) -> list[tuple[str, list[Finding]]]:
    """[(sheet name, findings in reading order)]; findings without a sheet go under NO_SHEET."""
    groups: dict[str, list[Finding]] = {}
    for f in sorted_findings(findings):
        groups.setdefault(f.sheet or NO_SHEET, []).append(f)
    return list(groups.items())


def decimal_text(value: Decimal | None) -> str:
    """A score for display ("9.83", "99"); "" when unknown."""
    return fmt_decimal(value) if value is not None else ""

