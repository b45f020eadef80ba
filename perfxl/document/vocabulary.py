"""The words of a 自评报告's narrative as data: canonical claims and their synonyms, the parts a total is
defined to consist of, and the filler words stripped from a subject before it is matched.

Pure data; docs/documents.md lists it. Sources: 财政部《部门决算》口径 (收入/支出决算, 基本支出 =
人员经费 + 公用经费, 支出 = 基本支出 + 项目支出) and the “三公”经费 definition (因公出国（境）费 +
公务接待费 + 公务用车购置及运行费).
"""

from __future__ import annotations

import functools
from types import MappingProxyType

from ..patterns import lazy_compile

__all__ = [
    "CLAIMS",
    "CLAIM_ZH",
    "CLOSED_KINDS",
    "SPREAD_WHOLES",
    "DECOMPOSITIONS",
    "MONEY_UNITS",
    "SCORE_UNIT",
    "COUNT_UNITS",
    "MEASURE_UNITS",
    "SCALED_UNITS",
    "RESULT_VERBS",
    "SPLIT_DIMENSIONS",
    "claim_of",
]

#: canonical claim → the subjects (punctuation removed) that name it in a narrative.
CLAIMS = MappingProxyType(
    {
        "income": ("收入", "收入决算", "部门收入", "本年收入", "收入合计", "收入总计"),
        "expense": ("支出", "支出决算", "本年支出", "支出合计", "部门支出", "支出总计"),
        "basic_expense": ("基本支出",),
        "project_expense": ("项目支出",),
        "personnel": ("人员经费",),
        "public_funds": ("公用经费",),
        "three_public": ("三公经费", "三公"),
        "overseas": ("因公出国境费", "因公出国费", "出国经费", "因公出国境经费", "出国费", "因公出国境费用"),
        "reception": ("公务接待费", "公务接待", "公务接待经费", "公务接待费用"),
        "vehicles": (
            "公务用车购置费及运行维护费",
            "公务用车购置和维护经费",
            "公务用车购置及运行维护费",
            "公务用车购置及运行费",
            "公务用车费",
            "公车经费",
            "公务用车经费",
            "公车购置及运行费",  # 衢江 2016 (real reports 13)
            "公车购置及运行维护费",
            "车辆购置及运行维护费",  # 济南 2014 (real reports 31)
            "车辆购置及运行费",
        ),
        # 公务用车's two parts (a 三公 table's 购置费 │ 运行费 columns, a 基础数据表's rows)
        "vehicle_purchase": ("公务用车购置费", "公车购置费", "车辆购置费", "公务用车购置"),
        "vehicle_running": (
            "公务用车运行费",
            "公务用车运行维护费",
            "公车运行维护费",
            "公车运行费",
            "车辆运行费",
            "公务用车运行维护经费",
        ),
        "establishment": ("编制数", "编制", "编制人数", "核定编制"),
        "staff": ("在职", "在职人数", "在职人员", "实际在职人数", "在职职工"),
        "retired": ("退休", "退休人员", "退休人数"),
        # this year's money brought from last year (a funds-block row of the 项目支出 自评表); "加上年结转资金" adds it
        "carried_over": ("上年结转资金", "上年结转", "加上年结转资金", "加上年结转", "上年结转结余资金"),
        "total_score": (  # not a bare 得分: "得分9.5分" in the analysis is one indicator's
            "总分",
            "总得分",
            "自评得分",
            "自评总分",
            "自评分",
            "综合得分",
            "评价得分",
            "综合评价得分",
            "绩效自评得分",
            "自评综合得分",
        ),
    }
)

#: How each claim is named in messages.
CLAIM_ZH = MappingProxyType(
    {
        "income": "收入决算",
        "expense": "支出决算",
        "basic_expense": "基本支出",
        "project_expense": "项目支出",
        "personnel": "人员经费",
        "public_funds": "公用经费",
        "three_public": "“三公”经费",
        "overseas": "因公出国（境）费",
        "reception": "公务接待费",
        "vehicles": "公务用车购置及运行维护费",
        "vehicle_purchase": "公务用车购置费",
        "vehicle_running": "公务用车运行维护费",
        "establishment": "编制数",
        "staff": "在职人数",
        "retired": "退休人数",
        "carried_over": "上年结转资金",
        "total_score": "自评总分",
    }
)

