"""review32w (issue 11): a third round of rewrites real filers make of a correct table, on real tables — none may add
an 错误 or lose a finding.

probe_variants' review32w kinds: a units row above the indicator header or between the two rows of a "绩效指标" group
header; header words split over two rows; an actual "100%" written "完成", "已完成100%", "100%(完成)" or "全部完成";
"百分之九十五点五"; "≥95.0%"; "控制在X以内"; "12月底"; the 总分 row right under the header; scores under "0.00_ ",
amounts under "#,##0.00;[Red]-#,##0.00", percents under "0%;[Red]-0%"; "≥" in a written 偏差原因; 偏差原因 before 得分.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

import probe_variants as PV
import render as R

from perfxl.layout.detect import read_sheet


def _outcome(name: str, kind: str, tmp_path: Path) -> PV.Outcome:
    """probe_variants' comparison of the published table and its `kind` variant (new 错误, lost expectations)."""
    return PV.outcome_of_corpus(name, kind, tmp_path)


@pytest.mark.parametrize(
    "name",
    [
        # 山西 稷山 公共卫生 2021: "分" under 分值 │ 得分 between "绩效指标" and 一级 │ 二级 │ 三级 — the names row unread,
        # no indicator read, its 27 hand-found S/D findings lost (fails at main)
        "shanxi-jishan-gonggongweisheng-2021",
        # 云南 施甸 新型主体 2019: "分" under 得分 alone; its three S17 警告 lost (fails at main)
        "yunnan-shidian-xinxingzhuti-2019",
        # 湖北 广水 乡村道路 2021: no indicator read, a W04 错误 on the weights left (fails at main)
        "hubei-guangshui-xiangcundaolu-2021",
        # 湖北 黄冈 水土保持 2020: a T02 错误 "总分应为 …" over no indicator (fails at main)
        "hubei-huanggang-shuitubaochi-2020",
    ],
)
def test_a_units_row_between_the_two_header_rows_is_the_headers(name: str, tmp_path: Path) -> None:
    out = _outcome(name, "units_row_between_headers", tmp_path)
    assert (out.new_errors, out.lost) == ([], [])


def test_the_names_under_a_units_row_are_the_second_header_row() -> None:
    """施甸 2019 under `units_row_between_headers`: its five indicators are read (none at main: fails at main)."""
    table = R.load_table(R.CORPUS / "yunnan-shidian-xinxingzhuti-2019.toml")
    got = PV.VARIANTS["units_row_between_headers"](table)
    assert got is not None
    (ev,) = read_sheet(R.grid_of(got[0])).evaluations
    assert len(ev.indicators) == 5


@pytest.mark.parametrize(
    "name",
    [
        # 云南 永德 营养改善 2022: the 总分 right under the header closed the table — its rows unread, T02 "总分应为 10"
        # an 错误 and its S01/S03/D01 findings lost (fails at main)
        "yunnan-yongde-yingyang-2022",
        # 吉林 反恐经费 评价表 2016: the header printed again before each 一级 — still one table, no W02/W05 错误 (passes
        # at main; failed under a first fix that read on but counted the table closed: each 一级 a table of its own)
        "jilin-fankong-pingjiabiao-2016",
    ],
)
def test_a_total_printed_above_the_rows_it_sums_reads_them(name: str, tmp_path: Path) -> None:
    out = _outcome(name, "total_at_top", tmp_path)
    assert (out.new_errors, out.lost) == ([], [])


def test_the_total_on_top_is_the_tables_total(tmp_path: Path) -> None:
    """永德 2022 under `total_at_top`: its 11 indicator rows (the empty 生态效益 one too) and the printed total 96 read, no LAYOUT_MISSING_TOTAL (at main no
    indicator: fails at main)."""
    table = R.load_table(R.CORPUS / "yunnan-yongde-yingyang-2022.toml")
    got = PV.VARIANTS["total_at_top"](table)
    assert got is not None
    (ev,) = read_sheet(R.grid_of(got[0])).evaluations
    assert len(ev.indicators) == 11
    assert ev.total_score is not None and str(ev.total_score.raw).strip() == "96"
    codes = {f.code for f in R.validated(got[0], tmp_path).findings}
    assert "LAYOUT_MISSING_TOTAL" not in codes and "LAYOUT_EMPTY_TABLE" not in codes


@pytest.mark.parametrize(
    ("kind", "name"),
    [
        ("units_row_above_header", "yunnan-yongde-yingyang-2022"),
        ("header_words_split", "jiangsu-suzhou-caizheng-zaibei-2021"),
        ("actual_yiwancheng_pct", "hubei-xinzhou-chujutuan-2020"),
        ("actual_pct_paren_ascii", "shanghai-putuo-tiyu-2022"),
        ("actual_pct_chinese_point", "hubei-ezhou-shenpiju-shiminzhongxin-2021"),
        ("target_pct_point_zero", "sichuan-zhongjiang-shuibiaochi-2022"),
        ("target_kongzhi", "anhui-suixi-linshijiuzhu-2019"),
        ("swap_score_deviation", "shanghai-songjiang-jiuting-chengzhen-2020"),
        ("scores_format_padded", "hebei-chengan-gaolingjintie-2020"),
        ("amounts_red_negative", "guizhou-suiyang-taibai-bumen-2021"),
        ("pct_red_negative", "yunnan-changning-xianbenji-sangong-2015"),
    ],
)
def test_kinds_that_change_no_verdict(kind: str, name: str, tmp_path: Path) -> None:
    """Kinds perfxl already read right on a table whose findings rest on the rows they rewrite: kept so."""
    v = PV.of_corpus(name, kind, tmp_path)
    assert PV.rest_on_rewritten(v), (name, kind)
    out = PV.compare(v.table, v.base, v.new, v.found, v.rowmap)
    assert (out.new_errors, out.lost) == ([], []), (name, kind)
