"""Real-world shapes of the same content, for the reader's tests and for benchmarks.

`write_submission(path, content, variant="split_target")` writes `content` in a named shape.
A variant is a `Shape` (layout options) plus, for unit variants, a content transform; the
transforms change only how amounts are expressed (元 vs 万元), never what they are.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from html import escape
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from perfxl.grid import Grid
from perfxl.io.atomic import atomic_write
from perfxl.io.shown_numbers import format_shows, shown_text
from perfxl.numbers import to_decimal

from .content import EvaluationContent, FundsLine, IndicatorLine, Value, WorkbookContent
from .plan import CellSpec, SheetPlan
from .shape import Shape
from .styles import STYLES
from .template import TEMPLATE_SHAPE
from .writer import WrittenWorkbook, build_plans, write_content

__all__ = [
    "VARIANTS",
    "Variant",
    "write_submission",
    "funds_in_yuan",
    "basic_in_wanyuan",
    "add_indicators",
    "scale_value",
    "content_plans",
    "plan_grid",
    "remove_columns",
    "unscored_funds",
    "map_text",
    "to_traditional",
    "render_html",
    "render_spreadsheetml",
    "write_export",
]

TEN_THOUSAND = Decimal(10000)


class Variant:
    """A named shape with an optional content transform."""

    def __init__(
        self, shape: Shape, transform: Callable[[WorkbookContent], WorkbookContent] | None = None, doc: str = ""
    ) -> None:
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
    return replace(
        line,
        initial=scale_value(line.initial, TEN_THOUSAND),
        full=scale_value(line.full, TEN_THOUSAND),
        executed=scale_value(line.executed, TEN_THOUSAND),
    )


def funds_in_yuan(content: WorkbookContent) -> WorkbookContent:
    """自评表 funds from 万元 to 元: amounts and breakdown texts × 10000, label "（万元）" → "（元）"."""
    evs = tuple(
        replace(
            ev,
            funds_label=ev.funds_label.replace("（万元）", "（元）").replace("(万元)", "(元)"),
            funds=tuple(_funds_line_in_yuan(f) for f in ev.funds),
            breakdown=tuple((scale_value(a, TEN_THOUSAND), scale_value(b, TEN_THOUSAND)) for a, b in ev.breakdown),
        )
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
    "money_units": Variant(
        Shape(unit_note_row=True), money_units, doc="自评表 in 元 (×10000), 基础数据表 in 万元 (÷10000), unit rows"
    ),
    "synonyms": Variant(Shape(headers="synonyms"), doc="目标值/完成值/权重/自评得分, line breaks in headers"),
    "spaced": Variant(Shape(headers="spaced"), doc="指标值, '分 值', '得 分', '总 分'"),
    "openpyxl_uncached": Variant(
        Shape(formulas=True, perf_scores=True, engine="openpyxl"), doc="formulas written by openpyxl, no cached values"
    ),
    "xls": Variant(Shape(fmt="xls"), doc="Excel 97-2003 .xls converted by LibreOffice"),
    "template": Variant(TEMPLATE_SHAPE, doc="formulas with cached values, PERF_SCORE in 得分"),
    "sample": Variant(
        Shape(check_column=True), doc="all values as typed; perfxl's recomputed score in a column of its own"
    ),
}


def write_submission(
    path: str | os.PathLike,
    content: WorkbookContent,
    variant: str | Shape = "standard",
) -> WrittenWorkbook:
    """Write `content` in a named variant (see VARIANTS) or a custom Shape; returns the cell map."""
    if isinstance(variant, Shape):
        return write_content(path, content, variant)
    try:
        v = VARIANTS[variant]
    except KeyError:
        raise ValueError(f"unknown variant {variant!r}; known: {', '.join(VARIANTS)}") from None
    return write_content(path, v.apply(content), v.shape)


# ---------------------------------------------------------------- other files "saved as .xls", and plan edits


def content_plans(content: WorkbookContent, variant: str | Shape = "standard") -> list[SheetPlan]:
    """The sheet plans of `content` in a variant, before any file is written (for edits and exports)."""
    if isinstance(variant, Shape):
        return build_plans(content, variant)
    v = VARIANTS[variant]
    return build_plans(v.apply(content), v.shape)


def plan_grid(plan: SheetPlan) -> Grid:
    """A plan as the Grid a reader would return: cached values (numbers as Decimal), merged ranges."""
    height, width = plan.max_row + 1, plan.max_col + 1
    rows: list[list[str | Decimal | None]] = [["" for _ in range(width)] for _ in range(height)]
    for (r, c), spec in plan.cells.items():
        value = spec.value
        if value is None:
            continue
        rows[r][c] = value if isinstance(value, str) else to_decimal(value)
    return Grid(plan.name, rows, tuple(plan.merges))


def remove_columns(plan: SheetPlan, rows: range, cols: set[int]) -> SheetPlan:
    """A copy of `plan` where, in `rows`, the columns `cols` are cut out and the cells right of them move
    left (a form whose funds block has no 分值/得分 columns); merges in those rows shrink accordingly."""

    def shift(c: int) -> int:
        return c - sum(1 for x in cols if x < c)

    out = SheetPlan(plan.name, widths=dict(plan.widths), heights=dict(plan.heights), landscape=plan.landscape)
    for (r, c), spec in plan.cells.items():
        if r in rows:
            if c in cols:
                continue
            out.cells[(r, shift(c))] = spec
        else:
            out.cells[(r, c)] = spec
    for r0, c0, r1, c1 in plan.merges:
        if r0 in rows:
            kept = [c for c in range(c0, c1 + 1) if c not in cols]
            if not kept:
                continue
            if c0 in cols and (r0, c0) in plan.cells:  # the anchor was cut: its value moves to the new anchor
                out.cells[(r0, shift(kept[0]))] = plan.cells[(r0, c0)]
            if len(kept) > 1 or r1 > r0:
                out.merges.append((r0, shift(kept[0]), r1, shift(kept[-1])))
        else:
            out.merges.append((r0, c0, r1, c1))
    out.addresses = {
        k: (r, shift(c) if r in rows else c) for k, (r, c) in plan.addresses.items() if not (r in rows and c in cols)
    }
    return out


def unscored_funds(plans: list[SheetPlan], k: int = 0) -> list[SheetPlan]:
    """Evaluation `k`'s funds block without 分值 and 得分 columns (execution not scored: Ningxia and
    some Hebei forms): 年初预算数 | 全年预算数 | 全年执行数 | 执行率, the rest of the table unchanged."""
    out = []
    p = f"evaluations[{k}]"
    for plan in plans:
        if f"{p}.funds[0].weight" not in plan.addresses:
            out.append(plan)
            continue
        top = plan.addresses[f"{p}.funds[0].label"][0] - 1  # the funds header row
        stop = plan.addresses[f"{p}.goal_expected"][0] - 1  # the goals header row
        weight_col = plan.addresses[f"{p}.funds[0].weight"][1]
        score_col = plan.addresses[f"{p}.funds[0].score"][1]
        last = max(c for (r, c) in plan.cells if r == top)
        cols = {weight_col} | set(range(score_col, last + 1))
        out.append(remove_columns(plan, range(top, stop), cols))
    return out


def map_text(plans: list[SheetPlan], fn: Callable[[str], str]) -> list[SheetPlan]:
    """The plans with `fn` applied to every text cell and sheet name (e.g. OpenCC s2t: a traditional form)."""
    out = []
    for plan in plans:
        new = SheetPlan(
            fn(plan.name),
            merges=list(plan.merges),
            widths=dict(plan.widths),
            heights=dict(plan.heights),
            addresses=dict(plan.addresses),
            landscape=plan.landscape,
        )
        for rc, spec in plan.cells.items():
            value = fn(spec.value) if isinstance(spec.value, str) else spec.value
            new.cells[rc] = CellSpec(value, spec.formula, spec.style)
        out.append(new)
    return out


def to_traditional(plans: list[SheetPlan], config: str = "s2t") -> list[SheetPlan]:
    """Every text in traditional characters (OpenCC `config`: "s2t", or "s2tw" for Taiwan forms that
    must fit Big5), as Hong Kong/Taiwan-style or old system forms."""
    # lazy: opencc (no Pyodide build) only for the traditional-character variant
    import opencc

    conv = opencc.OpenCC(config)
    return map_text(plans, conv.convert)


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    number = to_decimal(value)
    return _fmt(number) if number is not None else str(value)


def _merge_spans(plan: SheetPlan, base: int) -> tuple[dict[tuple[int, int], tuple[int, int]], set[tuple[int, int]]]:
    """A plan's merges as (rows, columns) spanned beyond `base` at each anchor (HTML's rowspan/colspan count from 1,
    SpreadsheetML's MergeDown/MergeAcross from 0), and the cells they cover besides their anchors (written as none)."""
    spans = {(r0, c0): (r1 - r0 + base, c1 - c0 + base) for r0, c0, r1, c1 in plan.merges}
    covered = {
        (r, c)
        for r0, c0, r1, c1 in plan.merges
        for r in range(r0, r1 + 1)
        for c in range(c0, c1 + 1)
        if (r, c) != (r0, c0)
    }
    return spans, covered


