"""What a check sees: the submission, the profile, the check's settings, and helpers that parse each cell once.

Checks never parse or score by themselves: cell text goes through `perfxl.values.parse_value`,
rates through `perfxl.rates`, indicator scores through `perfxl.scoring`; the results are cached here
so thirty checks over one workbook parse every cell once.
"""

from __future__ import annotations

import calendar
import difflib
from collections.abc import Callable, Hashable, Iterable
from dataclasses import fields, replace
from decimal import Decimal
from functools import lru_cache
from operator import attrgetter
from typing import Any, TypeVar, cast, overload

from perfxl.chinese import CACHE_MAX_LEN, is_plain, to_simplified
from perfxl.model import (
    CERTAIN,
    GUESS,
    JUDGEMENT,
    BasicData,
    CellRef,
    CellValue,
    Certainty,
    Finding,
    Indicator,
    Level1Heading,
    Location,
    SelfEvaluation,
    Severity,
    SkippedCheck,
    Submission,
    SumTable,
    new_finding,
)
from perfxl.numbers import (
    HUNDRED,
    ONE,
    POINT_FIRST,
    agrees_as_printed,
    decimal_exponent,
    decimal_held,
    fmt_decimal,
    half_unit,
    printed_places,
    round_half_up,
    to_decimal,
    typed_places,
)
from perfxl.patterns import lazy_compile
from perfxl.profiles import Profile
from perfxl.records import record
from perfxl.scoring import score_indicator
from perfxl.scoring_result import ScoreResult, Text
from perfxl.units import (
    CALENDAR_DAYS,
    CALENDAR_MONTHS,
    PERIOD_WORDS,
    conversion_factor,
    convert,
    family_of,
    lookup,
    money_symbol,
    normalise_unit,
    periods_a_year,
    split_per,
    stray_letters,
)
from perfxl.values import (
    DATE,
    DATE_UNITS,
    LEADING_DASHES,
    NUMBER,
    PERCENT,
    QUALITATIVE,
    TEXT,
    Op,
    ParsedValue,
    ValueKind,
    beyond_range,
    blank_text,
    bracketed_figure,
    is_excel_error,
    mark_read,
    normalise_text,
    parse_value,
    printed_sign,
    sign_readings,
    spaced_minus,
)
from perfxl.values import (
    dotted_year_month as dotted_year_month,  # re-exported: rules.indicators and tests import it from here
)
from perfxl.values_dates import DateParts

from .catalogue import CheckSpec, Fields
from .direction import OPPOSITE, Direction, infer_direction
from .row_facts import RowFacts

__all__ = ["Context", "RateReading", "Reading", "fmt_pct", "fmt_num", "similarity", "compact"]

T = TypeVar("T")

#: The weight a row is scored against on a form without a 分值 column, only to tell met from missed.
NOMINAL_WEIGHT = Decimal(100)

#: Indicator rows grouped under their 一级 heading (None: rows under no heading), in sheet order.
Groups = tuple[tuple[Level1Heading | None, tuple[Indicator, ...]], ...]

#: A currency sign before the amount ("¥300,000.00", a 元 amount formatted as currency): the cell's unit is 元.
_YUAN_SIGN = lazy_compile(r"\s*[¥￥]")
#: A figure followed by a bracketed note, "9.5（扣0.5分）", "120（含上年结转10）": the figure is the cell's number.
_FIGURE_WITH_NOTE = lazy_compile(
    # "85（满分100）", "得分85（满分100）": the figure and a bracketed note, after a score's own word at most
    r"\s*(?:(?:自评)?(?:总)?得分|总分)?[:：]?\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*(?:分|万元|元)?\s*[（(]([^（()）]*)[）)]\s*"
)
#: A note naming the score itself ("总分100（得分95.5）", "100分（其中自评95.5）"): the figure outside is the full mark,
#: the note's figure the claimed score.
#: A sign spaced from its figure ("- 108", "-  58.80"): Excel's accounting print of a negative — or a list's dash, a
#: deduction's mark ("- 5" under 得分). A minus by convention only, as brackets are (review20c).
_SPACED_SIGN = lazy_compile(r"^\s*[-+]\s+[\d.]")
_SCORE_IN_NOTE = lazy_compile(r"^(?:其中)?(?:自评)?(?:总)?得?分?[:：]?\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*分?$")
_PUNCT = lazy_compile(r"[\s，。；;、,.:：!！?？“”\"'（）()\[\]【】《》·…—\-]+")

#: The value classes of number cells (`Context.is_blank`: never blank; bool is its own class).
_FIGURE_CLASSES = (Decimal, int, float)
#: The parsed kinds a target is scored as a figure in (`Context._read_values`).
_NUMERIC_KINDS = (ValueKind.NUMBER, ValueKind.PERCENT)
#: The parsed kinds `Context.is_blank` holds blank.
_BLANK_KINDS = (ValueKind.BLANK, ValueKind.PLACEHOLDER)
#: A printed figure: a cell (text is judged as printed, a number cell is exact) or a Decimal read out of text.
Printed = CellValue | Decimal | None
#: The basis words of a sum that rounding the printed figures can explain (`Context.beyond_rounding` is False).
ROUNDED_ZH = "差额小于各数按打印位数四舍五入可能造成的误差之和，可能是四舍五入所致，需人工核对"
ROUNDED_EN = "the difference is below what rounding the printed figures can make; rounded or wrong is a person's call"


def compact(text: str) -> str:
    """Text without spaces and punctuation, in simplified characters ("優" is 优), for comparing narratives and
    labels — never shown. Cached by text up to CACHE_MAX_LEN characters (as parse_value: a batch worker keeps no long
    goals or remarks): the checks compact each row's names several times (68,000 calls, 20,000 texts on 10,000 rows)."""
    text = text or ""
    return _compact_cached(text) if len(text) <= CACHE_MAX_LEN else _compact(text)


@lru_cache(maxsize=65536)
def _compact_cached(text: str) -> str:
    return _compact(text)


def _compact(text: str) -> str:
    simple = to_simplified(text)
    return simple if is_plain(simple) else _PUNCT.sub("", simple)  # plain text holds nothing _PUNCT drops


def similarity(a: str, b: str) -> float:
    """Similarity 0..1 of two texts after `compact` (difflib ratio)."""
    a, b = compact(a), compact(b)
    if not a or not b:
        return 0.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def fmt_num(value: Decimal | None, places: int | None = None) -> str:
    """A number as plain text ("9.83", "100"), "—" for None."""
    return "—" if value is None else fmt_decimal(value, places)


def fmt_pct(percent: Decimal | None, places: int = 2) -> str:
    """A percent value with fixed decimals: 140.625 → "140.63%"."""
    if percent is None:
        return "—"
    return f"{round_half_up(percent, places):f}%"


@record(frozen=True, slots=True)
class RateReading:
    """How a typed rate cell was read: the percent value, and a zh/en note when it was interpreted.

    Rate cells are read as follows (docs/rules/index.md, "Rate cells"): text with "%" is that percent;
    a number above 1.5 (or text without "%") is a bare percent (94.5 → 94.5%); a number from 0 to
    1.5 is ambiguous: it is read as an Excel fraction (0.945 → 94.5%) unless reading it as a bare
    percent matches the computed rate.
    """

    percent: Decimal | None
    note_zh: str = ""
    note_en: str = ""
    places: int | None = None  # decimals of the percent as printed (None: a number cell, display unknown)
    whole: bool = False  # typed as a whole fraction ("1", "0"): 96% and 100% look alike, a person judges


def _relative_actual(t: ParsedValue, a: ParsedValue, reading: Reading) -> Reading:
    """An actual stating a change ("较2022年提高2%", "同比提高2%") against a target stating a level ("≥95%"): the change
    is no level, so a miss read by comparing them rests on reading the target as a change too (a 增长率 target may be
    printed without its word): a guess, stated as one — a 警告 at most, saying why (gaps18: "较上年提高2%" │ "≥95%" with full marks was an S07
    and a D01 错误). A met target stays quiet either way."""
    result = reading.result
    if result is None or result.meets_target is not False:
        return reading
    if t.direction is not None and a.direction is None and a.number is not None:
        return _level_actual(t, a, reading)
    if (
        a.direction is None  # no change printed: a rate's "提高2%" or a count's "增加800人次" (read22a) is one
        or t.direction is not None
    ):
        return reading
    shown, target = a.text or str(a.raw), t.text or str(t.raw)
    return reading.guessing(
        ("把年度指标值理解为变化幅度", "the target is read as a change"),
        basis=f"实际完成值“{shown}”写的是与以往相比的变化，年度指标值“{target}”写的是水平，两者口径不同，不能直接比较；"
        f"若年度指标值指的也是变化幅度：{reading.basis}",
        basis_en=f"the actual {shown!r} states a change, the target {target!r} a level: they cannot be compared as "
        f"printed; if the target is a change too: {reading.basis_en}",
    )


def _level_actual(t: ParsedValue, a: ParsedValue, reading: Reading) -> Reading:
    """A target stating a change ("减少≥3起", "下降≥5%") against an actual printed without one ("2起", "3%"): the actual
    may be the change or the level reached (2 accidents this year, a 3% rate) — a miss read by comparing them rests on
    reading the actual as the change: a guess, a 警告 at most (review22a: "减少≥3起" │ "2起" was an S07 and a D01
    错误). A count's rise against a count at most it ("增加≥1000人次" │ "900人次") is a miss either way (a count of
    900 rose by 900 at most): certain, kept."""
    if t.direction == "up" and t.kind is not NUMBER:
        return (
            reading  # "增长10%" │ "8%": a rate's rise printed bare is read as the rise (review_round14 t08), as before
        )
    rise = t.direction == "up" and t.kind is NUMBER and t.unit is not None and t.unit == a.unit
    way = reading.direction
    if (
        rise
        and way is not None
        and way.op is Op.GE
        and a.number is not None
        and t.number is not None
        and a.number < t.number
    ):
        return reading
    shown, target = a.text or str(a.raw), t.text or str(t.raw)
    return reading.guessing(
        ("把实际完成值理解为变化幅度", "the actual is read as a change"),
        basis=f"年度指标值“{target}”写的是与以往相比的变化，实际完成值“{shown}”未写增减，可能是变化幅度，也可能是"
        f"达到的水平，不能直接比较；若实际完成值指的是变化幅度：{reading.basis}",
        basis_en=f"the target {target!r} states a change, the actual {shown!r} none: it may be the change or the level "
        f"reached; if it is the change: {reading.basis_en}",
    )


class Reading:
    """How perfxl scored one indicator row: the score, the direction it used, and what the verdict rests on.

    `certainty` is GUESS when the direction was read from the name (or is unclear) and the opposite reading
    would give another score; `basis`/`basis_en` then give both readings. Read-only by convention.

    The basis may be given as a function (`scoring_result.Text`): it is written on first access, so the rows no finding quotes
    (most of them) never format their explanations — as `ScoreResult` does for its own (issue 14: every row was
    scored with both languages' sentences built). `replace` is `dataclasses.replace` for this class.
    """

    __slots__ = ("_basis", "_basis_en", "assumed", "certainty", "direction", "result")

    def __init__(
        self,
        result: ScoreResult | None,  # None: no weight
        direction: Direction | None,
        certainty: Certainty = Certainty.CERTAIN,
        basis: Text = "",
        basis_en: Text = "",
        assumed: tuple[str, str] | None = None,  # the guessed reading scored ("按“≥”理解", "read as ≥"), if any
    ) -> None:
        self.result = result
        self.direction = direction
        self.certainty = certainty
        self._basis = basis
        self._basis_en = basis_en
        self.assumed = assumed

    @property
    def basis(self) -> str:
        text = self._basis
        if not isinstance(text, str):
            text = self._basis = text()
        return text

    @property
    def basis_en(self) -> str:
        text = self._basis_en
        if not isinstance(text, str):
            text = self._basis_en = text()
        return text

    def replace(self, **changes: Any) -> Reading:
        """A copy with `changes` (field names as in `__init__`)."""
        fields = {
            "result": self.result,
            "direction": self.direction,
            "certainty": self.certainty,
            "basis": self._basis,
            "basis_en": self._basis_en,
            "assumed": self.assumed,
        }
        return Reading(**(fields | changes))

    def guessing(self, assumed: tuple[str, str], basis: str, basis_en: str) -> Reading:
        """This reading as a guess resting on `assumed` (zh, en) — joined to the guess it already rests on — with the
        basis that says why (a change read against a level, either way: `_relative_actual`, `_level_actual`)."""
        if self.assumed is not None and self.certainty is GUESS:
            assumed = (f"{self.assumed[0]}并{assumed[0]}", f"{self.assumed[1]} and {assumed[1]}")
        return self.replace(certainty=GUESS, assumed=assumed, basis=basis, basis_en=basis_en)

    def as_guessed(self) -> tuple[str, str]:
        """The words a finding's message opens with when its verdict rests on this reading's guess (issue 11: a guessed
        miss is stated as the reading it is, never as fact): "若按“≥”理解，" (a direction read from the name, or two
        columns disagreeing), "若按全年数理解，" (a count stating no period), "若按依据中的理解，" for a guess this
        reading does not name; ("", "") when the reading is certain. S01/S02/S03, S07 and D01 use it."""
        if self.certainty is not GUESS:
            return "", ""
        if self.assumed is None:
            return "若按依据中的理解，", "as read in the basis (a guess), "
        return f"若{self.assumed[0]}，", f"if {self.assumed[1]}, "

    def _key(self) -> tuple[Any, ...]:
        return (self.result, self.direction, self.certainty, self.basis, self.basis_en, self.assumed)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Reading) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (
            f"Reading(result={self.result!r}, direction={self.direction!r}, certainty={self.certainty!r}, "
            f"basis={self.basis!r}, basis_en={self.basis_en!r})"
        )


