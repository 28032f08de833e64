"""Shared fixtures: build sites through MkDocs' own API, serve them on
127.0.0.1 and drive headless Chromium with Playwright.

Layout: unit/ (pure modules), site/ (real builds in temporary folders),
browser/ (headless Chromium). Markers: `browser` (set on every test that
uses the browser), `scale` (generated archives of hundreds of articles; all
run on one xdist worker, so each archive is built once per run).
"""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import socketserver
import threading
from pathlib import Path

import pytest

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed" / "000_0f5bff219df3d558.txt"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def seed_lines() -> list[str]:
    path = SEED if SEED.exists() else Path("/work/shared/seed/000_0f5bff219df3d558.txt")
    return path.read_text(encoding="utf-8").split("\n")


def build_site(project: Path, site_dir: Path | None = None, **overrides) -> Path:
    """Builds the MkDocs project at `project` strictly; returns the site dir."""
    site_dir = site_dir or project / "site"
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True, **overrides)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return site_dir


def copy_project(dest: Path, content: Path | None = None) -> Path:
    """Copies the real site's configuration, theme and site_config into `dest`,
    with the real content unless `content` (a docs dir) is given."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    for name in ("theme", "site_config"):
        shutil.copytree(REPO / name, dest / name)
    shutil.copytree(content or REPO / "content", dest / "content")
    return dest


def edit_config(project: Path, old: str, new: str) -> None:
    """Replaces `old` (which must be there) with `new` in the project's mkdocs.yml."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert old in text, f"mkdocs.yml no longer holds {old!r}"
    config.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real site (content/ as committed), built once per test session."""
    project = copy_project(tmp_path_factory.mktemp("real"))
    return build_site(project)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def serve(directory: Path):
    """Serves `directory` on 127.0.0.1; returns (base_url, server)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = _Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


@pytest.fixture(scope="session")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (bash .ci/run does)")
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


class PageWatcher:
    """Records every request and console error of a Playwright page."""

    def __init__(self, page, base_url: str):
        self.page = page
        self.base_url = base_url
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    @property
    def foreign_requests(self) -> list[str]:
        return [u for u in self.requests if not (u.startswith(self.base_url) or u.startswith("data:"))]


@pytest.fixture
def open_site(browser, tmp_path):
    """open_site(site_dir, width=1280) -> (page, watcher, base_url)."""
    servers, contexts = [], []

    def opener(site_dir: Path, width: int = 1280, height: int = 900, **context_options):
        base_url, server = serve(site_dir)
        servers.append(server)
        context = browser.new_context(viewport={"width": width, "height": height}, **context_options)
        contexts.append(context)
        page = context.new_page()
        return page, PageWatcher(page, base_url), base_url

    yield opener
    for context in contexts:
        context.close()
    for server in servers:
        server.shutdown()


def generate_corpus(dest: Path, n: int) -> Path:
    """Writes bench/corpus.py's deterministic corpus of n articles into dest."""
    import sys

    sys.path.insert(0, str(REPO / "bench"))
    try:
        import corpus
    finally:
        sys.path.pop(0)
    corpus.generate(dest, n)
    return dest


@pytest.fixture(scope="session")
def generated_site(tmp_path_factory):
    """generated_site(n) -> site dir of the real configuration over n generated
    articles, built once per session and size."""
    built: dict[int, Path] = {}

    def make(n: int) -> Path:
        if n not in built:
            root = tmp_path_factory.mktemp(f"gen{n}")
            content = generate_corpus(root / "corpus", n)
            project = copy_project(root / "project", content)
            # Small chunks of search postings: a phrase query of these
            # archives crosses many of them (10,000 articles make 25).
            config = project / "mkdocs.yml"
            config.write_text(config.read_text(encoding="utf-8").replace(
                "  - zhpress/search\n", "  - zhpress/search:\n      chunk_sections: 64\n", 1), encoding="utf-8")
            built[n] = build_site(project)
        return built[n]

    return make


REAL_ARCHIVES = REPO / "tests" / "fixtures" / "real"


def import_real_archives(project: Path) -> dict:
    """Imports every blog of tests/fixtures/real into `project`, each into its
    own folder (content/articles/<archive>/), with `zhpress import
    <generator> DIR --folder <archive>` (the generator is the folder name's
    suffix: gasolin-hexo); returns each import's CompletedProcess by name."""
    import subprocess
    import sys

    results = {}
    for archive in sorted(p for p in REAL_ARCHIVES.iterdir() if p.is_dir()):
        generator = archive.name.rsplit("-", 1)[-1]
        results[archive.name] = subprocess.run(
            [sys.executable, "-m", "zhpress", "import", generator, str(archive), "--into", str(project),
             "--folder", archive.name],
            capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    return results


@pytest.fixture(scope="session")
def real_archive(tmp_path_factory) -> tuple[Path, Path, dict]:
    """(project, site dir, each import's CompletedProcess): the real blogs of
    tests/fixtures/real imported by `zhpress import` into a project with the
    real configuration and home page, built strictly in both scripts, once
    per session."""
    root = tmp_path_factory.mktemp("real-archive")
    content = root / "content"
    content.mkdir()
    shutil.copy(REPO / "content" / "index.md", content / "index.md")
    project = copy_project(root / "project", content)
    results = import_real_archives(project)
    for name, result in results.items():
        assert result.returncode == 0, f"zhpress import {name}:\n{result.stdout}\n{result.stderr}"
    return project, build_site(project), results


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    for item in items:
        in_browser_folder = item.path.parent.name == "browser"  # Chromium, Lighthouse, axe, the Nu checker
        if in_browser_folder or {"browser", "open_site"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)
        callspec = getattr(item, "callspec", None)
        if callspec is not None and callspec.params.get("tool") == "properdocs":
            item.add_marker(pytest.mark.properdocs)  # the MkDocs guarantee again, under the fork
        if "real_archive" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.scale)  # 339 real posts, both scripts
        if "generated_site" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.scale)

