"""Review of lost17's narrative readings (issue 12): each a false path found by writing the same words in another role
— a year the sentence names before the item, a whole's budget of another moment, a growth printed negative, a change
and its rate agreeing beside a wrong level, a change on another basis, a 其中 list of changes. Each test failed before
its fix as its docstring says; the sentences lost17 meant stay found.
"""

from __future__ import annotations

import pytest
from test_document_realreport import codes_at_paragraph, findings_at_paragraph
from test_lost16 import _exact_previous
from test_review16 import _SANGONG, _with_text

# ---------------------------------------------------------------- 1. an item its sentence places in another year


@pytest.mark.parametrize(
    "said",
    [
        "2020年公务接待费支出6万元，同比下降40%。",
        "2020年公务接待费支出6万元，比上年减少4万元，下降40%。",
        "2020年度公务接待费决算支出数为6万元，同比下降40%。",
        "2020年公务接待费预算数为10万元，决算支出数为6万元。",
    ],
)
def test_an_items_figures_after_another_years_name_are_that_years(tmp_path, said):
    """Shape: a 2021 三公 决算 说明 recalling 2020 ("2020年公务接待费支出6万元，同比下降40%": 2020 on 2019). Wrong before:
    N01 错误 "…与上年相比增减率为 减少40%，而…表…-13.17%" (and "决算数为 6万元，而…2021年决算数为 5.21万元") — the year
    stands before the item's first figure only; the rate (lost17: an item's 同比 rate held to the table) and the 决算
    after "预算数为10万元，" (lost17: 决算支出数 a 决算) carried on the item without it. Fix: a figure carrying on an item
    its sentence named with another year is that year's (`run_state._items_years`)."""
    for fixture in (_SANGONG, _exact_previous()):
        assert codes_at_paragraph(tmp_path, _with_text(fixture, said), 3) == [], said


@pytest.mark.parametrize(
    "said",
    [
        "2021年公务接待费支出5.21万元，同比下降20%。",
        "2021年公务接待费预算数为14.9万元，决算支出数为6万元。",
        # a year after 较 is the comparison's base, not the item's
        "2021年公务接待费支出5.21万元，较2020年减少0.79万元，下降20%。",
    ],
)
def test_this_years_item_is_still_held_to_the_table(tmp_path, said):
    assert codes_at_paragraph(tmp_path, _with_text(_exact_previous(), said), 3) == [("N01", "error")]


# ---------------------------------------------------------------- 2. the items' 预算数 and a whole's budget of another moment

#: 云县's shape (real reports 18): the whole's budget then its 决算, then each item's pair — the whole's budget here its
#: 调整预算 (the items' 预算数 are 年初's: 20 + 14.9 + 15 = 49.9, the table's 预算 column).
_ADJUSTED = (
    "“三公”经费调整预算数为40万元，决算支出数为7.69万元。其中：因公出国（境）费预算数为20万元，决算支出数为0万元；"
    "公务接待费预算数为14.9万元，决算支出数为5.21万元；公务用车购置及运行维护费预算数为15万元，决算支出数为2.48万元。"
)


def test_items_budgets_are_no_parts_of_a_whole_budget_of_another_moment(tmp_path):
    """Wrong before: N02 错误 "“三公经费调整”的各组成部分之和（20万元 + 14.9万元 + 15万元）超过了总数…应为 49.9万元，文字写
    40万元" — lost17 held the items' 预算数 to the whole's budget beside its 决算 without `_stage`'s test the other lists
    get (a 调整 budget is no sum of 年初 ones). Fix: the same test; budgets of one moment are still summed."""
    # no N02; the 调整预算数 40 (read since scope20: "三公经费调整" names the item) against the 决算表's 预算数 49.9 of no
    # printed stage is an N01 警告 naming both readings, never an 错误 (tests/test_scope20.py)
    assert codes_at_paragraph(tmp_path, _with_text(_SANGONG, _ADJUSTED), 3) == [("N01", "warning")]
    same = _ADJUSTED.replace("费预算数", "费调整预算数")
    assert codes_at_paragraph(tmp_path, {"paragraphs": [same]}, 1) == [("N02", "error")]


# ---------------------------------------------------------------- 3. a change printed with a minus sign


