"""Real reports 7 (issue 12): the causes found by probing the blind batch's own paragraphs with one figure changed
(tests/realworld/reports, 宣州区应急管理局 2023 转移支付 绩效自评报告 — the funds block of its 自评表 repeated in words), each
built as a narrative-only .docx report by the project's own helper and validated.

"年度资金总额全年预算数5372.5833万元,全年执行数4772.58万元,当前预算执行率88.83%。其中中央财政资金全年预算数1800万元,
全年执行数1200万元,当前预算执行率66.67%;地方财政资金…;其他资金…": each source's rate stands after its own budget and
spending, in its own run of the sentence (after the sentence's previous rate). The first run read only the total's rate:
the sources' rates, after a 其中 part's budget or after several spendings in one sentence, were never computed."""

from __future__ import annotations

import tomllib
from pathlib import Path

from report_helpers import report_findings as _report

REPORTS = Path(__file__).resolve().parent / "realworld" / "reports"


def _paragraph(stem: str, n: int) -> str:
    return tomllib.loads((REPORTS / f"{stem}.toml").read_text(encoding="utf-8"))["paragraphs"][n - 1]


#: 宣州区应急管理局 2023, paragraph 6 as published: 88.83% = 4772.58 / 5372.5833; 66.67% = 1200 / 1800; 100%; 100%.
HUAGONG_P6 = _paragraph("anhui-xuanzhou-huagongyuanqu-zhuanyi-2023", 6)


def _n02(findings):
    return [f for f in findings if f.code == "N02"]


def test_the_published_funds_block_is_quiet(tmp_path):
    assert not [f for f in _report(tmp_path, HUAGONG_P6) if f.severity.value != "info"]


def test_a_sources_rate_after_its_own_budget_and_spending_is_computed(tmp_path):
    """Failed before (probe with 66.67% → 76.67%): quiet — the rate after a 其中 part's budget was never paired."""
    n02 = _n02(_report(tmp_path, HUAGONG_P6.replace("66.67%", "76.67%")))
    assert [f.severity.value for f in n02] == ["warning"]  # paired by place within its run: a judgement
    text = n02[0].message + n02[0].basis
    assert "1200万元" in text and "1800万元" in text and "66.67%" in text and "76.67%" in text


def test_the_second_and_third_sources_rates_are_computed(tmp_path):
    """Failed before: quiet — after the first source, the sentence holds several spendings, so none was taken."""
    changed = HUAGONG_P6.replace(
        "地方财政资金全年预算数2192.58万元,全年执行数2192.58万元,当前预算执行率100%",
        "地方财政资金全年预算数2192.58万元,全年执行数2192.58万元,当前预算执行率90%",
    )
    n02 = _n02(_report(tmp_path, changed))
    assert [f.severity.value for f in n02] == ["warning"]
    assert "2192.58万元" in n02[0].message and "90%" in n02[0].message
    changed = HUAGONG_P6.replace(
        "其他资金全年预算数1380万元,全年执行数1380万元", "其他资金全年预算数1380万元,全年执行数1180万元"
    )
    n02 = _n02(_report(tmp_path, changed))
    # 1180 / 1380 = 85.51%, judged at the precision printed ("100%"): 86%
    assert [(f.severity.value, "86%" in f.message) for f in n02] == [("warning", True)]


def test_runs_that_do_not_state_one_budget_and_one_spending_stay_quiet(tmp_path):
    findings = _report(
        tmp_path,
        # a second rate with no money of its own run: last year's, a source named without amounts
        "项目预算100万元,实际支出90万元,预算执行率90%,其中财政资金执行率95%。",
        # two budgets in the run (年初 and 调整后): which one the rate measures is open, left to the existing readings
        "其中中央资金年初预算100万元,调整后预算80万元,执行数80万元,执行率100%;省级资金预算50万元,执行数50万元,执行率100%。",
        # a run whose spending comes before its budget: not this shape
        "其中中央资金执行数60万元,预算数100万元,执行率60%;省级资金执行数50万元,预算数50万元,执行率100%。",
        # a target rate is no execution rate
        "其中中央资金预算数100万元,执行数60万元,目标执行率90%;省级资金预算数50万元,执行数50万元,执行率100%。",
    )
    assert not [f for f in findings if f.code == "N02" and f.severity.value != "info"]


