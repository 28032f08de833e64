"""Each variant's own sitemap, cut from the site-wide one MkDocs writes."""
from __future__ import annotations

import html
import re

from ..core.variants import Variant

_URL_ENTRY = re.compile(r"\s*<url>.*?</url>", re.DOTALL)


def variant_sitemap(sitemap: str, site_url: str, variant: Variant) -> str:
    """The site-wide sitemap cut down to the <url> entries of one variant."""
    needle = f"<loc>{html.escape(site_url)}{variant.prefix}/"
    entries = [m.group(0) for m in _URL_ENTRY.finditer(sitemap) if needle in m.group(0)]
    return _head(sitemap) + "".join(entries) + "\n</urlset>\n"


def _head(sitemap: str) -> str:
    """What comes before the first <url> entry (the XML declaration and <urlset>)."""
    head = sitemap[: sitemap.index("<url>")] if "<url>" in sitemap else sitemap.replace("</urlset>", "")
    return head.rstrip()


_LOC = re.compile(r"<loc>(.*?)</loc>", re.DOTALL)


def merge_sitemaps(sitemaps: list[str], files, site_url: str) -> str:
    """Sitemaps of parts of the site (a split build's processes) as one: the
    first one's head, every <url> entry in the order MkDocs lists the pages
    of `files` (as one process would have written them)."""
    order = {file.url: index for index, file in enumerate(files.documentation_pages(inclusion=_any))}
    prefix = html.escape(site_url)

    def position(entry: str) -> int:
        loc = _LOC.search(entry)
        path = loc.group(1) if loc else ""
        path = path[len(prefix):] if path.startswith(prefix) else path
        return order.get(html.unescape(path), len(order))

    entries = [m.group(0) for text in sitemaps for m in _URL_ENTRY.finditer(text)]
    entries.sort(key=position)  # stable: entries of unknown pages keep their order, last
    first = sitemaps[0]
    tail = first[first.rindex("</url>") + len("</url>"):] if "</url>" in first else "\n</urlset>\n"
    return _head(first) + "".join(entries) + tail


def _any(_inclusion) -> bool:
    return True
