"""Numbers of the real seed report (隆回县科技和工业信息化局 2023) for the engine tests.

The report's 基础数据表 and 部门整体支出绩效自评表 are transcribed in tests/fixtures/seed_tables.txt,
one cell per line; these helpers find rows by their labels so the tests use the published figures
as printed, not values restated in the tests.
"""

from __future__ import annotations

from pathlib import Path

SEED_TEXT = Path(__file__).resolve().parent / "fixtures" / "seed_tables.txt"


def seed_cells() -> list[str]:
    """Non-empty stripped lines of the tables at the end of the seed report."""
    text = SEED_TEXT.read_text(encoding="utf-8")
    tail = text[text.index("2023年度部门整体支出绩效评价基础数据表") :]
    return [line.strip() for line in tail.splitlines() if line.strip()]


def _after(cells: list[str], label: str, n: int, start: int = 0) -> list[str]:
    i = cells.index(label, start)
    return cells[i + 1 : i + 1 + n]


def seed_basic_data() -> dict:
    """编制数, 实际在职人数, printed 控制率 and the 三公经费 row (2022决算, 2023预算, 2023决算)."""
    cells = seed_cells()
    i = cells.index("控制率")
    establishment, actual, printed = cells[i + 1 : i + 4]
    return {
        "establishment": establishment,
        "actual_staff": actual,
        "printed_control_rate": printed,
        "three_public": tuple(_after(cells, "三公经费", 3)),
    }


def seed_funds_row() -> dict:
    """The 年度资金总额 row of the self-evaluation table: budgets, execution, weight, printed rate and score."""
    cells = seed_cells()
    initial, full, executed, weight, rate, score = _after(cells, "年度资金总额", 6)
    return {
        "initial_budget": initial,
        "full_budget": full,
        "executed": executed,
        "weight": weight,
        "printed_rate": rate,
        "printed_score": score,
    }


def seed_indicators() -> tuple[list[dict], str, str]:
    """Indicator rows (name, target, actual, weight, printed score) and the 总分 row (weight, printed score)."""
    cells = seed_cells()
    start = cells.index("偏差原因分析及改进措施")
    end = cells.index("总分")
    rows, body = [], cells[start + 1 : end]
    levels = {
        "数量指标",
        "质量指标",
        "时效指标",
        "成本指标",
        "经济效益指标",
        "社会效益指标",
        "生态效益指标",
        "可持续影响指标",
        "服务对象满意度指标",
    }
    i = 0
    while i < len(body):
        cell = body[i]
        if cell in levels or cell.startswith(("产出指标", "效益指标", "满意度指标")) or cell == "……":
            i += 1
            continue
        nxt = body[i + 1 : i + 5]
        if len(nxt) == 4 and nxt[2].replace(".", "").isdigit() and nxt[3].replace(".", "").isdigit():
            rows.append({"name": cell, "target": nxt[0], "actual": nxt[1], "weight": nxt[2], "printed": nxt[3]})
            i += 5
            continue
        i += 1
    total_weight, total_printed = cells[end + 1 : end + 3]
    return rows, total_weight, total_printed
