"""A per-user cache of the bundled profiles, already merged and checked, so a cold `perfxl validate` skips tomllib.

Parsing the TOML chain (tomllib's import compiles its regexes) and checking it against the schema
costs ≈ 15 ms of a ≈ 150 ms start. The result is plain data, so it is stored as JSON — never
pickle, nothing that can run code — in `$PERFXL_CACHE_DIR`, else `$XDG_CACHE_HOME/perfxl`, else
`~/.cache/perfxl`, one file per bundled profile. An entry is used only while a digest of perfxl's
version, every TOML file of the profile's chain and the profile-loading code still matches; any
problem reading or writing the cache just means loading the TOML as before. Only the bundled
profiles are cached (a user's own .toml is read every time), so the cache never grows beyond
four small files. `PERFXL_NO_PROFILE_CACHE=1` turns it off.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

__all__ = ["cache_dir", "load_cached", "store"]

_FORMAT = "perfxl.profile-cache/1"
#: The code whose behaviour a cached entry depends on (merge and checks).
_CODE = tuple(Path(__file__).with_name(n) for n in ("__init__.py", "schema.py", "cache.py"))


def cache_dir() -> Path | None:
    """Where cached profiles live, or None when the cache is turned off."""
    if os.environ.get("PERFXL_NO_PROFILE_CACHE"):
        return None
    if os.environ.get("PERFXL_CACHE_DIR"):
        return Path(os.environ["PERFXL_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "perfxl"


def _digest(files: list[str]) -> str | None:
    """sha256 over perfxl's version, the profile chain and the loading code; None if a file is unreadable."""
    from perfxl import __version__

    h = hashlib.sha256(f"{_FORMAT}\0{__version__}\0".encode())
    try:
        for path in [*files, *map(str, _CODE)]:
            h.update(path.encode("utf-8", "surrogatepass") + b"\0")
            h.update(Path(path).read_bytes())
    except OSError:
        return None
    return h.hexdigest()


def load_cached(stem: str) -> tuple[str, dict[str, Any], tuple[str, ...]] | None:
    """(name, merged data, chain files) of bundled profile `stem` if a valid entry exists, else None."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        entry = json.loads((folder / f"profile-{stem}.json").read_text(encoding="utf-8"))
        files = [str(f) for f in entry["files"]]
        if entry.get("format") != _FORMAT or entry.get("digest") != _digest(files) or not isinstance(entry["data"], dict):
            return None
        return str(entry["name"]), entry["data"], tuple(files)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def store(stem: str, name: str, data: dict[str, Any], files: tuple[str, ...]) -> None:
    """Save a loaded bundled profile (temp file + rename); failures are ignored — it is only a cache."""
    import tempfile

    folder = cache_dir()
    digest = _digest(list(files)) if folder is not None else None
    if folder is None or digest is None:
        return
    entry = {"format": _FORMAT, "digest": digest, "name": name, "files": list(files), "data": data}
    try:
        text = json.dumps(entry, ensure_ascii=False, allow_nan=False)
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".profile-{stem}.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
            os.replace(tmp, folder / f"profile-{stem}.json")
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except (OSError, ValueError, TypeError):
        pass
