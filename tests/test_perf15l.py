"""perf15l's shortcuts in the layout, each held against its plain form (docs/performance.md, branch perf15l).

- `a1_text` (the A1 texts' parts kept by row and column) gives `model.a1`'s text for every place, kept or not;
- `cell_of` gives the ref `Grid.ref` gives, wherever the cell lies (rows beyond the kept texts too);
- `is_known_label` answers a label with no colon and nothing `_forms` strips by itself, as its forms answer;
- `looks_traditional` finds a GB2312 character OpenCC converts by a character class, as the set finds it.
"""

from __future__ import annotations

import random

from hypothesis_budget import draws

from perfxl import model
from perfxl.chinese import GB2312_CONVERTED, looks_traditional
from perfxl.grid import Grid
from perfxl.layout import headers
from perfxl.layout.cells import a1_text, cell_of
from perfxl.model import a1
from tests.test_start25b import traditional_by_character


def test_a1_text_is_model_a1_for_any_place():
    rng = random.Random(15)
    places = [(0, 0), (-1, 0), (0, -1), (-3, -2), (model._A1_KEPT, 0), (0, model._A1_KEPT), (1 << 20, 16383)]
    places += [(rng.randrange(-5, 70_000), rng.randrange(-5, 700)) for _ in range(20_000)]
    for r, c in places:
        assert a1_text(r, c) == a1(r + 1, c + 1), (r, c)


def test_cell_refs_are_the_grid_s_beyond_the_kept_texts():
    far = len(model._ROW_TEXTS) + 100
    rows = [[None] * 3 for _ in range(far + 3)]
    rows[far][1] = "x"
    grid = Grid("表1", rows, merged=((far, 1, far + 2, 2),))
    for r, c in [(far, 1), (far + 1, 2), (far + 2, 1), (2, 0)]:
        made = cell_of(grid, r, c, grid.raw(r, c))
        assert made.place() == grid.ref(r, c) and repr(made.place()) == repr(grid.ref(r, c))


def _known_plain(label: str) -> bool:
    known = headers._known_forms()
    head = label.partition(":")[0]
    return any(f in known for f in headers._forms(label)) or (
        head != label and any(f in known for f in headers._forms(head))
    )


def test_known_label_shortcut_answers_as_the_forms_do():
    rng = random.Random(1515)
    known = sorted(headers._known_forms())
    bits = ["", ":", "(", ")", "[", "]", "=", "1", "19", "20", "其中", "资", "绩效指标", "合计", "得分", "x", "名称"]
    labels = ["", ":", "绩效指标", "2023年", *known]
    for _ in range(draws(20_000, 2_000)):
        base = rng.choice(known) if rng.random() < 0.6 else "".join(rng.choices(bits, k=rng.randrange(1, 4)))
        labels.append(rng.choice(bits) + base + rng.choice(bits) if rng.random() < 0.5 else base)
    for label in labels:
        assert headers.is_known_label.__wrapped__(label) == _known_plain(label), label


def _traditional_plain(text: str) -> bool:
    """The rule by character (start25b: a text outside GB2312 only for symbols such as "㎡" is not traditional)."""
    return traditional_by_character(text)


def test_traditional_test_by_its_character_class_answers_as_the_set():
    rng = random.Random(151)
    chars = [*GB2312_CONVERTED, *"产出指标年度满意度於後徵乾產業務㎡%90 .()（）:-—", "a", "1", "\u3400", "\U00020000"]
    texts = ["", *GB2312_CONVERTED]
    texts += ["".join(rng.choices(chars, k=rng.randrange(1, 12))) for _ in range(draws(20_000, 2_000))]
    for text in texts:
        assert looks_traditional(text) == _traditional_plain(text), text
