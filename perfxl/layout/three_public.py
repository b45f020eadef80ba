"""A “三公”经费 table published on its own (a 三公 决算表 / 统计表 beside its 说明) → the 三公 rows of a BasicData.

The rows are the 基础数据表's own (`headers.BASIC_ROWS`: three_public, overseas, reception, car, car_purchase,
car_running, with `BASIC_PARENTS`), so the one set of 基础数据表 checks runs on them (B03 合计 = 分项之和 and 公务用车 =
购置费 + 运行费; B05/B16 决算 above 预算) and the narrative cross-check finds them by the same names — one 三公 model.

Real tables put the items either way round (real reports 13): 衢江区 2016 has years as rows and the items as
columns under a two-row header (公车购置及运行维护费 over 合计 │ 车辆购置 │ 车辆运行); 嘉定区司法局 2017 has the items as
columns with 预算数 │ 决算数 under each; 施甸 2016 has the items as rows under 上年决算数 │ 本年决算数 │ 增、减金额 │ 增、减
幅度. Each figure's role comes from the labels of its row and its column: 上年…决算 → 上年决算数, 预算 → 本年预算数, 决算 /
本年 → 本年决算数; a bare year ("2016年") is read by order — the latest as 本年决算数, the year before as 上年决算数 —
and, as the table does not say whether such figures are 预算 or 决算, the BasicData states that guess (`guess`): the
narrative findings resting on it are 警告 at most. 增减 / 幅度 / % lines are the table's own changes and are not read.
A 合计/小计 is the total of the item it stands under (公务用车's 小计 is 公务用车购置及运行费), and at the top the 三公
total. A figure line of a name perfxl does not know is kept as an unnamed row, so a sum over the named items beside it
is a judgement (`rules.basic._unread_among`), as on a 基础数据表.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache

from perfxl.patterns import lazy_compile

from ..chinese import to_simplified
from ..grid import Grid
from ..model import AmountRow, BasicData, CellValue, ChangeLine, SumTable, TableSum
from ..numbers import to_decimal
from ..printed_scope import budget_stage, table_scope
from ..records import record
from ..units import money_unit_in
from . import headers as H
from .cells import own, own_cell, row_labels, spacer_columns, value_at
from .empty_note import said_empty

__all__ = ["read_three_public", "read_three_public_sums", "YEAR_GUESS", "STAGELESS_NOTE"]

#: The coverage note of a 三公 table read for its sums only (`read_three_public_sums`).
STAGELESS_NOTE = (
    "读作“三公”经费表，但表中各格与表题都未注明是预算数还是决算数：只核对合计 = 各项之和、公务用车 = 购置费 + 运行费，"
    "其数字未与正文及其他表格比对",
    "read as a 三公 table whose cells and caption do not say budget or final accounts: only its sums are checked "
    "(合计 = the items, 公务用车 = 购置 + 运行); its figures are not compared with the text or other tables",
)

_ITEMS = ("three_public", "overseas", "reception", "car", "car_purchase", "car_running")
_TOTALS = frozenset({"合计", "小计", "总计", "合计数", "小计数"})
#: (the table's own change lines and columns — 增、减金额, 增减幅度, "2016年比2015年增减%", 支出减少情况 / 支出减少率 —
#: are not read as amounts: `_words().lines`, the national profile's `[reader.three_public]` words)
_YEAR = lazy_compile(r"((?:19|20)\d{2})年?度?")
#: A fund's name holding the word 预算 ("一般公共预算财政拨款决算数"): no 预算 role.
_FUND_BUDGET = lazy_compile(r"一般公共预算|政府性基金预算|国有资本经营预算")
#: The sources a figure may be split by (一般公共预算财政拨款 │ 政府性基金 │ 合计): each a part of the item's whole.
#: 公共财政预算 is 一般公共预算's name before 2015 (岳阳县文联 2017's 公共财政预算拨款, held-out batch 30).
_SOURCES = lazy_compile(r"一般公共预算|公共财政预算|政府性基金|国有资本经营|财政专户|其他资金|单位资金|自有资金")
#: the words of a role label; what is left of a label without them (and its year) is a name
_ROLE_WORDS = lazy_compile(
    r"上年|本年|年初|全年|调整后|调整|预算|决算|实际|执行|支出|数|金额|年度|项目|科目|单位|万元|元|[()（）:：]"
)
#: A line counting things, not money (湖南 三公 预算情况表's 相关统计数: 因公出国(境)团组数(个), 公务用车保有量(辆),
#: 公务接待批次(批)): its figures are no 三公 amount and no other spending beside the items — not read.
_COUNT = lazy_compile(r"[(（](?:个|人|人次|辆|台|批|批次|次|家|组)[)）]$|团组数|人数|人次|批次|保有量")
#: A bracketed note with its own figures after an item's name ("公务接待费(接待批次10批)", "公务用车运行维护费（保有量
#: 5辆）"): it counts what the item paid for — the line is still that item's money, not a count line (review15b).
_NOTE = lazy_compile(r"[(（][^()（）]*\d[^()（）]*[)）]")


def _counts(label: str) -> bool:
    """A line counting things (`_COUNT`), its bracketed notes with figures aside."""
    return bool(_COUNT.search(_NOTE.sub("", label)))


#: A 三公 table is small (six items, a few years, a title and notes): a longer sheet is some other table.
_MAX_ROWS = 80
#: how far down a header may reach before the first line of figures (a title, a unit line, three header rows)
_HEADER_REACH = 8

#: The guess a year-only layout rests on (its BasicData's `guess`).
YEAR_GUESS = "表中按年份列出的数字未注明是预算数还是决算数，按决算数读取（最近一年为本年，前一年为上年）"


#: A pinyin gloss a mirror glued after a character ("岳陽(yáng)縣", "預(yù)算數(shù)", held-out batch 29): lower-case latin
#: letters with or without tone marks in brackets — no label's own word, and it splits one ("预(yù)算" is no 预算).
_GLOSS = lazy_compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[)）]")


def _label(value: object) -> str:
    """A text cell's normalised label; "" for a blank or a figure (嘉定 2017 prints 325.88 in its header row)."""
    if not isinstance(value, str) or not value.strip() or _number(value):
        return ""
    return H.normalise_label(_GLOSS.sub("", value))


