"""read27 (issue 11): the reader's open cases left by session 26.

1. "自评得分\\n100\\n98" (the head's score cell holding the full mark over the score, the value's own cell empty) read the
   next cell's label ("财政审1度评分") as the score: T02 lost. The two figures are read as (full mark, score) when the
   first is the table's full mark (its 总分 row's 分值, else the weights its 一级 labels declare); otherwise no figure is
   taken and T02 says so as coverage (`detect.figure_pair`, `evaluation._Builder._head_score`).
2. `_whole_below` split two tables where the rows under a repeated header make the full mark — the form's 100 assumed
   when no 总分 row prints it: the split is a guess, and the tables say so (`SelfEvaluation.boundary_guess`).
3. 吉林's form printed twice, the second copy without its own title and first header (its 预算绩效 block runs on under
   the first copy's notes, its 项目产出/项目效果 blocks read under their own header as a table without it): W02, W03
   and W05 错误 "一级指标标注分值 项目产出 25 + 项目效果 25 合计 50 分" of a table whose first block sits unread above it.
   Where the table begins is a guess: its sums are a 警告 saying so.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import pytest
from test_read26 import _ezhou_of
from test_realworld_variants import _at

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

import probe_rewrites as P
import probe_variants as PV
from render import CORPUS, load_table, render, validated, variant

from perfxl.reader import read_submission

#: row 3: 实施第位 │ 银川市第六中学 │ 自评得分 │ 98 │ 财政审1度评分; its 一级 labels declare 10 + 25 + 30 + 35 = 100 and
#: its rows' scores reach at most 94 (T02 on 98)
_YINCHUAN = "ningxia-yinchuan-chuzhong-gongyong-2021"


def _stated(table, tmp_path: Path) -> str | None:
    ev = read_submission(render(table, tmp_path)).evaluations[0]
    return ev.stated_total.text if ev.stated_total is not None else None


def _t02_skips(result) -> list[str]:
    return [s.reason_zh for s in result.coverage.skipped if s.code == "T02"]


# ---------------------------------------------------------------- 1. two figures after the head label's break


@pytest.mark.parametrize("label", ["自评得分\n100\n98", "自评得分\n100分\n98分", "自评得分\r\n100\r\n98"])
def test_the_full_mark_over_the_score_in_the_label_cell_reads_the_score(tmp_path, label):
    """The value's cell left empty, the label's cell holding 100 over 98: 100 is the full mark its 一级 labels declare,
    98 the score — T02 错误 at row 3 as published. Failed before: the next cell's "财政审1度评分" read, T02 lost."""
    table = variant(_YINCHUAN, {"E3": label, "F3": ""})
    assert _stated(table, tmp_path / "r") == "98"
    result = validated(table, tmp_path / "v")
    assert ("T02", "error") in _at(result, 3)
    assert all("表中为 98" in f.message for f in result.findings if f.code == "T02" and f.severity.value == "error")


def test_a_score_within_reach_under_the_full_mark_is_no_finding(tmp_path):
    """100 over 90 (the rows reach 94): 90 read, no T02 at row 3."""
    table = variant(_YINCHUAN, {"E3": "自评得分\n100\n90", "F3": ""})
    assert _stated(table, tmp_path / "r") == "90"
    assert ("T02", "error") not in _at(validated(table, tmp_path / "v"), 3)


@pytest.mark.parametrize("label", ["自评得分\n90\n98", "自评得分\n98\n100"])
def test_two_figures_whose_first_is_not_the_full_mark_are_not_read_and_coverage_says_so(tmp_path, label):
    """Which of 90 and 98 (two scores?) or 98 and 100 (the score over the full mark?) is the score is a guess: neither
    is taken, no T02 at row 3, and T02's coverage names the two figures. Failed before: no word of the head score."""
    table = variant(_YINCHUAN, {"E3": label, "F3": ""})
    assert _stated(table, tmp_path / "r") is None
    result = validated(table, tmp_path / "v")
    assert not [f for f in result.findings if f.code == "T02" and f.severity.value in ("error", "warning")]
    skips = _t02_skips(result)
    assert skips and "两个数" in skips[0]


def test_a_figure_alone_and_a_published_score_keep_their_reading(tmp_path):
    """The guards: "自评得分\\n98" alone (read25) and the table as published (98 in its own cell) — 98, T02 kept, and
    no coverage note of two figures."""
    for n, changes in enumerate(({"E3": "自评得分\n98", "F3": ""}, {})):
        table = variant(_YINCHUAN, changes)
        assert _stated(table, tmp_path / f"r{n}") == "98"
        result = validated(table, tmp_path / f"v{n}")
        assert ("T02", "error") in _at(result, 3)
        assert not any("两个数" in s for s in _t02_skips(result))


# ---------------------------------------------------------------- 2. a split on an assumed full mark


