"""The funds block of a 自评表 (项目资金 / 年度预算申请: 年初预算数 | 全年预算数 | 全年执行数 | 分值 |
执行率 | 得分; rows 年度资金总额, 其中：本年财政拨款, 上年结转资金, 其他资金 …, 财预〔2020〕10号 附1).

Rows after a "按收入性质分 / 按支出性质分" line, and text rows without amounts, are kept as free-text
breakdown cells; rows with amounts and an unknown label are kept as parts and noted.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING

from ..grid import Grid
from ..model import CellValue, ComponentGroup, ComponentRow, Finding, FundsBlock, FundsRow, Severity
from ..numbers import ascii_figures
from ..patterns import lazy_compile
from ..values import blank_text, dotted_year_month, parse_value
from . import headers as H
from .across_funds import AcrossBlock, across_block, across_components
from .cells import empty_at, is_number, own, own_cell, row_cells, spacer_columns, unfilled_cells, value_at
from .columns import FUNDS_EXPECTED, FUNDS_ORDER, place_missing
from .detect import RowKind, funds_columns
from .task_funds import TaskBlock, task_block, task_components, task_line

if TYPE_CHECKING:
    from .evaluation import _Builder

__all__ = ["FundsRows"]

_BREAKDOWN_START = re.compile(r"^按(收入|支出)性质分")
#: The block's weight stated in its header where the form has no 分值 column: "预算执行情况(万元)(20分)",
#: "得分 (20分*执行率)", "得分(满分20分)", "得分（满分：20分）", "得分(分值20分)", "项目资金（万元）（20分）" (云南,
#: 湖北 and 部门 forms) — a weight the table itself declares.
_DECLARED_WEIGHT = lazy_compile(  # on the normalised label: ASCII brackets, no spaces, no "*"
    r"(?:(?:预算执行|项目资金|资金)[^()]{0,12}(?:\([^()]*\))?|得分)\((?:满分|分值)?[:为]?(\d+(?:\.\d+)?)分"
)
#: The 10号 form's own sources: a row under one of these closes a source's nested 其中 list.
_FORM_SOURCES = frozenset(
    H.normalise_label(x)
    for x in (
        "本年财政拨款",
        "当年财政拨款",
        "财政拨款",
        "上年结转资金",
        "上年结转",
        "其他资金",
        "单位资金",
        "自筹资金",
    )
)
#: A schedule's column header under a funds block (开始时间 │ 结束时间, 完成时间, 起止时间): the lines under it are dates.
_SCHEDULE = re.compile(r"^(?:计划)?(?:开始|结束|完成|起止|实施|开工|竣工)(?:时间|日期)$")
#: A funds-block line that counts people or things (受益人数(人), 项目个数, 覆盖户数(户)): not money.
#: A funds header naming the column that states how the block's score is counted (济南 历城 2019: 得分计算方法).
_METHOD_HEADER = re.compile(r"计算方法|计分方法|评分方法|评分标准|评分规则|计分规则")
_COUNT_LABEL = re.compile(r"人数|人次|个数|户数|家数|[（(](?:人|个|家|次|户|项|人次|%|％)[)）]$")
_NUMERIC_TEXT = re.compile(r"^\s*-?[0-9][0-9,]*(?:\.[0-9]+)?\s*(?:万元|万|萬元|萬|元|%)?\s*$")  # 萬: traditional


def _dated(value: object) -> bool:
    """Text that reads as a year and month written with a point ("2022.1", "2022.12"): a date, not an amount."""
    return isinstance(value, str) and dotted_year_month(parse_value(value)) is not None


def _numeric_text(value: object) -> bool:
    """An amount typed or exported as text ("2000", "1,157.97", "4753.66万元", "449.8万" as 亳州 2023 prints 万元): the row
    holds figures."""
    return isinstance(value, str) and bool(_NUMERIC_TEXT.match(ascii_figures(value)))  # "５０．２９" typed full-width


def _number_like(value: object) -> bool:
    """A figure, typed as a number or as text ("1084.25")."""
    return is_number(value) or _numeric_text(value)


class FundsRows:
    """Funds-block handling for the evaluation reader (expects `grid`, `cur`, `problems`, `state`)."""

    # provided by the evaluation reader (perfxl.layout.evaluation._Reader), which sets them in __init__
    grid: Grid
    cur: _Builder
    problems: list[Finding]
    state: str
    funds_cols: dict[str, int]
    funds_header_row: int
    funds_declared_weight: CellValue | None
    # the column of a 得分计算方法 / 评分标准 header in the funds header row (济南 历城: … │ 得分 │ 得分计算方法), or None
    funds_method_col: int | None = None
    pair_col: int
    pair_offset: int = 1  # the 年度 amount's column right of its label (a merged label puts it further)
    # role → (label col, value col) of a 岳阳 自评报告's 计划安排资金 │ … │ 实际支出 │ … money row (`_plan_pairs_row`)
    plan_cols: dict[str, tuple[int, int]]
    pair_source_open: bool = False  # a pair line "其中：财政拨款" (a form source) may have its own 其中 lines below
    # the term's pair column beside the year's (资金总额 │ 10000万元 │ 当年资金总额: │ 10000万元): its lines a block of their own
    pair_term_col: int | None = None
    breakdown_mode: bool
    # the total was taken from the block's first row under a total word of its own ("财政资金合计"); a row with a
    # known total label later shows it was a subtotal (review round 15)
    funds_total_guessed: bool = False
    # a 其中 list of sources has begun; a second 其中 under it opens a source's own sub-items (nested)
    funds_of_which: bool = False
    funds_nested: bool = False
    duty_cols: tuple[int, int] | None = None  # (支出项目名称, 预算金额) columns of a 年度履职目标 block
    # (子项名称, 预算数, 实际数) columns of a 项目资金构成 block; an amount column the block lacks is None
    component_cols: tuple[int, int | None, int | None] | None = None
    # role → column of a 苏州 预算执行 / 资金使用 block's headers awaiting their line of figures (`_line_funds_row`)
    line_cols: dict[str, int] | None = None
    line_label: CellValue | None = None  # that block's label cell (市级财政资金使用情况(万元))
    # 随州's 项目资金 │ 来源 │ 中央 │ 省、地 │ 本级 │ 其他 │ 合计 …: the source columns of the line and the header row naming them
    line_sources: tuple[int, ...] = ()
    line_header_row: int = -1
    stack_col: int = -1  # the label column of 彭水's stacked label │ value funds lines (`_stacked_row`)
    # the 项目资金构成 block's further amount columns (鄂州 目标表: 2020年实际执行数 │ 2021年实际执行数)
    component_extra: tuple[int, ...] = ()
    component_share: int | None = None  # its 占比 column (湖北 部门总体资金情况), None where it prints none
    component_years_from: int | None = None  # the 近两年收支金额 column: its years stand on the header's second row
    # lines read after the block's first 合计, awaiting their own 合计 (湖北 部门总体资金情况: the 支出构成 group)
    component_pending: list[ComponentRow] | None = None
    # 泸县's 总体资金情况 │ 预算支出总额 │ 基本支出 … │ 项目支出 … printed across the columns: the block being read (its
    # header row seen, its second header row and line of figures to come), None outside it
    across: AcrossBlock | None = None
    # 东莞's 年度主要任务 │ 任务名称 │ 主要内容 │ 年度预算金额 (小计 │ 市财政拨款 │ 其他资金): the block being read and its task lines
    tasks: TaskBlock | None = None
    task_lines: tuple[int, ...] = ()

    if TYPE_CHECKING:  # the reader's own methods this mixin calls

        def _missing_columns(self, r: int, placed: dict[str, int], table: str) -> None: ...

        def _unmapped(self, r: int, severity: Severity, cols: list[int] | None = None) -> None: ...

    def _start_funds(self, r: int) -> None:
        cols = funds_columns(self.grid, r) or {}
        if "net_budget" in cols:
            # 预算执行 (E/C): the rate and any overspending are judged against C = 全年预算数 − 统筹整合资金
            cols["full_budget"] = cols.pop("net_budget")
        placed = place_missing(self.grid, (r,), cols, FUNDS_ORDER, FUNDS_EXPECTED)
        if "prior_year" in cols:
            placed = {}  # a 申报表 requests the year's money (上年度安排资金 │ 本年度申请资金): nothing executed or scored
        first = min((cols[k] for k in H.FUNDS_AMOUNT_ROLES if k in cols), default=0)
        # a form without 年初预算数 (全年预算数(A) | 全年执行数(B)): the column left of the amounts holds the
        # row labels, it is not a blank-headed 年初预算数
        placed = {k: c for k, c in placed.items() if k not in H.FUNDS_AMOUNT_ROLES or c > first}
        if "weight" not in cols and "score" not in cols:
            # execution not scored in the funds block (Ningxia, some Hebei forms): no 分值/得分 columns
            # exist, so none is placed right of the table, reported missing, or defaulted to 10
            right = max(cols.values(), default=-1)
            placed = {k: c for k, c in placed.items() if k not in ("weight", "rate", "score") or c < right}
        self.funds_declared_weight = None if "weight" in cols else _declared_weight(self.grid, r)
        if self.funds_declared_weight is not None:
            placed.pop("weight", None)  # the header states it: no 分值 column is missing
        self.cur.funds_columns = tuple(
            k for k in FUNDS_ORDER if k in cols or (k == "weight" and self.funds_declared_weight is not None)
        )
        self.cur.funds_seen = True
        self.cur.funds_score_headers = tuple(
            value_at(self.grid, r, cols[k]) for k in ("weight", "rate", "score") if k in cols
        )
        self.cur.funds_amount_headers = tuple(
            (k, value_at(self.grid, r, cols[k])) for k in ("initial_budget", "full_budget", "executed") if k in cols
        )
        self.funds_method_col = next(
            (c for c, v in row_cells(self.grid, r) if isinstance(v, str) and _METHOD_HEADER.search(v)), None
        )
        if "executed" in cols and _interim(own(self.grid, r, cols["executed"])):
            self.cur.interim_funds = True  # 1-6月执行数: money spent so far this year, a monitoring form's
        self.funds_cols = {**cols, **placed}  # a blank-headed column is still read, from its position
        if "initial_budget" in cols and "full_budget" not in cols:
            # 年初预算数(A) | 全年执行数(B): the form's only budget is the one its rate is taken against; rules
            # see it through `FundsBlock.columns` (no "full_budget") and judge, never assert, on it
            placed.pop("full_budget", None)
            self.funds_cols["full_budget"] = cols["initial_budget"]
        self.funds_header_row = r
        self.breakdown_mode = False
        self.funds_total_guessed = self.funds_of_which = self.funds_nested = False
        self.state = "funds"
        first_amount = min(cols[k] for k in H.FUNDS_AMOUNT_ROLES if k in cols)
        cells = row_cells(self.grid, r, 0, first_amount)
        self.cur.funds_ref = value_at(self.grid, r, cells[0][0]).place() if cells else self.grid.ref(r, first_amount)
        self._funds_unit_in(r)
        if placed:
            self._missing_columns(r, placed, "资金")

    def _funds_unit_in(self, r: int, *, first: bool = False) -> None:
        """The money unit a funds header row states ("资金情况 (万元)", "年度预算申请（万元）") and the cell stating it: the
        last such cell of the row (the first with `first`); the block's unit is unchanged when the row states none."""
        stated = [(c, u) for c, v in row_cells(self.grid, r) if (u := H.money_unit_in(v))]
        if stated:
            c, self.cur.funds_unit = stated[0] if first else stated[-1]
            self.cur.funds_unit_cell = value_at(self.grid, r, c)

    def _detail_header(self, r: int) -> bool:
        """A second funds header in the block naming a 明细 (支出明细预算(万元) │ 项 目 │ 上年度安排资金 │ 本年度申请资金 │
        测算依据及说明, 湖南 申报表): the block's money split by spending item, kept as breakdown cells of the same table —
        neither a new table nor more sources of the total."""
        first = min(c for k, c in self.funds_cols.items() if k in H.FUNDS_AMOUNT_ROLES)
        if not any(
            isinstance(v, str) and "明细" in H.strip_brackets(H.normalise_label(v))
            for _, v in row_cells(self.grid, r, 0, first)
        ):
            return False
        self.breakdown_mode = True
        return True

    def _funds_row(self, r: int, kind: RowKind) -> str:
        """Read one row of the funds block; returns what it was read as ("funds", "breakdown", "unread")."""
        cols = self.funds_cols
        first_amount = min(cols[k] for k in H.FUNDS_AMOUNT_ROLES if k in cols)
        labels = [H.normalise_label(v) for _, v in row_cells(self.grid, r) if isinstance(v, str)]
        if any(label in H.COLUMN_NUMBER_LABELS for label in labels):
            # 列次 | 0 | 1 | 2 …: the columns' numbers, not amounts — also after the block's label repeated into the
            # row's first cell (a merge exported filled: 资金投入情况 | 列次 | 0 | 1 …)
            return "header"
        if any(label in H.FUNDS_END_LABELS for label in labels):
            self.state = "after"  # 资金管理情况: text about the money follows, no funds rows
            self.cur.funds_columns += ("management",)  # its 情况说明/存在问题 are not read: see skipped_for
            self._unmapped(r, Severity.INFO)
            return "unread"
        # a figure left of the amounts (行次 1, 2, 3 …; 全年预算数(A) beside 扣除统筹整合资金后预算金额(C)) is not the label
        label_cells = [
            (c, v) for c, v in row_cells(self.grid, r, 0, first_amount) if isinstance(v, str) and not _numeric_text(v)
        ]
        label_text = H.normalise_label(label_cells[-1][1]) if label_cells else ""
        bare = H.strip_brackets(H.strip_numbering(label_text))
        amounts = [own(self.grid, r, cols[k]) for k in H.FUNDS_AMOUNT_ROLES if k in cols]
        known_label = bare in H.FUNDS_TOTAL_LABELS or bare in H.FUNDS_PART_LABELS
        # 2022.1 │ 2022.12 on a line of another block (开始时间 │ 结束时间 of a 实施进度计划 under the funds, 湘阴 2022):
        # years and months (`perfxl.values.dotted_year_month`), no amounts. A funds label, or a single such figure (a
        # source of 2021.5万元), keeps them amounts
        figures = [v for _, v in row_cells(self.grid, r) if _number_like(v)]
        dated = not known_label and len(figures) >= 2 and all(_dated(v) for v in figures)
        has_number = not dated and any(_number_like(a) for a in amounts)
        if _BREAKDOWN_START.match(bare) or any(
            isinstance(v, str) and _BREAKDOWN_START.match(H.normalise_label(v)) for _, v in row_cells(self.grid, r)
        ):
            self.breakdown_mode = True
        if any(_SCHEDULE.match(label) for label in labels):
            # 项目实施内容 │ 开始时间 │ 结束时间 (湘阴 2022 实施进度计划): a schedule under the money, its figures dates —
            # one alone ("2022.1", 结束时间 blank) is no source either (review 9)
            self.breakdown_mode = True
        is_total = bare in H.FUNDS_TOTAL_LABELS or H.strip_numbering(label_text) in H.FUNDS_TOTAL_LABELS
        guessed = False
        if not is_total and has_number and self.cur.funds_total is None and not self.cur.funds_parts:
            # the block's first row of amounts under a total word of its own ("资金来源合计", "预算资金合计"): the total
            is_total = guessed = bare.endswith(("合计", "总额", "总计"))
        known = is_total or bare in H.FUNDS_PART_LABELS
        if not is_total and has_number and not self.breakdown_mode:
            if not known and bare.endswith(("合计", "小计")):
                # a subtotal of some sources ("财政资金小计") is no source of its own: not added to the sources (its
                # figures kept apart, for F15's look at every amount the block prints)
                label_col = label_cells[-1][0] if label_cells else first_amount
                self.cur.funds_subtotals.append(self._funds_row_values(r, label_col, False))
                self._unmapped(r, Severity.INFO)
                return "unread"
            top = bare in _FORM_SOURCES
            if label_text.startswith("其中") and not top and self.funds_of_which and self.cur.funds_parts:
                self.funds_nested = True  # "其中：中央补助" under "其中：当年财政拨款": that source's own sub-item
            elif top:
                self.funds_nested = False
        if is_total and self.cur.funds_total is not None and not self.funds_total_guessed:
            # a 合计 closing the block under a 年度资金总额 already read (repeating it, or totalling other lines): a
            # total is never one of the sources — kept as breakdown (review 9: it was added, a certain F02)
            self.cur.funds_breakdown.extend(value_at(self.grid, r, c) for c, _ in row_cells(self.grid, r))
            return "breakdown"
        if not known and _COUNT_LABEL.search(label_text):
            # 受益人数(人) │ 12 under the sources: a count, no money — no source (review 9)
            self.cur.funds_breakdown.extend(value_at(self.grid, r, c) for c, _ in row_cells(self.grid, r))
            return "breakdown"
        if self.breakdown_mode or (not has_number and not known):
            self.cur.funds_breakdown.extend(value_at(self.grid, r, c) for c, _ in row_cells(self.grid, r))
            return "breakdown"
        if not label_cells and not has_number:
            self._unmapped(r, Severity.WARNING)
            return "unread"
        label_col = label_cells[-1][0] if label_cells else first_amount
        row = self._funds_row_values(r, label_col, is_total)
        if self.funds_nested and not is_total:
            row = dataclasses.replace(row, within=True)
        if is_total and (self.cur.funds_total is None or (self.funds_total_guessed and not guessed)):
            # (the row taken for the total was a subtotal opening the block: the block's own total replaces it)
            self.cur.funds_total, self.funds_total_guessed = row, guessed
            if self.funds_method_col is not None:  # the total's 得分计算方法 cell states how its score is counted
                self.cur.funds_score_headers += (value_at(self.grid, r, self.funds_method_col),)
            return "funds"
        if label_text.startswith("其中"):
            self.funds_of_which = True
        self.cur.funds_parts.append(row)
        if not known:
            self.problems.append(
                Finding(
                    "LAYOUT_UNKNOWN_LABEL",
                    Severity.INFO,
                    row.label.place(),
                    f"资金行“{row.label.text}”不是常见的行名称，已按资金明细行读取。",
                    f"Funds row label '{row.label.text}' is not a known label; read as a funds part row.",
                    actual=row.label.text,
                )
            )
        return "funds"

    def _duties_row(self, r: int) -> str:
        """福建 部门整体支出绩效目标表's 年度履职目标 (部门职能 │ 年度目标任务 │ 支出项目名称 │ 预算金额(万元)): its header
        ("header") and each spending item with an amount ("funds"), kept as (item, amount) for F10; "" for any other row.
        """
        cols = _duty_columns(self.grid, r)
        if cols is not None:
            self.duty_cols, self.state = cols, "duties"
            self.cur.duties_unit = H.money_unit_in(own(self.grid, r, cols[1])) or ""
            return "header"
        if self.state != "duties" or self.duty_cols is None:
            return ""
        item_col, amount_col = self.duty_cols
        amount = own(self.grid, r, amount_col)
        if not _number_like(amount):
            return ""
        if _duties_total_line(self.grid, r, amount_col):
            return "subtotal"  # the list's own 合计 line, not one more spending item
        self.cur.duties.append((value_at(self.grid, r, item_col), value_at(self.grid, r, amount_col)))
        return "funds"

    def _components_row(self, r: int) -> str:
        """江苏 苏州市级 自评表's 项目资金构成 (子项名称 │ 预算数(万元) │ 实际数(万元), one line per 子项, then 合计), a 湖北
        鄂州 目标表's 项目预算 (成本构成 │ 金额 │ 测算(公式)依据 │ 2020年实际执行数 │ 2021年实际执行数) or a 湖北 部门整体支出绩效
        目标申报表's 部门总体资金情况 (总体资金情况 │ 当年金额 │ 占比 │ 近两年收支金额: 收入构成 财政拨款 / 其他资金 / 合计, then
        支出构成 基本支出 / 项目支出 / 合计): its header ("header"), each line with a figure ("funds") and each 合计 line
        ("subtotal"), kept for F11; "" for any other row. A row without a figure ends the block — except a second header
        row before any line (the years under 近两年收支金额) and a source line left blank (其他资金 │ │), which stay in it."""
        cols = _component_columns(self.grid, r)
        if cols is not None:
            self.component_cols = cols
            extra = _component_extra_columns(self.grid, r, cols[0])
            self.component_extra = tuple(c for c, _ in extra)
            self.cur.components_extra = tuple(label for _, label in extra)
            self.component_share = _component_share_column(self.grid, r, cols[0])
            years_from = _component_years_header(self.grid, r, cols[0])
            if years_from is None and self.state == "components" and not self.cur.components:
                # the header's second row read as a header again (its merged cells exported filled): the 近两年收支金额
                # above it still names the year columns it prints
                years_from = self.component_years_from
            self.component_years_from, self.state = years_from, "components"
            self.cur.components_label = _component_block_label(self.grid, r, cols[0])
            self.component_pending = None
            self._component_years(r)
            return "header"
        if self.state != "components" or self.component_cols is None:
            return ""
        name_col, budget_col, actual_col = self.component_cols
        amounts = [c for c in (budget_col, actual_col, *self.component_extra) if c is not None]
        first = min(amounts)
        labels = [(c, v) for c, v in row_cells(self.grid, r, name_col, first) if isinstance(v, str)]
        read = self.cur.components or self.component_pending
        if not any(_number_like(own(self.grid, r, c)) for c in amounts):
            if not read and not labels:
                self._component_years(r)
                return "header"  # 年 │ 年 under 近两年收支金额: the header's second row, nothing of a line
            bare = H.strip_brackets(H.strip_numbering(H.normalise_label(labels[-1][1]))) if labels else ""
            if not read or bare not in H.FUNDS_PART_LABELS:
                self.component_cols, self.state = None, "pre"
                return ""
        label_col = labels[-1][0] if labels else name_col
        group = ""
        if label_col > name_col:  # 收入构成 / 支出构成 merged down its lines, left of each line's own label
            group = value_at(self.grid, r, name_col, fill=True).text.strip()
        row = ComponentRow(
            value_at(self.grid, r, label_col),
            None if budget_col is None else value_at(self.grid, r, budget_col),
            None if actual_col is None else value_at(self.grid, r, actual_col),
            tuple(value_at(self.grid, r, c) for c in self.component_extra),
            None if self.component_share is None else value_at(self.grid, r, self.component_share),
            group,
        )
        if _duties_total_line(self.grid, r, first):
            if self.cur.components_total is None:
                self.cur.components_total = row  # the block's (first group's) 合计: the sum F11 holds its 子项 to
            elif self.component_pending:
                self.cur.components_more.append(ComponentGroup(tuple(self.component_pending), row))
            self.component_pending = []  # a further group may follow under the same header (支出构成)
            return "subtotal"
        if H.normalise_label(row.label.text).startswith("其中"):
            # "其中：设备购置" under a 子项: a part of the line above, not one more 子项 of the 合计 (kept, marked, for F11
            # to tell the parts printed after it without their own 其中)
            row = dataclasses.replace(row, within=True)
        if self.component_pending is None:
            self.cur.components.append(row)
        else:
            self.component_pending.append(row)
        return "funds"

    def _across_row(self, r: int) -> str:
        """四川 泸县 2024's 部门总体资金情况 printed across the columns (`across_funds`): its header row and second header
        row ("header") and its line of figures ("funds"), kept as the 部门总体资金情况 groups F11 holds to their 合计 —
        the 总额 against the groups' 合计, each group's 合计 against its sources; "" for any other row."""
        block = self.across
        if block is None:
            found = across_block(self.grid, r)
            if found is None:
                return self._task_row(r)
            self.across = found
            return "header"
        if r < block.figures_row:
            return "header"
        self.across = None
        lines, total, more = across_components(self.grid, block)
        self.cur.components.extend(lines)
        self.cur.components_total = total
        self.cur.components_more.extend(more)
        self.cur.components_label = _COMPONENT_BLOCKS["总体资金情况"]
        return "funds"

    def _task_row(self, r: int) -> str:
        """A 部门整体支出绩效目标 table's 年度主要任务 with its money (`task_funds`, 东莞 2022): its two header rows
        ("header"), each task with a figure ("funds") and its 金额合计 line ("subtotal"), kept as the F11 groups — each
        amount column's 合计 against the tasks, each line's 小计 against its sources; "" for any other row (a row
        without a figure ends the block). Asked by `_across_row` for a row that opens no 泸县 block."""
        block = self.tasks
        if block is None:
            found = task_block(self.grid, r)
            if found is None:
                return ""
            self.tasks, self.task_lines = found, ()
            return "header"
        if r <= block.last_header_row:
            return "header"
        line = task_line(self.grid, block, r)
        if line == "line":
            self.task_lines += (r,)
            return "funds"
        self.tasks = None
        total = r if line == "total" else None
        self.cur.components_more.extend(task_components(self.grid, block, list(self.task_lines), total))
        return "subtotal" if total is not None else ""

    def _component_years(self, r: int) -> None:
        """The header's second row under 近两年收支金额 ("2021 年 │ 2022 年", 广水市教育局 2023): each year a further amount
        column of the block, added up per group by F11 like 当年金额; blank years ("年 │ 年", 广水 2021) add none."""
        if self.component_years_from is None or self.component_extra:
            return
        years = _component_year_columns(self.grid, r, self.component_years_from)
        if years:
            self.component_extra = tuple(c for c, _ in years)
            self.cur.components_extra = tuple(label for _, label in years)

    def _line_funds_row(self, r: int) -> str:
        """江苏 苏州市级 自评表's money: blocks of headers over one line of figures — 市级预算执行情况(万元) │ 年初预算数 │ … │
        财政拨款数 │ 指标结余数, then 市级财政资金使用情况(万元) │ 财政拨款数 │ 实际支付数 │ 资金结余、结转数 │ 其中: (结转数 │
        财政收回数 on a second header line). Read as the table's funds total: 年初预算数 its initial budget, 财政拨款数 (the
        money granted; the later block's when both print it) the year's budget, 实际支付数 its execution. "header" for a
        header line, "funds" for a line of figures, "" for any other row (which ends the blocks). 随州's 项目资金 │ 来源 │ 中央 │ … │
        合计 │ 执行数 │ 执行率 header (`_source_line_header`) is read alike, its sources the 合计's parts."""
        cols = _line_header(self.grid, r)
        sources: tuple[int, ...] = ()
        if cols is None and (by_source := _source_line_header(self.grid, r)) is not None:
            cols, sources = by_source
        if cols is not None and (self.state == "lines" or (self.state == "pre" and not self.cur.funds_seen)):
            self.line_sources, self.line_header_row = sources, r
            if not self.cur.funds_seen:
                self.cur.funds_seen = True
                self.cur.funds_ref = value_at(self.grid, r, row_cells(self.grid, r)[0][0]).place()
            self.line_cols, self.state = cols, "lines"
            self.line_label = value_at(self.grid, r, row_cells(self.grid, r)[0][0])
            self._funds_unit_in(r, first=True)  # 随州: 中央(万元) │ … │ 合计(万元)
            return "header"
        if self.state != "lines":
            return ""
        if self.line_cols is None:
            self.state = "after"  # the blocks' figures are read: what follows is no part of them
            return ""
        values = {k: own(self.grid, r, c) for k, c in self.line_cols.items()}
        if not any(_number_like(v) for v in values.values()):
            if row_cells(self.grid, r) and all(isinstance(v, str) for _, v in row_cells(self.grid, r)):
                return "header"  # 结转数 │ 财政收回数: the header's second line
            self.state = "after"
            return ""
        total = self.cur.funds_total
        blank = CellValue(None, None)
        found = {k: own_cell(self.grid, r, c) for k, c in self.line_cols.items()}
        old = {} if total is None else {k: getattr(total, k) for k in ("initial_budget", "full_budget", "executed")}
        cells = {k: found.get(k) or old.get(k) or blank for k in ("initial_budget", "full_budget", "executed")}
        label = self.line_label if "executed" in found or total is None else total.label
        self.cur.funds_total = FundsRow(
            label or blank,
            cells["initial_budget"],
            cells["full_budget"],
            cells["executed"],
            blank,
            found.get("rate") or blank,
            blank,
            is_total=True,
        )
        self.cur.funds_columns = tuple(k for k in cells if not cells[k].is_blank or k in found) + (
            ("rate",) if "rate" in found else ()
        )
        for (
            c
        ) in self.line_sources:  # each source's amount is a part of the 合计 (F02); a blank one is a source not used
            name = value_at(self.grid, self.line_header_row, c)
            self.cur.funds_parts.append(FundsRow(name, blank, own_cell(self.grid, r, c), blank, blank, blank, blank))
        self.line_cols, self.line_sources = None, ()
        return "funds"

    def _stacked_row(self, r: int) -> str:
        """重庆 彭水 转移支付 自评表: the money as label │ value lines stacked in one pair of columns — 年度预算资金总额: │
        1084.25 over 其中:中央补助 │ 668.00, 市级资金 │ 343.00, 本级资金(包括结转结余) │ 73.25 — then the same for each fund
        under a line naming it (农村部分计划生育家庭奖励扶助制度补助资金(万元)). The first block is the table's funds, each
        later one a block of `funds_more`, checked alike. "funds" for a label │ value line, "header" for a fund's name or a
        bare 其中: line, "" for any other row (which ends the blocks). The labels left of them merged down the block's rows
        and exported filled (the 一级 │ 二级 │ 三级 typed again on each row) are no cells of the lines (`unfilled_cells`)."""
        cells = unfilled_cells(self.grid, r)
        if self.state != "stack":
            line = _stacked_line(self.grid, r, cells)
            if self.cur.funds_seen or line is None or not line[2] or not _number_like(own(self.grid, r, line[1])):
                # the blocks open on a total line with its figure (年度预算资金总额: │ 1084.25) alone on the row
                return ""
            if "资金" not in H.normalise_label(cells[0][1]):
                return ""  # a bare 合计 │ 100 under an indicator table totals its weights, it opens no funds block
            if not _stack_goes_on(self.grid, r + 1):
                return ""  # one label │ value line alone (年度资金总额 │ 2223.04) is no block of the money's lines
            self.state, self.stack_col = "stack", line[0]
            self.cur.funds_seen = True
            self.cur.funds_columns = ("full_budget",)
            self.cur.funds_ref = value_at(self.grid, r, line[0]).place()
        elif any(c not in (self.stack_col, _right_of(self.grid, r, self.stack_col)) for c, _ in cells):
            self.state = "after"
            return ""
        line = _stacked_line(self.grid, r, cells)
        if line is None:
            if len(cells) == 1 and isinstance(cells[0][1], str):
                return "header"  # 计划生育家庭特别扶助制度补助资金(万元), 其中: — a fund's name over its lines
            if _other_figure_line(self.grid, r, cells, self.stack_col):
                return "unread"  # 受益人数 │ 12 among the lines: no source, and the sources under it stay the block's
            self.state = "after"
            return ""
        label_col, value_col, is_total = line
        blank = CellValue(None, None)
        amount = value_at(self.grid, r, value_col) if own(self.grid, r, value_col) is not None else None
        row = FundsRow(
            value_at(self.grid, r, label_col),
            blank,
            amount if amount is not None else empty_at(self.grid, r, value_col),
            blank,
            blank,
            blank,
            blank,
            is_total,
        )
        more = self.cur.funds_more
        if is_total and self.cur.funds_total is None:
            self.cur.funds_total = row
        elif is_total:
            unit = self.cur.funds_unit or self.cur.unit_note or self.cur.unit_above or "万元"
            more.append(FundsBlock(row, (), unit, ref=row.label.place(), columns=("full_budget",)))
        elif more:
            more[-1] = dataclasses.replace(more[-1], parts=(*more[-1].parts, row))
        else:
            self.cur.funds_parts.append(row)
        return "funds"

    def _pair_funds_row(self, r: int) -> bool:
        """申报表 项目资金（万元）| 中期资金总额 | 900 | 年度资金总额 | 300 (then 其中：财政拨款 | 900 | 其中：财政拨款 | 300):
        label | amount pairs, the 中期 pair and the 年度 pair side by side; the 年度 pair is the year's budget.

        A 目标表 may print one pair a line under a group label (资金金额 │ 年度资金总额 │ (空) over 其中:中央补助 │ 50.29
        and 地方资金 │ (空), 陕西 陈仓 2023; 资金情况 │ 年度金额(万元): │ 397, 重庆 忠县 2022): the same block, one
        column."""
        if self.cur.funds_seen and self.state != "pairs":
            return False
        pairs = funds_pairs(self.grid, r)
        if self.state != "pairs" and (single := _single_total_line(self.grid, r)) is not None:
            pairs = [single]
        elif self.state == "pairs" and not pairs:
            pairs = _blank_pair_line(self.grid, r, self.pair_col, self.pair_offset)
        elif self.state != "pairs" and len(pairs) == 1 and (unfilled := _blank_medium_pair(self.grid, r, pairs[0])):
            # 中期预算资金总额 │ (空) │ 年度预算资金总额 │ 25 (阳泉 2021): the 中期 left unfilled
            pairs = [unfilled, *pairs]
        if not pairs:
            return False
        if self.state != "pairs":
            totals = [p for p in pairs if _is_pair_total(p[1])]
            single_line = len(pairs) == 1 and len(totals) == 1 and _single_total_line(self.grid, r) is not None
            if not single_line and (len(pairs) < 2 or len(totals) < 2):
                return False  # a block starts with its two totals side by side (中期资金总额 … 年度资金总额 …)
            if not single_line and all(p[1] in _ACCOUNT_TOTALS for p in totals):
                return False  # 总计 │ 307.82 │ 总计 │ 307.82: a 收支总表's closing line (its 收入 side, its 支出 side)
            yearly = [p for p in pairs if "年度" in p[1] or p[1].startswith("当年")] or pairs[-1:]
            self.pair_col = yearly[0][0]
            self.pair_offset = yearly[0][2] - yearly[0][0]
            self.state = "pairs"
            self.pair_source_open = False
            self.cur.funds_seen = True
            self.cur.funds_columns = ("full_budget",)
            self.cur.funds_ref = value_at(self.grid, r, pairs[0][0]).place()
            self._funds_unit_in(r)
            medium = [p for p in pairs if p[1].startswith("中期") and p is not yearly[0] and _is_pair_total(p[1])]
            if medium:  # 中期资金总额 │ 449.8万 beside the 年度 pair: the whole term's money (F17)
                self.cur.funds_medium = value_at(self.grid, r, medium[0][2])
            self._open_term_block(r, [p for p in pairs if p is not yearly[0] and _is_pair_total(p[1])])
        elif self.pair_term_col is not None:
            self._term_line(r, pairs)
        label_col, label, value_col = min(pairs, key=lambda p: abs(p[0] - self.pair_col))
        blank_year = abs(label_col - self.pair_col) > 1 and self.state == "pairs" and self.cur.funds_total is not None
        if blank_year:
            # only the 中期 pair holds a figure ("其中：财政拨款 | 900 | 其中：财政拨款 | （空）"): the row's 年度 figure
            # is blank, never the 中期 one beside it (review round 15)
            value_col = self.pair_col + self.pair_offset
        is_total = _is_pair_total(label)
        blank = CellValue(None, None)
        amount = value_at(self.grid, r, value_col) if own(self.grid, r, value_col) is not None else None
        # 其中：财政拨款 │ 300 then 其中：中央补助 │ 200: a sub-item of the form's source above it, not a third source
        of_which = H.normalise_label(own(self.grid, r, label_col) or "").startswith("其中")
        source = label in _FORM_SOURCES
        within = not is_total and of_which and not source and self.pair_source_open
        if not is_total and not within:
            self.pair_source_open = source and of_which
        row = FundsRow(
            value_at(self.grid, r, label_col),
            blank,
            amount if amount is not None and not blank_year else empty_at(self.grid, r, value_col),
            blank,
            blank,
            blank,
            blank,
            is_total,
            within,
        )
        if is_total and self.cur.funds_total is None:
            self.cur.funds_total = row
        else:
            self.cur.funds_parts.append(row)
        return True

    def _open_term_block(self, r: int, others: list[tuple[int, str, int]]) -> None:
        """The term's total beside the year's (中期资金总额 │ 900 │ 年度资金总额 │ 300; 资金总额 │ … │ 当年资金总额 │ …): a
        funds block of its own, its 其中 lines below in the same column its sources — F02 holds them to it as the year's
        are held to the year's total. Where the term's total is blank, or more than one other total stands, none."""
        self.pair_term_col = None
        if len(others) != 1 or not _number_like(own(self.grid, r, others[0][2])):
            return
        label_col, _, value_col = others[0]
        self.pair_term_col = label_col
        unit = self.cur.funds_unit or self.cur.unit_note or "万元"
        total = _pair_row(self.grid, r, label_col, value_col, is_total=True)
        self.cur.funds_more.append(
            FundsBlock(total, (), unit, ref=total.label.place(), columns=("full_budget",), term=True)
        )

    def _term_line(self, r: int, pairs: list[tuple[int, str, int]]) -> None:
        """A line's pair in the term's column (其中:财政拨款 │ 900 beside 其中:当年财政拨款 │ 300): a source of the term's
        block; a blank amount stays a blank source, a label that is no funds word ends the term's lines."""
        term = next((p for p in pairs if p[0] == self.pair_term_col), None)
        if term is None and pairs and self._term_cells_blank(r):
            return  # the term's side left blank on a line of the year's (上年结转资金 has no term figure): its lines go on
        if term is None or _is_pair_total(term[1]) or not self.cur.funds_more:
            self.pair_term_col = None
            return
        label = H.normalise_label(own(self.grid, r, term[0]) or "")
        block = self.cur.funds_more[-1]
        within = (
            label.startswith("其中")
            and term[1] not in _FORM_SOURCES
            and any(H.normalise_label(p.label.text).startswith("其中") for p in block.parts)
        )
        row = dataclasses.replace(_pair_row(self.grid, r, term[0], term[2], is_total=False), within=within)
        self.cur.funds_more[-1] = dataclasses.replace(block, parts=(*block.parts, row))

    def _term_cells_blank(self, r: int) -> bool:
        """Row r prints nothing in the term's label column nor between it and the year's pair (上海 申报表: a blank
        项目资金 side beside 上年结转资金 │ 0.00)."""
        assert self.pair_term_col is not None
        return all(own(self.grid, r, c) in (None, "") for c in range(self.pair_term_col, self.pair_col))

    def _plan_pairs_row(self, r: int) -> bool:
        """岳阳's older 自评报告 (附件3-2 财政支出项目绩效评价自评报告, 湖南 南湖 2016, 岳阳县 2020): the money as label │
        value pairs across one row — 计划安排资金 (万元) │ 170 │ 实际到位资金 (万元) │ 170 │ 实际支出 (万元) │ 179.6 │
        结余(万元) │ 0 — and the same pairs split by source on the rows below (其中:中央财政 │ … │ 省财政 │ …). The plan
        is the year's budget, 实际支出 its execution, 实际到位资金 the money arrived (summed by source like them); 结余 has
        no column of the 10号 form and is not read."""
        if self.state == "pre" and not self.cur.funds_seen:
            found = _plan_pairs(self.grid, r) or inline_pairs(self.grid, r)
            if found is None:
                return False
            self.plan_cols = found
            self.state = "plan"
            self.cur.funds_seen = True
            self.cur.funds_columns = ("full_budget", "executed") + (("rate",) if "rate" in found else ())
            self.cur.funds_ref = value_at(self.grid, r, found["full_budget"][0]).place()
            self._funds_unit_in(r)
            self.cur.funds_total = self._plan_row(r, is_total=True)
            return True
        if self.state != "plan":
            return False
        plan_label = self.plan_cols["full_budget"][0]
        exec_label = (self.plan_cols.get("executed") or self.plan_cols["arrived"])[0]
        first, again = own(self.grid, r, plan_label), own(self.grid, r, exec_label)
        if not isinstance(first, str) or H.normalise_label(first) != H.normalise_label(again):
            self.state = "after"  # the source rows end where the label no longer repeats in each pair
            return self._spent_line(r)
        self.cur.funds_parts.append(self._plan_row(r, is_total=False))
        return True

    def _split_pairs_row(self, r: int) -> bool:
        """The money as pairs on two rows (`split_pairs`: 转移支付预算数(A) │ 5.8万 │ 预算执行率(B/A) │ 100% over
        转移支付执行数(B) │ 5.8万): one total row of the block, its budget and rate from the first line, its execution
        from the second — read as the one-row pairs are (`_plan_pairs_row`)."""
        if self.state == "split":
            self.state = "after"
            return True  # the 执行数 line, read with the line above
        if self.state != "pre" or self.cur.funds_seen or (found := split_pairs(self.grid, r)) is None:
            return False
        blank = CellValue(None, None)
        cell = {role: own_cell(self.grid, row, c) for role, (row, _, c) in found.items()}
        self.state = "split"
        self.cur.funds_seen = True
        self.cur.funds_columns = tuple(k for k in ("full_budget", "executed", "rate") if k in found)
        label = value_at(self.grid, r, found["full_budget"][1])
        self.cur.funds_ref = label.place()
        self._funds_unit_in(r)
        rate = cell.get("rate", blank)
        self.cur.funds_total = FundsRow(label, blank, cell["full_budget"], cell["executed"], blank, rate, blank, True)
        return True

    def _spent_line(self, r: int) -> bool:
        """浙江省项目支出绩效评价报告: 实际支出(万元) │ 588.23 on its own line under the 计划安排资金 │ 实际到位资金 pairs and
        their sources — the total's execution (the form splits only the plan and the arrived money by source)."""
        total = self.cur.funds_total
        if "executed" in self.plan_cols or total is None:
            return False
        cells = row_cells(self.grid, r)
        if not cells or not isinstance(cells[0][1], str):
            return False
        if _PLAN_ROLES.get(H.strip_brackets(H.normalise_label(cells[0][1])).rstrip(":")) != "executed":
            return False
        c = _right_of(self.grid, r, cells[0][0])
        spent = own_cell(self.grid, r, c)
        self.cur.funds_total = dataclasses.replace(total, executed=spent)
        return True

    def _plan_row(self, r: int, is_total: bool) -> FundsRow:
        def cell(role: str) -> CellValue:
            if role not in self.plan_cols:
                return CellValue(None, None)  # 浙江: 实际支出 is a line of its own below (`_spent_line`)
            c = self.plan_cols[role][1]
            return own_cell(self.grid, r, c)

        blank = CellValue(None, None)
        label = value_at(self.grid, r, self.plan_cols["full_budget"][0])
        arrived = cell("arrived") if "arrived" in self.plan_cols else None
        rate = cell("rate") if is_total else blank  # 执行率 │ 90% beside the total's pairs (`inline_pairs`)
        return FundsRow(
            label,
            blank,
            cell("full_budget"),
            cell("executed"),
            blank,
            rate,
            blank,
            is_total,
            arrived=arrived,
            received=arrived if "rate" in self.plan_cols else None,  # a rate over the money arrived: F04's 警告
        )

    def _funds_row_values(self, r: int, label_col: int, is_total: bool) -> FundsRow:
        def cell(role: str) -> CellValue:
            c = self.funds_cols.get(role)
            if c is None:
                return CellValue(None, None)
            return own_cell(self.grid, r, c)

        label = value_at(self.grid, r, label_col)
        weight = cell("weight")
        if is_total and self.funds_declared_weight is not None:
            weight = self.funds_declared_weight
        return FundsRow(
            label,
            cell("initial_budget"),
            cell("full_budget"),
            cell("executed"),
            weight,
            cell("rate"),
            cell("score"),
            is_total,
            received=cell("received") if "received" in self.funds_cols else None,
        )


