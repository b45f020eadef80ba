"""A 一级指标 group's points stated in the narrative ("产出指标50分", "效益指标分值30分", "满意度指标得分9分") against the
自评表's own group (N01): its weight — the 分值 its label declares ("产出指标(70分)") or its rows' 分值 summed — or its
rows' 得分 summed.

The 一级指标 and their 分值 are the 自评表's (财预〔2020〕10号 附件: 一级指标 产出/效益/满意度, 各指标分值); a text naming a
group by the table's own 一级 label and giving it points that are none of the table's for that group contradicts it. The
text's words say which it means (得分 → the score; 分值/权重/满分/设置 → the weight; neither → either agrees). Paired by
name, and the text may state the form's standard rule rather than this table's (a 注 "一级指标分值统一设置为…"): a
judgement, 警告 at most. Pure: the run's submission and one paragraph in, `Issue`s into the run.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..model import CellRef, Certainty, SelfEvaluation, TextRef
from ..numbers import fmt_decimal, to_decimal
from ..patterns import lazy_compile
from .match import normal_name
from .run_state import Issue, _Run, _where

#: A group named and given points: the name (…指标), a few words (分值/权重/得分/为/:/(), the points in 分.
_GROUP_POINTS = lazy_compile(
    r"(?P<name>[\u4e00-\u9fff]{2,8}?指标)(?P<words>[^，,。；;、\d]{0,8}?)(?<![\d.])(?P<n>\d+(?:\.\d+)?)\s*分(?![钟之别值数配期类])"
)
_SCORE_WORDS = lazy_compile(r"得分|得")
_WEIGHT_WORDS = lazy_compile(r"分值|权重|满分|设置|设定|占")
#: A bound or a survey's result, not the group's points: "满意度指标达到90分以上", "不低于90分".
_NOT_THE_POINTS = lazy_compile(r"达|≥|>|不低于|不少于|高于|超过|低于|不足")
_BOUND_AFTER = lazy_compile(r"\s*(?:以上|以下|左右|及以上)")
_WEIGHT_IN_LABEL = lazy_compile(r"[（(]\s*\d+(?:\.\d+)?\s*分?\s*[）)]\s*$")


#: The group's score right after its weight ("产出指标满分为50分,得分为45分", "…50分,实际得分48分", "产出指标(50分)得45分").
_SCORE_NEXT = lazy_compile(
    r"\s*[)）]?\s*[，,]?\s*(?:实际|实)?得分?(?:为|是)?\s*(?P<n>\d+(?:\.\d+)?)\s*分(?![钟之别值数配期类率])"
)
#: The words of another year: last year's, or a year named in a paragraph naming two or more.
_LAST_YEAR = lazy_compile(r"上年|去年|上一年|以前年度|往年|同期")
_YEAR = lazy_compile(r"(?<!\d)(?:19|20)\d{2}(?=年)")


def _another_years(text: str, at: int) -> bool:
    """The clause up to `at` (the group's name) names last year, or a year when the paragraph names two or more: the
    points may be that year's, not this table's."""
    opening = re.split(r"[，,。；;]", text[:at])[-1]
    return bool(_LAST_YEAR.search(opening) or (_YEAR.search(opening) and len(set(_YEAR.findall(text))) > 1))


def _group(text: str) -> str:
    return normal_name(_WEIGHT_IN_LABEL.sub("", text))


def _table_groups(ev: SelfEvaluation) -> dict[str, tuple[set[Decimal], Decimal | None, CellRef | None]]:
    """Each 一级 group of the table: the weights it may have (declared, rows summed), its rows' 得分 summed (None when a
    row's is no figure), the cell of its label."""
    out: dict[str, tuple[set[Decimal], Decimal | None, CellRef | None]] = {}
    if any(i.own_score is not None for i in ev.indicators):
        return out  # 河北's 权重占比 (%) is no 分值 in 分
    for heading in ev.level1:
        name = _group(heading.name)
        rows = [i for i in ev.indicators if _group(i.level1.text) == name and not i.name.is_blank]
        weights = [to_decimal(i.weight.raw) for i in rows]
        scores = [to_decimal(i.score.raw) for i in rows]
        options = {heading.declared_weight} if heading.declared_weight is not None else set()
        if rows and all(w is not None for w in weights):
            options.add(sum((w for w in weights if w is not None), Decimal(0)))
        score = sum((s for s in scores if s is not None), Decimal(0)) if rows and None not in scores else None
        if options or score is not None:
            out[name] = (options, score, heading.label.place())
    return out


def check_group_points(run: _Run, ref: TextRef | CellRef, text: str) -> None:
    """N01 (警告) for each group the paragraph gives points none of the table's for that group are — only when one
    自评表 has a 一级 group of that name (several would leave which one unsaid)."""
    tables: list[tuple[SelfEvaluation, dict]] | None = None  # the tables' groups, read at the first group named
    text = text.replace("\n", "")  # a line break pasted from a web page may fall inside a name ("产出\n指标")
    for m in _GROUP_POINTS.finditer(text):
        if tables is None:
            tables = [(ev, _table_groups(ev)) for ev in run.sub.evaluations]
        # the group the words end with ("其中产出指标得分45分": 产出指标), the longest of the tables' names
        said = normal_name(m["name"])
        names = sorted({n for _, groups in tables for n in groups if said.endswith(n)}, key=len)
        if not names or _NOT_THE_POINTS.search(m["words"]) or _BOUND_AFTER.match(text, m.end()):
            continue
        if "指标" in m["words"] or _another_years(text, m.end("name")):
            continue  # "产出指标中数量指标得分8分": a 二级's points; "2021年产出指标得分45分": another year's
        name = names[-1]
        having = [(ev, groups[name]) for ev, groups in tables if name in groups]
        if len(having) != 1:
            continue
        ev, (weights, score, cell) = having[0]
        # the group's own words, and those that open its list ("一级指标分值统一设置为:产出指标50分、效益指标30分")
        opening = re.split(r"[，,。；;]", text[: m.start()])[-1]
        words, points = m["words"], Decimal(m["n"])
        by_score = bool(_SCORE_WORDS.search(words))
        by_weight = not by_score and bool(_WEIGHT_WORDS.search(words) or _WEIGHT_WORDS.search(opening))
        known = sorted(({score} if score is not None and not by_weight else set()) | (set() if by_score else weights))
        scored = _SCORE_NEXT.match(text, m.end()) if by_weight or not by_score else None
        if scored and score is not None and Decimal(scored["n"]) != score and (not known or points in known):
            # "产出指标满分为50分,得分为45分": the group's weight, then its score in the next clause
            by_score, by_weight, known, points = True, False, [score], Decimal(scored["n"])
        quoted = text[m.start() : scored.end()] if by_score and scored else m.group(0)
        if not known or points in known:
            continue
        what = "得分" if by_score else "分值" if by_weight else "分值或得分"
        table_text = "、".join(f"{fmt_decimal(v)}分" for v in known)
        stated = f"{points}分"
        run.issues.append(
            Issue(
                "N01",
                ref,
                {
                    "claim": f"{name}{what}",
                    "where": _where(ref),
                    "table_label": f"{ev.sheet}的一级指标“{name}”{what}",
                    "cell": str(cell) if cell else "—",
                    "narrative": stated,
                    "table": table_text,
                    "pairing": "（按一级指标名称配对；文字也可能是评分办法的统一规定而非本表的分值，需人工核实）",
                    "pairing_en": " (paired by the 一级 name; the text may state the form's standard rule)",
                },
                expected=table_text,
                actual=stated,
                related=(cell,) if cell else (),
                certainty=Certainty.JUDGEMENT,
                basis=f"{_where(ref)}“{quoted}”读作一级指标“{name}”的{what} = {stated}；{ev.sheet}中该组"
                f"{'各行得分之和' if by_score else '标明的分值及各行分值之和' if by_weight else '的分值（标明的或各行之和）及得分之和'}"
                f"为 {table_text}；按一级指标名称配对",
                basis_en=f"{name} = {stated} in the text; the table's group {what}: {table_text}",
            )
        )
