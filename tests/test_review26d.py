"""review26d (issue 11): an adversarial pass over read26's head value after a break (`detect._value_after_break`).

1. "自评得分\\n100 │ 90": the full mark printed under the label, the score in the next cell — the 100 was read as the
   score (read25's bare-figure rule, kept by read26), and T02 said 错误 "总分应为 不超过 94…，表中为 100" of a table
   scoring 90. A figure after the break is the value only when the next cell is no bare figure (as read26 held for a
   grade: "自评得分\\n优秀 │ 98").
2. "项目名称\\n中 │ 初中公用经费": read26 took a grade word alone after the break for any field's value — the project
   was named "中". A grade is the value only of the field that may hold one (自评得分).
Held: a note after the break ("（满分100分）", "(100分)", "100分制") leaves the next cell the value.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from test_realworld_variants import _at

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

import probe_variants as PV
from render import render, validated, variant

from perfxl.reader import read_submission

#: row 3: 实施第位 │ 银川市第六中学 │ 自评得分 │ 98 │ 财政审1度评分 — its rows' scores sum to at most 94 (T02 on 98)
_YINCHUAN = "ningxia-yinchuan-chuzhong-gongyong-2021"


def _head(table, tmp_path: Path) -> dict[str, str]:
    return {k: v.text for k, v in read_submission(render(table, tmp_path)).evaluations[0].header.items()}


@pytest.mark.parametrize("label", ["自评得分\n100", "自评得分\n100分", "自评得分\n（满分100分）", "自评得分\n100分制"])
def test_a_full_mark_under_the_score_label_leaves_the_next_cell_the_score(tmp_path, label):
    """With the head's score 90 (within the rows' 94) no T02; failed before for "\\n100" and "\\n100分" (read as 100:
    T02 错误 "表中为 100")."""
    table = variant(_YINCHUAN, {"E3": label, "F3": "90"})
    assert _head(table, tmp_path / "r")["自评得分"] == "90"
    assert ("T02", "error") not in _at(validated(table, tmp_path / "v"), 3)


def test_the_published_score_beside_a_full_mark_label_keeps_its_t02(tmp_path):
    """The guard: 98 as published, "自评得分\\n100" over it — T02 on the 98 kept, and its message names 98."""
    result = validated(variant(_YINCHUAN, {"E3": "自评得分\n100"}), tmp_path / "v")
    t02 = [f for f in result.findings if f.code == "T02" and f.severity.value == "error"]
    assert t02
    assert all("表中为 98" in f.message for f in t02)


def test_a_grade_word_after_a_name_label_is_no_value(tmp_path):
    """Failed before: 项目名称 read as "中"."""
    assert _head(variant(_YINCHUAN, {"A2": "项目名称\n中"}), tmp_path)["项目名称"] == "初中公用经费"


def test_a_figure_alone_after_the_score_label_is_still_its_value(tmp_path):
    """The guard (read25): "自评得分\\n98 │ 财政审1度评分" — 98 is the score, T02 kept."""
    table = variant(_YINCHUAN, {"E3": "自评得分\n98", "F3": ""})
    assert _head(table, tmp_path / "r")["自评得分"] == "98"
    assert ("T02", "error") in _at(validated(table, tmp_path / "v"), 3)


def test_the_full_mark_variant_changes_the_published_table_and_keeps_its_verdicts(tmp_path):
    """probe_variants' head_full_mark on 宁夏 银川 2021: the label gains "\\n100", no new 错误, nothing lost."""
    from render import CORPUS, load_table

    table = load_table(CORPUS / f"{_YINCHUAN}.toml")
    got = PV.VARIANTS["head_full_mark"](table)
    assert got is not None
    out = PV.run(["head_full_mark"], [table], tmp_path)["head_full_mark"]
    assert len(out) == 1
    assert not out[0].new_errors
    assert not out[0].lost


# ---------------------------------------------------------------- 3. a note after the 总分 label of a headerless fragment

_BUXIANG = "buxiang-bumen-defenbiao-fragment-2017"


@pytest.mark.parametrize("label", ["总分（满分100分）", "总分\n（满分100分）", "总分\n(100分)"])
def test_a_note_after_the_total_label_keeps_the_headerless_fragment_read(tmp_path, label):
    """不详 2017's headerless 评分表 fragment (rows 1–18 under no header, closed by 总分 on row 19) is read by its 分值
    │ 得分 columns adding up to 100 — its 总分 row found by the label. With a note after the label the whole sheet went
    unread (LAYOUT_NO_TABLE, its T02 警告 lost): failed before."""
    from render import CORPUS, load_table

    table = load_table(CORPUS / f"{_BUXIANG}.toml")
    noted = variant(_BUXIANG, {"A19": label})
    plain_sub = read_submission(render(table, tmp_path / "a"))
    noted_sub = read_submission(render(noted, tmp_path / "b"))
    assert [len(e.indicators) for e in noted_sub.evaluations] == [len(e.indicators) for e in plain_sub.evaluations]
    assert noted_sub.evaluations
    codes = {(f.code, f.severity.value) for f in validated(noted, tmp_path / "v").findings}
    assert ("T02", "warning") in codes
    assert "LAYOUT_NO_TABLE" not in {c for c, _ in codes}
