"""Review 11d: false 错误 in probe11's three changes (a text 分值 beside a 一级/二级 label declares its weight, 自评权重 is
a weight header, F05 certain over 年初预算数 when the printed 执行率 is the amounts' own rate), each on a published table
from tests/realworld/ with cells changed. Each case failed before its fix (an 错误 where the cells leave a doubt)."""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

from render import CORPUS, load_table, render

from perfxl.model import Finding, Severity, parse_a1
from perfxl.validate import validate_file

LICHENG = "shandong-licheng-wenhuaguan-2019"  # 年初预算数(A) │ 全年执行数(B) │ 分值 │ 执行率(B/A) │ 得分 │ 得分计算方法
HAINAN = "hainan-shangwuting-fuwumaoyi"  # 一级 │ 分值 │ 二级 │ 分值 │ 三级 │ 分值 │ 得分 (figures as text)
JIANGXI = "jiangxi-nanchang-canchaweishengyuan-bumen-2021"  # 分解目标 │ 自评权重 │ 二级 │ 三级 │ … │ 分值 │ 得分 │ 偏差


def _findings(name: str, changes: dict[str, str], out: Path) -> list[Finding]:
    table = copy.deepcopy(load_table(CORPUS / f"{name}.toml"))
    for address, text in changes.items():
        r, c = parse_a1(address)
        table.rows[r - 1][c - 1] = text
    return list(validate_file(render(table, out)).findings)


def _at(findings: list[Finding], code: str, cell: str) -> list[Finding]:
    return [f for f in findings if f.code == code and f.ref is not None and f.ref.cell == cell]


# F05 over 年初预算数: the printed 执行率 is the amounts' rate, yet the score may rest on something the table does not
# print — a 全年预算数 its note names, or a stated banded rule in the row's 得分计算方法 cell (unread before)
F05_DOUBTS = [
    pytest.param({"H9": "9（按调整后预算50万元计算）"}, id="score-note-adjusted-budget"),
    pytest.param({"H9": "9", "I9": "全年预算调整为50万元，执行率90%，得9分"}, id="method-cell-adjusted-budget"),
    pytest.param({"H9": "9", "I9": "全年预算数50万元，实际支出45万元"}, id="method-cell-full-budget"),
    # 46 spent of a 年初预算数 of 40 (115%, printed exactly): the year's budget was raised, the score may rest on it
    pytest.param({"D9": "40", "D10": "40", "E9": "46", "E10": "46", "G9": "115%", "H9": "9"}, id="spent-above-initial"),
    pytest.param(
        {"E9": "40.5", "E10": "40.5", "G9": "90%", "H9": "10", "I9": "执行率达到90%以上得满分"}, id="banded-rule"
    ),
    pytest.param(
        {"E9": "36", "E10": "36", "G9": "80%", "H9": "6", "I9": "执行率≥90%得满分，每降低1%扣0.5分"},
        id="deduction-rule",
    ),
]


@pytest.mark.parametrize("changes", F05_DOUBTS)
def test_f05_initial_budget_doubt_is_a_warning(changes: dict[str, str], tmp_path: Path) -> None:
    found = _at(_findings(LICHENG, changes, tmp_path / "t.xlsx"), "F05", "H9")
    assert found, "the score off 执行率 × 分值 is still pointed out"
    assert all(f.severity is Severity.WARNING for f in found), [f.basis for f in found]


def test_f05_plain_method_keeps_the_error(tmp_path: Path) -> None:
    """The 济南 method cell "执行率*该指标分值,最高不得超过分值上限。" restates 执行率 × 分值: a score off it stays certain."""
    found = _at(_findings(LICHENG, {"H9": "5"}, tmp_path / "t.xlsx"), "F05", "H9")
    assert [f.severity for f in found] == [Severity.ERROR]
    assert "年初预算数 45" in found[0].basis  # the column read is named as printed (before: "全年预算数 45")


def test_declared_weight_above_full_mark_is_a_warning(tmp_path: Path) -> None:
    """ "2023" beside 项目决策 (rows 20) is no weight a 100-point table can hold: a year or a count, not a certain slip."""
    found = _at(_findings(HAINAN, {"B14": "2023"}, tmp_path / "t.xlsx"), "W02", "B14")
    assert [f.severity for f in found] == [Severity.WARNING]
    assert "大于满分" in found[0].basis


def test_declared_weight_as_share_agrees(tmp_path: Path) -> None:
    """权重 typed as shares (0.2 │ 0.25 over rows of 20 │ 25 points of 100) state the same weights: no W02."""
    findings = _findings(HAINAN, {"B14": "0.2", "B19": "0.25", "B25": "0.55"}, tmp_path / "t.xlsx")
    assert not _at(findings, "W02", "B14") and not _at(findings, "W02", "B19")


def test_declared_share_off_its_rows_stays_an_error(tmp_path: Path) -> None:
    found = _at(_findings(HAINAN, {"B14": "0.18"}, tmp_path / "t.xlsx"), "W02", "B14")
    assert [f.severity for f in found] == [Severity.ERROR]


