"""Report pairs (issue 12, session 9): real 自评报告 found FROM THE TABLE SIDE — five corpus tables whose own publication
holds the narrative that restates them (tests/realworld/reports: 黄冈档案馆 2020, 六安 公共文化 2021, 宁德 人才驿站 2023,
淮北 农村文化 2025, 荣昌 绿化 2022) — and the general causes their first run and the probes of their own paragraphs found.

Each test builds the fixture's .docx (its paragraphs and its table, as tests/test_document_realreport.py does) with one
figure of one paragraph changed, and reads the narrative findings. Every test named "failed before" was run against
main before the fix and failed as its docstring says."""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path

import pytest
from report_helpers import fixture_findings
from test_document_realreport import build_docx

from perfxl.document.facts import extract_facts
from perfxl.model import TextRef

REPORTS = Path(__file__).resolve().parent / "realworld" / "reports"
LUAN = "anhui-luan-gonggongwenhua-2021"
RONGCHANG = "chongqing-rongchang-lvhua-mubiao-2022"
HUANGGANG = "hubei-huanggang-danganguan-2020"
HUAIBEI = "anhui-huaibei-nongcunwenhua-mubiao-2025"


def _narrative(tmp_path: Path, stem: str, paragraph: int = 0, old: str = "", new: str = ""):
    """(code, severity, paragraph) of the narrative findings above 提示 of fixture `stem`, with `old` → `new` in
    paragraph `paragraph` (1-based; 0 = as published)."""
    published = tomllib.loads((REPORTS / f"{stem}.toml").read_text(encoding="utf-8"))
    fixture = copy.deepcopy(published)
    if paragraph:
        text = fixture["paragraphs"][paragraph - 1]
        assert old in text, (old, text[:60])
        fixture["paragraphs"][paragraph - 1] = text.replace(old, new)
    # the published report is built and read once; a changed paragraph is put into that read (report_helpers)
    findings = fixture_findings(fixture, published, tmp_path / f"{stem}.docx", build_docx)
    return [
        (f.code, f.severity.value, f.ref.paragraph, f.message)
        for f in findings
        if isinstance(f.ref, TextRef) and f.severity.value != "info"
    ]


def _codes(findings):
    return [(code, severity, paragraph) for code, severity, paragraph, _ in findings]


# ---------------------------------------------------------------- a score's subject is no money's owner


def test_a_score_does_not_name_the_budget_of_the_next_sentence():
    """Failed before: "项目绩效自评得分为95分。全年预算数为200万元" read the 200万元 as the score's budget ("项目绩效自评得分
    预算数", claim total_score) — so it was never set against the table's 全年预算数 (N04: 找不到对应的数据)."""
    facts = extract_facts(
        "根据年初设定的绩效目标,项目绩效自评得分为95分。全年预算数为200万元,执行数为179.43万元。"
    ).facts
    budget = next(f for f in facts if f.quantity.text == "200万元")
    assert budget.claim != "total_score" and "得分" not in budget.label
    assert budget.role == "budget"


# ---------------------------------------------------------------- a project report's own funds against its 自评表


def test_the_published_pairs_stay_quiet(tmp_path):
    for stem in (LUAN, RONGCHANG, HUANGGANG, HUAIBEI):
        found = _narrative(tmp_path, stem)
        if stem == RONGCHANG:  # its one contradiction, below
            found = [f for f in found if f[2] != 1]
        assert not found, (stem, found)


def test_a_bare_budget_is_the_project_tables_budget(tmp_path):
    """Failed before (六安 p2, 全年预算数 200 → 210): only the text's own arithmetic spoke (N02: 179.43 / 210 ≠ 89.7%);
    the 210 was never set against the 自评表's 全年预算数 200. Now one N01 — a 警告: the text does not say whose budget."""
    found = _narrative(tmp_path, LUAN, 2, "全年预算数为200万元", "全年预算数为210万元")
    assert _codes(found) == [("N01", "warning", 2)]
    assert "210万元" in found[0][3] and "200万元" in found[0][3] and "表1!D6" in found[0][3]


