"""Review round 4b (changes 1724535..9e9755a): tree-shaped scoring tables (subtotal rows, unknown labels right
of the name), a 计量单位 column repeating the value's unit, a 指标性质 column of types, a whole-fraction rate,
N05's figures, runs of unmapped rows. Each test failed when written."""

from __future__ import annotations

import dataclasses

import pytest
from reader_shapes import read_table
from rules_helpers import good_evaluation, submission, with_total

from perfxl.model import Paragraph, Severity, TextRef
from perfxl.validate import validate_submission

SCORING = ["一级指标", "二级指标", "三级指标", "分值", "得分"]


def _sheet(header: list[str], rows: list[list], name: str = "评分表", merges=()):
    """One sheet read: `header` on row 1, `rows` below, merges 0-based (reader_shapes.read_table)."""
    return read_table(header, rows, name, merges)


def _errors(sub) -> list[tuple]:
    return [(f.code, f.cell, f.message) for f in validate_submission(sub) if f.severity is Severity.ERROR]


# ---------------------------------------------------------------- 1. subtotal rows that are indicators


@pytest.mark.parametrize(
    ("rows", "merges"),
    [
        (
            # 过程 | 预算执行率 (二级 merged over 三级) | 20 | 19: the row IS the indicator, it has no children
            [
                ["决策", "项目立项", "立项依据充分性", 10, 10],
                ["", "", "立项程序规范性", 10, 9],
                ["过程", "预算执行率", "", 20, 19],
                ["产出", "产出数量", "实际完成率", 30, 30],
                ["效益", "项目效益", "社会效益", 20, 18],  # lead: was 30 | 28, which made the weights 110
                ["满意度", "服务对象满意度", "满意度", 10, 9],
                ["合计", "", "", 100, 95],
            ],
            [(3, 1, 3, 2)],
        ),
        (
            # a tree whose last 一级 满意度 has no breakdown: its label merged across 一级..三级, 10 | 9
            [
                ["决策", "", "", 20, 19],
                ["", "项目立项", "立项依据充分性", 10, 10],
                ["", "", "立项程序规范性", 10, 9],
                ["产出", "", "", 40, 40],
                ["", "产出数量", "实际完成率", 40, 40],
                ["效益", "", "", 30, 28],
                ["", "项目效益", "社会效益", 30, 28],
                ["满意度", "", "", 10, 9],
                ["合计", "", "", 100, 96],
            ],
            [(8, 0, 8, 2)],
        ),
    ],
    ids=["level2-merged-over-name", "level1-merged-leaf"],
)
def test_a_scored_row_whose_label_is_merged_over_the_name_is_an_indicator_not_a_subtotal(rows, merges):
    """A 评分表 row whose label spans the 三级 column (the name cell is the merged area's continuation) and
    that carries 分值/得分 with no rows under it is an indicator (预算执行率 | 20 | 19; a 满意度 without
    breakdown). `_subtotal_only` takes every such row for a subtotal heading: the row is dropped and the
    correct table gets W03 错误 "总分行的分值应为 80/90，实际为 100" and T02 错误 "总分应为 …，表中为 95/96".
    Before the change the 预算执行率 row was read as an indicator. Merged labels over the level columns are
    the usual way Chinese forms print a leaf with no sub-levels; a heading needs rows under it."""
    sub = _sheet(SCORING, rows, merges=merges)
    assert _errors(sub) == []


def test_a_subtotal_weight_that_disagrees_is_reported_at_the_cell_that_holds_it():
    """决策 | | | 25 with children 10 + 10: W02 错误 “决策”标注 25 分 — but 决策 (A2) prints no weight: the 25
    is in the 分值 cell D2. The annotated copy fills A2 and the basis says the label declares 25, so the
    finance officer looks for a number that is not in the marked cell. The finding must name D2 (its cell or
    a related cell) and must not say the label 标注 a weight it does not print."""
    rows = [
        ["决策", "", "", 25, 19],
        ["", "项目立项", "立项依据充分性", 10, 10],
        ["", "", "立项程序规范性", 10, 9],
        ["产出", "", "", 40, 40],
        ["", "产出数量", "实际完成率", 40, 40],
        ["效益", "", "", 40, 36],
        ["", "项目效益", "社会效益", 40, 36],
        ["合计", "", "", 100, 95],
    ]
    (w02,) = [f for f in validate_submission(_sheet(SCORING, rows)) if f.code == "W02"]
    cells = {w02.cell} | {r.cell for r in w02.related if hasattr(r, "cell")}
    assert "D2" in cells, (w02.cell, w02.related, w02.message)
    assert "“决策”标注" not in w02.message + (w02.basis or ""), w02.message


