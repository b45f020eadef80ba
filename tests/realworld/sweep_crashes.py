"""Sweep: hostile edits of every real table and report, and any crash, hang or runaway time they cause (issue crash12).

`python tests/realworld/sweep_crashes.py [-t NAME ...] [--seed N] [--cells N] [--slow S] [-q]` takes every
tests/realworld/*.toml table and tests/realworld/reports/*.toml report, changes ONE thing at a time (a cell, a row, a
paragraph), reads and checks the copy in memory (the tables as `read_grids` gets them from any file, the reports as
`perfxl.document.read.to_submission` gets a read document) and lists every copy that

- raised (a traceback: perfxl's own error, never the filer's),
- carried a safety-net finding (X01 CHECK_CRASHED, LAYOUT_SHEET_ERROR, INTERNAL_ERROR: a check or the layout
  reader failed internally and said so instead of checking),
- took longer than `--slow` seconds (default 3: a super-linear pattern on a long cell is a hang to the user).

The edits are what bad input really holds: a blank cell, words in a number cell, 1e300, twenty 9s, negative and
zero weights, "#VALUE!", stray operators, unbalanced brackets, full-width and traditional text, 100,000-character
cells, a row of only 总分/合计, 其中 nested many levels, a table cut to one column, every weight 0, and for the
narrative: a paragraph's figures replaced by such values, a paragraph 100,000 characters long, 其中 chains,
百分之 and year notes out of place. Which cells get which edit is seeded (`--seed`, default 12): the same run
prints the same lines. `--cells N` edits N cells per table per edit kind (default: every cell once, each with one
edit drawn for it, plus every long edit on a few cells). Prints one line per finding and a summary line.

Not run by the fast loop: tests/test_sweep_crashes.py runs a small seeded subset there, and the whole sweep slow.
"""

from __future__ import annotations

import copy
import faulthandler
import random
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent.parent))

import render as R  # noqa: E402

from perfxl.document.read import to_submission  # noqa: E402
from perfxl.document.source import DocumentSource  # noqa: E402
from perfxl.grid import Grid  # noqa: E402
from perfxl.model import Paragraph, TextRef, a1  # noqa: E402
from perfxl.profiles import load_profile  # noqa: E402
from perfxl.reader import read_grids  # noqa: E402
from perfxl.rules.context import Context  # noqa: E402
from perfxl.validate import _summary, validate_submission  # noqa: E402

REPORTS = HERE / "reports"
SAFETY_NET = {"CHECK_CRASHED", "LAYOUT_SHEET_ERROR", "INTERNAL_ERROR"}
PROFILE = load_profile(None)

LONG = 100_000
#: Seconds after which `main` takes a copy for hung (0: no limit, as in the tests).
HANG_SECONDS = 0
#: `--only-long`: the long edits alone (a quick hunt for super-linear patterns at a smaller `--long`).
ONLY_LONG = False

#: One-cell edits: what a filer, a converter or a broken export puts in a cell.
CELL_EDITS: dict[str, Callable[[str], str]] = {
    "blank": lambda v: "",
    "words": lambda v: "详见附件说明",
    "huge_exp": lambda v: "1e300",
    "huge_int": lambda v: "99999999999999999999",
    "huge_exponent": lambda v: "1e999999999",
    "tiny_exponent": lambda v: "-1e-999999999",
    "huge_neg": lambda v: "-99999999999999999999.99",
    "negative": lambda v: "-10",
    "zero": lambda v: "0",
    "value_error": lambda v: "#VALUE!",
    "div_error": lambda v: "#DIV/0!",
    "operators": lambda v: f"≥≤+-*/{v}%%",
    "op_only": lambda v: "≥",
    "bracket_open": lambda v: f"（{v}(",
    "bracket_close": lambda v: f"{v}）)】",
    "full_width": lambda v: v.translate(R_FULL),
    "traditional": lambda v: v.translate(R_TRAD) or "總分",
    "total": lambda v: "总分",
    "subtotal": lambda v: "合计",
    "qizhong": lambda v: f"其中：{v}（其中：其中：{v}）",
    "pct_words": lambda v: f"百分之{v}百分之",
    "year_note": lambda v: f"{v}（2023年）（全年）（2022-2024年）",
    "nan": lambda v: "NaN",
    "inf": lambda v: "-Infinity",
    "dots": lambda v: "1.2.3.4",
    "range": lambda v: "10-20-30~40",
    "sci_small": lambda v: "1e-300",
    "minus_zero": lambda v: "-0.00",
    "newlines": lambda v: "\n\n".join([v, v, "合计", "100"]),
}