class Context:
    """Shared state of one validation run; the runner sets `spec`, `params`, `severity` and `evaluation`."""

    def __init__(self, submission: Submission, profile: Profile) -> None:
        self.submission = submission
        self.profile = profile
        self.settings = profile.settings
        self.evaluation: SelfEvaluation | None = None
        self.spec: CheckSpec | None = None
        self.params: dict[str, Any] = {}
        self.severity: Severity = Severity.ERROR
        self.planned: frozenset[str] | None = None  # the codes the runner's plan runs (None: every enabled one)
        # per cell, by id, the cell kept beside its answer (so no id is reused while the run lasts): an int key is
        # cheaper than (id, raw) — no tuple built, no Decimal hashed — on the ≈ 50 asks a row
        self._parsed: dict[int, tuple[CellValue | None, ParsedValue]] = {}
        self._parsed_text: dict[str | None, ParsedValue] = {}  # `parsed` by text (≤ CACHE_MAX_LEN characters), or None
        self._numbers: dict[int, tuple[CellValue, Decimal | None]] = {}
        self._scores: dict[int, Any] = {}
        self._readings: dict[int, tuple[Indicator, Reading]] = {}
        self._outcomes: dict[int, tuple[Indicator, Reading]] = {}
        self._read_memo: dict[tuple[Any, ...], tuple[ParsedValue, ParsedValue, SelfEvaluation | None, Reading]] = {}
        self.skipped: list[SkippedCheck] = []
        # per evaluation (keyed by id, the evaluation kept alive beside its rows): thirty checks ask
        # for the same non-empty rows and 一级 groups, computed once here
        self._rows: dict[int, tuple[SelfEvaluation, tuple[Indicator, ...]]] = {}
        self._groups: dict[int, tuple[SelfEvaluation, Groups]] = {}
        self._per_row: dict[str, dict[int, tuple[Indicator, Any]]] = {}
        self._facts: dict[int, tuple[SelfEvaluation, tuple[RowFacts, ...]]] = {}
        self._fact: dict[int, RowFacts] = {}  # by the row's id (the facts keep the row, so no id is reused)
        self._once: dict[Hashable, Any] = {}
        # a funds cell typed with its own money unit ("1252500元" under 资金情况(万元)): read in the cell's unit;
        # `bare_units` reads it in the header's instead (the runner's second reading, see `rules._doubted_units`)
        self.bare_units = False
        self.unit_doubts: dict[str, tuple[str, str]] = {}
        self._money: dict[int, tuple[Any, dict[int, str]]] = {}
        # (`down_marked`'s and `_change_cells`'s caches in one attribute: a Context with 30 instance attributes falls off
        # CPython 3.11's shared-key instance dicts, and every `self.x` of every check takes the slow look-up — ≈ 14 k
        # instructions a 10,000-row table's row, perf20c; tests/test_perf20c.py holds the count under 30)
        self._signs: tuple[dict[int, tuple[CellValue, bool]], dict[int, tuple[Any, frozenset[int]]]] = ({}, {})
        self._adjustment_words: tuple[str, ...] | None = None  # profile `weights.adjustment_words`, read once
        self._placeholder_keys: tuple[Any, frozenset[str]] | None = None  # `explained`'s words, compacted once a list
        self._approximate_share: Decimal | None = None  # profile `scoring.approximate_tolerance`, read on first use

    @property
    def ev(self) -> SelfEvaluation:
        """The 自评表 an evaluation-scope check runs on (the runner sets it before each call)."""
        assert self.evaluation is not None, f"check {self.spec and self.spec.code} ran without an evaluation"
        return self.evaluation

    @property
    def basic(self) -> BasicData:
        """The 基础数据表 a basic-scope check runs on (the runner calls those checks only when there is one)."""
        assert self.submission.basic is not None, f"check {self.spec and self.spec.code} ran without a 基础数据表"
        return self.submission.basic

    # ------------------------------------------------------------------ profile values
    def param(self, name: str, default: Any = None) -> Any:
        """A parameter of the running check: profile `[checks.CODE]` first, then the catalogue default."""
        return self.params.get(name, default)

    @overload
    def dec(self, key: str) -> Decimal | None: ...
    @overload
    def dec(self, key: str, default: Decimal | int | str) -> Decimal: ...

    def dec(self, key: str, default: Decimal | int | str | None = None) -> Decimal | None:
        """A profile setting (dotted key) as Decimal."""
        value = self.profile.decimal(key)
        if value is None and default is not None:
            return Decimal(str(default))
        return value

    @property
    def tol_money(self) -> Decimal:
        return self.settings.tol_money

    @property
    def tol_rate(self) -> Decimal:
        return self.settings.tol_rate_pp

    @property
    def tol_score(self) -> Decimal:
        return self.settings.tol_score

    def round_score(self, value: Decimal) -> Decimal:
        return round_half_up(value, self.settings.score_places)

    def hidden_score_digits(self, cell: CellValue | None) -> Decimal | None:
        """A number cell's score holding more decimals than the profile's score places (4.5212): that figure rounded
        to them (4.52), else None. Its display format is not known here: a formula's result under "0.00" is kept as
        stored (=ROUND(G6*0.45212,4) shows 4.52; other formulas add it up: `shown_numbers.shown_result`) while a typed
        one arrives as the text shown — one rule for both: digits a format may hide make no 错误, a 警告 at most."""
        if cell is None:
            return None
        places = typed_places(cell.raw)
        if places is None or places <= self.settings.score_places:
            return None
        value = self.number(cell)
        return None if value is None else self.round_score(value)

    def hidden_digits_note(self, cell: CellValue, shown: Decimal, computed: Decimal) -> tuple[str, str]:
        """The basis words of a score that agrees with perfxl's only at the profile's places (`hidden_score_digits`):
        the stored, the shown and the computed figure."""
        places, stored = self.settings.score_places, fmt_num(self.number(cell))
        text = f"{shown:.{places}f}"  # as the format shows it: "1.00", not "1"
        return (
            f"；得分单元格存储 {stored}，按 {places} 位小数显示为 {text}，与计算值 {fmt_num(computed)} "
            f"在 {places} 位小数上相符，只是显示格式可能隐去的位数不同（如公式结果设为两位小数格式；单元格显示格式未读取），"
            "需人工判断",
            f"; the cell stores {stored}, shown {text} at {places} decimals: it agrees with the computed "
            f"{fmt_num(computed)} there and differs only in digits a format may hide (a formula's result under "
            '"0.00"; display format not read): a person judges',
        )

    # ------------------------------------------------------------------ parsing (cached)
    def parsed(self, cell: CellValue | None) -> ParsedValue:
        """`parse_value` of a cell's raw value, computed once per cell."""
        hit = self._parsed.get(id(cell))
        if hit is not None and hit[0] is cell:
            return hit[1]
        raw = None if cell is None else cell.raw
        if raw is None or (raw.__class__ is str and len(raw) <= CACHE_MAX_LEN):
            # by text too: a table repeats its targets and actuals ("100%", "≥95%", "是") and its empty cells, each
            # parsed and range-checked once (the parser's own cache keeps the same limit: one value per text either way)
            value = self._parsed_text.get(raw)
            if value is None:
                value = self._parsed_text[raw] = beyond_range(parse_value(raw, self.profile))
        else:
            value = beyond_range(parse_value(raw, self.profile))
        if value.number is not None and (
            value.number < 0 or (value.label and value.label[0] in LEADING_DASHES and id(cell) in self._value_cells())
        ):
            # "- 1036", "—1036人次": a minus spaced from its figure, or a dash before an indicator's figure, is one by
            # convention only (a list's dash as well) — in a 自评表's cell unread, the reason naming both readings
            # (sign21, read23); a finance table's figure cell and a 三公 change column read it as a minus (`number`).
            # A dash before a 分值, 得分 or funds figure is no minus — none of them is below zero — so it reads as
            # before (review23a: "—10" as the funds weight gave a false W05 错误 and lost F05/S01 on the row)
            in_sums = isinstance(self.evaluation, SumTable)  # (a SumTable stands in self.evaluation for its checks)
            if not in_sums and id(cell) not in self._change_cells():
                value = spaced_minus(value)
        self._parsed[id(cell)] = (cell, value)
        return value

    def number(self, cell: CellValue | None) -> Decimal | None:
        """A plain number from a money, weight or score cell ("2,223.04", 10, " 9 "); None when not a number."""
        if cell is None:
            return None
        hit = self._numbers.get(id(cell))
        if hit is not None and hit[0] is cell:
            value = hit[1]
        else:
            value = self._read_number(cell)
            self._numbers[id(cell)] = (cell, value)
        if value is None and isinstance(self.evaluation, SumTable) and isinstance(cell.raw, str):
            # "(1.00)" in a 部门预决算 table's figure cell is −1.00, the accounting print of a negative (gaps18); in
            # any other cell its sign is not printed — unread, C02 says why (never a silent +1.00)
            inside = bracketed_figure(cell.raw)
            return None if inside is None else -inside
        if (
            value is not None
            and isinstance(cell.raw, str)
            and ((value > 0 and self.down_marked(cell)) or (value < 0 and _SPACED_SIGN.match(cell.raw)))
        ):
            # "▼58.80", "减少58.80", "↓58.80": a fall by its printed mark (`printed_sign`, B19's one reading) — never
            # +58.80 with the mark dropped (issue 11 item 7). In a 部门预决算 table's figure cell the fall (as brackets
            # are there); in a 三公 change column B19 signs it; elsewhere (a 自评表's money, weight or score cell) what a
            # fall means there is unknown: unread, C02 says why
            # "- 108" (a sign spaced from its figure, read −108 by `parse_value`) the same: the accounting print of a
            # negative in a 部门预决算 table or a change column, elsewhere a dash or a deduction's mark as well (review20c)
            if isinstance(self.evaluation, SumTable):
                value = -abs(value)
            elif id(cell) not in self._change_cells():
                return None
        # only text states its own money unit: a number cell (a weight, a score) needs no funds look-up
        return value if value is None or not isinstance(cell.raw, str) else self._in_block_unit(cell, value)

    def down_marked(self, cell: CellValue) -> bool:
        """A text cell printing a fall in a mark beside its figure ("▼58.80", "减少58.80", "↓6%"): `printed_sign`'s
        "marked" minus that is no "-" glued to the digits (that one `to_decimal` reads). Once per cell."""
        hit = self._signs[0].get(id(cell))
        if hit is not None and hit[0] is cell:
            return hit[1]
        raw = cell.raw
        down = False
        if isinstance(raw, str) and to_decimal(raw) is None:
            sign, shown = printed_sign(raw)
            down = sign < 0 and shown == "marked"
        self._signs[0][id(cell)] = (cell, down)
        return down

    def _change_cells(self) -> frozenset[int]:
        """The ids of the 三公 change cells (增减额, 增减幅度) of the submission's 基础数据表: B19 signs their figures."""
        basic = self.submission.basic
        hit = self._signs[1].get(id(basic))
        if hit is not None and hit[0] is basic:
            return hit[1]
        ids = frozenset(
            id(c) for line in (basic.changes if basic is not None else ()) for c in (line.change, line.rate) if c
        )
        self._signs[1][id(basic)] = (basic, ids)
        return ids

    def sign_unread(self, cell: CellValue | None) -> bool:
        """True when the cell's figure is left unread for its sign alone ("- 1036", "—1036人次", "≥—5%": `spaced_minus`):
        it holds a number — a check that says "不是数值" or judges the row as if it held none would be wrong; I12 (or
        C02) says why it is unread. Asked only of a cell read without a figure (rare): parses the text again."""
        if cell is None or cell.raw.__class__ is not str or self.parsed(cell).number is not None:
            return False
        return sign_readings(cell.raw, self.profile) is not None

    def _value_cells(self) -> frozenset[int]:
        """The ids of the indicator value cells (年度指标值, 实际完成值, a 监控表's 执行情况 and 预计完成) of every table of
        the submission: where a dash before a figure is a minus by convention only (`spaced_minus`, read23)."""
        sub = self.submission
        hit = self._signs[1].get(id(sub))  # (keyed by the submission, beside `_change_cells`' 基础数据表 key)
        if hit is not None and hit[0] is sub:
            return hit[1]
        ids = frozenset(
            id(c)
            for ev in (*sub.evaluations, *sub.declarations, *sub.monitoring)
            for ind in ev.indicators
            for c in (ind.target, ind.actual, ind.progress, ind.forecast)
            if c is not None
        )
        self._signs[1][id(sub)] = (sub, ids)
        return ids

    def _read_number(self, cell: CellValue) -> Decimal | None:
        raw = cell.raw
        if raw.__class__ is Decimal:  # a number cell as the layout makes it (`exact`): its `to_decimal`, no text test
            return decimal_held(raw)
        if cell.is_blank:
            return None
        # ".5" printed as text lost its integer digits: C02 reports it, no check computes with a guess
        value = None if isinstance(raw, str) and POINT_FIRST.match(raw) else to_decimal(raw)
        if value is None:
            bracketed = isinstance(raw, str) and ("(" in raw or "（" in raw)
            noted = _FIGURE_WITH_NOTE.fullmatch(normalise_text(raw)) if bracketed else None
            note = noted.group(2).strip() if noted else ""
            scored = _SCORE_IN_NOTE.match(note) if ("得分" in note or "自评" in note) else None
            p = self.parsed(cell)
            # "总分100（得分95.5）": the note's figure is the claim, the one outside it the full mark
            if p.damaged:
                pass  # "4(B)", "46.O": a figure that does not parse cleanly is C02's, never the 4 before the damage
            elif scored is not None:
                value = to_decimal(scored.group(1).replace(",", ""))
            elif p.kind in (NUMBER,) and p.number is not None and p.op is None and not stray_letters(p.unit):
                value = p.number  # (not "4l", "4B级": C02 says the letters are no unit)
            elif noted is not None:
                value = to_decimal(noted.group(1).replace(",", ""))
        return value

    def _in_block_unit(self, cell: CellValue, value: Decimal | None) -> Decimal | None:
        """A funds amount typed with its own money unit ("1252500元", "1.2亿元") in its block's unit (万元 from the header
        资金情况(万元)): the cell's unit wins over the header's. Where they differ, which one the filer meant is noted in
        `unit_doubts` (both readings) for the runner; `bare_units` gives the header's reading instead."""
        if value is None or self.evaluation is None or not isinstance(cell.raw, str):
            return value
        block_unit = self._money_cells().get(id(cell))
        if block_unit is None:  # not a funds amount: most cells, so their unit is not parsed for nothing
            return value
        own = money_symbol(self.parsed(cell).unit) or ("元" if _YUAN_SIGN.match(cell.raw) else None)
        if own is None or own == block_unit or family_of(own) != "money":
            return value
        conv = convert(value, own, block_unit)
        if not conv.ok or conv.value is None:
            return value
        converted = conv.value.normalize() if conv.value == conv.value.to_integral() else conv.value
        self.unit_doubts[cell.text] = (
            f"“{cell.text}”自带单位{own}，与表头单位{block_unit}不一致：按单元格单位读作 {fmt_num(converted)}{block_unit}，"
            f"按表头单位读作 {fmt_num(value)}{block_unit}，以哪一个为准需人工判断",
            f"{cell.text!r} states its own unit {own}, the header {block_unit}: {fmt_num(converted)} {block_unit} by the "
            f"cell's unit, {fmt_num(value)} {block_unit} by the header's; which holds, a person judges",
        )
        return value if self.bare_units else converted

    def _money_cells(self) -> dict[int, str]:
        """The amount cells of the evaluation's funds blocks (by id) and each block's money unit."""
        ev = self.evaluation
        hit = self._money.get(id(ev))
        if hit is not None and hit[0] is ev:  # tables made per check (one per funds block) may reuse an id
            return hit[1]
        cells: dict[int, str] = {}
        for block in (getattr(ev, "funds", None), *getattr(ev, "funds_more", ())):
            unit = None if block is None else money_symbol(block.unit)
            if block is None or unit is None or family_of(unit) != "money":
                continue
            for row in (block.total, *block.parts):
                for c in () if row is None else (row.initial_budget, row.full_budget, row.executed, row.arrived):
                    if c is not None:
                        cells[id(c)] = unit
            if block.medium_total is not None:  # 中期资金总额 (F17, F18): an amount of the block like its total
                cells[id(block.medium_total)] = unit
        self._money[id(ev)] = (ev, cells)
        return cells

    def is_blank(self, cell: CellValue | None) -> bool:
        """Blank or a placeholder ("/", "—", "……")."""
        if cell is None:
            return True
        raw = cell.raw
        if raw.__class__ is str:  # `cell.is_blank` spelt out for text, the usual case (≈ 13 asks a row)
            if not raw.strip():
                return True
            hit = self._parsed.get(id(cell))  # (a cell in it is that cell: it is kept there, its id not reused)
            if hit is None:
                return blank_text(raw)  # the same answer, without parsing text no check reads (names, remarks)
            return hit[1].kind in _BLANK_KINDS
        elif raw.__class__ in _FIGURE_CLASSES:  # (before `cell.is_blank`, a property call: a figure is never blank)
            return False  # a number cell parses as its figure (or, out of range, damaged TEXT): never blank, not parsed
        elif cell.is_blank:
            return True
        return self.parsed(cell).kind in _BLANK_KINDS

    def read_rate(self, cell: CellValue, computed: Decimal | None) -> RateReading:
        """The percent a rate cell means (see `RateReading`), choosing the reading closest to `computed`."""
        raw = cell.raw
        places = printed_places(raw)
        if isinstance(raw, str):
            p = self.parsed(cell)
            if p.kind == PERCENT and p.number is not None:
                return RateReading(p.number, places=places)
            number = p.number if p.kind == NUMBER and p.op is None else None
        else:
            number = to_decimal(raw)
        if number is None:
            return RateReading(None)
        as_fraction, as_percent = number * HUNDRED, number
        if number > Decimal("1.5") or number < 0:
            return RateReading(as_percent, f"（按 {fmt_num(number)}% 理解）", f" (read as {fmt_num(number)}%)", places)
        if computed is not None and abs(as_percent - computed) <= self.tol_rate < abs(as_fraction - computed):
            return RateReading(as_percent, f"（按 {fmt_num(number)}% 理解）", f" (read as {fmt_num(number)}%)", places)
        return RateReading(
            as_fraction,
            f"（即 {fmt_num(as_fraction)}%）",
            f" (= {fmt_num(as_fraction)}%)",
            # a fraction's decimals are the percent's minus two ("0.1" is 14.46% to the nearest 10%); a whole
            # "1" or "0" is judged at whole percents, as a judgement (it may be a rounded fraction)
            None if places is None else (places - 2 if places >= 1 else 0),
            # a whole "1"/"0" a rounding of the fraction can explain (0.96 → 1) is a judgement; "1" for 30% is not
            whole=places == 0
            and computed is not None
            and round_half_up(computed / HUNDRED, 0) * HUNDRED == as_fraction,
        )

    def rounding_slack(self, total: Printed, parts: Iterable[Printed]) -> Decimal:
        """How far printed parts may miss their printed total by rounding alone (a difference must be below it): less
        than half a unit in the last printed place of each part that may be rounded, plus the total's own — where the
        table shows it rounds: the parts printed with the most decimals, when that is ≥ 1 (a fixed "0.00" format: 12 ×
        "8.33" under "100.00"; of "10" │ "8.33" only the 8.33 — full marks typed whole are exact), or whole parts under
        a total printed with decimals ("887" │ "1337" under "2223.04"). Whole parts under a whole total count whole units
        (93 points summed to a printed 94 is a slip); a number cell counts at the decimals it was typed with (8.33 as
        typed, as one score is judged), a computed value's long tail is exact: no slack then. A blank, placeholder or zero part (a source not used) holds no money and shows no precision: left out.
        A total typed with fewer decimals than its parts hold ("95" over scores adding to 95.1) may be rounded itself:
        its own half unit counts whatever the parts are."""
        held: list[Printed] = []
        shown: list[int | None] = []
        for p in parts:  # (one pass: a table's 得分 cells, 6,669 at 10,000 rows, under T02's 总分)
            raw = p.raw if p.__class__ is CellValue else None
            if raw.__class__ is Decimal:
                # a number cell as the layout makes it: `_holds_nothing` and `_part_places_of` spelt out — its number
                # is `decimal_held(raw)` (`_read_number`; never blank), its places those it was typed with
                # (`typed_places`: none past 6, a computed value's long tail)
                value = decimal_held(raw)
                if value is not None and value == 0:
                    continue
                held.append(p)
                exponent = decimal_exponent(raw)
                shown.append(None if exponent is None or exponent < -6 else 0 if exponent >= 0 else -exponent)
            elif not self._holds_nothing(p):
                held.append(p)
                shown.append(_part_places_of(p))
        own = _typed_places_of(total)
        # the parts' finest decimals matter only beside a total typed with its own (a number cell's total has none)
        finest = max((self._decimals_of(p) for p in held), default=0) if own is not None else 0
        own_half = half_unit(own) if own is not None and finest > own else Decimal(0)
        if not shown or None in shown:
            return own_half
        each = max(cast("list[int]", shown))  # (None is not in it: no generator over the parts)
        if each == 0 and (own is None or own <= each):
            return own_half
        half = half_unit(each) * shown.count(each)
        return half + (half_unit(own) if own is not None else Decimal(0))

    def _decimals_of(self, figure: Printed) -> int:
        """Decimals a part holds: as typed for text and Decimals, as stored for a number cell (8.3333 → 4)."""
        places = _typed_places_of(figure)
        if places is not None:
            return places
        value = self.number(figure) if isinstance(figure, CellValue) else None
        exponent = value.normalize().as_tuple().exponent if value is not None else 0
        return -exponent if isinstance(exponent, int) and exponent < 0 else 0

    def _holds_nothing(self, figure: Printed) -> bool:
        """A part that is blank, a placeholder ("/", "—") or zero: nothing to add and nothing rounded."""
        if figure is None:
            return True
        if isinstance(figure, Decimal):
            return figure == 0
        value = self.number(figure)
        return value == 0 if value is not None else self.is_blank(figure)

    def total_as_printed(self, total: Printed, exact: Decimal) -> bool:
        """A total typed as text with fewer decimals than its parts is their sum rounded to the places it shows
        ("按支出性质分：2223" over 886.12 + 1336.92 = 2223.04): it agrees, as a rate printed "86%" for 86.20% does."""
        places = _typed_places_of(total)
        value = total if isinstance(total, Decimal) else self.number(total) if total is not None else None
        return places is not None and value is not None and round_half_up(exact, places) == value

    def sum_agrees(self, total: Printed, exact: Decimal) -> bool:
        """A printed total agrees with the exact sum of its parts: within the money tolerance, or that sum rounded to
        the decimals the total shows (`total_as_printed`)."""
        value = total if isinstance(total, Decimal) else self.number(total) if total is not None else None
        return (value is not None and abs(value - exact) <= self.tol_money) or self.total_as_printed(total, exact)

    def beyond_rounding(
        self, difference: Decimal, total: Printed, parts: Iterable[Printed], tolerance: Decimal | None = None
    ) -> bool:
        """Printed parts and their printed total differ by more than the tolerance (money's, unless given) and than
        rounding the printed figures can explain (`rounding_slack`): only then is the difference certain."""
        limit = self.tol_money if tolerance is None else tolerance
        return abs(difference) > limit and abs(difference) >= self.rounding_slack(total, parts)

    def rate_agrees(self, reading: RateReading, exact_percent: Decimal) -> bool:
        """A typed rate agrees with the exact percent at the decimals it was printed with ("86%" ~ 86.20%)."""
        if reading.percent is None:
            return False
        return agrees_as_printed(
            reading.percent,
            exact_percent,
            reading.places,
            default_places=self.settings.rate_places,
            tolerance=self.tol_rate,
        )

    def rate_off_by_last_place(self, reading: RateReading, exact_percent: Decimal) -> bool:
        """The printed rate agrees only within the tolerance: one unit off in its last printed place
        (86.19% for 86.183%) — a rounding of rounded figures, for a person to judge, not a certain error."""
        if reading.percent is None or reading.places is None:
            return False
        shown = round_half_up(exact_percent, reading.places)
        return reading.percent != shown and self.rate_agrees(reading, exact_percent)

    def rate_within_printed_amounts(
        self, reading: RateReading, executed: CellValue, budget: CellValue
    ) -> tuple[Decimal, Decimal] | None:
        """The range of percents (lowest, highest) the amounts allow as printed, when the printed rate lies inside it
        though not at the amounts' own quotient: "30" │ "278" stand for [29.5, 30.5) │ [277.5, 278.5), so 10.59% …
        10.99%, and a printed "10.77%" (from 30.00 │ 278.4449) may be right — a 警告 naming the slack, never an 错误.
        As `rounding_slack` judges sums: only where the table shows it rounds — the rate printed finer than one unit of
        the amounts' last place moves it (whole amounts under a whole rate count whole units, "99" │ "99" │ "101%" too, as
        whole parts under a whole total do for sums; "0.92" │ "5.00" under
        "18.35%" do not: 0.01 of 5.00 is 0.2%), and of amounts at mixed precision only
        those printed finest may be rounded; number cells are exact (the sheet's rate formula used them), and so is a
        zero or blank amount. None otherwise."""
        if reading.percent is None or reading.places is None:
            return None
        held = [c for c in (executed, budget) if not self._holds_nothing(c)]
        shown = [_typed_places_of(c) for c in held]
        if not held or None in shown:
            return None  # a number cell: its exact value was used
        finest = max(p for p in shown if p is not None)
        half = half_unit(finest)
        printed_budget = self.number(budget) or Decimal(0)
        if finest == 0 and reading.places <= 0:
            return None  # whole amounts under a whole rate count whole units, as whole parts under a whole total do
        # (amounts in scientific notation, "2.5E+07" at -6 places, are rounded to their printed figures: polish14)
        if printed_budget <= 0 or (finest == 0 and half_unit(reading.places) >= half / printed_budget * 100):
            # whole amounts and a rate printed no finer than one unit of them moves it ("50" │ "100" │ "51%": a unit of
            # the amounts is 1%, the rate's too): it counts the amounts' units. A finer rate ("30" │ "278" │ "10.77%")
            # may be the quotient of the unrounded amounts; so may any rate over amounts printed with decimals, which
            # show the table rounds ("68.34" │ "104.60" │ "65.34%": 68.342 / 104.60, 游仙 2023 — gaps16)
            return None

        def bounds(cell: CellValue) -> tuple[Decimal, Decimal]:
            value = self.number(cell) or Decimal(0)
            slack = half if cell in held and _typed_places_of(cell) == finest else Decimal(0)
            return value - slack, value + slack

        (spent_low, spent_high), (budget_low, budget_high) = bounds(executed), bounds(budget)
        if budget_low <= 0:
            return None
        low, high = max(spent_low, Decimal(0)) / budget_high * 100, spent_high / budget_low * 100
        own = half_unit(reading.places)
        return (low, high) if reading.percent - own <= high and reading.percent + own >= low else None

    def score_agrees(self, cell: CellValue | None, reported: Decimal | None, result: Any) -> bool:
        """A typed score agrees with perfxl's, judged at the decimals it was printed with ("9.8" ~ 9.83,
        "9" ~ 8.62, but "9" is not 9.83). Full marks on a missed target are S07's (a 警告 when they are the
        proportional score as printed)."""
        if reported is None or result is None or result.score is None:
            return False
        places = printed_places(cell.raw) if cell is not None else None
        exact = getattr(result, "exact", None)
        exact = result.score if exact is None else exact
        return agrees_as_printed(
            reported, exact, places, default_places=self.settings.score_places, tolerance=self.tol_score
        )

    def score_rounded_as_typed(self, cell: CellValue | None, reported: Decimal | None, result: Any) -> int | None:
        """The decimals a number cell was typed with (9.6, 14) when the score agrees only rounded to them, else None:
        the display format is not read, so whether the form rounds scores so is a person's call (a 警告)."""
        places = typed_places(cell.raw) if cell is not None else None
        if places is None or places >= self.settings.score_places or reported is None or result is None:
            return None
        exact = getattr(result, "exact", None)
        exact = result.score if exact is None else exact
        return places if exact is not None and reported == round_half_up(exact, places) else None

    def rounding_note(self, places: int | None) -> tuple[str, str]:
        """The basis words for a score that agrees only rounded to the decimals it was typed with."""
        if places is None:
            return "", ""
        return (
            f"；按所填的 {places} 位小数四舍五入则相符（单元格显示格式未读取），表格是否按此取整需人工判断",
            f"; it agrees rounded to the {places} decimals typed (display format not read): a person judges",
        )

    def is_error(self, cell: CellValue | None) -> bool:
        """The cell shows an Excel error value (#NAME?, #VALUE! …): it cannot be computed with."""
        return cell is not None and isinstance(cell.raw, str) and is_excel_error(cell.raw)

    def explained(self, cell: CellValue | None) -> bool:
        """True when a 偏差原因/说明 cell holds real text, not blank or a placeholder."""
        if cell is None or self.is_blank(cell):
            return False
        words = self.param("placeholders", PLACEHOLDERS)
        kept = self._placeholder_keys  # the words compacted once for the list (kept with it, so its id stays its own)
        if kept is None or kept[0] is not words:
            kept = self._placeholder_keys = (words, frozenset(compact(p) for p in words))
        key = compact(cell.text)
        return key not in kept[1] and bool(key)

    # ------------------------------------------------------------------ indicators
    def indicators(self, ev: SelfEvaluation | None = None) -> tuple[Indicator, ...]:
        """The evaluation's indicator rows that hold anything besides their labels (blank/…… rows skipped).

        Computed once per evaluation and shared (a tuple: thirty checks iterate it without copies).
        """
        ev = ev or self.evaluation
        if ev is None:
            return ()
        hit = self._rows.get(id(ev))
        if hit is None or hit[0] is not ev:
            self._build_rows(ev)
            hit = self._rows[id(ev)]
        return hit[1]

    def _build_rows(self, ev: SelfEvaluation) -> None:
        """`indicators` and `facts` of `ev` in one pass: each row's `RowFacts` built once, a row kept when any of its
        name, target, actual, weight and score is not blank (`_empty_row`, read from the facts' blanks)."""
        built, words = self._fact, self._words()
        kept = []
        for ind in ev.indicators:  # (`fact` spelt out: no method call a row)
            f = built.get(id(ind))
            if f is None:
                f = built[id(ind)] = RowFacts(self, ind, words)
            if not (f.name_blank and f.target_blank and f.actual_blank and f.weight_blank and f.score_blank):
                kept.append(f)
        self._rows[id(ev)] = (ev, tuple(f.ind for f in kept))
        self._facts[id(ev)] = (ev, tuple(kept))

    def facts(self, ev: SelfEvaluation | None = None) -> tuple[RowFacts, ...]:
        """The shared facts (`RowFacts`) of the evaluation's `indicators`, in the same order: built in one pass once
        per evaluation, so a row-wise check reads attributes instead of asking the caches again for every row."""
        ev = ev or self.evaluation
        if ev is None:
            return ()
        hit = self._facts.get(id(ev))
        if hit is None or hit[0] is not ev:
            self._build_rows(ev)
            hit = self._facts[id(ev)]
        return hit[1]

    def fact(self, ind: Indicator) -> RowFacts:
        """One row's `RowFacts`, built on first ask (a helper handed a row, not the table's facts)."""
        found = self._fact.get(id(ind))
        if found is None:
            found = self._fact[id(ind)] = RowFacts(self, ind, self._words())
        return found

    def _words(self) -> tuple[str, ...]:
        """The profile's `weights.adjustment_words` (a row's `RowFacts.adjustment`), read once a run."""
        words = self._adjustment_words
        if words is None:
            words = self._adjustment_words = tuple(self.profile.get("weights.adjustment_words", ()))
        return words

    def facts_of(self, rows: Iterable[Indicator]) -> list[RowFacts]:
        """`fact` of each row, in order: read from its cache in one pass (no call a row) when every row's facts are
        built — a table's rows and its groups' are, with `facts` — else asked row by row."""
        rows = rows if isinstance(rows, (tuple, list)) else list(rows)
        found = list(map(self._fact.get, map(id, rows)))
        return list(map(self.fact, rows)) if None in found else cast("list[RowFacts]", found)

    def evaluation_framework(self) -> bool:
        """True when the table's 一级指标 are an 评价 framework's (投入/过程/产出/效果: 财预〔2013〕53号 部门整体支出绩效
        评价, 湖南/海南 评分表; 决策/过程/产出/效益: 项目支出绩效评价, also named 项目决策/项目管理/项目产出/项目效益 — 湖南
        项目支出绩效自评指标计分表; 预算绩效/项目产出/项目效果: 吉林's 2016 专项经费支出绩效评价表, 预算绩效 holding 预算管理 and
        财务管理 — 过程's content, which 10号 自评 has no 一级 for) rather than 10号 自评's 产出/效益/满意度: the 自评 default
        weights and 一级 set do not apply (财预〔2020〕10号 附1 is the 2020 自评表; a form of another framework, or before it,
        was never bound to them — issue 11)."""
        return any(
            compact(h.name or h.label.text).removeprefix("项目").startswith(_EVALUATION_LEVEL1)
            for h, _ in self.groups()
            if h is not None
        )

    def groups(self, ev: SelfEvaluation | None = None) -> Groups:
        """Indicators grouped under their 一级指标 heading, in sheet order (heading None for orphans), once per evaluation."""
        ev = ev or self.evaluation
        if ev is None:
            return ()
        hit = self._groups.get(id(ev))
        if hit is None or hit[0] is not ev:
            out: list[tuple[Level1Heading | None, list[Indicator]]] = [(h, []) for h in ev.level1]
            orphans: list[Indicator] = []
            find = _HeadingIndex(ev.level1)
            # the rows under one 一级 label carry its one cell (the layout's forward fill): the heading is looked up once
            # a label cell, not once a row — `_HeadingIndex` reads the row's 一级 cell alone
            label: CellValue | None = None
            idx: int | None = None
            for ind in self.indicators(ev):
                if ind.level1 is not label:
                    label, idx = ind.level1, find(ind)
                (out[idx][1] if idx is not None else orphans).append(ind)
            if orphans:
                out.append((None, orphans))
            hit = (ev, tuple((h, tuple(rows)) for h, rows in out))
            self._groups[id(ev)] = hit
        return hit[1]

    def once(self, key: Hashable, compute: Callable[[], T]) -> T:
        """`compute()` once per run and `key` (e.g. the flattened cells of an evaluation, walked by C01 and C02).

        Keys name objects of the submission, which lives as long as the run, so ids in keys stay valid."""
        try:
            value: T = self._once[key]  # annotated, not `cast`: typing.cast is a call (≈ 34,000 asks at 10,000 rows)
        except KeyError:
            value = self._once[key] = compute()
        return value

    def per_row(self, key: str, ind: Indicator, compute: Callable[[Context, Indicator], T]) -> T:
        """`compute(self, ind)` once per row and `key` (a row's scoring method asked by S01, S02, S03, S05 …).

        Asked ≈ 19 times a row: one dict per key (no key tuple built per ask), `compute` a plain function of the
        context and the row (no closure made per ask)."""
        rows = self._per_row.get(key)
        if rows is None:
            rows = self._per_row[key] = {}
        hit = rows.get(id(ind))
        if hit is not None and hit[0] is ind:
            answer: T = hit[1]  # annotated, not `cast`: typing.cast is a call
            return answer
        value = compute(self, ind)
        rows[id(ind)] = (ind, value)
        return value

    def per_rows(self, key: str, rows: Iterable[Indicator], compute: Callable[[Context, Indicator], T]) -> list[T]:
        """`per_row(key, ind, compute)` of each row, in order, in one pass: a check classifying a whole table makes no
        two calls through the cache a row (issue 14: ≈ 30 interpreter steps a row)."""
        kept = self._per_row.get(key)
        if kept is None:
            kept = self._per_row[key] = {}
        out: list[T] = []
        for ind in rows:
            hit = kept.get(id(ind))
            if hit is not None and hit[0] is ind:
                out.append(hit[1])
            else:
                value = compute(self, ind)
                kept[id(ind)] = (ind, value)
                out.append(value)
        return out

    def score(self, ind: Indicator) -> ScoreResult | None:
        """`scoring.score_indicator` for the row under this profile (cached); None without a weight.

        A target without operator is scored in the direction its name suggests (see `reading`).
        """
        hit = self._readings.get(id(ind))  # (`reading`'s cache read here: asked ≈ 3 times a row)
        if hit is not None and hit[0] is ind:
            return hit[1].result
        return self.reading(ind).result

    def direction(self, ind: Indicator) -> Direction:
        """Which way the row's target points, and how that was decided (perfxl.rules.direction); once per row
        (scoring asks it and I13 again)."""
        return self.per_row("way", ind, Context._direction)

    def _direction(self, ind: Indicator) -> Direction:
        # (`fact`'s cache read here; the row's texts and parsed target as its facts hold them: no cell property a text)
        f = self._fact.get(id(ind)) or self.fact(ind)
        nature, operator = ind.nature, ind.operator
        return infer_direction(
            f.name or f.level2_text,
            f.target,
            nature.text if nature is not None else None,
            self.profile,
            group=f"{f.level1_text} {f.level2_text}",
            operator=operator.text if operator is not None else None,
        )

    def reading(self, ind: Indicator) -> Reading:
        """The row's score in its inferred direction, and what a verdict on it rests on (cached).

        When the direction came from the name (or is unclear, or the row's direction and operator columns
        disagree), the row is also scored the opposite way:
        if both readings agree the verdict is certain, else it is a guess and the basis gives both.
        """
        hit = self._readings.get(id(ind))
        if hit is not None and hit[0] is ind:
            return hit[1]
        f = self._fact.get(id(ind)) or self.fact(ind)  # (`fact`'s cache read here; its weight and parsed values)
        reading = self._read(ind, f.weight, f)
        if ind.own_score is not None and reading.result is not None:
            reading = self._split_scheme(ind, reading)
        self._readings[id(ind)] = (ind, reading)
        return reading

    def _split_scheme(self, ind: Indicator, reading: Reading) -> Reading:
        """河北 自评得分 split (单项指标得分 │ 权重占比(%) │ 单项指标折算得分): that 权重占比 is the row's weight in points of
        100 and 折算得分 its score is perfxl's reading of the form (its rules are not printed), so a verdict resting on
        it is a 警告 at most and says so; a 指标分值 cell holding a description (成安 2020) is named as not the weight."""
        described = ind.criteria is not None and not self.is_blank(ind.criteria) and self.number(ind.criteria) is None
        note = "“指标分值”栏填的是文字说明，" if described else ""
        note_en = "the 指标分值 column holds a description; " if described else ""
        return reading.replace(
            certainty=weaker_certainty(reading.certainty, Certainty.JUDGEMENT),
            basis=f"{note}分值按“权重占比(%)”{ind.weight.text} 读作该指标在100分中的分值，得分按“单项指标折算得分”读取"
            f"（河北自评表的读法，表上未写明计分规则）：{reading.basis}",
            basis_en=f"{note_en}the weight read from 权重占比(%) ({ind.weight.text} of 100 points), the score from "
            f"单项指标折算得分 (a reading of the 河北 form, whose scoring rules are not printed): {reading.basis_en}",
        )

    def outcome(self, ind: Indicator) -> Reading:
        """Whether the row met its target, also on forms without 分值: such a row is read against a nominal
        weight of 100, whose score says nothing (only `meets_target` and `error` are used)."""
        if ind.weight.sheet is not None or self.number(ind.weight) is not None:
            hit = self._readings.get(id(ind))  # (`reading`'s cache read here, as in `score`)
            if hit is not None and hit[0] is ind:
                return hit[1]
            return self.reading(ind)
        hit = self._outcomes.get(id(ind))
        if hit is not None and hit[0] is ind:
            return hit[1]
        reading = self._read(ind, NOMINAL_WEIGHT)
        self._outcomes[id(ind)] = (ind, reading)
        return reading

    def _read(self, ind: Indicator, weight: Decimal | None, f: RowFacts | None = None) -> Reading:
        """The row's reading: worked out once per run for each distinct (target, actual, weight, unit kind, direction)
        — all it reads of the row (and the table's title year: the evaluation is in the key). Rows repeating a target,
        actual and weight ("100%" │ "100%", 10) share one immutable answer (issue 14: ≈ 70 k instructions a reading);
        the target and actual are the parser's shared values (`parsed`), kept beside the answer so no id is reused."""
        if weight is None:
            return Reading(None, None)
        if f is None:
            f = self.fact(ind)
        t, a = f.target, f.actual  # (`parsed` of the row's target and actual)
        dated_unit = ind.unit is None or self.is_blank(ind.unit) or normalise_text(ind.unit.text) in DATE_UNITS
        # the direction only where `_read_values` may ask it (a numeric target, a dotted date among them)
        way = self.direction(ind) if t.number is not None and t.kind in _NUMERIC_KINDS else None
        ev = self.evaluation
        key = (
            id(t),
            id(a),
            str(weight),  # (10 and 10.0 are equal Decimals, printed apart)
            dated_unit,
            id(ev),
            None if way is None else (id(way.op), way.source, way.word),
        )
        hit = self._read_memo.get(key)
        if hit is not None and hit[0] is t and hit[1] is a and hit[2] is ev:
            return hit[3]
        if (t.damaged and t.number is None) or (a.damaged and a.number is None):
            reading = self._read_signed(ind, t, a, weight, dated_unit)  # (rare: a damaged cell; no call a row else)
        else:
            reading = self._read_row(ind, t, a, weight, dated_unit)
        self._read_memo[key] = (t, a, ev, reading)
        return reading

    def _read_signed(
        self, ind: Indicator, t: ParsedValue, a: ParsedValue, weight: Decimal, dated_unit: bool
    ) -> Reading:
        """The row's reading with a damaged target or actual; one unread for the sign before its figure or an actual unread for the sign before its figure ("—800人": `spaced_minus`)
        judged under both readings of the mark (read24) where both meet the target or both miss it ("—800人" │
        "≥1000人": 800 and −800 fall short): a full 得分 is wrong either way. Where they score alike too the verdict is
        certain, its basis saying both agree; where the scores part (16 and 0) it is a guess (警告 at most), both
        stated. Where one reading meets the target and the other does not, the row stays unjudged (I12 says why)."""
        ts = sign_readings(t.raw, self.profile) if t.damaged and t.number is None else None
        as_ = sign_readings(a.raw, self.profile) if a.damaged and a.number is None else None
        if ts is None and as_ is None:
            return self._read_row(ind, t, a, weight, dated_unit)
        pt, mt = ts or (t, t)
        pa, ma = as_ or (a, a)
        plus = self._read_row(ind, pt, pa, weight, dated_unit)
        minus = self._read_row(ind, mt, ma, weight, dated_unit)
        met = plus.result.meets_target if plus.result is not None else None
        if met is None or minus.result is None or minus.result.meets_target is not met:
            # met one way and missed the other ("—1036人次" │ "≥1000人"): the cell's I12 names both readings, and the
            # row stays unjudged — whatever a check said would rest on the sign alone
            return self._read_row(ind, t, a, weight, dated_unit)
        cells = "、".join(f"“{p.text or p.raw}”" for p, s in ((t, ts), (a, as_)) if s is not None)
        shown_plus = "、".join(p.display() for p, s in ((pt, ts), (pa, as_)) if s is not None)
        shown_minus = "、".join(p.display() for p, s in ((mt, ts), (ma, as_)) if s is not None)
        why = (
            f"{cells}数字前的符号可能是负号，也可能是列表符号或占位符",
            f"the mark before the figure of {cells} may be a minus or a list's dash",
        )
        if _verdict(plus) == _verdict(minus):
            return plus.replace(
                basis=f"{why[0]}，按 {shown_plus} 与按 {shown_minus} 理解结论相同：{plus.basis}",
                basis_en=f"{why[1]}; as {shown_plus} and as {shown_minus} the verdict is the same: {plus.basis_en}",
            )
        return _either(why, (f" {shown_plus} ", shown_plus, plus), (f" {shown_minus} ", shown_minus, minus))

    def _read_row(self, ind: Indicator, t: ParsedValue, a: ParsedValue, weight: Decimal, dated_unit: bool) -> Reading:
        if dated_unit:
            dated_t, dated_a = dotted_year_month(t), dotted_year_month(a)
            if (dated_t or dated_a) and (dated_t or t).kind is ValueKind.DATE and (dated_a or a).kind is ValueKind.DATE:
                # "2023.12" │ "2023.11": a year and month written with a point, not the number 2023.12
                dotted = "、".join(f"“{p.text}”" for p, d in ((t, dated_t), (a, dated_a)) if d is not None)
                reading = self._read_parsed(ind, dated_t or t, dated_a or a, weight)
                return reading.replace(
                    certainty=weaker_certainty(reading.certainty, Certainty.JUDGEMENT),
                    basis=f"{dotted}按“年.月”理解为日期（非数值）：{reading.basis}",
                    basis_en=f"{dotted} read as year.month dates, not numbers: {reading.basis_en}",
                )
        reading = self._month_before(ind, t, a, weight, self._read_parsed(ind, t, a, weight))
        return _relative_actual(t, a, self._calendar_length(ind, t, a, weight, reading))

    def _calendar_length(
        self, ind: Indicator, t: ParsedValue, a: ParsedValue, weight: Decimal, reading: Reading
    ) -> Reading:
        """A target in 月/季度/年 against an actual in 天/周 (or the other way): the scorer converts at 月 = 30 天 and
        年 = 365 天, conventions — a month holds 28 to 31 days, a year 365 or 366 ("≤1个月" │ "31天" may be met). A
        verdict that turns within those lengths is a 警告 saying so; one that holds at both ends ("45天") stays."""
        result = reading.result
        if result is None or result.meets_target is None or a.number is None or t.per or a.per:
            return reading
        tu, au = normalise_unit(t.unit), normalise_unit(a.unit)
        if not tu or not au or (tu in CALENDAR_MONTHS) == (au in CALENDAR_MONTHS):
            return reading  # no calendar unit, or both (1年 = 12个月 exactly)
        td, ad = _days(tu), _days(au)
        if td is None or ad is None:
            return reading
        ends = (a.number * ad[0] / td[1], a.number * ad[1] / td[0])
        others = [self._read_values(ind, t, replace(a, number=n, unit=t.unit), weight).result for n in ends]
        if all(o is not None and o.meets_target == result.meets_target for o in others):
            return reading
        shown = a.text or str(a.raw)
        return reading.replace(
            certainty=weaker_certainty(reading.certainty, Certainty.JUDGEMENT),
            basis=f"{reading.basis}；“{shown}”与年度指标值的单位按 1月=30天、1年=365天 换算，但一个月有 28–31 天、一年有 "
            "365 或 366 天，按实际天数是否达到目标需人工判断",
            basis_en=f"{reading.basis_en}; {shown!r} converted at 30 days a month, 365 a year, but months hold 28-31 "
            "days and years 365 or 366: whether the target was met is for a person",
        )

    def _month_before(
        self, ind: Indicator, t: ParsedValue, a: ParsedValue, weight: Decimal, reading: Reading
    ) -> Reading:
        """ "2023年10月前" │ "2023年10月15日": "10月前" reads "by October's end" (perfxl's date, the period's last day) and
        "before October" alike; a day inside that month is on time on the first and late on the second. When the two
        verdicts differ, which was meant is a guess (警告 at most, both stated); "10月底前" is one reading only."""
        td, ad = t.date, a.date
        if td is None or ad is None or td.precision != "month" or ad.month != td.month:
            return reading
        if td.year is not None and ad.year is not None and td.year != ad.year:
            return reading
        if not _MONTH_BEFORE.search(normalise_text(t.text or str(t.raw))) or (td.month == 1 and td.year is None):
            return reading
        year, month = (td.year, td.month - 1) if td.month > 1 else ((td.year or 1) - 1, 12)
        strict = replace(t, date=DateParts(year, month, calendar.monthrange(year or 2001, month)[1], "month"))
        other = self._read_values(ind, strict, a, weight)
        if _verdict(other) == _verdict(reading):
            return reading
        shown = t.text or str(t.raw)
        return _either(
            (
                f"年度指标值“{shown}”可理解为该月底前或该月1日前",
                f"the target {shown!r} reads by the month's end or before it",
            ),
            (f"“{td.month}月底前”", f"by the end of month {td.month}", reading),
            (f"“{td.month}月1日前”", f"before month {td.month}", other),
        )

    def _read_parsed(self, ind: Indicator, t: ParsedValue, a: ParsedValue, weight: Decimal) -> Reading:
        share = self._approximate_share
        if share is None:  # once per run, not per scored row
            share = self._approximate_share = Decimal(str(self.profile.get("scoring.approximate_tolerance", "0.1")))
        reading = _approximate(t, _per_unit_dropped(t, a, self._read_values(ind, t, a, weight)), share)
        higher = self.higher_tier(a)
        if higher is not None:  # "基本完成": 达成 ("全部或基本达成") or 部分达成? A person judges
            other = self._read_values(ind, t, higher, weight)
            if _verdict(other) != _verdict(reading):
                return _either(
                    (f"实际完成值“{a.text}”可归入两档", f"the actual {a.text!r} fits two tiers"),
                    (f"“{a.label}”档", a.label or "", reading),
                    (f"“{higher.label}”档", higher.label or "", other),
                )
        base = _multiplier_base(t, a)
        if base is not None:
            reading = self._read_unitless(ind, t, a, weight, reading, base)
        tp, ap = _period_in_unit(t), _period_in_unit(a)  # "1次/月" is "每月1次"
        if (periods := _periods(tp, ap)) is not None:
            reading = self._read_over_year(ind, tp, ap, weight, reading, periods)
        if t.date is not None and a.date is not None and (t.date.year is None) != (a.date.year is None):
            return self._read_yearless(ind, t, a, weight, reading)
        if not (self.settings.excel_percent_fraction and _bare_fraction(t, a)):
            return reading
        # "0.96" typed as text against "≥95%": 96% (a fraction, as Excel stores it) or 0.96%? A person judges
        assert a.number is not None
        shown = fmt_decimal(a.number * HUNDRED)
        as_percent = replace(a, number=a.number * HUNDRED, kind=ValueKind.PERCENT, unit="%")
        fraction = self._read_values(ind, t, as_percent, weight)
        if _verdict(fraction) == _verdict(reading):
            return reading
        return _either(
            (f"实际完成值“{a.text or a.raw}”未写%", f"the actual {a.raw!r} has no %"),
            (f" {shown}% ", f"{shown}%", fraction),
            (f" {fmt_decimal(a.number)}% ", f"{fmt_decimal(a.number)}%", reading),
        )

    def _read_unitless(
        self, ind: Indicator, t: ParsedValue, a: ParsedValue, weight: Decimal, reading: Reading, base: str
    ) -> Reading:
        """A bare number against a target in 万/亿 units ("≤5万元" │ "48000"): read in the target's unit it is
        48000万元. When that reading is far off the target (beyond ×10 either way) and the base unit ("元",
        4.8万元) gives another verdict, which was meant is a guess; the closer reading is scored, both are stated."""
        assert t.number is not None and a.number is not None
        factor = conversion_factor(base, t.unit).factor
        if not t.number or factor is None or _near(a.number / t.number):
            return reading
        other = self._read_values(ind, t, replace(a, unit=base), weight)
        near = _near(a.number * factor / t.number)
        shown = a.text or a.raw
        if _verdict(other) == _verdict(reading):
            if not near:
                return reading
            return other.replace(  # the same verdict: the plausible reading's ratios (no 9600-fold S08 over-completion)
                certainty=reading.certainty,
                basis=f"实际完成值“{shown}”未写单位，按“{base}”理解（按“{t.unit}”理解结论相同）：{other.basis}",
                basis_en=f"the actual {a.raw!r} has no unit: as {base} (as {t.unit}, the same verdict): "
                f"{other.basis_en}",
            )
        as_base, as_target = (f"“{base}”", base, other), (f"“{t.unit}”", t.unit, reading)
        return _either(
            (f"实际完成值“{shown}”未写单位", f"the actual {a.raw!r} has no unit"),
            *((as_base, as_target) if near else (as_target, as_base)),
        )

    def _read_over_year(
        self,
        ind: Indicator,
        t: ParsedValue,
        a: ParsedValue,
        weight: Decimal,
        reading: Reading,
        periods: tuple[Periods | None, Periods | None],
    ) -> Reading:
        """Counts per period read over the year (the one reading of sessions 11 and 12): `periods` holds the
        periods a year has (fewest, most) for the target and the actual, None for a side stating no period (the
        year's count). Each side per period is its figure times its periods ("每月1次" → 12), so "每月1次" │ "12次"
        is not "1200%" (gaps11), "12次" │ "每月1次" not a certain miss (review 12) and "每月1次" │ "每季度1次" 12 against
        4, not 1 against 1 (review 11c). Months, quarters, halves are exact; weeks (52 or 53) and days (365 or 366)
        are not: where the year's counts give other verdicts the kinder is scored, a guess. A side stating no period
        may still mean one ("6次": a month's, or the year's?): where reading the two as printed gives another
        verdict, which was meant is a guess, both stated — an actual per period against a target stating none is
        the year's count when it misses either way. The wording is `_OverYear`'s."""
        assert t.number is not None and a.number is not None
        (tn, an), (tp, ap) = (t.number, a.number), periods
        words = _OverYear(t, a, tp, ap)

        def over_year(
            pt: Decimal, pa: Decimal
        ) -> Reading:  # the target always as its count, the actual when per period
            yt = replace(t, number=tn * pt, label=None, text=words.count(t, pt))
            ya = a if ap is None else replace(a, number=an * pa, label=None, text=words.count(a, pa))
            return self._read_values(ind, yt, ya, weight)

        (tlo, thi), (alo, ahi) = tp or (ONE, ONE), ap or (ONE, ONE)
        corners = [(pt, pa) for pt in dict.fromkeys((tlo, thi)) for pa in dict.fromkeys((alo, ahi))]
        read = [over_year(pt, pa) for pt, pa in corners]
        yearly = read[0]
        if len({_verdict(r) for r in read}) > 1:  # weeks or days: 52 or 53, 365 or 366
            k = max(range(len(read)), key=lambda i: _score(read[i]))
            o = min((i for i in range(len(read)) if i != k), key=lambda i: _score(read[i]))
            yearly = _either(
                words.uncertain(),
                ("较宽的折算", "the kinder count", read[k]),
                ("较严的折算", "the stricter count", read[o]),
            )
        agree = _verdict(yearly) == _verdict(reading)
        if ap is None:  # a per-period target, an actual stating no period
            if agree:
                certainty = (
                    reading.certainty if yearly is read[0] else weaker_certainty(reading.certainty, yearly.certainty)
                )
                zh, en = words.basis(yearly)
                return yearly.replace(certainty=certainty, basis=zh, basis_en=en)
            return _either(
                words.why(scored=False), ("全年数", "the year's count", yearly), (*words.as_printed(), reading)
            )
        met = {_verdict(yearly)[1], _verdict(reading)[1]}
        if tp is None and met == {True}:
            return reading  # met either way: no count over the year is claimed (nor a 1200% from it)
        if tp is None and not agree and met != {False}:
            return _either(
                words.why(scored=False), ("全年数", "the year's count", yearly), (*words.as_printed(), reading)
            )
        zh, en = words.basis(yearly)  # short either way, or both per period: the year's count is scored
        return yearly.replace(basis=zh, basis_en=en)

    def _read_yearless(
        self, ind: Indicator, t: ParsedValue, a: ParsedValue, weight: Decimal, months: Reading
    ) -> Reading:
        """A date without its year against one with it ("12月底" │ "2024年1月"): compared by month and day alone,
        January 2024 was on time. The yearless side is the year of the table's title ("2023年度…"); without a
        title year the month-and-day verdict is a guess."""
        yearless, written = (t, a) if t.date is not None and t.date.year is None else (a, t)
        which = "年度指标值" if yearless is t else "实际完成值"
        year = title_year(self.evaluation)
        if year is None:
            return Reading(
                months.result,
                months.direction,
                Certainty.GUESS,
                f"{which}“{yearless.text or yearless.raw}”未写年份，表头也未写年度：只比较了月日，{months.basis}；"
                f"两者若不在同一年，结论不同，需人工判断",
                f"the {'target' if yearless is t else 'actual'} {yearless.raw!r} has no year and the title none either: "
                f"month and day compared, {months.basis_en}",
            )
        assert yearless.date is not None
        dated = replace(yearless, date=replace(yearless.date, year=year))
        reading = (
            self._read_values(ind, dated, a, weight) if yearless is t else self._read_values(ind, t, dated, weight)
        )
        note = f"{which}“{yearless.text or yearless.raw}”未写年份，按表头年度 {year} 年理解，与“{written.text or written.raw}”比较"
        note_en = f"{yearless.raw!r} has no year: read in the title's year {year}"
        return reading.replace(basis=f"{note}：{reading.basis}", basis_en=f"{note_en}: {reading.basis_en}")

    def _read_values(self, ind: Indicator, t: ParsedValue, a: ParsedValue, weight: Decimal) -> Reading:
        """The row scored with target `t` and actual `a` (`_read_directed`); when a direction is a triangle's glued to
        a figure ("▼8%", `values.mark_read`) and the row reads otherwise with the mark a bullet ("8%"), the verdict is
        a guess — a 警告 at most, saying the mark was read as 下降/增长, both readings in the basis (review21a)."""
        reading = self._read_directed(ind, t, a, weight)
        tm = mark_read(t, self.profile) if t.direction is not None else None
        am = mark_read(a, self.profile) if a.direction is not None else None
        if (tm is None and am is None) or reading.result is None:
            return reading
        other = self._read_directed(ind, t if tm is None else tm[2], a if am is None else am[2], weight)
        if other.result is not None and (other.result.score, other.result.meets_target) == (
            reading.result.score,
            reading.result.meets_target,
        ):
            return reading  # the verdict does not rest on the mark
        marks = [m for m in (tm, am) if m is not None]
        zh = "、".join(f"把“{m[0]}”读作{m[1]}" for m in marks)
        en = ", ".join(f"{m[0]!r} read as {'a fall' if m[1] == '下降' else 'a rise'}" for m in marks)
        bullets = "、".join(f"“{m[0]}”" for m in marks)
        if reading.certainty is Certainty.GUESS and reading.assumed is not None:
            zh, en = f"{zh}、{reading.assumed[0]}", f"{en}, {reading.assumed[1]}"
        first = reading
        return reading.replace(
            certainty=Certainty.GUESS,
            basis=lambda: f"{zh}（三角符号也可能是项目符号）：{first.basis}；若{bullets}只是项目符号：{other.basis}",
            basis_en=lambda: f"{en} (a triangle may be a bullet): {first.basis_en}; as a bullet: {other.basis_en}",
            assumed=(zh, en),
        )

    def _read_directed(self, ind: Indicator, t: ParsedValue, a: ParsedValue, weight: Decimal) -> Reading:
        """The row scored with target `t` and actual `a`, in the direction its operator, name or group gives (its
        basis written only when a finding quotes it)."""
        numeric = t.number is not None and t.kind in (NUMBER, PERCENT)
        way = self.direction(ind) if numeric else None
        if way is None or way.source in ("operator", "growth"):
            if way is not None and way.source == "operator" and t.op is None:
                t = _with_op(t, way.op)  # the operator stood in the 指标性质 column, not in the target text
            result = score_indicator(t, a, weight, self.profile)
            return Reading(result, way, basis=lambda: _explain(result), basis_en=lambda: _explain(result, "en"))
        result = score_indicator(_with_op(t, way.op), a, weight, self.profile)
        found = way  # (a name the closures below keep: `way` is a Direction here)
        if not found.uncertain:
            return Reading(
                result,
                found,
                basis=lambda: f"{found.basis()[0]}：{_explain(result)}",
                basis_en=lambda: f"{found.basis()[1]}: {_explain(result, 'en')}",
            )
        other = score_indicator(_with_op(t, OPPOSITE[found.op]), a, weight, self.profile)
        same = other.score == result.score and other.meets_target == result.meets_target
        sym = {"GE": "≥", "GT": ">", "EQ": "=", "LE": "≤", "LT": "<"}[OPPOSITE[found.op].name]

        def both() -> str:
            return f"{found.basis()[0]}：按“{found.symbol}”{_explain(result)}；若按“{sym}”{_explain(other)}"

        def both_en() -> str:
            return f"{found.basis()[1]}: as {found.symbol} {_explain(result, 'en')}; as {sym} {_explain(other, 'en')}"

        if same:
            return Reading(
                result,
                found,
                CERTAIN,
                lambda: f"{both()}（两种理解结果相同）",
                lambda: f"{both_en()} (both readings agree)",
            )
        return Reading(result, found, GUESS, both, both_en, (f"按“{found.symbol}”理解", f"read as {found.symbol}"))

    def higher_tier(self, actual: ParsedValue) -> ParsedValue | None:
        """The actual read in the tier above its own when its words fit both (profile `qualitative.between_tiers`:
        "基本完成" is 部分达成 in most forms, yet older forms word the top tier "全部或基本达成预期指标"), else None."""
        if not actual.tier:
            return None
        words = self.profile.get("qualitative.between_tiers", ())
        text = normalise_text(actual.text)
        if not any(w in text for w in words):
            return None
        above = self.settings.tiers[actual.tier - 1]
        return replace(actual, tier=actual.tier - 1, label=above.label)

    def is_qualitative(self, ind: Indicator, target: ParsedValue | None = None) -> bool:
        """定性 rows: a target without a number that is a qualitative phrase, or marked 定性 in the nature column.
        `target`: the row's parsed target where the caller holds it (`RowFacts.target`, the same value), no look-up."""
        p = self.parsed(ind.target) if target is None else target
        if p.number is not None or p.kind == DATE:
            return False
        if ind.nature is not None and "定性" in ind.nature.text:
            return True
        return p.kind in (QUALITATIVE, TEXT)

    # ------------------------------------------------------------------ findings
    def finding(
        self,
        ref: Location | CellValue | None,
        *,
        expected: Any = None,
        actual: Any = None,
        basis: str = "",
        basis_en: str = "",
        certainty: Certainty | None = None,
        related: tuple[Location, ...] = (),
        **fields: Any,
    ) -> Finding:
        """A finding of the running check at `ref`, its message rendered from the catalogue templates.

        `basis`/`basis_en` say what was read and computed (by default: the cell as read and the value
        perfxl computed or requires); `certainty` defaults to what the check rests on (the catalogue's
        `rests_on`); anything but CERTAIN caps the finding at 警告 (see `perfxl.model.Finding`).
        """
        assert self.spec is not None
        if isinstance(ref, CellValue):
            ref = ref.place()
        # (text, the usual value, passes as it is: `_text` is no call for it — ≈ 7 values a finding, thousands of findings)
        exp = None if expected is None else expected if expected.__class__ is str else _text(expected)
        act = None if actual is None else actual if actual.__class__ is str else _text(actual)
        values = Fields(expected=exp or "", actual=act or "")
        for k, v in fields.items():
            values[k] = v if v.__class__ is str else _text(v)
        zh, en = self.spec.render(values)
        if not basis:
            basis, basis_en = _default_basis(self.spec, ref, exp, act)
        if certainty is None:
            certainty = self.spec.rests_on
        # (by the slot twin: the value `Finding(…)` builds — `model.new_finding`)
        return new_finding(
            self.spec.code,
            self.severity,
            ref,
            zh,
            en,
            exp,
            act,
            self.submission.path,
            related,
            basis,
            basis_en or basis,
            certainty,
        )

    def skip(self, reason_zh: str, reason_en: str = "", *, sheet: str | None = None) -> None:
        """Record that the running check could not run (fully) here and why — coverage, not a finding."""
        assert self.spec is not None
        if sheet is None and self.evaluation is not None:
            sheet = self.evaluation.sheet
        entry = SkippedCheck(self.spec.code, reason_zh, reason_en, sheet)
        if entry not in self.skipped:
            self.skipped.append(entry)

    def cell_ref(self, *cells: CellValue | None) -> CellRef | None:
        """The first of `cells` that has a location."""
        for c in cells:
            if c is not None and c.sheet is not None:
                return c.place()
        return None


