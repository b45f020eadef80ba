"""Probe: one certain defect injected into a real table's correct rows, and whether perfxl finds it there.

`python tests/realworld/probe_defects.py [--kind KIND] [-t TABLE] [--all] [-q]` (--kind, -t repeatable) takes every
tests/realworld/*.toml table, finds the cells a defect kind needs by the table's own header words (never by
perfxl's reading, so a row perfxl does not read is a miss, not a row left out), and writes ONE defect at a time
into a copy of the published grid, on rows the hand check judged correct (no [[expect]] there, and for a sum none
of that category in the table). Each copy is validated as the corpus tests do; the defect is *detected* when a
finding new to the copy (any severity) of a code that fits the kind names the injected row (its place or a
related one) — or, for `weights_sum`, anywhere on the sheet, since a sum has no one row. Prints detected/injected
per kind and per table, then every miss with what the untouched table's coverage says of the row (the kind of
row perfxl read it as, the sheet's certainty, checks skipped, `truncated`) and the findings the row did get.

Issue 11 (probe11) added six kinds (`NEW_KINDS`, run by default with the rest): `exec_score` (a funds row at 执行率
100% given half its 分值), `met_below` (a target met by its written operator, or by the very figure, given half its
分值), `copied_target` (the actual replaced by the target's text with its operator — a 警告, S13), `deadline_missed`
(a date target's actual two months late with full marks), `exec_sum` (a source's 执行数/全年预算数 no longer adding up
to 年度资金总额's), `declared_weight` (a 一级/二级 declared 分值 — "产出指标(50分)" or 一级 │ 分值 — raised by 5 over rows
adding up to it).

Session 12 (defects12) added ten (`NEW_KINDS_12`): `blank_actual`, `text_actual`, `unscored`, `blank_target` (no
evidence with full marks, S12–S15), `error_score` (#VALUE! in 得分), `garbled` (OCR letters in a figure: its leading digit, or
its second read as its look-alike), `blank_reason` (a missed target without 偏差原因), `exec_rate_near`/`total_near` (one point off at the
printed precision), `grade` (优 ↔ 差 beside the 总分).

Per-row kinds inject at up to three rows of a table (first, middle, last; `--all`: every row). Deterministic.
Not a test: a gap it shows gets a test in tests/test_realworld_defects.py built from the real table's cells.
"""

from __future__ import annotations

import copy
import re
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent.parent))  # this checkout's perfxl, not an installed one (a worktree beside it)

import render as R  # noqa: E402
from probe_rewrites import _bounds, _head  # noqa: E402
from render import ProbeCrash, corpus_files, crash_free, load_table  # noqa: E402,F401
from test_realworld import _rows, in_family  # noqa: E402

from perfxl.validate import validate_file  # noqa: E402

# ---------------------------------------------------------------- header words (the probe's own reading)

_BRACKETS = re.compile(r"[（(][^（）()]*[）)]?$")


_SIMPLE = None


def _simplified(text: str) -> str:
    global _SIMPLE
    if _SIMPLE is None:
        import opencc

        _SIMPLE = opencc.OpenCC("t2s")
    return _SIMPLE.convert(text)


@cache
def _label(cell: str) -> str:
    """A header cell's words: simplified, no spaces, colon, enumerator or trailing bracket ("全年预算数（A）" →
    "全年预算数", "4.其他资金" → "其他资金"). Cached: a str of a str, and the kinds ask for each table's header cells
    again and again (≈ 660,000 calls for ≈ 4,800 distinct cells in the fast loop's two planting tests)."""
    text = re.sub(r"^(\d+[.、]|[一二三四五六]、|\(\d\)|（\d）)", "", _simplified(_head(cell))).rstrip(":：")
    return _BRACKETS.sub("", text) if len(text) > 2 else text


ROLES: dict[str, re.Pattern[str]] = {
    "weight": re.compile(r"^(指标|项目|自评|标准)?(分值|权重|分值权重|指标分值权重|权重占比)$"),
    "score": re.compile(r"^(指标|自评|实际|评价)?(得分|自评分|评分)$|^单项指标折算得分$"),
    "target": re.compile(
        r"^(年度|年初|全年|预期|绩效|指标|达到|达成|年度目标)?(指标值|目标值)(及单位)?$|^指标目标值$|^绩效目标值$"
    ),
    "actual": re.compile(
        r"^(全年|单项指标|指标|目标|全年目标|年终)?(实际)?(完成值|实际值|完成情况|完成指标值)$|^实际完成$"
    ),
    "budget": re.compile(
        r"^(全年|年度|调整后|全年调整|调整|转移支付)?(预算数|预算)$|^全年\(调整\)预算数$|^预算安排$|^计划安排资金$"
    ),
    "executed": re.compile(r"^(全年|预算|转移支付)?执行数$|^实际支出(数|金额)?$"),
    "rate": re.compile(r"^(预算|预算资金|资金)?执行率$"),
    "start": re.compile(r"^年初预算数?$"),
    "op": re.compile(r"^(指标性质|符号)$"),
    "unit": re.compile(r"^(度量单位|计量单位)$"),
    "basic_budget": re.compile(r"^\d{4}年预算数$"),
    "basic_final": re.compile(r"^\d{4}年决算数$"),
}
_TOTAL = re.compile(r"^(总分|总分值|合计|总计|得分合计|总得分|自评总分|分值合计)$")
_FUNDS_TOTAL = re.compile(r"^(年度资金总额|资金总额|项目资金总额|年度资金总额合计)")
_SOURCE = re.compile(r"^(其中)?[:：]?(当年|本年)?(财政拨款|上年结转|其他资金|中央|省级|市级|县级|区级|自筹)")
_NUM = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(分|万元|万|萬元|萬)?\s*$")
_PCT = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*%\s*$")
_TARGET = re.compile(
    r"^\s*(≥|>=|≧|＞＝|不低于|不少于|大于等于|≤|<=|≦|＜＝|不高于|不超过|小于等于|=|＝)?\s*"
    r"(\d+(?:\.\d+)?)\s*(%|[\u4e00-\u9fa5A-Za-z²㎡]{1,4})?\s*(以上|以下|以内)?\s*$"
)
_DOWN = ("≤", "<=", "≦", "＜＝", "不高于", "不超过", "小于等于", "以下", "以内")


def number(cell: str) -> Decimal | None:
    """A plain printed figure ("9.5", "89.7%" as 89.7), else None."""
    m = _NUM.match(cell) or _PCT.match(cell)
    try:
        return Decimal(m.group(1)) if m else None
    except InvalidOperation:  # pragma: no cover - the regex admits only figures
        return None


def printed(value: Decimal, like: str) -> str:
    """`value` printed at the decimals of `like` (at least those the value needs to stay clear), with its "%"."""
    places = len(m.group(1).split(".")[1]) if (m := _NUM.match(like) or _PCT.match(like)) and "." in m.group(1) else 0
    exponent = value.normalize().as_tuple().exponent
    places = max(places, -exponent if isinstance(exponent, int) else 0)  # the new value's own decimals stay
    text = f"{value.quantize(Decimal(1).scaleb(-places)) if places else value.to_integral_value()}"
    m = _NUM.match(like)
    return text + ("%" if _PCT.match(like) else (m.group(2) or "") if m else "")


@dataclass
class Region:
    """A header row and the rows under it up to the next header row: role → column."""

    header: int  # 0-based
    end: int  # exclusive
    cols: dict[str, int]


