"""R-W checks: the weight tree (分值) — defaults, declared 一级 weights against their rows, totals, positivity."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal

from perfxl.model import JUDGEMENT, CellRef, CellValue, Certainty, Finding, Indicator, Level1Heading, Level2Heading

from ..records import record
from . import not_applicable
from .catalogue import check
from .context import Context, compact, fmt_num, title_year
from .row_facts import RowFacts

#: 一级指标 name fragment → key of the profile's [weights] table.
LEVEL1_KEYS = (("产出", "output"), ("效益", "effect"), ("满意度", "satisfaction"))


def level1_key(name: str) -> str | None:
    """ "产出指标" → "output"; None for a heading without a default weight (e.g. 成本指标)."""
    text = compact(name)
    return next((key for frag, key in LEVEL1_KEYS if frag in text), None)


def is_adjustment(ctx: Context, ind: Indicator) -> bool:
    """A 扣分项/加分项 row (profile `weights.adjustment_words`): it adjusts the total, its 分值 is no part of the 100.

    Decided once per row and run, with the row's other facts (`RowFacts.adjustment`)."""
    return ctx.fact(ind).adjustment


def unweighted(ctx: Context, ind: Indicator) -> bool:
    """A row that carries no weight of its own: 分值 and 得分 blank ("/", "—" as blank), or both printed 0."""
    return carries_no_weight(ctx.fact(ind))


def carries_no_weight(f: RowFacts) -> bool:
    """`unweighted` of a row's facts."""
    if f.weight_blank and f.score_blank:
        return True
    return f.weight == 0 and (f.score_blank or f.score == 0)


def _weighted_count(ctx: Context) -> int:
    """How many indicators carry a weight of their own — the rows a sum of 分值 is over (a ★ row's 0 │ 0 items are not)."""
    return sum(not carries_no_weight(f) for f in ctx.facts())


def is_item(ctx: Context, ind: Indicator) -> bool:
    """An item of a ★ row: an unweighted row in the unbroken run of unweighted rows right under a weighted row with no
    target and no actual of its own (★补助各类瓜果蔬菜种植面积 │ 10 │ │ │ 10 over 梨树种植面积 │ 0 │ 6亩 │ 6亩 │ 0, 萧县
    衔接资金 绩效目标自评表): that row is scored on its items, which carry no weight."""
    rows = ctx.facts()
    return id(ind) in ctx.once(("star_items", id(rows)), lambda: (rows, _items(rows)))[1]


def _items(rows: Sequence[RowFacts]) -> frozenset[int]:
    """The ids of the rows `is_item` holds, in one pass over the table."""
    found: set[int] = set()
    heading = False  # the row above is a ★ row, or one of its items
    for above_facts, f in zip((None, *rows), rows, strict=False):
        ind, above = f.ind, above_facts.ind if above_facts is not None else None
        adjacent = above is not None and above.row is not None and ind.row is not None and ind.row == above.row + 1
        if not carries_no_weight(f):
            heading = f.target_blank and f.actual_blank and f.weight is not None
            continue
        if heading and adjacent:
            found.add(id(ind))
        else:
            heading = False
    return frozenset(found)


def row_weights(ctx: Context, rows: Sequence[Indicator]) -> Decimal | None:
    """Σ of the rows' weights (扣分项/加分项 rows left out); None when no row has a weight. Once per run for a table's
    rows and its groups' (kept tuples, asked by W01, W02, W03 and W04): a weight cell is no funds amount, so its number
    does not turn on the unit reading (`Context.bare_units`)."""
    if rows.__class__ is not tuple:
        return _row_weights(ctx, rows)
    kept = ctx.once(("row_weights", id(rows)), lambda: (rows, _row_weights(ctx, rows)))
    return kept[1]


def _row_weights(ctx: Context, rows: Sequence[Indicator]) -> Decimal | None:
    values = [w for w in (f.weight for f in ctx.facts_of(rows) if not f.adjustment) if w is not None]
    return sum(values, Decimal(0)) if values else None


def budget_weight(ctx: Context) -> Decimal:
    """The 预算执行率 分值 as typed; when the table prints none, 0 (profile `weights.funds_weight = "table"`:
    only weights that exist in the table count — forms whose funds block is not scored) or the profile's
    `weights.budget` (`funds_weight = "profile"`)."""
    funds = ctx.ev.funds
    scored = funds.scored if funds is not None else None  # 重庆: the 其中财政拨款 row carries the 执行率权重
    typed = ctx.number(scored.weight) if scored is not None else None
    if typed is not None:
        return typed
    stated = declared_budget_weight(ctx)
    if stated is not None and (number := ctx.number(stated)) is not None:
        return number  # 预算执行率权重(%): 10 in the table's head (四川 目标表)
    if _funds_weight_mode(ctx) == "profile":
        return ctx.settings.budget_weight or Decimal(0)
    return Decimal(0)


def _funds_weight_mode(ctx: Context) -> str:
    """`weights.funds_weight`, or on a 绩效目标申报表 `weights.funds_weight_declaration` where the profile sets one: a
    province whose 申报 form weighs only the indicators (四川 一体化: 90 on them, the 10 of 预算执行率 scored at 自评)."""
    if ctx.ev.kind == "declaration" and declared_budget_weight(ctx) is None:  # (a 预算执行率权重 field, even blank, is
        declared = ctx.profile.get(
            "weights.funds_weight_declaration", ""
        )  # the form's own word: 甘孜 2023 left it blank)
        if declared:
            return str(declared)
    return str(ctx.profile.get("weights.funds_weight", "table"))


def _budget_weight_printed(ctx: Context) -> bool:
    """True when the table prints a 预算执行率 分值 (its funds block's, or a head field's): W03 then names it in the sum,
    "预算执行率 0 + 指标 13" only where a 0 is there to read (gaps13: a fragment with no funds block was told so)."""
    funds = ctx.ev.funds
    scored = funds.scored if funds is not None else None
    stated = declared_budget_weight(ctx)
    return (scored is not None and ctx.number(scored.weight) is not None) or (
        stated is not None and ctx.number(stated) is not None
    )


def _funds_weight_unread(ctx: Context) -> str | None:
    """The funds block's 分值 as printed when it holds text no number is read from ("十分"), else None."""
    funds = ctx.ev.funds
    scored = funds.scored if funds is not None else None
    if scored is None or ctx.is_blank(scored.weight) or ctx.number(scored.weight) is not None:
        return None
    return scored.weight.text


def declared_budget_weight(ctx: Context) -> CellValue | None:
    """The head field '预算执行率权重(%)' of a table without a scored funds block (四川 一体化 绩效目标表), else None."""
    funds = ctx.ev.funds
    if funds is not None and funds.scored is not None and ctx.number(funds.scored.weight) is not None:
        return None
    return ctx.ev.header.get("预算执行率权重")