def _ezhou_stacked(points: str):
    """湖北 鄂州 第三方 2019 (rows 90 under a 预算执行率 of 10), merges filled, its 总分 row printing `points` as its 分值
    ("" = none printed), its header and 效益 row stacked above it (read26's construction): the rows under the repeated
    header go on with a 一级 the rows above have not had, and make the full mark by themselves."""
    table = copy.deepcopy(load_table(CORPUS / "hubei-ezhou-caizhengju-disanfang-2019.toml"))
    total = next(r for r, row in enumerate(table.rows) if row[0].strip() == "总分")
    table.rows[total][6] = points
    base = P.unmerged_filled(table)[0]
    h0, h1 = PV._header_block(base, PV._in_role(base, ("target",))[0][0])
    benefit = next(r for r, row in enumerate(base.rows) if "财政工作运行效率" in row)
    rows = [list(r) for r in base.rows[h0 : h1 + 1]] + [list(base.rows[benefit])]
    return PV._insert_rows(base, h0, rows, [])[0]


def test_a_split_on_the_assumed_full_mark_says_the_edge_is_a_guess(tmp_path):
    """The rows under the repeated header weigh 90, with the 预算执行率 10 the 100 assumed (the 总分 row prints no
    分值): two tables, each saying where it was split and why. Failed before: no word of the assumption."""
    evs = read_submission(render(_ezhou_stacked(""), tmp_path)).evaluations
    assert len(evs) == 2
    assert all("满分 100 分为推断" in ev.boundary_guess for ev in evs)


def test_a_split_on_the_full_mark_the_total_row_prints_is_no_guess(tmp_path):
    """The guard: the 总分 row printing 100 — the same split, certain."""
    evs = read_submission(render(_ezhou_stacked("100"), tmp_path)).evaluations
    assert len(evs) == 2
    assert not any(ev.boundary_guess for ev in evs)


def test_a_total_row_printing_fewer_points_than_assumed_still_splits_without_a_guess(tmp_path):
    """read26's case (its 总分 printing 95 over rows of 85 + 10): split on the printed full mark, no guess said."""
    base = P.unmerged_filled(_ezhou_of("95", 18))[0]
    h0, h1 = PV._header_block(base, PV._in_role(base, ("target",))[0][0])
    benefit = next(r for r, row in enumerate(base.rows) if "财政工作运行效率" in row)
    rows = [list(r) for r in base.rows[h0 : h1 + 1]] + [list(base.rows[benefit])]
    evs = read_submission(render(PV._insert_rows(base, h0, rows, [])[0], tmp_path)).evaluations
    assert len(evs) == 2
    assert not any(ev.boundary_guess for ev in evs)


# ---------------------------------------------------------------- 3. a copy printed on without its own head


def _headless_copy(name: str, *, filled: bool = False, second_row: bool = False):
    """The 吉林 form `name` printed twice, two blank rows between, the second copy without its title and first header
    (its rows from the first indicator on; `second_row`: from the header's second row, its merges exported filled —
    一级指标 │ 权重 │ … │ 数据项1 │ 数据项2 printed again over the copy's first block)."""
    table = load_table(CORPUS / f"{name}.toml")
    if filled or second_row:
        table = P.unmerged_filled(table)[0]
    t = copy.deepcopy(table)
    w = P._width(table)
    rows = [r + [""] * (w - len(r)) for r in table.rows]
    h0 = PV._header_block(table, PV._in_role(table, ("target",))[0][0])[0]
    # (past the header's second row: blank under its merges, or the header again where they were exported filled)
    drop = (
        h0 + 1 if second_row else next(r for r, row in enumerate(rows) if r > h0 and row[0] and row[0] != rows[h0][0])
    )
    off = len(rows) + 2 - drop
    t.rows = [*rows, [""] * w, [""] * w, *copy.deepcopy(rows[drop:])]
    copied = [(r0 + off, c0, r1 + off, c1) for r0, c0, r1, c1 in P._bounds(table) if r0 >= drop]
    t.merges = P._emit(P._bounds(table) + copied)
    return t, len(rows)


