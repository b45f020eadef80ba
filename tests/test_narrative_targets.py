"""A narrative target against the 目标表's 指标值 (issue 12): a sentence the text marks a target ("年度绩效目标:…",
"计划…", "预期…") is set against the matching row of a 目标表/申报表 of the same document (Submission.declarations) — N01,
units converted, printed precision respected; a 警告 (a 目标表 holds the target as approved, the text may state it as
adjusted since — as P01 treats the 自评表's targets), naming both names when they pair only by similarity — and an actual
is never set against a declared target.

The document is the real 丰都县公安局 2022 辅警人员经费 自评报告 (tests/realworld/reports/chongqing-fengdu-fujing-2022.toml),
its paragraphs and 绩效目标 table as published. Its stored copy prints the targets only in the table, under the heading
"(三)绩效目标。"; the target sentence these tests put under that heading restates the table's own rows
(辅警人员 =512人, 节约多招录正式民警资金支出 ≥1500万元, 受益对象满意度 ≥95%) in the report's words.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import docx
import pytest
from report_helpers import report_docx
from test_document_realreport import build_docx

from perfxl.model import TextRef
from perfxl.reader import read_submission
from perfxl.validate import validate_file
from perfxl.workbook.report_docx import AGREEING_FIGURES

FENGDU = Path(__file__).parent / "realworld" / "reports" / "chongqing-fengdu-fujing-2022.toml"
HEADING = "(三)绩效目标。"
TARGETS = "年度绩效目标:辅警人员512人,节约多招录正式民警资金支出不少于1500万元,受益对象满意度不低于95%。"
ACTUAL = "目前,我局实有辅警人员512人"


def _fengdu() -> dict:
    return tomllib.loads(FENGDU.read_text(encoding="utf-8"))


def _with_targets(sentence: str, *, actual: str = ACTUAL) -> dict:
    """The 丰都 report with `sentence` under its (三)绩效目标 heading (paragraph 7), and the actual of paragraph 4 as
    `actual`."""
    fixture = _fengdu()
    paragraphs = list(fixture["paragraphs"])
    assert paragraphs[6] == HEADING and ACTUAL in paragraphs[3]
    paragraphs[6] = HEADING + sentence
    paragraphs[3] = paragraphs[3].replace(ACTUAL, actual)
    fixture["paragraphs"] = paragraphs
    return fixture


def _narrative(tmp_path: Path, fixture: dict):
    path = tmp_path / "report.docx"
    build_docx(fixture, path)
    result = validate_file(path)
    assert result.ok, result.error
    return result, [f for f in result.findings if isinstance(f.ref, TextRef)]


def test_the_report_s_targets_as_its_table_states_them_stay_quiet(tmp_path):
    """The three targets as the table prints them (512人, ≥1500万元, ≥95%), the actual 512人 beside them: no finding."""
    result, narrative = _narrative(tmp_path, _with_targets(TARGETS))
    assert [(f.code, f.ref.paragraph) for f in narrative] == []
    assert [f for f in result.findings if f.severity.value == "error"] == []


@pytest.mark.parametrize(
    ("changed", "written", "table", "cell"),
    [
        (("辅警人员512人", "辅警人员520人"), "520人", "=512人", "D2"),
        (("不少于1500万元", "不少于1600万元"), "1600万元", "1500万元", "D5"),
        (("不低于95%", "不低于98%"), "98%", "95%", "D7"),
    ],
    ids=["count", "money", "percent"],
)
def test_one_target_changed_in_the_text_is_one_n01_there(tmp_path, changed, written, table, cell):
    """Failed before (no N01: a target was compared only with a 自评表's 年度指标值, and this report has none): one
    N01 (a 警告: the text may state an adjusted target) at paragraph 7, naming both figures and both places (the paragraph and the 目标表 cell)."""
    _, narrative = _narrative(tmp_path, _with_targets(TARGETS.replace(*changed)))
    assert [(f.code, f.ref.paragraph, f.severity.value) for f in narrative] == [("N01", 7, "warning")]
    [n01] = narrative
    assert [(r.sheet, r.cell) for r in n01.related] == [("表1", cell)]
    assert written in n01.message and table.lstrip("=") in n01.message
    assert "正文第7段" in n01.message and f"表1!{cell}" in n01.message and "目标表" in n01.message
    assert n01.actual == written


def test_a_target_in_other_units_and_within_printed_precision_is_quiet(tmp_path):
    """0.15亿元 is 1500万元; "95.0%" is 95%: the same targets, printed otherwise."""
    sentence = TARGETS.replace("1500万元", "0.15亿元").replace("95%", "95.0%")
    _, narrative = _narrative(tmp_path, _with_targets(sentence))
    assert narrative == []


@pytest.mark.parametrize("actual", ["目前,我局实有辅警人员500人", "目前,我局辅警人员500人"])
def test_an_actual_is_never_compared_with_the_declared_target(tmp_path, actual):
    """An actual (500 辅警人员 on the payroll) beside a 目标表 stating the target =512人, and beside the target sentence:
    the table holds no actual, so the actual is not set against the target (nor reported unsupported)."""
    _, narrative = _narrative(tmp_path, _with_targets(TARGETS, actual=actual))
    assert [(f.code, f.ref.paragraph) for f in narrative] == []


def test_a_target_named_otherwise_is_a_warning_naming_the_pair(tmp_path):
    """Failed before (no finding): "节约招录正式民警资金支出" is paired with the table's 节约多招录正式民警资金支出 by name
    similarity only — a 警告 at most, naming both names — and its 1600万元 is not the table's ≥1500万元."""
    sentence = "年度绩效目标:节约招录正式民警资金支出不少于1600万元。"
    _, narrative = _narrative(tmp_path, _with_targets(sentence))
    assert [(f.code, f.ref.paragraph, f.severity.value) for f in narrative] == [("N01", 7, "warning")]
    [n01] = narrative
    assert "节约招录正式民警资金支出" in n01.message and "节约多招录正式民警资金支出" in n01.message
    assert "相似度" in n01.message and "1600万元" in n01.message and [r.cell for r in n01.related] == ["D5"]


def test_a_target_cue_in_its_own_clause(tmp_path):
    """ "计划…" / "…目标为…" in the figure's own clause mark it a target too; a changed one is the one N01."""
    _, quiet = _narrative(tmp_path, _with_targets("受益对象满意度目标为95%。"))
    assert quiet == []
    _, narrative = _narrative(tmp_path, _with_targets("受益对象满意度目标为90%。"))
    assert [(f.code, f.ref.paragraph, f.severity.value, f.actual) for f in narrative] == [("N01", 7, "warning", "90%")]


# ---------------------------------------------------------------- a 目标表 beside the 自评表: N04 no longer fires


def _seed_with_targets(tmp_path: Path, sentence: str, row: tuple[str, ...] = ("新增专精特新企业", "家", "≥", "5")):
    """The seed's 部门整体 report (基础数据表, 自评表, narrative agreeing) with `sentence` after its targets table, and a flat
    目标表 appended (指标名称 │ 计量单位 │ 指标性质 │ 指标值) with one row the 自评表 does not have: 新增专精特新企业 ≥5家."""
    report = report_docx(tmp_path / "seed.docx", {**AGREEING_FIGURES, "goal_sentence": sentence})
    document = docx.Document(str(report.path))
    rows = [["指标名称", "计量单位", "指标性质", "指标值"], list(row)]
    table = document.add_table(rows=len(rows), cols=4)
    for row, cells in zip(rows, (r.cells for r in table.rows), strict=True):
        for text, cell in zip(row, cells, strict=True):
            cell.paragraphs[0].text = text
    document.save(str(report.path))
    result = validate_file(report.path)
    assert result.ok, result.error
    [paragraph] = report.paragraph_with("goal_sentence")
    assert [d.kind for d in read_submission(report.path).declarations] == ["declaration"]
    return [f for f in result.findings if isinstance(f.ref, TextRef) and f.ref.paragraph == paragraph], paragraph


def test_a_target_only_the_target_table_holds_is_supported_not_n04(tmp_path):
    """Failed before: "新增专精特新企业5家" as a target found no 自评表 row and was reported unsupported (N04) though the
    document's 目标表 states it; now it is compared with that row — agreeing, quiet; changed, the one N01."""
    quiet, _ = _seed_with_targets(tmp_path, "年度绩效目标:新增专精特新企业5家。")
    assert quiet == []
    changed, paragraph = _seed_with_targets(tmp_path, "年度绩效目标:新增专精特新企业6家。")
    assert [(f.code, f.ref.paragraph, f.severity.value, f.actual) for f in changed] == [
        ("N01", paragraph, "warning", "6家")
    ]
    assert "目标表指标“新增专精特新企业”指标值" in changed[0].message


def test_an_actual_only_the_target_table_names_stays_unsupported(tmp_path):
    """ "新增专精特新企业6家" as a result: the 目标表 states a target, not what was done — the actual is not set against it
    (no N01), and no table row supports it (N04, 提示, as before)."""
    findings, paragraph = _seed_with_targets(tmp_path, "全年新增专精特新企业6家。")
    assert [(f.code, f.ref.paragraph, f.severity.value) for f in findings] == [("N04", paragraph, "info")]


def test_a_target_table_row_of_that_very_name_beats_a_self_evaluation_row_like_it(tmp_path):
    """Failed before: "新增规模工业企业16家" as a target was paired by similarity with the 自评表's 新进规模企业 (年度指标值
    12家; N01 警告 16 ≠ 12) though the 目标表 names 新增规模工业企业 ≥16家 exactly: now that row, agreeing — quiet; changed,
    an N01 (a 警告) against it."""
    row = ("新增规模工业企业", "家", "≥", "16")
    quiet, _ = _seed_with_targets(tmp_path, "年度绩效目标:新增规模工业企业16家。", row)
    assert quiet == []
    changed, paragraph = _seed_with_targets(tmp_path, "年度绩效目标:新增规模工业企业18家。", row)
    assert [(f.code, f.ref.paragraph, f.severity.value, f.actual) for f in changed] == [
        ("N01", paragraph, "warning", "18家")
    ]
    assert "目标表指标“新增规模工业企业”指标值" in changed[0].message and "新进规模企业" not in changed[0].message


def test_next_year_s_target_is_not_this_year_s_table(tmp_path):
    """A guard (the first version of the target comparison gave an N01 520 ≠ 512 here): "2023年度绩效目标:辅警人员520人" in the 2022 report is next year's plan — not set
    against the 2022 目标表 (the year's own target sentence beside it agrees)."""
    sentence = "2022年度绩效目标:辅警人员512人。2023年度绩效目标:辅警人员520人。"
    _, narrative = _narrative(tmp_path, _with_targets(sentence))
    assert narrative == []


def test_a_target_s_bound_is_its_value(tmp_path):
    """Failed before (quiet: "90%以上" held for the table's 95%): "预期受益对象满意度达到90%以上" states the target ≥90%,
    the 目标表 ≥95% — two targets, compared like for like: one N01 naming 90% and 95%."""
    _, narrative = _narrative(tmp_path, _with_targets("预期受益对象满意度达到90%以上。"))
    assert [(f.code, f.ref.paragraph, f.severity.value, f.actual, f.expected) for f in narrative] == [
        ("N01", 7, "warning", "90%", "95%")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "已完成年度绩效目标:辅警人员500人。",
        "年度绩效目标:辅警人员512人,实际在岗辅警人员500人。",
        "绩效目标完成情况:辅警人员500人。",
    ],
    ids=["done-before-the-lead", "actual-after-the-target", "not-a-target-lead"],
)
def test_a_result_after_a_target_lead_is_no_target(tmp_path, sentence):
    """A colon after 目标 marks the figures after it targets only where no word before them says they are results
    ("已完成…目标:", "实际…", "目标完成情况:"): those 500人 are actuals, never set against the 目标表's =512人."""
    _, narrative = _narrative(tmp_path, _with_targets(sentence))
    assert narrative == []


