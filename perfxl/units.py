"""Units of measure (度量单位) typed into indicator cells: normalise, group in families, convert.

A family is a set of units with exact factors to one base unit (money: 元/万元/亿元; time: 天/周/月/年;
percent: %/百分比/‰ …). Two units convert only inside one family; anything else — 家 against 亿元, or two
units perfxl does not know — is an explicit `Conversion(ok=False, reason=…)`, never an exception.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from functools import lru_cache

from .chinese import to_simplified
from .patterns import lazy_compile
from .records import record

__all__ = [
    "money_unit_in",
    "CALENDAR_DAYS",
    "CALENDAR_MONTHS",
    "PERIOD_WORDS",
    "periods_a_year",
    "Unit",
    "Conversion",
    "UNITS",
    "normalise_unit",
    "lookup",
    "family_of",
    "conversion_factor",
    "convert",
    "compatible",
    "split_per",
    "count_of_noun",
    "money_symbol",
]


@record(frozen=True, slots=True)
class Unit:
    """A known unit: its canonical symbol, family, and exact factor to the family's base unit.

    `approximate` marks conventional factors (月 = 30 天, 年 = 365 天) that are not exact. A factor no decimal holds
    (1 小时 = 1/24 天) is `factor` / `per`, so conversions stay exact (24 小时 is 1 天, not 1.00000000000000000000000008).
    """

    symbol: str
    family: str
    factor: Decimal
    approximate: bool = False
    per: Decimal = Decimal(1)


@record(frozen=True, slots=True)
class Conversion:
    """How to turn a value in one unit into another: `value × factor`, or why it cannot (`ok=False`)."""

    ok: bool
    factor: Decimal | None = None
    value: Decimal | None = None
    approximate: bool = False
    reason: str | None = None
    reason_en: str | None = None
    # the factor as multiplier / divisor when it is no terminating decimal (分钟 → 天: 1 / 1440), for `apply`
    multiplier: Decimal | None = None
    divisor: Decimal | None = None

    def apply(self, value: Decimal) -> Decimal:
        """`value` × the factor, multiplied before it is divided: exact wherever the result is (300 秒 → 5 分钟)."""
        if self.multiplier is not None and self.divisor is not None:
            return value * self.multiplier / self.divisor
        assert self.factor is not None
        return value * self.factor


def _u(symbol: str, family: str, factor: str | int, approximate: bool = False, per: int = 1) -> Unit:
    return Unit(symbol, family, Decimal(factor), approximate, Decimal(per))


# Canonical units by family. Count words (家, 个, 人次…) each form their own family: 12家 and 12个
# count different things, and only a 万/亿 prefix converts them (1.2万人次 = 12000人次).
_CANONICAL: tuple[Unit, ...] = (
    _u("元", "money", 1),
    _u("千元", "money", 1000),
    _u("万元", "money", 10000),
    _u("百万元", "money", 1000000),
    _u("亿元", "money", 100000000),
    _u("%", "percent", 1),
    _u("‰", "percent", "0.1"),
    _u("百分点", "percent_point", 1),
    _u("秒", "time", 1, True, per=86400),
    _u("分钟", "time", 1, True, per=1440),
    _u("小时", "time", 1, True, per=24),
    _u("天", "time", 1),
    _u("工作日", "workday", 1),
    _u("周", "time", 7),
    _u("月", "time", 30, True),
    _u("季度", "time", 90, True),
    _u("年", "time", 365, True),
    _u("米", "length", 1),
    _u("千米", "length", 1000),
    _u("厘米", "length", "0.01"),
    _u("毫米", "length", "0.001"),
    # storage: 1 TB = 1024 GB as systems report it (some vendors use 1000: approximate)
    _u("MB", "data", "0.0009765625", True),
    _u("GB", "data", 1),
    _u("TB", "data", 1024, True),
    _u("㎡", "area", 1),
    _u("亩", "area", 2000, True, per=3),
    _u("公顷", "area", 10000),
    _u("平方千米", "area", 1000000),
    _u("m³", "volume", 1),
    _u("千克", "mass", 1),
    _u("吨", "mass", 1000),
    _u("千瓦时", "energy", 1),
    _u("万千瓦时", "energy", 10000),
    _u("吨标准煤", "energy_coal", 1),
)

_SYNONYMS: dict[str, str] = {
    "百分比": "%",
    "％": "%",
    "百分率": "%",
    "个百分点": "百分点",
    "日": "天",
    "个工作日": "工作日",
    "星期": "周",
    "个月": "月",
    "个季度": "季度",
    "公里": "千米",
    "km": "千米",
    "cm": "厘米",
    "mm": "毫米",
    "mb": "MB",
    "gb": "GB",
    "tb": "TB",
    "m": "米",
    "平方米": "㎡",
    "平米": "㎡",
    "m2": "㎡",
    "m²": "㎡",
    "平方公里": "平方千米",
    "km2": "平方千米",
    "立方米": "m³",
    "方": "m³",
    "m3": "m³",
    "公斤": "千克",
    "kg": "千克",
    "t": "吨",
    "kwh": "千瓦时",
    "kw·h": "千瓦时",
    "万度": "万千瓦时",
}

# Count words (量词): each its own family; 万/亿 prefixes scale them.
_COUNT_WORDS: tuple[str, ...] = (
    "人次",
    "户次",
    "家次",
    "车次",
    "项次",
    "架次",
    "次",
    "家",
    "个",
    "人",
    "名",
    "位",
    "户",
    "项",
    "件",
    "台",
    "套",
    "所",
    "批",
    "场",
    "期",
    "篇",
    "份",
    "本",
    "条",
    "座",
    "处",
    "辆",
    "间",
    "张",
    "棵",
    "株",
    "头",
    "只",
    "册",
    "部",
    "支",
    "队",
    "组",
    "类",
    "起",
    "宗",
    "笔",
    "单",
    "村",
    "镇",
    "乡",
    "校",
    "园",
    "班",
    "节",
    "课时",
    "学时",
    "床",
    "块",
    "口",
    "段",
    "道",
    "盏",
    "根",
    "片",
    "种",
    "门",
    "栋",
    "幢",
    "例",
    "粒",
    "台套",  # 设备 counted as sets of machines
    "倍",  # a multiple (放大倍数 ≥2倍): compared as a count of times
    "羽",  # poultry
    "尾",  # fish fry
    "眼",  # wells
    "场次",
    "批次",
    "万人",
    "万人次",
    "万户",
)
_COUNT_SYNONYMS: dict[str, str] = {"名": "人", "位": "人"}

UNITS: dict[str, Unit] = {u.symbol: u for u in _CANONICAL}
for _word in _COUNT_WORDS:
    if _word.startswith("万") and len(_word) > 1:
        continue
    _base = _COUNT_SYNONYMS.get(_word, _word)
    UNITS.setdefault(_word, Unit(_base, f"count:{_base}", Decimal(1)))

_PREFIX = {"万": Decimal(10000), "亿": Decimal(100000000), "千": Decimal(1000), "百": Decimal(100)}
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=4096)
def normalise_unit(text: str | None) -> str | None:
    """Canonical spelling of a unit ("百分比" → "%", "平方米" → "㎡", "万人次" kept); None for empty.

    Unknown units come back stripped, unchanged otherwise, so they still compare equal to themselves.
    """
    if text is None:
        return None
    t = to_simplified(_SPACE.sub("", str(text)).strip("()（）[]【】"))  # 個 → 个, 萬元 → 万元
    if not t:
        return None
    low = t.lower()
    if low in _SYNONYMS:
        return _SYNONYMS[low]
    if t in _SYNONYMS:
        return _SYNONYMS[t]
    if "/" in t:
        num, _, den = t.partition("/")
        if den.startswith("每") and len(den) > 1:
            den = den[1:]  # "次/每周", "元/每人": the 每 the slash already says
        n, d = normalise_unit(num), normalise_unit(den)
        return f"{n or ''}/{d or ''}" if (n or d) else None
    return t


def split_per(unit: str | None) -> tuple[str | None, str | None]:
    """ "万元/家" → ("万元", "家"); "万元" → ("万元", None)."""
    if not unit or "/" not in unit:
        return unit, None
    num, _, den = unit.partition("/")
    return (num or None), (den or None)


@lru_cache(maxsize=4096)
def lookup(unit: str | None) -> Unit | None:
    """The known unit for a (normalised or raw) symbol, including 万/亿-prefixed counts; else None."""
    sym = normalise_unit(unit)
    if sym is None:
        return None
    if sym in UNITS:
        return UNITS[sym]
    if len(sym) > 1 and sym[0] in _PREFIX:
        base = lookup(sym[1:])
        if base is not None and base.family not in ("percent", "percent_point", "time", "workday"):
            return Unit(sym, base.family, base.factor * _PREFIX[sym[0]], base.approximate, base.per)
    return None


_CJK_NOUN = lazy_compile(r"[\u4e00-\u9fff]{1,6}")


def count_of_noun(unit: str | None) -> Unit | None:
    """The count word of a measure word and the noun it counts ("个站点" → 个, "家企业" → 家, "座桥梁" → 座): what is
    counted is named, the unit is the count word. None when the rest is itself a unit ("个百分点") or not a noun."""
    found = _count_and_noun(normalise_unit(unit))
    return found[0] if found else None


@lru_cache(maxsize=4096)
def _count_and_noun(sym: str | None) -> tuple[Unit, str] | None:
    if not sym:
        return None
    for size in (2, 1):
        head, rest = sym[:size], sym[size:]
        base = UNITS.get(head)
        if base is not None and base.family.startswith("count") and _CJK_NOUN.fullmatch(rest) and lookup(rest) is None:
            return base, rest
    return None


def _counted(unit: str, other: str) -> Unit | None:
    """`unit` read as its count word against `other` ("个站点" against "个" or "个站点"), unless both name what they
    count and the nouns differ ("个站点" against "个学校" are not one quantity)."""
    mine, theirs = _count_and_noun(unit), _count_and_noun(other)
    if mine is None or (theirs is not None and theirs[1] != mine[1]):
        return None
    return mine[0]


def family_of(unit: str | None) -> str | None:
    """Family name ("money", "time", "percent", "count:家" …) or None when unknown or empty."""
    u = lookup(unit)
    return u.family if u else None


#: Multipliers written alone after a number ("24亿", "0.8万"): the other side's unit with that multiplier is
#: meant. A bare 亿 is money (a count of 亿 is not how 自评表 write counts); a bare 万 may be a count too.
_BARE_PREFIXES = {"万": ("money", "count"), "亿": ("money",)}


def _with_bare_prefix(unit: str | None, other: str | None) -> str | None:
    """A bare 万/亿 completed with the other side's base unit ("亿" beside "亿元" or "元" → "亿元", "万" beside
    "万人次" → "万人次"), the way a side without any unit takes the other's; any other unit as it is."""
    if unit not in _BARE_PREFIXES or other is None or other in _BARE_PREFIXES:
        return unit
    base = other[1:] if other[0] in _PREFIX and lookup(other[1:]) is not None else other
    family = family_of(unit + base) or ""
    allowed = other.startswith(unit) or family.split(":")[0] in _BARE_PREFIXES[unit]
    return unit + base if allowed else unit


