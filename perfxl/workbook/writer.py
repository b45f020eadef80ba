"""Writes `WorkbookContent` in a `Shape`: XlsxWriter (formulas with cached values), openpyxl
(formulas without cached values, as files that never saw Excel), or .xls via LibreOffice.

Files are written atomically (temp file beside the target, then rename) with fixed document
timestamps, so a rebuilt workbook can be diffed with the committed one.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from perfxl.model import CellRef
from perfxl.records import record

from .content import WorkbookContent
from .layout_basic import lay_basic
from .layout_eval import lay_evaluation
from .plan import SheetPlan
from .recalc import convert
from .shape import Shape
from .styles import STYLES

__all__ = ["WrittenWorkbook", "build_plans", "write_plans", "write_content", "atomic_target"]

INSTRUCTIONS_SHEET = "填表说明"


@record()
class WrittenWorkbook:
    """A written file and where every content element went ("evaluations[0].indicators[9].score" → ref)."""

    path: Path
    cells: dict[str, CellRef] = field(default_factory=dict)
    sheets: tuple[str, ...] = ()

    def ref(self, content_path: str) -> CellRef:
        return self.cells[content_path]


def build_plans(content: WorkbookContent, shape: Shape) -> list[SheetPlan]:
    """Lay content out: 基础数据表, then the 自评表s (grouped by sheet name), then 填表说明."""
    plans: dict[str, SheetPlan] = {}
    top0 = shape.origin[0]
    if content.basic is not None:
        plan = plans.setdefault(content.basic.sheet, SheetPlan(content.basic.sheet))
        lay_basic(plan, content.basic, shape, top0)
        plan.landscape = False
    next_row: dict[str, int] = {}
    first_sheet = content.evaluations[0].sheet if content.evaluations else ""
    for k, ev in enumerate(content.evaluations):
        name = first_sheet if shape.one_sheet else ev.sheet
        plan = plans.setdefault(name, SheetPlan(name))
        top = next_row.get(name, top0)
        next_row[name] = lay_evaluation(plan, ev, k, shape, top) + 2
    if content.instructions:
        plans[INSTRUCTIONS_SHEET] = _instructions_plan(content.instructions)
    return list(plans.values())


def _instructions_plan(lines: tuple[str, ...]) -> SheetPlan:
    plan = SheetPlan(INSTRUCTIONS_SHEET, landscape=False)
    plan.put(0, 0, "填表说明", style="title")
    plan.heights[0] = 30
    for i, line in enumerate(lines, start=1):
        plan.put(i, 0, line, style="plain", path=f"instructions[{i - 1}]")
    plan.widths[0] = 110
    return plan


def write_content(path: str | os.PathLike, content: WorkbookContent, shape: Shape) -> WrittenWorkbook:
    """Lay out and write one workbook; returns where each content element was written."""
    plans = build_plans(content, shape)
    write_plans(Path(path), plans, content, shape)
    cells = {key: CellRef(plan.name, plan.ref(*rc)) for plan in plans for key, rc in plan.addresses.items()}
    return WrittenWorkbook(Path(path), cells, tuple(p.name for p in plans))


def atomic_target(path: Path):
    """A temp path beside `path` (same file system, so the final rename is atomic)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".xlsx", dir=path.parent)
    os.close(fd)
    return Path(tmp)


