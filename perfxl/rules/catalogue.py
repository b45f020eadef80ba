"""The check catalogue as data: one `CheckSpec` per finding code, plus the registry of implementations.

Codes are the rule ids of domain-rules.md §6 without the "R-" prefix (R-F04 → "F04"); the
基础数据表 rules R-D-01…R-D-15 become "B01"…"B15" so they never clash with R-D01…R-D03
(偏差原因). A few ids split into several codes (R-G01 → G01/G02/G03) so each message is precise.
Codes never change meaning; retired codes are not reused.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import field, replace
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from perfxl.io.guard_codes import FINDING_CODES, GUARD_ENTRIES, GUARD_SETTINGS
from perfxl.model import Certainty, Finding, Severity
from perfxl.quoting import nest_quotes
from perfxl.records import record

from .code_notes import CHECK_NOTES
from .other_codes import KINDS, OTHER_CODES, STATUS

if TYPE_CHECKING:  # pragma: no cover
    from .context import Context

__all__ = [
    "CheckSpec",
    "CheckFunc",
    "CATALOGUE",
    "NOT_CHECKABLE",
    "spec",
    "implementation",
    "check",
    "implemented_specs",
    "CODES",
    "KINDS",
    "code_spec",
]

CheckFunc = Callable[["Context"], Iterator[Finding]]

E, W, INFO_ = Severity.ERROR, Severity.WARNING, Severity.INFO  # `I` reads as 1 or l (E741)


@record(frozen=True, slots=True)
class CheckSpec:
    """One check: stable code, readable name, default severity, zh/en texts, source and default params.

    `scope` says what the check runs over: "evaluation" (once per 自评表), "targets" (every table
    that sets targets: 自评表 and 绩效目标申报表), "funds" (every table with a funds block: 自评表, 申报表 and
    执行监控表), "basic" (the 基础数据表), "tables" (each table read for its own sums: `Submission.sum_tables`) or
    "submission" (cross-sheet). `template_zh`/`template_en` are `str.format`
    templates over the fields a check passes (always including `expected` and `actual`).
    `rests_on` says what the check's findings rest on (CERTAIN arithmetic on the cells, a JUDGEMENT a
    person must make, or a GUESS); anything but CERTAIN is capped at 警告. `degrades_zh`/`degrades_en`
    name when a finding of a CERTAIN check rests on less (e.g. a direction read from the name).
    """

    code: str
    name: str
    rule_id: str
    severity: Severity
    title_zh: str
    title_en: str
    template_zh: str
    template_en: str
    source: str
    scope: str = "evaluation"
    params: Mapping[str, Any] = field(default_factory=dict)
    enabled: bool = True
    rests_on: Certainty = Certainty.CERTAIN
    degrades_zh: str = ""
    degrades_en: str = ""
    # The catalogue of every code (CODES): kind "check" | "reader" | "file" | "output" | "batch" | "server" | "tool";
    # why it matters, one worked example (input and the message perfxl gives), and whether it is still emitted.
    kind: str = "check"
    why_zh: str = ""
    example_input: str = ""
    example_message: str = ""
    status: str = (
        "active"  # "active" | "reserved" (kept, not emitted yet) | "retired" (no longer emitted, never reused)
    )
    status_reason: str = ""

    def render(self, fields: Mapping[str, Any]) -> tuple[str, str]:
        """(zh, en) messages from the templates; a missing field renders as "?" rather than failing."""
        safe = fields if fields.__class__ is Fields else Fields(fields)
        # a quoted name that quotes a word itself ("““三公”经费合计”"): nested as ‘ ’ (the one quoting helper)
        return nest_quotes(self.template_zh.format_map(safe)), self.template_en.format_map(safe)


class Fields(dict[str, Any]):
    """A message's field values; a missing one renders as "?" (`CheckSpec.render` takes one as it is, no copy)."""

    def __missing__(self, key: str) -> str:
        return "?"


def _p(**kw: Any) -> Mapping[str, Any]:
    return MappingProxyType(kw)


