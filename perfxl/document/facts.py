"""Facts stated in a report's narrative: amounts with units (元/万元/亿元), percentages and counts
with measure words (家、人、个、项…), each with the subject and role it belongs to (预算/决算/占比/
完成预算的%/与上年相比增减), the "其中" totals they are part of, and claims that every target was met.

Pure: text in, facts out. Nothing here reads a file or a table; matching to tables is perfxl.rules.narrative's job.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Sequence
from dataclasses import field
from decimal import Decimal

from ..limits import Limits
from ..patterns import lazy_compile, opening
from ..records import record
from ..units import convert
from .subject_levels import SubjectLevels
from .vocabulary import (
    CLAIMS,
    CLOSED_KINDS,
    COUNT_UNITS,
    DECOMPOSITIONS,
    MEASURE_UNITS,
    MONEY_UNITS,
    RESULT_VERBS,
    SCALED_UNITS,
    SCORE_UNIT,
    claim_of,
)

__all__ = [
    "Quantity",
    "Fact",
    "GoalClaim",
    "StatedIndicator",
    "ParagraphFacts",
    "extract_facts",
    "readable",
    "sentences",
    "goal_claim",
    "stated_indicators",
    "compact_name",
    "ROLE_ZH",
    "SPLIT_OF_WHOLE",
    "RESPECTIVELY",
    "RESPECTIVE_SHARES",
    "TAKEN_OFF",
    "compared_base",
    "shares_name_their_whole",
]

#: roles of a fact, as messages name them
ROLE_ZH = {
    "value": "",
    "budget": "预算数",
    "final": "决算数",
    "previous": "上年数",
    "share": "占比",
    "completion": "完成预算的比例",
    "change": "与上年相比增减额",
    "change_rate": "与上年相比增减率",
}

_UNITS = sorted(
    (*MONEY_UNITS, *COUNT_UNITS, *MEASURE_UNITS, *SCALED_UNITS, "%", "％", "个百分点"), key=len, reverse=True
)
#: (Not after digits and one space: "1 500万元" that `join_digit_groups` left as written may be 1500 or two figures — never
#: the 500 alone, issue 11 item 7.)
_QTY = lazy_compile(
    r"(?<![\d.,第])(?<!\d[ \u00a0\u2009\u202f])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*("
    + "|".join(map(re.escape, _UNITS))
    + rf"|{SCORE_UNIT}(?![钟之别配期类局数值档])"  # 分钟, 三分之一, 分值 are no scores
    + r")(?![/／每]|(?<=个)月)"  # "1个月" is a time, not a count
)
#: Where a sentence ends: its mark, or a 其中 list glued to an item word broken before it ("…主要原因是减少新冠疫情防控
#: 经费支其中:财政拨款收入7548.19万元", 两路口 2024 p10: "支出。" lost) — a 支 after 费/金/款 ends no word, so the
#: "。" was lost with the 出 and the 其中 opens a sentence of its own (prose28b); after a whole word ("开支其中") it does not.
_SENTENCE = lazy_compile(r"[。！？!?\n]+|(?<=[费金款]支)(?=其中[:：])")
#: A note mark right after a figure's measure word ("在职45人（注）退休73人", "13家(注1)、", "100人①"): no part of the next
#: figure's name nor of the figure (docs14: "注退休人员" was a subject, "注其中…" lost its 其中 total).
#: So is a closed bracket of words without a figure ("100人（注：含临时人员）退休人员20人", "100人（含临时人员）退休…"):
#: the note is the count's, never the next count's name (docs15: the 20 was "含临时人员退休人员", no 退休人员).
_NOTE_AFTER_FIGURE = lazy_compile(
    r"^\s*(?:[(（\[【]\s*(?:详见|见)?(?:备注|注释|注)\s*[\d\u2460-\u24ff\u2776-\u2793]*\s*[)）\]】]"
    r"|[(（][^()（）\[\]【】\d]{1,40}[)）]"
    r"|[\u2460-\u24ff\u2776-\u2793※]+)"
)
#: A bracketed note's own label ("（注：含临时人员5人）"): the note's words are what it says — "（注：含…5人）" details the
#: count before it as "（含…5人）" does (a part, never the total), so the label is dropped before the note is read.
_NOTE_LABEL = lazy_compile(
    r"([(（\[【])\s*(?:备注|注释|注)\s*[\d\u2460-\u24ff\u2776-\u2793]*\s*[:：]\s*", needs=("注",)
)
#: A comparison closed by 持平 before the next item's name, its full stop dropped ("与上年持平公务接待费预算数为…"): no
#: word of the figure after it (read with it, the 公务接待费's 预算数 was last year's figure — gaps16).
_SAME_AS_BEFORE = lazy_compile(
    r"^[\s，,]*(?:与|和|同|比|较)(?:上年|去年|上一年|上年度|(?:19|20)\d{2}年度?)(?:决算数?|预算数?|同期)?(?:相比)?"
    r"[\s，,]*(?:基本)?持平[\s，,；;]*(?=[\u4e00-\u9fff“])(?!的)",
    needs=("持平",),
)
_PUNCT = lazy_compile(r"[\s“”\"'‘’（）()\[\]【】《》〈〉「」『』·•、—\-]+")
_LEAD = lazy_compile(
    r"^(?:其中|另有|另外|此外|全年|本年度?|今年|当年|一年来|截至\S{0,8}?|\d{4}年(?:度|末|底|年末)?|年末|年底|年初|"
    r"全县|全市|全区|全州|全省|我县|我市|我区|本单位|我单位|单位|本部门|部门|核定|实际|共有|共|累计|经比较|经对比|"
    # the writer's own unit in the first person ("我局", "本中心", "我院", "我校": prose26) — the report's own, no other's
    r"[我本](?:局|中心|委|办|院|校|所|站|队|馆|处|厅|镇|乡|街道|公司))+",
    needs=opening("其另此全本今当一截年我单部核实共累经", digit=True),
)
_ROLE_TAIL = lazy_compile(
    r"(?:财政拨款)?(?:支出)?(预算(?:数|安排)?|决算(?:支出)?数?)(?:为|是|达|达到)?$",
    needs=("预算", "决算"),
    keep_gate=True,
)  # "…经费预算安排5万元"; "…预算数为832.05万元,决算支出数为820.33万元" (云县 2023, real reports 18: the item's 决算)
#: Words ending a subject that are no part of its name: a sum's, "each" ("收、支总计各为1000万元"), a verb's, and the bound
#: or approximation words before the figure ("规模工业总产值突破240亿元", "增加值近66亿元": precision reads them from the clause).
#: The look-arounds before the run skip a start right after one of its words (or inside one): a match from there is
#: a match from the word before, so never the leftmost — the matches are the same, and a long run of them that does
#: not reach the end is tried from its first word only, not from each (quadratic, hyph23: a 20,000-"各" paragraph
#: took > 20 s in `extract_facts`).
_TAIL = lazy_compile(
    r"(?<![各为是达逾了有计])(?<!(?<![节制])约)(?<!(?<!附)近)(?<!(?<![赶])超)(?<!总额)(?<!达到)(?<!突破)(?<!超过)(?<!超出)"
    r"(?!(?<=[合总共])计|(?<=大)约|(?<=[接将])近)"
    r"(?:合计|总计|共计|总额|各|为|是|达到|达|(?<![节制])约|大约|(?<!附)近|接近|将近|突破|超过|超出|(?<![赶])超|逾|了|有|计)+$"
)
#: The low end of a range printed bare before the figure ("10-15家"): no part of the name.
_BARE_RANGE_LOW = lazy_compile(
    r"(?<![\d.])\d+(?:\.\d+)?\s*[-–—~～至到]\s*$",
    needs=("-", "–", "—", "~", "～", "至", "到"),
    keep_gate=True,
)
#: A figure whose own words are only a sum word ("人员经费…，公用经费…，合计886.12万元"): the sum of the figures
#: before it, not one more figure of the subject before (公用经费) — also when it names the money as allotted, as its
#: parts are ("下达中央财政资金30.9万元,县财政资金30.9万元,共计下达61.8万元", 旌德 2021, reports37; not 支出/拨付,
#: which may be less than the money listed).
_SUM_ONLY = lazy_compile(
    r"^[，,、；;\s]*(?:(?:[两二三四五六七八九十\d]+项|[二三]者|以上|上述|以上各项)?(?:合计|总计|共计))(?:下达|安排)?[为是达]?$",
    needs=("计",),
)
#: Claims whose own name ends in 支出 (基本支出, 项目支出): "基本支出决算数" keeps its 支出.
_SPENDING_PARTS = ("basic_expense", "project_expense")
_UP = ("增加", "增长", "提高", "上升", "上涨", "增幅", "多", "超支")
_DOWN = ("减少", "下降", "降低", "降幅", "减", "少", "节约")
#: A growth rate compared with another ("增幅较上年提高5%", "增幅比上年回落2%", "增速同比提高"): a change of the rate.
_RATE_COMPARED = lazy_compile(r"(?:增幅|降幅|增速|增长率|下降率|幅度)\S*?(?:[比较](?:上|去)一?年|同比|高于|低于)")
#: (also a named year: "较2017年增加741.79万元" is the change on 2017's figure, as "较上年增加…"; and its 决算数: "较2020年度
#: 决算数减少175.26万元", a 梧州 2021 决算 说明, real reports 14)
#: ("与上年对比减少24.55万元", "对比上年增加": 对比 as 相比, 英德 2016, real reports 30.)
#: And the budget the spending is measured against ("比预算减少", "较年初预算节约", "与预算相比增加": docs15 — read as a
#: figure "比预算减少" of its own, whose name then passed to the figures after it): a change, whose `against` says which.
#: ("比2024年单位预算收入增加62.15万元": the year's budget named with its unit and side — real reports 32)
_CHANGE_CUE = lazy_compile(
    r"(比上年|较上年|与上年(?:同期)?(?:相比|对比)|同比|比去年|较去年|与去年(?:同期)?(?:相比|对比)|比上年度|较上年度"
    r"|对比(?:上年|去年|上年度)|(?:比|较)(?:19|20)\d{2}年度?(?:同期)?(?:(?:单位|部门)?(?:决算|预算)(?:收入|支出)?)?数?"
    r"(?=[增减下上提降多少])"
    r"|与(?:19|20)\d{2}年度?(?:同期)?(?:决算|预算)?数?(?:相比|对比)"
    r"|(?:比|较)(?:年初|调整后?|全年)?预算数?(?=[增减下上提降多少节超])|与(?:年初|调整后?|全年)?预算数?相比)",
    needs=("比", "较", "与"),
    keep_gate=True,
)
#: What a change or its rate is measured against, as the words since the figure before it name it: "与2021年预算相比
#: 减少", "比年初预算节约" (the budget) or "较上年下降", "与上年相比的增减率为", "比2020年增加", "同比下降" (last year,
#: or a year).
#: The gap between the year's outturn and its budget told as a comparison ("决算数大于预算数30万元", "决算数小于年初预算
#: 12.5万元"): a change against the budget (as "比预算增加30万元"), not a budget of 30 — read as one, a later 其中's
#: parts were held to it (review25r: "占…的比例（120万元 / 30万元）应为 400%", a false N02 错误).
_BUDGET_GAP = lazy_compile(
    r"(?P<up>大于|多于|高于|超过|超出)?(?P<down>小于|少于|低于)?(?:年初|调整后?|全年)?预算数?\s*(?:为|是)?\s*$",
    needs=("预算",),
)
_AGAINST_WHAT = lazy_compile(
    r"(?P<same>同)?(?:比|较|与|对比)(?P<base>[^，,。；;：:\d]{0,12}?|(?:19|20)\d{2}年度?[^，,。；;：:\d]{0,8}?)"
    r"(?:相比|相较)?[，,\s]*(?:的)?(?:增减率|增减额|增减|增加|减少|增长|下降|提高|降低|节约|超支|超出|增收|减收|增支|减支)"
)
_GOAL = lazy_compile(
    r"(目标|指标|任务)[^。；;，,]{0,8}?(均|全部|都|全面|悉数)(?:已|以|己)?(?:经)?(完成|达成|实现|达到|完成了)",
    needs=("完成", "达成", "实现", "达到"),
)
#: A group of indicators named right before the claim's 指标/目标 ("数量指标均已完成", "满意度目标全部实现"): the 一级 or
#: 二级 指标 of the national 自评表 (财预〔2020〕10号 附件), the claim is about that group's rows only.
_GOAL_SCOPE = lazy_compile(
    r"(产出|效益|满意度|数量|质量|时效|成本|经济效益|社会效益|生态效益|可持续影响|服务对象满意度)$"
)
#: A weaker claim: the targets were completed "as planned" (按照计划完成目标), not "all" of them: a judgement.
_GOAL_AS_PLANNED = lazy_compile(
    r"(?:已|己)?按(?:照)?计划完成(?:了)?(?:各项|全部)?(?:绩效)?(目标|任务)", needs=("计划",), keep_gate=True
)
_NEGATION = lazy_compile(r"(除|未|没有|尚未|部分|不能|无法|没能|其余|其他|其它)")  # … or only "the rest" were met
#: In the claim's own clause, words that make it no statement of a result: an intention ("确保各项绩效目标全部
#: 完成", not "确保了"), a question ("核查是否全部完成") or a hindrance ("影响了项目按计划完成目标任务").
_NOT_A_RESULT = lazy_compile(r"(确保(?!了)|保证(?!了)|力争|争取|以便|为了|将要|将会|必须|是否|影响|推动|推进|促进)")
#: A sentence about what comes next ("下一步，我局将…，保证各项绩效目标全部完成"): no result either.
_PLAN = lazy_compile(r"(下一步|今后|明年|下一年度?)")
#: Work about the targets, not the targets: "绩效目标编报工作已全部完成".
_TARGET_WORK = lazy_compile(r"(编报|编制|申报|填报|设定|评价|自评|工作(?!任务))")  # "目标和工作任务" are targets
#: An indicator stated in the text with its target and actual, the way 自评报告 list them
#: ("燃油补贴人次数年初指标值为不低于180人,全年实际完成值164人").
_VALUE = r"(?:[^，,。；;]|(?<=\d),(?=\d{3}(?!\d)))"  # a value's text; "1,150" keeps its thousands separator
_STATED = lazy_compile(
    rf"(?P<name>[^，,。；;：:]{{2,40}}?)(?:年初|年度)?(?:指标值|目标值)(?:为|是)?(?P<target>{_VALUE}{{1,24}}?)[，,]\s*"
    rf"(?:全年)?实际完成值(?:为|是|达到|达)?(?P<actual>{_VALUE}{{1,24}})"
)


@functools.lru_cache(maxsize=8192)
def compact_name(text: str) -> str:
    """A subject without spaces, quotes, brackets and list marks: “三公”经费 → 三公经费, 因公出国（境）费 → 因公出国境费.
    Kept per text: a report's checks ask it ≈ 540 times a report of the same few hundred prefixes (perf30p)."""
    return _PUNCT.sub("", text or "")


@record(frozen=True, slots=True)
class Quantity:
    """A number as printed with its unit: `places` decimals were printed, so it stands for any value
    in [value − step/2, value + step) (rounded half up or truncated)."""

    value: Decimal
    unit: str
    places: int
    text: str

    @property
    def step(self) -> Decimal:
        return Decimal(1).scaleb(-self.places)

    @property
    def is_money(self) -> bool:
        return self.unit in MONEY_UNITS

    @property
    def is_percent(self) -> bool:
        return self.unit == "%"

    @property
    def is_count(self) -> bool:
        """A count of things (exact: "4个" is no 4.9 cut short); "10.8万人次" is a measure."""
        return self.unit in COUNT_UNITS

    @property
    def is_measure(self) -> bool:
        """A quantity of an indicator's kind that is no exact count: 公里, 万亩, 万人次 …"""
        return self.unit in MEASURE_UNITS or self.unit in SCALED_UNITS


@record(frozen=True, slots=True)
class Fact:
    """One figure of the narrative: `subject` as written (compacted), `claim` its canonical name ("" for an
    indicator-like subject), `role` (see ROLE_ZH), `direction` +1/−1 for an increase/decrease, `parent` the
    index (in its paragraph's facts) of the "其中" total it is part of, `of` the fact a share/completion
    rate is computed from. `clause` is the text around it, for messages."""

    paragraph: int
    index: int
    subject: str
    claim: str
    role: str
    quantity: Quantity
    clause: str
    direction: int = 0
    parent: int | None = None
    of: int | None = None
    sentence: int = 0  # which sentence of the paragraph (。！？) it stands in
    listed_by: str = ""  # the words that made it a part when not 其中: "一是…二是…" after "区直文博系统项目有"
    base: int | None = None  # a change's stated base ("较上年2.54万元下降…", "比年度目标12家多8家"): its index
    carried: bool = False  # the previous paragraph's total, copied to head a paragraph that opens with its 其中 list
    #: what a change or its rate is measured against, as the words since the figure before it name it ("比预算减少":
    #: "budget"; "较上年下降", "比2020年增加": "year"; "" when they name none — a rate right after its change is that
    #: change's). A change on last year is never a gap to the budget, nor the reverse (docs15).
    against: str = ""
    rivals: tuple[Fact, ...] = ()  # a carried total's: the other money wholes of its sentence the list may be of
    #: the money unit read for a change printed without one ("收支较上年减少484.05,降低11.1%": the unit of the paragraph's
    #: figures before it, prose28b), or the 元 of funds printed "60万" (reports38): every finding resting on it is a 警告
    #: that says so; "" when printed
    unit_assumed: str = ""

    @property
    def label(self) -> str:
        return f"{self.subject}{ROLE_ZH.get(self.role, '')}" if self.role not in ("value",) else self.subject


@record(frozen=True, slots=True)
class GoalClaim:
    """A sentence saying every target was met ("以上目标均已完成", also the typo "均以完成"); `all_stated`
    False for the weaker "已按照计划完成目标", which a person reads as a claim about every target."""

    paragraph: int
    text: str
    all_stated: bool = True
    scope: str = ""  # a group of indicators the claim names ("数量指标均已完成"): only that group's rows are claimed


@record(frozen=True, slots=True)
class StatedIndicator:
    """An indicator the text states with its target and actual ("…年初指标值为不低于180人,全年实际完成值164人")."""

    paragraph: int
    name: str
    target: str
    actual: str


@record(frozen=True, slots=True)
class ParagraphFacts:
    paragraph: int
    facts: tuple[Fact, ...] = ()
    goal: GoalClaim | None = None
    indicators: tuple[StatedIndicator, ...] = ()


def goal_claim(text: str, paragraph: int = 0) -> GoalClaim | None:
    """The "all targets met" sentence of `text`, unless it is negated or qualified (除…外, 未, 部分)."""
    for pattern, all_stated in ((_GOAL, True), (_GOAL_AS_PLANNED, False)):
        for sentence in _SENTENCE.split(text):
            m = pattern.search(sentence)
            if m is None or _NEGATION.search(sentence[: m.end()]) or _TARGET_WORK.search(m.group(0)):
                continue
            clause = _CLAUSE.split(sentence[: m.end()])[-1]  # the claim's own clause, up to its end
            if not _NOT_A_RESULT.search(clause) and not _PLAN.search(sentence[: m.start()]):
                scope = _GOAL_SCOPE.search(sentence[: m.start(1)])
                return GoalClaim(paragraph, sentence.strip(), all_stated, scope[1] + "指标" if scope else "")
    return None


def stated_indicators(text: str, paragraph: int = 0) -> tuple[StatedIndicator, ...]:
    """The indicators `text` states with a target and an actual, in order (names compacted, values as written)."""
    if not text or "实际" not in text:  # both forms state "…实际…" (实际完成值, "，实际…为"): nothing to find
        return ()
    matches = list(_STATED.finditer(text))
    found = [(m.start(), m["name"], m["target"], m["actual"]) for m in matches]
    found += _directed_indicators(text, [m.span() for m in matches])
    out = []
    for _, raw, target, actual in sorted(found):
        name = re.sub(r"^(?:第[一二三四五六七八九十\d]+|\d+[、.]|[(（]?[一二三四五六七八九十\d]+[)）、])", "", raw)
        out.append(StatedIndicator(paragraph, compact_name(name), target.strip(), actual.strip()))
    return tuple(out)


#: The other way 自评报告 state an indicator: its name, a target with its direction, then "实际…" and the actual
#: ("飞机飞行时长≥928小时,实际飞行时长909.93小时", "满意度需达到80%以上,实际满意度为90%", "受害率需控制在1‰以内,实际…
#: 为0.038‰"). Only a target whose direction is written (≥/≤/不低于/不超过… before it, 以上/以下/以内 after it) is read.
_OPERATOR = r"(?:≥|≤|＞|＜|>=|<=|>|<|不低于|不少于|不高于|不超过|不多于|大于等于|小于等于)"
_NUMBER = r"(?<![\d.])\d+(?:\.\d+)?"
_STATED_DIRECTED = lazy_compile(
    rf"(?P<name>[^，,。；;：:≥≤><]{{2,40}}?)(?:需|应|要)?(?:达到|控制在|保持在)?"
    rf"(?P<target>{_OPERATOR}\s*{_NUMBER}\s*[^\d，,。；;\s]{{0,10}}?|{_NUMBER}\s*[^\d，,。；;\s]{{0,10}}?(?:及以上|以上|以下|以内))"
    rf"[，,]\s*实际(?:[^\d，,。；;]{{0,14}}?)(?:为|是|达到|达)?(?P<actual>{_NUMBER}\s*[^\d，,。；;\s]{{0,10}})(?=[，,。；;\s]|$)"
)


def _directed_indicators(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, str, str, str]]:
    """(start, name, target, actual) of each indicator stated the directed way, outside the spans already read."""
    out = []
    for m in _STATED_DIRECTED.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        out.append((m.start(), m["name"], m["target"], m["actual"]))
    return out


def _places(fraction: str | None) -> int:
    return len(fraction) if fraction else 0


#: A minus sign right before a change's figure ("同比增长-13.17%", "增加-0.79万元"): the other way than its word says.
_MINUS = lazy_compile(r"[-－−]\s*$")


def _direction(text: str) -> int:
    for w in _DOWN:
        if w in text:
            return -1
    for w in _UP:
        if w in text:
            return 1
    return 0


@record()
class _Enumeration:
    """ "区直文博系统12774万元。区直文博系统项目有：一是…9378万元…二是…5009万元": items opened by ordinal markers
    (一是/二是…, or （一）/（二）…) after a head naming the total just stated; each item's figures, by fact index."""

    total: int
    style: str  # "是" or "()"
    head: str
    items: list[list[int]] = field(default_factory=list)
    broken: bool = False  # an ordinal out of sequence: not the list it seemed


@record()
class _State:
    subject: str = ""
    role: str = ""
    facts: list[Fact] = field(default_factory=list)
    parent: int | None = None  # index of the total of a running "其中" list
    last_total: int | None = None
    listed_by_wei: str = (
        ""  # the words ("为", "分别为") that opened the running list "…万元,为A…,B…"; ends at a semicolon
    )
    depth: int = 0  # brackets open before the current clause: "（人员经费…、公用经费…）" details a part
    inner_parent: int | None = None  # the figure before the brackets, when they open with 其中 (its parts)
    sentence: int = 0
    subject_sentence: int = -1  # the sentence `subject` was named in
    tail: str = ""  # the text since the last figure (across clauses and sentences)
    # the rest of the sentence after the current clause (`ahead`), joined only when asked: joined at every clause it was
    # quadratic in a sentence's clauses ("增长1.5%，" × 20,000: 5 s of the 14, sec24a)
    pieces: list[str] = field(default_factory=list)
    pieces_after: int = 0
    joined_ahead: str | None = None
    base: int | None = None  # the stated base of a comparison in this sentence, for the changes after it
    base_year: str = ""  # the year naming `base` when a year pair set it ("2023年度支出300万元" after 2024's): else ""
    inline_budget: int | None = None  # "完成预算27万元的63.2%": the budget printed inside its rate's words
    enumeration: _Enumeration | None = None  # the running "一是…二是…" list of a total's parts
    enumerations: list[_Enumeration] = field(default_factory=list)
    instalments_of: int | None = None  # the amount a running "分别于…第一笔…,…第二批…" list splits
    detailing: int | None = None  # the list a part's colon interrupted ("其中财政拨款950万元:基本支出…"), back at ；
    statement_from: int = -1  # the index the facts after the last semicolon start at (a count part opening a statement)
    split_by: str = ""  # "按支出功能分": the parts after it split the whole another way (a list apart)
    # the figure a closed "（其中…）" detailed: a change stated right after the bracket is that figure's ("公车购置及运行费
    # 995万元(其中购置费38万元,运行费958万元),比上年决算数下降26.24%", 衢江 2016), not the last part's
    closed_detail: int | None = None
    # the last figure outside brackets: a 其中 after "…),比上年增加5000万元(上年329959万元),其中," follows the change, not
    # the figure in its bracket (`_qizhong_total`)
    outside: int | None = None
    # inside a bracket opened with 含/包括 ("30.8万元(含公务接待费预算14.8万元,公务用车运行维护费预算16万元)"): every figure
    # in it details the one before the bracket and names no figure after it, not only the first (review29n)
    in_detail: bool = False
    # a change's reason told in this sentence ("…下降12.5%,主要原因是2022年有疫情防控经费29.01万元"): the facts' count when
    # its words began, and the total before them — the reason's money is no total a later 其中 splits (`_end_reason`)
    reason_at: int | None = None
    reason_from: int | None = None
    levels: SubjectLevels = field(default_factory=SubjectLevels)  # the value/final facts by subject
    # a subject naming two items for one figure ("收、支总计均") → the first item's fact: a change after it is of both
    twins: dict[str, int] = field(default_factory=dict)
    # the last "previous" fact's place and level, and the last one before it of another level: whether last year's
    # figure of another level follows a level is asked in O(1), not by a walk after it (review24r's share rule)
    last_previous: int = -1
    last_previous_of: int | None = None
    other_previous: int = -1

    def previous_of_another_after(self, of: int) -> bool:
        """Whether a "previous" fact placed after the level at `of` belongs to another level (or to none)."""
        if self.last_previous <= of:
            return False
        return self.last_previous_of != of or self.other_previous > of

    @property
    def ahead(self) -> str:
        """The rest of the sentence after the current clause."""
        if self.joined_ahead is None:
            self.joined_ahead = "".join(self.pieces[self.pieces_after :])
        return self.joined_ahead

    def add(self, fact: Fact) -> None:
        """Append a fact, indexing it if it is a level."""
        self.levels.add(len(self.facts), fact)
        if fact.role == "previous":
            if fact.of != self.last_previous_of:
                self.other_previous = self.last_previous
            self.last_previous, self.last_previous_of = len(self.facts), fact.of
        self.facts.append(fact)


