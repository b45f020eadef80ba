"""Review 10b (issues 11/12, "never cry wolf"): false findings on realistic variants of what was merged in session 10
(held-out batch 16's header synonyms, real reports 10's narrative sums, review 10's units and blank totals) — each case
marked "failed before" raised the false finding on main at c83050f; each family keeps a truly wrong variant that must
keep its finding (a defect guard), so a fix cannot just silence the check.

1. 海南's 目标表 made 指标类型 a 一级 header and 绩效目标 a target header. In other layouts these words head other columns:
   指标类型 (共性指标/个性指标, 定量/定性) beside 一级指标, a 绩效目标 goal text beside 指标值, a 绩效目标 column in a scoring
   sheet. First column winning, the real 一级 or target column was lost: I03 错误 "不是数值" on the goal text, D01/S03
   错误s, hand-found 错误s gone. Such labels are weak (`headers.WEAK_SYNONYMS`): they yield to another label for the role,
   and a 绩效目标 in a scoring sheet (分值/得分, no actual) is no target. 随州's money line with a 到位数 column: its 执行率
   may be over the money arrived — not held to the 合计 (F04 错误 before).
2. 绩效标准 (计划/行业/历史标准) read as 评分标准: "计划标准" there was taken for a stated scoring method, softening a
   certain F05 (预算执行率 100% scored below full marks) to a 警告.
3. Narrative sums (N02): "其中财政拨款支出:基本支出…,项目支出…" splits that money, not the whole (an 错误 against a
   支出合计, a 警告 against a budget); counted projects' amounts under other source names (一般公共预算资金, 政府性基金,
   转移支付, 配套) or naming money paid/done (已支付, 完成投资) are no projects' whole money. Older, found on the way
   (错误s): the amounts after a part's colon ("其中财政拨款950万元:基本支出…") are that part's; "按支出功能分:" splits the
   whole a second way; "道路项目80万元,执行60万元;…" is each project's money then its spending — none summed with the rest.
4. Units: 分钟/秒 (and 小时, 亩) held as rounded decimals of a day: 5分钟 against ≤300秒, 1小时 against ≤60分钟, 24小时
   against ≤1天 came out a hair above the target (S07 "未达到"). Conversions now multiply before they divide.
5. A 总分 typed in Chinese numerals ("九十八") was read as blank: T02 said "表中为（空）…总分未填写" of a filled cell.
"""

from __future__ import annotations

import copy
import dataclasses
import re
import sys
from pathlib import Path

import pytest
from report_helpers import report_findings as _report
from report_helpers import workbook_result as _workbook
from test_heldout16 import _suizhou

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

import probe_rewrites as P
from render import CORPUS, load_table, validated
from test_realworld import _rows, in_family

E = ""
_NAME = re.compile(r"^(三级指标|指标名称|三级指标名称|绩效指标名称)$")
_LEVEL1 = re.compile(r"^(一级指标|一级指标名称)$")


def _header(table) -> tuple[int, int]:
    """(row, column) of the indicator names' header cell."""
    return next(
        (r, c)
        for r, row in enumerate(table.rows)
        for c, cell in enumerate(row)
        if _NAME.match(re.sub(r"\s+", "", cell))
    )


def _with_column(table, where: str, head: str, text: str):
    """The table with a column inserted left of its 一级指标 ("left") or right of its names ("right"), headed `head` on
    the names' header row and holding `text` on each indicator row below it."""
    r, name = _header(table)
    at = name + 1
    if where == "left":
        at = next(c for c, cell in enumerate(table.rows[r]) if _LEVEL1.match(re.sub(r"\s+", "", cell)))

    def fill(i: int) -> str:
        if i == r:
            return head
        row = table.rows[i]
        named = i > r and name < len(row) and row[name].strip() and not re.search("合计|总分", "".join(row))
        return text if named else ""

    return P.insert_column(table, at, fill)


def _judged(result) -> set[tuple[str, str, int | None]]:
    return {
        (f.code, f.severity.value, getattr(f.ref, "row", None))
        for f in result.findings
        if f.severity.value in ("error", "warning")
    }


def _errors(result) -> set[tuple[str, int | None]]:
    return {(f.code, getattr(f.ref, "row", None)) for f in result.findings if f.severity.value == "error"}


def _pair(tmp_path, stem: str, where: str, head: str, text: str, neutral: str):
    """The corpus table with the column headed `head`, and with the same column under a header perfxl does not know."""
    table = load_table(CORPUS / f"{stem}.toml")
    variant = validated(_with_column(table, where, head, text), tmp_path / "variant")
    neutral_result = validated(_with_column(table, where, neutral, text), tmp_path / "neutral")
    return table, variant, neutral_result


# ---------------------------------------------------------------- 1. 绩效目标 / 指标类型 beside the real columns


