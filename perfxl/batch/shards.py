"""One checked file's batch outputs, serialised once, where the file was checked (the worker).

The batch process only appends these bytes to state.jsonl, findings.jsonl and two shard files; it
never parses or re-serialises a finding. At the end, summary.xlsx's 问题明细 sheet and the
dashboard's findings table are concatenated from the shards in discovery order (`ShardLog`).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, BinaryIO

from perfxl.model import SEVERITY_ZH
from perfxl.records import record
from perfxl.report.templating import environment
from perfxl.safety import neutralise_formula

from .tables import record_findings, row_from_record

__all__ = [
    "FileShards",
    "ShardLog",
    "FINDING_COLUMNS",
    "pack_record",
    "xlsx_finding_rows",
    "html_finding_rows",
    "ROW_PLACEHOLDER",
    "XLSX_ROW_END",
    "HTML_ROW_END",
]

#: 问题明细 columns: (finding key, header).
FINDING_COLUMNS: tuple[tuple[str, str], ...] = (
    ("file", "文件 File"),
    ("code", "代码 Code"),
    ("severity", "级别 Severity"),
    ("sheet", "工作表 Sheet"),
    ("cell", "单元格 Cell"),
    ("message", "说明 Message"),
    ("expected", "应为 Expected"),
    ("actual", "实际 Actual"),
)
#: Stands for the row number in a pre-rendered sheet row; text never holds it (control characters
#: are written as _xHHHH_, as Excel and XlsxWriter do).
ROW_PLACEHOLDER = b"\0"
XLSX_ROW_END = b"</row>"
HTML_ROW_END = b"</tr>\n"
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")
_ESCAPED_CONTROL = re.compile(r"(_x[0-9a-fA-F]{4}_)")
#: What `_cell_text` must escape: a character (one class: sre scans for it character by character in C) or an "_xHHHH_"
#: already in the text (looked for only where "_x" is). One pattern with both branches was tried at every position.
_XML_SPECIAL_CHAR = re.compile(r"[&<>\x00-\x08\x0b-\x1f\ufffe\uffff]")
_MAX_CELL_UTF16 = 32767  # Excel's limit on a cell's text
_SEVERITY_ZH = {s.value: zh for s, zh in SEVERITY_ZH.items()}


@record(slots=True)
class FileShards:
    """A checked file, ready to append: its summary row and code counts, and its pre-serialised lines.

    `codes` maps a code to (severity, count, first message). `state` is the state.jsonl line (empty
    for records that are not cached: missing, skipped, or served from the cache already).
    """

    index: int
    path: str
    row: dict[str, Any]
    codes: dict[str, tuple[str, int, str]]
    findings: int
    state: bytes
    findings_jsonl: bytes
    xlsx_rows: bytes
    html_rows: bytes


def _cell_text(value: Any) -> str:
    """A 问题明细 text cell as Excel stores it: formula-neutralised, control characters as _xHHHH_, ≤ 32,767 units."""
    text = neutralise_formula(str(value))
    if len(text) > _MAX_CELL_UTF16 // 2 and len(text.encode("utf-16-le")) > 2 * _MAX_CELL_UTF16:
        text = text.encode("utf-16-le")[: 2 * _MAX_CELL_UTF16].decode("utf-16-le", "ignore")
    if _XML_SPECIAL_CHAR.search(text) or ("_x" in text and _ESCAPED_CONTROL.search(text)):
        text = _ESCAPED_CONTROL.sub(r"_x005F\1", text)
        text = _CONTROL.sub(lambda m: f"_x{ord(m.group()):04X}_", text)
        text = text.replace("\ufffe", "_xFFFE_").replace("\uffff", "_xFFFF_")
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text


def xlsx_finding_rows(findings: Iterable[Mapping[str, Any]]) -> bytes:
    """问题明细 rows as sheet XML (inline strings, as XlsxWriter's constant-memory mode writes them),
    with ROW_PLACEHOLDER for the row number, which only the final concatenation knows."""
    parts: list[str] = []
    cells: dict[tuple[int, Any], str] = {}  # a file's findings repeat its name, codes, severities, sheet: made once
    for finding in findings:
        parts.append('<row r="\0">')
        for c, (key, _) in enumerate(FINDING_COLUMNS):
            value = finding.get(key)
            if value is None or value == "":
                continue  # an empty cell, not an empty string
            cell = cells.get((c, value)) if value.__class__ is str else None
            if cell is None:
                text = _cell_text(_SEVERITY_ZH.get(value, value) if key == "severity" else value)
                space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
                cell = f'<c r="{_LETTERS[c]}\0" t="inlineStr"><is><t{space}>{text}</t></is></c>'
                if value.__class__ is str:
                    cells[(c, value)] = cell
            parts.append(cell)
        parts.append("</row>")
    return "".join(parts).encode("utf-8")


def html_finding_rows(findings: Iterable[Mapping[str, Any]]) -> bytes:
    """The dashboard's findings-table rows (templates/dashboard_rows.html.j2), each ending in HTML_ROW_END."""
    module = environment().get_template("dashboard_rows.html.j2").module
    rows = [
        (
            f.get("severity") or "",
            f.get("code") or "",
            f.get("file"),
            f.get("sheet"),
            f.get("cell"),
            f.get("message"),
            f.get("expected"),
            f.get("actual"),
        )
        for f in findings
    ]
    return str(module.finding_rows(rows, _SEVERITY_ZH)).encode("utf-8")


def _finding_line(record: Mapping[str, Any], finding: Mapping[str, Any]) -> dict[str, Any]:
    return {"file": record.get("name"), "path": record.get("path"), **finding}


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _serialised(
    record: Mapping[str, Any], findings: list[dict[str, Any]], new: bool, texts: list[str] | None = None
) -> tuple[bytes, bytes]:
    """The state.jsonl line (when `new`) and the findings.jsonl lines, each finding serialised once.

    Byte for byte what json.dumps writes for the whole record and for each `_finding_line`: with the
    default separators a dict is "{" + ", ".join('"key": value') + "}", so a finding's own dump is the
    text of it inside both. Its findings.jsonl line is that dump with "file" and "path" put first; a
    finding that has its own "file" or "path" key (none does today) is dumped in full, as before. `texts`: those
    dumps already made (`pack_record`'s).
    """
    dumps = texts if texts is not None else [_dumps(f) for f in findings]
    prefix = _dumps({"file": record.get("name"), "path": record.get("path")})[:-1]
    lines = []
    for finding, text in zip(findings, dumps, strict=True):
        if "file" in finding or "path" in finding:
            lines.append(_dumps(_finding_line(record, finding)))
        else:
            lines.append(prefix + (", " + text[1:] if len(text) > 2 else "}"))
    findings_jsonl = "".join(line + "\n" for line in lines).encode("utf-8")
    if not new:
        return b"", findings_jsonl
    own = record.get("findings")
    if not record.get("ok") or not isinstance(own, list) or len(own) != len(findings):
        return (_dumps(record) + "\n").encode("utf-8"), findings_jsonl  # findings.jsonl's are not its own
    keys = list(record)
    cut = keys.index("findings")
    head = _dumps({k: record[k] for k in keys[:cut]})[:-1]
    tail = _dumps({k: record[k] for k in keys[cut + 1 :]})[1:]
    state = (
        head
        + (", " if len(head) > 1 else "")
        + '"findings": ['
        + ", ".join(dumps)
        + "]"
        + (", " if len(tail) > 1 else "")
        + tail
    )
    return (state + "\n").encode("utf-8"), findings_jsonl


def pack_record(
    record: Mapping[str, Any], *, cache_key: str = "", new: bool = True, texts: list[str] | None = None
) -> FileShards:
    """Everything the batch writes for one record, serialised here (in the worker for checked files).

    `new`: the record was just checked, so its state.jsonl line (with `cache_key`) is made too. `texts`: the JSON of
    each of `record["findings"]`, in order, exactly as `json.dumps(finding, ensure_ascii=False)` writes it — the
    worker has them from the findings themselves (`perfxl.report.json_report.finding_records`), ≈ 2.5× cheaper than
    dumping the dicts again; ignored for a record that is not ok (its one line is the unreadable-file finding).
    """
    if new:
        record = {**record, "cache_key": cache_key, "cached": False}
    findings = record_findings(record)
    lines = [_finding_line(record, f) for f in findings]
    if texts is not None and (not record.get("ok") or len(texts) != len(findings)):
        texts = None
    state, findings_jsonl = _serialised(record, findings, new, texts)
    codes: dict[str, tuple[str, int, str]] = {}
    for code, count in Counter(f["code"] for f in findings).items():
        first = next(f for f in findings if f["code"] == code)
        codes[code] = (first["severity"], count, first["message"])
    return FileShards(
        index=record.get("index", 0),
        path=record.get("path", ""),
        row=row_from_record(record),
        codes=codes,
        findings=len(lines),
        state=state,
        findings_jsonl=findings_jsonl,
        xlsx_rows=xlsx_finding_rows(lines),
        html_rows=html_finding_rows(lines),
    )


class ShardLog:
    """The pre-rendered 问题明细 and dashboard rows of every finished file, in one temp file.

    Files are appended as they finish; only each file's byte spans and finding count are kept, so
    memory stays flat. `xlsx_rows(paths)` / `html_rows(paths, limit)` stream them back in the order
    given. A ShardLog pickles as (file name, spans), so a worker process can write the summaries
    from it; the file is removed by `close()` in the process that created it.
    """

    def __init__(self, folder: str | None = None) -> None:
        fd, self.path = tempfile.mkstemp(prefix=".perfxl-shards-", suffix=".tmp", dir=folder)
        self._fh: BinaryIO | None = os.fdopen(fd, "w+b")
        self._owner = True
        self._spans: dict[str, tuple[int, int, int, int]] = {}

    def __getstate__(self) -> dict[str, Any]:
        if self._fh is not None:
            self._fh.flush()
        return {"path": self.path, "spans": self._spans}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.path, self._spans, self._fh, self._owner = state["path"], state["spans"], None, False

    def add(self, shards: FileShards) -> None:
        assert self._fh is not None
        start = self._fh.seek(0, 2)
        self._fh.write(shards.xlsx_rows)
        self._fh.write(shards.html_rows)
        self._spans[shards.path] = (start, len(shards.xlsx_rows), len(shards.html_rows), shards.findings)

    def _reader(self) -> BinaryIO:
        if self._fh is None:
            self._fh = open(self.path, "rb")  # noqa: SIM115  # a handle kept open across calls, closed in close()
        self._fh.flush()
        return self._fh

    def count(self, paths: Iterable[str]) -> int:
        return sum(self._spans[p][3] for p in paths if p in self._spans)

    def xlsx_rows(self, paths: Iterable[str], first_row: int = 2) -> Iterator[bytes]:
        """Sheet XML rows, numbered from `first_row`, files in the order of `paths`."""
        n = first_row
        fh = self._reader()
        for path in paths:
            span = self._spans.get(path)
            if not span or not span[1]:
                continue
            fh.seek(span[0])
            out = []
            for row in fh.read(span[1]).split(XLSX_ROW_END)[:-1]:
                out.append(row.replace(ROW_PLACEHOLDER, b"%d" % n))
                n += 1
            yield XLSX_ROW_END.join(out) + XLSX_ROW_END

    def html_rows(self, paths: Iterable[str], limit: int) -> Iterator[bytes]:
        """Dashboard rows of the first `limit` findings, files in the order of `paths`."""
        left = limit
        fh = self._reader()
        for path in paths:
            span = self._spans.get(path)
            if not span or not span[2] or left <= 0:
                continue
            fh.seek(span[0] + span[1])
            data = fh.read(span[2])
            if span[3] > left:
                data = HTML_ROW_END.join(data.split(HTML_ROW_END)[:left]) + HTML_ROW_END
            left -= span[3]
            yield data

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
        if self._owner:
            with contextlib.suppress(OSError):
                os.unlink(self.path)

    def __enter__(self) -> ShardLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def shard_log_of(
    findings_by_file: Iterable[tuple[str, list[Mapping[str, Any]]]], folder: str | None = None
) -> ShardLog:
    """A ShardLog built from finding lines already on disk (to rebuild the summaries from findings.jsonl)."""
    log = ShardLog(folder)
    for path, lines in findings_by_file:
        log.add(FileShards(0, path, {}, {}, len(lines), b"", b"", xlsx_finding_rows(lines), html_finding_rows(lines)))
    return log
