"""Find the tables of one sheet by their header labels (never by coordinates) and hand each row
range to the right parser: 自评表 parts (evaluation.py) and 基础数据表 (basic.py).

Pure: works on a Grid only. Whatever it cannot map becomes a Finding; it never raises on odd grids.
"""

from __future__ import annotations

import dataclasses
import enum
import itertools
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import field
from decimal import Decimal
from typing import Any

from ..chinese import available, looks_traditional
from ..grid import Grid
from ..model import (
    WEIGHTS_IN_LABELS,
    BasicData,
    CellRef,
    Finding,
    SelfEvaluation,
    Severity,
    SheetCoverage,
    SkippedCheck,
    SumTable,
    TableCoverage,
)
from ..patterns import lazy_compile
from ..records import record
from ..skips import part_of_form, skipped_for
from . import headers as H
from .cells import clear_cache, row_cells, row_labels, scan_rows
from .columns import empty_under
from .coverage import table_coverage
from .findings import container
from .fragment import (
    WHOLE_TABLE_CHECKS,
    WHOLE_TABLE_REASON,
    fragment_note,
    headerless_indicator_rows,
    template_columns,
)
from .hidden_cells import hidden_cell_findings
from .label_weights import scored_by_labels
from .listing import LISTING_NOTE, read_listing
from .merges import merge_findings
from .reordered import reordered_weight
from .results_list import RESULTS_NOTE, read_results_list
from .scoring_sheet import (
    FRAGMENT_CLASSES,
    FRAGMENT_NOTE,
    SCORING_NOTE,
    score_fragment_columns,
    score_fragment_note,
    scoring_sheet_columns,
)
from .sheetkind import KIND_ZH, NOT_TABLE_KINDS, kind_from_name
from .summary_pairs import SUMMARY_NOTE, read_summary_pairs
from .weighted_table import WEIGHTED_LEVELS, WEIGHTED_NOTE, read_weighted_table

__all__ = ["RowKind", "classify_row", "read_sheet", "SheetLayout", "indicator_columns", "funds_columns"]


class RowKind(enum.Enum):
    BLANK = "blank"
    TITLE_EVALUATION = "title_evaluation"
    TITLE_BASIC = "title_basic"
    HEADER_FIELD = "header_field"
    FUNDS_HEADER = "funds_header"
    GOALS_HEADER = "goals_header"
    INDICATOR_HEADER = "indicator_header"
    BASIC_SECTION = "basic_section"
    TOTAL = "total"
    GRADE = "grade"
    NOTE = "note"
    OTHER = "other"


#: Members asked once or more a row, read as module globals: in Python 3.11 `RowKind.OTHER` goes through `EnumType`'s
#: `__getattr__` hook (CPython's `slot_tp_getattr_hook`: its `__getattribute__` looked up, bound and called), ≈ 890
#: instructions an ask against a global's ≈ 10 (perf21l; the hook is gone in 3.12).
_OTHER, _NOTE, _BLANK = RowKind.OTHER, RowKind.NOTE, RowKind.BLANK


@record()
class SheetLayout:
    """What one sheet holds: evaluations, a basic-data table, 申报表/监控表 forms, the findings about
    them, and its coverage (kind, tables read as runs of rows, checks that cannot run)."""

    evaluations: list[SelfEvaluation] = field(default_factory=list)
    basic: BasicData | None = None
    problems: list[Finding] = field(default_factory=list)
    declarations: list[SelfEvaluation] = field(default_factory=list)
    monitoring: list[SelfEvaluation] = field(default_factory=list)
    tables: list[TableCoverage] = field(default_factory=list)
    skipped: list[SkippedCheck] = field(default_factory=list)
    sheet: SheetCoverage | None = None
    sum_tables: list[SumTable] = field(default_factory=list)  # tables read for their own sums (功能分类表, 收支总表)


def columns_by_role(
    grid: Grid, r: int, table: dict[str, tuple[str, ...]], start: int = 0, skip: frozenset[int] = frozenset()
) -> dict[str, int]:
    """Role → column of header row r from column `start` on (first column wins, except that a label naming its role
    only where nothing else does — `H.WEAK_SYNONYMS` — yields to another label for it; merged header cells count at
    their anchor); the columns in `skip` are not looked at.

    The answer depends on the row's (column, label) pairs and the table alone: memoised by them (batch28L — a batch
    worker asks ≈ 70 rows a file, mostly a province's same head and header rows again), a new dict each call."""
    labels = row_labels(grid, r)
    if start or skip:
        labels = [(c, label) for c, label in labels if c >= start and c not in skip]
    key = (tuple(labels), id(table))
    hit = _COLUMNS_MEMO.get(key)
    if hit is None or hit[0] is not table:
        if len(_COLUMNS_MEMO) >= _COLUMNS_MEMO_MAX:
            _COLUMNS_MEMO.clear()
        hit = _COLUMNS_MEMO[key] = (table, tuple(_roles_of(labels, table).items()))
    return dict(hit[1])


#: (the row's (column, label) pairs, id(table)) → (the table, its roles' (role, column) pairs): the table kept beside
#: its answer, so an id reused by another table is never taken for it. Emptied when full (a 10,000-row sheet's rows
#: are asked once each by the layout — its head rows, not its data rows).
_COLUMNS_MEMO: dict[tuple[tuple[tuple[int, str], ...], int], tuple[dict, tuple[tuple[str, int], ...]]] = {}
_COLUMNS_MEMO_MAX = 4096


def _roles_of(labels: Sequence[tuple[int, str]], table: dict[str, tuple[str, ...]]) -> dict[str, int]:
    """`columns_by_role` of a row's (column, label) pairs."""
    found: dict[str, int] = {}
    weak: set[str] = set()
    for c, label in labels:
        role = H.match_role(label, table)
        if not role or (role in found and role not in weak):
            continue
        is_weak = H.strip_brackets(label) in H.WEAK_SYNONYMS  # "绩效目标", "绩效目标(10分)"
        if role not in found or not is_weak:
            found[role] = c
            weak.discard(role)
            if is_weak:
                weak.add(role)
    return found


def _cells_under(grid: Grid, r: int, cols: dict[str, int]) -> int:
    """The written cells of row r + 1 under header row r's span (to its last role column, or past it to the first gap
    of two empty header cells): a small table printed beside the header (序号 │ 佐证材料名称 over 1 │ 项目实施方案,
    adv27) does not count against the second header row."""
    end = max(cols.values(), default=-1)
    while any(grid.raw(r, c) is not None or grid.anchor_of(r, c) != (r, c) for c in (end + 1, end + 2)):
        end += 1
    return sum(1 for c, _ in row_cells(grid, r + 1) if c <= end)


def _units_under(grid: Grid, r: int) -> bool:
    """Row r + 1 a row of units alone ("分", "分 │ 分", `_UNIT_CELLS`): a header's units, printed between its two rows
    when the row under it names roles (review32w — the 一级 │ 二级 │ 三级 row under it went unread, every indicator
    lost); the caller asks that of row r + 2."""
    cells = row_cells(grid, r + 1)
    return bool(cells) and all(v.__class__ is str and v.strip() in _UNIT_CELLS for _, v in cells)


def _no_trailing_seq(cols: dict[str, int]) -> dict[str, int]:
    """`cols` without a 序号 right of every other column it names: a 序号 numbers a table's rows from its left, one
    right of the table heads a small table of its own printed beside it (序号 │ 佐证材料名称, adv27 — read as this
    header's, it moved the 偏差原因 column past it, off the sheet, and D01 could not check it)."""
    seq = cols.get("seq")
    if seq is None or any(c > seq for k, c in cols.items() if k != "seq"):
        return cols
    return {k: c for k, c in cols.items() if k != "seq"}


def _complete(cols: dict[str, int]) -> bool:
    """A usable 绩效指标 header: a name (or 一级+二级) column, a target or actual, a weight or score.

    A table without 分值/得分 counts too when it has the 一级/二级 grouping and a target column
    (绩效目标申报表, target-setting tables) or progress/forecast columns (执行监控表).
    """
    if _complete_scored(cols):
        return True
    named = "name" in cols or {"level1", "level2"} <= cols.keys()
    if not named:
        return False
    grouped = "name" in cols and bool({"level1", "level2"} & cols.keys())
    # a scoring table (评分表: 一级/二级/三级 | 分值 | [评分标准 |] 得分, no target or actual) is one too
    scoring = {"weight", "score"} <= cols.keys()
    return grouped and ("target" in cols or scoring or bool({"progress", "forecast"} & cols.keys()))


def _complete_scored(cols: dict[str, int]) -> bool:
    """A 自评表 绩效指标 header: a name (or 一级+二级) column, a target or actual, a weight or score."""
    named = "name" in cols or {"level1", "level2"} <= cols.keys()
    return named and bool({"target", "actual"} & cols.keys()) and bool({"weight", "score"} & cols.keys())


def indicator_columns(grid: Grid, r: int) -> dict[str, int] | None:
    """Columns of a 绩效指标 header starting at row r, with a second header row merged in.

    The second row is either the split 指标性质 | 指标值 | 度量单位 sub-header, or the 一级 | 二级 |
    三级指标 row under a merged "绩效指标" cell (other headers merged down both rows).
    """
    cols = _no_trailing_seq(columns_by_role(grid, r, H.INDICATOR_COLUMNS))
    if not cols:
        return None
    cols = reordered_weight(
        grid,
        r,
        _level2_under_level1(
            grid,
            r,
            _weight_after_name(
                grid,
                r,
                _goal_of_scoring(
                    grid,
                    r,
                    _value_after_target(
                        grid,
                        r,
                        _completion_as_actual(grid, r, _target_after_name(grid, r, _content_scored(grid, r, cols))),
                    ),
                ),
            ),
        ),
    )
    # a header merged down both rows and exported filled repeats its text in the row below ("指标分值" over "指标分值"):
    # that cell is the upper header's, not the second row's (河北 成安 2020: 权重占比 under 自评得分 is the weight)
    copies = _filled_down(grid, r)
    # a row of units between the two ("绩效指标 │ 分值" over "│ 分" over "一级 │ 二级 │ 三级", review32w): the names below it
    below = r + 2 if _units_under(grid, r) else r + 1
    sub = columns_by_role(grid, below, H.INDICATOR_COLUMNS, skip=copies)
    if sub and len(sub) >= _cells_under(grid, below - 1, cols) - len(copies) - 1 and set(sub) - {"check"}:
        merged = _goal_of_scoring(grid, r, {**_split_target(grid, r, cols), **sub, "_subheader": below})
        # the names on the second row under "绩效指标": a target-headed column left of them (年度目标, the project's goal
        # beside its 预算数) is no target column, as on a one-row header (adv27: 井研 2023's 申报表 with its header split)
        merged = _target_after_name(grid, r, merged)
        if "own_score" in sub and cols.get("weight", sub.get("weight")) != sub.get("weight"):
            # 河北: 权重占比(%) under 自评得分 is the weight; the 指标分值 column left of it holds a description of
            # the indicator (成安 2020 "享受补贴政策人数占…的比例"), read as known text, not as the weight
            merged.setdefault("criteria", cols["weight"])
        # a complete row below a row naming one role at most ("单位" of a header line) is its own header
        if _complete(merged) and not _complete_scored(sub) and not (_complete(sub) and len(cols) <= 1):
            return merged
    cols = _split_target(grid, r, cols)
    if not _complete(cols):
        if scored_by_labels(grid, r, cols):  # 湖南 计分表: 一级 │ 二级 │ 三级 │ 自评分, each one's points in its label
            cols = {**cols, "_label_weights": r}
        else:
            cols = _content_as_name(grid, r, cols)
            if not _complete(cols) and not _flat_targets(grid, r, cols):
                return None
    if not {"target", "actual"} & cols.keys():
        # a scoring header (分值/得分, no 指标值/完成值) only when every label right of the name is known — data
        # columns perfxl does not know (预期目标 | 实际完成情况) would be dropped silently; an OCR-damaged level
        # label on the left ("级指标") is harmless — and when the row below is not the full header
        # (一级 | 二级 | 三级 | 年度目标完成情况 | … above 年度指标值 | 实际完成值)
        name = cols.get("name", -1)
        if any(c > name and not H.match_role(label, H.INDICATOR_COLUMNS) for c, label in row_labels(grid, r)):
            return None
        if _complete_scored(columns_by_role(grid, r + 1, H.INDICATOR_COLUMNS)):
            return None
    return cols


