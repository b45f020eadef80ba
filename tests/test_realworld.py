"""perfxl on the real-table corpus (tests/realworld/*.toml): every hand-found error at its row, no false 错误.

Each table is rendered into an .xlsx by the project's own writer (tests/realworld/render.py) and validated
with `validate_file`, exactly as a reviewer would run it. One test id per table. An expectation is met
when a finding of its category's code family is at its row with at least the expected severity; every
other row must be free of 错误 (a false 错误 costs more than a missed one).
"""

from __future__ import annotations

import contextlib
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

from render import Expectation, Table, corpus_files, load_table, validated

from perfxl.model import Finding, Severity
from perfxl.result import FileResult

#: Category of an [[expect]] → the finding codes (exact, or a prefix ending in "*") that report it.
FAMILIES: dict[str, tuple[str, ...]] = {
    # C02: an amount whose figure cannot be read (".5", integer digits lost) leaves the sum or rate unverified
    "exec_rate": ("F04", "C02"),
    "exec_score": ("F05", "C02"),
    "funds_sum": ("F02", "F09", "F10", "F11", "F13", "C02"),
    "overspent": ("F03", "B05", "B06", "B16", "C02"),
    "score": ("S01", "S02", "S03", "S05", "S07", "S12", "S13", "S14", "S15", "S16", "S17", "S18", "I12"),
    "over_weight": ("S06",),
    "weights_sum": ("W02", "W03", "W05"),
    "total": ("T02", "T03", "T05"),
    "grade": ("T04",),
    "deviation": ("D01", "D02", "S08"),
    # I12: an actual whose figure cannot be read ("^80%" as OCR'd) leaves full marks as unverified as a blank one
    "no_evidence": ("S12", "S13", "S14", "S15", "S16", "G02", "I12"),
    "basic_rate": ("B01", "B05", "B11", "B12", "B19"),
    # B18: a 三公 table read for its sums only (its stage not stated: 合计 = the items, 公务用车 = 购置 + 运行) or a
    # line's 合计 held to its sources (held-out batch 30) — the same 基础数据表 sums
    "basic_sum": ("B03", "B05", "B06", "B16", "B18"),
    "overstaff": ("B02",),
    "other": ("*",),
}
#: Finding codes meaning the table (or a sheet of it) was not read at all.
UNREAD_CODES = frozenset({"LAYOUT_NO_TABLE", "NOT_A_WORKBOOK", "LAYOUT_SHEET_ERROR"})


def in_family(code: str, what: str) -> bool:
    """True when finding `code` reports an expectation of category `what` (a reader's note about the layout,
    LAYOUT_*, never stands for a hand-found error, even of category `other`)."""
    if code.startswith("LAYOUT_"):
        return False
    for pattern in FAMILIES.get(what, ("*",)):
        if pattern == "*" or code == pattern or (pattern.endswith("*") and code.startswith(pattern[:-1])):
            return True
    return False


def _rows(f: Finding, sheet: str) -> set[int]:
    rows = set()
    for loc in (f.ref, *f.related):
        if loc is not None and getattr(loc, "sheet", None) == sheet and hasattr(loc, "row"):
            with contextlib.suppress(ValueError):
                rows.add(loc.row)
    return rows


def _row(f: Finding, sheet: str) -> int | None:
    if f.ref is None or getattr(f.ref, "sheet", None) != sheet or not hasattr(f.ref, "row"):
        return None
    try:
        return f.ref.row
    except ValueError:
        return None


@dataclass
class Outcome:
    """What perfxl did on one table: met and missed expectations, 错误 on rows expected clean, unread."""

    table: Table
    result: FileResult
    met: list[Expectation] = field(default_factory=list)
    missed: list[Expectation] = field(default_factory=list)
    false_errors: list[Finding] = field(default_factory=list)
    unread: bool = False

    def describe(self) -> str:
        lines = [f"{self.table.name}:"]
        for e in self.missed:
            lines.append(f"  MISSED row {e.row} {e.what} ({e.severity}): {e.hand}")
        for f in self.false_errors:
            lines.append(f"  FALSE 错误 {f.code} {f.ref}: {f.message} [{f.basis}]")
        if self.unread:
            lines.append("  UNREAD: " + (str(self.result.error) if not self.result.ok else "no table recognised"))
        return "\n".join(lines)


