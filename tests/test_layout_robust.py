"""The layout never raises, and reports what it cannot map instead of dropping it."""

from __future__ import annotations

import functools
import random
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_budget import draws, examples
from reader_shapes import Shape, SheetBuilder, evaluation_grid, table_grid

from perfxl.grid import Grid
from perfxl.layout.detect import read_sheet
from perfxl.layout.formulas import resolve_uncached
from perfxl.layout.indicators import parse_level1
from perfxl.model import CellValue
from perfxl.reader import read_grids

LABELS = [
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
    "年初预算数",
    "全年预算数",
    "全年执行数",
    "执行率",
    "年度资金总额",
    "总分",
    "合计",
    "年度总体目标",
    "预期目标",
    "实际完成情况",
    "项目名称",
    "预算单位名称",
    "指标性质",
    "指标值",
    "度量单位",
    "……",
    "/",
    "—",
    "三公经费",
    "经费控制情况",
    "编制数",
    "实际在职人数",
    "控制率",
    "2022年决算数",
    "2023年预算数",
    "楼堂馆所控制情况",
    "厉行节约保障措施",
    "产出指标(50分)",
    "自评表",
    "基础数据表",
    "说明：",
    "单位：元",
    "",
    " ",
    "\n",
]
values = st.one_of(
    st.sampled_from(LABELS),
    st.none(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=6),
    st.booleans(),
)


@st.composite
def grids(draw):
    n_rows = draw(st.integers(0, 12))
    n_cols = draw(st.integers(0, 9))
    rows = [[draw(values) for _ in range(n_cols)] for _ in range(n_rows)]
    merged = []
    for _ in range(draw(st.integers(0, 3))):
        if n_rows and n_cols:
            r0, c0 = draw(st.integers(0, n_rows - 1)), draw(st.integers(0, n_cols - 1))
            r1, c1 = draw(st.integers(r0, n_rows)), draw(st.integers(c0, n_cols))
            merged.append((r0, c0, r1, c1))
    return Grid("随机", rows, tuple(merged), hidden=draw(st.booleans()))


def _never_raises_on_random_grid(grid: Grid) -> None:
    layout = read_sheet(grid)  # no safety net here: an exception fails the test
    for finding in layout.problems:
        assert finding.ref is not None and finding.ref.sheet == "随机"
        assert finding.message and finding.message_en


@pytest.mark.slow(
    reason="fuzzing (Hypothesis draws ≈ 100 cells an example, ≈ 25 ms): the fast loop runs a seeded share"
)
@settings(max_examples=examples(200, 100), deadline=None)
@given(grids())
def test_layout_never_raises_on_random_grids(grid):
    _never_raises_on_random_grid(grid)


# ---------------------------------------------------------------- the fast loop's fixed share of the two fuzz tests
# The same draws as `values` / `grids()` / the damage below, made by random.Random with a fixed seed: ≈ 50× cheaper
# than Hypothesis's generation, so the fast loop still reads 200 random grids and 150 damaged tables, the same ones
# every run (a failure names its seed and index). The Hypothesis tests, which search and shrink, run in CI.

_FLOATS = (float("nan"), float("inf"), float("-inf"), 0.0, -0.0, 1e308, 5e-324, 0.1, 95.5, 1e-7)
_CHARS = "0123456789.-%,+eE一级指标分值得分合计总预算执行率（）()：:/—…年万元 \n\t\u3000\x00a😀"


def _seeded_value(rnd: random.Random) -> object:
    kind = rnd.randrange(6)
    if kind == 0:
        return rnd.choice(LABELS)
    if kind == 1:
        return None
    if kind == 2:
        return rnd.randint(-(10**6), 10**6)
    if kind == 3:
        return rnd.choice(_FLOATS) if rnd.random() < 0.5 else rnd.uniform(-1e6, 1e6)
    if kind == 4:
        return "".join(rnd.choice(_CHARS) for _ in range(rnd.randint(0, 6)))
    return rnd.random() < 0.5


