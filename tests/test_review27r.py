"""Review 27r (issue 12): reports31's new narrative readings — a 离退休 headcount split into 离休 + 退休
(`count_parts._BY_RETIREMENT`), a count's lone 其中 part over its total (`count_parts._lone_part`), a completion rate over
a plan printed in its words ("占年计划75000万元的110.5%": `facts._INLINE_BUDGET`, `funds_arith._PLAN_PRINTED`), a 三公
budget named by its 总额, 车辆购置及运行维护费, a share of a whole whose words end in 完成 — tried on ≈ 190 rewrites and
near misses of real paragraphs (株洲 南方中学 2024 p51, 华容 2023 p38, 济南 2014 p6, 绵竹 2025, a 社区 and a 镇's
reports). Seven kinds of false N02 错误 found and closed, each test named "failed before" was run against main (1f9eb64b)
and failed as its docstring says:

- a plan printed in a rate whose words name another item ("…地方收入完成82876万元,其中税收收入占年计划55000万元的111.5%")
  read as the plan of the figure before (82876 / 55000), and a plan rate of the whole before a 其中 part or a gap
  ("完成82876万元(其中税收收入61323万元),占年计划75000万元的110.5%") held to the part only;
- a lone 其中 count under a plan ("计划招聘职工68人,其中实际招聘70人"): a plan may be exceeded;
- a lone 其中 count over years or of another year ("其中近五年共招录249人", "其中2023年在岗人数249人");
- a lone 其中 count of cases dealt with, which may be carried over ("受理案件300件,其中办结320件");
- a lone 其中 count in 个 of another thing ("共有10个机构单位,其中12个内设科室", "共实施10个项目,其中15个子项目");
- (older, found on the way) a budget's 支出 whole after its 收入's 其中 list read as one more 收入 part ("收入预算为1969万元,
  其中财政拨款1500万元,支出预算为1969万元…": "应为 3469万元").

The 离退休 split, the 三公 总额 and the 完成 name tail held on every variant tried (benign ones quiet, changed ones found).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from test_document_realreport import REPORTS, findings_at_paragraph, parsed_toml, with_paragraph
from test_document_realreport import codes_at_paragraph as _at

SCHOOL = parsed_toml(REPORTS / "hunan-zhuzhou-nanfangzhongxue-yusuan-2024.toml")
HUARONG = parsed_toml(REPORTS / "hunan-huarong-zhengfu-juesuan-2023.toml")

#: 株洲 南方中学 2024 p51's first half as published.
STAFF = "本部门编制数239人,在职人数239人,其中在岗人数239人。"
#: 华容 2023 p38's first sentence as published.
INCOME = "2023年,全县一般公共预算地方收入完成82876万元,占年计划75000万元的110.5%,同比增长9.99% 。"


def _doc(text: str) -> dict:
    return {"paragraphs": [text]}


def test_a_plan_another_item_names_is_no_base_of_the_figure_before():
    """Failed before (N02 错误, "应为 150.7%"): 华容 p38 with the 税收收入 sentence cut to its rate — "…地方收入完成82876万元,
    其中,税收收入占年计划55000万元的111.5%": the plan is 税收收入's, printed after its own name, not the 82876万元's. The
    same plan right after the figure it is of is still read: 112.5% for 82876 / 75000 is an 错误."""
    other = "2023年,全县一般公共预算地方收入完成82876万元,其中,税收收入占年计划55000万元的111.5%,同比增长12.05%。"
    no_comma = "全县一般公共预算地方收入完成82876万元,税收收入占年计划55000万元的111.5%。"
    wrong = INCOME.replace("占年计划75000万元的110.5%", "完成年计划75000万元的112.5%")
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), _doc(other), 1) == []
        assert _at(Path(d), _doc(no_comma), 1) == []
        found = findings_at_paragraph(Path(d), _doc(wrong), 1)
        assert [(code, severity) for code, severity, _ in found] == [("N02", "error")]
        assert "110.5%" in found[0][2] and "75000万元" in found[0][2]
        assert _at(Path(d), HUARONG, 38) == []


def test_a_plan_rate_of_the_whole_before_a_part_a_gap_or_another_place_stays_quiet():
    """Failed before (N02 错误 each): 华容 p38's first rate with a figure put between the income and its plan — its 其中
    part in brackets or after a comma, its 超收 over the plan ("应为 81.8%", "应为 10.5%") — while 82876 / 75000 =
    110.5% as printed: the rate may be of the whole before, one reading agrees. A plan named with another place ("全市占
    年计划900000万元…") is that place's, no plan of the 全县 figure. A rate no figure before agrees with is still found."""
    with tempfile.TemporaryDirectory() as d:
        for between in ("(其中税收收入61323万元)", ",其中税收61323万元", ",超收7876万元"):
            text = INCOME.replace("82876万元,", f"82876万元{between},")
            assert _at(Path(d), _doc(text), 1) == [], text
        other_place = "全县一般公共预算地方收入完成82876万元,全市占年计划900000万元的111.1%。"
        assert _at(Path(d), _doc(other_place), 1) == []
        wrong = "全年完成投资12000万元,其中政府投资5000万元,占年计划6000万元的93.3%。"
        assert _at(Path(d), _doc(wrong), 1) == [("N02", "error")]


def test_the_years_plan_in_its_rate_at_its_printed_precision_and_of_other_bases():
    """A plan printed in 亿元 is judged at its printed places (7.5亿元 is 7.45–7.55亿元: 110%–111% all agree), a plan of
    another base (年初, 调整后, 上年, 半年) is none of the year's plan, and a sub-period's share of the year's plan agrees.
    A 年计划 rate that disagrees is found."""
    with tempfile.TemporaryDirectory() as d:
        for text in (
            "全县一般公共预算地方收入完成82876万元,占年计划7.5亿元的110%。",
            "全县一般公共预算地方收入完成82876万元,占年计划7.5亿元的111%。",
            "全县一般公共预算地方收入完成82876万元,占调整后计划80000万元的103.6%。",
            "全县一般公共预算地方收入完成82876万元,占上年计划70000万元的110.5%。",
            "1-6月全县一般公共预算地方收入完成41000万元,占年计划75000万元的54.7%,占半年计划37500万元的109.3%。",
            "全县一般公共预算地方收入完成82876万元,占年计划75000万元的110.5%,上年完成75346万元,占上年计划70000万元的107.6%。",
        ):
            assert _at(Path(d), _doc(text), 1) == [], text
        assert _at(Path(d), _doc("政府性基金收入完成12000万元,占年计划10000万元的102%。"), 1) == [("N02", "error")]


def test_a_lone_count_part_under_a_plan_stays_quiet():
    """Failed before (N02 错误): a 社区's "共有职工68人" made a plan — "社区计划招聘职工68人,其中实际招聘70人": what was
    done may exceed what was planned; no category of the plan's whole. 计划生育 is a programme's name, no plan: a lone
    part so named over its whole is found (quiet before: its 计划 read as a plan)."""
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), _doc("社区计划招聘职工68人,其中实际招聘70人。"), 1) == []
        assert _at(Path(d), _doc("计划培训学员50人,其中实际培训60人。"), 1) == []
        over = "本年度扶助对象7556人,其中计划生育特别扶助对象8000人。"
        assert _at(Path(d), _doc(over), 1) == [("N02", "error")]


