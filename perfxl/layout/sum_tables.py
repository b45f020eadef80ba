"""Tables of a 部门预算/决算 publication read for their own sums only (issues 11 and 12): perfxl holds how their lines
add up, nothing else of them (no narrative figure is paired with them yet).

* A 功能分类表 (一般公共预算支出功能分类预算表, 一般公共预算财政拨款支出决算表, 财政拨款支出表 …): 功能分类科目编码 (one column of
  3/5/7-digit codes, or three columns 类 │ 款 │ 项) │ 科目名称 │ amount columns (合计 │ 基本支出 │ 项目支出, maybe under 上年 │
  本年 │ 增减). Its sums: each line's 合计 = 基本支出 + 项目支出; in every amount column a 类 = its 款, a 款 = its 项 (by the codes'
  prefixes: 201 ⊃ 20101 ⊃ 2010101), and the 合计 line = its 类. The codes state every relation: certain.
* A 收支总表 (财务收支预算总表, 收入支出决算总表 …): 收入 │ 金额 │ 支出 │ 金额 in two halves. In each half the 本年收入合计 (本年支出
  合计) is the sum of the lines above it, the 总计 is that 合计 plus the lines between them (上年结转, 年末结转和结余 …) — or,
  with no 本年 line, the sum of every line above it; the two halves' 总计 are equal. Only a half's top lines count (一、二、 …,
  or unnumbered ones): numbered lines under them ("1. 一般公共预算资金") and 其中 lines are their parts, not more lines.

Both are found by their header labels; a table they do not fit is left to the other readers.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from perfxl.patterns import lazy_compile

from ..grid import Grid
from ..model import CellValue, SumLine, SumTable, TableSum
from ..numbers import to_decimal
from ..units import money_unit_in
from . import headers as H
from .cells import own, own_cell
from .three_public import STAGELESS_NOTE, read_three_public_sums

__all__ = ["read_sum_table", "FUNCTIONAL_NOTE", "TOTALS_NOTE"]

FUNCTIONAL_NOTE = (
    "读作支出功能分类表（按科目编码核对：各行合计 = 基本支出 + 项目支出，类 = 其下各款之和，款 = 其下各项之和，合计 = 各类之和）",
    "read as a functional-classification spending table (by the codes: each line's 合计 = 基本支出 + 项目支出, a 类 = "
    "its 款, a 款 = its 项, the 合计 line = the 类)",
)
TOTALS_NOTE = (
    "读作收支总表（核对：本年收入合计、本年支出合计 = 其上各行之和，总计 = 本年合计加其间各行，收入总计 = 支出总计）",
    "read as a revenue and expenditure summary table (本年收入/支出合计 = the lines above them, 总计 = 本年合计 and the "
    "lines between, 收入总计 = 支出总计)",
)

#: how far down a header may reach (a title, a unit line, three header rows)
_HEADER_REACH = 8
#: An amount column that is no money line: a rate, a share (增减率, 占比) — not additive.
_RATE = lazy_compile(r"率|[%％]|幅度|占比|比重")
_DIGITS = lazy_compile(r"\d+")
#: A code as printed: digits, maybe spaced ("201 01 01") or bracketed ("[201]").
_CODE = lazy_compile(r"[\[［【(（]?\s*(\d[\d\s]*)\s*[\]］】)）]?")
_TOTAL_NAMES = frozenset({"合计", "总计", "支出合计", "合计数", "本年合计", "支出总计"})


def read_sum_table(grid: Grid) -> tuple[SumTable, list[tuple[int, str]], tuple[str, str]] | None:
    """The table on `grid` as a SumTable (with its coverage marks and note), when it is a 功能分类表 or a 收支总表."""
    if grid.n_rows < 3 or grid.n_cols < 3:
        return None
    found = _functional(grid) or _totals(grid)
    if found is not None:
        table, marks, note = found
        # a sum with a figure with its own unit is not held: "329.66万元" in a table of 元 is 3,296,600 — the sum holds
        # one way only ("(1.00)" is −1.00 in these tables: `Context.number`, gaps18)
        kept = tuple(s for s in table.sums if not any(_unsure(c.raw) for c in (s.total, *s.parts)))
        return (table if len(kept) == len(table.sums) else replace(table, sums=kept)), marks, note
    stageless = read_three_public_sums(grid)
    if stageless is None:
        return None
    return stageless, [(r, "three_public") for r in range(grid.n_rows)], STAGELESS_NOTE


# ---------------------------------------------------------------- 功能分类表


def _unsure(raw: object) -> bool:
    """A figure whose unit the sum cannot take as printed: "329.66万元" (`_UNSURE`)."""
    return isinstance(raw, str) and "元" in raw and _UNSURE.fullmatch(raw) is not None


def _label(grid: Grid, r: int, c: int) -> str:
    value = grid.filled(r, c)
    return H.normalise_label(value) if isinstance(value, str) and value.strip() else ""


def _header_paths(grid: Grid, rows: range) -> list[list[str]]:
    """Each column's header labels top to bottom (merged cells filled), repeats dropped."""
    paths: list[list[str]] = []
    for c in range(grid.n_cols):
        path: list[str] = []
        for r in rows:
            text = _label(grid, r, c)
            if text and text not in path:
                path.append(text)
        paths.append(path)
    return paths


