"""The money unit a report's narrative settles for a table that prints none (polish14, issue 11).

A 基础数据表 printing no unit — not in the table, its header, nor a line above it (`unit_above.unit_line_above`) —
leaves its amounts' unit unknown: 2 may be 2元 or 2万元 (it was taken for 元, a certain 错误 against "2万元"). Comparing the narrative
with it in an assumed unit is a guess (`table_facts.money_unit_for`, a 警告 at most). But when the narrative's own
figures on that table agree with its cells in exactly one money unit ("“三公”经费决算为1.11万元" against a cell 11131:
元, and no figure agreeing in another) — through a figure of three significant digits or more, or figures agreeing with
two cells (a round "2万元" against a cell 2 alone may be a coincidence) — the narrative itself has stated the table's unit: its amounts are read in it,
and a figure contradicting them is as certain as against a printed unit — the basis says how the unit was settled.
A “三公”经费 table published on its own keeps its per-figure guess (tests/test_sangong13.py).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from decimal import Decimal

from ..model import CellRef
from ..numbers import round_half_up
from ..records import record
from ..units import convert
from .facts import Fact
from .table_facts import MONEY_UNITS_ASSUMED, TableValue

__all__ = ["settle_units"]

#: A narrative role → the table role its figure is compared with (money amounts only: a rate needs no unit).
_AMOUNT_ROLES = {"value": "final", "final": "final", "budget": "budget", "previous": "previous"}


def settle_units(
    values: dict[tuple[str, str], TableValue], facts: Iterable[Fact]
) -> tuple[dict[tuple[str, str], TableValue], dict[str, tuple[str, str]]]:
    """`values` with the amounts of each table printing no unit read in the one money unit the narrative's figures
    agree with them in (its guess about the unit dropped), and table (sheet) → (that unit, the first agreeing figure
    as printed) for the basis; tables the narrative does not settle (no figure agrees, or figures agree in different
    units) keep their assumed unit, a guess."""
    votes: dict[str, dict[str, _Vote]] = {}
    for fact in facts:
        role = _AMOUNT_ROLES.get(fact.role)
        tv = values.get((fact.claim, role)) if fact.claim and role else None
        if tv is None or not tv.unit_assumed or not tv.refs or not fact.quantity.is_money:
            continue
        units = [u for u in MONEY_UNITS_ASSUMED if _agrees(fact, tv, u)]
        if len(units) == 1:
            vote = votes.setdefault(tv.refs[0].sheet, {}).setdefault(units[0], _Vote(fact.quantity.text))
            vote.cells.add(tv.refs[0])
            vote.distinct = vote.distinct or _distinct(fact.quantity.value)
    settled = {
        sheet: (unit, vote.first)
        for sheet, found in votes.items()
        if len(found) == 1
        for unit, vote in found.items()
        if vote.distinct or len(vote.cells) >= 2
    }
    if not settled:
        return values, {}
    out = dict(values)
    for key, tv in values.items():
        unit = settled.get(tv.refs[0].sheet) if tv.unit_assumed and tv.refs else None
        if unit is not None:
            guess = "；".join(g for g in tv.guess.split("；") if g and "未注明金额单位" not in g)
            out[key] = dataclasses.replace(tv, unit=unit[0], guess=guess, unit_assumed=False)
    return out, settled


@record(slots=True)
class _Vote:
    """The figures agreeing with one table in one unit: the first as printed, the cells they agree with, and whether
    one of them is distinctive enough to settle the unit alone."""

    first: str
    cells: set[CellRef] = dataclasses.field(default_factory=set)
    distinct: bool = False


#: Significant digits a figure needs to settle a unit on its own: "1.11万元" against 1.1131 is no coincidence, "2万元"
#: against a cell 2 may be one (a 元 table's odd cell, a 万元 figure of another item) — such a round figure settles
#: the unit only beside another agreeing cell (words14: one round match settled 万元 for a 元 table, and its
#: "减少14231元" became a certain 错误 against "-14231万元").
_DISTINCT_DIGITS = 3


def _distinct(value: Decimal) -> bool:
    """Whether a figure has `_DISTINCT_DIGITS` significant digits or more (trailing zeros are not significant)."""
    digits = value.normalize().as_tuple().digits
    return len(digits) >= _DISTINCT_DIGITS


def _agrees(fact: Fact, tv: TableValue, unit: str) -> bool:
    """The cell read in `unit` is the narrative's figure as printed: rounded half up to the figure's decimals it is
    the figure ("1.1131" in 万元 is "1.11万元", "20000" in 元 "2万元") — an agreement, not mere overlap at a boundary."""
    conv = convert(tv.value, unit, fact.quantity.unit)
    if not conv.ok or conv.value is None or fact.direction or fact.quantity.value == 0:
        return False
    return round_half_up(conv.value, fact.quantity.places) == fact.quantity.value
