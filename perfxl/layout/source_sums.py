"""A “三公”经费 table whose figures are split by where the money came from: each line's 合计 against its sources.

湖南 岳阳县's 三公 预算表 ("表3", held-out batch 30) prints 项目 │ 2017年预算数合计 │ 公共财政预算拨款 │ 政府性基金预算拨款 │
国有资本经营预算拨款: the 三公 reader (`three_public`) reads the 合计 column as the items' budgets and leaves the source
columns aside (each holds a part of the item, not the item). What those columns state is a sum of their own: on every
item line the 合计 is the sources beside it. 岳阳县文联 2017 prints 支出合计 4.9 │ 0 │ 0 │ 0 — the split of the total is
nowhere.

Only a line whose total and every source print a figure is held (a blank source is a split left unfilled, no figure to
add). The form lists the sources it lists: unless one of them is a catch-all (其他资金), money of another source may stand
in the 合计, so the relation is a reading (`TableSum.guess`) and a miss a 警告 at most (rules.table_sums, B18).
"""

from __future__ import annotations

from perfxl.patterns import lazy_compile

from ..grid import Grid
from ..model import CellValue, SumTable, TableSum
from .cells import own_cell, spacer_columns
from .three_public import _FUND_BUDGET, _SOURCES, _TITLE, _Axis, _is_total, _item, _lines, _number, _role, _words

__all__ = ["read_source_sums", "SOURCE_GUESS"]

#: Why a 合计 held to the sources a table lists is a reading, not a stated sum.
SOURCE_GUESS = "表中只列出这几项资金来源，未注明合计仅由它们构成：合计中可能有其他来源的资金"
#: A source that takes whatever the others do not (其他资金): with it the listed sources are the whole.
_CATCH_ALL = lazy_compile(r"其他|其它")
#: A total's label ending the column's header ("2017年预算数合计", "合计"): the line's whole, not a part.
_TOTAL_END = lazy_compile(r"(?:合计|小计|总计)数?$")


def _kind(labels: list[tuple[str, CellValue]]) -> str:
    """ "source", "total" or "" for a cross line (a column's header path, a row's leading labels): by its last label."""
    if not labels:
        return ""
    last = labels[-1][0]
    if _item(last) is not None:
        return ""
    if _SOURCES.search(last):
        return "source"
    if _is_total(last) or _TOTAL_END.search(last):
        return "total"
    return ""


def _stated(texts: list[str]) -> tuple[str, int | None] | None:
    """What a cross line's own labels state beside its source's name — (role, year) as a 三公 figure's label states them
    ("上年…" prev, "…预算数" budget, "…决算数" final, a year) — or None for a line that is no plain part of a split: a
    change or a share (增减, 占比, %), a 其中 (a part of a part)."""
    if any(t.startswith("其中") for t in texts) or _words().lines.search("".join(texts)):
        return None
    kind, year = _role(_SOURCES.sub("", _FUND_BUDGET.sub("", "".join(texts))))  # 政府性基金预算拨款: no 预算 role
    return (kind or "", year)


def _partition(crosses: dict[int, _Axis], total: int, sources: list[int]) -> bool:
    """A total and its sources are one split when every line is a plain part (`_stated`) and those that state a role or a
    year all state the same one (合计 │ 一般公共预算预算数 │ 一般公共预算决算数 is a 预算/决算 pair, not a split; 上年… beside
    本年 sources is another year's); the 合计 states the same, or nothing, or what bare sources
    leave to it. Each line is judged on its own header path: the title and a header spanning them all are set aside."""
    # the table's title ("…2017年度“三公”经费预算表") may stand over some of them only, its merge not exported: no line's own
    paths = [[label for label, _ in crosses[i].labels if not _TITLE.search(label)] for i in (total, *sources)]
    shared = set(paths[0]).intersection(*paths[1:])
    stated = [_stated([t for t in path if t not in shared]) for path in paths]
    plain = [s for s in stated if s is not None]
    if len(plain) != len(stated) or len(set(plain[1:])) != 1:
        return False  # a change or a 其中 among them; or the sources differ: 上年 beside this year's, 预算 beside 决算
    # the 合计 may say what bare sources leave to it ("2017年预算数合计" over them), and bare it may stand over sources
    # saying their stage ("预算数"), but no line of another year (上年…) beside one that does not say it
    total_said, source = plain[0], plain[1]
    if source == total_said:
        return True
    if "prev" in (source[0], total_said[0]):
        return False
    return (source == ("", None)) != (total_said == ("", None))


def _runs(kinds: list[tuple[int, str]]) -> list[tuple[int, list[int]]]:
    """(total, sources) of each run of adjacent cross lines holding one total and two sources or more."""
    runs: list[list[tuple[int, str]]] = []
    previous: int | None = None
    for index, kind in kinds:
        if not kind:
            previous = None
            continue
        if previous is None or index != previous + 1:
            runs.append([])
        runs[-1].append((index, kind))
        previous = index
    found = []
    for run in runs:
        totals = [i for i, k in run if k == "total"]
        sources = [i for i, k in run if k == "source"]
        if len(totals) == 1 and len(sources) >= 2:
            found.append((totals[0], sources))
    return found


def read_source_sums(grid: Grid) -> SumTable | None:
    """The 合计 = its sources sums of the 三公 table on `grid` (one per item line and source group), or None."""
    found = _lines(grid)
    if found is None:
        return None
    columns, rows, lines, _ = found
    by_rows = not any(i < len(columns) and a is columns[i] for i, a in lines)
    # items as rows: the cross lines are the columns; as columns: the rows with figures, adjacent in the table as printed
    crosses = dict(enumerate(columns)) if by_rows else {r: a for r, (a, _) in rows.items()}
    # adjacent as printed: a spacer column between two (a sheet with an empty column after each, adv28) parts none
    spacers = spacer_columns(grid) if by_rows else frozenset()
    order = [i for i in sorted(crosses) if i not in spacers]
    runs = [
        (order[t], [order[k] for k in s])
        for t, s in _runs([(k, _kind(crosses[i].labels)) for k, i in enumerate(order)])
        if _partition(crosses, order[t], [order[k] for k in s])
    ]
    if not runs:
        return None
    sums: list[TableSum] = []
    for index, line in lines:
        if line.item is None:
            continue
        name = (line.item_cell or line.labels[-1][1]).text.strip() if (line.item_cell or line.labels) else ""
        for total_at, source_at in runs:
            at = (index, total_at) if by_rows else (total_at, index)
            total = own_cell(grid, *at)
            parts = tuple(own_cell(grid, *((index, s) if by_rows else (s, index))) for s in source_at)
            if not _number(total.raw) or not all(_number(p.raw) for p in parts):
                continue
            names = [crosses[s].labels[-1][1].text.strip() for s in source_at]
            sums.append(
                TableSum(
                    total,
                    parts,
                    name,
                    crosses[total_at].labels[-1][1].text.strip(),
                    " + ".join(names),
                    "its sources",
                    "" if any(_CATCH_ALL.search(n) for n in names) else SOURCE_GUESS,
                )
            )
    if not sums:
        return None
    return SumTable(grid.name, "three_public_sums", "“三公”经费表", tuple(sums))
