"""Issues 11 and 12 (certainty, basis, messages finance staff read): gaps today's helpers noticed and left (polish14).
Each test failed before its fix, on a workbook or report the project's own code builds:

4. "2.5E+07" in a cell (scientific notation within Excel's range, as Excel prints a big number in a narrow column) was
   read by `parse_value` as 2.5 with a unit "E+" (only `Context.number` read 25,000,000): one reading now, judged at
   its printed precision (2 significant figures: -6 places) — a 三公 total "2.5E+07" over parts of 25,400,000 was a
   certain B03 错误.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import pytest
from render import validated, variant

from perfxl.numbers import printed_places
from perfxl.values import parse_value

# ---------------------------------------------------------------- 4. "2.5E+07" in a cell

HENGSHAN = (
    "hunan-hengshan-guantang-jichushuju-2023"  # 基础数据表: 三公 D6 over 公务用车 D7 (D8, D9), 出国 D10, 接待 D11
)


def test_scientific_notation_within_range_is_one_figure_everywhere():
    for text, number, unit in (("2.5E+07", 25000000, None), ("2.5E+07元", 25000000, "元"), ("1.2E-03", "0.0012", None)):
        p = parse_value(text)
        assert (p.number, p.unit, p.damaged) == (Decimal(number), unit, False), (text, p)
    assert printed_places("2.5E+07") == -6 and printed_places("2.50E+07") == -5 and printed_places("1.2E-03") == 4
    assert parse_value("1E+309").damaged  # past Excel's range: damage, as before


def _b03(tmp_path, parts: str):
    changes = {"D6": "2.5E+07", "D7": parts, "D8": parts, "D9": "0", "D10": "0", "D11": "0"}
    return [f for f in validated(variant(HENGSHAN, changes), tmp_path).findings if f.code == "B03"]


def test_a_total_in_scientific_notation_is_judged_at_its_printed_figures(tmp_path):
    assert _b03(tmp_path, "25400000") == []  # before: B03 错误 "应为分项之和 25400000，表中为 2.5E+07"


def test_guard_a_total_in_scientific_notation_beyond_its_rounding_stays_an_error(tmp_path):
    (b03,) = _b03(tmp_path, "26000000")
    assert b03.severity.value == "error" and b03.ref.cell == "D6"


# ---------------------------------------------------------------- 2. the coverage line names a 三公 table as such


def test_the_coverage_line_names_a_three_public_table_by_its_own_name(tmp_path):
    from test_docs14 import _three_public

    from perfxl.report.console import render_text
    from perfxl.validate import validate_file

    text = render_text([validate_file(_three_public(tmp_path))])
    (line,) = [s.strip() for s in text.splitlines() if s.strip().startswith("Sheet1：")]
    assert line == "Sheet1：三公经费表 A1:F4；第1–4行 三公经费", (
        line
    )  # before: "Sheet1：基础数据表 A1:F4；第1–4行 基础数据"


# ---------------------------------------------------------------- 5. a declaration table's unread rows name that table


def test_a_declaration_table_s_unread_rows_name_that_table(tmp_path):
    from render import CORPUS, load_table, render

    from perfxl.validate import validate_file

    path = render(load_table(CORPUS / "hunan-lixian-shiyongjun-mubiao-2021.toml"), tmp_path)
    (sheet,) = validate_file(path).coverage.sheets
    # before: "首处：自评表中第 5–6 行（共 2 行）无法识别" on a file that holds no 自评表
    assert "首处：绩效目标申报表中第 5–6 行（共 2 行）无法识别" in sheet.note_zh and "自评表" not in sheet.note_zh


# ---------------------------------------------------------------- 7. the catalogue states W02's and F05's judgements


def test_the_catalogue_states_when_w02_and_f05_are_judgements():
    from perfxl.rules.catalogue import spec

    w02, f05 = spec("W02"), spec("F05")
    # gaps14: a 不适用 row's 0 分值 (W02), a rate over a blank 年初预算数 (F05) — before: W02 named only the 总分 row, F05 nothing
    assert "不适用" in w02.degrades_zh and "do not apply" in w02.degrades_en and "总分行" in w02.degrades_zh
    assert "年初预算数未填写" in f05.degrades_zh and "blank 年初预算数" in f05.degrades_en
    assert "末位" in f05.degrades_zh and "需人工判断" in f05.degrades_zh


# ---------------------------------------------------------------- 8. the unit line above an HTML table


def _html_basic(tmp_path: Path, above: str) -> Path:
    from test_docs14 import BASIC_ROWS

    rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in BASIC_ROWS)
    path = tmp_path / "basic.xls"  # an HTML page saved as .xls, as budget systems export
    path.write_text(
        f"<html><head><meta charset='utf-8'></head><body>{above}<table>{rows}</table></body></html>", "utf-8"
    )
    return path


def test_a_unit_line_above_an_html_table_is_its_unit_as_for_a_word_table(tmp_path):
    from perfxl.profiles import load_profile
    from perfxl.reader import read_submission

    def unit(above: str) -> tuple[str, str]:
        basic = read_submission(_html_basic(tmp_path, above), load_profile(None)).basic
        assert basic is not None
        return basic.unit, basic.unit_above

    assert unit("<p>单位：万元</p>") == ("万元", "单位：万元")  # before: 元 (the 基础数据表's default), no line
    assert unit("<div><p>单位：万元</p></div><p>附表1</p>") == (
        "万元",
        "单位：万元",
    )  # a caption line between is no bar
    assert unit("<p>单位：万元</p><p>附表1</p><p>基础数据表</p>") == ("元", "")  # a line further up never is
    assert unit("<p>单位：万元，以下为本局2023年度基础数据表，请审阅。</p>") == ("元", "")  # a sentence of the text


# ---------------------------------------------------------------- 1. a 基础数据表 printing no unit anywhere


def test_a_basic_table_printing_no_unit_is_compared_in_an_assumed_unit_as_a_guess(tmp_path):
    from test_docs14 import BASIC_ROWS, _n01, _report

    # the narrative's 2万元 and 1.11万元 are the table's 2 and 1.1131 in 万元: before, two N01 错误 ("2元（即 0万元）")
    assert _n01(_report(tmp_path / "same.docx", [])) == []
    rows = [list(r) for r in BASIC_ROWS]
    rows[2][3] = rows[5][3] = "1.5"  # no figure of the narrative agrees with the table in any unit: none settles it
    found = _n01(_report(tmp_path / "off.docx", [], rows, budget="3"))
    assert [(f.severity.value, f.certainty.value) for f in found] == [("warning", "guess")] * 2, found
    assert (
        "2万元" in found[0].message and "基础数据表未注明金额单位" in found[0].basis and "单位系推测" in found[0].basis
    )


def test_a_unit_the_narrative_s_agreeing_figures_settle_is_the_table_s(tmp_path):
    from test_docs14 import _n01, _report

    # 1.11万元 is the cell 1.1131 in 万元 (and in no other unit): the narrative states the table's unit, so 5万元 against
    # the 2 beside it is a contradiction the cells make certain, the basis saying how the unit was read
    (n01,) = _n01(_report(tmp_path / "settled.docx", [], budget="5"))
    assert n01.severity.value == "error" and "正文“1.11万元”与表中数字按万元相符，按万元读取" in n01.basis, n01


def test_guard_a_unit_the_basic_table_prints_keeps_its_comparison_certain(tmp_path):
    from test_docs14 import BASIC_ROWS, _n01, _report

    rows = [BASIC_ROWS[0], ["单位：元", "", "", ""], *BASIC_ROWS[1:]]
    found = _n01(_report(tmp_path / "yuan.docx", [], rows))  # printed 元: 2元 against 2万元 is the report's slip
    assert found and all(f.severity.value == "error" for f in found), found


# ---------------------------------------------------------------- 3. a narrative figure whose cell is unreadable


def _damaged_report(tmp_path: Path) -> Path:
    from test_docs14 import BASIC_ROWS, _report

    rows = [BASIC_ROWS[0], ["单位：万元", "", "", ""], *BASIC_ROWS[1:]]
    rows[3] = ["三公经费", "2.5362", "2", "1.1O31"]  # the 三公 total's 决算 damaged (a scanned 0 read as O): C02's
    rows[6] = [" 3、公务接待", "2.5362", "2", "1.1O31"]
    return _report(tmp_path / "damaged.docx", [], rows)


def test_a_figure_whose_table_cell_is_unreadable_is_said_so_not_a_missing_row(tmp_path):
    from perfxl.validate import validate_file

    findings = validate_file(_damaged_report(tmp_path)).findings
    (n04,) = [f for f in findings if f.code == "N04"]
    # before: "在已读入的表格中没有同名或同义的行、指标" — the row is there, only its cell unread
    assert "表1!D4（“1.1O31”） 未能读取为数字" in n04.message and "没有同名" not in n04.basis, n04
    assert [str(r) for r in n04.related] == ["表1!D4"] and n04.severity.value == "info"


def test_a_sum_over_a_damaged_figure_is_no_error(tmp_path):
    from perfxl.validate import validate_file

    findings = validate_file(_damaged_report(tmp_path)).findings
    assert sorted(f.ref.cell for f in findings if f.code == "C02") == ["D4", "D7"]
    # before: B03 错误 "“三公经费”应为分项之和 0，表中为 1.1O31" — a sum perfxl could not read, no filer's slip
    assert not [f for f in findings if f.code == "B03"], findings


# ---------------------------------------------------------------- 6. the 吉林 评价表's grade beside the 总分's label


@pytest.mark.parametrize(
    ("cells", "merges", "at"),
    [
        ({"E43": "自评等级", "F43": "{g}"}, ["G43:K43"], "F43"),  # label │ grade in E43:F43
        ({"E43": "自评等级", "G43": "{g}"}, ["E43:F43", "G43:K43"], "G43"),  # the label merged over E43:F43
        ({"I43": "自评等级", "J43": "{g}"}, ["E43:H43"], "J43"),  # label │ grade in I43:J43
    ],
)
def test_a_grade_beside_its_label_on_the_total_row_is_read_and_checked(tmp_path, cells, merges, at):
    """Guard (found already read: the form's own E43:K43 merge hides a grade typed inside it — Excel shows only E43, the
    file keeps nothing — so the filer splits it; split, the row says by its label where its grade is, and T04 checks it)."""
    from render import render
    from test_weighted13 import _filled

    from perfxl.validate import validate_file

    for grade, wrong in (("差", True), ("优", False)):
        table = _filled(changes={k: v.format(g=grade) for k, v in cells.items()})
        table.merges = [m for m in table.merges if m != "E43:K43"] + merges
        t04 = [f for f in validate_file(render(table, tmp_path)).findings if f.code == "T04"]
        assert [(f.ref.cell, f.severity.value) for f in t04] == ([(at, "error")] if wrong else []), t04


@pytest.mark.parametrize("text", ["自评等级 {g}", "自评等级\n{g}", "评价等级　{g}"])
def test_a_grade_typed_after_its_label_in_the_merged_label_cell_is_read_and_checked(tmp_path, text):
    """The form's 总分 row merges E43:K43: "自评等级 优" typed there, no colon, was read as the grade cell but taken for a
    sentence (T04 not run: "是一段文字而非等级") — now the label then a grade word is the grade, and T04 checks it."""
    from render import render
    from test_weighted13 import _filled

    from perfxl.validate import validate_file

    for grade, wrong in (("差", True), ("优", False)):
        result = validate_file(render(_filled(changes={"E43": text.format(g=grade)}), tmp_path))
        t04 = [(f.ref.cell, f.severity.value) for f in result.findings if f.code == "T04"]
        assert t04 == ([("E43", "error")] if wrong else []), (text, grade, t04)
        assert not [s for s in result.coverage.skipped if s.code == "T04"]


def test_guard_words_after_a_grade_label_are_no_grade():
    from perfxl.layout.headers import grade_in_text

    assert grade_in_text("自评等级优") == "优" and grade_in_text("自评等级:良") == "良"
    assert grade_in_text("等级说明") is None and grade_in_text("自评结论项目实施情况良好") is None
