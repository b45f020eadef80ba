"""Guards for the narrative checks that review round 13 added (上年结转资金 against its funds row, 结余, completion
rates, measure units): consistent wordings real 项目支出 自评报告 use must stay quiet, and a changed figure in them is
found once. Built with the round-13 corpus (tests/test_review_round13.py): one paragraph of a project's report
replaced, the 自评表 unchanged."""

from __future__ import annotations

import pytest
from test_review_round13 import PROJECTS, _findings, _loud, _show

from perfxl.model import TextRef

pytestmark = pytest.mark.slow  # a mutation corpus: round 13's reports, one paragraph changed in each


def _with(key, number, text):
    p = PROJECTS[key]
    paragraphs = list(p["paras"])
    paragraphs[number - 1] = text
    return p, paragraphs


# (project, paragraph number, text): every figure agrees with the 自评表
CONSISTENT = [
    pytest.param(  # 1160 + 136 = 1296 (the funds rows' 全年执行数); "当年财政拨款1160万元" is no 支出 of 1160
        "p03_yiliao_jiuzhu",
        5,
        "2023年该项目年初预算1200万元，上年结转资金150万元，全年预算1350万元。全年实际支出1296万元，其中当年财政拨款"
        "1160万元、上年结转资金136万元，预算执行率96.00%。",
        id="carried-over-part-of-the-spending",
    ),
    pytest.param(  # 1620 of ≥1500 written as fully completed: a capped rate, not 108%
        "p06_jiuye_buzhu",
        7,
        "职业技能培训人次年度目标≥1500人次，实际完成1620人次，完成率100%；城镇新增就业3210人，完成年度目标3000人的107%。",
        id="exceeded-target-capped-at-100",
    ),
    pytest.param(  # 291.6 arrived − 291.6 spent = 0: the remainder of the money arrived, not of the budget
        "p04_wenwu_baohu",
        5,
        "该项目2023年预算300万元，资金到位291.6万元，全年支出291.6万元，执行率97.20%，到位资金结余0万元。",
        id="remainder-of-the-money-arrived",
    ),
    pytest.param(  # 10.8万人次 = 108000人次; 12 − 10.8 = 1.2; 10.8 / 12 = 90%
        "p10_tushuguan_mianfei",
        7,
        "全年接待读者108000人次，较目标12万人次少1.2万人次，完成年度目标的90%；举办公益讲座展览26场。",
        id="measure-in-another-scale",
    ),
    pytest.param(  # a month is a time, not one 个 of anything
        "p10_tushuguan_mianfei",
        9,
        "年接待读者人次未完成年度目标，主要原因是馆舍改造闭馆1个月。",
        id="a-month-is-no-count",
    ),
]


@pytest.mark.parametrize("key,number,text", CONSISTENT)
def test_consistent_wordings_stay_quiet(tmp_path, key, number, text):
    p, paragraphs = _with(key, number, text)
    loud = _loud(_findings(tmp_path, p, paragraphs))
    assert not loud, _show(loud)


# (project, paragraph number, text, code, severity, the figure blamed): one figure contradicts the 自评表
CONTRADICTING = [
    pytest.param(  # the 上年结转资金 row's 全年执行数 is 136
        "p03_yiliao_jiuzhu",
        5,
        "2023年该项目年初预算1200万元，上年结转资金150万元，全年预算1350万元。全年实际支出1296万元，其中当年财政拨款"
        "1160万元、上年结转资金163万元，预算执行率96.00%。",
        "N01",
        "error",
        "163万元",
        id="carried-over-part-of-the-spending",
    ),
    pytest.param(  # no table row has this target: 4820 / 4000 = 120.5%, paired by place → 警告
        "p03_yiliao_jiuzhu",
        7,
        "产出方面，医疗救助人次年度目标≥4000人次，实际完成4820人次，完成率125%。",
        "N02",
        "warning",
        "125%",
        id="completion-paired-by-place",
    ),
]


@pytest.mark.parametrize("key,number,text,code,severity,figure", CONTRADICTING)
def test_a_contradicting_figure_is_found_once(tmp_path, key, number, text, code, severity, figure):
    p, paragraphs = _with(key, number, text)
    loud = [f for f in _loud(_findings(tmp_path, p, paragraphs)) if f.code.startswith("N")]
    assert len(loud) == 1, _show(loud)
    [f] = loud
    assert isinstance(f.ref, TextRef) and f.ref.paragraph == number, _show(loud)
    assert (f.code, f.severity.value, f.actual) == (code, severity, figure), _show(loud)
