"""perf26l's shortcuts in the layout's row, each held against its plain form on every real table of tests/realworld and
on probe variants of them (docs/performance.md, "perf26l").

- An indicator row of a table without an extra role (nature, unit, progress, forecast, criteria, own score: none of
  `evaluation._EXTRA_ROLES` among its columns) builds its `Indicator` straight away; the general path
  (`_Reader._with_extras`) must read every such table alike — the readings compared with the plan's flag forced.
- `classify_row` asks `_ends_table` only of a row whose first cell's label opens as a note's or ends as an approval
  box's: no row it reads as a plain data row (OTHER) may be one `_ends_table` says ends a table.
- A row's one repeated text counted by `list.count`, and the sheet's first 基础数据表 row found by the kinds list's own
  search, as their plain forms (a set, a generator)."""

from __future__ import annotations

import random
import sys
from functools import cache
from pathlib import Path
from typing import Any

import hypothesis_budget
import pytest
from hypothesis_budget import draws

from perfxl import chinese as C
from perfxl.grid import Grid
from perfxl.layout import detect as D
from perfxl.layout import evaluation as E
from perfxl.layout import headers as H
from perfxl.layout.cells import row_cells, row_labels
from perfxl.layout.detect import RowKind
from perfxl.reader import read_grids

CORPUS = Path(__file__).parent / "realworld"
sys.path.insert(0, str(CORPUS))

from render import corpus_files, corpus_grids, load_table  # type: ignore[import-not-found]  # noqa: E402

#: Probe variants that change what the layout reads a row by: merges, columns, headers, blank columns, run-on heads.
_VARIANTS = (
    "group_merged",
    "group_first_only",
    "unmerged",
    "unmerged_filled",
    "empty_column_b",
    "unit_column",
    "header_spaces",
    "swap_target_actual",
    "head_break",
    "note_column",
)


@cache
def _grids() -> tuple[tuple[str, Grid], ...]:
    """Every real table's grid, then the probe variants' grids of every third table (every ninth in the fast loop;
    `unit_column`, the variant adding an extra role, of every table)."""
    return corpus_grids(_VARIANTS, 9 if hypothesis_budget.FAST else 3, every_table=("unit_column",))


def _readings(grid: Grid, name: str) -> list[str]:
    """Every table's indicators and the sheet's findings as text (a fresh copy of the grid: its row caches apart)."""
    sub = read_grids([Grid(grid.name, [list(r) for r in grid.rows], grid.merged)], name)
    tables = [*sub.evaluations, *sub.declarations, *sub.monitoring]
    return [repr(ind) for t in tables for ind in t.indicators] + [repr(f) for f in sub.problems]


def test_the_plain_indicator_row_reads_as_the_general_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """A table without an extra role read by the plain path and by `_with_extras` gives the same indicators and
    findings; a table with one is read by `_with_extras` either way (counted: both kinds are met)."""
    plan_of = E._Reader._plan_of
    grids = _grids()[:: 6 if hypothesis_budget.FAST else 1]  # (the fast loop: every sixth grid)
    plain = [_readings(g, name) for name, g in grids]
    seen = {True: 0, False: 0}

    def general(self: Any, cols: dict[str, int]) -> Any:
        plan = plan_of(self, cols)
        seen[plan[-1]] += 1
        self.ind_plan = (*plan[:-1], True)
        return self.ind_plan

    monkeypatch.setattr(E._Reader, "_plan_of", general)
    for (name, g), before in zip(grids, plain, strict=True):
        assert _readings(g, name) == before, name
    assert seen[True] > 20 and seen[False] > 20, seen


def _lead(grid: Grid, r: int) -> str | None:
    cells, labels = row_cells(grid, r), row_labels(grid, r)
    return labels[0][1] if labels and cells and cells[0][0] == labels[0][0] else None


