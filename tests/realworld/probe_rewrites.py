"""Probe: benign rewrites of every corpus table, and the 错误 they add or the expected findings they lose.

`python tests/realworld/probe_rewrites.py [REWRITE ...] [-t TABLE ...]` applies each rewrite (all by default)
to every tests/realworld/*.toml table it changes, validates both, and lists per table the 错误 (code, row) the
rewrite adds and the hand-found expectations it loses. Not a test: what a real cause is gets a test in
tests/test_realworld_rewrites*.py. Rows of a rewrite that inserts rows are mapped back to the published rows.
"""

from __future__ import annotations

import copy
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent.parent))  # this checkout's perfxl, not an installed one (a worktree beside it)

import render as R  # noqa: E402
from render import corpus_files, load_table  # noqa: E402
from test_realworld import _rows, in_family  # noqa: E402

from perfxl.model import Severity  # noqa: E402
from perfxl.model import a1 as format_a1  # noqa: E402

# ---------------------------------------------------------------- grid helpers


def _bounds(table) -> list[tuple[int, int, int, int]]:
    return [b for m in table.merges if (b := R._merge_bounds(m)) is not None]


def _emit(bounds) -> list[str]:
    return [f"{format_a1(r0 + 1, c0 + 1)}:{format_a1(r1 + 1, c1 + 1)}" for r0, c0, r1, c1 in bounds]


def _width(table) -> int:
    return max(len(r) for r in table.rows)


def insert_column(table, at: int, fill: Callable[[int], str] = lambda r: ""):
    """A copy with a column inserted before 0-based column `at`; a merge spanning over `at` widens."""
    t = copy.deepcopy(table)
    w = _width(t)
    t.rows = [row + [""] * (w - len(row)) for row in t.rows]
    for r, row in enumerate(t.rows):
        row.insert(at, fill(r))
    out = []
    for r0, c0, r1, c1 in _bounds(table):
        if c0 >= at:
            out.append((r0, c0 + 1, r1, c1 + 1))
        elif c1 >= at:
            out.append((r0, c0, r1, c1 + 1))
        else:
            out.append((r0, c0, r1, c1))
    t.merges = _emit(out)
    return t


def insert_row(table, at: int):
    """A copy with a blank row inserted before 0-based row `at`; a merge spanning over it grows."""
    t = copy.deepcopy(table)
    t.rows.insert(at, [""] * _width(t))
    out = []
    for r0, c0, r1, c1 in _bounds(table):
        if r0 >= at:
            out.append((r0 + 1, c0, r1 + 1, c1))
        elif r1 >= at:
            out.append((r0, c0, r1 + 1, c1))
        else:
            out.append((r0, c0, r1, c1))
    t.merges = _emit(out)
    return t


def cellwise(fn: Callable[[str], str]):
    def rewrite(table):
        t = copy.deepcopy(table)
        t.rows = [[fn(c) for c in row] for row in table.rows]
        return t, None

    return rewrite


# ---------------------------------------------------------------- operator rewrites

_OPCELL = re.compile(r"^\s*(≥|≤|≧|≦|>=|<=|＞＝|＜＝|>|<|＞|＜)\s*(\d[\d,]*(?:\.\d+)?\s*\S{0,6})\s*$")
_NORM = {"≧": "≥", "≦": "≤", ">=": "≥", "<=": "≤", "＞＝": "≥", "＜＝": "≤", "＞": ">", "＜": "<"}


def _op(cell: str):
    m = _OPCELL.match(cell)
    if not m:
        return None
    return _NORM.get(m.group(1), m.group(1)), m.group(2).strip()


def ops_ascii(cell: str) -> str:
    p = _op(cell)
    return {"≥": ">=", "≤": "<="}.get(p[0], p[0]) + p[1] if p else cell


_PREFIX = {"≥": "不低于", "≤": "不高于", ">": "高于", "<": "低于"}
_PREFIX_COUNT = {"≥": "不少于", "≤": "不超过", ">": "多于", "<": "少于"}


def ops_words(cell: str) -> str:
    p = _op(cell)
    if not p:
        return cell
    words = _PREFIX if "%" in p[1] else _PREFIX_COUNT
    return words[p[0]] + p[1]


