"""Review of session 7's changes (2026-12-03): inputs built to break them, each a failure before its fix.

评分标准 beside a row (perfxl/rules/criteria.py): "每少一个扣1分" is points per ONE unit short. A rule whose unit is a
multiple or a share ("每少一百人扣1分", "每少一成扣2分"), a flat deduction ("未完成的一律扣2分") or a threshold ("少于一半扣3分")
was read as per one unit, so a score that follows the rule got a certain S01 "按该标准应为 0" — a rule perfxl cannot
apply is a person's call (警告 naming the rule), as the module says.
"""

from __future__ import annotations

import pytest
from test_probes_forms import _dizhenju, _found, _plant


@pytest.mark.parametrize(
    ("rule", "target", "actual", "score"),
    [
        ("本指标满分6分,达1000人得6分,每少一百人扣1分。", "1000人", "800人", "4"),  # 6 − 2 = 4 (proportion 4.8)
        ("完成率达到100%得6分,每少一成扣2分。", "100%", "90%", "4"),  # 6 − 2 = 4 (proportion 5.4)
        ("本指标满分6分,未完成的一律扣2分。", "9个", "7个", "4"),  # 6 − 2 = 4 (proportion 4.67)
        ("本指标满分6分,少于一半扣3分。", "9个", "8个", "6"),  # 8 of 9 is no less than half: 6
    ],
)
def test_a_rule_not_per_one_unit_is_not_applied_as_one(tmp_path, rule, target, actual, score):
    """宁德 地震局 2020's row 14 with its 评分标准 reworded: each score follows its rule; perfxl cannot apply these rules,
    so a score off the proportion is a 警告 naming the rule, never a certain 错误 from a misread rule."""
    rows, merges = _dizhenju(rule, actual, score)
    found = _found(tmp_path, _plant(rows, {"E14": target}), merges, "S01", "S07")
    assert found and {f.severity.value for f in found} == {"warning"}
    assert all("评分标准" in f.basis and "按该标准应为" not in f.basis for f in found)


@pytest.mark.parametrize(
    ("rule", "target", "actual", "score"),
    [
        ("本指标满分6分,未达到8个不得分。", "9个", "8个", "6"),  # 8 reaches the rule's 8: full marks by it
        ("本指标满分6分,达10个得6分,每少一个扣1分。", "9个", "9个", "5"),  # the rule counts from 10: 6 − 1 = 5
    ],
)
def test_a_rule_counting_from_a_figure_other_than_the_target_is_not_applied(tmp_path, rule, target, actual, score):
    """The rule's own figure (达10个, 未达到8个) is not the row's 目标值 (9个): the rule was applied as if counted from the
    target, and the score that follows the rule got a certain S01/S07 — a person checks which the form meant."""
    rows, merges = _dizhenju(rule, actual, score)
    found = _found(tmp_path, _plant(rows, {"E14": target}), merges, "S01", "S07")
    assert found and {f.severity.value for f in found} == {"warning"}
    assert all("评分标准" in f.basis and "按该标准应为" not in f.basis for f in found)


def test_a_rule_counting_from_the_target_is_still_applied(tmp_path):
    """The published rule (达9个得6分, 少检查一个扣1分) over 9个: 8 scored 4 follows neither it (5) nor the proportion."""
    rows, merges = _dizhenju(None, "8个", "4")
    (s01,) = _found(tmp_path, rows, merges, "S01")
    assert s01.severity.value == "error" and "按该标准应为 5" in s01.basis


# ---------------------------------------------------------------- N02: a growth rate compared with last year's


@pytest.mark.parametrize(
    "sentence",
    [
        "本年收入3000万元，比上年增加300万元，增幅较上年提高5%。",  # the 增幅 itself rose by 5 points
        "本年收入3000万元，比上年增加300万元，增幅比上年回落2%。",
        "本年收入3000万元，比上年增加300万元，增幅同比提高1.5%。",
    ],
)
def test_a_growth_rate_compared_with_another_is_not_the_change_rate(tmp_path, sentence):
    """Since 增幅 became a direction word (461831e), '增幅较上年提高5%' was read as the rate of the 300万元 change and
    gave a certain N02 '应为 11%' — the sentence says the growth rate rose by 5 points, not that it was 5%."""
    from report_helpers import report_findings

    assert [f.brief() for f in report_findings(tmp_path, sentence) if f.severity.value != "info"] == []


def test_the_rate_of_the_change_just_stated_is_still_computed(tmp_path):
    from report_helpers import report_findings

    found = [f for f in report_findings(tmp_path, "本年收入3000万元，比上年增加300万元，增幅5%。") if f.code == "N02"]
    assert [f.severity.value for f in found] == ["error"] and "11%" in found[0].message  # 300 / 2700


