"""perfxl's 校验 / 复核得分 / 清除标记 macros for xlwings Server: imported from perfxl, never copied.

The attribute names are the script names the add-in posts to
`/xlwings/custom-scripts-call/{name}`: validate, score, clear (see static/js/main.js).
"""
from perfxl.excel.scripts import perfxl_clear as clear
from perfxl.excel.scripts import perfxl_score as score
from perfxl.excel.scripts import perfxl_validate as validate

__all__ = ["validate", "score", "clear"]
