"""One certain defect injected into a real table's correct row is found at that row (issue 11, mutation recall).

Each case is a gap tests/realworld/probe_defects.py showed: a published table from tests/realworld/, one cell
changed so that the row is certainly wrong, and the finding perfxl must then give at that row — while the table
as published keeps no 错误 there. The defects are the probe's: a 预算执行率 得分 above its 分值, a printed 执行率
the row's own amounts contradict, a source that no longer adds up to 年度资金总额, an 执行数 above its 预算数.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

from render import CORPUS, load_table, render, validated

from perfxl.model import Finding, Severity, parse_a1
from perfxl.validate import validate_file


def _at(findings, row: int) -> list[Finding]:
    """The findings naming `row` (their place, or a place they compare it with: a sum's total and its part)."""
    return [f for f in findings if row in {getattr(loc, "row", None) for loc in (f.ref, *f.related) if loc is not None}]


def _rows(f: Finding) -> set[int]:
    return {getattr(loc, "row", None) for loc in (f.ref, *f.related) if loc is not None} - {None}  # type: ignore[return-value]


def _mutant(name: str, changes: dict[str, str], out: Path) -> list[Finding]:
    table = copy.deepcopy(load_table(CORPUS / f"{name}.toml"))
    for address, text in changes.items():
        r, c = parse_a1(address)
        table.rows[r - 1][c - 1] = text
    return list(validate_file(render(table, out)).findings)


# (table, injected cells, row, codes that fit, severity the cells make certain)
CASES = [
    # 新疆 阜康 2023: the funds block heads its weight column "分值权重" — read as the 分值, so a 得分 12 above it is
    # found (before: "资金表中没有“分值”列", F05/F06 skipped and nothing at the row)
    pytest.param(
        "xinjiang-fukang-tongji-2023", {"H6": "12"}, 6, {"F05", "S06"}, Severity.ERROR, id="fenzhi-quanzhong-header"
    ),
    # 湖北 襄阳 2021: the rate column's header was stored as "执行率(B/A1" (its ")" lost): still the 执行率 column, so
    # 80% against 1000/1000 is an F04 (before: "资金表中没有“执行率”列", F04 skipped)
    pytest.param(
        "hubei-xiangyang-zhongxinyiyuan-2021", {"E9": "80%"}, 9, {"F04"}, Severity.ERROR, id="unclosed-bracket-header"
    ),
    # 宁夏 原州 2022: the 年度资金总额 row prints no amounts, the 自治区补助 row 300万元 │ 259.45万元 │ 86.5%; its
    # rate changed to 66.5% is wrong by its own cells (before: F04 stopped at the blank total, the source rows unchecked)
    pytest.param(
        "ningxia-yuanzhou-malingshu-2022", {"E10": "66.5%"}, 10, {"F04"}, Severity.ERROR, id="source-rate-blank-total"
    ),
    # 安徽 亳州 2023 申报表: the amounts are printed "449.8万" / "189.8万" (万 alone for 万元) — the 中期 │ 年度 pairs are
    # the funds block, so the 年度 财政拨款 raised to 208.8万 puts an F02 on 年度资金总额 189.8万 (before: the block was
    # not read — rows 6–8 a note and unread lines)
    # 湖北 随州 2022 (the 广水 form): 项目权重 │ 评价内容 │ 分值 │ 自评分 │ 复核分 │ 评价标准及依据 — the 项目决策/项目管理 part
    # is read (评价内容 names the items, 项目权重 holds their groups) and S06 runs on it although the 项目绩效 part below
    # has no 分值 column (a check is skipped per table, not per sheet); a 自评分 3 of 分值 2 is a 警告, as on every
    # scoring table whose rules might award bonus points (before: rows 8–14 unread)
    pytest.param("hubei-suizhou-jijiuzhongxin-2022", {"D9": "3"}, 9, {"S06"}, Severity.WARNING, id="hubei-scored-part"),
    pytest.param(
        "anhui-bozhou-rengongzengyu-mubiao-2023", {"G7": "208.8万"}, 6, {"F02"}, Severity.ERROR, id="wan-amounts"
    ),
    # 河北 成安 2020 and 四川 安居 2021 (中央转移支付): the money as label │ value pairs on one row — 预算数 │ 6.84 │ 到位数 │
    # 6.84 │ 执行数 │ 6.84, 预算数: │ 2.38 │ 执行数: │ 2.38 — read as pairs, so 执行数 raised above 预算数 is an F03 (before:
    # the row taken for a funds header, "资金表中没有“年度资金总额”行" and nothing at the row)
    pytest.param(
        "hebei-chengan-gaolingjintie-2020", {"G4": "8.21"}, 4, {"F03"}, Severity.ERROR, id="inline-pairs-arrived"
    ),
    pytest.param("sichuan-anju-shipinjianguan-2021", {"E5": "2.86"}, 5, {"F03"}, Severity.ERROR, id="inline-pairs"),
    # 四川 遂宁 经开区 2021 (中央对地方专项转移支付 区域 自评表): the same pairs on two rows — 转移支付预算数(A) │ 5.8万 │
    # 预算执行率(B/A) │ 100% over 转移支付执行数(B) │ 5.8万 — so 执行数 raised above 预算数 is an F03 at its row and a
    # wrong 执行率 an F04 at its own (before: row 4 a note, row 5 unread, nothing at either)
    pytest.param(
        "sichuan-suining-jingkai-liangpin-2021", {"C5": "6.96万"}, 5, {"F03"}, Severity.ERROR, id="split-pairs"
    ),
    pytest.param(
        "sichuan-suining-jingkai-liangpin-2021", {"E4": "80%"}, 4, {"F04"}, Severity.ERROR, id="split-pairs-rate"
    ),
]


@pytest.mark.parametrize(("name", "changes", "row", "codes", "severity"), CASES)
def test_injected_defect_found_at_its_row(tmp_path, name, changes, row, codes, severity):
    table = load_table(CORPUS / f"{name}.toml")
    published = validated(table, tmp_path / "published")
    wrong = {e.row for e in table.expect}  # the rows the hand check found wrong as published
    assert not [f for f in published.findings if f.severity is Severity.ERROR and not wrong & _rows(f)]
    found = [f for f in _at(_mutant(name, changes, tmp_path / "mutant"), row) if f.code in codes]
    assert found, f"no {sorted(codes)} at row {row}"
    assert max(f.severity.rank for f in found) == severity.rank


HUBEI_PARTS = [
    "hubei-guangshui-jiwei-juyuwang-2019",
    "hubei-guangshui-xiangcundaolu-2021",
    "hubei-suizhou-jijiuzhongxin-2022",
]
WHOLE_TABLE = {"W01", "W02", "W03", "W05", "I02", "T02", "T04", "T05", "T07"}


@pytest.mark.parametrize("name", HUBEI_PARTS)
def test_hubei_scored_part_read_but_not_judged_as_a_whole_table(tmp_path, name):
    """The 项目决策/项目管理 part (15 分: its groups declare 2 + 13, its rows add up to that, no 总分 row) is read row by
    row but is no whole table: 分值合计 15 is not held to 100, nor its five full marks taken for the form's (W03/T07
    were 警告 on it once read)."""
    table = load_table(CORPUS / f"{name}.toml")
    result = validated(table, tmp_path)
    first = next(r for r in range(1, 20) if table.rows[r - 1][1].replace(" ", "") == "评价内容") + 1
    runs = [run for t in result.coverage.tables for run in t.rows if run.kind == "indicator"]
    assert any(run.first == first and run.last >= first + 4 for run in runs)
    assert not [f for f in result.findings if f.code in WHOLE_TABLE and _rows(f) & set(range(first - 1, first + 6))]


def test_inline_pairs_finding_names_the_columns_the_form_prints(tmp_path):
    """河北 成安 2020 prints 预算数 │ 6.84 │ 到位数 │ 6.84 │ 执行数 │ 6.84: the F03 names 执行数 and 预算数, not 岳阳's
    计划安排资金/实际支出 (the same pairs reader, other words)."""
    found = [
        f for f in _at(_mutant("hebei-chengan-gaolingjintie-2020", {"G4": "8.21"}, tmp_path), 4) if f.code == "F03"
    ]
    assert found and all("执行数" in f.message and "预算数" in f.message for f in found), [f.message for f in found]
    assert not any("计划安排资金" in f.message or "实际支出" in f.message for f in found)
