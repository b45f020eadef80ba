"""A 收入/支出总量 made of a level and the amounts "加上" adds to it, and the 赤字 the two 总量 leave (N02).

A budget-execution report (预算执行 报告, its 摘要) states the year's totals as sums in words: "全国一般公共预算支出
284612.25亿元,…。加上补充中央预算稳定调节基金1100.37亿元,支出总量为285712.62亿元。收支总量相抵,赤字40600亿元" (财政部
2024 摘要, reports33) — the 总量 is the level plus every amount added, the 赤字 the 支出总量 less the 收入总量.

The same sum named "收入合计/总计" or "总收入" (柯桥 2021, 南开 2023, reports35) is read the same way.

Read only where every part is printed: after "加上" each added item has its own amount, nothing is taken away ("减去",
"扣除"), nothing is named between the last amount and the 总量 ("加上上级补助、调入资金…和上年结转,收入总量为159.98亿元",
永川 2024, names its additions without figures: unread), and the 总量 is not said to include more ("…(含上年结转)").
The level is the money figure before "加上" in the sentence (then certain — but a 总计/合计/总收入 above the sum is a
警告: the list may leave out an item such a total holds), or — the usual print, the level a sentence
of its own — the last whole of that side (…收入 for a 收入总量) before it in the paragraph, its item printed once: a
pairing by place, a 警告 that says so. The 赤字 is read only as the first figure after "收支总量相抵" with one 收入总量 and one 支出总量 in the
paragraph (certain: the words name both; a later 赤字 is a part or another scope's). Pure: the run's facts in, `Issue`s into the run.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..model import Certainty, TextRef
from ..numbers import fmt_decimal
from ..patterns import lazy_compile
from .facts import TAKEN_OFF, Fact, compact_name, sentences
from .precision import Interval
from .run_state import _operand, _Run, _sum_in, _where, contradict

#: A 总量 of one side of the books: "收入总量", "支出总量", or as a county's or city's report prints it "收入总计",
#: "支出总计" ("…,以及…上年结转3.52亿元后,收入总计84.65亿元", 彭水 2022), "…总收入", "…总支出" ("…调入资金3.2亿元,全市地方
#: 一般公共预算总收入263.5亿元", 三亚 2021; the words before 总 name its scope). The side is group 1 or 2.
_TOTAL = lazy_compile(
    r"(?:(收入|支出)总[量计]|[^\d]*?总(收入|支出))(?:为|是|达到?)?", needs=("总量", "总计", "总收入", "总支出")
)
#: A bracketed aside ("上级补助收入568709万元(含返还性收入9670万元)"): an amount in it is no item added, its words none
#: named between two items.
_BRACKETED = lazy_compile(r"[(（][^()（）]*[)）]", needs=("(", "（"))
_VERB_AFTER = lazy_compile(r"(?:为|是|达到?)$")
#: The same sum named by its whole ("…加上转移性收入49.2亿元,收入合计196.3亿元", 柯桥 2021; "…,2023年一般公共预算总收入
#: 预计为104.05亿元", 南开 2023, real reports 35): a 合计/总计 or 总收入 of the side, named by no item of its own (a year,
#: a scope or the budget's kind at most — "上级补助收入合计" is that item's).
_SUMMED_TOTAL = lazy_compile(
    r"(?:\d{4}年度?|年度)?(?:全[国省市区县])?(?:一般公共预算|政府性基金预算?|国有资本经营预算)?"
    r"(?:(收入|支出)(?:总量|合计|总计|总额)|总(收入|支出))(?:预计)?(?:为|是|达到?)?"
)
_ADDED = "加上"
#: The words that tell a level's progress after its item ("一般公共预算收入预计完成"): no part of the item's name.
_DONE_TAIL = lazy_compile(r"(?:预计)?(?:完成|实现)$")
#: Items closed by "等" (a noun after it or none) before one amount ("加上税收返还和转移支付等资金27.23亿元"; "加上托底
#: 保障补助、结算补助…等1,756.37万元", 小林 2022, reports39): one amount of them all.
_ITEMS_TOGETHER = lazy_compile(r"等(?:资金|收入|支出|款项)?$")
#: Between the last amount added and the 总量's words: punctuation, or the "后" closing "加上…后" (彭水 2022).
_NOTHING_NAMED = lazy_compile(r"[，,、\s]*(?:之?后)?[，,、\s]*")
#: A conjunction opening the next item of the list ("…11.73亿元,以及动用预算稳定调节基金0.22亿元"): it joins two
#: printed items, no item named without its amount.
_NEXT_ITEM = lazy_compile(r"^(?:以及|及|和|与|與)", needs=("及", "和", "与", "與"))
#: An amount printed earlier in a clause's words ("加上上级补助50亿元调入资金"): the words since it are the next item's.
_FIGURE = lazy_compile(r"\d[\d.,]*(?:万|亿)?元")
_DEFICIT_WORDS = lazy_compile(r"收支总量相抵", needs=("相抵",))
#: Several items named before one amount ("加上上级补助、调入资金…和上年结转26.74亿元"): which of them the amount is —
#: all, or the last alone, the others without figures — the words do not say; sources of one transfer ("从中央政府性基金
#: 预算、中央国有资本经营预算调入900亿元", 财政部 2024 p9) are one item.
_SEVERAL_ITEMS = lazy_compile(r"[、和及与與]")
_SOURCES = lazy_compile(r"(?:从|從)[^，,。；;]*?(?:调入|調入)", needs=("从", "從"))
#: Words that take an amount away, not add it ("加上…,减去上解支出10亿元", "扣除…后"): the sum read is no plain addition.
_TAKEN_AWAY = lazy_compile(r"减去|减除|扣除|扣减|抵减|冲减|剔除|减少|再减|减:|减：", needs=("减", "扣", "剔"))
#: A 总量 said to include more than its list ("收入总量为160亿元(含上年结转)", "…收入总计110.22亿元,其中含上年结转
#: 10.65亿元"), or split by a 其中 of its own ("收入总计160亿元,其中上年结转10亿元": a part the list may not hold): its
#: parts are not (only) the list's.
_INCLUDES_MORE = lazy_compile(
    r"^\s*(?:(?:[(（]|[，,;；]\s*[:：]?)\s*(?:含|包括|包含)|[，,;；]\s*其中)", needs=("含", "包括", "其中")
)
#: The scope a total names ("市本级总收入", "全县财政总收入"): a level of another scope, with a 其中 part of this one
#: before the 加上, is not what the words add to.
_SCOPE = lazy_compile(r"全[国省市区县州]|[省市区县州]?本级|[省市区县州]级", needs=("全", "级"))
#: The budget a name is of; "一般预算"/"公共财政预算" are the 一般公共预算's older names (蓝山 2023).
_KINDS = {
    "一般公共预算": "一般",
    "一般预算": "一般",
    "公共财政预算": "一般",
    "政府性基金": "基金",
    "国有资本经营": "国资",
}
_KIND = lazy_compile("|".join(_KINDS), needs=("预算", "基金", "国有"))


def _words(fact: Fact) -> str:
    at = fact.clause.find(fact.quantity.text)
    return compact_name(fact.clause[: at if at >= 0 else len(fact.clause)])


def names_a_total(fact: Fact) -> re.Match[str] | None:
    """The 总量/总计/总收入 words naming `fact`, read from its own words since the figure before it: the list's last item
    and its total may share a clause ("…补充预算稳定调节基金122万元、年度支出总额为856832万元", 渠县 2024 p7)."""
    return _TOTAL.fullmatch(_total_words(fact)) or _SUMMED_TOTAL.fullmatch(_total_words(fact))


def _total_words(fact: Fact) -> str:
    """A total's own words since the figure before it, without the 、 that joined it to that figure's item."""
    return _own_words(fact).lstrip("、")


def _opens_the_additions(fact: Fact) -> bool:
    """The words since the figure before it start with "加上": in "加上上级补助50亿元、调入资金10亿元" both amounts share
    one clause, and only the first opens the list (the second read as its own opener left the 50亿元 out: unread)."""
    return _FIGURE.split(_words(fact))[-1].startswith(_ADDED)


def _every_part_printed(sentence: str, added: list[Fact], total: Fact) -> bool | None:
    """Each amount after "加上" found in order in the sentence and nothing but punctuation between the last one and the
    总量's own words: True when one item is named before each amount, None when some amount follows several items
    (`_SEVERAL_ITEMS`: "加上上级税收返还及转移支付收入32.5亿元" may be the 转移支付's alone — the sum is then only a floor
    of the total), False when the list is not read."""
    pos = sentence.rfind(_ADDED, 0, max(sentence.find(total.clause), 0))
    if pos < 0 and (clause_at := sentence.find(total.clause)) >= 0:  # one clause from 加上 to the total (渠县 2024 p7)
        pos = sentence.rfind(_ADDED, 0, clause_at + total.clause.rfind(total.quantity.text))
    if pos < 0:
        return False
    start, each_alone = pos, True
    for f in added:
        at = sentence.find(f.quantity.text, pos)
        if at < 0:
            return False
        named = _NEXT_ITEM.sub("", _BRACKETED.sub("", sentence[pos:at]).lstrip("，,、 "), count=1)
        if _SEVERAL_ITEMS.search(_SOURCES.sub("调入", named)) and not _ITEMS_TOGETHER.search(named):
            each_alone = False
        pos = at + len(f.quantity.text)
    end = sentence.find(total.clause, pos)
    if end < 0 and (at_total := sentence.find(total.quantity.text, pos)) >= 0:
        # the total shares its clause with the last amount ("…122万元、年度支出总额为…"): its words start after the 、
        gap = sentence[pos:at_total]
        end = pos + len(gap) - len(gap.lstrip("、，, "))
    if end < 0 or not _NOTHING_NAMED.fullmatch(sentence[pos:end]) or _TAKEN_AWAY.search(sentence[start:end]):
        return False
    after = sentence.find(total.quantity.text, end)
    if after >= 0 and _INCLUDES_MORE.search(sentence[after + len(total.quantity.text) :]):
        return False
    return True if each_alone else None


def _asides(sentence: str, facts: list[Fact]) -> list[Fact]:
    """The facts whose figure stands in a bracketed aside of the sentence (found in order)."""
    spans = [m.span() for m in _BRACKETED.finditer(sentence)]
    inside, pos = [], 0
    for f in facts:
        at = sentence.find(f.quantity.text, pos)
        if at < 0:
            continue
        pos = at + len(f.quantity.text)
        if any(lo < at < hi for lo, hi in spans):
            inside.append(f)
    return inside


def _kind(words: str) -> str:
    """The budget `words` name ("一般", "基金", "国资"), or ""."""
    m = _KIND.search(words)
    return _KINDS[m.group()] if m else ""


def _level(facts: tuple[Fact, ...], first_added: Fact, side: str, total: Fact) -> tuple[Fact, bool] | None:
    """(the level the amounts are added to, whether by place), or None — also when the total names a budget other than
    the level's ("政府性基金收入50亿元。加上…,一般公共预算总收入…")."""
    found = _level_by_words(facts, first_added, side, total)
    named, its = _kind(_total_words(total)), _kind(found[0].subject) if found else ""
    return None if found is None or (named and its and named != its) else found


