"""Amounts, their changes and their rates stated as parallel lists under 各 ("2022年度收、支总计各是4125.49,4143.91
万元。与2021年相比,收、支总计各减少1267.86,2570.97万元,各下降23.51%、38.28%"): the 四川 决算 说明's template, read by
position — the i-th rate is the i-th change over the i-th amount's last-year figure (N02, issue 12).

各 ("each") pairs the lists itself, so no pairing is guessed; an amount stated once for all with 均为 ("收、支总计均为
1523.26万元") stands for each of the names before it. A rate that the printed figures give only when cut rather than
rounded is a 警告 (real reports 14: 38.28% for 2570.97 / 6714.88 = 38.2877%), one no reading gives an 错误. The facts
reader takes "4125.49," with no unit for no amount, so these sentences are read here from the text. Pure: one
paragraph's text in, `Issue`s into the run.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..model import CellRef, Certainty, TextRef
from ..numbers import HUNDRED, fmt_decimal, round_half_up
from ..patterns import lazy_compile
from .facts import Fact
from .precision import Interval, _around
from .run_state import _operand, _Run, _where, n02

_NUM = r"\d+(?:\.\d+)?"
_SEP = r"\s*[,，、]\s*"
_MONEY = r"(?:亿元|万元|元)"
#: A list of figures, the unit after the last — and perhaps after each ("4125.49,4143.91万元", "4125.49万元、4143.91万元":
#: `_one_unit` holds them to one unit).
_FIGURES = rf"{_NUM}(?:\s*{_MONEY})?(?:{_SEP}{_NUM}(?:\s*{_MONEY})?)*?{_SEP}{_NUM}"
#: The names the lists are of ("收、支总计", "收入、支出") and the amounts "各是/各为 A,B万元" or "均为 A万元".
_AMOUNTS = lazy_compile(
    rf"(?P<names>[^\d，,。；;：:]{{1,6}}(?:、[^\d，,。；;：:]{{1,6}})+?)(?:总计|合计)?\s*"
    rf"(?:各(?:是|为)\s*(?P<each>{_FIGURES})|均为\s*(?P<all>{_NUM}))\s*(?P<unit>{_MONEY})",
    needs=("各", "均为"),
    keep_gate=True,
)
#: "各减少1267.86,2570.97万元" then, in the same sentence, "各下降23.51%、38.28%" (or "增长5%、10%"); the names the
#: changes are of, when printed ("收、支总计各减少…"), name the amounts list they pair with.
_CHANGES = lazy_compile(
    rf"(?:(?P<names>[^\d，,。；;：:、]{{1,8}}(?:、[^\d，,。；;：:、]{{1,8}})+)\s*)?"
    rf"各(?P<dir>增加|减少|增长|下降)\s*(?P<nums>{_FIGURES})\s*(?P<unit>{_MONEY})"
    rf"[^。；;%]{{0,4}}?[,，]\s*(?:各|分别)?(?P<rdir>增长|下降|增加|减少|上升|降低)\s*"
    rf"(?P<rates>{_NUM}\s*%(?:{_SEP}{_NUM}\s*%)+)",
    needs=("各",),
    keep_gate=True,
)
_UP = ("增加", "增长", "上升")
#: Words before the names that are none of them ("2022年度收、支总计": 年度), and a sum word after the last.
_YEAR_WORDS = lazy_compile(r"^.*?(?:年度?|相比)")
_TRIM = lazy_compile(r"(?:总计|合计)$")
_LEAD = lazy_compile(r"^(?:其中|中)")
#: The year a list or a change names right before its names ("2021年度收、支总计…": the digits before "年度收").
_OWN_YEAR = lazy_compile(r"((?:19|20)\d{2})$")
#: A list of last year's amounts by its words ("上年收、支总计各是…", "上年度收入、支出…").
_LAST_YEARS = lazy_compile(r"^(?:上一?年|去年|前一年)")
#: The year a change is compared with, in its sentence before it ("与2021年相比", "较2021年度").
_BASE_YEAR = lazy_compile(r"(?:与|较|比|同)\s*((?:19|20)\d{2})年")
_SENTENCE_END = lazy_compile(r"[。；;]")


def _numbers(text: str) -> list[str]:
    return re.findall(_NUM, text)


def _printed(raw: str) -> Interval:
    """The values a printed amount may stand for: rounded half up or cut short (as `precision.Interval.printed`)."""
    value = Decimal(raw)
    places = len(raw.split(".")[1]) if "." in raw else 0
    return Interval.printed(value, Decimal(1).scaleb(-places))


def _names(words: str) -> tuple[str, ...]:
    """The names of a list ("2022年度收、支总计" → 收, 支; "其中财政拨款收、支" → 财政拨款收, 支)."""
    first, *rest = _TRIM.sub("", words).split("、")
    while (bare := _YEAR_WORDS.sub("", first)) and bare != first:
        first = bare
    return (_LEAD.sub("", first), *rest)


def check_respective_lists(run: _Run, ref: TextRef | CellRef, text: str) -> None:
    """N02 for each rate of a 各 change list that its own amount and change do not give. A change list pairs with the
    nearest amounts list before it that names the same things ("…其中财政拨款收、支各是…" is not the 收、支总计's list;
    "2021年度收、支总计各是…" after 2022's is the nearer): in the order the changes name them ("支、收总计各减少B,A" is
    B for 支); changes that name what no list before them names are not read — a pairing would be a guess."""
    text = text.replace("\n", "")
    lists = list(_AMOUNTS.finditer(text))
    for m in _CHANGES.finditer(text):
        before = [a for a in lists if a.end() <= m.start()]
        changes, rates = _numbers(m["nums"]), _numbers(m["rates"])
        named = _names(m["names"]) if m["names"] else None
        for amounts in reversed(before):
            names = _names(amounts["names"])
            if _of_the_base_year(text, amounts, m):
                continue  # the year the changes start from: their base, not the amounts they are changes of
            if named is None or sorted(named) == sorted(names):
                break
        else:
            continue
        n = len(names)
        values = _numbers(amounts["each"]) if amounts["each"] else [amounts["all"]] * n
        if not (len(values) == len(changes) == len(rates) == n) or m["unit"] != amounts["unit"]:
            continue
        if not (_one_unit(amounts["each"] or "", amounts["unit"]) and _one_unit(m["nums"], m["unit"])):
            continue  # "4125.49元、4143.91万元": figures in two units are not one list
        up = m["dir"] in _UP
        if (m["rdir"] in _UP) != up:
            continue  # "各增加…,下降…": the words disagree with themselves — not a rate of these changes
        order = named or names
        for i, (change, rate) in enumerate(zip(changes, rates, strict=True)):
            name = order[i]
            _judge(run, ref, ("、".join(order), i), values[names.index(name)], change, rate, m["unit"], up)


def _one_unit(figures: str, unit: str) -> bool:
    """Every unit printed inside a list is the one after its last figure ("4125.49万元、4143.91万元": lost17 — a unit on
    each figure left the list unread)."""
    return all(u == unit for u in re.findall(_MONEY, figures))


def _year_before(text: str, at: int) -> str | None:
    """The year printed right before the names starting at `at` ("2021年度收、支" → 2021), else None."""
    found = _OWN_YEAR.search(text, max(0, at - 4), at)
    return found.group(1) if found else None


def _of_the_base_year(text: str, amounts: re.Match[str], changes: re.Match[str]) -> bool:
    """An amounts list of the year its changes are measured from, not of the year they reach: last year's by its words
    ("上年收、支总计各是…"), or a year not after the one the changes compare with ("2021年度收、支总计各是…。与2021年
    相比,收、支总计各减少…"), or another than the changes' own ("2021年度…各是…。2022年度收、支总计各增加…"). Paired
    as this year's, its amounts made the base wrong and every rate an 错误 (review15)."""
    if _LAST_YEARS.match(amounts["names"]):
        return True
    year = _year_before(text, amounts.start("names"))
    if year is None:
        return False
    head = _SENTENCE_END.split(text[: changes.start("names") if changes["names"] else changes.start()])[-1]
    bases = _BASE_YEAR.findall(head + "年")  # "较2021年度收入、支出总计各减少": 2021 is the base, not the changes'
    if bases and int(year) <= int(bases[-1]):
        return True
    own = _year_before(text, changes.start("names")) if changes["names"] else None
    return own is not None and own != year and not (bases and head.endswith(bases[-1]))


#: What a printed rate that is the computed one cut short (not rounded) adds to its basis: a person judges (it may be meant).
_CUT_NOTE = "；文字的比例是截去尾数而非四舍五入的结果（可能有意如此），需人工核实"
_CUT_NOTE_EN = "; the rate cut rather than rounded: a person checks"


def _last_year(now: Interval, moved: Interval, up: bool) -> Interval:
    """Last year's level a printed level and its printed change allow: now − change (增加) or now + change (减少)."""
    return Interval(now.lo - moved.hi, now.hi - moved.lo) if up else Interval(now.lo + moved.lo, now.hi + moved.hi)


def _misprinted(computed: Interval, rate: str) -> tuple[int, bool] | None:
    """None when the printed rate may be the computed one rounded half up; else its decimals and whether it is the
    computed rate cut short rather than rounded (then a person judges: it may be meant)."""
    said = Decimal(rate)
    places = len(rate.split(".")[1]) if "." in rate else 0
    step = Decimal(1).scaleb(-places)
    if computed.overlaps(Interval(said - step / 2, said + step / 2)):
        return None
    return places, computed.overlaps(Interval.printed(said, step))


def _judge(
    run: _Run, ref: TextRef | CellRef, place: tuple[str, int], value: str, change: str, rate: str, unit: str, up: bool
) -> None:
    """One position of the lists: `place` is the names ("收、支") and the index."""
    names, i = place
    name = names.split("、")[i]
    now, moved = _printed(value), _printed(change)
    before = _last_year(now, moved, up)
    if before.lo <= 0:
        return
    verdict = _misprinted(moved.percent_of(before), rate)
    if verdict is None:
        return
    places, cut = verdict
    base = Decimal(value) - Decimal(change) if up else Decimal(value) + Decimal(change)
    point = Decimal(change) / base * HUNDRED
    expected = f"{fmt_decimal(round_half_up(point, places))}%"
    word = "增长" if up else "下降"
    what = f"“{names}”中“{name}”与上年相比的增减率（{change}{unit} / 上年 {fmt_decimal(base)}{unit}）"
    run.issues.append(
        n02(
            ref,
            what,
            f"{name}: change / last year's (a 各 list, by position)",
            expected=expected,
            actual=f"{rate}%",
            certainty=Certainty.JUDGEMENT if cut else Certainty.CERTAIN,
            basis=f"{_where(ref)}：按“各”并列的第{i + 1}项，{what} = {expected}（上年数 = 本年 {value}{unit} "
            f"{'−' if up else '+'} {change}{unit}），文字写{word} {rate}%" + (_CUT_NOTE if cut else ""),
            basis_en=f"{change} / {fmt_decimal(base)} = {expected}, the text says {rate}% (lists paired by 各)"
            + (_CUT_NOTE_EN if cut else ""),
        )
    )


#: "分别下降11.3%、6.8%" (a direction once, or each rate its own: "分别下降9.1%、增长5.9%"): the rates, in order.
_RATES_AFTER = lazy_compile(
    rf"分别(?:为|是)?(?P<dir>增加|减少|增长|下降|提高|降低|上升)?了?\s*(?P<rates>{_NUM}\s*%"
    rf"(?:{_SEP}(?:增加|减少|增长|下降|提高|降低|上升)?了?\s*{_NUM}\s*%)+)"
)
_RATE_ITEM = lazy_compile(rf"(?P<dir>增加|减少|增长|下降|提高|降低|上升)?了?\s*(?P<rate>{_NUM})\s*%")


def check_rates_over_stated_bases(
    run: _Run, pi: int, ref: TextRef | CellRef, facts: tuple[Fact, ...], rate: Fact
) -> None:
    """N02 for a 分别 list of rates after as many changes of its sentence: 分别 pairs the lists by position, so the i-th
    rate is the i-th change over the i-th base — no pairing guessed (review16: since review15b such rates were set
    aside, before it held to the nearest change). The base is the change's own where each prints one ("2021年“三公”经费
    预算4196万元,较2020年预算4729万元减少533万元,较2020年决算4500万元减少304万元,分别下降11.3%、6.8%", a 三公 table's
    增减情况说明), else last year's figure of the i-th level the sentence states before its changes ("收入1000万元,支出
    900万元,较上年分别减少100万元、50万元,分别下降9.1%、5.3%": 1000 + 100, 900 + 50) — only when it states as many."""
    changes = [f for f in facts[: rate.index] if f.sentence == rate.sentence and f.role == "change"]
    m = _RATES_AFTER.search(rate.clause)
    if m is None or len(changes) < 2 or any((pi, f.index) in run.contradicted for f in (*changes, rate)):
        return
    items = list(_RATE_ITEM.finditer(m["rates"]))
    bases = _bases(facts, changes)
    if len(items) != len(changes) or bases is None:
        return
    for i, (change, item, (base, stated)) in enumerate(zip(changes, items, bases, strict=True)):
        word = item["dir"] or m["dir"] or ""
        up = word in ("增加", "增长", "提高", "上升")
        if not word or not change.direction or (change.direction > 0) != up:
            continue  # no direction, or one its change contradicts: not a rate of that change
        moved, now = _operand(run, pi, change), _operand(run, pi, base)
        moved = Interval(abs(moved.hi), abs(moved.lo)) if moved.hi < 0 else moved
        size = abs(change.quantity.value)
        if stated:
            before, point = now, base.quantity.value
        else:  # last year's: the level ∓ its change
            before = _last_year(now, moved, up)
            point = base.quantity.value - size if up else base.quantity.value + size
        if before.lo <= 0 or moved.lo < 0 or point <= 0:
            continue
        verdict = _misprinted(moved.percent_of(before), item["rate"])
        if verdict is None:
            continue
        places, cut = verdict
        expected = f"{fmt_decimal(round_half_up(size / point * HUNDRED, places))}%"
        for f in facts[rate.index :]:  # the list's rate read on its own too ("、下降10%"): this finding is its one
            if f.clause == rate.clause and f.quantity.text == f"{item['rate']}%":
                run.contradicted.add((pi, f.index))
        unit = change.quantity.unit
        if stated:
            named = re.split(r"[较比与]", _around(base)[0])[-1].strip("，,、 ")  # "较2020年预算4729万元": 2020年预算
            what = f"“{rate.subject}”与{named}{base.quantity.text}相比的增减率（{change.quantity.text} / {base.quantity.text}）"
        else:
            what = f"“{base.subject}”与上年相比的增减率（{change.quantity.text} / 上年 {fmt_decimal(point)}{unit}）"
        run.issues.append(
            n02(
                ref,
                what,
                f"{base.subject}: change / its base (a 分别 list)",
                expected=expected,
                actual=f"{item['rate']}%",
                certainty=Certainty.JUDGEMENT if cut else Certainty.CERTAIN,
                basis=f"{_where(ref)}：按“分别”并列的第{i + 1}项，{what} = {expected}，文字写{word} {item['rate']}%"
                + (
                    ""
                    if stated
                    else f"（上年数 = 本年 {base.quantity.text} {'−' if up else '+'} {change.quantity.text}）"
                )
                + (_CUT_NOTE if cut else ""),
                basis_en=f"{size} / {fmt_decimal(point)} = {expected}, the text says {item['rate']}% "
                "(lists paired by 分别)" + (_CUT_NOTE_EN if cut else ""),
            )
        )


def _bases(facts: tuple[Fact, ...], changes: list[Fact]) -> list[tuple[Fact, bool]] | None:
    """Each change's base and whether the text prints it as such: the change's own stated base for every change, or
    the levels (money wholes, no 其中 part) the sentence states before its first change, as many as the changes; None
    otherwise (which level a change is of would be a guess)."""
    if all(c.base is not None and c.base < len(facts) for c in changes):
        return [(facts[c.base], True) for c in changes if c.base is not None]
    if any(c.base is not None for c in changes):
        return None
    first = changes[0]
    levels = [
        f
        for f in facts[: first.index]
        if f.sentence == first.sentence
        and f.parent is None
        and f.role in ("value", "final", "budget")
        and f.quantity.unit == first.quantity.unit
    ]
    if len(levels) != len(changes) or any(c.quantity.unit != first.quantity.unit for c in changes):
        return None
    return [(level, False) for level in levels]