#: A total and the parts it consists of by definition: when the narrative states all of them, they must add up.
DECOMPOSITIONS = MappingProxyType(
    {
        "expense": ("basic_expense", "project_expense"),
        "basic_expense": ("personnel", "public_funds"),
        "three_public": ("overseas", "reception", "vehicles"),
        # 公务用车购置及运行维护费 = 公务用车购置费 + 公务用车运行维护费 (its name says so; the 三公 口径)
        "vehicles": ("vehicle_purchase", "vehicle_running"),
    }
)

#: The wholes whose items are only those of their decomposition, by definition (“三公”经费 = 因公出国（境）费 + 公务接待费 +
#: 公务用车购置及运行维护费, and 公务用车's two): each → every claim an item of it may name. A 其中 list of such a whole
#: that goes on into another item (会议费, 培训费) has ended before it. Not 支出/基本支出: a 决算's 支出 also holds
#: 上缴上级支出, 经营支出…, so their lists stay open.
CLOSED_KINDS = MappingProxyType(
    {
        whole: frozenset(DECOMPOSITIONS[whole])
        | {c for part in DECOMPOSITIONS[whole] for c in DECOMPOSITIONS.get(part, ())}
        for whole in ("three_public", "vehicles")
    }
)

#: The wholes whose every defined item, each opening one of the paragraphs right after the whole's closing "其中：",
#: makes it (`spread_lists`, session 23, reports27): the closed kinds, and 基本支出 — 人员经费 + 公用经费 by the 决算's own
#: 名词解释 (the 财决08 split; the one-paragraph list is held to it already, `funds_arith`). Its 其中 list stays open
#: in a paragraph (it may run on into other classes), but two paragraphs opening with exactly its two items are
#: the whole's (大英 医保局 2023: "基本支出911.7万元,其中:" ¶ "人员经费489.18万元,…" ¶ "公用经费46.89万元,…"). Not 支出:
#: a 决算's 支出 also holds 上缴上级支出, 经营支出….
SPREAD_WHOLES = frozenset((*CLOSED_KINDS, "basic_expense"))

#: The dimensions a 其中 split of money may be made by, whose classes together are the whole of it (issue 12: a split
#: is held to its total only where its words make the dimension certain). Each: (what the message calls the split,
#: its classes as (name, pattern a part's subject matches), a pattern the total's words must match, one they must
#: not). A list whose parts each name exactly one class, every class once, is read as the whole: falling short of the
#: total is said (a 警告 — the total may hold money outside the split); a list naming only some classes, or classes of
#: two dimensions, stays as any 其中 (it may be partial). Sources: 部门决算 口径 (支出 = 基本支出 + 项目支出; 收入 =
#: 财政拨款收入 + 其他资金); the 广西 部门决算 template's 项目支出 "其中,本级项目…;对下转移支付项目…" (本级 + 对下转移支付
#: = the department's projects, 梧州 医保局 2024).
SPLIT_DIMENSIONS: tuple[tuple[str, tuple[tuple[str, str], ...], str, str], ...] = (
    (
        "基本支出与项目支出合为全部支出",
        (("基本支出", r"基本支出"), ("项目支出", r"项目支出")),
        r"预算|支出",
        r"收入|结余|结转|到位|下达|拨付",
    ),
    (
        "本级与对下转移支付合为全部",
        (("本级", r"^(?:部门|单位|省|市|县|区|州)?本级"), ("对下转移支付", r"^对下(?:级)?(?:转移支付|补助)")),
        r"支出|资金|预算|经费|项目|拨款",
        r"收入|结余|结转|到位",
    ),
    (
        "财政拨款与其他资金合为全部资金",
        (("财政拨款", r"^(?:当年|本年)?财政拨款"), ("其他资金", r"^(?:其他资金|其它资金|非财政拨款|其他来源)")),
        r"资金|收入|预算|经费|支出|总额|合计",
        r"结余|结转",
    ),
    (
        # the three budgets a 财政拨款 comes from, as a 部门预算's 财政拨款收支总表 prints them (普陀 建委 2026 p5:
        # "财政拨款支出预算中，一般公共预算拨款支出预算…；政府性基金拨款支出预算…；国有资本经营预算拨款支出预算…")
        "一般公共预算、政府性基金与国有资本经营预算拨款合为财政拨款",
        (
            ("一般公共预算拨款", r"^一般公共预算(?:财政)?拨款"),
            ("政府性基金拨款", r"^政府性基金(?:预算)?(?:财政)?拨款"),
            ("国有资本经营预算拨款", r"^国有资本经营预算(?:财政)?拨款"),
        ),
        r"财政拨款",
        r"非财政拨款|结余|结转",
    ),
    (
        # 永川 2024 决算报告: "一般公共预算收入53.24亿元,…其中:税收收入33.31亿元,…;非税收入19.93亿元" — the two kinds of a
        # government's own 一般公共预算收入 by definition; a 收入总计/合计 adds 转移性收入 and 上级补助 (prose28)
        "税收收入与非税收入合为一般公共预算收入",
        # 税收 alone before a 财政 move word names the 税收收入 ("其中:税收短收5000万元", change_parts)
        (("税收收入", r"^税收(?:收入|(?=短收|超收|减收|增收))"), ("非税收入", r"^非税收入")),
        r"一般公共预算收入|公共财政预算收入|公共财政收入",
        r"总计|合计|总收入|转移|上级|补助|支出|结余|结转|基金|债务",
    ),
)

