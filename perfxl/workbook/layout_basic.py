"""Lays the 部门整体支出绩效评价基础数据表 (Hunan 附件3 layout, as the seed publishes it) into a plan.

Columns A–G: A row label; three-value rows (编制数 | 实际在职人数 | 控制率 and
上年决算数 | 本年预算数 | 本年决算数) use B:C, D:E, F:G merged; 楼堂馆所 uses B..G one each.
"""

from __future__ import annotations

import dataclasses

from .content import BasicContent, BuildingLine
from .formulas import put_rate, put_sum
from .plan import SheetPlan
from .shape import Shape

__all__ = ["lay_basic", "BASIC_WIDTH"]

BASIC_WIDTH = 7  # columns A..G
_AMOUNT_ATTRS = ("prev", "budget", "final")
_BUILDING_ATTRS = tuple(f.name for f in dataclasses.fields(BuildingLine) if f.name != "label")


def lay_basic(plan: SheetPlan, b: BasicContent, shape: Shape, top: int) -> int:
    """Write the 基础数据表 from row `top`; returns the first free row below it."""
    c0 = shape.origin[1]
    last = c0 + BASIC_WIDTH - 1
    trio = (c0 + 1, c0 + 3, c0 + 5)  # anchors of B:C, D:E, F:G
    plan.widths[c0] = 28
    for c in range(c0 + 1, last + 1):
        plan.widths[c] = 12
    r = top
    plan.merge(r, c0, r, last, b.title, style="title", path="basic.title")
    plan.heights[r] = 30
    r += 1
    plan.merge(r, c0, r, last, b.unit_note, style="unit", path="basic.unit_note")
    r += 1
    body_top = r

    # 财政供养人员情况
    plan.merge(r, c0, r + 1, c0, b.staffing_label, style="section", path="basic.staffing_label")
    for c, text, key in zip(trio, b.staffing_headers, ("establishment", "actual_staff", "control_rate"), strict=True):
        plan.merge(r, c, r, c + 1, text, style="header", path=f"basic.staffing_header.{key}")
    r += 1
    for c, key in zip(trio, ("establishment", "actual_staff", "control_rate"), strict=True):
        plan.merge(r, c, r, c + 1, getattr(b, key), style="num", path=f"basic.{key}")
    if shape.formulas:
        put_rate(plan, r, trio[2], (r, trio[1]), (r, trio[0]), path="basic.control_rate")
    r += 1

    # 经费控制情况: 三公经费, 县级专项资金, 公用经费, 政府采购金额, 部门基本支出预算调整
    plan.put(r, c0, b.amounts_label, style="section", path="basic.amounts_label")
    for c, text, attr in zip(trio, b.year_headers, _AMOUNT_ATTRS, strict=True):
        plan.merge(r, c, r, c + 1, text, style="header", path=f"basic.year_header.{attr}")
    r += 1
    row_of: dict[str, int] = {}
    for j, line in enumerate(b.amounts):
        q = f"basic.amounts[{line.key or j}]"
        plan.put(r, c0, line.label, style="label", path=f"{q}.label")
        for c, attr in zip(trio, _AMOUNT_ATTRS, strict=True):
            plan.merge(r, c, r, c + 1, getattr(line, attr), style="num", path=f"{q}.{attr}")
        if line.key:
            row_of[line.key] = r
        r += 1
    if shape.formulas:  # bottom-up, so a sub-total (公务用车) is computed before its total (三公经费)
        for j, line in reversed(list(enumerate(b.amounts))):
            parts = [row_of[k] for k in line.sum_of if k in row_of]
            if not parts:
                continue
            q = f"basic.amounts[{line.key or j}]"
            for c, attr in zip(trio, _AMOUNT_ATTRS, strict=True):
                put_sum(plan, row_of[line.key], c, [(x, c) for x in parts], path=f"{q}.{attr}")

    # 楼堂馆所控制情况
    plan.put(r, c0, b.building_label, style="section", path="basic.building_label")
    for i, text in enumerate(b.building_headers):
        plan.put(r, c0 + 1 + i, text, style="header", path=f"basic.building_header[{i}]")
    r += 1
    if b.building_subrow:
        for i, text in enumerate(b.building_subrow):
            plan.put(r, c0 + i, text, style="section" if i == 0 else "header", path=f"basic.building_subrow[{i}]")
        r += 1
    for j, bl in enumerate(b.buildings):
        q = f"basic.buildings[{j}]"
        plan.put(r, c0, bl.label, style="label", path=f"{q}.label")
        for i, attr in enumerate(_BUILDING_ATTRS):
            plan.put(r, c0 + 1 + i, getattr(bl, attr), style="num", path=f"{q}.{attr}")
        if shape.formulas:
            put_rate(plan, r, c0 + 3, (r, c0 + 2), (r, c0 + 1), path=f"{q}.area_rate")
            put_rate(plan, r, c0 + 6, (r, c0 + 5), (r, c0 + 4), path=f"{q}.investment_rate")
        r += 1

    # 厉行节约保障措施
    plan.put(r, c0, b.frugality_label, style="section", path="basic.frugality_label")
    plan.merge(r, c0 + 1, r, last, b.frugality, path="basic.frugality")
    plan.heights[r] = 36
    r += 1
    plan.frame(body_top, c0, r - 1, last)
    if b.note is not None:
        plan.merge(r, c0, r, last, b.note, style="note", path="basic.note")
        plan.heights[r] = 32
        r += 1
    return r
