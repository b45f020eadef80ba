"""Session 28, branch batch28L (issue 14): the layout's label matching memoised across a batch worker's files.

- `layout.headers.match_role` keeps a memo a table (text → role): a batch worker meets a province's same headers and
  row labels in every file. Held here against the plain match (`_match` over a freshly built index) on every text cell
  of the 217 real tables (raw and normalised), on random label-like strings and on non-texts, each asked twice (the
  second answer from the memo), against every header table the layout asks.
- `layout.detect.columns_by_role` keeps a memo by the row's (column, label) pairs and the table: held against the
  plain loop (`_roles_of` with the plain match) on every row of every real table, for every table, with `start` and
  `skip` — each answer a new dict (a caller changing it changes no later answer).
- Both memos are bounded: emptied when full.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from test_document_realreport import fast_share

from perfxl.chinese import CACHE_MAX_LEN
from perfxl.grid import Grid
from perfxl.labels import normalise_label
from perfxl.layout import detect as D
from perfxl.layout import headers as H
from perfxl.layout.cells import clear_cache, row_labels

CORPUS = Path(__file__).parent / "realworld"

#: Every header table the layout matches labels against.
TABLES = {
    "INDICATOR_COLUMNS": H.INDICATOR_COLUMNS,
    "HEADER_FIELDS": H.HEADER_FIELDS,
    "BASIC_ROWS": H.BASIC_ROWS,
    "STAFFING_COLUMNS": H.STAFFING_COLUMNS,
    "OVERVIEW_LABELS": H.OVERVIEW_LABELS,
    "GOAL_COLUMNS": H.GOAL_COLUMNS,
    "FUNDS_COLUMNS": H.FUNDS_COLUMNS,
    "BUILDING_COLUMNS": H.BUILDING_COLUMNS,
    "PROCUREMENT_COLUMNS": H.PROCUREMENT_COLUMNS,
}


def _plain_match(value: object, table: dict[str, tuple[str, ...]]) -> str | None:
    """main's `match_role`: no memo (the table's synonym index built once a table, as main keeps it)."""
    if value is None:
        return None
    index = _PLAIN_INDEXES.get(id(table))
    if index is None or index[0] is not table:
        index = _PLAIN_INDEXES[id(table)] = (table, H._build_index(table))
    return H._match(value if isinstance(value, str) else str(value), table, index[1])


_PLAIN_INDEXES: dict[int, tuple[dict, dict[str, str]]] = {}


def _grids() -> Iterator[tuple[str, Grid]]:
    """Each real table's name and grid."""
    sys.path.insert(0, str(CORPUS))
    from render import corpus_files, grid_of, load_table  # type: ignore[import-not-found]

    for path in corpus_files():
        yield path.stem, grid_of(load_table(path))


@pytest.fixture(scope="module")
def named_grids() -> list[tuple[str, Grid]]:
    return list(_grids())


@pytest.fixture(scope="module")
def grids(named_grids: list[tuple[str, Grid]]) -> list[Grid]:
    return [grid for _, grid in named_grids]


def _random_labels(rng: random.Random, n: int) -> list[str]:
    """Label-like strings: synonyms of every table with numbering, brackets, years, spaces, traditional characters,
    "原因" wordings and noise around them."""
    words = sorted({s for t in TABLES.values() for syns in t.values() for s in syns})
    bits = [
        "(一)",
        "1",
        "其中:",
        "（万元）",
        "(%)",
        "2023年",
        "绩效指标",
        " ",
        "\u3000",
        "\n",
        "原因",
        "說明",
        "預算",
        "=①+②",
    ]
    bits += ["①", "、", "：", "[备注]", "执行率=执行数/预算数", "≧", "㎡", "A", "x" * (CACHE_MAX_LEN + 5)]
    out = []
    for _ in range(n):
        parts = [rng.choice(words) for _ in range(rng.randint(0, 2))] + [
            rng.choice(bits) for _ in range(rng.randint(0, 3))
        ]
        rng.shuffle(parts)
        out.append("".join(parts))
    return out


