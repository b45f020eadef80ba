"""Which way an indicator's target points (≥ more is better, ≤ less is better), and how that was decided.

The operator in the cell (or the 指标性质 column, or a growth word) decides when there is one. Without it,
the indicator's name decides by the profile's `[direction]` word lists (受害率, 发生率 … lower is better;
能耗降低率, 覆盖率, 达标率 … higher is better; the word that ends last — the phrase's head — wins, the longer
on a tie: 安全事故处置率 is a 处置率). A name with a rate word in
neither list is unclear, and so is a target counted in a duration unit (5个工作日, 2小时: a limit or an amount
of service); any other name reads as the profile's `scoring.default_op`. A finding whose verdict
depends on a direction read from the name rests on a guess (`Certainty.GUESS`, at most 警告) and says so.
"""

from __future__ import annotations

import re
from typing import Any

from perfxl.chinese import to_simplified
from perfxl.profiles import Profile
from perfxl.records import record
from perfxl.values import GE, GROWTH, LE, Op, ParsedValue

__all__ = ["Direction", "infer_direction", "name_direction", "columns_conflict", "OPPOSITE"]

#: The reading tried against a guessed direction, to see whether the direction changes the verdict.
OPPOSITE = {Op.GE: Op.LE, Op.GT: Op.LE, Op.LE: Op.GE, Op.LT: Op.GE, Op.EQ: Op.EQ}
_NATURE = {
    "≥": Op.GE,
    ">=": Op.GE,
    "≧": Op.GE,
    "⩾": Op.GE,
    ">": Op.GT,
    "＞": Op.GT,
    "=": Op.EQ,
    "＝": Op.EQ,
    "═": Op.EQ,
    "﹦": Op.EQ,
    "≤": Op.LE,
    "<=": Op.LE,
    "≦": Op.LE,
    "⩽": Op.LE,
    "<": Op.LT,
    "＜": Op.LT,
    # the words forms print in a 指标性质/指标方向 column (the reader joins them as ≥/≤ too)
    "正向": Op.GE,
    "正向指标": Op.GE,
    "越大越好": Op.GE,
    "大于等于": Op.GE,
    "反向": Op.LE,
    "反向指标": Op.LE,
    "逆向": Op.LE,
    "逆向指标": Op.LE,
    "负向": Op.LE,
    "负向指标": Op.LE,
    "越小越好": Op.LE,
    "小于等于": Op.LE,
}
_OP_SYMBOL = {Op.GE: "≥", Op.GT: ">", Op.EQ: "=", Op.LE: "≤", Op.LT: "<"}
#: The words of `_NATURE` that say which side is better (正向/反向 …), not where the bound is.
_UP_WORDS = frozenset({"正向", "正向指标", "越大越好"})
_DIRECTION_WORDS = _UP_WORDS | {"反向", "反向指标", "逆向", "逆向指标", "负向", "负向指标", "越小越好"}
_UP = frozenset({Op.GE, Op.GT})


