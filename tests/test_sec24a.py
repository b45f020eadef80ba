"""Hostile report documents: each figure's level found by an index, not a walk back through the paragraph (sec24a).

`extract_facts` looked back through every earlier figure of a paragraph for the level a change or share is of
(quadratic: "增长1.5%，" × 3,000 took ≈ 4 s, docs/bad-inputs.md hyph23). `SubjectLevels` answers the same: the former
walk is kept here as the oracle and every paragraph of the real reports, each with its figures changed, and random
figure-heavy paragraphs are read both ways. No test times anything: the look-ups are counted.
"""

from __future__ import annotations

import random
import re
import tomllib
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis_budget import draws
from test_document_realreport import fast_share

from perfxl.document import facts, match, subject_levels
from perfxl.document.subject_levels import SubjectLevels

REPORTS = Path(__file__).parent / "realworld" / "reports"

#: `_same_subject` and its pattern as they were in document/facts.py before sec24a: the oracle.
_OWNER_AND_YEAR_BEFORE = re.compile(r"(?:19|20)\d{2}年度?$")


def _same_subject_before(level: str, subject: str) -> bool:
    if level == subject:
        return True
    return bool(subject) and level.endswith(subject) and bool(_OWNER_AND_YEAR_BEFORE.search(level[: -len(subject)]))


def _walk(self: SubjectLevels, subject: str, found: Sequence[facts.Fact]) -> int | None:
    """The former look-up: back through every fact so far (`reversed(state.facts)`)."""
    return next(
        (
            i
            for i in range(len(found) - 1, -1, -1)
            if _same_subject_before(found[i].subject, subject) and found[i].role in ("value", "final")
        ),
        None,
    )


def _read(texts: list[str]) -> list[tuple[facts.Fact, ...]]:
    facts._extract_facts.cache_clear()
    out = []
    carry = None
    for i, text in enumerate(texts):
        read = facts._extract_facts(text, i, carry)
        carry = read.facts[-1] if read.facts else None
        out.append(read.facts)
    facts._extract_facts.cache_clear()
    return out


def _real_paragraphs(paths: list[Path]) -> Iterator[tuple[str, list[str]]]:
    for path in paths:
        paragraphs = tomllib.loads(path.read_text(encoding="utf-8")).get("paragraphs", [])
        if paragraphs:
            yield path.stem, [str(p) for p in paragraphs]


def _figures_changed(text: str, rng: random.Random) -> str:
    """Every figure of the text changed (as probe_reports plants one): other levels, changes and rates."""
    return re.sub(
        r"\d+(?:\.\d+)?", lambda m: str(int(float(m.group()) * rng.choice((1, 2, 3))) + rng.randint(0, 9)), text
    )


_WORDS = (
    "中共某区社会工作部",
    "中共某部2024年度收入支出总计",
    "本单位2023年收入",
    "本单位",
    "2023年",
    "2024年度",
    "2024年",
    "1999年度",
    "收入",
    "支出",
    "收入支出总计",
    "基本支出",
    "项目支出",
    "“三公”经费",
    "公务接待费",
    "财政拨款收入",
    "决算",
    "预算",
    "为",
    "与2023年度相比，",
    "比上年",
    "较上年",
    "增加",
    "减少",
    "增长",
    "下降",
    "占",
    "占比",
    "完成预算的",
    "其中",
    "其中：",
    "（",
    "）",
    "主要用于",
    "\n",
)
_FIGURES = ("100万元", "5.5万元", "12%", "1.5%", "307.82万元", "30家", "96.5%", "0万元")


def _random_paragraph(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(3, 40)):
        parts.append(rng.choice(_WORDS))
        if rng.random() < 0.5:
            parts.append(rng.choice(_FIGURES))
            parts.append(rng.choice(("，", "。", "；", "、", "")))
    return "".join(parts)