def _subtotal_before(same: list[Fact], side: str) -> Fact | None:
    """The total of the side printed right before the 加上, itself no part: a second chain starts from the first's sum
    ("…,全县一般预算总收入442751万元,加上年结余7546万元,加调入资金199万元,…,收入总计451227万元", 甘谷 2024 p6)."""
    last = same[-1]
    m = names_a_total(last)
    if m is None or last.parent is not None or last.direction or last.role not in ("value", "final"):
        return None
    return last if side in m.groups() else None


def _level_by_words(facts: tuple[Fact, ...], first_added: Fact, side: str, total: Fact) -> tuple[Fact, bool] | None:
    """The level by its place: the one whole before the 加上 in its sentence, else the paragraph's last whole of the side."""
    same = [f for f in facts[: first_added.index] if f.sentence == first_added.sentence and f.quantity.is_money]
    wholes = [f for f in same if f.parent is None]  # "收入100亿元,其中税收收入60亿元,加上…": the 其中's parts are in it
    if same and (subtotal := _subtotal_before(same, side)) is not None:
        return subtotal, False
    if same:
        # "全市…收入100亿元,其中市本级收入40亿元,加上…,市本级总收入60亿元": the total's scope is a part's — which of
        # the two the amounts are added to, the words do not say
        scope = _SCOPE.search(_total_words(total))
        parts = [f for f in same if f.parent is not None]
        if (
            scope
            and wholes
            and scope.group() not in wholes[0].subject
            and any(scope.group() in f.subject for f in parts)
        ):
            return None
        return (wholes[0], False) if len(wholes) == 1 and wholes[0] is same[0] else None
    wholes = [
        f
        for f in facts[: first_added.index]
        if f.quantity.is_money and f.role in ("value", "final") and f.parent is None and not f.direction
    ]
    if not wholes or not _DONE_TAIL.sub("", wholes[-1].subject).endswith(side) or not _kind(wholes[-1].subject):
        # (a whole naming no budget — "上年结转收入5亿元。加上…" — may be one of the items the total adds up, not its level)
        return None
    level = wholes[-1]
    # the item printed twice ("…收入100亿元。2023年…收入90亿元。加上…"): which year's is the level, place alone won't say
    return (level, True) if sum(f.subject == level.subject for f in wholes) == 1 else None


