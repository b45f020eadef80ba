"""fix32h (issue 11): digits a format hides make no 错误 — one rule for a typed and a computed score.

A score typed 4.5212 under "0.00" is read as the "4.52" the sheet shows (`shown_numbers`) and agrees with perfxl's 4.517
at two decimals: no finding. The same figure as a formula's cached result (=ROUND(G6*0.45212,4)) is kept as stored, so
other formulas add it up exactly (fix31f's `shown_result`), and F05/S19 judged it at its four stored decimals: an 错误
on a score whose shown figure is right (review32w). The checks do not read a cell's format, so a number cell's score
holding more decimals than the profile's places that agrees at those places is now a 警告 naming the stored, the shown
and the computed figure (`Context.hidden_score_digits`); a score whose figure at those places is off stays an 错误,
typed or computed. Workbooks are the published tables rendered with the score cell typed, as tests/realworld/render.py
writes a filer's workbook.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

import probe_variants as PV
import render as R

from perfxl.io.source import open_source

#: 上海 普陀 体育 2022: 年度资金总额 20000.00 │ 9,034 │ 分值 10 (G6) │ 45.17% │ 得分 4.52 (I6); 10 × 45.17% = 4.517
_PUTUO = ("shanghai-putuo-tiyu-yuandian-2022", 5, 8)
#: 河北 成安 高龄津贴 2020: 满意度 单项指标得分 10.00 │ 权重占比 10.00 │ 折算得分 1.00 (M15); 10 × 10% = 1.00
_CHENGAN = ("hebei-chengan-gaolingjintie-2020", 14, 12)


def _typed(where: tuple[str, int, int], stored: str, formula: str | None) -> R.Table:
    """The published table with its score cell typed as `stored` under "0.00" (`formula`: its cached result)."""
    name, r, c = where
    table = copy.deepcopy(R.load_table(R.CORPUS / f"{name}.toml"))
    table.meta["typed_cells"] = [*table.meta.get("typed_cells", ()), (r, c, float(stored), "score", formula)]
    return table


def _verdicts(table: R.Table, code: str, tmp_path: Path) -> list[tuple[str, str]]:
    return [(str(f.ref), f.severity.value) for f in R.validated(table, tmp_path).findings if f.code == code]


def test_a_formula_score_off_only_in_hidden_digits_is_a_warning_naming_them(tmp_path: Path) -> None:
    """=ROUND(G6*0.45212,4) cached 4.5212 (shown 4.52): F05 a 警告 naming 4.5212, 4.52 and 4.517 (an 错误 at main:
    fails at main); the reader keeps the number as stored (fix31f)."""
    table = _typed(_PUTUO, "4.5212", "=ROUND(G6*0.45212,4)")
    (grid,), _, _ = open_source(R.render(table, tmp_path / "book"))
    assert grid.rows[5][8] == pytest.approx(4.5212)
    (f05,) = [f for f in R.validated(table, tmp_path / "v").findings if f.code == "F05"]
    assert (str(f05.ref), f05.severity.value) == ("Sheet1!I6", "warning")
    assert all(figure in f05.basis for figure in ("存储 4.5212", "显示为 4.52", "计算值 4.517"))


def test_a_formula_score_off_as_shown_stays_an_error(tmp_path: Path) -> None:
    """The twin: =ROUND(G6*0.45312,4) cached 4.5312 shows 4.53 where 4.517 rounds to 4.52 — an 错误 (as at main)."""
    assert _verdicts(_typed(_PUTUO, "4.5312", "=ROUND(G6*0.45312,4)"), "F05", tmp_path) == [("Sheet1!I6", "error")]


@pytest.mark.parametrize(("stored", "expected"), [("4.5212", []), ("4.5312", [("Sheet1!I6", "error")])])
def test_a_typed_score_is_judged_as_shown_under_the_same_rule(stored: str, expected: list, tmp_path: Path) -> None:
    """The same figures typed under "0.00": 4.5212 is read "4.52" (no finding), 4.5312 "4.53" (an 错误)."""
    assert _verdicts(_typed(_PUTUO, stored, None), "F05", tmp_path) == expected


def test_a_converted_score_off_only_in_hidden_digits_is_a_warning(tmp_path: Path) -> None:
    """S19 on 成安 2020's M15 =ROUND(K15*L15/100+0.0012,4) cached 1.0012 (shown 1.00 = 10.00 × 10.00%): a 警告 naming the
    stored 1.0012 (an 错误 at main: fails at main)."""
    table = _typed(_CHENGAN, "1.0012", "=ROUND(K15*L15/100+0.0012,4)")
    (s19,) = [f for f in R.validated(table, tmp_path).findings if f.code == "S19"]
    assert (str(s19.ref), s19.severity.value) == ("Sheet1!M15", "warning")
    assert "存储 1.0012" in s19.basis and "显示为 1.00" in s19.basis


def test_a_converted_score_off_as_shown_stays_an_error(tmp_path: Path) -> None:
    """The twin: cached 1.0112 shows 1.01 where 10.00 × 10.00% = 1.00 — an 错误 (as at main)."""
    table = _typed(_CHENGAN, "1.0112", "=ROUND(K15*L15/100+0.0112,4)")
    assert _verdicts(table, "S19", tmp_path) == [("Sheet1!M15", "error")]


#: 上海 普陀 体育 2022: 年度资金总额 250000.00 │ 215,457.6 │ 分值 10 (G6) │ 86.19% │ 得分 8.62 (I6; 10 × 86.18304% =
#: 8.6183), the indicators' 得分 10+20+20+30+10 in H13:H17, 总分 98.62 (H18)
_TIYU = "shanghai-putuo-tiyu-2022"


@pytest.mark.parametrize("formula", [True, False], ids=["formula_part", "typed_part"])
def test_a_total_summing_a_stored_part_is_no_error(formula: bool, tmp_path: Path) -> None:
    """普陀 体育 2022's 得分 I6 stored 8.6249 under "0.00" (a formula's result kept as stored, or typed: read "8.62"),
    its 总分 H18 =SUM(H13:H17)+I6 cached 98.6249 (shown 98.62, kept as stored): no 错误 either way — T02 adds the
    stored or the shown part within its tolerance, F05 is at most a 警告 (a guard: passes at main too, where F05
    there is the "one unit off" 警告)."""
    table = copy.deepcopy(R.load_table(R.CORPUS / f"{_TIYU}.toml"))
    table.meta["typed_cells"] = [
        (5, 8, 8.6249, "score", "=ROUND(G6*0.86249,4)" if formula else None),
        (17, 7, 98.6249, "score", "=SUM(H13:H17)+I6"),
    ]
    (grid,), _, _ = open_source(R.render(table, tmp_path / "book"))
    assert grid.rows[17][7] == pytest.approx(98.6249)  # the total hides digits: kept as stored (fix31f)
    assert grid.rows[5][8] == (pytest.approx(8.6249) if formula else "8.62")
    found = R.validated(table, tmp_path / "v").findings
    assert [(f.code, str(f.ref)) for f in found if f.severity.value == "error"] == []
    assert [(str(f.ref), f.severity.value) for f in found if f.code == "F05"] == (
        [("Sheet1!I6", "warning")] if formula else []
    )


def _scores_as_hidden_formulas(table: R.Table) -> R.Table:
    """probe_variants' `scores_hidden_digits` (each two-decimal 得分 stored 0.0012 above its printed figure under
    "0.00"), each cell a formula's cached result rather than typed: kept as stored by the reader."""
    got = PV.VARIANTS["scores_hidden_digits"](table)
    assert got is not None
    new = got[0]
    new.meta["typed_cells"] = [(r, c, v, s, f"=ROUND({v},4)") for r, c, v, s, _ in new.meta["typed_cells"]]
    return new