def ops_suffix(cell: str) -> str:
    p = _op(cell)
    if not p or p[0] not in ("≥", "≤"):
        return cell
    return p[1] + ("以上" if p[0] == "≥" else "以下")


def ops_symbol(cell: str) -> str:
    """Words back to symbols: 不低于95% → ≥95%, 95%以上 → ≥95%."""
    m = re.match(r"^\s*(不低于|不少于|不小于|大于等于|不高于|不超过|不大于|小于等于)\s*(\d.*)$", cell)
    if m:
        return ("≥" if m.group(1) in ("不低于", "不少于", "不小于", "大于等于") else "≤") + m.group(2)
    m = re.match(r"^\s*(\d[\d.,]*\s*\S{0,4}?)(以上|以下|以内)\s*$", cell)
    if m:
        return ("≥" if m.group(2) == "以上" else "≤") + m.group(1)
    return cell


# ---------------------------------------------------------------- columns named in the header

_VALUE_HEAD = re.compile(
    r"^(年度)?(指标值|目标值|预期目标值|年度指标值|指标目标值|预期指标值|计划完成值|年度目标值|指标值（包含数字及文字描述）)$"
)


def _head(cell: str) -> str:
    return re.sub(r"\s+", "", cell)


def _find_header(table, pattern) -> list[tuple[int, int]]:
    return [(r, c) for r, row in enumerate(table.rows) for c, cell in enumerate(row) if pattern.match(_head(cell))]


def _value_column(table):
    """(header row, column) of the indicator value, None when the table already splits it (指标性质/度量单位)."""
    if _find_header(table, re.compile(r"^(指标性质|度量单位|计量单位|符号|单位)$")):
        return None
    heads = _find_header(table, _VALUE_HEAD)
    return max(heads) if heads else None


def op_column(table):
    """The operator moved out of the value into a 指标性质 column inserted before the 指标值 column."""
    head = _value_column(table)
    if head is None:
        return None
    hr, vc = head
    if not any(_op(row[vc]) for row in table.rows[hr + 1 :] if vc < len(row)):
        return None
    t = insert_column(table, vc)
    t.rows[hr][vc] = "指标性质"
    for r in range(hr + 1, len(t.rows)):
        cell = t.rows[r][vc + 1]
        if p := _op(cell):
            t.rows[r][vc] = p[0]
            t.rows[r][vc + 1] = p[1]
    # a merge starting at the value header now starts at the 指标性质 column: keep the value header's own
    return t, None


def _fold(table, header, fold_row):
    """The table with the column under `header` folded into a neighbour by `fold_row(row, column)` on every row below."""
    heads = _find_header(table, header)
    if not heads:
        return None
    hr, col = heads[0]
    t = copy.deepcopy(table)
    for r in range(hr + 1, len(t.rows)):
        fold_row(t.rows[r], col)
    return t, None


def op_into_value(table):
    """A 指标性质 column folded back into the value ("≥" | "95" → "≥95", the column left blank)."""

    def fold(row, oc):
        if oc + 1 < len(row) and re.match(r"^\s*[≥≤≧≦=═><＝]+\s*$", row[oc]) and row[oc + 1].strip():
            row[oc + 1] = row[oc].strip() + row[oc + 1].strip()
            row[oc] = ""

    return _fold(table, re.compile(r"^指标性质$"), fold)


_UNITVAL = re.compile(r"^\s*([≥≤≧≦><=]*\s*\d[\d,]*(?:\.\d+)?)\s*([\u4e00-\u9fffA-Za-z㎡][^\d]{0,5})\s*$")


def unit_column(table):
    """A unit moved out of the 指标值 into a 度量单位 column after it ("320人次" → "320" | "人次")."""
    head = _value_column(table)
    if head is None:
        return None
    hr, vc = head
    if not any(_UNITVAL.match(row[vc]) for row in table.rows[hr + 1 :] if vc < len(row)):
        return None
    t = insert_column(table, vc + 1)
    t.rows[hr][vc + 1] = "度量单位"
    for r in range(hr + 1, len(t.rows)):
        if m := _UNITVAL.match(t.rows[r][vc]):
            t.rows[r][vc] = m.group(1)
            t.rows[r][vc + 1] = m.group(2)
    return t, None


