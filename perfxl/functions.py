"""The PERF_* worksheet functions as plain Python over the engine (no xlwings, no files): the same
code answers in Excel (`perfxl.excel.udfs`), computes PERF_* cells perfxl reads without a cached
value (`perfxl.formula`) and the cached values the workbook generator writes (`perfxl.workbook.formulas`).

Each function takes Excel values — a scalar or a 2-D range (list of rows) per argument — and
returns a scalar or a 2-D list with the broadcast shape, so one call computes a whole column and
spills. A cell that cannot be computed becomes a `CellError` (Excel error code + short zh text);
the decorated layer (`perfxl.excel.udfs`) renders it as text for classic xlwings and as a real
Excel error value for Office.js. Nothing here raises for user input.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

from perfxl import rates
from perfxl.errors import PerfxlError
from perfxl.numbers import to_decimal
from perfxl.profiles import list_profiles, load_profile
from perfxl.records import record
from perfxl.scoring import execution_score, grade, score_indicator
from perfxl.values import ValueKind, parse_value

__all__ = [
    "CellError",
    "perf_score",
    "perf_explain",
    "perf_rate",
    "perf_exec_score",
    "perf_control_rate",
    "perf_change_rate",
    "perf_grade",
    "perf_parse",
    "PARSE_PARTS",
]

Matrix = list[list[Any]]
#: A profile argument as Excel passes it: a profile's name in a cell (a blank cell, None: national), or a range of
#: them (one result per cell, `_broadcast`); a number, a boolean or a date in the cell is refused as an unknown name.
ProfileArg = str | float | bool | date | None | list[Any] | tuple[Any, ...]
#: Excel's largest number (9.99999999999999E+307): a result beyond it cannot be shown.
EXCEL_MAX = 9.99999999999999e307


@record(frozen=True, slots=True)
class CellError:
    """One cell's failure: an Excel error code ("#VALUE!", "#DIV/0!", "#N/A") and a zh reason."""

    code: str
    message: str

    def __str__(self) -> str:
        return self.message


# ---------------------------------------------------------------- argument handling


def _is_matrix(x: Any) -> bool:
    return isinstance(x, (list, tuple)) and (not x or isinstance(x[0], (list, tuple)))


def _as_matrix(x: Any) -> Matrix:
    """Scalar → [[x]]; 1-D list → one row; 2-D stays. A Python int beyond Excel's range becomes ±inf (`_in_range`)."""
    if _is_matrix(x):
        return [[_in_range(v) for v in r] for r in x] or [[None]]
    if isinstance(x, (list, tuple)):
        return [[_in_range(v) for v in x]] if x else [[None]]
    return [[_in_range(x)]]


def _in_range(x: Any) -> Any:
    """`x`, or ±inf for an int no Excel cell holds (past 1e308; thousands of digits have no repr past Python's
    4,300-digit int-str limit): each function then answers "不是数字" as for Excel's own overflow, never raises."""
    if isinstance(x, int) and not isinstance(x, bool) and to_decimal(x) is None:
        return math.inf if x > 0 else -math.inf
    return x


def _blank(x: Any) -> bool:
    return x is None or (isinstance(x, str) and not x.strip())


def _broadcast(func: Callable[..., Any], *args: Any) -> Any:
    """Apply `func` cell by cell over scalars and ranges, Excel style.

    A 1×1 argument applies to every cell, a single row/column repeats along the other axis,
    and a cell outside a smaller range gets #N/A (what Excel does with mismatched arrays).
    A call whose arguments are all single cells returns a single value.
    """
    mats = [_as_matrix(a) for a in args]
    if all(len(m) == 1 and len(m[0]) == 1 for m in mats):
        return func(*(m[0][0] for m in mats))
    n_rows = max(len(m) for m in mats)
    n_cols = max(max((len(r) for r in m), default=1) for m in mats)
    out: Matrix = []
    for r in range(n_rows):
        row = []
        for c in range(n_cols):
            vals, missing = [], False
            for m in mats:
                rr = 0 if len(m) == 1 else r
                cc = 0 if len(m[0]) == 1 else c
                if rr >= len(m) or cc >= len(m[rr]):
                    missing = True
                    break
                vals.append(m[rr][cc])
            row.append(CellError("#N/A", "区域大小不一致") if missing else func(*vals))
        out.append(row)
    return out