def _declared_weight(grid: Grid, r: int) -> CellValue | None:
    """The funds block's weight as its header row states it ("预算执行情况(万元)(20分)"), at that header cell."""
    return weight_in_header(grid, r, _DECLARED_WEIGHT.search)


def weight_in_header(grid: Grid, r: int, find: Callable[[str], re.Match[str] | None]) -> CellValue | None:
    """The weight the first label of header row r that `find` matches declares (its group 1), at that label's cell."""
    for c, v in row_cells(grid, r):
        m = find(H.normalise_label(v)) if isinstance(v, str) else None
        if m:
            return CellValue.of(Decimal(m.group(1)), value_at(grid, r, c).place())
    return None


# 中期资金总额 / 年度资金总额: the period, then the funds label; 当年资金总额 / 其中:当年财政拨款 is the year's money too
# (武汉 青山区 2020 项目支出绩效目标表: 资金总额 │ 10000万元 │ 当年资金总额: │ 10000万元)
_PERIOD = lazy_compile(r"^(中期|年度|当年)")
#: Bare totals that name no money of their own: two of them side by side close a two-sided account (a 部门决算/预算's
#: 收入支出总表: "总计 │ 307.82 │ 总计 │ 307.82", real reports 20) — never a 中期 │ 年度 pair, which names its period or
#: its money (中期资金总额 │ 900 │ 年度资金总额 │ 300).
_ACCOUNT_TOTALS = frozenset(H.normalise_label(w) for w in ("总计", "合计"))
#: Totals and sources a 目标表's pair lines print beyond the 自评表's own words: 年度金额(万元) (重庆 区域绩效目标表),
#: 其中:中央补助 (陕西 陈仓 2023), 年度资金申请总额 (上海 财政项目支出绩效目标申报表: 项目资金总额 │ … │ 年度资金申请总额
#: │ …) — read only as pair labels, never as a funds table's row labels.
_PAIR_TOTALS = frozenset((*H.FUNDS_TOTAL_LABELS, "年度金额", "资金申请总额"))
_FUNDS_LABELS = frozenset(
    (*_PAIR_TOTALS, *H.FUNDS_PART_LABELS, "中央补助", "省级补助", "市级补助", "县级补助", "本级资金")  # 本级: 彭水 2024
) | {"财政拨款数"}  # 内蒙古 目标表 (乌海 2021): 资金总额 │ 3 over 其中: 财政拨款数 │ 3 and 其他资金 │ 0
#: The group label left of a 目标表's single pair lines (资金金额 │ 年度资金总额 │ …; 资金情况(万元) │ 年度金额 │ 397;
#: 年度预算安排(万元) │ 资金总额 │ 171.41 over 项目支出 │ 60.8 and 基本支出 │ 110.61, 福建 部门整体支出绩效目标表).
_PAIR_GROUPS = frozenset((*H.FUNDS_SECTION_LABELS, "资金金额", "资金来源", "年度预算安排"))