PLACEHOLDERS = ("无", "暂无", "没有", "—", "-", "/", "／", "无偏差", "不适用", "……", "...")


def _explain(result: ScoreResult | None, lang: str = "zh") -> str:
    """A ScoreResult's one-line explanation (or why it could not score)."""
    if result is None:
        return ""
    return result.explanation if lang == "zh" else result.explanation_en


#: A deadline written as a month and 前 alone ("10月前", "10月份之前"; not 10月底前/10月末前/10月15日前).
_MONTH_BEFORE = lazy_compile(r"\d{1,2}\s*月份?\s*(?:之|以)?前")
_TITLE_YEAR = lazy_compile(r"((?:19|20)\d{2})\s*年")


def title_year(ev: SelfEvaluation | None) -> int | None:
    """The year of a 自评表 from its title ("2023年度项目支出绩效自评表" → 2023) or the year line under it ("( 2023 年度)"),
    else None."""
    if ev is None:
        return None
    for cell in (ev.title, ev.period):
        m = _TITLE_YEAR.search(cell.text or "") if cell is not None else None
        if m:
            return int(m.group(1))
    return None


#: The start of a 一级 name (项目 dropped) that marks an 评价 framework's table, not 10号 自评's (`evaluation_framework`):
#: 投入/过程/产出/效果 (53号), 决策/过程/产出/效益 (项目支出绩效评价), 预算绩效 (吉林 2016: 预算管理 + 财务管理 — 过程).
_EVALUATION_LEVEL1 = ("投入", "过程", "决策", "预算绩效")

