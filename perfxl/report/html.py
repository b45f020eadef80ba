"""Self-contained HTML report: inline CSS and SVG, no script, no CDN; every text is escaped."""
from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from html import escape

from perfxl import __version__
from perfxl.result import FileResult, SectionScore

from ._common import SEVERITY_ZH, decimal_text, group_by_sheet

__all__ = ["render_html", "score_chart_svg"]

_CSS = """
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;margin:2em;color:#222}
h1{font-size:1.5em}h2{font-size:1.2em;border-bottom:2px solid #ccc;padding-bottom:.2em;margin-top:2em}
h3{font-size:1.05em;margin:1.2em 0 .4em}
table{border-collapse:collapse;width:100%;margin:.3em 0 1em}
th,td{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top;font-size:.92em}
th{background:#f2f2f2}
td:nth-child(-n+3),th:nth-child(-n+3){white-space:nowrap}
.sev-error{background:#ffc7ce}.sev-warning{background:#ffeb9c}.sev-info{background:#ddebf7}
.badge{display:inline-block;padding:0 .5em;border-radius:3px;font-weight:bold}
.ok{color:#2e7d32}.bad{color:#c62828}.muted{color:#666}
.summary td:first-child{width:12em;font-weight:bold}
code{font-family:Consolas,monospace}
"""
_REPORTED_COLOUR = "#5b8fd9"
_COMPUTED_COLOUR = "#f0883e"


def _num(d: Decimal | None) -> float:
    return float(d) if d is not None else 0.0


def score_chart_svg(sections: Sequence[SectionScore], *, title: str = "各一级指标得分：填报 vs 重算") -> str:
    """Grouped horizontal bars (reported, recomputed) per 一级指标 as an inline SVG string."""
    if not sections:
        return ""
    label_w, bar_w, row_h, top = 190, 420, 46, 40
    scale_max = max(
        [_num(s.weight) for s in sections] + [_num(s.score_reported) for s in sections] + [_num(s.score_computed) for s in sections] + [1.0]
    )
    height = top + row_h * len(sections) + 30
    width = label_w + bar_w + 90
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-size="12">',
        f"<title>{escape(title)}</title>",
        f'<text x="0" y="16" font-weight="bold">{escape(title)}</text>',
        f'<rect x="{label_w}" y="24" width="10" height="10" fill="{_REPORTED_COLOUR}"/>'
        f'<text x="{label_w + 14}" y="33">填报得分</text>',
        f'<rect x="{label_w + 90}" y="24" width="10" height="10" fill="{_COMPUTED_COLOUR}"/>'
        f'<text x="{label_w + 104}" y="33">重算得分</text>',
    ]
    for i, s in enumerate(sections):
        y = top + i * row_h
        label = s.name + (f"（{decimal_text(s.weight)}分）" if s.weight is not None else "")
        parts.append(f'<text x="0" y="{y + 22}">{escape(label)}</text>')
        if s.weight is not None:  # light backdrop: the section's full marks
            parts.append(
                f'<rect class="weight" x="{label_w}" y="{y + 3}" width="{bar_w * _num(s.weight) / scale_max:.1f}" '
                f'height="38" fill="#eeeeee"/>'
            )
        for j, (value, colour, kind) in enumerate(
            ((s.score_reported, _REPORTED_COLOUR, "填报"), (s.score_computed, _COMPUTED_COLOUR, "重算"))
        ):
            by = y + 6 + j * 18
            if value is None:
                parts.append(f'<text x="{label_w}" y="{by + 12}" fill="#999">{kind}：无</text>')
                continue
            w = max(1.0, bar_w * _num(value) / scale_max)
            parts.append(
                f'<rect class="bar" x="{label_w}" y="{by}" width="{w:.1f}" height="15" fill="{colour}">'
                f"<title>{escape(f'{s.name} {kind} {decimal_text(value)}')}</title></rect>"
                f'<text x="{label_w + w + 4:.1f}" y="{by + 12}">{escape(decimal_text(value))}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def _file_section(r: FileResult, n: int) -> str:
    out = [f'<section id="file-{n}"><h2>{escape(r.path)}</h2>']
    if not r.ok:
        err = r.error or {}
        out.append(
            f'<p class="bad">无法读取 [{escape(str(err.get("code") or "FILE_UNREADABLE"))}]：'
            f'{escape(str(err.get("message") or ""))}</p></section>'
        )
        return "".join(out)
    s = r.summary
    rows = [
        ("单位", r.unit_name),
        ("年度", r.year),
        ("总分（填报）", decimal_text(s.score_reported)),
        ("总分（重算）", decimal_text(s.score_computed)),
        ("等级（重算）", s.grade or ""),
        ("问题", f"错误 {s.errors} 个，警告 {s.warnings} 个，提示 {s.infos} 个"),
    ]
    out.append('<table class="summary">')
    out += [f"<tr><td>{escape(k)}</td><td>{escape(v)}</td></tr>" for k, v in rows if v]
    out.append("</table>")
    for note in r.warnings:
        out.append(f'<p class="bad">注意：{escape(note)}</p>')
    sections = list(r.sections)
    if not sections and (s.score_reported is not None or s.score_computed is not None):
        sections = [SectionScore("总分", None, s.score_reported, s.score_computed)]
    chart = score_chart_svg(sections)
    if chart:
        out.append(f'<figure>{chart}</figure>')
    if not r.findings:
        out.append('<p class="ok">未发现问题。</p>')
    for sheet, findings in group_by_sheet(r.findings):
        out.append(f"<h3>工作表：{escape(sheet)}</h3><table><thead><tr>")
        out += [f"<th>{h}</th>" for h in ("单元格", "级别", "代码", "问题说明", "应为", "实际")]
        out.append("</tr></thead><tbody>")
        for f in findings:
            sev = f.severity.value
            out.append(
                f'<tr class="sev-{sev}"><td><code>{escape(f.cell or "")}</code></td>'
                f'<td><span class="badge">{SEVERITY_ZH[f.severity]}</span></td>'
                f"<td><code>{escape(f.code)}</code></td><td>{escape(f.message)}</td>"
                f"<td>{escape(f.expected or '')}</td><td>{escape(f.actual or '')}</td></tr>"
            )
        out.append("</tbody></table>")
    out.append("</section>")
    return "".join(out)


def render_html(results: Sequence[FileResult], *, profile: str | None = None, title: str = "预算绩效自评校验报告") -> str:
    """The whole report as one HTML document that opens offline in any browser."""
    total_e = sum(r.summary.errors for r in results)
    total_w = sum(r.summary.warnings for r in results)
    total_i = sum(r.summary.infos for r in results)
    head = (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>"
        f"<h1>{escape(title)}</h1>"
        f'<p class="muted">perfxl {escape(__version__)}　规则配置：{escape(profile or "默认")}　'
        f"文件 {len(results)} 个　错误 {total_e} 个，警告 {total_w} 个，提示 {total_i} 个</p>"
    )
    body = "".join(_file_section(r, i) for i, r in enumerate(results, 1))
    return head + body + "</body></html>\n"
