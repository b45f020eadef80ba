"""Small builders of model objects for the rule tests, and the 隆回 seed report in model form.

Coordinates follow the standard layout of docs/design.md (funds C–H, goals B/F, indicators B–I), so a
finding's cell can be asserted exactly.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from perfxl.model import (
    AmountRow,
    BasicData,
    BuildingControl,
    CellRef,
    CellValue,
    FundsBlock,
    FundsRow,
    Goal,
    Indicator,
    Level1Heading,
    SelfEvaluation,
    Staffing,
    Submission,
)

SHEET = "自评表"
BASIC = "基础数据表"


def cv(raw: Any, cell: str, sheet: str = SHEET, anchor: str | None = None) -> CellValue:
    return CellValue.of(raw, CellRef(sheet, cell, anchor))


def funds_row(
    row: int,
    label: str,
    initial: Any,
    full: Any,
    executed: Any,
    weight: Any = None,
    rate: Any = None,
    score: Any = None,
    *,
    total: bool = False,
) -> FundsRow:
    return FundsRow(
        cv(label, f"B{row}"),
        cv(initial, f"C{row}"),
        cv(full, f"D{row}"),
        cv(executed, f"E{row}"),
        cv(weight, f"F{row}"),
        cv(rate, f"G{row}"),
        cv(score, f"H{row}"),
        is_total=total,
    )


def funds(
    total: FundsRow | None, parts: tuple[FundsRow, ...] = (), breakdown: tuple[CellValue, ...] = ()
) -> FundsBlock:
    return FundsBlock(total, parts, "万元", breakdown, CellRef(SHEET, "A4"))


def indicator(
    row: int,
    level1: str,
    level2: str,
    name: str,
    target: Any,
    actual: Any,
    weight: Any,
    score: Any,
    deviation: Any = None,
    *,
    level1_cell: str | None = None,
    nature: Any = None,
    unit: Any = None,
) -> Indicator:
    l1_anchor = level1_cell
    return Indicator(
        cv(level1, f"B{row}", anchor=l1_anchor),
        cv(level2, f"C{row}"),
        cv(name, f"D{row}"),
        cv(target, f"E{row}"),
        cv(actual, f"F{row}"),
        cv(weight, f"G{row}"),
        cv(score, f"H{row}"),
        cv(deviation, f"I{row}"),
        None if nature is None else cv(nature, f"J{row}"),
        None if unit is None else cv(unit, f"K{row}"),
    )


def heading(label: str, cell: str, name: str, declared: Any = None) -> Level1Heading:
    return Level1Heading(cv(label, cell), name, None if declared is None else Decimal(str(declared)))


def evaluation(
    indicators: list[Indicator],
    *,
    level1: tuple[Level1Heading, ...] = (),
    fund: FundsBlock | None = None,
    goals: tuple[Goal, ...] = (),
    total_weight: Any = None,
    total_score: Any = None,
    total_row: int = 40,
    grade: Any = None,
    kind: str = "project",
    header: dict[str, CellValue] | None = None,
) -> SelfEvaluation:
    return SelfEvaluation(
        kind=kind,
        sheet=SHEET,
        title=cv("2023年度项目支出绩效自评表", "A1"),
        header=header
        if header is not None
        else {"项目名称": cv("科技专项", "B3"), "主管部门": cv("科工信局", "D3"), "实施单位": cv("科工信局", "G3")},
        funds=fund,
        goals=goals,
        level1=level1,
        indicators=tuple(indicators),
        total_weight=None if total_weight is None else cv(total_weight, f"G{total_row}"),
        total_score=None if total_score is None else cv(total_score, f"H{total_row}"),
        grade=None if grade is None else cv(grade, f"H{total_row + 1}"),
    )


def submission(*evaluations: SelfEvaluation, basic: BasicData | None = None) -> Submission:
    return Submission(path="test.xlsx", evaluations=tuple(evaluations), basic=basic)


def amount(key: str, row: int, label: str, prev: Any, budget: Any, final: Any, parent: str = "") -> AmountRow:
    return AmountRow(
        key,
        cv(label, f"A{row}", BASIC),
        cv(prev, f"B{row}", BASIC),
        cv(budget, f"C{row}", BASIC),
        cv(final, f"D{row}", BASIC),
        parent,
    )


def basic(
    rows: list[AmountRow], staffing: Staffing | None = None, buildings: tuple[BuildingControl, ...] = ()
) -> BasicData:
    return BasicData(BASIC, "元", ("2022年决算数", "2023年预算数", "2023年决算数"), staffing, tuple(rows), buildings)


def staffing(establishment: Any, actual: Any, rate: Any) -> Staffing:
    return Staffing(cv(establishment, "B5", BASIC), cv(actual, "C5", BASIC), cv(rate, "D5", BASIC))


# ---------------------------------------------------------------- the seed report (隆回县科技和工业信息化局 2023)

SEED_GOAL_EXPECTED = "狠抓科技、工业、信息化工作日常调度， 新规模企业12家，新增高新技术企业10家，规模工业增加值63亿元。"
SEED_GOAL_ACTUAL = "    新规模企业12家，新增高新技术企业10家，规模工业增加值63亿元。      "


def seed_evaluation() -> SelfEvaluation:
    """The 部门整体支出绩效自评表 of the seed, as printed (with its errors)."""
    out = heading("产出指标(55分)", "B17", "产出指标", 55)
    eff = heading("效益指标（35分）", "B23", "效益指标", 35)
    sat = heading("满意度指标（10分）", "B28", "满意度指标", 10)
    o, e, s = ("产出指标(55分)", "B17"), ("效益指标（35分）", "B23"), ("满意度指标（10分）", "B28")
    rows = [
        indicator(17, o[0], "数量指标", "新进规模企业", "12家", "20家", 10, 10, level1_cell=o[1]),
        indicator(18, o[0], "数量指标", "新增高新技术企业", "10家", "13家", 10, 10, level1_cell=o[1]),
        indicator(19, o[0], "质量指标", "完成规模工业总产值", "240亿元", "246亿元", 10, 10, level1_cell=o[1]),
        indicator(20, o[0], "质量指标", "规模工业增加值", "63亿元", "65亿元", 10, 10, level1_cell=o[1]),
        indicator(21, o[0], "时效指标", "完成时间", "2023年底", "2023年底", 5, 5, level1_cell=o[1]),
        indicator(22, o[0], "成本指标", "规模工业奖励", "4万元/家", "4万元/家", 10, 10, level1_cell=o[1]),
        indicator(23, e[0], "经济效益指标", "企业研发占总产值比1.6%，", "增长2%", "增长2%", 10, 10, level1_cell=e[1]),
        indicator(
            24,
            e[0],
            "社会效益指标",
            "规模工业总产值",
            "增长12%",
            "11.8%",
            10,
            9,
            "疫情影响企业生产放缓。",
            level1_cell=e[1],
        ),
        indicator(25, e[0], "生态效益指标", "万元生产总值能耗降低率", "1%", "1%", 5, 5, level1_cell=e[1]),
        indicator(26, e[0], "可持续影响指标", None, None, None, None, None, level1_cell=e[1]),
        indicator(28, s[0], "服务对象满意度指标", "群众满意度达90%", "90%", "90%", 10, 10, level1_cell=s[1]),
    ]
    total = funds_row(6, "年度资金总额", 2223.04, 2223.04, 2223.04, 10, 94.5, 10, total=True)
    breakdown = (
        cv("按收入性质分；2223.04", "B7"),
        cv("按支出性质分：2223.04", "E7"),
        cv("  其中：  一般公共预算：2223.04", "B8"),
        cv("其中：基本支出：886.12", "E8"),
        cv("县级专项资金：1336.92", "E9"),
    )
    return SelfEvaluation(
        kind="department",
        sheet=SHEET,
        title=cv("2023年度部门整体支出绩效自评表", "A1"),
        header={"预算单位名称": cv("隆回县科技和工业信息化局", "B3")},
        funds=funds(total, (), breakdown),
        goals=(Goal(cv(SEED_GOAL_EXPECTED, "B14", anchor="B14"), cv(SEED_GOAL_ACTUAL, "F14", anchor="F14")),),
        level1=(out, eff, sat),
        indicators=tuple(rows),
        total_weight=cv(100, "G30"),
        total_score=cv(99, "H30"),
    )


def seed_basic() -> BasicData:
    rows = [
        amount("three_public", 8, "三公经费", 25362, 20000, 11131.84),
        amount("car", 9, " 1、公务用车购置和维护经费", 0, 0, 0, "three_public"),
        amount("car_purchase", 10, "其中：公车购置", 0, 0, 0, "car"),
        amount("car_running", 11, "公车运行维护", 0, 0, 0, "car"),
        amount("overseas", 12, " 2、出国经费", 0, 0, 0, "three_public"),
        amount("reception", 13, " 3、公务接待", 25362, 20000, 11131.84, "three_public"),
        amount("special_funds", 14, "县级专项资金：", 5150000, 3170000, 3170000),
        amount("", 15, " 1、业务工作经费", 1150000, 1170000, 1170000, "special_funds"),
        amount("", 16, " 2、运行维护经费", None, None, None, "special_funds"),
        amount("", 17, "3.科技工业发展资金", 4000000, 2000000, 2000000, "special_funds"),
        amount("public_funds", 19, "公用经费", 899763, 928572.74, 928572.74),
        amount("office", 20, "其中：办公经费", 133561.81, 90179.18, 90179.18, "public_funds"),
        amount("utilities_travel", 21, "水费、电费、差旅费", 286875, 137500.34, 137500.34, "public_funds"),
        amount("meetings_training", 22, "会议费、培训费", 0, 9988, 9988, "public_funds"),
        amount("procurement", 23, "政府采购金额", 626000, 900000, 900000),
        amount("basic_budget_adjustment", 24, "部门基本支出预算调整", 8035749.4, 8035749.4, 8861213.88),
    ]
    return basic(rows, staffing(32, 45, "140%"))


def seed_submission() -> Submission:
    return Submission(path="seed.xlsx", evaluations=(seed_evaluation(),), basic=seed_basic())


# ---------------------------------------------------------------- a correct 项目支出 自评表 (no findings)

OUT, EFF, SAT = ("产出指标(50分)", "B12"), ("效益指标(30分)", "B16"), ("满意度指标(10分)", "B18")


def good_rows() -> list[Indicator]:
    o, e, s = OUT, EFF, SAT
    return [
        indicator(12, o[0], "数量指标", "培训人次", "≥300人次", "320人次", 20, 20, level1_cell=o[1]),
        indicator(13, o[0], "质量指标", "培训合格率", "≥95%", "96%", 10, 10, level1_cell=o[1]),
        indicator(14, o[0], "时效指标", "完成时间", "2023年底", "2023年底", 10, 10, level1_cell=o[1]),
        indicator(15, o[0], "成本指标", "人均培训成本", "≤500元", "480元", 10, 10, level1_cell=o[1]),
        indicator(
            16,
            e[0],
            "社会效益指标",
            "站点建设数",
            "≥5个",
            "4个",
            20,
            16,
            "受选址审批影响，1个站点推迟到次年建成，已落实新址。",
            level1_cell=e[1],
        ),
        indicator(17, e[0], "可持续影响指标", "长效管理机制", "健全", "达成年度指标", 10, 10, level1_cell=e[1]),
        indicator(18, s[0], "服务对象满意度指标", "培训对象满意度", "≥90%", "95%", 10, 10, level1_cell=s[1]),
    ]


def good_evaluation(**changes: Any) -> SelfEvaluation:
    """A 项目支出绩效自评表 with every number right; `changes` replace fields (dataclasses.replace)."""
    import dataclasses

    ev = evaluation(
        good_rows(),
        level1=(
            heading(OUT[0], OUT[1], "产出指标", 50),
            heading(EFF[0], EFF[1], "效益指标", 30),
            heading(SAT[0], SAT[1], "满意度指标", 10),
        ),
        fund=funds(
            funds_row(5, "年度资金总额", 100, 100, 95, 10, "95.00%", 9.5, total=True),
            (funds_row(6, "其中：本年财政拨款", 100, 100, 95),),
        ),
        goals=(
            Goal(
                cv("完成培训300人次，建设站点5个，形成长效管理机制。", "B9"),
                cv("全年完成培训320人次，建成站点4个，另1个因选址审批推迟。", "F9"),
            ),
        ),
        total_weight=100,
        total_score=95.5,
        total_row=19,
    )
    return dataclasses.replace(ev, **changes) if changes else ev


def replace_row(ev: SelfEvaluation, index: int, **changes: Any) -> SelfEvaluation:
    """`ev` with indicator `index` changed: values given as raw (cells keep their place)."""
    import dataclasses

    rows = list(ev.indicators)
    row = rows[index]
    fields = {k: dataclasses.replace(getattr(row, k), raw=v) for k, v in changes.items()}
    rows[index] = dataclasses.replace(row, **fields)
    return dataclasses.replace(ev, indicators=tuple(rows))


def unscored(ev: SelfEvaluation) -> SelfEvaluation:
    """The same rows on a form without 分值 and 得分 columns (Wuhan/Sichuan transfer-payment style)."""
    import dataclasses

    rows = tuple(dataclasses.replace(i, weight=CellValue.empty(), score=CellValue.empty()) for i in ev.indicators)
    return dataclasses.replace(ev, indicators=rows, total_weight=None, total_score=None)


def with_total(ev: SelfEvaluation, **changes: Any) -> SelfEvaluation:
    """`ev` with its funds total row changed (raw values; cells keep their place)."""
    import dataclasses

    total = ev.funds.total
    names = {"initial": "initial_budget", "full": "full_budget"}
    fields = {names.get(k, k): dataclasses.replace(getattr(total, names.get(k, k)), raw=v) for k, v in changes.items()}
    return dataclasses.replace(ev, funds=dataclasses.replace(ev.funds, total=dataclasses.replace(total, **fields)))


def briefs(sub_or_ev: Any, code: str | None = None, profile: Any = None) -> list[tuple[str, str | None, str | None]]:
    """(code, sheet, cell) of the findings (of `code` only, when given)."""
    from perfxl.validate import validate_submission

    sub = sub_or_ev if isinstance(sub_or_ev, Submission) else submission(sub_or_ev)
    found = validate_submission(sub, profile, select=[code] if code else None)
    return [f.brief() for f in found if code is None or f.code == code]
