"""Review round 8 (commits 38e5fbd, f52fd20, 8bfacbb): 其中 parts a sliver short of their total, a rate paired
with the one budget and the one spending amount of its sentence (and a rate cut rather than rounded), and a funds
block's weight printed in its header. Each test builds its input with the project's own writers (python-docx,
openpyxl through tests/report_helpers) in the wording real 自评报告 and 自评表 use, and asserts what a reviewer at
the finance bureau expects; each failed when written, except the boundary guards at the end of each section."""

from __future__ import annotations

import pytest
from report_helpers import codes as _codes
from report_helpers import report_findings as _report
from report_helpers import workbook_result as _workbook

# ---------------------------------------------------------------- 1. 其中 parts short of their total (38e5fbd)


@pytest.mark.parametrize(
    "text",
    [
        "2023年项目资金共计200.00万元，其中中央资金120.00万元、省级资金50.00万元、县级配套资金27.00万元、"
        "上年结转资金3.00万元。",
        "2023年项目资金共计200.00万元，其中中央资金120.00万元、省级资金50.00万元、县级配套资金27.00万元，"
        "上年结转资金3.00万元。",
    ],
    ids=["dunhao", "comma"],
)
def test_a_carried_over_part_is_a_part_of_the_funds_it_is_listed_in(tmp_path, text):
    """项目资金 are routinely itemised by source with the 上年结转资金 as the last source (the 自评表's own funds block
    is 当年财政拨款 + 上年结转资金 + 其他资金 = 年度资金总额). 120 + 50 + 27 + 3 = 200: the text agrees with itself.
    perfxl reads 上年结转资金 as a "previous year" figure, drops it from the parts, and 38e5fbd then reports an
    N02 警告 "各组成部分之和（120.00万元 + 50.00万元 + 27.00万元）少于总数 … 197万元" — a false alarm on the standard
    way a project's funds are stated."""
    findings = _report(tmp_path, text)
    assert not _codes(findings, "N02"), _codes(findings, "N02")


def test_a_part_written_in_yuan_counts_towards_a_total_in_wan_yuan(tmp_path):
    """ "全年支出100.00万元，其中…19.00万元、其他支出10000元": 10000元 = 1.00万元, so the parts make 100.00万元 exactly.
    The sum keeps only the parts in the total's unit, so the 元 item vanishes and 38e5fbd reports an N02 警告
    "少于总数 … 99万元". Small items are often written in 元 beside larger ones in 万元; 元 and 万元 convert exactly,
    so either the part is converted or (if perfxl will not mix units) the list is not judged — never called short."""
    text = "全年支出100.00万元，其中设备购置50.00万元、人员培训30.00万元、宣传印刷19.00万元、其他支出10000元。"
    findings = _report(tmp_path, text)
    assert not _codes(findings, "N02"), _codes(findings, "N02")


@pytest.mark.parametrize(
    "text",
    [
        "项目总投资100.00万元，其中设备购置29.50万元、安装施工40.00万元、人员培训29.50万元等。",
        "全年支出100.00万元，其中设备购置50.00万元、人员培训30.00万元、宣传印刷19.00万元（含运费）等。",
    ],
    ids=["same-amount-twice", "bracket-before-deng"],
)
def test_deng_after_the_last_part_is_seen_however_the_last_part_is_written(tmp_path, text):
    """38e5fbd's own rule: a list ending in "等" names only some parts and is not called short. It looks for 等 right
    after the first occurrence of the last part's figure text in its clause, so it misses the 等 when (a) an earlier
    part has the same amount ("29.50万元 … 29.50万元等" — equal amounts are common: each village, each item 10万元)
    or (b) a bracketed note stands between the figure and 等 ("19.00万元（含运费）等"). Both lists end in 等 and
    get the N02 警告 "少于总数" the rule promises they would not."""
    findings = _report(tmp_path, text)
    assert not _codes(findings, "N02"), _codes(findings, "N02")


