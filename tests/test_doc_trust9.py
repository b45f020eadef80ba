"""Issue 12, session 9: what a report's PDF and its .docx must agree on, and what the narrative must not call wrong.

1. One Word table printed as two PDF tables. A 自评表 whose 绩效指标 part (一级指标 │ 二级指标 │ …) starts under a
   full-width rule on other column lines, without a label merged down beside it, prints exactly like two tables back
   to back; pdf_stacked parts it, and read as two the lower half's 总分 was checked without the 预算执行率 得分 — a
   T02 错误 (and two W03) the .docx, one table, does not have. The same at a page break: a 基础数据表 and a 自评表 as
   one Word table, its column lines changing at the break, was read as two (the 自评表's title left above as a
   heading without table). perfxl.document.stacked_forms reads the halves of one form as one table again.
2. The narrative's lists of parts: a 其中 inside an instalment list; two lists of one whole that both exceed it.
3. The seed narrative rephrased the ways real writers do: consistent variants must give no 错误 and no 警告, each
   variant with one contradiction exactly one N finding at its paragraph; contradictions not seen yet are recorded.
"""

from __future__ import annotations

import copy
from itertools import pairwise
from pathlib import Path

import pytest
from report_helpers import codes, report_findings, seed_report_findings

from perfxl.grid import Grid
from perfxl.model import CellRef, TextRef
from perfxl.validate import validate_file

# ---------------------------------------------------------------- 1. one Word table, two PDF tables

FUNDS = [
    ["项目名称", "乡村道路建设项目", "", "", "", "", ""],
    ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", "100", "100", "95", "10", "95%", "9.5"],
    ["其中：当年财政拨款", "100", "100", "95", "—", "95%", "—"],
]
INDICATORS = [
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["产出指标", "数量指标", "新建道路长度", "≥10公里", "10公里", "50", "50", ""],
    ["效益指标", "社会效益指标", "群众出行条件", "有效改善", "有效改善", "30", "30", ""],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "10", "10", ""],
    ["总分", "", "", "", "", "100", "99.5", ""],
]
TITLE = "项目支出绩效自评表（2023年度）"


def _one_form_docx(path: Path, heading: str) -> Path:
    """One Word table on a 56-column grid: the title, the 资金 part on 7 columns (8 wide), a full-width `heading`
    row (none when ""), the 绩效指标 part on 8 columns (7 wide) and its 总分 — no label merged down beside the
    绩效指标 heading row, so the PDF prints two tables back to back."""
    import docx

    d = docx.Document()
    d.add_paragraph("乡村道路建设项目支出绩效自评报告")
    d.add_paragraph("该项目全年预算100万元，实际支出95万元，预算执行率95%，自评得分99.5分。")
    t = d.add_table(rows=1 + len(FUNDS) + bool(heading) + len(INDICATORS), cols=56)
    t.style = "Table Grid"
    grid = [list(r.cells) for r in t.rows]

    def put(r: int, c0: int, c1: int, text: str) -> None:
        cell = grid[r][c0].merge(grid[r][c1]) if c1 > c0 else grid[r][c0]
        if text:
            cell.text = text

    put(0, 0, 55, TITLE)
    r = 1
    for row in FUNDS:
        if row[0] == "项目名称":
            put(r, 0, 7, row[0])
            put(r, 8, 55, row[1])
        else:
            for c, text in enumerate(row):
                put(r, 8 * c, 8 * c + 7, text)
        r += 1
    if heading:
        put(r, 0, 55, heading)
        r += 1
    for row in INDICATORS:
        if row[0] == "总分":
            put(r, 0, 34, "总分")
            put(r, 35, 41, row[5])
            put(r, 42, 48, row[6])
            put(r, 49, 55, "")
        else:
            for c, text in enumerate(row):
                put(r, 7 * c, 7 * c + 6, text)
        r += 1
    d.save(str(path))
    return path