MONEY_UNITS = ("亿元", "万元", "千元", "元")
#: The unit of a score ("综合评价得分为99.8分"): a figure in it is read only when a score claim names it.
SCORE_UNIT = "分"
#: Measure words of counts; 架/架次 (aircraft, sorties) as 航空消防 reports count them ("共布局12架…其中1架…").
COUNT_UNITS = (
    "人次",
    "架次",
    "家",
    "人",
    "个",
    "项",
    "户",
    "件",
    "名",
    "座",
    "台",
    "套",
    "辆",
    "架",
    "所",
    "条",
    "篇",
    "场",
    "次",
)
#: Measure units of indicators (length, area, mass, volume) read from the narrative like their table cells
#: ("新建防火隔离带42公里", "1.8万亩"); time units are not (2023年, 12月底 are dates, not quantities).
MEASURE_UNITS = ("平方公里", "平方米", "立方米", "公里", "千米", "公顷", "公斤", "千克", "亩", "吨", "米")
#: Counts and measures scaled by 万/亿 ("10.8万人次", "3.35万人", "1.8万亩"): rounded figures, not exact counts.
SCALED_UNITS = tuple(f"{p}{u}" for p in ("万", "亿") for u in (*COUNT_UNITS, *MEASURE_UNITS))

#: Verbs that open a performance-result count ("新增高新技术企业19家"): a count so named is a claim
#: a table should support.
RESULT_VERBS = ("新增", "新进", "新认定", "新培育", "新引进", "新建", "新开工", "培育", "引进", "认定")

_INDEX = {name: key for key, names in CLAIMS.items() for name in names}


#: A whole report's score is also named after whose it is — only in generic words ("该项目自评得分", "部门整体支出
#: 绩效自评总分"); a named owner is another score: a part (项目决策得分, 产出指标得分), another project (科技创新项目
#: 自评得分), another evaluator (第三方评价得分, 复核得分).
_WHOLE_SCORE_OWNER = lazy_compile(r"(?:该|本|此|我|经)?(?:部门|单位|局|项目|整体|支出|绩效|年度|综合)*")


@functools.lru_cache(maxsize=8192)
def claim_of(subject: str) -> str:
    """The canonical claim a (compacted) subject names, or "" when it names none (kept per subject: asked ≈ 300 times
    a report, each unnamed one tried against every total-score name, perf30p)."""
    claim = _INDEX.get(subject, "")
    if claim or not subject:
        return claim
    for name in CLAIMS["total_score"]:
        if subject.endswith(name) and _WHOLE_SCORE_OWNER.fullmatch(subject[: -len(name)]):
            return "total_score"
    if subject.endswith("得分") and subject[:-2] and _WHOLE_SCORE_OWNER.fullmatch(subject[:-2]):
        return "total_score"  # "该项目得分95.7分": a bare 得分 only with its owner named (not "此项得分")
    return ""
