"""perf25a (issue 14): `records.record` makes perfxl's value classes as `@dataclass` would, without `exec`.

Every `record` class of perfxl is held to a twin `dataclasses.make_dataclass` makes from the same fields (defaults,
factories, `compare`/`hash`/`repr`, `frozen`, `order`, `slots`, the class's `__post_init__`): the same signature and
defaults, the same fields after a positional, a keyword and a defaults-only construction, the same argument errors,
frozen assignment and deletion refused alike (a mutable class's assignment allowed alike), `__dataclass_params__`,
`__match_args__`, slots, copies and pickling. Their `==`, `hash` and `repr` are `tests/test_perf24b.py`'s (it finds
every class whose methods come from `perfxl.records`).
"""

from __future__ import annotations

import copy
import dataclasses
import inspect
import pickle
from typing import Any

import pytest
from test_perf24b import DECORATED

from perfxl.model import CERTAIN, ERROR, GUESS, WARNING, CellRef, Finding, TextRef
from perfxl.records import record


def _is_record(cls: type) -> bool:
    init = cls.__dict__.get("__init__")
    return init is not None and init.__code__.co_filename.endswith("records.py")


#: Every class of perfxl whose `__init__` `record` made (among those whose methods come from `perfxl.records`).
RECORDS = [cls for cls in DECORATED if _is_record(cls)]


def _twin(cls: type) -> type:
    """The class `dataclasses` generates for `cls`'s fields, parameters and `__post_init__`."""
    specs = []
    for f in dataclasses.fields(cls):
        kw: dict[str, Any] = {"compare": f.compare, "hash": f.hash, "repr": f.repr}
        if f.default is not dataclasses.MISSING:
            kw["default"] = f.default
        if f.default_factory is not dataclasses.MISSING:
            kw["default_factory"] = f.default_factory
        specs.append((f.name, f.type, dataclasses.field(**kw)))
    params = cls.__dataclass_params__  # type: ignore[attr-defined]
    namespace = {"__doc__": cls.__doc__}
    if "__post_init__" in vars(cls):
        namespace["__post_init__"] = vars(cls)["__post_init__"]
    twin = dataclasses.make_dataclass(
        cls.__name__,
        specs,
        namespace=namespace,
        frozen=params.frozen,
        order=params.order,
        slots="__slots__" in vars(cls),
    )
    twin.__qualname__ = cls.__qualname__
    return twin


def _fields(obj: Any) -> dict[str, Any]:
    return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}


def _outcome(call: Any) -> str:
    try:
        call()
    except Exception as exc:  # the kind of refusal: TypeError, FrozenInstanceError …
        return type(exc).__name__
    return "ok"