def _seed_as_one_table(path: Path, figures) -> Path:
    """The seed report with its 基础数据表 and 自评表 as ONE Word table: the rows of both on the union of their column
    lines (each cell spanning the grid columns between its own lines), a full-width heading row between them."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from perfxl.workbook.report_docx import build_report_docx

    build_report_docx(path, figures)
    d = docx.Document(str(path))
    body = d.element.body
    _, basic, form = body.findall(qn("w:tbl"))

    def lines(t) -> list[int]:
        widths = [int(g.get(qn("w:w"))) for g in t.find(qn("w:tblGrid")).findall(qn("w:gridCol"))]
        out, acc = [0], 0
        for w in widths:
            acc += w
            out.append(round(acc * 9000 / sum(widths)))
        return out

    mine = {id(basic): lines(basic), id(form): lines(form)}
    union = sorted(set(mine[id(basic)]) | set(mine[id(form)]))
    for t in (basic, form):
        own = mine[id(t)]
        for tr in t.findall(qn("w:tr")):
            col = 0
            for tc in tr.findall(qn("w:tc")):
                pr = tc.find(qn("w:tcPr"))
                if pr is None:
                    pr = OxmlElement("w:tcPr")
                    tc.insert(0, pr)
                span_el = pr.find(qn("w:gridSpan"))
                span = int(span_el.get(qn("w:val"))) if span_el is not None else 1
                if span_el is None:
                    span_el = OxmlElement("w:gridSpan")
                    pr.append(span_el)
                span_el.set(qn("w:val"), str(union.index(own[col + span]) - union.index(own[col])))
                col += span
    grid = basic.find(qn("w:tblGrid"))
    for g in list(grid):
        grid.remove(g)
    for a, b in pairwise(union):
        g = OxmlElement("w:gridCol")
        g.set(qn("w:w"), str(b - a))
        grid.append(g)
    heading = copy.deepcopy(form.findall(qn("w:tr"))[0])  # the 自评表's title row: one cell the full width
    assert len(heading.findall(qn("w:tc"))) == 1
    for t in heading.iter(qn("w:t")):
        t.text = ""
    heading.find(f"{qn('w:tc')}/{qn('w:p')}").append(_run("二、部门整体支出绩效自评表"))
    basic.append(heading)
    for tr in form.findall(qn("w:tr")):
        basic.append(tr)
    before = form.getprevious()
    body.remove(form)
    if before is not None and before.tag == qn("w:p") and not "".join(before.itertext()).strip():
        body.remove(before)
    d.save(str(path))
    return path


def _run(text: str):
    from docx.oxml import OxmlElement

    r, t = OxmlElement("w:r"), OxmlElement("w:t")
    t.text = text
    r.append(t)
    return r


def _verdicts(result) -> list[tuple]:
    """(code, severity, the row or the paragraph) of every finding: the table's name left out (表2 ↔ 第2页 表1), and
    its column (a Word grid has a column between every two lines of any row; the PDF's only where lines are)."""
    out = []
    for f in result.findings:
        if isinstance(f.ref, CellRef):
            where = "".join(ch for ch in f.ref.cell.split(":")[0] if ch.isdigit())
        elif isinstance(f.ref, TextRef):
            where = f"¶{f.ref.paragraph}"
        else:
            where = ""
        out.append((f.code, f.severity.value, where))
    return sorted(out)


@pytest.fixture(scope="module")
def one_table_exports(tmp_path_factory):
    from perfxl.io.libreoffice import convert_many, soffice_path
    from perfxl.workbook.report_docx import AGREEING_FIGURES, REPORT_FIGURES

    if soffice_path() is None:
        pytest.skip("LibreOffice (soffice) not installed")
    out = tmp_path_factory.mktemp("one-table")
    docs = [
        _one_form_docx(out / "form-heading.docx", "绩效指标"),
        _one_form_docx(out / "form-plain.docx", ""),
        _seed_as_one_table(out / "seed-one.docx", REPORT_FIGURES),
        _seed_as_one_table(out / "agreeing-one.docx", AGREEING_FIGURES),
    ]
    return dict(zip((p.stem for p in docs), zip(docs, convert_many(docs, "pdf", out), strict=True), strict=True))


@pytest.mark.libreoffice
@pytest.mark.slow
@pytest.mark.parametrize("stem", ["form-heading", "form-plain", "seed-one", "agreeing-one"])
def test_one_word_table_printed_as_two_gives_the_docx_verdicts(one_table_exports, stem):
    """Failed before: the PDF of form-* had T02 错误 (总分 90 = 预算执行率 0 + 指标 90) and two W03; seed-one kept
    an extra LAYOUT_NO_TABLE at the 自评表's title left above the page break."""
    docx_path, pdf_path = one_table_exports[stem]
    word, pdf = validate_file(docx_path), validate_file(pdf_path)
    assert not [f for f in pdf.findings if f.code in ("T02", "W03")]
    assert _verdicts(pdf) == _verdicts(word)


def _grid(name: str, rows: list[list[str]]) -> Grid:
    width = max(len(r) for r in rows)
    return Grid(name, [r + [""] * (width - len(r)) for r in rows])


def test_the_halves_of_one_form_are_read_as_one_table():
    """Fast, on the grids pdf_reader makes of form-heading's PDF: the 资金 half (title, header, funds, the heading
    row) and the 绩效指标 half, and the block read whole. Failed before (no rejoin): T02 错误 on the lower half."""
    from perfxl.document.read import to_submission
    from perfxl.document.source import DocumentSource
    from perfxl.profiles import load_profile
    from perfxl.rules import run_checks

    above = _grid("第1页 表1", [[TITLE], *FUNDS, ["绩效指标"]])
    below = _grid("第1页 表2", INDICATORS)
    whole = _grid("第1页 表1", [[TITLE], *FUNDS, ["绩效指标"], *INDICATORS])
    source = DocumentSource("x.pdf", "pdf", (), [above, below], stacked=(("第1页 表1", "第1页 表2", whole),))
    sub = to_submission(source)
    assert len(sub.evaluations) == 1 and sub.evaluations[0].funds is not None and sub.evaluations[0].indicators
    assert not [f for f in run_checks(sub, load_profile(None)) if f.code in ("T02", "W03")]


def test_two_complete_forms_back_to_back_stay_two():
    """A 自评表 over another 自评表 (each with its 资金 and 绩效指标): two tables, as pdf_stacked parted them."""
    from perfxl.document.read import to_submission
    from perfxl.document.source import DocumentSource

    form = [[TITLE], *FUNDS, *INDICATORS]
    above, below = _grid("第1页 表1", form), _grid("第1页 表2", form)
    whole = _grid("第1页 表1", form + form)
    source = DocumentSource("x.pdf", "pdf", (), [above, below], stacked=(("第1页 表1", "第1页 表2", whole),))
    assert len(to_submission(source).evaluations) == 2


# ---------------------------------------------------------------- 2. the narrative's lists of parts


def test_a_qizhong_inside_an_instalment_list_details_that_instalment_only(tmp_path):
    """ "第一笔经费250万元，其中中央资金150万元，9月下达第二批…": the 其中 details the first instalment; the second is the
    whole's part again. Failed before: the 295 was read as a part of the 250 (150 + 295 > 250, a false N02 错误) and the
    instalments' own sum (250 + 395 > 545) went unchecked."""
    lead = "项目预算控制数为545万元，分别于2020年1月下达第一笔经费250万元，其中中央资金150万元，"
    assert not codes(report_findings(tmp_path, lead + "9月下达第二批专项经费295万元。"), "N02")
    announced = "下达资金545万元，分两批下达，第一批250万元，其中中央资金150万元、省级资金100万元，第二批295万元。"
    assert not codes(report_findings(tmp_path, announced), "N02")
    [(severity, message)] = codes(report_findings(tmp_path, lead + "9月下达第二批专项经费395万元。"), "N02")
    assert severity == "error" and "250万元 + 395万元" in message and "545万元" in message


def test_two_lists_of_one_whole_that_both_exceed_it_are_both_said(tmp_path):
    """Instalments (250 + 395 = 645) and a 其中 by use (400 + 200 = 600) of one 545: the whole alone cannot be put right
    for both, so each list is an N02. Failed before: only the first was said. Lists that come to one sum (the whole
    alone is wrong) stay one finding."""
    head = "项目预算控制数为545万元，分别于2020年1月下达第一笔经费250万元，9月下达第二批专项经费395万元。"
    both = codes(report_findings(tmp_path, head + "其中用于设备采购400万元、人员培训200万元。"), "N02", "error")
    assert len(both) == 2 and "645万元" in both[0][1] and "600万元" in both[1][1]
    same = codes(report_findings(tmp_path, head + "其中用于设备采购400万元、人员培训245万元。"), "N02", "error")
    assert len(same) == 1 and "645万元" in same[0][1]


# ---------------------------------------------------------------- 3. the seed narrative, rephrased

#: The seed narrative's sentences as real writers phrase them, every one CONSISTENT with the seed's tables (新进规模企业
#: 12家→20家, 新增高新技术企业 10家→13家, 规模工业总产值 240亿元→246亿元 and 增长12%→11.8% (missed), 增加值 63→65亿元,
#: 满意度 90%, 总分 99; 支出 2223.04万元 = 基本 886.12 + 项目/县级专项资金 1336.92; “三公”经费 2022年 25362元, 预算 20000元,
#: 决算 11131.84元; 县级专项资金 317万元 = 业务工作经费 117 + 科技工业发展资金 200; 编制 32, 在职 45): rounded otherwise,
#: units changed, 约/近/超过/突破, ranges, 同比, shares of another base, 其中 lists, other years' and 上年 figures. Five were
#: false alarms before this session: 突破240亿元 (N01 警告: 突破 was read into the name), 近66亿元 (a 警告 judging an
#: approximate figure in its last place), 约250亿元 (an N01 错误: "约250" may be rounded to the ten), "…，合计886.12万元"
#: (an N01 错误: the sum read as 公用经费) and 2022年新增高新技术企业8家 (an N01 错误: last year's result against this
#: year's 实际完成值).
CONSISTENT = (
    "全年新增高新技术企业13家。",
    "新进规模企业20家，超额完成年度目标（12家）。",
    "全年新增规模工业企业20家，完成年度目标12家的166.67%。",
    "新增高新技术企业13家，较年初目标10家多3家。",
    "2023年全县规模工业总产值约246亿元。",
    "2023年全县规模工业总产值达246.4亿元。",
    "2023年全县规模工业总产值突破240亿元。",
    "2023年全县规模工业总产值超过245亿元。",
    "2023年全县规模工业总产值2463600万元。",
    "规模工业增加值近66亿元，同比增长8.8%。",
    "规模工业总产值同比增长11.8%，略低于年初设定的增长12%的目标。",
    "服务对象满意度达到90%以上。",
    "群众满意度为90%。",
    "部门整体支出绩效自评得分99分。",
    "综合评价得分为99分，评价等级为优。",
    "本年支出合计2223.04万元，其中基本支出886.12万元，项目支出1336.92万元。",
    "本年支出合计2,223.04万元。",
    "本年支出合计22230400元。",
    "本年支出合计约2223万元。",
    "基本支出占比约40%，项目支出占比约60%。",
    "“三公”经费支出11131.84元，较上年的25362元减少14230.16元，下降56.11%。",
    "“三公”经费预算2万元，实际支出1.11万元，完成预算的55.66%。",
    "公务接待费支出1.11万元，比上年减少1.42万元。",
    "县级专项资金317万元，其中业务工作经费117万元、科技工业发展资金200万元。",
    "县级专项资金预算317万元，全年执行317万元，执行率100%。",
    "2022年县级专项资金决算515万元。",
    "上年“三公”经费支出2.54万元。",
    "政府采购金额90万元。",
    "会议费、培训费支出9988元。",
    "核定编制32人，实有在职人员45人。",
    "全年共新增规模企业20家、高新技术企业13家。",
    "新增高新技术企业13家，同比增长30%。",
    "除规模工业总产值增速外，其余目标均已完成。",
    "2024年计划新增高新技术企业15家。",
    "人员经费793.26万元，公用经费92.86万元，合计886.12万元。",
    "公用经费92.86万元，其中办公经费9.02万元。",
    "规模工业增加值65.9亿元，同比增长8.8%。",
    "新增高新技术企业13家，完成率130%。",
    "年度资金总额2223.04万元，全年执行2223.04万元，预算执行率100%。",
    "“三公”经费支出1.11万元，比上年下降56%。",
    "全年新增高新技术企业13家、规模以上工业企业20家，分别完成年度目标的130%和166.7%。",
    "项目支出1336.92万元，占总支出的60.1%。",
    "新增规模工业企业20家，比目标多8家。",
    "“三公”经费财政拨款支出决算为11131.84元，其中公务接待费11131.84元，公务用车购置及运行费0元，因公出国（境）费0元。",
    "规模工业总产值246.36亿元，完成年度目标240亿元的102.65%。",
    "新增规模企业20家、高新技术企业13家，分别超出目标8家和3家。",
    "群众满意度在90%-95%之间。",
    "公务接待费占“三公”经费的100%。",
    "县级专项资金中科技工业发展资金200万元，占63.09%。",
    "2022年“三公”经费支出25362元。",
    "2022年新增高新技术企业8家。",
    "2023年县级专项资金预算317万元，较2022年的515万元减少198万元，下降38.45%。",
    "本年支出2223.04万元，其中基本支出886.12万元（其中人员经费793.26万元、公用经费92.86万元），项目支出1336.92万元。",
    "全年“三公”经费支出1.11万元，其中公务接待费1.11万元。",
    "“三公”经费预算2万元，支出决算1.11万元，完成预算的55.7%。",
    "规模工业总产值246.36亿元，较上年增长11.8%。",
    "主要绩效目标基本完成。",
    "全年执行数2223.04万元，执行率100%。",
    "“三公”经费支出决算数比预算数减少0.89万元。",
    "公务接待费2023年预算2万元，决算1.11万元，决算数较预算数下降44.34%。",
    "全年规模工业总产值约250亿元。",
    "全年新增高新技术企业十三家。",
    "核定编制32名，实有人员45名。",
    "新增高新技术企业13家，占全年新增规模企业数的65%。",
    "政府采购金额90万元，比上年增加27.4万元。",
    "会议费、培训费0.9988万元。",
    "科技工业发展资金预算200万元，全部执行到位。",
    "规模工业增加值65.94亿元，增长8.8%，增速高于全市平均水平0.5个百分点。",
    "县级专项资金317万元（其中业务工作经费117万元，科技工业发展资金200万元），执行率100%。",
    # round 2 — four false 错误 before: 节约…节约率 read as a change on last year; 较上年2.54万元下降… and
    # 比上年2719.53万元减少… read the base as the change; 比年度目标12家多8家，增长… took the change from 4
    "“三公”经费较上年减少1.42万元，下降56.1%。",
    "“三公”经费决算较预算减少0.89万元。",
    "新增高新技术企业13家，比上年增加3家。",
    "规模工业总产值246亿元，是年度目标的1.03倍。",
    "全年完成规模工业总产值246.36亿元，占年度目标的102.7%。",
    "2023年部门支出2223.04万元，较2022年的2719.53万元减少496.49万元。",
    "人员经费占基本支出的89.52%，公用经费占基本支出的10.48%。",
    "县级专项资金317万元，占总支出的14.26%。",
    "满意度达90%。",
    "自评得分99分，等级为“优”。",
    "全年共有在职人员45人，比编制数多13人。",
    "一是新增规模工业企业20家；二是新增高新技术企业13家；三是新增企业技术中心3家。",
    "超额完成新增高新技术企业目标，实际新增13家，超目标30%。",
    "新增高新技术企业由上年的10家增加到13家。",
    "规模工业总产值由上年的220.3亿元增加到246.36亿元。",
    "2023年“三公”经费预算2万元，实际支出1.11万元，节约0.89万元，节约率44.5%。",
    "接待费用1.11万元，较上年2.54万元下降56.3%。",
    "年度资金总额2223.04万元，其中一般公共预算2223.04万元。",
    "部门整体支出绩效自评得分为99分（满分100分）。",
    "自评得分99分，较上年提高2分。",
    "全年支出2223.04万元，其中基本支出886.12万元、项目支出1336.92万元，分别占39.86%和60.14%。",
    "全年实际支出2223.04万元，预算执行率为100%。",
    "“三公”经费支出决算1.11万元，为预算的55.66%。",
    "新增高新技术企业13家，同比增长18.2%。",
    "2023年末部门决算数2223.04万元，比上年2719.53万元减少18.26%。",
    "公务接待费预算2万元，决算1.11万元，较预算节约44.34%。",
    "全年新增规模工业企业20家，比年度目标12家多8家，增长66.67%。",
    "规模工业增加值65亿元以上。",
    "县级专项资金317万元全部用于业务工作和科技工业发展。",
    "科技工业发展资金200万元，较上年400万元减少一半。",
    # round 3 — 比年度目标240亿元增加…，增长2.65% was an N02 错误 at main (the change taken from 240 − 6.36), then an
    # N01 错误 (a rate against the target compared with the indicator's 增长 on last year)
    "“三公”经费支出1.11万元，比预算2万元节约0.89万元。",
    "“三公”经费决算1.11万元，较预算数2万元减少0.89万元，下降44.5%。",
    "“三公”经费支出11131.84元，比2022年的25362元下降56.11%。",
    "规模工业总产值246.36亿元，比年度目标240亿元增加6.36亿元，增长2.65%。",
    "新增高新技术企业13家，较上年10家增加3家。",
    "部门支出2223.04万元，与上年2719.53万元相比减少496.49万元。",
    # round 4 — the seed's own paragraphs reworded (all silent before too)
    "本局核定编制32人，实有在职人员45人，退休人员73人，在职人数超编13人。",
    "本局内设12个股室，另有2个二级事务中心。",
    "全县规模工业总产值246.36亿元，增长11.8%；增加值65.94亿元，增长8.8%。",
    "全年新增规模工业企业20家（年度目标12家），新增高新技术企业13家（年度目标10家）。",
    "全年新增规模企业20家，较年初目标多8家；新增高新技术企业13家，较年初目标多3家。",
    "规模工业总产值增长11.8%，较目标低0.2个百分点。",
    "年末部门决算数2223.04万元，较上年减少496.49万元，降幅18.26%。",
    "2023年部门收入决算2223.04万元，上年为2719.53万元。",
    "本年支出合计2223.04万元，基本支出和项目支出分别为886.12万元、1336.92万元。",
    "支出决算2223.04万元，其中：基本支出886.12万元，占39.86%；项目支出1336.92万元，占60.14%。",
    "基本支出886.12万元，其中人员经费793.26万元，占89.5%；公用经费92.86万元，占10.5%。",
    "“三公”经费财政拨款支出预算为2万元，支出决算为1.11万元，完成预算的55.66%，较上年减少1.42万元，下降56.11%。",
    "因公出国（境）费支出预算为0万元，支出决算为0万元，与上年持平。",
    "公务接待费支出预算为20000元，支出决算为11131.84元，完成预算的55.66%。",
    "公务用车购置及运行维护费预算0元，决算0元。",
    "“三公”经费支出1.11万元，较年初预算节约0.89万元，节约44.34%。",
    "科技工业发展资金200万元，较上年400万元减少200万元，下降50%。",
    "业务工作经费117万元，较上年115万元增加2万元，增长1.74%。",
    "县级专项资金317万元，比上年515万元减少198万元。",
    "全年政府采购金额90万元，较上年62.6万元增加27.4万元，增长43.77%。",
    "部门基本支出预算8035749.4元，调整后为8861213.88元，调整率10.27%。",
    "会议费、培训费支出0.9988万元，上年为0。",
    "办公经费9.02万元，比上年13.36万元减少4.34万元，下降32.49%。",
    "自评得分99分，其中预算执行率得分10分。",
    "综合自评得分99分，评价等级为“优”，较上年提高2分。",
    "年度绩效目标：新进规模企业12家，新增高新技术企业10家，规模工业总产值240亿元。",
    "年初设定新增高新技术企业目标10家，实际完成13家，完成率130%。",
    "新增高新技术企业13家，超额完成年度目标。",
    "2023年全县新增规模工业企业20家，是2022年的2倍。",
    "“三公”经费支出比上年减少56.11%，主要是压减了接待支出。",
    # round 5 — 超10家 (an N01 警告: 超 read into the name) and 10-15家 (an N01 错误: the range's low end printed bare)
    "新增高新技术企业１３家。",
    "新增高新技术企业13个。",
    "全年新增高新技术企业10余家。",
    "全年新增高新技术企业超10家。",
    "新增高新技术企业10-15家。",
    "规模工业总产值达246亿多元。",
    "“三公”经费支出1.1万元。",
    "“三公”经费支出1.12万元。",
    "“三公”经费支出11131.84元（约1.11万元）。",
    "全年“三公”经费支出控制在2万元以内。",
    "“三公”经费支出不足预算的六成。",
    "基本支出占支出总额的四成左右。",
    "“三公”经费决算数为上年的43.89%。",
    "服务对象满意度达到90%，满意度指标得分10分。",
    "规模工业总产值完成年度目标240亿元，实际完成246.36亿元。",
    "规模工业总产值年度目标240亿元，实际246.36亿元，完成率102.65%。",
    "规模工业总产值年度目标240亿元，实际246亿元，完成率102.5%。",
    "除规模工业总产值增速略低于目标外，其他各项目标均已完成。",
    "以上目标除规模工业总产值增速外均已完成。",
    "本局2023年度部门整体支出绩效自评得分99分，自评等级为优。",
    "本年度共召开各类会议12次，培训企业人员300人次。",
    "2023年末在职人员45人，较上年增加2人。",
    "县级专项资金317万元中，科技工业发展资金200万元，业务工作经费117万元。",
    "2023年度“三公”经费预算2万元，2024年预算1.8万元。",
    "下一步，力争新增高新技术企业15家以上。",
    # round 6 — 分别 lists, 上年/2022年 figures, 其中 of counts; “三公”经费控制在预算以内，支出1.11万元 was an N01 错误 (the
    # 支出 read as the department's, the item named in a clause without figures forgotten)
    "基本支出、项目支出分别为886.12万元、1336.92万元，分别占39.86%、60.14%。",
    "规模工业总产值和增加值分别达246.36亿元、65.94亿元，同比分别增长11.8%和8.8%。",
    "“三公”经费预算、决算分别为2万元、1.11万元。",
    "“三公”经费支出11131.84元，较上年（25362元）减少14230.16元。",
    "“三公”经费支出1.11万元，上年同期为2.54万元。",
    "“三公”经费支出比2022年度减少1.42万元。",
    "2023年度支出2223.04万元，2022年度支出2719.53万元。",
    "2022年“三公”经费决算2.54万元。",
    "“三公”经费决算数比2022年度的2.54万元下降56.3%。",
    "“三公”经费支出1.11万元，其中：公务接待费1.11万元（占100%）。",
    "在职人员45人（其中行政编制20人、事业编制25人）。",
    "新增规模工业企业20家，其中高新技术企业13家、企业技术中心3家。",
    "年度资金总额2223.04万元，执行数2223.04万元，执行率为100.00%。",
    "“三公”经费控制在预算以内，支出1.11万元，仅为预算2万元的55.66%。",
    "“三公”经费比预算节约44.34%。",
    "全年完成规模工业总产值246.36亿元，为年度目标的102.65%。",
    "规模工业增加值65.94亿元，完成年度目标63亿元的104.67%。",
    "新增规模工业企业20家，是年度目标的1.67倍。",
    "服务对象满意度90%，达到年度目标。",
    "项目支出1336.92万元，全部为县级专项资金。",
    "全年支出2223.04万元，全部为一般公共预算财政拨款。",
    "“三公”经费支出中，公务接待费1.11万元，公务用车和因公出国（境）费均为零。",
    "县级专项资金3170000元，其中科技工业发展资金2000000元。",
    "2023年“三公”经费预算比2022年决算减少0.54万元。",
    "全年接待各类来访人员约300人次。",
    "新增高新技术企业13家，高新技术企业总数达到86家。",
    # round 7 — the 基础数据表's rows in 元 and 万元, 2022/2023 columns, 其中 of a score (all silent before too)
    "公用经费928572.74元，其中办公经费90179.18元，水费、电费、差旅费137500.34元，会议费、培训费9988元。",
    "公用经费92.86万元，其中办公经费9.02万元、水电差旅费13.75万元、会议培训费1万元等。",
    "2023年公用经费92.86万元，比2022年的89.98万元增加2.88万元，增长3.2%。",
    "办公经费2023年决算9.02万元，2022年决算13.36万元。",
    "政府采购预算90万元，实际采购90万元，完成率100%。",
    "部门基本支出预算调整后886.12万元，较年初803.57万元增加82.55万元，调整率10.27%。",
    "“三公”经费2022年决算2.54万元，2023年预算2万元，2023年决算1.11万元。",
    "2023年“三公”经费较2022年下降56.11%，较预算下降44.34%。",
    "全年未发生因公出国（境）费用和公务用车购置及运行维护费用。",
    "公务接待费1.11万元，主要用于上级检查指导和外地考察交流接待。",
    "县级专项资金317万元，全部按规定用途使用，执行率100%。",
    "科技工业发展资金200万元，主要用于企业奖励和创新平台建设，其中规模工业奖励每家4万元。",
    "对新进规模企业每家奖励4万元，共奖励20家。",
    "2023年度共有在职人员45人，编制32人，控制率140.63%。",
    "部门整体支出绩效自评得分99分，其中预算执行率10分，产出指标55分，效益指标24分，满意度指标10分。",
    "本年度收入2223.04万元，支出2223.04万元，收支平衡。",
    "年初预算2223.04万元，全年预算2223.04万元，全年执行2223.04万元。",
    "新增规模企业数量较年度目标增长66.7%。",
    "高新技术企业新增13家，较上年新增数增加3家。",
    # round 8 — claims of the targets met; 数量指标均已完成 was an N03 错误 (the missed row is a 社会效益指标)
    "各项绩效目标基本完成。",
    "除一项指标外，其余指标均已完成。",
    "部分指标未完成，主要是规模工业总产值增速低于目标。",
    "下一步将确保各项绩效目标全部完成。",
    "绩效目标完成情况良好，规模工业总产值增速未达预期。",
    "满意度指标已完成。",
    "数量指标均已完成。",
    "产出指标均已完成。",
    "满意度指标全部达到。",
    "质量指标和数量指标均已完成。",
    # round 9 — counts in 个/项/次/件/人次 (all silent before too)
    "本局内设股室12个，二级事务中心2个。",
    "全年实施科技项目5项，新增企业技术中心3个。",
    "全年新增企业技术中心3个，累计达到15个。",
    "绩效指标共设置8项，其中7项完成，1项未完成。",
    "自评表设置三级指标8个，其中满分指标7个。",
    "全局共有干部职工118人，其中在职45人、退休73人。",
    "核定编制32个，实有在职人员45名。",
    "全年开展企业服务活动20余次，走访企业300余家。",
    "新增规模工业企业20家，占年度新增企业的比重超过六成。",
    "全年新增规模工业企业20家，超额完成年度目标任务8家。",
    "规模工业增加值增长8.8%，高于年初预期0.3个百分点。",
    "全年组织培训2期，培训企业人员120人次。",
    "全年处理企业诉求36件，办结率100%。",
    "群众满意度调查回收问卷200份，满意率90%。",
)

#: One real contradiction each, and the one N finding it must give.
CONTRADICTIONS = {
    "全年新增高新技术企业15家。": ("N01", "error"),
    "新进规模企业18家，超额完成年度目标。": ("N01", "error"),
    "本年支出合计2223.04万元，其中基本支出886.12万元，项目支出1436.92万元。": ("N02", "error"),
    # caught since narrative review 11 (二者合计 is a sum word: 793.26 + 92.86 = 886.12)
    "人员经费793.26万元，公用经费92.86万元，二者合计896.12万元。": ("N02", "warning"),
    "“三公”经费预算2万元，实际支出1.11万元，完成预算的65%。": ("N02", "error"),
    "部门整体支出绩效自评得分98分。": ("N01", "warning"),
    "以上目标均已完成。": ("N03", "error"),
    # N01 since lost17 (N02 before): the rate of a 三公 item's 支出 said against last year is held to the 基础数据表's
    # own two years (25362 → 11131.84: −56.11%), as the item named without 支出 always was; 65% differs from it, and
    # the finding's basis names both places (正文第8段 and 表2!F11 with the cells it is computed from). The text's own
    # figures (1.42 / 2.53 = 56%) disagree with 65% too; a rate that agrees with the table but not with them stays N02.
    "公务接待费支出1.11万元，比上年减少1.42万元，下降65%。": ("N01", "error"),
    "县级专项资金317万元，其中业务工作经费117万元、科技工业发展资金250万元。": ("N02", "error"),
    "2023年全县规模工业总产值达到256亿元。": ("N01", "error"),
    "核定编制数32人，在职人员48人。": ("N01", "error"),
    "收入决算2223.04万元，比上年减少496.49万元，减少20%。": ("N02", "error"),
    "2023年“三公”经费预算3万元。": ("N01", "error"),
    "新增规模工业企业20家，完成年度目标12家的150%。": ("N02", "error"),
    "规模工业增加值63亿元。": ("N01", "error"),
    "“三公”经费支出11131.84元，较上年的25362元减少14230.16元，下降46.11%。": ("N02", "error"),
    "公用经费支出决算90万元。": ("N01", "error"),
    "新增规模工业企业20家，比年度目标12家多8家，增长50%。": ("N02", "error"),
    "2023年末部门决算数2223.04万元，比上年2719.53万元减少10%。": ("N02", "error"),
    "接待费用1.11万元，较上年2.54万元下降36.3%。": ("N02", "error"),
    "规模工业总产值246.36亿元，比年度目标240亿元增加6.36亿元，增长3.65%。": ("N02", "error"),
    "“三公”经费支出11131.84元，比2022年的25362元下降46.11%。": ("N02", "error"),
    "新增高新技术企业14-15家。": ("N01", "error"),
    "全年新增高新技术企业超15家。": ("N01", "error"),
    "公用经费92.86万元，其中办公经费9.02万元、水电差旅费13.75万元、会议培训费71万元。": ("N02", "error"),
    "2023年公用经费92.86万元，比2022年的89.98万元增加2.88万元，增长5.2%。": ("N01", "error"),
    "绩效目标全部完成。": ("N03", "error"),
    "年度绩效目标均已实现。": ("N03", "error"),
    "效益指标均已完成。": ("N03", "error"),
    "社会效益指标均已完成。": ("N03", "error"),
    "核定编制30人，实有在职人员45人。": ("N01", "error"),
    "全年新增规模工业企业21家，超额完成年度目标任务。": (
        "N01",
        "warning",
    ),  # 新增规模工业企业 ↔ 新进规模企业: a name pair
}

#: Contradictions perfxl does not see yet (missed, never false): why.
MISSED = {
    "基本支出886.12万元，占总支出的49.86%。": "a share whose base (the total) is not in its sentence is not computed from the tables",
    "服务对象满意度为85%。": "the 三级指标 is named 群众满意度达90%: no name pairs it with 服务对象满意度",
    "政府采购金额95万元。": "the 基础数据表's 政府采购金额 row is no claim the narrative is compared with",
    "全年新增高新技术企业13家，较年初目标10家多5家。": "a difference between actual and target is skipped",
    "县级专项资金预算317万元，全年执行300万元。": "县级专项资金's spending is compared only under its own row's name, not read from 全年执行",
    "“三公”经费预算2万元，实际支出1.11万元，节约0.89万元，节约率54.5%。": "a saving's rate (节约率) is not computed against its budget",
    "部门整体支出绩效自评得分99分，其中预算执行率10分，产出指标55分，效益指标25分，满意度指标10分。": (
        "a score's 其中 parts in 分 are not summed"
    ),
    "2023年度共有在职人员45人，编制32人，控制率150%。": "a stated 控制率 is not computed from 在职 / 编制",
    "对新进规模企业每家奖励4万元，共奖励18家。": "共奖励…家 names no indicator (新进规模企业 is in the clause before)",
    "“三公”经费2022年决算3.54万元，2023年预算2万元，2023年决算1.11万元。": (
        "a figure named by last year's number is not compared with the 基础数据表's 2022年决算数 column"
    ),
    "全面完成了年度各项目标任务。": "a claim with 全面完成 before the 目标 it claims is not read as one",
    "实有在职人员45人，超编15人。": "超编 (在职 − 编制) is not computed",
}


@pytest.mark.parametrize("sentence", CONSISTENT)
def test_a_consistent_rephrasing_is_not_called_wrong(tmp_path, sentence):
    """No 错误 and no 警告 at the paragraph (a 提示 N04 — "no table holds this figure" — may stand)."""
    found = [(f.code, f.severity.value, f.message) for f in seed_report_findings(tmp_path, sentence)]
    assert not [f for f in found if f[1] in ("error", "warning")], found


@pytest.mark.parametrize("sentence", sorted(CONTRADICTIONS))
def test_one_contradiction_gives_one_finding_at_its_paragraph(tmp_path, sentence):
    found = [(f.code, f.severity.value) for f in seed_report_findings(tmp_path, sentence) if f.code.startswith("N")]
    assert [f for f in found if f[1] != "info"] == [CONTRADICTIONS[sentence]], found


@pytest.mark.parametrize("sentence", sorted(MISSED))
def test_contradictions_not_seen_yet_are_missed_never_called_otherwise(tmp_path, sentence):
    """Recorded, not hidden: each is silent (no 错误 or 警告 anywhere in its paragraph) — when one is caught, move it."""
    found = [(f.code, f.severity.value) for f in seed_report_findings(tmp_path, sentence)]
    assert not [f for f in found if f[1] != "info"], (MISSED[sentence], found)


@pytest.mark.parametrize("sentence", ["部门整体预算执行率94.5%。", "年度资金总额2223.04万元，预算执行率94.5%。"])
def test_a_rate_copied_from_the_tables_wrong_cell_says_so(tmp_path, sentence):
    """The 自评表 prints 执行率 94.5 beside 2223.04 / 2223.04 (F04's 错误); the text repeating it is still wrong against the
    amounts — one N01 错误 whose message names the printed cell, so both are put right (before: no word of the cell)."""
    [(severity, message)] = codes(seed_report_findings(tmp_path, sentence), "N01")
    assert severity == "error" and "100%" in message and "表3!G4" in message and "F04" in message


def test_a_rate_computed_from_two_columns_is_shown_rounded(tmp_path):
    """公用经费 2022 899763元 → 2023 928572.74元 is +3.2019…%: the N01 shows 3.202%, not 28 decimals (before)."""
    sentence = "2023年公用经费92.86万元，比2022年的89.98万元增加2.88万元，增长5.2%。"
    [(severity, message)] = codes(seed_report_findings(tmp_path, sentence), "N01")
    assert severity == "error" and "3.202%" in message and "3.2019" not in message


def test_a_guess_against_the_tables_gives_way_to_a_certain_sum(tmp_path):
    """项目支出 1436.92 was an N01 警告 (paired with the 自评表's 县级专项资金 only as a guess), which hid the certain N02:
    886.12 + 1436.92 = 2323.04 exceeds the 2223.04 it is 其中 of. Now the one finding on the figure is the surer one."""
    sentence = "本年支出合计2223.04万元，其中基本支出886.12万元，项目支出1436.92万元。"
    found = [(f.code, f.severity.value, f.message) for f in seed_report_findings(tmp_path, sentence)]
    [(code, severity, message)] = [f for f in found if f[1] != "info"]
    assert (code, severity) == ("N02", "error") and "2323.04万元" in message
