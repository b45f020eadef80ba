"""review20b (issues 12/14): every `lazy_compile(…, needs=)` gate proved from its pattern's grammar, not sampled.

A gated pattern answers "no match" without compiling for a text failing its gate (perfxl/patterns.py), so a gate that
refuses a text some match could occur in silences the pattern: a missed reading, or — for a pattern that is a reason to
stay quiet (another year, a base named, a use …) — a false finding. tests/test_perf20n.py holds the gates against the
corpus and random strings; here each gate is PROVED from the regex's parse tree (`re._parser`), so a new gate, or a
pattern edited under its gate, is refused unless every string the pattern can match passes it:
- a word gate (`needs=("比", "较")`): some piece of the pattern that every match holds (a literal run, a branch whose
  every alternative holds one, a repeat of at least one, a lookaround's text — the gate sees the whole text) has every
  string of its finite language holding one of the words;
- an `opening(chars)` gate: every alternative is anchored at `^` (no MULTILINE, so `search`/`sub`/`finditer` can match
  only at 0 too; a call with a position is not gated), matches no empty string, and its possible first characters —
  after a leading `\\s*` when the gate skips spaces — are `chars` (or `\\d` when `digit`);
- the `\\d\\s|\\s\\d` gate of plain_text's space patterns: a digit lookbehind right before a run of spaces, or a run of
  spaces right before a digit lookahead.
The prover is itself held: it refuses the unsound gates one writes by mistake (a branch lacking the word, an optional
word, a class holding the word's character among others, a full-width form, an unanchored or empty-matching opening).

And the workbook path of perf20n (`goal_text_issues`, importing no report-only module) gives what the report's
`cross_check` gives, also for goal texts with money, rates, counts, 三公 words, instalments, notes and other years.
"""

from __future__ import annotations

import dataclasses
import importlib
import itertools
import re
import re._constants as C
import re._parser as P
from collections.abc import Callable, Iterator
from pathlib import Path

import perfxl
from perfxl.patterns import _Gated, lazy_compile, opening

_CAP = 20000  # strings of a finite language enumerated at most


def _lang_seq(seq: object) -> set[str] | None:
    """The finite language of a parsed sequence, or None (infinite, a category, too many strings)."""
    out = {""}
    for op, av in seq:  # type: ignore[attr-defined]
        one = _lang(op, av)
        if one is None:
            return None
        out = {a + b for a in out for b in one}
        if len(out) > _CAP:
            return None
    return out


def _lang(op: object, av: object) -> set[str] | None:
    if op is C.LITERAL:
        return {chr(av)}  # type: ignore[arg-type]
    if op is C.IN:
        chars: set[str] = set()
        for o, a in av:  # type: ignore[attr-defined]
            if o is C.LITERAL:
                chars.add(chr(a))
            elif o is C.RANGE and a[1] - a[0] <= 2000:
                chars.update(chr(c) for c in range(a[0], a[1] + 1))
            else:  # NEGATE, a category, a CJK range
                return None
        return chars
    if op is C.SUBPATTERN:
        return _lang_seq(av[3])  # type: ignore[index]
    if op is C.BRANCH:
        union: set[str] = set()
        for alt in av[1]:  # type: ignore[index]
            one = _lang_seq(alt)
            if one is None:
                return None
            union |= one
        return union
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        lo, hi, sub = av  # type: ignore[misc]
        base = _lang_seq(sub)
        if base is None or hi is C.MAXREPEAT or hi > 6:
            return None
        union, cur = set(), {""}
        for k in range(hi + 1):
            if k >= lo:
                union |= cur
            cur = {a + b for a in cur for b in base}
            if len(cur) > _CAP:
                return None
        return union
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return {""}  # zero-width
    return None


