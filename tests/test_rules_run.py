"""The check run on big tables: rows grouped under the right 一级 heading by lookup, shared per-run caches,
and the garbage collector paused during the run without leaving cyclic garbage (issue 14, big workbooks)."""

from __future__ import annotations

import gc
from dataclasses import replace

import pytest
from rules_helpers import SHEET, evaluation, heading, indicator, submission

from perfxl.collector import collector_paused
from perfxl.profiles import load_profile
from perfxl.reader import read_submission
from perfxl.rules import run_checks
from perfxl.rules.context import Context
from perfxl.validate import validate_file


@pytest.fixture(scope="module")
def repeated_seed(tmp_path_factory: pytest.TempPathFactory):
    """The seed's 自评表 with its indicator rows written three times over by the generator: nine 一级 headings
    (产出/效益/满意度 three times), each merged over its own rows."""
    from perfxl.workbook.seed import seed_content
    from perfxl.workbook.variants import write_submission

    content = seed_content()
    ev = content.evaluations[0]
    lines = tuple(replace(line, name=f"{line.name}{i}") for i in range(3) for line in ev.indicators)
    path = tmp_path_factory.mktemp("big") / "seed-x3.xlsx"
    write_submission(path, replace(content, evaluations=(replace(ev, indicators=lines),)), "standard")
    return path, len(ev.indicators)


def test_each_heading_gets_the_rows_under_it_in_a_table_with_repeated_headings(repeated_seed):
    path, per_copy = repeated_seed
    sub = read_submission(path)
    ev = sub.evaluations[0]
    ctx = Context(sub, load_profile())
    groups = ctx.groups(ev)
    assert [h.name for h, _ in groups] == [h.name for h in ev.level1] and len(groups) == 9
    assert sum(len(rows) for _, rows in groups) == len(ctx.indicators(ev)) == 3 * per_copy
    for h, rows in groups:
        assert h is not None and rows
        # every row lies below its heading's cell and above the next heading of the sheet
        start = h.label.place().row
        later = [g.label.place().row for g in ev.level1 if g.label.place().row > start]
        assert all(start <= r.row < min(later, default=10**9) for r in rows)
    assert ctx.groups(ev) is groups and ctx.indicators(ev) is ctx.indicators(ev)  # computed once per run


def test_rows_without_a_merged_cell_match_headings_by_text_first_heading_first():
    """No cell link: the exact label, then the compacted name, then a name contained in the text."""
    heads = (
        heading("产出指标（50分）", "B10", "产出指标", 50),
        heading("效益指标", "B20", "效益指标"),
        heading("满意度指标", "B30", "满意度指标"),
        heading("产出 指标", "B40", "产出指标"),
    )
    rows = [
        indicator(11, "产出指标（50分）", "数量指标", "a", "≥1", "1", 10, 10),  # exact label → 产出 (B10)
        indicator(21, "效益 指标", "社会效益", "b", "≥1", "1", 10, 10),  # compacted name → 效益
        indicator(31, "服务对象满意度指标", "满意度", "c", "≥90%", "95%", 10, 10),  # contains 满意度指标
        indicator(41, "产出指标", "数量指标", "d", "≥1", "1", 10, 10),  # two headings named 产出指标: the first
        indicator(51, "其他", "其他", "e", "≥1", "1", 10, 10),  # no heading: an orphan
    ]
    rows = [replace(r, level1=replace(r.level1, sheet=None)) for r in rows]
    ev = evaluation(rows, level1=heads)
    groups = Context(submission(ev), load_profile()).groups(ev)
    names = {(h.label.place().cell if h else None): [r.name.text for r in rs] for h, rs in groups}
    assert names == {"B10": ["a", "d"], "B20": ["b"], "B30": ["c"], "B40": [], None: ["e"]}


def test_a_merged_heading_cell_decides_over_the_text():
    heads = (heading("产出指标", "B10", "产出指标"), heading("效益指标", "B20", "效益指标"))
    row = indicator(21, "产出指标", "社会效益", "x", "≥1", "1", 10, 10, level1_cell="B20")
    ev = evaluation([row], level1=heads)
    groups = Context(submission(ev), load_profile()).groups(ev)
    assert [(h.label.place().cell, [r.name.text for r in rs]) for h, rs in groups] == [("B10", []), ("B20", ["x"])]
    assert groups[1][0].label.place().sheet == SHEET


def test_the_check_run_pauses_the_collector_and_leaves_no_cyclic_garbage(repeated_seed):
    """collector_paused is safe only because the run builds no reference cycles: gc finds nothing after it."""
    path, _ = repeated_seed
    profile = load_profile()
    sub = read_submission(path, profile)
    gc.collect()
    assert gc.isenabled()
    seen: list[bool] = []
    with collector_paused():
        seen.append(gc.isenabled())
        findings = run_checks(sub, profile)
    assert seen == [False] and gc.isenabled()
    assert findings and gc.collect() == 0
    gc.disable()
    try:
        run_checks(sub, profile)
        assert not gc.isenabled()  # a caller that had it off keeps it off
    finally:
        gc.enable()


def test_validate_file_gives_the_same_findings_with_the_collector_paused(repeated_seed):
    path, _ = repeated_seed
    paused = validate_file(path)
    gc.disable()
    try:
        plain = validate_file(path)
    finally:
        gc.enable()
    assert paused.ok and [f.brief() for f in paused.findings] == [f.brief() for f in plain.findings]
    assert any(f.code == "W02" for f in paused.findings)  # the repeated 效益 headings declare 35 over 25
