"""Home, archive and tag pages: paginated, newest first, every article once."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from urllib.parse import quote

from conftest import build_site, copy_project

ENTRY_LINK = re.compile(r'<h2 class="zhpress-entry__title"><a href="([^"]+)">')


def write_articles(content: Path, dated: int, undated: int) -> list[str]:
    """Articles a01..: dated ones on distinct days, shuffled in file order.
    Returns the slugs in the expected order: newest first, undated last."""
    (content / "articles").mkdir(parents=True)
    (content / "index.md").write_text("---\ntitle: 首頁\n---\n\n# 首頁\n", encoding="utf-8")
    expected = []
    days = list(range(dated))
    # File names do not follow dates, so sorting by name would be wrong.
    order = sorted(days, key=lambda d: (d * 7919) % dated)
    for i, day in enumerate(order, start=1):
        slug = f"a{i:02d}"
        month, dom = divmod(day, 28)
        date = f"2019-{month + 1:02d}-{dom + 1:02d}"
        text = f"---\ntitle: 第{i}篇\ndate: {date}\ntags: [測試]\n---\n\n正文{i}。\n"
        (content / "articles" / f"{slug}.md").write_text(text, encoding="utf-8")
        expected.append((date, slug))
    expected.sort(reverse=True)
    order = [slug for _, slug in expected]
    for j in range(undated):
        slug = f"u{j + 1:02d}"
        (content / "articles" / f"{slug}.md").write_text(
            f"---\ntitle: 無日期{j}\n---\n\n正文。\n", encoding="utf-8")
        order.append(slug)
    return order


@pytest.fixture(scope="module")
def small_archive(tmp_path_factory):
    root = tmp_path_factory.mktemp("archive")
    expected = write_articles(root / "content", dated=45, undated=2)
    site = build_site(copy_project(root / "project", root / "content"))
    return site, expected


def entries(page: Path) -> list[str]:
    html = page.read_text(encoding="utf-8")
    return [re.search(r"articles/([^/]+)/", href).group(1) for href in ENTRY_LINK.findall(html)]


@pytest.mark.parametrize("variant", ["zh-hant", "zh-hans"])
def test_archive_has_three_pages_newest_first_undated_last(small_archive, variant):
    site, expected = small_archive
    archive = site / variant / "archive"
    pages = [archive / "index.html", archive / "page/2/index.html", archive / "page/3/index.html"]
    assert all(p.exists() for p in pages)
    assert not (archive / "page/4").exists()
    found = [entries(p) for p in pages]
    assert [len(f) for f in found] == [20, 20, 7]
    flat = [slug for page in found for slug in page]
    assert flat == expected
    assert len(set(flat)) == len(flat) == 47
    assert flat[-2:] == ["u01", "u02"]


@pytest.mark.parametrize("variant", ["zh-hant", "zh-hans"])
def test_archive_pages_link_their_neighbours(small_archive, variant):
    site, _ = small_archive
    archive = site / variant / "archive"
    first = (archive / "index.html").read_text(encoding="utf-8")
    second = (archive / "page/2/index.html").read_text(encoding="utf-8")
    third = (archive / "page/3/index.html").read_text(encoding="utf-8")
    assert '<link rel="next" href="page/2/">' in first and 'rel="prev"' not in first
    assert '<link rel="prev" href="../../">' in second and '<link rel="next" href="../3/">' in second
    assert '<link rel="prev" href="../2/">' in third and '<link rel="next"' not in third
    assert 'class="zhpress-pager__next" href="../3/" rel="next"' in second
    assert 'class="zhpress-pager__previous" href="../../" rel="prev"' in second


def test_home_shows_newest_page_and_links_archive(small_archive):
    site, expected = small_archive
    home = site / "zh-hant" / "index.html"
    assert entries(home) == expected[:20]
    assert 'href="archive/"' in home.read_text(encoding="utf-8")


def test_tag_pages_paginate_too(small_archive):
    site, expected = small_archive
    tag = site / "zh-hant" / "tags" / "測試"
    flat = entries(tag / "index.html") + entries(tag / "page/2/index.html") + entries(tag / "page/3/index.html")
    assert flat == expected[:45]  # the undated ones have no tag
    index = (site / "zh-hans" / "tags" / "index.html").read_text(encoding="utf-8")
    # One tag URL for both scripts (the slug is the Traditional form), its name in the page's script.
    assert f'href="{quote("測試")}/">测试</a>' in index


def test_article_links_previous_and_next_in_archive_order(small_archive):
    site, expected = small_archive
    middle = expected[10]
    html = (site / "zh-hans" / "articles" / middle / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="prev" href="../{expected[9]}/">' in html
    assert f'<link rel="next" href="../{expected[11]}/">' in html


def test_without_a_nav_the_site_still_gets_sections_only(tmp_path):
    expected = write_articles(tmp_path / "content", dated=25, undated=0)
    project = copy_project(tmp_path / "project", tmp_path / "content")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\nnav:\n(  - .*\n)+", "\n", config)
    assert "\nnav:" not in config
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    site = build_site(project)
    html = (site / "zh-hant" / "articles" / expected[0] / "index.html").read_text(encoding="utf-8")
    html = html[html.index("<body"):]  # the head's inline CSS names these classes too
    primary = html[html.index("md-nav--primary"):html.index("md-nav--secondary")]
    # The three sections, then only the page being read (no other article).
    items = re.findall(r'<a href="([^"]*)" class="md-nav__link[^"]*"[^>]*>\s*<span class="md-ellipsis">\s*(\S+)', primary)
    assert [title for _, title in items] == ["首頁", "文章", "標籤", "第" + expected[0][1:].lstrip("0") + "篇"]
    assert [href for href, _ in items][-1] == "./"
