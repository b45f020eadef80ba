"""R-I checks: the form of each 三级指标 row — name, coverage, numeric targets, operators, units, kinds."""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Any

from perfxl.model import CellRef, CellValue, Certainty, Finding, Indicator, Level1Heading
from perfxl.patterns import lazy_compile
from perfxl.units import count_of_noun, family_of, lookup, periods_a_year, split_per
from perfxl.values import (
    BLANK,
    DATE,
    EQ,
    GROWTH,
    NUMBER,
    PERCENT,
    PLACEHOLDER,
    Op,
    ParsedValue,
    ValueKind,
    blank_text,
    parse_value,
    unit_of_clause,
)
from perfxl.values_dates import excel_serial_date

from .catalogue import check
from .context import Context, compact, dotted_year_month, title_year
from .direction import columns_conflict, name_direction
from .not_applicable import target_not_applicable
from .row_facts import RowFacts
from .share_bounds import over_whole
from .weights_as_targets import weights_as_targets

OPERATORS = {"≥", ">", "=", "≤", "<", ">=", "<=", "＞", "＜", "＝", "定性", "≧", "≦", "═", "﹦", "⩾", "⩽", "＝＝"}
_OP_CHARS = set("≥≤><=＞＜＝≧≦")
#: Direction words of a 指标性质 column that read as an operator (正向指标 → ≥, 逆向指标 → ≤): valid, not stray.
NATURE_WORDS = frozenset(
    {
        "正向",
        "正向指标",
        "越大越好",
        "大于等于",
        "反向",
        "反向指标",
        "逆向",
        "逆向指标",
        "负向",
        "负向指标",
        "越小越好",
        "小于等于",
    }
)
QUANT_KINDS = (ValueKind.NUMBER, ValueKind.PERCENT, ValueKind.GROWTH)


def op_name(p: ParsedValue) -> str | None:
    """ "GE"/"GT"/"EQ"/"LE"/"LT" of a parsed value, None without operator."""
    return getattr(p.op, "name", None)


def _label(ind: Indicator) -> str:
    return ind.name.text or ind.level2.text


def _target_problem(ctx: Context, ind: Indicator, expected: str, problem: str, problem_en: str) -> Finding:
    """A finding at the row's 年度指标值 saying what is wrong with it (`problem`) and what it should be (`expected`)."""
    return ctx.finding(
        ind.target, expected=expected, actual=ind.target.text, name=_label(ind), problem=problem, problem_en=problem_en
    )


def _next_row(above: Indicator, below: Indicator) -> bool:
    a, b = above.name, below.name
    return a.sheet is not None and a.sheet == b.sheet and b.r == a.r + 1


#: How many entirely empty rows may lie inside a merged name's rows (an export artefact, a spacer row).
_EMPTY_ROWS_INSIDE = 2


def _across_empty_rows(ctx: Context, above: Indicator, below: Indicator) -> bool:
    """`below` follows `above` across rows that hold nothing (no indicator row read there, or only empty ones), in the
    same 一级 and 二级: the empty rows may lie inside a merged name's rows (an export's spacer), so a blank name there may
    be the name above, its merge lost — as directly under it. A row with anything between them ends that."""
    a, b = above.name, below.name
    if a.sheet is None or a.sheet != b.sheet or not a.r + 1 < b.r <= a.r + 1 + _EMPTY_ROWS_INSIDE:
        return False
    if not _same_groups(above, below):
        return False
    between = [i for i in ctx.ev.indicators if i.row is not None and a.r + 1 < i.row < b.r + 1]  # (`row`: 1-based)
    return all(_blank_row(ctx, i) for i in between)


def _blank_row(ctx: Context, ind: Indicator) -> bool:
    return all(ctx.is_blank(c) for c in (ind.name, ind.target, ind.actual, ind.weight, ind.score, ind.deviation))


def _merged_name(ind: Indicator, above: Indicator) -> bool:
    """The blank name cell is no lost merge: a merged name would have been read (the reader fills merges)."""
    return ind.name.sheet is not None and ind.name.same_place(above.name)


def _same_groups(above: Indicator, below: Indicator) -> bool:
    """Both rows under one 一级 and one 二级: a 三级 name merged over rows never crosses a group's line."""
    return compact(above.level1.text) == compact(below.level1.text) and compact(above.level2.text) == compact(
        below.level2.text
    )


def _level2_across(ctx: Context, ind: Indicator) -> bool:
    """The row prints its own 二级 right left of its blank name cell: a 二级 merged across the 三级 column (a leaf, read
    as "与二级指标名称相同" when the merge survives) whose merge the export lost — the same table as the merged one."""
    lv, nm = ind.level2, ind.name
    return (
        lv.sheet is not None
        and nm.sheet is not None
        and not ctx.is_blank(ind.level2)
        and lv.sheet == nm.sheet
        and lv.r == nm.r
        and lv.c + 1 == nm.c
    )


def _named_above(ctx: Context, valued: list[RowFacts]) -> dict[int, Indicator]:
    """For each blank-named row, the named row its name may be merged down from: the row right above it, or the one
    above an unbroken run of blank-named rows (a 三级 merged over three criteria rows loses its merge as one over two
    does)."""
    named: dict[int, Indicator] = {}
    for above_facts, below_facts in itertools.pairwise(valued):
        if not below_facts.name_blank:
            continue  # (the name first: most rows have one, and a row number is an A1 text to parse)
        above, below = above_facts.ind, below_facts.ind
        if not (_next_row(above, below) or _across_empty_rows(ctx, above, below)):
            continue
        if not _same_groups(above, below):
            continue  # a new 一级 or 二级 starts here: the name above does not reach down
        if not above_facts.name_blank:
            named[id(below)] = above
        elif id(above) in named:
            named[id(below)] = named[id(above)]
    return named


def _nameless_table(valued: list[RowFacts]) -> bool:
    """No row of the table (two at least) names its indicator, only values or 分值: I01's one finding says it."""
    return len(valued) >= 2 and all(f.name_blank for f in valued)


