"""perfxl's own 校验结果 sheet in a live or remote book: written by 校验, read back by the next run.

A remote (Office.js) book cannot read fills, so this sheet is perfxl's memory of what it marked:
one row per finding (as in the annotated copy of `perfxl.annotate`) plus whether perfxl added the
note, and a row for every other cell it filled.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from operator import attrgetter
from typing import Any, NamedTuple

from perfxl.marks import RESULT_SHEET, RESULT_TITLE, SEVERITY_FILL  # the one plan of marks
from perfxl.model import SEVERITY_ZH, CellRef, Finding, Severity, parse_a1
from perfxl.safety import FORMULA_TRIGGERS, neutralise_formula

__all__ = [
    "RESULT_SHEET",
    "RESULT_TITLE",
    "RESULT_HEADER",
    "SEVERITY_ZH",
    "Mark",
    "Hyperlink",
    "is_own_result_sheet",
    "previous_marks",
    "cell_text",
    "hyperlink_target",
    "result_rows",
    "order_key",
    "drop_result_sheet",
    "write_result_sheet",
    "HEADER_ROW",
    "sheet_prefix",
    "COVERAGE_TITLE",
]

#: The heading of the rows under the findings that say what perfxl read (its coverage), as the reports call it.
COVERAGE_TITLE = "读取范围（未能读取的表格、未能运行的检查不是填报错误，但其中的数字未经核对）"
#: Columns of the 校验结果 sheet: the annotated copy's eight, plus whether perfxl added the note.
RESULT_HEADER = ("序号", "级别", "代码", "工作表", "单元格", "问题说明", "应为", "实际", "perfxl批注")
HEADER_ROW = _HEADER_ROW = 4  # 1-based row of RESULT_HEADER; findings start below it
_NOTE_ADDED = "是"
_TRIGGERS = frozenset(FORMULA_TRIGGERS)  # first characters that neutralise_formula looks at, all before "A"
_SEVERITY_OF = attrgetter("severity")
_new_tuple = tuple.__new__  # what a named tuple's generated __new__ calls, without its Python frame
_HYPERLINK = re.compile(r'^=HYPERLINK\("#((?:[^"]|"")*)",\s*"((?:[^"]|"")*)"\)$', re.IGNORECASE)


class Mark(NamedTuple):
    """One marked cell: where, the severity shown, and whether perfxl put a note on it. A named tuple: the annotated
    copy makes one for each finding's cell, and a frozen dataclass took twice as long to make."""

    sheet: str
    cell: str
    severity: Severity
    noted: bool


class Hyperlink(NamedTuple):
    """A 单元格 link as a writer that stores links as links takes it (the annotated copy's <hyperlink>): the place
    (`'Sheet'!B7`) and the text shown — what `hyperlink_target` reads back from the HYPERLINK formula of the same
    row, without writing the formula and parsing it again."""

    location: str
    display: str


def is_own_result_sheet(name: str, rows: list[list[Any]]) -> bool:
    return name.startswith(RESULT_SHEET) and bool(rows) and bool(rows[0]) and rows[0][0] == RESULT_TITLE


def previous_marks(raw: dict[str, list[list[Any]]]) -> list[Mark]:
    """The cells perfxl marked last time, read back from its 校验结果 sheet."""
    for name, rows in raw.items():
        if not is_own_result_sheet(name, rows):
            continue
        marks = []
        for row in rows[_HEADER_ROW:]:
            row = list(row) + [None] * (len(RESULT_HEADER) - len(row))
            sheet, cell = row[3], cell_text(row[4])
            if not sheet or not cell:
                continue
            sev = next((s for s, zh in SEVERITY_ZH.items() if zh == row[1]), Severity.INFO)
            marks.append(Mark(str(sheet), cell, sev, row[8] == _NOTE_ADDED))
        return marks
    return []


def cell_text(value: Any) -> str:
    """The cell address of a 校验结果 row: plain text, or the display text of a HYPERLINK formula."""
    if not isinstance(value, str):
        return ""
    m = _HYPERLINK.match(value.strip())
    return m.group(2).replace('""', '"') if m else value.strip()


