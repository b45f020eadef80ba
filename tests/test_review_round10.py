"""Review round 10: a false-alarm hunt over realistic, consistent 自评报告 passages (部门基本情况, 预算收支, 三公经费,
项目资金, 绩效目标, 得分, 问题与下一步). Every figure of every passage was worked out by hand (the arithmetic is in each
test's docstring or next to each case) and agrees with the others and, for the passages placed in the seed's 2023
部门整体 report, with its tables (收入/支出决算 2223.04万元 = 基本支出 886.12 + 项目支出 1336.92; 三公经费 2023年预算
20000元, 决算 11131.84元, 2022年决算 25362元; 编制 32, 在职 45; 总分 99; 新进规模企业 12家/20家, 新增高新技术企业
10家/13家; 规模工业总产值 增长12%/11.8%). A 警告 or 错误 on such text teaches finance staff to ignore the tool; the
first five tests failed when written (no perfxl code changed), the last is a guard over the passages already quiet."""

from __future__ import annotations

import pytest
from report_helpers import report_findings as _report
from report_helpers import seed_report_findings as _seed


def _loud(findings):
    """The N findings above 提示 (the only ones a consistent text must not get)."""
    return [
        (f.code, f.severity.value, f.message) for f in findings if f.code.startswith("N") and f.severity.value != "info"
    ]


# ---------------------------------------------------------------- 1. 实际支出 of a named item is not the 支出决算 (N01)


@pytest.mark.parametrize(
    "sentence",
    [
        "2023年“三公”经费预算20,000元，实际支出11,131.84元，完成预算的55.66%，较上年25,362元减少14,230.16元，下降56.11%。",
        "“三公”经费年初预算20000元，全年实际支出11131.84元，较预算节约8868.16元，节约率44.34%。",
        "公务接待费年初预算2万元，全年实际支出1.11万元，完成预算的55.66%。",
        "科技工业发展资金年初预算200万元，实际支出200万元，执行率100%。",
    ],
    ids=["three-public-yuan", "three-public-saving", "reception-wan", "special-fund"],
)
def test_the_spending_of_an_item_named_before_it_is_not_the_departments_expenditure(tmp_path, sentence):
    """The seed's tables: 三公经费 (= 公务接待) 2023年预算 20000元, 决算 11131.84元, 2022年决算 25362元; 科技工业发展资金
    2000000元 = 200万元. 11131.84/20000 = 55.659% → 55.66%; 25362 − 11131.84 = 14230.16, /25362 = 56.108% → 56.11%;
    20000 − 11131.84 = 8868.16, /20000 = 44.341% → 44.34%; 1.11万元 = 11131.84元 at its precision; 200/200 = 100%.
    Every figure agrees. perfxl reads "实际支出11,131.84元" (and "实际支出1.11万元", "实际支出200万元") as the
    department's 支出决算 and raises an N01 错误 "写“支出”为 11,131.84元，而自评表“按支出性质分：2223.04”为 2223.04万元":
    the 实际支出 belongs to the item named at the head of the sentence (“三公”经费, 公务接待费, 科技工业发展资金), exactly
    as "支出决算为1.11万元" does after “三公”经费 — the way every 三公经费 and 项目资金 paragraph is written."""
    assert not _loud(_seed(tmp_path, sentence))


# ---------------------------------------------------------------- 2. a cumulative stock is not the year's new count (N01)


def test_a_cumulative_total_is_not_the_years_new_ones(tmp_path):
    """ "全年新增高新技术企业13家，全县高新技术企业总数累计达到86家": 13 = the 自评表's 新增高新技术企业 actual; 86 is the
    county's stock of such firms (all years' together), which no table states. perfxl pairs "高新技术企业总数累" with the
    indicator 新增高新技术企业 by a fuzzy match (80%) and raises an N01 警告 "86家，而…实际完成值为 13家". A 总数/累计
    figure is a stock, the indicator a flow; reports state both side by side."""
    assert not _loud(_seed(tmp_path, "全年新增高新技术企业13家，全县高新技术企业总数累计达到86家。"))


# ---------------------------------------------------------------- 3. next year's budget is not this year's (N01)


