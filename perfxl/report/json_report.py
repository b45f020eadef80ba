"""The JSON report (schema "perfxl.report/2", pinned by docs/report.schema.json) for machines and batch tools.

Version 2 adds to every finding its certainty, basis and typed locations (a cell of a sheet or
document table, or a narrative paragraph/page, plus the related places it was compared with), and to
every file the coverage: what it really was, each sheet's kind, each table's rows by kind, and the
checks that could not run. The flat sheet/cell/anchor keys of version 1 stay for simple consumers.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from decimal import Decimal
from itertools import islice
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]  # json's C encoder: not in typeshed
from typing import Any

from perfxl import __version__
from perfxl.model import CellRef, Coverage, Finding
from perfxl.result import PAIR_KIND, FileResult, SectionScore

from ._common import location_dict, sorted_findings

__all__ = ["SCHEMA_ID", "report_dict", "render_json", "finding_records"]

SCHEMA_ID = "perfxl.report/2"


def _number(value: Decimal | None) -> float | int | None:
    """A Decimal score as a JSON number (ints stay ints); None stays null."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _finding(f: Finding) -> dict[str, Any]:
    ref = f.ref  # (`Finding.sheet`/`.cell` spelt out: a place is never false)
    return {
        "code": f.code,
        "severity": f.severity._value_,  # (`_value_`: `.value` is a Python property, an enum key a Python hash)
        "sheet": ref.sheet if ref is not None else None,
        "cell": ref.cell if ref is not None else None,
        "anchor": ref.anchor if isinstance(ref, CellRef) else None,
        "message": f.message,
        "message_en": f.message_en or None,
        "expected": f.expected,
        "actual": f.actual,
        "certainty": f.certainty._value_,
        "basis": f.basis or None,
        "basis_en": f.basis_en or None,
        "location": location_dict(ref) if ref is not None else None,
        "related": [location_dict(r) for r in f.related],
    }


def _coverage(c: Coverage) -> dict[str, Any]:
    """Coverage compactly: rows as [kind, first, last] runs, so a 10,000-row table costs a few entries."""
    return {
        "source_format": c.source_format or None,
        "sheets": [
            {
                "sheet": s.sheet,
                "kind": s.kind,
                "certain": s.certain,
                "read": s.read,
                "note": s.note_zh or None,
                "note_en": s.note_en or None,
            }
            for s in c.sheets
        ],
        "tables": [
            {
                "sheet": t.sheet,
                "kind": t.kind,
                "range": t.range or None,
                "rows": [[r.kind, r.first, r.last] for r in t.rows],
                "has_total_row": t.has_total_row,
            }
            for t in c.tables
        ],
        "not_checked": [
            {"code": s.code, "sheet": s.sheet, "reason": s.reason_zh, "reason_en": s.reason_en or None}
            for s in c.skipped
        ],
    }


def _section(s: SectionScore) -> dict[str, Any]:
    return {
        "name": s.name,
        "sheet": s.sheet or None,
        "weight": _number(s.weight),
        "score_reported": _number(s.score_reported),
        "score_computed": _number(s.score_computed),
    }


def _finding_dicts(findings: Sequence[Finding]) -> list[dict[str, Any]]:
    return [_finding(f) for f in findings]


def finding_records(findings: Sequence[Finding], texts: list[str]) -> list[dict[str, Any]]:
    """`report_dict`'s records of `findings` (its `records=`), each one's JSON text appended to `texts` as well — the
    text `json.dumps(record, ensure_ascii=False)` writes (`_finding_json`, tests/test_perf16o.py): a batch worker
    writes the records' lines from these (perfxl.batch.shards.pack_record) instead of dumping the dicts again."""
    texts.extend(map(_finding_json, findings))
    return [_finding(f) for f in findings]