def _added_total(run: _Run, pi: int, ref: TextRef, facts: tuple[Fact, ...], text: str, total: Fact) -> None:
    m = names_a_total(total)
    if m is None:
        return
    side = next(g for g in m.groups() if g)
    sentence = sentences(text)[total.sentence] if total.sentence < len(sentences(text)) else ""
    aside = _asides(sentence, [f for f in facts[: total.index] if f.sentence == total.sentence])
    added = [f for f in facts[: total.index] if f.sentence == total.sentence and f.quantity.is_money and f not in aside]
    openers = [i for i, f in enumerate(added) if _opens_the_additions(f)]
    if not openers:
        return
    opener = openers[-1]  # the last "加上" before the 总量 (sentences joined by commas: an earlier one is another's)
    added = added[opener:]
    if any(f.role not in ("value", "final") or f.direction or f.unit_assumed for f in added):
        return
    if any(map(names_a_total, added)):
        return  # "加上…,全县财力总收入87.84亿元,全县财政总收入60亿元": a total among the items closed the list before
    printed = _every_part_printed(sentence, added, total)
    if printed is False:
        return
    found = _level(
        facts, added[0], side, total
    )  # (the amounts before the 加上 in its sentence: the level, or it and its parts)
    if found is None:
        return
    level, by_place = found
    parts = [level, *added]
    summed = _sum_in(run, pi, parts, total.quantity.unit)
    if summed is None or any((pi, f.index) in run.contradicted for f in (*parts, total)):
        return
    made, point = summed
    if made.overlaps(_operand(run, pi, total)):
        return
    # a 总计/合计/总收入 above its level and the amounts added: the list may leave out an item the total holds ("…结转下年
    # 4.3亿元后,支出总计84.65亿元" without the 安排预算稳定调节基金 the 决算's 总计 counts, 彭水 2022 p10) — a judgement; one
    # below them is certain (every amount is added), and so is a 总量 (by definition the level and the amounts added)
    if printed is None and made.hi <= _operand(run, pi, total).lo:
        return  # an amount of several items may be one item's: a total above the sum is no contradiction
    short = "总量" not in _total_words(total) and made.hi <= _operand(run, pi, total).lo
    shown = " + ".join(f.quantity.text for f in parts)
    # (a 总计's subject drops the word: its words, less a verb after them — "总收入为")
    name = total.subject if "总量" in total.subject else _VERB_AFTER.sub("", _total_words(total))
    what = f"“{name}”（{level.subject} 加上所列各项：{shown}）"
    contradict(
        run,
        pi,
        ref,
        total,
        what,
        f"{name}: the level plus the amounts added",
        expected=f"{fmt_decimal(point)}{total.quantity.unit}",
        basis=f"{_where(ref)}：{what} = {fmt_decimal(point)}{total.quantity.unit}，文字写 {total.quantity.text}"
        + (f"；加上的基数按位置读作其前的 {level.quantity.text}（{level.subject}），需人工核实" if by_place else "")
        + ("；所列各项之和少于总数：总数可能含文字未列出的项目，需人工核实" if short else ""),
        basis_en=f"the level and every amount added sum to {point}; the text says {total.quantity.text}"
        + ("; the level paired by place" if by_place else "")
        + ("; the total may hold items the list leaves out" if short else ""),
        certainty=Certainty.JUDGEMENT if by_place or short else Certainty.CERTAIN,
    )


