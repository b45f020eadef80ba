"""What a 三公 table prints of the money it is of, and what a sentence names (scope20, issues 11/12).

Two readings a narrative figure is held to a 三公 table on (perfxl.document.crosscheck):

- **Its scope.** A table's caption and 编制单位 line print whose money it is: "2026年部门“三公”经费…预算表" (the
  department's), "2026年单位“三公”经费…预算表" / "编制单位：…街道办事处（本级）" (one unit's own), "…（汇总）" (the
  department's, its units summed), "2021年区本级“三公”经费预算支出表" (the district's own level), "2020年度全区“三公”经费
  决算情况" (the whole district). A sentence names one the same way ("本部门2026年“三公”经费预算数为20.53万元", "本单位…",
  "全区…", "区本级…"). `table_scope` / `said_scope` read them into one of `SCOPES`; "" when none (or several that
  disagree) is printed.
- **Its 预算 column's stage.** A 决算 table's 预算数 may be the 年初 budget or the 全年 (adjusted) one — the 财政部 决算
  template's note says "预算数为全年预算数，包括当年年初预算数和当年追加预算数"; many tables print neither.
  `budget_stage` reads "initial" (年初) or "full" (全年 / 调整 / 追加) from a header, caption or note, "" when neither
  or both; `said_stage` the same from a sentence's words before its figure ("年初预算为…", "完成年初预算的…").

Only words printed are read: no scope from a name's likeness, no stage from the kind of publication.
"""

from __future__ import annotations

from .patterns import lazy_compile

__all__ = ["SCOPES", "budget_stage", "said_scope", "said_scopes", "said_stage", "stage_reason", "table_scope"]

#: The scopes read: the department's whole (its units summed), one unit's own (本级 / 本单位), a region's own level
#: (区本级 / 市本级 …), a whole region (全区 / 全市 …), a system (本系统 / 系统合计: never printed over a table), a
#: department's subordinate units alone ("下属单位…", review20d).
SCOPES = ("department", "own", "region_own", "region", "system", "subordinate")

_REGIONS = "省|市|州|盟|县|区|旗|镇|乡"
#: A region's own level ("区本级", "市本级", "县级本级" is no wording met): before the bare 本级.
_REGION_OWN = lazy_compile(rf"(?:{_REGIONS})本级")
#: A whole region ("全区", "全市"); "全区域" / "全年" / "全部" are no scope.
_REGION = lazy_compile(rf"全(?:{_REGIONS})(?![域])")
#: One unit's own money ("（本级）", "本级", "本单位").
_OWN = lazy_compile(r"本级|本单位")
#: The department's whole: "部门" (not the label "编制部门：", a 部门决算/预算 publication's name is read the same: the
#: department's), "（汇总）".
_DEPARTMENT = lazy_compile(r"部门|[（(]汇总[)）]")
_SYSTEM = lazy_compile(r"本系统|系统合计|全系统")
#: A unit's subordinate units ("所属单位", "下属事业单位", review20d): named beside the unit ("本单位及所属单位",
#: "本部门（含本级及下属单位）", `_WITH_SUBORDINATE`) the words name the whole they make up, the department's (its units
#: summed); named alone ("下属单位…", "本部门下属事业单位…") only that part — the "subordinate" scope, no table's.
_SUBORDINATE = lazy_compile(r"所属|下属|二级单位|基层单位")
_WITH_SUBORDINATE = lazy_compile(r"(?:及|和|与|、|含|包括)(?:本级)?(?:所属|下属|二级单位|基层单位)")
#: Labels naming no scope: who compiled the table, the unit of money ("单位：万元"), a unit's name ("单位名称：").
_LABELS = lazy_compile(r"编制(?:部门|单位)\s*[：:]|单位(?:名称)?\s*[：:]\s*(?:万?元)?")
#: A caption line of a 三公 table, the lines a table's scope is read from ("…“三公”经费…表", "…三公经费决算情况").
_CAPTION = lazy_compile(r"三公")
#: A unit's table: "2026年单位“三公”经费…" — 单位 right before the table's subject (after a year or at the start).
_UNIT_TABLE = lazy_compile(r"(?:^|年度?|\s)单位(?=[“\"]?三公|预算|决算)")


def _scopes_of(text: str) -> set[str]:
    """The scopes `text` names (its labels left out)."""
    text = _LABELS.sub(" ", text)
    found: set[str] = set()
    if _REGION_OWN.search(text):
        found.add("region_own")
        text = _REGION_OWN.sub(" ", text)
    if _REGION.search(text):
        found.add("region")
    if _SYSTEM.search(text):
        found.add("system")
        text = _SYSTEM.sub(" ", text)
    if _OWN.search(text):
        found.add("own")
    if _DEPARTMENT.search(text):
        found.add("department")
    if _SUBORDINATE.search(text):
        # "本级及所属单位": the own level is one part of the whole named; "本部门下属事业单位": the department's part
        found -= {"own", "department"}
        found.add("department" if _WITH_SUBORDINATE.search(text) else "subordinate")
    return found


