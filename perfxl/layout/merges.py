"""Merged ranges the layout cannot trust: ranges that overlap each other (the file is damaged, Excel
repairs it on open), ranges that run from one table block into the next (资金 → 年度总体目标 →
绩效指标), and funds amounts hidden inside a merge anchored in another cell.

A merged range keeps only its top-left value, so a funds amount under such a merge would
otherwise read as blank without a word; each case becomes a LAYOUT_* finding naming the range.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from enum import Enum

from ..grid import Grid, MergedRange
from ..model import CellRef, CellValue, Finding, FundsRow, SelfEvaluation, Severity, a1
from ..patterns import lazy_compile

__all__ = ["merge_findings", "BLOCK_HEADERS"]

#: Row kinds (detect.RowKind values) that start a table block of a 自评表.
BLOCK_HEADERS = ("funds_header", "goals_header", "indicator_header", "title_evaluation")
_FIGURE = lazy_compile(r"\d")  # a data row holds figures; a header's group row only labels
_MAX_FINDINGS = 20  # per sheet and kind: a hostile file with thousands of merges gets a bounded report
_FUNDS_ROLES = (
    ("initial_budget", "年初预算数"),
    ("full_budget", "全年预算数"),
    ("executed", "全年执行数"),
    ("weight", "分值"),
    ("rate", "执行率"),
    ("score", "得分"),
)


def range_a1(rng: MergedRange) -> str:
    r0, c0, r1, c1 = rng
    return f"{a1(r0 + 1, c0 + 1)}:{a1(r1 + 1, c1 + 1)}"


def merge_findings(grid: Grid, kinds: Iterable, evaluations: Iterable[SelfEvaluation]) -> list[Finding]:
    """LAYOUT_MERGE_OVERLAP, LAYOUT_MERGE_ACROSS_TABLES and LAYOUT_FUNDS_CELL_MERGED for one sheet.

    All are 警告: they say what perfxl could not read behind a merge (its limit, which a person must
    look at), never that a figure is wrong — a published table merges cells for layout all the time.
    """
    if not grid.merged:
        return []
    # (an Enum member's `.value` is its `_value_`, read without the `enum.property` descriptor's Python `__get__`)
    values = [k._value_ if isinstance(k, Enum) else getattr(k, "value", k) for k in kinds]
    headers = [r for r, k in enumerate(values) if k in BLOCK_HEADERS]
    out = _overlaps(grid)
    crossing = [
        rng
        for rng in grid.merged
        if rng[0] < rng[2]  # (a range of one row crosses no header)
        and _crosses(grid, values, headers, rng[0], rng[2])
    ][:_MAX_FINDINGS]
    for rng in crossing:
        where = range_a1(rng)
        out.append(
            Finding(
                "LAYOUT_MERGE_ACROSS_TABLES",
                Severity.WARNING,
                CellRef(grid.name, where),
                f"合并单元格 {where} 跨越了两个表格区域（如资金表与年度总体目标），合并区域只保留左上角的值，"
                "其余单元格的内容无法读取；请取消该合并后重新填写。",
                f"Merged range {where} runs across two table blocks; only its top-left value is kept. Unmerge it.",
                actual=where,
            )
        )
    out.extend(_hidden_funds(grid, evaluations))
    return out


def _crosses(grid: Grid, kinds: list[str], headers: list[int], top: int, bottom: int) -> bool:
    """`any(top < h <= bottom and not _group_row(grid, kinds, top, h) for h in headers)`, `headers` ascending: only the
    headers inside the range are looked at, from the first after `top` (a 10,000-row table's ≈ 9,000 merged 一级/二级
    labels each made a generator over every header)."""
    i = bisect_right(headers, top)
    n = len(headers)
    while i < n and headers[i] <= bottom:
        if not _group_row(grid, kinds, top, headers[i]):
            return True
        i += 1
    return False


def _group_row(grid: Grid, kinds: list[str], start: int, header: int) -> bool:
    """A merge that starts on the row right above a header, a row of labels without a figure: that row is the
    header's group row ("项目资金 | 预算执行情况（万元）" over 年初预算数 | 全年预算数 …), one header over two rows."""
    if start != header - 1 or kinds[start] not in ("note", "other", "blank"):
        return False
    row = grid.rows[start] if start < len(grid.rows) else []
    return not any(isinstance(v, (int, float)) or (isinstance(v, str) and _FIGURE.search(v)) for v in row)


