"""Points printed in an indicator's own label ("目标 内容 (4分)", "（4 分）", "到位率 3分"): its weight when the table has
no 分值 column.

Two forms print them so: 云南's 自评表 whose 三级 names end with their weight ("示范区面积（20分）") beside 指标值 │ 完成值 │
得分, and 湖南's 项目支出绩效自评指标计分表 (南县民政局 2022: 一级 │ 二级 │ 三级 │ 自评分 │ 具体指标 │ 评价标准, each level's
points only in its label — "项目 决策 (20分)" › "项目 目标 (4分)" › "目标 内容 (4分)"). The points are the form's own
statement of what the item is worth, printed in the same row as its score, read as the 一级 labels' "(20分)" always
are (`indicators.parse_level1`, whose pattern this shares). All or nothing: a table reads its weights from the
labels only when every 三级 name states one, so no row is ever called weightless because its label does not.
"""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

from ..grid import Grid
from ..model import WEIGHTS_IN_LABELS, CellValue, Indicator
from ..patterns import lazy_compile
from . import headers as H
from .cells import own, row_cells, row_labels
from .indicators import declared_points

__all__ = ["level_points", "scored_by_labels", "weights_in_names"]

#: Points a scoring rule gives or takes ("到位率100%得4分，每降低1%扣0.5分", "有制度得2分"), or a rule after the weight
#: ("绩效目标合理性（4分）：目标明确得2分"): the label's last points are then no statement of the row's weight.
_RULE_POINTS = lazy_compile(r"[得扣加减给计记][\d.]+分[)）]?$|[:：,，;；]")


def _label_points(text: str) -> Decimal | None:
    """The weight a label states at its end (`declared_points`), None when its last points belong to a scoring rule
    (得/扣/加/减 N分) or a rule follows a colon or comma — a table of such names reads no weights from them (all or none)."""
    if _RULE_POINTS.search(re.sub(r"\s+", "", text)):
        return None
    return declared_points(text)


def scored_by_labels(grid: Grid, r: int, cols: dict[str, int]) -> bool:
    """Row r heads a scoring table whose weights stand in its labels: 一级/二级 and 三级 columns, a 得分 (自评分) column,
    no 分值, 指标值 or 完成值 column, and every 三级 name below it — down to a 总分/合计 row, a blank row or the sheet's
    end — states its points ("目标 内容 (4分)"), two at least. Without them a header holding only 得分 is no table perfxl
    can check: a table cut after a name that states none (不详 2017's 得分表, "中央专款分配合规") stays unread."""
    if "score" not in cols or "name" not in cols or not {"level1", "level2"} & cols.keys():
        return False
    if {"weight", "target", "actual", "progress", "forecast"} & cols.keys():
        return False
    named = 0
    for i in range(r + 1, grid.n_rows):
        cells = row_cells(grid, i)
        if not cells or any(H.strip_brackets(label) in H.TOTAL_LABELS for _, label in row_labels(grid, i)):
            break
        value = own(grid, i, cols["name"])
        if value is None:
            continue
        if not isinstance(value, str) or _label_points(value) is None:
            return False
        named += 1
    return named >= 2


def weights_in_names(
    indicators: tuple[Indicator, ...], columns: tuple[str, ...]
) -> tuple[tuple[Indicator, ...], tuple[str, ...]]:
    """A table without a 分值 column whose every 三级 name ends with its points: each row's weight is the one in its name
    (its cell the name's) and the table has weights — all or nothing, so a row without one is never called
    weightless."""
    if not columns or "weight" in columns or not indicators:
        return indicators, columns
    found = [_label_points(i.name.text) for i in indicators]
    if any(p is None for p in found):
        return indicators, columns
    out = tuple(
        dataclasses.replace(i, weight=CellValue(p, i.name.sheet, i.name.r, i.name.c, i.name.anchor))
        for i, p in zip(indicators, found, strict=True)
        if p is not None
    )
    return out, (*columns, "weight", WEIGHTS_IN_LABELS)


def level_points(cell: CellValue) -> Decimal | None:
    """The points a 二级 label states ("决策 过程 (8分)"), None when it states none."""
    return _label_points(cell.text) if isinstance(cell.raw, str) else None