_NEAR = Decimal(10)  # a reading within ×10 of the target is a plausible one


def _near(ratio: Decimal) -> bool:
    return 1 / _NEAR <= abs(ratio) <= _NEAR


def _either(why: tuple[str, str], chosen: tuple[str, str, Reading], other: tuple[str, str, Reading]) -> Reading:
    """A cell read two ways that give different verdicts (no %, no unit): which was meant is a guess — the chosen
    reading is scored and both are stated. `why` is (zh, en); each reading is (zh "as", en "as", its Reading)."""
    (zh1, en1, first), (zh2, en2, second) = chosen, other
    inner = first.assumed if first.certainty is Certainty.GUESS else None  # the chosen reading's own guess, if any
    # the message names both readings, not the scored one alone (read25): "若按 800人 理解（若按 -800人 理解，同样未达到
    # 目标，得分应为 0），…" — the basis gives both readings' arithmetic
    outcome, outcome_en = _outcome(first, second)
    return Reading(
        first.result,
        first.direction,
        Certainty.GUESS,
        f"{why[0]}：按{zh1}理解，{first.basis}；若按{zh2}理解，{second.basis}",
        f"{why[1]}: as {en1}, {first.basis_en}; as {en2}, {second.basis_en}",
        (
            f"按{zh1}理解" + (f"并{inner[0]}" if inner else "") + f"（若按{zh2}理解，{outcome}）",
            f"read as {en1}" + (f" and {inner[1]}" if inner else "") + f" (as {en2}, {outcome_en})",
        ),
    )


