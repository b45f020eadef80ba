"""Parse what finance staff type into 年度指标值 / 实际完成值 cells into a typed `ParsedValue`.

Handles operators in symbols and words (≥ ≧ >= ＞＝ 不低于 以上 不超过 以内 …), exact Decimal numbers
(1,234.5; floats from Excel via repr), units (万元/家, 百分比 → %), growth targets (增长12%), dates and
deadlines (2023年底, 12月底前), qualitative tier labels (达成预期指标, 优/良/中/差, 是/否) and
placeholders (/ — ……). Excel error values and text holding control characters are TEXT with a
`reason`, never parsed into numbers. `parse_value` never raises; text results are cached per profile vocabulary.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as _dt
import enum
import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Final, TypeVar, cast

from perfxl.chinese import CACHE_MAX_LEN, is_plain, nfkc_stable, to_simplified
from perfxl.numbers import fmt_decimal, join_digit_groups, to_decimal
from perfxl.numerals import chinese_int
from perfxl.profiles import load_profile, resolve_profile
from perfxl.records import record
from perfxl.units import count_of_noun, lookup, normalise_unit, split_per

from .patterns import INVISIBLE, lazy_compile
from .values_dates import DateParts, parse_date

if TYPE_CHECKING:
    from functools import _lru_cache_wrapper

    from perfxl.profiles import Profile, ProfileLike, Vocabulary

    #: A profile's text parser, memoised (`__wrapped__` is the uncached parser, for long texts).
    TextParser = _lru_cache_wrapper["ParsedValue"]

__all__ = [
    "ValueKind",
    "Op",
    "ParsedValue",
    "beyond_range",
    "mark_read",
    "DateParts",
    "parse_value",
    "dotted_year_month",
    "DATE_UNITS",
    "normalise_text",
    "control_characters",
    "EXCEL_ERRORS",
    "is_excel_error",
    "unit_of_clause",
    "bracketed_figure",
    "printed_sign",
]

T = TypeVar("T")


class ValueKind(str, enum.Enum):
    """What a cell value is (数值, 百分比, 增长率, 日期/时限, 定性, 占位符, 空, 其他文字)."""

    NUMBER = "number"
    PERCENT = "percent"
    GROWTH = "growth"
    DATE = "date"
    QUALITATIVE = "qualitative"
    PLACEHOLDER = "placeholder"
    BLANK = "blank"
    TEXT = "text"


# Each member bound once as a module name, imported by name where code runs a row (`from perfxl.values import PERCENT`):
# in Python 3.11 `EnumType` defines `__getattr__`, so every `ValueKind.X` goes through CPython's
# `slot_tp_getattr_hook` (≈ 900 instructions an ask more than a module name's). The same for `Op` below and
# `model.Severity`/`Certainty`; tests/test_perf22k.py counts the asks a row.
NUMBER: Final = ValueKind.NUMBER
PERCENT: Final = ValueKind.PERCENT
GROWTH: Final = ValueKind.GROWTH
DATE: Final = ValueKind.DATE
QUALITATIVE: Final = ValueKind.QUALITATIVE
PLACEHOLDER: Final = ValueKind.PLACEHOLDER
BLANK: Final = ValueKind.BLANK
TEXT: Final = ValueKind.TEXT


class Op(str, enum.Enum):
    """Comparison operator of a target (指标性质): ≥ > = ≤ <."""

    GE = "≥"
    GT = ">"
    EQ = "="
    LE = "≤"
    LT = "<"

    @property
    def is_positive(self) -> bool:
        return self in (Op.GE, Op.GT)

    @property
    def is_reverse(self) -> bool:
        return self in (Op.LE, Op.LT)


GE: Final = Op.GE  # (each `Op` member a module name: `ValueKind`'s note above)
GT: Final = Op.GT
EQ: Final = Op.EQ
LE: Final = Op.LE
LT: Final = Op.LT


@record(frozen=True, slots=True)
class ParsedValue:
    """A typed cell value. `number` is exact; `unit` is normalised ("万元/家", "%"); `per` is the
    denominator unit of a per-unit value ("家"); `tier` is 0/1/2 (达成/部分达成/未达成) for tier labels;
    `share` is the point share of a scale label (良 → 0.8); `direction` is "up"/"down" for growth;
    `label` holds surrounding words ("群众满意度") or the canonical tier label.
    """

    raw: Any
    kind: ValueKind
    op: Op | None = None
    number: Decimal | None = None
    unit: str | None = None
    tier: int | None = None
    per: str | None = None
    share: Decimal | None = None
    direction: str | None = None
    date: DateParts | None = None
    label: str | None = None
    text: str = ""
    reason: str | None = None  # zh, when the cell could not be read as typed (control characters, Excel error)
    reason_en: str | None = None
    damaged: bool = False  # a figure that does not parse cleanly ("M.8万元", ".95"): typing or OCR damage, not read

    @property
    def is_numeric(self) -> bool:
        return self.number is not None and self.kind in (ValueKind.NUMBER, ValueKind.PERCENT, ValueKind.GROWTH)

    @property
    def is_empty(self) -> bool:
        return self.kind is BLANK or self.kind is PLACEHOLDER

    def display(self) -> str:
        """Short form for explanations: "11.8%", "12家", "增长12%", "2023-12-31", "达成年度指标"."""
        if self.kind is ValueKind.DATE and self.date is not None:
            return self.date.display()
        if self.number is not None:
            body = f"{fmt_decimal(self.number)}{self.unit or ''}"
            if self.kind is ValueKind.GROWTH:
                body = ("下降" if self.direction == "down" else "增长") + body
            elif self.direction is not None:
                body = ("减少" if self.direction == "down" else "增加") + body  # a count's change: "减少1036人次"
            return body
        return self.label or self.text or ("" if self.raw is None else str(self.raw))

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form: Decimals as strings (exact), enums as their values."""
        raw = self.raw
        if isinstance(raw, (_dt.date, _dt.datetime)):
            raw = raw.isoformat()
        elif isinstance(raw, Decimal) or (raw is not None and not isinstance(raw, (str, int, float, bool))):
            raw = str(raw)
        return {
            "raw": raw,
            "kind": self.kind.value,
            "op": self.op.value if self.op else None,
            "number": None if self.number is None else fmt_decimal(self.number),
            "unit": self.unit,
            "per": self.per,
            "tier": self.tier,
            "share": None if self.share is None else fmt_decimal(self.share),
            "direction": self.direction,
            "date": self.date.to_dict() if self.date else None,
            "label": self.label,
            "reason": self.reason,
        }


# ---------------------------------------------------------------- text normalisation

_CONTROL = dict.fromkeys(range(32), " ") | {0x7F: " ", 0x3000: " ", 0xA0: " "} | dict.fromkeys(map(ord, INVISIBLE))
#: (Every character `_CONTROL` maps is a control, format or space character other than " ", none printable: text
#: `str.isprintable` passes is left as it is by the translation, which is skipped for it — `str.translate` with a dict
#: looks up every character of non-ASCII text and raises and clears a KeyError for each one not listed, ≈ 4 µs for a
#: 30-character sentence; a text's first parse, issue 14.)
_PUNCT_EDGES = " \t。，,;；:：!！、?？\"'“”‘’()（）[]【】"


def normalise_text(text: str) -> str:
    """NFKC (full-width digits and operators → ASCII), control characters → spaces, trimmed."""
    t = unicodedata.normalize("NFKC", text)
    return (t if t.isprintable() else t.translate(_CONTROL)).strip()


#: Excel's error values, as a cell holding one reads (Excel 2019+ names included).
EXCEL_ERRORS = frozenset(
    {
        "#NULL!",
        "#DIV/0!",
        "#VALUE!",
        "#REF!",
        "#NAME?",
        "#NUM!",
        "#N/A",
        "#GETTING_DATA",
        "#SPILL!",
        "#CALC!",
        "#FIELD!",
        "#BLOCKED!",
        "#CONNECT!",
        "#BUSY!",
        "#UNKNOWN!",
        "#PYTHON!",
    }
)
#: Every character NFKC turns into (or keeps as) "#", with which every error value starts: text holding none of them
#: cannot read as one, so `is_excel_error` skips normalising it (tests/test_is_excel_error.py checks all of Unicode).
NUMBER_SIGNS = ("#", "\ufe5f", "\uff03")


def is_excel_error(text: str) -> bool:
    """`normalise_text(text) in EXCEL_ERRORS`, without normalising the text when it holds no number sign."""
    # the three NUMBER_SIGNS spelt out: three `in` tests cost less than any() over the tuple
    return ("#" in text or "\ufe5f" in text or "\uff03" in text) and normalise_text(text) in EXCEL_ERRORS


#: Control characters that are not line layout (tab, line feed and carriage return are kept as spaces).
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def control_characters(text: str) -> list[str]:
    """The control characters in `text` as "U+001B", in order of first appearance (empty when none)."""
    seen: dict[str, None] = {}
    for ch in CONTROL_CHARS.findall(text):
        seen.setdefault(f"U+{ord(ch):04X}")
    return list(seen)


