"""The batch's tables, built once and shared by summary.xlsx, dashboard.html and summary.json.

Rows are kept in memory (one small dict per file); findings stay on disk in findings.jsonl and
are streamed, so a province-sized batch does not hold every finding at once.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import field
from decimal import Decimal
from pathlib import Path
from typing import Any

from perfxl.records import record

__all__ = [
    "SCORE_BINS",
    "FILE_COLUMNS",
    "BatchTables",
    "row_from_record",
    "unreadable_finding",
    "unread_tables",
    "score_bin",
]

#: Score histogram bins by grade band (差 <60, 中 60–80, 良 80–90, 优 90–100) and >100, which no total may reach.
SCORE_BINS: tuple[str, ...] = ("<60", "60–70", "70–80", "80–90", "90–100", ">100")
_BIN_EDGES = (Decimal(60), Decimal(70), Decimal(80), Decimal(90))
_HUNDRED = Decimal(100)

#: (key, Chinese header, English header) of the one-row-per-file table, in display order.
FILE_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("name", "文件", "File"),
    ("unit_name", "单位名称", "Unit"),
    ("year", "年度", "Year"),
    ("kind_zh", "类型", "Kind"),
    ("status", "状态", "Status"),
    ("score_reported", "填报总分", "Reported total"),
    ("score_computed", "复算总分", "Recomputed total"),
    ("score_gap", "差额", "Gap"),
    ("grade", "等级", "Grade"),
    ("errors", "错误", "Errors"),
    ("warnings", "警告", "Warnings"),
    ("infos", "提示", "Infos"),
    ("top_codes", "主要问题代码", "Top codes"),
)

_TOP_CODES = 3

#: How the model's table kinds read for finance staff.
KIND_ZH = {"department": "部门整体支出", "project": "项目支出"}


def kind_zh(kind: str) -> str:
    """ "department+project" → "部门整体支出+项目支出" (unknown parts stay as they are)."""
    return "+".join(KIND_ZH.get(part, part) for part in kind.split("+")) if kind else ""


def score_bin(value: Any) -> int | None:
    """Index into SCORE_BINS of a total score, None when there is no score."""
    if value is None or value == "":
        return None
    number = Decimal(str(value))
    if number > _HUNDRED:
        return len(SCORE_BINS) - 1
    return sum(1 for edge in _BIN_EDGES if number >= edge)


def unreadable_finding(record: Mapping[str, Any]) -> dict[str, Any]:
    """An unreadable file as one finding line, so findings.jsonl and the by-code counts name its reason."""
    error = record.get("error") or {}
    return {
        "code": error.get("code") or "FILE_UNREADABLE",
        "severity": "error",
        "sheet": error.get("sheet"),
        "cell": error.get("cell"),
        "anchor": None,
        "message": error.get("message") or "无法读取该文件",
        "message_en": error.get("message_en"),
        "expected": None,
        "actual": None,
    }


def record_findings(record: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The findings of a record, or its unreadable-file reason as a single finding."""
    if not record.get("ok"):
        return [unreadable_finding(record)]
    return list(record.get("findings") or ())


def row_from_record(record: Mapping[str, Any]) -> dict[str, Any]:
    """One file's row of the summary: the record without its findings, plus status, gap and top codes."""
    summary = record.get("summary") or {}
    codes = Counter(f["code"] for f in record_findings(record))
    reported, computed = summary.get("score_reported"), summary.get("score_computed")
    gap = None
    if reported is not None and computed is not None:
        gap = float(Decimal(str(reported)) - Decimal(str(computed)))
    error = record.get("error") or {}
    unread = unread_tables(record)
    if record.get("ok"):
        # a clean row must not claim tables perfxl could not read (a PDF table without rules, an unreadable sheet)
        status = (
            f"已检查（{len(unread)} 个表格未能读取：{'、'.join(unread[:3])}{'…' if len(unread) > 3 else ''}）"
            if unread
            else "已检查"
        )
    elif record.get("skipped"):
        status = f"已跳过：{error.get('message') or error.get('code') or ''}"
    else:
        status = f"无法读取：{error.get('message') or error.get('code') or ''}"
    return {
        "index": record.get("index", 0),
        "name": record.get("name") or record.get("path", ""),
        "path": record.get("path", ""),
        "ok": bool(record.get("ok")),
        "skipped": bool(record.get("skipped")),
        "error_code": error.get("code") if not record.get("ok") else None,
        "status": status,
        "unit_name": record.get("unit_name") or "",
        "year": record.get("year") or "",
        "kind": record.get("kind") or "",
        "kind_zh": kind_zh(record.get("kind") or ""),
        "score_reported": reported,
        "score_computed": computed,
        "score_gap": gap,
        "grade": summary.get("grade") or "",
        "errors": int(summary.get("errors") or 0),
        "warnings": int(summary.get("warnings") or 0),
        "infos": int(summary.get("infos") or 0),
        "top_codes": "、".join(f"{c}×{n}" if n > 1 else c for c, n in codes.most_common(_TOP_CODES)),
        "report": record.get("report"),
        "annotated": record.get("annotated"),
        "cached": bool(record.get("cached")),
        "seconds": record.get("seconds"),
        "sha256": record.get("sha256"),
        "notes": list(record.get("notes") or ()),
        "unread_tables": len(unread),
    }


