"""Render the manuals' pictures from the project's own files: `python docs/screens/make_screens.py [--out DIR]`.

Nothing is drawn by hand. Workbooks (the blank standard workbook, the seed example's annotated copy
and its 校验结果 sheet) go LibreOffice → PDF → PNG (pdftoppm); the HTML report, the batch dashboard
and the add-in task pane (served by `perfxl serve`, Office.js replaced by the project's own
preview stand-in, filled with the 校验结果 rows the server's 校验 writes for the seed example) are
Chromium screenshots. `OUTPUTS` is the list the manuals may show (tests/test_manuals.py checks it).
Screens only Excel can show (ribbon, 宏已被禁用, 受保护的视图) are described in words instead.
Needs: soffice, pdftoppm, /usr/bin/chromium, the dev extra (playwright, xlwings-server).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "docs" / "images"
EXAMPLE = REPO / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"
STANDARD = REPO / "workbooks" / "perfxl-standard.xlsx"
PERFXL = Path(sys.executable).with_name("perfxl")
CHROMIUM = "/usr/bin/chromium"
#: Width in pixels of a rendered PDF page (keeps each PNG small).
PAGE_WIDTH = 1100

#: Every picture this script writes: file name → what it shows.
OUTPUTS: dict[str, str] = {
    "standard-basic-data.png": "空白标准工作簿：基础数据表（LibreOffice 打印预览）",
    "standard-department.png": "空白标准工作簿：部门整体支出绩效自评表",
    "annotated-basic-data.png": "示例的批注副本：基础数据表上的标色",
    "annotated-department.png": "示例的批注副本：部门整体支出绩效自评表上的标色",
    "result-sheet.png": "示例的 校验结果 工作表",
    "report-html.png": "perfxl demo 的 HTML 报告",
    "taskpane.png": "加载项任务窗格（校验后的汇总与问题列表）",
    "dashboard.png": "perfxl batch 的总览页 dashboard.html",
}


def _run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, **kw)
    if proc.returncode not in (0, 1):  # perfxl exits 1 when it found 错误: that is the point here
        raise RuntimeError(f"{cmd[0]} failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return proc


def _pdf_pages(book: Path, work: Path, pages: dict[int, str], out: Path) -> None:
    """Print `book` to PDF with LibreOffice and save the given 1-based pages as PNGs."""
    profile = work / "lo-profile"
    _run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
          "--outdir", str(work), str(book)])
    pdf = work / (book.stem + ".pdf")
    for page, name in pages.items():
        stem = work / f"page{page}"
        _run(["pdftoppm", "-png", "-f", str(page), "-l", str(page), "-singlefile", "-scale-to-x", str(PAGE_WIDTH),
              "-scale-to-y", "-1", str(pdf), str(stem)])
        _shrink(Path(f"{stem}.png"), out / name)


def _shrink(src: Path, dest: Path) -> None:
    """Palette PNG (≤ 256 colours): screenshots of tables stay sharp and small."""
    from PIL import Image

    with Image.open(src) as im:
        im.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(dest, optimize=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def workbooks(work: Path, out: Path) -> None:
    _pdf_pages(STANDARD, work, {1: "standard-basic-data.png", 2: "standard-department.png"}, out)
    annotated = work / "示例.校验.xlsx"
    _run([str(PERFXL), "validate", str(EXAMPLE), "--annotate", str(annotated)], cwd=work)
    _pdf_pages(annotated, work, {1: "annotated-basic-data.png", 2: "annotated-department.png", 3: "result-sheet.png"},
               out)


def browser_screens(work: Path, out: Path) -> None:
    from playwright.sync_api import sync_playwright

    demo = work / "demo"
    _run([str(PERFXL), "demo", "--out", str(demo)], cwd=work)
    inbox = work / "inbox"
    inbox.mkdir()
    shutil.copy2(EXAMPLE, inbox / "隆回县科工信局-2023.xlsx")
    shutil.copy2(STANDARD, inbox / "空白标准表.xlsx")
    _run([str(PERFXL), "batch", str(inbox), "-o", str(work / "batch"), "-j", "1"], cwd=work)

    env = {k: v for k, v in os.environ.items() if not k.startswith(("XLWINGS_", "PERFXL_SERVE"))}
    env["XLWINGS_LICENSE_KEY"] = "noncommercial"
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = (work / "serve.log").open("w")
    server = subprocess.Popen([str(PERFXL), "serve", "--host", "127.0.0.1", "--port", str(port)], cwd=work, env=env,
                              stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait(base, server)
        rows = _result_rows(base)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1000, "height": 760})
            page.goto((demo / "report.html").as_uri(), wait_until="load")
            _shot(page, work, out / "report-html.png")
            page.goto((work / "batch" / "dashboard.html").as_uri(), wait_until="load")
            page.wait_for_timeout(500)
            _shot(page, work, out / "dashboard.png")
            pane = browser.new_page(viewport={"width": 360, "height": 760})
            pane.goto(base + "/taskpane.html", wait_until="load")
            pane.wait_for_function("document.getElementById('perfxl-status').textContent.includes('不在 Excel 中')",
                                   timeout=60_000)
            pane.evaluate("rows => perfxlPane.renderSummary(perfxlPane.parseResult({sheet: '校验结果', rows}))", rows)
            _shot(pane, work, out / "taskpane.png")
            browser.close()
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def _shot(page, work: Path, dest: Path) -> None:
    raw = work / "shot.png"
    page.screenshot(path=str(raw))
    _shrink(raw, dest)


def _wait(base: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("perfxl serve exited")
        try:
            with urllib.request.urlopen(base + "/manifest.xml", timeout=5):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    raise RuntimeError("perfxl serve did not start")


def _result_rows(base: str) -> list[list]:
    """The 校验结果 sheet the add-in's 校验 writes for the seed example (posted as Excel would)."""
    from perfxl.excel.replay import PayloadState, payload_from_file, replay_payload

    payload = payload_from_file(str(EXAMPLE))
    req = urllib.request.Request(base + "/xlwings/custom-scripts-call/validate", data=json.dumps(payload).encode(),
                                 method="POST", headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=300) as r:
        actions = json.loads(r.read())["actions"]
    state = PayloadState(payload)
    replay_payload(state, actions)
    (sheet,) = [s for s in state.payload["sheets"] if s["name"] == "校验结果"]
    rows = [list(r) for r in sheet["values"]]
    width = max(len(r) for r in rows)
    return [[("" if v is None else v) for v in r] + [""] * (width - len(r)) for r in rows]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="perfxl-screens-") as tmp:
        work = Path(tmp)
        workbooks(work, args.out)
        browser_screens(work, args.out)
    for name in OUTPUTS:
        size = (args.out / name).stat().st_size
        print(f"{args.out / name}  {size // 1024} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
