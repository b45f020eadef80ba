"""Rule profiles as data: one TOML file per jurisdiction, with `extends` so a variant states only its differences.

`load_profile()` gives the national default (财预〔2020〕10号); "hunan" (部门整体), "hubei" (80/50 bands,
budget weight 20) and "sichuan" extend it. A path to a user's own `.toml` works the same way. Every
setting the engine uses — weights, formula variants, bands, thresholds, rounding, tolerances, grade bands,
and per-check switches — is read from here; `Profile.settings` holds them pre-converted to Decimals.
"""

from __future__ import annotations

import tomllib
from dataclasses import field
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import Any, overload

from perfxl.errors import ProfileError
from perfxl.numbers import to_decimal
from perfxl.records import record

from .schema import deep_merge, validate

__all__ = [
    "Profile",
    "ProfileLike",
    "CheckSettings",
    "Tier",
    "EngineSettings",
    "load_profile",
    "resolve_profile",
    "list_profiles",
    "DEFAULT_PROFILE",
    "PROFILE_DIR",
]

PROFILE_DIR = Path(__file__).resolve().parent
DEFAULT_PROFILE = "national"
_MAX_EXTENDS = 8


@record(frozen=True, slots=True)
class CheckSettings:
    """How one check runs under a profile: on/off, severity override (None = the check's own), parameters."""

    enabled: bool = True
    severity: str | None = None
    params: dict[str, Any] = field(default_factory=dict)


@record(frozen=True, slots=True)
class Tier:
    """A qualitative tier (定性等级): canonical label, score band [low, high) as shares of the weight, default point."""

    index: int
    label: str
    low: Decimal
    high: Decimal
    point: Decimal
    aliases: tuple[str, ...]
    contains: tuple[str, ...]


@record(frozen=True, slots=True)
class EngineSettings:
    """The profile's engine choices as ready-to-use values (read once; scoring runs 100k+/s on them)."""

    score_places: int
    rate_places: int
    tol_money: Decimal
    tol_rate_pp: Decimal
    tol_score: Decimal
    budget_weight: Decimal
    rate_cap: Decimal
    default_op: str
    reverse: str
    clamp_negative: bool
    excel_percent_fraction: bool
    over_factor: Decimal
    over_zero_threshold: Decimal
    late_share: Decimal
    tiers: tuple[Tier, ...]
    scale: tuple[tuple[str, Decimal], ...]
    yes_labels: tuple[str, ...]
    no_labels: tuple[str, ...]
    grade_bands: tuple[tuple[str, Decimal], ...]
    total_max: Decimal
    total_caps: tuple[tuple[Decimal, Decimal], ...]

    @property
    def vocabulary(self) -> Vocabulary:
        """Hashable description of the qualitative labels, the key under which parsed text is cached."""
        return (
            tuple((t.index, t.label, t.aliases, t.contains, t.low) for t in self.tiers),
            self.scale,
            self.yes_labels,
            self.no_labels,
        )


#: The qualitative vocabulary of a profile as a hashable key: (tiers, scale, yes labels, no labels).
Vocabulary = tuple[
    tuple[tuple[int, str, tuple[str, ...], tuple[str, ...], Decimal], ...],
    tuple[tuple[str, Decimal], ...],
    tuple[str, ...],
    tuple[str, ...],
]


def _required(value: Decimal | None, profile: Profile, key: str) -> Decimal:
    """A numeric setting every merged profile has (the national schema holds it); ProfileError if it is not a number."""
    if value is None:
        where = profile.files[0] if profile.files else profile.name
        raise ProfileError(
            f"配置文件 {where} 的键 {key}：应为数值",
            f"profile {where}, key {key}: must be a number",
            path=str(where),
            cell=key,
        )
    return value


_MISSING = object()


def _lookup(data: dict[str, Any], key: str) -> Any:
    """The value at dotted `key` in `data`, or `_MISSING` when any part is missing."""
    node: Any = data
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            return _MISSING
        node = node[part]
    return node


