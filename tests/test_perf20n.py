"""perf20n (issue 14): costly patterns gated behind a cheap test of what every match holds (`lazy_compile(…, needs=)`).

A workbook's `perfxl validate` cross-checks its 自评表's two 年度总体目标 texts (N01/N02): the fact reading asked ≈ 55
lazily compiled patterns of two short sentences, most of them matching nothing, and compiling them cost ≈ 170 M
instructions (a CJK range alone ≈ 9.5 M). A gated pattern is compiled only once a text passes its gate, so the gate
must be NECESSARY: a text failing it holds no match anywhere. Held here three ways:
- every gated pattern of perfxl, on every text of the corpus (tests/realworld/*.toml: whole texts, clauses, the words
  before each figure) and on strings generated from the pattern itself (its own parse tree walked at random, with
  random text around): a text with a match passes the gate;
- a gated stand-in answers each method as the compiled pattern does, before and after it compiles;
- the fact reading (`extract_facts`) of every corpus text with a figure is the same with every gate consulted on every
  call as with the plain compiled patterns.
"""

from __future__ import annotations

import importlib
import pkgutil
import random
import re
import re._constants as C
import re._parser as P
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from report_helpers import corpus_texts

import perfxl.document
from perfxl.patterns import _Gated, lazy_compile, opening

CORPUS = Path(__file__).parent / "realworld"


def _modules() -> list[ModuleType]:
    names = ["perfxl.patterns", "perfxl.values", "perfxl.labels"]
    names += [m.name for m in pkgutil.iter_modules(perfxl.document.__path__, "perfxl.document.")]
    return [importlib.import_module(n) for n in names]


def _gated() -> dict[str, _Gated]:
    """Every gated module-level pattern, by one of its names."""
    found: dict[int, tuple[str, _Gated]] = {}
    for mod in _modules():
        for name, value in vars(mod).items():
            if isinstance(value, _Gated):
                found.setdefault(id(value), (f"{mod.__name__}.{name}", value))
    return dict(found.values())


_PIECES = re.compile(r"[，。；,;：:！？\n]")
_FIGURE = re.compile(r"\d")


@pytest.fixture(scope="module")
def corpus() -> list[str]:
    """The corpus's texts, their clauses and sentences, and the words before each figure of a clause."""
    out: set[str] = set()
    for text in corpus_texts():
        out.add(text)
        for piece in _PIECES.split(text):
            out.add(piece)
            out.update(piece[: m.start()] for m in _FIGURE.finditer(piece))
    return sorted(out)


#: What a lookaround may ask for around a generated match.
_AROUND = "中年1%，。（ \u3000"
_CJK = "中文绩效目标完成率以上不低于万元年度的比较与增加减少合计注按是一二（）(，。、 \u3000"


def _sample(items: list, rng: random.Random, depth: int = 0) -> str:
    """A random string the parsed pattern `items` may match (a lookbehind's text written out, other lookarounds skipped:
    the string is then checked)."""
    out = []
    for op, av in items:
        if op is C.LITERAL:
            out.append(chr(av))
        elif op is C.NOT_LITERAL:
            out.append(rng.choice([c for c in "中a1，" if ord(c) != av]))
        elif op is C.ANY:
            out.append(rng.choice(_CJK))
        elif op is C.IN:
            out.append(_one_of(av, rng))
        elif op is C.BRANCH:
            out.append(_sample(rng.choice(av[1]), rng, depth + 1))
        elif op is C.SUBPATTERN:
            out.append(_sample(av[-1], rng, depth + 1))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            lo, hi, sub = av
            n = rng.randint(lo, min(hi, lo + 3))
            out.extend(_sample(sub, rng, depth + 1) for _ in range(n))
        elif op is C.CATEGORY:
            out.append(_category(av, rng))
        elif op is C.ASSERT and av[0] < 0:  # a lookbehind: the text it asks for, before what follows
            out.append(_sample(av[1], rng, depth + 1))
        elif op in (C.AT, C.ASSERT, C.ASSERT_NOT, C.GROUPREF):
            continue
        else:  # pragma: no cover - an opcode the gated patterns do not use
            raise AssertionError(op)
    return "".join(out)


def _category(av: object, rng: random.Random) -> str:
    if av is C.CATEGORY_DIGIT:
        return rng.choice("0123456789０")
    if av is C.CATEGORY_SPACE:
        return rng.choice(" \u3000\u00a0\t")
    if av is C.CATEGORY_WORD:
        return rng.choice("中a1_")
    return rng.choice("中a，")  # the negated categories


