"""Paginated lists of articles: home, archive and one list per tag.

Every list page links to at most `per_page` articles, so no page grows with
the archive.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable

from ..core.tags import tag_slug
from .records import ArticleRecord


@dataclass
class ListingPage:
    src_uri: str  # e.g. "archive/page/2/index.md"
    title: str
    kind: str  # "home", "archive", "tag", "tags"
    number: int = 1
    count: int = 1
    entries: list[str] = field(default_factory=list)  # article src_uris, in order
    previous: str | None = None  # src_uri of the neighbouring list page
    next: str | None = None
    tag_index: list[tuple[str, str, int]] = field(default_factory=list)  # (tag, src_uri, count)


def page_uri(directory: str, number: int) -> str:
    return f"{directory}/index.md" if number == 1 else f"{directory}/page/{number}/index.md"


def paginate(directory: str, title: str, kind: str, articles: list[ArticleRecord], per_page: int,
             t: Callable[[str], str]) -> list[ListingPage]:
    count = max(1, math.ceil(len(articles) / per_page))
    pages = []
    for number in range(1, count + 1):
        chunk = articles[(number - 1) * per_page:number * per_page]
        pages.append(ListingPage(
            src_uri=page_uri(directory, number),
            title=title if number == 1 else title + t("zhpress.page_suffix") % number,
            kind=kind, number=number, count=count,
            entries=[a.src_uri for a in chunk],
            previous=page_uri(directory, number - 1) if number > 1 else None,
            next=page_uri(directory, number + 1) if number < count else None,
        ))
    return pages


def plan_listings(articles: list[ArticleRecord], per_page: int, archive_dir: str,
                  tags_dir: str, t: Callable[[str], str]) -> dict[str, ListingPage]:
    """All list pages of the site by src_uri; `articles` must be sorted already.
    `t` gives the interface strings of the titles (core.strings)."""
    listings: dict[str, ListingPage] = {}
    home = ListingPage("index.md", "", "home", entries=[a.src_uri for a in articles[:per_page]])
    listings[home.src_uri] = home
    for page in paginate(archive_dir, t("zhpress.archive"), "archive", articles, per_page, t):
        listings[page.src_uri] = page
    # Tags are grouped by slug, so 云計算 and 雲計算 are one tag (named as first
    # seen), while C++ and C# are two (core.tags).
    by_slug: dict[str, list[ArticleRecord]] = {}
    names: dict[str, str] = {}
    for article in articles:
        # One entry per slug even if the article spells a tag two ways.
        slugs = {tag_slug(tag): tag for tag in reversed(article.tags)}  # first spelling wins
        for slug, tag in slugs.items():
            names.setdefault(slug, tag)
            by_slug.setdefault(slug, []).append(article)
    index = ListingPage(f"{tags_dir}/index.md", t("zhpress.tags"), "tags")
    for slug in sorted(by_slug, key=lambda s: (-len(by_slug[s]), s)):
        tag, directory = names[slug], f"{tags_dir}/{slug}"
        index.tag_index.append((tag, page_uri(directory, 1), len(by_slug[slug])))
        for page in paginate(directory, t("zhpress.tag") % tag, "tag", by_slug[slug], per_page, t):
            listings[page.src_uri] = page
    listings[index.src_uri] = index
    return listings
