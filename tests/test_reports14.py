"""Real reports 14 (issue 12, session 14): six published 决算 / 三公 texts perfxl had never seen (tests/realworld/reports:
寿县文物保护中心 2023 三公 决算 with its own 决算表 (安徽), 罗湖区审计局 2024 三公 (广东 深圳), a 四川 unit's 2022 单位决算
(天府旅游名县), a 梧州 军休 unit's 2021 决算 (广西), 潼南 玉溪镇 2022 (重庆), 渠县 农技中心 2024 (四川)), measured blind.

First run (blind): found 0 of 4, no false 错误, no false 警告 on the 13 agreeing facts — no narrative finding at all. The
misses: 寿县's 三公 决算表 (合计 │ 公务接待费 │ 公务用车 carry figures, 因公出国 and the 其中 lines are blank) was not read
(LAYOUT_NO_TABLE), its narrative's "…2023年度一般公共预算财政拨款“三公”经费" named no claim, "完成预算的43%" of 1.71 / 3 agreed
through a budget of 3.98 printed 3, two shares "占69%"/"占31%" had no total in their paragraph, and "收、支总计各是4125.49,
4143.91万元…各减少1267.86,2570.97万元,各下降23.51%、38.28%" (the 四川 template) was not read as lists. Tests named
"failed before" were run against the branch before the fix and failed as their docstring says.
"""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path

from report_helpers import report_findings as _report
from test_document_realreport import build_docx

from perfxl.document.facts import extract_facts
from perfxl.grid import Grid
from perfxl.layout.three_public import read_three_public
from perfxl.model import TextRef
from perfxl.validate import validate_file

REPORTS = Path(__file__).resolve().parent / "realworld" / "reports"
SHOUXIAN = tomllib.loads((REPORTS / "anhui-shouxian-wenbao-sangong-2023.toml").read_text(encoding="utf-8"))
TIANFU_P3 = tomllib.loads((REPORTS / "sichuan-tianfulvyou-danwei-juesuan-2022.toml").read_text(encoding="utf-8"))[
    "paragraphs"
][2]


def _above_info(findings):
    return sorted((f.code, f.severity.value) for f in findings if f.severity.value != "info")


def _fixture_findings(tmp_path, fixture):
    path = tmp_path / "report.docx"
    build_docx(fixture, path)
    result = validate_file(path)
    assert result.ok, result.error
    return result.findings


def _at(findings, paragraph):
    return sorted(
        (f.code, f.severity.value)
        for f in findings
        if isinstance(f.ref, TextRef) and f.ref.paragraph == paragraph and f.severity.value != "info"
    )


def _with(paragraph: int, old: str, new: str) -> dict:
    fixture = copy.deepcopy(SHOUXIAN)
    text = fixture["paragraphs"][paragraph - 1]
    assert old in text
    fixture["paragraphs"][paragraph - 1] = text.replace(old, new)
    return fixture


# ---------------------------------------------------------------- a 三公 table whose bare 合计 carries the figures


def test_a_three_public_table_with_two_items_and_its_total_is_read():
    """Failed before: None — only 公务接待费 and 公务用车 carry figures (因公出国 and the 其中 lines are blank), and the bare
    合计 was not counted among the items, so the table was not read (LAYOUT_NO_TABLE on the report)."""
    got = read_three_public(Grid("表1", [list(r) for r in SHOUXIAN["tables"][0]["rows"]]))
    assert got is not None
    rows = {row.key: (row.budget.text, row.final.text) for row in got[0].rows}
    assert rows["three_public"] == ("3", "1.71")
    assert rows["reception"] == ("1", "0.53")
    assert rows["car"] == ("2", "1.18")


def test_a_count_is_never_compared_with_a_unitless_three_public_table(tmp_path):
    """Failed before (with the table read): an N01 警告 "公务接待费 为 100人次，而…决算数为 0.53（即 0.53人次）" — the
    table prints no unit, and the unit nearest the text's was taken even for a count."""
    assert _at(_fixture_findings(tmp_path, SHOUXIAN), 9) == [("N02", "warning")]  # the 47%, not the 100人次


def test_the_units_name_and_year_before_an_item_leave_its_claim():
    """Failed before: claim '' — the subject "安徽省寿县文物保护中心2023年度一般公共预算三公经费" is no claim's exact name."""
    facts = extract_facts(SHOUXIAN["paragraphs"][5]).facts
    assert {f.claim for f in facts} == {"three_public"}
    assert extract_facts("寿县某中心2023年度公务接待费0.5万元。").facts[0].claim == "reception"
    assert extract_facts("项目2023年度绩效目标完成率100%。").facts[0].claim == ""


# ---------------------------------------------------------------- the published report: each wrong figure found


def test_the_published_report_finds_each_wrong_rate(tmp_path):
    """Failed before: no finding. 完成预算的43% (1.71 / 3 = 57%) and 47% (0.53 / 1 = 53%): 警告 (whole budgets read as
    exact); 占69% / 占31% against the table's 0.53 / 1.71 = 30.99% and 1.18 / 1.71 = 69.01%: N01 错误."""
    findings = _fixture_findings(tmp_path, SHOUXIAN)
    assert _at(findings, 6) == [("N02", "warning")]
    assert _at(findings, 8) == [("N01", "error"), ("N01", "error")]
    assert _at(findings, 9) == [("N02", "warning")]
    assert [f for f in findings if f.severity.value != "info" and not isinstance(f.ref, TextRef)] == []