def _outcome(first: Reading, second: Reading) -> tuple[str, str]:
    """What the other reading `second` concludes, in a message's words (zh, en): met or missed ("同样" when the scored
    reading `first` says the same) and the score it gives; "结论不同" when it gives neither."""
    r1, r2 = first.result, second.result
    zh: list[str] = []
    en: list[str] = []
    if r2 is not None and r2.meets_target is not None:
        same = r1 is not None and r1.meets_target is r2.meets_target
        zh.append(("同样" if same else "") + ("达到目标" if r2.meets_target else "未达到目标"))
        en.append(("likewise " if same else "") + ("met" if r2.meets_target else "missed"))
    if r2 is not None and r2.score is not None:
        zh.append(f"得分应为 {fmt_num(r2.score)}")
        en.append(f"scored {fmt_num(r2.score)}")
    return ("，".join(zh), ", ".join(en)) if zh else ("结论不同", "another verdict")


def _days(unit: str) -> tuple[Decimal, Decimal] | None:
    """The fewest and most days in one `unit` of time (a month 28 … 31, a 小时 exactly 1/24); None for no time unit."""
    if unit in CALENDAR_DAYS:
        return CALENDAR_DAYS[unit]
    found = lookup(unit)
    if found is None or found.family != "time":
        return None
    return found.factor / found.per, found.factor / found.per


