"""General fixes prompted by held-out batch 22.

First run (measured once, before any change): 0 / 0 hand-found errors (the hand checks found every relation holding in
the six), no false 错误, 6 of 6 tables read. The batch: six more 专项经费支出绩效评价表 forms of the same 吉林 出入境检验检疫
unit as batch 21's, published as HTML forms in the public repository hktianyi/Meeting (2016) — 大通关(电子监管), 检疫犬,
疫情疫病, 专项交通费, 其他外事费, 实验室大型修缮 — blank forms, their targets, 权重 and 分值 real.

1. The forms head their columns 三级指标 │ 计量单位 │ 目标值(标准) │ 分值 │ 采集数据项 (数据项1 │ 数据项2) │ 指标值. The target is
   the 目标值(标准) column; 指标值 is the value the indicator reached, computed from the 采集数据项 the unit enters (填表说明
   3–4: "采集数据项量化指标只填写数值 … 按照计量单位填写"). 指标值 is a target synonym elsewhere (申报表, 一体化 forms),
   and beside 目标值 the first target column won: a filled form's 指标值 cells went unread (LAYOUT_UNMAPPED_ROW) and S15
   said "实际完成值和得分均为空" over filled actuals. A bare 指标值 column right of a 目标值 column right of the names, in a
   header with no actual column, is the actual (perfxl/layout/detect.py `_value_after_target`); so is the bare "指标" the
   same forms print over that column in their first header (科技专项, 大通关, 反恐 …) — read only as "指标值", the first
   header's columns differed from the repeated ones' and the 预算绩效 block became a table of its own (W02/W03/W05).

2. The same forms print 计量单位 "是/否" beside a 是 / 否 target: the answer kind of a yes/no question, not a unit — joined
   as one it made the target "是是/否", a text no qualitative tier matches (perfxl/layout/indicators.py `join_target`).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

from render import load_table, render, validated, variant

from perfxl.grid import Grid
from perfxl.layout.detect import indicator_columns
from perfxl.reader import read_submission

KOUAN = "jilin-kouan-hexinnengli-pingjiabiao-2016"  # 项目产出 rows 15–17: 目标值(标准) G, 指标值 K
CORPUS = Path(__file__).resolve().parent / "realworld"
FILLED = {"I15": "19", "J15": "20", "K15": "95%", "K16": "100%", "K17": "100%"}


def test_the_indicator_value_right_of_the_target_is_the_actual(tmp_path):
    sub = read_submission(render(variant(KOUAN, FILLED), tmp_path))
    (ev,) = sub.evaluations
    rows = {i.name.place().row: i for i in ev.indicators if i.name.place() is not None}
    assert rows[15].target.text == "100%" and rows[15].actual.text == "95%"
    assert rows[16].actual.text == "100%"


def test_filled_actuals_are_no_blank_actuals(tmp_path):
    result = validated(variant(KOUAN, FILLED), tmp_path)
    s15 = [f for f in result.findings if f.code == "S15"]
    # the lines still blank are named one by one (预算绩效, 项目效果); the filled 项目产出 lines are not, nor the whole table
    assert s15 and not [f for f in s15 if f.ref.cell in ("K15", "K16", "K17") or "全部" in f.message]
    assert not [f for f in result.findings if f.code == "LAYOUT_UNMAPPED_ROW" and "95%" in f.message]
    assert not [f for f in result.findings if f.severity.value == "error"]


def test_the_blank_form_still_says_its_actuals_are_blank(tmp_path):
    result = validated(load_table(CORPUS / f"{KOUAN}.toml"), tmp_path)
    assert [f for f in result.findings if f.code == "S15"]


def _cols(*header: str) -> dict[str, int] | None:
    return indicator_columns(Grid("表", [list(header), [""] * len(header)]), 0)


def test_only_a_bare_indicator_value_after_a_stated_target_turns_actual():
    jilin = _cols("一级指标", "二级指标", "三级指标", "计量单位", "目标值(标准)", "分值", "采集数据项", "指标值")
    assert jilin is not None and jilin["target"] == 4 and jilin["actual"] == 7
    # the same form's first header prints "指标" over that column (科技专项, 大通关): read alike, or the repeated header's
    # columns differ from the first's and the 预算绩效 block is cut off as a table of its own (5 false 错误 on 大通关)
    first = _cols("一级指标", "二级指标", "三级指标", "计量单位", "目标值(标准)", "分值", "采集数据项", "指标")
    assert first is not None and first["actual"] == 7
    # 指标值 │ 完成值: 指标值 stays the target
    plain = _cols("一级指标", "二级指标", "三级指标", "指标值", "完成值", "分值", "得分")
    assert plain is not None and plain["target"] == 3 and plain["actual"] == 4
    # a 年度目标 goal column left of the names (四川 list-form 申报表): its 指标值 is the target
    listing = _cols("年度目标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重")
    assert listing is not None and listing["target"] == 5 and "actual" not in listing


def test_a_yes_no_unit_is_the_answer_kind_not_a_unit():
    # 吉林 评价表: 计量单位 "是/否" beside the target 是 / 否 — joined as a unit it read "是是/否", a target no tier matches
    from perfxl.layout.indicators import join_target
    from perfxl.model import CellValue

    assert join_target(CellValue.of("是"), None, CellValue.of("是/否")).text == "是"
    assert join_target(CellValue.of("否"), None, CellValue.of("是／否")).text == "否"
    assert join_target(CellValue.of("100"), None, CellValue.of("%")).text == "100%"  # a unit is still joined


def test_the_yes_no_lines_of_a_filled_form_name_their_target_as_printed(tmp_path):
    result = validated(variant(KOUAN, FILLED), tmp_path)
    s15 = [f for f in result.findings if f.code == "S15"]
    assert s15 and not [f for f in s15 if "是/否”" in f.message]