_DUTY_ITEM, _DUTY_AMOUNT = H.normalise_label("支出项目名称"), H.normalise_label("预算金额")


def _duty_columns(grid: Grid, r: int) -> tuple[int, int] | None:
    """(支出项目名称 col, 预算金额 col) of a 年度履职目标 header row (… │ 支出项目名称 │ 预算金额(万元)), else None."""
    item = amount = None
    for c, v in row_cells(grid, r):
        if isinstance(v, str):
            label = H.strip_brackets(H.normalise_label(v))
            if label == _DUTY_ITEM:
                item = c
            elif label == _DUTY_AMOUNT:
                amount = c
    return (item, amount) if item is not None and amount is not None and item < amount else None


#: The label of a 苏州 money block (市级预算执行情况(万元), 市级财政资金使用情况(万元)) and the headers read under it.
_LINE_BLOCK = lazy_compile(r"(?:预算执行|资金使用)情况$")
_LINE_ROLES = {"年初预算数": "initial_budget", "财政拨款数": "full_budget", "实际支付数": "executed"}


def _line_header(grid: Grid, r: int) -> dict[str, int] | None:
    """Role → column of a 苏州 money block's header line (its label first, then 年初预算数 / 财政拨款数 / 实际支付数
    among its headers), else None."""
    cells = row_cells(grid, r)
    if len(cells) < 3 or not isinstance(cells[0][1], str):
        return None
    if not _LINE_BLOCK.search(H.strip_brackets(H.normalise_label(cells[0][1]))):
        return None
    cols: dict[str, int] = {}
    for c, v in cells[1:]:
        role = _LINE_ROLES.get(H.strip_brackets(H.normalise_label(v))) if isinstance(v, str) else None
        if role is not None and role not in cols:
            cols[role] = c
    return cols or None