def _seeded_grid(rnd: random.Random) -> Grid:
    n_rows, n_cols = rnd.randint(0, 12), rnd.randint(0, 9)
    rows = [[_seeded_value(rnd) for _ in range(n_cols)] for _ in range(n_rows)]
    merged = []
    for _ in range(rnd.randint(0, 3)):
        if n_rows and n_cols:
            r0, c0 = rnd.randint(0, n_rows - 1), rnd.randint(0, n_cols - 1)
            merged.append((r0, c0, rnd.randint(r0, n_rows), rnd.randint(c0, n_cols)))
    return Grid("随机", rows, tuple(merged), hidden=rnd.random() < 0.5)


def test_layout_never_raises_on_seeded_random_grids():
    rnd = random.Random(14)
    for i in range(draws(200, 40)):
        grid = _seeded_grid(rnd)
        try:
            _never_raises_on_random_grid(grid)
        except Exception as exc:
            raise AssertionError(f"seeded grid {i}: {grid!r}") from exc


def test_layout_never_raises_on_seeded_damaged_real_tables():
    rnd = random.Random(14)
    for i in range(draws(150, 30)):
        grid = rnd.choice(_real_tables())
        rows = [list(r) for r in grid.rows]
        for _ in range(rnd.randint(1, 25)):
            r = rnd.randint(0, len(rows) - 1)
            c = rnd.randint(0, len(rows[r]))
            if c == len(rows[r]):
                rows[r].append("")
            rows[r][c] = _seeded_value(rnd)
        try:
            _never_raises_on_damaged(Grid(grid.name, rows, grid.merged))
        except Exception as exc:
            raise AssertionError(f"seeded damage {i} of {grid.name}: {rows!r}") from exc


@functools.cache
def _real_tables() -> tuple[Grid, ...]:
    """The seed's tables, built once: each example damages a copy of one (`rows` copied, never changed in place)."""
    from reader_shapes import basic_grid

    return (evaluation_grid(), evaluation_grid(Shape(split_target=True)), basic_grid())


def _never_raises_on_damaged(damaged: Grid) -> None:
    layout = read_sheet(damaged)
    assert all(f.ref is not None for f in layout.problems)


@pytest.mark.slow(reason="fuzzing (Hypothesis): the fast loop runs a seeded share")
@settings(max_examples=examples(150, 100), deadline=None)
@given(st.data())
def test_layout_never_raises_on_damaged_real_tables(data):
    """The seed tables with random cells overwritten (labels, numbers, blanks): still no exception."""
    grid = data.draw(st.sampled_from(_real_tables()))
    rows = [list(r) for r in grid.rows]
    for _ in range(data.draw(st.integers(1, 25))):
        r = data.draw(st.integers(0, len(rows) - 1))
        c = data.draw(st.integers(0, len(rows[r])))
        if c == len(rows[r]):
            rows[r].append("")
        rows[r][c] = data.draw(values)
    _never_raises_on_damaged(Grid(grid.name, rows, grid.merged))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(max_size=12), max_size=5))
def test_parse_level1_never_raises(texts):
    for text in texts:
        parse_level1(CellValue.of(text))


def test_no_table_is_a_finding_not_an_exception():
    grid = Grid("Sheet1", [["hello", 1], [None, "world"]])
    sub = read_grids([grid], "x.xlsx")
    assert sub.evaluations == () and sub.basic is None
    assert ("LAYOUT_NO_TABLE", "Sheet1", "A1") in [p.brief() for p in sub.problems]
    assert ("LAYOUT_SHEET_IGNORED", "Sheet1", "A1") in [p.brief() for p in sub.problems]
    assert all(p.file == "x.xlsx" for p in sub.problems)


def test_empty_workbook():
    sub = read_grids([], "empty.xlsx")
    assert [p.code for p in sub.problems] == ["LAYOUT_NO_TABLE"]


def test_stray_cells_in_the_indicator_table_are_reported():
    grid = evaluation_grid()
    grid.rows[13].extend(["", "看这里"])  # row 14, column K: right of the table
    sub = read_grids([grid], "x.xlsx")
    assert ("LAYOUT_UNMAPPED_ROW", "部门整体支出绩效自评表", "K14") in [p.brief() for p in sub.problems]
    assert len(sub.evaluations[0].indicators) == 11