def test_a_bare_spending_is_the_project_tables_spending(tmp_path):
    """Failed before (执行数 179.43 → 189.43): N02 only; the 执行数 (the 自评表's own column word) was no claim."""
    found = _narrative(tmp_path, LUAN, 2, "执行数为179.43万元", "执行数为189.43万元")
    assert _codes(found) == [("N01", "error", 2)]
    assert "“执行数”" in found[0][3] and "179.43万元" in found[0][3]


def test_completing_the_budget_is_the_project_tables_rate(tmp_path):
    """Failed before (完成预算的 89.7% → 87.7%): N02 only; "完成预算的%" was read as a rate only with the word 执行率."""
    found = _narrative(tmp_path, LUAN, 2, "完成预算的89.7%", "完成预算的87.7%")
    assert _codes(found) == [("N01", "error", 2)]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("全年预算数为200万元", "全年预算数为2000000元"),  # another unit
        ("全年预算数为200万元", "年初预算数为200万元"),  # the 年初 column (it agrees too)
        ("执行数为179.43万元", "执行数为179.4万元"),  # rounded
        ("执行数为179.43万元", "执行数约为180万元"),  # 约
        ("执行数为179.43万元", "执行数近180万元"),
        ("完成预算的89.7%", "完成预算的90%"),  # 89.715% at whole percent
        ("完成预算的89.7%", "完成预算的89.72%"),
        # a source's budget, another year's: not the project's whole
        ("全年预算数为200万元,", "全年预算数为200万元,其中中央资金预算数为150万元,"),
        ("全年预算数为200万元", "2020年全年预算数为210万元,2021年全年预算数为200万元"),
    ],
)
def test_restating_the_tables_funds_otherwise_stays_quiet(tmp_path, old, new):
    assert not _narrative(tmp_path, LUAN, 2, old, new)


# ---------------------------------------------------------------- money named by the table's own 项目名称


def test_an_amount_named_by_the_project_is_the_tables(tmp_path):
    """Failed before (荣昌 p1 as published): quiet — "古昌镇大青冈村乡村振兴绿化美化项目100万元" names the 目标表's own
    项目名称, whose 年度资金总额 prints 153.5184: which amount the list means is not said, so a 警告."""
    found = _narrative(tmp_path, RONGCHANG)
    assert _codes(found) == [("N01", "warning", 1)]
    assert "153.5184万元" in found[0][3] and "100万元" in found[0][3]


@pytest.mark.parametrize("new", ["153.5184万元", "153.52万元", "约150万元", "150万元左右", "1535184元"])
def test_the_project_named_with_its_own_amount_stays_quiet(tmp_path, new):
    assert not _narrative(tmp_path, RONGCHANG, 1, "100万元", new)


def test_an_approximate_amount_far_off_is_a_warning_that_says_so(tmp_path):
    """约100万元 against 153.5184: no value that rounds to 100 at its last digit ([50, 150)) — but the text gives no exact
    figure, so never more than a 警告, and it says the figure is approximate. (Failed before: quiet — nothing set the
    project's name against its table.)"""
    found = _narrative(tmp_path, RONGCHANG, 1, "100万元", "约100万元")
    assert _codes(found) == [("N01", "warning", 1)] and "约数" in found[0][3]


def test_an_approximate_spending_is_judged_at_its_last_digit(tmp_path):
    """Failed before: "执行数约为180万元" against 179.43 was an 错误 — 约为 was not read as 约 (now quiet), and an
    approximate figure could be an 错误 at all (约175万元 is now a 警告)."""
    assert not _narrative(tmp_path, LUAN, 2, "执行数为179.43万元", "执行数约为180万元")
    assert _codes(_narrative(tmp_path, LUAN, 2, "执行数为179.43万元", "执行数约为175万元")) == [("N01", "warning", 2)]


