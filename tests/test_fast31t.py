"""fast31t (issue 14): the same work not done twice in one test or one process — the sheet-pass sweep's per-row calls,
the import graph's parse — and a new Word table's cell texts set without python-docx's clearing queries."""

from __future__ import annotations

import docx
import test_perf27r
import test_start23_imports
from docx.oxml.xmlchemy import serialize_for_reading
from render import CORPUS, grid_of, load_table
from test_document_realreport import _add_table, _add_table_in_place, _new_document


def test_the_sheet_pass_check_says_whether_the_plain_kinds_read_an_overview() -> None:
    """`_check` hands back what the sweep counted by making every per-row call of the grid again: a 部门 table of 岳阳
    reads an overview (one of three in the corpus), a 项目 table of 亳州 none."""
    for stem, overview in (
        ("hunan-yueyang-chengguanjiandu-bumen-2018", True),
        ("anhui-bozhou-rengongzengyu-mubiao-2023", False),
    ):
        grid = grid_of(load_table(CORPUS / f"{stem}.toml"))
        assert (test_perf27r.read_overview(grid, test_perf27r._plain(grid)[2]) is not None) is overview
        assert test_perf27r._check(grid, stem) is overview


def test_the_import_graph_parses_each_module_once_a_process() -> None:
    """Both graph tests follow perfxl.validate's imports: the second asks the parse the first made."""
    known = test_start23_imports._module_files()
    path = known["perfxl.validate"]
    first = test_start23_imports._imports("perfxl.validate", path, known)
    parsed = test_start23_imports._targets.cache_info().misses
    assert test_start23_imports._imports("perfxl.validate", path, known) == first and "perfxl.reader" in first
    assert test_start23_imports._targets.cache_info().misses == parsed


def test_cell_texts_set_in_place_are_python_docx_s_own_for_every_kind_of_text() -> None:
    """Tabs, line breaks, blank ends (xml:space), numbers and merged cells: the same `w:tbl` as python-docx's cells."""
    table = {
        "rows": [
            ["名称", "a\tb", " 前后空格 ", ""],
            ["行1\n行2", 12.5, "", "x"],
            ["合计", "", "", "3"],
        ],
        "merges": ["B3:C3", "D1:D2"],
    }
    fast, plain = _new_document(), docx.Document()
    _add_table_in_place(fast, table)
    _add_table(plain, table)
    [fast_tbl], [plain_tbl] = fast.element.body.tbl_lst, plain.element.body.tbl_lst
    assert serialize_for_reading(fast_tbl) == serialize_for_reading(plain_tbl)
