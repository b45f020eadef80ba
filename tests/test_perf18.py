"""perf18 (issue 14): each start-up/exit shortcut equals its plain form.

`perfxl.cli.main`'s collector policy: a short command's process runs with the cyclic collector off and freezes what
is alive at exit; `perfxl validate`'s report is the same bytes with the collector on or off (in-process, CliRunner).

`perfxl.compiled`: the dataclasses' generated methods run from kept code objects are the methods `exec` of their
source makes — the same code objects (`==` compares bytecode, constants, names, flags, line table) and the same
behaviour — on random dataclass shapes (frozen, slots, order, defaults, factories, `InitVar`, `ClassVar`, keyword-only,
`__post_init__`, unsafe hash), on a first use (compiled) and a second (kept), and read back from the saved file.
"""

from __future__ import annotations

import builtins
import contextlib
import dataclasses
import gc
import marshal
import os
import random
import re
import subprocess
import sys
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from typing import Any, ClassVar

import pytest

import perfxl
from perfxl import compiled
from perfxl.compiled import CodeMemo, PatternMemo

_METHODS = (
    "__init__",
    "__repr__",
    "__eq__",
    "__setattr__",
    "__delattr__",
    "__hash__",
    "__lt__",
    "__le__",
    "__gt__",
    "__ge__",
)
_TYPES: list[Any] = [int, str, "int", "list[int]", float, Any, "Decimal | None"]


def _shape(rnd: random.Random) -> tuple[dict[str, Any], list[tuple]]:
    """A random dataclass shape: decorator options and (name, annotation, default kind) fields."""
    opts: dict[str, Any] = {
        "frozen": rnd.random() < 0.5,
        "eq": rnd.random() < 0.9,
        "order": False,
        "slots": rnd.random() < 0.3,
        "repr": rnd.random() < 0.9,
        "kw_only": rnd.random() < 0.2,
        "unsafe_hash": rnd.random() < 0.1,
    }
    opts["order"] = opts["eq"] and rnd.random() < 0.3
    fields = []
    defaulted = False
    for i in range(rnd.randint(0, 7)):
        kind = rnd.choice(["plain", "plain", "default", "factory", "initvar", "classvar", "noinit", "kwonly"])
        if defaulted and kind == "plain" and not opts["kw_only"]:
            kind = "default"
        if kind in ("default", "factory", "initvar"):
            defaulted = True
        fields.append((f"f{i}_{rnd.choice('abc')}", rnd.choice(_TYPES), kind, rnd.randint(-3, 9)))
    return opts, fields


def _make(opts: dict[str, Any], fields: list[tuple], post_init: bool) -> type:
    ns: dict[str, Any] = {"__annotations__": {}}
    for name, tp, kind, value in fields:
        if kind == "initvar":
            ns["__annotations__"][name] = dataclasses.InitVar[int]
            ns[name] = value
        elif kind == "classvar":
            ns["__annotations__"][name] = ClassVar[int]
            ns[name] = value
        else:
            ns["__annotations__"][name] = tp
            if kind == "default":
                ns[name] = value
            elif kind == "factory":
                ns[name] = dataclasses.field(default_factory=list)
            elif kind == "noinit":
                ns[name] = dataclasses.field(default=value, init=False)
            elif kind == "kwonly":
                ns[name] = dataclasses.field(default=value, kw_only=True)
    if post_init:
        initvars = [n for n, _, k, _ in fields if k == "initvar"]

        def __post_init__(self: Any, *args: Any) -> None:
            assert len(args) == len(initvars)

        ns["__post_init__"] = __post_init__
    return dataclasses.dataclass(**opts)(type("Shape", (), ns))


def _methods(cls: type) -> dict[str, Any]:
    out = {}
    for name in _METHODS:
        fn = cls.__dict__.get(name)
        if fn is not None and hasattr(fn, "__code__"):
            out[name] = fn.__code__
        elif fn is not None and hasattr(getattr(fn, "__wrapped__", None), "__code__"):  # __repr__ under recursive_repr
            out[name] = fn.__wrapped__.__code__
    return out


