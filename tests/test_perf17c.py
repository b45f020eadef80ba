"""perf17c's shortcuts in the checks, each held against its plain form (docs/performance.md, branch perf17c).

C01/C02's walk telling a table's places apart as it meets the cells, C02's number-sign test on the raw text, the
不适用 reading answering unmarked rows from the by-text answers, and D01's under-way word kept by text: each must give
what the plain form gives."""

from __future__ import annotations

import random
import re
from dataclasses import replace
from decimal import Decimal

from hypothesis_budget import draws
from randomrows import NA_TEXTS, example_context, plain_text_cells, random_na_rows, random_table, two_contexts

from perfxl.chinese import to_simplified
from perfxl.model import CellRef, CellValue, Submission
from perfxl.profiles import load_profile
from perfxl.rules import deviations, not_applicable
from perfxl.rules.catalogue import spec
from perfxl.rules.cells import text_cells
from perfxl.rules.context import Context, compact
from perfxl.rules.row_facts import RowFacts
from perfxl.values import ValueKind
from tests.test_start25b import traditional_by_character

_RAWS = ("文本", " ", None, Decimal("1.5"), 3, "", "x\x1b", float("inf"), float("nan"), 2.5, "#N/A")


# ---------------------------------------------------------------- C01/C02's walk


def test_text_cells_as_the_plain_walk():
    """The walk deciding each cell as it meets it keeps the cells the plain walk (collect all, then keep each place's
    first occurrence) keeps, in its order — places recurring in rows, lists, dicts and as the same cell object."""
    rng = random.Random(1717)
    ctx = Context(Submission(path=""), load_profile(None))
    tables = []  # kept, so no table's id (the walk's cache key) is reused by the next
    for _ in range(draws(3000, 300)):  # a seeded sweep: the first 300 in the fast loop, all in CI
        table = random_table(rng, _RAWS, loose=True)
        tables.append(table)
        assert text_cells(ctx, table) == plain_text_cells(table)  # type: ignore[arg-type]
    cell = CellValue.of("文本", CellRef("表1", "A1"))
    assert text_cells(ctx, cell) == (("", cell),)  # type: ignore[arg-type]  (a cell walked on its own)


def test_text_cells_of_the_example_as_the_plain_walk():
    ctx, _ = example_context()
    for ev in ctx.submission.evaluations:
        assert text_cells(ctx, ev) == plain_text_cells(ev)
    assert ctx.submission.basic is not None
    assert text_cells(ctx, ctx.submission.basic) == plain_text_cells(ctx.submission.basic)


def test_a_number_sign_in_the_raw_text_is_one_in_its_stripped_text():
    """C02 looks for "#", "﹟", "＃" in a text cell's raw text instead of its stripped `text`: the same answer."""
    rng = random.Random(17)
    pieces = ["#", "\ufe5f", "\uff03", " ", "\u3000", "\t", "\n", "N/A", "值", "1"]
    for _ in range(5000):
        raw = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        text = CellValue.of(raw).text
        for sign in ("#", "\ufe5f", "\uff03"):
            assert (sign in raw) == (sign in text), repr(raw)


# ---------------------------------------------------------------- the 不适用 reading


def _declared_row_as_before(ctx: Context, f: RowFacts, marks: re.Pattern[str]) -> bool:
    """`not_applicable._declared_row` as it was: each cell asked `_has`, then the marker's place."""
    ind = f.ind
    cells = [
        (t, c)
        for t, c in ((f.target_text, ind.target), (f.actual_text, ind.actual))
        if not_applicable._has(ctx, t, c, marks)
    ]
    if not cells:
        return False
    for text, _ in cells:
        bare = not_applicable._BRACKETED.sub("", compact(text)).strip(not_applicable._MARKER_PUNCT)
        m = marks.search(bare)
        if m is not None and m.end() == len(bare) and m.start() <= not_applicable._MARKER_LEAD:
            return True
    return f.score_blank


