"""One navigation per variant, built from the site's (small, sections-only) nav."""
from __future__ import annotations

import re
from typing import Callable

from mkdocs.structure.files import Files
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from ..core.variants import Variant, split_variant, variant_uri


# A link with a scheme (https:, mailto:, tel:) is not a page of docs_dir.
_URL_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def prefix_nav_config(nav: object, variant: Variant) -> object:
    """Rewrites the nav of mkdocs.yml so each page path points into `variant`."""
    if isinstance(nav, list):
        return [prefix_nav_config(item, variant) for item in nav]
    if isinstance(nav, dict):
        return {title: prefix_nav_config(value, variant) for title, value in nav.items()}
    if isinstance(nav, str) and not _URL_SCHEME.match(nav) and not nav.startswith("/"):
        return variant_uri(variant, nav)
    return nav


def variant_navigation(
    nav: Navigation, variant: Variant, files: Files, convert: Callable[[str], str]
) -> Navigation:
    """A copy of `nav` whose pages are `variant`'s pages and whose titles are converted."""
    pages: list[Page] = []

    def copy(item, parent):
        if isinstance(item, Page):
            _, base = split_variant(item.file.src_uri)
            file = files.get_file_from_path(variant_uri(variant, base))
            page = file.page
            page.title = convert(item.title) if item.title else item.title
            page.parent = parent
            pages.append(page)
            return page
        if isinstance(item, Section):
            section = Section(convert(item.title), [])
            section.parent = parent
            section.children = [copy(child, section) for child in item.children]
            return section
        if isinstance(item, Link):
            link = Link(convert(item.title), item.url)
            link.parent = parent
            return link
        return item

    items = [copy(item, None) for item in nav.items]
    result = Navigation(items, pages)
    for previous, current in zip([None, *pages], pages):
        current.previous_page = previous
        if previous is not None:
            previous.next_page = current
    if pages:
        pages[-1].next_page = None
    result.homepage = next((p for p in pages if split_variant(p.file.src_uri)[1] == "index.md"), None)
    return result


def with_current_page(nav: Navigation, page: Page) -> Navigation:
    """`nav` plus the page being read, when the nav does not hold it (an
    article, a later archive page): Material then marks it as the current
    item and shows its table of contents in the mobile drawer. One page more,
    so the navigation still does not grow with the archive."""
    if page in nav.pages:
        return nav
    current = Navigation([*nav.items, page], nav.pages)
    current.homepage = nav.homepage
    return current
