"""A `Grid` is one sheet's cached values and merged ranges, whatever source produced them.

Sources (calamine, openpyxl, an xlwings book, an Office.js payload) all become Grids, and the
layout detector works on Grids only, so it is tested with plain lists.
"""

from __future__ import annotations

import dataclasses
from dataclasses import field
from itertools import chain, product
from typing import Any

from .model import CellRef, CellValue, a1
from .patterns import INVISIBLE, lazy_compile
from .records import record

__all__ = ["Grid", "MergedRange", "INVISIBLE", "without_invisible"]

#: `patterns.INVISIBLE` dropped once, as the reader takes a sheet's cells (`without_invisible`), so every reading —
#: figures, head fields, labels, totals, units, directions — sees the text a person sees (probe23 zero_width: 8
#: findings lost while only `parse_value`/`to_decimal` dropped them).
_ANY_INVISIBLE = lazy_compile(f"[{INVISIBLE}]")
_DROP_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE))
_IS_STR = str.__instancecheck__

MergedRange = tuple[int, int, int, int]  # (first_row, first_col, last_row, last_col), 0-based, inclusive


@record()
class Grid:
    """One sheet: `rows[r][c]` (0-based) holds the cached value ("" and None both mean empty).

    `formulas` maps (r, c) → formula text ("=SUM(C5:C7)") for cells that have one, when the source
    knows; `uncached` lists formula cells that had no cached value (never to be read as 0);
    `errors` lists cells holding an Excel error value (their `rows` entry is the error text).
    """

    name: str
    rows: list[list[Any]]
    merged: tuple[MergedRange, ...] = ()
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)
    uncached: frozenset[tuple[int, int]] = frozenset()
    hidden: bool = False
    errors: dict[tuple[int, int], str] = field(default_factory=dict)  # (r, c) → "#DIV/0!": Excel error values
    # a report's table (.docx/.pdf): the paragraph right above it that states its money unit ("单位：万元"), which a
    # sheet prints in a row of its own; "" for a sheet (the layout reads it after any unit printed inside, docs14)
    unit_above: str = ""
    # the one year the caption right above a report's table names ("2020年度…决算表"), "" when none (review15)
    year_above: str = ""
    # the caption lines right above a report's table, joined ("一、2022年…“三公”经费支出预算表\n单位：万元"), for a
    # sheet the words its page header (页眉) prints, else "": a table stating no 预算/决算 in its cells is read by its
    # caption (real reports 19), a form with no title row by it (adv29)
    caption_above: str = ""
    # the caption and 编制单位 lines right above a report's table (`unit_above.scope_lines_above`), "" for a sheet: the
    # scope its caption prints (部门 / 本级 / 全区 …, `perfxl.printed_scope`, scope20)
    scope_above: str = ""
    # the note a report prints right below its table ("注：预算数为全年预算数，包括年初预算和年中追加",
    # `unit_above.note_below`), "" for a sheet (its notes are rows of its grid) or when none: what its 预算 column's
    # stage is, as a sheet's note row says it (notes21)
    note_below: str = ""
    # a report PDF's table ending at the foot of its page, the next page opening with a table not joined to it whose
    # first row already holds figures (no header of its own): its rows may go on there (gaps18); False for a sheet
    cut_below: bool = False
    # an .xlsx sheet's hidden rows (filtered or hidden by hand: still read), hidden columns (a helper column's own
    # cells emptied before reading, their values then in `hidden_values`: `layout.hidden_cells`) and its cells typed
    # with a leading apostrophe (quotePrefix), 0-based (`perfxl.io.sheet_flags`, read29); empty for every other source
    hidden_rows: frozenset[int] = frozenset()
    hidden_cols: frozenset[int] = frozenset()
    quoted: frozenset[tuple[int, int]] = frozenset()
    hidden_values: dict[tuple[int, int], Any] = field(default_factory=dict)
    # why what a sheet's cells show (number formats, hidden rows/columns, apostrophes) was not read where its source has
    # them — an .xls xlrd could not parse, an .xlsx whose xl/styles.xml does not parse (read31) —; "" when read or n/a
    formats_unread: str = ""

    def __post_init__(self) -> None:
        # every cell of every merged range → its range's top-left; a later range wins a cell two ranges share.
        # `product` makes the (r, c) keys in C and the anchor tuple is made once a range: a third fewer
        # instructions than two nested range loops (27,427 merged cells in a 10,000-row table, issue 14)
        anchor: dict[tuple[int, int], tuple[int, int]] = {}
        covered = 0  # the cells the ranges cover, an overlap counted twice (`layout.merges._overlaps`)
        for r0, c0, r1, c1 in self.merged:
            top_left = (r0, c0)
            rows, cols = range(r0, r1 + 1), range(c0, c1 + 1)
            for cell in product(rows, cols):
                anchor[cell] = top_left
            covered += len(rows) * len(cols)
        self._anchor = anchor
        self._covered = covered

    @property
    def n_rows(self) -> int:
        return len(self.rows)

    @property
    def n_cols(self) -> int:
        """The longest row's length. Told in C (`map`), not by a generator step a row: asked of every sheet by the
        reader's side-list cut, the spacer columns and the coverage (≈ 3 M instructions a call on a 10,000-row sheet
        by a generator, perf28r)."""
        return max(map(len, self.rows), default=0)

    def raw(self, r: int, c: int) -> Any:
        """The value at (r, c), 0-based; None outside the grid or when empty."""
        if 0 <= r < len(self.rows):
            row = self.rows[r]
            if 0 <= c < len(row):
                v = row[c]
                return None if v == "" else v
        return None

    def anchor_of(self, r: int, c: int) -> tuple[int, int]:
        """Top-left cell of the merged range holding (r, c), or (r, c) itself."""
        return self._anchor.get((r, c), (r, c))

    def is_merged(self, r: int, c: int) -> bool:
        return (r, c) in self._anchor

    def filled(self, r: int, c: int) -> Any:
        """The value at (r, c), taking a merged range's value from its anchor (forward fill)."""
        ar, ac = self.anchor_of(r, c)
        return self.raw(ar, ac)

    def ref(self, r: int, c: int) -> CellRef:
        """CellRef for 0-based (r, c); the anchor is set when the cell is inside a merged range."""
        anchor = None
        if (r, c) in self._anchor:
            ar, ac = self._anchor[(r, c)]
            anchor = a1(ar + 1, ac + 1)
        return CellRef(self.name, a1(r + 1, c + 1), anchor)

    def cell(self, r: int, c: int, *, fill_merged: bool = False) -> CellValue:
        """CellValue at (r, c). With `fill_merged`, a merged cell reports its anchor's value and ref."""
        if fill_merged:
            r, c = self.anchor_of(r, c)
        return CellValue(self.raw(r, c), self.name, r, c, self._anchor.get((r, c)), self.formulas.get((r, c)))


