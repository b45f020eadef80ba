"""`--executor dask`: the same batch on Dask's LocalCluster gives the same rows as local processes."""

from __future__ import annotations

import shutil

import pytest
from test_batch_cli import SEED_EXAMPLE

from perfxl.batch import run_batch

pytestmark = pytest.mark.slow  # a Dask local cluster (worker processes)


def test_dask_local_cluster_matches_the_local_executor(tmp_path):
    from perfxl.workbook.synthetic import synthetic_content
    from perfxl.workbook.variants import write_submission

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for seed, variant in ((21, "standard"), (22, "offset"), (23, "repeated_labels")):
        write_submission(
            inbox / f"s{seed}.xlsx", synthetic_content(seed, department=seed % 2 == 0, basic=True), variant=variant
        )
    shutil.copy(SEED_EXAMPLE, inbox)
    (inbox / "broken.xlsx").write_bytes(b"PK\x03\x04 not really a zip")

    on_dask = run_batch([inbox], tmp_path / "dask", jobs=2, executor="dask")
    local = run_batch([inbox], tmp_path / "local", jobs=2, executor="local")

    def keep(rows):
        return [{k: v for k, v in r.items() if k not in ("seconds",)} for r in rows]

    assert keep(on_dask.rows) == keep(local.rows)
    assert len(on_dask.rows) == 5 and on_dask.tables.meta["executor"] == "dask"
    assert [r["ok"] for r in on_dask.rows] == [False, True, True, True, True]
    assert on_dask.exit_code == 2
    dask_findings = (tmp_path / "dask" / "findings.jsonl").read_text(encoding="utf-8")
    assert dask_findings == (tmp_path / "local" / "findings.jsonl").read_text(encoding="utf-8")
