"""`==`, `hash` and `repr` of a dataclass made without `exec` (issue 14: the start-up of `perfxl validate`).

Python 3.11's `dataclasses` writes each generated method as source text and `exec`s it: ≈ 0.65 M instructions a
method, ≈ 455 methods when `perfxl validate` starts (perf15s counted them), `__eq__`, `__repr__` and `__hash__` 3 of
the 6 a frozen class gets. `value_methods` gives a class made by `@dataclass(frozen=True, eq=False, repr=False)` the
three methods the plain `@dataclass(frozen=True)` would generate, as closures over the class's field names (a mutable
class, `@dataclass(eq=False, repr=False)`, gets `__eq__` and `__repr__`, and `__hash__` None, as `@dataclass` makes it):

- `__eq__`: another object of the very same class (`other.__class__ is self.__class__`) is equal when the tuples of
  their `compare` fields are (tuples: an element is equal to itself first, as the generated method's tuples);
  anything else gets `NotImplemented`.
- `__hash__`: the hash of the tuple of the fields `field(hash=…)` names, or else the `compare` ones.
- `__repr__`: `ClassName(a=1, b='x')` over the `repr` fields, with the generated method's guard against recursion
  ("...").

The same values, hashes and texts as the generated methods (`tests/test_perf24b.py` holds each decorated class to a
twin made by `dataclasses` itself, on the objects a real workbook's reading builds); `dataclasses.fields`, `replace`,
`asdict`, `__match_args__`, slots and frozen assignment are the dataclass's own. `order=True` or `unsafe_hash=True`
classes and classes defining any of the three methods themselves are refused (a RuntimeError at import): they keep
`dataclasses`'.
"""

from __future__ import annotations

import dataclasses
import reprlib
from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar

__all__ = ["value_methods"]

T = TypeVar("T", bound=type)


def _tuple_of(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """A function returning the tuple of `names`' values of an object (`attrgetter` returns a bare value for one name)."""
    if len(names) >= 2:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    return lambda obj: ()


def value_methods(cls: T) -> T:
    """Give dataclass `cls` (made with `eq=False, repr=False`) the `__eq__`, `__hash__` and `__repr__` that `@dataclass`
    would generate (module docstring; a mutable class's `__hash__` is None, unhashable). Put above the `@dataclass(…)`
    line."""
    params = getattr(cls, "__dataclass_params__", None)
    if params is None or params.eq or params.repr or params.order or params.unsafe_hash:
        raise RuntimeError(f"{cls.__name__}: value_methods needs @dataclass(eq=False, repr=False)")
    if any(name in cls.__dict__ for name in ("__eq__", "__repr__")) or cls.__dict__.get("__hash__") is not None:
        raise RuntimeError(f"{cls.__name__}: defines __eq__, __hash__ or __repr__ itself")
    fields = dataclasses.fields(cls)
    compared = _tuple_of(tuple(f.name for f in fields if f.compare))
    hashed = _tuple_of(tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash)))
    shown = tuple(f.name for f in fields if f.repr)

    def __eq__(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return compared(self) == compared(other)
        return NotImplemented

    def __hash__(self: Any) -> int:
        return hash(hashed(self))

    @reprlib.recursive_repr()
    def __repr__(self: Any) -> str:
        return f"{self.__class__.__qualname__}({', '.join(f'{name}={getattr(self, name)!r}' for name in shown)})"

    for method in (__eq__, __hash__, __repr__):
        method.__qualname__ = f"{cls.__qualname__}.{method.__name__}"
        setattr(cls, method.__name__, method)
    if not params.frozen:  # a mutable class with `==` is unhashable, as `dataclasses` makes it
        cls.__hash__ = None  # type: ignore[assignment]
    return cls