def _behaviour(cls: type, rnd: random.Random) -> list[str]:
    """What instances of `cls` do: construction, repr, equality, hash, assignment (each as text, errors by type)."""
    init_fields = [f for f in dataclasses.fields(cls) if f.init]
    initvars = [
        n
        for n, v in cls.__dict__.get("__dataclass_fields__", {}).items()
        if v._field_type is dataclasses._FIELD_INITVAR
    ]
    out = []
    for _ in range(3):
        kwargs = {f.name: rnd.randint(0, 3) for f in init_fields}
        kwargs.update(dict.fromkeys(initvars, 1))
        try:
            a, b = cls(**kwargs), cls(**kwargs)
        except Exception as exc:
            out.append(type(exc).__name__)
            continue
        out.append(re.sub(r" at 0x[0-9a-f]+", "", repr(a)))  # repr=False: object's, by address
        out.append(repr(a == b))
        try:
            out.append(repr(hash(a) == hash(b)))
        except TypeError as exc:
            out.append(type(exc).__name__)
        try:
            a.f0_a = 5  # type: ignore[attr-defined]
            out.append("set")
        except Exception as exc:
            out.append(type(exc).__name__)
    return out


@pytest.fixture
def plain_exec(monkeypatch: pytest.MonkeyPatch):
    def use(memo: CodeMemo | None) -> None:
        monkeypatch.setattr(dataclasses, "exec", builtins.exec if memo is None else memo.exec, raising=False)

    return use


def test_kept_code_is_the_compiled_code(plain_exec, tmp_path: Path) -> None:
    rnd = random.Random(18)
    path = str(tmp_path / "kept.marshal")
    memo = CodeMemo(path)
    shapes = [(_shape(rnd), rnd.random() < 0.3) for _ in range(150)]
    for (opts, fields), post_init in shapes:
        plain_exec(None)
        plain = _make(opts, fields, post_init)
        plain_exec(memo)
        first = _make(opts, fields, post_init)  # compiled now
        second = _make(opts, fields, post_init)  # the kept code object
        assert _methods(plain) == _methods(first) == _methods(second)
        assert set(_methods(plain)) == set(_methods(second))
        seed = rnd.random()
        assert _behaviour(plain, random.Random(seed)) == _behaviour(second, random.Random(seed))
    assert memo.fresh > 0
    memo.save()
    assert memo.fresh == 0
    again = CodeMemo(path)  # a later process: everything read back, nothing compiled
    assert set(again.codes) == set(memo.codes)
    plain_exec(again)
    for (opts, fields), post_init in shapes[:100]:
        plain_exec(None)
        plain = _make(opts, fields, post_init)
        plain_exec(again)
        assert _methods(plain) == _methods(_make(opts, fields, post_init))
    assert again.fresh == 0


def test_a_damaged_or_foreign_file_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "kept.marshal"
    code = compile("x = 1", "<string>", "exec")
    cases = [
        b"",
        b"\x00garbage",
        marshal.dumps((MAGIC_NUMBER, {"x = 1": code}))[:-3],
        marshal.dumps((b"\x00\x00\r\n", {"x = 1": code})),
        marshal.dumps((MAGIC_NUMBER, {"x = 1": "not code"})),
        marshal.dumps((MAGIC_NUMBER, ["x = 1"])),
        marshal.dumps([MAGIC_NUMBER]),
    ]
    for data in cases:
        path.write_bytes(data)
        memo = CodeMemo(str(path))
        assert memo.codes == {}
        ns: dict[str, Any] = {}
        memo.exec("x = 1", ns, ns)
        assert ns["x"] == 1
        memo.save()  # rewritten whole
        assert CodeMemo(str(path)).codes.keys() == {"x = 1"}
    assert CodeMemo(str(tmp_path / "missing")).codes == {}
    assert CodeMemo(None).codes == {}


def test_nothing_written_without_bytecode_or_a_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "kept.marshal"
    memo = CodeMemo(str(path))
    memo.exec("y = 2", {}, {})
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    memo.save()
    assert not path.exists()
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    blocked = tmp_path / "file"
    blocked.write_text("")
    stuck = CodeMemo(str(blocked / "kept.marshal"))  # its folder is a file: the save gives up quietly
    stuck.exec("y = 2", {}, {})
    stuck.save()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]
    memo.save()
    assert path.exists()
    assert CodeMemo(None).save() is None