#: Claims for the department's own totals: a bare "支出" after them is the department's, not an item's
#: (after 基本支出/项目支出 it is theirs: "项目支出预算…，实际支出…" is the 项目支出's 决算).
_DEPARTMENT_TOTALS = ("income", "expense")


#: A list number opening a paragraph or item ("(二)", "1.", "3、", "二、"): not part of the subject.
_ITEM_NUMBER = lazy_compile(
    r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}、|\d{1,2}[.．](?:(?!\d)|(?=(?:19|20)\d{2}年))"
    r"|[一二三四五六七八九十]{1,3}、|[一二三四五六七八九十]是(?=[\u4e00-\u9fff]))",
    needs=opening("（(一二三四五六七八九十", digit=True, space=True),
)


#: The words before a figure that only say whom it was for ("为7680名…", "向…"): its noun follows it.
_FOR = lazy_compile(r"(?:共|累计)?(?:为|向|对|给)")
#: A clause stating an actual after a target ("…目标≥95%，实际92%", "实际完成326公里", "实际资助4536人").
_ACTUAL_AFTER_TARGET = lazy_compile(r"^实际")
#: Words before a figure that make it a target.
_TARGET_WORDS = lazy_compile(r"(目标|指标值|计划)")
#: The end of a subject naming a target ("城镇污水集中处理率目标≥", "…年度目标"): the indicator's name is before it.
#: The look-behind starts an operator run only at its first mark: a run not at the end was tried from each of its marks
#: (quadratic, hyph23: ≈ 11 s for a 40,000-"≥" paragraph); the matches are the same.
_TARGET_TAIL = lazy_compile(
    r"(?:(?:年度|年初)?(?:绩效)?(?:目标值?|指标值)(?:为|是)?)?(?<![≥≤><＞＜=])[≥≤><＞＜=]+$"
    r"|(?:年度|年初)?(?:绩效)?目标值?(?:为|是)?$",
    needs=("≥", "≤", ">", "<", "＞", "＜", "=", "目标"),
    keep_gate=True,
)


def _after_its_target(state: _State, qty: Quantity) -> bool:
    """The figure before, in this sentence, was a target ("…目标≥4300人") of the same kind of quantity (a rate after a
    rate, a count or measure after one)."""
    if not state.facts:
        return False
    last = state.facts[-1]
    if last.sentence != state.sentence or not _TARGET_WORDS.search(
        last.clause[: last.clause.rfind(last.quantity.text)]
    ):
        return False
    return last.quantity.is_percent == qty.is_percent and not last.quantity.is_money


def _names_nothing(subject: str, name: str) -> bool:
    """An actual's own words name nothing beyond the indicator before it: "" or a verb (完成, 达到), the 自评表's own
    column word ("实际完成值为40次": 完成值) or a word of its name ("资助" in 资助家庭经济困难学生人数)."""
    own = re.sub(r"^(?:完成|实现|达到|达|为|是)+(?:值|数)?", "", subject)
    return not own or own in name


#: What follows a cited document's title: its number in brackets or not ("(皖财环〔2022〕792号)", "(保财教2020180)") and
#: "文件规定/要求/精神" — a citation, not words naming the figure.
_CITATION_TAIL = lazy_compile(
    r"^[\s,，、]*(?:[（(][^（()）]*[)）])?[\s,，、]*(?:[\u4e00-\u9fff]{0,10}[〔\[［]\d{4}[〕\]］]\s*\d+号)?"
    r"[\s,，、]*(?:文件)?(?:规定|要求|精神)?(?:的)?"
)


def _after_citations(prefix: str) -> str:
    """The words before a figure after the last document it cites: "《关于下达…的通知》(保财教2020180)共下达…专项经费"
    names the 专项经费, not the notice (a figure inside an unclosed 《 keeps its words)."""
    if "》" not in prefix:
        return prefix
    return _CITATION_TAIL.sub("", prefix.rsplit("》", 1)[1])


#: Claims of money coming in — the year's 收入 and the balance brought forward into it (上年结转): a spending role after
#: one names the 支出 side of the books, not that money's own spending.
_MONEY_IN = frozenset({"income", "carried_over"})


#: Words that make a spending after money brought forward the year's own ("本年支出", "当年实际支出", "全年支出"), not the
#: brought-forward money's: "上年结转资金100万元，实际支出85万元" spends the 结转 (review round 16), "本年支出1000万元" is
#: the books' 支出.
_THIS_YEARS = lazy_compile(r"(?:本|当|全)年(?:度)?")


def _books_spending(state: _State, prefix: str) -> bool:
    """True when a bare spending role after the state's subject names the 支出 side of the books: after a 收入 ("收入决算
    1200万元，支出决算1000万元"), or after 上年结转 when it says the year's spending (`_years_spending_after_carry`); or
    opening its paragraph, nothing named before it ("支出预算328,661万元，其中：…", 普陀 建委 2026 p5 after p4's 收入预算):
    its subject was empty, the 支出 unpaired with its table."""
    claim = claim_of(state.subject)
    return (
        (claim == "income" or _part_of_income(state) or not (state.subject or state.facts)) and _spending_role(prefix)
    ) or _years_spending_after_carry(state, prefix)


def _part_of_income(state: _State) -> bool:
    """The state's subject was last printed as a 其中 part of a 收入 and a semicolon closed it ("收入决算500万元,其中上年结转
    20万元;支出决算480万元"): a bare 支出 after it is the books', as after the 收入 itself — not the part's (review29n: the 480 read as 上年结转's took
    the 其中 after it as its parts, an N02 错误)."""
    last = next((f for f in reversed(state.facts) if f.subject == state.subject), None)
    return (
        last is not None
        and last.parent is not None
        and state.facts[last.parent].claim == "income"
        and state.statement_from == len(state.facts)  # after a semicolon: ",其中上年结转20万元,支出15万元" may spend it
    )


def _years_spending_after_carry(state: _State, prefix: str) -> bool:
    """True when the state's subject is money brought forward (上年结转) listed after the year's 收入 in the same sentence
    and the words before the figure name the year's spending ("本年收入1200万元，上年结转200万元，本年支出1000万元"): the
    books' 支出, not the 结转's own ("实际支出85万元" after it spends the 结转). Without the 收入 the 结转 is the sentence's
    topic and "上年结转资金100万元，当年支出85万元，结转资金执行率85%" spends it: read as the books' 支出 it made a certain
    N01 错误 against the table's 支出合计 (review15)."""
    return (
        claim_of(state.subject) == "carried_over"
        and "支出" in prefix
        and _THIS_YEARS.search(prefix) is not None
        and any(f.claim == "income" and f.sentence == state.sentence for f in state.facts)
    )


def _spending_role(prefix: str) -> bool:
    """Words before a figure that are only a spending role ("，支出决算", "2023年度支出预算数为"): after an income it is a
    支出 of its own, not the income's (issue 11: "收入决算1200万元，支出决算1000万元" gave the 1000 the subject 收入); after
    an item ("因公出国（境）费支出预算为…，支出决算为…") it is that item's."""
    s = _LEAD.sub("", compact_name(_ITEM_NUMBER.sub("", prefix)).lstrip("，,、；;"))
    m = _ROLE_TAIL.search(s)
    return m is not None and "支出" in m.group(0) and not _LEAD.sub("", s[: m.start()])


#: A sum's word after a budget's or a spending's ("“三公”经费预算合计33.6万元", "支出决算数合计"): the role's word is before
#: it, so the subject's role is read without it (its subject was "三公经费预算", no claim, and the 其中 list went unheld).
#: 总额 the same ("“三公”经费预算总额为2.08亿元,其中:…", 济南 2014, real reports 31).
_SUM_AFTER_ROLE = lazy_compile(
    r"(?<=[算数])(?:合计|总计|共计|总额)(?:为|是|达到?)?$", needs=("合计", "总计", "共计", "总额"), keep_gate=True
)


#: The verb after an income's or a spending's name ("一般公共预算地方收入完成82876万元", "非税收入完成21553万元", 华容 2023,
#: real reports 31): no part of the name — a later "非税收入占一般公共预算地方收入的26.01%" names the same two.
_DONE = lazy_compile(r"(?<=[入出])完成$", needs=("完成",), keep_gate=True)


#: A bracketed note with a comma and no figure ("(含辖区内列统收入,下同)"): a remark on the figure's scope, no part of
#: its name (a name's own brackets hold no comma: "因公出国（境）费").
_COMMA_NOTE = lazy_compile(r"[(（][^()（）\d]*[，,][^()（）\d]*[)）]", needs=("(", "（"))


@functools.lru_cache(maxsize=8192)
def _clean_subject(prefix: str) -> tuple[str, str]:
    """(subject, role from the subject's own words) of the text before a number. Kept per text: eleven substitutions
    asked of the same clause up to four times as its facts are read (perf30p)."""
    s = compact_name(_ITEM_NUMBER.sub("", _after_citations(_BARE_RANGE_LOW.sub("", _COMMA_NOTE.sub("", prefix)))))
    s = _LEAD.sub("", _LEAD.sub("", s).lstrip(":："))  # "其中:因公出国(境)费…": the colon after 其中 names nothing
    role = ""
    m = _ROLE_TAIL.search(summed := _SUM_AFTER_ROLE.sub("", s))
    if m and summed != s and not summed[: m.start()]:
        # "收入决算合计1500万元,支出决算合计1400万元": no item before the role's words ("支出决算") — read with its sum's word
        # as before; without it the subject was empty and the 1400 the 收入's (review25p: an N01 错误)
        summed, m = s, None
    if m:
        s = summed  # "“三公”经费预算合计33.6万元": the 三公经费's budget, summed (湛江 质监局 2018, prose25)
        role = "budget" if m.group(1).startswith("预算") else "final"
        stem = s[: m.start()]
        # "基本支出决算数为…" names the 基本支出 (its 支出 is the claim's own word, not the role's "支出决算")
        # as does "局机关总支出决算数" (not "局机关总")
        spending = claim_of(stem + "支出") in _SPENDING_PARTS or stem.endswith("总")
        s = stem + "支出" if "支出" in m.group(0) and spending else stem
    s = _DONE.sub("", _TAIL.sub("", s))
    plain = _LEAD.sub("", s.replace("财政拨款", ""))
    s = plain or s  # "财政拨款支出" is 支出; "当年财政拨款1160万元" names the appropriation, not the subject before
    named = _TARGET_TAIL.sub("", s)
    return (named if len(named) >= 2 else s), role


#: Saved against a budget ("节约0.89万元", "节约率44.5%"): no change on last year unless the words say so (比上年节约).
_SAVED = lazy_compile(r"(?:共|累计)?(?:节约|节省)(?:了)?(?:资金|经费)?(?:率)?(?:为|是|达到?)?", needs=("节约", "节省"))
#: The base of a comparison stated as a figure before its change ("较上年2.54万元下降56.3%", "比年度目标12家多8家"):
#: the words before it end in the comparison, the words after it begin with the change.
_BASE_BEFORE = lazy_compile(
    r"(?:比|较|与|对比)(?P<base>(?:[^\d，,。；;：:]|(?:19|20)\d{2}(?=年)){0,8})$", needs=("比", "较", "与")
)
_YEAR_BASE = lazy_compile(r"(?:上年|去年|上一年|(?:19|20)\d{2}年|同期)")
#: Revenue or spending moved, in a 财政 report's words ("较上年同期99895万元下降32.0%,减收31940万元", "较上年同期526499万元
#: 减支76067万元", 甘谷 2024, real reports 34): a change of the item, as 减少/增加 — read as an item "减收", its amount became a
#: level a 其中 list was summed against (a false N02 错误).
_REVENUE_MOVED = "增收|减收|增支|减支"
_REVENUE_MOVED_UP = ("增收", "增支")
_CHANGE_AFTER = lazy_compile(
    rf"^\s*(?:的)?(?:相比|相较)?[，,]?\s*(?:各|均|分别)?(?:{_REVENUE_MOVED}|多|少|增加|减少|增长|下降|提高|降低|上升|节约|超出|高出|低)"
)
#: A shortfall or excess against the year's budget in a 财政 report's words ("完成预算49531万元的85.0%,短收7431万元",
#: "超收"): the gap to the budget, a change against it — never a level of its own (甘谷 2024, real reports 34).
#: A completion rate's gap to the year's pace in points ("完成预算的5.39%,较均衡进度慢2.94%", 临洮 2024, real reports 34):
#: no item of its own — read as one ("较均衡进度慢"), the change after it became its change, no longer the level's.
_PACE_GAP = lazy_compile(r"(?:较|比)(?:均衡|序时|时序|时间)进度(?:慢|快|落后|超前|滞后)了?$", needs=("进度",))
#: Its budget may be named ("比预算短收21761万元", "较年初预算超收"): still the gap, never an item named "比预算短收" (read
#: as a level, the 同比 change after it was held to it — a false N02 错误 on 甘谷 2024 p2, review30).
_BUDGET_SHORT = lazy_compile(
    r"^(?:[，,、]\s*)?(?:(?:比|较)(?:年初|调整后?|全年)?预算数?)?(?P<way>短收|超收)(?:了)?$", needs=("短收", "超收")
)


#: A budget printed inside its rate's words ("完成预算27万元的63.2%", 三公 决算 说明): the words before it, and after it —
#: the rate a figure or dashes for one not computed ("完成预算0万元的--%(基数为0,不可比)", 广东省财政厅 2023, real reports 25).
#: A 政府决算 报告 names it the year's plan ("收入完成82876万元,占年计划75000万元的110.5%", 华容 2023, real reports 31).
#: Or its share of the budget ("累计完成67955万元,占预算101032万元的67.3%", 甘谷 2024, real reports 34).
#: Or the body that approved the budget named between ("完成区第十八届人大常委会第十九次会议批准收入调整预算37.5亿元的
#: 104.3%", 南开 2023, real reports 35), with the side of the books the budget is of.
_APPROVED_BY = r"(?:[^，,。；;：:]{0,40}?(?:批准|通过|审定)的?)?"
_INLINE_BUDGET = lazy_compile(
    r"(?:(?:完成|占)"
    + _APPROVED_BY
    + r"(?:收入|支出)?(?:年初|全年|调整后?)?预算数?|(?:完成|占)(?:年|年度|全年)?计划数?)$"
)
_OF_RATE = lazy_compile(r"\s*的\s*(?:\d|[-－—–]+\s*[%％])")


#: A place or level named before a plan ("…全县…完成82876万元,全市占年计划900000万元的…"): another whole's plan.
_SCOPE = lazy_compile(r"全(?:国|省|市|区|县|州|镇|乡)|本级|[省市县区]级")


def _inline_budget(raw_prefix: str, subject: str) -> bool:
    """The words before a figure end in a budget or plan a completion rate is of (`_INLINE_BUDGET`), and name no other
    item or place before it: "…地方收入完成82876万元,税收收入占年计划55000万元的111.5%" is 税收收入's plan, not the
    82876万元's (review27r)."""
    words = compact_name(raw_prefix)
    m = _INLINE_BUDGET.search(words)
    if m is None:
        return False
    before = words[: m.start()].strip(",，;；:：。")
    named = _clean_subject(before)[0]
    return (not named or named == subject) and not _SCOPE.search(before)


#: The basis a change is measured on, written between the item and its 比/较 ("因公出国(境)费同口径比2018年减少9万元",
#: a 市本级 2019 三公 预算, real reports 13): no part of the item's name.
_COMPARED_ON = lazy_compile(r"(?:按|以)?(?:同口径|同比口径|可比口径|同期)$")


#: "由450公斤提高到510公斤", "从85%提升至92%", "公务接待费由18.5万元降至15.5万元", "由2020年度决算数3.5万元下降至": the
#: first figure is where the change started — no actual of the year, nor a part of the year's total.
FROM_LEVEL = lazy_compile(
    r"(由|从)(?:(?:19|20)\d{2}年度?|上年度?|去年|上年同期)?的?(?:(?:年初)?预算|决算|实际)?(?:数|支出数?)?的?\s*$"
)
#: The marks between a range's two ends ("600万元至700万元", "10-15家", "1～2万元").
RANGE_DASH = r"[-–—~～至到]"
#: The words between a range's two ends, whole.
RANGE_GAP = lazy_compile(rf"\s*{RANGE_DASH}\s*")
#: A move by an amount, then the level it reached ("增加60万元至600万元", "减少3万元到15.5万元"): the words before that level.
_MOVED_BY_TO = lazy_compile(
    r"(?:增加|减少|增长|下降|提高|降低|压减|调增|调减)了?\s*\d[\d,]*(?:\.\d+)?\s*(?:亿元|万元|元)\s*(?:至|到)\s*$",
    needs=("至", "到"),
)
TO_LEVEL = lazy_compile(r"^\s*(提高|提升|增加|增长|上升|扩大|下降|降低|减少|压减|压缩|缩减|增|减|降|升)(到|至|为)")

#: The end of an item's name: what a money figure is of ("预算收入", "三公经费", "一般公共预算拨款", "项目支出").
_MONEY_ITEM_END = lazy_compile(r"(?:收入|支出|收支|经费|费用?|资金|拨款|补助|预算|决算|总额|合计|结余|结转)$")


def _item_compared(prefix: str) -> str:
    """The item the words before a stated base name ("预算收入较2024年7976300元减少…"), "" when they name none ("较上年",
    "分别较上年"): that item's base, not the figure named before it (another sentence's 财政专户管理资金收入, review29n)."""
    m = _BASE_BEFORE.search(compact_name(prefix))
    words = _COMPARED_ON.sub("", compact_name(prefix)[: m.start()]) if m else ""
    # (a name that is only role words — "支出预算" — keeps them: it is the item's name still)
    own = _clean_subject(words)[0] or (words if re.fullmatch(r"[\u4e00-\u9fff“”]{2,12}", words) else "")
    return own if own and (claim_of(own) or _MONEY_ITEM_END.search(own)) else ""


def _stated_base(prefix: str, rest: str) -> bool:
    """A figure stated as the base its sentence's change is measured from: the words before it end in 比/较 (…), the
    words after it begin with the change ("较上年2.54万元下降", "比年度目标12家多8家"), past a bracket on the base ("较2024年
    700万元(含追加)增加27.11万元", review29p)."""
    m = _BASE_BEFORE.search(compact_name(prefix))
    return (
        m is not None and not _direction(m["base"]) and bool(_CHANGE_AFTER.match(_BRACKET_FIRST.sub("", rest, count=1)))
    )


#: A closed bracket opening the words after a figure ("(含追加)"): what the figure includes, not what follows it.
_BRACKET_FIRST = lazy_compile(r"^\s*[（(][^（()）]{0,20}[)）]")


#: A spending's progress against its budget named as such ("项目资金支出进度比率为100%", "执行进度为95%", 儋州法院 2018):
#: an execution rate by other words.
_PROGRESS = lazy_compile(r"(?:支出|执行|使用)进度(?:比率|比例|率)?\s*(?:为|是|达到?)?\s*$")

#: A spending rate named as such ("支出率97.43%", "资金支出率", "资金支付率95%"): the money spent over the year's — a 执行率
#: by another name (not "支出增长率", "支出占比", nor a timeliness: "按时支付率", "及时支付率", "足额支付率"). A 支付率 only
#: bare or of the funds ("资金/预算/经费/项目/累计/实际支付率"): "农民工工资支付率", "医疗费用支付率", "报销支付率" measure
#: what was owed to someone, not the year's money spent (review12c). A 使用率 the same ("预算174万元,…使用率100%", 桂阳
#: 2020s, tests/test_reports17.py): bare or of the funds, never "设备使用率", "场馆使用率" (an indicator's value).
_SPENDING_RATE = lazy_compile(
    r"支出率|(?:(?<![\u4e00-\u9fff])|(?<=资金)|(?<=预算)|(?<=经费)|(?<=项目)|(?<=累计)|(?<=实际)|(?<=总体))(?:支付|使用)率"
)


#: A 使用率/支付率 named by nothing before it ("使用率95%"): the money's only when no other thing was just counted.
_BARE_USE_RATE = lazy_compile(r"(?<![\u4e00-\u9fff])(?:使用|支付)率")


def _after_a_count(state: _State) -> bool:
    """The figure before, in this sentence, counts a thing ("购置设备10台", "建成场馆2个"): a bare 使用率 after it is that
    thing's rate of use (an indicator's value), not the funds' (reports17 read "预算174万元,…使用率100%" as spending)."""
    last = state.facts[-1] if state.facts else None
    return last is not None and last.sentence == state.sentence and last.quantity.is_count


#: The budget a completion rate is of, named by its kind ("完成年初预算数的98.59%", 云县 2023, real reports 18).
_COMPLETED_BUDGET_OF = lazy_compile(r"完成(?:年初|全年|调整后?|当年)预算")


def _role(prefix: str, unit: str, subject_role: str, state_role: str, listed: bool = False) -> tuple[str, int]:
    """Role and direction of a number from the words before it in its clause (`listed`: another figure of its list follows)."""
    if unit == "%" and (
        "完成预算" in prefix
        or _COMPLETED_BUDGET_OF.search(prefix)
        or "预算完成率" in prefix
        or "执行率" in prefix
        or _PROGRESS.search(prefix)
        or _SPENDING_RATE.search(prefix)
    ):
        # "完成预算的95%", "(资金)执行率为95%", "项目资金支出进度比率为100%", "支出率97.43%" are rates; "共完成预算资金89.97万元"
        # is an amount
        return "completion", 0
    if unit == "%" and re.search(r"(占|比重|比例为)", prefix):
        return "share", 0
    if unit == "%" and _RATE_COMPARED.search(compact_name(prefix)):
        return "value", 0  # "增幅较上年提高5%": the rate itself compared, in points — not the rate of the change stated
    gap = _BUDGET_GAP.search(prefix)
    if gap is not None and (gap["up"] or gap["down"]):
        return ("change_rate" if unit == "%" else "change"), (1 if gap["up"] else -1)
    direction = _direction(prefix)
    short = _BUDGET_SHORT.match(compact_name(prefix))
    if short is not None:
        return ("change_rate" if unit == "%" else "change"), (-1 if short["way"] == "短收" else 1)
    if compact_name(prefix).removesuffix("了").endswith(_REVENUE_MOVED_UP):
        direction = 1  # "(较上年同期)增收50万元": 增 is no direction word of its own (增加, 增长 are)
    if _SAVED.fullmatch(compact_name(prefix) or "x") and not _CHANGE_CUE.search(prefix):
        return (
            "value",
            0,
        )  # "预算2万元，实际支出1.11万元，节约0.89万元": saved against the budget, no change on last year
    if _CHANGE_CUE.search(prefix) or (
        direction
        # "增加292.37万元,增幅10.82%": the rate of the change just stated (增幅/降幅/增长率, 幅度)
        and re.fullmatch(
            rf"(?:了|分别{'' if listed else '|各|均'})?(?:{_REVENUE_MOVED}|[增加长减少下降低提高上升涨多节约]+)(?:了)?"
            r"(?:幅度?|率)?(?:为|是|达到?)?",
            compact_name(prefix) or "x",
        )
    ):
        return ("change_rate" if unit == "%" else "change"), direction
    if (("上年" in prefix or "去年" in prefix) and not re.search(r"(上年|去年)(结转|结余)", prefix)) or re.search(
        r"(?<!经比)(比|较|与)\s*(?:19|20)\d{2}\s*年", prefix
    ):
        # "上年结转资金3万元" is this year's money from a source, not last year's figure; "经比较2020年度…经费41万元" (焦石镇
        # 2020, real reports 25) opens with the verb "after comparing": the year's own figure
        return "previous", 0
    return subject_role or state_role or "value", 0


#: A comparison stated in a clause of its own, the item and its change following in the next ("与2023年相比,收、支总计各
#: 增加588.09万元", the 四川 单位决算 template; "与上年相比,支出增加100万元"): the base is named, the figure is the change.
_COMPARISON_CLAUSE = lazy_compile(
    r"(?:(?:与|和|同)(?:上年|去年|上一年|上年度|(?:19|20)\d{2}年度?)(?:决算数?|预算数?|同期)?(?:相比|相较|比较)"
    r"|(?:比|较)(?:上年|去年|上一年|上年度|(?:19|20)\d{2}年度?)(?:同期)?|同比)[\s，,]*$",
    needs=("比", "较"),
)
#: The words before a change once its comparison stood apart: an item, then only its direction ("收支总计各增加"); the
#: item may open with this year's name ("与上年相比,2017年度的“三公”经费支出减少了1,276.52万元", 渝中 2017, real reports 21).
_ITEM_THEN_DIRECTION = lazy_compile(
    r"^(?:(?:19|20)\d{2}年度?的?)?(?P<item>[^\d，,。；;：:（）()]{1,20}?)(?:各|均)?"
    r"(?:增加|减少|增长|下降|提高|降低|上升)(?:了)?(?:为|是)?$"
)


