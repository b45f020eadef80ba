"""Review of held-out batch 30's readings (review18b): false paths of the 三公 合计 held to its source columns.

`layout.source_sums` held a 三公 table's 合计 to every adjacent column naming a source (一般公共预算 │ 政府性基金 │ 其他资金 …)
and, with 其他资金 among them, judged a miss an 错误. A column naming a source is not always a part of the split:
1. a share or a change of a source (一般公共预算占比%, 其他资金占比, 一般公共预算比上年增减) — no money of the line;
2. a 其中 column (其中：单位资金 after 其他资金) — a part of a part, counted twice;
3. the sources of another year beside this year's (上年一般公共预算财政拨款 │ 上年其他资金);
4. 预算 and 决算 pairs of each source under one 合计 (一般公共预算财政拨款预算数 │ …决算数 │ 其他资金预算数 │ …决算数);
5. items as columns with a share row under the source rows (其他资金占比%).
Each gave an 错误 on every line. A split is read now only when every line of it is a plain part (no change, share or
其中) and the sources state the same stage and year (the 合计 the same, or what bare sources leave to it).

The tables are realistic variants of the real 三公 tables in tests/realworld (岳阳县文联 2017's 合计 │ 公共财政预算拨款 │
政府性基金预算拨款 │ 国有资本经营预算拨款, the 部门预算 三公 forms split by 一般公共预算 │ 政府性基金 │ 其他资金).
"""

from __future__ import annotations

import pytest
from report_helpers import error_cells as _errors
from report_helpers import findings_of as _codes
from report_helpers import workbook_result as _workbook

E = ""
_HEADER = ["项目", "合计", "一般公共预算财政拨款", "政府性基金", "其他资金"]
_LINES = [
    ["合计", "10", "6", "2", "2"],
    ["因公出国(境)费", "2", "1", "1", "0"],
    ["公务接待费", "3", "2", "0", "1"],
    ["公务用车购置及运行费", "5", "3", "1", "1"],
    ["其中：公务用车购置费", "2", "1", "1", "0"],
    ["公务用车运行费", "3", "2", "0", "1"],
]


def _table(header, lines):
    n = len(header)
    return [["某单位2023年“三公”经费预算表", *[E] * (n - 1)], [*[E] * (n - 1), "单位：万元"], header, *lines]


def test_sources_that_add_up_give_nothing(tmp_path):
    """合计 = 一般公共预算 + 政府性基金 + 其他资金 on every line: nothing found (the split is still read)."""
    result = _workbook(tmp_path, _table(_HEADER, _LINES))
    assert not _codes(result, "B18")
    assert not _errors(result)


def test_a_wrong_split_with_a_catch_all_is_still_an_error(tmp_path):
    """公务接待费 3 against 2 + 0 + 2: with 其他资金 among the sources, an 错误 at B6 (the split is kept)."""
    lines = [list(line) for line in _LINES]
    lines[2][4] = "2"
    result = _workbook(tmp_path, _table(_HEADER, lines))
    assert ("B18", "B6") in _errors(result)


@pytest.mark.parametrize(
    ("column", "value"),
    [("一般公共预算占比%", "60"), ("其他资金占比", "20"), ("一般公共预算比上年增减", "1"), ("其中：单位资金", "1")],
)
def test_a_share_change_or_part_column_of_a_source_is_no_source(tmp_path, column, value):
    """A column naming a source that holds no part of the line's money (a share, a change, a 其中): no 错误."""
    result = _workbook(tmp_path, _table([*_HEADER, column], [[*line, value] for line in _LINES]))
    assert not _errors(result)


def test_last_years_sources_beside_this_years_are_no_split(tmp_path):
    """合计 │ 一般公共预算 │ 政府性基金 │ 其他资金 │ 上年一般公共预算财政拨款 │ 上年其他资金: last year's are not added in."""
    header = [*_HEADER, "上年一般公共预算财政拨款", "上年其他资金"]
    result = _workbook(tmp_path, _table(header, [[*line, "5", "1"] for line in _LINES]))
    assert not _errors(result)


def test_budget_and_final_pairs_under_one_total_are_no_split(tmp_path):
    """合计 │ 一般公共预算财政拨款预算数 │ …决算数 │ 其他资金预算数 │ …决算数: each stage once, not both added up."""
    header = [
        "项目",
        "合计",
        "一般公共预算财政拨款预算数",
        "一般公共预算财政拨款决算数",
        "其他资金预算数",
        "其他资金决算数",
    ]
    lines = [
        ["合计", "10", "6", "6", "4", "4"],
        ["因公出国(境)费", "2", "1", "1", "1", "1"],
        ["公务接待费", "3", "2", "2", "1", "1"],
        ["公务用车购置及运行费", "5", "3", "3", "2", "2"],
    ]
    result = _workbook(tmp_path, _table(header, lines))
    assert not _errors(result)


def test_a_share_row_under_the_source_rows_is_no_source(tmp_path):
    """Items as columns, sources as rows, then 其他资金占比%: the share row is not added to the sources."""
    rows = [
        ["某单位2023年“三公”经费预算表", E, E, E, E],
        ["项目", "合计", "因公出国(境)费", "公务接待费", "公务用车购置及运行费"],
        ["合计", "10", "2", "3", "5"],
        ["一般公共预算", "6", "1", "2", "3"],
        ["政府性基金", "2", "1", "0", "1"],
        ["其他资金", "2", "0", "1", "1"],
        ["其他资金占比%", "20", "0", "33", "20"],
    ]
    result = _workbook(tmp_path, rows)
    assert not _errors(result)


def _wenlian(total="4.9"):
    """岳阳县文联 2017 (tests/realworld, simplified): 2017年预算数合计 │ three 财政拨款 sources, 表3 and 单位 over the last."""
    return [
        [E, E, E, E, "表3"],
        ["岳阳县文联2017年度“三公”经费预算表", E, E, E, E],
        ["单位名称:岳阳县文联", E, E, E, "单位:万元"],
        ["项目", "2017年预算数合计", "公共财政预算拨款", "政府性基金预算拨款", "国有资本经营预算拨款"],
        ["一、支出合计", total, "0", "0", "0"],
        ["1、因公出国(境)费用", "0", E, E, E],
        ["2、公务接待费", "1.8", E, E, E],
        ["3、公务用车费", "3.1", "0", "0", "0"],
    ]


@pytest.mark.parametrize("merges", [("A2:E2",), ()])
def test_the_title_over_some_columns_only_says_nothing_of_one(tmp_path, merges):
    """The title's merge not exported (probe_variants' unmerged copy): it stands over 合计 and two sources, not the third
    — its 预算 is no stage of those columns against the third. The split is still read: 4.9 against 0 + 0 + 0 a 警告."""
    result = _workbook(tmp_path, _wenlian(), merges)
    assert ("B5", "warning") in [(f.ref.cell, f.severity.value) for f in _codes(result, "B18")]
    assert not _errors(result)
