"""perf27k: row checks that skip, before their first asks, the rows they cannot flag — each the same findings.

I07 and I12 read a row's percents only outside 0–100% (`over_whole` and `share_above_whole` say nothing of one up to
100%); S06, T06 and W04 walk the facts with their first test inline; T07 leaves at the first row not at full marks; I06
tests the split columns inline; S04 reads the target only of a negative actual; S13 asks `_task_copied`'s length test
inline; S18 normalises only a name holding 位. Each changed check is held to its plain form (copied here from main at
510af1c4) on every transcribed real table of tests/realworld and on the same tables with rows rewritten to reach each
finding (a share above 100%, a score above its weight, three decimals, a 0 weight, a negative actual …); each gate's
premise is held on its own.
"""

from __future__ import annotations

import dataclasses
import itertools
import sys
import unicodedata
from collections.abc import Iterator
from decimal import Decimal
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

from test_perf26k import _evaluations  # (every transcribed real table with indicator rows, read once)

from perfxl import chinese
from perfxl.labels import normalise_label
from perfxl.model import Certainty, Finding, Submission
from perfxl.profiles import load_profile
from perfxl.rules import cells, indicators, scores, totals, weights
from perfxl.rules.context import Context
from perfxl.rules.share_bounds import over_whole, share_above_whole
from perfxl.values import NUMBER, PERCENT

#: Rows rewritten, in turn, over a table's rows: (field, raw) pairs reaching each check's findings and their edges.
_REWRITES: tuple[tuple[tuple[str, object], ...], ...] = (
    (("name", "群众满意度"), ("target", "≥90%"), ("actual", "290%")),
    (("name", "参保率"), ("target", "295%"), ("actual", "100.3%")),
    (("name", "项目完成率"), ("target", "100%"), ("actual", "150%")),
    (("target", "-5%"), ("actual", "100%")),
    (("target", "100%"), ("actual", "0%")),
    (("target", "≥20家"), ("actual", "-3家")),
    (("target", "≤-5%"), ("actual", "-8%")),
    (("weight", Decimal(10)), ("score", Decimal(15))),
    (("weight", Decimal(10)), ("score", Decimal("-1"))),
    (("name", "扣分项"), ("weight", Decimal(5)), ("score", Decimal(-2))),
    (("weight", Decimal(10)), ("score", Decimal("9.567"))),
    (("weight", Decimal(10)), ("score", Decimal("9.50"))),
    (("weight", Decimal(0)), ("score", Decimal(0))),
    (("weight", Decimal(-2)), ("score", Decimal(0))),
    (("weight", None), ("score", Decimal(3))),
    (("weight", "十分"), ("score", Decimal(3))),
    (("name", "资金到位率"), ("actual", None), ("weight", Decimal(10)), ("score", Decimal(10))),
    (("name", "(1)项目资金到 位率"), ("actual", None), ("weight", Decimal(10)), ("score", Decimal(6))),
    (("target", "按计划完成全部修缮任务并通过验收工作"), ("actual", "按计划完成全部修缮任务并通过验收工作")),
    (("target", True), ("actual", "98%")),
)


def _rewritten(ev: object) -> object:
    """The table with its rows rewritten by `_REWRITES` in turn (a cell the table lacks stays as it is)."""
    rows = []
    for i, ind in enumerate(ev.indicators):  # type: ignore[attr-defined]
        changes = {}
        for field, raw in _REWRITES[i % len(_REWRITES)]:
            cell = getattr(ind, field)
            if cell is not None and cell.sheet is not None:
                changes[field] = dataclasses.replace(cell, raw=raw)
        rows.append(dataclasses.replace(ind, **changes))
    return dataclasses.replace(ev, indicators=tuple(rows))  # type: ignore[type-var]


@cache
def _tables() -> tuple[tuple[str, object], ...]:
    return _evaluations() + tuple((f"{name} (rewritten)", _rewritten(ev)) for name, ev in _evaluations())


