"""Figures inside the funds block's free-text breakdown cells ("按支出性质分：2223.04",
"其中：基本支出：886.12", "政府性基金拨款："), as labelled amounts (model.BreakdownAmount).

A group line (按收入性质分 / 按支出性质分) starts a group in its column; the labelled figures below
it in the same column (or after it in the same cell) are its parts. Figures are read exactly
(Decimal); thousands separators are dropped. A label without a figure keeps amount None.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from ..chinese import to_simplified
from ..model import BreakdownAmount, CellValue

__all__ = ["breakdown_amounts", "parse_breakdown_text"]

#: "label [:：;；] [figure] [万元|元]" — a label is a run of non-digit, non-separator characters.
_ITEM = re.compile(
    r"(?P<label>[^\d:;,\s、。.()（）\-]+(?:\([^()]*\))?)\s*[:;]?\s*"
    r"(?P<amount>-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?)?\s*(?:万元|元)?"
)
_GROUPS = (
    ("按收入性质分", "income"),
    ("按支出性质分", "expenditure"),
    ("按收入性质", "income"),
    ("按支出性质", "expenditure"),
)
_SKIP = {"其中", "其中:", "含", "包括"}
#: A bracketed note right after an item's figure ("政府性基金拨款：100（含上年结转20）"): it says what that figure
#: holds, so its figures are the item's detail, never parts of the split. A bracket before the figure is the label's.
_NOTE_AFTER_FIGURE = re.compile(r"(\d\s*(?:万元|元)?)\s*\([^()]*\)")


def _group_of(label: str) -> str:
    return next((g for prefix, g in _GROUPS if label.startswith(prefix)), "")


def parse_breakdown_text(text: str) -> list[tuple[str, Decimal | None]]:
    """(label, amount) pairs of one cell's text, in order; "其中" markers and bracketed notes after a figure dropped."""
    text = unicodedata.normalize("NFKC", to_simplified(text or "")).replace("：", ":").replace("；", ";")
    text = _NOTE_AFTER_FIGURE.sub(r"\1 ", text)
    out: list[tuple[str, Decimal | None]] = []
    for m in _ITEM.finditer(text):
        label = m.group("label").strip()
        if label.startswith("其中"):
            label = label[2:].lstrip(":")
        amount = m.group("amount")
        if not label or label in _SKIP:
            continue
        value = None
        if amount is not None:
            try:
                value = Decimal(amount.replace(",", ""))
            except InvalidOperation:
                value = None
        out.append((label, value))
    return out


def breakdown_amounts(cells: Iterable[CellValue]) -> tuple[BreakdownAmount, ...]:
    """Every labelled figure of the breakdown cells, each with its group (by column, top to bottom)."""
    group_by_col: dict[int, str] = {}
    out: list[BreakdownAmount] = []
    for cell in cells:
        if cell.is_blank or not isinstance(cell.raw, str):
            continue
        col = cell.c + 1 if cell.sheet is not None else 0
        for label, amount in parse_breakdown_text(cell.raw):
            group = _group_of(label)
            if group:
                group_by_col[col] = group
                out.append(BreakdownAmount(group, label, amount, cell, is_group_total=True))
            else:
                out.append(BreakdownAmount(group_by_col.get(col, ""), label, amount, cell))
    return tuple(out)