def _item(label: str) -> str | None:
    """The 三公 row key a label names: a BASIC_ROWS synonym of a 三公 item, or a group label naming the 三公 total
    ("一般公共预算财政拨款“三公”经费"); None otherwise (a rate such as 三公经费控制率, a count such as
    公务用车保有量(辆), is no item)."""
    if _counts(label):
        return None
    key = H.match_role(label, H.BASIC_ROWS)
    if key is None and label.endswith("支出") and "三公" not in label:
        # "(一)因公出国(境)支出", "(三)公务接待费支出" (广东 市直 2019): the item's spending, named by its own name
        stem = label[:-2]
        key = H.match_role(stem + "费", H.BASIC_ROWS) or H.match_role(stem, H.BASIC_ROWS)
    if key in _ITEMS:
        return key
    if "三公" in label and "率" not in label and not _words().lines.search(label):
        return "three_public"
    return None


def _part_under(item: str, label: str) -> str | None:
    """The one defined part of `item` (`BASIC_PARENTS`) a bare label under it names as the end of that part's own name
    ("购置费" under 公务用车购置及运行费: 公务用车购置费; "运行费": 公务用车运行费), or None."""
    bare = H.normalise_label(label)
    if len(bare) < 2:
        return None
    # "购置经费" is the 购置费 (the 经费 of an item is its 费: 公务用车购置经费, 东坡 审计局 2014's 三公 决算表)
    names = (bare, bare[:-2] + "费") if bare.endswith("经费") and len(bare) > 3 else (bare,)
    found = [
        key
        for key, parent in H.BASIC_PARENTS.items()
        if parent == item and key in _ITEMS and any(name.endswith(names) for name in H.BASIC_ROWS[key])
    ]
    return found[0] if len(found) == 1 else None


def _role(label: str) -> tuple[str | None, int | None]:
    """(kind, year) a label states: kind "skip" (a change, a forecast), "prev", "budget", "final", "" (a year only) or None."""
    if _words().lines.search(label):
        return "skip", None
    label = _FUND_BUDGET.sub("", label)
    m = _YEAR.search(label)
    year = int(m.group(1)) if m else None
    if "预计" in label:  # "2022年预计执行数", "2023年预计支出" (预算 publications): a forecast, neither budget nor 决算
        return "skip", year
    if "上年" in label:
        return ("skip" if "预算" in label else "prev"), year
    if "执行数" in label:  # "2016年执行数", "预算执行数": what was spent — a 决算, whatever budget it executed
        return "final", year
    if "预算" in label:
        return "budget", year
    if "决算" in label or "本年" in label or "实际" in label:
        return "final", year
    if year is not None and "支出" in label:  # "2020年度支出(万元)": what a year spent — a 决算 (real reports 19)
        return "final", year
    if year is not None and not _YEAR.sub("", label).strip():
        return "", year
    return None, year


#: 预算 naming what was done with the budget ("预算执行情况", "预算完成情况"): spending, not the budget itself.
_EXECUTED = lazy_compile(r"预算(?=执行|完成)")


def _kind_above(caption: str) -> str | None:
    """The kind a report's caption above the table names for its figures, when that caption titles a 三公 table
    ("一、2022年一般公共预算“三公”经费支出预算表" → "budget", "…支出决算表", "…预算执行情况表" → "final"); None when it names both (预决算, "预算及执行"),
    neither, or is no 三公 table's title. 寿县司法局 2022 (real reports 19) prints its 预算表 as the items over one row of
    figures with no 预算 or 决算 in any cell: the caption says which they are, as a title row inside a sheet does."""
    text = _FUND_BUDGET.sub("", H.normalise_label(caption))
    if "三公" not in text or "表" not in text or "预决算" in text:
        return None
    # "“三公”经费预算执行情况表" (决算 publications): the budget's execution — what was spent, no budget (review16b)
    budget = "预算" in _EXECUTED.sub("", text)
    final = "决算" in text or "执行" in text or "完成" in text
    return "budget" if budget and not final else "final" if final and not budget else None


def _budget_only(label: str) -> bool:
    """A 三公 label (a title) that says 预算 and not 决算 ("2017年“三公”经费预算表"; not "预决算", not a fund's name
    "一般公共预算", not the budget's execution "预算执行情况表"): the figures under it are budgets."""
    text = _FUND_BUDGET.sub("", label)
    return "预算" in _EXECUTED.sub("", text) and not any(w in text for w in ("决算", "执行", "完成"))


#: A total's label with the word for what it totals ("一、支出合计" of 湖南's 三公 预算情况表): a role word such as 预算 or
#: 决算 is not among them ("预算数合计" keeps its role).
_TOTAL_LABEL = lazy_compile(r"(?:支出|经费|费用)?(?:合计|小计|总计)数?")


def _is_total(label: str) -> bool:
    """A total's label: 合计/小计/总计, bare, numbered or after 支出/经费 ("一、支出合计")."""
    return label in _TOTALS or bool(_TOTAL_LABEL.fullmatch(H.strip_numbering(label)))


def _is_name(label: str) -> bool:
    """A label that names something other than a role (机关运行经费决算数 → 机关运行经费)."""
    rest = _ROLE_WORDS.sub("", _YEAR.sub("", H.strip_numbering(label)))
    return bool(rest) and not _is_total(label)


def _number(value: object) -> bool:
    return value is not None and not isinstance(value, bool) and to_decimal(value) is not None


