"""issue 14, session 23 (perf23a): each speed change of the checks' row held against its plain form.

I05's units known once a unit text and run (`_unit_known`), I05's clash test returning at once without a 计量单位
column, I04's blank test and setting read from the row's facts and once a check, W03's unread weights from the rows'
facts, T06 telling a score within its places from its exponent: each shortcut is compared with the code it replaced
(copied here) on random inputs, in fresh contexts.
"""

from __future__ import annotations

import random
from dataclasses import replace
from decimal import Decimal

from hypothesis_budget import draws
from randomrows import drawn_cell, drawn_rows, example_context, two_contexts

from perfxl.model import CellRef, CellValue
from perfxl.numbers import round_half_up
from perfxl.rules import indicators as ind_mod
from perfxl.rules import totals as totals_mod
from perfxl.rules.catalogue import spec
from perfxl.units import count_of_noun, lookup, periods_a_year, split_per

_UNITS = (
    "家", "亿元", "万元/家", "元/人·月", "次/双月", "个站点", "人次", "%", "万美元", "元/人.每天", "斤/亩", "xyz",
    "个/每年", "台套", "吨*公里", "", "万元/场", "平方米", "分", "批次",
)  # fmt: skip


def _plain_unit_known(ctx, unit):
    extra = set(ctx.param("extra_units", ()))
    parts = [p.removeprefix("每") for u in split_per(unit) if u is not None for p in ind_mod._COMPOUND.split(u)]
    return all(
        not p or lookup(p) is not None or p in extra or count_of_noun(p) is not None or periods_a_year(p) is not None
        for p in parts
    )


def test_unit_known_once_a_text_and_its_extras():
    """The kept answer is the plain one for each unit, and a change of the check's `extra_units` (another check, a
    profile's list) asks again rather than reading an answer kept under other extras."""
    ctx, _ = example_context()
    rng = random.Random(2301)
    extras = ((), ("斤/亩", "斤"), ["xyz"], ("双月",))
    for _ in range(600):
        ctx.params = {"extra_units": rng.choice(extras)} if rng.random() < 0.8 else {}
        unit = rng.choice(_UNITS)
        assert ind_mod._unit_known(ctx, unit) is _plain_unit_known(ctx, unit)
    # (the same unit under two lists: the second answer is its own)
    ctx.params = {"extra_units": ()}
    assert ind_mod._unit_known(ctx, "斤") is False
    ctx.params = {"extra_units": ("斤",)}
    assert ind_mod._unit_known(ctx, "斤") is True


def _plain_unit_clash_returns_none(ind) -> bool:
    """The first test of `_unit_clash` as it was: no finding where the 计量单位 column's family is unknown or the target
    does not end with it."""
    column = ind.unit.text.strip() if ind.unit is not None else ""
    return ind_mod.family_of(column) is None or not ind.target.text.strip().endswith(column)


_TARGETS = ("≥95%", "28.8万元", "应保尽保", "12个月", "5项", "100", "不适用", "", "百分之九十五", "—", "0.5个百分点")
_COLUMNS = (None, "", "%", "个", "万元", "月", "xyz", "项", " % ")


def test_unit_clash_without_a_unit_column_as_before():
    """On random rows (no 计量单位 column, an empty one, known and unknown units, targets ending in them or not), the
    clash finding is the plain form's: none wherever the first tests said none, else the same one."""
    ctx, base = example_context()
    rng = random.Random(2302)
    ctx.spec, ctx.params, ctx.severity = spec("I05"), {}, spec("I05").severity
    clashes = 0
    for n in range(800):
        column = rng.choice(_COLUMNS)
        target = rng.choice(_TARGETS)
        if column and rng.random() < 0.5:
            target += column.strip()
        ind = replace(
            base,
            target=CellValue.of(target, CellRef("表1", f"E{n + 2}")),
            unit=None if column is None else CellValue.of(column, CellRef("表1", f"F{n + 2}")),
        )
        got = ind_mod._unit_clash(ctx, ind)
        if _plain_unit_clash_returns_none(ind):
            assert got is None
        clashes += got is not None
    assert clashes > 20  # (the contradicting rows reach the finding)


