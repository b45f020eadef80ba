"""issue 14, session 21 (perf21k): each speed change held against its plain form.

C01/C02 look at a table's cells at a glance (`cells._Scan`: every cell's text joined, the cells at figure positions)
and walk it place by place (`text_cells`) only where that finds something to look at. With the glance off (`_LookEverywhere`:
every table walked, as in session 20's main) the same checks must give the same findings on random tables — control
characters, number signs, Excel error texts, damaged and marked figures, overflowed floats at recurring places, in
indicator rows and the table's other cells: the glance may skip a table only where the walk finds nothing.
"""

from __future__ import annotations

import random
from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis_budget import draws
from randomrows import example_context

from perfxl.model import CellRef, CellValue, Finding, Indicator, Submission
from perfxl.rules import cells, run_checks
from perfxl.rules.cells import text_cells
from perfxl.rules.context import Context

# ---------------------------------------------------------------- C01/C02: the walk without the glance


class _LookEverywhere:
    """A glance that finds something to look at in every table (a control character, an overflowed float): C01 and C02
    then walk every table place by place, as before perf21k. The walk is the product's own (`text_cells`,
    `_control_findings`, C02's loop) — lean28 dropped the frozen copy of the checks this file held, which had to be
    kept in step with every message the checks changed."""

    __slots__ = ()
    text = "\x07"
    odd_float = True
    figures: tuple[CellValue, ...] = ()

    def __init__(self, obj: object) -> None:
        pass


def _plain_findings(sub: Submission, monkeypatch: pytest.MonkeyPatch) -> list[Finding]:
    """C01/C02's findings with the glance off: every table walked."""
    with monkeypatch.context() as m:
        m.setattr(cells, "_Scan", _LookEverywhere)
        return run_checks(sub, example_context()[0].profile, select=["C01", "C02"])


_RAWS = (
    *("文本", " ", None, "", "x\x1b", "\x07名称", "a\x85b", "#N/A", "#DIV/0!", "＃REF!", "﹟VALUE!", "编号#3", "10"),
    *(".5", "▼5", "减少3", "- 5", "abc", "IO", "九十九", "4l", "（100）", "100%", "≥95%", "12家", "(1.00)"),
    *(Decimal("10"), Decimal("9.5"), 3, 2.5, float("inf"), float("-inf"), float("nan"), True),
)


def _cell(rng: random.Random, kept: list[CellValue], sheet: str, raws: tuple[object, ...]) -> CellValue:
    """A cell of `raws` at a place of few (places recur), unlocated now and then, or one met before again."""
    if kept and rng.random() < 0.15:
        return rng.choice(kept)
    ref = None
    if rng.random() < 0.93:
        ref = CellRef(
            rng.choice([sheet, sheet, "其他"]), f"{rng.choice('ABC')}{rng.randint(1, 9)}", rng.choice([None, "A1"])
        )
    cell = CellValue.of(rng.choice(raws), ref)
    kept.append(cell)
    return cell


#: Figures C02 reads (or blank): the 分值/得分 cells of a table whose odd text stands elsewhere.
_FIGURES = (None, "", " ", "10", "9.5", Decimal("10"), 3, 2.5, "/")


def _random_row(
    rng: random.Random, kept: list[CellValue], sheet: str, raws: tuple[object, ...], figures: tuple[object, ...]
) -> Indicator:
    def cell() -> CellValue:
        return _cell(rng, kept, sheet, raws)

    def figure() -> CellValue:
        return _cell(rng, kept, sheet, figures)

    def maybe() -> CellValue | None:
        return cell() if rng.random() < 0.3 else None

    return Indicator(
        cell(), cell(), cell(), cell(), cell(), figure(), figure(), cell(), maybe(), maybe(), maybe(), None, maybe()
    )


