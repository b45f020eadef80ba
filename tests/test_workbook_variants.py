"""The same content in real-world shapes: every content element lands where the cell map says,
with its value as typed; synthetic content is deterministic and its planted errors are real."""

from __future__ import annotations

import itertools
import re
from dataclasses import fields
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from xlsx_load import load_workbook

from perfxl.numbers import to_decimal
from perfxl.rates import execution_rate
from perfxl.scoring import execution_score, score_indicator
from perfxl.workbook.content import WorkbookContent
from perfxl.workbook.layout_eval import split_target
from perfxl.workbook.seed import seed_content
from perfxl.workbook.synthetic import PLANTABLE, many_sheet_content, synthetic_content
from perfxl.workbook.variants import VARIANTS, add_indicators, write_submission

_STEP = re.compile(r"(\w+)(?:\[([^\]]+)\])?(?:\[(\d+)\])?")
SKIP = object()  # header texts and layout labels: not content values


def content_value(content: WorkbookContent, path: str):
    """The content element a cell-map path names ("evaluations[0].indicators[3].score")."""
    obj = content
    parts = path.split(".")
    for part in parts:
        name, idx, idx2 = _STEP.fullmatch(part).groups()
        if name in ("nature", "target_value", "unit") and hasattr(obj, "target"):
            return split_target(obj.target)[("nature", "target_value", "unit").index(name)]
        if name in ("staffing_header", "year_header", "building_header", "building_subrow"):
            return SKIP  # header texts, checked elsewhere
        if not hasattr(obj, name):
            return SKIP  # layout labels (block_label, total_label…) are not content values
        obj = getattr(obj, name)
        if idx is not None:
            obj = obj[int(idx)] if idx.isdigit() else next(a for a in obj if a.key == idx)
            if idx2 is not None:
                obj = obj[int(idx2)]
    return obj


def _same(cell, expected) -> bool:
    if expected is None or expected == "":
        return cell is None or cell == ""
    if isinstance(expected, str):
        return cell == expected
    return to_decimal(cell) == to_decimal(expected)


def cached_values(path: Path, formulas: Workbook) -> dict[str, dict[str, Any]]:
    """sheet → A1 → the cached value, as `load_workbook(path, data_only=True)[sheet][A1].value` gives it (a missing
    key: None), read in read-only mode, which skips openpyxl's styling of merged cells (≈ 120 → 30 ms a workbook).
    As openpyxl does, every cell a merge covers but its top-left one is None; the merges are those of `formulas`
    (the same file loaded in full)."""
    book = load_workbook(path, data_only=True, read_only=True)
    try:
        out = {}
        for ws in book.worksheets:
            cells = {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None}
            for merged in formulas[ws.title].merged_cells.ranges:
                for r, c in merged.cells:
                    if (r, c) != (merged.min_row, merged.min_col):
                        cells.pop(f"{get_column_letter(c)}{r}", None)
            out[ws.title] = cells
        return out
    finally:
        book.close()


def _check_cell_map(path, content, written, skip_formulas=True, books=None):
    if books is None:
        formulas = load_workbook(path)
        books = formulas, cached_values(path, formulas)
    formulas, values = books
    checked = 0
    for key, ref in written.cells.items():
        expected = content_value(content, key)
        if expected is SKIP:
            continue
        cell = formulas[ref.sheet][ref.cell]
        if skip_formulas and cell.data_type == "f":
            continue
        got = values[ref.sheet].get(ref.cell)
        assert _same(got, expected), f"{key} at {ref}: {got!r} != {expected!r}"
        checked += 1
    return checked


TYPED_VARIANTS = [
    "standard",
    "inserted_rows",
    "offset",
    "repeated_labels",
    "first_labels",
    "split_target",
    "money_units",
    "synonyms",
    "spaced",
    "sample",
    "template",
]


class SeedVariant(NamedTuple):
    path: Path
    written: Any
    formulas: Workbook  # load_workbook(path)
    values: dict[str, dict[str, Any]]  # cached_values(path, formulas)


@pytest.fixture(scope="module")
def seed_variant(tmp_path_factory):
    """The seed written in a variant and loaded both ways, once for the module: its tests only read it."""
    folder = tmp_path_factory.mktemp("variants")
    made: dict[str, SeedVariant] = {}

    def get(variant: str) -> SeedVariant:
        if variant not in made:
            path = folder / f"{variant}.xlsx"
            written = write_submission(path, seed_content(), variant)
            formulas = load_workbook(path)
            made[variant] = SeedVariant(path, written, formulas, cached_values(path, formulas))
        return made[variant]

    return get


