"""Realistic random submissions for batch benchmarks and reader tests: `synthetic_content(seed)`.

Same seed, same content. Units, operators (≥ ≤ = > <, full-width ≧, ">=", none), spacing,
qualitative rows with tier labels, deadlines and growth targets vary; typed scores are what
perfxl's scoring (`score_indicator`, `execution_score`) gives, except where an error is planted
on purpose — each planted error is listed in `WorkbookContent.planted` with its content path.
"""

from __future__ import annotations

import random
import re
from dataclasses import replace
from decimal import Decimal
from typing import cast

from perfxl.numbers import round_half_up, to_decimal
from perfxl.rates import execution_rate, staff_control_rate
from perfxl.scoring import execution_score, score_indicator

from .content import (
    TIER_LABELS,
    BasicContent,
    EvaluationContent,
    FundsLine,
    IndicatorLine,
    PlantedError,
    Value,
    WorkbookContent,
)
from .layout_eval import lay_evaluation
from .plan import SheetPlan
from .shape import Shape
from .template import basic_template

__all__ = ["synthetic_content", "synthetic_evaluation", "many_sheet_content", "PLANTABLE"]

_COUNTIES = ("隆回县", "邵东市", "新邵县", "洞口县", "武冈市", "绥宁县", "新宁县", "城步苗族自治县", "邵阳县", "双清区")
_BUREAUS = (
    "教育局",
    "农业农村局",
    "交通运输局",
    "卫生健康局",
    "民政局",
    "文化旅游广电体育局",
    "自然资源局",
    "住房和城乡建设局",
    "水利局",
    "科技和工业信息化局",
    "林业局",
    "生态环境分局",
)
_PROJECTS = (
    "农村公路养护",
    "义务教育营养改善计划",
    "高标准农田建设",
    "城乡环境卫生整治",
    "科技创新引导资金",
    "乡村振兴衔接资金",
    "公共文化服务体系建设",
    "高龄老人福利补贴",
    "中小企业发展专项",
    "农村饮水安全巩固提升",
    "森林防火能力提升",
    "基层医疗卫生机构运行保障",
)
# (二级, 三级 name, unit, operator family, low, high)
_QUANT = {
    "数量指标": (
        ("培训人次", "人次", "+", 200, 3000),
        ("新建改建道路里程", "公里", "+", 5, 80),
        ("补贴发放户数", "户", "+", 100, 5000),
        ("改造面积", "亩", "+", 200, 20000),
        ("购置设备数量", "台", "+", 3, 60),
        ("覆盖乡镇数", "个", "+", 5, 25),
    ),
    "质量指标": (
        ("项目验收合格率", "%", "+", 90, 100),
        ("资金拨付准确率", "%", "+", 95, 100),
        ("设备完好率", "%", "+", 85, 100),
    ),
    "成本指标": (
        ("人均培训成本", "元", "-", 200, 1500),
        ("每公里建设成本", "万元/公里", "-", 30, 120),
        ("项目总成本", "万元", "-", 50, 800),
    ),
    "经济效益指标": (("带动农户增收", "万元", "+", 20, 500), ("规模工业产值增长", "%", "+", 3, 15)),
    "社会效益指标": (("受益人口", "人", "+", 1000, 90000), ("群众知晓率", "%", "+", 80, 98)),
    "生态效益指标": (("森林覆盖率", "%", "+", 50, 70), ("垃圾无害化处理率", "%", "+", 85, 100)),
    "服务对象满意度指标": (("服务对象满意度", "%", "+", 85, 95), ("受益群众满意度", "%", "+", 85, 95)),
}
_QUALITATIVE = {
    "社会效益指标": ("改善群众生产生活条件", "明显改善"),
    "可持续影响指标": ("长效管护机制", "健全"),
    "经济效益指标": ("促进产业发展", "效果明显"),
    "质量指标": ("工程质量", "符合验收标准"),
}
_POSITIVE_OPS = ("≥", "≥", "≥", ">", "≧", ">=", "", "不低于")
_NEGATIVE_OPS = ("≤", "≤", "<", "≦", "<=", "不高于")
_SHORTFALL = (
    "受天气影响，部分工程进度滞后，下一步将加强调度。",
    "部分资金到位较晚，执行进度受影响，已督促加快实施。",
    "项目点调整，完成量未达预期，明年将优化目标设定。",
)