#: An amount whose own words end in its direction ("…“三公”经费仍然减少了933.78万元") or open with it ("减少了“三公”经费
#: 342.74万元", 渝中 2017, real reports 21): the item's change, though no base is named — the amount by which it moved,
#: never its level (read as the level, "…减少了“三公”经费342.74万元,其中公务用车购置及运行维护费308.87万元" made the
#: 308.87 the 公务用车 spending: an N01 错误 against the table's 4058.29). Only with 了, the move done: "预算资金增加50万元"
#: (money added in the year, tests/test_reports16.py) stays a level; and never a 分别/各 list (`_RESPECTIVE_CHANGE`).
#: Without 了 when the word is a 财政 report's move (增收/减收/增支/减支, 短收/超收: never a level) or the words give a reason
#: ("…减收31940万元,主要是土地出让收入减收28000万元。其中:…", review28b: read as a level "主要是土地出让收入减收", the
#: 其中 list after it was summed against it — a false N02 错误).
_MOVED_BECAUSE = r"主要(?:原因)?(?:是|系|因为?|由于)"  # a reason's words before the item moved
_MOVED_BY = lazy_compile(
    r"^(?:(?:19|20)\d{2}年度?的?)?(?P<item>[^\d，,。；;：:（）()、]{2,30}?)(?:仍然|仍|也|共|累计)?"
    r"(?P<way>增加|减少|增长|下降|降低|提高|上升)了$"
    r"|^(?P<way2>增加|减少|增长|下降|降低|提高|上升)了(?P<item2>[^\d，,。；;：:（）()、]{2,20})$"
    rf"|^(?:{_MOVED_BECAUSE})?(?P<item3>[^\d，,。；;：:（）()、]{{2,30}}?)(?P<way3>{_REVENUE_MOVED}|短收|超收)$"
    rf"|^(?:{_MOVED_BECAUSE})(?P<item4>[^\d，,。；;：:（）()、]{{2,30}}?)(?P<way4>增加|减少|增长|下降|降低|提高|上升)$",
    needs=("了", "增收", "减收", "增支", "减支", "短收", "超收", "主要"),
)


def _moved_by(prefix: str) -> tuple[str, int]:
    """(item, direction) of an amount its words say an item moved by (`_MOVED_BY`), or ("", 0)."""
    words = _MOVED_BY.fullmatch(compact_name(prefix).lstrip("，,、；;（("))
    if words is None:
        return "", 0
    item = words["item"] or words["item2"] or words["item3"] or words["item4"]
    if _direction(item) or "的" in item[-1:] or re.search(r"分别|各|比|较|与|同期", item):
        return "", 0  # "减少的支出", "节约减少": the words hold more than one item and its direction
    way = words["way"] or words["way2"] or words["way3"] or words["way4"]
    return _clean_subject(item)[0], (
        1 if way in (*_REVENUE_MOVED_UP, "超收") else -1 if way in ("减收", "减支", "短收") else _direction(way)
    )


#: An item's amount whose words end in its direction, no 了 ("公务用车购置及运行维护费支出决算减少3.59万元").
_ITEM_MOVED = lazy_compile(
    r"^(?P<item>[^\d，,。；;：:（）()、]{2,30}?)(?P<way>增加|减少|增长|下降|降低|提高|上升)$",
    needs=("增加", "减少", "增长", "下降", "降低", "提高", "上升"),
)


def _moved_in_a_change_list(state: _State, raw_prefix: str) -> tuple[str, int]:
    """(item, direction) of a part of a change list: after a change of the sentence ("…决算数比2024年度减少3.59万元，下降
    15.31%，其中：公务用车购置及运行维护费支出决算减少3.59万元，下降15.31%；公务接待费支出决算增加0.3万元，增长100%", 宜川路
    2025, real reports 22), each item the 其中 lists moves by its amount in the direction its own words say — a change, never
    the item's level. Only right after the 其中 or after such a part (and its rate); else ("", 0): alone, "预算资金增加50万元"
    may be money added, a level (`_MOVED_BY`)."""
    words = _ITEM_MOVED.fullmatch(compact_name(raw_prefix).lstrip("，,、；;"))
    if words is None or _direction(words["item"]) or re.search(r"分别|各|比|较|与|同比|同期", words["item"]):
        return "", 0
    facts = [f for f in state.facts if f.sentence == state.sentence]
    while facts and facts[-1].role == "change_rate":
        facts.pop()
    if not facts or facts[-1].role != "change":
        return "", 0
    opened = re.search(r"其中[:：]?$", compact_name(state.tail)) is not None
    if not opened and not any(f.role == "change" for f in facts[:-1]):
        return "", 0  # a further part only after a first one, itself after the change it details
    return _clean_subject(words["item"])[0], _direction(words["way"])


def _change_of_a_change(state: _State, raw_prefix: str, qty: Quantity, after: str = "") -> Fact | None:
    """The change amount right before, in this sentence, whose part a "其中" figure is ("减少了“三公”经费342.74万元,其中
    公务用车购置及运行维护费308.87万元", 渝中 2017, real reports 21): the part moved by as much, it is no level — or None.
    Only a part no larger than the change (a 其中 after "比上年增加100万元" may list the year's total again)."""
    last = state.facts[-1] if state.facts else None
    if last is not None and last.role == "change_rate" and len(state.facts) > 1 and state.facts[-2].role == "change":
        # the change's own rate between ("…比2024年度减少3.59万元，下降15.31%，其中：公务用车…支出决算减少3.59万元",
        # 宜川路 2025, real reports 22)
        last = state.facts[-2]
    # (or its sentence right before: "…减少了342.74万元。其中公务用车…308.87万元" — nothing between the two)
    if last is None or last.role != "change" or state.sentence - last.sentence not in (0, 1):
        return None
    if last.of is not None and not _RESPECTIVE_CHANGE.search(raw_prefix):
        return None  # a change of a level stated: a 其中 after it may list the level's parts — not "其中A、B分别减少"
    if not compact_name(raw_prefix).startswith("其中") or not (qty.is_money and last.quantity.unit == qty.unit):
        return None
    # the whole list, not its first part only: "减少了1,276.52万元，其中因公出国(境)费91.85万元，公务接待费183.19万元，
    # 公务用车购置及运行维护费4,058.29万元" lists the year's levels (their sum is more than the change)
    listed = qty.value
    for piece in re.split(r"[，、；;。]|,(?!\d)", (after + state.ahead).lstrip("，,、 ")):
        part = _LISTED_PART.fullmatch(piece.strip())
        if part is None:
            break  # the list ends at the first clause that is no "name amount" ("如果剔除这一因素,…减少了933.78万元")
        listed += Decimal(part["n"].replace(",", "")) if part["u"] == qty.unit else 0
    return last if listed <= last.quantity.value else None


#: A further part of a 其中 list: a name and its money amount, nothing else ("公务接待费183.19万元").
_LISTED_PART = lazy_compile(r"[^\d，,、。；;：:]{1,25}?(?:为|是)?(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<u>亿元|万元|元)")


#: A rate compared with a figure its sentence stated by year and name ("2025年当年预算执行数为1690.69万元，2026年预算安排
#: 1434.89万元，比2025年预算执行数减少1.10%", 上海普陀 单位预算 编制说明, real reports 21): the comparison's year and words.
_ON_NAMED_YEAR = lazy_compile(
    r"(?:比|较)(?P<year>(?:19|20)\d{2})年度?(?P<words>[^\d，,。；;：:]{2,10}?)(?P<way>增加|减少|增长|下降|降低|提高|上升)了?$"
)


def _named_year_base(state: _State, raw_prefix: str, unit: str) -> tuple[int, int] | None:
    """(base, direction) of a rate compared with the first of the two money figures right before it in its sentence,
    named there by the year and the words the comparison names ("2025年当年预算执行数为A，2026年预算安排B，比2025年预算
    执行数减少R%": R is |B − A| / A), the second of another year — or None. Both figures are the text's and the base is
    named by its own words: the rate's arithmetic is certain (`funds_arith._rate_from_base`)."""
    words = _ON_NAMED_YEAR.search(compact_name(raw_prefix)) if unit == "%" else None
    if words is None or len(state.facts) < 2:
        return None
    base, current = state.facts[-2], state.facts[-1]
    year = f"{words['year']}年"
    if not all(f.sentence == state.sentence and f.quantity.is_money for f in (base, current)):
        return None
    if base.quantity.unit != current.quantity.unit or base.clause == current.clause:
        return None
    if year not in base.clause or year in current.clause:
        return None
    # the base's own words are the named ones (a 数/额 aside): "比2025年预算" names no "2025年预算执行数" (the year's budget
    # is another figure), and the current figure names no item of its own the base lacks ("2025年部门预算执行数为A，2026年
    # 三公经费预算安排B": not one item's two years)
    base_words, current_words = _words_before(base), _words_before(current)
    named = _NAMED_SUFFIX.sub("", base_words).endswith(_NAMED_SUFFIX.sub("", words["words"]))
    own = _CURRENT_BUDGET.sub("", current_words)
    if not named or (own and own not in base_words):
        return None
    return base.index, _direction(words["way"])


#: A 数/额 ending the words that name a figure ("预算执行数", "预算数"): the same figure without it.
_NAMED_SUFFIX = lazy_compile(r"(?:数|额|总额)$")
#: The words of a year's budget figure once its item is gone ("2026年预算安排B", "2026年预算数为B").
_CURRENT_BUDGET = lazy_compile(r"(?:当年)?(?:预算)?(?:安排|数|额)?(?:为|是)?$")


def _words_before(fact: Fact) -> str:
    """The compact words of a fact's clause before its amount, its year and a 为/是 dropped ("2025年当年预算执行数为A":
    "当年预算执行数")."""
    at = fact.clause.find(fact.quantity.text)
    words = compact_name(fact.clause[: at if at >= 0 else len(fact.clause)])
    return re.sub(r"(?:为|是|：|:)$", "", re.sub(r"^.*?(?:19|20)\d{2}年度?的?", "", words))


def _change_after_comparison(prefix: str, tail: str, rest: str) -> str:
    """The item whose change the figure is, when the clause before it in the sentence is a comparison of its own ("与2023年
    相比," then "收、支总计各增加588.09万元", 大竹 农技中心 2024, real reports 16: the item and its direction, no 较上年 in
    its own words — read as a level before); "" otherwise, and for a list of changes each of its own item ("收、支总计分别
    减少A万元、增加B万元": paired by position, `respective_lists`, not one item's)."""
    if not _COMPARISON_CLAUSE.search(tail.rsplit("。", 1)[-1]) or "分别" in prefix or re.match(r"\s*[、和及]", rest):
        return ""
    words = _ITEM_THEN_DIRECTION.fullmatch(compact_name(prefix).lstrip("，,、；;"))
    return _clean_subject(words["item"])[0] if words else ""


def _change_just_before(state: _State) -> Fact | None:
    """The change amount stated right before, in this sentence ("…费比2018年减少9万元,下降15.3%"): a bare rate after it
    is that change's rate — of the item the change named, not of the last amount's subject."""
    last = state.facts[-1] if state.facts else None
    return last if last is not None and last.role == "change" and last.sentence == state.sentence else None


#: Whose and which year's an item is, before its name: "安徽省寿县文物保护中心2023年度一般公共预算财政拨款“三公”经费支出…"
#: (寿县 文物保护中心 2023, real reports 14) — the unit's name, the year and the fund it is paid from; or only what it
#: is arranged from ("2019年本部门财政拨款安排“三公”经费29万元", real reports 19).
_OWNER_YEAR = lazy_compile(r"^.{0,30}?(?:19|20)\d{2}年度?")
_FUND = lazy_compile(
    r"^(?:(?:一般公共预算|政府性基金预算)(?:财政拨款)?(?:安排的?)?|(?:财政拨款)?安排的?)", needs=opening("一政财安")
)


#: A 三公 item named with 支出 after its 费 ("公务接待费支出5.21万元", 杜集区政府办 2021, real reports 15): that item's
#: spending — only for the three items and 公务用车's two parts, whose names end in 费 (a 财政拨款支出 is no 财政拨款);
#: not the “三公”经费 itself ("“三公”经费支出1.12万元" stays unpaired, as before: tests/test_doc_trust9.py).
_ITEM_SPENT = lazy_compile(r"(?:费|费用)支出$")
_SPENT_ITEMS = frozenset(("overseas", "reception", "vehicles", "vehicle_purchase", "vehicle_running"))
#: The 三公 items named after the whole they are of (`_OF_WHOLE`): the items and the “三公”经费 itself.
_OF_ITEMS = _SPENT_ITEMS | {"three_public"}


def _claim(subject: str, role: str = "value") -> str:
    """The claim a subject names: its own words (`claim_of`), or the words after the unit's name and year and the fund
    that pays it — the 三公经费 of "寿县文物保护中心2023年度一般公共预算三公经费" is the table's 三公经费 (the year is
    checked apart: `run_state._another_years`); "公务接待费支出" is the 公务接待费's spending (`_ITEM_SPENT`) — its amount
    only: a change stated after it ("…支出5.21万元,与2021年度预算相比,减少0.1万元") may be against the budget, not the year
    before, and stays the text's own arithmetic (N02)."""
    claim = claim_of(subject)
    if claim or not subject:
        return claim
    rest = _FUND.sub("", _OWNER_YEAR.sub("", subject))
    claim = claim_of(rest) if rest and rest != subject else ""
    if not claim and role in ("value", "final") and _ITEM_SPENT.search(rest or subject):
        item = claim_of((rest or subject)[:-2])
        claim = item if item in _SPENT_ITEMS else ""
    if not claim:
        claim = _owned_item(rest or subject)
    if not claim and (of := _OF_WHOLE.search(subject)):
        # "区本级一般公共预算中三公经费" (江北区 2021, real reports 15): the 三公经费 of the 区本级 budget
        item = claim_of(of.group(1))
        claim = item if item in _OF_ITEMS else ""
    if not claim and role == "budget" and (stage := _STAGE_TAIL.search(subject)) and stage.start() > 0:
        # "2025年度“三公”经费年初预算为50.00万元，…完成年初预算的74.70%": the item's, its budget's stage a word of its own
        # (read against the table's 预算 column by crosscheck._printed_readings, scope20). Only a budget's: "“三公”经费
        # 年初为50万元" / "调整后为…" / "全年50万元" name no 预算 — read as the item's value they were held to its 决算
        # (review20d: an N01 错误)
        item = _claim(subject[: stage.start()], role)
        claim = item if item in _OF_ITEMS else ""
    return claim


#: The last word of a unit's name ("湛江市质量技术监督局", "县委宣传部", "陶辛镇", "…中心"): where an owner's name may end.
_OWNER_END = lazy_compile(
    r"(?:局|中心|委员会|委|办公室|办事处|政府|院|所|站|队|馆|处|会|部|厅|镇|乡|街道|单位|学校|中学|小学|幼儿园)"
)


#: Words naming units other than the report's own before a name ("下属单位", "所属", "二级单位", "各乡镇", "全县").
_NOT_THE_OWNER = lazy_compile(r"(?:下属|所属|直属|二级|三级|基层|其他|其它|各|全|本级以外)")


def _owned_item(subject: str) -> str:
    """A 三公 item (or the “三公”经费) after its unit's name with no year between ("2018年湛江市质量技术监督局“三公”经费预算
    合计33.6万元": the year led the clause and was dropped, so `_OWNER_YEAR` finds none — prose25): the item's claim when
    the words after a unit name's last word are exactly its name, else ""."""
    return _owner_and_item(subject)[1]


def _owner_and_item(subject: str) -> tuple[str, str]:
    """(the unit's name, the 三公 item's claim) of `_owned_item`, ("", "") when the subject is not so named."""
    if _NOT_THE_OWNER.match(subject):
        return "", ""  # "下属单位公务接待费", "各乡镇…": other units' items, not the report's
    for m in _OWNER_END.finditer(subject):
        claim = claim_of(subject[m.end() :]) if 4 <= m.end() < len(subject) else ""
        if claim in _OF_ITEMS:
            return subject[: m.end()], claim
    return "", ""


#: A unit's name before the year at a subject's start ("区财政局2021年“三公”经费", `_OWNER_YEAR`'s owner).
_NAME_BEFORE_YEAR = lazy_compile(r"^(.{2,30}?)(?:19|20)\d{2}年")


def named_owner(subject: str) -> str:
    """The unit's name a 三公 figure's subject opens with ("区财政局2021年“三公”经费" → 区财政局, "湛江市质量技术监督局“三公”
    经费" → 湛江市质量技术监督局), "" when it names none. Its claim reads the item past the name (`_claim`); whether the
    unit is the report's own is for the cross-check to judge (review25p: "区财政局公务用车运行维护费10万元" in another
    unit's report was held to its table as certain — an N01 错误)."""
    s = compact_name(subject)
    if (m := _NAME_BEFORE_YEAR.match(s)) and not _NOT_THE_OWNER.match(s):
        name = m.group(1)
        return name if len(name) >= 4 and any(e.end() == len(name) for e in _OWNER_END.finditer(name)) else ""
    return _owner_and_item(s)[0]


#: A budget's stage ending a subject ("三公经费年初", "公务接待费全年", "三公经费调整后").
_STAGE_TAIL = lazy_compile(r"(?:年初|全年|调整后?)$")


#: A 三公 item named after the whole it is of: "…预算中三公经费", "…部门的公务接待费".
_OF_WHOLE = lazy_compile(r"[中的]([^中的]{2,16})$")


@functools.lru_cache(maxsize=4096)
def _leading_item(words: str) -> str:
    """The item a clause without figures opens with, when it names one that is not the department's total
    ("三公经费控制在预算以内" → 三公经费): the longest such opening words (kept per text, as `_clean_subject`)."""
    for k in range(min(len(words), 12), 1, -1):
        claim = claim_of(words[:k])
        if claim and claim not in _DEPARTMENT_TOTALS:
            return words[:k]
    return ""


#: The words of a 各/分别 list right before its amounts ("财政拨款收、支各减少", "其他收入、结转各是", "分别为"): the
#: names it lists, before 各 (the words of a comparison, "与2021年相比", are none of them). The look-behind starts it
#: only after a separator (where the leftmost match starts anyway): the lazy run was tried from every character of a
#: long unseparated text (quadratic, hyph23); the matches are the same.
_EACH_BEFORE = lazy_compile(r"(?<![^\d，,。；;：:])(?P<names>[^\d，,。；;：:]*?)(?:各|分别)[^\d，,。；;：:、]{0,6}$")
_COMPARED = lazy_compile(r"^.*?(?:相比|比上年|较上年度?|同比)")
#: After the amount, another amount of the same list with its own unit ("分别为1,200万元、300万元"): each amount
#: carries its unit, so a comma inside one is a thousands separator.
_NEXT_AMOUNT = lazy_compile(r"^\s*[、，,和及与]\s*\d")


def _comma_may_list(prefix: str, after: str) -> bool:
    """A comma-grouped amount ("100,200万元") that may be a 各/分别 list of several amounts sharing one unit
    ("收、支各减少100,200万元": 100 and 200 — the 四川 决算 说明 template, `respective_lists`): it follows 各/分别
    naming two or more things, or naming none (the list is an earlier sentence's), and no amount of the list follows
    with its own unit. "项目支出各减少1,200万元" (one item named) stays 1200. Read as either, the figure is no
    certain one, and an 错误 must not rest on it (issue 12, review14r: "100,200" summed as 100200 into a 其中 list)."""
    each = _EACH_BEFORE.search(prefix)
    if each is None or _NEXT_AMOUNT.match(after):
        return False
    names = _COMPARED.sub("", "".join(each["names"].split()))
    return not names or len(re.split(r"[、和及与]", names)) > 1


#: The words between two figures of one 分别/各 list of changes ("分别减少100万元、50万元", "、增加50万元", "分别下降9.1%、5.3%").
_LIST_NEXT = lazy_compile(r"\s*[、和及与]\s*(?:增加|减少|增长|下降|提高|降低|上升|节约|超支)?了?\s*")
#: After a figure, the next figure of its list ("、1.52万元", "和38%", "、增加50万元").
_LIST_FOLLOWS = lazy_compile(r"\s*[、和及与]\s*(?:增加|减少|增长|下降|提高|降低|上升|节约|超支)?了?\s*\d")
#: The words opening such a list ("分别减少", "各下降", "分别比预算减少", "分别较上年增长"): 分别/各, its comparison, a direction.
_RESPECTIVE_CHANGE = lazy_compile(
    r"(?:分别|各(?![项类级种个部]))(?:为|是)?[^\d，,。；;：:、]{0,12}?(?:增加|减少|增长|下降|提高|降低|上升|节约|超支)了?\s*$"
)


def _next_in_change_list(state: _State, clause: str, raw_prefix: str, unit: str) -> Fact | None:
    """The change (or rate) of the clause right before a figure that follows it as the next of a 分别/各 list
    ("较上年分别减少100万元、50万元", "分别下降9.1%、增长5.9%"): the figure is a change too, of the list's next item — or
    None."""
    last = state.facts[-1] if state.facts else None
    if last is None or last.role not in ("change", "change_rate") or last.clause != clause.strip():
        return None
    if not _LIST_NEXT.fullmatch(raw_prefix) or (unit == "%") != (last.quantity.unit == "%"):
        return None
    at = clause.find(last.quantity.text)
    return last if at >= 0 and _RESPECTIVE_CHANGE.search(clause[:at]) else None


def _changes_of_several_items(state: _State) -> bool:
    """The two changes last read in this sentence are of two items ("公务接待费同比减少0.79万元，公务用车…同比减少1.52万元"),
    or a 分别 list read with no item ("较上年分别减少100万元、50万元"): a 分别 list of rates after them pairs with them by
    position. Two changes of one item against two bases ("较2020年预算
    …减少533万元，较2020年决算…减少304万元") keep their item for the rates (`respective_lists`, review16)."""
    changes = [f for f in state.facts if f.role == "change" and f.sentence == state.sentence][-2:]
    return len(changes) == 2 and (changes[0].claim != changes[1].claim or not changes[0].subject)


def _on_last_year(fact: Fact, state: _State) -> bool:
    """A change its words measure against last year ("比上年减少", "同比下降"): a 三公 item's 支出 then names the item
    (`_claim`), its change the table's 决算数与上年决算数之差 — the budget is ruled out by the words (lost16: it went
    unread, "公务接待费支出…比上年减少1.52万元" never held to the table's 0.79). Its rate too — said against last year
    itself ("支出5.21万元，同比下降20%") or right after such a change of the same spending ("…比上年减少0.79万元，下降20%"):
    the table's rate of its two 决算 columns (lost17: it was never held to it). A rate differing from the table's is an
    N01; one agreeing with the table but not with the text's own change stays the text's arithmetic (N02)."""
    if fact.role == "change" or fact.against:
        return fact.against == "year"
    before = _change_just_before(state)
    return fact.role == "change_rate" and before is not None and before.against == "year" and before.of == fact.of


def _compared_against(words: str) -> str:
    """ "budget" or "year": what the last comparison in `words` (those since the figure before, in one sentence)
    measures against; "" for none (see `Fact.against`)."""
    gap = _BUDGET_GAP.search(words)
    if gap is not None and (gap["up"] or gap["down"]):
        return "budget"  # "决算数大于预算数30万元": the gap to the budget
    if _BUDGET_SHORT.match(compact_name(words.rsplit("。", 1)[-1].rsplit("，", 1)[-1].rsplit(",", 1)[-1])):
        return "budget"  # "短收7431万元": the shortfall against the year's budget
    named = list(_AGAINST_WHAT.finditer(words.rsplit("。", 1)[-1]))
    if not named:
        return ""
    last, base = named[-1], named[-1]["base"]
    if last["same"] or _LAST_YEARS_BUDGET.match(base):
        return "year"  # "同比下降", "比上年预算增加": on last year, not the year's budget (review16)
    return "budget" if "预算" in base else "year" if _YEAR_BASE.search(base) else ""


#: Spellings of one base ("同比", "比去年", "较上年度", "比上年同期" all last year's; "调整后预算" the 调整预算).
_BASE_SPELLINGS = (("去年", "上年"), ("上一年", "上年"), ("年度", "年"), ("同期", ""), ("调整后", "调整"))


def compared_base(words: str) -> str:
    """The base the last comparison in `words` names, in one spelling ("上年", "年初预算", "调整预算", "上年决算",
    "2022年"), "" for none: two changes of one `Fact.against` ("year", "budget") may still be on different bases."""
    named = list(_AGAINST_WHAT.finditer(words.rsplit("。", 1)[-1]))
    if not named:
        return ""
    last = named[-1]
    base = "上年" if last["same"] else compact_name(last["base"]).removesuffix("数")
    for spelt, one in _BASE_SPELLINGS:
        base = base.replace(spelt, one)
    return base


def _another_base(words: str, year: str) -> bool:
    """The change's words name a base other than the year pair's earlier year (`year`): the budget ("比年初预算减少"),
    or another year ("比2022年减少", after "2024年…,2023年…") — the pair is not what it compares."""
    against = _compared_against(words)
    if against == "budget":
        return True
    named = [m["base"] for m in _AGAINST_WHAT.finditer(words.rsplit("。", 1)[-1])]
    return bool(named) and any(y != year for y in _YEAR_NAMED.findall(named[-1]))


#: Last year's budget named as a comparison's base ("比上年预算增加", 预算 publications): a change on last year.
_LAST_YEARS_BUDGET = lazy_compile(r"^(?:上一?年度?|去年)(?:年初|调整后?)?预算")


#: A change's direction stated right after an amount ("131.49万元,增长19.09%"): the rate that names it.
_DIRECTED_RATE_AFTER = lazy_compile(
    r"^\s*[，,]?\s*(?P<word>增长|增加|上升|提高|下降|减少|降低)(?:了)?(?:幅度|率)?(?:为|是)?\s*\d+(?:\.\d+)?\s*[%％]"
)


def _change_after_its_base(
    raw_prefix: str, m: re.Match[str], matches: list[re.Match[str]], clause: str, state: _State
) -> int:
    """The direction of an amount that follows last year's figure with nothing between, its rate after it with a
    direction ("较2022年决算数688.84万元131.49万元,增长19.09%": the 增加 dropped) — 0 if it is not such a change. Only money
    right after money read as last year's, in one clause: "较上年100万元,增长20%" alone says no change."""
    if m is matches[0] or compact_name(raw_prefix) or not state.facts:
        return 0
    before = state.facts[-1]
    if before.role != "previous" or before.clause != clause or before.quantity.unit != m.group(3):
        return 0
    if not before.quantity.is_money:
        return 0
    rate = _DIRECTED_RATE_AFTER.match(clause[m.end() :] + state.ahead)
    return _direction(rate["word"]) if rate else 0


