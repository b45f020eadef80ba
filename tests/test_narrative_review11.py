"""Narrative review 11 (issues 11/12, session 11): an adversarial review of the N-code checks added this session —
false 错误, baseless 警告 on consistent text, silenced contradictions. Each test named "failed before" was run against
main before its fix and failed as its docstring says.

1. Where a 其中 list ends. "A项目50万元,其中设备30万元,B项目50万元,合计100万元" read B项目 and the 合计 as parts of A项目
   (30 + 50 + 100 > 50: an N02 错误) — an 错误 resting on where the list was guessed to end. Now the end is read, not
   guessed (perfxl.document.facts._list_goes_on): a sum word closes the run and is never one more part, and the last
   parts that make it with the amounts before the 其中 are that run's; an amount named as a sibling of the total (A项目 …
   B项目, A镇 … B镇) goes back to the total's own list. Where nothing settles it — a sum word no reading makes, or a part's
   own 其中 list (nested) — an exceeding list is a 警告 saying the end was read by place (funds_arith._end_by_place),
   unless its first part alone exceeds the total (certain wherever the list ends).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from report_helpers import report_findings as _report


def _n02(findings):
    return [(f.severity.value, f.message) for f in findings if f.code == "N02"]


def _above_info(findings):
    return [(f.code, f.severity.value, f.message) for f in findings if f.severity.value in ("warning", "error")]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("A项目50万元,其中设备30万元,B项目50万元,合计100万元。", id="sibling-then-sum"),
        pytest.param("A项目50万元,其中设备30万元,B项目50万元,共计100万元。", id="sibling-then-gongji"),
        pytest.param("A项目50万元,其中设备30万元,B项目50万元。", id="sibling-no-sum"),
        pytest.param("修建道路50万元,其中购置材料30万元,安装路灯50万元,合计100万元。", id="sum-closes-run"),
        pytest.param("下达资金100万元,其中A镇50万元,其中设备30万元,B镇50万元。", id="nested-sibling"),
        pytest.param("下达资金100万元,其中道路50万元,其中设备30万元,绿化50万元。", id="nested-outer-agrees"),
        pytest.param("下达资金100万元，其中A镇50万元，其中设备30万元、材料10万元，B镇50万元。", id="nested-two-parts"),
    ],
)
def test_a_list_whose_end_makes_the_text_agree_stays_quiet(tmp_path, text):
    """Failed before: an N02 错误 (B项目/B镇/绿化 and the 合计 read as parts of the total before them)."""
    assert _above_info(_report(tmp_path, text)) == []


def test_a_sum_no_reading_makes_is_a_warning_on_the_sum(tmp_path):
    """Failed before: an N02 错误 on A项目 (30 + 40 + 100 > 50); the contradiction is the 合计's (50 + 40 = 90)."""
    found = _n02(_report(tmp_path, "A项目50万元,其中设备30万元,B项目40万元,合计100万元。"))
    assert [s for s, _ in found] == ["warning"], found
    assert "90万元" in found[0][1]


def test_a_list_whose_end_is_read_by_place_exceeding_is_a_warning(tmp_path):
    """Failed before: an 错误. 30 + 50 > 50 only if 安装路灯 is 修建道路's part; the 合计 90 closes a run no reading
    makes — so something is wrong, but which list the 50 is in was read by place."""
    findings = [
        f for f in _report(tmp_path, "修建道路50万元,其中购置材料30万元,安装路灯50万元,合计90万元。") if f.code == "N02"
    ]
    assert [f.severity.value for f in findings] == ["warning"], _n02(findings)
    assert "按位置读取" in findings[0].basis