def _verdict(reading: Reading) -> tuple[Any, Any]:
    r = reading.result
    return (r.score, r.meets_target) if r is not None else (None, None)


def _periods_of(label: str | None) -> tuple[Decimal, Decimal] | None:
    """The periods a year holds for a per-period word ("每月" → 12, 12; "每周" → 52, 53), else None."""
    word = _period_word(label)
    return periods_a_year(word) if word else None


def _period_word(label: str | None) -> str:
    """The period word of a per-period label: "每月" → 月, and the one a verb follows ("每工作日巡查" → 工作日, "每季度开展"
    → 季度: "每月巡查1次" │ "12次" is per month as "每月1次" is — was S08 '1200%', review13t); "" for none, or for a
    label naming a second 每 ("每月每户": per month and per household)."""
    if not label or not label.startswith("每"):
        return ""
    rest = label[1:]
    if periods_a_year(rest) is not None:
        return rest
    if "每" in rest or not _CJK_ONLY.fullmatch(rest):
        return ""
    return next((w for w in PERIOD_WORDS if rest.startswith(w)), "")


_CJK_ONLY = lazy_compile(r"[\u4e00-\u9fff]+")


#: A side's periods a year, fewest and most ("每月" 12, 12; "每周" 52, 53).
Periods = tuple[Decimal, Decimal]


