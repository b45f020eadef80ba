"""read31h (issue 11 item 9): an HTML page or an Excel 2003 XML file saved as .xls reads as the .xlsx of the same sheet.

Real tables of tests/realworld, written by the project's own writer (tests/realworld/render.py) to .xlsx and, through
`perfxl.workbook.variants.write_export`, as Excel exports them: SpreadsheetML with its ss:Styles number formats and
ss:Hidden rows/columns, and a web page with `x:num`, `mso-number-format` class rules and `display:none`. Each export
must give the findings the .xlsx gives — the printed-precision rules on the text a format shows, the hidden-row and
hidden-column notes — and a system's HTML without `x:num` is judged as printed, never as exact numbers.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

import probe_variants as PV
import render as R

from perfxl.io.html_source import html_grids
from perfxl.io.spreadsheetml_source import spreadsheetml_grids
from perfxl.validate import validate_file


def _verdicts(path: Path) -> set[tuple[str, str, str]]:
    """(code, severity, place) of every finding but the note on what the file was (READ_*)."""
    return {
        (f.code, f.severity.value, str(f.ref)) for f in validate_file(path).findings if not f.code.startswith("READ_")
    }


def _table(name: str, variant: str | None) -> R.Table:
    table = R.load_table(R.CORPUS / f"{name}.toml")
    return table if variant is None else PV.VARIANTS[variant](table)[0]


@pytest.mark.parametrize(
    ("name", "variant", "fmt"),
    [
        # 得分 "8.63" typed as 8.6312 under "0.00": at main the XML read 8.6312 — a false F05 错误 at H5 (fails at main)
        ("yunnan-baoshan-nengyuan-2023", "scores_hidden_digits", "xml2003"),
        ("shanghai-putuo-tiyu-yuandian-2022", "scores_hidden_digits", "xml2003"),
        # every other indicator row filtered out: at main neither export said so (LAYOUT_HIDDEN_ROWS lost; fails)
        ("anhui-guichi-cunji-2022", "filtered_rows", "xml2003"),
        ("anhui-guichi-cunji-2022", "filtered_rows", "html"),
        # the form's 得分 column hidden: at main read as shown, LAYOUT_HIDDEN_COLUMNS lost (fails at main)
        ("sichuan-zhongjiang-shuibiaochi-2022", "hidden_score_column", "xml2003"),
        ("sichuan-zhongjiang-shuibiaochi-2022", "hidden_score_column", "html"),
        # a hidden helper column headed like 得分 (its values kept apart, as for the .xlsx; fails at main)
        ("anhui-tongling-jiaoqu-gongyishiye-2021", "hidden_helper_column", "xml2003"),
        ("anhui-tongling-jiaoqu-gongyishiye-2021", "hidden_helper_column", "html"),
        # a system's HTML (no x:num): its figures are the printed text — at main Decimals, two false F04 错误 (G5, G6)
        ("anhui-yuan-wenwubaohu-2022", None, "html"),
        # likewise: at main F03 错误 at D5/D6, F04 at E6, F05 at G6 where the .xlsx has C02 警告 (fails at main)
        ("chongqing-liangping-linye-bumen-2023", None, "html"),
    ],
)
def test_an_export_gives_the_findings_of_the_same_sheet_as_xlsx(name: str, variant: str | None, fmt: str, tmp_path):
    table = _table(name, variant)
    want = _verdicts(R.render(table, tmp_path))
    assert want, "the real table gives findings to compare"
    assert _verdicts(R.render(table, tmp_path, fmt)) == want


_WORKBOOK = """<?xml version="1.0"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
<Styles><Style ss:ID="Default"/><Style ss:ID="p1"><NumberFormat ss:Format="0.0%"/></Style>
<Style ss:ID="fx"><NumberFormat ss:Format="Fixed"/></Style><Style ss:ID="kid" ss:Parent="fx"/>
<Style ss:ID="pc"><NumberFormat ss:Format="Percent"/></Style><Style ss:ID="dt"><NumberFormat ss:Format="Short Date"/></Style>
</Styles>
<Worksheet ss:Name="S"><Table><Column ss:Index="2" ss:Hidden="1"/><Column ss:StyleID="fx"/>
<Row><Cell><Data ss:Type="Number">0.955</Data></Cell><Cell ss:StyleID="p1"><Data ss:Type="Number">0.955</Data></Cell>
<Cell><Data ss:Type="Number">8.6312</Data></Cell></Row>
<Row ss:Hidden="1" ss:Span="1"/>
<Row><Cell ss:StyleID="kid"><Data ss:Type="Number">1.0012</Data></Cell><Cell ss:StyleID="dt"><Data ss:Type="Number">3</Data></Cell>
<Cell ss:StyleID="fx" ss:Formula="=R1C3"><Data ss:Type="Number">8.6312</Data></Cell>
<Cell ss:StyleID="pc" ss:Formula="=1/3"><Data ss:Type="Number">0.333333</Data></Cell></Row>
</Table></Worksheet></Workbook>"""


def test_spreadsheetml_reads_formats_and_hidden_rows_as_an_xlsx_is_read():
    """ss:Format "0.0%" / Percent / Fixed (directly, from the column, from a parent style) → the text shown; a date
    format and General leave the number; a formula's result so under a percent only; ss:Hidden rows (over ss:Span,
    which also moves the next row down) and columns. All of it was read as stored at main (fails at main)."""
    (grid,) = spreadsheetml_grids(_WORKBOOK)
    assert grid.rows[0] == [Decimal("0.955"), "95.5%", "8.63", ""]
    assert grid.rows[3] == ["1.00", Decimal(3), Decimal("8.6312"), "33.33%"]
    assert grid.hidden_rows == {1, 2} and grid.hidden_cols == {1}


_PAGE = r"""<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><style>
.xl65 {mso-style-parent:style0; mso-number-format:"0\.00";}
.xl66 {mso-number-format:"0\.0%";}
.xl67 {mso-number-format:"\@";}
</style></head><body><table><col width=50><col width=0 style='display:none'>
<tr><td class=xl65 x:num="8.5">8.50</td><td x:num="12">12</td><td class=xl67>7</td><td x:num="1.0012">1.00</td>
<td>5</td><td style='display:none'>h</td></tr>
<tr height=0 style='display:none'><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td><td>6</td></tr>
<tr><td class=xl66 x:num="0.955">95.5%</td><td>3</td><td x:num>8.50</td><td>4</td><td style='display:none'>9</td>
<td style='display:none'>h</td></tr>
</table></body></html>"""


def test_an_excel_web_page_reads_formats_and_hidden_rows_as_an_xlsx_is_read():
    """A class rule's mso-number-format (CSS-escaped "0\\.00") or an x:num holding more digits keeps the text shown;
    an x:num equal to its text is a number cell; a figure without x:num is the printed text; a <tr> display:none is a
    hidden row; a column hidden by its <col> or by every cell of it (not by one cell) is a hidden column. At main the
    figures were Decimals and nothing was hidden (fails at main)."""
    (grid,) = html_grids(_PAGE)
    assert grid.rows[0] == ["8.50", Decimal(12), "7", "1.00", "5", "h"]
    assert grid.rows[2][:3] == ["95.5%", "3", Decimal("8.50")]
    assert grid.hidden_rows == {1} and grid.hidden_cols == {1, 5}


# ---------------------------------------------------------------- one cause, one finding: W05 resting on W03


def _weight_sums(table: R.Table, tmp_path: Path) -> dict[str, list]:
    found = R.validated(table, tmp_path).findings
    return {code: [f for f in found if f.code == code] for code in ("W02", "W03", "W05")}


def test_labels_declaring_what_their_rows_hold_give_one_weight_sum_finding(tmp_path):
    """四川 中江 2022: 产出指标(70分) + 效益指标(20分) + 满意度指标(10分) + 预算执行率 10 = 110, and the rows under each
    label hold exactly its points — the labels' sum is the rows' sum, one discrepancy. At main W05 (the labels, B12)
    and W03 (the rows, E23) were two 错误 for it (fails at main); now W03 alone, its basis naming the labels."""
    sums = _weight_sums(R.load_table(R.CORPUS / "sichuan-zhongjiang-shuibiaochi-2022.toml"), tmp_path)
    (w03,) = sums["W03"]
    assert (w03.severity.value, str(w03.ref), w03.actual) == ("error", "Sheet1!E23", "110")
    assert not sums["W05"]
    assert "产出指标 70 + 效益指标 20 + 满意度指标 10 + 预算执行率 10" in w03.basis and "不另报" in w03.basis


def test_a_label_declaring_other_points_than_its_rows_keeps_its_own_finding(tmp_path):
    """The same table with 产出指标 labelled 75 points over rows holding 70: the labels' 115 is no longer the rows' 110
    — a second slip, so W05 stands beside W03 (and W02 for the group), and W03's basis does not claim it. A guard
    (passes at read31h's parent, which folded nothing; folding W05 without the rows matching the labels fails it)."""
    table = R.variant("sichuan-zhongjiang-shuibiaochi-2022", {"B12": "产出指标(75分)"})
    sums = _weight_sums(table, tmp_path)
    (w05,) = sums["W05"]
    assert w05.actual == "115" and sums["W02"] and "不另报" not in sums["W03"][0].basis


def test_hidden_spans_of_a_hostile_export_are_clipped_to_the_sheet():
    """20,000 hidden <Column ss:Span="199"> / <Row ss:Span="999"> (or <col span=199>) over a one-cell sheet: the hidden
    rows and columns are those of the sheet, never the spans' 4–20 million indices (sec24b's bound on markup files)."""
    columns = '<Column ss:Hidden="1" ss:Span="199"/>' * 20_000
    rows = '<Row ss:Hidden="1" ss:Span="999"/>' * 20_000
    xml = _WORKBOOK.split("<Table>")[0] + f"<Table>{columns}{rows}"
    xml += '<Row ss:Index="3"><Cell ss:Index="2"><Data ss:Type="Number">1</Data></Cell></Row></Table></Worksheet></Workbook>'
    (grid,) = spreadsheetml_grids(xml)
    assert (len(grid.rows), len(grid.rows[0])) == (3, 2)
    assert grid.hidden_rows == {0, 1, 2} and grid.hidden_cols == {0, 1}
    page = "<table>" + '<col span="199" style="display:none">' * 20_000 + "<tr><td>1</td><td>2</td></tr></table>"
    (table,) = html_grids(page)
    assert table.hidden_cols == {0, 1}
