"""Review 10c (issue 11: no false 错误, and no real defect silenced): the session's mutation-recall fixes (branch
`defects`) tried on variants of the real tables they were made for — each case marked "failed before" gave the false
finding, or lost the real one, on main at d25a642; each family keeps its defect guard.

1. `perfxl.skips.part_of_form` took any table with no 总分 row whose 一级 declarations match its rows and add up to less
   than 100 for one part of a form, its whole-table checks skipped: a lone table whose weights are simply short
   (产出50 + 效益30 + 满意度10 = 90, 预算执行率 not scored) lost its W03/W05. A part now needs another indicator part on
   its sheet; and the 湖北 form's second part (项目绩效 85: 产出40 + 效益30 + 满意度15, no 分值 column), which makes up
   the 100 with the first part's 15, is a part too (its W05 "85 应为 100" was a false 警告), and neither part is told
   it lacks a 总分 row (the form's 自评总分 is in its head; coverage names what is not checked).
2. F04 on source rows where the total row prints no amounts: a form printing 到位资金 (宁晋 2019: 预算安排 │ 实际到位金额 │
   实际支出金额) may take its 执行率 over the money arrived — a rate agreeing with 执行数/到位 is a 警告, not an 错误.
3. Guards that held: a 万 that counts (1.2万人次, 5万册, 3万亩) is no money; "5万" under a header in 元 is read in the
   cell's unit; a header whose bracket lost its ")" matches only its own role in the corpus.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

from render import CORPUS, judged, load_table, parsed_toml, validated, variant

import perfxl.layout.headers as H

E = ""


# ---------------------------------------------------------------- 1. a part of a form, and a table merely short of 100

#: 濉溪 2019 (产出50 + 效益30 + 满意度10 over rows adding up to 90; the funds block scores 预算执行率 10): its 分值/得分
#: cleared from the funds block, the form's weights come to 90 — a real defect, no other part on the sheet.
_SUIXI_UNSCORED = {
    "cleared-scores": {"E5": E, "E6": E, "G5": E, "G6": E},
    "no-score-columns": {"E4": E, "G4": E, "E5": E, "E6": E, "G5": E, "G6": E},
}


@pytest.mark.parametrize("changes", list(_SUIXI_UNSCORED.values()), ids=list(_SUIXI_UNSCORED))
def test_a_lone_table_whose_weights_come_to_90_keeps_its_findings(tmp_path, changes):
    """Failed before: W03 and W05 skipped ("只是评分表的一部分"), the weights' shortfall said nowhere as a finding."""
    result = validated(variant("anhui-suixi-linshijiuzhu-2019", changes), tmp_path)
    # one cause, one finding (noise15): W03 says the shortfall and names the labels' 90 that W05 said again
    assert ("W03", "warning", 11) in judged(result) and ("W05", "warning", 11) not in judged(result)
    (w03,) = [f for f in result.findings if f.code == "W03"]
    assert "实际为 90" in w03.message and "产出指标 50 + 效益指标 30 + 满意度指标 10 合计 90" in w03.basis, w03.basis
    assert not [s for s in result.coverage.skipped if s.code in ("W03", "W05")]


def _hubei_form(satisfaction: str = "满意度 指标 15 分"):
    """广水 2021's form completed: the 项目绩效 part (85 分 in its 项目权重 cell) with its 产出 40 filled in and 效益 30
    and 满意度 15 rows added after the stored copy's cut — the 项目决策/项目管理 part's 15 and this 85 make up 100."""
    table = copy.deepcopy(load_table(CORPUS / "hubei-guangshui-xiangcundaolu-2021.toml"))
    table.rows[16][4:7] = ["100%", "100%", "6"]
    table.rows[17][4:7] = ["100%", "100%", "6"]
    table.rows[18] = [E, E, "时效指标 13 分", "按时完工率", "100%", "100%", "13", E, E]
    table.rows += [
        [E, "效益 指标 30 分", "社会效益指标 30 分", "群众出行便利度", "提高", "提高", "30", E, E],
        [E, satisfaction, "服务对象满意度 15 分", "群众满意度", "≥90%", "95%", "15", E, E],
    ]
    table.merges = [m for m in table.merges if m != "A16:A19"] + ["A16:A21"]
    return table


def test_the_hubei_forms_two_parts_making_up_100_are_parts(tmp_path):
    """Failed before: W05 警告 "一级指标标注分值 产出指标 40 + 效益指标 30 + 满意度指标 15 合计 85 分，应为 100 分" on the
    项目绩效 part, and LAYOUT_MISSING_TOTAL 警告s on both parts — the form's 自评总分 is in its head, and 15 + 85 = 100."""
    result = validated(_hubei_form(), tmp_path)
    assert not [f for f in result.findings if f.code in ("W05", "LAYOUT_MISSING_TOTAL")]
    reasons = [s.reason_zh for s in result.coverage.skipped if s.code == "W05"]
    assert any("15 分" in r for r in reasons) and any("85 分" in r for r in reasons), reasons


def test_a_hubei_part_whose_weights_leave_the_form_short_keeps_its_w05(tmp_path):
    """Defect guard: 满意度 declared 10 — the parts come to 95; the 项目绩效 part's W05 stays."""
    result = validated(_hubei_form("满意度 指标 10 分"), tmp_path)
    assert ("W05", "warning", 16) in judged(result)