#: A growth stated as a multiple ("较预算数62万元增加147万元,增长2.37倍"): by the standard reading "增长n倍" is +n×100% (the
#: level n + 1 times the base), read as that rate, its precision two places less than the multiple's (2.37倍: 236.5%–
#: 237.5%). Loose writing also uses it for "grown to n times" — `is_multiple` lets the rate checks say so
#: (`run_state._arith`: a 警告 naming both readings when only the loose one fits). Only after a word of growth: "是上年的
#: 2倍" is no change rate. A rough multiple is none either ("增长近2倍", "增长约2倍", "增长2倍左右": prose26 — its words
#: say it is no figure to hold to its levels). The groups are `_QTY`'s (whole, fraction, unit).
_MULTIPLE = lazy_compile(
    r"(?:(?<=增长|增加|提高|上升|上涨)|(?<=增长了|增加了|提高了|上升了|上涨了))\s*(\d+)(?:\.(\d+))?\s*(倍)(?!\s*(?:左右|上下))",
    needs=("倍",),
)


def is_multiple(fact: Fact) -> bool:
    """The rate was printed as a multiple ("增长2.37倍", `_MULTIPLE`)."""
    return fact.quantity.is_percent and fact.quantity.text.rstrip().endswith("倍")


def _clause_facts(clause: str, paragraph: int, state: _State) -> None:
    pos = 0
    matches = list(_QTY.finditer(clause))
    if "倍" in clause:
        matches = sorted((*matches, *_MULTIPLE.finditer(clause)), key=lambda m: m.start())
    _enumerate(clause, state)
    if _NEW_STATEMENT.match(compact_name(clause)) and not _first_after_qizhong(state):
        state.parent, state.listed_by_wei = None, ""
    if not matches:
        name = compact_name(clause)
        state.tail += clause
        if name.startswith("其中") or name == "其中":
            state.parent = _qizhong_total(state)
        elif _SPLIT_BY.fullmatch(name) and state.parent is not None:
            state.split_by = name  # "其中一般公共预算拨款950万元,按支出功能分:基本支出…": the whole split again
        elif _SPLIT_HEADING.fullmatch(name) and (split_total := _split_whole(state, name)) is not None:
            # "…决算1000万元。按资金来源分：财政拨款…": the parts of that total
            state.parent, state.split_by = split_total, name
        elif _USES_HEADING.fullmatch(name) and _detailed(state) is not None and state.facts[-1].parent is not None:
            # "…500万元，其中基本支出300万元，项目支出200万元，主要用于以下方面：A 400万元…": the uses of the whole or of
            # its last part — the words do not say which (review16c: held to the 200, an N02 错误): no list
            state.parent = None
        elif (_DETAIL.fullmatch(name) or _USES_HEADING.fullmatch(name)) and _detailed(state) is not None:
            state.parent = _detailed(state)  # "…9378万元。具体是：A 3005万元；B 1235万元…": the parts of that figure
        if len(name) > 12 and _ITEM_NUMBER.match(clause):
            # "三、项目支出⏎6、卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）。…年初预算为42.73万元" (review19b): a
            # numbered item is a topic of its own — the heading's subject before it is not its figures' subject
            state.subject, state.role = "", ""
        if len(name) <= 12:
            subject, role = _clean_subject(clause)
            if re.search(r"决算", name) and not role:
                role = "final"
            if subject and claim_of(subject):
                state.subject, state.role = subject, role
                state.subject_sentence = state.sentence
                return
        item = _leading_item(_clean_subject(clause)[0])
        if item:  # "“三公”经费控制在预算以内，支出1.11万元": the item the sentence is about, whose 支出 follows
            state.subject, state.role, state.subject_sentence = item, "", state.sentence
        return
    for m in matches:
        if state.inner_parent is not None and state.depth + _opened(clause[:pos]) > 0 >= state.depth + _opened(
            clause[: m.start()]
        ):
            # "…(其中A 10277万元、B 12285万元)、比上年增加5000万元,其中,…": the bracket of parts closed inside the clause,
            # before this figure — closed as one ending a clause is (`_extract_facts`; fix32r: the change was read as
            # the last part's and the 其中 held to that part, a false N02 错误)
            _close_detail(state)
        prefix = clause[pos : m.start()]
        gap = prefix if pos else None  # the words since the figure before it in this clause
        since = (state.tail if not pos else "") + prefix  # the words since the figure before (its sentence's)
        if state.reason_at is None and _REASON.search(_REASON_END.split(since)[-1]):
            state.reason_at, state.reason_from = len(state.facts), state.last_total
        if pos:
            prefix = _NOTE_AFTER_FIGURE.sub("", prefix, count=1)
        prefix = _NOTE_LABEL.sub(r"\1", prefix)
        # "决算支出数为0万元,与上年持平公务接待费预算数为310.37万元" (云县 2023): the "。" dropped after 持平
        prefix = _SAME_AS_BEFORE.sub("", prefix, count=1)
        raw_prefix = prefix
        pos = m.end()
        whole, frac, unit = m.group(1), m.group(2), m.group(3)
        unit = "%" if unit == "％" else unit
        if unit == "个百分点":
            continue
        if unit == SCORE_UNIT and claim_of(_clean_subject(raw_prefix)[0]) != "total_score":
            continue  # "满分100分", "90分以上为优": a score only where the text names the total score itself
        if "," in whole and _comma_may_list(raw_prefix, clause[m.end() :]):
            continue  # "收、支各减少100,200万元": 100 and 200, or 100200 — no reading is certain, so no figure
        value = Decimal(whole.replace(",", "") + ("." + frac if frac else ""))
        qty = Quantity(value, unit, _places(frac), m.group(0))
        if unit == "倍":  # "增长2.37倍": a rate of 237%, printed to two places less (`_MULTIPLE`)
            unit = "%"
            qty = Quantity(value * 100, unit, _places(frac) - 2, m.group(0))
        if compact_name(raw_prefix).startswith("其中") and not state.depth and _opened(raw_prefix) > 0:
            # "A县93万元（其中中央资金50万元），B县52万元": the bracket's own list of the figure before it — the list after
            # the bracket is not opened by it
            state.inner_parent = _detailed(state)
            if state.inner_parent is None:
                state.inner_parent = _count_before(state, unit)  # "特别扶助对象4378人(其中伤残扶助2104人,…)"
        elif (
            not state.depth
            and m is not matches[0]
            and _opened(raw_prefix) > 0
            and (noun := _NOUN_THEN_BRACKET.match(raw_prefix))
            and (owner := _count_before(state, unit)) is not None
        ):
            # "局本级187人(在职在编139人、退休人员8人、协管员40人)": counts of the count's unit in brackets right after it
            # are its breakdown (not money: "100万元（含上年结转20万元）" is a detail inside, `stated_sums._bracketed`);
            # so after the noun it counts ("20个内设机构（含派出法庭2个、…）", narr13): the noun is the total's, not the
            # first part's name
            state.inner_parent = owner
            raw_prefix = raw_prefix[noun.end() - 1 :]
        elif (
            not state.depth
            and _opened(raw_prefix) > 0
            and (whole := _defined_whole_before(state, raw_prefix)) is not None
        ):
            # "公务用车购置及运行费28万元(公务用车购置费0万元,公务用车运行维护费28万元)" (real reports 19): a bracket naming
            # a defined part of the figure before it opens that figure's parts, as "（其中…）" does
            state.inner_parent = whole
        elif compact_name(raw_prefix).startswith("其中"):
            state.parent = _qizhong_total(state, qty)
        elif (
            (heading := _SPLIT_HEADING.match(raw_prefix.lstrip()))
            and state.parent is None
            and (split_total := _split_whole(state, heading.group())) is not None
        ):
            # "…决算1000万元。按资金来源分财政拨款700万元，…": the heading and the first part in one clause
            state.parent, state.split_by = split_total, heading.group(0)
            raw_prefix = raw_prefix.lstrip()[heading.end() :]
        elif (
            state.instalments_of is not None
            and state.parent != state.instalments_of
            and not state.depth
            and _NEXT_ORDINAL.search(compact_name(raw_prefix))
        ):
            # "…第一笔经费250万元，其中中央资金150万元，9月下达第二批专项经费295万元": the 其中 detailed the first
            # instalment; the next one is the whole's part again, not one more part of the 250
            state.parent = state.instalments_of
        elif _DETAIL.match(compact_name(raw_prefix)) and _detailed(state) is not None:
            state.parent = _detailed(state)  # "346.87万元，…，具体为A 11.60万元、B 335.27万元"
        elif (opener := _INCLUDES.match(raw_prefix.lstrip())) and not state.depth and _detailed(state) is not None:
            # "…9.9162亿元。含A 2.7609亿元、B 4.4645亿元" (not "(含…)": bracketed); "其中基本支出2994.57万元,包含工资福利
            # 支出1754.89万元;…": the parts of the 2994.57 right before, not more parts of the total the 其中 opened
            state.parent = _detailed(state)
            raw_prefix = raw_prefix.lstrip()[opener.end() :]
        elif (
            (
                _FIRST_INSTALMENT.match(compact_name(raw_prefix))
                or (_FIRST_ORDINAL.match(compact_name(raw_prefix)) and _split_announced(state.tail))
            )
            and state.parent is None
            and not state.depth
            and _detailed(state) is not None
        ):
            # "…预算控制数为545万元,分别于2020年1月下达第一笔经费250万元,9月下达第二批专项经费295万元": instalments
            state.parent = state.instalments_of = _detailed(state)
        elif own_list := _details_a_part(raw_prefix, unit, clause[m.end() : _next_start(matches, m, clause)], state):
            # "共计110万元,其中A项目50万元,分别为设备30万元、安装20万元,B项目60万元": the A项目's parts, as after 包括
            state.parent = _detailed(state)
            raw_prefix = raw_prefix.lstrip()[len(own_list) :]
        elif wei := _opens_wei_list(raw_prefix, unit, clause[m.end() : _next_start(matches, m, clause)], state):
            # "省级资金124.23万元,为A25万元,B0.71万元…", "共计110万元,分别为A项目50万元,B项目50万元": the amounts after
            # "为" are the total's parts
            state.parent, state.listed_by_wei = state.last_total, wei
            raw_prefix = raw_prefix.lstrip()[len(wei) :]
        subject, subject_role = _clean_subject(raw_prefix)
        # "收支预算…各减少62.54万元": each one's change; "收、支各减少1267.86,2570.97万元": a respective list (respective_lists)
        list_goes_on = _NEXT_AMOUNT.match(clause[m.end() :]) is not None
        role, direction = _role(raw_prefix, unit, subject_role, "", list_goes_on)
        if _BUDGET_SHORT.match(compact_name(raw_prefix)):
            subject = ""  # "短收7431万元": the shortfall of the item stated before, not an item named 短收
        pace = unit == "%" and _PACE_GAP.search(compact_name(raw_prefix)) is not None
        if pace:
            subject = "均衡进度"  # a gap in points, of no item the figures after it are of (`_PACE_GAP`)
        if role == "completion" and _BARE_USE_RATE.search(raw_prefix) and _after_a_count(state):
            role = "value"  # "购置设备10台，使用率95%": the equipment's use, not the money's (review16)
        if (
            role == "value"
            and m is matches[0]
            and (item := _change_after_comparison(raw_prefix, state.tail, clause[m.end() :]))
        ):
            # "与2023年相比,收、支总计各增加588.09万元": the change of the item its words name, compared in the clause before
            subject, role, direction = item, ("change_rate" if unit == "%" else "change"), _direction(raw_prefix)
        named_base = _named_year_base(state, raw_prefix, unit)
        if named_base is not None:  # "…2026年预算安排B，比2025年预算执行数减少R%": R of B on the A named by year
            subject, role, direction = state.facts[-1].subject, "change_rate", named_base[1]
        if role == "value" and qty.is_money and not (moved := _moved_by(raw_prefix))[1]:
            moved = _moved_in_a_change_list(state, raw_prefix)
        if role == "value" and qty.is_money and moved[1]:
            subject, role, direction = (
                moved[0],
                "change",
                moved[1],
            )  # "…经费仍然减少了933.78万元": a change (`_MOVED_BY`)
        if role == "value" and (change := _change_of_a_change(state, raw_prefix, qty, clause[m.end() :])) is not None:
            role, direction = (
                "change",
                change.direction,
            )  # "…减少了342.74万元,其中公务用车…308.87万元": a part of the change
        if role == "value" and (direction := _change_after_its_base(raw_prefix, m, matches, clause, state)):
            # "较2022年决算数688.84万元131.49万元,增长19.09%" (云县 2023, real reports 18): the direction word dropped, the
            # amount right after the base is the change its rate names — not a level a 其中 list could split
            subject, role = state.facts[-1].subject, "change"
        inline = qty.is_money and _inline_budget(raw_prefix, state.subject) and _OF_RATE.match(clause[m.end() :])
        if inline:  # "决算为17.06万元,完成预算27万元的63.2%": the budget of the figure before, inside its rate's words
            subject, role, direction = state.subject, "budget", 0
        of_inline = unit == "%" and state.inline_budget == len(state.facts) - 1 and compact_name(raw_prefix) == "的"
        if of_inline:
            subject, role, direction = state.facts[-1].subject, "completion", 0
        if role in ("value", "previous", "change", "change_rate") and _stated_base(raw_prefix, clause[m.end() :]):
            # "较上年2.54万元下降56.3%": last year's figure, not the change; "比年度目标12家多8家": the target — of the
            # figure compared, whose subject it keeps (not "较上年")
            role, direction = ("previous" if _YEAR_BASE.search(raw_prefix) else "value"), 0
            subject = _item_compared(raw_prefix) or state.subject
            if subject != state.subject:  # its change and rate after it are that item's too
                state.subject, state.subject_sentence = subject, state.sentence
            state.base, state.base_year = len(state.facts), ""
        if role == "value" and qty.is_money and _last_years_level(state, subject, raw_prefix):
            # "本单位2024年度支出350万元，2023年度支出300万元，增加50万元": last year's figure, the base of the change after it
            # (stated, as "比上年300万元增加…": its rate is over that figure, not over 350 − 50)
            role, state.base, state.base_year = "previous", len(state.facts), _YEAR_NAMED.findall(raw_prefix)[0]
        pair_of = None  # the level of a year pair a figure is read against (`_compared_with_pair`)
        if role == "value" and (pair := _compared_with_pair(state, raw_prefix, unit)) is not None:
            # "2016年预算8万元,2015年预算12.5万元;对比减少4.35万元" (英德 2016, real reports 30): a comparison word naming no
            # base after the year pair just printed — the change between them
            subject, role, direction = pair
            pair_of = state.facts[-1].of
        if role in ("change", "change_rate") and _CHANGE_CUE.search(subject):
            subject = _CHANGE_CUE.split(subject)[0]
            # "因公出国(境)费同口径比2018年减少9万元": the comparison's basis (同口径) is no part of the item's name
            subject = _clean_subject(_COMPARED_ON.sub("", subject))[0]
        if (
            role in ("change", "change_rate", "share", "completion")
            and subject
            and not claim_of(subject)
            and not of_inline
        ):
            resplit = _clean_subject(
                re.split(
                    r"(比上年|较上年|与上年相比|同比|完成(?:年初|全年|调整后?|当年)?预算|占)", compact_name(raw_prefix)
                )[0]
            )[0]
            if not (role in ("change", "change_rate") and _direction(resplit) and not _direction(subject)):
                subject = resplit  # (not "公务用车购置费同口径比2018年减少": the item before 比2018年 is named already)
        # "公务接待费5.21万元，公务用车…2.48万元，较上年分别减少0.79万元、1.52万元" ("…，分别下降13.17%、38%"): the first of
        # a 分别/各 list of changes is the first item's, not the item named last — which one, only the list's order says
        # (review16b); read with no item
        heads_a_list = (
            role in ("change", "change_rate")
            and (not subject or bool(_direction(subject)))
            and _RESPECTIVE_CHANGE.search(raw_prefix) is not None
            and _LIST_FOLLOWS.match(clause[m.end() :]) is not None
            and (role == "change" or _changes_of_several_items(state))
        )
        if heads_a_list:
            subject = ""
        if (
            role == "change_rate"
            and not heads_a_list
            and (not subject or _direction(subject))
            and (last := _change_just_before(state)) is not None
        ):
            subject = last.subject  # "因公出国(境)费比2018年减少9万元,下降15.3%": the rate of the change just stated
        if (
            role in ("change", "change_rate")
            and not subject
            and state.closed_detail is not None
            and _opened(clause[: m.start()]) <= 0
        ):
            subject = state.facts[state.closed_detail].subject  # the change of the figure the bracket detailed
        if role in ("change", "change_rate", "share", "completion", "previous") and not subject and not heads_a_list:
            subject = state.subject
        if role in ("change", "change_rate") and subject and _direction(subject) and not heads_a_list:
            subject = state.subject
        if unit in COUNT_UNITS and subject and subject in RESULT_VERBS:
            after = re.match(r"[\u4e00-\u9fff]{1,12}", clause[m.end() :])
            if after:
                subject = subject + after.group(0)
        if not qty.is_money and not subject and _FOR.fullmatch(_LEAD.sub("", compact_name(raw_prefix))):
            # "为7680名重度残疾人发放护理补贴": the figure before its noun — what follows it names it
            after = re.match(r"[\u4e00-\u9fff“”]{2,30}", clause[m.end() :])
            subject = compact_name(after.group(0)) if after else subject
        elif (
            not qty.is_money
            and role == "value"
            and state.subject
            and state.subject_sentence == state.sentence
            and _ACTUAL_AFTER_TARGET.match(compact_name(raw_prefix))
            and _names_nothing(subject, state.subject)
            and _after_its_target(state, qty)
        ):
            # "资助家庭经济困难学生人数目标≥4300人，实际资助4536人": the actual of the indicator the clause before named
            subject = state.subject
        if qty.is_money and _SUM_ONLY.match(raw_prefix):  # "合计", "三项合计", "上述合计": only sum words
            subject = "合计"  # the sum of the parts before it (no claim): not the last subject's figure
        if not subject and _books_spending(state, raw_prefix):
            # "收入决算1200万元，支出决算1000万元": the 1000 is spending, not the 收入's (issue 11); so after money brought
            # in when the year's spending is named ("上年结转200万元，本年支出1000万元": review13n — gaps14)
            subject = "支出"
        if (
            not subject
            and not heads_a_list
            and not (unit != SCORE_UNIT and claim_of(state.subject) == "total_score")
            and not (state.subject == "合计" and role == "budget")
        ):
            # (a score names no money: "自评得分为95分。全年预算数为200万元" — that budget is not the score's; a budget
            # after a sum is no second sum: "A项目30万元,B项目40万元,合计70万元;全年预算150万元")
            subject = state.subject
            if role == "value":
                role = state.role or "value"
        elif (
            subject == "支出"
            and role in ("value", "final")
            and state.subject_sentence == state.sentence
            and state.subject not in ("", "支出")
            and claim_of(state.subject) not in _DEPARTMENT_TOTALS
            and not _years_spending_after_carry(state, raw_prefix)  # "上年结转200万元，本年支出1000万元"
            and not _part_of_income(state)  # "收入…,其中上年结转20万元;支出480万元": the books' 支出
        ):
            # "“三公”经费预算20000元，实际支出11131.84元": the 决算 of the item the sentence named; an item without a
            # claim ("科技工业发展资金…，实际支出200万元") keeps the word, joined so that it names no claim ("项目的支出"
            # is not the department's 项目支出): its spending, not the department's
            subject, role = (state.subject, "final") if claim_of(state.subject) else (f"{state.subject}的支出", "value")
        if m is not matches[0] and (listed := _next_in_change_list(state, clause, raw_prefix, unit)) is not None:
            # "收入…,支出…,较上年分别减少496.49万元、400万元": the 400 is the next item's change, not a level of the
            # last one named (an N01 错误 against the table's 支出, review16); which item, the list's order says
            subject, role, direction = "", listed.role, _direction(raw_prefix) or listed.direction
        if role == "budget" and qty.is_money and _last_years_level(state, subject, raw_prefix, role):
            # "公务接待费2016年预算8万元,2015年预算12.5万元" (英德 2016): last year's budget after this year's, by their years
            role, pair_of, state.base = "previous", state.facts[-1].index, len(state.facts)
            state.base_year = _YEAR_NAMED.findall(raw_prefix)[0]
        inside = state.depth + _opened(clause[: m.start()]) > 0 and bool(
            state.in_detail or _INSIDE_DETAIL.match(subject)
        )
        state.in_detail = inside
        if role in ("value", "budget", "final") and subject and state.depth + _opened(clause[: m.start()]) <= 0:
            state.closed_detail = None  # a new figure outside brackets: a change after it is its own
        if role in ("value", "budget", "final") and subject and not inside and not pace:
            # (not "（含上年结转10万元）": a detail inside a bracket names no figure after it — "收入50万元（含上年结转
            # 10万元），支出45万元" made the 45 "含上年结转的支出", no 支出, review13n)
            if subject != state.subject:
                state.subject_sentence = state.sentence
            state.subject = subject
            if role in ("budget", "final"):
                state.role = state.role if state.role and subject == state.subject else ""
        of = None
        if role in ("share", "change", "change_rate", "completion", "previous"):
            at = state.levels.last(subject, state.facts)  # the last level of the subject (an index, not a walk)
            of = None if at is None else state.facts[at].index
            if role == "share" and of is None:
                of = _budget_part_before(state, subject)
            if of is None and subject in state.twins:
                of = state.twins[subject]  # "收、支总计均为1000万元,较上年增加100万元": of the first (both are equal)
            if of is None and pair_of is not None:
                of = pair_of  # a budget is no level (`SubjectLevels`): the pair names it
            if role == "change_rate" and of is None and (change := _change_just_before(state)) is not None:
                of = change.of if change.subject == subject else None  # "对比减少4.35万元;减少率35.22%": the pair's
        if role == "share" and of is not None and state.previous_of_another_after(of):
            of = None  # "…占基本支出的89.52%;上年人员经费700万元,占基本支出的80%": last year's share, no share of the 793.26
        idx = len(state.facts)
        bracketed = state.depth + _opened(clause[: m.start()]) > 0  # a detail of the figure before the brackets
        amount = role in ("value", "final", "budget")
        parent = (state.inner_parent if bracketed else state.parent) if amount and not inline else None
        if bracketed and parent is not None:
            parent = _named_sibling(state, parent, subject)
        elif parent is not None and amount:
            parent = _list_item_named(state, parent, subject)
        if parent is not None and _OF_THE_WHOLE_LIST.match(subject):
            parent = None  # "专科378人(以上人员中在职2000人)": a detail of every part listed, no part (review32)
        if parent is not None and not bracketed and qty.is_money and not any(f.parent == parent for f in state.facts):
            parent = state.parent = _level_not_rate(state, parent, qty)  # money after "…1980亩,其中:": the amount's
        # a base of comparison, or of the share right after it ("占基本支出预算881300.39元的81.25%"): no part, no total
        compared_budget = _COMPARED_BUDGET.search(raw_prefix) is not None or _share_base(raw_prefix, clause[m.end() :])
        if compared_budget or (FROM_LEVEL.search(raw_prefix) and TO_LEVEL.match(clause[m.end() :])):
            parent = None  # (…or where a change started: "其中公务接待费由18.5万元降至15.5万元", review29n)
        if (
            parent is not None
            and TO_LEVEL.match(raw_prefix)
            and (_direction(state.facts[parent].subject) or state.facts[parent].role == "change")
        ):
            # (…or the level a change ended at, in a list of changes: "三公经费减少4万元,其中公务接待费由18.5万元降至15.5
            # 万元,…" — the 15.5 is no part of the 4, review30b; nor of a change carried from the paragraph before, review31)
            parent = None
        # the top of a range printed after its low end ("其中基本支出600万元至700万元"): the low end stands for the range
        # (`precision.range_low`) — no second part, nor a total (fix32r: the two ends summed, a false N02 错误)
        range_top = gap is not None and qty.is_money and RANGE_GAP.fullmatch(gap) is not None
        if range_top:
            parent = None
        if parent is not None and _MOVED_BY_TO.search(clause[: m.start()]):
            parent = None  # (…or the level reached: "其中基本支出增加60万元至600万元,…" — the 600 is no part, review31)
        if parent is not None and _GROSS_OR_WRITTEN_OFF.search(compact_name(raw_prefix)):
            parent = None  # (…or an asset's cost or its depreciation: "其中固定资产原值860.2万元,累计折旧312.6万元", review29m)
        if (
            parent is not None
            and state.reason_at is not None
            and parent < state.reason_at
            # "其中:基本支出120万元,主要原因是人员增加,项目支出90万元": the next part by its name (review25r: lost)
            and not (not _REASON.search(raw_prefix) and _sibling_by_definition(state, raw_prefix))
        ):
            parent = (
                None  # "其中:基本支出…,主要原因是人员增加20万元": the reason's money, no part of the list before it
            )
        if parent is not None and _whole_all_paid(state, parent, qty, clause[m.end() :]):
            parent = None  # (…or the total said again as all paid: "…包括A资金60万元、补贴资金60万元全部拨付", fix32r)
        if parent is not None and _restated_share_amount(state, qty, raw_prefix):
            parent = (
                None  # "其中财政资金300万元,占比60%计300万元": the part's amount restated after its share, no new part
            )
        if parent is not None and not bracketed and parent != state.instalments_of:
            parent = _list_goes_on(state, parent, subject, qty, raw_prefix)
        if parent is not None:
            parent = _within_a_sibling(state, parent, subject)
        if parent is not None and parent == state.instalments_of and _RUNNING_TOTAL.search(compact_name(raw_prefix)):
            # "分两次拨付第一次300万元,第二次累计拨付545万元": the instalments' running total, no further part
            parent = state.parent = state.instalments_of = None
        if (
            parent is not None
            and role == "value"
            and state.facts[parent].role == "budget"
            and not _MONEY_MOVED.search(subject + raw_prefix)
        ):
            role = "budget"  # "“三公”经费预算2万元，其中公务接待费2万元": a part of a budget, named by its item only
        named = state.facts[parent] if parent is not None else state.facts[-1] if state.facts else None
        if (
            named is not None
            and qty.is_count
            and subject in RESULT_VERBS
            and named.quantity.unit == unit
            and named.sentence == state.sentence
            and named.subject not in RESULT_VERBS
        ):
            # "全县共有规模工业企业320家，其中2023年新增25家" (or "…，全年新增25家"): the new ones of the count before — its
            # noun left out (新增规模工业企业), not a bare verb naming nothing
            subject = subject + named.subject
        if (
            role in ("change", "change_rate")
            and direction
            and "增减" not in raw_prefix
            and _MINUS.search(clause, 0, m.start())
        ):
            direction = -direction  # "同比增长-13.17%": a fall of 13.17% (review17a: read as a rise, an N01 错误)
        twin = _both_named(subject) if role in ("value", "budget", "final") and parent is None else None
        if twin is not None and _NEXT_AMOUNT.match(clause[m.end() :] or state.ahead):
            twin = None  # "收、支总计各是4125.49万元、4143.91万元": one figure each, paired by 各 (respective_lists)
        if twin is not None:  # "收入总计和支出总计均为1000万元": the first item's figure here, the second's after it
            state.twins[subject] = idx
            subject = twin[0]
        fact = Fact(
            paragraph,
            idx,
            subject,
            _claim(subject, role),
            role,
            qty,
            clause.strip(),
            direction,
            parent,
            of,
            state.sentence,
        )
        if role in ("change", "change_rate") and state.base_year and _another_base(since, state.base_year):
            state.base = None  # "2024年支出8万元,2023年支出12.5万元,比年初预算减少…": not the pair's change (review27p)
        if role in ("change", "change_rate") and state.base is not None:
            fact = dataclasses.replace(fact, base=state.base)
        if named_base is not None:
            fact = dataclasses.replace(fact, base=named_base[0])
        if role in ("change", "change_rate"):
            fact = dataclasses.replace(fact, against=_compared_against(since))
            if not fact.claim and _on_last_year(fact, state):
                # "公务接待费支出5.21万元，比上年减少1.52万元": the item's spending's change on last year (lost16)
                fact = dataclasses.replace(fact, claim=_claim(subject))
        if parent is not None and parent == state.instalments_of:
            fact = dataclasses.replace(fact, listed_by=_INSTALMENTS)
        elif parent is not None and state.split_by:
            fact = dataclasses.replace(fact, listed_by=f"“{state.split_by}”")
        elif parent is not None and parent == state.last_total and state.listed_by_wei in RESPECTIVELY:
            fact = dataclasses.replace(fact, listed_by=f"“{state.listed_by_wei}”")
        elif parent is not None and any(f.parent == parent and f.listed_by == _INSTALMENTS for f in state.facts):
            # a split of the whole by use after its instalments ("…295万元。其中用于设备采购300万元"): a list apart
            fact = dataclasses.replace(fact, listed_by=SPLIT_OF_WHOLE)
        state.add(fact)
        if not bracketed:
            state.outside = idx
        if twin is not None:
            state.add(dataclasses.replace(fact, index=idx + 1, subject=twin[1], claim=_claim(twin[1], role)))
        if state.enumeration is not None and state.enumeration.items:
            state.enumeration.items[-1].append(idx)
        state.inline_budget = idx if inline else None
        # (a figure of each item — "平均每个项目71.67万元" — is no whole a 其中 after it splits, review29n)
        each = _EACH_ITEM.search(compact_name(raw_prefix)) is not None
        if (
            amount
            and parent is None
            and not bracketed
            and not inline
            and not compared_budget
            and not each
            and not range_top
        ):
            state.last_total = idx
        rest = clause[m.end() : _next_start(matches, m, clause)]
        if (
            parent is not None
            and not bracketed
            and _parts_reach(state, parent)
            and not re.match(r"\s*[、和及]", rest)
            and not _further_part(state, parent, rest if rest.strip() else state.ahead)
        ):
            state.parent, state.listed_by_wei = None, ""  # the parts make the total: what follows is new
    tail = clause[matches[-1].end() :]
    state.tail = tail
    if _opened(tail) > 0 and ("其中" in tail or _BRACKET_LIST.search(tail)) and state.facts:
        state.inner_parent = len(state.facts) - 1  # "886.12万元（其中：人员经费…，公用经费…）"


