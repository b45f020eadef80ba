"""Which checks cannot run on a 自评表, decided from the model alone: a column the table lacks, or the table being one part
of a form scored in two. Shared by the reader (its coverage lists them) and the check runner (it skips them on that
table only), so the engine needs no part of the layout.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from .model import SelfEvaluation, SkippedCheck
from .numbers import HUNDRED, to_decimal

__all__ = ["skipped_for", "part_of_form", "NEEDS_INDICATOR_COLUMN", "NEEDS_FUNDS_COLUMN", "WHOLE_TABLE_CHECKS"]

#: Checks over the whole table (its weights, 一级 classes, 总分, grade): a fragment lacks its first rows, so they are
#: not run on it (coverage says why) — its rows are checked one by one.
WHOLE_TABLE_CHECKS = ("W01", "W02", "W03", "W05", "I02", "T02", "T04", "T05", "T07")

#: Checks that need a 绩效指标 column: a table without it cannot run them (coverage, not findings).
NEEDS_INDICATOR_COLUMN: dict[str, tuple[str, ...]] = {
    # S08 (over-completion explained) also runs without 分值: `Context.outcome` judges the row
    "weight": ("W01", "W02", "W03", "W04", "S01", "S02", "S03", "S05", "S06", "S07", "S11", "T05", "T07"),
    "score": ("S01", "S02", "S03", "S05", "S06", "S07", "T02", "T03", "T04", "T06", "T07"),
    "actual": ("S01", "S02", "S03", "S04", "S05", "S07", "S08", "D01", "G03"),
    "target": ("S01", "S02", "S03", "S05", "S07", "S08", "S09", "S13", "S14", "S16", "D01"),
    # a 三级 column the header does not name ("指标内容") is absent: its names are not "blank" (review round 14)
    "name": ("I01",),
}
#: Checks that need a funds column (预算执行率 分值/得分/执行率).
NEEDS_FUNDS_COLUMN: dict[str, tuple[str, ...]] = {"weight": ("F05", "F06"), "score": ("F05",), "rate": ("F04",)}
_ZH = {
    "weight": "分值",
    "score": "得分",
    "actual": "实际完成值",
    "target": "年度指标值",
    "rate": "执行率",
    "name": "三级指标",
}


def skipped_for(ev: SelfEvaluation, sheet_tables: Iterable[SelfEvaluation] = ()) -> list[SkippedCheck]:
    """The checks that cannot run on this table because it has no column they need; `sheet_tables`, the 自评表 read on
    its sheet (this one among them), tell whether it is one part of a form scored in two (`part_of_form`)."""
    out: dict[str, SkippedCheck] = {}  # one entry per code: the first reason found

    def skip(codes: Iterable[str], reason_zh: str, reason_en: str) -> None:
        for code in codes:
            out.setdefault(code, SkippedCheck(code, reason_zh, reason_en, ev.sheet))

    if (part := part_of_form(ev, sheet_tables)) is not None:
        skip(
            WHOLE_TABLE_CHECKS,
            f"本表无总分行，一级指标标注分值合计 {part} 分（不足 100 分），同一工作表另有一部分指标："
            "应是评分表的一部分（其余分值在另一部分），分值合计、必设指标、总分与等级未核对",
            f"no 总分 row, the 一级 weights declared come to {part} (short of 100) and another indicator part is on the "
            "sheet: taken for one part of a scoring form (the rest of the 100 in the other); sums, classes, total and "
            "grade not checked",
        )
    if ev.columns and ev.indicators:
        for role, codes in NEEDS_INDICATOR_COLUMN.items():
            if role not in ev.columns:
                skip(codes, f"表中没有“{_ZH[role]}”列，无法检查", f"the table has no {role} column")
    funds = ev.funds
    if funds is not None and funds.columns:
        for role, codes in NEEDS_FUNDS_COLUMN.items():
            if role not in funds.columns:
                skip(
                    codes,
                    f"资金表中没有“{_ZH[role]}”列（预算执行率不计分或未列出），无法检查",
                    f"the funds block has no {role} column",
                )
        if "management" in funds.columns:  # 四川 转移支付 绩效评价表: reasons go to 资金管理情况, not read
            skip(
                ("F07", "F08"),
                "说明写在“资金管理情况”栏（情况说明、存在问题、改进措施），perfxl 未读取该栏，未检查是否说明原因",
                "explanations belong in the 资金管理情况 block, which perfxl does not read",
            )
    return list(out.values())


def part_of_form(ev: SelfEvaluation, sheet_tables: Iterable[SelfEvaluation] = ()) -> Decimal | None:
    """The declared 一级 weights' sum of a table that is one part of its scoring form, else None. 湖北 项目支出绩效自评表
    (广水 2019/2021, 随州 2022) scores the 项目决策/项目管理 part (15 分: "项目决策2分", "项目管理13分", each item's 分值) and
    the 项目绩效 part (85 分: "产出指标40分" …, no 分值 column) as two tables on one sheet, the 自评总分 in the head. A
    table is a part when it has no 总分 row, every 一级 declares its weight, their sum is short of 100, another indicator
    table is on the sheet, and either the two parts' stated weights make up 100, or this part's rows print 分值 adding
    up to its declarations and the other part leaves room for them (the stored copy may stop inside it). A table whose
    rows print 分值 adding up to other than its declarations is no part (W02/W03 judge it), nor a lone table whose consistent
    declarations add up to 90 (产出50 + 效益30 + 满意度10, 预算执行率 unscored): its W03/W05 stand."""
    others = [other for other in sheet_tables if _another_part(ev, other)]
    if not others or ev.total_score is not None or ev.total_weight is not None or not ev.indicators:
        return None
    scored = ev.funds.scored if ev.funds is not None else None
    if scored is not None and to_decimal(scored.weight.raw) is not None:
        return None  # a 10号 form scoring its 预算执行率: its weights are judged with that row's
    part = _declared(ev)
    if part is None or part >= HUNDRED:
        return None
    rows = _rows_weight(ev)
    if rows is not None and rows != part:
        return None  # its rows are not what its groups declare: W02/W03 judge it
    rest = [_stated_weight(other) for other in others]
    if any(w is not None and part + w == HUNDRED for w in rest):
        return part  # the two parts make up the form's 100 (湖北: 15 + 85)
    if rows == part and any(w is None or part + w <= HUNDRED for w in rest):
        return part
    return None


def _another_part(ev: SelfEvaluation, other: SelfEvaluation) -> bool:
    """`other` is another 自评表 with indicator rows on `ev`'s sheet (the 湖北 form's other part)."""
    return other is not ev and other.sheet == ev.sheet and bool(other.indicators) and other.kind == ev.kind


def _declared(ev: SelfEvaluation) -> Decimal | None:
    """The sum of the weights the table's 一级 groups declare ("产出指标40分"), None unless every group declares one (a
    heading over no row is no group)."""
    groups = {i.level1.raw for i in ev.indicators}
    declared = [h.declared_weight for h in ev.level1 if h.label.raw in groups]
    if not declared or any(d is None for d in declared):
        return None
    return sum((d for d in declared if d is not None), Decimal(0))


def _rows_weight(ev: SelfEvaluation) -> Decimal | None:
    """The sum of the rows' printed 分值, None unless every row prints one."""
    weights = [to_decimal(i.weight.raw) for i in ev.indicators]
    if not weights or any(w is None for w in weights):
        return None
    return sum((w for w in weights if w is not None), Decimal(0))


def _stated_weight(ev: SelfEvaluation) -> Decimal | None:
    """The points a table states for itself: its 一级 declarations' sum, else its rows' 分值, else None."""
    declared = _declared(ev)
    return declared if declared is not None else _rows_weight(ev)
