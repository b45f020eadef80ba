"""A weighted result table: one line per 评价准则 with its 权重, its 评价分值 on a 100-point scale and the 加权(平均)得分 =
权重 × 分值, then a line holding the 权重 100% and the weighted total — the form of 财国合〔2019〕18号 (国际金融组织和外国政府
贷款赠款项目绩效评价管理办法: 相关性 │ 效率 │ 效果 │ 可持续性), as 四川省财政厅 publishes an ADB-loan project's result. No
自评表 header (三级指标, 年度指标值 …) is on such a sheet, so it was unread.

The columns are found by their labels; each line is read as the 河北 split is (`Indicator.own_score`: the 评价分值, the
权重 its share of 100, the 加权得分 their product — S19), the weights are held to 100 (W02) and the total to the lines'
sum (T02). The total line prints no label of a total ("项目绩效", which is a 一级指标 in many forms): it is the last line
whose 权重 is the sum of the weights above it with no 评价分值 of its own (or with one, where that 权重 is the whole, 100%
or 1: the weighted total printed again) — found by its figures, so the sheet is read as inferred and every finding is a
警告 at most, its note saying why.
"""

from __future__ import annotations

from decimal import Decimal

from ..grid import Grid
from ..model import CellValue, Indicator, SelfEvaluation
from ..numbers import HUNDRED, fmt_decimal, to_decimal
from ..values import ValueKind, parse_value
from . import headers as H
from .cells import own, own_cell, row_cells, row_labels

__all__ = ["WEIGHTED_LEVELS", "WEIGHTED_NOTE", "read_weighted_table"]

_NAME = frozenset(H.normalise_label(x) for x in ("评价准则", "评价内容", "评价指标"))
_OWN = frozenset(H.normalise_label(x) for x in ("评价分值", "单项指标得分"))
_SCORE = frozenset(H.normalise_label(x) for x in ("加权平均得分", "加权得分", "单项指标折算得分", "折算得分"))

WEIGHTED_NOTE = (
    "加权评分表：各评价准则的加权得分按“权重 × 评价分值”核对，权重合计按100%核对；末行没有“合计/总分”字样，按其权重等于"
    "上方各行权重之和读作合计行（推断），据此所有结论至多为警告。",
    "a weighted result table: each criterion's weighted score checked as weight × score, the weights against 100%; the "
    "last line prints no 合计/总分 label and was read as the total because its weight is the sum of the weights above "
    "(inferred), so every finding is a warning at most",
)

#: Why I02 (the 一级指标 产出/效益/满意度) does not apply: the form scores 评价准则, not the 10号 一级指标.
WEIGHTED_LEVELS = (
    "加权评分表按评价准则（相关性、效率、效果、可持续性，财国合〔2019〕18号）评分，不设产出、效益、满意度一级指标，未核对。",
    "a weighted result table scores 评价准则 (relevance, efficiency, effectiveness, sustainability; 财国合〔2019〕18号), "
    "not the 产出/效益/满意度 一级指标; not checked",
)


def _header(grid: Grid, r: int) -> dict[str, int] | None:
    """role → column when row r heads a weighted table: a name, a weight, a 评价分值 and a 加权得分 column."""
    cols: dict[str, int] = {}
    for c, label in row_labels(grid, r):
        bare = H.strip_brackets(H.normalise_label(label))
        role = next((k for k, words in (("name", _NAME), ("own", _OWN), ("score", _SCORE)) if bare in words), None)
        if role is None and H.match_role(label, H.INDICATOR_COLUMNS) == "weight":
            role = "weight"
        if role is not None and role not in cols:
            cols[role] = c
    return cols if {"name", "weight", "own", "score"} <= cols.keys() else None


def _number(value: object) -> Decimal | None:
    """A figure, "20%" read as 20 (a weight's share of 100)."""
    if isinstance(value, str):
        parsed = parse_value(value)
        if parsed.kind in (ValueKind.NUMBER, ValueKind.PERCENT) and parsed.number is not None and parsed.op is None:
            return Decimal(parsed.number)
        return None
    return to_decimal(value)


def read_weighted_table(grid: Grid, limit: int = 40) -> tuple[int, SelfEvaluation, list[int], int] | None:
    """(header row, the table, its lines' rows, its total line's row) of the first weighted table in the first
    `limit` rows; None when there is none, or no line whose weight is the sum of the weights above it."""
    for r in range(min(grid.n_rows, limit)):
        cols = _header(grid, r)
        if cols is None:
            continue
        lines: list[int] = []
        weights = Decimal(0)
        for i in range(r + 1, grid.n_rows):
            if not row_cells(grid, i):
                continue
            weight = _number(own(grid, i, cols["weight"]))
            if not isinstance(own(grid, i, cols["name"]), str) or weight is None:
                return None  # the lines end before a total line: no total to read
            whole = weight in (HUNDRED, 1)  # the whole weight: a total line even when it prints the 评价分值 too
            if lines and weight == weights and (whole or _number(own(grid, i, cols["own"])) is None):
                return r, _table(grid, cols, lines, i), lines, i
            lines.append(i)
            weights += weight
        return None
    return None


def _share(cell: CellValue, fractions: bool) -> CellValue:
    """A 权重 printed "20%" read as 20, its share of the 100 points — as 河北's 权重占比(%) prints it — so the weight and
    split checks compute with it; the cell and its place are kept. With `fractions` (the total line's 权重 is 1: an
    Excel cell formatted as a percentage holds 0.2 for 20%), 0.2 is read as 20 likewise."""
    if isinstance(cell.raw, str):
        parsed = parse_value(cell.raw)
        if parsed.kind is ValueKind.PERCENT and parsed.number is not None and parsed.op is None:
            return CellValue(
                cell.raw.strip().rstrip("%％").strip(), cell.sheet, cell.r, cell.c, cell.anchor, cell.formula
            )
    value = _number(cell.raw) if fractions else None
    if value is not None:
        return CellValue(fmt_decimal(value * HUNDRED), cell.sheet, cell.r, cell.c, cell.anchor, cell.formula)
    return cell


def _table(grid: Grid, cols: dict[str, int], lines: list[int], total: int) -> SelfEvaluation:
    """The lines as scored indicators (the 河北 split's reading: `own_score`), the total line as the 总分 row."""
    blank = CellValue(None)
    fractions = _number(own(grid, total, cols["weight"])) == 1  # 0.2 │ 0.5 │ … over a total line of 1
    indicators = tuple(
        Indicator(
            level1=blank,
            level2=blank,
            name=own_cell(grid, i, cols["name"]),
            target=blank,
            actual=blank,
            weight=_share(own_cell(grid, i, cols["weight"]), fractions),
            score=own_cell(grid, i, cols["score"]),
            deviation=blank,
            own_score=own_cell(grid, i, cols["own"]),
        )
        for i in lines
    )
    return SelfEvaluation(
        kind="project",
        sheet=grid.name,
        indicators=indicators,
        total_weight=_share(own_cell(grid, total, cols["weight"]), fractions),
        total_score=own_cell(grid, total, cols["score"]),
        columns=("name", "weight", "score", "own_score"),
    )