#: 湖北 随州 财政预算支出项目绩效目标自评表 (随州 2022, 广水 2019 and 2021): 项目资金 │ 来源 │ 中央(万元) │ 省、地(万元) │ 本级(万元) │
#: 其他(万元) │ 合计(万元) │ 执行数(万元) │ 执行率 over one line of figures — the sources across, their 合计 the year's budget.
_SOURCE_LINE_BLOCK = frozenset(H.normalise_label(x) for x in ("项目资金", "项目资金来源", "资金来源"))
_SOURCE_LINE_SOURCES = frozenset(
    H.normalise_label(x) for x in ("中央", "省、地", "省", "省级", "市", "市级", "县", "县级", "本级", "其他")
)
_SOURCE_LINE_ROLES = {"合计": "full_budget", "执行数": "executed", "执行率": "rate"}


def _source_line_header(grid: Grid, r: int) -> tuple[dict[str, int], tuple[int, ...]] | None:
    """(role → column, source columns) of a 随州 money header: its first cell 项目资金, two source columns or more and a
    合计 among its headers; else None. Read like 苏州's line blocks (`FundsRows._line_funds_row`): the line below holds
    the figures, the 合计 the budget, each source a part of it."""
    cells = row_cells(grid, r)
    if len(cells) < 4 or not isinstance(cells[0][1], str):
        return None
    if H.strip_brackets(H.normalise_label(cells[0][1])) not in _SOURCE_LINE_BLOCK:
        return None
    cols: dict[str, int] = {}
    sources: list[int] = []
    for c, v in cells[1:]:
        label = H.strip_brackets(H.normalise_label(v)) if isinstance(v, str) else ""
        if label in _SOURCE_LINE_SOURCES:
            sources.append(c)
        elif (role := _SOURCE_LINE_ROLES.get(label)) is not None and role not in cols:
            cols[role] = c
    if len(sources) < 2 or "full_budget" not in cols:
        return None
    if any(isinstance(v, str) and _ARRIVED.search(v) for _, v in cells):
        # 合计 │ 到位数 │ 执行数 │ 执行率: the rate may be over the money arrived, not the 合计 — not read as the budget's
        cols.pop("rate", None)
    return cols, tuple(sources)