def _code_of(value: object) -> str | None:
    """The digits of a printed code ("201", "2013901", "201 39 01"), or None for anything else."""
    if value is None:
        return ""
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        if value != int(value) or value < 0:
            return None
        value = int(value)  # a code stored as a number (201.0 in a spreadsheet)
    text = str(value).strip()
    if not text:
        return ""
    m = _CODE.fullmatch(text)
    return re.sub(r"\s", "", m.group(1)) if m else None


def _functional(grid: Grid) -> tuple[SumTable, list[tuple[int, str]], tuple[str, str]] | None:
    top = next(
        (
            r
            for r in range(min(grid.n_rows, _HEADER_REACH))
            if any("编码" in t or "科目代码" in t for t in (_label(grid, r, c) for c in range(grid.n_cols)))
        ),
        None,
    )
    if top is None:
        return _indented(grid)
    # the header ends at the first line with a code (3, 5 or 7 digits) and a name beside it
    start = None
    for r in range(top + 1, min(grid.n_rows, top + _HEADER_REACH)):
        first = own(grid, r, 0)
        code = _code_of(first)
        if code and len(code) in (3, 5, 7):
            start = r
            break
    if start is None:
        return None
    for r in range(top + 1, start):  # a 合计 line printed first, right under the header (决算 tables)
        if any(_own_label(grid, r, c) in _TOTAL_NAMES for c in range(grid.n_cols)) and any(
            _number(own(grid, r, c)) for c in range(grid.n_cols)
        ):
            start = r
            break
    paths = _header_paths(grid, range(start))
    _glued_labels(grid, start, paths)
    code_cols = [
        c for c, p in enumerate(paths) if any("编码" in t or "代码" in t or t in ("类", "款", "项") for t in p)
    ]
    name_col = next((c for c, p in enumerate(paths) if any("名称" in t for t in p) and c not in code_cols), None)
    if not code_cols or name_col is None or code_cols != list(range(code_cols[0], code_cols[-1] + 1)):
        return None
    # 类 │ 款 │ 项 under the code columns — or in the first line's own code cells, where a PDF's table glued the header's
    # 类 │ 款 │ 项 row to the 合计 line printed first (上海普陀 财政局 2024 决算's 收入决算表: "类 │ 款 │ 项 │ 合计 │ 2,946.25 …")
    glued = len(code_cols) == 3 and [_own_label(grid, start, c) for c in code_cols] == ["类", "款", "项"]
    if len(code_cols) == 3 and [p[-1] for p in (paths[c] for c in code_cols)] != ["类", "款", "项"] and not glued:
        return None
    if len(code_cols) not in (1, 3) or code_cols[0] != 0:
        return None
    amount_cols = [
        c for c in range(name_col + 1, grid.n_cols) if paths[c] and not any(_RATE.search(t) for t in paths[c])
    ]
    if not amount_cols:
        return None
    lines: list[tuple[int, str, int]] = []  # (row, code, level 1–3; 0 the 合计 line)
    unread: list[int] = []
    last_class = last_kuan = ""
    for r in range(start, grid.n_rows):
        figures = any(_number(own(grid, r, c)) for c in amount_cols)
        name = H.normalise_label(own(grid, r, name_col) or "")
        if any(_own_label(grid, r, c) in _TOTAL_NAMES for c in range(name_col)):
            lines.append((r, "", 0))  # "合计" merged across the code and name columns (a PDF's table)
            continue
        if len(code_cols) == 3:
            parts = [_code_of(grid.filled(r, c)) if not (glued and r == start) else "" for c in code_cols]
            if None in parts:
                unread.append(r)
                continue
            if not parts[1] and parts[2] and last_kuan:
                parts[1] = last_kuan  # a 项 printed without its 款 (it stands on the 款's line above)
            if not parts[0] and parts[1] and last_class:
                parts[0] = last_class  # 款 │ 项 printed without their 类 (it stands on the 类's line above)
            code = "".join(p or "" for p in parts)
            level = sum(1 for p in parts if p)
            lengths_ok = [len(p or "") for p in parts[:level]] == [3, 2, 2][:level] and all(parts[:level])
            if level and not lengths_ok:
                unread.append(r)
                continue
            if level == 1:
                last_class, last_kuan = parts[0] or "", ""
            elif level == 2:
                last_kuan = parts[1] or ""
        else:
            code = _code_of(own(grid, r, 0)) or ""
            level = {3: 1, 5: 2, 7: 3}.get(len(code), -1) if code else 0
            if level < 0:
                unread.append(r)
                continue
        if level == 0:
            if name in _TOTAL_NAMES or H.strip_numbering(name) in _TOTAL_NAMES:
                lines.append((r, "", 0))
            elif figures:
                unread.append(r)
            continue
        lines.append((r, code, level))
    coded = [line for line in lines if line[2]]
    if len(coded) < 2:
        return None
    return _functional_sums(grid, paths, code_cols, name_col, amount_cols, lines, unread, start)


