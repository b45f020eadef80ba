"""issue 14, session 22 (perf22k): each speed change of the checks' row held against its plain form.

Enum members as module names: in Python 3.11 `EnumType` defines `__getattr__`, so every `ValueKind.PERCENT`,
`Certainty.GUESS` … goes through CPython's `slot_tp_getattr_hook` (≈ 900 instructions an ask more than a module
name's). Each member of `ValueKind`, `Op`, `Severity` and `Certainty` is bound once as a module name where its enum is
defined (`perfxl.values`, `perfxl.model`) and imported by name by the code the checks run a row. The tests hold each
name to its member and count the members asked of the enums while the checks run over a 1,000-row table.
"""

from __future__ import annotations

import collections
import enum
import random
import sys
from dataclasses import replace
from decimal import Decimal

import pytest

from perfxl import model, values
from perfxl.model import Certainty, Severity
from perfxl.reader import read_submission
from perfxl.rules import cells as cells_mod
from perfxl.rules import indicators as ind_mod
from perfxl.rules.catalogue import spec
from perfxl.validate import validate_submission
from perfxl.values import Op, ValueKind

_ROWS = 1000


@pytest.mark.parametrize(("module", "kind"), [(values, ValueKind), (values, Op), (model, Severity), (model, Certainty)])
def test_each_member_is_its_module_name(module, kind):
    """The module name of each member is the member itself (`values.PERCENT is ValueKind.PERCENT`): comparisons by
    `is` or `==` and dictionary keys read alike with either spelling."""
    for member in kind:
        assert getattr(module, member.name) is member


@pytest.fixture(scope="module")
def big_path(tmp_path_factory):
    """The bench's table (bench/bench_big.py): the seed's 自评表 with its indicator rows repeated to 1,000, names
    numbered, written by the generator."""
    from perfxl.workbook.seed import seed_content
    from perfxl.workbook.variants import write_submission

    content = seed_content()
    ev = content.evaluations[0]
    base = ev.indicators
    lines = tuple(replace(base[i % len(base)], name=f"{base[i % len(base)].name}{i + 1}") for i in range(_ROWS))
    path = tmp_path_factory.mktemp("perf22k") / "big-1000.xlsx"
    write_submission(path, replace(content, evaluations=(replace(ev, indicators=lines),)), "standard")
    return path


@pytest.fixture(scope="module")
def big_submission(big_path):
    """`big_path` read back."""
    return read_submission(big_path)


def _member_asks(sub) -> collections.Counter[tuple[str, str, str]]:
    """The public attributes asked of perfxl's enum classes while the checks run over `sub`, by enum, name and the
    asking function (a recording `EnumType.__getattribute__`, removed after)."""
    asks: collections.Counter[tuple[str, str, str]] = collections.Counter()

    def recording(cls, name):
        if not name.startswith("_") and type.__getattribute__(cls, "__module__").startswith("perfxl"):
            code = sys._getframe(1).f_code
            asks[(type.__getattribute__(cls, "__name__"), name, code.co_name)] += 1
        return type.__getattribute__(cls, name)

    assert "__getattribute__" not in vars(enum.EnumType)
    enum.EnumType.__getattribute__ = recording  # type: ignore[assignment,method-assign]
    try:
        findings = validate_submission(sub)
    finally:
        del enum.EnumType.__getattribute__
    assert findings  # (the bench's table has findings: the finding path ran too)
    return asks


def test_checks_ask_few_enum_members_a_row(big_submission):
    """Before: ≈ 14.7 asks a row (`ValueKind.PERCENT` in `percent_range` twice a row, `value_readable`, `is_qualitative`,
    `_text_actual`, `infer_direction`, `new_finding`, `weaker_certainty` …). Now a handful in the whole run: the
    rows' checks read module names."""
    asks = _member_asks(big_submission)
    assert sum(asks.values()) <= _ROWS // 10, asks.most_common(10)


# ---------------------------------------------------------------- I13 asks a row's direction only for a figure


