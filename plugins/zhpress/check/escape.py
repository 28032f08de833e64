"""Escape by default: contributor text reaches readers as text, in every template.

Material's templates print `page.title`, `page.meta.*`, nav and toc titles,
tags and `config.site_name` without escaping (its Jinja environment does not
autoescape). Rather than copying every partial that does, the build's
environment is switched to autoescape, in one place: every `{{ value }}` of
every template (Material's, the theme's, the plugins') is escaped unless it
is markup. What is markup is said once, here, per page:

- the page's rendered body (`page.content`) and its table of contents
  titles, which Python-Markdown produces as HTML (entities escaped), are
  marked as markup while the page renders, and unmarked right after, so
  plugins that read them later (feeds) get plain strings;
- a title taken from the first heading is HTML text too (`&lt;details&gt;`):
  it is turned into plain text once, like a title from front matter, so every
  title is text and is escaped exactly once wherever it is printed.

Text that does not go through templates is escaped where it is written:
feeds (ElementTree), JSON-LD (share.py), and Material's search index, whose
title and tag fields its script inserts as HTML (`escape_search_index`).
"""
from __future__ import annotations

import html
import json
import os

from markupsafe import Markup


def escape_by_default(env) -> None:
    """Every template of the build escapes what it prints (those a plugin
    compiled before are compiled again)."""
    env.autoescape = True
    if env.cache is not None:
        env.cache.clear()


def plain_titles(files) -> None:
    """Titles from a page's first heading, HTML text, as plain text."""
    for file in files.documentation_pages():
        page = file.page
        if page is None or "title" in page.meta:
            continue
        title = page.title
        if isinstance(title, str) and "&" in title:
            page.title = html.unescape(title)


class RenderedMarkup:
    """Marks a page's rendered HTML as markup while it renders; undoes it."""

    def __init__(self):
        self.page = None
        self.toc: list = []

    def mark(self, page) -> None:
        self.restore()
        self.page = page
        if isinstance(page.content, str):
            page.content = Markup(page.content)
        self.toc = list(_toc_items(page.toc))
        for item in self.toc:
            if isinstance(item.title, str):
                item.title = Markup(item.title)

    def restore(self) -> None:
        page, self.page = self.page, None
        if page is not None and isinstance(page.content, Markup):
            page.content = str(page.content)
        for item in self.toc:
            if isinstance(item.title, Markup):
                item.title = str(item.title)
        self.toc = []


def _toc_items(items):
    for item in items or ():
        yield item
        yield from _toc_items(item.children)


SEARCH_INDEX = os.path.join("search", "search_index.json")


def escape_search_index(site_dir: str) -> bool:
    """Material's search index, where its script reads titles and tags as
    HTML: the title of a page's first section (taken from the page title,
    plain text) and every tag are escaped; section titles are HTML already.
    Returns whether there was an index."""
    path = os.path.join(site_dir, SEARCH_INDEX)
    if not os.path.exists(path):
        return False
    with open(path, encoding="utf-8") as stream:
        data = json.load(stream)
    for doc in data.get("docs", []):
        if "#" not in doc.get("location", "#") and isinstance(doc.get("title"), str):
            doc["title"] = html.escape(doc["title"], quote=False)
        if isinstance(doc.get("tags"), list):
            doc["tags"] = [html.escape(str(tag), quote=False) for tag in doc["tags"]]
    with open(path, "w", encoding="utf-8") as stream:
        # As Material writes it: compact, separators without spaces.
        json.dump(data, stream, ensure_ascii=True, separators=(",", ":"), sort_keys=False)
    return True
