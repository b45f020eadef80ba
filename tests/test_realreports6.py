"""Real reports 6 (issue 12): the causes of the blind batch's miss and false 错误, each from a real report's own paragraph
(tests/realworld/reports: 衡阳市住房和城乡建设局 2019 部门整体支出绩效自评报告), plus sentences that probe the same relation
at its edges. Built as narrative-only .docx reports by the project's own helper and validated.

"局机关总支出决算数为4389.86万元,其中基本支出决算数为2994.57万元,包含工资福利支出1754.89万元;…": the amounts after
包含 are the parts of the 2994.57 right before it, not more parts of the 4389.86 (the first run said, as a 错误, that
2994.57 + 1754.89 + 452.34 + 598.14 + 66.6 = 5866.54 exceeds 4389.86 — a relation the text does not state). And the four
are the economic classes of 基本支出 (工资福利支出、商品和服务支出、对个人和家庭的补助、资本性支出, 政府收支分类科目 支出经济
分类): a list of them reads as the whole, so 2871.97 short of 2994.57 is a 警告 (a class may have been left out)."""

from __future__ import annotations

from report_helpers import report_findings as _report

from perfxl.document.facts import extract_facts

#: 衡阳 2019 p8 and p7 as published (half-width punctuation as stored).
HENGYANG_P8 = (
    "2019年局机关总支出决算数为4389.86万元,其中基本支出决算数为2994.57万元,包含工资福利支出1754.89万元;商品和服务"
    "支出452.34万元;对家庭和个人的补助598.14万元;其他资本性支出66.6万元。年度决算基本支出总额超年初预算批复5"
)
HENGYANG_P7 = (
    "2019年初财政对我局预算批复的总支出为18531.47万元,预算批复基本支出为2411.77万元,其中工资福利性支出1358.23万元、"
    "商品和服务支出652.07万元、对个人和家庭的补助401.47万元。"
)


def _parents(text: str) -> list[tuple[str, str | None]]:
    facts = extract_facts(text, 1).facts
    return [(f.quantity.text, None if f.parent is None else facts[f.parent].quantity.text) for f in facts]


def _n02(findings):
    return [f for f in findings if f.code == "N02"]


def test_amounts_after_baohan_are_the_parts_of_the_amount_right_before_it():
    """Failed before: the 包含 amounts were read as more parts of the 4389.86 the 其中 opened."""
    assert _parents(HENGYANG_P8) == [
        ("4389.86万元", None),
        ("2994.57万元", "4389.86万元"),
        ("1754.89万元", "2994.57万元"),
        ("452.34万元", "2994.57万元"),
        ("598.14万元", "2994.57万元"),
        ("66.6万元", "2994.57万元"),
    ]
    # 包括 opens the same list; 包含 in brackets is a detail already inside (unchanged)
    assert _parents("项目支出100万元，包括设备购置60万元、培训40万元。")[1:] == [
        ("60万元", "100万元"),
        ("40万元", "100万元"),
    ]


def test_the_published_paragraph_is_a_short_list_of_economic_classes_a_warning_not_an_error(tmp_path):
    """Failed before: an N02 错误 saying the parts (with 2994.57 among them) exceed 4389.86."""
    n02 = _n02(_report(tmp_path, HENGYANG_P8))
    assert [(f.ref.paragraph, f.severity.value) for f in n02] == [(1, "warning")]
    text = n02[0].message + n02[0].basis
    assert "2871.97万元" in text and "2994.57万元" in text and "4389.86" not in text
    assert "经济分类" in n02[0].basis  # says why the list reads as the whole
    assert "“基本支出”" in n02[0].message  # "基本支出决算数为…" names the 基本支出 (its subject was "基本" before)


def test_economic_classes_that_make_their_basic_expense_are_quiet(tmp_path):
    findings = _report(
        tmp_path,
        HENGYANG_P7,  # as published: 1358.23 + 652.07 + 401.47 = 2411.77 (no 资本性支出 class: still whole)
        HENGYANG_P8.replace("1754.89万元", "1877.49万元"),  # 1877.49 + 452.34 + 598.14 + 66.6 = 2994.57
    )
    assert not [f for f in findings if f.severity.value != "info"]


def test_economic_classes_over_their_basic_expense_are_an_error(tmp_path):
    n02 = _n02(_report(tmp_path, HENGYANG_P7.replace("401.47万元", "501.47万元")))  # 2511.77 > 2411.77
    assert [f.severity.value for f in n02] == ["error"]
    assert "2511.77万元" in n02[0].message and "2411.77万元" in n02[0].message


def test_a_short_list_is_read_as_whole_only_for_three_classes_of_basic_expense(tmp_path):
    findings = _report(
        tmp_path,
        # two classes only: a 其中 naming some parts
        "基本支出2994.57万元,其中工资福利支出1754.89万元、商品和服务支出452.34万元。",
        # the classes of the department's whole spending (项目支出 has more classes): not read as complete
        "本年支出合计4389.86万元,其中工资福利支出1754.89万元、商品和服务支出452.34万元、对个人和家庭的补助598.14万元。",
        # an open-ended list ("等")
        "基本支出2994.57万元,包含工资福利支出1754.89万元、商品和服务支出452.34万元、对个人和家庭的补助598.14万元等。",
        # named items that are not economic classes
        "基本支出2994.57万元,其中人员工资1754.89万元、办公费452.34万元、差旅费598.14万元。",
    )
    assert not [f for f in findings if f.severity.value != "info"]


#: 衡阳 2019 p6's figures as published: 292.37 / (2994.57 − 292.37) = 10.82%.
HENGYANG_P6 = "2019年我局基本支出2994.57万元,较上年增加292.37万元,增幅10.82%。"


def test_a_zengfu_after_a_change_is_the_change_rate(tmp_path):
    """Failed before (probe of p6 with 10.82% changed to 11.82%): "增幅" was no change-rate word, so the rate was never
    computed from the 增加 amount before it."""
    assert not [f for f in _report(tmp_path, HENGYANG_P6) if f.severity.value != "info"]  # as published: agrees
    n02 = _n02(_report(tmp_path, HENGYANG_P6.replace("10.82%", "11.82%")))
    assert [f.severity.value for f in n02] == ["error"]
    text = n02[0].message + n02[0].basis
    assert "292.37万元" in text and "10.82%" in text and "11.82%" in text
    # 降幅, 增长率 and 幅度 are read the same way
    n02 = _n02(
        _report(tmp_path, "支出100万元,比上年减少20万元,降幅20%。", "收入120万元,较上年增加20万元,增长率为25%。")
    )
    assert [(f.ref.paragraph, f.severity.value) for f in n02] == [(1, "error"), (2, "error")]
    assert "17%" in n02[0].message and "20%" in n02[1].message  # judged at the precision printed (20%)


def test_a_growth_rate_without_a_change_amount_is_not_computed(tmp_path):
    findings = _report(
        tmp_path,
        "规模工业增加值增长率目标8%,实际增长率7.5%。",  # an indicator, not a change of a stated amount
        "营业收入100万元,增长率8%。",  # no change amount: nothing to compute
    )
    assert not [f for f in findings if f.code == "N02" and f.severity.value != "info"]