def test_missing_columns_and_total_are_reported():
    sb = SheetBuilder("项目")
    for c, h in enumerate(["三级指标", "年度指标值", "得分"]):
        sb.put(0, c, h)
    sb.put(1, 0, "培训人次")
    sb.put(1, 1, "≥100人次")
    sb.put(1, 2, 8)
    sub = read_grids([sb.grid()], "p.xlsx")
    codes = {p.code: p for p in sub.problems}
    # absent columns are expected right of the table, in the standard order; with nothing written there the
    # form has no such column: a 提示 (LAYOUT_ABSENT_COLUMN), not a header the filer left blank
    absent = {p.expected: (p.ref.cell, p.severity.value) for p in sub.problems if p.code == "LAYOUT_ABSENT_COLUMN"}
    assert absent == {"实际完成值": ("D1", "info"), "分值": ("E1", "info"), "偏差原因分析及改进措施": ("F1", "info")}
    assert all(p.expected in p.message for p in sub.problems if p.code == "LAYOUT_ABSENT_COLUMN")
    assert "LAYOUT_MISSING_COLUMN" not in codes
    assert "LAYOUT_MISSING_TOTAL" in codes
    ind = sub.evaluations[0].indicators[0]
    assert ind.weight.raw is None and ind.weight.place().cell == "E2"  # no 分值 column at all: blank, where it belongs
    assert ind.score.raw == D(8)


def test_a_column_with_a_blank_header_is_read_from_its_position():
    """分值 typed in D but its header cell left blank: the weights are read, the header is reported at D1."""
    sb = SheetBuilder("项目")
    for c, h in enumerate(["三级指标", "年度指标值", "实际完成值", "", "得分", "偏差原因分析及改进措施"]):
        sb.put(0, c, h)
    for c, v in enumerate(["培训人次", "≥100人次", "120人次", 10, 10]):
        sb.put(1, c, v)
    sub = read_grids([sb.grid()], "p.xlsx")
    missing = [(p.expected, p.ref.cell) for p in sub.problems if p.code == "LAYOUT_MISSING_COLUMN"]
    assert missing == [("分值", "D1")]
    ind = sub.evaluations[0].indicators[0]
    assert ind.weight.raw == D(10) and ind.weight.place().cell == "D2"
    assert not [p for p in sub.problems if p.code == "LAYOUT_UNMAPPED_ROW"]


def test_text_where_a_number_belongs_stays_as_read():
    grid = evaluation_grid()
    grid.rows[12][6] = "十分"  # G13, 分值 of the first indicator
    grid.rows[3][4] = "2223.04万元"  # E4, 全年执行数
    ev = read_grids([grid], "x.xlsx").evaluations[0]
    assert ev.indicators[0].weight.raw == "十分" and ev.indicators[0].weight.place().cell == "G13"
    assert ev.funds.total.executed.raw == "2223.04万元"


