"""Test helper: report documents and one-sheet workbooks built with the project's writers and validated,
shared by the narrative and reviewer tests (test_narrative_text, test_review_round5–7)."""

from __future__ import annotations

import docx
import openpyxl

from perfxl.model import TextRef
from perfxl.validate import validate_file
from perfxl.workbook.report_docx import AGREEING_FIGURES, build_report_docx


def report_findings(tmp_path, *paragraphs: str):
    """A narrative-only 自评报告 (.docx): the findings placed in its text."""
    d = docx.Document()
    for text in paragraphs:
        d.add_paragraph(text)
    path = tmp_path / "report.docx"
    d.save(path)
    result = validate_file(path)
    assert result.ok, result.error
    return [f for f in result.findings if isinstance(f.ref, TextRef)]


def seed_report_findings(tmp_path, sentence: str):
    """The seed's 部门整体 report with its 基础数据表 and 自评表 (规模工业总产值: target 增长12%, actual 11.8%,
    missed), its narrative agreeing with the tables, and `sentence` as the paragraph after the targets table."""
    report = build_report_docx(tmp_path / "seed.docx", {**AGREEING_FIGURES, "goal_sentence": sentence})
    result = validate_file(report.path)
    assert result.ok, result.error
    [paragraph] = report.paragraph_with("goal_sentence")
    return [f for f in result.findings if isinstance(f.ref, TextRef) and f.ref.paragraph == paragraph]


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
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for sheet, rows, merges in sheets:
        ws = wb.create_sheet(sheet)
        for row in rows:
            ws.append([None if v == "" else v for v in row])
        for m in merges:
            ws.merge_cells(m)
    path = tmp_path / name
    wb.save(path)
    result = validate_file(path)
    assert result.ok, result.error
    return result


def errors_of(result):
    """(code, cell, message) of a validated file's 错误 — what a correct table must not get."""
    return [(f.code, getattr(f.ref, "cell", None), f.message) for f in result.findings if f.severity.value == "error"]


def pad(row: list, n: int = 9) -> list:
    """A row padded with empty cells to the form's n columns (the reviewer rounds' one-sheet tables)."""
    return row + [""] * (n - len(row))
