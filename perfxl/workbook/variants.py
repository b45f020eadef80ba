"""Real-world shapes of the same content, for the reader's tests and for benchmarks.

`write_submission(path, content, variant="split_target")` writes `content` in a named shape.
A variant is a `Shape` (layout options) plus, for unit variants, a content transform; the
transforms change only how amounts are expressed (元 vs 万元), never what they are.
"""
from __future__ import annotations

import os
import re
from dataclasses import replace
from decimal import Decimal
from typing import Callable

from perfxl.numbers import to_decimal

from .content import EvaluationContent, FundsLine, IndicatorLine, Value, WorkbookContent
from .shape import Shape
from .template import TEMPLATE_SHAPE
from .writer import WrittenWorkbook, write_content

__all__ = ["VARIANTS", "Variant", "write_submission", "funds_in_yuan", "basic_in_wanyuan",
           "add_indicators", "scale_value"]

TEN_THOUSAND = Decimal(10000)


class Variant:
    """A named shape with an optional content transform."""

    def __init__(self, shape: Shape, transform: Callable[[WorkbookContent], WorkbookContent] | None = None,
                 doc: str = "") -> None:
        self.shape = shape
        self.transform = transform
        self.doc = doc

    def apply(self, content: WorkbookContent) -> WorkbookContent:
        return self.transform(content) if self.transform else content


def scale_value(value: Value, factor: Decimal) -> Value:
    """An amount in another unit: numbers exactly (Decimal), and the numbers inside texts such as
    "按支出性质分：2223.04" or "286875 " (surrounding text and spaces kept)."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str):
        return re.sub(r"\d+(?:\.\d+)?", lambda m: _fmt(Decimal(m.group(0)) * factor), value)
    d = to_decimal(value)
    return value if d is None else _num(d * factor)


def _fmt(d: Decimal) -> str:
    return format(d.normalize(), "f")


def _num(d: Decimal) -> Value:
    d = d.normalize()
    return int(d) if d == d.to_integral_value() else d


def _funds_line_in_yuan(line: FundsLine) -> FundsLine:
    return replace(line, initial=scale_value(line.initial, TEN_THOUSAND), full=scale_value(line.full, TEN_THOUSAND),
                   executed=scale_value(line.executed, TEN_THOUSAND))


def funds_in_yuan(content: WorkbookContent) -> WorkbookContent:
    """自评表 funds from 万元 to 元: amounts and breakdown texts × 10000, label "（万元）" → "（元）"."""
    evs = tuple(
        replace(ev, funds_label=ev.funds_label.replace("（万元）", "（元）").replace("(万元)", "(元)"),
                funds=tuple(_funds_line_in_yuan(f) for f in ev.funds),
                breakdown=tuple((scale_value(a, TEN_THOUSAND), scale_value(b, TEN_THOUSAND)) for a, b in ev.breakdown))
        for ev in content.evaluations
    )
    return replace(content, evaluations=evs)


def basic_in_wanyuan(content: WorkbookContent) -> WorkbookContent:
    """基础数据表 money rows from 元 to 万元 (÷ 10000, exact), unit note "单位：万元"."""
    b = content.basic
    if b is None or b.unit != "元":
        return content
    inv = Decimal("0.0001")
    amounts = tuple(
        replace(a, prev=scale_value(a.prev, inv), budget=scale_value(a.budget, inv), final=scale_value(a.final, inv))
        for a in b.amounts
    )
    return replace(content, basic=replace(b, amounts=amounts, unit="万元", unit_note="单位：万元"))


def money_units(content: WorkbookContent) -> WorkbookContent:
    return basic_in_wanyuan(funds_in_yuan(content))


def add_indicators(content: WorkbookContent, extra: int = 2, k: int = 0) -> WorkbookContent:
    """Evaluation `k` with `extra` more 数量指标 rows (rows a user inserts for extra indicators)."""
    ev: EvaluationContent = content.evaluations[k]
    first = ev.indicators[0]
    added = tuple(
        IndicatorLine(first.level1, first.level2, f"新增指标{i + 1}", f"≥{i + 2}个", f"{i + 2}个", 0, 0)
        for i in range(extra)
    )
    evs = list(content.evaluations)
    evs[k] = replace(ev, indicators=(first, *added, *ev.indicators[1:]))
    return replace(content, evaluations=tuple(evs))


VARIANTS: dict[str, Variant] = {
    "standard": Variant(Shape(), doc="the standard layout (docs/design.md), typed values"),
    "inserted_rows": Variant(Shape(blank_rows=True), doc="empty rows between blocks and every 4 indicators"),
    "offset": Variant(Shape(origin=(3, 1)), doc="tables start at B4 instead of A1"),
    "repeated_labels": Variant(Shape(levels="repeated"), doc="一级/二级 repeated on every row, no merges"),
    "first_labels": Variant(Shape(levels="first"), doc="一级/二级 on the first row of a group only, no merges"),
    "split_target": Variant(Shape(split_target=True), doc="指标性质 | 指标值 | 度量单位 (Yunnan/Sichuan)"),
    "two_tables": Variant(Shape(one_sheet=True), doc="all 自评表s stacked on one sheet"),
    "money_units": Variant(Shape(unit_note_row=True), money_units,
                           doc="自评表 in 元 (×10000), 基础数据表 in 万元 (÷10000), unit rows"),
    "synonyms": Variant(Shape(headers="synonyms"), doc="目标值/完成值/权重/自评得分, line breaks in headers"),
    "spaced": Variant(Shape(headers="spaced"), doc="指标值, '分 值', '得 分', '总 分'"),
    "openpyxl_uncached": Variant(Shape(formulas=True, perf_scores=True, engine="openpyxl"),
                                 doc="formulas written by openpyxl, no cached values"),
    "xls": Variant(Shape(fmt="xls"), doc="Excel 97-2003 .xls converted by LibreOffice"),
    "template": Variant(TEMPLATE_SHAPE, doc="formulas with cached values, PERF_SCORE in 得分"),
    "sample": Variant(Shape(check_column=True),
                      doc="all values as typed; perfxl's recomputed score in a column of its own"),
}


def write_submission(path: str | os.PathLike, content: WorkbookContent, variant: str | Shape = "standard",
                     ) -> WrittenWorkbook:
    """Write `content` in a named variant (see VARIANTS) or a custom Shape; returns the cell map."""
    if isinstance(variant, Shape):
        return write_content(path, content, variant)
    try:
        v = VARIANTS[variant]
    except KeyError:
        raise ValueError(f"unknown variant {variant!r}; known: {', '.join(VARIANTS)}") from None
    return write_content(path, v.apply(content), v.shape)