def regions(table: R.Table) -> list[Region]:
    """Every header row naming two roles or more, with the rows it governs. Where several columns carry a role's
    words, a column holding a figure under the header wins (not "年度预算数(万元)" over the row labels), then the
    plainest word ("分值" over "项目权重"), then for a weight the rightmost (一级 │ 分值 │ 二级 │ 分值 │ 三级 │ 分值 │
    得分: the 三级 weight is the one a 得分 is given against)."""
    heads: list[tuple[int, dict[str, list[tuple[int, int]]]]] = []
    for r, row in enumerate(table.rows):
        found: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for c, cell in enumerate(row):
            words = _label(cell)
            for role in _roles(words):
                found[role].append((c, len(words)))
        if len(found) >= 2:
            heads.append((r, found))
    out = []
    for i, (r, found) in enumerate(heads):
        end = heads[i + 1][0] if i + 1 < len(heads) else len(table.rows)
        held = {c for c in range(max(len(x) for x in table.rows)) if _holds_figure(table, r + 1, end, c)}
        cols = {
            role: min(cands, key=lambda cl: (cl[0] not in held, cl[1], -cl[0] if role == "weight" else cl[0]))[0]
            for role, cands in found.items()
        }
        out.append(Region(r, end, cols))
    return out


@cache
def _roles(words: str) -> tuple[str, ...]:
    """The ROLES whose words a header cell's `_label` is, in ROLES' order (cached as `_label` is)."""
    return tuple(role for role, pattern in ROLES.items() if words and pattern.match(words))


def _holds_figure(table: R.Table, start: int, end: int, c: int) -> bool:
    return any(number(_cell(table, r, c)) is not None for r in range(start, end))


def _cell(table: R.Table, r: int, c: int) -> str:
    row = table.rows[r]
    return row[c] if c < len(row) else ""


def _vertical(table: R.Table) -> set[tuple[int, int]]:
    """Cells inside a merge spanning more than one row (a 一级指标's weight, a label over several rows)."""
    return {
        (r, c) for r0, c0, r1, c1 in _bounds(table) if r1 > r0 for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)
    }


def _words(table: R.Table, r: int, upto: int) -> list[str]:
    return [_label(x) for x in table.rows[r][:upto] if x.strip()]


# ---------------------------------------------------------------- injections


@dataclass
class Injection:
    """One defect: the cells to write (0-based), the 1-based row it must be found at, what was done."""

    kind: str
    row: int
    col: int
    changes: dict[tuple[int, int], str]
    what: str
    rows: frozenset[int] = frozenset()  # further rows a finding may name (a sum's total row)

    def apply(self, table: R.Table) -> R.Table:
        t = copy.deepcopy(table)
        width = max(len(r) for r in t.rows)
        t.rows = [r + [""] * (width - len(r)) for r in t.rows]
        for (r, c), text in self.changes.items():
            t.rows[r][c] = text
        return t


def _expected_rows(table: R.Table) -> set[int]:
    return {e.row - 1 for e in table.expect}


def _has(table: R.Table, *whats: str) -> bool:
    return any(e.what in whats for e in table.expect)


def weighted_rows(table: R.Table, region: Region) -> Iterator[tuple[int, Decimal]]:
    """(row, weight) of each row under a 分值 header printing a positive plain weight not merged over rows, no total."""
    w = region.cols.get("weight")
    if w is None:
        return
    vertical = _vertical(table)
    for r in range(region.header + 1, region.end):
        weight = number(_cell(table, r, w))
        if weight is None or weight <= 0 or (r, w) in vertical or _PCT.match(_cell(table, r, w)):
            continue
        if any(_TOTAL.match(x) for x in _words(table, r, w)):
            continue
        yield r, weight


def indicator_rows(table: R.Table, region: Region) -> Iterator[tuple[int, Decimal, Decimal]]:
    """(row, weight, score) of each weighted row whose 得分 is a plain figure not merged over rows, the row not
    expected wrong."""
    s = region.cols.get("score")
    if s is None:
        return
    vertical, wrong = _vertical(table), _expected_rows(table)
    for r, weight in weighted_rows(table, region):
        score = number(_cell(table, r, s))
        if score is None or r in wrong or (r, s) in vertical or any(_TOTAL.match(x) for x in _words(table, r, s)):
            continue
        yield r, weight, score


def _is_funds(region: Region) -> bool:
    return "budget" in region.cols or "executed" in region.cols or "start" in region.cols


def over_weight(table: R.Table) -> Iterator[Injection]:
    for region in regions(table):
        for r, weight, _score in indicator_rows(table, region):
            s = region.cols["score"]
            new = weight + max(Decimal(1), (weight / 5).to_integral_value())
            text = printed(new, _cell(table, r, s))
            yield Injection(
                "over_weight", r + 1, s, {(r, s): text}, f"得分 {_cell(table, r, s)} → {text} (分值 {weight})"
            )


def missed_full(table: R.Table) -> Iterator[Injection]:
    """A numeric target's actual set to half of it (twice a ≤ target), the score to the full weight. The target is
    the 指标值 cell, or 指标性质 │ 指标值 │ 度量单位 read together; the actual keeps the target's unit unless the
    table has a unit column."""
    for region in regions(table):
        t, a = region.cols.get("target"), region.cols.get("actual")
        if t is None or a is None or _is_funds(region):
            continue
        op, unit_col = region.cols.get("op"), region.cols.get("unit")
        vertical = _vertical(table)
        for r, weight, _score in indicator_rows(table, region):
            target = "".join(_cell(table, r, c) for c in (op, t, unit_col) if c is not None)
            m = _TARGET.match(target)
            if not m or (r, t) in vertical or (r, a) in vertical:
                continue
            value, unit = Decimal(m.group(2)), m.group(3) or ""
            if value <= 0 or re.search(r"年|月|日|天|小时|时", unit):
                continue
            down = (m.group(1) or "") in _DOWN or (m.group(4) or "") in _DOWN
            if not (m.group(1) or m.group(4) or (op is not None and _cell(table, r, op).strip())):
                bare = _bare_direction(table, r, t, unit, {c for c in (op, unit_col) if c is not None})
                if bare is None:
                    continue
                down = bare
            actual = value * 2 if down else value / 2
            text = f"{actual.normalize():f}{'' if unit_col is not None else unit}"
            s = region.cols["score"]
            full = printed(weight, _cell(table, r, s))
            yield Injection(
                "missed_full",
                r + 1,
                a,
                {(r, a): text, (r, s): full},
                f"目标 {target}，实际 {_cell(table, r, a)} → {text}，得分 → {full}",
            )


def _bare_direction(table: R.Table, r: int, t: int, unit: str, skip: set[int]) -> bool | None:
    """Whether a target printed without an operator is a ceiling, as the profile's `[direction]` word lists read the
    row's name (perfxl.rules.direction.name_direction); a name no list holds reads ≥ (scoring.default_op). None where
    that reading is itself unclear — a rate word alone, a duration unit, a ceiling group (成本/时效指标) — for a
    defect there is no certain one."""
    from perfxl.profiles import load_profile
    from perfxl.rules.direction import name_direction

    profile = load_profile()
    words = [_label(x) for c, x in enumerate(table.rows[r][:t]) if x.strip() and c not in skip]
    name = words[-1] if words else ""
    by_name = name_direction(name, profile)
    if by_name is not None:
        return by_name.op.name == "LE"
    if any(w in name for w in profile.get("direction.ambiguous", ())) or unit in profile.get(
        "direction.ambiguous_units", ()
    ):
        return None
    if any(g in "".join(words) for g in profile.get("direction.lower_is_better_groups", ())):
        return None
    return False


