"""dashboard.html: the batch at a glance in one self-contained page (inline CSS, JS and SVG; no CDN).

Same views as summary.xlsx: files (sortable, filterable, linked to each file's HTML report and
annotated copy), findings counted by code, every finding, and the two charts.
"""
from __future__ import annotations

from collections.abc import Iterator
from html import escape
from pathlib import Path
from typing import Any

from perfxl.model import SEVERITY_ZH

from .svg_charts import bar_chart_svg, histogram_svg
from .tables import FILE_COLUMNS, BatchTables

__all__ = ["MAX_FINDING_ROWS", "dashboard_chunks", "render_dashboard", "write_dashboard"]

#: Findings shown in the page; beyond this the page says so and points at summary.xlsx / findings.jsonl.
MAX_FINDING_ROWS = 20000
_TOP_CODES = 15
_NUMERIC = {"score_reported", "score_computed", "score_gap", "errors", "warnings", "infos"}

_CSS = """
body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:0;color:#222;background:#f6f7f9}
header{background:#2F5597;color:#fff;padding:14px 24px}header h1{margin:0;font-size:20px}
header p{margin:4px 0 0;font-size:13px;opacity:.9}main{padding:16px 24px}
.cards{display:flex;gap:12px;flex-wrap:wrap;margin-bottom:16px}
.card{background:#fff;border:1px solid #dde;border-radius:6px;padding:10px 16px;min-width:110px}
.card b{display:block;font-size:22px}.card span{font-size:12px;color:#555}
.card.bad b{color:#C00000}.charts{display:flex;gap:16px;flex-wrap:wrap}
.chart{background:#fff;border:1px solid #dde;border-radius:6px}
section{margin-top:20px}h2{font-size:16px;margin:0 0 8px}
.toolbar{display:flex;gap:8px;align-items:center;margin-bottom:6px;font-size:13px}
.toolbar input{padding:4px 8px;width:260px}.toolbar .count{color:#555}
table{border-collapse:collapse;background:#fff;font-size:13px;width:100%}
th,td{border:1px solid #dde;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#DDEBF7;cursor:pointer;user-select:none;position:sticky;top:0;white-space:nowrap}
#files td:nth-child(5){max-width:22em}td a{white-space:nowrap}
th[data-dir=asc]::after{content:' ▲'}th[data-dir=desc]::after{content:' ▼'}
td.num{text-align:right;font-variant-numeric:tabular-nums}tr.bad td{color:#C00000}
tr.cached td:first-child::after{content:' ⟳';color:#999}
.sev-error{color:#C00000;font-weight:bold}.sev-warning{color:#B8860B}.sev-info{color:#2F5597}
a.code{font-family:monospace;cursor:pointer}.note{font-size:12px;color:#555}
"""

_JS = """
(function(){
  function val(row,i){var c=row.cells[i];var v=c.getAttribute('data-v');if(v===null)v=c.textContent.trim();
    var n=Number(v);return (v!==''&&isFinite(n))?n:v;}
  function sortBy(table,i,th){var body=table.tBodies[0];var rows=Array.prototype.slice.call(body.rows);
    var asc=th.getAttribute('data-dir')!=='asc';
    Array.prototype.forEach.call(table.tHead.rows[0].cells,function(h){h.removeAttribute('data-dir');});
    th.setAttribute('data-dir',asc?'asc':'desc');
    rows.sort(function(a,b){var x=val(a,i),y=val(b,i),r;
      if(x===''||y==='')return (x==='')-(y==='');
      if(typeof x==='number'&&typeof y==='number')r=x-y;
      else if(typeof x==='number')r=-1;else if(typeof y==='number')r=1;
      else r=String(x).localeCompare(String(y),'zh');return asc?r:-r;});
    var frag=document.createDocumentFragment();rows.forEach(function(r){frag.appendChild(r);});body.appendChild(frag);}
  function applyFilters(table){var box=document.querySelector('[data-for="'+table.id+'"]');
    var text=(box.querySelector('input[type=search]')||{value:''}).value.toLowerCase();
    var selects=box.querySelectorAll('select');var shown=0,total=table.tBodies[0].rows.length;
    Array.prototype.forEach.call(table.tBodies[0].rows,function(row){var ok=!text||row.textContent.toLowerCase().indexOf(text)>=0;
      Array.prototype.forEach.call(selects,function(s){if(s.value&&row.getAttribute('data-'+s.name)!==s.value)ok=false;});
      row.style.display=ok?'':'none';if(ok)shown++;});
    var count=box.querySelector('.count');if(count)count.textContent='显示 '+shown+' / '+total;}
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'),function(table){
    Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th,i){th.addEventListener('click',function(){sortBy(table,i,th);});});
    var box=document.querySelector('[data-for="'+table.id+'"]');if(!box)return;
    Array.prototype.forEach.call(box.querySelectorAll('input,select'),function(el){el.addEventListener('input',function(){applyFilters(table);});});
    applyFilters(table);});
  Array.prototype.forEach.call(document.querySelectorAll('a.code'),function(a){a.addEventListener('click',function(ev){
    ev.preventDefault();var sel=document.querySelector('#findings-tools select[name=code]');if(!sel)return;
    sel.value=a.textContent;applyFilters(document.getElementById('findings'));
    document.getElementById('findings-section').scrollIntoView();});});
})();
"""