@check("I01")
def name_present(ctx: Context) -> Iterator[Finding]:
    """A row with values has a 三级指标 name that is not just its 二级 name. A table none of whose rows names its
    indicator (宁乡 坝塘镇 2021: every 指标内容 blank, bare numbers as 指标值) is one finding at its first row, naming
    the others, not one a row: the table was filled without naming what is measured."""
    valued = [f for f in ctx.facts() if not (f.weight_blank and f.target_blank)]
    unnamed = [f.ind for f in valued if f.name_blank]
    if _nameless_table(valued):
        first, rest = unnamed[0], unnamed[1:]
        yield ctx.finding(
            first.name,
            expected="三级指标名称",
            actual="（空）",
            problem=f"为空——本表全部 {len(unnamed)} 个指标都没有名称，只有指标值或分值",
            problem_en=f"is empty — none of the table's {len(unnamed)} indicators has a name, only values",
            related=tuple(i.name.located() for i in rest if i.name.sheet is not None),
        )
        return
    named_above = _named_above(ctx, valued)
    for f in valued:
        ind = f.ind
        if f.name_blank:
            # directly under a named row (or under a run of blank-named rows that starts under one), in a table whose
            # merges may not have survived the export (a 三级 merged over its criteria rows): perhaps that name,
            # perhaps none — a person checks
            above = named_above.get(id(ind))
            lost = above.name.text if above is not None and not _merged_name(ind, above) else None
            across = ind.level2.text.strip() if lost is None and _level2_across(ctx, ind) else None
            problem, problem_en = "为空", "is empty"
            if lost:
                problem = f"为空（可能与上方“{lost}”为同一指标，合并单元格未保留），需人工核对"
                problem_en = f"is empty (perhaps {lost!r} above, its merge lost): a person checks"
            elif across:
                problem = f"为空（本行二级指标“{across}”可能横跨三级指标栏，合并单元格未保留），需人工核对"
                problem_en = f"is empty (the row's 二级 {across!r} may span the 三级 column, its merge lost)"
            yield ctx.finding(
                ind.name,
                expected="三级指标名称",
                actual="（空）",
                problem=problem,
                problem_en=problem_en,
                certainty=Certainty.JUDGEMENT if lost or across else None,
            )
        elif f.name_key == f.level2_key:
            # one cell merged over 二级 and 三级 (a leaf without sub-levels): normal in a 评分表, a judgement in
            # a 自评表 (the form asks for a 三级 name, but the merge is deliberate)
            merged = ind.name.sheet is not None and ind.name.same_place(ind.level2)
            scoring = not ctx.ev.has_column("target") and not ctx.ev.has_column("actual")
            if merged and scoring:
                continue
            yield ctx.finding(
                ind.name,
                expected="三级指标名称",
                actual=ind.name.text,
                problem="与二级指标名称相同",
                problem_en="repeats the second-level name",
                certainty=Certainty.JUDGEMENT if merged else None,
            )


@check("I02")
def coverage(ctx: Context) -> Iterator[Finding]:
    """产出, 效益, 满意度 each have at least one row; 产出 covers 数量/质量/时效/成本 at least once."""
    ev = ctx.ev
    groups = ctx.groups()
    if not ctx.indicators():
        return
    if ev.total_score is None and ev.total_weight is None:
        # no 总分 row: the table may continue on another page or sheet, where the missing 一级 may be
        ctx.skip(
            "表中没有总分行，表格可能不完整，未检查一级指标是否齐全", "no 总分 row: the table may continue; not checked"
        )
        return
    if ctx.evaluation_framework():
        ctx.skip(
            "一级指标属绩效评价框架（如投入、过程、产出、效果，或预算绩效、项目产出、项目效果），不是财预〔2020〕10号 自评表的"
            "产出/效益/满意度，不按该文件的一级指标检查",
            "first-level indicators follow an evaluation framework (投入/过程/产出/效果, 预算绩效/项目产出/项目效果), not "
            "10号 自评's 产出/效益/满意度; the 10号 set is not checked",
        )
        return
    first = ctx.cell_ref(*(i.level1 for i in ctx.indicators())) or CellRef(ev.sheet, "A1")
    fragments = tuple(ctx.param("level1", ()))
    missing = _missing_level1(ctx, fragments)
    if missing:  # one finding naming every 一级 the table lacks (宁晋 2019: 效益 and 满意度, one form's design)
        yield ctx.finding(
            first,
            expected="、".join(f"{f}指标" for f in missing),
            actual="（缺）",
            what="缺少一级指标" + "、".join(f"“{f}指标”" for f in missing),
            what_en=f"first-level {', '.join(missing)} indicators missing",
        )
    for fragment in fragments:
        found = [(h, rows) for h, rows in groups if h is not None and fragment in compact(h.name or h.label.text)]
        if not found:
            continue  # missing (said above), or its name lost and its 二级 say which it is ("(50分)" over 数量指标 …)
        heading, rows = found[0]
        if not rows:
            yield ctx.finding(
                heading.label,
                expected="≥1 个三级指标",
                actual="0",
                what=f"“{heading.name}”下没有三级指标",
                what_en=f"{heading.name} has no indicator rows",
            )
        elif fragment == "产出":
            wanted = tuple(ctx.param("output_level2", ()))
            if wanted and not any(any(w in compact(i.level2.text) for w in wanted) for i in rows):  # 數量 is 数量
                yield ctx.finding(
                    heading.label,
                    expected="/".join(wanted),
                    actual="（无）",
                    what=f"产出指标未设{'、'.join(wanted)}任何一类二级指标",
                    what_en="output indicators cover none of the required classes",
                )


def _missing_level1(ctx: Context, fragments: Sequence[str]) -> tuple[str, ...]:
    """The 一级 of `fragments` (产出, 效益, 满意度: I02's `level1`) no group of the table is, by its label or by its
    rows' 二级 (`_level1_by_level2`): what I02 reports missing where it checks (a table with a 总分 row, not an 评价
    framework's)."""
    groups = ctx.groups()
    labels = [compact(h.name or h.label.text) for h, _ in groups if h is not None]
    return tuple(
        f
        for f in fragments
        if not any(f in label for label in labels) and not _level1_by_level2(ctx, groups, f, tuple(fragments))
    )


#: A 一级 label naming a 一级 of its own (成本指标, 决策指标 …): not a lost name, whatever its rows' 二级 say.
_OWN_LEVEL1 = lazy_compile(r"[\u4e00-\u9fff]{2,6}指标")


def _level1_by_level2(
    ctx: Context,
    groups: Sequence[tuple[Level1Heading | None, Sequence[Indicator]]],
    fragment: str,
    all_: tuple[str, ...],
) -> bool:
    """A 一级 whose label names none of the 一级 (its name lost: "(50分)", 天长 2022's stored copy; or scrambled, read as no
    一级 at all: "出标产指", 长江禁捕 2020's OCR) but whose rows' 二级
    are that 一级's — 数量/质量/时效/成本 are 产出's (`output_level2`), 经济效益/社会效益 … 效益's, 服务对象满意度 满意度's:
    the table's own form answers which 一级 it is, so it is not missing (issue 11)."""
    words = tuple(ctx.param("output_level2", ())) if fragment == "产出" else (fragment[:2],)
    for h, rows in groups:
        label = compact(h.name or h.label.text) if h is not None else ""  # (rows under no 一级 read: its label lost)
        if any(f in label for f in all_) or _OWN_LEVEL1.fullmatch(label):
            continue  # (成本指标, the 2021 forms' own 一级, its 二级 经济成本…: a 一级 named, not lost — review15b)
        if rows and any(any(w in compact(i.level2.text) for w in words) for i in rows):
            return True
    return False


