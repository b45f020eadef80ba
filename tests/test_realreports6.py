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


#: 南县住房和城乡建设局 2018年度整体支出绩效评价报告 (http://www.nanxian.gov.cn/jc_nx/187/195/content_16189.html), 一、1 as
#: published: 21 names before "21个股室和直属单位", 8 before "8个二级单位" — the names first, their count after.
NANXIAN_2018 = (
    "1、组织机构设置及人员情况:南县住房和城乡建设局正科级行政单位,内设办公室、人事股、财计股、法规股、联合工会、"
    "政务服务股、房改股、城建档案馆、城市建设股、村镇建设股、规划技术股、规划管理股、建筑管理股、公用事业股、"
    "建设工程管理站、燃气办、质安监站、建筑材料检测中心、城乡规划建设服务中心、规划勘测设计院、信息中心21个股室和"
    "直属单位,另按规定设立了机关党支部、纪检监察室。下辖自来水公司、环境卫生管理处、公用事业设施管理站、德昌公园"
    "管理处、路灯管理所、建筑勘察设计院、园林绿化管理处、建筑工程公司8个二级单位。全局现有在职人员246人,离退休"
    "人员85人。"
)


def _n05(findings):
    return [f for f in findings if f.code == "N05"]


def test_names_listed_before_their_count_are_counted(tmp_path):
    """Failed before (probe with 21 → 22, 8 → 9): only "<count>个，即/：<names>" was read, never "内设<names>21个股室"."""
    assert not [f for f in _report(tmp_path, NANXIAN_2018) if f.severity.value != "info"]  # as published: 21 and 8
    n05 = _n05(_report(tmp_path, NANXIAN_2018.replace("信息中心21个", "信息中心22个").replace("公司8个", "公司9个")))
    assert [f.severity.value for f in n05] == ["warning", "warning"]  # a name dropped or the count wrong: a judgement
    assert "22个" in n05[0].message and "21" in n05[0].message and "9个" in n05[1].message and "8" in n05[1].message


def test_a_count_right_after_an_organisation_noun_and_a_colon_heads_its_list(tmp_path):
    """Failed before: "内设机构4:A、B、C" had no measure word, so the list was not read."""
    n05 = _n05(_report(tmp_path, "我局为正处级行政单位,内设机构4:办公室、财务审计科、法制科(行政审批服务科)。"))
    assert [f.severity.value for f in n05] == ["warning"] and "4" in n05[0].message and "3" in n05[0].message
    findings = _report(
        tmp_path,
        "我局内设机构3:办公室、财务审计科、法制科(行政审批服务科)。",  # agrees
        # 怀化 2023 p5's shape: the list goes on after the comma ("另设机关党委"): not read as complete
        "内设机构11:办公室、人事教育科、财务审计科,另设机关党委。",
        "内设股室11个,所属事业单位10个。",  # counts with no list
        "内设办公室和财务股2个股室。",  # one name with 和: fewer than two names
        "内设办公室、财务股等3个股室。",  # 等: not the whole list
        "配备比例为3:1、2:1。",  # a ratio, no organisation noun
    )
    assert not [f for f in findings if f.severity.value != "info"]


#: 南县住房和城乡建设局(人防办) 2023 部门整体支出绩效评价报告, paragraph 5 as published: 178 = 129 + 49.
NANXIAN_2023_P5 = (
    "(一)机构设置及人员情况。南县住房和城乡建设局(人防办)属正科级行政单位,内设股室11个,所属事业单位10个(含二级独立"
    "核算事业单位德昌公园管理所)。全局实有职工人数178 人,其中:在职129人,退休49人"
)


def test_a_headcount_split_into_in_service_and_retired_is_summed(tmp_path):
    """Failed before (probe with 178 → 180 and → 170): counts under 其中 were never summed; 在职 and 退休 do not overlap."""
    assert not [f for f in _report(tmp_path, NANXIAN_2023_P5) if f.severity.value != "info"]  # as published
    n02 = _n02(_report(tmp_path, NANXIAN_2023_P5.replace("178 人", "180 人")))
    assert [f.severity.value for f in n02] == ["warning"]  # short: a status such as 临聘 may be unlisted
    assert "178人" in n02[0].message and "180人" in n02[0].message
    n02 = _n02(_report(tmp_path, NANXIAN_2023_P5.replace("178 人", "170 人")))
    assert [f.severity.value for f in n02] == ["error"]  # over: the two statuses cannot overlap


def test_headcounts_by_other_categories_stay_unsummed(tmp_path):
    findings = _report(
        tmp_path,
        "编制30人,实有在职28人,其中:行政25人,事业5人。",  # categories that are no status
        # 赫山 2019 p13 with its total changed: 协管员 is no status, units (局本级/环卫处) are no status
        "区城管执法局现有人员1904人,其中局本级187人(在职在编139人、退休人员8人、协管员40人),环卫处1707人。",
        "现有在职职工85人,离退休人员158人。",  # no total (衡阳 2019 p3's shape)
        "全局职工178人,其中在职129人。",  # one status only
    )
    assert not [f for f in findings if f.severity.value != "info"]


def test_a_lone_qizhong_part_over_its_total_right_before_it_is_an_error(tmp_path):
    """Failed before (probe of 衡阳 p8 with 4389.86 → 2000.00): a 其中 with one part was never compared with its total."""
    n02 = _n02(_report(tmp_path, HENGYANG_P8.replace("4389.86", "2000.00")))
    errors = [f for f in n02 if f.severity.value == "error"]
    assert len(errors) == 1
    assert (
        "局机关总支出" in errors[0].message
        and "2994.57万元" in errors[0].message
        and "2000.00万元" in errors[0].message
    )
    findings = _report(
        tmp_path,
        HENGYANG_P8.replace("1754.89万元", "1877.49万元"),  # as published but agreeing: 2994.57 ≤ 4389.86
        # the lone part not right after the total: which total the 其中 opened is less sure
        "本年支出480万元，结余20万元，其中基本支出300万元。",
        "收入100万元，其中财政拨款约100万元。",  # equal at most: no finding
    )
    assert not [f for f in findings if f.severity.value != "info"]
