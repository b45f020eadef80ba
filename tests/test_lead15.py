"""Lead's mends of session 15's merges (issue 12).

reports18 brought 宣州区直工委's 2020 三公 预算 publication, whose every paragraph compares with "2019年预算"; docs15 then
read "比2019年预算减少0.02万元" as a gap to the report's own budget, because the report's year was counted as 2019 (the
most named). A year right after 比/较 is a comparison's base: it no longer counts toward the report's year.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from perfxl.document.run_state import report_year

REPORTS = Path(__file__).resolve().parent / "realworld" / "reports"


def test_a_year_compared_with_is_not_the_reports_year():
    """Failed before: "2019" (named in five comparisons against 2020's four titles and statements)."""
    fixture = tomllib.loads(
        (REPORTS / "anhui-xuanzhou-quzhigongwei-sangong-yusuan-2020.toml").read_text(encoding="utf-8")
    )
    assert report_year(fixture["paragraphs"]) == "2020"


def test_a_report_naming_only_compared_years_keeps_them():
    """With every year named after 比/较, the count falls back to all of them rather than to none."""
    assert report_year(["支出比2022年增加5万元", "比2022年下降"]) == "2022"
    assert report_year(["2023年支出100万元，较2022年增加5万元"]) == "2023"
