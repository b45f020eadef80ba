"""perf28: `Context.rounding_slack` reads a number cell's figure and places in its one pass over the parts (issue 14).

T02 asks how far a table's 得分 cells may miss its 总分 by rounding alone — 6,669 cells at 10,000 rows — and each
part went through `_holds_nothing` (→ `Context.number`), then `_part_places_of` (→ `typed_places`). A number cell as
the layout makes it (a Decimal) is now read inline: its number is `decimal_held(raw)`, its places those it was typed
with. Held by behaviour: the slack of every real table's score cells, typed as number cells, is the slack of the same
cells whose figures are a Decimal subclass (which the inline test leaves to the general path) and of the same figures
as text; the same on random parts (zeros, long tails, out-of-range figures, blanks, text) and on the bundled
workbooks' totals and parts as read from .xlsx.
"""

from __future__ import annotations

import dataclasses
import random
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

from test_perf26k import _evaluations  # (every transcribed real table with indicator rows, read once)

from perfxl.model import CellValue, Submission
from perfxl.numbers import decimal_exponent, typed_places
from perfxl.profiles import load_profile
from perfxl.reader import read_submission
from perfxl.rules.context import Context

ROOT = Path(__file__).resolve().parent.parent


class _Figure(Decimal):
    """A Decimal the inline test does not take (`raw.__class__ is Decimal`): its cell goes through the general path."""

    __slots__ = ()


def _context(ev: Any = None) -> Context:
    ctx = Context(Submission(path="t.xlsx", evaluations=[ev] if ev is not None else []), load_profile(None))
    ctx.evaluation = ev
    return ctx


def _as(cell: CellValue | None, kind: type) -> CellValue | None:
    """The cell with its figure typed as `kind` (a number cell: Decimal; the general path: `_Figure`); text that is no
    plain figure, and a blank, stay as they are."""
    if cell is None or not isinstance(cell.raw, (str, Decimal)):
        return cell
    try:
        value = Decimal(str(cell.raw).strip())
    except InvalidOperation:
        return cell
    if not value.is_finite():
        return cell
    return dataclasses.replace(cell, raw=kind(value))


def _slacks(ev: Any, total: CellValue | Decimal | None, parts: list[CellValue | Decimal | None]) -> tuple[Any, ...]:
    """The slack of the parts typed as number cells, as `_Figure` cells and as they are — each in a fresh context."""
    typed = [[_as(p, kind) if isinstance(p, CellValue) else p for p in parts] for kind in (Decimal, _Figure)]
    return (*(_context(ev).rounding_slack(total, each) for each in typed), _context(ev).rounding_slack(total, parts))


def test_real_tables_score_cells_slack_as_the_general_path():
    """Every real table's 得分 cells under its 总分 (and under a total typed as text with two decimals): the number cells'
    slack is the general path's; where every part is a plain figure, also that of the same figures printed as text."""
    compared = fast = 0
    for _, ev in _evaluations():
        parts: list[Any] = [ind.score for ind in ev.indicators]  # type: ignore[attr-defined]
        fast += sum(1 for p in parts if p is not None and _as(p, Decimal).raw.__class__ is Decimal)  # type: ignore[union-attr]
        for total in (ev.total_score, Decimal("100.00"), None):  # type: ignore[attr-defined]
            as_cells, as_figures, as_text = _slacks(ev, total, parts)
            assert as_cells == as_figures, (ev.sheet, total)  # type: ignore[attr-defined]
            if all(p is None or p.raw is None or _as(p, Decimal) is not p for p in parts):
                assert as_cells == as_text, (ev.sheet, total)  # type: ignore[attr-defined]
            compared += 1
    assert compared > 250 and fast > 300  # not vacuous: the corpus's score cells reach the inline path


_RAWS: tuple[Any, ...] = (
    Decimal(0),
    Decimal("0.00"),
    Decimal("-0"),
    Decimal("0E+400"),  # zero, but out of Excel's range: no figure, so not "nothing" either
    Decimal("1E+400"),
    Decimal(10),
    Decimal("9.5"),
    Decimal("8.33"),
    Decimal("8.333"),
    Decimal("8.333333"),
    Decimal("8.3333333"),  # a computed value's long tail: exact, no slack
    Decimal("1E+2"),
    Decimal("-2.25"),
    "8.33",
    "10",
    "/",
    "—",
    "",
    "十分",
    None,
    7,
    2.5,
)


