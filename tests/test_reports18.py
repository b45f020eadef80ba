"""Real reports 18 (issue 12, session 15): five 三公 publications WITH their tables perfxl had never seen
(tests/realworld/reports: 泾县中学 2021 预算, 杜集经开区 2020 预算, 宣州区直工委 2020 预算, 共青团宣城市委 2020 预算 (a mirror in
traditional characters), 云县 2023 决算 情况说明 with its 统计表 (云南)), measured blind.

First run (blind): found 0 of 2, false 错误 2, false 警告 1 on the 15 agreeing facts. The two false 错误 (云县 p4) came from
"较2022年决算数688.84万元131.49万元,增长19.09%": the 增加 dropped, 131.49 was read as a level and a 其中 list of every
item's 预算, 决算, 2022 and change summed against it. The two misses (宣城团市委 p8): "其中:公務用車運行費2.8萬元" against a
预算表 whose 运行费 is 5.00 — the text's 支出 was never paired with a table giving 预算数 only; and "运行费2.8万元,比2019年预算
增加2.8万元,增长127.27%" leaves a base of 0 — the change was read as the whole's (which agrees) and a base reaching 0 gave no
rate interval. Fixed in general here; the N01 is a 警告 (a 预算 publication's 支出 read as its budget: a reading of the
publication's kind). Probing the batch's figures found one more shape: "完成年初预算数的98.59%" was no completion rate.
Still out of reach: the 云县 统计表's total row has no label in the stored copy (its figures are not tied to the 三公 total)
and its "2022年决算数" column is not read as last year's; "决算支出数为820.33万元" names a measure, not the 三公 item, so its
completion rate has no pair. Tests named "failed before" were run against the branch before the fix and failed as their
docstring says.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from test_document_realreport import codes_at_paragraph as _at
from test_document_realreport import with_paragraph as _with

from perfxl.document.facts import extract_facts

REPORTS = Path(__file__).resolve().parent / "realworld" / "reports"
YUNXIAN = tomllib.loads((REPORTS / "yunnan-yunxian-sangong-juesuan-2023.toml").read_text(encoding="utf-8"))
XUANCHENG = tomllib.loads((REPORTS / "anhui-xuancheng-tuanshiwei-sangong-yusuan-2020.toml").read_text(encoding="utf-8"))
JINGXIAN = tomllib.loads((REPORTS / "anhui-jingxian-zhongxue-sangong-yusuan-2021.toml").read_text(encoding="utf-8"))
DUJI = tomllib.loads((REPORTS / "anhui-duji-jingkaiqu-sangong-yusuan-2020.toml").read_text(encoding="utf-8"))


def test_an_amount_right_after_last_years_is_the_change_its_rate_names(tmp_path):
    """Failed before: two N02 错误 at 云县 p4 — "较2022年决算数688.84万元131.49万元,增长19.09%": 131.49 was a level, and the
    其中 list of each item's 预算, 决算, 2022 and change was summed against it."""
    facts = extract_facts("决算支出数为820.33万元,较2022年决算数688.84万元131.49万元,增长19.09%。").facts
    # the first "final" since lost17: 决算支出数 is the 决算 role word, as 支出决算 (tests/test_lost17.py)
    assert [(f.role, f.direction) for f in facts] == [("final", 0), ("previous", 0), ("change", 1), ("change_rate", 1)]
    assert _at(tmp_path, YUNXIAN, 4) == []
    # no rate after it: nothing says it is a change ("较2022年决算数100万元120万元,用于…")
    facts = extract_facts("较2022年决算数100万元120万元,用于设备购置。").facts
    assert [f.role for f in facts] == ["previous", "value"]


