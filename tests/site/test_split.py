"""A build split by variant (core/split.py): `mkdocs build` renders the
second script's pages in a second process. The site is the one a single
process makes, byte for byte; what goes wrong in the second process stops
the build as it would in one, with the same messages, and leaves the last
site as it was."""
from __future__ import annotations

import logging
import os

import pytest
from mkdocs.exceptions import Abort

from conftest import build_site, copy_project, edit_config, generate_corpus

SPLIT = "built in a second process"
ARTICLE = "content/articles/tang-daosheng-csig-first-year.md"


def tree(site) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def one_process(project) -> None:
    edit_config(project, "  - zhpress/variants\n", "  - zhpress/variants:\n      parallel: false\n")


@pytest.fixture
def records(caplog):
    caplog.set_level(logging.INFO)
    return caplog


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="a split needs two cores")
def test_split_build_is_byte_identical_to_one_process(tmp_path, records):
    corpus = generate_corpus(tmp_path / "corpus", 40)
    split = copy_project(tmp_path / "split", corpus)
    whole = copy_project(tmp_path / "whole", corpus)
    one_process(whole)
    split_site = build_site(split)
    assert sum(SPLIT in r.getMessage() for r in records.records) == 1  # it did split
    records.clear()
    whole_site = build_site(whole)
    assert not any(SPLIT in r.getMessage() for r in records.records)
    a, b = tree(split_site), tree(whole_site)
    assert len(a) > 300
    assert sorted(a) == sorted(b)
    assert [name for name in a if a[name] != b[name]] == []
    # Both variants' pages, feeds and 404s, and one sitemap listing both.
    sitemap = a["sitemap.xml"].decode()
    assert "zh-hans/articles/a00040/" in sitemap and "zh-hant/articles/a00040/" in sitemap
    assert "zh-hans/feed.xml" in a and "zh-hans/404.html" in a


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="a split needs two cores")
def test_the_real_site_split_is_byte_identical_to_one_process(tmp_path, real_site):
    whole = copy_project(tmp_path / "whole")
    one_process(whole)
    a, b = tree(real_site), tree(build_site(whole))
    assert sorted(a) == sorted(b)
    assert [name for name in a if a[name] != b[name]] == []


def test_a_plugin_other_than_zhpress_keeps_the_build_in_one_process(tmp_path, records):
    project = copy_project(tmp_path)
    (project / "hooks.py").write_text("def on_page_context(context, page, config, nav):\n    return context\n")
    edit_config(project, "plugins:\n", "hooks:\n  - hooks.py\n\nplugins:\n")
    site = build_site(project)
    assert (site / "zh-hans/index.html").exists()
    assert not any(SPLIT in r.getMessage() for r in records.records)
    # Never silently: the log names the plugin and says how the build ran.
    said = [r.getMessage() for r in records.records if r.levelno == logging.INFO]
    assert any(m.startswith("zhpress/variants: both scripts built in one process (hooks.py ") for m in said), said