@pytest.mark.parametrize(
    "text",
    [
        "项目资金100.00万元，其中主要用于设备购置50.00万元、人员培训30.00万元、宣传印刷19.00万元。",
        "项目资金100.00万元，其中人员经费50.00万元、公用经费30.00万元、项目经费19.00万元，其余为结转资金。",
        "项目资金100.00万元，其中人员经费50.00万元、公用经费30.00万元、项目经费19.00万元，剩余资金结转下年使用。",
        "全年支出100.00万元，其中设备购置50.00万元、人员培训30.00万元、宣传印刷19.00万元，以及其他零星支出。",
        "全年支出100.00万元，其中设备购置50.00万元、人员培训30.00万元、宣传印刷19.00万元……",
    ],
    ids=["zhu-yao", "qi-yu", "sheng-yu", "yi-ji-qi-ta", "ellipsis"],
)
def test_a_list_that_says_it_is_partial_is_not_called_short(tmp_path, text):
    """The text itself says the list is not the whole: "其中主要用于…" (the main uses), "…，其余为结转资金" / "剩余资金
    结转下年使用" (the rest is named, without a figure), "以及其他零星支出", or an ellipsis. 38e5fbd only looks for
    等/左右/余/多 right after the last figure and reports an N02 警告 "少于总数 … 99万元" on each: the warning's own
    premise ("所列即全部") is contradicted by the sentence it quotes."""
    findings = _report(tmp_path, text)
    assert not _codes(findings, "N02"), _codes(findings, "N02")


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # boundary guards of 38e5fbd: three parts 0.5% short and no 等 → a 警告; 5% short, or only two parts → quiet
        ("全年支出1000.00万元，其中设备购置500.00万元、人员培训300.00万元、宣传印刷195.00万元。", True),
        ("全年支出1000.00万元，其中设备购置500.00万元、人员培训300.00万元、宣传印刷150.00万元。", False),
        ("全年支出1000.00万元，其中设备购置500.00万元、人员培训495.00万元。", False),
    ],
    ids=["sliver-short", "far-short", "two-parts"],
)
def test_guard_the_short_list_boundaries(tmp_path, text, flagged):
    n02 = _codes(_report(tmp_path, text), "N02")
    if flagged:
        assert [s for s, m in n02] == ["warning"] and "995万元" in n02[0][1], n02
    else:
        assert n02 == [], n02


# ---------------------------------------------------------------- 2. a rate paired by place (f52fd20)


@pytest.mark.parametrize(
    "text",
    [
        "2023年年初预算100万元，年中追加20万元，实际支出114万元，预算执行率95%。",
        "2023年项目年初预算100万元，上年结转资金20万元，全年实际支出114万元，预算执行率95%。",
    ],
    ids=["zhui-jia", "jie-zhuan"],
)
def test_a_rate_over_the_budget_plus_an_addition_is_not_paired_with_the_initial_budget_alone(tmp_path, text):
    """执行率 = 全年执行数 / 全年预算数 (财预〔2020〕10号), and the full-year budget is the initial one plus what was
    added (年中追加) or carried over (上年结转): 114 / (100 + 20) = 95%, exactly as printed. f52fd20 pairs the rate
    with the one amount it recognises as a budget (100) and the one spending (114) and reports an N02 警告 "按其自身
    数字应为 114%，文字写 95%" — a spending of 114% of budget that nobody wrote. An amount added to the budget in
    the same sentence makes "the one budget" unknown, exactly as two budgets do (the commit's own test)."""
    findings = _report(tmp_path, text)
    assert not _codes(findings, "N02"), _codes(findings, "N02")


@pytest.mark.parametrize(
    "text",
    [
        "2021年下达预算2596万元，全年度实际总支出2595.6208万元，项目预算执行率达99%以上。",
        "2021年下达预算2596万元，全年度实际总支出2595.6208万元，项目预算执行率超过99%。",
        "2021年下达预算2596万元，全年度实际总支出2595.6208万元，项目预算执行率高于99%。",
    ],
    ids=["yi-shang", "chao-guo", "gao-yu"],
)
def test_a_rate_stated_as_a_lower_bound_is_true_when_the_rate_is_above_it(tmp_path, text):
    """2595.6208 / 2596 = 99.985%, and the text says it is "99%以上" / "超过99%" / "高于99%" — true. f52fd20 (with
    the truncation rule) reports an N02 警告 "按其自身数字应为 100%，文字写 99%" as if 99% were the rate itself.
    A bound is not a rounded value: "以上/超过/高于" before or after the figure must be read like 38e5fbd reads
    "等/左右/余/多" after a part (none of these gave a finding before f52fd20)."""
    findings = _report(tmp_path, text)
    assert not _codes(findings, "N02"), _codes(findings, "N02")