def _holds(seq: object, ok: Callable[[str], bool]) -> bool:
    """Every match of the parsed sequence holds (in the text) a string `ok` accepts — proved, or False."""
    items = list(seq)  # type: ignore[call-overload]
    langs = [_lang(op, av) for op, av in items]
    for i, (op, av) in enumerate(items):
        if _item_holds(op, av, ok):
            return True
        if langs[i] is None:
            continue
        run = {""}  # the literal runs starting here: "按(?:照)?计划" holds 计划 across its optional 照
        for j in range(i, len(items)):
            lang = langs[j]
            if lang is None:
                break
            run = {a + b for a in run for b in lang}
            if len(run) > _CAP:
                break
            if all(ok(s) for s in run):
                return True
    return False


def _item_holds(op: object, av: object, ok: Callable[[str], bool]) -> bool:
    if op is C.SUBPATTERN:
        return _holds(av[3], ok)  # type: ignore[index]
    if op is C.BRANCH:
        return all(_holds(alt, ok) for alt in av[1])  # type: ignore[index]
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        return av[0] >= 1 and _holds(av[2], ok)  # type: ignore[index]
    if op is C.ASSERT:  # a lookaround's text is in the text the gate sees
        return _holds(av[1], ok)  # type: ignore[index]
    lang = _lang(op, av)
    return lang is not None and all(ok(s) for s in lang)


def proves_words(pattern: str, flags: int, words: tuple[str, ...]) -> bool:
    """Every string `pattern` can match (anywhere, by any method) holds one of `words`."""
    if flags & (re.IGNORECASE | re.VERBOSE) or re.search(r"\(\?[aiLmsux-]", pattern):
        return False  # case folding or inline flags: not modelled
    return _holds(P.parse(pattern, flags), lambda s: any(w in s for w in words))


_SPACE, _DIGIT = "\\s", "\\d"


def _is_category(seq: object, category: object) -> bool:
    items = list(seq)  # type: ignore[call-overload]
    return len(items) == 1 and items[0][0] is C.IN and list(items[0][1]) == [(C.CATEGORY, category)]


def _firsts(seq: object, anchored: bool) -> tuple[set[str], bool, bool]:
    """(the first characters a match of the sequence may start with — `_DIGIT` for \\d, `_SPACE` for a leading \\s* —,
    is every path anchored at `^`, can it match the empty string)."""
    out: set[str] = set()
    for op, av in seq:  # type: ignore[attr-defined]
        if op is C.AT:
            if av is not C.AT_BEGINNING:
                return out | {"?"}, False, True
            anchored = True
            continue
        if op in (C.ASSERT, C.ASSERT_NOT):
            continue
        firsts, anchored_here, nullable = _first_item(op, av, anchored)
        out |= firsts
        if not nullable:
            return out, anchored_here, False
    return out, anchored, True


def _first_item(op: object, av: object, anchored: bool) -> tuple[set[str], bool, bool]:
    if op is C.IN and list(av) == [(C.CATEGORY, C.CATEGORY_DIGIT)]:  # type: ignore[call-overload]
        return {_DIGIT}, anchored, False
    if op in (C.LITERAL, C.IN):
        lang = _lang(op, av)
        return (set(lang), anchored, False) if lang is not None else ({"?"}, False, False)
    if op is C.SUBPATTERN:
        return _firsts(av[3], anchored)  # type: ignore[index]
    if op is C.BRANCH:
        out: set[str] = set()
        all_anchored, nullable = True, False
        for alt in av[1]:  # type: ignore[index]
            f, a, n = _firsts(alt, anchored)
            out, all_anchored, nullable = out | f, all_anchored and a, nullable or n
        return out, all_anchored, nullable
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        lo, _, sub = av  # type: ignore[misc]
        if lo == 0 and _is_category(sub, C.CATEGORY_SPACE):
            return {_SPACE}, anchored, True
        f, a, n = _firsts(sub, anchored)
        return f, a, n or lo == 0
    return {"?"}, False, True  # anything else: not proved