def _plain_i13(ctx):
    """I13 as it was: every row's direction asked first, then the target's figure tested."""
    from perfxl.rules.direction import name_direction
    from perfxl.rules.indicators import _UP

    for f in ctx.facts():
        ind, way, target = f.ind, ctx.direction(f.ind), f.target
        if way.source != "operator" or way.op is Op.EQ or target.number is None:
            continue
        if target.kind is ValueKind.GROWTH:
            continue
        by_name = name_direction(ind.name.text or ind.level2.text, ctx.profile)
        if by_name is None or (by_name.op in _UP) == (way.op in _UP):
            continue
        yield by_name.op, ind


_I13_NAMES = (
    "投诉率",
    "逾期发放率",
    "群众满意度",
    "事故发生率",
    "成本控制",
    "覆盖率",
    "差错率",
    "完成及时率",
    "培训人次",
    "",
)
_I13_TARGETS = (
    "≥95%", "≤5%", ">90", "<3次", "=100%", "100%", "95", "是", "优", "", "/", "增长5%", "下降3%", "≤约5%", "2023年12月底前",
    "≥ 10个", "不适用", "较上年增长10%", "完成", "5万元",
)  # fmt: skip


def test_i13_the_same_asking_directions_only_for_figures():
    """`direction_against_name` (I13) tests a row's target figure before asking its direction — the same `continue`
    — so a row without a figure has no direction worked out (nothing else asks it on the bench: 3,999 of 10,000
    rows). The findings equal the plain form's on 300 random tables (names with and without direction words, targets
    with operators, without, growth, dates, words, blanks), the rows' directions asked after equal too."""
    from randomrows import drawn_cell, drawn_rows, example_context, two_contexts

    from perfxl.model import CellValue
    from perfxl.rules.indicators import direction_against_name

    rng = random.Random(2222)
    ctx, base = example_context()
    found = 0
    for _ in range(300):
        rows = drawn_rows(
            rng,
            base,
            10,
            name=lambda n: CellValue.of(rng.choice(_I13_NAMES) + str(n)),
            target=drawn_cell(rng, _I13_TARGETS, "E", 1),
            actual=lambda _: CellValue.of(rng.choice(_I13_TARGETS)),
        )
        run, plain = two_contexts(ctx, rows)
        run.spec = plain.spec = spec("I13")
        run.params, plain.params = {}, {}
        run.severity = plain.severity = spec("I13").severity
        got = [f.ref for f in direction_against_name(run)]
        want = [ind.target.place() for _, ind in _plain_i13(plain)]
        assert got == want
        found += len(got)
        assert [run.direction(i) for i in rows] == [plain.direction(i) for i in rows]
    assert found > 100  # (the names' words meet the operators both ways)


# ---------------------------------------------------------------- S12/S14/S15's row tests: the row's facts first


def _plain_no_actual_but_scored(ctx, f):
    from perfxl.rules import not_applicable
    from perfxl.rules.scores import _scored_form

    ind, score = f.ind, f.score
    return (
        _scored_form(ctx, ind)
        and f.actual_blank
        and not ctx.is_error(ind.actual)
        and score is not None
        and score > 0
        and not not_applicable.marked(ctx, ind)
    )


def _plain_text_actual(ctx, f):
    from perfxl.rules.scores import _deadline, _evaluation_form, _on_time, _sole_row_block

    ind, t, a, weight, score = f.ind, f.target, f.actual, f.weight, f.score
    if weight is None and (block := _sole_row_block(ctx, ind)) is not None:
        weight = block.declared_weight
    numeric = t.number is not None and t.kind in (ValueKind.NUMBER, ValueKind.PERCENT, ValueKind.GROWTH)
    numeric_target = numeric or (_deadline(t) and not _on_time(ind.actual.text))
    text_actual = a.number is None and a.kind in (ValueKind.QUALITATIVE, ValueKind.TEXT) and not a.reason
    if not (_evaluation_form(ctx, ind) and numeric_target and text_actual and not ctx.is_error(ind.actual)):
        return False
    if ind.score.place() is None:
        return True
    return weight is not None and score is not None and abs(score - weight) <= ctx.tol_score