def has_total_row(ctx: Context) -> bool:
    """The table has a 总分 row; without one it may continue elsewhere, so its sums are not conclusive."""
    ev = ctx.ev
    return ev.total_score is not None or ev.total_weight is not None


def completeness(ctx: Context) -> tuple[Certainty | None, str, str]:
    """(certainty, note zh, note en) for sums over the table: a judgement when there is no 总分 row, or when where the
    table begins or ends on its sheet is a guess (`SelfEvaluation.boundary_guess`, read27: a copy of the form printed
    on without its head, or a split on an assumed full mark) — the note says which."""
    guess = ctx.ev.boundary_guess
    if has_total_row(ctx) and not guess:
        return None, "", ""
    zh = [x for x in (NO_TOTAL_NOTE if not has_total_row(ctx) else "", guess) if x]
    en = [
        x
        for x in (
            "the table has no 总分 row and may continue elsewhere; the sum covers only the rows shown"
            if not has_total_row(ctx)
            else "",
            GUESSED_EDGE_EN if guess else "",
        )
        if x
    ]
    return Certainty.JUDGEMENT, "；".join(zh), "; ".join(en)


#: The English note of a sum over a table whose edge on its sheet is a guess (`completeness`).
GUESSED_EDGE_EN = "where the table begins or ends on its sheet is inferred; the sum covers only the rows read with it"


#: The note of a sum over a table without a 总分 row (`completeness`).
NO_TOTAL_NOTE = "表中没有总分行，表格可能不完整（续在其他页或其他表），合计仅就本表所列计算"


def shown_in_part(ctx: Context) -> Decimal | None:
    """The weights the table shows (预算执行率 + indicators) when it has no 总分 row and they fall short of the full
    mark: what is shown is part of a table that continues elsewhere (a page, a sheet, a copy cut short) — its last
    一级 may hold more rows, and "every indicator" is not known. None when a 总分 row closes the table or the weights
    shown make the full mark. W03 reports the shortfall itself; T07 and W01 judge no more than is shown (issue 11)."""
    if has_total_row(ctx) or weighted_reading(ctx)[0] == "all":
        return None
    leaves = row_weights(ctx, ctx.indicators())
    if leaves is None:
        return None
    held = leaves + budget_weight(ctx)
    return held if held < ctx.dec("weights.total", 100) - ctx.tol_score else None


#: The opening of W03's message on a table cut short (`shown_in_part`): the one finding for that cause, which the reader's
#: LAYOUT_MISSING_TOTAL of the same table then leaves to it (`perfxl.validate`; issue 11: one cause, one finding).
CUT_SHORT_ZH = "表中没有总分行，表格可能不完整（是否续在其他页）"


def _open_shortfall(ctx: Context, declared: Decimal, held: Decimal, last: bool) -> bool:
    """A declared weight over the table's last rows that they fall short of, on a table cut short (`shown_in_part`):
    the rest of them may be where the table continues, so the shortfall is the cut W03 reports — one cause, one finding
    (issue 11: a 宣城/贵池 自评表 whose stored copy ends inside 效益指标 had LAYOUT_MISSING_TOTAL, W03, W05 and W02 for it)."""
    return last and held < declared - ctx.tol_score and shown_in_part(ctx) is not None


def _in_points(ctx: Context, declared: list[Decimal]) -> list[Decimal]:
    """一级 权重 typed as shares of the mark (0.5 / 0.25 / 0.25 making 1) in points of the full mark; else as read."""
    full = ctx.dec("weights.total", 100)
    if all(Decimal(0) < d < 1 for d in declared) and abs(sum(declared, Decimal(0)) - 1) <= Decimal("0.001"):
        return [d * full for d in declared]
    return declared


def weighted_reading(ctx: Context) -> tuple[str, list[Decimal]]:
    """("all" | "some" | "", the 一级 weights in points): whether the 一级 weights scale their rows rather than add them
    up. Every 一级 declares a weight, the weights make the full mark (50 + 25 + 25 = 100, or shares 0.5 + 0.25 + 0.25),
    and 一级 holding rows hold the full mark themselves (预算管理 75 + 财务管理 25 under 预算绩效 权重 50) — the 一级 │ 权重 │
    二级 │ 分值 │ 三级 │ 分值 layout of 吉林's 专项经费支出绩效评价表 (held-out 21), where a 一级's rows are points out of
    100 weighted by its 权重. "all": every 一级 with rows holds the full mark; "some": at least two do and another does
    not — the reading is then a guess from the others (one slip in one 一级 must not make the others' 100s 错误, nor
    hide the slip; review13h)."""
    groups = [(h, rows) for h, rows in ctx.groups() if h is not None]
    if len(groups) < 2 or any(h.declared_weight is None or not _own_column(h, rows) for h, rows in groups):
        return "", []
    full = ctx.dec("weights.total", 100)
    tol = ctx.tol_score
    declared = _in_points(ctx, [h.declared_weight for h, _ in groups if h.declared_weight is not None])
    if abs(sum(declared, Decimal(0)) - full) > tol or all(abs(d - full) <= tol for d in declared):
        return "", []
    held = [row_weights(ctx, rows) for _, rows in groups if rows]
    at_full = sum(1 for w in held if w is not None and abs(w - full) <= tol)
    if at_full < 2:
        return "", []
    return ("all" if at_full == len(held) else "some"), declared


def _own_column(heading: Level1Heading, rows: Sequence[Indicator]) -> bool:
    """The 一级's weight in a column of its own (吉林: 一级 │ 权重 │ … │ 三级 │ 分值), not in its label ("产出指标（50分）")
    nor in the rows' own 分值 column (a 评分表's subtotal row): only a 权重 apart from the points can scale them."""
    at = heading.declared_at
    if at is None or at.sheet is None:
        return False
    return all(i.weight.sheet is None or i.weight.c != at.c for i in rows)


def weighted_levels(ctx: Context) -> bool:
    """True when the 一级 weights scale rows of 100 in every 一级 (`weighted_reading` "all"): then neither a 一级
    "declaring 50 over rows of 100" (W02) nor the rows' 300 (W03) is a slip — the arithmetic shows the form's rule, so the
    sums are taken under it (the silence is recorded as coverage, stating the reading)."""
    return weighted_reading(ctx)[0] == "all"


