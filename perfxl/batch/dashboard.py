"""dashboard.html: the batch at a glance in one self-contained page (inline CSS, JS and SVG; no CDN).

Same views as summary.xlsx: files (sortable, filterable, linked to each file's HTML report and
annotated copy), findings counted by code, every finding, and the two charts. The page is the
Jinja2 template perfxl/report/templates/dashboard.html.j2 (CSS and JS in perfxl/report/static/,
charts from perfxl.report.charts), streamed to disk with Template.generate(). The findings-table
rows were rendered by the workers (perfxl.batch.shards); here they are only copied.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from markupsafe import Markup

from perfxl.io.atomic import atomic_write
from perfxl.model import SEVERITY_ZH
from perfxl.report.charts import bar_chart, histogram_chart
from perfxl.report.templating import environment

from .shards import html_finding_rows
from .tables import FILE_COLUMNS, BatchTables

__all__ = ["MAX_FINDING_ROWS", "dashboard_chunks", "render_dashboard", "write_dashboard"]

#: Findings shown in the page; beyond this the page says so and points at summary.xlsx / findings.jsonl.
MAX_FINDING_ROWS = 20000
_TOP_CODES = 15
_NUMERIC = {"score_reported", "score_computed", "score_gap", "errors", "warnings", "infos"}


def _shown(value: Any) -> str:
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.2f}"
    return str(value)


def _file_row(row: dict[str, Any]) -> dict[str, Any]:
    cells = []
    for key, _, _ in FILE_COLUMNS:
        value = row.get(key)
        empty = value is None or value == ""
        if key in _NUMERIC:
            cells.append(
                {"numeric": True, "value": "" if empty else str(value), "shown": "" if empty else _shown(value)}
            )
        else:
            cells.append({"numeric": False, "value": "" if empty else str(value)})
    cls = " ".join(c for c, on in (("bad", not row["ok"]), ("cached", row["cached"])) if on)
    return {
        "cls": cls,
        "state": "ok" if row["ok"] else "unreadable",
        "cells": cells,
        "links": ((row.get("report"), "查看"), (row.get("annotated"), "打开")),
    }


def _cards(tables: BatchTables) -> list[dict[str, Any]]:
    t = tables.totals()
    items = [
        ("文件", t["files"], False),
        ("已检查", t["checked"], False),
        ("有表格未能读取", t["partly_read"], t["partly_read"] > 0),
        ("无法读取", t["unreadable"], t["unreadable"] > 0),
        ("错误", t["errors"], t["errors"] > 0),
        ("警告", t["warnings"], False),
        ("提示", t["infos"], False),
        ("来自缓存", t["cached"], False),
    ]
    if t["skipped"]:  # names that are not regular files (pipes, link loops…): listed in the files table
        items.insert(3, ("已跳过", t["skipped"], True))
    return [{"label": label, "n": n, "bad": bad} for label, n, bad in items]


def _rows_from_findings(tables: BatchTables) -> Iterator[bytes]:
    """Findings-table rows rendered here from findings.jsonl (no shards: summaries rebuilt after the run)."""
    batch: list[dict[str, Any]] = []
    for n, finding in enumerate(tables.iter_findings()):
        if n >= MAX_FINDING_ROWS:
            break
        batch.append(finding)
        if len(batch) == 500:
            yield html_finding_rows(batch)
            batch = []
    if batch:
        yield html_finding_rows(batch)


def dashboard_chunks(tables: BatchTables, finding_rows: Iterable[bytes] | None = None) -> Iterator[str]:
    """The dashboard page, piece by piece, so a province-sized batch is never one string in memory.

    `finding_rows`: the findings table's pre-rendered rows (at most MAX_FINDING_ROWS, in file order);
    without them they are rendered from findings.jsonl.
    """
    codes = tables.codes_by_count()
    rows = _rows_from_findings(tables) if finding_rows is None else finding_rows
    template = environment().get_template("dashboard.html.j2")
    yield from template.generate(
        meta=tables.meta,
        cards=_cards(tables),
        histogram=histogram_chart(
            tables.score_histogram(), title="总分分布（文件数）", series=("填报总分", "复算总分")
        ),
        top_codes=bar_chart([(e["code"], e["count"]) for e in codes[:_TOP_CODES]], title="最常见的问题代码"),
        file_headers=[zh for _, zh, _ in FILE_COLUMNS],
        files=(_file_row(r) for r in tables.rows),
        codes=codes,
        severity_zh={s.value: zh for s, zh in SEVERITY_ZH.items()} | dict(SEVERITY_ZH),
        total_findings=sum(e["count"] for e in codes),
        max_rows=MAX_FINDING_ROWS,
        finding_chunks=(Markup(chunk.decode("utf-8")) for chunk in rows),  # rendered (escaped) by the template
    )


def render_dashboard(tables: BatchTables) -> str:
    """The dashboard page as one string (small batches, tests)."""
    return "".join(dashboard_chunks(tables))


def write_dashboard(dest: Path, tables: BatchTables, shards: Any = None) -> Path:
    """Write dashboard.html atomically, streaming; returns its path.

    `shards` (a perfxl.batch.shards.ShardLog) holds the findings rows the workers rendered; without
    it they are rendered from findings.jsonl.
    """
    rows = None if shards is None else shards.html_rows([r["path"] for r in tables.rows], MAX_FINDING_ROWS)

    def write(fh) -> None:
        buffer: list[str] = []
        size = 0
        for chunk in dashboard_chunks(tables, rows):  # Jinja2 yields many small strings: written in ~256 KB pieces
            buffer.append(chunk)
            size += len(chunk)
            if size > 1 << 18:
                fh.write("".join(buffer).encode("utf-8"))
                buffer, size = [], 0
        fh.write("".join(buffer).encode("utf-8"))

    atomic_write(dest, write, force=True)
    return dest