def _number_format(spec: CellSpec | None, formats: bool) -> str:
    """The number format a typed number cell is written under (`styles.STYLES`), or "" (General, or `formats` off)."""
    if not formats or spec is None or isinstance(spec.value, (str, bool)) or to_decimal(spec.value) is None:
        return ""
    return str(STYLES.get(spec.style, {}).get("num_format", ""))


def _excel_shown(value: Any, code: str) -> str:
    """The text Excel's HTML export prints for a number under `code`: rounded half up to the decimals (and ×100 under
    a "%") the format shows, thousands grouped where it groups them; as typed where it is no such format."""
    number = to_decimal(value)
    shows = format_shows(code) if number is not None else None
    text = shown_text(number, shows) if number is not None and shows is not None else None
    if text is None:
        return _cell_text(value)
    if "#,##" in code:
        body, sign = (text[:-1], "%") if text.endswith("%") else (text, "")
        whole, dot, tail = body.partition(".")
        text = f"{int(whole):,}{dot}{tail}{sign}" if whole.lstrip("-").isdigit() else text
    return text


def _css_format(code: str) -> str:
    """A number format as Excel writes it in a CSS rule (`mso-number-format:"0\\.0%"`): each mark escaped."""
    return "".join(ch if ch.isalnum() or ch in "%@" else "\\" + ch for ch in code)


