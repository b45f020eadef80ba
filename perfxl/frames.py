"""Results as pandas DataFrames, for reviewers working in Jupyter (pandas is imported only here).

`findings_frame(results)`: one row per finding (and one per unreadable file), with its place (sheet
and cell, or narrative paragraph and page), level, certainty, basis and the places it was compared
with. `files_frame(results)`: one row per file with its counts and scores. `coverage_frame(results)`:
one row per table read, and per check that could not run. `batch_frames(outdir)`: a finished
`perfxl batch` run's tables (files, findings, codes) read back from its OUTDIR. Nothing in the engine,
the 校验 path or the batch run imports this module.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

from perfxl.model import CERTAINTY_ZH, SEVERITY_ZH, CellRef, TextRef
from perfxl.result import FileResult

__all__ = [
    "findings_frame",
    "files_frame",
    "coverage_frame",
    "batch_frames",
    "FINDING_COLUMNS",
    "BATCH_FINDING_COLUMNS",
]

#: Columns of `findings_frame`, in order.
FINDING_COLUMNS = (
    "file",
    "unit_name",
    "year",
    "sheet",
    "cell",
    "paragraph",
    "page",
    "severity",
    "level",
    "certainty",
    "code",
    "message",
    "message_en",
    "expected",
    "actual",
    "basis",
    "related",
)


def _pandas() -> Any:
    try:
        # lazy and guarded: pandas (the `report` extra, ~300 ms) only for DataFrames, never on the validate path
        import pandas as pd
    except ImportError:  # the `report` extra
        raise ImportError(
            'perfxl 的 DataFrame 接口需要 pandas：pip install "perfxl[report]" '
            "(the DataFrame API needs pandas: install the `report` extra)"
        ) from None
    return pd


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def findings_frame(results: Iterable[FileResult]) -> Any:
    """One row per finding; an unreadable file is one row with its error code (level 错误)."""
    pd = _pandas()

    rows: list[dict[str, Any]] = []
    for r in results:
        base = {"file": r.path, "unit_name": r.unit_name, "year": r.year}
        if not r.ok:
            err = r.error or {}
            rows.append(
                {
                    **base,
                    "severity": "error",
                    "level": "错误",
                    "certainty": "certain",
                    "code": err.get("code") or "FILE_UNREADABLE",
                    "message": err.get("message") or "",
                    "message_en": err.get("message_en") or "",
                }
            )
            continue
        for f in r.findings:
            ref = f.ref
            rows.append(
                {
                    **base,
                    "sheet": ref.sheet if isinstance(ref, CellRef) else None,
                    "cell": ref.cell if isinstance(ref, CellRef) else None,
                    "paragraph": ref.paragraph if isinstance(ref, TextRef) else None,
                    "page": ref.page if isinstance(ref, TextRef) else None,
                    "severity": f.severity.value,
                    "level": SEVERITY_ZH[f.severity],
                    "certainty": f.certainty.value,
                    "code": f.code,
                    "message": f.message,
                    "message_en": f.message_en,
                    "expected": f.expected,
                    "actual": f.actual,
                    "basis": f.basis,
                    "related": "、".join(str(x) for x in f.related),
                }
            )
    frame = pd.DataFrame(rows, columns=list(FINDING_COLUMNS))
    frame["paragraph"] = frame["paragraph"].astype("Int64")
    frame["page"] = frame["page"].astype("Int64")
    frame["level"] = pd.Categorical(frame["level"], categories=[SEVERITY_ZH[s] for s in SEVERITY_ZH], ordered=True)
    frame["certainty"] = pd.Categorical(frame["certainty"], categories=[c.value for c in CERTAINTY_ZH])
    return frame


def files_frame(results: Iterable[FileResult]) -> Any:
    """One row per file: unit, year, kind, format, readable, counts by level, reported and recomputed totals."""
    pd = _pandas()

    rows = [
        {
            "file": r.path,
            "unit_name": r.unit_name,
            "year": r.year,
            "kind": r.kind,
            "source_format": r.coverage.source_format,
            "ok": r.ok,
            "error_code": (r.error or {}).get("code") if not r.ok else None,
            "errors": r.summary.errors,
            "warnings": r.summary.warnings,
            "infos": r.summary.infos,
            "score_reported": _number(r.summary.score_reported),
            "score_computed": _number(r.summary.score_computed),
            "grade": r.summary.grade,
            "not_checked": len(r.coverage.skipped),
        }
        for r in results
    ]
    return pd.DataFrame(rows)


def coverage_frame(results: Iterable[FileResult]) -> Any:
    """What was read: one row per table (kind, range, rows), and one per check that could not run."""
    pd = _pandas()

    rows: list[dict[str, Any]] = []
    for r in results:
        for t in r.coverage.tables:
            rows.append(
                {
                    "file": r.path,
                    "sheet": t.sheet,
                    "what": "table",
                    "kind": t.kind,
                    "range": t.range,
                    "rows": sum(run.last - run.first + 1 for run in t.rows),
                    "code": None,
                    "reason": None,
                }
            )
        for s in r.coverage.skipped:
            rows.append(
                {
                    "file": r.path,
                    "sheet": s.sheet,
                    "what": "not_checked",
                    "kind": None,
                    "range": None,
                    "rows": None,
                    "code": s.code,
                    "reason": s.reason_zh,
                }
            )
    return pd.DataFrame(rows, columns=["file", "sheet", "what", "kind", "range", "rows", "code", "reason"])


#: Columns of `batch_frames(...)["findings"]`, in order (findings.jsonl, places flattened).
BATCH_FINDING_COLUMNS = ("file", "path", *FINDING_COLUMNS[FINDING_COLUMNS.index("sheet") :])


def _related_text(places: Any) -> str:
    out = []
    for p in places or ():
        if p.get("kind") == "paragraph":
            out.append(f"第{p.get('page')}页第{p.get('paragraph')}段" if p.get("page") else f"第{p.get('paragraph')}段")
        else:
            out.append(f"{p.get('sheet')}!{p.get('cell')}" if p.get("sheet") else str(p.get("cell") or ""))
    return "、".join(out)


def batch_frames(outdir: Any) -> dict[str, Any]:
    """A finished batch's tables as DataFrames, read from OUTDIR (summary.json and findings.jsonl).

    `files`: one row per file (the 汇总 sheet: status, unit, year, kind, scores, counts, outputs);
    `findings`: one row per finding line of findings.jsonl (an unreadable file is one row with its
    reason), place flattened into sheet/cell or paragraph/page; `codes`: findings counted by code
    (count, files, severity, example), most frequent first — the 按代码统计 sheet.
    """
    pd = _pandas()
    out = Path(outdir)
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    files = pd.DataFrame(summary.get("files") or [])
    rows: list[dict[str, Any]] = []
    with open(out / "findings.jsonl", encoding="utf-8") as fh:
        for line in fh:
            try:
                f = json.loads(line)
            except ValueError:
                continue  # a line torn by an interrupted run
            loc = f.get("location") or {}
            rows.append(
                {
                    "file": f.get("file"),
                    "path": f.get("path"),
                    "sheet": f.get("sheet"),
                    "cell": f.get("cell"),
                    "paragraph": loc.get("paragraph"),
                    "page": loc.get("page"),
                    "severity": f.get("severity"),
                    "level": SEVERITY_ZH.get(f.get("severity"), f.get("severity")),
                    "certainty": f.get("certainty"),
                    "code": f.get("code"),
                    "message": f.get("message"),
                    "message_en": f.get("message_en"),
                    "expected": f.get("expected"),
                    "actual": f.get("actual"),
                    "basis": f.get("basis"),
                    "related": _related_text(f.get("related")),
                }
            )
    findings = pd.DataFrame(rows, columns=list(BATCH_FINDING_COLUMNS))
    findings["paragraph"] = findings["paragraph"].astype("Int64")
    findings["page"] = findings["page"].astype("Int64")
    findings["level"] = pd.Categorical(
        findings["level"], categories=[SEVERITY_ZH[s] for s in SEVERITY_ZH], ordered=True
    )
    codes = pd.DataFrame(summary.get("by_code") or [], columns=["code", "severity", "count", "files", "example"])
    return {"files": files, "findings": findings, "codes": codes}