class _Axis:
    """The labels of one line across the table (a column's header path, or a row's leading labels), resolved."""

    def __init__(self, labels: list[tuple[str, CellValue]]) -> None:
        self.labels = labels
        self.item: str | None = None
        self.item_cell: CellValue | None = None
        self.kind: str | None = None
        self.year: int | None = None
        self.unknown = False
        context: str | None = None
        context_cell: CellValue | None = None
        total: CellValue | None = None
        for text, cell in labels:
            key = _item(text)
            if key is None and context is not None and (part := _part_under(context, text)) is not None:
                # "公务用车购置及运行费" over "小计 │ 购置费 │ 运行费" (上海普陀 万里街道 2024, heldout26): the item's own
                # parts by their bare names, named with the item for messages (B03 holds the 小计 to them — gaps16)
                name = f"{text.strip()}（{context_cell.text.strip()}）" if context_cell is not None else text
                context, context_cell, total = part, dataclasses.replace(cell, raw=name), None
                continue
            if key is not None:
                context, context_cell, total = key, cell, None
                if self.kind is None and _budget_only(text):
                    self.kind = "budget"  # "2017年“三公”经费预算表" over bare years: they are 预算数, not 决算数
                continue
            if _is_total(text):
                total = cell
                continue
            if _counts(text):  # 公务接待批次(批): a count of the items, no money line at all
                self.kind = "skip"
                continue
            kind, year = _role(text)
            if kind is not None:
                self.kind = "skip" if "skip" in (kind, self.kind) else (kind or self.kind or "")
                self.year = year if year is not None else self.year
            if kind != "skip" and _is_name(text):
                self.unknown = True  # 机关运行经费决算数: a figure of something else beside the 三公 items
        if context is not None:
            self.item = context
            self.item_cell = context_cell
            if total is not None and context_cell is not None:  # 公务用车购置及运行费 over 小计: the item's own total
                self.item_cell = dataclasses.replace(total, raw=f"{context_cell.text}{total.text}")
        elif total is not None:
            self.item, self.item_cell = "", total  # a bare 合计: the table's total (decided with the other lines)


def _names_items(grid: Grid) -> bool:
    """Three or more 三公 items named among the grid's labels (cached per row): the cheap test before any reading."""
    found: set[str] = set()
    for r in range(grid.n_rows):
        for _, label in row_labels(grid, r):
            key = _item(label)
            if key is not None:
                found.add(key)
    return len(found) >= 3


def _first_figures(grid: Grid, start: int = 0) -> int | None:
    """The first row holding two or more figures (the end of the header), within reach of `start` (the top, or the
    table's title); in a table of one figure column (a 三公 预算表's 预算数 alone, 江北区 2021, real reports 15) the first
    row holding one."""
    reach = range(start, min(grid.n_rows, start + _HEADER_REACH + 1))
    for least in (2, 1):
        for r in reach:
            if sum(1 for c in range(grid.n_cols) if _number(own(grid, r, c))) >= least:
                return r
    return None


def _unit(grid: Grid, rows: range) -> str:
    for r in rows:
        for c in range(grid.n_cols):
            unit = money_unit_in(own(grid, r, c))
            if unit:
                return unit
    return ""


def _column_axes(grid: Grid, header: range) -> list[_Axis]:
    axes = []
    spans = _unmerged_spans(grid, header)
    for c in range(grid.n_cols):
        labels: list[tuple[str, CellValue]] = []
        for r in header:
            text = _label(grid.filled(r, c))
            cell = value_at(grid, r, c, fill=True)
            if not text and (r, c) in spans:
                text, cell = spans[r, c]
            if text and (not labels or labels[-1][0] != text):
                labels.append((text, cell))
        axes.append(_Axis(labels))
    return axes


def _unmerged_spans(grid: Grid, header: range) -> dict[tuple[int, int], tuple[str, CellValue]]:
    """A header label's reach over the blank header cells right of it, in a table whose header merges were lost
    (上海普陀's “三公”经费预算数 over 合计 │ 因公出国 │ 公务接待费 │ 公务用车 …, held-out batch 26, exported unmerged): a blank
    cell takes the label left of it in its row, up to a column that a row above starts a label of its own in (公务接待费
    beside 公务用车's 运行维护费 is another item's column). Empty for a grid that keeps its merges."""
    if grid.merged:
        return {}
    spans: dict[tuple[int, int], tuple[str, CellValue]] = {}
    for r in header:
        left: tuple[str, CellValue] | None = None
        for c in range(grid.n_cols):
            text = _span_label(grid, r, c)
            if text:
                left = (text, value_at(grid, r, c))
            elif _number(own(grid, r, c)) or any(_span_label(grid, above, c) for above in range(header.start, r)):
                left = None
            elif left is not None:
                spans[r, c] = left
    return spans


def _span_label(grid: Grid, r: int, c: int) -> str:
    """The header label of (r, c) a span starts from: none for the unit note at the header's edge ("单位：万元")."""
    text = _label(own(grid, r, c))
    return "" if text.startswith(("单位", "金额单位")) else text


#: A figure typed with spaces inside it ("1 036.53", "977 .30"): no number as printed (unread, C02), but no label of the
#: row either — read as one, the line's first figure was dropped and its total said blank (review b19v).
_SPACED_FIGURE = lazy_compile(r"[-−]?\d[\d,]*(?:\s+[\d.,]+)+")


def _row_axis(grid: Grid, r: int, stop: int) -> tuple[_Axis, int]:
    """The row's leading labels (before its first figure) and the column of its first figure."""
    labels: list[tuple[str, CellValue]] = []
    first = stop
    for c in range(grid.n_cols):
        value = own(grid, r, c)
        if _number(value) or (isinstance(value, str) and _SPACED_FIGURE.fullmatch(value.strip())):
            first = c
            break
        text = _label(grid.filled(r, c))
        if text and (not labels or labels[-1][0] != text):
            labels.append((text, value_at(grid, r, c, fill=True)))
    return _Axis(labels), first


def read_three_public(grid: Grid) -> tuple[BasicData, range] | None:
    """The 三公 table on `grid` as a BasicData of source "three_public" (and the rows it spans), or None when the grid is
    no such table: three or more 三公 items (the total counts) named in one orientation, each figure's role read from the
    labels of its line and its column."""
    if grid.n_rows > _MAX_ROWS or not _names_items(grid):
        return None
    read = _built(grid, _read_from(grid, 0))
    if read is None and (title := _title_row(grid)):
        read = _built(grid, _read_from(grid, title))  # read as nothing from the top: again from its own title row
    return read


