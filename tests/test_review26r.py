"""Review 26r (issue 12): reports30's two readings — a 其中 part's share of the whole closing the paragraph before
(`spread_shares`) and a share right after a budget-named 其中 part (`facts._budget_part_before`) — tried on ≈ 140
rewrites and near misses of the 梧州 预算 公开 pages (real reports 30). Four false N02 错误 found and closed, each test
named "failed before" was run against main (55126983) and failed as its docstring says:

- a part paragraph of another year ("2022年工资福利支出预算865032元,占基本支出预算82.58%", or "上年占…") held to this
  year's whole above;
- a paragraph closing on "其中:" after last year's figure ("…881300.39元,上年基本支出预算1047571.79元。其中:") split
  this year's figure;
- the whole printed inside the share's words ("占基本支出预算881300.39元的81.25%") read as one more 其中 part (the parts
  "exceed" the total);
- a share naming another year's whole ("占2022年基本支出预算的68.35%") held to the total its 其中 splits.

A share printed cut short (81.24% of 81.2495%) is a 警告 that says so (`_arith`'s precision rule), never a 错误.
"""

from __future__ import annotations

import copy
import tempfile
import tomllib
from pathlib import Path

import pytest
from test_document_realreport import codes_at_paragraph as _at
from test_document_realreport import report_findings

from perfxl.model import TextRef

REPORTS = Path(__file__).resolve().parent / "realworld" / "reports"

HEAD = "(二)按支出结构分类划分,分为基本支出预算和项目支出预算。"
WHOLE = "1. 基本支出预算 881300.39 元,占一般公共预算支出的96.74%,同比减少 166271.4 元,下降 15.87 %。其中:"
WAGES = "工资福利支出预算 716052.51 元,占基本支出预算81.25%,同比减少 148979.48 元,下降 17.22%。"
GOODS = "商品和服务支出预算 165247.88 元,占基本支出预算18.75%,同比减少 17291.92 元,下降 9.47%。"
#: The 2023 page's list in one paragraph, its parts named as budgets (as test_reports30).
ONE = "基本支出预算 881300.39 元,其中:工资福利支出预算 716052.51 元,{wages};商品和服务支出预算 165247.88 元,占{goods}。"


def _page(stem: str) -> list[str]:
    return tomllib.loads((REPORTS / f"{stem}.toml").read_text(encoding="utf-8"))["paragraphs"]


UNIT_2024 = _page("guangxi-wuzhou-danwei-yusuan-2024")
CENTRE_2021 = _page("guangxi-wuzhou-zhongxin-yusuan-2021")


def _doc(*texts: str) -> dict:
    return {"paragraphs": list(texts)}


def _changed(paragraphs: list[str], at: int, old: str, new: str) -> dict:
    changed = copy.deepcopy(paragraphs)
    assert old in changed[at - 1]
    changed[at - 1] = changed[at - 1].replace(old, new)
    return {"paragraphs": changed}


def _codes(doc: dict) -> list[tuple[int, str, str]]:
    """(paragraph, code, severity) of every 警告/错误 the report gets."""
    with tempfile.TemporaryDirectory() as d:
        return [(p, c, s) for p in range(1, len(doc["paragraphs"]) + 1) for c, s in _at(Path(d), doc, p)]


def test_another_years_part_is_no_share_of_this_years_whole():
    """Failed before (N02 错误 at p3 "应为 98.15%"): a part paragraph naming last year (2022年 / 上年占) below this year's
    whole; the 2024 page with its 商品和服务 part given as 2023's (19.41% of 2023's whole). The same list's wrong share of
    this year, a last-year note after it, is still found."""
    assert _codes(_doc(HEAD, WHOLE, "2022年工资福利支出预算 865032 元,占基本支出预算82.58%。", GOODS)) == []
    assert _codes(_doc(HEAD, WHOLE, "工资福利支出预算 716052.51 元,上年占基本支出预算82.58%。", GOODS)) == []
    last_years = "2023年商品和服务支出预算 481608.12 元,占基本支出预算19.41%"
    # (p7 is the page's own published error, found since prose27: tests/test_prose27.py)
    assert _codes(_changed(UNIT_2024, 5, UNIT_2024[4].split("。")[0], last_years)) == [(7, "N02", "error")]
    noted = _changed(UNIT_2024[:10], 4, "增长 1.68%", "上年占基本支出预算79.70%")
    assert _codes(noted) == [(7, "N02", "error")]
    noted["paragraphs"][3] = noted["paragraphs"][3].replace("81.45%", "80.45%")
    assert _codes(noted) == [(4, "N02", "error"), (7, "N02", "error")]


def test_a_split_after_last_years_figure_has_no_whole():
    """Failed before (N02 错误 at p3): "…881300.39元,上年基本支出预算1047571.79元。其中:" — the 其中 after last year's
    figure splits it (865032 / 1047571.79 = 82.58%), not this year's; two years' budgets in the closing sentence leave
    the whole unsaid."""
    last_year = "工资福利支出预算 865032 元,占基本支出预算82.58%。"
    assert _codes(_doc(HEAD, "1. 基本支出预算 881300.39 元,上年基本支出预算 1047571.79 元。其中:", last_year)) == []
    both = "1. 2022年基本支出预算 1047571.79 元,2023年基本支出预算 881300.39 元。其中:"
    assert _codes(_doc(HEAD, both, "工资福利支出预算 865032 元,占基本支出预算82.58%。")) == []