def _filled_down(grid: Grid, r: int) -> frozenset[int]:
    """The columns of row r + 1 repeating row r's text in the same column, unmerged: a header merged down two rows and
    exported filled ("取消合并并填充"). Empty when row r + 1 holds no such copy."""
    above = dict(row_cells(grid, r))
    return frozenset(
        c
        for c, v in row_cells(grid, r + 1)
        if isinstance(v, str) and above.get(c) == v and grid.anchor_of(r + 1, c) == (r + 1, c)
    )


#: Columns a flat target table may have beside its names and values (序号, 评价标准 …), all known labels.
_FLAT_TARGET_ROLES = frozenset({"seq", "name", "target", "nature", "unit", "criteria"})


def _flat_targets(grid: Grid, r: int, cols: dict[str, int]) -> bool:
    """指标名称 │ 计量单位 │ 指标性质 │ 指标值 with no 一级/二级 and no 完成值/分值/得分 (重庆 丰都 2022 自评报告's 绩效目标):
    a target-setting table, when the header names the 指标性质 of its values or calls them targets (年度指标值, 目标值 —
    a 指标名称 │ 计量单位 │ 指标值 list of figures says nothing of targets) and every other label of the row is one such a
    table has (a column perfxl does not know would be dropped silently)."""
    if not {"name", "target"} <= cols.keys() or not {"nature", "unit"} & cols.keys():
        return False
    if "nature" not in cols and dict(row_labels(grid, r)).get(cols["target"]) == H.normalise_label("指标值"):
        return False  # 指标名称 │ 计量单位 │ 指标值: figures with their units (a statistics table), not targets
    if {"level1", "level2"} & cols.keys():
        return False
    for c, label in row_labels(grid, r):
        role = H.match_role(label, H.INDICATOR_COLUMNS)
        if role in _FLAT_TARGET_ROLES:
            continue
        if c < cols["name"] and H.strip_brackets(label) in H.INDICATOR_SECTION_LABELS:
            continue  # the block's own label on its left ("绩效指标")
        return False
    return True


def _split_target(grid: Grid, r: int, cols: dict[str, int]) -> dict[str, int]:
    """预期指标值 merged over 符号 │ (blank) │ 单位(文字描述) on the row below (河北 预算项目绩效自评表, 成安 2020), the rest of
    that row headed otherwise: the operator, the value under the blank sub-header and the unit, joined as one target
    (`join_target`). Without it the 符号 column was read as the target (">=": a false I03 错误)."""
    c0 = cols.get("target")
    if c0 is None or "nature" in cols or "unit" in cols:
        return cols
    merged = next((m[3] for m in grid.merged if (m[0], m[1]) == (r, c0) and m[2] == r), None)
    # the header exported without its merge: blank cells after it, or its text repeated in them ("取消合并并填充")
    last = merged if merged is not None else max(_blank_run(grid, r, c0), _filled_run(grid, r, c0))
    below = columns_by_role(grid, r + 1, H.INDICATOR_COLUMNS, c0)
    split = {k: c for k, c in below.items() if c <= last and k in ("nature", "unit")}
    rest = [c for c in range(c0, last + 1) if c not in split.values()]
    # a column empty under the header too is a spacer the merge spans (a sheet with narrow columns between, adv27)
    spacers = {c for c in rest if grid.raw(r + 1, c) is None and empty_under(grid, (r + 1,), c)}
    blank = [c for c in rest if c not in spacers and grid.raw(r + 1, c) is None]
    if not split or len(blank) != 1 or len(split) + 1 + len(spacers) != last - c0 + 1:
        return cols
    return {**cols, **split, "target": blank[0], "_subheader": r + 1}


def _blank_run(grid: Grid, r: int, c: int) -> int:
    """The last column of the blank header cells right of (r, c) that a merge would have spanned (at most 3 more)."""
    last = c
    while last < c + 3 and grid.raw(r, last + 1) is None and grid.anchor_of(r, last + 1) == (r, last + 1):
        last += 1
    return last


def _filled_run(grid: Grid, r: int, c: int) -> int:
    """The last column of the cells right of (r, c) repeating its text, as an unmerged export fills a merge's cells (at
    most 3 more)."""
    text = grid.raw(r, c)
    last = c
    while isinstance(text, str) and last < c + 3 and grid.raw(r, last + 1) == text:
        last += 1
    return last


#: A description header that names each indicator in a table with no 三级 column (`_content_as_name`).
_CONTENT_NAMES = frozenset({"指标内容", "具体指标"})


def _content_as_name(grid: Grid, r: int, cols: dict[str, int]) -> dict[str, int]:
    """一级指标 │ 二级指标 │ 指标内容 │ 指标值 with no 三级 column (宁乡/长沙 项目绩效目标表, 湖南 坝塘镇 2021): 指标内容 is
    where each indicator is named. Only for a header that is no table without it — beside a 三级 column, or in a
    自评表 complete without it, 指标内容 stays a description (review round 14)."""
    if "name" in cols or "level2" not in cols:
        return cols
    for c, label in row_labels(grid, r):
        if label in _CONTENT_NAMES and cols["level2"] < c < min(
            (cols[k] for k in ("target", "weight") if k in cols), default=c + 1
        ):
            found = {k: v for k, v in cols.items() if v != c}
            return {**found, "name": c}
    return cols


def _content_scored(grid: Grid, r: int, cols: dict[str, int]) -> dict[str, int]:
    """项目权重 │ 评价内容 │ 分值 │ 自评分 │ 复核分 │ 评价标准及依据 (湖北 项目支出绩效自评表, 广水 2019/2021, 随州 2022: the
    项目决策/项目管理 part scored before the 项目绩效 indicators): 评价内容, with 分值 and 得分 right after it and no other
    name or 二级 column, names each scored item, and the column left of it holds the groups with their points
    ("项目管理13分") — the 一级 of the rows. Elsewhere 评价内容 heads the 一级 groups (福建: over 产出目标 │ 数量目标)."""
    level1 = cols.get("level1")
    if level1 is None or "name" in cols or "level2" in cols or not {"weight", "score"} <= cols.keys():
        return cols
    labels = dict(row_labels(grid, r))
    if labels.get(level1) != "评价内容" or not level1 < cols["weight"] < cols["score"]:
        return cols
    left = [c for c in labels if c < level1]
    if len(left) != 1 or H.match_role(labels[left[0]], H.INDICATOR_COLUMNS) is not None:
        return cols
    return {**cols, "name": level1, "level1": left[0]}


def _level2_under_level1(grid: Grid, r: int, cols: dict[str, int]) -> dict[str, int]:
    """A 一级 header merged over two columns with no 二级 header of its own (福建: 评价内容 over 产出目标 |
    数量目标): its second column holds the 二级 labels."""
    level1, name = cols.get("level1"), cols.get("name")
    if level1 is None or name is None or "level2" in cols:
        return cols
    span = next((m for m in grid.merged if (m[0], m[1]) == (r, level1) and m[2] == r), None)
    if span is None or span[3] != level1 + 1 or name <= level1 + 1:
        return cols
    return {**cols, "level2": level1 + 1}


def _target_after_name(grid: Grid, r: int, cols: dict[str, int]) -> dict[str, int]:
    """A target-headed column left of the indicator names is the block's own label, not where the targets are (澧县 2021:
    绩效目标 │ 一级指标 │ 二级指标 │ 三级指标 │ …, "绩效目标" merged down the block's rows; 海南's 目标表 prints 绩效目标 right
    of 指标名称 as its target column): the target is the first target-headed column right of the names, if any."""
    target = cols.get("target")
    first = min((cols[k] for k in ("level1", "level2", "name") if k in cols), default=None)
    if target is None or first is None or target > first:
        return cols
    found = {k: c for k, c in cols.items() if k != "target"}
    later = [
        c for c, label in row_labels(grid, r) if c > first and H.match_role(label, H.INDICATOR_COLUMNS) == "target"
    ]
    if later:
        found["target"] = later[0]
    return found


def _completion_as_actual(grid: Grid, r: int, cols: dict[str, int]) -> dict[str, int]:
    """一级 │ 二级 │ 三级指标 │ 绩效目标 │ 实际完成 (or 完成情况) │ 分值 │ 得分: the goals block's words, but the levels,
    分值 and 得分 beside them make the row an indicator header — its 实际完成 column is each line's actual (issue 11: the
    row was read as the goals header and every indicator beneath went unread). Only with all of those beside it: a
    goals block's 预期目标 │ 实际完成情况 has no levels and no 分值/得分."""
    if "actual" in cols or not {"level1", "name", "weight", "score"} <= cols.keys():
        return cols
    found = dict(cols)
    for c, label in row_labels(grid, r):
        bare = H.strip_brackets(label)
        if c <= cols["name"] or c in cols.values():
            continue
        if "target" not in found and "actual" not in found and bare in H.GOAL_COLUMNS["expected"]:
            found["target"] = c  # 预期目标 │ 实际完成情况: the goals block's pair, here each line's target and actual
        elif c > found.get("target", -1) and bare in H.GOAL_COLUMNS["actual"]:
            found["actual"] = c
            break
    # only with the target beside it (绩效目标, 预期目标): an actual alone would read lines with nothing to measure
    return found if {"target", "actual"} <= found.keys() else cols


#: Bare labels of a column holding the value an indicator reached when a 目标值 column states the target
#: (`_value_after_target`); "指标" is how the same form heads that column in its first header (科技专项, 大通关, 反恐 …).
_REACHED_VALUE = frozenset(H.normalise_label(x) for x in ("指标值", "指标"))
#: The 吉林 form's column of the data a unit enters, from which its 指标值 is computed (填表说明 3–4).
_DATA_ITEMS = H.normalise_label("采集数据")


def _value_after_target(grid: Grid, r: int, cols: dict[str, int]) -> dict[str, int]:
    """三级指标 │ 计量单位 │ 目标值(标准) │ 分值 │ 采集数据项 │ 指标值 (吉林 专项经费支出绩效评价表, hktianyi/Meeting 2016): the
    header states its target as 目标值, so the bare 指标值 right of it is the value the indicator reached — computed from
    the 采集数据项 the unit enters (填表说明 3–4) — each line's actual. 指标值 alone names the target (申报表, 一体化
    forms), and the first target column wins, so the filled actuals went unread and S15 called them blank. Only with no
    actual column, the 目标值 right of the names (a 年度目标 goal column left of them labels the block) and 指标值 right
    of it. The form heads the same column "指标" in its first header and "指标值" in the repeated ones: both are read, or
    the repeated header's columns would differ from the first's and start a new table.

    Only with the form's 采集数据项 column between the two (review14h): that column is what makes 指标值 a reached value
    — the form computes it from the data entered there. Without it the reading rests on the header's shape alone
    (年度目标值 │ 指标值 │ 分值 │ 得分 may be a plan beside a target), and a plan read as the actual made S01/S07 certain
    错误 on targets; such a 指标值 stays a second target column, unread, as before."""
    target, name = cols.get("target"), cols.get("name")
    if "actual" in cols or target is None or name is None or target < name:
        return cols
    labels = dict(row_labels(grid, r))
    if not H.strip_brackets(labels.get(target, "")).endswith(H.normalise_label("目标值")):
        return cols
    later = [c for c, label in labels.items() if c > target and c not in cols.values() and label in _REACHED_VALUE]
    if not later or not any(target < c < later[0] and label.startswith(_DATA_ITEMS) for c, label in labels.items()):
        return cols
    return {**cols, "actual": later[0]}


def _goal_of_scoring(grid: Grid, r: int, cols: dict[str, int]) -> dict[str, int]:
    """A 绩效目标 column (a weak synonym, `H.WEAK_SYNONYMS`) in a scoring sheet's header — 分值 and 得分, no actual
    column (一级 │ 二级 │ 三级 │ 绩效目标 │ 分值 │ 评分标准 │ 得分) — holds the goal each line is scored against, not a target
    an actual is measured by: read as one, every scored line would lack its actual (S12) and the sheet would lose its
    评分表 reading (review 10b). 海南's 目标表 (no 分值/得分) and a 自评表 with an actual column keep it as the target."""
    target = cols.get("target")
    if target is None or "actual" in cols or not {"weight", "score"} <= cols.keys():
        return cols
    label = next((label for c, label in row_labels(grid, r) if c == target), "")
    if H.strip_brackets(label) not in H.WEAK_SYNONYMS:
        return cols
    return {k: c for k, c in cols.items() if k != "target"}


