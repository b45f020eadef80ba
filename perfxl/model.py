"""The typed model of a self-evaluation workbook: frozen value objects that know nothing of files.

Every field read from a sheet is a `CellValue`, so any check can point back at the exact cell.
Readers (perfxl.io, perfxl.layout) build these objects; rules (perfxl.rules) only read them.
"""

from __future__ import annotations

import enum
import functools
import re
from dataclasses import field
from decimal import Decimal
from typing import Any, Final

from .fastbuild import slot_twin
from .quoting import nest_quotes
from .records import record

__all__ = [
    "CellRef",
    "TextRef",
    "Location",
    "CellValue",
    "Certainty",
    "Severity",
    "SEVERITY_ZH",
    "CERTAINTY_ZH",
    "Finding",
    "FundsRow",
    "BreakdownAmount",
    "FundsBlock",
    "ComponentRow",
    "ComponentGroup",
    "Goal",
    "Level1Heading",
    "Level2Heading",
    "Indicator",
    "SelfEvaluation",
    "AmountRow",
    "ChangeLine",
    "Staffing",
    "BuildingControl",
    "BasicData",
    "TableSum",
    "SumTable",
    "SumLine",
    "Submission",
    "Paragraph",
    "RowRun",
    "TableCoverage",
    "SheetCoverage",
    "SkippedCheck",
    "Coverage",
    "column_letter",
    "column_index",
    "a1",
    "a1_text",
    "parse_a1",
]

_A1 = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)$")


@functools.lru_cache(maxsize=16384)
def column_letter(col: int) -> str:
    """1-based column number → letters (1 → A, 28 → AB)."""
    letters = ""
    while col > 0:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@functools.lru_cache(maxsize=16384)
