"""B18: the sums a table read for its own sums states (`Submission.sum_tables`: a 功能分类表's 合计 = 基本支出 + 项目支出
and 类 = 款 = 项, a 收支总表's 本年合计 and 总计, a 三公 table's 合计 = its items when its stage is not stated).

A total that misses its parts beyond the rounding of the printed figures is certain (错误): the codes or the labels
state the relation. Less than certain, a 警告 at most: a difference within that rounding, a total left blank over filled
parts, a total above parts of which one is blank (the blank may hold the difference), a relation resting on a guess
(lines placed by indentation). A total that misses only because one of its parts is itself off its own parts (a 类 over
a 款 1 元 too high) is that part's error, found at the part: the total is not flagged again.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from perfxl.model import CellValue, Certainty, Finding, SumTable, TableSum
from perfxl.numbers import ZERO
from perfxl.values import bracketed_figure

from .catalogue import check
from .context import Context, fmt_num
from .funds import rounded_sum


def _shown(value: Decimal, like: CellValue) -> str:
    """A computed sum as the total prints its figures: with thousands separators when it has them."""
    text = fmt_num(value)
    if "," in like.text and "," not in text:
        whole, _, decimals = text.partition(".")
        sign = "-" if whole.startswith("-") else ""
        text = f"{sign}{int(whole.lstrip('-')):,}" + (f".{decimals}" if decimals else "")
    return text


def _at(cell: CellValue) -> str:
    return cell.a1()


def _cells(parts: tuple[CellValue, ...]) -> str:
    """The parts' cells and figures for a message: "F53 77,381,546 + G53 17,614,243", shortened past six parts."""
    shown = [f"{_at(p)} {p.text.strip() or '（空）'}" for p in parts]
    if len(shown) > 6:
        return f"{' + '.join(shown[:3])} + … + {shown[-1]}（共 {len(parts)} 项）"
    return " + ".join(shown)


def _sum(ctx: Context, parts: tuple[CellValue, ...]) -> Decimal | None:
    """The parts' exact sum, a blank part as nothing; None when a part holds what is no figure (C02's)."""
    total = ZERO
    for p in parts:
        value = ctx.number(p)
        if value is None:
            if ctx.is_blank(p) and not ctx.is_error(p):
                continue
            return None
        total += value
    return total


def _agrees(ctx: Context, s: TableSum, exact: Decimal) -> bool:
    value = ctx.number(s.total)
    return value is not None and (
        ctx.sum_agrees(s.total, exact) or not ctx.beyond_rounding(value - exact, s.total, s.parts)
    )


@check("B18")
def table_sums(ctx: Context) -> Iterator[Finding]:
    """Each stated sum of a table read for its sums (`SumTable`), one finding per total cell: the most certain of the
    sums it misses (a 款 above its 基本 + 项目 with a blank part is a 警告, above its 项 all printed an 错误)."""
    table = ctx.evaluation
    assert isinstance(table, SumTable)
    exact = {id(s): _sum(ctx, s.parts) for s in table.sums}
    failing: dict[str, list[TableSum]] = {}
    for s in table.sums:
        value, parts = ctx.number(s.total), exact[id(s)]
        if value is not None and parts is not None and not ctx.sum_agrees(s.total, parts):
            failing.setdefault(_at(s.total), []).append(s)
    best: dict[str, Finding] = {}
    blamed = _one_cell(ctx, table, exact, failing)
    for cell, (value, sums) in blamed.items():
        best[cell] = _blame(ctx, table, cell, value, sums, exact)
    explained = {id(s) for _, sums in blamed.values() for s in sums}
    for s in table.sums:
        if id(s) in explained:
            continue
        found = _judged(ctx, table, s, exact, failing)
        at = _at(s.total)
        if found is not None and (at not in best or found.severity.rank > best[at].severity.rank):
            best[at] = found
    yield from best.values()


def _certain_miss(ctx: Context, s: TableSum, parts: Decimal | None) -> bool:
    """The sum misses by more than its parts' rounding may explain: only such a sum points at a cell (a line 0.02 off
    beside a column of ten 类 0.03 off want its crossing a rounding apart, yet the column may hold: review19d)."""
    total = ctx.number(s.total)
    return total is not None and parts is not None and ctx.beyond_rounding(total - parts, s.total, s.parts)