class Profile:
    """A loaded, merged and validated profile. Read values with `get("dotted.key")` and `check(code)`."""

    def __init__(self, name: str, data: dict[str, Any], files: tuple[str, ...]) -> None:
        self.name = name
        self.data = data
        self.files = files

    def __repr__(self) -> str:
        return f"Profile({self.name!r})"

    @property
    def title(self) -> str:
        return str(self.data.get("title", self.name))

    def get(self, key: str, default: Any = None) -> Any:
        """Value at a dotted key ("weights.budget"), or `default` when any part is missing.

        Looked up once per key and data (the checks ask the direction word lists of every row: ≈ 6 asks a row)."""
        data = self.data
        found: tuple[dict[str, Any], dict[str, Any]] | None = self.__dict__.get("_found")
        if found is None or found[0] is not data:
            found = self.__dict__["_found"] = (data, {})
        try:
            node = found[1][key]
        except KeyError:
            node = found[1][key] = _lookup(data, key)
        return default if node is _MISSING else node

    @overload
    def decimal(self, key: str) -> Decimal | None: ...
    @overload
    def decimal(self, key: str, default: Decimal) -> Decimal: ...
    @overload
    def decimal(self, key: str, default: Decimal | None) -> Decimal | None: ...

    def decimal(self, key: str, default: Decimal | None = None) -> Decimal | None:
        """A numeric setting as an exact Decimal (TOML floats go through repr: 0.1 stays 0.1)."""
        value = to_decimal(self.get(key))
        return default if value is None else value

    def check(self, code: str) -> CheckSettings:
        """Settings of check `code` from `[checks.<code>]`; unknown codes run with their defaults."""
        table = self.get("checks", {}).get(code)
        if not isinstance(table, dict):
            return CheckSettings()
        params = {k: v for k, v in table.items() if k not in ("enabled", "severity", "source", "params")}
        if isinstance(table.get("params"), dict):
            params.update(table["params"])
        return CheckSettings(bool(table.get("enabled", True)), table.get("severity"), params)

    @cached_property
    def settings(self) -> EngineSettings:
        """Engine settings converted once from the data."""

        def d(key: str, default: Decimal | None = None) -> Decimal:
            return _required(self.decimal(key, default), self, key)

        tiers = tuple(
            Tier(
                i,
                str(t["label"]),
                to_decimal(t["low"]) or Decimal(0),
                to_decimal(t["high"]) or Decimal(0),
                to_decimal(t["point"]) or Decimal(0),
                tuple(t.get("aliases", ())),
                tuple(t.get("contains", ())),
            )
            for i, t in enumerate(self.get("qualitative.tiers", []))
        )
        scale = tuple((str(k), to_decimal(v) or Decimal(0)) for k, v in self.get("qualitative.scale", {}).items())
        bands = tuple((str(b["label"]), to_decimal(b["min"]) or Decimal(0)) for b in self.get("grade.bands", []))
        caps = tuple(
            sorted(
                (
                    _required(to_decimal(c["below"]), self, "total.caps.below"),
                    _required(to_decimal(c["max"]), self, "total.caps.max"),
                )
                for c in self.get("total.caps", [])
            )
        )
        return EngineSettings(
            score_places=int(self.get("rounding.score_places", 2)),
            rate_places=int(self.get("rounding.rate_places", 2)),
            tol_money=d("tolerance.money"),
            tol_rate_pp=d("tolerance.rate_pp"),
            tol_score=d("tolerance.score"),
            budget_weight=d("weights.budget"),
            rate_cap=d("budget.rate_cap"),
            default_op=str(self.get("scoring.default_op", "GE")),
            reverse=str(self.get("scoring.reverse", "ratio")),
            clamp_negative=self.get("scoring.negative_actual", "clamp") == "clamp",
            excel_percent_fraction=bool(self.get("scoring.excel_percent_fraction", True)),
            over_factor=d("over_completion.factor"),
            over_zero_threshold=d("over_completion.zero_target_threshold"),
            late_share=d("deadline.late_share", Decimal(0)),
            tiers=tiers,
            scale=scale,
            yes_labels=tuple(self.get("qualitative.yes_labels", ())),
            no_labels=tuple(self.get("qualitative.no_labels", ())),
            grade_bands=tuple(sorted(bands, key=lambda b: b[1], reverse=True)),
            total_max=d("total.max", Decimal(100)),
            total_caps=caps,
        )


#: What the engine's public functions take as a profile: a loaded Profile, a bundled name ("hunan"), a path
#: to a .toml file, or None for the national default (`resolve_profile` turns any of them into a Profile).
ProfileLike = Profile | str | Path | None


def list_profiles() -> list[str]:
    """Names of the bundled profiles ("hubei", "hunan", "national", "sichuan")."""
    return list(_bundled())


#: (the profile folder's mtime in ns, its bundled names): the folder is listed again only when its entries change
_BUNDLED: list[tuple[int | None, tuple[str, ...]]] = []


def _bundled() -> tuple[str, ...]:
    """`list_profiles`' names, the folder listed again only when its mtime moved (a file added, removed or renamed):
    its glob was ≈ 60 µs of every `validate_file` and report check (≈ 1.5 % of a small 自评表's), fast21b."""
    try:
        stamp: int | None = PROFILE_DIR.stat().st_mtime_ns
    except OSError:
        stamp = None
    if not _BUNDLED or _BUNDLED[0][0] != stamp or stamp is None:
        _BUNDLED[:] = [(stamp, tuple(sorted(p.stem for p in PROFILE_DIR.glob("*.toml"))))]
    return _BUNDLED[0][1]


