"""The real table kinds a 部门预算/决算 publication prints that perfxl did not read (issues 11 and 12, session 17,
unread17): a 功能分类表 (功能分类科目编码 类/款/项 │ 科目名称 │ 合计 │ 基本支出 │ 项目支出), a 收支总表 (收入 │ 金额 │ 支出 │
金额) and a 三公 table whose cells and caption never say 预算 or 决算. Each is now read for its own sums
(perfxl.layout.sum_tables, `Submission.sum_tables`) and held to them by B18 (perfxl.rules.table_sums).

The tables are the stored real reports' (tests/realworld/reports: 上海普陀 万里街道 2025 预算, 社会工作部 2024 决算, 商务委
2025 预算, 广东 市直 2019 三公 预算), read as Word tables are (a Grid per table, its merges kept). Tests named "failed
before" failed on main: the tables were "LAYOUT_SHEET_IGNORED", nothing in them was checked.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from report_helpers import report_fixture

from perfxl.grid import Grid
from perfxl.model import Finding, Submission
from perfxl.reader import read_grids
from perfxl.validate import validate_submission

REPORTS = Path(__file__).resolve().parent / "realworld" / "reports"


_fixture = report_fixture


WANLI = _fixture("shanghai-putuo-wanli-yusuan-2025")
SHEHUI = _fixture("shanghai-putuo-shehuigongzuobu-juesuan-2024")
SHANGWU = _fixture("shanghai-putuo-shangwuwei-yusuan-2025")
GUANGDONG = _fixture("guangdong-shizhi-xingzhengjingfei-sangong-yusuan-2019")


def _col(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def _ref(cell: str) -> tuple[int, int]:
    letters = "".join(ch for ch in cell if ch.isalpha())
    return int(cell[len(letters) :]) - 1, _col(letters)


def _grid(fixture: dict, n: int, changes: dict[str, str] | None = None) -> Grid:
    """Table n of a report fixture as its Word table reads (named 表n+1, its merges kept), with `changes` (A1 → text)."""
    table = fixture["tables"][n]
    rows = [list(r) for r in table["rows"]]
    for cell, text in (changes or {}).items():
        r, c = _ref(cell)
        rows[r][c] = text
    merged = []
    for ref in table.get("merges", []):
        a, b = ref.split(":")
        merged.append((*_ref(a), *_ref(b)))
    return Grid(f"表{n + 1}", rows, tuple(merged))


def _check(*grids: Grid) -> tuple[Submission, list[Finding]]:
    sub = read_grids(list(grids), "report.docx", source_format="docx")
    return sub, validate_submission(sub)


def _b18(findings: list[Finding]) -> list[tuple[str, str, str]]:
    return [(f.cell or "", f.severity.value, f.message) for f in findings if f.code == "B18"]


def test_the_functional_table_of_wanli_2025_is_read_and_its_kuan_one_yuan_over_is_found():
    """Failed before: the 一般公共预算支出功能分类预算表 (类 │ 款 │ 项 codes over 合计 │ 基本支出 │ 项目支出) was not read. Its
    款 212 01 城乡社区管理事务 prints 合计 94,995,790 where 基本 77,381,546 + 项目 17,614,243 and its four 项 make
    94,995,789: one 错误 at E53 naming both figures and their cells — and none at the 类 212 (E52), whose 154,369,326
    agrees with the 款 as its own parts make it (the 1 元 is the 款's), nor at the 合计 line."""
    sub, findings = _check(_grid(WANLI, 1))
    assert [t.kind for t in sub.sum_tables] == ["functional"]
    found = _b18(findings)
    assert [(cell, severity) for cell, severity, _ in found] == [("E53", "error")]
    message = found[0][2]
    assert "94,995,790（E53）" in message and "94,995,789" in message
    assert "F53 77,381,546 + G53 17,614,243" in message and "其下各项之和" in message
    assert sub.coverage.sheets[0].kind == "functional" and "类 = 其下各款之和" in sub.coverage.sheets[0].note_zh


@pytest.mark.parametrize("fixture", [WANLI, SHEHUI, SHANGWU], ids=["wanli", "shehui", "shangwu"])
def test_the_real_summary_and_functional_tables_that_agree_are_quiet(fixture):
    """Failed before (no table read): each stored 收支总表 and 功能分类表 that adds up is read and stays quiet —
    万里 2025's 收支总表 (收入总计 = 四行, 支出总计 = 九类), 社会工作部 2024's 决算 总表 (总计 = 本年合计 + 结余 lines) and its
    7-digit-code 功能分类表, 商务委 2025's tables (blank 基本支出 cells standing for none)."""
    grids = [_grid(fixture, 0), _grid(fixture, 1)]
    if fixture is WANLI:
        grids = grids[:1]
    sub, findings = _check(*grids)
    assert {t.kind for t in sub.sum_tables} == ({"totals"} if fixture is WANLI else {"totals", "functional"})
    assert all(t.sums for t in sub.sum_tables)
    assert _b18(findings) == []
    assert not [f for f in findings if f.severity.value == "error"]


def test_a_summary_tables_line_off_its_total_is_found_at_the_total():
    """万里 2025's 收支总表 with 八、城乡社区支出 made 1 元 more: 支出总计 189,767,551 is no longer the sum of the nine
    lines (189,767,552) — an 错误 at D12; its 收入总计 = 支出总计 still holds."""
    _, findings = _check(_grid(WANLI, 0, {"D10": "154,369,327"}))
    found = _b18(findings)
    assert [(cell, severity) for cell, severity, _ in found] == [("D12", "error")]
    assert "189,767,552" in found[0][2]


def test_the_two_totals_of_a_summary_table_are_held_equal():
    """收入总计 ≠ 支出总计 (both halves' lines agreeing with their own totals) is certain: a 收支总表 balances."""
    changes = {"B3": "189,767,552", "B4": "189,767,552", "B12": "189,767,552"}
    _, findings = _check(_grid(WANLI, 0, changes))
    found = _b18(findings)
    assert [(cell, severity) for cell, severity, _ in found] == [("D12", "error")]
    assert "收入总计（B12）" in found[0][2]


def test_a_final_summary_tables_total_is_its_year_total_and_the_lines_between():
    """社会工作部 2024's 收入支出决算总表: 总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余. With 年初结转和结余 made
    1.00 the 总计 307.82 misses 308.82 (and 收入总计 = 支出总计 still holds at 307.82): an 错误 at B32."""
    _, findings = _check(_grid(SHEHUI, 0, {"B31": "1.00"}))
    assert [(cell, severity) for cell, severity, _ in _b18(findings)] == [("B32", "error")]


def test_a_seven_digit_code_tables_item_off_its_parts_is_found_once():
    """社会工作部 2024's 功能分类表 (one column of 3/5/7-digit codes) with 2013901 行政运行's 合计 made 51.42: the line's
    合计 misses 基本 51.32 + 项目 (blank) — found at E5 (a 警告: the blank 项目支出 may hold the 0.10) — and its 款 20139's
    264.87 is not flagged again (it agrees with the 项 as their own parts make them)."""
    _, findings = _check(_grid(SHEHUI, 1, {"C5": "51.42"}))
    found = _b18(findings)
    assert [(cell, severity) for cell, severity, _ in found] == [("C5", "warning")]


def test_a_three_public_table_stating_no_stage_is_read_for_its_sums_only():
    """Failed before: the 广东 市直 2019 table (行政经费 / “三公”经费 / 其中 items, columns 合计 │ 一般公共预算 │ 政府性基金 │
    国有资本经营) says 预算 or 决算 nowhere, so it was not read at all. Its sums hold whatever the stage: 29.00 = 0.00 +
    28.00 + 1.00, 28.00 = 0.00 + 28.00, in each column — read and quiet; 29.00 made 30.00 is an 错误 at B3. The coverage
    says the stage could not be decided; no figure of it is held to the narrative (no 预算/决算 to pair by)."""
    sub, findings = _check(_grid(GUANGDONG, 0))
    assert [t.kind for t in sub.sum_tables] == ["three_public_sums"] and sub.basic is None
    # 8 sums down the columns, and 6 across (each line's 合計 = its three sources — held-out batch 30's source sums)
    assert len(sub.sum_tables[0].sums) == 14 and _b18(findings) == []
    assert "未注明是预算数还是决算数" in sub.coverage.sheets[0].note_zh
    _, findings = _check(_grid(GUANGDONG, 0, {"B3": "30.00"}))
    assert [(cell, severity) for cell, severity, _ in _b18(findings)] == [("B3", "error")]


def test_a_half_mixing_numbered_and_unnumbered_lines_states_no_sum():
    """Numbered lines (一、…) beside an unnumbered one above a total: which are the top lines the numbering does not say
    (an unnumbered line may be a part of the line above it) — no sum is held, nothing is flagged."""
    table = _grid(WANLI, 0)
    rows = [list(r) for r in table.rows]
    rows[3][2] = "公共安全支出"  # C4's line without its number …
    rows[3][3] = "2,878,026"  # … and 1 元 more: were the lines held to 支出总计, D12 would be off by 1
    _, findings = _check(Grid("表1", rows, table.merged))
    assert not [f for f in _b18(findings) if f[0] == "D12"]


def test_a_table_with_no_codes_and_no_indentation_is_read_for_its_row_sums_only():
    """No 科目编码 and every name flush left: which line stands under which nothing says — no 类/款/项 sum and no 合计
    line's sum is read (all lines added up would be a false 警告), only each line's 合计 = 基本 + 项目 (the 款's 1 元 over,
    an 错误 at B53)."""
    rows = [list(r) for r in WANLI["tables"][1]["rows"]]
    rows = [[*r[3:]] for r in rows]
    sub, findings = _check(Grid("表1", rows, ()))
    assert [t.kind for t in sub.sum_tables] == ["functional"]
    assert all(s.what == "基本支出 + 项目支出" for s in sub.sum_tables[0].sums)
    assert [(cell, severity) for cell, severity, _ in _b18(findings)] == [("B53", "error")]


def _indented_wanli(changes: dict[tuple[int, int], str] | None = None) -> Grid:
    """万里 2025's 功能分类表 as a table without codes: 科目名称 │ 合计 │ 基本支出 │ 项目支出, each 款 indented by one
    full-width space and each 项 by two (the codes dropped, as a publication printing names only would)."""
    rows = [["科目名称", "合计", "基本支出", "项目支出"]]
    for row in WANLI["tables"][1]["rows"][3:]:
        level = sum(1 for part in row[:3] if part)
        rows.append(["\u3000" * (level - 1) + row[3] if level else row[3], *row[4:]])
    for (r, c), text in (changes or {}).items():
        rows[r][c] = text
    return Grid("表1", rows, ())


def test_a_functional_table_without_codes_is_read_by_its_indentation_as_a_guess():
    """No 科目编码: each line's 合计 = 基本支出 + 项目支出 stands on the columns (certain: 城乡社区管理事务's 1 元 over is an
    错误 at B51), while the 类/款/项 sums rest on the names' indentation — a 警告 at most, saying so."""
    sub, findings = _check(_indented_wanli())
    assert [t.kind for t in sub.sum_tables] == ["functional"]
    assert [(cell, severity) for cell, severity, _ in _b18(findings)] == [("B51", "error")]
    wrong = _indented_wanli({(1, 1): "3,296,601"})  # the 类 一般公共服务支出 1 元 over its 款 — and over 基本 + 项目
    found = {cell: (severity, message) for cell, severity, message in _b18(_check(wrong)[1])}
    assert found["B2"][0] == "error"  # by its row: 3,296,601 ≠ 0 + 3,296,600
    only_by_indent = _indented_wanli({(1, 1): "3,296,601", (1, 3): "3,296,601"})  # row agrees, its 款 do not
    found = {cell: (severity, message) for cell, severity, message in _b18(_check(only_by_indent)[1])}
    assert found["B2"][0] == "warning"
    basis = next(f.basis for f in _check(only_by_indent)[1] if f.code == "B18" and f.cell == "B2")
    assert "缩进" in basis


def test_codes_printed_only_in_their_own_column_and_the_total_line_first():
    """万里 2025's 功能分类表 as many 决算 tables print it: the 合计 line first under the header, each line's code only in
    its own column (a 款 line "│ 01 │", a 项 line "│ │ 01"): the 类 and 款 are taken from the lines above — the one 错误
    stays the 款's (now E54), the 合计 line (E4) agrees with the 类."""
    table = WANLI["tables"][1]
    rows = [list(r) for r in table["rows"]]
    body, total = rows[3:-1], rows[-1]
    for row in body:
        level = sum(1 for part in row[:3] if part)
        for i in range(level - 1):
            row[i] = ""
    grid = Grid("表2", [*rows[:3], total, *body], _grid(WANLI, 1).merged)
    sub, findings = _check(grid)
    assert [(cell, severity) for cell, severity, _ in _b18(findings)] == [("E54", "error")]
    sums = sub.sum_tables[0].sums
    assert any(s.total.place() is not None and s.total.place().cell == "E4" and s.what == "各类之和" for s in sums)


def test_a_difference_within_the_rounding_of_the_printed_lines_is_a_warning():
    """商务委 2025's 收支总表 with 一、一般公共服务支出 made 0.03 more: seven lines printed to the fen may round by up to
    0.035 together, so 支出总计 off by 0.03 is for a person to judge — a 警告 at D10 (was an X01 crash: the rounding
    finding's fields named "cell" twice)."""
    _, findings = _check(_grid(SHANGWU, 0, {"D3": "21,601,733.03"}))
    assert not [f for f in findings if f.code == "X01"]
    assert [(cell, severity) for cell, severity, _ in _b18(findings)] == [("D10", "warning")]


def test_a_functional_table_with_two_groups_and_a_rate_column():
    """A 决算 layout: 年初预算数 and 决算数 each over 合计 │ 基本支出 │ 项目支出, then 决算数为预算数的% (社会工作部 2024's lines,
    its 预算 made up as the 决算 plus 10%). Each group's 合计 = its own 基本 + 项目; the rate column is no amount (its
    figures do not add up: no sum over it); a 决算 合计 off its 项 is found in its group's column, named with the group."""
    head = [
        ["科目编码", "科目名称", "年初预算数", "", "", "决算数", "", "", "决算数为预算数的%"],
        ["", "", "合计", "基本支出", "项目支出", "合计", "基本支出", "项目支出", ""],
    ]
    body = []
    for row in SHEHUI["tables"][1]["rows"][2:]:
        final = [Decimal(x) if x else Decimal(0) for x in row[2:5]]
        budget = [(x * Decimal("1.1")).quantize(Decimal("0.01")) for x in final]
        budget[0] = budget[1] + budget[2]
        rate = f"{final[0] / budget[0] * 100:.2f}" if budget[0] else ""
        body.append([row[0], row[1], *(str(x) for x in budget), *row[2:5], rate])
    merged = ((0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 4), (0, 5, 0, 7), (0, 8, 1, 8))
    sub, findings = _check(Grid("表1", head + body, merged))
    assert [t.kind for t in sub.sum_tables] == ["functional"]
    sums = sub.sum_tables[0].sums
    assert not [s for s in sums if s.total.place() is not None and s.total.place().cell.startswith("I")]
    assert _b18(findings) == []
    body[2][5] = "51.92"  # 2013901 行政运行's 决算 合计 0.60 over its 基本 51.32 + 项目 (blank) and within its 款
    _, findings = _check(Grid("表1", head + body, merged))
    found = _b18(findings)
    assert [(cell, severity) for cell, severity, _ in found] == [("F5", "warning")]
    assert "决算数合计" in found[0][2]


CAIZHENGJU = _fixture("shanghai-putuo-caizhengju-juesuan-2024")


def test_a_revenue_tables_line_is_the_sum_of_its_sources():
    """财政局 2024 决算's 收入决算表 (blind batch of this session: quiet as the hand check): each line's 本年收入合计 = 财政拨款收入
    + 上级补助收入 + … + 其他收入 (1,511.90 = 1,511.89 + 0.01), its 支出决算表's 本年支出合计 = 基本 + 项目 + 上缴上级 + 经营 +
    对附属单位补助. 行政运行's 其他收入 made 0.06: its line's 合计 1,511.90 is below 1,511.95 and the 款's 其他收入 6.20 below
    0.06 + 6.19 — both sums point to K7, the one figure that makes both hold as 0.01: one 错误 there, none at E7 or K6
    (上海普陀 司法局 2026 单位预算's 行政运行 项目支出, real reports 21, is found the same way at G6)."""
    sub, findings = _check(*(_grid(CAIZHENGJU, n) for n in range(4)))
    assert [t.kind for t in sub.sum_tables] == ["totals", "functional", "functional", "functional"]
    row_sums = [s for s in sub.sum_tables[2].sums if s.what.startswith("财政拨款收入 + 上级补助收入")]
    assert len(row_sums) == 20 and _b18(findings) == []
    assert any(s.what.startswith("基本支出 + 项目支出 + 上缴上级支出") for s in sub.sum_tables[3].sums)
    _, findings = _check(_grid(CAIZHENGJU, 2, {"K7": "0.06"}))
    found = _b18(findings)
    assert [(cell, severity) for cell, severity, _ in found] == [("K7", "error")]
    assert "0.01" in found[0][2] and "E7" in found[0][2] and "K6" in found[0][2]


def test_the_shapes_a_pdfs_tables_take():
    """财政局 2024 决算 read from its PDF (perfxl.document's PDF tables): the 收入决算表's header's 类 │ 款 │ 项 row is glued to
    the 合计 line printed first ("类 │ 款 │ 项 │ 合计 │ 2,946.25 …", the 科目编码 label filled over the three code columns),
    and the 收支总表's 本年收入合计 to the line after it ("本年收入合计使用非财政拨款结余（含专用结余）"). Failed before (this
    session's first reading): neither table was read. Now both are, quiet; 合计 made 2,946.35 is an 错误 at E4."""
    rows = [list(r) for r in CAIZHENGJU["tables"][2]["rows"]]
    head = [rows[0], ["支出功能分类", "", "", "科目名称", *[""] * 7], ["科目编码", "科目编码", "科目编码", *[""] * 8]]
    glued = ["类", "款", "项", *rows[3][3:]]
    merged = ((0, 0, 0, 3), *((0, c, 2, c) for c in range(4, 11)))
    income = Grid("表1", [*head, glued, *rows[4:]], merged)
    summary = [list(r) for r in CAIZHENGJU["tables"][0]["rows"]]
    summary[28:30] = [["本年收入合计使用非财政拨款结余（含专用结余）", "2,946.25", "本年支出合计结余分配", "2,940.05"]]
    sub, findings = _check(income, Grid("表2", summary, ((0, 0, 0, 1), (0, 2, 0, 3))))
    assert [t.kind for t in sub.sum_tables] == ["functional", "totals"] and _b18(findings) == []
    assert any(s.what == "本年合计加其间各行" for s in sub.sum_tables[1].sums)
    glued[4] = "2,946.35"
    _, findings = _check(Grid("表1", [*head, glued, *rows[4:]], merged))
    assert [(cell, severity) for cell, severity, _ in _b18(findings)] == [("E4", "error")]


def test_a_total_line_merged_across_the_code_and_name_columns():
    """The PDF's 一般公共预算财政拨款支出决算表 prints "合计" merged over 类 │ 款 │ 项 │ 科目名称 (its name column's own cell
    continues the merge): the line is the 合计, held to the 类 (was a line of figures without a name: no 类/款/项 sum read)."""
    rows = [list(r) for r in CAIZHENGJU["tables"][1]["rows"]]
    rows[-1] = ["合计", "", "", "", *rows[-1][4:]]
    n = len(rows) - 1
    grid = Grid("表1", rows, (*_grid(CAIZHENGJU, 1).merged, (n, 0, n, 3)))
    sub, findings = _check(grid)
    assert any(s.what == "各类之和" for s in sub.sum_tables[0].sums) and _b18(findings) == []