@record(frozen=True, slots=True)
class Direction:
    """The operator a target is scored with and where it came from.

    `source`: "operator" (in the cell or the 指标性质 column), "growth" (增长/下降 words), "name" (a word of the
    profile's lists, in `word`), "group" (the indicator's 一级/二级 group, e.g. 成本指标: a ceiling, in `word`),
    "unclear" (a rate word in neither list), "unit" (a target counted in a duration unit, 工作日/小时 …, the
    profile's `direction.ambiguous_units`), "columns" (a 正向/反向 column and an operator column saying opposite
    things, 正向 │ ≤: `op` the printed operator, the direction word in `word`), "label" (a sign the target prints with
    words between it and the figure, "≤约5%": the sign in `word`) or "default" (`scoring.default_op`).
    """

    op: Op
    source: str
    word: str = ""

    @property
    def from_name(self) -> bool:
        return self.source in ("name", "group", "unclear", "unit")

    @property
    def uncertain(self) -> bool:
        """Not decided by the cells: read from the name, or two columns of the row disagree — so a verdict is
        certain only where the opposite reading gives the same one."""
        return self.from_name or self.source == "columns"

    @property
    def symbol(self) -> str:
        return _OP_SYMBOL[self.op]

    def basis(self) -> tuple[str, str]:
        """(zh, en): how the direction was decided, for a finding's basis."""
        if self.source == "operator":
            return f"年度指标值的运算符为“{self.symbol}”", f"the target's operator is {self.symbol}"
        if self.source == "growth":
            return "年度指标值为增减幅度（增长/下降）", "the target is a growth/decline figure"
        if self.source in ("name", "group"):  # a direction guessed from the words of the row's name or its group
            lower = self.op in (Op.LE, Op.LT)
            by, by_en = (
                (f"指标名称含“{self.word}”", f"the name holds {self.word!r}, read as")
                if self.source == "name"
                else (f"所属“{self.word}”", f"its group {self.word!r} reads as")
            )
            return (
                f"年度指标值未写运算符，按{by}推断为越{'低' if lower else '高'}越好（{self.symbol}）",
                f"no operator in the target; {by_en} {'lower' if lower else 'higher'} is better ({self.symbol})",
            )
        if self.source == "unclear":
            return (
                f"年度指标值未写运算符，指标名称（含“{self.word}”）未表明越高越好还是越低越好",
                f"no operator in the target and the name (with {self.word!r}) does not say which way is better",
            )
        if self.source == "columns" and self.word not in _DIRECTION_WORDS:
            return (
                f"指标性质栏与运算符栏分别写“{self.word}”和“{self.symbol}”，两栏方向相反",
                f"the two operator columns read {self.word!r} and {self.symbol}: they point opposite ways",
            )
        if self.source == "columns":
            up = self.word in _UP_WORDS
            return (
                f"方向栏写“{self.word}”（越{'高' if up else '低'}越好），运算符栏却写“{self.symbol}”，两栏方向相反",
                f"the direction column reads {self.word!r} ({'higher' if up else 'lower'} is better), the operator "
                f"column {self.symbol}: they point opposite ways",
            )
        if self.source == "label":
            return (
                f"年度指标值写有“{self.word}”（与数字之间另有文字），按所写的“{self.symbol}”理解",
                f"the target prints {self.word!r} (words between it and the figure): read as {self.symbol}",
            )
        if self.source == "unit":
            return (
                f"年度指标值未写运算符，其单位“{self.word}”为时长，未表明越长越好还是越短越好",
                f"no operator in the target and its unit {self.word!r} is a duration: longer or shorter may be better",
            )
        return (
            f"年度指标值未写运算符，按规则集默认“{self.symbol}”理解",
            f"no operator in the target; read as the profile's default {self.symbol}",
        )


#: The directions a row's own operator or growth words give: one immutable value each, not one made a row (most
#: targets print their operator: ≈ 2 k instructions a frozen dataclass built).
_BY_OPERATOR = {op: Direction(op, "operator") for op in Op}
_GROWTH = Direction(Op.GE, "growth")


def _plain(text: str | None) -> str:
    """The text as the profile's word lists are written: no spaces, simplified characters (OpenCC via
    `perfxl.chinese`: "時效指標" is the 时效指标 group, "違規率" a 违规率)."""
    return to_simplified((text or "").replace(" ", ""))


def _longest(name: str, words: Any) -> str:
    """The longest listed word in the name (the first listed on a tie), "" when none is: one search for any of them
    first (`_ordered`), so a name holding none — most — is not tried word by word."""
    return _longest_in(name, *_ordered(words))


def _longest_in(name: str, ordered: tuple[str, ...], anywhere: re.Pattern[str]) -> str:
    """`_longest` with the list's `_ordered` words and pattern at hand."""
    if anywhere.search(name) is None:
        return ""
    # longest first, list order on a tie: max(…, key=len); `filter` of `name.__contains__` is `w in name` word by word
    # without a generator's frame (asked of most rows' names: the ambiguous words' search, issue 14)
    return next(filter(name.__contains__, ordered), "")


#: id of a profile's word list → (the list, its words longest first, one alternation of them), as `_PATTERNS`.
_ORDERED: dict[int, tuple[Any, tuple[str, ...], re.Pattern[str]]] = {}


def _ordered(words: Any) -> tuple[tuple[str, ...], re.Pattern[str]]:
    """The list's non-empty words longest first (in list order on equal length) and a pattern finding any of them (one
    that never matches for an empty list); once per list."""
    hit = _ORDERED.get(id(words))
    if hit is None or hit[0] is not words:
        ordered = tuple(sorted((w for w in words or () if w), key=len, reverse=True))  # stable: list order on a tie
        pattern = re.compile("|".join(re.escape(w) for w in ordered) or "(?!)")
        hit = _ORDERED[id(words)] = (words, ordered, pattern)
    return hit[1], hit[2]


