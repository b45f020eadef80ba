"""Files written by the project's generator (perfxl.workbook.write_submission) in every real-world
shape read back to the same model as the published seed tables."""

from __future__ import annotations

import shutil
from dataclasses import replace
from decimal import Decimal as D

import pytest
from reader_shapes import BASIC_AMOUNTS, EXPECTED_INDICATORS, FUNDS_TOTAL, funds_in_wan, indicator_tuples

from perfxl.numbers import to_decimal
from perfxl.reader import read_submission
from perfxl.workbook import seed, variants

EXPECTED = [tuple(D(x) if isinstance(x, int) else x for x in row) for row in EXPECTED_INDICATORS]
# where 得分 and 执行率 are formulas, the file shows perfxl's scores: 11.8% against 增长12% at 10 → 9.83
RECOMPUTED = [(*row[:6], D("9.83")) if row[2] == "规模工业总产值" else row for row in EXPECTED]
TYPED = [
    "standard",
    "inserted_rows",
    "offset",
    "repeated_labels",
    "first_labels",
    "split_target",
    "money_units",
    "synonyms",
    "spaced",
]
FORMULAS = ["openpyxl_uncached", "template"]


def _write(tmp_path_factory, variant, content=None):
    suffix = ".xls" if variant == "xls" else ".xlsx"
    path = tmp_path_factory.mktemp("variants") / f"{variant}{suffix}"
    variants.write_submission(path, content or seed.seed_content(), variant)
    return path


def _amount(value, scale=D(1)):
    """A basic-data amount in 元: numbers, and numbers typed as text ("286875 "), exactly."""
    d = to_decimal(value.strip() if isinstance(value, str) else value)
    return None if d is None else (d * scale).normalize()


def _basic_in_yuan(sub):
    scale = {"元": D(1), "万元": D(10000)}[sub.basic.unit]
    return [
        (row.key, row.parent, row.label.text, *(_amount(c.raw, scale) for c in (row.prev_final, row.budget, row.final)))
        for row in sub.basic.rows
    ]


KEYS = [
    ("three_public", ""),
    ("car", "three_public"),
    ("car_purchase", "car"),
    ("car_running", "car"),
    ("overseas", "three_public"),
    ("reception", "three_public"),
    ("special_funds", ""),
    ("", "special_funds"),
    ("", "special_funds"),
    ("", "special_funds"),
    ("public_funds", ""),
    ("office", "public_funds"),
    ("utilities_travel", "public_funds"),
    ("meetings_training", "public_funds"),
    ("procurement", ""),
    ("basic_budget_adjustment", ""),
]
EXPECTED_BASIC = [
    (*key, label.strip(), *(_amount(v) for v in vals))
    for key, (label, *vals) in zip(KEYS, [a for a in BASIC_AMOUNTS if a[0] is not None], strict=True)
]


@pytest.mark.parametrize("variant", TYPED)
def test_typed_variants_read_to_the_seed_model(tmp_path_factory, variant):
    sub = read_submission(_write(tmp_path_factory, variant))
    assert [p.brief() for p in sub.problems if p.severity.value != "info"] == []
    (ev,) = sub.evaluations
    assert indicator_tuples(ev) == EXPECTED
    assert funds_in_wan(ev) == FUNDS_TOTAL
    assert (ev.total_weight.raw, ev.total_score.raw) == (D(100), D(99))
    assert [(h.name, h.declared_weight) for h in ev.level1] == [
        ("产出指标", D(55)),
        ("效益指标", D(35)),
        ("满意度指标", D(10)),
    ]
    assert _basic_in_yuan(sub) == EXPECTED_BASIC
    assert sub.basic.staffing.establishment.raw == D(32) and sub.basic.staffing.control_rate.raw == "140%"


