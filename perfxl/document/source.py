"""What a document reader hands on: numbered paragraphs and table Grids, before any interpretation."""

from __future__ import annotations

from dataclasses import field

from ..grid import Grid
from ..model import Finding, Paragraph, SheetCoverage
from ..records import record

__all__ = ["DocumentSource"]


@record()
class DocumentSource:
    """One report document as read: `paragraphs` (narrative, with TextRefs), `grids` (one per table,
    named "表1"… or "第3页 表1"…), and `origins`: grid name → (Word table index, enclosing table index)
    for .docx, (page, table number on the page) for PDF — so findings on a grid can be put back; `unread`:
    tables seen but not read (a PDF table printed without rules), for the coverage; `stacked`: (the grid above, the
    grid below, the two read as one grid named as the one above) for each pair of PDF tables parted from one ruled
    block by pdf_stacked — the same print may be one Word table (perfxl.document.stacked_forms decides)."""

    path: str
    source_format: str  # "docx" | "pdf" | "doc"
    paragraphs: tuple[Paragraph, ...]
    grids: list[Grid]
    origins: dict[str, tuple[int, int | None]] = field(default_factory=dict)
    problems: tuple[Finding, ...] = ()
    pages: int = 0
    unread: tuple[SheetCoverage, ...] = ()
    stacked: tuple[tuple[str, str, Grid], ...] = ()