def _built(grid: Grid, found: _Lines | None) -> tuple[BasicData, range] | None:
    """The BasicData of the lines `_read_from` found, their stage read from the caption above when no line states it."""
    if found is None:
        return None
    columns, rows, lines, cells = found
    above = _kind_above(grid.caption_above)
    if above and all(a.kind is None for a in (*columns, *(a for a, _ in rows.values()))):
        # no line of the table says 预算 or 决算 (nor a year, nor a change): its caption above does
        for _, axis in lines:
            axis.kind = above
    built = _build(grid, lines, cells, _texts(grid))
    if built is None:
        return None
    basic, span = built
    changes = _changes(lines, cells)
    return (dataclasses.replace(basic, changes=changes), span) if changes else built


@record(frozen=True, slots=True)
class _Words:
    """The national profile's `[reader.three_public]` words (name lists are profile data; the reader takes no profile,
    so a variant may not restate them — `perfxl.profiles`), each as one pattern."""

    #: A line or column that is the table's own change (增、减金额, 增减幅度, "2016年比2015年增减%", 支出减少率) or a
    #: share (占比): no amount of an item.
    lines: re.Pattern[str]
    #: A change column's (or row's) header: 增、减额, 增减金额, "2015年决算比上年增、减情况" over them, 增幅(%), 增长率.
    changes: re.Pattern[str]
    #: … and of those, a rate's: 增、减幅度, 增幅(%), 增长率, "比上年增减%".
    rates: re.Pattern[str]
    #: a change header's word for which way (增、减额, 下降幅度); one without ("金额", "幅度" under "比上年减少") takes its
    #: words above
    way: re.Pattern[str]


def _any_of(words: list[str], *more: str) -> re.Pattern[str]:
    return re.compile("|".join([*(re.escape(w) for w in words), *more]))


@cache
def _words() -> _Words:
    from ..profiles import resolve_profile  # (read once, when a 三公 table is met)

    get = resolve_profile(None).get
    # (a comparison with a printed year — "比2015年", "较上年" — is a shape, not a word: the pattern's own)
    return _Words(
        _any_of(get("reader.three_public.change_lines"), r"比\d{4}年"),
        _any_of(get("reader.three_public.change_columns"), r"[比较](?:上年|去年|\d{4}年)"),
        _any_of(get("reader.three_public.rate_columns")),
        _any_of(get("reader.three_public.way")),
    )


#: the stage words of an amount's header: 预算 (the base of a 决算 compared with it) or what was spent
_SPENT = lazy_compile(r"决算|执行|实际|支出")


def _cross_kind(axis: _Axis) -> tuple[str, str] | None:
    """("change" | "rate" | "amount", the header's own words) of a cross line of a 三公 table, None for another: its
    labels other than the items' and the table's title (a title over every column names 三公 and a year)."""
    texts = [
        t
        for t, _ in axis.labels
        if _item(t) is None and not t.startswith(("单位", "金额单位")) and not _TITLE.search(t) and not _counts(t)
    ]
    if not texts:
        return None
    full = "".join(texts)
    if "百分点" in full:
        return None  # a change in percentage points is of a rate, not of the amounts beside it
    if _words().changes.search(full):
        return ("rate" if _words().rates.search(texts[-1]) else "change"), full
    if _words().rates.search(full) or _SOURCES.search(_FUND_BUDGET.sub("", full)):
        return None  # a rate of something else (执行率, 控制率), a part by source
    if _YEAR.search(full) or any(w in full for w in ("上年", "本年", "预算")) or _SPENT.search(full):
        return "amount", full
    return None


def _base(first: str, second: str, change: str) -> tuple[int, str]:
    """(index of the base among the two amounts' headers, the guess it rests on or ""): the earlier year, 上年 against
    本年 or a year, the 预算 a 决算 is compared with (certain when the change's own header names 预算); else the first
    (left, upper) one, a guess."""
    years = [int(m.group(1)) if (m := _YEAR.search(h)) else None for h in (first, second)]
    if years[0] is not None and years[1] is not None and years[0] != years[1]:
        return (0 if years[0] < years[1] else 1), ""
    last_year = ["上年" in h or "去年" in h for h in (first, second)]
    if last_year[0] != last_year[1]:
        return (0 if last_year[0] else 1), ""
    budget = ["预算" in _EXECUTED.sub("", _FUND_BUDGET.sub("", h)) for h in (first, second)]
    spent = [bool(_SPENT.search(_FUND_BUDGET.sub("", h))) for h in (first, second)]
    if budget[0] != budget[1] and spent[0] != spent[1] and budget[0] == spent[1]:
        index = 0 if budget[0] else 1
        said = "预算" in _FUND_BUDGET.sub("", change)
        return index, "" if said else "表头未注明增减是否以预算数为基数，按决算数对预算数计算"
    return 0, "表头未注明哪一列为基数（年份、上年/本年或预算/决算），按先列出的一列为基数计算"


