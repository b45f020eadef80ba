"""Where a table's missing columns are expected: a header cell left blank (执行率, 分值, 三级指标 …)
still has its column, found from the standard column order between its recognised neighbours.

Every value the layout reads then has a cell (its position), and LAYOUT_MISSING_COLUMN names the
header cell where the label is missing (财预〔2020〕10号 附1 column order; never fixed coordinates).
"""

from __future__ import annotations

from ..grid import Grid
from .cells import own

__all__ = [
    "INDICATOR_ORDER",
    "INDICATOR_EXPECTED",
    "FUNDS_ORDER",
    "FUNDS_EXPECTED",
    "empty_under",
    "place_missing",
    "values_under_merge",
]

#: The standard left-to-right order of the 绩效指标 columns (split target parts sit inside "target").
INDICATOR_ORDER = ("level1", "level2", "name", "target", "nature", "unit", "actual", "weight", "score", "deviation")
#: 绩效指标 columns every table must have; a missing one is placed and reported.
INDICATOR_EXPECTED = ("name", "target", "actual", "weight", "score", "deviation")
#: The funds block: 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分.
FUNDS_ORDER = ("initial_budget", "full_budget", "executed", "weight", "rate", "score")
FUNDS_EXPECTED = FUNDS_ORDER


def place_missing(
    grid: Grid, header_rows: tuple[int, ...], cols: dict[str, int], order: tuple[str, ...], expected: tuple[str, ...]
) -> dict[str, int]:
    """Role → column for each role of `expected` missing from `cols`.

    A missing role takes the first blank header column between its recognised neighbours (in
    `order`; a leading role, the one nearest its right neighbour) that holds a value under the header (never an empty
    spacer column, `empty_under`); a missing trailing role, or one with no such column where it belongs, takes the
    next column right of the table (in `order`).
    """
    known = {k: c for k, c in cols.items() if not k.startswith("_")}
    missing = [k for k in expected if k not in known]
    if not missing:
        return {}
    taken = set(known.values()) | set(_labelled(grid, header_rows, known))
    placed: dict[str, int] = {}
    deferred: list[str] = []
    for role in missing:
        i = order.index(role)
        now = {**known, **placed}
        left = max((now[k] for k in order[:i] if k in now), default=-1)
        right = min((now[k] for k in order[i + 1 :] if k in now), default=None)
        if right is None or right <= left:  # a trailing role, or recognised columns out of order
            deferred.append(role)
            continue
        gap = (
            range(left + 1, right) if left >= 0 else range(right - 1, -1, -1)
        )  # a leading role sits next to its right neighbour
        free = next((c for c in gap if c not in taken and not empty_under(grid, header_rows, c)), None)
        if free is None:
            deferred.append(role)
            continue
        placed[role] = free
        taken.add(free)
    # right of the table: past its last role column and the labelled header columns joined to it (at most one blank
    # header cell between) — not past a gap of two or more (a small table of its own printed beside it, 序号 │
    # 佐证材料名称: adv27 read the 偏差原因 past it, beyond the sheet)
    edge = max([*known.values(), *placed.values()], default=-1)
    for c in sorted(taken):
        if c > edge + 2:
            break
        edge = max(edge, c)
    end = edge + 1
    for role in deferred:
        placed[role] = end
        end += 1
    return placed


#: Rows under a header looked at for a value before a blank-headed column is called a spacer (bounded scan).
_SPACER_SCAN = 400


def empty_under(grid: Grid, header_rows: tuple[int, ...], c: int) -> bool:
    """Column c holds no value of its own under the header (its header is blank too: it was not `taken`) — a narrow
    spacer between the table's columns, or one a merge spans: no missing role is read from it (adv27: a sheet with an
    empty column after each column read its 分值 from the spacer between 实际完成值 and 得分, W04 错误 "分值应大于 0，
    表中为（空）" on every row of a table printing no 分值)."""
    first = max(header_rows) + 1
    for r in range(first, min(first + _SPACER_SCAN, grid.n_rows)):
        if c < len(grid.rows[r]) and own(grid, r, c) is not None:
            return False
    return True


def values_under_merge(grid: Grid, header_rows: tuple[int, ...], cols: dict[str, int]) -> dict[str, int]:
    """`cols` with each role whose header is merged sideways over several columns moved to the one of them that holds
    the values, when its own (the merge's first) column is empty under the header and exactly one other holds values —
    a header merged over a narrow spacer left of its values ("分值" over spacer │ values: the 分值 read from the spacer,
    W04 错误 "分值应大于 0" on every row, review27v). A role whose columns several hold values is left (a split target
    is `detect._split_target`'s)."""
    if not grid.merged:
        return cols
    r = header_rows[0]
    spans = {c0: c1 for r0, c0, r1, c1 in grid.merged if r0 == r and c1 > c0 and r1 <= max(header_rows)}
    if not spans:
        return cols
    taken = set(cols.values())
    out = dict(cols)
    for role, c in cols.items():
        c1 = spans.get(c)
        if role.startswith("_") or c1 is None or not empty_under(grid, header_rows, c):
            continue
        held = [k for k in range(c + 1, c1 + 1) if k not in taken and not empty_under(grid, header_rows, k)]
        if len(held) == 1:
            out[role] = held[0]
    return out


def _labelled(grid: Grid, header_rows: tuple[int, ...], known: dict[str, int]) -> set[int]:
    """Columns whose header cell holds something, or continues a recognised header's merge sideways
    (a group label such as a merged "绩效指标" over 一级 | 二级 | 三级 does not take the columns under it)."""
    role_cols = set(known.values())
    out: set[int] = set()
    width = max((len(grid.rows[r]) for r in header_rows if 0 <= r < len(grid.rows)), default=0)
    for r in header_rows:
        for c in range(width):
            if own(grid, r, c) is not None:
                out.add(c)
                continue
            if grid.merged and grid.anchor_of(r, c)[1] in role_cols - {c}:
                out.add(c)
    return out
