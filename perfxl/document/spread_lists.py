"""A 其中 list spread over paragraphs (session 22, doc22, issue 12): a paragraph ends on a defined whole's amount and
"其中：" with nothing after it, and its items follow one paragraph each ("2.公务用车购置及运行维护费支出4.02万元。其中:" ¶
"公务用车购置支出0万元,购置车辆0辆。…" ¶ "公务用车运行维护支出0万元,…", 寻甸 塘子街道 2023).

`crosscheck._closing_total` carries a total into ONE next paragraph opening with 其中; here the list runs over several,
and a carry into the first alone would read a one-item list. The relation is certain only where the words make it so:
the whole is one whose items are fixed by definition (`vocabulary.SPREAD_WHOLES` of `DECOMPOSITIONS`: 公务用车购置及运行维护费
= 购置费 + 运行维护费; “三公”经费 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行维护费; 基本支出 = 人员经费 + 公用经费,
session 23), and the paragraphs right after it each open
with one of those items' amounts (of the whole's own role: a spending's items as spendings), every item once. Then the
items' sum is held to the whole (N02, certain, at the last item's paragraph: the item that makes the sum). Anything less —
an item unnamed, named twice, a paragraph between that opens with no item, another role — is not held: a 其中 may list
only some items, and where such a list ends is not said.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from ..model import TextRef
from ..patterns import lazy_compile
from ..units import convert
from .facts import Fact, ParagraphFacts, compact_name
from .precision import Interval, _interval, _show
from .run_state import _Run, _where, contradict
from .vocabulary import CLAIM_ZH, DECOMPOSITIONS, SPREAD_WHOLES, claim_of

__all__ = ["check_spread_lists"]

#: The words after the whole's amount that open the list on the next paragraphs: 其中, or a sentence announcing the
#: details ("…决算20.2万元,与2016年决算相比减少0.8万元,主要原因是…。具体情况:", 红桥法院 2017, prose30).
_OPENS_LIST = ("其中",)
_CLAUSE_MARK = lazy_compile(r"[。；;，,]")
_DETAILS_FOLLOW = lazy_compile(r"(?:具体|详细|分项|明细)(?:情况)?(?:如下|为|是)?|(?:具体|详细|分项)?情况如下")


def _item_claim(subject: str) -> str:
    """The 三公 item a paragraph's opening subject names ("公务用车运行维护支出" → vehicle_running): its name, or with
    its 支出 taken as the item's 费."""
    name = compact_name(subject)
    if name.endswith("支出"):
        name = name[:-2]
    return claim_of(name) or claim_of(name + "费") or (claim_of(name[:-1] + "费") if name.endswith("费") else "")


def _opens_alone(text: str) -> bool:
    """A paragraph that is only "其中：" (Enter pressed after "…万元，" — the list's opening on a line of its own)."""
    stripped = (text or "").strip()
    return stripped.endswith(("：", ":")) and compact_name(stripped.strip("：: ")) in _OPENS_LIST


def _closing_whole(text: str, facts: Sequence[Fact], next_text: str = "") -> tuple[Fact, str] | None:
    """The defined whole a paragraph ends on before "其中：" ("…4.02万元。其中:") and its claim (by its fact, or by its
    name as `_item_claim` reads an item's: "2023年度“三公”经费支出"), or None. Also a paragraph ending on the whole's
    figure when `next_text`, the paragraph after it, is "其中：" alone (the same list, its opening a paragraph of its own:
    the real reports' rewrite "，其中" → a new paragraph, tests/test_realreport_rewrites.py)."""
    money = [f for f in facts if f.quantity.is_money]
    if not money:
        return None
    stripped = (text or "").rstrip()
    details = stripped.endswith(("：", ":")) and _DETAILS_FOLLOW.fullmatch(
        compact_name(_CLAUSE_MARK.split(stripped.rstrip("：:"))[-1])
    )
    if (
        details
    ):  # the whole's own change after it ("…20.2万元,与2016年决算相比减少0.8万元"): the whole is still the last
        while len(money) > 1 and money[-1].role == "change" and money[-1].of == money[-2].index:
            money = money[:-1]
    last = money[-1]
    claim = last.claim or _item_claim(last.subject)
    if last.parent is not None or last.carried or claim not in SPREAD_WHOLES:
        return None  # only a whole its defined items make (not 支出: a 决算's holds more)
    if details and not any(f.index > last.index and f.quantity.is_money and f.of != last.index for f in facts):
        return last, claim
    at = stripped.rfind(last.quantity.text)
    if at < 0:
        return None
    after = compact_name(stripped[at + len(last.quantity.text) :].strip("，,。；;：: "))
    if after in _OPENS_LIST and stripped.endswith(("：", ":")):
        return last, claim
    return (last, claim) if not after and _opens_alone(next_text) else None


def _opening_item(facts: Sequence[Fact]) -> Fact | None:
    """The amount a paragraph opens with, its first sentence's first money figure standing alone (no part)."""
    money = [f for f in facts if f.quantity.is_money]
    if not money or money[0].sentence != 0 or money[0].parent is not None or money[0].carried:
        return None
    if any(f.index < money[0].index and f.quantity.is_money for f in facts):
        return None
    return money[0]


