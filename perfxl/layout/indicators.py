"""One 绩效指标 row's parts: declared 一级 weights ("产出指标(55分)") and the split 指标性质 | 指标值 |
度量单位 target joined into one text ("≥100%"), as 财预〔2021〕101号-style forms write them.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import TypeGuard

from ..chinese import CACHE_MAX_LEN, to_simplified
from ..grid import Grid
from ..model import CellValue, Level1Heading
from ..numbers import fmt_decimal, to_decimal
from ..patterns import lazy_compile
from ..units import normalise_unit
from ..values import ValueKind, parse_value
from . import headers as H
from .cells import is_number, row_labels

__all__ = [
    "parse_level1",
    "declared_points",
    "join_target",
    "nature_operator",
    "actual_in_unit",
    "second_nature",
    "pair_natures",
    "split_nature",
]

#: The weight closing a 一级 heading ("产出指标(55分)"), searched for: the name is what precedes the match. The figure
#: starts at a digit run's start and its digits are possessive, so a long run of digits is passed once (as the former
#: `^(.*?)…\d+…$` tried every start with every length: 100,000 digits in one cell took minutes, crash12).
_DECLARED = re.compile(r"[(\[]?\s*(?<!\d)(\d++(?:\.\d++)?)\s*分\s*[)\]]?\s*$")
_NATURE = {
    "≥": "≥",
    ">=": "≥",
    "≧": "≥",
    "≤": "≤",
    "<=": "≤",
    "≦": "≤",
    "=": "=",
    "＝": "=",
    ">": ">",
    "<": "<",
    "正向": "≥",
    "正向指标": "≥",
    "反向": "≤",
    "反向指标": "≤",
    "逆向": "≤",  # 逆向指标 is the other common name of a 反向 (ceiling) indicator
    "逆向指标": "≤",
    "负向": "≤",  # 正向/负向: the pair some forms print
    "负向指标": "≤",
    "越小越好": "≤",
    "越大越好": "≥",
    "大于等于": "≥",
    "小于等于": "≤",
    "等于": "=",
    "大于": ">",
    "小于": "<",
}
#: The words of `_NATURE` that say which side is better, not where the bound is (正向 │ = │ 8: 8, the more the better).
_DIRECTION_WORDS = frozenset(
    {"正向", "正向指标", "反向", "反向指标", "逆向", "逆向指标", "负向", "负向指标", "越小越好", "越大越好"}
)
_QUALITATIVE = ("定性", "定性指标")
_QUANTITATIVE = ("定量", "定量指标")  # a type, not an operator (重庆: 指标性质 | 定量指标)
_OPERATOR_CHARS = "≥≤><=≧≦＝＞＜"
#: A 计量单位 naming the answer kind of a yes/no indicator (吉林 评价表: 是/否 beside the target 是 or 否), not a unit: joined,
#: the target read "是是/否", a text no qualitative tier matches.
_ANSWER_KINDS = frozenset(("是/否",))


#: A budget system's code printed before the operator in 指标性质 (云南: "004 >=", "005 <=").
_SYSTEM_CODE = lazy_compile(r"^\s*\d{2,3}\s*(?=[≥≤><=≧≦＝＞＜])")


_PLAIN_NUMBER = lazy_compile(r"^\s*-?\d[\d,]*(?:\.\d+)?\s*$")
#: A figure with a note in brackets after it ("28（注：据年度统计）", "8(注1)"): the row's unit goes after the figure, before
#: the note (read24: "1（注：…）" took no unit — read unitless against "21万亩" — and the target read "21（注：…）万亩").
_FIGURE_THEN_NOTE = lazy_compile(
    r"^(\s*-?\d[\d,]*(?:\.\d+)?)(\s*[(（]\s*(?:备注|注释|注)(?![^()（）]{0,80}?(?:单位|元|万|亿|千))[^()（）]{0,80}[)）]\s*)$"
)  # (not a note naming a unit or a scale: `values._NOTE_IN_BRACKETS`)


def _with_unit(text: str, unit: str) -> str | None:
    """`text` (a plain figure, perhaps with a note after it) with `unit` after its figure; None for any other text."""
    if _PLAIN_NUMBER.match(text):
        return f"{text}{unit}"
    m = _FIGURE_THEN_NOTE.match(text)
    return f"{m.group(1)}{unit}{m.group(2)}" if m else None


def _states_unit(unit: CellValue | None) -> TypeGuard[CellValue]:
    """The 计量单位 cell states a unit: not blank, and no placeholder ("-", "/", "——": 湘西州特校 2023's 一体化 export prints
    "-" under 度量单位 on every line, the unit — where there is one — written in the 指标值 itself, "17元/人.每天")."""
    return unit is not None and not unit.is_blank and parse_value(unit.raw).kind is not ValueKind.PLACEHOLDER


def actual_in_unit(actual: CellValue, unit: CellValue | None) -> CellValue:
    """A plain number in 实际完成值 read in the row's 度量单位 (9500 beside 元 → "9500元", same place): the unit
    column is the unit of the row's values, so the actual never borrows the target's "1万元" instead."""
    if not _states_unit(unit) or actual.is_blank:
        return actual
    percent = unit.text.strip() in ("%", "％")
    if percent and not isinstance(actual.raw, str):
        return actual  # a number cell under "%": 1.0 may be Excel's 100% — scoring reads it against the % target
    text = fmt_decimal(to_decimal(actual.raw)) if is_number(actual.raw) else actual.text
    if _PLAIN_NUMBER.match(text):
        joined = f"{text}{unit.text}"
    elif "注" not in text or (noted := _with_unit(text, unit.text)) is None:
        return actual
    else:
        joined = noted
    if percent and (n := to_decimal(text)) is not None and 0 < n <= 1:
        return actual  # "0.96" typed under "%": 96% as a fraction or 0.96%? scoring reads it both ways
    return actual.with_raw(joined)


def nature_operator(nature: CellValue | None) -> CellValue | None:
    """The 指标性质 cell as its operator: a system code before it ("004 >=") is the system's, not the
    filer's operator, so the cell reads as ">=" (same place); anything else as read."""
    if nature is None or not isinstance(nature.raw, str):
        return nature
    m = _SYSTEM_CODE.match(nature.raw)
    if m is None:
        return nature
    return nature.with_raw(nature.raw[m.end() :].strip())