def proves_opening(pattern: str, flags: int, chars: str, digit: bool, space: bool) -> bool:
    """Every match of `pattern` starts the text (after spaces when `space`) with one of `chars` (or a digit)."""
    if flags & (re.MULTILINE | re.IGNORECASE | re.VERBOSE):
        return False
    firsts, anchored, nullable = _firsts(P.parse(pattern, flags), False)
    if not anchored or nullable:
        return False
    if _SPACE in firsts and not space:
        return False
    if _DIGIT in firsts and not digit:
        return False
    # a first character that is itself a space would be stripped by the gate and then not be the first
    return all(c in chars and not c.isspace() for c in firsts - {_SPACE, _DIGIT})


def proves_space_by_digit(pattern: str, flags: int) -> bool:
    """Every match holds a digit right before a space or a space right before a digit (`\\d\\s|\\s\\d`): a `(?<=\\d)`
    right before a run of spaces, or a run of spaces right before a lookahead whose first item is `\\d`."""
    items = list(P.parse(pattern, flags))

    def spaces(op: object, av: object) -> bool:
        if op not in (C.MAX_REPEAT, C.MIN_REPEAT) or av[0] < 1:  # type: ignore[index]
            return False
        lang = _lang_seq(av[2])  # type: ignore[index]
        return lang is not None and bool(lang) and all(len(s) == 1 and s.isspace() for s in lang)

    for (op1, av1), (op2, av2) in itertools.pairwise(items):
        if op1 is C.ASSERT and av1[0] == -1 and _is_category(av1[1], C.CATEGORY_DIGIT) and spaces(op2, av2):
            return True
        if spaces(op1, av1) and op2 is C.ASSERT and av2[0] == 1:
            head = list(av2[1])[:1]
            if head and head[0][0] is C.IN and list(head[0][1]) == [(C.CATEGORY, C.CATEGORY_DIGIT)]:
                return True
    return False


_ROOT = Path(perfxl.__path__[0])


def _with_gates() -> dict[str, int]:
    """The modules of perfxl whose source writes a gate (`needs=`), with how many."""
    counts = {
        ".".join(("perfxl", *p.relative_to(_ROOT).with_suffix("").parts)): p.read_text(encoding="utf-8").count("needs=")
        for p in _ROOT.rglob("*.py")
    }
    return {name: n for name, n in counts.items() if n}


def _gated() -> dict[str, _Gated]:
    """Every gated pattern of perfxl's modules (module-level), by one of its names."""
    found: dict[int, tuple[str, _Gated]] = {}
    for name in _with_gates():
        mod = importlib.import_module(name)
        for attr, value in vars(mod).items():
            if isinstance(value, _Gated):
                found.setdefault(id(value), (f"{name}.{attr}", value))
    return dict(found.values())


def _gate_of(gated: _Gated) -> tuple[str, object]:
    """("words", the words) / ("opening", (chars, digit, space)) / ("callable", the function) of a gated pattern."""
    passes = gated._passes
    cells = [c.cell_contents for c in (passes.__closure__ or ())]
    if passes.__qualname__ == "opening.<locals>.passes":
        return "opening", tuple(cells)
    if passes.__qualname__ == "_holds_one_of.<locals>.<lambda>":
        return "words", tuple(cells[0])
    return "callable", passes


def _proved(gated: _Gated) -> bool:
    pattern, flags = gated._args
    kind, gate = _gate_of(gated)
    if kind == "words":
        return proves_words(pattern, flags, gate)  # type: ignore[arg-type]
    if kind == "opening":
        chars, digit, space = gate  # type: ignore[misc]
        return proves_opening(pattern, flags, chars, digit, space)
    if getattr(gate, "__qualname__", "") == "_space_by_digit":
        return proves_space_by_digit(pattern, flags)
    return False  # a new kind of gate: prove it here first


