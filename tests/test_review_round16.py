"""Review round 16 (issue 12): the narrative heuristics added in round 15 — completion rates, 结余, 上年结转资金,
measure units and scaled counts, names taken around a figure, the last-place 警告, N03 from a row's own score,
一是/二是 and （一）（二） parts, 具体为 breakdowns, a budget stated by its 包含 list — probed at their edges with
CONSISTENT 项目支出绩效自评报告 documents (every figure agrees with the 自评表: no N-finding above 提示, no 错误) and a few
single-figure CONTRADICTION variants the heuristics are there to catch (exactly one N-finding, at that paragraph).

One 自评表 serves every case (高标准农田建设, built as a Word table with its merges by tests/test_review_round13.py's
builder). Its figures, by hand:
  funds: 当年财政拨款 1000/1000/960 (96.00%), 上年结转资金 0/100/85 (85.00%); 年度资金总额 1000/1100/1045:
         1045/1100 = 95.00% → 10 × 0.95 = 9.5; unspent 1100 − 1045 = 55 (当年 40, 结转 15).
  indicators (分值 90, all met → 90): 建设高标准农田面积 ≥2万亩 2.1万亩 (105%); 新建田间道路里程 ≥12公里 12.6公里 (105%);
         培训新型职业农民人数 ≥300人 320人 (106.67%); 工程验收合格率 ≥95% 100%; 项目完成时限 2023年12月底前 / 2023年11月底;
         亩均财政补助标准 ≤1500元 1450元; 项目区粮食亩产提高 ≥50公斤 60公斤; 工程设计使用年限 ≥15年 15年;
         受益农户满意度 ≥90% 95%.
  总分 9.5 + 90 = 99.5.
Each case replaces the middle of a fixed report (title, 基本情况, 资金 and 绩效 sections, 自评结论 "99.5分 … 均已完成");
a few use a 自评表 with one row changed (`TABLES`).

The tests before the guard failed when written (or, marked so in their docstring, when the fix of another exposed
them), one per distinct cause; the cases they hold are left out of the guard (`_OWN_TEST`), which holds the rest.
"""

from __future__ import annotations

import pytest
from test_document_realreport import build_docx
from test_review_round13 import _loud, _show, _table

from perfxl.model import TextRef
from perfxl.validate import validate_file

pytestmark = pytest.mark.slow  # a mutation corpus: some fifty reports, each built and checked (about 40 s on one core)

E = ""
RANK = {"info": 1, "warning": 2, "error": 3}

FUNDS = [
    ("年度资金总额", "1000", "1100", "1045", "10", "95.00%", "9.5"),
    ("其中：当年财政拨款", "1000", "1000", "960", "—", "96.00%", "—"),
    ("上年结转资金", "0", "100", "85", "—", "85.00%", "—"),
    ("其他资金", "0", "0", "0", "—", E, "—"),
]
IND = [
    ("产出指标", "数量指标", "建设高标准农田面积", "≥2万亩", "2.1万亩", "20", "20", E),
    ("产出指标", "数量指标", "新建田间道路里程", "≥12公里", "12.6公里", "10", "10", E),
    ("产出指标", "数量指标", "培训新型职业农民人数", "≥300人", "320人", "10", "10", E),
    ("产出指标", "质量指标", "工程验收合格率", "≥95%", "100%", "10", "10", E),
    ("产出指标", "时效指标", "项目完成时限", "2023年12月底前", "2023年11月底", "5", "5", E),
    ("产出指标", "成本指标", "亩均财政补助标准", "≤1500元", "1450元", "5", "5", E),
    ("效益指标", "经济效益指标", "项目区粮食亩产提高", "≥50公斤", "60公斤", "15", "15", E),
    ("效益指标", "可持续影响指标", "工程设计使用年限", "≥15年", "15年", "5", "5", E),
    ("满意度指标", "服务对象满意度指标", "受益农户满意度", "≥90%", "95%", "10", "10", E),
]
PROJECT = {
    "key": "r16",
    "name": "2023年高标准农田建设项目",
    "dept": "某县农业农村局",
    "unit": "某县农田建设服务中心",
    "funds": FUNDS,
    "goal": (
        "新建高标准农田2万亩，配套田间道路，培训新型职业农民，提高粮食综合生产能力。",
        "全年建成高标准农田2.1万亩，新建田间道路12.6公里，培训新型职业农民320人，项目区粮食亩产提高60公斤。",
    ),
    "ind": IND,
    "total": "99.5",
}