#: A direction word and an operator, one in brackets after the other ("正向指标（≥）", "≤(反向)").
_WORD_AND_OPERATOR = lazy_compile(r"^([^()]+)\(([^()]+)\)$")
#: The two side by side, bare or split by a slash ("正向指标≥", "正向/≤", "≥ 反向"; review 12: read as no operator, the
#: operator's own side scored with certainty though the word points the other way).
_WORD_BESIDE_OPERATOR = lazy_compile(
    rf"^([^{_OPERATOR_CHARS}/、,]+)[/、,]?([{_OPERATOR_CHARS}]+)$|^([{_OPERATOR_CHARS}]+)[/、,]?([^{_OPERATOR_CHARS}/、,]+)$"
)


def split_nature(nature: CellValue) -> tuple[CellValue, CellValue | None]:
    """One 指标性质 cell printing a direction word with its operator in brackets, either way round ("正向指标（≥）",
    "≤(反向)"), as (direction, operator) — the pair two columns give (`pair_natures`, `_bound`): agreeing, the operator
    is the bound; opposite ways ("反向指标（≥）"), both readings and I04. Review 11c: the whole text was read as no
    operator, the target "正向指标(≥)8人" scored against the default ≥ and I04 said '无效'. Else (nature, None)."""
    key = _key(nature.text) if isinstance(nature.raw, str) else ""
    m = _WORD_AND_OPERATOR.match(key) or _WORD_BESIDE_OPERATOR.match(key)
    if m is None:
        return nature, None
    a, b = (g for g in m.groups() if g is not None)
    word, op = (a, b) if a in _DIRECTION_WORDS else (b, a)
    if word not in _DIRECTION_WORDS or op in _DIRECTION_WORDS or op not in _NATURE:
        return nature, None
    return (
        nature.with_raw(word),
        nature.with_raw(op),
    )


def second_nature(grid: Grid, header_rows: tuple[int, ...], cols: dict[str, int]) -> dict[str, int]:
    """`cols` with "nature2": a second column whose header names the 指标性质 role (内蒙古 乌海 2021: 指标性质 │ 指标方向,
    正向 │ =). The first such column is "nature" (`detect.columns_by_role`); without this the other one went unread —
    its "=" or "≤" ignored, or a 正向 read where the form prints the bound beside it."""
    first = cols.get("nature")
    if first is None or "nature2" in cols:
        return cols
    taken = {c for k, c in cols.items() if not k.startswith("_")}
    for r in header_rows:
        for c, label in row_labels(grid, r):
            if c not in taken and H.match_role(label, H.INDICATOR_COLUMNS) == "nature":
                return {**cols, "nature2": c}
    return cols