def _weighted_note(ctx: Context, weights: list[Decimal]) -> tuple[str, str]:
    """The reading a 一级 weight scaling rows of 100 rests on, in words (a guess from the arithmetic: 警告 at most)."""
    full = fmt_num(ctx.dec("weights.total", 100))
    shown = " + ".join(fmt_num(w) for w in weights)
    return (
        f"一级指标权重 {shown} 合计 {full}，且其他一级指标下的分值各合计 {full}：本表可能按权重折算各一级指标下的"
        f" {full} 分制分值（如吉林专项经费支出绩效评价表），需人工判断",
        f"the 一级 weights {shown} make {full} and other 一级 hold {full} each: the form may weight rows out of {full}",
    )


@record(frozen=True, slots=True)
class WeightedTotal:
    """A 总分 under the `weighted_levels` reading: Σ over 一级 of 权重 × (its rows' Σ 得分) / full mark, exact."""

    total: Decimal
    parts: tuple[tuple[str, Decimal, Decimal, Decimal], ...]  # (一级 name, 权重, its rows' Σ 得分, out of)
    plain: Decimal  # the same rows' scores added as they stand
    points: Mapping[int, Decimal]  # each 一级's part of the total, by `id(heading)`
    some: bool = False  # read so though one 一级's rows do not hold 100 (`weighted_reading` "some")

    def text(self) -> str:
        """ "预算绩效 50 × 95/100 + 项目产出 25 × 99/100 + 项目效果 25 × 98/100"."""
        return " + ".join(
            f"{name} {fmt_num(w)} × {fmt_num(held)}/{fmt_num(base)}" for name, w, held, base in self.parts
        )

    def reading(self) -> str:
        """The basis of a finding resting on the reading: what it is and why it is inferred, not printed."""
        weights = " + ".join(fmt_num(part[1]) for part in self.parts)
        return (
            f"按一级指标权重折算：{self.text()} = {fmt_num(self.total)}（表中未印明计分规则：各一级指标权重 {weights} "
            f"合计满分，其下各行分值{'除一个一级指标外' if self.some else ''}各合计 100，据此推断各行得分是一级指标内的"
            f"百分制得分、按权重折算计入总分，需人工确认）；"
            f"各行得分直接相加为 {fmt_num(self.plain)}"
        )


def weighted_total(
    ctx: Context, scores: Mapping[int, Decimal], *, some: bool = False, excluded: frozenset[int] = frozenset()
) -> WeightedTotal | None:
    """The indicators' part of the 总分 under `weighted_levels` (吉林 专项经费支出绩效评价表, held-out 21: rows of 100
    inside each 一级, the 一级 权重 50 / 25 / 25 making the 100), from each row's score by `id(indicator)` (a row without
    one counts 0); None when the table is not read so. Rows under no 一级 add as they stand. Exact: the caller rounds
    at the precision the 总分 is printed with. T02 and the summary's 总分重算 both take it (one mechanism). `some`: also
    under the "some" reading (one 一级's rows slipped off 100, `weighted_reading`) — T02's 总分 then is no certain plain
    sum either (two 一级 of 100 points cannot add to a 总分 of 100; review13w). `excluded`: the ids of rows left out of
    the scoring (不适用, T05): a 一级's rows then count out of the 分值 its other rows carry, not out of the full mark
    (60 once a 40-point row of 100 does not apply, whether its 分值 still reads 40 or was set to 0) — None when a 一级
    keeps no 分值 to count out of (gaps14)."""
    reading = weighted_reading(ctx)[0]
    if reading != "all" and not (some and reading == "some"):
        return None
    full = ctx.dec("weights.total", 100)
    total, plain = Decimal(0), Decimal(0)
    parts: list[tuple[str, Decimal, Decimal, Decimal]] = []
    points: dict[int, Decimal] = {}
    for heading, rows in ctx.groups():
        held = sum((scores.get(id(i), Decimal(0)) for i in rows if id(i) not in excluded), Decimal(0))
        plain += held
        if heading is None or heading.declared_weight is None:
            total += held
            continue
        base = full
        if any(
            id(i) in excluded for i in rows
        ):  # out of the 分值 its applicable rows carry (the 不适用 rows' taken out)
            kept = [w for w in (ctx.fact(i).weight for i in rows if id(i) not in excluded) if w is not None]
            base = sum(kept, Decimal(0))
            if base <= 0:
                return None
        points[id(heading)] = heading.declared_weight * held / base
        total += points[id(heading)]
        parts.append((heading.name or heading.label.text, heading.declared_weight, held, base))
    return WeightedTotal(total, tuple(parts), plain, points, reading == "some")


@check("W01")
def level1_default(ctx: Context) -> Iterator[Finding]:
    """产出 50 / 效益 30 / 满意度 10 (profile [weights]); the weight its rows hold is compared. One finding a table: a
    weight moved off one 一级 lands on another (新洲 2020: 产出 80, 满意度 20 for 50 and 10), one choice whose reason
    the filer gives once — at the first 一级 that differs, naming every one (issue 11: one cause, one finding)."""
    off: list[tuple[Level1Heading, Decimal, Decimal]] = []
    if ctx.evaluation_framework():  # 投入/过程/产出/效果 (53号 评价): 10号's default weights do not apply
        return
    year, first = title_year(ctx.evaluation), ctx.profile.get("weights.first_year")
    if year is not None and isinstance(first, int) and year < first:
        ctx.skip(
            f"本表为 {year} 年度，早于财预〔2020〕10号：其默认一级指标分值自 {first} 年度的自评起适用，未与之比较",
            f"a {year} form predates 10号 (its default weights bind the 自评 of {first} on): not compared with them",
        )
        return
    reading, points = weighted_reading(ctx)  # a 权重 scaling rows of 100 is the 一级's weight, not its rows' 100
    weighted = bool(reading)  # ("some": the form's 权重 still its stated weight, not a slipped group's rows)
    scaled = iter(points)
    groups = ctx.groups()
    final = next((h for h, _ in reversed(groups) if h is not None), None)
    cut = shown_in_part(ctx) is not None  # the table shown is part of one: its last 一级's rows may continue
    for heading, rows in groups:
        if heading is None:
            continue
        key = level1_key(heading.name or heading.label.text)
        default = ctx.dec(f"weights.{key}") if key else None
        weight = next(scaled, heading.declared_weight)  # (a share "0.25" in points)
        if cut and heading is final:
            held = weight  # its rows are not all shown: only a weight its label declares is the 一级's (W02 compares)
        else:
            held = None if weighted else row_weights(ctx, rows)
            held = weight if held is None else held
        if default is not None and held is not None and held != default:
            off.append((heading, held, default))
    if not off:
        return
    first, held, default = off[0]
    if len(off) == 1:
        yield ctx.finding(first.label, expected=default, actual=held, name=first.name or first.label.text)
        return
    names = [h.name or h.label.text for h, _, _ in off]
    read = [(n, h.label.a1(), fmt_num(w), fmt_num(d)) for n, (h, w, d) in zip(names, off, strict=True)]
    yield ctx.finding(
        first.label,
        expected="、".join(d for *_, d in read),
        actual="、".join(w for _, _, w, _ in read),
        name="”、“".join(names),
        basis="读取："
        + "，".join(f"{n} {c} 分值 {w}（默认 {d}）" for n, c, w, d in read)
        + "；各一级指标分值同属一次权重安排，合为一条提示",
        basis_en="read "
        + ", ".join(f"{n} at {c}: {w} (default {d})" for n, c, w, d in read)
        + "; one reweighting, one finding",
        related=tuple(h.label.located() for h, _, _ in off[1:] if h.label.sheet is not None),
    )