def _changes(
    lines: list[tuple[int, _Axis]], cells: dict[tuple[int, int], tuple[CellValue, tuple[_Axis, _Axis]]]
) -> tuple[ChangeLine, ...]:
    """The table's change lines (`ChangeLine`): where its cross lines are two amounts (two years, 上年 │ 本年, 预算 │ 决算)
    and their change (增、减额) and/or rate (增、减幅度), one at most of each — a table comparing more (预算 and 决算 of
    two years) does not say which two its change is of, and is not read for it."""
    crosses: dict[int, _Axis] = {}
    for (_, cross_index), (_, (_, cross)) in cells.items():
        crosses.setdefault(cross_index, cross)
    kinds: dict[str, list[tuple[int, str, str]]] = {"amount": [], "change": [], "rate": []}
    for index, cross in sorted(crosses.items()):
        found = _cross_kind(cross)
        if found is not None:
            shown = cross.labels[-1][1].text.strip() if cross.labels else ""
            if found[0] != "amount" and not _words().way.search(to_simplified(shown)):
                shown = found[1]  # "比上年减少" over "金额": the words saying which way stand above (review b19v)
            kinds[found[0]].append((index, found[1], shown))
    amounts, change, rate = kinds["amount"], kinds["change"], kinds["rate"]
    if len(amounts) != 2 or not (change or rate) or len(change) > 1 or len(rate) > 1:
        return ()
    words = "".join(h for _, h, _ in (*change, *rate))
    base, guess = _base(amounts[0][1], amounts[1][1], words)
    (e_index, e_head, e_shown), (l_index, l_head, l_shown) = amounts[base], amounts[1 - base]
    out: list[ChangeLine] = []
    for index, axis in lines:
        earlier, later = cells.get((index, e_index)), cells.get((index, l_index))
        if earlier is None or later is None:
            continue
        moved = cells.get((index, change[0][0])) if change else None
        by = cells.get((index, rate[0][0])) if rate else None
        if moved is None and by is None:
            continue
        label = axis.item_cell or (axis.labels[-1][1] if axis.labels else CellValue(None, None))
        out.append(
            ChangeLine(
                label,
                earlier[0],
                later[0],
                moved[0] if moved is not None else None,
                by[0] if by is not None else None,
                e_shown or e_head,
                l_shown or l_head,
                change[0][2] if change else "",
                rate[0][2] if rate else "",
                guess,
            )
        )
    return tuple(out)


_Lines = tuple[
    list[_Axis],
    dict[int, tuple[_Axis, int]],
    list[tuple[int, _Axis]],
    dict[tuple[int, int], tuple[CellValue, tuple[_Axis, _Axis]]],
]


def _lines(grid: Grid) -> _Lines | None:
    """(column axes, row axes, the item lines, their cells) of a grid naming three 三公 items, or None."""
    if grid.n_rows > _MAX_ROWS or not _names_items(grid):
        return None
    read = _read_from(grid, 0)
    title = _title_row(grid) if read is None else None
    return _read_from(grid, title) if title else read


#: A 三公 table's own title: "…“三公”经费…表" on a row of its own ("昌宁县县本级2015年度“三公”经费决算财政拨款情况统计表").
_TITLE = lazy_compile(r"三公.*表$")


def _title_row(grid: Grid) -> int | None:
    """The row of the table's own title when rows stand above it (昌宁县 2015's 说明 paragraphs, 达州 环城公路 2014's
    headed paragraphs, held-out batch 29): one label alone on its row, naming a 三公 table, no sentence. Those rows are
    no header of the table's columns (their 增加/减少 made every column a change; their item names made columns items)."""
    for r in range(grid.n_rows):
        cells = [own(grid, r, c) for c in range(grid.n_cols)]
        if any(_number(v) for v in cells):
            return None  # figures before any title: the table starts at the top
        texts = {v.strip() for v in cells if isinstance(v, str) and v.strip()}
        if len(texts) == 1 and not _SENTENCE.search(text := next(iter(texts))) and _TITLE.search(_label(text)):
            return r
    return None


def _read_from(grid: Grid, start: int) -> _Lines | None:
    """The 三公 table whose header starts at row `start` (0, or its title's row below prose: `_title_row`)."""
    top = _first_figures(grid, start)
    if not top:
        return None
    header = range(start, top)
    columns = _column_axes(grid, header)
    data = [r for r in range(top, grid.n_rows) if any(_number(own(grid, r, c)) for c in range(grid.n_cols))]
    rows = {r: _row_axis(grid, r, grid.n_cols) for r in data}
    _split_by_source(columns)
    _split_by_source([a for a, _ in rows.values()])
    _parts_below(rows)
    # a bare 合计 with figures counts as a line of its own (寿县 文物保护中心 2023: 合计 │ 公务接待费 │ 公务用车 carry the
    # figures, 因公出国 and the two 其中 lines are blank): the grid already names three 三公 items (`_names_items`)
    # two lines with figures suffice (六安市工商联 2021, real reports 15: only 合计 and 公务接待费 spent anything, the
    # other items printed blank) — the grid names three 三公 items all the same
    col_items = {a.item for c, a in enumerate(columns) if a.item or (a.item == "" and _has_figures(grid, c, data))}
    row_items = {a.item for a, _ in rows.values() if a.item is not None}
    if len(col_items) >= 2 and len(col_items) > len(row_items):
        lines = [
            (c, a) for c, a in enumerate(columns) if a.item is not None or (a.unknown and _has_figures(grid, c, data))
        ]
        cells = {(c, r): (own_cell(grid, r, c), (a, rows[r][0])) for c, a in lines for r in data if rows[r][1] <= c}
    elif len(row_items) >= 2:
        lines = [(r, a) for r, (a, _) in rows.items() if a.item is not None or a.unknown]
        blank = _blank_items(grid, data, rows)
        rows.update(blank)
        lines = sorted([*lines, *((r, a) for r, (a, _) in blank.items())], key=lambda line: line[0])
        # a spacer column (empty on every row, adv28) under a merged header — "比上年增、减情况" over 增减额 │ spacer │
        # 增减幅度 — holds no figure of the line: read as one more change column, the table's changes went unread
        spacers = spacer_columns(grid)
        cells = {
            (r, c): (own_cell(grid, r, c), (a, columns[c]))
            for r, a in lines
            for c in range(rows[r][1], grid.n_cols)
            if c not in spacers
        }
    else:
        return None
    return columns, rows, lines, cells


#: A row's label opening a list of the parts of the row above it ("其中:购置经费").
_UNDER = lazy_compile(r"^其中\s*[:：]?\s*")


