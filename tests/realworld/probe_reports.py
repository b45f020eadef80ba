"""Probe: one narrative figure of a real report changed, and whether perfxl finds it at its paragraph (issue 12).

`python tests/realworld/probe_reports.py [-v] [REPORT.toml ...]` — the narrative analogue of probe_defects.py. For
every tests/realworld/reports/*.toml report it reads, on the paragraphs the hand check found to agree
(`[[consistent]]`, none of `[[expect]]`/`[[expect_other]]`), the figures that are TIED — by the probe's own reading,
never by perfxl's, so a figure perfxl does not read is a miss, not a figure left out:

- to a table cell: the figure (money converted between 元/万元/亿元) equals a figure the report's tables print, and
  the figure is no coincidence: money, or 100 or more, or printed with decimals — not a 0%/100% rate;
- to the paragraph's own arithmetic: it is the sum of two or more figures of its kind printed right after it (其中 …,
  also a 其中 opening the next sentence: "…205人。其中,…") or right before it (… 合计) — the whole list, not the first
  items of a list that goes on ("共12个,其中一级指标3个,二级指标9个,三级指标12个": 3 + 9 = 12 by chance) — or a rate (%)
  that is one figure of the paragraph over another, rounded as printed;
- to a change (session 12): an amount after 增加/减少/… that is the difference of two figures of its kind before it in
  its sentence (增减额: "年初预算1022.89万元,调整预算为1781.86万元,比年初预算增加758.97万元"), or a rate right after a
  change amount that is that amount over the base it implies (增减率: "2994.57万元,较上年增加292.37万元,增幅10.82%").

Each tied figure is changed ALONE (a percent of 50 or more × 0.9, anything else × 1.1, at its printed decimals; one
step further when that prints the same), the report rebuilt as tests/test_document_realreport.py builds it and
validated. The change is *found* when a finding new to the copy of an N code at 警告 or above names the paragraph;
*extra* when the copy has any other new finding at 警告 or above (elsewhere, another code, or a second one there).
Prints "planted N: found X, missed Y, extra Z" (-v: each probe, its tie, and the findings it got).

Not a test by itself: tests/test_probe_reports.py fixes the figure as a floor; a miss that is a general gap gets a
test of its own where it is fixed; a miss whose reading would need a guess stays a miss (listed in -v).
"""

from __future__ import annotations

import re
import sys
import tempfile
import zlib
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

from render import ProbeCrash, crash_free, parsed_toml  # noqa: E402,F401
from test_document_realreport import REPORTS, build_docx  # noqa: E402

from perfxl.model import TextRef  # noqa: E402
from perfxl.validate import validate_file  # noqa: E402

_MONEY = {"元": Decimal(1), "万元": Decimal(10000), "萬元": Decimal(10000), "亿元": Decimal(10**8)}
_COUNTS = "人次|个|人|户|家|项|所|村|名|场|次|辆|套|台|处|条|座|件|份|亩|吨|公里|千米|米|平方米|天|分"
#: a figure as the probe reads it: not inside a longer number, a document number or a date
_FIGURE = re.compile(
    r"(?<![\d.,〔\[第号-])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(亿元|万元|萬元|元|%|％|"
    + _COUNTS
    + r")(?![钟之别值数/／])"
)
_CELL_NUMBER = re.compile(r"(?<![\d.])(-?\d+(?:\.\d+)?)\s*(%|％)?")


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    text: str
    value: Decimal
    places: int
    unit: str  # "元"-family collapse to 元 scale below; "%" for a percent

    @property
    def kind(self) -> str:
        return "money" if self.unit in _MONEY else ("%" if self.unit in ("%", "％") else self.unit)

    @property
    def yuan(self) -> Decimal:
        return self.value * _MONEY[self.unit]


def figures(text: str) -> list[Figure]:
    out = []
    for m in _FIGURE.finditer(text):
        if m.group(3) in _MONEY or m.group(3) in ("%", "％"):
            pass
        elif text[m.end() : m.end() + 1] == "年":  # "2022年" is no count (unit regex has none of 年)
            continue
        digits = m.group(1).replace(",", "") + (m.group(2) or "")
        out.append(
            Figure(
                m.start(),
                m.end(),
                m.group(0),
                Decimal(digits),
                len(m.group(2) or ".") - 1,
                m.group(3).replace("％", "%"),
            )
        )
    return out