def _deficit(run: _Run, pi: int, ref: TextRef, facts: tuple[Fact, ...], text: str, deficit: Fact) -> None:
    sentence = sentences(text)[deficit.sentence] if deficit.sentence < len(sentences(text)) else ""
    said = _DEFICIT_WORDS.search(sentence)
    if said is None or not compact_name(_words(deficit)).endswith("赤字"):
        return
    at = sentence.find(deficit.quantity.text, said.end())
    if at < 0 or any(c.isdigit() for c in sentence[said.end() : at]):
        # "收支总量相抵,赤字25亿元,其中中央赤字15亿元" / "…,中央财政赤字10亿元" (review28b): only the first figure the
        # words lead to is the two 总量's difference — a later 赤字 is a part or another scope's
        return
    sides = {}
    for side in ("收入", "支出"):
        named = [f for f in facts[: deficit.index] if (m := _TOTAL.fullmatch(_words(f))) and m.group(1) == side]
        if len(named) != 1:
            return
        sides[side] = named[0]
    income, spending = sides["收入"], sides["支出"]
    if len({f.quantity.unit for f in (income, spending, deficit)}) != 1:
        return
    if any((pi, f.index) in run.contradicted for f in (income, spending, deficit)):
        return
    a, b = _operand(run, pi, spending), _operand(run, pi, income)
    left = Interval(a.lo - b.hi, a.hi - b.lo)
    if left.overlaps(_operand(run, pi, deficit)):
        return
    point = spending.quantity.value - income.quantity.value
    what = f"“{deficit.subject}”（支出总量 {spending.quantity.text} − 收入总量 {income.quantity.text}）"
    contradict(
        run,
        pi,
        ref,
        deficit,
        what,
        f"{deficit.subject}: total spending − total revenue",
        expected=f"{fmt_decimal(point)}{deficit.quantity.unit}",
        basis=f"{_where(ref)}：收支总量相抵，{what} = {fmt_decimal(point)}{deficit.quantity.unit}，"
        f"文字写 {deficit.quantity.text}",
        basis_en=f"total spending − total revenue = {point}; the text says {deficit.quantity.text}",
    )


