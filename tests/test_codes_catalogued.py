"""Every code perfxl can emit is in the one catalogue (perfxl.rules.catalogue.CODES), and every catalogue
entry is emitted somewhere or marked reserved/retired with a reason.

The codes are read from the source with `ast`, not with a regular expression over the text:
- code positions: the argument bound to a parameter or dataclass field named `code` of any perfxl
  callable (Finding(...), unreadable(...), Issue(...), PayloadProblem(...), check(...), spec(...) …), any
  `code=` keyword, a `"code": …` dict entry, an assignment to `code` / `x.code`, a comparison with `x.code`,
  and a parameter default `code="…"` (through `a if c else b` and `a or b`);
- every other string literal shaped like a code (`[A-Z][A-Z0-9]*(_[A-Z0-9]+)+` or `[A-Z]\\d\\d`) outside
  `__all__` must be catalogued too, or be listed below as a name that is not a code (with the reason),
  so a code returned in an unusual shape (a tuple, a star-argument) cannot slip past.
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

import pytest
import source_trees

from perfxl.rules import implemented_specs
from perfxl.rules.catalogue import CATALOGUE, CODES, KINDS, code_spec

PKG = Path(__file__).resolve().parent.parent / "perfxl"
CODE_RE = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z]\d\d")
#: The catalogue and its renderer name every code by design: they define codes, they do not emit them.
CATALOGUE_FILES = {
    "rules/catalogue.py",
    "rules/code_notes.py",
    "rules/other_codes.py",
    "io/guard_codes.py",
    "rules/docs.py",
}
#: Code-shaped literals that are not codes, and why.
NOT_CODES = {
    **dict.fromkeys(
        (
            "PERF_RATE",
            "PERF_SCORE",
            "PERF_EXPLAIN",
            "PERF_EXEC_SCORE",
            "PERF_CONTROL_RATE",
            "PERF_CHANGE_RATE",
            "PERF_GRADE",
            "PERF_PARSE",
        ),
        "Excel cell function names (perfxl.excel.udfs)",
    ),
    **dict.fromkeys(
        (
            "PERFXL_SERVER_PROJECT",
            "PERFXL_SERVE_ALLOW",
            "PERFXL_SERVE_TOKEN",
            "PERFXL_SERVE_TOKEN_FILE",
            "PERFXL_SERVE_MAX_BODY_BYTES",
            "PERFXL_SERVE_MAX_CELLS",
            "PERFXL_MAX_PDF_OBJECTS",
            "PERFXL_MAX_PDF_PAGE_CHARS",
            "PERFXL_MAX_SOFFICE_BYTES",
            "PERFXL_MAX_PDF_STACK_ITEMS",
            "XLWINGS_LICENSE_KEY",
            "XLWINGS_ON_SERVER",
            "XLWINGS_PROJECT_DIR",
            "PIP_CONFIG_FILE",
        ),
        "environment variable names",
    ),
    "O_BINARY": "os module flag read with getattr",
    "O_NONBLOCK": "os module flag read with getattr",
    "ROUND_FLOOR": "decimal rounding mode name",
}


def _sources() -> dict[str, ast.Module]:
    """perfxl's modules parsed (the collector paused: tests/source_trees.py), by their path under the package."""
    return {path.relative_to(PKG).as_posix(): tree for path, (_, tree) in source_trees.parsed(PKG).items()}


def _walked() -> dict[str, list[ast.AST]]:
    """Each module's nodes in `ast.walk` order, walked once: the scan goes over them four times."""
    return {path.relative_to(PKG).as_posix(): nodes for path, nodes in source_trees.walked(PKG).items()}


def _code_params(walked: dict[str, list[ast.AST]]) -> dict[str, set[int]]:
    """Callable name → positional indices bound to a parameter or dataclass field named `code`."""
    out: dict[str, set[int]] = defaultdict(set)
    for nodes in walked.values():
        for node in nodes:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                names = [a.arg for a in (*node.args.posonlyargs, *node.args.args)]
                if "code" in names:
                    i = names.index("code")
                    out[node.name] |= {i - 1, i} if names[0] in ("self", "cls") else {i}
            elif isinstance(node, ast.ClassDef):
                fields = [
                    s.target.id for s in node.body if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)
                ]
                if "code" in fields:
                    out[node.name].add(fields.index("code"))
    return out


