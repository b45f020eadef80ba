"""read25 (issue 11): the reader variants read24 left open (tests/realworld/probe_variants.py).

1. head_break / head_tab: a head field parted from its value by a line break or a tab in a LATER cell of its row
   ("实施第位 │ 银川市第六中学 │ 自评得分\\n98 │ 财政审1度评分", 宁夏 银川 初中 2021 row 3) was unread — `classify_row` asks a
   broken field of a row's first cell only — and T02 (自评得分 98 unreachable) was lost. Now the rows of a head (the sheet's
   top, or after a title or a head field row, up to the first block) ask their later cells too (`detect._broken_later`),
   and a label never wraps onto a bare figure: "自评得分\\n98" is the field and its value, not a label wrapped over the
   next cell's value (review24d's "项目名称\\n及代码 │ 某项目").
2. header_mid_block: 甘孜 2023 prints its 一级 on every row; its header repeated at a page break inside the 产出指标
   group started a new table there (`_page_break_header` took a 一级 the table already had as a new table's): the
   weights judged as two tables' (预算执行率权重 "应为 55"), a missing 总分, I04 gathered for six rows only. The row below
   the repeated header printing the 一级 of the last indicator read now continues the table.
3. A guess between two readings names both in its message, not the scored one alone: "若按 37442人 理解（若按 -37442人
   理解，同样未达到目标，得分应为 0），…" (S07/D01 of read24's two sign readings; the basis gave both, the message one).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from test_realworld_variants import _at as _row  # (code, severity) of a row's 错误 and 警告

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

import probe_variants as PV
from render import CORPUS, load_table, render, validated, variant

from perfxl.reader import read_submission

#: row 3: 实施第位 │ 银川市第六中学 │ 自评得分 │ 98 │ 财政审1度评分
_YINCHUAN = "ningxia-yinchuan-chuzhong-gongyong-2021"
_GANZI = "sichuan-ganzi-shijianju-mubiao-2023"  # 一级 │ 二级 printed on each of rows 8–18, no 总分


# ---------------------------------------------------------------- 1. a broken head field in a later cell


@pytest.mark.parametrize("sep", ["\n", "\t", "\r\n"])
def test_a_later_cell_broken_from_its_value_keeps_the_total_finding(tmp_path, sep):
    """Failed before: row 3 carried nothing — 自评得分 unread, T02 (98 beyond any sum: ≤ 94) lost."""
    result = validated(variant(_YINCHUAN, {"E3": f"自评得分{sep}98", "F3": ""}), tmp_path)
    assert ("T02", "error") in _row(result, 3)


def test_a_later_broken_field_is_read_with_its_figure_not_the_next_cells_text(tmp_path):
    """The next cell "财政审1度评分" holds no label perfxl knows (OCR-damaged): the break is not a wrapped label's —
    a label wraps onto words ("及代码"), never onto a bare figure."""
    sub = read_submission(render(variant(_YINCHUAN, {"E3": "自评得分\n98", "F3": ""}), tmp_path))
    assert sub.evaluations[0].header["自评得分"].text == "98"


def test_a_broken_head_label_in_a_data_row_is_no_head_field(tmp_path):
    """Below the indicator header a cell "实施单位\\n…" is a data row's text (a 未完成原因 here): the row keeps its
    indicator and the table its findings — only a head's rows ask their later cells."""
    plain = validated(variant(_YINCHUAN, {}), tmp_path / "a")
    changed = validated(variant(_YINCHUAN, {"H9": "实施单位\n银川市第六中学"}), tmp_path / "b")
    assert _row(changed, 9) == _row(plain, 9)
    sub = read_submission(render(variant(_YINCHUAN, {"H9": "实施单位\n银川市第六中学"}), tmp_path / "c"))
    assert "实施单位" not in sub.evaluations[0].header


# ---------------------------------------------------------------- 2. the header repeated inside a group


def _ganzi_with_header_before(row: int):
    """甘孜 2023 with its indicator header (row 7) printed again before 1-based `row` (a page break there)."""
    table = load_table(CORPUS / f"{_GANZI}.toml")
    return PV._insert_rows(table, row - 1, [list(table.rows[6])], [])


@pytest.mark.parametrize("before", range(9, 19))
def test_a_header_repeated_inside_a_group_printed_on_every_row_continues_the_table(tmp_path, before):
    """Failed before wherever the row under the break repeats the 一级 above it (rows 9–15 产出指标, 17 效益指标): the
    rows below read as a second table (LAYOUT_MISSING_TOTAL, W01, 预算执行率权重 "应为 55" for a break before row 14, I04
    gathered over the first rows only). The 一级 printed again is the group going on, as a blank 一级 cell says it where
    the label is merged or printed once (those read as one table before too)."""
    t, _ = _ganzi_with_header_before(before)
    result = validated(t, tmp_path)
    codes = {(f.code, getattr(f.ref, "row", None)) for f in result.findings if f.severity.value != "info"}
    assert not {c for c, _ in codes} & {"LAYOUT_MISSING_TOTAL", "W01"}
    w03 = [f for f in result.findings if f.code == "W03"]
    assert [f.message for f in w03] == ["预算执行率权重应为 10，实际为 （空）"]
    quantitative = {r + (r >= before) for r in range(8, 16)}  # the published rows 8–15, below the break one lower
    assert {r for c, r in codes if c == "I04"} == quantitative  # each row, as the published table


def test_a_header_repeated_before_an_earlier_group_still_begins_a_new_table(tmp_path):
    """The header printed again after the 满意度指标 row, the rows under it 产出指标 again: another table (one under the
    other, as 湖北/吉林 stack them), as before — a 一级 the table already had that is not the group it was in."""
    table = load_table(CORPUS / f"{_GANZI}.toml")
    t = PV._insert_rows(table, len(table.rows), [list(r) for r in table.rows[6:]], [])[0]
    sub = read_submission(render(t, tmp_path))
    assert len(sub.evaluations) + len(sub.declarations) == 2


# ---------------------------------------------------------------- 3. both readings named in the message


def test_a_guess_between_two_readings_names_both_in_its_message(tmp_path):
    """山西 吉山 公共卫生 2021 row 12 printed "—37442人" against 38508人 (3 of 3): missed as 37442 and as −37442. Failed
    before: the message said "若按 37442人 理解，…" only; the basis named both."""
    result = validated(variant("shanxi-jishan-gonggongweisheng-2021", {"F12": "—37442人"}), tmp_path)
    both = "若按 37442人 理解（若按 -37442人 理解，同样未达到目标，得分应为 0），"
    for code in ("S07", "D01"):
        found = next(f for f in result.findings if f.code == code and getattr(f.ref, "row", None) == 12)
        assert both in found.message, found.message
        assert "as -37442人, likewise missed, scored 0" in found.message_en, found.message_en