#: A figure's parts told after it: "…支出总计1,867.48万元,由一般公共预算支出1,867.48万元,加上解支出…等0万元等构成"
#: (小林 2022 p14, reports39), the span from 由 to 构成/组成 (group 1); "由于" is a reason, no composition.
_COMPOSED = lazy_compile(
    r"由(?![于於])([^。；;]*?)(?:等)?(?:构成|组成|構成|組成)", needs=("构成", "组成", "構成", "組成")
)
_DIGIT = lazy_compile(r"\d")


def _places(sentence: str, facts: list[Fact]) -> dict[int, int]:
    """Where each fact's figure stands in its sentence (found in order), by the fact's index."""
    at, pos = {}, 0
    for f in facts:
        found = sentence.find(f.quantity.text, pos)
        if found >= 0:
            at[f.index], pos = found, found + len(f.quantity.text)
    return at


def _composition(facts: tuple[Fact, ...], text: str, span: tuple[int, int], s: int) -> tuple[Fact, list[Fact]] | None:
    """(the total, its parts) of one "由…构成" span of sentence `s`: every figure in it a money part printed whole, and the
    total the money figure right before 由 — in its sentence, or the last of the sentence before when 由 opens it."""
    sentence = sentences(text)[s]
    at = _places(sentence, [f for f in facts if f.sentence == s])
    inside = [f for f in facts if f.index in at and f.quantity.is_money and span[0] <= at[f.index] < span[1]]
    rest = sentence[span[0] : span[1]]
    for f in inside:
        rest = rest.replace(f.quantity.text, "", 1)
    if not inside or _DIGIT.search(rest) or not _own_words(inside[0]).startswith("由"):
        return None
    if any(f.role not in ("value", "final") or f.direction or f.unit_assumed or f.parent is not None for f in inside):
        return None
    total = facts[inside[0].index - 1] if inside[0].index else None
    if total is None or not total.quantity.is_money or total.direction or total.role not in ("value", "final"):
        return None
    if total.sentence == s:
        gap = sentence[at[total.index] + len(total.quantity.text) : span[0]] if total.index in at else "?"
    elif total.sentence == s - 1 and not sentence[: span[0]].strip("，,、 "):
        prior = sentences(text)[s - 1]
        gap = prior[prior.rfind(total.quantity.text) + len(total.quantity.text) :]
    else:
        return None
    return (total, inside) if not gap.strip("，,、。 ") and total.parent is None else None