def _weight_after_name(grid: Grid, r: int, cols: dict[str, int]) -> dict[str, int]:
    """Scoring tables print a 分值 after every level (一级 | 分值 | 二级 | 分值 | 三级指标 | 分值 | 得分, 海南):
    an indicator's weight is the 分值 after its name, not the first one."""
    name, weight = cols.get("name"), cols.get("weight")
    if name is None or weight is None:
        return cols
    if weight > name:  # the 分值 after the name already (a weak 自评权重 before it yielded): the level weights below
        found = dict(cols)
    else:
        later = [
            (H.strip_brackets(label) in H.WEAK_SYNONYMS, c)
            for c, label in row_labels(grid, r)
            if c > name and H.match_role(label, H.INDICATOR_COLUMNS) == "weight"
        ]
        if not later:
            return cols
        found = {**cols, "weight": min(later)[1]}  # a 分值 before a weak 自评权重
    # the 分值 after each level name is that level's declared weight (一级 | 分值: W02 holds it to the rows under it)
    weights = [
        c for c, label in row_labels(grid, r) if c < name and H.match_role(label, H.INDICATOR_COLUMNS) == "weight"
    ]
    for level in ("level1", "level2"):
        at = cols.get(level)
        after = [c for c in weights if at is not None and c > at and not any(at < v < c for v in cols.values())]
        if after:
            found[f"{level}_weight"] = after[0]
    return found


def funds_columns(grid: Grid, r: int) -> dict[str, int] | None:
    """Columns of a funds header row (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分)."""
    cols = columns_by_role(grid, r, H.FUNDS_COLUMNS)
    amounts = [k for k in H.FUNDS_AMOUNT_ROLES if k in cols]
    if amounts == ["full_budget"] and cols.get("prior_year", cols["full_budget"]) < cols["full_budget"]:
        # 湖南 申报表: 项 目 │ 上年度安排资金 │ 本年度申请资金 — last year's money beside this year's request
        return cols
    if len(amounts) < 2:
        return None
    if r > 0:  # a two-row header: 分值 | 执行率 | 得分 merged down from the group row above ("预算执行情况" over C:E)
        for c, label in row_labels(grid, r - 1):
            role = H.match_role(label, H.FUNDS_COLUMNS)
            if role and role not in cols and grid.anchor_of(r, c) == (r - 1, c):
                cols[role] = c
    first = min(cols[k] for k in amounts)
    if any(c < first for k, c in cols.items() if k not in H.FUNDS_AMOUNT_ROLES):
        # the block's label over the row labels ("预算执行率(10分)") names the block, not the rate column: rates,
        # weights and scores stand right of the amounts
        right = columns_by_role(grid, r, H.FUNDS_COLUMNS, start=first + 1)
        cols = {k: c for k, c in cols.items() if k in H.FUNDS_AMOUNT_ROLES or c > first}
        cols.update({k: c for k, c in right.items() if k not in cols})
    return cols


#: The year line under a form's title — "(2022年度)", "( 2020 年度)", "2019年度)" printed without its bracket, "年度:2024年"
#: (on the normalised label): the period the table covers, read as a note, not an unrecognised row.
_YEAR_LINE = re.compile(r"^\(?(?:年度:)?(?:19|20)\d{2}年度?\)?$")


def year_line(grid: Grid, r: int) -> bool:
    """Row r is the year line under a form's title ("( 2023 年度)"), one text however many cells its merge fills."""
    texts = {H.normalise_label(v) for _, v in row_cells(grid, r) if isinstance(v, str)}
    return len(texts) == 1 and bool(_YEAR_LINE.match(texts.pop()))


def _is_note(label: str, n_cells: int = 1) -> bool:
    return n_cells <= 3 and label.startswith(H.NOTE_PREFIXES)


#: A separator after a signature word in its raw cell: a line break or 、 (the normalised label drops both).
_WORD_BREAK = lazy_compile(r"[\r\n、]")
#: The same with white space: "填报人 张三" — read so only when the cell is the row's one text.
_WORD_SPACE = lazy_compile(r"[\s\u3000、]")


#: A person's name run straight on after a signature word ("填报人张三"): 2–4 CJK characters (a minority name's dot
#: dropped by `normalise_label`), optionally followed by another signature or note word ("审核人李四联系电话:…").
_NAME_AFTER = lazy_compile(r"([\u4e00-\u9fff]{2,4})")
#: What ends a measure's name, never a person's: "填报人员培训率", "联系电话接通率", "单位负责人满意度" go on with an
#: indicator (sign27) — and "员" after 人 makes 人员 ("审核人员数量").
_MEASURE_ENDS = frozenset("率度数量次性额费值比项件个元天户况")


def _named(rest: str, signed: bool) -> bool:
    """`rest` (a normalised label after a colon-less signature word) is a person's name (read28): followed by another
    signature or note word, or — when the row reads as a signature line (`signed`: the cell the row's one text, or every
    other cell a signature field) — the whole rest, no figure, percent or measure word in it."""
    m = _NAME_AFTER.match(rest)
    if m is None or rest[0] == "员":
        return False
    for k in range(2, len(m.group(1)) + 1):
        if rest[k:].startswith(H.NOTE_PREFIXES):
            return True
    return signed and m.end() == len(rest) and rest[-1] not in _MEASURE_ENDS


def _signature_rest(rest: str, word: str | None, signed: bool) -> bool:
    """What follows a signature word in its label (`rest`, normalised) is the signature's own: nothing, a colon, a
    bracket ("填报人（签字）"), a figure (a phone, a date), a signing word — or, after a colon-less word naming a person
    (`word` ending in 人), a person's name (`_named`, `signed` its reading on a signature line: "填报人张三", "审核人李四
    联系电话：…", read28). A 联系电话 or 填报日期 is followed by figures, never a name: "联系电话接通" goes on with an
    indicator's name (read29)."""
    if not rest or rest[0] in ":(" or rest[0].isdigit() or rest.startswith((*H.SEAL_WORDS, "签名")):
        return True
    return word is not None and word.endswith("人") and _named(rest, signed)


def _opens_note(label: str, raw: object, alone: bool = False, figures: bool = False, signed: bool = False) -> bool:
    """The normalised label `label` (of raw cell text `raw`) opens a note or a signature (`H.NOTE_PREFIXES`). A
    colon-less word (`H.BARE_NOTE_WORDS`: "联系电话", "填报人") also opens indicator names ("联系电话接通率",
    "填报人员培训人次"): it is a signature's only as the whole label (宁晋's "财务负责人 │ 康宝山", 湘潭's "其他需说明的问题"),
    before a colon, a bracket ("填报人（签字）"), a signing word ("单位负责人签字") or a figure (a phone, a date), or
    before a line break or 、 in the raw cell — white space too when the cell is the row's one text (`alone`) — unless
    the row's other cells print figures (`figures`: "联系电话\n接通率 │ 95% │ 10", a long name wrapped by Alt+Enter). Any
    other letter goes on with an indicator's name: a row so opening is data (sign27)."""
    if not label.startswith(H.NOTE_PREFIXES):
        return False
    word = next((w for w in H.BARE_NOTE_WORDS if label.startswith(w)), None)
    rest = label[len(word) :] if word is not None else ""
    if _signature_rest(rest, word, signed or alone):
        return True
    if figures or not isinstance(raw, str):
        return False
    head = (_WORD_SPACE if alone else _WORD_BREAK).split(raw.strip(), maxsplit=1)[0]
    return H.normalise_label(head) == word


#: A telephone number alone in a cell: a mobile's 11 digits, or an area code, a dash and the number — a signature's
#: value, never an indicator's figure.
_PHONE = lazy_compile(r"\s*(?:1[3-9]\d{9}|0\d{2,3}-\d{7,8})\s*$")


def _figures_beside(cells: list[tuple[int, object]], labels: list[tuple[int, str]]) -> bool:
    """A cell after the first prints a figure (a number, or a text holding a digit) and opens no note or signature of
    its own ("填报人\n张三 │ 联系电话：138…" holds none) nor is a telephone number ("填报人\n张三 │ 13800000000 │ 李四", a
    signature line laid over the form's columns, review28t): an indicator's target, actual or score beside its name."""
    texts = dict(labels)
    return any(
        (not isinstance(v, str) or (any(ch.isdigit() for ch in v) and not texts[c].startswith(H.NOTE_PREFIXES)))
        and _PHONE.match(str(v)) is None
        for c, v in cells[1:]
    )


def _signed_line(cells: list[tuple[int, object]], labels: list[tuple[int, str]]) -> bool:
    """A filled signature line under a form, every cell a signature or note field with its value ("单位负责人：李四 │
    财务负责人：王五 │ 填报人：张三 │ 联系电话：… │ 填报日期：…", adv27): a note however many cells it spreads over — no
    indicator row opens every cell so (`_is_note` alone counts at most three: 湘潭's filled merge). Over two cells or
    more a word may run straight on into its person's name ("单位负责人李四 │ 财务负责人王五 │ 填报人张三", read28)."""
    return len(labels) == len(cells) and all(
        _opens_note(lab, v, signed=len(cells) > 1) for (_, lab), (_, v) in zip(labels, cells, strict=True)
    )


def _is_approval(texts: list[str]) -> bool:
    """An approval box: "…初审意见" then nothing or one seal line ("(盖章)", "单位公章:年月 日"), however often its merge
    exported filled repeats it — not an indicator named "…审核意见" with its values."""
    if not texts or not texts[0].endswith(H.APPROVAL_ENDINGS):  # (asked of every data row: most end otherwise)
        return False
    rest = set(texts[1:])
    return len(rest) <= 1 and all(any(w in t for w in H.SEAL_WORDS) for t in rest)


def _ends_table(cells: list[tuple[int, object]], labels: list[tuple[int, str]], one_text: bool) -> bool:
    """A row that ends a table as a note does: its first cell a label opening a note ("注：", "说明：") or an approval
    box (`_is_approval`)."""
    if not labels or cells[0][0] != labels[0][0]:
        return False
    first = labels[0][1]
    # a merge exported filled repeats one text across the row ("其他需说明的问题 │ 主管 │ 主管 │ 主管 …", 湘潭 2024 filled,
    # held-out batch 30): its cells count as the texts they print (counted only for a line opening as a note does)
    # every other cell a signature field (a person's name after its word allowed): a name after the first word is one.
    # (Asked only of a first label opening as a note does — `_opens_note`'s own first test — : the cells of a data row
    # are not walked, review28t)
    if first.startswith(H.NOTE_PREFIXES):
        signed = (
            len(cells) > 1
            and len(labels) == len(cells)
            and all(_opens_note(lab, v, signed=True) for (_, lab), (_, v) in zip(labels[1:], cells[1:], strict=True))
        )
        if _opens_note(first, cells[0][1], one_text or len(cells) == 1, _figures_beside(cells, labels), signed):
            n = 1 if one_text else len(cells) if len(labels) != len(cells) else len({lab for _, lab in labels})
            if _is_note(first, n) or _signed_line(cells, labels):
                return True
    # (asked of every data row: the texts listed only for a first label ending as an approval box's does)
    return first.endswith(H.APPROVAL_ENDINGS) and _is_approval([lab for _, lab in labels])


#: Every ending `_title_kind` reads a title by: a row whose texts end otherwise is none (one C test a text first).
_TITLE_ENDINGS = ("基础数据表", "自评表", "评价表", *H.FORM_TITLE_ENDINGS)


def _title_kind(titles: list[str]) -> RowKind | None:
    """The form title among a short row's texts (bracket-free, ≤ 40 characters): a 基础数据表's or a 自评表's, else None."""
    for t in titles:  # (most short rows — placeholders "……", label-only rows — end as no title: no generator for them)
        if t.endswith(_TITLE_ENDINGS):
            break
    else:
        return None
    if any(t.endswith("基础数据表") for t in titles):
        return RowKind.TITLE_BASIC
    if any(t.endswith("自评表") or (t.endswith("评价表") and "绩效" in t) for t in titles):
        return RowKind.TITLE_EVALUATION
    if any(t.endswith(H.FORM_TITLE_ENDINGS) and "绩效" in t for t in titles):
        return RowKind.TITLE_EVALUATION
    return None


#: A first cell that may open a row of column numbers (asked of every row: one containment test).
_ONE = ("1", 1)


