"""read29 (issue 11): what a filer's copy hides or types otherwise, read on real tables' rendered variants.

calamine reports no row/column hidden flag and no quotePrefix; the reader takes them from the sheet XML it scans anyway
(`perfxl.io.sheet_flags`). A hidden (filtered) row is the filer's: read and checked, said as a 提示. A hidden column is
not on the printed form (a clerk's helper column of working figures): not read as one of its columns, said as a 提示.
A number typed with a leading apostrophe is read as the number it shows, said as a 提示, never an 错误 for being text.
A 二级 merge running past a 一级 boundary: each row read under its own 一级, the crossing 二级 given to no row of the
other 一级.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

import probe_rewrites as P
import probe_variants as V
import pytest
from render import CORPUS, load_table, render, validated

from perfxl.grid import Grid
from perfxl.io import source
from perfxl.io.ooxml import cell_styles
from perfxl.io.sheet_flags import SheetFlags, quoted_styles, scan_flags
from perfxl.layout.detect import RowKind, classify_row
from perfxl.numbers import to_decimal
from perfxl.reader import read_submission


def _judged(result) -> list[tuple[str, str, int | None]]:
    """Every 错误/警告 as (code, severity, row): the verdicts a variant must not move."""
    return sorted(
        (f.code, f.severity.value, getattr(f.ref, "row", None))
        for f in result.findings
        if f.severity.value in ("error", "warning")
    )


def _codes(result, code: str) -> list:
    return [f for f in result.findings if f.code == code]


# ---------------------------------------------------------------- the XML scan


def test_the_scan_reads_hidden_rows_columns_and_quoted_cells_from_the_xml() -> None:
    """Column D and row 5 hidden, B5 typed '95 (its style's cellXfs entry sets quotePrefix); a whole-sheet hidden
    column range (the unused rest, min 12 to max 16384) is no column of the form."""
    styles = b'<styleSheet><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="0"/><xf quotePrefix="1"/></cellXfs></styleSheet>'
    piece = (
        b'<worksheet><cols><col min="4" max="4" width="9" hidden="1" customWidth="1"/>'
        b'<col min="12" max="16384" hidden="1"/></cols><sheetData>'
        b'<row r="5" hidden="1"><c r="B5" s="2" t="s"><v>0</v></c><c r="C5" s="1"><v>3</v></c></row></sheetData>'
    )
    flags = SheetFlags()
    scan_flags(piece, flags, quoted_styles(cell_styles(styles)))
    assert (flags.rows, flags.cols, flags.quoted) == ({4}, {3}, {(4, 1)})
    assert quoted_styles(cell_styles(b"<styleSheet><cellXfs><xf/></cellXfs></styleSheet>")) == frozenset()


# ---------------------------------------------------------------- 1. filtered rows


#: 安徽 贵池 2022: 23 rows, its indicator header at row 13
_GUICHI = "anhui-guichi-weituo-2022"


def test_filtered_rows_are_read_and_said(tmp_path) -> None:
    """贵池 with every other indicator row hidden by a filter: the same 错误/警告 as published, the rows named in a
    LAYOUT_HIDDEN_ROWS 提示. Failed at main: the flag was never read (no 提示; the copy silently read as printed)."""
    table = load_table(CORPUS / f"{_GUICHI}.toml")
    hidden, _ = V.filtered_rows(table)
    rows = hidden.meta["hidden_rows"]
    grids, _, _ = source.open_source(render(hidden, tmp_path / "g"))
    assert grids[0].hidden_rows == frozenset(rows)
    result = validated(hidden, tmp_path / "v")
    assert _judged(result) == _judged(validated(table, tmp_path / "b"))
    (said,) = _codes(result, "LAYOUT_HIDDEN_ROWS")
    assert said.severity.value == "info" and f"{rows[0] + 1}" in said.message and "仍按填报数据读取" in said.message


# ---------------------------------------------------------------- 1. a hidden helper column


#: 安徽 铜陵 郊区 公益事业 2021: row 14's hand-found over_weight (得分 over its 分值)
_TONGLING = "anhui-tongling-jiaoqu-gongyishiye-2021"


def test_a_hidden_helper_column_is_not_read_as_the_forms_column(tmp_path) -> None:
    """铜陵 with a hidden "得分" helper column right of 得分 holding each row's 分值 (a clerk's full-marks check): not on
    the printed form, so not read — row 14's over_weight still found, the same 错误/警告 as published, the column
    named in a LAYOUT_HIDDEN_COLUMNS 提示. Failed at main: read as a second 得分 column, row 14's finding lost."""
    table = load_table(CORPUS / f"{_TONGLING}.toml")
    helper, _ = V.hidden_helper_column(table)
    result = validated(helper, tmp_path / "v")
    assert (14, "over_weight") in P.met(helper, result.findings, None)
    assert _judged(result) == _judged(validated(table, tmp_path / "b"))
    (said,) = _codes(result, "LAYOUT_HIDDEN_COLUMNS")
    assert "未作为表格内容读取" in said.message and said.severity.value == "info"


