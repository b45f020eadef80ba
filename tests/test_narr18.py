"""narr18 (issue 12): a 部门决算/预算 说明's amounts held to the tables perfxl reads for their sums (收支总表, 功能分类表 —
perfxl/document/table_lines.py), by name, never by position.

The paragraphs and tables are real, transcribed in tests/realworld/reports (each fixture's `source` is the published PDF):
* 中共上海市普陀区委社会工作部 2024 年度部门决算 (shanghai-putuo-shehuigongzuobu-juesuan-2024.toml, from
  https://github.com/zxj6827111-blip/GovBudgetChecker samples/bad/中共上海市普陀区委社会工作部 2024 年度部门决算.pdf):
  p16 "本年收入合计 307.82 万元…", p25 "…一般公共服务支出（类）264.87 万元…", p29 "2、一般公共服务支出（类）社会工作事务（款）
  事业运行（项）。…支出决算为 11.31 万元。", p38 "一般公共预算财政拨款基本支出 105.58 万元。其中：…";
* 上海市普陀区人民政府万里街道办事处 2025 部门预算 (shanghai-putuo-wanli-yusuan-2025.toml): p8 "1. “一般公共服务支出（类）
  统计信息事务（款）专项普查活动（项）”科目43.83万元…" against a 功能分类预算表 in 元;
* 上海市普陀区司法局 2026 单位预算 (shanghai-putuo-sifaju-danwei-yusuan-2026.toml): p14 "7、社会保障和就业支出（208类）…
  行政单位离退休（01项）56.12万元。…2026年预算安排57.8万元…" — the publisher's own slip, found (N01 错误).
Each contradiction changes one figure of the real paragraph. Agreeing, every paragraph is quiet (measure_reports' false
警告 0 on them). Also: 社会工作部 p25 without its total (the 类's shares are then of the 功能分类表's 合计 line), p28 with its
amount changed (the 完成全年预算数% that follows from it is said in the N01's basis, not as a second finding), 万里 p4's
"财政拨款收入" (the 收支预算总表's line of that name).

Figures (measure_reports): found 39/43 → 41/43 (司法局 2026 p14/p20's N01, KNOWN_MISSES before), false 错误 0, false 警告 0
on the 476 agreeing facts, table errors 12/12; probe_reports planted 402: found 338 → 345, extra 0.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from report_helpers import report_fixture
from test_document_realreport import report_findings, with_paragraph

from perfxl.model import TextRef

REPORTS = Path(__file__).resolve().parent / "realworld" / "reports"


_fixture = report_fixture


SHEHUI = _fixture("shanghai-putuo-shehuigongzuobu-juesuan-2024")
WANLI = _fixture("shanghai-putuo-wanli-yusuan-2025")

#: (paragraph, printed, changed): one figure of each real paragraph changed — all in one document (one build).
SHEHUI_CHANGES = (
    (16, "本年收入合计 307.82 万元", "本年收入合计 370.82 万元"),  # the 收支总表's 本年收入合计
    (25, "一般公共服务支出（类）264.87 万元", "一般公共服务支出（类）246.87 万元"),  # the 201 line's 合计
    (29, "支出决算为 11.31 万元", "支出决算为 11.13 万元"),  # the 2013950 line its paragraph opens with
    (
        38,
        "一般公共预算财政拨款基本支出 105.58 万元",
        "一般公共预算财政拨款基本支出 150.58 万元",
    ),  # the 合计 line's 基本支出
)


def _findings(tmp_path: Path, fixture: dict) -> dict[int, list]:
    out: dict[int, list] = defaultdict(list)
    for f in report_findings(tmp_path, fixture):  # the report read once, a variant's paragraphs in memory
        if isinstance(f.ref, TextRef):
            out[f.ref.paragraph].append(f)
    return out


@pytest.fixture(scope="module")
def shehui_changed(tmp_path_factory: pytest.TempPathFactory) -> dict[int, list]:
    fixture = SHEHUI
    for paragraph, old, new in SHEHUI_CHANGES:
        fixture = with_paragraph(fixture, paragraph, old, new)
    return _findings(tmp_path_factory.mktemp("shehui"), fixture)


@pytest.fixture(scope="module")
def shehui(tmp_path_factory: pytest.TempPathFactory) -> dict[int, list]:
    return _findings(tmp_path_factory.mktemp("shehui0"), SHEHUI)


@pytest.mark.parametrize("paragraph", [16, 18, 25, 29, 38])
def test_agreeing_amounts_are_quiet(shehui, paragraph):
    """As published, each amount is its table line's: nothing but p25's own share (9.55%, an N02 警告 of its own)."""
    assert [(f.code, f.severity.value) for f in shehui[paragraph] if f.code == "N01"] == []


@pytest.mark.parametrize("paragraph", [p for p, _, _ in SHEHUI_CHANGES])
def test_a_changed_amount_is_held_to_its_line(shehui_changed, paragraph):
    """One N01 错误 for the changed figure (and no N02 of it besides: one figure, one finding), its basis naming the
    table line it was held to."""
    n01 = [f for f in shehui_changed[paragraph] if f.code == "N01"]
    assert [(f.code, f.severity.value) for f in n01] == [("N01", "error")]
    assert not [f for f in shehui_changed[paragraph] if f.code == "N02" and f.severity.value == "error"]
    line = {16: "本年收入合计", 25: "201 一般公共服务支出", 29: "2013950 事业运行", 38: "合计"}[paragraph]
    assert f"“{line}”" in n01[0].basis


def test_the_money_a_figure_names_picks_its_table(tmp_path):
    """ "其中：基本支出 150.58 万元" under "本年支出合计" names no money: the whole department's, which no table here states (the
    功能分类表 is the 一般公共预算财政拨款's) — not held (its own sum, 150.58 + 202.24 ≠ 307.82, is N02's). A bare "基本支出"
    under the heading "六、一般公共预算财政拨款基本支出决算情况说明" is that money's: held."""
    bare = with_paragraph(SHEHUI, 18, "基本支出 105.58 万元", "基本支出 150.58 万元")
    assert not [f for f in _findings(tmp_path, bare)[18] if f.code == "N01"]
    headed = with_paragraph(SHEHUI, 38, "一般公共预算财政拨款基本支出 105.58 万元", "基本支出 150.58 万元")
    assert [(f.code, f.severity.value) for f in _findings(tmp_path, headed)[38] if f.code == "N01"] == [
        ("N01", "error")
    ]