def test_right_rates_and_shares_stay_quiet(tmp_path):
    fixture = _with(6, "完成预算的43%", "完成预算的57%")
    shares = fixture["paragraphs"][7].replace("占31%。", "占69%。").replace("占69%;", "占31%;")
    fixture["paragraphs"][7] = shares
    fixture["paragraphs"][8] = fixture["paragraphs"][8].replace("完成预算的47%", "完成预算的53%")
    assert "占31%;" in shares and "占69%。" in shares
    findings = _fixture_findings(tmp_path, fixture)
    assert [f for f in findings if f.severity.value != "info"] == []


def test_a_completion_rate_through_a_cut_budget_is_a_warning(tmp_path):
    """Failed before: quiet — 1.71 / 3 = 57%, but "3万元" may be any value from 2.5 to 4 (rounded or cut), and 1.71 / 3.98
    = 43%. Read as precise as the 1.71 beside it, the rate is 57%: a 警告 that says so. 57% is quiet, 60% an 错误."""
    text = "本单位2023年度“三公”经费支出预算为3万元,支出决算为1.71万元,完成预算的43%。"
    found = [f for f in _report(tmp_path, text) if f.severity.value != "info"]
    assert _above_info(found) == [("N02", "warning")]
    assert "57%" in found[0].message
    assert _above_info(_report(tmp_path, text.replace("43%", "57%"))) == []
    assert _above_info(_report(tmp_path, text.replace("43%", "70%"))) == [("N02", "error")]


def test_a_completion_rate_of_figures_printed_alike_is_judged_as_before(tmp_path):
    """Both amounts whole: 27 / 30 = 90%, and 91% agrees through 27.4 / 30.1 — quiet, as before (no finer step printed)."""
    assert _above_info(_report(tmp_path, "公务接待费预算30万元,支出决算27万元,完成预算的91%。")) == []


def test_a_share_stated_with_its_own_total_stays_the_paragraphs(tmp_path):
    """A share whose paragraph prints its total (其中…占) is judged there (N02), not again against a table."""
    fixture = copy.deepcopy(SHOUXIAN)
    fixture["paragraphs"][7] = (
        "“三公”经费支出决算1.71万元,其中:公务接待费支出决算0.53万元,占31%;公务用车购置及运行维护费支出决算1.18万元,占69%。"
    )
    assert _at(_fixture_findings(tmp_path, fixture), 8) == []


# ---------------------------------------------------------------- 各: the 四川 决算 说明's parallel lists


def test_a_rate_cut_in_a_respective_list_is_a_warning(tmp_path):
    """Failed before: quiet — "4125.49," has no unit, so no figure of the lists was read as an amount. 2570.97 /
    (4143.91 + 2570.97) = 38.2877%: 38.28% is cut, not rounded (警告)."""
    found = [f for f in _report(tmp_path, TIANFU_P3) if f.severity.value != "info"]
    assert _above_info(found) == [("N02", "warning")]
    assert "38.29%" in found[0].message


def test_a_wrong_rate_in_a_respective_list_is_an_error(tmp_path):
    found = _report(tmp_path, TIANFU_P3.replace("23.51%", "25.51%").replace("38.28%", "38.29%"))
    assert _above_info(found) == [("N02", "error")]
    assert "23.51%" in next(f for f in found if f.code == "N02").message


def test_respective_lists_that_agree_stay_quiet(tmp_path):
    text = TIANFU_P3.replace("38.28%", "38.29%")
    assert _above_info(_report(tmp_path, text)) == []
    same = "2024年度收、支总计均为1000万元。与2023年相比,收、支总计各增加100,200万元,各增长11.11%、25%。"
    assert _above_info(_report(tmp_path, same)) == []
    assert _above_info(_report(tmp_path, same.replace("25%", "20%"))) == [("N02", "error")]


# ---------------------------------------------------------------- a change on a named year's 决算数

WUZHOU_P1 = tomllib.loads((REPORTS / "guangxi-wuzhou-junxiu-juesuan-2021.toml").read_text(encoding="utf-8"))[
    "paragraphs"
][0]


def test_a_change_on_a_named_years_final_is_a_change(tmp_path):
    """Failed before: "较2020年度决算数减少175.26万元" was read as last year's figure (role previous), so its rate went
    unjudged (probe: 31% → 34% missed). 175.26 / (390.55 + 175.26) = 30.98%: 31% quiet; 34% fits neither the 其中 part
    nor its total (23.2%): a 警告, as any change right after a 其中 part."""
    facts = extract_facts(WUZHOU_P1).facts
    assert [(f.role, f.direction) for f in facts if f.quantity.text == "175.26万元"] == [("change", -1)]
    assert _above_info(_report(tmp_path, WUZHOU_P1)) == []
    assert _above_info(_report(tmp_path, WUZHOU_P1.replace("下降31%", "下降34%"))) == [("N02", "warning")]


def test_a_completion_rate_restated_in_yuan_keeps_its_verdict(tmp_path):
    """The same figures restated in 元 ("30000元" for "3万元"): a whole 万 in 元 may be the 万元 figure restated (as
    real reports 13 read a sum's), so the 43% is a 警告 as in 万元 — tests/test_realreport_rewrites.py (in_yuan) holds
    the 寿县 report's verdicts alike both ways. Before: an 错误 (30000元 read exact to the 元): a certain finding made a
    judgement for a budget in 元 that is a whole 万."""
    text = "本单位2023年度“三公”经费支出预算为30000元,支出决算为17100元,完成预算的43%。"
    assert _above_info(_report(tmp_path, text)) == [("N02", "warning")]
    assert _above_info(_report(tmp_path, text.replace("43%", "57%"))) == []