def _overlaps(grid: Grid) -> list[Finding]:
    """Pairs of merged ranges sharing cells (Excel reports such a file as damaged). Without any, the merge map
    (`Grid.anchor_of`, one entry a merged cell) holds as many cells as the ranges cover: the ranges are walked
    cell by cell only when it holds fewer."""
    if grid._covered == len(grid._anchor):  # (the cells the ranges cover, counted as the merge map was made)
        return []
    owner: dict[tuple[int, int], MergedRange] = {}
    pairs: dict[tuple[MergedRange, MergedRange], None] = {}
    for rng in grid.merged:
        r0, c0, r1, c1 = rng
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                first = owner.setdefault((r, c), rng)
                if first is not rng and len(pairs) < _MAX_FINDINGS:
                    pairs.setdefault((first, rng))
    out = []
    for first, second in pairs:
        a, b = range_a1(first), range_a1(second)
        out.append(
            Finding(
                "LAYOUT_MERGE_OVERLAP",
                Severity.WARNING,
                CellRef(grid.name, b),
                f"合并单元格 {b} 与 {a} 互相重叠（文件已损坏，Excel 打开时会提示修复），重叠处的内容无法可靠读取。",
                f"Merged ranges {b} and {a} overlap (the file is damaged); their content cannot be read reliably.",
                actual=f"{b} / {a}",
            )
        )
    return out


def _range_of(grid: Grid, r: int, c: int) -> MergedRange | None:
    ar, ac = grid.anchor_of(r, c)
    return next((m for m in grid.merged if m[0] == ar and m[1] == ac and m[0] <= r <= m[2] and m[1] <= c <= m[3]), None)


def _total_score_merged_down(total: FundsRow | None, row: FundsRow, role: str, anchor: str) -> bool:
    """A source row's 分值, 执行率 or 得分 inside a merge anchored at the total row's own cell: the form scores only the
    total row (财预〔2020〕10号 附件), so filers merge its score (and the one rate they give) down over the sources; no
    source amount is hidden (review 9). Amounts merged down still are."""
    if total is None or row is total or role not in ("weight", "rate", "score"):
        return False
    own = getattr(total, role)
    return own.sheet is not None and own.a1() == anchor


def _hidden_funds(grid: Grid, evaluations: Iterable[SelfEvaluation]) -> list[Finding]:
    """Funds amounts read as blank because their cell continues a merge anchored elsewhere, while the
    merge's anchor holds a value or the merge spans several rows: the user sees a number we cannot read."""
    out: list[Finding] = []
    for ev in evaluations:
        if ev.sheet != grid.name or ev.funds is None:
            continue
        for row in (ev.funds.total, *ev.funds.parts):
            if row is None:
                continue
            for role, zh in _FUNDS_ROLES:
                cell: CellValue = getattr(row, role)
                ref = cell.place()
                if cell.raw is not None or ref is None or not ref.anchor or ref.anchor == ref.cell:
                    continue
                if ev.funds.columns and role not in ev.funds.columns:
                    continue  # a column the header lacks (LAYOUT_ABSENT/MISSING_COLUMN): no amount to hide
                if _total_score_merged_down(ev.funds.total, row, role, ref.anchor):
                    continue
                r, c = ref.row - 1, ref.col - 1
                rng = _range_of(grid, r, c)
                if rng is None or (grid.raw(rng[0], rng[1]) is None and rng[0] == rng[2]):
                    continue
                where = range_a1(rng)
                out.append(
                    Finding(
                        "LAYOUT_FUNDS_CELL_MERGED",
                        Severity.WARNING,
                        CellRef(grid.name, ref.cell, ref.anchor),
                        f"资金行“{row.label.text}”的{zh}单元格 {ref.cell} 位于合并区域 {where} 中（值只保留在左上角 {ref.anchor}），"
                        "未能读到该列的数值；请取消合并后填写。",
                        f"Funds row '{row.label.text}': the {role} cell {ref.cell} lies inside merged range {where} "
                        f"(only its top-left {ref.anchor} keeps a value); no amount was read.",
                        expected=zh,
                        actual=where,
                    )
                )
                if len(out) >= _MAX_FINDINGS:
                    return out
    return out