def test_sample_variant_keeps_typed_scores_beside_perfxl_column(tmp_path_factory):
    sub = read_submission(_write(tmp_path_factory, "sample"))
    (ev,) = sub.evaluations
    assert indicator_tuples(ev) == EXPECTED  # the typed 9 stays; perfxl's column is not the 得分 column
    assert funds_in_wan(ev) == FUNDS_TOTAL
    # XlsxWriter writes a cached "" as an untyped empty <v></v>, as openpyxl writes every formula: those
    # cells (perfxl's check column beside a blank 实际完成值) are computed — to "" — and not reported
    from perfxl.io.source import open_grids

    (grid,) = [g for g in open_grids(sub.path) if g.uncached]
    assert sorted(grid.uncached) == [(r, 9) for r in (18, 20, 22, 24, 25)]
    assert all(grid.formulas[rc].startswith("=IF(OR(") and grid.raw(*rc) is None for rc in grid.uncached)
    assert any(f.startswith("=") for g in open_grids(sub.path, need_formulas=True) for f in g.formulas.values())
    assert indicator_tuples(read_submission(sub.path, formulas=True).evaluations[0]) == EXPECTED
    assert [p.brief() for p in sub.problems] == []


@pytest.mark.parametrize("variant", FORMULAS)
def test_formula_variants_read_to_perfxl_scores(tmp_path_factory, variant):
    sub = read_submission(_write(tmp_path_factory, variant))
    (ev,) = sub.evaluations
    assert indicator_tuples(ev) == RECOMPUTED
    t = ev.funds.total
    assert t.rate.raw == D(100) and t.score.raw == D(10)  # 2223.04 / 2223.04, not the published 94.5
    assert ev.total_score.raw == D("99.83") and ev.total_weight.raw == D(100)
    uncached = variant == "openpyxl_uncached"
    # the template's blank PERF_SCORE cells are untyped empty <v></v> too, so its formulas are read as well
    assert all(f.formula for f in (t.rate, t.score, ev.total_score))
    assert ev.total_score.computed is uncached and t.rate.computed is uncached
    codes = [p.code for p in sub.problems]
    assert ("READ_FORMULA_COMPUTED" in codes) is uncached
    assert "READ_FORMULA_UNCACHED" not in codes
    assert sub.basic.staffing.control_rate.raw in (D("140.63"), D("140.625"))


def test_uncomputable_uncached_formula_is_reported_never_zero(tmp_path_factory):
    import openpyxl

    path = _write(tmp_path_factory, "openpyxl_uncached")
    book = openpyxl.load_workbook(path)
    ws = book["部门整体支出绩效自评表"]
    ws["H22"] = "=VLOOKUP(F22,Z1:Z2,1,FALSE)"
    book.save(path)
    sub = read_submission(path)
    ind = next(i for i in sub.evaluations[0].indicators if i.row == 22)
    assert ind.score.raw is None and ind.score.formula.startswith("=VLOOKUP")
    assert ("READ_FORMULA_UNCACHED", "部门整体支出绩效自评表", "H22") in [p.brief() for p in sub.problems]


def test_two_tables_on_one_sheet_from_the_generator(tmp_path_factory):
    content = seed.seed_content()
    ev = content.evaluations[0]
    second = replace(
        ev,
        kind="project",
        sheet="项目支出绩效自评表",
        title="2023年度项目支出绩效自评表",
        header=(
            ("项目名称", "科技工业发展专项"),
            ("主管部门", "隆回县科技和工业信息化局"),
            ("实施单位", "隆回县科技和工业信息化局"),
        ),
    )
    path = _write(tmp_path_factory, "two_tables", replace(content, evaluations=(ev, second)))
    sub = read_submission(path)
    assert len(sub.evaluations) == 2
    a, b = sub.evaluations
    assert a.sheet == b.sheet
    assert indicator_tuples(a) == EXPECTED and indicator_tuples(b) == EXPECTED
    assert (a.kind, b.kind) == ("department", "project")
    assert b.header["项目名称"].text == "科技工业发展专项"
    assert b.funds.total.executed.place().row > a.total_score.place().row


@pytest.mark.libreoffice
def test_xls_reads_to_the_seed_model(tmp_path_factory):
    if not shutil.which("soffice"):
        pytest.skip("LibreOffice (soffice) not installed")
    sub = read_submission(_write(tmp_path_factory, "xls"))
    (ev,) = sub.evaluations
    assert sub.path.endswith(".xls")
    assert indicator_tuples(ev) == EXPECTED
    assert funds_in_wan(ev) == FUNDS_TOTAL
    assert sub.basic.row("basic_budget_adjustment").final.raw == D("8861213.88")
