"""自评表 (项目支出 / 部门整体支出绩效自评表, 财预〔2020〕10号 附1 layout and its variants) → SelfEvaluation.

Rows are read in order; header rows (funds, goals, 绩效指标) switch what the following rows mean.
Merged and blank-continuation 一级/二级 cells are forward-filled; blank and "……" rows are skipped;
rows that fit nowhere become LAYOUT_UNMAPPED_ROW findings.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import unicodedata
from dataclasses import field
from decimal import Decimal
from typing import Any

from ..grid import Grid
from ..labels import is_execution_rate_name
from ..model import (
    PLACED_DEVIATION,
    REMARK_DEVIATION,
    CellRef,
    CellValue,
    ComponentGroup,
    ComponentRow,
    Finding,
    FundsBlock,
    FundsRow,
    Goal,
    Indicator,
    Level1Heading,
    Level2Heading,
    SelfEvaluation,
    Severity,
)
from ..numbers import to_decimal, to_points
from ..patterns import lazy_compile
from ..records import record
from . import headers as H
from .breakdown import breakdown_amounts
from .cells import (
    cell_of,
    cells_of,
    empty_at,
    exact,
    first_right,
    is_number,
    merge_rows,
    own,
    row_cells,
    row_labels,
    slot_twin,
    value_at,
)
from .columns import INDICATOR_EXPECTED, INDICATOR_ORDER, place_missing, values_under_merge
from .detect import (
    RowKind,
    columns_by_role,
    cut_at_label,
    figure_pair,
    figure_value,
    header_fields,
    indicator_columns,
    spaced_field,
    year_line,
)
from .findings import missing_columns, unmapped_row, unmapped_rows
from .funds import FundsRows, inline_pairs, weight_in_header
from .indicators import (
    actual_in_unit,
    join_target,
    nature_operator,
    pair_natures,
    parse_level1,
    second_nature,
    split_nature,
)
from .label_weights import level_points, weights_in_names
from .reordered import reordered_finding
from .sheetkind import KIND_ZH as SHEET_KIND_ZH

__all__ = ["read_evaluations", "parse_level1"]


#: A 一级/二级 heading's key in `_Builder.level1`/`level2`: its label's place as the cell's slots (sheet, r, c), what
#: `str(place())` told apart, no `CellRef` nor A1 text built a heading (perf26m: ≈ 4,000 at 10,000 rows).
HeadingKey = tuple[str | None, int, int]

#: A group's subtotal row's label in the name column ("小计", "小 计", "一级指标小计", "产出指标小计"): not an indicator.
#: (Asked only of a name holding 小 and 计: compiled on first use, ≈ 7 M instructions a process that never needs it.)
_SUBTOTAL_NAME = lazy_compile(r"\s*(?:[\u4e00-\u9fff]{0,6}指标)?\s*小\s*计\s*")


@record()
class _Builder:
    """The evaluation being assembled while rows are read."""

    sheet: str
    unit_above: str = ""  # the money unit of the line above a report's table (`headers.unit_above`)
    unit_above_line: str = ""  # that line as printed (`Grid.unit_above`)
    title: CellValue | None = None
    caption: str = (
        ""  # the table's title printed outside its cells (a sheet's 页眉, a report's caption): `Grid.caption_above`
    )
    header: dict[str, CellValue] = field(default_factory=dict)
    funds_total: FundsRow | None = None
    funds_parts: list[FundsRow] = field(default_factory=list)
    funds_subtotals: list[FundsRow] = field(default_factory=list)  # `FundsBlock.subtotals` ("财政资金小计")
    funds_medium: CellValue | None = None  # `FundsBlock.medium_total` (中期资金总额 │ 449.8万)
    overview: dict[str, CellValue] = field(default_factory=dict)  # `SelfEvaluation.overview` (项目概况 │ …)
    funds_breakdown: list[CellValue] = field(default_factory=list)
    funds_ref: CellRef | None = None
    funds_unit: str | None = None
    funds_unit_cell: CellValue | None = None  # the header cell stating `funds_unit` ("资金情况 (万元)")
    funds_seen: bool = False
    header_units: dict[str, str] = field(default_factory=dict)  # `SelfEvaluation.header_units`
    goals: list[Goal] = field(default_factory=list)
    goals_seen: bool = False
    level1: dict[HeadingKey, Level1Heading] = field(default_factory=dict)  # by the label's (sheet, r, c)
    indicators: list[Indicator] = field(default_factory=list)
    indicators_seen: bool = False
    total_weight: CellValue | None = None
    total_score: CellValue | None = None
    grade: CellValue | None = None
    stated_total: CellValue | None = None
    level2: dict[HeadingKey, Level2Heading] = field(default_factory=dict)  # by the label's (sheet, r, c)
    unit_note: str | None = None
    unit_note_cell: CellValue | None = None  # the cell stating `unit_note` ("单位:元" under the title)
    columns: tuple[str, ...] = ()  # indicator roles found in the 绩效指标 header
    funds_columns: tuple[str, ...] = ()  # funds roles found in the funds header
    # the funds header's 分值 / 执行率 / 得分 cells (`FundsBlock.score_headers`)
    funds_score_headers: tuple[CellValue, ...] = ()
    funds_amount_headers: tuple[
        tuple[str, CellValue], ...
    ] = ()  # its 年初预算数 / 全年预算数 / 全年执行数 cells (`FundsBlock.amount_headers`)
    rows: list[tuple[int, str]] = field(default_factory=list)  # (row, what it was read as), for coverage
    has_total_row: bool = False
    remarks: list[CellValue] = field(default_factory=list)
    duties: list[tuple[CellValue, CellValue]] = field(default_factory=list)  # 年度履职目标 (支出项目名称, 预算金额)
    duties_unit: str = ""  # the unit its 预算金额 header states
    components: list[ComponentRow] = field(default_factory=list)  # 项目资金构成's 子项 lines (江苏 苏州市级)
    components_total: ComponentRow | None = None  # its 合计 line
    components_extra: tuple[str, ...] = ()  # headers of its further amount columns (鄂州 目标表: 2020年实际执行数 …)
    components_more: list[ComponentGroup] = field(
        default_factory=list
    )  # its further groups (湖北 支出构成), each closed
    components_label: str = ""  # what the block is called in messages ("部门总体资金情况"; "" = 项目资金构成)
    interim_funds: bool = False  # the funds header executes part of the year (1-6月执行数): a monitoring form
    period: CellValue | None = None  # the year line under the title ("( 2023 年度)")
    indicators_declared: CellValue | None = None  # "年度绩效目标 (80 分)" on the 绩效指标 header row
    funds_more: list[FundsBlock] = field(default_factory=list)  # further funds blocks (彭水: one per fund)
    boundary_guess: str = ""  # `SelfEvaluation.boundary_guess`: why the table's edge on its sheet is a guess

    @property
    def has_body(self) -> bool:
        # a 目标表 cut after its 项目预算 cost block (鄂州 2020) — or after its 年度主要任务's money (东莞 2022, components_more
        # only) — has read that block: a table, not a header alone
        return (
            self.funds_seen or self.goals_seen or self.indicators_seen or bool(self.components or self.components_more)
        )

    def build(self) -> SelfEvaluation:
        funds = None
        if self.funds_seen:
            funds = FundsBlock(
                self.funds_total,
                tuple(self.funds_parts),
                self.funds_unit or self.unit_note or self.unit_above or "万元",
                tuple(self.funds_breakdown),
                self.funds_ref,
                breakdown_amounts(self.funds_breakdown),
                self.funds_columns,
                self.funds_score_headers,
                self.funds_unit_cell,
                tuple(self.funds_subtotals),
                self.funds_medium,
                self.funds_amount_headers,
                self.unit_above_line if not (self.funds_unit or self.unit_note) and self.unit_above else "",
            )
        indicators, columns = weights_in_names(tuple(self.indicators), self.columns)
        weighted = _weights_in_percent(indicators)
        if weighted is not indicators and funds is not None:
            funds = _funds_weight_in_percent(funds)
        indicators = weighted
        return SelfEvaluation(
            kind=_kind(self),
            sheet=self.sheet,
            title=self.title,
            header=dict(self.header),
            header_units=dict(self.header_units),
            funds=funds,
            goals=tuple(self.goals),
            level1=tuple(self.level1.values()),
            indicators=indicators,
            total_weight=self.total_weight,
            total_score=self.total_score,
            grade=self.grade,
            columns=columns,
            stated_total=self._head_score(),
            level2=tuple(self.level2.values()),
            remarks=tuple(self.remarks),
            duties=tuple(self.duties),
            duties_unit=self.duties_unit,
            components=tuple(self.components),
            components_total=self.components_total,
            components_extra=self.components_extra,
            components_more=tuple(self.components_more),
            components_label=self.components_label,
            period=self.period,
            indicators_declared=self.indicators_declared,
            funds_more=tuple(self.funds_more),
            unit_line=self.unit_note_cell,
            overview=dict(self.overview),
            boundary_guess=self.boundary_guess,
        )

    def _head_score(self) -> CellValue | None:
        """The stated total, its head value "100\n98" (`detect.figure_pair`: two figures on two lines of the 自评得分
        cell) read as its second figure when the first is the table's full mark — the 分值 its 总分 row prints, else the
        weights its 一级 labels declare (with the funds line's 分值, unless a 预算执行率 row sits inside a 一级: read28)
        when every 一级 declares one — and the second no more:
        the full mark over the score. Otherwise which figure is the score is a guess: none is read (T02 says so, as
        coverage), never one taken (read27: review26d's case read the next cell's label, T02 lost)."""
        stated = self.stated_total
        pair = figure_pair(stated.text) if stated is not None and stated.raw.__class__ is str else None
        if stated is None or pair is None:
            return stated
        first, second = (to_decimal(x) for x in pair)
        full = to_points(self.total_weight.raw) if self.total_weight is not None else None
        declared = [h.declared_weight for h in self.level1.values()]
        if full is None and len(declared) >= 2 and all(d is not None for d in declared):
            funds = to_points(self.funds_total.weight.raw) if self.funds_total is not None else None
            if any(not i.level1.is_blank and is_execution_rate_name(i.name.text) for i in self.indicators):
                funds = (
                    None  # a 预算执行率 row inside a declared 一级 (银川: 项目管理(25分)): its 分值 is in that 一级's
                )
            full = sum((d for d in declared if d is not None), funds or Decimal(0))
        if full is None or first is None or second is None or first != full or second > first:
            return None
        return stated.with_raw(pair[1])


#: Labels of the explanation rows some forms print below the 总分 ("偏差大或目标未完成原因分析", "改进措施及结果应用方案").
_REMARK_LABEL = lazy_compile(r"原因|说明|改进措施|整改|存在的问题")

#: What a column header may carry besides words: a year (2021年实际实现值), a percent sign ((%)), 1-9月.
_HEADER_FIGURES = re.compile(r"(?:19|20)\d\d年?|[(（]?[%％][)）]?|\d{1,2}-\d{1,2}月")


_REMARK_HEADS = frozenset({"备注", "说明"})
#: LAYOUT_MISSING_TOTAL's message: what is missing, what it leaves unchecked and what to look at (issue 11).
_MISSING_TOTAL_ZH = (
    "绩效指标表没有“总分”行（分值与得分合计）：总分与自评等级无从复核，请核对表格是否完整（是否续在其他页）。"
)
#: A numbered item label left of the goal columns ("2.项目实施内容及过程概述"): the block's next item, no goal.
_NUMBERED_ITEM = lazy_compile(r"\s*\d+\s*[.．、]")
#: The level columns an indicator header names (一级指标 │ 二级指标): no goal row holds both.
_LEVEL_HEADER = frozenset({"level1", "level2"})
#: The columns of an indicator row that hold its data (not its 一级/二级 labels): a row holding none is no indicator.
#: (a module global: `RowKind.OTHER` asked once a row goes through Enum's `__getattr__` hook, detect's `_OTHER` note)
_OTHER = RowKind.OTHER

_DATA_ROLES = frozenset({"name", "target", "nature", "unit", "actual", "weight", "score", "deviation", "own_score"})

#: The roles an indicator row reads beyond its six cells and two levels (`_indicator`'s later fields): a table without
#: any of them (most) builds its `Indicator` with those fields None straight away.
_EXTRA_ROLES = frozenset({"nature", "unit", "progress", "forecast", "criteria", "own_score"})

#: `_Reader.ind_plan`: (the block's columns, its data roles' (role, column), its table columns, the six cells' columns
#: `cells_of` reads, the 一级 column, the 二级 column, whether an extra role is among them).
_Plan = tuple[
    dict[str, int],
    tuple[tuple[str, int], ...],
    frozenset[int],
    tuple[int | None, int | None, int | None, int | None, int | None, int | None],
    int | None,
    int | None,
    bool,
]

_INDICATOR_FIELDS = (
    "level1",
    "level2",
    "name",
    "target",
    "actual",
    "weight",
    "score",
    "deviation",
    "nature",
    "unit",
    "progress",
    "forecast",
    "criteria",
    "own_score",
    "operator",
)
_IndicatorTwin = slot_twin(Indicator, _INDICATOR_FIELDS)


def _indicator(
    level1: CellValue,
    level2: CellValue,
    name: CellValue,
    target: CellValue,
    actual: CellValue,
    weight: CellValue,
    score: CellValue,
    deviation: CellValue,
    nature: CellValue | None,
    unit: CellValue | None,
    progress: CellValue | None,
    forecast: CellValue | None,
    criteria: CellValue | None,
    own_score: CellValue | None,
    operator: CellValue | None,
) -> Indicator:
    """`Indicator(…)` with all its fields, by its slot twin (`cells.slot_twin`): one a table row."""
    ind: Any = _IndicatorTwin()  # (the twin called: `fastbuild.slot_twin`)
    ind.level1 = level1
    ind.level2 = level2
    ind.name = name
    ind.target = target
    ind.actual = actual
    ind.weight = weight
    ind.score = score
    ind.deviation = deviation
    ind.nature = nature
    ind.unit = unit
    ind.progress = progress
    ind.forecast = forecast
    ind.criteria = criteria
    ind.own_score = own_score
    ind.operator = operator
    ind.__class__ = Indicator
    return ind


def _filled(g: Grid, r: int, c: int, held: dict[int, Any]) -> CellValue:
    """`value_at(g, r, c, fill=True)` of an indicator row's cell, from the row's own value (`held`) when it has one."""
    value = held.get(c)
    if value is None and g.merged and (r, c) in g._anchor:  # a merged cell: its range's value
        return value_at(g, r, c, fill=True)
    return cell_of(g, r, c, value)  # (not held and not merged: blank, as value_at reads it)


def _data(g: Grid, r: int, cols: dict[str, int], held: dict[int, Any], role: str) -> CellValue:
    """An indicator row's cell of data role `role` (`held`: the row's own values by column); empty without one. The
    four every table has are built inline by `cells_of`."""
    c = cols.get(role)
    if c is None:
        return CellValue(None, None)
    return cell_of(g, r, c, held.get(c))


def _remark_header(grid: Grid, header_rows: tuple[int, ...], c: int) -> bool:
    """True when the column read as 偏差原因 is headed only 备注/说明 (no 原因 word): a remarks column."""
    heads = {H.strip_brackets(H.normalise_label(value_at(grid, r, c, fill=True).text)) for r in header_rows} - {""}
    return bool(heads) and heads <= _REMARK_HEADS


def _header_words_only(cells: list[tuple[int, object]]) -> bool:
    """A row of column words only ("符号 | 单位(文字描述) | 单项指标得分 | 权重占比(%)", "2021年实际实现值 | 预期2022年
    实现值"): short texts with Chinese, no figure but a year or a percent sign."""
    return bool(cells) and all(
        isinstance(v, str)
        and len(v.strip()) <= 12
        and re.search(r"[\u4e00-\u9fff]+", v) is not None  # the text perfxl.values compiles: no second compile
        and not re.search(r"\d", _HEADER_FIGURES.sub("", v))
        for _, v in cells
    )


_PERCENT_WEIGHT = lazy_compile(r"^\s*(\d+(?:\.\d+)?)\s*[%％]\s*$")


def _weights_in_percent(indicators: tuple[Indicator, ...]) -> tuple[Indicator, ...]:
    """A 权重 column printed in percent of the 100 points (四川: "20%", or 0.2 in a %-formatted number cell) read in
    points (20) — all or nothing: every weighted row so, at least two, adding up to 50–100 %. Read as 0.2, a score
    of 20 was "above its weight" on every row."""
    points: list[Decimal | None] = []
    for ind in indicators:
        raw = ind.weight.raw
        if ind.weight.is_blank:
            points.append(None)
        elif isinstance(raw, str) and (m := _PERCENT_WEIGHT.match(raw)):
            points.append(Decimal(m.group(1)))
        elif not isinstance(raw, (str, bool)) and (share := to_decimal(raw)) is not None and 0 < share <= 1:
            points.append(share * 100)
        else:
            return indicators
    given = [p for p in points if p is not None]
    if len(given) < 2 or not Decimal(50) <= sum(given, Decimal(0)) <= Decimal("100.5"):
        return indicators
    return tuple(
        ind if p is None else dataclasses.replace(ind, weight=dataclasses.replace(ind.weight, raw=p))
        for ind, p in zip(indicators, points, strict=True)
    )


def _funds_weight_in_percent(funds: FundsBlock) -> FundsBlock:
    """The funds rows' 权重 "10%" read as 10 points where the indicators' 权重 column is read in percent of the 100
    (`_weights_in_percent`): the same column, the same reading. Read as no weight, W03 said "表中没有预算执行率分值" and
    summed the indicators' 90 against 100 — a certain 错误 on a table whose 10% + 90% make the 100 (probe23)."""

    def points(row: FundsRow) -> FundsRow:
        raw = row.weight.raw
        if isinstance(raw, str) and (m := _PERCENT_WEIGHT.match(raw)):
            return dataclasses.replace(row, weight=dataclasses.replace(row.weight, raw=Decimal(m.group(1))))
        return row

    total = points(funds.total) if funds.total is not None else None
    parts = tuple(points(p) for p in funds.parts)
    if total is funds.total and all(a is b for a, b in zip(parts, funds.parts, strict=True)):
        return funds
    return dataclasses.replace(funds, total=total, parts=parts)


#: What a row the reader could not map is told to be in while its table's kind is unknown ("自评表中…") (`_Reader._name_unmapped`).
_UNMAPPED_IN = "自评表"


def _kind(b: _Builder) -> str:
    """The form: 申报表/监控表 by title, sheet name or columns; else project vs department, from the
    title, then the sheet name, then the header fields."""
    title = b.title.text if b.title else b.caption  # no title row: the one printed in the 页眉 or above the table
    form = form_kind(title, b.sheet, b.columns, interim=b.interim_funds)
    if form:
        return form
    for text in (title, b.sheet):
        label = H.normalise_label(text)
        if ("项目" in label and "自评" in label) or label.startswith("项目支出"):
            return "project"
        if "部门整体" in label or "整体支出" in label or "部门(单位)整体" in label:
            return "department"
    if "项目名称" in b.header:
        return "project"
    return "department" if "预算单位名称" in b.header else "project"


#: 绩效跟踪 is 绩效运行监控 by another name ("项目绩效跟踪表", "绩效目标执行情况跟踪表"); a project's 跟踪审计 is not.
_TRACKING = ("跟踪表", "绩效跟踪", "运行跟踪", "跟踪监控")


def form_kind(title: str, sheet: str, columns: tuple[str, ...], *, interim: bool = False) -> str:
    """ "declaration" (绩效目标申报表 / a target-setting table), "monitoring" (执行监控表) or "" (a 自评表);
    `interim`: the funds block executes part of the year (1-6月执行数), which only a monitoring form does."""
    for text in (title, sheet):
        label = H.normalise_label(text)
        if "自评" in label:
            return ""
        if "监控" in label or any(w in label for w in _TRACKING):
            return "monitoring"
        # "绩效目标表(一般公共预算资金)": the bracket names the money, the table is still a 目标表 (陕西 陈仓 2023)
        # "…绩效目标批复表" (东莞, 黄石): the finance bureau's approval of the targets — a 目标表 still
        if "申报" in label or H.strip_brackets(label).endswith(("目标表", "目标批复表")):
            return "declaration"
    if interim or (columns and {"progress", "forecast"} & set(columns)):
        return "monitoring"
    if columns and "target" in columns and not {"actual", "weight", "score"} & set(columns):
        return "declaration"
    return ""


class _Reader(FundsRows):
    """Walks the rows of one sheet (outside any 基础数据表) and builds evaluations."""

    def __init__(self, grid: Grid, kinds: list[RowKind]) -> None:
        self.grid = grid
        self.kinds = kinds
        #: the grid's row scans (`row_cells`' own cache, filled for every row by `read_sheet`'s `scan_rows`): an indicator
        #: row reads its cells from it without the call (perf27r)
        self.scans: dict[int, list[tuple[int, Any]]] = grid.__dict__.setdefault("_perfxl_row_cells", {})
        self.merge_rows: tuple[dict[int, set[int]], dict[int, set[int]]] | None = None
        self.out: list[SelfEvaluation] = []
        self.problems: list[Finding] = []
        self.cur = _Builder(grid.name, H.unit_above(grid), grid.unit_above, caption=grid.caption_above)
        self.state = "pre"
        self.funds_cols: dict[str, int] = {}
        self.funds_header_row = -1
        self.funds_declared_weight: CellValue | None = None
        self.pair_col = -1  # the 年度 column of a 申报表's label | amount funds pairs
        self.plan_cols: dict[str, tuple[int, int]] = {}
        self.breakdown_mode = False
        self.goal_cols: dict[str, int] = {}
        self.goal_label: tuple[int, str] | None = None  # (column, label) of the goals block's first cell
        #: the goals header names its two columns and no row label (│ 中期目标 │ 年度目标, the block's label 总体目标 on the
        #: text row below): that row is the goal, not a new block
        self.goal_unlabelled = False
        self.ind_cols: dict[str, int] = {}
        #: what every indicator row asks of the columns (`_Plan`), derived once per block of rows (`_plan_of`), not once a
        #: row
        self.ind_plan: _Plan | None = None
        self.ind_header_row = -1
        self.project_col: int | None = None  # a list form's 项目名称 column in the indicator header (`_project_column`)
        self.carry: dict[str, CellValue | None] = {"level1": None, "level2": None}
        self.level1_open: HeadingKey | None = None  # the 一级 heading whose rows are being read (`cur.level1`'s key)
        self.level2_open: HeadingKey | None = None  # the 二级 heading whose rows are being read (`cur.level2`'s key)
        self.level2_copies = False  # every row of it so far repeats its figure as the row's own weight
        # the merged anchor (row, col) each carried 一级/二级 label was read from: a row inside that merge needs no
        # new CellValue to learn that it continues the same label (one per row of a 10,000-row table)
        self.carried_at: dict[str, tuple[CellValue, tuple[int, int]]] = {}
        self.indicator_rows = 0
        self.tables: list[tuple[SelfEvaluation, list[tuple[int, str]], bool]] = []  # (table, rows read, total row)
        self.outside: list[tuple[int, str]] = []  # rows read outside any table (notes, unread)
        self._unmapped_run: _UnmappedRun | None = None  # the rows the last LAYOUT_UNMAPPED_ROW covers
        self._table_problems = 0  # where the problems of the table being read begin (`_name_unmapped`)
        # the repeated header last asked about split two tables on the full mark `_whole_below` assumed (no 总分 row
        # printing its 分值): the edge between them is a guess (`_Builder.boundary_guess`, read27)
        self._assumed_split = False

    # -------------------------------------------------------------- flow
    def close(self) -> None:
        if self.cur.has_body:
            self._check_complete()
            ev = self.cur.build()
            self._name_unmapped(ev.kind)
            self.out.append(ev)
            self.tables.append((ev, self.cur.rows, self.cur.has_total_row or self.cur.total_score is not None))
            if ev.goals and not (
                self.cur.funds_seen or self.cur.indicators_seen or self.cur.components or self.cur.components_more
            ):
                self._goals_only(ev)
        elif self.cur.title is not None or self.cur.header:
            self.outside.extend(self.cur.rows)
            ref = self.cur.title.place() if self.cur.title else next(iter(self.cur.header.values())).place()
            self.problems.append(
                Finding(
                    "LAYOUT_NO_TABLE",
                    Severity.WARNING,
                    ref,
                    "找到了表头（标题或项目名称等），但其下没有资金、目标或绩效指标表格。",
                    "Found a title or header fields, but no funds, goals or indicator table below them.",
                )
            )
        self.cur = _Builder(self.grid.name, H.unit_above(self.grid), self.grid.unit_above, unit_note=None)
        self.state = "pre"
        self._table_problems = len(self.problems)

    def _name_unmapped(self, kind: str) -> None:
        """The rows a 申报表 or 监控表 left unread, told as a 自评表's while its kind was unknown (its title, sheet name
        or columns tell it only when the table is built): named as the table read ("绩效目标申报表中第 5–6 行…"), not
        as a 自评表 the file does not hold (polish14)."""
        name = SHEET_KIND_ZH.get(kind) if kind in ("declaration", "monitoring") else None
        if name is None:
            return
        for i in range(self._table_problems, len(self.problems)):
            f = self.problems[i]
            if f.code == "LAYOUT_UNMAPPED_ROW" and f.message.startswith(_UNMAPPED_IN + "中"):
                named = dataclasses.replace(
                    f,
                    message=name + f.message.removeprefix(_UNMAPPED_IN),
                    message_en=f.message_en.replace("(自评表)", f"({name})"),
                )
                if self._unmapped_run is not None and self._unmapped_run.finding is f:
                    self._unmapped_run = dataclasses.replace(self._unmapped_run, finding=named)
                self.problems[i] = named

    def _goals_only(self, ev: SelfEvaluation) -> None:
        """A 自评表 whose head and 年度总体目标 are all there is (大英 2022: the next table's head, cut after 预算执行情况(10分)):
        its goals are read, and its missing funds and 绩效指标 said as a table not there — never read as one that is."""
        if ev.kind in ("declaration", "monitoring") or ev.title is None:
            return  # (goals under no title of their own continue a form read above: 阳泉 申报表's 总体目标)
        ref = ev.title.place()
        self.problems.append(
            Finding(
                "LAYOUT_NO_TABLE",
                Severity.WARNING,
                ref,
                "找到了表头和年度总体目标，但其下没有资金或绩效指标表格（表格可能不完整）：预算执行与绩效指标未检查。",
                "Found a title and the year's goals, but no funds or indicator table below them (the table may be cut "
                "short): execution and indicators not checked.",
            )
        )

    def new_if(self, condition: bool) -> None:
        if condition:
            self.close()

    def mark(self, r: int, what: str) -> None:
        """Record what row r was read as (coverage: runs of rows by kind)."""
        self.cur.rows.append((r, what))

    @property
    def _last_row_read(self) -> str:
        """What the table's last non-blank row was read as ("" before any)."""
        return next((what for _, what in reversed(self.cur.rows) if what != "blank"), "")

    def run(self, rows: list[int], headerless: tuple[int, dict[str, int]] | None = None, header: int = -1) -> None:
        """Read `rows`; `headerless` (row, columns): a 绩效指标 fragment without its header begins at that row, its
        columns recognised from their contents (layout.fragment.template_columns); `header`: the row of a partial
        header above it (layout.scoring_sheet), read as the table's header."""
        blank = RowKind.BLANK  # (a member read once, not once a row: detect's `_OTHER` note)
        for r in rows:
            if r == header:
                self.mark(r, "header")
                continue
            if headerless is not None and r == headerless[0]:
                self._start_headerless(*headerless)
            kind = self.kinds[r]
            if kind is blank:
                if self.cur.has_body or self.cur.title is not None:
                    self.mark(r, "blank")
                continue
            if (
                kind is _OTHER
                and self.state == "indicators"
                and not self.cur.has_total_row
                and r != self.ind_cols.get("_subheader")
            ):  # a data row inside a 绩效指标 block (most rows of a long table): where `_row`'s chain takes it
                what = self._indicator_row(r)  # (read first: a project's new table replaces `cur`)
                self.cur.rows.append((r, what))  # (`mark`, without its call a row)
                continue
            self._row(r, kind)
        self.close()

    def _row(self, r: int, kind: RowKind) -> None:
        mark = self.mark
        if self.state != "indicators":  # the head and funds part only: no per-row cost over a long 绩效指标 block
            self._overview_texts(r)
        if self.state != "indicators" and (across := self._across_row(r)):
            mark(r, across)  # 泸县: 总体资金情况 │ 预算支出总额 │ 基本支出 … │ 项目支出 … over one line of figures
            return
        if kind is RowKind.TITLE_EVALUATION:
            self.new_if(self.cur.has_body or self.cur.title is not None)
            self._drop_foreign_unit_note(r)
            cells = row_cells(self.grid, r)
            self.cur.title = value_at(self.grid, r, cells[0][0])
            self._unit_note(r)
            mark(r, "title")
            return
        if kind is RowKind.HEADER_FIELD or (
            kind is RowKind.TOTAL and self.state == "pre" and not self.cur.has_body and header_fields(self.grid, r)
        ):
            # (a 总分 label in the head beside its fields — 重庆's "主管部门 │ … │ 自评总分(分) │ 97.6", read28 — is the
            # score the unit states: no table's 总分 row stands above its body)
            self.new_if(self.cur.has_body)
            self._header_fields(r)
            mark(r, "header")
            return
        if kind is RowKind.FUNDS_HEADER and self.state == "funds" and self._detail_header(r):
            # 支出明细预算 │ 项 目 │ … under the funds block (湘阴 2022): the same table's money, split by item
            mark(r, "header")
            return
        pairs = kind is RowKind.FUNDS_HEADER and self.state == "pre" and inline_pairs(self.grid, r) is not None
        if pairs and self._plan_pairs_row(r):  # 预算数 │ 6.84 │ 执行数 │ 6.84: the money as pairs, not a header
            mark(r, "funds")
            return
        if kind is RowKind.FUNDS_HEADER:
            # a funds block under the indicators, before their 总分 (adv27: templates print it after them; the 总分
            # under it sums both), is this table's; after a 总分, or a second funds block, another table begins
            self.new_if(self.cur.funds_seen or (self.cur.indicators_seen and self.cur.has_total_row))
            self._start_funds(r)
            mark(r, "header")
            return
        if kind is RowKind.GOALS_HEADER and (self._goal_word_as_level(r) or _weighted_goal_word_scored(self.grid, r)):
            kind = RowKind.OTHER  # 二级指标 "绩效目标" (财预〔2020〕10号 决策) inside the table: an indicator row
        if kind is RowKind.GOALS_HEADER and self._goal_label_repeated(r):
            kind = RowKind.OTHER  # 年度总体目标 | the goal text: the block's label repeated by a merge exported filled
        if kind is RowKind.GOALS_HEADER and self.goal_unlabelled and self.state == "goals" and not self.cur.goals:
            kind = (
                RowKind.OTHER
            )  # 总体目标 │ text │ text under │ 中期目标 │ 年度目标: the goal row (`_labelled_goal_below`)
        if kind is RowKind.GOALS_HEADER:
            self.new_if(self.cur.indicators_seen or self.cur.goals_seen)
            self._start_goals(r)
            mark(r, "goal" if self.cur.goals else "header")
            return
        if kind is RowKind.INDICATOR_HEADER:
            if self._header_again(r):
                self.ind_header_row = r
                mark(r, "header")
                return
            if self._page_break_header(r):
                # a repeated two-row header (吉林 评价表: 采集数据项 over 数据项1 │ 数据项2 before each 一级) brings its
                # second row again, under the header's merged 一级/二级/三级 cells: header too, not an indicator
                self.ind_header_row = r
                mark(r, "header")
                return
            if self._next_goal_block(r):
                # 湖北: 年度绩效目标1(40分) … 年度绩效目标2(40分) — the same header again, one table, one 总分
                self._start_indicators(r, report_missing=False)
                mark(r, "header")
                return
            guess = self._edge_guess(r) if self.cur.indicators_seen else ""
            if self._assumed_split:
                self.cur.boundary_guess = guess
            self.new_if(self.cur.indicators_seen)
            self._start_indicators(r)
            self.cur.boundary_guess = guess
            mark(r, "header")
            return
        if self.cur.has_total_row and self._remark_row(r):
            mark(r, "note")  # 偏差大或目标未完成原因分析 | …, 改进措施 | … below the 总分: read as the table's remarks
            return
        if self.state != "indicators" and (duty := self._duties_row(r)):
            mark(r, duty)  # 年度履职目标 │ 支出项目名称 │ 预算金额 (福建 部门整体支出绩效目标表)
            return
        if self.state != "indicators" and (part := self._components_row(r)):
            mark(r, part)  # 项目资金构成 │ 子项名称 │ 预算数 │ 实际数, then its 子项 and 合计 (江苏 苏州市级 自评表)
            return
        if self.state in ("pre", "lines") and (line := self._line_funds_row(r)):
            mark(r, line)  # 苏州: 市级预算执行情况 / 市级财政资金使用情况 │ headers over one line of figures
            return
        if self.state in ("pre", "stack") and (stacked := self._stacked_row(r)):
            mark(r, stacked)  # 彭水: 年度预算资金总额: │ 1084.25 over 其中:中央补助 │ 668.00 …, one block per fund
            return
        if self.state in ("pre", "plan") and self._plan_pairs_row(r):
            mark(r, "funds")  # 岳阳 自评报告: 计划安排资金 │ 170 │ 实际到位资金 │ 170 │ 实际支出 │ 179.6 │ 结余 │ 0
        elif self.state in ("pre", "split") and self._split_pairs_row(r):
            mark(r, "funds")  # 四川 区域 自评表: 转移支付预算数(A) │ 5.8万 over 转移支付执行数(B) │ 5.8万
        elif self.state in ("pre", "pairs") and self._pair_funds_row(r):
            mark(r, "funds")  # 申报表 项目资金 | 中期资金总额 | 900 | 年度资金总额 | 300
        elif self.state == "funds" and kind is RowKind.TOTAL and self.cur.indicators_seen:
            self.state = "indicators"  # the 总分 under a funds block printed after the indicators: theirs (adv27)
            self._total_row(r)
            mark(r, "total")
        elif self.state == "funds":
            mark(r, self._funds_row(r, kind) or "funds")
        elif self.state == "goals":
            mark(r, "goal" if self._goal_row(r) else "unread")
        elif self.state == "indicators":
            if r == self.ind_cols.get("_subheader"):
                mark(r, "header")
            elif kind is RowKind.TOTAL:
                self._total_row(r)
                mark(r, "total")
            elif kind is RowKind.GRADE:
                self._grade_row(r)
                mark(r, "grade")
            elif kind is RowKind.NOTE:
                self.state = "after"
                mark(r, "note")
            else:
                mark(r, self._indicator_row(r))
        elif kind is RowKind.TOTAL and self.cur.indicators_seen and not self._total_elsewhere(r):
            self._total_row(r)
            mark(r, "total")
        elif kind is RowKind.GRADE:
            self._grade_row(r)
            mark(r, "grade")
        elif kind is RowKind.NOTE or (self.state == "pre" and self._unit_note(r)):
            if kind is RowKind.NOTE and self.state == "pre" and self.cur.period is None and year_line(self.grid, r):
                self.cur.period = value_at(self.grid, r, row_cells(self.grid, r)[0][0])  # "( 2023 年度)"
            mark(r, "note")
        elif self.state == "pre" and self._stated_total(r):
            mark(r, "total")
        else:
            self._unmapped(r, Severity.INFO if self.state in ("pre", "after", "pairs") else Severity.WARNING)
            mark(r, "unread")

    def _remark_row(self, r: int) -> bool:
        """A row below the 总分 holding a label that names an explanation (原因, 说明, 改进措施 …) and one text: the
        table's remarks, where a low 执行率 or an adjustment may be explained (F07, F08)."""
        cells = row_cells(self.grid, r)
        if len(cells) != 2 or not all(isinstance(v, str) for _, v in cells):
            return False
        label, text = H.normalise_label(cells[0][1]), cells[1][1].strip()
        if not _REMARK_LABEL.search(label) or len(label) > 24 or len(text) < 8:
            return False
        self.cur.remarks.append(value_at(self.grid, r, cells[1][0]))
        return True

    # -------------------------------------------------------------- header area
    def _overview_texts(self, r: int) -> None:
        """项目概况 │ text, 项目期 │ 1年 anywhere on the row (`H.OVERVIEW_LABELS`): kept as the table's own statements
        about itself, whatever else the row is read as (F16, F17 hold them against the funds)."""
        cells = row_cells(self.grid, r)
        for (_, v), nxt in itertools.pairwise(cells):
            key = (
                H.match_role(H.strip_brackets(H.normalise_label(v)), H.OVERVIEW_LABELS) if isinstance(v, str) else None
            )
            if key and key not in self.cur.overview and isinstance(nxt[1], str | int | float):
                self.cur.overview[key] = value_at(self.grid, r, nxt[0])

    def _drop_foreign_unit_note(self, r: int) -> None:
        """A unit line read above this table's title with another table's rows between them (乐昌 2018: 附件1's 安排表
        prints "單位:元" under its own title, then 附件2's 目标表 follows with "資金情況 (萬元)") states that table's unit,
        not this one's: dropped, so neither the amounts nor F14 take it."""
        cell = self.cur.unit_note_cell
        if cell is None or cell.sheet is None or self.cur.title is not None:
            return
        line = cell.r
        if any(len(row_cells(self.grid, i)) >= 2 for i in range(line + 1, r)):
            self.cur.unit_note = None
            self.cur.unit_note_cell = None

    def _unit_note(self, r: int) -> bool:
        for c, v in row_cells(self.grid, r):
            unit = H.money_unit_in(v)
            if unit:
                self.cur.unit_note = unit
                self.cur.unit_note_cell = value_at(self.grid, r, c)
                return True
        return False

    def _header_fields(self, r: int) -> None:
        for key, c, vc in header_fields(self.grid, r):
            label = unicodedata.normalize("NFKC", value_at(self.grid, r, c).text).replace("：", ":")
            unit = H.money_unit_in(label.partition(":")[0])  # "计划投资额(元)", "实际到位资金(万元):39.888"
            if unit:
                self.cur.header_units[key] = unit
            if vc is None:
                self.cur.header.setdefault(key, empty_at(self.grid, r, c + 1))
            elif vc == c:
                cell = value_at(self.grid, r, c)
                text = unicodedata.normalize("NFKC", cell.text).replace("：", ":")
                spaced = spaced_field(cell.raw)
                value = cut_at_label(text.split(":", 1)[1].strip()) if ":" in text else spaced[1] if spaced else ""
                self.cur.header[key] = cell.with_raw(value or None)
            else:
                cell = value_at(self.grid, r, vc)
                raw = cell.raw
                # "某县人社局 负责人：李四" in the value's own cell: the name ends at the next field's label (read24)
                cut = cut_at_label(raw) if raw.__class__ is str else raw
                self.cur.header[key] = cell if cut is raw else cell.with_raw(cut or None)
        stated = self.cur.header.get("自评得分")
        if stated is not None and self.cur.stated_total is None and not stated.is_blank:
            self.cur.stated_total = stated  # the head's 自评得分 is the total the unit states, as "项目总得分99.41分"

    # -------------------------------------------------------------- goals
    def _start_goals(self, r: int) -> None:
        self.cur.goals_seen = True
        self.state = "goals"
        first = row_cells(self.grid, r)[:1]
        self.goal_label = (first[0][0], H.normalise_label(first[0][1])) if first else None
        self.goal_cols = _goal_columns(self.grid, r)
        self.goal_unlabelled = False
        if {"expected", "actual"} <= self.goal_cols.keys():
            return
        cells = row_cells(self.grid, r)
        labels = [c for c, v in cells[1:] if isinstance(v, str) and _GOAL_COLUMN_LABEL.fullmatch(H.normalise_label(v))]
        below = self._next_data_row(r)
        texts_below = below is not None and all(
            isinstance(self.grid.raw(below, c), str) and len(self.grid.raw(below, c)) > 12 for c in labels
        )
        if len(labels) == 2 and len(cells) == 3 and texts_below:
            # 申报表 总体目标 | 中期目标（2024年—2026年） | 年度目标, 监控表 年度总体目标 | 全年目标 | 1-7月执行情况: a header
            # row naming its two columns; the goal texts are on the rows below
            self.goal_cols = {"expected": labels[0], "actual": labels[1]}
            return
        if len(cells) == 2 and self._labelled_goal_below(r, below, cells):
            # 阳泉 申报表 2021: │ 中期目标 │ 年度目标 over 总体目标 │ text │ text — the block's label printed on the text
            # row (its merge down lost). Before, that row began a second goals block, read as a 自评表 of its own whose
            # G02 called the 年度目标 the 实际完成情况 (read22a)
            self.goal_cols = {"expected": cells[0][0], "actual": cells[1][0]}
            self.goal_unlabelled = True
            return
        rest = [c for c, v in cells[1:]]
        if rest:
            expected = value_at(self.grid, r, rest[0])
            # the expected text's merge exported filled (年度总体目标 │ text │ text │ text │ other text): its copies in the
            # columns right after it are no 实际完成情况 — the first other cell is (all copies: the second one, as before)
            copies = 1
            while (
                copies < len(rest)
                and rest[copies] == rest[copies - 1] + 1
                and self.grid.raw(r, rest[copies]) == self.grid.raw(r, rest[0])
            ):
                copies += 1
            second = rest[copies] if copies < len(rest) else rest[1] if len(rest) > 1 else None
            actual = (
                value_at(self.grid, r, second)
                if second is not None
                else CellValue.of(None, self.grid.ref(r, rest[0] + 1))
            )
            self.cur.goals.append(Goal(expected, actual))

    def _labelled_goal_below(self, r: int, below: int | None, cells: list[tuple[int, Any]]) -> bool:
        """Row r holds only two goal column labels (中期目标 │ 年度目标, 全年目标 │ 1-7月执行情况) and the row below is
        the block's label (a goals word left of both columns) with goal texts under the labels — one may be blank (a
        cut copy loses it, or the filer left it), nothing else."""
        if below is None or any(
            not (isinstance(v, str) and _GOAL_COLUMN_LABEL.fullmatch(H.normalise_label(v))) for _, v in cells
        ):
            return False
        lo, hi = cells[0][0], cells[1][0]
        under = row_cells(self.grid, below)
        if not under or under[0][0] >= lo or not isinstance(under[0][1], str) or not _is_goals_word(under[0][1]):
            return False
        texts = dict(under[1:])
        return (
            bool(texts) and texts.keys() <= {lo, hi} and all(isinstance(v, str) and len(v) > 12 for v in texts.values())
        )

    def _goal_label_repeated(self, r: int) -> bool:
        """A row of the goals block whose first cell repeats the block's label (年度总体目标 merged down, exported
        filled) and names no goal column (预期目标/实际完成情况): the goal texts, not a new goals header."""
        if self.state != "goals" or self.goal_label is None:
            return False
        first = row_cells(self.grid, r)[:1]
        if not first or (first[0][0], H.normalise_label(first[0][1])) != self.goal_label:
            return False
        # the label itself may name a column ("年度总体目标完成情况" is also the 实际完成情况's name): only the others count
        named = {role for role, c in _goal_columns(self.grid, r).items() if c != first[0][0]}
        return not {"expected", "actual"} & named

    def _goal_row(self, r: int) -> bool:
        ec, ac = self.goal_cols.get("expected"), self.goal_cols.get("actual")
        if ec is None or ac is None:
            self._unmapped(r, Severity.WARNING)
            return False
        lo, hi = sorted((ec, ac))
        cells = row_cells(self.grid, r)
        if len(cells) > 2 and cells[0][0] < lo and len({str(v) for _, v in cells}) == 1:
            return True  # "项目支出绩效指标表" merged across the table, exported filled: a line over it, no goal
        if (
            len(cells) == 1
            and cells[0][0] <= lo
            and self.grid.anchor_of(r, hi) == (r, cells[0][0])
            and not self._goal_follows(r, lo, hi)
        ):
            # one text merged across both goal columns — 岳阳 自评报告's "项目绩效定量目标(指标)及完成情况" under its
            # 预期目标 │ 实际完成: the next section's title, not a goal whose 实际完成 was left blank (exported filled, its
            # copies cannot be told from a goal and an achievement printing one text: read as a goal, G02's to judge).
            # With a goal row below it ("目标2：…" printed across both columns, "目标3：… │ " under it) it is a goal.
            self._unmapped(r, Severity.INFO)
            self.state = "after"
            return False
        if any(isinstance(v, str) and _NUMBERED_ITEM.match(v) for c, v in cells if c < lo):
            # 四川: 项目基本情况 │ 1.项目年度目标完成情况 (the goals) over 2.项目实施内容及过程概述 │ text — the block's next item
            self._unmapped(r, Severity.INFO)
            self.state = "after"
            return False
        if columns_by_role(self.grid, r, H.INDICATOR_COLUMNS).keys() >= _LEVEL_HEADER:
            # 临河 2022: 一级指标 │ 二级指标 │ 三级指标 │ 年度目标指标值, a header perfxl cannot read (the copy ends before
            # its other columns): the indicators begin, the goals end — their rows are not 总体目标 left unfilled (G01)
            self._unmapped(r, Severity.INFO)
            self.state = "after"
            return False
        first = [(c, v) for c, v in row_cells(self.grid, r, lo, hi)]
        second = [(c, v) for c, v in row_cells(self.grid, r, hi)]
        left = value_at(self.grid, r, first[0][0]) if first else empty_at(self.grid, r, lo)
        right = value_at(self.grid, r, second[0][0]) if second else empty_at(self.grid, r, hi)
        extra = first[1:] + second[1:]
        if left.is_blank and right.is_blank:
            return True
        expected, actual = (left, right) if ec < ac else (right, left)
        self.cur.goals.append(Goal(expected, actual))
        if extra:
            self._unmapped(r, Severity.INFO, cols=[c for c, _ in extra])
        return True

    def _goal_follows(self, r: int, lo: int, hi: int) -> bool:
        """The next written row below r is a goal row of the block: a plain data row with its own text in the 预期目标
        column, apart from the 实际完成 column's cell (review21t: a goal printed across both columns between two goals
        does not end the block, the goals under it are read)."""
        nxt = self._next_data_row(r)
        if nxt is None or self.kinds[nxt] is not RowKind.OTHER:
            return False
        cells = row_cells(self.grid, nxt)
        first = [c for c, v in cells if c <= lo and isinstance(v, str) and v.strip()]
        return bool(first) and self.grid.anchor_of(nxt, hi) != (nxt, first[0])

    # -------------------------------------------------------------- indicators
    def _next_data_row(self, r: int) -> int | None:
        """The first non-blank row below r, or None."""
        return next((i for i in range(r + 1, len(self.kinds)) if self.kinds[i] is not RowKind.BLANK), None)

    def _level_name(self, r: int) -> str | None:
        """The 一级 label written in row r's own 一级 cell (simplified, without its declared weight), or None."""
        c = self.ind_cols.get("level1")
        value = own(self.grid, r, c) if c is not None else None
        return parse_level1(value_at(self.grid, r, c)).name if value is not None and c is not None else None

    def _row_that_follows(self, r: int) -> int | None:
        """The next data row when it goes on with the indicators (no total, grade or new header), else None."""
        nxt = self._next_data_row(r)
        ends = (RowKind.TOTAL, RowKind.GRADE, RowKind.INDICATOR_HEADER)
        return nxt if nxt is not None and self.kinds[nxt] not in ends else None

    def _block_subtotal(self, r: int) -> bool:
        """Row r's 分值 is the indicator block's: the sum of the weights below it, or 100 less the funds block's
        分值 (保山: 90 beside 预算执行率 10, the table cut short below) — a half-filled row whose 20 is neither
        stays an indicator, its blank name reported."""
        wc = self.ind_cols.get("weight")
        if wc is None or self._row_that_follows(r) is None:
            return False
        held = to_points(own(self.grid, r, wc))
        below, i = Decimal(0), r + 1
        while i < len(self.kinds) and self.kinds[i] not in (RowKind.TOTAL, RowKind.GRADE, RowKind.INDICATOR_HEADER):
            below += to_points(own(self.grid, i, wc)) or 0
            i += 1
        funds = self.cur.funds_total
        funds_weight = to_points(funds.weight.raw) if funds is not None else None
        return held == below or (funds_weight is not None and held == 100 - funds_weight)

    def _has_children(self, r: int, level: str) -> bool:
        """The row below r continues r's group: it is no total, and its 一级 cell (and, under a 二级 subtotal,
        its 二级 cell) is blank — the rows a subtotal row sums."""
        nxt = self._row_that_follows(r)
        if nxt is None:
            return False
        keys = ("level1",) if level == "level1" else ("level1", "level2")
        return all(own(self.grid, nxt, self.ind_cols[k]) is None for k in keys if k in self.ind_cols)

    def _next_goal_block(self, r: int) -> bool:
        """True when an indicator header repeats the current one (same roles in the same columns) before the
        table's 总分 row and carries a numbered block label: another 年度绩效目标 block of the same table (湖北)."""
        if self.state != "indicators" or not self.cur.indicators or self.cur.has_total_row:
            return False
        cols = {k: v for k, v in (indicator_columns(self.grid, r) or {}).items() if not k.startswith("_")}
        if not cols or any(self.ind_cols.get(k) != v for k, v in cols.items()):
            return False
        return any(isinstance(v, str) and _GOAL_BLOCK.search(H.normalise_label(v)) for _, v in row_cells(self.grid, r))

    def _header_again(self, r: int) -> bool:
        """The row right under the block's header repeating its roles in the same columns: the second row of a two-row
        header whose merged cells were exported filled (一级指标 │ 权重 │ … over 数据项1 │ 数据项2, 吉林 评价表) — header
        too, not the header of a new table."""
        if self.state != "indicators" or r != self.ind_header_row + 1 or self._last_row_read != "header":
            return False
        cols = {k: v for k, v in (indicator_columns(self.grid, r) or {}).items() if not k.startswith("_")}
        return bool(cols) and all(self.ind_cols.get(k) == v for k, v in cols.items())

    def _page_break_header(self, r: int) -> bool:
        """The indicator header repeated at a page break of a printed/PDF table: the same roles in the same
        columns, directly under the table's last indicator row (no caption or 总分 between), and the row below
        it goes on with the table — its 一级 cell blank (the group continues), a 一级 the table has not had yet, or the
        一级 of the last indicator read printed again (甘孜 2023 prints its 一级 on every row: the same group going on,
        as a blank 一级 cell says it where the label is merged or printed once — read25: the table was cut in two there,
        its weights judged as two tables'). A row repeating an earlier 一级 the table already had (产出指标 again after
        满意度指标) begins the next table, and so do rows that are a table of their own whatever 一级 they print
        (`_another_table`, review25d: 云南 永德 2022's 效益/满意度 rows stacked above it were joined to its 产出指标, a 一级
        they had not had — T02 "总分应为 145，表中为 96")."""
        self._assumed_split = False
        if self.state != "indicators" or self.cur.has_total_row or self._last_row_read != "indicator":
            return False
        cols = {k: v for k, v in (indicator_columns(self.grid, r) or {}).items() if not k.startswith("_")}
        if not cols or any(self.ind_cols.get(k) != v for k, v in cols.items()):
            return False
        nxt = self._first_row_under(r)
        name = self._level_name(nxt) if nxt is not None else None
        had = {h.name for h in self.cur.level1.values()}
        goes_on = name is None or name not in had or self._same_group(nxt, name)
        return goes_on and (nxt is None or not self._another_table(nxt))

    def _first_row_under(self, r: int) -> int | None:
        """The first data row under the header at row r, past the header's own second row (吉林 评价表: 数据项1 │ 数据项2
        under 采集数据项, its 三级指标 cell under the header's merge, or the header printed again there where the merges
        were exported filled) — read26: that row stood for the rows under a repeated header, and a first indicator named
        again under it went unseen: two stacked copies of the form were read as one (W02 "“预算绩效”的分值为 50 分，其下
        三级指标分值合计 107 分")."""
        nxt = self._next_data_row(r)
        c = self.ind_cols.get("name")
        while (
            nxt is not None
            and c is not None
            and (self.grid.anchor_of(nxt, c)[0] <= r or self.kinds[nxt] is RowKind.INDICATOR_HEADER)
        ):
            nxt = self._next_data_row(nxt)
        return nxt

    def _same_group(self, nxt: int | None, name: str) -> bool:
        """Row `nxt` prints the 一级 `name` of the last indicator read, in a table that prints its 一级 on every row:
        the group that indicator was in goes on. Where the label is merged over its group or printed on its first row
        only, a printed 一级 opens a group — one the table already had, so the next table's (review25d: a first table of
        管理指标 rows stacked on another, its header repeated and no 总分 between, was read as one; W02 said 错误
        "管理指标 的分值为 30 分，其下三级指标分值合计 38 分" of the two tables' rows). Every row's printing is seen on two
        rows of one group printing it each, among the rows read or the rows under the header."""
        if nxt is None or not self.cur.indicators:
            return False
        last = self.cur.indicators[-1]
        if last.level1.raw is None or parse_level1(last.level1).name != name or not self._own_level1(last):
            return False
        inds = self.cur.indicators
        read = any(
            self._own_level1(a) and self._own_level1(b) and a.level1.text == b.level1.text
            for a, b in itertools.pairwise(inds)
        )
        after = self._next_data_row(nxt)
        return read or (after is not None and self._level_name(after) == name)

    def _another_table(self, nxt: int) -> bool:
        """The rows under a repeated header begin the table's indicators again — row `nxt` names the table's first
        indicator — or make a whole table's weights (`_whole_below`): a table of their own, however the 一级 runs."""
        c = self.ind_cols.get("name")
        first = self.cur.indicators[0].name.text if self.cur.indicators else ""
        again = (
            c is not None
            and bool(first)
            and H.normalise_label(str(own(self.grid, nxt, c) or "")) == H.normalise_label(first)
        )
        return again or self._whole_below(nxt)

    def _whole_below(self, nxt: int) -> bool:
        """The weights of the rows from `nxt` down to the next 总分, header or note make the full mark by themselves
        (the 分值 their 总分 row prints, else the form's 100; or that less the table's 预算执行率 分值) while the rows
        read above hold weights too: the rows under the repeated header are a table of their own, not the rest of this
        one (review25d: a first table's 产出指标 rows stacked on a whole table, its 一级 printed on every row — joined,
        T02 said 错误 "总分应为 131，表中为 90" of the lower table's own 90)."""
        c = self.ind_cols.get("weight")
        if c is None or "level1_weight" in self.ind_cols:
            return False  # (a form weighting its 一级 may weigh each block's rows to 100: 吉林 评价表, its header over each)
        above = sum((w for i in self.cur.indicators if (w := to_points(i.weight.raw)) is not None), Decimal(0))
        if above <= 0:
            return False
        below, full = Decimal(0), Decimal(100)
        for r in range(nxt, len(self.kinds)):
            k = self.kinds[r]
            if k is RowKind.BLANK:
                continue
            if k is not RowKind.OTHER:
                # a 总分, a header, a note or a title: the run of rows ends — a 总分 row printing its 分值 states the
                # full mark of the rows above it (read26: a 总分 of 60 or 110 was held to the form's 100); else the
                # form's 100 is assumed (the reader has no profile)
                printed = to_points(own(self.grid, r, c)) if k is RowKind.TOTAL else None
                full = printed if printed is not None and printed > 0 else full
                break
            w = to_points(own(self.grid, r, c))
            below += w if w is not None else 0
        funds = [self.cur.funds_total, *self.cur.funds_parts]
        stated = self.cur.header.get("预算执行率权重")
        weights = [f.weight.raw for f in funds if f is not None] + ([stated.raw] if stated is not None else [])
        held = [w for v in weights if (w := to_points(v)) is not None]
        whole = below > 0 and any(below + w == full for w in (Decimal(0), *held))
        self._assumed_split = whole and printed is None
        return whole

    def _edge_guess(self, r: int) -> str:
        """Why the table beginning at the indicator header in row r has an edge that is a guess, "" when it has none:
        the split from the table above rests on the full mark assumed (`_whole_below`); the table above is a headless
        part of no 总分 whose indicator rows this header follows (the same form's rest, perhaps); or rows right above
        the header (past blanks) were left unread that carry an indicator's name and 分值 in the header's columns — the
        first block of a copy of the form printed on without its own head (吉林 评价表 stacked: the copy's 预算绩效 rows
        under the first table's notes, its other blocks read as a table without them — W02/W03/W05 错误 "一级指标标注
        分值 合计 50 分" of a table whose first block sits above it, read27). The sums over such a table are a 警告."""
        if self._assumed_split:
            return (
                f"本表与同一工作表上相邻的表格在第 {r + 1} 行（再次出现的表头）处分开，依据是其下各行分值合计为满分 100 分"
                "——表中没有打印分值的总分行，满分 100 分为推断，分界可能有误"
            )
        cur = self.cur
        if cur.title is None and not cur.header and not cur.funds_seen and not cur.has_total_row:
            rows = [i for i, what in cur.rows if what == "indicator"]
            if rows and self._last_row_read == "indicator" and not self._copy_again(r) and not self._earlier_again(r):
                # the rows above are a headless part of no 总分 (a header row of their own, no title or head): the
                # table under this header may be the same form's rest (吉林's copy with its filled second header row)
                return (
                    f"本表表头紧接在第 {rows[0] + 1}–{rows[-1] + 1} 行之后（一段没有标题、表头栏目和总分行的指标行，"
                    "可能与本表同属一表），表格起点由表头推断，合计仅就读入的行计算"
                )
        cols = indicator_columns(self.grid, r) or {}
        name, weight = cols.get("name"), cols.get("weight")
        if name is None or weight is None:
            return ""
        run: list[int] = []
        for row, what in reversed(self.cur.rows):
            if what == "blank":
                continue
            if what != "unread":
                break
            run.append(row)
        held = [i for i in run if isinstance(own(self.grid, i, name), str) and to_points(own(self.grid, i, weight))]
        if not held:
            return ""
        return (
            f"本表表头之上第 {min(held) + 1}–{max(held) + 1} 行有未读入的指标行（可能是本表未印表头的前一部分），"
            "表格起点由表头推断，合计仅就读入的行计算"
        )

    def _copy_again(self, r: int) -> bool:
        """The first row under the indicator header at row r prints a 一级 the table just read already had, or the name
        of one of its indicators: the header begins a copy of that table (the same bare table printed twice, no title or
        总分 — review27d: the copy's edge was said to be a guess, as if it were that table's rest), not its rest (吉林's
        copy goes on with 一级s and indicators the part has not had)."""
        nxt = self._first_row_under(r)
        cols = indicator_columns(self.grid, r) or {}
        if nxt is None:
            return False
        had = {h.name for h in self.cur.level1.values()}
        c = cols.get("level1")
        if (
            c is not None
            and own(self.grid, nxt, c) is not None
            and parse_level1(value_at(self.grid, nxt, c)).name in had
        ):
            return True
        c = cols.get("name")
        name = own(self.grid, nxt, c) if c is not None else None
        return (
            name.__class__ is str and bool(name.strip()) and name.strip() in {i.name.text for i in self.cur.indicators}
        )

    def _earlier_again(self, r: int) -> bool:
        """The indicator header at row r prints again, label for label, the header of a table read earlier on the sheet
        (not the headless part right above, whose header differs), and the row under it opens that table again (its
        first 一级, or its first indicator's name): the form printed again from that table on — 湖北 广水/随州's
        项目权重 │ 评价内容 │ 分值 scoring part over a second copy, under the first copy's 绩效指标 part (read28: its edge
        was said to be a guess, the copy's part read as that part's rest). 吉林's copy under its own first block goes
        on with a block the earlier copy did not open with: still a guess."""
        nxt = self._first_row_under(r)
        if nxt is None or not self.tables:
            return False
        labels = [lab for _, lab in row_labels(self.grid, r)]
        own_header = _indicator_header(self.cur.rows)
        if own_header is not None and [lab for _, lab in row_labels(self.grid, own_header)] == labels:
            return False
        first = {v.strip() for _, v in row_cells(self.grid, nxt) if isinstance(v, str) and v.strip()}
        for ev, rows, _ in self.tables:
            header = _indicator_header(rows)
            if header is None or not ev.indicators or [lab for _, lab in row_labels(self.grid, header)] != labels:
                continue
            ind = ev.indicators[0]
            if ind.name.text.strip() in first or (not ind.level1.is_blank and ind.level1.text.strip() in first):
                return True
        return False

    @staticmethod
    def _own_level1(ind: Indicator) -> bool:
        """The indicator's 一级 was printed on its own row (not carried from a merge or a row above)."""
        return ind.level1.sheet is not None and ind.name.sheet is not None and ind.level1.r == ind.name.r

    def _start_indicators(self, r: int, *, report_missing: bool = True) -> None:
        cols = indicator_columns(self.grid, r) or {}
        self.cur.indicators_seen = True
        self.state = "indicators"
        header_rows = (r, cols["_subheader"]) if "_subheader" in cols else (r,)
        cols = values_under_merge(self.grid, header_rows, second_nature(self.grid, header_rows, cols))
        placed = place_missing(self.grid, header_rows, cols, INDICATOR_ORDER, INDICATOR_EXPECTED)
        found = tuple(k for k in (*INDICATOR_ORDER, "progress", "forecast", "possibility", "criteria") if k in cols)
        by_labels = "_label_weights" in cols  # 一级 │ 二级 │ 三级 │ 自评分: the weights stand in the labels
        scoring_table = not {"target", "actual"} & set(cols) and ({"weight", "score"} <= set(cols) or by_labels)
        if scoring_table or not {"weight", "score"} & set(cols):
            # no 分值/得分 (a target-setting table or an unscored form), or no 指标值/完成值 (a scoring table:
            # 分值 | 评分标准 | 得分): those columns do not exist; none is placed right of the table and none
            # is reported missing
            absent = (
                ({"target", "actual"} | ({"weight"} if by_labels else set())) if scoring_table else {"weight", "score"}
            )
            optional = absent | {"deviation"} | ({"actual"} if "actual" not in cols else set())
            placed = {
                k: c
                for k, c in placed.items()
                if k not in optional or c < max((v for kk, v in cols.items() if not kk.startswith("_")), default=-1)
            }
        right = max((v for kk, v in cols.items() if not kk.startswith("_")), default=-1)
        sub = cols.get("_subheader", r)
        present = {k for k, c in placed.items() if c < right or _has_data(self.grid, sub + 1, c)}
        # a 偏差原因 column placed beyond the sheet's last column does not exist: it is reported missing,
        # and D01 cannot check it (never "blank" where there is no cell)
        reported, placed = placed, {k: c for k, c in placed.items() if k != "deviation" or c < self.grid.n_cols}
        self.cur.columns = found + tuple(k for k in INDICATOR_ORDER if k in present and k not in found)
        if "deviation" in cols and _remark_header(self.grid, header_rows, cols["deviation"]):
            self.cur.columns += (REMARK_DEVIATION,)
        if "deviation" in placed:  # no header cell names it: read from its position (review27v)
            self.cur.columns += (PLACED_DEVIATION,)
        self.ind_cols = {**cols, **placed}  # a column whose header is blank is still read, from its position
        for c, label in row_labels(self.grid, r):  # a second description column (具体指标 │ 评价标准): known, not read
            if c not in self.ind_cols.values() and H.match_role(label, H.INDICATOR_COLUMNS) == "criteria":
                self.ind_cols[f"criteria@{c}"] = c
        self.ind_header_row = r
        self.project_col = _project_column(self.grid, r, self.ind_cols)
        if report_missing:  # a new table's header; a repeated numbered block (湖北) declares its own share only
            self.cur.indicators_declared = _goal_block_weight(self.grid, r)
        self.carry = {"level1": None, "level2": None}
        self.indicator_rows = 0
        if reported and report_missing:
            self._missing_columns(r, reported, "绩效指标")
        if "_reordered" in cols:
            self.problems.append(reordered_finding(self.grid, r, cols["_reordered"]))

    def _start_headerless(self, r: int, cols: dict[str, int]) -> None:
        """The indicator state at row r with `cols`, as if a header row stood above it (none is printed)."""
        self.new_if(self.cur.has_body)
        self.cur.indicators_seen = True
        self.state = "indicators"
        self.cur.columns = tuple(k for k in INDICATOR_ORDER if k in cols)
        self.ind_cols = dict(cols)
        self.ind_header_row = r - 1
        self.project_col = None
        self.carry = {"level1": None, "level2": None}
        self.indicator_rows = 0

    def _indicator_row(self, r: int) -> str:
        g, cols = self.grid, self.ind_cols
        # what the block's columns say, worked out once a block, not once a row (`_plan_of`)
        plan = self.ind_plan
        if plan is None or plan[0] is not cols:
            plan = self._plan_of(cols)
        _, data_cols, table_cols, six, c_l1, c_l2, extras = plan
        c_name = six[0]  # (a data role: `own_data["name"]`, read before `own_data` is built)
        header_row = self.ind_header_row
        if c_name is not None and r > header_row:
            spot = g._anchor.get((r, c_name))  # (`g.anchor_of`: the cell itself when not merged, never above r)
            if spot is not None and spot[0] <= header_row:
                # the name column is the header's cell merged down: a second header row (符号 | 单位 | …)
                return "header"
            if r == header_row + 1 and not self.cur.indicators and _header_words_only(row_cells(g, r)):
                # the same second header row exported without its merges: no name, only column words
                return "header"
        if self.project_col is not None:
            self._project_starts(r)
        # the row is read once: its own non-blank cells as classification scanned them (`row_cells`: what `own` gives
        # for each column), each CellValue built from that value (`cell_of`) — not ≈ 15 calls a cell
        cells = self.scans.get(r)
        if cells is None:  # (a row `scan_rows` did not read: a grid read row by row)
            cells = row_cells(g, r)
        held = dict(cells)
        name_raw = None if c_name is None else held.get(c_name)
        if name_raw.__class__ is str and "计" in name_raw and "小" in name_raw and _SUBTOTAL_NAME.fullmatch(name_raw):
            # "小计" in the name column under a 一级 group, its 分值/得分 the group's sums (forms totalling each 一级,
            # adv28): no indicator — read as one it was an unnamed row scored in full twice (W02/T02/W03 错误)
            return "subtotal"
        placeholder_name = name_raw is not None and H.is_placeholder_text(name_raw)
        l1_new = None if c_l1 is None else self._level(r, "level1", c_l1, held)
        l2_new = None if c_l2 is None else self._level(r, "level2", c_l2, held)
        if l1_new is not None:
            self._add_level1(l1_new)
            self.level1_open = (l1_new.sheet, l1_new.r, l1_new.c)
            if "level1_weight" in cols:  # 一级 | 分值 | 二级 …: the 分值 beside the 一级 label is its declared weight
                self._declare_level1(l1_new, r, cols["level1_weight"])
            if l2_new is None:
                self.carry["level2"] = None
        elif "level1_weight" in cols and self.carry["level1"] is not None:
            self._level1_weight_per_row(held.get(cols["level1_weight"]))
        if l2_new is not None and "level2_weight" in cols:  # … │ 二级 │ 分值 │ …: the 二级's declared weight
            at = value_at(g, r, cols["level2_weight"])
            declared = to_points(at.raw)  # a figure stored as text ("8", "8分") declares it as well
            self.level2_open = (l2_new.sheet, l2_new.r, l2_new.c)
            if declared is not None and self.level2_open not in self.cur.level2:
                self.cur.level2[self.level2_open] = Level2Heading(l2_new, declared, at)
                self.level2_copies = "weight" in cols and to_points(held.get(cols["weight"])) == declared
        elif "level2_weight" in cols and self.carry["level2"] is not None:
            own_weight = held.get(cols["weight"]) if "weight" in cols else None
            self._level2_weight_per_row(held.get(cols["level2_weight"]), own_weight)
        elif l2_new is not None and "_label_weights" in cols:  # "决策 过程 (8分)": the 二级's points in its label
            self.level2_open = (l2_new.sheet, l2_new.r, l2_new.c)
            declared = level_points(l2_new)
            if declared is not None and self.level2_open not in self.cur.level2:
                self.cur.level2[self.level2_open] = Level2Heading(l2_new, declared, l2_new)
        has_name = name_raw is not None and not placeholder_name
        # the data roles' own values, asked only of a row without a name (most rows have one: no dict a row)
        own_data = {} if has_name else {k: held.get(c) for k, c in data_cols}
        if (
            not has_name
            and (placeholder_name or l2_new is None)
            # (its other data present: asked only of a row without a name — most rows have one)
            and not any(v is not None and not H.is_placeholder_text(v) for k, v in own_data.items() if k != "name")
        ):
            return "heading" if l1_new is not None else "blank"
        level_row = not has_name and (l1_new is not None or l2_new is not None) and self._subtotal_only(own_data)
        deepest = "level2" if l2_new is not None else "level1"
        if (
            not has_name
            and not self.cur.indicators
            and self.carry["level1"] is None
            and self._subtotal_only(own_data)
            and self._block_subtotal(r)
        ):
            # a nameless row right under the header holding only 分值/得分 (保山: | | | 90.00 | 90.00): the
            # indicator block's subtotal, not an indicator whose name is missing
            return "subtotal"
        if level_row and not self._label_merged_over_name(r) and self._has_children(r, deepest):
            # a 一级/二级 row carrying its subtotal (决策 | | | 20 | 19, tree-shaped 评分表): a heading, and a 一级
            # subtotal is that group's declared weight (W02 checks it against the rows under it)
            if l1_new is not None and l2_new is None:
                self._declare_level1(l1_new, r)
            return "heading"
        stray: list[int] = []
        if not table_cols.issuperset(held):  # (one C test a row: most rows hold nothing outside the table's columns)
            for c, _ in cells:
                if c not in table_cols:
                    stray.append(c)
        level1 = self.carry["level1"] or CellValue(None)
        level2 = self.carry["level2"] or CellValue(None)
        c_dev = six[5]
        # (a row none of whose six cells lies in a merged range — most data rows: the 一级/二级 labels merged down their
        # groups stand in other columns — looks none of them up in the merge map, `merge_rows`)
        merged = False
        if g.merged:
            continued, tops = self.merge_rows or self._merge_rows()
            cont, top = continued.get(r), tops.get(r)
            merged = (cont is not None and not cont.isdisjoint(six)) or (top is not None and not top.isdisjoint(six))
        anchors = g._anchor if merged else None
        # the row's name, target, actual, weight, score and deviation cells in one call (`cells_of`); the name and the
        # deviation read from their merge's anchor (`filled`) when the row holds none of its own there
        name_filled = c_name is not None and anchors is not None and c_name not in held and (r, c_name) in anchors
        dev_filled = c_dev is not None and anchors is not None and c_dev not in held and (r, c_dev) in anchors
        if name_filled or dev_filled:
            six = (None if name_filled else c_name, *six[1:5], None if dev_filled else c_dev)
        name, target, actual, weight, score, deviation = cells_of(g, r, six, held, merged)
        if c_name is None:
            name = CellValue(None)
        elif name_filled:
            name = _filled(g, r, c_name, held)
        if placeholder_name:
            name = CellValue(None, name.sheet, name.r, name.c, name.anchor)
        if level_row and name.is_blank:
            # 满意度 | | | 10 | 9 with nothing under it: a leaf without sub-levels, named by its own label
            name = l2_new if l2_new is not None else (l1_new or name)
        if target is None:
            target = CellValue(None, None)
        if actual is None:
            actual = CellValue(None, None)
        if weight is None:
            weight = CellValue(None, None)
        if score is None:
            score = CellValue(None, None)
        if c_dev is None:
            deviation = CellValue(None, None)
        elif dev_filled:
            deviation = _filled(g, r, c_dev, held)
        if extras:  # a nature, unit, progress, forecast, criteria or own score column: read (`_with_extras`)
            ind = self._with_extras(r, held, level1, level2, name, target, actual, weight, score, deviation)
        else:
            ind = _indicator(
                level1, level2, name, target, actual, weight, score, deviation, None, None, None, None, None, None, None
            )
        self.cur.indicators.append(ind)
        self.indicator_rows += 1
        if stray:
            self._unmapped(r, Severity.INFO, cols=stray)
        return "indicator"

    def _with_extras(
        self,
        r: int,
        held: dict[int, Any],
        level1: CellValue,
        level2: CellValue,
        name: CellValue,
        target: CellValue,
        actual: CellValue,
        weight: CellValue,
        score: CellValue,
        deviation: CellValue,
    ) -> Indicator:
        """The `Indicator` of row r with its extra roles read (`_EXTRA_ROLES`): the nature and operator joined to the
        target with the unit, the actual in the unit, and the progress, forecast, criteria and own score cells."""
        g, cols = self.grid, self.ind_cols
        nature = nature_operator(_data(g, r, cols, held, "nature")) if "nature" in cols else None
        operator = None
        if nature is not None and "nature2" in cols:  # 指标性质 │ 指标方向 (正向 │ =), either order
            second = nature_operator(_data(g, r, cols, held, "nature2"))
            assert second is not None
            nature, operator = pair_natures(nature, second)
        if nature is not None:  # 正向指标（≥）: the two in one cell (beside an operator column, its word)
            nature, own = split_nature(nature)
            operator = operator or own
        unit = _data(g, r, cols, held, "unit") if "unit" in cols else None
        if nature is not None or unit is not None:
            target = join_target(target, nature, unit, operator)
        return _indicator(
            level1,
            level2,
            name,
            target,
            actual if unit is None else actual_in_unit(actual, unit),
            weight,
            score,
            deviation,
            nature,
            unit,
            _data(g, r, cols, held, "progress") if "progress" in cols else None,
            _data(g, r, cols, held, "forecast") if "forecast" in cols else None,
            _data(g, r, cols, held, "criteria") if "criteria" in cols else None,
            _data(g, r, cols, held, "own_score") if "own_score" in cols else None,
            operator,
        )

    def _project_starts(self, r: int) -> None:
        """A project's name in the list form's 项目名称 column (its merge's first row): the project's indicators are a
        table of their own, named by it — the 四川 一体化 部门预算项目绩效目标申报表 lists every project of a 部门 in one
        sheet (单位名称 │ 项目名称 │ 预算数 │ 年度目标 │ 一级指标 │ …, held-out 21 马踏镇), and its weights add up per project
        (W03 added both projects' 90 + 60 as one table's 150)."""
        g, c = self.grid, self.project_col
        if c is None or g.anchor_of(r, c) != (r, c) or not isinstance(name := own(g, r, c), str) or not name.strip():
            return
        held = self.cur.header.get("项目名称")
        if held is not None and held.text == name.strip():
            return  # the same project's name repeated on each of its rows (an export without merges): one table still
        if self.cur.indicators:  # the next project: close the last one's table, keep the sheet's title and columns
            keep = (self.cur.title, self.cur.columns, self.cur.unit_note, self.cur.unit_note_cell)
            self.close()
            self.cur.title, self.cur.columns, self.cur.unit_note, self.cur.unit_note_cell = keep
            self.cur.indicators_seen, self.state = True, "indicators"
            self.carry = {"level1": None, "level2": None}
            self.level1_open = self.level2_open = None
        self.cur.header["项目名称"] = value_at(g, r, c)

    def _merge_rows(self) -> tuple[dict[int, set[int]], dict[int, set[int]]]:
        """The grid's `merge_rows`, kept for its rows."""
        self.merge_rows = merge_rows(self.grid)
        return self.merge_rows

    def _plan_of(self, cols: dict[str, int]) -> _Plan:
        """What every indicator row asks of the block's columns `cols`, kept (`ind_plan`) while they stay the same dict:
        the data roles' (role, column) in its order, the table columns (no "_" key), the six cells' columns `cells_of`
        reads (name, target, actual, weight, score, deviation), the 一级 and 二级 columns, and whether an extra role
        (`_EXTRA_ROLES`) is among them."""
        get = cols.get
        plan = self.ind_plan = (
            cols,
            tuple((k, c) for k, c in cols.items() if k in _DATA_ROLES),
            frozenset(v for k, v in cols.items() if not k.startswith("_")),
            (get("name"), get("target"), get("actual"), get("weight"), get("score"), get("deviation")),
            get("level1"),
            get("level2"),
            not _EXTRA_ROLES.isdisjoint(cols),
        )
        return plan

    def _level1_weight_per_row(self, own_value: object) -> None:
        """As `_level2_weight_per_row`, for the 分值 column beside the 一级 label (一级 │ 分值 │ 二级 …)."""
        key = self.level1_open
        heading = self.cur.level1.get(key) if key is not None else None
        figure = to_points(own_value)
        if heading is None or heading.declared_at is None or figure is None or figure == heading.declared_weight:
            return
        if key is not None and not heading.declared_at.same_place(
            heading.label
        ):  # not a weight in the label's own text
            self.cur.level1[key] = dataclasses.replace(heading, declared_weight=None, declared_at=None)

    def _level2_weight_per_row(self, own_value: object, own_weight: object) -> None:
        """A figure of the row's own in the 二级 分值 column under the 二级 carried from above (its label merged down or
        typed again) other than the one its first row declared (3 │ 5 under 决策过程: each row's weight): the column
        holds the rows' weights, no declaration of the 二级's — not held to them by W02 (review 11d). A merge filled
        on export repeats the declared figure and changes nothing — unless every row's figure is also that row's own
        weight (4 │ 4 over rows of 4 │ 4): then it may be the rows' weights copied, `copied` (W02 a judgement)."""
        key = self.level2_open
        heading = self.cur.level2.get(key) if key is not None else None
        figure = to_points(own_value)
        if key is None or heading is None or figure is None:
            return
        if figure != heading.declared_weight:
            del self.cur.level2[key]
            return
        self.level2_copies = self.level2_copies and to_points(own_weight) == figure
        if heading.copied != self.level2_copies:
            self.cur.level2[key] = dataclasses.replace(heading, copied=self.level2_copies)

    def _level(self, r: int, key: str, c: int, held: dict[int, Any]) -> CellValue | None:
        """Update the forward-filled 一级/二级 label `key` of column `c`; return it when this row writes a new one
        (`held`: the row's own non-blank values by column)."""
        g = self.grid
        value = held.get(c)
        if value is not None:  # written in the row itself
            cell = cell_of(g, r, c, value)
            previous = self.carry[key]
            self.carry[key] = cell
            # the label's own merge, if it heads one: the rows it continues on carry this cell (below), not an equal
            # cell of the anchor built and compared again on the merge's second row (a look-up a row, ≈ 6,000 merges at
            # 10,000 rows)
            self.carried_at[key] = (cell, (r, c))
            if previous is not None:
                before, now = previous.raw, cell.raw
                # (`previous.text == cell.text`: two texts, as most labels are, compared without the two property calls)
                if before.__class__ is str and now.__class__ is str:
                    if before.strip() == now.strip():
                        return None
                elif previous.text == cell.text:
                    return None  # a repeated label continues the same group
            return cell
        spot = g._anchor.get((r, c))  # (`g.anchor_of(r, c)`, without the call nor a default tuple)
        if spot is not None and spot[0] != r:  # inside a label merged down from a row above
            carried = self.carry[key]
            at = self.carried_at.get(key)
            if at is not None and at[0] is carried and at[1] == spot:  # (`at[0]` is a cell: `carried` is not None)
                return None  # still inside the merge the carried label came from
            anchor = value_at(g, r, c, fill=True)
            if anchor.is_blank:
                return None
            if carried is None or not carried.same_place(anchor):
                self.carry[key] = anchor
                self.carried_at[key] = (anchor, spot)
                return anchor
            self.carried_at[key] = (carried, spot)  # the label read on the merge's own first row
        return None

    def _label_merged_over_name(self, r: int) -> bool:
        """The name cell continues a label merged from its left in the same row (过程 | 预算执行率 over 二级:三级,
        or 满意度 over 一级..三级): that label names an indicator, the row is not a subtotal heading."""
        c = self.ind_cols.get("name")
        if c is None:
            return False
        ar, ac = self.grid.anchor_of(r, c)
        return ar == r and ac < c and own(self.grid, r, ac) is not None

    @staticmethod
    def _subtotal_only(own_data: dict[str, object]) -> bool:
        """Only 分值/得分 are written in the row (no target, actual, reason, nature or unit)."""
        written = {k for k, v in own_data.items() if v is not None and not H.is_placeholder_text(v)}
        return bool(written) and written <= {"weight", "score"}

    def _declare_level1(self, cell: CellValue, r: int, col: int | None = None) -> None:
        """Give a 一级 heading its subtotal row's weight (or the weight in column `col`, the 分值 printed beside
        the 一级 label) when its label declares none ("决策" | 20), with the cell that holds it (W02 points there)."""
        key = (cell.sheet, cell.r, cell.c)
        heading = self.cur.level1.get(key)
        if col is None:
            col = self.ind_cols.get("weight")
        if heading is None or col is None:
            return
        at = value_at(self.grid, r, col)
        declared = to_points(at.raw)  # a figure stored as text ("20", "20分"), as a weight is often typed
        if heading.declared_weight is not None:
            if declared == heading.declared_weight and col != self.ind_cols.get("weight"):
                # "预算绩效（50分）" │ 权重 50: the label repeats its 权重 column's figure — the weight stands in a
                # column of its own (吉林's 一级 │ 权重 layout, its rows of 100 scaled by it; review30w)
                self.cur.level1[key] = dataclasses.replace(heading, declared_at=at)
            return
        if declared is None and isinstance(at.raw, str) and (m := _PERCENT_WEIGHT.match(at.raw)):
            declared = Decimal(
                m.group(1)
            )  # "50%" of the 100 points, as `_weights_in_percent` reads a row's (review13h)
        if declared is not None:
            self.cur.level1[key] = dataclasses.replace(heading, declared_weight=declared, declared_at=at)

    def _goal_word_as_level(self, r: int) -> bool:
        """A 绩效目标 word in the 一级/二级 column of the indicator table being read, on a row with a number
        in the 分值/得分 column: an indicator group (决策 → 绩效目标 → 绩效目标合理性), not a goals header."""
        if self.state != "indicators":
            return False
        cols = self.ind_cols
        levels = {cols[k] for k in ("level1", "level2") if k in cols}
        words = [c for c, v in row_cells(self.grid, r) if isinstance(v, str) and _is_goals_word(v)]
        numbers = [own(self.grid, r, cols[k]) for k in ("weight", "score") if k in cols]
        return bool(words) and set(words) <= levels and any(is_number(exact(v)) for v in numbers if v is not None)

    def _add_level1(self, cell: CellValue) -> None:
        heading = parse_level1(cell)
        key = (cell.sheet, cell.r, cell.c)
        if key not in self.cur.level1:
            self.cur.level1[key] = heading

    # -------------------------------------------------------------- totals
    def _total_elsewhere(self, r: int) -> bool:
        """A 合计 row after the table's total was read whose figures stand in neither the 分值 nor the 得分 column (a small
        table under the form: 项目 │ 金额 … 合计 │ 60): another table's total, not a second 总分 (review 9)."""
        if not self.cur.has_total_row:
            return False
        cols = [c for c in (self.ind_cols.get("weight"), self.ind_cols.get("score")) if c is not None]
        return bool(cols) and all((v := own(self.grid, r, c)) is None or _label_only(v) for c in cols)

    def _total_row(self, r: int) -> None:
        g = self.grid

        def held(c: int | None) -> CellValue | None:
            # a label in the weight/score column ("总分(100分) | 100 | 自评等级 | 优") is not the total; other text is
            v = own(g, r, c) if c is not None else None
            return None if c is None or v is None or _total_row_label(v) else value_at(g, r, c)

        wc, sc = self.ind_cols.get("weight"), self.ind_cols.get("score")
        weight, score = held(wc), held(sc)
        if weight is None or score is None:
            label_col = next(
                c
                for c, v in row_cells(g, r)
                if isinstance(v, str) and H.is_total_label(H.strip_brackets(H.normalise_label(v)))
            )
            rest = [c for c, v in row_cells(g, r, label_col + 1) if not _label_only(v)]
            if weight is None and score is None and len(rest) >= 2:
                weight, score = value_at(g, r, rest[0]), value_at(g, r, rest[1])
            elif weight is None and score is None and len(rest) == 1:
                blank = _score_slot_after(g, r, rest[0])
                if blank is not None and to_points(exact(own(g, r, rest[0]))) == 100:
                    # 总分 │ 100 │ 得分 │ (blank): the figure is the full mark, the score unfilled; any other figure there
                    # ("总分 │ 95 │ 得分 │ ") is the score typed before its label — read as a 分值 of 95 it was W03's
                    # certain 错误 "总分行的分值应为 100" on a position's guess (review13w)
                    weight, score = value_at(g, r, rest[0]), empty_at(g, r, blank)
                else:
                    score = value_at(g, r, rest[0])
        for c, v in row_cells(g, r):  # "… | 自评等级 | 优" or "(自评等级：优)" on the total row itself
            if isinstance(v, str) and H.normalise_label(v) in H.GRADE_LABELS and self.cur.grade is None:
                nxt = first_right(g, r, c)
                self.cur.grade = value_at(g, r, nxt[0]) if nxt else None
            elif isinstance(v, str) and self.cur.grade is None and H.grade_in_text(H.normalise_label(v)):
                self.cur.grade = value_at(g, r, c)  # the whole cell: T04 looks for the expected grade in it
            elif c == sc and isinstance(v, str) and self.cur.grade is None and _grade_word(v):
                self.cur.grade = value_at(g, r, c)  # "优" where the score belongs: the grade (T02 says so, issue 11)
            elif sc is not None and c > sc and isinstance(v, str) and self.cur.grade is None and _grade_word(v):
                self.cur.grade = value_at(g, r, c)  # 总分 │ 100 │ 96 │ 优: a grade alone right of the total (云南 永德)
        self.cur.total_weight = weight or (empty_at(g, r, wc) if wc is not None else None)
        self.cur.total_score = score or (empty_at(g, r, sc) if sc is not None else None)
        if self.state == "indicators" and not self.cur.indicators and self._scored_row_follows(r, wc, sc):
            # the 总分 printed right under the header, above the rows it sums (review32w: read as the table's end, its
            # rows went unread and T02 said "总分应为 10"): the block reads on as if no total had closed it yet
            return
        self.cur.has_total_row = True
        self.state = "after"

    def _scored_row_follows(self, r: int, wc: int | None, sc: int | None) -> bool:
        """The next data row goes on with the indicators (`_row_that_follows`) and prints a figure under 分值 or 得分: an
        indicator row, not a remark or a signature under a table whose rows were not read."""
        nxt = self._row_that_follows(r)
        return nxt is not None and any(
            c is not None and to_points(own(self.grid, nxt, c)) is not None for c in (wc, sc)
        )

    def _stated_total(self, r: int) -> bool:
        """A row holding only the table's total stated with its label ("项目总得分99.41分", above the 宁夏 table), or the
        head's "自评总分(分) │ 97.93" under a title, above any block (重庆 梁平 林业 2023, read28: read nowhere before)."""
        cells = row_cells(self.grid, r)
        if not cells or not isinstance(cells[0][1], str) or self.cur.stated_total is not None:
            return False
        if len(cells) == 2 and self.cur.title is not None and not self.cur.has_body:
            label = H.strip_brackets(H.normalise_label(cells[0][1]))
            if label in H.HEADER_COMPANIONS["自评得分"][1] and figure_value(cells[1][1]):
                self.cur.stated_total = value_at(self.grid, r, cells[1][0])
                return True
        if len(cells) != 1 or not H.is_stated_total(H.normalise_label(cells[0][1])):
            return False
        self.cur.stated_total = value_at(self.grid, r, cells[0][0])
        return True

    def _grade_row(self, r: int) -> None:
        if self.cur.grade is not None and not self.cur.grade.is_blank:
            return  # a later 自评结论 sentence or the form's legend does not replace the grade read (review round 15)
        cells = row_cells(self.grid, r)
        if isinstance(cells[0][1], str) and H.grade_in_text(H.normalise_label(cells[0][1])):
            self.cur.grade = value_at(self.grid, r, cells[0][0])  # "自评等级：良" in one cell
            return
        nxt = first_right(self.grid, r, cells[0][0])
        self.cur.grade = value_at(self.grid, r, nxt[0]) if nxt else empty_at(self.grid, r, cells[0][0] + 1)

    # -------------------------------------------------------------- findings
    def _check_complete(self) -> None:
        b = self.cur
        closed = b.total_score is not None or b.total_weight is not None
        if b.indicators_seen and not b.indicators:
            self.problems.append(
                Finding(
                    "LAYOUT_EMPTY_TABLE",
                    Severity.WARNING,
                    self.grid.ref(self.ind_header_row, self.ind_cols.get("name", 0)),
                    "绩效指标表头下没有任何指标行。",
                    "The indicator header has no indicator rows below it.",
                    basis="读取：指标表头之下没有读到任何指标行"
                    + ("" if closed else "，也没有“总分”行：表格可能在此中断（是否续在其他页），总分无从复核"),
                    basis_en="read: no indicator row under the indicator header"
                    + ("" if closed else ", nor a 总分 row: the table may stop here"),
                )
            )
        if (
            b.indicators  # (an empty table's missing 总分 is LAYOUT_EMPTY_TABLE's: one cause, one finding)
            and b.total_score is None
            and b.total_weight is None
            and {"weight", "score"} & set(b.columns)
        ):
            self.problems.append(
                Finding(
                    "LAYOUT_MISSING_TOTAL",
                    Severity.WARNING,
                    self.grid.ref(self.ind_header_row, 0),
                    _MISSING_TOTAL_ZH,
                    "The indicator table has no 总分 (total) row: the total and grade cannot be checked; is the "
                    "table complete?",
                    basis="读取：指标表有分值或得分列，最后一个指标行之后没有“总分”（合计）行",
                    basis_en="read: the indicator table has a weight or score column and no 总分 row after its rows",
                )
            )
        if b.funds_seen and b.funds_total is None:
            # the basis names the rows read (issue 11: every finding states its basis, and what could not be checked)
            read = "、".join(f"“{r.label.text.strip()}”" for r in b.funds_parts[:4] if r.label.text.strip())
            more = " 等" if len(b.funds_parts) > 4 else ""
            self.problems.append(
                Finding(
                    "LAYOUT_MISSING_FUNDS_TOTAL",
                    Severity.WARNING,
                    b.funds_ref,
                    "资金表中没有“年度资金总额”行。",
                    "The funds block has no 年度资金总额 (total) row.",
                    basis=(f"读取：资金表的行 {read}{more}，" if read else "读取：资金表，")
                    + "其中没有“年度资金总额”（合计）行：以合计行为准的核对（各来源之和、合计的执行率）无从进行",
                    basis_en=f"read the funds block's {len(b.funds_parts)} rows and no total row: the checks against "
                    "a total (sources adding up, the total's execution rate) cannot be made",
                )
            )

    def _missing_columns(self, r: int, placed: dict[str, int], table: str) -> None:
        """A column the header lacks, judged over this block's rows only (a funds block's missing 年初预算数 is
        not "holding values" because the indicator table below has a column there)."""
        block = (RowKind.FUNDS_HEADER, RowKind.GOALS_HEADER, RowKind.INDICATOR_HEADER, RowKind.TITLE_EVALUATION)
        end = next((i for i in range(r + 1, len(self.kinds)) if self.kinds[i] in block), len(self.kinds))
        self.problems.extend(missing_columns(self.grid, r, placed, table, range(r, end)))

    def _unmapped(self, r: int, severity: Severity, cols: list[int] | None = None) -> None:
        """Report row r's unmapped cells. A run of rows one after another — whole rows, or the same extra
        columns on every row (得分系数 | 是否核心指标) — is one finding naming its rows (perfxl's limit said once)."""
        cells = [(c, v) for c, v in row_cells(self.grid, r) if cols is None or c in cols]
        if not cells:
            return
        key = "rows" if cols is None else "columns"  # whole rows, or extra columns (some may be blank on a row)
        run, last = self._unmapped_run, self.problems[-1] if self.problems else None
        if run is not None and run.finding is last and run.last == r - 1 and (run.severity, run.key) == (severity, key):
            lo, hi = min(run.lo, cells[0][0]), max(run.hi, cells[-1][0])
            merged = unmapped_rows(self.grid, run.first, r, lo, hi, last.actual or "", severity, _UNMAPPED_IN)
            self.problems[-1] = merged
            self._unmapped_run = _UnmappedRun(run.first, r, lo, hi, severity, key, merged)
            return
        finding = unmapped_row(self.grid, r, cells, severity, _UNMAPPED_IN)
        self.problems.append(finding)
        self._unmapped_run = _UnmappedRun(r, r, cells[0][0], cells[-1][0], severity, key, finding)


@record()
class _UnmappedRun:
    """The rows the last LAYOUT_UNMAPPED_ROW covers: first/last row, columns, severity, which cells ("rows":
    whole rows; "columns": the extra columns beside a table), and the finding itself."""

    first: int
    last: int
    lo: int
    hi: int
    severity: Severity
    key: str
    finding: Finding


#: A goals header's column label: a target or its progress, a period in brackets at most ("中期目标(2024年—2026年)",
#: "全年目标", "1-7月执行情况", "年度目标").
_GOAL_COLUMN_LABEL = lazy_compile(r"[\w\-—~～至]{0,12}(目标|目标值|执行情况|完成情况)(\([^()]{0,20}\))?")


#: A goals word carrying its own weight ("绩效目标(10 )", "绩效目标(10分)"): a score table's 二级 group, not a block label.
_WEIGHTED_GOAL_WORD = re.compile(r"^(?:年度)?绩效目标\(\d+(?:\.\d+)?分?\)$")


def _weighted_goal_word_scored(grid: Grid, r: int) -> bool:
    """ "绩效目标(10 )" │ 明确性 │ 5 │ 5 — a goals word with a weight of its own, on a row ending in figures (分值, 得分): the
    二级 group of a 项目支出 score table (共性指标 → 项目决策 → 绩效目标), seen without its header when a repost's page starts
    below it; never a goals header, which carries no weight and no figures."""
    cells = row_cells(grid, r)
    weighted = any(isinstance(v, str) and _WEIGHTED_GOAL_WORD.match(H.normalise_label(v)) for _, v in cells)
    return weighted and sum(1 for _, v in cells if is_number(exact(v)) or _numeric_label(v)) >= 2


def _numeric_label(value: object) -> bool:
    """A figure typed as text ("5")."""
    return isinstance(value, str) and re.fullmatch(r"\s*-?\d+(?:\.\d+)?\s*", value) is not None


def _is_goals_word(value: str) -> bool:
    return H.strip_brackets(H.normalise_label(value)) in H.GOALS_LABELS


#: The label of a numbered goal block on a repeated indicator header ("年度绩效目标2(40分)", 湖北).
_GOAL_BLOCK = lazy_compile(r"绩效目标[0-9一二三四五六七八九十]")
#: The weight an indicator header's own label declares for the whole 绩效指标 part: "年度 绩效 目标 (80 分)" (云南 区直
#: form, beside 预算执行情况 (20 分)), "绩效指标(90分)" (四川); on the normalised label. A numbered block is not the part.
_GOAL_BLOCK_WEIGHT = re.compile(r"^(?:年度)?绩效(?:目标|指标)\((\d+(?:\.\d+)?)分\)$")


def _goal_block_weight(grid: Grid, r: int) -> CellValue | None:
    """The weight the indicator header row r declares for all its 一级 blocks ("年度绩效目标 (80 分)"), at its cell."""
    return weight_in_header(grid, r, _GOAL_BLOCK_WEIGHT.match)


def _goal_columns(grid: Grid, r: int) -> dict[str, int]:
    """预期目标/实际完成情况 columns of a goals header; the block's own row label ("总体目标", "年度总体目标
    完成情况" in column A) names a column only when no other cell of the row does."""
    found: dict[str, int] = {}
    row_labels: set[int] = set()  # columns holding the block's row label (column A, or wherever the table starts)
    for c, label in row_cells(grid, r):
        role = H.match_role(label, H.GOAL_COLUMNS)
        if role is None:
            continue
        is_row_label = H.strip_brackets(H.normalise_label(label)) in H.GOALS_LABELS or c == 0
        if is_row_label:
            row_labels.add(c)
        if role not in found or (found[role] in row_labels and not is_row_label):
            found[role] = c
    return found


#: A figure in Chinese numerals ("九十八", "玖拾捌分", "一百"): words without a digit, yet a value, not a label.


def _label_only(value: object) -> bool:
    """Words without a digit ("自评等级", "优"): a label beside a figure, never a figure itself (an error value
    such as "#VALUE!" or a damaged number such as "IO" stays, for C02 to report)."""
    return (
        isinstance(value, str)
        and not any(ch.isdigit() for ch in value)
        and not value.strip().startswith("#")
        and any("\u4e00" <= ch <= "\u9fff" for ch in value)
    )


def _grade_word(value: str) -> bool:
    """A grade alone ("优", "良好"), as the 总分 row's 得分 cell may hold in place of the score."""
    return H.strip_brackets(H.normalise_label(value)) in H.GRADE_WORDS


def _indicator_header(rows: list[tuple[int, str]]) -> int | None:
    """The row of the header a table's first indicator row was read under (the last "header" mark before it)."""
    header = None
    for i, what in rows:
        if what == "indicator":
            return header
        if what == "header":
            header = i
    return None


def _total_row_label(value: object) -> bool:
    """A label standing in the 总分 row's 分值/得分 column: the total's own label repeated ("得分合计", a merge exported
    filled), a grade's label or a grade ("自评等级", "优", "(自评等级：良)") or a column's header word ("分值"). Any other
    text there ("九十九", "见附件") is the total as typed — perfxl cannot read it as a figure, and C02/T02 say so
    (coverage), where a label taken for the total would leave it blank ("总分未填写")."""
    if not _label_only(value):
        return False
    label = H.normalise_label(value)
    bare = H.strip_brackets(label)
    return (
        bare in H.TOTAL_LABELS
        or bare in H.GRADE_LABELS
        or bare in H.GRADE_WORDS
        or H.grade_in_text(label) is not None
        or H.match_role(value, H.INDICATOR_COLUMNS) is not None
    )


#: How far below a header a column is scanned for data (a blank-headed last column vs no column).
_SCAN_ROWS = 400


def _score_slot_after(grid: Grid, r: int, c: int) -> int | None:
    """The blank cell after a 得分 label right of the 总分 row's one figure at column c ("总分 │ 100 │ 得分 │ ", 吉林 专项经费
    支出绩效评价表, held-out 21): the 100 is the form's full mark, the score's own cell is the blank after its label — the
    figure is no claimed score (the blank form read "100" as its 总分). None when no such label and blank follow."""
    nxt = first_right(grid, r, c)
    if nxt is None or not isinstance(nxt[1], str):
        return None
    if H.normalise_label(nxt[1]) not in H.INDICATOR_COLUMNS["score"]:
        return None
    slot = grid.anchor_of(r, nxt[0])[1] + 1
    while slot < grid.n_cols and grid.anchor_of(r, slot) == grid.anchor_of(r, nxt[0]):
        slot += 1  # past the label's own merge
    return slot if slot < grid.n_cols and own(grid, r, slot) is None else None


def _project_column(grid: Grid, r: int, cols: dict[str, int]) -> int | None:
    """The column a 项目名称 header labels left of the indicators' name in the indicator header row r (a list form:
    单位名称 │ 项目名称 │ 预算数 │ 年度目标 │ 一级指标 │ … │ 权重), read by no indicator role; None when there is none."""
    name = cols.get("level1", cols.get("name"))
    if name is None:
        return None
    taken = {c for k, c in cols.items() if not k.startswith("_")}
    labels = H.HEADER_FIELDS["项目名称"]
    return next(
        (
            c
            for c, v in row_cells(grid, r)
            if c < name and c not in taken and isinstance(v, str) and H.normalise_label(v) in labels
        ),
        None,
    )


def _has_data(grid: Grid, first: int, c: int) -> bool:
    """True when column c holds any own value in the rows below a header (bounded scan)."""
    for r in range(first, min(first + _SCAN_ROWS, grid.n_rows)):
        row = grid.rows[r]
        if c < len(row) and own(grid, r, c) is not None:
            return True
    return False


def read_evaluations(grid: Grid, rows: list[int], kinds: list[RowKind]) -> tuple[list[SelfEvaluation], list[Finding]]:
    """The 自评表 found in `rows` of the grid, and the findings about them."""
    reader = _Reader(grid, kinds)
    reader.run(rows)
    return reader.out, reader.problems


def read_evaluation_tables(
    grid: Grid,
    rows: list[int],
    kinds: list[RowKind],
    headerless: tuple[int, dict[str, int]] | None = None,
    header: int = -1,
) -> _Reader:
    """Like `read_evaluations`, keeping the reader: its `tables` say what each row was read as; `headerless` and
    `header`: see `_Reader.run`."""
    reader = _Reader(grid, kinds)
    reader.run(rows, headerless, header)
    return reader
