"""A source's money spent beyond what the same paragraph says that source gave (N02, 警告).

民乐 2024 p8 (reports38): "…预算共安排546.23万元,其中:中央248.73万元(…),省级230.54万元(…),县级66.96万元(…);…实际支付
355.16万元,其中:中央248.74万元、省级74.71万元、县级31.71万元" — 中央 paid 248.74 of the 248.73 it gave.

Two 其中 lists of one paragraph that name the same sources (two at least, each once): the first under money given (预算,
安排, 下达, 批复, 到位), the later one under money spent (支出, 支付, 执行, 使用, 拨付). A source spent beyond its own
amount given, at the printed precision, is a 警告 that says why: money may move between sources or come from a source's
earlier years — a person must check. Pure: the run's facts in, `Issue`s into the run.
"""

from __future__ import annotations

from ..model import Certainty, TextRef
from ..patterns import lazy_compile
from .facts import Fact, compact_name
from .precision import _rounded
from .run_state import _operand, _Run, _where, contradict

#: Words of a total of money given to the project, and of money spent of it.
_GIVEN = lazy_compile(r"预算|安排|下达|批复|到位")
_SPENT = lazy_compile(r"支出|支付|执行|使用|拨付")
#: Money spent over years, not of the money given: "截至2024年底累计支付…", "项目实施以来共支出…" (review31b), "三年来共支出…",
#: "近三年共使用…", "项目建设期内共使用…" (review32).
_TO_DATE = lazy_compile(r"累计|以来|截至|截止|年来|近[两二三四五六七八九十\d]+年|建设期|实施期|周期内")
#: A note right after a part that it holds money carried in: "(含2023年结转资金)", "（含上年结余…）".
_CARRIED_NOTE = lazy_compile(r"\s*[(（][^)）]*(?:结转|结余)")
#: Words naming last year in a spent total's own name ("上一年度支付…", "去年同期支付…").
_LAST_YEAR = lazy_compile(r"上一?年|去年")
#: A year a total's words name ("2023年支付…" is no spending of "2024年…预算共安排…").
_YEAR = lazy_compile(r"((?:19|20)\d{2})年")


def _notes_carried(f: Fact) -> bool:
    """A note right after the figure says it holds money carried in ("248.74万元(含2023年结转资金)")."""
    return bool(_CARRIED_NOTE.match(f.clause[f.clause.find(f.quantity.text) + len(f.quantity.text) :]))


def _lists(facts: tuple[Fact, ...]) -> dict[int, list[Fact]]:
    """Each money total's 其中 parts, by the total's index."""
    out: dict[int, list[Fact]] = {}
    for f in facts:
        if f.parent is not None and f.quantity.is_money and facts[f.parent].quantity.is_money:
            out.setdefault(f.parent, []).append(f)
    return out


def _by_source(parts: list[Fact]) -> dict[str, Fact]:
    """The parts by their names, when each name is given once (else none)."""
    names = [compact_name(p.subject) for p in parts]
    return dict(zip(names, parts, strict=True)) if len(set(names)) == len(names) and all(names) else {}


def check_sources_overspent(run: _Run, pi: int, ref: TextRef, facts: tuple[Fact, ...]) -> None:
    """N02 (警告) at a source's part of money spent that is more than the same source's part of money given before it,
    in this paragraph or the one before (a 其中 list set in a paragraph of its own heads it with the total it splits)."""
    lists = _lists(facts)
    spent = [
        t
        for t in lists
        if _SPENT.search(facts[t].subject)
        and not _GIVEN.search(facts[t].subject)
        and not _TO_DATE.search(facts[t].clause)
        and facts[t].role != "previous"  # "上年实际支付…,其中:…": last year's spending (review32)
        and not _LAST_YEAR.search(facts[t].subject)  # "上一年度支付…" (not read as last year's figure)
        and not _notes_carried(facts[t])  # "实际支付560万元(含上年结余资金120万元),其中:…" (review32)
    ]
    if not spent:
        return
    earlier = [(pi - 1, run.facts.get(pi - 1, ())), (pi, facts)] if pi > 0 else [(pi, facts)]
    for gi, given_facts in earlier:
        given_lists = lists if gi == pi else _lists(given_facts)
        for g, parts in given_lists.items():
            total = given_facts[g]
            if not _GIVEN.search(total.subject) or _SPENT.search(total.subject):
                continue
            budgets = _by_source(parts)
            years = set(_YEAR.findall(total.clause))
            for s in (s for s in spent if (gi < pi or s > g) and set(_YEAR.findall(facts[s].clause)) <= years):
                _held_to_budgets(run, pi, ref, facts[s], _by_source(lists[s]), (gi, total, budgets))


def _held_to_budgets(
    run: _Run, pi: int, ref: TextRef, spent: Fact, uses: dict[str, Fact], given: tuple[int, Fact, dict[str, Fact]]
) -> None:
    """The N02 at each of `uses` (the spent total's parts by source) beyond the same source's amount in `given` (its
    paragraph, total and parts by source), when the two lists share two sources at least."""
    gi, total, budgets = given
    if len(budgets.keys() & uses.keys()) < 2:
        return
    for name, part in uses.items():
        budget = budgets.get(name)
        if budget is None or budget.quantity.unit != part.quantity.unit or (pi, part.index) in run.contradicted:
            continue
        if _notes_carried(part):
            continue  # "中央248.74万元(含2023年结转资金)": said to hold money of earlier years (review31b)
        spent_least = _operand(run, pi, part).meet(_rounded(part.quantity.value, part.quantity.step)).lo
        given_most = _operand(run, gi, budget).meet(_rounded(budget.quantity.value, budget.quantity.step)).hi
        if spent_least < given_most:
            continue
        what = (
            f"“{spent.subject}{spent.quantity.text}”的“其中”一项“{part.subject}”（{part.quantity.text}）超过了"
            f"“{total.subject}{total.quantity.text}”中同一来源的金额（{budget.quantity.text}）"
        )
        contradict(
            run,
            pi,
            ref,
            part,
            what,
            f"{part.subject} spent beyond its own amount given",
            expected=f"不超过 {budget.quantity.text}",
            basis=f"{_where(ref)}：{what}；两处“其中”按来源名称配对，各数按四舍五入读取（若某数是截去尾数的"
            "数字，也可能相符）；资金也可能在来源间调剂或含以前年度结转，请核实",
            basis_en=f"{part.subject} spent {part.quantity.text} against {budget.quantity.text} given (the two 其中 "
            "lists paired by the sources' names; money may move between sources: a person must check)",
            certainty=Certainty.JUDGEMENT,
        )
