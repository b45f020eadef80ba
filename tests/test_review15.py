"""Review 15 (session 15, review15): adversarial probes of session 14's heuristics with correct inputs in the shapes real
reports print. Each test names the shape, what perfxl said before and the fix; "failed before" tests were run against
main (e8c5ea8) and failed as their docstring says."""

from __future__ import annotations

import copy
import sys
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

from render import validated, variant
from report_helpers import report_findings as _report
from report_helpers import seed_report_findings, workbook_result
from test_document_realreport import build_docx

from perfxl.validate import validate_file

TOTALS = "2022年度收、支总计各是4125.49,4143.91万元。"
#: The real 四川 template's changes (2570.97 / 6714.88 = 38.29%, printed cut as 38.28%: a 警告, real reports 14).
CHANGES = "收、支总计各减少1267.86,2570.97万元,各下降23.51%、38.28%。"


def _n02(findings):
    return [(f.severity.value, f.message) for f in findings if f.code == "N02" and f.severity.value != "info"]


# ---------------------------------------------------------------- 各 lists (document/respective_lists.py)


def test_a_list_of_the_base_year_is_not_the_changes_amounts(tmp_path):
    """Failed before: two N02 错误 ("应为 19.03%，文字写 23.51%") — the report prints last year's totals too, between this
    year's and the changes: "2021年度收、支总计各是5393.35,6714.88万元。与2021年相比,收、支总计各减少…". The nearest list
    naming 收、支 was paired as this year's, 5393.35 + 1267.86 taken for last year's. Fix: a list of the year the changes
    compare with (or an earlier one), of last year by its words (上年收、支…), or of another year than the changes' own
    ("2022年度收、支总计各增加…" after 2021's list) is their base, not their amounts: skipped."""
    last = "2021年度收、支总计各是5393.35,6714.88万元。"
    for text in (
        TOTALS + last + "与2021年相比," + CHANGES,
        TOTALS.rstrip("。") + "," + last.rstrip("。") + ",与2021年相比," + CHANGES,
        TOTALS + "上年收、支总计各是5393.35,6714.88万元,与上年相比," + CHANGES,
        "本年度收、支总计各是4125.49,4143.91万元,上年度收、支总计各是5393.35,6714.88万元," + CHANGES,
    ):
        assert [s for s, _ in _n02(_report(tmp_path, text))] == ["warning"], text  # only the cut 38.28%
    grown = "2021年度收、支总计各是5393.35,6714.88万元。2022年度收、支总计各增加100,200万元,各增长1.85%、2.98%。"
    assert _n02(_report(tmp_path, grown)) == []
    # this year's list still paired past last year's: a wrong rate is still found
    wrong = TOTALS + last + "与2021年相比," + CHANGES.replace("23.51%", "25.51%")
    assert ("error" in {s for s, _ in _n02(_report(tmp_path, wrong))}) and any(
        "23.51%" in m for _, m in _n02(_report(tmp_path, wrong))
    )


def test_a_base_year_in_the_changes_words_is_not_their_own_year(tmp_path):
    """Kept (a first draft of the fix lost it): "2022年度收入、支出总计各为…,较2021年度收入、支出总计各减少…" — the
    year before the changes' names is the one they compare with, not another year of theirs: still paired with 2022's
    list (the cut 38.28% a 警告)."""
    text = "2022年度收入、支出总计各为4125.49,4143.91万元,较2021年度收入、支出总计各减少1267.86,2570.97万元,各下降23.51%、38.28%。"
    assert [s for s, _ in _n02(_report(tmp_path, text))] == ["warning"]


# ---------------------------------------------------------------- a blank 三公 item as a lower bound (rules/basic.py B03)

HENGSHAN = "hunan-hengshan-guantang-jichushuju-2023"  # 基础数据表: 三公 row 6 over 公务用车 7 (8, 9), 出国 10, 接待 11
SANGONG = {"D6": "10", "D7": "6", "D8": "2", "D9": "4", "D10": "1", "D11": "3"}  # 2023 年决算数: 10 = 6 + 1 + 3


def _b03(tmp_path, changes):
    result = validated(variant(HENGSHAN, {**SANGONG, **changes}), tmp_path)
    return sorted((f.cell, f.severity.value) for f in result.findings if f.code == "B03")