def test_nested_list_no_reading_fits_is_a_warning(tmp_path):
    """Failed before: an 错误. 绿化60万元 is 道路's part (30 + 60 > 50) or the outer list's (50 + 60 > 100): wrong either
    way, but which by place."""
    found = _n02(_report(tmp_path, "下达资金100万元,其中道路50万元,其中设备30万元,绿化60万元。"))
    assert [s for s, _ in found] == ["warning"], found


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("A项目50万元,其中设备60万元,B项目50万元,合计100万元。", id="first-part-alone"),
        pytest.param("下达资金100万元,其中道路50万元,其中设备60万元,绿化50万元。", id="nested-first-part"),
        pytest.param("总支出100万元,其中基本支出60万元,项目支出50万元。", id="no-cue"),
        pytest.param("总支出100万元,其中基本支出60万元,项目支出50万元,合计110万元。", id="sum-confirms-list"),
        # the sum is the amounts outside the list (30 + 40): it says nothing of where the list ends
        pytest.param("A项目30万元,其中设备20万元、安装15万元;B项目40万元;合计70万元。", id="sum-of-the-others"),
    ],
)
def test_a_list_certainly_beyond_its_total_keeps_its_error(tmp_path, text):
    """Guard: the first part alone beyond the total, a list nothing may end early, a sum that the parts make (confirming
    where the list ends) — still an 错误."""
    assert "error" in [s for s, _ in _n02(_report(tmp_path, text))]


# ---------------------------------------------------------------- 2. consistent rephrasings that were called wrong


@pytest.mark.parametrize(
    "text",
    [
        # an approximate total or part: 约/近/左右 say the figure is not exact
        pytest.param("下达资金约120万元,其中中央资金80万元,省级资金42万元。", id="about-total"),
        pytest.param("下达资金120万元左右,其中中央资金80万元,省级资金41万元。", id="total-or-so"),
        # a bound, not a figure the parts must make
        pytest.param("全年支出超过100万元,其中设备采购60万元,人员培训45万元。", id="more-than"),
        pytest.param("下达资金120万元以上,其中中央资金80万元,省级资金45万元。", id="or-above"),
        pytest.param("下达资金120万元,其中中央资金80万元,省级资金40万元以上。", id="part-or-above"),
        # a 其中 inside brackets in the figure's own clause is that figure's list; the list after it is not opened
        pytest.param("A县93万元（其中中央资金50万元），B县52万元，C县92万元，D县10万元。", id="bracket-qizhong"),
        pytest.param("A县93万元(其中中央资金50万元),B县52万元,C县92万元,共计237万元。", id="bracket-qizhong-sum"),
        # a change after a sum keeps the sum's subject: it is no sum of the amounts before it
        pytest.param("A县93万元,B县52万元,C县92万元,共计237万元,比上年增加37万元,增长18.5%。", id="change-after-sum"),
        # a rate between the amounts is none of the amounts summed
        pytest.param(
            "A镇10个村,每村4400元,计4.4万元;B镇5个村,每村4400元,计2.2万元,合计6.6万元。", id="per-unit-between"
        ),
    ],
)
def test_a_consistent_rephrasing_is_quiet(tmp_path, text):
    """Failed before: an N02 错误 (约/左右/超过/以上 read as exact figures; the bracket's 其中 left open after it so B县…
    D县 were A县's parts) or an N02 警告 (the change 37万元 and the rates 4400元 read as amounts of the 合计)."""
    assert _above_info(_report(tmp_path, text)) == []


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        pytest.param("下达资金约120万元,其中中央资金80万元,省级资金60万元。", "warning", id="about-total-far-off"),
        pytest.param("下达资金不足100万元,其中中央资金80万元,省级资金45万元。", "error", id="less-than"),
        pytest.param("A县93万元（其中中央资金100万元），B县52万元。", "error", id="bracket-part-exceeds"),
        pytest.param(
            "A县93万元(其中中央资金50万元),B县52万元,C县92万元,共计247万元。", "warning", id="bracket-sum-off"
        ),
        pytest.param(
            "A镇10个村,每村4400元,计4.4万元;B镇5个村,每村4400元,计2.2万元,合计7.6万元。",
            "warning",
            id="per-unit-sum-off",
        ),
    ],
)
def test_the_same_shapes_contradicting_are_found(tmp_path, text, severity):
    """Guard: the readings above do not silence a contradiction — an approximate total far from its parts is a 警告 (how
    wide 约 is is read, so never an 错误); an upper bound the parts pass is certain."""
    assert [s for s, _ in _n02(_report(tmp_path, text))] == [severity]