def _parts_below(rows: dict[int, tuple[_Axis, int]]) -> None:
    """The defined parts of an item printed by their bare names on the rows right under its row (东坡 审计局 2014:
    "公务用车购置及运行维护费 17.9" ¶ "其中:购置经费 0" ¶ "运行维护费 17.9"): the first opening with 其中, each next
    row right after a part — each bare name the end of exactly one part's own name (`_part_under`), named with the
    item for messages. A row naming anything else ends the list; rows read already (full names) are left as read."""
    item: str | None = None
    parent: CellValue | None = None
    last = -2
    for r in sorted(rows):
        axis, _ = rows[r]
        if axis.item is not None:
            if axis.item in _ITEMS and H.BASIC_PARENTS.get(axis.item) != item:
                item, parent = axis.item, axis.item_cell  # a whole (a part read by its full name keeps the list)
            last = r
            continue
        text = axis.labels[0][0] if len(axis.labels) == 1 else ""
        opens = _UNDER.match(text)
        part = None
        if item is not None and parent is not None and r == last + 1 and (opens or _listing(rows, r - 1, item)):
            part = _part_under(item, text[opens.end() :] if opens else text)
        if part is None or parent is None:
            item, parent, last = None, None, -2
            continue
        axis.item, axis.unknown = part, False
        axis.item_cell = dataclasses.replace(axis.labels[0][1], raw=f"{text}（{parent.text.strip()}）")
        last = r


def _listing(rows: dict[int, tuple[_Axis, int]], r: int, item: str) -> bool:
    """Row `r` is a part of `item` (read by its bare name or its full one): the list goes on after it."""
    got = rows.get(r)
    return got is not None and H.BASIC_PARENTS.get(got[0].item or "") == item


def _blank_items(grid: Grid, data: list[int], rows: dict[int, tuple[_Axis, int]]) -> dict[int, tuple[_Axis, int]]:
    """The item lines printed blank among the lines of figures (徐圩乡 2020, held-out batch 29: its 合计 and its
    公务用车购置及运行费 left blank over filled items): a row between the first and the last line of figures naming an
    item or a total, no sentence, its cells those of the figure columns — a total left blank over filled parts is B03's
    警告 (unfilled, not wrong)."""
    if len(data) < 2:
        return {}
    start = min(first for _, first in rows.values())
    # the header ends at its last row with a label over the figure columns ("项目 │ 2020年预算数 │ 上年预算数"): blank
    # item lines above the first figures (合计, 因公出国 left blank) were read as header rows, and are the table's
    heading = [r for r in range(data[0]) if any(_label(own(grid, r, c)) for c in range(start, grid.n_cols))]
    out: dict[int, tuple[_Axis, int]] = {}
    for r in range(heading[-1] + 1 if heading else data[0] + 1, data[-1]):
        if r in rows:
            continue
        if any(_number(own(grid, r, c)) or _label(grid.filled(r, c)) for c in range(start, grid.n_cols)):
            continue  # a line of text across the figure columns (a note merged down beside the items), no blank line
        axis = _Axis(
            [
                (text, value_at(grid, r, c, fill=True))
                for c in range(start)
                if (text := _label(grid.filled(r, c))) and isinstance(own(grid, r, c), str)
            ]
        )
        if axis.item is None or any(_SENTENCE.search(c.text) or _TITLE.search(t) for t, c in axis.labels):
            continue
        out[r] = (axis, start)
    return out


#: A cross line that is no amount: a rate or a share (增长率, 占比) — its figures do not add up.
_NOT_ADDITIVE = lazy_compile(r"率|[%％]|幅度|占比|比重")


def read_three_public_sums(grid: Grid) -> SumTable | None:
    """A 三公 table no cell and no caption states the stage of (预算 or 决算: 广东 市直 2019, real reports 19), read for
    the sums that hold whatever the stage: in each column of figures the 三公 total = 因公出国 + 公务接待 + 公务用车, and
    公务用车 = 购置 + 运行. None when the table states a stage (`read_three_public` reads it) or is no 三公 table."""
    found = _lines(grid)
    if found is None:
        return None
    columns, rows, lines, cells = found
    axes = (*columns, *(a for a, _ in rows.values()))
    if any(a.kind not in (None, "skip") for a in axes) or _kind_above(grid.caption_above):
        return None
    by_cross: dict[int, tuple[_Axis, dict[str, CellValue]]] = {}
    named = {a.item for _, a in lines if a.item}
    for (_, cross_index), (cell, (line, cross)) in cells.items():
        if any(_NOT_ADDITIVE.search(t) or _counts(t) for t, _ in cross.labels):
            continue
        key = line.item if line.item else "three_public" if line.item == "" and "three_public" not in named else None
        if key is None:
            continue
        by_cross.setdefault(cross_index, (cross, {}))[1].setdefault(key, cell)
        if line.item_cell is not None:
            by_cross[cross_index][1].setdefault(f"#{key}", line.item_cell)
    sums: list[TableSum] = []
    for cross, items in by_cross.values():
        column = next((t for t, _ in reversed(cross.labels)), "")
        car = ["car"] if "car" in items else ["car_purchase", "car_running"]
        for total, parts, what, what_en in (
            (
                "three_public",
                ["overseas", "reception", *car],
                "因公出国（境）费、公务接待费、公务用车之和",
                "the sum of its items",
            ),
            ("car", ["car_purchase", "car_running"], "购置费 + 运行费", "purchase + running"),
        ):
            if total not in items or any(p not in items for p in parts):
                continue
            cells_of = tuple(items[p] for p in parts)
            if items[total].raw is None and all(c.raw is None for c in cells_of):
                continue
            name = items.get(f"#{total}")
            sums.append(TableSum(items[total], cells_of, name.text.strip() if name else total, column, what, what_en))
    if not sums:
        return None
    return SumTable(grid.name, "three_public_sums", "“三公”经费表", tuple(sums))


#: A free-text line of the table that may state figures: a sentence (its 增减情况说明), not a label.
_SENTENCE = lazy_compile(r"[。；;，,]")


def _texts(grid: Grid) -> tuple[CellValue, ...]:
    """The table's own sentences with figures in them (沅陵县 2021's 增减情况说明 under its items, held-out batch 25):
    what the narrative checks read for their own arithmetic (N02), as a 自评表's 年度总体目标 cells."""
    return tuple(
        own_cell(grid, r, c)
        for r in range(grid.n_rows)
        for c in range(grid.n_cols)
        if isinstance(value := own(grid, r, c), str) and _SENTENCE.search(value) and any(ch.isdigit() for ch in value)
    )