def _strings(expr: ast.AST | None) -> list[ast.Constant]:
    """The string constants a code expression can evaluate to (through `a if c else b` and `a or b`)."""
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        return [expr]
    if isinstance(expr, ast.IfExp):
        return _strings(expr.body) + _strings(expr.orelse)
    if isinstance(expr, ast.BoolOp):
        return [c for v in expr.values for c in _strings(v)]
    return []


def _is_code_ref(expr: ast.AST) -> bool:
    """`x.code`, `x["code"]` or `x.get("code")`."""
    if isinstance(expr, ast.Attribute):
        return expr.attr == "code"
    if isinstance(expr, ast.Subscript):
        return isinstance(expr.slice, ast.Constant) and expr.slice.value == "code"
    return (
        isinstance(expr, ast.Call)
        and isinstance(expr.func, ast.Attribute)
        and expr.func.attr == "get"
        and bool(expr.args)
        and isinstance(expr.args[0], ast.Constant)
        and expr.args[0].value == "code"
    )


def _callee(call: ast.Call) -> str:
    f = call.func
    return f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")


def scan(walked: dict[str, list[ast.AST]]) -> tuple[dict[str, set[str]], dict[str, set[str]], dict[str, set[str]]]:
    """(codes at code positions, class-level `code = …` defaults by class, other code-shaped literals), each → places."""
    params = _code_params(walked)
    used: dict[str, set[str]] = defaultdict(set)
    class_codes: dict[str, set[str]] = defaultdict(set)  # code → classes that default to it
    loose: dict[str, set[str]] = defaultdict(set)
    for rel, nodes in walked.items():
        if rel in CATALOGUE_FILES:
            continue
        at_code: set[int] = set()  # ids of constants at a code position
        exempt: set[int] = set()  # ids of constants in __all__
        class_body = {id(stmt) for node in nodes if isinstance(node, ast.ClassDef) for stmt in node.body}
        for node in nodes:
            found: list[ast.Constant] = []
            if isinstance(node, ast.Call):
                for i in params.get(_callee(node), ()):
                    if 0 <= i < len(node.args):
                        found += _strings(node.args[i])
                found += [c for k in node.keywords if k.arg == "code" for c in _strings(k.value)]
            elif isinstance(node, ast.Dict):
                found += [
                    c
                    for k, v in zip(node.keys, node.values, strict=True)
                    if isinstance(k, ast.Constant) and k.value == "code"
                    for c in _strings(v)
                ]
            elif isinstance(node, (ast.Assign, ast.AnnAssign)) and id(node) not in class_body:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
                    exempt |= {id(c) for c in ast.walk(node.value) if isinstance(c, ast.Constant)}
                elif any((isinstance(t, ast.Name) and t.id == "code") or _is_code_ref(t) for t in targets):
                    found += _strings(node.value)
            elif isinstance(node, ast.Compare):
                sides = [node.left, *node.comparators]
                if any(_is_code_ref(s) for s in sides):
                    found += [c for s in sides for c in _strings(s)]
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                args = [*node.args.posonlyargs, *node.args.args]
                defaults = dict(
                    zip([a.arg for a in args][len(args) - len(node.args.defaults) :], node.args.defaults, strict=True)
                )
                defaults |= {
                    a.arg: d for a, d in zip(node.args.kwonlyargs, node.args.kw_defaults, strict=True) if d is not None
                }
                found += _strings(defaults.get("code"))
            elif isinstance(node, ast.ClassDef):
                for stmt in node.body:
                    target = (
                        stmt.targets[0]
                        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1
                        else getattr(stmt, "target", None)
                    )
                    if isinstance(target, ast.Name) and target.id == "code":
                        for c in _strings(stmt.value):
                            class_codes[c.value].add(node.name)
                            at_code.add(id(c))
            for c in found:  # "#VALUE!" passed as an Excel error `code` (perfxl.excel.functions) is not a perfxl code
                if CODE_RE.fullmatch(c.value):
                    at_code.add(id(c))
                    used[c.value].add(f"{rel}:{c.lineno}")
        for node in nodes:
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and CODE_RE.fullmatch(node.value)
                and id(node) not in at_code
                and id(node) not in exempt
            ):
                loose[node.value].add(f"{rel}:{node.lineno}")
    return used, class_codes, loose


