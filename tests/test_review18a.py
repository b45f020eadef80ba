"""review18a (issue 11): false paths of chores18's 年度主要任务 reading with one amount column under a two-row header.

- A one-row header whose first task prints no figure in its money cell (blank, "-", "据实结算", "50万元") was read as
  the header's second row: that task dropped from the sum, the 合计 then an F11 错误 (or a blank task that may hold the
  difference an 错误 instead of a 警告). The second row is a header's only where nothing of its own stands left of the
  money cell (`task_funds._no_task`).
- Lines numbered at two levels ("一、基本支出" 1249.5 over "人员经费" 1166.1 and "公用经费" 83.4): a heading prints the
  sum of the lines under it, so the 合计 is not the plain sum of every line — not held to it (as with a 小计 line).
- A lone column naming a count or a weight (人次, 次数, 户数, 件数, 项数, 百分比, 权重) holds no money: not summed.
"""

from __future__ import annotations

import pytest
from report_helpers import error_cells, findings_of, workbook_result

E = ""
_ONE_ROW = [
    ["部门整体支出绩效目标申报表", E, E, E, E],
    ["年度主要任务", "任务名称", "主要内容", "预算金额(万元)", "完成时限"],
]


def _two_row(sub: str = E) -> tuple[list[list[str]], list[str]]:
    rows = [
        ["部门整体支出绩效目标申报表", E, E, E, E],
        ["年度主要任务", "任务名称", "主要内容", "预算金额(万元)", "完成时限"],
        [E, E, E, sub, E],
    ]
    return rows, ["A1:E1", "B2:B3", "C2:C3", "E2:E3", *(() if sub else ("D2:D3",))]


def _task(name: str, amount: str) -> list[str]:
    return [E, name, "保障单位运转", amount, "2023年12月"]


def _f11(result):
    return sorted((f.ref.cell, f.severity.value) for f in findings_of(result, "F11"))


@pytest.mark.parametrize("first", [E, "-", "据实结算", "50万元"])
def test_a_first_task_without_a_figure_is_no_second_header_row(tmp_path, first):
    """任务名称 │ 主要内容 │ 预算金额(万元) │ 完成时限 on one row, then 甲 (no plain figure), 乙 100, 丙 50, 合计 200: 甲 may
    hold (or holds) the 50 — no F11 错误 from reading 甲's row as the header's second row (was 150 against 200)."""
    rows = [*_ONE_ROW, _task("甲", first), _task("乙", "100"), _task("丙", "50"), ["合计", E, E, "200", E]]
    result = workbook_result(tmp_path, rows, ("A1:E1",))
    assert ("D6", "error") not in _f11(result) and not error_cells(result)


def test_two_row_header_still_read_after_the_first_task_guard(tmp_path):
    """The header's own labels filled down an unmerged copy are still the header: 1166.1 + 83.4 against 1294.5."""
    rows, _ = _two_row()
    rows[2] = ["年度主要任务", "任务名称", "主要内容", E, "完成时限"]
    rows += [_task("甲", "1166.1"), _task("乙", "83.4"), ["合计", E, E, "1294.5", E]]
    assert _f11(workbook_result(tmp_path, rows, ("A1:E1",))) == [("D6", "error")]


@pytest.mark.parametrize(
    "names",
    [
        ("一、基本支出", "人员经费", "公用经费", "二、项目支出", "项目A"),
        ("（一）基本支出", "1.人员经费", "2.公用经费", "（二）项目支出", "1.项目A"),
    ],
)
def test_lines_numbered_at_two_levels_are_not_summed_to_the_total(tmp_path, names):
    """一、基本支出 1249.5 (= 1166.1 + 83.4), 二、项目支出 500 (= 项目A): 合计 1749.5 is the headings' sum, not every
    line's (3499) — no 错误; the one-row header alike."""
    figures = ("1249.5", "1166.1", "83.4", "500", "500")
    lines = [_task(n, f) for n, f in zip(names, figures, strict=True)]
    for rows, merges in (_two_row(), (list(_ONE_ROW), ["A1:E1"])):
        result = workbook_result(tmp_path, [*rows, *lines, ["合计", E, E, "1749.5", E]], tuple(merges))
        assert not _f11(result) and not error_cells(result)


