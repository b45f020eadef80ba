"""A level stated as a multiple of another printed beside it: "X，是Y的n倍" — X must be n × Y (N02, issue 12).

"决算数209万元,是预算数62万元的3.37倍" (the numbers of a real 决算 sentence, "较预算数62万元增加147万元,增长2.37倍",
restated: no report in tests/realworld prints the form) says 209 = 3.37 × 62 = 208.94 — right at the printed places;
"…的2.37倍" (146.94) is not. "增长n倍" is a change rate (`facts._MULTIPLE`); "是…的n倍" is no change and no figure of
the facts: the two amounts are (X the last amount before 是/为/相当于, Y the amount right before 的n倍, in one clause
run of one sentence), the multiple read here. A rough multiple ("的近2倍", "的约2倍", "的2倍多", "的2倍左右") and a base
not printed ("是上年的2倍") are no figure to hold. Judged at the printed precision of the three (n cut or rounded):
certain — the sentence prints every figure it relates. Pure; called by perfxl.document.crosscheck.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from ..model import Certainty, TextRef
from ..numbers import fmt_decimal
from ..patterns import lazy_compile
from .facts import Fact, sentences
from .levels_apart import _stage, base_apart
from .precision import Interval, _approximate, _bound
from .run_state import _Run, _sum_in, _where, n02

__all__ = ["check_multiples", "check_multiples_apart"]

#: "的3.37倍" (not "的近2倍": no digit after 的; not "…倍多", "…倍左右", "…倍以上", "…倍之多", "…倍余": rough).
_TIMES = lazy_compile(
    r"的\s*(\d+)(?:\.(\d+))?\s*倍(?!\s*(?:多|左右|上下|以上|以下|有余|之多|余|还多|不止))", needs=("倍",)
)
#: The roles of a level X and a base Y may have: no change ("比上年增加147万元,是上年62万元的3.37倍": the 3.37 is the
#: level's, the 147 the last amount before 是), the level's own share or rate neither.
_LEVELS = ("value", "final", "budget", "previous")
#: A list's figures named once ("基本支出、项目支出分别为209万元、100万元"): which is n times, the words do not say.
_RESPECTIVE = lazy_compile(r"分别|各")
#: The words between X and Y: a comma at most, then 是/为/相当于 and Y's name ("，是预算数", "为2022年决算数").
_BETWEEN = lazy_compile(r"^\s*[，,]?\s*(?:是|为|相当于|达到)(?:[^，,。；;：:\d]|(?:19|20)\d{2}(?=年)){0,16}$")


#: A fact with where its figure stands in its sentence (start, end).
Placed = tuple[int, int, Fact]


def _placed(sentence: str, facts: list[Fact]) -> list[Placed]:
    """Each fact of the sentence with where its figure stands in it (start, end), found in order."""
    out, at = [], 0
    for f in facts:
        start = sentence.find(f.quantity.text, at)
        if start < 0:
            return []
        at = start + len(f.quantity.text)
        out.append((start, at, f))
    return out


def check_multiples(run: _Run, pi: int, ref: TextRef, facts: tuple[Fact, ...]) -> None:
    """N02 (certain) where a level stated as n times another printed in its sentence is not (see the module)."""
    for sentence, m, before in _multiples(run, pi, facts):
        if len(before) < 2 or sentence[before[-1][1] : m.start()].strip():
            continue  # "是上年的2倍": the base is not printed (`check_multiples_apart`)
        (_, x_end, x), (y_start, _, y) = before[-2], before[-1]
        if not _BETWEEN.match(sentence[x_end:y_start]):
            continue
        if not y.quantity.is_money or _approximate(y) or y.role not in _LEVELS or y.direction:
            continue  # "…,较年初预算增加47万元,是上年62万元的3.37倍": a change before 是 is not what is n times
        if not _a_level(run, pi, facts, x) or _bound(y) or (pi, y.index) in run.contradicted:
            continue
        _judge(run, ref, (pi, x, y), m[1], m[2] or "")


def _multiples(run: _Run, pi: int, facts: tuple[Fact, ...]) -> Iterator[tuple[str, re.Match[str], list[Placed]]]:
    """Each "的n倍" of the paragraph: its sentence, the match and the sentence's facts placed before it."""
    text = run.sub.narrative[pi].text if 0 <= pi < len(run.sub.narrative) else ""
    if "倍" not in text:
        return
    for k, sentence in enumerate(sentences(text)):
        for m in _TIMES.finditer(sentence):
            placed = _placed(sentence, [f for f in facts if f.sentence == k])
            yield sentence, m, [(s, e, f) for s, e, f in placed if e <= m.start()]