def _glued_labels(grid: Grid, start: int, paths: list[list[str]]) -> None:
    """A 合计 line printed first whose cells under one header group hold that group's column labels instead of figures
    ("合计 │ │ │ 105.00 │ 合计 │ 基本支出 │ 项目支出" under "本年收入 │ 本年支出": a PDF's table glued the header's last row to the
    line, 宜川路 2025's 政府性基金 table): those labels end their columns' header paths. Only labels the header's own words
    name as column labels (合计/小计, 基本支出, 项目支出) — never a figure, never the line's own name."""
    if not any(_own_label(grid, start, c) in _TOTAL_NAMES for c in range(min(2, grid.n_cols))):
        return
    for c in range(2, grid.n_cols):
        label = _own_label(grid, start, c)
        if label in _GLUED_COLUMNS and paths[c] and label not in paths[c] and not _number(own(grid, start, c)):
            paths[c].append(label)


#: The column labels a 功能分类表's header prints under a group (本年支出 → 合计 │ 基本支出 │ 项目支出).
_GLUED_COLUMNS = frozenset({"合计", "小计", "基本支出", "项目支出"})


def _number(value: object) -> bool:
    return value is not None and not isinstance(value, bool) and to_decimal(value) is not None


def _column_name(paths: list[list[str]], c: int, groups: int) -> str:
    """A column's name for messages: its last header label, with the group over it when the table has several."""
    path = [t for t in paths[c] if t not in ("项目", "金额")]
    if not path:
        return ""
    return "".join(path[-2:]) if groups > 1 and len(path) >= 2 else path[-1]


