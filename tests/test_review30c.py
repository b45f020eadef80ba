"""Review 30c (issue 12): 80 consistent rewrites of real paragraphs pushing reports37's five narrative rules (classes counted
before a total, a list the paragraph stops inside, money after another measure, "经调整后资金的来源为:", "共计下达").
Two false N02 错误 found, each failed at main as its docstring says; the rewrites keep the real paragraphs' wording
(tests/realworld/reports: 陈仓 2021 p4, 绵阳 2021 p4)."""

from __future__ import annotations

from test_document_realreport import one_paragraph_codes


def test_work_done_so_far_after_a_list_is_no_part():
    """Failed at main (an N02 错误 "2000万元 + 800万元 + 2800万元 超过了总数"): "项目包括道路、桥梁两类工程,总投资3000万元,
    其中道路工程2000万元,桥梁工程800万元;已完成投资2800万元" — the investment done so far, as "已拨付" is, no third part.
    A third part by name that does go over the total is still the 错误."""
    head = "项目包括道路、桥梁两类工程,总投资3000万元,其中道路工程2000万元,桥梁工程800万元;"
    assert one_paragraph_codes(head + "已完成投资2800万元。") == []
    assert one_paragraph_codes(head + "已完成2800万元。") == []
    assert one_paragraph_codes(head + "实际完成投资2800万元。") == []
    assert one_paragraph_codes(head + "管理费300万元。") == [("N02", "error")]