@check("I03")
def target_numeric(ctx: Context) -> Iterator[Finding]:
    """A quantitative row (operator given) has a numeric 年度指标值. A table whose every target is a unit without its
    figure ("公里", "万亩", "≧ %": 陈仓 2020's 目标表, its template lines left unfilled) is one finding, at the first."""
    facts = ctx.facts()
    bare = _bare_targets(facts)
    unfilled = len(bare) >= 2 and len(bare) == sum(1 for f in facts if not f.target_blank)
    if unfilled:
        yield _unfilled_targets(ctx, bare)
    units = {id(f): unit for f, unit in bare}  # (`_bare_unit` of those rows' targets, worked out once above)
    for f in facts:
        ind, p = f.ind, f.target
        if p.number is not None:
            continue  # (both findings below are of a target without a figure: most rows have one)
        nature = ind.nature.text if ind.nature is not None else ""
        leading_op = f.target_text[:1] in _OP_CHARS  # (`ind.target.text`, as the row's facts hold it)
        quantitative = (nature and nature != "定性" and nature in OPERATORS) or op_name(p) is not None or leading_op
        if ind.unit is None and (unit := units.get(id(f))):
            if unfilled:
                continue
            # "公里", "≧ %": the form's unit with the figure left out. Certain only if the column is the value's
            # and not a 度量单位 column read as it — the reader's mapping: a person judges
            yield _no_figure(
                ctx,
                ind,
                basis=f"读取：年度指标值“{ind.target.text}”只有计量单位“{unit}”，没有数值",
                basis_en=f"read target {ind.target.text!r}: the unit {unit!r} without a figure",
                certainty=Certainty.JUDGEMENT,
            )
        elif (
            quantitative
            and p.kind not in (ValueKind.DATE,)
            and not f.target_blank
            and not target_not_applicable(ctx, ind)
            # "≥—1000人", "≧" │ "- 735": a figure unread for its sign alone (`spaced_minus`) is a number — I12 says why
            # it is unread; "不是数值" would be a false 错误 (review23a)
            and not ctx.sign_unread(ind.target)
        ):
            worded = _CN_NUMERAL.search(ind.target.text)
            slash = _slash_target(ind)
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
            yield _no_figure(
                ctx,
                ind,
                basis=basis,
                basis_en=basis_en,
                certainty=Certainty.JUDGEMENT if slash or worded or benchmark else None,
            )


def _no_figure(ctx: Context, ind: Indicator, more: str = "", more_en: str = "", **basis: Any) -> Finding:
    """I03 at a row's 年度指标值 that wants a figure (`more`: what the table's other rows add; `basis`: its basis)."""
    return ctx.finding(
        ind.target, expected="数值", actual=ind.target.text, name=_label(ind), more=more, more_en=more_en, **basis
    )


def _unfilled_targets(ctx: Context, bare: list[tuple[RowFacts, str]]) -> Finding:
    """I03 once for a table whose every target is its unit alone: published with the figures unfilled (one cause)."""
    (first, _), (last, _) = bare[0], bare[-1]
    cells = [f.ind.target.located().cell for f, _ in bare if f.ind.target.sheet is not None]
    span = f"{cells[0]}–{cells[-1]}" if cells else ""
    return _no_figure(
        ctx,
        first.ind,
        more=f"；本表全部 {len(bare)} 个指标值（{span}）都只有计量单位，数值均未填写",
        more_en=f"; every one of the table's {len(bare)} targets ({span}) is a unit alone: the figures were left unfilled",
        basis="读取：年度指标值" + "、".join(f"“{f.ind.target.text}”" for f, _ in bare) + " 都只有计量单位，没有数值",
        basis_en=f"read {len(bare)} targets, each a unit without a figure",
        certainty=Certainty.JUDGEMENT,
        related=tuple(c.located() for c in (last.ind.target,) if c.sheet is not None and last is not first),
    )


#: The operator a joined target may begin with ("≥" │ "/" │ "%" reads "≥/%"), read past to its value cell's text.
_LEADING_OPS = "".join(sorted({c for o in OPERATORS if o != "定性" for c in o} | _OP_CHARS))
#: A slash written as the whole 指标值: "/" is often 不适用/无 on Chinese forms (I03 judges, issue 11).
_SLASHES = ("/", "／")


def _slash_target(ind: Indicator) -> str:
    """The "/" (or "／") a joined target holds as its whole value, "" otherwise: "═/%" is the operator "═", the value
    cell "/" and the unit "%" (`join_target`)."""
    text = compact(ind.target.text)
    unit = compact(ind.unit.text) if ind.unit is not None else ""
    if unit and text.endswith(unit) and len(text) > len(unit):
        text = text[: -len(unit)]
    text = text.lstrip(_LEADING_OPS)
    return text if text in _SLASHES else ""


#: A figure written in Chinese numerals ("不少于五个", "≥百分之九九"; "≥百分之九十五" is read since review31w): a number
#: perfxl does not read, not no number.
_CN_NUMERAL = lazy_compile(
    r"[百千]分之[零〇一二两三四五六七八九十百点]+|[零〇一二两三四五六七八九十百千万半]+"
)  # 半年: 0.5年


def _bare_targets(facts: Sequence[RowFacts]) -> list[tuple[RowFacts, str]]:
    """(facts, unit) of the rows without a 计量单位 column whose target is a unit without its figure (`_bare_unit`), in
    row order — each distinct target text read once (a table repeats its blank and worded targets)."""
    units: dict[str, str | None] = {}
    out = []
    for f in facts:
        if f.target.number is None and f.ind.unit is None:
            text = f.target_text  # (`ind.target.text`, as the row's facts hold it)
            unit = units[text] if text in units else units.setdefault(text, _bare_unit(text))
            if unit:
                out.append((f, unit))
    return out