def render_html(plans: list[SheetPlan], *, declared_charset: str = "utf-8", formats: bool = False) -> str:
    """The plans as one HTML page (one <table> per sheet, <caption> = sheet name, colspan/rowspan for
    merges), as budget systems export "Excel" files. `declared_charset` is what the page claims. Hidden rows and
    columns are written `display:none` (on the <tr>; on the <col> and each cell of the column), as Excel's "save as
    web page" writes them; `formats`: each typed number under its style's number format as Excel writes it — the text
    the format shows, the stored number in `x:num`, the format in a class rule (`.xl1 {mso-number-format:…}`)."""
    classes: dict[str, str] = {}
    body: list[str] = []
    for plan in plans:
        spans, covered = _merge_spans(plan, 1)
        body.append(f'<table border="1"><caption>{escape(plan.name)}</caption>')
        body.extend('<col style="display:none">' if c in plan.hidden_cols else "<col>" for c in range(plan.max_col + 1))
        for r in range(plan.max_row + 1):
            body.append('<tr style="display:none">' if r in plan.hidden_rows else "<tr>")
            for c in range(plan.max_col + 1):
                if (r, c) in covered:
                    continue
                rowspan, colspan = spans.get((r, c), (1, 1))
                attrs = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (
                    f' colspan="{colspan}"' if colspan > 1 else ""
                )
                value = plan.value(r, c)
                shown = _cell_text(value)
                if formats and isinstance(value, (date, datetime)):  # a date: its serial, shown as the "date" style's
                    day = value.date() if isinstance(value, datetime) else value
                    attrs += f' x:num="{(day - date(1899, 12, 30)).days}"'
                    shown = f"{day.year}/{day.month}/{day.day}"
                elif formats and not isinstance(value, (str, bool)) and to_decimal(value) is not None:
                    attrs += f' x:num="{_cell_text(value)}"'  # Excel writes the number it stores beside the text
                if code := _number_format(plan.cells.get((r, c)), formats):
                    attrs += f' class="{classes.setdefault(code, f"xl{len(classes) + 1}")}"'
                    shown = _excel_shown(value, code)
                hidden = c in plan.hidden_cols and colspan == 1
                if isinstance(value, str) and value.strip() and value.strip() != value:
                    attrs += ' style="mso-number-format:\\@' + (';display:none"' if hidden else '"')  # text as typed
                elif hidden:
                    attrs += ' style="display:none"'
                text = escape(shown).replace("\n", "<br>")
                body.append(f"<td{attrs}>{text}</td>")
            body.append("</tr>")
        body.append("</table>")
    rules = "".join(f'.{name} {{mso-number-format:"{_css_format(code)}";}}' for code, name in classes.items())
    head = (
        '<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head>'
        f'<meta http-equiv="Content-Type" content="text/html; charset={declared_charset}">'
        "<title>export</title>" + (f"<style>{rules}</style>" if rules else "") + "</head><body>"
    )
    return head + "".join(body) + "</body></html>"