def _column_numbers(cells: list[tuple[int, object]]) -> bool:
    """A row of column numbers printed under a header ("1 │ 2 │ 3 │ … │ 9", the 栏次 of forms that number their columns,
    adv27): four cells or more counting 1, 2, 3 … from the first — no indicator, amount or head row reads so (the
    column-number row was read as an indicator "3" scored 7 of 6: S01/S06 错误)."""
    if len(cells) < 4:
        return False
    for i, (_, v) in enumerate(cells, 1):
        if v.__class__ is bool or (v.strip() != str(i) if v.__class__ is str else v != i):
            return False
    return True


#: The units a header's second row prints under its columns ("分" under 分值 and 得分, "%" under 执行率, "万元" under
#: the amounts): exactly these texts, so a first cell is tested by one containment test.
_UNIT_CELLS = frozenset(("分", "（分）", "(分)", "%", "％", "（%）", "(%)", "万元", "（万元）", "(万元)", "元"))


def _units_line(cells: list[tuple[int, object]]) -> bool:
    """A row of units printed under a header ("分 │ 分", "万元 │ 万元 │ 万元 │ % │ 分", review31w): two cells or more,
    each a unit alone — no indicator, amount or head row reads so (read as an indicator with no name: I01 错误). Like
    a row of column numbers it is read past as blank only right under a header (`_numbers_under_headers`)."""
    return len(cells) >= 2 and all(v.__class__ is str and v.strip() in _UNIT_CELLS for _, v in cells)


#: A cell that is a figure (a data row's), not a label.
_FIGURE = lazy_compile(r"\s*[-+]?[0-9０-９][0-9０-９.,，%]*\s*$")
#: The rows a row of column numbers stands under: a header's (its second row is in `subheaders`), or another such row.
_NUMBERED = (RowKind.INDICATOR_HEADER, RowKind.FUNDS_HEADER, RowKind.BASIC_SECTION)


def _rows_of_kind(kinds: list[RowKind], kind: RowKind) -> Iterator[int]:
    """The rows of `kind`, top down, found by the list's own search (no step a row of another kind); the caller may
    change the kind of the row given."""
    r = -1
    while True:
        try:
            r = kinds.index(kind, r + 1)
        except ValueError:
            return
        yield r


def _numbers_under_headers(kinds: list[RowKind], scans: list[list[tuple[int, Any]]], subheaders: set[int]) -> None:
    """A row `_column_numbers` read past as blank is a row of column numbers only right under a header (or another such
    row: blank rows between): elsewhere it is a data row whose own cells happen to count 1, 2, 3, 4 — an indicator whose
    name is not printed (山西 稷山 2021 prints two) with 指标值 1 │ 完成值 2 │ 分值 3 │ 得分 4 lost its S06 错误, read
    past silently (review27v). Kind OTHER again: the readers read it as any data row. (Only the blank rows are visited,
    found by the list's own search: no step a data row.)"""
    for r in _rows_of_kind(kinds, RowKind.BLANK):
        cells = scans[r]
        if not cells or _page_mark(cells):  # (a page's footer is read past wherever it stands)
            continue
        if not _under_header(kinds, scans, r, subheaders):
            kinds[r] = RowKind.OTHER


#: The rows that close an indicator block above a row: its name wrapped by a break is no longer under that header.
_CLOSING = (RowKind.TOTAL, RowKind.TITLE_EVALUATION, RowKind.TITLE_BASIC, RowKind.FUNDS_HEADER, RowKind.NOTE)


def _wrapped_names_under_headers(
    grid: Grid, kinds: list[RowKind], scans: list[list[tuple[int, Any]]], labels: list[list[tuple[int, str]]]
) -> None:
    """A row read as a note because its first cell breaks right after a colon-less signature word ("联系电话\n接通情况 │
    良好", `_opens_note`) is an indicator whose long name was wrapped by Alt+Enter when, under an indicator header, it
    prints a value of its own (text or figure, no signature field) under that header's 指标值 or 实际完成值 column:
    kind OTHER again (read28 — sign27 kept a qualitative row so read as the table's end, its rows after it lost). (Only
    the note rows are visited, found by the list's own search: no step a data row.)"""
    for r in _rows_of_kind(kinds, RowKind.NOTE):
        cells = scans[r]
        first = cells[0][1] if cells else None
        if first.__class__ is not str or _WORD_BREAK.search(first) is None or len(cells) < 2:
            continue
        head = H.normalise_label(_WORD_BREAK.split(first.strip(), maxsplit=1)[0])
        if head not in H.BARE_NOTE_WORDS or _signature_rest(H.normalise_label(first)[len(head) :], head, True):
            continue  # (the wrapped line the signature's own — "联系电话\n0551-6234567", "填报人\n张三": a note, review28t)
        above = r - 1
        while above >= 0 and kinds[above] is not RowKind.INDICATOR_HEADER and kinds[above] not in _CLOSING:
            above -= 1
        cols = indicator_columns(grid, above) if above >= 0 and kinds[above] is RowKind.INDICATOR_HEADER else None
        if not cols:
            continue
        own = dict(labels[r])
        values = {cols[k] for k in ("target", "actual") if k in cols}
        if any(
            c in values and (v.__class__ is not str or not own[c].startswith(H.NOTE_PREFIXES)) for c, v in cells[1:]
        ):
            kinds[r] = RowKind.OTHER


#: Rows of labels only (no figure) a header may print between its first row and its column numbers (吉林's
#: "数据项1 │ 数据项2" under 采集数据项).
_HEAD_ROWS = 2


def _under_header(kinds: list[RowKind], scans: list[list[tuple[int, Any]]], r: int, subheaders: set[int]) -> bool:
    """Row r stands under a header, a second header row, or another row of column numbers — with blank rows and at
    most `_HEAD_ROWS` rows of labels only (no figure: no data row) between."""
    above, labels = r - 1, 0
    while above >= 0:
        cells = scans[above]
        if cells:
            if kinds[above] in _NUMBERED or kinds[above] is RowKind.BLANK or above in subheaders:
                return True
            if labels == _HEAD_ROWS or any(v.__class__ is not str or _FIGURE.match(v) for _, v in cells):
                return False
            labels += 1
        above -= 1
    return False


def _title_beside(grid: Grid, r: int, cells: list[tuple[int, object]], texts: list[str]) -> list[str]:
    """The form's title of a row whose first cell ends as a title does and whose other cells stand two empty columns or
    more past it (a small table printed beside the form, 序号 │ 佐证材料名称 next to "…基础数据表", adv27: the table went
    unread); else none. (Asked of every row of three cells or more: one ending test of its first text first.)"""
    first = cells[0]
    if (
        first[1].__class__ is not str
        or "表" not in texts[0]  # (every title ending ends so: one C test for the many data rows)
        or len(texts[0]) > 40
        or not H.strip_brackets(texts[0]).endswith(_TITLE_ENDINGS)
    ):
        return []
    end = next((c1 for r0, c0, _, c1 in grid.merged if (r0, c0) == (r, first[0])), first[0])
    return [H.strip_brackets(texts[0])] if cells[1][0] > end + 2 else []


#: A printed page's number alone in a row: "第 1 页，共 3 页", "第1页/共3页", "共 3 页 第 1 页", "- 1 -" — a printed copy
#: turned back into a sheet keeps it at each page break, above the header printed again (adv28: read as a row of the
#: table, the 目标表 under it became a second 自评表 missing its columns and 总分).
_PAGE_MARK = lazy_compile(
    r"\s*(?:第\s*\d+\s*页\s*(?:[，,/、 ]?\s*共\s*\d+\s*页)?|共\s*\d+\s*页\s*[，,/、 ]?\s*第\s*\d+\s*页|[-—]\s*\d+\s*[-—])\s*$"
)


def _page_mark(cells: list[tuple[int, Any]]) -> bool:
    """A row of one cell holding a page's number (`_PAGE_MARK`)."""
    if len(cells) != 1 or cells[0][1].__class__ is not str:
        return False
    text = cells[0][1]
    # (the pattern asked only of a text holding 页 or opening with a dash: compiled on first use, ≈ 7 M instructions a
    # process whose sheets print no page mark — most)
    return ("页" in text or text.lstrip()[:1] in ("-", "—")) and _PAGE_MARK.match(text) is not None


def classify_row(grid: Grid, r: int) -> RowKind:
    """What row r is, judged from its own labels only."""
    cells = row_cells(grid, r)
    if not cells:
        return _BLANK
    return _classify(grid, r, cells, row_labels(grid, r))  # (labels normalised once per row: the readers ask again)


def _classify(grid: Grid, r: int, cells: list[tuple[int, Any]], labels: list[tuple[int, str]]) -> RowKind:
    """`classify_row` of row r, its `row_cells` and `row_labels` given (`read_sheet` reads every row's by `scan_rows`)."""
    if not cells or (cells[0][1] in _ONE and _column_numbers(cells)):
        return _BLANK  # (a row of column numbers holds nothing of the table: read past as a blank row)
    if cells[0][1] in _UNIT_CELLS and _units_line(cells):
        return _BLANK  # (a row of units under a header: the header's, read past as a row of column numbers is)
    if len(cells) == 1 and _page_mark(cells):
        return _BLANK  # a printed page's footer ("第 1 页，共 3 页") holds nothing of the table either (adv28)
    texts = [lab for _, lab in labels]
    # a title is a row of one or two cells — or one text repeated across the row (its merge exported filled; counted
    # in C, no set made a row)
    one_text = len(texts) == len(cells) and texts.count(texts[0]) == len(texts)
    titles = (
        [H.strip_brackets(t) for t in texts[: 1 if one_text else 2] if len(t) <= 40]
        if len(cells) <= 2 or one_text
        # (`_title_beside`'s first tests here: no call for a data row, whose first text holds no 表 — perf28r)
        else _title_beside(grid, r, cells, texts)
        if cells[0][1].__class__ is str and "表" in texts[0]
        else None
    )
    if titles:  # (a data row of three cells or more has none: no generator made for it)
        title = _title_kind(titles)
        # "项目名称 | …自评表": a header field whose value ends like a title is none (asked only of a row ending like one:
        # the many one- or two-cell rows that do not — placeholders "……", label-only rows — skip the role match)
        if title is not None and not H.match_role(H.strip_brackets(texts[0]), H.HEADER_FIELDS):
            return title
    # the row's first cell's label, when that cell is a text (the grade and the table's end are read from it alone)
    lead = texts[0] if texts and cells[0][0] == labels[0][0] else None
    if lead is not None and H.grade_in_text(lead):
        return RowKind.GRADE  # "自评等级：良" in one cell
    if one_text and _YEAR_LINE.match(texts[0]):
        return RowKind.NOTE
    first = cells[0][1]
    broken = first.__class__ is str and ("\n" in first[:14] or "\t" in first[:14])
    if (len(cells) == 1 or one_text or broken) and spaced_field(first) is not None:
        # "主管部门\t某县人社局 │ 实施单位\n某县…": a head field and its value in one cell beside others (read24) — asked
        # of a row of several cells only when its first cell breaks within its first 13 characters
        return (
            RowKind.HEADER_FIELD
        )  # 岳阳 自评报告's cover: "项目名称       低票价运营补贴", label and value in one cell
    if not any(map(H.is_known_label, texts)):  # fast path: a data row
        if texts and texts[0].startswith(H.TOTAL_LABELS) and H.is_total_label(H.strip_brackets(texts[0])):
            return RowKind.TOTAL  # "总分\n100": the 总分 label with its full mark under it (review27d)
        # (`_ends_table` asked only of a first label opening as a note's or ending as an approval box's: most do not)
        ends = lead is not None and (lead.startswith(H.NOTE_PREFIXES) or lead.endswith(H.APPROVAL_ENDINGS))
        return _NOTE if ends and _ends_table(cells, labels, one_text) else _OTHER
    if indicator_columns(grid, r) is not None:
        return RowKind.INDICATOR_HEADER
    if texts and H.strip_brackets(texts[0]) in H.BASIC_SECTIONS["amounts"]:
        return (
            RowKind.BASIC_SECTION
        )  # "经费控制情况 | 年初预算数 | 全年预算数 | 全年决算数": a 基础数据表's, not a funds block
    if funds_columns(grid, r) is not None:
        return RowKind.FUNDS_HEADER
    bare = [H.strip_brackets(t) for t in texts]
    if any(b in H.GOALS_LABELS for b in bare[:1]) or (
        any(b in H.GOALS_LABELS for b in bare) and columns_by_role(grid, r, H.GOAL_COLUMNS)
    ):
        return RowKind.GOALS_HEADER
    named = [b for i, b in enumerate(bare) if i == 0 or b != bare[i - 1]]  # a merge exported filled: its text once
    if (
        len(named) == 2
        and named[0] in H.GOAL_COLUMNS["expected"]
        and named[1] in H.GOAL_COLUMNS["actual"]
        and not _under_a_header(grid, r, labels[0][0])
    ):
        # 岳阳 自评报告 (附件3): 项目绩效定性目标及实施计划完成情况 over 预期目标 │ 实际完成 — the two goal columns named
        # with no block label before them: the goals' header all the same
        return RowKind.GOALS_HEADER
    if any(H.strip_brackets(t) in s for t in texts[:1] for s in H.BASIC_SECTIONS.values()):
        return RowKind.BASIC_SECTION
    if any(map(H.is_total_label, bare)):
        return RowKind.TOTAL
    if texts and bare[0] in H.GRADE_LABELS:
        return RowKind.GRADE
    fields = header_fields(grid, r)
    if _signature_line(cells, texts) and all(_sealed(cells, c) for _, c, _ in fields):
        return RowKind.NOTE
    if fields:
        return RowKind.HEADER_FIELD
    return RowKind.NOTE if _ends_table(cells, labels, one_text) else RowKind.OTHER