#: A bracket that opens a list of the figure before it with 包括 ("公务用车购置及运行维护费4070万元(包括:公务用车运行维护费
#: 2648万元、公务用车购置1422万元)", 江北区 2021, real reports 15), as "（其中：…）" does.
_BRACKET_LIST = lazy_compile(r"[(（【\[［]\s*包括\s*[:：]?\s*$")


#: A clause announcing another split of the whole ("按支出功能分", "按经济分类", "按资金来源分"): the parts after it are
#: a list of their own, not more parts of the list before (summed together they count the money twice, review 10b).
_SPLIT_BY = lazy_compile(r"(?:其中)?按[\u4e00-\u9fff]{1,8}分(?:类)?(?:如下)?", needs=("按",))
#: A heading that splits a total by a named dimension without "其中" ("…决算1000万元。按资金来源分：财政拨款700万元，上级
#: 补助300万元"): the amounts after it are the parts of the nearest total before it in the paragraph, as after 其中
#: (issue 12; the 决算报表's own splits: 收入决算表 by source, 支出决算表 by 功能分类/经济分类 and 基本/项目 支出).
_SPLIT_HEADING = lazy_compile(
    r"按(?:(?:资金来源|收入来源|支出性质)(?:划分|分)(?:类)?|(?:支出)?(?:经济|功能)分类(?:划?分)?)(?:如下|为|是)?"
    # "总预算36,620万元,经调整后资金的来源为:中央财政补助…" (reports37): the sources named as the money's
    r"|(?:经调整后的?)?(?:资金|收入)的?来源(?:如下|为|是)",
    needs=("按", "来源"),
)


#: A budget printed only as the base a figure is compared with ("…决算汇总数为1134万元,…较预算数1237万元减少103万元,
#: 下降8%。其中:…", 迪庆州 2021, real reports 28): no total of its own — a 其中 after it splits the figure compared
#: (the 1134), not the budget (`_State.last_total`).
_COMPARED_BUDGET = lazy_compile(
    r"(?:比|较|与)\s*(?:(?:19|20)\d{2}\s*年度?)?(?:年初|调整后?|全年)?预算数?\s*(?:为|是)?\s*$", needs=("预算",)
)

#: An amount printed as the whole a share right after it is of: "占<name>" before it, "的<rate>" after it
#: ("工资福利支出预算716052.51元,占基本支出预算881300.39元的81.25%", review26r: read as a second 其中 part, a false N02
#: 错误 "716052.51 + 881300.39 超过了总数").
_SHARE_BASE = lazy_compile(r"占[^\d，,。；;：:（）()]{2,16}$", needs=("占",))
_SHARE_AFTER = lazy_compile(r"\s*的\s*(?:比例|比重)?\s*(?:为|是)?\s*\d")


def _share_base(raw_prefix: str, after: str) -> bool:
    """The amount is the named whole of the share printed right after it (see `_SHARE_BASE`)."""
    return _SHARE_BASE.search(compact_name(raw_prefix)) is not None and _SHARE_AFTER.match(after) is not None


def _budget_part_before(state: _State, subject: str) -> int | None:
    """The budget a share right after it is of, when it is a 其中 part of the same subject: a 预算 说明 names each part a
    budget ("基本支出预算881300.39元,其中:工资福利支出预算716052.51元,占基本支出预算81.25%;商品和服务支出预算
    165247.88元,占18.76%", 梧州 units' 预算 公开, real reports 30), and a budget is no level (`LEVEL_ROLES`), so the share
    was of nothing and never held to the total its 其中 splits. Only the figure right before the share, of the share's
    own subject and a part of a total: any other figure between them, or a budget standing alone, keeps the share
    unread."""
    if not state.facts or not subject:
        return None
    last = state.facts[-1]
    if last.role != "budget" or last.parent is None or last.subject != subject or not last.quantity.is_money:
        return None
    own = last.clause[: max(last.clause.find(last.quantity.text), 0)]
    if set(_YEAR_NAMED.findall(own)) - set(_YEAR_NAMED.findall(state.facts[last.parent].clause)):
        return None  # "2023年…预算…,其中:2022年工资福利支出预算865032元,占82.58%": another year's (review26r)
    return last.index


#: A total named as the money before an adjustment ("原预算", "调整前", "年初预算", "初始预算", "批复总预算", "计划总投资"),
#: or as the adjustment itself ("调减3380万元"): "经调整后资金的来源为:" splits no such total (review30c: "原预算40,000万元,
#: 经调整后资金的来源为:…" was a 警告 'the sources fall short'; fix32r: 初始/批复/计划, and 调减 read as the whole) — unless
#: its name says it is the adjusted one ("调整后批复预算").
_BEFORE_ADJUSTMENT = lazy_compile(r"原|调整前|年初|初始|批复|计划|调减|调增|追加|核减|核增")
_ADJUSTED = lazy_compile(r"调整后|调整为|调减后|调增后")


def _split_whole(state: _State, heading: str) -> int | None:
    """The total a split heading opens the parts of: the nearest money total before it in the paragraph (a figure
    itself no part of another), unless bracketed — or named as the money before an adjustment the heading names after."""
    if state.depth or state.last_total is None:
        return None
    whole = state.facts[state.last_total]
    name = compact_name(whole.clause[: whole.clause.find(whole.quantity.text)].split(",")[-1].split("，")[-1])
    if "调整后" in heading and _BEFORE_ADJUSTMENT.search(name) and not _ADJUSTED.search(name):
        return None
    return whole.index if whole.quantity.is_money and whole.role in ("value", "budget", "final") else None


#: Words right after an amount saying all of it was paid or arrived ("60万元全部拨付", "…已全额到位", "…已足额下达").
_ALL_OF_IT = lazy_compile(
    r"^\s*(?:已经?|均已)?\s*(?:全部|全额|足额)\s*(?:拨付|到位|下达|支出|使用|兑付|发放|落实)",
    needs=("全部", "全额", "足额"),
)


def _whole_all_paid(state: _State, parent: int, qty: Quantity, after: str) -> bool:
    """The amount equals its total, the parts before it made that total, and the words after it say all of it was paid
    ("预算数60万元,包括购机补贴和作业补贴资金60万元、补贴资金60万元全部拨付", review31b's open case): the total said
    again with what became of it — no further part (summed, a false N02 错误 "60万元 + 60万元 超过了总数")."""
    total = state.facts[parent]
    return (
        _ALL_OF_IT.match(after) is not None
        and qty.unit == total.quantity.unit
        and qty.value == total.quantity.value
        and any(f.parent == parent for f in state.facts)
        and _parts_reach(state, parent)
    )


#: The words between a share and the amount it comes to ("80%计260万元", "60%即300万元"; funds_arith checks the amount).
COMES_TO = r"\s*(?:计|即|合计|共计)\s*"


def _restated_share_amount(state: _State, qty: Quantity, raw_prefix: str) -> bool:
    """An amount right after "N%计"/"即" (its prefix only those words) that equals the amount stated just before the share:
    the same part said again in money, not one more part of the total."""
    if not re.fullmatch(COMES_TO, raw_prefix) or len(state.facts) < 2:
        return False
    share, before = state.facts[-1], state.facts[-2]
    return (
        share.quantity.unit == "%"
        and before.role in ("value", "final", "budget")
        and before.quantity.unit == qty.unit
        and before.quantity.value == qty.value
    )


#: Words opening the detail of the figure right before them: "具体是：", "具体为…" (no 分别为: "预算数、决算数分别为…"
#: names two figures, not parts).
_DETAIL = lazy_compile(r"具体(?:是|为|如下|包括)")
#: The 部门决算说明's heading of a total's uses ("一般公共预算财政拨款支出307.82万元，主要用于以下方面：一般公共服务支出
#: （类）264.87万元，占86.05%；…", the 财政部 template's 支出决算结构 paragraph, real reports 20): the amounts after it are
#: the parts of the figure right before, as after "具体是". Only with 以下/如下 (方面): "主要用于购买设备" names one use.
_USES_HEADING = lazy_compile(
    r"(?:主要|具体)?用于(?:以下|如下)(?:[几两三四五六七八九十]?(?:个|大)?方面)?", needs=("用于",)
)
#: A clause opening with 含/包含/包括 outside brackets ("…9.9162亿元。含A 2.7609亿元、B 4.4645亿元…", "基本支出2994.57
#: 万元,包含工资福利支出…") lists what the amount right before it includes — its parts, like 其中 (not 含税/含量/含有;
#: "（含…）" in brackets is a detail already inside).
_INCLUDES = lazy_compile(r"(?:包含|包括|含)(?!税|量|有|义)", needs=("含", "包括"))
#: The first instalment in a clause of its own, after a clause announcing the split ("分两批下达,第一批250万元").
_FIRST_ORDINAL = lazy_compile(r"^第[一1](?:笔|批|次)", needs=opening("第"))
_SPLIT = lazy_compile(r"分(?:[两二三四五六七八九十\d]+)(?:批|次|笔)")
#: A later instalment ("第二批", "第3笔"): after a 其中 detailing the one before, it is a part of the whole again.
_NEXT_ORDINAL = lazy_compile(r"第[二三四五六七八九十2-9](?:笔|批|次)")


def _split_announced(tail: str) -> bool:
    """The words since the last figure, in this sentence, announce instalments ("…545万元,分两批下达,")."""
    return "。" not in tail and bool(_SPLIT.search(compact_name(tail)))


#: Words of a running total among instalments ("第二次累计拨付", "共计", "合计"): the whole so far, not one more part.
_RUNNING_TOTAL = lazy_compile(r"(累计|共计|合计|总计|共)")
#: A clause opening the instalments of the amount right before it: "分别于2020年1月下达第一笔经费250万元,9月下达第二批
#: …295万元", "分两批拨付,第一批…" — the amounts so numbered are the parts of that amount.
_FIRST_INSTALMENT = lazy_compile(
    r"^分(?:别|[两二三四五六七八九十\d]+(?:批|次|笔))[^，,。；;]{0,20}?第[一1](?:笔|批|次)", needs=opening("分")
)
#: An ordinal marker opening a clause: "一是…", "二是…" or "（一）…", "(二)…".
_ORDINAL = lazy_compile(
    r"^\s*(?:(?P<shi>[一二三四五六七八九十])是|[（(](?P<paren>[一二三四五六七八九十])[)）])",
    needs=opening("一二三四五六七八九十（(", space=True),
)
_ORDINALS = "一二三四五六七八九十"
#: The head of an enumeration of a total's parts, once the total's own subject is taken out of it: generic words
#: and a word opening a list ("项目有", "具体是", "主要用于", "包括") — nothing of its own.
_ENUMERATION_HEAD = lazy_compile(
    r"(?:的)?(?:项目|资金|经费|具体|主要|分别|其中|明细)*(?:有|包括|包含|如下|是|为|用于)(?:以下|如下)?"
    r"(?:[一二三四五六七八九十两几]?(?:个|大|项)?方面)?"  # "主要包含三大方面", "包括以下几个方面", "两方面"
)


#: Money of another measure than a year's allocation: an item so named is no share of a total not so named.
_OTHER_MONEY = lazy_compile(r"(总投资|投资|概算|合同|累计|总额|总计|计划)")


#: How an instalment list marks its parts (`Fact.listed_by`); a later 其中 of the same whole is another list, marked
#: SPLIT_OF_WHOLE (its total is the whole for certain: even a lone part of it is checked against the whole).
_INSTALMENTS = "“分别…第一笔/批…”所列"
SPLIT_OF_WHOLE = "“其中”"


def _qizhong_total(state: _State, qty: Quantity | None = None) -> int | None:
    """The total a "其中" opens the parts of: the figure right before it when that figure is itself a listed part
    ("具体如下：一是当年财政拨款1000万元，其中中央资金600万元、省级资金400万元" — the 1000's sources, not more parts of
    the whole), else the last total. After an instalment list that has ended (its total made, or in a sentence before)
    it opens a second split of the whole ("…第二批专项经费295万元。其中用于设备采购300万元、人员培训200万元": by use).
    After a closed bracket of parts (and its rates, "…),比上年增长5.2%,其中,…") it opens the figure before the bracket
    again ("支出合计334959万元(其中结转下年支出10277万元、上解上级支出12285万元),其中,一般公共预算支出287975万元,…":
    issue 12 — held to the 12285, a false N02 错误)."""
    if state.facts:
        last = state.facts[-1]
        if (
            state.closed_detail is not None
            and not state.depth
            and any(
                _of_closed_bracket(state.facts, state.closed_detail, f)
                for f in (last, state.facts[state.outside] if state.outside is not None else last)
            )
        ):
            _bracket_list_apart(state, state.closed_detail)
            return state.closed_detail
        if last.role == "previous" and last.parent is None and last.sentence == state.sentence:
            return _previous_whole(state, last)
        if (
            last.parent is None
            and last.index == state.statement_from
            and last.role in ("value", "budget", "final")
            and last.subject not in _words_before(last)
        ):
            # "…,公用经费40万元;实际支出90万元,其中:…" (review32): the figure opening the statement, its part's name only
            # carried to it — the 其中 splits it, not the part (held to the 40 by place, a false N02 警告)
            return last.index
        if last.listed_by == _INSTALMENTS and last.parent is not None and state.parent != last.parent:
            state.instalments_of = None
            return last.parent
        if last.parent is not None and last.quantity.is_money and last.role in ("value", "budget", "final"):
            return last.index
        if last.parent is not None and last.quantity.is_count and last.index == state.statement_from:
            # "在职人数239人,其中在岗人数230人;离退休人数195人,其中离休人员2人,退休人员194人" (株洲 2024 p51 with its first
            # list short, prose28): a count opening a statement after a semicolon, then a 其中 — that count's parts
            return last.index
        if (part := _part_restated(state.facts)) is not None or (part := _lone_part_rated(state.facts)) is not None:
            # that part's list ends at its semicolon, the whole's goes on — in the part's sentence only: a 其中 opening a
            # sentence of its own splits the part to its end ("…其中一般公共预算收入5.02亿元,增长20.5%。其中:税收收入
            # 3.54亿元,…;非税收入1.48亿元,…": review28r — the 1.48 was held to the whole, '应为 9.9%')
            if state.detailing is None and state.facts[part].sentence == state.sentence:
                state.detailing = state.facts[part].parent
            return part
        if last.parent is not None and _another_measure_part(state.facts, last, qty):
            # "补助资金17.80万元,其中中央资金10万元,计划兑现面积1980亩,其中:粮食折现补贴13.84万元、…" (review30c): a 其中 after a
            # figure of another measure inside the money's list — a new split of the whole, or of that figure's money: not
            # said (summed with the 10 it was a false N02 错误); no total
            return None
    total = _level_not_rate(state, state.last_total, qty)
    return None if total is not None and _one_of_respective_wholes(state.facts, total) else total


def _previous_whole(state: _State, last: Fact) -> int | None:
    """The total a 其中 right after last year's figure splits (review32: "…预算共安排546.23万元,其中:…;上年实际支付355.16万元,
    其中:中央268.74万元、…" — summed into this year's list, a false N02 错误): that figure when it opens its statement
    naming a whole of its own ("上年实际支付"), else none — "支出1000万元,上年为900万元,其中…" may split either."""
    opens = last.index in (0, state.statement_from) or state.facts[last.index - 1].sentence != last.sentence
    named = _YEAR_BASE.sub("", last.subject).strip("度的为是数")
    return last.index if opens and len(named) >= 2 else None


def _one_of_respective_wholes(facts: list[Fact], total: int) -> bool:
    """The total is one of a 分别 list of wholes ("收入、支出分别为1200万元、1000万元,其中…", "2024年、2023年支出分别为…"):
    which of them a 其中 after it splits only its place says (review31: held to the last, three false N02 错误) — none."""
    whole = facts[total]
    return (
        "分别" in whole.subject
        and whole.parent is None
        and any(f.clause == whole.clause and f.subject == whole.subject and f.parent is None for f in facts[:total])
    )


def _another_measure_part(facts: list[Fact], last: Fact, qty: Quantity | None) -> bool:
    """`last`, read as a part of a money total, measures something else (an area, a count), and the 其中 after it lists
    money (or opens a heading, "其中:", whose figures are yet to come)."""
    whole = facts[last.parent] if last.parent is not None else None
    return (
        whole is not None
        and whole.quantity.is_money
        and not last.quantity.is_money
        and not last.quantity.is_percent
        and (qty is None or qty.is_money)
    )


def _close_detail(state: _State) -> None:
    """The bracket of `state.inner_parent`'s parts closed: a change after it, or a 其中 (`_qizhong_total`), is that
    figure's — unless the bracket split the change of the figure a bracket before closed on ("…(其中A、B),比上年增加
    5000万元(其中:A增加3000万元、B增加2000万元),其中,…": fix32r), whose bracket a 其中 after them still follows."""
    inner = state.facts[state.inner_parent] if state.inner_parent is not None else None
    if inner is not None and not (
        state.closed_detail is not None and inner.role in ("change", "change_rate") and inner.of == state.closed_detail
    ):
        state.closed_detail = inner.index
    if state.closed_detail is not None:
        state.subject = state.facts[state.closed_detail].subject
    state.inner_parent = None


def _of_closed_bracket(facts: list[Fact], whole: int, last: Fact) -> bool:
    """`last` is the closed bracket's part of `whole`, or a change, rate or share of the whole or of such a part
    ("…(其中结转下年支出10277万元,占3.1%),其中,…"; "…(其中省级资金300万元、县级资金200万元),比上年增加50万元,其中,…":
    review30b — the list after it was held to the bracket's part, or summed with the bracket's parts)."""
    if last.parent == whole or last.role == "change_rate":
        return True
    if last.role not in ("change", "share") or last.of is None:
        return False
    return last.of == whole or facts[last.of].parent == whole


#: How a bracket's list of a whole is marked (`Fact.listed_by`) when a 其中 after the bracket splits the whole again.
_IN_BRACKET = "括号内“其中”"


def _bracket_list_apart(state: _State, whole: int) -> None:
    """The closed bracket's parts of `whole` marked a list apart: the 其中 after the bracket splits the whole again
    ("334959万元(其中结转下年支出10277万元、上解上级支出12285万元),其中,一般公共预算支出287975万元,…"), each list summed
    on its own (`funds_arith._part_lists`); the closing bracket bounds that list, as words bound a marked one."""
    for k, fact in enumerate(state.facts):
        if fact.parent == whole and not fact.listed_by:
            state.facts[k] = dataclasses.replace(fact, listed_by=_IN_BRACKET)


def _level_not_rate(state: _State, total: int | None, qty: Quantity | None) -> int | None:
    """The total a 其中 list of amounts splits is a level, never a rate read as a value after it: "收入预计完成5.02亿元,
    预算的102.7%,同比增长20.5%。 其中:地方税收收入3.54亿元,…;非税收入1.48亿元" (君山 2023, reports33) — the parts are
    the 5.02's, the last amount before the rate in its sentence (the rate was the total: a sum over it never read). A
    list of rates (`qty` a percent) keeps its total; no such amount: no total. Amounts after a figure of another measure
    are likewise the last amount's before it: "补助资金17.80万元,计划兑现面积1980亩,其中:粮食折现补贴13.84万元、现金补贴
    3.96万元" (陈仓 2021, reports37) — money is no part of an area; no such amount: the total as it was."""
    if total is None:
        return total
    measure = state.facts[total].quantity
    money_under_measure = qty is not None and qty.is_money and not measure.is_money and not measure.is_percent
    if not money_under_measure and (not measure.is_percent or (qty is not None and qty.is_percent)):
        return total
    rate = state.facts[total]
    levels = [
        f
        for f in state.facts[:total]
        if f.sentence == rate.sentence
        and f.parent is None
        and f.role in ("value", "budget", "final")
        and not f.quantity.is_percent
        and (qty is None or f.quantity.is_money == qty.is_money)
    ]
    return levels[-1].index if levels else (total if money_under_measure else None)


def _sibling_by_definition(state: _State, clause: str) -> bool:
    """The clause after a semicolon names the part's own next part by definition (`DECOMPOSITIONS`: "其中:公务用车运行维护费
    …;公务用车购置费…", 云县 2023 — 运行维护费 and 购置费 both of 公务用车购置及运行维护费): the detail goes on past it."""
    if state.parent is None:
        return False  # the detail made its part already (`_parts_reach`): the whole's list goes on
    claim = claim_of(_clean_subject(re.split(r"\d", clause, maxsplit=1)[0])[0])
    listed = {f.claim for f in state.facts if f.parent == state.parent and f.claim and f.claim != claim}
    return bool(claim) and any(claim in parts and listed & set(parts) for parts in DECOMPOSITIONS.values())


def _part_restated(facts: list[Fact]) -> int | None:
    """The listed money part the facts after it only restate — its budget, completion, change and rate, named by its
    own subject, in no list ("公务用车购置及运行维护费支出决算为2.02万元,完成全年预算5.3万元的38.1%,比上年决算数减少
    0.33万元,下降14%,其中:公务用车购置…,公务用车运行维护费…", 罗湖 2024): a 其中 after them opens that part's own
    parts, as right after it (review14r: the nested lines were summed into the 三公 total's list, "应为 4.04万元")."""
    last = facts[-1]
    for fact in reversed(facts[:-1]):
        if fact.role == "previous" and fact.parent is None and fact.sentence == last.sentence:
            continue  # "…决算支出数为571.04万元,较2022年决算数441.63万元129.41万元,增长29.3%,其中:…": its last year's figure
        if fact.subject != last.subject or not fact.subject:
            return None
        if fact.parent is not None:
            whole = fact.quantity.is_money and fact.role in ("value", "budget", "final")
            return fact.index if whole and fact.sentence == last.sentence else None
    return None


