"""A 三公 item's spending set against its own budget in words, checked against the table's budget for that item (N01).

A 三公 决算 说明 states each item's spending and its gap to the item's 预算: "公务接待费支出5.21万元,与2021年度预算相比,
减少0.1万元", "公务用车购置及运行维护费支出2.48万元,与2021年度预算相比无变化" (杜集区政府办 2021, real reports 15, whose
决算表 prints 预算 14.9 and 15). The words fix the budget — spending + the decrease, spending − the increase, the spending
itself for 无增减 / 无变化 / 持平 — so where the tables hold that item's 预算 the two must be one number at their printed
precision (the coarser of the spending's and the gap's). Only a comparison with the report's own year's budget (or a
year unnamed), and only an item whose spending perfxl has not already found wrong. Pure: the run's facts in, `Issue`s
into the run.
"""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

from ..model import Certainty, TextRef
from ..patterns import lazy_compile
from .facts import Fact, Quantity
from .run_state import _Run
from .table_facts import money_unit_for
from .vocabulary import DECOMPOSITIONS

#: The words right after an item's spending that compare it with its budget, and what they say of the gap.
_GAP = lazy_compile(
    r"\s*[,，]?\s*(?:与|较|比)(?:(?P<year>(?:19|20)\d{2})年度?)?(?:年初)?预算(?:数)?相比\s*[,，]?\s*"
    r"(?:(?P<same>无增减|无变化|没有变化|持平)|(?P<dir>减少|增加|节约|超支)\s*(?P<gap>\d+(?:\.\d+)?)\s*(?P<unit>万元|元))"
)

#: The 三公 items a 三公 table holds by name (`DECOMPOSITIONS`' three_public and the total itself).
_ITEMS = frozenset(("three_public", *DECOMPOSITIONS["three_public"]))


def check_budget_gaps(run: _Run, pi: int, ref: TextRef, facts: tuple[Fact, ...], text: str) -> None:
    """N01 for each item whose stated gap to its budget puts the budget where the table's is not (see the module)."""
    from .crosscheck import _compare  # the one N01 comparison (crosscheck imports this module)

    for fact in facts:
        if fact.claim not in _ITEMS or fact.role not in ("value", "final") or not fact.quantity.is_money:
            continue
        if (pi, fact.index) in run.contradicted or fact.quantity.unit not in ("万元", "元"):
            continue
        at = text.find(fact.clause)
        if at < 0:
            continue
        m = _GAP.match(text, at + len(fact.clause))
        if m is None or (m["year"] and run.year and m["year"] != run.year):
            continue
        table = run.values.get((fact.claim, "budget"))
        if table is None:
            continue
        _compare(
            run,
            pi,
            ref,
            _stated_budget(fact, m),
            table.value,
            money_unit_for(table, fact.quantity.value, fact.quantity.unit),
            table.step,
            table.refs,
            table.label,
            certainty=Certainty.GUESS if table.guess else Certainty.CERTAIN,
            pairing="；".join(
                p for p in (table.guess, f"预算数由正文“{fact.quantity.text}{m.group(0).strip()}”推得") if p
            ),
            pairing_en="; ".join(
                p
                for p in (
                    table.guess and "table row identified by its position",
                    "the budget follows from the spending and its stated gap to the budget",
                )
                if p
            ),
        )


def _stated_budget(fact: Fact, m: re.Match[str]) -> Fact:
    """The budget the words give: the spending, ± the gap (in the spending's unit), at the coarser printed step."""
    q = fact.quantity
    if m["same"]:
        value, places = q.value, q.places
    else:
        gap = Decimal(m["gap"]) * (Decimal(10000) if m["unit"] == "元" and q.unit == "万元" else Decimal(1))
        gap = gap / Decimal(10000) if m["unit"] == "万元" and q.unit == "元" else gap
        value = q.value + gap if m["dir"] in ("减少", "节约") else q.value - gap
        decimals = len(m["gap"].partition(".")[2])
        places = min(q.places, decimals) if m["unit"] == q.unit else q.places
    quantity = Quantity(value=value, unit=q.unit, places=places, text=f"{value}{q.unit}")
    subject = fact.subject.removesuffix("支出")  # "公务接待费支出": the 公务接待费 (its 预算数, not its 支出预算数)
    return dataclasses.replace(fact, subject=subject, role="budget", quantity=quantity, direction=0)
