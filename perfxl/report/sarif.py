"""SARIF 2.1.0 log for CI viewers, built with the maintained `sarif-pydantic` object model.

Each finding is a result whose physicalLocation names the workbook and whose region/logical
location names the cell ("自评表!G8"): region.startLine/startColumn are the sheet's row/column.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from perfxl import __version__
from perfxl.model import Finding, Severity, parse_a1
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


def _descriptor(info: RuleInfo):
    from sarif_pydantic import Message, ReportingConfiguration, ReportingDescriptor

    props: dict[str, Any] = {"source": info.source} if info.source else {}
    if info.title_en:
        props["title_en"] = info.title_en
    return ReportingDescriptor(
        id=info.code,
        short_description=Message(text=info.title_zh or info.title_en or info.code),
        full_description=Message(text=info.title_en or info.title_zh or info.code),
        default_configuration=ReportingConfiguration(level=_LEVEL[info.severity]),
        properties=props or None,
    )


def _location(path: str, f: Finding | None):
    from sarif_pydantic import ArtifactLocation, Location, LogicalLocation, PhysicalLocation, Region

    region = None
    logical = None
    if f is not None and f.ref is not None:
        full = f"{f.ref.sheet}!{f.ref.cell}"
        logical = [LogicalLocation(name=f.ref.cell, full_name=full, kind="cell")]
        try:
            row, col = parse_a1(f.ref.first_cell)
            region = Region(start_line=row, start_column=col, properties={"sheet": f.ref.sheet, "cell": f.ref.cell})
        except ValueError:
            region = None
    return Location(
        physical_location=PhysicalLocation(artifact_location=ArtifactLocation(uri=_uri(path)), region=region),
        logical_locations=logical,
    )


def build_sarif(results: Sequence[FileResult], *, catalogue: Iterable[Any] | None = None, profile: str | None = None):
    """The SARIF log as a `sarif_pydantic.Sarif` object (rules from the catalogue, one run)."""
    from sarif_pydantic import (
        Invocation,
        Level,
        Message,
        Result,
        Run,
        Sarif,
        Tool,
        ToolDriver,
    )

    rules = rule_infos(catalogue)
    known = {r.code for r in rules}
    # Codes that appear in findings but not in the catalogue still need a descriptor.
    for r in results:
        for f in r.findings:
            if f.code not in known:
                rules.append(RuleInfo(f.code, f.severity, f.code, "", ""))
                known.add(f.code)
    if any(not r.ok for r in results) and _UNREADABLE.code not in known:
        rules.append(_UNREADABLE)
    index = {r.code: i for i, r in enumerate(rules)}

    out = []
    for r in results:
        if not r.ok:
            err = r.error or {}
            code = err.get("code") or _UNREADABLE.code
            if code not in index:
                index[code] = len(rules)
                rules.append(RuleInfo(code, Severity.ERROR, err.get("message") or code, "", ""))
            out.append(
                Result(
                    rule_id=code,
                    rule_index=index[code],
                    level=Level.ERROR,
                    message=Message(text=err.get("message") or "文件无法读取"),
                    locations=[_location(r.path, None)],
                )
            )
            continue
        for f in sorted_findings(r.findings):
            props = {k: v for k, v in (("expected", f.expected), ("actual", f.actual)) if v is not None}
            if f.message_en:
                props["message_en"] = f.message_en
            out.append(
                Result(
                    rule_id=f.code,
                    rule_index=index[f.code],
                    level=Level(_LEVEL[f.severity]),
                    message=Message(text=f.message),
                    locations=[_location(r.path, f)],
                    properties=props or None,
                )
            )
    driver = ToolDriver(
        name="perfxl",
        full_name="perfxl 预算绩效自评校验 (budget performance self-evaluation checks)",
        version=__version__,
        semantic_version=__version__,
        rules=[_descriptor(i) for i in rules],
    )
    run = Run(
        tool=Tool(driver=driver),
        invocations=[Invocation(execution_successful=True)],
        results=out,
        properties={"profile": profile} if profile else None,
    )
    return Sarif(version="2.1.0", schema_uri=SARIF_SCHEMA_URI, runs=[run])


def render_sarif(results: Sequence[FileResult], *, catalogue: Iterable[Any] | None = None, profile: str | None = None) -> str:
    """SARIF JSON text (camelCase keys, nulls omitted)."""
    log = build_sarif(results, catalogue=catalogue, profile=profile)
    return log.model_dump_json(by_alias=True, exclude_none=True, indent=2) + "\n"