def column_index(letters: str) -> int:
    """Column letters → 1-based number (A → 1)."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def a1(row: int, col: int) -> str:
    """1-based (row, col) → "B7"."""
    return f"{column_letter(col)}{row}"


#: A1 texts' parts by 0-based column and row (`a1_text`), made once: a cell's text is two look-ups and a concatenation,
#: not a cached call and an int's formatting (2.1 → 1.5 k instructions a text).
_COLUMN_TEXTS: list[str] = []
_ROW_TEXTS: list[str] = []
#: Rows and columns whose texts are kept (a batch worker's lists stay small); beyond, a text is formatted each time.
_A1_KEPT = 1 << 16


def a1_text(r: int, c: int) -> str:
    """ "B7" for 0-based (6, 1): `a1(r + 1, c + 1)`, its parts kept (`_COLUMN_TEXTS`, `_ROW_TEXTS`)."""
    if 0 <= r < len(_ROW_TEXTS) and 0 <= c < len(_COLUMN_TEXTS):
        return _COLUMN_TEXTS[c] + _ROW_TEXTS[r]
    if not (0 <= r < _A1_KEPT and 0 <= c < _A1_KEPT):
        return a1(r + 1, c + 1)
    if r >= len(_ROW_TEXTS):  # (by doubling: a long table's rows are met in order)
        _ROW_TEXTS.extend(map(str, range(len(_ROW_TEXTS) + 1, min(max(r + 1, 2 * len(_ROW_TEXTS), 64), _A1_KEPT) + 1)))
    if c >= len(_COLUMN_TEXTS):
        _COLUMN_TEXTS.extend(column_letter(n + 1) for n in range(len(_COLUMN_TEXTS), max(c + 1, 32)))
    return _COLUMN_TEXTS[c] + _ROW_TEXTS[r]


def parse_a1(ref: str) -> tuple[int, int]:
    """ "B7" → (7, 2), 1-based. Raises ValueError on anything else."""
    m = _A1.match(ref.strip().upper())
    if not m:
        raise ValueError(f"not an A1 cell reference: {ref!r}")
    return int(m.group(2)), column_index(m.group(1))


@record(frozen=True, slots=True, order=True)
class CellRef:
    """A place in the workbook: sheet name plus an A1 cell or range ("E12" or "B5:B9").

    `anchor` is the top-left cell of the merged range the cell belongs to, when it is merged.
    """

    sheet: str
    cell: str
    anchor: str | None = None

    def __str__(self) -> str:
        return f"{self.sheet}!{self.cell}"

    @property
    def first_cell(self) -> str:
        return self.cell.split(":", 1)[0]

    @property
    def row(self) -> int:
        return parse_a1(self.first_cell)[0]

    @property
    def col(self) -> int:
        return parse_a1(self.first_cell)[1]

    @classmethod
    def at(cls, sheet: str, row: int, col: int, anchor: str | None = None) -> CellRef:
        """Build from 1-based row and column numbers."""
        return cls(sheet, a1(row, col), anchor)


@record(frozen=True, slots=True, order=True)
class TextRef:
    """A place in a report document's narrative: 1-based paragraph number, and the page for PDFs.

    Tables of a document are not TextRefs: each becomes a Grid named like a sheet ("表2",
    "第3页 表1"), so its cells are ordinary `CellRef`s and every table check runs unchanged.
    `sheet`/`cell` mirror CellRef's so reports can print any location the same way.
    """

    paragraph: int | None = None
    page: int | None = None
    excerpt: str = field(default="", compare=False)

    @property
    def sheet(self) -> str:
        return "正文"

    @property
    def cell(self) -> str:
        parts = []
        if self.page is not None:
            parts.append(f"第{self.page}页")
        if self.paragraph is not None:
            parts.append(f"第{self.paragraph}段")
        return "".join(parts) or "正文"

    @property
    def anchor(self) -> None:
        return None

    def __str__(self) -> str:
        return f"正文 {self.cell}"


#: Where a finding points: a cell (or range) of a sheet or document table, or a narrative paragraph.
Location = CellRef | TextRef


@record(frozen=True, slots=True)
class CellValue:
    """What one cell held, and where.

    `raw` is the cached value as the source gave it (str, int, float, Decimal, bool, datetime or
    None for empty). `formula` is the formula text as written, leading "=" included, when the
    cell has one. `computed` is True when perfxl itself computed `raw`
    because the file held a formula without a cached value.

    Where: `sheet` (None: a cell of no place, e.g. a column the table lacks), 0-based `r` (row) and `c` (column) as the
    grid counts them, the 0-based (r, c) `anchor` of the merged range the cell lies in (None when not merged) — plain slots, the sheet name and the
    row int shared by a row's cells, no A1 text (perf26c: a 10,000-row table's 60,000 cells each held a `CellRef` and
    its text, ≈ 2.6 % of the instructions and 8 MB of the peak, though only a few thousand reach a finding). The
    `CellRef` is built by `place()` where a place is needed (a finding, an annotation, a report); "has the table this
    column" is `cell.sheet is not None`, a slot read.
    """

    raw: Any
    sheet: str | None = None
    r: int = 0
    c: int = 0
    anchor: tuple[int, int] | None = None
    formula: str | None = None
    computed: bool = False

    def place(self) -> CellRef | None:
        """The cell's `CellRef` (sheet, A1 text, the merged range's anchor), built now; None for a cell of no place."""
        sheet = self.sheet
        if sheet is None:
            return None
        anchor = self.anchor
        # the value `CellRef(…)` builds, by its slot twin (`slot_twin`): no generated `__init__` a place
        ref: Any = _RefTwin()
        ref.sheet = sheet
        ref.cell = a1_text(self.r, self.c)
        ref.anchor = None if anchor is None else a1_text(*anchor)
        ref.__class__ = CellRef
        place: CellRef = ref  # (typed by assignment: no `cast` call)
        return place

    def located(self) -> CellRef:
        """`place()` of a cell its caller knows to have one (it tested `sheet is not None`): a `CellRef`, never None."""
        ref = self.place()
        if ref is None:
            raise ValueError("a cell of no place")
        return ref

    def same_place(self, other: CellValue) -> bool:
        """`self.place() == other.place()` without building either: the same sheet cell (both of no place: True)."""
        sheet = self.sheet
        return sheet == other.sheet and (
            sheet is None or (self.r == other.r and self.c == other.c and self.anchor == other.anchor)
        )

    def a1(self) -> str:
        """The cell's A1 text ("E12", what `place().cell` says) without a `CellRef`; "" for a cell of no place."""
        return "" if self.sheet is None else a1_text(self.r, self.c)

    @classmethod
    def of(cls, raw: Any, ref: CellRef | None = None, formula: str | None = None, computed: bool = False) -> CellValue:
        """A CellValue at the place `ref` names (a single cell, not a range): for callers holding a `CellRef`."""
        if ref is None:
            return cls(raw, None, 0, 0, None, formula, computed)
        r, c = parse_a1(ref.cell)
        anchor = None
        if ref.anchor is not None:
            ar, ac = parse_a1(ref.anchor)
            anchor = (ar - 1, ac - 1)
        return cls(raw, ref.sheet, r - 1, c - 1, anchor, formula, computed)

    def with_raw(self, raw: Any) -> CellValue:
        """This cell, its place, formula and `computed` kept, holding `raw` instead (a value cut or joined from it)."""
        cell: Any = CellTwin()
        cell.raw = raw
        cell.sheet = self.sheet
        cell.r = self.r
        cell.c = self.c
        cell.anchor = self.anchor
        cell.formula = self.formula
        cell.computed = self.computed
        cell.__class__ = CellValue
        made: CellValue = cell
        return made

    @property
    def is_blank(self) -> bool:
        raw = self.raw
        if raw.__class__ is str:  # most cells: no isinstance call
            return not raw.strip()
        return raw is None or (isinstance(raw, str) and not raw.strip())

    @property
    def text(self) -> str:
        """The value as a display string, stripped ("" when blank)."""
        raw = self.raw
        if raw.__class__ is str:  # most cells, asked ≈ 37 times an indicator row
            return raw.strip()
        if raw is None:
            return ""
        if isinstance(raw, float) and raw.is_integer():
            return str(int(raw))
        return str(raw).strip()

    @classmethod
    def empty(cls, ref: CellRef | None = None) -> CellValue:
        return cls.of(None, ref)


#: The slot twins (`fastbuild.slot_twin`) of CellRef and CellValue: a place built by `CellValue.place`, a cell by the
#: layout's `cells_of` and `CellValue.with_raw` — plain classes whose instances become the dataclasses' own.
_RefTwin = slot_twin(CellRef, ("sheet", "cell", "anchor"))
CellTwin = slot_twin(CellValue, ("raw", "sheet", "r", "c", "anchor", "formula", "computed"))


