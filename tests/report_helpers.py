"""Test helper: report documents and one-sheet workbooks built with the project's writers and validated,
shared by the narrative and reviewer tests (test_narrative_text, test_review_round5–7)."""

from __future__ import annotations

import dataclasses
import io
import os
import re
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

import docx
import openpyxl
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange, MultiCellRange
from render import parsed_toml

from perfxl.collector import collector_paused
from perfxl.document.docx_reader import read_docx
from perfxl.document.run_state import report_year
from perfxl.model import Submission, TextRef
from perfxl.profiles import load_profile
from perfxl.reader import read_submission
from perfxl.rules.context import Context
from perfxl.validate import validate_file, validate_submission
from perfxl.workbook.report_docx import (
    AGREEING_FIGURES,
    REPORT_FIGURES,
    REPORT_PARAGRAPHS,
    ReportDocx,
    build_report_docx,
    report_paragraphs,
)

# ---------------------------------------------------------------- .docx made once, its text spliced in
# python-docx takes ≈ 20 ms to open its template and save a document; the narrative tests build ≈ 250 reports that
# differ only in their text. So each package is built once by python-docx (or by build_report_docx) and the text is
# spliced into its word/document.xml exactly as python-docx writes it; text python-docx would write any other way
# (line breaks, tabs, control characters, blank ends kept with xml:space) is still built by python-docx itself.


def _plain(text: str) -> bool:
    """Text python-docx writes as one <w:t> of one run: no tab or break, no control character, no blank end."""
    return bool(text) and text == text.strip() and all(ord(c) >= 0x20 for c in text)


def _paragraph_xml(text: str) -> str:
    """python-docx's `add_paragraph(text)` for "" or `_plain` text, as it serializes it."""
    return "<w:p/>" if not text else f"<w:p><w:r><w:t>{escape(text)}</w:t></w:r></w:p>"


def _parts(package: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(package)) as z:
        return [(info.filename, z.read(info)) for info in z.infolist()]


#: id(parts) → (parts, the package without word/document.xml, deflated): the parts lists are cached, so is this
_UNCHANGED: dict[int, tuple[list[tuple[str, bytes]], bytes]] = {}


