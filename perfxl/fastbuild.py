"""Building many instances of a frozen, slotted dataclass cheaply (issue 14), for the layout and the rules alike.

A frozen dataclass's generated `__init__` sets each field by `object.__setattr__` (its own `__setattr__` refuses); a
table of 10,000 rows builds ≈ 7 cells, an `Indicator` a row and thousands of findings so. `slot_twin` makes a plain
class with the very slots of such a class: an instance of the twin, its slots set by plain assignment, becomes one of
the class by `obj.__class__ = cls` — the value `cls(...)` builds. Neutral (no perfxl import): `perfxl.layout` and
`perfxl.rules` (which may not import the layout) both use it; `perfxl.model` builds its findings so (`new_finding`).
"""

from __future__ import annotations

import dataclasses
from typing import Any

__all__ = ["slot_twin"]


def slot_twin(cls: type, names: tuple[str, ...], *, post_init: bool = False) -> type:
    """A plain class with the very slots of frozen, slotted dataclass `cls` (its fields `names`, all of them, in their
    order, or a RuntimeError at import): an instance of the twin, its slots set by plain assignment, becomes a `cls` by
    `obj.__class__ = cls` — the value `cls(...)` builds (equal, same hash and repr), without the generated `__init__`'s
    `object.__setattr__` a field. A class with a `__post_init__` is refused unless `post_init` is true: then the
    caller applies what its `__post_init__` does itself (`model.new_finding`), and a test holds the two alike.

    An instance of the twin is made by calling it, `twin()` (object's own `__new__` and `__init__`, the twin defining
    neither): ≈ 490 instructions fewer than `object.__new__(twin)`, a call through `tp_new_wrapper` with an argument
    tuple (perf21l). The ≈ 7 cells and the `Indicator` of an indicator row are built so (the layout's largest per-row
    cost at 10,000 rows: a cell 6.7 k instructions by slot setters, 3.9 k so), and the checks' findings
    (`Context.finding`)."""
    fields = tuple(f.name for f in dataclasses.fields(cls))
    if fields != names or (hasattr(cls, "__post_init__") and not post_init) or getattr(cls, "__slots__", None) != names:
        raise RuntimeError(f"{cls.__name__}: fields {fields}, expected {names} without __post_init__")
    twin = type(f"_{cls.__name__}Twin", (), {"__slots__": names})
    probe: Any = twin()
    for name in names:
        setattr(probe, name, None)
    probe.__class__ = cls  # (a TypeError here: the layouts differ)
    if type(probe) is not cls or any(getattr(probe, name) is not None for name in names):
        raise RuntimeError(f"{cls.__name__}: its slot twin does not become one")
    return twin
