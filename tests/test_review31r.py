"""review31r (issue 11): a number format whose first section does not say how every figure shows — a condition
("[>=100]0;0.00": under 100 the second section's two decimals) or a scaling comma ("#,##0,": thousands) — is no
plain figure. At main `format_shows` read the first section alone: a 得分 8.5 under "[>=100]0;0.00" (Excel shows
8.50) read "9", a 资金 figure under "#,##0," read rounded to 元 — false 错误 (F02, F04, B03 …) and real ones lost (F11).

Real tables of tests/realworld typed as in Excel (`render.plan_typed_in_excel`), their fractional figures then given
such a format: the findings must be those of the same sheet under General (its stored figures, as a reader of a
format it cannot show must leave them). The .xls, HTML and SpreadsheetML readers judge formats by the same function.
"""

from __future__ import annotations

import math
import sys
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

import render as R

from perfxl.io.html_source import html_grids
from perfxl.io.shown_numbers import format_shows
from perfxl.io.spreadsheetml_source import spreadsheetml_grids
from perfxl.numbers import float_decimal, to_decimal
from perfxl.validate import validate_file


def _verdicts(path: Path) -> set[tuple[str, str, str]]:
    return {
        (f.code, f.severity.value, str(f.ref)) for f in validate_file(path).findings if not f.code.startswith("READ_")
    }


@pytest.mark.parametrize(
    ("name", "code", "at_main"),
    [
        # at main: F04 错误 at H6 and H7 (the rates read at no decimals)
        ("anhui-luan-gonggongwenhua-2021", "[>=100]0;0.00", 2),
        # at main: F04 错误 at G8, G10
        ("fujian-ningde-dizhenju-bumen-2020", "[>=100]0;0.00", 2),
        # at main: the real F11 错误 at E9 lost
        ("hubei-ezhou-bangongdalou-mubiao-2022", "[>=100]0;0.00", 1),
        # at main: F02 错误 at C5 (a 资金 figure read rounded to 元 under a thousands format)
        ("guizhou-suiyang-taibai-bumen-2021", "#,##0,", 1),
        # at main: F04 错误 at D8 where the sheet has F05 at E8
        ("yunnan-longyang-huafei-2022", "[>=100]0;0.00", 2),
    ],
)
def test_a_figure_under_a_conditional_or_scaling_format_is_read_as_stored(
    name: str, code: str, at_main: int, tmp_path: Path
) -> None:
    table = R.load_table(R.CORPUS / f"{name}.toml")
    table.meta["typed_in_excel"] = True
    plain = R.render(table, tmp_path)
    want = _verdicts(plain)
    book = openpyxl.load_workbook(plain)
    changed = 0
    for row in book.worksheets[0].iter_rows():
        for cell in row:
            if (
                isinstance(cell.value, float)
                and not cell.value.is_integer()
                and cell.number_format in ("General", "0.00")
            ):
                cell.number_format = code
                changed += 1
    assert changed >= at_main, "the table has fractional figures the format would show otherwise"
    formatted = tmp_path / f"{name}-formatted.xlsx"
    book.save(formatted)
    assert _verdicts(formatted) == want


@pytest.mark.parametrize("code", ["[>=100]0;0.00", "[Red][<0]0.0;0.00", "#,##0,", "0.00,,", '#,##0.00,"千元"'])
def test_format_shows_no_plain_figure_under_a_condition_or_scaling(code: str) -> None:
    assert format_shows(code) is None  # at main: (0, False, ""), (1, …), (0, …), (2, …), (2, …)


@pytest.mark.parametrize(
    ("code", "shows"),
    [
        ("#,##0.00", (2, False, "")),
        ("0.00_ ", (2, False, "")),
        ("[Red]0.00", (2, False, "")),
        ("[$-804]0.00", (2, False, "")),
        ('0.00"万元"', (2, False, "")),
        ("0.0%;[Red]-0.0%", (1, True, "%")),
    ],
)
def test_plain_figure_formats_still_show_their_decimals(code: str, shows: tuple) -> None:
    """Guards (each passed at review31r's parent too, audit32): a thousands separator, a padding, a colour, a locale,
    a quoted unit or a negative section is no condition or scaling — the format still shows its decimals, as before
    (`is not None` alone held for a format read at the wrong decimals). The first section's reading: read32 added the
    negative and zero sections' own (tests/test_read32.py)."""
    shown = format_shows(code)
    assert shown is not None and tuple(shown[:3]) == shows