@pytest.mark.parametrize("seed", range(40))
def test_random_parts_slack_as_the_general_path(seed):
    """Random mixes of number cells (zeros of every spelling, whole figures, up to seven decimals, out of range), text,
    blanks and ints/floats, under totals of each kind: the inline path's slack is the general path's."""
    rng = random.Random(seed)
    for _ in range(25):
        raws = [rng.choice(_RAWS) for _ in range(rng.randint(0, 8))]
        parts: list[Any] = [CellValue(raw, "表", r, 5) for r, raw in enumerate(raws)]
        figures = [dataclasses.replace(p, raw=_Figure(p.raw)) if p.raw.__class__ is Decimal else p for p in parts]
        total = rng.choice(
            [None, Decimal("100"), Decimal("99.5"), CellValue("95.50", "表", 99, 5), CellValue(Decimal(95))]
        )
        assert _context().rounding_slack(total, parts) == _context().rounding_slack(total, figures), (raws, total)


def test_workbooks_read_from_xlsx_slack_as_the_general_path(tmp_path):
    """The bundled example and the seed's 自评表 written as .xlsx (bench/bench_big.py's rows), as read: their 得分 cells
    are number cells; T02's parts under the 总分."""
    from perfxl.workbook.seed import seed_content
    from perfxl.workbook.variants import write_submission

    seed = tmp_path / "seed.xlsx"
    write_submission(seed, seed_content(), "standard")
    for path in (ROOT / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx", seed):
        sub = read_submission(path, load_profile(None))
        seen = 0
        for ev in sub.evaluations:
            parts: list[Any] = [ind.score for ind in ev.indicators]
            seen += sum(1 for p in parts if p.raw.__class__ is Decimal)
            as_cells, as_figures, _ = _slacks(ev, ev.total_score, parts)
            assert as_cells == as_figures
        assert seen > 5, path.name


def test_decimal_exponent_is_as_tuples_on_every_spelling():
    """`decimal_exponent` is `as_tuple().exponent` of every finite Decimal — plain ("8.30", "-0.000"), whole, and those
    `str` prints with an exponent (1E+2, 1.0E-7, 0E+400) — and None for NaN and infinity; `typed_places` reads it."""
    rng = random.Random(28)
    texts = ["0", "-0", "0.00", "-0.000", "10", "1E+2", "1.0E-7", "0E+400", "0E-9", "123.456", "1E-6", "0.000001"]
    texts += [
        f"{rng.choice('-+ ')}{rng.randint(0, 10 ** rng.randint(0, 12))}E{rng.randint(-30, 30)}" for _ in range(3000)
    ]
    texts += [f"{rng.randint(0, 999)}.{rng.randint(0, 10 ** rng.randint(0, 9))}" for _ in range(3000)]
    seen = set()
    for text in texts:
        value = Decimal(text.strip())
        exponent = value.as_tuple().exponent
        assert decimal_exponent(value) == exponent, text
        assert typed_places(value) == (max(0, -exponent) if -exponent <= 6 else None), text  # type: ignore[operator]
        seen.add("E" in str(value))
    assert seen == {True, False}  # both ways of reading it are taken
    for text in ("NaN", "-NaN", "sNaN", "Infinity", "-Infinity"):
        assert decimal_exponent(Decimal(text)) is None
        assert typed_places(Decimal(text)) is None


def test_probe_variants_score_cells_slack_as_the_general_path():
    """The same on probe variants of the real tables (points typed "10分", merges dropped, a blank column): the reader's
    cells as the variant gives them, each score typed as a number cell and as a `_Figure` cell."""
    import hypothesis_budget
    from render import corpus_grids  # type: ignore[import-not-found]

    from perfxl.reader import read_grids

    grids = corpus_grids(("points_fen", "unmerged", "empty_column_b"), 9 if hypothesis_budget.FAST else 3)
    tables = 0
    for name, grid in grids:
        if "/" not in name:
            continue  # (the real tables themselves: the test above)
        for ev in read_grids([grid], f"{name.replace('/', '-')}.xlsx", source_format="xlsx").evaluations:
            parts: list[Any] = [ind.score for ind in ev.indicators]
            for total in (ev.total_score, Decimal("100.00")):
                as_cells, as_figures, _ = _slacks(ev, total, parts)
                assert as_cells == as_figures, (name, total)
            tables += bool(parts)
    assert tables > 10