def test_a_path_without_its_class_is_a_guess(tmp_path):
    """ "行政运行（项）" without its 类 and 款: paired by its name alone — a 警告 that says so, and only when it differs."""
    text = "其中：社会工作事务（款）行政运行（项）15.32 万元。"
    fixture = with_paragraph(SHEHUI, 38, SHEHUI["paragraphs"][37], text)
    n01 = [f for f in _findings(tmp_path, fixture)[38] if f.code == "N01"]
    assert [(f.code, f.severity.value) for f in n01] == [("N01", "warning")]
    assert "未写明其所属的类、款" in n01[0].basis
    agreeing = with_paragraph(SHEHUI, 38, SHEHUI["paragraphs"][37], text.replace("15.32", "51.32"))
    assert not [f for f in _findings(tmp_path, agreeing)[38] if f.code == "N01"]


def test_a_budget_table_in_yuan(tmp_path):
    """万里 2025 p8: "…专项普查活动（项）”科目43.83万元" against 438,300 元 (units converted): quiet; 48.83 an N01 错误."""
    assert not [f for f in _findings(tmp_path, WANLI)[8] if f.code == "N01"]
    changed = with_paragraph(WANLI, 8, "科目43.83万元", "科目48.83万元")
    assert [(f.code, f.severity.value) for f in _findings(tmp_path, changed)[8]] == [("N01", "error")]


#: 社会工作部 p25 without its total (a 说明 listing the 类 with their shares only): the shares are of the table's 合计.
CLASSES = "一般公共服务支出（类）264.87 万元，占 86.05%；社会保障和就业支出（类）10.82 万元，占 3.52%。"


def test_a_share_without_its_total_is_the_tables(tmp_path):
    """No total printed: "占 86.05%" is the 201 line's share of the 功能分类表's 合计 (264.87 / 307.82 = 86.047%) — quiet;
    "占 68.05%" an N01 错误 naming both cells. A whole printed before the list ("本年支出合计 500.00 万元。…") is the
    share's whole instead (funds_arith's), never the table's — and "本年支出合计" under the section's 一般公共预算 heading
    is still the department's whole: held to the 收支总表's 本年支出合计, not to the 功能分类表's 合计."""
    whole = SHEHUI["paragraphs"][24]
    assert not [f for f in _findings(tmp_path, with_paragraph(SHEHUI, 25, whole, CLASSES))[25] if f.code == "N01"]
    wrong = with_paragraph(SHEHUI, 25, whole, CLASSES.replace("86.05%", "68.05%"))
    n01 = [f for f in _findings(tmp_path, wrong)[25] if f.code == "N01"]
    assert [(f.code, f.severity.value) for f in n01] == [("N01", "error")]
    assert "264.87 / 307.82" in n01[0].basis
    other = with_paragraph(
        SHEHUI, 25, whole, "本年支出合计 500.00 万元。一般公共服务支出（类）264.87 万元，占 52.97%。"
    )
    n01 = [f for f in _findings(tmp_path, other)[25] if f.code == "N01"]
    assert len(n01) == 1 and "本年支出合计" in n01[0].basis and "52.97" not in n01[0].message


def test_a_rate_that_follows_from_the_wrong_amount_is_not_said_twice(tmp_path):
    """社会工作部 p28 "…行政运行（项）。…全年预算为 52.00 万元，支出决算为 56.45 万元，完成全年预算数的 98.69%" (51.32 printed):
    one N01 错误 for the amount, its basis saying the rate fails only through it (51.32 / 52.00 = 98.69%) — no N02 besides.
    司法局 2026 p20 keeps both (as its fixture expects): its rate (+21.74% over 241.76) fails with the table's 207 too."""
    changed = with_paragraph(SHEHUI, 28, "支出决算为 51.32 万元", "支出决算为 56.45 万元")
    found = _findings(tmp_path, changed)[28]
    assert [(f.code, f.severity.value) for f in found] == [("N01", "error")]
    assert "98.69%" in found[0].basis


def test_a_totals_line_named_exactly(tmp_path):
    """万里 2025 p4 "…收入预算18,976.76万元，其中：财政拨款收入18,976.76万元…": the 收支预算总表's line "一、财政拨款收入"
    (189,767,551 元) — quiet as published, an N01 错误 with one figure changed."""
    assert not [f for f in _findings(tmp_path, WANLI)[4] if f.code == "N01"]
    changed = with_paragraph(WANLI, 4, "财政拨款收入18,976.76万元", "财政拨款收入18,967.76万元")
    n01 = [f for f in _findings(tmp_path, changed)[4] if f.code == "N01"]
    assert [(f.code, f.severity.value) for f in n01] == [("N01", "error")]
    assert "“财政拨款收入”" in n01[0].basis
