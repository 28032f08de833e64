"""zhpress/output: a failed build leaves the previous site byte for byte as
it was, under MkDocs and under ProperDocs, and the log says so truthfully."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import build_site, copy_project

TOOLS = ("mkdocs", "properdocs")


def snapshot(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def run(tool: str, project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", tool, "build", "--strict", "-f", "mkdocs.yml"], cwd=project,
        capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )


@pytest.fixture(scope="module")
def good_builds(tmp_path_factory):
    """tool -> (project, snapshot of its first good site), built once per module."""
    built = {}
    for tool in TOOLS:
        project = copy_project(tmp_path_factory.mktemp(tool) / "project")
        result = run(tool, project)
        assert result.returncode == 0, result.stderr
        assert "Published the new site" in result.stderr
        built[tool] = (project, snapshot(project / "site"))
    return built


@pytest.fixture
def fresh(good_builds, tmp_path):
    def make(tool):
        source, before = good_builds[tool]
        project = tmp_path / "project"
        shutil.copytree(source, project, symlinks=True)
        return project, before

    return make


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def hook(project: Path, code: str) -> None:
    """A hook file of the project (MkDocs and ProperDocs run `hooks:` as plugins)."""
    (project / "breakage.py").write_text(
        "import logging\nfrom mkdocs.exceptions import PluginError\nfrom mkdocs.plugins import event_priority\n"
        "log = logging.getLogger('mkdocs.plugins.breakage')\n\n" + code, encoding="utf-8")
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("\nhooks:\n  - breakage.py\n")


BREAKAGES = {
    # A warning while pages render, fatal under --strict after on_post_build.
    "broken link": lambda p: edit(p / "content/index.md", "這裡發表", "[壞連結](articles/missing.md)這裡發表"),
    # An error while files are read.
    "front matter error": lambda p: edit(
        p / "content/articles/tang-daosheng-csig-first-year.md", "title: ", "titel: "),
    # An error while the plugins read their configuration.
    "bad plugin option": lambda p: edit(p / "mkdocs.yml", "  - zhpress/article", "  - zhpress/article:\n      per_page: 0"),
    # A warning while the configuration is read (a plugin's on_config), fatal under --strict.
    "warning in on_config": lambda p: hook(p, "def on_config(config):\n    log.warning('a plugin option is odd')\n"),
    # ... from the last on_config of all, after output has noted the site it keeps.
    "warning in the last on_config": lambda p: hook(
        p, "@event_priority(-5000)\ndef on_config(config):\n    log.warning('a plugin option is odd')\n"),
    # An error while pages render.
    "error while pages render": lambda p: hook(
        p, "def on_page_content(html, page, config, files):\n"
           "    if page.file.src_uri.endswith('articles/tang-daosheng-csig-first-year.md'):\n"
           "        raise PluginError('cannot render this page')\n    return html\n"),
    # A warning while pages render.
    "warning while pages render": lambda p: hook(
        p, "def on_page_context(context, page, config, nav):\n    log.warning('odd page')\n    return context\n"),
    # An error in on_post_build, before output's own.
    "error in on_post_build": lambda p: hook(
        p, "def on_post_build(config):\n    raise PluginError('the feed writer broke')\n"),
    # A warning in the last on_post_build of all, after output's own.
    "warning after output's on_post_build": lambda p: hook(
        p, "@event_priority(-5000)\ndef on_post_build(config):\n    log.warning('late warning')\n"),
}


@pytest.mark.parametrize("tool", TOOLS)
@pytest.mark.parametrize("breakage", BREAKAGES)
def test_failed_build_leaves_the_previous_site_unchanged(fresh, tool, breakage):
    project, before = fresh(tool)
    BREAKAGES[breakage](project)
    result = run(tool, project)
    assert result.returncode != 0
    assert snapshot(project / "site") == before
    assert not (project / ".site.building").exists()
    assert "Published the new site" not in result.stderr
    if breakage != "bad plugin option":  # that one stops before any staging
        assert "nothing was published; the previous site in" in result.stderr


@pytest.mark.parametrize("tool", TOOLS)
def test_good_build_replaces_the_site(fresh, tool):
    project, before = fresh(tool)
    edit(project / "content/index.md", "這裡發表", "新的一段。這裡發表")
    result = run(tool, project)
    assert result.returncode == 0, result.stderr
    after = snapshot(project / "site")
    assert "新的一段" in after["zh-hant/index.html"].decode()
    assert "Published the new site" in result.stderr
    assert not (project / ".site.building").exists()
    hans = after["zh-hans/articles/tang-daosheng-csig-first-year/index.html"].decode()
    assert "腾讯" in hans and '<html lang="zh-Hans"' in hans


def test_serve_stages_each_rebuild_and_publishes_it_when_it_is_good(tmp_path):
    """Under serve, each rebuild is staged and judged at its own on_post_build
    (no on_shutdown follows it), so a failed rebuild leaves the last good one
    served (tests/site/test_check_serve.py runs the real server)."""
    from mkdocs.config import load_config

    project = copy_project(tmp_path / "project")
    served = tmp_path / "served"
    served.mkdir()
    (served / "old.html").write_text("last good build", encoding="utf-8")
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(served))
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        config = config.plugins.on_config(config)
        assert config.site_dir == str(served)  # every plugin reads the real folder
        config.plugins.on_pre_build(config=config)
        assert config.site_dir == str(tmp_path / ".served.building")
        config.plugins.on_build_error(error=RuntimeError("a rebuild failed"))
        assert (served / "old.html").exists() and not (tmp_path / ".served.building").exists()
    finally:
        config.plugins.on_shutdown()


def test_api_build_without_startup_is_staged_too(tmp_path, caplog):
    """Built through the API without on_startup, the staged site is judged in
    on_post_build: a good build publishes."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project = copy_project(tmp_path / "project")
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True)
    build(config)
    assert (tmp_path / "site" / "zh-hant" / "index.html").exists(), caplog.text
    assert not (tmp_path / ".site.building").exists()
    assert build_site  # the conftest helper builds with on_startup: covered by every site test
