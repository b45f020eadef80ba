"""Test helper: the seed report's 自评表 and 基础数据表 laid out as Grids in several real-world shapes.

The numbers and texts are transcribed from the seed report's published tables (as in
tests/fixtures/seed_tables.txt), independently of perfxl.workbook, so reader tests check the reader
against the source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal as D
from typing import Any

from perfxl.grid import Grid

OUT, BEN, SAT = "产出指标(55分)", "效益指标（35分）", "满意度指标（10分）"

#: (一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分, 偏差原因) as published; None rows are blank,
#: "……" rows are placeholders, the 可持续影响指标 row is empty.
SEED_ROWS: list[tuple[Any, ...]] = [
    (OUT, "数量指标", "新进规模企业", "12家", "20家", 10, 10, None),
    (OUT, "数量指标", "新增高新技术企业", "10家", "13家", 10, 10, None),
    (OUT, "质量指标", "完成规模工业总产值", "240亿元", "246亿元", 10, 10, None),
    (OUT, "质量指标", "规模工业增加值", "63亿元", "65亿元", 10, 10, None),
    (OUT, "时效指标", "完成时间", "2023年底", "2023年底", 5, 5, None),
    (OUT, "成本指标", "规模工业奖励", "4万元/家", "4万元/家", 10, 10, None),
    (OUT, "成本指标", "……", None, None, None, None, None),
    (BEN, "经济效益指标", "企业研发占总产值比1.6%，", "增长2%", "增长2%", 10, 10, None),
    (BEN, "经济效益指标", "……", None, None, None, None, None),
    (BEN, "社会效益指标", "规模工业总产值", "增长12%", "11.8%", 10, 9, "疫情影响企业生产放缓。"),
    (BEN, "社会效益指标", None, None, None, None, None, None),
    (BEN, "生态效益指标", "万元生产总值能耗降低率", "1%", "1%", 5, 5, None),
    (BEN, "生态效益指标", "……", None, None, None, None, None),
    (BEN, "可持续影响指标", None, None, None, None, None, None),
    (SAT, "服务对象满意度指标", "群众满意度达90%", "90%", "90%", 10, 10, None),
]

#: What the reader must return for the indicators: (一级, 二级, 三级, 指标值, 完成值, 分值, 得分).
EXPECTED_INDICATORS = [
    (r[0], r[1], r[2], r[3], r[4], r[5], r[6])
    for r in SEED_ROWS
    if r[2] not in ("……", None) or r[1] == "可持续影响指标"
]

FUNDS_TOTAL = (D("2223.04"), D("2223.04"), D("2223.04"), 10, D("94.5"), 10)
BREAKDOWN = [
    ("按收入性质分；2223.04", "按支出性质分：2223.04"),
    ("  其中：  一般公共预算：2223.04", "其中：基本支出：886.12"),
    ("政府性基金拨款：", "县级专项资金：1336.92"),
    ("纳入专户管理的非税收入拨款：", None),
    ("其他资金：", None),
]
GOAL_EXPECTED = "狠抓科技、工业、信息化工作日常调度， 新规模企业12家，新增高新技术企业10家，规模工业增加值63亿元。"
GOAL_ACTUAL = "新规模企业12家，新增高新技术企业10家，规模工业增加值63亿元。"

BASIC_AMOUNTS: list[tuple[str, Any, Any, Any]] = [
    ("三公经费", 25362, 20000, 11131.84),
    (" 1、公务用车购置和维护经费", 0, 0, 0),
    ("     其中：公车购置", 0, 0, 0),
    ("       公车运行维护", 0, 0, 0),
    (" 2、出国经费", 0, 0, 0),
    (" 3、公务接待", 25362, 20000, 11131.84),
    ("县级专项资金：", 5150000, 3170000, 3170000),
    (" 1、业务工作经费", 1150000, 1170000, 1170000),
    (" 2、运行维护经费", None, None, None),
    ("3.科技工业发展资金", 4000000, 2000000, 2000000),
    (None, None, None, None),
    ("公用经费", 899763, 928572.74, 928572.74),
    ("其中：办公经费", 133561.81, 90179.18, 90179.18),
    ("  水费、电费、差旅费", "286875 ", 137500.34, 137500.34),
    ("会议费、培训费", 0, 9988, 9988),
    ("政府采购金额", 626000, 900000, 900000),
    ("部门基本支出预算调整", 8035749.4, 8035749.4, 8861213.88),
]


@dataclass
class SheetBuilder:
    """Cells and merges of one sheet, 0-based, turned into a Grid."""

    name: str
    cells: dict[tuple[int, int], Any] = field(default_factory=dict)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)

    def put(self, r: int, c: int, value: Any) -> None:
        if value is not None:
            self.cells[(r, c)] = value

    def merge(self, r0: int, c0: int, r1: int, c1: int) -> None:
        if (r0, c0) != (r1, c1):
            self.merges.append((r0, c0, r1, c1))

    def grid(self, hidden: bool = False) -> Grid:
        n_rows = max([r for r, _ in self.cells] + [m[2] for m in self.merges] + [-1]) + 1
        n_cols = max([c for _, c in self.cells] + [m[3] for m in self.merges] + [-1]) + 1
        rows = [["" for _ in range(n_cols)] for _ in range(n_rows)]
        for (r, c), v in self.cells.items():
            rows[r][c] = float(v) if isinstance(v, (int, D)) and not isinstance(v, bool) else v
        return Grid(self.name, rows, tuple(self.merges), hidden=hidden)


def table_grid(header: list[str], rows: list[list], name: str = "评分表", merges=()) -> Grid:
    """One sheet: `header` on row 1, `rows` below ("" cells left empty), merges as (r0, c0, r1, c1) 0-based."""
    sb = SheetBuilder(name)
    for c, h in enumerate(header):
        sb.put(0, c, h)
    for r, row in enumerate(rows, start=1):
        for c, v in enumerate(row):
            if v != "":
                sb.put(r, c, v)
    for m in merges:
        sb.merge(*m)
    return sb.grid()


def read_table(header: list[str], rows: list[list], name: str = "评分表", merges=()):
    """`table_grid` read by the reader, as a one-sheet workbook p.xlsx."""
    from perfxl.reader import read_grids

    return read_grids([table_grid(header, rows, name, merges)], "p.xlsx")


@dataclass(frozen=True)
class Shape:
    levels: str = "merged"  # merged | repeated | first
    split_target: bool = False
    synonyms: bool = False
    inserted_rows: bool = False  # extra blank rows and a title/unit note
    money: str = "万元"  # 万元 | 元 (funds amounts ×10000, header says （元）)
    origin: tuple[int, int] = (0, 0)


def _split(target: Any) -> tuple[Any, Any, Any]:
    """ "12家" → ("=", 12, "家"); "增长12%" stays text in 指标值; "≥" forms are kept."""
    import re

    if not isinstance(target, str):
        return None, target, None
    m = re.fullmatch(r"(≥|≤|=)?(\d+(?:\.\d+)?)(%|家|亿元|万元/家)", target)
    if not m:
        return "定性", target, None
    number = D(m.group(2))
    return m.group(1), (int(number) if number == number.to_integral() else float(number)), m.group(3)


def write_evaluation(sb: SheetBuilder, top: int, shape: Shape, title: str = "2023年度部门整体支出绩效自评表") -> int:
    """Write the seed 自评表 at row `top`; returns the next free row."""
    r0, c0 = top + shape.origin[0], shape.origin[1]
    syn = shape.synonyms
    r = r0
    width = 10 if shape.split_target else 8
    sb.put(r, c0, title)
    sb.merge(r, c0, r, c0 + width)
    r += 1
    if shape.inserted_rows:
        sb.put(r, c0, "填报日期：2024年4月")
        r += 2
    sb.put(r, c0, "预算单位名称")
    sb.put(r, c0 + 1, "隆回县科技和工业信息化局")
    sb.merge(r, c0 + 1, r, c0 + width)
    r += 1
    # funds block
    unit = "（元）" if shape.money == "元" else "（万元）"
    funds_top = r
    sb.put(r, c0, f"年度预算申请{unit}")
    heads = (
        ["年初\n预算数", "全年预算数\n（调整后）", "全年\n执行数", "权重", "执行率\n（%）", "自评得分"]
        if syn
        else ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
    )
    for i, h in enumerate(heads):
        sb.put(r, c0 + 2 + i, h)
    r += 1
    scale = D(10000) if shape.money == "元" else D(1)
    amounts = [x * scale for x in FUNDS_TOTAL[:3]]
    sb.put(r, c0 + 1, "年度资金总额")
    for i, v in enumerate(amounts + list(FUNDS_TOTAL[3:])):
        sb.put(r, c0 + 2 + i, v)
    r += 1
    if shape.inserted_rows:
        r += 1  # a blank row inside the funds block
    for left, right in BREAKDOWN:
        sb.put(r, c0 + 1, left)
        sb.merge(r, c0 + 1, r, c0 + 3)
        sb.put(r, c0 + 4, right)
        sb.merge(r, c0 + 4, r, c0 + 7)
        r += 1
    sb.merge(funds_top, c0, r - 1, c0)
    # goals
    sb.put(r, c0, "年度总体目标")
    sb.merge(r, c0, r + 1, c0)
    sb.put(r, c0 + 1, "预期目标")
    sb.merge(r, c0 + 1, r, c0 + 4)
    sb.put(r, c0 + 5, "实际完成情况\u3000")
    sb.merge(r, c0 + 5, r, c0 + width)
    sb.put(r + 1, c0 + 1, GOAL_EXPECTED + "          ")
    sb.merge(r + 1, c0 + 1, r + 1, c0 + 4)
    sb.put(r + 1, c0 + 5, "    " + GOAL_ACTUAL + "      ")
    sb.merge(r + 1, c0 + 5, r + 1, c0 + width)
    r += 2
    if shape.inserted_rows:
        r += 1
    # indicator header
    block_top = r
    sb.put(r, c0, "绩效指标")
    names = ["一级\n指标", "二级\n指标", "三级\n指标"] if syn else ["一级指标", "二级指标", "三级指标"]
    for i, h in enumerate(names):
        sb.put(r, c0 + 1 + i, h)
    col = c0 + 4
    if shape.split_target:
        sb.put(r, col, "目标值" if syn else "年度指标值")
        sb.merge(r, col, r, col + 2)
        for i, h in enumerate(["指标性质", "指标值", "度量单位"]):
            sb.put(r + 1, col + i, h)
        for cc in list(range(c0 + 1, c0 + 4)) + list(range(col + 3, col + 7)):
            sb.merge(r, cc, r + 1, cc)
        col += 3
    else:
        sb.put(r, col, "目标值" if syn else "年度指标值")
        col += 1
    rest = (
        ["完成值", "权重", "自评得分", "偏差原因分析\n及改进措施"]
        if syn
        else ["实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
    )
    for i, h in enumerate(rest):
        sb.put(r, col + i, h)
    cols = {"actual": col, "weight": col + 1, "score": col + 2, "deviation": col + 3}
    r += 2 if shape.split_target else 1
    # indicator rows
    prev: tuple[Any, Any] = (None, None)
    spans: list[tuple[int, int, int]] = []  # (level col, first row, last row)
    for row in SEED_ROWS:
        l1, l2, name, target, actual, weight, score, dev = row
        if shape.inserted_rows and name == "完成时间":
            r += 1  # an inserted blank row
        new1, new2 = l1 != prev[0], (l1, l2) != prev
        for lvl, label, new in ((1, l1, new1), (2, l2, new2)):
            c = c0 + lvl
            if new:
                spans.append((c, r, r))
                sb.put(r, c, label)
            else:
                _, first, _ = next(s for s in reversed(spans) if s[0] == c)
                spans[[i for i, s in enumerate(spans) if s[0] == c][-1]] = (c, first, r)
                if shape.levels == "repeated":
                    sb.put(r, c, label)
        prev = (l1, l2)
        sb.put(r, c0 + 3, name)
        if shape.split_target:
            if target is not None:
                nat, val, uni = _split(target)
                sb.put(r, c0 + 4, nat)
                sb.put(r, c0 + 5, val)
                sb.put(r, c0 + 6, uni)
        else:
            sb.put(r, c0 + 4, target)
        sb.put(r, cols["actual"], actual)
        sb.put(r, cols["weight"], weight)
        sb.put(r, cols["score"], score)
        sb.put(r, cols["deviation"], dev)
        r += 1
    if shape.levels == "merged":
        for c, first, last in spans:
            sb.merge(first, c, last, c)
    sb.merge(block_top, c0, r - 1, c0)
    sb.put(r, c0, "合计" if syn else "总分")
    sb.merge(r, c0, r, cols["weight"] - 1)
    sb.put(r, cols["weight"], 100)
    sb.put(r, cols["score"], 99)
    return r + 1 - shape.origin[0]


def indicator_tuples(ev) -> list[tuple]:
    """(一级, 二级, 三级, 指标值, 完成值, 分值, 得分) as read, numbers as Decimals."""

    def num(cell):
        return None if cell.is_blank else cell.raw

    return [
        (
            i.level1.text,
            i.level2.text,
            i.name.text or None,
            i.target.text or None,
            i.actual.text or None,
            num(i.weight),
            num(i.score),
        )
        for i in ev.indicators
    ]


def funds_in_wan(ev) -> tuple:
    """年度资金总额 (年初, 全年, 执行) normalised to 万元, plus 分值/执行率/得分."""
    from perfxl.numbers import to_decimal

    t = ev.funds.total
    scale = {"万元": D(1), "元": D(10000), "亿元": D("0.0001")}[ev.funds.unit]
    return (
        *tuple(to_decimal(c.raw) / scale for c in (t.initial_budget, t.full_budget, t.executed)),
        t.weight.raw,
        t.rate.raw,
        t.score.raw,
    )


def evaluation_grid(shape: Shape = Shape(), name: str = "部门整体支出绩效自评表") -> Grid:
    sb = SheetBuilder(name)
    write_evaluation(sb, 0, shape)
    return sb.grid()


def basic_grid(name: str = "基础数据表", unit_note: str | None = None) -> Grid:
    """The seed 基础数据表 as published (money in 元, no unit stated)."""
    sb = SheetBuilder(name)
    sb.put(0, 0, "2023年度部门整体支出绩效评价基础数据表")
    sb.merge(0, 0, 0, 6)
    sb.put(1, 0, unit_note or "               ")
    sb.put(2, 0, "财政供养人员情况")
    for i, h in enumerate(["编制数", "2023年实际在职人数", "控制率"]):
        sb.put(2, 1 + i, h)
    for i, v in enumerate([32, 45, "140%"]):
        sb.put(3, 1 + i, v)
    sb.put(4, 0, "经费控制情况")
    for i, h in enumerate(["2022年决算数", "2023年预算数", "2023年决算数"]):
        sb.put(4, 1 + i, h)
    r = 5
    for label, *vals in BASIC_AMOUNTS:
        sb.put(r, 0, label)
        for i, v in enumerate(vals):
            sb.put(r, 1 + i, D(str(v)) if isinstance(v, float) else v)
        r += 1
    sb.put(r, 0, "楼堂馆所控制情况")
    for i, h in enumerate(
        ["批复规模", "实际规模（㎡）", "规模控制率", "预算投资（万元）", "实际投资（万元）", "投资概算控制率"]
    ):
        sb.put(r, 1 + i, h)
    sb.put(r + 1, 0, "（2023年完工项目）")
    sb.put(r + 1, 1, "（㎡）")
    r += 3
    sb.put(r, 0, "厉行节约保障措施")
    sb.put(r, 1, "1.严格执行财务管理制度；2.严控“三公经费”支出。")
    sb.merge(r, 1, r, 6)
    sb.put(
        r + 1,
        0,
        "说明：“县级专项资金”需要填报基本支出以外的所有县级专项资金情况，“公用经费”填报基本支出中的一般商品和服务支出。",
    )
    return sb.grid()


def write_xlsx(grids: list[Grid], path, formulas: dict[str, dict[tuple[int, int], str]] | None = None) -> None:
    """Dump Grids to an .xlsx with openpyxl (values, merges, hidden state); `formulas` replace values
    with formulas that openpyxl saves without cached values, as a script-written file has them."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for grid in grids:
        ws = book.create_sheet(grid.name)
        for r, row in enumerate(grid.rows):
            for c, v in enumerate(row):
                if v not in (None, ""):
                    ws.cell(r + 1, c + 1, float(v) if isinstance(v, D) else v)
        for (r, c), f in (formulas or {}).get(grid.name, {}).items():
            ws.cell(r + 1, c + 1, f)
        for r0, c0, r1, c1 in grid.merged:
            ws.merge_cells(start_row=r0 + 1, start_column=c0 + 1, end_row=r1 + 1, end_column=c1 + 1)
        if grid.hidden:
            ws.sheet_state = "hidden"
    book.save(path)
