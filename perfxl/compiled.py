"""Code Python compiles at run time, compiled once per installation instead of once per process.

Two compilers run on every `perfxl` start and give the same result each time (docs/performance.md, session 18):

- **dataclasses' generated methods.** `dataclasses` writes each class's `__init__`, `__repr__`, `__eq__` (and,
  frozen, `__setattr__`, `__delattr__`, `__hash__`) as source text and runs it through `exec` — on Python 3.11 one
  `exec` a method, ≈ 470 in a `perfxl validate` process: ≈ 300 M instructions of Python's parser and compiler.
  `CodeMemo.exec` stands in for `exec` in the `dataclasses` module and keeps each text's code object.
- **regular expressions.** `re`'s compiler is Python: ≈ 180 patterns a validate process (perfxl's, typer's,
  the libraries'), ≈ 400 M instructions (a CJK character class is filled one code point at a time).
  `PatternMemo.compile` stands in for `re._compiler.compile` and keeps each pattern's compiled program (the opcode
  list, flags and groups `_sre.compile` takes), so a later process only hands it to `_sre.compile`.

Both are exact and self-checking. A code object is what `compile(text, "<string>", "exec")` makes of the text
(dataclasses has no `__future__` flags to inherit). A pattern's program is kept only after the pattern built from it
equals the one `re` compiled itself (`re.Pattern.__eq__` compares the pattern, flags and the whole program; groups
and group names compared too) — otherwise `re`'s own pattern is used and nothing is kept. `tests/test_perf18.py`
holds both against their plain forms.

Kept like bytecode, beside perfxl's own (its `__pycache__` folder, or under `sys.pycache_prefix`): written at exit
by a process that compiled something new, not when `sys.dont_write_bytecode` is set or the folder is not writable;
tagged with the interpreter's bytecode magic number (another Python ignores the file); read whole or not at all (a
damaged file is ignored and rewritten). `install()` (from `perfxl/__init__.py`) puts both in place once a process.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # re's C engine: no stubs
import atexit
import contextlib
import dataclasses
import marshal
import os
import re
import sys
import warnings
from importlib.util import MAGIC_NUMBER, cache_from_source
from types import CodeType
from typing import Any

__all__ = ["CodeMemo", "PatternMemo", "install"]

#: More kept entries than this in one file (perfxl upgraded in place, classes changed): the file keeps only this
#: process's entries.
MAX_ENTRIES = 4096

_exec = exec
_compiler: Any = getattr(re, "_compiler", None)
_parser: Any = getattr(re, "_parser", None)

#: The interpreters whose `re._compiler.compile` the memo's miss path was written after (`_parser.parse`, `_code`,
#: `_sre.compile(pattern, flags, code, groups - 1, groupindex, indexgroup)`); elsewhere `re` compiles as it does.
_RE_VERSIONS = ((3, 11), (3, 12), (3, 13))


def cache_path(name: str) -> str | None:
    """The kept file `name` beside perfxl's own bytecode (None when this interpreter writes none)."""
    try:
        here = cache_from_source(os.path.join(os.path.dirname(os.path.abspath(__file__)), "__init__.py"))
    except NotImplementedError:  # sys.implementation.cache_tag is None: no bytecode cache at all
        return None
    return os.path.join(os.path.dirname(here), f"{name}.{sys.implementation.cache_tag}.marshal")


def _load(path: str | None) -> dict[Any, Any]:
    """The kept entries; empty when the file is missing, damaged or another Python's."""
    if path is None:
        return {}
    try:
        with open(path, "rb") as f:
            data = f.read()
        magic, entries = marshal.loads(data)
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if magic != MAGIC_NUMBER or type(entries) is not dict:
        return {}
    return entries


