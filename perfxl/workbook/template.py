"""The standard reporting workbook: 基础数据表, 部门整体支出绩效自评表, 项目支出绩效自评表, 填表说明.

Layout per 财预〔2020〕10号 附1 (项目支出) and the Hunan 部门整体支出 forms (基础数据表 附件3);
input cells are empty, computed cells carry formulas with cached values (`TEMPLATE_SHAPE`).
"""

from __future__ import annotations

from .content import (
    AmountLine,
    BasicContent,
    BuildingLine,
    EvaluationContent,
    FundsLine,
    IndicatorLine,
    WorkbookContent,
)
from .shape import Shape

__all__ = [
    "TEMPLATE_SHAPE",
    "KINDS",
    "template_content",
    "basic_template",
    "department_template",
    "project_template",
    "INSTRUCTIONS",
    "INDICATOR_SKELETON",
]

#: Formulas with cached values, PERF_SCORE in 得分, tier dropdown on every 实际完成值 cell.
TEMPLATE_SHAPE = Shape(formulas=True, perf_scores=True, all_dropdowns=True)

KINDS = ("department", "project")

#: 一级 → 二级 rows of the 绩效指标 block (财预〔2020〕10号 附1; two rows for 数量/质量).
INDICATOR_SKELETON: tuple[tuple[str, str], ...] = (
    ("产出指标", "数量指标"),
    ("产出指标", "数量指标"),
    ("产出指标", "质量指标"),
    ("产出指标", "质量指标"),
    ("产出指标", "时效指标"),
    ("产出指标", "成本指标"),
    ("效益指标", "经济效益指标"),
    ("效益指标", "社会效益指标"),
    ("效益指标", "生态效益指标"),
    ("效益指标", "可持续影响指标"),
    ("满意度指标", "服务对象满意度指标"),
)

INSTRUCTIONS: tuple[str, ...] = (
    "一、本工作簿含“基础数据表”“部门整体支出绩效自评表”“项目支出绩效自评表”三张表，格式依据财预〔2020〕10号附1及湖南省部门整体支出绩效评价基础数据表。",
    "二、白色单元格由单位填写；灰色单元格为公式（合计、执行率、控制率、得分、总分），请勿覆盖。",
    "三、金额单位：基础数据表为元，自评表为万元（见各表标注）。执行率、控制率以百分数数值填列（如 94.5 表示 94.5%）。",
    "四、年度指标值请连同符号和单位填写，如“≥12家”“≤90万元”“增长12%”“2023年12月底前”；定性指标的实际完成值请在下拉列表中选择：达成年度指标 / 部分达成年度指标并具有一定效果 / 未达成年度指标且效果较差。",
    "五、“得分”列使用 PERF_SCORE 函数（perfxl 插件）按财预〔2020〕10号计分：完成年度指标得满分，未完成按完成比例计分；定性指标按档次计分。未安装插件时显示的是生成文件时的计算结果。",
    "六、得分低于分值或实际完成值明显超过年度指标值的，须在“偏差原因分析及改进措施”中说明原因和改进措施。",
    "七、总分 = 各三级指标得分之和 + 预算执行率得分；预算执行率得分 = 分值 × min(1, 全年执行数 ÷ 全年预算数)。",
    "八、可插入行增加指标，但请勿删除或改动表头；填写完毕可用“校验”按钮或命令 perfxl validate 文件名 检查。",
)

_AMOUNTS = (
    AmountLine("three_public", "三公经费", sum_of=("vehicles", "overseas", "reception")),
    AmountLine(
        "vehicles", "1、公务用车购置和维护经费", parent="three_public", sum_of=("vehicle_purchase", "vehicle_running")
    ),
    AmountLine("vehicle_purchase", "其中：公车购置", parent="vehicles"),
    AmountLine("vehicle_running", "公车运行维护", parent="vehicles"),
    AmountLine("overseas", "2、出国经费", parent="three_public"),
    AmountLine("reception", "3、公务接待", parent="three_public"),
    AmountLine("special_funds", "县级专项资金", sum_of=("special_1", "special_2", "special_3")),
    AmountLine("special_1", "1、业务工作经费", parent="special_funds"),
    AmountLine("special_2", "2、运行维护经费", parent="special_funds"),
    AmountLine("special_3", "3、其他专项资金", parent="special_funds"),
    AmountLine("public_funds", "公用经费"),
    AmountLine("office", "其中：办公经费", parent="public_funds"),
    AmountLine("utilities_travel", "水费、电费、差旅费", parent="public_funds"),
    AmountLine("meetings_training", "会议费、培训费", parent="public_funds"),
    AmountLine("procurement", "政府采购金额"),
    AmountLine("budget_adjustment", "部门基本支出预算调整"),
)


def basic_template() -> BasicContent:
    return BasicContent(
        title="（　　）年度部门整体支出绩效评价基础数据表",
        unit_note="单位：元",
        amounts=_AMOUNTS,
        buildings=(BuildingLine(), BuildingLine()),
        note="说明：“县级专项资金”需要填报基本支出以外的所有县级专项资金情况，“公用经费”填报基本支出中的一般商品和服务支出。",
    )


def _skeleton() -> tuple[IndicatorLine, ...]:
    return tuple(IndicatorLine(l1, l2) for l1, l2 in INDICATOR_SKELETON)


def department_template() -> EvaluationContent:
    return EvaluationContent(
        kind="department",
        sheet="部门整体支出绩效自评表",
        title="（　　）年度部门整体支出绩效自评表",
        header=(("预算单位名称", None),),
        funds_label="年度预算申请（万元）",
        funds=(FundsLine("年度资金总额", weight=10, is_total=True),),
        breakdown=(
            ("按收入性质分：", "按支出性质分："),
            ("其中：一般公共预算：", "其中：基本支出："),
            ("政府性基金拨款：", "项目支出："),
            ("纳入专户管理的非税收入拨款：", None),
            ("其他资金：", None),
        ),
        indicators=_skeleton(),
    )


def project_template() -> EvaluationContent:
    return EvaluationContent(
        kind="project",
        sheet="项目支出绩效自评表",
        title="（　　）年度项目支出绩效自评表",
        header=(("项目名称", None), ("主管部门", None), ("实施单位", None)),
        funds_label="项目资金（万元）",
        funds=(
            FundsLine("年度资金总额", weight=10, is_total=True),
            FundsLine("其中：本年财政拨款"),
            FundsLine("上年结转资金"),
            FundsLine("其他资金"),
        ),
        indicators=_skeleton(),
    )


def template_content(kind: str | None = None) -> WorkbookContent:
    """The blank standard workbook: all sheets, or those of one kind ("department" | "project")."""
    if kind not in (None, *KINDS):
        raise ValueError(f"unknown template kind: {kind!r}")
    basic = basic_template() if kind in (None, "department") else None
    evaluations = tuple(
        ev for k, ev in (("department", department_template()), ("project", project_template())) if kind in (None, k)
    )
    return WorkbookContent(
        basic=basic,
        evaluations=evaluations,
        instructions=INSTRUCTIONS,
        title="预算绩效自评标准工作簿（perfxl）",
        subject="部门整体支出/项目支出绩效自评表（财预〔2020〕10号）",
        comments="由 perfxl 生成（python -m perfxl.workbook.build）；请勿手工修改表结构。",
    )
