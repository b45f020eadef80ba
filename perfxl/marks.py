"""The one plan of marks: which cells a set of findings fills (and with which severity), which cell of
each finding carries perfxl's note, and the text of that note.

Pure data from findings plus the merged ranges of the sheets. Three writers apply the same plan:
the annotated copy (perfxl.io.xlsx_marks, patching the user's file), the 校验 macro in live Excel
(perfxl.excel.macros, through xlwings) and the Office.js add-in (the same macro, replayed remotely).
The 校验结果 sheet's rows come from perfxl.excel.result_sheet.result_rows for all of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import field
from typing import Any

from perfxl.model import SEVERITY_ZH, CellRef, Finding, Severity, column_index, column_letter, parse_a1
from perfxl.records import record

__all__ = [
    "RESULT_SHEET",
    "RESULT_TITLE",
    "SEVERITY_FILL",
    "NOTE_HEAD",
    "MAX_RANGE_CELLS",
    "Bounds",
    "MarkPlan",
    "plan_marks",
    "note_text",
    "cell_bounds",
]

RESULT_SHEET = "校验结果"
RESULT_TITLE = "perfxl 校验结果"  # A1 of perfxl's own sheet; lets a re-run replace it safely
#: Fill colour (RGB) per severity: red, amber, blue.
SEVERITY_FILL = {Severity.ERROR: "FFC7CE", Severity.WARNING: "FFE699", Severity.INFO: "BDD7EE"}
NOTE_HEAD = "perfxl 校验："
MAX_RANGE_CELLS = 400  # fill at most this many cells of one finding's range

#: (first row, first column, last row, last column), 1-based and inclusive.
Bounds = tuple[int, int, int, int]
MergeLookup = Callable[[str, int, int], "Bounds | None"]


def cell_bounds(ref: str) -> Bounds:
    """Bounds of "E12" or "B5:B9" (ValueError for anything else)."""
    first, _, last = ref.partition(":")
    r0, c0 = parse_a1(first)
    r1, c1 = parse_a1(last) if last else (r0, c0)
    return min(r0, r1), min(c0, c1), max(r0, r1), max(c0, c1)


def note_text(findings: Iterable[Finding]) -> str:
    """perfxl's note on a cell: one line per finding, code and level first."""
    return NOTE_HEAD + "\n" + "\n".join(f"[{f.code}] {SEVERITY_ZH[f.severity]}：{f.message}" for f in findings)


@record(frozen=True, slots=True)
class MarkPlan:
    """What to mark: fills by (sheet, row, col) with the worst severity there, and the findings noted
    on each anchor cell (the top-left of the merged area holding a finding's first cell)."""

    fills: dict[tuple[str, int, int], Severity] = field(default_factory=dict)
    notes: dict[tuple[str, int, int], list[Finding]] = field(default_factory=dict)

    def note(self, key: tuple[str, int, int]) -> str:
        return note_text(self.notes[key])


def plan_marks(findings: Sequence[Finding], sheets: Iterable[str], merge_of: MergeLookup) -> MarkPlan:
    """The plan for `findings` on a book with these `sheets`; `merge_of(sheet, row, col)` gives the
    merged range holding a cell (None when it is not merged). Findings elsewhere (narrative
    paragraphs, unknown sheets, whole-file notes) are listed on the 校验结果 sheet only."""
    names = set(sheets)
    plan = MarkPlan()
    fills, notes = plan.fills, plan.notes
    bounds: dict[str, Bounds | None] = {}  # a cell text's bounds, parsed once: findings share cells
    # a merged area's cells (as fill keys), and the highest rank they were all filled at: a finding on an area already
    # filled at its level or above changes none of them (findings of one row often share its merged label)
    areas: dict[tuple[str, Bounds], list[tuple[str, int, int]]] = {}
    area_rank: dict[tuple[str, Bounds], int] = {}
    simple = _SIMPLE_CELL.match
    for f in findings:
        ref = f.ref
        if not isinstance(ref, CellRef) or ref.sheet not in names:
            continue
        cell = ref.cell
        found = bounds.get(cell, _UNPARSED)
        if found is _UNPARSED:
            letters = cell.rstrip(_DIGITS)  # "B7", as most findings name their cell: its column by one look-up
            c = _COLUMNS.get(letters)
            if c is not None and len(letters) < len(cell):  # what _SIMPLE_CELL reads, without a regex and column_index
                r = int(cell[len(letters) :])
                found = bounds[cell] = (r, c, r, c)
            elif (m := simple(cell)) is not None:
                r, c = int(m.group(2)), column_index(m.group(1))
                found = bounds[cell] = (r, c, r, c)
            else:
                try:
                    found = bounds[cell] = cell_bounds(cell)
                except ValueError:
                    found = bounds[cell] = None
        if found is None:
            continue
        r0, c0, r1, c1 = found
        sheet = ref.sheet
        merged = merge_of(sheet, r0, c0)
        inside = merged is not None  # the finding's first cell lies in the merged area
        if merged is None and ref.anchor:  # the reader saw the merge; this book cannot tell
            ar, ac = parse_a1(ref.anchor)
            merged = merge_of(sheet, ar, ac)
            anchor = (merged[0], merged[1]) if merged else (ar, ac)
        else:
            anchor = (merged[0], merged[1]) if merged else (r0, c0)
        at = (sheet, anchor[0], anchor[1])
        noted = notes.get(at)
        if noted is None:
            notes[at] = [f]
        else:
            noted.append(f)
        severity = f.severity
        rank = _RANK[severity]
        if r0 == r1 and c0 == c1:
            first = (sheet, r0, c0)
            if merged is None and first == at:  # the usual finding: one cell, not merged — filled here, no list
                old = fills.get(first)
                if old is None or (old is not severity and rank > _RANK[old]):
                    fills[first] = severity
                continue
            targets = [first] if first == at else [first, at]
        else:
            cells = [(sheet, r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)]
            targets = [*cells[:MAX_RANGE_CELLS], at]
        if merged:
            merge = (sheet, merged)
            if area_rank.get(merge, 0) < rank:
                area_rank[merge] = rank
                area = areas.get(merge)
                if area is None:
                    mr0, mc0, mr1, mc1 = merged
                    area = areas[merge] = [(sheet, r, c) for r in range(mr0, mr1 + 1) for c in range(mc0, mc1 + 1)][
                        :MAX_RANGE_CELLS
                    ]
                targets += area
            elif inside and r0 == r1 and c0 == c1 and len(areas[merge]) < MAX_RANGE_CELLS:
                # the whole area — this cell and its anchor too — is filled at this rank or above: nothing changes
                continue
        for key in targets:
            old = fills.get(key)
            if old is None or (old is not severity and rank > _RANK[old]):
                fills[key] = severity
    return plan


_UNPARSED: Any = object()
_SIMPLE_CELL = re.compile(r"([A-Z]{1,3})(\d+)\Z")  # a plain "B7": what parse_a1 reads the same without strip/upper
_DIGITS = "0123456789"
_COLUMNS = {column_letter(c): c for c in range(1, 703)}  # "A" … "ZZ": a column's number by its letters
_RANK = {s: s.rank for s in Severity}  # Severity.rank builds a dict per call
