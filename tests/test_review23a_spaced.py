"""review23a: read23's spaced head names, reviewed. read23 ended a spaced value only at a grade's label with a grade
or a total's (自评/评价 得分 …) with a figure, so a bare "得分  95", "评分  95" or "资金总额  100" after the name ran into
it (read22a cut there); and "项目负责人" printed without its colon never ended it. A run-on name is compared with
nothing: G04 (a 预期目标 that only names the project) was lost on 汨罗 2017's own cover so printed. Each test of a cut
name failed at ab62cb4d; the names holding a label before a word guard read23's reading."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from perfxl.layout.detect import spaced_field

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))
from render import load_table, validated

_MILUO = Path(__file__).resolve().parent / "realworld" / "hunan-miluo-dipiaojia-2017.toml"


@pytest.mark.parametrize("after", ["得分  95", "评分  95", "自评分  95", "资金总额  100", "项目负责人  虞定武"])
def test_a_label_with_its_figure_or_a_signature_ends_a_spaced_name(after):
    assert spaced_field(f"项目名称       低票价运营补贴   {after}") == ("项目名称", "低票价运营补贴")


@pytest.mark.parametrize("name", ["某县  得分  系统", "某县  项目资金  补助", "某县  资金总额  核算"])
def test_a_label_with_a_word_after_it_stays_in_the_name(name):
    assert spaced_field(f"项目名称   {name}") == ("项目名称", name)


@pytest.mark.parametrize("after", ["项目负责人  虞定武", "得分  95"])
def test_the_cover_s_name_still_finds_the_goal_that_only_names_it(tmp_path, after):
    """汨罗 2017 (a real 自评报告 table) with its cover's name line carrying a signature or a score: the 定性目标's
    预期目标 "低票价运营补贴" only names the project — G04 at row 31, as on the published table."""
    table = load_table(_MILUO)
    assert table.rows[3][0] == "项目名称       低票价运营补贴"
    table.rows[3][0] = f"项目名称       低票价运营补贴   {after}"
    found = {(f.code, f.ref.row if f.ref else None) for f in validated(table, tmp_path).findings}
    assert ("G04", 31) in found