def _split_by_source(axes: list[_Axis]) -> None:
    """Lines naming two or more sources (一般公共预算财政拨款 │ 政府性基金 │ 合计) split each item's figure by where its
    money came from: each such line holds a part of the item, not the item — not read (a figure of 一般公共预算 held
    against the narrative's whole 三公经费 was a false 错误)."""
    named = [a for a in axes if any(_SOURCES.search(t) and _item(t) is None for t, _ in a.labels)]
    sources = {m.group() for a in named for t, _ in a.labels for m in [_SOURCES.search(t)] if m and _item(t) is None}
    if len(sources) >= 2:
        for axis in named:
            axis.kind = "skip"


def _has_figures(grid: Grid, c: int, data: list[int]) -> bool:
    return any(_number(own(grid, r, c)) for r in data)


def _build(
    grid: Grid,
    lines: list[tuple[int, _Axis]],
    cells: dict[tuple[int, int], tuple[CellValue, tuple[_Axis, _Axis]]],
    texts: tuple[CellValue, ...] = (),
) -> tuple[BasicData, range] | None:
    """AmountRows from the lines' cells by role (an item's 预算数 and 决算数 may stand in two lines), the years read by
    order; a bare 合计 is the 三公 total unless a figure line of another name stands beside the items."""
    years = [y for _, (line, cross) in cells.values() for y in (line.year, cross.year) if y is not None]
    latest = max(years, default=None)
    prev_budget = any(
        _last_years_budget(text, latest) for _, axes in cells.values() for a in axes for text, _ in a.labels
    )
    guessed = False
    found: dict[int, dict[str, CellValue]] = {}
    titles: dict[str, str] = {}
    budget_labels: set[str] = set()  # every label over a 预算 figure: where its column prints 年初 / 全年 (scope20)
    for (index, _), (cell, (line, cross)) in cells.items():
        kinds = {k for k in (line.kind, cross.kind) if k is not None}
        if "skip" in kinds or not kinds:
            if prev_budget and _of_last_years_budget((line, cross), latest):
                found.setdefault(index, {}).setdefault("prev_budget", cell)  # 上年预算数 (sum20)
            continue
        kind = next((k for k in ("prev", "budget", "final") if k in kinds), "")
        year = cross.year if cross.year is not None else line.year
        role = _role_of(kind, year, latest)
        if role is None and prev_budget and _of_last_years_budget((line, cross), latest):
            role = "prev_budget"  # "2020年预算数" beside 2021's (sum20)
        if role is None:
            continue
        guessed |= kind == ""
        if role == "budget":
            budget_labels.update(t for t, _ in (*cross.labels, *line.labels))
        slot = found.setdefault(index, {})
        if role not in slot:
            slot[role] = cell
            label = next((t for t, _ in (*cross.labels, *line.labels) if _titled(t)), "")
            titles.setdefault(role, label)
    # an item's line printed blank is kept (a total left blank over filled items is B03's 警告); another name's is not
    read = [
        (i, a)
        for i, a in lines
        if any(_number(c.raw) for r, c in found.get(i, {}).items() if r != "prev_budget")
        or (a.item is not None and any(r != "prev_budget" for r in found.get(i, {})))
    ]
    named = {a.item for _, a in read if a.item}
    n_others = sum(1 for _, a in read if a.unknown and a.item is None)
    if n_others > sum(1 for _, a in read if a.item):
        # more figure lines of other names than of 三公 items: a table of spending by kind (基本支出决算表's 工资福利支出
        # … 公务接待费 … 公务用车运行维护费), whose 三公 lines are its 基本支出 parts only — no “三公”经费 table
        return None
    others = n_others > 0
    groups: dict[str, tuple[_Axis, dict[str, CellValue]]] = {}
    for index, axis in read:
        key = axis.item or ""
        subtotal = axis.item == "" and axis.item_cell is not None and axis.item_cell.text.strip().startswith("小计")
        if axis.item == "" and "three_public" not in named and not others and not subtotal:
            # a bare 合计 is the 三公 total; a bare 小计 is some item's (公务用车's, under its 购置费 │ 运行费), not read
            key = "three_public"
        group = key or f"#{index}"  # each line of another name a row of its own
        kept = groups.setdefault(group, (axis, {}))
        for role, cell in found[index].items():
            kept[1].setdefault(role, cell)
    out: list[AmountRow] = []
    blank = CellValue(None, None)
    for group, (axis, slot) in groups.items():
        parent = H.BASIC_PARENTS.get(group, "")
        if parent == "car" and "car" not in groups:
            parent = "three_public"  # 购置费 │ 运行维护费 printed as items of their own, no 公务用车 line over them
        key = "" if group.startswith("#") else group
        name = axis.item_cell or (axis.labels[-1][1] if axis.labels else blank)
        if key == "three_public" and H.match_role(name.text, H.BASIC_ROWS) != key:
            # a 合计, or a title's "2023年“三公”经费支出决算表" over it: named as the item in messages
            name = dataclasses.replace(name, raw="“三公”经费合计")
        out.append(
            AmountRow(
                key,
                name,
                slot.get("prev_final", blank),
                slot.get("budget", blank),
                slot.get("final", blank),
                parent if key else "",
                slot.get("prev_budget", blank),
            )
        )
    if sum(1 for row in out if row.key) < 2:  # the 三公 total and one item at least (`read_three_public`)
        return None
    printed = _unit(grid, range(grid.n_rows))
    basic = BasicData(
        grid.name,
        printed or H.unit_above(grid),
        (titles.get("prev_final", ""), titles.get("budget", ""), titles.get("final", "")),
        rows=tuple(out),
        source="three_public",
        guess=YEAR_GUESS if guessed else "",
        unit_above=grid.unit_above if not printed and H.unit_above(grid) else "",
        texts=texts,
        year_above=grid.year_above,
        said_empty=said_empty(grid, "三公"),
        prev_budget=prev_budget,
        scope=table_scope("\n".join((grid.scope_above, *_title_lines(grid)))),
        budget_stage=budget_stage(
            "\n".join((*sorted(budget_labels), grid.caption_above, *_title_lines(grid), *_stage_below(grid)))
        ),
    )
    return basic, range(grid.n_rows)