def test_the_model_and_the_start_up_s_classes_are_records() -> None:
    """The model's classes (every one of `perfxl.model`), and the start-up's other value classes, are made by `record`;
    the classes this test holds to their twins are the ones found."""
    from perfxl import model

    in_model = [o for o in vars(model).values() if dataclasses.is_dataclass(o) and o.__module__ == "perfxl.model"]
    assert len(in_model) >= 29 and all(_is_record(cls) for cls in in_model)
    names = {cls.__qualname__ for cls in RECORDS}
    assert {
        "CellRef",
        "TextRef",
        "Finding",
        "FileResult",
        "ParsedValue",
        "RateResult",
        "Unit",
        "CheckSettings",
    } <= names
    assert len(RECORDS) >= 100


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: f"{c.__module__}.{c.__qualname__}")
def test_a_record_is_its_dataclass_twin(cls: type) -> None:
    twin = _twin(cls)
    assert str(inspect.signature(cls)) == str(inspect.signature(twin))
    assert cls.__init__.__annotations__ == twin.__init__.__annotations__  # type: ignore[misc]
    assert repr(cls.__dataclass_params__) == repr(twin.__dataclass_params__)  # type: ignore[attr-defined]
    assert cls.__match_args__ == twin.__match_args__  # type: ignore[attr-defined]
    assert getattr(cls, "__slots__", None) == getattr(twin, "__slots__", None)
    assert (cls.__hash__ is None) == (twin.__hash__ is None)
    fields = dataclasses.fields(cls)
    names = [f.name for f in fields]
    required = [f.name for f in fields if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]
    # every field given, positionally and by keyword: each one the very value given (no `__post_init__` here: a
    # class with one is built from its own values below)
    values = {name: f"<{name}>" for name in names}
    if "__post_init__" not in vars(cls):
        for make in (lambda c: c(*values.values()), lambda c: c(**values)):
            assert _fields(make(cls)) == _fields(make(twin)) == values
        only = {name: values[name] for name in required}
        a, b, t = cls(**only), cls(**only), twin(**only)
        made = {f.name for f in fields if f.default_factory is not dataclasses.MISSING}
        assert {k: v for k, v in _fields(a).items() if k not in made} == {
            k: v for k, v in _fields(t).items() if k not in made
        }
        for name in made:  # a factory's value: of the twin's type, and made again for each object
            assert type(getattr(a, name)) is type(getattr(t, name))
            assert getattr(a, name) is not getattr(b, name) or getattr(a, name) in ((), frozenset(), "")
    # argument errors alike
    for args, kw in (((), {}), ((*values.values(), "extra"), {}), ((), {**values, "no_such_field": 1})):
        assert _outcome(lambda a=args, k=kw: cls(*a, **k)) == _outcome(lambda a=args, k=kw: twin(*a, **k))
    # assignment and deletion: refused alike (frozen) or allowed alike (mutable)
    if names:
        obj, tobj = _built(cls, values), _built(twin, values)
        for act in (lambda o: setattr(o, names[0], 1), lambda o: delattr(o, names[-1])):
            assert _outcome(lambda o=obj, a=act: a(o)) == _outcome(lambda o=tobj, a=act: a(o))
    obj = _built(cls, values)
    assert _fields(copy.copy(obj)) == _fields(copy.deepcopy(obj)) == _fields(obj)
    assert _fields(pickle.loads(pickle.dumps(obj))) == _fields(obj)
    if "__post_init__" in vars(cls):  # made-up values: its `__post_init__` may refuse them, as the twin's does
        twin_obj = _built(twin, values)
        assert _outcome(lambda: dataclasses.replace(obj)) == _outcome(lambda: dataclasses.replace(twin_obj))
    else:
        assert _fields(dataclasses.replace(obj)) == _fields(obj)


def _built(cls: type, values: dict[str, Any]) -> Any:
    """An object of `cls` holding `values` as its fields (no `__post_init__`)."""
    obj = object.__new__(cls)
    for name, value in values.items():
        object.__setattr__(obj, name, value)
    return obj


def _answer(call: Any) -> Any:
    try:
        return call()
    except TypeError:
        return TypeError


def test_post_init_runs_as_the_twin_s() -> None:
    """`Finding.__post_init__`: a guess is capped at 警告 and a quoted label nested, through `record`'s `__init__` as
    through the generated one; positional and keyword arguments alike."""
    twin = _twin(Finding)
    ref = CellRef("表", "B7")
    for args, kw in (
        (("B01", ERROR, ref, "m"), {"certainty": GUESS, "basis": "“预算”为“10”"}),
        (("B01", ERROR, ref, "m", "en", "1", "2", "f.xlsx", (), "b", "be", CERTAIN), {}),
    ):
        mine, theirs = Finding(*args, **kw), twin(*args, **kw)
        assert _fields(mine) == _fields(theirs)
    assert Finding("B01", ERROR, ref, "m", certainty=GUESS).severity is WARNING


def test_order_and_hash_of_references_as_the_twins() -> None:
    """`CellRef` and `TextRef` (`order=True`): `<`, `<=`, `>`, `>=` and `hash` as their twins', another class refused."""
    for cls, objs in (
        (CellRef, [CellRef("a", "B2"), CellRef("a", "B10"), CellRef("b", "A1", "A1"), CellRef("a", "B2", "A1")]),
        (TextRef, [TextRef(1), TextRef(2, 1), TextRef(None, 3), TextRef(1, None, "x")]),
    ):
        twin = _twin(cls)
        twins = [twin(**_fields(o)) for o in objs]
        for a, ta in zip(objs, twins, strict=True):
            assert hash(a) == hash(ta)
            for b, tb in zip(objs, twins, strict=True):
                for op in ("__lt__", "__le__", "__gt__", "__ge__", "__eq__"):
                    mine, theirs = (
                        _answer(lambda a=a, b=b, op=op: getattr(a, op)(b)),
                        _answer(lambda a=ta, b=tb, op=op: getattr(a, op)(b)),
                    )
                    assert mine == theirs  # (None against a number: a TypeError in both)
    with pytest.raises(TypeError):
        _ = CellRef("a", "B2") < TextRef(1)  # type: ignore[operator]