def _plain_column_left_blank_rows(ctx):
    return [i for i in ctx.indicators() if not ctx.is_blank(i.target)]


def test_column_left_blank_rows_from_the_facts():
    """I04's rows with a target (`_column_left_blank`) read from the rows' facts are the rows whose target `is_blank`
    says is filled, in order, and I04's findings equal those of a plain context on 300 random tables."""
    ctx, base = example_context()
    rng = random.Random(2303)
    texts = ("≥95%", "", "  ", "/", "——", "无", "是", "100", "……", "不适用")
    natures = (None, "", " ", "≥", "定量", "定性", "正向", "有效")
    for _ in range(300):
        rows = drawn_rows(
            rng,
            base,
            8,
            target=drawn_cell(rng, texts, "E"),
            nature=lambda n: (
                None if (nat := rng.choice(natures)) is None else CellValue.of(nat, CellRef("表1", f"G{n + 2}"))
            ),
        )
        run, plain = two_contexts(ctx, rows)
        kept = [f.ind for f in run.facts() if not f.target_blank]
        assert [id(i) for i in kept] == [id(i) for i in _plain_column_left_blank_rows(plain)]
        for c in (run, plain):
            c.spec, c.params, c.severity = spec("I04"), {"require_operator_in_value": True}, spec("I04").severity
        got = [(f.code, f.ref, f.message) for f in ind_mod.operator_valid(run)]
        want = [(f.code, f.ref, f.message) for f in ind_mod.operator_valid(plain)]
        assert got == want


def test_unread_weights_from_the_facts():
    """W03's unread 分值 texts (not blank, not read as a number) from the rows' facts are those `is_blank` and
    `number` give, on random weight cells (figures, texts, marks, placeholders, booleans, empty)."""
    ctx, base = example_context()
    rng = random.Random(2304)
    raws = (Decimal("10"), Decimal("2.5"), "10", " 5 ", "▼20", "- 20", "M.8", "/", "", None, "——", 3, 2.5, True, "十")
    for _ in range(300):
        rows = drawn_rows(rng, base, 8, weight=drawn_cell(rng, raws, "F"))
        run, plain = two_contexts(ctx, rows)
        got = [f.ind.weight.text for f in run.facts() if not f.weight_blank and f.weight is None]
        want = [
            i.weight.text for i in plain.indicators() if not plain.is_blank(i.weight) and plain.number(i.weight) is None
        ]
        assert got == want


def test_within_places_is_rounding_giving_the_value_back():
    """`_within_places(value, places)` is True exactly where T06's rounding would find nothing to say (the rounded
    value equals the value) — and where it is False the rounding still runs, so T06 decides as before: on random
    Decimals of many exponents and places 0–4, and on infinities and NaN-free edge values."""
    rng = random.Random(2305)
    for _ in range(5000):
        digits = rng.randint(0, 99999)
        exponent = rng.randint(-6, 3)
        value = Decimal(digits).scaleb(exponent) * rng.choice((1, -1))
        places = rng.randint(0, 4)
        if totals_mod._within_places(value, places):
            assert round_half_up(value, places) == value
    assert totals_mod._within_places(Decimal("10.00"), 2)
    assert totals_mod._within_places(Decimal("1E+1"), 0)
    assert not totals_mod._within_places(Decimal("9.500"), 2)  # (rounded and compared: equal, so still no finding)
    assert not totals_mod._within_places(Decimal("Infinity"), 2)


_CELL_TEXTS = (
    "≥95%", "100%", "- 1036", "-5", "−3%", "是", "", "  ", "/", "——", "无", "N/A", "12家", "…", "#N/A", "x" * 300,
    "- " + "9" * 260, "不适用", "优", "2023年底", " 增长2% ",
)  # fmt: skip


