"""The 校验 / 复核得分 / 清除标记 macros as xlwings Server / xlwings Lite scripts (Office.js).

The add-in's ribbon buttons (manifest `ExecuteFunction`) call these by their Python names; the
runtime passes the workbook as `book`. Each ends with the same one-line message box as the
classic RunPython buttons. Import this module only where the Office.js decorators are active
(XLWINGS_ON_SERVER=true or Pyodide); on classic Windows the workbook's VBA calls `macros.run_*`.
"""

from __future__ import annotations

import xlwings as xw

from . import macros

__all__ = ["perfxl_validate", "perfxl_score", "perfxl_clear"]


@xw.script(name="校验")
def perfxl_validate(book: xw.Book):
    """校验：标出有问题的单元格并写入“校验结果”工作表。"""
    macros.run_and_alert(book, macros.validate)


@xw.script(name="复核得分")
def perfxl_score(book: xw.Book):
    """复核得分：在 perfxl复核得分 列写入重新计算的得分。"""
    macros.run_and_alert(book, macros.score)


@xw.script(name="清除标记")
def perfxl_clear(book: xw.Book):
    """清除标记：去掉校验留下的底色、批注和“校验结果”工作表。"""
    macros.run_and_alert(book, macros.clear)