@pytest.mark.parametrize(
    "rule", ["本指标满分6分,每少一个扣1分,未开展的不得分。", "本指标满分6分,未开展不得分,每少一个扣1分。"]
)
def test_a_rule_with_both_a_deduction_and_a_nothing_clause_is_not_applied_as_all_or_nothing(tmp_path, rule):
    """'每少一个扣1分,未开展的不得分': 8 of 10 scored 6 − 2 = 4 follows it; read as all or nothing it was a certain S01
    '按该标准应为 0'. Which clause applies is the rule's own condition — a person checks (警告 naming the rule)."""
    rows, merges = _dizhenju(rule, "8个", "4")
    found = _found(tmp_path, _plant(rows, {"E14": "10个"}), merges, "S01", "S07")
    assert [(f.code, f.severity.value) for f in found] == [("S01", "warning")]
    assert "评分标准" in found[0].basis and "按该标准应为" not in found[0].basis


# ---------------------------------------------------------------- "2023.12" beside a 度量单位 of time


@pytest.mark.parametrize("unit", ["月", "年月", "日期", "时间"])
def test_a_year_and_month_beside_a_unit_of_time_is_a_date(unit):
    """时效 row │ 度量单位 "月" (or 年月, 日期, 时间) │ "2023.12" │ "2023.11": a month early, yet read as the numbers 2023.11 <
    2023.12 it drew S07 '未达到年度指标值' and D01 — the guard for a 万元 column (an amount) also caught units of time."""
    import dataclasses

    from rules_helpers import good_evaluation, indicator, submission

    from perfxl.rules.context import dotted_year_month
    from perfxl.validate import validate_submission
    from perfxl.values import parse_value

    rows = (indicator(12, "产出指标", "时效指标", "项目完成时间", "2023.12", "2023.11", 10, 10, unit=unit),)
    ev = good_evaluation(indicators=rows, level1=(), funds=None)
    ev = dataclasses.replace(ev, total_score=dataclasses.replace(ev.total_score, raw=None))
    assert [f.brief() for f in validate_submission(submission(ev)) if f.code in ("S01", "S07", "D01")] == []
    # the reader joins the unit to the value ("2023.12月"): still December 2023
    assert dotted_year_month(parse_value(f"2023.12{unit}")).date.display() == "2023-12-31"
    assert dotted_year_month(parse_value("2023.12万元")) is None


# ---------------------------------------------------------------- a flat 指标名称 │ 计量单位 │ 指标值 list is no 目标表


def test_a_statistics_list_with_units_is_not_a_declared_target_table(tmp_path):
    """宁德 地震局 2020's 自评表 beside a sheet of statistics (指标名称 │ 计量单位 │ 指标值, nothing saying the figures are
    targets): read as a flat 目标表 since 3e5d24e, its figures were called the declared targets — two P01 '与绩效目标申报表
    （统计!C3）的 12个 不一致'. A flat target table names its 指标性质 (丰都 2022: 指标名称 │ 计量单位 │ 指标性质 │ 指标值)."""
    import tomllib
    from pathlib import Path

    from report_helpers import sheets_result
    from test_flat_targets import _workbook_targets

    data = tomllib.loads((Path(__file__).parent / "realworld" / "fujian-ningde-dizhenju-bumen-2020.toml").read_text())
    stats = [
        ["2020年地震监测工作统计", "", ""],
        ["指标名称", "计量单位", "指标值"],
        ["抽查全市地震监测台站运维情况个数", "个", "12"],
        ["开展防震减灾科普“进基层”宣传活动场数", "场", "15"],
    ]
    result = sheets_result(tmp_path, ("自评表", data["rows"], tuple(data.get("merges", []))), ("统计", stats, ()))
    assert [f.brief() for f in result.findings if f.code == "P01"] == []
    assert _workbook_targets(tmp_path, stats[1:]) == []


def test_a_flat_table_calling_its_values_targets_needs_no_nature_column(tmp_path):
    """指标名称 │ 计量单位 │ 年度指标值 ("≥300"): the header says the values are targets, so it stays a flat 目标表."""
    from test_flat_targets import _workbook_targets

    rows = [["指标名称", "计量单位", "年度指标值"], ["培训人次", "人次", "≥300"]]
    assert _workbook_targets(tmp_path, rows) == [("培训人次", "≥300人次", "C2")]


# ---------------------------------------------------------------- a .docx whose document part has no body


def test_a_docx_without_a_body_is_named_corrupt_not_an_internal_error(tmp_path):
    """word/document.xml holding an empty <w:document/>: reading it gave INTERNAL_ERROR ('NoneType' object is not
    iterable, '请报告此问题') — bad input must get a clear message naming the file."""
    import zipfile

    from report_helpers import narrative_docx

    from perfxl.validate import validate_file

    src = narrative_docx(tmp_path / "report.docx", "一、基本情况")
    empty = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'
    out = tmp_path / "no-body.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info, empty if info.filename == "word/document.xml" else zin.read(info))
    result = validate_file(out)
    assert not result.ok and result.error["code"] == "DOCX_CORRUPT" and "正文" in result.error["message"]
    assert result.error["path"] == str(out)


# ---------------------------------------------------------------- full marks typed whole beside rounded scores