def test_unknown_funds_row_is_kept_and_noted():
    sb = SheetBuilder("项目")
    for c, h in enumerate(["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]):
        sb.put(0, c, h or None)
    for c, v in enumerate([None, "年度资金总额", 100, 100, 90, 10, "90%", 9]):
        sb.put(1, c, v)
    for c, v in enumerate([None, "其中：本年财政拨款", 80, 80, 70]):
        sb.put(2, c, v)
    for c, v in enumerate([None, "单位自筹", 20, 20, 20]):
        sb.put(3, c, v)
    ev = read_grids([sb.grid()], "p.xlsx").evaluations[0]
    assert [p.label.text for p in ev.funds.parts] == ["其中：本年财政拨款", "单位自筹"]
    assert ev.funds.total.rate.raw == "90%"
    sub = read_grids([sb.grid()], "p.xlsx")
    assert ("LAYOUT_UNKNOWN_LABEL", "项目", "B4") in [p.brief() for p in sub.problems]


def test_uncached_formulas_are_computed_or_reported():
    grid = evaluation_grid()
    g = Grid(
        grid.name,
        [list(r) for r in grid.rows],
        grid.merged,
        formulas={
            (27, 6): "=SUM(G13:G27)+F4",
            (27, 7): "=SUM(H13:H27)+H4",
            (21, 7): '=IF(OR(E22="",F22=""),"",PERF_SCORE(E22,F22,G22))',
            (23, 7): "=VLOOKUP(F24,Z1:Z2,1,FALSE)",
        },
        uncached=frozenset({(27, 6), (27, 7), (21, 7), (23, 7)}),
    )
    for r, c in g.uncached:
        g.rows[r][c] = ""  # as calamine reads an uncached formula
    sub = read_grids([g], "f.xlsx")
    ev = sub.evaluations[0]
    assert ev.total_weight.raw == D(100) and ev.total_weight.computed
    assert ev.total_weight.formula == "=SUM(G13:G27)+F4"
    # PERF_SCORE runs perfxl's engine: 11.8% against 增长12% at weight 10 → 9.83 (财预〔2020〕10号 proportional)
    social = next(i for i in ev.indicators if i.row == 22)
    assert social.score.raw == D("9.83") and social.score.computed
    # VLOOKUP is not computed: blank (never 0) and reported; the total that depends on it too
    eco = next(i for i in ev.indicators if i.row == 24)
    assert eco.score.raw is None and eco.score.formula.startswith("=VLOOKUP")
    briefs = [p.brief() for p in sub.problems]
    assert ("READ_FORMULA_UNCACHED", grid.name, "H24") in briefs
    assert ("READ_FORMULA_UNCACHED", grid.name, "H28") in briefs
    assert ev.total_score.raw is None
    summary = next(p for p in sub.problems if p.code == "READ_FORMULA_COMPUTED")
    assert "G28=100" in summary.message and "H22=9.83" in summary.message


def test_formula_evaluator_is_exact_and_rounds_half_up():
    g = Grid(
        "S",
        [[D("0.1"), D("0.2"), ""], [2.675, "", ""]],
        formulas={(0, 2): "=A1+B1", (1, 1): "=ROUND(A2,2)", (1, 2): "=A1/0"},
        uncached=frozenset({(0, 2), (1, 1), (1, 2)}),
    )
    (out,), findings = resolve_uncached([g])
    assert out.rows[0][2] == D("0.3")
    assert out.rows[1][1] == D("2.68")
    assert out.rows[1][2] == "#DIV/0!"  # what Excel shows
    assert [f.code for f in findings] == ["READ_FORMULA_COMPUTED"]


def test_formula_evaluator_text_and_logic():
    from perfxl.formula import evaluate_formula

    cells = {(0, 0): D(5), (0, 1): "", (0, 2): "≥", (0, 3): D(100), (0, 4): "%"}
    look = lambda s, r, c: cells.get((r, c))  # noqa: E731
    assert evaluate_formula('=IF(OR(A1="",B1=""),"",A1*2)', look) == ""
    assert evaluate_formula('=IF(N(B1)=0,"",ROUND(A1/3,2))', look) == ""
    assert evaluate_formula("=C1&D1&E1", look) == "≥100%"
    assert evaluate_formula("=IFERROR(A1/B1,-1)", look) == D(-1)
    assert evaluate_formula("=ROUND(MIN(1,A1/D1)*10,2)", look) == D("0.50")


def test_hidden_sheet_tables_are_read_and_noted():
    grid = evaluation_grid()
    hidden = Grid(grid.name, grid.rows, grid.merged, hidden=True)
    sub = read_grids([hidden], "h.xlsx")
    assert len(sub.evaluations) == 1
    assert "LAYOUT_HIDDEN_SHEET" in [p.code for p in sub.problems]


def test_level1_declared_weights():
    assert parse_level1(CellValue.of("产出指标(55分)")).declared_weight == D(55)
    assert parse_level1(CellValue.of("效益指标（35分）")).name == "效益指标"
    assert parse_level1(CellValue.of("满意度指标 （10 分）")).declared_weight == D(10)
    assert parse_level1(CellValue.of("产出指标")).declared_weight is None


def test_note_rows_end_the_indicator_table():
    grid = evaluation_grid(Shape())
    grid.rows.append(["注：本表金额单位为万元。"] + [""] * 8)
    sub = read_grids([grid], "n.xlsx")
    assert len(sub.evaluations[0].indicators) == 11
    assert [p for p in sub.problems if p.severity.value != "info"] == []


def test_project_funds_parts_and_unit_note():
    sb = SheetBuilder("项目支出绩效自评表")
    sb.put(0, 0, "项目支出绩效自评表")
    sb.put(1, 0, "单位：元")
    sb.put(2, 0, "项目名称")
    sb.put(2, 1, "乡村振兴产业补助")
    sb.put(2, 3, "主管部门")
    sb.put(2, 4, "隆回县农业农村局")
    sb.put(3, 0, "实施单位")
    sb.put(3, 1, "隆回县农业技术推广中心")
    for c, h in enumerate(["项目资金", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]):
        sb.put(4, c, h or None)
    rows = [
        ("年度资金总额", 900000, 899740, 899740, 10, 100, 10),
        ("其中：当年财政拨款", 900000, 899740, 899740),
        ("上年结转资金", 0, 0, 0),
        ("其他资金", None, None, None),
    ]
    for i, row in enumerate(rows):
        for c, v in enumerate(row):
            sb.put(5 + i, 1 + c, v)
    for c, h in enumerate(
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
    ):
        sb.put(10, c, h)
    sb.put(11, 0, "产出指标")
    sb.put(11, 1, "数量指标")
    sb.put(11, 2, "补助农户数")
    sb.put(11, 3, "≥50户")
    sb.put(11, 4, "52户")
    sb.put(11, 5, 90)
    sb.put(11, 6, 90)
    sb.put(12, 0, "总 分")
    sb.put(12, 5, 100)
    sb.put(12, 6, 100)
    sub = read_grids([sb.grid()], "p.xlsx")
    assert [p.brief() for p in sub.problems] == []
    ev = sub.evaluations[0]
    assert ev.kind == "project" and ev.funds.unit == "元"
    assert ev.header["项目名称"].text == "乡村振兴产业补助" and ev.header["主管部门"].place().cell == "E3"
    assert ev.header["实施单位"].text == "隆回县农业技术推广中心"
    assert [p.label.text for p in ev.funds.parts] == ["其中：当年财政拨款", "上年结转资金", "其他资金"]
    assert ev.funds.parts[0].executed.raw == D(899740) and ev.funds.parts[2].executed.raw is None
    assert ev.funds.total.executed.place().cell == "E6"
    assert ev.goals == () and ev.total_score.raw == D(100)


def test_indicator_names_that_look_like_notes_are_data():
    grid = evaluation_grid()
    grid.rows[18][3] = "注册企业数"  # D19, the "……" row: starts like 注 (a note) but is an indicator name
    grid.rows[18][5] = "3家"
    grid.rows[20][3] = "说明书印发份数"  # D21
    ev = read_grids([grid], "x.xlsx").evaluations[0]
    assert [i.name.text for i in ev.indicators if i.row in (19, 21)] == ["注册企业数", "说明书印发份数"]
    assert len(ev.indicators) == 13 and ev.total_score.raw == D(99)
    grid.rows.insert(28, ["注：本表由单位填写。"] + [""] * 8)  # a real note right after the table
    assert len(read_grids([grid], "x.xlsx").evaluations[0].indicators) == 13


def test_two_row_indicator_header_with_vertical_merges():
    sb = SheetBuilder("项目支出绩效自评表")
    sb.put(0, 0, "绩效指标")
    sb.merge(0, 0, 0, 2)
    for c, h in enumerate(["年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"], start=3):
        sb.put(0, c, h)
        sb.merge(0, c, 1, c)
    for c, h in enumerate(["一级指标", "二级指标", "三级指标"]):
        sb.put(1, c, h)
    for c, v in enumerate(["产出指标(50分)", "数量指标", "培训人次", "≥100人次", "120人次", 50, 50]):
        sb.put(2, c, v)
    for c, v in enumerate(["满意度指标（10分）", "服务对象满意度指标", "满意度", "≥90%", "95%", 10, 10]):
        sb.put(3, c, v)
    sb.put(4, 0, "总分")
    sb.put(4, 5, 60)
    sb.put(4, 6, 60)
    sub = read_grids([sb.grid()], "p.xlsx")
    assert [p.brief() for p in sub.problems] == []
    ev = sub.evaluations[0]
    assert [(i.name.text, i.target.text, i.weight.raw, i.score.place().cell) for i in ev.indicators] == [
        ("培训人次", "≥100人次", D(50), "G3"),
        ("满意度", "≥90%", D(10), "G4"),
    ]
    assert [h.declared_weight for h in ev.level1] == [D(50), D(10)]


def _table(headers, rows, merges=()):
    sb = SheetBuilder("项目")
    for c, h in enumerate(headers):
        sb.put(0, c, h)
    for r, row in enumerate(rows, start=1):
        for c, v in enumerate(row):
            sb.put(r, c, v)
    for m in merges:
        sb.merge(*m)
    return read_grids([sb.grid()], "p.xlsx")


def test_a_reason_column_is_found_by_its_word_and_an_absent_one_is_never_blank():
    """'偏差及原因分析' is the reason column (issue 11 held-out tables: D01 had read the column past the sheet)."""
    from perfxl.validate import validate_submission

    headers = ["三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差及原因分析"]
    sub = _table(headers, [["培训人次", "≥100人次", "80人次", 10, 8, "受疫情影响，部分培训推迟到次年举办"]])
    assert sub.evaluations[0].indicators[0].deviation.place().cell == "F2"
    assert not [f for f in validate_submission(sub) if f.code == "D01"]
    # no reason column at all: reported missing, and D01 says it could not check instead of "blank"
    sub = _table(headers[:5], [["培训人次", "≥100人次", "80人次", 10, 8]])
    assert sub.evaluations[0].indicators[0].deviation.place() is None
    assert [p.expected for p in sub.problems if p.code == "LAYOUT_ABSENT_COLUMN"] == ["偏差原因分析及改进措施"]
    assert not [f for f in validate_submission(sub) if f.code == "D01"]


def test_a_second_header_row_under_merged_headers_is_not_an_indicator():
    """Hebei's 符号 | 单位 | 单项指标得分 row under 三级指标/指标分值 merged down two rows (成安 2020)."""
    headers = ["一级指标", "二级指标", "三级指标", "指标分值", "预期指标值", "", "实际完成值", "自评得分"]
    rows = [
        [None, None, None, None, "符号", "单位", None, "单项指标得分"],
        ["产出指标", "质量指标", "覆盖率", 25, ">=", "98%", "100%", 25],
    ]
    merges = [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 1, 3), (0, 4, 0, 5), (0, 6, 1, 6)]
    sub = _table(headers, rows, merges)
    names = [i.name.text for i in sub.evaluations[0].indicators]
    assert names == ["覆盖率"]


def test_headers_as_chongqing_prints_them_are_read():
    """'绩效指标 指标名称' (the group heading in the cell), 指标得分(分), 说明, and the funds total 年度总金额."""
    headers = ["绩效指标 指标名称", "计量单位", "指标值", "指标权重(分)", "全年完成值", "指标得分(分)", "说明"]
    sub = _table(headers, [["管护面积", "万亩", "28", 10, "8", 10, ""]])
    ind = sub.evaluations[0].indicators[0]
    assert (ind.name.text, ind.weight.text, ind.score.text, ind.deviation.place().cell) == (
        "管护面积",
        "10",
        "10",
        "G2",
    )
    from perfxl.layout import headers as H

    assert "年度总金额" in H.FUNDS_TOTAL_LABELS


def test_a_scoring_table_is_read_and_a_score_above_its_weight_there_is_a_warning():
    """评分表 (序号 | 一级 | 二级 | 三级 | 指标说明 | 分值 | 评分, 铜陵 郊区 2021; a "单位" line above the header,
    寿县 2023): weights and scores are checked, no 指标值/完成值 is invented or asked for."""
    from perfxl.model import Severity
    from perfxl.validate import validate_submission

    sb = SheetBuilder("评分表")
    sb.put(0, 0, "单位")
    for c, h in enumerate(["序号", "一级指标", "二级指标", "三级指标", "评分标准", "分值", "得分"]):
        sb.put(1, c, h)
    rows = [
        ["1", "决策(10)", "项目立项", "民主议事", "记录完整得2分", 2, 2],
        ["2", "", "", "工作安排", "有安排得1分；有正面批示加1分", 1, 2],
    ]
    for r, row in enumerate(rows, start=2):
        for c, v in enumerate(row):
            sb.put(r, c, v)
    sub = read_grids([sb.grid()], "p.xlsx")
    (ev,) = sub.evaluations
    assert [i.name.text for i in ev.indicators] == ["民主议事", "工作安排"]
    assert not {"target", "actual"} & set(ev.columns)
    assert not [p for p in sub.problems if p.code == "LAYOUT_MISSING_COLUMN"]
    found = validate_submission(sub)
    s06 = [f for f in found if f.code == "S06"]
    assert [(f.cell, f.severity) for f in s06] == [("G4", Severity.WARNING)] and "加分" in s06[0].basis
    assert not [f for f in found if f.code in ("S12", "I03", "I05")]


def test_a_second_goal_block_continues_the_table_and_a_label_on_the_total_row_is_not_the_total():
    """湖北 年度绩效目标1(40分) … 年度绩效目标2(40分) under one 总分 (黄冈 2020); "总分(100分) | 100 | 自评等级 | 优"
    (保山 2022): one table, its total 100, its grade 优."""
    from perfxl.validate import validate_submission

    sb = SheetBuilder("项目")
    header = ["一级指标", "二级指标", "三级指标", "年初目标值", "实际完成值", "得分"]
    rows = [
        ["年度绩效目标1(40分)", *header],
        ["", "产出指标", "质量指标", "数据合格率", "100%", "100%", 50],
        ["年度绩效目标2(40分)", *header],
        ["", "产出指标", "时效指标", "按时上报率", "100%", "100%", 50],
        ["总分(100分)", "100", "", "", "", "自评等级", "优"],
    ]
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            sb.put(r, c, v if v != "" else None)
    sub = read_grids([sb.grid()], "p.xlsx")
    (ev,) = sub.evaluations
    assert [i.name.text for i in ev.indicators] == ["数据合格率", "按时上报率"]
    assert ev.total_score is not None and ev.total_score.text == "100" and ev.grade.text == "优"
    assert not [f for f in validate_submission(sub) if f.code == "T02" and f.severity.value == "error"]


def test_a_header_without_a_table_is_one_notice_not_three():
    """A title and header fields with no table under them (a truncated copy): the sheet's LAYOUT_NO_TABLE
    says it; neither a "sheet skipped" note nor the workbook-wide LAYOUT_NO_TABLE repeats it."""
    grid = Grid("Sheet1", [["项目支出绩效自评表"], ["项目名称", "服务贸易"], ["主管部门", "省商务厅"]])
    sub = read_grids([grid], "x.xlsx")
    assert [p.brief() for p in sub.problems] == [("LAYOUT_NO_TABLE", "Sheet1", "A1")]
    # two sheets (a cover and a sheet perfxl cannot read): each sheet said once, and the workbook-wide
    # notice stays — nothing in the whole file was read
    other = Grid("Sheet2", [["备忘"], ["请按要求填写"]])
    sub = read_grids([grid, other], "x.xlsx")
    assert sorted((p.brief(), p.message[:4]) for p in sub.problems) == [
        (("LAYOUT_NO_TABLE", "Sheet1", "A1"), "工作簿中"),
        (("LAYOUT_NO_TABLE", "Sheet1", "A1"), "找到了表"),
        (("LAYOUT_SHEET_IGNORED", "Sheet2", "A1"), "工作表“"),
    ]


def test_a_scoring_table_with_a_weight_after_every_level_reads_the_indicators_own_weight():
    """海南 项目绩效自评表 (一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分, no 评分标准): read as a
    scoring table, each indicator's weight the 分值 after its name, so a score above it is seen."""
    from perfxl.validate import validate_submission

    sb = SheetBuilder("评分")
    for c, h in enumerate(["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分"]):
        sb.put(0, c, h)
    rows = [
        ["项目决策", 20, "项目目标", 4, "目标内容", 4, 4],
        ["", "", "决策过程", 8, "决策依据", 3, 5],
        ["", "", "", "", "决策程序", 5, 5],
    ]
    for r, row in enumerate(rows, start=1):
        for c, v in enumerate(row):
            sb.put(r, c, v if v != "" else None)
    sub = read_grids([sb.grid()], "p.xlsx")
    (ev,) = sub.evaluations
    assert [(i.name.text, i.weight.text) for i in ev.indicators] == [
        ("目标内容", "4"),
        ("决策依据", "3"),
        ("决策程序", "5"),
    ]
    assert [f.cell for f in validate_submission(sub) if f.code == "S06"] == ["G3"]


def test_a_run_of_unread_rows_is_one_finding_naming_the_rows():
    """Rows perfxl cannot map, one after another (a table whose header the copy lost, 2017 得分表): one finding
    for the run that names its rows — perfxl's own limit said once, not a warning per row."""
    from perfxl.model import Severity

    sb = SheetBuilder("项目")
    header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]
    for c, h in enumerate(header):
        sb.put(0, c, h)
    for c, v in enumerate(["产出指标", "数量指标", "培训人数", "100人", "100人", 50, 50]):
        sb.put(1, c, v)
    sb.put(2, 0, "年度总体目标")  # a goals header with no 预期目标/实际完成情况 columns: rows below cannot be mapped
    for r in range(3, 8):
        sb.put(r, 1, f"第{r}项说明")
        sb.put(r, 2, "文字")
    sub = read_grids([sb.grid()], "p.xlsx")
    unmapped = [p for p in sub.problems if p.code == "LAYOUT_UNMAPPED_ROW" and p.severity is Severity.WARNING]
    assert len(unmapped) == 1, [p.brief() for p in unmapped]
    assert unmapped[0].cell == "B4:C8" and "第 4–8 行" in unmapped[0].message


