"""I12 on a share that cannot pass 100%: 满意度 290%, 合格率 250% (a 警告, the cell likely misread or mistyped).

A satisfaction rate, a pass rate or a coverage rate is a part of a whole: above 100% the figure is not what the row
measures. OCR of a published table reads "≥" as "2" ("≥90%" → "290%", 卜乡/原州 2020–2022), so such an actual often
only repeats a "≥90%" target and its full marks rest on nothing. Which rows are shares is read from the indicator's
name (the words below), so the finding is a judgement and says so; growth and completion rates (增长率, 完成率) may
pass 100% and are not named here, nor are the education ratios defined to pass it: a 毛入学率 counts pupils of any age
against the age group (初中阶段毛入学率 103.5%), a 巩固率 counts those who finish against those who entered, transfers in
included (教育部 教育统计指标解释); a 参保率 counts the insured against a base that leaves some of them out (户籍 or
目标人口, while residents from elsewhere insure here too), so 100.3% is a figure tables print. Under those names only the
"≥" misread as "2" ("295%" for ≥95%) is flagged.
"""

from __future__ import annotations

from collections.abc import Iterator

from perfxl.chinese import to_simplified
from perfxl.model import CellValue, Certainty, Finding, Indicator
from perfxl.numbers import HUNDRED
from perfxl.patterns import lazy_compile
from perfxl.values import PERCENT

from .context import Context, fmt_num

__all__ = ["over_whole", "share_above_whole"]

#: Words naming a share of a whole in a 三级指标 name.
_SHARE = lazy_compile(
    r"满意度|满意率|合格率|达标率|覆盖率|知晓率|知晓度|认知度|认可度|入学率|巩固率|参保率|出勤率|准确率|正确率|及格率|"
    r"优良率|通过率|成活率|存活率|普及率|识别率|辨识度"
)
#: Ratios named like shares that pass 100% by definition or by their base (see the module's docstring).
_MAY_PASS = lazy_compile(r"毛入学率|毛入园率|巩固率|参保率")
#: "2" read for "≥" before a percent of at most 100: "290%" → "≥90%".
_GE_AS_TWO = lazy_compile(r"^\s*2(\d{1,2}(?:\.\d+)?|100)\s*[%％]\s*$")


def _share_word(ctx: Context, ind: Indicator, cell: CellValue) -> str | None:
    """The share word of the row's name when `cell` is a percent above 100% that word cannot be, else None."""
    p = ctx.parsed(cell)
    if p.kind is not PERCENT or p.number is None or p.number <= HUNDRED or p.op is not None:
        return None
    name = to_simplified(ind.name.text)  # "滿意度" is 满意度
    word = _SHARE.search(name)
    if word is None or (_MAY_PASS.search(name) and not _GE_AS_TWO.match(cell.text)):
        return None
    return word.group(0)


def over_whole(ctx: Context, ind: Indicator, cell: CellValue) -> bool:
    """True when I12 says `cell` (text, read as a number) is a share above 100%: I07's "超出 0–100%" would be the same
    cause said again, without I12's reading of it (卜乡 2020 "290%": "≥90%" misread; issue 11, one cause one finding)."""
    return isinstance(cell.raw, str) and not ctx.parsed(cell).reason and _share_word(ctx, ind, cell) is not None


def share_above_whole(ctx: Context, ind: Indicator, cell: CellValue, column: str, column_en: str) -> Iterator[Finding]:
    """I12 when `cell` (the row's target or actual) is a percent above 100% on a row whose name names a share."""
    share = _share_word(ctx, ind, cell)
    if share is None:
        return
    p = ctx.parsed(cell)
    ocr = _GE_AS_TWO.match(cell.text)
    guess = f"疑为“≥{ocr.group(1)}%”（“≥”被识别或录入为“2”）" if ocr else "疑为识别或录入错误"
    yield ctx.finding(
        cell,
        expected="不超过 100% 的比率",
        actual=cell.text,
        name=ind.name.text,
        column=column,
        column_en=column_en,
        problem=f"超过 100%，而“{share}”不可能超过 100%，{guess}；该值不能作为{column}，请核对后重新填写",
        problem_en=f"is above 100%, which a {share} cannot be (likely misread or mistyped)",
        certainty=Certainty.JUDGEMENT,
        basis=f"读取 {cell.place()}：“{cell.text}”，即 {fmt_num(p.number)}%；指标名称含“{share}”（占全体的比率，"
        f"按名称判断），不超过 100%；{guess}，需人工核对",
        basis_en=f"read {cell.place()}: {cell.text!r} = {fmt_num(p.number)}%; the name says a share ({share}), "
        "at most 100% (judged from the name)",
    )
