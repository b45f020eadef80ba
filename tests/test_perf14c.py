"""Session 14's shortcut in C01/C02's walk of a table's cells (issue 14) gives the answer of the plain form it
replaces: each sheet cell once, its first occurrence naming it whatever it holds — kept by its A1 text, and by the
whole (sheet, cell, anchor) key only where an A1 text recurs (another sheet, another anchor, the same cell again)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal

from perfxl.model import CellRef, CellValue, Submission
from perfxl.profiles import load_profile
from perfxl.rules.cells import cells_of, text_cells
from perfxl.rules.context import Context


def _plain_text_cells(obj: object) -> tuple[tuple[str, CellValue], ...]:
    seen: set[tuple[str, str, str | None]] = set()
    out = []
    for name, cell in cells_of(obj):
        ref = cell.ref
        if ref is None:
            continue
        key = (ref.sheet, ref.cell, ref.anchor)
        if key not in seen:
            seen.add(key)
            if isinstance(cell.raw, str):
                out.append((name, cell))
    return tuple(out)


@dataclass(frozen=True)
class _Row:
    name: CellValue
    target: CellValue | None
    parts: tuple[CellValue, ...]
    note: str = ""


@dataclass(frozen=True)
class _Table:
    rows: tuple[_Row, ...]
    extra: dict[str, CellValue]
    title: CellValue | None


def _cell(rng: random.Random, kept: list[CellValue]) -> CellValue:
    if kept and rng.random() < 0.2:
        return rng.choice(kept)  # the same cell object met again (a merged 一级 label, a shared 二级)
    ref = None
    if rng.random() < 0.9:
        ref = CellRef(rng.choice(["表1", "表2"]), f"{rng.choice('AB')}{rng.randint(1, 6)}", rng.choice([None, "A1"]))
    cell = CellValue(rng.choice(["文本", " ", None, Decimal("1.5"), 3, "", "x\x1b"]), ref)
    kept.append(cell)
    return cell


def test_text_cells_as_the_plain_walk():
    rng = random.Random(1414)
    ctx = Context(Submission(path=""), load_profile(None))
    tables = []  # kept, so no table's id (the walk's cache key) is reused by the next
    for _ in range(3000):
        kept: list[CellValue] = []
        rows = tuple(
            _Row(
                _cell(rng, kept),
                _cell(rng, kept) if rng.random() < 0.7 else None,
                tuple(_cell(rng, kept) for _ in range(rng.randint(0, 3))),
            )
            for _ in range(rng.randint(0, 6))
        )
        table = _Table(rows, {"备注": _cell(rng, kept)}, _cell(rng, kept) if rng.random() < 0.5 else None)
        tables.append(table)
        assert text_cells(ctx, table) == _plain_text_cells(table)  # type: ignore[arg-type]