def _a_level(run: _Run, pi: int, facts: tuple[Fact, ...], x: Fact) -> bool:
    """X is a level of its own that may be n times another: money, printed exactly, no change, no part of a list
    ("支出309万元,其中项目支出100万元,是…", "…分别为209万元、100万元,是…": the whole's, or the list's), not in doubt."""
    if not x.quantity.is_money or _approximate(x) or x.role not in _LEVELS or x.direction or _bound(x):
        return False
    if x.parent is not None or _RESPECTIVE.search(x.subject) or (x.index and facts[x.index - 1].subject == x.subject):
        return False
    return (pi, x.index) not in run.contradicted


#: "是上年的n倍", "为2023年的n倍", "是上年决算数的n倍": the base named by its year alone, its figure printed elsewhere.
_YEAR_BASE = lazy_compile(
    r"^\s*[，,]?\s*(?:是|为|相当于|达到)\s*(?:(?P<last>上年|去年|上一年)|(?P<year>(?:19|20)\d{2})\s*年)度?(?P<stage>[^，,。；;\d]{0,6})$"
)
_YEAR = lazy_compile(r"((?:19|20)\d{2})\s*年")


def check_multiples_apart(run: _Run, pi: int, ref: TextRef, facts: tuple[Fact, ...]) -> None:
    """N02 警告 where "X，是上年的n倍" names a base only another paragraph prints ("2022年公务接待费支出62万元。" ¶
    "2023年公务接待费支出209万元,是上年的2.37倍": 209 / 62 = 3.37, prose28): the base is the item's one figure of that
    year (and stage) in the document (`levels_apart.base_apart`) — a pairing by name and year, so a 警告 naming it."""
    for sentence, m, before in _multiples(run, pi, facts):
        if not before:
            continue
        _, x_end, x = before[-1]
        named = _YEAR_BASE.match(sentence[x_end : m.start()])
        if named is None or not _a_level(run, pi, facts, x):
            continue
        years = _YEAR.findall(sentence[:x_end])
        now = years[0] if years else run.year
        year = named["year"] or (str(int(now) - 1) if now else "")
        if not year or not now or year >= now:
            continue
        got = base_apart(run, pi, x, year, _stage(named["stage"]) or _stage(sentence[:x_end]))
        if got is None:
            continue
        pb, base = got
        paired = f"{year}年数取自{_where(run.sub.narrative[pb].ref)}“{base.clause.strip()}”，按项目名称和年度配对"
        _judge(run, ref, (pi, x, base), m[1], m[2] or "", paired)


def _judge(
    run: _Run, ref: TextRef, figures: tuple[int, Fact, Fact], whole: str, fraction: str, paired: str = ""
) -> None:
    """N02 when X is not n times Y at the printed precision of the three: certain when Y is printed beside X, a 警告
    when it was `paired` from another paragraph (the pairing said)."""
    pi, x, y = figures
    got_x, got_y = _sum_in(run, pi, [x], x.quantity.unit), _sum_in(run, pi, [y], x.quantity.unit)
    if got_x is None or got_y is None:
        return
    (xs, x_point), (ys, y_point) = got_x, got_y
    if ys.lo <= 0:
        return
    n = Decimal(f"{whole}.{fraction}" if fraction else whole)
    step = Decimal(1).scaleb(-len(fraction))
    times = Interval.printed(n, step)
    product = Interval(ys.lo * times.lo, ys.hi * times.hi)
    if product.overlaps(xs):
        return
    said = f"{fmt_decimal(n, len(fraction))}倍"
    expected = f"{fmt_decimal(x_point / y_point, len(fraction))}倍"
    run.contradicted.add((pi, x.index))
    run.issues.append(
        n02(
            ref,
            f"“是…的n倍”所写的倍数（{x.quantity.text} / {y.quantity.text}）",
            f"the multiple stated ({x.quantity.text} / {y.quantity.text})",
            expected=expected,
            actual=said,
            certainty=Certainty.JUDGEMENT if paired else Certainty.CERTAIN,
            basis=f"{_where(ref)}：{x.quantity.text} / {y.quantity.text} = {expected}，文字写是其 {said}"
            f"（{y.quantity.text} × {said} = {fmt_decimal(y_point * n, x.quantity.places)}{x.quantity.unit}，"
            f"不是 {x.quantity.text}）" + (f"（{paired}；若所指不是这一数字，也可能相符，请核实）" if paired else ""),
            basis_en=f"{x.quantity.text} / {y.quantity.text} = {expected}; the text says {said}"
            + ("; the base is paired from another paragraph by the item's name and year" if paired else ""),
        )
    )
