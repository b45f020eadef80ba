"""perfxl for xlwings Lite (Python inside Excel via Pyodide; no server, no local Python).

Paste this file into xlwings Lite's main.py editor and requirements.txt into its requirements tab.
It only imports perfxl's own decorated functions and scripts; xlwings Lite registers every
decorated function it finds in this module: the PERF_* worksheet functions, and the scripts
校验 / 复核得分 / 清除标记 (their `name=`) in the task pane's script list.
"""
from perfxl.excel.scripts import perfxl_clear, perfxl_score, perfxl_validate  # noqa: F401
from perfxl.excel.udfs import (  # noqa: F401
    PERF_CHANGE_RATE,
    PERF_CONTROL_RATE,
    PERF_EXEC_SCORE,
    PERF_EXPLAIN,
    PERF_GRADE,
    PERF_PARSE,
    PERF_RATE,
    PERF_SCORE,
)

__all__ = [
    "PERF_SCORE", "PERF_EXPLAIN", "PERF_RATE", "PERF_EXEC_SCORE", "PERF_CONTROL_RATE", "PERF_CHANGE_RATE",
    "PERF_GRADE", "PERF_PARSE", "perfxl_validate", "perfxl_score", "perfxl_clear",
]
