"""Probe: 申报表/目标表, 执行监控表 and 部门整体 tables varied the way real filers write them (issue 11, round 3).

`python tests/realworld/probe_forms.py [declaration|monitoring|department ...]` plants each variant's cells into a
correct table — the hand-checked tables of tests/test_review_round12.py (a09 中央 申报表, a10 中央 执行监控表, a11 湖南 部门整体)
or a real one of tests/realworld — validates it and prints the 错误 it gets. Each variant is meant to stay correct
unless its label starts with "WRONG" (a guard: it must keep its 错误). Not a test: every false 错误 found here has
a test in tests/test_probes_forms.py.
"""

from __future__ import annotations

import copy
import re
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent.parent))  # this checkout's perfxl, not an installed one (a worktree beside it)

import render as R  # noqa: E402
from openpyxl.utils import column_index_from_string  # noqa: E402
from report_helpers import workbook_result  # noqa: E402
from test_review_round12 import TABLES  # noqa: E402

from perfxl.validate import validate_file  # noqa: E402

DECL, MON, DEPT = "a09_declaration_midterm", "a10_monitoring_1_7", "a11_hunan_department_breakdown"
GANZI, NINGDE, DIZHEN = (
    "sichuan-ganzi-shijianju-mubiao-2023",
    "fujian-ningde-fangzhiwei-mubiao-2019",
    ("fujian-ningde-dizhenju-bumen-2020"),
)
HUBEI = "hubei-huangshi-shenyi-jiankong-2019"
REASON = "一个台站因道路中断未能按期抽查，下年优先安排"
TIER = {"D15": "宣传效果", "E15": "优", "F15": "良", "I15": "4", "J15": "宣传覆盖面不足，下年加强"}

# (kind, label, base, {cell: text}); a base of tests/realworld is named by its file stem
VARIANTS: list[tuple[str, str, str, dict[str, object]]] = [
    # ---- 执行监控表: rates, progress and forecasts as filers write them
    *[("monitoring", f"1-7月执行率 {v!r}", MON, {"F6": v}) for v in ("0.6", "60", "3/5", "60%", "0.60", 0.6)],
    *[("monitoring", f"1-7月执行情况 {v!r}", MON, {"F13": v}) for v in ("75%", "0.75", "3/4", "过半", "已完成60%")],
    *[("monitoring", f"全年预计 {v!r}", MON, {"G13": v}) for v in ("能完成", "预计全年完成", "≥3000盏", "3000")],
    ("monitoring", "1-6月 headers", MON, {"E5": "1-6月执行数", "F5": "1-6月执行率", "F12": "1-6月执行情况"}),
    ("monitoring", "截至6月底 headers", MON, {"E5": "截至6月底执行数", "F5": "执行进度", "F12": "截至6月底完成情况"}),
    ("monitoring", "实际完成值(1-6月) header", MON, {"F12": "实际完成值(1-6月)", "G12": "全年预计完成值"}),
    ("monitoring", "no title, 实际完成值 header", MON, {"A1": "", "F12": "实际完成值", "G12": "全年预计完成值"}),
    ("monitoring", "全年预计执行率 column", MON, {"H5": "全年预计执行率", "H6": "100%", "H7": "100%", "H8": "100%"}),
    ("monitoring", "时间进度 column", MON, {"H5": "时间进度", "H6": "58.33%", "H7": "58.33%", "H8": "58.33%"}),
    ("monitoring", "executed with its unit", MON, {"E6": "192万元", "E7": "180万元", "E8": "12万元"}),
    ("monitoring", "WRONG 1-7月执行率 0.62", MON, {"F6": "0.62"}),
    *[
        ("monitoring", f"title {t}, progress headed 实际完成值", MON, {"A1": t, "F12": "实际完成值", "G12": ""})
        for t in ("项目绩效跟踪表", "绩效目标执行情况跟踪表", "")
    ],
    ("monitoring", "湖北: 全年预计执行数 filled", HUBEI, {"D10": "220", "D11": "220"}),
    ("monitoring", "湖北: 半年度 progress against a ceiling", HUBEI, {"D15": "≤220万元", "E15": "87.57万元"}),
    # ---- 申报表 / 目标表: targets reworded, operators as words, 指标性质 columns
    *[
        ("declaration", f"target {a}={v!r}", DECL, {a: v})
        for a, v in (
            ("F12", "3000盏以上"),
            ("F12", "不少于3000盏"),
            ("F13", "98%以上"),
            ("F13", "0.98"),
            ("F14", "24小时以内"),
            ("F15", "不超过1000元"),
            ("F15", "≤0.1万元"),
            ("F16", "有效提升"),
            ("F18", "90%以上"),
            ("F14", "2024年12月底前"),
            ("F12", "三千盏"),
            ("F12", "3000-3200盏"),
            ("F12", "≥3,000盏"),
        )
    ],
    *[
        ("declaration", f"甘孜 指标性质 {v!r}", GANZI, {"D11": v})
        for v in ("正向", "反向", "大于等于", "定量", "不低于", "/", "——", "≈", "003 >=")
    ],
    ("declaration", "WRONG 甘孜 指标性质 '#'", GANZI, {"D11": "#"}),
    ("declaration", "甘孜 预算执行率权重 10", GANZI, {"B4": "10"}),
    ("declaration", "宁德 履职 corrected", NINGDE, {"E11": "110.61"}),
    (
        "declaration",
        "宁德 履职 预算金额(元)",
        NINGDE,
        {"E8": "预算金额(元)", "E9": "498000", "E10": "110000", "E11": "1106100"},
    ),
    ("declaration", "宁德 履职 with a 合计 line", NINGDE, {"E11": "110.61", "D12": "合计", "E12": "171.41"}),
    (
        "declaration",
        "宁德 履职 one item under two duties",
        NINGDE,
        {"E11": "110.61", "D10": "地情、市志编纂与年鉴出版经费", "E9": "60.8", "E10": "60.8"},
    ),
    ("declaration", "WRONG 宁德 as published (基本支出 171.41)", NINGDE, {}),
    # ---- 部门整体: funds breakdown text, targets, the row's own 评分标准
    *[("department", f"执行率 {v!r}", DEPT, {"G4": v}) for v in ("95%", "0.95", "95", 0.95)],
    (
        "department",
        "按收入性质分 with 万元",
        DEPT,
        {"B5": "按收入性质分：1100万元", "B6": "其中：一般公共预算：1000万元"},
    ),
    ("department", "a bracketed note after a figure", DEPT, {"B7": "政府性基金拨款：100（含上年结转20）"}),
    ("department", "WRONG 按收入性质分 parts 1150", DEPT, {"B7": "政府性基金拨款（含上年结转20万元）：150"}),
    *[
        ("department", f"事故 {t!r}/{a!r}", DEPT, {"D17": t, "E17": a})
        for t, a in (("0起", "未发生"), ("=0", "0"), ("0起", "零事故"))
    ],
    *[
        ("department", f"target {v!r}", DEPT, {"D18": v, "E18": "85%"})
        for v in ("≥上年", "≥去年同期", "≥国家标准", "不低于上年")
    ],
    ("department", "WRONG target ≥较好", DEPT, {"D18": "≥较好", "E18": "85%"}),
    (
        "department",
        "评分标准 少一个扣2分",
        DIZHEN,
        {"G14": "达9个得6分,少检查一个扣2分,扣完为止。", "F14": "8个", "I14": "4", "J14": REASON},
    ),
    (
        "department",
        "评分标准 未达到不得分",
        DIZHEN,
        {"G14": "达9个得6分,未达到不得分。", "F14": "8个", "I14": "0", "J14": REASON},
    ),
    (
        "department",
        "评分标准 达8个及以上得6分",
        DIZHEN,
        {"G14": "达8个及以上得6分,少一个扣1分。", "F14": "8个", "I14": "6", "J14": REASON},
    ),
    ("department", "WRONG 评分标准 少一个扣1分, scored 4", DIZHEN, {"F14": "8个", "I14": "4", "J14": REASON}),
    (
        "department",
        "评分标准 最低得6分",
        DIZHEN,
        {"G14": "每少一个扣1分,最低得6分。", "F14": "8个", "I14": "6", "J14": REASON},
    ),
    *[
        ("department", f"{'WRONG ' if wrong else ''}定性 评分标准 {rule}", DIZHEN, {**TIER, "G15": rule})
        for rule, wrong in (("优得6分,良得4分,中得2分,差不得分。", False), ("优得6分,良得5分,中得2分。", True))
    ],
]


