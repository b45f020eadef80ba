"""Profile validation: every profile's keys and types must match the national profile (the schema).

A variant may only restate keys that exist in `national.toml`, with the same type, so a typo such as
`[scoring] revers = "ratio"` is an error naming the file and the key instead of a silently ignored line.
"""

from __future__ import annotations

from typing import Any

from perfxl.errors import ProfileError

__all__ = ["validate", "deep_merge", "ENUMS"]

#: Allowed values of string settings.
ENUMS: dict[str, tuple[str, ...]] = {
    "rounding.mode": ("half_up",),
    "weights.funds_weight": ("table", "profile"),
    "weights.funds_weight_declaration": ("", "table", "profile"),
    "budget.formula": ("linear",),
    "scoring.default_op": ("GE", "GT", "EQ", "LE", "LT"),
    "scoring.reverse": ("ratio", "linear2A"),
    "scoring.negative_actual": ("clamp", "keep"),
    "department.three_public_change_basis": ("budget", "final"),
    "department.carryover_denominator": ("budget", "final"),
}

#: Tables whose keys are free (labels, check codes), with the type every value must have.
FREE_TABLES: dict[str, str] = {"qualitative.scale": "number", "checks": "table"}

#: Element keys of arrays of tables that are empty in the national profile.
LIST_ITEMS: dict[str, dict[str, str]] = {"total.caps": {"below": "number", "max": "number"}}

_SEVERITIES = ("error", "warning", "info")


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, dict):
        return "table"
    if isinstance(value, list):
        return "array"
    return type(value).__name__


def _fail(path: str, key: str, zh: str, en: str) -> ProfileError:
    return ProfileError(f"配置文件 {path} 的键 {key}：{zh}", f"profile {path}, key {key}: {en}", path=path, cell=key)


def validate(data: dict[str, Any], schema: dict[str, Any], path: str, prefix: str = "") -> None:
    """Raise ProfileError when `data` has a key unknown to `schema` or a value of the wrong type."""
    for key, value in data.items():
        dotted = f"{prefix}{key}"
        if prefix == "" and key in ("name", "title", "extends", "source"):
            if key == "source" and not isinstance(value, (str, list)):
                raise _fail(path, dotted, "应为文字或文字列表", "must be a string or a list of strings")
            if key != "source" and not isinstance(value, str):
                raise _fail(path, dotted, "应为文字", "must be a string")
            continue
        if dotted in FREE_TABLES:
            _validate_free(value, FREE_TABLES[dotted], path, dotted)
            continue
        if key == "source" and isinstance(value, (str, list)):
            continue  # any table may cite its sources
        if key not in schema:
            raise _fail(path, dotted, "未知的配置项（拼写错误？）", "unknown key (misspelt?)")
        expected = schema[key]
        got, want = _type_name(value), _type_name(expected)
        if got != want:
            raise _fail(path, dotted, f"类型应为 {want}，实为 {got}", f"expected {want}, got {got}")
        if isinstance(value, dict):
            validate(value, expected, path, dotted + ".")
        elif isinstance(value, list):
            _validate_list(value, expected, path, dotted)
        elif isinstance(value, str) and dotted in ENUMS and value not in ENUMS[dotted]:
            allowed = ", ".join(ENUMS[dotted])
            raise _fail(
                path, dotted, f"取值 {value!r} 无效，可选：{allowed}", f"invalid value {value!r}; allowed: {allowed}"
            )


def _validate_list(value: list[Any], expected: list[Any], path: str, dotted: str) -> None:
    if dotted in LIST_ITEMS:
        item_schema: dict[str, Any] | None = {k: (0 if t == "number" else "") for k, t in LIST_ITEMS[dotted].items()}
    elif expected and isinstance(expected[0], dict):
        item_schema = expected[0]
    else:
        item_schema = None
    for i, item in enumerate(value):
        where = f"{dotted}[{i}]"
        if item_schema is not None:
            if not isinstance(item, dict):
                raise _fail(path, where, "应为表 (table)", "must be a table")
            validate(item, item_schema, path, where + ".")
        elif expected:
            want = _type_name(expected[0])
            if _type_name(item) != want:
                raise _fail(path, where, f"类型应为 {want}", f"expected {want}")


def _validate_free(value: Any, item_type: str, path: str, dotted: str) -> None:
    if not isinstance(value, dict):
        raise _fail(path, dotted, "应为表 (table)", "must be a table")
    for k, v in value.items():
        where = f"{dotted}.{k}"
        if _type_name(v) != item_type:
            raise _fail(path, where, f"类型应为 {item_type}", f"expected {item_type}")
        if dotted == "checks":
            if "enabled" in v and not isinstance(v["enabled"], bool):
                raise _fail(path, where + ".enabled", "应为 true/false", "must be true or false")
            sev = v.get("severity")
            if sev is not None and sev not in _SEVERITIES:
                raise _fail(
                    path,
                    where + ".severity",
                    f"取值 {sev!r} 无效，可选：error, warning, info",
                    f"invalid severity {sev!r}; allowed: error, warning, info",
                )


def deep_merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """Tables merge key by key (recursively); any other value, arrays included, replaces the base value."""
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = deep_merge(out[key], value)
        else:
            out[key] = value
    return out