# ---------------------------------------------------------------- the paired workbook's 目标表 (batch pairing)


def test_a_paired_workbook_s_target_table_is_the_report_s(tmp_path):
    """The unit's workbook (the seed's, with a 绩效目标 sheet added: 新增专精特新企业 ≥5家) paired with its narrative-only
    report: the pairing checks the text against the workbook's tables by the same code, so the report's target 6家 is
    the one N01, at its paragraph, pointing at the workbook's 指标值 cell."""
    from openpyxl import load_workbook
    from test_batch_documents import EXAMPLE, narrative_only_docx

    from perfxl.batch.discover import discover
    from perfxl.batch.pairing import check_pair, with_pairs

    unit = tmp_path / "科工局"
    unit.mkdir()
    book = load_workbook(EXAMPLE)
    sheet = book.create_sheet("绩效目标")
    for row in (["指标名称", "计量单位", "指标性质", "指标值"], ["新增专精特新企业", "家", "≥", 5]):
        sheet.append(row)
    book.save(unit / "自评表.xlsx")
    results = {}
    for written in ("5家", "6家"):
        sentence = f"年度绩效目标:新增专精特新企业{written}。"
        paragraphs = narrative_only_docx(unit / "自评报告.docx", {**AGREEING_FIGURES, "goal_sentence": sentence})
        [pair] = [f for f in with_pairs(discover([unit])).files if f.name.startswith("报告与")]
        result = check_pair(pair.path)
        at = paragraphs["goal_sentence"]
        results[written] = [
            (f.code, f.severity.value, f.actual, [(r.sheet, r.cell) for r in f.related])
            for f in result.findings
            if getattr(f.ref, "paragraph", None) == at
        ]
    assert results == {"5家": [], "6家": [("N01", "warning", "6家", [("绩效目标", "D2")])]}


