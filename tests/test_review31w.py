"""review31w (issue 11): more rewrites real filers make of a correct table, on real tables — none may add an 错误 or
lose a finding.

probe_variants' review31w kinds: names numbered "（1）" and "①"; 分值 with two decimals; a 得分 typed just under what it
shows; a units row under the funds or indicator header; figures in a 偏差原因; "（已完成）" after an actual of 100%;
"100%完成" and "≥4次/年" targets; an empty 其他资金 row printed 0, "—" or "/"; =ROUND and =…*100 执行率 formulas;
the 资金总额 as =SUM of its parts; "百分之九十五"; a hidden blank row inside a 一级 merge; a wide column's right half
hidden; a helper column under the 得分 heading merged over both; trailing zeros dropped; an operator on its own line;
一级 labels without 指标.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

import probe_variants as PV

from perfxl.values import Op, ValueKind, parse_value


def _outcome(name: str, kind: str, tmp_path: Path) -> PV.Outcome:
    """probe_variants' comparison of the published table and its `kind` variant (new 错误, lost expectations)."""
    return PV.outcome_of_corpus(name, kind, tmp_path)


@pytest.mark.parametrize(
    "name",
    [
        # 吉林 反恐经费 评价表 2016: "分" under 权重 and both 分值 columns, under its two-row header, read as an
        # indicator with no name (I01 错误; fails at main)
        "jilin-fankong-pingjiabiao-2016",
        # 云南 丽江 卫片 2020: "分 │ 分" under 分值 │ 得分 (I01 错误; fails at main)
        "yunnan-lijiang-weipian-2020",
        # 云南 保山 能源 2023: likewise, and a second I01 on its first indicator row (fails at main)
        "yunnan-baoshan-nengyuan-2023",
    ],
)
def test_a_units_row_under_the_indicator_header_is_the_headers(name: str, tmp_path: Path) -> None:
    out = _outcome(name, "units_row_indicators", tmp_path)
    assert (out.new_errors, out.lost) == ([], [])


@pytest.mark.parametrize(
    "name",
    [
        # 湖北 黄冈 水土保持 2020: "100%（已完成）" unread, the S17 score 警告 at row 13 lost (fails at main)
        "hubei-huanggang-shuitubaochi-2020",
        # 宁夏 银川 初中公用 2021: 预算执行率 "100%（已完成）" scored 9 of 10, its F05 错误 lost (fails at main)
        "ningxia-yinchuan-chuzhong-gongyong-2021",
    ],
)
def test_an_actual_marked_done_in_brackets_is_its_figure(name: str, tmp_path: Path) -> None:
    out = _outcome(name, "actual_paren_done", tmp_path)
    assert (out.new_errors, out.lost) == ([], [])


def test_a_done_note_is_read_past_and_other_notes_are_not() -> None:
    """ "100%（已完成）", "98%(达标)": the figure and a word that it was reached; "（未完成）", "（部分完成）" may say the
    figure is not what was done — unread as before."""
    for text, number in (("100%（已完成）", 100), ("98%(达标)", 98), ("100%（按时完成）", 100)):
        p = parse_value(text)
        assert (p.kind, p.number, p.unit) == (ValueKind.PERCENT, number, "%"), text
    for text in ("100%（未完成）", "10个（部分完成）"):
        assert parse_value(text).kind is not ValueKind.PERCENT or parse_value(text).unit != "%", text


def test_a_percent_in_chinese_numerals_is_read(tmp_path: Path) -> None:
    """山西 稷山 建档立卡 2020 with "95%" written "百分之九十五" (`actual_pct_chinese`): unread, the rows scored 27 of 30
    and 9 of 10 lost their S01 错误 and their D01 became 错误 (met, read as "95%": a 警告) — fails at main."""
    out = _outcome("shanxi-jishan-jiandanglika-2020", "actual_pct_chinese", tmp_path)
    assert (out.new_errors, out.lost, out.moved) == ([], [], [])


def test_percent_in_digits_reads_only_numerals_that_spell_a_number() -> None:
    for text, number, op in (
        ("百分之九十五", 95, None),
        ("≥百分之九十", 90, Op.GE),
        ("不低于百分之八十五", 85, Op.GE),
        ("百分之一百", 100, None),
        ("百分之百", 100, None),
        ("百分之十", 10, None),
        ("百分之九十九点五", Decimal("99.5"), None),
        ("百分之一百零五", 105, None),
    ):
        p = parse_value(text)
        assert (p.kind, p.number, p.op) == (ValueKind.PERCENT, number, op), text
    for text in ("百分之九九", "百分之五十和百分之六十", "十分满意"):
        assert parse_value(text).number is None, text