def test_sources_budgets_over_the_whole_budget_are_an_error(tmp_path):
    """Failed before (probe with 其他资金 1380 → 1480): quiet — the sources' budgets were no parts of the 年度资金总额's:
    1800 + 2192.58 + 1480 = 5472.58 > 5372.5833."""
    n02 = _n02(_report(tmp_path, HUAGONG_P6.replace("其他资金全年预算数1380万元", "其他资金全年预算数1480万元")))
    assert [f.severity.value for f in n02] == ["error"]
    text = n02[0].message + n02[0].basis
    assert "5472.58万元" in text and "5372.5833万元" in text and "预算数" in n02[0].message


def test_a_sources_spending_over_the_whole_is_one_finding(tmp_path):
    """Failed before (probe with 中央 1200 → 1300): quiet. Now the sources' spendings 1300 + 2192.58 + 1380 = 4872.58
    exceed the 全年执行数 4772.58 (certain), and that is the one finding — its rate (1300 / 1800 ≠ 66.67%) is not said
    again."""
    n02 = _n02(_report(tmp_path, HUAGONG_P6.replace("全年执行数1200万元", "全年执行数1300万元")))
    assert [f.severity.value for f in n02] == ["error"]
    assert "4872.58万元" in n02[0].message and "执行数" in n02[0].message


def test_sources_blocks_of_other_shapes_stay_quiet(tmp_path):
    findings = _report(
        tmp_path,
        # sources short of the whole by far, two parts only: a 其中 need not list every source
        "全年预算数5000万元,全年执行数4000万元。其中中央资金预算数1000万元,执行数800万元;省级资金预算数1000万元,执行数800万元。",
        # the sentence before states no spending: which whole the parts split is open
        "全年预算数5000万元。其中中央资金预算数3000万元,执行数2000万元;省级资金预算数3000万元,执行数2500万元。",
        # not opened by 其中: other projects, not sources of this money
        "项目预算数100万元,执行数90万元。A项目资金预算数80万元,执行数70万元;B项目资金预算数60万元,执行数50万元。",
        # budget-sum just at the whole at the parts' precision (the published paragraph's 5372.58 vs 5372.5833)
        HUAGONG_P6,
        # the same restated in 元: the parts' rounding (2192.58万元 = 21925800元) leaves them 33元 short — less than the
        # whole is not said (rounded sources, or a source left out), only more
        HUAGONG_P6.replace("5372.5833万元", "53725833元").replace("2192.58万元", "21925800元"),
    )
    assert not [f for f in findings if f.code == "N02" and f.severity.value != "info"]


#: 保山市文化和旅游局 2020, paragraph 5 as published: 共下达873万元, 具体为 545 + 105 + 223 = 873.
WENWU_P5 = _paragraph("yunnan-baoshan-wenwubaohu-zhuanyi-2020", 5)


