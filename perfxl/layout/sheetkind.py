"""What a sheet is, from its name (a budget system's project file names its sheets: 项目基本信息,
支出计划, 绩效目标申报表 …) and from the tables found on it by their header labels.

Names are data (`SHEET_NAMES`). A sheet named as a non-table part of a project file (支出计划, 支出明细,
评审报告 …) is not read as a 自评表: its amounts and merges are not a funds block, and nothing on it
may become a finding. It still counts as read, with its kind and a note.
"""

from __future__ import annotations

from .headers import normalise_label

__all__ = ["SHEET_NAMES", "KIND_ZH", "kind_from_name", "NOT_TABLE_KINDS", "TABLE_KINDS"]

#: (kind, name fragments): the first kind whose fragment the normalised sheet name contains.
SHEET_NAMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("evaluation", ("自评表", "自评")),
    ("basic", ("基础数据表", "基础数据")),
    ("monitoring", ("执行监控", "监控表", "绩效监控")),
    ("declaration", ("绩效目标申报", "目标申报表", "申报表", "绩效目标表")),
    ("project_info", ("项目基本信息", "基本信息")),
    ("basis", ("立项依据",)),
    ("plan", ("实施方案",)),
    ("spending_plan", ("支出计划", "用款计划")),
    ("spending_detail", ("支出明细", "测算明细", "明细表")),
    ("review", ("评审报告", "评审意见", "专家评审")),
    ("instructions", ("填表说明", "填报说明", "说明")),
)
KIND_ZH = {
    "project": "项目支出绩效自评表",
    "department": "部门整体支出绩效自评表",
    "basic": "基础数据表",
    "declaration": "绩效目标申报表",
    "monitoring": "绩效目标执行监控表",
    "project_info": "项目基本信息",
    "basis": "项目支出立项依据",
    "plan": "实施方案",
    "spending_plan": "支出计划",
    "spending_detail": "支出明细",
    "review": "评审报告",
    "instructions": "填表说明",
    "other": "其他内容",
    "empty": "空白工作表",
    "unruled_table": "无框线表格",
    "stacked_unsure": "表格分界未定",  # a PDF table read whole where a second one may begin (perfxl.document.pdf_stacked)
    "functional": "支出功能分类表",  # perfxl.layout.sum_tables: read for its own sums only
    "totals": "收支总表",
    "three_public_sums": "三公经费表（未注明预算或决算）",  # a PDF table printed without rules (perfxl.document.pdf_columns)
}
#: Kinds that hold a table perfxl reads; the others are read as "other" parts of a project file.
TABLE_KINDS = frozenset({"project", "department", "basic", "declaration", "monitoring"})
NOT_TABLE_KINDS = frozenset(
    {"project_info", "basis", "plan", "spending_plan", "spending_detail", "review", "instructions"}
)


def kind_from_name(name: str) -> str:
    """The kind a sheet's name suggests ("evaluation" for a 自评表 of either kind), or ""."""
    label = normalise_label(name)
    for kind, fragments in SHEET_NAMES:
        if any(f in label for f in fragments):
            return kind
    return ""
