"""What a table says of its project in words against its own funds block (F16, F17, F18).

A 申报表's 项目基本情况 states facts the funds block must then bear out: "其中省级财政补助70%，县级财政配套补助30%" in
the 项目概况 says how the money is shared between levels, so the block's 省级资金 / 县级资金 lines should hold those
shares of the total (湘阴 2022 puts the whole 259 on 县级资金); a 项目期 of 1年 says the project's whole money is the
year's, so a 中期资金总额 beside a different 年度资金总额 (亳州 2023: 449.8万 against 189.8万) contradicts it; a 项目实施计划
"合计50万元" equal to neither the 年度 (25) nor a 中期 total (阳泉 2021, 中期 left blank) leaves the plan's money unbudgeted. Each may
have a reason the form does not print (the table listing only the county's own money; a term misstated), so each is a
警告 a person judges, naming both cells.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from perfxl.chinese import to_simplified
from perfxl.model import CellValue, Finding, FundsRow
from perfxl.numbers import HUNDRED, half_unit, printed_places, round_half_up
from perfxl.patterns import lazy_compile
from perfxl.units import convert, money_symbol
from perfxl.values import normalise_text

from .catalogue import check
from .context import Context, fmt_num

#: A level of government and the share of the money the text gives it: "省级财政补助70%", "县级财政配套补助30%",
#: "中央承担60%". The level is a level's name (中央, or 省/市/县/区 with 级 or 财政 after it): not the character inside
#: another word (全县, 市场, 节省, 社区 …). The words between may not hold a figure, end the clause or name a rate (率:
#: "全县幼儿园覆盖率30%", "县级配套资金到位率100%" are how much of something, not a share of the money).
_SHARE = lazy_compile(r"(中央|[省市县区](?=级|财政))级?(?:财政|资金)?[^\d,，;；。、%()（）率]{0,8}?(\d+(?:\.\d+)?)%")
#: A level's name anywhere (within a share's words: another level sharing it).
_LEVEL_NAME = lazy_compile(r"中央|[省市县区](?=级|财政)")
#: A level's name joined to the share's own level just before it ("中央、省级…", "省级和市级…").
_JOINED_BEFORE = lazy_compile(r"(?:中央|[省市县区]级|[省市县区]财政)(?:财政|资金)?(?:、|和|与|及|,)$")
#: The level a funds line belongs to by its label: "省级资金", "其中:中央补助", "县级财政资金", "县级配套".
_LINE_LEVEL = lazy_compile(r"^(?:其中:?)?(中央|省|市|县|区)级?(?:财政|资金|补助|配套|拨款)")
#: A term of one year: "1年", "一年", "12个月".
_ONE_YEAR = lazy_compile(r"(?:1|一)年|12个月")


def _plain(text: str) -> str:
    """NFKC, simplified characters (省級 → 省级, 合計 → 合计), no spaces: the words the patterns look for."""
    return to_simplified(normalise_text(text)).replace(" ", "")


def _stated_shares(text: str) -> dict[str, Decimal]:
    """Level → stated share (%) when the text gives at least two levels shares adding up to exactly 100, else {}: a
    split of the money, not a rate of some level's (县级配套资金到位率100%)."""
    shares: dict[str, Decimal] = {}
    plain = _plain(text)
    for m in _SHARE.finditer(plain):
        if m.group(1) in shares:
            return {}  # a level named twice: not one split
        if _LEVEL_NAME.search(plain, m.end(1), m.start(2)) or _JOINED_BEFORE.search(plain, 0, m.start()):
            return {}  # "中央和省级补助80%", "中央、省级共补助80%": two levels' joint share, neither level's own
        shares[m.group(1)] = Decimal(m.group(2))
    return shares if len(shares) >= 2 and sum(shares.values()) == HUNDRED else {}


def _level(row: FundsRow) -> str | None:
    m = _LINE_LEVEL.match(_plain(row.label.text))
    return m.group(1) if m else None


@check("F16")
def shares_stated_in_words(ctx: Context) -> Iterator[Finding]:
    """The 项目概况's shares by level (adding up to 100%) against the block's lines of those levels: a line whose share
    of the total differs from the stated one by more than the stated share's printed precision is a 警告 at its
    amount, naming the 概况 cell."""
    ev = ctx.evaluation
    text = None if ev is None else ev.overview.get("项目概况")
    block = None if ev is None else ev.funds
    if text is None or block is None or block.total is None:
        return
    shares = _stated_shares(text.text)
    total = ctx.number(block.total.full_budget)
    lines = {lv: p for p in block.parts if not p.within and (lv := _level(p)) is not None}
    if not shares or total is None or total <= 0 or not set(shares) <= set(lines):
        return  # the block does not split the money by the levels the text names
    stated = "，".join(f"{lv if lv == '中央' else lv + '级'} {fmt_num(s)}%" for lv, s in shares.items())
    for level, share in shares.items():
        line = lines[level]
        amount = ctx.number(line.full_budget)
        if amount is None:
            continue
        actual = amount / total * HUNDRED
        places = printed_places(f"{share}") or 0
        if abs(actual - share) <= half_unit(places):
            continue
        expected = total * share / HUNDRED
        yield _share_finding(ctx, text, line, block.total, stated, share, actual, expected)


