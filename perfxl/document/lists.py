"""A stated count against the names its exhaustive list gives: "直属事业单位10个，即A、B、…" (N05).

Only lists the text presents as complete — the count (with its organisation noun or not: "共设置6个内设机构，即…") followed by 即
(not 即将/即可…) / 分别为 / 分别是 / a colon ("内设机构10:A、B…" too, the count right after an organisation noun), or
the names after 内设/下设/下辖 (or a project's 涉及/覆盖) and before their count ("内设A、B、…21个股室") — and never
one ending in 等. A list introduced by 包括/包含 ("共设置5个内设机构,包括:A、B…") may name only some, so it is held only to what a part of the
whole cannot do: name more than the count. Names are separated by 、 outside brackets
(“财务股（含审计、统计）”, 《资产、采购管理办法》 are one name each); a 和/及/与 may join two names or sit
inside one (科技和工业信息化局), so both counts are accepted. The names may also stand in brackets right after the count
and its organisation noun ("设5个内设机构(A、B、…)"). A mismatch is a judgement (警告): a name
may have been dropped or two run together, and only a person can say which.
"""

from __future__ import annotations

import re

from ..numerals import CHINESE_DIGITS, chinese_int
from ..patterns import lazy_compile
from ..records import record

__all__ = ["ListedCount", "listed_counts"]