HEAD = [
    "某县2023年度高标准农田建设项目支出绩效自评报告",
    "一、项目基本情况",
    "该项目由某县农业农村局主管、某县农田建设服务中心实施，主要建设高标准农田、配套田间道路并开展新型职业农民培训。",
    "二、资金到位和使用情况",
]
FUNDS_OK = (
    "2023年该项目年初预算1000万元，上年结转资金100万元，全年预算数1100万元，资金全部到位。"
    "截至2023年12月31日，项目实际支出1045万元，预算执行率95%。"
)
IND_OK = (
    "产出方面，建设高标准农田面积年度目标≥2万亩，实际完成2.1万亩；新建田间道路里程目标≥12公里，实际12.6公里；"
    "培训新型职业农民人数目标≥300人，实际320人；工程验收合格率100%。效益方面，项目区粮食亩产提高60公斤；"
    "受益农户满意度目标≥90%，实际95%。"
)
TAIL = ["四、自评结论", "经自评，该项目自评得分99.5分，自评等级为“优”。各项绩效目标均已完成。"]


def report(*middle: str) -> list[str]:
    """The fixed report around the case's own paragraphs: funds section, then 三、绩效目标完成情况."""
    funds = [m for m in middle if not m.startswith("@")]
    perf = [m[1:] for m in middle if m.startswith("@")]
    return [*HEAD, *(funds or [FUNDS_OK]), "三、绩效目标完成情况", *(perf or [IND_OK]), *TAIL]


# ------------------------------------------------------------------ consistent cases: (id, paragraphs, hand check)

C: dict[str, list[str]] = {}