def test_a_parts_amount_under_the_projects_name_is_no_total(tmp_path):
    for new in (
        "古昌镇大青冈村乡村振兴绿化美化项目其中市级资金100万元",
        "古昌镇大青冈村乡村振兴绿化美化项目已拨付100万元",
    ):
        assert not _narrative(tmp_path, RONGCHANG, 1, "古昌镇大青冈村乡村振兴绿化美化项目100万元", new)


def test_a_budget_arranged_under_the_projects_name(tmp_path):
    """Failed before (淮北 p8, 预算安排 5 → 6万元): quiet — "预算安排" was no budget word, and nothing named the 目标表."""
    found = _narrative(tmp_path, HUAIBEI, 8, "预算安排5万元", "预算安排6万元")
    assert _codes(found) == [("N01", "warning", 8)]
    assert not _narrative(tmp_path, HUAIBEI, 8, "预算安排5万元", "预算安排50000元")


# ---------------------------------------------------------------- a funds cell printed with its unit ("10萬")


def test_a_funds_cell_printed_with_its_unit_is_read(tmp_path):
    """Failed before (黄冈: the 自评表 prints "10萬" / "10萬"): the funds total was no number, so no narrative figure was
    ever set against it — 預算12萬元, 實際支出8萬元, 執行率90% and 項目經費12萬元 were all quiet."""
    assert _codes(_narrative(tmp_path, HUANGGANG, 6, "預算10萬元", "預算12萬元")) == [("N01", "warning", 6)]
    assert _codes(_narrative(tmp_path, HUANGGANG, 6, "實際支出10萬元", "實際支出8萬元")) == [("N01", "error", 6)]
    assert _codes(_narrative(tmp_path, HUANGGANG, 6, "執行率100%", "執行率90%")) == [("N01", "error", 6)]
    assert _codes(_narrative(tmp_path, HUANGGANG, 8, "項目經費10萬元", "項目經費12萬元")) == [("N01", "warning", 8)]
    assert not _narrative(tmp_path, HUANGGANG, 6, "實際支出10萬元", "實際支出100000元")


# ---------------------------------------------------------------- an indicator restated: target, then 实际完成值 (宁德 p8)

NINGDE = "fujian-ningde-rencaiyizhan-2023"


def test_an_actual_told_as_the_forms_own_column_word_is_the_indicators(tmp_path):
    """Failed before (宁德 p8, "實際完成值為40次" → 55次): only N02 (55 / 28 ≠ 143%) — the 55次 was read as some "完成值",
    no indicator's actual, and never set against the table's 實際完成值 40次."""
    found = _narrative(tmp_path, NINGDE, 8, "實際完成值為40次", "實際完成值為55次")
    assert _codes(found) == [("N01", "error", 8)]
    assert "40次" in found[0][3] and "55次" in found[0][3]


def test_a_traditional_character_table_names_its_indicators_as_the_text_reads(tmp_path):
    """Failed before (宁德 p1, 到位率 目標值 100% → 137%): quiet — the table's indicator names are printed in traditional
    characters, the narrative is read as simplified, so no name ever matched."""
    found = _narrative(tmp_path, NINGDE, 1, "目標值為100%", "目標值為137%")
    assert _codes(found) == [("N01", "error", 1)]


def test_the_year_word_before_an_indicators_name_is_filler(tmp_path):
    """Failed before: the target "組織活動數量績效目標值是28次" → 38次 was paired by similarity only (a 警告 "按名称相似度
    配对") — the table's name opens with 當年, which the text's subject drops; 当年/本年 are filler like 全年."""
    found = _narrative(tmp_path, NINGDE, 8, "目標值是28次", "目標值是38次")
    assert _codes(found) == [("N01", "error", 8)]
    assert "相似度" not in found[0][3]


