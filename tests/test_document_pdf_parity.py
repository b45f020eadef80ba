"""PDF parity on the real published reports (issue 12): the LibreOffice PDF export of each report must give
the verdicts its .docx gives.

Reports are often published as PDF and reviewers receive PDFs, while tests/test_document_realreport.py
measures the real reports (tests/realworld/reports/*.toml) as .docx only. Here each fixture's .docx is
built with the same `build_docx`, exported to PDF by headless LibreOffice (perfxl.io.libreoffice, all
files in one run), both are validated, and compared:

- narrative findings: (code, severity, the paragraph's text) — a PDF finding points at page/paragraph of
  the PDF text, mapped back to the fixture's paragraph by its text (whitespace ignored);
- table findings: (code, severity, table, cell) — a PDF grid "第3页 表1" is mapped to the Word table
  whose cell texts it shares;
- coverage: each table's kind, certainty and whether it was read, and the checks skipped.

A difference is a reader gap or a false alarm of the PDF path; one that is a real limit of reading PDFs
goes in KNOWN_PDF_DIFFERENCES with its reason, and leaves it the day it goes away (the test is strict).

Run as a script for the figures: `.venv/bin/python tests/test_document_pdf_parity.py`.
"""

from __future__ import annotations

import re
import sys
import tomllib
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # run as a script too

from test_document_realreport import REPORTS, build_docx

from perfxl.document import read_source
from perfxl.io.libreoffice import convert_many, soffice_path
from perfxl.model import TextRef
from perfxl.validate import validate_file

#: fixture → difference (as `compare` prints it) → why it is a limit of reading the PDF, not a reader bug.
KNOWN_PDF_DIFFERENCES: dict[str, dict[str, str]] = {}

_SPACE = re.compile(r"\s+")


def _norm(text: object) -> str:
    return _SPACE.sub("", str(text or ""))


def _fixtures() -> list[Path]:
    return sorted(REPORTS.glob("*.toml"))


def _table_map(docx_source, pdf_source) -> dict[str, str]:
    """PDF grid name → the Word table ("表N") whose non-empty cell texts it shares most (by count)."""
    word = {g.name: Counter(_norm(v) for row in g.rows for v in row if _norm(v)) for g in docx_source.grids}
    out = {}
    for g in pdf_source.grids:
        cells = Counter(_norm(v) for row in g.rows for v in row if _norm(v))
        best = max(word, key=lambda name: sum((word[name] & cells).values()), default=None)
        out[g.name] = best if best is not None and sum((word[best] & cells).values()) else f"?{g.name}"
    return out


def _verdicts(result, paragraph_text, table_name) -> dict[str, Counter]:
    """The comparable verdicts of one validation: narrative and table findings, and the coverage."""
    narrative: Counter = Counter()
    tables: Counter = Counter()
    for f in result.findings:
        if isinstance(f.ref, TextRef):
            narrative[(f.code, f.severity.value, paragraph_text(f.ref))] += 1
        else:
            sheet = table_name(f.sheet) if f.sheet else None
            tables[(f.code, f.severity.value, sheet, f.cell)] += 1
    cov = result.coverage
    coverage: Counter = Counter()
    for s in cov.sheets:
        coverage[("sheet", table_name(s.sheet), s.kind, s.certain, s.read)] += 1
    for t in cov.tables:
        coverage[("table", table_name(t.sheet), t.kind, t.range, tuple((r.kind, r.first, r.last) for r in t.rows))] += 1
    for s in cov.skipped:
        coverage[("skipped", s.code, table_name(s.sheet) if s.sheet else None)] += 1
    return {"narrative": narrative, "tables": tables, "coverage": coverage}


def compare(fixture: dict, docx_path: Path, pdf_path: Path) -> list[str]:
    """Every difference between the .docx's and the PDF's verdicts, one line each ('' list: identical)."""
    docx_result, pdf_result = validate_file(docx_path), validate_file(pdf_path)
    if not (docx_result.ok and pdf_result.ok):
        return [f"unreadable: docx {docx_result.error} pdf {pdf_result.error}"]
    paragraphs = {n: _norm(p) for n, p in enumerate(fixture["paragraphs"], start=1)}
    known = {v: n for n, v in paragraphs.items()}
    pdf_source, docx_source = read_source(pdf_path), read_source(docx_path)
    pdf_text = {(p.ref.page, p.ref.paragraph): _norm(p.text) for p in pdf_source.paragraphs}
    tables = _table_map(docx_source, pdf_source)

    def docx_paragraph(ref: TextRef) -> str:
        return f"¶{ref.paragraph}" if ref.paragraph else "正文"

    def pdf_paragraph(ref: TextRef) -> str:
        text = pdf_text.get((ref.page, ref.paragraph))
        if text is None:
            return f"第{ref.page}页" if ref.page else "正文"
        return f"¶{known[text]}" if text in known else f"PDF第{ref.page}页第{ref.paragraph}段「{text[:24]}」"

    docx_v = _verdicts(docx_result, docx_paragraph, lambda s: s)
    pdf_v = _verdicts(pdf_result, pdf_paragraph, lambda s: tables.get(s, s))
    out = []
    for part in ("narrative", "tables", "coverage"):
        for item in sorted((docx_v[part] - pdf_v[part]).elements(), key=str):
            out.append(f"{part} docx only: {item}")
        for item in sorted((pdf_v[part] - docx_v[part]).elements(), key=str):
            out.append(f"{part} pdf only: {item}")
    return out


