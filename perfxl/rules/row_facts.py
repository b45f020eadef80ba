"""What the row-wise checks read of one indicator row, worked out once per row and run.

Some thirty checks walk a table's indicator rows, and each asked the same facts of every row again through the
context's caches: its 年度指标值 and 实际完成值 parsed, its 分值 and 得分 as numbers, which cells are blank, its name
compacted, whether it is a 扣分项/加分项 — ≈ 450 cached asks a row, each a call and a dict look-up (issue 14: 10,000
rows). `Context.facts()` builds one `RowFacts` per row in one pass; a check reads plain attributes. The facts are the
context's own answers (`Context.parsed`, `number`, `is_blank`, `compact`), so a check reading them decides exactly as
one asking the context.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from perfxl.chinese import CACHE_MAX_LEN, gb2312_converted, looks_traditional, nfkc_stable_of
from perfxl.model import Indicator
from perfxl.numbers import decimal_held
from perfxl.values import LEADING_DASHES, ParsedValue, blank_text_once

from . import context as _context  # (imported by the context itself: the module, read once a row is built)

if TYPE_CHECKING:
    from perfxl.model import CellValue

    from .context import Context


#: The 一级 and 二级 label cells of the last row built, each as one (cell, stripped text, `compact` key,
#: `gb2312_converted`) tuple. A cell is frozen and held here, so the same object is the same text (no id is reused);
#: each slot is read and replaced as one tuple, so two threads validating at once (the server's) never pair one cell
#: with another's text.
_LAST_LABELS: list[tuple[Any, str, str, bool | None]] = [(None, "", "", False), (None, "", "", False)]


def _parsed_fast(ctx: Context, cell: CellValue, by_text: bool) -> ParsedValue:
    """`ctx.parsed(cell)`, taking the value the context keeps for the cell's text (`by_text`: a text it keys) when that
    reading cannot turn on the cell: no minus and no dash before the figure (read23: a dash before an indicator's
    figure is unread, `Context.parsed`) — the value kept by text is the plain parse."""
    value = ctx._parsed_text.get(cell.raw) if by_text else None
    if value is None or (
        value.number is not None and (value.number < 0 or (value.label and value.label[0] in LEADING_DASHES))
    ):
        return ctx.parsed(cell)
    ctx._parsed[id(cell)] = (cell, value)
    return value


class RowFacts:
    """One indicator row's shared facts (read-only by convention; plain slots, as read ≈ 200 times a row).

    `weight`/`score` are `Context.number` of the 分值/得分 cells (None: blank or not a figure); an indicator cell is no
    funds amount, so the number does not turn on the unit reading (`Context.bare_units`). `*_blank` are
    `Context.is_blank` ("/", "—" are blank); `name_key` is `compact(name)`, `level1_key`/`level2_key` the 一级/二级 labels' and `labels_key` the three
    together compacted (as one text: OpenCC converts phrases); `adjustment` is `weights.is_adjustment`; `memo` keeps a check's own per-row answers by
    key (`scores.fails`), so a second check asking finds them with the row."""

    __slots__ = (
        "actual",
        "actual_blank",
        "actual_text",
        "adjustment",
        "ind",
        "labels_key",
        "level1_key",
        "level1_text",
        "level2_key",
        "level2_text",
        "memo",
        "name",
        "name_blank",
        "name_key",
        "score",
        "score_blank",
        "target",
        "target_blank",
        "target_text",
        "weight",
        "weight_blank",
    )

    ind: Indicator
    name: str
    name_key: str
    level1_key: str
    level2_key: str
    level1_text: str
    level2_text: str
    labels_key: str
    target_text: str
    actual_text: str
    target: ParsedValue
    actual: ParsedValue
    weight: Decimal | None
    score: Decimal | None
    name_blank: bool
    target_blank: bool
    actual_blank: bool
    weight_blank: bool
    score_blank: bool
    adjustment: bool
    memo: dict[str, Any]

    def __init__(self, ctx: Context, ind: Indicator, adjustment_words: tuple[str, ...]) -> None:
        compact = _context.compact  # (an import statement here cost a package look-up a row)
        self.ind = ind
        name, target, actual, weight, score = ind.name, ind.target, ind.actual, ind.weight, ind.score
        # `CellValue.text` spelt out for text cells (the usual case): seven property calls a row fewer
        raw = name.raw
        self.name = text = raw.strip() if raw.__class__ is str else name.text
        # `compact` uncached (`_compact`, the same key): each name is distinct and asked once a run (B15 reads it here),
        # so the cache's insert and eviction (≈ 3 k a name) bought no second ask
        self.name_key = _context._compact(text)
        raw = target.raw
        target_str = raw.__class__ is str
        self.target_text = t_text = raw.strip() if target_str else target.text
        t_none = raw is None
        raw = actual.raw
        actual_str = raw.__class__ is str
        self.actual_text = a_text = raw.strip() if actual_str else actual.text
        a_none = raw is None
        # `Context.parsed` of the two cells, the value kept by text taken where it cannot turn on the cell (`_parsed_fast`)
        self.target = t = _parsed_fast(ctx, target, t_none or (target_str and len(target.raw) <= CACHE_MAX_LEN))
        self.actual = a = _parsed_fast(ctx, actual, a_none or (actual_str and len(actual.raw) <= CACHE_MAX_LEN))
        kept = ctx._parsed
        blank = ctx.is_blank
        # `Context.number` and `is_blank` of a 分值/得分 cell spelt out where the layout made it a number or left it empty
        # (most rows): a Decimal is its `decimal_held` and never blank, an empty cell no number and blank — kept in the
        # context's number cache as `number` keeps them, for the checks asking again
        numbers = ctx._numbers
        raw = weight.raw
        if raw.__class__ is Decimal:
            numbers[id(weight)] = (weight, number := decimal_held(raw))
            self.weight, self.weight_blank = number, False
        elif raw is None:
            numbers[id(weight)] = (weight, None)
            self.weight, self.weight_blank = None, True
        else:
            self.weight, self.weight_blank = ctx.number(weight), blank(weight)
        raw = score.raw
        if raw.__class__ is Decimal:
            numbers[id(score)] = (score, number := decimal_held(raw))
            self.score, self.score_blank = number, False
        elif raw is None:
            numbers[id(score)] = (score, None)
            self.score, self.score_blank = None, True
        else:
            self.score, self.score_blank = ctx.number(score), blank(score)
        # `Context.is_blank` of the two cells just parsed, spelt out: a text cell is blank when it strips to nothing,
        # any other when it is empty (None); else its parsed kind decides (`_BLANK_KINDS`)
        kinds = _context._BLANK_KINDS
        self.target_blank = (not t_text if target_str else t_none) or t.kind in kinds
        self.actual_blank = (not a_text if actual_str else a_none) or a.kind in kinds
        raw = name.raw
        conv3 = gb2312_converted(text)  # (for the labels key below, and the name's blank test where it is its text)
        if raw.__class__ is str:  # `Context.is_blank` of a text name spelt out: it strips to `self.name`
            hit = kept.get(id(name))
            if hit is not None:
                self.name_blank = not text or hit[1].kind in kinds
            else:
                self.name_blank = not text or blank_text_once(raw, nfkc_stable_of(raw, conv3) if raw is text else None)
        else:
            self.name_blank = blank(name)
        # the rows under one 一级 (二级) label carry its one cell (the layout's forward fill): a label cell met on the row
        # before gives its text, key and `gb2312_converted` again (`_LAST_LABELS`), each worked out once a cell rather
        # than once a row
        cell1, cell2 = ind.level1, ind.level2
        last = _LAST_LABELS
        held1, held2 = last
        if cell1 is held1[0]:
            _, level1, key1, conv1 = held1
        else:
            raw = cell1.raw
            level1 = raw.strip() if raw.__class__ is str else cell1.text
            last[0] = (cell1, level1, key1 := compact(level1), conv1 := gb2312_converted(level1))
        if cell2 is held2[0]:
            _, level2, key2, conv2 = held2
        else:
            raw = cell2.raw
            level2 = raw.strip() if raw.__class__ is str else cell2.text
            last[1] = (cell2, level2, key2 := compact(level2), conv2 := gb2312_converted(level2))
        self.level1_text, self.level2_text = level1, level2
        self.level1_key, self.level2_key = key1, key2
        # text OpenCC leaves alone (`looks_traditional`: nor any part of it) compacts part by part — `compact` drops
        # characters one by one — so the three keys joined are its key, without a pass over the distinct text a row.
        # Three parts that each encode in GB2312 look traditional joined when one holds a converted character
        # (`gb2312_converted`); a part that does not encode (rare) leaves the test to the joined text
        traditional = (
            conv1 or conv2 or conv3
            if conv1 is not None and conv2 is not None and conv3 is not None
            else looks_traditional(f"{level1}{level2}{text}")
        )
        labels = self.labels_key = compact(f"{level1}{level2}{text}") if traditional else key1 + key2 + self.name_key
        self.adjustment = any(map(labels.__contains__, adjustment_words))  # (`w in labels`, no generator frame a word)
        self.memo = {}  # a check's own per-row answers (S12–S15's tests, D01/D02's missed target), each worked out once