def test_c01_c02_at_a_glance_find_as_the_plain_walk(monkeypatch):
    """On 600 random tables (the example's, its rows and total cells drawn at random; most draws hold nothing the
    checks report, so the glance decides most tables), C01 and C02 give the plain walk's findings, in its order.
    A seeded sweep: the fast loop draws the first 120 (`hypothesis_budget.draws`), every whole run all 600."""
    rng = random.Random(2121)
    ctx, _ = example_context()
    base = ctx.ev
    found_any = quiet = 0
    trials = draws(600, 120)
    for trial in range(trials):
        kept: list[CellValue] = []
        # most tables: plain texts and figures only (the glance's case); some draw from every odd text
        raws = _RAWS if trial % 3 == 0 else ("文本", " ", None, "", "10", "100%", "12家", Decimal("10"), 3, 2.5, True)
        figures = raws
        if trial % 3 == 1:
            raws = (*raws, rng.choice(_RAWS))  # one odd text among plain ones, its 分值/得分 read figures
            figures = _FIGURES
        rows = tuple(_random_row(rng, kept, base.sheet, raws, figures) for _ in range(rng.randint(0, 30)))
        ev = replace(
            base,
            indicators=rows,
            total_weight=_cell(rng, kept, base.sheet, raws) if rng.random() < 0.5 else base.total_weight,
            title=_cell(rng, kept, base.sheet, raws) if rng.random() < 0.3 else base.title,
        )
        sub = replace(ctx.submission, evaluations=(ev,) if trial % 5 else (ev, base))
        new = run_checks(sub, ctx.profile, select=["C01", "C02"])
        assert new == _plain_findings(sub, monkeypatch), trial
        found_any += bool(new)
        quiet += not new
    assert found_any > trials // 6 and quiet > trials // 6  # both cases met often (> 100 of the full 600)


def test_c01_c02_of_the_example_as_the_plain_walk(monkeypatch):
    ctx, _ = example_context()
    sub = ctx.submission
    assert run_checks(sub, ctx.profile, select=["C01", "C02"]) == _plain_findings(sub, monkeypatch)
    assert text_cells(Context(sub, ctx.profile), sub.evaluations[0])  # (the walk itself unchanged: test_perf17c)


# ---------------------------------------------------------------- RowFacts: a 分值/得分 cell's number and blank spelt out

_FIGURE_RAWS = (
    *(Decimal("10"), Decimal("9.50"), Decimal("0"), Decimal("-3"), Decimal("1E+400"), Decimal("1E-400")),
    *(Decimal("NaN"), Decimal("Infinity"), None, "10", " 9 ", "", " ", "/", "—", "abc", "▼5", ".5", "(1.00)"),
    *(3, 2.5, float("inf"), True, False),
)


def test_row_facts_figures_as_the_context_answers():
    """`RowFacts`' 分值/得分 number and blank (a Decimal or empty cell's spelt out) are `Context.number`/`is_blank` of the
    cell in a fresh context, and a later `number` ask answers as in that context (the cache holds the same value)."""
    rng = random.Random(2122)
    ctx, base = example_context()
    for _ in range(draws(400, 80)):
        rows = tuple(
            replace(
                base,
                weight=CellValue.of(rng.choice(_FIGURE_RAWS), base.weight.place()),
                score=CellValue.of(rng.choice(_FIGURE_RAWS), base.score.place()),
            )
            for _ in range(5)
        )
        run, plain = Context(ctx.submission, ctx.profile), Context(ctx.submission, ctx.profile)
        run.evaluation = plain.evaluation = replace(ctx.ev, indicators=rows)
        for ind in rows:
            f = run.fact(ind)
            for cell, number, blank in ((ind.weight, f.weight, f.weight_blank), (ind.score, f.score, f.score_blank)):
                want = plain.number(cell)
                assert (number, str(number)) == (want, str(want)) or (number != number and want != want)
                assert blank is plain.is_blank(cell)
                again = run.number(cell)
                assert str(again) == str(want) and (again == want or want != want)


def test_the_scan_holds_each_cells_text_once_however_often_a_field_lists_the_cell():
    """CI of session 21 (tests/test_sweep_crashes.py's whole sweep): a funds row's 100,000-character cell, listed by its
    breakdown once a figure (≈ 33,000 times), made the joined text ≈ 3·10⁹ characters — 22 s where the walk took 0.4 s.
    The scan joins one text a cell object: its length is the table's own, not the breakdown's count times it."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))
    import sweep_crashes as S
    from render import CORPUS, load_table

    from perfxl.reader import read_grids
    from perfxl.rules.cells import _Scan

    table = S._set(load_table(CORPUS / "anhui-xuancheng-jindu-2021.toml"), 7, 1, "10%" * 1000)
    sub = read_grids([S.grid_of(table)], f"{table.name}.xlsx", source_format="xlsx")
    (evaluation,) = sub.evaluations
    assert 3000 < len(_Scan(evaluation).text) < 20_000