@cache
def _plan() -> dict[str, tuple[object, dict[str, object], object]]:
    """Each check's (spec, params, severity) under the default profile, as `run_checks` sets them."""
    from perfxl.rules import _plan as plan

    return {s.code: (s, dict(params), severity) for s, params, severity in plan(load_profile(None), None, None)}


def _context(ev: object, code: str = "I12") -> Context:
    """A context on the one table, set up as `run_checks` sets it for check `code`."""
    ctx = Context(Submission(path="t.xlsx", evaluations=[ev]), load_profile(None))  # type: ignore[list-item]
    ctx.evaluation = ev  # type: ignore[assignment]
    spec, params, severity = _plan()[code]
    ctx.planned = frozenset(_plan())
    ctx.unit_doubts = {}
    ctx.spec, ctx.params, ctx.severity = spec, dict(params), severity  # type: ignore[assignment]
    return ctx


# ---------------------------------------------------------------- the plain forms (main 510af1c4)
def _plain_i07(ctx: Context) -> Iterator[Finding]:
    changes = tuple(ctx.param("change_names", ()))
    for f in ctx.facts():
        t, a = f.target, f.actual
        if (t.kind is not PERCENT or t.number is None) and (a.kind is not PERCENT or a.number is None):
            continue
        ind = f.ind
        if any(map(f.name_key.__contains__, changes)):
            continue
        for cell, p, column, column_en, only_rates in (
            (ind.target, f.target, "年度指标值", "target", False),
            (ind.actual, f.actual, "实际完成值", "actual", True),
        ):
            if p.kind != PERCENT or p.number is None:
                continue
            if only_rates and "率" not in f.name_key and "满意度" not in f.name_key:
                continue
            if over_whole(ctx, ind, cell):
                continue
            if p.number < 0 or p.number > 100:
                yield ctx.finding(
                    cell,
                    expected="0–100%",
                    actual=cell.text,
                    name=indicators._label(ind),
                    column=column,
                    column_en=column_en,
                )


def _plain_s06(ctx: Context) -> Iterator[Finding]:
    rows = [(f.name, f.ind.weight, f.ind.score, f.adjustment, f.weight, f.score) for f in ctx.facts()]
    funds = ctx.ev.funds
    if funds is not None and funds.scored is not None:
        scored = funds.scored
        row = ("预算执行率", scored.weight, scored.score, False, ctx.number(scored.weight), ctx.number(scored.score))
        rows.insert(0, row)
    cols = ctx.ev.columns
    scoring_table = "criteria" in cols and not {"target", "actual"} & set(cols)
    for name, wcell, scell, adjustment, weight, score in rows:
        if weight is None or score is None:
            continue
        if adjustment:
            score, weight = abs(score), abs(weight)
        if score < 0 or score > weight + ctx.tol_score:
            bonus = scoring_table and score > weight
            yield ctx.finding(
                scell,
                expected=weight,
                actual=score,
                name=name,
                certainty=Certainty.JUDGEMENT if bonus else None,
                basis=f"读取：分值 {wcell.text}，得分 {scell.text}"
                + ("；评分表的评分标准可能设有加分项，请对照核实" if bonus else ""),
                basis_en=f"read weight {wcell.text}, score {scell.text}"
                + ("; a scoring table's rules may award bonus points" if bonus else ""),
            )


def _plain_t06(ctx: Context) -> Iterator[Finding]:
    _, budget_score = totals._budget_cells(ctx)
    total = ctx.ev.total_score
    cells_ = [
        ("预算执行率得分", "budget score", budget_score, ctx.number(budget_score)),
        *((f.ind, "score", f.ind.score, f.score) for f in ctx.facts()),
        ("总分", "total", total, ctx.number(total)),
    ]
    places = ctx.settings.score_places
    for what, what_en, cell, value in cells_:
        if cell is None or value is None or totals._within_places(value, places):
            continue
        rounded = ctx.round_score(value)
        if rounded != value:
            shown = what if isinstance(what, str) else f"“{what.name.text}”得分"
            yield ctx.finding(
                cell,
                expected=format(rounded, "f"),
                actual=cell.text,
                what=shown,
                what_en=what_en,
                places=totals._PLACES_ZH.get(places, f" {places} 位"),
                places_en=str(places),
            )


