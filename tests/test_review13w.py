"""Review of weighted13 (review13w): the list form's 项目名称 column and the 总分 row's figure before its 得分 label.

Built from corpus tables with tests/realworld/render.py, as tests/test_weighted13.py does.
"""

from __future__ import annotations

import copy
import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from render import load_table, render, validated
from test_weighted13 import _filled, _run

from perfxl.reader import read_submission

CORPUS = Path(__file__).resolve().parent / "realworld"
MATA = "sichuan-jingyan-mata-shenbao-2023"  # 项目名称 B5:B12 村组干部报酬 (权重 90), B13:B17 基层组织活动经费 (cut, 60)


def test_a_project_s_name_repeated_on_each_row_is_one_table(tmp_path):
    """The 四川 list form exported without its merges prints the project's name (and 单位, 预算数, 年度目标) on every
    indicator row: each row started a table of its own — 13 tables of one indicator, 13 W03 "应为 100，实际为 10". A
    project's table ends where another name starts, not where the same name is repeated."""
    table = copy.deepcopy(load_table(CORPUS / f"{MATA}.toml"))
    table.merges = [m for m in table.merges if m.split(":")[0] not in {"A5", "B5", "C5", "D5", "B13", "C13", "D13"}]
    for n in range(4, 17):
        first = 4 if n < 12 else 12
        table.rows[n][0] = "820001-井研县马踏镇人民政府"
        table.rows[n][1:4] = table.rows[first][1:4]
    sub = read_submission(render(table, tmp_path))
    assert [(ev.header["项目名称"].text, len(ev.indicators)) for ev in sub.declarations] == [
        ("村组干部报酬", 8),
        ("基层组织活动经费", 5),
    ]
    w03 = [f for f in validated(table, tmp_path).findings if f.code == "W03"]
    assert len(w03) == 2


def test_a_score_typed_before_the_score_label_is_no_full_mark(tmp_path):
    """'总分 │ 95 │ 得分 │ (blank)': the forms print 100 there (the 吉林 评价表, 3 in the corpus); another figure is the
    score typed before its label. Read as the form's full mark it was W03's certain 错误 "总分行的分值应为 100，实际为
    95" (and 98.75, the right weighted total, the same 错误) while the score went unread."""
    result, judged = _run(tmp_path, _filled(changes={"B43": "98.75", "D43": ""}))
    assert result.summary.score_reported == Decimal("98.75")
    assert not [c for c in judged if c[1] == "error"]
    assert not [c for c in judged if c[0] in ("W03", "T02")]
    result, judged = _run(tmp_path, _filled(changes={"B43": "95", "D43": ""}))
    assert ("W03", "error") not in judged
    (t02,) = [f for f in result.findings if f.code == "T02"]
    assert t02.severity.value == "warning" and "95" in t02.message
    # the printed 100 stays the full mark, the blank after the label the unfilled score
    result, _ = _run(tmp_path, _filled(total=""))
    assert result.summary.score_reported is None
    result, judged = _run(tmp_path, _filled(changes={"B43": "100分", "D43": ""}))  # its 分 allowed, as a 分值 cell's
    assert result.summary.score_reported is None and ("T02", "warning") in judged


def test_one_slipped_level1_does_not_make_the_weighted_total_an_error(tmp_path):
    """The 吉林 评价表 with one row's 分值 slipped (项目效果's rows 101, the 'some' reading of review13h): T02 fell back to the
    plain sum — "总分应为 296，表中为 98.75", the certain 错误 weighted13 removed, back with one slip (two 一级 of 100
    points cannot add up to a 总分 of 100). The weighted total agrees: silent (W02 names the slip); a total agreeing with
    neither reading is a 警告 stating both."""
    _, judged = _run(tmp_path, _filled(total="98.75", changes={"H40": "6"}))
    assert not [c for c in judged if c[0] == "T02"]
    result, judged = _run(tmp_path, _filled(total="97", changes={"H40": "6"}))
    (t02,) = [f for f in result.findings if f.code == "T02"]
    assert t02.severity.value == "warning" and "98.75" in t02.message and "296" in (t02.basis or "")
    # the plain sum typed is over the full mark: T03's certain 错误, T02 silent
    _, judged = _run(tmp_path, _filled(total="296", changes={"H40": "6"}))
    assert ("T03", "error") in judged and not [c for c in judged if c[0] == "T02"]
