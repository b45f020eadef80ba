"""A 部门整体支出绩效自评报告 as a Word document, built from the seed's figures: the narrative (written
here in perfxl's own words) carries the seed's figures and its four narrative/table contradictions,
and the 基础数据表 and 自评表 are the seed tables of perfxl.workbook.seed laid out as Word tables.

`REPORT_FIGURES` names every figure of the narrative, so a test can change exactly one
(`build_report_docx(path, figures={"hitech_firms": "14"})`) or make the narrative agree with the
tables (`AGREEING_FIGURES`). `export_pdf` converts the document with headless LibreOffice.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from perfxl.errors import PerfxlError
from perfxl.io.atomic import atomic_write
from perfxl.io.libreoffice import convert_many, soffice_path
from perfxl.records import record

from .build import EXAMPLE_SHAPE
from .plan import SheetPlan
from .seed import seed_content
from .writer import build_plans

__all__ = [
    "REPORT_FIGURES",
    "AGREEING_FIGURES",
    "REPORT_PARAGRAPHS",
    "TARGET_ROWS",
    "ReportDocx",
    "report_paragraphs",
    "build_report_docx",
    "export_pdf",
    "soffice",
]

#: Every figure the narrative states, as printed. Four disagree with the seed's tables on purpose,
#: as they do in the published report: new_scale_firms (table 新进规模企业 20家), hitech_firms
#: (table 13家), three_public_budget / reception_budget (基础数据表 2023年预算数 20000 元), and
#: the goal sentence (规模工业总产值 增长12% was not reached: 11.8%).
REPORT_FIGURES: Mapping[str, str] = {
    "establishment": "32",
    "staff": "45",
    "retired": "73",
    "output_value": "246.36",
    "output_growth": "11.8",
    "added_value": "65.94",
    "added_growth": "8.8",
    "new_scale_firms": "16",
    "hitech_firms": "19",
    "tech_centres": "3",
    "goal_sentence": "以上目标均以完成。",
    "income": "2223.04",
    "income_drop": "496.49",
    "income_drop_rate": "18.26",
    "expense": "2223.04",
    "basic": "886.12",
    "basic_share": "39.86",
    "project": "1336.92",
    "project_share": "60.14",
    "basic_fiscal": "886.12",
    "personnel": "793.26",
    "public_funds": "92.86",
    "three_public_budget": "3",
    "three_public_final": "1.11",
    "three_public_rate": "37",
    "overseas_budget": "0",
    "overseas_final": "0",
    "reception_budget": "3",
    "reception_final": "1.11",
    "reception_rate": "37",
    "reception_drop": "1.4",
    "reception_drop_rate": "56",
    "vehicles_budget": "0",
    "vehicles_final": "0",
}

#: The same narrative agreeing with the tables (what a careful unit would have written).
AGREEING_FIGURES: Mapping[str, str] = {
    **REPORT_FIGURES,
    "new_scale_firms": "20",
    "hitech_firms": "13",
    "three_public_budget": "2",
    "three_public_rate": "56",
    "reception_budget": "2",
    "reception_rate": "56",
    "goal_sentence": "各项指标的完成情况见附表，规模工业总产值增速略低于年初目标。",
}

#: The narrative, paragraph by paragraph ("{key}" = a figure of REPORT_FIGURES; "" = the target table).
REPORT_PARAGRAPHS: tuple[str, ...] = (
    "隆回县科技和工业信息化局2023年度部门整体支出绩效自评报告",
    "一、单位基本情况",
    "本局内设12个股室，另有两个二级事务中心。核定编制数为{establishment}人，其中在职{staff}人；退休人员{retired}人。",
    "本局负责全县工业、科技和信息化工作的综合管理、运行调度与服务。",
    "二、年度主要工作成效",
    "2023年全县规模工业总产值达到{output_value}亿元，同比增长{output_growth}%；规模工业增加值{added_value}亿元，同比增长{added_growth}%。"
    "全年新增规模工业企业{new_scale_firms}家，新增高新技术企业{hitech_firms}家，新增企业技术中心{tech_centres}家。",
    "年初设定的主要绩效目标如下：",
    "",  # 绩效目标 table
    "{goal_sentence}",
    "三、部门收支情况",
    "收入决算：2023年末部门决算数{income}万元，比上年减少{income_drop}万元，减少{income_drop_rate}%，主要是上级专项资金减少。",
    "支出决算：本年支出合计{expense}万元，其中：基本支出{basic}万元，占{basic_share}%；项目支出{project}万元，占{project_share}%。",
    "2023年度财政拨款基本支出{basic_fiscal}万元，其中：人员经费{personnel}万元，公用经费{public_funds}万元。",
    "四、“三公”经费情况",
    "“三公”经费财政拨款支出预算为{three_public_budget}万元，支出决算为{three_public_final}万元，完成预算的{three_public_rate}%，其中：",
    "因公出国（境）费支出预算为{overseas_budget}万元，支出决算为{overseas_final}万元，与上年持平。",
    "公务接待费支出预算为{reception_budget}万元，支出决算为{reception_final}万元，完成预算的{reception_rate}%，"
    "与上年相比减少{reception_drop}万元，减少{reception_drop_rate}%，主要是压减了接待支出。",
    "公务用车购置费及运行维护费支出预算为{vehicles_budget}万元，支出决算为{vehicles_final}万元，本单位无公务用车。",
    "五、存在的问题和改进措施",
    "机关运行经费保障压力较大，下一步将加强预算编制与资产管理，严控“三公”经费。",
    "附表：2023年度部门整体支出绩效评价基础数据表、2023年度部门整体支出绩效自评表",
)

#: The 绩效目标 table of the narrative (二级指标 | 三级指标 | 指标值 without a header row, as the seed's report sets it out).
TARGET_ROWS: tuple[tuple[str, str, str], ...] = (
    ("数量指标", "新进规模企业", "12家"),
    ("数量指标", "新增高新技术企业", "10家"),
    ("质量指标", "完成规模工业总产值", "240亿元"),
    ("质量指标", "规模工业增加值", "63亿元"),
    ("社会效益指标", "规模工业总产值", "增长12%"),
    ("满意度指标", "服务对象满意度", "90%"),
)


@record()
class ReportDocx:
    """A built report: its path, the body paragraph number of each narrative template (1-based, as
    perfxl numbers non-empty paragraphs) and the Word table names ("表1" 绩效目标, "表2" 基础数据表, "表3" 自评表)."""

    path: Path
    paragraph_of: dict[int, int]  # index in REPORT_PARAGRAPHS → paragraph number
    figures: dict[str, str]

    def paragraph_with(self, key: str) -> list[int]:
        """Paragraph numbers whose text carries figure `key`."""
        return [n for i, n in self.paragraph_of.items() if "{" + key + "}" in REPORT_PARAGRAPHS[i]]


def report_paragraphs(figures: Mapping[str, str] | None = None) -> list[str]:
    """The narrative with `figures` (REPORT_FIGURES overridden) filled in."""
    values = {**REPORT_FIGURES, **(figures or {})}
    return [p.format_map(values) for p in REPORT_PARAGRAPHS]


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _keep_rows_whole(table: Any) -> None:
    """No row broken across a page (w:cantSplit), as official forms are set: a PDF export then never
    shows half a row at the foot of a page."""
    # lazy: python-docx (~60 ms, no Pyodide build) only when a report .docx is built
    from docx.oxml import OxmlElement

    for row in table.rows:
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:cantSplit"))


def _plan_table(document: Any, plan: SheetPlan) -> None:
    """A SheetPlan (the seed table as the workbook writer lays it out) as one Word table with merges."""
    n_rows = max(r for r, _ in plan.cells) + 1
    n_cols = max(c for _, c in plan.cells) + 1
    table = document.add_table(rows=n_rows, cols=n_cols)
    table.style = "Table Grid"
    _keep_rows_whole(table)
    grid = [list(row.cells) for row in table.rows]  # row by row: table.cell() re-walks the whole table each call
    for r0, c0, r1, c1 in plan.merges:
        grid[r0][c0].merge(grid[r1][c1])
    for (r, c), spec in sorted(plan.cells.items()):
        text = _cell_text(spec.value)
        if text:
            grid[r][c].paragraphs[0].text = text


@lru_cache(maxsize=1)
def _seed_tables() -> tuple[Any, ...]:
    """The seed's tables as Word table elements (w:tbl), built once: they do not change with the narrative's
    figures, and python-docx's merges cost ≈ 0.2 s a document."""
    import docx  # lazy: python-docx (~60 ms, no Pyodide build) only when a report .docx is built

    scratch = docx.Document()
    for plan in build_plans(seed_content(), EXAMPLE_SHAPE):
        _plan_table(scratch, plan)
    return tuple(t._tbl for t in scratch.tables)


