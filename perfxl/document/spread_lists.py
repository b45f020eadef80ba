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

Likewise a whole a closing sentence names ("县级一般公共预算收入具体完成情况是:", 周至 2023, prose31), its figure anywhere
in the paragraph, and the classes of a `vocabulary.SPLIT_DIMENSIONS` split its words admit opening the next paragraphs,
every class once (税收收入 ¶ 非税收入): over the whole an 错误, short of it a 警告 (the whole may hold money outside the
split), as a 其中 list of those classes is read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from ..model import Certainty, TextRef
from ..patterns import lazy_compile
from ..units import convert
from .facts import Fact, ParagraphFacts, compact_name
from .precision import Interval, _interval, _show
from .run_state import _Run, _where, contradict
from .vocabulary import CLAIM_ZH, DECOMPOSITIONS, SPLIT_DIMENSIONS, SPREAD_WHOLES, claim_of

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


#: A sentence announcing a whole's details by its name ("县级一般公共预算收入具体完成情况是:", 周至 2023 p7): the name is
#: group 1.
_NAMED_DETAILS = lazy_compile(r"(.+?)的?(?:具体|详细|分项|明细)(?:完成|执行)?情况(?:如下|为|是)?")
_Classes = tuple[tuple[str, re.Pattern[str]], ...]
#: `vocabulary.SPLIT_DIMENSIONS`, compiled: (its classes as (name, pattern), the whole's words, words no whole has).
_SPLITS = tuple(
    (tuple((name, lazy_compile(p)) for name, p in classes), lazy_compile(whole), lazy_compile(not_whole))
    for _, classes, whole, not_whole in SPLIT_DIMENSIONS
)


def _named_split_whole(text: str, facts: Sequence[Fact]) -> tuple[Fact, list[_Classes]] | None:
    """The whole a paragraph's closing "X具体完成情况是:" names, when X is the subject of exactly one level of the
    paragraph, with the classes of each `SPLIT_DIMENSIONS` split its words admit ("县级一般公共预算收入" = 税收收入 +
    非税收入, or 财政拨款 + 其他资金: the items after it tell which); else None. Its figure may stand anywhere before
    (周至 2023 p7: the paragraph's last figure is 财政总收入)."""
    stripped = (text or "").rstrip()
    if not stripped.endswith(("：", ":")):
        return None
    m = _NAMED_DETAILS.fullmatch(compact_name(_CLAUSE_MARK.split(stripped.rstrip("：:"))[-1]))
    if m is None:
        return None
    name = m.group(1)
    wholes = [
        f
        for f in facts
        if f.quantity.is_money and f.role in ("value", "final") and f.parent is None and compact_name(f.subject) == name
    ]
    splits = [classes for classes, whole, not_whole in _SPLITS if whole.search(name) and not not_whole.search(name)]
    return (wholes[0], splits) if len(wholes) == 1 and splits else None


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
            if (named := _named_split_whole(texts[pi], pf.facts)) is not None:
                whole, splits = named
                for classes in splits:
                    if _hold_classes(run, ref, whole, classes, parsed[k + 1 : k + 1 + len(classes)]):
                        break
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
        _hold(
            run, ref, whole, CLAIM_ZH.get(claim_of_whole, whole.subject), "＋".join(CLAIM_ZH[c] for c in items), found
        )


def _hold_classes(
    run: _Run,
    ref: TextRef,
    whole: Fact,
    classes: _Classes,
    after: Sequence[tuple[int, TextRef, ParagraphFacts]],
) -> bool:
    """`whole`'s split classes, one paragraph each right after it (each opening with its class's amount, every class
    once, of the whole's role), held to it: the classes make the whole by definition, so over it is certain; short of
    it a 警告, as `SPLIT_DIMENSIONS` says (the whole may hold money outside the split). True when the paragraphs are
    those classes."""
    if any(at == whole.paragraph and any(o.index == whole.index for o in ops) for at, _, _, ops in run.rate_issues):
        return True  # a rate of the whole already said wrong (its 完成预算%): one wrong figure, said once
    found: list[tuple[int, TextRef, Fact]] = []
    named: list[str] = []
    for qi, qref, qf in after:
        item = _opening_item(qf.facts)
        label = _class_label(item) if item is not None else ""
        name = next((n for n, p in classes if label is not None and p.fullmatch(label)), "")
        if item is None or not name or name in named or item.role != whole.role:
            break
        found.append((qi, qref, item))
        named.append(name)
        if len(found) == len(classes):
            _hold(run, ref, whole, whole.subject, "＋".join(named), found, split=True)
            return True
    return False


#: An item's list mark ("——", "1.", "（一）") and the words that only say it was achieved ("税收收入完成18319万元").
_ITEM_MARK = lazy_compile(r"^[\s—\-－·•]*(?:[(（]?[0-9一二三四五六七八九十]+[)）、.．]\s*)?")
_ACHIEVED = lazy_compile(r"(?:完成|实现|为|达到?|共计?|合计)+$")


def _class_label(item: Fact) -> str | None:
    """The words naming `item` before its figure, list mark and 完成/实现 dropped — the class itself only when nothing
    qualifies it ("全市税收收入", "2022年税收收入", "税收收入(含上划)", "税收收入累计完成…(含上划中省市部分)" name money of
    another level, year or scope); None when a bracket follows the figure (its scope said after it)."""
    clause = item.clause
    at = clause.find(item.quantity.text)
    if at < 0 or clause[at + len(item.quantity.text) :].lstrip().startswith(("(", "（")):
        return None
    return _ACHIEVED.sub("", compact_name(_ITEM_MARK.sub("", clause[:at])))


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


def _hold(
    run: _Run,
    ref: TextRef,
    whole: Fact,
    total_zh: str,
    parts_zh: str,
    found: list[tuple[int, TextRef, Fact]],
    split: bool = False,
) -> None:
    """The N02 at the item that makes the sum (or the one the tables single out) when the items do not make the whole;
    a split's items short of it (`split`) a 警告."""
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
    short = split and hi <= _interval(whole).lo
    qi, qref, last = _pinpointed(run, found) or found[-1]
    others = point - values[id(last)]
    places = max(whole.quantity.places, *(f.quantity.places for _, _, f in found))
    expected = _show(whole.quantity.value - others, unit, places)
    names = " + ".join(f"{f.subject} {f.quantity.text}" for _, _, f in found)
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
            f"{where}写“{whole.subject}{whole.quantity.text}"
            + ("…”，段末写其具体情况" if split else "。其中：”")
            + f"，其后各段依次写 {names}，合计 {_show(point, unit, places)}，而总数写 {whole.quantity.text}"
            f"（按定义，{parts_zh}＝{total_zh}，所列各项齐全）；{_where(qref)}的“{last.subject}”应为 {expected}，或总数有误"
            + ("（各部分之和少于总数：总数也可能含所列分类以外的款项，需人工核实）" if short else "")
        ),
        basis_en=(
            f"paragraph {pi + 1} ends on {whole.subject} {whole.quantity.text} and 其中; the next paragraphs give "
            f"each of its defined items once, summing to {_show(point, unit, places)}"
            + ("; short of the whole, which may hold money outside the split: a person checks" if short else "")
        ),
        certainty=Certainty.JUDGEMENT if short else Certainty.CERTAIN,
    )