def test_only_this_process_texts_kept_past_the_bound(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setattr(compiled, "MAX_ENTRIES", 3)
    path = str(tmp_path / "kept.marshal")
    old = CodeMemo(path)
    for i in range(3):
        old.exec(f"z = {i}", {}, {})
    old.save()
    memo = CodeMemo(path)
    memo.exec("z = 0", {}, {})
    memo.exec("z = 9", {}, {})
    memo.save()
    assert set(CodeMemo(path).codes) == {"z = 0", "z = 9"}


def test_other_calls_go_to_exec_as_they_are() -> None:
    memo = CodeMemo(None)
    ns: dict[str, Any] = {}
    memo.exec(compile("w = 3", "<w>", "exec"), ns, ns)  # a code object: not kept
    memo.exec(b"w2 = 4", ns, ns)  # bytes: not kept
    assert (ns["w"], ns["w2"], memo.codes) == (3, 4, {})
    with pytest.raises(SyntaxError):
        memo.exec("def (", ns, ns)
    assert memo.codes == {}


def test_perfxl_installs_it_once() -> None:
    methods, patterns = compiled.install()
    assert compiled.install() == (methods, patterns)
    assert dataclasses.exec == methods.exec
    assert patterns is not None and re._compiler.compile == patterns.compile


#: Patterns of every kind sre compiles: literals, CJK classes and ranges, groups named and not, look-arounds,
#: back-references, repeats, flags inline and passed, bytes, alternations of words (the direction's lists).
_PATTERNS = [
    "",
    "a",
    r"[\u4e00-\u9fff]+",
    r"^[\s/\\\-—–―_~·.。…,，*＊、]+$",
    r"(?P<year>(?:19|20)\d{2})\.(\d{1,2})\.(?P<day>\d{1,2})",
    r"(?<=元)\d+(?!%)",
    r"(a)(b)?\2\1",
    r"(?i)abc|def",
    r"(?x) a  b # comment",
    r"实际|实有|完成|未|没|尚|已|剩|到位|达到|不足|差|在建|正在|进行中|推进中",
    r"[^\d\s,;，。；、]+",
    r"\bword\b\w*",
    r"(?:a{2,5}?|b*+|c++)",
    r"(?>x+)y",
    r"[α-ω]+Σ",
    r"\U0001F600",
    r"(?P<x>a)(?P=x)",
    r"(?s).*?$",
    r"[a-z&&[^b]]",
]


def _random_pattern(rnd: random.Random) -> str:
    parts = ["a", "b", r"\d", r"\s", "[一-龥]", "[^x-z]", ".", "(?:ab|cd)", "(x)", "费", r"\.", "$", "^"]
    out = []
    for _ in range(rnd.randint(1, 8)):
        part = rnd.choice(parts)
        out.append(part + rnd.choice(["", "*", "+", "?", "{1,3}", "*?"]) if part not in ("$", "^") else part)
    return "".join(out)


@pytest.mark.filterwarnings("ignore::FutureWarning")  # "[a-z&&[^b]]": a possible set intersection, on purpose
def test_kept_programs_build_the_compiled_patterns(tmp_path: Path) -> None:
    original = compiled._compiler.compile
    while hasattr(original, "__self__"):  # the installed memo: its original
        original = original.__self__.original
    path = str(tmp_path / "kept.marshal")
    memo = PatternMemo(path, original)
    rnd = random.Random(18)
    cases = [(p, f) for p in _PATTERNS for f in (0, re.IGNORECASE, re.MULTILINE | re.DOTALL, re.VERBOSE)]
    cases += [(_random_pattern(rnd), rnd.choice([0, re.I, re.A, re.U])) for _ in range(300)]
    cases += [(b"ab[0-9]+", 0), (b"(?i)x", 0)]
    for pattern, flags in cases:
        try:
            plain = original(pattern, flags)
        except (re.error, ValueError) as exc:
            with pytest.raises(type(exc)):
                memo.compile(pattern, flags)
            continue
        first = memo.compile(pattern, flags)  # re's own, its program kept
        second = memo.compile(pattern, flags)  # built from the kept program
        for got in (first, second):
            assert got == plain  # the pattern, flags and the whole program
            assert (got.groups, got.groupindex, got.flags, got.pattern) == (
                plain.groups,
                plain.groupindex,
                plain.flags,
                plain.pattern,
            )
        text = "ab 12 一二 费.x Σ"
        assert [m.span() for m in second.finditer(text if type(pattern) is str else text.encode())] == [
            m.span() for m in plain.finditer(text if type(pattern) is str else text.encode())
        ]
    assert memo.fresh > 300
    memo.save()
    again = PatternMemo(path, original)
    assert set(again.entries) == set(memo.entries)
    for pattern, flags in cases[:60]:
        with contextlib.suppress(re.error, ValueError):
            assert again.compile(pattern, flags) == original(pattern, flags)
    assert again.fresh == 0


def test_patterns_memo_keeps_nothing_it_cannot_vouch_for() -> None:
    memo = PatternMemo(None, _plain)
    with pytest.warns(FutureWarning):
        memo.compile("[[a]", 0)  # re warns of a possible nested set on each compile: not kept, warns again
    assert memo.entries == {}
    with pytest.warns(FutureWarning):
        memo.compile("[[a]", 0)
    memo.compile(re._parser.parse("ab"), 0)  # a parsed pattern (re.Scanner's): passed through
    assert memo.entries == {}
    memo.entries[("zz", 0)] = (0, [1, 2, 3], 0, {}, (None,))  # a damaged entry: forgotten, re compiles
    assert memo.compile("zz", 0) == _plain("zz", 0)
    assert memo.entries[("zz", 0)] != (0, [1, 2, 3], 0, {}, (None,))


def _plain(pattern: Any, flags: int = 0) -> Any:
    original = re._compiler.compile
    while hasattr(original, "__self__"):
        original = original.__self__.original
    return original(pattern, flags)


@pytest.fixture
def collector_restored():
    was = gc.isenabled()
    yield
    gc.unfreeze()
    (gc.enable if was else gc.disable)()


@pytest.mark.usefixtures("collector_restored")
def test_short_commands_run_without_the_collector() -> None:
    from perfxl.cli.main import collector_at_exit, collector_for_one_command

    for args, stays_on in [
        (["validate", "a.xlsx"], False),
        (["score"], False),
        ([], False),
        (["--help"], False),
        (["batch", "folder"], True),
        (["serve"], True),
    ]:
        gc.enable()
        collector_for_one_command(args)
        assert gc.isenabled() is stays_on, args
    gc.unfreeze()
    collector_at_exit()
    assert gc.get_freeze_count() > 0


@pytest.mark.usefixtures("collector_restored")
def test_validate_report_is_the_same_with_the_collector_off(tmp_path: Path) -> None:
    import typer.main
    from click.testing import CliRunner

    from perfxl.cli.main import app

    example = Path(__file__).resolve().parent.parent / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"
    cli = typer.main.get_command(app)
    reports = []
    for on in (True, False):
        (gc.enable if on else gc.disable)()
        out = tmp_path / f"{on}.json"
        result = CliRunner().invoke(cli, ["validate", str(example), "--format", "json", "-o", str(out), "--force"])
        assert result.exit_code in (0, 1), result.output
        reports.append(out.read_bytes())
    assert reports[0] == reports[1]


@pytest.mark.slow
def test_a_second_process_compiles_nothing(tmp_path: Path) -> None:
    """Two processes with a bytecode cache: the first saves the kept code and programs, the second compiles none."""
    env = {**os.environ, "PYTHONPYCACHEPREFIX": str(tmp_path / "pyc")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = str(Path(perfxl.__file__).resolve().parent.parent)
    script = (
        "import perfxl, perfxl.model, perfxl.validate, perfxl.rules\n"
        "from perfxl import compiled\n"
        "m, p = compiled.install()\n"
        "print(m.fresh, len(m.used), p.fresh, len(p.used))\n"
    )
    runs = [
        subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
        for _ in range(2)
    ]
    first, second = (tuple(map(int, r.stdout.split())) for r in runs)
    assert first[0] > 50 and first[0] == first[1] and first[2] > 20
    assert second[:2] == (0, first[1]) and second[2] == 0 and second[3] >= first[3]
    assert compiled.cache_path("x") is not None
