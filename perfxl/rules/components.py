"""R-F11: the 项目资金构成 block of a 自评表 (江苏 苏州市级: 子项名称 │ 预算数 │ 实际数, then 合计) — or the 项目预算 cost block
of a 目标表 (湖北 鄂州 市直: 成本构成 │ 金额 │ … │ 2020年实际执行数 │ 2021年实际执行数, then 合计), or each group of the
部门总体资金情况 of a 湖北 部门整体支出绩效目标申报表 (总体资金情况 │ 当年金额 │ 占比: 收入构成 … 合计, 支出构成 … 合计), or
the money of a 部门整体 目标表's 年度主要任务 (东莞: 小计 │ 市财政拨款 │ 其他资金 per task, then 金额合计; per column and per
line, `layout.task_funds`) — adds up to its 合计 in every amount column. Where the block prints each line's 占比 of the 合计, the one line whose figure
disagrees with its share while the others agree is named as the figure out of line, not the 合计."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from perfxl.model import CellValue, Certainty, ComponentRow, Finding, SelfEvaluation
from perfxl.numbers import half_unit, printed_places, typed_places
from perfxl.patterns import lazy_compile
from perfxl.units import money_symbol
from perfxl.values import ValueKind

from .catalogue import check
from .context import Context, fmt_num
from .funds import rounded_sum

_COLUMNS = (("budget", "预算数", "budget"), ("actual", "实际数", "actual"))


def _groups(ev: SelfEvaluation) -> list[tuple[tuple[ComponentRow, ...], ComponentRow, str]]:
    """The block's lines with their 合计 and the block's own name where the group has one (年度主要任务): the first
    group, then each further one (湖北 支出构成)."""
    out = [(ev.components, ev.components_total, "")] if ev.components and ev.components_total is not None else []
    return out + [(g.lines, g.total, g.block) for g in ev.components_more if g.lines]


def _block_name(ev: SelfEvaluation, lines: tuple[ComponentRow, ...], own: str = "") -> str:
    """ "项目资金构成", or the block's own name with its group ("部门总体资金情况（支出构成）") — with every group its lines
    span when one 合计 closes several ("部门总体资金情况（收入构成、支出构成）"): the block the basis sums, not its first.
    `own` is the group's block where it names one (年度主要任务（市财政拨款）), over the evaluation's."""
    label = own or ev.components_label
    if not label:
        return "项目资金构成"
    named = list(dict.fromkeys(line.group for line in lines if _GROUP_WORD.search(line.group)))
    group = "、".join(named) if len(named) > 1 else next((line.group for line in lines if line.group), "")
    return f"{label}（{group}）" if group else label


def _share(ctx: Context, cell: CellValue | None) -> tuple[Decimal, Decimal] | None:
    """A printed 占比 as (fraction, half a unit of its last printed digit): "74.8%" → (0.748, 0.0005); a number cell
    0.748 (a percentage format) likewise from its typed decimals; None when blank or not a share."""
    if cell is None or ctx.is_blank(cell):
        return None
    p = ctx.parsed(cell)
    if p.number is None:
        return None
    if p.kind is ValueKind.PERCENT:
        places = printed_places(cell.raw)
        return p.number / 100, half_unit((places or 0) + 2)
    if p.kind is ValueKind.NUMBER and 0 <= p.number <= 1:
        places = typed_places(cell.raw)
        return p.number, half_unit(places if places is not None else 4)
    return None


def _out_of_line(
    ctx: Context, lines: tuple[ComponentRow, ...], cells: list[CellValue], total: Decimal
) -> tuple[int, Decimal] | None:
    """(index, figure its share gives) of the one line whose printed 占比 shows it is the figure out of line: every other
    line agrees with its share of the 合计, it does not, and the 合计 less the others is what its share says. None when
    the block prints no shares, or they do not single out one line."""
    if total <= 0:
        return None
    off: list[int] = []
    for i, (line, cell) in enumerate(zip(lines, cells, strict=True)):
        share, half = _share(ctx, line.share) or (None, Decimal(0))
        value = ctx.number(cell)
        if share is None or value is None:
            return None
        if abs(value - total * share) > total * half + ctx.tol_money:
            off.append(i)
    if len(off) != 1:
        return None
    i = off[0]
    share, half = _share(ctx, lines[i].share) or (Decimal(0), Decimal(0))
    rest = total - sum((ctx.number(c) or Decimal(0) for j, c in enumerate(cells) if j != i), Decimal(0))
    if abs(rest - total * share) > total * half + ctx.tol_money:
        return None
    return i, rest


#: A group's name (收入构成, 支出构成): two or more letters that are no digits or numerals — not a line's number (1, 一).
_GROUP_WORD = lazy_compile(r"[^\W\d_一二三四五六七八九十百零〇]{2,}")


def _last_group_start(lines: tuple[ComponentRow, ...]) -> int | None:
    """Where the last of several named groups starts (支出构成 after 收入构成 lines, one 合计 closing both), or None when
    the lines stand under one group or none. Lines with no group name of their own (an unmerged layout's blank group
    cell) belong to the group above them."""
    names = [line.group if _GROUP_WORD.search(line.group) else "" for line in lines]
    start = next((i for i, name in enumerate(names) if name and all(n in ("", name) for n in names[i:])), None)
    if start is None or not any(names[:start]):
        return None
    return start


def _completing_parts(ctx: Context, every: tuple[ComponentRow, ...], cells: list[CellValue | None]) -> set[int]:
    """Indices of lines printed without 其中 that complete a 其中 list: "其中：人员经费 600" then "公用经费 124.2318" under
    基本支出 724.2318 — the lines right after the 其中 lines whose figures bring theirs exactly to the line above are
    its parts too (a 其中 heads its whole list). Empty when no run of lines does so."""
    out: set[int] = set()
    parent: Decimal | None = None
    i = 0
    while i < len(every):
        if not every[i].within:
            parent, i = ctx.number(cells[i]), i + 1
            continue
        j, found = i, Decimal(0)
        while j < len(every) and every[j].within:
            found += ctx.number(cells[j]) or Decimal(0)
            j += 1
        i = j
        k = j
        while parent is not None and k < len(every) and not every[k].within and found < parent - ctx.tol_money:
            value = ctx.number(cells[k])
            if value is None:
                break
            found, k = found + value, k + 1
            if abs(found - parent) <= ctx.tol_money:
                out.update(range(j, k))
                i = k
                break
    return out


def _headed_parts(ctx: Context, values: list[Decimal | None]) -> set[int]:
    """Indices of lines that are parts of a heading line printed above them (unnumbered: 基本支出 1249.5, then 人员经费
    1166.1 and 公用经费 83.4; 项目支出 500 over 项目A 500): the lines right after a line whose figures bring theirs exactly to it. The
    合计 then sums the headings (the parts printed again), not every line. Empty when no line heads such a run."""
    out: set[int] = set()
    i = 0
    while i < len(values):
        head, found, j = values[i], Decimal(0), i + 1
        while head is not None and j < len(values) and values[j] is not None and found < head - ctx.tol_money:
            found += values[j] or Decimal(0)
            j += 1
        if head is not None and j - i > 1 and abs(found - head) <= ctx.tol_money:
            out.update(range(i + 1, j))
            i = j
        else:
            i += 1
    return out


@check("F11")
def components_sum(ctx: Context) -> Iterator[Finding]:
    """Each amount column of the 子项 lines sums to the 合计 line's figure: off by more than the printed figures' rounding
    is an 错误; within it, or with a 子项 left blank under a larger 合计 (it may hold the difference), a 警告. Every group
    of a block in groups (收入构成, 支出构成) is held to its own 合计."""
    ev = ctx.evaluation
    if ev is None:
        return
    for lines, total, named in _groups(ev):
        yield from _group_sum(ctx, ev, lines, total, named)


def _group_sum(
    ctx: Context, ev: SelfEvaluation, lines: tuple[ComponentRow, ...], total: ComponentRow, named: str = ""
) -> Iterator[Finding]:
    """F11 over one group of lines and its 合计 (其中 lines kept aside: parts of the line above them); `named` the
    group's own block name, if any."""
    every, lines = lines, tuple(line for line in lines if not line.within)
    block = _block_name(ev, lines, named)
    columns: list[tuple[CellValue | None, list[CellValue | None], str, str]] = [
        (getattr(total, attr), [getattr(c, attr) for c in every], zh, en) for attr, zh, en in _COLUMNS
    ]
    if named or ev.components_label:  # the block names its one amount column itself (当年金额, 市财政拨款)
        columns = [(cell, cells, "", "") for cell, cells, _, _ in columns]
    shared = len(columns)  # the lines' 占比 are shares of these columns' figures, not of the further ones below
    for i, header in enumerate(ev.components_extra):  # a prior year's 实际执行数 (鄂州 项目预算; 广水 近两年收支金额)
        columns.append(
            (
                total.extra[i] if i < len(total.extra) else None,
                [c.extra[i] if i < len(c.extra) else None for c in every],
                header,
                header,
            )
        )
    for k, (cell, every_cell, zh, en) in enumerate(columns):
        if cell is None or any(c is None for c in every_cell):
            continue  # the block has no such column
        parts = [c for c, line in zip(every_cell, every, strict=True) if c is not None and not line.within]
        if ctx.is_blank(cell):
            ctx.skip(f"{block}{zh}的合计栏未填写，未核对各子项之和", f"the components' {en} total is blank")
            continue
        units = {money_symbol(ctx.parsed(c).unit) or "" for c in (cell, *parts) if not ctx.is_blank(c)}
        if len(units - {"", "万元"}) > 0 and len(units) > 1:
            shown = "、".join(sorted(u or "未写" for u in units))
            ctx.skip(f"{block}{zh}各栏单位不一（{shown}），未核对合计", f"the components' {en} mix units")
            continue  # "2030000元" beside 7 in the 万元 form: not added as plain numbers
        reported = ctx.number(cell)
        values = [ctx.number(c) for c in parts]
        if reported is None or any(v is None and not ctx.is_blank(c) for v, c in zip(values, parts, strict=True)):
            ctx.skip(f"{block}{zh}有无法读取的数字，未核对合计", f"a figure of the components' {en} cannot be read")
            continue
        found = sum((v for v in values if v is not None), Decimal(0))
        if ctx.sum_agrees(cell, found):
            continue
        last, other_reading, other_reading_en = _last_group_start(lines), "", ""
        if last is not None:
            own = sum((v for v in values[last:] if v is not None), Decimal(0))
            if ctx.sum_agrees(cell, own):
                continue  # 收入构成 printed no 合计 of its own: the one 合计 is 支出构成's, and its lines add up to it
            other_reading = f"；若合计只计“{lines[last].group}”各行，其和为 {fmt_num(own)}，亦不符"
            other_reading_en = f"; {lines[last].group}'s lines alone give {fmt_num(own)}, no match either"
        completing = _completing_parts(ctx, every, every_cell)
        if completing:
            rest = [ctx.number(c) for j, c in enumerate(every_cell) if not every[j].within and j not in completing]
            own = sum((v for v in rest if v is not None), Decimal(0))
            if ctx.sum_agrees(cell, own):
                continue  # "其中：人员经费" then "公用经费" under 基本支出: the second part printed without its own 其中
        headed = _headed_parts(ctx, values)
        if headed and ctx.sum_agrees(
            cell, sum((v for j, v in enumerate(values) if v is not None and j not in headed), Decimal(0))
        ):
            continue  # "基本支出 1249.5" over 人员经费 1166.1 and 公用经费 83.4: a heading printing its lines' sum
        listed = " + ".join(c.text for c in parts if not ctx.is_blank(c))
        blank = [c.label.text.strip() for c, v in zip(lines, values, strict=True) if v is None and c.label.text.strip()]
        if not blank and not ctx.beyond_rounding(reported - found, cell, parts):
            yield rounded_sum(
                ctx, cell, found, parts, fmt_num(found), column=zh, column_en=f" {en}" if en else "", block=block
            )
            continue
        located = None if blank or k >= shared else _out_of_line(ctx, lines, parts, reported)
        if located is not None:  # its 占比 names the line out of line: the finding is at that line, not the 合计
            i, meant = located
            line = lines[i]
            yield ctx.finding(
                parts[i],
                expected=fmt_num(found),
                actual=cell.text,
                column=zh,
                column_en=f" {en}" if en else "",
                block=block,
                basis=f"读取：{block}{zh} {listed} = {fmt_num(found)}，合计栏 {cell.text}；各行占比中只有“{line.label.text}”"
                f"的 {parts[i].text} 与其占比 {line.share.text if line.share else ''} 不符，合计 {cell.text} 减其余各项为 "
                f"{fmt_num(meant)}，正合其占比，故填错的是这一格",
                basis_en=f"read {listed} = {fmt_num(found)} against the total {cell.text}; only "
                f"{line.label.text}'s {parts[i].text} disagrees with its share, and the total less the other lines, "
                f"{fmt_num(meant)}, is what that share gives",
                related=tuple(c.located() for j, c in enumerate((cell, *parts)) if j != i + 1 and c.sheet is not None),
            )
            continue
        short = found < reported
        yield ctx.finding(
            cell,
            expected=fmt_num(found),
            actual=cell.text,
            column=zh,
            column_en=f" {en}" if en else "",
            block=block,
            certainty=Certainty.JUDGEMENT if blank and short else None,
            basis=f"读取：{block}{zh} {listed} = {fmt_num(found)}，合计栏 {cell.text}"
            + (
                "；子项" + "、".join(f"“{b}”" for b in blank) + "未填写，差额可能即为其数额，需人工核对"
                if blank and short
                else ""
            )
            + other_reading,
            basis_en=f"read the components' {en}: {listed} = {fmt_num(found)}, total {cell.text}"
            + ("; a blank item may hold the difference" if blank and short else "")
            + other_reading_en,
            related=tuple(c.located() for c in parts if c.sheet is not None),
        )