def test_a_tree_table_with_its_header_repeated_at_a_page_break_gives_no_error():
    """A tree-shaped 评分表 copied from a printed or PDF table repeats its header at the top of page 2, here
    between 决策's two 三级 rows. The subtotal rows now declare each 一级 group's weight, so the part after the
    repeated header gets W05 错误 "一级指标标注分值 产出 40 + 效益 40 合计 80 分，应为 100 分" (and W03/T02 错误)
    on a correct table whose 一级 subtotals 20 + 40 + 40 = 100 and whose rows add up. A header repeated at a
    page break continues the table; at most a 警告 may say the table was read in parts."""
    rows = [
        ["决策", "", "", 20, 19],
        ["", "项目立项", "立项依据充分性", 10, 10],
        SCORING,
        ["", "", "立项程序规范性", 10, 9],
        ["产出", "", "", 40, 40],
        ["", "产出数量", "实际完成率", 40, 40],
        ["效益", "", "", 40, 36],
        ["", "项目效益", "社会效益", 40, 36],
        ["合计", "", "", 100, 95],
    ]
    assert _errors(_sheet(SCORING, rows)) == []


# ---------------------------------------------------------------- 2. scoring headers with an explanatory column


@pytest.mark.parametrize("extra", ["评分依据", "佐证材料", "得分说明", "扣分说明"])
def test_a_scoring_table_with_an_explanatory_column_is_still_checked(extra):
    """一级 | 二级 | 三级 | 评分依据 | 分值 | 得分: the 评分依据/佐证材料/得分说明/扣分说明 column is text
    explaining the score, not a target or actual. Before the change the table was read and its wrong total
    (得分 96 + 9 + … = 96, printed 97) was a T02 错误; now any label right of the name outside perfxl's
    vocabulary refuses the whole table (LAYOUT_NO_TABLE 警告) and the error is lost. The refusal was meant
    for data columns (预期目标 | 实际完成情况); a text column beside the scores must not hide the sums."""
    rows = [
        ["决策", "项目立项", "立项依据充分性", "依据充分", 10, 10],
        ["", "", "立项程序规范性", "程序规范", 10, 9],
        ["产出", "产出数量", "实际完成率", "全部完成", 40, 40],
        ["效益", "项目效益", "社会效益", "效益明显", 30, 28],
        ["满意度", "服务对象满意度", "满意度", "调查95%", 10, 9],
        ["合计", "", "", "", 100, 97],  # the scores add up to 96
    ]
    sub = _sheet(["一级指标", "二级指标", "三级指标", extra, "分值", "得分"], rows)
    assert [c for c, _, _ in _errors(sub)] == ["T02"], [(p.code, p.message) for p in sub.problems]


# ---------------------------------------------------------------- 3. a 计量单位 column repeating the unit


SPLIT = [
    "一级指标",
    "二级指标",
    "三级指标",
    "指标性质",
    "年度指标值",
    "度量单位",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
]


@pytest.mark.parametrize(
    ("nature", "target", "unit", "actual"),
    [
        ("≥", "90％", "%", "85%"),  # a full-width ％ typed in the value, the ASCII % in the unit column
        ("≥", "90%", "％", "85%"),  # the unit repeated, in full width
        ("", "90%以上", "%", "85%"),  # the unit followed by 以上
        ("≥", "1000人次以上", "人次", "800人次"),
    ],
    ids=["fullwidth-in-value", "fullwidth-repeat", "yishang", "renci-yishang"],
)
def test_a_unit_repeated_in_another_form_does_not_hide_an_unmet_target(nature, target, unit, actual):
    """`join_target` drops the 计量单位 only when the value ends with exactly the same text, so "90％" beside
    "%" becomes "≥90％%", "90%以上" beside "%" becomes "90%以上%", "1000人次以上" beside "人次" becomes
    "≥1000人次以上人次". Such a target no longer parses as a rate/count, and an unmet target with full marks
    (85% against ≥90%, 800 against ≥1000) gives no S01/S07/D01 at all — the same row with "90" | "%" gives
    three 错误. Full-width ％ and "以上" are everyday typing in Chinese tables."""
    rows = [
        ["产出指标", "数量指标", "培训合格率", nature, target, unit, actual, 50, 50, ""],
        ["效益指标", "社会效益指标", "群众知晓率", "≥", "90", "%", "95%", 40, 40, ""],
        ["满意度指标", "服务对象满意度指标", "满意度", "≥", "90", "%", "95%", 10, 10, ""],
        ["总分", "", "", "", "", "", "", 100, 100, ""],
    ]
    sub = _sheet(SPLIT, rows, name="自评表")
    found = {(f.code, f.cell) for f in validate_submission(sub) if f.severity is Severity.ERROR}
    assert ("S07", "I2") in found, [i.target.text for ev in sub.evaluations for i in ev.indicators]