def _check_compositions(run: _Run, pi: int, ref: TextRef, facts: tuple[Fact, ...], text: str) -> None:
    """N02 (a 警告: the total is the figure before 由 by place, the words name no total of their own) when "X, 由A, 加B
    …构成" prints parts whose sum is not X."""
    for s, sentence in enumerate(sentences(text)):
        for m in _COMPOSED.finditer(sentence):
            found = _composition(facts, text, m.span(), s)
            if found is None:
                continue
            total, parts = found
            if (off := _sum_apart(run, pi, total, parts)) is None:
                continue
            shown, point = off
            what = f"“{total.subject}”（由所列各项构成：{shown}）"
            contradict(
                run,
                pi,
                ref,
                total,
                what,
                f"{total.subject}: the parts it is said to be made of",
                expected=f"{fmt_decimal(point)}{total.quantity.unit}",
                basis=f"{_where(ref)}：“由…构成”所列各项之和 {shown} = {fmt_decimal(point)}{total.quantity.unit}，"
                f"其前的数字写 {total.quantity.text}；“由…构成”按位置归于其前的数字，需人工核实",
                basis_en=f"the parts told by 由…构成 sum to {point}; the figure before them says {total.quantity.text}"
                "; the total paired by place",
                certainty=Certainty.JUDGEMENT,
            )


def _sum_apart(run: _Run, pi: int, total: Fact, parts: list[Fact]) -> tuple[str, Decimal] | None:
    """The parts as printed ("a + b + c") and their sum's point when no reading of the printed figures makes the sum
    the total's; None when one does, or a figure among them was already found wrong (one cause, one finding)."""
    if any((pi, f.index) in run.contradicted for f in (total, *parts)):
        return None
    summed = _sum_in(run, pi, parts, total.quantity.unit)
    if summed is None or summed[0].overlaps(_operand(run, pi, total)):
        return None
    return " + ".join(f.quantity.text for f in parts), summed[1]


#: The lines a 财政 account's 总计 adds to its side's level, by their names (决算 平衡表: 支出总计 = 一般公共预算支出 +
#: 上解上级支出 + 债务还本支出 + 安排预算稳定调节基金 + 调出资金 + 补助下级 + 结转下年…; 收入总计 likewise with 上级补助,
#: 转贷, 上年结余, 调入, 动用预算稳定调节基金): the side is the key.
_ACCOUNT_LINES = {
    "支出": lazy_compile(
        r"上解(?:上级)?支出|还本支出|(?:安排|补充)预算稳定调节基金|调出资金|补助下级|转移性支出|结转下年|援助其他地区"
    ),
    "收入": lazy_compile(
        r"上级补助|补助收入|返还性收入|转移支付收入|上解收入|转贷收入|上年结[余转]|调入(?:资金|预算稳定调节基金)"
        r"|动用预算稳定调节基金"
    ),
}
#: A 财政 account's 总计 named alone ("支出总计425533万元"): a 合计 may close any run, a 总计 closes the account's.
_ACCOUNT_TOTAL = lazy_compile(r"(收入|支出)总计(?:为|是|达到?)?", needs=("总计",))


