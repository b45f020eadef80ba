"""Issue 11, "read every real variant": forms printing BOTH a 指标性质 column of direction words (正向/反向) or types
(定量/定性) AND a 指标方向/计算符号 column of operators (=, ≥, ≤ …) — 内蒙古 乌海 2021's 目标表 (tests/realworld/
neimenggu-wuhai-zaishengziyuan-mubiao-2021.toml: 三级指标 │ 指标性质 │ 指标方向 │ 目标值 …, rows 出差人数 │ 正向 │ = │ 8).

Before: both headers named the one "nature" role and the first column won; the other went unread (LAYOUT_UNMAPPED_ROW),
so which column decided depended on the column order — 反向 │ = │ 1万元 was scored as "=1" (met by 1.2万元, a certain
error missed) when 指标方向 came first, 定量 │ ≥ │ 90% lost its ≥ (the direction guessed from the name: a 警告 where the
cells make the error certain), and 正向 │ ≤ │ 5 (a contradiction) gave 错误 resting on whichever column came first.

Now both are read (`layout.indicators.pair_natures`): the operator is the bound, the direction word says which side is
better (正向 │ = │ 8 is ≥8, 反向 │ = │ 1 is ≤1); where they point opposite ways (正向 │ ≤, 反向 │ ≥) the row is scored both
ways, a verdict is certain only where both agree, and I04 warns at the direction cell naming the operator cell.

The 自评表 variants are built from the 乌海 header with 实际完成值/分值/得分 columns added; every case in both column orders.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from report_helpers import error_cells, findings_of, workbook_result, write_sheets

from perfxl.model import CellValue
from perfxl.reader import read_submission
from perfxl.validate import validate_file

E = ""
ORDERS = [("指标性质", "指标方向"), ("指标方向", "指标性质")]
#: A second row every case shares: met, full marks.
SATISFACTION = ["效益指标", "社会效益指标", "服务对象满意度", "正向", "≥", "90", "%", "95", "50", "50", E]


def _table(tmp_path, row: list, order: tuple[str, str]):
    """One 自评表: 一级 │ 二级 │ 三级 │ (two nature columns, in `order`) │ 年度指标值 │ 计量单位 │ 实际完成值 │ 分值 │ 得分 │
    偏差原因, the case's row at row 4 (its direction word in D, its operator in E, swapped for the second order)."""
    header = [
        "一级指标",
        "二级指标",
        "三级指标",
        *order,
        "年度指标值",
        "计量单位",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析",
    ]
    rows = [row, SATISFACTION]
    if order[0] != "指标性质":
        rows = [[*r[:3], r[4], r[3], *r[5:]] for r in rows]
    total = ["总分", E, E, E, E, E, E, E, "100", str(float(row[9]) + 50), E]
    sheet = [
        ["项目支出绩效自评表", *[E] * 10],
        ["项目名称", "再生资源回收市场管理经费", *[E] * 9],
        header,
        *rows,
        total,
    ]
    return workbook_result(tmp_path, sheet, ("A1:K1", "B2:K2"))


def _at(result, code: str) -> list[tuple[str, str | None]]:
    return [(f.severity.value, getattr(f.ref, "cell", None)) for f in findings_of(result, code)]


def _word_cell(order) -> str:
    return "D4" if order[0] == "指标性质" else "E4"


def _op_cell(order) -> str:
    return "E4" if order[0] == "指标性质" else "D4"


@pytest.mark.parametrize("order", ORDERS)
def test_both_columns_are_read(tmp_path, order):
    """Failed before (the second column reported unread: LAYOUT_UNMAPPED_ROW E4:E5 / D4:D5). 正向 │ = │ 8人, 9人, full
    marks: met either way, nothing to report."""
    result = _table(tmp_path, ["产出指标", "数量指标", "出差人数", "正向", "=", "8", "人", "9", "50", "50", E], order)
    assert not findings_of(result, "LAYOUT_UNMAPPED_ROW"), [f.message for f in result.findings]
    assert not error_cells(result)
    assert not findings_of(result, "I04")


@pytest.mark.parametrize("order", ORDERS)
def test_reverse_with_equals_is_a_ceiling(tmp_path, order):
    """Failed before with 指标方向 first (read "=1万元", so 1.2万元 met it: nothing found). 反向 │ = │ 1万元: 1万元 is the
    bound and lower is better — 1.2万元 misses it: 50 × 1/1.2 = 41.67, not 50 (certain: "=1" exactly and "≤1" agree)."""
    row = ["产出指标", "成本指标", "出差总成本", "反向", "=", "1", "万元", "1.2", "50", "50", E]
    result = _table(tmp_path, row, order)
    # full marks on the miss: S07's one finding, its basis giving the score (tests/test_gaps17.py)
    assert ("error", "J4") in _at(result, "S07"), [(f.code, f.message) for f in result.findings]
    assert "41.67" in findings_of(result, "S07")[0].basis
    assert ("error", "K4") in _at(result, "D01")


@pytest.mark.parametrize("order", ORDERS)
def test_reverse_with_ceiling_met(tmp_path, order):
    """Guard: 反向 │ ≤ │ 5次, 3次, full marks — met, nothing to report (and the second column read)."""
    result = _table(tmp_path, ["产出指标", "数量指标", "投诉次数", "反向", "≤", "5", "次", "3", "50", "50", E], order)
    assert not error_cells(result)
    assert not findings_of(result, "I04") and not findings_of(result, "LAYOUT_UNMAPPED_ROW")