# ---------------------------------------------------------------- 3. contradictions that were silent


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "道路硬化投入60万元,路灯安装投入30万元,绿化美化投入30万元,三项合计130万元。", id="three-items-sum"
        ),
        pytest.param("道路硬化投入60万元,路灯安装投入30万元,绿化美化投入30万元,上述合计130万元。", id="above-sum"),
        pytest.param("项目资金120万元,已支出108万元,预算执行率80%。", id="project-money-base"),
    ],
)
def test_a_contradiction_once_silent_is_a_warning(tmp_path, text):
    """Failed before: no finding — "三项合计"/"上述合计" were no sum words (only 合计/两项合计/二者合计/以上合计), and a bare
    项目资金 was no base for the rate after its spending (only 项目资金共/资金总额)."""
    assert [s for s, _ in _n02(_report(tmp_path, text))] == ["warning"]


@pytest.mark.parametrize(
    "text",
    [
        "道路硬化投入60万元,路灯安装投入30万元,绿化美化投入30万元,三项合计120万元。",
        "项目资金120万元,已支出108万元,预算执行率90%。",
        "项目资金120万元,截至目前已拨付108万元,拨付率90%。",
    ],
)
def test_those_agreeing_stay_quiet(tmp_path, text):
    assert _above_info(_report(tmp_path, text)) == []


# ---------------------------------------------------------------- 4. a 一级指标's points in the text (N01) — 贵池 棠溪 2022


def _guichi_with(tmp_path, sentence: str):
    """The 贵池 棠溪 委托业务 2022 report (its 自评表: 产出指标(50分), rows' 得分 50; 效益指标(30分), 得分 30) with
    `sentence` as one more paragraph: the findings at it."""
    import copy
    import tomllib

    from test_document_realreport import build_docx

    from perfxl.model import TextRef
    from perfxl.validate import validate_file

    path = Path(__file__).resolve().parent / "realworld" / "reports" / "anhui-guichi-tangxi-weituo-2022.toml"
    fixture = copy.deepcopy(tomllib.loads(path.read_text(encoding="utf-8")))
    fixture["paragraphs"].append(sentence)
    build_docx(fixture, tmp_path / "report.docx")
    result = validate_file(tmp_path / "report.docx")
    at = len(fixture["paragraphs"])
    return [
        (f.code, f.severity.value)
        for f in result.findings
        if isinstance(f.ref, TextRef) and f.ref.paragraph == at and f.severity.value != "info"
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("产出指标中数量指标得分8分,质量指标得分16分。", id="second-level-inside"),
        pytest.param("2021年产出指标得分45分,2022年产出指标得分50分。", id="another-year"),
        pytest.param("上年产出指标得分45分。", id="last-year"),
    ],
)
def test_group_points_of_another_indicator_or_year_are_quiet(tmp_path, sentence):
    """Failed before: an N01 警告 ("产出指标…得分8分" read as the 产出指标 group's score; 2021's/上年's 45分 against this
    table's 50)."""
    assert _guichi_with(tmp_path, sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("产出指标满分为50分,得分为45分。", id="weight-then-score"),
        pytest.param("产出指标(50分)得45分。", id="bracketed-weight-then-score"),
        pytest.param("按照评分标准,产出指标50分,实际得分45分。", id="rule-then-score"),
    ],
)
def test_a_groups_score_after_its_weight_is_held_to_the_table(tmp_path, sentence):
    """Failed before: no finding — the 50 agreed with the weight, and the score in the next words was not read."""
    assert _guichi_with(tmp_path, sentence) == [("N01", "warning")]