def total(table: R.Table) -> Iterator[Injection]:
    wrong = _expected_rows(table)
    if _has(table, "total"):
        return
    for region in regions(table):
        s = region.cols.get("score")
        if s is None or _is_funds(region):
            continue
        for r in range(region.header + 1, region.end):
            value = number(_cell(table, r, s))
            if r in wrong or value is None or not any(_TOTAL.match(x) for x in _words(table, r, s)):
                continue
            new = value - 10 if value >= 10 else value + 10
            text = printed(new, _cell(table, r, s))
            yield Injection("total", r + 1, s, {(r, s): text}, f"总分 {_cell(table, r, s)} → {text}")


def exec_rate(table: R.Table) -> Iterator[Injection]:
    wrong, vertical = _expected_rows(table), _vertical(table)
    for region in regions(table):
        b, e, k = region.cols.get("budget"), region.cols.get("executed"), region.cols.get("rate")
        if b is None or e is None or k is None:
            continue
        for r in range(region.header + 1, region.end):
            budget, executed, rate = (number(_cell(table, r, c)) for c in (b, e, k))
            if r in wrong or (r, k) in vertical or None in (budget, executed, rate) or not budget:
                continue
            assert rate is not None
            shown = _cell(table, r, k)
            scale = Decimal(100) if (_PCT.match(shown) or rate > 1) else Decimal(1)
            step = Decimal(20) if scale == 100 else Decimal("0.2")
            new = rate - step if rate > scale / 2 else rate + step
            text = printed(new, shown)
            yield Injection("exec_rate", r + 1, k, {(r, k): text}, f"执行率 {shown} → {text} ({executed}/{budget})")


def funds_overspent(table: R.Table) -> Iterator[Injection]:
    wrong, vertical = _expected_rows(table), _vertical(table)
    for region in regions(table):
        b, e, k = region.cols.get("budget"), region.cols.get("executed"), region.cols.get("rate")
        if b is None or e is None or "basic_budget" in region.cols:
            continue
        for r in range(region.header + 1, region.end):
            budget, executed = number(_cell(table, r, b)), number(_cell(table, r, e))
            if r in wrong or (r, e) in vertical or budget is None or executed is None or budget <= 0:
                continue
            new = budget * Decimal("1.2")
            changes = {(r, e): printed(new, _cell(table, r, e))}
            if k is not None and number(_cell(table, r, k)) is not None:
                shown = _cell(table, r, k)
                scale = Decimal(100) if (_PCT.match(shown) or (number(shown) or 0) > 1) else Decimal(1)
                changes[(r, k)] = printed(Decimal("1.2") * scale, shown)
            yield Injection(
                "funds_overspent", r + 1, e, changes, f"执行数 {executed} → {changes[(r, e)]} (预算 {budget})"
            )


def funds_pairs(table: R.Table) -> Iterator[dict[str, tuple[int, int]]]:
    """Funds blocks printed as label │ value pairs ("预算数: │ 2.38 │ 执行数: │ 2.38", "转移支付预算数(A) │ 5.8万 │
    预算执行率(B/A) │ 100%" over "转移支付执行数(B) │ 5.8万", 浙江 计划安排资金(万元) │ 1355.81 with 实际支出(万元) │ 588.23
    under its sources): role → the value cell right of its label, one 预算数 and one 执行数 (at most one 执行率) within
    five rows, each value a figure."""
    found: list[tuple[str, int, int]] = []
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row[:-1]):
            words = _label(cell)
            role = next((k for k in ("budget", "executed", "rate") if words and ROLES[k].match(words)), None)
            if role and number(row[c + 1]) is not None:
                found.append((role, r, c + 1))
    for role, r, c in found:
        if role != "budget":
            continue
        near = [(k, rr, cc) for k, rr, cc in found if r <= rr <= r + 5]
        executed = [(rr, cc) for k, rr, cc in near if k == "executed"]
        rates = [(rr, cc) for k, rr, cc in near if k == "rate"]
        if len(executed) != 1 or len(rates) > 1 or sum(k == "budget" for k, _, _ in near) != 1:
            continue
        yield {"budget": (r, c), "executed": executed[0], **({"rate": rates[0]} if rates else {})}


def pair_exec_rate(table: R.Table) -> Iterator[Injection]:
    wrong = _expected_rows(table)
    for cells in funds_pairs(table):
        if "rate" not in cells or {r for r, _ in cells.values()} & wrong:
            continue
        (br, bc), (er, ec), (kr, kc) = cells["budget"], cells["executed"], cells["rate"]
        budget, executed, shown = number(_cell(table, br, bc)), number(_cell(table, er, ec)), _cell(table, kr, kc)
        rate = number(shown)
        if not budget or executed is None or rate is None:
            continue
        scale = Decimal(100) if (_PCT.match(shown) or rate > 1) else Decimal(1)
        new = rate - (Decimal(20) if scale == 100 else Decimal("0.2")) if rate > scale / 2 else rate + scale / 5
        text = printed(new, shown)
        yield Injection(
            "exec_rate", kr + 1, kc, {(kr, kc): text}, f"执行率 {shown} → {text} ({executed}/{budget}, 成对)"
        )


def pair_overspent(table: R.Table) -> Iterator[Injection]:
    wrong = _expected_rows(table)
    for cells in funds_pairs(table):
        if {r for r, _ in cells.values()} & wrong:
            continue
        (br, bc), (er, ec) = cells["budget"], cells["executed"]
        budget = number(_cell(table, br, bc))
        if budget is None or budget <= 0:
            continue
        changes = {(er, ec): printed(budget * Decimal("1.2"), _cell(table, er, ec))}
        if "rate" in cells:
            kr, kc = cells["rate"]
            shown = _cell(table, kr, kc)
            scale = Decimal(100) if (_PCT.match(shown) or (number(shown) or 0) > 1) else Decimal(1)
            changes[(kr, kc)] = printed(Decimal("1.2") * scale, shown)
        yield Injection(
            "funds_overspent",
            er + 1,
            ec,
            changes,
            f"执行数 {_cell(table, er, ec)} → {changes[(er, ec)]} (预算 {budget}, 成对)",
            frozenset({br + 1}),
        )


def basic_overspent(table: R.Table) -> Iterator[Injection]:
    wrong = _expected_rows(table)
    for region in regions(table):
        b = region.cols.get("basic_budget")
        if b is None:
            continue
        year = _label(table.rows[region.header][b])[:4]
        f = next((c for c, x in enumerate(table.rows[region.header]) if _label(x) == f"{year}年决算数"), None)
        if f is None:
            continue
        in_three = False
        for r in range(region.header + 1, region.end):
            label = "".join(_words(table, r, min(b, f)))
            in_three = in_three or "三公" in label
            if re.search(r"项目支出|公用经费$|政府采购|调整", label) and "其中" not in label:
                in_three = False
            budget, final = number(_cell(table, r, b)), number(_cell(table, r, f))
            if r in wrong or budget is None or budget <= 0 or final is None:
                continue
            if not (in_three or "其中" in label):
                continue
            text = printed(budget * Decimal("1.5"), _cell(table, r, f))
            yield Injection(
                "basic_overspent", r + 1, f, {(r, f): text}, f"{label} 决算 {final} → {text} (预算 {budget})"
            )


