"""Layout cases found on the real-table corpus (tests/realworld): each table read as published."""

from __future__ import annotations

import sys
from pathlib import Path

from perfxl.reader import read_submission

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

from render import CORPUS, load_table, render


def _read(name, tmp_path):
    return read_submission(render(load_table(CORPUS / f"{name}.toml"), tmp_path))


def test_header_field_whose_value_ends_like_a_title_is_not_a_title(tmp_path):
    """丽江: "项目名称 | 2020年省级自然资源卫片执法补助经费支出绩效自评表" is the 项目名称, not a second title."""
    sub = _read("yunnan-lijiang-weipian-2020", tmp_path)
    (ev,) = sub.evaluations
    assert ev.header["项目名称"].text.endswith("支出绩效自评表") and ev.title.text == "2020年度项目支出绩效自评表"
    assert "LAYOUT_NO_TABLE" not in [p.code for p in sub.problems]


def test_second_row_of_a_split_target_header_is_not_a_new_table(tmp_path):
    """永德: 实际完成值 | 分值 | 得分 merged down over the 指标性质 | 指标值 | 度量单位 sub-header row."""
    sub = _read("yunnan-yongde-yingyang-2022", tmp_path)
    (ev,) = sub.evaluations
    assert {"nature", "target", "unit", "actual", "weight", "score"} <= set(ev.columns)
    assert (
        ev.indicators[0].target.raw == "≥735人次" and ev.indicators[0].weight.text == "10"
    )  # ≧ joined as ≥; cells are text as published
    assert not [p for p in sub.problems if p.code.startswith("LAYOUT_MERGE")]


def test_project_spending_rows_of_a_basic_table_are_not_three_public_parts(tmp_path):
    """湖南 基础数据表: 项目支出: / 1、业务工作专项 938.8 belong to the 专项 section, not to 三公经费."""
    sub = _read("hunan-jichushuju-2018", tmp_path)
    keys = {r.label.text.strip(): (r.key, r.parent) for r in sub.basic.rows}
    assert keys["项目支出:"][0] == "special_funds"
    assert keys["1、业务工作专项"][1] == "special_funds"
    assert {r.label.text.strip() for r in sub.basic.rows if r.parent == "three_public"} == {
        "1、公务用车购置和维护经费",
        "2、出国经费",
        "3、公务接待",
    }


def test_funds_block_without_initial_budget_keeps_its_label_column(tmp_path):
    """朝天 中央转移支付: 全年预算数(A) | 全年执行数(B) | 预算执行率 — no 年初预算数; labels in column B."""
    sub = _read("sichuan-chaotian-quanminjianshen-2023", tmp_path)
    (ev,) = sub.evaluations
    funds = ev.funds
    assert funds.total is not None and funds.total.label.text == "年度资金总额:"
    assert funds.total.executed.text == "1157.97" and funds.parts[0].executed.text == "1157.9"
    assert "initial_budget" not in funds.columns
    assert "LAYOUT_MISSING_FUNDS_TOTAL" not in [p.code for p in sub.problems]
    assert "actual" in ev.columns and ev.indicators[0].actual.text == "建设中"  # 全年实际完成值
