"""One 自评表 printed as two tables: a PDF block parted by pdf_stacked (a full-width rule under a row of column
headings, the column grid changing there) may be two Word tables back to back or ONE Word table whose rows change
their column lines — a 自评表 whose 绩效指标 part (一级指标 │ 二级指标 │ …) starts under a full-width heading row
without a label merged down beside it prints exactly so. Read as two, the lower half is a 自评表 without its 资金
block: its 总分 is checked without the 预算执行率 得分 (a T02 错误 the .docx, read as one table, does not have).

The same happens at a page break: a table at the top of a page in the frame of the last one of the page before but
on other column lines is not joined to it (perfxl.document.pdf_reader), though one Word table may go on there.

So the parts are read as one table again when they are the two halves of one form: the part above reads as a 自评表
with its 资金 (or title and header) but no 绩效指标, the part below as 绩效指标 with no 资金, title or header of its
own, and the block read whole is one 自评表 holding both; or the part above ends in a form's title rows with no
table under them and the part below is that form without its title (a 基础数据表 and a 自评表 as one Word table,
parted under the 自评表's title): read whole, the same forms, titled. Two complete tables (a 基础数据表 over a
自评表, two 自评表) stay two, as pdf_stacked parted them.
"""

from __future__ import annotations

from ..grid import Grid
from ..model import CellRef, Submission
from ..reader import read_grids

__all__ = ["rejoin_halves"]


def _read(grid: Grid) -> Submission:
    return read_grids([grid], source_format="pdf")


def _untabled_heads(sub: Submission, grid: Grid) -> int:
    """Headings the reader found with no table under them in the last rows of `grid` (a form's title whose form
    went on in the next part)."""
    return sum(
        1
        for f in sub.problems
        if f.code == "LAYOUT_NO_TABLE" and isinstance(f.ref, CellRef) and _row(f.ref.cell) > len(grid.rows) - 3
    )


def _row(cell: str) -> int:
    return int("".join(ch for ch in cell.split(":")[0] if ch.isdigit()) or 0)


def _split_form(upper: Submission, lower: Submission) -> bool:
    """A 自评表 parted between its 资金 and its 绩效指标: the part above one form with its 资金 (or title and header)
    but no 绩效指标, the part below one form of 绩效指标 only."""
    if len(upper.evaluations) != 1 or len(lower.evaluations) != 1:
        return False
    top, rest = upper.evaluations[0], lower.evaluations[0]
    if top.indicators or not (top.funds is not None or top.header or top.title is not None):
        return False  # the part above is a whole form, or none
    return bool(rest.indicators) and rest.funds is None and not rest.header and rest.title is None


def _halves(above: Grid, below: Grid, whole: Grid) -> bool:
    upper, lower, joined = _read(above), _read(below), _read(whole)
    if _split_form(upper, lower):
        return len(joined.evaluations) == 1 and bool(joined.evaluations[0].indicators)
    # a form's title rows left above, the form itself below (its title lost): the whole reads the same forms, titled
    heads = _untabled_heads(upper, above)
    return (
        heads > 0
        and bool(lower.evaluations)
        and all(e.title is None for e in lower.evaluations)
        and len(joined.evaluations) == len(upper.evaluations) + len(lower.evaluations)
        and all(e.title is not None for e in joined.evaluations[len(upper.evaluations) :])
        and (joined.basic is None) == (upper.basic is None and lower.basic is None)
        and _untabled_heads(joined, whole) + _untabled_heads(lower, below) < heads + _untabled_heads(lower, below)
    )


def rejoin_halves(grids: list[Grid], stacked: tuple[tuple[str, str, Grid], ...]) -> list[Grid]:
    """`grids` with each pair parted from one block that are the halves of one 自评表 replaced by the block read
    whole (named as the part above)."""
    out = list(grids)
    for above, below, whole in stacked:
        names = [g.name for g in out]
        if above not in names or below not in names:
            continue
        if _halves(out[names.index(above)], out[names.index(below)], whole):
            out[names.index(above)] = whole
            del out[names.index(below)]
    return out