def _functional_sums(
    grid: Grid,
    paths: list[list[str]],
    code_cols: list[int],
    name_col: int,
    amount_cols: list[int],
    lines: list[tuple[int, str, int]],
    unread: list[int],
    start: int,
    guess: str = "",
) -> tuple[SumTable, list[tuple[int, str]], tuple[str, str]]:
    """The sums of a 功能分类表 whose lines are (row, code, level); `guess` (lines placed by their indentation, their
    codes made up from it) is what the 类/款/项 sums rest on — the row sums (合计 = 基本 + 项目) rest on the columns."""
    totals = [c for c in amount_cols if paths[c][-1] in ("合计", "小计") or _SUBTOTAL.match(paths[c][-1])]
    sums: list[TableSum] = []

    def row_name(r: int, code: str) -> str:
        name = str(own(grid, r, name_col) or "").strip()
        if not code_cols:
            return name
        if len(code_cols) == 3:
            shown = " ".join(str(grid.filled(r, c)).strip() for c in code_cols if _code_of(grid.filled(r, c)))
        else:
            shown = code
        return f"{shown} {name}".strip()

    # each line's 合计 = the columns right of it before the next 合计, when each names a kind of spending or revenue (基本
    # 支出 │ 项目支出 │ 上缴上级支出 …, 财政拨款收入 │ 上级补助收入 │ … │ 其他收入): a 其中 column, a change (增减额), a rate
    # or any other column among them — no row sum is read then
    for i, c in enumerate(totals):
        stop = totals[i + 1] if i + 1 < len(totals) else grid.n_cols
        group = [x for x in range(c + 1, stop) if paths[x] and x in amount_cols]  # a rate column beside: no part
        names = [paths[x][-1] for x in group]
        if len(group) < 2 or not all(_PART_COLUMN.search(n) and not _NOT_PART.search(n) for n in names):
            continue
        column = _column_name(paths, c, len(totals))
        what = " + ".join(_column_name(paths, x, len(totals)) for x in group)
        for r, code, _ in lines:
            total = own_cell(grid, r, c)
            parts = tuple(own_cell(grid, r, x) for x in group)
            if all(cell.raw is None for cell in (total, *parts)):
                continue
            sums.append(TableSum(total, parts, row_name(r, code) if code else "合计", column, what, " + ".join(names)))
    # in every amount column: a 类 = its 款, a 款 = its 项; the 合计 line = the 类 (not when a line of figures was not read)
    coded = [(code, level) for _, code, level in lines if level]
    # a table with no 合计 line may be cut across pages: the lines the last line stands under may go on over the page
    cut = set() if any(level == 0 for _, _, level in lines) or not coded else _ancestors(coded[-1][0], coded)
    # … and so may one whose 合计 is printed first when its page ends with it and the next page opens with figures of a
    # table the PDF reader did not join to it (`Grid.cut_below`): the 合计's 类 and the lines the last line stands under
    # may go on there — their sums a guess (警告), certain only when the lines shown already exceed them
    over_page = set()
    if grid.cut_below and coded and lines[0][2] == 0 and lines[-1][2] != 0:
        over_page = {lines[0][1], *_ancestors(coded[-1][0], coded)}
    if not unread:
        for index, (r, code, level) in enumerate(lines):
            children: list[int] = []
            if level == 0:
                children = [row for row, _, lv in lines if lv == 1]
                if index not in (0, len(lines) - 1) or any(lv == 0 for _, _, lv in lines[:index] + lines[index + 1 :]):
                    children = []  # a 合计 line inside the table (a page's subtotal?): not read as the whole's
                if index and coded and coded[0][1] != 1:
                    children = []  # the table starts inside a 类 (a page's continuation): its first 类 is elsewhere
            else:
                for row, sub, lv in lines[index + 1 :]:
                    if lv == 0 or lv <= level or not sub.startswith(code):
                        break
                    if lv == level + 1:
                        children.append(row)
                following = [
                    sub for _, sub, lv in lines[index + 1 :] if lv > level and sub.startswith(code)
                ]  # every line under it must stand under one of its children
                if children and any(not any(s.startswith(_code_at(lines, ch)) for ch in children) for s in following):
                    children = []
            if not children:
                continue
            for c in amount_cols:
                total = own_cell(grid, r, c)
                cells = tuple(own_cell(grid, ch, c) for ch in children)
                if total.raw is None and all(p.raw is None for p in cells):
                    continue
                what = {0: "各类之和", 1: "其下各款之和", 2: "其下各项之和"}[level]
                if code in cut and not _overshoots(grid, r, children, c):
                    continue  # its lines may go on over the page: held only when those shown exceed it already
                cut_guess = CUT_GUESS if code in over_page and not _overshoots(grid, r, children, c) else ""
                what_en = {0: "the sum of its 类", 1: "the sum of its 款", 2: "the sum of its 项"}[level]
                sums.append(
                    TableSum(
                        total,
                        cells,
                        row_name(r, code) if code else "合计",
                        _column_name(paths, c, len(totals)),
                        what,
                        what_en,
                        "；".join(g for g in (guess, cut_guess) if g),
                    )
                )
    marks = [(r, "header") for r in range(start)]
    line_rows = {r for r, _, _ in lines}
    marks += [(r, "amount" if r in line_rows else "unread") for r in range(start, grid.n_rows)]
    name = H.normalise_label(grid.caption_above.splitlines()[0]) if grid.caption_above.strip() else ""
    # its lines for the narrative (perfxl.document.table_lines): only a table with printed codes — lines placed by
    # their indentation (`guess`) name no 类/款/项 a narrative could be held to
    named = tuple(
        SumLine(
            H.normalise_label(own(grid, r, name_col) or "") if level else "合计",
            code,
            level,
            "",
            tuple((tuple(paths[c]), own_cell(grid, r, c)) for c in amount_cols),
        )
        for r, code, level in lines
        if not guess
    )
    table = SumTable(
        grid.name, "functional", _table_name(name, "支出功能分类表"), tuple(sums), named, _table_unit(grid, start)
    )
    return table, marks, FUNCTIONAL_NOTE