def _called_classes(walked: dict[str, list[ast.AST]]) -> set[str]:
    """Names perfxl calls or subclasses anywhere (a class default code is emitted only if its class is raised)."""
    names: set[str] = set()
    for nodes in walked.values():
        for node in nodes:
            if isinstance(node, ast.Call):
                names.add(_callee(node))
    return names


@pytest.fixture(scope="module")
def trees() -> dict[str, ast.Module]:
    """Parsed once for the module's tests (they only read the trees)."""
    return _sources()


@pytest.fixture(scope="module")
def walked() -> dict[str, list[ast.AST]]:
    return _walked()


@pytest.fixture(scope="module")
def scanned(walked):
    return scan(walked)


def test_the_walk_is_ast_walk(trees, walked):
    """`source_trees.nodes` lists what `ast.walk` yields, in its order, for modules of every size and shape."""
    for rel in ("rules/funds.py", "layout/merges.py", "io/guard_zip.py", "serve/payload.py", "document/crosscheck.py"):
        assert [id(n) for n in walked[rel]] == [id(n) for n in ast.walk(trees[rel])], rel


def test_the_scan_sees_codes_in_each_shape_they_are_emitted_in(scanned):
    used, class_codes, loose = scanned
    assert "perfxl/layout/merges.py" not in {p for places in used.values() for p in places}  # relative paths
    # one code of each shape: Finding(...) first argument, unreadable(...), code=, a dict "code", a class
    # default, PayloadProblem's 4th field, a parameter default, `a if c else b`, a comparison, @check("…")
    expect = {
        "LAYOUT_MERGE_OVERLAP": "layout/merges.py",
        "ZIP_BOMB": "io/guard_zip.py",
        "WORKERS_FAILED": "batch/executors.py",
        "WORKER_CRASHED": "batch/executors.py",
        "BAD_JSON": "serve/guard.py",
        "BAD_PAYLOAD": "serve/payload.py",
        "LAYOUT_UNKNOWN_LABEL": "layout/basic.py",
        "OUTPUT_UNWRITABLE": "batch/runner.py",
        "F04": "rules/funds.py",
        "N01": "document/crosscheck.py",
        "GUARD_MISSING": "document/guarded.py",
        "NOT_A_DOCUMENT": "document/read.py",
    }
    for code, where in expect.items():
        assert any(p.startswith(where + ":") for p in used[code]), (code, sorted(used[code]))
    assert class_codes["OUTPUT_EXISTS"] == {"OutputExists"} and "PROFILE_INVALID" in class_codes
    assert {"SYMLINK_LOOP", "NOT_REGULAR_FILE"} <= set(loose)  # returned in a (code, zh, en) tuple


def test_every_code_perfxl_emits_is_in_the_catalogue(scanned):
    used, class_codes, _ = scanned
    known = {s.code for s in CODES}
    missing = {code: sorted(places)[:3] for code, places in used.items() if code not in known}
    missing |= {code: sorted(classes) for code, classes in class_codes.items() if code not in known}
    assert not missing, f"codes emitted but not catalogued (add them to perfxl/rules/other_codes.py): {missing}"


def test_no_other_code_shaped_literal_escapes_the_catalogue(scanned):
    *_, loose = scanned
    known = {s.code for s in CODES}
    stray = {v: sorted(p)[:3] for v, p in loose.items() if v not in known and v not in NOT_CODES}
    assert not stray, f"code-shaped literals neither catalogued nor listed in NOT_CODES: {stray}"
    assert not set(NOT_CODES) & known