def _kind(cell: CellValue) -> str:
    """ "operator" (≥ = 小于等于 …), "direction" (正向/反向 …), "type" (定量/定性), "blank" (or a placeholder) or "other"."""
    if cell.is_blank or parse_value(cell.raw).kind is ValueKind.PLACEHOLDER:
        return "blank"
    key = _key(cell.text)
    if key in _DIRECTION_WORDS:
        return "direction"
    if _is_type(key):
        return "type"
    return "operator" if key in _NATURE else "other"


def pair_natures(first: CellValue, second: CellValue) -> tuple[CellValue, CellValue | None]:
    """The row's two 指标性质-role cells (`second_nature`), in either order, as (nature, operator): the operator is the
    cell holding ≥ > = ≤ < when the other holds a direction, a type or other text (正向 │ = → 正向, =; 定量 │ ≥ → 定量, ≥);
    otherwise there is no separate operator and the nature is the cell that says most (a direction word over a type
    word or a blank, else the first)."""
    a, b = _kind(first), _kind(second)
    if a == b == "operator":
        return first, second  # ≥ │ ≤: two bounds, `_bound` joins them (or, pointing opposite ways, neither)
    if a == "operator" and b not in ("operator", "blank"):
        return second, first
    if b == "operator" and a not in ("operator", "blank"):
        return first, second
    if a == "blank" or (a == "type" and b == "direction"):
        return second, None
    return first, None


def _bound(nature: CellValue | None, operator: CellValue) -> str:
    """The target's operator from a direction/type cell and an operator cell (`pair_natures`): the operator is the
    bound and the direction word says which side of it is better — 正向 │ = │ 8 is ≥8, 反向 │ = │ 1 is ≤1, 正向 │ ≥ is ≥;
    beside 定量 or other text the operator as printed; beside 定性 none. Where the two say opposite things (正向 │ ≤,
    反向 │ ≥) there is none: which one the form means is not certain (`rules.direction`: both readings, I04 warns)."""
    op = _NATURE[_key(operator.text)]
    key = _key(nature.text) if nature is not None else ""
    if key in _QUALITATIVE:
        return ""
    if key in _NATURE and key not in _DIRECTION_WORDS:
        return _two_operators(_NATURE[key], op)
    if key not in _DIRECTION_WORDS:
        return op
    side = _NATURE[key]
    if op == "=":
        return side
    return op if (op in ("≥", ">")) == (side == "≥") else ""


def _two_operators(first: str, second: str) -> str:
    """One operator from two operator cells of a row (review 11c: 指标性质 ≥ │ 指标方向 ≤ read the first column's alone,
    an 错误 resting on the column order): the same one; beside "=" the other (= says where the bound is, ≥ which side
    is better, as 正向 │ =); ≥ beside > the lenient ≥ (they differ only at the bound itself, where no 错误 may rest on
    the choice); opposite ways none — which is meant is not certain (`rules.direction.columns_conflict`, I04)."""
    if first == second or second == "=":
        return first
    if first == "=":
        return second
    up = {"≥", ">"}
    if (first in up) != (second in up):
        return ""
    return first if first in ("≥", "≤") else second


def declared_points(text: str) -> Decimal | None:
    """The points a label states at its end, as `parse_level1` reads them ("目标 内容 (4分)", "（4 分）", "项目管理13分"
    → 4, 4, 13); None when it states none or is nothing but the points ("20分")."""
    folded = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text).replace("（", "(").replace("）", ")"))
    m = _DECLARED.search(folded)
    if not m or not m.start():
        return None
    try:
        return Decimal(m.group(1))
    except InvalidOperation:
        return None


def parse_level1(cell: CellValue) -> Level1Heading:
    """ "产出指标(55分)" / "效益指标（35分）" → name 产出指标, declared weight 55 (the name in simplified
    characters, so "產出指標" groups like 产出指标; the label cell keeps the text as typed)."""
    text = cell.text
    name, declared = _level1_parts(text) if len(text) <= CACHE_MAX_LEN else _level1_read(text)
    return Level1Heading(cell, name, declared)


def _level1_read(text: str) -> tuple[str, Decimal | None]:
    """A 一级 label's name and declared weight (`parse_level1`), read from its text alone."""
    text = unicodedata.normalize("NFKC", text).replace("（", "(").replace("）", ")")
    text = re.sub(r"\s+", "", text)
    m = _DECLARED.search(text)
    if m and m.start():
        try:
            return to_simplified(text[: m.start()].rstrip("([")), Decimal(m.group(1))
        except InvalidOperation:
            pass
    return to_simplified(text), None


