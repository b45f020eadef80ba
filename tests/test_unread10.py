"""Issue 11 ("every table read", session 10): a 预算执行情况表 — one line per unit or project, 预算额度 and 执行进度 each split
合计 │ sources, and 支付进度 — read line by line as monitoring money blocks (perfxl/layout/listing.py), built from the
real cells of tests/realworld/sichuan-youxian-shenji-jiankong-2023.toml (游仙区审计局 2023年度1-9月绩效运行监控分析表)."""

from __future__ import annotations

import sys
from pathlib import Path

from report_helpers import workbook_result as _workbook

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))
from render import CORPUS, load_table

E = ""
_HEAD = [
    ["游仙区审计局2023年度1-9月绩效运行监控分析表", E, E, E, E, E, E, E, E, E, E, E],
    ["单位名称(盖章):", "绵阳市游仙区审计局", E, E, E, E, "打印日期:", "2023年11月9日", E, E, E, E],
    ["2023年度1-9月预算执行情况表", E, E, E, E, E, E, E, E, E, E, E],
    ["单位:万元", E, E, E, E, E, E, E, E, E, E, E],
    ["项目名称(单位名称)", "预算额度", E, E, E, E, "截止9月30日预算执行进度", E, E, E, E, E],
    [
        E,
        "合计",
        "一般公共  预算",
        "政府性基金预算",
        "国有资本   经营预算",
        "其他资金    (专户收入)",
        "合计",
        "一般公共  预算",
        "政府性基金预算",
        "国有资本   经营预算",
        "其他资金    (专户收入)",
        "支付进度",
    ],
]
_MERGES = ("A1:L1", "B2:F2", "H2:L2", "A3:L3", "A4:L4", "A5:A6", "B5:F5", "G5:L5")
Z = "0.00"
#: The published lines (rows 7-19), as printed.
_LINES = [
    ["325001-绵阳市游仙区审计局", "539.47", "239.60", Z, Z, "299.87", "261.00", "99.71", Z, Z, "161.29", "48.38%"],
    [E, "37.87", Z, Z, Z, "37.87", "37.87", Z, Z, Z, "37.87", "100.00%"],
    ["审计服务费", "37.87", Z, Z, Z, "37.87", "37.87", Z, Z, Z, "37.87", "100.00%"],
    ["一般公共预算", "501.60", "239.60", Z, Z, "262.00", "223.13", "99.71", Z, Z, "123.42", "44.48%"],
    ["游仙街道、石马镇安置点建设项目跟踪审计", "52.00", "52.00", Z, Z, Z, Z, Z, Z, Z, Z, "0.00%"],
    ["项目2023", "5.00", Z, Z, Z, "5.00", Z, Z, Z, Z, Z, "0.00%"],
    ["”三级联审审计项目“", "20.00", "20.00", Z, Z, Z, Z, Z, Z, Z, Z, "0.00%"],
    ["联网平台审计网络维护费", "10.00", "10.00", Z, Z, Z, Z, Z, Z, Z, Z, "0.00%"],
    ["专项工程工作经费", "5.00", "5.00", Z, Z, Z, "0.92", "0.92", Z, Z, Z, "18.35%"],
    ["跟踪审计服务2023", "227.00", Z, Z, Z, "227.00", "107.00", Z, Z, Z, "107.00", "47.14%"],
    ["审计项目经费补助2023", "30.00", Z, Z, Z, "30.00", "16.42", Z, Z, Z, "16.42", "54.73%"],
    ["审计项目外聘人员劳务费", "48.00", "48.00", Z, Z, Z, "30.45", "30.45", Z, Z, Z, "63.43%"],
    ["审计专项经费", "104.60", "104.60", Z, Z, Z, "68.34", "68.34", Z, Z, Z, "65.34%"],
]


def _youxian(tmp_path, **changed: tuple[int, int, str]):
    lines = [list(line) for line in _LINES]
    for r, c, value in changed.values():
        lines[r][c] = value
    return _workbook(tmp_path, _HEAD + lines, _MERGES)


def _errors(result):
    return [(f.code, f.ref, f.message) for f in result.findings if f.severity.value == "error"]


def test_the_listing_is_read_as_monitoring_money_blocks_and_the_published_table_gets_no_error(tmp_path):
    """Unread before (LAYOUT_NO_TABLE: no 自评表 header). Read now, one monitoring table a line; the published table adds
    up everywhere, so no 错误 — 18.35% for 0.92/5.00 (18.40%) lies within what the 2-decimal 万元 amounts allow
    (18.28%…18.52%): consistent at printed precision, no finding (a 警告 naming that range until gaps16)."""
    result = _youxian(tmp_path)
    codes = {f.code for f in result.findings}
    assert "LAYOUT_NO_TABLE" not in codes, codes
    sheets = result.coverage.sheets
    assert sheets and sheets[0].kind == "monitoring" and sheets[0].read and "上下级汇总" in sheets[0].note_zh
    assert not _errors(result), _errors(result)
    assert not [f for f in result.findings if f.code == "F04" and f.ref.cell == "L15"]