class Severity(str, enum.Enum):
    """How bad a finding is. Ordered: error > warning > info."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self._value_]  # (`_value_`: `.value` is a property; asked of every finding sorted)


_SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}

# Each member bound once as a module name (`from perfxl.model import ERROR`), read by code run a row or a finding:
# `Severity.X` goes through Python 3.11's `EnumType.__getattr__` hook (`values.ValueKind`'s note).
ERROR: Final = Severity.ERROR
WARNING: Final = Severity.WARNING
INFO: Final = Severity.INFO


#: The Chinese label of each severity, as finance staff see it in reports, notes and the 校验结果 sheet.
SEVERITY_ZH = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}


class Certainty(str, enum.Enum):
    """What a finding rests on. Only CERTAIN may be an 错误 (see `Finding`).

    CERTAIN: the cells make it certain (arithmetic on what was read). JUDGEMENT: a person must judge
    (e.g. a text that may explain a deviation). GUESS: it rests on a guess perfxl made — a direction
    read from an indicator's name, a sheet's kind, a fuzzy name match, a target possibly adjusted.
    """

    CERTAIN = "certain"
    JUDGEMENT = "judgement"
    GUESS = "guess"


CERTAIN: Final = Certainty.CERTAIN  # (each member a module name: `Severity`'s note above)
JUDGEMENT: Final = Certainty.JUDGEMENT
GUESS: Final = Certainty.GUESS

#: The Chinese label of each certainty, as reports print it beside the basis.
CERTAINTY_ZH = {Certainty.CERTAIN: "确定", Certainty.JUDGEMENT: "需人工判断", Certainty.GUESS: "依据推断"}


@record(frozen=True, slots=True)
class Finding:
    """One problem found in one place: the contract every report and annotation relies on.

    `ref` is the primary place; `related` the other places a comparison involves (the table cell a
    narrative figure contradicts, the 申报表 target an actual is judged against). `basis`/`basis_en`
    say what was read and what was computed; `certainty` what the finding rests on. A finding that
    is not CERTAIN is never an 错误: it is capped at 警告 here, once, for every check and reader.
    """

    code: str
    severity: Severity
    ref: Location | None
    message: str
    message_en: str = ""
    expected: str | None = None
    actual: str | None = None
    file: str | None = None
    related: tuple[Location, ...] = ()
    basis: str = ""
    basis_en: str = ""
    certainty: Certainty = Certainty.CERTAIN

    def __post_init__(self) -> None:
        if self.certainty is not Certainty.CERTAIN and self.severity is Severity.ERROR:
            object.__setattr__(self, "severity", Severity.WARNING)
        if "“" in self.basis:  # a label already quoted, quoted again: nested once, here, for every check (docs15)
            object.__setattr__(self, "basis", nest_quotes(self.basis))

    @property
    def sheet(self) -> str | None:
        return self.ref.sheet if self.ref else None

    @property
    def cell(self) -> str | None:
        return self.ref.cell if self.ref else None

    def brief(self) -> tuple[str, str | None, str | None]:
        """(code, sheet, cell): the compact form tests assert on."""
        return (self.code, self.sheet, self.cell)


_FINDING_FIELDS = (
    "code",
    "severity",
    "ref",
    "message",
    "message_en",
    "expected",
    "actual",
    "file",
    "related",
    "basis",
    "basis_en",
    "certainty",
)
_FindingTwin = slot_twin(Finding, _FINDING_FIELDS, post_init=True)
_new = object.__new__


def new_finding(
    code: str,
    severity: Severity,
    ref: Location | None,
    message: str,
    message_en: str,
    expected: str | None,
    actual: str | None,
    file: str | None,
    related: tuple[Location, ...],
    basis: str,
    basis_en: str,
    certainty: Certainty,
) -> Finding:
    """`Finding(code, …, certainty=certainty)`, every field given, by its slot twin (`fastbuild.slot_twin`): the same
    value (equal, same hash and repr; `tests/test_perf17f.py`), `__post_init__`'s cap and quote nesting applied here,
    without the generated `__init__`'s twelve `object.__setattr__`. The checks build thousands (`Context.finding`)."""
    if certainty is not CERTAIN and severity is ERROR:
        severity = WARNING
    if "“" in basis:
        basis = nest_quotes(basis)
    f: Any = _new(_FindingTwin)
    f.code = code
    f.severity = severity
    f.ref = ref
    f.message = message
    f.message_en = message_en
    f.expected = expected
    f.actual = actual
    f.file = file
    f.related = related
    f.basis = basis
    f.basis_en = basis_en
    f.certainty = certainty
    f.__class__ = Finding
    return f  # type: ignore[no-any-return]  # `f` is Any only to set a twin's slots: it is a Finding now


# ---------------------------------------------------------------- 自评表 (self-evaluation table)


