"""An execution rate above what the money its own 其中 says is unpaid leaves (N02, 警告).

丰都 发改委 2024 p6 (real reports 31): "项目资金预算总额为1471.75万元,截至目前预算执行率95.24%。其中,…3个项目部分支付,
包括“十五五”规划专项经费(预算170万元,因招标延迟未支付)、2024年价格监测经费(预算10.43万元,支付8.30万元,…)" — of the
1471.75 at least 170 + (10.43 − 8.30) = 172.13 is unpaid, so at most 1299.62 / 1471.75 = 88.30% is executed, not 95.24%.

What is read as unpaid is only what a bracket right after a part's budget says for certain: "(预算A,…未支付)" — nothing of
A paid, no "部分" and no other figure in the bracket — or "(预算A,支付C…)" — A less the C paid. The part must stand in a
其中 after the rate (a part of the whole, by the words). The rate's base is the one money figure of its sentence before it
— a pairing by place (the words "预算执行率" name no figure), so the finding is a 警告 that says so. Pure: the run's facts
in, an `Issue` into the run.
"""

from __future__ import annotations

from decimal import Decimal

from ..model import Certainty, TextRef
from ..numbers import HUNDRED, fmt_decimal, round_half_up
from ..patterns import lazy_compile
from .facts import _NOT_PAID_YET, _PAID_SO_FAR, Fact, compact_name
from .precision import Interval
from .run_state import _operand, _Run, _where, contradict

#: A rate of the whole's money spent or paid ("预算执行率", "资金支付率"); not a part's own ("…执行率79.6%)" in brackets).
_RATE = lazy_compile(r"执行率|支付率", needs=("率",))
#: A part's budget opening a bracket: "(预算170万元", "（预算金额10.43万元".
_BRACKET_BUDGET = lazy_compile(r"[（(]预算(?:金额|资金|数)?(?:为)?$")
#: A payment of the bracket's part: "支付8.30万元", "已拨付8.3万元".
_PAID_WORDS = lazy_compile(r"^(?:已|累计|实际)?(?:支付|拨付|兑付)(?:资金)?(?:为)?$")
_CLOSE = lazy_compile(r"[)）]")


def _before_figure(fact: Fact) -> str:
    at = fact.clause.find(fact.quantity.text)
    return fact.clause[: at if at >= 0 else len(fact.clause)]


def _base(facts: tuple[Fact, ...], rate: Fact) -> Fact | None:
    """The one money figure of the rate's sentence before it, no part of a list: the rate's base by place."""
    money = [f for f in facts[: rate.index] if f.sentence == rate.sentence and f.quantity.is_money]
    if len(money) != 1 or money[0].parent is not None or "预算" not in money[0].clause:
        return None
    return money[0]


def _unpaid(
    run: _Run, pi: int, text: str, facts: tuple[Fact, ...], rate: Fact, unit: str
) -> list[tuple[Fact, Interval, Decimal]]:
    """Each part said unpaid for certain after the rate's 其中, with what of it is unpaid (its range and its value as
    printed, in `unit`)."""
    at = text.find(rate.clause)
    if at < 0:
        return []
    after = text[at + len(rate.clause) :]
    found = []
    for f in facts[rate.index + 1 :]:
        if not (f.quantity.is_money and f.quantity.unit == unit and _BRACKET_BUDGET.search(_before_figure(f))):
            continue
        where = after.find(f.clause)
        if where < 0 or "其中" not in after[:where]:
            continue
        rest = after[where + len(f.clause) :]
        close = _CLOSE.search(rest)
        if close is None:
            continue
        inside = rest[: close.start()]
        budget = _operand(run, pi, f)
        if not any(ch.isdigit() for ch in inside):
            said = compact_name(inside)
            if _NOT_PAID_YET.search(said) and "部分" not in said and not _PAID_SO_FAR.search(said):
                found.append((f, budget, f.quantity.value))  # "(预算170万元,因招标延迟未支付)": none of it paid
            continue
        paid = facts[f.index + 1] if f.index + 1 < len(facts) else None
        if (
            paid is not None
            and paid.quantity.is_money
            and paid.quantity.unit == unit
            and paid.quantity.text in inside
            and _PAID_WORDS.match(compact_name(_before_figure(paid)).lstrip("，,、"))
        ):
            spent = _operand(run, pi, paid)
            if budget.lo > spent.hi:  # "(预算10.43万元,支付8.30万元,…)": the rest unpaid
                found.append(
                    (f, Interval(budget.lo - spent.hi, budget.hi - spent.lo), f.quantity.value - paid.quantity.value)
                )
    return found


def check_unpaid_bound(run: _Run, pi: int, ref: TextRef, facts: tuple[Fact, ...], text: str) -> None:
    """N02 (警告) when an execution rate of a whole is above (whole − what its parts leave unpaid) / whole."""
    for rate in facts:
        if rate.role != "completion" or not rate.quantity.is_percent or not _RATE.search(rate.subject):
            continue
        if rate.of is not None or (pi, rate.index) in run.contradicted:
            continue
        base = _base(facts, rate)
        if base is None or not base.quantity.value:
            continue
        unpaid = _unpaid(run, pi, text, facts, rate, base.quantity.unit)
        if not unpaid:
            continue
        whole = _operand(run, pi, base)
        least = sum((u.lo for _, u, _ in unpaid), Decimal(0))
        if whole.hi <= 0 or least <= 0:
            continue
        most = (whole.hi - least) / whole.hi * HUNDRED
        printed = Interval.printed(rate.quantity.value, rate.quantity.step)
        if printed.lo <= most:
            continue
        point_unpaid = sum((v for _, _, v in unpaid), Decimal(0))
        point = (base.quantity.value - point_unpaid) / base.quantity.value * HUNDRED
        parts = "、".join(f.quantity.text for f, _, _ in unpaid)
        expected = f"至多 {round_half_up(point, rate.quantity.places)}%"
        what = (
            f"“{rate.subject}”（基数未写明，按同句唯一的金额 {base.quantity.text} 读取、按位置配对；其中所列项目预算 "
            f"{parts} 写明未支付或只支付了一部分，未支付的至少 {fmt_decimal(point_unpaid)}{base.quantity.unit}）"
        )
        contradict(
            run,
            pi,
            ref,
            rate,
            what,
            f"{rate.subject}: at most (whole − the parts said unpaid) / whole",
            expected=expected,
            basis=f"{_where(ref)}：{what}，执行率{expected}，文字写 {rate.quantity.text}；基数按位置配对，需人工核实",
            basis_en=f"the parts said unpaid leave at most {round_half_up(most, 2)}% of {base.quantity.text} executed; "
            f"the text says {rate.quantity.text} (its base paired by place: a judgement)",
            certainty=Certainty.JUDGEMENT,
        )
