"""One scenario per configuration (tests/fixtures/configs/*.yml, overlays on
the real mkdocs.yml): each plugin disabled, the plugins in another order,
bad plugin options. Built with the real `mkdocs build --strict`."""
from __future__ import annotations

import html.parser
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from conftest import REPO, copy_project

SCENARIOS = REPO / "tests" / "fixtures" / "configs"


class _Loader(yaml.SafeLoader):
    """mkdocs.yml uses !ENV and !!python/name tags: keep them as written."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: _Tagged(suffix, node))


class _Tagged:
    def __init__(self, tag, node):
        self.tag, self.node = tag, node


def _represent(dumper, value: _Tagged):
    tag = value.tag  # as written: "!ENV" or "tag:yaml.org,2002:python/name:..."
    if isinstance(value.node, yaml.SequenceNode):
        return dumper.represent_sequence(tag, [n.value for n in value.node.value])
    return dumper.represent_scalar(tag, value.node.value)


yaml.SafeDumper.add_representer(_Tagged, _represent)


def apply_scenario(project: Path, name: str) -> dict:
    """Writes the real mkdocs.yml with scenario `name` applied; returns the scenario."""
    scenario = yaml.safe_load((SCENARIOS / f"{name}.yml").read_text(encoding="utf-8"))
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    plugins = []
    for entry in config["plugins"]:
        name_, options = (entry, {}) if isinstance(entry, str) else next(iter(entry.items()))
        options = dict(options or {}, **scenario.get("plugins", {}).get(name_, {}))
        plugins.append({name_: options} if options else name_)
    if scenario.get("reverse_zhpress_plugins"):
        ours = [p for p in plugins if str(p if isinstance(p, str) else next(iter(p))).startswith("zhpress/")]
        reversed_ours = iter(reversed(ours))
        plugins = [next(reversed_ours) if p in ours else p for p in plugins]
    config["plugins"] = plugins
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                                        encoding="utf-8")
    return scenario


def mkdocs_build(project: Path, site: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], cwd=project,
        capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )


class _Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.base = ""

    def handle_starttag(self, tag, attrs):
        if tag == "base":
            self.base = dict(attrs).get("href") or ""
            return
        for name, value in attrs:
            if value and (name in ("href", "src") or (tag == "link" and name == "href")):
                self.links.append(value)


def dangling_links(site: Path) -> list[tuple[str, str]]:
    """(page, link) for every local link of every HTML page that names no output file."""
    missing = []
    for page in sorted(site.rglob("*.html")):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for link in parser.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or not parts.path or link.startswith(("mailto:", "data:")):
                continue
            base = site if parts.path.startswith("/") else page.parent / parser.base
            target = (base / unquote(parts.path).lstrip("/")).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                missing.append((str(page.relative_to(site)), link))
    return missing


def tree(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_real_site_has_no_dangling_links(real_site):
    assert dangling_links(real_site) == []


DISABLED = sorted(p.stem for p in SCENARIOS.glob("*_disabled.yml"))


@pytest.mark.parametrize("scenario", DISABLED)
def test_each_plugin_disabled_builds_strictly_without_dangling_links(tmp_path, scenario):
    project = copy_project(tmp_path / "project")
    apply_scenario(project, scenario)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert len(list((tmp_path / "site").rglob("*.html"))) >= 3
    assert dangling_links(tmp_path / "site") == []


def test_plugin_order_in_mkdocs_yml_does_not_change_a_byte(tmp_path):
    first = copy_project(tmp_path / "first")
    second = copy_project(tmp_path / "second")
    apply_scenario(second, "reordered")
    assert (first / "mkdocs.yml").read_text() != (second / "mkdocs.yml").read_text()
    one, two = mkdocs_build(first, tmp_path / "one"), mkdocs_build(second, tmp_path / "two")
    assert one.returncode == 0 and two.returncode == 0, one.stderr + two.stderr
    a, b = tree(tmp_path / "one"), tree(tmp_path / "two")
    assert a.keys() == b.keys()
    assert [name for name in a if a[name] != b[name]] == []


BAD = sorted(p.stem for p in SCENARIOS.glob("bad_*.yml"))


@pytest.mark.parametrize("scenario", BAD)
def test_bad_plugin_options_fail_with_a_clear_message(tmp_path, scenario):
    project = copy_project(tmp_path / "project")
    expected = apply_scenario(project, scenario)["expect_error"]
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
