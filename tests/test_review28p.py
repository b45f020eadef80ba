"""Session 28 (review28p): prose28's new narrative readings on benign rewrites of real sentences.

Each variant is a real sentence of tests/realworld/reports (or a minimal rewrite of one) that a benign writer could print:
it must stay quiet (no 错误; a 警告 only with its guess stated), and the true contradiction beside it must still be found.
Tests named "failed before" were run against main (19406f99) and failed as their docstring says.

1. A template's 其中 list going on past a part equal to its total (`facts._residual_part`, 江津 2024 p11): only classes of
   the total's own kind ("财政拨款收入合计": 一般公共预算/政府性基金预算财政拨款收入, not 事业收入), none carried over
   ("年初结转和结余收入") or set apart ("另有…"), go on as parts.
2. Name lists (`lists`): a name after the list's comma is the list's only when it is of the list's kind and no clause
   (江津 p6's reading); a bracket between a count and its noun naming areas, batches or a clause groups the count
   (遂溪 2022 p11's reading) — no N05 警告 on either.
"""

from __future__ import annotations

from test_document_realreport import REPORTS, parsed_toml
from test_document_realreport import one_paragraph_codes as _one

ERROR = [("N02", "error")]
WARNING = [("N02", "warning")]


# --- 1. a template's list past its total (江津 2024 p11) ---------------------------------------------------------------

#: 江津 西湖镇 2024 p11 as published.
JIANGJIN = (
    "本年收入合计3874.92万元,其中:一般公共预算财政拨款收入3874.92万元,政府性基金预算财政拨款收入0万元,"
    "事业收入0万元,其他收入0万元。"
)


def test_a_carried_over_class_after_the_template_is_no_part():
    """Failed before (N02 错误 "3874.92 + 0 + 120 + 0 超过了总数"): 年初结转和结余收入 is no class of 本年收入 — the
    template's 其他收入 0 after it does not make it one."""
    text = JIANGJIN.replace(
        "政府性基金预算财政拨款收入0万元,事业收入0万元", "政府性基金预算财政拨款收入0万元;年初结转和结余收入120万元"
    )
    assert _one(text) == []


def test_a_class_of_another_kind_than_the_fund_total_is_no_part():
    """Failed before (N02 错误 "3874.92 + 0 + 5 + 0 超过了总数"): under "财政拨款收入合计" a 事业收入 is no class of the
    total (it is the unit's own income, beside the 财政拨款), after a semicolon or set apart by 另有."""
    head = "财政拨款收入合计3874.92万元,其中:一般公共预算财政拨款收入3874.92万元,政府性基金预算财政拨款收入0万元"
    assert _one(f"{head};事业收入5万元,其他收入0万元。") == []
    assert _one(f"{head},另有事业收入5万元,其他收入0万元。") == []
    # a class of the fund's own kind, planted, is still the template's part over its total
    assert _one(f"{head[:-3]}5万元,国有资本经营预算财政拨款收入0万元。") == ERROR


def test_jiangjin_template_still_holds_a_planted_class():
    """The reading prose28 added stays: 江津 p11 as published is quiet, 5万元 planted in a class of the run an 错误."""
    assert _one(JIANGJIN) == []
    assert _one(JIANGJIN.replace("事业收入0万元", "事业收入5万元")) == ERROR
    assert _one("单位2024年度" + JIANGJIN.replace("事业收入0万元", "事业收入5万元")) == ERROR


# --- 2. name lists -----------------------------------------------------------------------------------------------------

JIANGJIN_P6 = parsed_toml(REPORTS / "chongqing-jiangjin-xihuzhen-juesuan-2024.toml")["paragraphs"][5]
N05 = [("N05", "warning")]


def test_an_office_of_another_kind_after_the_comma_is_no_member():
    """Failed before (N05 警告 "写4个，所列名称为5个（…、主管部门为区教育委员会）"): after the list's comma its supervisor,
    a unit under it or the government seated in a village — no member of the list."""
    assert _one("本单位内设科室4个:办公室、财务科、业务科、信息科,主管部门为区教育委员会。") == []
    assert _one("下设3个科室:综合科、业务科、财务科,上级主管部门区财政局。") == []
    assert _one("内设机构3个:党政办公室、经济发展办公室、社会事务办公室,下属事业单位便民服务中心。") == []
    assert _one("下辖4个村:东坑村、湖仔洋村、迈往村、新市村,镇人民政府驻东坑村。") == []
    assert _one("设有3个职能科室:综合科、财务科、业务科,党支部,工会委员会。") == []


def test_jiangjin_p6_its_last_office_after_the_comma_still_counts():
    """江津 p6 as published ("行政类10个办公室分别是…、应急管理办公室,综合行政执法办公室。") stays quiet; 9 is still N05."""
    assert _one(JIANGJIN_P6) == []
    assert _one(JIANGJIN_P6.replace("10个", "9个")) == N05


def test_areas_batches_and_clauses_in_brackets_are_no_members():
    """Failed before (N05 警告, e.g. "写12个，所列名称为4个（城东、城西、城南、城北片区）"): the bracket between the count
    and its noun says where the counted things are, which batch, or what of them — their members are unnamed."""
    assert _one("共覆盖12个(城东、城西、城南、城北片区)社区。") == []
    assert _one("新建10座(东区、西区、南区)泵站。") == []
    assert _one("涉及30个(东坑镇、湖仔洋镇、迈往镇)行政村。") == []
    assert _one("完成15宗(第一批、第二批、第三批)水库除险加固。") == []
    assert _one("治理9条(东坑河、湖仔洋河、迈往河为重点)河道。") == []


def test_members_one_named_like_a_place_still_count():
    """遂溪 2022 p11's reading holds: one reservoir of the thirteen is 新市 (a name ending 市 among names), so the bracket
    still names members — 13 quiet, 12 an N05 警告."""
    text = "本项目以遂溪县13宗(东坑、湖仔洋、迈往、新市、新坛、城盘、大湾、六垌坑、南侬、山内、司马塘、溪沙六、上湾塘)水库。"
    assert _one(text) == []
    assert _one(text.replace("13宗", "12宗")) == N05


# --- 3. 税收收入 + 非税收入 (永川 2024) ------------------------------------------------------------------------------------

YONGCHUAN = (
    "2024年,全区一般公共预算收入53.24亿元,增长6.3%,其中:税收收入33.31亿元,下降1.6%;非税收入19.93亿元,增长22.9%。"
)


def test_a_class_of_last_year_between_the_parts_leaves_the_split_open():
    """Failed before (N02 警告 "33.31亿元 + 16.22亿元 少于总数"): last year's 税收收入 printed between the two parts — the
    非税收入 after it may be last year's too, so which figures split the total is unclear: no dimension to hold it to."""
    text = YONGCHUAN.replace("下降1.6%;非税收入19.93亿元,增长22.9%", "上年税收收入33.85亿元,非税收入16.22亿元")
    assert _one(text) == []
    # 永川 as published is quiet, the 非税 short of it a 警告 naming the dimension
    assert _one(YONGCHUAN) == []
    assert _one(YONGCHUAN.replace("19.93亿元", "16.22亿元")) == WARNING