def test_a_lone_count_part_of_other_years_stays_quiet():
    """Failed before (N02 错误, each): 株洲 p51 with its 其中 part made a count over years or of another year — "其中近五年
    共招录249人", "其中2023年在岗人数249人": people recruited over five years, or last year's staff, may outnumber this
    year's. A part of the same whole that exceeds it is still found ("其中党员252人")."""
    with tempfile.TemporaryDirectory() as d:
        for part in ("其中近五年共招录249人", "其中2023年在岗人数249人", "其中2019年以来新招录249人"):
            text = STAFF.replace("其中在岗人数239人", part)
            assert _at(Path(d), _doc(text), 1) == [], text
        found = findings_at_paragraph(Path(d), _doc(STAFF.replace("其中在岗人数239人", "其中党员252人")), 1)
        assert [(code, severity) for code, severity, _ in found] == [("N02", "error")]
        assert "党员 252人" in found[0][2] and "239人" in found[0][2]
        assert _at(Path(d), SCHOOL, 51) == [("N02", "error")]  # (the published 离退休 split, reports31)


def test_a_lone_count_of_cases_dealt_with_stays_quiet():
    """Failed before (N02 错误): "全年受理案件300件,其中办结320件" — cases closed in the year may include last year's
    carried over, so they may outnumber those received; as "其中办理40件" of 30 received. A part of the received ones
    themselves over them is still found."""
    with tempfile.TemporaryDirectory() as d:
        assert _at(Path(d), _doc("全年受理案件300件,其中办结320件。"), 1) == []
        assert _at(Path(d), _doc("全年受理行政复议案件30件,其中办理40件。"), 1) == []
        assert _at(Path(d), _doc("全年处理信访件300件,其中重复信访320件。"), 1) == [("N02", "error")]