#: The real reports and the random paragraphs read both ways: the fast loop's share (`fast_share`'s reports, the first
#: 120 random paragraphs, ≈ 1/5 of the CPU) and the rest (slow: CI reads every report and all 600; fast25). Each report's
#: figures are changed by a generator seeded with its name, so a report reads the same in either part.
_ALL = sorted(REPORTS.glob("*.toml"))
_SHARE = fast_share(_ALL)
_RANDOM = 600
_RANDOM_SHARE = 120


@pytest.mark.parametrize(
    ("paths", "randoms", "floors"),
    [
        pytest.param(_SHARE, slice(0, _RANDOM_SHARE), (50, 800, 2), id="share"),
        pytest.param(
            [p for p in _ALL if p not in set(_SHARE)],
            slice(_RANDOM_SHARE, _RANDOM),
            (100, 2_500, 10),
            id="rest",
            marks=pytest.mark.slow(reason="every stored report"),
        ),
    ],
)
def test_index_answers_as_the_walk_did_on_real_and_random_paragraphs(
    monkeypatch: pytest.MonkeyPatch, paths: list[Path], randoms: slice, floors: tuple[int, int, int]
) -> None:
    real = list(_real_paragraphs(paths))
    assert len(real) >= floors[0]  # the transcribed real reports (59 and 121 at fast25)
    documents = [doc for _, doc in real]
    documents += [[_figures_changed(p, random.Random(name)) for p in doc] for name, doc in real]
    rng = random.Random(24)
    documents += [[_random_paragraph(rng) for _ in range(3)] for _ in range(_RANDOM)][randoms]
    now = [_read(doc) for doc in documents]
    monkeypatch.setattr(SubjectLevels, "last", _walk)
    before = [_read(doc) for doc in documents]
    assert now == before
    # not vacuous: many changes and shares found a level, some by the owner-and-year suffix
    ofs = [
        (f.subject, level.subject)
        for doc in before
        for read in doc
        for f in read
        for level in read
        if f.of is not None and level.index == f.of
    ]
    assert len(ofs) > floors[1]  # 1,022 and 3,256 at fast25
    assert sum(level != subject for subject, level in ofs) > floors[2]  # 4 and 14: all in the random paragraphs


def test_index_answers_as_same_subject_on_random_subjects() -> None:
    """Each subject asked of random levels (owners, years with 度 and newlines, their suffixes) as the walk answers."""
    rng = random.Random(7)
    alphabet = ("20", "19", "23", "2", "年", "度", "\n", "收入", "支出", "部", "x", "２０２４")
    for _ in range(draws(3_000, 600)):
        subjects = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8))) for _ in range(6)]
        levels = SubjectLevels()
        found: list[facts.Fact] = []
        for subject in subjects:
            fact = _fact(subject, rng.choice(("value", "final", "change", "share")))
            levels.add(len(found), fact)
            found.append(fact)
            asked = [subject[k:] for k in range(len(subject) + 1)] + rng.sample(subjects, 2)
            for question in asked:
                assert levels.last(question, found) == _walk(levels, question, found), (subjects, question)


def _fact(subject: str, role: str) -> facts.Fact:
    return facts.Fact(0, 0, subject, "", role, facts.Quantity(Decimal(1), "万元", 0, "1万元"), "", 0, None, None, 0)


def test_a_paragraph_of_many_changes_asks_each_level_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Before, each change compared its subject with every earlier figure: n²/2 `_same_subject` calls (2·10⁸ here)."""
    calls: list[int] = []
    real = subject_levels.same_subject

    def counted(level: str, subject: str) -> bool:
        calls.append(1)
        return real(level, subject)

    monkeypatch.setattr(subject_levels, "same_subject", counted)
    n = draws(20_000, 2_000)  # the bound tells linear from quadratic at either length; the fast loop reads the shorter
    text = "中共某部2024年度收入支出总计307.82万元。" + "收入支出总计比上年增长1.5%，" * n
    read = facts.extract_facts(text).facts
    assert len(read) == n + 1
    assert all(f.of == 0 and f.role == "change_rate" for f in read[1:])
    assert len(calls) <= n  # one check of the hashed suffix per look-up


def test_the_rest_of_a_sentence_is_joined_only_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each clause joined the rest of its sentence (`state.ahead`): quadratic in a sentence's clauses."""
    joined: list[int] = []
    real = facts._State.ahead

    def counted(state: facts._State) -> str:
        text = real.fget(state)  # type: ignore[attr-defined]
        joined.append(len(text))
        return text

    monkeypatch.setattr(facts._State, "ahead", property(counted))
    n = draws(20_000, 2_000)  # as above: n²/2 characters against 10·n at either length
    read = facts.extract_facts("增长1.5%，" * n).facts
    assert len(read) == n
    assert sum(joined) <= 10 * n  # not n²/2 characters