@pytest.mark.parametrize(
    "said",
    [
        "公务接待费支出5.21万元，同比增长-13.17%。",
        "公务接待费支出5.21万元，比上年增加-0.79万元，增长-13.17%。",
    ],
)
def test_a_growth_printed_negative_is_a_fall(tmp_path, said):
    """Shape: the 决算 说明 that print a fall as a negative growth ("同比增长-13.17%", as their tables' 增减率 column).
    Wrong before: N01 错误 "…写…为 增加13.17%，而…表…-13.17%" — the minus sign was no part of the figure, the 增长 word
    its direction (lost17 held an item's 同比 rate to the table). Fix: a minus sign right before a change's figure turns
    its word's direction. A rate that is wrong either way is still found."""
    assert codes_at_paragraph(tmp_path, _with_text(_exact_previous(), said), 3) == []
    wrong = said.replace("13.17%", "20%")
    assert codes_at_paragraph(tmp_path, _with_text(_exact_previous(), wrong), 3) == [("N01", "error")]


# ---------------------------------------------------------------- 4. a change and its rate agreeing beside a wrong level


@pytest.mark.parametrize(
    ("said", "level", "expected"),
    [
        (
            "“三公”经费决算支出数为902.36万元,比上年688.84万元增加131.49万元,增长19.09%。",
            "902.36万元",
            "应为 820.33万元",
        ),
        (
            "本单位2024年度支出350.00万元，2023年度支出300.00万元，增加40.00万元，增长13.33%。",
            "350.00万元",
            "应为 340万元",
        ),
    ],
)
def test_a_change_and_its_rate_agreeing_point_at_the_level(tmp_path, said, level, expected):
    """Shape: 云县's opening with this year's 决算 mistyped (902.36 for 820.33) and the direction word printed. Wrong
    before: two N02 错误, "增减额…应为 213.52万元，文字写 131.49万元" and "增减率…应为 31%，文字写 19.09%" — lost17's reading
    of a change between two levels called the change wrong, then its rate, though 131.49 / 688.84 = 19.09%: both agree
    with last year's level, and only this year's figure is out of step. Fix: the change and its rate agreeing with
    each other over last year's level, one N02 at the level (last year's + the change), naming both."""
    [(code, severity, message)] = findings_at_paragraph(tmp_path, {"paragraphs": [said]}, 1)
    assert (code, severity) == ("N02", "error") and "本年数" in message and expected in message and level in message


@pytest.mark.parametrize(
    "said",
    [
        "2024年度支出350万元，较2023年度支出300万元增加40万元（剔除一次性支出10万元）。",
        "2024年度支出350万元，较2023年度支出300万元增加40万元（不含新增项目10万元），增长13.33%。",
        # the rate then over the base the change states (40 / 300), not over 350 − 40
        "2024年度支出350万元，比上年300万元增加40万元（不含上年一次性支出10万元），增长13.33%。",
        "2024年度支出350万元，比上年300万元增加40万元，增长13.33%（剔除追加因素）。",
    ],
)
def test_a_change_on_another_basis_is_not_the_levels_difference(tmp_path, said):
    """Wrong before: N02 错误 "增减额（350万元 − 300万元）…应为 50万元，文字写 40万元" — lost17's change between two levels
    read the change the words measure on another basis (剔除/不含/同口径/可比) as the levels' difference; and then its
    rate was an N02 错误 "40万元 / 上年 310万元" (350 − 40, the stated base 300 left aside). Now the change is not read
    against the levels, its rate is over the base it states; a plain wrong change beside its stated base still is."""
    assert codes_at_paragraph(tmp_path, {"year": 2024, "paragraphs": [said]}, 1) == []
    plain = "2024年度支出350万元，较2023年度支出300万元增加40万元。"
    assert codes_at_paragraph(tmp_path, {"year": 2024, "paragraphs": [plain]}, 1) == [("N02", "error")]


def test_a_list_of_changes_is_no_split_of_the_level(tmp_path):
    """ "2024年度支出350万元，2023年度支出300万元，其中:基本支出增加40万元，项目支出增加10万元" (the change 50 split by
    class). Wrong before: N02 警告 "“支出”的各组成部分之和（40万元 + 10万元）少于总数…文字写 350万元" — the parts, named
    "基本支出增加", were summed against this year's level. Now not a split of the level; a split of it still is."""
    said = "本单位2024年度支出350万元，2023年度支出300万元，其中:基本支出增加40万元，项目支出增加10万元。"
    assert codes_at_paragraph(tmp_path, {"year": 2024, "paragraphs": [said]}, 1) == []
    split = "本单位2024年度支出350万元，其中:基本支出300万元，项目支出60万元。"
    assert codes_at_paragraph(tmp_path, {"year": 2024, "paragraphs": [split]}, 1) == [("N02", "error")]
