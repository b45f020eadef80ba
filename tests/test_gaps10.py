"""Reading gaps found on real tables in session 10 (issue 11: read every real variant; perfxl's limits are coverage).

1. Traditional characters: an indicator's 一级/二级 group and name are compared with the profile's words (时效指标, 成本指标,
   违规率 …) in simplified characters, converted by OpenCC as the headers are (`perfxl.chinese`) — 時效指標 is 时效指标.
   宋茶 (宁夏 原州 2022) in traditional characters read its 时效 row's direction from nothing (S01 instead of S02), said its
   deadline "100" had no unit (I05) and missed I09.
2. A figure inside a target sentence ("向社会宣传中国共产党成立95周年来取得的成就", 海口 2016) is a description, not 95 in the
   unit "周年来取得的成就" (I05 said 计量单位不是常用单位 with no basis); a percent sign followed by words ("100%覆盖", 黄石
   图书馆 2022) is a percent, not the unit "%覆盖".
3. A 总分 typed as text in the total row's 得分 column ("九十九") is the total's cell — unreadable, so C02 names it and T02
   says the sum was not compared (coverage) — not a label leaving the total blank (T02: 总分未填写); a genuine label there
   ("自评等级", "分值", "优") is still not the total.

Each test failed before its fix (noted in the test).
"""

from __future__ import annotations

import sys
from pathlib import Path

import openpyxl
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

import probe_rewrites as P
from render import CORPUS, load_table, validated

from perfxl.reader import read_submission
from perfxl.validate import validate_file
from perfxl.values import ValueKind, parse_value

EXAMPLE = Path(__file__).resolve().parent.parent / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"
DEPT_SHEET = "部门整体支出绩效自评表"


def _codes_rows(found) -> set[tuple[str, str, int | None]]:
    return {(f.code, f.severity.value, getattr(f.ref, "row", None)) for f in found}


# ---------------------------------------------------------------- 1. traditional group names


def test_traditional_group_names_read_as_their_simplified_words(tmp_path):
    """Failed before: 時效指標 was not the 时效指标 group, so row 11 (指标值 100, 实际 100, 9.34 of 10) was scored as more
    is better (S01 instead of the group's ≤, S02), its "100" drew I05 (no unit) and I09 was missed."""
    table = load_table(CORPUS / "ningxia-yuanzhou-songcha-2022.toml")
    changed, _ = P.traditional(table)
    assert any("時效指標" in cell for row in changed.rows for cell in row)
    published = P.findings(table, tmp_path / "published")
    rewritten = P.findings(changed, tmp_path / "rewritten")
    assert _codes_rows(rewritten) == _codes_rows(published)
    assert ("S02", "error", 11) in _codes_rows(rewritten)
    assert ("I09", "info", 11) in _codes_rows(rewritten)


# ---------------------------------------------------------------- 2. a figure in a sentence, a percent before words


@pytest.mark.parametrize(
    ("text", "number", "unit"),
    [("100%覆盖", "100", "%"), ("95%的企业完成", "95", "%"), ("全县100%覆盖", "100", "%"), ("≥95%覆盖率", "95", "%")],
)
def test_a_percent_followed_by_words_is_a_percent(text, number, unit):
    """Failed before: NUMBER with the unit "%覆盖" (I05: 计量单位不是常用单位)."""
    p = parse_value(text)
    assert (p.kind, str(p.number), p.unit) == (ValueKind.PERCENT, number, unit)


def test_an_operator_word_between_the_percent_and_the_words_is_kept():
    p = parse_value("95%以上覆盖")
    assert (p.kind, str(p.number), p.unit, p.op and p.op.value) == (ValueKind.PERCENT, "95", "%", "≥")


def test_a_figure_inside_a_sentence_is_not_a_quantity_in_a_unit():
    """Failed before: NUMBER 95 in the unit "周年来取得的成就"."""
    p = parse_value("向社会宣传中国共产党成立95周年来取得的成就")
    assert p.kind is ValueKind.TEXT
    # a figure with its unit and a counted noun after it, or a short unknown unit, is still a quantity
    assert parse_value("共3个乡镇").kind is ValueKind.NUMBER
    assert parse_value("成立95周年").kind is ValueKind.NUMBER
    assert parse_value("95周年来取得的成就").kind is ValueKind.NUMBER  # no words before it: not a sentence


@pytest.mark.parametrize(
    ("name", "row"),
    [("hainan-haikou-danganju-mubiao-2016", 15), ("hubei-huangshi-tushuguan-gongxiang-2022", 14)],
)
def test_the_real_targets_draw_no_unit_warning(name, row, tmp_path):
    """Failed before: I05 "计量单位“周年来取得的成就”/“%覆盖”不是常用单位" at the row."""
    found = P.findings(load_table(CORPUS / f"{name}.toml"), tmp_path)
    assert not [f for f in found if f.code == "I05" and getattr(f.ref, "row", None) == row]


# ---------------------------------------------------------------- 3. a 总分 typed as text


def _example_with_total(tmp_path: Path, text: str) -> Path:
    """The standard example workbook (H28 is its 总分, 99) with the total typed as `text`."""
    wb = openpyxl.load_workbook(EXAMPLE)
    ws = wb[DEPT_SHEET]
    assert ws["A28"].value == "总分"
    ws["H28"] = text
    path = tmp_path / "example.xlsx"
    wb.save(path)
    return path


