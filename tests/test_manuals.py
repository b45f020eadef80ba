"""The Chinese manuals (issue 15): every picture they show is one docs/screens/make_screens.py makes
(never drawn by hand), exists, is a small PNG; the script, run for real, writes exactly its list."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"
MANUALS = (DOCS / "用户手册.md", DOCS / "审核手册.md")
MAX_BYTES = 200 * 1024


def _screens():
    spec = importlib.util.spec_from_file_location("make_screens", DOCS / "screens" / "make_screens.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pictures(path: Path) -> list[str]:
    return re.findall(r"!\[[^\]]*\]\(([^)\s]+)\)", path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("manual", MANUALS, ids=lambda p: p.name)
def test_every_picture_in_a_manual_is_made_by_the_script_and_exists(manual):
    outputs = _screens().OUTPUTS
    pictures = _pictures(manual)
    assert pictures, f"{manual.name} shows the real screens"
    for ref in pictures:
        assert ref.startswith("images/") and Path(ref).name in outputs, f"{ref}: not made by make_screens.py"
        png = (manual.parent / ref).read_bytes()
        assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) <= MAX_BYTES, ref


def test_every_png_under_docs_images_is_one_the_script_makes():
    assert {p.name for p in (DOCS / "images").glob("*.png")} == set(_screens().OUTPUTS)


def test_excel_only_screens_are_described_and_listed_for_the_release_check():
    """The ribbon, 宏已被禁用 and 受保护的视图 are not faked: words in the manual, boxes in the checklist."""
    manual = (DOCS / "用户手册.md").read_text(encoding="utf-8")
    checklist = (DOCS / "release-checklist.md").read_text(encoding="utf-8")
    for words in ("宏已被禁用", "受保护的视图", "“绩效自评”选项卡", "版本不一致", "WPS"):
        assert words in manual
    for words in ("绩效自评", "已阻止宏运行", "受保护的视图", "安装.bat", "docs/用户手册.md"):
        assert words in checklist


@pytest.mark.slow
@pytest.mark.libreoffice
@pytest.mark.browser
def test_the_script_renders_every_picture(tmp_path):
    for tool in ("soffice", "pdftoppm"):
        assert shutil.which(tool), f"{tool} is missing (.ci/run installs it)"
    proc = subprocess.run(
        [sys.executable, str(DOCS / "screens" / "make_screens.py"), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    made = {p.name for p in tmp_path.glob("*.png")}
    assert made == set(_screens().OUTPUTS)
    for name in made:
        data = (tmp_path / name).read_bytes()
        assert data.startswith(b"\x89PNG") and 2_000 < len(data) <= MAX_BYTES, name