def unread_tables(record: Mapping[str, Any]) -> list[str]:
    """The names of the sheets and document tables of a checked file that perfxl could not read (its coverage)."""
    coverage = record.get("coverage") or {}
    return [str(s.get("sheet") or "") for s in coverage.get("sheets") or () if s.get("read") is False]


@record(slots=True)
class BatchTables:
    """Rows per file, counts per code, and where to stream every finding from."""

    outdir: Path
    rows: list[dict[str, Any]] = field(default_factory=list)
    by_code: dict[str, dict[str, Any]] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)
    findings_file: str = "findings.jsonl"
    #: code → discovery index of the file its entry's severity and example come from
    _example_from: dict[str, int] = field(default_factory=dict, repr=False)

    def add(self, record: Mapping[str, Any]) -> dict[str, Any]:
        """Count one finished file; returns its row."""
        codes: dict[str, tuple[str, int, str]] = {}
        for f in record_findings(record):
            severity, count, example = codes.get(f["code"], (f["severity"], 0, f["message"]))
            codes[f["code"]] = (severity, count + 1, example)
        return self.add_row(row_from_record(record), codes)

    def add_row(self, row: dict[str, Any], codes: Mapping[str, tuple[str, int, str]]) -> dict[str, Any]:
        """Count one finished file from its row and its codes (code → severity, count, first message).

        A code's severity and example come from the first file in discovery order that has it, not the
        first to finish: files finish in whatever order the workers get to them, and the summaries of
        two runs of one batch must be the same."""
        self.rows.append(row)
        by_code, example_from = self.by_code, self._example_from
        index = row.get("index", 0)
        for code, (severity, count, example) in codes.items():
            entry = by_code.get(code)
            if entry is None:
                entry = by_code[code] = {"code": code, "severity": severity, "count": 0, "files": 0, "example": example}
                example_from[code] = index
            elif index < example_from[code]:
                entry["severity"], entry["example"] = severity, example
                example_from[code] = index
            entry["count"] += count
            entry["files"] += 1
        return row

    def sort(self) -> None:
        self.rows.sort(key=lambda r: r["index"])

    def codes_by_count(self) -> list[dict[str, Any]]:
        """Codes, most frequent first (ties by code)."""
        return sorted(self.by_code.values(), key=lambda e: (-e["count"], e["code"]))

    def score_histogram(self) -> list[tuple[str, int, int]]:
        """[(bin label, files by reported total, files by recomputed total)]."""
        reported = [0] * len(SCORE_BINS)
        computed = [0] * len(SCORE_BINS)
        for row in self.rows:
            if (i := score_bin(row["score_reported"])) is not None:
                reported[i] += 1
            if (i := score_bin(row["score_computed"])) is not None:
                computed[i] += 1
        return [(label, reported[i], computed[i]) for i, label in enumerate(SCORE_BINS)]

    def totals(self) -> dict[str, int]:
        """Counts over the rows; a pairing row (a report checked against its folder's workbook) is no file of its own:
        "files" counts files, "pairs" those rows (their findings count in the totals)."""
        from .pairing import PAIR_KIND  # pairing imports the worker, which imports these tables

        pairs = sum(1 for r in self.rows if r.get("kind_zh") == PAIR_KIND)
        return {
            "files": len(self.rows) - pairs,
            "pairs": pairs,
            "checked": sum(1 for r in self.rows if r["ok"]),
            "partly_read": sum(1 for r in self.rows if r["ok"] and r.get("unread_tables")),
            "unreadable": sum(1 for r in self.rows if not r["ok"] and not r.get("skipped")),
            "skipped": sum(1 for r in self.rows if r.get("skipped")),
            "cached": sum(1 for r in self.rows if r["cached"]),
            "errors": sum(r["errors"] for r in self.rows),
            "warnings": sum(r["warnings"] for r in self.rows),
            "infos": sum(r["infos"] for r in self.rows),
        }

    def iter_findings(self) -> Iterator[dict[str, Any]]:
        """Every finding line of findings.jsonl, in file order (each has `file` and `path`)."""
        try:
            with open(self.outdir / self.findings_file, encoding="utf-8") as fh:
                for line in fh:
                    try:
                        yield json.loads(line)
                    except ValueError:
                        continue
        except OSError:
            return
