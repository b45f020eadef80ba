"""Lays one 自评表 (项目支出 or 部门整体支出, 财预〔2020〕10号 附1) into a `SheetPlan`.

Standard columns (docs/design.md): funds block A label, B row label, C 年初预算数, D 全年预算数,
E 全年执行数, F 分值, G 执行率, H 得分; goals A, B:E 预期目标, F:I 实际完成情况; indicators
A 绩效指标, B 一级, C 二级, D 三级, E 年度指标值, F 实际完成值, G 分值, H 得分, I 偏差原因.
A `Shape` moves, splits, renames and merges these; the content never changes.
"""

from __future__ import annotations

import re
from typing import Any

from .content import TIER_LABELS, EvaluationContent, IndicatorLine
from .formulas import put_exec_score, put_perf_score, put_rate, put_sum
from .plan import SheetPlan, Validation
from .shape import Shape, labels_for

__all__ = ["lay_evaluation", "split_target", "indicator_columns", "is_qualitative"]

_WIDTHS = {
    "block": 9,
    "level1": 14,
    "level2": 14,
    "name": 22,
    "target": 14,
    "nature": 8,
    "target_value": 10,
    "unit": 8,
    "actual": 14,
    "weight": 8,
    "score": 9,
    "deviation": 26,
    "check": 10,
}
_SPLIT = re.compile(r"^(\s*(?:[≥≤≧≦＞＜><=＝]|>=|<=)?\s*)([0-9０-９]+(?:[.．][0-9０-９]+)?)(.*)$", re.S)
_PLACEHOLDERS = {"", "……", "…", "/", "—", "-", "——", "无"}


def split_target(target: Any) -> tuple[Any, Any, Any]:
    """年度指标值 → (指标性质, 指标值, 度量单位), lossless: the three texts join back to the original.

    "≥12家" → ("≥", "12", "家"); text without a leading number ("增长12%", "2023年底") stays whole
    in 指标值. A number stays a number in 指标值.
    """
    if target is None or not isinstance(target, str):
        return None, target, None
    m = _SPLIT.match(target)
    if not m:
        return None, target, None
    nature, value, unit = m.group(1), m.group(2), m.group(3)
    return nature or None, value, unit or None


def indicator_columns(shape: Shape) -> list[str]:
    """Column keys of the indicator block, left to right."""
    target = ["nature", "target_value", "unit"] if shape.split_target else ["target"]
    cols = ["block", "level1", "level2", "name", *target, "actual", "weight", "score", "deviation"]
    return cols + (["check"] if shape.check_column else [])


def is_qualitative(line: IndicatorLine) -> bool:
    """Whether 实际完成值 should offer the tier labels: flagged, a tier label, or a target without digits."""
    if line.qualitative is not None:
        return line.qualitative
    if isinstance(line.actual, str) and line.actual.strip() in TIER_LABELS:
        return True
    t = line.target
    return isinstance(t, str) and t.strip() not in _PLACEHOLDERS and not re.search(r"[0-9０-９]", t)


def _unit_of(label: str) -> str:
    m = re.search(r"[（(]\s*(万元|元|亿元)\s*[)）]", label or "")
    return m.group(1) if m else "万元"


def lay_evaluation(plan: SheetPlan, ev: EvaluationContent, k: int, shape: Shape, top: int) -> int:
    """Write evaluation `k` starting at row `top`; returns the first free row below it."""
    p = f"evaluations[{k}]"
    keys = indicator_columns(shape)
    c0 = shape.origin[1]
    col = {key: c0 + i for i, key in enumerate(keys)}
    last = c0 + len(keys) - 1
    labels = labels_for(shape, ev.labels)
    for key, width in _WIDTHS.items():
        if key in col:
            plan.widths.setdefault(col[key], width)

    r = top
    plan.merge(r, c0, r, last, ev.title, style="title", path=f"{p}.title")
    plan.heights[r] = 30
    r += 1
    if shape.unit_note_row:
        plan.merge(r, c0, r, last, f"单位：{_unit_of(ev.funds_label)}", style="unit", path=f"{p}.unit_note")
        r += 1
    r += 1 if shape.blank_rows else 0
    body_top = r
    r = _lay_header(plan, ev, p, c0, last, r)
    if ev.funds:
        r = _lay_funds(plan, ev, p, shape, labels, c0, last, r) + (1 if shape.blank_rows else 0)
    r = _lay_goals(plan, ev, p, labels, c0, last, r)
    r += 1 if shape.blank_rows else 0
    r = _lay_indicators(plan, ev, p, shape, labels, col, c0, last, r)
    plan.frame(body_top, c0, r - 1, last)
    return r


