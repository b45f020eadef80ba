"""Header and row labels of the 自评表 and 基础数据表, as data: each role lists its synonyms.

Labels are compared after `normalise_label`, so spaces (also full-width and NBSP), line breaks,
（）vs (), ：vs :, and 、，"" punctuation never matter. Tables are found by these labels, never by
coordinates (财预〔2020〕10号 附1 layout and its provincial variants).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

from ..chinese import CACHE_MAX_LEN
from ..labels import (  # (the grades are the engine's too: T04 reads a grade typed after its label)
    _NUMBERING_STARTS,
    DROP,
    GRADE_LABELS,
    GRADE_WORDS,
    PUNCT,
    SPACES,
    grade_in_text,
    normalise_label,
    strip_brackets,
    strip_numbering,
)
from ..patterns import INVISIBLE, lazy_compile
from ..units import money_unit_in

if TYPE_CHECKING:
    from ..grid import Grid


def unit_above(grid: Grid) -> str:
    """The money unit a report's table takes from the line just above it (`Grid.unit_above`: "单位：万元" as a paragraph
    over a Word table), "" when none: the unit each table reader falls back to when the table prints none (docs14)."""
    return (money_unit_in(grid.unit_above) or "") if grid.unit_above else ""


__all__ = [
    "unit_above",
    "normalise_label",
    "strip_brackets",
    "strip_numbering",
    "match_role",
    "money_unit_in",
    "INDICATOR_COLUMNS",
    "FUNDS_COLUMNS",
    "FUNDS_TOTAL_LABELS",
    "FUNDS_PART_LABELS",
    "HEADER_FIELDS",
    "HEADER_COMPANIONS",
    "OVERVIEW_LABELS",
    "TOTAL_LABELS",
    "GRADE_LABELS",
    "GRADE_WORDS",
    "grade_in_text",
    "is_stated_total",
    "is_total_label",
    "BASIC_ROWS",
    "BASIC_PARENTS",
    "NOTE_PREFIXES",
    "BARE_NOTE_WORDS",
    "APPROVAL_ENDINGS",
    "SEAL_WORDS",
    "FUNDS_AMOUNT_ROLES",
    "FUNDS_SECTION_LABELS",
    "FUNDS_END_LABELS",
    "COLUMN_NUMBER_LABELS",
    "GOALS_LABELS",
    "GOAL_COLUMNS",
    "INDICATOR_SECTION_LABELS",
    "BASIC_SECTIONS",
    "PROCUREMENT_COLUMNS",
    "STAFFING_COLUMNS",
    "BUILDING_COLUMNS",
    "is_placeholder_text",
    "is_known_label",
]

_YEAR = re.compile(r"^(?:20|19)\d{2}年度?")
#: A year's digits before a label that itself starts with 年 ("2021年初目标值" → "年初目标值"; "2021年度…" is `_YEAR`'s).
_YEAR_DIGITS = re.compile(r"^(?:20|19)\d{2}(?=年[^度])")  # a label left after the digits, never a bare 年

_GROUP_PREFIX = "绩效指标"
#: How a label `_forms` may shorten by a year or the group prefix begins.
_FORM_STARTS = ("19", "20", _GROUP_PREFIX)
#: A bracketed note left open at the label's end ("执行率(B/A1", a scan's or repost's lost ")").
_UNCLOSED = re.compile(r"\([^()]*$")


#: The signs of a rule a header states after "=" ("执行率=执行数/年初预算数", "得分=执行率×分值").
_FORMULA_SIGN = lazy_compile(r"[/÷×*]")


@lru_cache(maxsize=8192)
def _forms(label: str) -> tuple[str, ...]:
    """The forms under which a normalised label may match a synonym, most specific first."""
    if (
        label[:1] not in _NUMBERING_STARTS
        and "(" not in label
        and "[" not in label
        and "=" not in label
        and not label.startswith(_FORM_STARTS)
    ):  # most labels (every indicator name is asked): nothing below changes them, no call a step
        return (label,) if label else ()
    base = strip_numbering(label)
    bare = strip_brackets(base)
    forms = [label, base, bare, _YEAR.sub("", bare) if bare.startswith(("19", "20")) else bare]
    if bare.startswith(("19", "20")):  # "2021年初目标值": the year's digits before a label starting 年 (年初, 年度)
        forms.append(_YEAR_DIGITS.sub("", bare))
    if "(" in base and _UNCLOSED.search(base):  # "执行率(B/A1": the stored copy lost the closing bracket of the note
        forms.append(_UNCLOSED.sub("", strip_brackets(base)))
    if "=" in bare and _FORMULA_SIGN.search(bare.partition("=")[2]):
        forms.append(bare.partition("=")[0])  # "执行率=执行数/年初预算数": the column named before the rule it states
    if base.startswith(_GROUP_PREFIX) and len(base) > len(_GROUP_PREFIX):
        # "绩效指标 指标名称": the merged group heading printed in the column's own cell
        forms.append(strip_brackets(base[len(_GROUP_PREFIX) :]))
    return tuple(dict.fromkeys(f for f in forms if f))


def match_role(value: object, table: dict[str, tuple[str, ...]]) -> str | None:
    """The role whose synonyms contain this label (exact match after normalisation), or None.

    Memoised by text, a memo a table (batch28L: ≈ 400 asks a batch file, ≈ 93 % of them a (text, table) pair the worker
    met before — a province's headers and row labels again in every file): a plain dict read, emptied when it holds
    `_MEMO_MAX` texts; texts longer than `CACHE_MAX_LEN` are matched each time, so the memo stays small."""
    if value.__class__ is not str:
        if value is None:
            return None
        value = str(value)  # (`normalise_label`'s own reading of a non-text)
    text: str = value
    entry = _INDEXES.get(id(table))
    if entry is None or entry[0] is not table:
        entry = _INDEXES[id(table)] = (table, _build_index(table), {})
    memo = entry[2]
    role = memo.get(text, _UNSEEN)
    if role is _UNSEEN:
        role = _match(text, table, entry[1])
        if len(text) <= CACHE_MAX_LEN:
            if len(memo) >= _MEMO_MAX:
                memo.clear()
            memo[text] = role
    return role  # type: ignore[return-value]  # a role or None here: `_UNSEEN` was replaced above


#: A memo's bound: a batch worker meets ≈ 2,650 distinct (text, table) pairs in 200 bench files and 6,799 over the 217
#: real tables (tests/realworld), at most 1,951 of them a table; a memo full is emptied and fills again, a miss costing
#: what the plain match does.
_MEMO_MAX = 4096
_UNSEEN = object()


def _match(text: str, table: dict[str, tuple[str, ...]], index: dict[str, str]) -> str | None:
    """`match_role` itself, `index` the table's synonym → role (`_build_index`)."""
    label = normalise_label(text)
    if not label:
        return None
    for form in _forms(label):
        role = index.get(form)
        if role is not None:
            return role
    for role, words in CONTAINS.items():  # header wordings too varied to list ("偏差及原因分析", "未完成原因")
        if role in table and any(w in label for w in words):
            return role
    return None


#: Roles also recognised by a word their header contains, when no listed synonym matches exactly:
#: every column headed "…原因…" in a 绩效指标 block is where the reasons for a missed target go.
CONTAINS: dict[str, tuple[str, ...]] = {"deviation": ("原因",)}


#: id(table) → (the table, its `_build_index`, its memo text → role): the table kept, so its id names it.
_INDEXES: dict[int, tuple[dict, dict[str, str], dict[str, str | None]]] = {}


def _build_index(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """synonym → role; the first role listing a synonym wins, as in the table's order."""
    index: dict[str, str] = {}
    for role, synonyms in table.items():
        for synonym in synonyms:
            index.setdefault(synonym, role)
    return index


def _syn(*labels: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(normalise_label(x) for x in labels))


#: Labels that name a 绩效指标 role only in a header with no other label for it (`detect.columns_by_role`): 海南's 目标表
#: heads its 一级 column 指标类型 and its targets 绩效目标 (指标类型 │ 指标名称 │ 绩效目标 │ 绩效标准, 海口 2016), but beside
#: 一级指标 a 指标类型 column holds 共性指标/个性指标 or 定量/定性, and beside 指标值 a 绩效目标 column holds the goal's text —
#: read as the role, the real 一级 or target column would be lost (I03 "不是数值" on the goal text, review 10b).
#: 自评权重: a weight only where no 分值 is printed — beside a 分值 after the indicator's name it may be a percentage or a
#: weighted-score column (review 11d: "三级 │ 自评权重 │ 分值 │ 得分" read its shares as the weights, the 分值 unread).
WEAK_SYNONYMS: frozenset[str] = frozenset(normalise_label(x) for x in ("指标类型", "绩效目标", "自评权重"))


# ------------------------------------------------------------------ 绩效指标 block columns
INDICATOR_COLUMNS: dict[str, tuple[str, ...]] = {
    # 评价内容: 福建 项目年度绩效目标 (产出目标 | 数量目标); 分解目标: 江西 整体支出绩效自评表 (管理指标 | 产出指标 …);
    # 指标类型: 海南 项目绩效目标表 (指标类型 │ 指标名称 │ 绩效目标 │ 绩效标准 — 产出/成效/效率指标, 海口 2016)
    "level1": _syn("一级指标", "一级指标名称", "评价内容", "分解目标", "指标类型"),
    "level2": _syn("二级指标", "二级指标名称"),
    "name": _syn("三级指标", "三级指标名称", "指标名称", "绩效指标名称", "三级指标(名称)", "三级指标内容", "绩效内容"),
    "target": _syn(
        "年度指标值",
        "指标值",
        "目标值",
        "年度目标值",
        "预期指标值",
        "年度目标",
        "预期目标值",
        "计划指标值",
        "年度指标值(A)",
        "全年指标值",
        "年初目标值",
        "年度指标值(年初目标值)",
        "目标值(年初设定)",
        "年初设定目标值",
        "绩效指标值",
        "指标目标值",
        "年初指标值",
        "指标值及单位",
        "绩效目标值",
        # 海南 项目绩效目标表: 绩效目标 is each indicator's target (never left of the names, where it labels the block:
        # `detect._target_after_name`); 绩效标准 beside it names the standard it is judged by (criteria)
        "绩效目标",
    ),
    "nature": _syn("指标性质", "计算符号", "指标方向", "符号"),
    "unit": _syn("度量单位", "计量单位", "单位"),
    "actual": _syn(
        "实际完成值",
        "完成值",
        "年终完成值",
        "实际值",
        "全年实际值",
        "实际完成值(B)",
        "全年完成值",
        "实际完成指标值",
        "全年实际完成值",
        "实际完成数",
        "年度实际完成值",
        "实际完成指标",
        "单项指标实际完成值",  # 河北 预算项目绩效自评表 (成安 2020)
    ),
    "weight": _syn(
        "分值",
        "权重",
        "分 值",
        "指标分值",
        "权重(分)",
        "分值(权重)",
        "标准分值",
        "参考分值",
        "指标权重",
        "权重分值",
        "满分",
        "标准分",
        "权重占比",  # 河北 预算项目绩效自评表 (成安 2020): the weight in points of 100, under 自评得分
        "权重占比(%)",
        "分值权重",  # 新疆 阜康 2023 项目资金 │ 资金来源 │ … │ 分值权重 │ 执行率 │ 得分
        "指标分值权重",
        "自评权重",  # 江西 部门整体支出绩效自评表: 分解目标 │ 自评权重 (the 一级's weight; `_weight_after_name`) │ … │ 分值
    ),
    "score": _syn(
        "得分", "自评得分", "实际得分", "评分", "得 分", "指标得分", "自评分", "单项指标折算得分", "折算得分"
    ),
    # 河北 预算项目绩效自评表: 自评得分 split into 单项指标得分 │ 权重占比(%) │ 单项指标折算得分 — the indicator's own
    # score on its own scale, which × 权重占比 / 100 gives the 折算得分 that counts (`Indicator.own_score`, S19)
    "own_score": _syn("单项指标得分"),
    "deviation": _syn(
        "偏差原因分析及改进措施",
        "偏差原因",
        "未完成原因分析",
        "偏差原因分析",
        "原因分析及改进措施",
        "偏差大或目标未完成原因分析",
        "未完成原因分析及改进措施",
        "偏差原因分析及改进措施说明",
        "未完成原因和改进措施",
        "备注",
        "说明",
    ),
    # 执行监控表 (财预〔2019〕136号 附件): progress to date and the full-year forecast
    "progress": _syn(
        *(
            f"{a}{m}月{b}"
            for m in range(1, 13)
            for a in ("1-", "1至", "截至")
            for b in ("执行情况", "完成情况", "实际完成情况", "实际完成值", "执行数")
        ),
        "截至目前执行情况",
        "当前执行情况",
    ),
    "forecast": _syn("全年预计完成情况", "全年预计完成值", "预计全年完成情况", "预计完成情况", "全年预计完成"),
    "possibility": _syn("完成目标可能性", "完成可能性", "能否完成目标"),
    # descriptive columns some forms add (评价标准 / 指标说明 / 指标解释): read as known, not scored
    "criteria": _syn(
        "评价标准",
        "评分标准",
        "指标说明",
        "指标解释",
        "指标内容",
        # 湖南 项目支出绩效自评指标计分表 (南县 2022): what the 三级指标 asks for, beside its 自评分 and 评价标准
        "具体指标",
        "计分方法",
        "评分方法",
        "评分细则",
        "指标定义",
        "评(扣)分标准",
        "评分标准及说明",
        "评价标准及依据",  # 湖北 项目支出绩效自评表 (广水 2019/2021, 随州 2022): 项目决策/项目管理 part
        "指标值说明",
        "指标说明及评分标准",
        "评价要点",
        "绩效标准",  # 海南 项目绩效目标表: 计划/行业/历史标准 (财预〔2011〕285号), not a value
        # text that explains a score (评分表): known, not read
        "评分依据",
        "评分说明",
        "得分说明",
        "得分依据",
        "得分理由",
        "扣分说明",
        "评价依据",
        "自评说明",
        "佐证材料",
    ),
    # the row's serial number (序号): known, not read
    "seq": _syn("序号", "编号"),
    # actual ÷ target as printed (福建 累计完成率): known, not checked
    "completion_rate": _syn("累计完成率", "完成率", "完成比例"),
    # columns perfxl itself adds beside the typed ones; known, so never reported as unmapped
    "check": _syn("perfxl复核得分", "复核得分", "perfxl得分", "复核分"),
}

# ------------------------------------------------------------------ 项目资金 / 年度预算申请 block
FUNDS_COLUMNS: dict[str, tuple[str, ...]] = {
    # 福建 部门整体支出绩效自评表: 年初部门预算安排金额 | 历年结余结转 | 年中调整金额 | 小计 | 年度拨付金额 | 支出实现率 |
    # 本年度结余金额 | 资金结余率 — 小计 (= 年初 + 结转 + 调整) is the year's budget, 支出实现率 = 年度拨付金额 / 小计
    "initial_budget": _syn("年初预算数", "年初预算", "年初预算金额", "年初部门预算安排金额"),
    "full_budget": _syn(
        "全年预算数",
        "调整后预算数",
        "全年预算数(调整后预算数)",
        "全年预算",
        "调整后预算",
        "调整预算数",
        "全年调整预算数",
        "预算数",
        "小计",
        "预算安排",  # 河北 项目支出绩效自评报告 (宁晋 2019): 预算安排(万元) │ 实际到位金额 │ 实际支出金额 │ 结余金额
        "本年度申请资金",  # 湖南 申报表 (湘阴 2022): 项 目 │ 上年度安排资金 │ 本年度申请资金 — the year's money requested
    ),
    "executed": _syn(
        "全年执行数",
        "执行数",
        "全年执行",
        "实际执行数",
        "实际支出数",
        "预算执行数",
        "全年执行资金",  # 四川 转移支付 绩效评价表 (2024): 全年执行资金(E)
        "年度拨付金额",
        "实际支出金额",
        *(f"{a}{m}月执行数" for m in range(1, 13) for a in ("1-", "1至", "截至")),
    ),
    # 四川 转移支付 绩效评价表: 扣除统筹整合资金后预算金额(C) = A − B is what 预算执行 (E/C) is taken against
    "net_budget": _syn("扣除统筹整合资金后预算金额", "扣除统筹整合资金后预算数"),
    # 重庆 部门整体绩效自评表: 执行率 | 执行率权重 | 执行率得分
    "weight": INDICATOR_COLUMNS["weight"] + _syn("执行率权重", "执行率分值", "预算执行率权重", "预算执行率分值"),
    "rate": _syn(
        "执行率",
        "预算执行率",
        "执行率(%)",
        "预算执行(E/C×100%)",  # 四川 转移支付 绩效评价表 (bare 预算执行 heads 湖北's funds label column)
        "预算执行(E/C)",
        "支出实现率",
        *(f"{a}{m}月执行率" for m in range(1, 13) for a in ("1-", "1至", "截至")),
    ),
    "forecast": _syn("全年预计执行数", "预计全年执行数", "全年预计执行"),
    "score": INDICATOR_COLUMNS["score"] + _syn("执行率得分", "预算执行率得分"),
    # known columns perfxl does not check: money pooled by 统筹整合 (B), money received (D) and its rate (D/C),
    # the printed row number (行次) and the evidence column
    "integrated": _syn("统筹整合资金数", "统筹整合资金"),
    "received": _syn("全年到位资金", "到位资金", "实际到位资金", "实际到位金额"),
    "received_rate": _syn("预算到位", "资金到位率", "到位率"),
    "seq": _syn("行次", "序号"),
    "carryover": _syn("历年结余结转"),
    "adjustment": _syn("年中调整金额"),
    "balance": _syn("本年度结余金额", "结余金额"),
    "balance_rate": _syn("资金结余率", "结余率"),
    "evidence": _syn("佐证材料"),
    "prior_year": _syn("上年度安排资金"),  # 湖南 申报表: last year's allocation beside 本年度申请资金
}
FUNDS_AMOUNT_ROLES = ("initial_budget", "full_budget", "executed")

FUNDS_TOTAL_LABELS = _syn(
    "年度资金总额",
    "资金总额",
    "年度总金额",
    "年度资金总额:",
    "合计",
    "项目资金总额",
    "资金总额合计",
    "年度财政资金总额",
    "年度预算资金总额",
    "财政资金总额",
    "预算资金总额",
    "资金合计",
    "总计",
    "年度资金合计",
    "年度总额",
    "总额",
    "资金总计",
)
FUNDS_PART_LABELS = _syn(
    "本年财政拨款",
    "当年财政拨款",
    "本年(当年)财政拨款",
    "财政拨款",
    "上年结转资金",
    "上年结转",
    "其他资金",
    "基本支出",
    "项目支出",
    "财政专户管理资金",
    "单位资金",
    "一般公共预算",
    "一般公共预算拨款",
    "政府性基金拨款",
    "政府性基金",
    "纳入专户管理的非税收入拨款",
    "县级专项资金",
    "专项资金",
    "中央财政资金",
    "地方财政资金",
    "省级财政资金",
    "市级财政资金",
    "县级财政资金",
    "省财政资金",  # 河北 项目支出绩效自评报告: 中央财政资金 │ 省财政资金 │ 县财政资金 │ 其他财政资金
    "市财政资金",
    "县财政资金",
    "其他财政资金",
    "中央补助资金",
    "财政资金",
    "中央资金",
    "省级资金",  # 湖南 申报表 (湘阴 2022): 市级 │ 省级 │ 中央 │ 县级资金, the sources by level of government
    "市级资金",
    "县级资金",
    "地方资金",
    "自筹资金",
)
FUNDS_SECTION_LABELS = _syn("年度预算申请", "项目资金", "资金情况", "预算执行情况", "资金使用情况")
#: A block after the amounts that is text, not funds rows (四川 转移支付 绩效评价表: 资金管理情况 with
#: 情况说明 | 存在问题 | 改进措施): the funds block ends there.
FUNDS_END_LABELS = _syn("资金管理情况")
#: A row numbering the columns under a header (四川 转移支付 绩效评价表: 列次 | 0 | 1 | 2 …): part of the header.
COLUMN_NUMBER_LABELS = _syn("列次", "栏次")

# "年度总体目标完成情况" heads the goals block of 福建's 部门整体支出绩效自评表 (… │ 预期目标 │ 目标实际完成情况)
GOALS_LABELS = _syn(
    "年度总体目标",
    "总体目标",
    "年度目标",
    "年度绩效目标",
    "绩效目标",
    "年度总体目标完成情况",
    # 四川 部门预算项目支出绩效自评表: 项目基本情况 │ 1.项目年度目标完成情况 │ 项目年度目标 │ 年度目标完成情况
    "项目年度目标完成情况",
    "1.项目年度目标完成情况",
)
GOAL_COLUMNS: dict[str, tuple[str, ...]] = {
    "expected": _syn("预期目标", "年度目标", "预期绩效目标", "总体目标", "年初设定目标", "项目年度目标"),
    "actual": _syn(
        "实际完成情况",
        "目标实际完成情况",
        "实际完成",
        "完成情况",
        "全年实际完成情况",
        "年度总体目标完成情况",
        "全年完成情况",  # 江西 整体支出绩效自评表 (年初设定目标 | 全年完成情况)
        "全年目标实际完成情况",  # 重庆 部门整体绩效自评表
        "年度目标完成情况",  # 四川 部门预算项目支出绩效自评表 (项目年度目标 │ 年度目标完成情况)
        "年度总体目标完成情况综述",  # 绩效目标自评表 of 衔接资金 / 转移支付 (安徽 萧县 濉溪, 四川 中江: 年初设定目标 | …)
    ),
}

HEADER_FIELDS: dict[str, tuple[str, ...]] = {
    # the national 转移支付 绩效目标自评表 head (宣城 2023/2024, 宝坻 2020): 转移支付(项目)名称 │ …, 地方主管部门 │ … │
    # 资金使用单位 │ … — the project, the local unit's own 主管部门 and the unit spending the money
    # 四川 county 绩效目标自评表 (梓潼 2023): 政策(项目)名称 │ …
    "项目名称": _syn("项目名称", "转移支付(项目)名称", "转移支付名称", "政策(项目)名称", "政策名称"),
    # the local unit's own 主管部门 of a 目标表 passed down with the money (陕西 陈仓 区级主管部门; 重庆 忠县 区县主管部门,
    # beside 中央/省级主管部门, which stay unread)
    "主管部门": _syn(
        "主管部门", "主管部门及代码", "区级主管部门", "县级主管部门", "区县主管部门", "县区主管部门", "地方主管部门"
    ),
    "实施单位": _syn("实施单位", "资金使用单位"),
    "预算单位名称": _syn(
        "预算单位名称",
        "单位名称",
        "部门名称",
        "部门(单位)名称",
        "预算单位",
        "填报单位",
        "一级预算单位名称",
        "二级预算单位名称",
        *(f"{level}级预算单位名称" for level in "省市县区"),  # 湖南 部门整体: "区级预算单位名称"
        "预算部门名称",
        "预算部门单位名称",  # 湖南 部门整体: "预算部门、单位名称"
        "部门(单位)",
    ),
    # 四川 一体化 绩效目标表 head: "预算执行率权重(%): │ 10" — the weight the funds' execution takes of the 100 (W03)
    "预算执行率权重": _syn("预算执行率权重", "预算执行率权重(%)"),
    # 海南 项目绩效自评表 一、项目基本情况: 计划投资额 │ 实际到位资金 — what a 到位率 indicator is scored on (S18)
    "计划投资额": _syn("计划投资额"),
    # 宁夏 银川市本级 自评表 head: 实施单位 │ … │ 自评得分 │ 98 │ 财政审核评分 — the total the unit states (T02)
    "自评得分": _syn("自评得分"),
}
#: Labels of what a table says about its project in its own words, read wherever they stand (a 申报表's 项目基本情况):
#: kept as `SelfEvaluation.overview`, never as head fields (a row holding them is read as it always was).
OVERVIEW_LABELS: dict[str, tuple[str, ...]] = {
    "项目概况": _syn("项目概况", "专项概况"),
    "项目期": _syn("项目期", "项目期限"),
    "实施计划": _syn("项目实施计划", "实施计划"),
}
#: Head fields read only beside another field on its row (实际到位资金 is elsewhere a funds column's label):
#: field → (the field that must be on the row, synonyms).
HEADER_COMPANIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "实际到位资金": ("计划投资额", _syn("实际到位资金")),
    # 重庆 部门整体绩效自评表 head: 主管部门 │ … │ 财政处室 │ … │ 自评总分(分) │ 97.6 — the total the unit states (read28);
    # only beside a head field: elsewhere the label is a 总分 row's
    "自评得分": ("", _syn("自评总分", "自评总得分")),
}

TOTAL_LABELS = _syn("总分", "合计", "总计", "总得分", "得分合计", "自评总分")
#: A 总分 row's label with the full mark printed after it ("总分\n100", "总分100分", "总分\n100\n（满分）": normalised and
#: bracket-free "总分100"): the label all the same, its figure a note (`is_total_label`).
_TOTAL_MARKED = lazy_compile("(?:" + "|".join(TOTAL_LABELS) + r")(?:满分)?\d+(?:\.\d+)?分?")


def is_total_label(bare: str) -> bool:
    """A 总分 row's label (normalised, brackets stripped): one of `TOTAL_LABELS`, or one with the full mark printed after
    it — "总分\n100" (review27d: read as an indicator named so, D01 错误 "“总分\n100”未完成（得分 98 低于分值 100）" and
    the table's 总分 lost, W03 错误 with it)."""
    return bare in TOTAL_LABELS or (bare.startswith(TOTAL_LABELS) and _TOTAL_MARKED.fullmatch(bare) is not None)


_STATED_TOTAL = lazy_compile(r"(?:项目|部门|单位|整体)*(?:自评)?(?:总得分|总分|得分)(?:为|是)?:?\d+(?:\.\d+)?分?")


def is_stated_total(label: str) -> bool:
    """A text row stating the table's total with its label, "项目总得分99.41分" (宁夏 绩效目标自评表), a normalised
    label."""
    return _STATED_TOTAL.fullmatch(label) is not None


#: Titles of the other 绩效 forms of a project file (申报表, 目标表, 执行监控表, 绩效跟踪表): read like a 自评表.
FORM_TITLE_ENDINGS = ("申报表", "目标表", "监控表", "执行监控表", "绩效目标表", "跟踪表", "批复表")
INDICATOR_SECTION_LABELS = _syn("绩效指标", "年度绩效指标", "绩效指标完成情况")

#: Rows starting with these end a table (notes and signatures). A colon is required where the bare
#: word could begin an indicator name ("注册企业数" is data, "注：" is a note).
NOTE_PREFIXES = tuple(
    DROP.sub("", SPACES.sub("", unicodedata.normalize("NFKC", x).translate(PUNCT)))
    for x in (
        "说明：",
        "注：",
        "注1",
        "注释：",
        "备注：",
        "填表说明",
        # 湖南 项目绩效目标表's last line (湘潭 2024, held-out batch 30): its answer, exported filled across, is no indicator
        "其他需说明的问题",
        "其他需要说明的问题",
        "填表人",
        "填报人",
        "联系电话",
        "项目负责人：",
        "财务负责人",
        "单位负责人",
        "审核人",
        "填报日期",
        "单位(盖章)",
        "(盖章)",
        "(印章)",
    )
)

#: The colon-less signature and note words of `NOTE_PREFIXES` ("联系电话", "填报人", "填表说明", "其他需说明的问题"): each
#: also opens indicator names ("联系电话接通率", "填报人员培训人次", sign27), so a row opening with one ends a table only
#: where the word reads as a signature's or a note's (`detect._opens_note`).
BARE_NOTE_WORDS = tuple(p for p in NOTE_PREFIXES if p.isalpha())

#: Labels a head cell prints after a field's value in the same cell ("项目名称：XX 联系人：张三", "主管部门：某县人社局主管单位：
#: 某县政府"): with a colon after them they end the value — a name never holds another field's label (read24). Beside
#: them the head fields themselves (`HEADER_FIELDS`) and the note and signature words (`NOTE_PREFIXES`) end it.
RUN_ON_LABELS: frozenset[str] = frozenset(
    _syn(
        "联系人",
        "联系电话",
        "联系方式",
        "负责人",
        "项目负责人",
        "单位负责人",
        "财务负责人",
        "项目单位",
        "主管单位",
        "资金来源",
        "资金性质",
        "项目类别",
        "项目类型",
        "项目属性",
        "实施期限",
        "项目期限",
        "实施周期",
        "评价等级",
        "自评等级",
        "自评得分",
    )
)


#: A row opening with an approval box ("财政部门支出股室初审意见 │ (盖章)", under 湖南 南岳's 申报表) ends a table like a
#: note — whatever its merge, exported filled, repeats across the row.
APPROVAL_ENDINGS = ("审核意见", "初审意见", "审批意见", "审查意见", "复核意见", "审定意见")
SEAL_WORDS = ("盖章", "印章", "签章", "签字", "公章")

# ------------------------------------------------------------------ 基础数据表 rows (canonical keys)
BASIC_ROWS: dict[str, tuple[str, ...]] = {
    "three_public": _syn("三公经费", '"三公"经费', "三公经费合计", "三公经费支出"),
    "car": _syn(
        "公务用车购置和维护经费",
        "公务用车购置及运行维护费",
        "公务用车购置及运行费",
        "公务用车费",
        "公务用车购置和运行维护经费",
        "公务用车购置及维护经费",
        "公车购置及运行维护费",  # 衢江 2016's 三公 决算表 (real reports 13)
        "公车购置及运行费",
        "公务用车购置及运行维护",  # 渝中区 2017 三公 汇总情况表 (held-out batch 30): the item without its 费
        "公车购置及运行维护",
    ),
    # 车辆购置 / 车辆运行: 衢江 2016's columns under 公车购置及运行维护费 (real reports 13)
    "car_purchase": _syn("公车购置", "公务用车购置", "公务用车购置费", "公车购置费", "车辆购置", "车辆购置费"),
    "car_running": _syn(
        "公车运行维护",
        "公务用车运行维护费",
        "公车运行维护费",
        "公务用车运行维护",
        "公车运行维护经费",
        "公务用车运行费",  # 10号 wording beside 公务用车购置及运行费 (review round 17)
        "公车运行费",
        "公务用车运行维护经费",
        "车辆运行",
        "车辆运行费",
        "车辆运行维护费",
        "公车运行及维护",  # 渝中区 2017 (held-out batch 30), beside 公务用车购置
        "公车运行及维护费",
        "公务用车运行及维护费",
    ),
    "overseas": _syn(
        "出国经费",
        "因公出国(境)费",
        "因公出国(境)经费",
        "出国(境)费",
        "因公出国(境)费用",
        "因公出国经费",
        "因公出国",  # 渝中区 2017 (held-out batch 30): the item's column headed without its 费
        "因公出国(境)",
    ),
    "reception": _syn("公务接待", "公务接待费", "公务接待经费"),
    "special_funds": _syn("县级专项资金", "专项资金", "市级专项资金", "省级专项资金", "本级专项资金", "项目支出"),
    "public_funds": _syn("公用经费", "公用经费合计"),
    "office": _syn("办公经费", "办公费"),
    "utilities_travel": _syn("水费、电费、差旅费", "水电费差旅费", "水电费、差旅费"),
    "meetings_training": _syn("会议费、培训费", "会议培训费", "会议费培训费"),
    "procurement": _syn("政府采购金额", "政府采购", "政府采购支出"),
    "basic_budget_adjustment": _syn("部门基本支出预算调整", "基本支出预算调整"),
}
BASIC_PARENTS: dict[str, str] = {
    "car": "three_public",
    "overseas": "three_public",
    "reception": "three_public",
    "car_purchase": "car",
    "car_running": "car",
    "office": "public_funds",
    "utilities_travel": "public_funds",
    "meetings_training": "public_funds",
}
BASIC_SECTIONS = {
    "staffing": _syn("财政供养人员情况", "人员情况", "财政供养人员"),
    "amounts": _syn("经费控制情况", "经费情况"),
    "buildings": _syn("楼堂馆所控制情况", "楼堂馆所"),
    "frugality": _syn("厉行节约保障措施", "厉行节约措施"),
    # blocks some provinces add below the 经费 rows: 政府采购 (budget │ actual │ rate, read as the "procurement" row)
    # and 资产 (资产总额 │ 固定资产 …: known, nothing checked)
    "procurement": _syn("政府采购情况", "政府采购执行情况", "政府采购控制情况"),
    "assets": _syn("资产情况", "资产管理情况", "国有资产情况", "资产配置情况"),
}
PROCUREMENT_COLUMNS: dict[str, tuple[str, ...]] = {
    "budget": _syn("政府采购预算数", "政府采购预算", "采购预算数", "政府采购预算金额"),
    "final": _syn("实际政府采购金额", "政府采购金额", "实际采购金额", "政府采购实际金额", "政府采购决算数"),
    "rate": _syn("政府采购执行率", "采购执行率", "执行率"),
}
STAFFING_COLUMNS: dict[str, tuple[str, ...]] = {
    "establishment": _syn("编制数", "人员编制数", "核定编制数", "编制人数"),
    "actual": _syn("实际在职人数", "在职人数", "实有人数", "实际在职人员数", "年末实有人数", "年末在职人数"),
    "control_rate": _syn("控制率", "人员控制率", "编制控制率"),
}
BUILDING_COLUMNS: dict[str, tuple[str, ...]] = {
    "approved_area": _syn("批复规模", "批复规模(㎡)", "批复面积"),
    "actual_area": _syn("实际规模", "实际面积"),
    "area_rate": _syn("规模控制率", "面积控制率"),
    "budget_investment": _syn("预算投资", "概算投资", "批复投资"),
    "actual_investment": _syn(
        "实际投资",
    ),
    "investment_rate": _syn("投资概算控制率", "投资控制率"),
}

_PLACEHOLDER = re.compile(r"^[.…。·]+$|^[-—–/\\]+$")
#: What a placeholder's first character after leading white space (`str.lstrip`) can be: one of `_PLACEHOLDER`'s, or
#: a character `SPACES` removes and `lstrip` keeps (`patterns.INVISIBLE`); "" (blank) falls through to the full test.
_PLACEHOLDER_HEADS = frozenset(".…。·-—–/\\" + INVISIBLE) | {""}


def _known_forms() -> frozenset[str]:
    tables = (
        INDICATOR_COLUMNS,
        FUNDS_COLUMNS,
        GOAL_COLUMNS,
        HEADER_FIELDS,
        BASIC_SECTIONS,
        STAFFING_COLUMNS,
        BUILDING_COLUMNS,
    )
    sets = (
        FUNDS_TOTAL_LABELS,
        FUNDS_PART_LABELS,
        FUNDS_SECTION_LABELS,
        GOALS_LABELS,
        TOTAL_LABELS,
        GRADE_LABELS,
        INDICATOR_SECTION_LABELS,
    )
    out = {syn for table in tables for group in table.values() for syn in group}
    out.update(x for group in sets for x in group)
    return frozenset(out)


_KNOWN: frozenset[str] = frozenset()


@lru_cache(maxsize=8192)
def is_known_label(label: str) -> bool:
    """True when a normalised label (or its "label:value" head) is any header or row label perfxl knows.

    A cheap pre-check: rows without any known label are data rows, not headers.
    """
    global _KNOWN
    if not _KNOWN:
        _KNOWN = _known_forms()
    if (
        ":" not in label
        and label[:1] not in _NUMBERING_STARTS
        and "(" not in label
        and "[" not in label
        and "=" not in label
        and not label.startswith(_FORM_STARTS)
    ):  # `_forms`' own shortcut, and no head: the label itself is its one form (every indicator name is asked, once)
        return bool(label) and label in _KNOWN
    head = label.partition(":")[0]
    return any(f in _KNOWN for f in _forms(label)) or (head != label and any(f in _KNOWN for f in _forms(head)))


def is_placeholder_text(value: object) -> bool:
    """ "……", "...", "/", "—": a row marker meaning "more rows could go here" or "not applicable"."""
    if value is None:
        return False
    text = value if value.__class__ is str else str(value)
    if text.lstrip()[:1] not in _PLACEHOLDER_HEADS:  # most texts: their first character says no (asked ≈ 2 a row)
        return False
    text = SPACES.sub("", text)
    return bool(text) and bool(_PLACEHOLDER.match(text))