# fmt: off
_SPECS: tuple[CheckSpec, ...] = (
    # ---------------------------------------------------------------- funds block (项目资金 / 年度预算申请)
    CheckSpec("F01", "HEADER_FIELD_MISSING", "R-F01", E, "表头必填项缺失", "Required header field missing",
              "表头“{field}”未填写", "Header field {field} is empty",
              "财预〔2020〕10号 附1 项目支出绩效自评表", params=_p(
                  project=["项目名称", "主管部门", "实施单位"], department=["预算单位名称"])),
    CheckSpec("F02", "FUND_PARTS_SUM", "R-F02", E, "资金总额不等于各来源之和", "Funds total is not the sum of its sources",
              "{column}：{total}应为各来源之和 {expected}，表中为 {actual}",
              "{column}: total should be the sum of its sources {expected}, found {actual}",
              "财预〔2020〕10号 附1（资金来源：本年财政拨款、上年结转、其他资金）", scope="funds"),
    CheckSpec("F03", "FUND_OVERSPENT", "R-F03", E, "执行数超过预算数", "Execution exceeds the budget",
              "“{row}”{what}",
              "{row}: {what_en}",
              "《预算法》第十三条（经批准的预算非经法定程序不得调整）", scope="funds"),
    CheckSpec("F04", "FUND_RATE_MISMATCH", "R-F04", E, "执行率与执行数/预算数不符", "Execution rate does not match executed/budget",
              "执行率应为 {expected}（{executed}/{budget}），表中为 {actual}{reading}",
              "Execution rate should be {expected} ({executed}/{budget}), found {actual}{reading_en}",
              "财预〔2020〕10号 附1（执行率=全年执行数/全年预算数）", scope="funds"),
    CheckSpec("F05", "FUND_SCORE_MISMATCH", "R-F05", E, "预算执行率得分不符", "Budget-execution score mismatch",
              "预算执行率得分应为 {expected}（{explanation}），表中为 {actual}",
              "Budget-execution score should be {expected} ({explanation_en}), found {actual}",
              "财预〔2020〕10号 附1（预算执行率得分=执行率×分值，不超过分值）"),
    CheckSpec("F06", "FUND_WEIGHT_DEFAULT", "R-F06", W, "预算执行率分值不是默认值", "Budget weight differs from the default",
              "预算执行率分值为 {actual}，本规则集默认 {expected}；如有调整请说明理由",
              "Budget weight is {actual}, the profile's default is {expected}; justify the change",
              "财预〔2020〕10号（预算执行率权重 10%）"),
    CheckSpec("F07", "FUND_LOW_RATE_UNEXPLAINED", "R-F07", W, "执行率偏低未说明原因", "Low execution rate not explained",
              "执行率 {actual} 低于 {expected}，应说明原因", "Execution rate {actual} is below {expected}; give the reason",
              "四川省项目支出绩效自评表填报说明（执行率低于90%须说明原因）", params=_p(threshold=90)),
    CheckSpec("F08", "FUND_ADJUSTMENT_UNEXPLAINED", "R-F08", W, "预算调整未说明", "Budget adjustment not explained",
              "全年预算数 {actual} 与年初预算数 {expected} 不同，应说明预算调整（追加/调减）情况",
              "Full-year budget {actual} differs from the initial budget {expected}; explain the adjustment",
              "四川省项目支出绩效自评表填报说明（年中预算调整须说明）"),
    CheckSpec("F09", "FUND_BREAKDOWN_SUM", "R-F02", E, "按收入/支出性质分项之和与总数不符", "A 按性质分 split does not add up",
              "{group} {actual}：{what} {expected}", "{group}: {what_en} {expected} (found {actual})",
              "财预〔2020〕10号 附1 部门整体支出绩效自评表（年度预算申请：按收入性质分、按支出性质分）"),
    CheckSpec("F10", "FUND_DUTIES_SUM", "R-F02", E, "履职目标预算金额合计与资金总额不符", "Duty amounts do not match the funds total",
              "年度履职目标各支出项目预算金额合计 {actual}，{relation}年度资金总额 {expected}",
              "The duties' spending items add up to {actual}, which {relation_en} the total {expected}",
              "福建省 部门整体支出绩效目标表（年度预算安排；年度履职目标：支出项目名称、预算金额）", scope="funds"),
    CheckSpec("F11", "FUND_COMPONENTS_SUM", "R-F02", E, "项目资金构成各子项之和与合计不符",
              "Project components do not add up to their total",
              "{block}{column}：各子项之和为 {expected}，合计栏为 {actual}",
              "{block}{column_en}: the items add up to {expected}, the total reads {actual}",
              "苏州市级财政支出项目绩效自评表（项目资金构成：子项名称、预算数、实际数、合计）；"
              "鄂州市市直部门预算项目支出绩效目标表（项目预算：成本构成、金额、测算依据、以前年度实际执行数、合计）；"
              "湖北省部门整体支出绩效目标申报表（部门总体资金情况：收入构成、支出构成、当年金额、占比、合计）；"
              "东莞市部门（单位）整体支出绩效目标批复表（年度主要任务：任务名称、主要内容、年度预算金额 小计、市财政拨款、其他资金、金额合计）",
              scope="funds"),
    CheckSpec("F12", "FUND_COST_ACTUAL_VS_EXECUTED", "R-F02", W, "总成本指标完成值与全年执行数不符",
              "A whole-budget cost indicator's actual is not the amount spent",
              "成本指标“{name}”的指标值即全年预算数 {budget}，实际完成值 {actual} 却不是资金表的全年执行数 {executed}",
              "Cost indicator {name} is set at the whole budget {budget}; its actual {actual} is not the {executed} spent",
              "财预〔2020〕10号 附1（成本指标；全年执行数）"),
    CheckSpec("F13", "FUND_BLOCKS_SUM", "R-F02", W, "各资金分块同名来源之和与总块不符",
              "A source of the overall funds block is not the sum of the funds' blocks",
              "总块“{label}”{actual}，各资金分块同名来源之和为 {expected}",
              "The overall block's {label} is {actual}; the funds' blocks give {expected}",
              "中央对地方转移支付项目绩效自评表（资金总额及中央补助、市级资金、本级资金，分资金列示）", scope="funds"),
    CheckSpec("F14", "FUND_UNIT_LINES_DISAGREE", "R-F01", W, "单位行与资金表表头的金额单位不一致",
              "The unit line and the funds header state different money units",
              "单位行“{line}”为{actual}，资金表表头“{header}”为{expected}：两处所印金额单位不一致，"
              "perfxl 按表头的{expected}读取金额，哪一个为准请人工核对",
              "The unit line {line!r} says {actual}, the funds header {header!r} says {expected}: the printed units "
              "disagree; perfxl reads the amounts in {expected}, a person checks which holds",
              "财预〔2020〕10号 附1（项目资金（万元））；各地绩效目标表、自评表表头“单位：万元/元”", scope="funds"),
    CheckSpec("F15", "FUND_AMOUNT_BEYOND_UNIT", "R-F01", W, "资金金额按所印单位大得不合常理",
              "A funds amount is implausibly large for its printed unit",
              "{where}下金额 {actual} 即 {yi} 亿元，超过 {limit} 亿元，对一张项目或部门的表而言大得不合常理，"
              "疑为按元填写（应为 {expected}）；请核对金额单位",
              "Under {where_en} the amount {actual} is {yi} 亿元, above {limit} 亿元 — implausible for one project or "
              "department; probably typed in 元 (then {expected}); check the unit",
              "财预〔2020〕10号 附1（项目资金（万元））；上限 100 亿元为本规则集的推定，可在规则配置中修改（limit_yuan）", scope="funds",
              params=_p(limit_yuan=10_000_000_000, min_yuan=10_000)),
    CheckSpec("F16", "FUND_SHARES_VS_OVERVIEW", "R-F02", W, "资金来源与项目概况所述分担比例不符",
              "The funds' sources contradict the shares the project overview states",
              "项目概况写明分担比例（{stated}），而“{label}”{actual} 占合计 {total} 的 {ratio}%，按 {share}% 应为 "
              "{expected}；请核对资金来源的填列",
              "The overview states the shares ({stated}), but {label} {actual} is {ratio}% of the total {total}; at "
              "{share}% it would be {expected}; check the sources",
              "财预〔2020〕10号 附1（资金来源）；各地绩效目标申报表（项目概况、项目资金申请：中央/省级/市级/县级资金）",
              scope="funds"),
    CheckSpec("F17", "FUND_TERM_VS_MEDIUM_TOTAL", "R-F02", W, "一年期项目的中期资金总额与年度资金总额不同",
              "A one-year project's medium-term total differs from its yearly total",
              "项目期为“{term}”，而中期资金总额 {actual} 与年度资金总额 {expected} 不同；一年期项目的中期资金即年度资金，"
              "请核对项目期或资金",
              "The project term is {term!r}, yet the medium-term total {actual} differs from the yearly total {expected}; "
              "a one-year project's money is its year's: check the term or the amounts",
              "财预〔2015〕88号（中期绩效目标与年度绩效目标）；各地项目支出绩效目标申报表（项目期、中期资金总额、年度资金总额）",
              scope="funds"),
    CheckSpec("F18", "FUND_PLAN_VS_BUDGET", "R-F02", W, "项目实施计划所列金额合计与预算资金总额不符",
              "The implementation plan's stated total matches no budget total",
              "项目实施计划合计 {actual}，与年度资金总额 {expected}{unit}不符，{medium}；请核对计划金额与预算",
              "The implementation plan totals {actual}, not the yearly total {expected} {unit} ({medium_en}); check the "
              "plan against the budget",
              "财预〔2015〕88号（绩效目标与预算相匹配）；各地项目支出绩效目标申报表（项目实施计划、中期/年度预算资金总额）",
              scope="funds"),
    CheckSpec("F19", "FUND_COUNT_TIMES_STANDARD", "R-F02", W, "数量指标×成本标准超过资金总额",
              "A count times its unit cost standard exceeds the funds",
              "成本指标“{name}”{standard} × 数量指标“{count_name}”{count} 至少需 {actual}，超过年度资金总额 {expected}；"
              "请核对标准、数量或资金",
              "Standard {name} {standard} × count {count_name} {count} needs at least {actual}, more than the yearly "
              "funds {expected}; check the standard, the count or the funds",
              "财预〔2015〕88号（绩效目标与预算相匹配）；各地绩效目标申报表、自评表（数量指标、成本指标、年度资金总额）",
              scope="funds"),
    CheckSpec("F20", "FUND_COUNT_TIMES_CAP", "R-F02", W, "数量指标×成本标准上限低于资金总额",
              "A count times its cost standard's cap stays below the funds",
              "成本指标“{name}”{standard}（未写计量单位，按数量指标的“{per}”计）× 数量指标合计 {count} 至多 {actual}，"
              "低于年度资金总额 {expected}；请核对标准、数量或资金",
              "Standard {name} {standard} (no unit printed, taken per {per!r} as the counts are) × the counts {count} "
              "allow at most {actual}, less than the yearly funds {expected}; check the standard, the counts or the funds",
              "财预〔2015〕88号（绩效目标与预算相匹配）；各地绩效目标申报表、自评表（数量指标、成本指标、年度资金总额）",
              scope="funds"),
    # ---------------------------------------------------------------- weights (分值)
    CheckSpec("W01", "WEIGHT_LEVEL1_DEFAULT", "R-W01", W, "一级指标分值偏离默认", "First-level weight differs from the default",
              "“{name}”分值为 {actual}，默认 {expected}；调整权重须说明理由",
              "{name} weighs {actual}, the default is {expected}; justify the change",
              "财预〔2020〕10号（产出50%、效益30%、满意度10%、预算执行率10%）"),
    CheckSpec("W02", "WEIGHT_TREE_MISMATCH", "R-W02", E, "一级指标标注分值与其下指标分值合计不符", "Declared first-level weight differs from its rows",
              "“{name}”的分值为 {actual} 分，其下三级指标分值合计 {expected} 分",
              "{name} declares {actual} points but its rows hold {expected}",
              "财预〔2020〕10号（权重合理）；指标权重逐级汇总"),
    CheckSpec("W03", "WEIGHT_TOTAL_MISMATCH", "R-W03", E, "分值合计不等于满分", "Total weight is not the full mark",
              "{what}应为 {expected}，实际为 {actual}", "{what_en} should be {expected}, found {actual}",
              "财预〔2020〕10号 附1（总分100分）", scope="targets"),
    CheckSpec("W04", "WEIGHT_NOT_POSITIVE", "R-W04", E, "指标分值缺失或不为正数", "Indicator weight missing or not positive",
              "“{name}”分值应大于 0，表中为 {actual}", "{name}: weight must be > 0, found {actual}",
              "财预〔2020〕10号（权重合理）"),
    CheckSpec("W05", "WEIGHT_LEVEL1_DECLARED_TOTAL", "R-W03", E, "一级指标标注分值合计不等于满分", "Declared first-level weights do not add up to the full mark",
              "一级指标标注分值 {parts} 合计 {actual} 分，应为 {expected} 分", "Declared first-level weights {parts} total {actual}, should be {expected}",
              "财预〔2020〕10号 附1（总分100分）"),
    # ---------------------------------------------------------------- indicators (绩效指标)
    CheckSpec("I01", "INDICATOR_NAME_MISSING", "R-I01", E, "三级指标名称缺失", "Third-level indicator has no name",
              "该行有分值或指标值，但三级指标名称{problem}", "The row has values but its indicator name {problem_en}",
              "财预〔2020〕10号 附1", scope="targets"),
    CheckSpec("I02", "INDICATOR_COVERAGE", "R-I02", W, "缺少必设指标", "Required indicator class missing",
              "{what}", "{what_en}", "财预〔2020〕10号 附1（产出、效益、满意度指标）", params=_p(
                  level1=["产出", "效益", "满意度"], output_level2=["数量", "质量", "时效", "成本"])),
    CheckSpec("I03", "TARGET_NOT_NUMERIC", "R-I03", E, "定量指标值不是数值", "Quantitative target is not numeric",
              "“{name}”为定量指标，年度指标值“{actual}”不是数值{more}", "{name} is quantitative but its target {actual!r} is not a number{more_en}",
              "财预〔2021〕101号（定量指标值为数值）", scope="targets",
              params=_p(benchmark_words=("上年", "去年", "上一年", "往年", "同期", "历史", "平均", "国家标准",
                                         "行业标准", "省定标准", "规定标准"))),
    CheckSpec("I04", "TARGET_OPERATOR_INVALID", "R-I04", E, "指标性质（运算符）缺失或无效", "Indicator operator missing or invalid",
              "“{name}”的指标性质“{actual}”{problem}", "{name}: operator {actual!r} {problem_en}",
              "财预〔2021〕101号；四川省绩效自评表（指标性质列）", scope="targets", params=_p(require_operator_in_value=False)),
    CheckSpec("I05", "TARGET_UNIT_INVALID", "R-I05", W, "定量指标缺少或误用计量单位", "Quantitative target has no or an unknown unit",
              "“{name}”年度指标值“{actual}”{problem}", "{name}: target {actual!r} {problem_en}",
              "四川省绩效自评表（度量单位列）", scope="targets",
              params=_p(extra_units=[], unitless_names=["系数", "指数", "倍数", "比值", "当量"],
                        count_nouns={"人数": ["人", "人次", "名"]})),
    CheckSpec("I06", "TARGET_OPERATOR_IN_VALUE", "R-I06", INFO_, "运算符和单位写在指标值单元格中", "Operator and unit written inside the value cell",
              "{count} 个年度指标值把运算符或单位写在同一单元格（如“{actual}”），建议分列填写指标性质、指标值、度量单位",
              "{count} targets carry operator or unit in the value cell (e.g. {actual!r}); use separate columns",
              "财预〔2021〕101号 附2 模板（指标性质、指标值、度量单位分列）"),
    CheckSpec("I07", "PERCENT_OUT_OF_RANGE", "R-I07", W, "百分比超出 0–100%", "Percentage outside 0–100%",
              "“{name}”{column}“{actual}”超出 0–100%", "{name}: {column_en} {actual!r} is outside 0–100%",
              "财预〔2021〕101号（比率类指标）", params=_p(change_names=["增长率", "增幅", "增速", "变动率", "变化率"])),
    CheckSpec("I08", "COST_DIRECTION", "R-I08", W, "成本指标方向或单位不当", "Cost indicator has the wrong direction or unit",
              "成本指标“{name}”年度指标值“{actual}”{problem}", "Cost indicator {name}: target {actual!r} {problem_en}",
              "财预〔2021〕101号（成本指标以上限控制）", scope="targets"),
    CheckSpec("I09", "TIMELINESS_FORM", "R-I09", INFO_, "时效指标不是日期或比率", "Timeliness indicator is not a date or rate",
              "时效指标“{name}”的年度指标值“{actual}”不是日期、期限或百分比", "Timeliness indicator {name}: {actual!r} is not a date, deadline or percentage",
              "财预〔2021〕101号（时效指标）"),
    CheckSpec("I10", "SATISFACTION_FORM", "R-I10", W, "满意度指标应为 ≥ 百分比", "Satisfaction should be ≥ a percentage",
              "满意度指标“{name}”年度指标值“{actual}”{problem}", "Satisfaction indicator {name}: {actual!r} {problem_en}",
              "财预〔2020〕10号 附1（服务对象满意度指标）"),
    CheckSpec("I11", "QUALITATIVE_LABEL", "R-I11", INFO_, "定性指标完成值未按档次填写", "Qualitative completion is not a tier label",
              "定性指标“{name}”的实际完成值“{actual}”不是规定档次（{expected}）之一，其得分未按档次区间核对", "Qualitative indicator {name}: {actual!r} is none of the tiers ({expected}); its score was not checked against a tier's band",
              "财预〔2020〕10号 附1（达成年度指标/部分达成年度指标并具有一定效果/未达成年度指标且效果较差）"),
    CheckSpec("I12", "VALUE_NOT_READABLE", "R-I03", E, "指标值或完成值无法识别", "Target or actual value cannot be read",
              "“{name}”的{column}“{actual}”{problem}", "{name}: {column_en} {actual!r} {problem_en}",
              "财预〔2020〕10号 附1（年度指标值、实际完成值如实填写）"),
    CheckSpec("I13", "DIRECTION_AGAINST_NAME", "R-I04", W, "运算符与指标名称的方向相反", "Operator contradicts the indicator's name",
              "“{name}”按名称（含“{word}”）应越{better}越好，年度指标值却写“{target}”，请核实运算符是否写反",
              "{name}: its name (with {word!r}) says {better_en} is better, yet the target reads {target!r}; check the operator",
              "财预〔2020〕10号 附（正向指标 ≥、反向指标 ≤）", scope="targets"),
    CheckSpec("I14", "TARGET_AGAINST_NAME_VALUE", "R-I03", W, "指标名称写明的数值与指标值不符", "The name states another value than the target",
              "“{name}”名称中写明 {stated}，年度指标值却为“{actual}”，两者不一致，请核实哪个是年度目标",
              "{name}: the name states {stated}, yet the target reads {actual!r}; check which is the year's target",
              "财预〔2021〕101号（指标名称与指标值分列，指标值即年度目标）", scope="targets"),
    CheckSpec("I15", "TARGETS_ARE_WEIGHTS", "R-I03", W, "指标值疑为分值", "The targets look like the weights",
              "{count} 个指标的年度指标值与实际完成值相同，合计 {total}（{cells}），与满分相同：疑把分值填入了指标值栏，未写年度目标与实际完成值",
              "{count} targets equal their actuals and add up to {total} ({cells}), the full mark: likely the weights typed in",
              "财预〔2020〕10号 附2（指标值、实际完成值与分值分列）", scope="targets"),
    # ---------------------------------------------------------------- scores (得分)
    CheckSpec("S01", "SCORE_POSITIVE_MISMATCH", "R-S01", E, "正向指标得分计算不符", "Positive indicator score mismatch",
              "“{name}”{reading}得分应为 {expected}（{explanation}），表中为 {actual}", "{name}: {reading_en}score should be {expected} ({explanation_en}), found {actual}",
              "财预〔2020〕10号（未完成按完成值/指标值比例计分）"),
    CheckSpec("S02", "SCORE_REVERSE_MISMATCH", "R-S02", E, "反向指标得分计算不符", "Reverse indicator score mismatch",
              "“{name}”{reading}得分应为 {expected}（{explanation}），表中为 {actual}", "{name}: {reading_en}score should be {expected} ({explanation_en}), found {actual}",
              "财预〔2020〕10号（反向指标按比例计分，方法见规则集）"),
    CheckSpec("S03", "SCORE_EQUAL_MISMATCH", "R-S03", E, "等于型指标得分计算不符", "Equal-type indicator score mismatch",
              "“{name}”{reading}得分应为 {expected}（{explanation}），表中为 {actual}", "{name}: {reading_en}score should be {expected} ({explanation_en}), found {actual}",
              "财预〔2020〕10号"),
    CheckSpec("S04", "ACTUAL_NEGATIVE", "R-S04", INFO_, "实际完成值为负数", "Negative actual value",
              "“{name}”实际完成值 {actual} 为负数，计分时按 0 计", "{name}: negative actual {actual} is scored as 0",
              "财预〔2020〕10号"),
    CheckSpec("S05", "SCORE_QUALITATIVE_BAND", "R-S05", E, "定性指标得分不在档次区间内", "Qualitative score outside its tier band",
              "“{name}”完成情况为“{tier}”，得分应在 {expected} 之间，表中为 {actual}", "{name}: tier {tier!r} needs a score in {expected}, found {actual}",
              "财预〔2020〕10号（定性指标三档：100%–80%、80%–60%、60%–0%）"),
    CheckSpec("S06", "SCORE_OUT_OF_BOUNDS", "R-S06", E, "得分超出 0 到分值范围", "Score outside 0..weight",
              "“{name}”得分 {actual} 应在 0 到分值 {expected} 之间", "{name}: score {actual} must lie in 0..{expected}",
              "财预〔2020〕10号（得分不得突破权重）"),
    CheckSpec("S07", "FULL_MARKS_TARGET_MISSED", "R-S07", E, "未完成指标却给满分", "Full marks for a missed target",
              "“{name}”{reading}实际完成值 {completion} 未达到年度指标值 {target}，不应给满分 {actual}",
              "{name}: {reading_en}{completion} misses the target {target}, full marks {actual} not allowed",
              "财预〔2020〕10号（未完成按比例计分）"),
    CheckSpec("S08", "OVER_COMPLETION_UNEXPLAINED", "R-S08", W, "超额完成未说明原因", "Over-completion not explained",
              "“{name}”实际完成 {completion}，为年度指标值 {target} 的 {ratio}（≥{threshold}），应在偏差原因分析中说明",
              "{name}: actual {completion} is {ratio} of target {target} (≥{threshold}); explain the deviation",
              "财预〔2020〕10号（偏差较大须分析原因）；广西配置（B≥1.3A 必须说明）"),
    CheckSpec("S09", "TARGET_SET_TOO_LOW", "R-S09", INFO_, "年度指标值可能设定偏低", "Target possibly set too low",
              "“{name}”实际完成 {completion} 为年度指标值 {target} 的 {ratio} 且得满分，年度指标值可能设定偏低，可按偏离度适度调减得分",
              "{name}: actual {completion} is {ratio} of target {target} with full marks; the target may be too low",
              "财预〔2020〕10号（目标明显设定偏低的，按偏离度适度调减分数）", params=_p(ratio=1.5)),
    CheckSpec("S11", "SCORE_NOT_CHECKABLE", "R-S01", INFO_, "无法复核得分", "Score cannot be recomputed",
              "“{name}”无法复核得分：{reason}", "{name}: cannot recompute the score: {reason_en}", "财预〔2020〕10号"),
    CheckSpec("S12", "SCORE_WITHOUT_ACTUAL", "R-S01", W, "无实际完成值却给分", "Score given without an actual value",
              "“{name}”{problem}，却给了得分 {actual}（分值 {weight}），得分无法复核", "{name}: {problem_en}, yet scored {actual} of {weight}; the score cannot be verified",
              "财预〔2020〕10号（自评结果客观真实，实际完成值如实填写）"),
    CheckSpec("S13", "ACTUAL_REPEATS_TARGET", "R-S01", W, "实际完成值只是照抄指标值", "Actual only repeats the target",
              "“{name}”实际完成值“{actual}”只是照抄年度指标值“{target}”（{how}），不是实际完成的{what}，得分 {score} 无法复核",
              "{name}: the actual {actual!r} only repeats the target {target!r} ({how_en}); the score {score} cannot be verified",
              "财预〔2020〕10号（实际完成值如实填写）"),
    CheckSpec("S14", "TEXT_ACTUAL_NUMERIC_TARGET", "R-S01", W, "数值指标的完成值只写文字", "Text actual against a numeric target",
              "“{name}”年度指标值为{kind}“{target}”，实际完成值只写“{actual}”，{unverified}；应填写实际完成的{kind}",
              "{name}: {kind_en} target {target!r} but the actual only says {actual!r}; {unverified_en}",
              "财预〔2020〕10号（定量指标按完成值计分）"),
    CheckSpec("S15", "INDICATOR_NOT_SCORED", "R-S01", W, "指标未填写完成值和得分", "Indicator without actual and score",
              "{name}有年度指标值{target}，但{blank}为空，无法复核",
              "{name_en} has a target{target_en} but {blank_en} filled in; nothing to verify",
              "财预〔2020〕10号 附1（逐项填写实际完成值并评分）"),
    CheckSpec("S16", "TARGET_MET_UNKNOWN", "R-S01", W, "完成值与指标值无法比较", "Actual not comparable with the target",
              "“{name}”实际完成值“{actual}”与年度指标值“{target}”无法比较（{reason}），表中又无得分，是否完成无法判断",
              "{name}: the actual {actual!r} cannot be compared with the target {target!r} ({reason_en}) and there is no score; whether it was met is unknown",
              "财预〔2020〕10号（定量指标按完成值与指标值比较）"),
    CheckSpec("S17", "SCORE_BY_IMPLIED_WEIGHT", "R-S01", W, "得分与推断的分值不符", "Score contradicts the implied weight",
              "“{name}”得分应为 {expected}（{explanation}），表中为 {actual}",
              "{name}: score should be {expected} ({explanation_en}), found {actual}",
              "财预〔2020〕10号 附1（得分不得突破权重；完成即得满分）"),
    CheckSpec("S18", "ARRIVAL_SCORE_MISMATCH", "R-S01", W, "到位率得分与到位资金不符", "Arrival-rate score contradicts the money",
              "“{name}”得分应为 {expected}（{explanation}），表中为 {actual}",
              "{name}: score should be {expected} ({explanation_en}), found {actual}",
              "财预〔2020〕10号 附2（共性指标：资金到位率=实际到位资金/预算资金×100%）"),
    CheckSpec("S19", "CONVERTED_SCORE_MISMATCH", "R-S01", E, "折算得分不等于单项指标得分×权重占比", "Converted score is not own score × weight share",
              "“{name}”单项指标折算得分应为 {expected}（单项指标得分 {own} × 权重占比 {share}% ÷ 100），表中为 {actual}",
              "{name}: converted score should be {expected} (own score {own} × weight share {share}% / 100), found {actual}",
              "河北 预算项目绩效自评表（自评得分栏：单项指标得分 × 权重占比(%) = 单项指标折算得分）"),
    # ---------------------------------------------------------------- deviation explanations (偏差原因)
    CheckSpec("D01", "MISSED_TARGET_UNEXPLAINED", "R-D01", E, "未完成指标未说明偏差原因", "Missed target without an explanation",
              "“{name}”{reading}未完成（{detail}），偏差原因分析及改进措施不能为空", "{name}: {reading_en}target missed ({detail_en}); the deviation analysis must not be empty",
              "财预〔2020〕10号（未完成目标须分析原因并提出改进措施）"),
    CheckSpec("D02", "EXPLANATION_PLACEHOLDER", "R-D02", W, "偏差原因过短或为占位符", "Explanation too short or a placeholder",
              "“{name}”的偏差原因“{actual}”{problem}", "{name}: explanation {actual!r} {problem_en}",
              "财预〔2020〕10号", params=_p(min_chars=10, placeholders=["无", "暂无", "没有", "—", "-", "/", "／", "无偏差", "不适用"])),
    CheckSpec("D03", "EXPLANATION_TOO_LONG", "R-D03", INFO_, "说明超过字数限制", "Explanation too long",
              "“{name}”的偏差原因 {actual} 字，超过 {expected} 字", "{name}: explanation has {actual} characters, more than {expected}",
              "四川省项目支出绩效自评表填报说明（原因不超过100字）", params=_p(max_chars=100), enabled=False),
    # ---------------------------------------------------------------- totals (总分, 等级)
    CheckSpec("T02", "TOTAL_SCORE_MISMATCH", "R-T02", E, "总分不等于各项得分之和", "Total score is not the sum",
              "总分应为 {expected}（{parts}），表中为 {actual}",
              "Total should be {expected} ({parts_en}), found {actual}",
              "财预〔2020〕10号（总分为各项得分之和）"),
    CheckSpec("T03", "TOTAL_OVER_100", "R-T03", E, "总分超过满分", "Total score above the full mark",
              "总分 {actual} 超过满分 {expected}", "Total {actual} exceeds the full mark {expected}", "财预〔2020〕10号（百分制）"),
    CheckSpec("T04", "GRADE_MISMATCH", "R-T04", E, "自评等级与总分不符", "Grade does not match the total",
              "总分 {total} 对应等级“{expected}”{also}，表中为“{actual}”", "Total {total} gives grade {expected}{also_en}, found {actual}",
              "财预〔2020〕10号（优≥90、良80–90、中60–80、差<60）"),
    CheckSpec("T05", "NOT_APPLICABLE_RESCALE", "R-T05", W, "不适用指标未按比例折算总分", "Total not rescaled for not-applicable indicators",
              "有 {count} 个指标不适用，总分应按适用指标折算为 {expected}，表中为 {actual}",
              "{count} indicators do not apply; the rescaled total is {expected}, found {actual}",
              "项目支出绩效自评表填报说明（不适用指标按比例折算）", params=_p(markers=["不适用", "不涉及", "未涉及", "无此项", "N/A", "NA"])),
    CheckSpec("T06", "ROUNDING", "R-T06", INFO_, "分数或比率超过两位小数", "More than two decimals",
              "{what} {actual} 应保留{places}小数（{expected}）", "{what_en} {actual} should have {places_en} decimals ({expected})",
              "财预〔2020〕10号（得分保留两位小数）"),
    CheckSpec("T07", "ALL_FULL_MARKS", "R-T07", W, "所有指标均为满分", "Every indicator has full marks",
              "全部 {count} 个指标均为满分，请核实是否刻意抬高分数", "All {count} indicators have full marks; check for inflated scores",
              "财政部《关于开展中央部门项目支出绩效自评工作的通知》（严禁刻意抬高分数）"),
    # ---------------------------------------------------------------- goals (年度总体目标)
    CheckSpec("G01", "GOAL_MISSING", "R-G01", W, "年度总体目标未填写", "Annual goal text missing",
              "年度总体目标“{column}”未填写", "Annual goal {column_en} is empty", "财预〔2020〕10号 附1（年度总体目标）"),
    CheckSpec("G02", "GOAL_RESTATES_TARGET", "R-G01", W, "实际完成情况只是照抄预期目标", "Actual achievement only restates the goal",
              "实际完成情况只是重复预期目标（{similarity}），应写明实际完成的情况与数据", "The achievement text restates the goal ({similarity_en})",
              "财预〔2020〕10号（自评结果客观真实）", params=_p(similarity=0.9)),
    CheckSpec("G03", "GOAL_CONTRADICTS_ACTUALS", "R-G01", W, "实际完成情况与指标实际完成值矛盾", "Achievement text contradicts the indicator actuals",
              "实际完成情况写“{subject}{actual}”，而指标“{name}”实际完成值为 {expected}（{where}）",
              "The achievement text says {subject}{actual} but indicator {name} reports {expected} ({where})",
              "财预〔2020〕10号（数据真实、结果客观）", params=_p(min_similarity=0.6)),
    CheckSpec("G04", "GOAL_ONLY_PROJECT_NAME", "R-G01", W, "预期目标只写了项目名称", "The expected goal is only the project's name",
              "预期目标只写了项目名称“{name}”，没有写要达到什么（数量、质量、时效、效果），实际完成“{actual}”无从对照",
              "The expected goal is only the project's name '{name}': no goal is stated, so '{actual}' cannot be judged",
              "财预〔2020〕10号 附1（年度总体目标应明确、具体）"),
    # ---------------------------------------------------------------- 基础数据表 (basic data)
    CheckSpec("B01", "STAFF_CONTROL_RATE", "R-D-01", E, "在职人员控制率计算不符", "Staff control rate mismatch",
              "控制率应为 {expected}（实际在职 {actual_staff} / 编制 {establishment}），表中为 {actual}{reading}",
              "Control rate should be {expected} ({actual_staff}/{establishment}), found {actual}{reading_en}",
              "财预〔2013〕53号 附件2（在职人员控制率=在职人员数/编制数）", scope="basic"),
    CheckSpec("B02", "STAFF_OVER_ESTABLISHMENT", "R-D-02", E, "超编", "Staff above the establishment",
              "实际在职人数 {actual} 超过编制数 {expected}（控制率 {rate}），按每超 1 个百分点扣 {per_point} 分，{weight} 分的指标应得 {score} 分",
              "{actual} staff exceed the establishment of {expected} (rate {rate}); at {per_point} per point a {weight}-point indicator scores {score}",
              "财预〔2013〕53号 附件2；湖南部门整体支出评分表（≤100%满分，每超1个百分点扣0.5分）",
              scope="basic"),
    CheckSpec("B03", "THREE_PUBLIC_SUM", "R-D-03", E, "三公经费不等于分项之和（公用经费小于其中各项之和）", "三公 total is not the sum of its parts (公用经费 below its named items)",
              "{column}：“{row}”应为分项之和 {expected}，表中为 {actual}", "{column}: {row} should be the sum of its parts {expected}, found {actual}",
              "财预〔2013〕53号 附件2；部门整体支出绩效评价基础数据表", scope="basic",
              params=_p(equal_parents=["three_public", "car"], le_parents=["public_funds"])),
    CheckSpec("B04", "THREE_PUBLIC_CHANGE", "R-D-04", W, "三公经费增长", "三公 spending grew",
              "三公经费变动率 {actual}（{compared}：{current} 对 {previous}）> 0，按每增长 1 个百分点扣 {per_point} 分，{weight} 分的指标应得 {score} 分",
              "三公 change rate {actual} > 0 ({compared_en}: {current} vs {previous}); a {weight}-point indicator scores {score}",
              "财预〔2013〕53号 附件2（“三公经费”变动率）；湖南部门整体支出评分表", scope="basic"),
    CheckSpec("B05", "THREE_PUBLIC_CONTROL", "R-D-05", W, "三公经费超预算", "三公 spending above budget",
              "{table}的三公经费控制率 {actual}（决算 {final} / 预算 {budget}）超过 100%{deduction}",
              "{table_en}: 三公 control rate {actual} ({final}/{budget}) exceeds 100%{deduction_en}",
              "财预〔2013〕53号 附件2（“三公经费”控制率）；湖南部门整体支出评分表", scope="basic"),
    CheckSpec("B06", "PUBLIC_FUNDS_CONTROL", "R-D-06", W, "公用经费或项目支出分项超总额或超预算", "Public funds or project spending: parts above the total, or above budget",
              "{what}", "{what_en}", "财预〔2013〕53号 附件2（公用经费控制率）", scope="basic",
              params=_p(parents=["public_funds", "special_funds"])),
    CheckSpec("B07", "BUDGET_ADJUSTMENT_RATE", "R-D-07", W, "部门预算调整率", "Department budget adjustment rate",
              "预算调整率 {actual}（{final} 对 {budget}），按分档 {weight} 分的指标应得 {score} 分",
              "Budget adjustment rate {actual} ({final} vs {budget}); a {weight}-point indicator scores {score}",
              "财预〔2013〕53号 附件2（预算调整率）；湖南部门整体支出评分表", scope="basic",
              params=_p(row="basic_budget_adjustment")),
    CheckSpec("B11", "PROCUREMENT_RATE", "R-D-11", W, "政府采购执行率低于 100%", "Government procurement below plan",
              "政府采购执行率 {actual}（{final} / {budget}）低于 100%", "Procurement rate {actual} ({final}/{budget}) is below 100%",
              "财预〔2013〕53号 附件2（政府采购执行率）", scope="basic", params=_p(row="procurement")),
    CheckSpec("B12", "BUILDING_CONTROL", "R-D-12", E, "楼堂馆所控制率不符或超标", "Building control rate wrong or above 100%",
              "{what}", "{what_en}", "中办发〔2013〕17号（党政机关停止新建楼堂馆所）；部门整体支出绩效评价基础数据表", scope="basic"),
    CheckSpec("B13", "PROCUREMENT_RATE_MISMATCH", "R-D-13", E, "政府采购执行率计算不符", "Procurement execution rate mismatch",
              "政府采购执行率应为 {expected}（实际 {final} / 预算 {budget}），表中为 {actual}{reading}",
              "Procurement execution rate should be {expected} ({final}/{budget}), found {actual}{reading_en}",
              "财预〔2013〕53号 附件2（政府采购执行率=实际政府采购金额/政府采购预算数）", scope="basic"),
    CheckSpec("B14", "CROSS_SHEET_MISMATCH", "R-D-14", W, "基础数据表与自评表数据不一致", "Basic data and self-evaluation disagree",
              "自评表“{label}”为 {actual} 万元，基础数据表“{row}”{column}为 {expected} 万元（{raw}）；同名项目在两表中口径可能不同（如是否含上级补助），请核实",
              "Self-evaluation {label} is {actual} 万元; basic data {row} is {expected} 万元 ({raw_en}); the same label may cover different money on the two forms (e.g. with or without higher-level subsidies)",
              "部门整体支出绩效评价基础数据表填报说明（与决算数据一致）", scope="submission",
              params=_p(pairs={"基本支出": "basic_budget_adjustment", "县级专项资金": "special_funds"})),
    CheckSpec("B15", "INDICATOR_VS_BASIC", "R-D-15", W, "部门整体指标完成值与基础数据表不符",
              "A department indicator's actual differs from the basic-data table",
              "自评表指标“{name}”实际完成值为 {actual}，而按基础数据表{source}计算为 {expected}；两表应出自同一决算数据，请核实哪一处有误",
              "Indicator {name} reports {actual} on the self-evaluation; the basic-data table gives {source_en} = {expected}; "
              "the two forms come from the same final accounts",
              "财预〔2013〕53号 附件2（在职人员控制率、“三公经费”控制率、公用经费控制率、政府采购执行率的计算公式）；"
              "部门整体支出绩效评价基础数据表填报说明（与决算数据一致）", scope="submission",
              params=_p(indicators={"在职人员控制率": "staff", "人员控制率": "staff", "三公经费控制率": "three_public",
                                    "公用经费控制率": "public_funds", "政府采购执行率": "procurement"})),
    CheckSpec("B16", "SUBITEM_OVERSPENT", "R-D-06", W, "其中项决算超过预算", "A sub-item's spending exceeds its budget",
              "“{row}”（{parent}之其中项）本年决算数 {actual} 超过本年预算数 {expected}",
              "{row} (a sub-item of {parent}): spending {actual} exceeds the budget {expected}",
              "财预〔2013〕53号 附件2（“三公经费”控制率、公用经费控制率按项目控制）", scope="basic"),
    CheckSpec("B17", "NOTE_SAYS_EMPTY", "R-D-03", E, "表注称本表为空表，表中却列有数字", "The note calls the table empty, yet it prints figures",
              "表注称“{note}”，但表中列有数字（{figures}）：表注与表内数字自相矛盾，请删去表注或核对数字",
              "The note says {note!r}, yet the table prints figures ({figures}): remove the note or check the figures",
              "财预〔2016〕143号《地方预决算公开操作规程》（无数据的表格应公开空表并说明）", scope="basic"),
    CheckSpec("B19", "THREE_PUBLIC_CHANGE_COLUMNS", "R-D-04", E, "三公经费表增减额或增减幅度计算不符",
              "A 三公 table's change or change rate does not match its two years",
              "“{row}”{column} {actual} 应为 {expected}（{how}）", "{row}: {column} {actual} should be {expected} ({how_en})",
              "财预〔2013〕53号 附件2（“三公经费”变动率 = （本年 − 上年）/ 上年）；财预〔2016〕143号《地方预决算公开操作规程》",
              scope="basic"),
    CheckSpec("B18", "TABLE_LINE_SUM", "R-D-03", E, "表内合计不等于其各行（各列）之和", "A table's total is not the sum of its lines",
              "{table}：“{row}”{column} {actual}（{at}）应为{what} {expected}（{cells}）",
              "{table}: {row} {column} {actual} ({at}) should be {what_en} {expected} ({cells})",
              "财预〔2016〕143号《地方预决算公开操作规程》（部门预决算公开表格）；政府收支分类科目（类、款、项逐级汇总）",
              scope="tables"),
    # ---------------------------------------------------------------- 申报表 (绩效目标申报表, perfxl.rules.declared)
    CheckSpec("P01", "TARGET_DIFFERS_FROM_DECLARED", "R-P01", W, "年度指标值与申报的绩效目标不一致",
              "Target differs from the declared one",
              "“{name}”年度指标值 {actual} 与绩效目标申报表（{where}）的 {expected} 不一致；如经批准调整，请附调整依据",
              "{name}: target {actual} differs from the declared {expected} ({where}); attach the approval if it was adjusted",
              "财预〔2020〕10号 第十二条（对照批复的绩效目标自评）；财预〔2015〕88号（绩效目标调整须按程序报批）",
              scope="submission"),
    # ---------------------------------------------------------------- cell content (单元格内容)
    CheckSpec("C01", "CONTROL_CHARACTERS", "—", W, "单元格含不可见的控制字符", "Cell holds control characters",
              "{column}“{actual}”含不可见的控制字符（{chars}），多为从其他系统复制带入，请删除后重新输入",
              "{column_en} {actual!r} holds control characters ({chars}), usually pasted from another system; remove them",
              "财预〔2020〕10号（自评结果客观真实）", scope="submission"),
    CheckSpec("C02", "CELL_NOT_COMPUTABLE", "—", E, "单元格无法计算", "Cell cannot be computed",
              "{column}“{actual}”{problem}", "{column_en} {actual!r} {problem_en}",
              "财预〔2020〕10号（数据如实填写，得分可复核）", scope="submission"),
    # ---------------------------------------------------------------- report narrative (自评报告正文, perfxl.rules.narrative)
    CheckSpec("N01", "NARRATIVE_TABLE_MISMATCH", "R-N01", E, "报告正文数字与表格不符", "Narrative figure differs from the table",
              "{where}写“{claim}”为 {narrative}，而{table_label}为 {table}（{cell}）{pairing}",
              "The narrative ({where}) says {claim} = {narrative}, the table ({cell}) says {table}{pairing_en}",
              "财预〔2020〕10号（自评报告与自评表数据一致、真实客观）", scope="submission"),
    CheckSpec("N02", "NARRATIVE_ARITHMETIC", "R-N02", E, "报告正文的计算有误", "Narrative arithmetic is wrong",
              "{where}：{what}，按其自身数字应为 {expected}，文字写 {actual}",
              "Narrative ({where}): {what_en} should be {expected} by its own figures, the text says {actual}",
              "财预〔2020〕10号（自评报告数据准确）；占比、完成预算的%、增减率、完成率（实际/目标）、结余（预算−支出）、到位率（到位/计划）的定义", scope="submission"),
    CheckSpec("N03", "NARRATIVE_ALL_MET_CLAIM", "R-N03", E, "正文称目标全部完成，但有指标未完成", "Narrative claims every target met while one is not",
              "{where}称“{claim}”，但指标“{name}”年度指标值 {target}、实际完成值 {completion}，未达到目标（{cell}）{others}",
              "The narrative ({where}) claims every target was met, but {name} reached {completion} against {target} ({cell})",
              "财预〔2020〕10号（如实反映绩效目标完成情况，未完成的说明原因）", scope="submission"),
    CheckSpec("N04", "NARRATIVE_UNSUPPORTED", "R-N04", INFO_, "正文数字在表格中没有对应", "Narrative figure no table supports",
              "{where}的 {claims} {why}，无法核对",
              "Narrative ({where}): {claims} {why_en} and could not be checked",
              "财预〔2020〕10号（自评报告与自评表相互印证）", scope="submission"),
    CheckSpec("N05", "NARRATIVE_LIST_COUNT", "R-N05", W, "正文所列名称个数与所写数目不符", "Narrative count differs from the names it lists",
              "{where}写“{count}”，其后所列名称为 {listed} 个（{names}）",
              "Narrative ({where}): states {count} but lists {listed} names ({names})",
              "财预〔2020〕10号（自评报告数据准确）", scope="submission"),
    # ---------------------------------------------------------------- the engine itself
    CheckSpec("X01", "CHECK_CRASHED", "—", E, "检查程序内部出错", "A check failed internally",
              "检查 {check} 未能完成：{error}（请把文件发给 perfxl 维护者）", "Check {check} could not finish: {error}",
              "perfxl", scope="none"),
)
# fmt: on