def test_a_total_typed_in_chinese_numerals_is_the_totals_unreadable_cell(tmp_path):
    """Failed before: "九十九" was taken for a label, the total read as blank and T02 said 总分未填写 (a 警告 with no
    basis); now C02 names H28 and T02 records that the sum was not compared (coverage)."""
    path = _example_with_total(tmp_path, "九十九")
    (ev,) = read_submission(path).evaluations
    assert ev.total_score is not None and ev.total_score.raw == "九十九" and ev.total_score.place().cell == "H28"
    result = validate_file(path)
    assert [f.ref.cell for f in result.findings if f.code == "C02"] == ["H28"]
    assert not [f for f in result.findings if f.code == "T02"]
    assert any(s.code == "T02" and "九十九" in s.reason_zh for s in result.coverage.skipped)


@pytest.mark.parametrize("label", ["自评等级", "分值", "优"])
def test_a_label_in_the_total_rows_score_column_is_still_not_the_total(label, tmp_path):
    (ev,) = read_submission(_example_with_total(tmp_path, label)).evaluations
    assert ev.total_score is None or ev.total_score.raw != label


@pytest.mark.parametrize(
    "name",
    [
        "hubei-tongcheng-tanghu-bumen-2020",  # "2天以內": 以內 is the operator 以内 (S13 was lost: unit "天以內")
        "buxiang-changjiangjinbu-yuye-2020",  # "滿意度" names a share (I12 on 290% was lost)
        "sichuan-daying-tushuguan-fragment-2022",  # "好壞" │ "好壞": the template's options copied (S13 was lost)
        "anhui-guichi-cunji-2022",  # "其中:本年財政撥款" names a source (F02's 错误 fell to a 警告)
    ],
)
def test_words_compared_with_word_lists_are_read_in_simplified_characters(name, tmp_path):
    """Failed before: the table in traditional characters lost a hand-found finding the published one gives."""
    table = load_table(CORPUS / f"{name}.toml")
    changed, rowmap = P.traditional(table)
    published, rewritten = P.findings(table, tmp_path / "published"), P.findings(changed, tmp_path / "rewritten")
    assert P.errors(changed, rewritten, rowmap) - P.errors(table, published, None) == set()
    assert P.met(table, published, None) - P.met(changed, rewritten, rowmap) == set()


@pytest.mark.parametrize(
    ("name", "added"),
    [
        ("hunan-hengshan-chubeiliang-2020", ("S14", 21)),  # an actual "無" is the placeholder 无, not a text actual
        ("yunnan-shidian-baoshanzhu-2021", ("F07", 8)),  # the reason under the funds ("由於…影響") explains the rate
    ],
)
def test_traditional_text_adds_no_warning(name, added, tmp_path):
    """Failed before: the table in traditional characters drew a 警告 the published one does not."""
    table = load_table(CORPUS / f"{name}.toml")
    changed, _ = P.traditional(table)
    published, rewritten = P.findings(table, tmp_path / "published"), P.findings(changed, tmp_path / "rewritten")
    assert added not in {(f.code, getattr(f.ref, "row", None)) for f in published}
    assert _codes_rows(rewritten) == _codes_rows(published)


# ---------------------------------------------------------------- 4. 随州/广水: 项目权重 │ 评价内容 │ 分值 │ 自评分 │ 复核分

SUIZHOU = "hubei-suizhou-jijiuzhongxin-2022"


def _suizhou(tmp_path, **cells: str):
    """The 随州 table as published, with cells changed by A1 address ("C13": "5")."""
    table = load_table(CORPUS / f"{SUIZHOU}.toml")
    for ref, text in cells.items():
        col, row = ord(ref[0]) - ord("A"), int(ref[1:]) - 1
        table.rows[row][col] = text
    return P.findings(table, tmp_path)


def test_the_management_part_is_read_as_a_scoring_table_of_its_own(tmp_path):
    """Failed before: rows 8–14 were one LAYOUT_UNMAPPED_ROW run. Read now (项目权重 the 一级 with its weight, 评价内容
    the rows), with no 警告 the published table did not have: the part has no 总分 row of its own, and the sums to 100,
    the 总分 and the grade are the whole form's (coverage says so)."""
    table = load_table(CORPUS / f"{SUIZHOU}.toml")
    result = validated(table, tmp_path)
    runs = [(t.kind, t.first, t.last) for tc in result.coverage.tables for t in tc.rows]
    assert ("header", 8, 8) in runs and ("indicator", 9, 13) in runs
    assert not [f for f in result.findings if f.code == "LAYOUT_UNMAPPED_ROW" and f.ref.row == 8]
    # the one 警告 there: the rate printed "1(X)%" (OCR of 100%, as the corpus notes say) is a damaged figure of its own
    # (issue 11 item 7; gaps13 — "4(B)", "1(X)%" were left unread in silence)
    warned = [(f.code, f.ref.cell) for f in result.findings if f.severity.value != "info" and f.ref and f.ref.row < 15]
    assert warned == [("C02", "I5")], warned
    assert any(s.code == "W03" and "一部分" in s.reason_zh for s in result.coverage.skipped)


def test_the_management_parts_weights_and_scores_are_checked(tmp_path):
    """Failed before (the part unread): 项目管理13分 over 3 + 2 + 4 + 5 is W02; a 自评分 above its 分值 is S06."""
    found = _suizhou(tmp_path / "w", C13="5")
    assert [(f.code, f.severity.value, f.ref.row) for f in found if f.code == "W02"] == [("W02", "error", 10)]
    found = _suizhou(tmp_path / "s", D13="5")
    assert [(f.code, f.ref.row) for f in found if f.code == "S06"] == [("S06", 13)]
