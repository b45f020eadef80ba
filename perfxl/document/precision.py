"""What a printed figure stands for: a number as printed is any value in [v − step/2, v + step) (rounded half up or
cut short), a count only rounded; bounds ("99%以上", "不足90%") and approximate figures ("约100万元"); table cells as
printed. Pure helpers of the narrative cross-check (perfxl.document.crosscheck)."""

from __future__ import annotations

from decimal import Decimal

from ..model import CellValue
from ..numbers import HUNDRED, fmt_decimal, to_decimal
from ..patterns import lazy_compile
from ..records import record
from ..units import convert
from .facts import RANGE_DASH, Fact
from .table_facts import TableValue, printed_step


@record(frozen=True, slots=True)
class Interval:
    """The values a printed number may stand for: [lo, hi) — rounded half up or truncated."""

    lo: Decimal
    hi: Decimal

    @classmethod
    def printed(cls, value: Decimal, step: Decimal) -> Interval:
        if value < 0:
            return cls(value - step, value + step / 2)
        return cls(value - step / 2, value + step)

    def overlaps(self, other: Interval) -> bool:
        return self.lo < other.hi and other.lo < self.hi

    def meet(self, other: Interval) -> Interval:
        return Interval(max(self.lo, other.lo), min(self.hi, other.hi)) if self.overlaps(other) else self

    def scaled(self, factor: Decimal) -> Interval:
        a, b = self.lo * factor, self.hi * factor
        return Interval(min(a, b), max(a, b))

    def percent_of(self, whole: Interval) -> Interval:
        """This part as a percentage of `whole` (positive): least part over most whole, to most over least."""
        return Interval(self.lo / whole.hi * HUNDRED, self.hi / whole.lo * HUNDRED)


def _signed(fact: Fact) -> Decimal:
    return -fact.quantity.value if fact.direction < 0 else fact.quantity.value


def _interval(fact: Fact) -> Interval:
    """The values the printed figure may stand for: rounded or cut for amounts and rates, rounded only for a count
    of things ("4个" is no 4.9 cut short, so it never agrees with "5个")."""
    if fact.quantity.is_count:
        return _rounded(_signed(fact), fact.quantity.step)
    return Interval.printed(_signed(fact), fact.quantity.step)


def _rounded(value: Decimal, step: Decimal) -> Interval:
    return Interval(value - step / 2, value + step / 2)


def _show(value: Decimal, unit: str | None, places: int | None = None) -> str:
    return f"{fmt_decimal(value, places)}{unit or ''}"


def _ratio(a: Interval, b: Interval) -> Interval | None:
    if b.lo <= 0 or a.lo < 0:
        return None
    return a.percent_of(b)


def _is_cell(fact: Fact, cell: CellValue, unit: str) -> bool:
    """The narrative figure may be the cell's number (printed precisions, 元/万元 converted)."""
    value = None if cell.is_blank else to_decimal(cell.raw)
    conv = convert(Decimal(1), fact.quantity.unit, unit)
    if value is None or not conv.ok or conv.factor is None:
        return False
    return _interval(fact).scaled(conv.factor).overlaps(Interval.printed(value, printed_step(cell.raw) or Decimal(1)))


def _cell_number(cell: CellValue) -> Decimal:
    return to_decimal(cell.raw) or Decimal(0)


def _cell_interval(cell: CellValue) -> Interval:
    """A table cell's number as printed, rounded half up (the table's own figure, not one cut short)."""
    return _rounded(_cell_number(cell), printed_step(cell.raw) or Decimal(1))


def _rate_agrees(rate: Fact, computed: Interval) -> bool:
    """The printed rate fits the computed range: rounded half up, or as a bound ("99%以上", "不足90%")."""
    value = abs(rate.quantity.value)
    half = rate.quantity.step / 2
    if bound := _bound(rate):
        return _bound_holds(bound, computed, Interval(value, value))
    return computed.overlaps(Interval(value - half, value + half))


_LOWER_BEFORE = lazy_compile(
    r"(超过|超出|(?<![赶])超|突破|高于|不低于|不少于|大于|逾|≥|>=|>)\s*$",
    needs=("超", "突破", "高于", "不低于", "不少于", "大于", "逾", "≥", ">"),
    keep_gate=True,
)
_LOWER_AFTER = lazy_compile(r"^\s*(以上|及以上|之上)")
_UPPER_BEFORE = lazy_compile(
    r"(不足|低于|未达到|未达|不到|少于|小于|不超过|未超过|≤|<=|<)\s*$",
    needs=("不足", "低于", "未达", "不到", "少于", "小于", "超过", "≤", "<"),
)
_UPPER_AFTER = lazy_compile(r"^\s*(以下|之下|以内)")
_ABOUT = lazy_compile(
    r"(约|近|接近|将近|大约|逾)(?:为|是|有|达)?\s*$|^\s*(左右|余|多)",
    needs=("约", "近", "逾", "左右", "余", "多"),
    keep_gate=True,
)  # "约为180万元" too


