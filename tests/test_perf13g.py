"""Session 13's leftovers (issue 14) give the answers of the forms they replace: S13's list-of-options test with its
cheap tests first and the target's reading kept per text, a formula unescaped only when it holds "&", and a validate
run that imports neither `logging` (only a caught calamine panic logs) nor the CSV/SARIF writers."""

from __future__ import annotations

import random
import subprocess
import sys
from decimal import Decimal
from html import unescape
from pathlib import Path
from types import SimpleNamespace

import pytest

from perfxl.chinese import to_simplified
from perfxl.io.xml_formulas import formulas_from_xml
from perfxl.rules import scores

EXAMPLE = Path(__file__).resolve().parent.parent / "workbooks" / "examples" / "longhui-2023-kegongxin.xlsx"


def _plain_options_copied(target: str, actual: str, score: Decimal | None) -> bool:
    """`_options_copied` as it was: every test in the order the rule states them."""
    text = to_simplified(scores._without_spaces(target))
    options = set(text)
    return (
        len(text) >= 2
        and len(options) == len(text)
        and options <= scores._OPTION_WORDS
        and bool(options & scores._GOOD_OPTIONS)
        and bool(options & scores._BAD_OPTIONS)
        and text == to_simplified(scores._without_spaces(actual))
        and score is not None
    )


def test_options_copied_as_the_plain_form():
    rng = random.Random(1313)
    chars = list("好坏壞优優良中低差是否高有无無 \u3000\n达标95%≥")
    texts = ["", "好坏", "好壞", "好 坏", "优良中低差", "是否", "良好", "优良", "好好", "≥95%", "有无", "高低"]
    texts += ["".join(rng.choice(chars) for _ in range(rng.randint(1, 7))) for _ in range(3000)]
    for _ in range(6000):
        target = rng.choice(texts)
        actual = target if rng.random() < 0.5 else rng.choice(texts)
        score = rng.choice([None, Decimal(0), Decimal(5)])
        row = SimpleNamespace(target_text=target, actual_text=actual, score=score)
        assert scores._options_copied(row) == _plain_options_copied(target, actual, score), (target, actual, score)  # type: ignore[arg-type]


def test_formula_unescaped_as_before():
    for text in ("SUM(A1:A3)", "IF(A1&gt;0,&quot;是&quot;,&quot;否&quot;)", "A1&amp;B1", "A1&lt;&#62;B1", "&"):
        xml = f'<c r="B2"><f>{text}</f><v>1</v></c>'.encode()
        assert formulas_from_xml(xml) == {(1, 1): "=" + unescape(text)}


@pytest.mark.slow(reason="starts a fresh interpreter (what a validate run imports)")
def test_a_validate_run_imports_no_logging_and_no_csv_writer():
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from perfxl.cli.main import app\n"
        f"r = CliRunner().invoke(app, ['validate', {str(EXAMPLE)!r}, '--format', 'json'])\n"
        "assert r.exit_code in (0, 1), r.output\n"
        "print(sorted(m for m in ('logging', 'csv', 'perfxl.report.csv_report', 'perfxl.report.sarif') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
