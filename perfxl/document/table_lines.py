"""The lines of the tables read for their sums (`Submission.sum_tables`: a 功能分类表 with its codes, a 收支总表) as table
values a report's narrative is held to — BY NAME, never by position (issue 12, narr18).

* A total a claim names (vocabulary.CLAIMS): "本年收入合计307.82万元" is the 收支总表's 本年收入合计 line (or a 收入决算表's
  合计 line's 本年收入合计), "本年支出合计", "基本支出", "项目支出" the 支出决算表's 合计 line's 合计 / 基本支出 / 项目支出. Each
  is kept under the money its table is of (`scope_of` its name: 一般公共预算, 政府性基金, 国有资本经营, 财政拨款, or all the
  department's money), and a narrative figure is held only to the table of the money its own words name ("一般公共预算
  财政拨款基本支出105.58万元" to the 一般公共预算财政拨款支出决算表, "基本支出105.58万元" to none of it): key
  ("basic_expense@一般公共预算", "final").
* A 功能分类 line the text names with its 类/款/项 ("一般公共服务支出（类）264.87万元", "1、一般公共服务支出（类）社会工作事务
  （款）行政运行（项）。…支出决算为51.32万元"): the line whose 类, 款 and 项 bear those names (`line_match`). The whole path
  from its 类 down names one line: certain. A path that leaves out the 类 or 款 above it, a name met on several lines (a 款
  in two 类), or a name matched only by its likeness to the table's: a guess, which says the names it paired.
* A 收支总表 line the text names exactly ("财政拨款收入18,976.76万元" — the line "一、财政拨款收入").

The amounts are compared by crosscheck's `_compare` (units converted, each at its printed precision); a table printing no
money unit is read in the one nearest the text's (`table_facts.money_unit_for`), a guess. Pure.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from decimal import Decimal

from ..labels import normalise_label
from ..model import CellValue, Submission, SumLine, SumTable
from ..numbers import HUNDRED, fmt_decimal, to_decimal
from ..patterns import lazy_compile
from ..records import record
from .facts import Fact, sentences
from .match import match_name
from .precision import _around
from .table_facts import TableValue, _share_width, printed_step

__all__ = [
    "LineIndex",
    "LineMatch",
    "appropriation_sum",
    "fact_scope",
    "line_index",
    "line_match",
    "scope_of",
    "sum_table_values",
]

#: The money a table or a narrative figure is of, as its words name it (the first found): a table of one kind of
#: 财政拨款, of all 财政拨款, or — none named — of all the department's money.
_SCOPES = ("一般公共预算", "政府性基金", "国有资本经营", "财政拨款")
#: The guess of a table printing no money unit (as table_facts' for a 三公 table).
_NO_UNIT = "{table}未注明金额单位，按与正文数字最接近的单位（元、万元或亿元）比较，单位系推测"
#: A column of another year or a change: not this year's amount.
_OTHER_COLUMN = lazy_compile(r"上年|去年|增减|增加|减少|变动|差额|[%％]|率|占比|比重")
#: The 合计 column of a 功能分类表's line, and the columns of its parts.
_TOTAL_COLUMN = lazy_compile(r"^(?:本年)?(?:收入|支出)?(?:合计|小计)$")
_PART_CLAIMS = {"基本支出": "basic_expense", "项目支出": "project_expense"}
#: A 收支总表's 本年合计 / 总计 line.
_SUBTOTAL = lazy_compile(r"^(?:本年)?(?:收入|支出)?合计$")
_GRAND = lazy_compile(r"^(?:收入|支出)?总计$")
#: A 功能分类 name with its level as the 说明 prints it, maybe with its code: "一般公共服务支出（类）", "行政运行（项）",
#: "社会保障和就业支出（208类）".
_LEVELLED = lazy_compile(r"([^（()）。；;，,：:“”\"‘’\s\d、.．]+)\s*[（(]\s*(\d{2,3})?\s*(类|款|项)\s*[)）]")
_LEVELS = {"类": 1, "款": 2, "项": 3}
#: A paragraph opening with its path ("1、一般公共服务支出（类）…（项）。", "（一）“…（项）”科目…"): numbering and quotes.
_OPENING = lazy_compile(r"^\s*(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]\s*)?[“\"‘]?")
#: Words of the narrative before a figure that are no part of a line's name.
_NAME_TAIL = lazy_compile(r"(?:预算数?|决算数?|金额|为|是|达|共计)+$")
_NAME_HEAD = lazy_compile(r"^(?:其中|主要是|主要为|包括|分别是|分别为)")
_TRAILING_NAME = lazy_compile(r"[\u4e00-\u9fff]+$")
_SPACES = lazy_compile(r"\s+")
#: The words before a figure that name no item of their own ("支出决算为", "2026年预算安排", "全年预算为"): the figure is
#: the item its paragraph opens with.
_BARE = lazy_compile(
    r"[\s，,：:；;]*(?:(?:19|20)\d{2}\s*年度?|当年|全年|本年|年初|调整后|预算|决算|安排|支出|数|为|是|共|计|合计|金额|[\s：:])*"
)


def scope_of(text: str) -> str:
    """The money `text` names (`_SCOPES`), "" for none (all of the department's)."""
    text = _SPACES.sub("", text)
    return next((s for s in _SCOPES if s in text), "")


def _stage(table: SumTable) -> str:
    """ "final" for a 决算 table, "budget" for a 预算 one (its name, else its header), "" when neither is said."""
    for text in (table.name, " ".join(t for line in table.lines[:1] for path, _ in line.cells for t in path)):
        if "决算" in text:
            return "final"
        if "预算" in text.replace("一般公共预算", "").replace("国有资本经营预算", ""):
            return "budget"
    return ""


def _roles(stage: str) -> tuple[str, ...]:
    """The narrative roles a table of `stage` states: a 决算's amount is a "final" or a bare "value", a 预算's a
    "budget" or a bare "value"."""
    return {"final": ("final", "value"), "budget": ("budget", "value")}.get(stage, ())


def _current(cells: tuple[tuple[tuple[str, ...], CellValue], ...]) -> list[tuple[tuple[str, ...], CellValue]]:
    """The columns of this year's amounts (no 上年, no change, no rate)."""
    return [(path, cell) for path, cell in cells if path and not any(_OTHER_COLUMN.search(t) for t in path)]


def _value(table: SumTable, line: SumLine, path: tuple[str, ...], cell: CellValue, claim: str, role: str) -> TableValue:
    number = to_decimal(cell.raw)
    assert number is not None and cell.sheet is not None
    column = "".join(t for t in path if t not in ("项目", "金额"))
    shown = f"{line.subject_code} {line.name}".strip()
    return TableValue(
        claim,
        role,
        number,
        table.unit,
        printed_step(cell.raw) or Decimal(1),
        (cell.located(),),
        f"{table.name}“{shown}”{column}",
        guess="" if table.unit else _NO_UNIT.format(table=table.name),
    )


def _figure(cell: CellValue) -> bool:
    return not cell.is_blank and cell.sheet is not None and to_decimal(cell.raw) is not None


def sum_table_values(sub: Submission) -> dict[tuple[str, str], TableValue]:
    """(claim@scope, role) → the amount a 收支总表 or 功能分类表 states for it: 收入/支出's 本年合计 (a 总计 only where no
    line of another year's money, 结转/结余, stands above it), and a 功能分类表's 合计 line's 合计/基本支出/项目支出. Two tables
    stating one key differently: neither (which one the text means, nothing says)."""
    out: dict[tuple[str, str], TableValue] = {}
    clash: set[tuple[str, str]] = set()

    def put(key: tuple[str, str], tv: TableValue) -> None:
        if key in out and out[key].value != tv.value:
            clash.add(key)
        out.setdefault(key, tv)

    for table in sub.sum_tables:
        stage, scope = _stage(table), scope_of(table.name)
        if not stage or not table.lines:
            continue
        if table.kind == "totals":
            for side, claim in (("收入", "income"), ("支出", "expense")):
                lines = [line for line in table.lines if line.side == side]
                totals = [line for line in lines if line.level == 0 and _SUBTOTAL.match(line.name)]
                if not totals:
                    totals = [line for line in lines if line.level == 0 and _GRAND.match(line.name)]
                    if any(re.search(r"结转|结余|上年", line.name) for line in lines):
                        totals = []
                if (tv := _side_value(table, totals, f"{claim}@{scope}", stage)) is not None:
                    put((f"{claim}@{scope}", stage), tv)
        elif table.kind == "functional":
            whole = [line for line in table.lines if line.level == 0]
            if len(whole) != 1:
                continue
            for path, cell in _current(whole[0].cells):
                last = path[-1]
                if _TOTAL_COLUMN.match(last):
                    income = "收入" in last or ("收入" in table.name and "支出" not in table.name)
                    claim = "income" if income else "expense"
                else:
                    claim = _PART_CLAIMS.get(last, "")
                if claim and _figure(cell):
                    put((f"{claim}@{scope}", stage), _value(table, whole[0], path, cell, f"{claim}@{scope}", stage))
    return {key: tv for key, tv in out.items() if key not in clash}


def _side_value(table: SumTable, totals: list[SumLine], claim: str, stage: str) -> TableValue | None:
    """The one total line's figure in its one current column, None when there is not exactly one of either."""
    columns = _current(totals[0].cells) if len(totals) == 1 else []
    if len(columns) != 1 or not _figure(columns[0][1]):
        return None
    path, cell = columns[0]
    return _value(table, totals[0], path, cell, claim, stage)


def grand_total_values(sub: Submission) -> dict[tuple[str, str], TableValue]:
    """(claim@scope, role) → a 收支总表's 收入/支出 总计 line where the table prints money brought in or carried on
    (结转/结余) beside its 本年合计: the whole a text's own "收入总计"/"支出总计" names (prose26) — `sum_table_values` keeps
    the 本年合计 then, and a 总计 held to it is no comparison (review25p). Two tables stating one key differently:
    neither."""
    out: dict[tuple[str, str], TableValue] = {}
    clash: set[tuple[str, str]] = set()
    for table in sub.sum_tables:
        stage, scope = _stage(table), scope_of(table.name)
        if table.kind != "totals" or not stage:
            continue
        for side, claim in (("收入", "income"), ("支出", "expense")):
            lines = [line for line in table.lines if line.side == side]
            if not any(re.search(r"结转|结余", line.name) for line in lines):
                continue
            grand = [line for line in lines if line.level == 0 and _GRAND.match(line.name)]
            if (tv := _side_value(table, grand, f"{claim}@{scope}", stage)) is None:
                continue
            key = (f"{claim}@{scope}", stage)
            if key in out and out[key].value != tv.value:
                clash.add(key)
            out.setdefault(key, tv)
    return {key: tv for key, tv in out.items() if key not in clash}


@record(frozen=True, slots=True)
class _Line:
    table: SumTable
    line: SumLine
    path: dict[int, str]  # level → the name of the line it stands under at that level (its own at its level)
    scope: str
    stage: str


@record(frozen=True, slots=True)
class LineIndex:
    """The named lines of a submission's 功能分类 支出 tables (with their path of names) and of its 收支总表s."""

    functional: tuple[_Line, ...]
    totals: tuple[_Line, ...]


def _key(name: str) -> str:
    return normalise_label(re.sub(r"[“”\"‘’]", "", name))


def line_index(sub: Submission) -> LineIndex:
    functional: list[_Line] = []
    totals: list[_Line] = []
    for table in sub.sum_tables:
        stage, scope = _stage(table), scope_of(table.name)
        if not stage or not table.lines:
            continue
        if table.kind == "functional":
            paths = [p for line in table.lines[:1] for p, _ in _current(line.cells)]
            heads = [p[-1] for p in paths]
            spent = any("支出" in t for p in paths for t in p)  # a 收入支出决算表's 本年支出 columns (政府性基金)
            if (any("收入" in h for h in heads) and not spent) or ("收入" in table.name and "支出" not in table.name):
                continue  # a 收入决算表: its lines are money received for each function, not spent on it
            names = {line.subject_code: _key(line.name) for line in table.lines if line.subject_code}
            for line in table.lines:
                if line.level in (1, 2, 3):
                    path = {
                        lv: names.get(line.subject_code[:n], "")
                        for lv, n in ((1, 3), (2, 5), (3, 7))
                        if lv <= line.level
                    }
                    functional.append(_Line(table, line, path, scope, stage))
        elif table.kind == "totals":
            totals += [_Line(table, line, {}, scope, stage) for line in table.lines if line.level >= 4]
    return LineIndex(tuple(functional), tuple(totals))


@record(frozen=True, slots=True)
class LineMatch:
    """The table values a narrative figure names (one, or several a name was met on), whether the name makes the line
    certain, and what was paired (zh, en) when it does not."""

    values: tuple[TableValue, ...]
    certain: bool
    pairing: str = ""
    pairing_en: str = ""
    # the line is the one its paragraph opens with, the figure's own words naming none ("2026年预算安排57.8万元")
    opening: bool = False
    said: str = ""  # the 类/款/项 path as the text names it ("一般公共服务支出（类）…行政运行（项）"), for messages
    share: TableValue | None = None  # a certain 功能分类 line's share of its table's 合计 line (in %), when printed


def _path_in(text: str) -> dict[int, tuple[str, str]] | None:
    """The last run of levelled names in `text` ("一般公共服务支出（类）社会工作事务（款）行政运行（项）" → {1: (name,
    code), 2: …, 3: …}, the code "" when not printed), None when it names none or names a level twice or out of order."""
    runs: list[list[re.Match[str]]] = []
    for m in _LEVELLED.finditer(_SPACES.sub("", text)):  # a line break inside a name (text pasted from a web page)
        if runs and runs[-1][-1].end() == m.start():
            runs[-1].append(m)
        else:
            runs.append([m])
    if not runs:
        return None
    path: dict[int, tuple[str, str]] = {}
    for m in runs[-1]:
        level = _LEVELS[m.group(3)]
        if path and level <= max(path):
            return None
        path[level] = (_key(m.group(1)), unicodedata.normalize("NFKC", m.group(2) or ""))
    return path


def _paragraph_path(text: str) -> dict[int, tuple[str, str]] | None:
    """The path a paragraph opens with ("1、一般公共服务支出（类）…（项）。主要用于…"), when it names only that one."""
    text = _SPACES.sub("", text)
    first = sentences(text)[0] if text else ""
    opening = _OPENING.match(first)
    rest = first[opening.end() if opening else 0 :]
    m = _LEVELLED.match(rest)
    if m is None or len(_LEVELLED.findall(text)) != len(_LEVELLED.findall(first)):
        return None
    return _path_in(first)


def _before_figure(text: str, fact: Fact) -> str:
    """The paragraph's words before the figure's clause in its sentence (where a 其中 list's total names its money)."""
    parts = sentences(text)
    sentence = parts[fact.sentence] if fact.sentence < len(parts) else ""
    at = sentence.find(fact.clause)
    return (sentence[:at] if at >= 0 else "") + _around(fact)[0]


def _after_figure(text: str, fact: Fact) -> str:
    """The figure's sentence after it ("，其中：本年收入…，上年结转…"; "（含上年结转…）")."""
    parts = sentences(text)
    sentence = parts[fact.sentence] if fact.sentence < len(parts) else ""
    at = sentence.find(fact.clause)
    return _around(fact)[1] + (sentence[at + len(fact.clause) :] if at >= 0 else "")


def fact_scope(text: str, fact: Fact, heading: str = "") -> str:
    """The money a figure is of: named in its own words or before them in its sentence, else — its words not calling it
    a whole (合计, 总计) — in the heading above its paragraph (a short line without figures: "（二）一般公共预算财政拨款支出
    决算结构情况")."""
    before = _before_figure(text, fact)
    # a figure its words call the whole (本年支出合计, 收入总计) is the department's whole, whatever its section's heading
    return scope_of(before) or ("" if re.search(r"合计|总计", _around(fact)[0]) else scope_of(heading))


def _functional_match(index: LineIndex, fact: Fact, named: dict[int, tuple[str, str]], scope: str) -> LineMatch | None:
    roles_ok = [ln for ln in index.functional if fact.role in _roles(ln.stage)]
    # a figure naming its money is held to the table of that money only (a 财政拨款 one to the tables of each kind of
    # 财政拨款: "财政拨款支出主要内容如下：…（项）科目43.83万元" to the 一般公共预算's); one naming none to every 功能分类 支出 table
    # (the 说明's 类/款/项 paragraphs speak of the 一般公共预算财政拨款 table without saying so): when they differ on the
    # line, a figure agreeing with neither is a guess
    lines = [ln for ln in roles_ok if ln.scope == scope or (scope == "财政拨款" and ln.scope)] if scope else roles_ok
    if not lines:
        return None
    path = {lv: name for lv, (name, _) in named.items()}
    deepest = max(path)
    at_level = [ln for ln in lines if ln.line.level == deepest]
    full = set(path) == set(range(1, deepest + 1))
    said = "".join(f"{name}（{code}{'类款项'[lv - 1]}）" for lv, (name, code) in sorted(named.items()))
    code = "".join(code for _, (_, code) in sorted(named.items()))
    if full and [len(c) for _, (_, c) in sorted(named.items())] == [3, 2, 2][:deepest]:
        # its printed codes name the line ("社会保障和就业支出（208类）…（05款）…（01项）"), whatever the names' wording
        exact = [ln for ln in at_level if unicodedata.normalize("NFKC", ln.line.subject_code) == code]
    else:
        exact = [ln for ln in at_level if all(ln.path.get(lv) == name for lv, name in path.items())]
    fuzzy = False
    if not exact:
        above = [ln for ln in at_level if all(ln.path.get(lv) == name for lv, name in path.items() if lv < deepest)]
        found = match_name(path[deepest], [ln.path[deepest] for ln in above]) if above else None
        if found is None or found.exact:
            return None
        exact, fuzzy = [above[found.index]], True
    values = []
    for ln in exact:
        current = [(p, c) for p, c in _current(ln.line.cells) if _TOTAL_COLUMN.match(p[-1])]
        if len(current) != 1 or not _figure(current[0][1]):
            return None
        values.append(_value(ln.table, ln.line, current[0][0], current[0][1], "functional", ln.stage))
    if len({(v.value, v.unit) for v in values}) == 1:
        values = values[:1]
    if len(values) == 1 and full and not fuzzy:
        return LineMatch(tuple(values), True, said=said, share=_share(exact[0], values[0]))
    paired = "、".join(f"“{v.label}”" for v in values)
    if fuzzy:
        why = f"正文的“{said}”与表中名称不完全相同，按名称相近配对为{paired}（推测）"
        why_en = f"the text's {said} paired by a similar name with {paired}"
    elif len(values) > 1:
        why = f"正文的“{said}”对应表中{len(values)}行（{paired}），数字各不相同，无法确定是哪一行（推测）"
        why_en = f"the text's {said} names {len(values)} lines ({paired}) of different amounts"
    else:
        why = f"正文的“{said}”未写明其所属的类、款，按名称配对为{paired}（推测）"
        why_en = f"the text's {said} names no 类/款 above it: paired by name with {paired}"
    return LineMatch(tuple(values), False, why, why_en, said=said)


def _share(ln: _Line, part: TableValue) -> TableValue | None:
    """The line's amount as a share of its table's 合计 line in the same column (in %): what "一般公共服务支出（类）264.87万元，
    占86.05%" restates when its paragraph prints no total (the 合计 is the table's). A ratio of two cells of one table: no
    unit needed; its range is the cells' printed precision (as table_facts' 三公 shares)."""
    whole_lines = [line for line in ln.table.lines if line.level == 0]
    column = next((p for p, c in ln.line.cells if c.sheet is not None and c.place() == part.refs[0]), None)
    if len(whole_lines) != 1 or column is None:
        return None
    cell = next((c for p, c in whole_lines[0].cells if p == column), None)
    whole = to_decimal(cell.raw) if cell is not None and _figure(cell) else None
    if cell is None or cell.sheet is None or not whole or whole < 0 or part.value < 0:
        return None
    steps = (part.step, printed_step(cell.raw) or Decimal(1))
    share = part.value / whole * HUNDRED
    step, exact = (_share_width(part.value, whole, share, s / 2) for s in (max(steps), min(steps)))
    return TableValue(
        "functional",
        "share",
        share,
        "%",
        step,
        (part.refs[0], cell.located()),
        f"{part.label}占{ln.table.name}合计的比例",
        f"{fmt_decimal(part.value)} / {fmt_decimal(whole)}",
        exact_step=exact / 2 if min(steps) < max(steps) else None,
    )


def _totals_match(index: LineIndex, text: str, fact: Fact, scope: str) -> LineMatch | None:
    """A 收支总表 line the figure's own words name exactly ("其中：财政拨款收入18,976.76万元" — "一、财政拨款收入"), of the money
    they name: the table's (a 财政拨款收支总表), else the line's own name's ("财政拨款收入" in the department's 收支总表) — a
    "一般公共服务支出" of the 一般公共预算 is no line of the department's whole."""
    before = _around(fact)[0]
    m = _TRAILING_NAME.search(before)
    if m is None:
        return None
    name = _key(_NAME_TAIL.sub("", _NAME_HEAD.sub("", m.group())))
    found = [
        ln
        for ln in index.totals
        if fact.role in _roles(ln.stage) and _key(ln.line.name) == name and (ln.scope or scope_of(name)) == scope
    ]
    values = []
    for ln in found:
        current = _current(ln.line.cells)
        if len(current) != 1 or not _figure(current[0][1]):
            return None
        values.append(_value(ln.table, ln.line, current[0][0], current[0][1], "totals", ln.stage))
    if not values or len({(v.value, v.unit) for v in values}) != 1:
        return None
    return LineMatch((values[0],), True)


def line_match(index: LineIndex, text: str, fact: Fact, heading: str = "") -> LineMatch | None:
    """The table line a narrative money figure names (see the module's doc), or None: by the 类/款/项 names before it in
    its clause — or, a figure whose words name nothing ("全年预算为52.00万元，支出决算为51.32万元"), by the path its
    paragraph opens with — else by a 收支总表 line's exact name."""
    if not fact.quantity.is_money or fact.role not in ("value", "final", "budget"):
        return None
    scope = fact_scope(text, fact, heading)
    before = _around(fact)[0]
    path = _path_in(before)
    opening = path is None and _BARE.fullmatch(before) is not None
    if opening:
        path = _paragraph_path(text)
    if path is not None:
        found = _functional_match(index, fact, path, scope) if index.functional else None
        return dataclasses.replace(found, opening=True) if found is not None and opening else found
    return _totals_match(index, text, fact, scope) if index.totals else None


#: A figure's own name that is the 财政拨款 as a whole, of this year ("其中：财政拨款收入", "本年财政拨款支出决算数"): no
#: kind of 财政拨款 named (一般公共预算 …), no 合计/总计 (a 总计 holds the 结转), no other year.
_APPROPRIATION_NAME = lazy_compile(
    r"^(?:本年度?|当年度?|年度|全年)?财政拨款(?P<side>收入|支出)(?:决算数?|预算数?|数|金额|为|是|达|共计)*$"
)
#: A 收支总表 line of one kind of 财政拨款: "一般公共预算财政拨款收入", "政府性基金预算财政拨款", "国有资本经营预算拨款收入".
_KIND_LINE = lazy_compile(
    r"^(?P<kind>一般公共预算|政府性基金预算?|国有资本经营预算?)(?:财政)?拨款(?:资金)?(?P<side>收入|支出)?$"
)
_KINDS = ("一般公共预算", "政府性基金", "国有资本经营")
#: A 收支总表 line of money carried from other years ("二、上年结转", "年初财政拨款结转和结余", "使用非财政拨款结余").
_CARRIED = lazy_compile(r"结转|结余")
#: Words right after a figure listing what it holds, the carried money among it ("，其中：本年收入…，上年结转…",
#: "（含上年结转…）", "，包括上年结转…").
_HOLDS_CARRIED = lazy_compile(r"[\s，,：:（(]*(?:其中|含|包括)[^。；;]*?(?:结转|结余)")


def appropriation_sum(
    index: LineIndex, text: str, fact: Fact, heading: str = "", *, with_carried: bool = False
) -> TableValue | None:
    """The 财政拨款 a figure names as a whole ("其中：财政拨款收入20323.21万元") as the 收支总表 prints it: its three lines
    一般公共预算 + 政府性基金预算 + 国有资本经营预算 财政拨款收入 (支出) summed — a line printed blank is 0; a line the table
    lacks (or prints as no figure) leaves the sum unknown (None). Only a table of the department's money or of all its
    财政拨款, of the figure's stage, whose three lines on the figure's side are printed once each; two such tables
    summing differently: None. Nor when the figure's words, its sentence before it or the heading above its paragraph
    name one kind of 财政拨款 ("一般公共预算财政拨款收入" is one line, never the three), or the table prints a line of the
    figure's own name (that line is `line_match`'s). The sum's step is its printed figures' steps added (each may be
    rounded): a figure within it is quiet. `with_carried`: the 收入 side's three lines and the 结转/结余 lines printed
    below them ("年初结转和结余", "二、上年结转") — the whole a loose "财政拨款收入" may mean (review20a); None when no
    such line prints a figure."""
    if not fact.quantity.is_money or fact.role not in ("value", "final", "budget"):
        return None
    m = _TRAILING_NAME.search(_around(fact)[0])
    name = _NAME_HEAD.sub("", m.group()) if m is not None else ""
    own = _APPROPRIATION_NAME.fullmatch(name)
    if own is None or scope_of(_before_figure(text, fact)) != "财政拨款" or scope_of(heading) not in ("", "财政拨款"):
        return None
    if _HOLDS_CARRIED.match(_after_figure(text, fact)):
        # "财政拨款收入20500万元，其中：本年收入20323.21万元，上年结转176.79万元" / "（含上年结转…）": its words count the
        # carried money in — not the three lines of this year's (review20a: an N01 错误 on such a total)
        return None
    side = own.group("side")
    found: list[TableValue] = []
    tables = {id(ln.table): ln for ln in index.totals if fact.role in _roles(ln.stage)}
    for table, stage in ((ln.table, ln.stage) for ln in tables.values()):
        if scope_of(table.name) not in ("", "财政拨款"):
            continue
        side_lines = [ln for ln in table.lines if ln.side == side]
        if any(ln.level >= 4 and _key(ln.name) == _key(f"财政拨款{side}") for ln in side_lines):
            return None
        # a kind line below a 结转/结余 line of its side ("二、上年结转" → "（一）一般公共预算拨款") is the carried money's,
        # never this year's (review20a: an N01 错误 "…三行之和为 20万元" on the 上年结转's three lines)
        carried = next((i for i, ln in enumerate(side_lines) if _CARRIED.search(ln.name)), len(side_lines))
        lines = [ln for ln in side_lines[:carried] if ln.level >= 4]
        kinds: dict[str, list[SumLine]] = {}
        for ln in lines:
            km = _KIND_LINE.fullmatch(_key(ln.name))
            if km is not None and km.group("side") in (None, side):
                kinds.setdefault(next(k for k in _KINDS if km.group("kind").startswith(k)), []).append(ln)
        if len(kinds) != len(_KINDS) or any(len(v) != 1 for v in kinds.values()):
            continue
        parts: list[tuple[SumLine, CellValue]] = []
        for kind in _KINDS:
            current = _current(kinds[kind][0].cells)
            if len(current) != 1 or current[0][1].sheet is None:
                break
            cell = current[0][1]
            if not cell.is_blank and not _figure(cell):
                break
            parts.append((kinds[kind][0], cell))
        else:
            if with_carried:  # the 结转/结余 lines below the three, each printing one figure (not 0)
                columns = [(ln, _current(ln.cells)) for ln in side_lines[carried:] if _CARRIED.search(ln.name)]
                carried_in = [(ln, c[0][1]) for ln, c in columns if len(c) == 1 and _figure(c[0][1])]
                carried_in = [(ln, c) for ln, c in carried_in if to_decimal(c.raw)]
                if side != "收入" or not carried_in:
                    continue
                parts += carried_in
            figures = [(ln, c) for ln, c in parts if not c.is_blank]
            if not figures:
                continue
            total = sum((to_decimal(c.raw) or Decimal(0) for _, c in figures), Decimal(0))
            step = sum((printed_step(c.raw) or Decimal(1) for _, c in figures), Decimal(0))
            said = "".join(f"“{ln.name}”" for ln, _ in parts)
            formula = " + ".join(c.text if not c.is_blank else "0（空白）" for _, c in parts)
            refs = tuple(c.located() for _, c in figures if c.sheet is not None)
            refs += tuple(c.located() for _, c in parts if c.is_blank and c.sheet is not None)
            found.append(
                TableValue(
                    f"appropriation_{'income' if side == '收入' else 'expense'}",
                    stage,
                    total,
                    table.unit,
                    step,
                    refs,
                    f"{table.name}{said}{'各行' if with_carried else '三行'}之和",
                    formula,
                    guess="" if table.unit else _NO_UNIT.format(table=table.name),
                )
            )
    if not found or len({(v.value, v.unit) for v in found}) != 1:
        return None
    return found[0]