@pytest.mark.parametrize(
    ("name", "filled"),
    [
        ("jilin-fankong-pingjiabiao-2016", False),
        ("jilin-fankong-pingjiabiao-2016", True),
        ("jilin-changjitu-pingjiabiao-2016", False),
        ("jilin-datongguan-pingjiabiao-2016", False),
        ("jilin-yiqingyibing-pingjiabiao-2016", False),
    ],
)
def test_a_copy_printed_on_without_its_head_gives_no_certain_sum_findings(tmp_path, name, filled):
    """Failed before (反恐): W02 "“项目产出”的分值为 25 分，其下三级指标分值合计 100 分", W03 and W05 "一级指标标注分值
    项目产出 25 + 项目效果 25 合计 50 分，应为 100 分" 错误 on the copy; now 警告 whose basis says the start was
    inferred, and the first copy's own findings as published."""
    table, n = _headless_copy(name, filled=filled)
    result = validated(table, tmp_path / "v")
    copy_errors = [f for f in result.findings if f.severity.value == "error" and (f.ref is not None and f.ref.row > n)]
    assert not [f for f in copy_errors if f.code in ("W02", "W03", "W05", "T02")]
    sums = [f for f in result.findings if f.code in ("W02", "W03", "W05") and f.ref is not None and f.ref.row > n]
    assert all("表格起点由表头推断" in f.basis for f in sums)
    base = load_table(CORPUS / f"{name}.toml")
    alone = validated(P.unmerged_filled(base)[0] if filled else base, tmp_path / "a")
    first = {(f.code, f.severity.value, f.ref.row) for f in result.findings if f.ref is not None and f.ref.row <= n}
    assert {(f.code, f.severity.value, f.ref.row) for f in alone.findings if f.ref is not None} <= first


@pytest.mark.parametrize("name", ["jilin-fankong-pingjiabiao-2016", "jilin-changjitu-pingjiabiao-2016"])
def test_a_copy_keeping_its_headers_second_row_gives_no_certain_sum_findings(tmp_path, name):
    """The copy's first block under its header's filled second row reads as a headless part of no 总分, the rest under
    the next header as a table short of it. Failed before (反恐): W02/W03/W05 错误 of that rest; now 警告 saying where
    it begins was inferred."""
    table, n = _headless_copy(name, second_row=True)
    result = validated(table, tmp_path / "v")
    sums = [f for f in result.findings if f.code in ("W02", "W03", "W05", "T02") and f.ref and f.ref.row > n]
    assert not [f for f in sums if f.severity.value == "error"]
    assert all("表格起点由表头推断" in f.basis or "表中没有总分行" in f.basis for f in sums)


def test_the_reader_says_which_rows_above_the_copy_were_left(tmp_path):
    """The second table's guess names the unread rows above its header (the copy's 预算绩效 block)."""
    table, n = _headless_copy("jilin-fankong-pingjiabiao-2016")
    evs = read_submission(render(table, tmp_path)).evaluations
    assert len(evs) == 2
    assert not evs[0].boundary_guess
    assert f"第 {n + 3}–" in evs[1].boundary_guess


def test_a_copy_with_its_own_head_and_published_tables_make_no_guess(tmp_path):
    """The guards: every 吉林 form as published, and one stacked whole (title and header printed again), read with
    no guessed edge (the copy with its head is a table of its own: certain sums stay certain)."""
    for path in sorted(CORPUS.glob("jilin-*.toml")):
        evs = read_submission(render(load_table(path), tmp_path / path.stem)).evaluations
        assert not any(ev.boundary_guess for ev in evs), path.stem
    stacked, _ = P.stacked(load_table(CORPUS / "jilin-fankong-pingjiabiao-2016.toml"))
    evs = read_submission(render(stacked, tmp_path / "stacked")).evaluations
    assert len(evs) == 2
    assert not any(ev.boundary_guess for ev in evs)


def _ezhou_head_score(label: str):
    """湖北 鄂州 第三方 2019 (its 总分 row printing 100 │ 90, its 一级 labels declaring none) with `label` in its head row
    beside 实施单位 (row 4: 实施单位 │ 市财政局 │ label │ "")."""
    table = copy.deepcopy(load_table(CORPUS / "hubei-ezhou-caizhengju-disanfang-2019.toml"))
    table.rows[3][7], table.rows[3][8] = label, ""
    table.merges = [m for m in table.merges if m != "G4:I4"]
    return table


@pytest.mark.parametrize(("label", "read"), [("自评得分\n100\n95", "95"), ("自评得分\n90\n95", None)])
def test_the_full_mark_the_total_row_prints_tells_the_score(tmp_path, label, read):
    """The full mark from the 总分 row's 分值 (100): "100\\n95" reads 95 — T02 错误 at the head (the scores make 6 + 90
    = 96), failed before (the two lines unread, no T02 there); "90\\n95" none (90 is no full mark here)."""
    table = _ezhou_head_score(label)
    assert _stated(table, tmp_path / "r") == read
    head = [f for f in validated(table, tmp_path / "v").findings if f.code == "T02" and f.ref and f.ref.row == 4]
    assert [(f.severity.value, "表中为 95" in f.message) for f in head] == ([("error", True)] if read else [])


def test_a_score_matching_the_rows_under_the_printed_full_mark_is_no_finding(tmp_path):
    """The guard: "100\\n96" (6 + 90) — 96 read, no T02 at the head."""
    table = _ezhou_head_score("自评得分\n100\n96")
    assert _stated(table, tmp_path / "r") == "96"
    assert ("T02", "error") not in _at(validated(table, tmp_path / "v"), 4)
