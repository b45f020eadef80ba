"""sum20 (issue 12): the narrative's 财政拨款收入 (支出) held to the 收支总表's three 财政拨款 lines summed, and a change naming
no stage beside a 三公 table of both years' 预算 and 决算 held to both differences (docs/documents.md "sum20").

The paragraphs and tables are real, transcribed in tests/realworld/reports (each fixture's `source` is the published PDF):
* 上海市普陀区人民政府宜川路街道办事处 2025 年度部门决算 (shanghai-putuo-yichuan-juesuan-2025.toml) p20: "本年收入合计 20323.21
  万元，其中：财政拨款收入 20323.21万元，占 100%" — the 收支总表 prints 一般公共预算财政拨款收入 20218.21, 政府性基金预算
  财政拨款收入 105.00 and 国有资本经营预算财政拨款收入 blank: 20218.21 + 105.00 + 0 = 20323.21 (agrees; the narrative's
  财政拨款收入 is not the 一般公共预算 line);
* 上海市普陀区文化和旅游局 2025 (shanghai-putuo-wenlv-juesuan-2025.toml) p16: 24,535.67 + 2,002.80 + blank = 26538.47;
* 中共上海市普陀区委社会工作部 2024 (…-shehuigongzuobu-juesuan-2024) p16, 石泉路街道 2025 (…-shiquan-juesuan-2025) p16,
  规划和自然资源局 2024 (…-guihuaziyuan-juesuan-2024) p21: the 政府性基金 and 国资 lines blank, the sum the 一般公共预算
  line (307.82, 19,044.27, 9746.50) — where the two names meet.
Each agrees and is quiet; one figure changed, the paragraph gets exactly one finding, an N01 错误 naming the three lines
and their sum. A line the table lacks leaves the sum unknown (no verdict), "一般公共预算财政拨款收入" is one line, never
the three, and a "财政拨款收入" under a 政府性基金 heading is that fund's.

A change naming no stage ("2024年“三公”经费比上年增加4万元") under a 三公 table printing last year's 预算 (the real table of
昌宁县卡斯镇 2024, tests/realworld/yunnan-changning-kasi-sangong-2024.toml — https://yncn.gov.cn/info/3720/9210120.htm:
2023年预算数 18.15 │ 2024年预算数 22.15, 公务接待费 3 │ 7; the narrative sentences are written for the test, no 说明 is
published with it): 预算 − 上年预算 is one reading (22.15 − 18.15 = 4, 4 / 18.15 = 22.04%) — quiet when a reading gives
the change, an N01 警告 naming the readings tried when none does, never 错误 (the base is a reading).
"""

from __future__ import annotations

import copy
from collections import defaultdict
from pathlib import Path

import pytest
from report_helpers import report_fixture
from test_document_realreport import report_findings, with_paragraph

from perfxl.model import TextRef

YICHUAN = report_fixture("shanghai-putuo-yichuan-juesuan-2025")
#: (fixture, paragraph (1-based), the 财政拨款收入 clause as printed, the three lines' sum)
REAL = {
    "yichuan": (YICHUAN, 20, "财政拨款收入 20323.21万元", "20323.21"),
    "wenlv": (report_fixture("shanghai-putuo-wenlv-juesuan-2025"), 16, "财政拨款收入 26538.47万元", "26538.47"),
    "shehui": (report_fixture("shanghai-putuo-shehuigongzuobu-juesuan-2024"), 16, "财政拨款收入 307.82 万元", "307.82"),
    "shiquan": (report_fixture("shanghai-putuo-shiquan-juesuan-2025"), 16, "财政拨款收入19,044.27 万元", "19044.27"),
    "guihua": (report_fixture("shanghai-putuo-guihuaziyuan-juesuan-2024"), 21, "财政拨款收入 9746.50万元", "9746.5"),
}
#: a changed figure each, still within the paragraph's own 占 100% at its printed precision (a share rounding to it)
CHANGED = {
    "yichuan": "财政拨款收入 20300.00万元",
    "wenlv": "财政拨款收入 26500.00万元",
    "shehui": "财政拨款收入 306.82 万元",
    "shiquan": "财政拨款收入19,040.27 万元",
    "guihua": "财政拨款收入 9740.50万元",
}


def _findings(path: Path, fixture: dict) -> dict[int, list]:
    """validate_file's narrative findings of `fixture` built as a .docx at `path`'s folder (`report_findings`: a
    report of the same tables read once, a variant's changed paragraphs read in memory)."""
    out: dict[int, list] = defaultdict(list)
    for f in report_findings(path.parent, fixture):
        if isinstance(f.ref, TextRef) and f.code != "N04":
            out[f.ref.paragraph].append(f)
    return out


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[dict[int, list], dict[int, list]]]:
    """Each real report's findings as published, and with its 财政拨款收入 changed."""
    tmp = tmp_path_factory.mktemp("sum20")
    out = {}
    for key, (fixture, paragraph, printed, _) in REAL.items():
        changed = with_paragraph(fixture, paragraph, printed, CHANGED[key])
        out[key] = (_findings(tmp / f"{key}.docx", fixture), _findings(tmp / f"{key}-changed.docx", changed))
    return out