#: 江西 南昌 餐厨 2021: 分解目标 │ 自评权重 │ … │ 分值 │ 得分 (its 分值 in G, a synonym of 自评权重 in B)
_NANCHANG = "jiangxi-nanchang-canchaweishengyuan-bumen-2021"


def test_a_hidden_column_that_is_the_forms_own_is_read(tmp_path) -> None:
    """南昌 with its 分值 column hidden: the form's own column (no shown cell of its row prints "分值"; 自评权重 is a
    synonym, not the same label) — read as filed, the same 错误/警告 as published, said as read. Emptied (every hidden
    column taken for a helper), 16 false 错误 came of it (W04 on every row, S01, D01)."""
    table = load_table(CORPUS / f"{_NANCHANG}.toml")
    hidden, _ = V.VARIANTS["hidden_weight_column"](table)
    result = validated(hidden, tmp_path / "v")
    assert _judged(result) == _judged(validated(table, tmp_path / "b"))
    (said,) = _codes(result, "LAYOUT_HIDDEN_COLUMNS")
    assert "已按填报数据读取" in said.message and "第 G 列" in said.message


# ---------------------------------------------------------------- 2. numbers typed with a leading apostrophe


def test_numbers_typed_with_an_apostrophe_are_read_as_numbers_and_said(tmp_path) -> None:
    """贵池 with every plain figure typed '95 (quotePrefix text): read as the numbers they show — the same 错误/警告 and
    the same scores as published — and one READ_NUMBER_AS_TEXT 提示 naming the cells. Failed at main: no 提示."""
    table = load_table(CORPUS / f"{_GUICHI}.toml")
    quoted, _ = V.quote_prefix(table)
    result = validated(quoted, tmp_path / "v")
    assert _judged(result) == _judged(validated(table, tmp_path / "b"))
    (said,) = _codes(result, "READ_NUMBER_AS_TEXT")
    assert said.severity.value == "info" and "前置撇号" in said.message
    assert said.actual == str(len(quoted.meta["quoted"]))
    typed = copy.deepcopy(table)
    typed.meta["typed_in_excel"] = True  # the same figures as number cells
    as_text = read_submission(render(quoted, tmp_path / "q")).evaluations[0]
    as_numbers = read_submission(render(typed, tmp_path / "n")).evaluations[0]
    scores = [to_decimal(i.score.raw) for i in as_text.indicators]
    assert scores == [to_decimal(i.score.raw) for i in as_numbers.indicators] and any(scores)
    assert {type(i.score.raw) for i in as_text.indicators if i.score.raw} == {str}


