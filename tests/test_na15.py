"""na15: one reading of "this row is declared not applicable" (perfxl.rules.not_applicable) for W02/W04, S12/S15,
T02/T05 and the summary's 总分重算 — three readings before, each taking different marks.

1. The summary's 总分重算 added the 不适用 rows as 0 (85.5 where T05 asks 95; a 吉林 weighted form 89 良 where T05's
   total is 99 优): it now takes T05's rescaled total (填报说明: 不适用指标按比例折算), from the same `rescaled_total`.
2. Rows the readings took differently: "N/A" and a spaced "不 适 用" marked a row for T05 only (W04/W02 and S12/S15 read
   raw 不适用/不涉及 alone: a 0 分值 beside "N/A" was W02's certain 错误); "#N/A", a failed lookup, marked a row for
   T05 (a rescaled 总分 asked of a form with no 不适用 row); a 偏差原因 of "不涉及" alone silenced W04 (a guess: it
   may mean "no deviation") — now W04's 警告 stating it.
3. A basis quoting a text that quotes a word doubled the marks ("其下““三公”经费控制率”", 审核手册's N01 example); the
   messages' own nesting (one pair only) and the bases' now share `perfxl.quoting.nest_quotes`, applied in `Finding`.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import pytest
from rules_helpers import cv, good_evaluation, replace_row, submission

from perfxl.model import Certainty, Severity
from perfxl.validate import recompute_scores, validate_submission

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

COST = 3  # 人均培训成本 │ ≤500元 │ 480元 │ 10 │ 10, under 产出指标 (50)


def _found(ev, *codes):
    return [f for f in validate_submission(submission(ev)) if f.code in codes]


# ---------------------------------------------------------------- 1. the summary's 总分重算


def test_the_summary_takes_t05s_rescaled_total():
    ev = replace_row(good_evaluation(total_score=cv(95, "H19")), COST, target="不适用", actual="不适用", score=0)
    assert _found(ev, "T02", "T05") == []  # 95 = 85.5 / 90 × 100: T05's total, no finding
    total, _ = recompute_scores(ev, None)
    assert total == Decimal("95.00")  # was 85.50, the 不适用 row added as 0


def test_the_summary_of_a_weighted_form_rescales_inside_the_level1(tmp_path):
    from render import validated
    from test_weighted13 import _filled

    na = {"G16": "不适用", "K16": "不适用", "L16": ""}  # 吉林 项目产出's 产出质量 (分值 40 of 100) does not apply
    result = validated(_filled(total="99", changes=na), tmp_path)
    assert not [f for f in result.findings if f.code in ("T02", "T05")]
    assert result.summary.score_computed == Decimal("99.00") and result.summary.grade == "优"  # was 89.00 良
    (output,) = [s for s in result.sections if s.name == "项目产出"]
    assert output.score_computed == Decimal(25)  # its rows' 60 of 60, × 25 (was 15)


def test_the_summary_adds_every_row_where_the_profile_turns_t05_off(tmp_path):
    from perfxl.profiles import load_profile

    toml = tmp_path / "no_t05.toml"
    toml.write_text('name = "no_t05"\nextends = "national"\n[checks.T05]\nenabled = false\n', encoding="utf-8")
    ev = replace_row(good_evaluation(total_score=cv(95, "H19")), COST, target="不适用", actual="不适用", score=0)
    assert recompute_scores(ev, load_profile(toml))[0] == Decimal("85.50")


# ---------------------------------------------------------------- 2. rows the readings took differently


@pytest.mark.parametrize("mark", ["N/A", "不 适 用"])
def test_a_zero_weight_beside_any_marker_is_no_certain_weight_error(mark):
    ev = replace_row(good_evaluation(), COST, target=mark, actual=mark, weight=0, score=0)
    assert _found(ev, "W04") == []  # was a W04 警告 ("两者均未填写")
    (w02,) = _found(ev, "W02")  # 产出指标 50 over rows of 40: the row's points may have been taken out
    assert w02.severity is Severity.WARNING and "“人均培训成本”不适用" in (w02.basis or "")  # was a certain 错误


@pytest.mark.parametrize("mark", ["N/A", "NA", "不 适 用"])
def test_an_actual_marked_not_applicable_is_no_unfilled_row(mark):
    assert _found(replace_row(good_evaluation(), COST, actual=mark), "S12") == []  # scored 10: was S12
    assert _found(replace_row(good_evaluation(), COST, actual=mark, score=None), "S15") == []  # was S15


def test_an_excel_error_value_is_no_marker():
    ev = replace_row(good_evaluation(), COST, actual="#N/A")
    assert _found(ev, "T05") == []  # was T05 asking 95 (the row taken out), on a form with no 不适用 row
    zero = replace_row(good_evaluation(), COST, actual="#N/A", score=0)
    assert all("不适用" not in (f.basis or "") for f in _found(zero, "T02"))


@pytest.mark.parametrize("said", ["不涉及", "不适用"])
def test_a_marker_in_the_deviation_alone_is_a_guess(said):
    """偏差原因 "不涉及" beside a target met (≤500元 │ 480元) and a 0 分值 may say there is no deviation: W04 was silent,
    now a 警告 stating the reading; T05 asks no rescaling on it (it never did)."""
    ev = replace_row(good_evaluation(), COST, weight=0, score=0, deviation=said)
    (w04,) = _found(ev, "W04")
    assert w04.severity is Severity.WARNING and w04.certainty is Certainty.JUDGEMENT
    assert f"偏差原因“{said}”" in (w04.basis or "") and "没有偏差" in (w04.basis or "")
    (w02,) = _found(ev, "W02")
    assert w02.severity is Severity.WARNING and f"仅偏差原因写“{said}”" in (w02.basis or "")
    assert _found(ev, "T05") == []


def test_latin_markers_stay_words_of_their_own_for_every_check():
    ev = replace_row(good_evaluation(), COST, target="完成DNA检测", actual="完成DNA检测", weight=0, score=0)
    assert [f.severity for f in _found(ev, "W04")] == [Severity.ERROR]


# ---------------------------------------------------------------- 3. doubled quotes in a basis


def test_a_basis_quoting_a_text_that_quotes_a_word_nests_single_quotes():
    """W02's basis quoted the row “三公”经费控制率 as "其下““三公”经费控制率”不适用" (the message was nested, the basis
    not: 审核手册's N01 example showed '正文第14段““三公”经费…”'). Every finding's message and basis now nests ‘ ’."""
    ev = replace_row(
        good_evaluation(), COST, name="“三公”经费控制率", target="不适用", actual="不适用", weight=0, score=0
    )
    (w02,) = _found(ev, "W02")
    assert "其下“‘三公’经费控制率”不适用" in (w02.basis or "") and "““" not in (w02.basis or "")


def test_every_finding_nests_its_quotes_once():
    from perfxl.model import Finding

    basis = "正文第14段““三公”经费财政拨款支出预算为3万元”读作“三公经费预算数”= 3万元"
    found = Finding("N01", Severity.ERROR, None, "“‘三公’经费”", basis=basis)
    assert found.basis == "正文第14段“‘三公’经费财政拨款支出预算为3万元”读作“三公经费预算数”= 3万元"
    assert Finding("N01", Severity.ERROR, None, found.message, basis=found.basis) == found  # nesting twice: no change


def test_two_quoted_words_in_one_quotation_both_nest():
    from perfxl.rules.catalogue import spec

    zh, _ = spec("B03").render({"column": "决算数", "row": "“三公”经费与“会议费”合计", "expected": "7", "actual": "10"})
    assert zh == "决算数：“‘三公’经费与‘会议费’合计”应为分项之和 7，表中为 10"  # the old pattern nested one pair only


@pytest.mark.parametrize("text", ["正文“关于“三公经费的说明", "“a”b”", "“甲”，“乙”"])
def test_quotes_that_do_not_pair_or_do_not_nest_are_left_as_printed(text):
    from perfxl.quoting import nest_quotes

    assert nest_quotes(text) == text


def test_a_marker_inside_the_words_of_a_scored_row_is_a_guess_for_w04():
    """ "不涉及违规使用资金" is a target of no violation (review15: not the row's 不适用, T05 does not take it out): its 0
    分值 was silent (W04 read 不涉及 anywhere as 不适用); now a 警告 saying the 年度指标值 names the marker."""
    ev = replace_row(good_evaluation(), COST, target="不涉及违规使用资金", actual="未发生违规", weight=0, score=0)
    (w04,) = _found(ev, "W04")
    assert w04.severity is Severity.WARNING and "年度指标值写有“不适用”一类字样" in (w04.basis or "")
    assert _found(ev, "T05") == []
