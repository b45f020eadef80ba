"""Which of its own table's funds amounts a 年度总体目标 text restates (issues 11/12): "执行数为125.25万元" and "本项目共
完成预算资金89.97万元" (the 全年执行数), "本项目共申请预算资金90万元" (a budget: the 年初 or the 全年预算数), "完成预算的
83.50%" (the 执行率 the amounts give). Pure: the comparison is the narrative's own (compare._compare, at the printed
precision of both); this module says only which cells a figure is set against, how certain that pairing is, and why.

The 预期目标 states the plan: a budget there may be the 年初 or the 全年预算数 (the budget adjusted since), so it is a
警告 at most. The 实际完成情况 states the outcome: a figure naming itself (执行数, 全年预算数, 完成预算的%) that is not the
cell is an 错误; a plain 预算 matching neither budget a 警告 naming both. Left alone: a figure that does not say what
it is (救助资金30万元, 投资400万元: an item's or a part's), a part (after 其中), an approximate one (约/近/左右), a
target's rate, and a table whose total prints no amount (0 / 0 / 0: the funds rules' finding, not the text's).
财预〔2020〕10号: the 自评表's goal text and its funds block must agree."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from ..model import Certainty
from ..numbers import HUNDRED, fmt_decimal
from ..patterns import lazy_compile
from ..records import record
from ..units import convert
from .facts import Fact
from .funds_arith import _OTHER_RATE, _WHICH_MONEY, _another_base
from .precision import _agrees, _approximate, _around, _bound
from .table_facts import ProjectFunds, TableValue

__all__ = ["GoalPairing", "goal_pairing"]

_YEARS = r"(?:(?:19|20)\d{2}年度?|全年|年度|实际|累计|共|已|的)*"
#: The outcome named as the funds' spending: "执行数为…", "本项目共完成预算资金…", "项目实际支出…".
_EXECUTED = lazy_compile(
    rf"(?:(?:该|本|此)?项目)?(?:资金)?{_YEARS}(?:执行(?:数|金额)|支出(?:资金)?|完成(?:预算)?资金|使用资金)",
    needs=("执行", "支出", "资金"),
)
#: A budget with no other owner than the project: "本项目共申请预算资金", "项目预计总(预算)", "全年预算数".
_BUDGET = lazy_compile(
    r"(?:(?:该|本|此)?项目)?(?:(?:19|20)\d{2}年度?|全年|年度|年初|调整后|共|的|预计|申请|总)*(?:预算(?:数|资金)?(?:总额)?)?"
)
#: The appropriation by its source's name ("本年度财政拨款为150万元"): the total's budget, or the 本年财政拨款 row's.
_APPROPRIATION = lazy_compile(
    r"(?:(?:该|本|此)?项目|本年度?|当年|全年|年度|的)*财政(?:拨款|资金)(?:资金)?(?:预算数?)?", needs=("财政",)
)
#: Whose spending "X的支出" is (facts' reading of "预算资金150万元，实际支出130万元"): the project's own money.
_OWN_MONEY = lazy_compile(r"(?:(?:该|本|此)?项目)?(?:预算)?(?:资金|经费)?")
#: A figure as of a date before the year's end ("截至11月底，执行数为100万元") or of the day the text was written
#: ("截至目前": spending after the year's end included): not the 全年 amount.
_BEFORE_YEAR_END = lazy_compile(
    r"截[至止](?:(?:19|20)\d{2}年)?(?:(?:[1-9]|1[01])月|目前|当前|现在|今|发稿|评价|自评)", needs=("截",)
)
#: The money after the figure is put to a use ("实际支出20万元用于宣传"): an item's spending as likely as the whole
#: (not "主要用于…", "全部用于…": the whole money's uses listed).
_FOR_A_USE = lazy_compile(r"\s*(?:已|专项)?用于")
_FULL = lazy_compile(r"全年预算|调整后预算")
_INITIAL = lazy_compile(r"年初预算")


@record(frozen=True)
class GoalPairing:
    """The cell a goal figure is set against (`table`: compare._compare is quiet when they agree at the precision
    both were printed with); the certainty of a contradiction and the words saying which amount the text was read as."""

    table: TableValue
    certainty: Certainty
    pairing: str
    pairing_en: str
    formula: str = ""


def _rate(funds: ProjectFunds, budget: str = "全年预算数") -> TableValue | None:
    """全年执行数 / 全年预算数 of the table's total, in percent: what "完成预算的83.50%" restates (with `budget`
    "年初预算数", the rate some texts state instead: 执行数 over the budget as first set)."""
    full = next((b for b in funds.budgets if b.role == budget), None)
    spent = funds.executed
    if full is None or spent is None or not full.value:
        return None
    return TableValue(
        "execution_rate",
        "final",
        spent.value / full.value * HUNDRED,
        "%",
        Decimal("0.0001"),
        (*spent.refs, *full.refs),
        f"本表资金总额“全年执行数 / {budget}”",
        f"{fmt_decimal(spent.value)} / {fmt_decimal(full.value)}",
    )


def goal_pairing(
    fact: Fact, funds: ProjectFunds, outcome: bool, source: ProjectFunds | None = None, sentence: str = ""
) -> GoalPairing | None:
    """`_pairing`, a certain one held to a 警告 when the text's money is the cell's times or over 10000 exactly: the cell
    printed in 元 under a 万元 header (or the reverse) as likely as the text wrong — the funds rules' unit finding."""
    pairing = _pairing(fact, funds, outcome, source, sentence)
    if pairing is None or pairing.certainty is not Certainty.CERTAIN or not fact.quantity.is_money:
        return pairing
    conv = convert(fact.quantity.value, fact.quantity.unit, pairing.table.unit)
    cell = pairing.table.value
    if (
        not conv.ok
        or conv.value is None
        or not cell
        or cell not in (conv.value * _TEN_THOUSAND, conv.value / _TEN_THOUSAND)
    ):
        return pairing
    text = f"{pairing.pairing}；两数恰差一万倍：表中金额可能按元（或万元）填写而与表头单位不一致"
    return dataclasses.replace(pairing, certainty=Certainty.JUDGEMENT, pairing=text)


