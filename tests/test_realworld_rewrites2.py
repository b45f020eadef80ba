"""More benign rewrites a real filing produces change no 错误 (issue 11: no 错误 on a correct row).

The same published table with its operators written as words or ASCII ("≥95%" ↔ "不低于95%" ↔ ">=95%" ↔
"95%以上": 以上/以下 include the number, 《民法典》第一千二百五十九条), the operator or the unit in a column of its own
(指标性质 | 指标值 | 度量单位, as 云南's and 四川's forms print them) or back in the value, in traditional characters
(OpenCC s2t), further right and down on the sheet, with an empty 备注 column at its right or a blank row between its
blocks, its 分值 typed "10.00", its 其中 rows labelled "其中:", "其中 " or only indented, or its funds block's
全年预算数 and 全年执行数 columns in the other order under their headers, means what the table in tests/realworld/
means: perfxl must raise no 错误 on it that the published text does not, and find what it finds there. The rewrites are those of
tests/realworld/probe_rewrites.py, which applies them to the whole corpus; here each runs over tables it changes
(those that exercised it), rows mapped back where it inserts rows.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

import probe_rewrites as P
from render import CORPUS, load_table

#: rewrite → tables it changes (picked for what they exercise).
CASES: dict[str, tuple[str, ...]] = {
    # an empty 备注 column at the right: read as the 偏差原因 column, so a blank one under a missed target was 错误 D01
    "note_column": ("chongqing-kexuecheng-rongmeiti-bumen-2021", "hubei-huanggang-shuitubaochi-2020"),
    # traditional characters: "建設中" under a numeric target was not read as "still under way" (D01 lost)
    "traditional": ("sichuan-chaotian-quanminjianshen-2023", "yunnan-yongde-yingyang-2022"),
    # the table twice on one sheet: a second 基础数据表 was read as more rows of the first (B03: 三公经费 ≠ 2 × its parts)
    "stacked": ("hunan-jichushuju-2018", "hunan-hengshan-guantang-jichushuju-2023", "yunnan-yongde-yingyang-2022"),
}


@pytest.mark.parametrize(
    ("rewrite", "name"), [(rw, name) for rw, names in CASES.items() for name in names], ids=lambda x: x
)
def test_a_benign_rewrite_raises_no_error_the_published_table_does_not(rewrite, name, tmp_path):
    table = load_table(CORPUS / f"{name}.toml")
    got = P.REWRITES[rewrite](table)
    assert got is not None and got[0].rows != table.rows  # the rewrite applies to this table
    changed, rowmap = got
    published, rewritten = P.findings(table, tmp_path / "published"), P.findings(changed, tmp_path / "rewritten")
    assert P.errors(changed, rewritten, rowmap) - P.errors(table, published, None) == set()
    # and every hand-found error the published table gives is still found, at its row
    assert P.met(table, published, None) - P.met(changed, rewritten, rowmap) == set()
