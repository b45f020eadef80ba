"""docs15 (issue 12, session 15): narrative shapes real reports print that the lead left open — a rate against last
year beside a gap against the budget, the budget gap in its short forms ("比预算减少", "与预算持平"), a count with a
bracketed note after its measure word, and a basis that quoted a quoted label again. Tests named "failed before" were
run against main before the fix and failed as their docstring says.
"""

from __future__ import annotations

from report_helpers import seed_report_findings

from perfxl.document.facts import extract_facts


def _facts(text: str) -> list[tuple[str, str, str, int | None]]:
    return [(f.claim, f.subject, f.quantity.text, f.parent) for f in extract_facts(text).facts]


def _said(tmp_path, sentence: str) -> list[tuple[str, str]]:
    return [(f.code, f.severity.value) for f in seed_report_findings(tmp_path, sentence) if f.severity.value != "info"]


# ---------------------------------------------------------------- 3. a count with a bracketed note


def test_a_note_in_brackets_after_a_count_is_no_part_of_the_next_name():
    """Failed before: the 20 was "含临时人员退休人员" (no claim) — the note "（注：含临时人员）" after 100人 glued to the next
    count's name; so did a note without its label ("（含临时人员）")."""
    for text in ("在职人员100人（注：含临时人员）退休人员20人。", "在职人员100人（含临时人员）退休人员20人。"):
        staff, retired = _facts(text)
        assert staff[:3] == ("staff", "在职人员", "100人")
        assert retired[:3] == ("retired", "退休人员", "20人")


def test_a_note_naming_a_count_is_a_part_of_the_count_before_it():
    """Failed before: parent None — "（注：含临时人员5人）" was split at the note's colon, so the 5 was read on its own, as
    no part of the 100; now as "（含临时人员5人）" is read: a part."""
    for text in ("在职人员100人（注：含临时人员5人）。", "在职人员100人(注:含临时人员5人)。", "在职人员100人（含临时人员5人）。"):
        total, part = _facts(text)
        assert total[:3] == ("staff", "在职人员", "100人")
        assert part[2:] == ("5人", 0)


def test_a_count_after_a_note_is_held_to_the_table(tmp_path):
    """Failed before: [] — the seed's 基础数据表 has 在职 45: "在职人员40人" after a note went unread."""
    assert _said(tmp_path, "核定编制数为32人（注：含临时人员）在职人员40人。") == [("N01", "error")]
    assert _said(tmp_path, "核定编制数为32人（注：含临时人员）在职人员45人。") == []
    # the note's count is a part, never the total: 5 is not the table's 45
    assert _said(tmp_path, "在职人员45人（注：含临时人员5人），其中行政编制20人、事业编制25人。") == []
