"""issue 14, session 21 (perf21k): each speed change held against its plain form.

C01/C02 look at a table's cells at a glance (`cells._Scan`: every cell's text joined, the cells at figure positions)
and walk it place by place (`text_cells`) only where that finds something to look at. The plain forms below are the
checks as they were (session 20's main), walking every table: on random tables — control characters, number signs,
Excel error texts, damaged and marked figures, overflowed floats at recurring places, in indicator rows and the
table's other cells — both give the same findings.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

from hypothesis_budget import draws
from randomrows import example_context

from perfxl.model import CellRef, CellValue, Certainty, Finding, Indicator, Submission
from perfxl.rules import _plan, run_checks
from perfxl.rules.cells import (
    _CELL,
    _FIELD_NAMES,
    _MISTYPED,
    _NUMBER_FIELDS,
    _SCORE_FIELDS,
    _any_control,
    _control_findings,
    text_cells,
    visible,
)
from perfxl.rules.context import Context
from perfxl.units import stray_letters
from perfxl.values import ValueKind, bracketed_figure, printed_sign

# ---------------------------------------------------------------- C01/C02: the plain forms (main before perf21k)


def plain_c01(ctx: Context) -> Iterator[Finding]:
    """Text cells of every table (outside 年度指标值/实际完成值, which I12 covers) without control characters."""
    sub = ctx.submission
    seen: set[tuple[str, str]] = set()
    for ev in sub.evaluations:
        cells = text_cells(ctx, ev)
        if not _any_control(cells):
            continue  # most tables: no cell to look at one by one, no set of the indicator cells built
        skip = {id(c) for ind in ev.indicators for c in (ind.target, ind.actual)}
        yield from _control_findings(ctx, cells, skip, seen)
    if sub.basic is not None:
        yield from _control_findings(ctx, text_cells(ctx, sub.basic), set(), seen)


def plain_c02(ctx: Context) -> Iterator[Finding]:
    """An Excel error value (#NAME?, #VALUE! — as a value or as text) anywhere, or a damaged number ("M.8")
    in a money, weight, rate or score cell: one finding per cell; the checks needing it skip it."""
    sub = ctx.submission
    reported = {(p.ref.sheet, p.ref.cell) for p in sub.problems if p.code == "READ_ERROR_VALUE" and p.ref is not None}
    seen: set[tuple[str, str]] = set()
    sources = [text_cells(ctx, ev) for ev in sub.evaluations]
    if sub.basic is not None:
        sources.append(text_cells(ctx, sub.basic))
    for cells in sources:
        for field, cell in cells:
            ref = cell.place()
            if ref is None:  # (text_cells gives located cells only)
                continue
            # (keys built only when there is something to look up: most tables have no finding here)
            if (seen and (ref.sheet, ref.anchor or ref.cell) in seen) or (
                reported and (ref.sheet, ref.cell) in reported
            ):
                continue
            # (`Context.is_error` asked only of text holding a number sign, `NUMBER_SIGNS`; the raw text holds one
            # where its stripped `text` does — no property call a cell; an overflowed number's text is "inf")
            raw = cell.raw
            if raw.__class__ is not str:
                raw = cell.text
            if ("#" in raw or "\ufe5f" in raw or "\uff03" in raw) and ctx.is_error(cell):
                zh, en = _FIELD_NAMES.get(field, _CELL)
                seen.add((ref.sheet, ref.anchor or ref.cell))
                text = cell.text
                yield ctx.finding(
                    cell,
                    expected="数值",
                    actual=text,
                    column=zh,
                    column_en=en,
                    problem="是 Excel 错误值（公式出错或引用失效），无法计算；请修正公式或填写数值",
                    problem_en="is an Excel error value (a broken formula) and cannot be computed",
                    basis=f"读取 {cell.place()}：“{text}”，不作为 0 或空值参与计算；总分等合计按 perfxl 重算的得分复核",
                    basis_en=f"read {cell.place()}: {text!r}; not counted as 0 or blank, totals use perfxl's own scores",
                )
            elif field in _NUMBER_FIELDS and not ctx.is_blank(cell) and ctx.number(cell) is None:
                zh, en = _FIELD_NAMES.get(field, _CELL)
                p = ctx.parsed(cell)
                if field == "total_weight" and bracketed_figure(cell.text) is not None:
                    continue  # "（100）" under 分值 in the 总分 row: the full mark as a label, as "满分100" (gaps18)
                if field.startswith("ChangeLine.") and printed_sign(cell.raw)[1] != "bare":
                    continue  # "(58.80)", "—58.80" in a change column: B19 reads the sign the printed mark gives (num20)
                if p.damaged and p.reason:
                    problem, problem_en = (
                        p.reason + "，无法计算；请核对后重新填写",
                        (p.reason_en or "") + "; not computed",
                    )
                elif ctx.down_marked(cell):
                    # "▼58.80", "减少58.80" where no change is asked (a 自评表's money, weight or score cell): the mark's
                    # meaning there is unknown — never +58.80 with it dropped (num20, issue 11 item 7)
                    problem = "数字旁标有表示减少的符号或文字，此处不是增减列，正负无法确定，未作为数值读取，无法计算；请核对后重新填写"
                    problem_en = "prints a fall's mark beside its figure where no change is asked: its sign is unknown"
                elif p.kind is ValueKind.NUMBER and p.op is None and (letters := stray_letters(p.unit)):
                    # "4l", "4B级": a letter where no unit is (review12c)
                    problem = (
                        f"带有字母“{letters}”，不是金额或分值的单位（疑为录入或识别错误），无法计算；请核对后重新填写"
                    )
                    problem_en = f"carries the letters {letters!r}, no unit of money or points (a typing or OCR slip?)"
                elif field in _SCORE_FIELDS and p.kind in (ValueKind.TEXT, ValueKind.QUALITATIVE) and p.number is None:
                    if _MISTYPED.search(cell.text):  # "IO", "9O": letters typed or read for digits
                        problem = "不是数值（疑为录入或识别错误，如“IO”），无法计算；请核对后重新填写"
                        problem_en = "is not a number (a typing or OCR error, like IO for 10?) and cannot be computed"
                    else:  # words ("九十九", "见附件"): nothing suggests a mistyped figure
                        problem = "是文字，不是数值，无法计算；请填写数值"
                        problem_en = "is words, not a number, and cannot be computed"
                else:
                    continue
                seen.add((ref.sheet, ref.anchor or ref.cell))
                yield ctx.finding(
                    cell,
                    expected="数值",
                    actual=visible(cell.text),
                    column=zh,
                    column_en=en,
                    problem=problem,
                    problem_en=problem_en,
                    certainty=Certainty.JUDGEMENT,
                    basis=f"读取 {cell.place()}：“{cell.text}”，不作为数值参与计算；"
                    + (
                        "合计按 perfxl 重算的得分复核"
                        if field in _SCORE_FIELDS
                        else "用到此数的合计、执行率等核对跳过此项"
                    ),
                    basis_en=f"read {cell.place()}: {cell.text!r}, not used as a number; "
                    + ("totals use perfxl's own scores" if field in _SCORE_FIELDS else "checks needing it skip it"),
                )


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


def _plain_findings(sub: Submission) -> list[Finding]:
    import perfxl.rules as runner

    ctx = Context(sub, example_context()[0].profile)
    found: list[Finding] = []
    for s, params, severity in _plan(ctx.profile, ["C01", "C02"], None):
        ctx.spec, ctx.params, ctx.severity, ctx.evaluation = s, dict(params), severity, None
        found += runner._unit_readings(ctx, plain_c01 if s.code == "C01" else plain_c02)
    return runner._on_guessed_sheets(sub, found)


def test_c01_c02_at_a_glance_find_as_the_plain_walk():
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
        assert new == _plain_findings(sub), trial
        found_any += bool(new)
        quiet += not new
    assert found_any > trials // 6 and quiet > trials // 6  # both cases met often (> 100 of the full 600)


def test_c01_c02_of_the_example_as_the_plain_walk():
    ctx, _ = example_context()
    sub = ctx.submission
    assert run_checks(sub, ctx.profile, select=["C01", "C02"]) == _plain_findings(sub)
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