def _plain_w04(ctx: Context) -> Iterator[Finding]:
    for f in ctx.facts():
        ind, weight = f.ind, f.weight
        if weight is None and f.weight_blank and f.score_blank:
            continue
        if f.adjustment:
            continue
        if weight == 0 and weights.is_item(ctx, ind):
            continue
        if weight is None and (ctx.is_error(ind.weight) or not f.weight_blank):
            continue
        if weight is None or weight <= 0:
            zero = weight is None or weight == 0
            if zero and weights.not_applicable.declared(ctx, ind):
                continue
            basis, basis_en = weights._w04_doubt(ctx, f) if zero else ("", "")
            yield ctx.finding(
                ind.weight,
                expected="> 0",
                actual=ind.weight.text or "（空）",
                name=ind.name.text,
                basis=basis,
                basis_en=basis_en,
                certainty=Certainty.JUDGEMENT if basis else None,
            )


def _plain_t07(ctx: Context) -> Iterator[Finding]:
    ev = ctx.ev
    facts = ctx.facts()
    weighted = [f for f in facts if not weights.carries_no_weight(f)]
    left_out = sum(1 for f in facts if f.weight == 0 and weights.carries_no_weight(f))
    rows = [(f.weight, f.score) for f in weighted if f.weight is not None]
    if len(rows) < 3 or any(s is None or abs(s - w) > ctx.tol_score for w, s in rows):
        return
    shown = totals.shown_in_part(ctx)
    if shown is not None:
        ctx.skip(
            f"表中没有总分行，所列分值合计 {totals.fmt_num(shown)} 不足满分：表格只列出一部分，未判断是否全部指标均为满分",
            f"no 总分 row and the weights shown make {totals.fmt_num(shown)} only: a part of the table, not judged",
        )
        return
    ref = ev.total_score if ev.total_score is not None else ctx.indicators()[0].score
    _, note, note_en = totals.completeness(ctx)
    unweighted_zh = f"（另有 {left_out} 行分值为 0，无自身分值可满，未计入）" if left_out else ""
    unweighted_en = f" ({left_out} rows weighted 0 left out)" if left_out else ""
    yield ctx.finding(
        ref,
        expected="按实际完成情况计分",
        actual="全部满分",
        count=len(rows),
        basis=f"读取：{len(rows)} 个指标的得分均等于分值{unweighted_zh}" + (f"；{note}" if note else ""),
        basis_en=f"read: all {len(rows)} scores equal their weights{unweighted_en}"
        + (f"; {note_en}" if note_en else ""),
    )


def _plain_i06(ctx: Context) -> Iterator[Finding]:
    mixed = []
    for f in ctx.facts():
        if f.ind.nature is not None or f.ind.unit is not None:  # (`is_split`)
            continue
        p = f.target
        if (
            p.kind in indicators.QUANT_KINDS
            and p.number is not None
            and (indicators.op_name(p) or (p.unit and p.kind == NUMBER))
        ):
            mixed.append(f.ind)
    if mixed:
        yield ctx.finding(
            mixed[0].target, actual=mixed[0].target.text, expected="指标性质|指标值|度量单位", count=len(mixed)
        )


def _plain_s04(ctx: Context) -> Iterator[Finding]:
    for f in ctx.facts():
        p, t = f.actual, f.target.number
        if t is not None and t <= 0:
            continue
        if p.number is not None and p.number < 0 and p.kind in (NUMBER, PERCENT):
            yield ctx.finding(f.ind.actual, expected="≥ 0", actual=f.actual_text, name=f.name)


