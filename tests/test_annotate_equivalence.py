"""The annotated copy's cheaper mechanisms (issue 14, session 10) write what the mechanisms they replace write.

Each shortcut is pinned against the plainer form, on varied inputs:
- the marked-cells walk takes a cell's style right after its address (`<c r="B7" s="12"`) by one regex, and anything
  else by the tag's attributes: it splices what the row-by-row path writes, and adds the same cell formats in the
  same order, whatever the attribute order, quotes or missing styles;
- a 校验结果 text is told plain by string methods instead of a regex: the same `<t>` element as the escape path;
- `result_rows` passes a text from "A" on without looking for a formula trigger: every column is what
  `neutralise_formula` makes of it;
- a zip entry is copied by its slots instead of `copy.copy`: every attribute the same.
"""

from __future__ import annotations

import copy
import io
import random
import re
import zipfile
from pathlib import Path

import pytest

from perfxl.excel.result_sheet import result_rows
from perfxl.io import xlsx_marks
from perfxl.model import CellRef, Finding, Severity
from perfxl.safety import FORMULA_TRIGGERS, neutralise_formula

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"
_CELL_TAG = re.compile(rb'<c r="([A-Z]+)(\d+)" s="(\d+)"')


def _sheets() -> list[tuple[str, bytes, bytes]]:
    """Every worksheet of the example, and its styles part."""
    with zipfile.ZipFile(EXAMPLE) as z:
        styles = z.read("xl/styles.xml")
        return [(n, z.read(n), styles) for n in z.namelist() if n.startswith("xl/worksheets/sheet")]


#: Cell tags as other writers write them: style first, type before style, single quotes, no style at all.
_FORMS = {
    "excel": lambda xml: xml,
    "style first": lambda xml: _CELL_TAG.sub(rb'<c s="\3" r="\1\2"', xml),
    "type first": lambda xml: re.sub(rb'<c r="([A-Z]+\d+)" s="(\d+)" t="(\w+)"', rb'<c r="\1" t="\3" s="\2"', xml),
    "single quotes": lambda xml: _CELL_TAG.sub(rb"<c r='\1\2' s='\3'", xml),
    "no style on some": lambda xml: _CELL_TAG.sub(
        lambda m: b'<c r="%s%s"' % (m[1], m[2]) if int(m[2]) % 3 == 0 else m[0], xml
    ),
}


@pytest.mark.parametrize("form", sorted(_FORMS))
def test_the_cells_walk_writes_what_the_row_by_row_path_writes(form):
    rng = random.Random(form)
    checked = 0
    for name, original, styles_xml in _sheets():
        xml = _FORMS[form](original)
        # the address wherever the tag puts it (style first: `<c s="3" r="A1"`): a pattern for `<c r=` alone found no
        # cell of "style first", which then checked nothing (audit30)
        cells = [
            (int(r), xlsx_marks._column_of(c)) for c, r in re.findall(rb'<c\b[^>]*?\sr=["\']([A-Z]+)(\d+)["\']', xml)
        ]
        if not cells:
            continue
        checked += 1
        for _ in range(6):
            marks = {
                cell: rng.choice(list(Severity)) for cell in rng.sample(cells, min(len(cells), rng.randint(1, 40)))
            }
            start, end = xlsx_marks._sheet_data(xml)
            lo, hi = xml.find(b">", start) + 1, end - len(b"</sheetData>")
            col_styles = xlsx_marks._col_styles(xml[:start])
            walked_styles = xlsx_marks._Styles(styles_xml, "")
            walked = xlsx_marks._cells_in_place(xml, lo, hi, marks, col_styles, walked_styles)
            by_row_styles = xlsx_marks._Styles(styles_xml, "")
            by_row = xlsx_marks._patch_rows(xml, start, end, marks, col_styles, by_row_styles)
            if walked is None:  # cells the walk cannot find by address (style first, single quotes): rows do it
                assert form in ("style first", "single quotes"), (name, form)
                continue
            assert walked == by_row, (name, form)
            assert walked_styles.to_bytes() == by_row_styles.to_bytes(), (name, form)
    assert checked, f"no sheet of the example has a cell in the {form!r} form"


