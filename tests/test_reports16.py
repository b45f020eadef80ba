"""Real reports 16 (issue 12, session 15): six publications perfxl had never seen, aimed at 部门整体支出绩效自评报告
(tests/realworld/reports: 荷塘区妇联 2022 and a 区 妇联 2024 部门整体支出绩效自评报告 (湖南 株洲; a repost masking names),
岳阳楼区 团区委 2021 自评报告 on the 岳阳 form with its 收入 table, 沙坪坝 交通局 2021 决算 (重庆), 乌鲁木齐 政务服务中心 2023
决算 (新疆, a mirror in traditional characters), 大竹 农技推广中心 2024 单位决算 (四川)), measured blind.

First run (blind): found 0 of 0 (the stored copies state no contradiction), no false 错误, no false 警告 on the 14
agreeing facts. Quiet for a partly poor reason: of 21 one-figure probes of their own paragraphs 12 were found. Fixed in
general here: a bare "其中:" followed by "本年支出合计…" (the 决算 template's 支出总计 split) lost its list — "本年支出" read as
a new statement; a change stated after a comparison clause of its own ("与2023年相比,收、支总计各增加588.09万元,增长3.4%";
"与上年相比,支出增加100万元") was read as a level; the joint "收支较上年决算数减少…、下降14%" had no figure to measure from
though 收入总计 = 支出总计 stood before it; 支出 = 基本支出 + 项目支出 reached only by reading a "0万元" part as cut was quiet
(now a 警告, as any list read as the whole). After: 16 of the 21 probes found, the published reports still quiet. Still out
of reach: a rate whose base is in another paragraph (乌鲁木齐 p16, 大竹 p43), 实有 above 编制 in words (a quota the staff
may exceed), 收入总计 ≠ 支出总计 stated apart (an identity of the 决算 tables, not of every text's 总计), "下设0个处室" against
"我单位无下设处室" (words, no figure). Tests named "failed before" were run against the branch before the fix and failed
as their docstring says.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from test_document_realreport import build_docx
from test_document_realreport import codes_at_paragraph as _at
from test_document_realreport import with_paragraph as _with

from perfxl.document.facts import extract_facts
from perfxl.validate import validate_file

REPORTS = Path(__file__).resolve().parent / "realworld" / "reports"
URUMQI = tomllib.loads((REPORTS / "xinjiang-wulumuqi-zhengwufuwu-juesuan-2023.toml").read_text(encoding="utf-8"))


def test_this_years_spending_right_after_a_bare_qizhong_is_its_first_part():
    """Failed before: parents [None, None, None] — "其中:" then "本年支出合计434.16万元": "本年支出…" was read as a new
    statement (as "截至…已支出…" is), so the 支出总计's list had no parts; after a bare 其中 the clause is its first part."""
    text = "2023年度支出总计434.72万元,其中:本年支出合计434.16万元,结余分配0.00万元,年末结转和结余0.55万元。"
    facts = extract_facts(text).facts
    assert [f.parent for f in facts] == [None, 0, 0, 0]
    # a new statement still ends a list that has its parts ("…其中A 60万元,B 40万元,截至年底已支出90万元")
    facts = extract_facts("预算100万元,其中A项目60万元,B项目40万元,本年支出90万元。").facts
    assert facts[-1].parent is None


def test_the_spending_split_of_the_juesuan_template_is_held_to_its_total(tmp_path):
    """Failed before: [] — 本年支出合计 + 结余分配 + 年末结转和结余 (434.16 + 0.00 + 1.55) above 支出总计 434.72 went unsaid;
    as published (0.55: 434.71 for 434.72, rounded from 元) it stays quiet."""
    wrong = _with(URUMQI, 15, "年末結轉(zhuǎn)和結余0.55", "年末結轉(zhuǎn)和結余1.55")
    assert ("N02", "error") in _at(tmp_path, wrong, 15)
    assert _at(tmp_path, URUMQI, 15) == []


