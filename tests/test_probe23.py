"""probe23 (session 23): false 错误 and lost readings found by tests/realworld/probe_variants.py's session-23 kinds
(columns swapped, a header repeated at a page break, percents written as fractions, units moved to a title line,
full-width and zero-width spaces, CR LF breaks), each reduced to the real table it was found on. Every test here
failed before its fix unless it says "stays"."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

import probe_variants as V
from render import CORPUS, load_table, validated, variant

from perfxl.numbers import printed_places, to_decimal, to_points

PUHUI = "sichuan-puhuijinrong-ziping"
JILIN = "jilin-fankong-pingjiabiao-2016"


def _errors(table, tmp_path):
    return sorted(
        (f.code, getattr(f.ref, "row", None))
        for f in validated(table, tmp_path).findings
        if f.severity.value == "error"
    )


# ---------------------------------------------------------------- a rate past 100% written as a fraction


def test_a_fraction_past_one_typed_as_text_is_not_a_certain_shortfall(tmp_path):
    """四川 普惠金融 row 7: 创业担保贷款发放额增长率 "≥10%", actual "115.25%" written "1.1525" (pct_decimal_actual).
    Read as 1.1525% it missed the target: a certain S07 错误 "不应给满分". As a fraction it is 115.25%, full marks
    right. Which one the filer meant is a guess, so at most a 警告 — as a number cell 1.1525 already was."""
    table = variant(PUHUI, {"F7": "1.1525"})
    assert ("S07", 7) not in _errors(table, tmp_path)
    found = [f for f in validated(table, tmp_path).findings if f.code == "S07" and getattr(f.ref, "row", None) == 7]
    assert all(f.severity.value != "error" for f in found)


def test_a_shortfall_in_percent_stays_an_error(tmp_path):
    """Stays: "1.1525%" printed with its sign is 1.1525% — a certain miss of "≥10%" with full marks."""
    assert ("S07", 7) in _errors(variant(PUHUI, {"F7": "1.1525%"}), tmp_path)


def test_a_fraction_far_past_the_ceiling_stays_read_as_a_percent(tmp_path):
    """Stays: "3.5" against "≥10%" is no fraction a rate is written as (350%?): read as 3.5%, a certain miss."""
    assert ("S07", 7) in _errors(variant(PUHUI, {"F7": "3.5"}), tmp_path)


# ---------------------------------------------------------------- zero-width characters copied from a web page


@pytest.mark.parametrize("text", ["50\u200b", "\ufeff50", "5\u200d0", "50\u2060"])
def test_zero_width_characters_do_not_hide_a_figure(text):
    """`values.normalise_text` drops U+200B/U+FEFF; `numbers.to_decimal` (the layout's reading of weights) did not,
    so the rules read a 权重 "50\\u200b" as 50 and the layout read no weight at all."""
    assert to_decimal(text) == 50
    assert to_points(text + "分") == 50
    assert printed_places(text) == 0


def test_a_zero_width_space_after_each_figure_adds_no_error(tmp_path):
    """吉林 反恐 评价表: every figure followed by U+200B (zero_width). The 权重 column (50/25/25 over three 一级指标
    whose 分值 each add to 100) was unread by the layout, so the 分值 were summed to 300: a certain W03
    "分值合计应为 100，实际为 300" on row 46, and on 16 other 吉林 评价表 alike."""
    table = load_table(CORPUS / f"{JILIN}.toml")
    base = _errors(table, tmp_path / "base")
    new, _ = V.VARIANTS["zero_width"](table)
    assert _errors(new, tmp_path / "variant") == base


# ---------------------------------------------------------------- 权重 in percent of the 100 points, the funds line too

TIANCHANG = "anhui-tianchang-shuihan-2022"


def test_a_funds_weight_in_percent_beside_indicator_weights_in_percent_is_read_in_points(tmp_path):
    """安徽 天长 水旱 (weights_percent): the 分值 column headed 权重 and printed "10%" on the funds line and every
    indicator row (总分 100). The indicators' "10%" were read as 10 points, the funds line's "10%" as no weight at all,
    so W03 said "表中没有预算执行率分值" and summed 90 against 100 — a certain 错误 on row 40 (and on 上海 普陀 体育,
    山西 吉山 alike). The same column is read the same way: 10 + 90 = 100."""
    table = load_table(CORPUS / f"{TIANCHANG}.toml")
    new, _ = V.VARIANTS["weights_percent"](table)
    assert new.rows[5][6] == "10%" and new.rows[12][6] == "10%"  # the funds line and an indicator row, as planted
    assert _errors(new, tmp_path / "variant") == _errors(table, tmp_path / "base")


def test_a_funds_weight_in_percent_short_of_the_mark_stays_an_error(tmp_path):
    """Stays: read in points, a funds "5%" beside the indicators' 90% makes 95, short of the 100 the 总分 row prints."""
    table = load_table(CORPUS / f"{TIANCHANG}.toml")
    new, _ = V.VARIANTS["weights_percent"](table)
    new.rows[5][6] = "5%"
    assert ("W03", 40) in _errors(new, tmp_path)


@pytest.mark.parametrize("weight", ["10%", "十分"])
def test_an_unread_funds_weight_is_no_certain_shortfall(tmp_path, weight):
    """天长 水旱 with its funds line's 分值 printed "10%" (beside indicator weights in points) or "十分": the weight is
    there but unread, and W03 said "表中没有预算执行率分值" and summed 90 against 100 — a certain 错误 resting on a cell
    it could not read. Like an unread row weight, it is left out of the sum at 警告, and the finding says so."""
    found = validated(variant(TIANCHANG, {"G6": weight}), tmp_path).findings
    w03 = [f for f in found if f.code == "W03"]
    assert w03 and all(f.severity.value == "warning" for f in w03)
    assert any(f"“{weight}”未能读取" in f.message for f in w03)


def test_a_blank_funds_weight_stays_an_error(tmp_path):
    """Stays: a funds 分值 left blank is no weight to read — 90 against 100 remains certain."""
    assert ("W03", 40) in _errors(variant(TIANCHANG, {"G6": ""}), tmp_path)
