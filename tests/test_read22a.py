"""read22a (issue 11): four readings session 21 left open on indicator rows and head cells.

1. "- 1036人" — a hyphen, a space, then a figure with its unit — was read as +1036: the dash dropped unsaid, where
   "- 1036" (no unit) is −1036 for `parse_value` and unread in a 自评表's cell. A dash spaced from its figure is a minus,
   a list's dash or a blank marker; no table or report of the corpus prints one before an indicator figure (only
   "- 100% -", 宣城 地震局's flattened "-" │ 100% │ "-" cells), so the printed cell never makes it certain: unread, one
   I12 警告 naming both readings, as without a unit.
2. A count's change ("减少1036人次", "▼1036人次") lost its way: the word went into the label and the figure was scored
   as a level — a fall of 1036 against "增长≥1000人次" was met. Now the count keeps its direction as a rate's change
   does ("下降8%" against "增长≥5%"): a fall against a rise is a miss (S07/D01, 错误 from the words, 警告 from a
   triangle), and a change against a level ("增加800人次" │ "≥1000人次") is a 警告 saying the target was read as a
   change, as "增长3%" │ "≥5%" is.
3. `spaced_field` (the 岳阳 cover's "项目名称       低票价运营补贴") took all the cell after the label as the value: a
   second label with its value ("评价等级   优秀"), a note word ("填报日期"), the form's year ("2017年度") or a seal
   ("(盖章)") became part of the name — G04 compared "低票价运营补贴       2017年度" with the goal and said nothing.
   The corpus's three spaced cells (汨罗 2017 ×2, 南湖 2016 "项目名称        优 抚") do not over-read; the cases are
   realistic variants of the 汨罗 cover.
4. 阳泉 2021's 绩效目标申报表 (tests/realworld/shanxi-yangquan-sihaonongcunlu-shenbao-2021.toml) prints │ 中期目标 │ │ │
   年度目标 over 总体目标 │ text │ │ │ text — the block's label on the text row. That row began a second goals block,
   read as a 自评表 of its own, whose G02 called the 年度目标 "实际完成情况" ("实际完成情况只是重复预期目标") on a form
   that has no 实际完成 column. Now the text row is the 申报表's goal (中期目标 │ 年度目标), and no G check speaks.
"""

from __future__ import annotations

import copy
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest
from report_helpers import error_cells as _errors
from report_helpers import findings_of as _codes
from report_helpers import workbook_result, write_sheets
from test_num20 import _evaluation
from test_tables21 import _goal_findings, _miluo

from perfxl.layout.detect import spaced_field
from perfxl.reader import read_submission
from perfxl.values import ValueKind, parse_value, spaced_minus


def _found(tmp_path, actual, target):
    found = workbook_result(tmp_path, *_evaluation(actual, target)).findings
    return sorted((f.code, f.ref.cell, f.severity.value) for f in found if f.code not in ("I06", "T07"))


# ---------------------------------------------------------------- 1. a spaced dash before a figure with its unit


@pytest.mark.parametrize("text", ["- 1036人", "－ 1036人", "- 1036 人", "- 1,036人次", "- 5个乡镇"])
def test_a_spaced_dash_before_a_counted_figure_is_its_sign_for_parse_value(text):
    """Failed before: +1036 (the dash dropped). `parse_value` reads it as "- 1036" is read, −; a 自评表's cell asks
    `spaced_minus`, which leaves it unread with both readings."""
    p = parse_value(text)
    assert p.number is not None and p.number < 0 and p.label is None
    unread = spaced_minus(p)
    assert unread.kind is ValueKind.TEXT and unread.number is None and unread.reason
    assert "可能是负数" in unread.reason and "列表符号或占位符" in unread.reason


@pytest.mark.parametrize(("actual", "target"), [("- 1036人", "≥1000人"), ("- 1036人次", "≥1000人次")])
def test_a_spaced_dash_in_an_actual_with_a_unit_is_one_warning(tmp_path, actual, target):
    """Failed before: read as 1036, met — no finding at all on a cell that may print −1036."""
    assert _found(tmp_path, actual, target) == [("I12", "F11", "warning")]


@pytest.mark.parametrize(("text", "number"), [("-1036人", -1036), ("完成 - 1036人", 1036), ("1036人", 1036)])
def test_a_glued_sign_or_words_before_the_dash_are_not_a_spaced_sign(text, number):
    """Must not fire: a glued "-" is the figure's sign (kept: the text makes it certain); a dash after words is not
    at the cell's start."""
    p = parse_value(text)
    assert p.number == Decimal(number)
    assert spaced_minus(p) is p