@check("W02")
def level1_declared_matches_rows(ctx: Context) -> Iterator[Finding]:
    """A weight declared in the 一级 label ("效益指标（35分）") equals the sum of the weights of its rows."""
    groups = ctx.groups()
    final = next((h for h, _ in reversed(groups) if h is not None), None)
    reading, points = weighted_reading(ctx)
    if reading == "all":
        full_text = fmt_num(ctx.dec("weights.total", 100))
        ctx.skip(
            f"一级指标权重 {' + '.join(fmt_num(w) for w in points)} 合计 {full_text}，各一级指标下的分值各合计 "
            f"{full_text}：按权重折算其下 {full_text} 分制分值读取（由分值推断），未将一级指标权重与其下分值之和相比",
            f"the 一级 weights make {full_text} and each 一级's rows make {full_text}: read as weights scaling them",
        )
    full = ctx.dec("weights.total", 100)
    for heading, rows in groups:
        if heading is None or heading.declared_weight is None or reading == "all":
            continue  # (a 权重 scaling rows of 100, `weighted_levels`, is no sum of them)
        held = row_weights(ctx, rows)
        if held is not None and abs(held - heading.declared_weight) > ctx.tol_score:
            if _as_share(ctx, heading.declared_weight, held):
                continue
            last = heading is final
            if _open_shortfall(ctx, heading.declared_weight, held, last):
                continue  # the rows shown of a table cut short: W03's one finding names the shortfall
            # (the last 一级's rows may go on; under a guessed edge any 一级's sum may rest on rows not read with it)
            sure, note, note_en = completeness(ctx) if last or ctx.ev.boundary_guess else (None, "", "")
            if reading == "some" and abs(held - full) <= ctx.tol_score:  # right under the form's rule, a guess
                sure, note, note_en = _judged(note, note_en, *_weighted_note(ctx, points))
            sure, note, note_en = _beyond_full(ctx, heading.declared_weight, sure, note, note_en)
            sure, note, note_en = _unweighted(ctx, rows, sure, note, note_en)
            # (short of its 权重, or under the weighted reading of the 100 its rows would hold)
            short = held < heading.declared_weight or (reading == "some" and held < full)
            sure, note, note_en = _zeroed_not_applicable(ctx, rows, short, sure, note, note_en)
            at = heading.declared_at  # a subtotal row's 分值 cell (评分表), else the label declares it
            said = f"“{heading.label.text}”行的分值" if at is not None else f"“{heading.label.text}”标注"
            yield ctx.finding(
                at or heading.label,
                expected=held,
                actual=heading.declared_weight,
                name=heading.name or heading.label.text,
                certainty=sure,
                basis=f"读取：{said} {fmt_num(heading.declared_weight)} 分，其下 "
                f"{len(rows)} 个三级指标分值合计 {fmt_num(held)}" + (f"；{note}" if note else ""),
                basis_en=f"read {heading.label.text!r} declaring {fmt_num(heading.declared_weight)}, its "
                f"{len(rows)} rows hold {fmt_num(held)}" + (f"; {note_en}" if note_en else ""),
            )
    yield from _level2_declared(ctx)


def _level2_declared(ctx: Context) -> Iterator[Finding]:
    """A 二级 weight printed in its own 分值 column (评分表: 二级 │ 分值) equals the weights of the rows under it."""
    indicators = ctx.indicators()
    for heading, rows in _level2_runs(indicators, ctx.ev.level2):
        held = row_weights(ctx, rows) if rows else None
        if held is None or abs(held - heading.declared_weight) <= ctx.tol_score:
            continue
        if _as_share(ctx, heading.declared_weight, held):
            continue
        last = rows[-1] is indicators[-1]  # the table may go on past what was read: as for the last 一级
        if _open_shortfall(ctx, heading.declared_weight, held, last):
            continue  # as for the last 一级: the table's cut, W03's one finding
        sure, note, note_en = completeness(ctx) if last else (None, "", "")
        sure, note, note_en = _beyond_full(ctx, heading.declared_weight, sure, note, note_en)
        sure, note, note_en = _unweighted(ctx, rows, sure, note, note_en)
        sure, note, note_en = _zeroed_not_applicable(ctx, rows, held < heading.declared_weight, sure, note, note_en)
        if heading.copied:  # 4 │ 4 typed beside rows of 4 │ 4: a filled merge, or the rows' own weights copied
            sure = Certainty.JUDGEMENT
            why = (
                "该列在其下每行都填了与该行分值相同的数字，可能是逐行照抄的三级指标分值，而非二级指标的分值，需人工判断"
            )
            note = "；".join(x for x in (note, why) if x)
            note_en = "; ".join(
                x for x in (note_en, "each row repeats its own weight in the column: maybe copied") if x
            )
        yield ctx.finding(
            heading.declared_at,
            expected=held,
            actual=heading.declared_weight,
            name=heading.label.text,
            certainty=sure,
            related=(heading.label.located(),) if heading.label.sheet is not None else (),
            basis=f"读取：二级指标“{heading.label.text}”的分值 {fmt_num(heading.declared_weight)} 分，其下 {len(rows)} "
            f"个三级指标分值合计 {fmt_num(held)}" + (f"；{note}" if note else ""),
            basis_en=f"read 二级 {heading.label.text!r} declaring {fmt_num(heading.declared_weight)}, its {len(rows)} "
            f"rows hold {fmt_num(held)}" + (f"; {note_en}" if note_en else ""),
        )


def _as_share(ctx: Context, declared: Decimal, held: Decimal) -> bool:
    """A declared weight below 1 that is its rows' points as a share of the full mark (0.2 over rows holding 20 of 100:
    权重 typed as a fraction): the same weight in another unit, no contradiction (review 11d)."""
    full = ctx.dec("weights.total", 100)
    return Decimal(0) < declared < 1 and abs(declared * full - held) <= ctx.tol_score


