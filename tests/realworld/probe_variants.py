"""Probe: meaning-preserving variants of every real table, and every row whose verdict they change (issue 11).

`python tests/realworld/probe_variants.py [VARIANT ...] [-t TABLE ...] [-q]` applies ONE variant at a time to every
tests/realworld/*.toml table it changes (rendered by tests/realworld/render.py), validates the copy as the corpus tests
do, and compares its verdicts row by row with the published table's (rows mapped back where a variant inserts rows):

- a **new 错误**: a row (or the sheet, row 0) carrying an 错误 of a code it did not carry as an 错误 before — a false
  alarm, since the variant means what the published table means;
- a **lost** finding: a hand-found [[expect]] the published table's findings meet and the copy's do not — a defect
  the way it is written silenced;
- a **severity change**: a row keeping a code at another severity (错误 → 警告 is not a false alarm, but the
  variant moved perfxl's certainty, so it is listed).

Prints one line per variant — tables it changed, rows it changed, new 错误, lost, severity changes — then the details
(-q: the lines only). Deterministic. Not a test: a cause it shows gets a failing-before test built from the real
table; tests/test_realworld_variants.py runs a fixed subset on a few tables.

The variants are spellings real filings print for the same content (docs/reader.md, the corpus itself): operators as
≧/≦, 大于等于/小于等于, 不小于/不大于, "X以内" (以上/以下/以内 include the number, 《民法典》第一千二百五十九条);
"％" or "百分之" for "%"; a space or a line break between a figure and its unit; long names wrapped by Alt+Enter;
4-decimal 万元 amounts ending in "00" printed with 2 (the same value at a precision it still states exactly); a group
label (一级/二级指标) merged over its run, or printed on its first row only; an empty column inserted (at B, or before
the target column); header words swapped for a synonym of the same role (perfxl/layout/headers.py lists both); the
总分 row labelled "总  分" or "得分合计"; a target followed by "（全年）" on a year's table. The variants of
tests/realworld/probe_rewrites.py that the brief names (ASCII/word/以上 operators, the unit in a 度量单位 column or
back in the value, full-width figures, thousands separators, traditional characters, merges lost or filled, 合计/总计
for 总分, padded cells, Alt+Enter in headers, an empty 备注 column) run here too (`REUSED`), so one sweep reports
every row a spelling moves. Left out as NOT meaning-preserving: 2 → 4 decimals ("12.34" → "12.3400" claims a precision
the filer never printed), a 得分 "9" → "9.00" (likewise), amounts moved between 元 and 万元 (the title's unit decides),
"（累计）" or "（年均）" after a value (another quantity), and probe_rewrites' typed_in_excel: a printed "0.92" may be
a rounded 0.9175, a number cell 0.92 is exactly 0.92 — the copy states more than the print (its 3 new F04 错误 on
安徽 裕安 2022 and 四川 游仙 2023 are right for the workbook it writes, 警告 on the printed table).
Session 23 (probe23) adds layouts and spellings: 分值/得分 and 指标值/实际完成值 columns swapped; the header repeated
before 总分 or at a page break; a blank row before 总分; percents written as fractions (actual, funds rate, both sides);
权重 "10%" on a 100-point table; "分值（分）" headers; 万元 on a 单位 line or in each amount header; full-width spaces in
headers, 总分 and before figures; zero-width spaces; CR LF breaks; dotted dates; "完成96%" (docs/testing.md, probe23).
Session 27 (adv27) adds what a clerk's copy puts around the form: a 填报单位/日期 line merged across the top, two-row
headers, the funds block under the indicators, a long 年度总体目标, a signature line, units after every actual, "10.0"
分值, an empty merged 偏差原因 column, spacer columns, a small table beside it, blank top rows, "（8分）" after names,
traditional-character headers, a column-number row (docs/reader.md, adv27).
Session 28 (adv28) adds a printed copy's pages — the header again every six rows under a "第 1 页，共 3 页" footer —
and a 小计 row under each 一级 group (docs/reader.md, adv28).
Session 29 (adv29) adds what Excel/WPS store for what a filer types — "95%" a number under a percent format, dates,
amounts under thousands and 会计专用 formats, scores as numbers, =SUM totals, =分值 scores, hidden digits under "0.00",
=执行数/预算数 rates — and no-break spaces, a long name's row merged over two sheet rows, the title in the page header
(docs/reader.md, adv29). (typed_in_excel stays out: its plain figures are typed General, stating more than the print.)
Session 29 (read29) adds what a filer's workbook hides or types otherwise: filtered rows, a hidden helper column, the
form's own 分值/得分/指标值/实际完成值 column hidden, numbers typed with an apostrophe, a 二级 merge past a 一级
(docs/reader.md, read29).
Session 30 (review30w) adds what else a filer types and lays out: "≧95％", "95 ％", a ≥ target as its range, =ROUND
scores, an empty column before 得分, 总得分/自评总分/合  计, a "注：" row, the table on a second sheet or after an
instructions sheet, a 填表说明 block above, dates with / or -, years in the headers, numbered names, wide merged
columns, vertical 一级 labels, the 一级 groups swapped, a frozen/protected sheet with print titles (docs/reader.md).
Session 31 (review31w) adds: names numbered "（1）"/"①", 分值 "10.00", a 得分 typed just under what it shows, a units
row under a header, figures in a 偏差原因, "100%（已完成）", "100%完成", "≥4次/年", an empty 其他资金 row as 0/—//,
=ROUND and =…*100 执行率 formulas, a =SUM 资金总额, "百分之九十五", a hidden row in a 一级 merge, a wide column's half
hidden, a helper under a merged 得分 heading, trailing zeros dropped, "≥\n95%", 一级 labels without 指标 (docs/reader.md).
"""

from __future__ import annotations

import copy
import itertools
import re
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent.parent))  # this checkout's perfxl, not an installed one (a worktree beside it)

import probe_rewrites as P  # noqa: E402
import render as R  # noqa: E402
from render import corpus_files, load_table  # noqa: E402

from perfxl.layout import headers as H  # noqa: E402
from perfxl.model import Severity  # noqa: E402

# ---------------------------------------------------------------- operators spelled otherwise


def _ops(spell: dict[str, str], suffix: bool = False) -> Callable[[str], str]:
    """A cell "≥95%" (any symbol spelling, `probe_rewrites._op`) written with the word or symbol `spell` gives its
    operator; `suffix`: after the figure ("2天以内")."""

    def rewrite(cell: str) -> str:
        p = P._op(cell)
        if not p or p[0] not in spell:
            return cell
        return f"{p[1]}{spell[p[0]]}" if suffix else f"{spell[p[0]]}{p[1]}"

    return rewrite


# ---------------------------------------------------------------- percent, units, breaks

_PCT_FIG = re.compile(r"^(\s*(?:≥|≤|≧|≦|>=|<=|>|<|＞|＜)?\s*)(\d+(?:\.\d+)?)\s*%\s*$")


def pct_fullwidth(cell: str) -> str:
    """ "95%" → "95％" (digits as typed: a half-width figure with a full-width sign, common in IME input)."""
    return f"{m.group(1)}{m.group(2)}％" if (m := _PCT_FIG.match(cell)) else cell


def pct_words(cell: str) -> str:
    """ "95%" → "百分之95", "≥95%" → "≥百分之95"."""
    return f"{m.group(1)}百分之{m.group(2)}" if (m := _PCT_FIG.match(cell)) else cell


def pct_space(cell: str) -> str:
    """ "95%" → "95 %"."""
    return f"{m.group(1)}{m.group(2)} %" if (m := _PCT_FIG.match(cell)) else cell


_FIG_UNIT = re.compile(r"^(\s*(?:≥|≤|≧|≦|>=|<=|>|<)?\s*\d[\d,]*(?:\.\d+)?)([\u4e00-\u9fff㎡][^\d\s]{0,5})\s*$")


def unit_space(cell: str) -> str:
    """ "320人次" → "320 人次"."""
    return f"{m.group(1)} {m.group(2)}" if (m := _FIG_UNIT.match(cell)) else cell


def unit_break(cell: str) -> str:
    """ "320人次" → "320\\n人次" (a narrow column wrapped by Alt+Enter)."""
    return f"{m.group(1)}\n{m.group(2)}" if (m := _FIG_UNIT.match(cell)) else cell


_NAME = re.compile(r"^[\u4e00-\u9fff]{6,16}$")