def _share_finding(
    ctx: Context,
    text: CellValue,
    line: FundsRow,
    total: FundsRow,
    stated: str,
    share: Decimal,
    actual: Decimal,
    expected: Decimal,
) -> Finding:
    label = line.label.text.strip()
    return ctx.finding(
        line.full_budget,
        expected=fmt_num(expected, 2),
        actual=line.full_budget.text,
        label=label,
        share=fmt_num(share),
        stated=stated,
        ratio=fmt_num(actual, 2),
        total=total.full_budget.text,
        related=() if text.sheet is None else (text.located(),),
        basis=f"读取：项目概况“{text.text.strip()}”所述分担比例 {stated}；资金表“{label}”{line.full_budget.text}，合计 "
        f"{total.full_budget.text}，占 {fmt_num(actual, 2)}%；按 {fmt_num(share)}% 应为 {fmt_num(expected, 2)}。"
        "本表是否只列本级资金等，需人工判断",
        basis_en=f"read the 项目概况's shares ({stated}); the block's {label} {line.full_budget.text} of the total "
        f"{total.full_budget.text} is {fmt_num(actual, 2)}%; at {fmt_num(share)}% it would be {fmt_num(expected, 2)}. "
        "Whether the table lists only one level's money, a person judges",
    )


@check("F17")
def one_year_term_medium_total(ctx: Context) -> Iterator[Finding]:
    """A 项目期 of one year beside a printed 中期资金总额 different from the 年度资金总额: a 警告 at the 项目期 naming both
    totals (a one-year project's whole money is its year's)."""
    ev = ctx.evaluation
    term = None if ev is None else ev.overview.get("项目期")
    block = None if ev is None else ev.funds
    if term is None or block is None or block.total is None or block.medium_total is None:
        return
    if not _ONE_YEAR.fullmatch(_plain(term.text)):
        return
    medium, yearly = ctx.number(block.medium_total), ctx.number(block.total.full_budget)
    if medium is None or yearly is None or medium == yearly:
        return
    yield ctx.finding(
        term,
        expected=block.total.full_budget.text,
        actual=block.medium_total.text,
        term=term.text.strip(),
        related=tuple(c.located() for c in (block.medium_total, block.total.full_budget) if c.sheet is not None),
        basis=f"读取：项目期“{term.text.strip()}”；中期资金总额 {block.medium_total.text}，年度资金总额 "
        f"{block.total.full_budget.text}；一年期项目的中期资金即其年度资金，项目期与中期资金哪一处有误需人工判断",
        basis_en=f"read 项目期 {term.text.strip()!r}; 中期资金总额 {block.medium_total.text}, 年度资金总额 "
        f"{block.total.full_budget.text}; a one-year project's medium-term money is its year's: which is wrong, a person "
        "judges",
    )


#: The total a plan states in its own words: "合计50万元", "共计 120 万元", "总计:8.5万元".
_PLAN_TOTAL = lazy_compile(r"(?:合计|共计|总计)(?:为|:)?(\d+(?:\.\d+)?)(万元|元|亿元)")


@check("F18")
def plan_total_vs_budget(ctx: Context) -> Iterator[Finding]:
    """The total a 项目实施计划 states ("合计50万元", in words, once) against the block's printed totals: equal to neither the
    年度 nor a printed 中期 total, a 警告 at the plan naming them (which period the plan covers, a person judges)."""
    ev = ctx.evaluation
    plan = None if ev is None else ev.overview.get("实施计划")
    block = None if ev is None else ev.funds
    if plan is None or block is None or block.total is None:
        return
    stated = _PLAN_TOTAL.findall(_plain(plan.text))
    yearly = ctx.number(block.total.full_budget)
    unit = money_symbol(block.unit)
    if len(stated) != 1 or yearly is None or unit is None:
        return
    figure, own = stated[0]
    if _as_printed(Decimal(figure), own, yearly, unit) is None:
        return  # units perfxl cannot convert between
    medium = ctx.number(block.medium_total)
    if any(_as_printed(Decimal(figure), own, amount, unit) for amount in (yearly, medium) if amount is not None):
        return
    printed = block.medium_total.text if block.medium_total is not None and medium is not None else ""
    medium_text = f"中期资金总额 {printed}" if printed else "中期资金总额未填写"
    medium_en = f"the 中期 total {printed}" if printed else "no 中期 total"
    cells = (block.total.full_budget, block.medium_total)
    yield ctx.finding(
        plan,
        expected=block.total.full_budget.text,
        actual=f"{figure}{own}",
        unit=unit,
        medium=medium_text,
        medium_en=medium_en,
        related=tuple(c.located() for c in cells if c is not None and c.sheet is not None),
        basis=f"读取：项目实施计划写“合计{figure}{own}”；年度资金总额 {block.total.full_budget.text}{unit}，{medium_text}；"
        "计划与哪一期资金对应、哪一处有误需人工判断",
        basis_en=f"read the plan's stated total {figure} {own}; the yearly total {block.total.full_budget.text} {unit}, "
        f"{medium_en}; which period the plan covers and which is wrong, a person judges",
    )


def _as_printed(figure: Decimal, own: str, amount: Decimal, unit: str) -> bool | None:
    """Whether the plan's `figure` (in its unit `own`, "12.35万元") is `amount` (in the block's `unit`) rounded half up
    to the decimals the figure is printed with — 123456元 is "12.35万元" — None when the units do not convert."""
    conv = convert(amount, unit, own)
    if not conv.ok or conv.value is None:
        return None
    places = max(0, -int(figure.as_tuple().exponent))
    return round_half_up(conv.value, places) == figure
