"""fix31f (issue 11): a formula's cached result that holds no digit its format hides is read as the text shown.

云南 隆阳 化肥 2022 prints 执行率 10.77% (30/278.4449 = 10.7741%) and 得分 2.16 where 20 × 10.77% = 2.15. Typed as
=ROUND(C8/B8*100,2) under perfxl's 0.00"%" (probe_variants `rate_points_formula`), the cached 10.77 was read as a
number of unknown decimals and the F05 错误 dropped to a 警告. A cached 10.77 under 0.00"%" is printed exactly as
stored, so it is "10.77%" judged at two decimals; a cached 10.7749 shown "10.77" hides digits and stays the number —
in an .xlsx, an .xls and a SpreadsheetML file alike.
"""

from __future__ import annotations

import struct
import sys
from decimal import Decimal
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

import probe_variants as PV
import render as R

from perfxl.io.shown_numbers import shown_number
from perfxl.io.source import open_source
from perfxl.io.spreadsheetml_source import spreadsheetml_grids
from perfxl.io.xls_formats import BOF, EOF, FORMULA, _read_sheet

_LONGYANG = "yunnan-longyang-huafei-2022"
#: perfxl's 执行率 format 0.00"%": percent points at two decimals, the sign quoted text
_POINTS2 = (2, False, "%")


def _rate_typed(cached: float, formula: str) -> R.Table:
    """隆阳 2022 with its 执行率 D8 typed as `formula` under 0.00"%", `cached` its stored result."""
    got = PV.VARIANTS["rate_points_formula"](R.load_table(R.CORPUS / f"{_LONGYANG}.toml"))
    assert got is not None
    table = got[0]
    cells = [cell for cell in table.meta["typed_cells"] if cell[4] is None]
    table.meta["typed_cells"] = [*cells, (7, 3, cached, "points2", formula)]
    return table


def test_a_rounded_rate_formula_keeps_its_printed_precision_finding(tmp_path: Path) -> None:
    """The probe case: the exec_score F05 错误 of the published table is kept (lost at main: fails at main)."""
    out = PV.outcome_of_corpus(_LONGYANG, "rate_points_formula", tmp_path)
    assert (out.new_errors, out.lost) == ([], [])


def test_an_xlsx_formula_result_is_shown_only_when_no_digit_is_hidden(tmp_path: Path) -> None:
    """=ROUND(C8/B8*100,2) cached 10.77 reads "10.77%" and F05 on E8 is an 错误 (a 警告 at main: fails at main);
    =ROUND(C8/B8*100,4) cached 10.7749 (shown "10.77%") stays the number 10.7749, and the printed 2.16 against it is
    no 错误 (its decimals are not what the sheet shows)."""
    exact = R.render(_rate_typed(10.77, "=ROUND(C8/B8*100,2)"), tmp_path / "exact")
    hidden = R.render(_rate_typed(10.7749, "=ROUND(C8/B8*100,4)"), tmp_path / "hidden")
    (exact_grid,), _, _ = open_source(exact)
    (hidden_grid,), _, _ = open_source(hidden)
    assert exact_grid.rows[7][3] == "10.77%"
    assert hidden_grid.rows[7][3] == pytest.approx(10.7749)
    f05 = {
        name: [f for f in R.validated(_rate_typed(*typed), tmp_path / name).findings if f.code == "F05"]
        for name, typed in (("e", (10.77, "=ROUND(C8/B8*100,2)")), ("h", (10.7749, "=ROUND(C8/B8*100,4)")))
    }
    assert [(str(f.ref), f.severity.value) for f in f05["e"]] == [("Sheet1!E8", "error")]
    assert all(f.severity.value != "error" for f in f05["h"])


def test_shown_result_keeps_a_result_with_hidden_digits_as_stored() -> None:
    """A percent format shows any result (as before); another format only a result equal to its own rounding."""
    from perfxl.io.shown_numbers import shown_result  # new here: the other tests run at main without it

    assert shown_result(Decimal("10.77"), _POINTS2) == "10.77%"
    assert shown_result(Decimal("8.5"), (2, False, "")) == "8.50"
    assert shown_result(Decimal("10.7749"), _POINTS2) is None
    assert shown_result(Decimal("0.107749"), (2, True, "%")) == "10.77%"


def _record(rtype: int, body: bytes) -> bytes:
    return struct.pack("<HH", rtype, len(body)) + body


def test_an_xls_formula_result_is_shown_only_when_no_digit_is_hidden() -> None:
    """FORMULA records under XF 5 (0.00"%"): a cached 10.77 is shown "10.77%" (stored at main: fails at main), a
    cached 10.7749 stays as stored."""
    records = b"".join(
        [
            _record(BOF, struct.pack("<HH", 0x0600, 0x0010) + bytes(12)),
            _record(FORMULA, struct.pack("<HHH", 7, 3, 5) + struct.pack("<d", 10.77) + bytes(8)),
            _record(FORMULA, struct.pack("<HHH", 8, 3, 5) + struct.pack("<d", 10.7749) + bytes(8)),
            _record(EOF, b""),
        ]
    )
    sheet = _read_sheet(records, 0, {5: _POINTS2}, frozenset())
    assert sheet.shows == {(7, 3): _POINTS2}
    assert shown_number(10.77, sheet.shows[(7, 3)]) == "10.77%"


_WORKBOOK = """<?xml version="1.0"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
<Styles><Style ss:ID="Default"/><Style ss:ID="pt"><NumberFormat ss:Format="0.00&quot;%&quot;"/></Style></Styles>
<Worksheet ss:Name="S"><Table><Row>
<Cell><Data ss:Type="Number">278.4449</Data></Cell><Cell><Data ss:Type="Number">30</Data></Cell>
<Cell ss:StyleID="pt" ss:Formula="=ROUND(RC[-1]/RC[-2]*100,2)"><Data ss:Type="Number">10.77</Data></Cell>
<Cell ss:StyleID="pt" ss:Formula="=ROUND(RC[-2]/RC[-3]*100,4)"><Data ss:Type="Number">10.7749</Data></Cell>
</Row></Table></Worksheet></Workbook>"""


def test_a_spreadsheetml_formula_result_is_shown_only_when_no_digit_is_hidden() -> None:
    """ss:Formula cells under 0.00"%": the cached 10.77 reads "10.77%" (a Decimal at main: fails at main), 10.7749
    stays the Decimal."""
    (grid,) = spreadsheetml_grids(_WORKBOOK)
    assert grid.rows[0][2:] == ["10.77%", Decimal("10.7749")]