def _unreadable_text(raw: str, t: str) -> ParsedValue | None:
    """Text that must not be parsed: an Excel error value, or text holding control characters
    (an escape sequence like "\\x1b[31m20家" would otherwise read as 31米)."""
    if t in EXCEL_ERRORS:
        return ParsedValue(
            raw,
            ValueKind.TEXT,
            label=t,
            text=t,
            reason=f"是 Excel 错误值 {t}（公式出错或引用失效）",
            reason_en=f"is the Excel error value {t}",
        )
    chars = control_characters(raw)
    if chars:
        listed = "、".join(chars)
        return ParsedValue(
            raw,
            ValueKind.TEXT,
            text=t,
            reason=f"含不可见的控制字符（{listed}），未作为数值读取",
            reason_en=f"holds control characters ({', '.join(chars)}) and was not read as a value",
        )
    return None


_PLACEHOLDER = re.compile(r"^[\s/\\\-—–―_~·.。…,，*＊、]+$")
_PLACEHOLDER_WORDS = {"无", "暂无", "N/A", "n/a", "NA", "na", "不适用", "空", "null", "NULL", "None", "略"}
#: The CJK ideographs a placeholder word may keep of a text, in order: each subsequence of the words' ideographs, ""
#: included. A text whose ideographs (`_CJK`) join to none of these is no placeholder word (`_blank_text`).
_ASCII_DIGIT = lazy_compile("[0-9]")
_PLACEHOLDER_PARTS = frozenset(
    "".join(w[i] for i in range(len(w)) if mask >> i & 1)
    for w in _PLACEHOLDER_WORDS
    if not w.isascii()
    for mask in range(1 << len(w))
) | {""}


#: Note marks written beside a figure: circled or bracketed numerals ("100①", "⑴", "❶") and superscript digits right
#: after a digit or a percent sign ("100¹", "95%¹"). NFKC spells them as digits ("100①" → "1001"), so value text keeps
#: them as they are; a figure is read without them (`_parse_number_text`): in a printed form they mark a footnote or an
#: item, never a digit.
_NOTE_MARK = re.compile(
    "[\u2460-\u24ff\u2776-\u2793]|(?<=[0-9\uff10-\uff19%\uff05])[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+"
)
#: A note mark in brackets with the word that calls it a note ("(注②)", "(见注①)", "（②）"): gone whole when the figure
#: is read, so no "(注" is left for a unit (review13t; "100人（注2）" was always read as 100人).
#: A note word alone or with a plain number ("100人（注）", "(注1)", "(见注)") is one too (docs14: "100人（注）" was read with
#: the unit "人(注").
#: A note with its own words after a colon ("95%（注：抽样检查200份）", "≥90%(备注:按抽检计)") is one as well (read24: read
#: with the unit "%(注:抽样检查" — S11 could not score the row, I05 called the unit uncommon); bounded, no nested bracket.
#: Not a note naming a unit or a scale ("60（注：单位：万元）", "1.2（注：万人次）"): dropped, the figure read unitless against
#: "≥500000元" — a false S07 错误 (review24d); kept, the cell stays unread for its unit, as "60（单位：万元）" is.
_NOTE_IN_BRACKETS = lazy_compile(
    r"\(\s*(?:详见|见)?(?:(?:备注|注释|注)?\s*(?:[\u2460-\u24ff\u2776-\u2793]\s*)+|(?:备注|注释|注)\s*\d{0,2}\s*"
    r"|(?:备注|注释|注)\s*\d{0,2}\s*:(?![^()]{0,80}?(?:单位|元|万|亿|千))[^()]{0,80})\)"
)


def _normalise_keeping_marks(raw: str) -> str:
    """`normalise_text`, with the note marks of `_NOTE_MARK` kept as written (not made digits by NFKC)."""
    if _NOTE_MARK.search(raw) is None:
        return normalise_text(raw)
    parts, last = [], 0
    for m in _NOTE_MARK.finditer(raw):
        parts += [unicodedata.normalize("NFKC", raw[last : m.start()]), m.group()]
        last = m.end()
    parts.append(unicodedata.normalize("NFKC", raw[last:]))
    text = "".join(parts)
    return (text if text.isprintable() else text.translate(_CONTROL)).strip()


#: A sign spaced from the figure that makes the whole cell ("- 58.80", "-   1,036.53"), as Excel's accounting format
#: prints one.
_SIGN_SPACED = lazy_compile(r"^([-+]) +(?=(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$)")


def _text_head(raw: str) -> tuple[str, ParsedValue | None]:
    """The normalised text of `raw`, and its ParsedValue when that alone decides it: blank, unreadable (an Excel
    error value, control characters) or a placeholder ("/", "——", "无"); None when the text must be parsed."""
    plain = is_plain(raw)  # letters, digits, CJK: normal already, no control character, error value or mark
    t = raw if plain else _normalise_keeping_marks(raw)  # (which makes a U+3000 space a " ")
    if "\u2212" in t:
        t = t.replace("\u2212", "-")  # "−58.80": the minus sign (U+2212) of typeset text is a minus, never a label
    if " " in t:
        t = _SPACED_OUT.sub("", t)  # "不 低 于 90 % 以 上" (a PDF's spaced letters) reads whole
        if " " in t:
            t = join_digit_groups(t)  # "1 036.53": digits grouped in threes by spaces (a typeset figure) are one figure
            if t[:1] in "-+" and t[1:2] == " ":
                t = _SIGN_SPACED.sub(r"\1", t)  # "- 58.80": Excel's accounting print of −58.80, never a label "-"
    if not t:
        return t, ParsedValue(raw, ValueKind.BLANK)
    if not plain:
        unreadable = _unreadable_text(raw, t)
        if unreadable is not None:
            return t, unreadable
    if (not plain and _PLACEHOLDER.match(t)) or t in _PLACEHOLDER_WORDS or to_simplified(t) in _PLACEHOLDER_WORDS:
        return t, ParsedValue(raw, ValueKind.PLACEHOLDER, text=t)  # "無" is 无
    return t, None


def blank_text(raw: str) -> bool:
    """`parse_value(raw).kind` is BLANK or PLACEHOLDER for this text ("", "/", "——", "无"), decided without parsing
    the rest: whether a name or a remark is filled in is asked of every row, often by several checks (issue 14).
    Cached by text up to CACHE_MAX_LEN characters, as parse_value."""
    return _blank_text_cached(raw) if len(raw) <= CACHE_MAX_LEN else _blank_text(raw)


@lru_cache(maxsize=65536)
def _blank_text_cached(raw: str) -> bool:
    return _blank_text(raw)


def _blank_text(raw: str, stable: bool | None = None) -> bool:
    """`blank_text` uncached; `stable`: `nfkc_stable(raw)` where the caller knows it (None: worked out here)."""
    if (_ASCII_DIGIT.search(raw) is not None or "".join(_CJK.findall(raw)) not in _PLACEHOLDER_PARTS) and (
        nfkc_stable(raw) if stable is None else stable
    ):
        # the text `_text_head` reads keeps each digit and ideograph (NFKC, spaces and control characters take none
        # away; `nfkc_stable`: it is simplified already): no placeholder word nor mark holds a digit, and these
        # ideographs spell none — an answer without normalising the text (issue 14: each distinct name, ≈ 12 k)
        return False
    try:
        head = _text_head(raw)[1]
    except Exception:  # parse_value reads text it cannot take apart as TEXT, which is not blank
        return False
    return head is not None and head.kind in (ValueKind.BLANK, ValueKind.PLACEHOLDER)


#: `blank_text` without its cache, for a text asked once: an indicator row's name (`RowFacts`: each name distinct and
#: asked once a run, where the cache's insert and eviction cost ≈ 3 k instructions a name for no second ask), given
#: its `nfkc_stable` where known.
blank_text_once = _blank_text

_SCALE_ALIASES = {"优秀": "优", "良好": "良", "中等": "中", "较低": "低", "较差": "差"}