def test_the_indicators_restated_as_published_stay_quiet(tmp_path):
    assert not _narrative(tmp_path, NINGDE)
    assert not _narrative(tmp_path, NINGDE, 8, "實際完成值為40次", "實際完成值為40次以上")


# ---------------------------------------------------------------- what is NOT the project's own money


def test_a_bare_spending_after_another_items_label_is_that_items(tmp_path):
    """Failed before: "其中培训项目:全年预算数为50万元,执行数为45万元" — the 执行数 of the item the label names was set
    against the project's 全年执行数 179.43 as an 错误. An owner-less 预算数/执行数 after 其中 or after a label naming an
    item is that item's; after a heading ("资金投入情况:") it stays the project's."""
    old = "全年预算数为200万元,执行数为179.43万元,完成预算的89.7%。"
    assert not _narrative(tmp_path, LUAN, 2, old, "其中培训项目:全年预算数为50万元,执行数为45万元。")
    assert not _narrative(tmp_path, LUAN, 2, old, "中央财政资金:全年预算数为150万元,执行数为140万元。")
    found = _narrative(tmp_path, LUAN, 2, old, "资金投入情况:全年预算数为200万元,执行数为189.43万元。")
    assert ("N01", "error", 2) in _codes(found)


def test_the_report_year_is_the_one_its_table_states(tmp_path):
    """Failed before: a 2021 report naming 2021 once (its heading) and 2022 once took 2022 for its year (the later of a
    tie), so "2022年预算安排250万元" — next year's plan — was set against the 2021 自评表's 全年预算数 200. The 自评表's
    own year line "(2021 年度)" decides."""
    new = "2022年预算安排250万元。全年预算数为200万元,执行数为179.43万元,完成预算的89.7%。"
    assert not _narrative(tmp_path, LUAN, 2, "全年预算数为200万元,执行数为179.43万元,完成预算的89.7%。", new)


# ---------------------------------------------------------------- probes on corpus tables (a written paragraph, a real table)


def _with_corpus_table(tmp_path: Path, stem: str, paragraph: str):
    """(code, severity, paragraph) of the findings above 提示 of a report: `paragraph`, then the corpus table `stem`."""
    table = tomllib.loads((REPORTS.parent / f"{stem}.toml").read_text(encoding="utf-8"))
    tables = [{"name": "表1", "rows": table["rows"], "merges": table["merges"]}]
    base = {"paragraphs": ["⟦paragraph⟧"], "tables": tables}  # built and read once for every paragraph probed
    findings = fixture_findings(
        {"paragraphs": [paragraph], "tables": tables}, base, tmp_path / "probe.docx", build_docx
    )
    return [
        (f.code, f.severity.value, f.ref.paragraph)
        for f in findings
        if isinstance(f.ref, TextRef) and f.severity.value != "info"
    ]


NENGYUAN = "yunnan-baoshan-nengyuan-2023"  # 保山市能源局 2023: funds in 元 (330,000.00 / 329,998.60 / 329,998.60)


def test_a_spending_named_by_the_project_and_the_forms_column_word(tmp_path):
    """Failed before: "能源安全检查及新能源项目推进经费全年执行数30万元" was quiet against the table's 329,998.60元 — the
    name and the 自评表's column word together named no claim."""
    found = _with_corpus_table(tmp_path, NENGYUAN, "2023年,能源安全检查及新能源项目推进经费全年执行数30万元。")
    assert found == [("N01", "error", 1)]


@pytest.mark.parametrize(
    "paragraph",
    [
        "2023年,能源安全检查及新能源项目推进经费年初预算33万元,全年预算数32.99986万元,全年执行数32.99986万元,执行率100%。",
        "2023年,该项目全年预算数约33万元,全年执行数为329998.60元,预算执行率100%。",
    ],
)
def test_a_table_in_yuan_restated_in_wan_stays_quiet(tmp_path, paragraph):
    assert not _with_corpus_table(tmp_path, NENGYUAN, paragraph)
