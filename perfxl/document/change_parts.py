"""A change split by "其中" into the changes of its whole's defined classes ("一般公共预算收入…短收7431万元,其中:税收短收
5000万元,非税收入短收3431万元"; "比上年减少7431万元,其中:税收收入减少5000万元,非税收入减少3431万元"): the whole's change
is the signed sum of its classes' (N02, issue 12). Or each class a level of the whole's 其中 list with its own change
after it ("一般公共预算收入24627万元,比上年减收1070万元。其中:税收收入8103万元,比上年增收1284万元;非税收入16524万元,比上年
减收2354万元", 大姚 2024): the changes read as of their levels (`Fact.of`).

Read only where the split is complete by definition — the parts name every class of one `vocabulary.SPLIT_DIMENSIONS`
entry of the whole, each once, and nothing else (`count_parts._split_dimension`) — and each part's change is
measured on the whole's base (a part 短收 is against the budget; a whole 比上年 is not). A partial 其中 list may leave
out a class that moved the other way, so it is never summed. Pure: a paragraph's facts in, `Issue`s into the run.
"""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

from ..model import Certainty, TextRef
from ..numbers import fmt_decimal
from ..patterns import lazy_compile
from ..units import convert
from .count_parts import _split_dimension
from .facts import Fact, compact_name, compared_base
from .precision import Interval, _before
from .run_state import _operand, _Run, _sum_in, _where, contradict
from .vocabulary import CLAIM_ZH, CLOSED_KINDS, DECOMPOSITIONS

#: A move measured against the year's budget by its own word (短收/超收): its base, whatever the words before say.
_AGAINST_BUDGET = lazy_compile(r"短收|超收", needs=("短收", "超收"))
#: The splits whose classes are the whole by definition (一般公共预算收入 = 税收收入 + 非税收入): a change of the whole
#: other than its classes' sum is certain. Other splits' wholes may hold money outside them (a 决算's 支出 also holds
#: 上缴上级支出, 经营支出…) whose change goes unlisted: a 警告 that says so.
_WHOLE_BY_DEFINITION = frozenset(
    {"税收收入与非税收入合为一般公共预算收入", "一般公共预算、政府性基金与国有资本经营预算拨款合为财政拨款"}
)
_LEVELS = ("value", "budget", "final")
_ONLY_QIZHONG = lazy_compile(r"[，,。;；]*其中[:：，,]*")


def _base(fact: Fact) -> str:
    """What the change is measured on, as its words name it ("上年", "年初预算", "2022年"; "budget" for 短收/超收): a part
    on "比2022年" or "较年初预算" is no change on the whole's "比上年" or "比调整预算", though both are a year's or a budget's."""
    if _AGAINST_BUDGET.search(fact.subject + fact.clause):
        return "budget"
    at = fact.clause.find(fact.quantity.text)
    return compared_base(fact.clause[: at if at >= 0 else len(fact.clause)]) or fact.against


def _opens_qizhong(text: str, whole: Fact, first: Fact) -> bool:
    """Nothing but a 其中 stands between the whole's change and its first part (a clause keeps no 其中: read the text)."""
    at = text.find(whole.clause)
    if at < 0 or first.sentence not in (whole.sentence, whole.sentence + 1):
        return False
    end = at + whole.clause.rfind(whole.quantity.text) + len(whole.quantity.text)
    start = text.find(first.clause, end)
    return start >= 0 and _ONLY_QIZHONG.fullmatch(compact_name(text[end:start])) is not None


def _parts_after(text: str, facts: tuple[Fact, ...], whole: Fact) -> list[Fact]:
    """The run of money changes right after the whole's change, in the sentence of its first part — named by the
    list before 分别 when the 其中 opens one ("其中税收收入、非税收入分别减少5000万元、3431万元", prose30)."""
    rest = facts[whole.index + 1 :]
    names = _respective_names(text, whole, rest[0]) if rest else None
    if not rest or (names is None and not _opens_qizhong(text, whole, rest[0])):
        return []
    parts: list[Fact] = []
    for f in rest:
        if f.sentence != rest[0].sentence or f.role != "change" or not f.quantity.is_money:
            break
        parts.append(f)
    if names is None:
        return parts
    if len(parts) != len(names) or any(p.subject or p.clause != rest[0].clause for p in parts):
        return []  # the names and the figures not one for one: which is whose, unsaid
    # each figure its own name's, as "其中:税收收入减少5000万元,…" writes it (the clause the split's classes are read from)
    return [
        dataclasses.replace(p, subject=name, clause=name + p.quantity.text)
        for p, name in zip(parts, names, strict=True)
    ]