def evaluate(table: Table, out_dir: Path) -> Outcome:
    """Render `table`, validate it, and score perfxl's findings against the hand-made expectations."""
    result = validated(table, out_dir)  # render + validate_file, once per run for the table as published
    outcome = Outcome(table, result)
    findings = list(result.findings)
    coverage = getattr(result, "coverage", None)
    sheets_unread = any(not s.read for s in getattr(coverage, "sheets", ()) or ())
    outcome.unread = (not result.ok) or sheets_unread or any(f.code in UNREAD_CODES for f in findings)
    expected_rows = {e.row for e in table.expect}
    for e in table.expect:
        need = Severity(e.severity).rank if e.severity in ("error", "warning", "info") else Severity.WARNING.rank
        hit = any(
            in_family(f.code, e.what) and e.row in _rows(f, table.sheet) and f.severity.rank >= need for f in findings
        )
        (outcome.met if hit else outcome.missed).append(e)
    for f in findings:
        if f.severity is Severity.ERROR and _row(f, table.sheet) not in expected_rows:
            outcome.false_errors.append(f)
    return outcome


TABLES = corpus_files()

#: Hand-found errors perfxl does not find yet, by table and row, each with the reason — perfxl's
#: recall gap, stated rather than hidden. The test is strict: a row found after a fix must leave
#: this table (and the README's recall figure is `tests/realworld/measure.py`'s, over everything).
KNOWN_MISSES: dict[str, dict[int, str]] = {
    # shanghai-songjiang-jiuting-chengzhen-2020 row 6 found (session 18, tests/test_sangong18.py): a total 执行数 beside
    # sources printing none, the funded one's own 执行率 0.0% — an F02 警告 (the spending comes from no source printed)
    # ningxia-yinchuan-chuzhong-gongyong-2021 all found (session 9, tests/test_corpus_misses9.py): rows 12/20/27/30 once
    # "考值参分" is read as 参考分值 (its numbers add up to the declared 一级 weights) and a 预算执行率 indicator row's
    # score is checked; row 3 by the head's 自评得分 read as the stated total and bounded on a table cut short
    # held-out batch 2 (transcribed after this round's code, measured once before any fix: 14/30, 8 false 错误)
    # buxiang-changjiangjinbu-yuye-2020 row 15 and ningxia-yuanzhou-malingshu-2022 rows 17/22 found (session 9): a
    # share (满意度, 合格率, 认知度) above 100% is an I12 警告 naming the OCR reading ("290%" → ≥90%)
    # guizhou-suiyang-taibai-bumen-2021 row 6 re-judged 错误 → 警告 (session 9; reason in its TOML notes): the form prints
    # only 年初预算数 (no 全年预算数) and the row repeats the total's 分值/得分, so 9.29 vs 10 is a judgement; F05 gives it.
    # held-out batch 3 (measured once before any change: 1/4, no false 错误, 8 of 10 read)
    # hebei-chengan-gaolingjintie-2020 rows 12–15 found (session 9, tests/test_hebei_split9.py): the 河北 自评得分 split
    # (单项指标得分 │ 权重占比(%) │ 单项指标折算得分) read as the scheme — a met target credited 6.25 of its 25 is an S01 警告
    # stating the reading; 折算得分 = 单项指标得分 × 权重占比 / 100 is S19
    "hunan-nanyue-yulujihua-shenbao-2023": {
        19: "quantity × standard against the budget (101 人次 × 1500 元 > 7 万元) is not a relation perfxl checks",
    },
    # the 大英 fragments (chengxiangjumin-yibao row 8, tieluyanxian row 9, zuegebaozhang row 5, tushuguan row 2) found and
    # read (session 9): a headerless fragment whose columns fit the 一体化 template by their contents is read as a guess
    # (every finding a 警告, whole-table checks skipped) — S15 on unfilled scores, S13 on '好坏' copied
    # held-out batch 4 (measured once before any change: 8/14, no false 错误, 7 of 8 read)
    # anhui-yuan-wenwubaohu-2022 row 12 found (session 9): S13 reads a 数量指标's long task list copied as its actual
    # ningxia-fucai-app-2023 row 15 found (session 9): S14 also reads a deadline target ('12月') answered '已完成'
    # held-out batch 5 (measured once before any change: 1/11, 2 false 错误 — a label read as the 总分 and a
    # second goal block read as a new table, both fixed — 6 of 8 read)
    # hubei-huanggang-shuitubaochi-2020 row 13 found (session 9): S17 infers the one whole-point weight set (20) a form
    # without 分值 admits
    # yunnan-longyang-huafei-2022 row 8 found (session 9): 30.00 alone may stand for 30.0049 (→ 2.16), but the row's
    # printed 执行率 10.77% bounds the rate below 10.775%, so 20 × rate < 2.155 → 2.15: certain at printed precision.
    # held-out batch 6 (measured once before any change: 0/8, 1 false 错误 — a rate printed as a fraction
    # to one decimal, fixed — 5 of 7 read; every expectation is a 警告 on a relation between fields)
    # anhui-bozhou-rengongzengyu-mubiao-2023 row 5 found (session 12, tests/test_misses12.py): F17, a 项目期 of 1年 beside
    # a 中期资金总额 (449.8万) other than the 年度 one (189.8万), a 警告 naming both
    # hainan-shangwuting-fuwumaoyi row 19 found (session 9): S18 reads 计划投资额 │ 实际到位资金 of the 基本情况 block
    # hunan-xiangyin-youeryuan-shenbao-2022 row 17 found (session 12, tests/test_misses12.py): F16, the 项目概况's shares
    # (省级 70%, 县级 30%) against 县级资金 = the whole 合计, a 警告 at the 县级 amount
    # shaanxi-qingjian-guoyuanlu-shenbao-2021 row 16 found (session 22, tests/test_tables22.py): F20, a 补助标准 capped at
    # ≤120万元 with no per-unit, read per the km both exact 数量指标 count: 4km × 120万元 = 480 < 500万元, a 警告 at the cap
    # shanxi-yangquan-sihaonongcunlu-shenbao-2021 row 11 found (session 12, tests/test_misses12.py): F18, the 项目实施计划's
    # "合计50万元" against 年度预算资金总额 25 with the 中期 left blank (that funds line now read), a 警告 naming both
    # yunnan-shidian-xinxingzhuti-2019 rows 12–14 found (session 9): S17, scores above the implied weights 20/10/10
    # held-out batch 8 (measured once before any change: 2/5, 2 false 错误 — a system code before the operator
    # ("004 >=") and a nameless 分值/得分 subtotal under the header, both fixed — 7 of 8 read)
    # shaanxi-hanyin-puhuijinrong-mubiao-2022 row 3 found (session 12, tests/test_misses12.py): F14, the unit line
    # '单位:元' against the funds header '资金情况 (万元)', a 警告 naming both
    # held-out batch 9 (measured once before any change: 0/3, no false 错误, 0 of 3 read — the stores are
    # exhausted, only these three were found)
    # held-out batch 11 (measured once before any change: 0/4, no false 错误, 3 of 4 read — the stores are exhausted
    # for the provinces asked for; only these four new tables were found). All four found and read after the general
    # fixes of tests/test_heldout11.py, so none is listed here. A fifth table found late (甘孜州 市场监督管理局 绩效目标表,
    # measured once after the first fixes, before its own: 0/5, no false 错误, read; all five found after I04/I05/I08/W03
    # were made to run on 目标表 too and W03 reads a 预算执行率权重 head field).
    # held-out batch 12 (measured once before any change: 4/6 — two of the four met only by an I05 warning on the same
    # row, not the defect described — no false 错误, 6 of 6 read but 福建's funds blocks left unread row by row)
    # fujian-ningde-fangzhiwei-bumen-2018 row 6 found (session 12, tests/test_misses12.py): F15, 2537695 under
    # '资金结构 (万元)' is 253.77亿元 — beyond the profile's limit_yuan, a 警告 stating the guess that it is in 元
    # held-out batch 14 (measured once before any change: 1/3, no false 错误, 2 of 4 read — the stores are exhausted;
    # only these four new tables were found). After tests/test_heldout14.py's fix (F11 on a 目标表's 项目预算 cost block,
    # the block alone a table read): 2/3, 3 of 4 read; after tests/test_staffing_overview.py's (a 基本概况 table's
    # 人员编制 │ 实有人数 line read as the staffing facts B02 checks, a 警告 there): 3/3, 4 of 4 read.
    # held-out batch 15 (measured once before any change: 0/3, no false 错误, 3 of 4 read — the pages store is exhausted
    # for the provinces asked for (~45 queries, none found there); only these four unseen tables were found). After
    # tests/test_heldout15.py's fixes (a 湖北 申报表's 部门总体资金情况 read, each of its groups held to its own 合计 by F11
    # and the line its 占比 disowns named; I14 on a name stating another value than its 指标值; ★ rows scored on their
    # items no S12; 年度总体目标完成情况综述 read; a weighted "绩效目标(10 )" row no goals header): 2/3, 3 of 4 read — the
    # fragment, wrongly 'read' from that row at first, is now reported unread.
    # held-out batch 16 (measured once before any change: 0/0 — the visible parts of all five judged correct by hand — no
    # false 错误, 4 of 5 read; the pages store is exhausted for the provinces asked for (~90 queries, none found from
    # 天津/辽宁/吉林/黑龙江/河南/广东/青海/西藏); only these five unseen tables were found: a 海南 目标表, a 湖北 随州 自评表, three
    # reposts of unknown origin). After tests/test_heldout16.py's fixes (海南's 指标类型 │ 指标名称 │ 绩效目标 │ 绩效标准 目标表
    # read, a 绩效目标 left of the names kept as the block's label; 随州's 项目资金 │ 来源 │ 中央 │ 省、地 │ 本级 │ 其他 │ 合计 │
    # 执行数 │ 执行率 line read, F02 over its sources and F04 on its rate — 广水 2019's and 2021's money too): 0/0, 5 of 5 read.
    # held-out batch 17 (measured once before any change: 0/2, no false 错误, 5 of 5 read; the first tables from 天津 (宁河,
    # 宝坻 ×2) and 广东 (东莞), with 内蒙古 乌海's 目标表, found on district 财政资金直达 pages and their mirrors). Both misses were
    # 乌海's 时效 rows printing 44,561 (Excel's serial of 2021-12-31) as 目标值 and 计量单位. After tests/test_heldout17.py's
    # fixes (a bare number in 计量单位 no longer glued onto the target, I05 at that cell with the serial's date offered on a
    # 时效 row; 乌海's 投入目标 block read as stacked funds lines, 财政拨款数 a source; the 转移支付 自评表's 转移支付(项目)名称 /
    # 地方主管部门 / 资金使用单位 head read): 2/2, 5 of 5 read.
    # held-out batch 18 (measured once before any change: 0/5, no false 错误, 3 of 3 read; 安徽 休宁 2023's 转移支付区域
    # 自评表 without 分值/得分, 湖南 岳阳楼区's 2023 整体绩效目标表, 福建 安溪's 2025 目标表 — about 95 searches, the stores
    # nearly exhausted). After tests/test_heldout18.py's fixes (S16 at an actual restating its target with the operator, or
    # reading as met beside the row's own 未完成原因 saying the work is pending; I05 at a 计量单位 column contradicting the
    # 指标值 beside it; "300㎡" read as 300 ㎡): 5/5, 3 of 3 read.
    # held-out batch 19 (measured once before any change: 0/0 — no defect found by hand in the five — no false 错误, 0 of 5
    # read; ≈ 80 searches, nearly every hit already in the corpus: four 浙江 专项债券项目资金绩效评价情况表 (三门, 天台 平桥,
    # 萧山 湘湖, 永嘉 巽宅) and 四川省财政厅's published ADB-loan evaluation result (资阳)). After tests/test_heldout19.py's
    # fix (a results list — 项目名称 │ … │ 评价得分 │ 评价结果 — read line by line as inferred, each line's grade held to its
    # score by T04; a weighted result table — 评价准则 │ 权重(%) │ 评价分值 │ 加权平均得分, its total line found by its weight, read
    # as inferred — S19 per line, W02, T02): 0/0, 5 of 5 read.
    # held-out batch 20 (measured once before any change: 2/3, no false 错误, 3 of 4 read; ≈ 60 searches, nearly every hit
    # already in the corpus: 南岳镇's 2018 资产收益扶贫 申报表, 湖南省发改委's 2020 湘西地区开发 自评表 (cut short), 南县民政局's
    # 2022 计分表 (cut short), 乐昌's 2018 中职 助学金 安排表 + 目标表 (广东, cut short)). After tests/test_heldout20.py's fix
    # (F19: a 数量指标's count × a 成本指标's per-unit standard above the 年度资金总额, a 警告 at the standard): 3/3; 南县's
    # 计分表 stays unread (KNOWN_UNREAD).
    # held-out batch 21 (measured once before any change: 0/0 — every relation holding by hand — 8 false 错误, 1 of 4
    # read; ≈ 45 searches over the pages, docs, code and issues stores: three 吉林 专项经费支出绩效评价表 published as HTML
    # forms in the public repository hktianyi/Meeting (2016) and 井研县马踏镇's 2023 部门预算项目绩效目标申报表 (四川 list
    # form, cut short)). After tests/test_heldout21.py's fixes (一级 权重 scaling rows of 100: W02/W03 under the form's
    # rule; a repeated two-row header's second row is header, merges filled or not; blank signature fields a note): 0/0,
    # no false 错误, 4 of 4 read.
    # held-out batch 23 (measured once before any change: 0/1, no false 错误, 5 of 6 read; ≈ 45 searches over the pages,
    # code, docs and issues stores, kinds other than the 项目 自评表: 广水市教育局 2023 and 南岳区实验中学 2017 部门整体支出绩效
    # 目标申报表 (both cut short), 青山区教育局 2020 项目支出绩效目标表, 百色市教育局 2023/2024 目标公开表 (广西, cut short),
    # 湘西州特校 2023 一体化 目标表). After tests/test_heldout23.py's fixes (F11 over a 部门总体资金情况's 近两年收支金额 year
    # columns; a "-" under 度量单位 no unit): 1/1, no false 错误; 南岳 2017 stays unread (KNOWN_UNREAD).
    # held-out batch 24 (measured once before any change: 0/2, no false 错误, 8 of 9 read; ≈ 60 searches over the pages,
    # docs, code and issues stores, every filled 自评表 found already in the corpus but one: seven more blank 吉林 forms of
    # hktianyi/Meeting, 贵州 黄果树's 2023 村干部报酬 评价报告 概要 and 汨罗's 2017 低票价运营补贴 自评报告 (cut short)). After
    # tests/test_heldout24.py's fix (a report 概要's 自评分值 │ 100 │ 自评等级 │ 优 pairs read as results, T04 as inferred):
    # 0/2, 9 of 9 read.
    "hunan-miluo-dipiaojia-2017": {
        26: "a voucher date (会计凭证号 2018年11月001号) later than the report's own 报告日期 (2018 8 04): the 岳阳 自评报告's "
        "支出明细 and cover date are not read, and no rule compares dates in a report with its own date",
    },
    # hunan-miluo-dipiaojia-2017 row 31 found (session 21, tests/test_tables21.py): the 岳阳 自评报告's 预期目标 │ 实际完成
    # block read as goals, its cover's "项目名称       低票价运营补贴" as the head's 项目名称, new G04 (预期目标 only the name)
    # held-out batch 25 (measured once before any change: 2/3, no false 错误, 4 of 5 read; ≈ 60 look-ups, 40 of them
    # searches of the pages store, every filled 自评表 returned already in the corpus: the last hktianyi/Meeting 吉林 form
    # (外事出国项目, blank) and four “三公”经费 tables published on their own — 桂林市司法局 2015, 南通市国资委 2016, 岳阳县台创园
    # 2017, 沅陵县 2021). After tests/test_heldout25.py's fixes (a 三公 table's "支出合计" its total, its 相关统计数 count
    # lines no money lines, "执行数" a 决算; its own sentences with figures — 沅陵's 增减情况说明 — read for their own
    # arithmetic, N02): 3/3, 5 of 5 read.
    # held-out batch 26 (measured once before any change: 0/1, no false 错误, 6 of 7 read; ≈ 45 look-ups, 33 of them
    # searches of the pages store, every filled 自评表 returned already in the corpus: 咸宁市生态环境局's 2021 转移支付区域
    # 自评表 and 泸县文化广电旅游局's 2024 部门整体支出绩效目标申报表 (both cut short), and five 上海普陀 “三公”经费 tables from
    # the budget and 决算 PDFs the public repository zxj6827111-blip/GovBudgetChecker keeps — 万里街道 2024, 司法局 2026,
    # 规划和自然资源局 2024, 财政局 2024, 宜川路街道 2025). After tests/test_heldout26.py's fixes (泸县's 总体资金情况 printed
    # across the columns read as the 部门总体资金情况 groups F11 holds to their 合计; new B17: a note calling a 三公 table
    # empty — 万里街道's "故本表为空表" — beside the figures it prints): 1/1, 7 of 7 read.
    # held-out batch 28 (measured once before any change, in two parts: 2/2 then 8/12 — 10/14, no false 错误, 5 of 5
    # read; ≈ 70 look-ups, nearly all searches of the pages store, every filled 自评表 it returned already in the corpus
    # but 巴南区接龙镇's 2021 目标表, the second 自评表 of 普陀区体育事业管理中心's 2022 PDF, the tail of a 大英县司法局 2023
    # 自评表 — all three cut short — and 松江九亭镇's two 2020 自评表). After tests/test_heldout28.py's fixes (the 总分 row
    # printing the full mark beside rows that miss it is one W03; a qualitative target answered by its own word softened —
    # 较及时, 基本达标 — with full marks is an S07 警告; an actual printed as a bound, "≧80%" for "≧90%", no certain miss):
    # 13/14, 5 of 5 read.
    # buxiang-bumen-defenbiao-fragment-2017 row 19 found (session 12, tests/test_misses12.py): its headerless name │ 分值 │
    # 得分 rows, the 分值 adding up to exactly 100 above the 总分 row, are read as a guess (layout/scoring_sheet.py) and the
    # blank 总分 is a T02 警告 ("总分未填写")
    # held-out batch 29 (measured once before any change: 0/9, no false 错误, 2 of 5 read; ≈ 45 look-ups, every filled
    # 自评表 the pages store returned already in the corpus: five “三公”经费 tables published on their own — 昌宁县卡斯镇
    # 2024, 昌宁县县本级 2015, 岳阳县 2015, 怀远县徐圩乡 2020, 达州市环城公路养护中心 2014). After tests/test_heldout29.py's
    # fixes (a 三公 table read from its own title below paragraphs; pinyin glosses dropped from its labels): 1/9, 5 of 5 read.
    # all found (session 18, tests/test_sangong18.py): 昌宁县本级 2015 rows 7/8/9/11 by B19 (a 三公 table's 增、减额 │
    # 增、减幅度 held to its two years, the base from the headers, judged at the printed decimals); 徐圩乡 2020 rows 6/9 by
    # B03's blank-total 警告 (item lines printed blank kept), row 13 by N02 (a 其中 list goes on to a part by definition)
    # held-out batch 30 (measured once before any change: 0/4, no false 错误, 4 of 5 read; ≈ 52 look-ups, every filled
    # 自评表 the stores returned already in the corpus: 湘潭 雾炮车 目标表 2024 and 申报表 2023, 开远市 2017, 岳阳县文联 2017 and
    # 渝中区 2017 “三公”经费 tables). After tests/test_heldout30.py's fixes (三公 items headed without their 费, a 三公 合计
    # held to the sources beside it, a bare non-date figure on a 时效 row lacking its unit): 4/4, 5 of 5 read.
    # held-out batch 31 (measured once before any change: 0/0, no false 错误, 5 of 5 read; ≈ 30 look-ups, every filled
    # 自评表 the pages store returned already in the corpus: 上海普陀 2026 部门预算's 三公 tables with their 说明 — 城管执法局,
    # 建管委, 文旅局 — and two 财政项目支出绩效目标申报表, 拆违经费 and 兰溪路-真南路下立交工程; every relation holds by
    # hand). tests/test_heldout31.py: the 申报表's side-by-side 项目资金总额 │ 年度资金申请总额 block is now read (planted
    # wrong totals were passed before); a 说明 below a 三公 table in the same sheet is still not held to it.
    # held-out batch 32 (measured once before any change: 0/0, no false 错误, 1 of 1 read; ≈ 60 look-ups over the pages,
    # code and docs stores, every filled 自评表 they returned already in the corpus: 上海普陀 石泉路街道（本级）'s 2026 单位预算
    # 三公 table with its 说明; every relation holds by hand). tests/test_heldout32.py: a 三公 table's own 说明 sentences
    # are now held to the table (N01 at the sentence; planted "公务接待费1.63万元" under a 1.53 passed before).
}
#: Tables perfxl cannot read at all (its limit, reported as coverage, never an 错误), with the reason.
KNOWN_UNREAD: dict[str, str] = {
    "sichuan-daying-tushuguan-fragment-2022": "its headerless fragment is read (session 9), and the next table's head and "
    "年度目标 (session 13), but that table's funds and indicators (cut at 预算执行情况(10分)) are not in the stored copy: "
    "LAYOUT_NO_TABLE, a table not read",
    "hunan-nanyue-shiyanzhongxue-bumen-mubiao-2017": "a 2017 湖南 部门整体支出绩效目标申报表 whose money is written as "
    "label:figure in one cell (年度预算申请 │ 资金总额:704, then 公共财政拨款:683 │ 基本支出:622 …) and whose 年度绩效指标 are "
    "'二级指标:text' lines with no 指标值 column: no funds, goal or indicator block is recognised — LAYOUT_NO_TABLE (held-out "
    "batch 23; every relation holds by hand: 683 + 21 = 622 + 82 = 704)",
    # buxiang-bumen-defenbiao-fragment-2017 read (session 12): the 项目 score table without its header by its figures; the
    # 部门整体 得分表 below it (一级指标 │ 二级指标 │ 三级指标 │ 得分, weights only in its labels) stays unread, the note says so
}
# hunan-nanxian-minzheng-jifenbiao-2022 read (session 13, tests/test_unread13.py): a 湖南 项目支出绩效自评指标计分表 (一级 │ 二级 │
# 三级 │ 自评分 │ 具体指标 │ 评价标准) whose points stand only in the labels ("目标 内容 (4分)") — every 三级 name stating its points,
# each row's weight is the one in its name (layout/label_weights.py); cut short, its sums are 警告s
# sichuan-youxian-shenji-jiankong-2023 read (session 10): a 1-9月 预算执行情况表 (预算额度 │ 执行进度, each 合计 │ sources, and
# 支付进度) read line by line as monitoring money blocks (layout/listing.py); no 错误 (tests/test_unread10.py).
# guangxi-gangnan-batang-gengdidili-2018 read (session 9): a 评分细则 headed only 目标名称 │ 分值, its unheaded 得分 column
# recognised by its contents (layout/scoring_sheet.py), the sheet marked inferred.
#: 错误 on rows the transcriber left unflagged where the two readings differ, with the reason.
DISPUTED: dict[str, dict[int, str]] = {
    # (稷山 2021's row 15, a blank name under a run of blank names the export lost, was one until I01 read such a run
    # as a lost merge too: a 警告, tests/test_realworld_rewrites.py)
}