def _one_cell(
    ctx: Context, table: SumTable, exact: dict[int, Decimal | None], failing: dict[str, list[TableSum]]
) -> dict[str, tuple[Decimal, list[TableSum]]]:
    """Parts that two or more missed sums point to (a line's 合计 = 基本 + 项目 and its column's 款 = its 项 both off):
    the one figure of each that makes every sum it stands in hold — the same figure for all — by cell. Only sums the
    table states: a sum resting on a reading (`TableSum.guess`) places no 错误 at a part (it is judged at its total)."""
    missed = [m for ms in failing.values() for m in ms if not m.guess and _certain_miss(ctx, m, exact[id(m)])]
    found: dict[str, tuple[Decimal, list[TableSum]]] = {}
    cells = {_at(p): p for m in missed for p in m.parts}
    for at, part in cells.items():
        value = ctx.number(part)
        if value is None:
            continue
        sums = [m for m in missed if any(_at(p) == at for p in m.parts)]
        if len(sums) < 2:
            continue
        wanted: list[tuple[Decimal, TableSum]] = []
        for m in sums:
            total, parts = ctx.number(m.total), exact[id(m)]
            if total is None or parts is None:
                break
            wanted.append((total - (parts - value), m))
        else:
            # the figure of the sum with the fewest parts (a line's 基本 + 项目); the others may want it a rounding
            # apart (石泉路 2025's 212 基本支出 1,066.51: its line wants 10,661.51, the 合计 row's eleven 类 10,661.52 —
            # 208 is itself 0.01 over its parts: real reports 23), never more
            first, _ = min(wanted, key=lambda w: len(w[1].parts))
            if all(not ctx.beyond_rounding(w - first, m.total, m.parts) for w, m in wanted):
                found[at] = (first, sums)
    return found


def _blame(
    ctx: Context,
    table: SumTable,
    at: str,
    value: Decimal,
    sums: list[TableSum],
    exact: dict[int, Decimal | None],
) -> Finding:
    """The finding at a part both its missed sums point to, naming each sum."""
    part = next(p for s in sums for p in s.parts if _at(p) == at)
    row = next((s.row for s in sums if s.what.count("+") and all(_at(p)[:1] != _at(s.total)[:1] for p in s.parts)), "")
    column = next((s.column for s in sums if all(_at(p)[:1] == _at(s.total)[:1] for p in s.parts)), "")
    said = "；".join(
        f"{_at(s.total)} {s.total.text.strip()} 为{s.what}（{_cells(s.parts)} = {_shown(exact[id(s)] or ZERO, s.total)}）"
        for s in sums
    )
    return ctx.finding(
        part,
        expected=_shown(value, part),
        actual=part.text.strip(),
        basis=f"读取：{said}；两处合计都对不上，只改 {at} 一格即都成立：错在 {at}",
        basis_en=f"{len(sums)} stated sums miss; {at} alone, as {_shown(value, part)}, makes them all hold",
        table=table.name,
        row=row or sums[0].row,
        column=column,
        at=at,
        what="使各处合计都成立的数",
        what_en="the figure that makes every sum it stands in hold",
        cells=said,
    )


def _places(cell: CellValue) -> int | None:
    """The decimals a figure is printed with ("22,118,861" 0, "64,840,547.00" 2), None for a blank or no figure."""
    text = (
        unicodedata.normalize("NFKC", cell.text).strip().replace(",", "")
    )  # "２２，１１８，８６１" as printed full-width
    if not text or not text.lstrip("-").replace(".", "", 1).isdigit():
        return None
    return len(text.partition(".")[2])


def _coarser(s: TableSum) -> Decimal:
    """How far parts printed with fewer decimals than their total (22,118,861 beside 64,840,547.00 under 86,959,408.34:
    上海普陀 司法局 2026's 合计 line) may be from their exact figures: half a unit in each one's last place."""
    own = _places(s.total)
    if own is None:
        return ZERO
    return sum(
        (Decimal(5).scaleb(-(n + 1)) for p in s.parts if (n := _places(p)) is not None and n < own and _nonzero(p)),
        ZERO,
    )


def _nonzero(cell: CellValue) -> bool:
    """A figure other than 0 (a 0 printed whole is exact)."""
    text = unicodedata.normalize("NFKC", cell.text).strip().replace(",", "").replace(".", "").replace("0", "")
    return bool(text)