def _table_unit(grid: Grid, start: int) -> str | None:
    """The money unit a table prints over its lines (a title row "单位：元", a header "金额（万元）") or on the line above
    it (`Grid.unit_above`); None when none."""
    for r in range(start):
        for c in range(grid.n_cols):
            value = own(grid, r, c)
            if isinstance(value, str) and (unit := money_unit_in(value)):
                return unit
    return H.unit_above(grid) or None


#: A column that is a part of the line's 合计: a kind of spending or revenue (基本支出, 上缴上级支出, 财政拨款收入, 其他收入).
_PART_COLUMN = lazy_compile(r"(?:支出|收入)$")
#: … but not a 其中 column, a change or last year's (增减, 上年…).
_NOT_PART = lazy_compile(r"^其中|增减|增加|减少|变动|差额|上年|结转|结余")


#: A figure with its own money unit ("329.66万元" in a table of 元): the table's unit is not read, the two may differ.
_UNSURE = lazy_compile(r"\s*[-−]?[\d,]+(?:\.\d+)?\s*(?:千|万|亿)?元\s*")

#: Why a sum of a table cut at its page's end is a guess (`Grid.cut_below`).
CUT_GUESS = "表格可能跨页被截断：本页止于该表最后一行，下一页开头是未与之相连、没有表头的表格行，其下各行可能在下一页继续（推测）"

#: The guess a 功能分类表 without codes rests on (`_indented`).
INDENT_GUESS = "表中没有科目编码，各行的类、款、项层级按科目名称的缩进判断（推测）"
#: Leading blanks of a name: a full-width space counts as two.
_LEAD = lazy_compile(r"^[ \u3000\t]+")


