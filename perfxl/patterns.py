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

`needs` gates a costly pattern (a CJK range costs ≈ 9.5 M instructions to compile, docs/performance.md, regex18) behind a
cheap test of what every match must hold: the words one of which any match contains (or a test of the text): until the
pattern is compiled, a call on a text failing the test answers "no match" without compiling it (`match` None, `sub` the
text unchanged, `findall` []…); the first text passing it compiles the pattern, and from then on the compiled
pattern's own methods answer, gate-free — but with `keep_gate=True` the gate stays, for a pattern whose failing scan
costs many times the gate's test (a `…$` search or a lazy prefix tried at every position: 4–30 µs a call where the test
costs ≈ 0.3 µs, perf30p). So the gate must be NECESSARY — a text failing it holds no match of the
pattern anywhere — or a result would change (tests/test_review20b.py proves every gate from its pattern's parse tree;
a new kind of gate needs its proof there; tests/test_perf20n.py holds them on the stored texts and random ones). A
callable gate sees only the whole text: a call with a position or bound is not gated.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any, cast, overload

__all__ = ["INVISIBLE", "lazy_compile", "opening"]

#: Format characters that print nothing and mean nothing in a cell or a figure: zero-width space, non-joiner and
#: joiner, word joiner, BOM (a "zero-width no-break space" inside text) and the soft hyphen (printed only where a word
#: processor breaks a word at a line end, which no table cell does). Text copied from a web page or a PDF carries them
#: ("95%\u200b"). The one set: `grid.without_invisible` drops them from every cell as a sheet is read; the text
#: readers of values that come from elsewhere (a PERF_ function's argument, a report's paragraph, a profile's word:
#: `numbers.to_decimal`, `values.normalise_text`, `labels.SPACES`) drop the same characters. A visible character, a
#: space, a line break or a direction mark is none of them.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"

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

    def __init__(self, pattern: str | bytes, flags: int) -> None:
        self._args = (pattern, flags)

    def __getattr__(self, name: str) -> Any:  # only asked for what the instance does not hold yet
        if name == "_args":  # a copy made without __init__: no pattern to compile (and no endless recursion)
            raise AttributeError(name)
        return getattr(self._compiled(), name)

    def _compiled(self) -> re.Pattern[Any]:
        """The compiled pattern, its methods and attributes now kept on the stand-in (they shadow a gate's methods)."""
        pattern: Any = self._args[0]  # (str, or bytes for a reader's XML scan)
        compiled = re.compile(pattern, self._args[1])
        for attr in _KEPT:
            setattr(self, attr, getattr(compiled, attr))
        return compiled

    def __repr__(self) -> str:
        return f"lazy_compile({self._args[0]!r}, {self._args[1]!r})"


class _Gated(_Lazy):
    """A `_Lazy` whose calls on a text failing `passes` answer "no match" until a text passes (module docstring)."""

    def __init__(self, pattern: str, flags: int, passes: Callable[[str], bool]) -> None:
        super().__init__(pattern, flags)
        self._passes = passes

    def match(self, string: str, *args: int, **kw: int) -> re.Match[str] | None:
        if not (args or kw) and not self._passes(string):
            return None
        return self._compiled().match(string, *args, **kw)

    def search(self, string: str, *args: int, **kw: int) -> re.Match[str] | None:
        if not (args or kw) and not self._passes(string):
            return None
        return self._compiled().search(string, *args, **kw)

    def fullmatch(self, string: str, *args: int, **kw: int) -> re.Match[str] | None:
        if not (args or kw) and not self._passes(string):
            return None
        return self._compiled().fullmatch(string, *args, **kw)

    def findall(self, string: str, *args: int, **kw: int) -> list[Any]:
        if not (args or kw) and not self._passes(string):
            return []
        return self._compiled().findall(string, *args, **kw)

    def finditer(self, string: str, *args: int, **kw: int) -> Iterator[re.Match[str]]:
        if not (args or kw) and not self._passes(string):
            return iter(())
        return self._compiled().finditer(string, *args, **kw)

    def sub(self, repl: Any, string: str, count: int = 0) -> str:
        if not self._passes(string):
            return string
        return self._compiled().sub(repl, string, count)

    def subn(self, repl: Any, string: str, count: int = 0) -> tuple[str, int]:
        if not self._passes(string):
            return string, 0
        return self._compiled().subn(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        if not self._passes(string):
            return [string]
        return self._compiled().split(string, maxsplit)


class _KeptGate(_Gated):
    """A `_Gated` whose gate stays after compiling (`keep_gate=True`, module docstring): only the pattern's attributes
    are kept on it, its matching methods stay the gated ones."""

    def __init__(self, pattern: str, flags: int, passes: Callable[[str], bool]) -> None:
        super().__init__(pattern, flags, passes)
        self._pattern: re.Pattern[str] | None = None

    def _compiled(self) -> re.Pattern[Any]:
        if self._pattern is None:
            pattern: Any = self._args[0]  # (a str: `lazy_compile` gates only text)
            self._pattern = re.compile(pattern, self._args[1])
            for attr in ("scanner", "pattern", "flags", "groups", "groupindex"):
                setattr(self, attr, getattr(self._pattern, attr))
        return self._pattern


def _holds_one_of(words: tuple[str, ...]) -> Callable[[str], bool]:
    """The gate "the text holds one of `words`"."""
    if all(len(w) == 1 for w in words):
        chars = frozenset(words)
        return lambda text: not chars.isdisjoint(text)
    return lambda text: any(map(text.__contains__, words))  # (C-level: no generator frame a call)


def opening(chars: str, *, digit: bool = False, space: bool = False) -> Callable[[str], bool]:
    """The gate of a pattern anchored at the text's start (`^`, no MULTILINE): the text's first character is one of
    `chars`, or a decimal digit (`\\d`) when `digit` — after any whitespace (`\\s*`) when `space`."""

    def passes(text: str) -> bool:
        first = (text.lstrip() if space else text)[:1]
        return bool(first) and (first in chars or (digit and first.isdecimal()))

    return passes


@overload
def lazy_compile(
    pattern: str,
    flags: int = 0,
    *,
    needs: tuple[str, ...] | Callable[[str], bool] | None = None,
    keep_gate: bool = False,
) -> re.Pattern[str]: ...


@overload
def lazy_compile(pattern: bytes, flags: int = 0) -> re.Pattern[bytes]: ...


def lazy_compile(
    pattern: str | bytes,
    flags: int = 0,
    *,
    needs: tuple[str, ...] | Callable[[str], bool] | None = None,
    keep_gate: bool = False,
) -> re.Pattern[Any]:
    """`re.compile(pattern, flags)`, compiled when first used (a module-level pattern a run may never use); with
    `needs` (words one of which every match holds, or a test every text holding a match passes) not compiled for a
    text that cannot hold a match (module docstring), nor scanned for one after it is compiled when `keep_gate`. A bytes
    pattern (the readers' XML scans) takes no `needs`."""
    if needs is None:
        return cast("re.Pattern[Any]", _Lazy(pattern, flags))
    assert isinstance(pattern, str)  # (the overloads: a gate reads text)
    passes = needs if callable(needs) else _holds_one_of(needs)
    return cast("re.Pattern[str]", (_KeptGate if keep_gate else _Gated)(pattern, flags, passes))
