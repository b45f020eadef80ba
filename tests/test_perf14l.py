"""perf14l's shortcuts in the layout, each held against its plain form (docs/performance.md, branch perf14l).

- the cells and the `Indicator` of a table row are built by their slot twins (`layout.cells.slot_twin`, perf15l; by slot
  setters before), not by the frozen dataclasses' `__init__`: the same values (equal, same hash, same repr), and a
  changed field list fails at import;
- `cell_of` builds a merged cell's ref inline: the one `Grid.ref` gives;
- `is_placeholder_text` says no by a text's first character: the same answer as the full test.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

import pytest
from hypothesis_budget import draws

from perfxl.grid import Grid
from perfxl.labels import SPACES
from perfxl.layout.cells import cell_of, slot_twin
from perfxl.layout.evaluation import _indicator
from perfxl.layout.headers import _PLACEHOLDER, is_placeholder_text
from perfxl.model import CellRef, CellValue, Indicator


def test_cells_built_by_their_slots_equal_those_built_by_init():
    grid = Grid("表1", [["a", "", 1.5], [None, "b", 2], ["", "", ""]], merged=((0, 0, 1, 0), (1, 1, 2, 2)))
    for r in range(3):
        for c in range(3):
            raw = grid.raw(r, c)
            fast = cell_of(grid, r, c, raw)
            plain = CellValue.of(fast.raw, grid.ref(r, c), None, False)
            assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
            assert type(fast) is CellValue and type(fast.place()) is CellRef
            with pytest.raises(AttributeError):  # still frozen
                fast.raw = 1  # type: ignore[misc]


def test_an_indicator_built_by_its_slots_equals_one_built_by_init():
    cells = [CellValue.of(f"v{i}", CellRef("s", f"A{i + 1}")) for i in range(8)]
    optional = [None, CellValue.of("%"), None, CellValue.of(3), None, CellValue.of("x"), None]
    fast, plain = _indicator(*cells, *optional), Indicator(*cells, *optional)  # type: ignore[arg-type]
    assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)


def test_slot_twins_refuse_a_field_list_other_than_the_class_s():
    @dataclass(frozen=True, slots=True)
    class Two:
        a: int
        b: int = 0

    twin = slot_twin(Two, ("a", "b"))
    two = object.__new__(twin)
    two.a = 1
    two.b = 2
    two.__class__ = Two
    assert two == Two(1, 2) and hash(two) == hash(Two(1, 2)) and repr(two) == repr(Two(1, 2))
    with pytest.raises(RuntimeError):
        slot_twin(Two, ("a",))  # a field added to the model and not to the fast constructor
    with pytest.raises(RuntimeError):
        slot_twin(Two, ("b", "a"))  # the slots in another order

    @dataclass(frozen=True, slots=True)
    class Checked:
        a: int

        def __post_init__(self) -> None:
            pass

    with pytest.raises(RuntimeError):
        slot_twin(Checked, ("a",))  # __init__ does more than set the fields


def _placeholder_plain(value: object) -> bool:
    text = SPACES.sub("", str(value)) if value is not None else ""
    return bool(text) and bool(_PLACEHOLDER.match(text))


def test_placeholder_shortcut_answers_as_the_full_test():
    rng = random.Random(14)
    alphabet = " \t\u3000\u00a0\u200b\ufeff.…。·-—–/\\a指1"
    values: list[object] = [None, "", " ", "\u200b……", "\ufeff/", "\u3000—", " . . ", "……9", 1, 1.5, "-", "-1"]
    values += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6))) for _ in range(draws(20000, 2000))]
    for value in values:
        assert is_placeholder_text(value) == _placeholder_plain(value), repr(value)
    assert re.fullmatch(r"[\s\u3000\u00a0\u200b\ufeff]+", "\u200b\ufeff")  # the spaces the shortcut lets through


def _forms_plain(label: str) -> tuple[str, ...]:
    """`headers._forms` as it was before its shortcut (every step taken)."""
    from perfxl.labels import strip_brackets, strip_numbering
    from perfxl.layout import headers as H

    base = strip_numbering(label)
    bare = strip_brackets(base)
    forms = [label, base, bare, H._YEAR.sub("", bare) if bare.startswith(("19", "20")) else bare]
    if bare.startswith(("19", "20")):
        forms.append(H._YEAR_DIGITS.sub("", bare))
    if "(" in base and H._UNCLOSED.search(base):
        forms.append(H._UNCLOSED.sub("", strip_brackets(base)))
    if "=" in bare and H._FORMULA_SIGN.search(bare.partition("=")[2]):
        forms.append(bare.partition("=")[0])
    if base.startswith(H._GROUP_PREFIX) and len(base) > len(H._GROUP_PREFIX):
        forms.append(strip_brackets(base[len(H._GROUP_PREFIX) :]))
    return tuple(dict.fromkeys(f for f in forms if f))


def test_label_forms_shortcut_gives_the_forms_of_every_step():
    from perfxl.layout.headers import _forms

    rng = random.Random(1414)
    pieces = ["其中:", "1", "12", "(1)", "(一)", "2023年", "19", "20", "绩效指标", "指标名称", "执行率", "(%)", "(B/A",
              "=", "执行数/预算数", "[注]", "资金来源:", "数", "", "0"]  # fmt: skip
    labels = [
        "",
        "执行率",
        "(1)出国经费",
        "2023年度预算数",
        "绩效指标指标名称",
        "执行率=执行数/年初预算数",
        "执行率(B/A1",
    ]
    labels += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 4))) for _ in range(draws(20000, 2000))]
    for label in labels:
        assert _forms.__wrapped__(label) == _forms_plain(label), label


def _ends_table_plain(cells: list, labels: list, one_text: bool) -> bool:
    """`detect._ends_table` as it was before its shortcut (the texts listed, the approval test whole)."""
    from perfxl.layout import headers as H
    from perfxl.layout.detect import _is_note

    texts = [lab for _, lab in labels]
    rest = set(texts[1:])
    approval = (
        bool(texts)
        and texts[0].endswith(H.APPROVAL_ENDINGS)
        and len(rest) <= 1
        and all(any(w in t for w in H.SEAL_WORDS) for t in rest)
    )
    # a note line's cells count as the distinct texts they print (a merge exported filled repeats one: held-out batch 30)
    n = len(cells) if len(labels) != len(cells) else len(set(texts))
    return bool(texts) and cells[0][0] == labels[0][0] and (_is_note(texts[0], 1 if one_text else n) or approval)


def test_table_end_shortcut_answers_as_the_plain_test():
    from perfxl.layout.detect import _ends_table

    rng = random.Random(1415)
    ends = 0
    words = ["说明:", "注:", "审核意见", "初审意见", "(盖章)", "单位公章:年月日", "签字", "指标", "预算执行率", "12"]
    draws_ = draws(20000, 2000)
    for _ in range(draws_):
        n = rng.randint(1, 4)
        cells = [(c, rng.choice(words) if rng.random() < 0.8 else 7) for c in sorted(rng.sample(range(6), n))]
        labels = [(c, v) for c, v in cells if isinstance(v, str)]
        if not labels:
            continue
        one_text = len(labels) == len(cells) and len({v for _, v in labels}) == 1
        plain = _ends_table_plain(cells, labels, one_text)
        assert _ends_table(cells, labels, one_text) == plain, cells
        ends += plain
    assert ends > draws_ // 20  # notes and approval boxes among them, not only data rows (> 1000 of the full 20000)
