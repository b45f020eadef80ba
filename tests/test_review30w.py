"""review30w (issue 11): more rewrites real filers make of a correct table, on real tables — none may add an 错误 or
lose a finding.

probe_variants' review30w kinds: "≧95％" and "95 ％"; a ≥ target as the range it means; =ROUND(...) scores; an empty
column before 得分; 总分 as 总得分/自评总分/合  计; a "注：…" row under the table; the table again on a second sheet
or after an instructions sheet; dates with slashes or hyphens; a 填表说明 block above the title; years in the headers
("2021年初目标值"); numbered names; a wide (two merged cells) column; vertical 一级 labels; the 一级 groups in
another order; a frozen, protected sheet with a print area and print titles; 二级 labels without 指标; each 一级
label stating its group's points; the funds header over two rows.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

import probe_variants as PV
from render import CORPUS, load_table, render


def _outcome(name: str, kind: str, tmp_path: Path) -> PV.Outcome:
    """probe_variants' comparison of the published table and its `kind` variant (new 错误, lost expectations)."""
    return PV.outcome_of_corpus(name, kind, tmp_path)


@pytest.mark.parametrize(
    "name",
    [
        # 湖北 蔡甸 森林防火 2021: "2021年初目標值" │ "2021年實際完成值" — "2021年" taken off left "初目标值", no header:
        # the indicator rows read as funds rows, its 10 S14 (no_evidence) 警告 lost (fails at main)
        "hubei-caidian-senlinfanghuo-2021",
        # 湖北 黄冈 水土保持 2020: likewise, the S17 score 警告 at row 13 lost (fails at main)
        "hubei-huanggang-shuitubaochi-2020",
        # 云南 施甸 保山猪 2021: likewise, the S15 警告 (no actual, no score) lost (fails at main)
        "yunnan-shidian-baoshanzhu-2021",
    ],
)
def test_a_year_before_a_header_starting_with_nian_is_read(name: str, tmp_path: Path) -> None:
    out = _outcome(name, "year_in_headers", tmp_path)
    assert (out.new_errors, out.lost) == ([], [])


def test_the_same_error_listing_its_parts_in_another_order_is_not_new(tmp_path: Path) -> None:
    """四川 中江 水标尺 2022 with 效益指标 before 产出指标 (`groups_swapped`): W05 (一级 weights 110, not 100) stays an
    错误, its message listing 效益指标 20 + 产出指标 70 — the same 错误, not a new one (fails at main: new W05).
    read31h: each label declares what its rows hold, so the labels' 110 is W03's (one cause, one finding): W05 is not
    reported apart in either order, and nothing moves."""
    out = _outcome("sichuan-zhongjiang-shuibiaochi-2022", "groups_swapped", tmp_path)
    assert (out.new_errors, out.lost, out.moved) == ([], [], [])


@pytest.mark.parametrize(
    "name", ["jilin-kouan-hexinnengli-pingjiabiao-2016", "jilin-zhuanxiang-jiaotongfei-pingjiabiao-2016"]
)
def test_a_level1_label_repeating_its_weight_column_keeps_the_weighted_reading(name: str, tmp_path: Path) -> None:
    """吉林 专项经费支出绩效评价表 2016 (一级 │ 权重 │ 二级 │ 分值 │ 三级 │ 分值: rows of 100 scaled by the 一级 权重) with
    "预算绩效（50分）" — the label repeating its 权重 column (`level1_points`): the weight was taken as the label's, not
    a column of its own, so the weighted reading was dropped and each 一级 "declaring 50 over rows of 100" became a W02
    错误, the 300 a W03 错误 (4 new 错误 a table; fails at main)."""
    out = _outcome(name, "level1_points", tmp_path)
    assert (out.new_errors, out.lost) == ([], [])


_ANHUI, _NINGXIA = "anhui-luan-gonggongwenhua-2021", "ningxia-yuanzhou-malingshu-2022"
_CHENGAN = "hebei-chengan-gaolingjintie-2020"


@pytest.mark.parametrize(
    ("kind", "name"),
    [
        # 河北 成安 高龄津贴 2020: its score findings at rows 12–15 rest on percents read as such — 六安's two changed
        # cells decide nothing, and with "％" read as an unknown unit both kinds still passed there (audit31)
        ("pct_jis_fullwidth", _CHENGAN),
        ("pct_space_fullwidth", _CHENGAN),
        ("target_range_pct", "anhui-xuancheng-dizhen-2021"),
        ("scores_round_formula", _ANHUI),
        ("empty_column_score", _ANHUI),
        ("total_zongdefen", "anhui-tianchang-shuihan-2022"),
        ("total_ziping", "anhui-tianchang-shuihan-2022"),
        ("total_heji_spaced", "anhui-tianchang-shuihan-2022"),
        ("note_row_end", "anhui-guichi-cunji-2022"),
        ("copy_sheet", _ANHUI),
        ("front_sheet", _ANHUI),
        ("preamble_block", _ANHUI),
        ("date_slashes", "anhui-yuan-wenwubaohu-2022"),
        ("date_hyphens", "anhui-yuan-wenwubaohu-2022"),
        ("names_numbered", _NINGXIA),
        ("target_wide", _NINGXIA),
        ("name_wide", _NINGXIA),
        ("level1_vertical", "anhui-jinzhai-meilixiangcun-bumen-2023"),
        ("groups_swapped", "anhui-tianchang-shuihan-2022"),
        ("sheet_frozen", _NINGXIA),
        ("sheet_protected", _NINGXIA),
        ("print_titles", _NINGXIA),
        ("level2_short", _NINGXIA),
        ("funds_header_two_rows", _ANHUI),
    ],
)
def test_review30w_kinds_change_no_verdict_on_a_table(kind: str, name: str, tmp_path: Path) -> None:
    """Guards (each passed at review30w's parent too, audit31: the sweep found these kinds clean there): each kind, on a
    table it changes, adds no 错误 and loses none of the table's findings."""
    v = PV.of_corpus(name, kind, tmp_path)  # fails when the kind leaves the table as it is
    # and when no finding of the table sits on a row the kind rewrote: nothing it rewrites is checked (audit31b)
    assert PV.rest_on_rewritten(v), (name, kind)
    out = PV.compare(v.table, v.base, v.new, v.found, v.rowmap)
    assert (out.new_errors, out.lost) == ([], []), (name, kind)


def test_the_workbook_kinds_write_what_they_say(tmp_path: Path) -> None:
    """The sheet kinds are in the file (else they check nothing): panes frozen under the header, the sheet protected,
    print titles and area set; a second sheet holding the copy; an instructions sheet first."""
    from openpyxl import load_workbook

    table = load_table(CORPUS / f"{_NINGXIA}.toml")
    for kind, check in (
        ("sheet_frozen", lambda ws, wb: ws.freeze_panes is not None),
        ("sheet_protected", lambda ws, wb: ws.protection.sheet),
        ("print_titles", lambda ws, wb: ws.print_title_rows and ws.print_area),
        ("copy_sheet", lambda ws, wb: wb.sheetnames == [table.sheet, f"{table.sheet} (2)"]),
        ("front_sheet", lambda ws, wb: wb.sheetnames == ["填表说明", table.sheet]),
    ):
        new, _ = PV.VARIANTS[kind](table)
        wb = load_workbook(render(new, tmp_path / kind))
        assert check(wb[table.sheet], wb), kind