def _number(x: Any, what: str) -> Decimal | CellError:
    """A cell as an exact Decimal: numbers, text numbers ("1,234.5", "１２") and "12%" → 0.12."""
    if isinstance(x, bool):
        return CellError("#VALUE!", f"{what}不是数字：{x}")
    if _blank(x):
        return CellError("#VALUE!", f"{what}为空")
    d = to_decimal(x)
    if d is not None:
        return d
    parsed = parse_value(x)
    if parsed.number is not None and parsed.kind in (ValueKind.NUMBER, ValueKind.PERCENT):
        if parsed.kind is ValueKind.PERCENT and (parsed.unit or "") == "%":
            return parsed.number / 100
        return parsed.number
    return CellError("#VALUE!", f"{what}不是数字：{str(x).strip()[:20]}")


def _text_or_default(x: Any) -> str | None:
    return None if _blank(x) else str(x).strip()


@lru_cache(maxsize=16)
def _profile(name: str | None):
    return load_profile(name or None)


def _builtin_profiles() -> list[str]:
    return list_profiles()


def _load_profile(name: object):
    """The named profile (default national), or a CellError naming the bad profile."""
    try:
        return _profile(_text_or_default(name))
    except PerfxlError:
        builtin = "、".join(_builtin_profiles())
        return CellError("#VALUE!", f"找不到配置方案：{_text_or_default(name)}（内置：{builtin}）")


def _num_out(d: Decimal | None) -> float | CellError | None:
    """Decimal → float for Excel (already rounded by the engine); beyond Excel's range → #NUM!."""
    if d is None:
        return None
    value = float(d)
    if math.isinf(value) or abs(value) > EXCEL_MAX:
        return CellError("#NUM!", f"结果 {d:.6E} 超出 Excel 的数值范围")
    return value


# ---------------------------------------------------------------- indicator scores


def _score_result(target: Any, actual: Any, weight: Any, method: Any, profile: object):
    prof = _load_profile(profile)
    if isinstance(prof, CellError):
        return prof
    w = _number(weight, "分值")
    if isinstance(w, CellError):
        return w
    if _blank(target):
        return CellError("#VALUE!", "年度指标值为空")
    if _blank(actual):
        return CellError("#VALUE!", "实际完成值为空")
    return score_indicator(target, actual, w, prof, method=_text_or_default(method))


def _score_cell(target, actual, weight, method, profile):
    res = _score_result(target, actual, weight, method, profile)
    if isinstance(res, CellError):
        return res
    if res.score is None:
        return CellError("#VALUE!", res.error or "无法计分")
    return _num_out(res.score)


def _explain_cell(target, actual, weight, method, profile):
    res = _score_result(target, actual, weight, method, profile)
    if isinstance(res, CellError):
        return res.message
    return res.explanation if res.score is not None else (res.error or res.explanation)


def perf_score(target: Any, actual: Any, weight: Any, method: Any = None, profile: ProfileArg = None) -> Any:
    """Indicator score (得分) per 财预〔2020〕10号: 年度指标值, 实际完成值, 分值 → points, 2 dp."""
    return _broadcast(_score_cell, target, actual, weight, method, profile)


def perf_explain(target: Any, actual: Any, weight: Any, method: Any = None, profile: ProfileArg = None) -> Any:
    """The one-line zh explanation of how PERF_SCORE scored the indicator (or why it could not)."""
    return _broadcast(_explain_cell, target, actual, weight, method, profile)


# ---------------------------------------------------------------- rates and budget score


def _is_zero(x: Any) -> bool:
    d = to_decimal(x)
    if d is None and isinstance(x, str):
        d = parse_value(x).number
    return d == 0