def render_spreadsheetml(plans: list[SheetPlan], *, formats: bool = False) -> str:
    """The plans as an Excel 2003 XML workbook (ss:MergeAcross/ss:MergeDown, ss:Index after gaps; hidden rows and
    columns ss:Hidden="1"); `formats`: each typed number under its style's number format (an ss:Styles entry)."""
    styles: dict[str, str] = {}
    body: list[str] = []
    for plan in plans:
        spans, covered = _merge_spans(plan, 0)
        body.append(f"<Worksheet ss:Name={quoteattr(plan.name)}><Table>")
        body.extend(f'<Column ss:Index="{c + 1}" ss:Hidden="1"/>' for c in sorted(plan.hidden_cols))
        for r in range(plan.max_row + 1):
            body.append(f'<Row ss:Index="{r + 1}"' + (' ss:Hidden="1">' if r in plan.hidden_rows else ">"))
            for c in range(plan.max_col + 1):
                if (r, c) in covered:
                    continue
                down, across = spans.get((r, c), (0, 0))
                value = plan.value(r, c)
                if value is None and not down and not across:
                    continue
                attrs = (
                    f' ss:Index="{c + 1}"'
                    + (f' ss:MergeAcross="{across}"' if across else "")
                    + (f' ss:MergeDown="{down}"' if down else "")
                )
                if code := _number_format(plan.cells.get((r, c)), formats):
                    attrs += f' ss:StyleID="{styles.setdefault(code, f"s{len(styles) + 1}")}"'
                if value is None:
                    body.append(f"<Cell{attrs}/>")
                elif isinstance(value, str):
                    body.append(f'<Cell{attrs}><Data ss:Type="String">{xml_escape(value)}</Data></Cell>')
                elif isinstance(value, (date, datetime)):
                    stamp = value if isinstance(value, datetime) else datetime(value.year, value.month, value.day)
                    body.append(f'<Cell{attrs}><Data ss:Type="DateTime">{stamp.isoformat()}</Data></Cell>')
                else:
                    body.append(f'<Cell{attrs}><Data ss:Type="Number">{_cell_text(value)}</Data></Cell>')
            body.append("</Row>")
        body.append("</Table></Worksheet>")
    head = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:x="urn:schemas-microsoft-com:office:excel">'
    ]
    if styles:
        head.append("<Styles>")
        head.extend(
            f'<Style ss:ID="{sid}"><NumberFormat ss:Format={quoteattr(code)}/></Style>' for code, sid in styles.items()
        )
        head.append("</Styles>")
    return "".join([*head, *body, "</Workbook>"])


def write_export(
    path: str | os.PathLike,
    plans: list[SheetPlan],
    fmt: str,
    *,
    encoding: str = "utf-8",
    declared_charset: str | None = None,
    formats: bool = False,
) -> Path:
    """Write plans as a "fake Excel" file: fmt "html" (bytes in `encoding`, page claiming
    `declared_charset`, e.g. GBK bytes declared UTF-8) or "xml2003" (SpreadsheetML, UTF-8). Atomic.
    `formats`: typed numbers under their styles' number formats, as Excel exports them (`render_html`)."""
    if fmt == "html":
        data = render_html(plans, declared_charset=declared_charset or encoding, formats=formats).encode(encoding)
    elif fmt == "xml2003":
        data = render_spreadsheetml(plans, formats=formats).encode("utf-8")
    else:
        raise ValueError(f"unknown export format {fmt!r}; known: html, xml2003")
    return atomic_write(Path(path), data, force=True, durable=False)