def test_row_facts_parsed_and_name_blank_as_the_context_gives():
    """A row's parsed 年度指标值/实际完成值 read from the texts' kept values, and its name's blank test spelt out, are
    `Context.parsed` and `is_blank` of a fresh context — on 400 random tables whose texts repeat (so the kept value is
    met), read minus signs (spaced or not, which `parsed` reads apart), exceed the cache's length, are number cells or
    empty; some cells parsed before the facts are built (the cell's value kept first), and each cell's value kept
    after is the one `parsed` gives."""
    ctx, base = example_context()
    rng = random.Random(2306)
    raws = (*_CELL_TEXTS, None, Decimal("-2"), Decimal("95"), 3, 1.5, True)
    names = ("指标1", "", "  ", "/", "无", "……", "—— ", "N/A", None, Decimal("7"), "群众满意度")
    for _ in range(draws(400, 80)):
        rows = drawn_rows(
            rng,
            base,
            8,
            name=drawn_cell(rng, names, "D"),
            target=drawn_cell(rng, raws, "E"),
            actual=drawn_cell(rng, raws, "F"),
        )
        run, plain = two_contexts(ctx, rows)
        for ind in rows:  # some cells asked before the rows' facts: their values kept by `parsed` first
            if rng.random() < 0.3:
                run.parsed(rng.choice((ind.target, ind.actual, ind.name)))
        for f in [run.fact(i) for i in rows]:
            ind = f.ind
            assert f.target is plain.parsed(ind.target) or f.target == plain.parsed(ind.target)
            assert f.actual is plain.parsed(ind.actual) or f.actual == plain.parsed(ind.actual)
            assert f.name_blank is plain.is_blank(ind.name)
            assert f.target_blank is plain.is_blank(ind.target)
            assert f.actual_blank is plain.is_blank(ind.actual)
            assert run.parsed(ind.target) is f.target and run.parsed(ind.actual) is f.actual


def _plain_i07(ctx):
    """I07 as it was: every row's name tested for a change word and its two cells' pairs built first."""
    from perfxl.rules.indicators import over_whole
    from perfxl.values import PERCENT

    changes = tuple(ctx.param("change_names", ()))
    for f in ctx.facts():
        ind = f.ind
        if any(map(f.name_key.__contains__, changes)):
            continue
        for cell, p, only_rates in ((ind.target, f.target, False), (ind.actual, f.actual, True)):
            if p.kind != PERCENT or p.number is None:
                continue
            if only_rates and "率" not in f.name_key and "满意度" not in f.name_key:
                continue
            if over_whole(ctx, ind, cell):
                continue
            if p.number < 0 or p.number > 100:
                yield cell.place()


def _plain_i14(ctx):
    """I14 as it was: every row's name normalised and read for a stated percentage first."""
    import unicodedata

    from perfxl.values import PERCENT

    for f in ctx.facts():
        name = unicodedata.normalize("NFKC", f.name or "").strip()
        stated = ind_mod._name_states(name)
        if stated is None or f.target_blank:
            continue
        low, high, printed = stated
        target = f.target
        if target.kind is not PERCENT or target.number is None or low <= target.number <= high:
            continue
        if low == high and target.number == ind_mod._change_level(name, low, len(name) - len(printed)):
            continue
        yield f.ind.target.place()


_PCT_NAMES = (
    "达标率100%",
    "满意度",
    "增长率",
    "覆盖率90%-95%",
    "中央80%、地方20%",
    "较上年降低5%",
    "人数",
    "合格率（≥**%）",
)
_PCT_TEXTS = ("≥98%", "120%", "-5%", "95%", "92%", "100", "是", "", "/", "增长5%", "150%", "90％", "≤95%", "0.5%")