#: Money arrived or allotted beside the 合计 (到位数, 拨付数): a 执行率 after it may be taken over that money instead.
_ARRIVED = lazy_compile(r"到位|拨付|下达")


_INTERIM = re.compile(r"^(?:1[-—–~～至]|截至)(\d{1,2})月")


def _interim(label: object) -> bool:
    """An execution header for part of the year ("1-6月执行数", "截至9月执行数"); 1-12月 is the whole year."""
    m = _INTERIM.match(re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(label or ""))))
    return m is not None and int(m.group(1)) < 12


# 成本构成 │ 金额: the 项目预算 block of a 湖北 鄂州 市直部门预算项目支出绩效目标表 (its cost lines and their 合计)
# 总体资金情况 │ 当年金额: the 部门总体资金情况 block of a 湖北 部门整体支出绩效目标申报表 (收入构成 and 支出构成, each with its 合计)
_COMPONENT_NAME = frozenset({"子项名称", "子项目名称", "成本构成", "总体资金情况"})
_COMPONENT_BUDGET = frozenset({"预算数", "预算金额", "预算安排数", "金额", "当年金额"})
# "2020年实际执行数": a prior year's spending on each cost line (鄂州 目标表), a further column of the block to add up
_COMPONENT_YEAR_ACTUAL = lazy_compile(r"^(?:\d{4}年度?|上年|上上年)实际执行数$")
_COMPONENT_ACTUAL = frozenset({"实际数", "实际金额", "实际支出数", "实际支出", "实际支付数"})


