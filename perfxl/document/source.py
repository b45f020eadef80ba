"""What a document reader hands on: numbered paragraphs and table Grids, before any interpretation."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..grid import Grid
from ..model import Finding, Paragraph, SheetCoverage

__all__ = ["DocumentSource"]


@dataclass
class DocumentSource:
    """One report document as read: `paragraphs` (narrative, with TextRefs), `grids` (one per table,
    named "表1"… or "第3页 表1"…), and `origins`: grid name → (Word table index, enclosing table index)
    for .docx, (page, table number on the page) for PDF — so findings on a grid can be put back; `unread`:
    tables seen but not read (a PDF table printed without rules), for the coverage."""

    path: str
    source_format: str  # "docx" | "pdf" | "doc"
    paragraphs: tuple[Paragraph, ...]
    grids: list[Grid]
    origins: dict[str, tuple[int, int | None]] = field(default_factory=dict)
    problems: tuple[Finding, ...] = ()
    pages: int = 0
    unread: tuple[SheetCoverage, ...] = ()