def _check_account_runs(run: _Run, pi: int, ref: TextRef, facts: tuple[Fact, ...]) -> None:
    """N02 (a 警告: the run is read as the 总计's lines by their names, no 加 says so) when a sentence of money figures
    only — the side's level naming its budget ("一般公共预算支出409525万元"), then lines the 总计 adds by their names
    (`_ACCOUNT_LINES`), then "支出总计425533万元" (甘谷 2024 p8) — does not sum to the 总计."""
    for total in facts:
        m = _ACCOUNT_TOTAL.fullmatch(_own_words(total).lstrip("，,、"))
        if m is None or not total.quantity.is_money or total.role != "value" or total.parent is not None:
            continue
        side = m.group(1)
        items = [f for f in facts[: total.index] if f.sentence == total.sentence]
        if len(items) < 2 or any(
            not f.quantity.is_money or f.role != "value" or f.parent is not None or f.direction or f.unit_assumed
            for f in (*items, total)
        ):
            continue
        level, lines = items[0], items[1:]
        if not (_DONE_TAIL.sub("", compact_name(_own_words(level))).endswith(side) and _kind(_own_words(level))):
            continue
        if not all(_ACCOUNT_LINES[side].search(_own_words(f)) for f in lines) or any(
            _own_words(f).startswith(("加", "减", "再")) for f in lines
        ):
            continue  # (a 加 chain is `_added_total`'s: certain where every part is printed)
        if (off := _sum_apart(run, pi, total, items)) is None:
            continue
        shown, point = off
        what = f"“{side}总计”（{level.subject} 及其后所列各项：{shown}）"
        contradict(
            run,
            pi,
            ref,
            total,
            what,
            f"{side} 总计: the level and the account lines listed before it",
            expected=f"{fmt_decimal(point)}{total.quantity.unit}",
            basis=f"{_where(ref)}：{what} = {fmt_decimal(point)}{total.quantity.unit}，文字写 {total.quantity.text}；"
            "所列各项按名称读作总计的组成（文字未写“加”），总计也可能含未列出的项目，需人工核实",
            basis_en=f"the level and the account lines before the 总计 sum to {point}; the text says "
            f"{total.quantity.text}; the lines read as the total's by their names",
            certainty=Certainty.JUDGEMENT,
        )


def check_added_totals(run: _Run, pi: int, ref: TextRef, facts: tuple[Fact, ...], text: str) -> None:
    """N02 when a "加上…,收入/支出总量为Y" total is not its level plus the amounts added, "收支总量相抵,赤字Z" not the
    支出总量 less the 收入总量, or a figure not the parts "由…构成" tells after it."""
    _check_compositions(run, pi, ref, facts, text)
    _check_account_runs(run, pi, ref, facts)
    if not any(word in text for word in ("总量", "总计", "总收入", "总支出", _ADDED)):
        return
    for fact in facts:
        if not fact.quantity.is_money or fact.role != "value":
            continue
        if "总量" in fact.subject or names_a_total(fact):
            _added_total(run, pi, ref, facts, text, fact)
        elif fact.subject.endswith("赤字"):
            _deficit(run, pi, ref, facts, text, fact)


#: What is left named as such ("财政滚存结余25694万元", "净结余", "年终结余"): the difference, by its name.
_LEFT = lazy_compile(r"结余$|余额$", needs=("结余", "余额"))
#: A 结余 brought in from before ("上年结余", "年初余额"): what a year opened with, never what its chain leaves (review30b).
_OPENING = lazy_compile(r"^(?:上一?年度?|去年|年初|期初|以前年度)")


def _own_words(fact: Fact) -> str:
    """The fact's words since the figure before it in its clause."""
    return _FIGURE.split(_words(fact))[-1]