def test_a_text_that_is_no_number_is_not_said_to_be_one(tmp_path) -> None:
    """A quote-prefixed cell holding words ('已完成) is plain text: no READ_NUMBER_AS_TEXT for it."""
    table = load_table(CORPUS / f"{_GUICHI}.toml")
    words = [
        (r, c)
        for r, row in enumerate(table.rows)
        for c, cell in enumerate(row)
        if cell and not any(ch.isdigit() for ch in cell)
    ]
    table.meta["quoted"] = words
    assert not _codes(validated(table, tmp_path / "v"), "READ_NUMBER_AS_TEXT")


# ---------------------------------------------------------------- 3. a 二级 merge spanning two 一级


#: 湖北 蔡甸 森林防火 2021 (traditional characters): rows 14 (產出指標) and 15 (效益指標) a 一级 boundary
_CAIDIAN = "hubei-caidian-senlinfanghuo-2021"


def test_a_level2_merge_across_two_level1_reads_each_row_under_its_own(tmp_path) -> None:
    """蔡甸 with 產出成本 merged from row 14 over row 15, the first 效益指標 row: row 15 stays under 效益指標, takes no
    二级 of the 产出 group, and the verdicts are the published ones (a pin: already so at main)."""
    table = load_table(CORPUS / f"{_CAIDIAN}.toml")
    crossed, _ = V.level2_across_level1(table)
    assert "B14:B15" in crossed.merges
    ev = read_submission(render(crossed, tmp_path / "r")).evaluations[0]
    by_row = {i.row: i for i in ev.indicators}
    assert "產出" in by_row[14].level1.text and "效益" in by_row[15].level1.text
    assert by_row[15].level2.text == "" and by_row[16].level2.text.startswith("社會效益")
    assert _judged(validated(crossed, tmp_path / "v")) == _judged(validated(table, tmp_path / "b"))


# ---------------------------------------------------------------- 4. "联系电话接通" alone on its row


@pytest.mark.parametrize("name", ["联系电话接通", "联系电话畅通", "填报日期准确"])
def test_a_phone_or_date_word_run_into_words_alone_is_data(name) -> None:
    """A 联系电话 or 填报日期 is followed by figures, never a person's name: "联系电话接通" alone on its row is an
    indicator's name, not a signature. Failed at main: read as "联系电话 接通 (a name)", a note."""
    assert classify_row(Grid(name="s", rows=[[name]]), 0) is not RowKind.NOTE


@pytest.mark.parametrize("row", [["填报人张三"], ["审核人李四"], ["联系电话13800000000"], ["填报日期2023年1月5日"]])
def test_a_person_word_run_into_a_name_alone_stays_a_signature(row) -> None:
    """A guard (so at read29's parent too): a 填报人/审核人 run into a name, or a 联系电话/填报日期 run into its figures, is still
    the signature line the words-only rule above must not take for data."""
    assert classify_row(Grid(name="s", rows=[row]), 0) is RowKind.NOTE


#: 安徽 休宁 2023 (stored cut short): its indicator header at row 13, row 18's S16 (its actual repeats the target)
_XIUNING = "anhui-xiuning-wanzhegan-zhanchen-2023"


def test_an_indicator_named_after_a_phone_word_keeps_the_table_going(tmp_path) -> None:
    """休宁 with an indicator "联系电话接通" (nothing filled) inserted after row 16: the rows after it are still the
    table's — row 18's finding (row 19 now) is found. Failed at main: the row read as a signature line ended the table."""
    table = load_table(CORPUS / f"{_XIUNING}.toml")
    grown = P.insert_row(table, 16)
    grown.rows[16][3] = "联系电话接通"
    ev = read_submission(render(grown, tmp_path / "r")).evaluations[0]
    assert any(i.name.text == "联系电话接通" for i in ev.indicators)
    assert len(ev.indicators) == len(read_submission(render(table, tmp_path / "b")).evaluations[0].indicators) + 1
    base = {
        (f.code, f.severity.value)
        for f in validated(table, tmp_path / "vb").findings
        if getattr(f.ref, "row", None) == 18
    }
    assert base and base <= {
        (f.code, f.severity.value)
        for f in validated(grown, tmp_path / "v").findings
        if getattr(f.ref, "row", None) == 19
    }