def _judged(
    ctx: Context,
    table: SumTable,
    s: TableSum,
    exact: dict[int, Decimal | None],
    failing: dict[str, list[TableSum]],
) -> Finding | None:
    """The finding of one stated sum, or None when it holds (or its miss is a part's own)."""
    parts = exact[id(s)]
    if parts is None:
        return None
    value = ctx.number(s.total)
    if value is None:
        if ctx.is_blank(s.total) and not ctx.is_error(s.total) and parts != 0:
            why = (
                "合计未填写，其分项有数：未填写，不是填错",
                "the total is blank over filled parts: unfilled, not wrong",
            )
            return _finding(ctx, table, s, parts, Certainty.JUDGEMENT, why)
        return None
    if ctx.sum_agrees(s.total, parts) or _explained(ctx, s, parts, failing, exact):
        return None
    if not ctx.beyond_rounding(value - parts, s.total, s.parts) or abs(value - parts) < _coarser(s):
        return rounded_sum(
            ctx,
            s.total,
            parts,
            list(s.parts),
            _shown(parts, s.total),
            **_fields(table, s, parts, _also(ctx, s, failing, exact)),
        )
    blank = [p for p in s.parts if ctx.is_blank(p) and not ctx.is_error(p)]
    if s.guess:
        # the guess says which reading (lines placed by indentation, a 合计 held to the sources a 三公 table lists, a
        # table cut at its page end)
        why = (
            s.guess,
            "the relation rests on a reading stated in the basis (lines placed by indentation, a table cut at its page end)",
        )
        return _finding(ctx, table, s, parts, Certainty.GUESS, why, failing, exact)
    if blank and value > parts:
        names = "、".join(_at(p) for p in blank)
        why = (
            f"{names}未填写，空白不按 0 计，差额 {fmt_num(value - parts)} 可能就是未填的分项；已填分项之和只是合计的下限",
            f"{names} blank, not read as 0: the difference {fmt_num(value - parts)} may be theirs",
        )
        return _finding(ctx, table, s, parts, Certainty.JUDGEMENT, why, failing, exact)
    return _finding(ctx, table, s, parts, None, ("", ""), failing, exact)


def _explained(
    ctx: Context, s: TableSum, parts: Decimal, failing: dict[str, list[TableSum]], exact: dict[int, Decimal | None]
) -> bool:
    """A total that agrees once its parts that are off their own parts take those parts' sum instead: the error is
    the part's (found there), not this total's."""
    fixed = parts
    changed = False
    for p in s.parts:
        for own in failing.get(_at(p), ()):
            alternative = exact[id(own)]
            value = ctx.number(p)
            if alternative is not None and value is not None:
                if _agrees(ctx, s, parts - value + alternative):
                    return True
                fixed += alternative - value
                changed = True
                break
    return changed and _agrees(ctx, s, fixed)


def _also(ctx: Context, s: TableSum, failing: dict[str, list[TableSum]], exact: dict[int, Decimal | None]) -> str:
    """The total's other stated sums it misses too ("；亦不等于其下各项之和 94,995,789（E54 … E57）")."""
    others = [o for o in failing.get(_at(s.total), ()) if o is not s and exact[id(o)] is not None]
    return "".join(f"；亦不等于{o.what} {_shown(exact[id(o)] or ZERO, s.total)}（{_cells(o.parts)}）" for o in others)


def _fields(table: SumTable, s: TableSum, parts: Decimal, also: str = "") -> dict[str, Any]:
    return {
        "table": table.name,
        "row": s.row,
        "column": s.column,
        "at": _at(s.total),
        "what": s.what,
        "what_en": s.what_en,
        "cells": _cells(s.parts) + also,
    }


def _finding(
    ctx: Context,
    table: SumTable,
    s: TableSum,
    parts: Decimal,
    certainty: Certainty | None,
    why: tuple[str, str],
    failing: dict[str, list[TableSum]] | None = None,
    exact: dict[int, Decimal | None] | None = None,
) -> Finding:
    also = _also(ctx, s, failing, exact) if failing is not None and exact is not None else ""
    read = f"读取：{_at(s.total)} {s.total.text.strip() or '（空）'}；{_cells(s.parts)} = {_shown(parts, s.total)}"
    bracketed = any(c.raw.__class__ is str and bracketed_figure(c.raw) is not None for c in (s.total, *s.parts))
    read += "（括号中的数字按会计记法读作负数）" if bracketed else ""
    return ctx.finding(
        s.total,
        expected=_shown(parts, s.total),
        actual=s.total.text.strip() or "（空）",
        certainty=certainty,
        basis=f"{read}；{why[0]}" if why[0] else read,
        basis_en=f"read {_at(s.total)} {s.total.text.strip()}; its parts add to {_shown(parts, s.total)}"
        + ("; bracketed figures read as negatives (accounting print)" if bracketed else "")
        + (f"; {why[1]}" if why[1] else ""),
        **_fields(table, s, parts, also),
    )