#: The texts a report's table carries besides its cells (a caption, the unit above it, the note below it).
_GRID_TEXTS = ("unit_above", "year_above", "caption_above", "scope_above", "note_below")


def _clean(value: Any) -> Any:
    return value.translate(_DROP_INVISIBLE) if value.__class__ is str and _ANY_INVISIBLE.search(value) else value


def without_invisible(grid: Grid) -> Grid:
    """`grid` with every `INVISIBLE` character dropped from its cells' text (and its caption texts); `grid` itself
    when none holds one — nearly every sheet. That is told in C, no Python step a cell: the sheet's non-empty texts
    joined (empty cells and numbers filtered out first: a third fewer type tests), then one `in` a character (a
    character-class regex over the joined text cost 17 M instructions more on the 10,000-row workbook). The whole test:
    ≈ 30 M of 7,800 M for `perfxl validate` of that workbook, docs/performance.md (zw23)."""
    texts = "\x00".join(filter(_IS_STR, filter(None, chain.from_iterable(grid.rows))))
    extra = "\x00".join(getattr(grid, name) for name in _GRID_TEXTS)
    if (texts.isascii() or not any(ch in texts for ch in INVISIBLE)) and not any(ch in extra for ch in INVISIBLE):
        return grid
    rows = [
        [_clean(v) for v in row] if any(_IS_STR(v) and _ANY_INVISIBLE.search(v) for v in row) else row
        for row in grid.rows
    ]
    captions = {name: _clean(getattr(grid, name)) for name in _GRID_TEXTS}
    return dataclasses.replace(grid, rows=rows, **captions)