def _bare_unit(text: str) -> str | None:
    """The unit a target holds with nothing else but operators and spaces ("公里", "≧ %"), else None."""
    rest = "".join(ch for ch in text if ch not in _OP_CHARS and not ch.isspace())
    if rest in ("%", "％"):
        return "%"
    return rest if rest and lookup(rest) is not None else None


#: "About" signs typed as an operator ("≈ 2"): the filer's intent is clear, the scoring rule is not — a judgement.
_APPROXIMATE = frozenset({"≈", "≒", "~", "～", "约等于"})
#: Words a 指标性质 column holds when it gives the indicator's type, not an operator.
_TYPE_WORDS = frozenset({"定量", "定量指标", "定性", "定性指标"})


@check("I04")
def operator_valid(ctx: Context) -> Iterator[Finding]:
    """指标性质 is one of ≥ > = ≤ < 定性 (split forms); optionally an operator in single-cell targets.

    A column that holds the indicator type instead (定量指标 / 定性指标 on a group's first row, blank below:
    重庆's 部门整体绩效自评表) is the form's design: its type words and blanks are not reported. A form printing the
    direction (正向/反向) and the operator in two columns (乌海 2021: 指标性质 │ 指标方向) that point opposite ways in a
    row (正向 │ ≤) is a 警告 naming both cells: which one the filer meant is a person's call, so no verdict rests
    on either (`rules.direction.columns_conflict`)."""
    natures = [compact(i.nature.text) for i in ctx.indicators() if i.nature is not None]
    # 定量 is never an operator-column value (定性 is, on the national split form): it marks a type column
    type_column = any(n.startswith("定量") for n in natures) and not any(n in OPERATORS - _TYPE_WORDS for n in natures)
    blank = _column_left_blank(ctx)
    if blank:
        yield blank[0]
    needs_operator = ctx.param("require_operator_in_value", False)  # (the check's own setting: read once, not a row)
    for ind in ctx.indicators():
        if blank and ind.nature is not None and not ind.nature.text.strip():
            continue  # the column left blank on every row: the one finding above
        if ind.nature is not None and ind.operator is not None:
            yield from _columns_disagree(ctx, ind, ind.nature, ind.operator)
        if ind.nature is not None:
            text = ind.nature.text.replace(" ", "")
            if type_column and (not text or compact(text) in _TYPE_WORDS):
                continue
            if text not in OPERATORS and compact(text) not in NATURE_WORDS and not ctx.is_blank(ind.target):
                # a word ("有效", "定量") may be the form's own wording, a blank cell or a placeholder ("/", "——")
                # is unfilled (the direction is then read from the name, see perfxl.rules.direction), "≈" means
                # about: a person judges; a stray symbol is certain
                word = bool(text) and any("\u4e00" <= ch <= "\u9fff" for ch in text)
                unfilled = not text or ctx.is_blank(ind.nature)
                yield ctx.finding(
                    ind.nature,
                    expected="≥ > = ≤ < 定性",
                    actual=text or "（空）",
                    name=_label(ind),
                    problem="无效，应为 ≥、>、=、≤、< 或 定性",
                    problem_en="is not one of ≥ > = ≤ < 定性",
                    certainty=Certainty.JUDGEMENT if word or unfilled or text in _APPROXIMATE else None,
                    basis=f"读取：指标性质“{text}”为占位符，视为未填写" if text and unfilled else "",
                    basis_en=f"read the nature {text!r}: a placeholder, taken as unfilled" if text and unfilled else "",
                )
        elif needs_operator:
            p = ctx.parsed(ind.target)
            if p.kind in QUANT_KINDS and p.number is not None and op_name(p) is None:
                yield _target_problem(
                    ctx, ind, "≥ > = ≤ <", "无效，应为 ≥、>、=、≤、< 或 定性", "is not one of ≥ > = ≤ < 定性"
                )


def _column_left_blank(ctx: Context) -> tuple[Finding, ...]:
    """I04 once where the 指标性质 column is blank on every row with a target (two or more: 梁平 林业局 2023's 部门整体
    自评表 prints the column and fills none of it): one cause, the column left unfilled — at its first cell, naming
    how many (a column filled on some rows, 定性 on the others, keeps one finding a blank row: 甘孜 2023)."""
    rows = [f.ind for f in ctx.facts() if not f.target_blank]  # (`is_blank` of each target, as the row's facts hold it)
    if len(rows) < 2 or any(i.nature is None or i.nature.text.strip() for i in rows):
        return ()
    cells = [i.nature.located().cell for i in rows if i.nature is not None and i.nature.sheet is not None]
    span = f"（{cells[0]}–{cells[-1]}）" if cells else ""
    first = rows[0]
    assert first.nature is not None
    return (
        ctx.finding(
            first.nature,
            expected="≥ > = ≤ < 定性",
            actual="（空）",
            name=_label(first),
            problem=f"无效，应为 ≥、>、=、≤、< 或 定性；本表全部 {len(rows)} 个指标的指标性质均未填写{span}",
            problem_en=f"is not one of ≥ > = ≤ < 定性; the column is blank on all {len(rows)} indicators",
            certainty=Certainty.JUDGEMENT,
            related=tuple(
                i.nature.located()
                for i in rows[-1:]
                if i is not first and i.nature is not None and i.nature.sheet is not None
            ),
        ),
    )


def _columns_disagree(ctx: Context, ind: Indicator, nature: CellValue, operator: CellValue) -> Iterator[Finding]:
    """I04 at the direction cell when it and the row's operator cell point opposite ways (正向 │ ≤ │ 5)."""
    way = columns_conflict(nature.text, operator.text)
    if way is None:
        return
    where = operator.located().cell if operator.sheet is not None else "运算符栏"
    up = way.op in (Op.GE, Op.GT)
    yield ctx.finding(
        nature,
        expected=f"{'≥ 或 >' if not up else '≤ 或 <'}（与“{nature.text.strip()}”一致）",
        actual=nature.text.strip(),
        name=_label(ind),
        problem=f"与 {where} 的运算符“{operator.text.strip()}”方向相反，两者只有一个是对的，请核实",
        problem_en=f"points the opposite way to the operator {operator.text.strip()!r} at {where}; only one can be right",
        certainty=Certainty.JUDGEMENT,
        related=(operator.located(),) if operator.sheet is not None else (),
        basis=f"读取：指标性质“{nature.text.strip()}”，{where} 运算符“{operator.text.strip()}”，年度指标值"
        f"“{ind.target.text}”；{way.basis()[0]}：得分、是否完成按两种理解分别计算，结论不同时至多警告",
        basis_en=f"read nature {nature.text.strip()!r}, operator {operator.text.strip()!r} at {where}, target "
        f"{ind.target.text!r}; {way.basis()[1]}: scores and outcomes are computed both ways, at most a warning where "
        "they differ",
    )


