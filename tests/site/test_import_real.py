"""`zhpress import` on the real blog archives of tests/fixtures/real/ (Hexo,
Hugo, Jekyll; Taiwan and mainland writers), all into one project, each in
its own folder: `zhpress check` finds no error and `mkdocs build --strict`
builds both scripts, once for every archive; every link and image of the
imported pages resolves in the output; a re-run writes nothing."""
from __future__ import annotations

import contextlib
import html
import io
import os
import posixpath
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import REPO, build_site, copy_project
from zhpress.cli import main

REAL = REPO / "tests" / "fixtures" / "real"
# The `zhpress` console command as pyproject.toml declares it (zhpress.cli:main).
ZHPRESS = [sys.executable, "-m", "zhpress"]
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")
GENERATORS = ("hexo", "hugo", "jekyll")
ARCHIVES = sorted(p for p in REAL.glob("*") if p.is_dir() and p.name.rsplit("-", 1)[-1] in GENERATORS) \
    if REAL.is_dir() else []

# The real blogs: with the other real-archive tests, in the `scale` tier.
pytestmark = [pytest.mark.skipif(not ARCHIVES, reason="no real archive in tests/fixtures/real/"),
              pytest.mark.scale]


def zhpress(*args, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*ZHPRESS, *args], cwd=cwd, capture_output=True, text=True, env=ENV)


def zhpress_here(*args, cwd: Path) -> subprocess.CompletedProcess:
    """The same command run in this process (no interpreter to start: the build is this module's time)."""
    out, err = io.StringIO(), io.StringIO()
    previous = os.getcwd()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args))
    finally:
        os.chdir(previous)
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())


def articles_of(project: Path, archive: str) -> list[Path]:
    return sorted((project / "content" / "articles" / archive).glob("*.md"))


def test_real_archives_import_pass_the_check_and_build_strictly_in_both_scripts(real_archive):
    """The session's real archive (conftest: every blog imported into its own
    folder, then built strictly): each post accounted for and published in
    both scripts, every address of every page resolving. `zhpress check` on
    the same tree: test_real_archives.py."""
    project, site, results = real_archive
    every_post_is_accounted_for(project, results)
    every_post_is_published_in_both_scripts(project, site)
    every_relative_link_and_image_resolves(site)


def every_post_is_accounted_for(project: Path, results: dict) -> None:
    for archive in ARCHIVES:
        result = results[archive.name]
        assert result.returncode == 0, result.stdout + result.stderr
        posts = int(re.search(r"(\d+) posts imported", result.stderr).group(1))
        assert posts == len(articles_of(project, archive.name)) > 20
        sources = [p for p in archive.rglob("*.md") if p.name not in ("README.md", "_index.md")]
        left_out = result.stdout.count("not imported")
        assert posts + left_out >= len(sources) - 1, result.stdout  # an about page, a draft: each reported
        # Every line that needs a human is in check's form.
        for line in result.stdout.splitlines():
            assert re.match(r"^\S.*:\d+:\d+: warning: .+\. Fix: .+\.$", line), line
    assert sum(len(articles_of(project, a.name)) for a in ARCHIVES) >= 150


def every_post_is_published_in_both_scripts(project: Path, site: Path) -> None:
    for archive in ARCHIVES:
        for source in articles_of(project, archive.name):
            for variant in ("zh-hant", "zh-hans"):
                page = site / variant / "articles" / archive.name / source.stem / "index.html"
                assert page.is_file(), page


ADDRESS = re.compile(r'<(?:a|img|link|script)\s[^>]*?\b(?:href|src)="([^"]*)"')


def every_relative_link_and_image_resolves(site: Path) -> None:
    broken = []
    checked = 0
    for variant in ("zh-hant", "zh-hans"):
        for archive in ARCHIVES:
            for page in (site / variant / "articles" / archive.name).rglob("index.html"):
                for address in map(html.unescape, ADDRESS.findall(page.read_text(encoding="utf-8"))):
                    parts = urlsplit(address)
                    if parts.scheme or parts.netloc or address.startswith(("/", "#")) or not parts.path:
                        continue
                    target = Path(posixpath.normpath(posixpath.join(page.parent.as_posix(), unquote(parts.path))))
                    checked += 1
                    if not (target.is_file() or (target / "index.html").is_file()):
                        broken.append(f"{page.relative_to(site)}: {address}")
    assert checked > 1000
    assert broken == []


def test_a_second_import_writes_nothing_and_a_changed_file_is_never_overwritten(tmp_path):
    archive = min(ARCHIVES, key=lambda a: sum(1 for _ in a.rglob("*.md")))
    generator = archive.name.rsplit("-", 1)[-1]
    content = tmp_path / "content"
    content.mkdir()
    (content / "index.md").write_text("---\ntitle: 首頁\n---\n\n# 首頁\n", encoding="utf-8")
    project = copy_project(tmp_path / "project", content)
    first = zhpress("import", generator, str(archive), cwd=project)
    again = zhpress("import", generator, str(archive), cwd=project)
    assert first.returncode == again.returncode == 0
    assert "files written" not in again.stderr and "files already as imported" in again.stderr
    assert again.stdout == first.stdout  # the same report
    edited = articles_of(project, "")[0]
    edited.write_text("edited by hand\n", encoding="utf-8")
    clash = zhpress("import", generator, str(archive), cwd=project)
    assert clash.returncode == 1
    assert f"content/articles/{edited.name}:1:1: the project holds another file here: nothing was written. " \
           "Fix: move it away, run again with --force to overwrite it, or give this blog its own folder with " \
           "--folder NAME." in clash.stdout
    assert edited.read_text(encoding="utf-8") == "edited by hand\n"
    forced = zhpress("import", generator, str(archive), "--force", cwd=project)
    assert forced.returncode == 0 and edited.read_text(encoding="utf-8") != "edited by hand\n"