def test_a_blank_car_item_over_its_printed_parts_is_no_part_missing_from_the_total(tmp_path):
    """Failed before: a 警告 on the agreeing 三公 total D6 ("应为分项之和 4（“1、公务用车购置和维护经费”未填写，未计入），表中为
    10") — the 公务用车 total D7 is blank but its two parts are printed (购置 2, 运行维护 4), so 10 = 1 + 3 + (2 + 4). Fix: a
    blank part that is itself the sum of the form's named parts (profile equal_parents), all printed, counts as their sum
    when clearing its parent's total; only D7's own 警告 (未填写) stays. A total that fails even so keeps the lower-bound
    警告 (the part's figure is reconstructed, so no new 错误)."""
    assert _b03(tmp_path, {"D7": ""}) == [("D7", "warning")]
    assert _b03(tmp_path, {"D7": "", "D6": "12"}) == [("D6", "warning"), ("D7", "warning")]
    assert _b03(tmp_path, {"D7": "", "D9": ""}) == [("D6", "warning"), ("D7", "warning")]  # a part of it blank too
    assert _b03(tmp_path, {"D7": "", "D6": "3"}) == [("D6", "error"), ("D7", "warning")]  # below the printed 1 + 3


# ---------------------------------------------------------------- 上年结转, then the year's spending (document/facts.py)


def test_a_spending_after_a_carried_balance_named_alone_is_the_balances(tmp_path):
    """Failed before: N01 错误 "正文第8段写“支出”为 85万元，而自评表…为 2223.04万元" — "上年结转资金100万元，当年支出85万元，
    结转资金执行率85%" (and "…本年支出85万元，剩余15万元结转下年", "…全年支出85万元") spends the 结转 (85 / 100 = 85%,
    100 − 85 = 15); gaps14 read any 本年/当年/全年 支出 after a 上年结转 as the books' 支出. Fix: only when the sentence
    lists the year's 收入 before the 结转 ("本年收入1200万元，上年结转200万元，本年支出1000万元", review13n's books)."""
    for sentence in (
        "上年结转资金100万元，当年支出85万元，结转资金执行率85%。",
        "上年结转资金100万元，本年支出85万元，剩余15万元结转下年。",
        "上年结转资金100万元，全年支出85万元。",
    ):
        assert [f for f in seed_report_findings(tmp_path, sentence) if f.severity.value != "info"] == [], sentence
    # the books still read: 支出 after 收入 and 结转 is the department's 支出 (the seed's table: 2223.04)
    books = seed_report_findings(tmp_path, "本年收入2000万元，上年结转223.04万元，本年支出2000万元。")
    assert any(f.code == "N01" and "“支出”为 2000万元" in f.message for f in books)


# ---------------------------------------------------------------- 不适用 written into a row (rules/totals.py T05, I03/I05)

YONGDE = (
    "yunnan-yongde-yingyang-2022"  # row 17: 生均补助标准达标率 ≥ │ E17 target │ % │ G17 actual │ I17 得分; 总分 I25
)


def _codes(tmp_path, changes, *codes):
    result = validated(variant(YONGDE, changes), tmp_path)
    return sorted((f.cell, f.code, f.severity.value) for f in result.findings if f.code in codes)


def test_a_marker_inside_the_words_of_a_scored_row_is_no_not_applicable_row(tmp_path):
    """Failed before: T05 警告 "有 1 个指标不适用，总分应按适用指标折算为 95.56，表中为 96" on a right 总分 — the scored row's
    actual "100%（不适用人员已清退）" (or a target like "不涉及违规使用资金") carries a marker inside its words, and T05
    took the row out. Fix: a row is 不适用 when a cell is the marker (a bracketed note and ≤ 4 words before it allowed:
    "本项不适用") or, a marker anywhere, when the row is unscored."""
    assert _codes(tmp_path / "a", {"G17": "100%（不适用人员已清退）"}, "T05", "T02") == []
    assert _codes(tmp_path / "b", {"G17": "经核查不涉及违规问题"}, "T05", "T02") == []
    # a cell that is the marker, or a marker on an unscored row, still marks it
    assert _codes(tmp_path / "c", {"G17": "本项不适用", "I25": "96"}, "T05") == [("I25", "T05", "warning")]
    assert _codes(tmp_path / "d", {"G17": "经核查不涉及", "I17": "", "I25": "90"}, "T05", "T02") != []


