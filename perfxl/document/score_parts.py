"""A part's score in brackets and its numbered items' ("1. 投入 (得 30 分 )( 1)时效情况:…(得 5 分)( 2)项目立项:…(得11 分)
( 3)资金落实:…(得 14 分)"): the items' points add up to the part's (N02, issue 12).

An evaluation written out by 一级 part (投入/过程/产出/效益) gives each part its points and each numbered item under it
its own (财预〔2020〕10号: 各级指标得分之和). Read only in one paragraph: a bracketed score right before item "(1)" heads a
part; the bracketed scores after items (1), (2), (3)… in order are its items', up to the next part's heading, the next
heading score or the paragraph's end. More than the part's is said; less only where the part is closed in the
paragraph (the next part begins; not the paragraph's end: items go on in the next paragraphs). The items are read as the part's by
their numbering: a judgement (警告). Pure: one paragraph's text in, `Issue`s into the run.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..model import CellRef, Certainty, TextRef
from ..numbers import fmt_decimal
from ..patterns import lazy_compile
from .run_state import _Run, _where, n02

#: A score in brackets: "(得 30 分 )", "（得5分）", "(30分)".
_BRACKETED = lazy_compile(r"[(（]\s*(?:得分?|计)?\s*(?P<n>\d{1,3}(?:\.\d+)?)\s*分\s*[)）]")
#: An item's number in brackets: "( 1)", "（2）".
_ITEM = lazy_compile(r"[(（]\s*(?P<k>\d{1,2})\s*[)）]")
#: A part's heading: "2. 过程", "3、产出" (a number, a point or 、, then words).
_PART = lazy_compile(r"(?<![\d.])\d{1,2}\s*[.．、]\s*(?=[\u4e00-\u9fff])")
_NAME = lazy_compile(r"([\u4e00-\u9fff]{1,8})\s*$")


def check_score_parts(run: _Run, ref: TextRef | CellRef, text: str) -> None:
    """N02 (警告) where a bracketed part's items' bracketed scores add up to other than the part's."""
    text = text.replace("\n", "")
    scores = list(_BRACKETED.finditer(text))
    for i, head in enumerate(scores):
        nxt = scores[i + 1].start() if i + 1 < len(scores) else len(text)
        first = _ITEM.search(text, head.end(), nxt)
        if first is None or first["k"] != "1" or _PART.search(text, head.end(), first.start()):
            continue
        parts: list[Decimal] = []
        closed = False
        j, pos = i + 1, head.end()
        while j < len(scores):
            score = scores[j]
            between = text[pos : score.start()]
            if _PART.search(between):
                closed = True  # the next part's heading: this part's items ended
                break
            items = [m["k"] for m in _ITEM.finditer(between)]
            if items != [str(len(parts) + 1)]:
                closed = bool(items) and items[0] == "1"  # a heading score of the next part ("(得 26 分)( 1)…")
                break
            parts.append(Decimal(score["n"]))
            pos = score.end()
            j += 1
        # the paragraph's end closes nothing: the next paragraph may go on with item (3) (review12c)
        if j < len(scores) and not closed:
            closed = bool(_PART.search(text[pos : scores[j].start()]))
        if len(parts) < 2:
            continue
        total, summed = Decimal(head["n"]), sum(parts, Decimal(0))
        if summed == total or (summed < total and not closed):
            continue
        name_m = _NAME.search(re.sub(r"\s+", "", text[max(0, head.start() - 12) : head.start()]))
        name = name_m.group(1) if name_m else "该部分"
        operands = " + ".join(fmt_decimal(p) for p in parts)
        run.issues.append(
            n02(
                ref,
                f"“{name}”{head.group(0).strip()}的各项得分之和（{operands}）",
                f"the sum of {name}'s items ({operands})",
                expected=fmt_decimal(summed),
                actual=head["n"],
                certainty=Certainty.JUDGEMENT,
                basis=f"{_where(ref)}：“{name}”{head.group(0).strip()}，其后编号(1)至({len(parts)})各项的得分为 "
                f"{operands} = {fmt_decimal(summed)}（按编号读作该部分的各项{'' if summed > total else '，且该部分已结束'}；"
                "请核实）",
                basis_en=f"{name}: {head['n']} points, its numbered items {operands} = {fmt_decimal(summed)} (the items "
                "read as the part's by their numbering)",
            )
        )