def _lone_part_rated(facts: list[Fact]) -> int | None:
    """The one listed money part of its sentence, when only its rates follow it ("全区地方财政收入完成9.8亿元,其中一般
    公共预算收入5.02亿元,预算的102.7%,同比增长20.5%。 其中:地方税收收入3.54亿元,…;非税收入1.48亿元": review28r — the
    parts were summed into the 9.8's list with the 5.02, '应为 10.04亿元'): a 其中 after them opens that part's parts, as
    right after it. Not after two parts ("其中基本支出10亿元,项目支出5亿元,分别占…"): which one it splits is unsaid. The
    rates may stand in sentences of their own when they name no other subject ("…其中一般公共预算收入284.1亿元。完成预算
    的98%,下降2%。其中:…": still the part's rates, prose29)."""
    at = len(facts) - 1
    while at >= 0 and facts[at].quantity.is_percent:
        at -= 1
    if at < 0 or at == len(facts) - 1:
        return None
    part = facts[at]
    if part.parent is None or not part.quantity.is_money or part.role not in ("value", "budget", "final"):
        return None
    if any(f.sentence != part.sentence and f.subject != part.subject for f in facts[at + 1 :]):
        return None  # "…其中一般公共预算收入284.1亿元。财政总收入完成预算的98%。其中:…": the whole's rate between
    siblings = [f for f in facts if f.parent == part.parent and f.sentence == part.sentence and f.quantity.is_money]
    return part.index if siblings == [part] else None


#: A bracket right after a count, or after the noun it counts ("187人(…", "20个内设机构（…"): the count's breakdown.
_NOUN_THEN_BRACKET = lazy_compile(r"\s*(?:[\u4e00-\u9fff]{1,8}\s*)?[(（]")


def _count_before(state: _State, unit: str | None) -> int | None:
    """The count right before a bracket, when of the unit of the first figure inside it: the total the bracket's counts
    split ("…对象4378人(其中…2104人,…2274人)"; "局本级187人(在职在编139人、…)") — a count of another unit ("14户(39人)")
    or a rate is none."""
    if not state.facts:
        return None
    last = state.facts[-1]
    same = last.quantity.unit == unit or {last.quantity.unit, unit} <= PEOPLE_UNITS  # "新生3000名(其中…1150人,…)"
    if last.quantity.is_count and same and last.role == "value":
        return last.index
    return None


#: The measure words that count people alike ("3000名" split into "1150人" and "1850人").
PEOPLE_UNITS = frozenset({"人", "名"})


def _part_before_colon(state: _State) -> int | None:
    """A listed money part that ends its clause right before a colon ("其中当年财政拨款950万元:"): the figure the
    amounts after the colon detail, as a 其中 after a listed part opens that part's own (`_qizhong_total`)."""
    if not state.facts or state.depth or not re.fullmatch(r"[\s：:]*", state.tail):
        return None
    last = state.facts[-1]
    if last.parent is not None and last.quantity.is_money and last.role in ("value", "budget", "final"):
        return last.index
    return None


#: A year a bracket's words name ("（2020年公务用车运行维护费4万元）").
_A_YEAR = lazy_compile(r"(?:19|20)\d{2}(?=年)")


def _defined_whole_before(state: _State, prefix: str) -> int | None:
    """The money figure right before a bracket whose first name inside is one of that figure's parts by definition
    (`DECOMPOSITIONS`: 公务用车购置及运行费 → 公务用车购置费 │ 公务用车运行维护费): the total the bracket splits. A bracket
    of other names ("100万元（含上年结转20万元）") stays a detail inside (`stated_sums._bracketed`)."""
    if not state.facts:
        return None
    last = state.facts[-1]
    inside = prefix[max(prefix.rfind("("), prefix.rfind("（")) + 1 :]
    own = last.clause[: max(last.clause.find(last.quantity.text), 0)]  # the words naming the figure, its year
    if not set(_A_YEAR.findall(inside)) <= set(_A_YEAR.findall(own)):
        return None  # "2.48万元（2020年公务用车运行维护费4万元）": another year's part, no split of this figure (review16b)
    part = claim_of(_clean_subject(inside)[0])
    if (
        last.quantity.is_money
        and last.role in ("value", "budget", "final")
        and part in DECOMPOSITIONS.get(last.claim, ())
    ):
        return last.index
    return None


def _detailed(state: _State) -> int | None:
    """The figure right before a "具体是/具体为" detail, when it is a money amount (the total the detail splits)."""
    if not state.facts:
        return None
    last = state.facts[-1]
    if last.quantity.is_money and last.role in ("value", "budget", "final"):
        return last.index
    return None


def _enumerate(clause: str, state: _State) -> None:
    """Follow "一是…二是…" (or "（一）（二）") lists: the first marker opens one when the words since the figure before
    name that figure and a list ("区直文博系统12774万元。区直文博系统项目有：一是…"); the next marker in sequence opens
    its next item; a marker out of sequence ends it."""
    m = _ORDINAL.match(clause)
    if m is None:
        return
    style = "是" if m.group("shi") else "()"
    n = _ORDINALS.index(m.group("shi") or m.group("paren")) + 1
    running = state.enumeration
    if running is not None and running.style == style:
        if n == len(running.items) + 1:
            running.items.append([])
            return
        running.broken = True
        state.enumeration = None
    if n != 1:
        return
    total = _detailed(state)
    head = re.sub(r"[^\w]", "", compact_name(state.tail))  # its words, no punctuation
    if total is None:
        return
    subject = state.facts[total].subject
    # the words since the figure name it again and a list ("区直文博系统项目有："), or — when it is its sentence's one
    # money figure, so no other can be meant — only a list ("项目全年实际支出1045万元，主要用于：")
    alone = [f for f in state.facts if f.quantity.is_money and f.sentence == state.facts[total].sentence] == [
        state.facts[total]
    ]
    own = head.replace(subject, "", 1) if len(subject) >= 2 and subject in head else (head if alone else None)
    if own and _ENUMERATION_HEAD.fullmatch(own):
        state.enumeration = _Enumeration(total, style, head, [[]])
        state.enumerations.append(state.enumeration)


def _enumerated_parts(facts: list[Fact], enumerations: list[_Enumeration]) -> None:
    """Each item of a complete enumeration holds exactly one money amount of its own (its details, 具体是/其中, are
    parts of it): that amount is a part of the total. An item with none or several (总投资…，本年下达…) leaves the
    whole list unread."""
    for e in enumerations:
        if e.broken or len(e.items) < 2:
            continue
        own = [
            [i for i in item if facts[i].quantity.is_money and facts[i].parent in (None, e.total)] for item in e.items
        ]
        if any(len(o) != 1 or facts[o[0]].role not in ("value", "budget", "final") for o in own):
            continue
        total = facts[e.total]
        kinds = {k for (i,) in own for k in _OTHER_MONEY.findall(facts[i].subject)}
        if kinds - set(_OTHER_MONEY.findall(total.subject + total.clause)):
            continue  # "一是甲项目，总投资300万元": a project's investment, not its share of the year's 100万元
        marks = "、".join(f"{_ORDINALS[k]}是" if e.style == "是" else f"（{_ORDINALS[k]}）" for k in range(len(own)))
        for (i,) in own:
            facts[i] = dataclasses.replace(facts[i], parent=e.total, listed_by=f"“{e.head}”{marks}")


#: A clause of shares one for each amount listed right before it ("中央资金60万元、省级资金30万元,分别占54.55%、27.27%";
#: "占比分别为…", "分别占总资金的…"): the first share for the first amount, and so on.
_RESPECTIVE_SHARES = lazy_compile(
    r"(?:分别占(?:比)?(?:[^\d，,。；;]{0,12}?的)?|(?:所占)?(?:占比|比例|比重)分别)(?:为|是|达)?$"
)
#: How such shares are marked (`Fact.listed_by`): funds_arith sums them when no amount is paired (≤ 100%).
RESPECTIVE_SHARES = "“分别占”"


#: The whole a share names in its words ("占全省资金的5%", "分别占总资金的…"): 占 … 的 before the figure.
_SHARE_OF = lazy_compile(r"占(?:比)?([^\d，,。；;]{1,12}?)的")
#: Words naming the whole in general — the total the part is listed under, whatever its own name.
_ANY_WHOLE = lazy_compile(
    r"^(?:项目|本年|全年|当年|年度)?(?:总|全部)?(?:资金|经费|金额)?(?:总额|总数|总量|合计|总计|总)?$"
)


def _whole_a_share_names(share: Fact) -> str:
    """The words naming the whole a share is of ("人员经费793.26万元，占基本支出的89.52%": 基本支出), "" when they name none
    or the whole in general ("占总额的…", "占比…")."""
    at = share.clause.find(share.quantity.text)
    m = _SHARE_OF.search(share.clause[:at]) if at >= 0 else None
    return "" if m is None or _ANY_WHOLE.match(m.group(1)) else m.group(1)


def _names(fact: Fact, words: str) -> bool:
    """The figure's subject or claim is what the words name ("基本支出", "一般公共预算财政拨款" for "财政拨款")."""
    return words in fact.subject or fact.subject.endswith(words) or (bool(fact.claim) and claim_of(words) == fact.claim)


def shares_name_their_whole(facts: Sequence[Fact], parts: list[Fact], whole: Fact) -> bool:
    """Every share given for the parts names `whole` ("其中人员经费793.26万元，占项目支出的…" under 项目支出): the words tie
    the list to that figure, not only its place (gaps17's certain excess; review31's place-pairing note does not apply)."""
    indices = {p.index for p in parts}
    named = [_whole_a_share_names(f) for f in facts if f.role == "share" and f.of in indices]
    return bool(named) and all(words and _names(whole, words) for words in named)


def _lists_named_by_their_shares(facts: list[Fact]) -> None:
    """A 其中 list whose parts' shares name their whole ("…其中基本支出886.12万元，项目支出313.88万元。其中人员经费793.26万元，
    占基本支出的89.52%；公用经费92.86万元，占基本支出的10.48%") is the parts of the figure those words name, stated before
    the list — not of the figure nearest the 其中 (gaps17: summed against the 313.88 项目支出, an N02 错误 "应为 886.12万元").
    Only when every share naming a whole names that one, a money figure before the list in the parts' unit."""
    lists: dict[int, list[Fact]] = {}
    for fact in facts:
        if fact.parent is not None and fact.quantity.is_money and not fact.listed_by:
            lists.setdefault(fact.parent, []).append(fact)
    for parent, parts in lists.items():
        indices = {p.index for p in parts}
        named = {_whole_a_share_names(f) for f in facts if f.role == "share" and f.of in indices} - {""}
        if len(named) != 1 or _names(facts[parent], words := next(iter(named))):
            continue
        wholes = [
            f
            for f in facts[: parts[0].index]
            if f.quantity.is_money and f.role in ("value", "budget", "final") and _names(f, words)
        ]
        if not wholes or wholes[-1].index == parent or wholes[-1].quantity.unit != parts[0].quantity.unit:
            continue
        for part in parts:
            facts[part.index] = dataclasses.replace(part, parent=wholes[-1].index)


def _respective_shares(facts: list[Fact]) -> None:
    """Shares after "分别占" (the clause's percentages, two or more): each is the share of the amount in the same place
    of the run of money amounts right before them in the sentence, as many as the shares — `of` that amount, its
    subject; with no such run the shares are only marked (`RESPECTIVE_SHARES`)."""
    for first in facts:
        at = first.clause.find(first.quantity.text)
        if not (first.quantity.is_percent and at >= 0 and _RESPECTIVE_SHARES.search(compact_name(first.clause[:at]))):
            continue
        if first.index and facts[first.index - 1].clause == first.clause:
            continue  # not the clause's first figure
        shares = [f for f in facts[first.index :] if f.clause == first.clause and f.sentence == first.sentence]
        if len(shares) < 2 or not all(f.quantity.is_percent for f in shares):
            continue
        k = len(shares)
        amounts = facts[first.index - k : first.index] if first.index >= k else []
        paired = bool(amounts) and all(
            f.quantity.is_money
            and f.sentence == first.sentence
            and f.role in ("value", "budget", "final")
            and f.parent == amounts[0].parent
            for f in amounts
        )
        for i, share in enumerate(shares):
            facts[share.index] = dataclasses.replace(
                share,
                role="share",
                listed_by=RESPECTIVE_SHARES,
                subject=amounts[i].subject if paired else share.subject,
                of=amounts[i].index if paired else None,
            )


def _last_years_level(state: _State, subject: str, prefix: str, role: str = "value") -> bool:
    """The figure is named by the year before the one naming the same item's level stated just before it in its sentence
    ("本单位2024年度支出350万元，2023年度支出300万元，增加50万元，增长16.67%"): last year's figure, the base of the change
    after it — not a second level of the item (read as one, the rate was held to 300 − 50: an N02 错误 "应为 20%",
    review16c). Only one year named on each side, the same item: anything else stays a level. A budget the same, after
    the same item's budget only ("公务接待费2016年预算8万元,2015年预算12.5万元", 英德 2016): last year's budget."""
    years = _YEAR_NAMED.findall(prefix)
    if len(years) != 1 or not subject or not state.facts:
        return False
    last = state.facts[-1]
    roles = ("budget",) if role == "budget" else ("value", "final")
    if last.sentence != state.sentence or last.role not in roles or last.subject != subject:
        return False
    named = _YEAR_NAMED.findall(last.clause)
    return len(named) == 1 and int(named[0]) == int(years[0]) + 1


#: A comparison word naming no base, then the direction ("对比减少", "相比增加了", "与之相比下降"): a change only of a pair of
#: levels just printed (`_compared_with_pair`).
_BARE_COMPARISON = lazy_compile(
    r"^(?:对比|相比|相较|比较|与之相比|较之)(?:而言)?[，,]?(?P<way>增加|减少|增长|下降|降低|提高|上升|节约)(?:了)?(?:率|幅度?)?"
    r"(?:为|是)?$",
    needs=("比", "较"),
)


def _compared_with_pair(state: _State, prefix: str, unit: str) -> tuple[str, str, int] | None:
    """(subject, role, direction) of a change whose comparison names no base ("对比减少4.35万元", "减少率35.22%" after it)
    when the figure before it in its sentence is last year's level read as such (`_last_years_level`: "2016年预算8万元,
    2015年预算12.5万元"): the change between that pair, the year pair naming its base. Without the pair ("预算8万元;对比
    减少4.35万元") the words compare with nothing printed: no change is read."""
    m = _BARE_COMPARISON.fullmatch(compact_name(prefix) or "x")
    if m is None or not state.facts:
        return None
    last = state.facts[-1]
    if last.sentence != state.sentence or last.role != "previous" or last.of is None:
        return None
    return last.subject, ("change_rate" if unit == "%" else "change"), _direction(m["way"])


#: Two items given one figure ("收入总计和支出总计均为1000万元", "收、支总计均为1523.26万元", 四川 单位决算 说明): each
#: item's name, then 均/都/各 — the figure is each one's (not 各 with a list after it: `_RESPECTIVE_CHANGE`'s).
_BOTH_ITEMS = lazy_compile(
    r"^(?P<a>[^，,。；;、和与及]{2,16}?)(?:和|与|及|、)(?P<b>[^，,。；;、和与及]{2,16}?)(?:均|都|各)(?:为|是)?$"
    r"|^(?P<short>收[、和与及]?支)(?P<tail>总计|合计)(?:均|都|各)(?:为|是)?$",
    needs=("均", "都", "各"),
)


#: The words up to a year ("上海市普陀区规划和自然资源局2024年度"): the unit and year naming both items, whose 和 is no join
#: of the two (review27p).
_UNTIL_YEAR = lazy_compile(r"^.*?(?:19|20)\d{2}年度?")


def _both_named(subject: str) -> tuple[str, str] | None:
    """The two items a subject names for one figure, each naming a claim of its own ("收入总计和支出总计均" → 收入总计,
    支出总计; "收、支总计均" → 收入总计, 支出总计) — None when it is not so (a name with 和 inside, "机关和事业单位均")."""
    m = _BOTH_ITEMS.fullmatch(subject) or _BOTH_ITEMS.fullmatch(_UNTIL_YEAR.sub("", subject))
    if m is None:
        return None
    if m["short"]:
        return f"收入{m['tail']}", f"支出{m['tail']}"
    a, b = m["a"], m["b"]
    if not (claim_of(a) and claim_of(b)) or claim_of(a) == claim_of(b):
        return None
    return a, b


#: A clause ending with a closing bracket ("…12285万元)"): a bracket closed there, whatever opened it.
_CLOSES_CLAUSE = lazy_compile(r"[)）\]］】]\s*$")
#: The brackets a detail is set in: ( ) and （ ）, and the square 【】 [ ] ［ ］ an author uses the same way ("334959万元
#: 【其中结转下年支出10277万元、…】,其中,…": fix32r — read as words, the list after it was held to the bracket's part).
_OPENING, _CLOSING = "(（【[［", ")）】]］"


def _opened(text: str) -> int:
    """Brackets opened and not closed in `text`."""
    return sum(map(text.count, _OPENING)) - sum(map(text.count, _CLOSING))


_YEAR_NAMED = lazy_compile(r"(?<!\d)((?:19|20)\d{2})年")
#: Words naming money spent, paid or left — a part so named is no part of a budget's by its role.
_MONEY_MOVED = lazy_compile(r"支出|执行|使用|拨付|支付|完成|决算|结余|结转|到位")


#: The head noun naming a place, a unit or a project ("A项目", "临城镇", "B村"): two amounts named by one head with
#: different names are siblings ("A项目50万元,其中设备30万元,B项目50万元": B项目 is no part of A项目).
_NAMED_HEAD = lazy_compile(
    r"(?<![子分])(项目|工程|乡镇|镇|乡|村|社区|街道|县|区|学校|小学|中学|幼儿园|医院|卫生院|合作社|公司)$"
)


def _head(subject: str) -> str:
    m = _NAMED_HEAD.search(subject)
    return m.group(1) if m and m.start() else ""


#: Money of an earlier year carried into this one ("其中2022年结转资金50万元"): a part of this year's total, its year named.
_CARRIED_IN = lazy_compile(r"结转|结余|滚存")


#: Words saying how much of the money has been paid out so far ("已拨付", "已支付", "累计拨付", "已全部拨付", "拨付到位"
#: — review22r): the whole's progress.
_PAID_SO_FAR = lazy_compile(
    r"已(?:经)?(?:全部|全额|足额)?(?:拨付|支付|兑付|报账|使用|支出|下拨|到位)|累计(?:拨付|支付|兑付|报账|使用|支出)"
    r"|(?:拨付|支付)到位"
)
#: Words naming only a payment or a use, no item ("支出50万元", "完成支付", "实际使用", "拨付资金"): after a part of an open
#: list ("其中中央资金60万元,支出50万元,省级资金40万元"), how much of it was paid or used — no part of the total (prose25: read as
#: one, 60 + 50 + 40 over 100 was a false N02 错误); the list goes on after it. Likewise the work done so far ("已完成投资",
#: "实际完成"): "总投资3000万元,其中道路工程2000万元,桥梁工程800万元;已完成投资2800万元" (review30c) — no third part; and
#: a stage the work reached ("完成投资", "今年完成", "已结算", "审定金额", "合同金额", "中标价": review31), the same money
#: measured again.
_ONLY_PAID = lazy_compile(
    r"(?:目前|当前|现|年底|年末|全年|当年)?(?:资金)?(?:已经?|累计|实际|共)?(?:完成)?(?:全部|全额|足额)?"
    r"(?:拨付|支付|兑付|报账|使用|支出|下拨|下达|执行|到位)(?:到位|完毕)?(?:资金|金额)?(?:为|了|达到?)?"
    r"|(?:目前|当前|年底|年末|今年|本年|当年|全年)?(?:已经?|累计|实际)?完成(?:投资)?(?:额|金额)?(?:为|了|达到?)?"
    r"|(?:目前|当前|年底|年末|今年|本年|当年)?(?:已经?|累计|实际)?(?:决算)?"
    r"(?:完工|竣工|结算|审计|审定|审核|验收|完成工程量|签订合同|合同|中标)(?:投资|金额|价款?|额|造价)?(?:为|了|达到?)?"
)


def _paid(said: str) -> bool:
    """The words before an amount tell how much was paid or used so far, naming no item (`_PAID_SO_FAR`, `_ONLY_PAID`)."""
    return bool(_PAID_SO_FAR.search(said) or _ONLY_PAID.fullmatch(said.lstrip("，,、；;")))


def _words_of(fact: Fact) -> str:
    """The compacted words of a fact's clause before its figure."""
    at = fact.clause.find(fact.quantity.text)
    return compact_name(fact.clause[: at if at >= 0 else len(fact.clause)])


#: Words of the money not paid out yet ("未拨付", "尚未支付", "待拨付"): the other side of the whole's progress (review22r).
_NOT_PAID_YET = lazy_compile(r"未(?:拨付|支付|兑付|到位|下达)|待(?:拨付|支付)")
#: What else a list split by payment ("其中已拨付60万元,未拨付40万元", "…,剩余40万元") may hold (review22r): money left
#: ("其余资金20万元于次年拨付") or paid and taken back ("收回资金20万元") — after money paid, the rest of that progress,
#: no source (review25p: read as one, "其中中央资金200万元,已拨付180万元,收回资金20万元,省级资金100万元" was a false 错误).
_LEFT_OVER = lazy_compile(r"剩余|结余|余额|其余|余下|余款|尚余|收回|退回|缴回")
#: Money carried on to next year ("结转10万元", "结转下年"), not money carried in ("上年结转") — `_left_after_paid`.
_CARRIED_ON = lazy_compile(r"(?<!上年)结转")
#: Money carried in from before the year ("上年结余资金", "上年度结转", "年初结转结余", "以前年度结余", "2022年结转资金"):
#: a source of the whole beside this year's money, never what is left of a payment (review23r — read as left, "其中省级资金
#: 62万元,已兑付55万元,上年结余资金30万元" lost its N02 错误, 62 + 30 over 共计90). A year so named only when the total
#: names a later one ("2023年度项目资金…,2022年结转资金…"; "2023年结余" in a 2023 total is what is left).
_BROUGHT_IN = lazy_compile(
    r"(?:上年|上一年|去年|年初|以前年度|往年|历年|((?:19|20)\d{2})年)度?(?:结转|结余|滚存)(?!下年|下一年|至|到|以后)"
)

#: Words naming money drawn in by the total ("带动社会投资50万元", "撬动社会资本"; not 引导资金, a fund), money it yields
#: ("村集体增收50万元", "实现产值500万元", "节约资金10万元") or a figure of each item ("单笔支出均在50万元以上", "平均每户
#: 2万元", "每户补助0.5-1万元": review31): no part of the total, whatever its size — the 其中 list ends before it (issue 12: an 错误 must not rest on
#: such an amount added to the parts).
_NO_PART = lazy_compile(
    r"带动|撬动|吸引|拉动|增收|创收|产值|收益|效益(?!指标)|利润|营业额|销售额|节约|节省|单笔|每笔|平均|均在|均达|户均|人均"
    r"|最高(?!人民)|最低(?!生活|工资|保障)|单个项目|每个项目|每(?:户|人|亩|村|家|名|个|所|座)"
)
#: Of those, a figure of each item ("平均每个项目71.67万元"): no whole a 其中 after it splits (review29n). Money drawn
#: in or yielded is a whole of its own ("带动社会投资1000万元,其中:中央企业400万元…" splits the 1000, review31b).
_EACH_ITEM = lazy_compile(r"单笔|每笔|平均|均在|均达|户均|人均|最高(?!人民)|最低(?!生活|工资|保障)|单个项目|每个项目")


#: An asset's cost before depreciation, or the depreciation ("资产总额1256.34万元,其中固定资产原值860.2万元,累计折旧312.6万元,
#: 固定资产净值547.6万元"): the books hold the net value — the cost and what is written off are no part of the total
#: (review29m: summed with the 净值, a false N02 错误 "860.2 + 312.6 + 547.6 超过了总数").
_GROSS_OR_WRITTEN_OFF = lazy_compile(r"原值|折旧|摊销|减值准备")


#: A bracketed detail naming every part listed before it: "(以上人员中在职2000人)", "(全部人员中…)", "(上述资金中…)".
_OF_THE_WHOLE_LIST = lazy_compile(r"^(?:以上|上述|前述|上列|全部|所有|全体|这些)[^\d中]{0,6}中")


def _named_sibling(state: _State, parent: int, subject: str) -> int:
    """The sibling of `parent` a bracketed detail after it names ("本科4000人、专科378人(在职人员中本科1900人)": the 1900
    are 本科's, no part of the 378 — review31b), else `parent`."""
    owner = state.facts[parent]
    named = [
        f
        for f in state.facts
        if owner.parent is not None
        and f.parent == owner.parent
        and f.listed_by == owner.listed_by
        and len(f.subject) >= 2
        and f.subject != owner.subject
        and f.subject in subject
        and owner.subject not in subject
    ]
    return named[-1].index if len(named) == 1 else parent


#: Words joining a list's items ("由中央资金120万元、省级资金80万元组成"): no part of an item's name.
ITEM_JOIN = lazy_compile(r"^(?:由|和|及|与|以及)")


def _list_item_named(state: _State, parent: int, subject: str) -> int:
    """The item of `parent`'s list a 其中 amount names when that is another item ("由中央资金120万元、省级资金80万元组成,
    其中中央资金已拨付100万元": the 100 is the 中央资金's — held to the 80, a false N02 错误, review33), else `parent`: one
    item of the sentence's list (same whole, same kind of figure) named first, by its whole name, and more ("中央资金已拨付"; not "财政拨款收入" after 收入)."""
    owner = state.facts[parent]
    name = compact_name(subject)
    named = [
        f
        for f in state.facts
        if f.sentence == owner.sentence
        and f.parent == owner.parent
        and f.role == owner.role
        and len(item := ITEM_JOIN.sub("", compact_name(f.subject))) >= 2
        and name.startswith(item)
        and item
        != name  # "其中税收收入80.2亿元" after a list holding 税收收入: a like item of another whole (review29p)
    ]
    return named[0].index if len(named) == 1 else parent