def test_a_made_up_record_of_every_kind() -> None:
    """Defaults, factories, no docstring (written as `dataclasses` writes it), a mutable class's assignment and
    unhashability, a frozen one's refusal for any name, slots' pickling."""

    @record()
    class Mutable:
        a: int
        items: list[int] = dataclasses.field(default_factory=list)
        note: str = dataclasses.field(default="", compare=False)

    @dataclasses.dataclass
    class MutableTwin:
        a: int
        items: list[int] = dataclasses.field(default_factory=list)
        note: str = dataclasses.field(default="", compare=False)

    assert Mutable.__doc__ == "Mutable(a: 'int', items: 'list[int]' = <factory>, note: 'str' = '')"
    assert MutableTwin.__doc__ == "MutableTwin" + Mutable.__doc__.removeprefix("Mutable")
    m = Mutable(1)
    m.a = 2
    m.items.append(3)
    assert m == Mutable(2, [3], "other") and Mutable(1).items is not Mutable(1).items and Mutable.__hash__ is None
    assert repr(m).endswith("Mutable(a=2, items=[3], note='')")

    @record(frozen=True, slots=True)
    class Frozen:
        """A frozen slotted record."""

        a: int
        b: tuple[int, ...] = ()

    f = Frozen(1, (2,))
    for act in (lambda: setattr(f, "a", 2), lambda: setattr(f, "c", 2), lambda: delattr(f, "b")):
        with pytest.raises(dataclasses.FrozenInstanceError):
            act()
    assert hash(f) == hash((1, (2,))) and copy.deepcopy(f) == f and dataclasses.replace(f, b=()) == Frozen(1)
    assert not hasattr(f, "__dict__") and Frozen.__doc__ == "A frozen slotted record."


def test_refused_where_record_cannot_make_the_class() -> None:
    """What `record` does not make raises at import, never a class that behaves otherwise."""

    def own_init(self: Any) -> None:
        pass

    cases: list[dict[str, Any]] = [
        {"__init__": own_init},
        {"__annotations__": {"a": "int"}, "a": dataclasses.field(default=1, kw_only=True)},
        {"__annotations__": {"a": "int"}, "a": dataclasses.field(default=1, init=False)},
        {"__annotations__": {"a": "dataclasses.InitVar[int]"}},
        {"__annotations__": {"self": "int"}},
    ]
    for namespace in cases:
        with pytest.raises(RuntimeError):
            record(frozen=True)(type("Refused", (), dict(namespace)))

    @dataclasses.dataclass
    class Base:
        a: int = 0

    with pytest.raises(RuntimeError):
        record()(type("Derived", (Base,), {"__annotations__": {"b": "int"}, "b": 1}))
    with pytest.raises(TypeError, match="non-default argument 'b' follows default argument"):
        record()(type("Order", (), {"__annotations__": {"a": "int", "b": "int"}, "a": 1}))


def test_the_file_digest_is_hashlib_s(tmp_path: Any) -> None:
    """`validate`'s SHA-256 of a file (the standard library's builtin one, no OpenSSL) is `hashlib.sha256`'s."""
    import hashlib
    from pathlib import Path

    from perfxl.validate import _sha256

    for size in (0, 1, (1 << 20) + 7):
        path = Path(tmp_path) / f"f{size}.bin"
        data = bytes(range(256)) * (size // 256) + bytes(size % 256)
        path.write_bytes(data)
        assert _sha256(path) == hashlib.sha256(data).hexdigest()


@pytest.mark.slow
def test_a_validate_process_loads_no_openssl() -> None:
    """A fresh interpreter validating the bundled example never imports `hashlib`'s OpenSSL module (`_hashlib`)."""
    import subprocess
    import sys
    from pathlib import Path

    example = Path(__file__).resolve().parents[1] / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"
    code = (
        "import sys; from perfxl.validate import validate_file; "
        f"assert validate_file({str(example)!r}).ok; print('_hashlib' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