def test_a_budget_publications_spending_is_held_to_its_budget_table(tmp_path):
    """Failed before: [] — "其中:公務用車運行費2.8萬元" under a 预算表 whose 运行费 is 5.00 (the tables give 预算数 only, the
    text never says 决算): the 支出 read as the budget, a 警告 (a reading of the publication's kind)."""
    assert ("N01", "warning") in _at(tmp_path, XUANCHENG, 8)
    wrong = _with(DUJI, 15, "公务接待费支出22.20万元", "公务接待费支出24.20万元")
    assert ("N01", "warning") in _at(tmp_path, wrong, 15)
    assert _at(tmp_path, DUJI, 15) == []
    # a text that speaks of 决算 anywhere: its 支出 may be the year's spending — no pairing with the budget
    spent = _with(wrong, 13, "支出预算为40.20万元", "支出预算为40.20万元,上年决算为30万元")
    assert ("N01", "warning") not in _at(tmp_path, spent, 15)
    # nor a figure said to be spent ("实际支出")
    actual = _with(wrong, 15, "公务接待费支出24.20万元", "公务接待费实际支出24.20万元")
    assert ("N01", "warning") not in _at(tmp_path, actual, 15)


def test_a_rate_from_a_base_of_nothing(tmp_path):
    """Failed before: [] — "运行费2.8万元,比2019年预算增加2.7万元,增长127.27%": the base 0.1 (at most 0.25 as printed) gives at
    least 1060%; `_ratio` gave no interval over a base reaching 0. A base of exactly 0 gives no rate at all."""
    for text, found in (
        ("公务用车运行费2.8万元,比2019年预算增加2.7万元,增长127.27%。", True),
        ("公务用车运行费2.8万元,比2019年预算增加2.8万元,增长127.27%。", True),
        ("公务用车运行费2.8万元,比2019年预算增加2.7万元,增长2700%。", False),
        ("公务用车运行费2.8万元,比2019年预算减少2.8万元,下降50%。", False),
    ):
        got = _at(tmp_path, {"paragraphs": [text], "tables": []}, 1)
        assert got == ([("N02", "error")] if found else []), text


def test_a_change_after_a_part_is_the_parts_once_the_whole_changed(tmp_path):
    """Failed before: [] at 宣城团市委 p8 for the rate — "(三)…支出5万元,比2019年预算增加2.8万元,增长127.27%。其中:公务用车
    运行费2.8万元,比2019年预算增加2.8万元,增长127.27%": the whole's change was told; the one after the part is the part's
    (2.8 from 0), not the whole's again (the 大余法院 reading stays for a whole with no change of its own)."""
    assert ("N02", "error") in _at(tmp_path, XUANCHENG, 8)
    daiyu = "收入总计2980.34万元,其中年初结转和结余803.16万元,较2017年增加741.79万元,增长33%。"
    assert _at(tmp_path, {"paragraphs": [daiyu], "tables": []}, 1) == []


def test_completion_of_the_years_first_budget_is_a_completion_rate(tmp_path):
    """Failed before: [] — "完成年初预算的88.73%" (云县 2023 "完成年初预算数的"): only "完成预算" named a completion rate."""
    text = "“三公”经费预算为832.05万元,支出决算为820.33万元,完成年初预算的88.73%。"
    assert _at(tmp_path, {"paragraphs": [text], "tables": []}, 1) == [("N02", "error")]
    assert _at(tmp_path, {"paragraphs": [text.replace("88.73%", "98.59%")], "tables": []}, 1) == []


def test_a_budget_table_with_blank_rows_printed_without_rules_is_a_table():
    """Failed before: [] — 泾县中学 2021's 预算表 printed without rules: only 合计 and 公务接待费 carry a figure (11.77), the
    other rows print their label alone, so the block of lines in columns never reached three lines and the PDF's coverage
    did not say a table went unread (tests/test_document_pdf_parity.py). A label alone inside a block is one of its rows;
    alone, or a heading ("二、…"), it is text."""
    from test_pdf_columns import _narrative_page, _table_page

    from perfxl.document.pdf_columns import column_blocks

    rows = [[c for c in row if c] for row in JINGXIAN["tables"][0]["rows"][1:]]
    blocks = column_blocks(_table_page(rows, column_chars=16))
    assert [b.first_line for b in blocks] == ["合计 │ 11.77"] and blocks[0].lines >= 3
    # short lines of text with no block before them stay text
    assert column_blocks(_narrative_page(["因公出国(境)费", "公务接待费", "公务用车购置费"])) == []
