"""review20d (issues 11/12): false 错误 paths of scope20's printed scopes (perfxl/printed_scope.py).

A 三公 sentence is held for certain to a table printing the same scope (`_printed_readings`). Two readings made a
sentence look like the table's scope when its words print another money:

1. **A unit with its subordinate units** ("本单位及所属单位", "本部门（含本级及所属单位）", "本级及下属单位") was read as
   the unit's own (本级 / 本单位) — held for certain to a （本级） or 单位 table, an N01 错误 although the words name
   the whole the units make up. Such words now read as the department's (its units summed).
   Subordinate units named alone ("下属单位…", "本部门下属事业单位…") are that part only — no table's scope (an N01 错误
   under a 部门 table before).
2. **Words naming two scopes** ("部门本级…" under a 部门 table) read as naming none — held for certain; now a reading
   (a 警告 naming both) when one of them is the table's, not compared when none is.

Real tables of tests/realworld/reports (城管执法局 2026 部门预算, 司法局 2026 单位预算) and 石泉路街道's sheet (（本级）).
"""

from __future__ import annotations

import pytest
from report_helpers import findings_of, workbook_result
from test_heldout32 import _CARS, _OVERSEAS, _RECEPTION, _merges, _shiquan
from test_scope20 import _CHENGGUAN, _SIFAJU, _n01

from perfxl.printed_scope import said_scope


@pytest.mark.parametrize(
    ("words", "scope"),
    [
        ("本单位及所属单位2026年“三公”经费预算数为", "department"),
        ("本部门（含本级及所属单位）2026年“三公”经费预算数为", "department"),
        ("本级及下属单位“三公”经费", "department"),
        ("本部门及所属单位", "department"),
        ("部门本级“三公”经费", ""),  # two scopes named
        ("下属单位“三公”经费", "subordinate"),  # the units alone: a part of the department's money
        ("本部门下属事业单位“三公”经费", "subordinate"),
        ("其中本级", "own"),
    ],
)
def test_subordinate_units_name_the_whole(words, scope):
    assert said_scope(words) == scope


def test_a_unit_with_its_units_under_a_units_table_is_not_compared():
    """司法局 2026 单位预算 ("2026年单位“三公”经费…预算表", 合计 10.71): "本单位及所属单位…11.71万元" was an N01 错误; the
    words name the unit and its units — other money than the unit's table, not compared."""
    assert not _n01(_SIFAJU, "本单位及所属单位2026年“三公”经费预算数为11.71万元。")
    assert [s for s, _ in _n01(_SIFAJU, "本单位2026年“三公”经费预算数为11.71万元。")] == ["error"]


@pytest.mark.parametrize(
    "sentence",
    [
        "本部门（含本级及所属单位）2026年“三公”经费预算数为30.53万元。",
        "本单位及所属单位2026年“三公”经费预算数为30.53万元。",
        "本级及所属单位2026年“三公”经费预算数为30.53万元。",
    ],
)
def test_a_whole_under_an_own_level_sheet_is_not_compared(tmp_path, sentence):
    """石泉路街道's sheet (编制单位 "…（本级）", 合计 20.53): the whole with its units (30.53) was an N01 错误 at A9."""
    rows = _shiquan(sentences=(sentence, _OVERSEAS, _CARS, _RECEPTION))
    assert not findings_of(workbook_result(tmp_path, rows, _merges()), "N01")


def test_a_department_with_its_units_under_a_department_table_stays_certain():
    """城管执法局 2026 (部门 table, 114.22): "本部门及所属单位" is the department's — N01 错误 as before."""
    assert [s for s, _ in _n01(_CHENGGUAN, "本部门及所属单位2026年“三公”经费预算数为124.22万元。")] == ["error"]


def test_subordinate_units_alone_under_a_department_table_are_not_compared():
    """城管执法局 2026 (部门 table, 114.22): "本部门下属事业单位…14.22万元" (a part of the department's money) was an N01
    错误 against the table's 合计; "下属单位…" too — not compared."""
    assert not _n01(_CHENGGUAN, "本部门下属事业单位2026年“三公”经费预算数为14.22万元。")
    assert not _n01(_CHENGGUAN, "下属单位2026年“三公”经费预算数为14.22万元。")


