"""Report narrative checks (N01–N05): a 自评报告's text against its own tables (or the unit's workbook)
and against its own arithmetic (N02 also reads the 自评表's 年度总体目标 cells, in workbooks too, and N01 sets
their money and 完成预算的% against their own table's funds total: perfxl.document.goal_funds). The analysis is perfxl.document.crosscheck (pure, run once per
validation); each check here renders its share of it at the paragraph (`TextRef`), with the table
cell it contradicts in `Finding.related`.

财预〔2020〕10号: the self-evaluation report and its tables must agree and be objective.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from perfxl.model import Finding, Submission

from .catalogue import check
from .context import Context

if TYPE_CHECKING:  # pragma: no cover - the engine imports perfxl.document only when a report has text
    from perfxl.document.run_state import Issue

__all__ = ["narrative_issues"]


def _has_text(sub: Submission) -> bool:
    """Narrative to read: a report's paragraphs, a 自评表's 年度总体目标 cells, or a 三公 table's sentences."""
    return bool(sub.narrative) or any(ev.goals for ev in sub.evaluations) or bool(sub.basic and sub.basic.texts)


def narrative_issues(ctx: Context) -> list[Issue]:
    """The cross-check of the submission's narrative, computed once per Context."""

    def compute() -> list[Issue]:
        sub = ctx.submission
        if not _has_text(sub):
            return []
        # lazy: `import perfxl.rules` stays engine-only; the narrative analysis loads when there is text to read — for
        # a workbook's 年度总体目标 cells alone, only their readings (perfxl.document.goal_texts), not the report's
        if not sub.narrative and not (sub.basic and sub.basic.texts):
            from perfxl.document.goal_texts import goal_text_issues

            return goal_text_issues(sub, ctx.profile)
        from perfxl.document.crosscheck import cross_check  # (lazy, as above: a report's text only)

        return cross_check(sub, ctx.profile)

    return ctx.once(("narrative_issues", id(ctx.submission)), compute)


def _render(ctx: Context, code: str) -> Iterator[Finding]:
    for issue in narrative_issues(ctx):
        if issue.code == code:
            yield ctx.finding(
                issue.ref,
                expected=issue.expected or None,
                actual=issue.actual or None,
                basis=issue.basis,
                basis_en=issue.basis_en,
                certainty=issue.certainty,
                related=issue.related,
                **issue.fields,
            )


def _note_unread(ctx: Context) -> None:
    """Coverage: the paragraphs and 年度总体目标 cells too long to read figure by figure (`document.facts.readable`)."""
    sub = ctx.submission
    if not _has_text(sub):
        return
    from perfxl.document.goal_texts import unread_texts  # (lazy, as in narrative_issues)
    from perfxl.limits import Limits

    limits = Limits.from_env()  # the bound `unread_texts` held the texts to, said in the message
    places = unread_texts(sub, limits)
    if places:
        shown = "、".join(places[:5]) + ("等" if len(places) > 5 else "")
        chars, figures = limits.max_text_chars, limits.max_text_figures
        ctx.skip(
            f"{shown}的文字超过 {chars} 字或 {figures} 个数字，未读取其中的数字，未与表格核对",
            f"{', '.join(places[:5])}: text longer than {chars} characters or {figures} figures, "
            "its figures not read or checked",
        )


@check("N01")
def narrative_table_mismatch(ctx: Context) -> Iterator[Finding]:
    """A narrative figure that cannot be the table's value at the precision both were printed with."""
    _note_unread(ctx)
    yield from _render(ctx, "N01")


@check("N02")
def narrative_arithmetic(ctx: Context) -> Iterator[Finding]:
    """Shares, 完成预算的%, 增减率 and 其中 sums recomputed from the narrative's own figures."""
    yield from _render(ctx, "N02")


@check("N03")
def narrative_all_met(ctx: Context) -> Iterator[Finding]:
    """ "以上目标均已完成" while an indicator's actual misses its target."""
    yield from _render(ctx, "N03")


@check("N04")
def narrative_unsupported(ctx: Context) -> Iterator[Finding]:
    """Narrative claims (counts of results, 编制/在职/退休, budget items) no table row supports."""
    yield from _render(ctx, "N04")


@check("N05")
def narrative_list_count(ctx: Context) -> Iterator[Finding]:
    """ "直属事业单位10个，即" followed by nine names: a count against the names its complete list gives."""
    yield from _render(ctx, "N05")