def _unit_known(ctx: Context, unit: str) -> bool:
    """Every part of a unit is known: "万元/家", compound parts joined by · or * ("元/人·月"), a count word with the
    noun it counts ("个站点"), a period counts are per ("次/双月", "次/半年": `periods_a_year`). Once a unit text and
    run (the answer turns on the text and the check's `extra_units` alone): a table repeats its units ("家", "亿元"),
    and each ask split the unit and looked its parts up again (I05: ≈ 3 k instructions a row, issue 14)."""
    extra = ctx.param("extra_units", ())
    known: dict[tuple[str, tuple[Any, ...]], bool] = ctx.once("I05 units known", dict)
    key = (unit, tuple(extra))
    found = known.get(key)
    if found is None:
        found = known[key] = _parts_known(unit, set(extra))
    return found


def _parts_known(unit: str, extra: set[Any]) -> bool:
    """`_unit_known` worked out: each part of the unit looked up."""
    parts = [p.removeprefix("每") for u in split_per(unit) if u is not None for p in _COMPOUND.split(u)]
    return all(
        not p or lookup(p) is not None or p in extra or count_of_noun(p) is not None or periods_a_year(p) is not None
        for p in parts
    )


#: What joins the parts of a compound unit: "元/人·月", "元/人*月", and as typed on 湘西州特校 2023's 一体化 export,
#: "元/人.每天" (a part's leading 每 is the per it already is: 每天 is 天).
_COMPOUND = lazy_compile(r"[·*×.．、]", needs=("·", "*", "×", ".", "．", "、"))
#: A unit printed in the indicator's name: "服务外包在岸(万美元)", "农村低保标准(≥**元/人·月)".
_UNIT_IN_NAME = lazy_compile(r"[(（][^()（）]*?([^\s()（）≥≤<>=*＊0-9.%]{1,8})[)）]\s*$")


#: A name whose closing brackets hold the percent sign, alone or after the template's placeholder target:
#: "工程合格率(%)" | 95 and "苗木成活率(≥**%)" | 85 (宁夏 申报表) both state 95 / 85 in %.
_PERCENT_IN_NAME = lazy_compile(r"[(（]\s*(?:[≥≤<>=＞＜]=?\s*)?[*＊0-9.]*\s*(?:%|％|百分比)\s*[)）]\s*$")


def _unit_in_name(ctx: Context, name: str) -> str | None:
    """The unit a name carries in its closing brackets, when it is one perfxl knows (or the profile adds), or the
    count unit its last word is (`_count_unit_ending`)."""
    if _PERCENT_IN_NAME.search(name):
        return "%"
    m = _UNIT_IN_NAME.search(name)
    unit = m.group(1) if m else None
    return unit if unit and (_unit_known(ctx, unit) or "元" in unit) else _count_unit_ending(name)


def _counted_in(ctx: Context, name: str) -> tuple[str, tuple[str, ...]] | None:
    """The count noun a name ends with and the units it may be counted in (profile `count_nouns`: 人数 → 人, 人次, 名):
    "接受业务培训人数" │ 200 states what is counted, not in which of them — the row's actual may say (issue 11)."""
    nouns: dict[str, list[str]] = ctx.param("count_nouns", {})
    stem = compact(_TRAILING_BRACKETS.sub("", name.strip()))
    for noun, units in nouns.items():
        if stem.endswith(noun) and len(stem) > len(noun):
            return noun, tuple(units)
    return None


#: "More than" between a figure and its unit ("200余人", "50多人"): the unit is what follows.
_MORE_THAN = lazy_compile(r"^(?:余|多)")
#: Closing brackets after a name ("享受资助人数（人）" is `_unit_in_name`'s; "人数(含续建)" keeps 人数 as its last word).
_TRAILING_BRACKETS = lazy_compile(r"[(（][^()（）]*[)）]$")


def _count_unit_ending(name: str) -> str | None:
    """The count unit of two or more characters a name ends with — "化妆品抽验批次" │ ≥3, "人均培训学时" │ ≥90: the figure is
    counted in 批次 / 学时, the name says so as "(人次)" would (issue 11, 遂宁经开区 2021). A name ending in what a count
    is of ("接受培训人数" │ 200: 人 or 人次?) names no unit and is still asked; so is a 万/百-scaled word ("…万人")."""
    key = compact(name)
    for n in (3, 2):
        word = key[-n:]
        unit = lookup(word) if len(key) > n and word[0] not in "万亿千百" else None
        if unit is not None and unit.symbol == word and unit.family.startswith("count:"):
            return word
    return None


def _judged_unit(ind: Indicator, target: ParsedValue) -> str | None:
    """The unit I05 judges: the 计量单位 cell's; the target's own where the form has no such column or prints a placeholder
    in it ("-" on every line of 湘西州特校 2023's 一体化 export, the unit written in the 指标值: "17元/人.每天")."""
    cell = ind.unit
    if cell is None or parse_value(cell.raw).kind is PLACEHOLDER:
        return target.unit
    return cell.text or None


