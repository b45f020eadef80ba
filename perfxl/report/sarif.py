"""SARIF 2.1.0 log for CI viewers and code-scanning dashboards, as plain JSON data.

Each finding is a result whose physicalLocation names the file and whose region/logical location
names the place: a cell ("自评表!G8": region.startLine/startColumn are the sheet's row/column) or a
narrative paragraph of a report document (logical kind "paragraph"). Related places go to
relatedLocations; certainty and basis to the result's properties. Built without any SARIF library
at run time (a plain install writes it); the tests validate it against the sarif-pydantic model.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from perfxl import __version__
from perfxl.model import Finding, Location, Severity, TextRef, parse_a1
from perfxl.result import FileResult

from ._common import RuleInfo, rule_infos, sorted_findings

__all__ = ["SARIF_SCHEMA_URI", "build_sarif", "render_sarif"]

SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_UNREADABLE = RuleInfo("FILE_UNREADABLE", Severity.ERROR, "文件无法读取", "Workbook cannot be read", "")


def _uri(path: str) -> str:
    """A relative path as a percent-encoded relative URI; an absolute one as a file: URI."""
    p = PurePath(path)
    if p.is_absolute():
        return Path(path).as_uri()
    return quote(p.as_posix(), safe="/")


def _descriptor(info: RuleInfo) -> dict[str, Any]:
    props: dict[str, Any] = {"source": info.source} if info.source else {}
    if info.title_en:
        props["title_en"] = info.title_en
    out: dict[str, Any] = {
        "id": info.code,
        "shortDescription": {"text": info.title_zh or info.title_en or info.code},
        "fullDescription": {"text": info.title_en or info.title_zh or info.code},
        "defaultConfiguration": {"enabled": True, "level": _LEVEL[info.severity]},
    }
    if props:
        out["properties"] = props
    return out


def _location(path: str, loc: Location | None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(path)}}
    out: dict[str, Any] = {"physicalLocation": physical}
    if loc is None:
        return out
    if isinstance(loc, TextRef):
        out["logicalLocations"] = [{"name": loc.cell, "fullyQualifiedName": str(loc), "kind": "paragraph"}]
        props = {k: v for k, v in (("paragraph", loc.paragraph), ("page", loc.page)) if v is not None}
        if loc.paragraph is not None:
            physical["region"] = {"startLine": loc.paragraph, "properties": props}
        return out
    out["logicalLocations"] = [{"name": loc.cell, "fullyQualifiedName": f"{loc.sheet}!{loc.cell}", "kind": "cell"}]
    try:
        row, col = parse_a1(loc.first_cell)
    except ValueError:
        return out
    physical["region"] = {"startLine": row, "startColumn": col, "properties": {"sheet": loc.sheet, "cell": loc.cell}}
    return out


def _result(path: str, f: Finding, index: int) -> dict[str, Any]:
    props: dict[str, Any] = {k: v for k, v in (("expected", f.expected), ("actual", f.actual)) if v is not None}
    if f.message_en:
        props["message_en"] = f.message_en
    props["certainty"] = f.certainty.value
    if f.basis:
        props["basis"] = f.basis
    if f.basis_en:
        props["basis_en"] = f.basis_en
    out: dict[str, Any] = {
        "ruleId": f.code,
        "ruleIndex": index,
        "level": _LEVEL[f.severity],
        "message": {"text": f.message},
        "locations": [_location(path, f.ref)],
    }
    if f.related:
        out["relatedLocations"] = [{"id": i, **_location(path, r)} for i, r in enumerate(f.related)]
    out["properties"] = props
    return out


def build_sarif(
    results: Sequence[FileResult], *, catalogue: Iterable[Any] | None = None, profile: str | None = None
) -> dict[str, Any]:
    """The SARIF log as JSON-ready data (rules from the catalogue, one run)."""
    rules = rule_infos(catalogue)
    known = {r.code for r in rules}
    for r in results:  # codes that appear in findings but not in the catalogue still need a descriptor
        for f in r.findings:
            if f.code not in known:
                rules.append(RuleInfo(f.code, f.severity, f.code, "", ""))
                known.add(f.code)
    if any(not r.ok for r in results) and _UNREADABLE.code not in known:
        rules.append(_UNREADABLE)
    index = {r.code: i for i, r in enumerate(rules)}

    out: list[dict[str, Any]] = []
    for r in results:
        if not r.ok:
            err = r.error or {}
            code = err.get("code") or _UNREADABLE.code
            if code not in index:
                index[code] = len(rules)
                rules.append(RuleInfo(code, Severity.ERROR, err.get("message") or code, "", ""))
            out.append(
                {
                    "ruleId": code,
                    "ruleIndex": index[code],
                    "level": "error",
                    "message": {"text": err.get("message") or "文件无法读取"},
                    "locations": [_location(r.path, None)],
                }
            )
            continue
        out.extend(_result(r.path, f, index[f.code]) for f in sorted_findings(r.findings))
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "perfxl",
                "fullName": "perfxl 预算绩效自评校验 (budget performance self-evaluation checks)",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [_descriptor(i) for i in rules],
            }
        },
        "invocations": [{"executionSuccessful": True}],
        "results": out,
    }
    if profile:
        run["properties"] = {"profile": profile}
    return {"version": "2.1.0", "$schema": SARIF_SCHEMA_URI, "runs": [run]}


def render_sarif(
    results: Sequence[FileResult], *, catalogue: Iterable[Any] | None = None, profile: str | None = None
) -> str:
    """SARIF JSON text (camelCase keys, nulls omitted)."""
    return json.dumps(build_sarif(results, catalogue=catalogue, profile=profile), ensure_ascii=False, indent=2) + "\n"
