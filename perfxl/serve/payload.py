"""Check what the Office.js add-in posts before xlwings sees it: shape, types and size.

A malformed or oversized body must get a 4xx with a message finance staff and admins can act
on, never a 500 from deep inside `xw.Book(json=...)`. Pure Python over parsed JSON: no xlwings,
no web framework, so the rules are tested in milliseconds and reused by any server.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from typing import Any

# the one Limits (files and requests: `serve_max_cells` here), importable from this module as before lean28
from perfxl.limits import Limits
from perfxl.records import record

__all__ = [
    "Limits",
    "PayloadProblem",
    "FunctionSpec",
    "check_script_payload",
    "check_function_payload",
]

#: Excel's own limit on the characters of one cell.
EXCEL_MAX_CELL_CHARS = 32_767
#: The largest number a cell can hold (Excel specifications and limits: 9.99999999999999E+307).
EXCEL_MAX_NUMBER = 9.99999999999999e307
_SCALARS = (str, int, float, bool, type(None))
#: The limits when none are given (Limits is frozen, so one instance serves every check and guard).
DEFAULT_LIMITS = Limits()


@record(frozen=True, slots=True)
class PayloadProblem:
    """Why a request is refused: HTTP status, zh message for the user, en message for the log."""

    status: int
    message: str
    message_en: str
    code: str = "BAD_PAYLOAD"

    def body(self) -> dict[str, str]:
        """JSON body; the add-in shows `detail` (FastAPI's convention) to the user."""
        return {
            "detail": f"{self.message}（{self.message_en}）",
            "code": self.code,
            "message": self.message,
            "message_en": self.message_en,
        }


@record(frozen=True, slots=True)
class FunctionSpec:
    """What a custom function accepts: its Excel name and how many arguments."""

    name: str
    n_params: int
    n_required: int
    vararg: bool = False
    param_names: tuple[str, ...] = field(default=())


def _bad(message: str, message_en: str, *, status: int = 400, code: str = "BAD_PAYLOAD") -> PayloadProblem:
    return PayloadProblem(status, message, message_en, code)


def _bad_values(message: str, message_en: str) -> PayloadProblem:
    """BAD_VALUES (422): a sheet's or an argument's values are not what a book carries."""
    return _bad(message, message_en, status=422, code="BAD_VALUES")


def _type_zh(value: Any) -> str:
    return {dict: "对象", list: "数组", str: "文本", bool: "布尔值", int: "数字", float: "数字"}.get(
        type(value), type(value).__name__
    )


def _is_cell_value_object(v: Any) -> bool:
    """An Excel cell-value object a custom function receives (`allowCustomDataForDataTypeAny` /
    `allowErrorForDataTypeAny` in the metadata): an error cell `{"type": "Error", "basicValue": "#DIV/0!"}`,
    a formatted number `{"type": "FormattedNumber", "basicValue": 45291}`, ... — xlwings reads `basicValue`."""
    return (
        isinstance(v, dict)
        and isinstance(v.get("type"), str)
        and "basicValue" in v
        and isinstance(v["basicValue"], _SCALARS)
    )


def _check_matrix(
    values: Any,
    where_zh: str,
    where_en: str,
    limits: Limits,
    budget: list[int],
    *,
    cell_objects: bool = False,
    rectangular: bool = False,
) -> PayloadProblem | None:
    """A 2-D list of scalars within the cell budget (budget[0] = cells still allowed).

    `cell_objects` also admits Excel's cell-value objects (custom-function arguments); `rectangular`
    asks for a non-empty matrix with rows of equal length (what Excel passes for a range).
    """
    if not isinstance(values, list) or any(not isinstance(row, list) for row in values):
        return _bad_values(
            f"{where_zh}的值必须是二维数组（行的列表），收到的是{_type_zh(values)}",
            f"{where_en}: values must be a list of rows",
        )
    if rectangular and (not values or not values[0] or any(len(row) != len(values[0]) for row in values)):
        return _bad_values(
            f"{where_zh}的值必须是非空、各行长度相同的二维数组",
            f"{where_en}: values must be a non-empty rectangle",
        )
    for r, row in enumerate(values, 1):
        budget[0] -= len(row)
        if budget[0] < 0:
            return _bad(
                f"数据太大：单元格总数超过上限 {limits.serve_max_cells:,}（可用 PERFXL_SERVE_MAX_CELLS 或 --max-cells 调整）",
                f"too many cells: more than {limits.serve_max_cells} in one request",
                status=413,
                code="TOO_MANY_CELLS",
            )
        for c, v in enumerate(row, 1):
            if cell_objects and isinstance(v, dict):
                if not _is_cell_value_object(v):
                    return _bad_values(
                        f"{where_zh}第 {r} 行第 {c} 列的值对象无法识别（应含“type”和简单的“basicValue”）",
                        f"{where_en} row {r} column {c}: a cell-value object needs 'type' and a plain 'basicValue'",
                    )
                v = v["basicValue"]
            if not isinstance(v, _SCALARS):
                return _bad_values(
                    f"{where_zh}第 {r} 行第 {c} 列的值类型不支持（{_type_zh(v)}），只能是文本、数字、布尔值或空",
                    f"{where_en} row {r} column {c}: unsupported value type {type(v).__name__}",
                )
            if isinstance(v, (int, float)) and not isinstance(v, bool) and not abs(v) <= EXCEL_MAX_NUMBER:
                return _bad_values(
                    f"{where_zh}第 {r} 行第 {c} 列的数值超出 Excel 单元格能存放的范围（±9.99999999999999E+307）",
                    f"{where_en} row {r} column {c}: number beyond Excel's range",
                )
            if isinstance(v, str) and len(v) > EXCEL_MAX_CELL_CHARS:
                return _bad_values(
                    f"{where_zh}第 {r} 行第 {c} 列的文字超过 Excel 单元格上限 {EXCEL_MAX_CELL_CHARS} 个字符",
                    f"{where_en} row {r} column {c}: text longer than {EXCEL_MAX_CELL_CHARS} characters",
                )
    return None


def check_script_payload(
    data: Any, limits: Limits = DEFAULT_LIMITS, *, max_args: int | None = None
) -> PayloadProblem | None:
    """The workbook a ribbon button sends (`xw.Book(json=...)`): None if usable, else the problem.

    `max_args` is how many `args` the script takes (None: not checked).
    """
    if not isinstance(data, dict):
        return _bad(f"请求内容必须是 JSON 对象，收到的是{_type_zh(data)}", "body must be a JSON object")
    for key in ("client", "version"):
        if not isinstance(data.get(key), str):
            return _bad(
                f"缺少“{key}”字段（应为文本），请从 Excel 加载项发送请求",
                f"missing or non-text '{key}'",
                code="MISSING_BOOK",
            )
    book = data.get("book")
    if not isinstance(book, dict):
        return _bad(
            "缺少工作簿数据“book”，请从 Excel 加载项发送请求", "missing book data ('book' object)", code="MISSING_BOOK"
        )
    if not isinstance(book.get("name"), str):
        return _bad("工作簿数据缺少名称“book.name”", "missing 'book.name'", code="MISSING_BOOK")
    sheets = data.get("sheets")
    if not isinstance(sheets, list) or not sheets:
        return _bad(
            "缺少工作表数据“sheets”（至少一个工作表）",
            "missing book data: 'sheets' must be a non-empty list",
            code="MISSING_BOOK",
        )
    index = book.get("active_sheet_index", 0)
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(sheets):
        return _bad_values(
            f"“book.active_sheet_index”应为 0 到 {len(sheets) - 1} 之间的整数",
            "bad 'book.active_sheet_index'",
        )
    if "selection" in book and not isinstance(book["selection"], (str, type(None))):
        return _bad_values("“book.selection”应为单元格地址文本", "'book.selection' must be text")
    names = data.get("names", [])
    if not isinstance(names, list) or any(not isinstance(n, dict) or not isinstance(n.get("name"), str) for n in names):
        return _bad_values(
            "“names”（工作簿中的名称）应为数组，每项带名称文本",
            "'names' must be a list of objects with a text 'name'",
        )
    if "args" in data and not isinstance(data["args"], list):
        return _bad_values("“args”应为数组", "'args' must be a list")
    if max_args is not None and len(data.get("args") or []) > max_args:
        return _bad(
            f"该脚本最多接受 {max_args} 个参数，收到 {len(data['args'])} 个",
            f"the script takes at most {max_args} args, got {len(data['args'])}",
            status=422,
            code="BAD_ARGS",
        )
    budget = [limits.serve_max_cells]
    seen: set[str] = set()
    for i, sheet in enumerate(sheets, 1):
        if not isinstance(sheet, dict) or not isinstance(sheet.get("name"), str) or not sheet["name"]:
            return _bad(f"第 {i} 个工作表缺少名称", f"sheet {i}: missing 'name'", code="MISSING_BOOK")
        name = sheet["name"]
        if name.casefold() in seen:
            return _bad_values(f"工作表名称重复：{name}", f"duplicate sheet name {name!r}")
        seen.add(name.casefold())
        if "values" not in sheet:
            return _bad(
                f"工作表“{name}”缺少单元格数据“values”", f"sheet {name!r}: missing 'values'", code="MISSING_BOOK"
            )
        problem = _check_matrix(sheet["values"], f"工作表“{name}”", f"sheet {name!r}", limits, budget)
        if problem:
            return problem
        for key in ("notes", "tables", "pictures", "shapes", "charts"):
            if key in sheet and not isinstance(sheet[key], list):
                return _bad_values(
                    f"工作表“{name}”的“{key}”应为数组",
                    f"sheet {name!r}: '{key}' must be a list",
                )
        for note in sheet.get("notes", []):
            if not isinstance(note, dict) or not isinstance(note.get("address"), str):
                return _bad_values(
                    f"工作表“{name}”的批注缺少地址",
                    f"sheet {name!r}: note without 'address'",
                )
    return None


def check_function_payload(
    data: Any, functions: Mapping[str, FunctionSpec], limits: Limits = DEFAULT_LIMITS
) -> PayloadProblem | None:
    """A worksheet-function call (`/xlwings/custom-functions-call`): None if usable, else the problem.

    The shape is what xlwings Server's custom-functions-code.js posts: `client`, `version`,
    `runtime` text; `func_name`; `args` with one entry per declared parameter, each a 2-D array of
    cells or null (an omitted optional argument); optional text `caller_address`, `date_format`,
    `culture_info_name`, `session_id`, `task_key`.
    """
    if not isinstance(data, dict):
        return _bad(f"请求内容必须是 JSON 对象，收到的是{_type_zh(data)}", "body must be a JSON object")
    for key in ("client", "version"):
        if not isinstance(data.get(key), str):
            return _bad(f"缺少“{key}”字段（应为文本）", f"missing or non-text '{key}'", code="MISSING_FIELD")
    name = data.get("func_name")
    if not isinstance(name, str) or not name:
        return _bad("缺少函数名“func_name”", "missing 'func_name'", code="MISSING_FIELD")
    spec = functions.get(name) or functions.get(name.upper())
    if spec is None:
        known = "、".join(sorted(functions))
        return _bad(
            f"没有名为 {name[:60]} 的函数（可用：{known}）",
            f"unknown function {name[:60]!r}",
            status=404,
            code="UNKNOWN_FUNCTION",
        )
    args = data.get("args")
    if not isinstance(args, list):
        return _bad(f"{spec.name} 的参数“args”应为数组", "'args' must be a list", code="MISSING_FIELD")
    if len(args) < spec.n_required or (not spec.vararg and len(args) > spec.n_params):
        expected = str(spec.n_params) if spec.n_required == spec.n_params else f"{spec.n_required}–{spec.n_params}"
        return _bad(
            f"{spec.name} 需要 {expected} 个参数，收到 {len(args)} 个",
            f"{spec.name} takes {expected} arguments, got {len(args)}",
            status=422,
            code="BAD_ARGS",
        )
    runtime = data.get("runtime")
    if not isinstance(runtime, str) or not runtime:
        return _bad(
            "缺少“runtime”字段（Excel 自定义函数运行时版本，应为文本，如 1.4），请从 Excel 加载项发送请求",
            "missing or non-text 'runtime'",
            code="MISSING_FIELD",
        )
    for key, zh in (
        ("caller_address", "单元格地址文本"),
        ("date_format", "日期格式文本"),
        ("culture_info_name", "区域设置名称文本"),
        ("session_id", "会话标识文本"),
        ("task_key", "任务标识文本"),
    ):
        if data.get(key) is not None and not isinstance(data[key], str):
            return _bad_values(
                f"“{key}”应为{zh}，收到的是{_type_zh(data[key])}",
                f"'{key}' must be text",
            )
    budget = [limits.serve_max_cells]
    for i, arg in enumerate(args, 1):
        if arg is None:  # Excel passes null for an omitted optional argument (and a blank one)
            continue
        is_vararg = spec.vararg and i >= spec.n_params  # the last parameter collects several ranges
        for matrix in arg if is_vararg and isinstance(arg, list) else [arg]:
            if matrix is None:
                continue
            problem = _check_matrix(
                matrix,
                f"{spec.name} 的第 {i} 个参数",
                f"{spec.name} argument {i}",
                limits,
                budget,
                cell_objects=True,
                rectangular=True,
            )
            if problem:
                return problem
    return None