@record(frozen=True, slots=True)
class FundsRow:
    """One row of the funds block (年度资金总额, 其中：本年财政拨款, 上年结转资金, 其他资金 …)."""

    label: CellValue
    initial_budget: CellValue  # 年初预算数
    full_budget: CellValue  # 全年预算数 (调整后预算数)
    executed: CellValue  # 全年执行数
    weight: CellValue  # 分值 (only on the total row)
    rate: CellValue  # 执行率 (only on the total row)
    score: CellValue  # 得分 (only on the total row)
    is_total: bool = False
    within: bool = False  # a sub-item of the source above it (a second 其中: "其中：中央补助" under 财政拨款)
    arrived: CellValue | None = None  # 实际到位资金 (岳阳 自评报告's money row); None on forms without it
    # 到位资金 in a column of its own (全年到位资金, 实际到位金额: 宁晋 2019) — not summed or checked, only read so that
    # a 执行率 the form takes over the money arrived is not called wrong (F04)
    received: CellValue | None = None


@record(frozen=True, slots=True)
class BreakdownAmount:
    """One labelled figure inside a free-text breakdown cell of the funds block.

    "按支出性质分：2223.04" is the group's own line (`is_group_total`), "其中：基本支出：886.12" a part of
    group "expenditure"; "政府性基金拨款：" has no figure (`amount` None). `group` is "income"
    (按收入性质分), "expenditure" (按支出性质分) or "" when no group line precedes it in its column.
    """

    group: str
    label: str
    amount: Decimal | None
    cell: CellValue
    is_group_total: bool = False


@record(frozen=True, slots=True)
class FundsBlock:
    """项目资金 / 年度预算申请: the total row, its parts, and free-text breakdowns.

    `columns` lists the funds roles whose header the table has ("initial_budget", "full_budget",
    "executed", "weight", "rate", "score"; "management" when a 资金管理情况 text block follows the
    amounts); empty means not stated (built by hand: assume all).
    A form that does not score execution has no "weight": its total row's weight is a blank
    CellValue without a cell, never a default 10.
    """

    total: FundsRow | None
    parts: tuple[FundsRow, ...] = ()
    unit: str = "万元"
    breakdown: tuple[CellValue, ...] = ()  # e.g. "按支出性质分…基本支出：886.12"
    ref: CellRef | None = None  # the block's header cell
    breakdown_amounts: tuple[BreakdownAmount, ...] = ()  # the figures read out of `breakdown`
    columns: tuple[str, ...] = ()
    # the header cells of the block's 分值, 执行率 and 得分 columns as printed ("得分(区间计分)", "得分 (20分*执行率)"):
    # where a table states how it scores 执行率 (rules/funds_indicator.py reads the method, F05)
    score_headers: tuple[CellValue, ...] = ()
    # the header cell that states `unit` ("资金情况 (万元)"); None when the unit comes from the table's unit line or
    # is the default 万元 (F14 holds it against that unit line)
    unit_cell: CellValue | None = None
    # subtotal rows of some sources inside the block ("财政资金小计" above ①中央 … ②市级 …): never a source, no sum checks
    # them; kept so a check on the block's printed figures as a whole (F15) sees every amount it prints
    subtotals: tuple[FundsRow, ...] = ()
    # a 申报表's 中期资金总额 printed beside its 年度 total (亳州 2023: 449.8万 │ 189.8万): the whole term's money, None
    # where none is printed (F17)
    medium_total: CellValue | None = None
    # (role, header cell) of the block's 年初预算数, 全年预算数 and 全年执行数 columns as printed ("年初预算数(A)"): the letters a
    # rule in `score_headers` names ("执行率(B/A)") stand for these columns (rules/funds.py `rate_over_initial`)
    amount_headers: tuple[tuple[str, CellValue], ...] = ()
    unit_above: str = ""  # the line above a report's table its `unit` was taken from ("单位：元"); "" otherwise
    # the term's money printed beside the year's (a 目标表's 资金总额 │ … │ 当年资金总额 pairs): its total is the whole
    # term's, so F02 names it by its printed label, not as the 年度资金总额 (review14h)
    term: bool = False

    @property
    def has_weight(self) -> bool:
        """False when the table has no 分值 for 预算执行率 (execution not scored in the funds block)."""
        return not self.columns or "weight" in self.columns

    @property
    def scored(self) -> FundsRow | None:
        """The row whose 执行率 the form scores: the total row; or, when the total prints no 执行率, 分值 or 得分, the
        one source row that prints its 分值 and 得分 (重庆 部门整体绩效自评表: 年度总金额 carries the amounts only,
        其中财政拨款 its 执行率 | 执行率权重 | 执行率得分)."""
        total = self.total
        if total is None or any(not c.is_blank for c in (total.rate, total.weight, total.score)):
            return total
        scored = [p for p in self.parts if not p.weight.is_blank and not p.score.is_blank]
        return scored[0] if len(scored) == 1 else total


@record(frozen=True, slots=True)
class ComponentRow:
    """One line of a 项目资金构成 block (子项名称 │ 预算数 │ 实际数; 江苏 苏州市级 自评表) or of a 目标表's 项目预算 block
    (成本构成 │ 金额 │ 测算(公式)依据 │ 2020年实际执行数 …; 湖北 鄂州 市直): a 子项 / cost line, or the block's 合计.

    `budget` / `actual` are None where the block has no such column (the 2017 form lists 实际金额 only)."""

    label: CellValue
    budget: CellValue | None = None
    actual: CellValue | None = None
    # further amount columns, in the order of `SelfEvaluation.components_extra` (鄂州 目标表's 2020年实际执行数 │ 2021年…)
    extra: tuple[CellValue, ...] = ()
    share: CellValue | None = (
        None  # the line's printed 占比 of its 合计 (湖北 部门总体资金情况), None where none is printed
    )
    group: str = ""  # the group label the line stands under (收入构成 / 支出构成), "" in a block without groups
    within: bool = False  # a 其中 line: a part of the line above it, not one more line of the 合计