def _cell(value: Any, *, numeric: bool = False) -> str:
    if value is None or value == "":
        return '<td class="num" data-v=""></td>' if numeric else "<td></td>"
    if numeric:
        shown = str(value)
        if isinstance(value, float):
            shown = str(int(value)) if value.is_integer() else f"{value:.2f}"
        return f'<td class="num" data-v="{escape(str(value))}">{escape(shown)}</td>'
    return f"<td>{escape(str(value))}</td>"


def _link(href: str | None, label: str) -> str:
    return f'<td><a href="{escape(href)}">{label}</a></td>' if href else "<td></td>"


def _files_table(tables: BatchTables) -> str:
    head = "".join(f"<th>{escape(zh)}</th>" for _, zh, _ in FILE_COLUMNS) + "<th>报告</th><th>批注副本</th>"
    body = []
    for row in tables.rows:
        cls = " ".join(c for c, on in (("bad", not row["ok"]), ("cached", row["cached"])) if on)
        cells = "".join(_cell(row.get(k), numeric=k in _NUMERIC) for k, _, _ in FILE_COLUMNS)
        state = "ok" if row["ok"] else "unreadable"
        body.append(
            f'<tr class="{cls}" data-state="{state}">{cells}{_link(row.get("report"), "查看")}{_link(row.get("annotated"), "打开")}</tr>'
        )
    return f'<table id="files" class="sortable"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def _codes_table(codes: list[dict[str, Any]]) -> str:
    body = "".join(
        f'<tr data-severity="{escape(e["severity"])}"><td><a class="code" href="#findings-section">{escape(e["code"])}</a></td>'
        f'<td class="sev-{escape(e["severity"])}">{SEVERITY_ZH.get(e["severity"], escape(e["severity"]))}</td>'
        f'{_cell(e["count"], numeric=True)}{_cell(e["files"], numeric=True)}{_cell(e["example"])}</tr>'
        for e in codes
    )
    head = "<th>代码</th><th>级别</th><th>次数</th><th>文件数</th><th>示例说明</th>"
    return f'<table id="codes" class="sortable"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _findings_rows(tables: BatchTables, counter: list[int]) -> Iterator[str]:
    """The findings table's rows, streamed from findings.jsonl (at most MAX_FINDING_ROWS); counts them all."""
    for f in tables.iter_findings():
        counter[0] += 1
        if counter[0] > MAX_FINDING_ROWS:
            continue
        sev = f.get("severity") or ""
        yield (
            f'<tr data-severity="{escape(sev)}" data-code="{escape(f.get("code") or "")}">'
            f'{_cell(f.get("file"))}<td><code>{escape(f.get("code") or "")}</code></td>'
            f'<td class="sev-{escape(sev)}" data-v="{escape(sev)}">{SEVERITY_ZH.get(sev, escape(sev))}</td>'
            f'{_cell(f.get("sheet"))}{_cell(f.get("cell"))}{_cell(f.get("message"))}{_cell(f.get("expected"))}{_cell(f.get("actual"))}</tr>'
        )