DAZHU = tomllib.loads((REPORTS / "sichuan-dazhu-nongjizhongxin-juesuan-2024.toml").read_text(encoding="utf-8"))
SHAPINGBA = tomllib.loads((REPORTS / "chongqing-shapingba-jiaotong-juesuan-2021.toml").read_text(encoding="utf-8"))


def test_a_change_after_a_comparison_clause_of_its_own_is_a_change():
    """Failed before: ('收支总计各增加', 'value') — "与2023年相比,收、支总计各增加588.09万元": the comparison stands in the clause
    before, the item and its direction in the change's own words; read as a level, its rate had no change to measure."""
    text = "2024年度收、支总计17891.75万元。与2023年相比,收、支总计各增加588.09万元,增长3.4%。"
    facts = extract_facts(text).facts
    assert [(f.subject, f.role, f.direction) for f in facts] == [
        ("收支", "value", 0),
        ("收支", "change", 1),
        ("收支", "change_rate", 1),
    ]
    facts = extract_facts("2023年支出1000万元,与上年相比,支出增加100万元,增长11.1%。").facts
    assert (facts[1].subject, facts[1].role) == ("支出", "change")
    # no comparison before it: an amount named with 增加 stays a level ("年中增加预算资金50万元" is money added, no change)
    facts = extract_facts("年初预算100万元,预算资金增加50万元。").facts
    assert facts[1].role == "value"


def test_the_rate_of_a_change_after_its_comparison_clause_is_held_to_it(tmp_path):
    """Failed before: [] — 588.09 / (17891.75 − 588.09) = 3.3986%: "增长4.4%" went unsaid; as published (3.4%) quiet."""
    wrong = _with(DAZHU, 40, "增长3.4%", "增长4.4%")
    assert ("N02", "error") in _at(tmp_path, wrong, 40)
    assert _at(tmp_path, DAZHU, 40) == []


def test_a_change_of_income_and_spending_together_is_of_their_one_total(tmp_path):
    """Failed before: [] — "收入总计23,866.88万元,支出总计23,866.88万元。收支较上年决算数减少3,888.01万元、下降12%": the joint
    收支 named no figure; the two totals are one (23,866.88), so the rate is 3888.01 / 27754.89 = 14.008%."""
    wrong = _with(SHAPINGBA, 10, "下降14%", "下降12%")
    assert ("N02", "error") in _at(tmp_path, wrong, 10)
    assert _at(tmp_path, SHAPINGBA, 10) == []
    # two different totals: which one changed is unread — quiet
    other = _with(SHAPINGBA, 10, "支出总计23,866.88万元", "支出总计22,866.88万元")
    assert [c for c in _at(tmp_path, _with(other, 10, "下降14%", "下降12%"), 10) if c[0] == "N02"] == []


HETANG = tomllib.loads((REPORTS / "hunan-hetang-fulian-bumen-2022.toml").read_text(encoding="utf-8"))


def test_spending_its_two_classes_make_only_through_a_cut_zero_is_a_judgement(tmp_path):
    """Failed before: [] — "2022年支出78.36万元,其中基本支出76.36万元,项目支出0万元,结余结转0万元": 支出 = 基本支出 + 项目支出 by
    definition, and 76.36 + 0 + 0 makes 78.36 only if a "0万元" is read as cut (0.99); rounded half up it is short — a
    警告 that says so, as for any list read as the whole. As published (76.36) quiet; far off (70.36) still an 错误."""
    wrong = _with(HETANG, 15, "2022年支出76.36", "2022年支出78.36")
    path = tmp_path / "wrong.docx"
    build_docx(wrong, path)
    (finding,) = [f for f in validate_file(path).findings if f.severity.value != "info"]
    assert (finding.code, finding.severity.value, finding.ref.paragraph) == ("N02", "warning", 15)
    assert "按定义" in finding.basis and "截去尾数" in finding.basis
    assert _at(tmp_path, HETANG, 15) == []
    assert _at(tmp_path, _with(HETANG, 15, "其中基本支出76.36", "其中基本支出70.36"), 15) == [("N02", "error")]