def test_a_figure_after_a_cited_document_is_named_by_its_own_words(tmp_path):
    """Failed before (probe with 545 → 555): the N02 named its total “保山市财政局关于下达2020年国家文物保护专项经费资金
    及绩效目标的通知保财教2020180共下达保山市国家文物保护专项经费” — the cited notice's title and number read as the
    figure's name. A title in 《》 and the document number after it cite a source; the words after them name the figure."""
    assert not [f for f in _report(tmp_path, WENWU_P5) if f.severity.value != "info"]  # as published: agrees
    n02 = _n02(_report(tmp_path, WENWU_P5.replace("修缮工程545万元", "修缮工程555万元")))
    assert [f.severity.value for f in n02] == ["error"]  # 555 + 105 + 223 = 883 > 873
    assert "“下达保山市国家文物保护专项经费”" in n02[0].message
    assert "通知" not in n02[0].message and "保财教" not in n02[0].message
    # the same for a "根据《…》(…号)文件规定" lead (宣州区 2022, paragraph 3's shape)
    n02 = _n02(
        _report(
            tmp_path,
            "根据《安徽省财政厅关于下达2022年中央自然灾害救灾资金的通知》(皖财环〔2022〕792号)文件规定补助金额为180万元,"
            "其中A镇100万元、B镇50万元、C镇40万元。",
        )
    )
    assert [f.severity.value for f in n02] == ["error"] and "“补助金额”" in n02[0].message


#: 保山市交通运输局 2021, paragraph 2 as published: 还需拨付325万元, 市级预算安排80%计260万元 (325 × 80% = 260).
ZHANFANG_P2 = _paragraph("yunnan-baoshan-zhanfang-xiangmu-2021", 2)


def test_a_share_stated_with_its_amount_is_computed(tmp_path):
    """Failed before (probe with 260 → 270): quiet — "80%计270万元" was never computed from an amount before it.
    Now N% × one of the sentence's earlier amounts must give it (which one is paired by place: a 警告)."""
    assert not [f for f in _report(tmp_path, ZHANFANG_P2) if f.severity.value != "info"]  # 325 × 80% = 260
    n02 = _n02(_report(tmp_path, ZHANFANG_P2.replace("80%计260万元", "80%计270万元")))
    assert [f.severity.value for f in n02] == ["warning"]
    text = n02[0].message + n02[0].basis
    assert "80%" in text and "325万元" in text and "260万元" in text and "270万元" in text


def test_shares_of_other_shapes_stay_quiet(tmp_path):
    findings = _report(
        tmp_path,
        "项目总投资500万元,申请补助资金300万元,按60%计180万元。",  # 60% of the nearest amount
        "项目总投资500万元,申请补助资金300万元,按60%计300万元。",  # 60% of the total 500: one reading gives it
        "完成投资80%计400万元。",  # no amount before it: nothing to compute
        "资金到位率80%,计划下达100万元。",  # no 计 right after the percentage
    )
    assert not [f for f in findings if f.code == "N02" and f.severity.value != "info"]


#: 保山市文化和旅游局 2020, paragraph 11 as published: 预算控制数545万元, 分别于1月下达第一笔250万元, 9月下达第二批295万元.
WENWU_P11 = _paragraph("yunnan-baoshan-wenwubaohu-zhuanyi-2020", 11)


def test_instalments_after_an_amount_are_its_parts(tmp_path):
    """Failed before (probe with 250 → 260): quiet — "分别于…下达第一笔经费…,…第二批…" was no list of the 545's parts."""
    assert not [f for f in _report(tmp_path, WENWU_P11) if f.severity.value != "info"]  # 250 + 295 = 545
    n02 = _n02(_report(tmp_path, WENWU_P11.replace("第一笔经费250万元", "第一笔经费260万元")))
    assert [f.severity.value for f in n02] == ["error"]  # 260 + 295 = 555 > 545
    assert "555万元" in n02[0].message and "545万元" in n02[0].message
    assert "第一笔" in n02[0].basis and "“其中”" not in n02[0].basis  # says what made them parts


def test_other_lists_after_fenbie_stay_as_they_were(tmp_path):
    findings = _report(
        tmp_path,
        "预算数、决算数分别为100万元、90万元。",  # 分别为 names two figures, not parts
        "项目资金545万元,分别用于A工程250万元、B工程200万元。",  # no instalment ordinal: not this shape (short, 2 parts)
        "下达资金545万元,第一批资金300万元已于3月拨付,第二批资金300万元于9月拨付。",  # no 分别/分N批 opener
    )
    assert not [f for f in findings if f.code == "N02" and f.severity.value != "info"]