def test_a_lone_count_in_a_measure_word_of_another_thing_stays_quiet():
    """Failed before (N02 错误): 个 counts anything — a 镇's "本单位共有10个机构单位,其中3个行政部门" with its part made
    another thing, "其中12个内设科室" (offices inside the units), and "共实施10个项目,其中15个子项目" (one project holds
    several), "共有医疗机构10个,其中床位150个". A part naming the same thing is still found ("其中12个行政单位", "其中
    贫困村20个" of 15个村)."""
    with tempfile.TemporaryDirectory() as d:
        for text in (
            "本单位共有10个机构单位,其中12个内设科室。",
            "共实施10个项目,其中15个子项目。",
            "共有医疗机构10个,其中床位150个。",
            "下设10个科室,其中15个岗位。",
        ):
            assert _at(Path(d), _doc(text), 1) == [], text
        for text in (
            "本单位共有10个机构单位,其中12个行政单位。",
            "全镇辖15个村(社区),其中贫困村20个。",
            "全县共有行政村15个,其中贫困村20个。",
            "共实施项目10个,其中重点项目15个。",
        ):
            assert _at(Path(d), _doc(text), 1) == [("N02", "error")], text


def test_the_retired_split_read_only_by_status():
    """The 离退休 split held on every variant: a part of another year or a change ("2023年新增退休人员194人", "今年新增
    退休人员12人"), a unit apart (人次), a third class (遗属) stay quiet; the whole with a change beside it, or in
    traditional characters, is still found; a part named with another qualifier ("退休人员中企业退休人员") is a 警告."""
    with tempfile.TemporaryDirectory() as d:
        for text in (
            "离退休人数195人,其中离休人员2人,2023年新增退休人员194人。",
            "离退休人数195人,其中离休人员2人,退休人员194人次。",
            "离退休人员195人,其中离休人员2人,今年新增退休人员12人。",
            "离退休人员195人,其中离休人员2人,退休人员193人,遗属补助人员12人。",
            "离退休人员195人,其中:离休人员2人,退休人员193人;在职人员80人。",
        ):
            assert _at(Path(d), _doc(text), 1) == [], text
        for text in (
            "离退休人数195人,比上年增加5人,其中离休人员2人,退休人员194人。",
            "離退休職工178人,其中離休人員4人,退休人員175人。",
        ):
            assert _at(Path(d), _doc(text), 1) == [("N02", "error")], text
        assert _at(Path(d), _doc("离退休人员195人,其中离休人员2人,退休人员中企业退休人员194人。"), 1) == [
            ("N02", "warning")
        ]


def test_a_share_of_a_whole_printed_with_its_verb_of_another_year_stays_quiet():
    """华容 p38's share, its whole named for another year or another place ("占上年…", "占2022年…", "占全市…"): no share of
    the 82876万元 printed before — quiet; the published one agrees."""
    with tempfile.TemporaryDirectory() as d:
        for whole in (
            "上年一般公共预算地方收入的28.7%",
            "2022年一般公共预算地方收入的28.7%",
            "全市一般公共预算地方收入的2.6%",
        ):
            changed = with_paragraph(HUARONG, 38, "一般公共预算地方收入的26.01%", whole)
            assert _at(Path(d), changed, 38) == [], whole


def test_a_budgets_spending_whole_after_its_incomes_list_is_no_income_part():
    """Failed before (N02 错误 "“收入”的各组成部分之和（1500万元 + 1969万元）… 应为 3469万元"): a 部门预算's two wholes in one
    sentence, the 收入's 其中 list first — "部门收入预算为1969万元,其中财政拨款1500万元,支出预算为1969万元,其中基本支出
    1500万元,项目支出469万元": the 支出预算 is the other side of the books, no part of the 收入 (as a plain 总支出 already
    was, review13n), named 总额/合计 or not. The 支出's own list short of it is then an 错误 of that whole."""
    with tempfile.TemporaryDirectory() as d:
        for word in ("为", "总额为", "合计"):
            text = f"部门收入预算{word}1969万元,其中财政拨款1500万元,支出预算{word}1969万元,其中基本支出1500万元,项目支出469万元。"
            assert _at(Path(d), _doc(text), 1) == [], text
        assert _at(Path(d), _doc("收入预算总额为1969万元,其中财政拨款1500万元;支出预算总额为1969万元。"), 1) == []
        wrong = "部门收入预算总额为1969万元,其中财政拨款1500万元,支出预算总额为1969万元,其中基本支出1500万元,项目支出500万元。"
        found = findings_at_paragraph(Path(d), _doc(wrong), 1)
        assert [(code, severity) for code, severity, _ in found] == [("N02", "error")]
        assert "支出预算" in found[0][2] and "2000万元" in found[0][2]