def unit_into_value(table):
    """A 度量单位/计量单位 column folded back into the value ("735" | "人次" → "735人次")."""

    def fold(row, uc):
        # not a 计量单位 holding a figure (内蒙古 乌海 2021's date serial "44,561" printed in both): that is no unit
        if (
            1 <= uc < len(row)
            and row[uc].strip()
            and not re.search(r"\d", row[uc])
            and re.search(r"\d\s*$", row[uc - 1])
        ):
            row[uc - 1] = row[uc - 1].rstrip() + row[uc].strip()
            row[uc] = ""

    return _fold(table, re.compile(r"^(度量单位|计量单位)$"), fold)


# ---------------------------------------------------------------- whole-table rewrites


def traditional(table):
    import opencc

    conv = opencc.OpenCC("s2t")
    t = copy.deepcopy(table)
    t.rows = [[conv.convert(c) for c in row] for row in table.rows]
    return t, None


def shifted(table):
    """The table starting three rows down and two columns right."""
    t = insert_column(insert_column(table, 0), 0)
    for _ in range(3):
        t = insert_row(t, 0)
    return t, {r + 3: r for r in range(1, len(table.rows) + 1)}


def note_column(table):
    """An extra, empty 备注 column at the right, named on every header row naming 得分."""
    w = _width(table)
    heads = _find_header(table, re.compile(r"^(指标)?(得分|自评得分|评分|实际得分)"))
    if not heads:
        return None
    header_rows = {r for r, _ in heads}

    def fill(r: int) -> str:
        return "备注" if r in header_rows else ""

    return insert_column(table, w, fill), None


_BLOCK = re.compile(r"^(产出指标|效益指标|满意度指标|成本指标|绩效指标|年度总体目标|年度绩效目标|总体目标)$")


def blank_rows(table):
    """A blank row before each block (a 一级指标 name or the 绩效指标/总体目标 header)."""
    at = sorted({r for r, c in _find_header(table, _BLOCK) if c <= 1 and r > 0}, reverse=True)
    if not at:
        return None
    t = table
    for r in at:
        t = insert_row(t, r)
    rowmap: dict[int, int] = {}
    old = 0
    for new in range(len(t.rows)):
        if old < len(table.rows) and t.rows[new] == table.rows[old]:
            rowmap[new + 1] = old + 1
            old += 1
    return t, rowmap


_SCORE_HEAD = re.compile(r"^(分值|权重|得分|自评得分|评分|实际得分|权重（分）|分值（分）|指标分值|指标得分)$")
_INT = re.compile(r"^\s*(\d+)\s*$")
_ZEROS = re.compile(r"^\s*(\d+)\.0+\s*$")


def _score_columns(table, fn):
    return _map_columns(table, _SCORE_HEAD, fn)


def _map_columns(table, head, fn):
    """The table with `fn` applied to every cell below each header matching `head`; None when nothing changed."""
    heads = _find_header(table, head)
    if not heads:
        return None
    t = copy.deepcopy(table)
    for hr, c in heads:
        for r in range(hr + 1, len(t.rows)):
            if c < len(t.rows[r]):
                t.rows[r][c] = fn(t.rows[r][c])
    return (t, None) if t.rows != table.rows else None


_WEIGHT_HEAD = re.compile(r"^(指标)?(分值|权重|标准分值)(\(分\)|（分）)?$")


def weights_zeros(table):
    """分值 typed with two decimals ("10" → "10.00"): a weight is exact. (A 得分 "9" → "9.00" is not benign: the
    printed precision says the score is exactly 9.00, while "9" may be a rounded 8.97.)"""
    return _map_columns(table, _WEIGHT_HEAD, lambda v: f"{m.group(1)}.00" if (m := _INT.match(v)) else v)


_BIG = re.compile(r"^(\s*[≥≤≧≦><=]?\s*)(\d{4,})((?:\.\d+)?\s*\S{0,4})$")


def thousands(cell: str) -> str:
    """Thousands separators in a figure of four or more integer digits ("387664.62" → "387,664.62")."""
    m = _BIG.match(cell)
    if not m or re.match(r"^(19|20)\d\d$", m.group(2)) or "年" in m.group(3):
        return cell
    return f"{m.group(1)}{int(m.group(2)):,}{m.group(3)}"