@pytest.mark.parametrize(
    "stem",
    [
        # failed before: I03 错误 "年度指标值“完成年度工作任务…”不是数值" on every row (the goal text read as the target)
        pytest.param("jiangxi-fuliang-linye-mubiao-2026", id="fuliang-mubiao"),
        pytest.param("chongqing-rongchang-lvhua-mubiao-2022", id="rongchang-mubiao"),
        pytest.param("hebei-chengan-gaolingjintie-2020", id="chengan-split"),
        pytest.param("sichuan-qingshen-gongzixing-2023", id="qingshen"),
        pytest.param("yunnan-yongde-yingyang-2022", id="yongde-two-row-header"),  # D01 and I03 错误s
    ],
)
def test_a_goal_text_column_beside_the_target_column_is_not_the_target(tmp_path, stem):
    _, variant, neutral = _pair(tmp_path, stem, "right", "绩效目标", "完成年度工作任务，保障项目顺利实施", "目标描述")
    assert _errors(variant) == _errors(neutral)
    assert not [f for f in variant.findings if f.code == "I03" and f.severity.value == "error"]


@pytest.mark.parametrize(
    "stem",
    [
        # failed before: the 一级 column lost to 指标类型 — T02, F05, S01, D01 错误s (hand-found) gone, W01 and I02 moved
        pytest.param("ningxia-yinchuan-chuzhong-gongyong-2021", id="yinchuan"),
        pytest.param("sichuan-zhongjiang-shuibiaochi-2022", id="zhongjiang"),  # W05 错误 gone
        pytest.param("buxiang-fuwumaoyi-2020", id="fuwumaoyi"),  # W05 错误 gone
        pytest.param("yunnan-baoshan-nengyuan-2023", id="baoshan"),
    ],
)
def test_a_kind_column_left_of_the_level1_column_keeps_the_tables_findings(tmp_path, stem):
    table, variant, neutral = _pair(tmp_path, stem, "left", "指标类型", "共性指标", "分类")
    assert _judged(variant) == _judged(neutral)
    for e in table.expect:  # the hand-found errors, one column to the right (a defect guard)
        assert any(in_family(f.code, e.what) and e.row in _rows(f, table.sheet) for f in variant.findings), e


def test_a_goal_column_in_a_scoring_sheet_is_not_a_target(tmp_path):
    """铜陵 郊区 2021's 评分表 (一级 │ 二级 │ 三级 │ 指标说明 │ 分值 │ 评分) with a 绩效目标 column after the names. Failed
    before: read as targets, every scored line "实际完成值为空，却给了得分" (S12 警告 ×13), and 得分 2 over 分值 1 an S06
    错误 where the scoring sheet's reading (bonus points possible) gives a 警告."""
    _, variant, neutral = _pair(
        tmp_path, "anhui-tongling-jiaoqu-gongyishiye-2021", "right", "绩效目标", "完成年度工作任务", "目标描述"
    )
    assert _judged(variant) == _judged(neutral)
    assert not [f for f in variant.findings if f.code == "S12"]


