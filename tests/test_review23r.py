"""Review of prose23's payment readings (issue 12, session 23, review23r): what they got wrong in report prose.

prose23 read (1) what is left after an amount paid so far as no part of a 其中 list (`facts._left_after_paid`) and (2) a
bare payment right after a 其中 part as that part's as much as the whole's (`funds_arith._with_named_parts`, now also
for the remainder). Each test named "failed before" was run against main 8e820623 (prose23 merged) and failed as its
docstring says; the others guard what prose23 made right.
"""

from __future__ import annotations

import tempfile
import tomllib
from pathlib import Path

import pytest
from test_document_realreport import REPORTS, findings_at_paragraph

from perfxl.document.facts import extract_facts

#: 六安市文旅局 2021's real 公共文化服务体系 report: a 项目支出绩效自评表 (全年预算数 200, 全年执行数 179.43) and its
#: 综述 paragraph (p2, "全年预算数为200万元,执行数为179.43万元,完成预算的89.7%").
LUAN = tomllib.loads((REPORTS / "anhui-luan-gonggongwenhua-2021.toml").read_text(encoding="utf-8"))


def _findings(money: str, fixture: dict | None = None, at: int = 3) -> list[tuple[str, str, str]]:
    if fixture is None:
        fixture = {"paragraphs": ["XX乡人民政府2023年度项目支出绩效自评报告", "一、基本情况", money]}
    else:
        fixture = {**fixture, "paragraphs": [*fixture["paragraphs"][: at - 1], money, *fixture["paragraphs"][at:]]}
    with tempfile.TemporaryDirectory() as d:
        return findings_at_paragraph(Path(d), fixture, at)


# --- (1) money carried in is a source of the whole, not what is left of a payment --------------------------------------


@pytest.mark.parametrize(
    "brought",
    [
        "上年结余资金30万元",  # failed before: quiet (the 30 read as left of the 55 paid, no part)
        "年初结转结余资金30万元",  # failed before: quiet
        "以前年度结余30万元",  # failed before: quiet
    ],
)
def test_money_carried_in_after_a_payment_is_a_source(brought):
    """共计90 of 省级资金62 and last year's 30 (92): an N02 错误 — the money carried in is a source beside the 省级资金,
    read as what was left of the 55 paid it was no part and the list's sum was quiet."""
    text = f"2023年度农机购置补贴资金共计90万元,其中省级资金62万元,已兑付55万元,{brought}。"
    assert [f.parent for f in extract_facts(text).facts] == [None, 0, None, 0]
    assert [(c, s) for c, s, _ in _findings(text)] == [("N02", "error")]


def test_an_earlier_year_carried_in_is_a_source():
    """Failed before: quiet. 2022's 结转 in 2023's money is money carried in (100 + 60 over 150)."""
    text = "2023年度项目资金150万元,其中2023年中央资金100万元,已支付80万元,2022年结转资金60万元。"
    assert [(c, s) for c, s, _ in _findings(text)] == [("N02", "error")]


@pytest.mark.parametrize("left", ["2023年结余10万元", "结转下年10万元", "剩余资金10万元"])
def test_what_is_left_this_year_stays_no_part(left):
    """The year's own 结余 (the total's year) and money carried on are still the other side of the payment: quiet."""
    text = f"2023年度项目资金100万元,其中中央资金60万元,已支付50万元,{left};省级资金40万元。"
    assert [f.parent for f in extract_facts(text).facts] == [None, 0, None, None, 0]
    assert _findings(text) == []


# --- (2) a part read by place beside the whole ---------------------------------------------------------------------


def test_a_payment_larger_than_the_part_before_it_is_the_wholes():
    """Failed before: the 警告 named the part, "结余（预算 40万元 − 支出 90万元），按其自身数字应为 -50万元" — 90 paid is no
    payment out of a 40 part; the whole's reading (100 − 90 = 10) is the one to name."""
    found = _findings("项目资金100万元,其中中央资金60万元,省级资金40万元,已支出90万元,结余20万元。")
    assert [(c, s) for c, s, _ in found] == [("N02", "warning")]
    assert "预算 100万元 − 支出 90万元" in found[0][2] and "应为 10万元" in found[0][2]


def test_the_wholes_reading_is_named_when_the_part_fits_neither():
    """Failed before: "结余（预算 60万元 − 支出 50万元）…应为 10万元" — the place reading is the other one, the whole's the
    message names (its basis names the part too)."""
    found = _findings("下达项目资金100万元,其中中央资金60万元,已拨付50万元,未拨付20万元;省级资金40万元。")
    assert [(c, s) for c, s, _ in found] == [("N02", "warning")]
    assert "预算 100万元 − 支出 50万元" in found[0][2]


def test_the_cells_remainder_stays_certain_beside_a_part():
    """Failed before: an N02 警告 naming "预算 180万元 − 支出 179.43万元" — the 中央资金 part beside the whole made the
    自评表's cells (200 − 179.43 = 20.57) no longer the base, where neither reading gives the text's 30: an 错误."""
    text = "全年预算数为200万元,其中省级资金20万元,中央资金180万元,已支出179.43万元,结余30万元。"
    found = _findings(text, LUAN, 2)
    assert [(c, s) for c, s, _ in found] == [("N02", "error")]
    assert "预算 200万元 − 支出 179.43万元" in found[0][2]


def test_the_part_that_gives_the_remainder_is_quiet_beside_the_cells():
    """180 − 179.43 = 0.57 (the 中央资金's own progress): quiet, as prose23 reads it, though the cells give 20.57."""
    assert (
        _findings("全年预算数为200万元,其中省级资金20万元,中央资金180万元,已支出179.43万元,结余0.57万元。", LUAN, 2)
        == []
    )


def test_the_cells_remainder_alone_is_still_an_error():
    found = _findings("全年预算数为200万元,已支出179.43万元,结余30万元。", LUAN, 2)
    assert [(c, s) for c, s, _ in found] == [("N02", "error")]


# --- (3) a part's rate is not the 自评表's -----------------------------------------------------------------------------


@pytest.mark.parametrize("spent", ["中央资金已支出170万元", "已支出170万元"])
def test_a_rate_over_the_part_spent_from_is_no_tables_rate(spent):
    """Failed before (and at 8b380d9): an N01 错误 "“执行率”为 94.44%，而自评表资金表“全年执行数 / 全年预算数”为 89.715%" —
    170 / 180 = 94.44% is the 中央资金's rate (the part its words name, or right before a bare payment, as prose23 reads
    the N02 arithmetic), not the project's."""
    assert _findings(f"全年预算数为200万元,其中中央资金180万元,{spent},执行率94.44%。", LUAN, 2) == []


def test_a_rate_no_reading_gives_is_still_the_tables():
    """80% is neither 170 / 180 nor 170 / 200: the 执行率 is held to the 自评表's (N01 错误, as before)."""
    found = _findings("全年预算数为200万元,其中中央资金180万元,中央资金已支出170万元,执行率80%。", LUAN, 2)
    assert ("N01", "error") in [(c, s) for c, s, _ in found]
