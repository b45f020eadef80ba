"""A growth rate's gap in points to the rate it is compared with, both printed in the clause (N02).

A 财政 news item or 预算执行 report ranks its growth: "收入…增长19.9%,高于全省平均增幅(11%)8.9个百分点,高于州市平均增幅
(14.5%)5.4个百分点" (楚雄 上半年, reports36) — the gap is the rate less the bracketed one (高于/快于) or the bracketed one
less the rate (低于/慢于), each printed: certain, judged at the printed precision of all three. Read only for a rise
("增长", "增幅", "增速" right before the rate) compared with a rate printed in brackets, the comparisons chained right
after it (a comma, then 高于/低于 …(B%) C个百分点); a fall ("下降5%,高于…") or a comparison standing elsewhere is not
read (which rate it is, and with which sign, the words would have to say), nor a bracketed rate its name does not call
a rise ("高于序时进度(50%)", "高于全省平均水平(70%)": a progress or a share, another rate's to compare). Pure: a
paragraph's text in, `Issue`s into the run.
"""

from __future__ import annotations

from decimal import Decimal

from ..model import Certainty, TextRef
from ..numbers import fmt_decimal
from ..patterns import lazy_compile
from .precision import Interval
from .run_state import _Run, _where, n02

__all__ = ["check_rate_gaps"]

#: The rate compared: a rise printed right before its first comparison — not a "负增长5%" (a fall of 5%: "负增长5%,低于
#: 全省平均增幅(3%)8个百分点" holds, −5 against 3).
_RISE = lazy_compile(r"(?<!负)(?:增长|增幅为?|增速为?)\s*(\d+(?:\.\d+)?)\s*%", needs=("增",))
#: One comparison chained after it: "，高于全省平均增幅(11%)8.9个百分点" (a gap "…10个百分点以上"/"左右" is a bound, not it).
_COMPARED = lazy_compile(
    r"[，,]\s*(高于|低于|快于|慢于)([^\d，,。；;()（）%]{0,24})[（(]\s*(\d+(?:\.\d+)?)\s*%\s*[)）]\s*(\d+(?:\.\d+)?)\s*个百分点(\s*(?:以上|以下|左右|上下))?",
    needs=("百分点",),
)
#: The bracketed rate's name says it is a rise too ("全省平均增幅", "全国增速"): else it may be a progress or a share
#: ("增长19.6%,高于序时进度(50%)12.9个百分点" — the gap is the 完成预算 rate's, printed before), not the rise's to compare.
_NAMED_A_RISE = lazy_compile(r"增(?:幅|速|长|率)", needs=("增",))


def _printed(text: str) -> Interval:
    """The values a printed rate or gap may stand for (rounded half up or cut)."""
    return Interval.printed(Decimal(text), Decimal(1).scaleb(-len(text.partition(".")[2])))


def check_rate_gaps(run: _Run, pi: int, ref: TextRef, text: str) -> None:
    """N02 when "增长A%,高于…(B%)C个百分点" has C ≠ A − B (低于/慢于: B − A) at the precision printed."""
    if "百分点" not in text:
        return
    for rise in _RISE.finditer(text):
        rate, pos = rise.group(1), rise.end()
        while (m := _COMPARED.match(text, pos)) is not None:
            pos = m.end()
            word, name, other, gap = m.group(1), m.group(2), m.group(3), m.group(4)
            if not _NAMED_A_RISE.search(name) or m.group(5):
                continue
            a, b = _printed(rate), _printed(other)
            made = (
                Interval(a.lo - b.hi, a.hi - b.lo) if word in ("高于", "快于") else Interval(b.lo - a.hi, b.hi - a.lo)
            )
            if made.overlaps(_printed(gap)):
                continue
            point = Decimal(rate) - Decimal(other) if word in ("高于", "快于") else Decimal(other) - Decimal(rate)
            what = f"增长 {rate}% {word}{name}（{other}%）的百分点差"
            run.issues.append(
                n02(
                    ref,
                    what,
                    f"gap in points of a {rate}% rise to the {other}% it is compared with",
                    expected=f"{fmt_decimal(point)}个百分点",
                    actual=f"{gap}个百分点",
                    certainty=Certainty.CERTAIN,
                    basis=f"{_where(ref)}：{what} = {fmt_decimal(point)}个百分点，文字写 {gap}个百分点",
                    basis_en=f"{rate}% against {other}% is a gap of {point} points; the text says {gap}",
                )
            )