#: (broader, narrower) kinds a list names one after the other: the narrower is a part of the broader's figure, no
#: sibling ("其中授予中小企业合同金额1856.3万元;授予小微企业合同金额964.2万元": 小微企业 are 中小企业 — review29m,
#: summed as siblings, a false N02 错误).
_NARROWER_KINDS = (("中小企业", "小微企业"), ("中小企业", "小型和微型企业"), ("中小企业", "小型微型企业"))


#: An amount named as within the part just listed: "该资金中的…", "此项经费中…" (group 1), or within a part named short,
#: by the end of its name: "补贴资金中的…" after "农机购置补贴资金…" (group 2).
_WITHIN_NAMED = lazy_compile(
    r"^(?:(该|此)(?:项|笔|部分)?[^\d中]{0,6}|([^\d中]{0,10}(?:资金|经费|补贴|补助|款|收入|支出|投资|人员)))中的?(?=.)"
)


def _within_a_sibling(state: _State, parent: int, subject: str) -> int | None:
    """The part of `parent` an amount named by a narrower kind splits (`_NARROWER_KINDS`) or as within it ("农机购置补贴
    资金中的中央资金" after a part "农机购置补贴资金": review31b), else `parent`; none when it is within several parts."""
    parts = [f for f in state.facts if f.parent == parent and f.subject]
    within = [f for f in parts if subject.startswith(f"{f.subject}中")]
    if not within and parts and (m := _WITHIN_NAMED.match(subject)):
        # "该资金中的中央资金" (the part just listed), "补贴资金中的中央资金" (a part named short, review32) — of two parts
        # so named ("农机购置补贴资金…、作业补贴资金…、补贴资金中的…"), of both: no part
        named = m.group(2)
        within = [parts[-1]] if m.group(1) else [f for f in parts if f.subject.endswith(named) and f.subject != subject]
        if len(within) > 1:
            return None
    if within:
        return within[-1].index
    for broad, narrow in _NARROWER_KINDS:
        if narrow in subject:
            siblings = [f for f in state.facts if f.parent == parent and broad in f.subject]
            return siblings[-1].index if siblings else parent
    return parent


#: Words restating a figure after an adjustment ("变更为802亿元", "调整为", "调整后…为"): the whole again, no part.
_RESTATED = lazy_compile(r"变更为|调整为|调增为|调减为|调整后")
#: An amount added to a level ("加上上级补助50亿元", "加上级补助收入…", "再加动用预算稳定调节基金…"), its scope maybe named
#: first ("市本级加上上级补助50亿元" after "其中市本级收入40亿元"): no part of a 其中 list.
#: A figure taken off the one before it ("收入总计451227万元,减支出总计425533万元", 甘谷 2024 p10): its own words open with
#: 减/减去/扣除 — not a change (减少, 减收, 减支, 减免, 减半 say how a figure moved; 减支出/减收入 take one off), nor an item
#: named by a 减 word (减灾, 减贫, 减污, 减值…: "其中:减灾救灾资金50万元" is a part). No 其中 part
#: either ("全年收入500万元,其中财政拨款400万元,减本年支出480万元,年末结余20万元"); `added_totals.check_balances` reads it.
TAKEN_OFF = lazy_compile(
    r"^(?:减去|扣除|减(?!少|收(?!入)|支(?!出)|免|半|幅|税|负|持|缓|量|员|排|灾|贫|污|碳|损|震|速|肥|药|重|值))",
    needs=("减", "扣除"),
)
_ADDED_TO = lazy_compile(r"^(?:全[省市区县州镇乡]|[省市区县州镇乡]本?级)?(?:再|另)?加(?:上|调入|动用)", needs=("加",))

#: A headcount of staff in service, and one of retired staff: two statuses apart (`_list_goes_on`).
_IN_SERVICE = lazy_compile(r"在职|在岗|在编")
_RETIRED_STAFF = lazy_compile(r"^(?:离退休|退休|离休)")


def _list_goes_on(state: _State, parent: int, subject: str, qty: Quantity, words: str) -> int | None:
    """The total a money amount read inside an open 其中 list of `parent` belongs to — where the list ends is read, not
    guessed, in two cases (issue 12: an 错误 must not rest on a list's end read by position):
    - a sum word ("…,合计100万元"): it closes the run — never one more part; when the parts do not make it, the last parts
      that make it with the amounts before the 其中 ("A项目50万元,其中设备30万元,安装路灯50万元,合计100万元") are
      read as those amounts' run, not the total's parts (`_sum_closes`);
    - an amount named as a sibling of the total ("A项目…,其中设备…,B项目…"; "其中A镇50万元,其中设备30万元,B镇50万元"):
      the total's own list goes on (the outer one, or none) — unless the list's first part has that head too (then the
      head names the parts: "示范村…,其中A村…,B村…");
    - an amount whose words name another year than the total's ("2023年下达资金237万元,其中A县93万元;2022年下达资金200万元"):
      that year's figure, no part of this one — unless it is the list's first part (named by the 其中 itself) or money
      carried in ("其中2022年结转资金50万元,2023年新增资金200万元": this year's, by the year it came from);
    - an amount named as the other side of the books than the total's (a 支出 after a 收入's list: review13n)."""
    total = state.facts[parent]
    parts = [f for f in state.facts if f.parent == parent]
    if _NO_PART.search(words):
        state.parent = None  # "其中中央资金80万元,带动社会投资50万元以上": money drawn in, or each item's — no part
        return None
    if _ADDED_TO.search(compact_name(words)) or TAKEN_OFF.match(compact_name(words)):
        # "收入100亿元,其中税收收入60亿元,加上上级补助50亿元,收入总量为150亿元" (review28b): what is added to the level
        # is outside it — the list has ended (`added_totals` reads the sum); so has it at an amount taken off
        state.parent = None
        return None
    if parts and _RESTATED.search(compact_name(words)) and not _RESTATED.search(compact_name(total.clause)):
        # "总收入预算为849.70亿元,其中一般公共预算收入预算为441.66亿元,…,调整后,全区财政总收入预算变更为802亿元"
        # (余杭 2024 p4 with its "。" joined, prose28b): a figure restated after an adjustment is the whole again, no
        # further part — the list ended; a list of a restated whole's own restated parts still goes on
        state.parent = None
        return None
    if qty.unit in PEOPLE_UNITS and _IN_SERVICE.search(total.subject) and _RETIRED_STAFF.search(subject):
        # "在职人数239人,其中在岗人数230人;离退休人数195人,其中…" (株洲 2024 p51 with its first list short, prose28):
        # retired staff are no staff in service — the 在职 list has ended, the 离退休 count is a whole of its own
        state.parent = None
        return None
    said = compact_name(words)
    paying = _PAID_SO_FAR.search(said) or _NOT_PAID_YET.search(said)
    last = state.facts[-1]
    progress = _paid(said) or _NOT_PAID_YET.search(said) or _LEFT_OVER.search(said) or _CARRIED_ON.search(said)
    if parts and not progress and last.parent is None and last.index > parts[-1].index and _paid(_words_of(last)):
        noun = _FUND_NOUN.search(parts[0].subject)
        if not (noun and subject.endswith(noun.group(1))) and not (
            _head(subject) and _head(subject) == _head(parts[0].subject)
        ):
            # "其中中央资金60万元,已拨付50万元,用于设备购置30万元,培训20万元": after the money paid, its uses — the list of
            # sources has ended; only a source named as its parts are ("…,省级资金40万元") goes on with it (prose25), or a
            # part of the same head ("其中:道路项目80万元,执行60万元;路灯项目60万元", review25p: its 错误 was lost)
            state.parent = None
            return None
    if parts and _paid(said) and not any(_PAID_SO_FAR.search(p.subject) for p in parts):
        # "资金107.13万元,其中项目管理费1.07万元,目前项目资金已拨付106.36万元" (元阳 大坪乡 2021, real reports 26): how much of
        # the whole is paid out so far, no part beside the 管理费 — the list's parts name no payment; this amount only
        # (a part named after it may still follow); "其中已拨付60万元,未拨付40万元" splits by payment from its first part
        return None
    if parts and _left_after_paid(state, parts, said):
        # "其中中央资金60万元,已支付50万元,未支付10万元;省级资金40万元" (prose23): what is not paid yet (or left, carried
        # on) after an amount paid so far that was read as no part is the other side of that progress — no part either
        # (60 + 10 + 40 "超过了总数" was an N02 错误); the list goes on (the 省级资金 is the next source)
        return None
    if parts and not paying and not _LEFT_OVER.search(said) and any(_PAID_SO_FAR.search(p.subject) for p in parts):
        # "项目资金100万元,其中已拨付80万元,中央资金60万元" (review22r): a list split by payment ends at an amount named
        # by its source or use — another split of the whole, no part beside the paid one
        state.parent = None
        return None
    if subject == "合计":
        _sum_closes(state, parts, qty)
        state.parent = None
        return None
    years, own = set(_YEAR_NAMED.findall(total.clause)), set(_YEAR_NAMED.findall(words))
    carried = parts == [] or _CARRIED_IN.search(words)  # "其中2022年结转资金50万元": that year's money, in this one's
    if years and own and not own & years and not carried:
        state.parent = None
        return None
    side = _book_side(subject, strict=True) or _book_side(
        _LEAD.sub("", compact_name(words).lstrip("，,、；;")), strict=True
    )
    if parts and side not in ("", _book_side(total.subject)) and _book_side(total.subject):
        # "总收入1200万元,其中上年结转200万元;总支出1100万元": the other side of the books, no part of this one
        # (review13n — summed with the 上年结转, 1300 against the 收入 was an 错误); not the list's first part, named by
        # the 其中 itself ("收入1200万元,支出1000万元,其中:财政拨款收入…": the 收入's parts, `funds_arith._earlier_wholes`)
        state.parent = None
        return None
    if parts and (_other_side_of(total.subject, subject) or _whole_on_another_basis(total.subject, subject, words)):
        # "一般公共预算收入505.4亿元,…其中,税收收入420.6亿元,…，一般公共预算支出684.6亿元" (滨海 2022 p13 with its "。"
        # made "，"): the total's own name with its side turned is the other side's whole; "其中,完成税收收入173.65亿元,…，
        # 全区还原留抵退税后累计完成一般公共预算收入250.9亿元" (江宁 2022 p6): the total's own name on another basis is the
        # whole again — neither is a part, the list has ended
        state.parent = None
        return None
    if parts and _another_measure(total.subject, subject):
        # "债务余额164234万元,其中:一般债务102696万元;…核定…债务限额164635万元" (右玉 2021 p9 with its list cut short,
        # reports35): a ceiling is no part of a balance — the 余额 list has ended, the 限额 is a whole of its own
        state.parent = None
        return None
    if parts and _past_its_kind(total, parts, subject):
        state.parent = None  # "“三公”经费…，其中：公务接待费…，公务用车运行维护费…，会议费…": no 三公 item (gaps18)
        return None
    if parts and _siblings(total.claim, _claim(subject)):
        # "项目支出469500元,其中专项业务费300000元,…;基本支出2476260.58元": 项目支出's sibling by definition, never its
        # part (review27p: summed with the 专项业务费, an N02 错误 "超过了总数")
        state.parent = None
        return None
    head = _head(total.subject)
    if parts and head and _head(subject) == head and subject != total.subject and _head(parts[0].subject) != head:
        state.parent = total.parent
        return total.parent
    if parts and total.parent is not None and _sibling_fund(total.subject, subject, parts[0].subject):
        # "其中中央资金80万元,用于购置设备50万元,省级资金40万元": the 省级资金 is the 中央资金's sibling (review 12)
        state.parent = total.parent
        return total.parent
    return parent


def _left_after_paid(state: _State, parts: list[Fact], said: str) -> bool:
    """`said` names money not paid yet, left or carried on ("未支付", "尚未拨付", "结余", "剩余", "结转"; not money carried
    in, "上年结转", "年初结转结余", "2022年结转资金": `_BROUGHT_IN`) and the amount read right before it is one paid so far
    that is no part of the open list (its parts name no payment: "其中中央资金60万元,已支付50万元,…") — the two tell one
    progress, not the list's parts."""
    if not (_NOT_PAID_YET.search(said) or _LEFT_OVER.search(said) or _CARRIED_ON.search(said)):
        return False
    brought = _BROUGHT_IN.search(said)
    if brought and not _NOT_PAID_YET.search(said):
        year, total = brought.group(1), state.facts[parts[0].parent or 0]
        if year is None or any(y > year for y in _YEAR_NAMED.findall(total.clause)):
            return False  # "上年结余资金30万元": money carried in, a source of the whole (review23r)
    last = state.facts[-1] if state.facts else None
    return (
        last is not None
        and last.parent is None
        and last.sentence == state.sentence
        and last.quantity.is_money
        and bool(_PAID_SO_FAR.search(compact_name(last.clause)))
        and not any(_PAID_SO_FAR.search(p.subject) for p in parts)
    )


def _siblings(a: str, b: str) -> bool:
    """Two claims that are items of one decomposition (`DECOMPOSITIONS`: 基本支出 and 项目支出): apart, neither a part of
    the other."""
    return bool(a) and bool(b) and a != b and any(a in parts and b in parts for parts in DECOMPOSITIONS.values())


def _past_its_kind(total: Fact, parts: list[Fact], subject: str) -> bool:
    """The total is of a kind closed by definition (`CLOSED_KINDS`: “三公”经费), its list so far names items of it, and
    `subject` names another item ("会议费", "培训费"; not one that names an item of the kind in more words, "公务接待费
    支出"): the list ended before it — summed with the 三公 items, a 会议费 made the parts exceed the total (an N02 错误)."""
    admits = CLOSED_KINDS.get(total.claim or _claim(_MEASURE_TAIL.sub("", total.subject)))
    if not admits or not subject or not all(p.claim in admits for p in parts):
        return False
    if _claim(subject) in admits:
        return False
    return not any(name in subject for claim in admits for name in CLAIMS[claim])


#: A sentence's opening words, up to its first figure or clause mark.
_OPENING_WORDS = lazy_compile(r"^[^\d，,。；;：:]*")


def _closed_list_goes_on(state: _State, sentence: str) -> int | None:
    """The whole whose 其中 list goes on into `sentence`, past the "。" before it: the running list is of a kind closed by
    definition (`CLOSED_KINDS`: “三公”经费), every part so far one of its items, each once, and the sentence opens with
    another of its items (鹿寨 2019: "…“三公”经费决算支出数为1165.08万元,…。其中:因公出国(境)费支出0万元。公务用车购置费
    支出204.78万元,…;公务用车运行维护费支出664.60万元,…。公务接待费支出295.70万元,…" — the four items of the 1165.08). A
    list of an open kind (支出, 资金) ends at its "。" as before: the next sentence may be anything."""
    whole = state.parent
    if whole is None or not state.sentence or whole >= len(state.facts):
        return None
    total = state.facts[whole]
    admits = CLOSED_KINDS.get(total.claim or _claim(_MEASURE_TAIL.sub("", total.subject)))
    if not admits:
        return None
    parts = [f.claim for f in state.facts[whole + 1 :] if f.parent == whole and f.role in ("value", "final", "budget")]
    if not parts or not all(c in admits for c in parts) or len(set(parts)) != len(parts):
        return None
    opening = compact_name(_ITEM_NUMBER.sub("", _OPENING_WORDS.match(sentence.strip()).group(0)))  # type: ignore[union-attr]  # `^[^…]*` always matches
    item = _claim(_MEASURE_TAIL.sub("", opening)) or _claim(opening)
    return whole if item in admits and item not in parts else None


#: The words after an item's name saying which of its figures it is ("三公经费支出", "…决算数", "…预算合计").
_MEASURE_TAIL = lazy_compile(r"(?:年初|调整|实际|支出|决算|预算|执行|合计|总计|总额|共计|数)+$")


#: The word opening a bracketed detail ("（含上年结转10万元）", "（包括中央资金…）").
_INSIDE_DETAIL = lazy_compile(r"(?:含有|含|包括|包含)")


#: A whole of one side of a unit's books: its 收入 or its 支出 (总收入, 本年支出, 支出合计, 收入决算 …).
#: (a budget's whole too, "支出预算为1969万元" after "收入预算为1969万元,其中财政拨款1500万元", review27r)
_BOOK_WHOLE = lazy_compile(r"(?:总|本年|全年|当年|年度|部门)?(收入|支出)(?:预算|决算)?数?(?:合计|总计|总额)?(?:为|是)?")


def _book_side(subject: str, strict: bool = False) -> str:
    """收入 or 支出 when `subject` is a whole of that side of the books ("总支出"), or — not `strict` — names one at its
    end ("部门收入", "财政拨款收入" ); "" otherwise."""
    m = _BOOK_WHOLE.fullmatch(subject)
    if m:
        return m.group(1)
    if strict:
        return ""
    return next((side for side in ("收入", "支出") if subject.endswith(side)), "")


#: Words restating a figure on another basis ("还原留抵退税后", "剔除留抵退税因素后", "按可比口径", "同口径"): the same whole
#: counted otherwise, no part of it.
_ANOTHER_BASIS = lazy_compile(r"还原|剔除|可比口径|同口径|直比", needs=("还原", "剔除", "口径", "直比"))
#: Words telling a figure's progress before the item it names ("完成", "预计实现"): no part of the item's name.
_PROGRESS_HEAD = lazy_compile(r"^(?:累计)?(?:预计)?(?:完成|实现)?")


def _other_side_of(total: str, subject: str) -> bool:
    """`subject` is `total`'s name with its side of the books turned ("一般公共预算支出" after "一般公共预算收入"): the
    other side's whole."""
    for side, other in (("收入", "支出"), ("支出", "收入")):
        if total.endswith(side) and len(total) > 2:
            return _PROGRESS_HEAD.sub("", subject) == _PROGRESS_HEAD.sub("", total)[: -len(side)] + other
    return False


def _whole_on_another_basis(total: str, subject: str, words: str) -> bool:
    """`subject` ends with `total`'s own name (less the words of its progress) and its words name another basis
    ("还原留抵退税后累计完成一般公共预算收入" after "完成一般公共预算收入"): the whole restated, no part of it."""
    own = _PROGRESS_HEAD.sub("", total)
    return len(own) > 2 and subject.endswith(own) and bool(_ANOTHER_BASIS.search(compact_name(words)))


#: Measures of money no part of one is of the other: a balance held at a date and the ceiling set on it.
_MEASURES_APART = lazy_compile(r"(余额|限额)")


def _another_measure(total: str, subject: str) -> bool:
    """`total` and `subject` each name one of `_MEASURES_APART` by their last such word, and not the same one (a 限额
    after a 余额's 其中 list: no part of the balance)."""
    kinds = [_MEASURES_APART.findall(words) for words in (total, subject)]
    return bool(kinds[0]) and bool(kinds[1]) and kinds[0][-1] != kinds[1][-1]


#: The noun a fund's name ends in ("中央资金", "省级专项经费", "县级财政拨款").
_FUND_NOUN = lazy_compile(r"(资金|经费|拨款)$")


def _sibling_fund(total: str, subject: str, first_part: str) -> bool:
    """`subject` names a fund as the part `total` does (the same noun, another name) and the list of `total`'s own
    parts does not (they are its uses: 购置设备, A镇): the outer list goes on with it."""
    noun = _FUND_NOUN.search(total)
    return (
        noun is not None
        and subject != total
        and subject.endswith(noun.group(1))
        and not first_part.endswith(noun.group(1))
    )


def _sums_to(amounts: list[Fact], total: Quantity) -> bool:
    """The amounts add up to `total` within their printed precision (each converted to its unit)."""
    got, slack = Decimal(0), total.step / 2
    for f in amounts:
        factor = convert(Decimal(1), f.quantity.unit, total.unit).factor
        if not factor:
            return False
        got, slack = got + f.quantity.value * factor, slack + f.quantity.step * factor / 2
    return abs(got - total.value) <= slack


def _sum_closes(state: _State, parts: list[Fact], said: Quantity) -> None:
    """A sum word's amount `said` closes an open 其中 list of `parts`: when the parts make it nothing moves; else the
    last parts that, with the sentence's amounts outside the list, make a run ending right before it are that run's
    (their parent dropped) — the first part, right after 其中, stays."""
    if not parts or _sums_to(parts, said):
        return
    outside = [
        f
        for f in state.facts
        if f.sentence == state.sentence and f.quantity.is_money and f.parent is None and f.role in _AMOUNT_ROLES
    ]
    for k in range(1, len(parts)):
        run = sorted(outside + parts[k:], key=lambda f: f.index)
        if any(_sums_to(run[i:], said) for i in range(len(run) - 1)):
            for f in parts[k:]:
                state.facts[f.index] = dataclasses.replace(f, parent=None)
            return


_AMOUNT_ROLES = ("value", "budget", "final")


#: A fund's name holding the word 预算 ("一般公共预算财政拨款"): no stage; the words of a figure spent (决算, 实际支出).
_FUND_BUDGET = lazy_compile(r"一般公共预算|政府性基金预算|国有资本经营预算")
_SPENT_STAGE = lazy_compile(r"决算|实际|执行")


def _further_part(state: _State, parent: int, rest: str) -> bool:
    """The next figure's words (`rest`: the text up to it in the clause) name a part of the total by definition
    (`DECOMPOSITIONS`) the list has not given yet ("“三公”经费支出预算为11.52万元。其中:因公出国(境)费…0万元,公务接待费…
    11.52万元,公务用车购置及运行费…35万元", 徐圩乡 2020, held-out batch 29): the list goes on though its parts already
    made the total — the 35 is the third item of the 三公, not a new figure."""
    if _residual_part(state, parent, rest) or _included_goes_on(state, parent, rest):
        return True
    parts = DECOMPOSITIONS.get(state.facts[parent].claim, ())
    if not parts or _YEAR_BASE.search(rest):
        return (
            False  # "公务用车购置及运行费2019年为35万元": another year's figure is no part of this one's total (b19v)
        )
    stage = "budget" if "预算" in _FUND_BUDGET.sub("", rest) else "final" if _SPENT_STAGE.search(rest) else None
    if stage is not None and stage != state.facts[parent].role:
        return False  # "…公务用车购置及运行费预算35万元" after a 决算 total: another stage's figure (b19v)
    words = re.split(r"\d", rest.lstrip(",，、;；:： "), maxsplit=1)[0]
    claim = claim_of(_clean_subject(re.split(r"[，,、；;。]", words, maxsplit=1)[0])[0])
    listed = {f.claim for f in state.facts if f.parent == parent}
    return claim in parts and claim not in listed


#: The words of a figure that are no sum of funds held: a stage or a flow of them ("实际到位资金", "支出资金", "下达资金").
_NOT_HELD = lazy_compile(r"决算|实际|执行|到位|支出|支付|拨付|下达|使用|完成|增加|减少")


def _included_goes_on(state: _State, parent: int, rest: str) -> bool:
    """The first part of a list the words open with "包括" made its total alone, and the next figure names funds of the
    total's own noun ("预算数60万元,其中包括兵团补贴…资金60万, 2018年度…结余资金12.664万元", 十四师 2019, reports38): the
    words say the total holds each item listed, so the list goes on — not a new figure beside it (a 结余 there is one
    `funds_arith` reads as possibly another split: a 警告 that says so)."""
    parts = [f for f in state.facts if f.parent == parent]
    total = state.facts[parent]
    if len(parts) != 1 or not compact_name(parts[0].subject).startswith(("包括", "包含")) or len(total.subject) < 2:
        return False
    words = re.sub(r"^(?:19|20)\d{2}年度?", "", rest.lstrip(",，、 "))
    if _SAID_OUTSIDE.search(re.split(r"[；;。]", words, maxsplit=1)[0]):
        return False  # "另有自筹资金12万元(不在预算数内)": said to be beside the total (review31b)
    words = re.split(r"[\d，,、；;。]", words, maxsplit=1)[0]
    return words.endswith(total.subject[-2:]) and not _NOT_HELD.search(words)


#: Words that set a figure beside a total rather than in it: "另有…", "此外…", "…(不在预算数内)", "…不含在内", "…另行安排
#: 使用" (review32).
_SAID_OUTSIDE = lazy_compile(r"^(?:另|此外|除此)|不在|不含|未含|未纳入|以外|之外|另行")


#: A class named as the rest of a whole ("其他收入", "其它支出").
_OTHER_CLASS = lazy_compile(r"^其[他它]")
#: The name and the figure of the next part in the words ahead ("，事业单位经营收入0 万元，其他收入0.10万元").
_NEXT_PART = lazy_compile(r"[,，、;；:：\s]*([^\d,，、;；。]*?)\s*(\d+(?:\.\d+)?)\s*(?:万?元)")


def _residual_part(state: _State, parent: int, rest: str) -> bool:
    """The next figure is one more class of the total though its parts already made it (real reports 32: "年初预算数
    1211.02万元,其中:一般公共预算拨款224.10万元,…,事业收入986.92万元,事业单位经营收入0 万元,其他收入0.10万元" — the
    parts reach 1211.02 at 事业收入, yet the list goes on): a class named by the total's own noun ("…收入" under 收入)
    that is the rest of it (其他收入: the whole's remainder by its name) or printed as zero (a class that adds nothing,
    the template's list going on) — or any class of the noun when a later class of the same run is so (江津 2024 p11:
    "本年收入合计3874.92万元,其中:一般公共预算财政拨款收入3874.92万元,政府性基金预算财政拨款收入0万元,事业收入0万元,
    其他收入0万元" — a 事业收入 of 5万元 there is the template's third class, not a new figure: prose28). Never another
    year's figure; never a 其他 or non-zero class when a part listed is this year's whole of the total's kind
    (`_THIS_YEARS` and its noun: "收入总计120万元,其中本年收入100万元,上年结转20万元,其他收入5万元…": the 其他收入 may be
    the 本年收入's), nor a figure noted as held in another ("其他资金收入5万元(已含在财政拨款中)", "…,已计入事业收入":
    review27q)."""
    total = state.facts[parent]
    noun = total.subject[-2:]
    if len(noun) < 2:
        return False
    run = _class_run(rest, noun, total.subject)
    if not run:
        return False
    name, value = run[0][0], run[0][2]
    if value == 0:
        return True
    kinds = _of_kind(run, _own_kind(total, noun))
    template = _OTHER_CLASS.match(name) or (kinds and any(v == 0 or _OTHER_CLASS.match(n) for n, _, v in kinds[1:]))
    return bool(template) and not any(
        f.parent == parent
        and f.clause != total.clause
        and any(f.clause.startswith(noun, y.end()) for y in _THIS_YEARS.finditer(f.clause))
        for f in state.facts
    )