def _lay_header(plan: SheetPlan, ev: EvaluationContent, p: str, c0: int, last: int, r: int) -> int:
    """预算单位名称 / 项目名称 on a row of their own; further pairs (主管部门, 实施单位) two per row."""
    pairs = list(enumerate(ev.header))
    if not pairs:
        return r
    j, (label, value) = pairs[0]
    plan.put(r, c0, label, style="section", path=f"{p}.header[{j}].label")
    plan.merge(r, c0 + 1, r, last, value, path=f"{p}.header[{j}].value")
    r += 1
    rest = pairs[1:]
    mid = c0 + 4
    for i in range(0, len(rest), 2):
        j, (label, value) = rest[i]
        plan.put(r, c0, label, style="section", path=f"{p}.header[{j}].label")
        plan.merge(r, c0 + 1, r, mid - 1, value, path=f"{p}.header[{j}].value")
        if i + 1 < len(rest):
            j, (label, value) = rest[i + 1]
            plan.put(r, mid, label, style="section", path=f"{p}.header[{j}].label")
            plan.merge(r, mid + 1, r, last, value, path=f"{p}.header[{j}].value")
        r += 1
    return r


_FUNDS = ("initial", "full", "executed", "funds_weight", "rate", "funds_score")
_FUNDS_ATTR = ("initial", "full", "executed", "weight", "rate", "score")


def _lay_funds(
    plan: SheetPlan, ev: EvaluationContent, p: str, shape: Shape, labels: dict, c0: int, last: int, r: int
) -> int:
    """项目资金 / 年度预算申请: header, total and part rows, then free-text breakdown rows."""
    top = r
    fc = {key: c0 + 2 + i for i, key in enumerate(_FUNDS)}
    for key in _FUNDS[:-1]:
        plan.put(r, fc[key], labels[key], style="header")
    plan.merge(r, fc["funds_score"], r, last, labels["funds_score"], style="header")
    plan.put(r, c0 + 1, None, style="header")
    r += 1
    rows: list[int] = []
    for j, line in enumerate(ev.funds):
        q = f"{p}.funds[{j}]"
        plan.put(r, c0 + 1, line.label, style="label", path=f"{q}.label")
        for key, attr in zip(_FUNDS[:-1], _FUNDS_ATTR[:-1], strict=True):
            plan.put(r, fc[key], getattr(line, attr), style="num", path=f"{q}.{attr}")
        plan.merge(r, fc["funds_score"], r, last, line.score, style="num", path=f"{q}.score")
        rows.append(r)
        r += 1
    if shape.formulas:
        parts = [row for row, line in zip(rows, ev.funds, strict=True) if not line.is_total]
        for row, (j, line) in zip(rows, enumerate(ev.funds), strict=True):
            if not line.is_total:
                continue
            q = f"{p}.funds[{j}]"
            if parts:
                for key, attr in zip(("initial", "full", "executed"), ("initial", "full", "executed"), strict=True):
                    put_sum(plan, row, fc[key], [(x, fc[key]) for x in parts], path=f"{q}.{attr}")
            put_rate(plan, row, fc["rate"], (row, fc["executed"]), (row, fc["full"]), path=f"{q}.rate")
            put_exec_score(
                plan,
                row,
                fc["funds_score"],
                (row, fc["executed"]),
                (row, fc["full"]),
                (row, fc["funds_weight"]),
                path=f"{q}.score",
            )
    split = c0 + 4
    for j, (left, right) in enumerate(ev.breakdown):
        plan.merge(r, c0 + 1, r, split - 1, left, path=f"{p}.breakdown[{j}][0]")
        plan.merge(r, split, r, last, right, path=f"{p}.breakdown[{j}][1]")
        r += 1
    plan.merge(top, c0, r - 1, c0, ev.funds_label, style="section", path=f"{p}.funds_label")
    return r


def _lay_goals(plan: SheetPlan, ev: EvaluationContent, p: str, labels: dict, c0: int, last: int, r: int) -> int:
    """年度总体目标: a header row (预期目标 | 实际完成情况) and one text row."""
    half = (last - c0) // 2
    plan.merge(r, c0, r + 1, c0, labels["goal"], style="section", path=f"{p}.goal_label")
    plan.merge(r, c0 + 1, r, c0 + half, labels["goal_expected"], style="header")
    plan.merge(r, c0 + half + 1, r, last, labels["goal_actual"], style="header")
    plan.merge(r + 1, c0 + 1, r + 1, c0 + half, ev.goal_expected, path=f"{p}.goal_expected")
    plan.merge(r + 1, c0 + half + 1, r + 1, last, ev.goal_actual, path=f"{p}.goal_actual")
    plan.heights[r + 1] = 60
    return r + 2


def _lay_indicators(
    plan: SheetPlan,
    ev: EvaluationContent,
    p: str,
    shape: Shape,
    labels: dict,
    col: dict[str, int],
    c0: int,
    last: int,
    r: int,
) -> int:
    """绩效指标 block and the 总分 row."""
    head = r
    for key, c in col.items():
        if key != "block":
            plan.put(r, c, labels[key], style="header")
    r += 1
    placed: list[tuple[int, int | None, IndicatorLine]] = []  # (row, index or None if inserted, line)
    for j, line in enumerate(ev.indicators):
        if shape.blank_rows and j and j % 4 == 0:
            placed.append((r, None, ev.indicators[j - 1]))
            r += 1
        _lay_indicator_row(plan, line, f"{p}.indicators[{j}]", shape, col, r)
        placed.append((r, j, line))
        r += 1
    _lay_levels(plan, placed, p, shape, col)
    if shape.dropdowns:
        _add_dropdowns(plan, placed, shape, col)
    plan.merge(head, c0, max(r - 1, head), c0, labels["block"], style="section", path=f"{p}.block_label")
    return _lay_total(plan, ev, p, shape, labels, col, last, [row for row, j, _ in placed if j is not None], r)