#: `_level1_read` by text: a table repeats a handful of 一级 labels (产出指标, 效益指标 …) over its groups — 2,000 groups
#: at 10,000 rows, each label's NFKC (full-width brackets), regex passes and simplification done once (a Decimal is
#: immutable: one object serves each heading); bounded, a batch worker's stays small.
_level1_parts = lru_cache(maxsize=4096)(_level1_read)


def _unit_written(text: str, unit: str) -> bool:
    """The value already carries the unit after its last digit ("90％" / "%", "1000人次以上" / "人次")."""
    norm = unicodedata.normalize("NFKC", text).replace(" ", "")
    u = unicodedata.normalize("NFKC", unit).replace(" ", "")
    tail = norm[max((i for i, ch in enumerate(norm) if ch.isdigit()), default=-1) + 1 :]
    return bool(u) and u in tail


def _key(text: str) -> str:
    """The cell's words as `_NATURE` spells them: full-width forms folded, no spaces, simplified characters (正向指標
    is 正向指标, review 11c)."""
    return to_simplified(unicodedata.normalize("NFKC", text).replace(" ", ""))


def _is_type(key: str) -> bool:
    """定性/定量 (指标): the indicator's type, neither an operator nor a unit."""
    return key in _QUALITATIVE or key in _QUANTITATIVE


def _is_value_text(key: str) -> bool:
    """Words or figures ("基本建立", "好"), not an operator ("≥") or a placeholder ("/", "——")."""
    return any(ch.isalnum() for ch in key) and not any(ch in _OPERATOR_CHARS for ch in key)


_SPELLED = lazy_compile(r"\s*([^（(]+?)\s*[（(]\s*([^（()）]+?)\s*[）)]\s*")


def _spelled_out(unit: str) -> str:
    """A unit with its name in brackets, as 河北 forms print it under 单位(文字描述): "%(百分比)" → "%"."""
    m = _SPELLED.fullmatch(unit)
    if m and normalise_unit(m.group(1)) == normalise_unit(m.group(2)) is not None:
        return m.group(1)
    return unit


def join_target(
    target: CellValue, nature: CellValue | None, unit: CellValue | None, operator: CellValue | None = None
) -> CellValue:
    """指标性质 + 指标值 + 度量单位 → one target text at the 指标值 cell ("≥" + 100 + "%" → "≥100%").

    正向/反向 natures become ≥/≤; 定性 adds no operator; with a separate operator cell (`pair_natures`) the two give
    one operator (`_bound`). Blank parts leave the target as read. A type word in the
    计量单位 column ("定性") is no unit, nor is a yes/no answer kind ("是/否"), nor a bare number beside a value (I05
    reports that cell); and a 指标性质
    cell holding text that is no operator beside a blank 指标值
    ("项目持续期 │ 定性 │ 基本建立 │ ", 丰都 2022) is the value written one cell to the left: the target, at its cell.
    """
    op = ""
    if nature is not None and not nature.is_blank and parse_value(nature.raw).kind is not ValueKind.PLACEHOLDER:
        key = _key(nature.text)
        op = "" if _is_type(key) else _NATURE.get(key, _NATURE.get(nature.text, nature.text))
        if op == nature.text and target.is_blank and _is_value_text(key):
            return nature.with_raw(nature.text)
    if operator is not None:
        op = _bound(nature, operator)
    value = target.raw
    text = fmt_decimal(to_decimal(value)) if is_number(value) else ("" if target.is_blank else target.text)
    unit_text = "" if not _states_unit(unit) else unit.text
    if unit_text and (_is_type(_key(unit_text)) or _key(unit_text) in _ANSWER_KINDS):
        unit_text = ""
    unit_text = _spelled_out(unit_text) if unit_text else ""
    if unit_text and _PLAIN_NUMBER.match(unit_text) and any(ch.isdigit() for ch in text):
        # a bare number beside a figure is no unit (乌海 2021: 44,561 │ 44,561 would read "44,56144,561", no figure);
        # beside a bare operator ("≥" │ 95) it is the figure, joined as before
        unit_text = ""
    if unit_text and _unit_written(text, unit_text):
        unit_text = ""  # "100%" (or "90%以上") beside a 计量单位 "%" is one percent, not "100%%"
    if op and text and text[0] in _OPERATOR_CHARS:
        op = ""  # the value already carries its operator ("≥90%" beside "≥")
    if not text and not op and not unit_text:
        return target
    noted = (
        _with_unit(text, unit_text) if unit_text and "注" in text else None
    )  # "21万亩（注：…）", not "21（注：…）万亩"
    joined = f"{op}{noted or text + unit_text}" if text else f"{op}{unit_text}"
    return target.with_raw(joined)