#: What opens a head: a form's title or a head field row (the next rows up to a block may hold more head fields).
#: Asked of every row by identity (an Enum member's hash is a Python call: ≈ 0.4 µs a row in a set).
_TITLE_E, _TITLE_B, _FIELD = RowKind.TITLE_EVALUATION, RowKind.TITLE_BASIC, RowKind.HEADER_FIELD
#: Rows looked at after an opener (a head holds a few rows; a data row far below is never asked).
_HEAD_REACH = 8


def _broken_later(grid: Grid, kinds: list[RowKind]) -> None:
    """Row kinds of a head row whose field sits, parted from its value by a tab or a line break, in a LATER cell
    ("实施单位 │ 某中学 │ 自评得分\n98", read25: `classify_row` asks a broken field of a row's first cell only, so the
    total T02 checks was lost) set to HEADER_FIELD. Asked only of the rows at the sheet's top or after a title or a head
    field row, up to the first block (funds, goals, indicators, a 基础数据表 section, a total) and at most `_HEAD_REACH`
    rows on: the other cells of every data row are never scanned (the 10,000-row run), and a block's own column
    ("项目名称\n及代码" over a listing) is never a head field."""
    n = len(kinds)
    starts = [0, *(r + 1 for r, k in enumerate(kinds) if k is _FIELD or k is _TITLE_E or k is _TITLE_B)]
    seen = -1
    for start in starts:
        for r in range(max(start, seen + 1), min(start + _HEAD_REACH, n)):
            seen = r
            k = kinds[r]
            if k is _OTHER:
                if _broken_field_after_first(grid, r):
                    kinds[r] = _FIELD
            elif k is not _BLANK and k is not _NOTE and k is not RowKind.GRADE:
                break  # an opener (its own start follows) or a block: the head ends


def _broken_field_after_first(grid: Grid, r: int) -> bool:
    """Whether a cell of row r after its first holds a head field and its value parted by a tab or a line break within
    its first 13 characters (`spaced_field`)."""
    for _, v in row_cells(grid, r)[1:]:
        if v.__class__ is str and ("\n" in v[:14] or "\t" in v[:14]) and spaced_field(v) is not None:
            return True
    return False


def _under_a_header(grid: Grid, r: int, first: int) -> bool:
    """Row r's cells left of column `first` hang from a merge above it, or the row above is a 绩效指标 header: row r is
    that header's second row (一级指标 │ … │ 指标值 over 预期目标 │ 实际完成, review21t), not a goal block's head."""
    if any(grid.anchor_of(r, c)[0] < r for c in range(first)):
        return True
    return r > 0 and indicator_columns(grid, r - 1) is not None


def _signature_line(cells: list[tuple[int, object]], texts: list[str]) -> bool:
    """A line of blank signature fields under a form — "填报单位（公章）： │ 单位负责人：" (吉林 专项经费支出绩效评价表,
    held-out 21): every cell a text ending in its colon with nothing after it, one naming a seal or a signatory. A note,
    not the head of a new table (填报单位 with its value, "填报单位（盖章）：某局" or "填报单位 │ 某局", stays a head field)."""
    return (
        bool(texts)
        and len(texts) == len(cells)
        and all(isinstance(v, str) and v.strip().endswith((":", "：")) for _, v in cells)
        and any(any(w in t for w in H.SEAL_WORDS) or t.startswith(H.NOTE_PREFIXES) for t in texts)
    )


def _sealed(cells: list[tuple[int, object]], col: int) -> bool:
    """The head field labelled in column `col` names a seal or signatory (填报单位（公章）：): a signature line may hold it;
    a bare "项目名称：" left blank above the table is the head's unfilled field, not a signature (F01 says so; review13h)."""
    text = next((v for c, v in cells if c == col), "")
    return isinstance(text, str) and any(w in text for w in H.SEAL_WORDS)


def header_fields(grid: Grid, r: int) -> list[tuple[str, int, int | None]]:
    """(field, label col, value col or None) for 项目名称/主管部门/实施单位/预算单位名称 in row r.

    A field may be "label | value" in two cells or "label：value" in one cell (value col = label col).
    """
    out: list[tuple[str, int, int | None]] = []
    cells = _past_copies(row_cells(grid, r))
    for i, (c, v) in enumerate(cells):
        if not isinstance(v, str):
            continue
        label = H.normalise_label(v)
        key = H.match_role(H.strip_brackets(label), H.HEADER_FIELDS)
        if key:
            nxt = cells[i + 1] if i + 1 < len(cells) else None
            if nxt is not None and isinstance(nxt[1], str) and H.match_role(nxt[1], H.HEADER_FIELDS):
                nxt = None
            out.append((key, c, _value_col(grid, r, cells, i, key) if nxt else None))
            continue
        head, sep, tail = label.partition(":")
        if sep and tail and (role := H.match_role(head, H.HEADER_FIELDS)):
            out.append((role, c, c))
        elif not sep and (spaced := spaced_field(v)) is not None:
            nxt = cells[i + 1] if i + 1 < len(cells) else None
            # "项目名称\n及代码 │ 某项目", "主管部门\n名称 │ 某局": a label wrapped by Alt+Enter, its value in the next cell —
            # not "及代码" (review24d); a cell holding a label and its value stands beside another field, or alone
            # — but never onto a bare figure ("自评得分\n98 │ 财政审核评分": 98 is the score, read25)
            wrapped = (
                nxt is not None
                and _BREAK.search(v) is not None
                and not _value_after_break(spaced[0], spaced[1], nxt[1])
                and _plain_value(nxt[1])
            )
            col = _value_col(grid, r, cells, i, spaced[0]) if wrapped and nxt is not None else c
            if col != c and nxt is not None and col != nxt[0]:
                # the next written cell is not the value's (an empty merge between, read28): the label's own cell holds
                # it ("项目名称\n某项目 │ (empty) │ 项目负责人及电话") — a figure field's only when its tail is a value
                # ("自评得分\n100\n（满分） │ │ 财政审1度评分": the full mark noted, the score not given)
                own = spaced[0] not in _FIGURE_FIELDS or _value_after_break(spaced[0], spaced[1], None)
                col = c if own else col
            out.append((spaced[0], c, col))
    return out + _companions(grid, r, cells, {key for key, _, _ in out})


#: The head fields whose value is a figure: across an empty cell only a figure is theirs ("自评得分 │ │ 财政审核评分"
#: is the next field's label, read28).
_FIGURE_FIELDS = frozenset({"自评得分", "预算执行率权重", "计划投资额", "实际到位资金"})


def _span_end(grid: Grid, r: int, c: int) -> int:
    """The last column of the merge cell (r, c) anchors on row r (c itself when not merged)."""
    anchor, end = grid.anchor_of(r, c), c
    while grid.is_merged(r, end + 1) and grid.anchor_of(r, end + 1) == anchor:
        end += 1
    return end


def _value_col(grid: Grid, r: int, cells: list[tuple[int, object]], i: int, key: str) -> int:
    """The column of the value of the head label `cells[i]`: the next written cell when it stands right after the label
    (past the label's merge). Past empty cells only where nothing else could own it: no merged range among them (a merge
    left empty is the value's own cell, printed blank: 重庆 科学城's 主管部门 │ (B:C) │ 财政处室, 湖北 黄冈's 主管部門 │ (B:C) │
    項目實施單位), a plain value (no label of its own), and a figure for a field holding one (`_FIGURE_FIELDS`: "自评得分\n
    100\n（满分） │ │ 财政审1度评分" is the next field's label). "自评总分(分) │ │ 97.6" (a label merged over two cells
    exported without its merge) is read, and a value after an empty column (probe_variants `empty_column_b`). Otherwise
    the value is not given: the empty cell right after the label is returned (read28 — the next field's label was read
    as the value, never said). An unknown label past plain empty cells ("主管部门 │ │ 项目起止时间 │ 2022.1—2022.12") is
    not told from a value: read as before."""
    end = _span_end(grid, r, cells[i][0])
    n, v = cells[i + 1]
    if n == end + 1:
        return n
    if any(grid.is_merged(r, x) for x in range(end + 1, n)):
        return end + 1
    return n if _plain_value(v) and (key not in _FIGURE_FIELDS or figure_value(v)) else end + 1


#: "项目名称       低票价运营补贴": a label and its value in one cell, kept apart by a run of spaces instead of a colon.
#: The value runs to its last non-space: greedy then back to it, not a lazy `.*?` trying `\s*$` at every step (that was
#: quadratic in a run of spaces inside the value — 1.8 s for 20,000 of them; lead, session 22).
#: A tab or a line break keeps them apart as well ("项目名称\t低票价运营补贴", "实施单位\n某县就业服务中心" — Alt+Enter), and
#: the label may be spaced out one space a character ("实 施 单 位   某县…"): read24, before both were unread.
_SPACED_FIELD = lazy_compile(
    r"^\s*(\S(?:[ \u3000]?\S){1,11}?)(?:[ \u3000]{2,}|[ \u3000]*[\t\r\n]\s*)(\S(?:[\s\S]*\S)?)\s*$"
)
_ANY_SPACE = re.compile(r"\s")
_SPACE_RUN = lazy_compile(r"[ \u3000]{2,}|[ \u3000]*[\t\r\n]\s*")
_ONE_SPACE = lazy_compile(r"[ \u3000]")


#: What bounds a label written before a colon inside a head value: a space, a line break or a separator.
_LABEL_BOUND = frozenset(" \u3000\t\r\n,，;；、()（）:：")


def cut_at_label(value: str) -> str:
    """`value` (a head field's value) up to another field's label written in the same cell with a colon after it
    ("职业技能培训补贴项目 联系人：张三" → "职业技能培训补贴项目", "某县人社局主管单位：某县政府" → "某县人社局"): a head
    field, a `RUN_ON_LABELS` word or a note or signature word (填报人, 联系电话 …) — read24: the name ran on into the
    label. A colon after other words ("（一期：土建）") is the value's own. The longest label before each colon wins
    ("项目负责人" over "负责人"); at most 12 characters are looked back, before the first 32 colons (bad input: a cell
    of colons is bounded work, bench/hostile_text.py)."""
    if ":" not in value and "：" not in value:
        return value
    colons = (i for i, ch in enumerate(value) if ch == ":" or ch == "：")
    begin = 0  # where the value begins: past a label of its own ("项目单位：某县就业服务中心" under 实施单位)
    for i in itertools.islice(colons, 32):
        start = i
        while start > begin and i - start < 12 and value[start - 1] not in _LABEL_BOUND:
            start -= 1
        for j in range(start, i - 1):
            if _head_label(value[j:i]):
                if _in_brackets(value, j):
                    break  # "某项目（资金来源：中央）": a note of the name's own, not the next field (review24d)
                if not value[begin:j].strip(_CUT_SPACES):
                    begin = i + 1  # the label opens the value: it names this value (review24d: cut, it read blank)
                    break
                return value[begin:j].strip(_CUT_SPACES)
    return value[begin:].strip(_CUT_SPACES) if begin else value


_CUT_SPACES = " \u3000\t\r\n,，;；、"


def _in_brackets(value: str, at: int) -> bool:
    """Whether `at` lies inside a bracket `value` opened before it and has not closed ("某县人民医院（项目单位：…）":
    review24d — cut there, the name read "某县人民医院（", its note lost and a bracket left open)."""
    opened = value.count("(", 0, at) + value.count("（", 0, at)
    return opened > value.count(")", 0, at) + value.count("）", 0, at)