def _taken_off_chain(facts: tuple[Fact, ...], c: Fact) -> tuple[Fact, list[Fact]] | None:
    """(A, [B…]) when `c` ends "A,减B,…,结余C" in one sentence: every figure between taken off, and A the sentence's
    first money figure, a 收入总计 or the 结余 a chain before leaves ("…滚存结余25694万元,减结转下年支出25694万元,净结余
    0万元") — else A may be a figure already taken off or one of a list ("收入总计X,减支出总计Y,减结转下年Z,净结余0": Y is
    no figure Z is taken from; "本年收入500万元,加年初结余20万元,减本年支出480万元,年末结余40万元": nor the 20)."""
    taken: list[Fact] = []
    for f in reversed(facts[: c.index]):
        if f.sentence != c.sentence or not f.quantity.is_money:
            return None
        if taken and f.parent is not None and facts[f.parent].sentence == c.sentence:
            continue  # "全年收入500万元,其中财政拨款400万元,减本年支出480万元": the 其中 details the figure taken from
        if not TAKEN_OFF.match(_own_words(f)):
            a = f
            break
        taken.insert(0, f)
    else:
        return None
    first = next(f for f in facts if f.sentence == a.sentence and f.quantity.is_money)
    before = facts[a.index - 1] if a.index else None
    left_before = (  # a 结余 a chain before leaves ("…,减支出总计Y,财政滚存结余Z,减…"), not one added ("加年初结余20万元")
        _LEFT.search(_own_words(a))
        and before is not None
        and before.sentence == a.sentence
        and TAKEN_OFF.match(_own_words(before))
    )
    if not taken or (a is not first and not left_before and not _income_total(a)):
        return None
    return a, taken


def _income_total(fact: Fact) -> bool:
    """The fact is a 收入总计/合计/总量 or 总收入: what the books' 结余 is left from (a 支出总计 never is)."""
    m = _SUMMED_TOTAL.fullmatch(_own_words(fact))
    return m is not None and "收入" in m.groups()


def check_balances(run: _Run, pi: int, ref: TextRef, facts: tuple[Fact, ...]) -> None:
    """N02 (certain) when "A总计X,减B Y,…结余Z" leaves Z other than X − Y (− each further figure taken off): the figures
    in a row of one sentence, each after the first opening with 减 (taken off, not a change), the last naming a 结余/余额
    and nothing taken or added (甘谷 2024 p10 "收入总计451227万元,减支出总计425533万元,财政滚存结余25694万元,减结转下年
    支出…")."""
    for c in facts:
        left = _own_words(c)
        if not c.quantity.is_money or c.parent is not None or c.direction or not _LEFT.search(left):
            continue
        if (
            _OPENING.match(left)
            or TAKEN_OFF.match(left)
            or left.startswith("加")
            or (chain := _taken_off_chain(facts, c)) is None
        ):
            continue
        a, taken = chain
        if a.role not in ("value", "final", "budget") or any(f.direction or f.parent is not None for f in (a, *taken)):
            continue
        if any(f.unit_assumed or (pi, f.index) in run.contradicted for f in (a, *taken, c)):
            continue
        got = _sum_in(run, pi, [a], c.quantity.unit), _sum_in(run, pi, taken, c.quantity.unit)
        if got[0] is None or got[1] is None:
            continue
        (x, x_point), (y, y_point) = got[0], got[1]
        made = Interval(x.lo - y.hi, x.hi - y.lo)
        if made.overlaps(_operand(run, pi, c)):
            continue
        point = x_point - y_point
        shown = " − ".join(f.quantity.text for f in (a, *taken))
        what = f"“{c.subject}”（{shown}）"
        said = "”减“".join(f.clause.strip() for f in (a, *taken))
        contradict(
            run,
            pi,
            ref,
            c,
            what,
            f"{c.subject}: the figure before less the ones taken off",
            expected=f"{fmt_decimal(point)}{c.quantity.unit}",
            basis=f"{_where(ref)}：“{said}”，{what} = {fmt_decimal(point)}{c.quantity.unit}，文字写 {c.quantity.text}",
            basis_en=f"{shown} = {point}; the text says {c.quantity.text}",
        )
