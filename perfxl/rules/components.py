"""R-F11: the 项目资金构成 block of a 自评表 (江苏 苏州市级: 子项名称 │ 预算数 │ 实际数, then 合计) — or the 项目预算 cost block
of a 目标表 (湖北 鄂州 市直: 成本构成 │ 金额 │ … │ 2020年实际执行数 │ 2021年实际执行数, then 合计) — adds up to its 合计 in
every amount column."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from perfxl.model import CellValue, Certainty, Finding
from perfxl.units import money_symbol

from .catalogue import check
from .context import Context, fmt_num
from .funds import rounded_sum

_COLUMNS = (("budget", "预算数", "budget"), ("actual", "实际数", "actual"))


@check("F11")
def components_sum(ctx: Context) -> Iterator[Finding]:
    """Each amount column of the 子项 lines sums to the 合计 line's figure: off by more than the printed figures' rounding
    is an 错误; within it, or with a 子项 left blank under a larger 合计 (it may hold the difference), a 警告."""
    ev = ctx.evaluation
    if ev is None or not ev.components or ev.components_total is None:
        return
    total = ev.components_total
    columns: list[tuple[CellValue | None, list[CellValue | None], str, str]] = [
        (getattr(total, attr), [getattr(c, attr) for c in ev.components], zh, en) for attr, zh, en in _COLUMNS
    ]
    for i, header in enumerate(ev.components_extra):  # a prior year's 实际执行数 (鄂州 目标表 项目预算)
        columns.append(
            (
                total.extra[i] if i < len(total.extra) else None,
                [c.extra[i] if i < len(c.extra) else None for c in ev.components],
                header,
                header,
            )
        )
    for cell, cells, zh, en in columns:
        if cell is None or any(c is None for c in cells):
            continue  # the block has no such column
        parts = [c for c in cells if c is not None]
        if ctx.is_blank(cell):
            ctx.skip(f"项目资金构成{zh}的合计栏未填写，未核对各子项之和", f"the components' {en} total is blank")
            continue
        units = {money_symbol(ctx.parsed(c).unit) or "" for c in (cell, *parts) if not ctx.is_blank(c)}
        if len(units - {"", "万元"}) > 0 and len(units) > 1:
            shown = "、".join(sorted(u or "未写" for u in units))
            ctx.skip(f"项目资金构成{zh}各栏单位不一（{shown}），未核对合计", f"the components' {en} mix units")
            continue  # "2030000元" beside 7 in the 万元 form: not added as plain numbers
        reported = ctx.number(cell)
        values = [ctx.number(c) for c in parts]
        if reported is None or any(v is None and not ctx.is_blank(c) for v, c in zip(values, parts, strict=True)):
            ctx.skip(
                f"项目资金构成{zh}有无法读取的数字，未核对合计", f"a figure of the components' {en} cannot be read"
            )
            continue
        found = sum((v for v in values if v is not None), Decimal(0))
        if abs(found - reported) <= ctx.tol_money or ctx.total_as_printed(cell, found):
            continue
        listed = " + ".join(c.text for c in parts if not ctx.is_blank(c))
        blank = [
            c.label.text.strip()
            for c, v in zip(ev.components, values, strict=True)
            if v is None and c.label.text.strip()
        ]
        if not blank and not ctx.beyond_rounding(reported - found, cell, parts):
            yield rounded_sum(ctx, cell, found, parts, fmt_num(found), column=zh, column_en=en)
            continue
        short = found < reported
        yield ctx.finding(
            cell,
            expected=fmt_num(found),
            actual=cell.text,
            column=zh,
            column_en=en,
            certainty=Certainty.JUDGEMENT if blank and short else None,
            basis=f"读取：项目资金构成{zh} {listed} = {fmt_num(found)}，合计栏 {cell.text}"
            + (
                "；子项" + "、".join(f"“{b}”" for b in blank) + "未填写，差额可能即为其数额，需人工核对"
                if blank and short
                else ""
            ),
            basis_en=f"read the components' {en}: {listed} = {fmt_num(found)}, total {cell.text}"
            + ("; a blank item may hold the difference" if blank and short else ""),
            related=tuple(c.ref for c in parts if c.ref is not None),
        )