def test_a_flat_numbered_list_is_still_summed(tmp_path):
    rows, merges = _two_row()
    rows += [_task("一、人员经费", "1166.1"), _task("二、公用经费", "83.4"), ["合计", E, E, "1294.5", E]]
    assert _f11(workbook_result(tmp_path, rows, tuple(merges))) == [("D6", "error")]


@pytest.mark.parametrize("sub", ["人次", "次数", "户数", "件数", "项数", "百分比", "权重"])
def test_a_lone_count_or_weight_column_holds_nothing(tmp_path, sub):
    rows, merges = _two_row(sub)
    rows += [_task("甲", "1166.1"), _task("乙", "83.4"), ["合计", E, E, "1294.5", E]]
    result = workbook_result(tmp_path, rows, tuple(merges))
    assert not _f11(result) and not error_cells(result)


def test_a_whole_copy_of_the_national_profile_loads_a_changed_reader_word_does_not(tmp_path):
    """chores18 refused any [reader] in a variant: a user's whole copy of national.toml (renamed, a threshold changed)
    restates the reader's words unchanged — nothing is silently unread, so it loads; a changed word is still refused."""
    from perfxl.errors import ProfileError
    from perfxl.profiles import PROFILE_DIR, load_profile

    text = (PROFILE_DIR / "national.toml").read_text(encoding="utf-8")
    copy = tmp_path / "my-county.toml"
    copy.write_text(text, encoding="utf-8")
    assert load_profile(copy).get("reader.task_funds.not_money") == load_profile(None).get(
        "reader.task_funds.not_money"
    )
    changed = tmp_path / "changed.toml"
    changed.write_text(text.replace('not_money = ["占比", ', 'not_money = ["占", '), encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        load_profile(changed)
    assert "reader" in str(info.value)


@pytest.mark.parametrize("numbers", [[E, "1", "2", "3", "4"], [E, "甲", "乙", "1", "2"]])
@pytest.mark.parametrize("two_rows", [True, False])
def test_a_row_of_the_columns_numbers_is_no_task(tmp_path, numbers, two_rows):
    """栏次 1 │ 2 │ 3 │ 4 (or 甲 │ 乙 │ 1 │ 2) under the header: its "3" under the money cell is no task's amount —
    1166.1 + 83.4 = 1249.5 agrees with the 合计 (was 1252.5 against 1249.5, an 错误); a wrong 合计 is still one."""
    rows, merges = _two_row() if two_rows else (list(_ONE_ROW), ["A1:E1"])
    rows = [*rows, numbers, _task("甲", "1166.1"), _task("乙", "83.4")]
    right = workbook_result(tmp_path, [*rows, ["合计", E, E, "1249.5", E]], tuple(merges))
    assert not _f11(right) and not error_cells(right)
    wrong = workbook_result(tmp_path, [*rows, ["合计", E, E, "1294.5", E]], tuple(merges))
    assert _f11(wrong) == [(f"D{len(rows) + 1}", "error")]


def test_unnumbered_headings_printing_their_lines_sum_are_no_false_error(tmp_path):
    """基本支出 1249.5 over 人员经费 1166.1 and 公用经费 83.4, 项目支出 500 over 项目A 500, 合计 1749.5: the 合计 sums the
    headings — no 错误 (was 3499 against 1749.5); a 合计 agreeing with neither reading is still one."""
    rows, merges = _two_row()
    names = ("基本支出", "人员经费", "公用经费", "项目支出", "项目A")
    rows += [_task(n, f) for n, f in zip(names, ("1249.5", "1166.1", "83.4", "500", "500"), strict=True)]
    right = workbook_result(tmp_path, [*rows, ["合计", E, E, "1749.5", E]], tuple(merges))
    assert not _f11(right) and not error_cells(right)
    wrong = workbook_result(tmp_path, [*rows, ["合计", E, E, "1800", E]], tuple(merges))
    assert _f11(wrong) == [("D9", "error")]