@pytest.mark.parametrize("key", sorted(REAL))
def test_the_real_appropriation_agrees_with_its_three_lines(real, key):
    """As published: the narrative's 财政拨款收入 is the three lines' sum — nothing said at its paragraph."""
    _, paragraph, _, _ = REAL[key]
    assert real[key][0][paragraph] == []


@pytest.mark.parametrize("key", sorted(REAL))
def test_a_changed_appropriation_is_one_error_naming_the_three_lines(real, key):
    """One figure changed: exactly one finding at its paragraph, an N01 错误 against the sum, its basis the three lines
    (a blank one read as 0) and their sum."""
    _, paragraph, _, total = REAL[key]
    [found] = real[key][1][paragraph]
    assert (found.code, found.severity.value) == ("N01", "error")
    assert "三行之和" in found.message and total in found.message
    for line in ("一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入"):
        assert line in found.basis
    assert "0（空白）" in found.basis and " + " in found.basis


@pytest.fixture(scope="module")
def traps(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[int, list]]:
    tmp = tmp_path_factory.mktemp("sum20traps")
    lacking = copy.deepcopy(YICHUAN)
    rows = lacking["tables"][0]["rows"]
    rows[4] = ["", "", rows[4][2], rows[4][3]]  # 三、国有资本经营预算财政拨款收入 not printed: the sum is unknown
    cases = {
        # within the two printed lines' rounding (20218.21 + 105.00, each to 0.01): quiet
        "rounding": with_paragraph(YICHUAN, 20, "财政拨款收入 20323.21万元", "财政拨款收入 20323.22万元"),
        "lacking": with_paragraph(lacking, 20, "财政拨款收入 20323.21万元", "财政拨款收入 20300.00万元"),
        # one kind of 财政拨款 named: its own line (20218.21), never the three
        "one kind": with_paragraph(
            YICHUAN, 20, "财政拨款收入 20323.21万元，占 100%", "一般公共预算财政拨款收入 20218.21万元，占 99.48%"
        ),
        # under "八、政府性基金预算财政拨款收入支出决算情况说明": that fund's 105.00, not the 20323.21 of the three
        "fund heading": with_paragraph(
            YICHUAN, 81, "政府性基金预算财政拨款收入 105.00 万元", "财政拨款收入 105.00 万元"
        ),
    }
    return {key: _findings(tmp / f"{i}.docx", fixture) for i, (key, fixture) in enumerate(cases.items())}


@pytest.mark.parametrize(
    ("key", "paragraph"), [("rounding", 20), ("lacking", 20), ("one kind", 20), ("fund heading", 81)]
)
def test_no_certain_sum_no_verdict(traps, key, paragraph):
    """Quiet: a figure within the printed lines' rounding; a table lacking one of the three lines (a line not printed
    is not assumed 0); "一般公共预算财政拨款收入" (one line); "财政拨款收入" under a 政府性基金 heading."""
    assert [f for f in traps[key][paragraph] if "三行之和" in f.message] == []
    assert [(f.code, f.severity.value) for f in traps[key][paragraph] if f.severity.value == "error"] == []


def _appropriation_table(text: str) -> dict:
    """A 财政拨款收入支出决算总表 printing the three 财政拨款 lines on both sides (the 2017–2018 form): 收入 500.00 + 20.00 +
    blank = 520.00, 支出 480.00 + 20.00 + blank = 500.00."""
    return {
        "paragraphs": ["某单位2024年度部门决算", "财政拨款收入支出决算总表", "单位：万元", text],
        "tables": [
            {
                "name": "财政拨款收入支出决算总表",
                "after": 3,
                "rows": [
                    ["收入", "", "支出", ""],
                    ["项目", "决算数", "项目", "决算数"],
                    ["一、一般公共预算财政拨款收入", "500.00", "一、一般公共预算财政拨款支出", "480.00"],
                    ["二、政府性基金预算财政拨款收入", "20.00", "二、政府性基金预算财政拨款支出", "20.00"],
                    ["三、国有资本经营预算财政拨款收入", "", "三、国有资本经营预算财政拨款支出", ""],
                    ["本年收入合计", "520.00", "本年支出合计", "500.00"],
                    ["年初财政拨款结转和结余", "0.00", "年末财政拨款结转和结余", "20.00"],
                    ["总计", "520.00", "总计", "520.00"],
                ],
            }
        ],
    }


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("2024年度财政拨款收入520.00万元，财政拨款支出500.00万元。", []),
        ("2024年度财政拨款收入520.00万元，财政拨款支出490.00万元。", ["财政拨款支出"]),
        ("2024年度财政拨款收入510.00万元，财政拨款支出500.00万元。", ["财政拨款收入"]),
    ],
)
def test_the_expense_side_too(tmp_path, text, wrong):
    """Where a table prints the three 支出 lines, 财政拨款支出 is their sum as 财政拨款收入 is the 收入 lines'."""
    found = _findings(tmp_path / "r.docx", _appropriation_table(text))[4]
    assert [(f.code, f.severity.value) for f in found] == [("N01", "error")] * len(wrong)
    for f, name in zip(found, wrong, strict=True):
        assert f"“{name}”" in f.message and "三行之和" in f.message