def test_percent_checks_skip_rows_without_a_percent_figure_as_before():
    """I07 and I14 test a row's cells for a percent figure before its name: their findings equal the plain forms' on
    400 random tables (names ending in percentages and ranges, change words, rates; targets and actuals in and out of
    0–100%, non-percent figures, words, blanks)."""
    ctx, base = example_context()
    rng = random.Random(2307)
    found = 0
    for _ in range(trials := draws(400, 80)):
        rows = drawn_rows(
            rng,
            base,
            8,
            name=lambda n: CellValue.of(rng.choice(_PCT_NAMES) + str(n)[: rng.randint(0, 1)]),
            target=drawn_cell(rng, _PCT_TEXTS, "E"),
            actual=drawn_cell(rng, _PCT_TEXTS, "F"),
        )
        for code, check, plain_check in (
            ("I07", ind_mod.percent_range, _plain_i07),
            ("I14", ind_mod.value_in_name, _plain_i14),
        ):
            run, plain = two_contexts(ctx, rows)
            for c in (run, plain):
                c.spec, c.params, c.severity = spec(code), dict(spec(code).params), spec(code).severity
            got = [f.ref for f in check(run)]
            assert got == list(plain_check(plain))
            found += len(got)
    assert found > trials // 4  # (a floor scaled with the draws)


def _plain_s08(ctx):
    from perfxl.rules.scores import direction

    for ind in ctx.indicators():
        result = ctx.outcome(ind).result
        if result is None or not result.over_completed or direction(ctx, ind) != "positive":
            continue
        if ctx.explained(ind.deviation) or ind.deviation.place() is None:
            continue
        yield ind.deviation.place()


def _plain_s09(ctx):
    from perfxl.rules.scores import _full_marks, direction

    limit = Decimal(str(ctx.param("ratio", 1.5)))
    for ind in ctx.indicators():
        result = ctx.score(ind)
        if result is None or result.ratio is None or direction(ctx, ind) != "positive":
            continue
        if result.ratio >= limit and _full_marks(ctx, ind):
            yield ind.target.place()


_S_TARGETS = ("≥10", "10", "≤5", "=3", "<2", "是", "90%", "增长5%", "", "/", "优", "10个", "≥95%", "0")
_S_ACTUALS = ("20", "16", "3", "否", "100%", "是", "", "12个", "8", "50", "130%", "0", "良")


def test_over_completion_and_low_targets_walk_the_positive_rows_as_before():
    """S08 and S09 walk the rows whose direction is "positive" (`rows_scored`, worked out once a table) instead of every
    row asking its direction: their findings equal the plain forms' on 400 random tables (targets with and without
    operators, growth, words; actuals over and under; weights, scores full and not, blanks; 偏差原因 filled or not)."""
    from perfxl.rules.scores import over_completion_explained, target_too_low

    ctx, base = example_context()
    rng = random.Random(2308)
    found = 0
    weights = (Decimal(10), Decimal(5), None, "/")
    for _ in range(trials := draws(400, 80)):
        rows = []
        for n in range(rng.randint(1, 8)):
            weight = rng.choice(weights)
            score = rng.choice((weight, Decimal(3), None)) if weight != "/" else None
            rows.append(
                replace(
                    base,
                    name=CellValue.of(rng.choice(("投诉率", "覆盖率", "培训人次", "成本")) + str(n)),
                    target=CellValue.of(rng.choice(_S_TARGETS), CellRef("表1", f"E{n + 2}")),
                    actual=CellValue.of(rng.choice(_S_ACTUALS), CellRef("表1", f"F{n + 2}")),
                    weight=CellValue.of(weight, CellRef("表1", f"G{n + 2}")),
                    score=CellValue.of(score, CellRef("表1", f"H{n + 2}")),
                    deviation=CellValue.of(rng.choice(("", "超额完成因需求增加", "/")), CellRef("表1", f"I{n + 2}")),
                )
            )
        for code, check, plain_check in (
            ("S08", over_completion_explained, _plain_s08),
            ("S09", target_too_low, _plain_s09),
        ):
            run, plain = two_contexts(ctx, tuple(rows))
            for c in (run, plain):
                c.spec, c.params, c.severity = spec(code), dict(spec(code).params), spec(code).severity
            got = [f.ref for f in check(run)]
            assert got == list(plain_check(plain))
            found += len(got)
    assert found > trials // 8  # (90 on this seed's 400; a floor scaled with the draws)