def test_full_marks_typed_whole_beside_scores_printed_rounded_leave_their_slack():
    """Four rows at full marks typed "10" and six at 8⅓ printed "8.33" under a 总分 "90.00" (the exact sum): 89.98, 0.02
    short. The "10"s made the table 'mixed precision' and the slack 0, so T02 was a certain 错误 — with "10.00" typed it
    was the rounding 警告. A whole figure beside finer ones is exact; the finer ones may each be off by half their last
    place (6 × 0.005 + 0.005): a 警告. A difference beyond that stays an 错误."""
    import dataclasses

    from rules_helpers import good_evaluation, indicator, submission

    from perfxl.model import Certainty, Severity
    from perfxl.validate import validate_submission

    def t02(scores, total):
        rows = tuple(
            indicator(12 + k, "产出指标", "数量指标", f"指标{k + 1}", "≥3个", "3个", 10, s)
            for k, s in enumerate(scores)
        )
        ev = good_evaluation(indicators=rows, level1=(), funds=None)
        ev = dataclasses.replace(ev, total_score=dataclasses.replace(ev.total_score, raw=total))
        return [(f.severity, f.certainty) for f in validate_submission(submission(ev)) if f.code == "T02"]

    assert t02(["10"] * 4 + ["8.33"] * 6, "90.00") == [(Severity.WARNING, Certainty.JUDGEMENT)]
    assert t02(["10"] * 4 + ["8.33"] * 6, "90.10") == [(Severity.ERROR, Certainty.CERTAIN)]  # 0.12: beyond 0.035
    assert t02(["10"] * 4 + ["9.5"] * 6, "96.00") == [(Severity.ERROR, Certainty.CERTAIN)]  # 97 as typed: 1 off


# ---------------------------------------------------------------- a cover page set with letter spacing


def test_a_cover_page_with_letter_spaced_labels_is_no_table():
    """A 自评报告's cover: "项 目 名 称：…", "主 管 部 门：…" — labels set with letter spacing. Each line stood in four or
    five runs at the same places, so the cover was reported as a table printed without rules that perfxl could not read
    (and, since a1a44ad, the batch status names it). A run of one character is letter spacing, not a cell."""
    from test_pdf_columns import EM, LEFT, _line

    from perfxl.document.pdf_columns import column_blocks
    from perfxl.document.pdf_text import page_text

    chars: list = []
    top = 200.0
    for label, value in [
        ("项目名称", "农村饮水安全巩固提升工程"),
        ("主管部门", "某某县水利局"),
        ("实施单位", "某某县水利局"),
        ("填报日期", "2023年3月1日"),
    ]:
        _line(chars, top, [(LEFT + k * 2.5 * EM, ch) for k, ch in enumerate(label)] + [(LEFT + 10 * EM, "：" + value)])
        top += 2 * EM
    assert column_blocks(page_text(1, chars, [], 595.0)) == []


# ---------------------------------------------------------------- an annotated copy of a sheet written with ' quotes


def test_a_sheet_written_with_single_quoted_attributes_is_marked_in_place():
    """<row r='9'><c r='B9' …> is XML as valid as r="9" (some writers quote so). The splice looked for r="…" only: it
    took the rows for numbered 1, 2, 3 …, found no row 9 and appended a second <row r="9"> holding an empty B9 — the
    copy showed the user's 20 gone (openpyxl reads the later row) and Excel would repair the file."""
    import io
    import re
    import zipfile

    import openpyxl

    from perfxl.annotate import annotated_bytes
    from perfxl.model import CellRef, Finding, Severity

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "自评表"
    ws["A1"], ws["B5"], ws["B9"] = "标题", 10, 20
    ws.column_dimensions["B"].width = 12
    buf = io.BytesIO()
    wb.save(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb"<(?:row|c|col)\b[^>]*>", lambda m: m.group(0).replace(b'"', b"'"), data)
            zout.writestr(info, data)
    marked, _ = annotated_bytes(out.getvalue(), [Finding("S01", Severity.ERROR, CellRef("自评表", "B9"), "得分有误")])
    with zipfile.ZipFile(io.BytesIO(marked)) as z:
        sheet = z.read("xl/worksheets/sheet1.xml")
    assert len(re.findall(rb"<row\b[^>]*\br=['\"]9['\"]", sheet)) == 1
    cell = openpyxl.load_workbook(io.BytesIO(marked))["自评表"]["B9"]
    assert cell.value == 20 and cell.fill.fill_type == "solid"


@pytest.mark.parametrize("rule", ["本指标满分6分,未完成1个扣2分。", "本指标满分6分,少完成1个扣2分。"])
def test_a_per_unit_rule_opened_by_wei_wancheng_is_still_applied(tmp_path, rule):
    """'未完成1个扣2分' is points per unit short (its 1 is the unit, not a baseline): 8 of 9 scored 4 follows it."""
    rows, merges = _dizhenju(rule, "8个", "4")
    assert _found(tmp_path, rows, merges, "S01", "S07") == []
