"""R-D0x checks: 偏差原因分析及改进措施 — present when a target is missed, not a placeholder, not too long."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from perfxl.chinese import to_simplified
from perfxl.model import (
    CERTAIN,
    GUESS,
    JUDGEMENT,
    PLACED_DEVIATION,
    REMARK_DEVIATION,
    CellValue,
    Certainty,
    Finding,
    Indicator,
    column_letter,
)
from perfxl.patterns import lazy_compile
from perfxl.values import ValueKind, percent_in_digits

from . import not_applicable
from .catalogue import check
from .context import PLACEHOLDERS, Context, compact, fmt_num
from .row_facts import RowFacts


def missed(ctx: Context, ind: Indicator) -> tuple[str, str] | None:
    """Why a row counts as missed (zh, en): score below weight, or the recomputed score says so."""
    found = missed_with_certainty(ctx, ind)
    return None if found is None else found[:2]


def missed_with_certainty(ctx: Context, ind: Indicator) -> tuple[str, str, Certainty, str, str] | None:
    """(zh, en, certainty, basis zh, basis en) of a missed row: certain when its own score is below its weight,
    else as sure as the reading that says the target was missed (a guess when the direction came from the name).
    Once per row and run (D01 and D02 ask it), kept with the row's facts."""
    return missed_of(ctx, ctx.fact(ind))


def missed_of(ctx: Context, f: RowFacts) -> tuple[str, str, Certainty, str, str] | None:
    """`missed_with_certainty` of a row's facts (a caller walking `Context.facts` hands them over: no look-up)."""
    memo = f.memo
    found: Any = memo.get("missed", memo)  # (the memo itself: not asked yet — no KeyError raised and caught a row)
    if found is memo:
        found = memo["missed"] = _missed_with_certainty(ctx, f)
    missed: tuple[str, str, Certainty, str, str] | None = found
    return missed


#: A percent written in Chinese numerals (review31w): a figure — one perfxl may not read ("百分之九九": no number it
#: spells; `values.percent_in_digits` reads "百分之九十五"), never no figure.
_PERCENT_IN_WORDS = lazy_compile(r"[百千]分之[零〇一二两三四五六七八九十百点]+")


