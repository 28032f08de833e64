"""zhpress/search in real builds: what it ships, what every page carries, and
that it builds alone, disabled, and refuses what cannot work."""
from __future__ import annotations

import gzip
import json
import os
import re
from pathlib import Path

import pytest
from mkdocs.config import base, load_config
from mkdocs.exceptions import PluginError

from conftest import build_site, copy_project, edit_config
from zhpress.search.config import DEFAULT_EXCLUDE_CLASSES, SearchConfig

ENTRY = "  - zhpress/search\n"


def manifest(site: Path) -> dict:
    return json.loads(gzip.decompress((site / "search" / "index.bin").read_bytes()))


def with_plugins(project: Path, replace: str = ENTRY, drop_others: bool = False) -> Path:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert ENTRY in text
    text = text.replace(ENTRY, replace)
    if drop_others:
        text = re.sub(r"^  - zhpress/(?!search)[a-z]+\n", "", text, flags=re.M)
    config.write_text(text, encoding="utf-8")
    return project


def test_default_options_are_the_documented_ones():
    config = SearchConfig()
    config.load_dict({})
    errors, warnings = config.validate()
    assert errors == [] and warnings == []
    assert dict(config) == {
        "enabled": True,
        "dir": "search",
        "exclude_classes": DEFAULT_EXCLUDE_CLASSES,
        "exclude_pages": ["page/[0-9]*", "*/page/[0-9]*"],
        "jieba": True,
        "site_config": "site_config",
        "parallel": True,
        "chunk_sections": 2048,
    }


def test_the_site_ships_our_index_and_no_lunr_index(real_site):
    assert not list(real_site.rglob("search_index.json*"))
    folder = real_site / "search"
    for name in ("index.bin", "sections.bin", "search.js", "u/0.bin", "b/0.bin", "w/0.bin"):
        assert (folder / name).is_file(), name
    found = manifest(real_site)
    assert found["variants"] == ["zh-hant", "zh-hans"]
    assert found["pages"] >= 3 and found["sections"] > found["pages"]
    urls = json.loads(gzip.decompress((folder / "u" / "0.bin").read_bytes()))
    article = urls[[u[0] for u in urls].index("articles/tang-daosheng-csig-first-year/")]
    assert article[1] == ["", "湯道生：產業互聯網的第一年"]
    assert article[2] == ["組織變革之後", "組織變革之後"]
    assert not any(u[0].startswith(("archive/", "tags/")) for u in urls)  # lists of other pages


def test_every_page_has_the_box_and_loads_nothing_of_search(real_site):
    pages = sorted(real_site.glob("zh-han*/**/index.html"))
    assert len(pages) > 10
    for page in pages + [real_site / "404.html"]:
        html = page.read_text(encoding="utf-8")
        assert 'class="md-search__input"' in html and "data-zhpress-search=" in html, page
        assert 'data-md-component="search"' not in html  # Material's lunr worker stays off
        assert not re.search(r"<form[^>]*name=\"search\"", html)  # ... and its index is never fetched
        assert not re.search(r"<script[^>]*src=\"[^\"]*search/", html)
        assert 'label class="md-header__button md-icon" for="__search"' in html


def test_strings_of_the_box_are_in_the_pages_script(real_site):
    hant = (real_site / "zh-hant" / "index.html").read_text(encoding="utf-8")
    hans = (real_site / "zh-hans" / "index.html").read_text(encoding="utf-8")
    config = lambda html: json.loads(re.search(r"data-zhpress-search='([^']*)'", html).group(1))  # noqa: E731
    assert config(hant)["strings"]["fallback"] == "沒有完全相符的結果"
    assert config(hans)["strings"]["fallback"] == "没有完全相符的结果"
    assert config(hant)["variant"] == "zh-hant" and config(hans)["variant"] == "zh-hans"


def test_builds_with_every_other_zhpress_plugin_off(tmp_path):
    project = with_plugins(copy_project(tmp_path / "project"), drop_others=True)
    assert "zhpress/variants" not in (project / "mkdocs.yml").read_text(encoding="utf-8")
    site = build_site(project)
    found = manifest(site)
    assert found["variants"] is None
    urls = json.loads(gzip.decompress((site / "search" / "u" / "0.bin").read_bytes()))
    assert any(u[0] == "articles/tang-daosheng-csig-first-year/" for u in urls)
    assert "data-zhpress-search=" in (site / "articles" / "tang-daosheng-csig-first-year" / "index.html").read_text()


def index_files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted((site / "search").rglob("*")) if p.is_file()}


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="a split needs two cores")
def test_one_index_however_the_build_runs(tmp_path, real_site):
    # The second script's pages reach the indexer from the build's second
    # process (core/split.py) through a file (search/inbox.py): indexed in
    # the build's own process after the join, or in one process altogether,
    # the index is the same, byte for byte, as the default build's.
    local = with_plugins(copy_project(tmp_path / "local"), "  - zhpress/search:\n      parallel: false\n")
    whole = copy_project(tmp_path / "whole")
    edit_config(whole, "  - zhpress/variants\n", "  - zhpress/variants:\n      parallel: false\n")
    expected = index_files(real_site)
    assert len(expected) > 20
    assert index_files(build_site(local)) == expected
    assert index_files(build_site(whole)) == expected


def test_disabled_it_leaves_no_box_and_no_index(tmp_path):
    project = with_plugins(copy_project(tmp_path / "project"), "  - zhpress/search:\n      enabled: false\n")
    site = build_site(project)
    assert not (site / "search").exists()
    html = (site / "zh-hant" / "index.html").read_text(encoding="utf-8")
    assert "md-search__input" not in html and 'for="__search"' not in html


@pytest.mark.parametrize("entry, message", [
    ("  - search\n  - zhpress/search\n", "zhpress/search replaces Material's search plugin"),
    ("  - zhpress/search:\n      dir: ../elsewhere\n", "must be a folder inside the site"),
])
def test_what_cannot_work_stops_the_build_with_a_fix(tmp_path, entry, message):
    project = with_plugins(copy_project(tmp_path / "project"), entry)
    config = load_config(str(project / "mkdocs.yml"))
    with pytest.raises(PluginError, match=message):
        config.plugins.on_config(config)


def test_unknown_option_is_refused():
    config = SearchConfig()
    config.load_dict({"langs": "zh"})
    errors, warnings = config.validate()
    assert warnings and "langs" in str(warnings)
    assert isinstance(config, base.Config)