def _write_package(path: Path, parts: list[tuple[str, bytes]], document_xml: bytes) -> None:
    """The package's parts deflated as python-docx writes them, document.xml replaced. Deflating the parts that never
    change (styles.xml, …) was ≈ 4 ms of each report: they are deflated once, and each report appends its
    document.xml to a copy of them (so it comes last; a part's place in the zip means nothing to a reader)."""
    if id(parts) not in _UNCHANGED:
        unchanged = io.BytesIO()
        with zipfile.ZipFile(unchanged, "w", zipfile.ZIP_DEFLATED) as z:
            for name, blob in parts:
                if name != "word/document.xml":
                    z.writestr(name, blob)
        _UNCHANGED[id(parts)] = (parts, unchanged.getvalue())
    package = io.BytesIO(_UNCHANGED[id(parts)][1])
    with zipfile.ZipFile(package, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", document_xml)
    path.write_bytes(package.getvalue())


@cache
def _blank_docx() -> tuple[list[tuple[str, bytes]], bytes, bytes]:
    """python-docx's empty document: (its parts, document.xml up to <w:sectPr, the rest from <w:sectPr)."""
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    parts = _parts(buffer.getvalue())
    head, sect, tail = dict(parts)["word/document.xml"].partition(b"<w:sectPr")
    assert sect and b"<w:body>" in head and head.endswith(b"<w:body>"), "python-docx's blank document changed shape"
    return parts, head, sect + tail


def narrative_docx(path: Path, *paragraphs: str) -> Path:
    """`docx.Document()` with each of `paragraphs` added by `add_paragraph`, saved to `path`."""
    if all(not text or _plain(text) for text in paragraphs):
        parts, head, tail = _blank_docx()
        _write_package(path, parts, head + "".join(map(_paragraph_xml, paragraphs)).encode() + tail)
        return path
    d = docx.Document()
    for text in paragraphs:
        d.add_paragraph(text)
    d.save(path)
    return path


@cache
def _report_template() -> tuple[list[tuple[str, bytes]], bytes, dict[int, int], list[str]]:
    """The seed report built once by build_report_docx with every figure a placeholder ("⟦income⟧", text no report
    holds): (its parts, its document.xml, the paragraph numbers, the paragraph texts)."""
    placeholders = {key: f"⟦{key}⟧" for key in REPORT_FIGURES}
    with tempfile.TemporaryDirectory(prefix="perfxl-report-template-") as tmp:
        built = build_report_docx(Path(tmp) / "template.docx", placeholders)
        parts = _parts(built.path.read_bytes())
    return parts, dict(parts)["word/document.xml"], built.paragraph_of, report_paragraphs(placeholders)


def report_docx(path: Path, figures: Mapping[str, str] | None = None) -> ReportDocx:
    """What `build_report_docx(path, figures)` writes and returns: the template's paragraphs with the figures spliced
    in, when every paragraph stays `_plain` (else build_report_docx itself)."""
    texts = report_paragraphs(figures)
    if not all(_plain(text) for text, template in zip(texts, REPORT_PARAGRAPHS, strict=True) if template):
        return build_report_docx(path, figures)
    parts, document_xml, paragraph_of, template_texts = _report_template()
    for text, placeholder in zip(texts, template_texts, strict=True):
        if text != placeholder:
            old = _paragraph_xml(placeholder).encode()
            assert document_xml.count(old) == 1, placeholder
            document_xml = document_xml.replace(old, _paragraph_xml(text).encode())
    _write_package(path, parts, document_xml)
    return ReportDocx(path, dict(paragraph_of), {**REPORT_FIGURES, **(figures or {})})


def report_findings(tmp_path, *paragraphs: str):
    """A narrative-only 自评报告 (.docx): the findings placed in its text."""
    path = narrative_docx(tmp_path / "report.docx", *paragraphs)
    result = validate_file(path)
    assert result.ok, result.error
    return [f for f in result.findings if isinstance(f.ref, TextRef)]


def seed_report_findings(tmp_path, sentence: str):
    """The seed's 部门整体 report with its 基础数据表 and 自评表 (规模工业总产值: target 增长12%, actual 11.8%,
    missed), its narrative agreeing with the tables, and `sentence` as the paragraph after the targets table."""
    figures = {**AGREEING_FIGURES, "goal_sentence": sentence}
    findings = _seed_findings_in_memory(sentence, tmp_path / "seed.docx")
    if findings is None or CHECK_REPORT_READ:
        report = report_docx(tmp_path / "seed.docx", figures)
        result = validate_file(report.path)
        assert result.ok, result.error
        assert findings is None or list(result.findings) == findings, "the in-memory variant differs from the file's"
        findings = list(result.findings)
    [paragraph] = _seed_read()[0].paragraph_with("goal_sentence")
    return [f for f in findings if isinstance(f.ref, TextRef) and f.ref.paragraph == paragraph]


# ---------------------------------------------------------------- a report read once, one paragraph varied in memory
# A reviewer test varies one paragraph of a report whose tables stay the same; writing the whole .docx and reading it
# back (guard, body, every table through the layout detector) was ≈ 60% of such a test. perfxl's .docx reader reads
# the body paragraphs independently of the tables (numbered non-empty paragraphs; the tables' grids never see them),
# so the report is written and read once, by validate_file's own reader; for each variant only the changed paragraphs
# are written (a narrative-only .docx) and read by that reader, and put in place of the originals. The checks then run
# on that Submission exactly as validate_file runs them (validate_submission, one Context). A text that does not read
# back as one paragraph (empty) falls back to writing and reading the whole report. `PERFXL_CHECK_REPORT_READ=1` does
# both and fails unless every finding of the whole report is the same.

CHECK_REPORT_READ = os.environ.get("PERFXL_CHECK_REPORT_READ") == "1"
_SEED_PLACEHOLDER = "⟦goal_sentence⟧"


def read_once(path: Path) -> Submission:
    """The Submission validate_file reads from the report at `path` (its default profile)."""
    return read_submission(path, load_profile(None))


def with_paragraphs(sub: Submission, texts: Mapping[int, str], path: Path) -> Submission | None:
    """`sub` with paragraph n replaced by `texts[n]` as perfxl's .docx reader reads it: the texts are written as the
    paragraphs of a narrative-only .docx (`narrative_docx`, at `path`) and read by `read_docx` (`read_source` without
    the guard's inspection of a package this helper wrote — 2.5 of its 3.4 ms, for ≈ 950 variants), then numbered as in
    `sub`. None when they do not read back as one paragraph each (an empty text: write and read the whole report)."""
    order = sorted(texts)
    read = read_docx(narrative_docx(path, *(texts[n] for n in order)), checked=True).paragraphs
    if len(read) != len(order):
        return None
    narrative = list(sub.narrative)
    assert [p.ref.paragraph for p in narrative] == list(range(1, len(narrative) + 1)), "paragraphs not numbered 1…n"
    for n, paragraph in zip(order, read, strict=True):
        narrative[n - 1] = dataclasses.replace(paragraph, ref=dataclasses.replace(paragraph.ref, paragraph=n))
    if report_year(p.text for p in narrative) != report_year(p.text for p in sub.narrative):
        return None  # the tables are read in the year the narrative names most (document.read.to_submission)
    return dataclasses.replace(sub, narrative=tuple(narrative))


def _above_tables(fixture: dict) -> set[int]:
    """The fixture paragraphs (0-based) a table's reading may take as its caption or unit line: the two last non-empty
    paragraphs before each table as `write` places it (after paragraph `after`, else after the last) —
    `document.unit_above` reads them into the table's grid, so a variant changing one is written and read whole."""
    texts = fixture["paragraphs"]
    out: set[int] = set()
    for table in fixture.get("tables", []):
        before = [i for i in range(min(table.get("after", len(texts)), len(texts))) if texts[i].strip()]
        out.update(before[-2:])
    return out


def findings_of_submission(sub: Submission, path: Path) -> list:
    """validate_file's findings of a read Submission: the reader's problems, then every check, with one Context;
    the file they name is `path`, where the variant would have been written."""
    profile = load_profile(None)
    with collector_paused():
        findings = validate_submission(sub, profile, context=Context(sub, profile))
    return [dataclasses.replace(f, file=str(path)) if f.file == sub.path else f for f in findings]


#: fixture (repr) → (its Submission, fixture paragraph index → paragraph number), or None when it reads back otherwise
_FIXTURE_READS: dict[str, tuple[Submission, dict[int, int]] | None] = {}


def fixture_findings(fixture: dict, base: dict, path: Path, write: Callable[[dict, Path], None]) -> list:
    """validate_file's findings of `write(fixture, path)` (a report of `fixture["paragraphs"]`, then its tables),
    `fixture` being `base` with some paragraphs changed: `base` is written and read once, the changes made in
    memory (see above)."""
    assert {k: v for k, v in fixture.items() if k != "paragraphs"} == {
        k: v for k, v in base.items() if k != "paragraphs"
    }
    key = repr(base)
    if key not in _FIXTURE_READS:
        write(base, path)
        sub = read_once(path)
        texts = [text.strip() for text in base["paragraphs"]]
        numbers = {i: n for n, i in enumerate((i for i, text in enumerate(texts) if text), start=1)}
        as_written = [p.text for p in sub.narrative] == [texts[i] for i in numbers]
        _FIXTURE_READS[key] = (sub, numbers) if as_written else None
    read, variant = _FIXTURE_READS[key], None
    if read is not None and len(fixture["paragraphs"]) == len(base["paragraphs"]):
        sub, numbers = read
        changed = {
            i: new
            for i, (old, new) in enumerate(zip(base["paragraphs"], fixture["paragraphs"], strict=True))
            if old != new
        }
        if all(i in numbers for i in changed) and not changed.keys() & _above_tables(base):
            variant = with_paragraphs(sub, {numbers[i]: text for i, text in changed.items()}, path)
    findings = None if variant is None else findings_of_submission(variant, path)
    if findings is None or CHECK_REPORT_READ:
        write(fixture, path)
        result = validate_file(path)
        assert result.ok, result.error
        assert findings is None or list(result.findings) == findings, "the in-memory variant differs from the file's"
        findings = list(result.findings)
    return findings


@cache
def _seed_read() -> tuple[ReportDocx, Submission, list[str]]:
    """The seed report with agreeing figures and a placeholder goal sentence, written and read once."""
    figures = {**AGREEING_FIGURES, "goal_sentence": _SEED_PLACEHOLDER}
    with tempfile.TemporaryDirectory(prefix="perfxl-seed-read-") as tmp:
        report = report_docx(Path(tmp) / "seed.docx", figures)
        sub = read_once(report.path)
    texts = report_paragraphs(figures)
    read = {p.ref.paragraph: p.text for p in sub.narrative}
    assert all(read[n] == texts[i] for i, n in report.paragraph_of.items()), "the seed reads back otherwise"
    return report, sub, texts


def _seed_findings_in_memory(sentence: str, path: Path) -> list | None:
    report, sub, base = _seed_read()
    texts = report_paragraphs({**AGREEING_FIGURES, "goal_sentence": sentence})
    changed = {n: texts[i] for i, n in report.paragraph_of.items() if texts[i] != base[i]}
    variant = with_paragraphs(sub, changed, path)
    return None if variant is None else findings_of_submission(variant, path)


def codes(findings, code: str, severity: str | None = None):
    """(severity, message) of the findings of `code` (and `severity`, when given)."""
    return [
        (f.severity.value, f.message)
        for f in findings
        if f.code == code and (severity is None or f.severity.value == severity)
    ]


def workbook_result(tmp_path, rows: list[list], merges: tuple[str, ...] = ()):
    """One sheet written with openpyxl ("" cells left empty) and validated."""
    return sheets_result(tmp_path, ("Sheet", rows, merges))


def sheets_result(tmp_path, *sheets: tuple, name: str = "table.xlsx"):
    """Sheets (name, rows, merges) written with openpyxl ("" cells left empty), in order, and validated."""
    path = tmp_path / name
    write_sheets(path, sheets)
    result = validate_file(path)
    assert result.ok, result.error
    return result


# ---------------------------------------------------------------- .xlsx: openpyxl's package once, its sheets spliced in
# openpyxl takes ≈ 8 ms to build and save a one-sheet table (its save dominates); the reviewer tests write ≈ 450. So the
# package is built once per list of sheet names by openpyxl, and each sheet's XML is written here exactly as openpyxl
# serializes `ws.append(row)` and `ws.merge_cells(ref)` for plain values (text, numbers, booleans); any other value
# (a formula, an error code, a date, text openpyxl would refuse or cut) is still written by openpyxl itself.
# PERFXL_CHECK_XLSX_WRITE=1 builds every workbook both ways and fails unless every part is openpyxl's (the creation
# time in docProps/core.xml aside; merged ranges compared as a set, openpyxl writes its set of them in hash order).


def write_sheets_openpyxl(path: Path, sheets) -> None:
    """Sheets (name, rows, merges) written with openpyxl ("" cells left empty), in order."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for sheet, rows, merges in sheets:
        ws = wb.create_sheet(sheet)
        for row in rows:
            ws.append([None if v == "" else v for v in row])
        for m in merges:
            ws.merge_cells(m)
    wb.save(path)


_ERROR_CODES = frozenset(("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"))
_ILLEGAL = frozenset(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r")


def _cell_xml(ref: str, value) -> str | None:
    """openpyxl's <c> for a plain value (None: a value this writer leaves to openpyxl)."""
    if isinstance(value, str):
        if (
            len(value) > 32767
            or value in _ERROR_CODES
            or (len(value) > 1 and value.startswith("="))
            or not _ILLEGAL.isdisjoint(value)
        ):
            return None
        # lxml's serializer, as openpyxl drives it: &, <, > and CR escaped, anything not ASCII as a character reference
        text = escape(value).replace("\r", "&#13;").encode("ascii", "xmlcharrefreplace").decode("ascii")
        space = ' xml:space="preserve"' if value != value.strip() else ""
        return f'<c r="{ref}" t="inlineStr"><is><t{space}>{text}</t></is></c>'
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if type(value) in (int, float, Decimal):
        if value != value or value in (float("inf"), float("-inf")):
            return None
        number = "%.16g" % value  # noqa: UP031 — openpyxl's safe_string; format() would print a Decimal otherwise
        return f'<c r="{ref}" t="n"><v>{number}</v></c>'
    return None


def _sheet_data(rows, merges) -> tuple[str, str, str] | None:
    """(dimension, <sheetData> content, <mergeCells>) as openpyxl writes them, or None for openpyxl to write."""
    cells: dict[tuple[int, int], str | None] = {}  # (row, col) 1-based → the <c> written ("" for an empty cell)
    for r, row in enumerate(rows, start=1):
        for c, v in enumerate(row, start=1):
            if v == "" or v is None:
                cells[(r, c)] = ""
            else:
                xml = _cell_xml(f"{get_column_letter(c)}{r}", v)
                if xml is None:
                    return None
                cells[(r, c)] = xml
    ranges = MultiCellRange()
    for m in merges:
        cr = CellRange(m)
        ranges.add(cr)
        for r, c in cr.cells:  # the anchor keeps its value, the others become empty MergedCells
            cells[(r, c)] = cells.get((r, c), "") if (r, c) == (cr.min_row, cr.min_col) else ""
    if cells:
        rs, cs = {r for r, _ in cells}, {c for _, c in cells}
        dimension = f"{get_column_letter(min(cs))}{min(rs)}:{get_column_letter(max(cs))}{max(rs)}"
    else:
        dimension = "A1:A1"
    by_row: dict[int, list[str]] = {}
    for (r, _), xml in sorted(cells.items()):
        by_row.setdefault(r, []).append(xml or "")
    data = "".join(f'<row r="{r}">{"".join(xs)}</row>' for r, xs in by_row.items())
    merged = [str(cr) for cr in ranges]
    merge_xml = (
        f'<mergeCells count="{len(merged)}">' + "".join(f'<mergeCell ref="{m}"/>' for m in merged) + "</mergeCells>"
        if merged
        else ""
    )
    return dimension, data, merge_xml


@cache
def _blank_xlsx(names: tuple[str, ...]) -> tuple[list[tuple[str, bytes]], list[tuple[bytes, bytes, bytes]]]:
    """openpyxl's package with empty sheets `names`: (its parts, each sheet's XML cut around its dimension and data)."""
    buffer = io.BytesIO()
    write_sheets_openpyxl(buffer, [(n, [], ()) for n in names])
    parts = _parts(buffer.getvalue())
    cuts = []
    for i in range(1, len(names) + 1):
        xml = dict(parts)[f"xl/worksheets/sheet{i}.xml"]
        head, dim, rest = xml.partition(b'<dimension ref="A1:A1"/>')
        middle, data, tail = rest.partition(b"<sheetData></sheetData>")
        assert dim and data, "openpyxl's empty sheet changed shape"
        cuts.append((head, middle, tail))
    return parts, cuts


def write_sheets(path: Path, sheets) -> None:
    """What `write_sheets_openpyxl(path, sheets)` writes: openpyxl's package, each sheet's XML spliced in."""
    sheets = list(sheets)
    made = [_sheet_data(rows, merges) for _, rows, merges in sheets]
    if any(m is None for m in made):
        write_sheets_openpyxl(path, sheets)
        return
    parts, cuts = _blank_xlsx(tuple(name for name, _, _ in sheets))
    written = dict(parts)
    for i, ((head, middle, tail), (dimension, data, merge_xml)) in enumerate(zip(cuts, made, strict=True), start=1):
        sheet = (
            f'<dimension ref="{dimension}"/>'.encode() + middle + f"<sheetData>{data}</sheetData>{merge_xml}".encode()
        )
        written[f"xl/worksheets/sheet{i}.xml"] = head + sheet + tail
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for part, _ in parts:
            z.writestr(part, written[part])
    if os.environ.get("PERFXL_CHECK_XLSX_WRITE"):
        _assert_openpyxls(path, sheets)


def _assert_openpyxls(path: Path, sheets) -> None:
    """Every part of `path` is openpyxl's for `sheets` (merged ranges as a set, the creation time aside)."""
    buffer = io.BytesIO()
    write_sheets_openpyxl(buffer, sheets)
    theirs, mine = dict(_parts(buffer.getvalue())), dict(_parts(path.read_bytes()))
    assert list(theirs) == list(mine), (list(theirs), list(mine))

    def merges_as_set(xml: bytes) -> tuple[bytes, frozenset]:
        found = re.findall(rb'<mergeCell ref="[^"]*"/>', xml)
        return re.sub(rb'<mergeCell ref="[^"]*"/>', b"", xml), frozenset(found)

    for part, blob in theirs.items():
        if part != "docProps/core.xml":
            assert merges_as_set(mine[part]) == merges_as_set(blob), (path, part, mine[part][:3000], blob[:3000])


def errors_of(result):
    """(code, cell, message) of a validated file's 错误 — what a correct table must not get."""
    return [(f.code, getattr(f.ref, "cell", None), f.message) for f in result.findings if f.severity.value == "error"]


def pad(row: list, n: int = 9) -> list:
    """A row padded with empty cells to the form's n columns (the reviewer rounds' one-sheet tables)."""
    return row + [""] * (n - len(row))


def findings_of(result, code: str):
    """A validated file's findings of one code."""
    return [f for f in result.findings if f.code == code]


def error_cells(result):
    """(code, cell) of a validated file's 错误."""
    return [(f.code, getattr(f.ref, "cell", None)) for f in result.findings if f.severity.value == "error"]


def row_runs(result):
    """(kind, first, last) of every table's runs of rows as read: what the reader made of each row."""
    return [(run.kind, run.first, run.last) for t in result.coverage.tables for run in t.rows]


def indicator_header(first: str = "绩效指标", reason: str = "偏差原因分析") -> list[str]:
    """The 绩效指标 header row of the national 项目支出绩效自评表 (财预〔2020〕10号 附件), as real tables print it: its first
    cell ("绩效指标", or letter-spaced "绩 效 指 标") and its reason column's title vary."""
    return [first, "一级指标", "二级指标", "三级指标", "年度 指标值", "实际 完成值", "分值", "得分", reason]


#: The stored real reports (tests/realworld/reports/<name>.toml).
REAL_REPORTS = Path(__file__).resolve().parent / "realworld" / "reports"


def report_fixture(name: str) -> dict:
    """One stored real report's TOML, as published (its paragraphs, tables and expectations)."""
    return parsed_toml(REAL_REPORTS / f"{name}.toml")


def corpus_texts() -> Iterator[str]:
    """Every string of the stored real tables (tests/realworld/*.toml, nested values walked in file order): the texts a
    pattern or a gate is held against."""

    def walk(node: object) -> Iterator[str]:
        if isinstance(node, str):
            yield node
        elif isinstance(node, dict):
            for v in node.values():
                yield from walk(v)
        elif isinstance(node, list):
            for v in node:
                yield from walk(v)

    for path in sorted((Path(__file__).parent / "realworld").glob("*.toml")):
        yield from walk(parsed_toml(path))