def _cell(address: str) -> tuple[int, int]:
    m = re.fullmatch(r"([A-Z]+)(\d+)", address)
    assert m, address
    return int(m.group(2)) - 1, column_index_from_string(m.group(1)) - 1


def _plant(rows: list[list], changes: dict[str, object]) -> list[list]:
    rows = copy.deepcopy(rows)
    for address, value in changes.items():
        r, c = _cell(address)
        rows[r][c] = value
    return rows


def errors(base: str, changes: dict[str, object], work: Path) -> list[tuple[str, str, str]]:
    """(code, cell, message) of the 错误 the variant gets."""
    if base in TABLES:
        rows, merges = TABLES[base]
        result = workbook_result(work, _plant(rows, changes), tuple(merges))
    else:
        table = R.load_table(R.CORPUS / f"{base}.toml")
        table.rows = _plant(table.rows, changes)
        result = validate_file(R.render(table, work))
    return [(f.code, f.brief()[2] or "", f.message) for f in result.findings if f.severity.value == "error"]


def main(argv: list[str]) -> int:
    kinds = set(argv) or {"declaration", "monitoring", "department"}
    false = 0
    for kind, label, base, changes in VARIANTS:
        if kind not in kinds:
            continue
        with tempfile.TemporaryDirectory(prefix="perfxl-probe-") as work:
            found = errors(base, changes, Path(work))
        wrong = label.startswith("WRONG")
        flag = "" if bool(found) == wrong else "  <-- " + ("false 错误" if found else "missed")
        false += bool(found) and not wrong
        print(f"[{kind}] {label}: {len(found)} 错误{flag}")
        for code, cell, message in found:
            print(f"    {code} {cell} {message}")
    print(f"{sum(k in kinds for k, *_ in VARIANTS)} variants, false 错误 on {false}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
