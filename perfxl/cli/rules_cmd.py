"""`perfxl rules`: every code perfxl can emit (perfxl.rules.catalogue.CODES), filterable, as text, JSON or Markdown.

Codes or prefixes given as arguments (`perfxl rules F15`) filter as `--select` does. Checks show the severity the
chosen profile gives them (and whether it switches them off); the other codes (reader, file, output, batch, server,
tool) are listed with their fixed severity. docs/rules/ has a page per code with the why and an example.
"""

import json
from typing import Annotated, Any

import typer

from perfxl.cli.main import app
from perfxl.cli.validate_run import CliAbort, load_cli_profile, make_console, profile_name
from perfxl.model import SEVERITY_ZH, Severity
from perfxl.profiles import Profile
from perfxl.report._common import severity_of
from perfxl.rules.catalogue import KINDS

_FORMATS = ("text", "json", "markdown")
#: At most this many codes picked by name get their 警告 conditions and docs pages printed under the table.
_DETAILED = 12


def _fail(message: str) -> typer.Exit:
    typer.echo(f"错误：{message}", err=True)
    return typer.Exit(2)


def _tokens(values: list[str] | None) -> list[str]:
    return [t.strip() for v in values or () for t in str(v).split(",") if t.strip()]


def _picked(spec: Any, select: list[str]) -> bool:
    """A code is picked by its exact code or a prefix ("F", "LAYOUT_"), a check's name or its rule id."""
    tokens = [t.upper() for t in select]
    return any(spec.code.startswith(t) or t in (spec.name.upper(), spec.rule_id.upper()) for t in tokens)


def rows(kinds: list[str], select: list[str], severities: list[str], prof: Profile | None) -> list[dict[str, Any]]:
    """The catalogue entries passing the filters, as plain dicts (the JSON output), in catalogue order."""
    from perfxl.rules.catalogue import CODES  # (made on first use: the other commands never list the codes)

    out = []
    for spec in CODES:
        enabled, severity = spec.enabled, spec.severity
        if spec.kind == "check" and prof is not None:
            settings = prof.check(spec.code)  # the profile's [checks.CODE] table, else the catalogue default
            enabled, severity = settings.enabled, severity_of(settings.severity or spec.severity)
        if kinds and spec.kind not in kinds:
            continue
        if select and not _picked(spec, select):
            continue
        if severities and severity.value not in severities:
            continue
        out.append(
            {
                "code": spec.code,
                "kind": spec.kind,
                "name": spec.name,
                "rule_id": spec.rule_id,
                "severity": severity.value,
                "enabled": enabled,
                "status": spec.status,
                "title_zh": spec.title_zh,
                "title_en": spec.title_en,
                "why_zh": spec.why_zh,
                "example_input": spec.example_input,
                "example_message": spec.example_message,
                "rests_on": spec.rests_on.value,
                "degrades_zh": getattr(spec, "degrades_zh", ""),  # when a finding of it is a 警告 at most
                "source": spec.source,
                "doc": f"docs/rules/{spec.code}.md",
            }
        )
    return out


def _level(r: dict[str, Any]) -> str:
    """The level as a reviewer reads it: a file code means the file went unchecked (无法读取), not a finding in it."""
    if r["kind"] == "file":
        return "无法读取（文件未检查）"
    level = SEVERITY_ZH[Severity(r["severity"])]
    if r["severity"] == "error" and r.get("degrades_zh"):
        level += "（部分情形为警告）"  # a finding resting on a judgement or a guess is a 警告 at most (perfxl.model)
    return level + ("" if r["enabled"] else "（已停用）")


def _markdown(found: list[dict[str, Any]]) -> str:
    lines = ["| code | kind | severity | title | source |", "|---|---|---|---|---|"]
    for r in found:
        sev = _level(r)
        title = f"{r['title_zh']} ({r['title_en']})".replace("|", "\\|")
        lines.append(
            f"| [{r['code']}](rules/{r['code']}.md) | {r['kind']} | {sev} | {title} | {r['source'].replace('|', chr(92) + '|')} |"
        )
    return "\n".join(lines) + "\n"


@app.command("rules")
def rules_cmd(
    codes: Annotated[
        list[str] | None,
        typer.Argument(help="代码或前缀，如 F15、N0（同 --select；可写多个）", show_default=False, metavar="[代码]..."),
    ] = None,
    profile: Annotated[
        str | None, typer.Option("--profile", "-p", help="规则配置名称或 TOML 文件（决定检查的级别与开关）")
    ] = None,
    kind: Annotated[
        list[str] | None,
        typer.Option("--kind", "-k", help="只列这些类别：check reader file output batch server tool（逗号分隔）"),
    ] = None,
    select: Annotated[
        list[str] | None, typer.Option("--select", help="代码或前缀，如 F、S0、LAYOUT_、ZIP_BOMB、R-F04（逗号分隔）")
    ] = None,
    severity: Annotated[
        list[str] | None, typer.Option("--severity", help="只列这些级别：error warning info（逗号分隔）")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text|json|markdown")] = "text",
) -> None:
    """列出 perfxl 的全部代码：检查规则与读取、文件、输出、批量、服务器代码 (list every code perfxl emits)."""
    kinds, severities = [k.lower() for k in _tokens(kind)], [s.lower() for s in _tokens(severity)]
    if fmt not in _FORMATS:
        raise _fail(f"--format 应为 {'、'.join(_FORMATS)} 之一，收到“{fmt}”")
    bad = [k for k in kinds if k not in KINDS]
    if bad:
        raise _fail(f"--kind 中的类别 {'、'.join(bad)} 不存在；可用：{'、'.join(KINDS)}")
    bad = [s for s in severities if s not in ("error", "warning", "info")]
    if bad:
        raise _fail(f"--severity 中的级别 {'、'.join(bad)} 不存在；可用：error、warning、info")
    try:
        prof = load_cli_profile(profile)
    except CliAbort as exc:
        raise _fail(str(exc)) from None
    picked = _tokens(codes) + _tokens(select)  # `perfxl rules F15` is `perfxl rules --select F15`
    found = rows(kinds, picked, severities, prof)
    if picked and not found:
        raise _fail(f"{','.join(picked)} 没有选中任何代码（完整列表：perfxl rules）")
    if fmt == "json":
        typer.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    if fmt == "markdown":
        typer.echo(_markdown(found), nl=False)
        return
    # lazy: rich (~30 ms) is only for console output, not the validate cold start
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=f"perfxl 代码（配置：{escape(profile_name(prof, profile) or '默认')}，共 {len(found)} 个）")
    table.add_column("代码", no_wrap=True)
    for col in ("类别", "级别", "说明", "依据"):
        table.add_column(col)
    for r in found:
        label = _level(r)
        table.add_row(escape(r["code"]), KINDS[r["kind"]][0], label, escape(r["title_zh"]), escape(r["source"]))
    make_console().print(table)
    if picked and len(found) <= _DETAILED:
        # a few codes asked for by name (`perfxl rules C02 T04`): when each is a 警告 at most, as its docs page says —
        # the 级别 column gives only the default (plain lines: the terminal wraps them, not rich mid-sentence)
        for r in found:
            if r["degrades_zh"]:
                typer.echo(f"{r['code']} 何时为警告：{r['degrades_zh']}")
