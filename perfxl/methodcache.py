"""The dataclasses' generated methods compiled once per installation, not once per process.

`dataclasses` writes each class's `__init__`, `__repr__`, `__eq__` (and, frozen, `__setattr__`, `__delattr__`,
`__hash__`) as Python source and runs it through `exec` — on Python 3.11 one `exec` a method: ≈ 470 a `perfxl validate`
process (the model, the layout's and the checks' records, the document reader's), ≈ 300 M instructions of Python's
parser and compiler on every start, though the texts are the same on every run (docs/performance.md, session 15 and
session 18). `install()` puts a stand-in for `exec` in the `dataclasses` module: the code object of each source text
is kept (by its exact text) and saved beside perfxl's own bytecode (the `__pycache__` folder, or
`sys.pycache_prefix`); the next process runs the kept code instead of compiling the text again.

Exact: `exec(text, g, l)` from `dataclasses` compiles `text` as `compile(text, "<string>", "exec")` with no
`__future__` flags (dataclasses has none) and runs it; the stand-in runs the code object that same compilation made
(`tests/test_perf18.py` holds the generated methods equal with and without it). Saved like bytecode: not written when
`sys.dont_write_bytecode` is set or the folder is not writable, tagged with the interpreter's bytecode magic number
(another Python ignores the file), read whole or not at all (a damaged file is ignored and rewritten).
"""

from __future__ import annotations

import atexit
import contextlib
import dataclasses
import marshal
import os
import sys
from importlib.util import MAGIC_NUMBER, cache_from_source
from types import CodeType
from typing import Any

__all__ = ["install", "CodeMemo"]

#: More kept texts than this (perfxl upgraded in place, classes changed): the file keeps only this process's texts.
MAX_ENTRIES = 4096

_FILE_NAME = "dataclass-methods"

_exec = exec


def cache_path() -> str | None:
    """Where the kept code lives: beside perfxl's own bytecode (None when this interpreter writes none)."""
    try:
        here = cache_from_source(os.path.join(os.path.dirname(os.path.abspath(__file__)), "__init__.py"))
    except NotImplementedError:  # sys.implementation.cache_tag is None: no bytecode cache at all
        return None
    return os.path.join(os.path.dirname(here), f"{_FILE_NAME}.{sys.implementation.cache_tag}.marshal")


def _load(path: str | None) -> dict[str, CodeType]:
    """The kept code objects by source text; empty when the file is missing, damaged or another Python's."""
    if path is None:
        return {}
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return {}
    try:
        magic, codes = marshal.loads(data)
    except (ValueError, EOFError, TypeError):
        return {}
    if magic != MAGIC_NUMBER or type(codes) is not dict:
        return {}
    if not all(type(k) is str and type(v) is CodeType for k, v in codes.items()):
        return {}
    return codes


class CodeMemo:
    """`exec` for `dataclasses`: source texts compiled once, their code objects kept and saved at exit."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.codes = _load(path)
        self.used: dict[str, None] = {}
        self.fresh = 0

    def exec(self, source: Any, globals: Any = None, locals: Any = None, /, **kwargs: Any) -> None:
        """`exec(source, globals, locals)`, with a str source's code object compiled once."""
        if kwargs or type(source) is not str:
            _exec(source, globals, locals, **kwargs)
            return
        code = self.codes.get(source)
        if code is None:
            code = compile(source, "<string>", "exec", dont_inherit=True)
            self.codes[source] = code
            self.fresh += 1
        self.used[source] = None
        _exec(code, globals, locals)

    def save(self) -> None:
        """Write the kept code when this process compiled any (atomically; nothing when bytecode is not written)."""
        if not self.fresh or self.path is None or sys.dont_write_bytecode:
            return
        codes = self.codes
        if len(codes) > MAX_ENTRIES:
            codes = {text: codes[text] for text in self.used}
        temp = f"{self.path}.{os.getpid()}.tmp"
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            with open(temp, "wb") as f:
                f.write(marshal.dumps((MAGIC_NUMBER, codes)))
            os.replace(temp, self.path)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            return
        self.fresh = 0


_installed: CodeMemo | None = None


def install() -> CodeMemo:
    """Put the memo in the `dataclasses` module (once a process) and save what it compiled at exit."""
    global _installed
    if _installed is None:
        _installed = CodeMemo(cache_path())
        dataclasses.exec = _installed.exec  # type: ignore[attr-defined]
        atexit.register(_installed.save)
    return _installed