@pytest.mark.parametrize(
    "text",
    [
        "2023年项目预算100万元，实际支出95万元，预算执行率95%，超过了年初设定的预算执行率90%的目标。",
        "2023年项目预算100万元，实际支出95万元，预算执行率95%，未达到预算执行率100%的目标值。",
        "项目预算100万元，实际支出95万元，预算执行率95%，达到了预算执行率≥90%的年度指标值。",
        "2023年项目预算100万元，当年支出95万元，预算执行率95%，较上年预算执行率90%提高5个百分点。",
        "2023年项目预算100万元，实际支出95万元，预算执行率95%，全县平均预算执行率92%。",
    ],
    ids=["target", "target-100", "target-ge", "last-year", "county-average"],
)
def test_a_target_last_year_or_average_rate_after_the_actual_one_is_not_this_years_rate(tmp_path, text):
    """Reports set the year's rate against the target (年初设定的90%, ≥90% 年度指标值, 100% 目标值), last year's rate
    ("较上年预算执行率90%提高5个百分点" — 95 − 90 = 5, consistent) or an average. The actual rate 95% = 95/100 is
    right; f52fd20 pairs every later "预算执行率" in the sentence with the same budget and spending and reports an
    N02 警告 "应为 95%，文字写 90%/100%/92%" on the target/last-year/average figure. Only the rate that states this
    year's execution is computed from this year's figures."""
    findings = _report(tmp_path, text)
    assert not _codes(findings, "N02"), _codes(findings, "N02")


@pytest.mark.parametrize(
    "text",
    [
        "项目预算数100万元，决算数95万元，其中人员支出60万元，预算执行率95%。",
        "2023年项目预算100万元，实际完成95万元，其中基本建设支出60万元，预算执行率95%。",
    ],
    ids=["jue-suan-shu", "shi-ji-wan-cheng"],
)
def test_a_qizhong_part_is_never_the_spending_a_rate_is_computed_from(tmp_path, text):
    """ "决算数95万元，其中人员支出60万元，预算执行率95%": 95 / 100 = 95%, right. The total spent is named without
    支出/执行/使用/拨付, its 其中 part has 支出 in its name, and f52fd20 pairs the rate with the part: N02 警告
    "决算 60万元 / 预算 100万元 … 应为 60%". A figure perfxl itself reads as a part of another (其中) is a detail,
    not the spending of the budget."""
    findings = _report(tmp_path, text)
    assert not _codes(findings, "N02"), _codes(findings, "N02")


@pytest.mark.parametrize(
    "text",
    [
        "2023年项目预算资金100万元，全年实际支出95万元，项目预算执行率90%。",
        "2023年安排预算资金100万元，全年实际支出95万元，项目预算执行率90%。",
    ],
    ids=["xiang-mu-yu-suan-zi-jin", "an-pai-yu-suan-zi-jin"],
)
def test_budget_funds_named_yusuan_zijin_are_the_budget_a_rate_is_paired_with(tmp_path, text):
    """MISS. "项目预算资金100万元，全年实际支出95万元，项目预算执行率90%": 95/100 = 95%, not 90%. This is the
    湖北科技学院 sentence f52fd20 was written for with the commonest name of the budget — 预算资金 — and it is
    silent: "预算资金" is read as a plain amount (no budget role), so there is no budget to pair by place."""
    n02 = _codes(_report(tmp_path, text), "N02")
    assert n02 and "95%" in n02[0][1] and "90%" in n02[0][1], n02


@pytest.mark.parametrize(
    "text",
    [
        "2023年项目预算100万元，实际支出95万元，执行率为90%。",
        "2023年项目全年预算数100万元，全年执行数95万元，资金执行率为90%。",
    ],
    ids=["zhi-xing-lv", "zi-jin-zhi-xing-lv"],
)
def test_a_rate_named_zhixinglv_is_checked_like_yusuan_zhixinglv(tmp_path, text):
    """MISS. The 自评表's own column is "执行率" (预算数 | 执行数 | 执行率), and reports copy it: "执行率为90%",
    "资金执行率为90%" after a budget of 100 and a spending of 95 (= 95%). Only "预算执行率/预算完成率/完成预算" make a
    rate a completion rate, so these are plain figures and nothing is checked — the same inconsistency that gives
    a 警告 when the word 预算 precedes 执行率."""
    n02 = _codes(_report(tmp_path, text), "N02")
    assert n02 and "95%" in n02[0][1] and "90%" in n02[0][1], n02


