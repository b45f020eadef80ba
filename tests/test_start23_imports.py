"""A one-workbook `perfxl validate` does not import the batch package (start23, issue 14).

The check reads the import graph of perfxl's source in this process: every module-level import (an import inside a
function runs only when its branch does; one under `if TYPE_CHECKING:` never runs), followed from what the command
line loads — `perfxl.cli.main`, the command modules its typer app registers (`COMMAND_MODULES`) and `perfxl.validate`.
A slow test runs the command in a fresh interpreter and looks at `sys.modules` itself.
"""

from __future__ import annotations

import ast
import functools
import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

import perfxl
from perfxl.cli.main import COMMAND_MODULES
from perfxl.collector import collector_paused

ROOT = Path(perfxl.__file__).resolve().parent
EXAMPLE = ROOT.parent / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"
#: What a validate of one workbook never uses: the batch run (its discovery, pairing, runner and writers).
NOT_FOR_ONE_WORKBOOK = ("perfxl.batch", "perfxl.batch.discover", "perfxl.batch.pairing", "perfxl.batch.runner")


def _module_files() -> dict[str, Path]:
    files = {}
    for path in ROOT.rglob("*.py"):
        parts = path.relative_to(ROOT.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        files[name] = path
    return files


def _is_type_checking(node: ast.stmt) -> bool:
    test = getattr(node, "test", None)
    return isinstance(node, ast.If) and (
        (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING")
        or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")
    )


def _module_level(body: list[ast.stmt]):
    """The import statements a module runs when imported (into if/try blocks, not into functions or classes' methods)."""
    for node in body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif isinstance(node, ast.If) and not _is_type_checking(node):
            yield from _module_level(node.body)
            yield from _module_level(node.orelse)
        elif isinstance(node, ast.Try):
            for block in (node.body, node.orelse, node.finalbody, *(h.body for h in node.handlers)):
                yield from _module_level(block)
        elif isinstance(node, ast.With | ast.ClassDef):
            yield from _module_level(node.body)


@functools.cache
def _targets(name: str, path: Path, version: tuple[int, int]) -> tuple[str, ...]:
    """The dotted names the module-level imports of `name` (at `path`) name, parsed once a process per file version
    (`version`: its size and modification time) with the collector paused: the two tests below follow the same ≈ 100
    modules, and each parsed them again (fast31t)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    with collector_paused():
        tree = ast.parse(path.read_text(encoding="utf-8"))
    out: list[str] = []
    for node in _module_level(tree.body):
        if isinstance(node, ast.Import):
            out += [alias.name for alias in node.names]
        else:
            base = package
            for _ in range(node.level - 1 if node.level else 0):
                base = base.rpartition(".")[0]
            base = (f"{base}.{node.module}" if node.module else base) if node.level else (node.module or "")
            out += [base, *(f"{base}.{alias.name}" for alias in node.names)]
    return tuple(out)


def _imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The perfxl modules `name` imports at module level (a submodule brings its packages along)."""
    stat = path.stat()
    found: set[str] = set()
    for target in _targets(name, path, (stat.st_size, stat.st_mtime_ns)):
        while target:
            if target in known:
                found.add(target)
            target = target.rpartition(".")[0]
    return found


def _reachable(roots: list[str]) -> set[str]:
    known = _module_files()
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name in seen or name not in known:
            continue
        seen.add(name)
        todo.extend(_imports(name, known[name], known) - seen)
    return seen


def test_the_validate_command_line_does_not_import_the_batch_package():
    roots = ["perfxl.cli.main", *(f"perfxl.cli.{m}" for m in COMMAND_MODULES), "perfxl.validate"]
    loaded = _reachable(roots)
    assert {"perfxl.cli.validate_run", "perfxl.io.inputs", "perfxl.reader", "perfxl.rules"} <= loaded
    assert not loaded & set(NOT_FOR_ONE_WORKBOOK), sorted(loaded & set(NOT_FOR_ONE_WORKBOOK))


def test_the_graph_follows_the_batch_runner_to_its_discovery():
    """The same reading finds the batch package where it is imported (the check above can fail)."""
    loaded = _reachable(["perfxl.batch.runner"])
    assert {"perfxl.batch", "perfxl.batch.discover", "perfxl.io.inputs"} <= loaded


def test_batch_discovery_keeps_the_suffix_lists_and_the_file_test():
    from perfxl.document.read import DOCUMENT_SUFFIXES
    from perfxl.io import inputs

    discover = importlib.import_module("perfxl.batch.discover")  # (perfxl.batch.discover is also a function's name)
    assert discover.ACCEPTED_SUFFIXES is inputs.ACCEPTED_SUFFIXES
    assert discover.not_regular is inputs.not_regular
    assert DOCUMENT_SUFFIXES is inputs.DOCUMENT_SUFFIXES == (".docx", ".pdf", ".doc")


@pytest.mark.slow  # a fresh interpreter runs the command
def test_a_one_workbook_validate_leaves_the_batch_package_unimported(tmp_path):
    code = (
        "import sys, json\n"
        "from pathlib import Path\n"
        "from perfxl.cli.validate_run import run_validate\n"
        "status = run_validate([Path(sys.argv[1])], fmt='json', output=Path(sys.argv[2]))\n"
        "print(json.dumps([status, sorted(m for m in sys.modules if m.startswith('perfxl'))]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(EXAMPLE), str(tmp_path / "report.json")],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    status, modules = json.loads(out.stdout.strip().splitlines()[-1])
    assert status in (0, 1)
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert "perfxl.rules" in modules and "perfxl.io.inputs" in modules
    assert not set(modules) & set(NOT_FOR_ONE_WORKBOOK)