@pytest.mark.parametrize("variant", TYPED_VARIANTS)
def test_every_seed_value_lands_at_its_mapped_cell(seed_variant, variant):
    v = seed_variant(variant)
    expected_content = VARIANTS[variant].apply(seed_content())
    assert _check_cell_map(v.path, expected_content, v.written, books=(v.formulas, v.values)) > 100


def test_two_project_tables_on_one_sheet(tmp_path):
    content = synthetic_content(7, projects=2, errors=0)
    written = write_submission(tmp_path / "two.xlsx", content, "two_tables")
    first, second = written.ref("evaluations[0].title"), written.ref("evaluations[1].title")
    assert first.sheet == second.sheet and second.row > first.row + 20
    assert _check_cell_map(tmp_path / "two.xlsx", content, written) > 60


def test_inserted_rows_are_blank_rows_inside_the_indicator_block(seed_variant):
    _, written, wb, _ = seed_variant("inserted_rows")
    ws = wb["部门整体支出绩效自评表"]
    rows = [written.ref(f"evaluations[0].indicators[{j}].name").row for j in range(15)]
    gaps = [b for a, b in itertools.pairwise(rows) if b - a > 1]
    assert len(gaps) == 3
    assert all(ws.cell(g - 1, c).value is None for g in gaps for c in range(4, 10))


def test_repeated_labels_have_no_level_merges(seed_variant):
    _, written, wb, _ = seed_variant("repeated_labels")
    ws = wb["部门整体支出绩效自评表"]
    level_merges = [str(r) for r in ws.merged_cells.ranges if r.min_col == r.max_col and r.min_col in (2, 3)]
    assert level_merges == []
    for j in range(15):
        assert ws[written.ref(f"evaluations[0].indicators[{j}].level1").cell].value


def test_split_target_is_lossless_and_spread_over_three_columns(seed_variant):
    targets = [ln.target for ln in seed_content().evaluations[0].indicators]
    targets += [
        ln.target for s in range(20) for ev in synthetic_content(s, projects=1).evaluations for ln in ev.indicators
    ]
    for t in targets:
        parts = split_target(t)
        assert "".join(p for p in parts if isinstance(p, str)) == (t or "")
    assert split_target("≥12家") == ("≥", "12", "家")
    assert split_target("增长12%") == (None, "增长12%", None)
    ws = seed_variant("split_target").formulas["部门整体支出绩效自评表"]
    assert [ws.cell(12, c).value for c in range(5, 12)] == [
        "指标性质",
        "指标值",
        "度量单位",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
    ]


def test_money_units_convert_exactly(seed_variant):
    _, written, wb, _ = seed_variant("money_units")
    ws = wb["部门整体支出绩效自评表"]
    assert ws[written.ref("evaluations[0].funds[0].full").cell].value == 22230400
    assert ws[written.ref("evaluations[0].breakdown[1][1]").cell].value == "其中：基本支出：8861200"
    assert ws[written.ref("evaluations[0].funds_label").cell].value == "年度预算申请（元）"
    basic = wb["基础数据表"]
    assert basic[written.ref("basic.amounts[three_public].prev").cell].value == 2.5362
    assert basic[written.ref("basic.amounts[utilities_travel].prev").cell].value == "28.6875 "
    assert basic[written.ref("basic.unit_note").cell].value == "单位：万元"


def test_synonym_headers(seed_variant):
    ws = seed_variant("synonyms").formulas["部门整体支出绩效自评表"]
    headers = [ws.cell(12, c).value for c in range(2, 10)]
    assert headers == [
        "一级\n指标",
        "二级\n指标",
        "三级\n指标",
        "目标值",
        "完成值",
        "权重",
        "自评得分",
        "偏差原因分析\n及改进措施",
    ]


def test_openpyxl_variant_has_formulas_without_cached_values(tmp_path):
    written = write_submission(tmp_path / "o.xlsx", seed_content(), "openpyxl_uncached")
    ref = written.ref("evaluations[0].funds[0].rate")
    wb = load_workbook(tmp_path / "o.xlsx")
    assert wb[ref.sheet][ref.cell].value == '=IF(N(D4)=0,"",ROUND(E4/D4*100,2))'
    assert load_workbook(tmp_path / "o.xlsx", data_only=True)[ref.sheet][ref.cell].value is None
    score = written.ref("evaluations[0].indicators[0].score")
    assert "PERF_SCORE(E13,F13,G13)" in wb[score.sheet][score.cell].value