def test_checks_find_what_their_plain_forms_find():
    """I07, S06, T06, W04, T07, I06 and S04 give the findings their plain forms give, in order, on every table and its rewritten
    twin; each finds something there (the comparison is not of empty lists)."""
    pairs = (
        ("I07", indicators.percent_range, _plain_i07),
        ("S06", scores.score_bounds, _plain_s06),
        ("T06", totals.two_decimals, _plain_t06),
        ("W04", weights.weights_positive, _plain_w04),
        ("T07", totals.all_full_marks, _plain_t07),
        ("I06", indicators.operator_in_value, _plain_i06),
        ("S04", scores.negative_actual, _plain_s04),
    )
    found = dict.fromkeys((check.__name__ for _, check, _ in pairs), 0)
    assert len(_evaluations()) > 90  # (test_perf26k: over ninety real tables, over a thousand rows)
    for name, ev in _tables():
        for code, check, plain in pairs:
            ctx, plain_ctx = _context(ev, code), _context(ev, code)
            got, expected = list(check(ctx)), list(plain(plain_ctx))
            assert got == expected, (name, check.__name__)
            found[check.__name__] += len(got)
    assert all(found.values()), found


def test_share_above_whole_says_nothing_of_a_percent_up_to_100():
    """I12's gate: on every table and its rewritten twin, a target or actual read as a percent of at most 100% gets no
    share finding (`share_above_whole`), nor is it `over_whole` (I07's skip) — while one above 100% under a share's
    name does (the gate keeps those rows)."""
    above = 0
    for _, ev in _tables():
        ctx = _context(ev)
        for f in ctx.facts():
            for cell, p in ((f.ind.target, f.target), (f.ind.actual, f.actual)):
                if p.kind is PERCENT and p.number is not None and p.number <= 100:
                    assert list(share_above_whole(ctx, f.ind, cell, "年度指标值", "target")) == []
                    assert not over_whole(ctx, f.ind, cell)
                elif list(share_above_whole(ctx, f.ind, cell, "年度指标值", "target")):
                    above += 1
    assert above > 50


def test_value_readable_still_reads_a_share_above_100():
    """A "290%" 满意度 actual (the ≥ read as 2) is still I12's finding on the rewritten tables, once a cell."""
    seen = 0
    for name, ev in _tables():
        if not name.endswith("(rewritten)"):
            continue
        got = list(cells.value_readable(_context(ev)))
        seen += sum("290%" in f.message and "满意度" in f.message for f in got)
    assert seen > 10


def test_no_character_but_wei_normalises_to_one():
    """S18's gate: every name it looks for holds 位, and no other character (NFKC, OpenCC) becomes 位 under
    `normalise_label` — so a name without 位 is none of them. Also the gate keeps "(1)项目资金到 位率"."""
    from perfxl.rules import arrival

    assert all("位" in name for name in arrival._NAMES)
    converter = chinese._get()
    assert converter is not None  # (OpenCC is a dependency; without it the labels are only NFKC'd)
    # every character but ASCII (which neither NFKC nor OpenCC turns into a CJK one) and planes 4–13 (none assigned),
    # each alone on its line: one OpenCC pass and one NFKC pass over them all, not a call a character
    points = (range(0x80, 0xD800), range(0xE000, 0x40000), range(0xE0000, sys.maxunicode + 1))
    joined = "\n".join(map(chr, itertools.chain.from_iterable(points)))
    simplified = converter.convert(joined)
    assert simplified.count("\n") == joined.count("\n")  # (each character converted alone)
    # 位 once in each (its own line): no other character is or becomes one, as written or simplified, under NFKC
    assert unicodedata.normalize("NFKC", joined).count("位") == 1
    assert unicodedata.normalize("NFKC", simplified).count("位") == 1
    assert joined.count("位") == 1
    label = normalise_label("(1)项目资金到 位率")
    assert arrival.strip_brackets(arrival.strip_numbering(label)) in arrival._NAMES


def test_task_copied_needs_a_long_target():
    """S13's inline test: `_task_copied` is False for every row whose target text is shorter than `_TASK_CHARS`, and
    True for a rewritten row somewhere (the copied task list)."""
    long_found = 0
    for _, ev in _tables():
        for f in _context(ev).facts():
            if len(f.target_text) < scores._TASK_CHARS:
                assert not scores._task_copied(f)
            else:
                long_found += scores._task_copied(f)
    assert long_found > 0
