"""The curated public API: every exported name resolves, and nothing else is promised."""

import subprocess
import sys

import pytest

import perfxl


def test_every_exported_name_resolves_to_its_module_object():
    for name in perfxl.__all__:
        assert getattr(perfxl, name) is not None, name
    assert perfxl.score_indicator("增长12%", "11.8%", 10).score == perfxl.score_indicator("≥12%", "11.8%", 10).score


def test_unknown_names_are_attribute_errors():
    try:
        perfxl.not_a_thing  # noqa: B018
    except AttributeError as exc:
        assert "not_a_thing" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("expected AttributeError")


@pytest.mark.slow
def test_import_perfxl_loads_no_heavy_library():
    code = "import sys, perfxl; print(sorted(m for m in ('openpyxl','pandas','xlwings','python_calamine') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