def hyperlink_target(value: str) -> tuple[str, str] | None:
    """(location, display text) of a 校验结果 HYPERLINK formula, for writers that store links as links."""
    m = _HYPERLINK.match(value.strip())
    return (m.group(1).replace('""', '"'), m.group(2).replace('""', '"')) if m else None


def result_rows(
    ordered: Sequence[Finding],
    marks: Mapping[tuple[str, str], Mark],
    *,
    list_area_cells: bool = True,
    coverage: Sequence[str] = (),
    as_hyperlinks: bool = False,
) -> list[list[Any]]:
    """The 校验结果 block (title, summary, header, one row per finding, then unlisted marked cells, then 读取范围).

    `ordered`: the findings already in the sheet's order (`sorted(findings, key=order_key)`; callers sort once,
    for the severities column too).

    `list_area_cells`: list the cells filled for a range or merged area but named by no finding, so the
    live macro's next run can clear them (the annotated copy, never re-marked in place, omits them).

    `coverage`: the 读取范围 lines (`perfxl.report._common.coverage_lines`), so the sheet says what was not read or
    checked, as the console and HTML reports do; they name no cell, so the next run's `previous_marks` skips them.

    `as_hyperlinks`: a link to a marked cell as a `Hyperlink` (location, display) instead of its HYPERLINK formula.
    """
    order = ordered
    width = len(RESULT_HEADER)  # every row is this wide: the rows below built so, the others padded
    rows: list[list[Any]] = [_padded([RESULT_TITLE]), _padded([_legend(order)]), [""] * width, list(RESULT_HEADER)]
    listed: set[tuple[str, str]] = set()
    get = marks.get
    places: dict[str, str] = {}
    for i, f in enumerate(order, 1):
        ref = f.ref
        sheet, named = (ref.sheet, ref.cell) if ref else (None, None)  # f.sheet, f.cell
        if named and isinstance(ref, CellRef) and _row_of(named) is not None:
            cell = named if ":" not in named else named.split(":", 1)[0]  # ref.first_cell
        else:
            cell = named or ""
        key = (sheet or "", cell)
        mark = get(key)
        # (a finding without a sheet is never "listed": its key's sheet is "")
        noted = _NOTE_ADDED if mark is not None and mark.noted and (sheet is None or key not in listed) else ""
        listed.add(key)
        # a link only to a marked cell (`mark` is that cell's entry whenever `sheet` is a name)
        if sheet and cell and mark is not None:
            if as_hyperlinks:  # what hyperlink_target reads from `_link_formula`; the quoted sheet name made once
                quoted = places.get(sheet)
                if quoted is None:
                    quoted = places[sheet] = sheet_prefix(sheet)
                link: Any = _new_tuple(Hyperlink, (quoted + cell, named or cell))  # Hyperlink(…), one call less
            else:
                link = _link_formula(sheet, cell, named)
        else:
            link = named or ""
        # neutralise_formula, called only for texts it may change (four calls a finding were a tenth of this loop);
        # every trigger sorts before "A", so a text from "A" on (Chinese, letters) is passed by one comparison, without
        # slicing off its first character (a new string for a Chinese one)
        where, message, expected, actual = sheet or "", f.message, f.expected or "", f.actual or ""
        if where < "A" and where[:1] in _TRIGGERS:
            where = neutralise_formula(where)
        if message.__class__ is not str or (message < "A" and message[:1] in _TRIGGERS):
            message = neutralise_formula(message)
        if expected.__class__ is not str or (expected < "A" and expected[:1] in _TRIGGERS):
            expected = neutralise_formula(expected)
        if actual.__class__ is not str or (actual < "A" and actual[:1] in _TRIGGERS):
            actual = neutralise_formula(actual)
        rows.append([i, SEVERITY_ZH[f.severity], f.code, where, link, message, expected, actual, noted])
    # cells filled for a range or merged area but not named by a finding: listed so a re-run clears them
    for (sheet, cell), mark in sorted(marks.items()) if list_area_cells else ():
        if (sheet, cell) not in listed:
            rows.append(
                [
                    "",
                    SEVERITY_ZH[mark.severity],
                    "",
                    neutralise_formula(sheet),
                    cell,
                    "（同上，区域内单元格）",
                    "",
                    "",
                    "",
                ]
            )
    if coverage:
        rows += [[""] * width, _padded([COVERAGE_TITLE])]
        rows += (_padded([""] * 5 + [neutralise_formula(line)]) for line in coverage)
    return rows