# ---------------------------------------------------------------- a change naming no stage beside last year's 预算


def _kasi(said: str) -> dict:
    """昌宁县卡斯镇's 2024 三公 预算 table as published (title and 注 lines left out), a 说明 sentence under it."""
    return {
        "paragraphs": ["2024年昌宁县卡斯镇“三公”经费预算财政拨款情况统计表", "单位:万元", said],
        "tables": [
            {
                "name": "表1",
                "after": 2,
                "rows": [
                    ["项目", "2023年预算数", "2024年预算数", "比上年增、减情况", ""],
                    ["", "", "", "增、减金额", "增、减幅度"],
                    ["合计", "18.15", "22.15", "4", "22%"],
                    ["1.因公出国(境)费", "", "", "", ""],
                    ["2.公务接待费", "3", "7", "4", "133%"],
                    ["3.公务用车购置及运行费", "15.15", "15.15", "", ""],
                    ["其中:(1)公务用车购置费", "", "", "", ""],
                    ["(2)公务用车运行费", "15.15", "15.15", "0", "0"],
                ],
                "merges": ["A1:A2", "B1:B2", "C1:C2", "D1:E1"],
            }
        ],
    }


@pytest.mark.parametrize(
    ("said", "warned"),
    [
        ("2024年“三公”经费比上年增加4万元，增长22%。其中：公务接待费比上年增加4万元，增长133%。", ""),
        ("2024年“三公”经费比上年增加5万元，增长22%。其中：公务接待费比上年增加4万元，增长133%。", "22.15 − 18.15"),
        ("2024年“三公”经费比上年增加4万元，增长30%。", "(22.15 − 18.15) / 18.15"),
        # a change said of the budget its sentence prints: 预算 − 上年预算 alone, a 警告 too
        ("2024年“三公”经费预算22.15万元，比上年增加4万元，增长22%。", ""),
        ("2024年“三公”经费预算22.15万元，比上年增加5万元。", "22.15 − 18.15"),
    ],
)
def test_a_change_naming_no_stage_is_held_to_last_years_budget_as_a_warning(tmp_path, said, warned):
    """Before: quiet whatever the change (the table's 上年预算数 column was not read: no difference to hold it to). Now:
    quiet when 预算 − 上年预算 gives it; else one N01 警告 at the paragraph naming the reading tried and its cells."""
    found = _findings(tmp_path / "r.docx", _kasi(said))[3]
    if not warned:
        assert found == []
        return
    [f] = found
    assert (f.code, f.severity.value) == ("N01", "warning")
    assert "预算数与上年预算数" in f.message and warned in f.message


def _three_columns(said: str) -> dict:
    """A 预算 publication's 三公 table printing last year's 预算 and 决算 beside this year's 预算 (the shape of 2023年预算数 │
    2023年决算数 │ 2024年预算数): a change naming no stage may be on either of last year's columns."""
    return {
        "paragraphs": ["2024年“三公”经费预算情况说明", "单位：万元", said],
        "tables": [
            {
                "name": "表1",
                "after": 2,
                "merges": [],
                "rows": [
                    ["项目", "2023年预算数", "2023年决算数", "2024年预算数"],
                    ["合计", "40.00", "36.00", "45.20"],
                    ["因公出国（境）费", "0.00", "0.00", "0.00"],
                    ["公务接待费", "10.00", "8.00", "12.00"],
                    ["公务用车购置及运行维护费", "30.00", "28.00", "33.20"],
                ],
            }
        ],
    }


@pytest.mark.parametrize(
    ("said", "warned"),
    [
        ("“三公”经费比上年增加5.2万元。", False),  # 45.20 − 40.00 (on last year's 预算)
        ("“三公”经费比上年增加9.2万元。", False),  # 45.20 − 36.00 (on last year's 决算)
        ("2024年“三公”经费预算45.2万元，比上年增加9.2万元，增长25.56%。", False),  # 9.2 / 36
        ("“三公”经费比上年增加7万元。", True),
        ("2024年“三公”经费预算45.2万元，比上年增加7万元。", True),
    ],
)
def test_each_of_last_years_columns_is_a_reading(tmp_path, said, warned):
    """Quiet when either of last year's columns gives the change; the 警告 names both readings (5.2 and 9.2)."""
    found = _findings(tmp_path / "r.docx", _three_columns(said))[3]
    if not warned:
        assert found == []
        return
    [f] = found
    assert (f.code, f.severity.value) == ("N01", "warning")
    assert "45.2 − 40" in f.message and "45.2 − 36" in f.message