@pytest.mark.parametrize(
    "sentence",
    [
        "产出指标满分为50分,得分为50分。",
        "产出指标(50分)得50分。",
        "产出指标分值50分,得分50分;效益指标分值30分,得分30分。",
        "2022年产出指标得分50分。",
        "產出指標得分50分,效益指標得分30分。",
    ],
)
def test_those_agreeing_stay_quiet_too(tmp_path, sentence):
    assert _guichi_with(tmp_path, sentence) == []


# ---------------------------------------------------------------- 5. counted names (N05)


def _n05(findings):
    return [f.severity.value for f in findings if f.code == "N05"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "共10个项目,其中3个项目资金执行率100%,剩余A、B项目99%,C项目97%,D项目96%,E项目95%,F项目94%,G项目93%。",
            id="two-names-one-rate",
        ),
        pytest.param(
            "共10个项目,其中3个项目资金执行率100%,2个项目资金执行率99%,剩余A项目97%,B项目96%,C项目95%,D项目94%,E项目93%。",
            id="two-counted-parts",
        ),
    ],
)
def test_a_remainder_list_read_whole_stays_quiet(tmp_path, text):
    """Failed before: an N05 警告 — "A、B项目99%" counted one name, and the rest counted as 10 − 3 with the 2 before it
    left out."""
    assert _above_info(_report(tmp_path, text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "共10个项目,其中3个项目资金执行率100%,2个项目资金执行率99%,剩余A项目97%,B项目96%,C项目95%,D项目94%。",
        "共10个项目,其中3个项目资金执行率100%,剩余A、B项目99%,C项目97%,D项目96%,E项目95%。",
    ],
)
def test_a_remainder_list_short_of_its_count_is_still_found(tmp_path, text):
    assert _n05(_report(tmp_path, text)) == ["warning"]


def test_names_with_bracketed_counts_before_their_count_are_counted(tmp_path):
    """Failed before: no finding — "临城镇(3个村)" ended the list at its bracket's 3, and a name holding a digit was
    dropped; now the bracket is the name's (临城 2021's own shape, with 4 for 3)."""
    text = "项目涉及临城镇(3个村)、黑城镇(2个村)、郝庄镇(4个村)4个乡镇。"
    assert _n05(_report(tmp_path, text)) == ["warning"]
    assert _above_info(_report(tmp_path, text.replace("4个乡镇", "3个乡镇"))) == []


# ---------------------------------------------------------------- 6. an item's rate is not the 自评表's (seed report)


def _seed(tmp_path, sentence):
    from report_helpers import seed_report_findings

    return [(f.code, f.severity.value) for f in seed_report_findings(tmp_path, sentence) if f.severity.value != "info"]


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param(
            "“三公”经费预算20000元，实际支出1.11万元，结余0.89万元，执行率55.66%。", id="rate-after-remainder"
        ),
        pytest.param("“三公”经费执行率55.66%。", id="item-named-rate"),
    ],
)
def test_an_items_rate_is_not_held_to_the_funds_table(tmp_path, sentence):
    """Failed before: an N01 错误 — the “三公”经费's 55.66% against the 自评表's 全年执行数 / 全年预算数 (100%): the 结余
    after the spending hid the spending the rate is of, and a rate named after the item was not known as the item's."""
    assert _seed(tmp_path, sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("“三公”经费预算20000元，实际支出1.11万元，结余0.89万元，执行率65%。", id="after-remainder"),
        pytest.param("“三公”经费预算2万元，实际支出1.11万元，执行率65%。", id="guard"),
    ],
)
def test_an_items_wrong_rate_is_said_against_its_own_figures(tmp_path, sentence):
    """Failed before (after-remainder): an N01 错误 saying 100% (the funds table's); the rate is the “三公”经费's,
    1.11 / 2 = 56% (N02, paired by place)."""
    assert _seed(tmp_path, sentence) == [("N02", "warning")]


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("“三公”经费预算2万元，其中公务接待费2万元，实际支出1.11万元，执行率55.66%。", id="budget-part"),
        pytest.param("全县共有规模工业企业320家，其中2023年新增20家。", id="stock-in-the-words"),
    ],
)
def test_a_budgets_part_and_a_stock_are_quiet(tmp_path, sentence):
    """Failed before: an N01 错误 (公务接待费 2万元, a part of the 预算, held to the 决算数 11131.84元) and an N01 警告
    (全县共有…320家, a stock, paired by name with the 新进规模企业 indicator: 共有 was read only in the subject)."""
    assert _seed(tmp_path, sentence) == []