#: The English of the period words whose count a year holds is not exact (`_OverYear.uncertain`).
_PERIOD_EN = {"周": "weeks", "星期": "weeks", "工作日": "workdays", "个工作日": "workdays"}


class _OverYear:
    """The words of `_read_over_year`, in one place: both sides over the year ("年度指标值“每月1次”与实际完成值“6次”
    按各自期间折合全年：12次 与 6次"), the side stating no period ("实际完成值未写期间，按全年计"), and the weeks and
    days whose counts are not exact ("一年有52或53周")."""

    __slots__ = ("a", "ap", "t", "tp")

    def __init__(self, t: ParsedValue, a: ParsedValue, tp: Periods | None, ap: Periods | None) -> None:
        self.t, self.a, self.tp, self.ap = t, a, tp, ap

    @staticmethod
    def count(v: ParsedValue, periods: Decimal) -> str:
        """`v`'s figure over `periods` periods, in its unit ("12次")."""
        assert v.number is not None
        return f"{fmt_decimal(v.number * periods)}{v.unit or ''}"

    def why(self, scored: bool) -> tuple[str, str]:
        """Both sides over the year, and the side stating no period: read as the year's count when `scored`."""
        t, a, spans = self.t, self.a, []
        for v, p in ((t, self.tp), (a, self.ap)):
            (lo, hi), unit = p or (ONE, ONE), v.unit or ""
            spans.append(
                self.count(v, lo) if lo == hi else f"{self.count(v, lo).removesuffix(unit)}至{self.count(v, hi)}"
            )
        zh = f"年度指标值“{t.text or t.raw}”与实际完成值“{a.text or a.raw}”按各自期间折合全年：{' 与 '.join(spans)}"
        en = f"the target {t.raw!r} and the actual {a.raw!r} over the year"
        if self.tp is not None and self.ap is not None:
            return zh, en
        which, which_en = ("实际完成值", "actual") if self.ap is None else ("年度指标值", "target")
        if scored:
            return f"{zh}；{which}未写期间，按全年计", f"{en}; the {which_en} states no period, read as the year's"
        return f"{zh}；{which}未写期间", f"{en}; the {which_en} states no period"

    def basis(self, yearly: Reading) -> tuple[str, str]:
        """The basis of the year's reading when it is scored."""
        zh, en = self.why(scored=True)
        return f"{zh}：{yearly.basis}", f"{en}: {yearly.basis_en}"

    def as_printed(self) -> tuple[str, str]:
        """The reading of the side stating no period as a count per the other side's period."""
        label = self.t.label if self.ap is None else self.a.label
        return f"{label}数", f"a count {label}"

    def uncertain(self) -> tuple[str, str]:
        """Why the year's counts differ: a year holds 52 or 53 weeks, 365 or 366 days."""
        sides = ((self.tp, self.t.label or ""), (self.ap, self.a.label or ""))
        spans = dict.fromkeys((p, _period_word(label)) for p, label in sides if p and p[0] != p[1])
        zh = "、".join(
            f"{fmt_decimal(lo)}{'或' if hi - lo == 1 else '至'}{fmt_decimal(hi)}{word}" for (lo, hi), word in spans
        )
        en = ", ".join(
            f"{lo} {'or' if hi - lo == 1 else 'to'} {hi} {_PERIOD_EN.get(w, 'days')}" for (lo, hi), w in spans
        )
        return f"一年有{zh}", f"a year holds {en}"


