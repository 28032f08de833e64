"""Files one plugin publishes and another links: names in one place.

The publisher writes them; a linker links one only when it exists in the
output (or the publisher said so through page context), so disabling a
plugin never leaves a link to a missing file.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Feed:
    file: str  # name inside the variant's folder
    mime: str
    label: str


# zhpress/article writes these per variant (/zh-hant/feed.xml ...).
FEEDS = (
    Feed("feed.xml", "application/rss+xml", "RSS"),
    Feed("atom.xml", "application/atom+xml", "Atom"),
    Feed("feed.json", "application/feed+json", "JSON Feed"),
)
# MkDocs writes the site-wide sitemap; zhpress/variants one per variant.
SITEMAP = "sitemap.xml"
SITEMAP_GZ = "sitemap.xml.gz"