@check("I05")
def unit_valid(ctx: Context) -> Iterator[Finding]:
    """A quantitative target states a unit, and a unit perfxl knows (units.py, plus profile extras). Not on a table
    none of whose rows names its indicator (I01's one finding): what a bare number measures is not said, so which
    unit it lacks cannot be asked (宁乡 坝塘镇 2021: "88" under 质量指标 with no 三级 name; issue 11)."""
    if _nameless_table([f for f in ctx.facts() if not (f.weight_blank and f.target_blank)]):
        return
    weights = {id(f) for f in weights_as_targets(ctx)}  # the weights typed as targets: I15's one finding
    for f in ctx.facts():
        if id(f) in weights:
            continue
        ind = f.ind
        clash = _unit_clash(ctx, ind)
        if clash is not None:
            yield clash
            continue
        p = f.target
        if p.kind != NUMBER or p.number is None:
            continue
        unit = _judged_unit(ind, p)
        unit = unit_of_clause(unit) if unit else unit  # "15个乡镇的改造任务": counted in 个, the rest says of what
        if not unit and _unit_in_name(ctx, ind.name.text):
            continue  # the name states it: "服务外包在岸(万美元)" | 20000
        if not unit and any(w in f.name_key for w in ctx.param("unitless_names", ())):
            continue  # 灌溉水有效利用系数 ≥0.55: a pure number
        if not unit and "时效" in compact(ind.level2.text) and _time_figure(p):
            continue  # a deadline typed as a number ("2023.12", "12", "2024"): I09 says what a 时效 value should be
        if not unit and "满意" in f.labels_key:
            continue  # a 满意度 target without its %: I10's one finding ("应为百分比") says which unit it lacks
        counted = _counted_in(ctx, ind.name.text) if not unit else None
        if counted is not None and (len(counted[1]) == 1 or _MORE_THAN.sub("", f.actual.unit or "") in counted[1]):
            continue  # "接受业务培训人数" │ 200 │ 200余人: the row's own actual says which of 人/人次 (or the name's one unit)
        if not unit:
            noun, units = counted if counted is not None else ("", ())
            yield ctx.finding(
                ind.unit if ind.unit is not None else ind.target,
                expected="计量单位",
                actual=ind.target.text,
                name=_label(ind),
                problem="未写计量单位"
                + (
                    f"（名称中的“{noun}”可按{'或'.join(f'“{u}”' for u in units)}计，表中未写明是哪一种）"
                    if noun
                    else ""
                ),
                problem_en="has no unit"
                + (f" ({noun} may count {' or '.join(units)}; the row does not say)" if noun else ""),
            )
        elif _BARE_NUMBER.match(unit):
            yield _number_as_unit(ctx, ind, unit)
        elif not _unit_known(ctx, unit):
            yield ctx.finding(
                ind.unit if ind.unit is not None else ind.target,
                expected="常用计量单位",
                actual=ind.target.text,
                name=_label(ind),
                problem=f"的计量单位“{unit}”不是常用单位",
                problem_en=f"uses the unknown unit {unit}",
            )


#: Measure words that count things alike ("5项" │ 个, "2场" │ 次, "1000册" │ 本): a value in one beside a 计量单位 in
#: another is no contradiction of what is counted (人, 户, 人次 count different things and stay a clash).
_CLASSIFIERS = frozenset(
    (
        "个",
        "项",
        "件",
        "次",
        "场",
        "场次",
        "本",
        "册",
        "台",
        "套",
        "台套",
        "处",
        "座",
        "家",
        "所",
        "批",
        "批次",
        "份",
        "部",
        "期",
    )
)
#: A figure in digits or in Chinese numerals ("百分之九十五", "≥九成", "零").
_FIGURE_OR_NUMERAL = lazy_compile(r"[0-9零〇一二两三四五六七八九十百千]")


def _unit_clash(ctx: Context, ind: Indicator) -> Finding | None:
    """I05 where the 计量单位 column contradicts the 指标值 cell beside it: the value writes its own unit of another
    kind ("28.8万元" │ %: an amount is no percentage), or holds no figure at all ("应保尽保" │ %): which one is meant
    cannot be read (岳阳楼区 价格认证鉴定中心 2023 整体绩效目标表)."""
    if ind.unit is None:
        return None  # no 计量单位 column: no unit of no family to clash with (`family_of("")` is None)
    column = ind.unit.text.strip()
    column_family = family_of(column)
    if column_family is None:
        return None
    text = ind.target.text.strip()
    if not text.endswith(column):
        return None
    own = text[: -len(column)].strip()  # the 指标值 cell as typed: the reader joins the 计量单位 onto it
    if not own or own.endswith(column) or family_of(parse_value(text).unit or "") == column_family:
        return None  # "12个月" │ 月: the value already writes the column's unit, nothing was joined onto it
    p = parse_value(own)
    if (
        p.number is not None
        and p.unit
        and family_of(p.unit) not in (None, column_family)
        and {family_of(p.unit), column_family} != {"percent_point", "percent"}  # "0.5个百分点" │ %: a change in %
        and not {p.unit, column} <= _CLASSIFIERS  # "5项" │ 个, "1000册" │ 本: one count, two measure words
    ):
        problem, problem_en = (
            f"自带单位“{p.unit}”，计量单位栏却是“{column}”，两者矛盾",
            f"carries its own unit {p.unit} while the unit column says {column}",
        )
    elif (
        p.number is None
        and p.date is None
        and column_family == "percent"
        and not blank_text(own)  # "—" │ %: a blank target, for the checks of blank cells
        and not target_not_applicable(ctx, ind)  # "不适用" │ %: the row does not apply (T05)
        and not _FIGURE_OR_NUMERAL.search(own)  # "百分之九十五", "九成", "零": a figure in words
    ):
        problem, problem_en = (
            f"没有数字，计量单位栏却是“{column}”，无从以百分比计量",
            f"holds no figure while the unit column says {column}",
        )
    else:
        return None
    return ctx.finding(
        ind.unit,
        expected="与指标值一致的计量单位",
        actual=own,
        name=_label(ind),
        problem=problem,
        problem_en=problem_en,
        certainty=Certainty.JUDGEMENT,
        basis=f"读取：指标值单元格“{own}”，计量单位栏“{column}”；二者不能同时成立，需人工核对",
        basis_en=f"read the value cell {own!r} and the unit column {column!r}: both cannot hold",
    )


#: A 计量单位 cell holding only a figure ("44,561"): no unit at all, whatever the figure means.
_BARE_NUMBER = lazy_compile(r"^\s*-?\d[\d,]*(?:\.\d+)?\s*$")


def _number_as_unit(ctx: Context, ind: Indicator, unit: str) -> Finding:
    """I05 at a 计量单位 cell holding a bare number (乌海 2021: 目标值 44,561 │ 计量单位 44,561). On a 时效 row a whole
    number in 2000–2099's Excel serial range is offered as the date it may be (44561 → 2021-12-31), as a reading to
    confirm: the form's number format lost on export is the usual cause, but the table does not say so — and only when
    that date falls within a year of the table's own year (its title), where the title gives one."""
    day = excel_serial_date(unit) if "时效" in compact(ind.level2.text) else None
    year = title_year(ctx.evaluation)
    if day is not None and year is not None and abs(day.year - year) > 1:
        day = None  # 50000 (2036-11-21) on a 2021 table: a number, not that table's date
    basis = basis_en = ""
    if day is not None:
        basis = f"读取：计量单位“{unit}”若为 Excel 日期序列号，即 {day.isoformat()}，疑为日期被导出成数字；请核对原表"
        basis_en = (
            f"read the unit {unit!r}: as an Excel date serial it is {day.isoformat()}, a date exported as a number"
        )
    return ctx.finding(
        ind.unit if ind.unit is not None else ind.target,
        expected="计量单位",
        actual=ind.target.text,
        name=_label(ind),
        problem=f"的计量单位“{unit}”是数字，不是计量单位",
        problem_en=f"has a number ({unit}) for its unit",
        basis=basis,
        basis_en=basis_en,
    )