def _component_columns(grid: Grid, r: int) -> tuple[int, int | None, int | None] | None:
    """(子项名称, 预算数, 实际数) columns when row r is a 项目资金构成 header (子项名称 │ 预算数(万元) │ 实际数(万元); the 2017
    form: 子项目名称 │ 实际金额(万元)), amounts right of the name; None for any other row."""
    name = budget = actual = None
    for c, v in row_cells(grid, r):
        if not isinstance(v, str):
            continue
        label = H.strip_brackets(H.normalise_label(v))
        if label in _COMPONENT_NAME and name is None:
            name = c
        elif name is not None and label in _COMPONENT_BUDGET and budget is None:
            budget = c
        elif name is not None and label in _COMPONENT_ACTUAL and actual is None:
            actual = c
    if name is None or (budget is None and actual is None):
        return None
    return name, budget, actual


#: 占比: each line's share of its 合计, printed beside the amount (湖北 部门整体支出绩效目标申报表's 部门总体资金情况).
_COMPONENT_SHARE = frozenset({"占比", "比例", "所占比例"})
#: What a block headed by one of these names is called in messages; any other block is the 项目资金构成 / 项目预算 F11 names.
_COMPONENT_BLOCKS = {"总体资金情况": "部门总体资金情况"}


def _component_share_column(grid: Grid, r: int, name_col: int) -> int | None:
    """The 占比 column right of the name in a component block's header row, or None."""
    for c, v in row_cells(grid, r):
        if c > name_col and isinstance(v, str) and H.strip_brackets(H.normalise_label(v)) in _COMPONENT_SHARE:
            return c
    return None