@pytest.mark.parametrize(
    ("name", "cell", "code"),
    [
        ("shanghai-putuo-tiyu-yuandian-2022", "Sheet1!I6", "F05"),  # 4.5212 for 4.517
        ("yunnan-baoshan-nengyuan-2023", "Sheet1!H5", "F05"),
        ("yunnan-lijiang-weipian-2020", "Sheet1!H5", "F05"),
        ("hebei-chengan-gaolingjintie-2020", "Sheet1!M15", "S19"),  # 1.0012 for 10.00 × 10.00%
    ],
)
def test_published_scores_as_formulas_with_hidden_digits_add_no_error(
    name: str, cell: str, code: str, tmp_path: Path
) -> None:
    """The 4 corpus tables review32w found: every 得分 a formula whose cached result hides 0.0012 under "0.00" — no
    new 错误 and no lost finding; the rewritten score's finding is a 警告 (an 错误 at main: fails at main)."""
    table = R.load_table(R.CORPUS / f"{name}.toml")
    new = _scores_as_hidden_formulas(table)
    base, found = R.validated(table, tmp_path / "b").findings, R.validated(new, tmp_path / "v").findings
    out = PV.compare(table, base, new, found, None)
    assert (out.new_errors, out.lost) == ([], [])
    assert [f.severity.value for f in found if f.code == code and str(f.ref) == cell] == ["warning"]
