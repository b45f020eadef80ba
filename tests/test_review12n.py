"""Review of session 12's narrative readings (review12n, 2026-12-05): consistent rephrasings and single contradictions
in county phrasing against reports12's 其中 dimensions and carried totals, narr12's count splits (count_parts), 支出率
over the money of the sentence before and stated changes (stated_changes), and review12's narrative changes. Tests
named "failed before" were run against main ecab23e and failed as their docstring says.

Also: the two probes compare each copy's findings with the published run's; a crash (X01) already in the published
run is "before" in every copy and hid any crash of the copies — they now stop on any X01."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from report_helpers import report_findings as _report

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))


def _above_info(findings):
    return sorted((f.code, f.severity.value) for f in findings if f.severity.value != "info")


# ---------------------------------------------------------------- the probes stop on a crash


def _x01():
    return SimpleNamespace(code="X01", ref="p1", message="检查程序内部出错", severity=SimpleNamespace(rank=3))


@pytest.mark.parametrize(("which", "where"), [("", "as published"), ("-probe", "→")])
def test_probe_reports_stops_on_a_crash_in_either_run(monkeypatch, tmp_path, which, where):
    """Failed before: a crash in the published run and in every copy was "before" for each copy, and a crash of a
    copy only counted as an extra finding (or, at 错误 elsewhere, not at all as a crash) — the probe went on."""
    import probe_reports

    real = probe_reports.validate_file

    def crashing(path):
        result = real(path)
        crash = [_x01()] if path.stem.endswith(which) else []
        return SimpleNamespace(findings=[*result.findings, *crash], ok=result.ok)

    monkeypatch.setattr(probe_reports, "validate_file", crashing)
    path = probe_reports.REPORTS / "hubei-longganhu-nongji-butie-2023.toml"
    with pytest.raises(probe_reports.ProbeCrash, match=where):
        probe_reports.probe(path, tmp_path)


def test_probe_defects_stops_on_a_crash_in_the_published_table(tmp_path):
    """Failed before: the published run's X01 was compared away (no ProbeCrash existed)."""
    import probe_defects

    base = SimpleNamespace(findings=[_x01()])
    with pytest.raises(probe_defects.ProbeCrash, match="as published"):
        probe_defects.probe(SimpleNamespace(name="t"), base, None, tmp_path)


def test_probe_rewrites_and_variants_stop_on_a_crash(monkeypatch, tmp_path):
    """The rewrite and variant probes compare verdicts the same way: a crash (X01) stops them, naming the table
    (lead, session 12: before, `probe_rewrites.findings` returned it as one more finding)."""
    import probe_rewrites
    import render

    crashed = SimpleNamespace(findings=[_x01()])
    monkeypatch.setattr(render, "validated", lambda table, out: crashed)
    with pytest.raises(render.ProbeCrash, match="some-table"):
        probe_rewrites.findings(SimpleNamespace(name="some-table"), tmp_path)


# ---------------------------------------------------------------- counts under 其中 read as disjoint (count_parts)


@pytest.mark.parametrize(
    "text",
    [
        "全年共帮扶困难群众6户，其中贫困户5户、低保户4户。",  # one household both
        "共帮扶6户（其中贫困户5户、低保户4户）。",
        "共安置公益性岗位120人，其中脱贫人口80人、监测对象50人。",
        "共有农村危房改造对象40户，其中建档立卡贫困户25户、低保户12户、分散供养特困人员8户。",
        "慰问困难党员和群众60人，其中困难党员25人、老党员40人。",  # both 党员: no class tells them apart
    ],
)
def test_overlapping_statuses_of_households_and_people_are_not_summed(tmp_path, text):
    """Failed before: N02 警告 '超过了总数' — 贫困户, 低保户, 特困, 监测对象 are statuses one household may hold together
    (民政 救助 and 乡村振兴 监测 lists overlap by design), as 困难党员 and 老党员 are two attributes of 党员."""
    assert _above_info(_report(tmp_path, text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "共培训农民100人，其中男性60人、女性50人。",
        "共救助困难群众60人，其中城市低保对象35人，农村低保对象30人。",  # 城市 / 农村 tell them apart
        "涉及村12个，其中贫困村8个、非贫困村6个。",  # X and 非X
    ],
)
def test_classes_of_one_dimension_still_add_up(tmp_path, text):
    assert _above_info(_report(tmp_path, text)) == [("N02", "warning")]


