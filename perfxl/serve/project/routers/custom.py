"""The zh help pages, served by the add-in server itself (no internet needed).

The function and rule lists are rendered from perfxl's own metadata — the decorators the add-in
serves and the check catalogue `perfxl validate` runs — so the help never drifts from the code.
"""
from __future__ import annotations

import custom_functions
import xlwings.server
from fastapi import APIRouter, Request
from xlwings_server.config import settings
from xlwings_server.templates import TemplateResponse

from perfxl.model import SEVERITY_ZH
from perfxl.rules import implemented_specs

router = APIRouter(prefix=settings.app_path)


def _functions() -> list[dict]:
    meta = xlwings.server.custom_functions_meta(custom_functions)["functions"]
    return sorted(meta, key=lambda f: f["name"])


def _rules() -> list[dict]:
    return [
        {"code": s.code, "severity": SEVERITY_ZH[s.severity],
         "title": s.title_zh, "source": s.source}
        for s in implemented_specs()
    ]


@router.get("/help")
async def help_index(request: Request):
    """使用说明: buttons, task pane, functions, and what perfxl never changes."""
    return TemplateResponse(request=request, name="help/index.html", context={"functions": _functions()})


@router.get("/help/functions")
async def help_functions(request: Request):
    """PERF_* 函数: one entry per served function with its argument help."""
    return TemplateResponse(request=request, name="help/functions.html", context={"functions": _functions()})


@router.get("/help/rules")
async def help_rules(request: Request):
    """校验规则: the finding codes 校验 can report, with the regulation each implements."""
    return TemplateResponse(request=request, name="help/rules.html", context={"rules": _rules()})