def test_every_gate_of_perfxl_is_proved_from_its_pattern() -> None:
    gated = _gated()
    written = sum(_with_gates().values())
    assert len(gated) == written, (len(gated), written)  # no gate outside a module's top level, unproved
    unproved = sorted(name for name, g in gated.items() if not _proved(g))
    assert not unproved, unproved
    kinds = {_gate_of(g)[0] for g in gated.values()}
    assert kinds == {"words", "opening", "callable"} and len(gated) >= 35


def test_the_prover_refuses_unsound_gates() -> None:
    """The mistakes a gate is written with: each refused (else the proof above would prove nothing)."""
    assert not proves_words(r"(?:比|相对)上年", 0, ("比",))  # a branch lacking the word
    assert not proves_words(r"按?计划完成", 0, ("按",))  # the word optional
    assert not proves_words(r"(?:比较)*增加", 0, ("比",))  # … or repeated zero times
    assert not proves_words(r"[比较]上年", 0, ("比",))  # a class holding the word's character among others
    assert not proves_words(r"[,，]\d", 0, (",",))  # the full-width comma
    assert not proves_words(r"注\s*[:：]", 0, ("注:",))  # a space the word does not have
    assert not proves_words(r"(?<!比)较", 0, ("比",))  # a negative lookbehind is no text
    assert not proves_words(r"(?i)ab", 0, ("ab",))  # case folding: not modelled
    assert not proves_words(r"(?:元)?", 0, ("元",))  # the empty match
    # … and proves the sound ones: a word across an optional group, each branch with its own word, a lookaround's text
    assert proves_words(r"已?按(?:照)?计划完成", 0, ("计划",))
    assert proves_words(r"(?:包含|包括|含)(?!税)", 0, ("含", "包括"))
    assert proves_words(r"(?<=比)\d+", 0, ("比",))
    assert proves_words(r"[≥≤]+$|目标值?$", 0, ("≥", "≤", "目标"))
    assert not proves_opening(r"第[一1]", 0, "第", False, False)  # unanchored: search finds it anywhere
    assert not proves_opening(r"^第|第二", 0, "第", False, False)  # one branch unanchored
    assert not proves_opening(r"^第", re.M, "第", False, False)  # MULTILINE: ^ after every line break
    assert not proves_opening(r"^(?:其中)?", 0, "其", False, False)  # an empty match at 0
    assert not proves_opening(r"^\s*（", 0, "（", False, False)  # leading spaces the gate does not skip
    assert not proves_opening(r"^\d{4}年|^其中", 0, "其", False, False)  # a digit the gate does not allow
    assert not proves_opening(r"^(?:全年|另外|其中)", 0, "全其", False, False)  # 另 missing
    assert proves_opening(r"^\s*(?:[一二]是|[（(][一二][)）])", 0, "一二（(", False, True)
    assert not proves_space_by_digit(r"(?<=\d)[ a]+", 0)  # a class holding a non-space
    assert not proves_space_by_digit(r"(?<=\d)[ ]*(?=%)", 0)  # no space needed
    assert proves_space_by_digit(r"(?<=\d)[ \u3000\u00a0]+(?=[%])", 0)


def test_the_gates_own_classes_are_the_regex_ones() -> None:
    """`opening(space=True)` strips what `\\s*` matches (str.lstrip: str.isspace), `opening(digit=True)` tests what `\\d`
    matches (str.isdecimal): the same characters, over every code point."""
    every = "".join(map(chr, range(0x110000)))
    assert re.findall(r"\s", every) == [c for c in every if c.isspace()]
    assert re.findall(r"\d", every) == [c for c in every if c.isdecimal()]
    for c in " \u3000\u00a0\t\u2028":
        assert (c + "第").lstrip() == "第"
    assert opening("第")("第一批") and not opening("第")(" 第一批") and opening("第", space=True)("\u3000第一批")