def test_a_plain_text_is_told_by_string_methods_as_the_escape_path_writes_it():
    texts = [
        "",
        " ",
        "a",
        "B7",
        "执行率应为 100.00%（2223.04/2223.04），表中为 94.5",
        "前导 空格 ",
        " 前导",
        "双  空格",
        "全角\u3000空格",
        "不断\xa0空格",
        "零宽\u200b字符",
        "行\u2028分隔",
        "下一行\x85",
        "删除\x7f",
        "控制\x01\x1f",
        "a\ufffeb",
        "a\uffff",
        "<b>",
        "a & b",
        "x > y",
        "tab\there",
        "line\nbreak",
        "宽" * 80,
        "'单引号' \"双引号\" %d %%",
    ]
    for text in texts:
        head = '<t xml:space="preserve">' if xlsx_marks._PLAIN_SPACING.match(text) is None else "<t>"
        assert xlsx_marks._t_element(text) == head + xlsx_marks._escaped(text) + "</t>", repr(text)


def test_result_rows_neutralise_every_text_as_neutralise_formula_does():
    assert max(FORMULA_TRIGGERS) < "A"  # what lets result_rows pass a text from "A" on unlooked at
    starts = [*FORMULA_TRIGGERS, "", "0", "1", "+3", "-5%", "'", " ", "A", "Z", "a", "中", "（", "@", "=", "~"]
    texts = [s + tail for s in starts for tail in ("", "x", "SUM(A1)", "1.5")]
    findings = [
        Finding("X01", Severity.WARNING, CellRef(sheet, "B7"), text, expected=text, actual=text)
        for text in texts
        for sheet in ("表", "=表")
    ]
    rows = result_rows(findings, {}, list_area_cells=False)
    for finding, row in zip(findings, rows[4:], strict=True):
        assert row[3] == neutralise_formula(finding.ref.sheet)
        assert row[5:8] == [neutralise_formula(finding.message)] * 3, finding.message


def test_a_zip_entry_is_copied_with_every_attribute_it_has():
    with zipfile.ZipFile(EXAMPLE) as z:
        infos = z.infolist()
    fresh = zipfile.ZipInfo("new.xml", date_time=(2026, 12, 4, 0, 0, 0))  # header_offset, CRC, … not set yet
    for info in [*infos, fresh]:
        mine, theirs = xlsx_marks._copy_info(info), copy.copy(info)
        assert mine is not info
        for slot in zipfile.ZipInfo.__slots__:
            assert getattr(mine, slot, "unset") == getattr(theirs, slot, "unset"), slot
        written = []
        for entry in (xlsx_marks._copy_info(info), copy.copy(info)):
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w") as out:
                out.writestr(entry, b"x")
            written.append(buf.getvalue())
        assert written[0] == written[1]


def test_the_cells_walk_over_the_plans_own_keys_writes_what_it_writes_over_a_sheets_dict():
    """`apply_marks` hands the walk the plan's (sheet, row, column) keys, sorted once for every sheet, instead of a
    (row, column) dict per sheet: the same sheet and the same cell formats either way."""
    rng = random.Random(12)
    for name, xml, styles_xml in _sheets():
        cells = [(int(r), xlsx_marks._column_of(c)) for c, r in re.findall(rb'<c r=["\']([A-Z]+)(\d+)["\']', xml)]
        if not cells:
            continue
        marks = {cell: rng.choice(list(Severity)) for cell in rng.sample(cells, min(len(cells), 40))}
        fills = {("表", r, c): severity for (r, c), severity in marks.items()}
        start, end = xlsx_marks._sheet_data(xml)
        lo, hi = xml.find(b">", start) + 1, end - len(b"</sheetData>")
        col_styles = xlsx_marks._col_styles(xml[:start])
        by_dict, by_keys = xlsx_marks._Styles(styles_xml, ""), xlsx_marks._Styles(styles_xml, "")
        walked = xlsx_marks._cells_in_place(xml, lo, hi, marks, col_styles, by_dict)
        keyed = xlsx_marks._cells_in_place(xml, lo, hi, fills, col_styles, by_keys, None, sorted(fills))
        assert walked == keyed, name
        assert by_dict.to_bytes() == by_keys.to_bytes(), name
        assert xlsx_marks._patch_cells(xml, fills, sorted(fills), xlsx_marks._Styles(styles_xml, "")) == (
            walked if walked is not None else xlsx_marks._patch_rows(xml, start, end, marks, col_styles, by_dict)
        ), name
