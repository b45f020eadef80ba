"""An annotated copy of a report .docx: one Word comment per place (the paragraph a narrative finding
names, or the table cell a table finding names), holding that place's findings. The document's text is
never changed (an empty cell gets an empty run to anchor its comment); the copy is written atomically.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..io.atomic import atomic_write
from ..model import SEVERITY_ZH, CellRef, Finding, TextRef, parse_a1
from ..records import record
from .docx_reader import body_places, open_docx

__all__ = ["DocxAnnotation", "annotate_docx", "AUTHOR"]

AUTHOR = "perfxl"


@record(frozen=True)
class DocxAnnotation:
    path: Path
    comments: int
    unplaced: int  # findings whose place is not in this document (e.g. a file-level problem)


def _runs(paragraph: Any) -> list:
    runs = list(paragraph.runs)
    if not runs:
        runs = [paragraph.add_run("")]
    return runs


def annotate_docx(
    src: str | Path, findings: Iterable[Finding], dest: str | Path, *, force: bool = False
) -> DocxAnnotation:
    """Write `dest`: a copy of `src` with the findings as Word comments (python-docx ≥ 1.2)."""
    # lazy: python-docx (with lxml, ~60 ms) only when a .docx copy is annotated
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph as DocxParagraph

    document = open_docx(src)
    paragraphs, tables = body_places(document)
    by_name = {t.name: t for t in tables}
    groups: dict[tuple, list[Finding]] = {}
    unplaced = 0
    for f in findings:
        ref = f.ref
        if isinstance(ref, TextRef) and ref.paragraph in paragraphs:
            groups.setdefault(("p", ref.paragraph), []).append(f)
        elif isinstance(ref, CellRef) and ref.sheet in by_name:
            try:
                r, c = parse_a1(ref.anchor or ref.first_cell)
            except ValueError:
                unplaced += 1
                continue
            if (r - 1, c - 1) in by_name[ref.sheet].cells:
                groups.setdefault(("t", ref.sheet, r - 1, c - 1), []).append(f)
            else:
                unplaced += 1
        else:
            unplaced += 1
    count = 0
    for key, items in groups.items():
        if key[0] == "p":
            para = DocxParagraph(paragraphs[key[1]], document._body)
        else:
            tc = by_name[key[1]].cells[(key[2], key[3])]
            para = _Cell(tc, document._body).paragraphs[0]
        text = "\n".join(f"[{SEVERITY_ZH.get(f.severity, f.severity.value)} {f.code}] {f.message}" for f in items)
        document.add_comment(_runs(para), text=text, author=AUTHOR, initials="px")
        count += 1
    out = Path(dest)
    atomic_write(out, lambda fh: document.save(fh), force=force)
    return DocxAnnotation(out, count, unplaced)
