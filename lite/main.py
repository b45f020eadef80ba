"""perfxl for xlwings Lite (Python inside Excel via Pyodide; no server, no local Python).

Paste this file into xlwings Lite's main.py editor and requirements.txt into its requirements tab.
It only imports perfxl's own decorated functions and scripts; xlwings Lite registers every
decorated function it finds in this module: the PERF_* worksheet functions, and the scripts
校验 / 复核得分 / 清除标记 (their `name=`) in the task pane's script list.
"""
from perfxl.excel import udfs as _udfs
from perfxl.excel.scripts import perfxl_clear, perfxl_score, perfxl_validate
from perfxl.excel.udfs import *  # noqa: F401,F403  (the decorated PERF_* functions, by design)

__all__ = [*_udfs.__all__, "perfxl_validate", "perfxl_score", "perfxl_clear"]
