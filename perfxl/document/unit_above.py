"""The unit line above a report's table: "单位：万元" printed as a paragraph (a .docx) or a line of text (a PDF page) just
above a table that prints no unit of its own. A sheet prints it in a row of the table's grid; a report prints it outside,
so each reader attaches it to the table it stands over (`Grid.unit_above`) and the layout reads the table's amounts in
it when the table states none (issue 12, docs14).
"""

from __future__ import annotations

import re

from ..chinese import to_simplified
from ..units import money_unit_in

__all__ = ["caption_above", "caption_year_above", "note_below", "scope_lines_above", "unit_line_above"]

#: A line longer than this is a sentence of the narrative, no unit line nor caption.
_LINE_CHARS = 60


#: The line naming who compiled a table ("编制部门：上海市普陀区建设和管理委员会", "编制单位：…"), printed between its caption
#: and its unit line: no caption (real reports 23); in traditional characters too ("編製部門：…", read as simplified).
_COMPILED_BY = re.compile(r"^\s*编制(?:部门|单位)\s*[：:]")


def _lines_above(texts: list[str], captions: bool = False) -> list[str]:
    """The table's own lines among `texts`: the line right above it and the one above that (a caption over a unit
    line, or the reverse), up to the first sentence of the narrative (its text goes on above). For `captions`, a
    编制部门 line stating no unit between them is passed over ("2026年部门一般公共预算支出功能分类预算表" ¶ "编制部门：…"
    ¶ "单位：元": the caption is the line above it)."""
    out: list[str] = []
    for text in texts[-1:-4:-1]:
        line = text.strip()
        if len(line) > _LINE_CHARS or line.endswith(("。", "；", ";")):
            break
        if captions and _COMPILED_BY.match(to_simplified(line)) and not money_unit_in(line):
            continue
        out.append(line)
        if len(out) == 2:
            break
    return out


#: A year a caption names ("2020年度一般公共预算财政拨款“三公”经费支出决算表").
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


def caption_year_above(texts: list[str]) -> str:
    """The one year the caption lines right above a table name (`_lines_above`), "" when none or several ("2021年与
    2020年对比"): a report printing last year's 三公 table beside this year's says which is which only there
    (review15)."""
    years = {y for line in _lines_above(texts) for y in _YEAR.findall(line)}
    return years.pop() if len(years) == 1 else ""


def caption_above(texts: list[str]) -> str:
    """The caption lines right above a table (`_lines_above`), top line first, joined: the title a report prints
    outside its table ("一、2022年一般公共预算“三公”经费支出预算表" over "单位：万元"), which a sheet prints in a row of
    its own — where a 三公 table stating no 预算 or 决算 in its cells says which its figures are (real reports 19)."""
    return "\n".join(reversed(_lines_above(texts, captions=True)))


def scope_lines_above(texts: list[str]) -> str:
    """The caption lines right above a table and the 编制单位 / 编制部门 line among them (`caption_above` passes it over),
    top line first, joined: where a report prints the scope its table is of ("2026年部门“三公”经费…预算表", "编制单位：
    XX街道办事处（本级）"), read by `perfxl.printed_scope` (scope20)."""
    out: list[str] = []
    for text in texts[-1:-4:-1]:
        line = text.strip()
        if len(line) > _LINE_CHARS or line.endswith(("。", "；", ";")):
            break
        out.append(line)
    return "\n".join(reversed(out))


def unit_line_above(texts: list[str]) -> str:
    """Of the non-empty lines between the previous table (or the start of the body or page) and a table, `texts` in
    order, the one stating the table's money unit ("单位：万元", "表1 收支情况（单位：元）"): the line right above the
    table, or the one above a caption line between them — never one further up, which may be another table's or the
    narrative's. "" when none. A unit printed inside the table wins over it (the layout reads it only as a fallback)."""
    return next((line for line in _lines_above(texts) if money_unit_in(line)), "")


#: A note's first line ("注：预算数为全年预算数…", "备注1：…", "注:"): a report prints a table's notes right below it.
_NOTE = re.compile(r"^\s*(?:注|备注)\s*\d?\s*[：:]")
#: A note's numbered item on a line of its own under "注：" ("1.本表…", "（2）…").
_NOTE_ITEM = re.compile(r"^\s*(?:\d{1,2}\s*[.、．]|[（(]\d{1,2}[)）])")
#: At most this many lines below a table are its note (a note's items; what follows is the narrative).
_NOTE_LINES = 4


def note_below(texts: list[str]) -> str:
    """The note a report prints right below a table (notes21, issue 12): of the non-empty lines between the table and
    the next one (or the end of the body or page), `texts` in order, the first when it opens a note ("注：预算数为全年
    预算数，包括年初预算和年中追加", "备注：…") and the numbered items right after it ("1.…", "（2）…"), joined a line
    each — what a sheet prints in a row under its figures. "" when the line right below the table is no note: a note
    further down, after a sentence or a heading, may be any table's."""
    if not texts or not _NOTE.match(texts[0]):
        return ""
    out = [texts[0].strip()]
    for text in texts[1:_NOTE_LINES]:
        if not _NOTE_ITEM.match(text):
            break
        out.append(text.strip())
    return "\n".join(out)