def _adding_sources(
    table: R.Table, top: int, end: int, words_col: int, col: int, wrong: set[int]
) -> tuple[list[int], list[Decimal | None], Decimal] | None:
    """The source rows under the 年度资金总额 row `top` (named by their words left of `words_col`, up to `end`), their
    amounts in `col` and the total's — when none is a row the hand check found wrong, every printed amount reads and
    they add up to the total exactly (only then is a changed source a certain defect); else None."""
    sources = []
    for r in range(top + 1, end):
        words = _words(table, r, words_col)
        if not words or not _SOURCE.match(words[-1]):
            break
        sources.append(r)
    whole = number(_cell(table, top, col))
    parts = [number(_cell(table, r, col)) for r in sources]
    if whole is None or not sources or any(r in wrong for r in sources):
        return None
    if any(p is None and _cell(table, r, col).strip() for r, p in zip(sources, parts, strict=True)):
        return None
    if sum((p for p in parts if p is not None), Decimal(0)) != whole:
        return None
    return sources, parts, whole


def funds_sum(table: R.Table) -> Iterator[Injection]:
    """A source's amount changed under a 年度资金总额 line whose printed sources add up to it: the amount column is
    the first to the right of the label holding a figure (a 申报表's lone amount, a 自评表's 年初预算数)."""
    if _has(table, "funds_sum"):
        return
    wrong = _expected_rows(table)
    for top, row in enumerate(table.rows):
        at = next((c for c, x in enumerate(row) if _FUNDS_TOTAL.match(_label(x))), None)
        if at is None or top in wrong:
            continue
        col = next((c for c in range(at + 1, len(row)) if number(row[c]) is not None), None)
        if col is None:
            continue
        found = _adding_sources(table, top, len(table.rows), col, col, wrong)
        if found is None:
            continue  # no sources, or the published ones do not add up: no certain injection
        sources, parts, whole = found
        r = next((r for r, p in zip(sources, parts, strict=True) if p is not None), sources[0])
        old = number(_cell(table, r, col)) or Decimal(0)
        new = old + max(Decimal(1), (whole / 10).to_integral_value())
        text = printed(new, _cell(table, r, col) or _cell(table, top, col))
        yield Injection(
            "funds_sum", r + 1, col, {(r, col): text}, f"来源 {old} → {text} (总额 {whole})", frozenset({top + 1})
        )