#: A count per period written with a slash ("1次/月", "2期/季度", "12次/年"): the count's word and the period's — the
#: period words of "每月1次" (`periods_a_year`, "1次/双月" as "每双月1次") and 年, the year's count.
_COUNT_PER_PERIOD = lazy_compile(
    rf"^(次|期|场|场次|批|批次|轮|篇|份|回|趟|人次|课时)/({'|'.join((*PERIOD_WORDS, '年'))})$"
)


def _period_in_unit(v: ParsedValue) -> ParsedValue:
    """`v` with a period its unit states after a slash ("1次/月") as the period word the reader takes from
    "每月1次" (label 每月, unit 次), and "/年" as no period (the year's count): "1次/月" │ "12次" was "1200%", an
    over-completion 警告 on a correct row (review 12). Counts only — "500元/月" is a rate, not a count to add up."""
    unit = v.unit
    # (every match holds the slash: a unit without one — most — is not matched, nor the pattern compiled for it)
    m = _COUNT_PER_PERIOD.match(unit) if v.label is None and unit and "/" in unit else None
    if m is None:
        return v
    word, period = m.groups()
    return replace(v, unit=word, per=None, label=None if period == "年" else f"每{period}")


def _periods(t: ParsedValue, a: ParsedValue) -> tuple[Periods | None, Periods | None] | None:
    """(target's, actual's) periods a year (fewest, most; None: no period, the year's count) when the row's counts
    are per different periods: a per-period target against an actual stating no period ("每月1次" │ "12次": 12,
    None), an actual per period against a target per another period or stating none ("每月1次" │ "每季度1次": 12, 4;
    "12次" │ "每月1次": None, 12); else None. A target stating no period that is a rate ("≥500元/人·月") has no
    year's count."""
    if t.number is None or a.number is None or t.kind is not NUMBER or a.kind is not NUMBER:
        return None
    pt, pa = _periods_of(t.label), _periods_of(a.label)
    if pa is None:
        return (pt, None) if pt is not None and not (a.label and "每" in a.label) else None
    if pt == pa or (pt is None and ((t.label and "每" in t.label) or t.per or "/" in (t.unit or ""))):
        return None
    return pt, pa


def _score(reading: Reading) -> Decimal:
    """The score a reading gives (0 without one): which of two readings is the kinder."""
    r = reading.result
    return r.score if r is not None and r.score is not None else Decimal(0)


def _multiplier_base(t: ParsedValue, a: ParsedValue) -> str | None:
    """The base unit of a target in 万/亿 units ("5万元" → "元", "3.5万人次" → "人次") when the actual is a bare number
    (no unit of its own), else None."""
    if a.unit is not None or a.number is None or t.number is None or not t.unit or a.kind is not ValueKind.NUMBER:
        return None
    num, per = split_per(t.unit)
    if not num or len(num) < 2 or num[0] not in "万亿" or lookup(num[1:]) is None:
        return None
    return num[1:] + (f"/{per}" if per else "")


_APPROXIMATE = ("左右", "上下", "约", "大概")


def _approximate(t: ParsedValue, reading: Reading, share: Decimal) -> Reading:
    """An approximate target ("300人次左右", "约300人次") missed by at most `share` of its figure (profile
    `scoring.approximate_tolerance`, 10%): 290 may well be "about 300", so whether the target was met is for a
    person to judge, not a certain miss; 200 against "约300" stays one."""
    result = reading.result
    text = t.text or (t.raw if isinstance(t.raw, str) else "")
    if result is None or result.meets_target is not False or t.number is None or result.ratio is None:
        return reading
    if ONE - result.ratio > share:
        return reading
    word = next((w for w in _APPROXIMATE if w in text), None)
    if word is None:
        return reading
    return Reading(
        result,
        reading.direction,
        weaker_certainty(reading.certainty, Certainty.JUDGEMENT),
        f"年度指标值“{text}”是约数（“{word}”）：{reading.basis}；实际与约数相差多少仍算完成，需人工判断",
        f"the target {text!r} is approximate ({word}): {reading.basis_en}; whether the actual is close enough is a "
        "judgement",
    )


def _part_places_of(figure: Printed) -> int | None:
    """Decimals a part was written with: as printed for text, as typed for a number cell (8.33 → 2: the precision its
    filer rounded to, since the display format is not read — as `Context.score_rounded_as_typed` judges one score);
    None for a computed value's long tail (exact)."""
    if isinstance(figure, CellValue) and not isinstance(figure.raw, str):
        return typed_places(figure.raw)
    return _typed_places_of(figure)


def _typed_places_of(figure: Printed) -> int | None:
    """Decimals a figure was typed with: a Decimal read out of text at its exponent, a text cell as printed; None for
    a number cell (an exact value) or nothing."""
    if isinstance(figure, Decimal):
        exponent = figure.as_tuple().exponent
        return -exponent if isinstance(exponent, int) and exponent < 0 else 0
    if figure is not None and isinstance(figure.raw, str):
        return printed_places(figure.raw)
    return None


def weaker_certainty(a: Certainty, b: Certainty) -> Certainty:
    """The less sure of two certainties (GUESS < JUDGEMENT < CERTAIN)."""
    order = (GUESS, JUDGEMENT, CERTAIN)
    return min(a, b, key=order.index)


def _per_unit_dropped(t: ParsedValue, a: ParsedValue, reading: Reading) -> Reading:
    """A per-unit target ("≤500元/人") against an actual in a plain unit ("15万元"): read per unit (filers often drop
    "/人"), but the actual may be the total, which cannot be compared; a verdict of a missed target is then a guess."""
    per = split_per(t.unit)[1]
    result = reading.result
    if not per or a.unit is None or split_per(a.unit)[1] or result is None or result.meets_target is not False:
        return reading
    return Reading(
        result,
        reading.direction,
        Certainty.GUESS,
        f"年度指标值按“/{per}”计，实际完成值“{a.text or a.raw}”未写“/{per}”：按每{per}的值理解，{reading.basis}；"
        f"若实际完成值为总额，则与目标不可比，需人工判断",
        f"the target is per {per} and the actual {a.raw!r} is not: read per {per}, {reading.basis_en}; if the actual "
        f"is a total it cannot be compared with the target",
    )


def _bare_fraction(t: ParsedValue, a: ParsedValue) -> bool:
    """An actual that may be a fraction or a percent against a percent target: a bare number from 0 to 1 typed as
    text ("≥95%" │ "0.96"), or one from 1 to 1.5, text or a number cell, against a target past 1.5 (115.25% in a
    %-formatted cell holds 1.1525, and filers who write rates as fractions type "1.1525": read as 1.1525% it misses
    "≥10%" — a certain S07 on 四川 普惠金融, probe23). A number cell up to 1 is Excel's fraction
    (`scoring.excel_percent_fraction`)."""
    if not (t.kind is PERCENT and t.number is not None and a.kind is NUMBER and a.number is not None):
        return False
    if a.unit is not None or a.op is not None:
        return False
    if isinstance(a.raw, str) and abs(t.number) > 1 and 0 <= a.number <= 1:
        return True
    return abs(t.number) > _FRACTION_CEILING and 1 < a.number <= _FRACTION_CEILING


_FRACTION_CEILING = Decimal("1.5")  # as in `Context.read_rate`: a number cell up to 1.5 may be a fraction


def _with_op(p: ParsedValue, op: Any) -> ParsedValue:
    """`replace(p, op=op)`, built directly: `dataclasses.replace` costs ≈ 3 µs on ParsedValue's 15 fields, asked
    for every scored row."""
    values = list(_PARSED_VALUES(p))
    values[_OP_AT] = op
    return ParsedValue(*values)


#: ParsedValue's fields in `__init__` order (all of them init fields, as `replace` requires), read in one call.
_PARSED_FIELDS = tuple(f.name for f in fields(ParsedValue))
_PARSED_VALUES = attrgetter(*_PARSED_FIELDS)
_OP_AT = _PARSED_FIELDS.index("op")


def _default_basis(spec: CheckSpec, ref: Location | None, exp: str | None, act: str | None) -> tuple[str, str]:
    """The basis of a finding whose check gave none: the cell as read and what perfxl computed or requires."""
    where = f"{ref.sheet}!{ref.cell}" if ref is not None else "表中"
    parts_zh = [f"读取 {where}：“{act}”"] if act is not None else [f"检查 {where}"]
    parts_en = [f"read {where}: {act!r}"] if act is not None else [f"checked {where}"]
    if exp is not None:
        parts_zh.append(f"perfxl 计算/要求：{exp}")
        parts_en.append(f"perfxl computed/requires: {exp}")
    parts_zh.append(f"规则：{spec.title_zh}")
    parts_en.append(f"rule: {spec.title_en}")
    return "；".join(parts_zh), "; ".join(parts_en)


def _text(value: Any) -> str:
    if isinstance(value, Decimal):
        return fmt_decimal(value)
    if isinstance(value, CellValue):
        return value.text
    return str(value)


def _empty_row(ind: Indicator, ctx: Context) -> bool:
    blank = ctx.is_blank  # (spelt out, no generator: asked of every row, the name answers for most)
    return blank(ind.name) and blank(ind.target) and blank(ind.actual) and blank(ind.weight) and blank(ind.score)


class _HeadingIndex:
    """Which 一级 heading an indicator row belongs to, by lookup instead of a scan of every heading per row.

    The same answer as checking, in order: the row's merged 一级 cell is the heading's cell; its text equals
    a heading's label or compacted name; a heading's compacted name occurs in it (first heading wins).
    """

    def __init__(self, headings: Iterable[Level1Heading]) -> None:
        self.by_cell: dict[tuple[str, int, int], int] = {}
        self.by_label: dict[str, int] = {}
        self.by_name: dict[str, int] = {}
        self.names: list[tuple[int, str]] = []
        self.by_text: dict[str, int | None] = {}
        for i, h in enumerate(headings):
            label = h.label
            if label.sheet is not None:  # by its place (sheet, row, column) and its merge's anchor: no `CellRef` a row
                self.by_cell.setdefault((label.sheet, label.r, label.c), i)
                if label.anchor is not None:
                    self.by_cell.setdefault((label.sheet, *label.anchor), i)
            self.by_label.setdefault(h.label.text, i)
            if h.name:
                name = compact(h.name)
                self.by_name.setdefault(name, i)
                self.names.append((i, name))

    def __call__(self, ind: Indicator) -> int | None:
        level1 = ind.level1
        if level1.sheet is not None and self.by_cell:
            at = level1.anchor
            hit = self.by_cell.get((level1.sheet, *at) if at is not None else (level1.sheet, level1.r, level1.c))
            if hit is not None:
                return hit
        text = ind.level1.text
        if not text:
            return None
        try:
            return self.by_text[text]
        except KeyError:
            pass
        key = compact(text)
        exact = [i for i in (self.by_label.get(text), self.by_name.get(key)) if i is not None]
        found = min(exact) if exact else next((i for i, name in self.names if name in key), None)
        self.by_text[text] = found
        return found