#: Rules of domain-rules.md §6 that the model cannot check, and why (listed in docs/rules/index.md).
NOT_CHECKABLE: Mapping[str, str] = MappingProxyType(
    {
        "R-S10": "多子项指标的汇总需要子项明细，自评表只有汇总后的一行 (sub-items are not on the form)",
        "R-T01": "自评表没有二级、一级指标得分小计单元格 (the form has no subtotal score cells); W02/T02 cover the sums",
        "R-D-08": "基础数据表无预算完成率及其得分单元格；自评表执行率由 F04/F05 复核",
        "R-D-09": "基础数据表无重点项目支出数据 (no key-project spending on the form)",
        "R-D-10": "基础数据表无结转结余数据 (no carry-over data on the form)",
        "R-D-13": "基础数据表无职责履行（计划/完成工作数）数据 (no workload data on the form)",
        "R-D-15": "部门整体自评表的总分与等级由 T02/T03/T04 复核 (covered by T02–T04)",
    }
)

_NAME_DIRECTION = (
    "方向由指标名称推断（未写运算符）时、方向栏（正向/反向）与运算符栏方向相反时为“依据推断”，至多警告",
    "a guess, at most a warning, when the direction is read from the indicator's name (no operator) or the "
    "direction column (正向/反向) and the operator column point opposite ways",
)
_NO_TOTAL_ROW = (
    "表中没有总分行（可能续在别处）时为“需人工判断”，至多警告",
    "a judgement, at most a warning, when the table has no 总分 row (it may continue elsewhere)",
)
#: What each check's findings rest on, when not CERTAIN arithmetic on the cells (docs/rules/ lists it).
_RESTS_ON: dict[str, Certainty] = {
    **dict.fromkeys(
        (
            "F06",
            "F07",
            "F08",
            "W01",
            "I02",
            "I05",
            "I06",
            "I07",
            "I08",
            "I09",
            "I10",
            "S08",
            "S09",
            "S12",
            "S13",
            "S14",
            "S15",
            "S16",
            "S17",
            "S18",
            "D02",
            "T05",
            "T07",
            "G02",
            "G04",
            "B14",
            "B15",
            "I11",
            "F12",
            "F13",
            "F14",
            "F16",
            "F17",
            "F18",
            "F19",
            "F20",
            "I15",
        ),
        Certainty.JUDGEMENT,
    ),
    "F15": Certainty.GUESS,  # plausibility of a budget's size: the profile's limit is a guess, not a rule
    "G03": Certainty.GUESS,  # a fuzzy match of a subject in the goal text to an indicator name
    "I13": Certainty.GUESS,  # the direction a name suggests comes from the profile's word lists
}
#: When a finding of a check rests on less than the check usually does.
_DEGRADES: dict[str, tuple[str, str]] = {
    **dict.fromkeys(("S01", "S02", "S03", "S07", "D01", "D02", "S08", "S09"), _NAME_DIRECTION),
    **dict.fromkeys(("W03", "W05"), _NO_TOTAL_ROW),
    "W02": (
        _NO_TOTAL_ROW[0]
        + "；所读分值大于满分（可能是年份、数量）、其下有三级指标未填分值、其下不适用（不涉及）的指标分值填 0 而"
        "合计少于所标分值（可能已按比例扣除）、该列逐行照抄本行分值，或按一级指标权重折算读取（推断）时亦为“需人工判断”",
        _NO_TOTAL_ROW[1] + "; also a judgement when the figure read exceeds the full mark (maybe a year or a count), "
        "rows under it print no weight, rows that do not apply (不适用/不涉及) are weighted 0 and the rows fall short of "
        "it (their points may have been taken out), the column repeats each row's own weight, or the form is read as "
        "weighting its 一级 (inferred)",
    ),
    "F05": (
        "得分仅末位相差一个单位、按所填小数位取整才相符、得分未填写、各来源分值与得分之和等于合计行（可能按来源分配）、"
        "表中写明了其他计分方法、年度资金总额行为空而按各来源合计计算时为“需人工判断”；表头写明执行率按年初预算数计算而"
        "年初预算数未填写、按全年预算数计算时亦为“需人工判断”",
        "a judgement when the score is one unit off in its last printed place, agrees only rounded to the decimals "
        "typed, is blank, or the sources' weights and scores add up to the total's (scored by source); when the table "
        "states another scoring method, or the total row is empty and the sources' sum is used; also when the header "
        "puts the 执行率 over a blank 年初预算数 and it is computed over the 全年预算数",
    ),
    "I04": (
        "指标性质栏写的是文字（如“有效”）时、方向栏（正向/反向）与运算符栏方向相反时为“需人工判断”",
        "a judgement when the column holds a word (e.g. 有效), or when the direction column (正向/反向) and the "
        "operator column point opposite ways",
    ),
    "D01": (
        _NAME_DIRECTION[0] + "；偏差原因栏只写“备注/说明”时、实际完成值已达到指标值（或方向栏与运算符栏相反、"
        "按其一可达到）而得分低于分值时为“需人工判断”",
        _NAME_DIRECTION[1] + "; a judgement when the deviation column is headed only 备注/说明, and when the actual "
        "meets the target (or, the direction and operator columns disagreeing, meets it one way) but the score is below "
        "the weight",
    ),
    "I01": (
        "名称为空的行紧接在有名称的行之下（可能是未保留的合并单元格）时为“需人工判断”",
        "a judgement when the nameless row sits right under a named one (perhaps a merge lost in the export)",
    ),
    "T04": (
        "等级不是规则集的等级（如“A”“较好”“合格”，可能是本地的其他等级体系）时为“需人工判断”；按行读取的绩效评价结果表"
        "（如浙江专项债券项目，表内未载明其评价办法的等级标准）按规则集等级核对，至多警告；所印总分按规则集的得分小数位"
        "四舍五入后跨过等级界线、所写等级与四舍五入后的总分相符（如总分 89.995 写“优”：按所印为良，保留两位为 90.00、优）"
        "时为“需人工判断”；一级指标权重折算的表（推断）中，所印总分与折算总分仅按所印小数位相符而二者分属不同等级（如折算 "
        "89.995、印 90.00）时亦为“需人工判断”",
        "a judgement when the grade is not one of the profile's (e.g. A, 较好, 合格: another scale); on a results list "
        "read line by line (e.g. 浙江's bond projects: the bands of its own rules are not printed), checked on the "
        "profile's bands, at most a warning; a judgement when the total kept to the profile's score places crosses a "
        "band and the stated grade is that band's (89.995 with 优: 良 as printed, 90.00 and 优 at two places); also on a "
        "form read as weighting its 一级 (inferred) when the printed total agrees with the weighted one only as printed "
        "and the two lie in different bands (89.995 printed 90.00)",
    ),
    "N01": (
        "正文与表格的指标按名称相似度配对时为推测（消息写明两个名称）；正文所写目标（可能批复后调整）、一级指标分值与表格分组、"
        "只由“包含”所列各项推出的预算与表格比对时为“需人工判断”",
        "a guess when the text's subject is paired with an indicator by name similarity (the message names both); a "
        "judgement for a target stated in the text (it may have been adjusted after approval), a 一级指标's points "
        "against the table's group, and a budget stated only by the items it 包含",
    ),
    "N02": (
        "数字按位置配对时为“需人工判断”，至多警告：合计读作哪几项之和、增减额对照句中哪一个基数、一句中的得分与等级（可能按本地等级）、"
        "部分得分与其所列各项、支付率读作 支付 ÷（支付 + 未支）、完成率的目标与实际不是同一表格行；一个金额四舍五入、另一个截断才相符时；"
        "“其中”或括号所列人数、个数之和超过总数（各类按互不重叠理解）时；按名称读出维度的“其中”拆分（基本支出/项目支出等）少于总数时",
        "a judgement, at most a warning, when figures are paired by place: which amounts a 合计 adds up, the base a "
        "change is measured from, a score and the grade of its sentence (a locality may grade on its own bands), a "
        "part's score and its numbered items, a 支付率 read as paid / (paid + unpaid), a completion rate whose target "
        "and actual are not one table row's; when only one figure read rounded and the other cut short agrees; when "
        "counts under 其中 or in brackets exceed their total (the categories read as disjoint); when a 其中 split "
        "naming its dimension (基本支出/项目支出 …) falls short of its total",
    ),
    "F04": (
        "仅末位相差一个单位、比率写成整数、其中行照抄合计行的数字和比率、预算数为 0 时仍填了执行率，或填的是封顶后的 100% "
        "时为“需人工判断”；表中执行率无法读取为比率（如“9 5%”）时亦为“需人工判断”；表头写明按年初预算数计算而年初预算数"
        "未填写、按全年预算数计算时亦为“需人工判断”",
        "a judgement when only the last printed place differs, the rate is written as a whole number, a source "
        "row repeats the total's figures and rate, a rate is printed over a zero budget, or the rate printed is the "
        "capped 100%; also when the printed rate cannot be read as a rate (e.g. 9 5%), or the header puts it over a "
        "blank 年初预算数 and it is computed over the 全年预算数",
    ),
    "F02": (
        "某来源单元格未填写（该行其他栏有数，或为申报表的年度数）、差额可能即为其数额时为“需人工判断”",
        "a judgement when a source cell is blank while its row has other figures (or it is a 申报表's yearly figure): "
        "it may hold the difference",
    ),
    **dict.fromkeys(
        ("B01", "B12", "B13"),
        (
            "表中比率无法读取为比率（如“9 3.75%”）时为“需人工判断”",
            "a judgement when the printed rate cannot be read as a rate (e.g. 9 3.75%)",
        ),
    ),
    "B19": (
        "表头未说明以哪一列为基数（无年份、上年/本年或预算/决算之分）时、差额或比率仅在打印数字的四舍五入范围内不符时"
        "（按打印的小数位，金额可能是四舍五入后的值）、比率只差最后一位时，以及数值大小相符而正负号未印明时（该列各行都未印"
        "正负号，可能印的是绝对值；或以括号表示负数）为“需人工判断”",
        "a judgement when the headers do not say which column is the base (no year, 上年/本年 or 预算/决算), when the "
        "change or rate misses only within the rounding of the printed amounts, or only in its last printed place, and "
        "when its size agrees but its sign is not printed for sure (no line of its column prints a sign: it may print "
        "sizes; or accounting brackets)",
    ),
    "B02": (
        "编制数为 0（未核定编制或未填写，控制率无法计算）时，或人数取自基本概况表的“人员编制 │ 实有人数”"
        "（未说明实有是否只计编制内人员）时为“需人工判断”",
        "a judgement when the establishment is 0 (none approved, or not filled: no rate), or when the figures come "
        "from an overview table's 人员编制 │ 实有人数 line (whether 实有 counts only staff on the establishment is not said)",
    ),
    "B03": (
        "公用经费小于其列明分项、而表注说明了某一分项的口径（如含项目支出安排的会议费）时为“需人工判断”；单独的“三公”经费表"
        "未列出某一分项（如没有因公出国（境）费一栏）时亦为“需人工判断”；某一分项未填写（空白不按 0 计）而合计大于已填分项之和时"
        "亦为“需人工判断”（已填分项之和是合计的下限，合计小于它仍为错误）",
        "a judgement when 公用经费 is below its named items and a note on the table explains what an item holds, or when a "
        "三公 table on its own prints no column for one of the items; also when an item is blank (no 0) and the total "
        "exceeds the filled ones (their sum is a lower bound: a total below it stays an error)",
    ),
    "I12": (
        "数字疑为录入或识别损坏（如“M.8万元”）时为“需人工判断”",
        "a judgement when the number looks damaged (e.g. M.8万元)",
    ),
    "N03": (
        "正文只说“按计划完成目标”而未说“全部/均已完成”，或未完成的指标写在正文中（报告可能涉及多个项目）时为“需人工判断”；"
        "指标未写方向时为推测（该行得分低于分值并填写了偏差原因时，表格本身说明未完成，不算推测）",
        "a judgement when the text says 'completed as planned' rather than 'all', or the missed indicator is stated in "
        "the text (the report may cover several projects); a guess when the target has no direction (unless the row "
        "scores below its weight and gives a deviation reason: the table itself states the miss)",
    ),
    "C02": (
        "数值单元格为损坏的数字（如“4(B)”“46.O”“M.8”，疑为录入或识别错误，不按其中的数字猜读；数字中间有空格而不是三位一组，"
        "如“12 3.4”“100 200”）或文字（而非 Excel 错误值）或超出 Excel 可表示范围的数（如“1E+309”），或在增减列以外标有减少符号"
        "（如“▼108”）时为“需人工判断”，至多警告；用到它的核对（执行率、合计等）跳过此单元格",
        "a judgement, at most a warning, when a number cell holds a damaged number (e.g. 4(B), 46.O, M.8: a typing or "
        "OCR slip, its digits never guessed; digits with a space no grouping in threes makes certain, e.g. 12 3.4, "
        "100 200), text (not an Excel error value), a figure beyond Excel's range (e.g. 1E+309) or a fall's mark where "
        "no change is asked (e.g. ▼108); the checks needing it skip the cell",
    ),
}