def _plain_not_scored(ctx, f):
    from perfxl.rules import not_applicable
    from perfxl.rules.scores import _scored_form

    ind = f.ind
    return (
        _scored_form(ctx, ind)
        and (ctx.ev.has_column("actual") or ctx.ev.has_column("score"))
        and not f.target_blank
        and f.actual_blank
        and f.score_blank
        and not ctx.is_error(ind.score)
        and (f.weight is not None or not ctx.ev.has_column("weight"))
        and not not_applicable.marked(ctx, ind)
    )


_S_TEXTS = (
    "100%", "≥95%", "95", "是", "已完成", "按时完成", "未按时完成", "优", "基本完成", "", "  ", "/", "—", "#N/A", "不适用",
    "12月", "2023年12月底前", "2023年", "10个", "≥10个", "增长5%", "全年", "（空）", "N/A", "0", "较好",
)  # fmt: skip


def test_score_row_tests_the_same_facts_first():
    """S12's `_no_actual_but_scored`, S14's `_text_actual` and S15's `_not_scored` test the row's facts before the
    form's (`_scored_form`, a call) — the same `and` of side-effect-free tests in another order, and S14's text-actual
    test before the rest. Each equals its plain form on 400 random tables (blank/typed/text/error targets, actuals and
    scores, weights blank or typed, cells with and without a place), asked in a fresh context."""
    from randomrows import drawn_cell, drawn_rows, example_context, two_contexts

    from perfxl.model import CellRef, CellValue
    from perfxl.rules.scores import _no_actual_but_scored, _not_scored, _text_actual

    rng = random.Random(2223)
    ctx, base = example_context()
    seen = collections.Counter()
    for _ in range(400):
        rows = drawn_rows(
            rng,
            base,
            8,
            target=drawn_cell(rng, _S_TEXTS, "E", 1),
            actual=lambda n: CellValue.of(
                rng.choice([*_S_TEXTS, Decimal(95), None]), CellRef("表1", f"F{n + 1}") if rng.random() < 0.9 else None
            ),
            weight=lambda _: CellValue.of(rng.choice([Decimal(10), Decimal(5), None, "/", "", "十"])),
            score=lambda n: CellValue.of(
                rng.choice([Decimal(10), Decimal(0), Decimal("4.5"), None, "", "/", "#N/A", "满分"]),
                CellRef("表1", f"H{n + 1}") if rng.random() < 0.85 else None,
            ),
        )
        run, plain = two_contexts(ctx, rows)
        for new, old in (
            (_no_actual_but_scored, _plain_no_actual_but_scored),
            (_text_actual, _plain_text_actual),
            (_not_scored, _plain_not_scored),
        ):
            for f_run, f_plain in zip(run.facts(), plain.facts(), strict=True):
                got, want = new(run, f_run), old(plain, f_plain)
                assert bool(got) is bool(want), (new.__name__, f_run.ind)
                seen[new.__name__, bool(got)] += 1
    assert min(seen.values()) > 20 and len(seen) == 6, seen  # (each test both ways)


# ---------------------------------------------------------------- I03 and I12 skip a row their findings cannot be of
# (the plain forms: the two checks as they were, copied)