def weights_sum(table: R.Table) -> Iterator[Injection]:
    """One indicator's 分值 raised by 5 where every printed weight (the 预算执行率 row's included) adds up to 100."""
    if table.meta.get("truncated") or _has(table, "weights_sum"):
        return
    rows = [(reg, r, w) for reg in regions(table) for r, w in weighted_rows(table, reg)]
    if not rows or sum(w for _, _, w in rows) != 100:
        return  # the probe cannot tell the weights add up: no certain injection
    wrong = _expected_rows(table)
    indicators = [(reg, r, w) for reg, r, w in rows if not _is_funds(reg) and r not in wrong]
    if not indicators:
        return
    reg, r, w = indicators[len(indicators) // 2]
    c = reg.cols["weight"]
    text = printed(w + 5, _cell(table, r, c))
    yield Injection("weights_sum", r + 1, c, {(r, c): text}, f"分值 {w} → {text}（合计 105）")


# ---------------------------------------------------------------- further kinds (issue 11, probe11)


def exec_score(table: R.Table) -> Iterator[Injection]:
    """A funds row executed in full (执行率 100%, its 得分 the full 分值) given half its 分值: under every 预算执行率 rule
    (执行率 × 分值, or tiers) a rate of 100% earns the whole 分值, so the half is certainly wrong (F05)."""
    wrong, vertical = _expected_rows(table), _vertical(table)
    for region in regions(table):
        w, s, k = region.cols.get("weight"), region.cols.get("score"), region.cols.get("rate")
        if w is None or s is None or k is None or not _is_funds(region):
            continue
        for r in range(region.header + 1, region.end):
            weight, score, shown = number(_cell(table, r, w)), number(_cell(table, r, s)), _cell(table, r, k)
            rate = number(shown)
            if r in wrong or (r, s) in vertical or None in (weight, score, rate):
                continue
            assert weight is not None and score is not None and rate is not None
            full_rate = rate == 100 if (_PCT.match(shown) or rate > 1) else rate == 1
            if weight <= 0 or not full_rate or score != weight:
                continue
            text = printed(weight / 2, _cell(table, r, s))
            yield Injection(
                "exec_score", r + 1, s, {(r, s): text}, f"执行率 {shown}，得分 {score} → {text} (分值 {weight})"
            )


def _target_of(table: R.Table, region: Region, r: int) -> tuple[str, re.Match[str] | None]:
    op, t, unit_col = region.cols.get("op"), region.cols["target"], region.cols.get("unit")
    target = "".join(_cell(table, r, c) for c in (op, t, unit_col) if c is not None)
    return target, _TARGET.match(target)


_UP = ("≥", ">=", "≧", "＞＝", "不低于", "不少于", "大于等于", "以上")


def met_below(table: R.Table) -> Iterator[Injection]:
    """A row whose printed actual meets its target's written operator (≥ 95% │ 98%, ≤ 5 │ 3, = 100% │ 100%) — or, with
    no operator, is the target's very figure (100% │ 100%: met whichever way the row counts) — in the target's unit,
    scored full, given half its 分值: 财预〔2020〕10号 gives a target met its full 分值 (S01/S02/S03)."""
    for region in regions(table):
        t, a = region.cols.get("target"), region.cols.get("actual")
        if t is None or a is None or _is_funds(region):
            continue
        vertical, s = _vertical(table), region.cols.get("score", -1)
        for r, weight, score in indicator_rows(table, region):
            target, m = _target_of(table, region, r)
            if not m or (r, t) in vertical or (r, a) in vertical or score != weight:
                continue
            word = (m.group(1) or "") + (m.group(4) or "")
            unit = m.group(3) or ""
            got = _TARGET.match(_cell(table, r, a))
            if got is None or got.group(1) or got.group(4) or re.search(r"年|月|日|天|小时|时", unit):
                continue
            actual, aunit, value = Decimal(got.group(2)), got.group(3) or "", Decimal(m.group(2))
            if aunit != unit and not (not aunit and region.cols.get("unit") is not None):
                continue  # another unit (or none against one): the comparison is no longer the cells' own
            down, up = any(x in word for x in _DOWN), any(x in word for x in _UP)
            # no written operator: met only where the actual is the target's figure, whichever way the row counts
            met = actual <= value if down else actual >= value if up else actual == value
            if not met or value <= 0:
                continue
            text = printed(weight / 2, _cell(table, r, s))
            yield Injection(
                "met_below",
                r + 1,
                s,
                {(r, s): text},
                f"目标 {target}，实际 {_cell(table, r, a)}，得分 {score} → {text}",
            )


def copied_target(table: R.Table) -> Iterator[Injection]:
    """The actual replaced by the target's own text, operator and all ("≥95%" │ "≥95%"; 指标性质 ≥ │ 指标值 95 gives
    "≥95"): no measured value, the score unverifiable — perfxl can only warn (S13)."""
    for region in regions(table):
        t, a = region.cols.get("target"), region.cols.get("actual")
        if t is None or a is None or _is_funds(region):
            continue
        vertical, op = _vertical(table), region.cols.get("op")
        for r, _weight, _score in indicator_rows(table, region):
            # 指标性质 │ 指标值 (│ 度量单位): the operator written back before the figure, as such copies print it
            text = (_cell(table, r, op).strip() if op is not None else "") + _cell(table, r, t).strip()
            m = _TARGET.match(text)
            if not m or not m.group(1) or (r, t) in vertical or (r, a) in vertical or not _cell(table, r, a).strip():
                continue
            if text.strip() == _cell(table, r, a).strip():
                continue
            yield Injection(
                "copied_target", r + 1, a, {(r, a): text}, f"实际 {_cell(table, r, a)} → {text}（照抄目标）"
            )


_DATE = re.compile(
    r"^\s*(?:≤|<=|不晚于|在)?\s*(?:(?P<y>20\d{2})年)?(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})日|底|末)?\s*(?:前|之前|以前)?"
    r"(?:完成|到位)?\s*$"
)


def deadline_missed(table: R.Table) -> Iterator[Injection]:
    """A date target ("2023年12月31日前", "11月底前") whose actual is set two months later (or, in December, to the next
    year's February where the target names its year), scored full: late, certainly not full marks (S07/S01)."""
    for region in regions(table):
        t, a = region.cols.get("target"), region.cols.get("actual")
        if t is None or a is None or _is_funds(region):
            continue
        vertical, s = _vertical(table), region.cols.get("score", -1)
        for r, weight, _score in indicator_rows(table, region):
            target = _cell(table, r, t)
            m = _DATE.match(target)
            if not m or (r, t) in vertical or (r, a) in vertical:
                continue
            year, month = (int(m["y"]) if m["y"] else None), int(m["m"])
            if not 1 <= month <= 12:
                continue
            if month <= 10:
                late = f"{year}年{month + 2}月{15}日" if year else f"{month + 2}月15日"
            elif year:
                late = f"{year + 1}年2月15日"
            else:
                continue
            full = printed(weight, _cell(table, r, s))
            yield Injection(
                "deadline_missed",
                r + 1,
                a,
                {(r, a): late, (r, s): full},
                f"目标 {target}，实际 {_cell(table, r, a)} → {late}，得分 → {full}",
            )


def exec_sum(table: R.Table) -> Iterator[Injection]:
    """A source's 执行数 (or 全年预算数, where `funds_sum`'s first amount column is another) changed under a 年度资金总额
    whose sources add up to it in that column (F02): the column is the region's 执行数/预算数 header, the total and
    source rows named by their own words left of the region's first figure column."""
    if _has(table, "funds_sum"):
        return
    wrong = _expected_rows(table)
    columns = [
        (region, col)
        for region in regions(table)
        for role in ("executed", "budget")
        if (col := region.cols.get(role)) is not None and (role == "executed" or col != min(region.cols.values()))
    ]
    for region, col in columns:
        for top in range(region.header + 1, region.end):
            row = table.rows[top]
            if top in wrong or not any(_FUNDS_TOTAL.match(_label(x)) for x in row[: min(region.cols.values())]):
                continue
            found = _adding_sources(table, top, region.end, min(region.cols.values()), col, wrong)
            if found is None:
                continue
            sources, parts, whole = found
            r = next((r for r, p in zip(sources, parts, strict=True) if p), None)
            if r is None:
                continue
            old = number(_cell(table, r, col)) or Decimal(0)
            step = max(Decimal(1), (whole / 10).to_integral_value())
            # lowered where the list of sources visibly ends (a sum short of the whole); raised past the whole where
            # a cut-off table may go on with further sources (a part above the whole is wrong whatever follows)
            ended = sources[-1] + 1 < len(table.rows) or not table.meta.get("truncated")
            new = old + whole if not ended else old - step if old > step else old / 2
            text = printed(new, _cell(table, r, col))
            yield Injection(
                "exec_sum",
                r + 1,
                col,
                {(r, col): text},
                f"{_label(table.rows[region.header][col])} 来源 {old} → {text} (总额 {whole})",
                frozenset({top + 1}),
            )


_DECLARED = re.compile(
    r"^(?P<pre>.*(?:产出|效益|满意度|成本)指标\s*[（(]\s*)(?P<w>\d+(?:\.\d+)?)(?P<post>\s*分?\s*[）)]\s*)$"
)


def declared_weight(table: R.Table) -> Iterator[Injection]:
    """A 一级 label declaring its weight ("产出指标（50分）") raised by 5 where the 分值 of the rows under it (down to the
    next such label) add up to the declared figure: the label now contradicts its rows (W02). In a cut-off table
    (`truncated`) not the last label's: its rows may go on."""
    if _has(table, "weights_sum"):
        return
    cut = len(table.rows) if table.meta.get("truncated") else len(table.rows) + 1
    for region in regions(table):
        w = region.cols.get("weight")
        if w is None or _is_funds(region):
            continue
        weights = dict(weighted_rows(table, region))
        labels = []
        for r in range(region.header + 1, region.end):
            for c in range(w):
                if (m := _DECLARED.match(_simplified(_cell(table, r, c)).strip())) is not None:
                    labels.append((r, c, m))
                    break
        for i, (r, c, m) in enumerate(labels):
            end = labels[i + 1][0] if i + 1 < len(labels) else region.end
            declared = Decimal(m["w"])
            held = [weights[x] for x in range(r, end) if x in weights]
            if (
                not held
                or end >= cut
                or sum(held) != declared
                or any(_TOTAL.match(x) for x in _words(table, end - 1, w))
            ):
                continue
            text = f"{m['pre']}{declared + 5}{m['post']}"
            yield Injection(
                "declared_weight", r + 1, c, {(r, c): text}, f"一级 {m.group(0)} → {text}（其下合计 {declared}）"
            )


def declared_column(table: R.Table) -> Iterator[Injection]:
    """一级 │ 分值 │ 二级 │ 分值 │ 三级 │ 分值: a 一级 or 二级 分值 cell (merged over its rows) raised by 5 where the 三级
    分值 of the rows it spans add up to it — the declared weight now contradicts its rows (W02). In a cut-off table
    (`truncated`) only a span ending before the table's last row: the rows of the last may go on."""
    if _has(table, "weights_sum"):
        return
    cut = len(table.rows) - 1 if table.meta.get("truncated") else len(table.rows)
    spans = {(r0, c0): r1 for r0, c0, r1, _c1 in _bounds(table)}
    for region in regions(table):
        last = region.cols.get("weight")
        if last is None or _is_funds(region):
            continue
        head = table.rows[region.header]
        declared = [c for c, x in enumerate(head[:last]) if _label(x) and ROLES["weight"].match(_label(x))]
        weights = dict(weighted_rows(table, region))
        for c in declared:
            for r in range(region.header + 1, region.end):
                value = number(_cell(table, r, c))
                end = spans.get((r, c))
                if value is None or value <= 0 or end is None or end == r or end >= cut:
                    continue
                held = [weights[x] for x in range(r, end + 1) if x in weights]
                if len(held) != end - r + 1 or sum(held) != value:
                    continue
                text = printed(value + 5, _cell(table, r, c))
                yield Injection(
                    "declared_weight", r + 1, c, {(r, c): text}, f"{head[c]} {value} → {text}（其下合计 {value}）"
                )


# ---------------------------------------------------------------- further kinds (issue 11, defects12)


def _numeric_rows(table: R.Table, region: Region) -> Iterator[tuple[int, Decimal, Decimal, str, re.Match[str]]]:
    """(row, weight, score, target text, its match) of each indicator row whose target is one plain figure with or
    without an operator (no date or duration unit) and whose target and actual cells are not merged over rows."""
    t, a = region.cols.get("target"), region.cols.get("actual")
    if t is None or a is None or _is_funds(region):
        return
    vertical = _vertical(table)
    for r, weight, score in indicator_rows(table, region):
        target, m = _target_of(table, region, r)
        if not m or (r, t) in vertical or (r, a) in vertical or Decimal(m.group(2)) <= 0:
            continue
        if re.search(r"年|月|日|天|小时|时", m.group(3) or ""):
            continue
        yield r, weight, score, target, m


def blank_actual(table: R.Table) -> Iterator[Injection]:
    """A numeric target's 实际完成值 left blank, the 得分 the full 分值: a score with no evidence (S12, a 警告)."""
    for region in regions(table):
        for r, weight, _score, target, _m in _numeric_rows(table, region):
            a, s = region.cols["actual"], region.cols["score"]
            if not _cell(table, r, a).strip():
                continue
            full = printed(weight, _cell(table, r, s))
            yield Injection(
                "blank_actual",
                r + 1,
                a,
                {(r, a): "", (r, s): full},
                f"目标 {target}，实际 {_cell(table, r, a)} → 空，得分 → {full}",
            )


#: Words real filings print for an actual instead of a figure (issue 11, category 2), one per row by its index.
_DONE_WORDS = ("已完成", "完成", "达标", "全部完成", "按时完成", "完成目标", "达到目标", "基本完成")


def text_actual(table: R.Table) -> Iterator[Injection]:
    """A numeric target's 实际完成值 written in words ("已完成", "达标", …), the 得分 the full 分值: no figure to compare (S14, a 警告)."""
    for region in regions(table):
        for r, weight, _score, target, _m in _numeric_rows(table, region):
            a, s = region.cols["actual"], region.cols["score"]
            full = printed(weight, _cell(table, r, s))
            text = _DONE_WORDS[r % len(_DONE_WORDS)]
            yield Injection(
                "text_actual",
                r + 1,
                a,
                {(r, a): text, (r, s): full},
                f"目标 {target}，实际 {_cell(table, r, a)} → {text}，得分 → {full}",
            )


def unscored(table: R.Table) -> Iterator[Injection]:
    """A numeric target's 实际完成值 and 得分 both left blank: the indicator was not evaluated (S15, a 警告)."""
    for region in regions(table):
        for r, _weight, _score, target, _m in _numeric_rows(table, region):
            a, s = region.cols["actual"], region.cols["score"]
            yield Injection(
                "unscored", r + 1, a, {(r, a): "", (r, s): ""}, f"目标 {target}，实际 {_cell(table, r, a)} 与得分 → 空"
            )


#: Excel's error values as an export prints them, one per row by its index.
_ERRORS = ("#VALUE!", "#NAME?", "#DIV/0!", "#N/A", "#REF!", "#NUM!")


def error_score(table: R.Table) -> Iterator[Injection]:
    """An indicator's 得分 showing an Excel error as exported ("#VALUE!", "#NAME?", …): it cannot be computed (C02), never a 0."""
    for region in regions(table):
        for r, _weight, score in indicator_rows(table, region):
            s = region.cols["score"]
            code = _ERRORS[r % len(_ERRORS)]
            yield Injection("error_score", r + 1, s, {(r, s): code}, f"得分 {score} → {code}")


#: What OCR makes of a digit, one per row by its index (the letters that look like 1, 0, 5, 8 among them).
_DAMAGE = ("M", "l", "O", "S", "B", "I")
_LEAD_DIGIT = re.compile(r"^(\s*)([1-9])")
#: a figure keeping a digit once its leading one is lost ("449.8", "1.8万元"; not "5", whose loss leaves only words)
_DAMAGEABLE = re.compile(r"^\s*[1-9]\d*\.?\d")


def garbled(table: R.Table) -> Iterator[Injection]:
    """A figure damaged as OCR damages it — its leading digit read as a letter ("449.8" → "M49.8", "1.8万元" →
    "l.8万元", "5.2" → "S.2"): a funds row's 执行数 or an indicator's 实际完成值. The figure cannot be read; perfxl must say so at the
    row (C02/I12), never read the rest of it as a figure."""
    wrong, vertical = _expected_rows(table), _vertical(table)
    for region in regions(table):
        e, b = region.cols.get("executed"), region.cols.get("budget", region.cols.get("start"))
        if e is not None and b is not None:
            for r in range(region.header + 1, region.end):
                shown = _cell(table, r, e)
                if r in wrong or (r, e) in vertical or number(shown) is None or not _DAMAGEABLE.match(shown):
                    continue
                if number(_cell(table, r, b)) is None:
                    continue  # no 预算数 beside: not a funds line (a goal's "100" under 实际完成情况)
                text = _LEAD_DIGIT.sub(r"\g<1>" + _DAMAGE[r % len(_DAMAGE)], shown, count=1)
                yield Injection("garbled", r + 1, e, {(r, e): text}, f"执行数 {shown} → {text}")
        for r, _weight, _score, _target, _m in _numeric_rows(table, region):
            a = region.cols["actual"]
            shown = _cell(table, r, a)
            got = _TARGET.match(shown)
            if got is None or got.group(1) or not _DAMAGEABLE.match(shown):
                continue
            text = _LEAD_DIGIT.sub(r"\g<1>" + _DAMAGE[r % len(_DAMAGE)], shown, count=1)
            yield Injection("garbled", r + 1, a, {(r, a): text}, f"实际 {shown} → {text}")


#: A digit → the letter OCR reads it as (0 O, 1 l, 2 Z, 6 b, 8 B); not 5 S or 9 g, whose letter after a figure
#: may be meant ("5S管理", "4S店", "500g"), so the damage would not be certain.
_LOOKALIKE = {"0": "O", "1": "l", "2": "Z", "6": "b", "8": "B"}
_SECOND_DIGIT = re.compile(r"^(\s*[1-9])(\d)")


def _damaged_inside(shown: str) -> str | None:
    """`shown` with its second digit read as the letter it looks like ("10萬" → "1O萬", "42" → "4Z"), or None (a
    second digit without a look-alike: "449.8")."""
    m = _SECOND_DIGIT.match(shown)
    if m is None or m.group(2) not in _LOOKALIKE:
        return None
    return m.group(1) + _LOOKALIKE[m.group(2)] + shown[m.end() :]


def garbled_inside(table: R.Table) -> Iterator[Injection]:
    """`garbled` with the damage inside the figure: its second digit read as a look-alike letter ("10萬" →
    "1O萬", "90人" → "9O人", "42" → "4Z", "11场" → "1l场") — the digits before the letter are no figure of their own
    (C02/I12), never 1, 9 or 4."""
    wrong, vertical = _expected_rows(table), _vertical(table)
    for region in regions(table):
        e, b = region.cols.get("executed"), region.cols.get("budget", region.cols.get("start"))
        if e is not None and b is not None:
            for r in range(region.header + 1, region.end):
                shown = _cell(table, r, e)
                text = _damaged_inside(shown)
                if r in wrong or (r, e) in vertical or number(shown) is None or number(_cell(table, r, b)) is None:
                    continue
                if text is not None:
                    yield Injection("garbled", r + 1, e, {(r, e): text}, f"执行数 {shown} → {text}")
        for r, _weight, _score, _target, _m in _numeric_rows(table, region):
            a = region.cols["actual"]
            shown = _cell(table, r, a)
            got, text = _TARGET.match(shown), _damaged_inside(shown)
            if got is not None and not got.group(1) and text is not None:
                yield Injection("garbled", r + 1, a, {(r, a): text}, f"实际 {shown} → {text}")


_REASON = re.compile(r"偏差|未完成原因")
#: What a 偏差原因 cell holds when nothing is explained: blank, or a placeholder (one per row by its index).
_NO_REASON = ("", "无", "/", "—", "无偏差")


def blank_reason(table: R.Table) -> Iterator[Injection]:
    """A target with a written operator certainly missed (the actual half a ≥ target, twice a ≤ one), the 得分 half
    the 分值, and the row's 偏差原因 left blank or a placeholder ("无", "/", "—", "无偏差"): a missed target must be
    explained (D01/D02, 10号)."""
    for region in regions(table):
        head = table.rows[region.header]
        reason = next((c for c, x in enumerate(head) if _REASON.search(_simplified(x))), None)
        if reason is None or reason in region.cols.values():
            continue
        vertical = _vertical(table)
        for r, weight, _score, target, m in _numeric_rows(table, region):
            word = (m.group(1) or "") + (m.group(4) or "")
            if not word or (r, reason) in vertical:
                continue
            down = any(x in word for x in _DOWN)
            value, unit = Decimal(m.group(2)), m.group(3) or ""
            actual = value * 2 if down else value / 2
            a, s = region.cols["actual"], region.cols["score"]
            text = f"{actual.normalize():f}{'' if region.cols.get('unit') is not None else unit}"
            half = printed(weight / 2, _cell(table, r, s))
            none = _NO_REASON[r % len(_NO_REASON)]
            yield Injection(
                "blank_reason",
                r + 1,
                reason,
                {(r, a): text, (r, s): half, (r, reason): none},
                f"目标 {target}，实际 {_cell(table, r, a)} → {text}，得分 → {half}，偏差原因 → “{none}”",
            )


def exec_rate_near(table: R.Table) -> Iterator[Injection]:
    """A 执行率 one percentage point off the rate its amounts give (printed at its own decimals), where the 预算数 is at
    least 10 so the amounts' own rounding (±0.005) cannot move the rate by a point: F04 at the printed precision."""
    wrong, vertical = _expected_rows(table), _vertical(table)
    for region in regions(table):
        b, e, k = region.cols.get("budget"), region.cols.get("executed"), region.cols.get("rate")
        if b is None or e is None or k is None:
            continue
        for r in range(region.header + 1, region.end):
            budget, executed, rate = (number(_cell(table, r, c)) for c in (b, e, k))
            if r in wrong or (r, k) in vertical or None in (budget, executed, rate):
                continue
            assert budget is not None and executed is not None and rate is not None
            shown = _cell(table, r, k)
            if budget < 10 or not (_PCT.match(shown) or rate > 1):
                continue
            exact = executed / budget * 100
            if abs(exact - rate) >= Decimal("0.5"):
                continue  # the printed rate is not the amounts' own: no certain shift of one point
            new = rate - 1 if rate >= 1 else rate + 1
            text = printed(new, shown)
            yield Injection(
                "exec_rate_near", r + 1, k, {(r, k): text}, f"执行率 {shown} → {text} ({executed}/{budget})"
            )


_GRADES = {"优": "差", "优秀": "差", "良": "差", "良好": "差", "中": "优", "合格": "优", "差": "优", "不合格": "优"}


def grade(table: R.Table) -> Iterator[Injection]:
    """The grade printed on the 总分's row (总分 │ 100 │ 自评等级 │ 优) turned to its opposite (优 ↔ 差): no banding of
    any rule gives 优 below 60 or 差 at 90 and above, so the grade contradicts the total (T04). The total is the row's
    first figure right of its 总分 label, the grade a cell right of it holding a grade word alone."""
    if _has(table, "grade", "total"):
        return
    wrong = _expected_rows(table)
    for r, row in enumerate(table.rows):
        at = next((c for c, x in enumerate(row) if _TOTAL.match(_label(x))), None)
        if at is None or r in wrong:
            continue
        fig = next((c for c in range(at + 1, len(row)) if number(row[c]) is not None), None)
        if fig is None:
            continue
        value = number(row[fig])
        assert value is not None
        g = next((c for c in range(fig + 1, len(row)) if _label(row[c]) in _GRADES), None)
        new = "差" if value >= 90 else "优" if value < 60 else None
        if g is None or new is None or _GRADES[_label(row[g])] != new:
            continue
        yield Injection("grade", r + 1, g, {(r, g): new}, f"总分 {value}，等级 {row[g]} → {new}")


def blank_target(table: R.Table) -> Iterator[Injection]:
    """A numeric target's 年度指标值 and 实际完成值 both left blank, the 得分 the full 分值: nothing to score against and
    nothing measured (S12, a 警告). Not where the row below is unweighted and carries a target: the row may be a
    parent whose items below hold its evidence (萧县 ★补助各类粮食作物种植面积 │ 10 │ │ │ 10 over 红薯种植面积 │ │ 5.5亩 │
    5.5亩), no certain defect."""
    for region in regions(table):
        op, unit_col, w = region.cols.get("op"), region.cols.get("unit"), region.cols.get("weight", -1)
        for r, weight, _score, target, _m in _numeric_rows(table, region):
            t, a, s = region.cols["target"], region.cols["actual"], region.cols["score"]
            if r + 1 < region.end and not _cell(table, r + 1, w).strip() and _cell(table, r + 1, t).strip():
                continue
            full = printed(weight, _cell(table, r, s))
            changes = {(r, c): "" for c in (op, t, unit_col, a) if c is not None}
            yield Injection(
                "blank_target", r + 1, a, {**changes, (r, s): full}, f"目标 {target} 与实际 → 空，得分 → {full}"
            )


def total_near(table: R.Table) -> Iterator[Injection]:
    """The 总分 one point off (T02 at the printed precision) where that is certain: a total printed with decimals the
    hand check found right (a point is ten units of its precision and more), or a whole total the printed 得分 above
    it add up to exactly — those of the weighted rows, or every figure in its 得分 column above it."""
    if _has(table, "total"):
        return
    wrong, vertical = _expected_rows(table), _vertical(table)
    scores = [score for region in regions(table) for _r, _w, score in indicator_rows(table, region)]
    for region in regions(table):
        s = region.cols.get("score")
        if s is None or _is_funds(region):
            continue
        for r in range(region.header + 1, region.end):
            value = number(_cell(table, r, s))
            if r in wrong or value is None or not any(_TOTAL.match(x) for x in _words(table, r, s)):
                continue
            above = [number(_cell(table, x, s)) for x in range(region.header + 1, r) if (x, s) not in vertical]
            decimals = "." in _cell(table, r, s)
            if not decimals and sum(scores) != value and sum((x for x in above if x is not None), Decimal(0)) != value:
                continue
            new = value - 1 if value >= 1 else value + 1
            text = printed(new, _cell(table, r, s))
            yield Injection(
                "total_near", r + 1, s, {(r, s): text}, f"总分 {_cell(table, r, s)} → {text}（得分合计 {value}）"
            )


KINDS: dict[str, Callable[[R.Table], Iterator[Injection]]] = {
    "over_weight": over_weight,
    "missed_full": missed_full,
    "total": total,
    "exec_rate": lambda t: _unique(exec_rate(t), pair_exec_rate(t)),
    "funds_overspent": lambda t: _unique(funds_overspent(t), pair_overspent(t)),
    "basic_overspent": basic_overspent,
    "funds_sum": funds_sum,
    "weights_sum": weights_sum,
}
#: Kinds added by issue 11 (probe11): run with --new (or named with --kind); the old 391 stay the default figure.
NEW_KINDS: dict[str, Callable[[R.Table], Iterator[Injection]]] = {
    "exec_score": exec_score,
    "met_below": met_below,
    "copied_target": copied_target,
    "deadline_missed": deadline_missed,
    "exec_sum": exec_sum,
    "declared_weight": lambda t: _unique(declared_weight(t), declared_column(t)),
}
#: Kinds added by defects12 (issue 11's categories 2, 4, 6, 7 and the grade/偏差原因 checks), run by default too.
NEW_KINDS_12: dict[str, Callable[[R.Table], Iterator[Injection]]] = {
    "blank_actual": blank_actual,
    "text_actual": text_actual,
    "unscored": unscored,
    "error_score": error_score,
    "garbled": lambda t: _chain(garbled(t), garbled_inside(t)),
    "blank_reason": blank_reason,
    "exec_rate_near": exec_rate_near,
    "grade": grade,
    "blank_target": blank_target,
    "total_near": total_near,
}


def _chain(*sources: Iterator[Injection]) -> Iterator[Injection]:
    """Injections of one kind from two damages, the same cell possibly in both (each a copy of its own)."""
    for source in sources:
        yield from source


def _unique(*sources: Iterator[Injection]) -> Iterator[Injection]:
    """Injections of one kind from two readings, each cell changed once (a header-row block read both ways)."""
    seen: set[tuple[int, int]] = set()
    for source in sources:
        for injection in source:
            if injection.changes.keys() & seen:
                continue
            seen |= injection.changes.keys()
            yield injection


#: Kind → the expectation category whose code family fits it (tests/test_realworld.py FAMILIES).
FITS: dict[str, tuple[str, ...]] = {
    "over_weight": ("over_weight", "score", "exec_score"),
    "missed_full": ("score",),
    "total": ("total",),
    "exec_rate": ("exec_rate",),
    "funds_overspent": ("overspent",),
    "basic_overspent": ("overspent", "basic_sum"),
    "funds_sum": ("funds_sum",),
    "weights_sum": ("weights_sum",),
    "exec_score": ("exec_score",),
    "met_below": ("score",),
    "copied_target": ("no_evidence",),
    "deadline_missed": ("score",),
    "exec_sum": ("funds_sum",),
    "declared_weight": ("weights_sum",),
    "blank_actual": ("no_evidence",),
    "text_actual": ("no_evidence",),
    "unscored": ("no_evidence",),
    "error_score": ("unreadable",),
    "garbled": ("unreadable",),
    "blank_reason": ("deviation",),
    "exec_rate_near": ("exec_rate",),
    "grade": ("grade",),
    "blank_target": ("no_evidence",),
    "total_near": ("total",),
}
#: Probe-only categories (not a corpus expectation's): the codes saying a cell could not be read or computed.
PROBE_FAMILIES: dict[str, tuple[str, ...]] = {"unreadable": ("C02", "I12", "READ_ERROR_VALUE")}


def fits(code: str, kind: str) -> bool:
    """Whether a finding of `code` reports a defect of `kind` (tests/test_realworld.py FAMILIES, or PROBE_FAMILIES)."""
    return any(code in PROBE_FAMILIES[w] if w in PROBE_FAMILIES else in_family(code, w) for w in FITS[kind])


WHOLE_SHEET = frozenset({"weights_sum"})


def spread(items: list[Injection], every: bool) -> list[Injection]:
    """Every injection, or up to three: the first, the middle and the last (deterministic)."""
    if every or len(items) <= 3:
        return items
    return [items[0], items[len(items) // 2], items[-1]]


# ---------------------------------------------------------------- running


def _key(f) -> tuple[str, str, str]:
    return (f.code, str(f.ref), f.message)


@dataclass
class Outcome:
    injection: Injection
    detected: bool
    severity: str = ""
    code: str = ""
    at_row: list[str] = field(default_factory=list)  # other findings at the row (code severity)


def _run_of(result, sheet: str, row: int) -> str:
    for t in result.coverage.tables:
        if t.sheet != sheet:
            continue
        for run in t.rows:
            if run.first <= row <= run.last:
                return f"{t.kind}:{run.kind}"
    return "not in a table read"


def context(table: R.Table, base) -> str:
    """What the untouched table's reading says: sheet certainty, skipped checks, truncated."""
    bits = []
    for s in base.coverage.sheets:
        if s.sheet == table.sheet:
            bits.append(f"sheet {s.kind}{'' if s.certain else ' (guessed)'}{'' if s.read else ' UNREAD'}")
    skipped = sorted({k.code for k in base.coverage.skipped})
    if skipped:
        bits.append("skipped " + ",".join(skipped))
    if table.meta.get("truncated"):
        bits.append("truncated")
    return "; ".join(bits)


def probe(table: R.Table, base, injection: Injection, work: Path) -> Outcome:
    crash_free(base.findings, f"{table.name} as published")
    mutant = injection.apply(table)
    result = validate_file(R.render(mutant, work))
    crash_free(result.findings, f"{table.name} {injection.kind} row {injection.row}")
    before = {_key(f) for f in base.findings}
    rows = {injection.row} | set(injection.rows)
    fresh = [f for f in result.findings if _key(f) not in before]
    fitting = [f for f in fresh if fits(f.code, injection.kind)]
    placed = fitting if injection.kind in WHOLE_SHEET else [f for f in fitting if rows & _rows(f, table.sheet)]
    if placed:
        best = max(placed, key=lambda f: f.severity.rank)
        return Outcome(injection, True, best.severity.value, best.code)
    at_row = sorted(
        {
            f"{f.code} {f.severity.value}{'' if _key(f) not in before else ' (before)'}"
            for f in result.findings
            if rows & _rows(f, table.sheet)
        }
    )
    elsewhere = sorted({f"{f.code}@{f.ref.cell if f.ref else '?'}" for f in fitting})
    return Outcome(injection, False, at_row=at_row + ([f"elsewhere {','.join(elsewhere)}"] if elsewhere else []))


def main(argv: list[str]) -> int:
    KINDS.update(NEW_KINDS)
    KINDS.update(NEW_KINDS_12)
    kinds = [a for i, a in enumerate(argv) if i and argv[i - 1] == "--kind"] or list(KINDS)
    only = {a for i, a in enumerate(argv) if i and argv[i - 1] == "-t"}
    every, quiet = "--all" in argv, "-q" in argv
    unknown = set(kinds) - set(KINDS)
    if unknown:
        print(f"unknown kind(s) {sorted(unknown)}; kinds: {', '.join(KINDS)}")
        return 2
    per_kind: dict[str, Counter[str]] = defaultdict(Counter)
    per_table: dict[str, Counter[str]] = defaultdict(Counter)
    severities: dict[str, Counter[str]] = defaultdict(Counter)
    misses: list[str] = []
    with tempfile.TemporaryDirectory(prefix="perfxl-defects-") as tmp:
        work = Path(tmp)
        for path in corpus_files():
            if only and path.stem not in only:
                continue
            table = load_table(path)
            injections = [i for k in kinds for i in spread(list(KINDS[k](table)), every)]
            if not injections:
                continue
            base = R.validated(table, work / "base")
            note = context(table, base)
            for injection in injections:
                out = probe(table, base, injection, work)
                per_kind[injection.kind]["injected"] += 1
                per_table[table.name]["injected"] += 1
                if out.detected:
                    per_kind[injection.kind]["detected"] += 1
                    per_table[table.name]["detected"] += 1
                    severities[injection.kind][out.severity] += 1
                    continue
                read_as = _run_of(base, table.sheet, injection.row)
                misses.append(
                    f"  {injection.kind} {table.name} row {injection.row}: {injection.what} | read as {read_as}; "
                    f"{note} | at row: {', '.join(out.at_row) or '-'}"
                )
    print("per kind (detected/injected; severity of the finding):")
    for kind in kinds:
        c = per_kind.get(kind, Counter())
        sev = ", ".join(f"{k} {v}" for k, v in sorted(severities[kind].items()))
        print(f"  {kind}: {c['detected']}/{c['injected']}" + (f" ({sev})" if sev else ""))
    total_c = sum(per_kind.values(), Counter())
    print(f"  all: {total_c['detected']}/{total_c['injected']}")
    if not quiet:
        print("per table:")
        for name, c in sorted(per_table.items()):
            print(f"  {name}: {c['detected']}/{c['injected']}")
    print(f"misses ({len(misses)}):")
    print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