def test_a_percent_in_numerals_perfxl_cannot_read_leaves_the_missing_reason_a_judgement(tmp_path: Path) -> None:
    """稷山 2020's row 17 ("95%" │ "95%" scored 27 of 30, 偏差原因 blank) with its actual written "百分之九九" (no number
    the numerals spell; 99% meant): whether the target was met is not known — D01 a 警告 naming the words, not the
    错误 a row read as missed gets."""
    from render import CORPUS, load_table, validated

    table = load_table(CORPUS / "shanxi-jishan-jiandanglika-2020.toml")
    row = next(r for r in table.rows if "看病难贵" in "".join(r))
    row[5] = "百分之九九"
    d01 = [f for f in validated(table, tmp_path).findings if f.code == "D01" and f.ref.row == 17]
    assert len(d01) == 1 and d01[0].severity.value == "warning" and "汉字" in d01[0].basis


def test_summed_funds_keep_a_rate_only_the_rounded_print_excuses_out(tmp_path: Path) -> None:
    """安徽 岳西 文物保护 2022 prints 0.958 for 27.8/29 (95.86%): consistent only if the printed amounts were rounded.
    `funds_total_summed` types the amounts as numbers (exact), which would make that F04 a true 错误 of the copy — the
    kind leaves such a table alone."""
    from render import CORPUS, load_table

    assert PV.VARIANTS["funds_total_summed"](load_table(CORPUS / "anhui-yuan-wenwubaohu-2022.toml")) is None


_ANHUI = "anhui-tianchang-shuihan-2022"
_LUAN = "anhui-luan-gonggongwenhua-2021"


@pytest.mark.parametrize(
    ("kind", "name"),
    [
        ("names_paren_numbered", _ANHUI),
        ("names_circled", _ANHUI),
        ("weights_two_decimals", _ANHUI),
        ("units_row_funds", _ANHUI),
        ("units_row_indicators", _ANHUI),
        # 六安 2021's 执行率 row 7 (F05 and its exec_score expectation rest on the rate the formula caches); 天长 2022's
        # rate row, here before, held no finding (audit32)
        ("rate_round_formula", _LUAN),
        ("rate_points_formula", _LUAN),
        ("funds_total_summed", _ANHUI),
        ("hidden_row_in_group", _ANHUI),
        ("target_wide_half_hidden", _ANHUI),
        ("helper_under_score_heading", _ANHUI),
        # 霍山 2024's row 23 (S08 and its deviation expectation rest on its target's operator); 贵池 2022's ≤202.6万元
        # row, here before, held no finding (audit32)
        ("ops_break", "anhui-huoshan-yiliaojiuzhu-2024"),
        ("level1_short", "anhui-jinzhai-meilixiangcun-bumen-2023"),
        # 岳西 2022's row 15 (D01, S01 and the score and deviation expectations on its 100%完成); 宣城 2021's row 16,
        # here before, held none (audit32)
        ("target_pct_wancheng", "anhui-yuan-wenwubaohu-2022"),
        ("reason_with_figures", "anhui-suixi-linshijiuzhu-2019"),
        ("scores_hidden_below", "hebei-chengan-gaolingjintie-2020"),
        # 成安 2020's rows 14–15 (S01 and the score expectations on the scores it writes "9.5" for 9.50); 丽江 2020's
        # row 5, here before, held none (audit32)
        ("scores_zero_dropped", "hebei-chengan-gaolingjintie-2020"),
        ("amounts_zeros_dropped", "shanghai-putuo-tiyu-2022"),
        ("target_per_year", "anhui-xuancheng-jindu-2021"),
    ],
)
def test_review31w_kinds_change_no_verdict_on_a_table(kind: str, name: str, tmp_path: Path) -> None:
    """Guards (each passed at review31w's parent too, audit32: the kinds that failed there have tests of their own
    above): each kind, on a table it changes, adds no 错误 and loses none of the findings resting on what it rewrites."""
    v = PV.of_corpus(name, kind, tmp_path)  # fails when the kind leaves the table as it is
    # and when no finding of the table sits on a row the kind rewrote: nothing it rewrites is checked (audit31b)
    assert PV.rest_on_rewritten(v), (name, kind)
    out = PV.compare(v.table, v.base, v.new, v.found, v.rowmap)
    assert (out.new_errors, out.lost) == ([], []), (name, kind)


@pytest.mark.parametrize("kind", ["other_funds_dash", "other_funds_zero"])
def test_an_empty_funds_row_printed_as_nothing_is_nothing(kind: str, tmp_path: Path) -> None:
    """Guards (passed at review31w's parent too, audit32): 天长 2022's blank 上年结转资金 and 其他资金 rows printed "—" or
    "0" add no 错误. No finding rests on those rows (`rest_on_rewritten` is empty), but the funds total sums them: the
    same rows printed "1" give F02 错误 on the total row — so "—" or "0" read as any figure but nothing fails here."""
    v = PV.of_corpus(_ANHUI, kind, tmp_path / "kind")
    assert PV.rest_on_rewritten(v) == []
    out = PV.compare(v.table, v.base, v.new, v.found, v.rowmap)
    assert (out.new_errors, out.lost) == ([], [])
    from render import validated

    one, _ = PV._empty_parts("1")(v.table)
    assert PV.compare(v.table, v.base, one, validated(one, tmp_path / "one").findings, None).new_errors == [(6, "F02")]