def test_a_not_applicable_target_owes_no_figure(tmp_path):
    """Failed before: I03 错误 "“生均补助标准达标率”为定量指标，年度指标值“═不适用%”不是数值" and I05's "没有数字" 警告 on a row
    marked 不适用 in both its target and actual, its 得分 blank — the way the 填报说明 (T05's source) lets a form take an
    indicator out. Fix: I03/I05 skip a target that says 不适用 on one of T05's 不适用 rows (one reading, totals)."""
    na = {"E17": "不适用", "G17": "不适用", "I17": ""}
    assert _codes(tmp_path, na, "I03", "I05") == []
    # a quantitative target of words on a row that applies is still I03's
    assert ("E17", "I03", "error") in _codes(tmp_path / "w", {"E17": "应保尽保"}, "I03")


# ---------------------------------------------------------------- a grade cell pointing elsewhere (rules/totals.py T04)


def test_a_grade_cell_pointing_elsewhere_states_no_grade(tmp_path):
    """Failed before: T04 警告 "总分 100 对应等级“优”，表中为“见下表”" — a 概要's 自评分值 │ 100 │ 自评等级 │ 见下表 (summary
    pairs, heldout24's reading) compared a pointer with the score's band as if it were another grade scale. Fix: a grade
    cell opening with 见/详见/参见 states no grade (T04's "一段文字而非等级" skip, coverage), as a sentence does."""
    head = [["项目名称", "村干部报酬", "评价年度", "2023"], ["自评方式", "单位自评", "", ""]]
    for pointer in ("见下表", "详见附件"):
        result = workbook_result(tmp_path, [*head, ["自评分值", "100", "自评等级", pointer]])
        assert [f.code for f in result.findings if f.code == "T04"] == [], pointer
    # a grade of another scale is still a 警告 for a person; a wrong grade still found
    other = workbook_result(tmp_path, [*head, ["自评分值", "100", "自评等级", "A"]])
    assert [f.severity.value for f in other.findings if f.code == "T04"] == ["warning"]


# ---------------------------------------------------------------- last year's 三公 table above this year's (reader.py)

DUJI = tomllib.loads(
    (Path(__file__).resolve().parent / "realworld" / "reports" / "anhui-duji-zhengfuban-sangong-2021.toml").read_text(
        encoding="utf-8"
    )
)
#: 杜集区政府办 2021 with its items' gaps to the budget written as the table gives them (the narrative agrees).
_AGREEING = {
    7: "1.因公出國(境)費支出0萬元,與2021年度預算相比減少20萬元。",
    8: "2.公務接待費支出5.21萬元, 與2021年度預算相比,減少9.69萬元。",
    9: "3.公務用車購置及運行維護費支出2.48萬元,與2021年度預算相比減少12.52萬元。",
}
_LAST_YEARS = {
    "name": "表0",
    "rows": [
        ["項 目", "預 算 數", "決 算 數"],
        ["合 計", "60", "30"],
        ["因公出國(境)費", "10", "5"],
        ["公務接待費", "30", "15"],
        ["公務用車購置及運行維護費", "20", "10"],
    ],
    "merges": [],
}


def _duji(tables_before: bool, *, this_years: bool = True) -> dict:
    fixture = copy.deepcopy(DUJI)
    fixture.pop("expect")
    for i, text in _AGREEING.items():
        fixture["paragraphs"][i] = text
    if tables_before:  # 2020's caption, unit line and table first; 2021's after its own (now paragraphs 3–4)
        fixture["paragraphs"][:0] = ["2020年度一般公共預算財政撥款“三公”經費支出決算表", "單位:萬元"]
        fixture["tables"] = [
            {**_LAST_YEARS, "after": 2},
            *([{**fixture["tables"][0], "after": 4}] if this_years else []),
        ]
    return fixture


def _non_info(tmp_path, fixture):
    path = tmp_path / "report.docx"
    build_docx(fixture, path)
    result = validate_file(path)
    return sorted((f.code, f.severity.value) for f in result.findings if f.severity.value != "info")