def _resolve(name_or_path: str | Path, relative_to: Path | None = None) -> Path:
    text = str(name_or_path)
    if text in _bundled():
        return PROFILE_DIR / f"{text}.toml"
    path = Path(text)
    if relative_to is not None and not path.is_absolute():
        path = relative_to / path
    if path.suffix.lower() != ".toml" or not path.is_file():
        names = ", ".join(list_profiles())
        raise ProfileError(
            f"找不到配置 {text}（内置：{names}，或给出 .toml 文件路径）",
            f"profile {text} not found (bundled: {names}, or give a path to a .toml file)",
            path=text,
        )
    return path.resolve()


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(
            f"配置文件 {path} 不是有效的 TOML：{exc}", f"profile {path} is not valid TOML: {exc}", path=str(path)
        ) from None
    except OSError as exc:
        raise ProfileError(
            f"无法读取配置文件 {path}：{exc}", f"cannot read profile {path}: {exc}", path=str(path)
        ) from None


_CACHE: dict[tuple[str, float], Profile] = {}


def load_profile(name_or_path: ProfileLike = None) -> Profile:
    """Load a bundled profile by name or a .toml file by path, resolving `extends`; ProfileError when invalid."""
    if isinstance(name_or_path, Profile):
        return name_or_path
    path = _resolve(name_or_path or DEFAULT_PROFILE)
    key = (str(path), path.stat().st_mtime)
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    schema_path = PROFILE_DIR / f"{DEFAULT_PROFILE}.toml"
    schema = _read(schema_path)
    chain: list[tuple[Path, dict[str, Any]]] = []
    current: Path | None = path
    while current is not None:
        if any(current == p for p, _ in chain) or len(chain) > _MAX_EXTENDS:
            raise ProfileError(
                f"配置文件 {current} 的 extends 形成循环",
                f"profile {current}: extends forms a cycle",
                path=str(current),
                cell="extends",
            )
        # national.toml is the schema and every chain's root: parsed once a load, not twice (≈ 15 M instructions, 1 %
        # of a one-file validate); `validate` only reads both
        data = schema if current == schema_path else _read(current)
        validate(data, schema, str(current))
        if current != schema_path and data.get("reader", schema["reader"]) != schema["reader"]:
            # the table reader takes no profile (perfxl/reader.py): its words are the national profile's, so a variant's
            # would be silently unread — refused, naming the key (a whole copy of national.toml restating them unchanged
            # loses nothing: loaded)
            raise ProfileError(
                f"配置文件 {current} 的键 reader：读表用词只在 national.toml 中设置（读表不按规则集），不能在此修改",
                f"profile {current}, key reader: the reader's words are set in national.toml only (the reader takes "
                "no profile)",
                path=str(current),
                cell="reader",
            )
        chain.append((current, data))
        parent = data.get("extends") or ("" if current == PROFILE_DIR / "national.toml" else DEFAULT_PROFILE)
        current = _resolve(parent, current.parent) if parent else None
    merged: dict[str, Any] = {}
    for _, data in reversed(chain):
        merged = deep_merge(merged, data)
    profile = Profile(str(chain[0][1].get("name") or path.stem), merged, tuple(str(p) for p, _ in chain))
    _check_semantics(profile)
    _CACHE[key] = profile
    return profile


_DEFAULT: list[Profile] = []


def resolve_profile(profile: ProfileLike = None) -> Profile:
    """Fast path for hot code: a Profile passes through, None is the cached default, names/paths load."""
    if isinstance(profile, Profile):
        return profile
    if profile is None:
        if not _DEFAULT:
            _DEFAULT.append(load_profile())
        return _DEFAULT[0]
    return load_profile(profile)


def _check_semantics(profile: Profile) -> None:
    """Cross-key checks the type schema cannot express (shares within [0, 1], bands ordered)."""
    path = profile.files[0]
    for i, t in enumerate(profile.get("qualitative.tiers", [])):
        for k in ("label", "low", "high", "point"):
            if k not in t:
                raise ProfileError(
                    f"配置文件 {path} 的键 qualitative.tiers[{i}].{k}：缺少",
                    f"profile {path}, key qualitative.tiers[{i}].{k}: missing",
                    path=path,
                    cell=f"qualitative.tiers[{i}].{k}",
                )
        low, high, point = (
            _required(to_decimal(t[k]), profile, f"qualitative.tiers[{i}].{k}") for k in ("low", "high", "point")
        )
        if not (0 <= low <= point <= high <= 1):
            raise ProfileError(
                f"配置文件 {path} 的键 qualitative.tiers[{i}]：须 0 ≤ low ≤ point ≤ high ≤ 1",
                f"profile {path}, key qualitative.tiers[{i}]: need 0 ≤ low ≤ point ≤ high ≤ 1",
                path=path,
                cell=f"qualitative.tiers[{i}]",
            )
    for key in ("rounding.score_places", "rounding.rate_places"):
        value = profile.get(key)
        if not isinstance(value, int) or not 0 <= value <= 6:
            raise ProfileError(
                f"配置文件 {path} 的键 {key}：应为 0–6 的整数",
                f"profile {path}, key {key}: must be an integer 0–6",
                path=path,
                cell=key,
            )
