"""Benign rewrites of real tables change no verdict (issue 11: no 错误 on a correct row).

A published table typed with a full-width IME ("８６．２０％", "≧95％") or with padded cells means what the
table in tests/realworld/ means: perfxl must raise the same 错误 rows on both. The tables are those whose rates
and scores are judged at their printed precision (where a misread "．" once turned 86.20% into a false F04).
"""

from __future__ import annotations

import copy
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

from render import CORPUS, load_table, render

from perfxl.model import Severity
from perfxl.validate import validate_file

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
]
_FIGURE = re.compile(r"^\s*[≥≤><=]?\s*\d[\d,]*(?:\.\d+)?\s*%?\s*$")
_FULL_WIDTH = str.maketrans("0123456789.%≥≤", "０１２３４５６７８９．％≧≦")


def _full_width(text: str) -> str:
    return text.translate(_FULL_WIDTH) if _FIGURE.match(text) else text


def _padded(text: str) -> str:
    return f" {text} " if _FIGURE.match(text) else text


def _error_rows(table, out: Path) -> set[tuple[str, int | None]]:
    result = validate_file(render(table, out))
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
