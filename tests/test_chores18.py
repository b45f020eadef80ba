"""chores18 (issue 14, "one of each mechanism"): name lists as profile data, one copy of each mechanism.

- The 年度主要任务 money block's words (a column that is no money source — 占比, 数量, 单价, 其中 —, a subtotal line, the
  total column and line) are the national profile's `[reader.task_funds]`, not code (perfxl/layout/task_funds.py); a
  variant may not restate them (the reader takes no profile: its words would be silently unread).
"""

from __future__ import annotations

import pytest

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