def _beyond_full(
    ctx: Context, declared: Decimal, sure: Certainty | None, note: str, note_en: str
) -> tuple[Certainty | None, str, str]:
    """A declared weight above the full mark (a year "2023" or a count beside the label, not a weight): no certain
    contradiction of its rows — a judgement saying why (review 11d)."""
    full = ctx.dec("weights.total", 100)
    if declared <= full:
        return sure, note, note_en
    why = f"所读分值 {fmt_num(declared)} 大于满分 {fmt_num(full)}，可能不是分值（如年份、数量），需人工判断"
    why_en = f"the figure read, {fmt_num(declared)}, exceeds the full mark {fmt_num(full)}: it may be no weight"
    return _judged(note, note_en, why, why_en)


def _unweighted(
    ctx: Context, rows: Sequence[Indicator], sure: Certainty | None, note: str, note_en: str
) -> tuple[Certainty | None, str, str]:
    """Rows under a declared weight whose own 分值 is not filled in (blank, "/"): their sum is not known, so the
    declared weight is not certainly contradicted — the unfilled cell is the slip W04 reports; a judgement here."""
    missing = sum(1 for f in ctx.facts_of(rows) if not f.adjustment and f.weight is None)
    if not missing:
        return sure, note, note_en
    why = f"其下 {missing} 个三级指标未填分值，合计仅就已填的计算，需人工判断"
    why_en = f"{missing} of its rows print no weight; the sum covers the others"
    return _judged(note, note_en, why, why_en)


def _zeroed_not_applicable(
    ctx: Context, rows: Sequence[Indicator], short: bool, sure: Certainty | None, note: str, note_en: str
) -> tuple[Certainty | None, str, str]:
    """Rows under a declared weight that say they do not apply (不适用/不涉及) with a 分值 of 0, the rows short of the
    declared weight: the form may have taken the rows' points out (T05's 按比例折算 — a 吉林 一级 of 25 over rows of 60
    once a 40-point row does not apply), so the shortfall is no certain slip — a judgement naming them (gaps14)."""
    # (each row's 分值 from its facts, read in one pass: `facts_of`)
    zeroed = [f.ind for f in ctx.facts_of(rows) if f.weight == 0 and not_applicable.marked(ctx, f.ind)] if short else []
    if not zeroed:
        return sure, note, note_en
    names = "、".join(f"“{i.name.text}”{_guessed_note(ctx, i)}" for i in zeroed)
    why = f"其下{names}不适用、分值填 0，分值合计可能已扣除不适用指标的分值（按比例折算），需人工判断"
    why_en = f"{len(zeroed)} of its rows do not apply, weighted 0: their points may have been taken out"
    return _judged(note, note_en, why, why_en)


def _judged(note: str, note_en: str, why: str, why_en: str) -> tuple[Certainty | None, str, str]:
    """A judgement whose notes gain `why`: what makes a declared weight's contradiction less than certain."""
    return JUDGEMENT, "；".join(x for x in (note, why) if x), "; ".join(x for x in (note_en, why_en) if x)


def _level2_runs(
    indicators: Sequence[Indicator], headings: Sequence[Level2Heading]
) -> Iterator[tuple[Level2Heading, list[Indicator]]]:
    """Each 二级 heading with the rows under it: the run of rows from its own on that carry its label — the merged
    cell, or the same label typed again on each row (a 评分表 exported without merges repeats 预算配置 │ 20 on every
    row of it: one heading, not one per row; review round 15)."""
    covered: set[int] = set()
    for heading in headings:
        label = heading.label
        placed = label.sheet is not None
        start = next((n for n, i in enumerate(indicators) if placed and i.level2.same_place(label)), None)
        if start is None or start in covered:
            continue
        key = compact(heading.label.text)
        end = start + 1
        while end < len(indicators) and (
            indicators[end].level2.same_place(label)
            or (
                compact(indicators[end].level2.text) == key
                and indicators[end].level1.text in ("", indicators[start].level1.text)
            )
        ):
            end += 1
        covered.update(range(start, end))
        yield heading, list(indicators[start:end])