class _Kept:
    """Entries kept in a file between processes: loaded at start, saved at exit when any is new."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.entries = self._valid(_load(path))
        self.used: dict[Any, None] = {}
        self.fresh = 0

    @staticmethod
    def _valid(entries: dict[Any, Any]) -> dict[Any, Any]:
        return entries

    def save(self) -> None:
        """Write the entries when this process made any (atomically; nothing when bytecode is not written)."""
        if not self.fresh or self.path is None or sys.dont_write_bytecode:
            return
        entries = self.entries
        if len(entries) > MAX_ENTRIES:
            entries = {key: entries[key] for key in self.used}
        temp = f"{self.path}.{os.getpid()}.tmp"
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            with open(temp, "wb") as f:
                f.write(marshal.dumps((MAGIC_NUMBER, entries)))
            os.replace(temp, self.path)
        except (OSError, ValueError):
            with contextlib.suppress(OSError):
                os.unlink(temp)
            return
        self.fresh = 0


class CodeMemo(_Kept):
    """`exec` for `dataclasses`: a source text compiled once, its code object kept."""

    @staticmethod
    def _valid(entries: dict[Any, Any]) -> dict[Any, Any]:
        if all(type(k) is str and type(v) is CodeType for k, v in entries.items()):
            return entries
        return {}

    @property
    def codes(self) -> dict[str, CodeType]:
        return self.entries

    def exec(self, source: Any, globals: Any = None, locals: Any = None, /, **kwargs: Any) -> None:
        """`exec(source, globals, locals)`, with a str source's code object compiled once."""
        if kwargs or type(source) is not str:
            _exec(source, globals, locals, **kwargs)
            return
        code = self.entries.get(source)
        if code is None:
            code = compile(source, "<string>", "exec", dont_inherit=True)
            self.entries[source] = code
            self.fresh += 1
        self.used[source] = None
        _exec(code, globals, locals)


def _program(pattern: str | bytes, flags: int) -> tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]:
    """What `re._compiler.compile(pattern, flags)` hands `_sre.compile` after the pattern itself, as plain values."""
    parsed = _parser.parse(pattern, flags)
    state = parsed.state
    groupindex = dict(state.groupdict)
    indexgroup: list[str | None] = [None] * state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    code = [int(op) for op in _compiler._code(parsed, flags)]  # opcodes are an int subclass marshal cannot write
    return int(flags | state.flags), code, state.groups - 1, groupindex, tuple(indexgroup)


class PatternMemo(_Kept):
    """`re._compiler.compile` with a str or bytes pattern's program computed once and kept."""

    def __init__(self, path: str | None, original: Any) -> None:
        super().__init__(path)
        self.original = original

    def compile(self, pattern: Any, flags: Any = 0) -> Any:
        """The compiled pattern: built from the kept program, or compiled by `re` (and its program kept when a
        pattern built from it equals `re`'s)."""
        if type(pattern) not in (str, bytes) or flags & re.DEBUG:
            return self.original(pattern, flags)
        key = (pattern, int(flags))
        kept = self.entries.get(key)
        if kept is not None:
            try:
                compiled = _sre.compile(pattern, *kept)
            except Exception:  # a damaged entry: forget it
                del self.entries[key]
            else:
                self.used[key] = None
                return compiled
        compiled = self.original(pattern, flags)
        with warnings.catch_warnings(record=True) as warned:
            warnings.simplefilter("always")
            try:
                program = _program(pattern, key[1])
                mine = _sre.compile(pattern, *program)
            except Exception:  # the program cannot be derived as re derives it: re's own pattern, nothing kept
                return compiled
        if warned:  # re warns of this pattern (deprecated syntax) on every compile: keep nothing, it warns again
            return compiled
        if mine == compiled and mine.groupindex == compiled.groupindex and mine.groups == compiled.groups:
            self.entries[key] = program
            self.used[key] = None
            self.fresh += 1
        return compiled


_installed: tuple[CodeMemo, PatternMemo | None] | None = None


def install() -> tuple[CodeMemo, PatternMemo | None]:
    """Put both memos in place (once a process) and save what they compiled at exit."""
    global _installed
    if _installed is None:
        methods = CodeMemo(cache_path("dataclass-methods"))
        dataclasses.exec = methods.exec  # type: ignore[attr-defined]
        atexit.register(methods.save)
        patterns = None
        if sys.version_info[:2] in _RE_VERSIONS and _compiler is not None and _parser is not None:
            patterns = PatternMemo(cache_path("regex-programs"), _compiler.compile)
            _compiler.compile = patterns.compile
            atexit.register(patterns.save)
        _installed = (methods, patterns)
    return _installed
