"""validate_file / validate_submission on the seed example workbook and on bad input."""

from __future__ import annotations

import dataclasses
import hashlib
from decimal import Decimal
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook
from rules_helpers import seed_submission

from perfxl.model import CellRef, Finding, Severity, parse_a1
from perfxl.validate import validate_file, validate_submission

EXAMPLE = Path(__file__).resolve().parent.parent / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"
EV, BASIC = "部门整体支出绩效自评表", "基础数据表"


@pytest.fixture(scope="module")
def seed_result():
    return validate_file(EXAMPLE)


def _cell(path: Path, sheet: str, cell: str):
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python()
    r, c = parse_a1(cell)
    return rows[r - 1][c - 1]


def test_seed_example_errors_each_at_its_cell(seed_result):
    assert seed_result.ok, seed_result.error
    got: dict = {}
    for f in seed_result.findings:
        got.setdefault(f.brief(), []).append((f.expected, f.actual))
    wanted = {
        ("F04", EV, "G4"): ("100.00%", "94.5"),  # 执行率 2223.04/2223.04 printed 94.5
        ("W02", EV, "B20"): ("25", "35"),  # 效益指标（35分） over rows holding 25
        ("W05", EV, "B20"): ("100", "110"),  # 55 + 35 + 10 + 10
        ("B01", BASIC, "F4"): ("140.63%", "140%"),  # 控制率 45/32
        ("B02", BASIC, "D4"): ("32", "45"),  # over-establishment
        ("S01", EV, "H22"): ("9.83", "9"),  # 11.8% against 增长12% at weight 10
        ("S08", EV, "I13"): ("偏差原因分析", "（空）"),  # 20家 against 12家, no explanation
    }
    for brief, pair in wanted.items():
        assert got.get(brief) == [pair], brief
    # the goal text contradicts three indicator actuals (新进规模企业, 新增高新技术企业, 规模工业增加值)
    assert got[("G03", EV, "F11")] == [("20家", "12家"), ("13家", "10家"), ("65亿元", "63亿元")]
    assert ("G02", EV, "F11") in got  # 实际完成情况 only repeats 预期目标
    assert not [f for f in seed_result.findings if f.code == "X01"]


def test_seed_findings_point_at_cells_holding_the_typed_values(seed_result):
    codes = ("F04", "B01", "S01", "W02")
    checked = [f for f in seed_result.findings if f.code in codes]
    assert {f.code for f in checked} == set(codes)
    for f in checked:
        typed = _cell(EXAMPLE, f.sheet, f.cell)
        assert f.actual in str(typed) or Decimal(str(typed)) == Decimal(f.actual), f


def test_seed_summary_and_sections(seed_result):
    s = seed_result.summary
    assert (s.score_reported, s.score_computed, s.grade) == (Decimal("99"), Decimal("99.83"), "优")
    assert s.errors == sum(1 for f in seed_result.findings if f.severity is Severity.ERROR)
    assert seed_result.unit_name == "隆回县科技和工业信息化局"
    assert (seed_result.year, seed_result.kind) == ("2023", "department")
    assert seed_result.sha256 == hashlib.sha256(EXAMPLE.read_bytes()).hexdigest()
    effect = next(x for x in seed_result.sections if x.name == "效益指标")
    assert (effect.weight, effect.score_reported, effect.score_computed) == (
        Decimal("25"),
        Decimal("24"),
        Decimal("24.83"),
    )


def test_model_seed_gives_the_same_codes_as_the_workbook(seed_result):
    from_model = sorted({f.code for f in validate_submission(seed_submission())})
    assert from_model == sorted({f.code for f in seed_result.findings if f.code[0] in "FWISDTGB"})


def test_select_and_ignore_filter_findings():
    assert validate_file(EXAMPLE, select=["B"]).findings and all(
        f.code.startswith("B") for f in validate_file(EXAMPLE, select=["B"]).findings
    )
    codes = {f.code for f in validate_file(EXAMPLE, ignore="G02,G03").findings}
    assert "G02" not in codes and "G03" not in codes and "F04" in codes


def test_reader_problems_come_first_and_are_filtered_too():
    problem = Finding("LAYOUT_UNMAPPED", Severity.WARNING, CellRef(EV, "A40"), "未识别的行")
    sub = dataclasses.replace(seed_submission(), problems=(problem,))
    assert validate_submission(sub)[0] is problem
    assert problem not in validate_submission(sub, ignore=["LAYOUT"])


@pytest.mark.parametrize(
    "make",
    [
        lambda d: d / "missing.xlsx",
        lambda d: (d / "junk.xlsx").write_bytes(b"not a workbook at all") and d / "junk.xlsx",
    ],
)
def test_bad_files_never_raise(tmp_path, make):
    path = make(tmp_path)
    result = validate_file(path)
    assert result.ok is False and result.error["code"] and result.error["message"]
    assert result.path == str(path) and result.findings == ()


def test_bad_profile_is_a_result_not_an_exception(tmp_path):
    result = validate_file(EXAMPLE, profile="atlantis")
    assert result.ok is False and result.error["code"] == "PROFILE_INVALID"
    typo = tmp_path / "typo.toml"
    typo.write_text('name = "typo"\nextends = "national"\n[checks.F04]\nseverty = "info"\n', encoding="utf-8")
    result = validate_file(EXAMPLE, profile=str(typo))
    assert result.ok is False and result.error["cell"] == "checks.F04.severty"


SEED_CODES = {"F04", "W02", "W05", "S01", "S08", "G02", "G03", "B01", "B02", "B14"}


@pytest.mark.parametrize(
    "shape",
    [
        {},
        {"levels": "repeated"},
        {"levels": "first"},
        {"split_target": True},
        {"synonyms": True},
        {"inserted_rows": True},
        {"money": "元"},
        {"origin": (3, 2)},
        {"levels": "repeated", "split_target": True, "synonyms": True, "inserted_rows": True, "money": "元"},
    ],
)
def test_seed_errors_found_in_every_reader_layout(shape):
    from reader_shapes import Shape, basic_grid, evaluation_grid

    from perfxl.reader import read_grids

    sub = read_grids([evaluation_grid(Shape(**shape)), basic_grid()], "shape.xlsx")
    found = validate_submission(sub)
    codes = {f.code for f in found}
    assert codes >= SEED_CODES and "X01" not in codes
    s01 = next(f for f in found if f.code == "S01")
    assert (s01.expected, s01.actual) == ("9.83", "9")
    if shape.get("split_target"):  # the transcription leaves 指标性质 blank where the report has no operator
        assert "I04" in codes


def test_a_crash_in_the_score_recomputation_is_a_finding_not_a_traceback(monkeypatch):
    """The total's recomputation runs after the checks and outside their safety net: when it fails internally the
    verdict stands, with X01 naming 总分重算 and no recomputed score (crash12 found "1e999999999" in a score cell
    escaping `validate_file` as a traceback; fixed at its cause, and this net keeps the next such bug a finding)."""
    import perfxl.validate as V

    def broken(*args, **kwargs):
        raise ArithmeticError("boom")

    monkeypatch.setattr(V, "_summary", broken)
    result = validate_file(EXAMPLE)
    assert result.ok
    crashed = [f for f in result.findings if f.code == "X01"]
    assert len(crashed) == 1 and "总分重算" in crashed[0].message and "boom" in crashed[0].message
    assert result.summary.score_computed is None
    assert len(result.findings) > 1  # the checks' findings stand