def _head_label(text: str) -> bool:
    label = H.normalise_label(text)
    return bool(
        label in H.RUN_ON_LABELS
        or label in _SIGNATURES
        or label + ":" in H.NOTE_PREFIXES
        or label in H.NOTE_PREFIXES
        or H.match_role(H.strip_brackets(label), H.HEADER_FIELDS)
    )


_BREAK = re.compile(r"[\t\r\n]")
#: A value that is a figure ("98", "92.5分", "98%"), a grade after it in brackets or on its own line ("98\n优秀",
#: "98分（优秀）") allowed: no label's wrapped second line.
_FIGURE_VALUE = re.compile(r"\s*\d+(?:\.\d+)?\s*[分%％]?\s*(?:[(（]?\s*([^\s\d()（）]{1,3})\s*[)）]?\s*)?$")


#: The head fields whose value may be a grade word ("自评得分\n优秀"): no name or unit is one.
_GRADED = frozenset({"自评得分"})


def _value_after_break(role: str, tail: str, nxt: object) -> bool:
    """Whether `tail` (a head label's text after a line break or tab) is the field's value, not the label's wrapped
    second line: a figure ("98", "98%", "92.5分"), a figure with its grade ("98\n优秀", "98分（优秀）"), or a grade alone
    ("优秀", and only for a field that may hold one: 自评得分) — unless the next cell is a bare figure, which then is the
    value and the tail a note beside the label: "自评得分\n优秀 │ 98", "自评得分\n100 │ 90" (review26d: the full mark
    under the label was read as the score, T02 错误 "表中为 100" of a table scoring 90). A label wraps onto words
    ("项目名称\n及代码 │ 某项目", review24d), never onto a figure or a grade (read25: "自评得分\n98"; read26:
    "自评得分\n98\n优秀" read the next cell's text as the score); "项目名称\n中" is no grade (review26d). Two figures on
    two lines ("自评得分\n100\n98", `figure_pair`) are the field's value too, which of them the score the table tells
    (read27)."""
    m = _FIGURE_VALUE.match(tail)
    if m is None:
        if role not in _GRADED or not (_is_grade(tail) or figure_pair(tail) is not None):
            return False
    elif m.group(1) is not None and not _is_grade(m.group(1)):
        return False  # "100分制", "2024年": no value of the field
    return not (isinstance(nxt, (int, float)) or (isinstance(nxt, str) and _FIGURE_VALUE.match(nxt) is not None))


#: Two figures on two lines after a head label ("自评得分\n100\n98"): the full mark then the score, or two scores — which,
#: only the table's full mark tells (`figure_pair`, read27).
_FIGURE_PAIR = lazy_compile(r"\s*(\d+(?:\.\d+)?)\s*分?\s*[\t\r\n]\s*(\d+(?:\.\d+)?)\s*分?\s*$")


def figure_value(v: object) -> bool:
    """`v` (a head cell) is a figure, a number or a text printing one ("97.6", "98分", "98（优秀）"): a score's value."""
    if v.__class__ is str:
        return _FIGURE_VALUE.match(v) is not None
    return isinstance(v, (int, float, Decimal)) and not isinstance(v, bool)


def figure_pair(text: str) -> tuple[str, str] | None:
    """The two figures of a head value printed as two lines of one figure each ("100\n98", "100分\n98分"), else None:
    the value of a 自评得分 whose cell holds the full mark over the score — read as the score only where the first is the
    table's full mark (`evaluation._Builder._head_score`), else the head score is not read (read27: review26d left it
    reading the next cell's label, T02 lost)."""
    m = _FIGURE_PAIR.match(text)
    return (m.group(1), m.group(2)) if m is not None else None


def _is_grade(text: str) -> bool:
    return H.strip_brackets(H.normalise_label(text)) in H.GRADE_WORDS


def _plain_value(v: object) -> bool:
    """Whether `v` (the cell after a head label) is a value: a figure, or a text holding no head label of its own
    (no field, spaced or with a colon, and no note or signature word)."""
    if not isinstance(v, str):
        return v is not None
    label = H.normalise_label(v)
    if not label or ":" in label or _head_label(label) or spaced_field(v) is not None:
        return False
    return not H.match_role(H.strip_brackets(label), H.HEADER_FIELDS) and not H.is_known_label(label)


def spaced_field(text: object) -> tuple[str, str] | None:
    """(field, value) of a head field printed in one cell as its label, two spaces or more and its value — the cover of
    岳阳's 财政支出项目绩效评价自评报告 (附件3: "项目名称       低票价运营补贴", "主管部门       汨罗市交通运输局"); None
    for any other text. A label followed by one space only is no such pair (a name may hold a space)."""
    if not isinstance(text, str) or ":" in text or "：" in text or _ANY_SPACE.search(text) is None:
        return None  # (most texts hold no space at all: no NFKC and no pattern for them)
    m = _SPACED_FIELD.match(unicodedata.normalize("NFKC", text))
    if m is None:
        return None
    role = H.match_role(H.strip_brackets(H.normalise_label(m.group(1))), H.HEADER_FIELDS)
    if not role:
        return None
    # "项目名称   低票价运营补贴   主管部门   汨罗市交通运输局": a second head field after the value ends it; so do
    # another label with its value, a note or signature word, the form's year and a seal (`_ends_spaced_value`)
    value = m.group(2)
    note = _LABEL_NOTE.match(value)
    if note is not None and note.end() < len(value):
        # "自评得分\n（满分100分）\n98": the label's bracketed note on a line of its own, the value after it (review27d:
        # the note read as the value, no figure — the next cell's label taken for the score, T02 lost)
        value = value[note.end() :]
    seal = value.rfind("(") if value.endswith(")") else -1  # where a last bracketed note begins
    if _ends_spaced_value(value, 0, seal):
        return None  # "填报单位\n(盖章)", "项目名称\t主管部门": a label over its seal or beside another label, no value
    for run in _SPACE_RUN.finditer(value):
        if _ends_spaced_value(value, run.end(), seal):
            return role, value[: run.start()]
    return role, value


_WORD = lazy_compile(r"\S{1,40}")
#: A bracketed note on the line after a head label, before its value ("(满分100分)" of "自评得分\n(满分100分)\n98", NFKC).
_LABEL_NOTE = lazy_compile(r"\([^()\r\n]{1,16}\)[ \u3000]*[\t\r\n]\s*")
#: The labels a head or cover line prints after a spaced value with a value of their own: a grade's, followed by a
#: grade ("评价等级   优秀"), and a total's, followed by a figure ("自评得分   92.5分"). Not any label perfxl knows
#: (read23: a column's word inside a spaced name — "某县  项目资金  补助", "某县  绩效目标  管理", "某县  执行率  监测" —
#: cut the name at it), and not a grade's word before other words ("某县  等级  公路养护").
_SPACED_GRADES = frozenset(H.GRADE_LABELS)
_SPACED_TOTALS = frozenset(
    H.normalise_label(k + w) for k in ("自评", "评价", "") for w in ("得分", "分值", "分数", "总分", "总得分")
) - {H.normalise_label(w) for w in ("得分", "分值", "分数")}
_GRADE_WORDS = frozenset(H.GRADE_WORDS)
_FIGURE_WORD = lazy_compile(r"\d")
#: The signature words of a head or cover line printed without their colon ("项目负责人  张三"): they end a spaced
#: value as "项目负责人：" does (review23a: the name ran on into the signature, and G04 compared it to no goal).
_SIGNATURES = frozenset(H.normalise_label(w[:-1]) for w in H.NOTE_PREFIXES if w.endswith(":") and len(w) > 3)
#: The form's year or period printed after a spaced value ("低票价运营补贴    2017年度", "(2017年)"): no part of it.
_SPACED_YEAR = lazy_compile(r"\(?(?:19|20)\d{2}年度?\)?")


def _ends_spaced_value(value: str, at: int, seal: int) -> bool:
    """What follows a run of spaces inside a spaced head value ends it (read22a: the value took all of it — "低票价运营补贴
    评价等级   优秀", "汨罗市交通运输局   填报日期  2018年8月4日", "低票价运营补贴   2017年度", "… (盖章)"): a head field, a
    grade's label followed by a grade, a total's or any label perfxl knows followed by a figure ("得分  95", "资金总额
    100"), a note or signature word (填报日期, 联系电话, "项目负责人" with or without its colon …), the form's year
    alone, or a bracketed seal. Words a name may hold apart ("某县  农村公路  养护", "某县  项目资金  补助") go on."""
    word = _WORD.match(value, at)
    if word is None:
        return False
    label = H.normalise_label(word.group())
    if H.match_role(H.strip_brackets(label), H.HEADER_FIELDS) or _SPACED_YEAR.fullmatch(value, at):
        return True
    if label.startswith(H.NOTE_PREFIXES) or label in _SIGNATURES:
        return True
    # a known label with a figure after it ("得分  95", "资金总额  100"; review23a: read23 kept only the totals' labels,
    # so the name ran on) — not with a word after it ("某县  项目资金  补助")
    if label in _SPACED_GRADES or label in _SPACED_TOTALS or H.is_known_label(label):
        after = _SPACE_RUN.match(value, word.end()) or _ONE_SPACE.match(value, word.end())
        own = _WORD.match(value, after.end()) if after is not None else None
        if own is not None and label in _SPACED_GRADES:
            return H.normalise_label(own.group()) in _GRADE_WORDS
        return own is not None and _FIGURE_WORD.match(own.group()) is not None
    return at == seal and any(w in value[at:] for w in H.SEAL_WORDS)


def _past_copies(cells: list[tuple[int, object]]) -> list[tuple[int, object]]:
    """The row's written cells with a text cell the next one repeats exactly left out (the last copy kept): a merged label
    exported filled (取消合并并填充: 计划投资额 (万元) │ 计划投资额 (万元) │ 570) is one label, its value after the run
    (probe_variants unmerged_filled on 海南 服务贸易's 计划投资额 │ 实际到位资金)."""
    last = len(cells) - 1
    return [
        cell for i, cell in enumerate(cells) if i == last or cell[1] != cells[i + 1][1] or not isinstance(cell[1], str)
    ]


def _companions(
    grid: Grid, r: int, cells: list[tuple[int, object]], found: set[str]
) -> list[tuple[str, int, int | None]]:
    """The `HEADER_COMPANIONS` of the fields found on the row (实际到位资金 beside 计划投资额; "" = beside any field: the
    head's 自评总分 beside 主管部门), label | value."""
    out: list[tuple[str, int, int | None]] = []
    for key, (anchor, synonyms) in H.HEADER_COMPANIONS.items():
        if (anchor not in found if anchor else not found) or key in found:
            continue
        for i, (c, v) in enumerate(cells):
            if isinstance(v, str) and H.strip_brackets(H.normalise_label(v)) in synonyms and i + 1 < len(cells):
                out.append((key, c, _value_col(grid, r, cells, i, key)))
                break
    return out


def _second_basic(grid: Grid, kinds: list[RowKind], top: int, rows: list[int], layout: SheetLayout) -> list[int]:
    """A second 基础数据表 under the first (another unit's): a submission holds one, so it is not read — said as a
    warning on its title, its rows kept from the 自评表 reader (they are no indicators)."""
    end = next(
        (
            r
            for r in range(top + 1, grid.n_rows)
            if kinds[r] in (RowKind.TITLE_EVALUATION, RowKind.FUNDS_HEADER, RowKind.INDICATOR_HEADER)
        ),
        grid.n_rows,
    )
    c = row_cells(grid, top)[0][0] if row_cells(grid, top) else 0
    layout.problems.append(
        Finding(
            "LAYOUT_UNMAPPED_ROW",
            Severity.WARNING,
            grid.ref(top, c),
            f"第 {top + 1} 行起是第二张基础数据表，未读取核对（每份文件只核对第一张基础数据表），请分开文件后再核对。",
            f"Row {top + 1} begins a second basic-data table; it was not read (one per file is checked): "
            "split it into its own file.",
        )
    )
    return [r for r in rows if not top <= r < end]