def test_a_dash_before_a_year_stays_a_date():
    assert parse_value("- 2023年").kind is ValueKind.DATE


# ---------------------------------------------------------------- 2. a count's change keeps its direction


@pytest.mark.parametrize(("actual", "severity"), [("减少1036人次", "error"), ("▼1036人次", "warning")])
def test_a_count_that_fell_against_a_rise_is_a_miss(tmp_path, actual, severity):
    """Failed before: no finding — "减少1036人次" was read as 1036 ≥ 1000, met; a rate's fall ("下降8%" │ "增长≥5%")
    was already a miss. From a triangle the way is a guess (review21a): 警告."""
    assert _found(tmp_path, actual, "增长≥1000人次") == [("D01", "I11", severity), ("S07", "H11", severity)]


def test_the_miss_names_the_fall(tmp_path):
    result = workbook_result(tmp_path, *_evaluation("减少1036人次", "增长≥1000人次"))
    (s07,) = _codes(result, "S07")
    assert "减少1036人次" in s07.message and "增长≥1000人次" in s07.message


def test_a_count_change_against_a_level_is_a_warning(tmp_path):
    """Failed before: S07/D01 错误 — "增加800人次" is a change, "≥1000人次" a level: the miss rests on reading the target
    as a change too (as "增长3%" │ "≥5%" does: a 警告 saying so)."""
    result = workbook_result(tmp_path, *_evaluation("增加800人次", "≥1000人次"))
    assert not _errors(result)
    (s07,) = _codes(result, "S07")
    assert s07.severity.value == "warning" and "变化幅度" in s07.message


@pytest.mark.parametrize(
    ("actual", "target"),
    [("增加1036人次", "增长≥1000人次"), ("减少1036人次", "减少≥1000人次"), ("1036人次", "≥1000人次")],
)
def test_a_count_change_that_meets_its_target_is_quiet(tmp_path, actual, target):
    """Must not fire: the same way and enough of it, or a level against a level."""
    assert _found(tmp_path, actual, target) == []


@pytest.mark.parametrize(
    ("actual", "target"),
    [
        ("增加1036人次", "增长≥1200人次"),
        ("下降1036人次", "下降≥1200人次"),
        ("1036人次", "≥1200人次"),
        ("1036人次", "增加1200人次"),
    ],
)
def test_a_count_short_of_its_target_keeps_its_error(tmp_path, actual, target):
    assert _found(tmp_path, actual, target) == [("D01", "I11", "error"), ("S07", "H11", "error")]


def test_a_rate_change_is_read_as_before():
    p = parse_value("下降8%")
    assert (p.kind, p.direction, p.display()) == (ValueKind.GROWTH, "down", "下降8%")
    c = parse_value("减少1036人次")
    assert (c.kind, c.direction, c.unit, c.display()) == (ValueKind.NUMBER, "down", "人次", "减少1036人次")


# ---------------------------------------------------------------- 3. spaced head fields end where their value does


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("项目名称       低票价运营补贴       2017年度", "低票价运营补贴"),
        ("项目名称       低票价运营补贴    （2017年）", "低票价运营补贴"),
        ("项目名称       低票价运营补贴    评价等级   优秀", "低票价运营补贴"),
        ("项目名称  低票价运营补贴  （盖章）", "低票价运营补贴"),
        ("主管部门       汨罗市交通运输局       填报日期  2018年8月4日", "汨罗市交通运输局"),
        ("自评得分   92.5分   自评等级   优", "92.5分"),
    ],
)
def test_a_spaced_value_ends_before_another_field_a_year_or_a_seal(text, value):
    """Failed before: the value ran to the cell's end."""
    assert spaced_field(text)[1] == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("项目名称       低票价运营补贴", "低票价运营补贴"),
        ("项目名称        优 抚", "优 抚"),  # 南湖 2016, as printed
        ("项目名称  某县  农村公路  养护", "某县  农村公路  养护"),  # a name spaced out (review21t)
        ("项目名称   某某  2017年度补助资金", "某某  2017年度补助资金"),  # a year inside the name
        ("项目名称   某县  评价等级", "某县  评价等级"),  # a known word with no value after it
    ],
)
def test_a_spaced_value_that_is_all_value_is_kept_whole(text, value):
    assert spaced_field(text)[1] == value


def test_g04_reads_the_name_without_the_year_printed_after_it(tmp_path):
    """Failed before: the head's 项目名称 read as "低票价运营补贴       2017年度" — G04 silent on a goal that only
    names the project."""
    result = workbook_result(tmp_path, *_miluo(name="项目名称       低票价运营补贴       2017年度"))
    assert _goal_findings(result) == [("G04", "A12", "warning")]


