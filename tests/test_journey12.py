"""A new reviewer's walk through the product (journey 12): what they type first, and what the catalogue tells them."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from perfxl.cli.main import app
from perfxl.rules.catalogue import spec


def _rules(*args: str):
    res = CliRunner().invoke(app, ["rules", *args])
    assert "Traceback" not in res.output, res.output
    return res


def test_perfxl_rules_takes_codes_as_arguments():
    """`perfxl rules F15` is what a reviewer types after reading a finding: it lists F15 (as `--select F15` does),
    rather than click's English "Got unexpected extra argument(s)"."""
    res = _rules("F15", "--format", "json")
    assert res.exit_code == 0, res.output
    assert [r["code"] for r in json.loads(res.stdout)] == ["F15"]
    both = _rules("N0", "--select", "F14", "--format", "json")
    codes = {r["code"] for r in json.loads(both.stdout)}
    assert {"F14", "N01", "N05"} <= codes and all(c == "F14" or c.startswith("N0") for c in codes)
    unknown = _rules("ZZZ9")
    assert unknown.exit_code == 2 and "ZZZ9" in unknown.output and "没有选中任何代码" in unknown.output


def test_catalogue_says_when_narrative_and_list_findings_are_warnings():
    """N01/N02 findings paired by place or name, and T04 on a results list, are 警告 at most: the catalogue's
    "how it is decided" says so, not only "certain, may be an 错误" (the session 12 readings made most of them so)."""
    assert "需人工判断" in spec("N02").degrades_zh and "其中" in spec("N02").degrades_zh
    assert "支付率" in spec("N02").degrades_zh and "paid" in spec("N02").degrades_en
    assert "推测" in spec("N01").degrades_zh and "guess" in spec("N01").degrades_en
    assert "结果表" in spec("T04").degrades_zh and "results list" in spec("T04").degrades_en


def test_a_results_list_does_not_say_its_printed_columns_are_missing(tmp_path):
    """A 浙江 专项债 results list prints 主管部门 and 项目单位 on every line, yet F01's coverage said "表头未找到“主管部门”栏"
    (header field not found) — false to the reviewer who sees the column. A list of results has no form head: F01 has
    nothing to check there and says nothing (the sheet's note says what was read: each line's score and grade)."""
    from report_helpers import workbook_result

    e = ""
    rows = [
        ["序号", "主管部门", "项目单位", "项目名称", "发行金额(亿元)", "评价结果", "备注"],
        [
            "1",
            "永嘉县巽宅镇人民政府",
            "永嘉县巽宅镇新农村建设投资有限公司",
            "永嘉县巽宅镇山区共同富裕样板区建设项目",
            "0.05",
            "优",
            e,
        ],
    ]
    result = workbook_result(tmp_path, rows)
    assert all(s.read for s in result.coverage.sheets)
    assert not [n for n in result.coverage.skipped if n.code == "F01"], result.coverage.skipped
    assert not result.findings