#: The noun an organisation's count may carry before its list ("共设置5个内设机构,包括:…", "下辖12个乡镇:…"): a
#: unit of an organisation or place — not "3个项目,包括道路硬化、路灯安装、绿化", whose list may be the work, not the
#: projects. ("下设两个中心(农业技术推广中心、畜牧兽医中心)": 中心 too, prose27.)
_ORG = r"[\u4e00-\u9fff]{0,4}?(?:机构|股室|科室|处室|办公室|单位|部门|乡镇|街道|社区|村|学校|医院|卫生院|站|所|队|中心)"
_ORG_NOUN = f"(?:{_ORG})?"
#: "<count><measure word>[<its organisation noun>][，,：:] <cue> <names up to the clause's end>"
#: A count in figures, or in Chinese numerals ("设六个内设机构", "两家", `numerals.chinese_int`) after a word that opens a
#: count (设/有/辖/共/计/…) or no Chinese character at all — not inside a name ("公益二类单位", "综合三处", "第三个"), nor
#: a class in words ("二类单位": a grade more often than a count).
_CN = f"[{CHINESE_DIGITS}]"
_FIGURES = rf"(?:(?<![第\d.])\d+|(?<![第\d.\u4e00-\u9fff]){_CN}+(?!类)|(?<=[设有辖共计含括盖为是了达]){_CN}+(?!类))"
_COUNT = r"(?P<count>" + _FIGURES + r")(?P<unit>个|家|项|所|名|人|座|条|处|支|类)" + _ORG_NOUN + r"[,，]?\s*"
_NAMES = r"[:：]?\s*(?P<names>(?:[（(《“【][^）)》”】]*[）)》”】]|[^，,。；;！!？?\n])+)"
_LISTED = lazy_compile(
    _COUNT + r"(?:即(?![将可时使便刻])|分别为|分别是|[:：])" + _NAMES, needs=("即", "分别", ":", "："), keep_gate=True
)
#: The same with 包括/包含: "共设置5个内设机构,包括:A、B…" — some of the whole, or all of it. (`listed_counts` tells
#: the patterns apart by the one each match came from, not by the match's `.re`: a `lazy_compile` stand-in is not it.)
_LISTED_SOME = lazy_compile(_COUNT + r"(?:包括|包含)" + _NAMES, needs=("包括", "包含"), keep_gate=True)
#: The same list with no measure word, its count right after an organisation noun and before a colon
#: ("内设机构10:办公室、人事教育科、…"); a bare number before a colon elsewhere (a ratio 3:1, a time) is none.
_LISTED_BARE = lazy_compile(
    r"(?:机构|股室|科室|处室|单位|部门)(?P<count>\d+)(?P<unit>)[:：]\s*"
    r"(?P<names>(?:[（(《“【][^）)》”】]*[）)》”】]|[^，,。；;！!？?\n])+)",
    needs=(":", "："),
    keep_gate=True,
)
#: The names before their count, after a verb of an organisation's structure: "内设A、B、…、U21个股室和直属单位",
#: "下辖A、B、…8个二级单位" — the count after the last name states the whole (not "…等7个"); a project's places the
#: same way: "涉及临城镇(…)、黑城镇(…)…5个乡镇", "覆盖A、B、C3个村" (临城 2021, tests/test_reports11.py); an opening
#: bracket always opens a bracketed part ("临城镇(3个村)": its count no count of the list). A count after 和/及/与 counts
#: the last part only ("下辖城关镇、临城镇和两个街道", review26p).
_LISTED_BEFORE = lazy_compile(
    r"(?:内设|下设|下辖|设有|辖有|涉及|覆盖)(?P<names>(?:[（(《“【][^）)》”】]*[）)》”】]|[^，,。；;！!？?\n:：\d（(《“【])+?)"
    r"(?<![和及与])(?P<count>\d+|[" + CHINESE_DIGITS + r"]+(?!类))(?P<unit>个|家|所|支|类)(?=[\u4e00-\u9fff])",
    needs=("内设", "下设", "下辖", "设有", "辖有", "涉及", "覆盖"),
    keep_gate=True,
)
#: The same with an organisation noun between the names and their count, the count ending the clause: "内设办公室、
#: …、离退办等内设机构30个" (湖南省人民检察院 2017) — 等 there may close the list or leave it open (the noun holds no 等,
#: U+7B49).
_LISTED_BEFORE_NOUN = lazy_compile(
    r"(?:内设|下设|下辖|设有|辖有)(?P<names>(?:[（(《“【][^）)》”】]*[）)》”】]|[^，,。；;！!？?\n:：\d（(《“【])+?)"
    r"(?P<noun>[\u4e00-\u7b48\u7b4a-\u9fff]{0,4}?(?:机构|股室|科室|处室|单位|部门))(?P<count>\d+)(?P<unit>个|家|所|支|类)"
    r"(?=[，,。；;！!？?\s]|$)",
    needs=("内设", "下设", "下辖", "设有", "辖有"),
    keep_gate=True,
)
#: The names in brackets right after a count and its organisation noun: "本部门设5个内设机构(党政办公室、规划建设科、…)",
#: "共设置6个科室(组织人事科、安全科、…)" (解放碑 2023, 綦江 2023, real reports 29) — not a bracket that opens a part or
#: an example ("(含…)", "(其中…)", "(如…)"), says what they are ("(均为公益一类、全额拨款)", "(原为…)", "(分为综合类、
#: 业务类)"), holds a bracket of its own or a clause ("(办公室、财务科等,均为正科级)"), nor one 等 follows. With no
#: word saying a list follows, every name must also be an organisation's (`_ORG_NAME`, review25r).
_LISTED_BRACKET = lazy_compile(
    r"(?P<count>"
    + _FIGURES
    + r")(?P<unit>个|家|所|支|类)"
    + _ORG
    + r"\s*[（(](?!\s*(?:含|包括|包含|其中|如|例如|主要|即|不含|除|均|原|分为|为|系|属|是|现|以|按))"
    r"(?P<names>[^（）()\n，,；;。:：]+)[）)](?!\s*等)",
    needs=("（", "("),
    keep_gate=True,
)
#: The members named in brackets between a count and the noun it counts: "遂溪县13宗(东坑、湖仔洋、…、上湾塘)水库除险加固
#: 工程" (遂溪 2022 p11, prose28) — not a bracket that opens a part or says what they are (as `_LISTED_BRACKET`), nor
#: one 等 follows; a name may carry a bracket of its own (the mirror's pinyin "城盘(pán)").
_LISTED_BRACKET_BEFORE_NOUN = lazy_compile(
    r"(?P<count>"
    + _FIGURES
    + r")(?P<unit>个|宗|座|处|条|家|所)"
    + r"[（(](?!\s*(?:含|包括|包含|其中|如|例如|主要|即|不含|除|均|原|分为|为|系|属|是|现|以|按))"
    r"(?P<names>(?:[（(][^（）()]*[）)]|[^（）()\n，,；;。:：])+)[）)](?P<noun>[\u4e00-\u7b48\u7b4a-\u9fff]{2,4})",
    needs=("（", "("),
    keep_gate=True,
)
#: A bracketed member's longest name, its own brackets aside: longer is a clause, not a place's or a work's name.
_SHORT_NAME = 8