def test_a_budget_in_yuan_and_a_spending_in_wan_yuan_are_compared_after_conversion(tmp_path):
    """MISS. "项目预算1,000,000元，实际支出99.5万元，预算执行率95%": 1,000,000元 = 100万元, 99.5 / 100 = 99.5%, not 95%.
    The pair is dropped because the two units differ, though 元 and 万元 convert exactly (the narrative mixes them
    when the budget is copied from a 批复 in 元 and the spending from a 决算 in 万元)."""
    n02 = _codes(_report(tmp_path, "2023年项目预算1,000,000元，实际支出99.5万元，预算执行率95%。"), "N02")
    assert n02 and "95%" in n02[0][1], n02


def test_a_rate_matching_neither_the_initial_nor_the_adjusted_budget_is_a_warning(tmp_path):
    """MISS. "年初预算100万元，调整后预算120万元，实际支出110万元，预算执行率95%": against the adjusted budget (the
    全年预算数 of 财预〔2020〕10号) 110/120 = 91.67%, against the initial one 110%; 95% is neither. f52fd20 pairs
    nothing when two budgets stand before the rate (its own test, for 下达 + 追加), so a rate no reading supports
    is silent. 调整后预算 names the full-year budget outright; at the least a rate matching none of the budgets is
    a 警告 (a judgement, since the pairing is by place)."""
    text = "2023年项目年初预算100万元，调整后预算120万元，实际支出110万元，预算执行率95%。"
    n02 = _codes(_report(tmp_path, text), "N02")
    assert n02 and all(s == "warning" for s, _ in n02) and "95%" in n02[0][1], n02


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # boundary guards of f52fd20: the rate cut (99% for 99.985%) → a 警告; rounded (100%) → quiet
        ("2021年下达预算2596万元，全年度实际总支出2595.6208万元，项目预算执行率99%。", True),
        ("2021年下达预算2596万元，全年度实际总支出2595.6208万元，项目预算执行率100%。", False),
    ],
    ids=["cut", "rounded"],
)
def test_guard_the_cut_rate_boundary(tmp_path, text, flagged):
    n02 = _codes(_report(tmp_path, text), "N02")
    assert [s for s, _ in n02] == (["warning"] if flagged else []), n02


# ---------------------------------------------------------------- 3. a weight printed in the funds header (8bfacbb)

_INDICATORS = [
    ["年度绩效目标 (80分)", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
    ["", "产出指标", "数量指标", "示范区面积", "≥500亩", "500亩", "80"],
]


def _funds_form(tmp_path, label_header, score_header, score):
    """The 云南 隆阳 layout of tests/test_reader_declared_weight.py: 150 of 200 spent (75%)."""
    rows = [
        ["2022年度项目支出绩效自评表"],
        ["项目名称", "化肥减量增效示范"],
        [label_header, "预算数(A)", "执行数(B)", "执行率(B/A)", score_header, "", ""],
        ["年度财政资金总额", "200", "150", "75.00%", score, "", ""],
        *_INDICATORS,
    ]
    return _workbook(tmp_path, rows, ("E4:G4",))


def test_a_weight_printed_as_manfen_in_the_score_header_is_read(tmp_path):
    """MISS. "得分(满分20分)" declares the block's weight as plainly as "得分(20分*执行率)": 75% × 20 = 15, the form
    says 17. 8bfacbb's pattern wants the number right after the bracket, so F05 is skipped ("no 分值") and the
    wrong score goes unremarked."""
    result = _funds_form(tmp_path, "预算执行情况(万元)", "得分(满分20分)", "17")
    f05 = [(f.ref.cell, f.severity.value, f.message) for f in result.findings if f.code == "F05"]
    assert f05 and f05[0][:2] == ("E4", "error") and "15" in f05[0][2], f05


def test_a_block_label_naming_the_rate_with_its_weight_is_not_read_as_the_rate_column(tmp_path):
    """ "预算执行率(10分) | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分": the weight-bearing block label sits over the
    row labels (A), the rates are under 执行率(B/A) (D). The reader takes A as the rate column and reports an F04
    错误 "执行率应为 75.00%（150/200），表中为 年度财政资金总额" — comparing a rate with a row label — and puts the
    F07 note on A4. The score 7.5 = 75% × 10 is right; nothing here is wrong. (The F04 predates 8bfacbb; the
    header variant is one 8bfacbb now reads the weight from.)"""
    result = _funds_form(tmp_path, "预算执行率(10分)", "得分", "7.5")
    wrong = [(f.code, f.ref.cell, f.message) for f in result.findings if f.code in ("F04", "F05")]
    assert wrong == [], wrong