_HEADER_WORDS = re.compile(
    r"^(年初预算数|全年预算数|全年执行数|执行率|实际完成值|年度指标值|偏差原因分析及改进措施|一级指标|二级指标|三级指标|"
    r"年度资金总额|预期目标|实际完成情况)$"
)


def header_breaks(cell: str) -> str:
    """A header typed with Alt+Enter inside it ("全年预算数" → "全年\n预算数")."""
    if not _HEADER_WORDS.match(cell.strip()):
        return cell
    text = cell.strip()
    return text[:2] + "\n" + text[2:]


def scores_int(table):
    return _score_columns(table, lambda s: m.group(1) if (m := _ZEROS.match(s)) else s)


_QIZHONG = re.compile(r"^\s*其中\s*[:：]\s*(.+)$", re.S)


def qizhong(variant: str):
    def rewrite(table):
        t = copy.deepcopy(table)
        for row in t.rows:
            for c, cell in enumerate(row):
                if m := _QIZHONG.match(cell):
                    row[c] = {
                        "ascii": f"其中:{m.group(1)}",
                        "full": f"其中：{m.group(1)}",
                        "indent": f"  {m.group(1)}",
                        "space": f"其中 {m.group(1)}",
                    }[variant]
        return (t, None) if t.rows != table.rows else None

    return rewrite


_FUNDS = re.compile(
    r"^(年初预算数|全年预算数|全年执行数|年初预算|全年预算|全年执行|预算数|执行数)(（万元）|\(万元\))?$"
)


def funds_swap(table):
    """The funds block's 全年预算数 and 全年执行数 columns swapped where the header names them (no merges over them)."""
    heads = _find_header(table, _FUNDS)
    rows = {}
    for r, c in heads:
        rows.setdefault(r, []).append(c)
    hr = next((r for r, cs in rows.items() if len(cs) >= 2), None)
    if hr is None:
        return None
    cs = sorted(rows[hr])
    a, b = cs[-2], cs[-1]
    # the block: header row down to the first row whose first cells say 年度总体目标/绩效指标 or until a blank
    end = hr + 1
    while end < len(table.rows) and not any(
        re.match(r"^(年度总体目标|总体目标|年度绩效目标|绩效指标|年度目标)", _head(x)) for x in table.rows[end][:2]
    ):
        end += 1
    for r0, c0, r1, c1 in _bounds(table):
        if r1 >= hr and r0 < end and (c0 <= a <= c1 or c0 <= b <= c1) and c0 != c1:
            return None
        if r1 >= hr and r0 < end and c0 == c1 in (a, b) and (r0 < hr or r1 >= end):
            return None
    t = copy.deepcopy(table)
    for r in range(hr, end):
        row = t.rows[r]
        if b < len(row):
            row[a], row[b] = row[b], row[a]
    out = []
    for r0, c0, r1, c1 in _bounds(table):
        if r0 >= hr and r1 < end and c0 == c1 and c0 in (a, b):
            c0 = c1 = b if c0 == a else a
        out.append((r0, c0, r1, c1))
    t.merges = _emit(out)
    return t, None


def stacked(table):
    """The table twice on one sheet, two blank rows between (a unit's projects one under another)."""
    t = copy.deepcopy(table)
    n, w = len(table.rows), _width(table)
    t.rows = [r + [""] * (w - len(r)) for r in table.rows]
    t.rows += [[""] * w, [""] * w, *copy.deepcopy(t.rows)]
    t.merges = _emit(_bounds(table) + [(r0 + n + 2, c0, r1 + n + 2, c1) for r0, c0, r1, c1 in _bounds(table)])
    rowmap = {r: r for r in range(1, n + 1)} | {r + n + 2: r for r in range(1, n + 1)}
    return t, rowmap


_FIG = re.compile(r"^\s*[≥≤≧≦><=]?\s*\d[\d,]*(?:\.\d+)?\s*%?\s*$")


def nbsp(cell: str) -> str:
    """Copied from a web page: spaces are no-break spaces, and a figure carries one after it."""
    if _FIG.match(cell):
        return cell.strip() + "\u00a0"
    return cell.replace(" ", "\u00a0")