def _one_of(av: list, rng: random.Random) -> str:
    if av and av[0][0] is C.NEGATE:
        return rng.choice([c for c in "中文a1，。（ 年" if not _in_set(av[1:], c)] or ["中"])
    op, arg = rng.choice(av)
    if op is C.LITERAL:
        return chr(arg)
    if op is C.RANGE:
        return chr(rng.randint(*arg))
    if op is C.CATEGORY:
        return _category(arg, rng)
    return "中"


_CATEGORIES = {C.CATEGORY_DIGIT: str.isdecimal, C.CATEGORY_SPACE: str.isspace}


def _in_set(items: list, c: str) -> bool:
    for op, arg in items:
        if op is C.LITERAL and c == chr(arg):
            return True
        if op is C.RANGE and arg[0] <= ord(c) <= arg[1]:
            return True
        if op is C.CATEGORY and arg in _CATEGORIES and _CATEGORIES[arg](c):
            return True
    return False


def test_the_gated_patterns_are_found() -> None:
    gated = _gated()
    assert len(gated) >= 30, sorted(gated)


def _gates_hold(corpus: list[str]) -> None:
    rng = random.Random(20)
    for name, lazy in _gated().items():
        pattern, flags = lazy._args
        compiled = re.compile(pattern, flags)
        texts = [t for t in corpus if not lazy._passes(t)]
        assert all(compiled.search(t) is None for t in texts), (name, [t for t in texts if compiled.search(t)][:3])
        matched = 0
        tree = P.parse(pattern, flags)
        for _ in range(150):
            core = _sample(list(tree), rng)
            before, after = rng.choice(_AROUND), rng.choice(_AROUND)
            for text in (core, before + core, core + after, before + core + after, "一是" + core + "。"):
                if compiled.search(text) is not None:
                    matched += 1
                    assert lazy._passes(text), (name, text)
        assert matched, name  # strings holding a match were generated, and passed


def test_a_text_holding_a_match_passes_the_gate(corpus: list[str]) -> None:
    """Every eighth text of the corpus's (the fast loop's share; all of them below, slow) and generated ones."""
    _gates_hold(corpus[::8])


@pytest.mark.slow
def test_every_corpus_text_holding_a_match_passes_the_gate(corpus: list[str]) -> None:
    _gates_hold(corpus)


def test_a_gated_stand_in_answers_as_its_pattern() -> None:
    texts = ["", "比上年增加10万元", "与上年持平公务接待费", "增加", "abc", "比 2023 年", "（一）是", "其中按功能分类"]
    for pattern, needs in (
        (r"(比|较)(上年)?", ("比", "较")),
        (r"^\s*[（(一]", opening("（(一", space=True)),
        (r"(?<=\d)\s+(?=[\u4e00-\u9fff])", ("3",)),
    ):
        compiled = re.compile(pattern)
        for first in texts:  # each text first, so the stand-in answers both before and after it compiles
            lazy = lazy_compile(pattern, needs=needs)
            for text in [first, *texts]:
                for method in ("match", "search", "fullmatch"):
                    a, b = getattr(lazy, method)(text), getattr(compiled, method)(text)
                    assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))
                assert lazy.findall(text) == compiled.findall(text)
                assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
                assert lazy.sub("<>", text) == compiled.sub("<>", text)
                assert lazy.subn("<>", text, 1) == compiled.subn("<>", text, 1)
                assert lazy.split(text) == compiled.split(text)
                assert lazy.search(text, 1) == compiled.search(text, 1) or (
                    lazy.search(text, 1).span() == compiled.search(text, 1).span()  # type: ignore[union-attr]
                )
        assert lazy.pattern == pattern and lazy.groups == compiled.groups


class _AlwaysGated(_Gated):
    """A gate consulted on every call, never replaced by the compiled pattern's methods."""

    def _compiled(self) -> re.Pattern[str]:
        return re.compile(*self._args)


def _swap(monkeypatch: pytest.MonkeyPatch, make) -> None:
    """Each gated pattern, wherever a module holds it, replaced by `make(the pattern)`."""
    gated = {id(v): v for v in _gated().values()}
    for mod in _modules():
        for name, value in list(vars(mod).items()):
            if id(value) in gated:
                monkeypatch.setattr(mod, name, make(value))


