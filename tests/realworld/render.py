"""Render the real-table corpus (tests/realworld/*.toml) into .xlsx workbooks with the project's own writer.

Each TOML file is one published table transcribed cell by cell (format: tests/realworld/README.md).
Every cell is written as the text it was published with (real exports carry text, and a transcription
must never be "fixed" into a number), merged ranges are applied, and the file is written atomically by
`perfxl.workbook.writer.write_plans`. `python tests/realworld/render.py OUTDIR` renders all of them.
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import re
import sys
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from perfxl.model import parse_a1
from perfxl.result import FileResult
from perfxl.validate import validate_file
from perfxl.workbook.content import WorkbookContent
from perfxl.workbook.plan import SheetPlan
from perfxl.workbook.shape import Shape
from perfxl.workbook.variants import write_export
from perfxl.workbook.writer import write_plans

__all__ = [
    "CORPUS",
    "Table",
    "Expectation",
    "load_table",
    "parsed_toml",
    "corpus_files",
    "plan_typed_in_excel",
    "render",
    "render_all",
    "validated",
]

CORPUS = Path(__file__).resolve().parent
#: Sheet name used when the TOML names none: neutral, so nothing is recognised by its sheet name alone.
DEFAULT_SHEET = "Sheet1"
_RANGE = re.compile(r"^\s*([A-Za-z]{1,3}\d+)\s*(?::\s*([A-Za-z]{1,3}\d+))?\s*$")


@dataclass(frozen=True)
class Expectation:
    """One [[expect]] entry: what is wrong at a row (1-based), worked out by hand."""

    row: int
    what: str
    severity: str = "error"
    col: str | None = None
    hand: str = ""


@dataclass
class Table:
    """One transcribed table: its grid as text, merges, and the hand-made expectations."""

    path: Path
    rows: list[list[str]]
    merges: list[str]
    expect: list[Expectation]
    kind: str = ""
    province: str = ""
    source: str = ""
    sheet: str = DEFAULT_SHEET
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.path.stem


def corpus_files(root: Path = CORPUS) -> list[Path]:
    """Every table file of the corpus, sorted by name."""
    return sorted(root.glob("*.toml"))


def _text(value: Any) -> str:
    """A transcribed cell as text (a TOML number is written as it reads; None/empty as "")."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


#: path → (mtime_ns, size, the parsed TOML) for this process: the fast loop loads the corpus's 217 files ≈ 1,900 times
#: and the 144 real reports' ≈ 1,000 times (tomllib is pure Python). Never handed out: each `load_table` builds its
#: Table afresh (new lists, `meta` deep-copied), `parsed_toml` gives a deep copy.
_PARSED: dict[Path, tuple[int, int, dict[str, Any]]] = {}


def _parsed(path: Path) -> dict[str, Any]:
    st = path.stat()
    hit = _PARSED.get(path)
    if hit is None or hit[:2] != (st.st_mtime_ns, st.st_size):
        with path.open("rb") as fh:
            hit = _PARSED[path] = (st.st_mtime_ns, st.st_size, tomllib.load(fh))
    return hit[2]


def parsed_toml(path: Path) -> dict[str, Any]:
    """A TOML file (a corpus table, a real report's fixture) as `tomllib.load` gives it: parsed once per process while
    the file is unchanged, a deep copy on every call (the caller may change it)."""
    return copy.deepcopy(_parsed(path))


def load_table(path: Path) -> Table:
    """Parse one corpus TOML file (ValueError naming the file when it lacks `rows`); a new Table on every call."""
    data = _parsed(path)
    rows = data.get("rows")
    if not isinstance(rows, list) or not rows:
        raise ValueError(f"{path.name}: no `rows` grid")
    grid = [[_text(v) for v in (row if isinstance(row, list) else [row])] for row in rows]
    expect = [
        Expectation(
            int(e["row"]),
            str(e.get("what", "other")),
            str(e.get("severity", "error")),
            (str(e["col"]).strip().upper() or None) if e.get("col") else None,
            str(e.get("hand", "")),
        )
        for e in data.get("expect", []) or []
    ]
    meta = copy.deepcopy({k: v for k, v in data.items() if k not in ("rows", "merges", "expect")})
    return Table(
        path,
        grid,
        [str(m) for m in data.get("merges", []) or []],
        expect,
        str(data.get("kind", "")),
        str(data.get("province", "")),
        str(data.get("source", "")),
        str(data.get("sheet") or DEFAULT_SHEET),
        meta,
    )


def _merge_bounds(text: str) -> tuple[int, int, int, int] | None:
    """ "A1:D1" → 0-based (r0, c0, r1, c1); None for a malformed range."""
    m = _RANGE.match(text)
    if not m:
        return None
    r0, c0 = parse_a1(m.group(1))
    r1, c1 = parse_a1(m.group(2)) if m.group(2) else (r0, c0)
    return min(r0, r1) - 1, min(c0, c1) - 1, max(r0, r1) - 1, max(c0, c1) - 1