@check("W03")
def total_weight(ctx: Context) -> Iterator[Finding]:
    """Σ leaf weights + 预算执行率分值 = the full mark (100), and the 总分 row's 分值 says so."""
    ev = ctx.ev
    leaves = row_weights(ctx, ctx.indicators())
    if leaves is None:
        return
    reading, points = weighted_reading(ctx)
    if reading == "all":  # the 一级 权重 make the mark, each scaling rows of 100 (吉林 评价表)
        leaves = sum(points, Decimal(0))
    full = ctx.dec("weights.total", 100)
    held = leaves + budget_weight(ctx)
    where = ev.total_weight.place() if ev.total_weight is not None else None
    where = where or ctx.cell_ref(*(i.weight for i in ctx.indicators())) or CellRef(ev.sheet, "A1")
    sure, note, note_en = completeness(ctx)
    if reading == "some":  # the rows' sum is no total under the form's likely rule: a 警告 saying so
        sure, note, note_en = _judged(note, note_en, *_weighted_note(ctx, points))
    # (each row's `is_blank` and `number` of its 分值 as its facts hold them: no two cached asks a row)
    unread_weights = [f.ind.weight.text for f in ctx.facts() if not f.weight_blank and f.weight is None]
    # the funds line's 分值 printed but unread ("十分", "10%" beside weights in points): not "表中没有预算执行率分值" —
    # missing from the sum as an unread row weight is (probe23)
    funds_unread = _funds_weight_unread(ctx)
    if funds_unread is not None:
        unread_weights.append(funds_unread)
    if (
        unread_weights
    ):  # "▼20", "- 20", "M.8": a weight C02 could not read is missing from the sum — never 错误 on a sum short by it
        sure, note, note_en = _judged(
            note,
            note_en,
            f"分值“{'”“'.join(unread_weights[:3])}”未能读取为数值，合计中未计入",
            f"{len(unread_weights)} weight cell(s) could not be read and are missing from the sum",
        )
    stated = declared_budget_weight(ctx)
    if stated is not None and ctx.is_blank(stated) and stated.sheet is not None and held < full:
        # '预算执行率权重(%):' left blank beside weights short of the full mark: unfilled, said at the blank field
        yield ctx.finding(
            stated.place(),
            expected=full - leaves,
            actual="（空）",
            what="预算执行率权重",
            what_en="The budget-execution weight",
            certainty=Certainty.JUDGEMENT,
            basis=f"读取：预算执行率权重未填写，{_weighted_count(ctx)} 个指标权重合计 {fmt_num(leaves)}；满分 "
            f"{fmt_num(full)}，该栏应为 {fmt_num(full - leaves)}；未填写，不是填错",
            basis_en=f"the budget-execution weight is blank, indicator weights total {fmt_num(leaves)} of "
            f"{fmt_num(full)}; unfilled, not wrong",
        )
        return
    if (ev.funds is None or ev.funds.total is None) and held < full:
        # no funds block (or none of its total row) was read with this table: the 预算执行率 points may sit in
        # what perfxl did not read
        sure = Certainty.JUDGEMENT
        note = "；".join(
            x for x in (note, "表中没有读到资金（预算执行率）部分或其合计行，其分值可能在未读入的部分") if x
        )
        note_en = "; ".join(x for x in (note_en, "no funds block (or no total row of it) was read with the table") if x)
    typed = ctx.number(ev.total_weight) if ev.total_weight is not None else None
    unread = typed is not None and (ev.funds is None or ev.funds.total is None) and typed > held
    # (the rows read with a table whose edge is a guess may not be all of it: the 总分 row's 分值 then no surer)
    typed_certainty = Certainty.JUDGEMENT if unread or reading == "some" or ev.boundary_guess else None
    # the 总分 row printing the full mark beside rows that miss it is the rows' one discrepancy, said once: "分值合计 …
    # 应为 100" there, not also "总分行的分值应为 90" — unless the row's figure is the surer of the two findings
    full_typed = (
        typed is not None
        and abs(held - full) > ctx.tol_score
        and abs(typed - full) <= ctx.tol_score
        and (sure is None or typed_certainty is not None or bool(unread_weights))
    )
    if full_typed and typed is not None:
        note = "；".join(x for x in (note, f"总分行的分值 {fmt_num(typed)} 即满分，差在所列分值") if x)
        note_en = "; ".join(x for x in (note_en, f"the 总分 row's weight {fmt_num(typed)} is the full mark") if x)
    if (same := _labels_repeat_rows(ctx)) is not None:  # W05's sum is this one: said here, not reported apart
        note, note_en = "；".join(x for x in (note, same[0]) if x), "; ".join(x for x in (note_en, same[1]) if x)
    if abs(held - full) > ctx.tol_score:
        what = (
            f"分值合计（预算执行率 {fmt_num(budget_weight(ctx))} + 指标 {fmt_num(leaves)}）"
            if _budget_weight_printed(ctx) or budget_weight(ctx)
            else f"分值合计（指标 {fmt_num(leaves)}；预算执行率分值“{funds_unread}”未能读取）"
            if funds_unread is not None
            else f"分值合计（指标 {fmt_num(leaves)}；表中没有预算执行率分值）"
        )
        what_en = "Budget weight plus indicator weights"
        related: tuple[CellRef, ...] = ()
        if shown_in_part(ctx) is not None:  # the one finding of a table cut short: what its labels declare, too
            short = _declared_short(ctx)
            related = short.refs
            open_zh = f"（{'；'.join(short.groups)}）" if short.groups else ""
            what, what_en = f"{CUT_SHORT_ZH}{open_zh}：所列{what}", f"No 总分 row, the table may go on: {what_en}"
            said = "表中没有总分行，合计仅就本表所列计算，总分与自评等级无从复核，请核对表格是否完整"
            note = "；".join(x for x in (note.replace(NO_TOTAL_NOTE, said), *short.levels) if x)
            note_en = "; ".join(x for x in (note_en, "the total and grade cannot be checked", *short.en) if x)
        yield ctx.finding(
            where,
            expected=full,
            actual=held,
            what=what,
            what_en=what_en,
            certainty=sure,
            related=related,
            basis=f"读取：预算执行率分值 {_funds_weight_text(ctx)}，{_weighted_count(ctx)} 个指标分值合计 "
            f"{fmt_num(leaves)}；计算：合计 {fmt_num(held)}，满分 {fmt_num(full)}" + (f"；{note}" if note else ""),
            basis_en=f"read budget weight {_funds_weight_text(ctx)}, indicator weights {fmt_num(leaves)}; "
            f"sum {fmt_num(held)} against {fmt_num(full)}" + (f"; {note_en}" if note_en else ""),
        )
    if typed is not None and abs(typed - held) > ctx.tol_score and not full_typed:
        # unread: the 预算执行率 分值 may be in what perfxl did not read
        read = f"读取：总分行的分值 {fmt_num(typed)}，预算执行率分值 {_funds_weight_text(ctx)}，指标分值合计 {fmt_num(leaves)}"
        if reading == "some":  # the rows' sum is no total under the form's likely weighted rule (review13h, weighted13)
            weighted, basis_en = _weighted_note(ctx, points)
            basis = f"{read}；{weighted}"
        elif unread:
            basis = f"{read}；表中没有读到资金部分或其合计行，预算执行率分值可能在未读入的部分"
            basis_en = "the funds block (or its total row) was not read; its weight may be missing from the sum"
        elif ev.boundary_guess:
            basis, basis_en = f"{read}；{ev.boundary_guess}", GUESSED_EDGE_EN
        else:
            basis, basis_en = "", ""
        yield ctx.finding(
            ev.total_weight,
            expected=held,
            actual=typed,
            what="总分行的分值",
            what_en="The weight on the 总分 row",
            certainty=typed_certainty,
            basis=basis,
            basis_en=basis_en,
        )


def _labels_repeat_rows(ctx: Context) -> tuple[str, str] | None:
    """(note zh, en) when every 一级 label declares exactly what its rows' 分值 hold and the labels' sum misses the full
    mark: the labels' total (W05's) is the rows' total (W03's) — one cause, one finding (issue 11 item 6), W03's, whose
    basis names the labels (四川 中江 2022: 产出 70 + 效益 20 + 满意度 10 + 预算执行率 10 = 110 both ways). None when
    W03 would not report it as surely as W05 (a 一级 权重 scaling its rows, an unread weight, no funds block read,
    W03 switched off): W05 then stands alone; and on a table cut short, whose W03 names the labels' sum already."""
    if not ctx.profile.check("W03").enabled or weighted_reading(ctx)[0] or shown_in_part(ctx) is not None:
        return None  # (a table cut short: W03's finding names the labels' sum already, `_declared_short`)
    groups = list(ctx.groups())
    if not groups or any(h is None or h.declared_weight is None for h, _ in groups):
        return None
    full = ctx.dec("weights.total", 100)
    declared = budget_weight(ctx)
    for h, rows in groups:
        held = row_weights(ctx, rows)
        if h is None or h.declared_weight is None or held is None or abs(held - h.declared_weight) > ctx.tol_score:
            return None
        declared += h.declared_weight
    funds = ctx.ev.funds
    if abs(declared - full) <= ctx.tol_score or funds is None or funds.total is None or _funds_weight_unread(ctx):
        return None
    if any(not f.weight_blank and f.weight is None for f in ctx.facts()):
        return None
    parts = " + ".join(f"{h.name or h.label.text} {fmt_num(h.declared_weight)}" for h, _ in groups if h is not None)
    if budget_weight(ctx):
        parts += f" + 预算执行率 {fmt_num(budget_weight(ctx))}"
    return (
        f"一级指标标注分值（{parts}）与其下所列分值逐一相同，标注合计亦为 {fmt_num(declared)}：同一差错，不另报",
        f"the first-level labels declare what their rows hold ({parts}), so their sum is {fmt_num(declared)} too: "
        "the same discrepancy, not reported apart",
    )


