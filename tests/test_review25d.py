"""review25d: read25's header repeated inside a group (`_Reader._same_group`) against two tables stacked on one sheet.

read25 joined the rows under an indicator header repeated straight under the table's last indicator row whenever the
first row under it printed the 一级 of that indicator (甘孜 2023 prints its 一级 on every row: a page break inside a
group). Two tables stacked with no 总分 between them — a first table of 产出指标/管理指标 rows only, then a whole table
under the same header — were read as one, and the lower table's own sums were judged over both tables' rows: 错误 that
neither table has (W02 "管理指标 30 分，其下合计 38 分", T02 "总分应为 131，表中为 90", W03 "分值合计应为 100，实际为
145"). Now the printed 一级 continues the group only where the table prints its 一级 on every row (two rows of one group
each printing it), and never where the rows under the header begin the table's indicators again or make a whole
table's weights by themselves (`_another_table`). Each case below is a real table with a fragment of its own first
rows stacked above it (`_stacked`), and failed before.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

import probe_rewrites as P
import probe_variants as PV
from render import CORPUS, load_table, render, validated

from perfxl.reader import read_submission


def _stacked(name: str, k: int, *, filled: bool):
    """The corpus table `name` (`filled`: its merges undone, each label printed on every row it covered) with its
    indicator header and first `k` indicator rows copied above the header: a first table of those rows, no 总分, then the
    whole table under the same header."""
    table = load_table(CORPUS / f"{name}.toml")
    if filled:
        table = P.unmerged_filled(table)[0]
    h0, h1 = PV._header_block(table, PV._in_role(table, ("target",))[0][0])
    end = h1 + 1 + k
    merges = [
        (r0 - h0, c0, min(r1, end - 1) - h0, c1)
        for r0, c0, r1, c1 in P._bounds(table)
        if h0 <= r0 < end and (r0, c0) != (min(r1, end - 1), c1)
    ]
    return PV._insert_rows(table, h0, [list(r) for r in table.rows[h0:end]], merges)[0]


def _errors(result) -> set[str]:
    return {f.code for f in result.findings if f.severity.value == "error"}


def _tables(table, tmp_path) -> int:
    sub = read_submission(render(table, tmp_path / "read"))
    return len(sub.evaluations) + len(sub.declarations)


def test_a_first_only_group_label_printed_again_under_a_repeated_header_begins_the_next_table(tmp_path):
    """江西 南昌 蚕茶卫生院 2021 prints 管理指标 │ 30 once over its seven rows: two 管理指标 rows and the header above the
    table are another table's. Failed before: read as one, W02 "“管理指标”的分值为 30 分，其下三级指标分值合计 38 分"."""
    table = _stacked("jiangxi-nanchang-canchaweishengyuan-bumen-2021", 2, filled=False)
    assert _tables(table, tmp_path) == 2
    assert "W02" not in _errors(validated(table, tmp_path))


def test_rows_under_a_repeated_header_making_the_full_mark_are_a_table_of_their_own(tmp_path):
    """湖北 鄂州 财政局 第三方 2019, its 一级 printed on every row: the rows under the repeated header weigh 90, with the
    预算执行率 10 the full 100, and end in their own 总分 90. Failed before: joined to the two rows above, T02 "总分应为
    131 … 表中为 90" and W03 "分值合计（预算执行率 10 + 指标 135）应为 100，实际为 145" — both 错误."""
    table = _stacked("hubei-ezhou-caizhengju-disanfang-2019", 2, filled=True)
    assert _tables(table, tmp_path) == 2
    assert not _errors(validated(table, tmp_path)) & {"T02", "W03"}


