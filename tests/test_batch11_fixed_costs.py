"""Session 11's per-file fixed costs of a batch (issue 14): what was cut must not change an output.

- A code's 示例说明 (summary.xlsx 问题统计, dashboard, summary.json) and severity come from the first
  file in discovery order that has the code, whatever order the workers finish in — before, they came
  from the first file to *finish*, so two runs of the same batch could write different summaries.
- The XML prologue check talks to expat directly (no SAX reader per ZIP member): same refusals.
- Templates read dict keys straight away (`DictFirst`): same text, and a dict's methods still win.
"""

from __future__ import annotations

import pytest

from perfxl.batch.tables import BatchTables
from perfxl.io.guard_inflate import DtdForbidden, XmlPrologue
from perfxl.report.templating import environment


def _row(index: int) -> dict:
    return {"index": index, "path": f"/in/{index}.xlsx"}


def test_a_codes_example_is_from_the_first_file_in_discovery_order_not_the_first_to_finish(tmp_path):
    tables = BatchTables(tmp_path)
    tables.add_row(_row(5), {"D01": ("warning", 2, "第6个文件的说明")})
    tables.add_row(_row(1), {"D01": ("error", 1, "第2个文件的说明")})
    tables.add_row(_row(3), {"D01": ("warning", 1, "第4个文件的说明")})
    (entry,) = tables.codes_by_count()
    assert (entry["severity"], entry["example"], entry["count"], entry["files"]) == ("error", "第2个文件的说明", 4, 3)
    assert set(entry) == {"code", "severity", "count", "files", "example"}  # nothing extra reaches the outputs


@pytest.mark.parametrize(
    ("xml", "what"),
    [
        (b'<?xml version="1.0"?><!DOCTYPE x><r/>', "doctype"),
        (b'<?xml version="1.0"?><!-- <a> --><?pi <b?><!DOCTYPE x [<!ENTITY a "b">]><r/>', "doctype"),
        (b"<?xml version='1.0' encoding='GBK'?><!-- \xd6\xd0 --><!DOCTYPE x><r/>", "doctype"),
        ('<?xml version="1.0"?><!DOCTYPE x SYSTEM "f"><r/>'.encode("utf-16"), "doctype"),
    ],
)
def test_the_prologue_check_still_refuses_a_dtd(xml, what):
    check = XmlPrologue("xl/worksheets/sheet1.xml")
    with pytest.raises(DtdForbidden) as caught:
        for i in range(0, len(xml), 7):  # streamed in small pieces, as a ZIP member inflates
            check.feed(xml[i : i + 7])
        check.close()
    assert caught.value.what == what


def test_the_prologue_check_stops_at_the_first_element_and_lets_text_after_it_be():
    check = XmlPrologue("xl/sharedStrings.xml")
    check.feed(b'<?xml version="1.0"?><!-- <!DOCTYPE only text --><sst><si><t>&lt;!DOCTYPE x&gt;</t></si></sst>')
    check.close()
    assert check.done


def test_templates_read_dict_keys_and_a_dicts_methods_still_win():
    env = environment()
    assert env.from_string("{{ d.code }}|{{ d.items is callable }}").render(d={"code": "D01", "items": 1}) == (
        "D01|True"
    )
    with pytest.raises(Exception, match="has no attribute 'missing'"):
        env.from_string("{{ d.missing }}").render(d={"code": "D01"})