@check("I06")
def operator_in_value(ctx: Context) -> Iterator[Finding]:
    """Single-cell targets ("≥12家") mix operator/unit into the value; advise split columns once per table."""
    mixed = []
    for f in ctx.facts():
        ind = f.ind
        if ind.nature is not None or ind.unit is not None:
            continue  # the form has separate 指标性质 / 度量单位 columns (a split form: all its rows end here)
        p = f.target
        if p.kind in QUANT_KINDS and p.number is not None and (op_name(p) or (p.unit and p.kind == NUMBER)):
            mixed.append(f.ind)
    if mixed:
        yield ctx.finding(
            mixed[0].target, actual=mixed[0].target.text, expected="指标性质|指标值|度量单位", count=len(mixed)
        )


@check("I07")
def percent_range(ctx: Context) -> Iterator[Finding]:
    """Percent targets lie in 0–100%; a 率/满意度 actual does not exceed 100%. Not a change on a base (the profile's
    `change_names`: 增长率, 增幅, 变动率 …): a growth of 115.25% is a figure, not a slip (普惠金融 2020; issue 11)."""
    changes = tuple(ctx.param("change_names", ()))
    for f in ctx.facts():
        t, a = f.target, f.actual
        if (t.kind is not PERCENT or t.number is None or 0 <= t.number <= 100) and (
            a.kind is not PERCENT or a.number is None or 0 <= a.number <= 100
        ):
            continue  # neither cell a percent figure outside 0–100% (the tests below): no name read, no pairs built
        ind = f.ind
        if any(map(f.name_key.__contains__, changes)):  # (`w in f.name_key`, no generator frame a row)
            continue
        for cell, p, column, column_en, only_rates in (
            (ind.target, f.target, "年度指标值", "target", False),
            (ind.actual, f.actual, "实际完成值", "actual", True),
        ):
            if p.kind != PERCENT or p.number is None:
                continue
            if only_rates and "率" not in f.name_key and "满意度" not in f.name_key:
                continue
            if 0 <= p.number <= 100:
                continue  # in range (most percents): no finding, so `over_whole` (above 100% only) is not asked
            if over_whole(ctx, ind, cell):
                continue  # a share above 100%: I12's finding, which says how it was likely misread
            if p.number < 0 or p.number > 100:
                yield ctx.finding(
                    cell, expected="0–100%", actual=cell.text, name=_label(ind), column=column, column_en=column_en
                )


@check("I08")
def cost_direction(ctx: Context) -> Iterator[Finding]:
    """成本指标 are ceilings (≤, <, =) in money."""
    for f in ctx.facts():
        ind = f.ind
        if "成本" not in f.level2_key and "成本" not in f.level1_key:
            continue
        p = f.target
        if p.number is None or p.kind not in QUANT_KINDS:
            continue
        if op_name(p) in ("GE", "GT"):
            yield _target_problem(ctx, ind, "≤ 上限", "应以 ≤ 表示成本上限", "should be a ceiling (≤)")
        unit = split_per(p.unit)[0] if p.unit else None
        if p.kind == NUMBER and unit and family_of(unit) not in ("money", None):
            yield _target_problem(ctx, ind, "元/万元", "的单位不是金额", "is not in money")