#: Calendar units counted in months: exact among themselves (1 年 = 4 季度 = 12 月); against 天 or 周 their length
#: varies (`CALENDAR_DAYS`), so 月 = 30 天 and 年 = 365 天 are conventions (`Unit.approximate`).
CALENDAR_MONTHS: dict[str, Decimal] = {"月": Decimal(1), "季度": Decimal(3), "年": Decimal(12)}
#: The fewest and most days each calendar unit holds (February 28, a leap year 366, a quarter 89 … 92 days).
CALENDAR_DAYS: dict[str, tuple[Decimal, Decimal]] = {
    "月": (Decimal(28), Decimal(31)),
    "季度": (Decimal(89), Decimal(92)),
    "年": (Decimal(365), Decimal(366)),
}


#: Periods a year holds, fewest and most, by the period word of "每月1次" and "1次/月": months and quarters as the
#: calendar counts them (`CALENDAR_MONTHS`, exact), halves, 旬 and two-month spans exactly; weeks 52 or 53 (a year is
#: 52 weeks and 1 or 2 days), days as a year's (`CALENDAR_DAYS`: 365 or 366), workdays 247 to 251.
_PERIODS_A_YEAR: dict[str, tuple[Decimal, Decimal]] = {
    **dict.fromkeys(("月", "个月"), (CALENDAR_MONTHS["年"] / CALENDAR_MONTHS["月"],) * 2),
    **dict.fromkeys(("季度", "季", "个季度"), (CALENDAR_MONTHS["年"] / CALENDAR_MONTHS["季度"],) * 2),
    "半年": (Decimal(2), Decimal(2)),
    **dict.fromkeys(("两月", "两个月", "双月"), (Decimal(6), Decimal(6))),
    "旬": (Decimal(36), Decimal(36)),
    **dict.fromkeys(("周", "星期"), (Decimal(52), Decimal(53))),
    **dict.fromkeys(("天", "日"), CALENDAR_DAYS["年"]),
    # no form prints the year's workdays: 365 or 366 days less 104 … 106 weekend days and the 11 (13 from 2025) public
    # holidays, which 调休 moves but does not add to (国务院《全国年节及纪念日放假办法》) — 247 to 251
    **dict.fromkeys(("工作日", "个工作日"), (Decimal(247), Decimal(251))),
}

