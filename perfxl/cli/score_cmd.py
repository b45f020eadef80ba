"""`perfxl score TARGET ACTUAL WEIGHT`: score one indicator and explain how (exit 2 when it cannot be scored)."""

import json
import sys
from typing import Annotated

import typer

from perfxl.cli.main import app
from perfxl.cli.validate_run import load_checked_profile
from perfxl.errors import PerfxlError
from perfxl.numbers import fmt_decimal
from perfxl.scoring import score_indicator
from perfxl.values import parse_value


@app.command("score")
def score(
    target: Annotated[str, typer.Argument(help='年度指标值, e.g. "≥12家", "增长12%", "≤4万元/家"')],
    actual: Annotated[str, typer.Argument(help='实际完成值, e.g. "20家", "11.8%", "达成预期指标"')],
    weight: Annotated[str, typer.Argument(help="分值 (weight), e.g. 10")],
    profile: Annotated[
        str | None,
        typer.Option("--profile", "-p", help="profile name (national, hunan, hubei, sichuan) or .toml path"),
    ] = None,
    method: Annotated[
        str | None,
        typer.Option(
            "--method",
            "-m",
            help="force a method: positive, reverse, reverse_ratio, reverse_linear2A, equal, equal_zero, deadline, qualitative",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the result as JSON")] = False,
) -> None:
    """计算单个指标得分并说明算法 (score one indicator, then a one-line explanation)."""
    try:
        prof = load_checked_profile(profile)  # the same checks as validate: no profile line silently ignored
    except PerfxlError as exc:
        typer.echo(f"错误：{exc.message}\nerror: {exc.message_en}", err=True)
        raise typer.Exit(2) from None
    result = score_indicator(target, actual, weight, prof, method)
    if as_json:
        payload = result.to_dict()
        payload["profile"] = prof.name
        payload["target"] = parse_value(target, prof).to_dict()
        payload["actual"] = parse_value(actual, prof).to_dict()
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        if result.score is None:
            typer.echo(f"无法计分：{result.error}\ncannot score: {result.error_en}", err=True)
            raise typer.Exit(2)
        return
    if result.score is None:
        typer.echo(f"无法计分：{result.error}\ncannot score: {result.error_en}", err=True)
        raise typer.Exit(2)
    typer.echo(fmt_decimal(result.score))
    typer.echo(result.explanation)
    sys.stdout.flush()