def test_zeroed_not_applicable_rows_from_the_facts():
    """W02's rows weighted 0 that say they do not apply, read from the rows' facts in one pass, are those the plain
    asks give, with the same note — on 300 random groups (不适用 markers and look-alikes, weights 0, blank, figures)."""
    from randomrows import NA_TEXTS

    from perfxl.rules import not_applicable
    from perfxl.rules.weights import _zeroed_not_applicable

    ctx, base = example_context()
    rng = random.Random(2309)
    named = 0
    for _ in range(300):
        rows = drawn_rows(
            rng,
            base,
            8,
            target=drawn_cell(rng, NA_TEXTS, "E"),
            actual=drawn_cell(rng, NA_TEXTS, "F"),
            weight=drawn_cell(rng, (Decimal(0), Decimal(5), None, "0", "/"), "G"),
        )
        run, plain = two_contexts(ctx, rows)
        got = _zeroed_not_applicable(run, rows, True, None, "", "")
        want = [i for i in rows if plain.fact(i).weight == 0 and not_applicable.marked(plain, i)]
        assert (got[1] != "") is bool(want)
        assert all(f"“{i.name.text}”" in got[1] for i in want)
        named += len(want)
    assert named > 50


def test_label_cells_met_again_give_their_own_text_and_key():
    """A row's 一级/二级 text and key, taken from the row before when its label cell is the same object (the layout's
    forward fill), are the cell's own stripped text and `compact` key — on 300 random tables mixing shared cells,
    equal texts in other cells, traditional characters, spaces and punctuation, number cells and empty ones."""
    from perfxl.rules.context import compact

    ctx, base = example_context()
    rng = random.Random(2310)
    texts = ("产出指标", " 效益指标（35分） ", "產出指標", "数量 指标", "", None, Decimal(3), "满意度指标", "成本指标")
    for _ in range(300):
        pool = [CellValue.of(rng.choice(texts)) for _ in range(3)]
        label = lambda _, pool=pool: rng.choice(pool)  # noqa: E731 (the same draw for both levels)
        rows = drawn_rows(rng, base, 10, level1=label, level2=label)
        run, _ = two_contexts(ctx, rows)
        for f in [run.fact(i) for i in rows]:
            for cell, text, key in (
                (f.ind.level1, f.level1_text, f.level1_key),
                (f.ind.level2, f.level2_text, f.level2_key),
            ):
                assert text == cell.text and key == compact(cell.text)


def test_bare_targets_as_each_row_read():
    """I03's bare-unit targets (a unit without its figure), each distinct text read once, are the rows and units the
    plain listing gives — on 300 random tables of units, operators with units, figures, words and blanks."""
    ctx, base = example_context()
    rng = random.Random(2311)
    texts = ("公里", "≧ %", "%", "万亩", "", "/", "是", "≥95%", "10公里", "个", "≤ 万元", "abc", "  ", "％")
    for _ in range(300):
        rows = drawn_rows(
            rng,
            base,
            8,
            target=drawn_cell(rng, texts, "E"),
            unit=lambda _: rng.choice((None, None, CellValue.of("个"))),
        )
        run, _ = two_contexts(ctx, rows)
        facts = run.facts()
        want = [
            (f, unit)
            for f in facts
            if f.target.number is None and f.ind.unit is None and (unit := ind_mod._bare_unit(f.ind.target.text))
        ]
        assert ind_mod._bare_targets(facts) == want
