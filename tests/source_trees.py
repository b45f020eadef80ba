"""perfxl's own source parsed and walked, for the tests that read the code itself (test_codes_catalogued's code scan,
test_lean27's guards): ≈ 250 modules, ≈ 3.6 MB, ≈ 500,000 nodes.

Parsing pauses the cyclic collector (the new nodes hold no cycles to free, and half a million of them made it walk the
whole heap again and again: parsing took 2–3× as long), and `nodes` lists a tree's nodes without a generator per node.
The trees and their node lists are held once a process, keyed by every file's path, size and modification time (a file
changed is parsed again): `test_codes_catalogued` and `test_lean27` land in one worker of `-n 2` in most runs, and the
second one's parse and walk (≈ 1.1 s of CPU) were the first one's again (fast30t). The ≈ 100 MB they hold is frozen with
the other long-lived objects at the module's end (tests/conftest.py); callers only read them.
"""

from __future__ import annotations

import ast
import gc
from pathlib import Path

PKG = Path(__file__).resolve().parent.parent / "perfxl"

#: root → (its files' (path, size, mtime) signature, the parsed modules, their node lists): the last reading of each root.
_HELD: dict[Path, tuple[tuple[tuple[Path, int, int], ...], dict[Path, tuple[str, ast.Module]], dict[Path, list]]] = {}


def _held(root: Path) -> tuple[dict[Path, tuple[str, ast.Module]], dict[Path, list[ast.AST]]]:
    """`root`'s modules parsed and walked, again only when a file under it was added, removed or changed."""
    paths = sorted(root.rglob("*.py"))
    signature = tuple((path, stat.st_size, stat.st_mtime_ns) for path in paths for stat in (path.stat(),))
    held = _HELD.get(root)
    if held is None or held[0] != signature:
        trees = _parse(paths)
        held = _HELD[root] = (signature, trees, {path: nodes(tree) for path, (_, tree) in trees.items()})
    return held[1], held[2]


def _parse(paths: list[Path]) -> dict[Path, tuple[str, ast.Module]]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        out = {}
        for path in paths:
            text = path.read_text(encoding="utf-8")
            out[path] = (text, ast.parse(text))
        return out
    finally:
        if was_enabled:
            gc.enable()


def parsed(root: Path = PKG) -> dict[Path, tuple[str, ast.Module]]:
    """Every `*.py` under `root` (sorted by path): its text and its tree, parsed with the collector paused. Shared: read
    it, never change it."""
    return _held(root)[0]


def walked(root: Path = PKG) -> dict[Path, list[ast.AST]]:
    """Every `*.py` under `root`: its tree's `nodes`, listed once with the parse. Shared: read it, never change it."""
    return _held(root)[1]


def nodes(tree: ast.AST) -> list[ast.AST]:
    """`list(ast.walk(tree))`, the same nodes in the same order (breadth first, children in `_fields` order), without
    a generator per node: ≈ 0.2 s for perfxl's ≈ 460,000 nodes where `ast.walk` took ≈ 0.65 s (fast23)."""
    out = [tree]
    i = 0
    while i < len(out):
        node = out[i]
        i += 1
        for name in node._fields:
            value = getattr(node, name, None)
            if isinstance(value, ast.AST):
                out.append(value)
            elif isinstance(value, list):
                out.extend(item for item in value if isinstance(item, ast.AST))
    return out