@record(frozen=True, slots=True)
class _Short:
    """What the labels of a table cut short declare beyond the rows shown (`_declared_short`)."""

    levels: tuple[str, ...]  # the 一级 labels' sum short of the full mark (W05's)
    groups: tuple[str, ...]  # the last 一级's or 二级's weight over fewer rows (W02's)
    en: tuple[str, ...]
    refs: tuple[CellRef, ...]  # the cells declaring them


def _declared_short(ctx: Context) -> _Short:
    """What the labels of a table cut short declare beyond the rows shown — the 一级 labels' sum short of the full mark
    (W05's), the last 一级's or 二级's weight over fewer rows (W02's) — for W03's one finding to name, with the cells
    that declare it (its related places; issue 11)."""
    levels: list[str] = []
    groups_zh: list[str] = []
    en: list[str] = []
    refs: list[CellRef | None] = []
    full = ctx.dec("weights.total", 100)
    groups = [(h, rows) for h, rows in ctx.groups() if h is not None]
    if groups and all(h.declared_weight is not None for h, _ in groups):
        parts = [f"{h.name or h.label.text} {fmt_num(h.declared_weight)}" for h, _ in groups if h.declared_weight]
        declared = sum((h.declared_weight for h, _ in groups if h.declared_weight), Decimal(0)) + budget_weight(ctx)
        if budget_weight(ctx):
            parts.append(f"预算执行率 {fmt_num(budget_weight(ctx))}")
        if declared < full - ctx.tol_score:
            levels.append(f"一级指标标注分值 {' + '.join(parts)} 合计 {fmt_num(declared)}，亦不足满分")
            en.append(f"the first-level labels declare {' + '.join(parts)} = {fmt_num(declared)}, short as well")
            refs += [(h.declared_at or h.label).place() for h, _ in groups]
    indicators = ctx.indicators()
    last: list[tuple[str, Decimal, Sequence[Indicator], tuple[CellRef | None, ...]]] = [
        (h.label.text, h.declared_weight, rows, ((h.declared_at or h.label).place(),))
        for h, rows in groups[-1:]
        if h.declared_weight is not None
    ]
    last += [
        (h.label.text, h.declared_weight, rows, (h.declared_at.place(), h.label.place()))
        for h, rows in _level2_runs(indicators, ctx.ev.level2)
        if rows and rows[-1] is indicators[-1]
    ]
    for label, weight, rows, at in last:
        held = row_weights(ctx, rows)
        if held is not None and held < weight - ctx.tol_score:
            groups_zh.append(f"“{label}”标注 {fmt_num(weight)} 分，所列 {len(rows)} 个三级指标分值合计 {fmt_num(held)}")
            en.append(f"{label!r} declares {fmt_num(weight)}, its {len(rows)} rows shown hold {fmt_num(held)}")
            refs += at
    kept = tuple(dict.fromkeys(r for r in refs if isinstance(r, CellRef)))
    return _Short(tuple(levels), tuple(groups_zh), tuple(en), kept)


@check("W04")
def weights_positive(ctx: Context) -> Iterator[Finding]:
    """Every indicator row has a weight > 0."""
    for f in ctx.facts():
        ind, weight = f.ind, f.weight
        if weight is not None and weight > 0:
            continue  # a positive weight (most rows): no test below can say anything of it
        if weight is None and f.weight_blank and f.score_blank:
            continue  # an unfilled slot ("指标2") or a 其中 sub-line: nothing is scored on it
        if f.adjustment:
            continue  # 扣分项 │ … │ (空) │ -2: a deduction has no weight of its own
        if weight == 0 and is_item(ctx, ind):
            continue  # 梨树种植面积 │ 0 │ 6亩 │ 6亩 │ 0 under a ★ row scored on it: an item, weighted on the ★ row
        if weight is None and (ctx.is_error(ind.weight) or not f.weight_blank):
            continue  # an error value or unreadable text: C02's one finding
        if weight is None or weight <= 0:
            zero = weight is None or weight == 0
            if zero and not_applicable.declared(ctx, ind):
                continue  # 不适用 │ 不适用 │ 0: the row says it does not apply, and 0 points is consistent with that
            basis, basis_en = _w04_doubt(ctx, f) if zero else ("", "")
            yield ctx.finding(
                ind.weight,
                expected="> 0",
                actual=ind.weight.text or "（空）",
                name=ind.name.text,
                basis=basis,
                basis_en=basis_en,
                certainty=Certainty.JUDGEMENT if basis else None,
            )


def _w04_doubt(ctx: Context, f: RowFacts) -> tuple[str, str]:
    """Why a row's 0 (or blank) 分值 may be right, for W04 to judge rather than call it wrong: a 不适用 marker that is a
    guess (inside words of a scored row, or in the 偏差原因 alone — `not_applicable.guessed`), or a 0 beside neither a
    target nor an actual (不适用, or 无 as a count of 0); ("", "") when nothing makes it doubtful."""
    ind = f.ind
    read = f"读取：分值“{ind.weight.text}”，年度指标值“{ind.target.text}”，实际完成值“{ind.actual.text}”"
    read_en = f"read weight {ind.weight.text!r}, target {ind.target.text!r}, actual {ind.actual.text!r}"
    where = not_applicable.guessed(ctx, ind)
    if where is not None:
        said = f"，偏差原因“{ind.deviation.text}”" if where == "偏差原因" else ""
        return (
            f"{read}{said}：{where}写有“不适用”一类字样，若指本行不适用则分值{'为 0 ' if f.weight == 0 else '空缺'}"
            "无误，若另有所指（如没有偏差、没有违规）则分值应大于 0，需人工判断",
            f"{read_en}: the {where} names a not-applicable marker; right if the row does not apply, wrong if it "
            "means something else (no deviation, no violation)",
        )
    if f.weight == 0 and f.target_blank and f.actual_blank:
        return (
            f"{read}：两者均未填写，若本行不适用则分值 0 无误，若“无”指数量为 0（如 0 起事故）则分值应大于 0，需人工判断",
            f"{read_en}: neither is filled; 0 is right if the row does not apply, wrong if 无 means a count of 0",
        )
    return "", ""