def test_a_hubei_part_whose_rows_miss_their_declaration_keeps_its_w02(tmp_path):
    """Defect guard: 运行监管 printed 5 — 项目管理's rows come to 14 of its declared 13; although the declarations still
    make up 100 with the other part's 85, the rows are wrong by their own cells (W02 错误) — the parts' sum does not
    excuse them."""
    table = _hubei_form()
    table.rows[11][2] = "5"
    result = validated(table, tmp_path)
    assert ("W02", "error", 10) in judged(result)


# ---------------------------------------------------------------- 2. a source row's rate over the money arrived

_NINGJIN = (
    "hebei-ningjin-xiaofang-2019"  # 合计 blank; 省财政资金 300 │ 到位 300 │ 支出 151.56; 县财政资金 254 │ 254 │ 254
)


def _ningjin(tmp_path, **cells: str):
    changes = {"G8": "执行率", "G12": "100%", **cells}
    return [
        (f.severity.value, getattr(f.ref, "row", None))
        for f in validated(variant(_NINGJIN, changes), tmp_path).findings
        if f.code == "F04"
    ]


def test_a_source_rate_over_the_money_arrived_is_a_judgement(tmp_path):
    """到位 200 of 300, 执行率 75.78% = 151.56/200. Failed before: F04 错误 "执行率应为 50.52%（151.56/300），表中为
    75.78%" — some forms take 执行率 over 到位资金."""
    assert _ningjin(tmp_path, D11="200", G11="75.78%") == [("warning", 11)]


def test_a_total_rate_over_the_money_arrived_is_a_judgement(tmp_path):
    """The same on the 合计 row, its amounts printed: 405.56/454 = 89.33% (over 到位), 405.56/554 = 73.21%."""
    found = _ningjin(tmp_path, D11="200", G11="75.78%", C9="554", D9="454", E9="405.56", G9="89.33%")
    assert found == [("warning", 9), ("warning", 11)]


@pytest.mark.parametrize("rate", ["50.52%", "0.5052", "51%"])
def test_a_source_rate_agreeing_with_its_amounts_is_quiet(tmp_path, rate):
    assert _ningjin(tmp_path, G11=rate) == []


@pytest.mark.parametrize(
    "cells",
    [
        pytest.param({"G11": "40%"}, id="agrees-with-nothing"),
        pytest.param({"D11": "200", "G11": "70%"}, id="neither-budget-nor-arrived"),
    ],
)
def test_a_source_rate_agreeing_with_neither_stays_an_error(tmp_path, cells):
    """Defect guard: a rate neither 执行数/预算 nor 执行数/到位 is wrong by the row's own cells."""
    assert _ningjin(tmp_path, **cells) == [("error", 11)]


# ---------------------------------------------------------------- 3. guards: 万 counts, 万 under 元, unclosed headers

_SUIXI = (
    "anhui-suixi-linshijiuzhu-2019"  # 资金情况(万元): 年度资金总额 30 │ 30, 其中:本年财政拨款 30 │ 30, 其他资金 blank
)


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"B7": "服务群众", "C7": "1.2万人次", "D7": "1.2万人次"}, id="person-times"),
        pytest.param({"B7": "发放图书", "C7": "5万册", "D7": "5万册"}, id="volumes"),
        pytest.param({"B7": "受益面积", "C7": "3万亩", "D7": "3万亩"}, id="mu"),
        pytest.param({"C6": "25万", "D6": "25万", "B7": "其他资金", "C7": "5万", "D7": "5万"}, id="wan-sources-add-up"),
        pytest.param(
            {
                "A4": "资金情况(元)",
                "C5": "300000",
                "D5": "300000",
                "C6": "250000",
                "D6": "250000",
                "C7": "5万",
                "D7": "5万",
            },
            id="wan-under-yuan",
        ),
    ],
)
def test_wan_counts_and_units_make_no_funds_error(tmp_path, changes):
    result = validated(variant(_SUIXI, changes), tmp_path)
    assert not [f for f in result.findings if f.code.startswith("F") and f.severity.value == "error"]


def test_a_wan_source_over_its_total_is_still_an_error(tmp_path):
    """Defect guard: 其他资金 5万 beside 财政拨款 30 under a 年度资金总额 of 30 — certainly more than the total."""
    result = validated(variant(_SUIXI, {"C7": "5万", "D7": "5万"}), tmp_path)
    assert {("F02", "error", 5)} <= judged(result)


def test_unclosed_header_brackets_in_the_corpus_match_only_their_own_role():
    """Every corpus cell whose bracket is left open ("执行率(B/A1") reads as the label before the bracket, and nothing
    else: a lost ")" gives no label a role its words do not have."""
    tables = {
        "FUNDS_COLUMNS": H.FUNDS_COLUMNS,
        "INDICATOR_COLUMNS": H.INDICATOR_COLUMNS,
        "GOAL_COLUMNS": H.GOAL_COLUMNS,
    }
    seen: dict[str, dict[str, str]] = {}
    for path in sorted(CORPUS.glob("*.toml")):
        for row in parsed_toml(path).get("rows", []):
            for cell in row:
                label = H.normalise_label(cell)
                if label and H._UNCLOSED.search(H.strip_numbering(label)):
                    roles = {k: r for k, t in tables.items() if (r := H.match_role(cell, t)) is not None}
                    if roles:
                        seen[cell] = roles
    assert seen == {"执行率(B/A1": {"FUNDS_COLUMNS": "rate"}}