def read_sheet(grid: Grid, *, source_format: str = "") -> SheetLayout:
    """Every table on one sheet, with the sheet's kind and coverage; no exception for any grid.

    `source_format` (a report's "docx"/"pdf") only words the notices: a Word table is no 工作表."""
    # lazy: import cycle (perfxl.layout.basic and perfxl.layout.evaluation import perfxl.layout.detect at load)
    from .basic import read_basic
    from .evaluation import read_evaluation_tables
    from .overview import read_overview
    from .source_sums import read_source_sums
    from .sum_tables import read_sum_table
    from .three_public import read_three_public

    clear_cache(grid)
    layout = SheetLayout()
    words = container(source_format)
    # every row's cells and labels in one pass, each row classified from them (`map` in C: no step a row of its own)
    scans, labels = scan_rows(grid)
    kinds = list(map(_classify, itertools.repeat(grid), range(grid.n_rows), scans, labels))
    _broken_later(grid, kinds)
    header = RowKind.INDICATOR_HEADER  # (a member read once, not once a row: `_OTHER`'s note)
    subheaders: set[int] = set()
    for r, k in enumerate(kinds):  # the second row of a two-row 绩效指标 header is part of that header
        if k is header:
            sub = (indicator_columns(grid, r) or {}).get("_subheader")
            if sub is not None and sub < len(kinds):
                subheaders.add(sub)
                if kinds[sub] is header:
                    kinds[sub] = RowKind.OTHER
    _numbers_under_headers(kinds, scans, subheaders)
    _wrapped_names_under_headers(grid, kinds, scans, labels)
    named = kind_from_name(grid.name)
    # (members found by the list's own search: an Enum member equals only itself; no generator step nor member ask a row)
    titled = RowKind.TITLE_EVALUATION in kinds or RowKind.TITLE_BASIC in kinds
    if named in NOT_TABLE_KINDS and not titled:
        return _not_a_table(grid, layout, named, kinds)
    # the first 基础数据表 title or section row: each kind's first row by the list's own search (no generator step a row)
    start = min((kinds.index(k) for k in (RowKind.TITLE_BASIC, RowKind.BASIC_SECTION) if k in kinds), default=None)
    eval_rows: Sequence[int] = range(grid.n_rows)
    if start is not None:
        stop = next(
            (
                r
                for r in range(start + 1, grid.n_rows)
                # another 基础数据表's title (a second unit's, one under the other) ends this one: its rows are
                # not this table's parts
                if kinds[r] in (RowKind.TITLE_EVALUATION, RowKind.FUNDS_HEADER, RowKind.INDICATOR_HEADER)
                or (kinds[r] is RowKind.TITLE_BASIC and kinds[start] is RowKind.TITLE_BASIC)
            ),
            grid.n_rows,
        )
        basic, problems = read_basic(grid, range(start, stop), kinds)
        if basic.staffing is not None or basic.rows or basic.buildings or basic.frugality is not None:
            layout.basic = basic
            layout.problems.extend(problems)
            eval_rows = list(range(start)) + list(range(stop, grid.n_rows))
            if stop < grid.n_rows and kinds[stop] is RowKind.TITLE_BASIC:
                eval_rows = _second_basic(grid, kinds, stop, eval_rows, layout)
            marks = [(r, _BASIC_MARKS.get(kinds[r], "basic")) for r in range(start, stop)]
            while marks and marks[-1][1] == "blank":
                marks.pop()
            layout.tables.append(table_coverage(grid.name, "basic", marks, grid.n_cols, None))
    if layout.basic is None and (overview := read_overview(grid, kinds, labels)) is not None:
        # a 部门(单位)基本概况 line "人员编制 │ 128 │ 实有人数 │ 185": the 基础数据表's staffing facts, marked as such
        layout.basic, row = overview
        layout.tables.append(table_coverage(grid.name, "basic", [(row, "basic")], grid.n_cols, None))
    # (a sheet with a 自评表's title or header is that 自评表, whatever 三公 names its rows carry)
    # (`_EVALUATION_KINDS & set(kinds)`, by the list's own search: no set of the rows' kinds, each hashed by Enum's
    # Python `__hash__`, made twice a sheet)
    evaluation = any(k in kinds for k in _EVALUATION_KINDS)
    three_public = read_three_public(grid) if layout.basic is None and not evaluation else None
    if three_public is not None:
        # a “三公”经费 决算表/统计表 on its own (real reports 13): its 三公 rows, as a 基础数据表's
        layout.basic, span = three_public
        marks = [(r, "three_public") for r in span if kinds[r] is not RowKind.BLANK]
        name = layout.basic.table_name[0]  # "三公经费表": the coverage line names the table read, not a 基础数据表
        layout.tables.append(table_coverage(grid.name, "basic", marks, grid.n_cols, None, name))
        eval_rows = [r for r in eval_rows if r not in span]  # its rows are read: no 自评表 is looked for in them
    sums = None
    if three_public is None and layout.basic is None and not evaluation:
        sums = read_sum_table(grid)  # a 功能分类表 or 收支总表 (a 部门预决算 publication's): read for its own sums
    # a 三公 table split by source (合计 │ 公共财政预算拨款 │ 政府性基金 …, held-out batch 30): each line's 合计 = its sources
    three_public_read = three_public is not None or (sums is not None and sums[0].kind == "three_public_sums")
    if three_public_read and (by_source := read_source_sums(grid)) is not None:
        if (
            sums is not None
        ):  # a 三公 table read for its sums only: the source sums join them (one finding a total cell)
            sums = (dataclasses.replace(sums[0], sums=sums[0].sums + by_source.sums), *sums[1:])
        else:
            layout.sum_tables.append(by_source)
    if sums is not None:
        sum_table, sum_marks, sums_note = sums
        layout.sum_tables.append(sum_table)
        layout.tables.append(table_coverage(grid.name, sum_table.kind, sum_marks, grid.n_cols, None, sum_table.name))
        eval_rows = []
    reader = read_evaluation_tables(grid, list(eval_rows), kinds)
    headerless = _headerless_fragment(grid, list(eval_rows), reader) if layout.basic is None else None
    scoring = scoring_sheet_columns(grid) if headerless is None and not reader.tables and layout.basic is None else None
    if headerless is None and scoring is None and not reader.tables and layout.basic is None:
        # name │ 分值 │ 得分 rows without a header whose 分值 make the whole 100 (不详 2017): read as the headerless kind
        headerless = _score_fragment(grid, list(eval_rows))
        scored_fragment = headerless is not None
    else:
        scored_fragment = False
    if headerless is not None:  # the rows above any header are the end of a table whose header is elsewhere
        reader = read_evaluation_tables(grid, list(eval_rows), kinds, headerless[:2])
    elif scoring is not None:  # 目标名称 │ │ 分值 │ : the 得分 column recognised by its contents
        reader = read_evaluation_tables(grid, list(eval_rows), kinds, (scoring[0] + 1, scoring[1]), scoring[0])
    _add_tables(grid, layout, reader)
    listing = None
    if headerless is None and scoring is None and not reader.tables and layout.basic is None:
        listing = read_listing(grid)
    if listing is not None:  # a 预算执行情况表: each line a monitoring table's money block
        tops, lines, line_rows = listing
        layout.monitoring.extend(lines)
        marks = [*((r, "header") for top in tops for r in (top, top + 1)), *((r, "funds") for r in line_rows)]
        layout.tables.append(table_coverage(grid.name, "monitoring", marks, grid.n_cols, None))
        reader.problems = [f for f in reader.problems if f.code != "LAYOUT_NO_TABLE"]
    results = None
    if listing is None and headerless is None and scoring is None and not reader.tables and layout.basic is None:
        results = read_results_list(grid)
    if results is not None:  # a 绩效评价情况表 listing results: each line a project's score and grade
        top, evaluations, result_rows = results
        layout.evaluations.extend(evaluations)
        marks = [(top, "header"), *((r, "total") for r in result_rows)]
        layout.tables.append(table_coverage(grid.name, "project", marks, grid.n_cols, True))
        read = range(top + 1, result_rows[-1] + 2)  # 1-based rows of the header and the lines, now read
        reader.problems = [
            f
            for f in reader.problems
            if f.code != "LAYOUT_NO_TABLE"
            and not (f.code == "LAYOUT_UNMAPPED_ROW" and isinstance(f.ref, CellRef) and f.ref.row in read)
        ]
    weighted = None
    if results is None and listing is None and headerless is None and scoring is None and not reader.tables:
        weighted = read_weighted_table(grid) if layout.basic is None else None
    if weighted is not None:  # 评价准则 │ 权重 │ 评价分值 │ 加权得分, the total line found by its weight
        top, table, weighted_rows, total_row = weighted
        layout.evaluations.append(table)
        marks = [(top, "header"), *((r, "indicator") for r in weighted_rows), (total_row, "total")]
        layout.tables.append(table_coverage(grid.name, "project", marks, grid.n_cols, True))
        reader.problems = [f for f in reader.problems if f.code not in ("LAYOUT_NO_TABLE", "LAYOUT_UNMAPPED_ROW")]
        layout.skipped.append(SkippedCheck("I02", *WEIGHTED_LEVELS, grid.name))
    summary = None
    if weighted is None and results is None and listing is None and headerless is None and scoring is None:
        summary = read_summary_pairs(grid) if not reader.tables and layout.basic is None else None
    if summary is not None:  # a report's 概要: 自评分值 │ 100 │ 自评等级 │ 优, each pair an evaluation's result
        evaluations, pair_rows = summary
        layout.evaluations.extend(evaluations)
        layout.tables.append(table_coverage(grid.name, "project", [(r, "total") for r in pair_rows], grid.n_cols, True))
        reader.problems = [f for f in reader.problems if f.code not in ("LAYOUT_NO_TABLE", "LAYOUT_UNMAPPED_ROW")]
    staffing = layout.basic.staffing if layout.basic is not None else None
    if not reader.tables and staffing is not None and staffing.overview:
        # a report's cover and 基本概况 table, its staffing line read: the rest is narrative in cells, not a 自评表
        # with its header missing
        reader.problems = [f for f in reader.problems if f.code not in ("LAYOUT_UNMAPPED_ROW", "LAYOUT_NO_TABLE")]
    layout.problems.extend(reader.problems)
    if grid.merged and (layout.evaluations or layout.basic is not None):
        # a score fragment's rows are one table by their figures: a weighted "绩效目标(10 )" in it heads no block
        one = range(headerless[0], headerless[2] + 1) if scored_fragment and headerless is not None else range(0)
        # (the kinds themselves when no fragment's rows are taken: no list a sheet nor step a row for most sheets)
        merge_kinds = [RowKind.OTHER if r in one else k for r, k in enumerate(kinds)] if one else kinds
        layout.problems.extend(merge_findings(grid, merge_kinds, layout.evaluations))
    found = (
        layout.basic is not None or layout.evaluations or layout.declarations or layout.monitoring or layout.sum_tables
    )
    if not found and any(k is not RowKind.BLANK for k in kinds):
        layout.problems = [f for f in layout.problems if f.code != "LAYOUT_UNMAPPED_ROW"]
        said = any(f.code == "LAYOUT_NO_TABLE" for f in layout.problems)  # a header with no table: said once
        if not grid.hidden and not named and not said:
            first = next((r for r, k in enumerate(kinds) if k is not RowKind.BLANK), 0)
            c = row_cells(grid, first)[0][0] if row_cells(grid, first) else 0
            fragment = _fragment_words(grid) or _score_only_words(grid)
            layout.problems.append(
                Finding(
                    "LAYOUT_SHEET_IGNORED",
                    Severity.INFO,
                    CellRef.at(grid.name, first + 1, c + 1),
                    f"{words.sheet_zh}“{grid.name}”中没有找到自评表或基础数据表（按表头文字识别），已跳过。"
                    + (fragment[0] if fragment else ""),
                    f"{words.sheet_en[:1].upper()}{words.sheet_en[1:]} '{grid.name}' holds no self-evaluation or basic-data table "
                    "(by header labels); skipped." + (f" {fragment[1]}" if fragment else ""),
                )
            )
    elif grid.hidden and found:
        layout.problems.append(
            Finding(
                "LAYOUT_HIDDEN_SHEET",
                Severity.INFO,
                CellRef.at(grid.name, 1, 1),
                f"{words.sheet_zh}“{grid.name}”是隐藏的，但其中的表格已读取。",
                f"{words.sheet_en[:1].upper()}{words.sheet_en[1:]} '{grid.name}' is hidden; its tables were read.",
            )
        )
    if found and (grid.hidden_rows or grid.hidden_cols or grid.quoted):
        layout.problems.extend(hidden_cell_findings(grid, words.sheet_zh))
    layout.sheet = _sheet_coverage(grid, layout, named, kinds)
    if scored_fragment and layout.evaluations:  # the weights make the whole 100: whole-table checks run, but I02's
        # 一级 classes stand in labels no column of the fragment holds (共性指标 / 项目决策 …, one on the page before)
        rest = _score_only_words(grid)  # a table below it perfxl does not read (得分 only, 不详 2017's second): said
        zh, en = score_fragment_note(headerless[0], headerless[2], rest) if headerless else FRAGMENT_NOTE
        layout.sheet = dataclasses.replace(layout.sheet, certain=False, note_zh=zh, note_en=en)
        layout.skipped.append(SkippedCheck("I02", *FRAGMENT_CLASSES, grid.name))
    elif headerless is not None and layout.evaluations:
        zh, en = fragment_note(headerless[0], headerless[2])
        layout.sheet = dataclasses.replace(layout.sheet, certain=False, note_zh=zh, note_en=en)
        why_zh, why_en = WHOLE_TABLE_REASON
        layout.skipped.extend(SkippedCheck(code, why_zh, why_en, grid.name) for code in WHOLE_TABLE_CHECKS)
    elif scoring is not None and layout.evaluations:
        layout.sheet = dataclasses.replace(
            layout.sheet, certain=False, note_zh=SCORING_NOTE[0], note_en=SCORING_NOTE[1]
        )
    elif listing is not None:
        layout.sheet = dataclasses.replace(layout.sheet, note_zh=LISTING_NOTE[0], note_en=LISTING_NOTE[1])
    elif results is not None:
        layout.sheet = dataclasses.replace(
            layout.sheet, certain=False, note_zh=RESULTS_NOTE[0], note_en=RESULTS_NOTE[1]
        )
    elif weighted is not None:
        layout.sheet = dataclasses.replace(
            layout.sheet, certain=False, note_zh=WEIGHTED_NOTE[0], note_en=WEIGHTED_NOTE[1]
        )
    elif summary is not None:
        layout.sheet = dataclasses.replace(
            layout.sheet, certain=False, note_zh=SUMMARY_NOTE[0], note_en=SUMMARY_NOTE[1]
        )
    elif sums is not None:
        layout.sheet = dataclasses.replace(layout.sheet, note_zh=sums_note[0], note_en=sums_note[1])
    elif three_public is not None:
        zh, en = THREE_PUBLIC_NOTE
        layout.sheet = dataclasses.replace(
            layout.sheet,
            certain=not three_public[0].guess,
            note_zh=zh + (f"；{three_public[0].guess}" if three_public[0].guess else ""),
            note_en=en + ("; years read as final accounts (a guess)" if three_public[0].guess else ""),
        )
    elif layout.tables:
        _leading_fragment(grid, layout)
    return layout