def test_a_type_word_in_the_nature_column_is_not_glued_to_the_target():
    """A 指标性质 column of 定量指标/定性指标 (重庆's layout; I04 now calls it the form's design) still goes
    through `join_target` as if 定量指标 were an operator: the target 100 | 人 is read "定量指标100人", and
    every message quoting the 年度指标值 shows a text no cell holds (重庆科学城's 财政供养人员控制率 reads
    "定量指标100%"). 定性指标 already adds nothing; 定量/定量指标 must not either."""
    rows = [
        ["产出指标", "数量指标", "培训人数", "定量指标", 100, "人", "120人", 50, 50, ""],
        ["", "质量指标", "培训合格率", "定量", 95, "%", "96%", 40, 40, ""],
        ["满意度指标", "服务对象满意度指标", "满意度", "定性指标", "高", "", "高", 10, 10, ""],
        ["总分", "", "", "", "", "", "", 100, 100, ""],
    ]
    sub = _sheet(SPLIT, rows, name="自评表")
    targets = [i.target.text for ev in sub.evaluations for i in ev.indicators]
    assert targets == ["100人", "95%", "高"]


# ---------------------------------------------------------------- 4. runs of unmapped rows


def test_extra_columns_sometimes_blank_are_one_unmapped_finding():
    """The change reports "the same extra columns on every row" (得分系数 | 是否核心指标) once for the run, but
    the run's key is the set of non-blank cells: where 是否核心指标 is left blank on some rows the run breaks and
    five LAYOUT_UNMAPPED_ROW come out for five rows ("100% | 是", "100%", "100% | 否", …) — exactly the noise the
    change removes, back as soon as one optional cell is empty."""
    header = [
        *SPLIT[:3],
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
        "得分系数",
        "是否核心指标",
    ]
    rows = [
        ["产出指标", "数量指标", "培训人数", "≥100人", "120人", 30, 30, "", "100%", "是"],
        ["", "质量指标", "培训合格率", "≥95%", "96%", 20, 20, "", "100%", ""],
        ["", "时效指标", "完成时间", "12月底前", "12月底前", 10, 10, "", "100%", "否"],
        ["效益指标", "社会效益指标", "群众知晓率", "≥90%", "95%", 30, 30, "", "100%", ""],
        ["满意度指标", "服务对象满意度指标", "满意度", "≥90%", "95%", 10, 10, "", "100%", "是"],
        ["总分", "", "", "", "", 100, 100, "", "", ""],
    ]
    sub = _sheet(header, rows, name="自评表")
    unmapped = [p.message for p in sub.problems if p.code == "LAYOUT_UNMAPPED_ROW"]
    assert len(unmapped) == 1, unmapped


# ---------------------------------------------------------------- 5. F04: a whole fraction far off


@pytest.mark.parametrize(("rate", "executed"), [("0", 80), ("1", 30), ("1", 160)])
def test_f04_a_whole_fraction_no_rounding_can_explain_stays_an_error(rate, executed):
    """A rate typed "0" or "1" is now always a 警告 ("也可能是比率四舍五入到整数"). That reading only covers
    what rounds to it: "1" is 50%–150% as a rounded fraction (or 1%), "0" is 0%–50% (or 0%). 80 of 100
    executed typed "0", 30 typed "1", 160 typed "1" fit no reading, and were certain 错误 before the change;
    "1.0" against 30% still is. A certain error downgraded to a 警告 whose basis offers an impossible excuse."""
    ev = with_total(good_evaluation(), full=100, initial=100, executed=executed, rate=rate, score=None)
    ev = dataclasses.replace(ev, funds=dataclasses.replace(ev.funds, parts=()))
    found = [f for f in validate_submission(submission(ev)) if f.code == "F04"]
    assert [f.severity for f in found] == [Severity.ERROR], [(f.severity, f.basis) for f in found]


# ---------------------------------------------------------------- 6. N05: the 应为 column


def test_n05_does_not_put_the_listed_count_in_the_expected_column():
    """N05's message now states both figures without saying which is right (a name may be missing, or the
    count wrong), but its `expected` is still "9个": the 校验结果 sheet's 应为 column, the CSV/JSON reports and
    the CLI print "应为 9个 / 实际 10个" — telling the writer to change 10 to 9, the very claim round 4 removed
    from the message (and in 个 where the text counts 家/所). The expected value must not name the listed count
    as what the text should say."""
    text = (
        "直属事业单位10个,即县国库集中支付中心、县财政信息中心、县工资统发中心、县财政投资评审中心、"
        "县政府债务研究评估中心、县财政预算编审中心、县国有资产服务中心、县会计服务中心、县经济开发区财政所。"
    )
    sub = dataclasses.replace(submission(good_evaluation()), narrative=(Paragraph(TextRef(1), text),))
    (f,) = [f for f in validate_submission(sub) if f.code == "N05"]
    assert f.expected in (None, "") or "10" in f.expected, f.expected


def test_an_operator_beside_a_blank_value_is_kept():
    """指标性质 "≥" │ 指标值 (blank) │ 计量单位 "万元": the operator was dropped ("" starts with every string), so the target
    read "万元"; it reads "≥万元" — a unit and its operator with no figure (I03's case), as the table prints it."""
    from perfxl.layout.indicators import join_target
    from perfxl.model import CellValue

    assert join_target(CellValue.of(None), CellValue.of("≥"), CellValue.of("万元")).raw == "≥万元"
    assert (
        join_target(CellValue.of("≥90"), CellValue.of("≥"), CellValue.of("%")).raw == "≥90%"
    )  # its own operator: once
