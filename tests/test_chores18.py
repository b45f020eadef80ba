"""chores18 (issue 14, "one of each mechanism"): name lists as profile data, one copy of each mechanism.

- The 年度主要任务 money block's words (a column that is no money source — 占比, 数量, 单价, 其中 —, a subtotal line, the
  total column and line) are the national profile's `[reader.task_funds]`, not code (perfxl/layout/task_funds.py); a
  variant may not restate them (the reader takes no profile: its words would be silently unread).
"""

from __future__ import annotations

import pytest
from report_helpers import error_cells, findings_of, workbook_result

from perfxl.errors import ProfileError
from perfxl.layout import task_funds
from perfxl.profiles import load_profile


def test_the_task_blocks_words_are_the_national_profiles():
    national = load_profile(None)
    words = task_funds._words()
    for word in ("占比", "数量", "单价", "其中", "%"):
        assert word in national.get("reader.task_funds.not_money")
    assert words.not_money.search("占比(%)") and words.not_money.search("其中:财政拨款")
    assert not words.not_money.search("财政拨款") and not words.not_money.search("其他资金")
    assert words.subtotal_lines.search("基本支出小计") and not words.subtotal_lines.search("小计说明")
    assert "金额合计" in words.total_lines and "资金合计" in words.total_lines and "合计数" not in words.total_lines
    assert words.totals == frozenset(national.get("reader.task_funds.totals"))
    assert words.money.search("年度预算金额(万元)") and words.money.search("资金安排")


def test_a_variant_may_not_restate_the_readers_words(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text('name = "mine"\n[reader.task_funds]\nnot_money = ["占比"]\n', encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    assert "reader" in str(info.value)
    for name in ("hubei", "hunan", "sichuan"):
        assert load_profile(name).get("reader.task_funds.not_money") == load_profile(None).get(
            "reader.task_funds.not_money"
        )


# ---------------------------------------------------------------- the 年度主要任务's one amount column, a header of two rows

E = ""


def _two_row_header(sub: str, total: str, *, merged_money: bool = False) -> tuple[list[list[str]], tuple[str, ...]]:
    """The national 部门整体支出绩效目标申报表's 年度主要任务 as a unit prints it with one amount column beside 完成时限: the
    header's 任务名称, 主要内容 and 完成时限 merged down two rows, the money cell over its one column (`sub`) or merged
    down too; two tasks, then 合计."""
    rows = [
        ["部门整体支出绩效目标申报表", E, E, E, E],
        ["年度主要任务", "任务名称", "主要内容", "预算金额(万元)", "完成时限"],
        [E, E, E, sub, E],
        [E, "场馆日常运转人员经费", "在编人数30人", "1166.1", "2023年12月"],
        [E, "场馆日常运转公用经费", "办公费、差旅费等", "83.4", "2023年12月"],
        ["合计", E, E, total, E],
    ]
    merges = ("A1:E1", "B2:B3", "C2:C3", "E2:E3", "A2:A5", "A6:C6", *(("D2:D3",) if merged_money else ()))
    return rows, merges


def _f11(result):
    return sorted((f.ref.cell, f.severity.value) for f in findings_of(result, "F11"))


@pytest.mark.parametrize(("sub", "merged"), [(E, True), ("小计", False), ("财政拨款", False)])
def test_one_amount_column_under_a_two_row_header_is_held_to_its_total(tmp_path, sub, merged):
    """1166.1 + 83.4 = 1249.5 printed 1294.5: F11 错误 at the 合计 (a sum of printed cells, as under a one-row header);
    printed right, nothing. Was no block at all (LAYOUT_NO_TABLE)."""
    wrong = workbook_result(tmp_path, *_two_row_header(sub, "1294.5", merged_money=merged))
    assert _f11(wrong) == [("D6", "error")]
    assert "1249.5" in findings_of(wrong, "F11")[0].message
    right = workbook_result(tmp_path, *_two_row_header(sub, "1249.5", merged_money=merged))
    assert not _f11(right) and not error_cells(right)
    assert not [f for f in right.findings if f.code == "LAYOUT_NO_TABLE"]


@pytest.mark.parametrize("sub", ["占比(%)", "数量", "其中:财政拨款"])
def test_a_lone_column_that_is_no_money_holds_nothing(tmp_path, sub):
    """The one column under the money cell names a share, a count or a part of a part: not summed to the 合计."""
    result = workbook_result(tmp_path, *_two_row_header(sub, "1294.5"))
    assert not _f11(result) and not error_cells(result)