def test_every_catalogue_entry_is_emitted_or_marked_with_a_reason(scanned, walked):
    used, class_codes, loose = scanned
    called = _called_classes(walked)
    implemented = {s.code for s in implemented_specs()}
    emitted = set(used) | implemented | {c for c, classes in class_codes.items() if classes & called} | set(loose)
    for s in CODES:
        assert s.status in ("active", "reserved", "retired"), s.code
        if s.status == "active":
            assert s.code in emitted, (
                f"{s.code} is catalogued but perfxl never emits it: mark it reserved/retired with a reason"
            )
        else:
            assert s.status_reason, s.code
            assert s.code not in used and s.code not in implemented, f"{s.code} is marked {s.status} but is emitted"


def test_every_entry_has_kind_titles_severity_why_example_and_source():
    codes = [s.code for s in CODES]
    assert len(codes) == len(set(codes))
    assert [s for s in CODES if s.kind == "check"] == list(CATALOGUE)
    for s in CODES:
        assert s.kind in KINDS, s.code
        assert CODE_RE.fullmatch(s.code), s.code
        assert s.title_zh and s.title_en and s.title_zh != s.title_en, s.code
        assert s.why_zh and s.example_input and s.example_message and s.source, s.code
        assert "{" not in s.example_message and "?" not in s.example_message, s.code
        assert code_spec(s.code) is s


def test_check_examples_are_the_checks_own_words():
    """A check's example message is its template rendered, so docs show what perfxl prints."""
    s = code_spec("F04")
    assert s.example_message == "执行率应为 86.20%（86.2/100），表中为 90%"
    assert all(s.example_message.startswith(s.template_zh.split("{", 1)[0]) for s in CATALOGUE)


# ---------------------------------------------------------------- `perfxl rules` lists the same catalogue


def _rules(*args: str):
    import json

    from typer.testing import CliRunner

    from perfxl.cli.main import app

    res = CliRunner().invoke(app, ["rules", *args])
    assert "Traceback" not in res.output, res.output
    return res, (json.loads(res.stdout) if res.exit_code == 0 and "json" in args else None)


def test_perfxl_rules_lists_every_code_with_why_and_example():
    res, listed = _rules("--format", "json")
    assert res.exit_code == 0
    assert [r["code"] for r in listed] == [s.code for s in CODES]
    zip_bomb = next(r for r in listed if r["code"] == "ZIP_BOMB")
    assert zip_bomb["kind"] == "file" and zip_bomb["severity"] == "error" and "压缩炸弹" in zip_bomb["example_message"]
    text, _ = _rules()
    assert text.exit_code == 0 and all(s.code in text.stdout for s in CODES)


def test_perfxl_rules_filters_by_kind_code_prefix_severity_and_profile(tmp_path):
    _, reader = _rules("--kind", "reader", "--format", "json")
    assert {r["kind"] for r in reader} == {"reader"} and {
        "LAYOUT_NO_TABLE",
        "READ_ERROR_VALUE",
        "SHEETS_ALL_HIDDEN",
    } <= {r["code"] for r in reader}
    _, zips = _rules("--select", "ZIP_,F04", "--format", "json")
    assert {r["code"] for r in zips} == {c for c in (s.code for s in CODES) if c.startswith("ZIP_")} | {"F04"}
    _, infos = _rules("--kind", "check", "--severity", "info", "--format", "json")
    assert infos and all(r["severity"] == "info" for r in infos) and "S04" in {r["code"] for r in infos}
    profile = tmp_path / "mild.toml"
    profile.write_text(
        'name = "mild"\nextends = "national"\n[checks.F04]\nseverity = "warning"\n[checks.G02]\nenabled = false\n',
        encoding="utf-8",
    )
    _, mild = _rules("--profile", str(profile), "--select", "F04,G02", "--format", "json")
    assert {r["code"]: (r["severity"], r["enabled"]) for r in mild} == {
        "F04": ("warning", True),
        "G02": ("warning", False),
    }
    md, _ = _rules("--format", "markdown", "--select", "N0")
    assert md.exit_code == 0 and "| [N01](rules/N01.md) | check |" in md.stdout
    for bad in (("--kind", "nope"), ("--select", "ZZZ9"), ("--severity", "fatal"), ("--format", "xml")):
        assert _rules(*bad)[0].exit_code == 2, bad
