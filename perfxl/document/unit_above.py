"""The unit line above a report's table: "单位：万元" printed as a paragraph (a .docx) or a line of text (a PDF page) just
above a table that prints no unit of its own. A sheet prints it in a row of the table's grid; a report prints it outside,
so each reader attaches it to the table it stands over (`Grid.unit_above`) and the layout reads the table's amounts in
it when the table states none (issue 12, docs14).
"""

from __future__ import annotations

from ..units import money_unit_in

__all__ = ["unit_line_above"]

#: A line longer than this is a sentence of the narrative, no unit line nor caption.
_LINE_CHARS = 60


def unit_line_above(texts: list[str]) -> str:
    """Of the non-empty lines between the previous table (or the start of the body or page) and a table, `texts` in
    order, the one stating the table's money unit ("单位：万元", "表1 收支情况（单位：元）"): the line right above the
    table, or the one above a caption line between them — never one further up, which may be another table's or the
    narrative's. "" when none. A unit printed inside the table wins over it (the layout reads it only as a fallback)."""
    for text in texts[-1:-3:-1]:
        line = text.strip()
        if len(line) > _LINE_CHARS or line.endswith(("。", "；", ";")):
            return ""  # a sentence: the narrative goes on above it, no unit line of the table's
        if money_unit_in(line):
            return line
    return ""
