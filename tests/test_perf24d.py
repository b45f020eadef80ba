"""perf24d (issue 14): the layout's dataclasses take `records.value_methods`, and eight module patterns a plain .xlsx never
uses are compiled on first use (guard_zip's relationship scans, five of the layout's).

`tests/test_perf24b.py` holds every decorated class (these included: it finds them by their `__eq__`) to a twin made by
`dataclasses` on made-up values; here the layout's objects that real readings build — the standard workbook and four
transcribed real tables holding the rarer blocks (a 三公 table, a 年度主要任务 block, a 泸县 across-funds block, a
fragment of unmapped rows) — are held to their twins too, since no result or submission holds them.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))

from render import load_table, render
from test_perf24b import TWINS, _hold_alike

from perfxl.io import guard_zip
from perfxl.layout import (
    across_funds,
    detect,
    evaluation,
    findings,
    headers,
    indicators,
    label_weights,
    merges,
    task_funds,
    three_public,
)
from perfxl.reader import read_submission

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "realworld"
LAYOUT_CLASSES = (
    across_funds.AcrossGroup,
    across_funds.AcrossBlock,
    detect.SheetLayout,
    evaluation._Builder,
    evaluation._UnmappedRun,
    findings.Container,
    task_funds._Words,
    task_funds.TaskBlock,
    three_public._Words,
)
TABLES = (
    "anhui-huaiyuan-xuwei-sangong-2020",
    "guangdong-dongguan-zhanlanguan-bumen-mubiao-2022",
    "sichuan-luxian-wenlv-bumen-mubiao-2024",
    "buxiang-bumen-defenbiao-fragment-2017",
)


def test_every_layout_dataclass_is_decorated() -> None:
    for cls in LAYOUT_CLASSES:
        assert cls in TWINS, cls.__qualname__
        assert cls.__eq__.__module__ == "perfxl.records"
    mutable = {cls for cls in LAYOUT_CLASSES if not cls.__dataclass_params__.frozen}  # type: ignore[attr-defined]
    assert mutable == {detect.SheetLayout, evaluation._Builder, evaluation._UnmappedRun}
    assert all(cls.__hash__ is None for cls in mutable)


def test_real_readings_layout_objects_alike(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every layout object the readings build (recorded as `__init__` makes it) compares, hashes and prints as its
    `dataclasses` twin."""
    built: dict[type, list[Any]] = {}
    # the word lists are built once a process (`@cache`): a test before this one in the same worker built them already
    three_public._words.cache_clear()
    task_funds._words.cache_clear()
    for cls in LAYOUT_CLASSES:

        def init(self: Any, *args: Any, _init: Any = cls.__init__, _cls: type = cls, **kw: Any) -> None:
            _init(self, *args, **kw)
            built.setdefault(_cls, []).append(self)

        monkeypatch.setattr(cls, "__init__", init)
    paths = [ROOT / "workbooks" / "perfxl-standard.xlsx"]
    paths += [render(load_table(CORPUS / f"{name}.toml"), tmp_path) for name in TABLES]
    for path in paths:
        read_submission(path)
    monkeypatch.undo()
    kinds = {cls.__qualname__ for cls in built}
    assert {"AcrossGroup", "AcrossBlock", "SheetLayout", "_Builder", "_UnmappedRun", "TaskBlock", "_Words"} <= kinds
    assert three_public._Words in built and task_funds._Words in built
    for objs in built.values():
        _hold_alike(objs[:12])


#: The patterns made lazy here, with texts they match and texts they do not.
LAZY = {
    "guard_zip._REL_TAG": (guard_zip._REL_TAG, b'<Relationship Id="rId1" Target="a&amp;b.xml"/>', b"<Rels/>"),
    "guard_zip._REL_ID": (guard_zip._REL_ID, b' Id="rId1" Target="x"', b' xId="rId1"'),
    "guard_zip._REL_TARGET": (guard_zip._REL_TARGET, b' Id="rId1" Target="x"', b' Targets="x"'),
    "headers._FORMULA_SIGN": (headers._FORMULA_SIGN, "执行数/年初预算数", "执行数"),
    "indicators._PLAIN_NUMBER": (indicators._PLAIN_NUMBER, " -1,234.5 ", "12家"),
    "label_weights._RULE_POINTS": (label_weights._RULE_POINTS, "每少一项扣2分", "满意度"),
    "merges._FIGURE": (merges._FIGURE, "第3项", "预期目标"),
    "evaluation._NUMBERED_ITEM": (evaluation._NUMBERED_ITEM, " 1、产出", "产出1"),
}


@pytest.mark.parametrize("name", LAZY)
def test_lazy_patterns_answer_as_re(name: str) -> None:
    lazy, hit, miss = LAZY[name]
    real = re.compile(lazy.pattern, lazy.flags)
    for text in (hit, miss):
        assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in real.finditer(text)]
        assert bool(lazy.search(text)) == bool(real.search(text)) == (text is hit)
        assert bool(lazy.match(text)) == bool(real.match(text))


_PROBE = r"""
import json, sys
from perfxl.validate import validate_file
from perfxl.io import guard_zip
from perfxl.layout import evaluation, headers, indicators, label_weights, merges
validate_file(sys.argv[1])
names = {"_REL_TAG": guard_zip, "_REL_ID": guard_zip, "_REL_TARGET": guard_zip, "_FORMULA_SIGN": headers,
         "_PLAIN_NUMBER": indicators, "_RULE_POINTS": label_weights, "_FIGURE": merges, "_NUMBERED_ITEM": evaluation}
print(json.dumps(sorted(n for n, m in names.items() if "search" in vars(getattr(m, n)))))
"""


@pytest.mark.slow(reason="a fresh interpreter validating the example (which patterns it compiles)")
def test_a_plain_xlsx_compiles_none_of_them() -> None:
    example = ROOT / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"
    out = subprocess.run([sys.executable, "-c", _PROBE, str(example)], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []
