"""Real reports 10 (issue 12, session 10): four published narrative-only 自评报告 (tests/realworld/reports: 许昌 河湖水系
2022, 红河 数据发展中心 部门整体 2024, 南宁 困难大学新生 2018, 埇桥 旅游发展 2021) measured blind, and the general causes
found by probing their own paragraphs with one figure changed.

First run (blind): nothing to find, no finding at all on the four (8 agreeing facts quiet) — but quiet for a poor reason:
of 12 one-figure probes only one was found. Each test named "failed before" was run against main before the fix and
failed as its docstring says."""

from __future__ import annotations

import tomllib
from pathlib import Path

from report_helpers import report_findings as _report

from perfxl.document.facts import extract_facts
from perfxl.document.lists import listed_counts

REPORTS = Path(__file__).resolve().parent / "realworld" / "reports"


def _paragraph(stem: str, n: int) -> str:
    return tomllib.loads((REPORTS / f"{stem}.toml").read_text(encoding="utf-8"))["paragraphs"][n - 1]


#: 许昌 p11 as published: 部门预算总金额 803.74 万元其中:基本支出 757.49 万元,项目支出 46.25 万元 (757.49 + 46.25 = 803.74).
XUCHANG_P11 = _paragraph("henan-xuchang-hehushuixi-zhengti-2022", 11)
#: 红河 p7 as published: 共设置5个内设机构,包括: and five names.
HONGHE_P7 = _paragraph("yunnan-honghe-shujuzhongxin-bumen-2024", 7)


def _above_info(findings):
    return [(f.code, f.severity.value) for f in findings if f.severity.value != "info"]


# ---------------------------------------------------------------- "…万元其中:" — a 其中 printed right after its total


def test_a_qizhong_right_after_the_total_opens_its_parts():
    """Failed before: "803.74 万元其中:基本支出…" — the 其中 stood before the colon in the total's own clause, so the
    parts after the colon had no total (parent None) and their sum was never compared."""
    facts = extract_facts(XUCHANG_P11).facts
    total = next(f for f in facts if f.quantity.text.startswith("803.74"))
    parts = [f for f in facts if f.parent == total.index]
    assert sorted(p.quantity.text.replace(" ", "") for p in parts) == ["46.25万元", "757.49万元"]


def test_the_published_total_and_parts_stay_quiet(tmp_path):
    assert not _above_info(_report(tmp_path, XUCHANG_P11))


def test_parts_above_a_total_printed_before_its_qizhong_are_found(tmp_path):
    """Failed before (probe 757.49 → 757.94): quiet. Now the parts (804.19) above the total 803.74: N02 错误, as for
    "803.74万元,其中:…"."""
    changed = XUCHANG_P11.replace("基本支出 757.49", "基本支出 757.94")
    assert _above_info(_report(tmp_path, changed)) == [("N02", "error")]


def test_a_total_restated_before_its_qizhong_keeps_its_own_figure():
    """The total keeps its own words: "其中" no longer ends its name or clause."""
    facts = extract_facts("部门预算总金额803.74万元其中:基本支出757.49万元,项目支出46.25万元。").facts
    assert facts[0].label == "预算总金额" and facts[0].parent is None


# ---------------------------------------------------------------- "共设置N个内设机构,包括:A、B…" (N05)


def test_a_count_with_its_noun_before_the_list_is_read():
    """Failed before: "共设置6个内设机构,即:A、B、C、D、E" — the noun between the count and 即 hid the list."""
    found = listed_counts("共设置6个内设机构,即:数据要素科、创新发展科、项目促进科、技术保障科、基础建设科。")
    assert [(c.count, len(c.names)) for c in found] == [(6, 5)]


def test_more_names_than_the_count_after_baokuo_is_found(tmp_path):
    """Failed before (probe 5 → 4): quiet. A 包括 list may name only some (never the exhaustive reading), but it cannot
    name more than the whole: five distinct names for "4个内设机构" is N05 (a 警告, as every N05)."""
    changed = HONGHE_P7.replace("共设置5个", "共设置4个")
    assert _above_info(_report(tmp_path, changed)) == [("N05", "warning")]


def test_fewer_names_than_the_count_after_baokuo_stays_quiet(tmp_path):
    """包括 lists may be partial: five names for "6个内设机构,包括:" is no contradiction (by design, as before)."""
    changed = HONGHE_P7.replace("共设置5个", "共设置6个")
    assert not _above_info(_report(tmp_path, changed))


def test_the_published_list_stays_quiet(tmp_path):
    assert not _above_info(_report(tmp_path, HONGHE_P7))


# ---------------------------------------------------------------- 基本支出 + 项目支出 under a total not named 总支出