def _completed(s: CheckSpec) -> CheckSpec:
    """`s` with what the tables above add to it: what it rests on, when it degrades, and its catalogue notes (why it
    matters, an example and the message perfxl gives for it) — one copy a spec (a `replace` costs ≈ 600 interpreter
    steps, and every process that imports the checks makes one a spec)."""
    degrades = _DEGRADES.get(s.code, ("", ""))
    notes = CHECK_NOTES.get(s.code)
    why, example, message = (
        (s.why_zh, s.example_input, s.example_message) if notes is None else (notes[0], notes[1], s.render(notes[2])[0])
    )
    return replace(
        s,
        rests_on=_RESTS_ON.get(s.code, s.rests_on),
        degrades_zh=degrades[0],
        degrades_en=degrades[1],
        why_zh=why,
        example_input=example,
        example_message=message,
    )


_SPECS = tuple(map(_completed, _SPECS))

CATALOGUE: tuple[CheckSpec, ...] = _SPECS
_BY_CODE: dict[str, CheckSpec] = {s.code: s for s in _SPECS}
_IMPL: dict[str, CheckFunc] = {}

assert len(_BY_CODE) == len(_SPECS), "duplicate check code in the catalogue"


def spec(code: str) -> CheckSpec:
    """The spec of a code; KeyError for an unknown code."""
    return _BY_CODE[code]


