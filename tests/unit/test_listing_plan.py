"""zhpress.article.listing.plan_listings: the home, archive and tag pages of a
sorted archive, paginated, linked to their neighbours, tags grouped by slug.
Titles come from the theme's interface strings (in Traditional)."""
from __future__ import annotations

import re

import pytest

from conftest import REPO
from zhpress.article.listing import ListingPage, page_uri, plan_listings
from zhpress.article.records import ArticleRecord, PartialDate, sort_articles

STRINGS = dict(re.findall(
    r'"(zhpress\.[a-z_]+)": "([^"]*)"',
    (REPO / "theme" / "partials" / "languages" / "zhpress.html").read_text(encoding="utf-8"),
))
t = STRINGS.__getitem__  # a missing key fails the test


def test_the_strings_titles_use_are_in_the_partial():
    assert STRINGS["zhpress.archive"] == "文章" and STRINGS["zhpress.tags"] == "標籤"
    assert STRINGS["zhpress.tag"] == "標籤：%s" and STRINGS["zhpress.page_suffix"] == "（第 %d 頁）"


def article(n: int, *tags: str, date: str | None = None) -> ArticleRecord:
    return ArticleRecord(f"articles/a{n}.md", PartialDate.parse(date) if date else None, list(tags))


def archive(n: int) -> list[ArticleRecord]:
    """n dated articles, newest first."""
    return sort_articles([article(i, date=f"2019-01-{i:02d}") for i in range(1, n + 1)])


def plan(articles, per_page=2, archive_dir="archive", tags_dir="tags"):
    return plan_listings(articles, per_page, archive_dir, tags_dir, t)


def of_kind(listings: dict[str, ListingPage], kind: str) -> list[ListingPage]:
    return [page for page in listings.values() if page.kind == kind]


def test_every_listing_is_filed_under_its_own_src_uri():
    listings = plan(archive(5) + [article(9, "騰訊")])
    assert all(uri == page.src_uri for uri, page in listings.items())


def test_an_empty_archive_still_has_home_archive_and_tag_index():
    listings = plan([])
    assert sorted(listings) == ["archive/index.md", "index.md", "tags/index.md"]
    assert listings["index.md"].entries == [] and listings["index.md"].kind == "home"
    only = listings["archive/index.md"]
    assert (only.number, only.count, only.entries, only.previous, only.next) == (1, 1, [], None, None)
    assert listings["tags/index.md"].tag_index == []


def test_home_shows_the_first_page_of_the_archive():
    articles = archive(5)
    home = plan(articles)["index.md"]
    assert home.title == "" and home.kind == "home"
    assert home.entries == [a.src_uri for a in articles[:2]] == ["articles/a5.md", "articles/a4.md"]


@pytest.mark.parametrize("n, per_page, sizes", [
    (1, 2, [1]), (2, 2, [2]), (3, 2, [2, 1]), (4, 2, [2, 2]), (5, 2, [2, 2, 1]), (5, 20, [5]), (5, 1, [1] * 5),
])
def test_archive_pages_hold_per_page_articles_each(n, per_page, sizes):
    articles = archive(n)
    pages = of_kind(plan(articles, per_page=per_page), "archive")
    assert [len(p.entries) for p in pages] == sizes
    assert [uri for p in pages for uri in p.entries] == [a.src_uri for a in articles]
    assert [(p.number, p.count) for p in pages] == [(i, len(sizes)) for i in range(1, len(sizes) + 1)]


def test_archive_pages_link_their_neighbours_and_are_titled():
    listings = plan(archive(5))
    first, second, third = of_kind(listings, "archive")
    assert [p.src_uri for p in (first, second, third)] == [
        "archive/index.md", "archive/page/2/index.md", "archive/page/3/index.md"]
    assert (first.previous, first.next) == (None, second.src_uri)
    assert (second.previous, second.next) == (first.src_uri, third.src_uri)
    assert (third.previous, third.next) == (second.src_uri, None)
    assert [p.title for p in (first, second, third)] == ["文章", "文章（第 2 頁）", "文章（第 3 頁）"]


def test_directories_come_from_the_options():
    listings = plan([article(1, "騰訊", date="2019")], per_page=1, archive_dir="all", tags_dir="topics")
    assert sorted(listings) == ["all/index.md", "index.md", "topics/index.md", "topics/騰訊/index.md"]
    assert page_uri("topics/騰訊", 3) == "topics/騰訊/page/3/index.md"


def test_tags_are_grouped_by_slug_named_as_first_seen():
    articles = [
        article(1, "云計算", date="2019-03"),  # the mechanical spelling comes first
        article(2, "雲計算", "雲計算", date="2019-02"),
        article(3, "云计算", "雲計算", date="2019-01"),  # one article spelling it two ways
    ]
    listings = plan(articles, per_page=20)
    tags = of_kind(listings, "tag")
    assert [p.src_uri for p in tags] == ["tags/雲計算/index.md"]
    assert tags[0].entries == ["articles/a1.md", "articles/a2.md", "articles/a3.md"]
    assert tags[0].title == "標籤：云計算"
    assert listings["tags/index.md"].tag_index == [("云計算", "tags/雲計算/index.md", 3)]


def test_an_article_spelling_a_tag_two_ways_keeps_its_first_spelling():
    listings = plan([article(1, "腾讯", "騰訊", date="2019")], per_page=20)
    assert listings["tags/index.md"].tag_index == [("腾讯", "tags/騰訊/index.md", 1)]


def test_tag_index_is_ordered_by_count_then_slug():
    articles = sort_articles([
        article(1, "訪談", "騰訊", date="2019-01-01"),
        article(2, "騰訊", "AI", date="2019-01-02"),
        article(3, "騰訊", "訪談", "Cloud", date="2019-01-03"),
    ])
    index = plan(articles)["tags/index.md"]
    assert index.kind == "tags" and index.title == "標籤"
    assert index.tag_index == [
        ("騰訊", "tags/騰訊/index.md", 3),
        ("訪談", "tags/訪談/index.md", 2),
        ("AI", "tags/ai/index.md", 1),
        ("Cloud", "tags/cloud/index.md", 1),
    ]


def test_tag_pages_are_paginated_like_the_archive():
    articles = archive(3)
    for a in articles:
        a.tags = ["騰訊"]
    pages = of_kind(plan(articles, per_page=2), "tag")
    assert [p.src_uri for p in pages] == ["tags/騰訊/index.md", "tags/騰訊/page/2/index.md"]
    assert [p.title for p in pages] == ["標籤：騰訊", "標籤：騰訊（第 2 頁）"]
    assert pages[0].next == pages[1].src_uri and pages[1].previous == pages[0].src_uri
    assert [len(p.entries) for p in pages] == [2, 1] and pages[1].count == 2


def test_undated_articles_are_listed_last():
    articles = sort_articles([article(1), article(2, date="2018"), article(3, date="2019-05")])
    assert plan(articles, per_page=20)["archive/index.md"].entries == [
        "articles/a3.md", "articles/a2.md", "articles/a1.md"]