def _cards(tables: BatchTables) -> str:
    t = tables.totals()
    items = (("文件", t["files"], False), ("已检查", t["checked"], False), ("无法读取", t["unreadable"], t["unreadable"] > 0),
             ("错误", t["errors"], t["errors"] > 0), ("警告", t["warnings"], False), ("提示", t["infos"], False),
             ("来自缓存", t["cached"], False))
    if t["skipped"]:  # names that are not regular files (pipes, link loops…): listed in the files table
        items = (*items[:3], ("已跳过", t["skipped"], True), *items[3:])
    return '<div class="cards">' + "".join(
        f'<div class="card{" bad" if bad else ""}"><b>{n}</b><span>{label}</span></div>' for label, n, bad in items
    ) + "</div>"


def dashboard_chunks(tables: BatchTables) -> Iterator[str]:
    """The dashboard page, piece by piece, so a province-sized batch is never one string in memory."""
    codes = tables.codes_by_count()
    meta = tables.meta
    hist = histogram_svg(tables.score_histogram(), title="总分分布（文件数）", series=("填报总分", "复算总分"))
    bars = bar_chart_svg([(e["code"], e["count"]) for e in codes[:_TOP_CODES]], title="最常见的问题代码")
    total = sum(e["count"] for e in codes)
    more = (f'<p class="note">仅显示前 {MAX_FINDING_ROWS} 条（共 {total} 条）；完整清单见 summary.xlsx 与 findings.jsonl。</p>'
            if total > MAX_FINDING_ROWS else "")
    code_options = "".join(f'<option value="{escape(e["code"])}">{escape(e["code"])}</option>' for e in codes)
    status = "（运行被中断，结果不完整）" if meta.get("interrupted") else ""
    subtitle = (f'规则配置 {escape(str(meta.get("profile", "")))} · 生成于 {escape(str(meta.get("finished", "")))} · '
                f'perfxl {escape(str(meta.get("perfxl", "")))}{status}')
    yield f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>预算绩效自评批量校验总览</title><style>{_CSS}</style></head>
<body><header><h1>预算绩效自评批量校验总览</h1><p>{subtitle}</p></header><main>
{_cards(tables)}
<div class="charts">{hist}{bars}</div>
<section id="files-section"><h2>各文件结果</h2>
<div class="toolbar" id="files-tools" data-for="files"><input type="search" placeholder="筛选文件、单位、代码…" aria-label="筛选文件">
<select name="state"><option value="">全部文件</option><option value="ok">已检查</option><option value="unreadable">无法读取</option></select>
<span class="count"></span></div>{_files_table(tables)}</section>
<section id="codes-section"><h2>按问题代码统计</h2>
<div class="toolbar" data-for="codes"><input type="search" placeholder="筛选代码…" aria-label="筛选代码"><span class="count"></span></div>
{_codes_table(codes)}</section>
<section id="findings-section"><h2>全部问题</h2>
<div class="toolbar" id="findings-tools" data-for="findings"><input type="search" placeholder="筛选说明、文件…" aria-label="筛选问题">
<select name="severity"><option value="">全部级别</option><option value="error">错误</option><option value="warning">警告</option><option value="info">提示</option></select>
<select name="code"><option value="">全部代码</option>{code_options}</select><span class="count"></span></div>
{more}<table id="findings" class="sortable"><thead><tr><th>文件</th><th>代码</th><th>级别</th><th>工作表</th><th>单元格</th>\
<th>说明</th><th>应为</th><th>实际</th></tr></thead><tbody>
"""
    yield from _findings_rows(tables, [0])
    yield f"""</tbody></table></section>
</main><script>{_JS}</script></body></html>
"""


def render_dashboard(tables: BatchTables) -> str:
    """The dashboard page as one string (small batches, tests)."""
    return "".join(dashboard_chunks(tables))


def write_dashboard(dest: Path, tables: BatchTables) -> Path:
    """Write dashboard.html atomically, streaming; returns its path."""
    from perfxl.io.atomic import atomic_write

    def write(fh) -> None:
        for chunk in dashboard_chunks(tables):
            fh.write(chunk.encode("utf-8"))

    atomic_write(dest, write, force=True)
    return dest