# 完成率 of another quantity (the 结业考核 of the trainees) right after the 培训 target and actual: 320/300 = 106.67%
# is the indicator's, 98% is the exam's — nothing to compare.
C["rate-of-another-quantity"] = report(
    "@培训新型职业农民人数年度目标300人，实际培训320人，学员结业考核完成率98%，受益农户满意度95%。"
)
# 资金 完成率 after the area's actual and target in one sentence: 1045/1100 = 95%, not 2.1/2 = 105%.
C["rate-is-the-funds-rate"] = report(
    "项目建设高标准农田2.1万亩，超过2万亩的年度目标；全年预算1100万元，实际支出1045万元，资金完成率95%。"
)
# A target stated as a range: 100% lies in 95%-100%; 完成率100% is the cap (100/95 > 1).
C["target-as-a-range"] = report("@工程验收合格率目标为95%-100%，实际100%，完成率100%；受益农户满意度95%。")
# 完成年度目标的105%: 2.1/2 = 105% — the target in 万亩, the actual written out in 亩 (21000亩 = 2.1万亩).
C["rate-actual-in-mu"] = report("@建设高标准农田年度目标2万亩，实际建成21000亩，完成年度目标的105%。")
# 结余 with 上年结转 in the budget: 1000 + 100 − 1045 = 55.
C["balance-includes-carryover"] = report(
    "2023年该项目年初预算1000万元，上年结转资金100万元，实际支出1045万元，结余资金55万元。"
)
# 结余 split by source: 当年 1000 − 960 = 40, 结转 100 − 85 = 15; 40 + 15 = 55.
C["balance-split-by-source"] = report(
    "全年预算1100万元，实际支出1045万元，结余55万元，其中当年财政拨款结余40万元、上年结转资金结余15万元，已结转下年使用。"
)
# 结余 of the year before (the 100 carried in), in the sentence of this year's budget and spending.
C["balance-of-last-year"] = report(
    "项目全年预算1100万元，实际支出1045万元，预算执行率95%；2022年度该项目结余资金100万元已按规定结转本年使用。"
)
# 结余 of another fund (the county's 配套, no row of this table).
C["balance-of-another-fund"] = report(
    "项目全年预算1100万元，实际支出1045万元，预算执行率95%，另有乡镇自筹配套资金结余12万元已退回。"
)
# 结转结余资金 (what is left, carried on): 1100 − 1045 = 55; last year's 上年结转结余资金 100 is the row's 上年结转.
C["jiezhuan-jieyu"] = report(
    "年初预算1000万元，上年结转结余资金100万元，全年预算1100万元，实际支出1045万元，结转结余资金55万元。"
)
# 结转下年 the unspent 55, and 未支出 by source: 当年 40.
C["unspent-carried-forward"] = report(
    "全年预算1100万元，实际支出1045万元，未支出55万元结转下年使用，其中当年财政拨款未支出40万元。"
)
# 上年结转 of another project of the department (30) beside this one's 100.
C["carryover-of-another-project"] = report(
    FUNDS_OK,
    "此外，县农业农村局2022年农田水利设施维修项目上年结转资金30万元，已另行安排，不在本项目核算。",
)
# Measure units in an address, a radius and a standard: G207, 3公里范围内, 每亩200元, 1.5米宽.
C["units-in-address-and-standard"] = report(
    "@项目区位于国道G207沿线3公里范围内的5个乡镇，建设高标准农田2.1万亩，新建田间道路12.6公里，路面宽度3.5米；"
    "粮食亩产提高60公斤，按每亩200元标准发放管护补助。受益农户满意度95%。"
)
# Counts that are no indicator: 第3季度, 6个月, 3项制度, 4期, 12次.
C["counts-that-are-no-indicator"] = report(
    "@项目于第3季度全面开工，建设期6个月，制定3项管理制度，举办培训班4期，开展督查12次，共培训新型职业农民320人，"
    "受益农户满意度95%。"
)
# 为 + a figure named by the words after it — here the 320 trainees.
C["wei-named-after"] = report("@全年为320名新型职业农民开展技能培训，为2.1万亩农田配套建设田间道路12.6公里。")
# 为 + a count of another act (补贴 to 350 farmers, no indicator): not the 320 trainees.
C["wei-another-act"] = report(
    "@全年为350名新型职业农民发放生产补贴，为320名新型职业农民开展技能培训，受益农户满意度95%。"
)
# X目标≥T，实际A — then an actual of another clause (满意度) that names itself.
C["target-actual-then-another"] = report(
    "@田间道路里程目标≥12公里，实际12.6公里，农户满意度实际达到95%；粮食亩产目标≥50公斤，实际提高60公斤。"
)
# 一是/二是 of measures with figures (no total named before them).
C["yishi-measures"] = report(
    FUNDS_OK,
    "@主要做法：一是加强培训，全年举办培训班4期，培训新型职业农民320人；二是强化监管，开展督查12次，整改问题8个；"
    "三是规范资金管理，拨付资金1045万元。",
)
# 一是/二是 after the total, items cumulative (截至6月底 500, 截至12月底 1045): progress, not parts.
C["yishi-cumulative-progress"] = report(
    "项目全年预算1100万元，资金支出进度如下：一是截至6月底累计支出500万元；二是截至12月底累计支出1045万元。"
)
# 一是/二是 parts that are right: 820 + 25 + 200 = 1045.
C["yishi-parts-right"] = report(
    FUNDS_OK,
    "项目全年实际支出1045万元，主要用于：一是田间工程建设支出820万元；二是农民培训支出25万元；三是田间道路建设支出200万元。",
)
# 主要用于 lists only some uses: 820 + 25 = 845 of 1045 (partial, said so by 主要).
C["yishi-partial-zhuyao"] = report(
    "全年预算1100万元，实际支出1045万元，主要用于：一是田间工程建设支出820万元；二是农民培训支出25万元。"
)
# The budget's sources listed after the spending: 600 + 400 + 100 = 1100 (the budget, not the 1045 before them).
C["sources-after-the-spending"] = report(
    "全年预算1100万元，实际支出1045万元，资金包括：一是中央资金600万元；二是省级资金400万元；三是上年结转资金100万元。"
)
# A 一是 item with its own 其中: 1000 = 600 + 400 (the 当年财政拨款's sources), 1000 + 100 = 1100.
C["qizhong-inside-yishi"] = report(
    "全年预算1100万元，具体如下：一是当年财政拨款1000万元，其中中央资金600万元、省级资金400万元；二是上年结转资金100万元。"
    "实际支出1045万元，预算执行率95%。"
)
# （一）（二） section parts in one paragraph: 到位 1100 and 支出 1045 are no parts of the budget.
C["yi-er-sections"] = report(
    "项目全年预算1100万元。（一）资金到位情况：资金到位1100万元。（二）资金使用情况：实际支出1045万元，执行率95%。"
)
# 具体为 followed by unit prices.
C["juti-unit-prices"] = report(
    FUNDS_OK,
    "项目资金1100万元，具体为：高标准农田建设每亩补助500元，田间道路每公里补助30万元，培训每人补助1000元。",
)
# 包含 a subset of sources with 等 (600 + 300 of 1100).
C["baohan-subset-deng"] = report(
    "1.预算数：2023年，包含中央资金600万元、省级资金300万元等，上年结转资金100万元。",
    "2.执行数：全年实际支出1045万元，预算执行率95%。",
)
# Next year's budget by its 包含 list (500 + 300 = 800 for 2024) beside this year's (600 + 400 + 100 = 1100).
C["baohan-next-year"] = report(
    "1.预算数：2023年，包含中央资金600万元、省级资金400万元、上年结转资金100万元。",
    "2.执行数：全年实际支出1045万元，预算执行率95%。",
    "3.2024年预算数：包含中央资金500万元、省级资金300万元。",
)
# Chinese numerals: 七百万元 + 三百万元 = 一千万元 (当年财政拨款 1000).
C["chinese-numerals"] = report(
    "2023年该项目当年财政拨款一千万元，其中中央资金七百万元、省级资金三百万元，上年结转资金一百万元，"
    "实际支出1045万元，预算执行率95%。"
)
# 元 and 万元 mixed: 10450000元 = 1045万元, 550000元 = 55万元.
C["yuan-and-wanyuan"] = report("全年预算1100万元，实际支出10450000元，结余550000元，预算执行率95%。")
# 以上/左右/约: 约95% (95.00), 95%以上 (100 and 95), 60公斤左右, 2万亩以上 (2.1).
C["bounds-and-approximations"] = report(
    "项目全年预算1100万元，实际支出1045万元，预算执行率约95%。",
    "@工程验收合格率达到95%以上，建设高标准农田2万亩以上，粮食亩产提高60公斤左右，受益农户满意度95%左右。",
)
# 上年结转 listed under the spending: 当年 960 + 结转 85 = 1045 (the rows' 全年执行数).
C["spending-parts-by-source"] = report(
    "全年预算1100万元，实际支出1045万元，其中当年财政拨款支出960万元、上年结转资金支出85万元。"
)
# The 上年结转资金's own rate: 85/100 = 85% (the row's 执行率), not the project's 95%.
C["carryover-own-rate"] = report(
    FUNDS_OK,
    "上年结转资金100万元，已支出85万元，结转资金执行率85%。",
)
# Each source's rate told with its own budget and spending: 960/1000 = 96%, 85/100 = 85% (the rows' 执行率).
C["rates-by-source-sentences"] = report(
    "当年财政拨款1000万元，实际支出960万元，执行率96%；上年结转资金100万元，实际支出85万元，执行率85%。"
)
# A source's rate under the project's: 其中 当年财政拨款 960/1000 = 96%.
C["rate-of-a-part-qizhong"] = report("全年预算1100万元，实际支出1045万元，预算执行率95%，其中当年财政拨款执行率96%。")
# The same by 具体是: 96% and 85%.
C["rate-of-a-part-juti"] = report(
    "全年预算1100万元，实际支出1045万元，执行率95%，具体是当年财政拨款执行率96%、上年结转资金执行率85%。"
)
# 由450公斤提高到510公斤, 提高60公斤: 510 − 450 = 60 (the row's 60公斤); 450 is the level before, no actual.
C["from-to-values"] = report("@项目区粮食亩产由450公斤提高到510公斤，提高60公斤；受益农户满意度95%。")
# Completion rates 105% for the area (2.1/2) and 105% for the road (12.6/12), both capped in a sentence on 完成率100%.
C["rates-two-indicators"] = report(
    "@建设高标准农田2.1万亩，完成年度目标2万亩的105%；新建田间道路12.6公里，完成率105%；培训320人，全部完成。"
)
# A percentage that is the 完成率 of the time schedule (工程进度), beside the area.
C["progress-percent"] = report("@截至11月底，工程进度完成100%，建成高标准农田2.1万亩，较年度目标2万亩多0.1万亩。")
# 1个月 ahead of the 时限; 15年 使用年限 (a year count, not a date) and a 12月底 date.
C["time-units"] = report("@项目于2023年11月底完工，较12月底的时限提前1个月；工程设计使用年限15年；受益农户满意度95%。")

