"""Two builds of the same sources are byte-identical, whatever the date."""
from __future__ import annotations

import os
from pathlib import Path

from conftest import build_site, copy_project


def tree(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_builds_on_different_days_are_identical(tmp_path, monkeypatch):
    project = copy_project(tmp_path / "project")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1000000000")  # 2001
    first = tree(build_site(project, tmp_path / "one"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1760000000")  # 2025
    second = tree(build_site(project, tmp_path / "two"))
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []
    assert len(first) > 50
