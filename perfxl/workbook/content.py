"""Plain data describing what a self-evaluation workbook contains, independent of where cells go.

A `WorkbookContent` is what finance staff typed (values exactly as typed: numbers, texts with
their spaces, blanks); the layout code (`perfxl.workbook.sheets`) decides rows, columns, merges
and formulas from a `Shape`. So one content can be written in many real-world shapes.
"""

from __future__ import annotations

from dataclasses import field
from datetime import datetime
from decimal import Decimal

from perfxl.records import record

__all__ = [
    "Value",
    "FundsLine",
    "IndicatorLine",
    "EvaluationContent",
    "AmountLine",
    "BuildingLine",
    "BasicContent",
    "PlantedError",
    "WorkbookContent",
    "TIER_LABELS",
]

#: A cell value as typed: text (kept verbatim, spaces included), a number, or None for empty.
Value = str | int | float | Decimal | None

#: The three qualitative tiers of 实际完成值 (财预〔2020〕10号 定性指标), offered as a dropdown.
TIER_LABELS: tuple[str, str, str] = (
    "达成年度指标",
    "部分达成年度指标并具有一定效果",
    "未达成年度指标且效果较差",
)


@record(frozen=True)
class FundsLine:
    """One row of the funds block: 年度资金总额 or a part (其中：本年财政拨款, 上年结转资金, 其他资金)."""

    label: Value
    initial: Value = None  # 年初预算数
    full: Value = None  # 全年预算数
    executed: Value = None  # 全年执行数
    weight: Value = None  # 分值 (total row only)
    rate: Value = None  # 执行率, percent points as typed (94.5 means 94.5%)
    score: Value = None  # 得分
    is_total: bool = False


@record(frozen=True)
class IndicatorLine:
    """One 三级指标 row; `level1`/`level2` are the (forward-filled) group labels it belongs to."""

    level1: Value
    level2: Value
    name: Value = None
    target: Value = None  # 年度指标值 as typed ("≥12家", "增长12%", "2023年底")
    actual: Value = None  # 实际完成值
    weight: Value = None  # 分值
    score: Value = None  # 得分 as typed by the unit
    deviation: Value = None  # 偏差原因分析及改进措施
    qualitative: bool | None = None  # offer the tier dropdown; None = decide from the values


@record(frozen=True)
class EvaluationContent:
    """One 自评表: 部门整体支出 ("department") or 项目支出 ("project") per 财预〔2020〕10号 附1."""

    kind: str
    sheet: str
    title: Value
    header: tuple[tuple[str, Value], ...] = ()  # (预算单位名称, …) or (项目名称, 主管部门, 实施单位)
    funds_label: str = "年度预算申请（万元）"
    funds: tuple[FundsLine, ...] = ()
    breakdown: tuple[tuple[Value, Value], ...] = ()  # free-text rows under the total (left, right)
    goal_expected: Value = None  # 年度总体目标 · 预期目标
    goal_actual: Value = None  # 年度总体目标 · 实际完成情况
    indicators: tuple[IndicatorLine, ...] = ()
    total_weight: Value = None  # 总分 row, 分值
    total_score: Value = None  # 总分 row, 得分
    labels: dict[str, str] = field(default_factory=dict)  # header texts as published, by key

    @property
    def funds_total(self) -> FundsLine | None:
        return next((f for f in self.funds if f.is_total), None)


@record(frozen=True)
class AmountLine:
    """A money row of the 基础数据表 (上年决算数 | 本年预算数 | 本年决算数).

    `key` names the row for readers and formulas ("three_public", "reception" …; "" for a
    free row); `sum_of` lists the keys whose sum the row is (a formula in the template).
    """

    key: str
    label: Value
    prev: Value = None
    budget: Value = None
    final: Value = None
    parent: str = ""
    sum_of: tuple[str, ...] = ()


@record(frozen=True)
class BuildingLine:
    """One 楼堂馆所 project: areas in ㎡, investment in 万元, and the two control rates."""

    label: Value = None
    approved_area: Value = None
    actual_area: Value = None
    area_rate: Value = None
    budget_investment: Value = None
    actual_investment: Value = None
    investment_rate: Value = None


@record(frozen=True)
class BasicContent:
    """部门整体支出绩效评价基础数据表 (Hunan 附件3 layout, as in the seed report)."""

    title: Value
    sheet: str = "基础数据表"
    unit_note: Value = "单位：元"
    unit: str = "元"
    staffing_label: Value = "财政供养人员情况"
    staffing_headers: tuple[Value, Value, Value] = ("编制数", "实际在职人数", "控制率")
    establishment: Value = None
    actual_staff: Value = None
    control_rate: Value = None  # as typed ("140%")
    amounts_label: Value = "经费控制情况"
    year_headers: tuple[Value, Value, Value] = ("上年决算数", "本年预算数", "本年决算数")
    amounts: tuple[AmountLine, ...] = ()
    building_label: Value = "楼堂馆所控制情况"
    building_headers: tuple[Value, ...] = (
        "批复规模（㎡）",
        "实际规模（㎡）",
        "规模控制率",
        "预算投资（万元）",
        "实际投资（万元）",
        "投资概算控制率",
    )
    building_subrow: tuple[Value, ...] | None = None  # a second header row, as the seed has
    buildings: tuple[BuildingLine, ...] = ()
    frugality_label: Value = "厉行节约保障措施"
    frugality: Value = None
    note: Value = None  # 说明：…

    def amount(self, key: str) -> AmountLine | None:
        return next((a for a in self.amounts if a.key == key), None)


@record(frozen=True)
class PlantedError:
    """An error deliberately put into synthetic content, so benchmarks and tests know the answer.

    `path` names the content element ("evaluations[0].indicators[3].score"); the writer maps
    it to a cell in `WrittenWorkbook.cells`.
    """

    kind: str
    path: str
    note: str = ""


@record(frozen=True)
class WorkbookContent:
    """Everything one workbook holds: the 基础数据表, the 自评表s, and document properties."""

    basic: BasicContent | None = None
    evaluations: tuple[EvaluationContent, ...] = ()
    instructions: tuple[str, ...] = ()  # lines of the 填表说明 sheet (template only)
    title: str = ""
    subject: str = ""
    comments: str = ""  # document-properties note, e.g. the source of a transcription
    created: datetime = datetime(2024, 1, 1, 0, 0, 0)
    planted: tuple[PlantedError, ...] = ()