# Cases on another 自评表: key → the project with its changed rows.
TABLES: dict[str, dict] = {}

# A cost row whose target has no direction ("1500元"), the actual below it (1450元), scored its full 5 with no 偏差原因:
# the table judges it met (a lower cost is within it) — "各项绩效目标均已完成" agrees.
_COST = list(IND)
_COST[5] = ("产出指标", "成本指标", "亩均财政补助标准", "1500元", "1450元", "5", "5", E)
TABLES["cost-without-direction-full-score"] = dict(PROJECT, ind=_COST)
C["cost-without-direction-full-score"] = report("@亩均财政补助1450元，控制在1500元的标准以内；受益农户满意度95%。")

# A target set as a range (300-350人 in the table): 320 lies in it; 106.67% is 320/300, against the range's low end.
_RANGE = list(IND)
_RANGE[2] = ("产出指标", "数量指标", "培训新型职业农民人数", "300-350人", "320人", "10", "10", E)
TABLES["completion-against-a-range"] = dict(PROJECT, ind=_RANGE)
C["completion-against-a-range"] = report(
    "@培训新型职业农民人数目标300至350人，实际培训320人，完成率106.67%；受益农户满意度95%。"
)

CONSISTENT = sorted(C)

# ------------------------------------------------------------------ contradictions: (paragraphs, changed, code, least)

