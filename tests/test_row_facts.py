"""Each indicator row's shared facts, built once (issue 14, session 12): `Context.facts()` gives one `RowFacts` per row
of `Context.indicators()`, in order, holding exactly what asking the context gives — the parsed 年度指标值/实际完成值,
the 分值/得分 numbers, which cells are blank, the compacted name and labels, whether the row is a 扣分项/加分项 — and the
per-row answers kept with them (S12–S15's tests, D01/D02's missed target) are what working them out afresh gives."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

from render import CORPUS, load_table, render

from perfxl.profiles import load_profile
from perfxl.reader import read_submission
from perfxl.rules import deviations, scores
from perfxl.rules.context import Context, compact

EXAMPLE = Path(__file__).resolve().parent.parent / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"
#: the project's example and a transcribed real table (云南 隆阳 化肥 2022: typed 得分, a rate formula). Not the blank
#: perfxl-standard.xlsx: its 8 indicator rows are empty, `Context.indicators()` has none, and both tests checked nothing
#: on it (audit30).
WORKBOOKS = ["longhui-2023-kegongxin", "yunnan-longyang-huafei-2022"]


def _contexts(name: str, tmp_path: Path) -> list[Context]:
    """One fresh context per table with filled indicator rows (a workbook with none fails: nothing would be checked)."""
    path = EXAMPLE if name == EXAMPLE.stem else render(load_table(CORPUS / f"{name}.toml"), tmp_path)
    profile = load_profile(None)
    sub = read_submission(path, profile)
    out = []
    for ev in sub.evaluations:
        ctx = Context(sub, profile)
        ctx.evaluation = ev
        if ctx.indicators():
            out.append(ctx)
    assert out, f"{path.name} has filled indicator rows"
    return out


@pytest.mark.parametrize("name", WORKBOOKS)
def test_facts_are_the_contexts_own_answers_in_row_order(name, tmp_path):
    for ctx in _contexts(name, tmp_path):
        fresh = Context(ctx.submission, ctx.profile)
        fresh.evaluation = ctx.evaluation
        facts = ctx.facts()
        assert tuple(f.ind for f in facts) == fresh.indicators()
        words = ctx.profile.get("weights.adjustment_words", ())
        for f in facts:
            ind = f.ind
            assert ctx.fact(ind) is f  # one facts object per row
            assert (f.target, f.actual) == (fresh.parsed(ind.target), fresh.parsed(ind.actual))
            assert (f.weight, f.score) == (fresh.number(ind.weight), fresh.number(ind.score))
            blanks = (f.name_blank, f.target_blank, f.actual_blank, f.weight_blank, f.score_blank)
            cells = (ind.name, ind.target, ind.actual, ind.weight, ind.score)
            assert blanks == tuple(fresh.is_blank(c) for c in cells)
            assert (f.name, f.target_text, f.actual_text) == (ind.name.text, ind.target.text, ind.actual.text)
            assert (f.name_key, f.level1_key, f.level2_key) == tuple(
                compact(c.text) for c in (ind.name, ind.level1, ind.level2)
            )
            labels = compact(f"{ind.level1.text}{ind.level2.text}{ind.name.text}")
            assert f.labels_key == labels
            assert f.adjustment == any(w in labels for w in words)


@pytest.mark.parametrize("name", WORKBOOKS)
def test_answers_kept_with_the_row_are_those_worked_out_afresh(name, tmp_path):
    for ctx in _contexts(name, tmp_path):
        backwards = Context(ctx.submission, ctx.profile)  # the tests asked in the other order: the same answers
        backwards.evaluation = ctx.evaluation
        for ind in ctx.indicators():
            codes = list(scores._UNVERIFIABLE)
            first = {code: scores.fails(ctx, ind, code) for code in codes}
            assert first == {code: scores.fails(backwards, ind, code) for code in reversed(codes)}
            assert first == {code: test(ctx, ctx.fact(ind)) for code, test in scores._UNVERIFIABLE.items()}
            assert scores.unverifiable(ctx, ind) == next((c for c in codes if first[c]), None)
            kept = deviations.missed_with_certainty(ctx, ind)
            assert kept == deviations.missed_with_certainty(ctx, ind)
            assert kept == deviations._missed_with_certainty(backwards, backwards.fact(ind))
