"""review27d (issue 11): read27's head score pair and guessed table edges, held to real tables written otherwise.

1. A 总分 label printing the full mark under it ("总分\\n100", "总分\\n100\\n（满分）", "总分100分") was read as an indicator
   named so: D01 错误 "“总分\\n100”未完成（得分 98 低于分值 100）" and the table's 总分 lost with its W03 错误 (probe_variants
   total_mark_break/total_mark_note at main: 52 new 错误, 5 lost on 25 tables). `headers.is_total_label` reads it.
2. Two copies of a bare table (its indicator header and rows, no title, head or 总分) printed one under the other: the
   second copy's edge was said to be a guess (`SelfEvaluation.boundary_guess`, read27's "headless part" case) on 35 of
   the corpus' tables so built, and on 山西 吕梁 2021 stacked as published — a copy printing the 一级 or indicators the
   table above had is that table again, not its rest (`_Reader._copy_again`).
3. read27's head pair on the real tables it applies to ("100\\n98" in the value's own cell, beside the label, a year and a
   score) and the corpus as published: no table carries a guessed edge. A bracketed note on the line after the head's
   label ("自评得分\\n（满分100分）\\n98") was read as the value: the next cell's label taken for the score, T02 lost
   (`detect.spaced_field` now reads past it).
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import pytest
from test_document_realreport import fast_share
from test_realworld_variants import _at

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

import probe_rewrites as P
import probe_variants as PV
from render import CORPUS, Table, corpus_files, load_table, render, validated, variant

from perfxl.reader import read_submission

#: 湖北 忻州 出居团 2020, row 28: 总分 │ … │ 100 │ 98 — W03 错误 (预算执行率 10 + 指标 100 = 110)
_XINZHOU = "hubei-xinzhou-chujutuan-2020"
#: 宁夏 银川 2021, row 3: 实施第位 │ 银川市第六中学 │ 自评得分 │ 98 │ 财政审1度评分 (一级 labels declare 100; rows reach 94)
_YINCHUAN = "ningxia-yinchuan-chuzhong-gongyong-2021"


# ---------------------------------------------------------------- 1. the 总分 label with its full mark


@pytest.mark.parametrize("label", ["总分\n100", "总分\n100\n（满分）", "总分100分", "得分合计\n100", "总  分\n100分"])
def test_a_total_label_with_the_full_mark_under_it_is_the_total_row(tmp_path, label):
    """Failed before: the row read as an indicator named "总分\\n100" (D01 错误 on it, the 总分 and W03's 错误 lost)."""
    table = variant(_XINZHOU, {"A28": label})
    ev = read_submission(render(table, tmp_path / "r")).evaluations[0]
    assert ev.total_score is not None and ev.total_score.text == "98"
    assert ev.total_weight is not None and ev.total_weight.text == "100"
    got = _at(validated(table, tmp_path / "v"), 28)
    assert ("W03", "error") in got
    assert not [code for code, sev in got if code.startswith(("D", "S"))]


@pytest.mark.parametrize("label", ["总分（满分100）", "总分\n（满分100分）"])
def test_a_total_label_with_its_bracketed_full_mark_reads_as_before(tmp_path, label):
    """The guard: a bracketed note after the label was read before and still is."""
    got = _at(validated(variant(_XINZHOU, {"A28": label}), tmp_path), 28)
    assert ("W03", "error") in got


def test_a_name_opening_with_a_total_word_stays_an_indicator():
    """The guard: only a figure (with 分 or 满分) after the label makes a total's; names and sums of items do not."""
    from perfxl.layout import headers as H

    assert H.is_total_label("总分100") and H.is_total_label("合计100分") and H.is_total_label("总分满分100")
    assert not any(map(H.is_total_label, ("合计支出率", "总计划完成率", "总分值100%", "合计2项", "总分100人")))


_MARK_TABLES = (
    _XINZHOU,
    "hubei-ezhou-caizhengju-disanfang-2019",
    "shanxi-jishan-jiandanglika-2020",
    "sichuan-zhongjiang-shuibiaochi-2022",
    "jilin-fankong-pingjiabiao-2016",
    _YINCHUAN,
)


def test_the_full_mark_variants_change_no_verdict(tmp_path):
    """probe_variants' review27d kinds on the tables they broke (total_mark_*: D01/W02 错误 new, total and weights_sum
    expectations lost) and on 银川 (head_pair_*: the head score as the second of two figures)."""
    tables = [load_table(CORPUS / f"{name}.toml") for name in _MARK_TABLES]
    names = ["total_mark_break", "total_mark_note", "head_pair_label", "head_pair_value"]
    results = PV.run(names, tables, tmp_path)
    assert {name: len(outcomes) for name, outcomes in results.items()} == {
        "total_mark_break": 5,
        "total_mark_note": 5,
        "head_pair_label": 1,
        "head_pair_value": 1,
    }
    bad = {(n, o.table): (o.new_errors, o.lost) for n, outs in results.items() for o in outs if o.new_errors or o.lost}
    assert not bad


# ---------------------------------------------------------------- 2. bare copies stacked


def _bare_twice(name: str) -> tuple[Table, int]:
    """The table's indicator header and rows up to its 总分 (no title, head, funds or 总分), printed twice with two
    blank rows between; the number of rows of one copy."""
    table = load_table(CORPUS / f"{name}.toml")
    hr = PV._in_role(table, ("weight",))[0][0]
    h0 = PV._header_block(table, hr)[0]
    end = PV._total_row(table, hr)
    end = len(table.rows) if end is None else end
    w = P._width(table)
    rows = [r + [""] * (w - len(r)) for r in table.rows[h0:end]]
    n = len(rows)
    bounds = [(r0 - h0, c0, r1 - h0, c1) for r0, c0, r1, c1 in P._bounds(table) if r0 >= h0 and r1 < end]
    t = copy.deepcopy(table)
    t.rows = [*rows, [""] * w, [""] * w, *copy.deepcopy(rows)]
    t.merges = P._emit(bounds + [(r0 + n + 2, c0, r1 + n + 2, c1) for r0, c0, r1, c1 in bounds])
    return t, n


@pytest.mark.parametrize(
    "name",
    [
        "jilin-fankong-pingjiabiao-2016",  # 一级 printed: the copy's first is 预算绩效 again
        "chongqing-kexuecheng-rongmeiti-bumen-2021",  # no 一级: the copy's first indicator named again
        "hebei-ningjin-gaozhongzhuxue-2019",
        "neimenggu-wuhai-zaishengziyuan-mubiao-2021",
    ],
)
def test_a_bare_table_printed_twice_has_no_guessed_edge(tmp_path, name):
    """Failed before: the second copy's boundary_guess "本表表头紧接在第 …行之后（一段没有标题、表头栏目和总分行的指标
    行，可能与本表同属一表）" — the copy's sums a 警告 saying so. Both copies now read alike, finding for finding."""
    assert _copies_alike(name, tmp_path) == 2


def _copies_alike(name: str, tmp_path: Path) -> int:
    """`_bare_twice` of the table `name`: no table carries a guessed edge and both copies read alike, finding for
    finding; the number of tables read."""
    table, n = _bare_twice(name)
    evs = read_submission(render(table, tmp_path / "r")).evaluations
    assert not [ev.boundary_guess for ev in evs if ev.boundary_guess]
    found = [f for f in validated(table, tmp_path / "v").findings if f.ref is not None and f.severity.value != "info"]
    first = sorted((f.code, f.severity.value, f.ref.row) for f in found if f.ref.row <= n)
    second = sorted((f.code, f.severity.value, f.ref.row - n - 2) for f in found if f.ref.row > n)
    assert first == second
    return len(evs)


def test_a_table_without_title_stacked_as_published_has_no_guessed_edge(tmp_path):
    """山西 吕梁 护工培训 2021 (a bare 绩效目标完成情况 table, no title or 总分) printed twice: failed before (the second
    copy's edge a guess)."""
    stacked, _ = P.stacked(load_table(CORPUS / "shanxi-lvliang-hugong-2021.toml"))
    evs = read_submission(render(stacked, tmp_path)).evaluations
    assert len(evs) == 2
    assert not any(ev.boundary_guess for ev in evs)


_SHARE = fast_share(corpus_files())


@pytest.mark.parametrize(
    "part",
    [
        pytest.param("share", id="share"),
        pytest.param(
            "rest", id="rest", marks=pytest.mark.slow(reason="a sweep: the tables past the fast loop's share")
        ),
    ],
)
def test_no_published_table_carries_a_guessed_edge(tmp_path, part):
    """Every corpus table as published reads with its edges certain: a guess downgrades true 错误 to 警告. A sweep in
    two parts: the fast loop's fixed share of the tables (`fast_share`: a third, by each name's own CRC-32) and,
    marked slow, the others — every whole run (CI) reads all of them (fast28: ≈ 2 s of the loop's CPU)."""
    paths = _SHARE if part == "share" else [p for p in corpus_files() if p not in set(_SHARE)]
    assert len(paths) > 50
    guessed = [
        p.stem
        for p in paths
        if any(ev.boundary_guess for ev in read_submission(render(load_table(p), tmp_path / p.stem)).evaluations)
    ]
    assert guessed == []


# ---------------------------------------------------------------- 3. read27's head pair on 银川


@pytest.mark.parametrize(
    ("changes", "read"),
    [
        ({"F3": "100\n98"}, "98"),  # the full mark over the score in the value's own cell
        ({"E3": "自评得分\n100\n（满分）"}, "98"),  # the full mark noted under the label, the value in its cell
        ({"E3": "自评得分\n2021\n98", "F3": ""}, None),  # a year and a score: no full mark, not read
        ({"F3": "100分\n98分"}, "98"),
        ({"E3": "自评得分\n（满分100分）\n98", "F3": ""}, "98"),  # the label's note on its own line, then the score
        ({"E3": "自评得分\n(满分100)\n98", "F3": ""}, "98"),
    ],
)
def test_the_head_pair_on_yinchuan(tmp_path, changes, read):
    """Where the first figure is the full mark its 一级 labels declare, the second is read and T02 keeps its 错误 at
    row 3 ("表中为 98"); a year over the score is no full mark: T02 not compared there, said as coverage."""
    table = variant(_YINCHUAN, changes)
    ev = read_submission(render(table, tmp_path / "r")).evaluations[0]
    stated = ev.stated_total
    assert (stated.text.replace("分", "").split()[-1] if stated is not None else None) == read
    result = validated(table, tmp_path / "v")
    t02 = [f for f in result.findings if f.code == "T02" and f.ref is not None and f.ref.row == 3]
    assert [(f.severity.value, "表中为 98" in f.message) for f in t02] == ([("error", True)] if read else [])
    if read is None:
        assert any("两个数" in s.reason_zh for s in result.coverage.skipped if s.code == "T02")