def name_break(cell: str) -> str:
    """A name of 6–16 Chinese characters and no figure wrapped in its middle ("农村公路养护里程" → "农村公路\\n养护里程")."""
    if not _NAME.match(cell):
        return cell
    return cell[: len(cell) // 2] + "\n" + cell[len(cell) // 2 :]


_AMOUNT4 = re.compile(r"^\s*(-?\d+\.\d\d)00\s*$")


def amounts_2dp(cell: str) -> str:
    """ "27.5000" → "27.50": the same value, printed at two decimals it still states exactly."""
    return m.group(1) if (m := _AMOUNT4.match(cell)) else cell


# ---------------------------------------------------------------- columns found by the header synonyms


def _header_cells(table: R.Table) -> list[tuple[int, int, str]]:
    """(row, column, role) of every cell naming a 绩效指标 or funds role, on rows naming two roles or more."""
    out = []
    for r, row in enumerate(table.rows):
        found = []
        for c, cell in enumerate(row):
            role = H.match_role(cell, H.INDICATOR_COLUMNS) or H.match_role(cell, H.FUNDS_COLUMNS)
            if role and H.normalise_label(cell) not in H.WEAK_SYNONYMS:
                found.append((r, c, role))
        if len({x[2] for x in found}) >= 2:
            out += found
    return out


def _in_role(table: R.Table, roles: tuple[str, ...]) -> list[tuple[int, int]]:
    """(header row, column) of the columns whose header names one of `roles` (indicator headers only)."""
    return [
        (r, c)
        for r, c, role in _header_cells(table)
        if role in roles and H.match_role(table.rows[r][c], H.INDICATOR_COLUMNS) == role
    ]


def _rows_under(table: R.Table, hr: int) -> range:
    """Rows from under a header row to the next row naming two roles or more (or the end)."""
    heads = sorted({r for r, _, _ in _header_cells(table)})
    end = next((r for r in heads if r > hr), len(table.rows))
    return range(hr + 1, end)


def target_note(table: R.Table):
    """ "（全年）" after each target holding a figure, on a year's table (a 项目/部门 自评 or 目标 table); not after a date
    ("12月（全年）" is no longer a month) nor after a cell with a bracket of its own."""
    if table.kind not in ("project", "department", "declaration"):
        return None
    t = copy.deepcopy(table)
    for hr, c in _in_role(table, ("target",)):
        for r in _rows_under(table, hr):
            cell = t.rows[r][c] if c < len(t.rows[r]) else ""
            if re.search(r"\d", cell) and not re.search(r"[（(年月日]|季度", cell) and "\n" not in cell:
                t.rows[r][c] = cell.rstrip() + "（全年）"
    return (t, None) if t.rows != table.rows else None


_POINTS = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*$")


def points_fen(table: R.Table):
    """Every plain figure under a 分值 or 得分 header written with 分 ("10" → "10分", "8.63" → "8.63分")."""
    t = copy.deepcopy(table)
    for hr, c in _in_role(table, ("weight", "score")):
        for r in _rows_under(table, hr):
            if c < len(t.rows[r]) and (m := _POINTS.match(t.rows[r][c])):
                t.rows[r][c] = f"{m.group(1)}分"
    return (t, None) if t.rows != table.rows else None


_MONEY_HEAD = re.compile(r"[（(]万元[)）]")
_AMOUNT = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*$")


def amounts_wanyuan(table: R.Table):
    """Every plain figure under a 年初预算数/全年预算数/全年执行数 header whose row says 万元 ("项目资金（万元）" │ … │
    "全年预算数") written with its unit ("29" → "29万元")."""
    t = copy.deepcopy(table)
    for r, c, role in _header_cells(table):
        if role not in ("initial_budget", "full_budget", "executed") or not _MONEY_HEAD.search(" ".join(table.rows[r])):
            continue
        if H.match_role(table.rows[r][c], H.FUNDS_COLUMNS) != role:
            continue
        for rr in _rows_under(table, r):
            if c < len(t.rows[rr]) and (m := _AMOUNT.match(t.rows[rr][c])):
                t.rows[rr][c] = f"{m.group(1)}万元"
    return (t, None) if t.rows != table.rows else None


def empty_column_b(table: R.Table):
    """An empty column inserted at B (a hidden or unused template column)."""
    return P.insert_column(table, 1), None


def empty_column_value(table: R.Table):
    """An empty column inserted before each table's target column (no header, no cell)."""
    heads = _in_role(table, ("target",))
    if not heads:
        return None
    t = table
    for c in sorted({c for _, c in heads}, reverse=True):
        t = P.insert_column(t, c)
    return t, None


#: Header words → a synonym of the same role and meaning (both listed in perfxl/layout/headers.py). Not swapped:
#: 年初/全年 budgets (two different amounts), 指标 vs 绩效目标 (a weak synonym), 备注/说明 (not always a reason).
SYNONYMS: dict[str, str] = {
    "年度指标值": "指标值",
    "指标值": "年度指标值",
    "目标值": "指标值",
    "实际完成值": "实际值",
    "实际值": "实际完成值",
    "完成值": "实际完成值",
    "分值": "权重",
    "权重": "分值",
    "得分": "自评得分",
    "自评得分": "得分",
    "三级指标": "三级指标名称",
    "全年执行数": "执行数",
    "执行数": "全年执行数",
    "全年预算数": "调整后预算数",
    "执行率": "预算执行率",
    "偏差原因分析及改进措施": "偏差原因分析",
    "计量单位": "度量单位",
    "度量单位": "计量单位",
}


def _spread_header(table: R.Table, space: str):
    """Header words of two to four characters spread with `space` between their characters."""
    t = copy.deepcopy(table)
    for r, c, _ in _header_cells(table):
        cell = table.rows[r][c].strip()
        if re.fullmatch(r"[\u4e00-\u9fff]{2,4}", cell):
            t.rows[r][c] = space.join(cell)
    return (t, None) if t.rows != table.rows else None


def header_spaces(table: R.Table):
    """Header words of two to four characters spread with spaces ("分值" → "分  值", "得分" → "得  分")."""
    return _spread_header(table, "  ")


def header_synonyms(table: R.Table):
    """Each header word in `SYNONYMS` (whitespace ignored, brackets kept) swapped for its synonym."""
    t = copy.deepcopy(table)
    for r, c, _ in _header_cells(table):
        cell = table.rows[r][c]
        m = re.match(r"^([^（(]+)(.*)$", re.sub(r"\s+", "", cell), re.S)
        if m and m.group(1) in SYNONYMS:
            t.rows[r][c] = SYNONYMS[m.group(1)] + m.group(2)
    return (t, None) if t.rows != table.rows else None


# ---------------------------------------------------------------- group labels


def _label_columns(table: R.Table) -> list[tuple[int, int]]:
    return _in_role(table, ("level1", "level2"))


def _runs(table: R.Table) -> list[tuple[int, int, int]]:
    """(column, first row, last row) of every run of 2+ equal, non-empty, unmerged group labels under a 一级/二级
    header (a label printed on every row of its group)."""
    merged = P._bounds(table)

    def in_merge(r: int, c: int) -> bool:
        return any(r0 <= r <= r1 and c0 <= c <= c1 for r0, c0, r1, c1 in merged)

    out = []
    for hr, c in _label_columns(table):
        rows = list(_rows_under(table, hr))
        i = 0
        while i < len(rows):
            r = rows[i]
            text = table.rows[r][c].strip() if c < len(table.rows[r]) else ""
            j = i
            while (
                j + 1 < len(rows)
                and text
                and c < len(table.rows[rows[j + 1]])
                and table.rows[rows[j + 1]][c].strip() == text
                and not in_merge(rows[j + 1], c)
            ):
                j += 1
            if j > i and not in_merge(r, c) and not re.search(r"\d", text):
                out.append((c, rows[i], rows[j]))
            i = j + 1
    return out


def group_merged(table: R.Table):
    """A group label printed on every row merged over its run (the text in the first cell)."""
    runs = _runs(table)
    if not runs:
        return None
    t = copy.deepcopy(table)
    bounds = P._bounds(table)
    for c, r0, r1 in runs:
        for r in range(r0 + 1, r1 + 1):
            t.rows[r][c] = ""
        bounds.append((r0, c, r1, c))
    t.merges = P._emit(bounds)
    return t, None


def group_first_only(table: R.Table):
    """A group label printed on every row kept on its first row only (no merge)."""
    runs = _runs(table)
    if not runs:
        return None
    t = copy.deepcopy(table)
    for c, r0, r1 in runs:
        for r in range(r0 + 1, r1 + 1):
            t.rows[r][c] = ""
    return t, None


# ---------------------------------------------------------------- session 23 (probe23): layout and spelling kinds


def _pad(table: R.Table) -> R.Table:
    """A copy whose rows are all as wide as the widest (so a column may be swapped or copied on every row)."""
    t = copy.deepcopy(table)
    w = P._width(t)
    t.rows = [row + [""] * (w - len(row)) for row in t.rows]
    return t


def _swap(table: R.Table, roles_a: tuple[str, ...], roles_b: tuple[str, ...]):
    """The columns of `roles_a` and `roles_b` swapped on their header row and every row under it, where one header row
    names both; a merge inside one of them moves with it, a merge over both stays (its covered cells are empty), any
    other merge touching them (a header over two rows, a label over the pair) leaves the table as it is (None)."""
    t, bounds = _pad(table), P._bounds(table)
    out = list(bounds)
    swapped = False
    heads_a, heads_b = _in_role(table, roles_a), _in_role(table, roles_b)
    for hr, ca in heads_a:
        cbs = [c for r, c in heads_b if r == hr and c != ca]
        if len(cbs) != 1 or sum(1 for r, _ in heads_a if r == hr) != 1:
            continue  # one column of each on the row, or the pairing is a guess
        cb = cbs[0]
        rows = [hr, *_rows_under(table, hr)]
        lo, hi = rows[0], rows[-1]
        for i, (r0, c0, r1, c1) in enumerate(bounds):
            if r1 < lo or r0 > hi or not any(c0 <= c <= c1 for c in (ca, cb)):
                continue
            if c0 < min(ca, cb) and c1 >= max(ca, cb) and lo <= r0 and r1 <= hi:
                continue  # over both: stays
            if c0 != c1 or r0 < lo or r1 > hi:
                return None
            to = cb if c0 == ca else ca
            out[i] = (r0, to, r1, to)
        for r in rows:
            t.rows[r][ca], t.rows[r][cb] = t.rows[r][cb], t.rows[r][ca]
        swapped = True
    if not swapped or len(set(out)) != len(out):
        return None
    t.merges = P._emit(out)
    return t, None


def swap_weight_score(table: R.Table):
    """分值 printed after 得分 (the two columns swapped, header and all): each is still found by its header, so every
    row means what it meant — templates differ in this order (some 部门整体 tables print 得分 first)."""
    return _swap(table, ("weight",), ("score",))


def swap_target_actual(table: R.Table):
    """实际完成值 printed before 年度指标值 (the two columns swapped, header and all): the header names each, so a
    row's target and actual are the same pair."""
    return _swap(table, ("target",), ("actual",))


def _total_row(table: R.Table, below: int) -> int | None:
    """The first row under `below` labelled 总分 (any spacing)."""
    return next(
        (r for r in range(below + 1, len(table.rows)) if any(P._head(c) in ("总分", "总分值") for c in table.rows[r])),
        None,
    )


def _crossed(table: R.Table, at: int) -> bool:
    """Whether a merge spans the boundary above 0-based row `at`."""
    return any(r0 < at <= r1 for r0, _, r1, _ in P._bounds(table))


def _insert_rows(table: R.Table, at: int, new_rows: list[list[str]], new_merges: list[tuple[int, int, int, int]]):
    """A copy with `new_rows` inserted before 0-based row `at` (no merge may cross it) and their merges (rows counted
    from the first inserted row); the row map sends each row back to the published one (an inserted row to none)."""
    t = _pad(table)
    k = len(new_rows)
    w = P._width(t)
    t.rows[at:at] = [list(r) + [""] * (w - len(r)) for r in new_rows]
    out = [(r0 + k, c0, r1 + k, c1) if r0 >= at else (r0, c0, r1, c1) for r0, c0, r1, c1 in P._bounds(table)]
    out += [(r0 + at, c0, r1 + at, c1) for r0, c0, r1, c1 in new_merges]
    t.merges = P._emit(out)
    n = len(table.rows)
    rowmap = {r: r for r in range(1, at + 1)} | {r + k: r for r in range(at + 1, n + 1)}
    return t, rowmap


def _header_block(table: R.Table, hr: int) -> tuple[int, int]:
    """The rows of the header naming roles on row `hr`, with the rows its merges span (a two-row header)."""
    bounds = P._bounds(table)
    h0 = min([hr] + [r0 for r0, _, r1, _ in bounds if r0 <= hr <= r1])
    h1 = max([hr] + [r1 for r0, _, r1, _ in bounds if h0 <= r0 <= hr])
    return h0, h1


def _repeat_header(table: R.Table, where: Callable[[R.Table, int, int], int | None]):
    heads = _in_role(table, ("target",))
    if not heads:
        return None
    h0, h1 = _header_block(table, heads[0][0])
    at = where(table, h1, heads[0][0])
    if at is None or at <= h1 + 1 or _crossed(table, at) or _crossed(table, h0) or _crossed(table, h1 + 1):
        return None
    rows = [list(table.rows[r]) for r in range(h0, h1 + 1)]
    merges = [(r0 - h0, c0, r1 - h0, c1) for r0, c0, r1, c1 in P._bounds(table) if h0 <= r0 and r1 <= h1]
    return _insert_rows(table, at, rows, merges)


def header_before_total(table: R.Table):
    """The indicator header printed again before the 总分 row: a table whose 总分 row fell on the next page, printed
    with 'repeat title rows' and converted back to a sheet. A repeated header row holds no figure of the table."""
    return _repeat_header(table, lambda t, h1, hr: _total_row(t, hr))


def header_mid_block(table: R.Table):
    """The indicator header printed again between two groups half-way down the rows under the first header (a page
    break there, no merge across it, not next to a header the table already repeats): the rows under it belong to
    the same table."""

    def middle(t: R.Table, h1: int, hr: int) -> int | None:
        end = min(_total_row(t, hr) or len(t.rows), _rows_under(t, hr).stop)
        cuts = [r for r in range(h1 + 3, end - 1) if not _crossed(t, r)]
        return cuts[len(cuts) // 2] if cuts else None

    return _repeat_header(table, middle)


def blank_before_total(table: R.Table):
    """An empty row before the 总分 row (a page's last row left blank, or a spacer the filer added)."""
    heads = _in_role(table, ("target",))
    at = _total_row(table, heads[0][0]) if heads else None
    if at is None or _crossed(table, at):
        return None
    return _insert_rows(table, at, [[]], [])


_PCT_PLAIN = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*[%％]\s*$")


def _pct_decimal(cell: str) -> str:
    """ "95%" → "0.95", "95.5%" → "0.955", "100%" → "1.00": the same rate written as a fraction, every printed digit
    kept (so the precision is the printed one)."""
    m = _PCT_PLAIN.match(cell)
    return str(Decimal(m.group(1)).scaleb(-2)) if m else cell


def _map_role_column(table: R.Table, roles: tuple[str, ...], columns, fn: Callable[[str], str]):
    t = copy.deepcopy(table)
    for r, c, role in _header_cells(table):
        if role not in roles or H.match_role(table.rows[r][c], columns) != role:
            continue
        for rr in _rows_under(table, r):
            if c < len(t.rows[rr]):
                t.rows[rr][c] = fn(t.rows[rr][c])
    return (t, None) if t.rows != table.rows else None


def pct_decimal_actual(table: R.Table):
    """A plain percent under 实际完成值 written as a fraction ("96%" → "0.96"), as filers of rate indicators often do:
    beside a target "≥95%" a reader takes 0.96 for 96% — at most a question (警告), never a certain shortfall."""
    return _map_role_column(table, ("actual",), H.INDICATOR_COLUMNS, _pct_decimal)


def pct_decimal_rate(table: R.Table):
    """The funds' 执行率 written as a fraction ("89.7%" → "0.897"); the rate's digits and precision kept."""
    return _map_role_column(table, ("rate",), H.FUNDS_COLUMNS, _pct_decimal)


_PCT_TARGET = re.compile(r"^\s*(≥|≤|>=|<=|>|<|＞|＜|=)?\s*(\d+(?:\.\d+)?)\s*[%％]\s*$")


def _paired_rows(table: R.Table, t: R.Table, a: str, b: str):
    """(row of the copy `t`, column of role `a`, column of role `b`) for every row under a header naming both roles,
    both cells present on the row."""
    for hr, ca in _in_role(table, (a,)):
        cb = next((c for r, c in _in_role(table, (b,)) if r == hr), None)
        if cb is None:
            continue
        for r in _rows_under(table, hr):
            if max(ca, cb) < len(t.rows[r]):
                yield t.rows[r], ca, cb


def pct_decimal_both(table: R.Table):
    """On a row whose 年度指标值 and 实际完成值 are both percents, both written as fractions ("≥95%" │ "96%" →
    "≥0.95" │ "0.96"), as a filer who keeps rates as fractions does: the pair compares as before, every printed
    digit kept."""
    t = copy.deepcopy(table)
    for row, ct, ca in _paired_rows(table, t, "target", "actual"):
        mt, ma = _PCT_TARGET.match(row[ct]), _PCT_PLAIN.match(row[ca])
        if mt and ma:
            row[ct] = (mt.group(1) or "") + str(Decimal(mt.group(2)).scaleb(-2))
            row[ca] = _pct_decimal(row[ca])
    return (t, None) if t.rows != table.rows else None


def weights_percent(table: R.Table):
    """分值 printed as a share of the 100 points under a 权重 header ("分值" → "权重", "10" → "10%"), only on a table
    whose 总分 row prints 100 under that column: 10% of 100 points is 10 points."""
    t = copy.deepcopy(table)
    for hr, c in _in_role(table, ("weight",)):
        total = _total_row(table, hr)
        if total is None or c >= len(table.rows[total]) or table.rows[total][c].strip() not in ("100", "100.00"):
            continue
        t.rows[hr][c] = "权重"
        for r in _rows_under(table, hr):
            if r != total and c < len(t.rows[r]) and (m := _POINTS.match(t.rows[r][c])):
                t.rows[r][c] = f"{m.group(1)}%"
    return (t, None) if t.rows != table.rows else None


_YMD = re.compile(r"(?<!\d)(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?")


def _dotted(cell: str) -> str:
    """ "2023年12月31日前完成" → "2023.12.31前完成", "2025年12月" → "2025.12": the same date as many filers type it."""
    return _YMD.sub(lambda m: ".".join(g for g in m.groups() if g), cell)


def date_dots(table: R.Table):
    """Dates under 年度指标值 and 实际完成值 written with dots ("2023年12月31日" → "2023.12.31", "2025年12月" →
    "2025.12"): the same dates; a "2025.12" must not become the number 2025.12."""
    return _map_role_column(table, ("target", "actual"), H.INDICATOR_COLUMNS, _dotted)


_PLAIN_ACTUAL = re.compile(r"^\s*\d+(?:\.\d+)?\s*(?:%|％|[\u4e00-\u9fff]{1,3})?\s*$")


def actual_done(table: R.Table):
    """A plain actual prefixed with 完成 ("96%" → "完成96%", "12个" → "完成12个"), as filers report what was done."""
    return _map_role_column(
        table, ("actual",), H.INDICATOR_COLUMNS, lambda c: f"完成{c.strip()}" if _PLAIN_ACTUAL.match(c) else c
    )


def header_points_unit(table: R.Table):
    """分值/权重 and 得分 headers naming their unit ("分值" → "分值（分）", "得分" → "得分（分）"), as many templates print."""
    t = copy.deepcopy(table)
    for r, c, role in _header_cells(table):
        cell = table.rows[r][c]
        if role in ("weight", "score") and not re.search(r"[（(]", cell):
            t.rows[r][c] = cell.strip() + "（分）"
    return (t, None) if t.rows != table.rows else None


_WAN_LABEL = re.compile(r"^([^\d（(]*[\u4e00-\u9fff])\s*[（(]万元[)）](.*)$", re.S)


def unit_title_line(table: R.Table):
    """Each "…（万元）" label written without its unit and one "单位：万元" line under the title instead (the unit for
    the whole sheet, as most 财政 templates print it) — only where no other money unit (元, 千元, 亿元) is named, so
    every amount keeps its unit."""
    text = "\n".join(c for row in table.rows for c in row)
    if re.search(r"(?<![万])元(?![）)])|千元|亿元|单位[:：]", text.replace("万元", "")):
        return None
    t = copy.deepcopy(table)
    for row in t.rows:
        for c, cell in enumerate(row):
            if (m := _WAN_LABEL.match(cell)) and len(m.group(1)) <= 12:
                row[c] = (m.group(1) + m.group(2)).strip()
    if t.rows == table.rows:
        return None
    at = next((r for r in range(1, len(t.rows)) if not _crossed(t, r)), None)
    if at is None:
        return None
    w = P._width(t)
    return _insert_rows(t, at, [[""] * (w - 1) + ["单位：万元"]], [])


def unit_in_column_heads(table: R.Table):
    """The funds block's "（万元）" moved from its row label ("项目资金（万元）") into each amount column's header
    ("年初预算数（万元）", "全年预算数（万元）", "全年执行数（万元）"), as other templates print it — the same amounts in
    the same unit; only where one row label names 万元 and the header row names no unit yet."""
    t = copy.deepcopy(table)
    done = False
    for r, row in enumerate(table.rows):
        labels = [c for c, cell in enumerate(row) if (m := _WAN_LABEL.match(cell)) and len(m.group(1)) <= 12]
        roles = [
            c
            for c, cell in enumerate(row)
            if H.match_role(cell, H.FUNDS_COLUMNS) in ("initial_budget", "full_budget", "executed")
        ]
        if len(labels) != 1 or not roles or any("元" in row[c] for c in roles):
            continue
        m = _WAN_LABEL.match(row[labels[0]])
        assert m is not None
        t.rows[r][labels[0]] = (m.group(1) + m.group(2)).strip()
        for c in roles:
            t.rows[r][c] = row[c].strip() + "（万元）"
        done = True
    return (t, None) if done else None


def header_ideo_spaces(table: R.Table):
    """Header words of two to four characters spread with full-width spaces ("分值" → "分　值"), typed with a Chinese
    IME to align short headers."""
    return _spread_header(table, "\u3000")


def pad_ideo(cell: str) -> str:
    """A figure with a full-width space before it ("　95%"), an IME-typed indent."""
    return f"\u3000{cell}" if P._FIG.match(cell) else cell


def zero_width(cell: str) -> str:
    """A figure carrying a zero-width space after it ("95%\u200b"), as cells copied from a web page do."""
    return f"{cell}\u200b" if P._FIG.match(cell) else cell


def crlf_breaks(cell: str) -> str:
    """Line breaks written CR LF (a Word table pasted into Excel): a wrapped name and every break already there."""
    return name_break(cell).replace("\r\n", "\n").replace("\n", "\r\n")


# ---------------------------------------------------------------- read24: notes beside a value, head fields in one cell


def value_colon_note(table: R.Table):
    """ "（注：据年度统计）" after each target and actual holding a figure and no bracket of its own (a filer's note on where
    a figure comes from — the figure unchanged)."""
    t = copy.deepcopy(table)
    for hr, c in _in_role(table, ("target", "actual")):
        for r in _rows_under(table, hr):
            cell = t.rows[r][c] if c < len(t.rows[r]) else ""
            if re.search(r"\d", cell) and not re.search(r"[（(]", cell) and "\n" not in cell:
                t.rows[r][c] = cell.rstrip() + "（注：据年度统计）"
    return (t, None) if t.rows != table.rows else None


def _head_pairs(table: R.Table) -> list[tuple[int, int, int]]:
    """(row, label column, value column) of each head field printed "label │ value" in two cells (the value the next
    written cell of the row)."""
    out = []
    for r, row in enumerate(table.rows[:12]):
        for c, cell in enumerate(row):
            if not cell or not H.match_role(H.strip_brackets(H.normalise_label(cell)), H.HEADER_FIELDS):
                continue
            v = next((k for k in range(c + 1, len(row)) if row[k].strip()), None)
            if v is not None and not H.match_role(row[v], H.HEADER_FIELDS) and not H.is_known_label(row[v]):
                out.append((r, c, v))
    return out


def head_run_on(table: R.Table):
    """ "联系人：张三" written after each head field's value in its cell ("某县人社局 联系人：张三") — the name unchanged,
    another field's label and value after it."""
    t = copy.deepcopy(table)
    for r, _, v in _head_pairs(table):
        t.rows[r][v] = t.rows[r][v].rstrip() + " 联系人：张三"
    return (t, None) if t.rows != table.rows else None


def head_in_one_cell(sep: str) -> Callable[[R.Table], tuple[R.Table, None] | None]:
    """Each head field and its value written in the label's cell, parted by `sep` (a line break: Alt+Enter; a tab), the
    value's cell left empty."""

    def rewrite(table: R.Table):
        t = copy.deepcopy(table)
        for r, c, v in _head_pairs(table):
            t.rows[r][c] = f"{t.rows[r][c].strip()}{sep}{t.rows[r][v].strip()}"
            t.rows[r][v] = ""
        return (t, None) if t.rows != table.rows else None

    return rewrite


def head_full_mark(table: R.Table):
    """The form's full mark printed under a 自评得分 head label ("自评得分\n100"), its value still the next cell
    (review26d): a note beside the label, not the score."""
    t = copy.deepcopy(table)
    for r, c, _ in _head_pairs(table):
        if H.match_role(H.strip_brackets(H.normalise_label(table.rows[r][c])), H.HEADER_FIELDS) == "自评得分":
            t.rows[r][c] = table.rows[r][c].strip() + "\n100"
    return (t, None) if t.rows != table.rows else None


# ---------------------------------------------------------------- read26: rows reordered, totals, percents in headers


def rows_reordered(table: R.Table):
    """Two neighbouring indicator rows of one group printed the other way round (the filer's own order within a 二级):
    each row keeps its cells, so each means what it meant. Only rows both naming an indicator and a weight, whose 一级
    and 二级 cells read the same (blank, or the label printed on both), and every merge touching either spans both (a
    group label merged over them stays where it is, the rows' own cells swap under it); disjoint pairs, top down."""
    names, weights = _in_role(table, ("name",)), _in_role(table, ("weight",))
    groups = _label_columns(table)
    bounds = P._bounds(table)
    t, rowmap = _pad(table), {}
    for hr, cn in names:
        cw = next((c for r, c in weights if r == hr), None)
        if cw is None:
            continue
        keys = [c for r, c in groups if r == hr]
        rows = list(_rows_under(table, hr))
        i = 0
        while i + 1 < len(rows):
            a, b = rows[i], rows[i + 1]
            ra, rb = t.rows[a], t.rows[b]
            over = [m for m in bounds if m[0] <= b and m[2] >= a]
            kept = {c for _, c0, _, c1 in over for c in range(c0, c1 + 1)}
            ok = (
                b == a + 1
                and all(r0 <= a and b <= r1 for r0, _, r1, _ in over)
                and not {cn, cw} & kept
                and all(_POINTS.match(row[cw]) and row[cn].strip() for row in (ra, rb))
                and all(ra[c].strip() == rb[c].strip() for c in keys if c not in kept)
                and not any(P._head(x) in ("总分", "总分值", "合计") for x in ra + rb)
            )
            if ok:
                for c in range(len(ra)):
                    if c not in kept:
                        ra[c], rb[c] = rb[c], ra[c]
                rowmap |= {a + 1: b + 1, b + 1: a + 1}
                i += 2
            else:
                i += 1
    if not rowmap:
        return None
    return t, {r: rowmap.get(r, r) for r in range(1, len(table.rows) + 1)}


def total_no_weight(table: R.Table):
    """The 总分 row's 分值 cell left blank (only its 得分 printed), as many filers do: the weights' sum is still the form's
    full mark; nothing about the 得分 changes."""
    t = copy.deepcopy(table)
    for hr, c in _in_role(table, ("weight",)):
        total = _total_row(table, hr)
        if total is None or c >= len(table.rows[total]) or not _POINTS.match(table.rows[total][c]):
            continue
        if any(r0 <= total <= r1 and c0 <= c <= c1 and (r0, c0) != (r1, c1) for r0, c0, r1, c1 in P._bounds(table)):
            continue  # a merge over the cell (a 分值 merged with its 得分 or the label): another layout
        t.rows[total][c] = ""
    return (t, None) if t.rows != table.rows else None


_PCT_CELL = re.compile(r"^\s*(≥|≤|>=|<=|>|<|＞|＜|=)?\s*(\d+(?:\.\d+)?)\s*%\s*$")


def pct_in_indicator_header(table: R.Table):
    """A 年度指标值 or 实际完成值 column whose every written cell is a percent ("≥95%", "96%") printed with "（%）" in its
    header and the figures bare ("≥95", "96"): the unit named once for the column, as templates with a 单位 per column
    do. Only columns holding no other unit, so every figure keeps its meaning."""
    t = copy.deepcopy(table)
    for hr, c in _in_role(table, ("target", "actual")):
        if re.search(r"[（(]", table.rows[hr][c]):
            continue
        total = _total_row(table, hr) or len(table.rows)
        rows = [r for r in _rows_under(table, hr) if r < total and c < len(table.rows[r]) and table.rows[r][c].strip()]
        if len(rows) < 2 or not all(_PCT_CELL.match(table.rows[r][c]) for r in rows):
            continue
        t.rows[hr][c] = table.rows[hr][c].strip() + "（%）"
        for r in rows:
            if c < len(t.rows[r]) and (m := _PCT_CELL.match(t.rows[r][c])):
                t.rows[r][c] = (m.group(1) or "") + m.group(2)
    return (t, None) if t.rows != table.rows else None


def blank_after_header(table: R.Table):
    """An empty row right under each indicator header (a spacer the filer left, or a sub-header row emptied): the rows
    under it are the same table's."""
    heads = _in_role(table, ("target",)) or _in_role(table, ("weight",))
    t, rowmap = table, None
    for hr, _ in sorted(set(heads), reverse=True):
        at = _header_block(table, hr)[1] + 1
        if at >= len(table.rows) or _crossed(table, at):
            continue
        t, step = _insert_rows(t, at, [[]], [])
        rowmap = {new: (rowmap or {}).get(old, old) for new, old in step.items()}
    return (t, rowmap) if rowmap else None


def annex_caption(table: R.Table):
    """ "附件2" printed on a row of its own above the table's title (the annex number of the document the table was
    attached to), as many published tables carry."""
    if table.rows and re.match(r"^\s*附\s*件", "".join(table.rows[0])):
        return None
    return _insert_rows(table, 0, [["附件2"]], [])


def note_column_filled(table: R.Table):
    """A 备注 column added at the right of each header row naming 得分, "无" written on every row under it that holds
    a figure up to its 总分 (a filer noting nothing to remark): no reason, no value of the table."""
    heads = {r for r, _ in _in_role(table, ("score",))}
    if not heads:
        return None
    fills: dict[int, str] = {}
    for hr in heads:
        fills[hr] = "备注"
        total = _total_row(table, hr) or len(table.rows)
        for r in _rows_under(table, hr):
            if r < total and any(re.search(r"\d", c) for c in table.rows[r]):
                fills[r] = "无"
    return P.insert_column(table, P._width(table), lambda r: fills.get(r, "")), None


def stacked_whole(table: R.Table):
    """probe_rewrites' `stacked` (the table twice on one sheet, two blank rows between) on a table stored whole: a copy
    cut short (`truncated`, the stored page ends inside it) stacked above another table reads as a table that ends
    there — its last 一级's shortfall then a certain W02 (湖北 广水's first part, no 总分 of its own, is judged so) where
    the cut copy alone leaves it to W03's 警告. That is another table, not the published one written otherwise."""
    return None if table.meta.get("truncated") else P.stacked(table)


# ---------------------------------------------------------------- adv27: what the clerks of a real filing add around a table


def _rows_of_head(table: R.Table, roles: tuple[str, ...] = ("target",)) -> list[int]:
    """The header rows naming one of `roles` (indicator headers), top down."""
    return sorted({r for r, _ in _in_role(table, roles)})


def _then(rowmap: dict[int, int] | None, step: dict[int, int]) -> dict[int, int]:
    """A row map after one more insertion: `step` sends the new copy's rows to the copy before it, `rowmap` (None:
    the published table itself) those to the published rows; a row inserted by either maps to none."""
    if rowmap is None:
        return dict(step)
    return {new: rowmap[old] for new, old in step.items() if old in rowmap}


def _head_end(table: R.Table, hr: int) -> int:
    """The last row of the header naming roles on row `hr`: the lowest row a merge over one of its role cells reaches
    (a label running down the block from the header row, "绩效指标" over A13:A21, is not the header)."""
    bounds = P._bounds(table)
    cols = {c for r, c, _ in _header_cells(table) if r == hr}
    return max([hr] + [r1 for r0, c0, r1, c1 in bounds if r0 <= hr <= r1 and any(c0 <= c <= c1 for c in cols)])


def title_unit_date(table: R.Table):
    """A row above the table, merged across its whole width, naming the filing unit and the date it was filed
    ("填报单位：某县农业农村局　　填报日期：2024年3月15日"), as unit-made copies print over the form's own title. Not over
    a copy stored from mid-table (a FRAGMENT: its rows are read without a header): a title says the table starts
    there, which the stored copy does not (as `signature_footer` under a truncated one)."""
    if "FRAGMENT" in str(table.meta.get("notes", "")):
        return None
    w = P._width(table)
    year = table.meta.get("year", 2023)
    text = f"填报单位：{table.meta.get('publisher', '某县财政局')}\u3000\u3000填报日期：{int(year) + 1}年3月15日"
    return _insert_rows(table, 0, [[text]], [(0, 0, 0, w - 1)] if w > 1 else [])


def _grow_merge(bounds: list[tuple[int, int, int, int]], r: int, c: int):
    """The index of the merge covering cell (r, c), or None."""
    return next((i for i, (r0, c0, r1, c1) in enumerate(bounds) if r0 <= r <= r1 and c0 <= c <= c1), None)


def header_two_rows(table: R.Table):
    """The indicator header printed over two rows, every header cell merged down over both (the form's header row
    made taller as two rows, as templates with a two-row header over the funds block do); the rows under it unchanged,
    a label running down from the header row growing with it."""
    return _two_row_header(table, _rows_of_head(table))


def _two_row_header(table: R.Table, heads: list[int]):
    """`header_two_rows` for the header rows `heads` (0-based)."""
    if not heads:
        return None
    t, rowmap = table, None
    for hr in sorted(heads, reverse=True):
        if _head_end(table, hr) != hr:
            continue  # already two rows
        t2, step = _insert_rows(t, hr + 1, [[]], [])
        bounds = P._bounds(t2)
        for i, (r0, c0, r1, c1) in enumerate(bounds):
            if r0 <= hr <= r1:  # a header cell, or a label running down from it: it covers the new row too
                bounds[i] = (r0, c0, r1 + 1, c1)
        for c, cell in enumerate(t2.rows[hr]):
            if cell.strip() and _grow_merge(bounds, hr, c) is None:
                bounds.append((hr, c, hr + 1, c))
        t2.merges = P._emit(bounds)
        t = t2
        rowmap = _then(rowmap, step)
    return (t, rowmap) if rowmap else None


def _placed(table: R.Table, hr: int) -> bool:
    """Whether the published table reads a column of the indicator header on row `hr` (0-based) whose header word names
    no role (`headers.match_role`): a column placed by its position, not found by its name."""
    from perfxl.layout.detect import read_sheet

    row = table.rows[hr]
    read = {
        cell.c
        for ev in read_sheet(R.grid_of(table)).evaluations
        for ind in ev.indicators[:1]
        for cell in (ind.target, ind.actual, ind.weight, ind.score, ind.deviation)
        if cell.sheet is not None
    }
    return any(
        c < len(row)
        and row[c].strip()
        and H.match_role(H.strip_brackets(H.normalise_label(row[c])), H.INDICATOR_COLUMNS) is None
        for c in read
    )


def header_group_row(table: R.Table):
    """The indicator header over two rows: "绩效指标" merged across the 一级/二级/三级 columns on the upper row, their
    own names under it, every other header cell merged down over both rows (the 三级 layout most 自评表 templates
    print). Only where those columns are side by side, unmerged on the header row, and the header names no
    "绩效指标" of its own."""
    heads = _rows_of_head(table)
    t, rowmap = table, None
    for hr in sorted(heads, reverse=True):
        if _head_end(table, hr) != hr or _crossed(table, hr):
            continue
        levels = sorted(c for r, c in _in_role(table, ("level1", "level2", "name")) if r == hr)
        if len(levels) < 2 or levels != list(range(levels[0], levels[-1] + 1)):
            continue
        if any("绩效指标" in re.sub(r"\s+", "", x) for x in table.rows[hr]):
            continue
        if any(_grow_merge(P._bounds(table), hr, c) is not None for c in levels):
            continue
        if _placed(table, hr):
            # a column the published table reads under a header word naming no role (银川 2021's OCR-scrambled
            # "考值参分" = 参考分值): its 分值 is placed by its position beside the names, a guess a two-row header does
            # not repeat — and no reader could tell the scrambled word is 分值 but by that same guess: not benign
            continue
        t2, step = _insert_rows(t, hr, [[]], [])
        # the upper row holds the published header row's cells moved up (a label merged down from there now anchors on
        # it: 不详 服务贸易's W05 on "年度绩效目标(80分)" stood on the new row and was counted lost): both rows are it
        step[hr + 1] = hr + 1
        bounds = P._bounds(t2)
        up, row = t2.rows[hr], t2.rows[hr + 1]
        for c in range(len(row)):
            if c in levels:
                continue
            i = _grow_merge(bounds, hr + 1, c)
            if i is None:
                if row[c].strip():
                    up[c], row[c] = row[c], ""
                    bounds.append((hr, c, hr + 1, c))
            elif bounds[i][0] == hr + 1 and bounds[i][1] == c:
                up[c], row[c] = row[c], ""
                bounds[i] = (hr, *bounds[i][1:])
        up[levels[0]] = "绩效指标"
        bounds.append((hr, levels[0], hr, levels[-1]))
        t2.merges = P._emit(bounds)
        t = t2
        rowmap = _then(rowmap, step)
    return (t, rowmap) if rowmap else None


_BLOCK_START = re.compile(r"^(年度总体目标|总体目标|年度绩效目标|绩效目标|绩效指标|一级指标|年度目标)")


def _funds_block(table: R.Table) -> tuple[int, int] | None:
    """(first, end) rows of the funds block: from its header (a row naming 年初/全年预算数 or 执行数) to the first row
    starting a goal or indicator block; None when a merge crosses either edge or no block follows it."""
    fr = next(
        (
            r
            for r, c, role in _header_cells(table)
            if role in ("full_budget", "executed", "initial_budget")
            and H.match_role(table.rows[r][c], H.FUNDS_COLUMNS) == role
        ),
        None,
    )
    if fr is None:
        return None
    fr = _header_block(table, fr)[0]
    end = next(
        (
            r
            for r in range(fr + 1, len(table.rows))
            if any(_BLOCK_START.match(re.sub(r"\s+", "", x)) for x in table.rows[r][:2])
            or r in {h for h, _ in _in_role(table, ("target", "weight"))}
        ),
        None,
    )
    if end is None or _crossed(table, fr) or _crossed(table, end):
        return None
    return fr, end


def funds_after_indicators(table: R.Table):
    """The funds block (年初预算数 │ 全年预算数 │ 全年执行数 …, its rows as printed) moved under the indicators, just
    before the 总分 row that sums both — templates differ in this order; each amount keeps its row. Only where the
    indicators end in a 总分 row no merge crosses (after the notes under a table, a block is another table's)."""
    block = _funds_block(table)
    heads = _rows_of_head(table)
    if block is None or not heads:
        return None
    fr, end = block
    total = _total_row(table, heads[-1])
    if total is None or total < end or _crossed(table, total):
        return None
    n = len(table.rows)
    order = list(range(fr)) + list(range(end, total)) + list(range(fr, end)) + list(range(total, n))  # new → old
    t = _pad(table)
    t.rows = [t.rows[o] for o in order]
    where = {o: i for i, o in enumerate(order)}
    out = []
    for r0, c0, r1, c1 in P._bounds(table):
        d = where[r0] - r0
        out.append((r0 + d, c0, r1 + d, c1))
    t.merges = P._emit(out)
    return t, {i + 1: o + 1 for i, o in enumerate(order)}


_GOAL_LINES = (
    "\n一是加强项目资金管理，严格按照预算执行，确保专款专用；"
    "\n二是按计划推进各项工作，保质保量完成年度任务；"
    "\n三是主动接受社会监督，不断提升服务对象的获得感。"
)


def goal_long_text(table: R.Table):
    """The 年度总体目标's 预期目标 written as a long text over several lines (Alt+Enter), as filers describe the year's
    goal; where the table prints no goal block (no "…目标…" label left of its indicator header), a 年度总体目标 row
    holding such a text inserted between the funds block and the indicators. No figure is added, and the 实际完成情况
    is left as printed."""
    heads = _rows_of_head(table)
    if not heads:
        return None
    top = _header_block(table, heads[0])[0]
    labels = [(r, c) for r in range(top) for c, x in enumerate(table.rows[r][:2]) if "目标" in x or "年度总体" in x]
    t = copy.deepcopy(table)
    if labels:
        r, c = labels[0]
        goal = next(
            (
                (rr, k)
                for rr in (r, r + 1)
                if rr < top
                for k in range(c + (rr == r), len(t.rows[rr]))
                if len(t.rows[rr][k]) >= 12
            ),
            None,
        )
        if goal is None:
            return None
        t.rows[goal[0]][goal[1]] += _GOAL_LINES
        return t, None
    w = P._width(table)
    if top == 0 or _crossed(table, top) or w < 3:
        return None
    text = "保障项目按计划实施，发挥资金使用效益。" + _GOAL_LINES
    return _insert_rows(table, top, [["年度总体目标", text]], [(0, 1, 0, w - 1)])


def signature_footer(table: R.Table):
    """A signature line under the table's last row (单位负责人 │ 财务负责人 │ 填报人 │ 联系电话 │ 填报日期), spread over
    its width as unit-made copies print it. Not under a table stored cut short (`truncated`): a signature under it
    says the table ends there, which the published one does not (`stacked_whole`)."""
    items = [
        "单位负责人：李四",
        "财务负责人：王五",
        "填报人：张三",
        "联系电话：0551-6234567",
        "填报日期：2024年3月15日",
    ]
    return _signed_below(table, items)


_BARE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*$")
_TARGET_UNIT = re.compile(r"\d(?:[\d,]*)(?:\.\d+)?\s*(%|％|[\u4e00-\u9fff㎡]{1,3}?)\s*(?:以上|以下|以内)?\s*$")


def actual_unit(table: R.Table):
    """A bare figure under 实际完成值 written with the unit its row's 年度指标值 names ("≥95%" │ "96" → "96%",
    "≤202.6万元" │ "132.9" → "132.9万元"), as a filer who types the unit in every cell does."""
    t = copy.deepcopy(table)
    for row, ct, ca in _paired_rows(table, t, "target", "actual"):
        m = _TARGET_UNIT.search(row[ct]) if _BARE.match(row[ca]) else None
        if m and not re.search(r"[年月日]", m.group(1)):
            row[ca] = row[ca].strip() + m.group(1)
    return (t, None) if t.rows != table.rows else None


_INT_POINTS = re.compile(r"^\s*(\d+)\s*$")


def points_one_decimal(table: R.Table):
    """Every whole 分值 under the indicator header printed with one decimal ("10" → "10.0", "8" → "8.0"), as a column
    formatted 0.0 prints it: a weight is exact (as `weights_zeros`'s "10.00"). Not the 得分: "9" → "9.0" states a
    precision the filer never printed — beside an exact 8.62 a "9" is right at its whole points and a "9.0" wrong at
    its tenths (the copy's F05/S01 错误 on 河北 廊坊 2019 are right for it), like "9" → "9.00" (left out above)."""
    t = copy.deepcopy(table)
    for hr, c in _in_role(table, ("weight",)):
        for r in _rows_under(table, hr):
            if c < len(t.rows[r]) and (m := _INT_POINTS.match(t.rows[r][c])):
                t.rows[r][c] = f"{m.group(1)}.0"
    return (t, None) if t.rows != table.rows else None


def reason_merged_empty(table: R.Table):
    """An empty 偏差原因 column merged over all its rows down to the 总分 (a filer who merged it to write one remark
    and wrote none): still no reason on any row."""
    t = copy.deepcopy(table)
    bounds = P._bounds(table)
    for hr, c in _in_role(table, ("deviation",)):
        end = _total_row(table, hr) or _rows_under(table, hr).stop
        rows = list(range(hr + 1, end))
        if len(rows) < 2 or any(c < len(table.rows[r]) and table.rows[r][c].strip() for r in rows):
            continue
        if any(_grow_merge(bounds, r, c) is not None for r in rows) or _head_end(table, hr) != hr:
            continue
        bounds.append((rows[0], c, rows[-1], c))
    if len(bounds) == len(P._bounds(table)):
        return None
    t.merges = P._emit(bounds)
    return t, None


def blank_columns_between(table: R.Table):
    """An empty column after each of the table's columns (a sheet laid out with narrow spacer columns): every cell
    keeps its row and neighbours, merges widen over the spacers they cross."""
    t = table
    for c in range(P._width(table) - 1, 0, -1):
        t = P.insert_column(t, c)
    return t, None


_SIDE = [["序号", "佐证材料名称"], ["1", "项目实施方案"], ["2", "资金拨付凭证"], ["3", "项目验收报告"]]


def _beside(table: R.Table, at: int):
    """A copy with `_SIDE` printed from 0-based row `at` down, two empty columns right of the table."""
    if at + len(_SIDE) > len(table.rows):
        return None
    t = _pad(table)
    w = P._width(t)
    for i, side in enumerate(_SIDE):
        t.rows[at + i] += ["", "", *side]
    t.rows = [r + [""] * (w + 4 - len(r)) for r in t.rows]
    return t, None


def side_table(table: R.Table):
    """A small unrelated table to the right of the indicator header (序号 │ 佐证材料名称, three numbered rows), two
    empty columns apart: the evidence list some units print beside the form."""
    heads = _rows_of_head(table)
    return _beside(table, heads[0]) if heads else None


def side_table_top(table: R.Table):
    """The same evidence list beside the form's first rows (its title and head)."""
    return _beside(table, 0)


def blank_top_rows(table: R.Table):
    """Five empty rows above the table (a sheet whose print area starts lower)."""
    return _insert_rows(table, 0, [[]] * 5, [])


def weight_in_name(table: R.Table):
    """Each 三级 indicator's name followed by its 分值 ("补助村数量" → "补助村数量（8分）"), the 分值 column kept — as
    forms that print each indicator's points beside its name."""
    t = copy.deepcopy(table)
    for row, cn, cw in _paired_rows(table, t, "name", "weight"):
        m = _POINTS.match(row[cw]) if row[cn].strip() else None
        if m and not re.search(r"[（(]\s*\d", row[cn]) and P._head(row[cn]) not in ("总分", "合计"):
            row[cn] = f"{row[cn].rstrip()}（{m.group(1)}分）"
    return (t, None) if t.rows != table.rows else None


def traditional_headers(table: R.Table):
    """The header rows (indicator and funds) and head field labels in traditional characters, the figures and
    indicator rows as printed (a template made in a traditional-character locale, filled in simplified)."""
    import opencc

    conv = opencc.OpenCC("s2t")
    t = copy.deepcopy(table)
    for r in {r for r, _, _ in _header_cells(table)}:
        t.rows[r] = [conv.convert(x) for x in t.rows[r]]
    for r, c, _ in _head_pairs(table):
        t.rows[r][c] = conv.convert(t.rows[r][c])
    return (t, None) if t.rows != table.rows else None


def column_numbers(table: R.Table):
    """A row of column numbers (1 2 3 …, one per header cell written) right under each indicator header, as forms
    that number their columns print."""
    heads = _rows_of_head(table)
    t, rowmap = table, None
    for hr in sorted(heads, reverse=True):
        h0, h1 = _header_block(table, hr)[0], _head_end(table, hr)
        at = h1 + 1
        if at >= len(table.rows):
            continue
        bounds = P._bounds(table)
        cols = [
            c
            for c in range(len(table.rows[hr]))
            if any(table.rows[r][c].strip() for r in range(h0, h1 + 1) if c < len(table.rows[r]))
            and not any(r0 <= h1 <= r1 and c0 < c <= c1 for r0, c0, r1, c1 in bounds)
            and not any(r0 <= h1 < r1 and c0 <= c <= c1 for r0, c0, r1, c1 in bounds)  # a label down the block
        ]
        row = [""] * P._width(table)
        for i, c in enumerate(cols):
            row[c] = str(i + 1)
        crossing = [b for b in P._bounds(t) if b[0] < at <= b[2]]  # a label down the block grows over the new row
        t, step = _insert_rows(t, at, [row], [])
        t.merges = P._emit(
            [
                (r0, c0, r1 + 1, c1) if (r0, c0, r1, c1) in crossing else (r0, c0, r1, c1)
                for r0, c0, r1, c1 in P._bounds(t)
            ]
        )
        rowmap = _then(rowmap, step)
    return (t, rowmap) if rowmap else None


# ---------------------------------------------------------------- review27d: a full mark beside the 总分 and the head score


def _printed_full(table: R.Table) -> tuple[int, str] | None:
    """(row, figure) of the first 总分 row printing its 分值 as a plain figure under the 分值 header ("100"), else None:
    the full mark the table shows."""
    for hr, c in _in_role(table, ("weight",)):
        total = _total_row(table, hr)
        if total is not None and c < len(table.rows[total]) and (m := _POINTS.match(table.rows[total][c])):
            return total, m.group(1)
    return None


_DECLARED = re.compile(r"[(（]\s*(\d+)\s*分\s*[)）]\s*$")


def _full_mark(table: R.Table) -> str | None:
    """The full mark the table shows: its 总分 row's printed 分值, else the sum of the weights its 一级 labels declare
    ("项目决策(10分)") when two or more do and every one does."""
    printed = _printed_full(table)
    if printed is not None:
        return printed[1]
    for hr, c in _in_role(table, ("level1",)):
        labels = [
            table.rows[r][c] for r in _rows_under(table, hr) if c < len(table.rows[r]) and table.rows[r][c].strip()
        ]
        declared = [_DECLARED.search(x) for x in labels]
        if len(labels) >= 2 and all(declared):
            return str(sum(int(m.group(1)) for m in declared if m))
    return None


def _total_mark(note: str) -> Callable[[R.Table], tuple[R.Table, None] | None]:
    """The 总分 label with the full mark its row prints written under it (`note` formats it: "总分\n100",
    "总分\n100\n（满分）"), as forms that label the total with its scale do: the row's cells unchanged."""

    def rewrite(table: R.Table):
        full = _printed_full(table)
        if full is None:
            return None
        t = copy.deepcopy(table)
        row = t.rows[full[0]]
        for c, cell in enumerate(row):
            if P._head(cell) in ("总分", "总分值"):
                row[c] = note.format(label=cell.strip(), full=full[1])
                break
        return (t, None) if t.rows != table.rows else None

    return rewrite


def _head_pair(in_label: bool) -> Callable[[R.Table], tuple[R.Table, None] | None]:
    """The head's 自评得分 (a plain figure) printed under the table's full mark, on two lines: in the label's
    cell ("自评得分\n100\n98", the value's cell left empty) or in the value's own ("100\n98") — read27's
    `figure_pair`, the first figure the table's full mark, so the second is the score. Only tables showing their full
    mark (`_full_mark`)."""

    def rewrite(table: R.Table):
        full = _full_mark(table)
        if full is None:
            return None
        t = copy.deepcopy(table)
        for r, c, v in _head_pairs(table):
            label, value = table.rows[r][c], table.rows[r][v]
            named = H.match_role(H.strip_brackets(H.normalise_label(label)), H.HEADER_FIELDS) == "自评得分"
            if not named or not _POINTS.match(value):
                continue
            if in_label:
                t.rows[r][c], t.rows[r][v] = f"{label.strip()}\n{full}\n{value.strip()}", ""
            else:
                t.rows[r][v] = f"{full}\n{value.strip()}"
        return (t, None) if t.rows != table.rows else None

    return rewrite


# ---------------------------------------------------------------- adv28: a printed copy's pages and subtotals


def header_every_page(table: R.Table):
    """A printed copy turned back into a sheet: every `_PAGE_ROWS` rows under the indicator header a page footer
    ("第 1 页，共 3 页", alone in its row's first cell) and the header again (Excel's 'repeat title rows'), at the first
    row no merge crosses once a page holds `_PAGE_ROWS` rows, while rows of the table follow it (header_mid_block prints it once, without a footer)."""
    heads = _in_role(table, ("target",))
    if not heads:
        return None
    hr = heads[0][0]
    h0, h1 = _header_block(table, hr)
    if _crossed(table, h0) or _crossed(table, h1 + 1):
        return None
    end = min(_total_row(table, hr) or len(table.rows), _rows_under(table, hr).stop)
    cuts: list[int] = []
    for r in range(h1 + 1 + _PAGE_ROWS, end):
        if r - (cuts[-1] if cuts else h1 + 1) >= _PAGE_ROWS and not _crossed(table, r):
            cuts.append(r)
    if not cuts:
        return None
    head = [list(table.rows[r]) for r in range(h0, h1 + 1)]
    merges = [(r0 - h0 + 1, c0, r1 - h0 + 1, c1) for r0, c0, r1, c1 in P._bounds(table) if h0 <= r0 and r1 <= h1]
    t, rowmap = table, None
    for i, at in sorted(enumerate(cuts), reverse=True):
        footer = [f"第 {i + 1} 页，共 {len(cuts) + 1} 页"]
        t, step = _insert_rows(t, at, [footer, *copy.deepcopy(head)], merges)
        rowmap = _then(rowmap, step)
    return t, rowmap


_PAGE_ROWS = 6


def _level1_groups(table: R.Table, hr: int, c: int, end: int) -> list[tuple[int, int]]:
    """(first, last) rows of each 一级 group under header row `hr`, its label in column `c` (printed on its first row,
    merged down or repeated), up to row `end` (the 总分 row)."""
    starts: list[tuple[int, str]] = []
    bounds = P._bounds(table)
    for r in range(hr + 1, end):
        text = table.rows[r][c].strip() if c < len(table.rows[r]) else ""
        covered = any(r0 < r <= r1 and c0 <= c <= c1 for r0, c0, r1, c1 in bounds)
        if text and not covered and (not starts or starts[-1][1] != text):
            starts.append((r, text))
    return [(r, (starts[i + 1][0] if i + 1 < len(starts) else end) - 1) for i, (r, _) in enumerate(starts)]


def subtotal_per_level1(table: R.Table):
    """A 小计 row under each 一级 group (产出指标 │ 效益指标 │ 满意度指标), printing the group's 分值 and 得分 sums in
    their columns, as forms that total each 一级 print: each sum exact (the figures as printed added), the 总分 row
    unchanged. Only on a table whose groups end in a 总分 row, every 分值/得分 of the group a plain figure or blank (an
    unused "指标2:" row), no merge crossing a group's end but a label left of the 一级 column ("绩效指标" merged down the
    block grows over the 小计)."""
    heads = _rows_of_head(table)
    if not heads:
        return None
    hr = heads[0]
    col = {
        role: next((c for r, c in _in_role(table, (role,)) if r == hr), None)
        for role in ("level1", "weight", "score", "name")
    }
    total = _total_row(table, hr)
    if None in col.values() or total is None:
        return None
    groups = _level1_groups(table, hr, col["level1"], total)
    if len(groups) < 2:
        return None
    added: list[tuple[int, list[str]]] = []
    for first, last in groups:
        rows = [table.rows[r] for r in range(first, last + 1)]
        sums = []
        for c in (col["weight"], col["score"]):
            cells = [row[c] if c < len(row) else "" for row in rows]
            if not all(_POINTS.match(x) or not x.strip() for x in cells) or not any(x.strip() for x in cells):
                return None
            sums.append(sum(Decimal(x.strip()) for x in cells if x.strip()))
        if any(c1 >= col["level1"] for r0, _, r1, c1 in P._bounds(table) if r0 <= last < r1):
            return None
        row = [""] * P._width(table)
        row[col["name"]] = "小计"
        row[col["weight"]], row[col["score"]] = (str(x) for x in sums)
        added.append((last + 1, row))
    t, rowmap = table, None
    for at, row in reversed(added):
        crossing = [b for b in P._bounds(t) if b[0] < at <= b[2]]  # an outer "绩效指标" label down the block grows
        t, step = _insert_rows(t, at, [row], [])
        t.merges = P._emit(
            [
                (r0, c0, r1 + 1, c1) if (r0, c0, r1, c1) in crossing else (r0, c0, r1, c1)
                for r0, c0, r1, c1 in P._bounds(t)
            ]
        )
        rowmap = _then(rowmap, step)
    return t, rowmap


# ---------------------------------------------------------------- the variants

#: probe_rewrites' variants this sweep also runs (the brief's list), by their name there.
REUSED = (
    "ops_ascii",
    "ops_words",
    "ops_suffix",
    "unit_column",
    "unit_into_value",
    "full_width",
    "thousands",
    "traditional",
    "unmerged",
    "unmerged_filled",
    "total_heji",
    "padded",
    "header_breaks",
    "note_column",
    "blank_rows",
    "pct_in_header",
)

VARIANTS: dict[str, Callable] = {
    "ops_jis": P.cellwise(_ops({"≥": "≧", "≤": "≦"})),
    "ops_dayu": P.cellwise(_ops({"≥": "大于等于", "≤": "小于等于"})),
    "ops_buxiao": P.cellwise(_ops({"≥": "不小于", "≤": "不大于"})),
    "ops_yinei": P.cellwise(_ops({"≤": "以内"}, suffix=True)),
    "pct_fullwidth": P.cellwise(pct_fullwidth),
    "pct_words": P.cellwise(pct_words),
    "pct_space": P.cellwise(pct_space),
    "unit_space": P.cellwise(unit_space),
    "unit_break": P.cellwise(unit_break),
    "name_break": P.cellwise(name_break),
    "amounts_2dp": P.cellwise(amounts_2dp),
    "group_merged": group_merged,
    "group_first_only": group_first_only,
    "empty_column_b": empty_column_b,
    "points_fen": points_fen,
    "amounts_wanyuan": amounts_wanyuan,
    "empty_column_value": empty_column_value,
    "header_synonyms": header_synonyms,
    "header_spaces": header_spaces,
    "total_spaced": P.total_label("总  分"),
    "total_defen_heji": P.total_label("得分合计"),
    "target_note": target_note,
    "swap_weight_score": swap_weight_score,
    "swap_target_actual": swap_target_actual,
    "header_before_total": header_before_total,
    "header_mid_block": header_mid_block,
    "blank_before_total": blank_before_total,
    "pct_decimal_actual": pct_decimal_actual,
    "pct_decimal_rate": pct_decimal_rate,
    "pct_decimal_both": pct_decimal_both,
    "weights_percent": weights_percent,
    "date_dots": date_dots,
    "actual_done": actual_done,
    "header_points_unit": header_points_unit,
    "unit_title_line": unit_title_line,
    "unit_in_column_heads": unit_in_column_heads,
    "header_ideo_spaces": header_ideo_spaces,
    "total_ideo_spaced": P.total_label("总\u3000\u3000分"),
    "pad_ideo": P.cellwise(pad_ideo),
    "zero_width": P.cellwise(zero_width),
    "crlf_breaks": P.cellwise(crlf_breaks),
    "value_colon_note": value_colon_note,
    "head_run_on": head_run_on,
    "head_break": head_in_one_cell("\n"),
    "head_tab": head_in_one_cell("\t"),
    "head_full_mark": head_full_mark,
    "rows_reordered": rows_reordered,
    "total_no_weight": total_no_weight,
    "pct_in_indicator_header": pct_in_indicator_header,
    "blank_after_header": blank_after_header,
    "annex_caption": annex_caption,
    "note_column_filled": note_column_filled,
    "stacked": stacked_whole,
    "title_unit_date": title_unit_date,
    "header_two_rows": header_two_rows,
    "header_group_row": header_group_row,
    "funds_after_indicators": funds_after_indicators,
    "goal_long_text": goal_long_text,
    "signature_footer": signature_footer,
    "actual_unit": actual_unit,
    "points_one_decimal": points_one_decimal,
    "reason_merged_empty": reason_merged_empty,
    "blank_columns_between": blank_columns_between,
    "side_table": side_table,
    "side_table_top": side_table_top,
    "blank_top_rows": blank_top_rows,
    "weight_in_name": weight_in_name,
    "traditional_headers": traditional_headers,
    "column_numbers": column_numbers,
    # review27d
    "total_mark_break": _total_mark("{label}\n{full}"),
    "total_mark_note": _total_mark("{label}\n{full}\n（满分）"),
    "head_pair_label": _head_pair(in_label=True),
    "head_pair_value": _head_pair(in_label=False),
    # adv28
    "header_every_page": header_every_page,
    "subtotal_per_level1": subtotal_per_level1,
} | {name: P.REWRITES[name] for name in REUSED}


# ---------------------------------------------------------------- row verdicts


def verdicts(table: R.Table, found, rowmap) -> dict[tuple[int, str], Severity]:
    """(published row, code) → the highest severity perfxl gave it there (row 0: the sheet/file). 提示 ignored."""
    back = (lambda r: rowmap.get(r, -1)) if rowmap else (lambda r: r)
    out: dict[tuple[int, str], Severity] = {}
    for f in found:
        if f.severity.rank < Severity.WARNING.rank:
            continue
        row = getattr(f.ref, "row", None)
        key = (back(row) if isinstance(row, int) else 0, f.code)
        if key not in out or f.severity.rank > out[key].rank:
            out[key] = f.severity
    return out


@dataclass
class Outcome:
    """One variant on one table: rows changed, new 错误, lost expectations, severity changes."""

    table: str
    rows: int
    new_errors: list[tuple[int, str]] = field(default_factory=list)
    lost: list[tuple[int, str]] = field(default_factory=list)
    moved: list[tuple[int, str, str, str]] = field(default_factory=list)  # row, code, before, after


def _changed_rows(before: R.Table, after: R.Table, rowmap) -> int:
    if rowmap:
        back = {old: new for new, old in rowmap.items()}
        pairs = [(before.rows[r - 1], after.rows[back[r] - 1]) for r in range(1, len(before.rows) + 1) if r in back]
    else:
        pairs = list(zip(before.rows, after.rows, strict=False))
    changed = sum(1 for a, b in pairs if [x for x in a if x] != [x for x in b if x])
    return changed or len(before.rows)  # a change of merges or sheet only: every row may read otherwise


def _parts(message: str) -> tuple[str, ...]:
    """A message's words and figures in sorted order: the same 错误 listing its parts in the copy's order ("效益指标 20 +
    产出指标 70" after the groups swapped) is the same 错误."""
    return tuple(sorted(re.split(r"[\s+、，,；;]+", message)))


def compare(table: R.Table, base, new: R.Table, found, rowmap) -> Outcome:
    """The published table's verdicts (`base`: its findings) against the variant's (`found`)."""
    before, after = verdicts(table, base, None), verdicts(new, found, rowmap)
    out = Outcome(table.name, _changed_rows(table, new, rowmap))
    said = {(f.code, _parts(f.message)) for f in base if f.severity is Severity.ERROR}
    moved_row = {f.code for f in found if f.severity is Severity.ERROR and (f.code, _parts(f.message)) in said}
    for (row, code), sev in sorted(after.items()):
        old = before.get((row, code))
        if sev is Severity.ERROR and old is not Severity.ERROR:
            if code in moved_row:  # the same 错误, word for word, now placed on another row of its block
                out.moved.append((row, code, "error elsewhere", "error"))
                continue
            out.new_errors.append((row, code))
        if old is not None and old is not sev:
            out.moved.append((row, code, old.value, sev.value))
    out.lost = sorted(P.met(table, base, None) - P.met(new, found, rowmap))
    return out


@dataclass(frozen=True)
class Validated:
    """A corpus table and its variant of one kind, each validated: what tests/test_adv27.py and test_adv28.py compare."""

    table: R.Table
    base: list  # the published table's findings
    new: R.Table
    found: list  # the variant's findings
    rowmap: dict[int, int] | None  # variant row → published row (None: the same rows)


def leaves_as_is(table: R.Table, new: R.Table) -> bool:
    """A kind's variant that changes nothing the workbook is written from (rows, sheet, merges, meta): the sweep skips
    it, and a test of the kind on that table would check nothing (audit31)."""
    return (new.rows, new.sheet, new.merges, new.meta) == (
        table.rows,
        table.sheet,
        table.merges,
        table.meta,
    )


def of_corpus(name: str, kind: str, work: Path) -> Validated:
    """Corpus table `name` (tests/realworld/corpus/NAME.toml) and its `kind` variant, each rendered and validated once a
    run (`render.validated`) under `work`; a kind that leaves the table as it is fails."""
    table = load_table(R.CORPUS / f"{name}.toml")
    got = VARIANTS[kind](table)
    assert got is not None and not leaves_as_is(table, got[0]), f"{kind} leaves {name} as it is"
    new, rowmap = got
    return Validated(
        table, R.validated(table, work / "base").findings, new, R.validated(new, work / "variant").findings, rowmap
    )


def rewritten_rows(table: R.Table, new: R.Table, rowmap: dict[int, int] | None) -> set[int]:
    """The published table's rows (1-based) the variant writes otherwise: a cell's text changed, or a cell now typed
    as a number (`meta["typed_cells"]`, 0-based in the variant's rows). None so (merges, sheet, rows moved or added):
    every row, which may all read otherwise (as `_changed_rows` counts them)."""
    back = (lambda r: rowmap.get(r)) if rowmap else (lambda r: r)
    out = set()
    for r, after in enumerate(new.rows, start=1):
        old = back(r)
        if (
            old is not None
            and old <= len(table.rows)
            and [x for x in table.rows[old - 1] if x] != [x for x in after if x]
        ):
            out.add(old)
    typed_before = {tuple(x[:3]) for x in table.meta.get("typed_cells", ())}
    for r, c, v, *_ in new.meta.get("typed_cells", ()):
        if (r, c, v) not in typed_before and (old := back(r + 1)) is not None:
            out.add(old)
    return out or set(range(1, len(table.rows) + 1))


def rest_on_rewritten(v: Validated) -> list[tuple[int, str]]:
    """The published table's findings (any severity) and hand-worked expectations on rows the kind rewrote, as (row,
    code or expectation): none, and a case asserting "the kind changes no verdict" on that table cannot fail by what
    the kind rewrites — no finding rests on those cells (audit31b)."""
    rows = rewritten_rows(v.table, v.new, v.rowmap)
    found = {(r, f.code) for f in v.base for r in P._rows(f, v.table.sheet) if r in rows}
    return sorted(found | {(e.row, e.what) for e in v.table.expect if e.row in rows})


def outcome_of_corpus(name: str, kind: str, work: Path) -> Outcome:
    """`compare` of corpus table `name` and its `kind` variant (new 错误, lost expectations), as the sweep judges one
    table: what tests/test_adv29.py, test_read30.py and test_review30w.py assert on."""
    v = of_corpus(name, kind, work)
    return compare(v.table, v.base, v.new, v.found, v.rowmap)


def run(names: list[str], tables: list[R.Table], work: Path) -> dict[str, list[Outcome]]:
    """Every variant in `names` over every table it changes: name → one Outcome per changed table."""
    base = {t.name: P.findings(t, work / "base") for t in tables}
    results: dict[str, list[Outcome]] = {}
    for name in names:
        results[name] = []
        for t in tables:
            got = VARIANTS[name](t)
            if got is None or leaves_as_is(t, got[0]):
                continue
            new, rowmap = got
            results[name].append(compare(t, base[t.name], new, P.findings(new, work / name), rowmap))
    return results


def summary(name: str, outcomes: list[Outcome]) -> str:
    new = sum(len(o.new_errors) for o in outcomes)
    lost = sum(len(o.lost) for o in outcomes)
    moved = sum(len(o.moved) for o in outcomes)
    rows = sum(o.rows for o in outcomes)
    return (
        f"{name:20s} tables {len(outcomes):3d}  rows {rows:5d}  new 错误 {new:3d}  lost {lost:2d}  severity {moved:3d}"
    )


def main(argv: list[str]) -> int:
    quiet = "-q" in argv
    only = set(argv[argv.index("-t") + 1 :]) if "-t" in argv else set()
    head = argv[: argv.index("-t")] if "-t" in argv else argv
    names = [a for a in head if a in VARIANTS] or list(VARIANTS)
    tables = [load_table(p) for p in corpus_files() if not only or p.stem in only]
    with tempfile.TemporaryDirectory(prefix="perfxl-variants-") as tmp:
        results = run(names, tables, Path(tmp))
    total_new = total_lost = 0
    for name, outcomes in results.items():
        print(summary(name, outcomes))
        total_new += sum(len(o.new_errors) for o in outcomes)
        total_lost += sum(len(o.lost) for o in outcomes)
        if quiet:
            continue
        for o in outcomes:
            if o.new_errors or o.lost or o.moved:
                print(f"  {o.table}: new 错误 {o.new_errors} lost {o.lost} severity {o.moved}")
        sys.stdout.flush()
    print(f"variants {len(results)}: new 错误 {total_new}, lost {total_lost}")
    return 0


# ---------------------------------------------------------------- read28: head values past empty cells, signature names


def signature_named(table: R.Table):
    """A signature line under the table's last row whose words run straight into the names, no colon
    ("单位负责人李四 │ 财务负责人王五 │ 填报人张三"), spread over its width (read28: read as an indicator row). Not under a
    table stored cut short (`signature_footer`'s reason)."""
    return _signed_below(table, ["单位负责人李四", "财务负责人王五", "填报人张三"])


def _signed_below(table: R.Table, items: list[str]):
    """`items` spread over a row under the table's last row; None under a table stored cut short."""
    if table.meta.get("truncated"):
        return None
    w = P._width(table)
    row = [""] * w
    for i, text in enumerate(items):
        c = i * w // len(items)
        row[c] = f"{row[c]}  {text}".strip()
    return _row_below(table, row)


def _row_below(table: R.Table, row: list[str]):
    """`row` (the table's width) added under the table's last row."""
    t = copy.deepcopy(table)
    t.rows = [r + [""] * (len(row) - len(r)) for r in t.rows] + [row]
    return t, None


def head_label_unmerged(table: R.Table):
    """The head's field labels merged across cells of one row exported without their merges (the label, then empty
    cells, then its value): each value read past the empty cells where nothing else could own it (read28)."""
    pairs = {(r, c) for r, c, _ in _head_pairs(table)}
    bounds = P._bounds(table)
    kept = [b for b in bounds if not ((b[0], b[1]) in pairs and b[0] == b[2] and b[3] > b[1])]
    if len(kept) == len(bounds):
        return None
    t = copy.deepcopy(table)
    t.merges = P._emit(kept)
    return t, None


def name_after_note_word(table: R.Table):
    """The first indicator name printed first on its row wrapped after a signature word ("联系电话\n<name>", a long
    name broken by Alt+Enter): an indicator, the table going on (read28; sign27 for names beside figures)."""
    for hr, c in _in_role(table, ("name",)):
        for r in _rows_under(table, hr):
            row = table.rows[r]
            first = next((k for k, cell in enumerate(row) if cell.strip()), None)
            if first != c or H.is_known_label(row[c]) or H.is_total_label(H.normalise_label(row[c])):
                continue
            t = copy.deepcopy(table)
            t.rows[r][c] = f"联系电话\n{row[c]}"
            return t, None
    return None


VARIANTS |= {
    "signature_named": signature_named,
    "head_label_unmerged": head_label_unmerged,
    "name_after_note_word": name_after_note_word,
}


# ---------------------------------------------------------------- review28t: a wrapped signature over the columns


def signature_wrapped(table: R.Table):
    """A signature line under the table's last row, its word and value on two lines of the first cell (Alt+Enter:
    "联系电话\n0551-6234567") and a person's name under the first 指标值 column (a line laid over the form's columns):
    a note, no indicator (review28t: read28's wrapped-name pass read it as one, I01 错误 under 16 tables). Not under a
    table stored cut short (`signature_footer`'s reason)."""
    heads = _in_role(table, ("target",))
    if not heads or table.meta.get("truncated"):
        return None
    w = P._width(table)
    row = [""] * w
    row[0], row[heads[0][1]] = "联系电话\n0551-6234567", "张三"
    return _row_below(table, row)


VARIANTS["signature_wrapped"] = signature_wrapped

# ---------------------------------------------------------------- adv29: what Excel stores for what a filer typed
# A cell typed in Excel or WPS is stored as a value, not as the text the renderer writes: "95%" a number 0.95 under a
# percent format, "2023/12/31" a date serial, "1,234.50" a number under a thousands format, a 得分 a number (or the
# 总分 a =SUM(...) formula with its cached result). Each kind keeps every row's text (what the sheet shows) and puts
# the typed value in `meta["typed_cells"]` (render.py writes it). Not typed: "≥95%", "12个" — Excel keeps them text.

_TYPED_PCT = re.compile(r"^\s*(-?\d+(?:\.(\d+))?)\s*%\s*$")
_TYPED_DATE = re.compile(r"^\s*(\d{4})(?:[/-](\d{1,2})[/-](\d{1,2})|年(\d{1,2})月(?:(\d{1,2})日)?)\s*$")
_TYPED_BIG = re.compile(r"^\s*(\d{1,3}(?:,\d{3})+|\d{4,})(\.\d\d)?\s*$")
_TYPED_FIG = re.compile(r"^\s*-?\d+(?:\.\d+)?\s*$")


def _typed(table: R.Table, cells: Callable[[R.Table], list[tuple[int, int]]], value: Callable[[str], tuple | None]):
    """A copy whose cells at `cells(table)` (0-based) hold what `value(text)` says Excel stores ((value, style) or
    (value, style, formula)); None when no cell is typed."""
    typed = []
    for r, c in cells(table):
        text = table.rows[r][c] if c < len(table.rows[r]) else ""
        if text and (got := value(text)) is not None:
            typed.append((r, c, got[0], got[1], got[2] if len(got) > 2 else None))
    if not typed:
        return None
    t = copy.deepcopy(table)
    t.meta["typed_cells"] = [*t.meta.get("typed_cells", ()), *typed]
    return t, None


def _every_cell(table: R.Table) -> list[tuple[int, int]]:
    return [(r, c) for r, row in enumerate(table.rows) for c in range(len(row))]


def _role_cells(roles: tuple[str, ...]) -> Callable[[R.Table], list[tuple[int, int]]]:
    """The cells under each indicator header naming one of `roles`."""

    def cells(table: R.Table) -> list[tuple[int, int]]:
        return [(r, c) for hr, c in _in_role(table, roles) for r in _rows_under(table, hr)]

    return cells


def _pct_value(text: str) -> tuple | None:
    """ "95%" → 0.95 under "0%", "95.5%" → 0.955 under "0.0%", "95.25%" → 0.9525 under "0.00%": the cell shows what
    was printed (a transcription is of the shown text); three decimals or more stay text."""
    if not (m := _TYPED_PCT.match(text)) or len(m.group(2) or "") > 2:
        return None
    return float(Decimal(m.group(1)).scaleb(-2)), ("percent", "percent1", "percent2")[len(m.group(2) or "")]


def _points_value(text: str) -> tuple | None:
    """ "95%" → 95 under 0"%", "95.5%" → 95.5 under 0.0"%", "95.25%" → 95.25 under 0.00"%": a percent typed as its
    points under a quoted sign (the seed's 执行率 format); the cell shows what was printed."""
    if not (m := _TYPED_PCT.match(text)) or len(m.group(2) or "") > 2:
        return None
    return float(Decimal(m.group(1))), ("points", "points1", "points2")[len(m.group(2) or "")]


def _date_value(text: str) -> tuple | None:
    """ "2023/12/31", "2023-12-31", "2023年12月31日" → that date; "2023年12月" → 2023-12-01 (Excel zh-CN's reading)."""
    from datetime import datetime

    if not (m := _TYPED_DATE.match(text)):
        return None
    y, mo, d = int(m.group(1)), int(m.group(2) or m.group(4)), int(m.group(3) or m.group(5) or 1)
    try:
        return datetime(y, mo, d), "date"
    except ValueError:
        return None


def _big_value(text: str) -> tuple | None:
    """A figure of four or more integer digits, none or two decimals ("387664.62", "1,234") → the number under
    "#,##0.00" / "#,##0" (shown as printed, with separators); a year ("2023") stays text."""
    if not (m := _TYPED_BIG.match(text)) or re.fullmatch(r"(19|20)\d\d", m.group(1)):
        return None
    return float(m.group(1).replace(",", "") + (m.group(2) or "")), "thousands2" if m.group(2) else "thousands"


def _figure_value(text: str) -> tuple | None:
    """A plain figure ("8.63", "10") → that number, General format (shown as typed)."""
    return (float(text), "num") if _TYPED_FIG.match(text) and not re.match(r"^\s*0\d", text) else None


def _score_cells(table: R.Table) -> list[tuple[int, int]]:
    return _role_cells(("weight", "score"))(table)


def scores_summed(table: R.Table):
    """分值 and 得分 typed as numbers and the 总分 row's as =SUM(...) over the rows above, with its cached result — where
    the printed total is that sum (a workbook cannot cache another); else the figures only."""
    got = _typed(table, _score_cells, _figure_value)
    if got is None:
        return None
    t = got[0]
    typed = {(r, c): v for r, c, v, _, _ in t.meta["typed_cells"]}
    for hr, c in _in_role(table, ("weight", "score")):
        total = _total_row(table, hr)
        if total is None or c >= len(table.rows[total]) or not _TYPED_FIG.match(table.rows[total][c]):
            continue
        parts = [Decimal(repr(typed[(r, c)])) for r in range(hr + 1, total) if (r, c) in typed]
        if not parts or sum(parts) != Decimal(table.rows[total][c].strip()):
            continue
        formula = f"=SUM({P.format_a1(hr + 2, c + 1)}:{P.format_a1(total, c + 1)})"
        t.meta["typed_cells"] = [x for x in t.meta["typed_cells"] if x[:2] != (total, c)]
        t.meta["typed_cells"].append((total, c, float(sum(parts)), "num", formula))
    return t, None


def scores_hidden_digits(table: R.Table):
    """Each 得分 printed with two decimals typed with more behind a "0.00" format ("8.63" holds 8.6312, the
    unrounded score a filer pasted): the sheet shows what was printed."""

    def hidden(text: str) -> tuple | None:
        if not re.fullmatch(r"\s*\d+\.\d\d\s*", text) or Decimal(text) == 0:
            return None
        return float(Decimal(text) + Decimal("0.0012")), "score"

    return _typed(table, _role_cells(("score",)), hidden)


def pct_nbsp(cell: str) -> str:
    """ "95%" → "95\\u00a0%" and a figure led by a no-break space (copied from a web page or WPS)."""
    if m := _PCT_FIG.match(cell):
        return f"{m.group(1)}{m.group(2)}\u00a0%"
    return f"\u00a0{cell}" if _TYPED_FIG.match(cell) else cell


def _name_rows(table: R.Table) -> list[int]:
    """Rows under an indicator header whose 三级 name has 12 characters or more."""
    out = []
    for hr, c in _in_role(table, ("name",)):
        for r in _rows_under(table, hr):
            if c < len(table.rows[r]) and len(re.sub(r"\s", "", table.rows[r][c])) >= 12:
                out.append(r)
    return sorted(set(out))


def rows_doubled_for_names(table: R.Table):
    """An indicator row with a long 三级 name laid over two sheet rows: an empty row under it and every cell of the row
    merged down over both (a merge over the row grows by one), as filers make room for a name without wrapping."""
    rows = _name_rows(table)
    if not rows:
        return None
    t = _pad(table)
    bounds = P._bounds(table)
    rowmap: dict[int, int] = {}
    for r in reversed(rows):
        w = P._width(t)
        covered = {(rr, cc) for r0, c0, r1, c1 in bounds for rr in range(r0, r1 + 1) for cc in range(c0, c1 + 1)}
        grown = []
        for r0, c0, r1, c1 in bounds:
            if r0 > r:
                grown.append((r0 + 1, c0, r1 + 1, c1))
            elif r1 >= r:
                grown.append((r0, c0, r1 + 1, c1))
            else:
                grown.append((r0, c0, r1, c1))
        grown += [(r, c, r + 1, c) for c in range(w) if (r, c) not in covered]
        bounds = grown
        t.rows[r + 1 : r + 1] = [[""] * w]
    t.merges = P._emit(bounds)
    new = 0
    inserted = set(rows)
    for old in range(len(table.rows)):
        new += 1
        rowmap[new] = old + 1
        if old in inserted:
            new += 1  # the added row: no published row
    return t, rowmap


def _title_row(table: R.Table) -> int | None:
    """The table's title: the first row holding text, above every header, whose one written cell names a 表."""
    heads = [r for r, _, _ in _header_cells(table)]
    for r, row in enumerate(table.rows[: min(heads, default=0)]):
        written = [c for c in row if c.strip()]
        if written:
            return r if len(written) == 1 and "表" in written[0] else None
    return None


def title_in_page_header(table: R.Table):
    """The title printed in the page header (页眉, set in 页面设置) instead of a row of the sheet: the sheet starts at
    the form's first line, as filers lay out a form that prints the title on every page."""
    at = _title_row(table)
    if at is None:
        return None
    t = copy.deepcopy(table)
    t.meta["page_header"] = table.rows[at][[bool(c.strip()) for c in table.rows[at]].index(True)].strip()
    del t.rows[at]
    bounds = [(r0, c0, r1, c1) for r0, c0, r1, c1 in P._bounds(table) if not r0 <= at <= r1]
    if len(bounds) != len([b for b in P._bounds(table) if not (b[0] == b[2] == at)]):
        return None  # a merge over the title and another row: not a title row of its own
    t.merges = P._emit([(r0 - (r0 > at), c0, r1 - (r1 > at), c1) for r0, c0, r1, c1 in bounds])
    n = len(table.rows)
    return t, {r: r for r in range(1, at + 1)} | {r - 1: r for r in range(at + 2, n + 1)}


def _fixed2(style: str) -> Callable[[str], tuple | None]:
    """A figure printed with two decimals ("8.50", "27.50") → the number under `style` (a format showing two)."""

    def value(text: str) -> tuple | None:
        return (float(text), style) if re.fullmatch(r"\s*-?\d+\.\d\d\s*", text) else None

    return value


def _funds_cells(table: R.Table) -> list[tuple[int, int]]:
    """The cells under each funds header naming 年初预算数, 全年预算数 or 全年执行数."""
    return [
        (rr, c)
        for r, c, role in _header_cells(table)
        if role in ("initial_budget", "full_budget", "executed")
        and H.match_role(table.rows[r][c], H.FUNDS_COLUMNS) == role
        for rr in _rows_under(table, r)
    ]


def scores_as_formulas(table: R.Table):
    """Each 得分 equal to its row's 分值 written as a formula on it ("=G8", cached 10), the 分值 typed: a filer who
    gives full marks by reference."""
    typed = []
    for r, cw, c_score, w, sc in _typed_points(table):
        if Decimal(w) == Decimal(sc):
            typed += [(r, cw, float(w), "num", None), (r, c_score, float(sc), "num", f"={P.format_a1(r + 1, cw + 1)}")]
    return _with_typed(table, typed)


def _typed_points(table: R.Table):
    """(row, 分值 column, 得分 column, 分值 text, 得分 text) of every row under a header with one 得分 column whose 分值
    and 得分 are both plain typed figures — the rows a score-formula variant may rewrite."""
    for hr, cw in _in_role(table, ("weight",)):
        cs = [c for r, c in _in_role(table, ("score",)) if r == hr]
        if len(cs) != 1:
            continue
        for r in _rows_under(table, hr):
            row = table.rows[r]
            w, sc = (row[cw] if cw < len(row) else ""), (row[cs[0]] if cs[0] < len(row) else "")
            if _TYPED_FIG.match(w) and _TYPED_FIG.match(sc):
                yield r, cw, cs[0], w, sc


def _with_typed(table: R.Table, typed: list):
    """The table with `typed` cells written as typed values/formulas (None when there are none)."""
    if not typed:
        return None
    t = copy.deepcopy(table)
    t.meta["typed_cells"] = typed
    return t, None


def rate_formula(table: R.Table):
    """The funds' 执行率 as the formula a filer writes, "=执行数/预算数" (the row's own cells), with its cached ratio
    under the percent format of the printed decimals — where the printed rate is that ratio rounded (a formula cannot
    cache another figure); the amounts typed as numbers."""
    typed = []
    for r, c, role in _header_cells(table):
        if role != "rate" or H.match_role(table.rows[r][c], H.FUNDS_COLUMNS) != "rate":
            continue
        cols = {ro: cc for rr, cc, ro in _header_cells(table) if rr == r}
        budget = cols.get("full_budget", cols.get("initial_budget"))
        spent = cols.get("executed")
        if budget is None or spent is None:
            continue
        for rr in _rows_under(table, r):
            row = table.rows[rr] + [""] * (max(c, budget, spent) + 1 - len(table.rows[rr]))
            m = _TYPED_PCT.match(row[c])
            if not (m and _AMOUNT.match(row[budget]) and _AMOUNT.match(row[spent])) or Decimal(row[budget]) == 0:
                continue
            places = len(m.group(2) or "")
            exact = Decimal(row[spent]) / Decimal(row[budget])
            if places > 2 or (exact * 100).quantize(Decimal(1).scaleb(-places), rounding="ROUND_HALF_UP") != Decimal(
                m.group(1)
            ):
                continue
            formula = f"={P.format_a1(rr + 1, spent + 1)}/{P.format_a1(rr + 1, budget + 1)}"
            style = ("percent", "percent1", "percent2")[places]
            typed += [
                (rr, budget, float(row[budget]), "num", None),
                (rr, spent, float(row[spent]), "num", None),
                (rr, c, float(exact), style, formula),
            ]
    if not typed:
        return None
    t = copy.deepcopy(table)
    t.meta["typed_cells"] = typed
    return t, None


VARIANTS |= {
    "title_in_page_header": title_in_page_header,
    "rate_formula": rate_formula,
    "scores_fixed_format": lambda t: _typed(t, _score_cells, _fixed2("score")),
    "amounts_accounting": lambda t: _typed(t, _funds_cells, _fixed2("accounting")),
    "scores_as_formulas": scores_as_formulas,
    "pct_typed": lambda t: _typed(t, _every_cell, _pct_value),
    "pct_points_typed": lambda t: _typed(t, _every_cell, _points_value),
    "dates_typed": lambda t: _typed(t, _every_cell, _date_value),
    "amounts_typed": lambda t: _typed(t, _every_cell, _big_value),
    "scores_typed": lambda t: _typed(t, _score_cells, _figure_value),
    "scores_summed": scores_summed,
    "scores_hidden_digits": scores_hidden_digits,
    "pct_nbsp": P.cellwise(pct_nbsp),
    "rows_doubled_for_names": rows_doubled_for_names,
}


# ---------------------------------------------------------------- read29: hidden rows and columns, apostrophe numbers

_PLAIN_FIGURE = re.compile(r"^\s*-?\d+(?:\.\d+)?\s*$")


def _indicator_rows(table: R.Table) -> list[int]:
    """Rows under an indicator header whose 指标 name cell holds something (the rows a filter shows or hides)."""
    out: list[int] = []
    for hr, c in _in_role(table, ("name",)):
        out += [r for r in _rows_under(table, hr) if c < len(table.rows[r]) and table.rows[r][c].strip()]
    return sorted(set(out))


def filtered_rows(table: R.Table):
    """Every other indicator row hidden, as an AutoFilter leaves them: still the filer's rows, read and checked as
    before (read29; a LAYOUT_HIDDEN_ROWS 提示 says so)."""
    rows = _indicator_rows(table)[1::2]
    if not rows:
        return None
    t = copy.deepcopy(table)
    t.meta["hidden_rows"] = rows
    return t, None


def hidden_helper_column(table: R.Table):
    """A hidden helper column of working figures right after the first 得分 column, headed like it: each indicator
    row's full marks (its 分值), as a clerk's "if full marks" check column holds them. Not on the printed form: never
    read as one of its columns (read29: read, it is a second 得分 column; a LAYOUT_HIDDEN_COLUMNS 提示 says its cells
    were not read)."""
    heads, weights = _in_role(table, ("score",)), _in_role(table, ("weight",))
    if not heads or not weights or weights[0][0] != heads[0][0]:
        return None
    (hr, c), w = heads[0], weights[0][1]
    rows = set(_rows_under(table, hr))

    def fill(r: int) -> str:
        if r == hr:
            return table.rows[r][c]
        cell = table.rows[r][w] if w < len(table.rows[r]) else ""
        return cell.strip() if r in rows and _PLAIN_FIGURE.match(cell) else ""

    t = P.insert_column(table, c + 1, fill)
    t.meta["hidden_cols"] = [c + 1]
    return t, None


def _hidden_form_column(roles: tuple[str, ...]) -> Callable[[R.Table], tuple[R.Table, None] | None]:
    def hide(table: R.Table):
        """The form's own first column of `roles` hidden (a filer hiding 分值 or 指标值 before printing): still the
        form's — read as filed, never emptied (read29: emptied, 47 false 错误 over 分值/得分/指标值/实际完成值)."""
        heads = _in_role(table, roles)
        if not heads:
            return None
        t = copy.deepcopy(table)
        t.meta["hidden_cols"] = [heads[0][1]]
        return t, None

    return hide


def quote_prefix(table: R.Table):
    """Every plain figure typed with a leading apostrophe ('95: text holding a number, Excel's quotePrefix): read as
    the number it shows, the same verdicts (read29; a READ_NUMBER_AS_TEXT 提示 says so)."""
    cells = [
        (r, c) for r, row in enumerate(table.rows) for c, cell in enumerate(row) if _PLAIN_FIGURE.match(cell or "")
    ]
    if not cells:
        return None
    t = copy.deepcopy(table)
    t.meta["quoted"] = cells
    return t, None


def _filled(table: R.Table, r: int, c: int, bounds: list[tuple[int, int, int, int]]) -> str:
    """The text (r, c) shows: its merge's top-left cell's."""
    for r0, c0, r1, c1 in bounds:
        if r0 <= r <= r1 and c0 <= c <= c1:
            r, c = r0, c0
            break
    return table.rows[r][c].strip() if c < len(table.rows[r]) else ""


def level2_across_level1(table: R.Table):
    """The 二级 cell of a 一级 group's last row merged one row down, over the next 一级 group's first row, whose own
    二级 merge starts a row lower with its text (where that merge held two rows or more): the rows keep their own 一级
    (read29: each row read under its own 一级; the row under the crossing merge gets no 二级 of another 一级)."""
    l1, l2 = _in_role(table, ("level1",)), _in_role(table, ("level2",))
    if not l1 or not l2 or l1[0][0] != l2[0][0]:
        return None
    (hr, c1), c2 = l1[0], l2[0][1]
    bounds = P._bounds(table)
    named = set(_indicator_rows(table))
    rows = [r for r in _rows_under(table, hr) if r in named]
    for a, b in itertools.pairwise(rows):
        if b != a + 1:
            continue
        one_a, one_b = _filled(table, a, c1, bounds), _filled(table, b, c1, bounds)
        if not one_a or not one_b or one_a == one_b or not table.rows[b][c2].strip():
            continue
        below = next((m for m in bounds if m[:2] == (b, c2) and m[2] > b and m[3] == c2), None)
        above = next((m for m in bounds if m[1] == c2 == m[3] and m[0] <= a == m[2]), (a, c2, a, c2))
        if below is None or (not table.rows[a][c2].strip() and above[0] == a):
            continue
        t = copy.deepcopy(table)
        kept = [m for m in bounds if m not in (below, above)]
        kept.append((above[0], c2, b, c2))
        if below[2] > b + 1:
            kept.append((b + 1, c2, below[2], c2))
        t.rows[b + 1][c2], t.rows[b][c2] = t.rows[b][c2], ""
        t.merges = P._emit(kept)
        return t, None
    return None


VARIANTS |= {
    "level2_across_level1": level2_across_level1,
    "filtered_rows": filtered_rows,
    "hidden_helper_column": hidden_helper_column,
    "hidden_weight_column": _hidden_form_column(("weight",)),
    "hidden_score_column": _hidden_form_column(("score",)),
    "hidden_target_column": _hidden_form_column(("target",)),
    "hidden_actual_column": _hidden_form_column(("actual",)),
    "quote_prefix": quote_prefix,
}

# ---------------------------------------------------------------- review30w: more of what filers type and lay out
# Session 30 (review30w) adds: "≧95％" and "95 ％"; a ≥ target as the range it means ("95%-100%" on a rate that
# cannot pass 100%); =ROUND(...) scores; an empty column before 得分; 总分 as 总得分/自评总分/合  计; a note row
# ("注：…") under the table; the table again on a second sheet, or after an instructions sheet; dates typed with
# slashes or hyphens; a long 填表说明 block above the title; years in the headers; numbered 三级 names; a wide column
# (two merged cells per row); 一级 labels written vertically; the 一级 groups in another order; the sheet frozen,
# protected, given a print area and print titles.

_GE_PCT = re.compile(r"^\s*(?:≥|≧|>=)\s*(\d+(?:\.\d+)?)\s*%\s*$")


def pct_jis_fullwidth(cell: str) -> str:
    """ "≥95%" → "≧95％", "95%" → "95％" (operator and percent both typed full-width by an IME)."""
    return pct_fullwidth(_ops({"≥": "≧", "≤": "≦"})(cell))


def pct_space_fullwidth(cell: str) -> str:
    """ "95%" → "95 ％" (a space and a full-width sign)."""
    return f"{m.group(1)}{m.group(2)} ％" if (m := _PCT_FIG.match(cell)) else cell


def target_range_pct(table: R.Table):
    """A target "≥95%" written as the range it means, "95%-100%", on a row whose actual is a plain percent of at most
    100% (a rate that cannot pass 100%: 合格率, 满意度, 覆盖率): every actual meets the one as it meets the other."""
    t = copy.deepcopy(table)
    for row, ct, ca in _paired_rows(table, t, "target", "actual"):
        m, a = _GE_PCT.match(row[ct]), R.PERCENT_TEXT.match(row[ca])
        if m and a and Decimal(m.group(1)) < 100 and Decimal(a.group(1)) <= 100:
            row[ct] = f"{m.group(1)}%-100%"
    return (t, None) if t.rows != table.rows else None


def scores_round_formula(table: R.Table):
    """Each 得分 a formula on its row's 分值, "=ROUND(G8*得分/分值,2)" (a filer scaling the points by the completion),
    cached as the printed score; the 分值 typed as numbers. Only where that formula gives the printed score exactly."""
    typed = []
    for r, cw, c_score, w, sc in _typed_points(table):
        if Decimal(w) == 0:
            continue
        places = len(sc.strip().partition(".")[2])
        if places > 2 or Decimal(w) * Decimal(sc) / Decimal(w) != Decimal(sc):
            continue
        ref = P.format_a1(r + 1, cw + 1)
        typed += [
            (r, cw, float(w), "num", None),
            (r, c_score, float(sc), "num", f"=ROUND({ref}*{sc.strip()}/{w.strip()},{places})"),
        ]
    return _with_typed(table, typed)


def empty_column_score(table: R.Table):
    """An empty column inserted before each table's 得分 column (between 分值 and 得分: a template's unused column)."""
    cols = sorted({c for _, c in _in_role(table, ("score",))}, reverse=True)
    if not cols:
        return None
    t = table
    for c in cols:
        t = P.insert_column(t, c)
    return t, None


_NOTE_ROW = "注：1.本表由项目单位填报，主管部门审核；2.偏差原因须逐项说明；3.佐证材料另附。"


def note_row_end(table: R.Table):
    """A note row under the table's last row ("注：1.本表由项目单位填报…"), merged across its width. Not under a table
    stored cut short."""
    if table.meta.get("truncated"):
        return None
    w = P._width(table)
    t, _ = _row_below(table, [_NOTE_ROW] + [""] * (w - 1))
    t.merges = [*t.merges, *P._emit([(len(t.rows) - 1, 0, len(t.rows) - 1, w - 1)])]
    return t, None


def copy_sheet(table: R.Table):
    """The same table again on a second sheet ("Sheet1 (2)", a filer's working copy kept in the workbook)."""
    t = copy.deepcopy(table)
    t.meta["copy_sheets"] = [f"{table.sheet} (2)"]
    return t, None


_INSTRUCTIONS = [
    "填表说明",
    "1.本表适用于本年度项目支出绩效自评，金额单位以各表标注为准。",
    "2.一级指标分值：产出指标50分，效益指标30分，满意度指标10分，预算执行率10分。",
    "3.实际完成值≥年度指标值的得满分；未完成的按完成比例计分。",
    "4.得分保留两位小数。",
]


def front_sheet(table: R.Table):
    """An instructions sheet ("填表说明", its lines holding figures and ≥) before the table's sheet."""
    t = copy.deepcopy(table)
    t.meta["front_sheet"] = ["填表说明", _INSTRUCTIONS]
    return t, None


def preamble_block(table: R.Table):
    """The 填表说明 lines (figures, ≥ and all) printed above the table on its own sheet, a blank row under them: the
    table starts lower, after a block of text each line in the first cell."""
    first = next((row for row in table.rows if any(c.strip() for c in row)), [])
    if any(_POINTS.match(c) for c in first):
        return None  # a page stored from inside the table (a fragment's data rows first): no sheet prints that
    return _insert_rows(table, 0, [[x] for x in _INSTRUCTIONS] + [[]], [])


_YMD_CN = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


def _date_sep(sep: str) -> Callable[[R.Table], tuple[R.Table, None] | None]:
    def rewrite(table: R.Table):
        """Full dates under 年度指标值 and 实际完成值 typed with `sep` ("2023年12月31日" → "2023/12/31")."""
        return _map_role_column(
            table, ("target", "actual"), H.INDICATOR_COLUMNS, lambda c: _YMD_CN.sub(lambda m: sep.join(m.groups()), c)
        )

    return rewrite


def year_in_headers(table: R.Table):
    """The year written into the 指标值/实际完成值 headers ("年度指标值" → "2023年度指标值", "实际完成值" →
    "2023年实际完成值"), on a table whose title row names one year."""
    title = _title_row(table)
    years = set(re.findall(r"(20\d\d)年", " ".join(table.rows[title]))) if title is not None else set()
    if len(years) != 1:
        return None
    year = years.pop()
    t = copy.deepcopy(table)
    for r, c in _in_role(table, ("target", "actual")):
        cell = table.rows[r][c].strip()
        if not re.search(r"\d", cell):
            t.rows[r][c] = f"{year}{cell}" if cell.startswith("年") else f"{year}年{cell}"
    return (t, None) if t.rows != table.rows else None


def names_numbered(table: R.Table):
    """Each 三级 name with a 分值 numbered in order ("补助村数量" → "1.补助村数量"), as filers number indicators."""
    t = copy.deepcopy(table)
    n = 0
    for row, cn, cw in _paired_rows(table, t, "name", "weight"):
        if row[cn].strip() and _POINTS.match(row[cw]) and P._head(row[cn]) not in ("总分", "合计", "总分值"):
            n += 1
            row[cn] = f"{n}.{row[cn].strip()}"
    return (t, None) if t.rows != table.rows else None


def _wide_column(roles: tuple[str, ...]) -> Callable[[R.Table], tuple[R.Table, None] | None]:
    def widen(table: R.Table):
        """The first column of `roles` printed two cells wide: an empty column after it, every cell of it merged over
        both (a template's wide column)."""
        heads = _in_role(table, roles)
        if not heads:
            return None
        c = heads[0][1]
        t = P.insert_column(table, c + 1)
        bounds = P._bounds(t)
        out = [(r0, c0, r1, c1 + 1) if c1 == c else (r0, c0, r1, c1) for r0, c0, r1, c1 in bounds]
        covered = {(r, c) for r0, c0, r1, c1 in out for r in range(r0, r1 + 1) if c0 <= c <= c1}
        out += [(r, c, r, c + 1) for r in range(len(t.rows)) if (r, c) not in covered]
        t.merges = P._emit(out)
        return t, None

    return widen


def level1_vertical(table: R.Table):
    """一级 labels written vertically, a line break after each character ("产出指标" → "产\n出\n指\n标"), as a narrow
    merged 一级 cell is typed."""
    t = copy.deepcopy(table)
    for hr, c in _in_role(table, ("level1",)):
        for r in _rows_under(table, hr):
            cell = t.rows[r][c].strip() if c < len(t.rows[r]) else ""
            if re.fullmatch(r"[\u4e00-\u9fff]{3,6}", cell) and P._head(cell) not in ("总分", "合计"):
                t.rows[r][c] = "\n".join(cell)
    return (t, None) if t.rows != table.rows else None


def groups_swapped(table: R.Table):
    """The first two 一级 groups printed in the other order (效益指标 before 产出指标): every row and merge of each group
    moved with it. Only where no merge crosses either group's bounds."""
    heads = _rows_of_head(table)
    if not heads:
        return None
    hr = heads[0]
    c1 = next((c for r, c in _in_role(table, ("level1",)) if r == hr), None)
    total = _total_row(table, hr)
    if c1 is None or total is None:
        return None
    groups = _level1_groups(table, hr, c1, total)
    if len(groups) < 2:
        return None
    (a0, a1), (b0, b1) = groups[0], groups[1]
    bounds = P._bounds(table)
    inside, around = [], []
    for b in bounds:
        r0, _, r1, _ = b
        if r1 < a0 or r0 > b1:
            continue
        if r0 <= a0 and r1 >= b1:
            around.append(b)
        elif a0 <= r0 and r1 <= a1:
            inside.append((b, b1 - a1))  # group A moves down by B's length
        elif b0 <= r0 and r1 <= b1:
            inside.append((b, a0 - b0))  # group B moves up to A's start
        else:
            return None
    t = copy.deepcopy(table)
    t.rows[a0 : b1 + 1] = table.rows[b0 : b1 + 1] + table.rows[a0 : a1 + 1]
    moved = [(r0 + d, c0, r1 + d, c1_) for (r0, c0, r1, c1_), d in inside]
    t.merges = P._emit([b for b in bounds if b not in {x for x, _ in inside}] + moved)
    order = list(range(b0, b1 + 1)) + list(range(a0, a1 + 1))
    rowmap = {r + 1: r + 1 for r in range(len(table.rows))}
    rowmap.update({a0 + i + 1: old + 1 for i, old in enumerate(order)})
    return t, rowmap


def _sheet_setup(**setup) -> Callable[[R.Table], tuple[R.Table, None] | None]:
    def rewrite(table: R.Table):
        """The sheet as a filer leaves it in Excel: `setup` (render.py: freeze panes under the header, protection,
        a print area, print title rows) — nothing a cell shows changes."""
        heads = _rows_of_head(table)
        if not heads:
            return None
        t = copy.deepcopy(table)
        h1 = _head_end(table, heads[0])
        t.meta["sheet_setup"] = {
            k: (h1 + 2 if v == "header" else (heads[0], h1) if v == "header_rows" else v) for k, v in setup.items()
        }
        return t, None

    return rewrite


def funds_header_two_rows(table: R.Table):
    """The funds header (年初预算数 │ 全年预算数 │ 全年执行数 …) printed over two rows, every cell merged down over both,
    as `header_two_rows` does to the indicator header."""
    roles = ("initial_budget", "full_budget", "executed")
    heads = {
        r for r, c, role in _header_cells(table) if role in roles and H.match_role(table.rows[r][c], H.FUNDS_COLUMNS)
    }
    return _two_row_header(table, sorted(heads))


def _labels_short(role: str, label: str) -> Callable[[R.Table], tuple[R.Table, None] | None]:
    """Labels of `role` printed without 指标 (`label` the words kept), as many forms print them."""

    def rewrite(table: R.Table):
        t = copy.deepcopy(table)
        for hr, c in _in_role(table, (role,)):
            for r in _rows_under(table, hr):
                cell = t.rows[r][c] if c < len(t.rows[r]) else ""
                if m := re.fullmatch(rf"\s*({label})指标\s*", cell):
                    t.rows[r][c] = m.group(1)
        return (t, None) if t.rows != table.rows else None

    return rewrite


#: 二级 labels without 指标 ("数量指标" → "数量", "社会效益指标" → "社会效益")
level2_short = _labels_short("level2", r"[\u4e00-\u9fff]{2,6}")


def level1_points(table: R.Table):
    """Each 一级 label followed by its group's points ("产出指标" → "产出指标（50分）"), the sum of the 分值 printed in
    the group — as forms that state each 一级's weight. Only where every 分值 of the group is a plain figure or blank
    and the label states no points of its own."""
    heads = _rows_of_head(table)
    if not heads:
        return None
    hr = heads[0]
    c1 = next((c for r, c in _in_role(table, ("level1",)) if r == hr), None)
    cw = next((c for r, c in _in_role(table, ("weight",)) if r == hr), None)
    total = _total_row(table, hr)
    if c1 is None or cw is None or total is None:
        return None
    t = copy.deepcopy(table)
    stated = Decimal(0)
    for first, last in _level1_groups(table, hr, c1, total):
        cells = [table.rows[r][cw] if cw < len(table.rows[r]) else "" for r in range(first, last + 1)]
        label = table.rows[first][c1]
        if not all(_POINTS.match(x) or not x.strip() for x in cells) or re.search(r"\d", label):
            continue
        points = sum((Decimal(x.strip()) for x in cells if x.strip()), Decimal(0))
        if points:
            t.rows[first][c1] = f"{label.strip()}（{points}分）"
            stated += points
    if stated + _funds_points(table) != 100:
        return None  # the labels would state a sum the weights get wrong (a true W05 of the copy, 鄂州 2019's 110)
    return (t, None) if t.rows != table.rows else None


def _funds_points(table: R.Table) -> Decimal:
    """The 分值 the funds block prints (its header's 分值 column, the first figure under it), else 0."""
    for r, c, role in _header_cells(table):
        funds_head = not any(rr == r for rr, _ in _in_role(table, ("target",)))  # not the indicator header's 分值
        if role == "weight" and funds_head and H.match_role(table.rows[r][c], H.FUNDS_COLUMNS) == "weight":
            for rr in _rows_under(table, r):
                if c < len(table.rows[rr]) and (m := _POINTS.match(table.rows[rr][c])):
                    return Decimal(m.group(1))
    return Decimal(0)


VARIANTS |= {
    "level2_short": level2_short,
    "level1_points": level1_points,
    "funds_header_two_rows": funds_header_two_rows,
    "pct_jis_fullwidth": P.cellwise(pct_jis_fullwidth),
    "pct_space_fullwidth": P.cellwise(pct_space_fullwidth),
    "target_range_pct": target_range_pct,
    "scores_round_formula": scores_round_formula,
    "empty_column_score": empty_column_score,
    "total_zongdefen": P.total_label("总得分"),
    "total_ziping": P.total_label("自评总分"),
    "total_heji_spaced": P.total_label("合  计"),
    "note_row_end": note_row_end,
    "copy_sheet": copy_sheet,
    "front_sheet": front_sheet,
    "preamble_block": preamble_block,
    "date_slashes": _date_sep("/"),
    "date_hyphens": _date_sep("-"),
    "year_in_headers": year_in_headers,
    "names_numbered": names_numbered,
    "target_wide": _wide_column(("target",)),
    "name_wide": _wide_column(("name",)),
    "level1_vertical": level1_vertical,
    "groups_swapped": groups_swapped,
    "sheet_frozen": _sheet_setup(freeze="header"),
    "sheet_protected": _sheet_setup(protect=True),
    "print_titles": _sheet_setup(print_titles="header_rows", print_area=True),
}

# ---------------------------------------------------------------- review31w: more of what filers type and lay out
# Session 31 (review31w) adds: names numbered "（1）" and "①"; 分值 with two decimals; a 得分 typed just under what it
# shows (9.999 shown "10.00"); a units row under the funds or indicator header; figures in a 偏差原因; "（已完成）"
# after an actual of 100%; a target "100%完成" and "≥1次/年"; an empty 其他资金/上年结转 row printed 0, "—" or "/";
# =ROUND(...) and =…*100 执行率 formulas; the 资金总额 as =SUM of its parts; "百分之九十五" in words; a hidden blank row
# inside a 一级 merge; a wide column's right half hidden; a hidden helper column under the 得分 heading merged over
# both; trailing zeros dropped ("8.50" → "8.5", "100.00" → "100"); an operator on its own line; 一级 labels without
# 指标.

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _numbered(mark: Callable[[int], str]) -> Callable[[R.Table], tuple[R.Table, None] | None]:
    def rewrite(table: R.Table):
        """Each 三级 name with a 分值 numbered in order by `mark` ("补助村数量" → "（1）补助村数量", "①补助村数量")."""
        t = copy.deepcopy(table)
        n = 0
        for row, cn, cw in _paired_rows(table, t, "name", "weight"):
            if row[cn].strip() and _POINTS.match(row[cw]) and P._head(row[cn]) not in ("总分", "合计", "总分值"):
                n += 1
                if n <= len(_CIRCLED):
                    row[cn] = f"{mark(n)}{row[cn].strip()}"
        return (t, None) if t.rows != table.rows else None

    return rewrite


def weights_two_decimals(table: R.Table):
    """Every whole 分值 under the indicator header printed with two decimals ("10" → "10.00"): a weight is declared,
    never computed, so "10.00" states the same 10 (unlike a 得分 "9" → "9.00", left out above)."""
    return _map_role_column(
        table, ("weight",), H.INDICATOR_COLUMNS, lambda c: f"{c.strip()}.00" if re.fullmatch(r"\s*\d+\s*", c) else c
    )


def scores_hidden_below(table: R.Table):
    """Each 得分 printed with two decimals typed 0.001 under it behind a "0.00" format ("10.00" holds 9.999, "8.63"
    8.629: an unrounded score a filer pasted): the sheet shows what was printed."""

    def below(text: str) -> tuple | None:
        if not re.fullmatch(r"\s*\d+\.\d\d\s*", text) or Decimal(text) == 0:
            return None
        return float(Decimal(text) - Decimal("0.001")), "score"

    return _typed(table, _role_cells(("score",)), below)


def _insert_growing(table: R.Table, at: int, row: list[str]):
    """A copy with `row` inserted before 0-based row `at`, every merge over that place grown by it (a label merged down
    the block keeps covering it); the row map sends each row back to the published one."""
    t = _pad(table)
    w = P._width(t)
    t.rows[at:at] = [list(row) + [""] * (w - len(row))]
    grown = [
        (r0 + (r0 >= at), c0, r1 + (r1 >= at), c1) for r0, c0, r1, c1 in P._bounds(table)
    ]  # a merge from `at` down moves; one crossing it grows
    t.merges = P._emit(grown)
    n = len(table.rows)
    return t, {r: r for r in range(1, at + 1)} | {r + 1: r for r in range(at + 1, n + 1)}


def _units_row(table: R.Table, hr: int, units: dict[int, str]):
    """A row of `units` (column → unit) inserted right under the header row `hr` (under the merges down from its unit
    cells: a two-row header), merges over the place grown; None when no unit is written."""
    if not units:
        return None
    bounds = P._bounds(table)
    h1 = max([hr] + [r1 for r0, c0, r1, c1 in bounds if r0 == hr and any(c0 <= c <= c1 for c in units)])
    w = P._width(table)
    return _insert_growing(table, h1 + 1, [units.get(c, "") for c in range(w)])


def units_row_funds(table: R.Table):
    """A row of units under the funds header: "万元" under each amount (where its header block or label says 万元), "%"
    under 执行率, "分" under 分值 and 得分 — a second header row as templates print it."""
    block = _funds_block(table)
    if block is None:
        return None
    fr, end = block
    cells = [(r, c, role) for r, c, role in _header_cells(table) if fr <= r < end]
    if not cells:
        return None
    hr = cells[0][0]
    h0, h1 = _header_block(table, hr)
    wan = any("万元" in x for r in range(h0, min(h1 + 2, end)) for x in table.rows[r])
    units = {}
    for r, c, role in cells:
        if r != hr or H.match_role(table.rows[r][c], H.FUNDS_COLUMNS) != role or "%" in table.rows[r][c]:
            continue
        if role in ("initial_budget", "full_budget", "executed") and wan and "万元" not in table.rows[r][c]:
            units[c] = "万元"
        elif role == "rate":
            units[c] = "%"
        elif role in ("weight", "score") and "分" not in table.rows[r][c].replace("分值", "").replace("得分", ""):
            units[c] = "分"
    return _units_row(table, hr, units)


def units_row_indicators(table: R.Table):
    """A row of units under the indicator header: "分" under 分值 and 得分 (a second header row of units)."""
    heads = _rows_of_head(table)
    if not heads:
        return None
    hr = heads[0]
    units = {c: "分" for r, c in _in_role(table, ("weight", "score")) if r == hr and "（分）" not in table.rows[r][c]}
    return _units_row(table, hr, units)


def reason_with_figures(table: R.Table):
    """A written 偏差原因 led by the row's figures ("…" → "年度指标值≥95%，实际完成96%，…"), as filers restate them
    before the reason: text, never a figure of the row."""
    t = copy.deepcopy(table)
    for hr, cd in _in_role(table, ("deviation",)):
        ct = next((c for r, c in _in_role(table, ("target",)) if r == hr), None)
        ca = next((c for r, c in _in_role(table, ("actual",)) if r == hr), None)
        if ct is None or ca is None:
            continue
        for r in _rows_under(table, hr):
            row = t.rows[r]
            if max(cd, ct, ca) >= len(row) or not row[cd].strip() or not re.search(r"\d", row[ca]):
                continue
            if "\n" in row[ct] + row[ca] or len(row[ct]) > 20 or len(row[ca]) > 20:
                continue
            row[cd] = f"年度指标值{row[ct].strip()}，实际完成{row[ca].strip()}，{row[cd].strip()}"
    return (t, None) if t.rows != table.rows else None


def actual_paren_done(table: R.Table):
    """An actual "100%" written "100%（已完成）", as filers mark a task done."""
    return _map_role_column(
        table, ("actual",), H.INDICATOR_COLUMNS, lambda c: "100%（已完成）" if re.fullmatch(r"\s*100\s*%\s*", c) else c
    )


def target_pct_wancheng(table: R.Table):
    """A target "100%" written "100%完成" (the same target: all of it done)."""
    return _map_role_column(
        table, ("target",), H.INDICATOR_COLUMNS, lambda c: "100%完成" if re.fullmatch(r"\s*100\s*%\s*", c) else c
    )


_COUNT_TARGET = re.compile(r"^\s*(≥|≧|>=|＞=)?\s*(\d+)\s*(次|场|期|批|轮)\s*$")


def target_per_year(table: R.Table):
    """A count target "≥4次" written "≥4次/年" on a year's table (a 项目/部门 自评 or 目标 table): the year's count."""
    if table.kind not in ("project", "department", "declaration"):
        return None
    return _map_role_column(
        table,
        ("target",),
        H.INDICATOR_COLUMNS,
        lambda c: f"{m.group(1) or ''}{m.group(2)}{m.group(3)}/年" if (m := _COUNT_TARGET.match(c)) else c,
    )


_FUNDS_PART = re.compile(r"其他资金|上年结转|其他")


def _funds_amount_columns(table: R.Table, fr: int, end: int) -> list[int]:
    """The columns of the funds block (rows fr..end) headed 年初预算数, 全年预算数 or 全年执行数."""
    return [
        c
        for r, c, role in _header_cells(table)
        if fr <= r < end
        and role in ("initial_budget", "full_budget", "executed")
        and H.match_role(table.rows[r][c], H.FUNDS_COLUMNS) == role
    ]


def _empty_parts(spell: str) -> Callable[[R.Table], tuple[R.Table, None] | None]:
    def rewrite(table: R.Table):
        """A funds row 其他资金/上年结转 whose three amounts are all blank printed `spell` in each ("0", "—", "/"): nothing
        of that source, as filers fill the empty row."""
        block = _funds_block(table)
        if block is None:
            return None
        fr, end = block
        cols = _funds_amount_columns(table, fr, end)
        if not cols:
            return None
        t = _pad(table)
        for r in range(fr + 1, end):
            row = t.rows[r]
            label = "".join(row[: min(cols)])
            if _FUNDS_PART.search(label) and all(not row[c].strip() for c in cols):
                for c in cols:
                    row[c] = spell
        return (t, None) if t.rows != _pad(table).rows else None

    return rewrite


def _rate_formula(shape: str) -> Callable[[R.Table], tuple[R.Table, None] | None]:
    def rewrite(table: R.Table):
        """`rate_formula` written =ROUND(执行数/预算数, places+2) under the percent format (`shape` "round"), or
        =ROUND(执行数/预算数*100, places) under the quoted-sign format 0.0"%" of percent points ("points"): the cached
        value the rounded ratio — where it prints the printed rate."""
        got = rate_formula(table)
        if got is None:
            return None
        t = got[0]
        out = []
        for r, c, value, style, formula in t.meta["typed_cells"]:
            if formula is None:
                out.append((r, c, value, style, formula))
                continue
            places = ("percent", "percent1", "percent2").index(style)
            ratio = formula[1:]
            exact = Decimal(repr(value))
            if shape == "round":
                cached = exact.quantize(Decimal(1).scaleb(-places - 2), rounding="ROUND_HALF_UP")
                out.append((r, c, float(cached), style, f"=ROUND({ratio},{places + 2})"))
            else:
                cached = (exact * 100).quantize(Decimal(1).scaleb(-places), rounding="ROUND_HALF_UP")
                out.append(
                    (r, c, float(cached), ("points", "points1", "points2")[places], f"=ROUND({ratio}*100,{places})")
                )
        t.meta["typed_cells"] = out
        return t, None

    return rewrite


def funds_total_summed(table: R.Table):
    """The 资金总额 row's amounts typed as =SUM(...) of the rows under it in the funds block (财政拨款, 上年结转, 其他资金),
    cached — where the printed total is that sum; those parts typed as numbers."""
    block = _funds_block(table)
    if block is None:
        return None
    fr, end = block
    cols = _funds_amount_columns(table, fr, end)
    total = next(
        (r for r in range(fr + 1, end) if any("资金总额" in x or "资金合计" in x for x in table.rows[r][:4])), None
    )
    if total is None or not cols or total + 2 > end or not _rate_exact(table, fr, end, total):
        return None
    typed = []
    for c in cols:
        cells = {r: (table.rows[r][c].strip() if c < len(table.rows[r]) else "") for r in range(total, end)}
        parts = [r for r in range(total + 1, end) if _AMOUNT.match(cells[r])]
        stray = [x for r, x in cells.items() if r > total and x and not _AMOUNT.match(x) and x not in "—-/"]
        if not _AMOUNT.match(cells[total]) or not parts or stray:
            continue
        if sum(Decimal(cells[r]) for r in parts) != Decimal(cells[total]):
            continue
        typed += [(r, c, float(cells[r]), "num", None) for r in parts]
        formula = f"=SUM({P.format_a1(total + 2, c + 1)}:{P.format_a1(end, c + 1)})"
        typed.append((total, c, float(cells[total]), "num", formula))
    return _with_typed(table, typed)


def _rate_exact(table: R.Table, fr: int, end: int, row: int) -> bool:
    """Whether row `row`'s printed 执行率 (a percent or a fraction) is its amounts' exact quotient at the rate's printed
    places, or none is printed: typing the amounts as numbers states them exact (`typed_in_excel`'s reason), so a rate
    only the rounded print excused would become a true F04 of the copy (岳西 2022's 0.958 of 27.8/29)."""
    cols = {role: c for r, c, role in _header_cells(table) if fr <= r < end}
    budget, spent, rate = cols.get("full_budget", cols.get("initial_budget")), cols.get("executed"), cols.get("rate")
    if rate is None or budget is None or spent is None:
        return True
    cells = table.rows[row] + [""] * (max(rate, budget, spent) + 1 - len(table.rows[row]))
    text = cells[rate].strip()
    if not text:
        return True
    m = _TYPED_PCT.match(text) or re.fullmatch(r"(0?\.(\d+)|1(?:\.(0+))?)", text)
    if not m or not (_AMOUNT.match(cells[budget]) and _AMOUNT.match(cells[spent])) or Decimal(cells[budget]) == 0:
        return False
    printed = Decimal(m.group(1)) * (1 if "%" in text else 100)
    places = len(m.group(2) or "") - (0 if "%" in text else 2)
    exact = Decimal(cells[spent]) / Decimal(cells[budget]) * 100
    return exact.quantize(Decimal(1).scaleb(-max(places, 0)), rounding="ROUND_HALF_UP") == printed


_CN_DIGITS = "零一二三四五六七八九"


def _cn_number(n: int) -> str:
    """0–100 in Chinese numerals ("95" → "九十五", "100" → "一百", "10" → "十")."""
    if n == 100:
        return "一百"
    tens, ones = divmod(n, 10)
    if not tens:
        return _CN_DIGITS[ones]
    return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "")


def actual_pct_chinese(table: R.Table):
    """A whole-percent actual written in words ("95%" → "百分之九十五"), as a filer writing a sentence types it."""
    return _map_role_column(
        table,
        ("actual",),
        H.INDICATOR_COLUMNS,
        lambda c: (
            f"百分之{_cn_number(int(m.group(1)))}"
            if (m := re.fullmatch(r"\s*(\d{1,3})\s*%\s*", c)) and int(m.group(1)) <= 100
            else c
        ),
    )


def hidden_row_in_group(table: R.Table):
    """A hidden empty row inside the first 一级 group merged over two rows or more (an indicator the filer deleted by
    hiding its emptied row): each merge over the place grows by it; the rows read as before."""
    heads = _rows_of_head(table)
    l1 = _in_role(table, ("level1",))
    if not heads or not l1:
        return None
    c1 = next((c for r, c in l1 if r == heads[0]), None)
    if c1 is None:
        return None
    merge = next((b for b in P._bounds(table) if b[1] == c1 and b[0] > heads[0] and b[2] > b[0]), None)
    if merge is None:
        return None
    t, rowmap = _insert_growing(table, merge[0] + 1, [])
    t.meta["hidden_rows"] = [merge[0] + 1]
    return t, rowmap


def _wide_half_hidden(roles: tuple[str, ...]) -> Callable[[R.Table], tuple[R.Table, None] | None]:
    def rewrite(table: R.Table):
        """`_wide_column(roles)` with the right half of the wide column hidden (every cell of it merged into the left
        one): the merged cells are the form's, read as before."""
        got = _wide_column(roles)(table)
        if got is None:
            return None
        t = got[0]
        t.meta["hidden_cols"] = [_in_role(table, roles)[0][1] + 1]
        return t, None

    return rewrite


def helper_under_score_heading(table: R.Table):
    """`hidden_helper_column` (a hidden column of each row's 分值 after the first 得分) with the 得分 heading merged over
    both (the heading a copied template widened): the helper still not the form's (read30's rule: blank above, the
    label before it the one it copies)."""
    got = hidden_helper_column(table)
    if got is None:
        return None
    t = got[0]
    hr, c = _in_role(table, ("score",))[0]
    if any(r0 <= hr <= r1 and c0 <= c <= c1 for r0, c0, r1, c1 in P._bounds(t)):
        return None
    t.rows[hr][c + 1] = ""
    t.merges = [*t.merges, *P._emit([(hr, c, hr, c + 1)])]
    return t, None


def scores_zero_dropped(table: R.Table):
    """A 得分 printed with two decimals ending in 0 printed without it ("8.50" → "8.5", "10.00" → "10.0"), as a
    General-format column shows what was typed: the same value, stated at one decimal."""
    return _map_role_column(
        table,
        ("score",),
        H.INDICATOR_COLUMNS,
        lambda c: m.group(1) if (m := re.fullmatch(r"\s*(\d+\.\d)0\s*", c)) else c,
    )


def amounts_zeros_dropped(table: R.Table):
    """A funds amount "100.00" printed "100" (a General-format cell: the same amount)."""
    t = copy.deepcopy(table)
    for r, c in _funds_cells(table):
        if c < len(t.rows[r]) and (m := re.fullmatch(r"\s*(\d+)\.0+\s*", t.rows[r][c])):
            t.rows[r][c] = m.group(1)
    return (t, None) if t.rows != table.rows else None


def ops_break(cell: str) -> str:
    """ "≥95%" → "≥\n95%": a narrow target column wrapped after its operator (Alt+Enter)."""
    p = P._op(cell)
    return f"{p[0]}\n{p[1]}" if p and p[0] in ("≥", "≤") else cell


#: 一级 labels without 指标 ("产出指标" → "产出", "满意度指标" → "满意度")
level1_short = _labels_short("level1", "产出|效益|满意度|成本")


VARIANTS |= {
    "names_paren_numbered": _numbered(lambda n: f"（{n}）"),
    "names_circled": _numbered(lambda n: _CIRCLED[n - 1]),
    "weights_two_decimals": weights_two_decimals,
    "scores_hidden_below": scores_hidden_below,
    "units_row_funds": units_row_funds,
    "units_row_indicators": units_row_indicators,
    "reason_with_figures": reason_with_figures,
    "actual_paren_done": actual_paren_done,
    "target_pct_wancheng": target_pct_wancheng,
    "target_per_year": target_per_year,
    "other_funds_zero": _empty_parts("0"),
    "other_funds_dash": _empty_parts("—"),
    "other_funds_slash": _empty_parts("/"),
    "rate_round_formula": _rate_formula("round"),
    "rate_points_formula": _rate_formula("points"),
    "funds_total_summed": funds_total_summed,
    "actual_pct_chinese": actual_pct_chinese,
    "hidden_row_in_group": hidden_row_in_group,
    "target_wide_half_hidden": _wide_half_hidden(("target",)),
    "helper_under_score_heading": helper_under_score_heading,
    "scores_zero_dropped": scores_zero_dropped,
    "amounts_zeros_dropped": amounts_zeros_dropped,
    "ops_break": P.cellwise(ops_break),
    "level1_short": level1_short,
}

# ---------------------------------------------------------------- review32w: round 3 on what filers type and lay out
# Session 32 (review32w) adds: a units row above the indicator header, or between the two rows of a "绩效指标" group
# header; header words split over two rows ("年度" over "指标值"); an actual "100%" against a percent target written
# "完成", "已完成100%", "100%(完成)" or "全部完成"; a decimal percent in words with 点 ("百分之九十五点五"); a target
# "≥95%" written "≥95.0%", "≤X" as "控制在X以内", "X及以上", "X（含）以上", a year-end date as "12月底" or "年底"; the 总分 row printed right under the
# header; scores under "0.00_ ", amounts under
# "#,##0.00;[Red]-#,##0.00", percents under "0%;[Red]-0%"; "≥" in a written 偏差原因; 偏差原因 before 得分.


def _units_above(table: R.Table, hr: int):
    """A units row ("分" under 分值 and 得分) inserted right above the header row `hr` (merges over the place grown)."""
    units = {c: "分" for r, c in _in_role(table, ("weight", "score")) if r == hr and "分）" not in table.rows[r][c]}
    if not units or _crossed(table, hr):
        return None
    w = P._width(table)
    return _insert_rows(table, hr, [[units.get(c, "") for c in range(w)]], [])


def units_row_above_header(table: R.Table):
    """A row of units ("分" over 分值 and 得分) printed above the indicator header, as some templates put it."""
    heads = _rows_of_head(table)
    return _units_above(table, heads[0]) if heads else None


def units_row_between_headers(table: R.Table):
    """`header_group_row` (a "绩效指标" row over the 一级/二级/三级 names) with a units row between its two rows: "分"
    under the merged 分值/得分 cells' upper half would sit inside them, so the units go in their own columns only."""
    got = header_group_row(table)
    if got is None:
        return None
    t, rowmap = got
    hr = next((r for r, row in enumerate(t.rows) if "绩效指标" in row), None)
    if hr is None:
        return None
    bounds = P._bounds(t)
    w = P._width(t)
    row = [""] * w
    for r, c in _in_role(t, ("weight", "score")):
        if r == hr and "分）" not in t.rows[r][c]:
            row[c] = "分"
    if not any(row):
        return None
    t2 = _pad(t)
    t2.rows.insert(hr + 1, row)
    out = []
    for r0, c0, r1, c1 in bounds:
        if r0 > hr:
            out.append((r0 + 1, c0, r1 + 1, c1))
        elif r1 > hr and not any(row[c] for c in range(c0, c1 + 1)):
            out.append((r0, c0, r1 + 1, c1))  # a header cell merged down the two rows grows over the units row
        elif r1 > hr:
            out.append((r0, c0, r0, c1))  # a unit goes under it: the header cell keeps its upper row
        else:
            out.append((r0, c0, r1, c1))
    for c in range(w):
        if row[c]:
            t2.rows[hr + 2][c] = ""  # the header word stays on the upper row, its unit under it
    t2.merges = P._emit(out)
    step = {r: r for r in range(1, hr + 2)} | {r + 1: r for r in range(hr + 2, len(t.rows) + 1)}
    return t2, _then(rowmap, step)


def header_words_split(table: R.Table):
    """The indicator header over two rows with the long words split between them ("年度指标值" → "年度" over "指标值",
    "实际完成值" → "实际" over "完成值"), every other header cell merged down over both: a narrow form's header."""
    heads = _rows_of_head(table)
    if not heads:
        return None
    hr = heads[0]
    if _head_end(table, hr) != hr or _crossed(table, hr) or _crossed(table, hr + 1):
        return None
    split = {
        c: (m.group(1), m.group(2))
        for r, c in _in_role(table, ("target", "actual"))
        if r == hr
        and (m := re.fullmatch(r"\s*(年度|实际|全年|预期)(指标值|完成值|完成情况|目标值)\s*", table.rows[r][c]))
    }
    if not split:
        return None
    t, step = _insert_rows(table, hr + 1, [[]], [])
    step[hr + 1] = hr + 1
    bounds = P._bounds(t)
    for c, cell in enumerate(t.rows[hr]):
        if c in split:
            t.rows[hr][c], t.rows[hr + 1][c] = split[c]
        elif cell.strip() and _grow_merge(bounds, hr, c) is None:
            bounds.append((hr, c, hr + 1, c))
        elif (i := _grow_merge(bounds, hr, c)) is not None and bounds[i][2] == hr and bounds[i][1] == c:
            bounds[i] = (bounds[i][0], bounds[i][1], hr + 1, bounds[i][3])
    t.merges = P._emit(bounds)
    return t, step


def _actual_done(word: str) -> Callable[[R.Table], tuple[R.Table, None] | None]:
    def rewrite(table: R.Table):
        """An actual "100%" beside a percent target written `word` ("完成", "已完成100%", "100%(完成)", "全部完成"), as
        filers report a task wholly done."""
        t = copy.deepcopy(table)
        for row, ct, ca in _paired_rows(table, t, "target", "actual"):
            if _PCT_TARGET.match(row[ct]) and re.fullmatch(r"\s*100\s*%\s*", row[ca]):
                row[ca] = word
        return (t, None) if t.rows != table.rows else None

    return rewrite


def actual_pct_chinese_point(table: R.Table):
    """A one-decimal percent actual written in words with 点 ("95.5%" → "百分之九十五点五")."""

    def words(c: str) -> str:
        m = re.fullmatch(r"\s*(\d{1,2})\.(\d)\s*%\s*", c)
        return f"百分之{_cn_number(int(m.group(1)))}点{_CN_DIGITS[int(m.group(2))]}" if m else c

    return _map_role_column(table, ("actual",), H.INDICATOR_COLUMNS, words)


def target_pct_point_zero(table: R.Table):
    """A whole-percent target with an operator written with one decimal ("≥95%" → "≥95.0%"): the same bound."""
    return _map_role_column(
        table,
        ("target",),
        H.INDICATOR_COLUMNS,
        lambda c: f"{m.group(1)}{m.group(2)}.0%" if (m := re.fullmatch(r"\s*(≥|≤)\s*(\d+)\s*%\s*", c)) else c,
    )


def target_kongzhi(table: R.Table):
    """A target "≤X" written "控制在X以内" (以内 includes X)."""

    def kz(c: str) -> str:
        p = P._op(c)
        return f"控制在{p[1]}以内" if p and p[0] == "≤" and re.match(r"\d", p[1]) else c

    return _map_role_column(table, ("target",), H.INDICATOR_COLUMNS, kz)


def date_month_end(table: R.Table):
    """A target or actual date on the year's last day written "12月底" ("2023年12月31日前" → "2023年12月底前")."""
    return _map_role_column(
        table, ("target", "actual"), H.INDICATOR_COLUMNS, lambda c: re.sub(r"(?<!\d)12月31日", "12月底", c)
    )


def total_at_top(table: R.Table):
    """The 总分 row printed right under the indicator header (a total of its own above the rows it sums). Only where no
    merge crosses either place and every merge on the 总分 row stays on it."""
    heads = _rows_of_head(table)
    if not heads:
        return None
    h1 = _head_end(table, heads[0])
    total = _total_row(table, heads[0])
    at = h1 + 1
    if total is None or total <= at or _crossed(table, at) or _crossed(table, total) or _crossed(table, total + 1):
        return None
    bounds = P._bounds(table)
    order = [*range(at), total, *range(at, total), *range(total + 1, len(table.rows))]
    where = {old: new for new, old in enumerate(order)}
    t = copy.deepcopy(table)
    t.rows = [table.rows[r] for r in order]
    t.merges = P._emit([(where[r0], c0, where[r0] + (r1 - r0), c1) for r0, c0, r1, c1 in bounds])
    return t, {new + 1: old + 1 for new, old in enumerate(order)}


def _formatted(cells: Callable[[R.Table], list[tuple[int, int]]], fmt: str, pattern: str):
    """Figures matching `pattern` at `cells` typed as numbers under the custom format `fmt` (render.py: a style
    "fmt:<code>"), shown as printed."""

    def value(text: str) -> tuple | None:
        return (float(text), f"fmt:{fmt}") if re.fullmatch(pattern, text) else None

    return lambda t: _typed(t, cells, value)


def _pct_red(text: str) -> tuple | None:
    """ "95%" → 0.95 under "0%;[Red]-0%", "95.5%" → under "0.0%;[Red]-0.0%": a percent format with a red negative."""
    if not (m := _TYPED_PCT.match(text)) or len(m.group(2) or "") > 2:
        return None
    body = "0" + ("." + "0" * len(m.group(2)) if m.group(2) else "") + "%"
    return float(Decimal(m.group(1)).scaleb(-2)), f"fmt:{body};[Red]-{body}"


def reason_ge_text(table: R.Table):
    """An empty 偏差原因 on a row scored full marks whose actual meets a "≥" percent target filled with the filer's
    note of it ("实际完成值≥年度指标值，无偏差"): text, never a figure of the row."""
    t = copy.deepcopy(table)
    for hr, cd in _in_role(table, ("deviation",)):
        cols = {
            role: c for role in ("target", "actual", "weight", "score") for r, c in _in_role(table, (role,)) if r == hr
        }
        if len(cols) != 4:
            continue
        for r in _rows_under(table, hr):
            row = t.rows[r]
            if max(cd, *cols.values()) >= len(row) or row[cd].strip():
                continue
            mt, ma = _GE_PCT.match(row[cols["target"]]), R.PERCENT_TEXT.match(row[cols["actual"]])
            w, sc = row[cols["weight"]].strip(), row[cols["score"]].strip()
            full = _POINTS.match(w) and _POINTS.match(sc) and Decimal(w) == Decimal(sc) > 0
            if mt and ma and full and Decimal(ma.group(1)) >= Decimal(mt.group(1)):
                row[cd] = "实际完成值≥年度指标值，无偏差"
    return (t, None) if t.rows != table.rows else None


def swap_score_deviation(table: R.Table):
    """偏差原因 printed before 得分 (the two columns swapped, header and all)."""
    return _swap(table, ("score",), ("deviation",))


def date_year_end(table: R.Table):
    """A target or actual date on the year's last day written "年底" ("2023年12月31日前" → "2023年底前")."""
    return _map_role_column(
        table, ("target", "actual"), H.INDICATOR_COLUMNS, lambda c: re.sub(r"(\d{4})年12月31日", r"\1年底", c)
    )


VARIANTS |= {
    "units_row_above_header": units_row_above_header,
    "units_row_between_headers": units_row_between_headers,
    "header_words_split": header_words_split,
    "actual_wancheng": _actual_done("完成"),
    "actual_yiwancheng_pct": _actual_done("已完成100%"),
    "actual_pct_paren_ascii": _actual_done("100%(完成)"),
    "actual_quanbu_wancheng": _actual_done("全部完成"),
    "actual_pct_chinese_point": actual_pct_chinese_point,
    "target_pct_point_zero": target_pct_point_zero,
    "target_kongzhi": target_kongzhi,
    "date_month_end": date_month_end,
    "total_at_top": total_at_top,
    "scores_format_padded": _formatted(_score_cells, "0.00_ ", r"\s*\d+\.\d\d\s*"),
    "amounts_red_negative": _formatted(_funds_cells, "#,##0.00;[Red]-#,##0.00", r"\s*\d+\.\d\d\s*"),
    "pct_red_negative": lambda t: _typed(t, _every_cell, _pct_red),
    "reason_ge_text": reason_ge_text,
    "swap_score_deviation": swap_score_deviation,
    "ops_jiyishang": P.cellwise(_ops({"≥": "及以上", "≤": "及以下"}, suffix=True)),
    "ops_han_yishang": P.cellwise(_ops({"≥": "（含）以上", "≤": "（含）以下"}, suffix=True)),
    "date_year_end": date_year_end,
}

if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