def _indented(grid: Grid) -> tuple[SumTable, list[tuple[int, str]], tuple[str, str]] | None:
    """A 功能分类表 printed without codes (科目名称 │ 合计 │ 基本支出 │ 项目支出): each line's 合计 = 基本 + 项目 stands on the
    columns; the 类/款/项 sums only on the names' indentation — a guess (`INDENT_GUESS`, 警告 at most). None unless a
    header names 科目 and has a 合计 │ 基本支出 │ 项目支出 group."""
    header = None
    for r in range(min(grid.n_rows, _HEADER_REACH)):
        labels = [_label(grid, r, c) for c in range(grid.n_cols)]
        if "基本支出" in labels and "项目支出" in labels and any("科目" in t for t in labels):
            header = r
            break
    if header is None:
        return None
    start = header + 1
    paths = _header_paths(grid, range(start))
    name_col = next((c for c, p in enumerate(paths) if any("科目" in t for t in p)), None)
    if name_col is None:
        return None
    amount_cols = [
        c for c in range(name_col + 1, grid.n_cols) if paths[c] and not any(_RATE.search(t) for t in paths[c])
    ]
    widths: dict[int, int] = {}
    lines: list[tuple[int, str, int]] = []
    unread: list[int] = []
    for r in range(start, grid.n_rows):
        raw = own(grid, r, name_col)
        name = H.normalise_label(raw or "")
        figures = any(_number(own(grid, r, c)) for c in amount_cols)
        if not name:
            if figures:
                unread.append(r)
            continue
        if name in _TOTAL_NAMES or H.strip_numbering(name) in _TOTAL_NAMES:
            lines.append((r, "", 0))
            continue
        lead = _LEAD.match(str(raw))
        widths[r] = len(lead.group().replace("\u3000", "  ")) if lead else 0
        lines.append((r, "", -1))
    levels = sorted(set(widths.values()))
    if len(widths) < 2 or len(levels) > 3:
        return None
    if len(levels) == 1:  # no indentation: which line stands under which, nothing says — the row sums only
        leaves = [(r, f"{i:07d}" if level else "", 3 if level else 0) for i, (r, _, level) in enumerate(lines)]
        return _functional_sums(grid, paths, [], name_col, amount_cols, leaves, unread, start, INDENT_GUESS)
    counters = [0, 0, 0]
    coded: list[tuple[int, str, int]] = []
    for r, _, level in lines:
        if level == 0:
            coded.append((r, "", 0))
            continue
        depth = levels.index(widths[r])
        counters[depth] += 1
        for deeper in range(depth + 1, 3):
            counters[deeper] = 0
        if depth and not counters[depth - 1]:
            return None  # an indented line before any line it could stand under
        code = "".join(f"{n:03d}" for n in counters[: depth + 1])
        coded.append((r, code, depth + 1))
    return _functional_sums(grid, paths, [], name_col, amount_cols, coded, unread, start, INDENT_GUESS)


def _overshoots(grid: Grid, r: int, children: list[int], c: int) -> bool:
    """Whether the lines shown already add up to more than their total in column c (all figures ≥ 0): more lines over
    the page cannot mend that."""
    figures: list[Decimal] = []
    for row in (r, *children):
        value = own(grid, row, c)
        figure = to_decimal(value) if value is not None and str(value).strip() else Decimal(0)
        if figure is None or figure < 0:
            return False
        figures.append(figure)
    return sum(figures[1:], Decimal(0)) > figures[0]


def _ancestors(last: str, coded: list[tuple[str, int]]) -> set[str]:
    """The codes of the lines `last` stands under (its 类 and 款)."""
    return {code for code, _ in coded if code != last and last.startswith(code)}


def _code_at(lines: list[tuple[int, str, int]], row: int) -> str:
    return next(code for r, code, _ in lines if r == row)


def _table_name(caption: str, default: str) -> str:
    """The table's title from its caption line when it names a 表 ("2025年部门一般公共预算支出功能分类预算表"), else `default`."""
    return caption if caption.endswith("表") and len(caption) <= 40 else default


# ---------------------------------------------------------------- 收支总表

#: A numbering of a half's top lines ("一、财政拨款收入"), of its second level ("（一）…"), of its third ("1. …").
_NUMBERED = (
    lazy_compile(r"^\s*[一二三四五六七八九十]{1,3}\s*[、.．]"),
    lazy_compile(r"^\s*[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]"),
    lazy_compile(r"^\s*\d{1,2}\s*[、.．)）]"),
)
#: The guess a 收支总表's unnumbered lines rest on (`_half`).
UNNUMBERED_GUESS = (
    "收支总表中各行未编号，哪些行是上一行的组成部分（如“一般公共预算资金”之于“财政拨款收入”）无法确定（推测）"
)
_SUBTOTAL = lazy_compile(r"^(?:本年)?(?:收入|支出)?合计$")
_GRAND = lazy_compile(r"^(?:收入|支出)?总计$")
#: The next line's name a PDF's table glued to a 本年合计 ("本年收入合计使用非财政拨款结余（含专用结余）", "本年支出合计结余
#: 分配"): its own figure is the 本年合计's (the glued line's, when it has one, would make the cell no figure — not read).
_GLUED = lazy_compile(
    r"(?<=合计)(?:使用非财政拨款结余.*|结余分配.*|用事业基金弥补收支差额.*|年初结转和结余.*|年末结转和结余.*)$"
)