V: dict[str, tuple[list[str], int, str, str]] = {}


def _v(key, middle, old, new, codes, least):
    paras = report(*middle)
    [i] = [k for k, t in enumerate(paras) if old in t]
    paras[i] = paras[i].replace(old, new)
    V[key] = (paras, i + 1, codes, least)


# 完成年度目标的110%: 2.1/2 = 105% (certain: the row's cells).
_v(
    "rate-wrong",
    ["@建设高标准农田年度目标2万亩，实际建成2.1万亩，完成年度目标的105%。"],
    "的105%",
    "的110%",
    "N02",
    "error",
)
# 结余65: 1100 − 1045 = 55.
_v(
    "balance-wrong",
    ["全年预算1100万元，实际支出1045万元，结余55万元。"],
    "结余55万元",
    "结余65万元",
    "N02",
    "error",
)
# 上年结转资金120: the row says 100.
_v(
    "carryover-wrong",
    ["2023年该项目年初预算1000万元，上年结转资金100万元，截至年底实际支出1045万元。"],
    "结转资金100万元",
    "结转资金120万元",
    "N01",
    "error",
)
# 田间道路13.6公里: the row says 12.6.
_v("road-wrong", [], "实际12.6公里", "实际13.6公里", "N01", "warning")
# 为350名: the row says 320.
_v("wei-wrong", ["@全年为320名新型职业农民开展技能培训，受益农户满意度95%。"], "为320名", "为350名", "N01", "warning")
# 一是/二是 parts 850 + 25 + 200 = 1075 ≠ 1045.
_v(
    "yishi-wrong",
    [
        FUNDS_OK,
        "项目全年实际支出1045万元，主要用于：一是田间工程建设支出820万元；二是农民培训支出25万元；三是田间道路建设支出200万元。",
    ],
    "支出820万元",
    "支出850万元",
    "N02",
    "warning",
)
# A 其中 inside a 一是 item: 600 + 450 = 1050 ≠ 当年财政拨款 1000.
_v(
    "qizhong-inside-yishi-wrong",
    [
        "全年预算1100万元，具体如下：一是当年财政拨款1000万元，其中中央资金600万元、省级资金400万元；二是上年结转资金100万元。"
    ],
    "省级资金400万元",
    "省级资金450万元",
    "N02",
    "warning",
)
# 结转资金执行率90%: the 上年结转资金 row gives 85/100 = 85% (certain: its cells).
_v(
    "carryover-rate-wrong",
    ["上年结转资金100万元，结转资金执行率85%。"],
    "执行率85%",
    "执行率90%",
    "N01",
    "error",
)
# 执行率104.5% is 1045 over the 年初预算 1000 — the project's spending, so the project's rate: 1045/1100 = 95%.
_v(
    "rate-against-initial-budget",
    ["2023年该项目年初预算1000万元，全年预算1100万元，实际支出1045万元，预算执行率95%。"],
    "执行率95%",
    "执行率104.5%",
    "N01",
    "error",
)
# 结转结余资金65: 1100 − 1045 = 55 (certain: the 自评表's 全年预算数 and 全年执行数).
_v(
    "jiezhuan-jieyu-wrong",
    ["全年预算1100万元，实际支出1045万元，结转结余资金55万元。"],
    "结余资金55万元",
    "结余资金65万元",
    "N02",
    "error",
)
# 具体为 60 + 50 = 110 ≠ 100.
_v(
    "juti-wrong",
    [FUNDS_OK, "上年结转资金100万元，具体为：田间工程结转60万元、培训结转40万元。"],
    "培训结转40万元",
    "培训结转50万元",
    "N02",
    "warning",
)
# 包含 600 + 450 + 100 = 1150 ≠ 全年预算数 1100.
_v(
    "baohan-wrong",
    [
        "1.预算数：2023年，包含中央资金600万元、省级资金400万元、上年结转资金100万元。",
        "2.执行数：全年实际支出1045万元。",
    ],
    "省级资金400万元",
    "省级资金450万元",
    "N01",
    "warning",
)
# 受益农户满意度96%: the row says 95%.
_v("satisfaction-wrong", [], "实际95%", "实际96%", "N01", "warning")