@pytest.mark.parametrize(
    "text",
    [
        "全县共有养老服务机构12家，其中公办8家、民办4家，其中医养结合机构5家。",  # a second 其中: another split
        "共实施项目10个（涉及乡镇5个、村8个）。",  # places the projects reach, not kinds of project
        "共实施项目10个，其中涉及乡镇5个、村8个。",
        "共建成示范基地5个（其中省级示范基地3个、市级示范基地4个，部分基地同时获评省级和市级）。",  # said to overlap
    ],
)
def test_counts_of_another_split_or_of_other_things_are_not_summed(tmp_path, text):
    """Failed before: N02 警告 '超过了总数' on each (a second 其中 summed with the first; places summed under a count of
    projects; categories the sentence itself says overlap)."""
    assert _above_info(_report(tmp_path, text)) == []


@pytest.mark.parametrize(
    "text",
    ["局机关现有人员187人（2019年为180人，2020年为187人）。", "局机关现有人员187人（2019年180人、2020年187人）。"],
)
def test_a_count_restated_by_year_is_no_split(tmp_path, text):
    """Failed before: N02 警告 '180人 + 187人 超过了总数' — the bracket gives the count at two dates, not its parts."""
    assert _above_info(_report(tmp_path, text)) == []


def test_a_count_summed_over_years_is_still_split(tmp_path):
    assert _above_info(_report(tmp_path, "共培训500人（2019年200人、2020年400人）。")) == [("N02", "warning")]


def test_a_count_in_名_split_in_人_is_summed(tmp_path):
    """Failed before: quiet — "3000名(其中市直属学校1250人,县区学校1850人)": 名 and 人 both count people."""
    text = "2018年继续资助困难新生3000名(其中市直属学校1250人,县区学校1850人),资助款将一次性发放给受助学生。"
    assert _above_info(_report(tmp_path, text)) == [("N02", "warning")]
    assert _above_info(_report(tmp_path, text.replace("1250人", "1150人"))) == []


def test_a_level_past_its_total_after_the_first_two(tmp_path):
    text = "共编制12个绩效目标指标，其中一级指标3个，二级指标9个，三级指标15个。"
    assert _above_info(_report(tmp_path, text)) == [("N02", "warning")]


# ---------------------------------------------------------------- money: 其中 of another year's whole, a class's part


@pytest.mark.parametrize(
    "paragraphs",
    [
        ("2020年收入1200万元，2019年收入1000万元，其中2020年财政拨款收入1100万元，其他资金100万元。",),
        ("2020年度收入1200万元，支出1000万元，其中：财政拨款收入1100万元，其他收入100万元。",),
        ("2020年度收入1200万元，支出1000万元。", "其中：财政拨款收入1100万元，其他收入100万元。"),  # carried
        ("全年下达资金100万元，实际支出95万元。其中：中央资金60万元，省级资金40万元。",),
        ("项目总投资1500万元，本年完成投资1000万元。", "其中：中央资金600万元，地方配套900万元。"),
    ],
)
def test_a_qizhong_making_an_earlier_whole_is_not_judged_against_the_nearest(tmp_path, paragraphs):
    """Failed before: N02 错误 '超过了总数' — the 其中 was read under the nearest figure (支出, 2019's, 完成投资) though
    its parts make the earlier whole beside it (收入, 2020's, 下达资金, 总投资); a paragraph opening with 其中 carried the
    previous paragraph's last figure though another stood beside it in its sentence."""
    assert _above_info(_report(tmp_path, *paragraphs)) == []


@pytest.mark.parametrize(
    "text",
    [
        "2020年度收入1200万元，支出1000万元，其中基本支出700万元，项目支出500万元。",  # 支出's own decomposition
        "2020年度收入1200万元，支出1000万元，其中：财政拨款收入1150万元，其他收入100万元。",  # beyond every whole
    ],
)
def test_a_qizhong_making_no_earlier_whole_is_still_judged(tmp_path, text):
    assert _above_info(_report(tmp_path, text)) == [("N02", "error")]


def test_a_part_within_a_class_does_not_name_the_class(tmp_path):
    """Failed before: N02 警告 '少于总数' (基本支出与项目支出合为全部支出) — "项目支出中的专项资金" is part of 项目支出."""
    text = "2020年度支出合计1000万元，其中基本支出600万元，项目支出中的专项资金300万元。"
    assert _above_info(_report(tmp_path, text)) == []


# ---------------------------------------------------------------- stated changes; names before 等…个


def test_an_amount_added_is_no_level_a_change_is_measured_to(tmp_path):
    """Failed before: N02 警告 '应为 -80万元' — the 追加预算 20万元 is the change itself, not the budget after it."""
    text = "年初预算100万元，追加预算20万元，比年初预算增加20万元。"
    assert _above_info(_report(tmp_path, text)) == []
    assert _above_info(_report(tmp_path, "年初预算100万元，调整预算120万元，比年初预算增加30万元。")) != []