@record(frozen=True, slots=True)
class ComponentGroup:
    """A further group of lines of the same block, closed by its own 合计 line: the 湖北 部门整体支出绩效目标申报表's
    部门总体资金情况 lists 收入构成 (财政拨款, 其他资金, 合计) and then 支出构成 (基本支出, 项目支出, 合计) under one header.

    `block` names a block of its own where the group is not of the evaluation's `components_label` block (the
    年度主要任务's money, `layout.task_funds`); "" for that block's groups."""

    lines: tuple[ComponentRow, ...]
    total: ComponentRow
    block: str = ""


@record(frozen=True, slots=True)
class Goal:
    """年度总体目标: 预期目标 and 实际完成情况 free text."""

    expected: CellValue
    actual: CellValue


@record(frozen=True, slots=True)
class Level1Heading:
    """A 一级指标 label as written ("产出指标(55分)") and the weight it declares, if any."""

    label: CellValue
    name: str  # label without the declared weight: "产出指标"
    declared_weight: Decimal | None
    declared_at: CellValue | None = None  # the subtotal row's 分值 cell, when the weight is printed there (评分表)


@record(frozen=True, slots=True)
class Level2Heading:
    """A 二级指标 label and the weight printed beside it in a 分值 column of its own (评分表: 一级 │ 分值 │ 二级 │ 分值 …)."""

    label: CellValue
    declared_weight: Decimal
    declared_at: CellValue
    # the figure is typed again on each of its rows, each time equal to that row's own weight (二级 4 │ 4 over rows of
    # 4 │ 4, no merge): a filled merge or each row's weight copied — which, the cells do not say (review 12)
    copied: bool = False


@record(frozen=True, slots=True)
class Indicator:
    """One 三级指标 row of the 绩效指标 block.

    `target` holds the 年度指标值 text; when the sheet splits it into 指标性质 | 指标值 | 度量单位,
    the reader joins them into one text ("≥" + "100" + "%") and keeps `nature`/`unit` as read.
    """

    level1: CellValue
    level2: CellValue
    name: CellValue
    target: CellValue
    actual: CellValue
    weight: CellValue
    score: CellValue
    deviation: CellValue
    nature: CellValue | None = None
    unit: CellValue | None = None
    progress: CellValue | None = None  # 执行监控表: 1-X月执行情况
    forecast: CellValue | None = None  # 执行监控表: 全年预计完成情况
    criteria: CellValue | None = None  # 评分标准 / 评价标准 printed beside the row (the row's own scoring rule), if any
    # 河北 自评得分 split (单项指标得分 │ 权重占比(%) │ 单项指标折算得分): the indicator's own score on its own scale;
    # `weight` is then 权重占比 and `score` the 折算得分 = own_score × weight / 100 (S19)
    own_score: CellValue | None = None
    # a second 指标性质-role column holding the operator beside one holding the direction (乌海 2021: 指标性质 正向 │
    # 指标方向 =, either order): `nature` is then the direction/type cell, this the operator cell (`pair_natures`)
    operator: CellValue | None = None

    @property
    def row(self) -> int | None:
        name = self.name
        return None if name.sheet is None else name.r + 1

    def own_row(self, cell: CellValue) -> tuple[CellRef, ...]:
        """The row's name cell when `cell` (one of the row's) is a merge anchored on another row — one empty 偏差原因
        merged down the column: every row's finding on it stands on the merge's anchor, and this says which row it is
        about (adv28: four D01 on "H8", the row named in the message only). Else ()."""
        name = self.name
        if cell.sheet is None or name.sheet is None or cell.r == name.r:
            return ()
        return (name.located(),)


#: Role in `SelfEvaluation.columns` when the column read as 偏差原因 is headed only 备注/说明: remarks that may hold
#: the reasons, so whether a blank one leaves a missed target unexplained is a person's judgement.
REMARK_DEVIATION = "deviation_remark"
#: Role in `SelfEvaluation.columns` when no header cell names the 偏差原因 column and it was placed by the column order
#: (the first column right of the table, `layout.columns.place_missing`): that it is the form's 偏差原因 is a guess from
#: the sheet's width — a small table printed beside the form widens the sheet too — so a blank one is a 警告 at most.
PLACED_DEVIATION = "deviation_placed"
#: Role in `SelfEvaluation.columns` when the table has no 分值 column and each weight is the one its 三级 name states
#: ("目标 内容 (4分)", `perfxl.layout.label_weights`): findings resting on those weights say so in their basis.
WEIGHTS_IN_LABELS = "weights_in_labels"