def _kinds_of(names: tuple[str, ...], noun: str) -> bool:
    """Some name with the noun after the bracket is a kind of it ("15家(公立、民营)医院": 公立医院), or kind words alone
    ("5个(省级、市级、县级)项目": as a kind of 单位 they would be one), not its member."""
    ends = [noun[:k] for k in range(1, len(noun) + 1)] + ["单位"]
    return any(_KIND_NAME.match(_bracketless(n) + end) for n in names for end in ends)


def _groups_of(names: tuple[str, ...], noun: str) -> bool:
    """Some name says where or when the counted things are, or what of them, not which: an area or a place of another
    kind than the noun ("12个(城东、城西、城南、城北片区)社区", "10座(东区、西区、南区)泵站", "30个(东坑镇、…)行政村"), a
    batch or stage ("15宗(第一批、第二批、第三批)水库"), or a clause ("9条(东坑河、…、迈往河为重点)河道") — the bracket
    groups the count, its members unnamed (review28p)."""
    bare = [_bracketless(n) for n in names]
    if any(_ORDINAL.match(n) or _CLAUSE_WORD.search(n) or _AREA.search(n) for n in bare):
        return True
    places = [p.group(0) for n in bare if (p := _PLACE.search(n)) is not None and not noun.endswith(p.group(0))]
    return 2 * len(places) >= len(bare)  # most of them: one member may end so ("新市" among 遂溪's 13 reservoirs)


#: A name of an area holding the counted things ("城北片区"), and one of a place, most names so ending ("东区", "东坑镇"),
#: and an ordinal ("第一批").
_AREA = lazy_compile(r"(?:片区|片|街道)$")
_PLACE = lazy_compile(r"(?:区|镇|乡|街|县|市|省)$")
_ORDINAL = lazy_compile(r"^第[一二三四五六七八九十\d]+")


#: How an organisation's own name ends, after at least one character of its own ("党政办公室", "区环境监测站", "司法警察
#: 大队", "政府"): not a kind ("公益一类", "行政", "正科级", "初中") nor a bare noun ("社区") a bracket may name instead.
#: More than half the names (those a 和/及 joins counted apart) must so end — a short form may stand among them ("3个行政
#: 部门(人大、政府和党委)", 玉溪镇 2022).
_ORG_NAME = lazy_compile(
    r"^[\u4e00-\u9fff]+(?:科|室|股|处|局|站|所|队|中心|院|校|馆|部|委|会|办|庭|厂|场|园|台|社|组|团|司|镇|乡|街道|村"
    r"|社区|学|库|基地|府)$"
)
#: A name that is only kind words before the noun the count counts ("15家医院(公立医院、民营医院)", "(一级医院、二级医院)",
#: "(公办学校、民办学校)"): the kinds the count splits into, not the count's members — no organisation's own name, however
#: it ends (prose26). A real name has a part of its own ("区人民医院", "县中医院").
_KIND_NAME = lazy_compile(
    r"^(?:公立|民营|私立|私营|公办|民办|国有|国营|集体|个体|外资|合资|营利性|非营利性|一级|二级|三级|甲等|乙等|丙等|综合|"
    r"专科|城市|农村|城镇|乡村|城区|省属|市属|县属|区属|省级|市级|县级|区级|乡级|镇级|村级|中央|地方|全额|差额|自收自支|"
    r"公益一类|公益二类|行政|事业|"
    # (review26p) the tiers and types of public hospitals, schools and communities: "(中心卫生院、一般卫生院)",
    # "(县级医院、乡镇卫生院、村卫生室)", "(普通中学、职业中学)", "(城市社区、农村社区)"
    r"中心|一般|普通|职业|综合性|非公立|社会办|基层|中医|乡镇|村|社区|完全|初级|高级)+"
    r"(?:医院|卫生院|卫生室|学校|小学|中学|幼儿园|社区|单位|机构|医疗机构|企业|部门|站|所|中心)$"
)
#: "…等" is not the whole list: held only to naming more than the count (a part of the whole cannot), as after 包括
_NOT_ALL = lazy_compile(r"等(?:单位|部门|机构|股室|科室|项目|企业|乡镇|村|人)?$")
#: After "A、B、C等4个": the noun the count counts, ending the clause ("…、离退办等4个内设机构。", review12n) — not "等3个
#:以上股室", "等3个二级单位和5个股室", "等3个乡镇的部分村" (whose names may be counted another way).
_ENDS_WITH_ITS_NOUN = lazy_compile(r"(?:(?!以上|以外|以下|和|及|与|的)[\u4e00-\u9fff]){1,6}(?=[，,。；;！!？?\s]|$)")
#: After a count of names before it, a further count joined to it ("内设A、B、C两个科室和一个事业单位"): the count
#: is one part's, the names the whole's (review26p).
_ANOTHER_COUNT = lazy_compile(
    r"[\u4e00-\u9fff]{0,6}?(?:以及|和|及|与|、|[，,])\s*(?:\d+|[" + CHINESE_DIGITS + r"]+)(?:个|家|所|支|类)"
)
_OPEN, _CLOSE = "（(《“【", "）)》”】"
_CONTINUED = lazy_compile(r"[，,]\s*(?:以及|及|和|与|还有|另有|另)")
_JOINERS = lazy_compile(r"以及|和|及|与")
_LONGEST_NAME = 30  # longer "items" are sentences, not names