def _head(name: str, words: Any) -> tuple[str, tuple[int, int]]:
    """The listed word that ends last in the name — the head of a Chinese noun phrase ("安全事故处置率" is a
    处置率) — the longer on a tie (the first listed on a full tie); with its (end, length) for comparing the two lists.
    One search of the reversed name with the list's reversed words as one alternation (`_reversed`): the leftmost
    match there ends last here, and the alternation tries the longer words first, in list order — where ≈ 130
    listed words were tried on each name one by one."""
    return _head_in(name, _reversed(words))


def _head_in(name: str, reversed_words: re.Pattern[str]) -> tuple[str, tuple[int, int]]:
    """`_head` with the list's pattern (`_reversed`) at hand."""
    found = reversed_words.search(name[::-1])
    if found is None:
        return "", (-1, 0)
    word = found.group()[::-1]
    return word, (len(name) - found.start(), len(word))


#: id of a profile's word list → (the list, its reversed words as one alternation); the list is kept so its id is not
#: reused while the entry lives (profile data is not changed once loaded).
_PATTERNS: dict[int, tuple[Any, re.Pattern[str]]] = {}


def _reversed(words: Any) -> re.Pattern[str]:
    """The list's words reversed, longest first (in list order on equal length), as one alternation; a pattern that
    never matches for an empty list."""
    hit = _PATTERNS.get(id(words))
    if hit is None or hit[0] is not words:
        hit = _PATTERNS[id(words)] = (words, _reversed_pattern(words))
    return hit[1]


def _reversed_pattern(words: Any) -> re.Pattern[str]:
    listed = sorted((w for w in words or () if w), key=len, reverse=True)  # stable: list order on a tie
    return re.compile("|".join(re.escape(w[::-1]) for w in listed) or "(?!)")


def name_direction(name: str, profile: Profile) -> Direction | None:
    """The direction the profile's `[direction]` word lists give a name (source "name"), or None when no listed
    word occurs in it: the name step of `infer_direction`, asked alone by I13 for a target with an operator."""
    return _name_direction(_plain(name), profile)


@record(frozen=True, slots=True)
class _Lists:
    """A profile's `[direction]` word lists as searched: the two head lists as one pattern (`heads`, as `_reversed`) and
    the higher list's words, the ambiguous words' and the ceiling groups' (`_ordered`) — looked up once a row, not once
    a list (issue 14); `ceilings` keeps each group text's ceiling word (a table's rows share a handful of groups), and
    `made` the one `Direction` of each listed word met (`_listed`)."""

    heads: re.Pattern[str]
    higher: frozenset[str]
    ambiguous: tuple[tuple[str, ...], re.Pattern[str]]
    groups: tuple[tuple[str, ...], re.Pattern[str]]
    default: Op  # `scoring.default_op`
    units: Any  # `direction.ambiguous_units`
    plain: Direction  # Direction(default, "default"): most rows without an operator or a listed word
    ceilings: dict[str, str]
    made: dict[tuple[Op, str, str], Direction]


def _listed(lists: _Lists, op: Op, source: str, word: str) -> Direction:
    """Direction(op, source, word) for a word of the profile's lists (or units): one immutable value each, kept in
    `lists.made` — bounded by the lists — not one built a row (≈ 2 k instructions a frozen dataclass)."""
    key = (op, source, word)
    made = lists.made.get(key)
    if made is None:
        made = lists.made[key] = Direction(op, source, word)
    return made


#: id of a profile → (the profile, its data, its `_Lists`): the data kept so a profile given other data is read again
#: (as `Profile.get` caches); at most `_KEPT_PROFILES` profiles.
_LISTS: dict[int, tuple[Profile, Any, _Lists]] = {}
_KEPT_PROFILES = 64
#: Group texts whose ceiling word a profile's `_Lists` keeps (a batch worker's stay few).
_KEPT_GROUPS = 4096