@record(frozen=True, slots=True)
class SelfEvaluation:
    """One 自评表 (项目支出 or 部门整体支出): header fields, funds, goals, indicators, totals."""

    kind: str  # "project" | "department"
    sheet: str
    title: CellValue | None = None
    header: dict[str, CellValue] = field(default_factory=dict)  # 项目名称/预算单位名称/主管部门/实施单位
    # the money unit a head field's own label states ("计划投资额(元)" → 元), by the `header` key; absent = none stated
    header_units: dict[str, str] = field(default_factory=dict)
    funds: FundsBlock | None = None
    goals: tuple[Goal, ...] = ()
    level1: tuple[Level1Heading, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    total_weight: CellValue | None = None  # 总分 row, 分值 column
    total_score: CellValue | None = None  # 总分 row, 得分 column
    grade: CellValue | None = None  # 自评等级, where the form has one
    columns: tuple[str, ...] = ()  # indicator roles whose header the table has; empty = not stated (all)
    stated_total: CellValue | None = None  # a total stated in a text row above the table ("项目总得分99.41分")
    level2: tuple[Level2Heading, ...] = ()  # 二级 labels with a declared weight (评分表), in sheet order
    remarks: tuple[CellValue, ...] = ()  # texts of rows after the table labelled 原因分析/说明/改进措施
    # 年度履职目标 rows of a 部门整体支出绩效目标表 (福建): (支出项目名称, 预算金额) — the budget split by spending item
    duties: tuple[tuple[CellValue, CellValue], ...] = ()
    duties_unit: str = ""  # the money unit of the 预算金额 header ("预算金额(元)"), "" when it states none
    # 项目资金构成 (江苏 苏州市级 自评表): the project's money split by 子项 (子项名称 │ 预算数 │ 实际数) and its 合计 line
    components: tuple[ComponentRow, ...] = ()
    components_total: ComponentRow | None = None
    # the headers of the block's further amount columns (湖北 鄂州 目标表 项目预算: "2020年实际执行数", "2021年实际执行数")
    components_extra: tuple[str, ...] = ()
    # the groups after the first of a block whose lines come in groups, each closed by its own 合计 (湖北 部门整体支出
    # 绩效目标申报表's 部门总体资金情况: 收入构成 in `components`, 支出构成 here): each is checked by F11 as the first is
    components_more: tuple[ComponentGroup, ...] = ()
    # what the block is called in messages: "" for 项目资金构成 (苏州) / 项目预算 (鄂州), "部门总体资金情况" (湖北 申报表)
    components_label: str = ""
    # the year line under the title ("( 2023 年度)", 财预〔2020〕10号 附1): the year a date without one is read in
    period: CellValue | None = None
    # the weight the 绩效指标 header's own label declares for all its 一级 blocks: "年度绩效目标 (80 分)" (云南 区直 form)
    indicators_declared: CellValue | None = None
    # further funds blocks of the same table, one per fund, after the one in `funds` (重庆 彭水 转移支付 自评表: the
    # 奖励扶助 and 特别扶助 blocks, each 年度预算资金总额 over 中央补助 │ 市级资金 │ 本级资金, under the overall one):
    # each is checked by F02/F03/F04 as `funds` is
    funds_more: tuple[FundsBlock, ...] = ()
    # the cell of the table's own unit line ("单位:元" under the title, or a title ending "（单位：万元）"), None when the
    # table prints none: the unit of the table's amounts unless a block's header states its own (F14)
    unit_line: CellValue | None = None
    # what the table states about the project in its own words, by canonical label: "项目概况" (专项概况), "项目期"
    # (项目期限) — the cell right of the label (F16 reads shares of the money in the 概况, F17 the term)
    overview: dict[str, CellValue] = field(default_factory=dict)
    # why the table's edge on its sheet is a guess, "" when its rows make it certain: rows of indicators left unread
    # right above the header it begins at (a copy of the form printed on without its own head, 吉林), or a split from
    # the table next to it where their weights make the full mark the reader assumed (100, no 总分 row printing it) —
    # the sums over it (W02/W03/W05, T02) are then a 警告 that says so (read27)
    boundary_guess: str = ""

    def has_column(self, role: str) -> bool:
        """True when the 绩效指标 table has this column ("weight", "score", "actual" …) or does not say."""
        return not self.columns or role in self.columns

    @property
    def unit_name(self) -> str:
        for key in ("预算单位名称", "项目名称", "实施单位", "主管部门"):
            cell = self.header.get(key)
            if cell is not None and not cell.is_blank:
                return cell.text
        return ""


# ---------------------------------------------------------------- 基础数据表 (basic data table)


@record(frozen=True, slots=True)
class AmountRow:
    """A money row of the 基础数据表: 上年决算数 | 本年预算数 | 本年决算数.

    `key` is a canonical name ("three_public", "reception", "public_funds" …) or "" for a
    free-form sub-row; `parent` is the key of the row it belongs to ("" at top level).
    """

    key: str
    label: CellValue
    prev_final: CellValue
    budget: CellValue
    final: CellValue
    parent: str = ""
    # last year's 预算 (a “三公”经费 table's "上年预算数"/"2020年预算数" beside 2021's): a change naming no stage may be
    # 预算 − 上年预算 (sum20); blank when the table prints no such column
    prev_budget: CellValue = field(default_factory=lambda: CellValue(None, None))


@record(frozen=True, slots=True)
class ChangeLine:
    """One line of a “三公”经费 table printing two years (or a 预算 and a 决算) beside their change: 增减额 and/or 增减率.

    `earlier` is the base (上年, the earlier year, the 预算), `later` the figure compared with it; `change` and `rate` the
    line's printed 增减额 and 增减幅度 (None when the table prints no such column). `earlier_name`/`later_name`/
    `change_name`/`rate_name` are the columns' headers as printed, for messages. `guess` says why the headers do not make
    the base certain ("" when a year, 上年/本年 or the change's own header states it): findings resting on it are 警告."""

    label: CellValue
    earlier: CellValue
    later: CellValue
    change: CellValue | None
    rate: CellValue | None
    earlier_name: str = ""
    later_name: str = ""
    change_name: str = ""
    rate_name: str = ""
    guess: str = ""


@record(frozen=True, slots=True)
class Staffing:
    """财政供养人员情况: 编制数, 实际在职人数, 控制率."""

    establishment: CellValue
    actual: CellValue
    control_rate: CellValue
    # read from a 部门(单位)基本概况 table's "人员编制 │ 128 │ 实有人数 │ 185" line, not a 财政供养人员情况 block:
    # whether its 实有 counts only staff on the 编制 (not 编外/临聘) is not printed, so 超编 there is a judgement
    overview: bool = False


@record(frozen=True, slots=True)
class BuildingControl:
    """楼堂馆所控制情况 (one project row)."""

    approved_area: CellValue
    actual_area: CellValue
    area_rate: CellValue
    budget_investment: CellValue
    actual_investment: CellValue
    investment_rate: CellValue


@record(frozen=True, slots=True)
class BasicData:
    """部门整体支出绩效评价基础数据表."""

    sheet: str
    unit: str = "元"  # money unit of the amount rows
    years: tuple[str, str, str] = ("", "", "")  # column headers as written, e.g. 2022年决算数
    staffing: Staffing | None = None
    rows: tuple[AmountRow, ...] = ()
    buildings: tuple[BuildingControl, ...] = ()
    frugality: CellValue | None = None  # 厉行节约保障措施
    notes: tuple[CellValue, ...] = ()  # 注 rows on the table, as printed ("注：会议费、培训费含项目支出安排的…")
    procurement_rate: CellValue | None = None  # 政府采购执行率 printed in a 政府采购情况 block (its row: "procurement")
    # "" for a 基础数据表; "three_public" for a “三公”经费 table published on its own (perfxl.layout.three_public): its
    # 三公 rows only, its `unit` "" when the table prints none
    source: str = ""
    guess: str = (
        ""  # what the reading of the table assumed (a year read as 决算): findings resting on it are 警告 at most
    )
    unit_above: str = (
        ""  # the line above a report's table its `unit` was taken from ("单位：万元"); "" when printed inside
    )
    # the `unit` is the 元 a 基础数据表 defaults to: the table, its header and the line above it print none — an
    # assumption, so a narrative figure compared with its amounts is a guess at most (polish14)
    unit_assumed: bool = False
    # a “三公”经费 table's free-text lines stating figures ("增减情况说明：…较2020年4729万元减少533万元，同比下降11.2%"):
    # read for their own arithmetic (N02) as a 自评表's 年度总体目标 cells are (held-out batch 25)
    texts: tuple[CellValue, ...] = ()
    # the one year the caption above a report's table names ("2020年度…决算表"): another year's table than the report's
    # is not held to its narrative (review15); "" when none is printed
    year_above: str = ""
    # a “三公”经费 table printing last year's 预算 too (a column no AmountRow holds): a change whose words name no stage
    # may be 预算 − 上年预算 as well as 决算 − 上年决算 (gaps18)
    prev_budget: bool = False
    # a note of the table saying it prints nothing ("注:本部门2024年无“三公”经费和机关运行经费预算，故本表为空表。", 上海普陀
    # 万里街道 2024, held-out batch 26): B17 holds it against the figures the table prints; None when it says no such thing
    said_empty: CellValue | None = None
    # a “三公”经费 table's lines with their printed change columns (增、减额 │ 增、减幅度 beside two years): B19 holds each
    # change to later − earlier and each rate to change / earlier (held-out batch 29); () for a 基础数据表
    changes: tuple[ChangeLine, ...] = ()
    # the scope a “三公”经费 table's caption or 编制单位 line prints ("department", "own", "region_own", "region": see
    # perfxl.printed_scope), "" when none: a sentence naming a scope is certain against it only when they are one
    # (scope20)
    scope: str = ""
    # the stage its 预算 column prints (header, caption or a note): "initial" (年初), "full" (全年 / 调整 / 追加), ""
    # when neither: a 决算 table's 预算数 printing neither may be either budget (scope20)
    budget_stage: str = ""

    @property
    def table_name(self) -> tuple[str, str]:
        """(zh, en) name of the table the rows were read from, as messages name it: a “三公”经费 table on its own is no
        基础数据表 (docs14)."""
        return (
            ("三公经费表", "三公 spending table")
            if self.source == "three_public"
            else ("基础数据表", "basic-data table")
        )

    def row(self, key: str) -> AmountRow | None:
        return next((r for r in self.rows if r.key == key), None)

    def children(self, key: str) -> tuple[AmountRow, ...]:
        return tuple(r for r in self.rows if r.parent == key)


@record(frozen=True, slots=True)
class TableSum:
    """One sum a table's layout states (perfxl.layout.sum_tables): `total` is the sum of `parts`, cells of one table.

    `row`/`column` name the total's line and column for messages ("212 01 城乡社区管理事务", "合计"); `what`/`what_en`
    name the parts ("基本支出 + 项目支出", "其下各款"); `guess` says why the relation rests on a guess (lines placed under
    their total by indentation, no code printed), "" when the printed codes or labels state it."""

    total: CellValue
    parts: tuple[CellValue, ...]
    row: str
    column: str
    what: str
    what_en: str
    guess: str = ""


@record(frozen=True, slots=True)
class SumLine:
    """One line of a table read for its sums, as a narrative names it (perfxl.document.table_lines holds the narrative's
    amounts to it by name): `name` without its numbering ("一般公共服务支出", "本年收入合计"), `subject_code` its 功能分类 科目编码
    ("2013901", "" for none), `level` 1/2/3 for a 类/款/项, 0 for a 合计/总计 line, 4 or more for a 收支总表's line (its
    numbering's rank + 4), `side` "收入"/"支出" in a 收支总表, and `cells` each amount column's header labels (top to
    bottom) with the line's cell in it."""

    name: str
    subject_code: str = ""
    level: int = 0
    side: str = ""
    cells: tuple[tuple[tuple[str, ...], CellValue], ...] = ()


@record(frozen=True, slots=True)
class SumTable:
    """A table read for its own sums only (a 功能分类表, a 收支总表, a 三公 table whose stage no cell or caption states):
    perfxl knows how its lines add up, and the narrative's amounts are held to its lines by name
    (perfxl.document.table_lines); nothing of it is held to the other tables."""

    sheet: str
    kind: str  # "functional" (功能分类表) | "totals" (收支总表) | "three_public" (三公 table, stage not stated)
    name: str  # the table's name for messages ("一般公共预算支出功能分类表")
    sums: tuple[TableSum, ...] = ()
    lines: tuple[SumLine, ...] = ()  # its lines with their amounts (功能分类表 with codes, 收支总表), for the narrative
    unit: str | None = None  # the money unit printed in its header or on the line above it; None when none is


# ---------------------------------------------------------------- coverage: what was read, and what was not


@record(frozen=True, slots=True)
class Paragraph:
    """One paragraph of a report document's narrative, with its place."""

    ref: TextRef
    text: str


@record(frozen=True, slots=True)
class RowRun:
    """Consecutive rows of one table read as the same kind ("indicator", "funds", "heading", "blank",
    "unread" …): a 10,000-row table costs a handful of runs, not 10,000 entries."""

    kind: str
    first: int
    last: int


@record(frozen=True, slots=True)
class TableCoverage:
    """One table perfxl found: where, what it was read as, and its rows by kind."""

    sheet: str
    kind: str  # "project" | "department" | "basic" | "declaration" | "monitoring" | …
    range: str = ""  # A1 range of the table, e.g. "A1:J24"
    rows: tuple[RowRun, ...] = ()
    has_total_row: bool | None = None
    name: str = ""  # the table's own name where its kind's is not it: "三公经费表" read as a "basic" (polish14)


@record(frozen=True, slots=True)
class SheetCoverage:
    """The kind of one sheet (or document table), how sure perfxl is of it, and whether it was read.

    A sheet classified as "other" counts as read and says so; `certain` is False when its kind
    was guessed (then no 错误 may rest on it).
    """

    sheet: str
    kind: str
    certain: bool = True
    read: bool = True
    note_zh: str = ""
    note_en: str = ""


@record(frozen=True, slots=True)
class SkippedCheck:
    """A check that could not run (or not fully) on a table, and why: perfxl's limit, not a user error."""

    code: str
    reason_zh: str
    reason_en: str = ""
    sheet: str | None = None


@record(frozen=True, slots=True)
class Coverage:
    """What perfxl read and what it could not check, so a reviewer knows what a clean verdict covers."""

    source_format: str = ""  # what the file really was: "xlsx", "xls", "html", "spreadsheetml2003", "docx", "pdf" …
    sheets: tuple[SheetCoverage, ...] = ()
    tables: tuple[TableCoverage, ...] = ()
    skipped: tuple[SkippedCheck, ...] = ()


@record(frozen=True, slots=True)
class Submission:
    """Everything read from one file, plus what the reader could not map (as findings).

    `narrative` holds a report document's paragraphs (empty for workbooks); `coverage` what was read.
    """

    path: str
    evaluations: tuple[SelfEvaluation, ...] = ()
    basic: BasicData | None = None
    problems: tuple[Finding, ...] = ()
    narrative: tuple[Paragraph, ...] = ()
    coverage: Coverage = field(default_factory=Coverage)
    declarations: tuple[SelfEvaluation, ...] = ()  # 绩效目标申报表 / target-setting tables (kind "declaration")
    monitoring: tuple[SelfEvaluation, ...] = ()  # 绩效目标执行监控表 (kind "monitoring")
    sum_tables: tuple[SumTable, ...] = ()  # tables read for their own sums only (功能分类表, 收支总表 …)
