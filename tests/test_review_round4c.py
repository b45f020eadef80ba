"""Review round 4c (36c9bad, e6619dd): a header repeated under a table that already holds 100 points starts the
next table; two-level scoring tables (一级指标 | 二级指标 | 分值 | 得分) read their 二级 column as the names.
Each test failed when written."""

from __future__ import annotations

from reader_shapes import read_table

from perfxl.model import Severity
from perfxl.validate import validate_submission

SELF_EVAL = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]


def _sheet(header: list[str], rows: list[list], name: str = "自评表", merges=()):
    """One sheet read: `header` on row 1, `rows` below, merges 0-based (reader_shapes.read_table)."""
    return read_table(header, rows, name, merges)


def _findings(sub, severity: Severity = Severity.ERROR) -> list[tuple]:
    return [(f.code, f.cell, f.message) for f in validate_submission(sub) if f.severity is severity]


# ---------------------------------------------------------------- 1. page-break header (36c9bad)


def test_weights_printed_with_their_unit_do_not_split_a_table_at_a_page_break():
    """Weights printed as text with their unit ("50分", common in typed-in and PDF-copied tables) are read by
    the rules (W01 adds them up) but `_points_so_far` takes only Decimal weights: here it counts nothing,
    returns None, and the header repeated at the page break starts a new table. The correct table (60 + 10 +
    20 + 10 = 100, scores 100, 总分 100 | 100) then gets W03 错误 "总分行的分值应为 40，实际为 100" and T02 错误
    "总分应为 40 … 表中为 100". Before 36c9bad it was read as one table with no 错误."""
    rows = [
        ["产出指标", "数量指标", "新进规模企业", "12家", "12家", "50分", 50],
        ["", "", "新增高新技术企业", "10家", "10家", "10分", 10],
        SELF_EVAL,
        ["", "质量指标", "规模工业增加值", "63亿元", "63亿元", "10分", 10],
        ["效益指标", "社会效益指标", "总产值增长", "12%", "12%", "20分", 20],
        ["满意度指标", "服务对象满意度指标", "群众满意度", "90%", "95%", "10分", 10],
        ["总分", "", "", "", "", 100, 100],
    ]
    sub = _sheet(SELF_EVAL, rows)
    assert _findings(sub) == []
    assert len(sub.evaluations) == 1


def test_a_table_with_blank_weights_is_not_split_at_a_page_break():
    """A 自评表 whose 分值 cells are left blank (W04 rightly says so) but whose scores add up to its 总分 (50 +
    10 + 10 + 20 + 10 = 100): with no weights `_points_so_far` is None and the page-break header starts a new
    table, so the 总分 row belongs to the last three rows only and T02 says 错误 "总分应为 40 … 表中为 100" —
    a false arithmetic error on top of the real one; the rows after the break also lose their 一级 产出指标
    (I02 "缺少一级指标“产出指标”"). Before 36c9bad the table was read whole. Unknown weights are no evidence
    that a table is complete."""
    rows = [
        ["产出指标", "数量指标", "新进规模企业", "12家", "12家", "", 50],
        ["", "", "新增高新技术企业", "10家", "10家", "", 10],
        SELF_EVAL,
        ["", "质量指标", "规模工业增加值", "63亿元", "63亿元", "", 10],
        ["效益指标", "社会效益指标", "总产值增长", "12%", "12%", "", 20],
        ["满意度指标", "服务对象满意度指标", "群众满意度", "90%", "95%", "", 10],
        ["总分", "", "", "", "", "", 100],
    ]
    sub = _sheet(SELF_EVAL, rows)
    assert [e for e in _findings(sub) if e[0] != "W04"] == []
    assert [i.level1.raw if i.level1 else None for i in sub.evaluations[0].indicators][:3] == ["产出指标"] * 3


def test_an_overweighted_table_split_at_a_page_break_is_reported_as_one_table():
    """A 自评表 whose weights wrongly add to 110 (60 + 40 | page break | 10), 总分 110 | 110. Before 36c9bad:
    W03 错误 "分值合计 … 110 应为 100" and T03 "总分 110 超过满分 100" — right. Now the first two rows already
    hold 100, the page-break header starts a "new table" of one row, and the reviewer gets W03 错误 "总分行的分值
    应为 10，实际为 110" and T02 错误 "总分应为 10 … 表中为 110" — both false (the 总分 row does add its rows
    up) and pointing away from the real error — plus I02 "缺少一级指标“产出指标”" warnings. A table over 100
    is exactly the one whose rows must stay together for the weight check to say so."""
    rows = [
        ["产出指标", "数量指标", "新进规模企业", "12家", "12家", 60, 60],
        ["效益指标", "社会效益指标", "总产值增长", "12%", "12%", 40, 40],
        SELF_EVAL,
        ["满意度指标", "服务对象满意度指标", "群众满意度", "90%", "95%", 10, 10],
        ["总分", "", "", "", "", 110, 110],
    ]
    errors = _findings(_sheet(SELF_EVAL, rows))
    assert not [e for e in errors if e[0] == "T02"], errors
    assert any(e[0] == "W03" and "110" in e[2] and "应为 100" in e[2] for e in errors), errors


# ---------------------------------------------------------------- 2. two-level scoring tables (e6619dd)