def _file(r: FileResult, records: Callable[[Sequence[Finding]], list[Any]] = _finding_dicts) -> dict[str, Any]:
    error = None
    if r.error is not None:
        error = {k: r.error.get(k) for k in ("code", "message", "message_en", "sheet", "cell")}
        error["code"] = error["code"] or "FILE_UNREADABLE"
        error["message"] = error["message"] or ""
    s = r.summary
    return {
        "path": r.path,
        "ok": r.ok,
        "error": error,
        "unit_name": r.unit_name or None,
        "year": r.year or None,
        "kind": r.kind or None,
        "sha256": r.sha256 or None,
        "warnings": list(r.warnings),
        "findings": records(sorted_findings(r.findings)),
        "summary": {
            "errors": s.errors,
            "warnings": s.warnings,
            "infos": s.infos,
            "score_reported": _number(s.score_reported),
            "score_computed": _number(s.score_computed),
            "grade": s.grade,
        },
        "sections": [_section(x) for x in r.sections],
        "coverage": _coverage(r.coverage),
    }


def report_dict(
    results: Sequence[FileResult],
    *,
    profile: str | None = None,
    records: Callable[[Sequence[Finding]], list[Any]] = _finding_dicts,
) -> dict[str, Any]:
    """The whole report as plain JSON-ready data (`records`: a file's findings as records, in order; `render_json`
    asks for their JSON texts)."""
    files = [_file(r, records) for r in results]
    # a report-and-workbook pairing entry is no file: counted apart, as the console and `perfxl batch`'s summary.json
    # count it (polish13); "files" + "pairs" is the length of the "files" list
    pairs = sum(1 for r in results if r.kind == PAIR_KIND)
    return {
        "schema": SCHEMA_ID,
        "generator": {"name": "perfxl", "version": __version__},
        "profile": profile,
        "totals": {
            "files": len(files) - pairs,
            "pairs": pairs,
            "unreadable": sum(1 for r in results if not r.ok),
            "errors": sum(r.summary.errors for r in results),
            "warnings": sum(r.summary.warnings for r in results),
            "infos": sum(r.summary.infos for r in results),
        },
        "files": files,
    }


def render_json(results: Sequence[FileResult], *, profile: str | None = None) -> str:
    """UTF-8 (not \\u-escaped) JSON text ending in a newline, indented by two spaces down to the records (a
    finding, a section, a coverage entry), each record on one line.

    `json.dumps(..., indent=2)` runs json's pure-Python encoder: 0.35 s of CPU for the 4,683 findings of a
    10,000-row workbook (issue 14). Here only the frame is indented in Python; every record is encoded by
    json's C encoder (≈ 10× faster), and one record a line still reads, greps and diffs well. A finding's line
    is written from the `Finding` itself (`_finding_json`), not through its dict; the text is joined once."""
    out: list[str] = []
    _indented(report_dict(results, profile=profile, records=_finding_lines), "", out)
    out.append("\n")
    return "".join(out)


def _one_line_encoder() -> Callable[[Any], str]:
    """json's C encoder (used when no indent is asked), with the report's text not \\u-escaped: made once, not once a
    record as `JSONEncoder.encode` makes it (the report's data hold no cycle to look for: no markers)."""
    encoder = json.JSONEncoder(ensure_ascii=False)
    if c_make_encoder is None:  # pragma: no cover - a Python without the _json accelerator
        return encoder.encode
    make = c_make_encoder(None, encoder.default, encode_basestring, None, ": ", ", ", False, False, True)
    return lambda value: "".join(make(value, 0))


#: One JSON value on one line, as `json.JSONEncoder(ensure_ascii=False).encode` writes it.
_ONE_LINE = _one_line_encoder()
#: Dicts nested this deep or deeper (report → files → file → findings → finding) are written on one line.
_RECORD_DEPTH = 4


class _Lines(list[str]):
    """A list of records already written as JSON (a file's findings): `_indented` puts them as they are."""

    __slots__ = ()


def _finding_lines(findings: Sequence[Finding]) -> _Lines:
    return _Lines(map(_finding_json, findings))


#: A text value's JSON ("\"…\""), escaped by json's C function; `_text` keeps the few that recur (sheets, codes).
_quote: Callable[[str], str] = encode_basestring
_SEEN: dict[str, str] = {}
_SEEN_MAX = 4096


