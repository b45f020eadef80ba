"""Corpus entries planted in the seed example written by the project's own generator
(perfxl.workbook), so the layout detector and the rules meet each defect where it would occur in a
real submission. Registered into `badinput.corpus.CORPUS` on import."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from . import builders as b
from .corpus import NEEDS_LIBREOFFICE, NEEDS_WRITER, Built, entry


def _written(path: Path, change: Callable | None = None, content=None, **shape_kw):
    """The seed example (its department 自评表 changed by `change(ev) -> ev`) written by the project's
    generator; returns its WrittenWorkbook, which knows the cell of every content element."""
    from perfxl.workbook.seed import seed_content
    from perfxl.workbook.shape import Shape
    from perfxl.workbook.writer import write_content

    content = content or seed_content()
    if change is not None:
        evals = list(content.evaluations)
        evals[-1] = change(evals[-1])
        content = replace(content, evaluations=tuple(evals))
    return write_content(path, content, Shape(**shape_kw))


def _ev_key(written, suffix: str) -> str:
    """Content path of the last (department) 自评表's element, e.g. "funds[0].rate"."""
    n = max(int(k.split("]")[0].split("[")[1]) for k in written.cells if k.startswith("evaluations["))
    return f"evaluations[{n}].{suffix}"


def _total_index(written) -> int:
    from perfxl.workbook.seed import seed_content

    return next(i for i, f in enumerate(seed_content().evaluations[-1].funds) if f.is_total)


def _set_cells(written, values: dict[str, object]) -> Built:
    """Overwrite cells (by content path) with openpyxl — values no generator would write (errors,
    booleans, dates) — and return the planted refs. The seed has no formulas, so nothing is lost."""
    import openpyxl

    wb = openpyxl.load_workbook(written.path)
    planted = []
    for key, value in values.items():
        ref = written.ref(_ev_key(written, key))
        cell = wb[ref.sheet][ref.cell]
        cell.value = value
        if isinstance(value, datetime):
            cell.number_format = "yyyy-mm-dd"
        planted.append((ref.sheet, ref.cell))
    wb.save(written.path)
    return Built(written.path, tuple(planted))


def _planted(written, *keys: str) -> Built:
    refs = [written.ref(_ev_key(written, k)) for k in keys]
    return Built(written.path, tuple((r.sheet, r.cell) for r in refs))


@entry("error_cells", "错误值.xlsx", NEEDS_WRITER)
def _error_cells(path: Path, scratch: Path) -> Built:
    w = _written(path)
    return _set_cells(w, {f"funds[{_total_index(w)}].rate": "#DIV/0!", "indicators[0].score": "#REF!"})


@entry("uncached_formulas", "公式无缓存.xlsx", NEEDS_WRITER)
def _uncached(path: Path, scratch: Path) -> Built:
    w = _written(path, engine="openpyxl", formulas=True)
    return _planted(w, f"funds[{_total_index(w)}].rate")


@entry("booleans", "布尔值.xlsx", NEEDS_WRITER)
def _booleans(path: Path, scratch: Path) -> Built:
    return _set_cells(_written(path), {"indicators[0].actual": True})


@entry("dates", "日期值.xlsx", NEEDS_WRITER)
def _dates(path: Path, scratch: Path) -> Built:
    return _set_cells(_written(path), {"indicators[0].target": datetime(2023, 12, 31)})


@entry("long_strings", "最长文本.xlsx", NEEDS_WRITER)
def _long_strings(path: Path, scratch: Path) -> Built:
    text = ("偏差原因：" + "因项目进度调整，" * 5000)[:32_767]
    w = _written(
        path, lambda ev: replace(ev, indicators=(replace(ev.indicators[0], deviation=text), *ev.indicators[1:]))
    )
    return _planted(w, "indicators[0].deviation")