def _lay_indicator_row(plan: SheetPlan, line: IndicatorLine, q: str, shape: Shape, col: dict, r: int) -> None:
    plan.put(r, col["name"], line.name, path=f"{q}.name")
    if shape.split_target:
        nature, value, unit = split_target(line.target)
        plan.put(r, col["nature"], nature, style="center", path=f"{q}.nature")
        plan.put(
            r,
            col["target_value"],
            value,
            style="num" if not isinstance(value, str) else "text",
            path=f"{q}.target_value",
        )
        plan.put(r, col["unit"], unit, style="center", path=f"{q}.unit")
        target_cells = [(r, col["nature"]), (r, col["target_value"]), (r, col["unit"])]
    else:
        plan.put(r, col["target"], line.target, path=f"{q}.target")
        target_cells = [(r, col["target"])]
    plan.put(r, col["actual"], line.actual, path=f"{q}.actual")
    plan.put(r, col["weight"], line.weight, style="num", path=f"{q}.weight")
    plan.put(r, col["deviation"], line.deviation, path=f"{q}.deviation")
    if shape.perf_scores:
        put_perf_score(plan, r, col["score"], target_cells, (r, col["actual"]), (r, col["weight"]), path=f"{q}.score")
    else:
        plan.put(r, col["score"], line.score, style="num", path=f"{q}.score")
    if shape.check_column:
        put_perf_score(
            plan,
            r,
            col["check"],
            target_cells,
            (r, col["actual"]),
            (r, col["weight"]),
            style="check",
            path=f"{q}.check",
        )


def _lay_levels(plan: SheetPlan, placed: list, p: str, shape: Shape, col: dict) -> None:
    """一级/二级 labels: merged over their rows, repeated on every row, or on the first row only."""
    for key, group_of in (("level1", lambda ln: (ln.level1,)), ("level2", lambda ln: (ln.level1, ln.level2))):
        c = col[key]
        runs: list[list[tuple[int, int | None, IndicatorLine]]] = []
        for item in placed:
            if runs and group_of(runs[-1][0][2]) == group_of(item[2]):
                runs[-1].append(item)
            else:
                runs.append([item])
        for run in runs:
            text = getattr(run[0][2], key)
            first = run[0][0]
            if shape.levels == "merged":
                plan.merge(first, c, run[-1][0], c, text, style="label")
            for row, j, _ in run:
                if (shape.levels == "repeated" and j is not None) or (shape.levels == "first" and row == first):
                    plan.put(row, c, text, style="label")
                if j is not None:
                    plan.addresses[f"{p}.indicators[{j}].{key}"] = (row if shape.levels == "repeated" else first, c)


def _add_dropdowns(plan: SheetPlan, placed: list, shape: Shape, col: dict) -> None:
    c = col["actual"]
    rows = [row for row, j, _ in placed if j is not None]
    prompt = "定性指标请选择完成档次"
    if shape.all_dropdowns and rows:
        plan.validations.append(Validation(rows[0], c, rows[-1], c, TIER_LABELS, False, prompt))
        return
    for row, j, line in placed:
        if j is not None and is_qualitative(line):
            plan.validations.append(Validation(row, c, row, c, TIER_LABELS, False, prompt))


def _lay_total(
    plan: SheetPlan,
    ev: EvaluationContent,
    p: str,
    shape: Shape,
    labels: dict,
    col: dict,
    last: int,
    rows: list[int],
    r: int,
) -> int:
    """总分 row: label over the leading columns, 分值 and 得分 totals (SUM incl. the budget row)."""
    wc, sc = col["weight"], col["score"]
    plan.merge(r, col["block"], r, wc - 1, labels["total"], style="section", path=f"{p}.total_label")
    funds_total = next((j for j, f in enumerate(ev.funds) if f.is_total), None)
    if shape.formulas:
        extra_w = [plan.addresses[f"{p}.funds[{funds_total}].weight"]] if funds_total is not None else []
        extra_s = [plan.addresses[f"{p}.funds[{funds_total}].score"]] if funds_total is not None else []
        put_sum(plan, r, wc, [(x, wc) for x in rows] + extra_w, path=f"{p}.total_weight")
        put_sum(plan, r, sc, [(x, sc) for x in rows] + extra_s, style="score", path=f"{p}.total_score")
    else:
        plan.put(r, wc, ev.total_weight, style="num", path=f"{p}.total_weight")
        plan.put(r, sc, ev.total_score, style="num", path=f"{p}.total_score")
    if shape.check_column:
        extra = [plan.addresses[f"{p}.funds[{funds_total}].score"]] if funds_total is not None else []
        put_sum(
            plan, r, col["check"], [(x, col["check"]) for x in rows] + extra, style="check", path=f"{p}.total_check"
        )
    plan.frame(r, sc + 1, r, last)
    return r + 1