def _missed_with_certainty(ctx: Context, f: RowFacts) -> tuple[str, str, Certainty, str, str] | None:
    ind, weight, score = f.ind, f.weight, f.score
    if not_applicable.declared_of(ctx, f):
        # "不适用 │ 不适用 │ 0" of 10: the row is left out of the 总分 (填报说明: 按比例折算, T05), no target was missed —
        # D01 asked it a 偏差原因 (an 错误, review16)
        return None
    reading = ctx.outcome(ind)
    if weight is not None and score is not None and score < weight - ctx.tol_score:
        basis = f"读取：得分 {ind.score.text}，分值 {ind.weight.text}"
        basis_en = f"read score {ind.score.text}, weight {ind.weight.text}"
        if reading.result is not None and reading.result.meets_target is True:
            # 100 │ 100 scored 9.34: the printed actual meets the target, so the row is not shown missed — the low
            # score is the scoring check's finding (S01/S02); whether a deduction still owes a reason is a judgement
            return (
                f"得分 {fmt_num(score)} 低于分值 {fmt_num(weight)}，而实际完成值已达到年度指标值",
                f"score {fmt_num(score)} below weight {fmt_num(weight)} while the actual meets the target",
                JUDGEMENT,
                f"{basis}；实际完成值 {ind.actual.text} 已达到年度指标值 {ind.target.text}，"
                "低分是否扣分有因、须否说明请人工判断（得分本身由得分核对检查）",
                f"{basis_en}; the actual {ind.actual.text} meets the target {ind.target.text}: whether points were "
                "taken off for a reason that must be given is a person's judgement (the score itself is checked "
                "by the scoring checks)",
            )
        doubt = next((c for c in (ind.actual, ind.target) if ctx.sign_unread(c)), None)
        if doubt is not None:
            # "—100%" │ "100%" scored 19 of 20: met with the dash a list's or a placeholder, missed with it a minus —
            # whether the low score owes a reason is as uncertain as the sign (review23a; I12 names both readings)
            return (
                f"得分 {fmt_num(score)} 低于分值 {fmt_num(weight)}",
                f"score {fmt_num(score)} below weight {fmt_num(weight)}",
                JUDGEMENT,
                f"{basis}；“{doubt.text}”数字前的符号是否为负号无法确定，是否已达到年度指标值随之而定，"
                "低分是否须说明偏差原因请人工判断",
                f"{basis_en}; whether the mark before {doubt.text!r} is a minus is not certain, nor is whether the target "
                "is met: whether the lower score owes a reason is a person's judgement",
            )
        unread = reading.result is None or reading.result.meets_target is None
        worded = _in_words(ind) if unread else None
        if worded is not None:
            # "95%" │ "百分之九九" scored 27 of 30: met if the words say 99%, which perfxl does not read — whether the
            # low score owes a reason is a person's judgement, as for a sign it cannot read (review31w)
            return (
                f"得分 {fmt_num(score)} 低于分值 {fmt_num(weight)}",
                f"score {fmt_num(score)} below weight {fmt_num(weight)}",
                JUDGEMENT,
                f"{basis}；“{worded.text}”的数字以汉字书写，未读取，是否已达到年度指标值无法核对，"
                "低分是否须说明偏差原因请人工判断",
                f"{basis_en}; {worded.text!r} writes its figure in Chinese numerals, not read: whether the target is "
                "met is not known, nor whether the lower score owes a reason — a person's judgement",
            )
        way = reading.direction
        if reading.certainty is GUESS and way is not None and way.source == "columns":
            # 正向 │ ≤ (the row's own cells disagree): the target is met one way and missed the other, so whether the
            # low score owes a reason is as uncertain (review 11c: an 错误 with one column order, a 警告 with the other).
            # A direction read from the name is not this: the cells do not contradict themselves (test_heldout12)
            return (
                f"得分 {fmt_num(score)} 低于分值 {fmt_num(weight)}",
                f"score {fmt_num(score)} below weight {fmt_num(weight)}",
                JUDGEMENT,
                f"{basis}；是否已达到年度指标值取决于方向：{reading.basis}",
                f"{basis_en}; whether the target is met depends on the direction: {reading.basis_en}",
            )
        higher = ctx.higher_tier(f.actual)
        if higher is not None:  # "基本完成" may be 达成 (its top band reaches 80%): whether it owes a reason is judged
            return (
                f"得分 {fmt_num(score)} 低于分值 {fmt_num(weight)}",
                f"score {fmt_num(score)} below weight {fmt_num(weight)}",
                JUDGEMENT,
                f"{basis}；实际完成值“{ind.actual.text}”可归入“{higher.label}”档，低分是否须说明偏差原因请人工判断",
                f"{basis_en}; the actual {ind.actual.text!r} may be the tier {higher.label!r}: whether the lower "
                "score owes a reason is a person's judgement",
            )
        return (
            f"得分 {fmt_num(score)} 低于分值 {fmt_num(weight)}",
            f"score {fmt_num(score)} below weight {fmt_num(weight)}",
            CERTAIN,
            basis,
            basis_en,
        )
    result = reading.result
    if result is not None and result.meets_target is True:
        return None  # met (most rows): what follows answers None for it, the tier test included — asked no further
    if weight is not None and score is not None and ctx.higher_tier(f.actual) is not None:
        return None  # "基本完成" at full marks: words that may mean 达成, and the filer scored it so — nothing owed
    if result is None or result.meets_target is None:
        return _under_way(ctx, ind)  # no verdict from the figures: the words may give one
    if result.meets_target is not False:
        return None
    certainty, basis, basis_en = reading.certainty, reading.basis, reading.basis_en
    if weight is None:
        basis, basis_en = (
            f"表中无分值，只判断是否完成；{basis}",
            f"no weight column, only met or missed is judged; {basis_en}",
        )
        if _worded(ctx, ind.actual):
            # "每月1次": the number is read out of words, so "missed" rests on that reading
            certainty = GUESS if certainty is GUESS else JUDGEMENT
            basis, basis_en = (
                f"{basis}（实际完成值“{ind.actual.text}”含文字，按其中的数字判断）",
                f"{basis_en} (the actual {ind.actual.text!r} has words; its number was read)",
            )
    if f.actual.number is None and f.target.number is not None:
        # a numeric target answered in words ("未完成"): the words are read, a person confirms
        certainty = GUESS if certainty is GUESS else JUDGEMENT
        basis, basis_en = (
            f"{basis}（按文字“{ind.actual.text}”判断）",
            f"{basis_en} (read from the words {ind.actual.text!r})",
        )
    return (
        f"实际完成值 {ind.actual.text} 未达到 {ind.target.text}",
        f"actual {ind.actual.text} misses {ind.target.text}",
        certainty,
        basis,
        basis_en,
    )