_JX_WEIGHTS = dict(zip(range(10, 26), (4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 3, 4, 3, 13, 12, 10), strict=True))


@pytest.mark.parametrize("share", ["0.{:02d}", "{}%"], ids=["fraction", "percent"])
def test_zipingquanzhong_beside_fenzhi_yields(share: str, tmp_path: Path) -> None:
    """三级 │ … │ 自评权重 (shares) │ 得分 │ 分值: the 分值 is the weight; 自评权重 read as it (before) made every score
    exceed its "weight" (S06 错误 on 16 rows) and the 一级 declared weights contradict their rows (W02 错误)."""
    changes = {"G9": "自评权重", "I9": "分值"}
    for r, w in _JX_WEIGHTS.items():
        changes[f"G{r}"] = share.format(w)
        changes[f"I{r}"] = str(w)
    findings = _findings(JIANGXI, changes, tmp_path / "t.xlsx")
    assert not [f for f in findings if f.code in ("S06", "W02", "S01") and f.severity is Severity.ERROR]
    # the 分值 column is read as the weights (before: its figures an unread row, I10:I25)
    assert not [f for f in findings if f.code == "LAYOUT_UNMAPPED_ROW" and f.ref and f.ref.cell.startswith("I10")]


def test_zipingquanzhong_still_declares_the_level1_weight(tmp_path: Path) -> None:
    """The 江西 form as probe11 read it: 自评权重 beside 分解目标 declares the 一级's weight (35 over rows of 30)."""
    found = _at(_findings(JIANGXI, {"B10": "35"}, tmp_path / "t.xlsx"), "W02", "B10")
    assert [f.severity for f in found] == [Severity.ERROR]


def _unmerged(changes: dict[str, str], *ranges: str, out: Path) -> list[Finding]:
    table = copy.deepcopy(load_table(CORPUS / f"{HAINAN}.toml"))
    table.merges = [m for m in table.merges if m not in ranges]
    for address, text in changes.items():
        r, c = parse_a1(address)
        table.rows[r - 1][c - 1] = text
    return list(validate_file(render(table, out)).findings)


def test_level2_fenzhi_per_row_declares_nothing(tmp_path: Path) -> None:
    """二级 决策过程 merged over two rows whose 分值 column holds each row's own figure (3 │ 5, the merge of D15:D16
    undone): the column carries the rows' weights, not the 二级's — before, "3" was its declared weight, an 错误 against
    the rows' 8."""
    findings = _unmerged({"D15": "3", "D16": "5"}, "D15:D16", out=tmp_path / "t.xlsx")
    assert not _at(findings, "W02", "D15")


def test_level1_fenzhi_per_row_declares_nothing(tmp_path: Path) -> None:
    """The same for the 一级 (项目决策 │ 4 │ 3 │ 5 │ 2 │ 6, the label typed on each row)."""
    changes = {f"A{r}": "项目决策" for r in range(15, 19)}
    changes.update({"B14": "4", "B15": "3", "B16": "5", "B17": "2", "B18": "6"})
    findings = _unmerged(changes, "A14:A18", "B14:B18", out=tmp_path / "t.xlsx")
    assert not _at(findings, "W02", "B14")


@pytest.mark.parametrize(
    ("changes", "ranges", "cell"),
    [
        pytest.param({"D15": "13"}, ("D15:D16",), "D15", id="level2-unmerged"),
        pytest.param({"D15": "13", "D16": "13"}, ("D15:D16",), "D15", id="level2-filled-merge"),
        pytest.param({f"B{r}": "25" for r in range(14, 19)}, ("B14:B18",), "B14", id="level1-filled-merge"),
    ],
)
def test_declared_weight_repeated_or_alone_still_declares(
    changes: dict[str, str], ranges: tuple[str, ...], cell: str, tmp_path: Path
) -> None:
    """A merge filled on export repeats the declared figure, one written only on the first row declares it: a wrong
    one stays an 错误."""
    found = _at(_unmerged(changes, *ranges, out=tmp_path / "t.xlsx"), "W02", cell)
    assert [f.severity for f in found] == [Severity.ERROR]


@pytest.mark.parametrize("weight", ["", "/"], ids=["blank", "slash"])
def test_declared_weight_over_an_unfilled_row_is_a_warning(weight: str, tmp_path: Path) -> None:
    """项目管理 declares 25 over six rows, one (管理制度, 9) printing no 分值: the rows' sum is not known, so 25 is not
    certainly wrong — the unfilled cell is the slip (W04). Before: W02 错误 at B19 (and at the 二级 组织实施, D23)."""
    findings = _findings(HAINAN, {"F24": weight}, tmp_path / "t.xlsx")
    for cell in ("B19", "D23"):
        found = _at(findings, "W02", cell)
        assert [f.severity for f in found] == [Severity.WARNING], cell
        assert "未填分值" in found[0].basis
