"""dashboard.html in headless Chromium: no console errors, charts drawn, tables sort and filter, no network.

Needs Debian's chromium (/usr/bin/chromium) and Playwright for Python; the screenshot is kept in
tests/artefacts/batch-dashboard.png.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_batch_cli import SEED_EXAMPLE

from perfxl.batch import run_batch

pytestmark = pytest.mark.browser

ARTEFACTS = Path(__file__).resolve().parent / "artefacts"
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def dashboard(tmp_path_factory):
    from perfxl.workbook.synthetic import synthetic_content
    from perfxl.workbook.variants import write_submission

    root = tmp_path_factory.mktemp("dash")
    inbox = root / "inbox"
    inbox.mkdir()
    variants = ("standard", "inserted_rows", "synonyms", "split_target", "offset", "spaced")
    for i, variant in enumerate(variants):
        content = synthetic_content(40 + i, errors=i % 4, department=i % 2 == 1, basic=i % 2 == 1)
        write_submission(inbox / f"unit{i}-{variant}.xlsx", content, variant=variant)
    shutil.copy(SEED_EXAMPLE, inbox)
    (inbox / "renamed-notes.xlsx").write_text("不是工作簿", encoding="utf-8")
    outcome = run_batch([inbox], root / "out", jobs=2)
    return outcome


def test_dashboard_renders_charts_and_interactive_tables(dashboard):
    from playwright.sync_api import sync_playwright

    rows = dashboard.rows
    page_file = dashboard.outdir / "dashboard.html"
    problems, requests = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.on("console", lambda m: problems.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
        page.on("request", lambda r: requests.append(r.url))
        page.goto(page_file.as_uri())
        page.wait_for_load_state("load")

        charts = page.locator("svg.chart")
        assert charts.count() == 2
        for i in range(2):
            assert charts.nth(i).is_visible()
            heights = charts.nth(i).locator("rect.bar").evaluate_all("els => els.map(e => e.getBBox().height)")
            assert heights and max(heights) > 0

        files = page.locator("#files tbody tr")
        assert files.count() == len(rows)
        assert page.locator("#files-tools .count").inner_text() == f"显示 {len(rows)} / {len(rows)}"

        # sort by 复算总分 (7th column): ascending puts the lowest recomputed total first
        page.locator("#files thead th").nth(6).click()
        scores = sorted(r["score_computed"] for r in rows if r["score_computed"] is not None)
        first = page.locator("#files tbody tr").first.locator("td").nth(6).get_attribute("data-v")
        assert float(first) == scores[0]
        page.locator("#files thead th").nth(6).click()
        first = page.locator("#files tbody tr").first.locator("td").nth(6).get_attribute("data-v")
        assert float(first) == scores[-1]

        # only the unreadable files
        page.select_option("#files-tools select[name=state]", "unreadable")
        assert page.locator("#files tbody tr:visible").count() == sum(1 for r in rows if not r["ok"]) == 1

        # a code in the by-code table filters the findings to that code
        top = dashboard.tables.codes_by_count()[0]
        page.locator("#codes a.code", has_text=top["code"]).first.click()
        assert page.locator("#findings tbody tr:visible").count() == top["count"]
        page.select_option("#findings-tools select[name=code]", "")

        ARTEFACTS.mkdir(exist_ok=True)
        page.locator("#files-tools select[name=state]").select_option("")
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(ARTEFACTS / "batch-dashboard.png"), full_page=False)
        browser.close()
    assert problems == []
    assert all(u.startswith("file://") for u in requests), requests  # self-contained: no network
    for row in rows:
        assert (dashboard.outdir / row["report"]).is_file()