def test_more_names_before_等_than_the_count_after_it(tmp_path):
    """Failed before: quiet — "A、B、C、D、E等4个内设机构": 等 may leave names out, never name more than the count."""
    text = "内设办公室、政治处、研究室、离退办、计财科等4个内设机构。"
    assert _above_info(_report(tmp_path, text)) == [("N05", "warning")]
    assert _above_info(_report(tmp_path, text.replace("、计财科", ""))) == []


# ---------------------------------------------------------------- 支出率 over a sentence before; a 用于 list after a part


@pytest.mark.parametrize(
    "text",
    [
        "累计下达资金500万元。本年实际支出180万元，支出率为90%。",
        "2021年下达资金300万元。2022年实际支出180万元，支出率为90%。",
    ],
)
def test_a_spending_rate_is_not_read_over_money_of_another_period(tmp_path, text):
    """Failed before: N02 警告 '应为 36%' / '应为 60%' — the one money figure a sentence before was taken as the base
    though it is cumulative, or another year's."""
    assert _above_info(_report(tmp_path, text)) == []


def test_a_spending_rate_over_the_year_s_money_a_sentence_before_is_still_held(tmp_path):
    text = "2022年下达资金200万元。截至2022年12月31日，实际支出180万元，支出率为80%。"
    assert _above_info(_report(tmp_path, text)) == [("N02", "warning")]


def test_uses_after_a_part_that_make_the_whole_are_no_error(tmp_path):
    """Failed before: N02 错误 '中央资金 70 + 30 超过了总数 60' — the uses may be the whole's (100万元), which they make."""
    text = "项目资金100万元，其中中央资金60万元，用于设备购置70万元、培训30万元。"
    assert _above_info(_report(tmp_path, text)) == []


# ---------------------------------------------------------------- X and 非X


def test_a_count_in_a_bracket_is_not_the_total_an_x_and_non_x_list_splits(tmp_path):
    """Failed before: N02 错误 '审判业务部门 14个 + 非审判业务部门 4个 超过了总数…文字写 2个' — the 2 is the bracket's
    detail of the 20, not the count the list after 分别是 splits."""
    text = "共有20个内设机构（含派出法庭2个），分别是：审判业务部门14个，非审判业务部门4个。"
    assert _above_info(_report(tmp_path, text)) == []
    assert _above_info(_report(tmp_path, "共有18个内设机构，分别是：审判业务部门14个，非审判业务部门5个。")) == [
        ("N02", "error")
    ]


def test_a_third_part_beside_x_and_non_x_falls_in_one_of_them(tmp_path):
    """Failed before: N02 警告 '90 + 40 + 10 超过了总数 120人' (and said 括号内 of a 其中 list) — 政法编制 and 非政法编制
    are the whole, so 聘用制书记员 is counted again in one of them."""
    text = "全院共有干警130人，其中：政法编制人员90人，非政法编制人员40人，聘用制书记员10人。"
    assert _above_info(_report(tmp_path, text)) == []
    found = _report(tmp_path, text.replace("聘用制书记员10人", "").replace("130人", "120人").rstrip("，。") + "。")
    assert _above_info(found) == [("N02", "warning")] and "“其中”" in found[0].message


# ---------------------------------------------------------------- a change or a restated figure inside a 其中 list


def test_a_change_and_a_restated_part_are_no_parts(tmp_path):
    """Failed before (already at session 11): N02 错误 '60 + 65 + 5 超过了总数 120万元' — "调整为65万元" restates the
    基本支出's 60万元 and "比年初预算增加5万元" is their difference; neither is a part of the 调整预算."""
    text = "部门年初预算100万元，调整预算120万元，其中基本支出年初预算60万元，调整为65万元，比年初预算增加5万元。"
    assert _above_info(_report(tmp_path, text)) == []


def test_a_list_with_a_trailing_change_is_still_summed(tmp_path):
    text = "支出合计1000万元，其中基本支出700万元，项目支出400万元，比年初预算增加100万元。"
    assert _above_info(_report(tmp_path, text)) == [("N02", "error")]


@pytest.mark.parametrize(
    "text",
    [
        "下设办公室、财务科、业务科、信息科等3个以上股室。",
        "内设办公室、财务科、业务科、信息科等3类机构。",
        "下设办公室、财务科、业务科、信息科等3个二级单位和5个股室。",
        "涉及城关镇、南关镇、北关镇、西关镇等乡镇3个村。",
    ],
)
def test_names_before_等_counted_another_way_are_not_held_to_the_count(tmp_path, text):
    """A guard on this review's 等…个 reading (its first version gave N05 on each): a bound (以上), kinds (类), a count
    of two nouns, or a noun after 等 that the count does not count."""
    assert _above_info(_report(tmp_path, text)) == []