def _under_way(ctx: Context, ind: Indicator) -> tuple[str, str, Certainty, str, str] | None:
    """A row whose actual says the work is still under way ("建设中": profile `qualitative.under_way`): missed,
    as a judgement — the words are read, a person confirms."""
    text = ind.actual.text
    # the word each actual text holds, once a text and run (a table repeats "是", "完成")
    found: dict[str, Any] = ctx.once("D01 under way", dict)
    word = found.get(text, found)
    if word is found:
        word = found[text] = _under_way_word(ctx, text)
    if word is None:
        return None
    return (
        f"实际完成值“{text}”表明尚未完成",
        f"the actual {text!r} says the work is still under way",
        Certainty.JUDGEMENT,
        f"读取：年度指标值“{ind.target.text}”，实际完成值“{text}”含“{word}”，按文字判断未完成",
        f"read target {ind.target.text!r}, actual {text!r} holding {word!r}: read as not yet met",
    )


def _under_way_word(ctx: Context, text: str) -> str | None:
    """The first of the profile's `qualitative.under_way` words ending a clause of `text`, or None."""
    plain = to_simplified(text)  # "建設中" typed in traditional characters is the same word
    # a word that ends a clause ("二期建设中"), not one inside another ("推进中小企业", "建设中心城区")
    return next(
        (
            w
            for w in ctx.profile.get("qualitative.under_way", ())
            if w and w in plain and re.search(re.escape(w) + _CLAUSE_END, plain)
        ),
        None,
    )


_CLAUSE_END = r"(?=$|[，,。；;、）)\s！!？?])"
_NUMBER_AND_MARKS = lazy_compile(r"[0-9０-９.,，%‰≥≤＞＜><=＝≧≦约]+")


def _worded(ctx: Context, cell: CellValue) -> bool:
    """True when a number was read out of words ("每月1次", "完成4个"), not a plain figure with its unit."""
    parsed = ctx.parsed(cell)
    if parsed.number is None or parsed.kind is ValueKind.GROWTH:
        return False  # "增长11.8%": the growth word is the value's own form
    rest = _NUMBER_AND_MARKS.sub("", cell.text.replace(" ", ""))
    if parsed.unit:
        rest = rest.replace(str(parsed.unit), "", 1)
    return any("\u4e00" <= ch <= "\u9fff" for ch in rest)


def _in_words(ind: Indicator) -> CellValue | None:
    """The row's 实际完成值 or 年度指标值 writing a percent in Chinese numerals (`_PERCENT_IN_WORDS`) that perfxl does
    not read (`percent_in_digits`), else None."""
    return next(
        (
            c
            for c in (ind.actual, ind.target)
            if "分之" in c.text
            and _PERCENT_IN_WORDS.search(c.text)
            and percent_in_digits(to_simplified(c.text)) is None
        ),
        None,
    )