def brackets(cell: str) -> str:
    """Half-width brackets full-width and the other way round ("执行率(%)" ↔ "执行率（%）")."""
    return cell.translate(str.maketrans({"(": "（", ")": "）", "（": "(", "）": ")"}))


_DASH = re.compile(r"^\s*(—{1,2}|-{1,2}|－|─)\s*$")


def dashes(to: str):
    return cellwise(lambda c: to if _DASH.match(c) else c)


def ops_space(cell: str) -> str:
    p = _op(cell)
    if not p:
        return cell
    m = re.match(r"^([\d,.]+)(.*)$", p[1])
    return f"{p[0]} {m.group(1)} {m.group(2)}".rstrip() if m else cell


def sheet_named(table):
    t = copy.deepcopy(table)
    t.sheet = "项目支出绩效自评表" if table.kind == "project" else "部门整体支出绩效自评表"
    return (t, None) if table.kind in ("project", "department") else None


_FULL_WIDTH = str.maketrans("0123456789.%≥≤", "０１２３４５６７８９．％≧≦")


def full_width(cell: str) -> str:
    return cell.translate(_FULL_WIDTH) if _FIG.match(cell) else cell


def unmerged(table):
    """Exported without its merged cells (the value in the first cell only)."""
    if not table.merges:
        return None
    t = copy.deepcopy(table)
    t.merges = []
    return t, None


def typed_in_excel(table):
    """Typed in Excel: plain figures number cells, "86.2%" a %-formatted 0.862."""
    t = copy.deepcopy(table)
    t.meta = {**t.meta, "typed_in_excel": True}
    t.rows = [list(r) for r in t.rows]
    t.rows.append([])  # marks it changed for the runner; an empty row at the end is no cell
    return t, None


def unmerged_filled(table):
    """Exported without merges, each merged label repeated in every cell it covered ("取消合并并填充"); figures are
    left in the first cell only (a weight repeated would be a second weight)."""
    if not table.merges:
        return None
    t = copy.deepcopy(table)
    w = _width(t)
    t.rows = [r + [""] * (w - len(r)) for r in t.rows]
    for r0, c0, r1, c1 in _bounds(table):
        text = t.rows[r0][c0]
        if not text.strip() or re.search(r"\d", text):
            continue
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                t.rows[r][c] = text
    t.merges = []
    return t, None


def total_label(to: str):
    """The 总分 row labelled otherwise ("合计", "总 分", "总计")."""

    def rewrite(table):
        t = copy.deepcopy(table)
        for row in t.rows:
            for c, cell in enumerate(row):
                if _head(cell) in ("总分", "总分值", "总 分"):
                    row[c] = to
        return (t, None) if t.rows != table.rows else None

    return rewrite


_RATE_HEAD = re.compile(r"^(执行率|预算执行率|资金执行率)$")


def pct_in_header(table):
    """The rate column's "%" moved into its header: "执行率(%)" over "89.7" instead of "执行率" over "89.7%"."""
    heads = _find_header(table, _RATE_HEAD)
    if not heads:
        return None
    t = copy.deepcopy(table)
    for hr, c in heads:
        t.rows[hr][c] = t.rows[hr][c].strip() + "(%)"
        for r in range(hr + 1, len(t.rows)):
            if c < len(t.rows[r]) and (m := R.PERCENT_TEXT.match(t.rows[r][c])):
                t.rows[r][c] = m.group(1)
    return t, None


def compose(*names: str):
    def rewrite(table):
        rowmap = None
        for name in names:
            got = REWRITES[name](table)
            if got is None:
                continue
            table, step = got
            if step:  # rows inserted: map through to the published rows
                rowmap = {new: (rowmap or {}).get(old, old) for new, old in step.items()}
        return table, rowmap

    return rewrite


