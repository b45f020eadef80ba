"""Read a report .docx: its tables become Grids named "表1", "表2"… (so CellRef(sheet="表2", cell="G4")
is a Word cell) and its body paragraphs become numbered narrative `Paragraph`s.

The file passes perfxl.document.guarded first; python-docx (with lxml) parses it afterwards.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import UnreadableWorkbook
from ..grid import Grid
from ..model import Paragraph, TextRef
from .docx_tables import WordTable, paragraph_text, walk_body
from .guarded import guard_document
from .source import DocumentSource

__all__ = ["read_docx", "open_docx", "body_places", "EXCERPT_CHARS"]

EXCERPT_CHARS = 30


def open_docx(path: str | Path) -> Any:
    """python-docx Document of a guarded file; any parse failure is an UnreadableWorkbook."""
    try:
        # lazy and guarded: python-docx (heavy, no Pyodide build) only for .docx reports
        import docx
    except ImportError:  # pragma: no cover - a core dependency, optional only under Pyodide
        raise UnreadableWorkbook(
            "读取 Word 文档需要 python-docx 组件（pip install python-docx）",
            "reading .docx needs python-docx",
            code="DEPENDENCY_MISSING",
            path=str(path),
        ) from None
    try:
        return docx.Document(str(path))
    except Exception as exc:  # python-docx / lxml raise many types on broken packages
        raise UnreadableWorkbook(
            f"Word 文档已损坏，无法读取：{type(exc).__name__}: {exc}"[:300],
            f"corrupt .docx ({type(exc).__name__}: {exc})"[:300],
            code="DOCX_CORRUPT",
            path=str(path),
        ) from None


def body_places(document: Any) -> tuple[dict[int, Any], list[WordTable]]:
    """(paragraph number → its `w:p` element, tables in order): the numbering every reader and
    annotator of a .docx shares (non-empty body paragraphs, 1-based; tables and nested tables 表1…)."""
    paragraphs: dict[int, Any] = {}
    tables: list[WordTable] = []
    n = 0
    for item in walk_body(document.element.body):
        if item.kind == "p":
            if paragraph_text(item.element).strip():
                n += 1
                paragraphs[n] = item.element
        elif item.table is not None:
            tables.append(item.table)
    return paragraphs, tables


def read_docx(path: str | Path, limits: Any = None, *, checked: bool = False) -> DocumentSource:
    """Guard (unless the caller just did: `checked`), open and read a .docx into paragraphs and Grids."""
    if not checked:
        guard_document(path, limits)
    document = open_docx(path)
    places, tables = body_places(document)
    paragraphs = []
    for n, el in places.items():
        text = paragraph_text(el).strip()
        paragraphs.append(Paragraph(TextRef(paragraph=n, excerpt=text[:EXCERPT_CHARS]), text))
    grids = [Grid(t.name, t.rows, t.merged) for t in tables]
    origins = {t.name: (t.index, t.parent) for t in tables}
    return DocumentSource(str(path), "docx", tuple(paragraphs), grids, origins)