def _plain_target_numeric(ctx):
    """A quantitative row (operator given) has a numeric 年度指标值. A table whose every target is a unit without its
    figure ("公里", "万亩", "≧ %": 陈仓 2020's 目标表, its template lines left unfilled) is one finding, at the first."""
    facts = ctx.facts()
    bare = [
        (f, unit)
        for f in facts
        if f.target.number is None and f.ind.unit is None and (unit := ind_mod._bare_unit(f.ind.target.text))
    ]
    unfilled = len(bare) >= 2 and len(bare) == sum(1 for f in facts if not f.target_blank)
    if unfilled:
        yield ind_mod._unfilled_targets(ctx, bare)
    for f in facts:
        ind, p = f.ind, f.target
        nature = ind.nature.text if ind.nature is not None else ""
        leading_op = ind.target.text[:1] in ind_mod._OP_CHARS
        quantitative = (
            (nature and nature != "定性" and nature in ind_mod.OPERATORS)
            or ind_mod.op_name(p) is not None
            or leading_op
        )
        if p.number is None and ind.unit is None and (unit := ind_mod._bare_unit(ind.target.text)):
            if unfilled:
                continue
            # "公里", "≧ %": the form's unit with the figure left out. Certain only if the column is the value's
            # and not a 度量单位 column read as it — the reader's mapping: a person judges
            yield ctx.finding(
                ind.target,
                expected="数值",
                actual=ind.target.text,
                name=ind_mod._label(ind),
                more="",
                more_en="",
                basis=f"读取：年度指标值“{ind.target.text}”只有计量单位“{unit}”，没有数值",
                basis_en=f"read target {ind.target.text!r}: the unit {unit!r} without a figure",
                certainty=Certainty.JUDGEMENT,
            )
        elif (
            quantitative
            and p.number is None
            and p.kind not in (ValueKind.DATE,)
            and not f.target_blank
            and not ind_mod.target_not_applicable(ctx, ind)
        ):
            worded = ind_mod._CN_NUMERAL.search(ind.target.text)
            slash = ind_mod._slash_target(ind)
            # "≥上年", "≥国家标准": set against a 历史/行业标准 (财预〔2021〕101号) whose figure the table does not print
            benchmark = next((w for w in ctx.param("benchmark_words", ()) if w in ind.target.text), None)
            if slash:
                # "/" (│ ≥ │ / │ % │): on Chinese forms often 不适用 or 无, not certainly a figure left out — T05's 不适用
                # markers do not list it (a "/" is also a blank placeholder), so a person judges (issue 11)
                basis = (
                    f"读取：年度指标值“{ind.target.text}”的指标值栏填“{slash}”，表格中“{slash}”常表示不适用或无，"
                    "未必漏填数值；如本指标不适用宜写明“不适用”，否则应填写数值"
                )
                basis_en = (
                    f"read target {ind.target.text!r}: the value cell holds {slash!r}, which Chinese forms often write "
                    "for not applicable or none — not certainly an omitted figure"
                )
            elif worded:
                basis = (
                    f"读取：年度指标值“{ind.target.text}”的数值以汉字“{worded.group()}”书写，perfxl 未换算；"
                    "是否为数值需人工判断（宜改填阿拉伯数字）"
                )
                basis_en = (
                    f"read target {ind.target.text!r}: a figure written in Chinese numerals "
                    f"({worded.group()!r}), not converted by perfxl"
                )
            elif benchmark:
                basis = (
                    f"读取：年度指标值“{ind.target.text}”以参照标准“{benchmark}”表示，表中未写明其数值；"
                    "请核对参照值并宜填写具体数值"
                )
                basis_en = f"read target {ind.target.text!r}: set against {benchmark!r}, whose figure the table omits"
            else:
                basis = basis_en = ""
            yield ctx.finding(
                ind.target,
                expected="数值",
                actual=ind.target.text,
                name=ind_mod._label(ind),
                more="",
                more_en="",
                basis=basis,
                basis_en=basis_en,
                certainty=Certainty.JUDGEMENT if slash or worded or benchmark else None,
            )