def test_a_budgets_part_is_held_to_the_budget(tmp_path):
    """Guard: the part read as a budget is still compared — with the 预算数 (20000元)."""
    found = _seed(tmp_path, "“三公”经费预算2万元，其中公务接待费3万元，实际支出1.11万元，执行率55.66%。")
    assert ("N01", "error") in found


def test_another_years_amount_is_no_part_of_this_years_total(tmp_path):
    """Failed before: an N02 错误 (93 + 200 > 237) — 2022's 200万元 read as one more 其中 part of 2023's 237万元."""
    text = "2023年下达资金237万元,其中A县93万元;2022年下达资金200万元,其中A县100万元。"
    assert _above_info(_report(tmp_path, text)) == []
    wrong = "2023年下达资金237万元,其中A县93万元;2022年下达资金200万元,其中A县300万元。"
    assert [s for s, _ in _n02(_report(tmp_path, wrong))] == ["error"]  # 2022's own part beyond 2022's total


def test_a_sum_closing_a_qizhong_list_is_held_to_its_parts(tmp_path):
    """Failed before this review's first fix as an 错误 for the wrong reason (the 合计 read as one more part: 7177 + 2087 +
    9365 > 9265), and after it silent: the sum no longer a part was compared with nothing. Now the 合计 right after a
    其中 list sums that list (警告: which amounts a sum adds up is read by place). 云南 航空消防 2022 p9, 9265 → 9365."""
    stem = "实际执行9265.353442万元,项目执行率88.74%。其中中央补助飞行经费执行7177.373442万元,省级财政配套资金执行2087.98万元,"
    assert [s for s, _ in _n02(_report(tmp_path, stem + "合计9365.353442万元。"))] == ["warning"]
    assert _above_info(_report(tmp_path, stem + "合计9265.353442万元。")) == []


def test_a_sums_expected_figure_keeps_the_decimals_of_its_parts_in_its_unit(tmp_path):
    """Failed before: "应为 84万元" — 620000元 + 16万元 + 64700元 is 84.47万元, shown at the 元 figures' 0 decimals."""
    text = "2023年度省级拨付我区农机购置补贴资金620000元,中央拨付16万元.上年度结余的资金64700元,共计94.47万元。"
    [(severity, message)] = _n02(_report(tmp_path, text))
    assert severity == "warning" and "84.47万元" in message


def test_a_sum_whose_run_begins_in_the_paragraph_before_is_quiet(tmp_path):
    """Failed before: an N02 警告 (52 + 25 ≠ 170) — the paragraph before ends mid-sentence ("…93万元,": a paragraph
    broken at a page or a pasted line), so the run the 共计 closes may begin there. After a 。 it is still judged."""
    broken = _report(tmp_path, "分配至无为市93万元,", "南陵县52万元,繁昌区25万元,共计170万元。")
    assert _above_info(broken) == []
    ended = _report(tmp_path, "分配至无为市93万元。", "南陵县52万元,繁昌区25万元,共计170万元。")
    assert [s for s, _ in _n02(ended)] == ["warning"]