def test_rows_under_a_repeated_header_naming_the_first_indicator_again_are_a_table_of_their_own(tmp_path):
    """上海 松江 九亭 2020 (its 指标 weights 98, a defect of its own, so no full mark tells): the row under the repeated
    header names the table's first indicator again — a table beginning, not one going on. Failed before: W03 错误 "分值
    合计（预算执行率 10 + 指标 98）应为 100，实际为 108" over both tables' rows."""
    table = _stacked("shanghai-songjiang-jiuting-chengzhen-2020", 2, filled=True)
    assert _tables(table, tmp_path) == 2
    assert "W03" not in _errors(validated(table, tmp_path))


def test_a_scored_table_under_a_repeated_header_keeps_its_own_total(tmp_path):
    """四川 普惠金融 自评 (no 预算执行率 row): joined to two rows above, T02 said 错误 "总分应为 140（指标得分合计 140），
    表中为 100" — the lower table's 总分 100 is its own rows'."""
    table = _stacked("sichuan-puhuijinrong-ziping", 2, filled=True)
    assert _tables(table, tmp_path) == 2
    assert "T02" not in _errors(validated(table, tmp_path))


def test_a_page_break_inside_a_group_printed_on_every_row_still_continues_the_table(tmp_path):
    """The guard: 湖北 鄂州 第三方 2019 filled, its header printed again after its second indicator row (a page break:
    the rows under it go on with the 产出指标 group and name no indicator read before) is one table, as read25 made it."""
    table = P.unmerged_filled(load_table(CORPUS / "hubei-ezhou-caizhengju-disanfang-2019.toml"))[0]
    hr = PV._in_role(table, ("target",))[0][0]
    h0, h1 = PV._header_block(table, hr)
    broken = PV._insert_rows(table, h1 + 3, [list(r) for r in table.rows[h0 : h1 + 1]], [])[0]
    assert _tables(broken, tmp_path) == _tables(table, tmp_path / "plain") == 1
    assert not _errors(validated(broken, tmp_path)) - _errors(validated(table, tmp_path / "plain"))


def test_a_table_under_a_repeated_header_keeps_its_own_sums_whatever_its_first_level1(tmp_path):
    """云南 永德 2022 with its 效益/满意度 rows (from its second 一级 on) and header stacked above it: the 产出指标 under
    the repeated header is a 一级 the first table has not had, which read as the table going on — but the rows under it
    make the full mark with the 预算执行率 10, a table of their own. Failed before: joined, T02 "总分应为 145 …，表中为
    96" and W03 "分值合计（预算执行率 10 + 指标 140）应为 100，实际为 150", both 错误."""
    table = load_table(CORPUS / "yunnan-yongde-yingyang-2022.toml")
    h0, h1 = PV._header_block(table, PV._in_role(table, ("target",))[0][0])
    c1 = PV._in_role(table, ("level1",))[0][1]
    end = next(r for r in range(h1 + 1, len(table.rows)) if "总分" in "".join(table.rows[r]))
    second = [r for r in range(h1 + 1, end) if table.rows[r][c1].strip()][1]
    rows = [list(r) for r in table.rows[h0 : h1 + 1] + table.rows[second:end]]
    merges = [(r0 - h0, c0, r1 - h0, c) for r0, c0, r1, c in P._bounds(table) if h0 <= r0 and r1 <= h1]
    merges += [
        (r0 - second + h1 + 1 - h0, c0, r1 - second + h1 + 1 - h0, c)
        for r0, c0, r1, c in P._bounds(table)
        if second <= r0 and r1 < end
    ]
    stacked = PV._insert_rows(table, h0, rows, merges)[0]
    assert _tables(stacked, tmp_path) == 2
    assert not _errors(validated(stacked, tmp_path)) & {"T02", "W03"}


def test_a_form_weighting_its_level1_blocks_to_100_each_stays_one_table(tmp_path):
    """The guard: 吉林 大通关 2016 prints its header again over each 一级 block, each block's rows weighing 100 (the
    一级 权重 scales them): no block is "a whole table of its own" — one table, as published."""
    assert _tables(load_table(CORPUS / "jilin-datongguan-pingjiabiao-2016.toml"), tmp_path) == 1