def _text(value: str) -> str:
    """The JSON of a text that recurs across findings (a sheet name, a code, a severity), escaped once a process."""
    found = _SEEN.get(value)
    if found is None:
        found = _quote(value)
        if len(_SEEN) < _SEEN_MAX:  # bounded: a long-lived process (a batch worker, `perfxl serve`) meets many sheets
            _SEEN[value] = found
    return found


def _finding_json(f: Finding) -> str:
    """`_ONE_LINE(_finding(f))` without the dict: the same text, written field by field for a finding whose fields
    have their declared types and whose places are cells; anything else (a narrative paragraph, a value of another
    type: `_quote` raises TypeError on a non-text) goes through the dict. `tests/test_perf16o.py` holds it against
    the dict's on random findings. A record is ≈ 1 KB: json's C encoder escaped its 21 keys again for every finding
    and walked two dicts built only for it."""
    try:
        ref = f.ref
        if type(ref) is CellRef:
            anchor = ref.anchor
            place = (
                f'"sheet": {_SEEN.get(ref.sheet) or _text(ref.sheet)}, "cell": {_quote(ref.cell)}, '
                f'"anchor": {"null" if anchor is None else _quote(anchor)}'
            )
            location = f'{{"kind": "cell", {place}, "paragraph": null, "page": null, "excerpt": null}}'
        elif ref is None:
            place, location = '"sheet": null, "cell": null, "anchor": null', "null"
        else:
            return _ONE_LINE(_finding(f))
        code, severity, certainty = f.code, f.severity._value_, f.certainty._value_
        message_en, expected, actual, basis, basis_en = f.message_en, f.expected, f.actual, f.basis, f.basis_en
        related = f.related
        return (
            f'{{"code": {_SEEN.get(code) or _text(code)}, "severity": {_SEEN.get(severity) or _text(severity)}, '
            f'{place}, "message": {_quote(f.message)}, "message_en": {_quote(message_en) if message_en else "null"}, '
            f'"expected": {"null" if expected is None else _quote(expected)}, '
            f'"actual": {"null" if actual is None else _quote(actual)}, '
            f'"certainty": {_SEEN.get(certainty) or _text(certainty)}, '
            f'"basis": {_quote(basis) if basis else "null"}, "basis_en": {_quote(basis_en) if basis_en else "null"}, '
            f'"location": {location}, '
            f'"related": [{", ".join(_ONE_LINE(location_dict(r)) for r in related) if related else ""}]}}'
        )
    except TypeError:
        return _ONE_LINE(_finding(f))


def _indented(value: Any, pad: str, out: list[str]) -> None:
    """`value` as JSON into `out`, laid out as `json.dumps(indent=2)` would down to `_RECORD_DEPTH`, records on one
    line. Parts are appended and joined once: a 10,000-row report's findings (3.5 M characters) were copied by each
    level's join."""
    if isinstance(value, dict) and value and len(pad) < 2 * _RECORD_DEPTH:
        inner = pad + "  "
        sep = "{\n"
        for k, v in value.items():
            out.append(f"{sep}{inner}{_ONE_LINE(k)}: ")
            _indented(v, inner, out)
            sep = ",\n"
        out.append(f"\n{pad}}}")
    elif isinstance(value, list) and value:  # a list inside a record is written with its record
        inner = pad + "  "
        if type(value) is _Lines:
            # each record and its separator into `out` as they are: the records joined here first made a copy of the
            # whole findings' text (≈ 3 M characters, 6 MB at 10,000 rows) that the final join copied again
            sep = f",\n{inner}"
            out.append(f"[\n{inner}")
            out.append(value[0])
            for line in islice(value, 1, None):
                out.append(sep)
                out.append(line)
        else:
            sep = "[\n"
            for v in value:
                out.append(f"{sep}{inner}")
                _indented(v, inner, out)
                sep = ",\n"
        out.append(f"\n{pad}]")
    else:
        out.append(_ONE_LINE(value))
