"""A change rate whose base, at the printed precision, may be nothing: "公务用车运行费2.8万元,比2019年预算增加2.8万元,增长
127.27%" (共青团宣城市委 2020, real reports 18) leaves a 2019 figure of 2.8 − 2.8 = 0 (at most 0.15 as printed, a figure cut short included), from which
no growth of 127.27% can come: any rate it gives is at least change / largest base (2.75 / 0.15 = 1833%). `precision._ratio`
gives no interval over a base reaching 0, so the change-rate check (`funds_arith`) hands such a base here: a printed rate
below the least the figures allow is N02, certain (only figures paired by name come here: a pairing by place stays
with `_arith`) — but for "增长100%" over a base of exactly nothing: publishers print it for a new item (上海普陀 2024 决算,
real reports 20, four times in one 说明; the blind hand check left them neutral), so it is a 警告 asking for "新增"."""

from __future__ import annotations

from decimal import Decimal

from ..model import Certainty, TextRef
from ..numbers import HUNDRED, round_half_up
from .facts import Fact
from .precision import Interval, _show
from .run_state import _Run, _where, contradict


def check_rate_from_nothing(
    run: _Run, pi: int, ref: TextRef, rate: Fact, amount: Fact, a: Interval, prev: Interval, pv: Decimal, base: str
) -> None:
    """N02 when the base `prev` (the earlier figure's range) reaches 0 and the printed `rate` is below the least rate the
    change `a` allows over it (a / prev.hi). A base that may be negative only, or a change that may be 0, says nothing."""
    if prev.hi <= 0 or a.lo <= 0 or any((pi, f.index) in run.contradicted for f in (rate, amount)):
        return
    least = a.lo / prev.hi * HUNDRED
    printed = Interval.printed(abs(rate.quantity.value), rate.quantity.step)
    if printed.hi >= least:
        return
    shown_base = _show(pv, amount.quantity.unit)
    expected = (
        f"至少 {round_half_up(least, 2)}%"
        if pv > 0
        else f"无从计算（{base}为 {shown_base}，按印出精度至多 {_show(prev.hi, amount.quantity.unit)}）"
    )
    what = f"“{rate.subject}”与{base}相比的增减率（{amount.quantity.text} / {base} {shown_base}）"
    # 100% over nothing: the publishers' way of saying "new" — wrong as arithmetic, a person judges the wording
    convention = pv == 0 and abs(rate.quantity.value) == HUNDRED
    contradict(
        run,
        pi,
        ref,
        rate,
        what,
        f"{rate.subject}: change / a base of about nothing",
        expected=expected,
        basis=f"{_where(ref)}：{what}：{base}的数字按正文 {amount.quantity.text} 倒推为 {shown_base}（按印出精度"
        f"可能范围 {round_half_up(prev.lo, 2)}–{round_half_up(prev.hi, 2)}），由此得出的增减率至少为 "
        f"{round_half_up(least, 2)}%，文字写 {rate.quantity.text}"
        + (
            "；上年为 0 时“增长100%”是常见写法（实为新增），增长率无从计算，宜写“新增”，需人工判断"
            if convention
            else ""
        ),
        basis_en=f"the base left by the figures is {pv} (at most {prev.hi}): any rate is at least {least:.2f}%, "
        f"the text says {rate.quantity.text}"
        + ("; 100% over nothing is the publishers' way of saying new" if convention else ""),
        certainty=Certainty.JUDGEMENT if convention else Certainty.CERTAIN,
    )