def test_last_years_table_printed_first_is_not_the_one_read(tmp_path):
    """Failed before: eight N01 错误 ("正文第7段写“公务接待费决算数”为 5.21万元，而三公经费表“公務接待費”决算数为 15万元") — the
    report prints 2020's 三公 决算表 (its caption "2020年度…决算表" above it) before 2021's; the reader kept the first
    of two tables of one kind and the 2021 narrative, agreeing with its own table, was held to last year's. Fix: the
    caption right above a report's table names its year (`Grid.year_above`, `unit_above.caption_year_above`, all three
    readers); of two tables of one kind the one whose caption names the report's year (its narrative's most named,
    `run_state.report_year`) is read where the other's names another, the other named unread."""
    assert _non_info(tmp_path, _duji(False)) == []
    assert _non_info(tmp_path, _duji(True)) == [("LAYOUT_EXTRA_TABLE", "warning")]
    # next year's 预算 table after this year's is not taken for it: the one captioned with the report's year stays
    fixture = _duji(False)
    fixture["paragraphs"] += ["三、2022年度“三公”經費預算表", "單位:萬元"]
    fixture["tables"].append({**_LAST_YEARS, "after": len(fixture["paragraphs"])})
    assert _non_info(tmp_path, fixture) == [("LAYOUT_EXTRA_TABLE", "warning")]


def test_a_table_whose_caption_names_another_year_is_a_guess(tmp_path):
    """Failed before: the same eight N01 错误 where the 2021 report prints only 2020's table: its caption names 2020, so
    the narrative's 2021 figures may simply be another year's — each disagreement a 警告 saying so (the table's
    `guess`), not a certain 错误."""
    found = _non_info(tmp_path, _duji(True, this_years=False))
    assert found and all(severity == "warning" for _, severity in found)


def test_an_income_beside_its_carried_balance_makes_the_tables_total_with_it(tmp_path):
    """Failed before: N01 错误 "正文第8段写“收入”为 2123.04万元，而自评表“按收入性质分；2223.04”为 2223.04万元" — "2023年收入
    2123.04万元，上年结转100万元，支出2223.04万元": the sentence states the 结转 apart from the 收入, and the 自评表's 年度资金
    总额 by source holds both (2123.04 + 100 = 2223.04). Fix: a 收入 beside its sentence's one 上年结转 agrees when the two
    make the table's total; one that makes it neither alone nor with the 结转 is still the 错误."""
    for sentence in (
        "2023年收入2123.04万元，上年结转100万元，支出2223.04万元。",
        "2023年上年结转100万元，本年收入2123.04万元，本年支出2223.04万元。",
    ):
        assert [f for f in seed_report_findings(tmp_path, sentence) if f.severity.value != "info"] == [], sentence
    wrong = seed_report_findings(tmp_path, "2023年收入2000万元，上年结转100万元，支出2223.04万元。")
    assert [(f.code, f.severity.value) for f in wrong if f.severity.value != "info"] == [("N01", "error")]


def test_a_three_public_tables_blank_car_total_with_another_blank_item(tmp_path):
    """Failed before: B03 警告 on 杜集区's agreeing 合计 7.69 ("应为分项之和 5.21（“因公出國(境)費”、“公務用車購置及運行維護費”
    未填写…）") — its 因公出国 决算 is blank (as published) and the 公务用车 total left blank over 运行维护费 2.48 │ 购置费 0:
    5.21 + (2.48 + 0) = 7.69. A blank part with no parts of its own adds nothing, as where the printed parts make the
    total; only the car row's own 警告 (未填写) stays."""
    fixture = _duji(False)
    rows = fixture["tables"][0]["rows"]
    rows[4][2], rows[5][2], rows[6][2] = "", "2.48", "0"
    path = tmp_path / "report.docx"
    build_docx(fixture, path)
    b03 = [(f.cell, f.severity.value) for f in validate_file(path).findings if f.code == "B03"]
    assert b03 == [("C5", "warning")]


def test_not_applicable_written_otherwise_is_read_as_such(tmp_path):
    """Failed before: I03 错误 "年度指标值“═n/a%”不是数值" (and "未涉及", "本年度未涉及", "无此项"), I05's "没有数字", T02's
    "总分应为 86" against the rescaled 95.56 and S15's "无法复核" — a row marked not applicable in words T05's markers did
    not list (or in lower case). Fix: the markers gain 未涉及 and 无此项, Latin ones match in either case, and the S
    checks read T05's markers (`perfxl.rules.not_applicable`, one list since na15) rather than two words of their own."""
    for mark in ("n/a", "未涉及", "本年度未涉及", "无此项"):
        found = _codes(
            tmp_path / mark.replace("/", "_"),
            {"E17": mark, "G17": mark, "I17": "", "I25": "95.56"},
            "I03",
            "I05",
            "T02",
            "T05",
            "S15",
        )
        assert found == [], mark