def _self_evaluation(target_head: str, actual: str, score: str):
    rows = [
        ["项目支出绩效自评表", E, E, E, E, E, E],
        ["一级指标", "二级指标", "三级指标", target_head, "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "培训人数", "≥100人", actual, "50", score],
        [E, "质量指标", "培训合格率", "≥95%", "96%", "50", "50"],
    ]
    return rows, ("A3:A4",)


def test_a_goal_header_alone_is_still_the_target_column(tmp_path):
    """Defect guard: a 自评表 whose only target-headed column is 绩效目标 (with an actual column) reads it as the target —
    80 人 of ≥100人 scored the full 50 keeps its S07 错误."""
    result = _workbook(tmp_path, *_self_evaluation("绩效目标", "80人", "50"))
    assert ("S07", 3) in _errors(result), [(f.code, f.ref, f.message) for f in result.findings]
    assert not _errors(_workbook(tmp_path, *_self_evaluation("绩效目标", "120人", "50")))


def test_a_rate_beside_money_arrived_is_not_held_to_the_sources_total(tmp_path):
    """随州 2022's money line with a 到位数 column before 执行数 (合计 30 │ 到位数 20 │ 执行数 20 │ 执行率 100%): the rate
    may be over the money arrived. Failed before: F04 错误 "执行率应为 66.67%（20/30），表中为 100%"."""
    rows, merges = _suizhou()
    rows[2] = [*rows[2][:7], "到位数(万元)", *rows[2][7:]]
    rows[3] = [E, E, "10", "20", E, E, "30", "20", "20", "100%"]
    rows = [row + [E] * (10 - len(row)) for row in rows]
    result = _workbook(tmp_path, rows, merges)
    assert not [f for f in result.findings if f.code == "F04"]
    assert not [f for f in result.findings if f.severity.value == "error"]


def test_the_published_sources_line_keeps_its_rate_check(tmp_path):
    """Defect guard: without a 到位 column the rate is the 合计's — 20.97 of 23.3 printed 100% keeps its F04 错误."""
    result = _workbook(tmp_path, *_suizhou(executed="20.97"))
    assert [f.severity.value for f in result.findings if f.code == "F04"] == ["error"]


# ---------------------------------------------------------------- 2. 绩效标准 "计划标准" is no scoring method (银川 2021)


def _yinchuan_standard(text: str):
    table = load_table(CORPUS / "ningxia-yinchuan-chuzhong-gongyong-2021.toml")
    return _with_column(table, "right", "绩效标准", text)


def test_a_standards_kind_is_no_scoring_method(tmp_path):
    """Failed before: F05 警告 "该行写有“计划标准”，表中计分方法可能另有规定" — 预算执行率 100% scored 9 of 10 is short of
    full marks by any method; "计划标准" names what the target is judged against, not how execution is scored."""
    result = validated(_yinchuan_standard("计划标准"), tmp_path)
    assert [f.severity.value for f in result.findings if f.code == "F05"] == ["error"]


def test_a_stated_scoring_rule_in_that_column_still_makes_it_a_judgement(tmp_path):
    """Defect guard the other way: words stating a method ("执行率每低1%扣0.5分") keep the F05 a 警告 naming them."""
    result = validated(_yinchuan_standard("执行率每低1%扣0.5分"), tmp_path)
    assert [f.severity.value for f in result.findings if f.code == "F05"] == ["warning"]


# ---------------------------------------------------------------- 3. narrative sums (N02)


def _above_info(findings):
    return [(f.code, f.severity.value) for f in findings if f.severity.value != "info"]


@pytest.mark.parametrize(
    "text",
    [
        # failed before: N02 错误 "“支出”的各组成部分之和（700万元 + 250万元）…应为 950万元，文字写 1000万元"
        pytest.param("本年支出合计1000万元,其中财政拨款支出:基本支出700万元,项目支出250万元。", id="spending-fiscal"),
        # failed before: N02 警告 (基本支出 + 项目支出 read as the whole budget)
        pytest.param("部门预算总金额1000万元,其中财政拨款支出:基本支出700万元,项目支出250万元。", id="budget-fiscal"),
        # failed before: N02 警告 ("as many amounts as the projects counted")
        pytest.param("共2个项目,资金120万元,其中:一般公共预算资金80万元,政府性基金30万元。", id="general-budget-fund"),
        pytest.param("共2个项目,资金120万元,其中:转移支付资金80万元,地方配套30万元。", id="transfer-matching"),
        pytest.param(
            "我单位共有2个项目批复了绩效目标,项目金额120万元。其中:道路项目已支付50万元,路灯项目已支付40万元。",
            id="paid",
        ),
        pytest.param("共有2个项目,项目金额120万元,其中:道路项目完成投资80万元,路灯项目完成投资30万元。", id="done"),
    ],
)
def test_parts_of_another_money_than_the_total_stay_quiet(tmp_path, text):
    assert not _above_info(_report(tmp_path, text))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a named subset's parts may fall short of the whole, never exceed it
        pytest.param(
            "本年支出合计1000万元,其中财政拨款支出:基本支出700万元,项目支出350万元。",
            [("N02", "error")],
            id="subset-exceeds",
        ),
        # the counted projects' own amounts short of their money: the 警告 reports10 added stays
        pytest.param(
            "共有2个项目,项目金额120万元,其中:道路项目80万元,路灯项目30万元。", [("N02", "warning")], id="projects"
        ),
        pytest.param(
            "部门预算支出1000万元,其中:基本支出700万元,项目支出250万元。", [("N02", "warning")], id="basic-project"
        ),
    ],
)
def test_parts_of_the_totals_own_money_keep_their_finding(tmp_path, text, found):
    assert _above_info(_report(tmp_path, text)) == found