def test_the_exports_read_a_conditional_format_as_stored() -> None:
    xml = """<?xml version="1.0"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
<Styles><Style ss:ID="c"><NumberFormat ss:Format="[&gt;=100]0;0.00"/></Style>
<Style ss:ID="k" ss:Parent="c"/></Styles>
<Worksheet ss:Name="S"><Table><Row><Cell ss:StyleID="k"><Data ss:Type="Number">95.5</Data></Cell></Row></Table></Worksheet>
</Workbook>"""
    assert str(spreadsheetml_grids(xml)[0].rows[0][0]) == "95.5"  # at main "96"
    page = """<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><style>
.xl65 {mso-number-format:"\\[>=100\\]0\\;0\\.00";}</style></head><body><table>
<tr><td class=xl65 x:num="95.5">95.50</td></tr></table></body></html>"""
    # the same number in x:num under no format that rounds it: a number cell, as General (at main the text "95.50")
    assert html_grids(page)[0].rows[0][0] == Decimal("95.5")
    assert isinstance(html_grids(page)[0].rows[0][0], Decimal)


@pytest.mark.parametrize(
    "name",
    [
        "yunnan-shidian-xinxingzhuti-2019",  # at main: F05 错误 at F8 (2.900000000000001 against 2.89), T06 ×4, S17 lost
        "jiangsu-suzhou-caizheng-zaibei-2021",  # at main: 16 T06 提示 "应保留两位小数" on figures Excel shows at one decimal
        "yunnan-longyang-huafei-2022",  # at main: T06 at E8
    ],
)
def test_a_general_figure_with_float_noise_is_judged_as_excel_shows_it(name: str, tmp_path: Path) -> None:
    """A figure a formula left as 2.9000000000000004 (=2.8+0.1; General) shows 2.9 in every view of Excel (15
    significant digits): its findings are those of the typed 2.9."""
    table = R.load_table(R.CORPUS / f"{name}.toml")
    table.meta["typed_in_excel"] = True
    typed = R.render(table, tmp_path)
    want = _verdicts(typed)
    book = openpyxl.load_workbook(typed)
    noisy = 0
    for row in book.worksheets[0].iter_rows():
        for cell in row:
            if isinstance(cell.value, float) and cell.value and not cell.value.is_integer():
                cell.value = math.nextafter(math.nextafter(cell.value, math.inf), math.inf)
                noisy += 1
    assert noisy
    computed = tmp_path / f"{name}-computed.xlsx"
    book.save(computed)
    assert _verdicts(computed) == want


def test_a_double_reads_at_the_15_significant_digits_excel_shows() -> None:
    assert to_decimal(0.1 + 0.2) == Decimal("0.3")  # at main 0.30000000000000004
    assert str(float_decimal(-7.300000000000002)) == "-7.3"
    assert str(float_decimal(1 / 3)) == "0.333333333333333"
    assert str(float_decimal(89.974)) == "89.974"  # a typed figure stays as typed
    assert float_decimal(1234567890123456.7) == Decimal("1234567890123460")
    # beyond the 28 digits of the decimal context: kept in exponent form, never InvalidOperation (test_layout_robust's
    # random grids found it in CI)
    assert float_decimal(1.2345678901234567e30) == Decimal("1.23456789012346E+30")
    assert to_decimal(-9.87654321098765432e300) == Decimal("-9.87654321098765E+300")


def test_a_spreadsheetml_number_reads_at_the_15_significant_digits_excel_shows() -> None:
    xml = """<?xml version="1.0"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
<Worksheet ss:Name="S"><Table><Row><Cell><Data ss:Type="Number">2.9000000000000004</Data></Cell>
<Cell><Data ss:Type="Number">89.974</Data></Cell></Row></Table></Worksheet></Workbook>"""
    row = spreadsheetml_grids(xml)[0].rows[0]
    assert [str(v) for v in row] == ["2.9", "89.974"]  # at main "2.9000000000000004" (a system's export of =2.8+0.1)