REWRITES: dict[str, Callable] = {
    "total_heji": total_label("合计"),
    "total_zongji": total_label("总计"),
    "pct_in_header": pct_in_header,
    "unmerged_filled": unmerged_filled,
    "full_width": cellwise(full_width),
    "padded": cellwise(lambda c: f" {c} " if _FIG.match(c) else c),
    "unmerged": unmerged,
    "typed_in_excel": typed_in_excel,
    "stacked": stacked,
    "nbsp": cellwise(nbsp),
    "brackets": cellwise(brackets),
    "dash_slash": dashes("/"),
    "dash_hyphen": dashes("-"),
    "dash_none": dashes(""),
    "ops_space": cellwise(ops_space),
    "sheet_named": sheet_named,
    "ops_ascii": cellwise(ops_ascii),
    "ops_words": cellwise(ops_words),
    "ops_suffix": cellwise(ops_suffix),
    "ops_symbol": cellwise(ops_symbol),
    "op_column": op_column,
    "op_into_value": op_into_value,
    "unit_column": unit_column,
    "unit_into_value": unit_into_value,
    "traditional": traditional,
    "shifted": shifted,
    "note_column": note_column,
    "blank_rows": blank_rows,
    "weights_zeros": weights_zeros,
    "thousands": cellwise(thousands),
    "header_breaks": cellwise(header_breaks),
    "scores_int": scores_int,
    "qizhong_ascii": qizhong("ascii"),
    "qizhong_full": qizhong("full"),
    "qizhong_indent": qizhong("indent"),
    "qizhong_space": qizhong("space"),
    "funds_swap": funds_swap,
}
REWRITES |= {
    "traditional+excel": compose("traditional", "typed_in_excel"),
    "shifted+filled": compose("unmerged_filled", "shifted"),
    "words+unit_column": compose("ops_words", "unit_column"),
    "op_column+unit_column": compose("op_column", "unit_column"),
    "full_width+traditional+blank_rows": compose("full_width", "traditional", "blank_rows"),
}


def findings(table, work: Path):
    out = work / table.name
    out.mkdir(parents=True, exist_ok=True)
    # render + validate_file, once per run for the same table; a crash (X01) stops the probe, never compared away
    return R.crash_free(R.validated(table, out).findings, table.name)


def met(table, found, rowmap) -> set[tuple[int, str]]:
    back = (lambda r: rowmap.get(r, -1)) if rowmap else (lambda r: r)
    hits = set()
    for e in table.expect:
        need = Severity(e.severity).rank if e.severity in ("error", "warning", "info") else Severity.WARNING.rank
        for f in found:
            if (
                in_family(f.code, e.what)
                and f.severity.rank >= need
                and e.row in {back(r) for r in _rows(f, table.sheet)}
            ):
                hits.add((e.row, e.what))
                break
    return hits


def errors(table, found, rowmap) -> set[tuple[str, int | None]]:
    back = (lambda r: rowmap.get(r, -1)) if rowmap else (lambda r: r)
    out = set()
    for f in found:
        if f.severity is Severity.ERROR:
            row = getattr(f.ref, "row", None)
            out.add((f.code, back(row) if isinstance(row, int) else row))
    return out


def main(argv: list[str]) -> int:
    names = [a for a in argv if not a.startswith("-") and a in REWRITES] or list(REWRITES)
    only = set(argv[argv.index("-t") + 1 :]) if "-t" in argv else set()
    tables = [load_table(p) for p in corpus_files() if not only or p.stem in only]
    with tempfile.TemporaryDirectory(prefix="perfxl-probe-") as tmp:
        work = Path(tmp)
        base = {t.name: findings(t, work / "base") for t in tables}
        for name in names:
            applied = added_n = lost_n = 0
            lines = []
            for t in tables:
                got = REWRITES[name](t)
                if got is None or (got[0].rows, got[0].sheet, got[0].merges) == (t.rows, t.sheet, t.merges):
                    continue
                applied += 1
                new, rowmap = got
                found = findings(new, work / name)
                added = errors(new, found, rowmap) - errors(t, base[t.name], None)
                lost = met(t, base[t.name], None) - met(new, found, rowmap)
                if added or lost:
                    added_n += len(added)
                    lost_n += len(lost)
                    lines.append(f"  {t.name}: added {sorted(added, key=str)} lost {sorted(lost)}")
            print(f"{name}: {applied} tables, added 错误 {added_n}, lost expected {lost_n}")
            print("\n".join(lines)) if lines else None
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
