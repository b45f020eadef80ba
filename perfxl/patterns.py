"""Regular expressions compiled on first use (issue 14, "lean and fast").

Compiling a pattern runs Python's own regex compiler: the ≈ 400 patterns perfxl's modules compile at import cost
≈ 0.75 G instructions a process — more than a whole python-calamine read of a 10,000-row workbook — while a
`perfxl validate` run of a workbook uses about a hundred of them (the report analysis of `perfxl.document` holds half
of the rest: its fact and arithmetic patterns for narrative a workbook mostly lacks). `lazy_compile` stands for
`re.compile`: the pattern is compiled when first used, and its methods are then kept on the stand-in, so every later
use costs what the compiled pattern's own does (no Python call in between).

Use it for module-level patterns of modules that hold many; the checks' modules (perfxl.rules) and the rarely read
tables' layouts compile none at import (tests/test_startup_patterns.py). A pattern handed to `re.sub` or
`re.compile`, tested with `isinstance(…, re.Pattern)`, or compared with a match's `.re` must stay a real `re.compile`:
the stand-in is no `re.Pattern`, and a match names the compiled pattern, not its stand-in (perfxl.document.lists pairs
each match with the stand-in it came from instead).
"""

from __future__ import annotations

import re
from typing import Any, cast

__all__ = ["lazy_compile"]

#: What perfxl asks of a compiled pattern: kept on the stand-in once it is compiled.
_KEPT = (
    "match",
    "search",
    "fullmatch",
    "sub",
    "subn",
    "findall",
    "finditer",
    "split",
    "scanner",
    "pattern",
    "flags",
    "groups",
    "groupindex",
)


class _Lazy:
    """`re.compile(pattern, flags)` until first used; the compiled pattern's methods and attributes then live on it."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._args = (pattern, flags)

    def __getattr__(self, name: str) -> Any:  # only asked for what the instance does not hold yet
        if name == "_args":  # a copy made without __init__: no pattern to compile (and no endless recursion)
            raise AttributeError(name)
        compiled = re.compile(*self._args)
        for attr in _KEPT:
            setattr(self, attr, getattr(compiled, attr))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_compile({self._args[0]!r}, {self._args[1]!r})"


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, compiled when first used (a module-level pattern a run may never use)."""
    return cast("re.Pattern[str]", _Lazy(pattern, flags))
