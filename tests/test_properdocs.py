"""The plugins use MkDocs' public API only, so ProperDocs (the maintained
drop-in fork of MkDocs 1.6) builds the same site."""
from __future__ import annotations

import os
import subprocess
import sys

from conftest import copy_project


def test_properdocs_builds_the_site_strictly(tmp_path):
    project = copy_project(tmp_path / "project")
    result = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", str(tmp_path / "out")],
        cwd=project, capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    assert result.returncode == 0, result.stderr
    hans = (tmp_path / "out/zh-hans/articles/tang-daosheng-csig-first-year/index.html").read_text(encoding="utf-8")
    assert "腾讯" in hans and '<html lang="zh-Hans"' in hans
    assert (tmp_path / "out/zh-hant/feed.xml").exists() and (tmp_path / "out/index.html").exists()
