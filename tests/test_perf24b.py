"""perf24b (issue 14): `records.record` (perf24b's `value_methods`, folded into it by perf25a) gives a frozen dataclass
the `==`, `hash` and `repr` that `dataclasses` would generate, without `exec`.

Every class of perfxl decorated so is held to a twin that `dataclasses` itself makes (`make_dataclass`, same fields
with the same `compare`/`hash`/`repr`, `frozen=True`): on the objects a real workbook's validation builds (the bundled
example and the standard workbook: cells, findings, the submission, coverage, the result), and on made-up field values
chosen where tuples and `==` part (NaN, -0.0, 1 / 1.0 / True, an unhashable list) for every class.
"""

from __future__ import annotations

import copy
import dataclasses
import importlib
import math
import pkgutil
import re
from pathlib import Path
from typing import Any

import pytest

import perfxl
from perfxl.reader import read_submission
from perfxl.records import record
from perfxl.validate import validate_file

ROOT = Path(__file__).resolve().parents[1]
WORKBOOKS = [
    ROOT / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx",
    ROOT / "workbooks" / "perfxl-standard.xlsx",
]


def _source(name: str) -> str:
    """The text of perfxl's module `name` (a package's `__init__.py`)."""
    path = ROOT / Path(*name.split("."))
    return (path / "__init__.py" if path.is_dir() else path.with_suffix(".py")).read_text(encoding="utf-8")


def _decorated() -> list[type]:
    """Every class of perfxl's modules whose `__eq__` is `perfxl.records`'."""
    found: dict[str, type] = {}
    for info in pkgutil.walk_packages(perfxl.__path__, "perfxl."):
        if info.name.endswith("__main__") or info.name.startswith(("perfxl.serve.asgi", "perfxl.excel")):
            continue  # the CLI's entry runs it; the add-in server's app and the Excel modules load xlwings in a mode
        if "@record" not in _source(info.name):
            continue  # no class of its own is a record: not imported (dask's executor would pull ≈ 360 modules, fast25)
        module = importlib.import_module(info.name)
        for obj in vars(module).values():
            if isinstance(obj, type) and getattr(obj.__eq__, "__module__", "") == "perfxl.records":
                found[f"{obj.__module__}.{obj.__qualname__}"] = obj
    return [found[k] for k in sorted(found)]


DECORATED = _decorated()


def _twin(cls: type) -> type:
    """The class `dataclasses` generates for `cls`'s fields (frozen or not as `cls`, plain eq/hash/repr), under `cls`'s
    qualname."""
    specs = [
        (f.name, f.type, dataclasses.field(compare=f.compare, hash=f.hash, repr=f.repr))
        for f in dataclasses.fields(cls)
    ]
    twin = dataclasses.make_dataclass(cls.__name__, specs, frozen=cls.__dataclass_params__.frozen)  # type: ignore[attr-defined]
    twin.__qualname__ = cls.__qualname__
    return twin


TWINS = {cls: _twin(cls) for cls in DECORATED}


def _as(cls: type, values: dict[str, Any]) -> Any:
    """An object of `cls` holding `values` (no `__init__`/`__post_init__`: the fields as given)."""
    obj = object.__new__(cls)
    for name, value in values.items():
        object.__setattr__(obj, name, value)
    return obj


def _values(obj: Any) -> dict[str, Any]:
    return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}


def _outcome(call: Any) -> tuple[str, Any]:
    try:
        return ("ok", call())
    except TypeError as exc:  # an unhashable field: both raise it
        return ("TypeError", str(exc))


def _hold_alike(objs: list[Any]) -> None:
    """Each object's hash and repr, and every pair's ==, !=, the same as their twins'."""
    twins = [_as(TWINS[type(o)], _values(o)) for o in objs]
    for obj, twin in zip(objs, twins, strict=True):
        assert _outcome(lambda o=obj: hash(o)) == _outcome(lambda t=twin: hash(t))
        assert repr(obj) == repr(twin)
        assert (obj == object()) is False and (obj != "x") is True
    for i, (a, ta) in enumerate(zip(objs, twins, strict=True)):
        for b, tb in zip(objs[i:], twins[i:], strict=True):
            if type(a) is type(b):
                assert (a == b) == (ta == tb) and (a != b) == (ta != tb)
                assert (b == a) == (tb == ta)
            else:
                assert a != b


def test_every_frozen_model_class_is_decorated() -> None:
    """The model's classes, and the checks' and document's value classes, go through `record` (the ones found
    here are the ones the tests below hold to their twins); a mutable one stays unhashable."""
    names = {cls.__qualname__ for cls in DECORATED}
    assert {"CellValue", "Finding", "Indicator", "SelfEvaluation", "Submission", "Coverage", "FileResult"} <= names
    assert {"Grid", "SheetExtent", "DocumentSource"} <= names
    assert len(DECORATED) >= 100
    grid = next(cls for cls in DECORATED if cls.__qualname__ == "Grid")
    assert grid.__hash__ is None and _twin(grid).__hash__ is None