#: What a note of the table's own says its 预算数 are ("注：预算数为全年预算数，包括当年年初预算数和当年追加预算数",
#: "注：预算数为“三公”经费全年预算数，反映按规定程序调整后的预算数"): only such words, not a note's other mentions of a
#: budget ("比年初预算减少…" says nothing of the column).
_STAGE_NOTE = lazy_compile(r"^\s*(?:注|备注)\s*\d?\s*[：:].*?(预算数(?:为|是|系|指)[^。；;]*)")


#: What a report's note below its table says its 预算数 are, on the note's first line or a numbered item of it, to the
#: clause's end ("注：预算数为全年预算数，包括年初预算和年中追加" → "预算数为全年预算数", "2.本表数据为年初预算数"); a
#: later clause ("本表为部门决算表，较年初预算减少…") says nothing of the column.
_STAGE_SAID = lazy_compile(r"(?:预算数?|本表[^，,。；;]{0,12}?)(?:为|是|系|指)[^，,。；;]*")
#: A table named in a note other than the one it stands under ("注：收支总表预算数为…", "表三的预算数…"): 本表 / 上表 /
#: 此表 / 该表 name this one.
_OTHER_TABLE = lazy_compile(r"(?<![本上此该])表")
#: A year a note names right before its 预算数 ("2024年预算数为…"): that year's column (review21b).
_NOTE_YEAR = lazy_compile(r"(?:19|20)\d{2}")
#: A note's words about another column than the 预算 one ("上年预算数为…", "本表决算数为全年预算执行数"), review21b.
_OTHER_COLUMN = lazy_compile(r"上年|上一年|以前年度|^[^为是系指]*决算")
#: What may stand between a note's head and its "预算数为…" and still mean the table's own 预算 column ("注：本表“三公”经费
#: 预算数为…", "2.表中2025年预算数为…"): the note's head or number, this table, the year, the 三公 name; anything else
#: ("注：基本支出预算数为全年预算数") names another line's budget (review21b, lead).
_OWN_BUDGET_WORDS = lazy_compile(
    r"(?:(?:备注|注)\d*+[：:]?)?(?:[（(]?\d++[)）.、．]?)?(?:本表|表中|此表|该表|上表)?的?"
    r"(?:(?:19|20)\d{2}年度?|本年度?|当年)?(?:[“\"']?三公[”\"']?经费)?的?"
)


def _stage_below(grid: Grid) -> list[str]:
    """What the note a report prints right below its table (`Grid.note_below`, notes21) says its 预算数 are, as a
    sheet's note row says it (`_STAGE_NOTE`): only such words, and not where the note names another table first
    ("注：收支总表预算数为全年预算数" under the 三公 table is that table's)."""
    out: list[str] = []
    for line in grid.note_below.splitlines():
        said = _STAGE_SAID.search(line)
        if said is None or _OTHER_COLUMN.search(line[max(0, said.start() - 3) : said.start()] + said.group(0)[:12]):
            continue  # "上年预算数为全年预算数", "本表决算数为全年预算执行数": another column's words (review21b)
        clause = "".join(re.split(r"[，,；;。]", line[: said.start()])[-1].split())  # its own clause, no spaces
        if said.group(0).startswith("预算") and not _OWN_BUDGET_WORDS.fullmatch(clause):
            continue  # "注：基本支出预算数为全年预算数": another line's budget, not the table's 预算 column
        year = _NOTE_YEAR.search(line[max(0, said.start() - 6) : said.start()])
        if year is not None and year.group(0) not in grid.year_above:
            continue  # "注：2024年预算数为…" under a table whose caption names no or another year: another year's column
        if not (_OTHER_TABLE.search(line[: said.start()]) and "三公" not in line[: said.start()]):
            out.append(said.group(0))
    return out


def _title_lines(grid: Grid) -> list[str]:
    """A sheet's own title and 编制单位 rows above its first figures ("2026年单位“三公”经费…预算表", "编制单位：…（本级）")
    and what its notes say its 预算数 are (`_STAGE_NOTE`): where a table in a sheet prints its scope and its 预算's
    stage, as a report prints them above it (scope20). Sentences of its 说明 are no title."""
    first = _first_figures(grid)
    out: list[str] = []
    for r in range(grid.n_rows):
        for c in range(grid.n_cols):
            value = own(grid, r, c)
            if not isinstance(value, str) or not value.strip():
                continue
            text = value.strip()
            if note := _STAGE_NOTE.match(text):
                out.append(note.group(1))
            elif first is not None and r < first and len(text) <= 60 and not _SENTENCE.search(text):
                out.append(text)
    return out


def _last_years_budget(label: str, latest: int | None) -> bool:
    """A column of last year's 预算 ("上年预算数", "2020年预算数" beside 2021's): no AmountRow holds it."""
    if "预算" not in label or _words().lines.search(label) or _EXECUTED.search(label):
        return False
    year = _YEAR.search(label)
    return "上年" in label or (year is not None and latest is not None and int(year.group(1)) == latest - 1)


def _of_last_years_budget(axes: tuple[_Axis, _Axis], latest: int | None) -> bool:
    """A cell under (or beside) a label of last year's 预算 (`_last_years_budget`), no change or item's label over it."""
    return any(_last_years_budget(text, latest) for a in axes for text, _ in a.labels)


def _titled(label: str) -> bool:
    """A role label that names a column for messages ("2016年", "决算数"), not an item's."""
    return _item(label) is None and _role(label)[0] not in (None, "skip")


def _role_of(kind: str, year: int | None, latest: int | None) -> str | None:
    """The AmountRow column a figure fills: its kind, with its year against the table's latest."""
    if kind == "prev":
        return "prev_final"
    if year is None or latest is None or year == latest:
        return {"budget": "budget", "final": "final", "": "final"}[kind]
    if year == latest - 1 and kind in ("final", ""):
        return "prev_final"
    return None
