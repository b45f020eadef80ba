"""The catalogue as data: codes, coverage of domain-rules §6, generated docs, profile settings, isolation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rules_helpers import seed_submission

import perfxl.rules.catalogue as catalogue
from perfxl.errors import ProfileError
from perfxl.profiles import load_profile
from perfxl.rules import CATALOGUE, NOT_CHECKABLE, implemented_specs, run_checks, selected
from perfxl.rules.catalogue import CODES
from perfxl.rules.docs import main as docs_main
from perfxl.rules.docs import render_pages

REPO = Path(__file__).resolve().parent.parent
DOMAIN_RULE_IDS = REPO / "tests" / "fixtures" / "domain_rule_ids.txt"  # the brief's §6 rule ids


def test_codes_are_unique_short_and_named():
    codes = [s.code for s in CATALOGUE]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[A-Z]\d{2}", c) for c in codes)
    names = [s.name for s in CATALOGUE]
    assert len(names) == len(set(names)) and all(re.fullmatch(r"[A-Z0-9_]+", n) for n in names)


def test_every_spec_has_an_implementation_and_texts():
    runnable = {s.code for s in CATALOGUE if s.scope != "none"}
    assert {s.code for s in implemented_specs()} == runnable
    for s in CATALOGUE:
        assert s.title_zh and s.title_en and s.template_zh and s.template_en and s.source


def test_every_rule_of_domain_rules_section_6_is_covered():
    lines = DOMAIN_RULE_IDS.read_text(encoding="utf-8").splitlines()
    ids = {line for line in lines if line and not line.startswith("#")}
    assert len(ids) == 59 and all(re.fullmatch(r"R-[A-Z]-?\d{2}", i) for i in ids)
    covered = {s.rule_id for s in CATALOGUE} | set(NOT_CHECKABLE)
    assert ids - covered == set()


def test_docs_pages_are_generated_from_the_catalogue():
    """docs/rules/ holds exactly the generator's pages: index.md and one page per code, never drifting."""
    folder = REPO / "docs" / "rules"
    pages = render_pages()
    assert sorted(p.name for p in folder.glob("*.md")) == sorted(pages), "run: .venv/bin/python -m perfxl.rules.docs"
    for name, text in pages.items():
        assert (folder / name).read_text(encoding="utf-8") == text, (
            f"{name} is stale; run: .venv/bin/python -m perfxl.rules.docs"
        )
    index = pages["index.md"]
    for s in CODES:
        assert f"| [{s.code}]({s.code}.md) |" in index
        page = pages[f"{s.code}.md"]
        assert s.why_zh in page and s.example_message in page and s.source in page
    assert not (REPO / "docs" / "rules.md").exists()


def test_generator_writes_pages_and_removes_stale_ones(tmp_path):
    (tmp_path / "F99.md").write_text("old", encoding="utf-8")
    assert docs_main([str(tmp_path)]) == 0
    assert not (tmp_path / "F99.md").exists()
    assert (tmp_path / "ZIP_BOMB.md").read_text(encoding="utf-8") == render_pages()["ZIP_BOMB.md"]


def test_national_profile_parameters_match_the_catalogue_defaults():
    prof = load_profile("national")
    for s in CATALOGUE:
        settings = prof.check(s.code)
        for key, value in settings.params.items():
            assert key in s.params, (s.code, key)
            assert list(value) == list(s.params[key]) if isinstance(value, list) else value == s.params[key]


def test_profile_with_unknown_code_or_parameter_is_rejected(tmp_path):
    sub = seed_submission()
    for body, key in (
        ("[checks.F99]\nenabled = false\n", "checks.F99"),
        ("[checks.F07]\nthreshhold = 80\n", "checks.F07.threshhold"),
    ):
        path = tmp_path / "bad.toml"
        path.write_text(f'name = "bad{len(key)}"\nextends = "national"\n{body}', encoding="utf-8")
        with pytest.raises(ProfileError) as err:
            run_checks(sub, load_profile(str(path)))
        assert err.value.cell == key


def test_a_profile_whose_data_takes_a_checked_ones_id_is_still_checked(tmp_path):
    """check_profile remembers checked profiles by (name, id of the data). A profile built on the fly with the same name
    may get the id of a freed dict checked before: its typo must still be reported, not taken as already checked."""
    import perfxl.rules as rules

    path = tmp_path / "bad.toml"
    path.write_text('name = "onthefly"\nextends = "national"\n[checks.F99]\nenabled = false\n', encoding="utf-8")
    bad = load_profile(str(path))
    rules._CHECKED[(bad.name, id(bad.data))] = {"another": "profile's data, freed since"}  # the id reused
    with pytest.raises(ProfileError) as err:
        rules.check_profile(bad)
    assert err.value.cell == "checks.F99"


def test_profile_sets_severity_and_switches_checks_off(tmp_path):
    path = tmp_path / "mild.toml"
    path.write_text(
        'name = "mild"\nextends = "national"\n[checks.F04]\nseverity = "warning"\n[checks.G02]\nenabled = false\n',
        encoding="utf-8",
    )
    found = run_checks(seed_submission(), load_profile(str(path)))
    f04 = [f for f in found if f.code == "F04"]
    assert f04 and all(f.severity.value == "warning" for f in f04)
    assert not [f for f in found if f.code == "G02"]


@pytest.mark.parametrize(
    "token, code, picked",
    [
        ("F", "F04", True),
        ("F0", "F04", True),
        ("FUND_RATE_MISMATCH", "F04", True),
        ("R-F04", "F04", True),
        ("R-G01", "G03", True),
        ("W", "F04", False),
        ("f04", "F04", True),
    ],
)
def test_select_by_code_prefix_name_or_rule_id(token, code, picked):
    assert selected(code, select=[token]) is picked
    assert selected(code, ignore=[token]) is (not picked)


def test_a_crashing_check_is_reported_and_the_others_still_run(monkeypatch):
    def broken(ctx):
        raise ZeroDivisionError("boom")
        yield  # pragma: no cover

    monkeypatch.setitem(catalogue._IMPL, "W01", broken)
    found = run_checks(seed_submission(), load_profile())
    crash = [f for f in found if f.code == "X01"]
    assert len(crash) == 1 and "W01" in crash[0].message and "ZeroDivisionError" in crash[0].message
    assert any(f.code == "F04" for f in found) and any(f.code == "S01" for f in found)


def test_messages_render_every_field():
    for f in run_checks(seed_submission(), load_profile()):
        assert "?" not in f.message and "{" not in f.message, f
        assert f.message_en and "{" not in f.message_en


@pytest.mark.slow
def test_rules_stay_pure():
    import subprocess
    import sys

    # no reader library, and no part of the layout (the adapter that maps Grids to the model): label text the checks
    # compare is normalised by perfxl.labels, which the layout uses too
    code = (
        "import sys, perfxl.rules; "
        "print(sorted(m for m in ('openpyxl', 'python_calamine', 'xlwings', 'pandas', 'perfxl.layout') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert out.stdout.strip() == "[]"