#: "其中A、B分别减少a、b": the names a respective list of changes is of, right after 其中.
_RESPECTIVE = lazy_compile(
    r"其中[:：]?(?P<names>[^\d，,。；;：:]+?)分别(?:比上年|较上年|同比)?(?:增加|减少|增收|减收|增长|下降|短收|超收)"
)


def _respective_names(text: str, whole: Fact, first: Fact) -> tuple[str, ...] | None:
    """The names of "其中A、B分别减少a、b" right after the whole's change (only punctuation between), or None."""
    m = _RESPECTIVE.match(re.sub(r"\s", "", first.clause))
    at = text.find(whole.clause)
    if m is None or at < 0 or first.sentence != whole.sentence:
        return None
    end = at + whole.clause.rfind(whole.quantity.text) + len(whole.quantity.text)
    start = text.find(first.clause, end)
    if start < 0 or text[end:start].strip("，,:： "):
        return None
    names = tuple(n for n in re.split(r"[、和及与]", m["names"]) if n)
    return names if len(names) >= 2 else None


def _level_of(facts: tuple[Fact, ...], change: Fact) -> Fact | None:
    """The level a change is of: its `of`, else — a budget carries none ("支出预算78.7万元,比2023年预算减少7.3万元") — the
    level of its subject right before it."""
    if change.of is not None:
        return facts[change.of]
    before = facts[change.index - 1] if change.index else None
    if before is not None and before.subject == change.subject and before.role in _LEVELS and before.quantity.is_money:
        return before
    return None


def _levels_changes(facts: tuple[Fact, ...], whole: Fact) -> tuple[list[Fact], list[Fact]]:
    """(the 其中 levels of the level the whole's change is of, each level's one money change), or ([], [])."""
    level = _level_of(facts, whole)
    if level is None:
        return [], []
    levels = [f for f in facts if f.parent == level.index and f.quantity.is_money and f.role in _LEVELS]
    changes = []
    for part in levels:
        own = [
            f
            for f in facts
            if f.role == "change" and f.quantity.is_money and f.parent is None and _level_of(facts, f) is part
        ]
        if len(own) != 1:
            return [], []
        changes.append(own[0])
    return levels, changes


#: A figure's own words and 中 right after its change ("…增加115,649万元。财政拨款支出预算中，一般公共预算拨款支出预算
#: 49,376万元，…"): what follows is inside that figure — its parts, as after 其中 (普陀 建委 2026 p5). Group "words"; the
#: first part's own name after it.
_WITHIN_WORDS = lazy_compile(r"[，,。；;\s]*(?P<words>[^\d，,。；;：:]+?)中[，,：:]+[^\d，,。；;：:]+", needs=("中",))


def _named_within(
    text: str, facts: tuple[Fact, ...], whole: Fact, level: Fact
) -> tuple[Fact, list[Fact], list[Fact]] | None:
    """(the level named by its words, the levels after the whole's change, their changes) when the level's own words and
    中 stand right after the change (a new sentence or a comma), and the rest of that sentence is nothing but levels,
    each followed by its one change; else None. The level keeps the words as its subject: the split's classes are read
    against what the words name, not a subject cut short ("财政拨款支出预算" read as "支出", a bare spending role)."""
    rest = facts[whole.index + 1 :]
    words = compact_name(_before(level) or "").lstrip("其中:：，,")
    at = text.find(whole.clause)
    if not rest or not words or at < 0:
        return None
    end = at + whole.clause.rfind(whole.quantity.text) + len(whole.quantity.text)
    figure = text.find(rest[0].quantity.text, end)
    m = _WITHIN_WORDS.fullmatch(compact_name(text[end:figure])) if figure >= 0 else None
    if m is None or m["words"] != words:
        return None
    run = [f for f in rest if f.sentence == rest[0].sentence]
    levels, changes = run[0::2], run[1::2]
    if len(run) < 4 or len(levels) != len(changes):
        return None
    for lv, ch in zip(levels, changes, strict=True):
        if lv.role not in _LEVELS or ch.role != "change" or not (lv.quantity.is_money and ch.quantity.is_money):
            return None
        if lv.parent is not None or ch.subject != lv.subject or not ch.direction:
            return None
    return dataclasses.replace(level, subject=words), levels, changes


def _defined_split(whole: Fact, split: list[Fact]) -> str:
    """The phrase of a closed kind's split by definition ("公务用车购置费与公务用车运行维护费合为公务用车购置及运行维护费")
    when the parts name each of its items once (`vocabulary.CLOSED_KINDS`: 三公, 公务用车), else ""."""
    items = DECOMPOSITIONS.get(whole.claim, ())
    if whole.claim not in CLOSED_KINDS or sorted(p.claim for p in split) != sorted(items):
        return ""
    return f"{'、'.join(CLAIM_ZH[c] for c in items)}合为{CLAIM_ZH[whole.claim]}"