@record(frozen=True, slots=True)
class ListedCount:
    """A count and the names listed after it: `fewest`..`most` names depending on how 和/及 is read."""

    count: int
    unit: str
    names: tuple[str, ...]
    fewest: int
    most: int
    text: str
    partial: bool = False  # introduced by 包括/包含: only more names than the count is a mismatch
    stated: str = ""  # how the text gives the count when it is derived ("10个项目…其中3个…剩余" → 7)


def _split_names(body: str) -> list[str]:
    """Split at 、 outside brackets: a 、 inside （…）《…》“…”【】 belongs to one name."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(body):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
        elif ch == "、" and not depth:
            out.append(body[start:i])
            start = i + 1
    out.append(body[start:])
    return out


#: "10个项目均完工,其中3个项目资金执行100%,剩余A资金执行99.97%;B项目99.89%,…": the rest of a counted whole after a
#: 其中 part, listed by name to the sentence's end, each with its own rate.
_REMAINDER = lazy_compile(
    r"(?<![第\d.])(?P<total>\d+)(?P<unit>个|项|家|所)(?P<noun>[\u4e00-\u9fff]{0,6}?项目)[^。！？!?；;]*?(?:[。；;]\s*)?其中\s*"
    r"(?P<some>\d+)(?P=unit)(?P<between>[^。！？!?；;]*?)[，,；;]\s*(?:其余|剩余|剩下)(?:的)?(?P<rest>[^。！？!?\n]+)"
)
#: A further counted part before the rest ("其中3个项目…100%,2个项目…99%,剩余…"): the rest is the whole less both.
_FURTHER_PART = lazy_compile(r"(?<![第\d.])(\d+)(个|项|家|所)([\u4e00-\u9fff]{0,6}?项目)?")
_ITEM_RATE = lazy_compile(r"^(?P<name>\D+?)(?:资金)?(?:执行率?|完成率?|支出率?)?(?:为|达)?\d+(?:\.\d+)?%$")
_YEAR_WORD = lazy_compile(r"(?:19|20)\d{2}年度?")


def _remainder_lists(text: str, before: str = "") -> list[ListedCount]:
    """The rest after a 其中 part named one by one, each with its one rate and no other figure (brackets and years
    aside): as many names as the whole less the part, or the list is short or long (N05, a judgement). A paragraph
    opening with 其中 goes on from the paragraph `before` it (its whole may end that one); line breaks inside a
    paragraph (text pasted from a web page) are no part of it."""
    text = text.replace("\n", "")
    start = 0
    if before and text.lstrip().startswith("其中"):
        start = len(before.replace("\n", ""))
        text = before.replace("\n", "") + text
    out = []
    for m in _REMAINDER.finditer(text):
        if m.start("some") < start:
            continue  # the paragraph before's own list: said there
        rest = m.group("rest").strip()
        if rest[:1].isdigit():
            continue  # "剩余7个…": a count of its own, no list
        items = [i.strip() for i in re.split(r"[，,；;]", _bracketless(rest)) if i.strip()]
        got = [_ITEM_RATE.match(_YEAR_WORD.sub("", i)) for i in items]
        if len(items) < 2 or not all(got):
            continue
        further = list(_FURTHER_PART.finditer(m.group("between")))
        if any(f.group(2) != m.group("unit") or not f.group(3) for f in further):
            continue  # a count of something else between the part and the rest: which whole it leaves is unsaid
        count = int(m.group("total")) - int(m.group("some")) - sum(int(f.group(1)) for f in further)
        # "剩余A、B项目99%": one rate for two names — as many names as the item's 、 and 和/及 may make
        most = len(items) + sum(len(re.findall(r"、|和|及|与", g.group("name"))) for g in got if g)
        if count > 0 and not len(items) <= count <= most:
            names = tuple(g.group("name") for g in got if g)
            parts = "、".join(f"{n}{m.group('unit')}" for n in (m.group("some"), *(f.group(1) for f in further)))
            stated = f"剩余{count}{m.group('unit')}（共{m.group('total')}{m.group('unit')}，其中{parts}之外）"
            out.append(ListedCount(count, m.group("unit"), names, len(items), most, m.group(0), stated=stated))
    return out


def _figure(count: str) -> int | None:
    """A count as printed, in figures or Chinese numerals ("12", "十二")."""
    return int(count) if count.isdigit() else chinese_int(count)


def _bracketless(text: str) -> str:
    return re.sub(r"[（(][^（）()]*[）)]", "", text)


#: A name that is two characters and a one-character noun ("农技站", "畜牧站", "林业所"): a type of the noun as often as
#: one of them.
_TYPE_OF_NOUN = lazy_compile(r"[\u4e00-\u9fff]{2}(?P<noun>[\u4e00-\u9fff])")


def _noun_of(m: re.Match[str], names: tuple[str, ...]) -> bool:
    """Every name ends in the noun the count's words end in ("12个站(农技站、…)")."""
    counted = m.string[m.start() : m.start("names")].rstrip("（( ")
    return bool(counted) and all(n.endswith(counted[-1]) for n in names)