VARIANTS = sorted(V)


# ------------------------------------------------------------------ helpers


def _findings(tmp_path, paragraphs, tag):
    path = tmp_path / f"r16_{tag}.docx"
    build_docx({"paragraphs": paragraphs, "tables": [_table(TABLES.get(tag, PROJECT))]}, path)
    result = validate_file(path)
    assert result.ok, result.error
    return result.findings


def check_consistent(tmp_path, key):
    loud = _loud(_findings(tmp_path, C[key], key))
    assert not loud, _show(loud)


def check_variant(tmp_path, key):
    paras, where, codes, least = V[key]
    found = _loud(_findings(tmp_path, paras, key))
    narrative = [f for f in found if f.code.startswith("N")]
    assert len(narrative) == 1, _show(found)
    [f] = narrative
    assert isinstance(f.ref, TextRef) and f.ref.paragraph == where, _show(found)
    assert f.code in codes.split("|"), _show(found)
    assert RANK[f.severity.value] >= RANK[least], _show(found)
    assert not [g for g in found if g is not f and g.severity.value == "error"], _show(found)


# ------------------------------------------------------------------ failing when written: one test per distinct cause


@pytest.mark.parametrize("key", ["balance-split-by-source"])
def test_a_balance_named_by_its_source_is_that_sources(tmp_path, key):
    """ "结余55万元，其中当年财政拨款结余40万元、上年结转资金结余15万元": 40 is the 当年财政拨款's unspent (1000 − 960), a part
    of the 55 — perfxl took it as the whole budget less the whole spending (1100 − 1045 = 55): a false N02 错误."""
    check_consistent(tmp_path, key)


