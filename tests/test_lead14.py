"""The lead's fixes at session 14's merges: a quoted name that quotes a word itself, the 三公 item's full name."""

from __future__ import annotations

from perfxl.rules.basic import _THREE_PUBLIC_PARTS
from perfxl.rules.catalogue import spec


def test_a_row_that_quotes_a_word_is_nested_in_the_message_quotes():
    """B03's “{row}” around a row printed “三公”经费合计 gave "““三公”经费合计”" (review14s): Chinese nests ‘ ’."""
    zh, en = spec("B03").render({"column": "决算数", "row": "“三公”经费合计", "expected": "7", "actual": "10"})
    assert zh == "决算数：“‘三公’经费合计”应为分项之和 7，表中为 10"
    assert "“三公”经费合计" in en  # the English message quotes nothing around it


def test_separate_quotations_are_left_alone():
    zh, _ = spec("B03").render({"column": "决算数", "row": "公务接待费", "expected": "7", "actual": "10"})
    assert zh == "决算数：“公务接待费”应为分项之和 7，表中为 10"


def test_the_car_item_is_named_as_the_三公_definition_names_it():
    """财政部's 三公 are 因公出国(境)费、公务用车购置及运行维护费、公务接待费: B03's "表中未列出…" says so (review14s)."""
    names = dict(_THREE_PUBLIC_PARTS["three_public"])
    assert names["car"] == "公务用车购置及运行维护费"
    assert dict(_THREE_PUBLIC_PARTS["car"])["car_running"] == "公务用车运行维护费"