# Operator words, longest first so "不低于" wins over "低于".
_PRE_OPS: tuple[tuple[str, Op], ...] = tuple(
    sorted(
        {
            ">=": Op.GE,
            "=>": Op.GE,
            "≥": Op.GE,
            "≧": Op.GE,
            "⩾": Op.GE,
            "≮": Op.GE,
            "不低于": Op.GE,
            "不少于": Op.GE,
            "不小于": Op.GE,
            "至少": Op.GE,
            "大于等于": Op.GE,
            "大于或等于": Op.GE,
            "达到": Op.GE,
            "达": Op.GE,
            "≯": Op.LE,
            "<=": Op.LE,
            "=<": Op.LE,
            "≤": Op.LE,
            "≦": Op.LE,
            "⩽": Op.LE,
            "不超过": Op.LE,
            "不高于": Op.LE,
            "不多于": Op.LE,
            "不大于": Op.LE,
            "小于等于": Op.LE,
            "小于或等于": Op.LE,
            "控制在": Op.LE,
            "最多": Op.LE,
            "至多": Op.LE,
            "不超": Op.LE,
            ">": Op.GT,
            "大于": Op.GT,
            "高于": Op.GT,
            "超过": Op.GT,
            "多于": Op.GT,
            "<": Op.LT,
            "小于": Op.LT,
            "低于": Op.LT,
            "少于": Op.LT,
            "==": Op.EQ,
            "=": Op.EQ,
            "═": Op.EQ,
            "等于": Op.EQ,
        }.items(),
        key=lambda kv: -len(kv[0]),
    )
)
_POST_OPS: tuple[tuple[str, Op], ...] = (
    ("及其以上", Op.GE),
    ("及以上", Op.GE),
    ("或以上", Op.GE),
    ("以上", Op.GE),
    ("及其以下", Op.LE),
    ("及以下", Op.LE),
    ("或以下", Op.LE),
    ("以下", Op.LE),
    ("以内", Op.LE),
    ("之内", Op.LE),
    ("内", Op.LE),
)
#: The last characters of the `_POST_OPS` words.
_POST_OP_ENDS = tuple({word[-1] for word, _ in _POST_OPS})
_POST_NOISE = ("(含)", "含", "左右", "上下", "以上(含)")
_GROWTH_WORDS: tuple[tuple[str, str], ...] = (
    ("同比增长", "up"),
    ("同比增加", "up"),
    ("同比提高", "up"),
    ("同比下降", "down"),
    ("同比减少", "down"),
    ("增长", "up"),
    ("增加", "up"),
    ("提高", "up"),
    ("提升", "up"),
    ("上升", "up"),
    ("增幅", "up"),
    ("递增", "up"),
    ("下降", "down"),
    ("降低", "down"),
    ("减少", "down"),
    ("压减", "down"),
    ("缩减", "down"),
    ("减幅", "down"),
    ("递减", "down"),
    ("降幅", "down"),
)
_NUMBER = re.compile(r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[-+]?\.\d+")
_DIGIT = re.compile(r"\d")
#: A year named as a comparison's base ("同比2022年", "较2021年度", "与2020年相比"): no date and no figure of the cell.
_COMPARED_YEAR = lazy_compile(r"(?:同比|相比|比|较|与)\s*(?:19|20)\d{2}\s*年度?(?:同期)?(?:相比)?")
#: A run of CJK unified ideographs. Asked whether a text holds one (`search`), is one (`fullmatch` of one character)
#: or is a clause (`fullmatch` of four or more): one pattern for the three — each CJK range a pattern holds costs
#: re's compiler ≈ 9.5 M instructions a process (a lone `[\u4e00-\u9fff]` twice that: its prefix charset), issue 14.
_CJK = re.compile(r"[\u4e00-\u9fff]+")
#: The unit after a figure: letters and words up to the next digit, space or separator — or an area/volume unit
#: NFKC spells with a digit ("㎡" → "m2", "m³" → "m3", "km2"), read whole: "300㎡" is 300 ㎡, not 300 米 then a 2.
_UNIT_PART = re.compile(r"^(?:(?:[kK]?[mM])[23](?![\d.])[^\d\s,;，。；、]*|[^\d\s,;，。；、]+)")
#: Whitespace between two Chinese characters, or between one and a digit or %: a PDF's letter spacing. Spelled as a
#: run between two of Chinese, % or digit that is not between two digits (the negative look-ahead): the same matches
#: as the two-alternative form `(?<=[C%])…(?=[C%\d])|(?<=[C%\d])…(?=[C%])` with two CJK ranges instead of four
#: (tests/test_regex18.py holds them equal).
_SPACED_OUT = lazy_compile(r"(?<=[\u4e00-\u9fff%\d])(?!(?<=\d)[ \u3000]+\d)[ \u3000]+(?=[\u4e00-\u9fff%\d])")


#: One percent written in Chinese numerals ("百分之九十五", "百分之九十九点五", "百分之一百"): its numerals.
_PERCENT_WORDS = lazy_compile(r"百分之([零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?)")


def percent_in_digits(text: str) -> str | None:
    """The text with its one "百分之<Chinese numerals>" written in digits ("≥百分之九十五" → "≥95%"); None when it
    holds none, more than one, or numerals that spell no number."""
    found = _PERCENT_WORDS.findall(text)
    if len(found) != 1:
        return None
    whole, _, decimals = found[0].partition("点")
    number = 100 if whole == "百" else chinese_int(whole)  # "百分之百": 100%
    if number is None:
        return None
    digits = str(number) + ("." + "".join(str(chinese_int(ch)) for ch in decimals) if decimals else "")
    return _PERCENT_WORDS.sub(digits + "%", text)


def _strip_edges(text: str) -> str:
    return text.strip(_PUNCT_EDGES)


# ---------------------------------------------------------------- parsers per vocabulary

_DEFAULT_PARSER: list[TextParser] = []
_PARSERS: dict[Vocabulary, TextParser] = {}
_BY_PROFILE: dict[int, tuple[Profile, TextParser]] = {}
_LAST: list[tuple[object, TextParser | None]] = [(object(), None)]  # (profile, parser) of the previous call


def _parser_for(profile: ProfileLike) -> TextParser:
    """The cached text parser for a profile's qualitative vocabulary (national when None)."""
    last_profile, last_parser = _LAST[0]
    if profile is last_profile and last_parser is not None:
        return last_parser  # the hot path of a batch: same profile as the previous cell
    if profile is None:
        if not _DEFAULT_PARSER:
            _DEFAULT_PARSER.append(_parser_for(load_profile()))
        return _DEFAULT_PARSER[0]
    if not hasattr(profile, "settings"):
        profile = resolve_profile(profile)
    profile = cast("Profile", profile)
    hit = _BY_PROFILE.get(id(profile))
    if hit is not None and hit[0] is profile:
        parser = hit[1]
    else:
        vocab = profile.settings.vocabulary
        cached = _PARSERS.get(vocab)
        if cached is None:
            cached = lru_cache(maxsize=131072)(_make_text_parser(vocab))
            _PARSERS[vocab] = cached
        parser = cached
        _BY_PROFILE[id(profile)] = (profile, parser)
    _LAST[0] = (profile, parser)
    return parser


def _make_text_parser(vocab: Vocabulary) -> Callable[[str], ParsedValue]:
    tiers, scale, yes_labels, no_labels = vocab
    exact: dict[str, tuple[int, str]] = {}
    contains: list[tuple[str, int, str]] = []
    for index, canonical, aliases, contains_words, _low in tiers:
        for alias in (canonical, *aliases):
            exact.setdefault(normalise_text(alias), (index, canonical))
        contains.extend((normalise_text(w), index, canonical) for w in contains_words)
    contains.sort(key=lambda c: -len(c[0]))
    lows = sorted(((low, index) for index, _l, _a, _c, low in tiers), reverse=True)
    scale_map = dict(scale)
    yes = {normalise_text(y) for y in yes_labels}
    no = {normalise_text(n) for n in no_labels}

    def tier_of_share(share: Decimal) -> int | None:
        return next((index for low, index in lows if share >= low), None)

    def parse_text(raw: str) -> ParsedValue:
        t, head = _text_head(raw)
        if head is not None:
            return head
        key = to_simplified(_strip_edges(t).replace(" ", ""))  # "達成年度指標" is the tier 达成年度指标
        if key in exact:
            index, canonical = exact[key]
            return ParsedValue(raw, ValueKind.QUALITATIVE, tier=index, label=canonical, text=t)
        if key in yes or key in no:
            return ParsedValue(raw, ValueKind.QUALITATIVE, tier=0 if key in yes else len(lows) - 1, label=key, text=t)
        scale_key = _SCALE_ALIASES.get(key, key.rstrip("等级") or key)
        if scale_key in scale_map:
            share = scale_map[scale_key]
            return ParsedValue(
                raw, ValueKind.QUALITATIVE, tier=tier_of_share(share), share=share, label=scale_key, text=t
            )
        # "同比2022年销量显著提高": the year a comparison names is its base — no deadline, no figure (gaps16)
        bare = _COMPARED_YEAR.sub("", to_simplified(t)) if _DIGIT.search(t) else t
        bare = t if bare == to_simplified(t) else bare
        if _DIGIT.search(bare):
            date = parse_date(t) if bare == t else None
            if date is None and bare == t and "注" in t and (noted := _NOTE_IN_BRACKETS.sub("", t)) != t:
                date = parse_date(noted)  # "2022年12月30日（注：据统计）": the date beside its note (read24)
            if date is not None:
                parts, deadline = date
                return ParsedValue(raw, ValueKind.DATE, op=Op.LE if deadline else None, date=parts, text=t)
            if bare == t:
                return _parse_number_text(raw, t)
            # "较2022年增长10%": the figure is the 10%, read as "增长10%" is — a year after 较/比/同比/与 is a year,
            # never the cell's number (lost17: 2022 was read as its number, "年增长" as its unit)
            return dataclasses.replace(_parse_number_text(raw, bare.strip()), text=t)
        if "分之" in t and (worded := percent_in_digits(to_simplified(t))) is not None:
            # "百分之九十五", "≥百分之九十": the percent in Chinese numerals, read as "95%" is (review31w)
            return dataclasses.replace(_parse_number_text(raw, worded), text=t)
        for word, index, canonical in contains:
            if word in key:
                return ParsedValue(raw, ValueKind.QUALITATIVE, tier=index, label=canonical, text=t)
        kind = ValueKind.QUALITATIVE if _CJK.search(t) else ValueKind.TEXT
        return ParsedValue(raw, kind, label=key, text=t)

    return parse_text


_LATIN = lazy_compile(r"[A-Za-z]+")
_LATIN_THEN_DIGIT = lazy_compile(r"^([A-Za-z]+)(\d?)(?=[\d%.])")
#: An exponent written after a figure ("1E+309", "2.5E-07"): scientific notation as Excel shows a number (issue 12).
_EXPONENT = lazy_compile(r"^[eE][+-]?\d+")


#: Marks that never stand before a figure in a form, so one glued to it is damage (OCR of ≥, a slipped key).
_STRAY_SYMBOLS = "^`|\\@&_?"  # not "#": "#5" numbers a building or a lot


_DOTTED_DATE = lazy_compile(r"((?:19|20)\d{2})\.(\d{1,2})\.(\d{1,2})")


def _dotted_date(token: str) -> bool:
    """True when `token` is a calendar date written with points ("2021.1.1", "2021.12.31")."""
    m = _DOTTED_DATE.fullmatch(token)
    if m is None:
        return False
    year, month, day = (int(g) for g in m.groups())
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _garbled(t: str, m: re.Match[str]) -> str | None:
    """The damaged token when the number at `m` does not parse cleanly, else None.

    Typing or OCR damage glues a stray letter or point to the digits, or drops the integer digits: "M.8万元"
    (not 0.8), ".5" (not 0.5: Excel shows 0.5, a printed table too), "1O0人"
    (not 1), "10O" and "4Z" (not 10, 4), "1.2.3万元", "7,00.0,77" (commas that separate no thousands). Letters that form a unit
    ("12.5km", "100m2") or a word ("PM2.5") are not damage.
    """
    start, end = m.start(), m.end()
    before, after = t[:start], t[end:]
    glued_left = (
        before[-1:].isascii()
        and before[-1:].isalpha()
        and not (len(before) >= 2 and before[-2].isascii() and before[-2].isalpha())
    ) or (before[-1:] != "" and before[-1:] in _STRAY_SYMBOLS)  # "^80%": a scanned ≥ read as a stray mark
    if not _only_operator(before[:-1] if glued_left else before):
        return None  # a number inside a phrase ("完成系统V2.0升级") is not a damaged figure
    # (each pattern below tried only where its first character or a character it needs is there: most figures have
    # none of them after the digits — a text's first parse, issue 14)
    exponent = None if glued_left or after[:1] not in ("e", "E") else _EXPONENT.match(after)
    if exponent is not None:
        # "1E+309": scientific notation past Excel's range (no cell holds it; an overflow shown as text) — the same
        # damage as "1e999", never the figure 1 with a unit "E+" (docs14); within it ("2.5E+07") a figure, read whole
        # by `_parse_number_text` (polish14)
        figure = t[start : end + exponent.end()]
        return figure if to_decimal(figure) is None else None
    if not glued_left and m.group().lstrip("+-").startswith("."):  # ".5", ".06万元": integer digits lost
        return m.group()
    if not glued_left and after[:1] == "," and after[1:2].isdigit():
        # "7,00.0,77" (岳阳县 2020): a comma where no thousands separator fits (the pattern took the valid groups) in a
        # figure with a decimal point — "1,2月" (January and February), "2,3" list numbers and are not damage
        hi = end
        while hi < len(t) and (t[hi].isdigit() or t[hi] in ",."):
            hi += 1
        if "." in t[start:hi]:
            return t[start:hi]
    if glued_left or before.endswith(".") or (after[:1] == "." and after[1:2].isdigit()):
        lo = start - 1 if glued_left or before.endswith(".") else start
        hi = end + (2 if after[:1] == "." else 0)
        while hi < len(t) and (t[hi].isdigit() or t[hi] == "."):
            hi += 1
        return t[lo:hi]
    if after[:1] == "." and after[1:2] in _LOOKALIKES and not (after[2:3].isascii() and after[2:3].isalpha()):
        return t[start : end + 2]  # "46.O", "5.O%": a zero read as the letter O after the point, never 46 or 5
    bracketed = _LETTERS_IN_BRACKETS.match(after) if "(" in after else None
    if bracketed is not None and bracketed.group(1).isupper() and lookup(bracketed.group(1)) is None:
        return t[start : end + bracketed.end()]  # "4(B)": a column's letter (全年执行数(B)) or a note lost, never 4
    run = _LATIN_THEN_DIGIT.match(after) if after[:1].isascii() and after[:1].isalpha() else None
    if run is not None:
        unit = run.group(1) + run.group(2)
        if lookup(unit) is None and lookup(run.group(1)) is None:
            hi = end + len(run.group(0))
            while hi < len(t) and (t[hi].isdigit() or t[hi] in ".%"):
                hi += 1
            return t[start:hi]
    if after[:1] in _LOOKALIKES and not (after[1:2].isascii() and after[1:2].isalpha()) and not _letter_code(after):
        return t[start : end + 1]  # "10O万元", "4Z", "1l场": a scanned digit read as its letter, never "4 Z"
    return None


#: Latin letters alone in brackets right after a figure ("4(B)", "21980（B）人"): no unit ("(km)" is one) and no note in
#: words ("(含2户)"), so the figure's reading is unsure — a header's column letter copied in, or a note lost. Only capitals
#: are such letters: "24(h)", "5(mg)", "3(ha)" write a unit in lower case, read as typed (review13t).
_LETTERS_IN_BRACKETS = lazy_compile(r"\s*\(([A-Za-z]+)\)")


def beyond_range(p: ParsedValue) -> ParsedValue:
    """`p`, or when its figure lies beyond Excel's range (thousands of digits: no cell of a form holds it, and Python's
    int-str limit is 4,300 digits) the same text unread — TEXT with a `reason`, damaged, as a number that does not
    parse cleanly (`_parse_number_text`): one finding (C02/I12), nothing computed with it (gaps13). The rules read
    every cell through it (`rules.context.Context.parsed`); `parse_value` itself keeps the figure as typed."""
    overflowed = _overflowed(p)
    if overflowed is not p or p.number is None or to_decimal(p.number) is not None:
        return overflowed
    digits = len(format(p.number, "f").lstrip("-").replace(".", ""))
    return dataclasses.replace(
        p,
        kind=ValueKind.TEXT,
        number=None,
        op=None,
        unit=None,
        reason=f"中的数字有 {digits} 位，超出 Excel 可表示的范围（疑为录入或粘贴错误），未作为数值读取",
        reason_en=f"holds a figure of {digits} digits, beyond Excel's range (a typing or paste error?); it was not "
        "read as a value",
        damaged=True,
    )


def _overflowed(p: ParsedValue) -> ParsedValue:
    """`p`, or when its number cell overflowed to infinity (Excel's "1E+309" typed as a number reads as inf) the same
    damaged TEXT as `beyond_range`'s: one finding (C02), never inf in arithmetic (gaps14). The text "1E+309" is
    damage already in `parse_value` (`_garbled`'s exponent branch): one mechanism for text, this one for floats."""
    raw = p.raw
    overflowed = raw.__class__ is float and (raw != raw or raw in (float("inf"), float("-inf")))
    if not overflowed:
        return p
    return dataclasses.replace(
        p,
        kind=ValueKind.TEXT,
        number=None,
        op=None,
        unit=None,
        text=str(raw),
        reason=_BEYOND_RANGE,
        reason_en=_BEYOND_RANGE_EN,
        damaged=True,
    )


#: Why a figure past Excel's range ("1E+309" as text, or a number cell that overflowed) is not read as a value.
_BEYOND_RANGE = "中的数字超出 Excel 可表示的范围（疑为录入或粘贴错误），未作为数值读取"
_BEYOND_RANGE_EN = "holds a figure beyond Excel's range (a typing or paste error?); it was not read as a value"
#: A figure in E notation ("1E+309", "-2.5e400"), as Excel prints one too large for its column.
_E_NOTATION = lazy_compile(r"[+-]?(?:\d+\.?\d*|\.\d+)[eE][+-]?\d+")


#: Two or more Latin letters right before a figure's digits ("PM2.5", "IO2"): a name or code, not a quantity.
_CODE_LETTERS = re.compile(r"[A-Za-z]{2,}$")


def _letter_code(after: str) -> bool:
    """True when the letter after the digits is a name's, not a damaged digit: a litre ("5l", "5l/人/天") or a code
    the next word names ("3B楼", "1B级", "2B铅笔", "6B型")."""
    return (after[:1] == "l" and after[1:2] in ("", "/")) or after[1:2] in _CODED


#: Letters OCR makes of a digit (O/o 0, l/I 1, Z 2, b 6, B 8) and that no unit is: one alone after the digits is a
#: damaged digit ("4Z" for 42, "1l场" for 11场 — probe_defects garbled_inside). Not S or g: "5S管理", "4S店", "500g".
_LOOKALIKES = frozenset("OolIZbB")
#: Words a digit-and-letter code names (review12c): a building "3B楼", a grade "1B级", a pencil "2B铅笔", a model "6B型".
_CODED = frozenset("楼栋座室区级型类号款版档铅")


def _only_operator(prefix: str) -> bool:
    """True when `prefix` is nothing but an operator and/or growth word ("≥", "不低于", "同比增长")."""
    rest = _strip_edges(prefix.strip())
    op, rest = _take_pre_op(rest)
    for word, _ in _GROWTH_BY_LAST.get(rest[-1:], ()):
        if rest.endswith(word):
            rest = rest[: -len(word)].strip()
            break
    if op is None:
        _, rest = _take_pre_op(rest)
    return not _strip_edges(rest)


#: A figure alone in brackets ("(1.00)", "（2,300）"): in a finance table's figure cell the accounting print of a
#: negative; elsewhere it may as well be a note or a number — its sign is not printed.
_BRACKETED_FIGURE = lazy_compile(r"\s*[（(]\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*[)）]\s*")
_BRACKETED_REASON = "中的数字写在括号内，可能是负数（会计记法），也可能是注释，正负无法确定，未作为数值读取"
_BRACKETED_REASON_EN = "holds a figure in brackets: a negative in accounting print, or a note; its sign is unknown"


def bracketed_figure(text: str) -> Decimal | None:
    """The figure of a cell printing only a bracketed figure ("(1.00)" → 1.00, as printed, unsigned); None otherwise.
    The caller decides its sign by the table it stands in (a 部门预决算 table: negative)."""
    if "(" not in text and "（" not in text:
        return None
    m = _BRACKETED_FIGURE.fullmatch(text)
    return Decimal(m.group(1).replace(",", "")) if m else None


#: Digits with a space inside ("12 3.4", "2023 100", "977 .30"), from the first figure of a cell on.
_SPACED_DIGITS = lazy_compile(r"[-+]?[\d.,]+(?: +[\d.,]+)+")


#: A change or rate printing its direction in a mark the number parser does not sign (review b19v): a minus other than
#: "-" (−, –, －) or one spaced from its figure ("- 58.80"), a word before it (减少58.80, 降6.0%), an arrow or triangle
#: before or after it (↓6.0%, 6.0%↓, ▼58.80 — the up and down triangles of typeset reports, issue 11) — and the same for
#: a rise ("+", 增加, ↑, ▲). Accounting brackets ("(3.51)", "（6.0%）") are a minus by convention only.
#: (Each gated by the marks every match holds, perf20c: a bare "140%" compiles none of the four — ≈ 11 M instructions of
#: compiling at a 10,000-row run, issue 14; tests/test_review20b.py proves the gates from the patterns.)
_DOWN_MARK = lazy_compile(
    r"^(?:[-−–－﹣]|减少|下降|降低|减|降|[↓▼▽⬇])\s*[\d.]|[\d.%％]\s*[↓▼▽⬇]$",
    needs=("-", "−", "–", "－", "﹣", "减", "降", "↓", "▼", "▽", "⬇"),
)
_UP_MARK = lazy_compile(
    r"^(?:[+＋]|增加|增长|上升|提高|增|升|[↑▲△⬆])\s*[\d.]|[\d.%％]\s*[↑▲△⬆]$",
    needs=("+", "＋", "增", "升", "提", "↑", "▲", "△", "⬆"),
)
_BRACKETED = lazy_compile(r"^[(（]\s*[\d.,]+\s*[%％]?\s*[)）]$", needs=("(", "（"))
#: A dash before a figure ("—58.80", "——6.02%"): a minus by convention only — a dash also marks a blank or a line's
#: start (review19d).
_DASHED = lazy_compile(r"^[—―⸺]{1,2}\s*[\d.,]+\s*[%％]?$", needs=("—", "―", "⸺"))


#: The hyphens a spaced sign prints ("- 1036", "－ 1036人"): a minus, or a list's dash (`spaced_minus`).
_SPACED_SIGNS = frozenset("-－﹣")
#: A minus spaced from the figure it stands before ("- 1036", "－ 5%"): a hyphen, a full-width or a small hyphen-minus,
#: then a space — as likely a list's dash or a placeholder before the figure as a minus (sign21). Not U+2212 "−", a
#: minus sign only, and not a glued "-1036", whose sign the text makes certain.
_SPACED_MINUS = lazy_compile(r"^\s*[-－﹣]\s+[\d.]", needs=("-", "－", "﹣"))


#: A dash right before the figure ("—1036人次", "–5%", "—— 1036", "―1036", "≥—1036"): an em, en, horizontal-bar,
#: figure, two-/three-em dash or a Unicode hyphen (hyphen-minuses beside it: "-—1036"), glued or spaced, perhaps after
#: an operator — a minus by convention only, as likely a list's dash or a placeholder before the figure (read23; before,
#: the dash went into the label and the cell read +1036 with no word). A dash before words ("—完成1036人次") or before an
#: operator ("—≥1036人") is a list's dash, no minus: the figure stands as read. No two loops over one character: linear.
_DASH_BEFORE_FIGURE = lazy_compile(
    r"^(?:\s*[<>≤≥＜＞]=?)?[-\s]*[—–―‒⸺⸻‐‑][—–―‒⸺⸻‐‑\-\s]*[\d.]", needs=("—", "–", "―", "‒", "⸺", "⸻", "‐", "‑")
)
#: The first character of a label `_DASH_BEFORE_FIGURE` may have left before a figure (`Context.parsed` asks).
LEADING_DASHES = frozenset("—–―‒⸺⸻‐‑-")
#: A dash after the figure as well: the first is one of a list's dashes ("—1036人次；—95%", "—1036人次\n—合格率95%"), a
#: page marker's or a frame's ("— 1 —", "—— 1036 ——") — never a minus, so the figure stands as read (review23a).
_DASH_AFTER = lazy_compile(r"[—–―‒⸺⸻‐‑]")
#: The same after an operator in any spelling the parser reads ("≧—735", "大于等于—5%", "不低于—5%"; `_DASH_BEFORE_FIGURE`
#: knows the symbols ≥ ≤ > < only — review23a: "≧—735" read +735 with no word while "≥—735" was unread), and a hyphen
#: spaced from the figure after one ("≥- 1000人", "≥ - 5%": read +1000 while "- 1000人" is unread, sign21). Asked only
#: where the parser found an operator and left the dash as the label; the operator's run is at most six characters.
_OPERATED_DASH = lazy_compile(
    r"^\s*[^\d.\s—–―‒⸺⸻‐‑\-－﹣]{1,6}[-\s]*[—–―‒⸺⸻‐‑][—–―‒⸺⸻‐‑\-\s]*[\d.]",
    needs=("—", "–", "―", "‒", "⸺", "⸻", "‐", "‑"),
)
_OPERATED_HYPHEN = lazy_compile(r"^\s*[^\d.\s—–―‒⸺⸻‐‑\-－﹣]{1,6}\s*[-－﹣]\s+[\d.]", needs=("-", "－", "﹣"))


def spaced_minus(p: ParsedValue) -> ParsedValue:
    """`p` unread when its figure's sign rests on a mark that is a minus by convention only, with a reason naming
    both readings; else `p` itself: a minus spaced from the figure ("- 1036": −1036, or 1036 after a list's dash —
    the cell does not say which) or a dash before it ("—1036人次": −1036 or, after a list's dash or a placeholder,
    1036 — read23), after an operator in any spelling too ("≧—735", "≥- 1000人": review23a). A finance table's
    figure cell and a change column read such a sign as a minus by their convention (`Context.number`): the caller
    does not ask there."""
    raw, number = p.raw, p.number
    if number is None or raw.__class__ is not str:
        return p
    if number > 0 and p.label is not None and p.label[0] in LEADING_DASHES:
        operated = p.op is not None
        dashed = _DASH_BEFORE_FIGURE.search(raw) or (_OPERATED_DASH.search(raw) if operated else None)
        if dashed is not None:
            return p if _DASH_AFTER.search(raw, dashed.end()) else _dashed_figure(p)
        if not operated or not _OPERATED_HYPHEN.search(raw):
            return p
        # "≥- 1000人": the spaced hyphen after an operator, read as sign21's "- 1000人" is
        plus = dataclasses.replace(p, label=None).display()
        p = dataclasses.replace(p, number=-number, label=None)
        minus = p.display()
    elif number >= 0 or not _SPACED_MINUS.search(raw):
        return p
    else:
        minus, plus = p.display(), dataclasses.replace(p, number=-number).display()
    return dataclasses.replace(
        p,
        kind=ValueKind.TEXT,
        number=None,
        text=p.text or raw.strip(),
        reason=f"符号“-”与数字之间有空格，可能是负数 {minus}，也可能是列表符号或占位符后的 {plus}，无法确定，"
        "未作为数值读取",
        reason_en=f"a minus spaced from its figure: {minus} or, after a list's dash, {plus} — the cell does not say "
        "which; it was not read as a value",
        damaged=True,
    )


def note_free(text: str) -> str:
    """`text` (a parsed value's normalised text) without its bracketed notes ("12月(注:据年度统计)" → "12月"): a check
    matching a value's whole text ("12月" a deadline) reads it as the parser read its figure or date (read24)."""
    return _NOTE_IN_BRACKETS.sub("", text) if "注" in text else text


def sign_readings(raw: Any, profile: ProfileLike = None) -> tuple[ParsedValue, ParsedValue] | None:
    """The two readings of a figure `spaced_minus` leaves unread for its sign ("—800人", "- 1036", "≥—5%"): (the mark a
    list's dash or a placeholder: +n, the mark a minus: −n), the dash dropped from the label; None for any other cell
    (issue 11, read24: a row judged under both, its verdict certain only where they agree — `Context._read_row`)."""
    if raw.__class__ is not str:
        return None
    plain = beyond_range(parse_value(raw, profile))
    number = plain.number
    if number is None or spaced_minus(plain) is plain:
        return None
    label = (plain.label or "").lstrip("".join(LEADING_DASHES) + " ") or None
    plus = dataclasses.replace(plain, number=abs(number), label=label)
    return plus, dataclasses.replace(plus, number=-abs(number))


def _dashed_figure(p: ParsedValue) -> ParsedValue:
    """`p` (a figure read +, its label the dash before it) unread, the reason naming both readings."""
    plus = dataclasses.replace(p, label=None).display()
    minus = dataclasses.replace(p, number=-p.number if p.number is not None else None, label=None).display()
    dash = p.label.replace(" ", "") if p.label else "—"
    return dataclasses.replace(
        p,
        kind=ValueKind.TEXT,
        number=None,
        text=p.text or str(p.raw).strip(),
        reason=f"数字前的“{dash}”可能是负号（负数 {minus}），也可能是列表符号或占位符（{plus}），无法确定，"
        "未作为数值读取",
        reason_en=f"a dash before its figure: a minus ({minus}) or a list's dash or placeholder ({plus}) — the cell "
        "does not say which; it was not read as a value",
        damaged=True,
    )


def printed_sign(raw: Any) -> tuple[int, str]:
    """(+1 | −1, how a change or rate cell shows it) — the one reading of a printed direction (B19's, and any change
    column's): "marked" when it prints a direction (a number cell's or a figure's minus, "+", a word, an arrow or
    triangle), "bracketed" for accounting brackets and "dashed" for a dash before the figure (a minus by convention),
    "bare" for an unsigned figure (a rise — or a size, where its column prints no sign on any line)."""
    if not isinstance(raw, str):
        number = to_decimal(raw)
        return (-1, "marked") if number is not None and number < 0 else (1, "bare")
    text = to_simplified(raw).strip()
    if _DOWN_MARK.search(text):
        return -1, "marked"
    if _UP_MARK.search(text):
        return 1, "marked"
    if _DASHED.match(text):
        return -1, "dashed"
    return (-1, "bracketed") if _BRACKETED.match(text) else (1, "bare")


def _parse_number_text(raw: str, t: str) -> ParsedValue:
    """Text holding a number: operator and growth words before it, unit and 以上/以内 after it.

    A number that does not parse cleanly ("M.8万元") is TEXT with a `reason`, never a guess (issue 11). Note marks
    beside the figure ("100①", `_NOTE_MARK`) are no digits of it: read without them, shown with them.
    """
    if _NOTE_MARK.search(t) is not None or ("注" in t and _NOTE_IN_BRACKETS.search(t) is not None):
        unmarked = _NOTE_MARK.sub("", _NOTE_IN_BRACKETS.sub("", t))  # "100人(注②)": the note whole, not "(注)" left
        if _DIGIT.search(unmarked) is None:
            return ParsedValue(raw, ValueKind.TEXT, text=t)
        return dataclasses.replace(_parse_number_text(raw, unmarked), text=t)
    m = _NUMBER.search(t)
    if m is None:  # digits but no parsable number (e.g. "1e")
        return ParsedValue(raw, ValueKind.TEXT, text=t)
    spaced = _SPACED_DIGITS.match(t, m.start()) if " " in t[m.end() : m.end() + 1] else None
    if spaced is not None and _only_operator(t[: m.start()]):
        # "12 3.4", "2023 100", "977 .30": digits with a space inside that no grouping in threes explains
        # (`join_digit_groups` read those) — one figure mistyped, or two; never the first alone (issue 11: "1 036.53"
        # was read as 1)
        token = spaced.group()
        where = "" if token == t.strip() else f"中的数字“{token}”"
        return ParsedValue(
            raw,
            ValueKind.TEXT,
            text=t,
            reason=f"{where or '数字'}中间有空格，是一个数还是几个数无法确定（疑为录入或排版错误），未作为数值读取",
            reason_en=f"holds {token!r}, digits with a space inside: one figure or several, it cannot be told; it was "
            "not read as a value",
            damaged=True,
        )
    if t[:1] in "(（" and bracketed_figure(t) is not None:
        # "(1.00)": a negative (accounting print) or a note — never +1.00 unsaid (gaps18); a finance table's reader
        # gives it its sign (`Context.number` in a 部门预决算 table)
        return ParsedValue(
            raw, ValueKind.TEXT, text=t, reason=_BRACKETED_REASON, reason_en=_BRACKETED_REASON_EN, damaged=True
        )
    damaged = _garbled(t, m)
    if damaged is not None and _dotted_date(damaged):
        # "2021.1.1-12.31", "2021.12.31前": a date written with points inside a period or a deadline, not a damaged
        # number — text perfxl does not read as one value, with nothing to say about the figure
        return ParsedValue(raw, ValueKind.TEXT, text=t)
    if damaged is not None and _E_NOTATION.fullmatch(damaged):
        # "1E+309": past Excel's range (`_garbled`'s exponent branch) — said so, as a number cell's overflow is
        return ParsedValue(
            raw,
            ValueKind.TEXT,
            text=t,
            reason=_BEYOND_RANGE,
            reason_en=_BEYOND_RANGE_EN,
            damaged=True,
        )
    if damaged is not None:
        # the whole cell the damaged figure ("4(B)"): the message names it once ('得分“4(B)”无法识别为数字'), not twice
        where = "无法识别为数字" if damaged == t.strip() else f"中的数字“{damaged}”无法识别"
        return ParsedValue(
            raw,
            ValueKind.TEXT,
            text=t,
            reason=f"{where}（疑为录入或识别错误），未作为数值读取",
            reason_en=f"holds the number {damaged!r}, which does not parse cleanly (a typing or "
            "OCR error?); it was not read as a value",
            damaged=True,
        )
    # (letters, or a line end `$` may stand before, end the words before the figure: else no code)
    prefix = t[: m.start()]
    code = _CODE_LETTERS.search(prefix) if prefix[-1:].isalpha() or prefix[-1:] == "\n" else None
    if code is not None and _only_operator(t[: code.start()]):
        # "PM2.5", "IO2", "GB50300": two or more letters glued to the digits make a name or a code (or damage), not a
        # quantity — the digits alone would be a guess (review 12c: "PM2.5" as 2.5场, "IO2" as 2 were certain 错误)
        return ParsedValue(
            raw,
            ValueKind.TEXT,
            text=t,
            reason=f"中的“{code.group()}{m.group()}”是名称、编号还是录入错误无法判断，未作为数值读取",
            reason_en=f"holds {code.group() + m.group()!r}, a name, a code or a typing error; it was not read as a value",
            damaged=True,  # which it is, a person judges (I12/C02 a 警告)
        )
    # "2.5E+07": scientific notation within Excel's range, as Excel prints a big number in a narrow column — the figure
    # 25,000,000 (as `to_decimal` reads it), never 2.5 with a unit "E+"; past the range it is `_garbled`'s damage
    exponent = _EXPONENT.match(t[m.end() :]) if t[m.end() : m.end() + 1] in ("e", "E") else None
    end = m.end() if exponent is None else m.end() + exponent.end()
    try:
        number = Decimal(t[m.start() : end].replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the regex admits only valid literals
        return ParsedValue(raw, ValueKind.TEXT, text=t)
    # the words around the figure as the word lists are written: "不低於", "2天以內" are 不低于, 2天以内 (OpenCC)
    pre, post = to_simplified(t[: m.start()].strip()), to_simplified(t[end:].strip())
    if pre in _SPACED_SIGNS and number > 0 and t[1:2] == " ":
        # "- 1036人": a hyphen spaced from a figure with its unit is the sign "- 1036" reads (`_SIGN_SPACED`) — never
        # dropped unsaid (read22a: it was +1036); a 自评表's cell leaves it unread with both readings (`spaced_minus`)
        number, pre = -number, ""
    if pre.endswith("百分之") and not post.startswith(("%", "‰")):
        pre, post = pre[:-3].strip(), "%" + post  # "≥百分之95" is "≥95%" written in words (probe_variants pct_words)
    # "▼5%", "5%▲": a triangle glued to the figure, the cell's only mark, is its direction, as 下降/增长 are (sign21) —
    # spaced ("▲ 1036") or beside another operator or sign ("≥▲5%", "▲5%以上", "▼-5%") it may be a bullet and stays
    # a label, unread
    marked, pre, post = _glued_mark(t, m.start(), end, pre, post, number)
    op, pre = _take_pre_op(pre)
    direction = marked
    for word, dirn in _GROWTH_BY_LAST.get(pre[-1:], ()):
        if pre.endswith(word):
            direction, pre = dirn, pre[: -len(word)].strip()
            break
    if op is None:
        op, pre = _take_pre_op(pre)
    if op is None and pre:
        op, pre = _op_before_marks(pre)
    if op is None and "每" in pre and (lead := _OP_BEFORE_PERIOD.match(pre)):
        op, pre = _take_pre_op(lead[1])[0], lead[2]  # "≥每月1次": the bound of a per-period figure, before its period
    note = _NOTE_AT_END.search(post) if ")" in post else None
    if note is not None and not _DIGIT.search(post[: note.start()]) and not _tells_progress(note.group(0), number):
        post = post[: note.start()]  # "5人(含2户)": the figure and a note on it — the figure is the value (issue 11)
    elif note is None and ")" in post and (done := _DONE_NOTE.search(post)) is not None and not _DIGIT.search(post):
        post = post[: done.start()].strip()  # "100%（已完成）": the figure and a word that it is done — the figure
    elif "(" in post and (period := _PERIOD_NOTE.search(post)) is not None and not _DIGIT.search(post):
        # "38508人（全年）", or "72890（全年）" joined to its 计量单位 "元": the year the form is about, named again
        post = (post[: period.start()] + post[period.end() :]).strip()
    post_op, unit_text, extra, clause = _split_post(post)
    op = op or post_op
    unit = normalise_unit(unit_text) if unit_text else None
    num_unit, per = split_per(unit)
    kind = ValueKind.PERCENT if unit in ("%", "‰") or num_unit in ("%", "‰") else ValueKind.NUMBER
    if direction is not None and (num_unit in ("%", "‰", "百分点")):
        kind = ValueKind.GROWTH
    elif direction is not None:
        # "减少1036人次": a count's change keeps its way (read22a: it was dropped into the label, and a fall against
        # "增长≥1000人次" was scored as a rise of 1036, met) — the label keeps the word for the text
        pre = (pre + ("增加" if direction == "up" else "减少")).strip()
    label = _strip_edges(pre) or None
    if extra or (clause and label is not None and _CJK.search(label)):
        # more figures follow ("编印30本和1000"), or the figure sits inside a sentence — words before it and a clause
        # after ("向社会宣传中国共产党成立95周年来取得的成就"): a description, not a quantity in a unit
        kind = ValueKind.TEXT
    return ParsedValue(raw, kind, op=op, number=number, unit=unit, per=per, direction=direction, label=label, text=t)


#: The triangles of typeset tables and the way each points (▲△ a rise, ▼▽ a fall).
_MARK_WAYS = {"▲": "up", "△": "up", "▼": "down", "▽": "down"}


def _glued_mark(t: str, start: int, end: int, pre: str, post: str, number: Decimal) -> tuple[str | None, str, str]:
    """(the direction a triangle glued to the figure prints, or None; the words before and after it without the mark).
    Only a mark that is the cell's one word beside the figure, touching it ("▼5%", "▲1036", "5%▼", "58.80▽"): spaced
    ("▲ 1036"), beside an operator ("≥▲5%", "▲5%以上"), words ("▲完成1036") or a signed figure ("▼-5%") it may be a
    bullet or a second sign — left as it is, unread (sign21)."""
    if number < 0:
        return None, pre, post
    if pre in _MARK_WAYS and t[start - 1] == pre and post[-1:] not in _MARK_WAYS:
        post_op, _, extra, clause = _split_post(post)
        if post_op is None and not extra and not clause:  # "▲1036人", never "▲5%以上" or "▲5个乡镇的改造任务"
            return _MARK_WAYS[pre], "", post
    if not pre and post[-1:] in _MARK_WAYS and t[end:].rstrip() == post and post[:-1] in ("", "%", "％"):
        return _MARK_WAYS[post[-1]], pre, post[:-1]
    return None, pre, post


def mark_read(p: ParsedValue, profile: ProfileLike = None) -> tuple[str, str, ParsedValue] | None:
    """(the triangle, the way it was read — 下降/增长, `p` read with the mark as a bullet) when `p`'s direction is a
    triangle's glued to its figure ("▼8%": `_glued_mark`), else None. A ▲ is a bullet as often as a rise: a verdict
    resting on that reading is a guess (review21a: a 警告 at most, saying the mark was read as 下降/增长)."""
    if p.direction is None:
        return None
    text = p.text or (p.raw if isinstance(p.raw, str) else "")
    mark = next((m for m in _MARK_WAYS if m in text), "")
    if not mark:
        return None
    bare = parse_value(text.replace(mark, "", 1), profile)
    if bare.direction == p.direction:
        return None  # "▼下降8%": the word gives the direction, not the mark
    return mark, "下降" if p.direction == "down" else "增长", bare


#: A bracketed note in words ending a figure's words and holding figures of its own ("(含2户)", "(其中新建3个)"): a note
#: on the figure, not more figures of the value ("5(2)" stays unread).
_NOTE_AT_END = lazy_compile(r"\((?=[^()]*\d)(?=[^()]*[\u4e00-\u9fff])[^()]*\)$")
#: A note of no figure saying the value was reached ("100%（已完成）", "98%（达标）", review31w): the figure is the value.
#: "（未完成）", "（部分完成）" and other words stay unread (they may say the figure is not what was done).
_DONE_NOTE = lazy_compile(r"\((?:已|已经)?(?:全部|全面|按时|如期)?(?:完成|达标|达到|实现|办结|落实)\)$")
#: A note naming the period the 自评表 is about ("38508人（全年）", "≥95%（年度）"): the figure is the year's, as the
#: column's own header says (年度指标值) — read as the figure, never as the unit "人(全年" (probe_variants target_note);
#: before the unit too, where a 计量单位 column's unit is joined after it ("72890(全年)元").
#: Other periods ("（累计）", "（年均）", "（1-6月）") are another quantity and stay unread.
_PERIOD_NOTE = lazy_compile(r"\((?:全年|年度|全年度|本年|本年度|当年)\)")
#: A note telling how much of it is done ("10人(实际5人)", "5(其中2个未完成)", "10个(已建成6个)"): its figure may be the
#: very value asked for, so the cell is not one figure with a note — left unread (S11 says so), never scored as the
#: leading figure alone (review 11c: "10人（实际5人）" against ≥10人 read as 10, met — a shortfall silenced).
_NOTE_OF_PROGRESS = lazy_compile(r"实际|实有|完成|未|没|尚|已|剩|到位|达到|不足|差|在建|正在|进行中|推进中")
#: A date in a note ("2023年12月", "12月底", "1-12月"): when the work was done, not how much of it.
_NOTE_DATE = lazy_compile(
    r"\d{1,2}\s*[-—~至到]\s*\d{1,2}\s*月|\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?|\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?"
)
_NOTE_FIGURE = lazy_compile(r"\d+(?:\.\d+)?")


def _tells_progress(note: str, number: Decimal) -> bool:
    """A note telling how much is done (`_NOTE_OF_PROGRESS`) with a figure of its own other than the value's ("实际5人"
    beside 10): not "（2023年12月完成）" (a date: when, not how much) nor "（已完成8个）" beside 8 (the value itself) —
    those are notes on the figure, which stays the value (review 12: "90%（2023年12月完成）" against ≥95% at full marks
    was left unread, the shortfall silenced)."""
    if not _NOTE_OF_PROGRESS.search(note):
        return False
    return any(Decimal(f) != number for f in _NOTE_FIGURE.findall(_NOTE_DATE.sub("", note)))


#: An operator before a period word ("≥每月1次", "≤每季度2次"): the operator bounds the per-period figure.
_OP_BEFORE_PERIOD = lazy_compile(r"^(>=|<=|[≥≤><=＞＜＝≧≦])\s*(每[\u4e00-\u9fff]{1,3})$")


def _op_before_marks(pre: str) -> tuple[Op | None, str]:
    """(the operator printed before marks that stand between it and the figure, the marks) — "≤▼5%", "≥※5%", "≤●5%":
    the operator is printed, the mark (a bullet, a note mark, a triangle beside an operator: `_glued_mark`) stays a
    label, unread; else (None, `pre`). Before, "≤▼5%" was read with no operator and scored by the default "≥"
    (review21a: a false S07/D01 错误 on a 3% that met "≤5%")."""
    # Linear in len(pre) (hyph23: slicing and stripping `pre[:at]` at each step was quadratic on a long run of marks,
    # ≈ 1.3 s for "≥" + 100,000 "-"). The operator word holds no edge mark nor space, and only edge marks and spaces
    # may stand before it, so it starts right after `pre`'s leading run of them (`lead`) and ends, after the
    # whitespace `rstrip` takes, within `_PRE_OP_LONGEST` characters of it: only those ends are asked, once each.
    lead = 0
    while lead < len(pre) and (pre[lead] in _PUNCT_EDGES or pre[lead].isspace()):
        lead += 1
    at = end = len(pre)  # end: where `pre[:at].rstrip()` ends
    asked = -1
    while at > 1 and unicodedata.category(pre[at - 1])[0] in "SPZ" and pre[at - 1] not in "%％)）]】":
        at -= 1
        if end > at:
            end = at
            while end > 0 and pre[end - 1].isspace():
                end -= 1
        if end <= lead:
            break
        if end <= lead + _PRE_OP_LONGEST and end != asked:
            asked = end
            op, rest = _take_pre_op(pre[:end])
            if op is not None and not _strip_edges(rest):
                return op, pre[at:].strip()
    return None, pre


def _take_pre_op(pre: str) -> tuple[Op | None, str]:
    """The operator word `pre` ends with (longest first) and the text before it."""
    for word, op in _PRE_OPS_BY_LAST.get(pre[-1:], ()):
        if pre.endswith(word):
            return op, pre[: -len(word)].strip()
    return None, pre


def _by_last_char(words: tuple[tuple[str, T], ...]) -> dict[str, tuple[tuple[str, T], ...]]:
    """`words` grouped by their last character, order kept: an `endswith` test only tries words that can match."""
    out: dict[str, list[tuple[str, T]]] = {}
    for item in words:
        out.setdefault(item[0][-1], []).append(item)
    return {k: tuple(v) for k, v in out.items()}


_PRE_OPS_BY_LAST = _by_last_char(_PRE_OPS)
_PRE_OP_LONGEST = max(len(word) for word, _ in _PRE_OPS)
_GROWTH_BY_LAST = _by_last_char(_GROWTH_WORDS)


def _is_clause(text: str) -> bool:
    """Words after a figure that are a clause, not a unit ("周年来取得的成就"): four or more Chinese characters only."""
    return len(text) >= 4 and _CJK.fullmatch(text) is not None


#: A time limit: a time unit, 内/以内/之内, then what is done within it ("年内完成", "个工作日内办结") — the figure is the
#: limit (≤ that long), not a unit "年内完成" (issue 11: I05 said 'unknown unit 年内完成').
_TIME_LIMIT = lazy_compile(r"^([^\d内]{1,4}?)(?:以内|之内|内)[\u4e00-\u9fff]{1,6}$")


def _split_post(post: str) -> tuple[Op | None, str, bool, bool]:
    """(operator word after the number, unit text, True when more numbers follow, True when the words after the
    figure are a clause rather than a unit).

    A percent sign followed by words is a percent ("100%覆盖", "95%的企业完成": the words say what it covers); words
    after a figure that no unit and no count word with its noun explains ("95周年来取得的成就") are a clause."""
    m = _UNIT_PART.match(post)
    head = m.group() if m else ""
    rest = post[len(head) :]
    extra = bool(_DIGIT.search(rest))
    if "含" in head or "左右" in head or "上下" in head:  # (every `_POST_NOISE` word holds one of them)
        for noise in _POST_NOISE:
            head = head.replace(noise, "")
    op = None
    limit = _TIME_LIMIT.match(head) if "内" in head else None
    within = lookup(limit.group(1)) if limit is not None else None
    if limit is not None and within is not None and within.family in ("time", "workday"):
        return Op.LE, limit.group(1), extra, False  # "1年内完成": within 1 年, the words say what is done by then
    if head.endswith(_POST_OP_ENDS):
        for word, candidate in _POST_OPS:
            if head.endswith(word):
                op, head = candidate, head[: -len(word)]
                break
    head = _strip_edges(head)
    if head[:1] in ("%", "‰") and _CJK.fullmatch(head[1:2] or "-"):
        words = head[1:]  # "95%以上覆盖": the operator word may stand before the words
        op = op or next((o for w, o in _POST_OPS if len(w) > 1 and words.startswith(w)), None)
        return op, head[:1], extra, False
    led = _leading_unit(head)
    clause = len(head) >= 4 and _is_clause(head) and lookup(head) is None and count_of_noun(head) is None and not led
    # a clause, not a unit — but one led by a unit counts in it ("公里道路并通过验收": 公里); a shorter one joined by 的
    # counts in its head ("个乡镇的改造任务": 个乡镇, the rest says of what — issue 11: 12个 against it is a miss)
    head = led if len(head) > 8 else unit_of_clause(head)
    return op, head, extra, clause


def _leading_unit(words: str) -> str:
    """The unit of measure or count word `words` open with ("公里道路并通过验收" → 公里, "个乡镇的改造任务" → 个,
    "次绩效自评并形成报告" → 次), else "": the figure is counted in that unit and the rest says of what, so the figure is
    the quantity a target states and an actual reports ("完成全县15个乡镇的改造任务" against 12 is a shortfall, review
    10d; "建成5公里道路并通过验收" is 5 公里, not a bare 5 read in the actual's 米, review 11). A time word does not count
    ("95周年来取得的成就": 周 opens 周年, an anniversary in a description)."""
    for size in (3, 2, 1):
        unit = lookup(words[:size])
        if unit is not None:
            return words[:size] if unit.family != "time" else ""
    return ""


def unit_of_clause(unit: str) -> str:
    """The unit a figure is counted in when the words after it are a clause whose head is a unit or a count word with
    its noun, joined to the rest by 的 ("个乡镇的改造任务" → 个乡镇: "完成全县15个乡镇的改造任务" counts 乡镇 in 个, the rest
    says of what), else `unit` unchanged. The unit a check judges (I05) is that head, not the whole clause (issue 11);
    words no 的 divides ("个咕噜噜噜噜噜噜") stay one unknown unit."""
    head, of, _ = unit.partition("的")
    if not of or not _is_clause(unit) or lookup(unit) is not None or count_of_noun(unit) is not None:
        return unit
    return head if lookup(head) is not None or count_of_noun(head) is not None else unit


# ---------------------------------------------------------------- entry point


def parse_value(x: Any, profile: ProfileLike = None) -> ParsedValue:
    """Any cell value (str, int, float, Decimal, None, bool, date/datetime) → ParsedValue; never raises.

    `profile` only chooses the qualitative vocabulary (tier labels, aliases, 优良中低差 shares).
    """
    try:
        cls = x.__class__
        if cls is str:
            parser = _parser_for(profile)
            return parser(x) if len(x) <= CACHE_MAX_LEN else parser.__wrapped__(x)
        if cls is float or cls is int or cls is Decimal:
            return _parse_number(x)
        if cls is ParsedValue:
            return cast(ParsedValue, x)
        if x is None:
            return _BLANK
        if isinstance(x, bool):
            return ParsedValue(x, ValueKind.QUALITATIVE, tier=0 if x else 2, label="是" if x else "否")
        if isinstance(x, (int, float, Decimal)):
            return _parse_number(x)
        if isinstance(x, (_dt.date, _dt.datetime)):
            return ParsedValue(x, ValueKind.DATE, date=DateParts(x.year, x.month, x.day))
        return parse_value(str(x), profile)
    except Exception:
        return ParsedValue(x, ValueKind.TEXT, text=_safe_str(x))


_BLANK = ParsedValue(None, ValueKind.BLANK)


@lru_cache(maxsize=65536, typed=True)
def _parse_number(x: Any) -> ParsedValue:
    """A number cell from Excel (float via repr, so 89.974 stays 89.974); cached, as numbers repeat."""
    number = to_decimal(x)
    if number is None:
        return ParsedValue(x, ValueKind.TEXT, text=str(x))
    return ParsedValue(x, ValueKind.NUMBER, number=number)


def _safe_str(x: Any) -> str:
    try:
        return str(x)
    except Exception:
        return ""


#: Units a 度量单位 column gives a date ("月", "年月", "日期"): "2023.12" beside them is still a year and month (a money or
#: count unit — 万元, 个 — makes it an amount).
DATE_UNITS = frozenset({"年", "月", "年月", "年.月", "年/月", "日期", "时间"})
#: "2023.12", "≤2024.6": a year and a month joined by a point, as 时效 targets and actuals are often typed.
_DOTTED_YEAR_MONTH = lazy_compile(r"(?<![\d.．])((?:19|20)\d{2})[.．](\d{1,2})(?![\d.．])")


def dotted_year_month(p: ParsedValue) -> ParsedValue | None:
    """A text "2023.12" (no unit, or a unit of time) as the date it stands for — December 2023, its last day, as
    "2023年12月" reads — else None. Only typed text: a number cell 2023.1 may have lost the 0 of October; and not
    after ≥ or >: a deadline is at most a date, so "≥2023.5" is an amount's floor."""
    if (
        p.kind is not NUMBER
        or (p.unit is not None and p.unit not in DATE_UNITS)
        or p.number is None
        or not isinstance(p.raw, str)
        or (p.op is not None and p.op.name in ("GE", "GT"))  # "≥2023.5" is a floor of an amount, never a deadline
    ):
        return None
    m = _DOTTED_YEAR_MONTH.search(p.text)
    if m is None or not 1 <= int(m.group(2)) <= 12 or Decimal(f"{m.group(1)}.{m.group(2)}") != p.number:
        return None
    year, month = int(m.group(1)), int(m.group(2))
    day = calendar.monthrange(year, month)[1]
    return dataclasses.replace(p, kind=DATE, number=None, date=DateParts(year, month, day, "month"))