def grid_of(table: Table) -> Any:
    """The table as the reader's `Grid` (its rows and merges as published), without writing a workbook."""
    from perfxl.grid import Grid

    merged = tuple(b for m in table.merges if (b := _merge_bounds(m)) is not None)
    return Grid(table.sheet, [list(r) for r in table.rows], merged)


def corpus_grids(variants: Iterable[str], every: int, every_table: Iterable[str] = ()) -> tuple[tuple[str, Any], ...]:
    """Every real table's grid, then the named probe variants' grids of every `every`-th table (of every table for
    the variants in `every_table`), each named "<file>/<variant>": the layout's speed paths are held to the plain
    paths on these."""
    import probe_variants as V

    tables = [load_table(p) for p in corpus_files()]
    out = [(t.path.name, grid_of(t)) for t in tables]
    always = set(every_table)
    for name in variants:
        for t in tables[:: 1 if name in always else every]:
            got = V.VARIANTS[name](t)
            if got is not None:
                out.append((f"{t.path.name}/{name}", grid_of(got[0])))
    return tuple(out)


def plan_of(table: Table) -> SheetPlan:
    """The table as a SheetPlan: every non-empty cell as text, merged ranges applied over the grid."""
    plan = SheetPlan(table.sheet, landscape=True)
    width = max(len(r) for r in table.rows)
    for r, row in enumerate(table.rows):
        for c in range(width):
            text = row[c] if c < len(row) else ""
            plan.put(r, c, text if text != "" else None, style="text")
    for text in table.merges:
        bounds = _merge_bounds(text)
        if bounds is None:
            raise ValueError(f"{table.path.name}: malformed merge {text!r}")
        r0, c0, r1, c1 = bounds
        anchor = plan.cells.get((r0, c0))
        plan.merge(r0, c0, r1, c1, anchor.value if anchor else None, style="text")
    for c in range(width):
        plan.widths[c] = 14
    # read29: what a filer's copy hides (rows filtered, a helper column) or types with a leading apostrophe
    plan.hidden_rows = set(table.meta.get("hidden_rows", ()))
    plan.hidden_cols = set(table.meta.get("hidden_cols", ()))
    for r, c in table.meta.get("quoted", ()):
        if (cell := plan.cells.get((r, c))) is not None:
            cell.style = "quoted"
    return plan


_FIGURE = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*$")
#: A percent typed as text ("86.2%"): Excel would hold it as the fraction 0.862.
PERCENT_TEXT = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*%\s*$")


def plan_typed_in_excel(table: Table) -> SheetPlan:
    """The same table as typed in Excel: every plain figure a number cell, every "86.2%" 0.862 under a percent format
    (calamine reads 0.862, the reader the "86.2%" it shows); text that is no figure ("012" codes, words) stays text."""
    plan = plan_of(table)
    for (r, c), cell in list(plan.cells.items()):
        if not isinstance(cell.value, str):
            continue
        if (m := _FIGURE.match(cell.value)) and not re.match(r"^0\d", m.group(1)):
            plan.put(r, c, float(m.group(1)), style="num")
        elif m := PERCENT_TEXT.match(cell.value):
            places = len(m.group(1).partition(".")[2])  # Excel's format for what was typed: 0%, 0.0% (adv29), 0.00%
            plan.put(r, c, float(m.group(1)) / 100, style=("percent", "percent1", "percent2")[min(places, 2)])
    return plan


def render(table: Table | Path, out_dir: Path, fmt: str = "xlsx") -> Path:
    """Write one table as `<out_dir>/<name>.xlsx` (atomically, by the project's writer); returns the path. A table
    whose `meta["typed_in_excel"]` is set is written as `plan_typed_in_excel` (the rewrites tests); each (row, column,
    value, style, formula) of `meta["typed_cells"]` (0-based) is then written as Excel stores what a filer typed — a
    number, a date, a formula with its cached value — in place of the cell's text (probe_variants' typed kinds);
    `meta["page_header"]` is printed in the page header (a title kept out of the cells). `fmt` "html" or "xml2003":
    the same sheets as Excel exports them to a web page or an Excel 2003 XML file (`variants.write_export`: number
    formats, hidden rows and columns), saved as .xls as systems name them (read31h)."""
    if isinstance(table, Path):
        table = load_table(table)
    target = out_dir / f"{table.name}.xlsx"
    content = WorkbookContent(title=table.meta.get("source_title", table.name), comments=table.source)
    plan = plan_typed_in_excel(table) if table.meta.get("typed_in_excel") else plan_of(table)
    for r, c, value, style, formula in table.meta.get("typed_cells", ()):
        plan.put(r, c, value, formula=formula, style=style)
    plan.page_header = str(table.meta.get("page_header", ""))
    plans = [plan]
    for name in table.meta.get("copy_sheets", ()):  # review30w: the same sheet again under another name
        plans.append(dataclasses.replace(copy.deepcopy(plan), name=name))
    if front := table.meta.get("front_sheet"):  # review30w: a sheet of text lines before the table's
        first = SheetPlan(front[0])
        for r, line in enumerate(front[1]):
            first.put(r, 0, line, style="text")
        plans.insert(0, first)
    with _custom_formats(plan):
        if fmt != "xlsx":
            return write_export(out_dir / f"{table.name}.{fmt}.xls", plans, fmt, formats=True)
        write_plans(target, plans, content, Shape())
    if setup := table.meta.get("sheet_setup"):
        _set_up_sheet(target, table.sheet, setup)
    return target


