"""review27v (issue 11): adv27's open false 错误 and an adversarial look at its reader changes, on real tables.

1. A 偏差原因 column no header cell names is placed by the column order, right of the table's last column
   (`layout.columns.place_missing`). When the sheet is wider than the table — a small table (序号 │ 佐证材料名称)
   printed beside the form, adv27's `side_table`/`side_table_top` — that position is an empty column the form never
   printed, and D01 judged it blank: 错误 (重庆 科学城 2021, 苏州 2021, 2 each). Where the 偏差原因 sits is then a guess from
   the sheet's width, so D01 over it is a 警告 that says so (`model.PLACED_DEVIATION`); a column the header labels keeps
   D01 as it was. 山西 稷山 2021's blank-headed last column is such a placed column too: its D01 findings are 警告 now, as
   the hand expectations have them ("no 偏差原因 heading printed").
2. adv27's reader changes on rows a real table prints: a row of counts, a signature-like indicator, a funds block after
   the indicators, an empty column under a merged header.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

import probe_rewrites as P
import probe_variants as PV
from render import CORPUS, load_table, render, validated

from perfxl.model import PLACED_DEVIATION, Severity
from perfxl.reader import read_submission


def _table(name: str):
    return load_table(CORPUS / f"{name}.toml")


def _d01(findings) -> list:
    return [f for f in findings if f.code == "D01"]


@pytest.mark.parametrize("name", ["chongqing-kexuecheng-rongmeiti-bumen-2021", "jiangsu-suzhou-caizheng-zaibei-2021"])
@pytest.mark.parametrize("kind", ["side_table", "side_table_top"])
def test_a_table_beside_the_form_makes_no_deviation_column_error(tmp_path, name, kind):
    """The sheet widened by 序号 │ 佐证材料名称 two columns right of the form: the empty column past the form is read as
    the 偏差原因 by position only — D01 over it 警告 naming the guess, never 错误 (2 D01 错误 each before). Since adv28 a
    list beside the form's first rows is cut off and named unread (`layout.beside`), so on 科学城 no column is placed
    and the variant reads as the published table (no D01 at all): any D01 left is a 警告."""
    table = _table(name)
    new, rowmap = PV.VARIANTS[kind](table)
    found = validated(new, tmp_path / "variant").findings
    d01 = _d01(found)
    assert all(f.severity is Severity.WARNING for f in d01), [(f.ref, f.severity) for f in d01]
    assert all("未印“偏差原因”栏名" in f.basis and "推定" in f.basis for f in d01)
    base = validated(table, tmp_path / "base").findings
    assert P.errors(new, found, rowmap) <= P.errors(table, base, None)


def test_the_jishan_blank_headed_last_column_is_a_placed_deviation_column(tmp_path):
    """山西 稷山 2021 prints no 偏差原因 heading (its last column's header cell is blank): D01 on the missed rows stands,
    as 警告 saying the column was placed, as the hand expectations judge it."""
    table = _table("shanxi-jishan-gonggongweisheng-2021")
    (ev,) = read_submission(render(table, tmp_path / "read")).evaluations
    result = validated(table, tmp_path)
    assert PLACED_DEVIATION in ev.columns
    d01 = _d01(result.findings)
    assert {f.ref.cell for f in d01} >= {"I12", "I19", "I23", "I36"}
    assert {f.severity for f in d01} == {Severity.WARNING}


def test_a_labelled_deviation_column_keeps_its_d01_errors(tmp_path):
    """The same 稷山 cells with "偏差原因分析及改进措施" printed over the last column: the form prints the column, a blank
    reason under a certain miss (得分 below 分值) is an 错误 as before — only the label differs."""
    table = copy.deepcopy(_table("shanxi-jishan-gonggongweisheng-2021"))
    header = next(i for i, row in enumerate(table.rows) if "三级指标" in row)
    assert table.rows[header][8] == ""
    table.rows[header][8] = "偏差原因分析及改进措施"
    (ev,) = read_submission(render(table, tmp_path / "read")).evaluations
    assert PLACED_DEVIATION not in ev.columns
    result = validated(table, tmp_path)
    d01 = _d01(result.findings)
    errors = {f.ref.cell for f in d01 if f.severity is Severity.ERROR}
    assert {"I19", "I23", "I36"} <= errors
    assert not any("未印“偏差原因”栏名" in f.basis for f in d01)


def test_an_unnamed_indicator_counting_1_2_3_4_is_a_data_row(tmp_path):
    """稷山 2021 prints indicators without a name (its 指标3/指标4 rows): one whose 指标值 │ 完成值 │ 分值 │ 得分 read
    1 │ 2 │ 3 │ 4 counts like a column-number row but stands among the indicators, not under a header — its 得分 4 over
    分值 3 is an S06 错误 (read past silently before, no finding and no coverage)."""
    table = copy.deepcopy(_table("shanxi-jishan-gonggongweisheng-2021"))
    row = table.rows[13]
    assert row[3] == "" and row[4:8] == ["不少于6 种", "28种", "1", "1"]
    row[4:8] = ["1", "2", "3", "4"]
    found = validated(table, tmp_path).findings
    assert ("S06", "H14") in {(f.code, f.ref.cell) for f in found if f.severity is Severity.ERROR}


@pytest.mark.parametrize(
    "name",
    ["shanxi-jishan-gonggongweisheng-2021", "sichuan-jingyan-mata-shenbao-2023", "jilin-fankong-pingjiabiao-2016"],
)
def test_a_row_of_column_numbers_under_the_header_is_still_read_past(tmp_path, name):
    """The same check keeps adv27's reading: the numbers row right under the header (under its second row, 井研; under
    吉林's "数据项1 │ 数据项2" label row) holds nothing of the table — no new 错误."""
    table = _table(name)
    new, rowmap = PV.VARIANTS["column_numbers"](table)
    base = validated(table, tmp_path / "base").findings
    found = validated(new, tmp_path / "variant").findings
    assert P.errors(new, found, rowmap) <= P.errors(table, base, None)


def test_a_points_header_merged_over_a_spacer_reads_the_values_beside_it(tmp_path):
    """稷山 2021 with an empty column before its 分值 values and "分值" merged over both: the merge's first column holds
    the 分值 only in its header — the 分值 are read from the column under the merge that holds them (before: W04 错误
    "分值应大于 0" on all 25 rows and 27 findings lost)."""
    table = _table("shanxi-jishan-gonggongweisheng-2021")
    header = next(i for i, row in enumerate(table.rows) if "三级指标" in row)
    new = P.insert_column(copy.deepcopy(table), 7)
    for r in range(header + 1, len(new.rows)):
        new.rows[r][7], new.rows[r][6] = new.rows[r][6], ""
    new.merges = [*new.merges, f"G{header + 1}:H{header + 1}"]
    base = validated(table, tmp_path / "base").findings
    found = validated(new, tmp_path / "variant").findings
    assert P.errors(new, found, None) <= P.errors(table, base, None)
    assert P.met(table, base, None) <= P.met(new, found, None)


@pytest.mark.parametrize("start", [3, 5])
def test_a_second_projects_table_after_indicators_without_a_total_is_its_own(tmp_path, start):
    """Two copies of 四川 中江 2022 on one sheet, the first without its 总分 row, the second from its 项目名称 line (3) or
    from its funds header (5, no head at all): adv27 keeps a funds block after the indicators in the table only before
    their 总分 — the second table's W03/T02 错误 at its own 总分 stay there, and nothing new appears on either."""
    table = _table("sichuan-zhongjiang-shuibiaochi-2022")
    total = next(i for i, row in enumerate(table.rows) if "总分" in row[0])
    new = copy.deepcopy(table)
    new.rows = [list(r) for r in table.rows[:total]] + [list(r) for r in table.rows[start - 1 :]]
    shift = total - (start - 1)

    def moved(m: str) -> str:
        return ":".join(
            f"{x.rstrip('0123456789')}{int(x[len(x.rstrip('0123456789')) :]) + shift}" for x in m.split(":")
        )

    def rows(m: str) -> list[int]:
        return [int(x[len(x.rstrip("0123456789")) :]) for x in m.split(":")]

    new.merges = [m for m in table.merges if rows(m)[1] <= total] + [
        moved(m) for m in table.merges if rows(m)[0] >= start
    ]
    new.expect = []
    base = P.errors(table, validated(table, tmp_path / "base").findings, None)
    found = P.errors(new, validated(new, tmp_path / "two").findings, None)
    second = {(code, row - shift) for code, row in found if row is not None and row > total}
    first = {(code, row) for code, row in found if row is None or row <= total}
    assert {("W03", total + 1), ("T02", total + 1)} <= base
    assert second == base
    assert first <= base
