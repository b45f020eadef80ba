"""Trust items of session 15 (issue 11: an 错误 only where the cells make it certain; a finding's words true of its
table). Each test failed before its fix.

1. I03 on a "/" target: "/" is often written for 不适用/无 on Chinese forms, so a quantitative row whose 指标值 cell
   is "/" is not certainly a figure left out — a 警告 whose basis says "/" may mean 不适用 (not an 错误).
2. S15 on a form without a 得分 column (吉林 2016's 专项经费绩效评价表: 目标值 │ 分值 │ 指标值): its message named
   "实际完成值和得分均为空"; it now names the 实际完成值 alone and its basis says the table has no 得分 column.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

from render import validated, variant

YONGDE = "yunnan-yongde-yingyang-2022"  # row 17: 生均补助标准达标率 ═ │ E17 target │ % │ G17 actual │ I17 得分
CHANGJITU = "jilin-changjitu-pingjiabiao-2016"  # 目标值 │ 分值 │ 指标值 (the actual), no 得分 column, all blank


def _found(tmp_path, name, changes, code):
    return [f for f in validated(variant(name, changes), tmp_path).findings if f.code == code]


def test_a_slash_target_is_a_warning_that_it_may_mean_not_applicable(tmp_path):
    """Failed before: I03 错误 "年度指标值“═/%”不是数值" — the 指标值 cell "/" (or "／"), which may mean 不适用."""
    for i, slash in enumerate(("/", "／", "≥/")):
        i03 = _found(tmp_path / str(i), YONGDE, {"E17": slash}, "I03")
        assert [(f.cell, f.severity.value) for f in i03] == [("E17", "warning")], (slash, i03)
        assert "不适用" in i03[0].basis and "未必漏填" in i03[0].basis, i03[0].basis
    # words that are no figure and no "/" stay an 错误
    worded = _found(tmp_path / "w", YONGDE, {"E17": "应保尽保"}, "I03")
    assert [(f.cell, f.severity.value) for f in worded] == [("E17", "error")]


def test_s15_names_only_the_columns_the_form_has(tmp_path):
    """Failed before: "自评表的全部 9 个指标有年度指标值，但实际完成值和得分均为空" on a form with no 得分 column."""
    s15 = _found(tmp_path, CHANGJITU, {}, "S15")
    assert len(s15) == 1, s15
    assert "但实际完成值均为空" in s15[0].message and "得分" not in s15[0].message, s15[0].message
    assert "表中无得分栏" in s15[0].basis, s15[0].basis
    # a form with both columns keeps naming both
    both = _found(tmp_path / "y", YONGDE, {"G17": "", "I17": ""}, "S15")
    assert [f.cell for f in both] == ["G17"] and "实际完成值和得分均为空" in both[0].message, both
