"""From built article pages to what machines read: share metadata and feeds."""
from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.structure.pages import Page

from .feeds import FeedEntry, FeedInfo, atom_feed, full_datetime, json_feed, rss_feed
from .records import PartialDate
from .share import json_ld_article, open_graph_tags

AUTHOR_KEYS = ("speaker", "author")  # whose words the article is: feed and JSON-LD authors
FEED_FILES = {"rss": "feed.xml", "atom": "atom.xml", "json": "feed.json"}


def as_list(value) -> list:
    if value is None or value == "":
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def authors_of(page: Page) -> list[str]:
    return [str(name) for key in AUTHOR_KEYS for name in as_list(page.meta.get(key))]


def absolute(site_url: str, path: str) -> str:
    return urljoin(site_url or "/", path)


def dated(value, zone: dt.tzinfo) -> PartialDate | None:
    """A front matter date with the site's UTC offset where it gives none."""
    if value is None or value == "":
        return None
    return PartialDate.parse(value).in_zone(zone)


def share_head(page: Page, *, site_name: str, site_url: str, language: str,
               other_languages: list[str], cover_url: str | None, zone: dt.tzinfo = dt.timezone.utc) -> str:
    """Open Graph, Twitter card and JSON-LD for one article page."""
    url = absolute(site_url, page.url)
    meta = page.meta
    image = absolute(site_url, cover_url) if cover_url else None
    common = dict(title=page.title, url=url, site_name=site_name, language=language,
                  description=str(meta.get("summary") or ""), published=dated(meta.get("date"), zone),
                  modified=dated(meta.get("updated"), zone), tags=as_list(meta.get("tags")), image_url=image)
    return "\n".join([
        open_graph_tags(alternate_languages=other_languages, **common),
        json_ld_article(subtitle=str(meta.get("subtitle") or ""), authors=authors_of(page),
                        site_url=site_url or None, **common),
    ])


_RELATIVE_URL = re.compile(r'(\s(?:href|src)=")(?![a-z][a-z0-9+.-]*:|#|/)([^"]*)"')


def absolute_links(html: str, base: str) -> str:
    """Feed readers see no page around the content: make its links absolute."""
    return _RELATIVE_URL.sub(lambda m: f'{m.group(1)}{urljoin(base, m.group(2))}"', html)


def feed_entry(page: Page, site_url: str, zone: dt.tzinfo = dt.timezone.utc) -> FeedEntry:
    url = absolute(site_url, page.url)
    return FeedEntry(
        title=page.title, url=url, id=url,
        date=dated(page.meta.get("date"), zone), updated=dated(page.meta.get("updated"), zone),
        authors=authors_of(page), summary=str(page.meta.get("summary") or ""),
        content_html=absolute_links(page.content or "", url),
        tags=[str(t) for t in as_list(page.meta.get("tags"))],
    )


def build_date(entries: list[FeedEntry]) -> dt.datetime:
    """The newest date in the feed, so the same sources give the same bytes."""
    dates = [d for e in entries for d in (e.date, e.updated) if isinstance(d, PartialDate)]
    if dates:
        return max(full_datetime(date) for date in dates)
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0") or 0)
    return dt.datetime.fromtimestamp(epoch, dt.timezone.utc)


def write_feeds(site_dir: str, prefix: str, entries: list[FeedEntry], *, title: str,
                site_url: str, language: str, description: str, full_text: bool) -> None:
    folder = f"{prefix}/" if prefix else ""
    urls = {kind: absolute(site_url, folder + name) for kind, name in FEED_FILES.items()}
    info = FeedInfo(title=title, site_url=absolute(site_url, folder), build_date=build_date(entries),
                    language=language, description=description, rss_url=urls["rss"],
                    atom_url=urls["atom"], json_url=urls["json"])
    target = Path(site_dir) / prefix
    target.mkdir(parents=True, exist_ok=True)
    for kind, render in (("rss", rss_feed), ("atom", atom_feed), ("json", json_feed)):
        (target / FEED_FILES[kind]).write_text(render(entries, info, full_text=full_text), encoding="utf-8")
