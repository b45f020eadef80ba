"""A 其中 split whose words make its dimension certain is held to its total (issue 12, session 12: 梧州 医保局 2024 p3).

"项目21个,项目支出总额656.93万元。其中,本级项目8个,本级项目支出385.58万元;对下转移支付项目0个,对下转移支付0万元": 本级
and 对下转移支付 are a split by level, together the whole (the 广西 部门决算 template) — so 385.58 + 0 short of 656.93万元
and 8 + 0 short of 21个 are said, each a 警告 (the total may hold what the split leaves out: here the 二层单位's projects).
The dimensions are data (vocabulary.SPLIT_DIMENSIONS); a 其中 naming only some classes, or classes of no one dimension,
may be partial and stays quiet as before. Tests named "failed before" were run against main before the change."""

from __future__ import annotations

import tomllib
from pathlib import Path

from report_helpers import report_findings as _report

REPORTS = Path(__file__).resolve().parent / "realworld" / "reports"
WUZHOU_P3 = tomllib.loads((REPORTS / "guangxi-wuzhou-yibaoju-bumen-2024.toml").read_text(encoding="utf-8"))[
    "paragraphs"
][2]


def _above_info(findings):
    return sorted((f.code, f.severity.value) for f in findings if f.severity.value != "info")


def test_the_published_level_split_short_of_its_total_is_found(tmp_path):
    """Failed before: quiet (two 其中 parts were never read as the whole). Now the money and the count: two 警告."""
    found = [f for f in _report(tmp_path, WUZHOU_P3) if f.severity.value != "info"]
    assert _above_info(found) == [("N02", "warning"), ("N02", "warning")]
    assert any("385.58万元" in f.message and "656.93万元" in f.message for f in found)
    assert any("8个" in f.message and "21个" in f.message for f in found)
    assert all("本级与对下转移支付合为全部" in f.basis for f in found)


def test_a_level_split_that_adds_up_stays_quiet(tmp_path):
    text = WUZHOU_P3.replace("本级项目8个", "本级项目21个").replace("385.58万元", "656.93万元")
    assert _above_info(_report(tmp_path, text)) == []


def test_counts_of_a_level_split_above_their_total_are_an_error(tmp_path):
    """Failed before: quiet (其中 counts were never summed). 本级 and 对下 do not overlap: 18 + 5 > 21 is certain."""
    text = (
        WUZHOU_P3.replace("本级项目8个", "本级项目18个")
        .replace("对下转移支付项目0个", "对下转移支付项目5个")
        .replace("385.58万元", "656.93万元")
    )
    assert _above_info(_report(tmp_path, text)) == [("N02", "error")]


def test_one_class_of_a_split_alone_says_nothing(tmp_path):
    """Only 本级 named: the 其中 may list one part, as any 其中."""
    text = "项目21个,项目支出总额656.93万元。其中,本级项目8个,本级项目支出385.58万元。"
    assert _above_info(_report(tmp_path, text)) == []


def test_classes_of_no_one_dimension_stay_quiet(tmp_path):
    """本级 beside 中央资金 (a level and a source): the dimension is unclear, the list may be partial."""
    text = "项目支出总额656.93万元。其中,本级项目支出385.58万元,中央资金100万元。"
    assert _above_info(_report(tmp_path, text)) == []


def test_fiscal_and_other_funds_short_of_their_total_is_a_warning(tmp_path):
    """Failed before: quiet. 财政拨款 and 其他资金 are a split by source that names the rest: short is a 警告."""
    text = "本年收入合计500万元,其中财政拨款收入380万元,其他资金100万元。"
    found = [f for f in _report(tmp_path, text) if f.severity.value != "info"]
    assert _above_info(found) == [("N02", "warning")]
    assert "财政拨款与其他资金合为全部资金" in found[0].basis


def test_a_level_split_of_a_remainder_stays_quiet(tmp_path):
    """A 结余 is not money the level split must make up."""
    text = "年末结余50万元,其中本级结余20万元,对下转移支付结余10万元。"
    assert _above_info(_report(tmp_path, text)) == []


def test_among_the_projects_ends_the_split(tmp_path):
    """Failed before (the report's sentences joined by a comma, as tests/test_realreport_rewrites.py does): "…对下转移支付
    0万元,项目中,敏感涉密项目0个,涉及资金0万元" read the 敏感涉密 figures as two more parts of the split, so it named no
    one dimension. "项目中" views the projects again: a new statement, the split ends before it."""
    from perfxl.document.facts import extract_facts

    facts = extract_facts(WUZHOU_P3.replace("0万元。项目中", "0万元,项目中")).facts
    assert [f.parent for f in facts if f.subject in ("敏感涉密项目", "涉及资金")] == [None, None]