def _lists(profile: Profile) -> _Lists:
    hit = _LISTS.get(id(profile))
    if hit is None or hit[0] is not profile or hit[1] is not profile.data:
        if len(_LISTS) >= _KEPT_PROFILES:
            _LISTS.clear()
        get = profile.get
        default = Op[str(get("scoring.default_op", "GE"))]
        lower, higher = get("direction.lower_is_better", ()), get("direction.higher_is_better", ())
        lists = _Lists(
            _reversed_pattern((*(lower or ()), *(higher or ()))),
            frozenset(w for w in higher or () if w),
            _ordered(get("direction.ambiguous", ())),
            _ordered(get("direction.lower_is_better_groups", ())),
            default,
            get("direction.ambiguous_units", ()),
            Direction(default, "default"),
            {},
            {},
        )
        hit = _LISTS[id(profile)] = (profile, profile.data, lists)
    return hit[2]


def _name_direction(text: str, profile: Profile, lists: _Lists | None = None) -> Direction | None:
    """`name_direction` of a name already `_plain` (`lists`: the profile's, when the caller has them)."""
    if lists is None:
        lists = _lists(profile)
    # the head of both lists at once: the word ending last, the longer on a tie (a word both lists hold is higher's) —
    # what each list's own head (`_head`) compared by (end, length) gives, with one search of the name, not two
    word = _head_in(text, lists.heads)[0]
    if not word:
        return None
    return _listed(lists, GE if word in lists.higher else LE, "name", word)


def columns_conflict(nature: str | None, operator: str | None) -> Direction | None:
    """A direction word and an operator printed in two columns of one row that point opposite ways (正向 │ ≤,
    反向 │ ≥; 乌海 2021's form prints 指标性质 正向/反向 beside 指标方向 =), or two operators that do (≥ │ ≤):
    Direction(the operator column's operator, "columns"),
    else None. The reader then joins no operator into the target (`layout.indicators.pair_natures`)."""
    word = _plain(nature)  # 正向指標 typed in traditional characters is 正向指标 (review 11c)
    side, op = _NATURE.get(word), _NATURE.get(_plain(operator))
    # the first column may hold an operator too (≥ │ ≤, review 11c): its side is its own
    if side is None or op is None or Op.EQ in (side, op) or (op in _UP) == (side in _UP):
        return None
    return Direction(op, "columns", word)


#: Operator signs a target's words may hold where the parser could not take one as its operator ("≤约5%").
_SIGNS = {
    "≥": Op.GE,
    "≧": Op.GE,
    "⩾": Op.GE,
    ">": Op.GT,
    "＞": Op.GT,
    "≤": Op.LE,
    "≦": Op.LE,
    "⩽": Op.LE,
    "<": Op.LT,
    "＜": Op.LT,
}


def infer_direction(
    name: str, target: ParsedValue, nature: str | None, profile: Profile, group: str = "", operator: str | None = None
) -> Direction:
    """The direction of a target: its operator, else its 指标性质 (with `operator`, the row's separate operator
    column: opposite ways are a "columns" direction), else growth words, else the name, else its
    group (`group`: the 一级/二级 labels — 成本指标 are ceilings, 财预〔2021〕101号), else default."""
    if target.op is not None:
        return _BY_OPERATOR[target.op]
    if nature:  # (no 指标性质 column, the usual form: neither a conflict nor a word)
        conflict = columns_conflict(nature, operator)
        if conflict is not None:
            return conflict
        op = _NATURE.get(_plain(nature))
        if op is not None:
            return _BY_OPERATOR[op]
    if target.kind is GROWTH:
        return _GROWTH
    label = target.label
    if label and (sign := next((c for c in label if c in _SIGNS), None)) is not None:
        # "≤约5%": a sign the parser could not take as the operator (words between it and the figure) is still the
        # way the cell prints (review21a: before, the profile's default "≥" was used — a false S07/D01 错误)
        return Direction(_SIGNS[sign], "label", sign)
    text = _plain(name)
    lists = _lists(profile)
    by_name = _name_direction(text, profile, lists)
    if by_name is not None:
        return by_name
    default = lists.default
    cue = _longest_in(text, *lists.ambiguous)
    if cue:
        return _listed(lists, default, "unclear", cue)
    ceiling = lists.ceilings.get(group)
    if ceiling is None:
        if len(lists.ceilings) >= _KEPT_GROUPS:
            lists.ceilings.clear()
        ceiling = lists.ceilings[group] = _longest_in(_plain(group), *lists.groups)
    if ceiling:
        return _listed(lists, LE, "group", ceiling)
    if target.unit and target.unit in lists.units:
        return _listed(lists, default, "unit", target.unit)
    return lists.plain  # (one immutable value per profile, not one made a row)