def test_extra_columns_on_every_row_are_one_finding_for_the_run():
    """重庆 2021: 得分系数(%) and 是否核心指标 beside every indicator row are the same unread columns row after
    row: one LAYOUT_UNMAPPED_ROW (提示) over the run, not one per row."""
    sb = SheetBuilder("项目")
    header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "", "核心"]
    for c, h in enumerate(header):
        sb.put(0, c, h or None)
    for r in range(1, 6):
        for c, v in enumerate(["产出指标", "数量指标", f"指标{r}", "10人", "10人", 10, 10, "100%", "是"]):
            sb.put(r, c, v)
    sub = read_grids([sb.grid()], "p.xlsx")
    stray = [p for p in sub.problems if p.code == "LAYOUT_UNMAPPED_ROW"]
    assert [p.cell for p in stray] == ["H2:I6"], [p.brief() for p in stray]


def test_a_repeated_header_under_a_complete_table_starts_the_next_one():
    """Two 项目 tables stacked with nothing between (no caption, the first without a 总分 row): the first
    already holds its 100 points, so the header under it starts a new table (a page-break repeat continues
    only a table that is not yet complete) — no W03 "200 应为 100" on two correct tables."""
    from perfxl.model import Severity
    from perfxl.validate import validate_submission

    head = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]
    rows = [
        ["产出指标", "数量指标", "培训人数", "≥100人", "120人", 60, 60],
        ["效益指标", "社会效益指标", "就业率", "≥80%", "85%", 40, 40],
        head,
        ["产出指标", "数量指标", "修路公里数", "≥10公里", "12公里", 60, 60],
        ["效益指标", "社会效益指标", "通行满意度", "≥90%", "95%", 40, 40],
        ["总分", "", "", "", "", 100, 100],
    ]
    sub = read_grids([table_grid(head, rows, "项目")], "two.xlsx")
    assert len(sub.evaluations) == 2
    assert [(f.code, f.cell) for f in validate_submission(sub) if f.severity is Severity.ERROR] == []


def test_a_level1_row_with_nothing_under_it_is_a_leaf_not_a_subtotal():
    """满意度 | | | 10 | 9 directly above the 总分 row of a three-level table (its cell not merged, as copied
    grids lose merges): nothing is under it, so it is the indicator itself, named by its label — not a subtotal
    heading dropped from the sums (which gave false W03/T02 错误)."""
    from perfxl.model import Severity
    from perfxl.validate import validate_submission

    head = ["一级指标", "二级指标", "三级指标", "分值", "得分"]
    rows = [
        ["决策", "", "", 20, 19],
        ["", "项目立项", "立项依据充分性", 10, 10],
        ["", "", "立项程序规范性", 10, 9],
        ["产出", "", "", 70, 68],
        ["", "产出数量", "实际完成率", 70, 68],
        ["满意度", "", "", 10, 9],
        ["合计", "", "", 100, 96],
    ]
    sub = read_grids([table_grid(head, rows, "评分表")], "p.xlsx")
    (ev,) = sub.evaluations
    assert [i.name.text for i in ev.indicators] == ["立项依据充分性", "立项程序规范性", "实际完成率", "满意度"]
    assert [(f.code, f.cell) for f in validate_submission(sub) if f.severity is Severity.ERROR] == []