def test_the_whole_printed_in_the_shares_words_is_no_part():
    """Failed before (N02 错误 "716052.51 + 881300.39 超过了总数"): "占基本支出预算 881300.39 元的81.25%" prints the
    whole the share is of, no second 其中 part. A list whose real parts exceed the whole is still found."""
    restated = "占基本支出预算 881300.39 元的{}"
    assert _codes(_doc(ONE.format(wages=restated.format("81.25%"), goods="18.75%"))) == []
    assert _codes(_doc(ONE.format(wages=restated.format("比例为81.25%"), goods="18.75%"))) == []
    over = "基本支出预算 881300.39 元,其中:工资福利支出预算 716052.51 元,占基本支出预算 881300.39 元的81.25%;商品和服务支出预算 265247.88 元。"
    assert _codes(_doc(over)) == [(1, "N02", "error")]
    assert _codes(_doc("项目支出 500 万元,其中:占用耕地补偿 300 万元,拆迁补偿 300 万元。")) == [(1, "N02", "error")]


def test_a_share_of_another_years_whole_after_a_part():
    """Failed before (N02 错误 "应为 81.25%"): a budget-named part's share naming 2022's whole ("占2022年基本支出预算的
    68.35%", "占2022年的"), and a 2022 part inside this year's 其中 list. The wrong share of this year's whole is found."""
    assert _codes(_doc(ONE.format(wages="占2022年基本支出预算的68.35%", goods="18.75%"))) == []
    assert _codes(_doc(ONE.format(wages="占2022年的68.35%", goods="18.75%"))) == []
    assert _codes(_doc("2023年基本支出预算 881300.39 元,其中:2022年工资福利支出预算 865032 元,占82.58%。")) == []
    assert _codes(_doc(ONE.format(wages="占81.25%", goods="18.85%"))) == [(1, "N02", "error")]


@pytest.mark.parametrize(
    ("doc", "at"),
    [
        (_doc(HEAD, WHOLE, WAGES.replace("81.25%", "81.24%"), GOODS), 3),
        (_doc(ONE.format(wages="占81.24%", goods="18.75%")), 1),
        (_changed(UNIT_2024[:10], 5, "17.99%", "17.98%"), 5),
        (_changed(CENTRE_2021[:10], 10, "0.52%", "0.51%"), 10),
    ],
    ids=["spread-81.24", "one-paragraph-81.24", "2024-17.98", "2021-0.51"],
)
def test_a_share_cut_short_is_a_warning_that_says_so(doc, at):
    """81.24% of 81.2495%, 17.98% of 17.9857%, 0.51% of 0.5193%: right when cut, wrong when rounded half up — a 警告
    whose basis names the cut, never a 错误 (the precision rule: a printed figure may be cut short on purpose)."""
    with tempfile.TemporaryDirectory() as d:
        found = [
            f
            for f in report_findings(Path(d), doc)
            if isinstance(f.ref, TextRef) and f.ref.paragraph == at and f.severity.value != "info"
        ]
    assert [(f.code, f.severity.value) for f in found] == [("N02", "warning")]
    assert "截去尾数" in found[0].basis


@pytest.mark.parametrize(
    "doc",
    [
        _doc(HEAD, WHOLE, WAGES.replace("占基本支出预算81.25%", "占一般公共预算支出的81.25%"), GOODS),
        _doc(HEAD, WHOLE, WAGES.replace("占基本支出预算81.25%", "占部门预算总额的70.12%"), GOODS),
        _doc(HEAD, WHOLE, WAGES.replace("占基本支出预算", "占本单位基本支出预算"), GOODS),
        _doc(HEAD, WHOLE, WAGES, "(二)商品和服务支出", GOODS.replace("18.75%", "18.85%")),
        _doc(HEAD, WHOLE, WAGES.replace("支出预算 716", "支出决算 716").replace("81.25", "85.25"), GOODS),
        _doc(HEAD, WHOLE, WAGES.replace("716052.51 元", "71.61 万元"), GOODS),
        _doc(HEAD, WHOLE, WAGES.replace("81.25%", "约80%"), GOODS),
        _doc(HEAD, WHOLE, WAGES[:-1] + "其中:", "基本工资预算 300000 元,占工资福利支出预算41.90%。", GOODS),
        _doc(ONE.format(wages="占一般公共预算支出的78.60%", goods="18.75%")),
        _doc(ONE.format(wages="为上年预算的82.78%", goods="18.75%")),
        _doc("基本支出决算 881300.39 元,其中:工资福利支出预算 716052.51 元,占基本支出决算的81.25%。"),
        _doc("基本支出预算 88.13 万元,其中:工资福利支出预算 716052.51 元,占81.25%。"),
    ],
    ids=[
        "share-of-gp",
        "share-of-dept",
        "own-scope",
        "heading-ends-list",
        "final-part",
        "wan-part",
        "approx",
        "part-of-a-part",
        "one-share-of-gp",
        "one-last-year",
        "one-stages-mixed",
        "one-wan-whole",
    ],
)
def test_benign_rewrites_stay_quiet(doc):
    """Rewrites of the 2023 page whose shares are of another whole, another stage, in another unit, roughly said, or of
    a part of a part: no 警告, no 错误."""
    assert _codes(doc) == []
