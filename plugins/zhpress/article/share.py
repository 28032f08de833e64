"""What an article tells link previews and search engines: Open Graph and
Twitter <meta> tags, and a schema.org Article in JSON-LD.

Dates keep the precision the front matter knows: an interview dated only
2019 is published "2019", not a made-up 2019-01-01. Every value is escaped
for where it lands (attribute or script), so a title may hold anything.
"""
from __future__ import annotations

import html
import json
from typing import Iterable

from .records import PartialDate

# Open Graph wants a territory locale; our scripts map to their usual one.
OG_LOCALES = {"zh-Hant": "zh_TW", "zh-Hans": "zh_CN", "zh-Hant-TW": "zh_TW", "zh-Hant-HK": "zh_HK"}


def og_locale(language: str) -> str:
    """BCP 47 tag ("zh-Hant") -> Open Graph locale ("zh_TW")."""
    return OG_LOCALES.get(language) or language.replace("-", "_")


def _date(value) -> str | None:
    """Front matter date (2019, "2019-10", a date, a PartialDate) as ISO 8601 to its precision."""
    if value is None or value == "":
        return None
    date = value if isinstance(value, PartialDate) else PartialDate.parse(value)
    return date.iso()


def open_graph_tags(*, title: str, url: str, site_name: str, language: str,
                    description: str = "", published=None, modified=None,
                    tags: Iterable[str] = (), image_url: str | None = None,
                    alternate_languages: Iterable[str] = ()) -> str:
    """<meta> tags, one a line. `url` and `image_url` absolute; `language` a BCP 47 tag
    such as "zh-Hant"; `alternate_languages` the other variants of the page."""
    tags_out: list[tuple[str, str, str]] = [  # (attribute, key, value)
        ("property", "og:type", "article"),
        ("property", "og:title", title),
        ("property", "og:description", description),
        ("property", "og:url", url),
        ("property", "og:site_name", site_name),
        ("property", "og:locale", og_locale(language)),
        *(("property", "og:locale:alternate", og_locale(lang)) for lang in alternate_languages),
        ("property", "og:image", image_url or ""),
        ("property", "article:published_time", _date(published) or ""),
        ("property", "article:modified_time", _date(modified) or ""),
        *(("property", "article:tag", str(tag)) for tag in tags),
        ("name", "twitter:card", "summary"),
    ]
    return "\n".join(
        f'<meta {attribute}="{key}" content="{html.escape(value, quote=True)}">'
        for attribute, key, value in tags_out
        if value  # an empty description or date says nothing; leave it out
    )


def json_ld_article(*, title: str, url: str, site_name: str, language: str,
                    subtitle: str = "", description: str = "", authors: Iterable[str] = (),
                    published=None, modified=None, tags: Iterable[str] = (),
                    image_url: str | None = None, site_url: str | None = None) -> str:
    """A <script type="application/ld+json"> block holding a schema.org Article."""
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": title,
        "inLanguage": language,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "publisher": {"@type": "Organization", "name": site_name},
    }
    if site_url:
        data["publisher"]["url"] = site_url
    if subtitle:
        data["alternativeHeadline"] = subtitle
    if description:
        data["description"] = description
    people = [{"@type": "Person", "name": str(name)} for name in authors]
    if people:
        data["author"] = people
    if published_iso := _date(published):
        data["datePublished"] = published_iso
    if modified_iso := _date(modified):
        data["dateModified"] = modified_iso
    keywords = [str(tag) for tag in tags]
    if keywords:
        data["keywords"] = keywords
    if image_url:
        data["image"] = image_url
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    # "<" only ever occurs inside JSON strings, where "<\/" and "\u0021" read the same:
    # no "</script>" can end the block early and no "<!--" can change how it is parsed.
    text = text.replace("</", "<\\/").replace("<!--", "<\\u0021--")
    return f'<script type="application/ld+json">{text}</script>'
