"""review28t (issue 11): adversarial review of read28's table readings on real tables.

read28 reads a row that sign27 takes for a note — its first cell broken right after a colon-less signature word — as an
indicator whose long name was wrapped, when under an indicator header it prints a value of its own under the 指标值 or
实际完成值 column (`detect._wrapped_names_under_headers`: "联系电话\\n接通情况 │ 良好 │ 良好"). A filled signature line
laid over the table's columns is the same shape: "联系电话\\n0551-6234567" (or "填报人\\n张三") first, a person's name
under the 指标值 column. Read as an indicator row, it cried I01 错误 under 16 real tables (probe: a signature line so
written under every table with a target column; 0 at read28's parent). The wrapped line is the signature's own when it
is what a signature word's value is (`detect._signature_rest`: a figure, a colon, a bracket, a signing word, a
person's name): the row stays a note.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

from render import CORPUS, load_table, render, validated, variant
from test_read28 import _keys
from test_realworld_variants import _at

from perfxl.grid import Grid
from perfxl.io import source
from perfxl.layout.detect import RowKind, classify_row
from perfxl.reader import read_submission

#: 安徽 贵池 2022: 23 rows, 9 columns, its indicator header at row 13 (指标值 in E, 实际完成值 in F)
_GUICHI = "anhui-guichi-weituo-2022"


@pytest.mark.parametrize(
    ("first", "under_target"),
    [("联系电话\n0551-6234567", "张三"), ("填报人\n张三", "李四"), ("联系电话\n１３８００００００００", "张三")],
)
def test_a_wrapped_signature_over_the_columns_is_no_indicator(tmp_path, first, under_target):
    """The signature line under 贵池's 总分: its first cell the word and its value on two lines, a person's name under
    the 指标值 column. Failed at read28: read as an indicator row — an I01 错误 on a row no indicator prints."""
    table = load_table(CORPUS / f"{_GUICHI}.toml")
    signed = copy.deepcopy(table)
    width = len(signed.rows[0])
    signed.rows.append([first, "", "", "", under_target, *[""] * (width - 5)])
    grids, _, _ = source.open_source(render(signed, tmp_path / "g"), need_formulas=False)
    assert classify_row(grids[0], len(signed.rows) - 1) is RowKind.NOTE
    ev = read_submission(render(signed, tmp_path / "r")).evaluations[0]
    assert not [i for i in ev.indicators if under_target in i.target.text or "0551" in i.name.text]
    assert sorted(_keys(validated(signed, tmp_path / "v"))) == sorted(_keys(validated(table, tmp_path / "b")))


#: 安徽 休宁 2023 (stored cut short): its indicator header at row 13, row 16 a qualitative indicator
_XIUNING = "anhui-xiuning-wanzhegan-zhanchen-2023"


@pytest.mark.parametrize("name", ["联系电话\n接通情况", "单位负责人\n述职评议情况", "填报人\n员培训"])
def test_a_wrapped_indicator_name_under_its_header_stays_data(tmp_path, name):
    """The rows read28 reads as data keep so: a wrapped name going on with a measure's words, no person's name or
    signature value after the word, 良好 under 指标值 — an indicator, row 18's S16 found as on the published table."""
    table = variant(_XIUNING, {"D16": name, "E16": "良好", "F16": "良好"})
    ev = read_submission(render(table, tmp_path / "r")).evaluations[0]
    assert any(i.name.text == name for i in ev.indicators)
    assert ("S16", "warning") in _at(validated(table, tmp_path / "v"), 18)


def test_a_bare_phone_number_beside_a_wrapped_signature_is_no_indicators_figure(tmp_path):
    """ "填报人\\n张三 │ 13800000000 (under 指标值) │ 李四 (under 实际完成值)" under 贵池's 总分: a telephone number is a
    signature's value, not an indicator's figure — the row stays a note. Failed before (since sign27: a figure beside a
    wrapped word made the row data): an I01 错误 on it."""
    table = load_table(CORPUS / f"{_GUICHI}.toml")
    signed = copy.deepcopy(table)
    width = len(signed.rows[0])
    signed.rows.append(["填报人\n张三", "", "", "", "13800000000", "李四", *[""] * (width - 6)])
    grids, _, _ = source.open_source(render(signed, tmp_path / "g"), need_formulas=False)
    assert classify_row(grids[0], len(signed.rows) - 1) is RowKind.NOTE
    assert sorted(_keys(validated(signed, tmp_path / "v"))) == sorted(_keys(validated(table, tmp_path / "b")))


@pytest.mark.parametrize(
    "row",
    [
        ["联系电话\n接通率", "95%", "10"],
        ["联系电话\n接通率", "≥95%", "98%", "10", "10"],
        ["填报人\n员培训人次", "12", "13"],
    ],
)
def test_a_wrapped_name_beside_figures_no_phone_stays_data(row):
    """sign27's rows beside figures that are no telephone number: data, as before."""
    assert classify_row(Grid(name="s", rows=[row]), 0) is not RowKind.NOTE
