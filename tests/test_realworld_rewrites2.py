"""More benign rewrites a real filing produces change no 错误 (issue 11: no 错误 on a correct row).

The same published table with its operators written as words or ASCII ("≥95%" ↔ "不低于95%" ↔ ">=95%" ↔
"95%以上": 以上/以下 include the number, 《民法典》第一千二百五十九条), the operator or the unit in a column of its own
(指标性质 | 指标值 | 度量单位, as 云南's and 四川's forms print them) or back in the value, in traditional characters
(OpenCC s2t), further right and down on the sheet, with an empty 备注 column at its right or a blank row between its
blocks, its 分值 typed "10.00", its 其中 rows labelled "其中:", "其中 " or only indented, its funds block's
全年预算数 and 全年执行数 columns in the other order under their headers, twice on one sheet, copied from a web page
(no-break spaces), with Alt+Enter inside its headers, thousands separators, other brackets and dashes, or its merges
exported filled (取消合并并填充: each label repeated in every cell it covered), its 总分 row labelled 合计, its
执行率's "%" in the header, or several of these at once means what the table in tests/realworld/
means: perfxl must raise no 错误 on it that the published text does not, and find what it finds there.
Not benign, so not here: a 得分 typed "9.00" for "9" (the printed precision then says exactly 9.00, while "9" may be
a rounded 8.97), and amounts typed in 元 under a title saying 万元. The rewrites are those of
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
    # full-width figures ("５０．２９", "０"): a funds row of full-width amounts was not read as holding figures, so
    # a blank 年度资金总额 over its sources (F02) and a rate over a zero budget (F04) went unseen
    "full_width": ("shaanxi-chencang-canlian-mubiao-2023", "anhui-huoshan-yiliaojiuzhu-2024"),
    # the table twice on one sheet: a second 基础数据表 was read as more rows of the first (B03: 三公经费 ≠ 2 × its parts)
    "stacked": ("hunan-jichushuju-2018", "hunan-hengshan-guantang-jichushuju-2023", "yunnan-yongde-yingyang-2022"),
    # merges exported filled (取消合并并填充: a label repeated in every cell it covered): 资金投入情况 | 列次 | 0 | 1 …
    # was read as a source row (F02/F03/F04), a title repeated across its row was no title (F01 on a 目标表), the
    # goal text's row under a repeated 年度总体目标 began a second table (T02 with no 预算执行率得分, W05, I01), and a
    # 注 row repeated across the table was read as an indicator (I01)
    "unmerged_filled": (
        "sichuan-mingshan-lincao-2024",
        "sichuan-ganzi-shijianju-mubiao-2023",
        "yunnan-yongde-yingyang-2022",
        "shanxi-jishan-jiandanglika-2020",
        "hunan-yueyangxian-gaobiaozhunnongtian-shenbao-2022",
    ),
    # found nothing at the first run over the corpus: held to it on the tables that exercise them most
    "ops_ascii": ("sichuan-zhongjiang-shuibiaochi-2022", "yunnan-longyang-huafei-2022"),
    "ops_words": ("sichuan-zhongjiang-shuibiaochi-2022", "yunnan-longyang-huafei-2022"),
    "ops_suffix": ("sichuan-zhongjiang-shuibiaochi-2022", "yunnan-longyang-huafei-2022"),
    "ops_space": ("yunnan-longyang-huafei-2022",),
    "ops_symbol": ("shanxi-jishan-gonggongweisheng-2021", "jiangxi-nanchang-canchaweishengyuan-bumen-2021"),
    "op_column": ("anhui-xiaoxian-hexicun-2023", "anhui-yuan-wenwubaohu-2022"),
    "op_into_value": ("yunnan-yongde-yingyang-2022", "chongqing-rongchang-lvhua-mubiao-2022"),
    "unit_column": ("shanxi-jishan-gonggongweisheng-2021", "anhui-xiaoxian-hexicun-2023"),
    "unit_into_value": ("jiangxi-fuliang-linye-mubiao-2026", "yunnan-yongde-yingyang-2022"),
    "shifted": ("chongqing-kexuecheng-rongmeiti-bumen-2021", "hunan-jichushuju-2018"),
    "blank_rows": ("jiangxi-nanchang-canchaweishengyuan-bumen-2021", "yunnan-yongde-yingyang-2022"),
    "weights_zeros": ("shanxi-jishan-gonggongweisheng-2021", "hainan-shangwuting-fuwumaoyi"),
    "scores_int": ("yunnan-longyang-huafei-2022",),
    "thousands": ("neimenggu-linhe-jiuyebuzhu-2022", "yunnan-yongde-yingyang-2022"),
    "header_breaks": ("yunnan-nanhua-yeshengjun",),
    "nbsp": ("chongqing-kexuecheng-rongmeiti-bumen-2021",),
    "brackets": ("anhui-suixi-linshijiuzhu-2019",),
    "dash_slash": ("shandong-licheng-wenhuaguan-2019",),
    "dash_hyphen": ("yunnan-yongde-yingyang-2022",),
    "sheet_named": ("hubei-caidian-senlinfanghuo-2021",),
    "qizhong_ascii": ("hunan-lingling-linye-2021",),
    "qizhong_indent": ("hunan-yueyang-nanhu-youfu-2016",),
    "qizhong_space": ("hunan-yueyang-nanhu-youfu-2016",),
    "funds_swap": ("shanghai-putuo-tiyu-2022", "shanxi-jishan-gonggongweisheng-2021"),
    "total_heji": ("hubei-xinzhou-chujutuan-2020", "sichuan-zhongjiang-shuibiaochi-2022"),
    "pct_in_header": ("anhui-jinzhai-meilixiangcun-bumen-2023", "anhui-guichi-cunji-2022"),
    # several at once
    "shifted+filled": ("yunnan-yongde-yingyang-2022", "shanxi-jishan-jiandanglika-2020"),
    "full_width+traditional+blank_rows": ("sichuan-chaotian-quanminjianshen-2023",),
    "op_column+unit_column": ("anhui-xiaoxian-hexicun-2023",),
}


@pytest.mark.parametrize(
    ("rewrite", "name"), [(rw, name) for rw, names in CASES.items() for name in names], ids=lambda x: x
)
def test_a_benign_rewrite_raises_no_error_the_published_table_does_not(rewrite, name, tmp_path):
    table = load_table(CORPUS / f"{name}.toml")
    got = P.REWRITES[rewrite](table)
    assert got is not None  # the rewrite applies to this table
    assert (got[0].rows, got[0].merges, got[0].sheet) != (table.rows, table.merges, table.sheet)
    changed, rowmap = got
    published, rewritten = P.findings(table, tmp_path / "published"), P.findings(changed, tmp_path / "rewritten")
    assert P.errors(changed, rewritten, rowmap) - P.errors(table, published, None) == set()
    # and every hand-found error the published table gives is still found, at its row
    assert P.met(table, published, None) - P.met(changed, rewritten, rowmap) == set()


def test_a_second_basic_data_table_on_the_sheet_is_said_to_be_unread(tmp_path):
    """One 基础数据表 is checked per file: the second one under it is a stated limit, not rows of the first."""
    table = load_table(CORPUS / "hunan-jichushuju-2018.toml")
    stacked, _ = P.stacked(table)
    found = P.findings(stacked, tmp_path)
    second_title = len(table.rows) + 2 + next(i for i, row in enumerate(table.rows) if "基础数据表" in row[0]) + 1
    said = [f for f in found if f.code == "LAYOUT_UNMAPPED_ROW" and f.ref.row == second_title]
    assert said and "第二张基础数据表" in said[0].message
