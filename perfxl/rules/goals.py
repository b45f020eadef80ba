"""R-G01 checks: 年度总体目标 — both texts present, 实际完成情况 not a copy of 预期目标, no numbers contradicting the indicators."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from decimal import Decimal

from perfxl.model import CellValue, Finding, Goal, Indicator
from perfxl.patterns import lazy_compile
from perfxl.units import convert
from perfxl.values import ParsedValue, ValueKind, parse_value

from .catalogue import check
from .context import Context, compact, fmt_num, similarity

_CLAUSE = lazy_compile(r"[，。；;、,\n]+")
_LEAD = lazy_compile(r"^(?:[一二三四五六七八九十\d]+[、.．)）]|其中|共|累计|全年|完成|实现|新增加)+")


@check("G01")
def goal_present(ctx: Context) -> Iterator[Finding]:
    """预期目标 and 实际完成情况 are both written."""
    for goal in ctx.ev.goals:
        for cell, zh, en in (
            (goal.expected, "预期目标", "expected goal"),
            (goal.actual, "实际完成情况", "achievement"),
        ):
            if _inside_the_others_merge(goal, cell):
                continue  # 宁夏: 年度总体目标 one text merged across the row — the form has no such cell
            if ctx.is_blank(cell):
                yield ctx.finding(cell, expected=zh, actual="（空）", column=zh, column_en=en)


def _inside_the_others_merge(goal: Goal, cell: CellValue) -> bool:
    """The cell lies inside the merge whose anchor is the goal's other cell (one text across the row)."""
    other = goal.actual if cell is goal.expected else goal.expected
    ref, anchor = cell.place(), other.place()
    return ref is not None and anchor is not None and ref.anchor is not None and ref.anchor == anchor.cell


#: An achievement of completion words only ("完成", "已全部完成", "按计划完成年度目标"): no words of the goal copied, even
#: where the goal holds them ("完成64户补助") — too little said, but no restatement.
_DONE_ONLY = lazy_compile(
    r"^(?:已|均|均已|全部|基本|按时|按期|如期|按计划|圆满|顺利|足额)*(?:完成|实现|达到|达成|落实)了?"
    r"(?:年度|全年|预期|既定)?(?:绩效)?(?:目标|任务|目标任务)?$",
    needs=("完成", "实现", "达到", "达成", "落实"),
)


@check("G02")
def goal_not_restated(ctx: Context) -> Iterator[Finding]:
    """实际完成情况 is not the 预期目标 again (identical, a fragment of it, or ≥ 90% similar)."""
    threshold = float(ctx.param("similarity", 0.9))
    for goal in ctx.ev.goals:
        exp, act = compact(goal.expected.text), compact(goal.actual.text)
        if not exp or not act or ctx.is_blank(goal.expected) or ctx.is_blank(goal.actual):
            continue  # "/" │ "/", "无" │ "无": nothing written (G01 says so), nothing restated
        ratio = similarity(exp, act)
        if act != exp and _DONE_ONLY.match(act):
            continue  # "完成" inside "完成64户补助": a bare completion word, not the goal's text
        if act in exp or ratio >= threshold:
            if act in exp:
                zh, en = "逐字包含在预期目标中", "copied word for word from the goal"
            else:
                zh, en = f"相似度 {ratio:.0%}", f"similarity {ratio:.0%}"
            yield ctx.finding(
                goal.actual, expected="实际完成的情况与数据", actual=goal.actual.text, similarity=zh, similarity_en=en
            )


@check("G04")
def goal_only_names_project(ctx: Context) -> Iterator[Finding]:
    """A 预期目标 that is only the project's name, as the head prints it (岳阳 自评报告: 项目名称 低票价运营补贴 over
    预期目标 "低票价运营补贴" │ 实际完成 "60%"), states no goal: what is to be reached, and so whether the 实际完成 reached
    it, cannot be told. Compared with spaces and punctuation left out, and a year before the name or 项目 after it
    ("2023年污水处理项目" names what "污水处理" does); a name of one character compares nothing. An
    实际完成 that repeats the name too (稷山 2021: 国家基本公共卫生服务 │ 国家基本公共卫生服务) is G02's one finding — the
    achievement restates the goal — not a second on the same two cells."""
    name = ctx.ev.header.get("项目名称")
    if name is None or ctx.is_blank(name):
        return
    key = compact(name.text)
    bare = _bare_name(key)
    if len(bare) < 2:
        return
    for goal in ctx.ev.goals:
        if ctx.is_blank(goal.expected) or _bare_name(compact(goal.expected.text)) != bare:
            continue
        said = compact(goal.actual.text)
        if said and said in key and not ctx.is_blank(goal.actual) and (said == key or not _DONE_ONLY.match(said)):
            continue  # the achievement is the name again: G02 says so (not a bare "完成", which G02 passes over)
        actual = "（空）" if ctx.is_blank(goal.actual) else goal.actual.text
        yield ctx.finding(
            goal.expected,
            name=name.text,
            actual=actual,
            basis=f"读取：表头项目名称“{name.text}”；预期目标“{goal.expected.text}”与之相同；实际完成“{actual}”",
            basis_en=f"read the head's project name {name.text!r}; the expected goal {goal.expected.text!r} is the same",
            related=tuple(c.located() for c in (name, goal.actual) if c.sheet is not None),
        )


#: a year before a name and "项目" after it add nothing to it: "2023年污水处理项目" names what "污水处理" does
_NAME_FRAME = lazy_compile(r"^(?:(?:19|20)\d{2}年度?)|(?:项目)$")