def _match_name_before(subject: str, names: Sequence[str]) -> match.NameMatch | None:
    """`match_name` as it was before sec24a (each name normalised at each call): the oracle."""
    key = match.normal_name(subject)
    if not key:
        return None
    exact = [i for i, n in enumerate(names) if match.normal_name(n) == key]
    if len(exact) == 1:
        return match.NameMatch(exact[0], True, 100.0)
    if len(exact) > 1:
        return None
    core = match._core(subject)
    scored = sorted(((match.ratio(core, match._core(n)), i) for i, n in enumerate(names)), reverse=True)
    if not scored or scored[0][0] < match.FUZZY_THRESHOLD:
        return None
    if len(scored) > 1 and scored[0][0] - scored[1][0] < match.FUZZY_MARGIN:
        return None
    return match.NameMatch(scored[0][1], False, scored[0][0])


def test_a_name_table_matches_as_the_names_did() -> None:
    rng = random.Random(11)
    pieces = ("新增", "培训", "人数", "全县", "完成", "企业", "规模", "工业", "率", "满意度", "1", "%", "，", "农民")
    for _ in range(draws(3_000, 600)):
        names = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 5))) for _ in range(rng.randint(0, 6))]
        table = match.NameTable(names)
        for subject in [*names, *("".join(rng.choice(pieces) for _ in range(4)) for _ in range(3))]:
            assert match.match_name(subject, table) == _match_name_before(subject, names), (subject, names)


def test_indicator_figures_read_each_row_name_once(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A report whose table has n indicator rows and whose narrative states each (target and actual): each row's name
    is normalised once a kind of figure, not once a figure (before: 2n figures × n rows), and the one wrong actual is
    still found at its row."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from hostile_documents import _table_and_narrative
    from test_document_realreport import build_docx

    from perfxl.validate import validate_file

    n = 300
    fixture = _table_and_narrative(n)
    planted = "第5类培训人数目标≥15人，实际完成17人"
    assert planted in fixture["paragraphs"][1]
    fixture["paragraphs"][1] = fixture["paragraphs"][1].replace(planted, planted.replace("17人", "19人"))
    path = tmp_path / "report.docx"
    build_docx(fixture, path)
    calls: list[str] = []
    real = match.normal_name

    def counted(text: str) -> str:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(match, "normal_name", counted)
    result = validate_file(path)
    errors = [f for f in result.findings if f.severity.name == "ERROR"]
    assert [(f.code, f.ref.paragraph) for f in errors] == [("N01", 2)]  # type: ignore[union-attr]
    assert "第5类培训人数" in errors[0].message and "17人" in errors[0].message
    assert len(calls) <= 10 * n  # before: ≈ 2n² (180,000 here)


def test_names_without_a_measure_word_are_worked_out_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The names without a figure's measure word (the second try of `crosscheck._match`) are a table of their own, kept
    by word: the rows are not changed again at each figure, and the match is the one the changed names give."""
    names = ["年接待读者人次", "发放人数", "新增企业家数"]
    table = match.NameTable(names)
    calls: list[str] = []

    def without(name: str) -> str:
        calls.append(name)
        return name.removesuffix("人次")

    for _ in range(3):
        found = match.match_name("年接待读者", table.mapped("人次", without))
        assert found == _match_name_before("年接待读者", [n.removesuffix("人次") for n in names])
        assert found is not None and found.exact and found.index == 0
    assert calls == names  # once each