@entry("control_chars", "控制字符.xlsx", NEEDS_WRITER)
def _control_chars(path: Path, scratch: Path) -> Built:
    def change(ev):
        first = replace(
            ev.indicators[0], name=f"{ev.indicators[0].name}\x07\x01", actual=f"\x1b[31m{ev.indicators[0].actual}\x00"
        )
        return replace(ev, indicators=(first, *ev.indicators[1:]), goal_actual=f"\x0b{ev.goal_actual}\x1f")

    return _planted(_written(path, change), "indicators[0].name", "indicators[0].actual")


@entry("fullwidth_numbers", "全角数字.xlsx", NEEDS_WRITER)
def _fullwidth(path: Path, scratch: Path) -> Built:
    def change(ev):
        funds = tuple(replace(f, executed="２，２２３．０４万元") if f.is_total else f for f in ev.funds)
        first = replace(ev.indicators[0], actual="２０家", weight="１０分")
        return replace(ev, funds=funds, indicators=(first, *ev.indicators[1:]))

    w = _written(path, change)
    return _planted(w, f"funds[{_total_index(w)}].executed", "indicators[0].actual", "indicators[0].weight")


@entry("merged_overlap", "合并单元格越界.xlsx", NEEDS_WRITER)
def _merged_overlap(path: Path, scratch: Path) -> Built:
    """A merge from the funds total row down into the goals block, across two tables."""
    import openpyxl

    w = _written(path)
    top = w.ref(_ev_key(w, f"funds[{_total_index(w)}].initial"))
    bottom = w.ref(_ev_key(w, "goal_expected"))
    wb = openpyxl.load_workbook(w.path)
    ws = wb[top.sheet]
    ws.merge_cells(f"{top.cell}:{_shift(bottom.cell, 2)}")
    wb.save(w.path)
    return Built(w.path, ((top.sheet, top.cell),))


def _shift(cell: str, cols: int) -> str:
    from perfxl.model import a1, parse_a1

    r, c = parse_a1(cell)
    return a1(r, c + cols)


@entry("duplicate_tables", "两张同表头.xlsx", NEEDS_WRITER)
def _duplicate_tables(path: Path, scratch: Path) -> Built:
    from perfxl.workbook.seed import seed_content

    content = seed_content()
    ev = content.evaluations[-1]
    w = _written(path, content=replace(content, evaluations=(ev, ev)), one_sheet=True)
    total = _total_index(w)
    refs = [w.ref(f"evaluations[{i}].funds[{total}].rate") for i in (0, 1)]
    return Built(w.path, tuple((r.sheet, r.cell) for r in refs))


@entry("funds_no_total", "无资金总额.xlsx", NEEDS_WRITER)
def _funds_no_total(path: Path, scratch: Path) -> Built:
    def change(ev):
        parts = tuple(replace(f, label="其中：本年财政拨款", is_total=False) if f.is_total else f for f in ev.funds)
        return replace(ev, funds=parts)

    w = _written(path, change)
    return Built(w.path, ((w.ref(_ev_key(w, "indicators[0].name")).sheet, ""),))


@entry("legacy_xls", "旧版.xls", NEEDS_LIBREOFFICE, NEEDS_WRITER)
def _legacy_xls(path: Path, scratch: Path) -> Built:
    """The seed example saved as Excel 97-2003 (.xls) by LibreOffice; its 执行率 94.5 must still be caught."""
    w = _written(path, fmt="xls")
    return _planted(w, f"funds[{_total_index(w)}].rate")


@entry("ods", "开放文档.ods", NEEDS_LIBREOFFICE, NEEDS_WRITER)
def _ods(path: Path, scratch: Path) -> Built:
    """The seed example saved as OpenDocument by LibreOffice; calamine reads it, errors still caught."""
    w = _written(scratch / "seed-for-ods.xlsx")
    shutil.copyfile(b.soffice_convert(w.path, "ods", scratch), path)
    return _planted(w, f"funds[{_total_index(w)}].rate")
