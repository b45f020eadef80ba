"""Profiles as data (perfxl.profiles): bundled files, `extends`, check settings, and clear errors for bad files."""

from __future__ import annotations

import tomllib
from decimal import Decimal

import pytest

from perfxl.errors import ProfileError
from perfxl.layout.headers import FUNDS_COLUMNS, match_role
from perfxl.profiles import PROFILE_DIR, CheckSettings, list_profiles, load_profile

D = Decimal


def _write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_bundled_profiles_load_and_cite_sources():
    assert {"national", "hunan", "hubei", "sichuan"} <= set(list_profiles())
    for name in list_profiles():
        profile = load_profile(name)
        assert profile.name == name
        raw = tomllib.loads((PROFILE_DIR / f"{name}.toml").read_text(encoding="utf-8"))
        assert raw["source"], f"{name}.toml must cite its sources"


def test_national_defaults_per_10hao():
    p = load_profile()
    assert p.name == "national"
    weights = {k: p.get(f"weights.{k}") for k in ("budget", "output", "effect", "satisfaction", "total")}
    assert weights == {"budget": 10, "output": 50, "effect": 30, "satisfaction": 10, "total": 100}
    assert sum(weights[k] for k in ("budget", "output", "effect", "satisfaction")) == weights["total"]
    s = p.settings
    assert (s.over_factor, s.over_zero_threshold, s.rate_cap) == (D("1.3"), D(30), D(1))
    assert (s.tol_money, s.tol_rate_pp, s.tol_score) == (D("0.01"), D("0.01"), D("0.01"))
    assert [t.low for t in s.tiers] == [D("0.8"), D("0.6"), D("0")]
    assert s.grade_bands == (("优", D(90)), ("良", D(80)), ("中", D(60)), ("差", D(0)))
    assert s.reverse == "ratio" and s.score_places == 2


def test_variants_state_only_their_differences_and_inherit_the_rest():
    national, hunan, hubei, sichuan = (load_profile(n) for n in ("national", "hunan", "hubei", "sichuan"))
    hubei_text = (PROFILE_DIR / "hubei.toml").read_text(encoding="utf-8")
    assert "[over_completion]" not in hubei_text and "[[grade.bands]]" not in hubei_text
    assert hubei.settings.over_factor == national.settings.over_factor
    assert hubei.get("weights.budget") == 20 and hubei.settings.budget_weight == 20
    assert [t.low for t in hubei.settings.tiers] == [D("0.8"), D("0.5"), D("0")]
    assert hubei.get("weights.total") == 100  # inherited
    assert hunan.get("department.three_public_change_basis") == "budget"
    assert national.get("department.three_public_change_basis") == "final"
    assert hunan.get("department.staff_control.deduct_per_point") == 0.5
    assert hunan.get("department.key_spending.bands") == national.get("department.key_spending.bands")
    # 四川's 调整后预算数 is the column the rate is taken over: the reader maps it to the 全年预算数 (no profile key)
    assert match_role("调整后预算数", FUNDS_COLUMNS) == match_role("全年预算数", FUNDS_COLUMNS) == "full_budget"
    assert sichuan.get("checks.D03.enabled") is True and sichuan.get("checks.D03.max_chars") == 100
    assert hunan.files[-1].endswith("national.toml")


def test_user_profile_extends_a_named_profile_and_a_relative_file(tmp_path):
    _write(tmp_path, "base.toml", 'name = "base"\nextends = "hubei"\n[over_completion]\nfactor = 1.5\n')
    child = _write(
        tmp_path,
        "child.toml",
        'name = "child"\nextends = "base.toml"\n[grade]\n'
        '[[grade.bands]]\nlabel = "优"\nmin = 80\n[[grade.bands]]\nlabel = "差"\nmin = 0\n',
    )
    p = load_profile(child)
    assert p.name == "child"
    assert p.settings.over_factor == D("1.5")  # from base.toml
    assert p.settings.budget_weight == 20  # from hubei
    assert p.settings.grade_bands == (("优", D(80)), ("差", D(0)))  # arrays replace, tables merge
    assert p.get("weights.output") == 40 and p.get("weights.satisfaction") == 10


def test_check_settings(tmp_path):
    p = load_profile()
    assert p.check("NO_SUCH_CHECK") == CheckSettings(True, None, {})
    f = _write(
        tmp_path,
        "checks.toml",
        'name = "c"\n[checks.FUND_LOW_RATE]\nenabled = false\nseverity = "info"\n'
        "threshold = 0.9\n[checks.FUND_LOW_RATE.params]\nmax_chars = 100\n",
    )
    c = load_profile(f).check("FUND_LOW_RATE")
    assert (c.enabled, c.severity, c.params) == (False, "info", {"threshold": 0.9, "max_chars": 100})


@pytest.mark.parametrize(
    "text,key",
    [
        ('[scoring]\nrevers = "ratio"\n', "scoring.revers"),
        ('[weights]\nbudget = "ten"\n', "weights.budget"),
        ('[scoring]\nreverse = "sideways"\n', "scoring.reverse"),
        ("[nonsense]\nx = 1\n", "nonsense"),
        ("[over_completion]\nfactor = true\n", "over_completion.factor"),
        ('[checks.X]\nseverity = "fatal"\n', "checks.X.severity"),
        ("[checks.X]\nenabled = 1\n", "checks.X.enabled"),
        ('[[qualitative.tiers]]\nlabel = "a"\nlow = 0.9\nhigh = 0.8\npoint = 0.85\n', "qualitative.tiers[0]"),
        (
            '[[qualitative.tiers]]\nlabel = "a"\nlow = 0.9\nhigh = 1\npoint = 1\ncolour = "red"\n',
            "qualitative.tiers[0].colour",
        ),
        ("[[total.caps]]\nbelow = 0.5\nmaximum = 50\n", "total.caps[0].maximum"),
        ("[rounding]\nscore_places = 9\n", "rounding.score_places"),
    ],
)
def test_invalid_profiles_name_the_file_and_the_key(tmp_path, text, key):
    f = _write(tmp_path, "bad.toml", 'name = "bad"\n' + text)
    with pytest.raises(ProfileError) as info:
        load_profile(f)
    err = info.value
    assert key in err.message and str(f) in err.message and key in err.message_en
    assert err.code == "PROFILE_INVALID"


def test_unreadable_missing_and_cyclic_profiles(tmp_path):
    with pytest.raises(ProfileError, match="不是有效的 TOML"):
        load_profile(_write(tmp_path, "broken.toml", "name = \n"))
    with pytest.raises(ProfileError, match="找不到配置"):
        load_profile("atlantis")
    with pytest.raises(ProfileError, match="找不到配置"):
        load_profile(_write(tmp_path, "orphan.toml", 'extends = "missing.toml"\n'))
    _write(tmp_path, "a.toml", 'extends = "b.toml"\n')
    with pytest.raises(ProfileError, match="循环"):
        load_profile(_write(tmp_path, "b.toml", 'extends = "a.toml"\n'))


def test_get_with_defaults():
    p = load_profile("hunan")
    assert p.get("weights.budget") == 10
    assert p.get("weights.nothing", "d") == "d"
    assert p.get("weights.budget.deeper", 7) == 7
    assert p.decimal("over_completion.factor") == D("1.3")
    assert load_profile("hunan") is p  # cached