@check("D01")
def missed_target_explained(ctx: Context) -> Iterator[Finding]:
    """A missed target (s < w, or B short of A) has a 偏差原因分析及改进措施."""
    for f in ctx.facts():
        ind = f.ind
        why = missed_of(ctx, f)
        if why and ind.deviation.sheet is None:
            ctx.skip("表中未找到偏差原因栏，未检查未完成指标是否说明原因", "no deviation column found; not checked")
            continue
        if why and ind.deviation.is_blank:
            certainty, basis, basis_en = why[2], why[3], why[4]
            if REMARK_DEVIATION in ctx.ev.columns:
                # a 备注 column may hold the reasons, or not: the form has no column that must
                certainty = Certainty.GUESS if certainty is Certainty.GUESS else Certainty.JUDGEMENT
                basis, basis_en = (
                    f"{basis}；表中没有偏差原因栏，按“备注/说明”栏核对，原因是否须写在此栏请人工判断",
                    f"{basis_en}; the table has no deviation column, its 备注/说明 column was read as one: "
                    "whether reasons belong there is a person's judgement",
                )
            elif PLACED_DEVIATION in ctx.ev.columns:
                letter = column_letter(ind.deviation.c + 1)
                # no header cell names the column: it was read from its position right of the table, which a small
                # table printed beside the form also fills (review27v: D01 错误 on a column the form never printed)
                certainty = Certainty.GUESS
                basis, basis_en = (
                    f"{basis}；表头未印“偏差原因”栏名，按栏目顺序推定表格右侧第 {letter} 列为偏差原因栏"
                    "（推断，请人工核对表中是否有此栏）",
                    f"{basis_en}; no header cell names a deviation column: column {letter}, right of "
                    "the table, was read as one by the column order (a guess: a person checks the form has it)",
                )
            # a miss resting on a guessed reading (a direction from the name, a count's period) is worded as it
            said, said_en = ctx.outcome(ind).as_guessed() if why[2] is Certainty.GUESS else ("", "")
            yield ctx.finding(
                ind.deviation,
                expected="偏差原因分析及改进措施",
                actual="（空）",
                name=ind.name.text,
                reading=said,
                reading_en=said_en,
                detail=why[0],
                detail_en=why[1],
                certainty=certainty,
                basis=basis,
                basis_en=basis_en,
                related=ind.own_row(ind.deviation),
            )


@check("D02")
def explanation_quality(ctx: Context) -> Iterator[Finding]:
    """A needed explanation is not a placeholder (无/暂无/—) and has at least `min_chars` characters."""
    placeholders = {compact(p) for p in ctx.param("placeholders", PLACEHOLDERS)}
    minimum = int(ctx.param("min_chars", 10))
    for f in ctx.facts():
        ind = f.ind
        text = ind.deviation.text
        why = missed_of(ctx, f) if text else None
        if not why:
            continue
        body = compact(text)
        sure = GUESS if why[2] is GUESS else JUDGEMENT
        if body in placeholders or not body:
            yield ctx.finding(
                ind.deviation,
                expected="具体原因和改进措施",
                actual=text,
                name=ind.name.text,
                problem="只是占位符，未说明原因",
                problem_en="is only a placeholder",
                certainty=sure,
                basis=why[3],
                basis_en=why[4],
                related=ind.own_row(ind.deviation),
            )
        elif len(body) < minimum:
            yield ctx.finding(
                ind.deviation,
                expected=f"≥ {minimum} 字",
                actual=text,
                name=ind.name.text,
                problem=f"过短（不足 {minimum} 字），应写明原因和改进措施",
                problem_en=f"is shorter than {minimum} characters",
                certainty=sure,
                basis=why[3],
                basis_en=why[4],
                related=ind.own_row(ind.deviation),
            )


@check("D03")
def explanation_length(ctx: Context) -> Iterator[Finding]:
    """Explanations stay within the province's length limit (Sichuan: 100 characters)."""
    limit = int(ctx.param("max_chars", 100))
    for ind in ctx.indicators():
        n = len(ind.deviation.text)
        if n > limit:
            yield ctx.finding(ind.deviation, expected=limit, actual=n, name=ind.name.text)