def write_plans(path: Path, plans: list[SheetPlan], content: WorkbookContent, shape: Shape) -> None:
    """Render plans with the shape's engine and format, then move the file into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = atomic_target(path)
    try:
        if shape.engine == "openpyxl":
            _write_openpyxl(tmp, plans, content)
        else:
            _write_xlsxwriter(tmp, plans, content)
        if shape.fmt == "xls":
            with tempfile.TemporaryDirectory(prefix="perfxl-xls-") as work:
                xls = convert(tmp, "xls", Path(work))
                shutil.copyfile(xls, tmp)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


# ---------------------------------------------------------------- XlsxWriter


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _write_xlsxwriter(tmp: Path, plans: list[SheetPlan], content: WorkbookContent) -> None:
    # lazy: xlsxwriter (~56 ms) only when a workbook is written
    import xlsxwriter

    # in_memory: the parts are zipped from memory, not written to and removed from temp files one by one
    # (the standard workbook: ≈ 15 → 10 ms of CPU, 18–21 → 11 ms wall; the same parts)
    wb = xlsxwriter.Workbook(
        str(tmp),
        {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False},
    )
    wb.set_properties(
        {
            "title": content.title,
            "subject": content.subject,
            "author": "perfxl",
            "company": "",
            "comments": content.comments,
            "created": content.created,
        }
    )
    if content.comments:
        wb.set_custom_property("perfxl_source", content.comments)
    formats = {name: wb.add_format(props) for name, props in STYLES.items()}
    for plan in plans:
        ws = wb.add_worksheet(plan.name)
        for c, width in plan.widths.items():
            ws.set_column(c, c, width)
        for r, height in plan.heights.items():
            ws.set_row(r, height)
        for c in plan.hidden_cols:
            ws.set_column(c, c, plan.widths.get(c), None, {"hidden": True})
        for r in plan.hidden_rows:
            ws.set_row(r, plan.heights.get(r), None, {"hidden": True})
        covered: set[tuple[int, int]] = set()
        for r0, c0, r1, c1 in plan.merges:
            ws.merge_range(r0, c0, r1, c1, "", formats[plan.cells[(r0, c0)].style])
            covered.update((r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1) if (r, c) != (r0, c0))
        for (r, c), spec in sorted(plan.cells.items()):
            if (r, c) in covered:
                continue
            fmt = formats[spec.style]
            value = _xlsx_value(spec.value)
            if spec.formula:
                ws.write_formula(r, c, spec.formula, fmt, "" if value is None else value)
            elif value is None or value == "":
                ws.write_blank(r, c, None, fmt)
            elif isinstance(value, str):
                ws.write_string(r, c, value, fmt)
            elif isinstance(value, date):
                ws.write_datetime(r, c, value, fmt)
            else:
                ws.write_number(r, c, value, fmt)
        for v in plan.validations:
            ws.data_validation(
                v.first_row,
                v.first_col,
                v.last_row,
                v.last_col,
                {
                    "validate": "list",
                    "source": list(v.choices),
                    "ignore_blank": True,
                    "show_error": v.strict,
                    "input_title": "完成档次",
                    "input_message": v.prompt,
                },
            )
        _print_setup(ws, plan)
    wb.close()


def _print_setup(ws, plan: SheetPlan) -> None:
    ws.set_paper(9)  # A4
    if plan.landscape:
        ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.center_horizontally()
    ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    if plan.page_header:
        ws.set_header("&C" + plan.page_header.replace("&", "&&"))


# ---------------------------------------------------------------- openpyxl (no cached values)


def _write_openpyxl(tmp: Path, plans: list[SheetPlan], content: WorkbookContent) -> None:
    # lazy: openpyxl (~200 ms) only for this writer/reader, not on `import perfxl.workbook`
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    wb.remove(wb.worksheets[0])  # the default empty sheet a new Workbook starts with
    wb.properties.creator = "perfxl"
    wb.properties.title = content.title
    wb.properties.subject = content.subject
    wb.properties.description = content.comments
    wb.properties.created = content.created
    wb.properties.modified = content.created
    styles = {name: _openpyxl_style(props) for name, props in STYLES.items()}
    for plan in plans:
        ws = wb.create_sheet(plan.name)
        for (r, c), spec in sorted(plan.cells.items()):
            cell = ws.cell(row=r + 1, column=c + 1)
            if spec.formula:
                cell.value = spec.formula
            elif spec.value is not None and spec.value != "":
                cell.value = _xlsx_value(spec.value)
                if isinstance(spec.value, str) and spec.value.startswith("="):
                    cell.data_type = "s"  # typed text, not a formula
            for attr, style in styles[spec.style].items():
                setattr(cell, attr, style)
        for r0, c0, r1, c1 in plan.merges:
            ws.merge_cells(start_row=r0 + 1, start_column=c0 + 1, end_row=r1 + 1, end_column=c1 + 1)
        for c, width in plan.widths.items():
            ws.column_dimensions[get_column_letter(c + 1)].width = width
        for r, height in plan.heights.items():
            ws.row_dimensions[r + 1].height = height
        for c in plan.hidden_cols:
            ws.column_dimensions[get_column_letter(c + 1)].hidden = True
        for r in plan.hidden_rows:
            ws.row_dimensions[r + 1].hidden = True
        for v in plan.validations:
            dv = DataValidation(
                type="list",
                formula1='"' + ",".join(v.choices) + '"',
                allow_blank=True,
                showErrorMessage=v.strict,
                prompt=v.prompt,
                promptTitle="完成档次",
            )
            dv.add(f"{plan.ref(v.first_row, v.first_col)}:{plan.ref(v.last_row, v.last_col)}")
            ws.add_data_validation(dv)
        if plan.page_header:
            ws.oddHeader.center.text = plan.page_header
        ws.page_setup.paperSize = 9
        ws.page_setup.orientation = "landscape" if plan.landscape else "portrait"
    wb.save(tmp)


def _openpyxl_style(props: dict) -> dict:
    # lazy: openpyxl (~200 ms) only for this writer/reader, not on `import perfxl.workbook`
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    out: dict[str, Any] = {
        "font": Font(
            name=props.get("font_name"),
            size=props.get("font_size"),
            bold=props.get("bold", False),
            italic=props.get("italic", False),
            color=props["font_color"].lstrip("#") if "font_color" in props else None,
        ),
        "alignment": Alignment(
            horizontal=props.get("align"),
            vertical="center" if props.get("valign") == "vcenter" else props.get("valign"),
            wrap_text=props.get("text_wrap", False),
        ),
    }
    if props.get("border"):
        side = Side(style="thin")
        out["border"] = Border(left=side, right=side, top=side, bottom=side)
    if "bg_color" in props:
        out["fill"] = PatternFill("solid", fgColor=props["bg_color"].lstrip("#"))
    if "num_format" in props:
        out["number_format"] = props["num_format"]
    if props.get("quote_prefix"):
        out["quotePrefix"] = True
    return out