def _run_on_cut(names: tuple[str, ...]) -> tuple[str, ...]:
    """The names with the last one ended where the next statement runs on into it without a stop ("内设机构共6个,分别是:
    党建工作办公室、…、平安建设办公室襄州区伙牌镇政府(单位)实有人数86人(其中:…", real reports 32): when every earlier name
    ends in one noun of two characters or more (办公室) and the last holds a figure, it ends after that noun's first
    place in it. Else the names as they are (a figure left in a name still drops the list)."""
    *first, last = names
    ends = [n[::-1] for n in first]
    common = len(first) >= 2 and next((k for k in range(min(map(len, ends))) if len({e[k] for e in ends}) > 1), None)
    noun = first[0][len(first[0]) - common :] if common else ""
    at = last.find(noun) if len(noun) >= 2 and re.search(r"\d", _bracketless(last)) else -1
    return names if at <= 0 else (*first, last[: at + len(noun)])


#: The names a comma parts from the list before it, running to the sentence's end ("…、应急管理办公室,综合行政执法办公室。",
#: 江津 西湖镇 2024 p6): each an organisation's own name (`_ORG_NAME`), none opening a clause of its own ("，下设…",
#: "，均为…").
_COMMA_NAMES = lazy_compile(r"(?:[，,][\u4e00-\u9fff（()）]{2,30})+(?=[。；;！!？?]|$)")
_CLAUSE_OPENER = lazy_compile(r"^(?:下设|内设|设|均|另|还|其中|共|负责|主要|分别|以及|和|及|与|并|是|为|现)")
#: A verb inside a name after the comma: a clause about the list, no member ("主管部门为…", "…驻东坑村").
_CLAUSE_WORD = lazy_compile(r"为|是|驻|位于|设在|隶属|归口|主管|下属|直属|所属")


def _comma_parted(text: str, end: int, listed: tuple[str, ...]) -> tuple[str, ...]:
    """The names after the comma that ends a list's 、-parted names (`listed`) at `end`, when the sentence ends with them
    and each is an organisation's own name of the list's kind — ending as one of `listed` does ("…、应急管理办公室,综合
    行政执法办公室"), no clause about the list ("综合科、业务科、财务科,上级主管部门区财政局", "…、信息科,主管部门为区
    教育委员会", "…、社会事务办公室,下属事业单位便民服务中心": review28p); () when the comma opens anything else."""
    m = _COMMA_NAMES.match(text, end)
    if m is None:
        return ()
    names = tuple(n.strip() for n in re.split(r"[，,]", m.group(0))[1:])
    if not all(_ORG_NAME.match(_bracketless(n)) and not _CLAUSE_OPENER.match(n) for n in names):
        return ()
    ends = {_bracketless(n)[-1:] for n in listed}
    if any(_CLAUSE_WORD.search(n) or _bracketless(n)[-1:] not in ends for n in names):
        return ()
    return names