def check(code: str) -> Callable[[CheckFunc], CheckFunc]:
    """Decorator: register the generator implementing catalogue entry `code`."""
    if code not in _BY_CODE:
        raise KeyError(f"check {code} is not in the catalogue")

    def register(func: CheckFunc) -> CheckFunc:
        _IMPL[code] = func
        return func

    return register


def implementation(code: str) -> CheckFunc | None:
    return _IMPL.get(code)


def implemented_specs() -> list[CheckSpec]:
    """Catalogue entries that have an implementation, in catalogue order."""
    return list(implemented()[0])


#: (how many codes were registered, the catalogue entries implemented then, their codes): `_IMPL` only ever gains codes
#: (a test's `monkeypatch.setitem` replaces an entry's function, never its code)
_IMPLEMENTED: list[tuple[int, tuple[CheckSpec, ...], tuple[str, ...]]] = []


def implemented() -> tuple[tuple[CheckSpec, ...], tuple[str, ...]]:
    """`implemented_specs` and their codes, worked out again only when a check was registered since (≈ 13 µs of
    each run of the checks over the whole catalogue, fast21b)."""
    if not _IMPLEMENTED or _IMPLEMENTED[0][0] != len(_IMPL):
        specs = tuple(s for s in _SPECS if s.code in _IMPL)
        _IMPLEMENTED[:] = [(len(_IMPL), specs, tuple(s.code for s in specs))]
    return _IMPLEMENTED[0][1:]


