"""Benign rewrites of real tables change no verdict (issue 11: no 错误 on a correct row).

A published table typed with a full-width IME ("８６．２０％", "≧95％") or with padded cells means what the
table in tests/realworld/ means: perfxl must raise the same 错误 rows on both. The same table typed in Excel —
figures as number cells, percents as %-formatted fractions (86.2% holds 0.862) — must raise no 错误 the text does
not: a number cell's display format is not read, so what it could show is a judgement at most. And the same
table exported without its merged cells (values in the first cell only, as many systems export) must raise no
错误 the merged one does not. The tables are those whose rates, scores and weights are judged at their printed
precision or read as percents, and those whose headers and names span rows.
"""

from __future__ import annotations

import copy
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

from render import CORPUS, load_table, validated

from perfxl.model import Severity

TABLES = [
    "anhui-jinzhai-meilixiangcun-bumen-2023",
    "anhui-luan-gonggongwenhua-2021",
    "anhui-xuancheng-dongwufangyi-2023",
    "beijing-haidian-xueyuanlu-baojie-2016",
    "hunan-hengshan-guantang-jichushuju-2023",
    "ningxia-fucai-app-2023",
    "shandong-licheng-wenhuaguan-2019",
    "shanghai-putuo-tiyu-2022",
    "shanxi-jishan-gonggongweisheng-2021",
    "sichuan-chaotian-quanminjianshen-2023",
    "yunnan-baoshan-nengyuan-2023",
    "yunnan-longyang-huafei-2022",
    "yunnan-shidian-xinxingzhuti-2019",
    "yunnan-yongde-yingyang-2022",  # 实际完成值 100% under a 度量单位 "%" column
    "sichuan-puhuijinrong-ziping",  # 权重 "20%": in points of the 100
    "anhui-tianjiaan-jiuyebuzhu-2024",
    "hebei-langfang-nuantong-2019",
    "shanxi-jishan-jiandanglika-2020",
]
_FIGURE = re.compile(r"^\s*[≥≤><=]?\s*\d[\d,]*(?:\.\d+)?\s*%?\s*$")
_FULL_WIDTH = str.maketrans("0123456789.%≥≤", "０１２３４５６７８９．％≧≦")


def _full_width(text: str) -> str:
    return text.translate(_FULL_WIDTH) if _FIGURE.match(text) else text


def _padded(text: str) -> str:
    return f" {text} " if _FIGURE.match(text) else text


def _error_rows(table, out: Path) -> set[tuple[str, int | None]]:
    result = validated(table, out)  # render + validate_file, once per run for the same table
    return {(f.code, getattr(f.ref, "row", None)) for f in result.findings if f.severity is Severity.ERROR}


@pytest.mark.parametrize("rewrite", [_full_width, _padded], ids=["full_width", "padded"])
@pytest.mark.parametrize("name", TABLES)
def test_a_benign_rewrite_of_every_figure_changes_no_error(name, rewrite, tmp_path):
    table = load_table(CORPUS / f"{name}.toml")
    changed = copy.deepcopy(table)
    changed.rows = [[rewrite(cell) for cell in row] for row in table.rows]
    assert changed.rows != table.rows  # the table has figures to rewrite
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert _error_rows(changed, tmp_path / "b") == _error_rows(table, tmp_path / "a")


@pytest.mark.parametrize("name", TABLES)
def test_the_table_typed_in_excel_raises_no_error_the_text_does_not(name, tmp_path):
    table = load_table(CORPUS / f"{name}.toml")
    (tmp_path / "text").mkdir()
    (tmp_path / "excel").mkdir()
    as_text = _error_rows(table, tmp_path / "text")
    typed = copy.deepcopy(table)
    typed.meta = {**table.meta, "typed_in_excel": True}  # render.plan_typed_in_excel
    assert _error_rows(typed, tmp_path / "excel") - as_text == set()


#: Tables whose second header row or 三级 names are merged over rows.
MERGED = [
    "anhui-tongling-jiaoqu-gongyishiye-2021",  # 账务管理 merged over its two criteria rows
    "hebei-chengan-gaolingjintie-2020",  # 符号 │ 单位(文字描述) │ 单项指标得分 … under the merged header
    "hubei-huangshi-dangxiao-pifu-2022",  # 2021年实际实现值 │ 预期2022年实现值 under 指标值
]


@pytest.mark.parametrize("name", MERGED)
def test_the_table_exported_without_merges_raises_no_error_the_merged_one_does_not(name, tmp_path):
    table = load_table(CORPUS / f"{name}.toml")
    unmerged = copy.deepcopy(table)
    unmerged.merges = []
    (tmp_path / "merged").mkdir()
    (tmp_path / "unmerged").mkdir()
    assert _error_rows(unmerged, tmp_path / "unmerged") - _error_rows(table, tmp_path / "merged") == set()


def test_a_blank_name_under_a_run_of_blank_names_is_a_lost_merge_at_most(tmp_path):
    """稷山 2021 as stored: 指标2 and then two rows whose names the export lost (a 三级 merged over three criteria
    rows loses its merge as one over two does). Both blank names are I01 judgements naming 指标2 — before, the second
    (D15) was an 错误, the transcriber's one disputed false 错误."""
    table = load_table(CORPUS / "shanxi-jishan-gonggongweisheng-2021.toml")
    result = validated(table, tmp_path)
    i01 = [f for f in result.findings if f.code == "I01"]
    assert [(f.ref.cell, f.severity) for f in i01] == [("D14", Severity.WARNING), ("D15", Severity.WARNING)]
    assert all("指标2:发放健康教育资料" in f.message for f in i01)
    unmerged_under_named_row = copy.deepcopy(table)  # the run broken by a named row: its blank name is no lost merge
    unmerged_under_named_row.rows[13][3] = "指标3:发放宣传资料"
    result = validated(unmerged_under_named_row, tmp_path / "named")
    assert [(f.ref.cell, f.severity) for f in result.findings if f.code == "I01"] == [("D15", Severity.WARNING)]