def test_declared_as_the_plain_reading():
    """Rows whose texts hold no marker are answered from the by-text answers; every row is declared as the plain
    reading says, asked first or again, alone or after `guessed`/`marked`."""
    ctx, base = example_context()
    texts = [*NA_TEXTS, "#VALUE!不适用"]
    rng = random.Random(1718)
    for _ in range(80):
        rows = random_na_rows(rng, base, texts)
        run, plain = two_contexts(ctx, rows)
        marks = not_applicable.pattern(plain)
        assert marks is not None
        for ind in rows:
            expected = _declared_row_as_before(plain, plain.fact(ind), marks)
            if rng.random() < 0.5:
                not_applicable.guessed(run, ind)
            assert not_applicable.declared(run, ind) is expected
            assert not_applicable.declared(run, ind) is expected  # (from the row's memo)
            fresh = Context(ctx.submission, ctx.profile)
            held = not_applicable._marked_texts(fresh)
            assert not_applicable._declared_row(fresh, run.fact(ind), marks, held) is expected


def test_declared_without_markers_is_false():
    """A profile listing no marker declares no row (and keeps no answer a later profile could misread)."""
    ctx, base = example_context()
    profile = load_profile(None)
    run = Context(ctx.submission, profile)
    run.evaluation = ctx.ev
    run._once["T05 markers"] = None  # as `_pattern_of` gives when no marker is listed
    ind = replace(base, target=CellValue.of("不适用"), actual=CellValue.of("不适用"))
    assert not_applicable.declared(run, ind) is False
    assert "declared" not in run.fact(ind).memo


# ---------------------------------------------------------------- D01's under-way word


def _under_way_as_before(ctx: Context, text: str) -> str | None:
    plain = to_simplified(text)
    return next(
        (
            w
            for w in ctx.profile.get("qualitative.under_way", ())
            if w and w in plain and re.search(re.escape(w) + deviations._CLAUSE_END, plain)
        ),
        None,
    )


def test_under_way_word_kept_by_text_is_the_plain_search():
    """`_under_way` keeps each actual text's word for the run: the word (and the message) the search gives each row."""
    ctx, base = example_context()
    words = ["建设中", "正在建设", "推进中", "建設中", "中小企业", "二期", "，", "。", " ", "完成", "未竣工", "心城区"]
    rng = random.Random(1719)
    run = Context(ctx.submission, ctx.profile)
    run.evaluation = ctx.ev
    for _ in range(draws(3000, 300)):
        text = "".join(rng.choice(words) for _ in range(rng.randint(0, 4)))
        ind = replace(base, actual=CellValue.of(text), target=CellValue.of(rng.choice(["100%", "建成", "≥1个"])))
        word = _under_way_as_before(ctx, CellValue.of(text).text)
        found = deviations._under_way(run, ind)
        fresh = deviations._under_way(Context(ctx.submission, ctx.profile), ind)
        assert found == fresh
        assert (found is None) == (word is None), text
        if found is not None:
            assert f"含“{word}”" in found[3]


# ---------------------------------------------------------------- the traditional test, the blank test, I07


def _looks_traditional_as_before(text: str) -> bool:
    """The rule by character (start25b: a text outside GB2312 only for symbols such as "㎡" is not traditional)."""
    return traditional_by_character(text)


def test_looks_traditional_with_the_encoder_kept_is_str_encode():
    """The GB2312 encoder looked up once answers as `str.encode("gb2312")` did, on random texts mixing simplified,
    traditional, converted-in-GB2312, Latin, full-width, emoji and lone surrogate characters."""
    from perfxl.chinese import looks_traditional

    rng = random.Random(1720)
    pool = "满意度达标率後於體驗資金ABC12%％（）—…\u3000 \t\U0001f600\ud800é№①"
    for _ in range(draws(20000, 2000)):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 12)))
        assert looks_traditional(text) is _looks_traditional_as_before(text), repr(text)


def _is_blank_as_before(ctx: Context, cell: CellValue | None) -> bool:
    if cell is None:
        return True
    raw = cell.raw
    if raw.__class__ is str:
        return ctx.is_blank(cell)  # (the text branch is unchanged)
    if cell.is_blank:
        return True
    if raw.__class__ in (Decimal, int, float):
        return False
    return ctx.parsed(cell).kind in (ValueKind.BLANK, ValueKind.PLACEHOLDER)


class _Text(str):
    """Text of a str subclass: not the text branch's class test."""


