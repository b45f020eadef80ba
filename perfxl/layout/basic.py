"""部门整体支出绩效评价基础数据表 (Hunan department-wide basic data table) → BasicData.

Sections are found by their labels: 财政供养人员情况 (编制数 | 实际在职人数 | 控制率), 经费控制情况
(上年决算数 | 本年预算数 | 本年决算数 rows with canonical keys), 楼堂馆所控制情况, 厉行节约保障措施.
Money is in 元 unless a note in the table says otherwise.
"""

from __future__ import annotations

import dataclasses
import re

from ..grid import Grid
from ..model import AmountRow, BasicData, BuildingControl, CellValue, Finding, Severity, Staffing
from . import headers as H
from .cells import empty_at, first_right, is_number, own, own_cell, row_cells, row_labels, value_at
from .detect import RowKind, columns_by_role
from .findings import unmapped_row

__all__ = ["read_basic", "amount_columns"]

_UNIT_NOTE = re.compile(r"^[(\[].*[)\]]$")
_SUBROW = re.compile(r"^(?:其中|[0-9]{1,2}(?![0-9年])|\(\d+\))")


def amount_columns(grid: Grid, r: int) -> tuple[dict[str, int], tuple[str, str, str]] | None:
    """(role → col, header texts) for a 上年决算数 | 本年预算数 | 本年决算数 header row, or None."""
    finals: list[tuple[int, str]] = []
    budgets: list[tuple[int, str]] = []
    for c, v in row_cells(grid, r):
        if not isinstance(v, str):
            continue
        label = H.strip_brackets(H.normalise_label(v))
        if label.endswith(("决算数", "决算")):
            finals.append((c, v.strip()))
        elif label.endswith(("预算数", "预算")):
            budgets.append((c, v.strip()))
    if not finals or not budgets:
        return None
    cols: dict[str, int] = {}
    prev = [f for f in finals if "上年" in f[1]]
    this = [f for f in finals if "本年" in f[1]]
    if prev and this:
        cols["prev_final"], cols["final"] = prev[0][0], this[0][0]
    elif len(finals) >= 2:
        cols["prev_final"], cols["final"] = finals[0][0], finals[-1][0]
    else:
        cols["final"] = finals[0][0]
    # 年初预算数 | 全年预算数 | 全年决算数: the 决算 is held to the full-year (adjusted) budget
    adjusted = [b for b in budgets if "全年" in b[1] or "调整" in b[1]]
    cols["budget"] = (adjusted or budgets)[0][0]
    texts = dict(finals + budgets)

    def year(role: str) -> str:
        return texts.get(cols.get(role, -1), "")

    return cols, (year("prev_final"), year("budget"), year("final"))


