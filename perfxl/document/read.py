"""Report documents (.docx, .pdf, .doc) → the one `Submission` model: tables through perfxl's layout
detector (perfxl.reader.read_grids) exactly as sheets, paragraphs as `Submission.narrative`.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import UnreadableWorkbook
from ..io.inputs import DOCUMENT_SUFFIXES
from ..model import Submission
from ..reader import read_grids
from .source import DocumentSource

if TYPE_CHECKING:
    from perfxl.profiles import ProfileLike

__all__ = ["DOCUMENT_SUFFIXES", "is_document", "read_source", "read_document", "to_submission"]


def is_document(path: str | Path) -> bool:
    """True for a report document perfxl reads (by extension; the guard then checks the content)."""
    return Path(path).suffix.lower() in DOCUMENT_SUFFIXES


def read_source(path: str | Path, limits: Any = None) -> DocumentSource:
    """Paragraphs and table Grids of a .docx, .pdf or .doc (UnreadableWorkbook when it cannot be read)."""
    # lazy: keeps perfxl.document.guarded (6.6 ms) off the `perfxl validate` cold start
    from .guarded import guard_document

    suffix = Path(path).suffix.lower()
    if suffix in DOCUMENT_SUFFIXES:  # what the content really is decides, not the name
        suffix = "." + guard_document(path, limits).kind.value
    if suffix == ".docx":
        # lazy: keeps perfxl.document.docx_reader (9.5 ms) off the `perfxl validate` cold start
        from .docx_reader import read_docx

        return read_docx(path, limits, checked=True)
    if suffix == ".pdf":
        # lazy: keeps perfxl.document.pdf_reader (3.1 ms) off the `perfxl validate` cold start
        from .pdf_reader import read_pdf

        return read_pdf(path, limits, checked=True)
    if suffix == ".doc":
        # lazy: keeps perfxl.document.legacy_doc (3.2 ms) off the `perfxl validate` cold start
        from .legacy_doc import read_doc

        return read_doc(path, limits, checked=True)
    raise UnreadableWorkbook(
        f"不是可读取的报告文档（{suffix}）：请提交 .docx 或 .pdf",
        f"not a report document ({suffix}); submit .docx or .pdf",
        code="NOT_A_DOCUMENT",
        path=str(path),
    )


def to_submission(source: DocumentSource) -> Submission:
    """The Submission of a read document: its grids mapped by the layout detector, its narrative kept."""
    grids = source.grids
    if source.stacked:
        # lazy: only a PDF with tables printed back to back reads its parts again (perfxl.document.stacked_forms)
        from .stacked_forms import rejoin_halves

        grids = rejoin_halves(grids, source.stacked)
    if grids:
        from .run_state import report_year  # (the year a caption above a table is held to: `reader._this_years`)

        year = report_year(p.text for p in source.paragraphs)
        sub = read_grids(grids, source.path, source_format=source.source_format, year=year)
    else:
        sub = Submission(source.path)
    sheets = tuple(
        dataclasses.replace(sc, note_zh=sc.note_zh or _origin_zh(source, sc.sheet)) for sc in sub.coverage.sheets
    )
    coverage = dataclasses.replace(
        sub.coverage, source_format=source.source_format, sheets=sheets + tuple(source.unread)
    )
    # every table read is kept — 目标表 and 监控表 too (declarations, monitoring), as from a workbook
    return dataclasses.replace(
        sub,
        problems=tuple(source.problems) + sub.problems,
        narrative=source.paragraphs,
        coverage=coverage,
    )


def _origin_zh(source: DocumentSource, name: str) -> str:
    origin = source.origins.get(name)
    if origin is None:
        return ""
    if source.source_format == "pdf":
        return f"PDF 第{origin[0]}页第{origin[1]}个表格"
    index, parent = origin
    nested = f"（嵌套在第{parent + 1}个表格中）" if parent is not None else ""
    return f"Word 文档第{index + 1}个表格{nested}"


def read_document(path: str | Path, profile: ProfileLike = None, limits: Any = None) -> Submission:
    """Read a report document into a Submission (tables + narrative); UnreadableWorkbook when it cannot."""
    return to_submission(read_source(path, limits))
