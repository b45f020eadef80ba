"""What a sheet's hidden rows, hidden columns and apostrophe-typed numbers meant for its reading, said as 提示 (read29).

The flags come from the sheet XML (`perfxl.io.sheet_flags`). A hidden (filtered) row still holds the filer's figures:
read and checked, and said. A hidden column is not on the printed form: a helper column of working figures — no column
label of the form, or one a shown column of its row prints too ("得分" beside the form's 得分) — is not read, and said;
a hidden column that is the form's own (its only 分值, 得分, 指标值 … column) is read as filed, and said (emptied, the
form's weights or targets gone: 47 false 错误 on real tables, read29's sweep). A number typed with a leading apostrophe ('95) is
text that holds a number: read as that number, and said — never an 错误 because it is text.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from ..grid import Grid
from ..model import CellRef, Finding, Severity, a1, column_letter
from ..numbers import to_decimal
from . import headers as H

__all__ = ["hidden_cell_findings", "without_hidden_helpers"]

_SHOWN = 8  # cells or rows named in one message; the count says the rest


def _listed(items: list[str], unit: str) -> str:
    """ "24、26、28 行", or the first `_SHOWN` and the count ("… 等共 12 行")."""
    more = f" 等共 {len(items)} {unit}" if len(items) > _SHOWN else f" {unit}"
    return "、".join(items[:_SHOWN]) + more


def _names_column(value: object) -> bool:
    return bool(H.match_role(value, H.INDICATOR_COLUMNS) or H.match_role(value, H.FUNDS_COLUMNS))


def _helper(grid: Grid, c: int) -> bool:
    """Hidden column `c` is a helper beside the form: none of its cells names a column of the form, or each that does
    is printed the same in a shown cell of its row (a second "得分" beside the form's) that is no other column of the
    form (`_distinct`). A synonym is not the same: a hidden 分值 beside a shown 自评权重 (南昌 2021) or 指标值(长期)
    beside 指标值(年度) (青山 2020) is the form's own."""
    shown = [k for k in range(grid.n_cols) if k not in grid.hidden_cols]
    for r, row in enumerate(grid.rows):
        if c >= len(row) or grid.is_merged(r, c) or not _names_column(row[c]):
            continue
        label = H.normalise_label(row[c])
        copies = [k for k in shown if k < len(row) and not grid.is_merged(r, k) and H.normalise_label(row[k]) == label]
        if not any(not _distinct(grid, r, c, k) for k in copies):
            return False
    return True


#: header rows above a label read for the words that qualify it (县级 over 评分)
_QUALIFIER_ROWS = 2


def _distinct(grid: Grid, r: int, c: int, k: int) -> bool:
    """Columns `c` and `k`, both labelled alike on row `r`, are two columns of the form, not a column and its copy
    (read30): a row above qualifies each with its own words (铜陵 2021: 县级 评分 | 市级 评分), or the label before each
    is alike too — the heading printed once per side (亳州 2023's 中期 and 年度 sides: 二级指标 | 三级指标 | 指标值,
    twice). A helper copy has neither (its cells above are blank; the label before it is the one it copies)."""
    for above in range(max(r - _QUALIFIER_ROWS, 0), r):
        mine, theirs = grid.raw(above, c), grid.raw(above, k)
        if grid.is_merged(above, c) or grid.is_merged(above, k) or mine is None or theirs is None:
            continue
        if H.normalise_label(mine) != H.normalise_label(theirs):
            return True
    before_c, before_k = grid.raw(r, c - 1), grid.raw(r, k - 1)
    return (
        c - 1 != k
        and k - 1 != c
        and _names_column(before_c)
        and H.normalise_label(before_c) == H.normalise_label(before_k)
    )


def without_hidden_helpers(grid: Grid) -> Grid:
    """`grid` with the own cells of its hidden helper columns emptied (`_helper`; kept in `hidden_values`, merged cells
    left); `grid` itself when it has none."""
    helpers = [c for c in sorted(grid.hidden_cols) if _helper(grid, c)]
    kept: dict[tuple[int, int], Any] = {}
    for r, row in enumerate(grid.rows):
        for c in helpers:
            if c < len(row) and row[c] not in ("", None) and not grid.is_merged(r, c):
                kept[(r, c)] = row[c]
    if not kept:
        return grid
    rows = [list(row) for row in grid.rows]
    for r, c in kept:
        rows[r][c] = ""
    return dataclasses.replace(grid, rows=rows, hidden_values=kept)


def hidden_cell_findings(grid: Grid, sheet_zh: str) -> list[Finding]:
    """The 提示 for `grid`'s hidden rows that hold something, hidden columns whose cells were left unread, and cells
    typed with a leading apostrophe that hold a number."""
    out: list[Finding] = []
    rows = sorted(r for r in grid.hidden_rows if r < grid.n_rows and any(v not in ("", None) for v in grid.rows[r]))
    if rows:
        names = [str(r + 1) for r in rows]
        out.append(
            Finding(
                "LAYOUT_HIDDEN_ROWS",
                Severity.INFO,
                CellRef.at(grid.name, rows[0] + 1, 1),
                f"{sheet_zh}“{grid.name}”第 {_listed(names, '行')}是隐藏的（可能被筛选），其中内容仍按填报数据读取并检查。",
                f"Sheet '{grid.name}' rows {', '.join(names[:_SHOWN])} are hidden (perhaps filtered); "
                "they were read and checked as filed.",
                actual=str(len(rows)),
            )
        )
    helpers = {c for _, c in grid.hidden_values}
    read = sorted(
        c
        for c in grid.hidden_cols - helpers
        if any(
            c < len(row) and row[c] not in ("", None) and not grid.is_merged(r, c) for r, row in enumerate(grid.rows)
        )
    )
    if read:
        letters = [column_letter(c + 1) for c in read]
        out.append(
            Finding(
                "LAYOUT_HIDDEN_COLUMNS",
                Severity.INFO,
                CellRef.at(grid.name, 1, read[0] + 1),
                f"{sheet_zh}“{grid.name}”第 {_listed(letters, '列')}是隐藏的，打印的表格上看不到；该列是表格自身的列"
                "（其表头在表格中只此一处），已按填报数据读取并检查。",
                f"Sheet '{grid.name}' column(s) {', '.join(letters)} are hidden (not on the printed form); being the "
                "form's own columns, they were read and checked as filed.",
            )
        )
    if grid.hidden_values:
        cols = sorted({c for _, c in grid.hidden_values})
        letters = [column_letter(c + 1) for c in cols]
        first = min(grid.hidden_values)
        out.append(
            Finding(
                "LAYOUT_HIDDEN_COLUMNS",
                Severity.INFO,
                CellRef.at(grid.name, first[0] + 1, first[1] + 1),
                f"{sheet_zh}“{grid.name}”第 {_listed(letters, '列')}是隐藏的，打印的表格上看不到；其中 "
                f"{len(grid.hidden_values)} 个单元格未作为表格内容读取，也未检查。如该列属于表格，请取消隐藏后重新提交。",
                f"Sheet '{grid.name}' column(s) {', '.join(letters)} are hidden (not on the printed form); their "
                f"{len(grid.hidden_values)} cells were not read as the form's content nor checked.",
                actual=str(len(grid.hidden_values)),
            )
        )
    quoted = sorted(
        (r, c) for r, c in grid.quoted if isinstance(grid.raw(r, c), str) and to_decimal(grid.raw(r, c)) is not None
    )
    if quoted:
        cells = [a1(r + 1, c + 1) for r, c in quoted]
        out.append(
            Finding(
                "READ_NUMBER_AS_TEXT",
                Severity.INFO,
                CellRef.at(grid.name, quoted[0][0] + 1, quoted[0][1] + 1),
                f"{sheet_zh}“{grid.name}”中 {_listed(cells, '个单元格')}的数字以文本形式存储（输入时带前置撇号 '），"
                "已按其显示的数字读取并检查；Excel 的求和公式不会计入这些单元格。",
                f"Sheet '{grid.name}': {', '.join(cells[:_SHOWN])} hold numbers stored as text (typed with a leading "
                "apostrophe); read as the numbers they show. Excel's SUM skips them.",
                actual=str(len(quoted)),
            )
        )
    return out