@pytest.mark.parametrize("order", ORDERS)
def test_type_column_keeps_the_operator(tmp_path, order):
    """Failed before with 指标性质 first (定量 read, the ≥ dropped: the direction guessed from the name, a 警告). 定量 │ ≥ │
    90 │ %, 80% with full marks: the ≥ is printed, so 50 × 80/90 = 44.44 is certain — an 错误."""
    row = [
        "产出指标",
        "质量指标",
        "验收合格率",
        "定量",
        "≥",
        "90",
        "%",
        "80",
        "50",
        "50",
        "部分项目验收时间推迟到下一年度",
    ]
    result = _table(tmp_path, row, order)
    # full marks on the miss: S07's one finding (tests/test_gaps17.py)
    assert ("error", "J4") in _at(result, "S07"), [(f.code, f.severity.value, f.message) for f in result.findings]
    assert not findings_of(result, "I04")


@pytest.mark.parametrize("order", ORDERS)
def test_contradiction_met_one_way_is_a_warning_naming_both_cells(tmp_path, order):
    """Failed before with 指标性质 first (正向 read as ≥5: S01, S07, D01 错误 on 3次 with full marks). 正向 │ ≤ │ 5次:
    under ≤ 3次 meets it, under ≥ it does not — no 错误; I04 (警告) at the direction cell names the operator cell."""
    row = ["产出指标", "数量指标", "投诉次数", "正向", "≤", "5", "次", "3", "50", "50", E]
    result = _table(tmp_path, row, order)
    assert not error_cells(result), error_cells(result)
    i04 = findings_of(result, "I04")
    assert [(f.severity.value, f.ref.cell) for f in i04] == [("warning", _word_cell(order))]
    assert _op_cell(order) in i04[0].message and "正向" in i04[0].message and "≤" in i04[0].message
    assert [r.cell for r in i04[0].related] == [_op_cell(order)]


@pytest.mark.parametrize("order", ORDERS)
def test_contradiction_missed_one_way_is_at_most_a_warning(tmp_path, order):
    """Failed before with 指标方向 first (≤ read: S02, S07, D01 错误 on 7次 with full marks; under 正向 7 ≥ 5 is met).
    正向 │ ≤ │ 5次, 7次: the readings disagree, so each finding is a 警告 giving both."""
    row = ["产出指标", "数量指标", "投诉次数", "正向", "≤", "5", "次", "7", "50", "50", E]
    result = _table(tmp_path, row, order)
    assert not error_cells(result), error_cells(result)
    s07 = findings_of(result, "S07")  # full marks on the miss: S07's one finding (tests/test_gaps17.py)
    assert [(f.severity.value, f.ref.cell) for f in s07] == [("warning", "J4")] and not findings_of(result, "S02")
    assert "两栏方向相反" in s07[0].basis and "若按“≥”" in s07[0].basis, s07[0].basis
    assert _at(result, "I04") == [("warning", _word_cell(order))]


@pytest.mark.parametrize("order", ORDERS)
def test_reverse_with_floor_is_a_warning(tmp_path, order):
    """Failed before with 指标方向 first (≥90% read: S01/S07/D01 错误 on 80%). 反向 │ ≥ │ 90%, 80%, full marks: under ≤
    80% meets it — no 错误."""
    row = ["产出指标", "质量指标", "验收合格率", "反向", "≥", "90", "%", "80", "50", "50", E]
    result = _table(tmp_path, row, order)
    assert not error_cells(result), error_cells(result)
    assert _at(result, "I04") == [("warning", _word_cell(order))]


def test_pairing_and_joining():
    """Failed before (no `pair_natures`, `join_target` took no operator cell). The reader's pairing, either order: the
    operator cell is the bound, the direction word the side."""
    from perfxl.layout.indicators import join_target, pair_natures

    def c(text):
        return CellValue.of(text)

    nature, operator = pair_natures(c("="), c("正向"))
    assert (nature.text, operator.text if operator else None) == ("正向", "=")
    assert pair_natures(c("正向"), c(None)) == (c("正向"), None)
    assert pair_natures(c(None), c("≥"))[0].text == "≥"
    assert pair_natures(c("定量"), c("正向")) == (c("正向"), None)
    joined = {
        ("正向", "="): "≥8人",
        ("反向", "="): "≤8人",
        ("反向", "<"): "<8人",
        ("正向", ">"): ">8人",
        ("正向", "≤"): "8人",  # opposite ways: no operator joined (rules.direction reads both)
        ("反向", "≥"): "8人",
        ("定量", "≥"): "≥8人",
        ("定性", "="): "8人",
    }
    for (word, op), text in joined.items():
        assert join_target(c("8"), c(word), c("人"), c(op)).text == text, (word, op)


def test_the_real_table_reads_both_columns(tmp_path):
    """Failed before (`Indicator.operator` did not exist: the 指标方向 column went unread). The 乌海 目标表 itself
    (declaration, no 完成值), as transcribed: each row's "=" is read from 指标方向 (F) beside 指标性质 (E); 正向 │ = rows
    read as floors (≥8), 反向 │ = cost rows as ceilings (≤1万元) — the targets as before — and no 错误."""
    path = Path(__file__).resolve().parent / "realworld" / "neimenggu-wuhai-zaishengziyuan-mubiao-2021.toml"
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    xlsx = tmp_path / "wuhai.xlsx"
    write_sheets(xlsx, [("Sheet1", data["rows"], tuple(data.get("merges", [])))])
    (ev,) = read_submission(xlsx).declarations
    rows = {i.name.text: i for i in ev.indicators}
    travel, cost = rows["出差人数"], rows["出差总成本"]
    assert (travel.nature.place().cell, travel.operator.place().cell, travel.target.text) == ("E14", "F14", "≥8")
    assert (cost.nature.text, cost.operator.text, cost.target.text) == ("反向", "=", "≤1万元")
    assert not error_cells(validate_file(xlsx))