def test_a_long_spaced_cell_is_read_in_one_pass():
    """A 100,000-character cell of spaced words (the crash sweep's long edits): each run looks at one word."""
    text = "项目名称   " + "某某  " * 30000
    assert spaced_field(text)[1].startswith("某某  某某")


# ---------------------------------------------------------------- 4. a 申报表's 中期目标 │ 年度目标 over 总体目标 │ text


_YANGQUAN = Path(__file__).parent / "realworld" / "shanxi-yangquan-sihaonongcunlu-shenbao-2021.toml"


def _yangquan(tmp_path, yearly=None, midterm=None):
    table = tomllib.loads(_YANGQUAN.read_text(encoding="utf-8"))
    rows = copy.deepcopy(table["rows"])
    if yearly is not None:
        rows[12][4] = yearly
    if midterm is not None:
        rows[12][1] = midterm
    path = tmp_path / "t.xlsx"
    write_sheets(path, [("Sheet1", rows, tuple(table["merges"]))])
    return path


def test_the_text_row_under_the_goal_labels_is_the_declarations_goal(tmp_path):
    """Failed before: two tables — the 申报表 with "年度目标" (the label) read as its goal, and a 自评表 of its own from
    row 13."""
    sub = read_submission(_yangquan(tmp_path))
    assert not sub.evaluations and len(sub.declarations) == 1
    (goal,) = sub.declarations[0].goals
    assert (goal.expected.place().cell, goal.actual.place().cell) == ("B13", "E13")
    assert str(goal.expected.raw).startswith("“四好农村路”")


@pytest.mark.parametrize(
    ("yearly", "midterm"),
    [
        (None, None),  # the real copy: 年度目标 cut to nothing
        ("COPY", None),  # the year's goal the same as the term's — no achievement restated: no 实际完成 on this form
        ("完成“四好农村路”项目勘察设计审批及工程竣工验收工作。", None),
        ("完成“四好农村路”项目勘察设计审批及工程竣工验收工作。", ""),
    ],
)
def test_no_goal_check_calls_the_years_goal_an_achievement(tmp_path, yearly, midterm):
    """Failed before (COPY): G02 '实际完成情况只是重复预期目标' at E13 — the 年度目标 named 实际完成情况."""
    table = tomllib.loads(_YANGQUAN.read_text(encoding="utf-8"))
    if yearly == "COPY":
        yearly = table["rows"][12][1]
    from perfxl import validate_file

    result = validate_file(_yangquan(tmp_path, yearly, midterm))
    assert [f for f in result.findings if f.code.startswith("G")] == []
    assert not any("实际完成" in f.message for f in result.findings)


def test_a_self_evaluations_goal_block_is_read_as_before(tmp_path):
    """Must not fire: a 自评表's 年度总体目标 │ 预期目标 │ 实际完成情况 — an achievement restating the goal keeps its G02."""
    result = _evaluation("完成培训1036人次", "≥1000人")
    rows = [list(r) for r in result[0]]
    rows[8][5] = rows[8][1]
    found = workbook_result(tmp_path, rows, result[1])
    assert [(f.code, f.ref.cell) for f in found.findings if f.code.startswith("G")] == [("G02", "F9")]


def test_the_spaced_field_pattern_reads_as_its_lazy_form_without_its_quadratic_cost():
    """`_SPACED_FIELD`'s value runs to its last non-space (greedy, then back to it), as the lazy `(\\S.*?)\\s*$` it
    replaces read it — that form tried `\\s*$` at every step and was quadratic in a run of spaces inside the value
    (45 s for 100,000): the same groups on random texts, and a 100,000-space cell read at once."""
    import random
    import re

    from perfxl.layout.detect import _SPACED_FIELD

    # (read24: a tab or a line break parts label and value too, and a label may be spaced a space a character)
    lazy = re.compile(r"^\s*(\S(?:[ \u3000]?\S){1,11}?)(?:[ \u3000]{2,}|[ \u3000]*[\t\r\n]\s*)(\S[\s\S]*?)\s*$")
    rng = random.Random(22)
    pieces = ["项", "目", "名", "称", " ", "\u3000", "\n", "\t", "a", "1", "(", ")", "  ", "   "]
    for _ in range(5_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        old, new = lazy.match(text), _SPACED_FIELD.match(text)
        assert (old and old.groups()) == (new and new.groups()), repr(text)
    m = _SPACED_FIELD.match("项目名称  低票价" + " " * 100_000 + "运营补贴   ")
    assert m is not None and m.group(2).endswith("运营补贴")