# ---------------------------------------------------------------- every other code perfxl emits (one catalogue)
_SEVERITY = {"error": E, "warning": W, "info": INFO_}


def _other(
    code: str,
    kind: str,
    severity: str,
    title_zh: str,
    title_en: str,
    why_zh: str,
    example_input: str,
    example_message: str,
) -> CheckSpec:
    """A catalogue entry for a code that is not a check: no implementation, no template, no profile table."""
    status, reason = STATUS.get(code, ("active", ""))
    return CheckSpec(
        code,
        code,
        "—",
        _SEVERITY[severity],
        title_zh,
        title_en,
        "",
        "",
        "perfxl",
        scope="none",
        kind=kind,
        why_zh=why_zh,
        example_input=example_input,
        example_message=example_message,
        status=status,
        status_reason=reason,
    )


#: Every code perfxl can emit: the checks (CATALOGUE) first, then the reader's, file, output, batch, server and
#: tool codes. `perfxl rules` lists it and docs/rules/ is generated from it (python -m perfxl.rules.docs). Made on first
#: use (`__getattr__`): a validation emits codes but never lists them, so its process builds none of the 111 entries
#: (made at import they cost +5.9 M instructions, +0.74 % of validating the example: lean27, docs/performance.md).
CODES: tuple[CheckSpec, ...]
_ALL: dict[str, CheckSpec] = {}
#: Settings outside `[checks.CODE]` that change when a non-check code is given (limits via environment variables).
LIMIT_SETTINGS: Mapping[str, str] = GUARD_SETTINGS


def _codes() -> tuple[CheckSpec, ...]:
    """`CODES`, made once (two threads making it at once make equal values)."""
    global CODES
    guard = tuple(
        _other(code, "reader" if code in FINDING_CODES else "file", "warning" if code in FINDING_CODES else "error", *e)
        for code, e in GUARD_ENTRIES.items()
    )
    codes = CATALOGUE + guard + tuple(_other(code, *entry) for code, entry in OTHER_CODES.items())
    found = {s.code: s for s in codes}
    assert len(found) == len(codes), "a code is catalogued twice"
    _ALL.update(found)
    CODES = codes
    return codes


def __getattr__(name: str) -> Any:
    """`CODES` made on its first ask (PEP 562)."""
    if name == "CODES":
        return _codes()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def code_spec(code: str) -> CheckSpec:
    """The catalogue entry of any code perfxl emits (checks and the rest); KeyError for an unknown code."""
    if not _ALL:
        _codes()
    return _ALL[code]
