"""A score and the grade the same sentence gives it ("本项目综合得分为 95 分,评价等次为优秀"; "绩效评分100分,自评为优"):
the grade follows the score under the profile's grade bands (财预〔2020〕10号: 优 ≥ 90、良 80–90、中 60–80、差 < 60), the
narrative counterpart of the table's T04 (N02, issue 12).

Only a whole's score is read — 总分, 综合得分, 自评得分, 评分, 得分 with no 指标 group named before it ("产出指标得分45分" is a
group's) — then a grade word after a grade cue (等次/等级/评价结果/评定/自评 … 为) in the same sentence, with no other score
between. A band stated as a rule ("90分以上为优") is no score. Paired by place, and a locality may grade on its own bands:
a judgement (警告). Pure: one paragraph's text in, `Issue`s into the run.
"""

from __future__ import annotations

from decimal import Decimal

from ..model import CellRef, Certainty, TextRef
from ..patterns import lazy_compile
from ..profiles import resolve_profile
from ..scoring import grade
from .run_state import _Run, _where, n02

#: A whole's score: its words, then the points in 分 ("综合得分为 95 分", "绩效评分100分", "自评总分98.5分").
_SCORE = lazy_compile(
    r"(?P<words>(?:综合|自评|评价|绩效|考核)?(?:总得分|总分|得分|评分|自评分))\s*(?:为|是|:|：)?\s*"
    r"(?P<n>\d{1,3}(?:\.\d+)?)\s*分(?![钟之别值数配期类率])"
)
#: A bound or a rule, not a score: "90分以上为优", "90分(含)以上", "不低于90分".
_BOUND_AFTER = lazy_compile(r"\s*(?:[（(]含[）)])?\s*(?:以上|以下|及以上|以内|至|-|—|~)")
_BOUND_BEFORE = lazy_compile(r"(?:满分|分值|不低于|不少于|达到|达|≥|>|高于|低于|超过)\s*$")
#: The grade the sentence gives: a cue, then 优/良/中/差 (优秀, 良好, 中等, 较差).
_GRADE = lazy_compile(
    r"(?:评价等次|评价等级|自评等级|绩效等级|等次|等级|评价结果|评定|评价|自评)(?:结果)?(?:为|是|评定为|评为|:|：)\s*"
    r"[“\"「]?(?P<g>优秀|良好|中等|较差|优|良|中|差)(?![化势质先惠秀好等])(?!(?:等次|等级|档次)?[”\"」]?的)"
)
_ALIASES = {"优秀": "优", "良好": "良", "中等": "中", "较差": "差"}
_SENTENCE_END = lazy_compile(r"[。；;！!？?]")
#: A group's score: "产出指标得分45分", "其中效益指标得分"; a 二级/三级 or a sub-item's: "(得 5 分)" has no whole's words.
_GROUP_BEFORE = lazy_compile(r"(?:指标[^，,。；;]{0,4}|平均|人均|最高|最低)$")
#: Another year's or period's words between the score and the grade: "2023年综合得分85分,2024年评价等级为优", "与上年
#: 评价等级为优相比" — the grade may be another year's (review12c).
_ANOTHER_PERIOD = lazy_compile(r"\d{4}\s*年|上年|上一年|去年|前年|以前年度|往年")
#: A 满分 other than the profile's 100 in the sentence: "绩效评分为45分(满分50分)" — the bands are out of 100.
_FULL_MARKS = lazy_compile(r"满分\s*(?:为|是)?\s*(?P<n>\d{1,4}(?:\.\d+)?)\s*分")
#: Bands the paragraph states itself: "85分以上为优", "85-100分为优", "90分(含)以上的为优秀" (a locality's scale).
_STATED_BAND = lazy_compile(
    r"(?P<lo>\d{1,3})\s*分?\s*(?:[（(]含[）)])?\s*(?:(?:及)?以上|[-—~～至到]\s*\d{1,3}\s*分?)\s*(?:[（(]含[）)])?\s*"
    r"(?:的)?\s*(?:为|评为|属于|定为|是)\s*[“\"「]?(?P<g>优秀|良好|中等|较差|优|良|中|差)"
)


def check_stated_grade(run: _Run, ref: TextRef | CellRef, text: str) -> None:
    """N02 (警告) where a sentence's grade is not the one its whole's score falls in under the profile's bands."""
    text = text.replace("\n", "")
    bands = resolve_profile(run.profile).settings.grade_bands
    labels = {label for label, _ in bands}
    minimum = dict(bands)
    for band in _STATED_BAND.finditer(text):
        if minimum.get(_ALIASES.get(band["g"], band["g"])) != Decimal(band["lo"]):
            return  # the paragraph grades on bands of its own: the profile's are not the author's
    for m in _SCORE.finditer(text):
        if _GROUP_BEFORE.search(text[: m.start("words")]) or _BOUND_BEFORE.search(text[: m.start("n")]):
            continue
        if _BOUND_AFTER.match(text, m.end()):
            continue
        end = _SENTENCE_END.search(text, m.end())
        rest = text[m.end() : end.start() if end else len(text)]
        said = _GRADE.search(rest)
        if said is None or _SCORE.search(rest[: said.start()]):
            continue  # no grade in the sentence, or another score is nearer to it
        if _ANOTHER_PERIOD.search(rest[: said.start()]):
            continue  # the grade may be another year's
        sentence = text[_sentence_start(text, m.start()) : m.end() + len(rest)]
        if any(Decimal(f["n"]) != 100 for f in _FULL_MARKS.finditer(sentence)):
            continue  # a score out of other than 100: the bands do not apply
        stated = _ALIASES.get(said["g"], said["g"])
        points = Decimal(m["n"])
        expected = grade(points, run.profile)
        expected = getattr(expected, "label", expected)
        if expected is None or stated not in labels or stated == expected:
            continue
        shown = "、".join(
            f"{label}≥{minimum}" if i + 1 < len(bands) or minimum > 0 else f"{label}<{bands[i - 1][1]}"
            for i, (label, minimum) in enumerate(bands)
        )
        run.issues.append(
            n02(
                ref,
                f"“{m['words']}{m['n']}分”对应的等级（{shown}）",
                f"the grade of {m['words']} {m['n']}",
                expected=expected,
                actual=said["g"],
                certainty=Certainty.JUDGEMENT,
                basis=f"{_where(ref)}“{m.group(0).strip()}…{said.group(0)}”：按规则集的等级（{shown}，财预〔2020〕10号）"
                f"{m['n']}分为“{expected}”，文字写“{said['g']}”（分数与等级按同一句中的位置配对；如当地另有等级标准，请核实）",
                basis_en=f"{m['n']} points give {expected} under the profile's bands ({shown}); the text says "
                f"{said['g']} (score and grade paired by place; a local scale may differ)",
            )
        )


def _sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding `pos` begins (after the last 。；;！!？? before it)."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, pos)]
    return ends[-1] if ends else 0