@pytest.mark.parametrize("key", ["spending-parts-by-source"])
def test_a_spending_part_named_by_its_source_is_no_project_spending(tmp_path, key):
    """ "实际支出1045万元，其中当年财政拨款支出960万元": the 其中 part's subject lost 当年财政拨款 as filler and became the
    bare 支出, compared with the 年度资金总额's 全年执行数 1045: a false N01 错误."""
    check_consistent(tmp_path, key)


@pytest.mark.parametrize("key", ["carryover-own-rate"])
def test_the_carried_over_funds_own_rate_is_not_the_projects(tmp_path, key):
    """ "上年结转资金100万元，已支出85万元，结转资金执行率85%": the rate of the 上年结转资金 row (85/100), compared with the
    project's 95%: a false N01 错误."""
    check_consistent(tmp_path, key)


@pytest.mark.parametrize("key", ["rate-of-another-quantity"])
def test_a_completion_rate_naming_another_quantity_is_not_the_indicators(tmp_path, key):
    """ "培训…年度目标300人，实际培训320人，学员结业考核完成率98%": the exam's rate, read as 320/300 = 107% (certain, from the
    row's cells): a false N02 错误."""
    check_consistent(tmp_path, key)


@pytest.mark.parametrize("key", ["target-as-a-range"])
def test_a_target_stated_as_a_range_is_not_its_upper_end(tmp_path, key):
    """ "工程验收合格率目标为95%-100%，实际100%": the range's upper end 100% was compared with the 年度指标值 ≥95%: a false
    N01 错误 (a range holds the table's bound)."""
    check_consistent(tmp_path, key)


@pytest.mark.parametrize("key", ["rates-by-source-sentences"])
def test_a_rate_its_own_sentence_gives_is_that_sentences(tmp_path, key):
    """ "当年财政拨款1000万元，实际支出960万元，执行率96%；上年结转资金100万元，实际支出85万元，执行率85%": each rate is
    its own sentence's spending over its budget; perfxl compared both with the project's 95%: two false N01 错误."""
    check_consistent(tmp_path, key)


@pytest.mark.parametrize("key", ["rate-of-a-part-qizhong", "rate-of-a-part-juti"])
def test_a_rate_named_by_a_source_under_the_projects_is_that_sources(tmp_path, key):
    """ "…预算执行率95%，其中当年财政拨款执行率96%" / "具体是当年财政拨款执行率96%": 当年财政拨款 is dropped from the subject
    as filler, so the part's rate was compared with the project's 95%: a false N01 错误."""
    check_consistent(tmp_path, key)


@pytest.mark.parametrize("key", ["from-to-values"])
def test_the_level_a_change_starts_from_is_no_actual(tmp_path, key):
    """ "亩产由450公斤提高到510公斤，提高60公斤": 450 (subject "…亩产由") was paired by name with 项目区粮食亩产提高 (60公斤):
    a false N01 警告."""
    check_consistent(tmp_path, key)


@pytest.mark.parametrize("key", ["qizhong-inside-yishi"])
def test_a_qizhong_inside_a_listed_part_details_that_part(tmp_path, key):
    """ "具体如下：一是当年财政拨款1000万元，其中中央资金600万元、省级资金400万元；二是…100万元": the 其中 took the whole
    (1100) as its total, so 1000 + 600 + 400 + 100 = 2100 was set against 1100: a false N02 错误."""
    check_consistent(tmp_path, key)


@pytest.mark.parametrize("key", ["cost-without-direction-full-score"])
def test_a_row_scored_in_full_is_met_whatever_direction_is_guessed(tmp_path, key):
    """亩均财政补助标准 "1500元" / 1450元, 得分 5 of 5, no 偏差原因: N03 read the direction-less target as "higher is
    better" and called it missed against "各项绩效目标均已完成": a false N03 警告."""
    check_consistent(tmp_path, key)


