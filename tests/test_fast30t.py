"""fast30t (issue 14): perfxl's sources parsed and walked once a process, for both modules that read the code itself
(`test_codes_catalogued`, `test_lean27`), and again whenever a file under the root changes."""

from __future__ import annotations

import ast
import os

import source_trees


def test_the_sources_are_parsed_and_walked_once_a_process() -> None:
    trees, walked = source_trees.parsed(), source_trees.walked()
    assert source_trees.parsed() is trees and source_trees.walked() is walked
    assert set(trees) == set(walked) == set(source_trees.PKG.rglob("*.py")) and len(trees) > 100
    path = source_trees.PKG / "validate.py"
    text, tree = trees[path]
    assert text == path.read_text(encoding="utf-8") and ast.dump(tree) == ast.dump(ast.parse(text))
    assert walked[path] == list(ast.walk(tree))


def test_a_file_added_or_changed_under_the_root_is_read_again(tmp_path) -> None:
    first = tmp_path / "a.py"
    first.write_text("x = 1\n", encoding="utf-8")
    before = source_trees.parsed(tmp_path)
    assert [ast.unparse(tree) for _, tree in before.values()] == ["x = 1"]
    assert source_trees.parsed(tmp_path) is before
    first.write_text("x = 22\n", encoding="utf-8")  # a changed size; the same size with a new mtime below
    os.utime(first, ns=(0, 1))
    changed = source_trees.parsed(tmp_path)
    assert [ast.unparse(tree) for _, tree in changed.values()] == ["x = 22"]
    first.write_text("x = 33\n", encoding="utf-8")
    os.utime(first, ns=(0, 2))
    assert [ast.unparse(tree) for _, tree in source_trees.parsed(tmp_path).values()] == ["x = 33"]
    (tmp_path / "b.py").write_text("y = 2\n", encoding="utf-8")
    assert [ast.unparse(t) for _, t in source_trees.parsed(tmp_path).values()] == ["x = 33", "y = 2"]
    assert [type(n).__name__ for n in source_trees.walked(tmp_path)[tmp_path / "b.py"]][:2] == ["Module", "Assign"]