def listed_counts(text: str, before: str = "") -> list[ListedCount]:
    """Every exhaustive name list in `text` whose stated count no reading of its names gives (`before`: the paragraph
    before, for a 剩余 list whose 其中 opens this one). Line breaks inside a paragraph (text pasted from a web page,
    "…院本级、国" and "家检察官学院…" on two lines) are no part of it."""
    out = _remainder_lists(text, before)
    text = text.replace("\n", "")
    found = [
        (m, pattern)
        for pattern in (
            _LISTED,
            _LISTED_SOME,
            _LISTED_BARE,
            _LISTED_BEFORE,
            _LISTED_BEFORE_NOUN,
            _LISTED_BRACKET,
            _LISTED_BRACKET_BEFORE_NOUN,
        )
        for m in pattern.finditer(text)
    ]
    for m, pattern in sorted(found, key=lambda found: found[0].start()):
        body = m.group("names").strip()
        if pattern is not _LISTED_BEFORE and _CONTINUED.match(text, m.end()):
            continue  # "5个，即A、B，以及C、D、E": the list goes on after the comma
        etc = _NOT_ALL.search(body)
        counted_so = (
            pattern is _LISTED_BEFORE
            and etc is not None
            and etc.group(0) == "等"  # (not "A、B等乡镇3个村": a noun after 等 may not be what the count counts)
            and m.group("unit") != "类"
            and _ENDS_WITH_ITS_NOUN.match(text, m.end())
        )
        if etc and not (pattern is _LISTED_BEFORE_NOUN or counted_so):  # ("…、离退办等4个内设机构": review12n)
            continue
        names = _run_on_cut(tuple(n.strip() for n in _split_names(body[: etc.start()] if etc else body)))
        if pattern in (_LISTED, _LISTED_SOME) and not etc and len(names) >= 2:
            names += _comma_parted(
                text, m.end(), names
            )  # "…、应急管理办公室,综合行政执法办公室。": the last after a comma
        if len(names) < 2:
            continue
        if pattern is _LISTED_BEFORE and _ANOTHER_COUNT.match(text, m.end()):
            continue  # "A、B、C两个科室和一个事业单位": the count is one part's (review26p)
        if (
            pattern is _LISTED_BEFORE
            and not m.group("count").isdigit()
            and not _ORG_NAME.match(_bracketless(names[-1]))
        ):
            continue  # "办公室、执法一支队": a numeral inside a name ("执法" is no organisation's name), review26p
        if pattern is _LISTED_BRACKET_BEFORE_NOUN and (
            len(names) < 3
            or any(len(_bracketless(n)) > _SHORT_NAME for n in names)
            or _kinds_of(names, m.group("noun"))
            or _groups_of(names, m.group("noun"))
        ):
            continue  # "2个(省级、市级)项目", "15家(公立、民营)医院": kinds, or words, not the members
        pieces = [piece for n in names for piece in _JOINERS.split(n)] if pattern is _LISTED_BRACKET else []
        owned = sum(bool(_ORG_NAME.match(piece)) and not _KIND_NAME.match(piece) for piece in pieces)
        if pieces and 2 * owned <= len(pieces):
            continue  # "3个事业单位(公益一类、公益二类)", "15家医院(公立医院、民营医院)": kinds, not their names
        if any(not n or len(n) > _LONGEST_NAME or re.search(r"\d", _bracketless(n)) for n in names):
            continue
        fewest = len(names)
        most = fewest + sum(len(_JOINERS.findall(n)) for n in names)
        count = _figure(m.group("count"))
        if count is None:
            continue  # a numeral written loosely ("一百一"): no count to hold the list to
        # "12个站(农技站、畜牧站、林业站)": each name a type word and the noun the count counts — kinds of station (12
        # among them) or the stations themselves, which is unsaid; only more names than the count is certain either way
        kinds = pattern is _LISTED_BRACKET and all(_TYPE_OF_NOUN.fullmatch(n) for n in names) and _noun_of(m, names)
        partial = pattern is _LISTED_SOME or bool(etc) or kinds
        if (fewest > count) if partial else not fewest <= count <= most:
            out.append(ListedCount(count, m.group("unit"), names, fewest, most, m.group(0), partial))
    return out
