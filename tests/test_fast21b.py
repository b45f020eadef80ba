"""fast21b (issue 14): per-call costs of a small validation computed once per process, each held to its plain form.

- the bundled profiles' names (`list_profiles`, asked by every `load_profile` of a name): the folder is listed again
  only when its mtime moves — a glob of it was ≈ 60 µs of every validate_file and report check;
- the implemented catalogue entries (`implemented_specs`, asked by every run of the checks for its plan): worked out
  again only when a check was registered since.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from perfxl import profiles
from perfxl.profiles import list_profiles, load_profile
from perfxl.rules import _plan, catalogue, implemented_specs


def _plain_names(folder: Path) -> list[str]:
    return sorted(p.stem for p in folder.glob("*.toml"))


def test_bundled_names_as_the_glob_gives_them() -> None:
    assert list_profiles() == _plain_names(profiles.PROFILE_DIR)
    assert list_profiles() == list_profiles()
    names = list_profiles()
    names.append("mine")  # a caller's list is its own
    assert "mine" not in list_profiles()


def test_bundled_names_follow_the_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A profile added, renamed or removed is seen at the next ask (the folder's mtime moved)."""
    monkeypatch.setattr(profiles, "PROFILE_DIR", tmp_path)
    assert list_profiles() == []
    (tmp_path / "national.toml").write_bytes(b"")
    assert list_profiles() == ["national"] == _plain_names(tmp_path)
    (tmp_path / "hunan.toml").write_bytes(b"")
    (tmp_path / "notes.txt").write_bytes(b"")
    assert list_profiles() == ["hunan", "national"] == _plain_names(tmp_path)
    (tmp_path / "hunan.toml").rename(tmp_path / "hubei.toml")
    assert list_profiles() == ["hubei", "national"] == _plain_names(tmp_path)
    (tmp_path / "hubei.toml").unlink()
    assert list_profiles() == ["national"] == _plain_names(tmp_path)
    monkeypatch.setattr(profiles, "PROFILE_DIR", tmp_path / "gone")
    assert list_profiles() == []


def test_profiles_resolve_as_before() -> None:
    """A bundled name loads its file; an unknown name is refused, naming the bundled ones."""
    for name in list_profiles():
        assert load_profile(name).files[0] == str(profiles.PROFILE_DIR / f"{name}.toml")
    with pytest.raises(profiles.ProfileError) as err:
        load_profile("no-such-profile")
    assert f"(bundled: {', '.join(_plain_names(profiles.PROFILE_DIR))}," in err.value.message_en


def test_implemented_specs_as_the_plain_filter(monkeypatch: pytest.MonkeyPatch) -> None:
    plain = [s for s in catalogue.CATALOGUE if s.code in catalogue._IMPL]
    assert implemented_specs() == plain
    assert catalogue.implemented() == (tuple(plain), tuple(s.code for s in plain))
    unimplemented = [s for s in catalogue.CATALOGUE if s.code not in catalogue._IMPL]
    if unimplemented:  # a check registered later is planned from then on
        code = unimplemented[0].code
        monkeypatch.setitem(catalogue._IMPL, code, lambda ctx: iter(()))
        assert code in {s.code for s in implemented_specs()}
        assert implemented_specs() == [s for s in catalogue.CATALOGUE if s.code in catalogue._IMPL]
        profile = load_profile(None)
        assert code in {s.code for s, _, _ in _plan(profile, None, None)} or not unimplemented[0].enabled
        monkeypatch.delitem(catalogue._IMPL, code)
    assert implemented_specs() == plain


def test_the_plan_as_before() -> None:
    """The plan: every implemented, enabled check of the profile in catalogue order, with its settings."""
    profile = load_profile(None)
    plan = _plan(profile, None, None)
    expected = []
    for s in implemented_specs():
        explicit = profile.get(f"checks.{s.code}.enabled")
        if s.enabled if explicit is None else bool(explicit):
            expected.append(s.code)
    assert [s.code for s, _, _ in plan] == expected
    assert _plan(profile, None, None) is plan
    assert [s.code for s, _, _ in _plan(profile, "N01", None)] == [c for c in expected if c == "N01"]