def test_a_line_whose_sources_do_not_add_up_to_its_total_is_an_error(tmp_path):
    """审计项目经费补助2023: 其他资金 30.00 under a 合计 printed 35.00 (and its rate 16.42/35.00 = 46.91% printed so the rate
    stays right): the sources add up to 30.00, not 35.00 — certain from the cells."""
    result = _youxian(tmp_path, total=(10, 1, "35.00"), rate=(10, 11, "46.91%"))
    assert any(
        f.code.startswith("F0") and f.ref.cell in ("B17", "F17") for f in result.findings if f.severity.value == "error"
    ), [(f.code, f.ref, f.message) for f in result.findings]


def test_a_rate_off_beyond_what_the_amounts_allow_is_an_error(tmp_path):
    """跟踪审计服务2023: 107.00 / 227.00 = 47.14%; printed 57.14% is outside anything the rounded amounts allow."""
    result = _youxian(tmp_path, rate=(9, 11, "57.14%"))
    found = [f for f in result.findings if f.code == "F04" and f.ref.cell == "L16"]
    assert found and found[0].severity.value == "error", [(f.code, f.ref, f.message) for f in result.findings]


def test_a_single_source_equal_to_its_total_does_not_make_the_amounts_exact(tmp_path):
    """F04's "sources add up exactly, so the amounts count the units they print" needs two sources holding money: one
    source equal to the 合计 (5.00 │ 0.00 │ 0.00 │ 0.00) is the 合计 again and proves nothing — 18.35% stays within what
    the rounded amounts allow: no finding (a 警告 until gaps16; never an 错误)."""
    result = _youxian(tmp_path)
    assert not [f for f in result.findings if f.code == "F04" and f.ref.cell == "L15"]


def test_a_rate_printed_no_coarser_than_the_amounts_but_finer_than_their_unit_moves_it_is_a_warning(tmp_path):
    """裕安 2022 (tests/realworld/anhui-yuan-wenwubaohu-2022.toml): 27.8 / 29 = 95.86%, printed 0.958. The rate and 27.8 both
    print one decimal (of a percent, of a 万元), so F04 counted the amounts' units and called it an 错误; but 0.1 万元 of 29
    moves the rate 0.34%, more than its printed 0.1%: 27.75/29.05 … 27.85/28.95 = 95.69% … 96.03% holds 95.8% (the hand
    check: "not demonstrably wrong"). Consistent at printed precision: no finding (a 警告 naming that range until
    gaps16); a rate outside the range (97%) stays an 错误."""
    table = load_table(CORPUS / "anhui-yuan-wenwubaohu-2022.toml")
    result = _workbook(tmp_path, table.rows, table.merges)
    found = [f for f in result.findings if f.code == "F04" and f.ref.cell == "G5"]
    assert found == [], found
    rows = [list(r) for r in table.rows]
    assert rows[4][6] == "0.958"
    rows[4][6] = "0.970"
    found = [f for f in _workbook(tmp_path, rows, table.merges).findings if f.code == "F04" and f.ref.cell == "G5"]
    assert [f.severity.value for f in found] == ["error"], found


# ---------------------------------------------------------------- a 得分表 with its weights only inside the labels

_BUXIANG = [
    ["2017年部门整体支出绩效评价得分表", E, E, E],
    ["一级指 标", "二级指标", "三级指标", "得分"],
    ["部门决 策(25 分)", "目标任务(15 分)", "相关性(5 分)", "5"],
    [E, E, "明确性(5 分)", "5"],
    [E, E, "合理性(5 分)", "5"],
    [E, "预算编制(10 分)", "测算依据(5 分)", "2"],
    [E, E, "目标管理(5 分)", "4"],
    ["综合管 理(30 分)", "专项资金分配时限(2 分)", "省级财力专项预算分配时限(1 分)", "1"],
    [E, E, "中央专款分配合规", E],
]


def test_a_score_only_header_is_named_in_the_coverage_as_a_table_not_read(tmp_path):
    """buxiang 2017 (tests/realworld/buxiang-bumen-defenbiao-fragment-2017.toml, rows 21-29): 一级指标 │ 二级指标 │ 三级指标 │
    得分, the weights only inside the labels, cut after 中央专款分配合规. Not read (a 分值 read out of the labels of a table
    cut short is not done); the coverage said only "未找到可识别的表格" — now it names the header and why it was not read."""
    result = _workbook(tmp_path, _BUXIANG, ("A1:D1", "A3:A7", "B3:B5", "B6:B7", "A8:A9", "B8:B9"))
    note = result.coverage.sheets[0].note_zh
    assert "第 2 行的表头" in note and "只有得分列" in note and "未读入" in note, note
    assert not [f for f in result.findings if f.severity.value == "error"]