def _same_facts(monkeypatch: pytest.MonkeyPatch, every: int) -> None:
    from perfxl.document.facts import extract_facts, readable
    from perfxl.document.plain_text import plain_narrative

    texts = sorted({t for t in corpus_texts() if _FIGURE.search(t) and readable(t)})[::every]
    assert len(texts) > 4000 // every

    def read() -> list[str]:
        return [repr(extract_facts(plain_narrative(t), 0)) for t in texts]

    with monkeypatch.context() as m:
        _swap(m, lambda g: re.compile(*g._args))
        plain = read()
    with monkeypatch.context() as m:
        _swap(m, lambda g: _AlwaysGated(*g._args, g._passes))
        gated = read()
    assert gated == plain


def test_the_facts_read_are_the_same_gated_or_not(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every tenth corpus text with a figure (the fast loop's share; all of them below, slow)."""
    _same_facts(monkeypatch, 10)


@pytest.mark.slow
def test_the_facts_of_every_corpus_text_are_the_same_gated_or_not(monkeypatch: pytest.MonkeyPatch) -> None:
    _same_facts(monkeypatch, 1)


# --- a workbook's goal texts without the report's cross-check (perfxl.document.goal_texts) ---------------------------


def _corpus_submissions(every: int) -> Iterator[object]:
    """Every `every`-th of the corpus's tables holding a 总体目标 text, read from their grids (tests/realworld/render.py)."""
    import sys

    sys.path.insert(0, str(CORPUS))
    from render import _merge_bounds, corpus_files, load_table  # type: ignore[import-not-found]

    from perfxl.grid import Grid
    from perfxl.reader import read_grids

    tables = [load_table(path) for path in corpus_files()]
    for table in [t for t in tables if any("总体目标" in cell for row in t.rows for cell in row)][::every]:
        merged = tuple(b for m in table.merges if (b := _merge_bounds(m)) is not None)
        yield read_grids([Grid(table.sheet, [list(r) for r in table.rows], merged)], table.path.name)


def _goal_issues_alike(every: int, least: int, least_issues: int) -> None:
    from perfxl.cli.validate_cmd import find_example
    from perfxl.document.crosscheck import cross_check
    from perfxl.document.goal_texts import goal_text_issues, goal_texts
    from perfxl.reader import read_submission

    example = find_example()
    assert example is not None
    subs = [read_submission(example), *_corpus_submissions(every)]
    checked = issues = 0
    for sub in subs:
        assert not sub.narrative  # type: ignore[attr-defined]
        if sub.basic is not None and sub.basic.texts:  # type: ignore[attr-defined]
            continue  # a 三公 table's sentences: the report's cross-check reads them
        checked += bool(goal_texts(sub))  # type: ignore[arg-type]
        mine, theirs = goal_text_issues(sub), cross_check(sub)  # type: ignore[arg-type]
        assert repr(mine) == repr(theirs)
        issues += len(mine)
    assert checked >= least and issues >= least_issues, (checked, issues)


def test_goal_text_issues_are_the_cross_checks() -> None:
    """A submission whose only narrative is its 年度总体目标 cells gets from `goal_text_issues` (which imports none of
    the report's readings) what the report's `cross_check` gives it: the bundled example and every fourth corpus table
    with such cells (the fast loop's share; all of them below, slow)."""
    _goal_issues_alike(4, 8, 0)


@pytest.mark.slow
def test_goal_text_issues_of_every_corpus_table_are_the_cross_checks() -> None:
    _goal_issues_alike(1, 30, 1)


def test_the_goal_texts_import_no_report_only_reading() -> None:
    """What `perfxl.document.goal_texts` imports, followed through perfxl.document: none of the report-only modules."""
    import ast

    folder = Path(perfxl.document.__path__[0])
    seen: set[str] = set()
    todo = ["goal_texts"]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        tree = ast.parse((folder / f"{name}.py").read_text(encoding="utf-8"))
        for node in tree.body:  # module-level imports only (a function's own import runs when it is called)
            if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
                todo.append(node.module)
    report_only = {"crosscheck", "lists", "match", "table_lines", "table_wholes", "goal_claims", "assumed_unit"}
    report_only |= {"budget_gap", "group_weights", "levels_apart", "score_parts", "stated_grade"}
    assert not seen & report_only, sorted(seen & report_only)