#: Long edits: each cell 100,000 characters of a kind a pattern may backtrack over.
LONG_EDITS: dict[str, Callable[[str], str]] = {
    "long_digits": lambda v: "1" * LONG,
    "long_han": lambda v: "中" * LONG,
    "long_spaces_digits": lambda v: "1 " * (LONG // 2),
    "long_dots": lambda v: "1." * (LONG // 2),
    "long_pct": lambda v: "10%" * (LONG // 3),
    "long_mixed": lambda v: ("其中：12万元（合计）≥95% " * (LONG // 17))[:LONG],
    "long_brackets": lambda v: "（" * LONG,
    "long_commas": lambda v: "1," * (LONG // 2),
    "long_years": lambda v: "2023年" * (LONG // 5),
}

_HALF = "0123456789.%-+()"
R_FULL = str.maketrans(_HALF, "０１２３４５６７８９．％－＋（）")
R_TRAD = str.maketrans("总计项资金额预算执行率数质时效产出满意度合", "總計項資金額預算執行率數質時效產出滿意度合")


@dataclass
class Problem:
    """One copy that crashed, tripped a safety net or ran too long."""

    name: str
    edit: str
    place: str
    what: str
    seconds: float

    def line(self) -> str:
        return f"{self.name}  {self.edit}  {self.place}  {self.seconds:.2f}s  {self.what}"


def grid_of(table: R.Table) -> Grid:
    """The table as the readers hand it over: text cells, merged ranges (anchor value only)."""
    width = max((len(r) for r in table.rows), default=0)
    rows = [[(row[c] if c < len(row) else "") for c in range(width)] for row in table.rows]
    merged = []
    for text in table.merges:
        b = R._merge_bounds(text)
        if b is None:
            continue
        r0, c0, r1, c1 = b
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if (r, c) != (r0, c0) and r < len(rows) and c < width:
                    rows[r][c] = ""
        merged.append(b)
    return Grid(table.sheet, rows, tuple(merged))


def checked(build: Callable[[], object]) -> tuple[str, float]:
    """Read and check what `build` gives (a Submission): "" when clean, else what went wrong; and the seconds."""
    start = time.perf_counter()
    if HANG_SECONDS:  # a copy that never finishes: its stack is printed and the run stops (a hang found)
        faulthandler.dump_traceback_later(HANG_SECONDS, exit=True)
    try:
        sub = build()
        ctx = Context(sub, PROFILE)
        findings = validate_submission(sub, PROFILE, context=ctx)
        _summary(sub, findings, PROFILE, ctx)
        nets = sorted({f"{f.code}: {f.message_en[:160]}" for f in findings if f.code in SAFETY_NET})
        what = "; ".join(nets)
    except Exception:  # the point of the sweep: any traceback is listed
        what = "TRACEBACK " + traceback.format_exc(limit=-3).replace("\n", " | ")[-600:]
    finally:
        if HANG_SECONDS:
            faulthandler.cancel_dump_traceback_later()
    return what, time.perf_counter() - start


def check_table(table: R.Table) -> tuple[str, float]:
    return checked(lambda: read_grids([grid_of(table)], f"{table.name}.xlsx", source_format="xlsx"))


def load_report(path: Path) -> dict:
    return R.parsed_toml(path)


def report_source(fixture: dict, name: str) -> DocumentSource:
    """A report fixture as a read .docx: paragraphs numbered from 1, each table a Grid "表N"."""
    paragraphs = tuple(Paragraph(TextRef(i + 1, excerpt=t[:40]), t) for i, t in enumerate(fixture["paragraphs"]))
    grids = []
    for i, t in enumerate(fixture.get("tables", [])):
        table = R.Table(Path(f"{name}.toml"), [[R._text(v) for v in row] for row in t["rows"]], t.get("merges", []), [])
        table.sheet = f"表{i + 1}"
        grids.append(grid_of(table))
    return DocumentSource(f"{name}.docx", "docx", paragraphs, grids)


def check_report(fixture: dict, name: str) -> tuple[str, float]:
    return checked(lambda: to_submission(report_source(fixture, name)))


# ---------------------------------------------------------------- table edits


def _cells(table: R.Table) -> list[tuple[int, int]]:
    return [(r, c) for r, row in enumerate(table.rows) for c in range(len(row))]


def _set(table: R.Table, r: int, c: int, text: str) -> R.Table:
    t = copy.copy(table)
    t.rows = [list(row) for row in table.rows]
    t.rows[r][c] = text
    return t


def _whole_table_edits(table: R.Table) -> Iterator[tuple[str, str, R.Table]]:
    """Edits of rows and columns: rows of only 总分/合计, 其中 nested, one column, weights all 0, no rows."""
    width = max(len(r) for r in table.rows)
    for label in ("总分", "合计", "其中："):
        t = copy.copy(table)
        t.rows = [list(r) for r in table.rows] + [[label] * width for _ in range(3)]
        yield f"rows_of_{label}", "end", t
    t = copy.copy(table)
    rows = [list(r) for r in table.rows]
    body = len(rows) // 2
    nest = [["其中：" * (k + 1) + (rows[body][0] if rows[body] else ""), *rows[body][1:]] for k in range(40)]
    t.rows = rows[: body + 1] + nest + rows[body + 1 :]
    t.merges = []
    yield "qizhong_40_levels", f"row {body + 1}", t
    for keep in (1, 2):
        t = copy.copy(table)
        t.rows = [list(r[:keep]) or [""] for r in table.rows]
        t.merges = []
        yield f"columns_{keep}", "A", t
    t = copy.copy(table)
    t.rows = [[("0" if _is_weightish(v) else v) for v in r] for r in table.rows]
    yield "numbers_all_0", "all", t
    t = copy.copy(table)
    t.rows = [[("-" + v if _is_weightish(v) else v) for v in r] for r in table.rows]
    yield "numbers_negative", "all", t
    t = copy.copy(table)
    t.rows = table.rows[:2]
    t.merges = []
    yield "head_only", "rows 1-2", t
    t = copy.copy(table)
    t.rows = [list(r) for r in table.rows]
    t.rows = [r + ["100"] * 3 for r in t.rows]
    yield "extra_number_columns", "right", t
    t = copy.copy(table)
    t.rows = [["" for _ in r] for r in table.rows]
    t.merges = []
    yield "all_blank", "all", t


def _is_weightish(v: str) -> bool:
    try:
        float(v.strip())
    except ValueError:
        return False
    return True


def table_edits(table: R.Table, rng: random.Random, per_kind: int | None) -> Iterator[tuple[str, str, R.Table]]:
    """Every edit of one table: each cell once with an edit drawn for it (or `per_kind` cells per edit), long edits
    on a few cells (the head row's first figure, a body cell), then the whole-table edits."""
    cells = [(r, c) for r, c in _cells(table)]
    names = list(CELL_EDITS)
    if ONLY_LONG:
        pass
    elif per_kind is None:
        for r, c in cells:
            name = rng.choice(names)
            yield name, a1(r + 1, c + 1), _set(table, r, c, CELL_EDITS[name](table.rows[r][c]))
    else:
        for name in names:
            for r, c in rng.sample(cells, min(per_kind, len(cells))):
                yield name, a1(r + 1, c + 1), _set(table, r, c, CELL_EDITS[name](table.rows[r][c]))
    filled = [(r, c) for r, c in cells if table.rows[r][c].strip()]
    for name, fn in LONG_EDITS.items():
        for r, c in rng.sample(filled, min(2, len(filled))):
            yield name, a1(r + 1, c + 1), _set(table, r, c, fn(table.rows[r][c]))
    if not ONLY_LONG:
        yield from _whole_table_edits(table)


# ---------------------------------------------------------------- report edits

_FIGURE_EDITS = (
    "",
    "1e300",
    "1e999999999",
    "99999999999999999999",
    "-5",
    "0",
    "#VALUE!",
    "（12",
    "１２３．４",
    "百分之",
    "≥≤",
)


def report_edits(fixture: dict, rng: random.Random, per_kind: int | None) -> Iterator[tuple[str, str, dict]]:
    """One paragraph at a time: its figures replaced by a hostile value, the paragraph made 100,000 characters long,
    其中 chains and brackets unbalanced; then table cells as for the tables (a few per report)."""
    import re

    paras = fixture["paragraphs"]
    index = list(range(len(paras)))
    if per_kind is not None:
        index = rng.sample(index, min(per_kind, len(index)))
    for i in [] if ONLY_LONG else index:
        text = paras[i]
        value = rng.choice(_FIGURE_EDITS)
        edits = {
            "figures": re.sub(r"\d+(?:\.\d+)?", lambda m, v=value: v, text),
            "qizhong": text + "其中：" + "其中：".join(f"{k}万元" for k in range(1, 60)) + "。",
            "brackets": text.replace("（", "((（").replace("）", ""),
            "pct_words": re.sub(r"(\d+(?:\.\d+)?)%", r"百分之\1百分之", text),
            "year_notes": re.sub(r"(\d+(?:\.\d+)?)", r"\1（2023年）", text),
            "zero_parts": text + "其中：0个、0个、0个，共0个，合计0万元，占比0%。",
            "traditional": text.translate(R_TRAD),
            "full_width": text.translate(R_FULL),
        }
        for name, new in edits.items():
            f = dict(fixture, paragraphs=[*paras[:i], new, *paras[i + 1 :]])
            yield name, f"p{i + 1}", f
    long_at = rng.randrange(len(paras)) if paras else 0
    for name, fn in LONG_EDITS.items():
        f = dict(fixture, paragraphs=[*paras[:long_at], fn(""), *paras[long_at + 1 :]])
        yield f"para_{name}", f"p{long_at + 1}", f
    f = dict(fixture, paragraphs=[*paras, ("项目资金120万元，其中：" + "中央资金10万元、" * 5000 + "。")])
    yield "para_long_list", f"p{len(paras) + 1}", f
    for ti, t in enumerate(fixture.get("tables", [])):
        table = R.Table(Path("t.toml"), [[R._text(v) for v in row] for row in t["rows"]], t.get("merges", []), [])
        for name, place, new in table_edits(table, rng, per_kind if per_kind is not None else 1):
            tables = list(fixture["tables"])
            tables[ti] = dict(t, rows=new.rows, merges=new.merges)
            yield f"table_{name}", f"表{ti + 1} {place}", dict(fixture, tables=tables)


# ---------------------------------------------------------------- the run


def sweep(
    only: set[str], seed: int, per_kind: int | None, slow: float, say: Callable[[str], None] = print
) -> tuple[int, list[Problem]]:
    """Every edit of every table and report named in `only` (all when empty): (copies checked, problems)."""
    problems: list[Problem] = []
    count = 0
    for path in R.corpus_files():
        if only and path.stem not in only:
            continue
        table = R.load_table(path)
        print(path.stem, file=sys.stderr, flush=True)
        rng = random.Random(f"{seed}:{path.stem}")
        for edit, place, new in table_edits(table, rng, per_kind):
            what, seconds = check_table(new)
            count += 1
            if what or seconds > slow:
                problems.append(Problem(path.stem, edit, place, what or "slow", seconds))
                say(problems[-1].line())
    for path in sorted(REPORTS.glob("*.toml")):
        if only and path.stem not in only:
            continue
        fixture = load_report(path)
        print(path.stem, file=sys.stderr, flush=True)
        rng = random.Random(f"{seed}:{path.stem}")
        for edit, place, new in report_edits(fixture, rng, per_kind):
            what, seconds = check_report(new, path.stem)
            count += 1
            if what or seconds > slow:
                problems.append(Problem(path.stem, edit, place, what or "slow", seconds))
                say(problems[-1].line())
    return count, problems


def main(argv: list[str]) -> int:
    def opt(flag: str, default: str) -> str:
        return argv[argv.index(flag) + 1] if flag in argv else default

    only = set(argv[argv.index("-t") + 1 :]) if "-t" in argv else set()
    seed = int(opt("--seed", "12"))
    global LONG, ONLY_LONG
    LONG = int(opt("--long", str(LONG)))
    ONLY_LONG = "--only-long" in argv
    cells = opt("--cells", "")
    slow = float(opt("--slow", "3"))
    global HANG_SECONDS
    HANG_SECONDS = int(slow * 20)
    count, problems = sweep(
        only, seed, int(cells) if cells else None, slow, (lambda s: None) if "-q" in argv else print
    )
    print(
        f"copies {count}, crashes {sum('TRACEBACK' in p.what for p in problems)}, safety nets "
        f"{sum(p.what not in ('slow',) and 'TRACEBACK' not in p.what for p in problems)}, slow {sum(p.what == 'slow' for p in problems)}"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