def test_two_scopes_one_of_them_the_tables_is_a_warning():
    """城管执法局 2026 (部门 table, 114.22): "部门本级…104.22万元" was an N01 错误 — the 部门本级 is a part of the
    department's money; a 警告 naming both scopes."""
    found = _n01(_CHENGGUAN, "部门本级2026年“三公”经费预算数为104.22万元。")
    assert [s for s, _ in found] == ["warning"]
    assert "部门" in found[0][1] and "本级" in found[0][1]


_SHIQUAN = "shanghai-putuo-shiquan-juesuan-2025"


@pytest.mark.parametrize(
    "sentence",
    [
        "2025年度“三公”经费年初为50.00万元，支出决算为37.35万元。",
        "2025年度“三公”经费调整后为50.00万元，支出决算为37.35万元。",
        "2025年度“三公”经费全年50.00万元。",
    ],
)
def test_a_stage_word_without_a_budget_is_not_the_items_final(sentence):
    """石泉路街道 2025 决算 (合计 决算 37.35): scope20 read "“三公”经费年初" (a subject ending in a stage word) as the item
    for any role — "年初为50.00万元" was then held to the 决算 37.35, an N01 错误. A stage word names the item's budget
    only when the words say 预算 ("年初预算为…", tests/test_scope20.py); otherwise the figure is not paired."""
    assert not _n01(_SHIQUAN, sentence)


def test_a_stage_word_with_a_budget_stays_read():
    """ "“三公”经费年初预算为50.00万元" is still the item's budget: against the unstaged 决算 table's 53.93, a 警告."""
    assert [s for s, _ in _n01(_SHIQUAN, "2025年度“三公”经费年初预算为50.00万元，支出决算为37.35万元。")] == ["warning"]


def _consolidated(sentence: str, tmp_path) -> list[tuple[str, str]]:
    """(severity, cell) of each N01 of 石泉路's sheet printed as the department's (caption 部门, 编制单位 "（汇总）",
    公务接待费 预算 1.53) with `sentence` as its 公务接待费 说明."""
    from test_heldout32 import _TOTAL

    rows = _shiquan(sentences=(_TOTAL, _OVERSEAS, _CARS, sentence))
    rows[0][0] = "2026年部门“三公”经费和机关运行经费预算表"
    rows[1][0] = rows[1][0].replace("（本级）", "（汇总）")
    result = workbook_result(tmp_path, rows, _merges())
    return [(f.severity.value, f.cell) for f in findings_of(result, "N01")]


def test_a_subordinate_part_is_not_the_departments_whole(tmp_path):
    """Under the department's sheet, "其中本级0.63万元、所属单位0.90万元" are parts: the 所属单位 part (read as the
    department's scope since "本单位及所属单位" is) must not be held as the table's 公务接待费 (1.53) — it would be an N01
    错误; the whole "部门合计1.63万元" is still found (a 警告: a sentence listing parts beside its whole is read as
    before, `_three_public_sentences`)."""
    assert not _consolidated("（三）公务接待费：部门合计1.53万元，其中本级0.63万元、所属单位0.90万元。", tmp_path)
    assert not _consolidated("（三）公务接待费1.53万元，其中本级0.63万元、下属单位0.90万元。", tmp_path)
    found = _consolidated("（三）公务接待费：部门合计1.63万元，其中本级0.63万元、所属单位1.00万元。", tmp_path)
    assert [s for s, _ in found] == ["warning"]


def test_a_named_owner_under_a_district_level_table_is_a_warning():
    """江北区 2021 ("2021年区本级“三公”经费预算支出表", 4432): "区财政局2021年“三公”经费预算为4532万元" names one
    department by its name, no scope word — held for certain to the 区本级 table it was an N01 错误; a 警告 naming the
    owner. A sentence naming no owner, or the real paragraph's 区本级, stays certain."""
    from test_scope20 import _JIANGBEI

    above = ["2021年区本级“三公”经费预算支出表", "单位:万元"]
    found = _n01(_JIANGBEI, "区财政局2021年“三公”经费预算为4532万元。", above)
    assert [s for s, _ in found] == ["warning"] and "区财政局" in found[0][1]
    assert [s for s, _ in _n01(_JIANGBEI, "2021年“三公”经费支出预算为4532万元。", above)] == ["error"]
