"""A table's note saying the table prints nothing — "故本表为空表", "故本表无数据" (the 预决算公开 forms' line under a table
a unit has no money for, 财预〔2016〕143号) — found on the grid for B17 to hold against the figures the table prints.

Only a note that says so of this table, flatly: not a template's condition ("如本部门无“三公”经费预算，则本表为空表",
"本表为空表的，说明…"), not a part of the table ("本表无数据的栏目表示该项无支出"), not another table a sentence names
before its 该表 ("另附政府性基金“三公”经费表，…，故该表为空表") — those leave the figures uncontradicted (review16b).
"""

from __future__ import annotations

from ..chinese import to_simplified
from ..grid import Grid
from ..model import CellValue
from ..patterns import lazy_compile
from .cells import is_figure, own, own_cell

__all__ = ["said_empty"]

#: "本表为空表", "本表无数据", "此表为空", "本表数据为空" — the table itself said to hold nothing (spaces removed and
#: traditional characters simplified first: mirrors serve "本表為空表", "本表無數據") — and not the head of a longer
#: phrase ("本表为空表的", "本表无数据的栏目": a condition or a part of the table).
_EMPTY = lazy_compile(r"(?P<which>本|此|该)表(?:数据)?(?:为空(?!表?[的之])|无(?:数据|内容)(?![的之]))")
#: A sentence's own end: what one sentence before the note's words says does not bear on them.
_SENTENCE_END = lazy_compile(r"[。；;！!？?]")
#: A condition before the words ("如…则本表为空表", "若…，本表为空表", "无…的，本表为空表"): a template's instruction for
#: a unit that has no such money, not a statement that this one has none.
_CONDITION = lazy_compile(r"如果|假如|如若|倘若|^如|[:：，,、]如|若|凡|的[，,]$")


def _flat(text: str, start: int, which: str) -> bool:
    """True when the note's words at `start` (本表/此表/该表 …) state this table empty flatly (see the module)."""
    before = _SENTENCE_END.split(text[:start])[-1]
    if _CONDITION.search(before):
        return False
    # 该表 names the table the sentence named last: one it names before the words is another table
    return not (which == "该" and "表" in before)


#: A table's title ("政府性基金预算“三公”经费支出预算表", "…支出表（单位：万元）"): a row starting another table.
_TITLE = lazy_compile(r"表(?:[(（][^)）]*[)）])?$")


def said_empty(grid: Grid, subject: str) -> CellValue | None:
    """The first cell of `grid` whose text says the table is empty and names `subject` ("三公": "本部门2024年无“三公”经费
    …，故本表为空表") — a note about this table, not the empty 政府性基金 table printed below it on the same sheet (a
    note under a second title, after the first table's figures, is that table's: review16b) — or None."""
    figures = another = False
    for r in range(grid.n_rows):
        for c in range(grid.n_cols):
            value = own(grid, r, c)
            if isinstance(value, str) and subject in value and not another:
                text = to_simplified("".join(value.split()))
                if any(_flat(text, m.start(), m.group("which")) for m in _EMPTY.finditer(text)):
                    return own_cell(grid, r, c)
            if is_figure(value):
                figures = True
            elif figures and isinstance(value, str) and _title(value):
                another = True
    return None


def _title(value: str) -> bool:
    text = "".join(value.split())
    return not text.startswith(("注", "说明")) and _TITLE.search(text) is not None
