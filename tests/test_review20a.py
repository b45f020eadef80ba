"""review20a (issue 12): false paths of sum20's readings — the narrative's 财政拨款收入 held to the sum of a 收支总表's
three 财政拨款 lines (`table_lines.appropriation_sum`), and a change naming no stage held to a 三公 table's 上年预算数.

Each test failed before its fix as its docstring says. The tables are realistic variants of the published forms
(tests/test_sum20.py holds the real ones: 宜川路 2025, 文旅局 2025 …).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from test_document_realreport import build_docx

from perfxl.model import TextRef
from perfxl.validate import validate_file


def _findings(path: Path, fixture: dict) -> dict[int, list]:
    build_docx(fixture, path)
    out: dict[int, list] = defaultdict(list)
    for f in validate_file(path).findings:
        if isinstance(f.ref, TextRef) and f.code != "N04":
            out[f.ref.paragraph].append(f)
    return out


def _carried_kinds(text: str) -> dict:
    """A 财政拨款收支预算总表 whose 本年收入 lines name the money without "拨款" (一般公共预算资金, 政府性基金, 国有资本经营
    预算: 500 + 20 + blank = 520) and whose 上年结转 lines below do ("一般公共预算拨款" 20, the others blank)."""
    return {
        "paragraphs": ["某部门2025年部门预算", "财政拨款收支预算总表", "单位：万元", text],
        "tables": [
            {
                "name": "财政拨款收支预算总表",
                "after": 3,
                "rows": [
                    ["收入", "", "支出", ""],
                    ["项目", "预算数", "项目", "预算数"],
                    ["一、本年收入", "520.00", "一、本年支出", "540.00"],
                    ["（一）一般公共预算资金", "500.00", "一般公共服务支出", "540.00"],
                    ["（二）政府性基金", "20.00", "", ""],
                    ["（三）国有资本经营预算", "", "", ""],
                    ["二、上年结转", "20.00", "二、年末结转和结余", ""],
                    ["（一）一般公共预算拨款", "20.00", "", ""],
                    ["（二）政府性基金预算拨款", "", "", ""],
                    ["（三）国有资本经营预算拨款", "", "", ""],
                    ["收入总计", "540.00", "支出总计", "540.00"],
                ],
            }
        ],
    }


@pytest.mark.parametrize(
    "text", ["其中：财政拨款收入520.00万元。", "2025年收入预算520.00万元，其中：财政拨款收入520.00万元。"]
)
def test_the_carried_over_kinds_are_not_this_years_appropriation(tmp_path, text):
    """Before: an N01 错误 "…“一般公共预算拨款”“政府性基金预算拨款”“国有资本经营预算拨款”三行之和为 20万元" — the three
    lines under 二、上年结转 (last year's money carried in) summed as this year's 财政拨款收入. A kind line below a
    结转/结余 line of its side is the carried money's: no sum of this year's (here none: the 本年 lines are named
    otherwise), nothing said."""
    found = _findings(tmp_path / "r.docx", _carried_kinds(text))[4]
    assert [f for f in found if "三行之和" in f.message] == []
    assert [f for f in found if f.severity.value == "error"] == []