# What breaks, and the warnings one process logs for it.
BREAKAGES = {
    # zhpress/article warns on each variant's page: the Simplified one from
    # the second process.
    "missing cover": (("---\n", "---\ncover: missing.png\n"),
                      ["zh-hans/articles/tang-daosheng-csig-first-year.md: cover image 'missing.png' not found",
                       "zh-hant/articles/tang-daosheng-csig-first-year.md: cover image 'missing.png' not found"]),
    # MkDocs checks the links of the Markdown it renders: once per source, in
    # the first process, which hands the rendered page to the second.
    "broken link": (("\n\n", "\n\n[壞連結](missing.md)\n\n"),
                    ["Doc file 'content/articles/tang-daosheng-csig-first-year.md' contains a link 'missing.md'"]),
}


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="a split needs two cores")
@pytest.mark.parametrize("breakage", BREAKAGES)
def test_warnings_of_the_second_process_count_under_strict_and_keep_the_last_site(tmp_path, records, breakage):
    (old, new), expected = BREAKAGES[breakage]
    project = copy_project(tmp_path)
    # zhpress/check would stop the build at the problem before any page is read.
    edit_config(project, "  - zhpress/check\n", "  - zhpress/check:\n      enabled: false\n")
    site = build_site(project)
    before = tree(site)
    source = project / ARTICLE
    source.write_text(source.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    records.clear()
    with pytest.raises(Abort, match="strict mode"):
        build_site(project)
    assert any(SPLIT in r.getMessage() for r in records.records)
    split_warnings = sorted(r.getMessage() for r in records.records if r.levelno == logging.WARNING)
    whole = copy_project(tmp_path / "whole", project / "content")
    edit_config(whole, "  - zhpress/check\n", "  - zhpress/check:\n      enabled: false\n")
    one_process(whole)
    records.clear()
    with pytest.raises(Abort, match="strict mode"):
        build_site(whole)
    whole_warnings = sorted(r.getMessage() for r in records.records if r.levelno == logging.WARNING)
    assert len(split_warnings) == len(expected)
    assert all(start in warning for start, warning in zip(expected, split_warnings)), split_warnings
    assert split_warnings == whole_warnings
    assert tree(site) == before
    assert not any(p.name.startswith(".site") for p in project.iterdir())


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="a split needs two cores")
def test_an_error_in_the_second_process_stops_the_build_and_keeps_the_last_site(tmp_path, records):
    project = copy_project(tmp_path)
    site = build_site(project)
    before = tree(site)
    # A template that fails on one Simplified page only: that page renders in
    # the second process.
    copyright = project / "theme" / "partials" / "copyright.html"
    copyright.write_text(
        copyright.read_text(encoding="utf-8")
        + '{% if page and page.file.src_uri == "zh-hans/articles/tang-daosheng-csig-first-year.md" %}'
          "{{ config.no_such_option.fails_here }}{% endif %}",
        encoding="utf-8")
    records.clear()
    with pytest.raises(Abort):
        build_site(project)
    errors = "\n".join(r.getMessage() for r in records.records if r.levelno >= logging.ERROR)
    assert "no_such_option" in errors
    assert "nothing was published" in errors
    assert tree(site) == before
    assert not any(p.name.startswith(".site") for p in project.iterdir())


def test_a_handed_over_copy_renders_without_extensions_and_the_config_is_whole_again(tmp_path):
    # One process (a hook keeps it there): the Simplified copy reuses the
    # Traditional render, so MkDocs renders its empty body bare; every hook
    # after the render, and the next build, sees the extensions configured.
    project = copy_project(tmp_path)
    (project / "hooks.py").write_text(
        "import json\n"
        "from mkdocs.plugins import event_priority\n"
        "seen = []\n"
        "@event_priority(-3000)\n"
        "def on_page_markdown(markdown, page, config, files):\n"
        "    seen.append(['render', page.url, len(config.markdown_extensions)])\n"
        "def on_page_content(html, page, config, files):\n"
        "    seen.append(['content', page.url, len(config.markdown_extensions)])\n"
        "def on_post_build(config):\n"
        "    seen.append(['after', '', len(config.markdown_extensions)])\n"
        "    open(config.site_dir + '/../seen.json', 'w').write(json.dumps(seen))\n")
    edit_config(project, "plugins:\n", "hooks:\n  - hooks.py\n\nplugins:\n")
    build_site(project)
    import json
    seen = json.loads((project / "seen.json").read_text())
    configured = max(count for _, _, count in seen)
    assert configured >= 5
    rendered = {(url.split("/")[0], count) for kind, url, count in seen if kind == "render" and "articles/" in url}
    assert rendered == {("zh-hant", configured), ("zh-hans", 0)}
    assert {count for kind, _, count in seen if kind != "render"} == {configured}