def test_match_role_as_plain(grids: list[Grid]) -> None:
    texts: set[object] = {""}
    for grid in grids:
        for row in grid.rows:
            for v in row:
                if isinstance(v, str):
                    texts.update((v, normalise_label(v), H.strip_brackets(normalise_label(v))))
    texts.update(_random_labels(random.Random(28), 3000))
    assert len(texts) > 8_000  # (the real tables' labels are there)
    others = [None, 1, 1.0, True, False, 0, Decimal("98.50"), 2023]  # (equal as keys: 1 == 1.0 == True)
    values = [*others, *sorted(texts, key=repr), *others]
    asked = 0
    for text in values:  # (each text against every table in turn: one table's answer never serves another)
        for name, table in TABLES.items():
            want = _plain_match(text, table)
            assert H.match_role(text, table) == want, (name, text)
            assert H.match_role(text, table) == want, (name, text)  # (from the memo when the text is short)
            asked += 1
    assert asked == len(TABLES) * len(values)


def test_match_role_tables_apart() -> None:
    """Two tables listing the same label answer apart, a table made and dropped leaves no answer to the next."""
    a = {"x": (normalise_label("甲乙"),)}
    b = {"y": (normalise_label("甲乙"),)}
    assert H.match_role("甲乙", a) == "x"
    assert H.match_role("甲乙", b) == "y"
    assert H.match_role("甲乙", a) == "x"
    for i in range(50):  # tables at reused addresses: each its own answer
        t = {f"r{i}": (normalise_label("丙丁"),)}
        assert H.match_role("丙丁", t) == f"r{i}"
        del t


def _plain_columns(
    grid: Grid, r: int, table: dict[str, tuple[str, ...]], start: int, skip: frozenset[int]
) -> dict[str, int]:
    """main's `columns_by_role`: the loop over the row's labels with the plain match, no memo."""
    labels = [(c, label) for c, label in row_labels(grid, r) if c >= start and c not in skip]
    plain, H.match_role = H.match_role, _plain_match  # type: ignore[assignment]
    try:
        return D._roles_of(labels, table)
    finally:
        H.match_role = plain


@pytest.mark.parametrize(
    ("part", "floor"),
    [
        pytest.param("share", 1_700, id="share"),
        pytest.param(
            "rest", 2_500, id="rest", marks=pytest.mark.slow(reason="a sweep: the tables past the fast loop's share")
        ),
    ],
)
def test_columns_by_role_as_plain(named_grids: list[tuple[str, Grid]], part: str, floor: int) -> None:
    """A sweep over every row of the real tables in two parts (fast28b): the fast loop's fixed share of the tables
    (`fast_share`: a third, by each name's own CRC-32) and, marked slow, the others — every whole run asks all."""
    share = {p.stem for p in fast_share([CORPUS / f"{name}.toml" for name, _ in named_grids])}
    rng = random.Random(2028)
    rows = 0
    for grid in [grid for name, grid in named_grids if (name in share) == (part == "share")]:
        clear_cache(grid)
        for r in range(grid.n_rows):
            if not row_labels(grid, r):
                continue
            rows += 1
            cols = [c for c, _ in row_labels(grid, r)]
            for table in TABLES.values():
                for start, skip in ((0, frozenset()), (rng.choice(cols), frozenset()), (0, frozenset(cols[::2]))):
                    want = _plain_columns(grid, r, table, start, skip)
                    got = D.columns_by_role(grid, r, table, start, skip)
                    assert got == want, (grid.name, r, start, sorted(skip))
                    assert list(got.items()) == list(want.items())  # (the same order: first column first)
                    got["changed"] = -1  # a caller changing its dict changes no later answer
                    assert D.columns_by_role(grid, r, table, start, skip) == want
    assert rows > floor  # (1,788 and 2,609 at fast28b)


def test_memos_bounded() -> None:
    rng = random.Random(7)
    table = H.INDICATOR_COLUMNS
    for text in _random_labels(rng, 3 * H._MEMO_MAX):
        H.match_role(text + str(rng.random()), table)
        assert len(H._INDEXES[id(table)][2]) <= H._MEMO_MAX
    long = "项目名称" * CACHE_MAX_LEN  # a text over CACHE_MAX_LEN is matched, never kept
    H.match_role(long, table)
    assert long not in H._INDEXES[id(table)][2]
    rows = [[f"指标{i}", "分值", "得分", str(rng.random())] for i in range(3 * D._COLUMNS_MEMO_MAX)]
    grid = Grid("s", rows, ())
    for r in range(grid.n_rows):
        assert D.columns_by_role(grid, r, table) == {"weight": 1, "score": 2}
        assert len(D._COLUMNS_MEMO) <= D._COLUMNS_MEMO_MAX
