"""Counts split under 其中, in brackets or after 分别是 ("建设任务594户;其中农危房改造17户,农房抗震房改造577户"; "局本级187人
(在职在编139人、退休人员8人、协管员40人)"): parts that do not make their total (N02, issue 12) — the one mechanism for
count splits (issue 14: "one of each mechanism").

One walk (`_candidates`) finds each total and its candidate parts; one function (`_dimension`) decides how certain the
split is; one builder (`_report`) raises the N02 and its basis. When the parts' own words name a disjoint dimension —
staff status (在职 / 退休), a `vocabulary.SPLIT_DIMENSIONS` entry (本级 / 对下转移支付…), X and 非X — more than the total
is certain (错误) and less a 警告 (a class or an amount may be unlisted). Otherwise categories of people or things may
overlap (贫困户 and 残疾人 among one village's households), so a count split is read as disjoint only by a guess:
a 警告 that says so, and only for parts over the total — fewer may be a partial list. The levels of one tree
("共编制12个绩效目标指标,其中一级指标3个,二级指标9个,三级指标12个") nest rather than add: each level alone is held to
the total. A part or total that is approximate (约, 余), a bound (以上) or per unit (每户) is no figure a sum must make;
a list is summed only when it is closed (in brackets, or the last figures of its sentence, nothing else between its
parts), its parts name categories rather than results (已出列, 考核合格) and no attributes of people that may overlap
(女性 and 少数民族), and they count one thing (not "5个乡镇、8个村" under "项目10个").
Money parts are summed in funds_arith (`_sums`: a sum is money's by definition), which asks `_split_dimension` too.
Pure: a paragraph's facts in, `Issue`s into the run.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from decimal import Decimal
from itertools import pairwise
from typing import NamedTuple

from ..model import CellRef, Certainty, TextRef
from ..patterns import lazy_compile
from .facts import PEOPLE_UNITS, Fact, compact_name
from .precision import Interval, _approximate, _around, _before, _bound, _interval, _show
from .run_state import _operand, _Run, _where, contradict
from .vocabulary import SPLIT_DIMENSIONS

#: The levels of one tree of indicators or units (一级指标, 二级单位…): they nest, the lower counting the upper's items
#: again — never summed.
_LEVEL = lazy_compile(r"^(?:[一二三四五六]|[1-6１-６])级")
#: A per-unit figure ("每户", "户均", "/人"): a rate, not a part of the count.
_PER = lazy_compile(r"每|人均|户均|村均|平均")
_PER_AFTER = lazy_compile(r"^\s*[/／每]")
#: A quota, not a count of what there is ("核定编制数为32人，其中在职45人": the staff may exceed it) — as
#: funds_arith's `_HEADCOUNT` leaves 编制 out.
_QUOTA = lazy_compile(r"核定|额度|定员|限额|定额|编制(?:数|人数|总数)")
#: 编制 alone names a quota of people ("编制30人"); before things it is the verb ("共编制12个绩效目标指标").
_STAFF_QUOTA = lazy_compile(r"编制(?!人员|内)")
_PEOPLE = ("人", "名")
#: Words that make a count no figure of the year's whole: a target, last year's, a change (计划生育 names a programme).
_NOT_A_PART = lazy_compile(r"目标|计划(?!生育)|预计|任务数|上年|去年|同期|增加|减少|新增|累计")


#: Words naming a total a target or a plan, which its one part may exceed ("计划培训学员50人,其中实际培训60人",
#: review27r) — not 计划生育, a programme's name ("计划生育特别扶助对象4378人").
_TARGETED = lazy_compile(r"目标|计划(?!生育)|预计|预期|拟")
#: Words making a lone 其中 count no category of its whole (review27r): a count over years or of a year named apart
#: ("其中近五年共招录80人", "其中2023年在职50人"), or cases dealt with, which may be carried over from before ("受理案件
#: 300件,其中办结320件").
_NO_CATEGORY = lazy_compile(
    r"近[\d一二两三四五六七八九十]+年|历年|多年|以来|年来|先后|(?:19|20)\d{2}年|办结|结案|化解|处置|处理|解决|结转|办理|审结"
)


#: Words before a count that put it beside the list, not in it ("另有3个正在建设", "此外…").
_BESIDE = lazy_compile(r"另有?|此外|还有|正在|在建|拟|将")
_THING = lazy_compile(r"^\s*([\u4e00-\u9fff])")


def _things(total: Fact, parts: list[Fact]) -> set[str]:
    """The first character of the noun right after each count that names one ("10个项目", "5个乡镇、8个村"): a measure
    word such as 个 counts anything, and counts of different things ("共实施项目10个,其中涉及5个乡镇、8个村") are
    no split. Empty when none names its thing after it."""
    return {m.group(1) for f in (total, *parts) if (m := _THING.match(_around(f)[1]))}


#: Words naming what became of some of the total ("已出列25个", "考核合格95人", "带动就业800人"): a result or a
#: status, another dimension than the categories the total splits into.
_ACTION = lazy_compile(
    r"已|未|正在|完成|实现|达到|带动|覆盖|涉及|惠及|辐射|服务|合格|考核|验收|参与|参加|受益|获得|享受|出列|退出"
)
#: Attributes of people by which one person may fall in several categories (女性 and 少数民族, 老人 and 残疾人): parts
#: naming such attributes are disjoint only within one dimension (男/女); across dimensions, or beside a part naming
#: none, they may overlap.
_DIMENSIONS = (
    lazy_compile(r"男|(?<![子妇儿])女"),  # (not the 女 of 子女, 妇女: "独生子女伤残扶助")
    lazy_compile(r"老人|老年|\d+岁|儿童|青少年|未成年|学生"),
    lazy_compile(r"少数民族|汉族"),
    lazy_compile(r"残疾"),
    lazy_compile(r"党员|团员|群众"),
    # the statuses of households and people in social assistance: one household may be 脱贫户 and 低保户, 低保 and
    # 残疾人家庭 (民政 救助 and 乡村振兴 监测 lists overlap by design) — review12n: "共帮扶6户,其中贫困户5户、低保户4户"
    lazy_compile(r"贫困|脱贫|建档立卡"),
    lazy_compile(r"低保|最低生活保障"),
    lazy_compile(r"特困|五保|分散供养|集中供养"),
    lazy_compile(r"监测|边缘|易致贫|突发严重困难"),
    lazy_compile(r"留守|空巢|独居|孤寡|孤儿"),
    lazy_compile(r"优抚|退役军人|军属|烈属"),
    lazy_compile(r"妇女|女职工"),
    lazy_compile(r"城市|城镇|农村"),
)


#: The sentence says some items fall in two categories ("部分基地同时获评省级和市级", "有交叉", "兼任").
_SAID_TO_OVERLAP = lazy_compile(r"同时|兼|既|交叉|重叠|重复|叠加")
#: A part that names a place ("涉及乡镇5个、村8个"): counted under a total of other things (项目), what the total
#: reaches, not its categories.
_PLACE = lazy_compile(r"(?:乡镇|乡|镇|村|社区|街道|县|区)$")


def _other_things(total: Fact, parts: list[Fact]) -> bool:
    """Some part counts places and the total does not ("共实施项目10个,其中乡镇5个、村8个")."""
    return any(_PLACE.search(p.subject) for p in parts) and not _PLACE.search(total.subject)


_YEAR = lazy_compile(r"(?:19|20)\d{2}\s*年")
_SUMMED = lazy_compile(r"累计|共|合计|总计")


def _a_series(total: Fact, parts: list[Fact]) -> bool:
    """The figures restate the total at several dates rather than split it ("现有人员187人(2019年为180人,2020年为187人)"):
    one part is the total itself, or each names a year and the total is no sum over them (no 共/累计) — review12n."""
    if any(p.quantity.value == total.quantity.value for p in parts):
        return True
    words = total.subject + _around(total)[0]
    return all(_YEAR.search(_around(p)[0] + p.subject) for p in parts) and not _SUMMED.search(words)


def _second_qizhong(parts: list[Fact]) -> bool:
    """A part after the first opens a 其中 of its own ("公办8家、民办4家,其中医养结合机构5家"): another split of the
    same total (or of the part before it), never summed with the first."""
    return any(p.clause.lstrip(" ,，;；、（(").startswith("其中") for p in parts[1:] if p.clause != parts[0].clause)


def _sentence_of(text: str, fact: Fact) -> str:
    """The paragraph's words from `fact`'s clause to the end of its sentence (the list and what it says after it)."""
    start = text.find(fact.clause)
    if start < 0:
        return fact.clause
    end = min((i for c in "。；;！!？?" if (i := text.find(c, start)) >= 0), default=len(text))
    return text[start:end]


def _same_unit(a: str | None, b: str | None) -> bool:
    """One measure word, or two that count people alike (人, 名)."""
    return a == b or {a, b} <= PEOPLE_UNITS


def _may_overlap(parts: list[Fact]) -> bool:
    """Some part names an attribute of people (`_DIMENSIONS`) and no one dimension tells every part apart — each part
    naming a class of it, no two the same ("男性60人、女性40人"; not "困难党员25人、老党员40人", both 党员: review12n)."""
    named = [[frozenset(d.findall(p.subject)) for d in _DIMENSIONS] for p in parts]
    a, b = (parts[0].subject, parts[-1].subject) if len(parts) == 2 else ("", "")
    if not any(any(n) for n in named) or (a and b and (b == "非" + a or a == "非" + b)):  # 贫困村 and 非贫困村
        return False
    for k in range(len(_DIMENSIONS)):
        classes = [n[k] for n in named]
        if all(len(c) == 1 for c in classes) and len(set(classes)) == len(classes):
            return False
    return True


def _closed(facts: tuple[Fact, ...], parts: list[Fact], text: str = "") -> bool:
    """The parts are the whole list: nothing but parts (their own details, a count inside a part's name) between the
    first and the last, and — a
    list not in brackets — no further figure of the sentence after it ("共培训100人,其中农民60人,…,服务群众…" may run
    on past its end) before a semicolon ends the statement, a part's change ("临聘19人,比上年同期减少4人") no further
    figure (real reports 32)."""
    indices = {p.index for p in parts}
    first, last = parts[0], parts[-1]
    for f in facts[first.index : last.index + 1]:
        named = f.index + 1 in indices and f.quantity.text in _around(facts[f.index + 1])[0]  # "3个公司聘用人员1155人"
        if f.index not in indices and f.parent not in indices and not named:
            return False
    head = _around(first)[0]
    bracketed = head.count("(") + head.count("（") > head.count(")") + head.count("）")
    # (a later group of the same 其中 list, after a semicolon, is no figure the list runs on into: `_groups`)
    start = text.find(last.clause)
    stop = _GROUP_BREAK.search(text, start + len(last.clause)) if start >= 0 else None
    ahead = text[start : stop.start()] if stop is not None else ""
    trailing = [
        f
        for f in facts[last.index + 1 :]
        if f.sentence == last.sentence
        and f.parent not in indices
        and (f.parent is None or f.parent != first.parent)
        and f.role not in ("change", "change_rate")
        and (stop is None or f.clause in ahead)
    ]
    return bracketed or not trailing


def _over(parts: list[Fact], total: Fact) -> bool:
    """The parts add up to more than the total for certain at their printed precision: a whole count ("4个", "577户")
    is exactly itself — summing each as ±0.5 would let 5 + 4 fit 8 — a count printed with decimals ("1.5万人次") is
    a range, the parts' lowest sum above the total's highest value."""
    if all(f.quantity.places == 0 for f in (total, *parts)):
        return sum((p.quantity.value for p in parts), Decimal(0)) > total.quantity.value
    lo = sum((_interval(p).lo for p in parts), Decimal(0))
    return lo >= _interval(total).hi


def _plain(f: Fact) -> bool:
    """An exact count of the year, stated as such: no 约/余, no bound, not per unit, not a change or a target."""
    head, tail = _around(f)
    return (
        f.role == "value"
        and f.quantity.is_count
        and not _approximate(f)
        and not _bound(f)
        and not _PER.search(head[-4:])
        and not _PER_AFTER.match(tail)
    )


def _listed_how(total: Fact, first: Fact, text: str = "") -> str:
    """How the text made the counts parts: "“其中”" when the words from the total to the first part say so, else the
    bracket right after the total — a total carried from the paragraph before heads a paragraph opening with 其中."""
    if total.carried:
        return "“其中”"
    words = first.clause if first.clause != total.clause else first.clause[first.clause.find(total.quantity.text) :]
    start = text.find(total.clause)
    end = text.find(first.clause, start) if start >= 0 else -1
    if end >= 0:  # ("…干警120人,其中:政法编制人员90人": the colon ends the clause before the first part — review12n)
        words = text[start + len(total.clause) : end] + words
    return "“其中”" if "其中" in compact_name(words) else "括号内"


def _x_and_non_x(parts: list[Fact]) -> bool:
    """Two of the parts are X and 非X ("政法编制人员90人,非政法编制人员30人"): together the whole."""
    names = {p.subject for p in parts}
    return any(n.startswith("非") and n[1:] in names for n in names)


def _other_counts(run: _Run, pi: int, facts: tuple[Fact, ...], total: Fact, first: Fact) -> Iterator[tuple[int, Fact]]:
    """The counts in the total's unit a list opening at `first` may split rather than the total (paragraph, fact): those
    before the list in the total's sentence or the one before it — a 其中 list set off as a sentence of its own ("实有职工
    50人,比上年同期减少4人。其中在编31人,…;离退休人员23人,…;其中大学本科22人,专科21人,…", 万州 2025 p8 split at its
    其中, session 28) may split a count the sentence before prints, as it does when one sentence holds both — and, for a
    total in a paragraph's first sentence, those of the last sentence of the paragraph before (the same list with Enter
    pressed before its 其中). A count printed as 0 is none (a run of 0辆 parts "makes" every 0辆 before it: 万里 2024
    p63's probe)."""
    for f in facts:
        if f.quantity.unit != total.quantity.unit or f.index >= first.index or f.index == total.index:
            continue
        if total.sentence - 1 <= f.sentence <= total.sentence and f.quantity.value:
            yield pi, f
    before = run.facts.get(pi - 1, ()) if total.sentence == 0 and pi else ()
    for f in before:
        if f.sentence == before[-1].sentence and f.quantity.unit == total.quantity.unit and f.quantity.value:
            yield pi - 1, f


def _another_whole(run: _Run, pi: int, facts: tuple[Fact, ...], total: Fact, parts: list[Fact]) -> bool:
    """The parts make another count of their unit before them (`_other_counts`: "编制30人,实有在职28人,其中:行政25人,
    事业5人": 25 + 5 is the 编制's split): the list is read as that one's, whichever the 其中 follows."""
    lo = sum((_operand(run, pi, p).lo for p in parts), Decimal(0))
    hi = sum((_operand(run, pi, p).hi for p in parts), Decimal(0))
    return any(
        _operand(run, at, f).overlaps(Interval(lo, hi)) for at, f in _other_counts(run, pi, facts, total, parts[0])
    )


# ------------------------------------------------------------------ the one walk: each count total and its parts


#: The noun right after a count ("18个内设机构"): what it counts.
_COUNTED_NOUN = lazy_compile(r"[\u4e00-\u9fff]{2,8}")
#: Words that open the list of a count's parts ("共有18个内设机构,分别是:…").
_COUNT_LIST_CUE = lazy_compile(r"(?:其中|分别是|分别为|包括)\s*[:：]?")


def _levels_after(facts: tuple[Fact, ...], children: list[Fact]) -> list[Fact]:
    """The further levels of a tree right after a 其中 list of levels, in its sentence and unit: facts ends the list
    where its parts make the total ("共编制12个绩效目标指标,其中一级指标3个,二级指标9个,三级指标15个": 3 + 9 = 12), but
    levels nest rather than add (`_LEVEL`) — the 三级指标 is the tree's next level still, held to the total alone."""
    last = children[-1]
    if not all(_LEVEL.match(c.subject) for c in children):
        return []
    more = []
    for f in facts[last.index + 1 :]:
        if f.sentence != last.sentence or f.parent is not None or f.quantity.unit != last.quantity.unit:
            break
        if not _LEVEL.match(f.subject):
            break
        more.append(f)
    return more


def _candidates(facts: tuple[Fact, ...], text: str) -> Iterator[tuple[Fact, list[Fact], bool]]:
    """Each figure with the figures that may be its parts, and whether they are listed apart from it (True) rather
    than read as its own 其中/bracket children (False): first every figure with two or more children; then the counts
    of a money total's 其中 list, the parts of the one count of the total's sentence before it ("项目21个,项目支出总额
    656.93万元。其中,本级项目8个,…"); then the counts in a count's unit after it in its sentence, no part of any total,
    when a list cue (`_COUNT_LIST_CUE`) stands between it and the first of them ("共有18个内设机构,分别是:…")."""
    for total in facts:
        children = [f for f in facts if f.parent == total.index]
        for split in dict.fromkeys(f.listed_by for f in children):
            # each list of the total on its own, as `funds_arith._part_lists` sums money's: "4378人(其中男性2000人、
            # 女性2378人),其中,城镇4000人,农村478人" splits it twice (prose31: the four summed, or none read)
            listed = [f for f in children if f.listed_by == split]
            if len(listed) >= 2:
                yield total, listed + _levels_after(facts, listed), False
    for money in facts:
        if not money.quantity.is_money or money.parent is not None:
            continue
        counts = [
            f
            for f in facts[: money.index]
            if f.sentence == money.sentence and f.parent is None and f.quantity.unit in ("个", "项")
        ]
        if len(counts) == 1:
            total = counts[0]
            parts = [f for f in facts if f.parent == money.index and f.quantity.unit == total.quantity.unit]
            if parts:
                yield total, parts, True
    for total in facts:
        if not total.quantity.is_count or total.parent is not None:
            continue
        after = [f for f in facts[total.index + 1 :] if f.sentence == total.sentence]
        parts = [f for f in after if f.parent is None and f.quantity.unit == total.quantity.unit]
        start = text.find(total.clause)
        end = text.find(parts[0].clause, start + len(total.clause)) if parts and start >= 0 else -1
        between = text[start + len(total.clause) : end] + (_before(parts[0]) or "") if end >= 0 else ""
        # "20个内设机构(含派出法庭2个),分别是:…": the 2 is a bracket's detail, not the count the list splits
        after_figure = total.clause[total.clause.rfind(total.quantity.text) + len(total.quantity.text) :]
        words = after_figure + between
        inside = words.count(")") + words.count("）") > words.count("(") + words.count("（")
        if len(parts) == len(after) >= 2 and _COUNT_LIST_CUE.search(between) and not inside:
            yield total, parts, True


# ------------------------------------------------------------------ how certain a split is: its named dimension


class _Dimension(NamedTuple):
    """A dimension the parts' own words name, whose classes do not overlap: parts over the total are certain (错误),
    short of it a 警告 (a class or an amount may be unlisted). The texts say why, over and short."""

    over: str
    short: str
    short_en: str
    what_en: str


#: The split dimensions of `vocabulary.SPLIT_DIMENSIONS`, compiled: (phrase, classes, whole, not whole). A budget or
#: spending total split into 基本支出 and 项目支出 ("部门预算总金额 803.74 万元其中:基本支出 757.49 万元,项目支出 46.25 万元"),
#: a 项目支出 into 本级 and 对下转移支付, a 资金 into 财政拨款 and 其他资金: the classes together are the whole, whatever
#: words name the total — so falling short of it is said too, a 警告 (the total may hold 结余 or another amount; a total
#: named 总支出/支出合计 is already the whole by definition, an 错误). Money splits (funds_arith `_sums`) ask it too.
_SPLITS = tuple(
    (phrase, tuple((name, lazy_compile(p)) for name, p in classes), lazy_compile(whole), lazy_compile(not_whole))
    for phrase, classes, whole, not_whole in SPLIT_DIMENSIONS
)
#: A class named as the place of a narrower amount ("项目支出中的专项资金", "基本支出里"): a part of that class, not it.
_WITHIN = lazy_compile(r"(?:中|里|内)(?:的|用于|安排)?")
_QIZHONG_HEAD = lazy_compile(r"^[\s,，:：;；]*(?:其中)?[\s,，:：]*")
#: The noun a class of units, people or projects ends with ("审判业务部门", "非审判业务机构"): not part of its name.
_ORG_NOUN = lazy_compile(r"(?:部门|机构|单位|科室|股室|项目|人员)$")


def _split_dimension(total: Fact, parts: list[Fact], facts: tuple[Fact, ...] = ()) -> str:
    """The phrase of the dimension the parts split their total by when their words make it certain — each part names
    exactly one class of one dimension, every class once, and the total's words name money that dimension splits —
    else "" (the split's dimension unclear: a 其中 that may be partial). `facts`, when given, are the paragraph's: a
    figure between the parts naming one of the classes that is no part ("其中:税收收入33.31亿元;上年税收收入33.85亿元,
    非税收入16.22亿元": the 非税 may be last year's too, review28p) leaves which figures split the total unclear — a figure
    of the parts' own measure only: "本级项目8个,本级项目支出385.58万元;对下转移支付项目0个" splits its 项目 count by level
    still (梧州 医保局 2024 p3: the money between is the money split's own part)."""
    money = bool(parts) and parts[0].quantity.is_money
    between = (
        [
            f
            for f in facts[parts[0].index + 1 : parts[-1].index]
            if f not in parts and f.quantity.is_money == money and not f.quantity.is_percent
        ]
        if parts
        else []
    )
    for phrase, classes, whole, not_whole in _SPLITS:
        if len(parts) != len(classes) or not whole.search(total.subject) or not_whole.search(total.subject):
            continue
        if whole.search(_before(total) or "") and not_whole.search(_before(total) or ""):
            continue  # "一般公共预算收入总计…": the subject drops 总计, the words before the figure keep it
        if any(name in (_before(f) or f.subject) for f in between for name, _ in classes):
            continue
        named = []
        for p in parts:
            words = _QIZHONG_HEAD.sub("", _before(p) or p.subject)  # "其中财政拨款收入": the subject drops 财政拨款
            hits = [name for name, c in classes if (m := c.search(words)) and not _WITHIN.match(words, m.end())]
            if len(hits) != 1:
                break
            named.append(hits[0])
        if sorted(named) == sorted(name for name, _ in classes):
            return phrase
    if len(parts) == 2:  # "审判业务部门14个…;非审判业务机构4个": X and 非X, the whole by their own words
        a, b = (_ORG_NOUN.sub("", _QIZHONG_HEAD.sub("", _before(p) or p.subject)) for p in parts)
        if a and b and (b == "非" + a or a == "非" + b):
            return f"{a}与{'非' + a if b == '非' + a else b}合为全部"
    return ""


#: A person's status in a unit's staff (在职 / 退休 / 离休 / 离退休): classes that do not overlap, unlike most
#: categories of people.
_STAFF_STATUS = lazy_compile(r"(?:实有)?(?P<status>在职(?:在编)?|在编|离退休|退休|离休)(?:人员|职工|干部)?(?:人数)?")
_RETIRED = ("离退休", "退休", "离休")
#: A total naming the unit's people (not its 编制, a quota the staff may exceed: "核定编制数为32人，其中在职45人").
_HEADCOUNT = lazy_compile(r"^(?!.*编制).*(?:人员|职工|人数|干部|实有|现有)")
_BY_STATUS = _Dimension(
    "（在职与离退休人员互不重叠，其和不能超过总数）",
    "（在职与离退休人员互不重叠；若另有未列的人员类别，如临聘，也可能相符，请核实）",
    "; another status may be unlisted, a person checks",
    "by status",
)


#: The retired split in two ("离退休人数195人,其中离休人员2人,退休人员194人", real reports 31): 离退休 is 离休 and 退休
#: together by its own name, and no person is both.
_BY_RETIREMENT = _Dimension(
    "（离休与退休人员互不重叠，其和不能超过离退休总数）",
    "（离休与退休人员合为离退休人员；若总数另有口径，也可能相符，请核实）",
    "; the total may be counted another way, a person checks",
    "by retirement status",
)


def _by_status(total: Fact, parts: list[Fact]) -> _Dimension | None:
    """A headcount split by status, all in 人, every part a distinct status: in service and retired both among them
    ("实有职工人数178人,其中:在职129人,退休49人", `_BY_STATUS`), or a 离退休 total split into 离休 and 退休
    (`_BY_RETIREMENT`); else None."""
    if total.quantity.unit != "人" or total.parent is not None or not _HEADCOUNT.search(total.subject):
        return None
    statuses = [m.group("status") if (m := _STAFF_STATUS.fullmatch(p.subject)) else None for p in parts]
    if None in statuses or len(set(statuses)) != len(statuses) or any(p.quantity.unit != "人" for p in parts):
        return None
    if any(s.startswith(("在职", "在编")) for s in statuses if s) and any(s in _RETIRED for s in statuses):
        return _BY_STATUS
    whole = _STAFF_STATUS.search(total.subject)
    if whole and whole.group("status") == "离退休" and set(statuses) == {"离休", "退休"}:
        return _BY_RETIREMENT
    return None


def _dimension(total: Fact, parts: list[Fact], listed: bool) -> _Dimension | None:
    """The disjoint dimension the parts' words name, or None (read as disjoint only by a guess, `_guessed_split`): for a
    figure's own children, staff status (在职/退休); for parts listed apart from their total, a `SPLIT_DIMENSIONS`
    entry or X and 非X (`_split_dimension`)."""
    if not listed:
        return _by_status(total, parts)
    phrase = _split_dimension(total, parts)
    if not phrase:
        return None
    return _Dimension(
        f"（{phrase}，各类互不重叠，其和不能超过总数）",
        f"（{phrase}，各类互不重叠，读作全部；若总数另含未列入的部分，也可能相符，请核实）",
        "; the total may cover more than the split names, a person checks",
        "by a named split",
    )


# ------------------------------------------------------------------ the one check and the one N02 it raises


def check_count_parts(run: _Run, pi: int, ref: TextRef | CellRef, facts: tuple[Fact, ...], text: str = "") -> None:
    """N02 for each count whose parts do not make it: first the splits whose words name a disjoint dimension (over
    错误, short 警告), then the others read as disjoint by a guess (over 警告, levels one by one) — the surer reading
    first, one finding on a total."""
    splits = [
        (total, parts, listed, _dimension(total, parts, listed)) for total, parts, listed in _candidates(facts, text)
    ]
    for total, parts, _, dimension in splits:
        if dimension is not None:
            _named_split(run, pi, ref, total, parts, dimension)
    for total, parts, listed, dimension in splits:
        if dimension is None and not listed:
            groups = _groups(text, parts)
            if _leads_another_whole(run, pi, facts, total, parts, groups):
                continue
            for group in groups:
                _guessed_split(run, pi, ref, facts, text, total, group)
    for total in facts:
        children = [f for f in facts if f.parent == total.index]
        if len(children) == 1:
            _lone_part(run, pi, ref, total, children[0])


def _leads_another_whole(
    run: _Run, pi: int, facts: tuple[Fact, ...], total: Fact, parts: list[Fact], groups: list[list[Fact]]
) -> bool:
    """The list's first group, or its first three parts or more, make another count of the sentence before them
    ("实有职工50人,…;离退休人员23人,…;其中大学本科22人,专科21人,中专及高中以下7人,具有副高级职称3人,…", real reports
    32: 22 + 21 + 7 is the 职工's split by schooling, the titles after it another dimension): the list is that count's,
    not the nearer total's — `_another_whole` for a leading run of the parts."""
    leads = [groups[0]] if len(groups) > 1 else []
    leads += [parts[:k] for k in range(3, len(parts))]
    return any(len(lead) >= 2 and _makes_another(run, pi, facts, total, lead) for lead in leads)


def _makes_another(run: _Run, pi: int, facts: tuple[Fact, ...], total: Fact, lead: list[Fact]) -> bool:
    """`_another_whole` for the parts or a leading run of them; whole counts summed exactly ("4个" is 4: half a unit either way on
    each part would let 62 + 29 + 3 make 93)."""
    if any(f.quantity.places for f in (total, *lead)):
        return _another_whole(run, pi, facts, total, lead)
    point = sum((p.quantity.value for p in lead), Decimal(0))
    return any(f.quantity.value == point for _, f in _other_counts(run, pi, facts, total, lead[0]))


#: What parts one group of a 其中 list from the next: a semicolon.
_GROUP_BREAK = lazy_compile(r"[;；]")


def _groups(text: str, parts: list[Fact]) -> list[list[Fact]]:
    """A 其中 list of counts cut where a semicolon stands between two parts ("其中大学本科60人,大专29人,中专3人,高中1人;
    副高9人、中级职称34人;执业医师30人,…", real reports 32): each group splits the total by one dimension (schooling,
    title, licence), so the groups are held to the total one by one, never summed together. One group when the text
    does not show the parts in order, and one group when every part stands alone between semicolons: then the
    semicolons are the list's separators ("其中:在编人员30人;临聘人员15人;返聘人员10人" — 55 over 50 still a 警告,
    review27q)."""
    groups = _semicolon_groups(text, parts)
    return [parts] if all(len(group) == 1 for group in groups) else groups


def _semicolon_groups(text: str, parts: list[Fact]) -> list[list[Fact]]:
    """The parts cut where a semicolon stands between two of them; one group when the text does not show them in
    order."""
    groups: list[list[Fact]] = [[parts[0]]]
    pos = text.find(parts[0].clause)
    if pos < 0:
        return [parts]
    end = pos + len(parts[0].clause)
    for prev, part in pairwise(parts):
        if part.clause == prev.clause:  # two figures of one clause ("副高9人、中级职称34人")
            groups[-1].append(part)
            continue
        at = text.find(part.clause, end)
        if at < 0:
            return [parts]
        if _GROUP_BREAK.search(text, end, at):
            groups.append([part])
        else:
            groups[-1].append(part)
        end = at + len(part.clause)
    return groups


#: Measure words that count anything ("10个项目", "5项制度"): a part counts the same thing only if it names it.
_ANY_THING = ("个", "项")
_NOUN = lazy_compile(r"\s*([\u4e00-\u9fff]+)")
#: A part one of which a whole holds several ("子项目", "下属单位"): no kind of the whole's thing.
_SUB_UNIT = lazy_compile(r"^(?:子|分|下属|所属|下设)")


def _a_kind_of(total: Fact, part: Fact) -> bool:
    """A lone part counted in 个/项 names a kind of the total's thing: its name ends in the thing's head noun (last
    character) — of the noun after the total's figure, or else of the total's name ("全镇辖15个村,其中贫困村20个",
    "项目10个,其中重点项目15个") — and is no sub-unit (子项目). Counts in any other unit (人, 户, 件) count one kind."""
    if total.quantity.unit not in _ANY_THING:
        return True
    after = _NOUN.match(_around(total)[1])
    thing = after.group(1) if after else compact_name(total.subject)
    named = _NOUN.match(_around(part)[1])
    name = compact_name(part.subject) + (named.group(1) if named else "")
    sub = _SUB_UNIT.search(named.group(1) if named else compact_name(part.subject))
    return bool(thing) and name.endswith(thing[-1]) and not sub


def _lone_part(run: _Run, pi: int, ref: TextRef | CellRef, total: Fact, part: Fact) -> None:
    """A count's one 其中 part, right after it, that alone exceeds it ("在职人数239人,其中在岗人数249人", real reports
    31): no category of a whole counts more than the whole, overlapping or not — certain (错误). Only right after its
    total (as money's lone part, funds_arith `_lone_part_of`), never a quota (编制 may be exceeded), a target, last
    year's, a change, a result or a figure beside the list."""
    if part.index != total.index + 1 or not (_plain(total) and _plain(part)):
        return
    if not _same_unit(part.quantity.unit, total.quantity.unit) or not _over([part], total):
        return
    words = total.subject + _around(total)[0]
    if _QUOTA.search(words) or (_STAFF_QUOTA.search(words) and total.quantity.unit in _PEOPLE):
        return
    if _TARGETED.search(words):
        return  # "计划培训学员50人,其中实际培训60人": a plan may be exceeded
    head = _around(part)[0]
    if _NOT_A_PART.search(part.subject + head) or _ACTION.search(part.subject) or _BESIDE.search(head):
        return  # "其中累计帮扶120户", "其中考核合格…": over years, or a result — no category of this year's whole
    if _NO_CATEGORY.search(part.subject + head):
        return  # "其中近五年共招录80人", "其中2023年在职50人", "其中办结320件": another period's, or a result
    if not _a_kind_of(total, part):
        return  # "共实施10个项目,其中15个子项目", "共有医疗机构10个,其中床位150个": another thing counted
    if any((pi, f.index) in run.contradicted for f in (total, part)):
        return
    name = f"{_part_name(part)} {part.quantity.text}"
    by_place = _paired_by_place(total, [part])
    _report(
        run,
        pi,
        ref,
        total,
        what=f"“{_name(total)}”的“其中”一项（{name}）超过了总数",
        what_en=f"one 其中 part of {total.subject} over the total",
        expected=f"不少于 {part.quantity.text}",
        certainty=Certainty.JUDGEMENT if by_place else Certainty.CERTAIN,
        shown=f"“其中”一项 {name}",
        why="（“其中”所列的一项不能超过总数）" + by_place,
        basis_en=f"one part {name} exceeds the total {total.quantity.text}"
        + ("; the total ends the paragraph before, paired by place" if by_place else ""),
    )


def _named_split(
    run: _Run, pi: int, ref: TextRef | CellRef, total: Fact, parts: list[Fact], dimension: _Dimension
) -> None:
    """Parts of a named disjoint dimension against their total (`_Dimension`)."""
    if any((pi, f.index) in run.contradicted for f in (*parts, total)):
        return
    point = sum((p.quantity.value for p in parts), Decimal(0))
    if point == total.quantity.value:
        return
    over = point > total.quantity.value
    by_place = _paired_by_place(total, parts, dimension)
    names = " + ".join(f"{_part_name(p)} {p.quantity.text}" for p in parts)
    expected = _show(point, total.quantity.unit)
    counted = _COUNTED_NOUN.match(total.clause[total.clause.find(total.quantity.text) + len(total.quantity.text) :])
    by_status = dimension in (_BY_STATUS, _BY_RETIREMENT)
    name = counted.group(0) if counted and not by_status else _name(total)  # "共有18个内设机构"
    _report(
        run,
        pi,
        ref,
        total,
        what=f"“{name}”的各组成部分之和（{names}）" + ("超过了总数" if over else "少于总数"),
        what_en=f"parts of {name} {dimension.what_en}",
        expected=expected,
        certainty=Certainty.CERTAIN if over and not by_place else Certainty.JUDGEMENT,
        shown=f"{names} = {expected}",
        why=(dimension.over if over else dimension.short) + by_place,
        basis_en=f"{names} = {expected}, the total says {total.quantity.text}"
        + ("" if over else dimension.short_en)
        + ("; the total ends the paragraph before, paired by place" if by_place else ""),
    )


#: The noun a headcount names its people by ("现有职工", "在职人数", "实有人员"): a carried total and its parts tied by it.
_PEOPLE_NOUN = lazy_compile(r"人员|职工|干部|人数|员工")
#: The noun a money total names its kind by ("基本支出", "财政拨款收入", "项目资金"): the same tie for money (prose30).
_MONEY_NOUN = lazy_compile(r"支出|收入|经费|资金|拨款|投资")
#: A noun's kin a part may name instead: an appropriation and 其他资金 are 收入 (the 部门决算's 收入 = 财政拨款收入 +
#: 其他资金), 人员经费/公用经费 are 支出.
_NOUN_KIN = {"收入": ("收入", "拨款", "资金"), "支出": ("支出", "经费")}


def _paired_by_place(total: Fact, parts: list[Fact], dimension: _Dimension | None = None) -> str:
    """The note saying a count or money total ending the paragraph before heads this paragraph's 其中 list only by place
    ("现有职工100人。" ¶ "其中在职人员80人,退休人员30人。": an Enter between them, the list may go on from anything before —
    a guess, so a judgement), or "" when not carried or when the words tie them: each part names the total's own noun
    ("现有职工…" ¶ "其中在职职工…,退休职工…"; "支出1000万元。" ¶ "其中:基本支出…,项目支出…") or 离休 and 退休 make the
    离退休 total by its name (株洲 2024 p51 split at its 其中). A money total's rivals (the other wholes of its sentence,
    `Fact.rivals`) tie the list alike: "收入1200万元，支出1000万元。" ¶ "其中：财政拨款收入…" is of one of them by its words."""
    if not total.carried or dimension is _BY_RETIREMENT:
        return ""
    noun = _MONEY_NOUN if total.quantity.is_money else _PEOPLE_NOUN
    for whole in (total, *total.rivals):
        nouns = noun.findall(compact_name(whole.subject))
        kin = _NOUN_KIN.get(nouns[-1], (nouns[-1],)) if nouns else ()
        if kin and all(any(k in compact_name(p.subject) for k in kin) for p in parts):
            return ""
    return f"（总数“{total.quantity.text}”在上一段末尾，“其中”在本段开头，两者仅按位置配对，请核实）"


def _name(fact: Fact) -> str:
    """A fact's name for a message: its subject as written, else its role's name, else 总数."""
    return fact.subject or fact.label or "总数"


def _part_name(part: Fact) -> str:
    """A part's name for a message, without the word that opened its bracket ("（含派出法庭2个…" → 派出法庭, review13n)."""
    return _OPENER.sub("", part.subject) or part.subject


_OPENER = lazy_compile(r"^(?:含有|含|包括|包含|其中)")


def _counted(total: Fact) -> str:
    """A count's name for a message: the noun right after it ("本院共有20个内设机构": not "本院共"), else its subject,
    else 总数."""
    noun = _COUNTED_NOUN.match(_around(total)[1])
    return noun.group(0) if noun else total.subject or "总数"


#: What opens a bracket of parts, right before its first count ("（含2个派出法庭", "（其中：3个…"), and what stands
#: between two of them ("、15个业务庭").
_BRACKET_OPENS = lazy_compile(r"[（(]\s*(?:含有|含|包括|包含|其中)?\s*[:：]?\s*$")
_BETWEEN_PARTS = lazy_compile(r"\s*[、，,和及]\s*")
#: The noun right after a count written before it ("2个派出法庭、"), up to the next separator or the bracket's end.
_NOUN_AFTER = lazy_compile(r"[\u4e00-\u9fff]{1,12}(?=[、，,；;）)和及]|$)")


def _named_after(total: Fact, parts: list[Fact]) -> list[Fact]:
    """The parts renamed by the nouns after their counts when a bracket writes each count before its noun
    ("20个内设机构（含2个派出法庭、15个业务庭、6个综合部门）": the facts name each count by the words before it — 含,
    派出法庭, 业务庭 — one noun off, review13n); else the parts as they are."""
    clause = parts[0].clause
    if any(p.clause != clause for p in parts):
        return parts
    pos = clause.rfind(total.quantity.text) + len(total.quantity.text) if total.clause == clause else 0
    named = []
    for k, p in enumerate(parts):
        at = clause.find(p.quantity.text, pos)
        while at > 0 and clause[at - 1] in "0123456789.":  # "5个", not the 5个 of "15个"
            at = clause.find(p.quantity.text, at + 1)
        lead = clause[pos:at] if at >= 0 else ""
        if at < 0 or not (_BRACKET_OPENS.search(lead) if k == 0 else _BETWEEN_PARTS.fullmatch(lead)):
            return parts
        noun = _NOUN_AFTER.match(clause, at + len(p.quantity.text))
        if noun is None:
            return parts
        named.append(dataclasses.replace(p, subject=noun.group(0)))
        pos = noun.end()
    return named


def _quota_by_kind(parts: list[Fact]) -> bool:
    """A quota split into quotas ("核定的编制人数为65人(其中行政编制30人,事业编制35人)", 沅陵 火场乡 2024, reports33): every
    part is itself a 编制 — the parts share the quota out, so they are held to it (not the staff, who may exceed it)."""
    return len(parts) >= 2 and all(_STAFF_QUOTA.search(p.subject) for p in parts)


def _guessed_split(
    run: _Run, pi: int, ref: TextRef | CellRef, facts: tuple[Fact, ...], text: str, total: Fact, children: list[Fact]
) -> None:
    """A count whose parts, read as disjoint by a guess, exceed it — or, for levels, whose one level does (警告)."""
    if not total.quantity.is_count or not _plain(total) or (pi, total.index) in run.contradicted:
        return
    words = total.subject + _around(total)[0]
    unit = total.quantity.unit
    parts = [f for f in children if _same_unit(f.quantity.unit, unit)]
    if (_QUOTA.search(words) or (_STAFF_QUOTA.search(words) and unit in _PEOPLE)) and not _quota_by_kind(parts):
        return
    if len(parts) < 2:
        return
    renamed = _named_after(total, parts)
    # counts written before their nouns name their categories after them: the nouns differ by design, not things
    things = set() if renamed is not parts else _things(total, parts)
    parts = renamed
    if not all(_plain(p) and not _NOT_A_PART.search(p.subject) for p in parts):
        return
    if any(_BESIDE.search(_around(p)[0]) for p in parts) or len(things) > 1:
        return
    if _other_things(total, parts) or _second_qizhong(parts) or _a_series(total, parts):
        return
    if len(parts) > 2 and _x_and_non_x(parts):
        return  # X and 非X are the whole: a third part falls in one of them ("…,聘用制书记员10人")
    if _SAID_TO_OVERLAP.search(_sentence_of(text, total)):
        return
    levels = all(_LEVEL.match(p.subject) for p in parts)
    if not levels and (any(_ACTION.search(p.subject) for p in parts) or _may_overlap(parts)):
        return
    if not _closed(facts, parts, text) or any((pi, p.index) in run.contradicted for p in parts):
        return
    if _makes_another(run, pi, facts, total, parts):
        return
    how = _listed_how(total, parts[0], text)
    if levels:
        over = [p for p in parts if _over([p], total)]
        if not over:
            return
        names = "、".join(f"{_part_name(p)} {p.quantity.text}".strip() for p in over)
        what = f"“{_counted(total)}”的{how}所列一个层级（{names}）超过了总数"
        expected = f"不少于 {over[0].quantity.text}"
        why = "（各级指标层层细分，每一级的个数都不能超过总数）"
        why_en = "levels of one tree nest: no level may count more than the whole"
    else:
        if not _over(parts, total):
            return
        point = sum((p.quantity.value for p in parts), Decimal(0))
        names = " + ".join(f"{_part_name(p)} {p.quantity.text}".strip() for p in parts)
        what = f"“{_counted(total)}”{how}所列各项之和（{names}）超过了总数"
        expected = _show(point, unit, max(p.quantity.places for p in parts))
        why = f"（{how}所列各类按互不重叠读取；若各类有交叉，如一人同属两类，也可能相符，请核实）"
        why_en = "the categories are read as disjoint; overlapping ones could still fit, a person must check"
    _report(
        run,
        pi,
        ref,
        total,
        what=what,
        what_en=f"parts of the count {_counted(total)}",
        expected=expected,
        certainty=Certainty.JUDGEMENT,
        shown=names,
        why=why,
        basis_en=f"{names}; the total says {total.quantity.text} ({why_en})",
    )


def _report(
    run: _Run,
    pi: int,
    ref: TextRef | CellRef,
    total: Fact,
    *,
    what: str,
    what_en: str,
    expected: str,
    certainty: Certainty,
    shown: str,
    why: str,
    basis_en: str,
) -> None:
    """The one N02 of a count split: the parts as shown, the total as written and why they cannot both hold; the total
    is marked so no later check says it again."""
    contradict(
        run,
        pi,
        ref,
        total,
        what,
        what_en,
        expected=expected,
        certainty=certainty,
        basis=f"{_where(ref)}：{shown}，而总数写 {total.quantity.text}{why}",
        basis_en=basis_en,
    )