class _BasicReader:
    def __init__(self, grid: Grid, kinds: list[RowKind]) -> None:
        self.grid = grid
        self.kinds = kinds
        self.problems: list[Finding] = []
        self.unit: str | None = None
        self.years = ("", "", "")
        self.staffing: Staffing | None = None
        self.rows: list[AmountRow] = []
        self.buildings: list[BuildingControl] = []
        self.frugality: CellValue | None = None
        self.section = "pre"
        self.cols: dict[str, int] = {}
        self.top = ""  # key of the current top-level amount row (for free-form children)
        self.staff_by_row: dict[str, CellValue] = {}  # 编制数 | 45 as rows
        self.notes: list[CellValue] = []  # 注 rows: what they say about a row makes its sums a judgement
        self.procurement_label: CellValue | None = None
        self.procurement_rate: CellValue | None = None

    def run(self, rows: range) -> BasicData:
        g = self.grid
        for r in rows:
            cells = row_cells(g, r)
            if not cells:
                continue
            first_label = H.normalise_label(cells[0][1]) if isinstance(cells[0][1], str) else ""
            section = next((k for k, syn in H.BASIC_SECTIONS.items() if H.strip_brackets(first_label) in syn), None)
            if self._maybe_header(r):
                staffing_cols = _prefer_in_post(g, r, columns_by_role(g, r, H.STAFFING_COLUMNS))
                amounts = amount_columns(g, r)
                building_cols = columns_by_role(g, r, H.BUILDING_COLUMNS)
            else:
                staffing_cols, amounts, building_cols = {}, None, {}
            if self.kinds[r] is RowKind.TITLE_BASIC:
                continue
            if section == "frugality" or (section is None and first_label.startswith("厉行节约")):
                nxt = first_right(g, r, cells[0][0])
                self.frugality = value_at(g, r, nxt[0]) if nxt else empty_at(g, r, cells[0][0] + 1)
                self.section = "after"
                continue
            if len(staffing_cols) >= 2:
                self.section, self.cols = "staffing", staffing_cols
                continue
            if amounts is not None:
                self.section, (self.cols, self.years) = "amounts", amounts
                self._note_unit(r)
                continue
            if len(building_cols) >= 2:
                self.section, self.cols = "buildings", building_cols
                continue
            if section == "procurement" or (self.section == "procurement" and not self.cols):
                procurement_cols = columns_by_role(g, r, H.PROCUREMENT_COLUMNS)
                if len(procurement_cols) >= 2:  # 政府采购情况 │ 政府采购预算数 │ 实际政府采购金额 │ 政府采购执行率
                    self.section, self.cols = "procurement", procurement_cols
                    self.procurement_label = value_at(g, r, cells[0][0])
                    continue
            if section is not None and (len(cells) == 1 or all(isinstance(v, str) for _, v in cells)):
                self.section, self.cols = section, {}  # "财政供养人员情况" (| "人数"): the section's label row
                continue
            staff_role = H.match_role(H.strip_brackets(first_label), H.STAFFING_COLUMNS) if first_label else None
            if staff_role is None and "在职" in first_label and "actual" in self.staff_by_row:
                staff_role = "actual"  # 年末实有人数 | 60, 其中：在职人员 | 42: the 在职 row (see _prefer_in_post)
            if staff_role and len(cells) == 2 and self.section in ("pre", "staffing") and not self.cols:
                # 编制数 | 45, 实际在职人数 | 42, 控制率 | 93.33% written down the sheet, one figure a row
                self.section = "staffing"
                self.staff_by_row[staff_role] = value_at(g, r, cells[1][0])
                continue
            if self.kinds[r] is RowKind.NOTE:
                self.section = "after"
                self.notes.append(value_at(g, r, cells[0][0]))
                continue
            if self.section == "pre" and self._note_unit(r):
                continue
            if self.section in ("staffing", "amounts", "buildings") and not self.cols:
                self._unmapped(r, cells, Severity.WARNING)  # a section label without its column headers
            elif self.section == "staffing":
                self._staffing_row(r)
            elif self.section == "amounts":
                self._amount_row(r, cells)
            elif self.section == "buildings":
                self._building_row(r)
            elif self.section == "procurement" and self.cols:
                self._procurement_row(r, cells)
            else:
                self._unmapped(r, cells, Severity.INFO)
        if self.staffing is None and len(self.staff_by_row) >= 2:
            blank = CellValue(None, None)
            by_row = self.staff_by_row
            self.staffing = Staffing(
                by_row.get("establishment", blank), by_row.get("actual", blank), by_row.get("control_rate", blank)
            )
        return BasicData(
            self.grid.name,
            self.unit or H.unit_above(self.grid) or "元",
            self.years,
            self.staffing,
            tuple(self.rows),
            tuple(self.buildings),
            self.frugality,
            tuple(self.notes),
            self.procurement_rate,
            unit_above=self.grid.unit_above if not self.unit and H.unit_above(self.grid) else "",
            unit_assumed=not (self.unit or H.unit_above(self.grid)),
            year_above=self.grid.year_above,
        )

    def _maybe_header(self, r: int) -> bool:
        """Cheap test: does row r hold at least two header-like labels (known ones, or ...决算数/...预算数)?"""
        hits = 0
        for _, label in row_labels(self.grid, r):
            bare = H.strip_brackets(label)
            if H.is_known_label(label) or bare.endswith(("决算数", "预算数", "决算", "预算")):
                hits += 1
        return hits >= 2

    def _note_unit(self, r: int) -> bool:
        for _, v in row_cells(self.grid, r):
            unit = H.money_unit_in(v)
            if unit:
                self.unit = unit
                return True
        return False

    def _cell(self, r: int, key: str) -> CellValue:
        c = self.cols.get(key)
        if c is None:
            return CellValue(None, None)
        return own_cell(self.grid, r, c)

    def _staffing_row(self, r: int) -> None:
        if self.staffing is not None or all(own(self.grid, r, c) is None for c in self.cols.values()):
            self._unmapped(r, row_cells(self.grid, r), Severity.WARNING)
            return
        self.staffing = Staffing(self._cell(r, "establishment"), self._cell(r, "actual"), self._cell(r, "control_rate"))

    def _amount_row(self, r: int, cells: list) -> None:
        first_amount = min(self.cols.values())
        labels = [(c, v) for c, v in cells if c < first_amount and isinstance(v, str)]
        numbers = [own(self.grid, r, c) for c in self.cols.values()]
        if not labels:
            if any(v is not None for v in numbers):
                self._unmapped(r, cells, Severity.WARNING)
            return
        c, text = labels[-1]
        label = H.normalise_label(text)
        key = H.match_role(label, H.BASIC_ROWS) or ""
        if key:
            parent = H.BASIC_PARENTS.get(key, "")
            if not parent:
                self.top = key
        else:
            indented = text != text.lstrip() or bool(_SUBROW.match(label))
            parent = self.top if (self.top == "special_funds" or (self.top and indented)) else ""
            if parent != "special_funds":
                self.problems.append(
                    Finding(
                        "LAYOUT_UNKNOWN_LABEL" if parent else "LAYOUT_UNMAPPED_ROW",
                        Severity.INFO if parent else Severity.WARNING,
                        self.grid.ref(r, c),
                        f"基础数据表中的行“{text.strip()}”不是标准行名称，已原样读入。",
                        f"Basic-data row '{text.strip()}' is not a standard row; read as written.",
                        actual=text.strip(),
                    )
                )
        self.rows.append(
            AmountRow(
                key,
                value_at(self.grid, r, c),
                self._cell(r, "prev_final"),
                self._cell(r, "budget"),
                self._cell(r, "final"),
                parent,
            )
        )

    def _procurement_row(self, r: int, cells: list) -> None:
        """The figures under a 政府采购情况 header: the "procurement" row (budget │ actual) and its printed rate —
        unless the 经费 rows already gave one (one figure, one place)."""
        if all(own(self.grid, r, c) is None for c in self.cols.values()) or any(
            row.key == "procurement" for row in self.rows
        ):
            self._unmapped(r, cells, Severity.INFO)
            return
        label = self.procurement_label or CellValue("政府采购", None)
        self.rows.append(
            AmountRow("procurement", label, CellValue(None, None), self._cell(r, "budget"), self._cell(r, "final"), "")
        )
        if "rate" in self.cols:
            self.procurement_rate = self._cell(r, "rate")
        self.section = "after"

    def _building_row(self, r: int) -> None:
        values = [own(self.grid, r, c) for c in self.cols.values()]
        present = [v for v in values if v is not None]
        if not present:
            return
        if all(isinstance(v, str) and _UNIT_NOTE.match(H.normalise_label(v)) for v in present) or not any(
            is_number(v) or (isinstance(v, str) and re.search(r"\d", v)) for v in present
        ):
            extra = [
                (c, v)
                for c, v in row_cells(self.grid, r)
                if not (isinstance(v, str) and _UNIT_NOTE.match(H.normalise_label(v)))
            ]
            if extra and any(not H.is_placeholder_text(v) for _, v in extra):
                self._unmapped(r, extra, Severity.INFO)
            return
        self.buildings.append(BuildingControl(*(self._cell(r, f.name) for f in dataclasses.fields(BuildingControl))))

    def _unmapped(self, r: int, cells: list, severity: Severity) -> None:
        if cells:
            self.problems.append(unmapped_row(self.grid, r, cells, severity, "基础数据表"))


def read_basic(grid: Grid, rows: range, kinds: list[RowKind]) -> tuple[BasicData, list[Finding]]:
    """The 基础数据表 in `rows` of the grid, and the findings about it."""
    reader = _BasicReader(grid, kinds)
    data = reader.run(rows)
    return data, reader.problems


def _prefer_in_post(grid: Grid, r: int, cols: dict[str, int]) -> dict[str, int]:
    """The 在职 column when a header prints 年末实有人数 beside "其中：在职人员" (部门决算: 实有 = 在职 + 离退休): the
    实有 count includes the retired, so it is no 在职人数 (review round 15)."""
    at = cols.get("actual")
    if at is None:
        return cols
    labels = dict(row_labels(grid, r))
    if "在职" in H.normalise_label(labels.get(at, "")):
        return cols
    in_post = [c for c, label in labels.items() if c != at and "在职" in H.normalise_label(label)]
    return {**cols, "actual": in_post[0]} if in_post else cols