#: Error kinds `synthetic_content` can plant, each tied to a check of domain-rules.md §6.
PLANTABLE = (
    "score_mismatch",
    "rate_mismatch",
    "funds_sum",
    "total_mismatch",
    "missing_deviation",
    "weight_sum",
    "exec_over_budget",
)


def _money(rng: random.Random, low: float, high: float) -> Decimal:
    return Decimal(str(round(rng.uniform(low, high), 2)))


def _num_text(x: Decimal) -> str:
    return format(x.normalize(), "f")


def _split(rng: random.Random, total: int, parts: int) -> list[int]:
    """`total` points over `parts` rows, each ≥ 2, summing exactly to `total`."""
    cuts = sorted(rng.sample(range(1, total // 2), parts - 1)) if parts > 1 else []
    sizes = [b - a for a, b in zip([0, *cuts], [*cuts, total // 2], strict=True)]
    return [2 * s for s in sizes] if total % 2 == 0 else [2 * s for s in sizes[:-1]] + [2 * sizes[-1] + 1]


def _indicator(rng: random.Random, l1: str, l2: str, weight: int, year: int) -> IndicatorLine:
    actual: str | float  # 实际完成值: as typed, or a bare number
    if l2 == "时效指标":
        target = rng.choice((f"{year}年12月底前", f"{year}年底", f"{year}年10月31日前"))
        actual = rng.choice((f"{year}年11月", f"{year}年12月", f"{year}年9月"))
        name = rng.choice(("项目完成时间", "资金拨付及时性"))
    elif l2 in _QUALITATIVE and (l2 == "可持续影响指标" or rng.random() < 0.25):
        name, target = _QUALITATIVE[l2]
        actual = rng.choices(TIER_LABELS, weights=(8, 2, 1))[0]
    else:
        name, unit, family, low, high = rng.choice(_QUANT.get(l2) or _QUANT["数量指标"])
        a = Decimal(rng.randint(low, high))
        op = rng.choice(_POSITIVE_OPS if family == "+" else _NEGATIVE_OPS)
        space = " " if rng.random() < 0.15 else ""
        growth = unit == "%" and l2 == "经济效益指标" and rng.random() < 0.5
        target = f"增长{a}%" if growth else f"{op}{space}{a}{space}{unit}"
        ratio = Decimal(rng.choice((100, 100, 100, 105, 112, 96, 88, 135)))
        b = round_half_up(a * ratio / 100, 0 if unit not in ("%", "万元") else 1)
        if family == "-":
            b = round_half_up(a * (200 - ratio) / 100, 0)
        if unit == "%" and b > 100:
            b = Decimal(100)
        actual = f"{_num_text(b)}{unit}" if rng.random() < 0.8 else float(b)
    res = score_indicator(target, actual, weight)
    score = res.score if res.score is not None else Decimal(weight)
    deviation = rng.choice(_SHORTFALL) if res.score is not None and res.score < weight else None
    return IndicatorLine(
        l1, l2, name, target, actual, weight, _cell_num(score), deviation, qualitative=res.method == "qualitative"
    )


def _cell_num(d: Decimal) -> int | Decimal:
    d = d.normalize()
    return int(d) if d == d.to_integral_value() else d


def synthetic_evaluation(
    rng: random.Random, kind: str = "project", year: int = 2023, sheet: str | None = None
) -> EvaluationContent:
    """One consistent 自评表 (no planted errors): funds add up, scores as perfxl computes them."""
    county, bureau = rng.choice(_COUNTIES), rng.choice(_BUREAUS)
    fiscal = _money(rng, 20, 3000)
    carry = _money(rng, 1, 200) if rng.random() < 0.4 else Decimal(0)
    other = _money(rng, 1, 100) if rng.random() < 0.2 else Decimal(0)
    initial = fiscal + carry + other
    full = initial + (_money(rng, -10, 50) if rng.random() < 0.3 else Decimal(0))
    executed = round_half_up(full * Decimal(rng.choice((100, 100, 99, 97, 95, 92, 85, 70))) / 100, 2)
    rate = execution_rate(executed, full).percent
    exec_score = _computed(execution_score(executed, full, 10).score)
    parts = [fiscal, carry, other]
    adj = full - initial
    part_full = [fiscal + adj, carry, other]
    part_exec = (
        [round_half_up(executed - carry - other, 2), carry, other]
        if executed >= carry + other
        else [executed, Decimal(0), Decimal(0)]
    )
    funds: tuple[FundsLine, ...]
    header: tuple[tuple[str, str], ...]
    breakdown: tuple[tuple[str, str], ...]
    if kind == "project":
        labels = ("其中：本年财政拨款", "上年结转资金", "其他资金")
        funds = (
            FundsLine("年度资金总额", initial, full, executed, 10, rate, _cell_num(exec_score), is_total=True),
            *(FundsLine(lb, p, f, e) for lb, p, f, e in zip(labels, parts, part_full, part_exec, strict=True)),
        )
        header = (
            ("项目名称", f"{year}年{rng.choice(_PROJECTS)}"),
            ("主管部门", f"{county}{bureau}"),
            ("实施单位", f"{county}{bureau}"),
        )
        title, funds_label, breakdown = f"{year}年度项目支出绩效自评表", "项目资金（万元）", ()
    else:
        funds = (FundsLine("年度资金总额", initial, full, executed, 10, rate, _cell_num(exec_score), is_total=True),)
        header = (("预算单位名称", f"{county}{bureau}"),)
        title, funds_label = f"{year}年度部门整体支出绩效自评表", "年度预算申请（万元）"
        breakdown = (
            (f"按收入性质分：{_num_text(full)}", f"按支出性质分：{_num_text(full)}"),
            (
                f"其中：一般公共预算：{_num_text(full)}",
                f"其中：基本支出：{_num_text(round_half_up(full * Decimal('0.4'), 2))}",
            ),
        )
    w_out, w_eff = rng.choice(((50, 30), (50, 30), (40, 40), (60, 20)))
    l2_out = ["数量指标", "数量指标", "质量指标", "时效指标", "成本指标"][: rng.randint(4, 5)]
    l2_eff = ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"][: rng.randint(2, 4)]
    rows = []
    total_w = 10  # the funds block's 分值
    for l1, w, l2s in (
        ("产出指标", w_out, l2_out),
        ("效益指标", w_eff, l2_eff),
        ("满意度指标", 10, ["服务对象满意度指标"]),
    ):
        label = f"{l1}（{w}分）" if rng.random() < 0.5 else l1
        for l2, wi in zip(l2s, _split(rng, w, len(l2s)), strict=True):
            rows.append(_indicator(rng, label, l2, wi, year))
            total_w += wi
    total_s = sum((Decimal(str(r.score)) for r in rows), Decimal(0)) + exec_score
    expected = f"完成{rows[0].name}{rows[0].target}等年度目标，资金执行率达到100%。"
    return EvaluationContent(
        kind=kind,
        sheet=sheet or ("项目支出绩效自评表" if kind == "project" else "部门整体支出绩效自评表"),
        title=title,
        header=header,
        funds_label=funds_label,
        funds=funds,
        breakdown=breakdown,
        goal_expected=expected,
        goal_actual=f"{rows[0].name}实际完成{rows[0].actual}，其余指标基本完成。",
        indicators=tuple(rows),
        total_weight=total_w,
        total_score=_cell_num(total_s),
    )


def _computed(d: Decimal | None) -> Decimal:
    """A rate or score of the generator's own figures, which always compute (budgets are never 0)."""
    if d is None:
        raise ValueError("synthetic figures did not compute")
    return d


def _amount(v: Value) -> Decimal:
    """An amount of a funds line as the generator writes it (a Decimal; an int is taken as is)."""
    if isinstance(v, Decimal):
        return v
    if isinstance(v, int) and not isinstance(v, bool):
        return Decimal(v)
    raise TypeError(f"not an amount: {v!r}")


def _synthetic_basic(rng: random.Random, year: int) -> BasicContent:
    base = basic_template()
    est = rng.randint(15, 90)
    actual = est + rng.choice((-3, -1, 0, 0, 2, 5))
    values: dict[str, tuple] = {}
    lines = []
    for a in base.amounts:
        if a.sum_of:
            lines.append(a)
            continue
        trio = tuple(_money(rng, 0, 300000) if rng.random() < 0.8 else Decimal(0) for _ in range(3))
        values[a.key] = trio
        lines.append(replace(a, prev=trio[0], budget=trio[1], final=trio[2]))
    filled = []
    for a in reversed(lines):  # sub-totals before totals
        if a.sum_of:
            trio = tuple(sum((values.get(k, (Decimal(0),) * 3)[i] for k in a.sum_of), Decimal(0)) for i in range(3))
            values[a.key] = trio
            a = replace(a, prev=trio[0], budget=trio[1], final=trio[2])
        filled.append(a)
    rate = _computed(staff_control_rate(actual, est).percent)
    return replace(
        base,
        title=f"{year}年度部门整体支出绩效评价基础数据表",
        establishment=est,
        actual_staff=actual,
        control_rate=f"{_num_text(rate)}%",
        amounts=tuple(reversed(filled)),
        year_headers=(f"{year - 1}年决算数", f"{year}年预算数", f"{year}年决算数"),
        frugality="严格执行中央八项规定精神，压减一般性支出。",
    )


def _plant(rng: random.Random, content: WorkbookContent, kind: str) -> WorkbookContent:
    """Put one error of `kind` into a random evaluation; returns the content with it recorded."""
    k = rng.randrange(len(content.evaluations))
    ev = content.evaluations[k]
    p = f"evaluations[{k}]"
    note, path = "", ""
    if kind in ("score_mismatch", "missing_deviation", "weight_sum"):
        cands = [j for j, r in enumerate(ev.indicators) if isinstance(r.weight, int)]
        if kind == "missing_deviation":
            cands = [j for j in cands if ev.indicators[j].deviation] or cands
        j = rng.choice(cands)
        line = ev.indicators[j]
        weight = cast(int, line.weight)  # cands: rows with an int weight
        score = cast(int | Decimal, line.score)  # _indicator writes _cell_num(score)
        if kind == "score_mismatch":
            new = replace(line, score=score - 1 if Decimal(str(score)) >= 1 else weight + 1)
            path, note = f"{p}.indicators[{j}].score", f"typed {new.score}, computed {line.score}"
        elif kind == "missing_deviation":
            new = replace(line, score=weight - 1, deviation=None)
            path, note = f"{p}.indicators[{j}].deviation", "score below weight, no explanation"
        else:
            new = replace(line, weight=weight + 2)
            path, note = f"{p}.indicators[{j}].weight", "leaf weights no longer add up to the declared total"
        inds = list(ev.indicators)
        inds[j] = new
        ev = replace(ev, indicators=tuple(inds))
    elif kind in ("rate_mismatch", "funds_sum", "exec_over_budget"):
        total = ev.funds[0]
        if kind == "rate_mismatch":
            new_total = replace(total, rate=Decimal("94.5") if total.rate != Decimal("94.5") else Decimal(90))
            path, note = f"{p}.funds[0].rate", f"typed {new_total.rate}, computed {total.rate}"
        elif kind == "funds_sum":
            new_total = replace(total, full=_amount(total.full) + Decimal("10.5"))
            path, note = f"{p}.funds[0].full", "total ≠ sum of its parts"
        else:
            new_total = replace(total, executed=_amount(total.full) + Decimal("12.3"))
            path, note = f"{p}.funds[0].executed", "全年执行数 > 全年预算数"
        ev = replace(ev, funds=(new_total, *ev.funds[1:]))
    else:  # total_mismatch
        ev = replace(ev, total_score=_cell_num(Decimal(str(ev.total_score)) + 3))
        path, note = f"{p}.total_score", "总分 ≠ sum of scores"
    evs = list(content.evaluations)
    evs[k] = ev
    return replace(content, evaluations=tuple(evs), planted=(*content.planted, PlantedError(kind, path, note)))


def synthetic_content(
    seed: int,
    *,
    projects: int = 1,
    department: bool = False,
    basic: bool = False,
    errors: int | None = None,
    one_sheet: bool = False,
    year: int = 2023,
) -> WorkbookContent:
    """A random but realistic submission. `errors`: how many to plant (default 0–3 at random)."""
    rng = random.Random(seed)
    evs = []
    if department:
        evs.append(synthetic_evaluation(rng, "department", year))
    for i in range(projects):
        sheet = "项目支出绩效自评表" if one_sheet or projects == 1 else f"项目{i + 1}"
        evs.append(synthetic_evaluation(rng, "project", year, sheet))
    content = WorkbookContent(
        basic=_synthetic_basic(rng, year) if basic else None,
        evaluations=tuple(evs),
        title=f"synthetic submission #{seed}",
        comments=f"perfxl synthetic_content(seed={seed})",
    )
    n = rng.randint(0, 3) if errors is None else errors
    for kind in rng.sample(PLANTABLE, min(n, len(PLANTABLE))) if evs else ():
        content = _plant(rng, content, kind)
    return content


def many_sheet_content(seed: int = 0, sheets: int = 20) -> WorkbookContent:
    """A benchmark workbook: one 基础数据表 and `sheets − 1` project 自评表s, one per sheet."""
    return synthetic_content(seed, projects=sheets - 1, basic=True, errors=0)


# ---------------------------------------------------------------- a whole project file exported from a budget system

#: The sheets of a central-level project file as budget systems export it (项目库 → .xls), in order.
PROJECT_FILE_SHEETS = (
    "项目基本信息",
    "项目支出立项依据",
    "实施方案",
    "项目支出计划",
    "支出明细",
    "资金测算依据",
    "绩效目标申报表",
    "绩效目标执行监控",
    "项目支出绩效自评表",
    "评审报告",
    "附件清单",
)


def project_file_plans(
    seed: int = 0, *, year: int = 2023, adjusted: int | None = 0, overlapping_merges: bool = False
) -> tuple[list, EvaluationContent, dict[str, str]]:
    """The 11 sheets of an exported project file around one consistent 项目支出 自评表.

    The 绩效目标申报表 declares the 自评表's targets, except indicator `adjusted` (None: none), whose
    declared target is lower (an adjustment after approval). The 执行监控 sheet is a 1-7月 monitoring
    form; with `overlapping_merges` its header merges overlap as some exporters write them (a Grid
    only: Excel writers refuse such files). Returns (plans, the evaluation content, notes: where the
    adjusted target is, "declared"/"evaluated" → "sheet!cell").
    """
    rng = random.Random(seed)
    ev = synthetic_evaluation(rng, "project", year, sheet="项目支出绩效自评表")
    name = dict(ev.header)["项目名称"]
    unit = dict(ev.header)["主管部门"]
    total = ev.funds[0]
    plans: dict[str, SheetPlan] = {n: SheetPlan(n) for n in PROJECT_FILE_SHEETS}
    notes: dict[str, str] = {}

    p = plans["项目基本信息"]
    p.put(0, 0, "项目基本信息", style="title")
    for i, (k, v) in enumerate(
        (
            ("项目名称", name),
            ("项目代码", f"{year}110000{seed:06d}"),
            ("主管部门", unit),
            ("实施单位", dict(ev.header)["实施单位"]),
            ("项目类别", "其他事业发展类"),
            ("项目期限", f"{year}年1月至{year}年12月"),
            ("项目总额（万元）", _num_text(_amount(total.full))),
        ),
        1,
    ):
        p.put(i, 0, k)
        p.merge(i, 1, i, 3, v)
    p = plans["项目支出立项依据"]
    p.put(0, 0, "项目支出立项依据", style="title")
    p.merge(1, 0, 1, 5, f"依据《{year - 1}年县委经济工作会议纪要》及部门职责设立，用于{name}。")
    p = plans["实施方案"]
    p.put(0, 0, "实施方案", style="title")
    for i, step in enumerate(
        (
            "一、前期准备：完成需求调研和方案论证。",
            "二、组织实施：按进度拨付资金、组织验收。",
            "三、绩效管理：开展执行监控和年度自评。",
        ),
        1,
    ):
        p.merge(i, 0, i, 5, step)
    # 支出计划: amounts under 年初预算数 / 全年预算数 headers and merged cells — not a 自评表 funds block
    p = plans["项目支出计划"]
    p.merge(0, 0, 0, 7, "项目支出计划表", style="title")
    p.put(1, 0, "项目名称")
    p.merge(1, 1, 1, 7, name)
    for c, h in enumerate(("序号", "支出内容", "年初预算数", "全年预算数", "一季度", "二季度", "三季度", "四季度")):
        p.put(2, c, h, style="header")
    quarters = [round_half_up(_amount(total.full) * Decimal(q) / 100, 2) for q in (20, 30, 30)]
    quarters.append(_amount(total.full) - sum(quarters))
    p.put(3, 0, 1)
    p.put(3, 1, "项目支出")
    p.merge(3, 2, 4, 2, total.initial)
    p.merge(3, 3, 4, 3, total.full)
    for c, q in enumerate(quarters, 4):
        p.merge(3, c, 4, c, q)
    p.merge(5, 0, 5, 1, "合计")
    p.put(5, 2, total.initial)
    p.put(5, 3, total.full)
    p = plans["支出明细"]
    for c, h in enumerate(("序号", "明细项目", "单价（元）", "数量", "金额（万元）")):
        p.put(0, c, h, style="header")
    p.put(1, 0, 1)
    p.put(1, 1, "项目实施费用")
    p.put(1, 4, total.full)
    p = plans["资金测算依据"]
    for c, h in enumerate(("测算项目", "测算依据", "金额（万元）")):
        p.put(0, c, h, style="header")
    p.put(1, 0, "项目实施费用")
    p.put(1, 1, "按上年标准测算")
    p.put(1, 2, total.full)
    _lay_declaration(plans["绩效目标申报表"], ev, year, adjusted, notes)
    _lay_monitoring(plans["绩效目标执行监控"], ev, year, overlapping_merges)
    lay_evaluation(plans["项目支出绩效自评表"], ev, 0, Shape(), 0)
    if adjusted is not None:
        r, c = plans["项目支出绩效自评表"].addresses[f"evaluations[0].indicators[{adjusted}].target"]
        notes["evaluated"] = f"项目支出绩效自评表!{SheetPlan.ref(r, c)}"
    p = plans["评审报告"]
    p.put(0, 0, "评审报告", style="title")
    p.merge(1, 0, 1, 5, "经专家评审，项目立项依据充分，绩效目标明确，同意纳入预算。")
    p = plans["附件清单"]
    p.put(0, 0, "附件清单")
    p.put(1, 0, "1. 项目申报文本")
    return list(plans.values()), ev, notes


def _lay_declaration(p, ev: EvaluationContent, year: int, adjusted: int | None, notes: dict[str, str]) -> None:
    """项目支出绩效目标申报表 (财预〔2015〕88号 附件 style): header, funds, 年度目标, 一级|二级|三级|指标值."""
    header = dict(ev.header)
    p.merge(0, 0, 0, 5, f"{year}年度项目支出绩效目标申报表", style="title")
    p.put(1, 0, "项目名称")
    p.merge(1, 1, 1, 5, header["项目名称"])
    p.put(2, 0, "主管部门")
    p.merge(2, 1, 2, 2, header["主管部门"])
    p.put(2, 3, "实施单位")
    p.merge(2, 4, 2, 5, header["实施单位"])
    p.merge(3, 0, 5, 0, "项目资金（万元）")
    total = ev.funds[0]
    for i, (label, value) in enumerate(
        # 其他资金 is the rest of the total (a declaration whose sources add up: F02 reads this block, held-out 11)
        (
            ("年度资金总额", total.initial),
            ("其中：财政拨款", ev.funds[1].initial),
            ("其他资金", (to_decimal(total.initial) or Decimal(0)) - (to_decimal(ev.funds[1].initial) or Decimal(0))),
        )
    ):
        p.merge(3 + i, 1, 3 + i, 2, label)
        p.merge(3 + i, 3, 3 + i, 5, value)
    p.put(6, 0, "年度绩效目标")
    p.merge(6, 1, 6, 5, ev.goal_expected)
    r = 7
    for c, h in enumerate(("一级指标", "二级指标", "三级指标", "指标值")):
        p.put(r, c, h, style="header")
    for j, line in enumerate(ev.indicators):
        r += 1
        target = line.target
        if j == adjusted:
            target = _lowered(target)
            notes["declared"] = f"{p.name}!{SheetPlan.ref(r, 3)}"
        for c, v in enumerate((line.level1, line.level2, line.name, target)):
            p.put(r, c, v)


def _lowered(target) -> str:
    """A declared target lower than the one evaluated ("≥1200人" → "≥1000人"; a text gets "（调整前）")."""
    text = str(target)
    m = re.search(r"\d+(?:\.\d+)?", text)
    if not m:
        return text + "（调整前）"
    lower = Decimal(m.group(0)) * Decimal("0.8")
    return text[: m.start()] + _num_text(round_half_up(lower, 0 if "." not in m.group(0) else 2)) + text[m.end() :]


def _lay_monitoring(p, ev: EvaluationContent, year: int, overlapping: bool) -> None:
    """项目支出绩效目标执行监控表 (财预〔2019〕136号 附件): 1-7月 funds and progress per indicator."""
    total = ev.funds[0]
    header = dict(ev.header)
    p.merge(0, 0, 0, 9, f"{year}年度项目支出绩效目标执行监控表", style="title")
    p.put(1, 0, "项目名称")
    p.merge(1, 1, 1, 9, header["项目名称"])
    p.merge(2, 0, 4, 0, "项目资金（万元）")
    for c, h in enumerate(("年初预算数", "全年预算数", "1-7月执行数", "1-7月执行率", "全年预计执行数"), 2):
        p.put(2, c, h, style="header")
    done = round_half_up(_amount(total.full) * Decimal("0.55"), 2)
    p.put(3, 1, "年度资金总额")
    for c, v in enumerate((total.initial, total.full, done, "55%", total.executed), 2):
        p.put(3, c, v)
    p.put(4, 1, "其中：财政拨款")
    p.put(4, 2, ev.funds[1].initial)
    p.put(4, 3, ev.funds[1].full)
    r = 5
    heads = (
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "1-7月执行情况",
        "全年预计完成情况",
        "偏差原因分析",
        "完成目标可能性",
        "备注",
    )
    p.merge(r, 0, r + len(ev.indicators), 0, "绩效指标")
    for c, h in enumerate(heads, 1):
        p.put(r, c, h, style="header")
    for line in ev.indicators:
        r += 1
        for c, v in enumerate(
            (line.level1, line.level2, line.name, line.target, "按进度推进", line.actual, None, "确定能", None), 1
        ):
            p.put(r, c, v)
    if overlapping:  # as some exporters write them: each header cell merged twice, ranges overlapping
        for c in range(1, 10):
            p.merges.append((5, c, 6, c))
            p.merges.append((5, c, 5, min(c + 1, 9)))