def _rates(facts: tuple[Fact, ...], whole: Fact, parts: list[Fact]) -> list[Fact]:
    """The rate printed right after each change ("减少1.3万元,下降3.5%")."""
    after = (facts[f.index + 1] for f in (whole, *parts) if f.index + 1 < len(facts))
    return [r for r in after if r.role == "change_rate"]


def _restated_may_fit(whole: Fact, parts: list[Fact]) -> bool:
    """元 figures all whole hundreds may be 万元 prints restated, each at the coarsest step it may have had
    (`funds_arith._restated_steps`): the parts that fit the whole read so are no certain contradiction (the
    realreport rewrites' 罗湖 2024 p5 in 元: 9400 − 25000 + 0 against 减少15500, "2.5万元" a one-place print)."""
    from .funds_arith import _restated_steps  # (funds_arith calls this module: imported when first needed)

    steps = _restated_steps(whole, parts)
    if steps is None:
        return False
    signed = [Interval.printed(f.direction * f.quantity.value, s) for f, s in zip((whole, *parts), steps, strict=True)]
    made = Interval(sum((i.lo for i in signed[1:]), Decimal(0)), sum((i.hi for i in signed[1:]), Decimal(0)))
    return made.overlaps(signed[0])


def check_change_parts(run: _Run, pi: int, ref: TextRef, facts: tuple[Fact, ...], text: str) -> None:
    """N02 (错误) when a whole's change is not the signed sum of its defined classes' changes listed under 其中."""
    for whole in facts:
        if whole.role != "change" or not whole.quantity.is_money or whole.parent is not None or not whole.direction:
            continue
        parts = _parts_after(text, facts, whole)
        split, of = parts, whole  # the facts naming the classes, and the whole they split
        if not parts and (level := _level_of(facts, whole)) is not None:
            split, parts = _levels_changes(facts, whole)
            of = level
            if not parts and (named := _named_within(text, facts, whole, level)) is not None:
                of, split, parts = named
        if len(parts) < 2 or any(not p.direction or p.unit_assumed for p in parts) or whole.unit_assumed:
            continue
        base = _base(whole)
        if any(_base(p) not in ("", base) for p in parts):
            continue  # a part measured on another base ("比上年减少…,其中:税收短收…"): no sum of one thing
        defined = _defined_split(of, split)
        phrase = defined or _split_dimension(of, split, facts)
        if not phrase or any(
            (pi, f.index) in run.contradicted for f in (whole, *split, *parts, *_rates(facts, whole, parts))
        ):
            continue  # (a change its own rate was found at odds with: said already, at the figure — 广东省财政厅 2023 p3 probed)
        unit = whole.quantity.unit
        summed = _sum_in(run, pi, parts, unit)  # each part signed by its direction
        if summed is None or summed[0].overlaps(_operand(run, pi, whole)) or _restated_may_fit(whole, parts):
            continue
        # the signed point (`_sum_in`'s point is of the printed sizes); every factor exists once `_sum_in` gave a sum
        factors = [convert(Decimal(1), p.quantity.unit, unit).factor or Decimal(0) for p in parts]
        point = sum((p.direction * p.quantity.value * k for p, k in zip(parts, factors, strict=True)), Decimal(0))
        certain = bool(defined) or phrase in _WHOLE_BY_DEFINITION
        shown = " ".join(f"{'+' if p.direction > 0 else '−'}{p.quantity.text}" for p in parts).lstrip("+")
        what = f"“{whole.subject}”的变动（“其中”各项变动之和：{shown}）"
        said = f"{'增加' if whole.direction > 0 else '减少'}{whole.quantity.text}"
        contradict(
            run,
            pi,
            ref,
            whole,
            what,
            f"{whole.subject}'s change: the sum of its classes' changes",
            expected=f"{'增加' if point > 0 else '减少'}{fmt_decimal(abs(point))}{unit}",
            actual=said,
            basis=f"{_where(ref)}：{phrase}，总数的变动是各项变动之和：{what} = {fmt_decimal(point)}{unit}，文字写{said}"
            + ("" if certain else "；总数可能还含所列各项以外的资金，其变动未列出，需人工核实"),
            basis_en=f"{phrase}: the classes' changes sum to {point}; the text says {said}"
            + ("" if certain else "; the whole may hold money outside the split"),
            certainty=Certainty.CERTAIN if certain else Certainty.JUDGEMENT,
        )