def test_is_blank_asks_a_figure_no_property_and_answers_as_before():
    ctx, _ = example_context()
    raws = [
        None,
        Decimal("0"),
        Decimal("NaN"),
        0,
        3,
        2.5,
        float("nan"),
        True,
        False,
        "",
        " ",
        "/",
        "5",
        _Text(""),
        _Text(" /"),
    ]
    raws += [_Text("100"), b"x", Decimal("-1E+400")]
    for raw in raws:
        cell = CellValue.of(raw)
        assert ctx.is_blank(cell) is _is_blank_as_before(Context(ctx.submission, ctx.profile), cell), repr(raw)


def test_percent_range_skips_change_names_as_the_generator_did():
    """I07's word tests without a generator: `any(map(key.__contains__, words))` and the two rate words spelt out."""
    rng = random.Random(1721)
    words = ("增长率", "增幅", "变动率", "率", "满意度", "满意", "度")
    for _ in range(5000):
        key = "".join(rng.choice("增长率幅变动满意度达标") for _ in range(rng.randint(0, 6)))
        changes = tuple(rng.sample(words, rng.randint(0, 3)))
        assert any(map(key.__contains__, changes)) == any(w in key for w in changes)
        assert ("率" not in key and "满意度" not in key) == (not any(w in key for w in ("率", "满意度")))


# ---------------------------------------------------------------- F19's 成本 test first


_F19_NEW = """    for f in _cost_rows(ctx, ev):
        standard = f.target
        money, per = split_per(normalise_unit(standard.unit))
        yuan = _yuan_per(money)
        if per is None or yuan is None or standard.number is None or standard.number <= 0:
            continue
"""
_F19_OLD = """    for f in ctx.facts(ev):
        standard = f.target
        money, per = split_per(normalise_unit(standard.unit))
        yuan = _yuan_per(money)
        if not _is_cost(f) or per is None or yuan is None or standard.number is None or standard.number <= 0:
            continue
"""


def _f19_as_before():  # type: ignore[no-untyped-def]
    """F19's body as it was (the unit split and read on every row before the 成本 test), built from its source."""
    import inspect
    import textwrap

    from perfxl.rules import cost

    source = textwrap.dedent(inspect.getsource(cost.count_times_standard_vs_funds))
    assert _F19_NEW in source
    source = source.replace(_F19_NEW, _F19_OLD).replace('@check("F19")\n', "")
    space: dict[str, object] = dict(vars(cost))
    exec(source, space)  # the module's own source, one block reordered
    return space["count_times_standard_vs_funds"]


def test_f19_asks_the_cost_test_first_and_finds_as_before():
    """The unit work F19 now skips on a row outside 成本指标 never raises (so skipping it changes nothing), and F19 finds
    on random tables of counts, standards, caps and other rows what its former order found."""
    from perfxl.rules import cost
    from perfxl.units import normalise_unit, split_per

    rng = random.Random(1722)
    units = [
        None,
        "",
        "万元/个",
        "元/人",
        "万元",
        "个",
        "/",
        "元/",
        "/个",
        "万/户",
        "亿元/年",
        "%",
        "人次",
        "万元/场",
        "㎡",
    ]
    for _ in range(3000):
        unit = rng.choice([*units, "".join(rng.choice("万元/个年人%") for _ in range(rng.randint(1, 4)))])
        money, _per = split_per(normalise_unit(unit))
        cost._yuan_per(money)
    ctx, base = example_context()
    old = _f19_as_before()
    targets = [
        "=23万元/个",
        "=10个",
        "≥10个",
        "≤475元/亩",
        "约23万元/个",
        "=3年",
        "100万元/年",
        "=5户",
        "=2万元/户",
        "100%",
    ]
    targets += ["=900万元/户", "=50户", "=2300万元/个", "=100个"]
    levels = ["成本指标", "数量指标", "质量指标", ""]
    checked = 0
    for _ in range(120):
        rows = tuple(
            replace(
                base,
                level2=CellValue.of(rng.choice(levels)),
                name=CellValue.of(
                    rng.choice(["每个培训班补助标准", "培训班个数", "补助户数", "每户补助", "成本"]) + str(n)
                ),
                target=CellValue.of(rng.choice(targets)),
            )
            for n in range(rng.randint(1, 8))
        )
        run, before = two_contexts(ctx, rows)
        run.spec = before.spec = spec("F19")
        run.severity = before.severity = run.spec.severity
        found = list(cost.count_times_standard_vs_funds(run))
        assert found == list(old(before))
        checked += len(found)
    assert checked > 0  # (some tables ask more money than the year has)