def _rate_cell(rate_func_name: str, what: tuple[str, str]):
    """A cell function over `perfxl.rates.<rate_func_name>`; amounts may carry units (万元 vs 元)."""

    def cell(numerator, denominator):
        if isinstance(numerator, bool) or isinstance(denominator, bool):
            return CellError("#VALUE!", "参数不是数字")
        if _blank(numerator):
            return CellError("#VALUE!", f"{what[0]}为空")
        if _blank(denominator):
            return CellError("#VALUE!", f"{what[1]}为空")
        res = getattr(rates, rate_func_name)(numerator, denominator)
        if res.percent is None:
            code = "#DIV/0!" if _is_zero(denominator) else "#VALUE!"
            return CellError(code, res.reason or "无法计算")
        return _num_out(res.percent)

    return cell


def perf_rate(numerator: Any, denominator: Any) -> Any:
    """A rate in percent points (分子/分母×100, 2 dp half-up): 80/100 → 80."""
    return _broadcast(_rate_cell("generic_rate", ("分子", "分母")), numerator, denominator)


def perf_control_rate(actual: Any, approved: Any) -> Any:
    """控制率 in percent (实际在职人数/编制数 or 实际/批复): 45/32 → 140.63."""
    return _broadcast(_rate_cell("control_rate", ("实际数", "核定数")), actual, approved)


def perf_change_rate(current: Any, previous: Any) -> Any:
    """变动率 in percent ((本年−上年)/上年): 63.46 vs 32 → 98.31."""
    return _broadcast(_rate_cell("change_rate", ("本年数", "上年数")), current, previous)


def _exec_score_cell(executed, budget, weight):
    for value, what in ((executed, "全年执行数"), (budget, "全年预算数")):
        if _blank(value) or isinstance(value, bool):
            return CellError("#VALUE!", f"{what}为空" if _blank(value) else f"{what}不是数字")
    w = _number(weight, "分值")
    if isinstance(w, CellError):
        return w
    res = execution_score(executed, budget, w, _profile(None))
    if res.score is None:
        return CellError("#DIV/0!" if _is_zero(budget) else "#VALUE!", res.error or "无法计分")
    return _num_out(res.score)


def perf_exec_score(executed: Any, budget: Any, weight: Any) -> Any:
    """预算执行率得分: min(1, 全年执行数/全年预算数) × 分值, 2 dp."""
    return _broadcast(_exec_score_cell, executed, budget, weight)


def _grade_cell(total, profile):
    t = _number(total, "总分")
    if isinstance(t, CellError):
        return t
    prof = _load_profile(profile)
    if isinstance(prof, CellError):
        return prof
    result = grade(t, prof)
    return result if result else CellError("#VALUE!", f"总分超出范围：{t}")


def perf_grade(total: Any, profile: ProfileArg = None) -> Any:
    """自评等级 of a total score by the profile's bands (national: 优≥90, 良≥80, 中≥60, 差)."""
    return _broadcast(_grade_cell, total, profile)


# ---------------------------------------------------------------- PERF_PARSE

#: PERF_PARSE part names (en and zh) → ParsedValue attribute.
PARSE_PARTS: dict[str, str] = {
    "number": "number",
    "数值": "number",
    "op": "op",
    "运算符": "op",
    "unit": "unit",
    "单位": "unit",
    "kind": "kind",
    "类型": "kind",
    "tier": "tier",
    "档次": "tier",
}

_KIND_ZH = {
    "NUMBER": "数值",
    "PERCENT": "百分比",
    "GROWTH": "增长率",
    "DATE": "日期",
    "QUALITATIVE": "定性",
    "PLACEHOLDER": "占位符",
    "BLANK": "空",
    "TEXT": "文本",
}


def _parse_cell(text, part):
    key = _text_or_default(part) or "number"
    attr = PARSE_PARTS.get(key.lower())
    if attr is None:
        return CellError("#VALUE!", f"未知的部分：{key}（可用 number/op/unit/kind/tier）")
    parsed = parse_value(text)
    value = getattr(parsed, attr)
    if attr == "number":
        return _num_out(value) if value is not None else CellError("#VALUE!", "没有数值")
    if attr == "kind":
        return _KIND_ZH.get(value.name, value.name)
    if attr == "op":
        return value.value if value is not None else ""
    if attr == "tier":
        return value if value is not None else ""
    return value or ""


def perf_parse(text: Any, part: Any = None) -> Any:
    """Read one part of a typed indicator value ("≥12家"): number (default), op, unit, kind, tier."""
    return _broadcast(_parse_cell, text, part)
