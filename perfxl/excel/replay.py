"""Replay the actions an xlwings remote `Book` recorded (`book.json()["actions"]`) without Excel.

Two targets: an openpyxl workbook (so a macro's visible result can be saved as an .xlsx copy and
compared with the CLI's annotated copy) and the Office.js payload itself (so a second macro run
sees what Excel would send after the first). Only the actions perfxl's macros use are known;
any other raises, so a test notices when a macro starts doing something new.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook

from perfxl.model import column_index

__all__ = ["replay_openpyxl", "replay_payload", "PayloadState", "payload_from_file"]

_ADDR = re.compile(r"^\$?([A-Z]+)\$?(\d+)$")


def _rc(address: str) -> tuple[int, int]:
    """ "$B$2" → (2, 2), 1-based."""
    m = _ADDR.match(address.split("!")[-1].upper())
    if not m:
        raise ValueError(f"not a cell address: {address!r}")
    return int(m.group(2)), column_index(m.group(1))


#: Actions that name no sheet; every other one carries a sheet_position.
_SHEETLESS = frozenset({"addSheet", "activateSheet", "alert"})


def _position(action: dict) -> int | None:
    """The action's sheet_position; ValueError when an action that works on a sheet has none."""
    pos = action.get("sheet_position")
    if pos is None and action["func"] not in _SHEETLESS:
        raise ValueError(f"replay: {action['func']!r} without a sheet_position")
    return pos


def _cells(action: dict) -> list[tuple[int, int]]:
    r0, c0 = action["start_row"], action["start_column"]
    return [(r0 + i + 1, c0 + j + 1) for i in range(action["row_count"]) for j in range(action["column_count"])]


def replay_openpyxl(wb, actions: list[dict]) -> list[str]:
    """Apply the actions to an openpyxl Workbook in order; return the alert messages."""
    # lazy: openpyxl (~200 ms) only when marks are replayed into a copy
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill

    alerts: list[str] = []
    for a in actions:
        func, args = a["func"], a["args"]
        pos = _position(a)
        ws: Any = wb.worksheets[pos] if pos is not None else None  # None only for the sheetless actions
        if func == "setValues":
            for i, row in enumerate(a["values"]):
                for j, v in enumerate(row):
                    cell = ws.cell(row=a["start_row"] + i + 1, column=a["start_column"] + j + 1)
                    if isinstance(v, str) and v.startswith("'"):
                        cell.value = v[1:]
                        cell.data_type = "s"
                    else:
                        cell.value = None if v == "" else v
        elif func == "setRangeColor":
            colour = args[0]
            fill = (
                PatternFill(fill_type=None)
                if colour is None
                else PatternFill(
                    fill_type="solid", start_color=colour.lstrip("#").upper(), end_color=colour.lstrip("#").upper()
                )
            )
            for r, c in _cells(a):
                ws.cell(row=r, column=c).fill = fill
        elif func == "addNote":
            r, c = _rc(args[0])
            ws.cell(row=r, column=c).comment = Comment(args[1], "perfxl")
        elif func == "deleteNote":
            r, c = _rc(args[0])
            ws.cell(row=r, column=c).comment = None
        elif func == "addSheet":
            wb.create_sheet(args[1], index=args[0])
        elif func == "sheetDelete":
            wb.remove(ws)
        elif func == "setFontProperty":
            for r, c in _cells(a):
                cell = ws.cell(row=r, column=c)
                cell.font = Font(**{"bold": cell.font.bold, args[0]: args[1]})
        elif func == "rangeClearContents":
            for r, c in _cells(a):
                ws.cell(row=r, column=c).value = None
        elif func == "activateSheet":
            wb.active = args[0]
        elif func == "alert":
            alerts.append(args[0])
        else:
            raise NotImplementedError(f"replay: unknown action {func!r}")
    return alerts


class PayloadState:
    """An Office.js payload plus what it cannot carry (fills and note texts), kept in step by replay."""

    def __init__(self, payload: dict[str, Any]) -> None:
        self.payload = copy.deepcopy(payload)
        self.fills: dict[tuple[str, int, int], str] = {}
        self.notes: dict[tuple[str, int, int], str] = {}

    def sheet(self, position: int) -> dict[str, Any]:
        return self.payload["sheets"][position]

    def snapshot(self) -> tuple:
        """Everything visible: sheet names and values, fills, notes (for idempotency checks)."""
        sheets = tuple(
            (s["name"], tuple(tuple(_blank(v) for v in row) for row in _trim(s["values"])))
            for s in self.payload["sheets"]
        )
        return sheets, tuple(sorted(self.fills.items())), tuple(sorted(self.notes.items()))