def test_next_years_budget_in_the_plans_is_not_this_years_budget(tmp_path):
    """ "2024年“三公”经费预算1.8万元，将继续从严控制" in the 2023 report: the 2024 budget, which the 2023 基础数据表
    (2023年预算数 20000元) cannot contradict. perfxl compares it with the 2023 budget and raises an N01 错误 "写
    “三公经费预算数”为 1.8万元，而…2023年预算数为 20000元". Round 9 kept another year's score out of N01; another year's
    money is the same case (the 下一步 section of nearly every report states next year's budget)."""
    assert not _loud(_seed(tmp_path, "2024年“三公”经费预算1.8万元，将继续从严控制。"))


# ---------------------------------------------------------------- 4. a target is not an actual (N01)


@pytest.mark.parametrize(
    "sentence",
    [
        "年初目标为新进规模企业12家、新增高新技术企业10家，实际分别完成20家、13家。",
        "新进规模企业目标值12家，实际完成20家；新增高新技术企业目标值10家，实际完成13家。",
        "年度绩效目标中，新增高新技术企业计划10家，实际新增13家，完成计划的130%。",
    ],
    ids=["nianchu-mubiao", "mubiaozhi", "jihua"],
)
def test_a_figure_stated_as_the_target_is_compared_with_the_target_not_the_actual(tmp_path, sentence):
    """The seed's 自评表: 新进规模企业 指标值 12家, 实际 20家; 新增高新技术企业 指标值 10家, 实际 13家; 13/10 = 130%. Each
    sentence states both targets and both actuals exactly as the table does. perfxl reads "新增高新技术企业10家" (after
    年初目标为 / as 目标值 / as 计划) as the actual and raises an N01 错误 or 警告 "10家，而自评表指标“新增高新技术企业”
    实际完成值为 13家". A figure the sentence names as the target (目标, 目标值, 计划, 年初…) is the 指标值 (or
    nothing to compare), never the 实际完成值."""
    assert not _loud(_seed(tmp_path, sentence))


# ---------------------------------------------------------------- 5. last year's figure named by its year (N02)


@pytest.mark.parametrize(
    ("where", "text"),
    [
        ("doc", "2023年支出1260.4万元，比2022年的1,200万元增加60.4万元，增长5.03%。"),
        ("doc", "2023年支出1260.4万元，比2022年（1,200万元）增加60.4万元，增长5.03%。"),
        ("seed", "2023年收入决算2223.04万元，比2022年（2719.53万元）减少496.49万元，下降18.26%。"),
    ],
    ids=["bi-2022-de", "bi-2022-bracket", "seed-income"],
)
def test_last_years_figure_named_by_its_year_is_the_base_of_the_change_rate(tmp_path, where, text):
    """1260.4 − 1200 = 60.4, 60.4/1200 = 5.033% → 5.03%; 2719.53 − 2223.04 = 496.49, 496.49/2719.53 = 18.256% → 18.26%
    (the seed's 收入决算 2223.04万元). The same sentences with 上年 instead of 2022年 stay quiet. With the year named,
    perfxl takes the 2022 figure as this year's and the base as it minus the change — "60.4万元 / 上年 1139.6万元 … 应为
    5.3%", "496.49万元 / 上年 3216.02万元 … 应为 15.44%" — an N02 错误. In the 2023 report, "比2022年" is "比上年"."""
    findings = _seed(tmp_path, text) if where == "seed" else _report(tmp_path, text)
    assert not _loud(findings)


# ---------------------------------------------------------------- guard: consistent passages already quiet