def test_no_row_read_as_data_ends_a_table() -> None:
    """On every row of every grid: a row `classify_row` reads as OTHER is none `_ends_table` ends a table by, and the
    rows `_ends_table` says end one (notes, approval boxes) are met — the corpus holds them."""
    ends = 0
    for name, grid in _grids():
        for r in range(grid.n_rows):
            kind = D.classify_row(grid, r)
            cells = row_cells(grid, r)
            if not cells:
                continue
            labels = row_labels(grid, r)
            texts = [lab for _, lab in labels]
            one_text = len(texts) == len(cells) and len(set(texts)) == 1
            ended = D._ends_table(cells, labels, one_text)
            ends += ended
            assert not (ended and kind is RowKind.OTHER), (name, r, texts)
            if ended:
                lead = _lead(grid, r)
                assert lead is not None and (lead.startswith(H.NOTE_PREFIXES) or lead.endswith(H.APPROVAL_ENDINGS))
    assert ends > 50


def test_a_made_up_row_ending_a_table_is_read_as_a_note() -> None:
    """Rows opening as notes and approval boxes, with seal lines and data after them, drawn afresh: `classify_row`
    says NOTE exactly when `_ends_table` says the row ends a table and no known label is among its texts."""
    rng = random.Random(2626)
    heads = [*H.NOTE_PREFIXES, *(f"单位{e}" for e in H.APPROVAL_ENDINGS), "项目", "说明", "注", "审核", "……"]
    rest = ["(盖章)", "单位公章:年月日", "12家", "95%", "达标", "", "注：", "签字", "其他"]
    for _ in range(draws(3000, 400)):
        row = [rng.choice(heads) + rng.choice(("", "见附件", "：无"))] + [
            rng.choice(rest) for _ in range(rng.randint(0, 4))
        ]
        grid = Grid("表1", [["", *row]] if rng.random() < 0.2 else [row], ())
        cells = row_cells(grid, 0)
        labels = row_labels(grid, 0)
        texts = [lab for _, lab in labels]
        if not cells or any(map(H.is_known_label, texts)):
            continue
        kind = D.classify_row(grid, 0)
        if kind not in (RowKind.NOTE, RowKind.OTHER):
            continue  # a title, a grade or a head field, read before the table's end is asked
        one_text = len(texts) == len(cells) and len(set(texts)) == 1
        assert (kind is RowKind.NOTE) == D._ends_table(cells, labels, one_text), row


def test_one_repeated_text_and_the_first_basic_row_as_their_plain_forms() -> None:
    """`list.count` against a set of the texts; the first TITLE_BASIC or BASIC_SECTION by `index` against a
    generator, on random rows and kind lists."""
    rng = random.Random(2627)
    kinds = list(RowKind)
    for _ in range(draws(4000, 500)):
        texts = [rng.choice(("a", "b", "注", "")) for _ in range(rng.randint(1, 6))]
        assert (texts.count(texts[0]) == len(texts)) == (len(set(texts)) == 1)
        row = [rng.choice(kinds) for _ in range(rng.randint(0, 12))]
        plain = next((r for r, k in enumerate(row) if k in (RowKind.TITLE_BASIC, RowKind.BASIC_SECTION)), None)
        found = min((row.index(k) for k in (RowKind.TITLE_BASIC, RowKind.BASIC_SECTION) if k in row), default=None)
        assert found == plain


def _convert_as_before(text: str) -> str:
    """`chinese._convert` as it was: `looks_traditional` asked first, OpenCC for a text it says yes to."""
    if not C.looks_traditional(text):
        return text
    conv = C._get()
    return conv.convert(text) if conv is not None else text


def test_the_simplified_form_is_told_as_before() -> None:
    """`_convert`'s own GB2312 test against `looks_traditional` first: on every text of the real tables and on random
    texts of GB2312 characters, the characters OpenCC converts in and out of phrases, ideographs GB2312 lacks, "㎡",
    a no-break space and ASCII — the same text back, converted or not, and `to_simplified` through the cache alike."""
    texts = {cell for t in map(load_table, corpus_files()) for row in t.rows for cell in row if cell}
    rng = random.Random(2628)
    alphabet = [
        "达",
        "标",
        "率",
        "%",
        "1",
        "a",
        " ",
        "\u00a0",
        "㎡",
        "們",
        "後",
        "於",
        "沈",
        "默",
        "覆",
        "盖",
        "㐀",
        "率",
    ]
    texts |= {"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8))) for _ in range(draws(4000, 500))}
    converted = 0
    for text in sorted(texts):
        before = _convert_as_before(text)
        assert C._convert(text) == before, text
        assert C.to_simplified(text) == (before if text and not text.isascii() else text), text
        converted += before != text
    assert converted > 100 or not C.available()
