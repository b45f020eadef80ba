"""Cells perfxl cannot read as the user meant: a TRUE/FALSE, control characters or a damaged number in
年度指标值 / 实际完成值 (I12), control characters anywhere else in the tables (C01), and an Excel error value
or a damaged number in any other cell (C02: one finding for the cell, the checks that need it stay silent).

Such a value is never guessed into a number ("\\x1b[31m20家" is not 31米, TRUE is not 是): the
cell is named so the user retypes it. Excel error values (#DIV/0!) are reported by the reader
(READ_ERROR_VALUE) at every cell, so they are not repeated here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from itertools import chain
from operator import attrgetter
from typing import Any

from perfxl.model import (
    JUDGEMENT,
    BasicData,
    BuildingControl,
    CellValue,
    Finding,
    Indicator,
    SelfEvaluation,
)
from perfxl.numbers import HUNDRED
from perfxl.patterns import lazy_compile
from perfxl.units import stray_letters
from perfxl.values import (
    CONTROL_CHARS,
    EXCEL_ERRORS,
    NUMBER,
    PERCENT,
    QUALITATIVE,
    TEXT,
    bracketed_figure,
    control_characters,
    printed_sign,
)

from .catalogue import check
from .context import Context
from .share_bounds import share_above_whole

__all__ = ["visible", "cells_of"]

_COLUMNS = {"target": ("年度指标值", "target"), "actual": ("实际完成值", "actual")}
#: zh/en names of model fields, for C01 messages; anything else is "单元格".
_FIELD_NAMES = {
    "name": ("三级指标", "indicator name"),
    "level1": ("一级指标", "first-level indicator"),
    "level2": ("二级指标", "second-level indicator"),
    "deviation": ("偏差原因分析及改进措施", "deviation analysis"),
    "Goal.expected": ("预期目标", "expected goal"),
    "Goal.actual": ("实际完成情况", "achievement"),
    "Staffing.actual": ("实际在职人数", "staff in post"),
    "weight": ("分值", "weight"),
    "score": ("得分", "score"),
    "nature": ("指标性质", "operator"),
    "operator": ("指标方向", "operator column"),
    "unit": ("度量单位", "unit"),
    "label": ("行标签", "row label"),
    "initial_budget": ("年初预算数", "initial budget"),
    "full_budget": ("全年预算数", "full-year budget"),
    "executed": ("全年执行数", "executed"),
    "rate": ("执行率", "rate"),
    "ChangeLine.change": ("增减额", "change"),  # a 三公 table's change columns (B19's): a cell B19 cannot read is C02's
    "ChangeLine.rate": ("增减幅度", "change rate"),
    "title": ("标题", "title"),
    "prev_final": ("上年决算数", "previous final"),
    "budget": ("本年预算数", "budget"),
    "final": ("本年决算数", "final"),
    "establishment": ("编制数", "establishment"),
    "control_rate": ("控制率", "control rate"),
    "procurement_rate": ("政府采购执行率", "procurement rate"),
    "total_weight": ("总分行分值", "total weight"),
    "total_score": ("总分", "total score"),
}
#: Weight and score fields: text there (not a number, not a placeholder) cannot be computed with.
_SCORE_FIELDS = frozenset({"weight", "score", "total_weight", "total_score"})
#: Model fields that hold numbers: a damaged number there is C02's (I12 covers 年度指标值/实际完成值).
_NUMBER_FIELDS = frozenset(
    {
        "weight",
        "score",
        "initial_budget",
        "full_budget",
        "executed",
        "rate",
        "ChangeLine.change",
        "ChangeLine.rate",
        "prev_final",
        "budget",
        "final",
        "establishment",
        "Staffing.actual",
        "control_rate",
        "procurement_rate",
        "total_weight",
        "total_score",
        *(f.name for f in dataclasses.fields(BuildingControl)),  # 楼堂馆所's areas, investments and rates
    }
)


#: What C01 and C02 call a cell of no listed field.
_CELL = ("单元格", "cell")


def visible(text: str) -> str:
    """`text` with control characters shown as symbols (ESC → ␛, NUL → ␀), safe to print in a message."""
    out = []
    for ch in text:
        code = ord(ch)
        if code < 0x20 and ch not in "\t\n\r":
            out.append(chr(0x2400 + code))
        elif code == 0x7F:
            out.append("\u2421")
        elif 0x80 <= code <= 0x9F:
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out).strip()


_INFINITE = (float("inf"), float("-inf"))


def text_cells(ctx: Context, obj: SelfEvaluation | BasicData) -> tuple[tuple[str, CellValue], ...]:
    """The located text cells of `cells_of(obj)` — all that C01 and C02 read (a number holds no control character and
    no error text) — walked once per run, each sheet cell once: its first occurrence names it, whatever it holds (a
    form printing only 年初预算数 reads that column as its budget too: one cell, one finding)."""

    def walk() -> tuple[tuple[str, CellValue], ...]:
        # a place is (sheet, row, column, anchor); most (row, column)s occur once, so the first cell at each is kept by
        # one int (row << 14 | column: no key tuple built and hashed a cell — 100,000 cells at 10,000 rows, and no
        # `CellRef` built, perf26c), and only further places at the same (row, column) (another sheet, another anchor)
        # by their whole key. The places are
        # told apart as `_collect` meets the cells (`_gather`): no (name, cell) pair built and listed for each of them
        out: list[tuple[str, CellValue]] = []
        _gather(obj, "", {}, set(), out)
        return tuple(out)

    return ctx.once(("text_cells", id(obj)), walk)


def cells_of(obj: object, field: str = "") -> Iterator[tuple[str, CellValue]]:
    """Every (field name, CellValue) inside a model object (evaluations, basic data), depth first;
    the name is "Class.field" where _FIELD_NAMES tells those apart ("Goal.actual")."""
    out: list[tuple[str, CellValue]] = []
    _collect(obj, field, out)
    return iter(out)


def _collect(obj: object, field: str, out: list[tuple[str, CellValue]]) -> None:
    """`cells_of` into a list: one pass, no generator per nested object (a 10,000-row table has 100,000 cells)."""
    if obj.__class__ is CellValue:  # (CellValue has no subclasses: the class test is no call)
        out.append((field, obj))
        return
    fields = _FIELDS.get(type(obj))  # a dataclass met before (an indicator row): no type tests, no hasattr
    if fields is None:
        if isinstance(obj, (tuple, list)):
            for item in obj:
                if item.__class__ is CellValue:
                    out.append((field, item))
                else:
                    _collect(item, field, out)
            return
        if isinstance(obj, dict):
            for key, item in obj.items():
                _collect(item, str(key), out)
            return
        if isinstance(obj, type) or not hasattr(type(obj), "__dataclass_fields__"):  # = not dataclasses.is_dataclass
            return
        fields = _fields_of(type(obj))
    get, names = fields
    # of one length (`_fields_of` makes both from one field list): no strict=, a keyword parsed each of 10,000 rows
    for name, value in zip(names, get(obj)):  # noqa: B905
        if value.__class__ is CellValue:
            out.append((name, value))
        elif value is not None and not isinstance(value, (str, int, float, Decimal)):
            _collect(value, name, out)


def _gather(
    obj: object,
    field: str,
    first: dict[int, CellValue],
    more: set[tuple[str, int, tuple[int, int] | None]],
    out: list[Any],
) -> None:
    """`_collect` and `text_cells`'s choice in one pass: each located cell met (in `_collect`'s order) is kept in
    `out` when its place was not met before (`first`: by its (row, column) as one int, `more`: by whole key where that
    recurs) and it
    holds text (or an overflowed number, "1E+309" read as inf: C02's too). A 10,000-row table has ≈ 82,000 cells:
    the dataclass loop decides a cell inline, with no pair made for a cell that is no text."""
    if obj.__class__ is CellValue:
        _place(field, obj, first, more, out)
        return
    fields = _FIELDS.get(type(obj))
    if fields is None:
        if isinstance(obj, (tuple, list)):
            for item in obj:
                if item.__class__ is CellValue:
                    _place(field, item, first, more, out)
                else:
                    _gather(item, field, first, more, out)
            return
        if isinstance(obj, dict):
            for key, item in obj.items():
                _gather(item, str(key), first, more, out)
            return
        if isinstance(obj, type) or not hasattr(type(obj), "__dataclass_fields__"):  # = not dataclasses.is_dataclass
            return
        fields = _fields_of(type(obj))
    get, names = fields
    for name, value in zip(names, get(obj)):  # noqa: B905 (of one length, as in `_collect`)
        if value.__class__ is CellValue:
            if value.sheet is None:  # `_place` spelt out: most cells of a table are its rows' dataclass fields
                continue
            at = value.r << 14 | value.c  # (a column is below 2¹⁴ in any sheet: one int a place, no A1 text)
            prior = first.get(at)
            if prior is None:
                first[at] = value
            elif prior is value or (prior.sheet == value.sheet and prior.anchor == value.anchor):
                continue  # that sheet cell again (the same cell object, mostly: a 一级 label, a merged 二级)
            else:
                key = (value.sheet, at, value.anchor)
                if key in more:
                    continue
                more.add(key)
            raw = value.raw
            if raw.__class__ is str or (raw.__class__ is float and (raw != raw or raw in _INFINITE)):
                out.append((name, value))
        elif value is not None and not isinstance(value, (str, int, float, Decimal)):
            _gather(value, name, first, more, out)


def _place(
    name: str,
    cell: CellValue,
    first: dict[int, CellValue],
    more: set[tuple[str, int, tuple[int, int] | None]],
    out: list[Any],
) -> None:
    """One cell met by `_gather` outside a dataclass's fields (a list's item, the walk's own object)."""
    if cell.sheet is None:
        return
    at = cell.r << 14 | cell.c
    prior = first.get(at)
    if prior is None:
        first[at] = cell
    elif prior is cell or (prior.sheet == cell.sheet and prior.anchor == cell.anchor):
        return
    else:
        key = (cell.sheet, at, cell.anchor)
        if key in more:
            return
        more.add(key)
    raw = cell.raw
    if raw.__class__ is str or (raw.__class__ is float and (raw != raw or raw in _INFINITE)):
        out.append((name, cell))


_FIELDS: dict[type, tuple[Callable[[object], tuple[Any, ...]], tuple[str, ...]]] = {}


def _fields_of(cls: type) -> tuple[Callable[[object], tuple[Any, ...]], tuple[str, ...]]:
    """A dataclass's field values in one call (`attrgetter`), with the names cells_of reports ("Class.field" where
    _FIELD_NAMES tells those apart), worked out once per class."""
    hit = _FIELDS.get(cls)
    if hit is None:
        attrs = tuple(f.name for f in dataclasses.fields(cls))
        names = tuple(f"{cls.__name__}.{a}" if f"{cls.__name__}.{a}" in _FIELD_NAMES else a for a in attrs)
        getter = attrgetter(*attrs) if len(attrs) > 1 else lambda o: tuple(getattr(o, a) for a in attrs)
        hit = _FIELDS[cls] = (getter, names)
    return hit


def _label(ind: Indicator) -> str:
    return ind.name.text or ind.level2.text


#: A score cell's text that may be a figure mistyped or misread (Latin letters or digits: "IO", "9O", "l0"); words
#: in Chinese ("九十九", "见附件") are not — the C02 message says which, never guessing an OCR error without a sign.
_MISTYPED = lazy_compile(r"[A-Za-z0-9０-９Ａ-Ｚａ-ｚ]")


@check("I12")
def value_readable(ctx: Context) -> Iterator[Finding]:
    """年度指标值 / 实际完成值 hold a number, a percentage, a date or a tier label — not TRUE/FALSE,
    and not text with control characters (which must not be parsed into a number); a share (满意度, 合格率) not
    above 100% (`share_bounds`, a 警告)."""
    for f in ctx.facts():
        ind, t, a = f.ind, f.target, f.actual
        if (
            not t.reason
            and not a.reason
            and (t.kind is not PERCENT or t.number is None or t.number <= HUNDRED)
            and (a.kind is not PERCENT or a.number is None or a.number <= HUNDRED)
            and ind.target.raw.__class__ is not bool
            and ind.actual.raw.__class__ is not bool
        ):
            # neither cell a logical value, unread, nor a percent above 100% (`share_above_whole` says nothing of one
            # up to 100%: most rows, percents among them): nothing below is said of it
            continue
        for cell, p, (column, column_en) in (
            (ind.target, f.target, _COLUMNS["target"]),
            (ind.actual, f.actual, _COLUMNS["actual"]),
        ):
            raw = cell.raw
            if isinstance(raw, bool):
                shown = "TRUE" if raw else "FALSE"
                yield ctx.finding(
                    cell,
                    expected="数值或规定档次",
                    actual=shown,
                    name=_label(ind),
                    column=column,
                    column_en=column_en,
                    problem=f"是逻辑值，不是有效的{column}；请填写数值（如“20家”）或规定档次（如“达成年度指标”）",
                    problem_en=f"is a logical value, not a valid {column_en}",
                )
                continue
            if not isinstance(raw, str) or raw.strip() in EXCEL_ERRORS:
                continue
            if not p.reason and p.kind is PERCENT:  # (`share_above_whole` reads percents only: no generator
                yield from share_above_whole(ctx, ind, cell, column, column_en)  # made for the other cells of a row)
            if p.reason:
                damaged = p.damaged  # typing or OCR damage: perhaps the reading's, not the filer's
                yield ctx.finding(
                    cell,
                    expected="数值或规定档次",
                    actual=visible(raw),
                    name=_label(ind),
                    column=column,
                    column_en=column_en,
                    problem=f"{p.reason}，请{'核对后重新填写' if damaged else '删除后重新输入'}",
                    problem_en=p.reason_en or "cannot be read",
                    certainty=JUDGEMENT if damaged else None,
                    basis=f"读取 {cell.place()}：“{visible(raw)}”{p.reason}",  # the reason reads on from the cell's text
                    basis_en=f"read {cell.place()}: {visible(raw)!r}, {p.reason_en}",
                )


#: An indicator row's fields: those always a cell (level1 … deviation: their texts read in one `attrgetter` call a row)
#: and the optional ones (a cell or None); C02's figure fields among them are always cells.
_ALWAYS = tuple(f.name for f in dataclasses.fields(Indicator) if f.default is dataclasses.MISSING)
_OPTIONAL = attrgetter(*(f.name for f in dataclasses.fields(Indicator) if f.default is not dataclasses.MISSING))
_ALWAYS_RAWS = attrgetter(*(f"{name}.raw" for name in _ALWAYS))
_FIGURE_FIELDS = tuple(f.name for f in dataclasses.fields(Indicator) if f.name in _NUMBER_FIELDS)
assert set(_FIGURE_FIELDS) <= set(_ALWAYS)
_FIGURE_RAWS = attrgetter(*(f"{name}.raw" for name in _FIGURE_FIELDS))
_FIGURE_CELLS = attrgetter(*_FIGURE_FIELDS)
_RAW = attrgetter("raw")
#: The number signs C02 asks `Context.is_error` about (`NUMBER_SIGNS`): "#", "﹟", "＃".
_SIGNS = ("#", "\ufe5f", "\uff03")


class _Scan:
    """Every cell of a table at a glance, for C01 and C02 to tell at once that it holds nothing they report: the texts of
    all its cells joined (located or not, repeated places and all: a superset of `text_cells`' texts), the cells at any
    position of a figure field that hold text (`_NUMBER_FIELDS`: a superset of those `text_cells` names so — it names a
    place by its first position), and whether any cell holds a float NaN/infinity (C02's overflowed number). An indicator
    row's values are read by `attrgetter`s and the rows flattened in C: a 10,000-row table's ≈ 150,000 fields without
    the place-by-place walk, which runs only where the scan finds something to look at."""

    __slots__ = ("figures", "odd_float", "text")

    def __init__(self, obj: object) -> None:
        pairs: list[tuple[str, CellValue]] = []
        rows = getattr(obj, "indicators", None)
        raws: list[Any] = []
        if isinstance(obj, SelfEvaluation) and rows and rows.__class__ is tuple and {*map(type, rows)} <= {Indicator}:
            try:  # (the model's fields: a cell, or None where optional — anything else is walked as `_collect` walks it)
                raws = [*chain.from_iterable(map(_ALWAYS_RAWS, rows))]
                optional = [*filter(None, chain.from_iterable(map(_OPTIONAL, rows)))]  # (a CellValue is truthy)
                raws += map(_RAW, optional)
                figure_kinds = {*map(type, chain.from_iterable(map(_FIGURE_RAWS, rows)))}
            except AttributeError:
                rows = None
            if rows is not None and not {*map(type, optional)} <= {CellValue}:
                rows = None
        else:
            rows = None
        if rows is not None:  # every other field through `_collect`, the walk `text_cells` follows
            get, names = _fields_of(type(obj))
            for name, value in zip(names, get(obj)):  # noqa: B905 (of one length, as in `_collect`)
                if name == "indicators" and value is rows:
                    continue
                if value.__class__ is CellValue:
                    pairs.append((name, value))
                elif value is not None and not isinstance(value, (str, int, float, Decimal)):
                    _collect(value, name, pairs)
            figures = (
                [c for c in chain.from_iterable(map(_FIGURE_CELLS, rows)) if c.raw.__class__ is str]
                if str in figure_kinds
                else []
            )
        else:
            raws = []
            figures = []
            _collect(obj, "", pairs)
        # one text a cell object: a field may list one cell many times (a funds row's breakdown of 1,000 figures all
        # pointing at its one cell), and each copy of a long text would make the joined text that many times longer
        raws += map(_RAW, {id(c): c for _, c in pairs}.values())
        # (str subclasses too: a superset; a line feed joins them — no control character of C01's)
        self.text = "\n".join(filter(str.__instancecheck__, raws))
        self.odd_float = float in {*map(type, raws)} and any(
            r != r or r in _INFINITE for r in raws if r.__class__ is float
        )
        figures += {id(c): c for name, c in pairs if name in _NUMBER_FIELDS and c.raw.__class__ is str}.values()
        self.figures = figures


def _scan(ctx: Context, obj: object) -> _Scan:
    return ctx.once(("cell_scan", id(obj)), lambda: _Scan(obj))


def _figures_read(ctx: Context, scan: _Scan) -> bool:
    """C02's figure test holds nothing back: every text cell at a figure position is blank or read as a number (no
    funds unit is read outside a table: C02 runs with no evaluation set, so `number` notes no unit doubt)."""
    if ctx.evaluation is not None:
        return False
    blank, number = ctx.is_blank, ctx.number
    return all(blank(c) or number(c) is not None for c in scan.figures)


@check("C01")
def control_chars(ctx: Context) -> Iterator[Finding]:
    """Text cells of every table (outside 年度指标值/实际完成值, which I12 covers) without control characters."""
    sub = ctx.submission
    seen: set[tuple[str, str]] = set()
    for ev in sub.evaluations:
        if CONTROL_CHARS.search(_scan(ctx, ev).text) is None:
            continue  # no cell of the table holds one: nothing for the place-by-place walk to find (`_any_control`)
        cells = text_cells(ctx, ev)
        if not _any_control(cells):
            continue  # most tables: no cell to look at one by one, no set of the indicator cells built
        skip = {id(c) for ind in ev.indicators for c in (ind.target, ind.actual)}
        yield from _control_findings(ctx, cells, skip, seen)
    if sub.basic is not None:
        yield from _control_findings(ctx, text_cells(ctx, sub.basic), set(), seen)


def _any_control(cells: tuple[tuple[str, CellValue], ...]) -> bool:
    """Whether any of the cells' texts holds a control character (`control_characters`): one search over the texts
    joined by a line feed (no control character in that sense), not one call a cell."""
    return CONTROL_CHARS.search("\n".join([cell.raw for _, cell in cells if cell.raw.__class__ is str])) is not None


def _control_findings(
    ctx: Context, cells: Iterable[tuple[str, CellValue]], skip: set[int], seen: set[tuple[str, str]]
) -> Iterator[Finding]:
    for field, cell in cells:
        ref = cell.place()
        if id(cell) in skip or ref is None:  # (text_cells gives located cells only)
            continue
        chars = control_characters(cell.raw) if cell.raw.__class__ is str else ""
        if not chars:  # most cells: no key built for them
            continue
        key = (ref.sheet, ref.anchor or ref.cell)
        if key in seen:
            continue
        seen.add(key)
        zh, en = _FIELD_NAMES.get(field, _CELL)
        shown = visible(cell.raw)
        yield ctx.finding(
            cell,
            expected=shown.translate(dict.fromkeys(range(9216, 9250))),
            actual=shown,
            column=zh,
            column_en=en,
            chars="、".join(chars),
        )


def _computable(ctx: Context, scan: _Scan) -> bool:
    """No cell of the scanned table can be C02's: no text holds a number sign (the error values' test), no float is NaN
    or infinite, every figure position's text is read (`_figures_read`) — the walk's every branch would pass on."""
    text = scan.text
    return not scan.odd_float and not any(map(text.__contains__, _SIGNS)) and _figures_read(ctx, scan)


@check("C02")
def not_computable(ctx: Context) -> Iterator[Finding]:
    """An Excel error value (#NAME?, #VALUE! — as a value or as text) anywhere, or a damaged number ("M.8")
    in a money, weight, rate or score cell: one finding per cell; the checks needing it skip it."""
    sub = ctx.submission
    reported = {(p.ref.sheet, p.ref.cell) for p in sub.problems if p.code == "READ_ERROR_VALUE" and p.ref is not None}
    seen: set[tuple[str, str]] = set()
    sources = [text_cells(ctx, ev) for ev in sub.evaluations if not _computable(ctx, _scan(ctx, ev))]
    if sub.basic is not None:
        sources.append(text_cells(ctx, sub.basic))
    for cells in sources:
        for field, cell in cells:
            ref = cell.place()
            if ref is None:  # (text_cells gives located cells only)
                continue
            # (keys built only when there is something to look up: most tables have no finding here)
            if (seen and (ref.sheet, ref.anchor or ref.cell) in seen) or (
                reported and (ref.sheet, ref.cell) in reported
            ):
                continue
            # (`Context.is_error` asked only of text holding a number sign, `NUMBER_SIGNS`; the raw text holds one
            # where its stripped `text` does — no property call a cell; an overflowed number's text is "inf")
            raw = cell.raw
            if raw.__class__ is not str:
                raw = cell.text
            if ("#" in raw or "\ufe5f" in raw or "\uff03" in raw) and ctx.is_error(cell):
                zh, en = _FIELD_NAMES.get(field, _CELL)
                seen.add((ref.sheet, ref.anchor or ref.cell))
                text = cell.text
                yield ctx.finding(
                    cell,
                    expected="数值",
                    actual=text,
                    column=zh,
                    column_en=en,
                    problem="是 Excel 错误值（公式出错或引用失效），无法计算；请修正公式或填写数值",
                    problem_en="is an Excel error value (a broken formula) and cannot be computed",
                    basis=f"读取 {cell.place()}：“{text}”，不作为 0 或空值参与计算；总分等合计按 perfxl 重算的得分复核",
                    basis_en=f"read {cell.place()}: {text!r}; not counted as 0 or blank, totals use perfxl's own scores",
                )
            elif field in _NUMBER_FIELDS and not ctx.is_blank(cell) and ctx.number(cell) is None:
                zh, en = _FIELD_NAMES.get(field, _CELL)
                p = ctx.parsed(cell)
                if field == "total_weight" and bracketed_figure(cell.text) is not None:
                    continue  # "（100）" under 分值 in the 总分 row: the full mark as a label, as "满分100" (gaps18)
                if field.startswith("ChangeLine.") and printed_sign(cell.raw)[1] != "bare":
                    continue  # "(58.80)", "—58.80" in a change column: B19 reads the sign the printed mark gives (num20)
                if p.damaged and p.reason:
                    problem, problem_en = (
                        p.reason + "，无法计算；请核对后重新填写",
                        (p.reason_en or "") + "; not computed",
                    )
                elif ctx.down_marked(cell):
                    # "▼58.80", "减少58.80" where no change is asked (a 自评表's money, weight or score cell): the mark's
                    # meaning there is unknown — never +58.80 with it dropped (num20, issue 11 item 7)
                    problem = "数字旁标有表示减少的符号或文字，此处不是增减列，正负无法确定，未作为数值读取，无法计算；请核对后重新填写"
                    problem_en = "prints a fall's mark beside its figure where no change is asked: its sign is unknown"
                elif p.kind is NUMBER and p.op is None and (letters := stray_letters(p.unit)):
                    # "4l", "4B级": a letter where no unit is (review12c)
                    problem = (
                        f"带有字母“{letters}”，不是金额或分值的单位（疑为录入或识别错误），无法计算；请核对后重新填写"
                    )
                    problem_en = f"carries the letters {letters!r}, no unit of money or points (a typing or OCR slip?)"
                elif field in _SCORE_FIELDS and p.kind in (TEXT, QUALITATIVE) and p.number is None:
                    if _MISTYPED.search(cell.text):  # "IO", "9O": letters typed or read for digits
                        problem = "不是数值（疑为录入或识别错误，如“IO”），无法计算；请核对后重新填写"
                        problem_en = "is not a number (a typing or OCR error, like IO for 10?) and cannot be computed"
                    else:  # words ("九十九", "见附件"): nothing suggests a mistyped figure
                        problem = "是文字，不是数值，无法计算；请填写数值"
                        problem_en = "is words, not a number, and cannot be computed"
                else:
                    continue
                seen.add((ref.sheet, ref.anchor or ref.cell))
                yield ctx.finding(
                    cell,
                    expected="数值",
                    actual=visible(cell.text),
                    column=zh,
                    column_en=en,
                    problem=problem,
                    problem_en=problem_en,
                    certainty=JUDGEMENT,
                    basis=f"读取 {cell.place()}：“{cell.text}”，不作为数值参与计算；"
                    + (
                        "合计按 perfxl 重算的得分复核"
                        if field in _SCORE_FIELDS
                        else "用到此数的合计、执行率等核对跳过此项"
                    ),
                    basis_en=f"read {cell.place()}: {cell.text!r}, not used as a number; "
                    + ("totals use perfxl's own scores" if field in _SCORE_FIELDS else "checks needing it skip it"),
                )
