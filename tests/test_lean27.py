"""lean27: issue 14's "Simpler" list held on the code as it is — guards that fail when a duplicate or an unexplained
piece of machinery comes back.

- every import made inside a function (a lazy import) says why it is lazy, in a comment beside it or just above its
  run of imports: a lazy import costs a look-up at each call and hides a module's dependencies, so it must name the
  start-up it spares, the optional extra it waits for or the cycle it breaks;
- every `# type: ignore[…]` and `# noqa: …` carries its reason (on the line after the code, or on a comment line
  just above);
- no parameter named `profile`/`prof` is typed `Any`;
- pyproject.toml: each ruff ignore and per-file ignore carries its reason; no mypy override switches errors off or
  turns the engine's strict flags down;
- one of each: the 校验结果 rows made in one place, SVG only in the report's chart template, no HTML document built
  from strings in a module (bar the one that writes an HTML "xls" as a bad input), one `Limits` per domain.
"""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

import pytest
import source_trees

REPO = Path(__file__).resolve().parent.parent
PKG = REPO / "perfxl"


def _modules() -> dict[str, tuple[list[str], ast.Module]]:
    return {
        path.relative_to(REPO).as_posix(): (text.splitlines(), tree)
        for path, (text, tree) in source_trees.parsed(PKG).items()
    }


@pytest.fixture(scope="module")
def modules() -> dict[str, tuple[list[str], ast.Module]]:
    return _modules()


@pytest.fixture(scope="module")
def walked() -> dict[str, list[ast.AST]]:
    """Each module's nodes, listed once a process (tests/source_trees.py; each test walked them again: fast28)."""
    return {path.relative_to(REPO).as_posix(): nodes for path, nodes in source_trees.walked(PKG).items()}


def lazy_imports_without_reason(lines: list[str], tree: ast.Module) -> list[int]:
    """Line numbers of imports inside a function (not under `if TYPE_CHECKING`) with no comment on the lines of their
    run of imports nor on the three non-blank lines above the run. An import is a statement: only the statement
    bodies are followed (body, orelse, finalbody, the handlers' and the cases' bodies), never an expression."""
    out: list[int] = []

    def visit(body: list[ast.stmt], in_function: bool, typing_only: bool) -> None:
        for i, node in enumerate(body):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                if in_function and not typing_only:
                    while i > 0 and isinstance(body[i - 1], (ast.Import, ast.ImportFrom)):
                        i -= 1
                    first = body[i].lineno
                    above = [line for line in lines[max(0, first - 12) : first - 1] if line.strip()][-3:]
                    if not any("#" in line for line in (*above, *lines[first - 1 : node.end_lineno or node.lineno])):
                        out.append(node.lineno)
                continue
            inner = in_function or isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            typing = typing_only or (isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test))
            for name in ("body", "orelse", "finalbody"):
                sub = getattr(node, name, None)
                if isinstance(sub, list):
                    visit(sub, inner, typing)
            for part in (*getattr(node, "handlers", ()), *getattr(node, "cases", ())):
                visit(part.body, inner, typing)

    visit(tree.body, False, False)
    return sorted(out)


def test_the_lazy_import_rule_reads_a_reason_beside_or_above_and_nothing_else():
    source = (
        "def a():\n    import json\n"
        "def b():\n    # lazy: the optional extra\n    import csv\n    import json\n"
        "def c():\n    import csv  # lazy: rare\n"
        "def d():\n    if TYPE_CHECKING:\n        import csv\n"
        "def e():\n    x = 1\n    y = 2\n    z = 3\n    w = 4  # not about the import\n    v = 5\n    u = 6\n"
        "    t = 7\n    import json\n"
    )
    assert lazy_imports_without_reason(source.splitlines(), ast.parse(source)) == [2, 20]


def test_every_lazy_import_says_why(modules):
    bare = {
        f"{rel}:{n}: {lines[n - 1].strip()}"
        for rel, (lines, tree) in modules.items()
        for n in lazy_imports_without_reason(lines, tree)
    }
    assert not bare, (
        "imports inside a function with no reason (the start-up it spares, the extra it waits for or the cycle it "
        f"breaks) — move it to the module's top or say why: {sorted(bare)}"
    )


_SUPPRESSION = re.compile(r"#\s*(?:type:\s*ignore\[[^\]]*\]|noqa(?::\s*[A-Z]+[0-9]+(?:\s*,\s*[A-Z]+[0-9]+)*)?)(.*)$")


def suppressions_without_reason(lines: list[str]) -> list[int]:
    """Lines with `# type: ignore[…]` or `# noqa…` and no words after it, nor a comment line among the two above."""
    out = []
    for i, line in enumerate(lines):
        m = _SUPPRESSION.search(line)
        if m is None or re.search(r"\w", m.group(1)):
            continue
        if not any(prev.lstrip().startswith("#") for prev in lines[max(0, i - 2) : i]):
            out.append(i + 1)
    return out


