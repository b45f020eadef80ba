"""review21b (issue 12): false 错误 paths of notes21's readings, on the stored real reports' tables.

1. A note below a 决算 table about another column than its 预算 one ("注：上年预算数为全年预算数", "注：本表决算数为全年预算
   执行数") printed no stage of the 预算 column, yet made "完成全年预算的74.70%" a certain N01 错误 (石泉路街道 2025 决算's
   real 三公 table, 预算数 53.93 │ 决算数 37.35): the sentence's 全年 budget may be another figure than the column's.
2. A 三公 part named 本级 but naming an item ("其中本级公务接待费0.73万元") or a source ("其中本级财政拨款5.71万元、其他资金
   5.00万元": the level's treasury money) is no part of the table's scope: it was held to the table's 合计 10.71 (上海普陀
   司法局 2026 单位预算's real table) as a certain N01 错误 though it agrees with the 公务接待费 cell / is a source's share.
"""

from __future__ import annotations

from table_cases import each1 as _each1
from test_notes21 import _FULL_RATE, _START_RATE, _n01, _sifaju

_A_NOTE_ABOUT_ANOTHER_COLUMN_PRINTS_NO_STAGE_OF_THE_BUDGET_CASES = [
    ["注：上年预算数为全年预算数。"],  # another column's stage
    ["注：本表决算数为全年预算执行数。"],  # the 决算 column's words
]


def _a_note_about_another_column_prints_no_stage_of_the_budget(below):
    assert _n01(below, _FULL_RATE) == ["warning"]


def test_a_note_about_another_column_prints_no_stage_of_the_budget():
    _each1(
        _A_NOTE_ABOUT_ANOTHER_COLUMN_PRINTS_NO_STAGE_OF_THE_BUDGET_CASES,
        _a_note_about_another_column_prints_no_stage_of_the_budget,
    )  # one test a list (fast22b)


def test_a_note_naming_the_budget_column_after_another_ones_words_still_reads():
    """ "上年决算数为全年预算执行数，本年预算数为年初预算数": the 本年预算数 clause is the column's — 年初, certain."""
    assert _n01(["注：上年决算数为全年预算执行数，本年预算数为年初预算数。"], _START_RATE) == ["error"]


_A_PART_NAMING_AN_ITEM_OR_A_SOURCE_IS_NO_PART_OF_THE_TABLES_SCOPE_CASES = [
    "2026年“三公”经费预算15.71万元，其中本级公务接待费0.73万元。",  # an item (agrees with its cell 0.73)
    "2026年“三公”经费预算10.71万元，其中本级公务接待费0.73万元、本级公务用车购置及运行费9.98万元。",
    "2026年“三公”经费预算10.71万元，其中本级财政拨款5.71万元、其他资金5.00万元。",  # a source's share
    "2026年“三公”经费预算15.71万元，其中本级财政拨款5.00万元、其他资金10.71万元。",
]


def _a_part_naming_an_item_or_a_source_is_no_part_of_the_tables_scope(sentence):
    assert not [s for c, s, _ in _sifaju(sentence) if s == "error"]


def test_a_part_naming_an_item_or_a_source_is_no_part_of_the_tables_scope():
    _each1(
        _A_PART_NAMING_AN_ITEM_OR_A_SOURCE_IS_NO_PART_OF_THE_TABLES_SCOPE_CASES,
        _a_part_naming_an_item_or_a_source_is_no_part_of_the_tables_scope,
    )  # one test a list (fast22b)


def test_a_part_named_by_its_scope_alone_is_still_held():
    """notes21's reading stays: "其中本级11.71万元" under the 单位 table (合计 10.71) — N01 错误."""
    found = _sifaju("2026年“三公”经费预算15.71万元，其中本级11.71万元、所属单位4.00万元。")
    assert [(c, s) for c, s, _ in found] == [("N01", "error")]


_A_WHOLE_THAT_IS_THE_TABLES_FIGURE_LEAVES_ITS_OWN_LEVEL_PART_UNHELD_CASES = [
    "2026年“三公”经费预算10.71万元，其中本级8.00万元、所属单位2.71万元。",  # the whole is the table's 合计
    "2026年“三公”经费预算10.71万元，其中本级8.00万元。",
    "2026年“三公”经费预算10.71万元，其中公务接待费0.73万元（其中本级0.50万元）。",  # the item is the table's 0.73
]


