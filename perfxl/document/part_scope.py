"""A 其中 part whose own words put it outside its total as printed (wide28, issue 12).

"一般公共预算收入53.24亿元,其中:全口径税收收入63.31亿元…" — the 全口径 (or "含上划中央部分") tax income holds the
central share the 一般公共预算收入 does not: a wider scope. "…其中:税收收入33.31亿元,年计划45亿元" or "税收收入年初预算
40亿元,完成33.31亿元" — the plan, the 年初/调整 budget, last year's figure, a 同口径 or "剔除…后" figure are another stage
or basis of the item. Such a figure is no part of the total as printed: summed with the others it made a false N02 错误
("超过了总数"). `funds_arith._sums` sets it apart and checks the rest (a plain part over its total stays 错误). A word the
total's own words carry too (a 年初预算 total split into 年初预算 parts) puts nothing apart. A part of a wider government
level than its total, or of the level another whole before it names ("全县…,全市…,其中:县级…,市级…"), is set apart too
(prose29): which total it belongs to the text does not say.
"""

from __future__ import annotations

from ..patterns import lazy_compile
from .facts import Fact
from .precision import _around

#: Words before a part (or in a bracket right after it) naming a scope wider than a total's ("wider") or another
#: stage or basis (keyed by the word a total of that same stage carries). 上年结转/结余 is this year's money (a source
#: like the others), not last year's figure; "比/较/与上年…" compares (the item before's words: "…与上年持平公务接待费…").
_APART = lazy_compile(
    r"(?P<wider>全口径|含上划|上划中央|上划省|上划市|(?<![增追])加上|总计)"
    r"|(?P<plan>年计划|年度计划)|(?P<initial>年初预算)|(?P<adjusted>调整预算|调整后预算)"
    r"|(?P<last>(?<![比较与])上年(?!度?(?:结转|结余)))|(?P<basis>同口径|可比口径)|(?P<cut>剔除[^，,；;。]{0,20}后)"
)

#: What a total's own words carry for each kind: a part of that kind is then of the total's own scope or stage.
_TOTAL_KIND = {
    "wider": lazy_compile(r"全口径|上划|加上|总计|财政总收入"),
    "plan": lazy_compile(r"计划"),
    # a budget's 年初 part beside what was added ("2022年预算收入69.06万元,其中年初预算57.28万元,调整追加11.78万元")
    "initial": lazy_compile(r"年初|(?<!公共)(?<!基金)(?<!经营)预算"),
    "adjusted": lazy_compile(r"调整"),
    "last": lazy_compile(r"上年"),
    "basis": lazy_compile(r"口径"),
    "cut": lazy_compile(r"剔除"),
}

#: A bracket right after the figure ("63.31亿元(含上划中央部分)"): the figure's own scope.
_BRACKET_AFTER = lazy_compile(r"^\s*[(（]([^)）]{0,30})[)）]")


def _words(fact: Fact) -> str:
    """The figure's own words: its subject, the clause before it, a bracket right after it."""
    head, tail = _around(fact)
    after = _BRACKET_AFTER.match(tail)
    return f"{fact.subject}{head}{after.group(1) if after else ''}"


def set_apart_word(total: Fact, part: Fact, facts: tuple[Fact, ...] = ()) -> str:
    """The word that puts `part` outside `total` as printed ("全口径", "年计划", 另一级次的 "县级", …), "" when none does:
    a word of a kind its total's own words carry too ("全口径税收收入100亿元,其中:上划中央税收…") puts nothing apart."""
    found = _APART.search(_words(part))
    if found is None or found.lastgroup is None:
        return _another_level(total, part, facts)
    return "" if _TOTAL_KIND[found.lastgroup].search(_words(total)) else found.group(0)


#: A government level a figure's words name, ranked wide to narrow: 省 over 市 over 县/区 (a 市辖区 is a county's level)
#: over 乡/镇. Only the written level forms ("全市", "市级", "市本级", "县区"), never a bare 市 (市场, 城市).
_LEVEL = lazy_compile(
    r"(?:全|本)?(?P<level>省|市|县|区|乡|镇)(?:级|本级)|全(?P<whole>省|市|县|区|乡|镇)|(?P<counties>县区|区县|县市区)"
)
_RANK = {"省": 4, "市": 3, "县": 2, "区": 2, "乡": 1, "镇": 1}


#: What a level's money is when the words after "X级" name a transfer or fund ("省级专项衔接资金", "市级补助收入",
#: "县级配套资金"): where the money came from — a part of the narrower total that received it, not that level's figure.
_SOURCE_AFTER = lazy_compile(r"^(?:财政)?(?:专项|配套|补助|资金|转移支付|拨款|奖补|衔接|下达|拨付|安排)")


def _level(fact: Fact) -> tuple[str, int, bool] | None:
    """The level word a figure's own words name last, its rank, and whether it names money from that level ("全县一般
    公共预算收入" → 全县, 2, False; "省级专项衔接资金" → 省级, 4, True), None for none."""
    words = _words(fact)
    found = list(_LEVEL.finditer(words))
    if not found:
        return None
    m = found[-1]
    source = len(m.group(0)) == 2 and m.group(0).endswith("级") and _SOURCE_AFTER.match(words[m.end() :]) is not None
    return m.group(0), _RANK[m.group("level") or m.group("whole") or "县"], source


def _another_level(total: Fact, part: Fact, facts: tuple[Fact, ...]) -> str:
    """A 其中 part of another government level than its total (review28r's "全县…收入10.5亿元,全市…收入60.2亿元,其中:县级
    税收收入7.1亿元,市级税收收入40.3亿元,市级非税收入19.9亿元"): a level wider than the total's ("全县…,其中…;全市…收入
    60.2亿元") holds it, and a level a whole of the same sentence before the total names ("县级" after "全县…") may be that
    whole's part — which total it belongs to the text does not say, so it is not summed. A wider level's fund or transfer
    ("全县财政总收入50亿元,其中省级补助收入30亿元") came from that level: a part, unless a whole before names the level.
    Its level word, or ""."""
    own, of_part = _level(total), _level(part)
    if own is None or of_part is None or of_part[1] == own[1]:
        return ""
    if of_part[1] > own[1] and not of_part[2]:
        # a wider level's figure ("…;全市…收入60.2亿元", "市本级…"); its money in a narrower total ("全县…补助资金5000万元,
        # 其中中央资金…,省级资金1500万元,市级资金800万元": where it came from) is a part of it (review29p)
        return of_part[0]
    before = (
        f
        for f in facts[: total.index]
        if f.sentence == total.sentence and f.parent is None and f.quantity.unit == total.quantity.unit
    )
    return of_part[0] if any((lv := _level(f)) is not None and lv[1] == of_part[1] for f in before) else ""
