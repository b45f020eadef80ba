"""The 自评表's 年度总体目标 cells (预期目标, 实际完成情况) and a “三公”经费 table's sentences as narrative: which are read
(`_text_cells`, `unread_texts`), a goal cell's money and 完成预算的% against its own table's funds total (N01,
perfxl.document.goal_funds) and each cell's own arithmetic (N02, perfxl.document.funds_arith) — `check_goal_texts`.

A workbook's narrative is these cells alone: `goal_text_issues` checks them without the report's cross-check
(perfxl.document.crosscheck, which runs `check_goal_texts` first), so a `perfxl validate` of a workbook imports none of
the report-only readings (issue 14, perf20n).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..limits import Limits
from ..model import CellRef, CellValue, SelfEvaluation, Submission
from ..patterns import lazy_compile
from .compare import _compare
from .facts import Fact, extract_facts, readable, sentences
from .funds_arith import _relations
from .goal_funds import goal_pairing
from .plain_text import plain_narrative
from .run_state import Issue, _another_years, _Run
from .table_facts import ProjectFunds, table_funds

if TYPE_CHECKING:
    from perfxl.profiles import ProfileLike

__all__ = ["check_goal_texts", "goal_text_issues", "goal_texts", "unread_texts"]


def _text_cells(sub: Submission) -> list[tuple[SelfEvaluation | None, bool, CellValue]]:
    """(its 自评表, is it the 实际完成情况, the cell) of every 年度总体目标 free-text cell that carries figures, then
    (None, False, the cell) of every sentence of a “三公”经费 table (`BasicData.texts`: its 增减情况说明)."""
    cells: list[tuple[SelfEvaluation | None, bool, CellValue]] = [
        (ev, outcome, c)
        for ev in sub.evaluations
        for g in ev.goals
        for outcome, c in ((False, g.expected), (True, g.actual))
    ]
    cells += [(None, False, c) for c in sub.basic.texts] if sub.basic is not None else []
    limits = Limits.from_env()  # the reading bound of a text (`readable`), once for all the cells
    return [
        (ev, outcome, c)
        for ev, outcome, c in cells
        if c.sheet is not None
        and isinstance(c.raw, str)
        and any(ch.isdigit() for ch in c.raw)
        and readable(c.raw, limits)
    ]


def unread_texts(sub: Submission, limits: Limits | None = None) -> list[str]:
    """Where a paragraph, 年度总体目标 cell or 三公 table sentence past the reading bound (`readable`, `limits`: by
    default `Limits.from_env()`) was left unread: "第3段", "表1!B5"."""
    limits = limits or Limits.from_env()
    places = [f"第{p.ref.paragraph}段" for p in sub.narrative if not readable(p.text, limits)]
    cells = [c for ev in sub.evaluations for g in ev.goals for c in (g.expected, g.actual)]
    cells += list(sub.basic.texts) if sub.basic is not None else []
    for c in cells:
        if c.sheet is not None and isinstance(c.raw, str) and not readable(c.raw, limits):
            places.append(str(c.place()))
    return places


def goal_texts(sub: Submission) -> list[CellValue]:
    """The free-text cells of the 自评表s' 年度总体目标 (预期目标, 实际完成情况) that carry figures."""
    return [c for ev, _, c in _text_cells(sub) if ev is not None]


def _goal_funds_of(table: SelfEvaluation) -> tuple[ProjectFunds, ProjectFunds | None, str] | None:
    """What a table's goal texts are set against (`_check_goal_funds`), worked out once per table, not per cell: its
    funds total, its one 财政拨款 source row's amounts (or None), and the one year its title or year line states ("")."""
    funds = table_funds(table)
    if funds is None or table.funds is None:
        return None
    appropriations = [p for p in table.funds.parts if "财政拨款" in p.label.text]  # "其中：本年财政拨款"
    source = table_funds(table, row=appropriations[0]) if len(appropriations) == 1 else None
    years = {y for c in (table.period, table.title) if c for y in _TABLE_YEAR.findall(c.text)}
    return funds, source, years.pop() if len(years) == 1 else ""


def _check_goal_funds(
    run: _Run,
    gi: int,
    ref: CellRef,
    text: str,
    facts: tuple[Fact, ...],
    against: tuple[ProjectFunds, ProjectFunds | None, str] | None,
    outcome: bool,
) -> None:
    """A goal text's money and 完成预算的% against its own table's funds total (`against`: `_goal_funds_of`;
    goal_funds.goal_pairing says which amount it restates and how certain that is), compared as a narrative figure is
    (N01, `_compare`)."""
    if against is None:
        return
    funds, source, run.year = against  # "2021年…" in a 2022 table's text: another year's figure
    said = sentences(text)
    for fact in facts:
        if _another_years(run, fact):
            continue
        pairing = goal_pairing(fact, funds, outcome, source, said[fact.sentence] if fact.sentence < len(said) else "")
        if pairing is not None:
            tv = pairing.table
            _compare(
                run,
                gi,
                ref,
                fact,
                tv.value,
                tv.unit,
                tv.step,
                tv.refs,
                tv.label,
                certainty=pairing.certainty,
                pairing=pairing.pairing,
                pairing_en=pairing.pairing_en,
                formula=pairing.formula,
            )
    run.year = ""


#: The year a table's title or year line states ("(2021年度)", "2021 年度)").
_TABLE_YEAR = lazy_compile(r"((?:19|20)\d{2})\s*年")


def check_goal_texts(run: _Run, sub: Submission) -> None:
    """The 年度总体目标 cells' money against their own table's funds total (N01), then each cell's own arithmetic
    ("共完成89.97万元。其中：30万元…", N02) — a 三公 table's sentences for N02 only; the issues go to `run`."""
    against: dict[int, tuple[ProjectFunds, ProjectFunds | None, str] | None] = {}  # by id of a table of `sub`
    for gi, (table, outcome, cell) in enumerate(_text_cells(sub)):
        assert cell.sheet is not None
        text = plain_narrative(cell.text, manual_breaks=False)  # a cell's paragraphs end at its breaks
        goal_facts = extract_facts(text, -1 - gi).facts
        if (
            table is not None
        ):  # a 年度总体目标 cell: its money against its own table's funds (a 三公 sentence: N02 only)
            if id(table) not in against:
                against[id(table)] = _goal_funds_of(table)
            _check_goal_funds(
                run, -1 - gi, cell.located(), text, goal_facts, against[id(table)], outcome
            )  # before N02: contradicted ones stay out
        _relations(run, -1 - gi, cell.located(), goal_facts, text)


def goal_text_issues(sub: Submission, profile: ProfileLike = None) -> list[Issue]:
    """The issues of a submission whose only narrative is its 年度总体目标 cells (no report paragraph, no 三公 table
    sentence): what `crosscheck.cross_check` gives it."""
    run = _Run(sub, profile, {}, [])
    check_goal_texts(run, sub)
    return run.issues