def _around(fact: Fact) -> tuple[str, str]:
    """The clause's words right before and right after the figure."""
    at = fact.clause.rfind(fact.quantity.text)
    if at < 0:
        return "", ""
    return fact.clause[:at], fact.clause[at + len(fact.quantity.text) :]


def _before(fact: Fact) -> str | None:
    """The clause's words before the figure, or None when the figure sits inside brackets ("(含…5个)")."""
    text, clause = fact.quantity.text, fact.clause
    at = clause.find(text)
    while at > 0 and clause[at - 1] in "0123456789.":  # "5个", not the 5个 of "15个"
        at = clause.find(text, at + 1)
    head = clause[:at] if at >= 0 else clause
    opened = head.count("(") + head.count("（") - head.count(")") - head.count("）")
    return None if opened > 0 else head.replace(" ", "")


def _bound(fact: Fact) -> str:
    """ "99%以上", "超过99%": "lower"; "不足90%", "90%以下": "upper"; else "" (the figure is the value, rounded)."""
    head, tail = _around(fact)
    if _LOWER_BEFORE.search(head) or _LOWER_AFTER.match(tail):
        return "lower"
    if _UPPER_BEFORE.search(head) or _UPPER_AFTER.match(tail):
        return "upper"
    return ""


#: A range whose low end is printed bare ("10-15家", "1～2万元"): the words right before the figure.
_BARE_LOW = lazy_compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*[-–—~～至到]\s*$")


def bare_range_low(fact: Fact) -> Decimal | None:
    """The low end of a range the figure closes when that end is printed without its unit ("10-15家": 10)."""
    m = _BARE_LOW.search(_around(fact)[0])
    return Decimal(m.group(1)) if m else None


#: The other end of a range right after a money figure ("600万元至700万元", "600万元~700万元"): the figure is its low end.
_RANGE_ON = lazy_compile(
    rf"^\s*{RANGE_DASH}\s*\d[\d,]*(?:\.\d+)?\s*(?:亿元|万元|元)", needs=("-", "–", "—", "~", "～", "至", "到")
)


def range_low(fact: Fact) -> Decimal | None:
    """The low end of a range the figure is printed as: its bare low end ("600-700万元": 600), or the figure itself when
    the range's other end follows it ("600万元至700万元": 600) — None for a figure printed alone."""
    if (low := bare_range_low(fact)) is not None and low < fact.quantity.value:
        return low
    return fact.quantity.value if fact.quantity.is_money and _RANGE_ON.match(_around(fact)[1]) else None


def _bound_holds(bound: str, other: Interval, own: Interval) -> bool:
    """The stated bound (`own`, the figure's range) holds for the other side's range."""
    return (bound == "lower" and other.hi >= own.lo) or (bound == "upper" and other.lo <= own.hi)


def _approximate(fact: Fact) -> bool:
    """ "约100万元", "近100万元", "100万元左右": a figure that says it is not exact."""
    head, tail = _around(fact)
    return bool(_ABOUT.search(head) or _ABOUT.match(tail))


def _about_interval(fact: Fact) -> Interval:
    """The values an approximate figure ("约150万元", "近100万元") may stand for: rounded at its last nonzero digit, so
    "约150万元" is anything in [145, 155) and "约100万元" anything in [50, 150); an exact figure keeps `_interval`."""
    if not _approximate(fact):
        return _interval(fact)
    value, step = _signed(fact), fact.quantity.step
    steps = abs(value) / step
    while steps and steps % 10 == 0:
        step, steps = step * 10, steps / 10
    exact = _interval(fact)  # never narrower than the figure as printed
    return Interval(min(value - step / 2, exact.lo), max(value + step / 2, exact.hi))


def _fits(fact: Fact, value: Decimal, unit: str | None, step: Decimal) -> bool:
    conv = convert(Decimal(1), fact.quantity.unit, unit)
    if not conv.ok or not conv.factor:
        return False
    return _interval(fact).scaled(conv.factor).overlaps(Interval.printed(value, step))


def _agrees(fact: Fact, tv: TableValue) -> bool:
    """The narrative figure may be the table value at the precision both were printed with (units converted)."""
    conv = convert(Decimal(1), fact.quantity.unit, tv.unit)
    if not conv.ok or conv.factor is None:
        return False
    return _interval(fact).scaled(conv.factor).overlaps(Interval.printed(tv.value, tv.step))
