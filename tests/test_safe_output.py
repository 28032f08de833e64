"""A failed build leaves the previously built site untouched."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_project


def snapshot(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def mkdocs_build(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, capture_output=True,
        text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )


@pytest.fixture
def built_project(tmp_path):
    project = copy_project(tmp_path / "project")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project, snapshot(project / "site")


BREAKAGES = {
    "front matter error": ("articles/tang-daosheng-csig-first-year.md", "title: ", "titel: "),
    "broken link (a warning under --strict)": ("index.md", "這裡發表", "[壞連結](articles/missing.md)這裡發表"),
}


@pytest.mark.parametrize("name", BREAKAGES)
def test_failed_build_keeps_the_last_good_site(built_project, name):
    project, before = built_project
    path, old, new = BREAKAGES[name]
    source = project / "content" / path
    source.write_text(source.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode != 0
    assert "previous site" in result.stderr and "kept unchanged" in result.stderr
    assert snapshot(project / "site") == before
    assert not (project / ".site.building").exists()


def test_good_build_replaces_the_site(built_project):
    project, before = built_project
    index = project / "content" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n新的一段。\n", encoding="utf-8")
    assert mkdocs_build(project).returncode == 0
    after = snapshot(project / "site")
    assert after["zh-hant/index.html"] != before["zh-hant/index.html"]
    assert "新的一段" in after["zh-hant/index.html"].decode()
    assert not (project / ".site.building").exists()