def _component_block_label(grid: Grid, r: int, name_col: int) -> str:
    """What a component block is called in messages, from its name header ("总体资金情况" → 部门总体资金情况); "" otherwise."""
    value = own(grid, r, name_col)
    return _COMPONENT_BLOCKS.get(H.strip_brackets(H.normalise_label(value)), "") if isinstance(value, str) else ""


def _component_extra_columns(grid: Grid, r: int, name_col: int) -> list[tuple[int, str]]:
    """(column, header) of each prior-year 实际执行数 right of the name in a cost block's header row ("2020年实际执行数")."""
    found = []
    for c, v in row_cells(grid, r):
        if c > name_col and isinstance(v, str):
            label = H.strip_brackets(H.normalise_label(v))
            if _COMPONENT_YEAR_ACTUAL.match(label):
                found.append((c, v.strip()))
    return found


#: 近两年收支金额 (湖北 部门总体资金情况): a header over one column per year, the years on the header's second row
_COMPONENT_YEARS = frozenset({"近两年收支金额", "近两年收支"})
#: "2021 年" / "2022年度" under it: one year's column (a bare "年" is a year left unfilled)
_COMPONENT_YEAR = lazy_compile(r"^(\d{4})年度?$")


def _component_years_header(grid: Grid, r: int, name_col: int) -> int | None:
    """The 近两年收支金额 column right of the name in a component block's header row, or None."""
    for c, v in row_cells(grid, r):
        if c > name_col and isinstance(v, str) and H.strip_brackets(H.normalise_label(v)) in _COMPONENT_YEARS:
            return c
    return None


def _component_year_columns(grid: Grid, r: int, first: int) -> list[tuple[int, str]]:
    """(column, "2021年") of each year printed from column `first` on in the header's second row."""
    found = []
    for c, v in row_cells(grid, r):
        if c >= first and isinstance(v, str):
            m = _COMPONENT_YEAR.match(re.sub(r"\s+", "", H.normalise_label(v)))
            if m is not None:
                found.append((c, f"{m.group(1)}年"))
    return found


def _duties_total_line(grid: Grid, r: int, amount_col: int) -> bool:
    """A 年度履职目标 line labelled 合计 / 总计 / 小计 left of its amount: the list's total, not a spending item."""
    for c, v in row_cells(grid, r):
        if c < amount_col and isinstance(v, str) and H.normalise_label(v) in _DUTY_TOTALS:
            return True
    return False


_DUTY_TOTALS = frozenset(H.normalise_label(w) for w in ("合计", "总计", "小计", "合 计", "总 计"))


def _is_pair_total(label: str) -> bool:
    """中期资金总额 / 年度资金总额 / 年度金额: a total, with or without its period."""
    return label in _PAIR_TOTALS or _PERIOD.sub("", label) in _PAIR_TOTALS


def _pair_label(value: object) -> str | None:
    """The funds label of a pair cell ("其中:中央补助(万元)" → "中央补助", "年度金额(万元):" → "年度金额"), or None."""
    if not isinstance(value, str):
        return None
    label = H.strip_numbering(H.normalise_label(value)).rstrip(":")
    for form in (label, H.strip_brackets(label).rstrip(":")):
        if {form, _PERIOD.sub("", form)} & _FUNDS_LABELS:
            return form
    return None


def _blank_medium_pair(grid: Grid, r: int, yearly: tuple[int, str, int]) -> tuple[int, str, int] | None:
    """(label col, label, value col) of a 中期…总额 label left of the row's one figured pair, a 年度 total, whose own value
    cell is blank — the block's first line with the 中期 amount unfilled (阳泉 2021); else None."""
    if not (yearly[1].startswith("年度") and _is_pair_total(yearly[1])):
        return None
    for c, v in row_cells(grid, r):
        label = _pair_label(v)
        if c < yearly[0] and label is not None and label.startswith("中期") and _is_pair_total(label):
            value_col = _right_of(grid, r, c)
            return (c, label, value_col) if value_col < yearly[0] and own(grid, r, value_col) is None else None
    return None


def _right_of(grid: Grid, r: int, c: int) -> int:
    """The column right of cell (r, c), past the merge it anchors and the spacer columns after it (a sheet with an
    empty column between its columns, adv28: 彭水's stacked 年度预算资金总额: │ (spacer) │ 1084.25 read no block)."""
    end = c
    for r1, c1, r2, c2 in grid.merged:
        if c1 == c and r1 <= r <= r2:
            end = max(end, c2)
    spacers = spacer_columns(grid)
    while end + 1 in spacers:
        end += 1
    return end + 1


def funds_pairs(grid: Grid, r: int) -> list[tuple[int, str, int]]:
    """(label col, normalised label, amount col) of the funds label | amount pairs in row r (申报表 资金 block)."""
    cells = row_cells(grid, r)
    out = []
    for i, (c, v) in enumerate(cells[:-1]):
        label = _pair_label(v)
        nxt_c, nxt_v = cells[i + 1]
        if label and _number_like(nxt_v):
            out.append((c, label, nxt_c))
    return out


#: The pairs of 岳阳's 自评报告 money row that are read (计划安排资金 the budget, 实际支出 the execution, 实际到位资金
#: the money arrived), and the pair label read with them but not kept (结余).
_PLAN_ROLES = {"计划安排资金": "full_budget", "实际支出": "executed", "实际到位资金": "arrived"}
_PLAN_OTHERS = frozenset(("结余", "结余资金"))
#: The same money row printed with the plain column words (河北 成安 2020: 预算数 │ 6.84 │ 到位数 │ 6.84 │ 执行数 │ 6.84;
#: 四川 中央转移支付 自评表: 预算数: │ 2.38 │ 执行数: │ 2.38) — read as pairs only where each label has its figure.
#: 四川 中央对地方专项转移支付 区域 自评表 names them for the money: 转移支付预算数(A), 转移支付执行数(B).
_INLINE_ROLES = {
    "预算数": "full_budget",
    "执行数": "executed",
    "到位数": "arrived",
    "转移支付预算数": "full_budget",
    "转移支付执行数": "executed",
}
#: The 执行率 printed as a pair beside them (四川 区域 自评表: 预算执行率(B/A) │ 100%).
_INLINE_RATES = frozenset(("执行率", "预算执行率"))


def _plan_pairs(grid: Grid, r: int) -> dict[str, tuple[int, int]] | None:
    """Role → (label col, value col) of a 计划安排资金 │ … │ 实际支出 │ … money row, else None. The values may be blank
    or text no amount reads from ('7,00.0,77'): they are the row's figures all the same, to be judged."""
    found: dict[str, tuple[int, int]] = {}
    others = 0
    cells = row_cells(grid, r)
    for i, (c, v) in enumerate(cells):
        if not isinstance(v, str):
            continue
        label = H.strip_brackets(H.normalise_label(v)).rstrip(":")
        if label in _PLAN_ROLES and _PLAN_ROLES[label] not in found:
            found[_PLAN_ROLES[label]] = (c, _pair_value_col(grid, r, c, cells[i + 1 : i + 2]))
        elif label in _PLAN_OTHERS:
            others += 1
    if {"full_budget", "arrived"} <= found.keys():
        return found  # 实际支出 on the row, or (浙江省项目支出绩效评价报告) on a line of its own below the sources
    return found if {"full_budget", "executed"} <= found.keys() and others else None


def _pair_value_col(grid: Grid, r: int, c: int, after: list[tuple[int, object]]) -> int:
    """The value column of a pair label at (r, c): the cell right of it (past its merge), or — where that one is blank
    and the next written cell is a figure, not the next label — that figure's (a blank or hidden column between label
    and amount: probe_variants empty_column_b on 岳阳 2016's 计划安排资金 │ │ 170)."""
    right = _right_of(grid, r, c)
    if after and after[0][0] > right and _number_like(after[0][1]):
        return after[0][0]
    return right


def _inline_label(value: object) -> str:
    """A pair's label as `inline_pairs` compares it: no spaces, brackets or colon ("转移支付预算数(A)" → 转移支付预算数)."""
    return H.strip_brackets(H.normalise_label(value)).rstrip(":：") if isinstance(value, str) else ""