@pytest.mark.parametrize("key", ["baohan-next-year"])
def test_a_budget_by_parts_of_another_year_is_not_this_years(tmp_path, key):
    """ "3.2024年预算数：包含中央资金500万元、省级资金300万元" in the 2023 report: only a year after 预算数： was read, so
    800 was set against the 全年预算数 1100: a false N01 警告."""
    check_consistent(tmp_path, key)


@pytest.mark.parametrize("key", ["carryover-rate-wrong"])
def test_the_carried_over_funds_rate_is_its_rows(tmp_path, key):
    """ "上年结转资金100万元，结转资金执行率90%" against the row's 85/100 = 85%: once 结转资金执行率 stopped being compared
    with the project's rate, nothing compared it (a miss) — now the 上年结转资金 row's cells give it (N01 错误)."""
    check_variant(tmp_path, key)


@pytest.mark.parametrize("key", ["completion-against-a-range"])
def test_a_completion_rate_against_a_range_target_is_not_read(tmp_path, key):
    """ "目标300至350人，实际培训320人，完成率106.67%": the range's upper end 350 was taken as the target (320/350 =
    91.43%): a false N02 警告 — which end a writer measured against is open."""
    check_consistent(tmp_path, key)


@pytest.mark.parametrize("key", ["rate-against-initial-budget"])
def test_the_projects_spending_makes_the_projects_rate(tmp_path, key):
    """ "年初预算1000万元，全年预算1100万元，实际支出1045万元，执行率104.5%": the rate its own figures give (1045/1000),
    but of the 自评表's 全年执行数 — the project's rate, 95%. Lost by the first 'own figures' rule of this round (a miss
    found while probing it), kept by measuring the spending against the table."""
    check_variant(tmp_path, key)


@pytest.mark.parametrize("key", ["wei-wrong"])
def test_a_count_after_wei_names_the_trained(tmp_path, key):
    """ "全年为350名新型职业农民开展技能培训" against 培训新型职业农民人数 320人: missed (the words after 为 name the
    people and the act, the indicator names the act first)."""
    check_variant(tmp_path, key)


@pytest.mark.parametrize("key", ["yishi-wrong"])
def test_parts_listed_by_yishi_after_zhuyao_yongyu(tmp_path, key):
    """ "项目全年实际支出1045万元，主要用于：一是…850万元；二是…25万元；三是…200万元" (1075 > 1045): missed — the head
    主要用于 is not read as naming a list of the total's parts."""
    check_variant(tmp_path, key)


_OWN_TEST = {
    "rate-against-initial-budget",
    "completion-against-a-range",
    "carryover-rate-wrong",
    "baohan-next-year",
    "cost-without-direction-full-score",
    "qizhong-inside-yishi",
    "rates-by-source-sentences",
    "rate-of-a-part-qizhong",
    "rate-of-a-part-juti",
    "from-to-values",
    "balance-split-by-source",
    "spending-parts-by-source",
    "carryover-own-rate",
    "rate-of-another-quantity",
    "target-as-a-range",
    "wei-wrong",
    "yishi-wrong",
}


def test_the_base_report_is_quiet(tmp_path):
    """The fixed report with its own funds and indicator paragraphs: every figure agrees."""
    loud = _loud(_findings(tmp_path, report(), "base"))
    assert not loud, _show(loud)


@pytest.mark.parametrize("key", [k for k in CONSISTENT if k not in _OWN_TEST])
def test_guard_consistent(tmp_path, key):
    """Consistent reports perfxl keeps quiet already."""
    check_consistent(tmp_path, key)


@pytest.mark.parametrize("key", [k for k in VARIANTS if k not in _OWN_TEST])
def test_guard_variant(tmp_path, key):
    """Contradictions perfxl finds once, at the changed paragraph."""
    check_variant(tmp_path, key)
