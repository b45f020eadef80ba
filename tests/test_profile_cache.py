"""The per-user cache of bundled profiles: same Profile as from the TOML, refreshed when its sources change."""
from __future__ import annotations

import json

import pytest

import perfxl.profiles as profiles
from perfxl.profiles import cache as profile_cache
from perfxl.profiles import load_profile


@pytest.fixture()
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("PERFXL_CACHE_DIR", str(folder))
    monkeypatch.delenv("PERFXL_NO_PROFILE_CACHE", raising=False)
    monkeypatch.setattr(profiles, "_CACHE", {})
    return folder


def _no_toml(path):
    raise AssertionError(f"TOML read although the cache is valid: {path}")


def test_a_cached_bundled_profile_equals_the_one_parsed_from_toml(cache_dir, monkeypatch):
    parsed = {name: load_profile(name) for name in ("national", "hubei", "hunan", "sichuan")}
    assert sorted(p.name for p in cache_dir.iterdir()) == [f"profile-{n}.json" for n in ("hubei", "hunan", "national", "sichuan")]
    monkeypatch.setattr(profiles, "_CACHE", {})
    monkeypatch.setattr(profiles, "_read", _no_toml)
    for name, original in parsed.items():
        cached = load_profile(name)
        assert cached is not original
        assert (cached.name, cached.files, cached.data) == (original.name, original.files, original.data)
        assert cached.settings == original.settings
        assert json.dumps(cached.data, sort_keys=True) == json.dumps(original.data, sort_keys=True)


def test_a_changed_source_or_a_damaged_entry_means_the_toml_is_read_again(cache_dir, monkeypatch, tmp_path):
    load_profile("hubei")
    entry = cache_dir / "profile-hubei.json"
    stamp = tmp_path / "code.py"
    stamp.write_text("v1")
    monkeypatch.setattr(profile_cache, "_CODE", (*profile_cache._CODE, stamp))
    assert profile_cache.load_cached("hubei") is None  # digest no longer matches
    monkeypatch.setattr(profiles, "_CACHE", {})
    assert load_profile("hubei").get("weights.budget") == 20  # re-read, and stored again
    assert profile_cache.load_cached("hubei") is not None
    entry.write_text("{not json", encoding="utf-8")
    assert profile_cache.load_cached("hubei") is None
    monkeypatch.setattr(profiles, "_CACHE", {})
    assert load_profile("hubei").get("weights.budget") == 20


def test_user_profiles_are_never_cached_and_the_cache_can_be_turned_off(cache_dir, monkeypatch, tmp_path):
    own = tmp_path / "mine.toml"
    own.write_text('name = "mine"\nextends = "hubei"\n', encoding="utf-8")
    load_profile("hubei")
    assert load_profile(own).name == "mine"
    assert not any("mine" in p.name for p in cache_dir.iterdir())
    monkeypatch.setenv("PERFXL_NO_PROFILE_CACHE", "1")
    monkeypatch.setattr(profiles, "_CACHE", {})
    load_profile("sichuan")
    assert not (cache_dir / "profile-sichuan.json").exists()
