"""perfxl's value classes made without `exec` (issue 14: the start-up of `perfxl validate`).

Python 3.11's `dataclasses` writes each generated method as source text and `exec`s it: ≈ 1 M instructions a method
(parsed, compiled, run), ≈ 455 methods when `perfxl validate` started (perf15s counted them). `record` gives a class
what `@dataclass` would, from functions made once here instead (perf24b's `value_methods`, which made only `==`, `hash`
and `repr` so, is folded in):

- `record(frozen=…, slots=…, order=…)` in place of `@dataclass(frozen=…, slots=…, order=…)`: the whole class. The
  fields, `fields`/`replace`/`asdict`, `__match_args__` and slots stay `dataclasses`' own (it is called with
  `init=False, eq=False, repr=False`, which makes it `exec` nothing); `__init__`, `==`, `hash`, `repr`, the order
  methods, a frozen class's `__setattr__`/`__delattr__` (and a frozen slotted class's pickling state) come from here,
  and `__dataclass_params__` then says what the class is (`frozen`, `eq`, … as `@dataclass` would have set them).

What each method does, as the generated one does it:

- `__init__`: the fields in order as parameters, their defaults, `<factory>` for a `default_factory` (called when the
  argument is not given), each value set by `object.__setattr__` (frozen) or assignment, then `__post_init__()` when
  the class has one. Its code is `_init_body`'s with the parameters renamed (`CodeType.replace`): Python itself binds
  the arguments — the same signature, defaults and argument errors as a written `def __init__(self, a, b=…)` — and the
  body hands `locals()` to the class's filler (`_filler`).
- `__eq__`: another object of the very same class (`other.__class__ is self.__class__`) is equal when the tuples of
  their `compare` fields are (tuples: an element is equal to itself first, as the generated method's tuples);
  anything else gets `NotImplemented`. `<`, `<=`, `>`, `>=` (`order=True`) compare the same tuples so.
- `__hash__`: the hash of the tuple of the fields `field(hash=…)` names, or else the `compare` ones; None (unhashable)
  for a mutable class, as `dataclasses` makes it.
- `__repr__`: `ClassName(a=1, b='x')` over the `repr` fields, with the generated method's guard against recursion.
- a frozen class's `__setattr__`/`__delattr__`: `FrozenInstanceError` for a field (or any name on the class itself),
  else `object`'s; a frozen slotted class pickles and copies its fields as a list, as `dataclasses` adds it.

`tests/test_perf25a.py` holds every `record` class to a twin `dataclasses` makes from the same fields (signature,
defaults, factories, `__post_init__`, assignment, pickling, order, `__dataclass_params__`, docstring), and
`tests/test_perf24b.py` their `==`, `hash` and `repr` on the objects real validations build. What `record` does not
make is refused at import (a RuntimeError): `InitVar`/`ClassVar` pseudo-fields, `kw_only` or `init=False` fields, a
dataclass base class, a class defining any of the methods itself, a field named `self` (and `unsafe_hash` is no
parameter). Two differences from the generated methods, outside what perfxl does with its classes: an `__init__`'s
`__globals__` is a small dict of its own (its string annotations resolve by `typing.get_type_hints(cls)`, not
`get_type_hints(cls.__init__)`), and a frozen slotted class refuses an unknown attribute with `FrozenInstanceError`
where Python 3.11's generated `__setattr__`, bound to the class before `slots` re-made it, fails in `super()`.
"""

from __future__ import annotations

import builtins
import dataclasses
import inspect
import operator
import reprlib
import types
from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar, cast, dataclass_transform

__all__ = ["record"]

T = TypeVar("T", bound=type)

#: The methods `record` makes (besides `__hash__`); a class defining one of them itself is refused.
_MADE: tuple[str, ...] = ("__init__", "__eq__", "__repr__", "__lt__", "__le__", "__gt__", "__ge__")
_MADE += ("__setattr__", "__delattr__", "__getstate__", "__setstate__")
_ORDER = (("__lt__", operator.lt), ("__le__", operator.le), ("__gt__", operator.gt), ("__ge__", operator.ge))


class _Factory:
    """The default an `__init__` parameter shows for a field with a `default_factory` (`<factory>`, as `dataclasses`'
    own sentinel shows): an argument left at it gets the factory's value."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY: Any = _Factory()


def _fill_(obj: Any, values: dict[str, Any]) -> None:
    """Only a name: each record's `__init__` runs `_init_body`'s code under globals of its own, where `_fill_` is its
    class's filler (`_filler`)."""
    raise RuntimeError("_init_body runs only as a record's __init__")


def _init_body(self: Any) -> None:
    """The code of every record's `__init__`, its parameters renamed to the class's fields (`_init_method`): the
    arguments Python bound, `self` included, handed to the class's filler."""
    _fill_(self, locals())


def _filler(
    names: tuple[str, ...], factories: dict[str, Callable[[], Any]], post_init: bool, assign: Callable[..., None]
) -> Callable[[Any, dict[str, Any]], None]:
    """The body of a class's `__init__`: each field set from the bound arguments (`values`) in order, a factory's value
    for an argument left at `<factory>`, then `__post_init__()` when the class has one."""
    if not factories and not post_init:

        def fill_plain(obj: Any, values: dict[str, Any]) -> None:
            for name in names:
                assign(obj, name, values[name])

        return fill_plain

    def fill(obj: Any, values: dict[str, Any]) -> None:
        for name in names:
            value = values[name]
            if value is _FACTORY and name in factories:
                value = factories[name]()
            assign(obj, name, value)
        if post_init:
            obj.__post_init__()

    return fill


