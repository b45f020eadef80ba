""" "All targets met" claims (N03): "以上目标均已完成" while a 自评表 row, or an indicator the narrative states with
target and actual, missed its target. Pure."""

from __future__ import annotations

from typing import Any

from ..model import CellRef, Certainty, Location, TextRef
from ..numbers import fmt_decimal, to_decimal
from ..records import record
from ..scoring import score_indicator
from ..values import parse_value
from .facts import GoalClaim, StatedIndicator, compact_name
from .run_state import Issue, _Run, _where


@record(frozen=True)
class _Unmet:
    """An indicator that missed its target: a 自评表 row, or one the narrative states (`where` its paragraph)."""

    name: str
    target: Any
    actual: Any
    at: Location | None
    where: str  # "表中" or "正文第N段"
    scored_short: str = ""  # the row itself states the miss: "得分18（分值20），偏差原因：…"


def _scored_short(ind: Any) -> str:
    """ "得分 18 < 分值 20, 偏差原因 …" when the 自评表 row scores below its 分值 and explains a deviation: the table
    itself says the target was missed (no direction has to be read from the name); "" otherwise."""
    weight, score = to_decimal(ind.weight.raw), to_decimal(ind.score.raw)
    reason = "" if ind.deviation.is_blank else ind.deviation.text.strip()
    if weight is None or score is None or not reason or score >= weight:
        return ""
    return f"该行得分{fmt_decimal(score)}低于分值{fmt_decimal(weight)}，并填写了偏差原因（{reason[:30]}）"


def _scored_in_full(ind: Any, run: _Run) -> bool:
    """A row whose target states no direction (≥/≤/增长/下降), scored its full 分值 and giving no 偏差原因: the table
    itself judges it met (a cost of 1450元 against 1500元), which a direction guessed from nothing must not overrule."""
    target = parse_value(ind.target.raw, run.profile)
    if target.op is not None or target.direction is not None:
        return False
    weight, score = to_decimal(ind.weight.raw), to_decimal(ind.score.raw)
    return weight is not None and score is not None and score >= weight and ind.deviation.is_blank


def _in_scope(ind: Any, scope: str) -> bool:
    """The row belongs to the group a claim names ("数量指标"): its 一级 or 二级 指标 says so."""
    return not scope or any(scope in compact_name(level.text) for level in (ind.level1, ind.level2))


def _unmet(run: _Run, stated: list[tuple[TextRef, StatedIndicator]], scope: str = "") -> list[tuple[_Unmet, Any]]:
    out = []
    for ev in run.sub.evaluations:
        for ind in ev.indicators:
            if not ind.name.text or ind.target.is_blank or ind.actual.is_blank or not _in_scope(ind, scope):
                continue
            result = score_indicator(ind.target.raw, ind.actual.raw, 10, run.profile)
            if result.meets_target is False and _scored_in_full(ind, run):
                continue  # "1500元" / 1450元 scored 5 of 5: the row judges it met; "higher is better" would be a guess
            if result.meets_target is False:
                row = _Unmet(
                    ind.name.text, ind.target.raw, ind.actual.raw, ind.actual.place(), "表中", _scored_short(ind)
                )
                out.append((row, result))
    for at, s in stated if not scope else ():  # an indicator the text states has no group to be in
        result = score_indicator(s.target, s.actual, 10, run.profile)
        if result.meets_target is False:
            out.append((_Unmet(s.name, s.target, s.actual, at, _where(at)), result))
    return out


def _goal(run: _Run, ref: TextRef, claim: GoalClaim, stated: list[tuple[TextRef, StatedIndicator]]) -> None:
    if claim.scope and not any(_in_scope(i, claim.scope) for ev in run.sub.evaluations for i in ev.indicators):
        return  # "数量指标均已完成" where no row says it is one: which rows are claimed is not known
    unmet = _unmet(run, stated, claim.scope)
    if not unmet:
        return

    def directed(u: _Unmet) -> bool:  # the target states its direction (≥/≤/增长/下降)
        target = parse_value(u.target, run.profile)
        return target.op is not None or target.direction is not None

    def explicit(u: _Unmet) -> bool:  # the miss needs no guessed direction: the target's, or the row's own score
        return directed(u) or bool(u.scored_short)

    first, result = next(((u, r) for u, r in unmet if explicit(u)), unmet[0])
    explicit_first = explicit(first)
    names = "、".join(f"“{u.name}”" for u, _ in unmet)
    related = tuple(u.at for u, _ in unmet if u.at is not None and u.at != ref)
    notes = [] if explicit_first else ["年度指标值未写方向（≥/≤/增长/下降），按“越高越好”判断"]
    if first.scored_short and not directed(first):
        notes.append(first.scored_short)  # the row's own score states the miss a direction-less target leaves open
    if not claim.all_stated:
        notes.append("正文说“按计划完成目标”而未说“全部”，是否指每个指标由人判断")
    elif not isinstance(first.at, CellRef):
        notes.append("该指标写在正文中，所称“目标均已完成”是否包括它（如报告涉及多个项目）由人判断")
    run.issues.append(
        Issue(
            "N03",
            ref,
            {
                "where": _where(ref),
                "claim": claim.text,
                "name": first.name,
                "target": _text(first.target),
                "completion": _text(first.actual),
                "cell": str(first.at) if isinstance(first.at, CellRef) else first.where,
                "others": f"（未完成的指标共 {len(unmet)} 个：{names}）" if len(unmet) > 1 else "",
            },
            expected=f"{first.name} 未完成",
            actual=claim.text,
            related=related,
            # certain only for a claim of "all" against a 自评表 row with a direction; an indicator the text states
            # may belong to another project than the claim (a 部门 report covering several): a person judges
            certainty=Certainty.GUESS
            if not explicit_first
            else (Certainty.CERTAIN if claim.all_stated and isinstance(first.at, CellRef) else Certainty.JUDGEMENT),
            basis=f"{_where(ref)}称“{claim.text}”；{first.where}“{first.name}”：{result.explanation}"
            + "".join(f"；{n}" for n in notes),
            basis_en=f"the text claims every target was met; indicator {first.name} ({first.where}): "
            f"{result.explanation_en}" + ("" if claim.all_stated else "; the claim says 'as planned', not 'all'"),
        )
    )


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()
