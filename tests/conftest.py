"""Shared test fixtures: paths to the repo's real files. Module-specific helpers live beside their tests."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
WORKBOOKS = REPO / "workbooks"
EXAMPLES = WORKBOOKS / "examples"


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def workbooks_dir() -> Path:
    return WORKBOOKS


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A test that drives LibreOffice or Chromium is slow too: `pytest -m "not slow"` leaves it out."""
    for item in items:
        if item.get_closest_marker("libreoffice") or item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.slow)