def _round(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def table_numbers(fixture: dict) -> list[tuple[Decimal, bool]]:
    """Every figure the tables print: (value, printed with %)."""
    out = []
    for table in fixture.get("tables", []):
        for row in table["rows"]:
            for cell in row:
                for m in _CELL_NUMBER.finditer(str(cell)):
                    out.append((Decimal(m.group(1)), bool(m.group(2))))
    return out


def _table_tie(f: Figure, numbers: list[tuple[Decimal, bool]]) -> str:
    if f.kind == "%":
        if f.value in (0, 100):
            return ""
        hit = [v for v, pct in numbers if pct and _round(v, f.places) == f.value]
        return f"表格印有 {hit[0]}%" if hit else ""
    if f.value < 100 and f.places == 0 and f.kind != "money":
        return ""
    targets = {f.yuan / 10000, f.yuan} if f.kind == "money" else {f.value}
    for v, pct in numbers:
        if pct or v == 0:
            continue
        if v in targets or ((f.kind != "money" or f.unit != "元") and _round(v, f.places) == f.value):
            return f"表格印有 {v}"
    return ""


_OPENS_PARTS = re.compile(r"其中|包括|包含|含|分别|[（(:：]")
_SUM_WORD = re.compile(r"共计|合计|总计|累计|共|总额|总得分")
#: The list of parts goes on past the figures that make the total: one more figure of the kind follows, the words
#: between no bracket's end, no semicolon — a sum of its first items only is a chance ("共12个,其中一级指标3个,二级指标
#: 9个,三级指标12个": levels of one tree, 3 + 9 = 12 by chance)
_LIST_GOES_ON = re.compile(r"[^。！？!?；;）)]*")


def sum_ties(figs: list[Figure], text: str) -> list[tuple[Figure, list[Figure], bool]]:
    """(total, parts, parts after the total) for each figure that is the sum of 2+ figures of its kind in its sentence
    right after it, a word opening parts between (其中/包括/含/分别/a bracket or colon), or right before it, a sum word
    right before it (合计/共计/总计/累计/共)."""
    out = []
    for f in figs:
        if f.kind == "%" or f.value == 0:
            continue
        same = [g for g in figs if g.kind == f.kind]
        i = same.index(f)
        value = (lambda g: g.yuan) if f.kind == "money" else (lambda g: g.value)
        for after, run in ((True, same[i + 1 :]), (False, same[:i][::-1])):
            total = Decimal(0)
            for n, g in enumerate(run, 1):
                total += value(g)
                if n >= 2 and total == value(f):
                    first, last = (f, run[n - 1]) if after else (run[n - 1], f)
                    between = text[f.end : run[0].start] if after else text[run[0].end : f.start]
                    cued = _OPENS_PARTS.search(between) if after else _SUM_WORD.search(between[-6:])
                    going_on = after and n < len(run) and _LIST_GOES_ON.fullmatch(text[last.end : run[n].start])
                    # "…205人。其中,局机关在职113人、…": a 其中 opening the next sentence still lists the total's parts
                    span = text[first.start : last.end]
                    if after and re.match(r"\s*[。！？!?]\s*其中", between):
                        span = text[run[0].start : last.end]
                    if cued and not going_on and not re.search(r"[。！？!?]", span):
                        out.append((f, run[:n], after))
                    break
                if total > value(f):
                    break
    return out


def _ratio_tie(f: Figure, figs: list[Figure]) -> tuple[Figure, Figure] | None:
    if f.kind != "%" or f.value == 0:
        return None
    for a in figs:
        for b in figs:
            if a is b or a.kind != b.kind or a.kind == "%" or b.value == 0:
                continue
            x, y = (a.yuan, b.yuan) if a.kind == "money" else (a.value, b.value)
            if x <= y * 2 and _round(x / y * 100, f.places) == f.value:
                return a, b
    return None


#: A change stated against a base ("比年初预算增加758.97万元", "较上年增加292.37万元"): the words right before it.
_CHANGE_WORD = re.compile(r"(增加|减少|增长|下降|降低|提高|节约|超出)了?\s*$")
_UP = re.compile(r"增加|增长|提高|超出")
#: A rate of change right after its amount ("…增加292.37万元,增幅10.82%", "…增加189.25万元,增加31.39%").
_RATE_WORD = re.compile(r"(增幅|降幅|增长率?|下降|增加|减少|提高|降低)了?(?:为|达)?\s*$")


def _value(g: Figure) -> Decimal:
    return g.yuan if g.kind == "money" else g.value


def _one_sentence(text: str, a: Figure, b: Figure) -> bool:
    return not re.search(r"[。！？!?]", text[min(a.start, b.start) : max(a.end, b.end)])


def change_ties(figs: list[Figure], text: str) -> list[tuple[Figure, Figure, Figure]]:
    """(change, a, b) for each amount stated as a change ("比年初预算增加758.97万元") that is the difference of two
    figures of its kind before it in its sentence (1781.86 − 1022.89): the 增减额 against the two figures it compares."""
    out = []
    for i, c in enumerate(figs):
        if c.kind == "%" or c.value == 0 or not _CHANGE_WORD.search(text[max(0, c.start - 8) : c.start]):
            continue
        before = [g for g in figs[:i] if g.kind == c.kind and _one_sentence(text, g, c)]
        pair = next(((a, b) for a in before for b in before if a is not b and _value(a) - _value(b) == _value(c)), None)
        if pair:
            out.append((c, *pair))
    return out


def change_rate_ties(figs: list[Figure], text: str) -> list[tuple[Figure, Figure, Figure]]:
    """(rate, change, current) for each rate right after a change amount that is the change over the base it implies
    ("基本支出2994.57万元,较上年增加292.37万元,增幅10.82%": 292.37 / (2994.57 − 292.37)) — the 增减率."""
    out = []
    for i, f in enumerate(figs):
        if f.kind != "%" or i < 2 or not _RATE_WORD.search(text[max(0, f.start - 8) : f.start]):
            continue
        c, a = figs[i - 1], figs[i - 2]
        head = text[max(0, c.start - 8) : c.start]
        if c.kind == "%" or a.kind != c.kind or not _CHANGE_WORD.search(head) or not _one_sentence(text, a, f):
            continue
        base = _value(a) - _value(c) if _UP.search(head) else _value(a) + _value(c)
        if base > 0 and _round(_value(c) / base * 100, f.places) == f.value:
            out.append((f, c, a))
    return out


def _span(f: Figure, value: Decimal | None = None) -> tuple[Decimal, Decimal]:
    """What a printed figure may stand for (rounded or cut short), in 元 for money: [v − step/2, v + step)."""
    v = f.value if value is None else value
    step = Decimal(1).scaleb(-f.places)
    scale = _MONEY.get(f.unit, Decimal(1))
    return (v - step / 2) * scale, (v + step) * scale


def _apart(a: tuple[Decimal, Decimal], b: tuple[Decimal, Decimal]) -> bool:
    return a[1] <= b[0] or b[1] <= a[0]


def changed(f: Figure, down: bool, certain) -> tuple[Decimal, str] | None:
    """The figure × 1.1 at its printed decimals (× 0.9 when `down`: a percent of 50 or more, a total before its
    parts — parts short of their total may be a partial list, parts over it cannot), again until `certain` says the
    new figure cannot agree at the printed precision of every figure involved (None after five tries)."""
    factor = Decimal("0.9") if down or (f.kind == "%" and f.value >= 50) else Decimal("1.1")
    new = f.value
    for _ in range(5):
        step = _round(new * factor, f.places)
        new = step if step != new else new + (-1 if factor < 1 else 1) * Decimal(1).scaleb(-f.places)
        if new >= 0 and certain(new):
            digits = f"{new:,f}" if "," in f.text else f"{new:f}"
            m = _FIGURE.match(f.text)
            return new, f.text.replace(m.group(1) + (m.group(2) or ""), digits, 1)
    return None


def _table_certain(f: Figure):
    return lambda new: abs(new - f.value) >= 2 * Decimal(1).scaleb(-f.places)


def _sum_certain(f: Figure, total: Figure, parts: list[Figure]):
    def certain(new: Decimal) -> bool:
        spans = [_span(g, new if g is f else None) for g in parts]
        summed = (sum(a for a, _ in spans), sum(b for _, b in spans))
        return _apart(summed, _span(total, new if total is f else None))

    return certain


def _ratio_certain(f: Figure, a: Figure, b: Figure):
    def certain(new: Decimal) -> bool:
        (alo, ahi), (blo, bhi) = _span(a), _span(b)
        if blo <= 0:
            return False
        return _apart((alo / bhi * 100, ahi / blo * 100), _span(f, new))

    return certain


def _change_certain(f: Figure, a: Figure, b: Figure):
    def certain(new: Decimal) -> bool:
        (alo, ahi), (blo, bhi) = _span(a), _span(b)
        return _apart((alo - bhi, ahi - blo), _span(f, new))

    return certain


def _change_rate_certain(f: Figure, c: Figure, a: Figure, up: bool):
    def certain(new: Decimal) -> bool:
        (clo, chi), (alo, ahi) = _span(c), _span(a)
        blo, bhi = (alo - chi, ahi - clo) if up else (alo + clo, ahi + chi)
        if blo <= 0:
            return False
        return _apart((clo / bhi * 100, chi / blo * 100), _span(f, new))

    return certain


@dataclass
class Probe:
    report: str
    paragraph: int
    figure: Figure
    tie: str
    new: str
    found: list[str]
    extra: list[str]


def _key(f) -> tuple:
    return (f.code, str(f.ref), f.severity.value, f.message)


def _label(f) -> str:
    return f"{f.code} {f.severity.value} {f.ref}: {f.message[:90]}"


def in_share(report: str, paragraph: int, figure: Figure, share: int) -> bool:
    """Whether a probe is in the fast loop's fixed share of one in `share`: by the CRC-32 of its report's name, its
    paragraph and the figure's place there — its own, so a probe added or dropped moves no other in or out."""
    return share == 1 or zlib.crc32(f"{report} p{paragraph} @{figure.start}".encode()) % share == 0


def probe(path: Path, work: Path, in_memory: bool = False, share: int = 1) -> list[Probe]:
    """The probes of one report. `in_memory` (the fast loop's share, tests/test_probe_reports.py): each copy's
    findings are validate_file's as `report_helpers.fixture_findings` gives them — the report written and read once,
    the changed paragraph read from a .docx of its own and put in place; `PERFXL_CHECK_REPORT_READ=1` also writes and
    validates each copy and fails unless the findings are the same. `share` > 1 (the fast loop): only the probes
    `in_share` keeps — about one in `share`, the same ones every run."""
    fixture = parsed_toml(path)
    skip = {e["paragraph"] for e in fixture.get("expect", [])} | {
        p for e in fixture.get("expect_other", []) for p in (e.get("paragraph"), e.get("related_paragraph")) if p
    }
    agreeing = sorted({c["paragraph"] for c in fixture.get("consistent", [])} - skip)
    numbers = table_numbers(fixture)
    plans = []
    for p in agreeing:
        text = fixture["paragraphs"][p - 1]
        figs = figures(text)
        ties: dict[Figure, tuple] = {}
        for total, parts, after in sum_ties(figs, text):
            label = f"合计（{'其后' if after else '其前'}各项之和）"
            ties.setdefault(total, (label, after, _sum_certain(total, total, parts)))
            for g in parts:
                ties.setdefault(g, (f"{total.text}的一项", False, _sum_certain(g, total, parts)))
        for c, a, b in change_ties(figs, text):
            ties.setdefault(c, (f"增减额 {a.text}−{b.text}", False, _change_certain(c, a, b)))
        for f, c, a in change_rate_ties(figs, text):
            up = bool(_UP.search(text[max(0, c.start - 8) : c.start]))
            ties.setdefault(
                f, (f"增减率 {c.text}/({a.text}{'−' if up else '+'}{c.text})", False, _change_rate_certain(f, c, a, up))
            )
        for f in figs:
            if f in ties:
                continue
            if tie := _table_tie(f, numbers):
                ties[f] = (tie, False, _table_certain(f))
            elif pair := _ratio_tie(f, figs):
                ties[f] = (f"比率 {pair[0].text}/{pair[1].text}", False, _ratio_certain(f, *pair))
        plans += [(p, f, *ties[f]) for f in figs if f in ties and in_share(path.stem, p, f, share)]
    if not plans:
        return []
    docx_path = work / f"{path.stem}.docx"
    build_docx(fixture, docx_path)
    before = {_key(f) for f in crash_free(validate_file(docx_path).findings, f"{path.stem} as published")}
    out = []
    for p, f, tie, down, certain in plans:
        copy = dict(fixture)
        copy["paragraphs"] = list(fixture["paragraphs"])
        text = copy["paragraphs"][p - 1]
        got = changed(f, down, certain)
        if got is None:
            continue  # no change of this figure is certain at the printed precision of the figures it is tied to
        new = got[1]
        copy["paragraphs"][p - 1] = text[: f.start] + new + text[f.end :]
        probe_path = work / f"{path.stem}-probe.docx"
        if in_memory:
            from report_helpers import fixture_findings

            findings = fixture_findings(copy, fixture, probe_path, build_docx)
        else:
            build_docx(copy, probe_path)
            findings = list(validate_file(probe_path).findings)
        copy_findings = crash_free(findings, f"{path.stem} p{p} {f.text} → {new}")
        new_findings = [x for x in copy_findings if _key(x) not in before and x.severity.rank >= 2]
        here = [x for x in new_findings if isinstance(x.ref, TextRef) and x.ref.paragraph == p and x.code[0] == "N"]
        found = here[:1]
        extra = [x for x in new_findings if x not in found]
        out.append(Probe(path.stem, p, f, tie, new, [_label(x) for x in found], [_label(x) for x in extra]))
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    verbose = "-v" in args
    only = {Path(a).name for a in args if a.endswith(".toml")}
    probes: list[Probe] = []
    with tempfile.TemporaryDirectory(prefix="perfxl-probe-reports-") as work:
        for path in sorted(REPORTS.glob("*.toml")):
            if not only or path.name in only:
                probes += probe(path, Path(work))
    found = sum(bool(p.found) for p in probes)
    extra = sum(bool(p.extra) for p in probes)
    if verbose:
        for p in probes:
            mark = "found " if p.found else "MISSED"
            print(f"{mark} {p.report} p{p.paragraph}: {p.figure.text} → {p.new} ({p.tie})")
            for line in p.found:
                print(f"    {line}")
            for line in p.extra:
                print(f"    extra {line}")
    print(f"planted {len(probes)}: found {found}, missed {len(probes) - found}, extra {extra}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