def reader_differences(fixture: dict, docx_path: Path, pdf_path: Path) -> list[str]:
    """What the PDF reader read differently (diagnostics): paragraphs not found as printed, tables' cells."""
    pdf_source, docx_source = read_source(pdf_path), read_source(docx_path)
    paragraphs = [_norm(p) for p in fixture["paragraphs"]]
    got = [_norm(p.text) for p in pdf_source.paragraphs]
    out = [f"paragraph ¶{n}: not read whole" for n, p in enumerate(paragraphs, start=1) if p not in got]
    out += [
        f"pdf paragraph {p.ref.cell}: no such paragraph「{_norm(p.text)[:30]}」"
        for p in pdf_source.paragraphs
        if _norm(p.text) not in paragraphs
    ]
    tables = _table_map(docx_source, pdf_source)
    word = {g.name: g for g in docx_source.grids}
    for g in pdf_source.grids:
        w = word.get(tables[g.name])
        if w is None:
            out.append(f"{g.name}: no Word table")
            continue
        a = [[_norm(v) for v in row] for row in w.rows]
        b = [[_norm(v) for v in row] for row in g.rows]
        if a != b:
            out.append(
                f"{g.name} → {w.name}: cells differ ({len(a)}×{len(a[0]) if a else 0} vs {len(b)}×{len(b[0]) if b else 0})"
            )
    return out


def _rule_tables(path: Path) -> None:
    """Every table of the .docx gets Word's "Table Grid" style (all cell borders), as the published 自评表
    are printed: build_docx's tables carry no borders, and a PDF keeps a table's grid only in its rules."""
    import docx

    document = docx.Document(str(path))
    for table in document.tables:
        table.style = "Table Grid"
    document.save(str(path))


def export_all(paths: list[Path], out: Path, *, ruled: bool = True) -> list[tuple[Path, dict, Path, Path]]:
    """Each fixture's .docx (build_docx; its tables ruled as published unless `ruled=False`) and its PDF
    export, LibreOffice started once for all."""
    rows = []
    for path in paths:
        fixture = tomllib.loads(path.read_text(encoding="utf-8"))
        docx_path = out / f"{path.stem}.docx"
        build_docx(fixture, docx_path)
        if ruled:
            _rule_tables(docx_path)
        rows.append((path, fixture, docx_path))
    pdfs = convert_many([r[2] for r in rows], "pdf", out / "pdf")
    return [(p, f, d, pdf) for (p, f, d), pdf in zip(rows, pdfs, strict=True)]


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    if soffice_path() is None:
        pytest.skip("LibreOffice (soffice) not installed")
    exported = export_all(_fixtures(), tmp_path_factory.mktemp("parity"))
    return {p.stem: (f, d, pdf) for p, f, d, pdf in exported}


@pytest.mark.libreoffice
@pytest.mark.slow
@pytest.mark.parametrize("path", _fixtures(), ids=lambda p: p.stem)
def test_pdf_export_gives_the_docx_verdicts(path: Path, exports):
    fixture, docx_path, pdf_path = exports[path.stem]
    differences = compare(fixture, docx_path, pdf_path)
    known = KNOWN_PDF_DIFFERENCES.get(path.stem, {})
    assert sorted(differences) == sorted(known), (
        f"{path.stem}: new {sorted(set(differences) - set(known))}, gone {sorted(set(known) - set(differences))}"
    )
    pdf_errors = [d for d in differences if "pdf only" in d and "'error'" in d]
    assert not pdf_errors  # no 错误 on the PDF that the .docx does not have, known or not


def test_known_differences_name_real_fixtures():
    names = {p.stem for p in _fixtures()}
    assert set(KNOWN_PDF_DIFFERENCES) <= names
    assert all(why.strip() for diffs in KNOWN_PDF_DIFFERENCES.values() for why in diffs.values())


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        exported = export_all(_fixtures(), Path(tmp), ruled="--unruled" not in sys.argv)
        same = 0
        for path, fixture, docx_path, pdf_path in exported:
            diffs = compare(fixture, docx_path, pdf_path)
            same += not diffs
            print(f"== {path.stem}: {'identical' if not diffs else f'{len(diffs)} differences'}")
            for d in diffs:
                print("   ", d)
            if "-v" in sys.argv:
                for d in reader_differences(fixture, docx_path, pdf_path):
                    print("    reader:", d)
        print(f"identical verdicts: {same} of {len(exported)}")
