"""A 分值 header whose characters came out of an OCR or PDF text run in another order ("考值参分" for 参考分值).

perfxl finds columns by their header labels (exact synonyms). An OCR'd repost can print a header with its characters
scrambled; the column is then unread and every check on weights is skipped. Such a header is read as the 分值 column
only when both hold:

- its characters are exactly those of one 分值 synonym of four characters or more, in another order (no other role's
  synonym has them), and
- the cells confirm it: under every 一级 label that declares its weight ("项目管理(25分)"), the column's numbers add
  up to that weight — in at least two blocks, and the last block (a table cut short) at most to it.

A column so read is reported (LAYOUT_HEADER_REORDERED, 提示) so the reading is stated, never silent.
"""

from __future__ import annotations

from decimal import Decimal

from ..grid import Grid
from ..model import CellValue, Finding, Severity
from ..numbers import to_decimal
from . import headers as H
from .cells import own, row_labels
from .indicators import parse_level1

__all__ = ["reordered_weight", "reordered_finding"]

#: A shorter label (分值 ↔ 值分) is too easily another word's characters to be read so.
_MIN_CHARS = 4


def _synonym_for(label: str) -> str | None:
    """The one weight synonym `label` is an anagram of (not itself: an exact label is matched elsewhere), else None."""
    if len(label) < _MIN_CHARS:
        return None
    key = sorted(label)
    hits = {
        (role, syn)
        for role, synonyms in H.INDICATOR_COLUMNS.items()
        for syn in synonyms
        if syn != label and sorted(syn) == key
    }
    roles = {role for role, _ in hits}
    return next(syn for _, syn in hits) if roles == {"weight"} else None


def _confirmed_by_blocks(grid: Grid, r: int, level1: int, col: int) -> bool:
    """Under each 一级 label below header row r that declares a weight, column `col`'s numbers add up to it (the last
    block at most to it); at least two blocks checked. Stops at a blank 一级 run's end of the sheet or a 总分 row."""
    blocks: list[tuple[Decimal, Decimal]] = []  # (declared, sum of the column)
    declared: Decimal | None = None
    total = Decimal(0)
    for i in range(r + 1, grid.n_rows):
        head = own(grid, i, level1)
        if isinstance(head, str) and H.normalise_label(head) in H.TOTAL_LABELS:
            break
        if isinstance(head, str) and head.strip():
            if declared is not None:
                blocks.append((declared, total))
            declared = parse_level1(CellValue(head)).declared_weight
            total = Decimal(0)
        if declared is None:
            continue
        value = own(grid, i, col)
        number = to_decimal(value) if value is not None else None
        if value is not None and number is None:
            return False  # a weight column holds numbers only
        total += number or 0
    if declared is not None:
        blocks.append((declared, total))
    if len(blocks) < 2:
        return False
    *complete, last = blocks
    return all(d == s for d, s in complete) and 0 < last[1] <= last[0]


def reordered_weight(grid: Grid, r: int, cols: dict[str, int]) -> dict[str, int]:
    """`cols` with "weight" (and "_reordered", the same column) when header row r has no 分值 column but one header
    is a 分值 synonym's characters reordered and the declared 一级 weights confirm the column; else `cols`."""
    if "weight" in cols or "level1" not in cols or "name" not in cols:
        return cols
    taken = set(cols.values())
    for c, label in row_labels(grid, r):
        if c in taken or H.match_role(label, H.INDICATOR_COLUMNS) is not None:
            continue
        if _synonym_for(label) and _confirmed_by_blocks(grid, r, cols["level1"], c):
            return {**cols, "weight": c, "_reordered": c}
    return cols


def reordered_finding(grid: Grid, r: int, c: int) -> Finding:
    """LAYOUT_HEADER_REORDERED (提示) at the header cell read as 分值: what it says, what it was read as, and why."""
    label = H.normalise_label(own(grid, r, c))
    synonym = _synonym_for(label) or "分值"
    return Finding(
        "LAYOUT_HEADER_REORDERED",
        Severity.INFO,
        grid.ref(r, c),
        f"表头“{label}”与“{synonym}”的字相同而字序颠倒（疑为识别错误），且该列数字在各一级指标下之和等于其标注的分值，"
        "已按分值列读取。",
        f"header {label!r} has the characters of {synonym!r} in another order (likely OCR) and its numbers add up to "
        "the weights the 一级 labels declare: read as the 分值 column",
        actual=label,
    )