#: The period words of counts per period ("每月1次", "1次/双月"), longest first.
PERIOD_WORDS: tuple[str, ...] = tuple(sorted(_PERIODS_A_YEAR, key=len, reverse=True))


def periods_a_year(word: str) -> tuple[Decimal, Decimal] | None:
    """How many of the period `word` ("月", "周", "双月") a year holds, fewest and most (12, 12; 52, 53), else None:
    the one count of periods for "每月1次" read over the year (rules.context) and "次/双月" as a known unit."""
    return _PERIODS_A_YEAR.get(word)


def _simple_factor(src: str | None, dst: str | None) -> Conversion:
    a, b = normalise_unit(src), normalise_unit(dst)
    a, b = _with_bare_prefix(a, b), _with_bare_prefix(b, a)
    if a in _BARE_PREFIXES or b in _BARE_PREFIXES:  # against no unit, or against the other multiplier
        fa = _PREFIX[a] if a in _BARE_PREFIXES else Decimal(1)
        fb = _PREFIX[b] if b in _BARE_PREFIXES else Decimal(1)
        if (a is None or a in _BARE_PREFIXES) and (b is None or b in _BARE_PREFIXES):
            return Conversion(True, fa / fb)
    if a == b:
        return Conversion(True, Decimal(1))
    if a is None or b is None:
        return Conversion(True, Decimal(1))  # one side states no unit: read it in the other's unit
    if a in CALENDAR_MONTHS and b in CALENDAR_MONTHS:  # 12个月 is 1年 exactly, not 360/365 of it
        return Conversion(True, CALENDAR_MONTHS[a] / CALENDAR_MONTHS[b])
    ua, ub = lookup(a) or _counted(a, b), lookup(b) or _counted(b, a)  # "5个站点" against "4个"
    if ua is None or ub is None or ua.family != ub.family:
        return Conversion(
            False,
            reason=f"计量单位不一致：{a} 与 {b} 无法换算",
            reason_en=f"incompatible units: {a} and {b} cannot be converted",
        )
    multiplier, divisor = ua.factor * ub.per, ua.per * ub.factor
    return Conversion(
        True, multiplier / divisor, approximate=ua.approximate or ub.approximate, multiplier=multiplier, divisor=divisor
    )