@pytest.mark.parametrize("path", WORKBOOKS, ids=lambda p: p.name)
def test_a_real_validation_s_objects_alike(path: Path) -> None:
    result = validate_file(path)
    assert result.ok
    seen: dict[int, Any] = {}
    stack: list[Any] = [result, read_submission(path)]
    while stack:  # every decorated object reachable from the result (fields, tuples, dicts)
        obj = stack.pop()
        if id(obj) in seen:
            continue
        seen[id(obj)] = obj
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            stack.extend(getattr(obj, f.name) for f in dataclasses.fields(obj))
        elif isinstance(obj, tuple | list):
            stack.extend(obj)
        elif isinstance(obj, dict):
            stack.extend(obj.values())
    found = [o for o in seen.values() if type(o) in TWINS]
    kinds = {type(o).__qualname__ for o in found}
    assert {"CellValue", "Finding", "Submission", "Coverage"} <= kinds
    by_kind: dict[type, list[Any]] = {}
    for obj in found:
        by_kind.setdefault(type(obj), []).append(obj)
    for objs in by_kind.values():
        sample = objs[:12]
        _hold_alike(sample + [copy.copy(o) for o in sample[:3]])


_ODD = [0, 0.0, -0.0, 1, 1.0, True, math.nan, "", "x", None, (), (math.nan,), ["list"]]


@pytest.mark.parametrize("cls", DECORATED, ids=lambda c: f"{c.__module__}.{c.__qualname__}")
def test_made_up_values_alike(cls: type) -> None:
    names = [f.name for f in dataclasses.fields(cls)]
    nan = math.nan
    objs = []
    for k, odd in enumerate(_ODD):
        objs.append(_as(cls, {n: odd if i == k % max(len(names), 1) else i for i, n in enumerate(names)}))
    shared = _as(cls, dict.fromkeys(names, nan))  # the very same NaN in each field: equal to itself as tuples are
    objs += [shared, _as(cls, dict.fromkeys(names, nan)), _as(cls, {n: float("nan") for n in names})]
    _hold_alike(objs)


def test_refused_where_dataclasses_must_generate() -> None:
    @dataclasses.dataclass(frozen=True)
    class Plain:
        a: int

    @dataclasses.dataclass(frozen=True, eq=False, repr=False)
    class Own:
        a: int

        def __repr__(self) -> str:
            return "own"

    @dataclasses.dataclass(frozen=True, eq=False, repr=False, unsafe_hash=True)
    class Hashed:
        a: int

    for cls in (Plain, Own, Hashed):
        with pytest.raises(RuntimeError):
            record(frozen=True)(cls)


def test_recursion_guard_and_fields_left_alone() -> None:
    @record(frozen=True, slots=True)
    class Box:
        items: list[Any]
        note: str = dataclasses.field(default="", compare=False, repr=False)

    box = Box([], "a")
    box.items.append(box)
    assert repr(box) == "test_recursion_guard_and_fields_left_alone.<locals>.Box(items=[...])"
    assert Box([1], "a") == Box([1], "b") and Box([1]) != Box([2])
    assert dataclasses.replace(Box([1]), note="n").note == "n" and Box.__match_args__ == ("items", "note")
    with pytest.raises(dataclasses.FrozenInstanceError):
        box.note = "b"  # type: ignore[misc]


def test_one_field_and_no_field_classes_alike() -> None:
    """A class of one compared field compares and hashes a 1-tuple (NaN equal to itself, `hash((x,))`), of none `()`."""

    @record(frozen=True)
    class One:
        a: Any

    @record(frozen=True)
    class Empty:
        pass

    for cls in (One, Empty):
        TWINS[cls] = _twin(cls)
    nan = math.nan
    _hold_alike([One(nan), One(nan), One(float("nan")), One(1), One(1.0), One(True), One(["x"]), Empty(), Empty()])
    assert One(nan) == One(nan) and hash(One(2)) == hash((2,)) and hash(Empty()) == hash(())


def test_a_lazy_bytes_pattern_answers_as_re() -> None:
    """`lazy_compile` of a bytes pattern (the readers' XML scans, compiled on first use) answers as `re.compile`'s."""
    from perfxl.io import guard_xml, source
    from perfxl.patterns import lazy_compile

    xml = b'<row r="3"><c r="B3" t="str"><f>A1+1</f><v></v></c><c r="C3"><v>2</v></c><x:c r="D3"/></row>'
    for pattern, flags in ((rb"<c\b([^>]*)(?<!/)>(.*?)</c>", re.S), (rb'\br="([A-Z]{1,3})(\d+)"', 0)):
        lazy, real = lazy_compile(pattern, flags), re.compile(pattern, flags)
        assert [m.groups() for m in lazy.finditer(xml)] == [m.groups() for m in real.finditer(xml)] != []
        assert lazy.findall(xml) == real.findall(xml) and lazy.pattern == pattern and lazy.flags == real.flags
    assert [m.group(1) for m in source._CELL.finditer(xml)] == [b' r="B3" t="str"', b' r="C3"']
    assert guard_xml._PREFIXED.search(xml) is not None and guard_xml._ROOT_START.search(xml, 0, 10) is not None