@pytest.fixture(scope="session")
def outcome_of(tmp_path_factory):
    """Each table rendered and validated once per run: the table tests and the README figures share them. Session-scoped:
    `--dist worksteal` may hand a worker this module's tests in two runs with other modules' between, and a module
    fixture is rebuilt after each — the README figures then scored all 217 tables again (fast28b: ≈ 1.5 s of CPU)."""
    done: dict[Path, Outcome] = {}

    def get(path: Path) -> Outcome:
        if path not in done:
            done[path] = evaluate(load_table(path), tmp_path_factory.mktemp(path.stem))
        return done[path]

    return get


@pytest.mark.parametrize("path", TABLES, ids=[p.stem for p in TABLES])
def test_real_table(path, outcome_of):
    outcome = outcome_of(path)
    table = outcome.table
    name = path.stem
    assert outcome.unread == (name in KNOWN_UNREAD), outcome.describe()
    missed = {e.row for e in outcome.missed}
    assert missed == set(KNOWN_MISSES.get(name, {})), outcome.describe()
    disputed = DISPUTED.get(name, {})
    false = [f for f in outcome.false_errors if _row(f, table.sheet) not in disputed]
    assert not false, outcome.describe()


def test_family_table_names_every_category_of_the_corpus_format():
    import re

    readme = (Path(__file__).resolve().parent / "realworld" / "README.md").read_text(encoding="utf-8")
    section = readme.split("Categories of `what`", 1)[1]
    named = set(re.findall(r"`([a-z_]+)` \(", section))
    assert named and named <= set(FAMILIES), named - set(FAMILIES)


def test_the_readme_states_the_corpus_figures_measure_gives(outcome_of):
    """The README's "N of M found" and "K of T tables read" are today's figures, not last round's."""
    import re

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    found = expected = read = false = 0
    for path in TABLES:
        outcome = outcome_of(path)
        found += len(outcome.met)
        expected += len(outcome.met) + len(outcome.missed)
        read += not outcome.unread
        false += len(outcome.false_errors)
    assert f"**{found} of {expected}** hand-found errors" in readme, (found, expected)
    assert ("no 错误 on a row the transcriber judged correct," in readme) == (false == 0), false
    assert f"**{read} of {len(TABLES)}** tables read" in readme, (read, len(TABLES))
    assert re.search(rf"holds {len(TABLES)} tables from \d+ provinces", readme)
