"""Imported last by the workers' fork server (perfxl.workers.PRELOAD): compiles the HTML templates a
worker renders — each file's report, and the dashboard one worker writes at the end of the batch — so
every forked worker starts with them compiled (the dashboard's took ≈ 0.1 s at the end of each batch)."""

from __future__ import annotations

from perfxl.report.templating import environment

TEMPLATES = (
    "report.html.j2",
    "charts.html.j2",
    "dashboard.html.j2",
    "dashboard_rows.html.j2",
)  # charts: both import it

for _name in TEMPLATES:
    environment().get_template(_name)
