"""Reports of validation results: console text, JSON, SARIF 2.1.0, CSV and self-contained HTML.

`render(results, fmt)` returns the report text; `ENCODING[fmt]` says how to write it to a file.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from perfxl.result import FileResult

from .console import render_text
from .json_report import render_json

__all__ = ["FORMATS", "ENCODING", "render"]

FORMATS = ("text", "json", "sarif", "csv", "html")
ENCODING = {"text": "utf-8", "json": "utf-8", "sarif": "utf-8", "csv": "utf-8-sig", "html": "utf-8"}


def render(
    results: Sequence[FileResult],
    fmt: str,
    *,
    profile: str | None = None,
    catalogue: Iterable[Any] | None = None,
) -> str:
    """The report of `results` in format `fmt` (one of FORMATS) as text."""
    if fmt == "text":
        return render_text(results)
    if fmt == "json":
        return render_json(results, profile=profile)
    # lazy as html below: SARIF and CSV (the `csv` module) are asked for rarely; a validate run imports only its own
    if fmt == "sarif":
        from .sarif import render_sarif

        return render_sarif(results, catalogue=catalogue, profile=profile)
    if fmt == "csv":
        from .csv_report import render_csv  # (as sarif)

        return render_csv(results)
    if fmt == "html":
        # lazy: perfxl.report.html (charts, templating: ~5 ms) is only for --format html, not the validate cold start
        from .html import render_html

        return render_html(results, profile=profile)
    raise ValueError(f"unknown report format {fmt!r}; expected one of {', '.join(FORMATS)}")