def split_pairs(grid: Grid, r: int) -> dict[str, tuple[int, int, int]] | None:
    """Role → (row, label col, value col) of the inline pairs (`inline_pairs`) printed on two rows — 转移支付预算数(A) │
    5.8万 over 转移支付执行数(B) │ 5.8万 in the same columns, 预算执行率(B/A) │ 100% beside the first (四川 2021
    中央对地方专项转移支付 区域 自评表) — else None. Read only where each amount label has its figure."""
    found: dict[str, tuple[int, int, int]] = {}
    for c, v in row_cells(grid, r):
        label = _inline_label(v)
        role = "rate" if label in _INLINE_RATES else _INLINE_ROLES.get(label)
        if role in found or role not in (None, "full_budget", "rate"):
            return None  # 执行数 on the same row: `inline_pairs`' reading, not this one
        if role is not None:
            found[role] = (r, c, _right_of(grid, r, c))
    if "full_budget" not in found or r + 1 > grid.n_rows:
        return None
    label_col = found["full_budget"][1]
    if _INLINE_ROLES.get(_inline_label(own(grid, r + 1, label_col))) != "executed":
        return None
    found["executed"] = (r + 1, label_col, _right_of(grid, r + 1, label_col))
    return found if all(_number_like(own(grid, *found[k][::2])) for k in ("full_budget", "executed")) else None


def inline_pairs(grid: Grid, r: int) -> dict[str, tuple[int, int]] | None:
    """Role → (label col, value col) of a 预算数 │ 6.84 │ 执行数 │ 6.84 money row, else None: the row a funds header's
    words would claim, read as pairs because a figure stands right of both the 预算数 and the 执行数 label (a header
    has none)."""
    found: dict[str, tuple[int, int]] = {}
    cells = row_cells(grid, r)
    for i, (c, v) in enumerate(cells):
        label = _inline_label(v)
        role = "rate" if label in _INLINE_RATES else _INLINE_ROLES.get(label)
        if role is not None and role not in found:
            # the figure right of the label, or past blank cells where the merge was undone (预算数 │ (空) │ 6.84)
            found[role] = (c, _pair_value_col(grid, r, c, cells[i + 1 : i + 2]))
    if not {"full_budget", "executed"} <= found.keys():
        return None
    if "rate" in found and _blank_or_label(own(grid, r, found["rate"][1])):
        del found["rate"]  # 执行率 │ (blank) or a label: no rate printed as a pair
    if "rate" not in found and (headed := _rate_under_heading(grid, r, found)) is not None:
        found["rate"] = headed
    return found if all(_number_like(own(grid, r, found[k][1])) for k in ("full_budget", "executed")) else None


#: A heading over the pairs' row naming the figure under it a rate (成安 2020: 预算执行进度(%) over 100.00).
_RATE_HEADINGS = _INLINE_RATES | {"预算执行进度"}


def _rate_under_heading(grid: Grid, r: int, found: dict[str, tuple[int, int]]) -> tuple[int, int] | None:
    """(heading col, value col) of the rate printed under a heading on the row above the pairs rather than as a pair
    of its own — 成安 2020's 预算安排情况 │ 资金到位情况 │ 资金执行情况 │ 预算执行进度(%) over 预算数 │ 6.84 │ 到位数 │ 6.84 │
    执行数 │ 6.84 │ 100.00 (issue 11: F04 was skipped, the rate unread) — else None. Only a figure in the heading's own
    column that no pair claims."""
    if r <= 1:
        return None
    taken = {c for pair in found.values() for c in pair}
    for c, v in row_cells(grid, r - 1):
        if _inline_label(v) in _RATE_HEADINGS and c not in taken and not _blank_or_label(own(grid, r, c)):
            return (c, c) if _number_like(own(grid, r, c)) else None
    return None


def _blank_or_label(value: object) -> bool:
    """Nothing a rate could be read from: blank or a placeholder ("—", as a blank rate: unfilled, not wrong), or a
    pair label ("执行数") standing right of 执行率."""
    return value is None or (
        isinstance(value, str) and (blank_text(value) or bool(_inline_label(value) in _INLINE_ROLES))
    )


def _stacked_line(grid: Grid, r: int, cells: list[tuple[int, object]]) -> tuple[int, int, bool] | None:
    """(label col, value col, is a total) of a line holding one funds label and its figure or nothing (年度预算资金总额: │
    1084.25, 其中:中央补助 │ 668.00, 本级资金(包括结转结余) │ (空)), else None. A stray closing bracket after the label
    ("年度预算资金总额):", 彭水 2024 as printed) is not part of it."""
    if not cells or len(cells) > 2 or not isinstance(cells[0][1], str):
        return None
    text = H.normalise_label(cells[0][1]).rstrip(":")
    if text.endswith(")") and "(" not in text:
        text = text[:-1].rstrip(":")
    label = _pair_label(text)
    value_col = _right_of(grid, r, cells[0][0])
    if label is None or (len(cells) == 2 and cells[1][0] != value_col):
        return None
    return cells[0][0], value_col, _is_pair_total(label)


def _other_figure_line(grid: Grid, r: int, cells: list[tuple[int, object]], label_col: int) -> bool:
    """A label │ figure line in a stacked funds block's own columns whose label names no funds (受益人数(人) │ 12,
    资金到位率 │ 100%): not money, yet no end of the block — cutting it there would drop the sources printed under it
    and make a certain F02 of a block that adds up (review 9)."""
    return (
        len(cells) == 2
        and cells[0][0] == label_col
        and cells[1][0] == _right_of(grid, r, label_col)
        and isinstance(cells[0][1], str)
        and (_number_like(cells[1][1]) or parse_value(cells[1][1]).number is not None)
    )


def _stack_goes_on(grid: Grid, r: int) -> bool:
    """The row under a stacked block's total is one of its lines: a label │ value line, or a lone text (其中:, a fund's
    name) — as `FundsRows._stacked_row` reads them."""
    if r > grid.n_rows:
        return False
    cells = unfilled_cells(grid, r)
    return _stacked_line(grid, r, cells) is not None or (len(cells) == 1 and isinstance(cells[0][1], str))


def _unfilled_across(cells: list[tuple[int, object]]) -> list[tuple[int, object]]:
    """Row cells without a text repeating the cell just left of it: a label merged across and exported filled
    ("取消合并并填充": 年度资金总额: │ 年度资金总额: │ 500) is one label."""
    return [
        cell for i, cell in enumerate(cells) if i == 0 or not isinstance(cell[1], str) or cell[1] != cells[i - 1][1]
    ]


def _single_total_line(grid: Grid, r: int) -> tuple[int, str, int] | None:
    """A group label, a total label and its amount (or nothing) as a row's only cells — 资金金额 │ 年度资金总额 │ (空),
    资金情况 │ 年度金额(万元): │ 397 — the first line of a 目标表's single-pair funds block, else None."""
    cells = _unfilled_across(row_cells(grid, r))
    if len(cells) not in (2, 3) or not isinstance(cells[0][1], str):
        return None
    group = H.strip_brackets(H.normalise_label(cells[0][1])).rstrip(":")
    label = _pair_label(cells[1][1])
    if group not in _PAIR_GROUPS or label is None or not _is_pair_total(label):
        return None
    value_col = _right_of(grid, r, cells[1][0])
    if len(cells) == 3:
        # the row's one figure, right after the label or past blank cells (资金情况 │ 年度资金总额: │ (空) │ 500: 清涧
        # 2021's block with its merges undone, as HTML exports and re-saved sheets print it): its column is the pair's
        if cells[2][0] < value_col or not _number_like(cells[2][1]):
            return None
        value_col = cells[2][0]
    return cells[1][0], label, value_col


def _pair_row(grid: Grid, r: int, label_col: int, value_col: int, *, is_total: bool) -> FundsRow:
    """A pair as a funds line: its label, and its amount as the year's budget (blank where the cell is)."""
    blank = CellValue(None, None)
    amount = value_at(grid, r, value_col) if own(grid, r, value_col) is not None else empty_at(grid, r, value_col)
    return FundsRow(value_at(grid, r, label_col), blank, amount, blank, blank, blank, blank, is_total)


def _blank_pair_line(grid: Grid, r: int, pair_col: int, offset: int = 1) -> list[tuple[int, str, int]]:
    """A pair line whose amount is blank (地方资金 │ (空)) in the pair column of a block already begun — also where the
    merges were undone and filled (资金情况 │ 其他资金 │ 其他资金: the group's and the label's texts repeated)."""
    cells = _unfilled_across(unfilled_cells(grid, r))
    if len(cells) != 1 or cells[0][0] != pair_col:
        return []
    label = _pair_label(cells[0][1])
    value_col = max(
        _right_of(grid, r, pair_col), pair_col + offset
    )  # the block's amount column (unmerged: past blanks)
    return [(pair_col, label, value_col)] if label else []