def _rank(text: str) -> int:
    """The numbering level of a line (0 for 一、, 1 for （一）, 2 for 1.), 3 for none."""
    return next((i for i, pattern in enumerate(_NUMBERED) if pattern.match(text)), 3)


def _totals(grid: Grid) -> tuple[SumTable, list[tuple[int, str]], tuple[str, str]] | None:
    head = None
    for r in range(min(grid.n_rows, 4)):
        income = next((c for c in range(grid.n_cols) if "收入" in _own_label(grid, r, c)), None)
        spending = next(
            (
                c
                for c in range(grid.n_cols)
                if "支出" in _own_label(grid, r, c) and income is not None and c > income + 1
            ),
            None,
        )
        if income is not None and spending is not None:
            head = (r, income, spending)
            break
    if head is None:
        return None
    r0, a, b = head
    halves = [(a, list(range(a + 1, b)), "收入"), (b, list(range(b + 1, grid.n_cols)), "支出")]
    sums: list[TableSum] = []
    named: list[SumLine] = []
    grands: list[tuple[int, list[CellValue]]] = []
    line_rows: set[int] = set()
    start = None
    for label_col, cols, side in halves:
        found = _half(grid, r0 + 1, label_col, cols, side)
        if found is None:
            return None
        half_sums, grand, rows, first, half_lines = found
        sums += half_sums
        named += half_lines
        line_rows |= rows
        start = first if start is None else min(start, first)
        if grand is not None:
            grands.append((grand, [own_cell(grid, grand, c) for c in cols if _has_figures(grid, c, rows)]))
    if not sums or start is None:
        return None
    if len(grands) == 2 and len(grands[0][1]) == 1 and len(grands[1][1]) == 1:
        (_, [income_total]), (rs, [spending_total]) = grands
        sums.append(
            TableSum(
                spending_total,
                (income_total,),
                str(own(grid, rs, b) or "支出总计").strip(),
                "",
                f"收入总计（{income_total.a1()}）",
                "the revenue total",
            )
        )
    marks = [(r, "header") for r in range(start)]
    marks += [(r, "amount" if r in line_rows else "blank") for r in range(start, grid.n_rows)]
    name = H.normalise_label(grid.caption_above.splitlines()[0]) if grid.caption_above.strip() else ""
    table = SumTable(
        grid.name, "totals", _table_name(name, "收支总表"), tuple(sums), tuple(named), _table_unit(grid, start)
    )
    return table, marks, TOTALS_NOTE


def _own_label(grid: Grid, r: int, c: int) -> str:
    value = own(grid, r, c)
    return H.normalise_label(value) if isinstance(value, str) else ""


def _has_figures(grid: Grid, c: int, rows: set[int]) -> bool:
    return any(_number(own(grid, r, c)) for r in rows)


