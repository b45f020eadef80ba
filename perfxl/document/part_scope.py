"""A 其中 part whose own words put it outside its total as printed (wide28, issue 12).

"一般公共预算收入53.24亿元,其中:全口径税收收入63.31亿元…" — the 全口径 (or "含上划中央部分") tax income holds the
central share the 一般公共预算收入 does not: a wider scope. "…其中:税收收入33.31亿元,年计划45亿元" or "税收收入年初预算
40亿元,完成33.31亿元" — the plan, the 年初/调整 budget, last year's figure, a 同口径 or "剔除…后" figure are another stage
or basis of the item. Such a figure is no part of the total as printed: summed with the others it made a false N02 错误
("超过了总数"). `funds_arith._sums` sets it apart and checks the rest (a plain part over its total stays 错误). A word the
total's own words carry too (a 年初预算 total split into 年初预算 parts) puts nothing apart.
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


def set_apart_word(total: Fact, part: Fact) -> str:
    """The word that puts `part` outside `total` as printed ("全口径", "年计划", …), "" when none does: a word of a
    kind its total's own words carry too ("全口径税收收入100亿元,其中:上划中央税收…") puts nothing apart."""
    found = _APART.search(_words(part))
    if found is None or found.lastgroup is None:
        return ""
    return "" if _TOTAL_KIND[found.lastgroup].search(_words(total)) else found.group(0)