@lru_cache(maxsize=4096)
def conversion_factor(src: str | None, dst: str | None) -> Conversion:
    """Factor f with value_in_dst = value_in_src × f, for plain or per-unit ("万元/家") units.

    A side without a unit takes the other's unit; a per-unit side against a plain one compares
    the numerators (people often drop "/家" in the 实际完成值).
    """
    sn, sd = split_per(normalise_unit(src))
    dn, dd = split_per(normalise_unit(dst))
    num = _simple_factor(sn, dn)
    if not num.ok:
        return Conversion(False, reason=_mismatch(src, dst), reason_en=_mismatch_en(src, dst))
    if sd and dd:
        den = _simple_factor(sd, dd)
        if not den.ok:
            return Conversion(False, reason=_mismatch(src, dst), reason_en=_mismatch_en(src, dst))
        assert num.factor is not None and den.factor is not None  # ok=True always carries a factor
        multiplier = (num.multiplier or num.factor) * (den.divisor or 1)
        divisor = (num.divisor or 1) * (den.multiplier or den.factor)
        return Conversion(
            True,
            multiplier / divisor,
            approximate=num.approximate or den.approximate,
            multiplier=multiplier,
            divisor=divisor,
        )
    return num


def _mismatch(a: str | None, b: str | None) -> str:
    return f"计量单位不一致：{normalise_unit(a)} 与 {normalise_unit(b)} 无法换算"


