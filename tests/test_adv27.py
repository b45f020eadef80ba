"""adv27 (issue 11): benign variants a real filing shows, on real tables — each must keep its verdicts.

probe_variants gained kinds a clerk's copy of the form shows (tests/realworld/probe_variants.py, "adv27" section);
four of them moved verdicts, and the reader was fixed generally:

1. A row of column numbers under the header ("1 │ 2 │ … │ 9", forms numbering their columns) was read as an
   indicator named "3" scored 7 of 6 (S01/S06 错误, 173 new 错误 over 123 tables): `detect._column_numbers` reads it
   as a blank row.
2. A filled signature line under the table ("单位负责人：李四 │ 财务负责人：王五 │ 填报人：张三 │ 联系电话：… │
   填报日期：…") over more than three cells was an indicator "填报人：张三" with no 分值 (W04 错误): `_signed_line`
   ends the table there as a note, however many cells.
3. An empty spacer column after each column: a table printing no 分值 read its 分值 from the empty column between
   实际完成值 and 得分 (W04 错误 "分值应大于 0，表中为（空）" on every row, 86 new 错误): `columns._spacer` — a
   missing role is never placed in a column holding nothing under the header.
4. The funds block printed under the indicators, before the 总分: it began a new table, so the 总分 under it was
   the funds' (W03/T02/W05 lost): a funds header after the indicators and before their 总分 is the same table's.
5. A small table printed beside the form (序号 │ 佐证材料名称): its 序号 was read as the header's own column, and beside
   a two-row header its first row kept the second header row from being read (`detect._no_trailing_seq`,
   `_cells_under`); beside the title, the title row was no title (`_title_beside`); a missing column is placed past
   one spacer but not past a gap of two (`columns.place_missing`).
6. A header split over two rows ("绩效指标" over 一级 │ 二级 │ 三级): a target-headed column left of the names (年度目标)
   was read as the target, as a one-row header's is not (`_target_after_name` on the merged header).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

import probe_rewrites as P
import probe_variants as PV

from perfxl.grid import Grid
from perfxl.layout.detect import RowKind, classify_row


def _verdicts(name: str, kind: str, tmp_path: Path):
    """(errors of the published table, errors of the variant mapped back to published rows, expectations the published
    findings meet, those the variant's meet)."""
    v = PV.of_corpus(name, kind, tmp_path)
    return (
        P.errors(v.table, v.base, None),
        P.errors(v.new, v.found, v.rowmap),
        P.met(v.table, v.base, None),
        P.met(v.new, v.found, v.rowmap),
    )


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        # 1. S01/S06 错误 on the column-number row (an indicator "3": 7 of 6) before
        ("anhui-guichi-weituo-2022", "column_numbers"),
        # 吉林's stacked copies with their 一级 权重 column: W02/W05 错误 of the numbers row and W03 of the next block
        ("jilin-fankong-pingjiabiao-2016", "column_numbers"),
        # 2. W04 错误 "“填报人：张三”分值应大于 0" on the signature line before
        ("anhui-xiaoxian-hexicun-2023", "signature_footer"),
        ("yunnan-nanhua-yeshengjun", "signature_footer"),
        # 3. W04 错误 on every row: the 分值 read from the spacer between 实际完成值 and 得分
        ("yunnan-longyang-huafei-2022", "blank_columns_between"),
        ("buxiang-fuwumaoyi-2020", "blank_columns_between"),
        # 河北 成安's 预期指标值 merged over 符号 │ (value) │ 单位 with spacers between: "≥%" read, I03 错误
        ("hebei-chengan-gaolingjintie-2020", "blank_columns_between"),
        # 5. a small table beside the header: its 序号 taken for the header's, the 偏差原因 placed past it (D01 lost);
        # beside a two-row header its "1 │ 项目实施方案" kept the second row from being read (every finding lost)
        ("shanxi-jishan-gonggongweisheng-2021", "side_table"),
        ("yunnan-lijiang-weipian-2020", "side_table"),
        # beside the title of 衡山 官塘's 基础数据表: the title row had four cells, no title — the table unread (B02 lost)
        ("hunan-hengshan-guantang-jichushuju-2023", "side_table_top"),
        # 6. 井研's header split over two rows: 年度目标 left of the names read as the target column (I03 错误 ×13)
        ("sichuan-jingyan-mata-shenbao-2023", "header_group_row"),
        # 4. the 总分 under a funds block printed after the indicators: W03 and T02 lost before
        ("sichuan-zhongjiang-shuibiaochi-2022", "funds_after_indicators"),
        ("shanxi-jishan-jiandanglika-2020", "funds_after_indicators"),
    ],
)
def test_a_benign_variant_keeps_the_published_tables_verdicts(tmp_path, name, kind):
    before, after, met_before, met_after = _verdicts(name, kind, tmp_path)
    assert after <= before, f"new 错误 {sorted(after - before)}"
    assert met_before <= met_after, f"lost {sorted(met_before - met_after)}"


def test_the_funds_block_after_the_indicators_is_read_with_the_total_under_it(tmp_path):
    """四川 中江 水标尺 2022: 分值 70 + 20 + 10 and 预算执行率 10 make 110 — W03 and T02 错误 at the 总分 row, whichever
    block the form prints first."""
    before, after, _, _ = _verdicts("sichuan-zhongjiang-shuibiaochi-2022", "funds_after_indicators", tmp_path)
    assert {("W03", 23), ("T02", 23)} <= before & after


def _row(*cells: object) -> Grid:
    return Grid(name="s", rows=[list(cells)])


@pytest.mark.parametrize(
    "cells",
    [("1", "2", "3", "4", "5", "6", "7", "8"), (1, 2, 3, 4), ("1", "2 ", " 3", "4", "5")],
)
def test_a_row_of_column_numbers_is_read_past(cells):
    assert classify_row(_row(*cells), 0) is RowKind.BLANK


@pytest.mark.parametrize(
    "cells",
    [
        ("1", "2", "3"),  # three cells: a short data row may read so
        ("1", "2", "4", "5"),  # not counting on
        ("1", "补助人数", "≥50人", "52人", "10", "10"),  # a numbered indicator row
        (True, 2, 3, 4),
    ],
)
def test_a_row_that_does_not_count_its_columns_is_not_read_past(cells):
    assert classify_row(_row(*cells), 0) is not RowKind.BLANK