def build_report_docx(path: str | Path, figures: Mapping[str, str] | None = None) -> ReportDocx:
    """Write the report .docx to `path` (atomically); `figures` override REPORT_FIGURES."""
    # lazy: python-docx (~60 ms, no Pyodide build) only when a report .docx is built
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.styles["Normal"].font.size = Pt(10.5)
    texts = report_paragraphs(figures)
    numbers: dict[int, int] = {}
    n = 0
    for i, text in enumerate(texts):
        if REPORT_PARAGRAPHS[i] == "":
            table = document.add_table(rows=len(TARGET_ROWS), cols=3)
            table.style = "Table Grid"
            for r, row in enumerate(TARGET_ROWS):
                for c, value in enumerate(row):
                    table.cell(r, c).paragraphs[0].text = value
            continue
        document.add_paragraph(text)
        if text.strip():
            n += 1
            numbers[i] = n
    for table in _seed_tables():
        document.add_paragraph("")
        document.element.body._insert_tbl(copy.deepcopy(table))
    out = Path(path)
    atomic_write(out, lambda fh: document.save(fh), force=True)
    return ReportDocx(out, numbers, {**REPORT_FIGURES, **(figures or {})})


def soffice() -> str | None:
    """The LibreOffice executable, or None when it is not installed."""
    return soffice_path()


def export_pdf(docx_path: str | Path, out_dir: str | Path | None = None, timeout: float = 180) -> Path:
    """The PDF export of a .docx by headless LibreOffice (perfxl.io.libreoffice); RuntimeError when
    LibreOffice is missing or fails."""
    src = Path(docx_path)
    try:
        [pdf] = convert_many([src], "pdf", Path(out_dir) if out_dir is not None else src.parent, timeout=timeout)
    except PerfxlError as exc:
        raise RuntimeError(f"LibreOffice could not export {src.name}: {exc.message_en}") from None
    return pdf