def _mismatch_en(a: str | None, b: str | None) -> str:
    return f"incompatible units: {normalise_unit(a)} and {normalise_unit(b)} cannot be converted"


def convert(value: Decimal, src: str | None, dst: str | None) -> Conversion:
    """`value` in `src` expressed in `dst` (`Conversion.value`), or ok=False with the reason."""
    c = conversion_factor(src, dst)
    if not c.ok or c.factor is None:
        return c
    return Conversion(True, c.factor, c.apply(value), c.approximate, multiplier=c.multiplier, divisor=c.divisor)


def compatible(a: str | None, b: str | None) -> bool:
    """True when values in `a` and `b` can be compared (same family, or one side has no unit)."""
    return conversion_factor(a, b).ok


#: Latin letters in a unit (review12c).
_LATIN = lazy_compile(r"[A-Za-z]")


def stray_letters(unit: str | None) -> str:
    """The Latin letters of an amount's unit where no money unit is ("4l", "4 B", "4B级", "4.O"): no money, weight or
    score is counted in such letters, so the figure is a slip or a damaged digit — not the 4 a rate would compute with.
    "" where there are none or the unit is money ("46万元", "46RMB")."""
    if not unit or not _LATIN.search(unit) or family_of(unit) == "money" or "RMB" in unit.upper():
        return ""
    if any(ch in unit for ch in "()（）%"):  # a note or a label ("1(X)%", "4(B)"): not read here
        return ""
    return "".join(_LATIN.findall(unit))


def money_symbol(unit: str | None) -> str | None:
    """A unit written beside money, normalised, with a bare 万/亿 read as 万元/亿元 ("150万" in a funds block is 150 万元)."""
    symbol = normalise_unit(unit)
    return f"{symbol}元" if symbol in ("万", "亿") else symbol


_MONEY_UNIT = r"(亿\s*元|万\s*元|千\s*元|元)"
#: A money unit a label or note states: "单位：万元" (the unit word ending there: "填报单位：元江县财政局" names a county,
#: 元江, not the unit 元 — nor do 元氏, 元谋, 元阳, 元宝山 …) or "（万元）"; spaces allowed inside ("万 元").
_MONEY_UNIT_STATED = re.compile(
    rf"单\s*位\s*[:：]\s*{_MONEY_UNIT}(?!(?!人民币)[\u4e00-\u9fff])|[（(]\s*{_MONEY_UNIT}\s*[)）]"
)


def money_unit_in(value: object) -> str | None:
    """A money unit stated in a label or note: "单位：万元", "年度预算申请（万元）", "（元）" → unit (traditional
    characters and full-width forms alike: "單位:萬元"). Shared by the layout, which reads amounts in it, and the
    checks that compare two printed units (F14)."""
    if value is None:
        return None
    m = _MONEY_UNIT_STATED.search(unicodedata.normalize("NFKC", to_simplified(str(value))))
    if not m:
        return None
    return "".join((m.group(1) or m.group(2)).split())