def _padded(row: list[Any]) -> list[Any]:
    """A 校验结果 row made as wide as the header with empty texts."""
    return row + [""] * (len(RESULT_HEADER) - len(row))


def order_key(f: Finding) -> tuple:
    """校验结果 order, as in the annotated copy: sheet, row, code (stable for equal keys)."""
    ref = f.ref
    if ref is None:
        return ("", 0, f.code)
    row = (_row_of(ref.cell) or 0) if isinstance(ref, CellRef) else 0  # f.sheet and its row, without the property
    return (ref.sheet or "", row, f.code)


def _legend(findings: Sequence[Finding]) -> str:
    """Row 2 of 校验结果, worded as in the annotated copy (perfxl.annotate)."""
    c = Counter(map(_SEVERITY_OF, findings))
    return (
        f"错误 {c[Severity.ERROR]} 个，警告 {c[Severity.WARNING]} 个，提示 {c[Severity.INFO]} 个。"
        "点击“单元格”列可跳到对应单元格；标色：红=错误，黄=警告，蓝=提示。"
    )


def _cell_ref(f: Finding) -> CellRef | None:
    """The cell a finding names, when it has a row (a narrative TextRef or a malformed cell text has none)."""
    ref = f.ref
    return ref if isinstance(ref, CellRef) and _row_of(ref.cell) is not None else None


@functools.lru_cache(maxsize=8192)
def _row_of(cell: str) -> int | None:
    """The row of a cell text's first cell, None when it names no row (parsed once per text: findings share cells)."""
    try:
        return parse_a1(cell.split(":", 1)[0])[0]
    except ValueError:
        return None


def sheet_prefix(sheet: str) -> str:
    """A link location's sheet part, quoted as Excel quotes it: 'Sheet''s name'! (an apostrophe doubled)."""
    return "'" + sheet.replace("'", "''") + "'!"


def _link_formula(sheet: str, cell: str, display: str | None) -> str:
    target = "#" + sheet_prefix(sheet) + cell
    return f'=HYPERLINK("{target.replace(chr(34), chr(34) * 2)}","{(display or cell).replace(chr(34), chr(34) * 2)}")'


def drop_result_sheet(book, raw: dict[str, list[list[Any]]]) -> None:
    for sheet in list(book.sheets):
        if is_own_result_sheet(sheet.name, raw.get(sheet.name, [])):
            sheet.delete()


def write_result_sheet(book, rows: list[list[Any]], severities: Sequence[Severity] = ()):
    name = RESULT_SHEET
    existing = {s.name for s in book.sheets}
    n = 2
    while name in existing:  # a user's own sheet of that name: keep it, use another name
        name = f"{RESULT_SHEET}({n})"
        n += 1
    sheet = book.sheets.add(name=name, after=book.sheets[len(book.sheets) - 1])
    sheet.range("A1").value = rows
    try:
        sheet.range("A1").font.bold = True
        sheet.range((_HEADER_ROW, 1), (_HEADER_ROW, len(RESULT_HEADER))).color = "#D9D9D9"
        for i, sev in enumerate(severities, _HEADER_ROW + 1):  # 级别 cell coloured as in the annotated copy
            sheet.range((i, 2)).color = "#" + SEVERITY_FILL[sev]
    except Exception:  # formatting is a nicety
        pass
    return sheet
