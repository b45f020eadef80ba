"""Review of session 8's reader and rule changes on benign variants real filers write (review 9).

Each case is a 项目支出绩效自评表 (or a block of one) as filers fill it. A benign case asserts no 错误 and no
unwarranted 警告 from the check under review; a defect case asserts its finding. Shapes follow the real tables cited
in tests/test_corpus_misses.py and tests/test_funds_variants.py.
"""

from __future__ import annotations

import pytest
from report_helpers import error_cells as _errors
from report_helpers import findings_of as _codes
from report_helpers import pad
from report_helpers import workbook_result as _workbook

E = ""
_TOTAL = ["100", "100", "95", "10", "95%", "9.5"]
_LABELS = ("其中:当年财政拨款", "上年结转资金", "其他资金")


def _form(total=None, parts=((), (), ()), merges=()):
    """The national 项目支出绩效自评表 (财预〔2020〕10号 附件): 项目资金 │ 年初预算数 │ 全年预算数 │ 全年执行数 │ 分值 │
    执行率 │ 得分, its three source rows, goals, three indicator rows (30 + 30 + 30) and 总分 = 10 + 90."""
    rows = [
        pad(["项目支出绩效自评表"]),
        pad(["项目名称", "某某项目"]),
        pad(["主管部门", "某局", E, E, E, "实施单位", "某局"]),
        pad(["项目资金 (万元)", E, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]),
        pad([E, "年度资金总额", *(total or _TOTAL)]),
        *(pad([E, label, *part]) for label, part in zip(_LABELS, parts, strict=True)),
        pad(["年度总体目标", "预期目标", E, E, E, "实际完成情况"]),
        pad([E, "完成年度维护任务。", E, E, E, "完成年度维护任务。"]),
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度 指标值", "实际 完成值", "分值", "得分", "偏差原因"],
        pad([E, "产出指标", "数量指标", "维护面积", "6000平方米", "6000平方米", "30", "30"]),
        pad([E, "效益指标", "社会效益指标", "群众满意度", "≥95%", "98%", "30", "30"]),
        pad([E, "满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "95%", "30", "30"]),
        pad(["总分", E, E, E, E, E, "100", "99.5"]),
    ]
    base = "A1:I1 B2:I2 B3:E3 G3:I3 A4:A8 A9:A10 B9:E9 F9:I9 B10:E10 F10:I10 A11:A14 A15:F15"
    return rows, (*base.split(), *merges)


def _bad(result):
    """错误 and 警告 of the funds checks (F*) and the layout's funds notes."""
    return [
        (f.code, getattr(f.ref, "cell", None), f.severity.value)
        for f in result.findings
        if f.severity.value in ("error", "warning") and (f.code.startswith("F") or "FUNDS" in f.code)
    ]


# ---------------------------------------------------------------- 1. source rows' own 执行率 and 得分 (F04/F05)


def test_sources_repeating_the_totals_weight_and_score_are_no_error(tmp_path):
    """Filers often copy the total's 分值 10 │ 得分 9.5 into every source row (the form scores only the total row; a
    PDF-to-Excel conversion fills a merged score cell into each row). The sources' own figures (80/80, 15/20) give other
    scores, but 9.5 may be the total's score repeated, right for the total (95/100 × 10): no 错误 on the copies, at most
    a 警告 saying why (as session 8 left it for 贵州 绥阳 2021, whose rows repeat 10 │ 10; KNOWN_MISSES row 6)."""
    rows, merges = _form(parts=(["80", "80", "80", "10", "100%", "9.5"], ["20", "20", "15", "10", "75%", "9.5"], []))
    result = _workbook(tmp_path, rows, merges)
    assert _bad(result) == [("F05", "H6", "warning"), ("F05", "H7", "warning")], _bad(result)
    assert all("与合计行相同" in f.basis for f in _codes(result, "F05"))


def test_a_score_column_merged_down_from_the_total_is_no_hidden_amount(tmp_path):
    """The form scores only the total row, so filers merge 分值 (F5:F8) and 得分 (H5:H8) down over the source rows.
    The sources have no score to hide: no LAYOUT_FUNDS_CELL_MERGED 警告 asking them to unmerge, no F05."""
    rows, merges = _form(parts=(["100", "100", "95", E, "95%", E], [], []), merges=("F5:F8", "H5:H8"))
    result = _workbook(tmp_path, rows, merges)
    assert _bad(result) == [], _bad(result)


def test_an_amount_merged_down_over_the_sources_is_still_named(tmp_path):
    """Defect: 全年执行数 merged from the total over the source rows (E5:E6) hides the source's own amount — the
    reader says so (a 警告 at E6), as before."""
    rows, merges = _form(parts=(["100", "100", E, E, "95%", E], [], []), merges=("E5:E6",))
    result = _workbook(tmp_path, rows, merges)
    assert ("LAYOUT_FUNDS_CELL_MERGED", "E6", "warning") in _bad(result), _bad(result)


_T = _TOTAL


@pytest.mark.parametrize(
    ("case", "parts"),
    [
        # the national form's "—" on the sources' 分值 and 得分 (they are scored only on the total row)
        ("dash", (["100", "100", "95", "—", "95%", "—"], [], [])),
        ("slash", (["100", "100", "95", "/", "95%", "/"], [], [])),
        # the only source repeats the total's figures, rate and score (a true copy: right because the total is)
        ("repeat", (_T, [], [])),
        # a source printing only its 年初预算数 (the rest left to the total)
        ("initial only", (["100", E, E, E, E, E], [], [])),
        # a source with nothing to spend: 0 │ 0 │ 0, rate blank, 0% or "—"
        ("zero zero", (["100", "100", "95", E, "95%", E], ["0", "0", "0", E, E, E], [])),
        ("zero zero 0%", (["100", "100", "95", E, "95%", E], ["0", "0", "0", E, "0%", E], [])),
        ("zero zero dash", (["100", "100", "95", E, "95%", E], ["0", "0", "0", "—", "—", "—"], [])),
        # the rate printed as the fraction itself
        ("fraction", (["100", "100", "95", "10", "0.95", "9.5"], [], [])),
        # 全年预算数 blank, 年初 filled: the rate is not judged on a budget the row does not print
        ("blank full budget", (["100", E, "95", "10", "95%", "9.5"], [], [])),
        ("blank full budget, no rate", (["100", E, "95", E, E, E], [], [])),
        # the score printed with a trailing zero, amounts with their unit
        ("9.50", (["100", "100", "95", "10", "95%", "9.50"], [], [])),
        ("unit", (["100万元", "100万元", "95万元", "10", "95%", "9.5"], [], [])),
        # two sources, each with its own right rate and score
        ("own rates", (["80", "80", "80", "—", "100%", "—"], ["20", "20", "15", "—", "75%", "—"], [])),
        ("own scores", (["80", "80", "80", "10", "100%", "10"], ["20", "20", "15", "10", "75%", "7.5"], [])),
        # a source with nothing to spend scored 0 of the total's 分值
        ("zero scored 0", (_T, ["0", "0", "0", "10", "0", "0"], [])),
    ],
)
def test_benign_source_rows(tmp_path, case, parts):
    """Source rows as filers fill them: no funds 错误 or 警告."""
    rows, merges = _form(parts=parts)
    result = _workbook(tmp_path, rows, merges)
    assert _bad(result) == [], (case, _bad(result))


def test_a_rate_printed_100_for_99_996_is_silent(tmp_path):
    """24,999 of 25,000 is 99.996%, printed "100%" at whole percent on the total and its one source: right at the
    precision printed, and 10 × 99.996% = 9.9996 prints 10."""
    row = ["25000", "25000", "24999", "10", "100%", "10"]
    rows, merges = _form(total=row, parts=(row, [], []))
    assert _bad(_workbook(tmp_path, rows, merges)) == []


def test_a_source_with_nothing_to_spend_printed_100_is_only_a_judgement(tmp_path):
    """0 │ 0 │ 0 printed 100%: the rate is undefined (0/0), some filers write 100% — a 警告, never an 错误."""
    rows, merges = _form(parts=(_T, ["0", "0", "0", E, "100%", E], []))
    assert _bad(_workbook(tmp_path, rows, merges)) == [("F04", "G7", "warning")]


def test_a_sources_own_wrong_score_is_still_certain(tmp_path):
    """Defect: a source scoring itself (分值 10) with a 得分 its figures contradict, not the total's copied (9): 80/80
    gives 10 — an 错误 at H6, as session 8 made it."""
    rows, merges = _form(parts=(["80", "80", "80", "10", "100%", "9"], ["20", "20", "15", "10", "75%", "7.5"], []))
    assert ("F05", "H6") in _errors(_workbook(tmp_path, rows, merges))


# ---------------------------------------------------------------- 2. W05 against the 绩效指标 header's declared weight


def _goal_block(header="年度 绩效 目标 (80 分)", output="50", benefit="30"):
    """The 云南 区直 form (tests/realworld/buxiang-fuwumaoyi-2020.toml, cut as in tests/test_corpus_misses.py): 预算执行
    情况 (20 分) with 得分 20, then the 绩效指标 header `header` over 产出指标 (`output` 分) and 效益指标 (`benefit` 分),
    the indicator scores filled to the declared weights, 总分 100."""
    o, b = int(output), int(benefit)
    rows = [
        pad(["2020 年市级服务贸易发展资金项目自评表"], 7),
        pad(["项目名称", "2020 年市级服务贸易发展资金"], 7),
        pad(["主管部门", "区商务局", E, "项目实施单位", "投资促进中心"], 7),
        pad(["预算执行 情况(万元) (20 分)", "预算数 (A)", "执行数(B)", "执行率(B/A)", "得分 (20 分*执行率)"], 7),
        pad(["年度财政 资金总额", "285.84", "285.84", "100%", "20"], 7),
        [header, "一级指标", "二级指标", "三级指标", "年初目标值 (A)", "实际完成值 (B)", "得分"],
        [E, f"产出指标 ({output} 分)", "数量指标", "服务外包离岸(万美元)", "4500", "4557.51", str(o - 10)],
        [E, E, "时效指标", "资金拨付及时性", "98%以上", "100%", "10"],
        [E, f"效益指标 ({benefit} 分)", "社会效益 指标", "推动企业走出去", "有利于", "有利于", str(b)],
        pad(["总分", E, E, E, E, E, str(20 + o + b)], 7),
    ]
    return rows, ("A1:G1", "B2:G2", "B3:C3", "E3:G3", "E4:G4", "E5:G5", "A6:A9", "B7:B8", "A10:F10")


def _weights(result):
    return [
        (f.code, getattr(f.ref, "cell", None), f.severity.value) for f in result.findings if f.code in ("W05", "T02")
    ]


def test_a_goal_header_naming_the_whole_tables_100_is_no_contradiction(tmp_path):
    """年度绩效目标 (100 分) over 产出指标 (50 分) + 效益指标 (30 分), with 预算执行 20 分: the header names the whole
    table's 100 (80 + 20), which the weights make — no W05."""
    rows, merges = _goal_block(header="年度 绩效 目标 (100 分)")
    result = _workbook(tmp_path, rows, merges)
    assert _weights(result) == [], _weights(result)


@pytest.mark.parametrize(
    "header",
    ["年度 绩效 目标 (80 分)", "年度绩效指标（80分）", "绩效指标(满分100分)", "一、年度绩效目标(80分)", "年度绩效目标"],
)
def test_goal_headers_that_agree_or_declare_nothing_are_silent(tmp_path, header):
    """50 + 30 under a header that declares 80, a full mark, a numbered block or nothing: no W05."""
    rows, merges = _goal_block(header=header)
    result = _workbook(tmp_path, rows, merges)
    assert _weights(result) == [], (header, _weights(result))


def test_labels_short_of_the_goal_headers_weight_are_still_found(tmp_path):
    """Defect: 绩效指标 (80 分) over 40 + 30 = 70 (and 70 + 20 ≠ 80 or 100): the W05 at the header stays."""
    rows, merges = _goal_block(header="绩效指标(80分)", output="40")
    result = _workbook(tmp_path, rows, merges)
    assert ("W05", "A6", "error") in _weights(result), _weights(result)


# ---------------------------------------------------------------- 3. funds reading: stacked, dotted, line blocks


def _pengshui_with(line_at: int, label: str, value: str):
    """tests/test_funds_variants.py's 彭水 2024 stacked blocks, 特别扶助's 本级资金 19.25 (so every block adds up), with
    one more label │ value line inserted as row `line_at` (1-based) in the stack's columns."""
    from test_funds_variants import _pengshui

    rows, merges = _pengshui(special_local="19.25")
    rows.insert(line_at - 1, [E, E, E, E, label, value, E, E])
    return rows, merges


@pytest.mark.parametrize(
    ("line_at", "label", "value"),
    [
        (5, "受益人数(人)", "12"),  # between 中央补助 and 市级资金 of the overall block
        (6, "项目个数", "3"),  # between 市级资金 and 本级资金
        (7, "资金到位率", "100%"),  # after 本级资金
    ],
)
def test_a_line_that_is_no_money_inside_a_stacked_block_cuts_no_source_off(tmp_path, line_at, label, value):
    """A count or a rate printed as a label │ value line among the stacked funds lines is no source, and does not end
    the block: the sources after it are still the block's (668.00 + 343.00 + 73.25 = 1084.25) — no F02 on a block cut
    short (it was a certain F02: 668.00 + 343.00 = 1011 against 1084.25)."""
    rows, merges = _pengshui_with(line_at, label, value)
    result = _workbook(tmp_path, rows, merges)
    assert not _errors(result), _errors(result)
    assert not _codes(result, "F02"), [(f.ref.cell, f.message) for f in _codes(result, "F02")]
    from perfxl.reader import read_submission

    ev = read_submission(result.path).evaluations[0]
    assert [p.full_budget.text for p in ev.funds.parts] == ["668.00", "343.00", "73.25"]
    assert len(ev.funds_more) == 3


def test_zhejiang_report_blank_sources_weigh_alike_in_plan_and_arrival(tmp_path):
    """浙江省项目支出绩效评价报告 (武义 2019, tests/test_corpus_misses.py's `_wuyi`): 市县财政 1000 │ 1000 filled, 中央/省/其它
    blank in both pairs, under 1355.81 │ 1355.81. The plan's F02 is a 警告 (the blank lines may hold 355.81); the same
    blank lines under 实际到位资金 weigh the same — a 警告 too, never an 错误 (the arrival column was certain)."""
    from test_corpus_misses import _wuyi

    rows, merges = _wuyi()
    rows[8] = ["市县财政", "1000", "市县财政", "1000"]
    result = _workbook(tmp_path, rows, merges)
    f02 = sorted((f.ref.cell, f.severity.value) for f in _codes(result, "F02"))
    assert f02 == [("B6", "warning"), ("D6", "warning")], f02
    assert not _errors(result), _errors(result)


def test_a_small_table_under_the_form_does_not_replace_its_total(tmp_path):
    """Filers put a second small table under the 自评表 on the same sheet (其他说明: 项目 │ 金额, 设备购置 │ 60, 合计 │ 60).
    Its 合计 │ 60 holds no figure in the 分值/得分 columns: it is not the 自评表's 总分 (100 │ 99.5, read above) — no T02
    (it was a certain T02: 总分应为 99.5，表中为 60)."""
    rows, merges = _form()
    rows += [pad(["其他说明"]), pad(["项目", "金额"]), pad(["设备购置", "60"]), pad(["合计", "60"])]
    result = _workbook(tmp_path, rows, merges)
    assert not _errors(result), _errors(result)
    assert not [f for f in result.findings if f.code.startswith("T0") and f.code != "T07"]


def test_a_later_total_row_in_the_score_columns_is_still_the_total(tmp_path):
    """Defect kept: the form's 合计 row (分值 90 │ 得分 90, the indicators only) and then its 总分 row printed wrong
    (100 │ 98 for 9.5 + 90): the 总分 row in the 分值/得分 columns is the total and T02 finds it."""
    rows, merges = _form()
    rows[-1] = pad(["合计", E, E, E, E, E, "90", "90"])
    rows.append(pad(["总分", E, E, E, E, E, "100", "98"]))
    result = _workbook(tmp_path, rows, merges)
    assert ("T02", "H16") in _errors(result), _errors(result)


def test_a_schedule_under_the_sources_with_one_date_is_no_source(tmp_path):
    """湘阴 2022 申报表 (tests/test_funds_variants.py's `_xiangyin`, the 支出明细 cut out): the 项目年度实施进度计划 header
    (项目实施内容 │ 开始时间 │ 结束时间) right under the sources, then a line whose 开始时间 is 2022.1 and 结束时间 left
    blank. A lone 2022.1 could be an amount, but under a 开始时间 header it is a date: the schedule is no part of the
    money — no fifth source, no F02 (it was a certain F02: 259 + 2022.1 = 2281.1 against 259)."""
    from test_funds_variants import _xiangyin

    from perfxl.reader import read_submission

    rows, merges = _xiangyin(detail=False)
    rows[-1][5] = E
    result = _workbook(tmp_path, rows, merges)
    assert not _codes(result, "F02") and not _errors(result), _errors(result)
    funds = read_submission(result.path).declarations[0].funds
    assert [p.label.text for p in funds.parts] == ["市级资金", "省级资金", "中央资金", "县级资金"]


def test_a_rate_column_merged_down_from_the_total_is_no_hidden_amount(tmp_path):
    """执行率 merged from the total row over the sources (G5:G8), as 分值/得分 are: one rate shown for the block, the
    sources' own rates not given — nothing hidden, no LAYOUT_FUNDS_CELL_MERGED 警告 and no F04."""
    rows, merges = _form(parts=(["100", "100", "95", E, E, E], [], []), merges=("G5:G8",))
    result = _workbook(tmp_path, rows, merges)
    assert _bad(result) == [], _bad(result)


def test_a_score_split_over_the_sources_weights_is_only_a_judgement(tmp_path):
    """Some forms share the budget's 分值 out over the sources (部门整体: 基本支出 5 │ 项目支出 5 of 10) and print the total's
    得分 as the sum of theirs: 60/60 × 5 = 5 and 35/40 × 5 = 4.38, total 9.38 — where 95/100 × 10 = 9.5. Two readings of
    the table's own figures: the total's F05 is a 警告 naming the split, not an 错误."""
    rows, merges = _form(
        total=["100", "100", "95", "10", "95%", "9.38"],
        parts=(["60", "60", "60", "5", "100%", "5"], ["40", "40", "35", "5", "87.5%", "4.38"], []),
    )
    rows[-1] = pad(["总分", E, E, E, E, E, "100", "99.38"])
    result = _workbook(tmp_path, rows, merges)
    assert not _errors(result), _errors(result)
    f05 = _codes(result, "F05")
    assert [(f.ref.cell, f.severity.value) for f in f05] == [("H5", "warning")]
    assert "各来源" in f05[0].basis


def test_a_total_score_that_no_split_explains_stays_certain(tmp_path):
    """Defect: the same sources' scores (5 + 4.38 = 9.38) under a total printed 9 — neither 9.5 nor their sum: 错误."""
    rows, merges = _form(
        total=["100", "100", "95", "10", "95%", "9"],
        parts=(["60", "60", "60", "5", "100%", "5"], ["40", "40", "35", "5", "87.5%", "4.38"], []),
    )
    assert ("F05", "H5") in _errors(_workbook(tmp_path, rows, merges))


def _with_lines(*lines):
    """`_form` with extra lines under the sources, inside the funds block (its label merged A4 down over them)."""
    rows, merges = _form(parts=(["100", "100", "95"], [], []))
    at = 8
    rows[at:at] = [pad([E, *line]) for line in lines]
    n = len(lines)

    def shift(ref: str) -> str:
        col, row = ref.rstrip("0123456789"), int(ref[len(ref.rstrip("0123456789")) :])
        return f"{col}{row + n if row > at else row}"

    moved = tuple(":".join(shift(x) for x in m.split(":")) for m in merges)
    return rows, tuple(f"A4:A{8 + n}" if m.startswith("A4:") else m for m in moved)


def test_a_total_repeated_under_the_sources_is_no_source(tmp_path):
    """Some forms close the funds block with a 合计 row repeating the 年度资金总额 (100 │ 100 │ 95). A total-labelled row
    is never one of the sources: F02 adds 当年财政拨款 only (100 = 100) — it was three certain F02 (200 against 100)."""
    rows, merges = _with_lines(["合计", "100", "100", "95"])
    result = _workbook(tmp_path, rows, merges)
    assert not _errors(result), _errors(result)
    assert not _codes(result, "F02")


def test_a_count_under_the_sources_is_no_source(tmp_path):
    """受益人数(人) │ 12 under the sources, in the 年初预算数 column: a count in people, no money — no F02 (it was a certain
    F02: 100 + 12 = 112 against 100)."""
    rows, merges = _with_lines(["受益人数(人)", "12"])
    result = _workbook(tmp_path, rows, merges)
    assert not _errors(result), _errors(result)
    assert not _codes(result, "F02")


def test_a_spending_line_among_the_sources_is_a_warning_when_the_named_sources_add_up(tmp_path):
    """(lead, from review 9's "left" list) 当年财政拨款 80 + 上年结转 20 = 100 = the total, with 设备购置 │ 60 │ 60 │ 58 under
    them: a line that names no source of money — a spending placed among the sources, or a misnamed source. Failed
    before: three certain F02 "年度资金总额应为各来源之和 160" (C5, D5, E5). Now a 警告 naming the line; when the named
    sources do not add up either, the 错误 stays."""
    rows, merges = _form(parts=(["80", "80", "80"], ["20", "20", "15"], ["60", "60", "58"]))
    rows[7][1] = "设备购置"
    found = [f for f in _workbook(tmp_path, rows, merges).findings if f.code == "F02"]
    assert [(f.ref.cell, f.severity.value) for f in found] == [("C5", "warning"), ("D5", "warning"), ("E5", "warning")]
    assert "设备购置" in found[0].basis
    rows, merges = _form(parts=(["70", "70", "70"], ["20", "20", "15"], ["60", "60", "58"]))
    rows[7][1] = "设备购置"
    found = [f for f in _workbook(tmp_path, rows, merges).findings if f.code == "F02"]
    assert [(f.ref.cell, f.severity.value) for f in found] == [("C5", "error"), ("D5", "error"), ("E5", "error")]
