"""read28 (issue 11): the reader's open cases left by session 27, each on a real table or a benign variant of one.

1. A head label whose value cell is EMPTY ("自评得分\\n100\\n（满分）" │ │ 财政审1度评分, 宁夏 银川 2021) took the next
   written cell's text as its value — another field's label read as the score (no finding, no coverage note); 湖北 黄冈
   档案馆 2020 read its 主管部門 as "項目實施單位". The value is the cell right after the label (past its merge), or
   across ONE empty cell where nothing else could own it (`detect._value_col`); else not given — T02 says the head
   score was not filled (coverage), F01 a blank 主管部门 (警告, as it always did for a blank).
2. The full mark from the 一级 labels' declared weights added the funds line's 分值 though a 预算执行率 row sits inside
   a declared 一级 (银川's 项目管理(25分)): 110, so the head's "100\\n98" was not read (`_Builder._head_score`).
3. 重庆 科学城 2021's head "主管部门 │ … │ 自评总分(分) │ 97.6" (the row read as a 总分 row, left unread) and 重庆 梁平
   林业 2023's "自评总分(分) │ 97.93" under the title: the score the unit states, read now.
4. A signature word run straight into a person's name ("填报人张三", "审核人李四 联系电话：…") read as data: it is a
   signature line when certain — the word, a 2–4-character name and nothing after it on a signature line, or another
   signature word after the name (`detect._named`); "填报人员培训率" and its kind stay data.
5. A qualitative indicator name wrapped after a signature word ("联系电话\\n接通情况 │ 良好 │ 良好") ended the table:
   under an indicator header a value of its own under 指标值/实际完成值 makes it data
   (`detect._wrapped_names_under_headers`).
6. 湖北 广水/随州 built as a bare copy printed twice: the second copy's scoring part was said to begin at a guessed
   edge; a header printing again an earlier table's header, that table's first row under it, begins its copy.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import pytest
from test_realworld_variants import _at

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

from render import CORPUS, load_table, render, validated, variant
from test_review27d import _copies_alike

from perfxl.grid import Grid
from perfxl.io import source
from perfxl.layout.detect import RowKind, classify_row, header_fields
from perfxl.reader import read_submission

#: row 3: 实施第位 │ 银川市第六中学 │ 自评得分 │ 98 │ 财政审1度评分 (G3:H3 merged); 一级 labels declare 100, rows reach 94
_YINCHUAN = "ningxia-yinchuan-chuzhong-gongyong-2021"
#: row 2: 主管部门 │ (B2:C2) │ 财政处室 │ (E2:F2) │ 自评总分(分) (G2:H2) │ 97.6 (I2:K2); the stored copy is cut short
_KEXUECHENG = "chongqing-kexuecheng-rongmeiti-bumen-2021"


def _first(table, tmp_path: Path):
    return read_submission(render(table, tmp_path)).evaluations[0]


def _t02_skips(result) -> list[str]:
    return [s.reason_zh for s in result.coverage.skipped if s.code == "T02"]


# ---------------------------------------------------------------- 1. an empty value cell is "not given"


@pytest.mark.parametrize("label", ["自评得分\n100\n（满分）", "自评得分"])
def test_an_empty_head_score_is_not_the_next_fields_label(tmp_path, label):
    """The score's own cell (F3) left empty: the head score is not given — no text read as it, T02 says so as coverage.
    Failed before: "财政审1度评分" (G3, another field's label) read as the score, nothing said."""
    table = variant(_YINCHUAN, {"E3": label, "F3": ""})
    ev = _first(table, tmp_path / "r")
    assert ev.stated_total is None
    assert ev.header["自评得分"].is_blank
    result = validated(table, tmp_path / "v")
    assert not [f for f in result.findings if f.code == "T02"]
    assert any("未填写" in s for s in _t02_skips(result))


def test_a_head_score_in_its_own_cell_reads_as_before(tmp_path):
    """The benign twin: the full mark noted under the label, 98 in its own cell — 98 read, T02 错误 at row 3 kept, no
    coverage note of a blank."""
    table = variant(_YINCHUAN, {"E3": "自评得分\n100\n（满分）"})
    assert _first(table, tmp_path / "r").stated_total.text == "98"
    result = validated(table, tmp_path / "v")
    assert ("T02", "error") in _at(result, 3)
    assert not any("未填写" in s for s in _t02_skips(result))


def test_huanggang_reads_its_blank_supervisor_as_blank(tmp_path):
    """湖北 黄冈 档案馆 2020 row 4 as published: "主管部門 │ │ │ 項目實施單位 │ 黃岡市檔案館" — the 主管部门 prints nothing
    (its notes say so): blank, F01's 警告 at B4 (a first-level unit may leave it so), not "項目實施單位"."""
    table = load_table(CORPUS / "hubei-huanggang-danganguan-2020.toml")
    ev = _first(table, tmp_path / "r")
    assert ev.header["主管部门"].is_blank
    f01 = [f for f in validated(table, tmp_path / "v").findings if f.code == "F01"]
    assert [(f.severity.value, str(f.ref.cell)) for f in f01] == [("warning", "B4")]


@pytest.mark.parametrize(
    ("row", "value"),
    [
        (["主管部门", "", "某县教育局"], "某县教育局"),  # one empty cell, nothing else on the row: the value
        (["主管部门", "", "某县教育局", "实施单位", "某中学"], "某县教育局"),  # a field's label after it
        (
            ["主管部门", "", "某县教育局", "项目负责人及电话", "李宁0557-5788003"],
            "某县教育局",
        ),  # 萧县, an empty column B
        (["主管部门", "", "", "某县教育局"], None),  # B:C merged, left empty: the value's own cell
        (["主管部门", "", "", "某县教育局", ""], "某县教育局"),  # a label merged over three cells exported unmerged
        (["自评得分", "", "财政审核评分"], None),  # a score's value is a figure
        (["自评得分", "", "97.6"], "97.6"),
    ],
)
def test_a_value_across_one_empty_cell_only_where_nothing_else_owns_it(row, value):
    grid = Grid(name="s", rows=[row], merged=((0, 1, 0, 2),) if len(row) == 4 and not row[2] else ())
    (_, _, vc), *_ = header_fields(grid, 0)
    assert (grid.raw(0, vc) if vc is not None else None) == value


def test_a_value_in_the_labels_own_cell_beside_an_empty_value_cell(tmp_path):
    """安徽 萧县 河西村 2023 with "项目名称\\n河西村…" in the label's cell and its value cell (B3:E3) left empty, then
    "项目负责人及电话": the name is the label cell's own (probe_variants `head_break`; the merge between says the next
    label is not the value — an F01 错误 when first tried)."""
    table = variant("anhui-xiaoxian-hexicun-2023", {"A3": "项目名称\n河西村特色种养补贴到户项目", "B3": ""})
    assert _first(table, tmp_path / "r").header["项目名称"].text == "河西村特色种养补贴到户项目"
    assert not [f for f in validated(table, tmp_path / "v").findings if f.code == "F01"]


# ---------------------------------------------------------------- 2. the 预算执行率 row inside a declared 一级


def _yinchuan_scored_funds(score: str):
    """银川 with its funds block's labels as the form prints them (the stored OCR damaged them: the block went unread)
    and a 分值 of 10 on its funds line — the same 10 its 项目管理(25分) holds in the 预算执行率 row."""
    return variant(
        _YINCHUAN,
        {
            "E3": score,
            "F3": "",
            "A4": "项目资金(万元)",
            "C4": "年初预算数",
            "E4": "调整预算数(A)",
            "H4": "分值",
            "H5": "10",
        },
    )


def test_the_full_mark_holds_the_execution_rate_row_once(tmp_path):
    """ "100\\n98": 100 is the full mark the 一级 labels declare (the funds 分值 is the 预算执行率 row's, inside
    项目管理): 98 read. Failed before: full mark 110, the pair not read (T02 coverage "两个数")."""
    table = _yinchuan_scored_funds("自评得分\n100\n98")
    assert _first(table, tmp_path / "r").stated_total.text == "98"
    assert not any("两个数" in s for s in _t02_skips(validated(table, tmp_path / "v")))


def test_a_pair_whose_first_is_no_full_mark_stays_unread(tmp_path):
    """The guard: "110\\n98" (funds 10 + 一级 100, counted twice) is no full mark the table shows: not read."""
    table = _yinchuan_scored_funds("自评得分\n110\n98")
    assert _first(table, tmp_path / "r").stated_total is None
    assert any("两个数" in s for s in _t02_skips(validated(table, tmp_path / "v")))


# ---------------------------------------------------------------- 3. 自评总分 in the head


def test_kexuecheng_head_score_is_read(tmp_path):
    """As published (merged label, value after it) and exported without the label's merge (the label, an empty cell, the
    value): 97.6 read, 主管部门 blank (its 财政处室 label no longer read as the value). The table is cut short: its
    visible scores reach 97.6 with the cut weights — no T02. Failed before: the row read as a 总分 row, left unread."""
    table = load_table(CORPUS / f"{_KEXUECHENG}.toml")
    unmerged = copy.deepcopy(table)
    unmerged.merges = [m for m in unmerged.merges if m != "G2:H2"]
    found = []
    for n, t in enumerate((table, unmerged)):
        ev = _first(t, tmp_path / f"r{n}")
        assert ev.stated_total is not None and ev.stated_total.text == "97.6"
        assert ev.header["主管部门"].is_blank
        result = validated(t, tmp_path / f"v{n}")
        assert not [f for f in result.findings if f.code == "T02"]
        found.append(sorted(_keys(result)))
    assert found[0] == found[1]


def test_kexuecheng_head_score_past_an_empty_merged_cell_is_not_read(tmp_path):
    """The guard: an empty merged cell right after the label is the value's own, printed blank — the figure past it is
    not read as the label's."""
    table = load_table(CORPUS / f"{_KEXUECHENG}.toml")
    table.merges = [m if m != "I2:K2" else "I2:J2" for m in table.merges if m != "G2:H2"]
    table.rows[1][8], table.rows[1][10] = "", "97.6"
    assert _first(table, tmp_path).stated_total is None


def test_liangping_head_score_under_the_title_is_read(tmp_path):
    """重庆 梁平 林业 2023 row 3 "自评总分(分) │ 97.93" (under the title, above the funds block): the stated score; cut
    short, no T02. Failed before: unread."""
    table = load_table(CORPUS / "chongqing-liangping-linye-bumen-2023.toml")
    assert _first(table, tmp_path / "r").stated_total.text == "97.93"
    assert not [f for f in validated(table, tmp_path / "v").findings if f.code == "T02"]


def test_a_total_row_under_the_indicators_stays_the_total(tmp_path):
    """The guard: "自评总分" labelling the 总分 row below the indicators is the table's total, not a head score."""
    table = load_table(CORPUS / "hubei-xinzhou-chujutuan-2020.toml")
    table.rows[27][0] = "自评总分"
    ev = _first(table, tmp_path)
    assert ev.total_score is not None and ev.total_score.text == "98"
    assert ev.stated_total is None


# ---------------------------------------------------------------- 4. a signature word run into a name


@pytest.mark.parametrize(
    "row",
    [
        ["填报人张三"],
        ["审核人李四 联系电话：13800000000"],
        ["填报人张三", "联系电话：13800000000", "填报日期：2024年3月15日"],
        ["单位负责人李四", "财务负责人王五", "填报人张三"],
        ["填报人张三", "审核人李四"],
    ],
)
def test_a_signature_word_run_into_a_name_is_a_signature_line(row):
    """Failed before: read as data (an indicator row with no figures)."""
    assert classify_row(Grid(name="s", rows=[row]), 0) is RowKind.NOTE


@pytest.mark.parametrize(
    "row",
    [
        ["填报人员培训率"],
        ["填报人员培训率", "高", "高"],
        ["审核人员数量"],
        ["联系电话接通率", "良好", "良好"],
        ["单位负责人满意度", "满意", "满意"],
        ["填报人张三", "高", "高"],  # a name beside values no signature prints: not certain
    ],
)
def test_a_signature_word_going_on_with_an_indicator_stays_data(row):
    assert classify_row(Grid(name="s", rows=[row]), 0) is not RowKind.NOTE


def test_a_signature_line_under_a_real_table_is_no_indicator(tmp_path):
    """安徽 天长 2022 with "填报人张三 │ … │ 审核人李四" printed under its 总分: a signature line, no indicator and no
    finding of its own. Failed before: read as an indicator row."""
    table = load_table(CORPUS / "anhui-tianchang-shuihan-2022.toml")
    base = validated(table, tmp_path / "base")
    signed = copy.deepcopy(table)
    width = len(signed.rows[0])
    signed.rows.append(["填报人张三", "", "", "", "审核人李四", *[""] * (width - 5)])
    ev = _first(signed, tmp_path / "r")
    assert not [i for i in ev.indicators if "张三" in i.name.text]
    found = validated(signed, tmp_path / "v")
    assert sorted(_keys(found)) == sorted(_keys(base))


def _keys(result) -> list[tuple[str, str, int | None]]:
    return [(f.code, f.severity.value, getattr(f.ref, "row", None)) for f in result.findings]


# ---------------------------------------------------------------- 5. a wrapped qualitative name under its header


_XIUNING = "anhui-xiuning-wanzhegan-zhanchen-2023"


def test_a_wrapped_qualitative_name_under_the_header_is_data(tmp_path):
    """安徽 休宁 2023 row 16 renamed "联系电话\\n接通情况" with 良好 │ 良好 (no figure on the row): an indicator, the table
    goes on — row 18's S16 (its actual only repeats the target) is found, as on the table as published. Failed before:
    the row ended the table, rows 17–18 unread and the S16 lost."""
    table = variant(_XIUNING, {"D16": "联系电话\n接通情况", "E16": "良好", "F16": "良好"})
    ev = _first(table, tmp_path / "r")
    assert any(i.name.text == "联系电话\n接通情况" for i in ev.indicators)
    assert ("S16", "warning") in _at(validated(table, tmp_path / "v"), 18)


def test_a_wrapped_signature_under_the_table_stays_a_note(tmp_path):
    """The benign twin: "填报人\\n张三 │ 联系电话\\n13800000000" under the 休宁 rows — signature fields, no value of an
    indicator's: a note, no indicator read from it and no finding changed."""
    table = load_table(CORPUS / f"{_XIUNING}.toml")
    signed = copy.deepcopy(table)
    width = len(signed.rows[0])
    signed.rows.append(["填报人\n张三", "", "", "", "联系电话\n13800000000", *[""] * (width - 5)])
    grids, _, _ = source.open_source(render(signed, tmp_path / "g"), need_formulas=False)
    assert classify_row(grids[0], len(signed.rows) - 1) is RowKind.NOTE
    assert not [i for i in _first(signed, tmp_path / "r").indicators if "张三" in i.name.text]
    assert sorted(_keys(validated(signed, tmp_path / "v"))) == sorted(_keys(validated(table, tmp_path / "b")))


# ---------------------------------------------------------------- 6. 广水/随州 built as a bare copy


@pytest.mark.parametrize(
    "name",
    ["hubei-guangshui-jiwei-juyuwang-2019", "hubei-guangshui-xiangcundaolu-2021", "hubei-suizhou-jijiuzhongxin-2022"],
)
def test_a_bare_form_printed_twice_from_its_scoring_part_has_no_guessed_edge(tmp_path, name):
    """The scoring part (项目权重 │ 评价内容 │ 分值 …) and the 绩效指标 part printed twice: the copy's scoring header, the
    same as the first copy's, with 项目决策 under it again, begins the copy — not the rest of the 绩效指标 part above
    it. Failed before: its edge said to be a guess ("本表表头紧接在第 9–… 行之后"). Both copies read alike."""
    assert _copies_alike(name, tmp_path) == 4