def test_a_workbook_of_targets_alone_is_paired_too(tmp_path):
    """A unit whose workbook holds only its 绩效目标表 (no 自评表, no 基础数据表) was PAIR_NOT_CHECKED: its report's targets
    were never held to it. They are now, by the same code."""
    from openpyxl import Workbook
    from test_batch_documents import narrative_only_docx

    from perfxl.batch.discover import discover
    from perfxl.batch.pairing import check_pair, with_pairs

    unit = tmp_path / "科工局"
    unit.mkdir()
    book = Workbook()
    sheet = book.active
    sheet.title = "绩效目标"
    for row in (["指标名称", "计量单位", "指标性质", "指标值"], ["新增专精特新企业", "家", "≥", 5]):
        sheet.append(row)
    book.save(unit / "目标表.xlsx")
    sentence = "年度绩效目标:新增专精特新企业6家。"
    paragraphs = narrative_only_docx(unit / "自评报告.docx", {**AGREEING_FIGURES, "goal_sentence": sentence})
    [pair] = [f for f in with_pairs(discover([unit])).files if f.name.startswith("报告与")]
    result = check_pair(pair.path)
    assert "PAIR_NOT_CHECKED" not in {f.code for f in result.findings}
    n01 = [
        f
        for f in result.findings
        if f.code == "N01" and getattr(f.ref, "paragraph", None) == paragraphs["goal_sentence"]
    ]
    assert [(f.severity.value, f.actual) for f in n01] == [("warning", "6家")]
