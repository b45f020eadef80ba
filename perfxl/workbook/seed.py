"""The seed report as content: 隆回县科技和工业信息化局, 2023 部门整体支出绩效自评 (published 2024-04-28).

Transcribed verbatim from the report's two published tables (its 基础数据表 and
部门整体支出绩效自评表; tests/fixtures/seed_tables.txt holds an independent transcription they are checked against). Every number and text is kept exactly as published, errors included —
finding them is perfxl's job. Deliberate choices, documented in docs/workbooks.md:
- numbers typed as numbers (2223.04, 94.5, 32); texts kept with their spaces (" 1、公务用车…",
  the goals text, "286875 " with its trailing space, which therefore stays text);
- 控制率 is the text "140%" (what was typed), so it reads back as 140%, not as 1.4;
- "[bookmark: _GoBack]" before 8035749.4 is a Word bookmark in the extraction, not content;
- blank, "……" and empty rows stay where they are.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal as D

from .content import (
    AmountLine,
    BasicContent,
    BuildingLine,
    EvaluationContent,
    FundsLine,
    IndicatorLine,
    WorkbookContent,
)

__all__ = ["SOURCE_NOTE", "seed_content", "seed_basic", "seed_department"]

SOURCE_NOTE = (
    "来源：《2023年度隆回县科工信局部门整体支出绩效自评报告》（隆回县科技和工业信息化局，2024年4月28日公开），"
    "附表“2023年度部门整体支出绩效评价基础数据表”和“2023年度部门整体支出绩效自评表”，"
    "按原文逐字照录（含原文错误，未作任何更正）。"
)


def seed_basic() -> BasicContent:
    """2023年度部门整体支出绩效评价基础数据表, money in 元 (the table itself states no unit)."""
    a = AmountLine
    return BasicContent(
        title="2023年度部门整体支出绩效评价基础数据表",
        unit_note="               ",  # the published unit row holds only 15 spaces
        unit="元",
        staffing_headers=("编制数", "2023年实际在职人数", "控制率"),
        establishment=32,
        actual_staff=45,
        control_rate="140%",
        year_headers=("2022年决算数", "2023年预算数", "2023年决算数"),
        amounts=(
            a("three_public", "三公经费", 25362, 20000, D("11131.84"), sum_of=("vehicles", "overseas", "reception")),
            a(
                "vehicles",
                " 1、公务用车购置和维护经费",
                0,
                0,
                0,
                parent="three_public",
                sum_of=("vehicle_purchase", "vehicle_running"),
            ),
            a("vehicle_purchase", "     其中：公车购置", 0, 0, 0, parent="vehicles"),
            a("vehicle_running", "       公车运行维护", 0, 0, 0, parent="vehicles"),
            a("overseas", " 2、出国经费", 0, 0, 0, parent="three_public"),
            a("reception", " 3、公务接待", 25362, 20000, D("11131.84"), parent="three_public"),
            a(
                "special_funds",
                "县级专项资金：",
                5150000,
                3170000,
                3170000,
                sum_of=("special_1", "special_2", "special_3"),
            ),
            a("special_1", " 1、业务工作经费", 1150000, 1170000, 1170000, parent="special_funds"),
            a("special_2", " 2、运行维护经费", None, None, None, parent="special_funds"),
            a("special_3", "3.科技工业发展资金", 4000000, 2000000, 2000000, parent="special_funds"),
            a("", None),
            a("public_funds", "公用经费", 899763, D("928572.74"), D("928572.74")),
            a("office", "其中：办公经费", D("133561.81"), D("90179.18"), D("90179.18"), parent="public_funds"),
            a(
                "utilities_travel",
                "  水费、电费、差旅费",
                "286875 ",
                D("137500.34"),
                D("137500.34"),
                parent="public_funds",
            ),
            a("meetings_training", "会议费、培训费", 0, 9988, 9988, parent="public_funds"),
            a("procurement", "政府采购金额", 626000, 900000, 900000),
            a("budget_adjustment", "部门基本支出预算调整", D("8035749.4"), D("8035749.4"), D("8861213.88")),
        ),
        building_headers=(
            "批复规模",
            "实际规模（㎡）",
            "规模控制率",
            "预算投资（万元）",
            "实际投资（万元）",
            "投资概算控制率",
        ),
        building_subrow=("（2023年完工项目）", "（㎡）", None, None, None, None, None),
        buildings=(BuildingLine(),),  # one empty project row
        frugality="1.严格执行财务管理制度；2.严控“三公经费”支出。",
        note="说明：“县级专项资金”需要填报基本支出以外的所有县级专项资金情况，“公用经费”填报基本支出中的一般商品和服务支出。",
    )


def seed_department() -> EvaluationContent:
    """2023年度部门整体支出绩效自评表 (funds in 万元)."""
    out1, out2 = "产出指标(55分)", "效益指标（35分）"  # half- and full-width parentheses as published
    sat = "满意度指标（10分）"
    i = IndicatorLine
    return EvaluationContent(
        kind="department",
        sheet="部门整体支出绩效自评表",
        title="2023年度部门整体支出绩效自评表",
        header=(("预算单位名称", "隆回县科技和工业信息化局"),),
        funds_label="年度预算申请（万元）",
        funds=(FundsLine("年度资金总额", D("2223.04"), D("2223.04"), D("2223.04"), 10, D("94.5"), 10, is_total=True),),
        breakdown=(
            ("按收入性质分；2223.04", "按支出性质分：2223.04"),
            ("  其中：  一般公共预算：2223.04", "其中：基本支出：886.12"),
            ("政府性基金拨款：", "县级专项资金：1336.92"),
            ("纳入专户管理的非税收入拨款：", None),
            ("其他资金：", None),
        ),
        goal_expected="狠抓科技、工业、信息化工作日常调度， 新规模企业12家，新增高新技术企业10家，规模工业增加值63亿元。          ",
        goal_actual="    新规模企业12家，新增高新技术企业10家，规模工业增加值63亿元。      ",
        indicators=(
            i(out1, "数量指标", "新进规模企业", "12家", "20家", 10, 10),
            i(out1, "数量指标", "新增高新技术企业", "10家", "13家", 10, 10),
            i(out1, "质量指标", "完成规模工业总产值", "240亿元", "246亿元", 10, 10),
            i(out1, "质量指标", "规模工业增加值", "63亿元", "65亿元", 10, 10),
            i(out1, "时效指标", "完成时间", "2023年底", "2023年底", 5, 5),
            i(out1, "成本指标", "规模工业奖励", "4万元/家", "4万元/家", 10, 10),
            i(out1, "成本指标", "……"),
            i(out2, "经济效益指标", "企业研发占总产值比1.6%，", "增长2%", "增长2%", 10, 10),
            i(out2, "经济效益指标", "……"),
            i(out2, "社会效益指标", "规模工业总产值", "增长12%", "11.8%", 10, 9, "疫情影响企业生产放缓。"),
            i(out2, "社会效益指标", None),
            i(out2, "生态效益指标", "万元生产总值能耗降低率", "1%", "1%", 5, 5),
            i(out2, "生态效益指标", "……"),
            i(out2, "可持续影响指标", None),
            i(sat, "服务对象满意度指标", "群众满意度达90%", "90%", "90%", 10, 10),
        ),
        total_weight=100,
        total_score=99,
        labels={"goal_actual": "实际完成情况\u3000"},  # published with a trailing ideographic space
    )


def seed_content() -> WorkbookContent:
    """The whole seed example: 基础数据表 + 部门整体支出绩效自评表, with the source note."""
    return WorkbookContent(
        basic=seed_basic(),
        evaluations=(seed_department(),),
        title="2023年度隆回县科工信局部门整体支出绩效自评（基础数据表、自评表）",
        subject="部门整体支出绩效自评 · 隆回县科技和工业信息化局 · 2023",
        comments=SOURCE_NOTE,
        created=datetime(2024, 4, 28, 0, 0, 0),
    )
