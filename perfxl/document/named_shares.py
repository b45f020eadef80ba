"""A share of a whole its words name, the whole printed earlier in the paragraph under that name (N02).

A 决算 说明's 政府采购 paragraph prints the total, then amounts that are no 其中 part of it, each with its share of the
total by name: "2021年度政府采购支出总额28861.938591万元,其中:…。授予中小企业合同金额5915.867653万元,占政府采购支出
总额的20.5%,其中:授予小微企业合同金额1931.863140万元,占政府采购支出总额的6.7%" (山东科技职业学院 2021, real
reports 28). The 其中 shares are funds_arith's (a part over the total its list splits); these are not — the 中小企业
amount opens a sentence of its own, the 小微 amount is a part of the 中小企业 amount but its share names the total — so
a changed 20.5% went unread. The share is its amount over the one earlier figure of the paragraph whose own words end
in the whole's name ("…政府采购支出总额28861.94万元"), at the printed precision. Only a name of four characters or more that no
general word is ("占总额的", "占比": `facts._ANY_WHOLE`), only when exactly one earlier figure bears it (two — a 预算 and a 决算
of it — say nothing), only money (元 and 万元 put in one unit), and never a share funds_arith already holds over its 其中
total (the words naming that total), nor a part or whole its words place in another year ("上年同期,…", "2020年,…": from the
figure before it in its sentence). Certain when the text names the whole as it prints it (but for its year, "本单位" or
"为"); a whole printed under a longer name ending in the share's ("全省政府采购支出总额" for "政府采购支出总额") is a reading of a near
name, a 警告 that says so (review24r). Pure: the paragraph's facts in, `Issue`s into the run.
"""

from __future__ import annotations

from ..model import TextRef
from ..numbers import HUNDRED
from ..patterns import lazy_compile
from .facts import Fact, _whole_a_share_names, compact_name
from .funds_arith import _names_another_whole
from .placed_year import of_another_year, own_words, since_figure_before, years_in
from .precision import _approximate, _ratio
from .run_state import _arith, _operand, _Run, _sum_in

__all__ = ["check_named_whole_shares"]

#: A whole's name this short ("支出", "收入") is a kind of figure, not one figure's name.
_MIN_NAME = 4
_AMOUNTS = ("value", "final", "budget")
#: The words around a whole's name that name no other figure: its year or the unit before it ("2021年度…", "本单位…",
#: "其中:…"), a verb after it ("…总额为28861.94万元").
_NAME_LEAD = lazy_compile(r"^(?:其中|(?:19|20)\d{2}年度?|本年度?|当年|全年|本单位|我单位|实际)+")
_NAME_TAIL = lazy_compile(r"(?:为|是|达到?|共计|合计|共|计|完成)$")


def _printed_under(fact: Fact, name: str) -> str:
    """How the figure's own words, right before it, name it: "same" when they are `name` but for its year, unit or a
    verb ("2021年度政府采购支出总额为28861.94万元"), "near" when they end in it after other words ("全省政府采购支出总额",
    "政府采购支出总额" for the share's "支出总额"), "" when they do not end in it."""
    words = _NAME_TAIL.sub("", compact_name(own_words(fact)))
    if not words.endswith(name):
        return ""
    return "same" if _NAME_LEAD.sub("", words) == name else "near"


def _named_in(fact: Fact, name: str) -> bool:
    at = fact.clause.find(fact.quantity.text)
    return at > 0 and name in compact_name(fact.clause[:at])


def check_named_whole_shares(run: _Run, pi: int, ref: TextRef, facts: tuple[Fact, ...]) -> None:
    for share in facts:
        if share.role != "share" or share.of is None or not share.quantity.is_percent:
            continue
        part = facts[share.of]
        name = compact_name(_whole_a_share_names(share))
        if len(name) < _MIN_NAME or not part.quantity.is_money or _approximate(part):
            continue
        if part.parent is not None and not _names_another_whole(share, facts[part.parent]):
            continue  # a share of the total its 其中 splits: funds_arith's
        wholes = [
            f
            for f in facts[: part.index]
            if f.role in _AMOUNTS and f.quantity.is_money and not f.direction and _printed_under(f, name)
        ]
        named = [f for f in facts[: part.index] if f.quantity.is_money and _named_in(f, name)]
        if len(wholes) != 1 or len(named) != 1:
            continue  # none, or two figures of that name ("…总额28861.94万元,…总额预算30000万元"): which, unsaid
        (whole,) = wholes
        in_part_unit = _sum_in(run, pi, [whole], part.quantity.unit)  # "…总额288619385.91元" beside "5915.87万元"
        if in_part_unit is None or not whole.quantity.value or _approximate(whole):
            continue
        placed = [since_figure_before(run, pi, facts, f) for f in (whole, part)]
        if any(of_another_year(run, words) for words in placed):
            continue  # "上年同期,授予…", "2020年,授予…": another year's figure, not one of this year's whole
        if all(map(years_in, placed)) and years_in(placed[0]) != years_in(placed[1]):
            continue  # "2022年…总额…；2023年…占…总额的": another year's whole
        ratio = _ratio(_operand(run, pi, part), in_part_unit[0])
        point = part.quantity.value / in_part_unit[1] * HUNDRED
        what = f"“{part.subject or name}”占“{name}”的比例（{part.quantity.text} / {whole.quantity.text}）"
        near = (
            f"文字写“占{name}”，按段中前文唯一以此名称结尾的金额“{compact_name(own_words(whole))}{whole.quantity.text}”"
            "读取（名称不完全相同）"
            if _printed_under(whole, name) == "near"
            else ""
        )
        what_en = f"share of {part.subject} in {name}"
        _arith(run, pi, ref, facts, share, ratio, point, what, what_en, (part, whole), paired_by=near)