def _plain_value_readable(ctx):
    """年度指标值 / 实际完成值 hold a number, a percentage, a date or a tier label — not TRUE/FALSE,
    and not text with control characters (which must not be parsed into a number); a share (满意度, 合格率) not
    above 100% (`share_bounds`, a 警告)."""
    for f in ctx.facts():
        ind = f.ind
        for cell, p, (column, column_en) in (
            (ind.target, f.target, cells_mod._COLUMNS["target"]),
            (ind.actual, f.actual, cells_mod._COLUMNS["actual"]),
        ):
            raw = cell.raw
            if isinstance(raw, bool):
                shown = "TRUE" if raw else "FALSE"
                yield ctx.finding(
                    cell,
                    expected="数值或规定档次",
                    actual=shown,
                    name=cells_mod._label(ind),
                    column=column,
                    column_en=column_en,
                    problem=f"是逻辑值，不是有效的{column}；请填写数值（如“20家”）或规定档次（如“达成年度指标”）",
                    problem_en=f"is a logical value, not a valid {column_en}",
                )
                continue
            if not isinstance(raw, str) or raw.strip() in cells_mod.EXCEL_ERRORS:
                continue
            if not p.reason and p.kind is ValueKind.PERCENT:  # (`share_above_whole` reads percents only: no generator
                yield from cells_mod.share_above_whole(
                    ctx, ind, cell, column, column_en
                )  # made for the other cells of a row)
            if p.reason:
                damaged = p.damaged  # typing or OCR damage: perhaps the reading's, not the filer's
                yield ctx.finding(
                    cell,
                    expected="数值或规定档次",
                    actual=cells_mod.visible(raw),
                    name=cells_mod._label(ind),
                    column=column,
                    column_en=column_en,
                    problem=f"{p.reason}，请{'核对后重新填写' if damaged else '删除后重新输入'}",
                    problem_en=p.reason_en or "cannot be read",
                    certainty=Certainty.JUDGEMENT if damaged else None,
                    basis=f"读取 {cell.place()}：“{cells_mod.visible(raw)}”{p.reason}",  # the reason reads on from the cell's text
                    basis_en=f"read {cell.place()}: {cells_mod.visible(raw)!r}, {p.reason_en}",
                )


_ROW_TEXTS = (
    "100%", "≥95%", "120%", "-5%", "95", "是", "已完成", "优", "", "  ", "/", "—", "#N/A", "#VALUE!", "不适用", "公里",
    "≧ %", "≥", "十个", "≥上年", "1O0%", "12月", "≥10个", "增长5%", "98.5%（全年）", "≥ 90 %", "5万元", "N/A",
)  # fmt: skip


def _random_rows(rng, base):
    from randomrows import drawn_cell, drawn_rows

    from perfxl.model import CellValue

    return drawn_rows(
        rng,
        base,
        8,
        name=lambda n: CellValue.of(rng.choice(["满意度", "合格率", "增长率", "培训人次", "道路长度", ""]) + str(n)),
        target=drawn_cell(rng, [*_ROW_TEXTS, True, False, Decimal(95)], "E", 1),
        actual=drawn_cell(rng, [*_ROW_TEXTS, True, Decimal(101), 0.5], "F", 1),
        nature=lambda _: rng.choice(
            [None, None, CellValue.of("≥"), CellValue.of("定性"), CellValue.of("正向"), CellValue.of("")]
        ),
        unit=lambda _: rng.choice([None, None, CellValue.of("公里"), CellValue.of("%")]),
    )


def test_i03_and_i12_skip_only_rows_they_say_nothing_of():
    """I03 (`target_numeric`) skips a row whose target holds a figure (both its findings are of a target without one)
    and reads the bare units it worked out for the whole-table test; I12 (`value_readable`) skips a row neither of
    whose cells is a logical value, unread or a percent. Their findings equal the plain forms' on 400 random tables
    (booleans, Excel errors, damaged and percent texts, bare units, operators alone, 指标性质 and 计量单位 columns)."""
    from randomrows import example_context, two_contexts

    from perfxl.rules.cells import value_readable
    from perfxl.rules.indicators import target_numeric

    rng = random.Random(2224)
    ctx, base = example_context()
    found = collections.Counter()
    for _ in range(400):
        rows = _random_rows(rng, base)
        for code, new, old in (
            ("I03", target_numeric, _plain_target_numeric),
            ("I12", value_readable, _plain_value_readable),
        ):
            run, plain = two_contexts(ctx, rows)
            for c in (run, plain):
                c.spec, c.params, c.severity = spec(code), {}, spec(code).severity
            got = list(new(run))
            assert got == list(old(plain)), code
            found[code] += len(got)
    assert found["I03"] > 100 and found["I12"] > 100, found