def _blank(v: Any) -> Any:
    return "" if v is None else v


def _trim(values: list[list[Any]]) -> list[list[Any]]:
    rows = [list(r) for r in values]
    while rows and all(_blank(v) == "" for v in rows[-1]):
        rows.pop()
    width = max((max((j + 1 for j, v in enumerate(r) if _blank(v) != ""), default=0) for r in rows), default=0)
    return [r[:width] + [""] * (width - len(r[:width])) for r in rows]


def _put(values: list[list[Any]], r: int, c: int, v: Any) -> None:
    while len(values) < r:
        values.append([])
    row = values[r - 1]
    while len(row) < c:
        row.append("")
    row[c - 1] = "" if v is None else v


def replay_payload(state: PayloadState, actions: list[dict]) -> list[str]:
    """Apply the actions to the payload as Excel would report the book afterwards; return alerts."""
    alerts: list[str] = []
    for a in actions:
        func, args = a["func"], a["args"]
        pos = _position(a)
        sheet = state.sheet(pos) if pos is not None else {}  # {} only for the sheetless actions
        name: str = sheet.get("name", "")
        if func == "setValues":
            for i, row in enumerate(a["values"]):
                for j, v in enumerate(row):
                    if isinstance(v, str) and v.startswith("'"):
                        v = v[1:]
                    _put(sheet["values"], a["start_row"] + i + 1, a["start_column"] + j + 1, v)
        elif func == "setRangeColor":
            for r, c in _cells(a):
                if args[0] is None:
                    state.fills.pop((name, r, c), None)
                else:
                    state.fills[(name, r, c)] = args[0].lstrip("#").upper()
        elif func == "addNote":
            r, c = _rc(args[0])
            if (name, r, c) in state.notes:
                raise ValueError(f"Excel refuses a second note on {name}!{args[0]}")
            state.notes[(name, r, c)] = args[1]
            sheet["notes"].append({"address": args[0].replace("$", "")})
        elif func == "deleteNote":
            r, c = _rc(args[0])
            state.notes.pop((name, r, c), None)
            sheet["notes"] = [n for n in sheet["notes"] if _rc(n["address"]) != (r, c)]
        elif func == "addSheet":
            state.payload["sheets"].insert(
                args[0],
                {
                    "name": args[1],
                    "visibility": "Visible",
                    "values": [[]],
                    "notes": [],
                    "notes_supported": True,
                    "tables": [],
                    "pictures": [],
                    "shapes": [],
                    "charts": [],
                },
            )
        elif func == "sheetDelete":
            state.payload["sheets"].pop(pos)
            for key in [k for k in state.fills if k[0] == name]:
                del state.fills[key]
            for key in [k for k in state.notes if k[0] == name]:
                del state.notes[key]
        elif func == "rangeClearContents":
            for r, c in _cells(a):
                if r <= len(sheet["values"]) and c <= len(sheet["values"][r - 1]):
                    sheet["values"][r - 1][c - 1] = ""
        elif func in ("setFontProperty", "activateSheet"):
            pass
        elif func == "alert":
            alerts.append(args[0])
        else:
            raise NotImplementedError(f"replay: unknown action {func!r}")
    return alerts


def payload_from_file(path: str, *, notes: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """The Office.js payload the add-in would send for a workbook file (values only, "" for empty).

    `notes` lists cells that already hold a note, per sheet (Office.js sends their addresses).
    """
    # lazy: xlwings (the `excel` extra, may be absent; ~1.4 s cold with pandas/numpy) only inside Excel
    import xlwings

    def cell(v: Any) -> Any:
        if isinstance(v, (dt.date, dt.datetime, dt.time)):
            return v.isoformat()
        return v

    wb = CalamineWorkbook.from_path(str(path))
    sheets = []
    for name in wb.sheet_names:
        rows = wb.get_sheet_by_name(name).to_python()
        sheets.append(
            {
                "name": name,
                "visibility": "Visible",
                "values": [[cell(v) for v in r] for r in rows] or [[]],
                "notes": [{"address": a} for a in (notes or {}).get(name, [])],
                "notes_supported": True,
                "tables": [],
                "pictures": [],
                "shapes": [],
                "charts": [],
            }
        )
    return {
        "client": "Office.js",
        "version": xlwings.__version__,
        "book": {"name": Path(path).name, "active_sheet_index": 0, "selection": "A1"},
        "names": [],
        "sheets": sheets,
    }
