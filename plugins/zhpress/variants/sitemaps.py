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
    head = sitemap[: sitemap.index("<url>")] if "<url>" in sitemap else sitemap.replace("</urlset>", "")
    return head.rstrip() + "".join(entries) + "\n</urlset>\n"
