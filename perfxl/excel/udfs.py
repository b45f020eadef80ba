"""The PERF_* worksheet functions as Excel sees them: xlwings decorators over `perfxl.functions`.

One module serves both runtimes, because `xw.func`/`xw.arg` resolve at import time: on Windows
they are the classic (COM) decorators, with `XLWINGS_ON_SERVER=true` (xlwings Server) or in
Pyodide (xlwings Lite) the Office.js ones. Classic ignores `name=`/`namespace=`, so the Python
names are the Excel names (upper case). Every argument is read as a 2-D range (`ndim=2`), so a
whole column is computed in one call and spills. A bad cell shows short zh text in classic and a
real Excel error value on Office.js (a single-cell call raises `XlwingsError`, which Excel shows
as #VALUE! with the message).
"""

from __future__ import annotations

import sys
from typing import Any

import xlwings as xw

from perfxl import functions as fx

__all__ = [
    "PERF_SCORE",
    "PERF_EXPLAIN",
    "PERF_RATE",
    "PERF_EXEC_SCORE",
    "PERF_CONTROL_RATE",
    "PERF_CHANGE_RATE",
    "PERF_GRADE",
    "PERF_PARSE",
]

#: Excel's function-wizard category for classic xlwings.
CATEGORY = "perfxl"


def officejs_runtime() -> bool:
    """True under xlwings Server (XLWINGS_ON_SERVER) or xlwings Lite (Pyodide)."""
    return bool(getattr(xw, "on_server", False)) or sys.platform == "emscripten"


def render(result: Any, officejs: bool | None = None) -> Any:
    """Turn CellErrors into what the runtime can show: zh text (classic) or error values (Office.js)."""
    officejs = officejs_runtime() if officejs is None else officejs
    if isinstance(result, fx.CellError):
        if officejs:
            raise xw.XlwingsError(result.message)
        return result.message
    if isinstance(result, list):
        return [
            [(c.code if officejs else c.message) if isinstance(c, fx.CellError) else c for c in row] for row in result
        ]
    return result


def _func(name: str):
    return xw.func(name=name, namespace="", category=CATEGORY)


_TARGET = "年度指标值，如 ≥12家、≤90万元、100%、达成年度指标（单元格或整列）"
_ACTUAL = "实际完成值，如 20家、11.8%、达成预期指标（单元格或整列）"
_WEIGHT = "分值（该指标的权重分数）"
_METHOD = "可选：计分方法 positive/reverse_ratio/reverse_linear2A/equal/qualitative 等，留空按指标值自动判断"
_PROFILE = "可选：配置方案名，如 national、hunan，留空为 national"


@_func("PERF_SCORE")
@xw.arg("target", ndim=2, doc=_TARGET)
@xw.arg("actual", ndim=2, doc=_ACTUAL)
@xw.arg("weight", ndim=2, doc=_WEIGHT)
@xw.arg("method", ndim=2, doc=_METHOD)
@xw.arg("profile", ndim=2, doc=_PROFILE)
def PERF_SCORE(target, actual, weight, method=None, profile=None):
    """按财预〔2020〕10号计算绩效指标得分（正向/反向/定性），保留2位小数。"""
    return render(fx.perf_score(target, actual, weight, method, profile))


@_func("PERF_EXPLAIN")
@xw.arg("target", ndim=2, doc=_TARGET)
@xw.arg("actual", ndim=2, doc=_ACTUAL)
@xw.arg("weight", ndim=2, doc=_WEIGHT)
@xw.arg("method", ndim=2, doc=_METHOD)
@xw.arg("profile", ndim=2, doc=_PROFILE)
def PERF_EXPLAIN(target, actual, weight, method=None, profile=None):
    """用一句话说明 PERF_SCORE 的计分过程，或无法计分的原因。"""
    return render(fx.perf_explain(target, actual, weight, method, profile))


@_func("PERF_RATE")
@xw.arg("numerator", ndim=2, doc="分子，如全年执行数")
@xw.arg("denominator", ndim=2, doc="分母，如全年预算数")
def PERF_RATE(numerator, denominator):
    """比率（百分数）：分子÷分母×100，四舍五入保留2位小数。"""
    return render(fx.perf_rate(numerator, denominator))


@_func("PERF_EXEC_SCORE")
@xw.arg("executed", ndim=2, doc="全年执行数")
@xw.arg("budget", ndim=2, doc="全年预算数")
@xw.arg("weight", ndim=2, doc="预算执行率的分值，通常为10")
def PERF_EXEC_SCORE(executed, budget, weight):
    """预算执行率得分：执行率（不超过100%）×分值，保留2位小数。"""
    return render(fx.perf_exec_score(executed, budget, weight))


@_func("PERF_CONTROL_RATE")
@xw.arg("actual", ndim=2, doc="实际数，如实际在职人数")
@xw.arg("approved", ndim=2, doc="核定数，如编制数")
def PERF_CONTROL_RATE(actual, approved):
    """控制率（百分数）：实际数÷核定数×100，如人员控制率。"""
    return render(fx.perf_control_rate(actual, approved))


@_func("PERF_CHANGE_RATE")
@xw.arg("current", ndim=2, doc="本年数")
@xw.arg("previous", ndim=2, doc="上年数")
def PERF_CHANGE_RATE(current, previous):
    """变动率（百分数）：（本年数－上年数）÷上年数×100，如三公经费变动率。"""
    return render(fx.perf_change_rate(current, previous))


@_func("PERF_GRADE")
@xw.arg("total", ndim=2, doc="总分（0–100）")
@xw.arg("profile", ndim=2, doc=_PROFILE)
def PERF_GRADE(total, profile=None):
    """按配置方案的等级区间给出自评等级（优/良/中/差）。"""
    return render(fx.perf_grade(total, profile))


@_func("PERF_PARSE")
@xw.arg("text", ndim=2, doc="指标值文字，如 ≥12家、增长12%、≤90万元")
@xw.arg("part", ndim=2, doc="可选：number 数值（默认）/ op 运算符 / unit 单位 / kind 类型 / tier 档次")
def PERF_PARSE(text, part=None):
    """拆解指标值文字，返回其中的数值、运算符、单位或类型。"""
    return render(fx.perf_parse(text, part))