def _a_whole_that_is_the_tables_figure_leaves_its_own_level_part_unheld(sentence):
    """The sentence's whole agrees with the 单位 table's figure (合计 10.71, 公务接待费 0.73): the table may be the whole's
    scope (本级 and 所属单位 together) — its 本级 part is no figure of the table; it was an N01 错误 against it."""
    assert not [s for c, s, _ in _sifaju(sentence) if s == "error"]


def test_a_whole_that_is_the_tables_figure_leaves_its_own_level_part_unheld():
    _each1(
        _A_WHOLE_THAT_IS_THE_TABLES_FIGURE_LEAVES_ITS_OWN_LEVEL_PART_UNHELD_CASES,
        _a_whole_that_is_the_tables_figure_leaves_its_own_level_part_unheld,
    )  # one test a list (fast22b)


def test_scope_parts_opening_the_next_sentence_make_the_whole_the_departments():
    """ "…15.71万元。其中本级10.71万元，所属单位5.00万元。": the parts, in a sentence opening with 其中, are of the whole
    before — the department's; it was compared with the 单位 table's 10.71 as an N01 错误 (notes21 read one sentence)."""
    assert _sifaju("2026年“三公”经费预算15.71万元。其中本级10.71万元，所属单位5.00万元。") == []


_A_NOTE_NAMING_A_YEAR_THE_CAPTION_DOES_NOT_PRINTS_NO_STAGE_OF_ITS_COLUMN_CASES = [
    ["注：2024年预算数为全年预算数。"],
    ["注：2025年预算数为全年预算数。"],
]


def _a_note_naming_a_year_the_caption_does_not_prints_no_stage_of_its_column(below):
    """石泉路's caption "财政拨款“三公”经费支出决算表" names no year: "2024年预算数" may be another year's column (a 决算
    table printing 上年 figures) — no stage read; it was a certain N01 错误 on "完成全年预算的74.70%"."""
    assert _n01(below, _FULL_RATE) == ["warning"]


def test_a_note_naming_a_year_the_caption_does_not_prints_no_stage_of_its_column():
    _each1(
        _A_NOTE_NAMING_A_YEAR_THE_CAPTION_DOES_NOT_PRINTS_NO_STAGE_OF_ITS_COLUMN_CASES,
        _a_note_naming_a_year_the_caption_does_not_prints_no_stage_of_its_column,
    )  # one test a list (fast22b)


_A_NOTE_ABOUT_ANOTHER_LINES_BUDGET_PRINTS_NO_STAGE_OF_THE_BUDGET_COLUMN_CASES = [
    ["注：基本支出预算数为全年预算数。"],  # another line's budget (review21b's open item, closed by the lead)
    ["注：一般公共预算财政拨款预算数为全年预算数。"],
    ["注：1.项目支出预算数为全年预算数。"],
]


def _a_note_about_another_lines_budget_prints_no_stage_of_the_budget_column(below):
    assert _n01(below, _FULL_RATE) == ["warning"]


def test_a_note_about_another_lines_budget_prints_no_stage_of_the_budget_column():
    _each1(
        _A_NOTE_ABOUT_ANOTHER_LINES_BUDGET_PRINTS_NO_STAGE_OF_THE_BUDGET_COLUMN_CASES,
        _a_note_about_another_lines_budget_prints_no_stage_of_the_budget_column,
    )  # one test a list (fast22b)


_A_NOTE_ABOUT_THE_TABLES_OWN_BUDGET_COLUMN_STILL_READS_CASES = [
    ["注：预算数为全年预算数。"],
    ["注：本表“三公”经费预算数为全年预算数。"],
    ["注：1.本年预算数为全年预算数。"],
]


def _a_note_about_the_tables_own_budget_column_still_reads(below):
    assert _n01(below, _FULL_RATE) == ["error"]


def test_a_note_about_the_tables_own_budget_column_still_reads():
    _each1(
        _A_NOTE_ABOUT_THE_TABLES_OWN_BUDGET_COLUMN_STILL_READS_CASES,
        _a_note_about_the_tables_own_budget_column_still_reads,
    )  # one test a list (fast22b)


def test_the_own_budget_words_are_read_in_linear_time():
    """The clause test before a note's 预算数 must not backtrack on a long run of digits or spaces (the crash sweep's
    100,000-character edits): possessive digit runs, spaces taken out before matching."""
    from perfxl.layout.three_public import _OWN_BUDGET_WORDS

    assert not _OWN_BUDGET_WORDS.fullmatch("注" + "1" * 100_000 + "x")
    assert not _OWN_BUDGET_WORDS.fullmatch("（" + "1" * 100_000 + "表")
    assert _OWN_BUDGET_WORDS.fullmatch("注：2025年")