def _init_method(cls: type, fields: tuple[dataclasses.Field[Any], ...], frozen: bool) -> Callable[..., None]:
    """`cls.__init__(self, <fields>)` as `dataclasses` would generate it (module docstring), without compiling."""
    names = tuple(f.name for f in fields)
    defaults: list[Any] = []
    factories: dict[str, Callable[[], Any]] = {}
    for f in fields:
        if f.default_factory is not dataclasses.MISSING:
            factories[f.name] = f.default_factory
            defaults.append(_FACTORY)
        elif f.default is not dataclasses.MISSING:
            defaults.append(f.default)
        elif defaults:
            raise TypeError(f"non-default argument {f.name!r} follows default argument")
    fill = _filler(names, factories, hasattr(cls, "__post_init__"), object.__setattr__ if frozen else setattr)
    code = _init_body.__code__.replace(
        co_argcount=1 + len(names),
        co_nlocals=1 + len(names),
        co_varnames=("self", *names),
        co_name="__init__",
        co_qualname=f"{cls.__qualname__}.__init__",
    )
    scope = {"__builtins__": builtins, "__name__": cls.__module__, "_fill_": fill}
    init = types.FunctionType(code, scope, "__init__", tuple(defaults) or None)
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__annotations__ = {**{f.name: f.type for f in fields}, "return": None}
    return init


def _frozen_methods(cls: Any, names: tuple[str, ...], slots: bool) -> dict[str, Callable[..., Any]]:
    """A frozen class's `__setattr__`/`__delattr__` (and, slotted, `__getstate__`/`__setstate__`), as `dataclasses`
    makes them."""

    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    def __getstate__(self: Any) -> list[Any]:
        return [getattr(self, name) for name in names]

    def __setstate__(self: Any, state: list[Any]) -> None:
        for name, value in zip(names, state, strict=False):
            object.__setattr__(self, name, value)  # (not `setattr`: the class is frozen)

    made: list[Callable[..., Any]] = [__setattr__, __delattr__]
    if slots:
        made += [__getstate__, __setstate__]
    return {method.__name__: method for method in made}


def _tuple_of(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """A function returning the tuple of `names`' values of an object (`attrgetter` returns a bare value for one name)."""
    if len(names) >= 2:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    return lambda obj: ()


def _comparison(op: Callable[[Any, Any], Any], compared: Callable[[Any], tuple[Any, ...]]) -> Callable[..., Any]:
    """An order method: `op` of the compared tuples of two objects of the very same class, else `NotImplemented`."""

    def method(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return op(compared(self), compared(other))
        return NotImplemented

    return method


def _value_methods(cls: type, fields: tuple[dataclasses.Field[Any], ...], order: bool) -> dict[str, Any]:
    """`__eq__`, `__hash__`, `__repr__` and, with `order`, the four comparisons, over `fields` (module docstring)."""
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

    made: dict[str, Any] = {"__eq__": __eq__, "__hash__": __hash__, "__repr__": __repr__}
    if order:
        made |= {name: _comparison(op, compared) for name, op in _ORDER}
    return made


def _install(cls: type, methods: dict[str, Any], frozen: bool) -> None:
    """Set `methods` on `cls` under its qualname; a mutable class with `==` is unhashable, as `dataclasses` makes it."""
    if not frozen:
        del methods["__hash__"]
    for name, method in methods.items():
        method.__qualname__ = f"{cls.__qualname__}.{name}"
        setattr(cls, name, method)
    if not frozen:
        cls.__hash__ = None  # type: ignore[assignment]  # unhashable when mutable, as a dataclass with eq and no frozen


@dataclass_transform(field_specifiers=(dataclasses.field, dataclasses.Field))
def record(*, frozen: bool = False, slots: bool = False, order: bool = False) -> Callable[[T], T]:
    """The class decorator for `@dataclass(frozen=…, slots=…, order=…)` without `exec` (module docstring): the same
    class, its methods made here."""

    def make(cls: T) -> T:
        if any(name in cls.__dict__ for name in _MADE) or cls.__dict__.get("__hash__") is not None:
            raise RuntimeError(f"{cls.__name__}: defines a method record makes itself")
        if any(dataclasses.is_dataclass(base) for base in cls.__mro__[1:]):
            raise RuntimeError(f"{cls.__name__}: a record cannot derive from a dataclass")
        documented = bool(cls.__dict__.get("__doc__"))
        if not documented:  # (a placeholder: else `dataclasses` asks the signature of a class without `__init__`)
            cls.__doc__ = cls.__name__
        made: Any = dataclasses.dataclass(cls, init=False, repr=False, eq=False, slots=slots)  # (exec's nothing)
        fields = dataclasses.fields(made)
        names = tuple(f.name for f in fields)
        if len(fields) != len(made.__dataclass_fields__) or "self" in names:
            raise RuntimeError(f"{cls.__name__}: InitVar/ClassVar pseudo-fields or a field named self")
        if any(f.kw_only is True or not f.init for f in fields):
            raise RuntimeError(f"{cls.__name__}: a kw_only or init=False field")
        methods = {"__init__": _init_method(made, fields, frozen), **_value_methods(made, fields, order)}
        if frozen:
            methods |= _frozen_methods(made, names, slots)
        _install(made, methods, frozen)
        params = made.__dataclass_params__
        params.init = params.repr = params.eq = True
        params.order, params.frozen = order, frozen
        if not documented:  # as `dataclasses` writes a class's missing docstring: its name and signature
            try:
                made.__doc__ = made.__name__ + str(inspect.signature(made)).replace(" -> None", "")
            except (TypeError, ValueError):
                made.__doc__ = made.__name__
        return cast(T, made)

    return make