def test_a_gated_call_with_a_position_is_not_gated() -> None:
    """`opening` sees the whole text: a `match(text, pos)` is answered by the compiled pattern."""
    pattern = lazy_compile(r"^第[一1]批|第[一1]批", needs=opening("第"))
    assert pattern.match("分两批，第一批", 4) is not None


# --- the workbook path (perf20n): goal texts checked without the report's cross-check ---------------------------------

_VARIANTS = (
    "项目年初预算{B}万元，全年实际支出{E}万元，预算执行率{R}%。",
    "本项目预算资金{B}万元，截至12月底执行数为{E}万元，完成预算的{R}%。",
    "项目预算资金123.45万元，实际支出100万元，执行率81%。",
    "共完成89.97万元。其中：30万元用于设备购置，59.97万元用于人员培训。覆盖12个乡镇，受益群众3000人，满意度≥95%。",
    "“三公”经费支出5.2万元，其中公务接待费1.2万元，公务用车运行维护费3万元，比上年减少1万元，下降50%。",
    "2021年项目资金50万元，截至11月底，执行数为40万元，执行率80%。",
    "预算资金 １００ 万元，完成预算的 ９０ %，本年度财政拨款为{B}万元。",
    "一是完成培训3期共150人次；二是资金结余8.4万元，未支出13.2万元；（注：含临时人员5人）",
    "全年预算数{B}万元，较上年增加10万元，增长12.5%，与上年相比持平公务接待费预算数为2万元。",
    "分两批下达，第一批{E}万元，第二批10万元，合计{B}万元。",
    "预计总投资{B}万元，财政资金{E}万元，已完成投资额的95%；项目支出{E}万元，占预算的60%。",
)


def _variants(sub: object) -> Iterator[object]:
    """`sub` with every 年度总体目标 cell (预期目标; 实际完成情况 its 预算→实际) replaced by each variant text, the
    table's own funds total (全年预算数, 全年执行数) written into it."""
    from perfxl.document.table_facts import table_funds
    from perfxl.model import Goal

    for template in _VARIANTS:
        tables = []
        for ev in sub.evaluations:  # type: ignore[attr-defined]
            funds = table_funds(ev)
            budget = funds.budgets[0].value if funds is not None and funds.budgets else 100
            done = funds.executed.value if funds is not None and funds.executed is not None else 90
            rate = round(done / budget * 100, 2) if budget else 90
            text = template.format(B=budget, E=done, R=rate)
            goals = tuple(
                Goal(
                    dataclasses.replace(g.expected, raw=text),
                    dataclasses.replace(g.actual, raw=text.replace("预算", "实际", 1)),
                )
                for g in ev.goals
            )
            tables.append(dataclasses.replace(ev, goals=goals))
        yield dataclasses.replace(sub, evaluations=tuple(tables))


def test_goal_text_variants_get_what_the_cross_check_gives() -> None:
    """The bundled example and every eighth corpus table with a goal text, each with its goal cells rewritten to texts
    holding money, rates, counts, 三公 words, instalments, a note and another year: `goal_text_issues` (the workbook
    path) gives what the report's `cross_check` gives, findings included."""
    from test_perf20n import _corpus_submissions

    from perfxl.cli.validate_cmd import find_example
    from perfxl.document.crosscheck import cross_check
    from perfxl.document.goal_texts import goal_text_issues
    from perfxl.reader import read_submission

    example = find_example()
    assert example is not None
    checked = issues = 0
    for base in [read_submission(example), *_corpus_submissions(8)]:
        if (base.basic is not None and base.basic.texts) or not any(ev.goals for ev in base.evaluations):  # type: ignore[attr-defined]
            continue
        for sub in _variants(base):
            assert not sub.narrative  # type: ignore[attr-defined]
            mine, theirs = goal_text_issues(sub), cross_check(sub)  # type: ignore[arg-type]
            assert repr(mine) == repr(theirs)
            checked, issues = checked + 1, issues + len(mine)
    assert checked >= 50 and issues >= 20, (checked, issues)
