"""A sheet as data before any file library sees it: cells (value or formula + cached value, style),
merged ranges, dropdowns, widths. Layout code fills a `SheetPlan`; writer backends render it.
"""

from __future__ import annotations

from dataclasses import field
from decimal import Decimal
from typing import Any

from perfxl.model import a1
from perfxl.numbers import to_decimal
from perfxl.records import record

__all__ = ["CellSpec", "Validation", "SheetPlan", "ERROR_CODES", "number_of"]

#: Excel error values a cached formula result may be.
ERROR_CODES = frozenset({"#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!"})


def number_of(value: Any) -> Decimal | None:
    """The number a cell holds as Excel sees it in SUM/N(): numbers only, never text or bool."""
    if isinstance(value, (bool, str)):
        return None
    return to_decimal(value)


@record()
class CellSpec:
    """One cell: `value` is the typed value, or the cached result when `formula` is set."""

    value: Any = None
    formula: str | None = None
    style: str = "text"


@record(frozen=True)
class Validation:
    """A list dropdown over a 0-based inclusive range."""

    first_row: int
    first_col: int
    last_row: int
    last_col: int
    choices: tuple[str, ...]
    strict: bool = False  # False: the list is offered, other input stays allowed
    prompt: str = ""


@record()
class SheetPlan:
    """Everything needed to write one worksheet, 0-based coordinates throughout."""

    name: str
    cells: dict[tuple[int, int], CellSpec] = field(default_factory=dict)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    widths: dict[int, float] = field(default_factory=dict)
    heights: dict[int, float] = field(default_factory=dict)
    validations: list[Validation] = field(default_factory=list)
    addresses: dict[str, tuple[int, int]] = field(default_factory=dict)
    repeat_rows: tuple[int, int] | None = None
    page_header: str = ""  # text printed centred at the top of every page (a title kept out of the cells)
    landscape: bool = True
    hidden_rows: set[int] = field(default_factory=set)  # rows hidden (as a filter hides them)
    hidden_cols: set[int] = field(default_factory=set)  # columns hidden

    def put(
        self,
        r: int,
        c: int,
        value: Any = None,
        *,
        formula: str | None = None,
        style: str = "text",
        path: str | None = None,
    ) -> None:
        """Set one cell; `path` records where a content element went."""
        self.cells[(r, c)] = CellSpec(value, formula, style)
        if path:
            self.addresses[path] = (r, c)

    def merge(
        self,
        r0: int,
        c0: int,
        r1: int,
        c1: int,
        value: Any = None,
        *,
        formula: str | None = None,
        style: str = "text",
        path: str | None = None,
    ) -> None:
        """Merge a range (when larger than one cell) and set its anchor; other cells get the style."""
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if (r, c) != (r0, c0):
                    self.cells[(r, c)] = CellSpec(None, None, style)
        self.put(r0, c0, value, formula=formula, style=style, path=path)
        if (r0, c0) != (r1, c1):
            self.merges.append((r0, c0, r1, c1))

    def frame(self, r0: int, c0: int, r1: int, c1: int, style: str = "text") -> None:
        """Give every still-unset cell of a block a (bordered) style, so the table looks whole."""
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                self.cells.setdefault((r, c), CellSpec(None, None, style))

    def number(self, r: int, c: int) -> Decimal | None:
        """The number a cell holds (typed or cached), as SUM would count it."""
        spec = self.cells.get((r, c))
        return None if spec is None else number_of(spec.value)

    def value(self, r: int, c: int) -> Any:
        spec = self.cells.get((r, c))
        return None if spec is None else spec.value

    @staticmethod
    def ref(r: int, c: int) -> str:
        return a1(r + 1, c + 1)

    @property
    def max_row(self) -> int:
        return max((r for r, _ in self.cells), default=-1)

    @property
    def max_col(self) -> int:
        return max((c for _, c in self.cells), default=-1)
