"""Review 19d of three merged readings (reports23's B18 one cell and 主要用于以下方面 carry, b19v's B19 signs) and of
review19a's open false 错误: "本部门2026年“三公”经费预算数为20.53万元" in the 说明 under a 本级 三公 table printing 8.53 —
the sentence names the department (本部门), the table's 编制单位 line its own level (（本级）): whether they are one scope is
no printed fact, so the disagreement is a 警告 that says so, not an N01 错误.
"""

from __future__ import annotations

import pytest
from report_helpers import error_cells as _errors
from report_helpers import findings_of as _codes
from report_helpers import workbook_result
from report_helpers import workbook_result as _workbook
from test_b19v import _MERGES, _b19, _table
from test_heldout32 import _CARS, _OVERSEAS, _RECEPTION, _merges, _shiquan


def _n01(result):
    return [(f.severity.value, getattr(f.ref, "cell", None)) for f in _codes(result, "N01")]


_DEPARTMENT = "本部门2026年“三公”经费预算数为20.53万元，比2025年预算减少25万元。其中："


def test_a_departments_figure_under_its_own_levels_table_is_not_compared(tmp_path):
    """ "本部门…预算数为20.53万元" under 石泉路街道（本级）'s table (合计 8.53): the department's figure, not the 本级's
    — no 错误. Re-judged in scope20: the table prints its scope ("2026年单位“三公”经费…预算表", "编制单位：…（本级）"),
    the sentence another (本部门): two scopes printed, so the figures are of different money and are not compared (the
    警告 review19d gave was for a table whose scope perfxl did not read; tests/test_scope20.py)."""
    said = (_DEPARTMENT, _OVERSEAS, _CARS, _RECEPTION)
    result = _workbook(tmp_path, _shiquan(sentences=said), _merges())
    assert not _errors(result)
    assert ("warning", "A9") not in _n01(result)


@pytest.mark.parametrize("scope", ["", "本单位"])
def test_a_sentence_naming_no_scope_stays_an_error(tmp_path, scope):
    """ "2026年“三公”经费预算数为20.53万元" (no scope named, or the unit's own: 本单位) under the same table: N01 错误 at A9."""
    said = (_DEPARTMENT.replace("本部门", scope), _OVERSEAS, _CARS, _RECEPTION)
    result = _workbook(tmp_path, _shiquan(sentences=said), _merges())
    assert ("N01", "A9") in _errors(result)


def _b18(rows: list[list[str]]) -> dict[str, str]:
    """B18's findings of a one-table report (a 支出决算表 in 万元, as 上海普陀 prints them) built as .docx: cell → severity."""
    import tempfile
    from pathlib import Path

    from test_document_realreport import build_docx

    from perfxl.validate import validate_file

    header = [["项目", "", "合计", "基本支出", "项目支出"], ["功能分类科目编码", "科目名称", "", "", ""]]
    fixture = {
        "paragraphs": ["2025年度一般公共预算财政拨款支出决算表", "单位：万元"],
        "tables": [
            {
                "name": "一般公共预算财政拨款支出决算表",
                "after": 2,
                "merges": ["A1:B1", "C1:C2", "D1:D2", "E1:E2"],
                "rows": header + rows,
            }
        ],
    }
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "report.docx"
        build_docx(fixture, path)
        result = validate_file(path)
    return {f.cell: f.severity.value for f in result.findings if f.code == "B18"}


_CLASSES = [
    ("201", "一般公共服务支出"),
    ("205", "教育支出"),
    ("207", "文化旅游体育与传媒支出"),
    ("208", "社会保障和就业支出"),
    ("210", "卫生健康支出"),
    ("211", "节能环保支出"),
    ("212", "城乡社区支出"),
    ("213", "农林水支出"),
    ("221", "住房保障支出"),
    ("224", "灾害防治及应急管理支出"),
]


def test_a_line_missing_beside_a_column_off_by_rounding_blames_no_part():
    """A line 201 (合计 100.02 = 基本 60.00 + 项目 40.00, 0.02 off: certain) and the 基本 column (合计 row 基本 600.03 over
    ten 类 adding to 600.00, 0.03 off: within the ten parts' rounding) both pass through 201's 基本: they want 60.02 and
    60.03, a rounding apart, but the column's miss may be rounding alone — which of 201's three cells is wrong is no
    printed fact: no 错误 at D3 (the line's own finding stays at its 合计 C3)."""
    rows = [[code, name, "100.00", "60.00", "40.00"] for code, name in _CLASSES]
    rows[0][2] = "100.02"
    rows.append(["合计", "", "1,000.02", "600.03", "400.00"])
    found = _b18(rows)
    assert "D3" not in found


@pytest.mark.parametrize("change, rate", [("—58.80", "—6.02%"), ("——58.80", "——6.02%")])
def test_a_fall_printed_after_a_dash_is_no_error(tmp_path, change, rate):
    """Failed before: D7 and E7 B19 错误 "表中数值符号相反" — "—58.80" (a dash where a minus stands, as typed in Word
    tables) was read unsigned. A dash before a figure is a minus by convention only: a fall so printed agrees; a rise so
    printed is a 警告 saying the dash may be a mark only."""
    assert _b19(workbook_result(tmp_path, _table(changes={2: change}, rates={2: rate}), _MERGES)) == []


def test_a_rise_printed_after_a_dash_is_a_warning(tmp_path):
    """公务接待费 918.50 → 977.30 printed "—58.80": the size agrees, the dash's meaning is a reading — 警告 at D7."""
    rows = _table(changes={0: "59.00", 2: "—58.80"}, rates={0: "6.04%", 2: "6.40%"})
    rows[6][1:3] = ["918.50", "977.30"]
    rows[4][1:3] = ["977.53", "1036.53"]
    assert ("D7", "warning") in _b19(workbook_result(tmp_path, rows, _MERGES))
    assert not [c for c, s in _b19(workbook_result(tmp_path, rows, _MERGES)) if s == "error" and c == "D7"]


def test_an_item_with_its_own_uses_heading_ends_the_outer_list(tmp_path):
    """Failed before: N02 错误 at ¶3 and ¶4 — under "…支出 19,044.27 万元，主要用于以下方面：", the item "1.“一般公共服务”
    306.90 万元，主要用于以下方面：" opens a list of its own: "（1）统计 23.42 万元，占 7.63%" (23.42 / 306.90 = 7.63%) was
    held to 19,044.27 (0.12%). The outer list's carry ends at an item ending on its own uses heading."""
    from test_document_realreport import codes_at_paragraph

    nested = {
        "paragraphs": [
            "一般公共预算财政拨款支出 19,044.27 万元，主要用于以下方面：",
            "1.“一般公共服务”306.90 万元，主要用于以下方面：",
            "（1）统计 23.42 万元，占 7.63%；",
            "（2）其他 283.48 万元，占 92.37%；",
            "2.“教育支出”16.24 万元，占 0.09%。",
        ]
    }
    assert all(codes_at_paragraph(tmp_path, nested, p) == [] for p in (2, 3, 4, 5))