def _bare_name(key: str) -> str:
    """A compacted name without the year before it or "项目" after it (G04 compares goals with the name so)."""
    return _NAME_FRAME.sub("", key)


def claims(ctx: Context, text: str) -> list[tuple[str, str, ParsedValue]]:
    """(subject, clause, parsed) for each clause of `text` that states a number with a unit: "新规模企业12家"."""
    out: list[tuple[str, str, ParsedValue]] = []
    for clause in _CLAUSE.split(text or ""):
        clause = clause.strip()
        if not clause:
            continue
        p = _parse(ctx, clause)
        if p.number is None or p.kind not in (ValueKind.NUMBER, ValueKind.PERCENT) or not p.unit:
            continue
        subject = _LEAD.sub("", compact(p.label or clause.split(str(p.number))[0]))
        if subject:
            out.append((subject, clause, p))
    return out


def _parse(ctx: Context, text: str) -> ParsedValue:
    return parse_value(text, ctx.profile)


def _candidates(ctx: Context) -> list[tuple[Indicator, str, str | None]]:
    """(indicator, compacted name, unit of its 实际完成值) of the rows with a name and a number in 实际完成值."""
    out: list[tuple[Indicator, str, str | None]] = []
    for f in ctx.facts():
        name, actual = f.name_key, f.actual
        if name and actual.number is not None:
            out.append((f.ind, name, actual.unit))
    return out


def _best_match(
    ctx: Context, subject: str, unit: str, candidates: list[tuple[Indicator, str, str | None]] | None = None
) -> tuple[Indicator, float] | None:
    """The indicator whose name is most like `subject` (`similarity`), among those with a number in a
    compatible unit; difflib's cheap upper bounds skip names that cannot beat the best so far."""
    best: tuple[Indicator, float] | None = None
    subject_c = compact(subject)
    compatible: dict[str | None, bool] = {}
    for ind, name, actual_unit in _candidates(ctx) if candidates is None else candidates:
        ok = compatible.get(actual_unit)
        if ok is None:
            ok = compatible[actual_unit] = convert(Decimal(1), unit, actual_unit).ok
        if not ok:
            continue
        if subject in name or name in subject:
            score = 1.0
        elif not subject_c:
            score = 0.0
        else:  # = similarity(subject, name): both texts compacted, difflib ratio
            if best is not None and _length_bound(len(subject_c), len(name)) <= best[1]:
                continue  # = real_quick_ratio(), from the lengths alone: no matcher built (its index of `name`)
            matcher = difflib.SequenceMatcher(None, subject_c, name, autojunk=False)
            if best is not None and matcher.quick_ratio() <= best[1]:
                continue  # ratio() ≤ quick_ratio() ≤ real_quick_ratio(): it cannot replace `best`
            score = matcher.ratio()
        if best is None or score > best[1]:
            best = (ind, score)
    return best


def _length_bound(la: int, lb: int) -> float:
    """`SequenceMatcher.real_quick_ratio()` of texts `la` and `lb` long (difflib's own formula, its `_calculate_ratio`):
    an upper bound of `ratio()` worked out before a matcher indexes the candidate's name."""
    return 2.0 * min(la, lb) / (la + lb) if la + lb else 1.0


#: Words that make a figure a change on a base ("增收27万元", "比上年增长5%"), not the level itself ("业务收入77.57万元";
#: 增加值, value added, is a level).
_CHANGE = lazy_compile(r"增收|减收|增加(?!值)|减少|增长|增幅|下降|提高|降低|上升|同比|环比|比上年|较上年|比去年|较去年")


@check("G03")
def goal_matches_actuals(ctx: Context) -> Iterator[Finding]:
    """A number in 实际完成情况 with the subject and unit of an indicator equals that indicator's 实际完成值."""
    minimum = float(ctx.param("min_similarity", 0.6))
    candidates = _candidates(ctx)
    for goal in ctx.ev.goals:
        for subject, clause, said in claims(ctx, goal.actual.text):
            number, unit = said.number, said.unit
            if number is None or not unit:  # claims() keeps only clauses with a number and a unit
                continue
            match = _best_match(ctx, subject, unit, candidates)
            if match is None or match[1] < minimum:
                continue
            ind = match[0]
            if bool(_CHANGE.search(clause)) != bool(_CHANGE.search(ind.actual.text)):
                continue  # "业务收入77.57万元" │ "增收27万元" (南昌 蚕茶卫生院 2021): a level and a change, not one figure
            actual = ctx.parsed(ind.actual)
            if actual.number is None or actual.kind != said.kind or not actual.unit:
                continue
            conv = convert(number, unit, actual.unit)
            if not conv.ok or conv.value is None or abs(conv.value - actual.number) <= ctx.tol_score:
                continue
            where = str(ind.actual.place()) if ind.actual.sheet is not None else ""
            similarity = round(match[1] * 100)
            yield ctx.finding(
                goal.actual,
                expected=ind.actual.text,
                actual=f"{fmt_num(number)}{unit}",
                subject=subject,
                name=ind.name.text,
                where=where,
                basis=f"读取：实际完成情况写“{subject}”{fmt_num(number)}{unit}；指标“{ind.name.text}”实际完成值"
                f"“{ind.actual.text}”（{where}）；按名称相似度配对：“{subject}”↔“{ind.name.text}”（相似度 {similarity}%），"
                "配对是推断，请核对是否同一事项",
                basis_en=f"read {subject!r} {fmt_num(number)}{unit} in the achievement text; the indicator "
                f"{ind.name.text!r} has {ind.actual.text!r} ({where}); paired by name similarity ({similarity}%): a guess",
                related=(ind.actual.located(),) if ind.actual.sheet is not None else (),
            )