def _class_run(text: str, noun: str, whole: str) -> list[tuple[str, str, Decimal]]:
    """The classes of the total's noun `text` opens with, one after another (name, words as printed, figure): each named
    by the noun and not the total's own name, no other year's, none noted as held in another (`_residual_part`)."""
    run, pos = [], 0
    while (m := _NEXT_PART.match(text, pos)) is not None and not _YEAR_BASE.search(m.group(1)):
        name = _clean_subject(m.group(1))[0]
        if name == whole or not name.endswith(noun) or _HELD_IN.match(text, m.end()):
            break
        run.append((name, m.group(1).strip(), Decimal(m.group(2))))
        pos = m.end()
    return run


def _own_kind(total: Fact, noun: str) -> str:
    """The kind the total's own words name, its year, scope and 合计 aside ("财政拨款收入合计" → 财政拨款收入, "本年收入合计"
    → 收入): what each class of a template's run is a kind of (`_of_kind`); the bare noun when the words say no more."""
    at = total.clause.find(total.quantity.text)
    words = re.split(r"[，,；;：:。（）()]", total.clause[: max(at, 0)])[-1]
    words = _TOTAL_WORDS.sub("", words.strip())
    if (last := list(_THIS_YEARS.finditer(words))) != []:
        words = words[last[-1].end() :]
    words = _KIND_SCOPE.sub("", words)
    return words if words.endswith(noun) and len(words) > len(noun) else noun


#: Words after a total's name ("合计为", "总计") and before its kind ("2024年", "全区", "单位", "其中").
_TOTAL_WORDS = lazy_compile(r"(?:合计|总计|共计|总额|总数)?(?:数)?(?:为|是|达|共)?$")
_KIND_SCOPE = lazy_compile(r"^(?:其中|(?:19|20)\d{2}年度?|全[区市县省镇]|本?单位|本?部门|机关)+")
#: A class that is no class of this year's total: carried over from before, or set apart ("另有事业收入5万元").
_NO_CLASS_OF = lazy_compile(r"结转|结余|年初|以前年度|^(?:另|此外|还有)")


def _of_kind(run: list[tuple[str, str, Decimal]], kind: str) -> list[tuple[str, str, Decimal]]:
    """The classes a template's run opens with that are of the total's own kind (`_own_kind`: under "财政拨款收入合计",
    一般公共预算财政拨款收入 and 政府性基金预算财政拨款收入, not 事业收入) and no carried-over or set-apart class
    ("本年收入合计…;年初结转和结余收入120万元": review28p) — only these make a nonzero class a part past its total."""
    out = []
    for item in run:
        if not item[1].endswith(kind) or _NO_CLASS_OF.search(item[1]):
            break
        out.append(item)
    return out


#: A note after a figure that it is held in another one ("(已含在财政拨款中)", "（包含在…）", "（已计入…）").
_HELD_IN = lazy_compile(r"\s*[（(,，]?\s*(?:已|均)?(?:含|包含|计入|列入|纳入)")


def _parts_reach(state: _State, parent: int) -> bool:
    """The parts listed so far add up to their total exactly (all in the total's unit)."""
    total = state.facts[parent]
    split = state.facts[-1].listed_by  # the list of the part just read: instalments and a split by use are two
    parts = [f for f in state.facts if f.parent == parent and f.listed_by == split]
    if any(f.quantity.unit != total.quantity.unit for f in parts):
        return False
    return sum((f.quantity.value for f in parts), Decimal(0)) == total.quantity.value


def _next_start(matches: list[re.Match[str]], m: re.Match[str], clause: str) -> int:
    """Where the figure after `m` starts in its clause (the clause's end after the last one)."""
    i = matches.index(m)
    return matches[i + 1].start() if i + 1 < len(matches) else len(clause)


#: Words that make "为…" a purpose or a comparison, not a list of parts ("为村集体经济增收20万元", "为预算的95%").
_WEI_NOT_PARTS = lazy_compile(r"(增收|增加|带动|节约|节省|实现|完成|达到|提高|减少|降低|预算|上年|去年|同期)")


#: "分别为/分别是" right after a money total: the amounts after it are that total's parts, each named — all of them (the
#: words say the total is split so), not some (issue 12: "共计110万元,分别为A项目50万元,B项目50万元").
RESPECTIVELY = ("分别为", "分别是")


def _other_sum_before(state: _State, last: Fact) -> bool:
    """Another money amount of no list stands in `last`'s sentence before it ("中央资金共计110万元,省级资金共计50万元,
    分别为…"): the 分别 may pair the figures after it with those before, one each — no one total's parts."""
    return any(
        f.sentence == last.sentence and f.parent is None and f.quantity.is_money and f.role in _AMOUNT_ROLES
        for f in state.facts[: last.index]
    )


def _details_a_part(prefix: str, unit: str, rest: str, state: _State) -> str:
    """The "分别为/分别是" (or "用于") by which a clause right after a money part of a 其中 list opens that part's own list
    ("其中A项目50万元,分别为设备30万元、安装20万元"): its parts, not more of the total's (issue 12: they were added to the
    total's parts — a false 错误); "" when it opens none."""
    opener = next((w for w in (*RESPECTIVELY, *_USED_FOR) if prefix.lstrip().startswith(w)), "")
    if not opener or unit not in MONEY_UNITS or state.depth or not re.match(r"\s*(?:$|等|[、和及])", rest):
        return ""
    last = state.facts[-1] if state.facts else None
    if last is None or last.parent is None or _detailed(state) is None or _WEI_NOT_PARTS.search(prefix):
        return ""
    if opener in _USED_FOR and _parts_reach(state, last.parent):
        return ""  # "其中中央资金80万元,省级资金40万元,用于设备70万元…": the total's uses, its list of sources complete
    if opener in _USED_FOR and compact_name(last.subject).startswith(_USED_FOR):
        return ""  # "其中:用于洪涝灾害救助80万元,用于房屋修缮95万元": a part named by its use — the next use is its sibling
    return opener


#: Words by which a clause right after a 其中 part opens what that part was used for ("其中中央资金80万元,用于A村60万元、
#: B村20万元;省级资金40万元": the 中央资金's uses, not more parts of the total — review 12).
_USED_FOR = ("用于", "主要用于", "分别用于")


def _opens_wei_list(prefix: str, unit: str, rest: str, state: _State) -> str:
    """The words ("为", "分别为") by which a clause "为A25万元" right after a money total opens the list of that total's
    parts — not "为预算数100万元的95%" (a comparison: words follow the amount) nor "为村集体经济增收20万元" (a purpose);
    "" when it opens none."""
    opener = next((w for w in (*RESPECTIVELY, "为") if prefix.lstrip().startswith(w)), "")
    if not opener or unit not in MONEY_UNITS or state.last_total is None:
        return ""
    if not re.match(r"\s*(?:$|等|[、和及])", rest) or _WEI_NOT_PARTS.search(prefix):
        return ""
    last = state.facts[-1] if state.facts else None
    if last is None or last.index != state.last_total or not last.quantity.is_money:
        return ""
    if opener != "为" and (len(_QTY.findall(last.clause)) > 1 or _other_sum_before(state, last)):
        return ""  # "中央资金110万元、省级资金20万元,分别为…": 分别 of two figures, no total's parts
    return opener


#: Clause separators, kept when splitting (a "为" list ends at a semicolon); a comma between digits ("2,223.04")
#: is a thousands separator, not one.
#: A bracketed note's colon ("（注：含临时人员5人）") is no separator: the note stays in the clause of the count it notes.
_CLAUSE = lazy_compile(
    r"((?:(?<![(（]注)(?<![(（]备注)(?<![(（]注释)(?<![(（]\s注)[：:]|[，；;]|(?<!\d),|,(?!\d{3}(?!\d)))+)"
)
#: A clause that starts a new statement ("截至2023年12月31日，已支出95万元"): a running list of parts ends there.
_NEW_STATEMENT = lazy_compile(
    r"^(?:截至|截止|截到|至\S*?\d{1,2}月|(?:全年|本年|当年)(?:累计|实际|已)*(?:支出|拨付|执行|使用|到位|完成|下达))"
    # "…;对下转移支付0万元,项目中,敏感涉密项目0个": "among the projects" views the whole again — a new statement
    r"|^(?:上述|以上|所有|全部)?(?:项目|资金|支出)中$"
    # "…合计671037万元,其中…95819万元,以上任务中,A 9779万元…" (广西 2021 with its sentences joined): the items named
    # before, viewed again — "以上/上述 … 中" opens a new statement whatever it names
    r"|^(?:上述|以上)[\u4e00-\u9fff]{1,6}中$",
    needs=opening("截至全本当累实已上以所项资支"),
)


#: A bare "其中" (its colon or comma after it) as the last words read: the clause after it is the list's first part.
_BARE_QIZHONG = lazy_compile(r"其中[\s:：，,]*$")


def _first_after_qizhong(state: _State) -> bool:
    """The clause is the first part of a list a bare "其中" just opened ("2023年度支出总计434.72万元,其中:本年支出合计
    434.16万元,结余分配0.00万元,年末结转和结余0.55万元", 乌鲁木齐 政务服务中心 2023, real reports 16): the 其中 names it a
    part, whatever its words — "本年支出…" starts no new statement there (the list was left without its parts)."""
    return (
        state.parent is not None
        and not any(f.parent == state.parent for f in state.facts)
        and _BARE_QIZHONG.search(state.tail) is not None
    )


#: "803.74 万元其中:基本支出…": a 其中 printed right after an amount, before the separator, opens the next clause's parts.
_QIZHONG_AT_END = lazy_compile(r"其中\s*$")
#: A paragraph that opens with its 其中 list (the total ended the paragraph before: Enter pressed before 其中).
_OPENS_WITH_QIZHONG = lazy_compile(r"^\s*其中")


#: A comma between clauses (not a semicolon or colon, which end a list or open one).
_COMMA_ONLY = lazy_compile(r"[，,]")
_A_DIGIT = lazy_compile(r"\d")


def _notes_kept_whole(pieces: list[str]) -> list[str]:
    """Clauses (and their separators) with a figure-free bracketed note that holds a comma joined into one clause
    ("全区一般公共预算收入(含辖区内列统收入,下同)40.5亿元", 宿城 2022): split at the note's comma, the figure after it was
    named by the note's tail ("下同") and no longer by the words before the note."""
    out = list(pieces)
    i = 0
    while i + 2 < len(out):
        opened_at = max(out[i].rfind("("), out[i].rfind("（"))
        closing = re.search(r"[)）]", out[i + 2])
        if (
            _opened(out[i]) == 1
            and not _A_DIGIT.search(out[i][opened_at:])
            and _COMMA_ONLY.fullmatch(out[i + 1])
            and closing is not None
            and not re.search(r"[(（]", out[i + 2][: closing.start()])
            and not _A_DIGIT.search(out[i + 2][: closing.start()])
        ):
            out[i : i + 3] = [out[i] + out[i + 1] + out[i + 2]]
            continue
        i += 2
    return out


def _qizhong_to_its_parts(pieces: list[str]) -> list[str]:
    """Clauses (and their separators) with a trailing 其中 that follows an amount moved to the start of the next clause
    ("部门预算总金额 803.74 万元其中:基本支出 757.49 万元,…" reads as "…803.74 万元" / "其中:基本支出…"): without a
    comma before it, the 其中 stood in the total's clause and the parts after the colon had no total."""
    out = list(pieces)
    for i in range(0, len(out) - 2, 2):
        m = _QIZHONG_AT_END.search(out[i])
        if m is None:
            continue
        head = out[i][: m.start()]
        amounts = list(_QTY.finditer(head))
        if not amounts or head[amounts[-1].end() :].strip():
            continue  # "其中" not right after an amount ("…项目，其中"): the clause is the 其中 already
        out[i], out[i + 2] = head, "其中" + out[i + 2]
    return out


_DIGIT_RUN = lazy_compile(r"\d+")


def readable(text: str, limits: Limits | None = None) -> bool:
    """The text is within the reading bound (`Limits.max_text_chars`, `max_text_figures`; PERFXL_MAX_TEXT_CHARS…): its
    figures are read and checked. The bound is ten times the longest real paragraph (567 characters, 广西 梧州 医保局
    2024) or 年度总体目标 cell (515, 湖北 广水 政府办 2021): the narrative checks set each figure against the figures
    and sentences around it, work that grows with the square of a text's length — a run-on page of a PDF's converter, a
    table pasted as one paragraph or a hostile 100,000-character cell would take minutes (crash12). Such a text is left
    unread and said so (coverage: `goal_texts.unread_texts`), never checked in part. `limits`: the caller's, once per
    document (default: `Limits.from_env()`)."""
    bound = limits or Limits.from_env()
    if len(text) > bound.max_text_chars:
        return False
    return sum(1 for _ in _DIGIT_RUN.finditer(text)) <= bound.max_text_figures


def sentences(text: str) -> list[str]:
    """The sentences of `text` as `extract_facts` splits them (a fact's `sentence` indexes them): a new list each call
    of the split kept per text (the checks ask it ≈ 8 times a paragraph; the split tries a lookbehind at every
    character, perf30p)."""
    return list(_split_sentences(text or ""))


@functools.lru_cache(maxsize=4096)
def _split_sentences(text: str) -> tuple[str, ...]:
    """`_SENTENCE`'s split of `text`, kept (`sentences`)."""
    return tuple(_SENTENCE.split(text))


def extract_facts(text: str, paragraph: int = 0, carry: Fact | None = None) -> ParagraphFacts:
    """All figures of one paragraph with their subjects and roles, its "all targets met" claim and the
    indicators it states with target and actual. `carry`: the money total that ended the paragraph before — a
    paragraph opening with 其中 lists its parts ("…基本支出2956.36万元。" ¶ "其中:工资福利支出…"), so it heads this
    paragraph's facts (index 0, `carried`) as their total.

    A pure function of its arguments with a frozen result, so the last 2,048 are kept: a report checked again after
    an edit (the server, the probes and reviews that change one figure) reads only the paragraphs that changed."""
    return _extract_facts(text, paragraph, carry)


#: `Fact.listed_by` of a carried total whose paragraph ended with a uses heading ("…19,044.27万元，主要用于以下方面："):
#: the next paragraphs, one item each ("3.“教育支出”16.24万元，占0.08%；"), are its parts (`uses_heading_total`).
USES_CARRY = "用于以下方面"
#: An item's number opening its paragraph ("3.", "4．", "10、", "（2）", "11“." as a PDF printed it).
_OPENS_ITEM = lazy_compile(r"^\s*(?:\d{1,2}\s*[“\"]?\s*[.．、]|[（(]\d{1,2}[）)])")


def opens_item(text: str) -> bool:
    """The paragraph opens with an item's number ("3.“教育支出”16.24万元…")."""
    return bool(_OPENS_ITEM.match(text or ""))


def uses_heading_total(text: str, facts: tuple[Fact, ...]) -> Fact | None:
    """The money total a paragraph ends on before a uses heading ("一般公共预算财政拨款支出19,044.27万元，主要用于以下
    方面：", the 部门决算说明's 支出决算结构 paragraph with its items printed one per paragraph, real reports 23): the
    whole the next numbered paragraphs list the uses of, as `_USES_HEADING` does within one paragraph. None when the
    figure before the heading is itself a part ("…其中项目支出200万元，主要用于以下方面：" names no whole: review16c)."""
    last = _before_uses_heading(text, facts)
    if last is None or not (last.quantity.is_money and last.parent is None and not last.carried):
        return None
    if last.role not in ("value", "budget", "final"):
        return None
    return dataclasses.replace(last, listed_by=USES_CARRY)


def ends_on_uses_heading(text: str, facts: tuple[Fact, ...]) -> bool:
    """The paragraph ends on a uses heading after its last figure, whole or not ("1.“一般公共服务”306.90万元，主要用于以下
    方面：" within a list of another total's uses): the numbered paragraphs after it are its figure's uses, no longer
    the list it stood in (review19d)."""
    return _before_uses_heading(text, facts) is not None


def _before_uses_heading(text: str, facts: tuple[Fact, ...]) -> Fact | None:
    """The paragraph's last figure when the paragraph ends on a uses heading right after it ("…万元，主要用于以下方面：")."""
    stripped = (text or "").rstrip()
    if not facts or not stripped.endswith(("：", ":")):
        return None
    last = facts[-1]
    at = stripped.rfind(last.quantity.text)
    if at < 0:
        return None
    words = compact_name(stripped[at + len(last.quantity.text) :].strip("，,。：: "))
    return last if _USES_HEADING.fullmatch(words) else None


#: The words that open a change's reason ("主要原因是", "原因为", "主要是由于"): the money after them, to the end of the
#: sentence or a semicolon, explains a change — no total of the paragraph's next 其中 list, no part of the list before.
#: "主要原因：年中追加项目经费30万元" opens one with a colon as well (review25r: read as the total of the next 其中, a
#: false N02 错误).
_REASON = lazy_compile(
    r"原因(?:主要)?(?:是|为|在于|系)|原因(?:如下)?\s*[:：]|主要(?:是)?(?:由于|因为)", needs=("原因", "由于", "因为")
)
#: Where a reason ends: the words since the figure before may reach back over it ("下降原因主要是厉行节约,…;公务用车购置费
#: 25万元", 寿县司法局 2022: the 25 is the next item's budget, no reason's money).
_REASON_END = lazy_compile(r"[。；;]")


def _end_reason(state: _State) -> None:
    """Close the reason the sentence told (at its end or a semicolon): a 其中 after it splits the total the reason
    explained, not a figure of the reason ("收入合计192.01万元,较上年减少27.31万元,下降12.5%,主要原因是2022年有疫情防控
    经费29.01万元。其中:财政拨款收入113.68万元,占59.2%", 大足 古龙镇卫生院 2023, real reports 29: the 59.2% was read as a
    share of the 29.01, a false N02 错误). A 其中 inside the reason's own sentence still splits the reason's figure."""
    if (
        state.reason_at is not None
        and state.reason_from is not None  # nothing before the reason to split: its figure is the one there is
        and state.last_total is not None
        and state.last_total >= state.reason_at
        and not _has_own_change(state, state.last_total)
    ):
        state.last_total = state.reason_from
    state.reason_at = state.reason_from = None


def _has_own_change(state: _State, at: int) -> bool:
    """The figure at `at` is stated with a change of its own: a whole restated in the reason ("收入增减变化的主要原因是：
    2023年收入合计200万元，比上年减少30万元。其中：…", 鹤山 水务局 2018's form, review25r), whose 其中 splits it — the money
    a reason tells is what explains a change, not a figure compared in turn."""
    return any(f.role in ("change", "change_rate") and f.of == at for f in state.facts[at + 1 :])


#: A change printed without its unit: a bare decimal right after 增加/减少, before a clause mark ("收支较上年减少484.05,
#: 降低11.1%", 江津 西湖镇 2024 p10). A bare 增长/下降 figure may be a rate printed without its %, so only these two.
_BARE_CHANGE = lazy_compile(r"(?:增加|减少)了?(\d+\.\d+)(?=[，,；;。]|$)", needs=("增加", "减少"))


#: Money printed "60万" with its 元 left out: a figure right after the words of funds (资金, 经费, 补贴, …), before a
#: clause mark ("其中包括兵团补贴农机购置补贴资金60万, 2018年度…结余资金12.664万元", 十四师 2019, reports38). Not after
#: other words ("服务人口60万,": people).
_BARE_WAN = lazy_compile(
    r"(?:资金|经费|补贴|补助|拨款|奖补|贴息|投资|预算数?)(?:为|是|共|计|共计|合计)?\s*"
    r"(?<![\d.])(\d+(?:\.\d+)?)万(?=\s*[，,；;。、]|\s*$)",
    needs=("万",),
)


def _bare_changes(sentence: str, text: str, carried: str = "") -> tuple[str, dict[str, str]]:
    """`sentence` with the money unit put after each change printed without one, and those figures as now printed
    ("484.05万元"). The unit is the one every money figure of the paragraph before it prints (the change's base is one
    of them); none, or two units, and the figure stays unread (prose28b). So is the 元 of a sum of funds printed "60万"
    (`_BARE_WAN`) when that unit is 万元. `carried`: the unit of the total carried from the paragraph before, one of the
    paragraph's money figures. Each figure as now printed → what was put after it, `Fact.unit_assumed`: a guess."""
    if not _BARE_CHANGE.search(sentence) and not _BARE_WAN.search(sentence):
        return sentence, {}
    at = text.find(sentence)
    before = text[: at if at >= 0 else 0]
    found = [(m, "") for m in _BARE_CHANGE.finditer(sentence)] + [(m, "万元") for m in _BARE_WAN.finditer(sentence)]
    out, taken, pos = [], {}, 0
    for m, needed in sorted(found, key=lambda f: f[0].start()):
        units = {q.group(3) for q in _QTY.finditer(before + sentence[: m.start()]) if q.group(3) in MONEY_UNITS}
        units |= {carried} if carried else set()
        if len(units) != 1 or (needed and units != {needed}) or m.start() < pos:
            continue
        (unit,) = units
        put = "元" if needed else unit  # "60万" → "60万元"; "减少484.05" → "减少484.05万元"
        out.append(sentence[pos : m.end()] + put)
        taken[m.group(1) + unit] = put
        pos = m.end()
    return "".join(out) + sentence[pos:], taken


@functools.lru_cache(maxsize=2048)
def _extract_facts(text: str, paragraph: int, carry: Fact | None) -> ParagraphFacts:
    state = _State()
    uses = carry is not None and carry.listed_by == USES_CARRY and opens_item(text)
    if carry is not None and (uses or _OPENS_WITH_QIZHONG.match(text or "")):
        state.add(
            dataclasses.replace(
                carry, paragraph=paragraph, index=0, sentence=0, parent=None, listed_by="", carried=True
            )
        )
        state.last_total = 0
    for state.sentence, sentence in enumerate(_split_sentences(text or "")):  # (kept: the checks ask it again)
        _end_reason(state)
        going_on = _closed_list_goes_on(state, sentence)
        state.parent, state.listed_by_wei, state.depth, state.inner_parent = going_on, "", 0, None
        state.in_detail = False
        if uses and not state.sentence:
            state.parent = 0  # the item's amount is a use of the total carried from the heading's paragraph
        state.base = state.detailing = state.closed_detail = None
        state.base_year = ""
        state.split_by = ""
        state.instalments_of = (
            None  # a "分别于…第一笔…" list is its sentence's: a later 其中 of the figure is no instalment
        )
        state.tail += "。" if state.sentence else ""
        carried = carry.quantity.unit if carry is not None and state.facts and state.facts[0].carried else ""
        sentence, bare = _bare_changes(sentence, text or "", carried if carried in MONEY_UNITS else "")
        first = len(state.facts)
        pieces = _qizhong_to_its_parts(_notes_kept_whole(_CLAUSE.split(sentence)))  # clause, separator, clause …
        for i in range(0, len(pieces), 2):
            if i:
                state.tail += pieces[i - 1]
            if i and re.search("[；;]", pieces[i - 1]):
                _end_reason(state)
                state.statement_from = len(state.facts)
            if state.listed_by_wei and i and re.search("[；;]", pieces[i - 1]):
                state.parent, state.listed_by_wei = None, ""  # a "为" list ends at its semicolon
            if i and re.search("[：:]", pieces[i - 1]) and (part := _part_before_colon(state)) is not None:
                # "预算1000万元,其中当年财政拨款950万元:基本支出700万元,项目支出250万元": the 950's parts, not the 1000's
                state.detailing, state.parent = state.parent, part
            elif (
                state.detailing is not None
                and i
                and re.search("[；;]", pieces[i - 1])
                and not _sibling_by_definition(state, pieces[i])
            ):
                state.parent, state.detailing = state.detailing, None  # that detail ends at its semicolon
            if pieces[i].strip():
                state.pieces, state.pieces_after, state.joined_ahead = pieces, i + 1, None
                _clause_facts(pieces[i], paragraph, state)
            # (a bracket opened and closed in this clause, ending it, closes too: "合计334959万元(其中A 10277万元、B
            # 12285万元)" — its parts name no figure after it, issue 12)
            was_open = state.depth > 0 or _opened(pieces[i]) != 0 or bool(_CLOSES_CLAUSE.search(pieces[i]))
            state.depth += _opened(pieces[i])
            if state.depth <= 0:
                if was_open and state.inner_parent is not None:
                    # the bracket's parts named no figure after it: "预算30.8万元(其中公务接待费14.8万元,…16万元),决算
                    # 25.7万元" — the 决算 is the 30.8's item's (review29n)
                    _close_detail(state)
                state.depth, state.inner_parent, state.in_detail = 0, None, False
        for k in range(first, len(state.facts)):
            if (put := bare.get(state.facts[k].quantity.text)) is not None:
                state.facts[k] = dataclasses.replace(state.facts[k], unit_assumed=put)
    _enumerated_parts(state.facts, state.enumerations)
    _respective_shares(state.facts)
    _lists_named_by_their_shares(state.facts)
    return ParagraphFacts(
        paragraph, tuple(state.facts), goal_claim(text or "", paragraph), stated_indicators(text or "", paragraph)
    )