@pytest.mark.libreoffice
def test_xls_variant_reads_back_with_calamine(tmp_path):
    from python_calamine import CalamineWorkbook

    written = write_submission(tmp_path / "seed.xls", seed_content(), "xls")
    book = CalamineWorkbook.from_path(str(written.path))
    rows = book.get_sheet_by_name("部门整体支出绩效自评表").to_python()
    assert rows[3][6] == 94.5 and rows[21][3] == "规模工业总产值" and rows[21][7] == 9
    basic = book.get_sheet_by_name("基础数据表").to_python()
    assert basic[3][5] == "140%" and basic[18][1] == "286875 "


def test_many_sheet_workbook(tmp_path):
    written = write_submission(tmp_path / "many.xlsx", many_sheet_content(0), "standard")
    assert len(written.sheets) == 20
    assert len(load_workbook(tmp_path / "many.xlsx", read_only=True).sheetnames) == 20


def test_add_indicators_inserts_rows_in_the_first_group():
    content = add_indicators(seed_content(), 2)
    inds = content.evaluations[0].indicators
    assert len(inds) == 17 and inds[1].name == "新增指标1" and inds[1].level2 == "数量指标"


def test_unknown_variant_is_refused(tmp_path):
    with pytest.raises(ValueError, match="unknown variant"):
        write_submission(tmp_path / "x.xlsx", seed_content(), "wavy")


def test_writing_replaces_the_file_and_leaves_no_temp_files(tmp_path):
    path = tmp_path / "a.xlsx"
    path.write_bytes(b"old")
    write_submission(path, seed_content())
    assert path.read_bytes()[:2] == b"PK"
    assert [p.name for p in tmp_path.iterdir()] == ["a.xlsx"]


# ---------------------------------------------------------------- synthetic content


def test_synthetic_content_is_deterministic_and_varied():
    assert synthetic_content(5, projects=2, basic=True) == synthetic_content(5, projects=2, basic=True)
    names = {synthetic_content(s).evaluations[0].header[0][1] for s in range(10)}
    assert len(names) > 5
    texts = [ln.target for s in range(30) for ln in synthetic_content(s, errors=0).evaluations[0].indicators]
    assert any(str(t).startswith("≤") for t in texts) and any(str(t).startswith("增长") for t in texts)
    actuals = [ln.actual for s in range(30) for ln in synthetic_content(s, errors=0).evaluations[0].indicators]
    assert "达成年度指标" in actuals


def test_synthetic_without_errors_is_consistent():
    for s in range(15):
        content = synthetic_content(s, projects=1, department=True, errors=0)
        assert content.planted == ()
        for ev in content.evaluations:
            total = ev.funds[0]
            assert execution_rate(total.executed, total.full).percent == total.rate
            exec_points = execution_score(total.executed, total.full, 10).score
            assert to_decimal(total.score) == exec_points
            if len(ev.funds) > 1:
                for attr in ("initial", "full", "executed"):
                    assert sum(getattr(f, attr) for f in ev.funds[1:]) == getattr(total, attr)
            scores = [score_indicator(ln.target, ln.actual, ln.weight).score for ln in ev.indicators]
            assert [to_decimal(ln.score) for ln in ev.indicators] == scores
            assert to_decimal(ev.total_score) == sum(scores) + exec_points
            assert ev.total_weight == sum(ln.weight for ln in ev.indicators) + 10 == 100


def test_planted_errors_are_recorded_and_real():
    seen = set()
    for s in range(40):
        content = synthetic_content(s, projects=2)
        for err in content.planted:
            seen.add(err.kind)
            value = content_value(content, err.path)
            ev = content_value(content, err.path.split(".")[0])
            if err.kind == "rate_mismatch":
                assert execution_rate(ev.funds[0].executed, ev.funds[0].full).percent != value
            elif err.kind == "exec_over_budget":
                assert value > ev.funds[0].full
            elif err.kind == "funds_sum":
                assert sum(f.full for f in ev.funds[1:]) != value
            elif err.kind == "total_mismatch":
                exec_points = to_decimal(ev.funds[0].score)
                assert sum(to_decimal(ln.score) for ln in ev.indicators) + exec_points != to_decimal(value)
    assert seen == set(PLANTABLE)


def test_content_dataclasses_are_plain_data():
    content = seed_content()
    assert {f.name for f in fields(content)} >= {"basic", "evaluations", "comments", "created"}
    assert Decimal("94.5") == content.evaluations[0].funds[0].rate