def _half(
    grid: Grid, first_row: int, label_col: int, cols: list[int], side: str
) -> tuple[list[TableSum], int | None, set[int], int, list[SumLine]] | None:
    """One half's sums: (sums, the 总计 row, the rows read, the first line's row, its lines with their amounts), or None
    when it is no 收支总表's half."""
    lines: list[tuple[int, str, int]] = []  # (row, normalised label, rank)
    subtotal = grand = None
    start = None
    for r in range(first_row, grid.n_rows):
        raw = own(grid, r, label_col)
        text = str(raw).strip() if isinstance(raw, str) else ""
        label = H.normalise_label(text)
        figures = any(_number(own(grid, r, c)) for c in cols)
        if not label:
            if figures:
                return None  # a figure with no line name: not read
            continue
        if start is None:
            if label in ("项目", "金额") or (any(w in label for w in ("预算数", "决算数")) and not figures):
                continue  # the second header row (项目 │ 预算数)
            start = r
        if _SUBTOTAL.match(_GLUED.sub("", label)) and subtotal is None and grand is None:
            subtotal = r
        elif _GRAND.match(label) and grand is None:
            grand = r
        elif grand is None:
            rank = _rank(text)
            if rank == 3:  # unnumbered: its indentation is its rank (a full-width blank counts as two)
                lead = _LEAD.match(str(raw))
                rank += len(lead.group().replace("\u3000", "  ")) if lead else 0
            lines.append((r, label, rank))
    if start is None or (subtotal is None and grand is None):
        return None
    amount_cols = [c for c in cols if not any(_RATE.search(_label(grid, rr, c)) for rr in range(start))]
    if not amount_cols:
        return None
    sums: list[TableSum] = []
    rows = {r for r, _, _ in lines} | {r for r in (subtotal, grand) if r is not None}

    def top(between: list[tuple[int, str, int]]) -> list[int] | None:
        """The half's top lines among `between` (其中 lines and the numbered lines under them left out)."""
        kept = [(r, label, rank) for r, label, rank in between if not label.startswith("其中")]
        if not kept:
            return []
        best = min(rank for _, _, rank in kept)
        if best < 3 and any(rank >= 3 for _, _, rank in kept):
            return None  # numbered lines beside unnumbered ones: which are the top lines, the numbering does not say
        return [r for r, _, rank in kept if rank == best]

    def guess(between: list[tuple[int, str, int]]) -> str:
        """Why the top lines among `between` are a guess: unnumbered, a line may be a part of the one above it."""
        kept = [rank for _, label, rank in between if not label.startswith("其中")]
        return UNNUMBERED_GUESS if kept and min(kept) >= 3 else ""

    above = [line for line in lines if subtotal is None or line[0] < subtotal]
    between = [line for line in lines if subtotal is not None and line[0] > subtotal]
    relations: list[tuple[int, list[int], str, str, str]] = []
    if subtotal is not None:
        parts = top(above)
        if parts:
            relations.append((subtotal, parts, f"其上各{side}项目之和", f"the {side} lines above it", guess(above)))
    if grand is not None:
        if subtotal is not None:
            rest = top(between)
            if rest is not None:
                relations.append(
                    (
                        grand,
                        [subtotal, *rest],
                        "本年合计加其间各行" if rest else "本年合计",
                        "本年合计 and the lines between",
                        "",  # the few standard lines (上年结转, 年末结转和结余 …), their parts indented or 其中
                    )
                )
        else:
            parts = top(above)
            if parts:
                relations.append((grand, parts, f"其上各{side}项目之和", f"the {side} lines above it", guess(above)))
    for total_row, part_rows, what, what_en, why in relations:
        for c in amount_cols:
            total = own_cell(grid, total_row, c)
            parts_cells = tuple(own_cell(grid, r, c) for r in part_rows)
            if total.raw is None and all(p.raw is None for p in parts_cells):
                continue
            column = next((t for t in reversed(_header_path(grid, c, start)) if t not in ("项目",)), "")
            sums.append(
                TableSum(total, parts_cells, str(own(grid, total_row, label_col)).strip(), column, what, what_en, why)
            )
    paths = {c: tuple(_header_path(grid, c, start)) for c in amount_cols}
    named = [
        SumLine(
            H.strip_numbering(H.normalise_label(own(grid, r, label_col) or "")),
            "",
            0 if r in (subtotal, grand) else 4 + rank,
            side,
            tuple((paths[c], own_cell(grid, r, c)) for c in amount_cols),
        )
        for r, _, rank in sorted([*lines, *((r, "", 0) for r in (subtotal, grand) if r is not None)])
    ]
    return sums, grand, rows, start, named


def _header_path(grid: Grid, c: int, stop: int) -> list[str]:
    path: list[str] = []
    for r in range(stop):
        text = _label(grid, r, c)
        if text and text not in path:
            path.append(text)
    return path
