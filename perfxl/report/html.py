"""Self-contained HTML report from Jinja2 templates: inline CSS and SVG, no script, no CDN, all text escaped."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from perfxl import __version__
from perfxl.model import Finding
from perfxl.result import PAIR_KIND, FileResult, SectionScore

from ._common import (
    CERTAINTY_ZH,
    SEVERITY_ZH,
    coverage_lines,
    decimal_text,
    group_by_sheet,
    related_text,
    section_title,
)
from .charts import score_chart, score_chart_svg
from .templating import render_template

__all__ = ["render_html", "score_chart_svg"]


def _finding(f: Finding) -> dict[str, Any]:
    return {
        "cell": f.cell or "",
        "severity": f.severity.value,
        "severity_zh": SEVERITY_ZH[f.severity],
        "code": f.code,
        "message": f.message,
        "expected": f.expected or "",
        "actual": f.actual or "",
        "basis": f.basis,
        "certainty_zh": CERTAINTY_ZH[f.certainty],
        "related": related_text(f),
    }


def _file(r: FileResult) -> dict[str, Any]:
    err = r.error or {}
    s = r.summary
    sections = list(r.sections)
    if not sections and (s.score_reported is not None or s.score_computed is not None):
        sections = [SectionScore("总分", None, s.score_reported, s.score_computed)]
    return {
        "path": r.path,
        "ok": r.ok,
        "warnings": list(r.warnings),
        "error_code": str(err.get("code") or "FILE_UNREADABLE"),
        "error_message": str(err.get("message") or ""),
        "summary": [
            ("单位", r.unit_name),
            ("年度", r.year),
            ("格式", r.coverage.source_format),
            ("总分（填报）", decimal_text(s.score_reported)),
            ("总分（重算）", decimal_text(s.score_computed)),
            ("等级（重算）", s.grade or ""),
            ("问题", f"错误 {s.errors} 个，警告 {s.warnings} 个，提示 {s.infos} 个"),
        ],
        "chart": score_chart(sections),
        "groups": [
            (section_title(sheet, r.coverage.source_format), [_finding(f) for f in fs])
            for sheet, fs in group_by_sheet(r.findings)
        ],
        "coverage": coverage_lines(r.coverage),
    }


def render_html(
    results: Sequence[FileResult], *, profile: str | None = None, title: str = "预算绩效自评校验报告"
) -> str:
    """The whole report as one HTML document that opens offline in any browser."""
    totals = {
        "errors": sum(r.summary.errors for r in results),
        "warnings": sum(r.summary.warnings for r in results),
        "infos": sum(r.summary.infos for r in results),
        "pairs": sum(1 for r in results if r.kind == PAIR_KIND),  # no file: counted apart, as the console does
    }
    return render_template(
        "report.html.j2",
        title=title,
        version=__version__,
        profile=profile,
        totals=totals,
        files=[_file(r) for r in results],
    )