def test_a_three_level_table_whose_third_header_is_blank_gets_no_false_i01():
    """一级指标 | 二级指标 | (blank) | 分值 | 得分 — a 自评表 whose 三级 column lost its header (a merged header
    cell copied badly, a garbled scan), 二级 printed once per group as usual. `_two_level` reads the 二级
    column as the names, so the second 数量指标 row (二级 blank, 三级 "新增高新技术企业" in C) gets I01 错误
    "该行有分值或指标值，但三级指标名称为空" — on a row whose name is right there in column C — and column C is read
    as 年度指标值 (I10 "年度指标值“群众满意度”应为百分比"). Before e6619dd: LAYOUT_NO_TABLE (a 警告, no false 错误).
    A text column between 二级 and 分值 is the names column, not evidence of a two-level table."""
    header = ["一级指标", "二级指标", "", "分值", "得分"]
    rows = [
        ["产出指标", "数量指标", "新进规模企业", 20, 20],
        ["", "", "新增高新技术企业", 20, 20],
        ["", "质量指标", "规模工业增加值", 20, 19],
        ["效益指标", "社会效益指标", "总产值增长", 30, 28],
        ["满意度指标", "服务对象满意度指标", "群众满意度", 10, 10],
        ["总分", "", "", 100, 97],
    ]
    assert _findings(_sheet(header, rows, "评分表")) == []


def test_a_third_level_column_under_an_unknown_header_is_not_silently_dropped():
    """一级指标 | 二级指标 | 指标内容 | 分值 | 得分 with the 三级 names in 指标内容: `_two_level` names every indicator
    by its 二级 label (数量指标, 数量指标, 质量指标 …) and column C is read as nothing at all — no finding, and the
    coverage says every row was read. Before e6619dd the sheet was LAYOUT_NO_TABLE (the reviewer knew it was not
    checked); now it looks checked while the indicators' names are wrong. Either C is read as the names, or a
    警告 says column C was not read."""
    header = ["一级指标", "二级指标", "指标内容", "分值", "得分"]
    names = ["新进规模企业", "新增高新技术企业", "规模工业增加值", "总产值增长", "群众满意度"]
    rows = [
        ["产出指标", "数量指标", names[0], 20, 20],
        ["产出指标", "数量指标", names[1], 20, 20],
        ["产出指标", "质量指标", names[2], 20, 19],
        ["效益指标", "社会效益指标", names[3], 30, 28],
        ["满意度指标", "服务对象满意度指标", names[4], 10, 10],
        ["总分", "", "", 100, 97],
    ]
    sub = _sheet(header, rows, "评分表")
    if not sub.evaluations:  # lead: e6619dd reverted — the sheet is not read, and a 警告 says so (as before it)
        assert [p.code for p in sub.problems if p.severity is Severity.WARNING] == ["LAYOUT_NO_TABLE"]
        return
    read = [i.name.raw for i in sub.evaluations[0].indicators]
    warned = [f for f in validate_submission(sub) if f.severity is not Severity.INFO and f.cell.startswith("C")]
    assert read == names or warned, (read, warned)


def test_a_level1_row_without_level2_in_a_two_level_table_is_an_indicator():
    """A two-level 评分表 (财预〔2020〕10号 shape, every 一级 with its 二级 on the same row) whose 满意度 has no
    breakdown: 满意度 | (blank) | 10 | 9, the next row 合计. The row is dropped as a subtotal heading although
    nothing is under it, and the correct table (20+20+30+20+10 = 100, 19+20+30+18+9 = 96) gets W03 错误
    "总分行的分值应为 90，实际为 100" and T02 错误 "总分应为 87，表中为 96". In a two-level table the 一级 row with
    分值/得分 and no rows under it is the indicator itself (merged or not: copied grids lose merges)."""
    header = ["一级指标", "二级指标", "分值", "得分"]
    rows = [
        ["决策", "项目立项", 20, 19],
        ["过程", "资金管理", 20, 20],
        ["产出", "产出数量", 30, 30],
        ["效益", "项目效益", 20, 18],
        ["满意度", "", 10, 9],
        ["合计", "", 100, 96],
    ]
    assert _findings(_sheet(header, rows, "评分表")) == []


def test_a_two_level_table_keeps_its_level2_categories():
    """产出指标 | 数量指标 | 20 | 20, 产出指标 | 质量指标 | 20 | 19 …: `_two_level` moves the 二级 column to the
    name and leaves every indicator's level2 empty, so I02 warns "产出指标未设数量、质量、时效、成本任何一类二级指标"
    on a table that sets exactly those — a false 警告 on every two-level table's 产出 group, and any rule keyed
    on the 二级 category (数量/质量/时效/成本, 满意度) loses it. The 二级 label is both the category and the name."""
    header = ["一级指标", "二级指标", "分值", "得分"]
    rows = [
        ["产出指标", "数量指标", 30, 30],
        ["产出指标", "质量指标", 20, 19],
        ["产出指标", "时效指标", 10, 10],
        ["效益指标", "社会效益指标", 30, 28],
        ["满意度指标", "服务对象满意度指标", 10, 10],
        ["总分", "", 100, 97],
    ]
    sub = _sheet(header, rows, "评分表")
    assert not [w for w in _findings(sub, Severity.WARNING) if w[0] == "I02"], _findings(sub, Severity.WARNING)