def test_basic_and_project_spending_short_of_a_budget_total_is_a_warning(tmp_path):
    """Failed before (probe 803.74 → 830.74): quiet. 基本支出 and 项目支出 together are a 部门预算's whole spending, so
    757.49 + 46.25 = 803.74 short of "部门预算总金额 830.74 万元" is said — a 警告, the total's words (预算总金额) are not
    总支出 and it may hold another amount."""
    changed = XUCHANG_P11.replace("803.74 万元其中", "830.74 万元其中")
    found = [f for f in _report(tmp_path, changed) if f.severity.value != "info"]
    assert [(f.code, f.severity.value) for f in found] == [("N02", "warning")]
    assert "803.74万元" in found[0].message and "830.74" in found[0].message
    assert "基本支出与项目支出合为全部支出" in found[0].basis


def test_basic_and_project_spending_under_an_income_total_stays_quiet(tmp_path):
    """收入 may exceed what was spent (结余): 基本支出 + 项目支出 short of a 收入合计 says nothing."""
    text = "收入合计830.74万元,其中:基本支出757.49万元,项目支出46.25万元。"
    assert not _above_info(_report(tmp_path, text))


def test_a_baokuo_list_after_a_count_of_projects_is_not_read():
    """A 包括 list after "N个项目" may name the work, not the projects: only an organisation's noun carries a count
    to its list ("3个项目,包括道路硬化、路灯安装、绿化美化、排水" says nothing)."""
    assert listed_counts("实施3个项目,包括道路硬化、路灯安装、绿化美化、排水。") == []
    assert [c.count for c in listed_counts("全县下辖3个乡镇,包括:甲镇、乙镇、丙镇、丁镇。")] == [3]


# ---------------------------------------------------------------- the reports' measure line


def test_the_reports_measure_line(capsys):
    """tests/realworld/measure_reports.py prints the one line the batches quote (here on one real pair and one
    narrative-only report of this batch)."""
    import sys

    sys.path.insert(0, str(REPORTS.parent))
    from measure_reports import main

    main(["anhui-luan-gonggongwenhua-2021.toml", "henan-xuchang-hehushuixi-zhengti-2022.toml"])
    assert capsys.readouterr().out.strip() == (
        "reports 2 (1 with a table): found 0/0, false 错误 0, false 警告 0 on agreeing facts (3 facts), "
        "table errors found 1/1"
    )


# ---------------------------------------------------------------- "共N个项目…X万元，其中：" and N projects' amounts

#: 许昌 p12 as published: 共有 1 个项目 …, 项目金额 46.00 万元。其中: its one project 46.00 万元.
XUCHANG_P12 = _paragraph("henan-xuchang-hehushuixi-zhengti-2022", 12)


def test_the_one_counted_project_short_of_its_amount_is_a_warning(tmp_path):
    """Failed before (probe 项目金额 46.00 → 64.00): quiet — a lone 其中 part below its total says nothing (其中 need not
    be exhaustive). But the text counts the projects (共有 1 个项目) and the 其中 names that many: they are all of them,
    so 46.00 short of 64.00 is N02 — a 警告, the total might still hold money the count does not cover."""
    changed = XUCHANG_P12.replace("项目金额 46.00", "项目金额 64.00")
    found = [f for f in _report(tmp_path, changed) if f.severity.value != "info"]
    assert [(f.code, f.severity.value) for f in found] == [("N02", "warning")]
    assert "1个项目" in found[0].basis.replace(" ", "")


def test_as_many_project_amounts_as_projects_counted_are_the_whole(tmp_path):
    """Three projects counted, three amounts under 其中: 50 + 40 + 20 = 110 short of 120 (8%, far beyond the 2% a
    list of unknown extent is allowed) — N02 警告. As published (sum 120) quiet."""
    text = "我单位共实施3个项目,涉及资金120万元,其中:道路硬化项目50万元,路灯安装项目40万元,绿化项目20万元。"
    found = [f for f in _report(tmp_path, text) if f.severity.value != "info"]
    assert [(f.code, f.severity.value) for f in found] == [("N02", "warning")]
    assert not _above_info(_report(tmp_path, text.replace("绿化项目20万元", "绿化项目30万元")))


def test_sources_under_a_project_count_are_not_the_projects(tmp_path):
    """ "共2个项目,总投资500万元,其中中央资金300万元,省级资金150万元": two sources, not the two projects — a 其中 of
    sources may leave one out, so nothing is said."""
    text = "共2个项目,总投资500万元,其中中央资金300万元,省级资金150万元。"
    assert not _above_info(_report(tmp_path, text))


def test_fewer_amounts_than_projects_counted_say_nothing(tmp_path):
    text = "我单位共实施3个项目,涉及资金120万元,其中:道路硬化项目50万元,路灯安装项目40万元。"
    assert not _above_info(_report(tmp_path, text))


def test_counted_projects_with_money_said_apart_stay_quiet(tmp_path):
    """The text says more money follows ("另安排管理费10万元", "其余…"): the projects' amounts need not make the total."""
    text = "共有3个项目,资金150万元,其中:A项目50万元、B项目50万元、C项目40万元。另安排管理费10万元。"
    assert not _above_info(_report(tmp_path, text))
