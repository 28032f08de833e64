"""zhpress.variants.sitemaps: each variant's sitemap, cut from the site-wide
one (written by theme/sitemap.xml), keeps only that variant's <url> entries,
each whole with its hreflang alternates, and stays valid XML."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from zhpress.core.variants import HANS, HANT, VARIANTS
from zhpress.variants.sitemaps import variant_sitemap

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
HEAD = ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">')


def entry(site_url: str, prefix: str | None, path: str) -> str:
    """One <url> as theme/sitemap.xml writes it; no prefix: a page outside the variants."""
    loc = f"{site_url}{prefix}/{path}" if prefix else f"{site_url}{path}"
    links = "".join(
        f'\n    <xhtml:link rel="alternate" hreflang="{v.lang}" href="{site_url}{v.prefix}/{path}"/>'
        for v in VARIANTS
    ) if prefix else ""
    return f"\n  <url>\n    <loc>{loc}</loc>{links}\n  </url>"


def sitemap(site_url: str, paths: list[str], outside: list[str] = ()) -> str:
    body = "".join(entry(site_url, v.prefix, p) for p in paths for v in VARIANTS)
    body += "".join(entry(site_url, None, p) for p in outside)
    return HEAD + body + "\n</urlset>"


def locs(xml: str) -> list[str]:
    return [loc.text for loc in ET.fromstring(xml.encode("utf-8")).findall("s:url/s:loc", NS)]


SITE = "https://example.org/"
PATHS = ["", "articles/a/", "archive/", "tags/%E9%A8%B0%E8%A8%8A/"]


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.key)
def test_keeps_only_the_variants_entries_in_order(variant):
    full = sitemap(SITE, PATHS, outside=["404.html"])
    assert len(locs(full)) == 9
    assert locs(variant_sitemap(full, SITE, variant)) == [f"{SITE}{variant.prefix}/{p}" for p in PATHS]


def test_result_is_valid_xml_with_the_sitemap_namespaces():
    text = variant_sitemap(sitemap(SITE, PATHS), SITE, HANS)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
    assert text.count("<urlset") == 1 and text.rstrip().endswith("</urlset>")
    assert text.endswith("\n")


def test_each_entry_keeps_its_hreflang_alternates():
    root = ET.fromstring(variant_sitemap(sitemap(SITE, PATHS), SITE, HANT).encode("utf-8"))
    for url in root.findall("s:url", NS):
        loc = url.findtext("s:loc", namespaces=NS)
        links = {l.get("hreflang"): l.get("href") for l in url.findall("x:link", NS)}
        assert links == {"zh-Hant": loc, "zh-Hans": loc.replace("/zh-hant/", "/zh-hans/", 1)}


def test_an_entry_is_chosen_by_where_its_loc_starts():
    # The other variant's name later in a path, or in an alternate link, does not count.
    full = HEAD + entry(SITE, "zh-hant", "articles/zh-hans/") + entry(SITE, "zh-hans", "x/") + "\n</urlset>"
    assert locs(variant_sitemap(full, SITE, HANS)) == [f"{SITE}zh-hans/x/"]
    assert locs(variant_sitemap(full, SITE, HANT)) == [f"{SITE}zh-hant/articles/zh-hans/"]


def test_site_url_with_a_path_and_characters_escaped_in_xml():
    site = "https://example.org/r&d/press/"
    escaped = site.replace("&", "&amp;")
    full = sitemap(escaped, ["", "articles/a/"])
    assert locs(variant_sitemap(full, site, HANT)) == [f"{site}zh-hant/", f"{site}zh-hant/articles/a/"]
    # Entries of the same variant under another site are not this site's.
    assert locs(variant_sitemap(sitemap("https://other.example/", [""]), site, HANT)) == []


def test_a_sitemap_without_entries_gives_an_empty_valid_urlset():
    for full in (HEAD + "\n</urlset>", sitemap(SITE, [], outside=["404.html"])):
        text = variant_sitemap(full, SITE, HANT)
        assert ET.fromstring(text.encode("utf-8")).findall("s:url", NS) == []
        assert text.count("</urlset>") == 1