QUIET = [
    # 20+12=32 编制 = table; 45 在职 = table (13 编外 inside it)
    pytest.param(
        "seed",
        "本局核定编制32人（行政编制20人、事业编制12人），实有在职人员45人（含编外聘用13人），退休人员73人。",
        id="staff-seed",
    ),
    # 12 names (和 joins the last two), 2 names
    pytest.param(
        "doc",
        "本局下设12个股室，即办公室、人事股、财务股、规划股、工业股、中小企业股、科技股、信息化股、安全生产股、法规股、招商股和机关党委；另有二级机构2个，即县科技服务中心、县工业园区服务中心。",
        id="sections-ji",
    ),
    # 5 names
    pytest.param("doc", "内设机构5个：办公室、财务室、业务一科、业务二科和综合执法大队。", id="sections-colon"),
    # 2719.53-2223.04=496.49; 496.49/2719.53=18.256%
    pytest.param(
        "doc",
        "2023年度收入合计2,223.04万元，较上年2,719.53万元减少496.49万元，下降18.26%，主要原因是上级专项资金减少。",
        id="income-drop",
    ),
    # 886.12/2223.04=39.861%; 1336.92/2223.04=60.139%
    pytest.param(
        "seed",
        "2023年度支出决算2223.04万元，其中基本支出886.12万元，占总支出的39.86%；项目支出1336.92万元，占总支出的60.14%。",
        id="expense-shares-seed",
    ),
    # 0+0+11131.84元 = 1.11万元
    pytest.param(
        "doc",
        "“三公”经费支出1.11万元，其中：因公出国（境）费0元，公务用车购置及运行维护费0元，公务接待费11,131.84元。",
        id="three-public-items",
    ),
    # 300+150+50=500; 485.6/500=97.12%
    pytest.param(
        "doc",
        "2023年该项目下达资金500万元，其中中央资金300万元、省级资金150万元、县级配套50万元，截至12月31日，实际支出485.6万元，预算执行率97.12%。",
        id="project-sources",
    ),
    # 120+30-10=140; 133/140=95%
    pytest.param(
        "doc",
        "该项目年初预算安排120万元，年中追加30万元，调减10万元，调整后预算140万元；全年实际支出133万元，执行率95%。",
        id="add-cut",
    ),
    # 80.28/86.5=92.809%; 86.5-80.28=6.22
    pytest.param(
        "doc",
        "项目资金共计86.5万元（含上年结转资金6.5万元），全年支出80.28万元，执行率92.81%，结转下年6.22万元。",
        id="carry",
    ),
    # 326≥300, 112≥100, 61≥50, 98≥95
    pytest.param(
        "doc",
        "数量指标：培训企业管理人员目标300人次，实际完成326人次；走访服务企业目标100家，实际走访112家；新增专利授权目标50项，实际完成61项。质量指标：培训合格率目标≥95%，实际98%。时效指标：资金拨付及时率100%。以上目标均已完成。",
        id="indicators-all-met",
    ),
    # 99 = 自评表 总分
    pytest.param("seed", "经自评，2023年度部门整体支出绩效自评得分99分，等级为“优”。", id="score-seed"),
    # plans only
    pytest.param(
        "doc",
        "一是部分项目资金到位较晚，截至9月底资金到位率仅为60%；二是绩效目标设置不够细化。下一步，我们将加快资金拨付进度，力争全年预算执行率达到95%以上。",
        id="problems",
    ),
    # 1100.5+100+50.3=1250.8
    pytest.param(
        "doc",
        "2023年度收入总计1,250.8万元，其中：一般公共预算财政拨款1,100.5万元，政府性基金预算拨款100万元，其他收入50.3万元。",
        id="income-sources",
    ),
    # 820.36+150.2+60.12+220.12=1250.8; 65.587%, 12.008%, 4.807%, 17.598%
    pytest.param(
        "doc",
        "本年支出合计1250.8万元，按功能分类：一般公共服务支出820.36万元，占65.59%；社会保障和就业支出150.2万元，占12.01%；卫生健康支出60.12万元，占4.81%；住房保障支出220.12万元，占17.6%。",
        id="function-shares",
    ),
    # 35.6+1250.8-1260.4=26
    pytest.param(
        "doc",
        "年初结转结余35.6万元，本年收入1,250.8万元，本年支出1,260.4万元，年末结转结余26万元。",
        id="carry-balance",
    ),
    # 793.26+92.86=886.12; 89.521%, 10.479%; 公用经费 928572.74元
    pytest.param(
        "seed",
        "基本支出886.12万元，其中人员经费793.26万元，占基本支出的89.52%；公用经费92.86万元，占基本支出的10.48%。",
        id="basic-detail-seed",
    ),
    # 1336.92-112.5=1224.42; 112.5/1224.42=9.188%
    pytest.param("doc", "2023年度项目支出1336.92万元，比上年增加112.5万元，增长9.19%。", id="project-growth"),
    # no cross-checkable figure
    pytest.param("doc", "全年共开展政策宣讲20余场，服务企业约300家，企业满意度达95%以上。", id="approx"),
    # 100/100; 95.5/100
    pytest.param(
        "doc",
        "2023年省财政厅下达专项资金100万元，实际到位100万元，到位率100%；截至2023年12月31日，累计支出95.5万元，预算执行率95.5%。",
        id="arrival",
    ),
    # no 自评表 in the document
    pytest.param("doc", "根据评分标准，该项目自评得分92.5分，评价等级为“优”。", id="project-score"),
    # 20-12=8; 13/10=130%
    pytest.param(
        "seed",
        "全年新进规模企业20家，超额完成年度目标（12家）8家；新增高新技术企业13家，完成目标的130%。",
        id="exceed-seed",
    ),
    # 11131.84/20000=55.659%
    pytest.param("seed", "2023年“三公”经费预算2万元，决算1.11万元，完成预算的55.66%。", id="wan-precision-seed"),
    # 2223.04-2719.53=-496.49; -18.256%
    pytest.param(
        "doc",
        "2023年收入决算2223.04万元，上年决算2719.53万元，增减额-496.49万元，增减率-18.26%。",
        id="zengjian-negative",
    ),
    # 60.139%; 200/1336.92=14.960%
    pytest.param(
        "seed",
        "项目支出1336.92万元，占部门总支出的60.14%，其中科技工业发展资金200万元，占项目支出的14.96%。",
        id="nested-share-seed",
    ),
    # 98.5-96.2=2.3
    pytest.param("doc", "2023年部门预算执行率98.5%，较上年96.2%提高2.3个百分点。", id="pct-points"),
    # 20/12=166.667%
    pytest.param("seed", "新进规模企业20家，完成年度目标12家的166.67%。", id="rate-of-target-seed"),
    # 126.5≥120, 92≥90, 0.76≤0.8, 95≥90
    pytest.param(
        "doc",
        "产出指标：（1）数量指标：完成农村公路养护里程目标值≥120公里，实际完成126.5公里；（2）质量指标：养护合格率目标值≥90%，实际完成92%；（3）时效指标：2023年12月底前完成，已按时完成；（4）成本指标：每公里养护成本≤0.8万元，实际0.76万元。效益指标：群众满意度≥90%，实际95%。上述绩效目标均已完成。",
        id="cost-indicator",
    ),
    # 498600/500000=99.72%
    pytest.param("doc", "项目预算资金50万元，全年实际支出498,600元，执行率99.72%。", id="yuan-execution"),
    # 900000/928572.74=96.923%
    pytest.param("seed", "政府采购金额90万元，占公用经费的96.92%。", id="procurement-share-seed"),
    # 25362-11131.84=14230.16; /25362=56.108%
    pytest.param("seed", "公务接待费11131.84元，比上年减少14230.16元，降幅56.11%。", id="reception-drop-seed"),
    # 0≤0, 2≤5
    pytest.param(
        "doc",
        "安全生产事故发生起数目标值0起，实际0起；投诉率目标值≤5%，实际2%。以上绩效目标均已完成。",
        id="zero-accident",
    ),
    # 650.38+92.86+142.88=886.12
    pytest.param(
        "seed",
        "2023年度基本支出886.12万元，其中：工资福利支出650.38万元，商品和服务支出92.86万元，对个人和家庭的补助142.88万元；项目支出1336.92万元。",
        id="econ-seed",
    ),
    # 2.54-1.11=1.43; 14230.16/25362=56.108% (1.43/2.54=56.30%, within printed precision)
    pytest.param("doc", "“三公”经费支出1.11万元，比上年2.54万元减少1.43万元，下降56.11%。", id="tp-wan-drop"),
    # 30+15=45
    pytest.param("seed", "在职人员45人，其中行政人员30人，事业人员15人。", id="staff-split-seed"),
    # 45/32=140.625%
    pytest.param("seed", "核定编制32人，实有在职人员45人，人员控制率140.63%。", id="control-rate-seed"),
    # 117+200+1019.92=1336.92 (table 1170000元, 2000000元)
    pytest.param(
        "seed",
        "项目支出1,336.92万元，其中：业务工作经费117万元，科技工业发展资金200万元，上级专项资金1,019.92万元。",
        id="project-parts-seed",
    ),
    # 5 names
    pytest.param("doc", "项目覆盖5个乡镇，分别为桃洪镇、六都寨镇、荷香桥镇、横板桥镇、周旺镇。", id="towns"),
    # 120+95+111=326
    pytest.param(
        "doc", "全年举办培训班3期，培训人数分别为120人次、95人次、111人次，共计326人次。", id="training-fenbie"
    ),
    # 5+4+4=13
    pytest.param(
        "seed", "新增高新技术企业13家，其中：电子信息类5家、装备制造类4家、新材料类4家。", id="hitech-split-seed"
    ),
    # 2719.53-2223.04=496.49
    pytest.param(
        "seed", "与2022年的2,719.53万元相比，2023年收入决算2,223.04万元，减少496.49万元。", id="lastyear-first-seed"
    ),
    # 25362-11131.84=14230.16
    pytest.param("seed", "“三公”经费2022年决算25362元，2023年决算11131.84元，减少14230.16元。", id="tp-2022-seed"),
    # 95/100=95%
    pytest.param("doc", "截至12月31日，已拨付资金95万元，占下达资金100万元的95%。", id="disburse"),
    # 485.6/500=97.12% ≈ 97%
    pytest.param("doc", "该项目下达资金500万元，实际支出485.6万元，执行率约为97%。", id="approx-rate"),
    # 99 = 总分
    pytest.param("seed", "自评等级为“优”（自评得分99分，满分100分）。", id="score-bracket-seed"),
    # the one missed target named, 其他 = the rest
    pytest.param("seed", "除规模工业总产值增速11.8%略低于12%的目标外，其他绩效目标均已完成。", id="except-seed"),
    # 20>12, 13>10
    pytest.param(
        "seed",
        "各项绩效指标完成情况良好，其中新进规模企业20家（目标12家）、新增高新技术企业13家（目标10家）均超额完成。",
        id="exceeded-seed",
    ),
    # 2223.04/2223.04=100%
    pytest.param(
        "seed", "收入决算2223.04万元，其中：一般公共预算财政拨款收入2223.04万元，占100%。", id="fiscal-100-seed"
    ),
    # 22230400元 = 2223.04万元
    pytest.param(
        "seed", "部门支出决算22,230,400.00元（即2223.04万元），全部为一般公共预算财政拨款。", id="yuan-and-wan-seed"
    ),
    # 8861213.88-8035749.4=825464.48元; /8035749.4=10.272%
    pytest.param("seed", "基本支出886.12万元，比上年803.57万元增加82.55万元，增长10.27%。", id="basic-growth-seed"),
    # 928572.74-899763=28809.74元; /899763=3.202%
    pytest.param("seed", "公用经费92.86万元，比上年89.98万元增加2.88万元，增长3.2%。", id="public-growth-seed"),
    # 90179.18元, 137500.34元, 9988元 (parts, not all of 公用经费)
    pytest.param(
        "seed",
        "公用经费92.86万元，其中办公经费9.02万元，水费、电费、差旅费13.75万元，会议费、培训费0.9988万元。",
        id="public-parts-seed",
    ),
    # 48/50=96%; 30/30=100%
    pytest.param(
        "doc",
        "产业发展项目预算50万元，支出48万元，执行率96%；人才培训项目预算30万元，支出30万元，执行率100%。",
        id="two-projects",
    ),
    # 180/200=90%; 200-180=20
    pytest.param(
        "doc",
        "该项目应到位资金200万元，实际到位180万元，到位率90%，未到位的20万元已申请结转至2024年使用。",
        id="arrival-rate",
    ),
    # 60.139%, 39.861%
    pytest.param(
        "seed", "项目支出1336.92万元，占总支出比重为60.14%；基本支出886.12万元，所占比重为39.86%。", id="bizhong-seed"
    ),
    # 45-3=42; 3/42=7.143%
    pytest.param("doc", "2023年末在职人员45人，较上年增加3人，增长7.14%。", id="staff-growth"),
    # 8+2=10
    pytest.param("doc", "全年共实施项目10个（含上年结转项目2个），其中年初批复8个，年中追加2个。", id="project-counts"),
    # 0.76≤0.8, 3<5, 12≤24, 1≤3
    pytest.param(
        "doc",
        "成本指标：单位养护成本不超过0.8万元/公里，实际0.76万元/公里；质量指标：设备故障率低于5%，实际3%；时效指标：问题响应时间≤24小时，实际12小时；满意度指标：投诉次数≤3次，实际1次。以上绩效目标均已完成。",
        id="lower-better",
    ),
    # 55.66≤100; 1.2≥1
    pytest.param(
        "doc",
        "“三公”经费控制率目标≤100%，实际55.66%；万元生产总值能耗降低率目标1%，实际降低1.2%。各项绩效目标均已完成。",
        id="control-rate-ind",
    ),
    # 480≤500; 326≥300
    pytest.param(
        "doc",
        "人均培训成本目标不高于500元，实际480元；培训人数目标不少于300人次，实际326人次。以上目标均已完成。",
        id="per-capita",
    ),
    # 800+300+100=1200; 1150.8/1200=95.9%
    pytest.param(
        "doc",
        "全年项目预算总额1,200万元，其中：中央资金800万元，省级资金300万元，县级资金100万元；累计支出1,150.8万元，执行率95.9%。",
        id="exec-rate-parts",
    ),
    # 119980/120000=99.983%
    pytest.param("doc", "年初预算安排专项经费12万元，全年实际使用119,980元，预算执行率99.98%。", id="wan-yuan-exec"),
    # 70.3/1180.5=5.955%; 60.4/1200=5.033%
    pytest.param(
        "doc",
        "2023年收入总计1,250.8万元，较上年的1,180.5万元增加70.3万元，增长5.96%；支出总计1,260.4万元，较上年的1,200万元增加60.4万元，增长5.03%。",
        id="income-fenbie",
    ),
    # 2223.04/2300=96.654%
    pytest.param("doc", "2023年部门预算数为2,300万元，决算数为2,223.04万元，预算执行率96.65%。", id="department-exec"),
    # 886.12+1336.92=2223.04; 39.861%, 60.139%
    pytest.param(
        "doc",
        "基本支出占39.86%，计886.12万元；项目支出占60.14%，计1336.92万元；合计2223.04万元。",
        id="percent-then-amount",
    ),
    # 14230.16/25362=56.108%
    pytest.param("doc", "2023年“三公”经费支出11131.84元，同比下降56.11%，上年同期支出25362元。", id="tongbi"),
    # 152 is the stock, 20 the year's new ones
    pytest.param("seed", "全年新进规模企业20家，全县规模工业企业总数达到152家。", id="scale-total-seed"),
    # 2024 plans
    pytest.param(
        "seed", "下一步，我局将力争2024年新进规模企业15家以上，新增高新技术企业12家。", id="next-year-plan-seed"
    ),
    # 500/2223.04=22.492%
    pytest.param("doc", "该项目资金500万元，占部门预算总额2,223.04万元的22.49%。", id="share-of-dept"),
    # 250/500=50%; 485.6/500=97.12%
    pytest.param(
        "doc",
        "该项目下达资金500万元，截至6月30日支出250万元，执行率50%；截至12月31日累计支出485.6万元，执行率97.12%。",
        id="half-year",
    ),
    # 485.6/500=97.12%
    pytest.param(
        "doc", "项目下达资金500万元，全年支出485.6万元，执行率97.12%，较上年提高5.12个百分点。", id="rate-then-pp"
    ),
    # 300+200=500
    pytest.param("doc", "省财政分两批下达资金500万元，第一批300万元，第二批200万元，资金到位率100%。", id="batches"),
    # 1100.5+150.3=1250.8; 87.984%, 12.016%
    pytest.param(
        "doc", "收入合计1250.8万元，其中财政拨款1100.5万元，占87.98%；其他收入150.3万元，占12.02%。", id="share-in-list"
    ),
    # 126.5/120=105.417%
    pytest.param("doc", "全年完成农村公路养护126.5公里，完成年度计划120公里的105.42%。", id="plan-pct"),
    # 1170000+2000000+10199200=13369200
    pytest.param(
        "doc",
        "2023年度项目支出总额13,369,200.00元，其中：业务工作经费1,170,000.00元，科技工业发展资金2,000,000.00元，上级专项资金10,199,200.00元。",
        id="big-yuan",
    ),
    # growth rates without bases
    pytest.param(
        "doc", "全县规模工业总产值246.36亿元，同比增长11.8%；规模工业增加值65.94亿元，同比增长8.8%。", id="yi-yuan"
    ),
    # 50/500=10%
    pytest.param("doc", "该项目总投资500万元，其中县级配套资金50万元，配套比例10%。", id="peitao"),
    # 13-9=4
    pytest.param("seed", "2023年新增高新技术企业13家，比2022年的9家多4家。", id="prev-year-indicator-seed"),
    # 2022 决算 25362元 = 2.54万元; 2023 20000元, 11131.84元
    pytest.param("seed", "上年“三公”经费预算3万元，决算2.54万元；本年预算2万元，决算1.11万元。", id="prev-budget-seed"),
    # 100+20=120; 114/120=95%
    pytest.param("doc", "该项目年初预算100万元，上年结转20万元，全年支出114万元，执行率95%。", id="carry-outside"),
    # 1260.4-1200=60.4; 60.4/1200=5.033%
    pytest.param("doc", "2023年支出1260.4万元，增加60.4万元，增长5.03%（上年为1,200万元）。", id="rate-after-bracket"),
    # 39.861%, 60.139%
    pytest.param(
        "doc",
        "基本支出886.12万元、项目支出1336.92万元，占总支出2223.04万元的比重分别为39.86%和60.14%。",
        id="fenbie-shares",
    ),
    # 1.11/2 (11131.84/20000=55.659%); 0.9988/1=99.88%
    pytest.param(
        "doc",
        "公务接待费和会议费预算分别为2万元、1万元，实际支出分别为1.11万元、0.9988万元，分别完成预算的55.66%、99.88%。",
        id="fenbie-spend",
    ),
    # 1250.8/1180.5-1=5.955%; 1260.4/1200-1=5.033%
    pytest.param("doc", "2023年收入1250.8万元、支出1260.4万元，同比分别增长5.96%、5.03%。", id="fenbie-growth"),
    # 2719.53-2223.04=496.49; 18.256%
    pytest.param(
        "seed", "2023年收入决算2223.04万元，比上年（2719.53万元）减少496.49万元，下降18.26%。", id="prev-bracket-seed"
    ),
    # 60.4/1200=5.033%
    pytest.param("doc", "2023年支出1260.4万元，比上年（1,200万元）增加60.4万元，增长5.03%。", id="prev-shang"),
    # 60.4/1200=5.033%
    pytest.param("doc", "2023年支出1260.4万元，较上年同期（1,200万元）增加60.4万元，增长5.03%。", id="prev-tongqi"),
]


@pytest.mark.parametrize(("where", "text"), [p for p in QUIET if p.values[0] == "seed"])
def test_guard_consistent_passages_stay_quiet(tmp_path, where, text):
    """Consistent passages of every section (arithmetic next to each case) that perfxl leaves without a 警告 or 错误;
    a change that makes one of them loud is a new false alarm."""
    assert not _loud(_seed(tmp_path, text))


def test_guard_consistent_narrative_only_passages_stay_quiet_in_one_report(tmp_path):
    """The narrative-only passages of QUIET as the paragraphs of one report (one document read instead of seventy,
    to keep the fast loop fast); each finding is traced back to its passage."""
    passages = [(p.id, p.values[1]) for p in QUIET if p.values[0] == "doc"]
    findings = _report(tmp_path, *(text for _, text in passages))
    loud = [
        (passages[f.ref.paragraph - 1][0], f.code, f.message)
        for f in findings
        if f.code.startswith("N") and f.severity.value != "info"
    ]
    assert not loud, loud
    assert len(passages) >= 55