@contextlib.contextmanager
def _custom_formats(plan: SheetPlan) -> Iterator[None]:
    """A typed cell's style "fmt:<code>" (review32w: "0.00_ ", "#,##0.00;[Red]-#,##0.00") written under that number
    format: the style is lent to the writer's table while the plan is written, then taken back."""
    from perfxl.workbook.styles import STYLES

    lent = {s for cell in plan.cells.values() if (s := cell.style).startswith("fmt:") and s not in STYLES}
    for name in lent:
        STYLES[name] = {**STYLES["num"], "num_format": name[4:]}
    try:
        yield
    finally:
        for name in lent:
            del STYLES[name]


def _set_up_sheet(path: Path, sheet: str, setup: dict[str, Any]) -> None:
    """What a filer sets on the sheet in Excel (review30w): panes frozen above row `freeze` (1-based), the sheet
    protected, the used range as the print area, rows (first, last) (0-based) as print titles. openpyxl re-saves the
    workbook: no formula is cached then, so no kind sets this on a workbook holding formulas."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb[sheet]
    if freeze := setup.get("freeze"):
        ws.freeze_panes = f"A{freeze}"
    if setup.get("protect"):
        ws.protection.sheet = True
    if setup.get("print_area"):
        ws.print_area = ws.dimensions
    if rows := setup.get("print_titles"):
        ws.print_title_rows = f"{rows[0] + 1}:{rows[1] + 1}"
    wb.save(path)


#: validate_file's result per table content (name, sheet, source, rows, merges, meta), for this process.
_VALIDATED: dict[tuple[Any, ...], FileResult] = {}


class ProbeCrash(RuntimeError):
    """perfxl crashed (X01) on a published table or report, or on a probe's copy of it: a probe comparing verdicts
    before and after a change would hide it (a crash already in the published run is "before" in every copy), so the
    probe stops and says where."""


def crash_free(findings: Iterable[Any], where: str) -> list[Any]:
    """`findings` as a list, or ProbeCrash when any is X01 (a check that failed internally) — for every probe."""
    found = list(findings)
    crashed = [f for f in found if f.code == "X01"]
    if crashed:
        raise ProbeCrash(f"X01 in {where}: " + "; ".join(f"{f.ref}: {f.message[:120]}" for f in crashed))
    return found


def validated(table: Table, out_dir: Path) -> FileResult:
    """`validate_file(render(table, out_dir))`, rendered and validated once per run for the same table content: the
    corpus tests, the rewrite tests and the probes each validate the published tables again (validate_file is a pure
    function of the file's bytes, and render of the table). `.path` is the first rendering's."""
    key = (
        table.name,
        table.sheet,
        table.source,
        tuple(map(tuple, table.rows)),
        tuple(table.merges),
        repr(sorted(table.meta.items())),
    )
    if key not in _VALIDATED:
        _VALIDATED[key] = validate_file(render(table, out_dir))
    return _VALIDATED[key]


def render_all(out_dir: Path, root: Path = CORPUS) -> list[Path]:
    """Render every corpus table into `out_dir`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    return [render(p, out_dir) for p in corpus_files(root)]


if __name__ == "__main__":  # pragma: no cover
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("realworld-xlsx")
    for written in render_all(target):
        print(written)


def variant(name: str, changes: dict[str, str]) -> Table:
    """The corpus table `name` with the cells at the A1 addresses replaced (rows widened as needed): a review's variant."""
    table = copy.deepcopy(load_table(CORPUS / f"{name}.toml"))
    for address, text in changes.items():
        r, c = parse_a1(address)
        for row in table.rows:
            row.extend([""] * (c - len(row)))
        table.rows[r - 1][c - 1] = text
    return table


def judged(result: FileResult) -> set[tuple[str, str, int | None]]:
    """(code, severity, row) of every 错误 and 警告 of a result."""
    return {
        (f.code, f.severity.value, getattr(f.ref, "row", None))
        for f in result.findings
        if f.severity.value in ("error", "warning")
    }