def _time_figure(p: ParsedValue) -> bool:
    """A bare number a 时效 row may mean as a date, a deadline or a rate typed without its words: "2023.12" (December
    2023), a year, 202312 / 20231231, an Excel date serial, or 0–100 (a month, or 及时率 100 without its % — 原州 2022's
    "100", I09's). Any other bare figure there ("服务周期 │ 180", 湘潭 2024's 雾炮车 目标表, held-out batch 30) can be no
    date and no percentage: it counts something — days? weeks? — and lacks its unit (I05's)."""
    if dotted_year_month(p) is not None or p.number is None:
        return True
    n = p.number
    if n != n.to_integral_value():
        return 1900 <= n < 2101  # 2023.1 as a number cell (its 0 of October lost): a year's month all the same
    return (
        0 <= n <= 100
        or 1900 <= n <= 2100
        or (190001 <= n <= 210012 and 1 <= n % 100 <= 12)
        or (19000101 <= n <= 21001231 and 1 <= n // 100 % 100 <= 12)
        or 30000 <= n <= 60000  # an Excel serial (44561 is 2021-12-31)
    )


@check("I09")
def timeliness_form(ctx: Context) -> Iterator[Finding]:
    """时效指标 give a date, a deadline (time unit) or a percentage. A bare figure no date could be typed as is I05's
    (no unit), not this note's (`_time_figure`)."""
    for f in ctx.facts():
        ind = f.ind
        if "时效" not in f.level2_key:  # 時效指標 is 时效指标
            continue
        p = f.target
        if p.kind == NUMBER and not _judged_unit(ind, p) and not _time_figure(p):
            continue
        if p.kind in (DATE, PERCENT, BLANK, PLACEHOLDER):
            continue
        if dotted_year_month(p) is not None:  # "2023.12": December 2023
            continue
        if p.kind == NUMBER and family_of(p.unit) in ("time", "workday"):
            continue
        if ctx.is_qualitative(ind) and p.tier is not None:
            continue
        yield ctx.finding(ind.target, expected="日期/期限/百分比", actual=ind.target.text, name=_label(ind))


@check("I10")
def satisfaction_form(ctx: Context) -> Iterator[Finding]:
    """满意度 targets are percentages with ≥ (an unstated operator reads as ≥) — 财预〔2020〕10号 附1's form, so not asked of
    an 评价 framework's table nor of a form older than 10号 (`weights.first_year`; 吉林 2016's 评价表: "来访外宾是否满意" │
    是/否 │ 是 — issue 11: a default the form does not follow is no finding)."""
    year, first = title_year(ctx.evaluation), ctx.profile.get("weights.first_year")
    if ctx.evaluation_framework() or (year is not None and isinstance(first, int) and year < first):
        if any("满意" in f.labels_key for f in ctx.facts()):
            ctx.skip(
                "本表不是财预〔2020〕10号 附1 的自评表（评价指标体系，或早于 10号 的年度）：满意度指标写作“≥xx%”是 10号 的"
                "要求，未据此检查",
                "not a 10号 自评表 (an evaluation framework, or older): its satisfaction form is not asked",
            )
        return
    weights = {id(f) for f in weights_as_targets(ctx)}  # the weights typed as targets: I15's one finding
    for f in ctx.facts():
        ind = f.ind
        if "满意" not in f.labels_key or id(f) in weights:
            continue
        p = f.target
        if p.kind in (BLANK, PLACEHOLDER) or ctx.sign_unread(ind.target):
            continue  # ("—95%": a percent unread for its sign — I12 says why; not "应为百分比", review23a)
        if p.kind != PERCENT and not (p.kind == NUMBER and _PERCENT_IN_NAME.search(ind.name.text)):
            yield _target_problem(ctx, ind, "≥xx%", "应为百分比", "should be a percentage")
        elif op_name(p) in ("LE", "LT", "EQ"):
            yield _target_problem(ctx, ind, "≥xx%", "应为 ≥（不低于）", "should use ≥")


@check("I11")
def qualitative_label(ctx: Context) -> Iterator[Finding]:
    """A qualitative row's 实际完成值 is one of the profile's tier labels (or an alias)."""
    labels = "/".join(t.label for t in ctx.settings.tiers)
    for f in ctx.facts():
        ind = f.ind
        if not ctx.is_qualitative(ind, f.target) or f.target_blank or f.target.reason:
            continue
        if f.actual_blank or ctx.is_error(ind.actual):
            continue  # nothing typed: S12/S15 (or C02) say so
        p = f.actual
        if p.tier is None and p.kind != DATE:
            yield ctx.finding(ind.actual, expected=labels, actual=ind.actual.text or "（空）", name=_label(ind))


@check("I13")
def direction_against_name(ctx: Context) -> Iterator[Finding]:
    """An operator that contradicts the name's direction ("逾期发放率 ≥100%"): the profile's word lists say
    which way the name points, so this is a guess (警告) that the operator may be reversed."""
    for f in ctx.facts():
        target = f.target
        if target.number is None:
            continue  # (before the row's direction: a target without a figure is never asked — most rows' first ask)
        ind, way = f.ind, ctx.direction(f.ind)
        if way.source != "operator" or way.op is EQ:
            continue
        if target.kind is GROWTH:
            continue  # without its operator a growth target reads as growth, not by its name
        by_name = name_direction(ind.name.text or ind.level2.text, ctx.profile)
        if by_name is None or (by_name.op in _UP) == (way.op in _UP):
            continue
        lower = by_name.op not in _UP
        yield ctx.finding(
            ind.target,
            expected=f"{'≤' if lower else '≥'}（按名称）",
            actual=ind.target.text,
            name=ind.name.text,
            word=by_name.word,
            better="低" if lower else "高",
            better_en="lower" if lower else "higher",
            target=((ind.nature.text if ind.nature is not None else "") + ind.target.text),
            basis=f"读取：年度指标值“{ind.target.text}”（{way.basis()[0]}）；指标名称含“{by_name.word}”，按规则集词表"
            f"为越{'低' if lower else '高'}越好",
            basis_en=f"read target {ind.target.text!r} ({way.basis()[1]}); the name holds {by_name.word!r}, "
            f"{'lower' if lower else 'higher'} is better by the profile's word lists",
        )


#: A percentage ending an indicator's name ("…质量达标率100%"): the value the name itself states — or a range ending it
#: ("达标率90%-95%", "90~95%"), the target then anywhere inside it.
_NAME_PERCENT = lazy_compile(r"(?:(?<![\d.])(\d+(?:\.\d+)?)\s*%?\s*[-~～—–至到]\s*)?(?<![\d.])(\d+(?:\.\d+)?)\s*%$")
_PERCENT = lazy_compile(r"\d\s*%")
#: A change the name states ("较上年降低5%"): its level is 100 − 5 (or 100 + 5 after a rise), a target may state that.
_CHANGE_WORD = lazy_compile(r"(?:降低|下降|减少|压减|压缩|节约|提高|提升|增长|增加|上升|上涨)\s*$")
_FALL = ("降低", "下降", "减少", "压减", "压缩", "节约")


def _name_states(name: str) -> tuple[Decimal, Decimal, str] | None:
    """(lowest, highest, as printed) of the percentage or range ending `name`, or None: none ends it, or the name
    states other percentages before it ("中央80%、地方20%": several values, none the name's one target)."""
    if (
        "%" not in name
    ):  # most names: the pattern, tried at each of their characters, cannot match (≈ 20 k instructions)
        return None
    m = _NAME_PERCENT.search(name)
    if m is None or _PERCENT.search(name[: m.start()]):
        return None
    low, high = Decimal(m.group(1) or m.group(2)), Decimal(m.group(2))
    return min(low, high), max(low, high), m.group(0).strip()


def _change_level(name: str, stated: Decimal, start: int) -> Decimal | None:
    """The level a change word before the name's figure gives ("降低5%" → 95, "增长10%" → 110), or None."""
    m = _CHANGE_WORD.search(name[:start])
    if m is None:
        return None
    return Decimal(100) - stated if m.group(0).strip() in _FALL else Decimal(100) + stated


@check("I14")
def value_in_name(ctx: Context) -> Iterator[Finding]:
    """A name ending in a percentage ("*贫困地区旅游基础设施建设质量达标率100%", a template's name left with its value)
    beside a 指标值 that is another percentage (">=98%"): the row states two targets — a 警告, since which one was meant
    is for the filer to say (财预〔2021〕101号: the value belongs in 指标值). A placeholder ("(≥**%)"), a blank or a
    non-percent target, the same figure in both, a target inside a range the name ends with ("90%-95%" │ "92%"), the
    level a stated change gives ("较上年降低5%" │ "≤95%"), or a name stating several percentages, says nothing."""
    for f in ctx.facts():
        target = f.target
        if f.target_blank or target.kind is not PERCENT or target.number is None:
            continue  # no percent figure to set against the name's: its name is not normalised (most rows)
        ind = f.ind
        name = unicodedata.normalize("NFKC", f.name or "").strip()
        stated = _name_states(name)
        if stated is None:
            continue
        low, high, printed = stated
        if low <= target.number <= high:
            continue
        if low == high and target.number == _change_level(name, low, len(name) - len(printed)):
            continue
        yield ctx.finding(
            ind.target,
            expected=printed,
            actual=ind.target.text,
            name=ind.name.text,
            stated=printed,
            basis=f"读取：三级指标名称“{ind.name.text}”末尾写明 {printed}，年度指标值“{ind.target.text}”"
            f"（{target.display()}）",
            basis_en=f"read the name {ind.name.text!r}, ending in {printed}, and the target {ind.target.text!r}",
            related=(ind.name.located(),) if ind.name.sheet is not None else (),
        )


_UP = (Op.GE, Op.GT)
