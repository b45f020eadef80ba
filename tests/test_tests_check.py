"""Every test checks something (audit30, docs/testing.md "What a test must do"): an AST pass over tests/ — each test
function holds an `assert`, a `pytest.raises`/`fail`, or calls a helper of tests/ that does; no `assert` is true
whatever it is given (a non-empty tuple, a true constant, `… or True`, `and` over a parameter every case gives a true
constant — audit31b); no parametrize list gives one case twice (audit31); a guard validating a corpus variant asserts
that findings rest on what the kind rewrote (audit32). A test whose check is that a call raises nothing is listed below with what would raise. Slow: parsing and walking tests/' ≈ 4.6 MB costs ≈ 3 s of CPU."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import source_trees

pytestmark = pytest.mark.slow

TESTS = Path(__file__).resolve().parent
#: pytest's calls that check by themselves
CHECKING_CALLS = frozenset({"raises", "warns", "fail", "deprecated_call"})
#: probe_variants' runs of a kind on a corpus table (a guard over them asks `rest_on_rewritten`, audit31b/audit32)
VARIANT_RUNS = frozenset({"of_corpus", "outcome_of_corpus"})
#: tests whose check is that a call raises nothing: (file, test) → what would raise
NO_ERROR_IS_THE_CHECK = {
    ("test_batch_workers_start.py", "test_a_failed_head_start_is_left_to_the_pool"): "the fork server's OSError",
    ("test_bundle.py", "test_the_generated_install_script_passes_the_cmd_byte_check"): "encode_bat's ValueError",
    ("test_layout_robust.py", "test_parse_level1_never_raises"): "parse_level1 on any text (hypothesis)",
}


@dataclass
class Function:
    """A module-level function or a method of tests/ (a nested function's calls and checks are its outer one's)."""

    file: str
    name: str
    line: int
    in_test_class: bool  # module-level, or a method of a `Test…` class: where pytest collects tests
    called: set[str] = field(default_factory=set)  # the names it calls (a method by its attribute)
    checks: bool = False  # holds an `assert` or a `raise`
    guard: bool = False  # says it is a guard (its docstring), or is named as the pinned-kind guards are ("no_verdict")


@dataclass
class Scan:
    functions: list[Function] = field(default_factory=list)
    always_true: list[str] = field(default_factory=list)  # asserts that pass whatever they are given
    aliases: dict[str, str] = field(default_factory=dict)  # `from m import name as alias`: alias → name
    repeated_cases: list[str] = field(default_factory=list)  # a parametrize list holding one case twice (audit31)
    constant_operands: list[str] = field(default_factory=list)  # `assert label and …`, label true in every case

    def checking(self) -> frozenset[str]:
        """Names of tests/' functions (and their aliases) that assert, raise or call one that does, and pytest's."""
        names = {f.name for f in self.functions if f.checks or f.called & CHECKING_CALLS}
        while True:
            more = {f.name for f in self.functions if f.name not in names and f.called & names}
            more |= {a for a, name in self.aliases.items() if name in names and a not in names}
            if not more:
                return frozenset(names) | CHECKING_CALLS
            names |= more

    def reached(self, f: Function) -> set[str]:
        """The names `f` calls, and those its module's own functions it calls call, and so on (not across modules:
        names such as `run` or `check` recur)."""
        by_name: dict[str, list[Function]] = {}
        for g in self.functions:
            if g.file == f.file:
                by_name.setdefault(g.name, []).append(g)
        seen, todo = set(f.called), list(f.called)
        while todo:
            for g in by_name.get(todo.pop(), []):
                todo += list(g.called - seen)
                seen |= g.called
        return seen

    def unpinned_guards(self) -> list[str]:
        """Guards validating a corpus variant (`probe_variants.of_corpus`/`outcome_of_corpus`) that never ask
        `rest_on_rewritten`: on a table with no finding on the rows the kind rewrote they hold whatever perfxl reads
        there (test_review31w's pinned kinds at audit32's parent: 7 of 21)."""
        return [
            f"{f.file}:{f.line} {f.name}"
            for f in self.tests()
            if f.guard and (reached := self.reached(f)) & VARIANT_RUNS and "rest_on_rewritten" not in reached
        ]

    def tests(self) -> list[Function]:
        return [
            f
            for f in self.functions
            if Path(f.file).name.startswith("test_") and f.in_test_class and f.name.startswith("test")
        ]


def _always_true(test: ast.expr) -> bool:
    return bool(
        (isinstance(test, ast.Tuple) and test.elts)
        or (isinstance(test, ast.Constant) and test.value)
        or (
            isinstance(test, ast.BoolOp)
            and isinstance(test.op, ast.Or)
            and any(isinstance(v, ast.Constant) and v.value for v in test.values)
        )
    )


def _is_parametrize(call: ast.Call) -> bool:
    """`pytest.mark.parametrize(names, cases, …)` with its cases given."""
    return isinstance(call.func, ast.Attribute) and call.func.attr == "parametrize" and len(call.args) > 1


def _true_parameters(call: ast.Call, constants: dict[str, ast.expr]) -> set[str]:
    """The parameters of a parametrize call (its cases written out or a module constant naming them) that every case
    gives as a true constant ("classes", 1): an `and` over one is true whatever that case is."""
    names, cases = call.args[0], constants.get(getattr(call.args[1], "id", ""), call.args[1])
    if isinstance(names, ast.Constant):
        params = [n.strip() for n in str(names.value).split(",") if n.strip()]
    elif isinstance(names, ast.List | ast.Tuple):
        params = [str(n.value) for n in names.elts if isinstance(n, ast.Constant)]
    else:
        return set()
    if not isinstance(cases, ast.List | ast.Tuple) or not cases.elts:
        return set()
    rows = [c.elts if isinstance(c, ast.Tuple) and len(params) > 1 else [c] for c in cases.elts]
    return {
        p
        for i, p in enumerate(params)
        if all(len(r) > i and isinstance(r[i], ast.Constant) and r[i].value for r in rows)
    }


def _constant_operands(fn: ast.FunctionDef | ast.AsyncFunctionDef, constants: dict[str, ast.expr]) -> list[ast.Assert]:
    """The asserts of a parametrized test that `and` a parameter true in every case (`assert reading and …`)."""
    true = set().union(
        *(_true_parameters(d, constants) for d in fn.decorator_list if isinstance(d, ast.Call) and _is_parametrize(d))
    )
    return [
        x
        for x in source_trees.nodes(fn)
        if isinstance(x, ast.Assert)
        and isinstance(x.test, ast.BoolOp)
        and isinstance(x.test.op, ast.And)
        and any(isinstance(v, ast.Name) and v.id in true for v in x.test.values)
    ]


def scan_module(rel: str, tree: ast.Module, out: Scan) -> None:
    constants = {
        t.id: x.value for x in tree.body if isinstance(x, ast.Assign) for t in x.targets if isinstance(t, ast.Name)
    }
    for top in tree.body:
        for fn in top.body if isinstance(top, ast.ClassDef) else [top]:
            if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            collected = not isinstance(top, ast.ClassDef) or top.name.startswith("Test")
            f = Function(rel, fn.name, fn.lineno, collected)
            f.guard = "guard" in (ast.get_docstring(fn) or "").lower() or "no_verdict" in fn.name
            out.functions.append(f)
            out.constant_operands += [
                f"{rel}:{x.lineno}: assert {ast.unparse(x.test)[:80]}" for x in _constant_operands(fn, constants)
            ]
            for x in source_trees.nodes(fn):
                if isinstance(x, ast.Call):
                    f.called.add(x.func.attr if isinstance(x.func, ast.Attribute) else getattr(x.func, "id", ""))
                elif isinstance(x, ast.Assert | ast.Raise):
                    f.checks = True
    for x in source_trees.nodes(tree):
        if isinstance(x, ast.Call) and _is_parametrize(x) and isinstance(x.args[1], ast.List | ast.Tuple):
            seen: set[str] = set()
            for case in x.args[1].elts:
                if (key := ast.dump(case)) in seen:
                    out.repeated_cases.append(f"{rel}:{case.lineno}: {ast.unparse(case)[:80]}")
                seen.add(key)
        if isinstance(x, ast.Assert) and _always_true(x.test):
            out.always_true.append(f"{rel}:{x.lineno}: assert {ast.unparse(x.test)[:80]}")
        elif isinstance(x, ast.ImportFrom):
            out.aliases.update({a.asname: a.name for a in x.names if a.asname})


@pytest.fixture(scope="module")
def scan() -> Scan:
    out = Scan()
    for path, (_, tree) in source_trees.parsed(TESTS).items():
        scan_module(str(path.relative_to(TESTS)), tree, out)
    return out


def test_every_test_checks_something(scan: Scan) -> None:
    checking = scan.checking()
    tests = scan.tests()
    unchecked = [
        f"{f.file}:{f.line} {f.name}"
        for f in tests
        if not f.checks and not f.called & checking and (f.file, f.name) not in NO_ERROR_IS_THE_CHECK
    ]
    assert len(tests) > 3000
    assert not unchecked, "tests that check nothing (assert, pytest.raises, a checking helper):\n" + "\n".join(
        unchecked
    )
    assert set(NO_ERROR_IS_THE_CHECK) <= {(f.file, f.name) for f in tests}


def test_no_assert_is_true_whatever_it_is_given(scan: Scan) -> None:
    assert not scan.always_true, "\n".join(scan.always_true)


def test_no_parametrized_case_is_given_twice(scan: Scan) -> None:
    """A case written twice runs twice under two ids (pytest numbers the collapsed ids apart) and checks nothing more:
    a miscounted table, or the case meant to differ (audit31)."""
    assert not scan.repeated_cases, "\n".join(scan.repeated_cases)


def test_no_assert_ands_a_parameter_true_in_every_case(scan: Scan) -> None:
    """`assert reading and all(…)` with `reading` a label every case gives ("classes"): the label checks nothing
    (test_review30c at audit31b's parent; fails there)."""
    assert not scan.constant_operands, "\n".join(scan.constant_operands)


def test_guards_on_corpus_variants_ask_what_rests_on_the_rewritten_rows(scan: Scan) -> None:
    """A guard (it passes at its merge's parent) pinning a kind to a corpus table checks something only where findings
    rest on the rows the kind rewrote: it asserts `rest_on_rewritten` (test_review31w at audit32's parent fails)."""
    assert not scan.unpinned_guards(), "\n".join(scan.unpinned_guards())


def test_the_pass_tells_a_guard_that_asks_nothing_of_the_rewritten_rows() -> None:
    source = (
        "def _outcome(name, kind, tmp):\n    return PV.outcome_of_corpus(name, kind, tmp)\n"
        "def test_kinds_change_no_verdict_on_a_table(kind, name, tmp_path):\n"
        "    assert _outcome(name, kind, tmp_path).lost == []\n"
        "def test_pinned(kind, name, tmp_path):\n    'Guards: each passed at its parent.'\n"
        "    v = PV.of_corpus(name, kind, tmp_path)\n    assert PV.rest_on_rewritten(v)\n"
        "def test_fails_at_main(tmp_path):\n    assert _outcome('a', 'k', tmp_path).lost == []\n"
    )
    out = Scan()
    scan_module("test_x.py", ast.parse(source), out)
    assert out.unpinned_guards() == ["test_x.py:3 test_kinds_change_no_verdict_on_a_table"]


def test_the_pass_tells_a_test_that_checks_nothing() -> None:
    """The pass on a module of its own: a test with no check is told from one calling a checking helper by its alias,
    and an always-true assert is found."""
    source = (
        "from table_cases import each1 as _each1\n"
        "def each1(cases, check):\n    assert cases\n"
        "def test_nothing():\n    x = sorted([2, 1])\n"
        "def test_by_alias():\n    _each1([1], str)\n"
        "class Helper:\n    def test_like_name(self):\n        pass\n"
        "class TestIt:\n    def test_tuple(self):\n        assert (1 == 2, 'why')\n"
        "@pytest.mark.parametrize(('a', 'b'), [(1, 'x'), (2, 'x'), (1, 'x')])\ndef test_twice(a, b):\n    assert a\n"
    )
    source += (
        "CASES = (('label', 'x'), ('other', ''))\n"
        "@pytest.mark.parametrize(('name', 'text'), CASES)\ndef test_label(name, text):\n    assert name and text\n"
        "@pytest.mark.parametrize('text', ['', 'x'])\ndef test_text(text):\n    assert text and text.strip()\n"
    )
    out = Scan()
    scan_module("test_x.py", ast.parse(source), out)
    assert out.constant_operands == ["test_x.py:20: assert name and text"]
    checking = out.checking()
    assert [f.name for f in out.tests() if not f.checks and not f.called & checking] == ["test_nothing"]
    assert out.always_true == ["test_x.py:13: assert (1 == 2, 'why')"]
    assert out.repeated_cases == ["test_x.py:14: (1, 'x')"]