def test_the_suppression_rule_reads_a_reason_after_or_above():
    lines = [
        "x = 1  # type: ignore[assignment]",
        "y = 2  # type: ignore[assignment]  # a stand-in",
        "# the texts made only when shown",
        "f = lambda: 1  # noqa: E731",
        "z = 3",
        "w = 4",
        "g = lambda: 2  # noqa: E731 - formatted when shown",
        "h = lambda: 3  # noqa: E731",
    ]
    assert suppressions_without_reason(lines) == [1, 8]


def test_every_suppression_says_why(modules):
    bare = [
        f"{rel}:{n}: {lines[n - 1].strip()}"
        for rel, (lines, _) in modules.items()
        for n in suppressions_without_reason(lines)
    ]
    assert not bare, f"a `type: ignore`/`noqa` with no reason: {bare}"


def _is_any(annotation: ast.expr) -> bool:
    return ast.unparse(annotation) in ("Any", "typing.Any", "'Any'")


def test_no_profile_parameter_is_typed_any(walked):
    loose = []
    for rel, nodes in walked.items():
        for node in nodes:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                args = node.args
                for a in (*args.posonlyargs, *args.args, *args.kwonlyargs):
                    if a.arg in ("profile", "prof") and a.annotation is not None and _is_any(a.annotation):
                        loose.append(f"{rel}:{node.lineno} {node.name}({a.arg})")
    assert not loose, f"`profile: Any` (type it: ProfileLike, Profile, or what the caller really passes): {loose}"


def _block(text: str, start: str) -> list[str]:
    """The lines of pyproject.toml from the line `start` to the next blank line."""
    lines = text.splitlines()
    i = lines.index(start)
    j = lines.index("", i)
    return lines[i + 1 : j]


def test_pyproject_ignores_carry_reasons_and_spare_the_engine():
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    config = tomllib.loads(text)
    # [tool.ruff.lint] ignore = [ … ]: each line of codes follows a comment line (its reason)
    lines = text.splitlines()
    start = lines.index("ignore = [")
    end = lines.index("]", start)
    body = [line.strip() for line in lines[start + 1 : end]]
    for i, line in enumerate(body):
        if line.startswith('"'):
            assert i > 0 and (body[i - 1].startswith("#") or body[i - 1].startswith('"')), line
            k = i
            while body[k].startswith('"'):
                k -= 1
            assert body[k].startswith("#"), f"a ruff ignore with no reason above it: {line}"
    assert {c for line in body if line.startswith('"') for c in re.findall(r'"([A-Z0-9]+)"', line)} == set(
        config["tool"]["ruff"]["lint"]["ignore"]
    )
    for line in _block(text, "[tool.ruff.lint.per-file-ignores]"):
        assert "#" in line, f"a per-file ignore with no reason: {line}"
    # mypy: nothing switches errors off; the engine's override keeps every strict flag on
    overrides = config["tool"]["mypy"]["overrides"]
    assert not any(o.get("ignore_errors") for o in overrides)
    for o in overrides:
        if o.get("ignore_missing_imports"):
            assert not any(m == "perfxl" or m.startswith("perfxl.") for m in o["module"]), o
    engine = next(o for o in overrides if "perfxl.rules" in o["module"])
    assert {"perfxl.values", "perfxl.scoring", "perfxl.rules.*", "perfxl.profiles.*", "perfxl.model"} <= set(
        engine["module"]
    )
    strict = (
        "disallow_any_generics",
        "disallow_subclassing_any",
        "disallow_untyped_calls",
        "disallow_untyped_defs",
        "disallow_incomplete_defs",
        "disallow_untyped_decorators",
        "warn_return_any",
        "no_implicit_reexport",
        "strict_equality",
        "extra_checks",
    )
    assert all(engine.get(flag) is True for flag in strict)
    assert not [o for o in overrides if o is not engine and any(o.get(flag) is False for flag in strict)]


def _defining(walked, name: str) -> set[str]:
    return {
        rel
        for rel, nodes in walked.items()
        for node in nodes
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and node.name == name
    }


def test_one_of_each(modules, walked):
    # the 校验结果 sheet's rows: one maker, used by the openpyxl/zip writer (annotate) and the live book (macros)
    assert _defining(walked, "result_rows") == {"perfxl/excel/result_sheet.py"}
    # one formula evaluator
    assert _defining(walked, "evaluate_formula") == {"perfxl/formula.py"}
    # one plan of marks
    assert _defining(walked, "plan_marks") == {"perfxl/marks.py"}
    # one `Limits`: what perfxl opens (the guard) and what the add-in server accepts in a request (lean28 folded the two)
    assert _defining(walked, "Limits") == {"perfxl/limits.py"}
    # charts: SVG only in the report's template, HTML documents only from templates
    texts = {rel: "\n".join(lines) for rel, (lines, _) in modules.items()}
    assert not [rel for rel, t in texts.items() if "<svg" in t]
    html = {  # a text literal opening an HTML document (not a sniffer's test of a prefix: those are tuples or `in`)
        rel
        for rel, nodes in walked.items()
        for node in nodes
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and re.match(r"\s*<(?:html|!doctype html)[ >]", node.value, re.I)
    }
    assert html == {"perfxl/workbook/variants.py"}, html  # it writes an HTML "xls" on purpose: a bad input to read
    assert (PKG / "report" / "templates" / "charts.html.j2").read_text(encoding="utf-8").count("<svg") >= 1
