"""Chinese quotation marks nested as Chinese nests them: “ … ‘ … ’ … ”, never ““ … ” … ”.

A message or basis quotes what perfxl read (“{row}”, 正文第14段“{sentence}”); when that text quotes a word itself
(the row “三公”经费合计, the sentence “三公”经费财政拨款支出预算为3万元) the two quotations run into ““三公”经费合计”,
which reads as two quotations. GB/T 15834-2011《标点符号用法》(引号): a quotation inside another takes single marks.
One mechanism for every finding's message and basis (`Finding`) and the catalogue's templates (`CheckSpec.render`)."""

from __future__ import annotations

from .patterns import lazy_compile

__all__ = ["nest_quotes"]

#: A “ opened before the last one closed: the only text that nests.
_OPENED_INSIDE = lazy_compile("“[^”]*“")


def nest_quotes(text: str) -> str:
    """`text` with each quotation opened inside another in ‘ ’ (and one inside that in “ ” again). Text whose “ ” do
    not pair (a sentence cut inside a quotation) is returned as it is: which mark closes which is then a guess."""
    if _OPENED_INSIDE.search(text) is None:  # nothing nests (the usual case: one search in C)
        return text
    out: list[str] = []
    depth = 0
    nested = False
    for ch in text:
        if ch == "“":
            out.append("‘" if depth % 2 else "“")
            nested = nested or depth > 0
            depth += 1
        elif ch == "”":
            if not depth:
                return text  # a close with nothing open: the marks do not pair
            depth -= 1
            out.append("’" if depth % 2 else "”")
        else:
            out.append(ch)
    return "".join(out) if nested and not depth else text