@pytest.mark.parametrize(
    "text",
    [
        # failed before: N02 错误 "各组成部分之和（950万元 + 700万元 + 250万元）超过了总数…应为 1900万元" — the amounts after
        # a part's colon are that part's own
        pytest.param("预算总额1000万元,其中当年财政拨款950万元:基本支出700万元,项目支出250万元。", id="part-colon"),
        pytest.param(
            "预算总额1000万元,其中当年财政拨款950万元:基本支出700万元,项目支出250万元;上年结转50万元。",
            id="part-colon-then-next-part",
        ),
        # failed before: N02 错误 (950 + 700 + 250): 按支出功能分 splits the whole a second way
        pytest.param(
            "2023年部门预算1000万元,其中一般公共预算拨款950万元,按支出功能分:基本支出700万元,项目支出250万元。",
            id="split-by-function",
        ),
        # failed before: N02 错误 (80 + 60 + 40 + 30): each project's money and then its spending
        pytest.param(
            "共有2个项目,项目金额120万元,其中:道路项目80万元,执行60万元;路灯项目40万元,执行30万元。",
            id="money-then-spent",
        ),
    ],
)
def test_a_part_detailed_or_the_whole_split_again_is_not_summed_twice(tmp_path, text):
    assert not _above_info(_report(tmp_path, text))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("预算总额1000万元,其中当年财政拨款950万元:基本支出700万元,项目支出300万元。", id="detail-exceeds"),
        pytest.param(
            "预算总额1000万元,其中当年财政拨款950万元:基本支出700万元,项目支出250万元;上年结转100万元。",
            id="parts-exceed",
        ),
        pytest.param(
            "2023年部门预算1000万元,其中一般公共预算拨款950万元,按支出功能分:基本支出700万元,项目支出400万元。",
            id="second-split-exceeds",
        ),
        pytest.param(
            "共有2个项目,项目金额120万元,其中:道路项目80万元,执行60万元;路灯项目60万元,执行30万元。",
            id="projects-money-exceeds",
        ),
    ],
)
def test_parts_beyond_their_whole_in_those_lists_keep_their_error(tmp_path, text):
    assert _above_info(_report(tmp_path, text)) == [("N02", "error")]


# ---------------------------------------------------------------- 4. time units converted exactly (苏州 财政 2021)


def _suzhou(tmp_path, target: str, actual: str):
    """苏州 财政 灾备 2021's 灾备切换速度 row (目标值 │ 权重 3.14 │ 实际完成值 │ 自评分 3.14), target and actual replaced."""
    table = load_table(CORPUS / "jiangsu-suzhou-caizheng-zaibei-2021.toml")
    rows = copy.deepcopy(table.rows)
    assert rows[32][2] == "灾备切换速度"
    rows[32][3], rows[32][5] = target, actual
    result = validated(dataclasses.replace(table, rows=rows), tmp_path)
    return [(f.code, f.severity.value) for f in result.findings if getattr(f.ref, "row", 0) == 33 and f.code[0] == "S"]


@pytest.mark.parametrize(
    ("target", "actual"),
    [
        pytest.param("≤300秒", "5分钟", id="seconds-minutes"),  # failed before: S07 警告 "未达到"
        pytest.param("≤60分钟", "1小时", id="minutes-hour"),  # failed before
        pytest.param("≤3600秒", "1小时", id="seconds-hour"),  # failed before
        pytest.param("≤1天", "24小时", id="day-hours"),  # failed before
        pytest.param("≤5分钟", "300秒", id="minutes-seconds"),
    ],
)
def test_a_time_met_exactly_in_another_unit_is_met(tmp_path, target, actual):
    assert _suzhou(tmp_path, target, actual) == []


@pytest.mark.parametrize(
    ("target", "actual"),
    [
        pytest.param("≤300秒", "6分钟", id="minutes-over"),
        pytest.param("≤1天", "25小时", id="hours-over"),
        pytest.param("≤5分钟", "0.1小时", id="hour-fraction-over"),
    ],
)
def test_a_time_beyond_its_target_in_another_unit_is_still_found(tmp_path, target, actual):
    assert ("S07", "error") in _suzhou(tmp_path, target, actual) or ("S07", "warning") in _suzhou(
        tmp_path, target, actual
    )


# ---------------------------------------------------------------- 5. a 总分 in Chinese numerals (忻州 2020)


def _xinzhou_total(tmp_path, total: str):
    table = load_table(CORPUS / "hubei-xinzhou-chujutuan-2020.toml")
    rows = copy.deepcopy(table.rows)
    assert rows[27][0] == "总分"
    rows[27][7] = total
    return validated(dataclasses.replace(table, rows=rows), tmp_path)


def test_a_total_in_chinese_numerals_is_not_called_blank(tmp_path):
    """Failed before: T02 警告 "总分应为 98…表中为（空）…总分未填写，不是填错" of a cell holding 九十八 — the cell is filled;
    perfxl cannot read it as a figure (C02 names it), so the sum is not compared (coverage)."""
    result = _xinzhou_total(tmp_path, "九十八")
    assert not [f for f in result.findings if f.code == "T02"]
    assert any("九十八" in s.reason_zh for s in result.coverage.skipped)


@pytest.mark.parametrize(("total", "severity"), [pytest.param("", "warning"), pytest.param("90", "error")])
def test_a_blank_or_wrong_total_keeps_its_finding(tmp_path, total, severity):
    assert [f.severity.value for f in _xinzhou_total(tmp_path, total).findings if f.code == "T02"] == [severity]
