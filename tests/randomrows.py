"""The perf tests' random tables and rows (one generator, shared by test_perf14c, test_perf16r and test_perf17c).

Each perf test holds a shortcut against its plain form on many random inputs: tables of cells that recur (the same
place on another row, the same cell object met again) for C01/C02's walk, and indicator rows of random 不适用 marker,
note and figure texts for T05's reading. The seeds stay with the tests; these build what a seed draws, in the same
order of draws as each module's own copy did, so every test meets the same inputs as before.
Also shared: C01/C02's walk in its plain form (`plain_text_cells`) and the two fresh contexts a shortcut and its plain
form are asked in (`two_contexts`).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from perfxl.model import CellRef, CellValue, Indicator
from perfxl.profiles import load_profile
from perfxl.reader import read_submission
from perfxl.rules.cells import cells_of
from perfxl.rules.context import Context

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"
_INFINITE = (float("inf"), float("-inf"))

#: 不适用 markers, notes that only look like one ("DNA检测") and ordinary figures, for T05's random rows.
NA_TEXTS = [
    "不适用",
    "本项不涉及",
    "N/A",
    "n/a（本年未发生）",
    "DNA检测",
    "100%（不适用人员已清退）",
    "不涉及违规使用资金",
    *("100%", "≥95%", "是", "", "  ", "/", "#N/A", "无此项", "未涉及", "不 适 用", "NA"),
]


def example_context() -> tuple[Context, Indicator]:
    """A context on the seed example's first table with indicators, and its first row with a weight."""
    profile = load_profile(None)
    sub = read_submission(EXAMPLE, profile)
    ev = next(e for e in sub.evaluations if e.indicators)
    ctx = Context(sub, profile)
    ctx.evaluation = ev
    return ctx, next(i for i in ev.indicators if i.weight.raw is not None)


@dataclass(frozen=True)
class Row:
    """A table row as the walk meets it: cells, an optional cell, a tuple of cells and a field that is no cell."""

    name: CellValue
    target: CellValue | None
    parts: tuple[CellValue, ...]
    note: str = ""


@dataclass(frozen=True)
class Table:
    """A table as the walk meets it: rows, a dict of cells, an optional cell and a loose list of cells."""

    rows: tuple[Row, ...]
    extra: dict[str, CellValue]
    title: CellValue | None
    loose: list[CellValue] = field(default_factory=list)


def random_cell(rng: random.Random, kept: list[CellValue], raws: Sequence[object]) -> CellValue:
    """A cell holding one of `raws` at a place of few (so places recur), or one of `kept` met again."""
    if kept and rng.random() < 0.2:
        return rng.choice(kept)  # the same cell object met again (a merged 一级 label, a shared 二级)
    ref = None
    if rng.random() < 0.9:
        ref = CellRef(rng.choice(["表1", "表2"]), f"{rng.choice('AB')}{rng.randint(1, 6)}", rng.choice([None, "A1"]))
    cell = CellValue.of(rng.choice(raws), ref)  # type: ignore[arg-type]
    kept.append(cell)
    return cell


def random_table(rng: random.Random, raws: Sequence[object], *, loose: bool = False) -> Table:
    """A table of up to six random rows, its cells drawn by `random_cell` (a loose list of cells too, if asked)."""
    kept: list[CellValue] = []
    rows = tuple(
        Row(
            random_cell(rng, kept, raws),
            random_cell(rng, kept, raws) if rng.random() < 0.7 else None,
            tuple(random_cell(rng, kept, raws) for _ in range(rng.randint(0, 3))),
        )
        for _ in range(rng.randint(0, 6))
    )
    return Table(
        rows,
        {"备注": random_cell(rng, kept, raws)},
        random_cell(rng, kept, raws) if rng.random() < 0.5 else None,
        [random_cell(rng, kept, raws) for _ in range(rng.randint(0, 3))] if loose else [],
    )


def two_contexts(ctx: Context, rows: tuple[Indicator, ...]) -> tuple[Context, Context]:
    """Two fresh contexts on `ctx`'s table with `rows` for its indicators: one the shortcut runs in, one for the plain
    form (neither sees the other's memos)."""
    run, plain = Context(ctx.submission, ctx.profile), Context(ctx.submission, ctx.profile)
    run.evaluation = plain.evaluation = replace(ctx.ev, indicators=rows)
    return run, plain


def plain_text_cells(obj: object) -> tuple[tuple[str, CellValue], ...]:
    """C01/C02's walk in its plain form: every cell (`cells_of`), each place (sheet, cell, anchor) at its first
    occurrence, kept when it holds text or an overflowed number (inf, nan)."""
    seen: set[tuple[str, str, str | None]] = set()
    out = []
    for name, cell in cells_of(obj):
        ref = cell.place()
        if ref is None:
            continue
        key = (ref.sheet, ref.cell, ref.anchor)
        if key not in seen:
            seen.add(key)
            raw = cell.raw
            if isinstance(raw, str) or (type(raw) is float and (raw != raw or raw in _INFINITE)):
                out.append((name, cell))
    return tuple(out)


def drawn_cell(rng: random.Random, raws: Sequence[object], column: str, first: int = 2) -> Callable[[int], CellValue]:
    """A field's draw for `drawn_rows`: row n's cell holds one of `raws`, placed at `column` on line n + `first` of 表1."""
    return lambda n: CellValue.of(rng.choice(raws), CellRef("表1", f"{column}{n + first}"))  # type: ignore[arg-type]


def drawn_rows(
    rng: random.Random, base: Indicator, most: int, **fields: Callable[[int], object]
) -> tuple[Indicator, ...]:
    """One to `most` copies of `base`, row n named 指标n unless a `name` draw is given, each field given its draw(n).

    The draws come in the order a written-out `tuple(replace(base, name=…, …) for n in range(rng.randint(1, most)))`
    makes them — the count first, then each row's fields in keyword order, the name first — so a seed meets the same
    rows as the perf tests' own copies of that loop did."""
    count = rng.randint(1, most)
    draws = {"name": lambda n: CellValue.of(f"指标{n}"), **fields}
    return tuple(replace(base, **{k: draw(n) for k, draw in draws.items()}) for n in range(count))  # type: ignore[arg-type]


def random_na_rows(rng: random.Random, base: Indicator, texts: Sequence[str]) -> tuple[Indicator, ...]:
    """One to twelve copies of `base`, each with a random target and actual of `texts` and a blank or typed score."""
    return tuple(
        replace(
            base,
            name=CellValue.of(f"指标{n}"),
            target=CellValue.of(rng.choice(texts)),
            actual=CellValue.of(rng.choice(texts)),
            score=CellValue.of(rng.choice([None, Decimal(5), "/", ""])),
        )
        for n in range(rng.randint(1, 12))
    )