def _guessed_note(ctx: Context, ind: Indicator) -> str:
    """ "（仅偏差原因写“不涉及”）" after a row's name when its 不适用 is a guess (`not_applicable.guessed`), else ""."""
    where = not_applicable.guessed(ctx, ind)
    if where is None:
        return ""
    cell = {"年度指标值": ind.target, "实际完成值": ind.actual}.get(where, ind.deviation)
    return f"（仅{where}写“{cell.text}”）"


@check("W05")
def level1_declared_total(ctx: Context) -> Iterator[Finding]:
    """The weights declared in the 一级 labels plus the budget weight add up to the full mark."""
    groups: list[tuple[Level1Heading, Decimal, Sequence[Indicator]]] = []
    for h, rows in ctx.groups():
        if h is None:
            continue
        if h.declared_weight is None:
            return  # not every 一级 label declares its weight: nothing to add up
        groups.append((h, h.declared_weight, rows))
    if not groups:
        return
    block = ctx.ev.indicators_declared
    if block is not None and (stated := ctx.number(block)) is not None:
        held = sum((d for _, d, _ in groups), Decimal(0))
        # "年度绩效目标 (100 分)" may name the whole table's mark, 预算执行率's weight included (review 9): then the
        # labels are held to the full mark below, as without a header
        whole = abs(held + budget_weight(ctx) - stated) <= ctx.tol_score
        if abs(held - stated) > ctx.tol_score and not whole:
            yield from _against_goal_block(ctx, block, stated, held, groups)
            return
    full = ctx.dec("weights.total", 100)
    declared = sum((d for _, d, _ in groups), Decimal(0)) + budget_weight(ctx)
    if abs(declared - full) <= ctx.tol_score:
        return
    if _open_shortfall(ctx, full, declared, True):
        return  # a table cut short: W03's one finding names the labels' sum too (`_declared_short`)
    if _labels_repeat_rows(ctx) is not None:
        return  # each label declares what its rows hold: the labels' sum is W03's, one cause — W03's basis names it
    if (
        not budget_weight(ctx)
        and abs(sum(_in_points(ctx, [d for _, d, _ in groups]), Decimal(0)) - full) <= ctx.tol_score
    ):
        return  # 权重 typed as shares of the mark (0.5 + 0.25 + 0.25 = 1): the full mark in another unit (review13h)
    parts = " + ".join(f"{h.name or h.label.text} {fmt_num(d)}" for h, d, _ in groups)
    if budget_weight(ctx):
        parts += f" + 预算执行率 {fmt_num(budget_weight(ctx))}"
    sure, note, note_en = _absent_level1(ctx, groups, declared < full, *completeness(ctx))
    yield ctx.finding(
        _culprit(ctx, groups).label,
        expected=full,
        actual=declared,
        parts=parts,
        certainty=sure,
        basis=f"读取：一级指标标注分值 {parts}；计算：合计 {fmt_num(declared)}" + (f"；{note}" if note else ""),
        basis_en=f"read declared weights {parts}; sum {fmt_num(declared)}" + (f"; {note_en}" if note_en else ""),
    )


def _against_goal_block(
    ctx: Context,
    block: CellValue,
    stated: Decimal,
    held: Decimal,
    groups: list[tuple[Level1Heading, Decimal, Sequence[Indicator]]],
) -> Iterator[Finding]:
    """The 一级 labels' declared weights against the weight the 绩效指标 header declares for them all ("年度绩效目标
    (80 分)" over 产出指标 (60 分) + 效益指标 (40 分), 云南 区直 form): two declarations of the table contradict."""
    if _open_shortfall(ctx, stated, held, True):
        return  # a table cut short: W03's one finding names the labels' sum too (`_declared_short`)
    parts = " + ".join(f"{h.name or h.label.text} {fmt_num(d)}" for h, d, _ in groups)
    sure, note, note_en = _absent_level1(ctx, groups, held < stated, *completeness(ctx))
    yield ctx.finding(
        block,
        expected=stated,
        actual=held,
        parts=parts,
        certainty=sure,
        related=tuple(h.label.located() for h, _, _ in groups if h.label.sheet is not None),
        basis=f"读取：“{block.text}”标注 {fmt_num(stated)} 分，其下一级指标标注分值 {parts}；计算：合计 {fmt_num(held)}"
        + (f"；{note}" if note else ""),
        basis_en=f"read {block.text!r} declaring {fmt_num(stated)}; its first-level labels declare {parts}, sum "
        f"{fmt_num(held)}" + (f"; {note_en}" if note_en else ""),
    )


#: W05's note on a table without a 总分 row whose labels fall short and lack a 一级 every 10号 table has: the table shown
#: stops before it — `perfxl.validate` folds such a W05 into the reader's LAYOUT_MISSING_TOTAL (one cause, one finding).
ABSENT_LEVEL1_ZH = "所列一级指标中没有"


def _absent_level1(
    ctx: Context,
    groups: Sequence[tuple[Level1Heading, Decimal, Sequence[Indicator]]],
    short: bool,
    sure: Certainty | None,
    note: str,
    note_en: str,
) -> tuple[Certainty | None, str, str]:
    """The notes of a W05 whose labels fall short on a table without a 总分 row, naming the default 一级 (产出/效益/满意度)
    the table shows none of: the shortfall is where the table stops (广水 2019: 项目绩效 cut after 产出指标 40 分)."""
    if not short or has_total_row(ctx):
        return sure, note, note_en
    shown = {level1_key(h.name or h.label.text) for h, _, _ in groups}
    absent = [frag for frag, key in LEVEL1_KEYS if key not in shown]
    if not absent:
        return sure, note, note_en
    names = "、".join(f"{frag}指标" for frag in absent)
    return _judged(
        note, note_en, f"{ABSENT_LEVEL1_ZH}{names}：表格在此之前中断", f"no {', '.join(absent)} 一级 among those shown"
    )


def _funds_weight_text(ctx: Context) -> str:
    funds = ctx.ev.funds
    cell = funds.total.weight if funds is not None and funds.total is not None else None
    if cell is not None and ctx.number(cell) is not None:
        return cell.text
    return f"（表中未列，按 {fmt_num(budget_weight(ctx))} 计）"


def _culprit(ctx: Context, groups: list[tuple[Level1Heading, Decimal, Sequence[Indicator]]]) -> Level1Heading:
    """The heading whose declared weight disagrees with its rows (else the first heading)."""
    for heading, declared, rows in groups:
        held = row_weights(ctx, rows)
        if held is not None and abs(held - declared) > ctx.tol_score:
            return heading
    return groups[0][0]