def check_spread_lists(run: _Run, parsed: Sequence[tuple[int, TextRef, ParagraphFacts]], texts: Sequence[str]) -> None:
    """N02 where a defined whole's items, one paragraph each after its "其中：", do not make it (see the module)."""
    for k, (pi, ref, pf) in enumerate(parsed):
        following = texts[parsed[k + 1][0]] if k + 1 < len(parsed) else ""
        closing = _closing_whole(texts[pi], pf.facts, following)
        if closing is None:
            continue
        whole, claim_of_whole = closing
        first = k + 2 if _opens_alone(following) and not _opens_alone(texts[pi]) else k + 1
        items = DECOMPOSITIONS[claim_of_whole]
        found: list[tuple[int, TextRef, Fact]] = []
        for qi, qref, qf in parsed[first : first + 2 * len(items)]:
            item = _opening_item(qf.facts)
            claim = _item_claim(item.subject) if item is not None else ""
            listed = {_item_claim(f.subject) for _, _, f in found}
            if item is not None and any(claim in DECOMPOSITIONS.get(c, ()) for c in listed):
                continue  # an item's own part, one paragraph of its own under it ("其中：公务用车购置费…")
            if item is None or claim not in items or claim in listed or item.role != whole.role:
                break
            found.append((qi, qref, item))
            if len(found) == len(items):
                break
        if len(found) != len(items):
            continue
        _hold(run, ref, whole, claim_of_whole, found)


def _agrees_with_table(run: _Run, fact: Fact) -> bool | None:
    """Whether an item's figure agrees with its own line of the tables (None: no such line, or not in one money unit)."""
    roles = ("final", "budget") if fact.role == "value" else (fact.role,)  # a stage unnamed: either the table prints
    tables = [t for r in roles if (t := run.values.get((_item_claim(fact.subject), r))) is not None]
    verdicts: list[bool] = []
    for table in tables:
        factor = convert(Decimal(1), table.unit, fact.quantity.unit).factor
        if not factor:
            return None
        verdicts.append(Interval.printed(table.value * factor, table.step * factor).overlaps(_interval(fact)))
    return any(verdicts) if verdicts else None


def _pinpointed(run: _Run, found: list[tuple[int, TextRef, Fact]]) -> tuple[int, TextRef, Fact] | None:
    """The one item the tables single out when the items do not make their whole (session 22, spread22): every other
    item agrees with its own table line and this one does not — the finding is at ITS paragraph, one wrong figure, one
    finding. None when the tables single out none (then the item that makes the sum, the last, carries it)."""
    verdicts = [_agrees_with_table(run, f) for _, _, f in found]
    wrong = [entry for entry, ok in zip(found, verdicts, strict=True) if ok is False]
    return wrong[0] if len(wrong) == 1 and all(ok is not None for ok in verdicts) else None


def _hold(run: _Run, ref: TextRef, whole: Fact, claim: str, found: list[tuple[int, TextRef, Fact]]) -> None:
    pi = whole.paragraph
    unit = whole.quantity.unit
    lo = hi = point = last_value = Decimal(0)
    values: dict[int, Decimal] = {}
    for _, _, f in found:
        factor = convert(Decimal(1), f.quantity.unit, unit).factor
        if not factor:
            return
        at, last_value = _interval(f), f.quantity.value * factor
        values[id(f)] = last_value
        lo, hi, point = lo + at.lo * factor, hi + at.hi * factor, point + last_value
    if (pi, whole.index) in run.contradicted or any((qi, f.index) in run.contradicted for qi, _, f in found):
        return
    if Interval(lo, hi).overlaps(_interval(whole)):
        return
    qi, qref, last = _pinpointed(run, found) or found[-1]
    others = point - values[id(last)]
    places = max(whole.quantity.places, *(f.quantity.places for _, _, f in found))
    expected = _show(whole.quantity.value - others, unit, places)
    names = " + ".join(f"{f.subject} {f.quantity.text}" for _, _, f in found)
    total_zh = CLAIM_ZH.get(claim, whole.subject)
    parts_zh = "＋".join(CLAIM_ZH[c] for c in DECOMPOSITIONS[claim])
    where = _where(ref)
    contradict(
        run,
        qi,
        qref,
        last,
        f"“{total_zh}”（{where} {whole.quantity.text}）其后各段所列组成部分之和（{names}）不等于它",
        f"the items of {whole.subject}, one paragraph each after its 其中, do not make it",
        expected=expected,
        basis=(
            f"{where}写“{whole.subject}{whole.quantity.text}。其中：”，其后各段依次写 {names}，合计 "
            f"{_show(point, unit, places)}，而总数写 {whole.quantity.text}（按定义，{parts_zh}＝{total_zh}，所列各项齐全）；"
            f"{_where(qref)}的“{last.subject}”应为 {expected}，或总数有误"
        ),
        basis_en=(
            f"paragraph {pi + 1} ends on {whole.subject} {whole.quantity.text} and 其中; the next paragraphs give "
            f"each of its defined items once, summing to {_show(point, unit, places)}"
        ),
    )