_TEN_THOUSAND = Decimal(10000)


def _pairing(
    fact: Fact, funds: ProjectFunds, outcome: bool, source: ProjectFunds | None = None, sentence: str = ""
) -> GoalPairing | None:
    """How goal figure `fact` (of the 实际完成情况 when `outcome`, else of the 预期目标) is held to its table's funds
    total (`source`: its 本年财政拨款 row, which a figure named 财政拨款 may mean instead); None when it is not one of
    its amounts, or agrees with one it may be."""
    head = _around(fact)[0]
    amounts = (*funds.budgets, *((funds.executed,) if funds.executed is not None else ()))
    if fact.parent is not None or "其中" in head or _approximate(fact) or not any(a.value for a in amounts):
        return None
    if _BEFORE_YEAR_END.search(sentence[: max(sentence.find(fact.clause), 0)] + head):
        return None
    subject = fact.subject
    if subject.endswith("的支出") and _OWN_MONEY.fullmatch(subject[: -len("的支出")]):
        subject = "支出"  # "预算资金150万元，实际支出130万元": the project money's spending
    if fact.quantity.is_percent:
        stated = "执行率" in subject or (fact.role == "completion" and "完成预算" in head)
        if not outcome or not stated or _OTHER_RATE.search(head) or _another_base(fact) or _WHICH_MONEY.search(subject):
            return None  # a target ("执行率达到90%以上"), one source's rate ("财政资金执行率")
        rate = _rate(funds)
        if rate is None:
            return None
        if _bound(fact):  # "执行率达到90%以上": a bound, perhaps the target's words copied — a person judges
            return GoalPairing(
                rate,
                Certainty.JUDGEMENT,
                "写明是执行率，但写的是界限（以上/以下），可能照抄了目标",
                "a bound on the execution rate, perhaps the target's words",
                rate.formula,
            )
        printed = funds.rate
        if printed is not None and _agrees(fact, printed):  # the text restates the cell: the cell's finding (F04)
            text = f"写明是执行率，与本表印出的执行率{fmt_decimal(printed.value)}%相符而与金额算得的不符：正文照录了表中执行率"
            return GoalPairing(rate, Certainty.JUDGEMENT, text, "restates the table's printed rate", rate.formula)
        if fact.quantity.value == HUNDRED and rate.value > HUNDRED:
            text = "写明是执行率100%，金额算得超过100%：可能按100%封顶填列"
            return GoalPairing(rate, Certainty.JUDGEMENT, text, "a rate capped at 100%", rate.formula)
        initial = _rate(funds, "年初预算数")
        if initial is not None and _agrees(fact, initial) and not _agrees(fact, rate):
            return GoalPairing(  # "执行率65.59%" = 132.912 / 202.64: over the 年初 budget, not the adjusted one
                rate,
                Certainty.JUDGEMENT,
                f"写明是执行率，与“全年执行数 / 年初预算数”（{initial.formula}）相符：可能按年初预算计算",
                "the execution rate over the initial budget",
                rate.formula,
            )
        return GoalPairing(
            rate, Certainty.CERTAIN, "写明是完成预算的比例（执行率）", "stated as the execution rate", rate.formula
        )
    if not fact.quantity.is_money or fact.role not in ("value", "budget", "final"):
        return None
    if outcome and fact.role != "budget" and _EXECUTED.fullmatch(subject) and funds.executed is not None:
        if _WHICH_MONEY.search(head) or _FOR_A_USE.match(_around(fact)[1]):
            return None  # one source's spending ("财政拨款执行数"), or an item's ("实际支出20万元用于宣传")
        if "累计" in subject + head:  # "累计支出资金300万元": a multi-year project's, or the year's — a person judges
            return GoalPairing(
                funds.executed,
                Certainty.JUDGEMENT,
                "实际完成情况写的是累计执行（支出）的资金，可能含以前年度，按本表资金总额的全年执行数对照",
                "a cumulative spending: perhaps of several years",
            )
        return GoalPairing(
            funds.executed,
            Certainty.CERTAIN,
            "实际完成情况写明是执行（支出、完成）的资金，按本表资金总额的全年执行数对照",
            "stated as the money spent: the table's 全年执行数",
        )
    if funds.budgets and fact.role in ("value", "budget") and _APPROPRIATION.fullmatch(subject):
        parts = source.budgets if source is not None else ()
        if any(_agrees(fact, b) for b in (*funds.budgets, *parts)):
            return None
        cells = "、".join(f"{b.role}{fmt_decimal(b.value)}{b.unit}" for b in funds.budgets)
        part = "、".join(f"{b.role}{fmt_decimal(b.value)}{b.unit}" for b in parts)
        text = f"文字写的是财政拨款：可能指资金总额（{cells}）" + (
            f"，也可能指其中本年财政拨款（{part}）" if part else ""
        )
        text += "，与各数都不相符"
        return GoalPairing(funds.budgets[0], Certainty.JUDGEMENT, text, "the appropriation: the total or one source")
    if not funds.budgets or not (fact.role == "budget" or "预算" in subject) or not _BUDGET.fullmatch(subject):
        return None
    words = subject + head
    wanted = "全年预算数" if _FULL.search(words) else ("年初预算数" if _INITIAL.search(words) else "")
    named = [b for b in funds.budgets if b.role == wanted]
    if wanted and not named:
        return None  # "年初预算数为…" where the table prints no 年初预算数
    if any(_agrees(fact, b) for b in named or funds.budgets):
        return None
    cells = "、".join(f"{b.role}{fmt_decimal(b.value)}{b.unit}" for b in funds.budgets)
    if named and any(_agrees(fact, b) for b in funds.budgets):
        other = next(b.role for b in funds.budgets if _agrees(fact, b))
        text = f"文字写{wanted}，与本表{other}相符而与{wanted}不符：可能写错了名称，也可能写错了金额"
        return GoalPairing(named[0], Certainty.JUDGEMENT, text, f"named the {wanted}, agrees with the {other}")
    if named:
        certain = outcome  # a plan names the budget as it was then: a 警告 at most
        text = f"文字写明是{wanted}" + ("" if outcome else "；预期目标写于年初，预算此后可能调整")
        return GoalPairing(named[0], Certainty.CERTAIN if certain else Certainty.JUDGEMENT, text, f"the {wanted}")
    which = "预期目标写的是计划，" if not outcome else ""
    text = f"{which}文字未写明是年初预算数还是全年预算数（本表：{cells}），与两者都不相符" + (
        "" if len(funds.budgets) > 1 else "；表中只印了这一个预算数，所写可能是另一个"
    )
    return GoalPairing(funds.budgets[0], Certainty.JUDGEMENT, text, "which budget the text means is not said")