def _add_tables(grid: Grid, layout: SheetLayout, reader: Any) -> None:
    """The reader's tables into the layout: coverage, and each table as an evaluation, 申报表 or 监控表."""
    headers: dict[int, int] = {}  # id of a 自评表 → its indicator header's row (1-based)
    for ev, marks, has_total in reader.tables:
        while marks and marks[-1][1] == "blank":
            marks.pop()
        layout.tables.append(table_coverage(grid.name, ev.kind, marks, grid.n_cols, has_total))
        if ev.kind == "declaration":
            layout.declarations.append(ev)
        elif ev.kind == "monitoring":
            layout.monitoring.append(ev)
        else:
            layout.evaluations.append(ev)
            # (the first indicator row found by one search, not a list of them all; no test of it a mark)
            first = next((r for r, what in marks if what == "indicator"), None)
            headers[id(ev)] = (
                0 if first is None else max((r + 1 for r, what in marks if what == "header" and r < first), default=0)
            )
    for ev in layout.evaluations:  # after the sheet's last table: a part of a form is known by the other part
        layout.skipped.extend(skipped_for(ev, layout.evaluations))
    # a part of a form (湖北 项目决策/项目管理) has its total with the form's, not a row of its own: coverage says so
    parts = {headers[id(ev)] for ev in layout.evaluations if part_of_form(ev, layout.evaluations) is not None}
    reader.problems = [
        f for f in reader.problems if f.code != "LAYOUT_MISSING_TOTAL" or getattr(f.ref, "row", None) not in parts
    ]
    layout.tables.sort(key=lambda t: _first_row(t.range))


def _headerless_fragment(grid: Grid, rows: list[int], reader: Any) -> tuple[int, dict[str, int], int] | None:
    """(first row, columns, its 合计 row) of a headerless 绩效指标 fragment whose columns fit the template by their contents, its rows
    read by no table (above any header); else None."""
    read = {r for _, marks, _ in reader.tables for r, what in marks if what not in ("unread", "blank")}
    found = headerless_indicator_rows(grid, read=read)  # (stops at the first read row the fragment would hold)
    if found is None or found[0] not in rows:
        return None
    cols = template_columns(grid, *found)
    return (found[0], cols, found[1]) if cols is not None else None


def _score_fragment(grid: Grid, rows: list[int]) -> tuple[int, dict[str, int], int] | None:
    """`score_fragment_columns` when its rows are the sheet's rows to read (not a 基础数据表's), else None."""
    found = score_fragment_columns(grid)
    return found if found is not None and found[0] in rows else None


def _leading_fragment(grid: Grid, layout: SheetLayout) -> None:
    """Rows above the sheet's first table header that are the headerless end of another table (a page of a paginated
    repost that opens inside a table): the note about them and the sheet's coverage say so."""
    runs = layout.tables[0].rows
    if not runs or runs[0].kind != "unread" or runs[0].first != 1:
        return
    fragment = _fragment_words(grid, limit=runs[0].last)
    if fragment is None or layout.sheet is None:
        return
    for i, f in enumerate(layout.problems):
        if f.code == "LAYOUT_UNMAPPED_ROW" and isinstance(f.ref, CellRef) and f.ref.row == 1:
            layout.problems[i] = dataclasses.replace(
                f, message=f.message + "。" + fragment[0], message_en=f"{f.message_en}; {fragment[1]}"
            )
    sheet = layout.sheet
    layout.sheet = dataclasses.replace(
        sheet,
        note_zh=(sheet.note_zh + "；" if sheet.note_zh else "") + fragment[0],
        note_en=(sheet.note_en + "; " if sheet.note_en else "") + fragment[1],
    )


#: Row kinds that make a sheet a 自评表's (or 目标表's): never read as a “三公”经费 table.
_EVALUATION_KINDS = frozenset({RowKind.TITLE_EVALUATION, RowKind.FUNDS_HEADER, RowKind.INDICATOR_HEADER})

#: The coverage note of a sheet read as a “三公”经费 table (perfxl.layout.three_public).
THREE_PUBLIC_NOTE = (
    "读作“三公”经费表（只含三公经费各项，按基础数据表的同名行检查）",
    "read as a 三公 spending table (its 三公 rows checked as the basic-data table's)",
)

_BASIC_MARKS = {
    RowKind.BLANK: "blank",
    RowKind.TITLE_BASIC: "title",
    RowKind.BASIC_SECTION: "header",
    RowKind.NOTE: "note",
}


def _first_row(rng: str) -> int:
    digits = "".join(ch for ch in rng.split(":", 1)[0] if ch.isdigit())
    return int(digits) if digits else 0


def _not_a_table(grid: Grid, layout: SheetLayout, named: str, kinds: list[RowKind]) -> SheetLayout:
    """A sheet its name shows to be another part of a project file (支出计划, 评审报告 …): read as "other"."""
    zh = KIND_ZH.get(named, named)
    layout.sheet = SheetCoverage(
        grid.name,
        named,
        certain=False,
        read=True,
        note_zh=f"按工作表名称判断为“{zh}”，不是自评表，未按自评表检查。",
        note_en=f"Judged by its name to be '{named}', not a self-evaluation table; not checked as one.",
    )
    return layout


def _sheet_coverage(grid: Grid, layout: SheetLayout, named: str, kinds: list[RowKind]) -> SheetCoverage:
    """The sheet's kind (from its tables, else its name, else "other"/"empty"), and how sure that is.

    Layout findings on a sheet that is not a 自评表 or 基础数据表 (申报表, 监控表, a sheet guessed from
    its name) are the export's shape, not the user's error: they become the sheet's note instead.
    """
    table_kinds = list(dict.fromkeys(t.kind for t in layout.tables))
    note_zh, note_en = "", ""
    if table_kinds:
        kind = "+".join(table_kinds)
        certain = True  # the tables were found by their header labels, not guessed from the sheet's name
        if not (layout.evaluations or layout.basic is not None):
            moved = [f for f in layout.problems if f.code.startswith("LAYOUT_")]
            layout.problems = [f for f in layout.problems if not f.code.startswith("LAYOUT_")]
            if moved:
                note_zh = (
                    f"该表只读取用于核对，其版式问题 {len(moved)} 处未作为检查结果列出（首处：{moved[0].message}）"
                )
                note_en = f"read for cross-checks only; {len(moved)} layout notes not listed as findings"
        if any(WEIGHTS_IN_LABELS in ev.columns for ev in layout.evaluations):
            note_zh = "表中没有分值列，各三级指标的分值按其名称中标注的分值读取（如“(4分)”）。"
            note_en = 'no weight column: each indicator\'s weight read from its name ("(4分)")'
        return SheetCoverage(grid.name, kind, certain=certain, read=True, note_zh=note_zh, note_en=note_en)
    if all(k is RowKind.BLANK for k in kinds):
        return SheetCoverage(grid.name, "empty", certain=True, read=True, note_zh="空白工作表", note_en="empty sheet")
    texts = [v for row in grid.rows[:40] for v in row[:20] if isinstance(v, str) and v.strip()]
    if not available() and any(looks_traditional(t) for t in texts[:200]):
        return SheetCoverage(
            grid.name,
            "other",
            certain=False,
            read=False,
            note_zh="表头为繁体字，未安装 OpenCC，无法识别该表（pip install opencc）。",
            note_en="traditional-character headers and OpenCC is not installed; not read",
        )
    kind = named if named and named != "evaluation" else "other"
    zh = KIND_ZH.get(kind, kind)
    fragment = _fragment_words(grid) or _score_only_words(grid)
    return SheetCoverage(
        grid.name,
        kind,
        certain=False,
        read=True,
        note_zh=f"未找到可识别的表格，按“{zh}”处理，未作检查。" + (fragment[0] if fragment else ""),
        note_en=f"no recognisable table; treated as '{kind}', not checked" + (f"; {fragment[1]}" if fragment else ""),
    )


def _fragment_words(grid: Grid, limit: int = 200) -> tuple[str, str] | None:
    """What a sheet's headerless 绩效指标 rows (in its first `limit` rows) are (`headerless_indicator_rows`), in words
    for its note, else None."""
    rows = headerless_indicator_rows(grid, limit)
    if rows is None:
        return None
    a, b = rows[0] + 1, rows[1] + 1
    return (
        f"第 {a}–{b} 行是绩效指标表的一部分（指标名、指标值、分值及合计行），但其上没有表头：表格接续上一页或其他工作表，"
        "perfxl 按表头文字识别各列，这些行未读入、未检查。",
        f"rows {a}-{b} are part of an indicator table without its header (continued from another page or sheet); "
        "perfxl finds columns by their header labels, so these rows were not read or checked",
    )


def _score_only_words(grid: Grid, limit: int = 200) -> tuple[str, str] | None:
    """What an indicator header with a 得分 column but no 分值, 指标值 or 完成值 (一级指标 │ 二级指标 │ 三级指标 │ 得分, the
    weights at most inside the labels) is, in words for the sheet's note — a table perfxl does not read, said as such
    rather than as no table at all; None when the sheet (its first `limit` rows) has none."""
    for r in range(min(grid.n_rows, limit)):
        cols = columns_by_role(grid, r, H.INDICATOR_COLUMNS)
        if "score" not in cols or "name" not in cols or {"weight", "target", "actual"} & cols.keys():
            continue
        if not {"level1", "level2"} & cols.keys():
            continue
        heads = " │ ".join(str(v).strip() for _, v in row_cells(grid, r))
        return (
            f"第 {r + 1} 行的表头（{heads}）只有得分列，没有分值、指标值或完成值列，其下的指标名称也未都写明分值（如“(4分)”），"
            "无从核对得分，该表未读入、未检查。",
            f"the header on row {r + 1} ({heads}) has a score column but no weight, target or actual column, and the "
            'indicator names under it do not all state their points (as "(4分)"): nothing to check the scores against, '
            "so that table was not read or checked",
        )
    return None
