"""review24d: read24's head readings on realistic variants of real tables (issue 11).

1. read24 split a head field from its value at a line break in one cell ("实施单位\\n某县…"). A label wrapped by Alt+Enter
   with its value in the next cell ("项目名称\\n及代码 │ 某项目", "主管部门\\n名称 │ 某局") was then read as the field with
   the label's second line for its value: 项目名称 "及代码", 主管部门 "名称" (the 申报表 match, G04 and a report's
   name compare it). The value is the next cell's (`detect.header_fields`).
2. `cut_at_label` cut a name at a label inside the name's own bracket ("某项目（资金来源：市级财政）" → "某项目（"), and
   a value opening with a label of its own ("项目单位：某县就业服务中心" under 实施单位, "项目名称：…" under 项目名称) to
   nothing — F01 then said a filled field was blank.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from report_helpers import workbook_result
from test_num20 import _codes, _evaluation

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

from render import render, variant

from perfxl.layout.detect import cut_at_label
from perfxl.reader import read_submission

_BOZHOU = (
    "anhui-bozhou-rengongzengyu-mubiao-2023"  # 项目名称 │ 亳州市人工增雨飞机作业项目; 主管部门及代码 │ 亳州市气象局 …
)
_READ = {"项目名称": "亳州市人工增雨飞机作业项目", "主管部门": "亳州市气象局", "实施单位": "亳州市气象局"}


def _head(tmp_path, changes: dict[str, str]) -> dict[str, str | None]:
    sub = read_submission(render(variant(_BOZHOU, changes), tmp_path))
    ev = (*sub.evaluations, *sub.declarations)[0]
    return {k: ev.header[k].text if k in ev.header else None for k in _READ}


@pytest.mark.parametrize(
    "changes",
    [{"A3": "项目名称\n及代码"}, {"A4": "主管部门\n名称"}, {"E4": "实施单位\n名称"}, {"A3": "项目名称\t及代码"}],
)
def test_a_wrapped_label_takes_the_next_cells_value(tmp_path, changes):
    """Failed before: 项目名称 "及代码", 主管部门 "名称", 实施单位 "名称" — the label's second line read as its value."""
    assert _head(tmp_path, changes) == _READ


@pytest.mark.parametrize(
    ("changes", "field", "value"),
    [
        (
            {"B3": "亳州市人工增雨飞机作业项目（资金来源：市级财政）"},
            "项目名称",
            "亳州市人工增雨飞机作业项目（资金来源：市级财政）",
        ),
        ({"F4": "亳州市气象局（项目负责人：张三）"}, "实施单位", "亳州市气象局（项目负责人：张三）"),
        ({"F4": "项目单位：亳州市气象局"}, "实施单位", "亳州市气象局"),
    ],
)
def test_a_label_in_the_names_bracket_or_before_it_is_the_values_own(tmp_path, changes, field, value):
    """Failed before: "亳州市人工增雨飞机作业项目（" and "亳州市气象局（" (a bracket left open, its note lost), and a blank
    实施单位 for "项目单位：亳州市气象局"."""
    assert _head(tmp_path, changes)[field] == value


def test_a_label_after_the_names_bracket_still_ends_it():
    assert cut_at_label("某县人民医院（项目单位：某县卫健局） 联系人：张三") == "某县人民医院（项目单位：某县卫健局）"
    assert cut_at_label("项目单位：某县卫健局 联系人：张三") == "某县卫健局"
    assert cut_at_label("单位负责人：") == ""  # a label with no value: blank, as before


@pytest.mark.parametrize(
    ("cell", "text"), [((3, 6), "项目单位：某县就业服务中心"), ((3, 1), "主管单位：某县人力资源和社会保障局")]
)
def test_a_filled_head_field_opening_with_its_label_is_no_f01(tmp_path, cell, text):
    """Failed before: F01 "表头“实施单位”未填写" (a 警告: a first-level unit may leave it blank) — the value cut to nothing
    at its own label, though the cell names the unit."""
    rows, merges = _evaluation("1036")
    rows[cell[0]][cell[1]] = text
    assert not [c for c in _codes(workbook_result(tmp_path, rows, merges)) if c[0] == "F01"]


# ---------------------------------------------------------------- 3. a note naming the unit is no note to drop


@pytest.mark.parametrize(
    ("actual", "target"), [("60（注：单位：万元）", "≥500000元"), ("0.6（注：单位：亿元）", "≥5000万元")]
)
def test_a_note_naming_the_unit_is_not_dropped(tmp_path, actual, target):
    """60万元 is 600000元 and meets ≥500000元 (0.6亿元 is 6000万元): full marks are right. Failed before: read24 dropped
    "（注：单位：万元）" as a note, the figure read unitless 60 < 500000 — S07 and D01 错误. Now the cell is unread for its
    unit (S11, information), as "60（单位：万元）" always was: no verdict rests on a unit perfxl did not read."""
    rows, merges = _evaluation(actual, target)
    rows[10][3] = "投资完成额"
    got = _codes(workbook_result(tmp_path, rows, merges))
    assert not [c for c in got if c[2] == "error"]
    assert ("S11", "H11", "info") in got


# ---------------------------------------------------------------- 4. a negative target: no clamp of the actual


@pytest.mark.parametrize("actual", ["－6%", "—6%"])
def test_a_fall_beyond_a_negative_target_is_no_full_marks_error(tmp_path, actual):
    """成本变化率 │ ≤－5% (a fall of 5% at least) │ －6% │ 20 of 20: −6% ≤ −5% meets it, full marks are right. Failed before:
    the negative actual was counted as 0 (`scoring.negative_actual = clamp`, meant for a positive target), 0 > −5%
    missed — S07 and D01 错误 (and S04 said so); with "—6%" (read24: both readings, 6% and −6%, "missed" alike) S07
    错误 as certain."""
    rows, merges = _evaluation(actual, "≤－5%")
    rows[10][3] = "成本变化率"
    got = _codes(workbook_result(tmp_path, rows, merges))
    assert not [c for c in got if c[0] in ("S07", "D01", "S04")]  # (S04: "按 0 计" — it is not, here)


def test_a_fall_short_of_a_negative_target_keeps_its_error(tmp_path):
    """−3% is a fall of 3% only: ≤－5% is missed, full marks are wrong — S07 错误 stays."""
    rows, merges = _evaluation("－3%", "≤－5%")
    rows[10][3] = "成本变化率"
    assert ("S07", "H11", "error") in _codes(workbook_result(tmp_path, rows, merges))