def table_scope(lines: str) -> str:
    """The one scope a 三公 table's caption lines print (`lines`: its caption and 编制单位 lines, a line each): read from
    a line naming 三公 (its caption) or a 编制单位 / 编制部门 line ("编制单位：XX局（本级）", "…（汇总）"). "" when none
    is printed or the lines print two ("部门…表" over "编制单位：…（本级）": which one is no printed fact)."""
    found: set[str] = set()
    for line in lines.splitlines():
        line = line.strip()
        if line.startswith("编制"):
            # "编制部门：上海市普陀区商务委员会": the label says who compiled it; only a bracketed scope after the name
            # ("（本级）", "（汇总）") says whose money it is
            name = _LABELS.sub(" ", line)
            found |= (
                {s for s in _scopes_of(name) if s in ("own", "department")} if "（" in name or "(" in name else set()
            )
        elif _CAPTION.search(line):
            found |= _scopes_of(line)
            if _UNIT_TABLE.search(line):
                found.add("own")
    return found.pop() if len(found) == 1 else ""


def said_scopes(words: str) -> frozenset[str]:
    """Every scope a sentence's words before a figure name: one ("本部门…" → department), none, or several ("部门本级…"
    names the department and an own level: which one the figure is of is a reading, review20d)."""
    return frozenset(_scopes_of(words))


def said_scope(words: str) -> str:
    """The one scope a sentence's words before a figure name ("本部门2026年“三公”经费预算数为", "全区“三公”经费…",
    "本单位…", "部门合计", "本单位及所属单位" → the department's); "" when none or two (`said_scopes` tells which).
    "其中本级1.53万元" reads "own": the caller tells a part from the whole."""
    found = said_scopes(words)
    return next(iter(found)) if len(found) == 1 else ""


#: A budget printed as the year's first one.
_INITIAL = lazy_compile(r"年初")
#: A budget printed as the whole year's, adjusted ("全年预算数", "调整后预算", "调整预算", "追加").
_FULL = lazy_compile(r"全年预算|调整|追加")


def budget_stage(text: str) -> str:
    """The stage `text` (a 预算 column's header, a table's caption, its note) prints of its 预算 figures: "initial"
    (年初), "full" (全年 / 调整 / 追加: "预算数为全年预算数，包括当年年初预算数和当年追加预算数" names 年初 as a part, so
    a text naming both reads "full" only when 全年预算 is what it says the 预算数 is), "" when neither."""
    full, initial = bool(_FULL.search(text)), bool(_INITIAL.search(text))
    if full and (not initial or "预算数为全年" in text.replace("“三公”经费", "")):
        return "full"
    return "initial" if initial and not full else ""


#: A sentence's budget stage right before its figure ("年初预算为", "完成年初预算的", "调整后预算数").
_SAID_INITIAL = lazy_compile(r"年初预算")
_SAID_FULL = lazy_compile(r"全年预算|调整后?的?预算|追加后?的?预算")


def said_stage(words: str) -> str:
    """The budget stage a sentence's words before a figure name: "initial" ("年初预算为22.00万元", "完成年初预算的"),
    "full" ("全年预算", "调整后预算", "完成调整预算的"), "" when neither or both."""
    initial, full = bool(_SAID_INITIAL.search(words)), bool(_SAID_FULL.search(words))
    return "initial" if initial and not full else "full" if full and not initial else ""


_STAGE_ZH = {"initial": "年初预算", "full": "全年（调整后）预算"}


def stage_reason(said: str, printed: str) -> tuple[str, str] | None:
    """Why a budget the words name at one stage (`said_stage`) held to a 决算 table's 预算 column printed at another or
    at none (`budget_stage`) is a reading: (zh, en), both readings named; None when they are one."""
    if not said or said == printed:
        return None
    column = f"印为{_STAGE_ZH[printed]}" if printed else "未印明是年初预算还是全年（调整后）预算"
    return (
        f"文字写{_STAGE_ZH[said]}，而表中预算数{column}（决算表的预算数可能是含年中追加的全年预算数），按表中预算数比较，"
        "系推测",
        f"the words name the {said} budget, the table's 预算 column "
        + (f"prints the {printed} one" if printed else "prints no stage (a 决算 table's may be the full-year one)"),
    )
