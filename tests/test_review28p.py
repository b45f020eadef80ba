"""Session 28 (review28p): prose28's new narrative readings on benign rewrites of real sentences.

Each variant is a real sentence of tests/realworld/reports (or a minimal rewrite of one) that a benign writer could print:
it must stay quiet (no 错误; a 警告 only with its guess stated), and the true contradiction beside it must still be found.
Tests named "failed before" were run against main (19406f99) and failed as their docstring says.

1. A template's 其中 list going on past a part equal to its total (`facts._residual_part`, 江津 2024 p11): only classes of
   the total's own kind ("财政拨款收入合计": 一般公共预算/政府性基金预算财政拨款收入, not 事业收入), none carried over
   ("年初结转和结余收入") or set apart ("另有…"), go on as parts.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from test_document_realreport import codes_at_paragraph

ERROR = [("N02", "error")]
WARNING = [("N02", "warning")]


def _one(text: str) -> list[tuple[str, str]]:
    """(code, severity) of every warning and error of a one-paragraph report."""
    with tempfile.TemporaryDirectory() as d:
        return codes_at_paragraph(Path(d), {"paragraphs": [text]}, 1)


# --- 1. a template's list past its total (江津 2024 p11) ---------------------------------------------------------------

#: 江津 西湖镇 2024 p11 as published.
JIANGJIN = (
    "本年收入合计3874.92万元,其中:一般公共预算财政拨款收入3874.92万元,政府性基金预算财政拨款收入0万元,"
    "事业收入0万元,其他收入0万元。"
)


def test_a_carried_over_class_after_the_template_is_no_part():
    """Failed before (N02 错误 "3874.92 + 0 + 120 + 0 超过了总数"): 年初结转和结余收入 is no class of 本年收入 — the
    template's 其他收入 0 after it does not make it one."""
    text = JIANGJIN.replace(
        "政府性基金预算财政拨款收入0万元,事业收入0万元", "政府性基金预算财政拨款收入0万元;年初结转和结余收入120万元"
    )
    assert _one(text) == []


def test_a_class_of_another_kind_than_the_fund_total_is_no_part():
    """Failed before (N02 错误 "3874.92 + 0 + 5 + 0 超过了总数"): under "财政拨款收入合计" a 事业收入 is no class of the
    total (it is the unit's own income, beside the 财政拨款), after a semicolon or set apart by 另有."""
    head = "财政拨款收入合计3874.92万元,其中:一般公共预算财政拨款收入3874.92万元,政府性基金预算财政拨款收入0万元"
    assert _one(f"{head};事业收入5万元,其他收入0万元。") == []
    assert _one(f"{head},另有事业收入5万元,其他收入0万元。") == []
    # a class of the fund's own kind, planted, is still the template's part over its total
    assert _one(f"{head[:-3]}5万元,国有资本经营预算财政拨款收入0万元。") == ERROR


def test_jiangjin_template_still_holds_a_planted_class():
    """The reading prose28 added stays: 江津 p11 as published is quiet, 5万元 planted in a class of the run an 错误."""
    assert _one(JIANGJIN) == []
    assert _one(JIANGJIN.replace("事业收入0万元", "事业收入5万元")) == ERROR
    assert _one("单位2024年度" + JIANGJIN.replace("事业收入0万元", "事业收入5万元")) == ERROR
