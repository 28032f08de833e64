"""RSS 2.0, Atom 1.0 and JSON Feed 1.1 documents from a list of articles.

Pure: the caller passes every value in, the build date included, so two
builds of the same commit give byte-identical feeds. XML is written with
ElementTree, which escapes text and attributes; namespace prefixes are
written literally so that no global prefix registry is touched.
"""
from __future__ import annotations

import datetime as dt
import html
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from email.utils import format_datetime

from .records import PartialDate

ATOM_NS = "http://www.w3.org/2005/Atom"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
# Characters XML 1.0 forbids even when escaped; a stray one would make the whole feed unreadable.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass
class FeedEntry:
    title: str
    url: str  # absolute
    id: str  # stable identifier; the URL is a good one
    date: PartialDate | None = None  # first publication
    updated: PartialDate | None = None
    authors: list[str] = field(default_factory=list)
    summary: str = ""  # plain text
    content_html: str = ""  # the rendered article, for full-text feeds
    tags: list[str] = field(default_factory=list)

    def __post_init__(self):
        # Front matter values (2019, "2019-10", a date) are accepted as they come.
        self.date = _partial(self.date)
        self.updated = _partial(self.updated)


@dataclass
class FeedInfo:
    title: str
    site_url: str  # absolute home page of this variant
    build_date: dt.datetime  # channel-level dates; passed in so output is reproducible
    language: str = "zh-Hant"
    description: str = ""
    rss_url: str = ""  # absolute URL of each feed, for self links
    atom_url: str = ""
    json_url: str = ""
    authors: list[str] = field(default_factory=list)  # feed-level; the title stands in when empty


def _partial(value) -> PartialDate | None:
    if value is None or value == "" or isinstance(value, PartialDate):
        return value or None
    return PartialDate.parse(value)


def full_datetime(date: PartialDate | dt.datetime) -> dt.datetime:
    """Feeds need a full timestamp: a date known to the year or month becomes
    its first day, a day without a time its midnight, UTC unless the date
    carries its offset (PartialDate.in_zone gives it the site's)."""
    if isinstance(date, dt.datetime):
        return date if date.tzinfo else date.replace(tzinfo=dt.timezone.utc)
    return date.as_datetime()


def _rfc3339(date: PartialDate | dt.datetime) -> str:
    return full_datetime(date).astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _rfc822(date: PartialDate | dt.datetime) -> str:
    return format_datetime(full_datetime(date).astimezone(dt.timezone.utc), usegmt=True)


def _clean(text: str) -> str:
    return _XML_ILLEGAL.sub("", text or "")


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k.replace("__", ":"): _clean(v) for k, v in attributes.items()})
    if text is not None:
        element.text = _clean(text)
    return element


def _xml(root: ET.Element) -> str:
    ET.indent(root)  # only whitespace-only text is touched, never content
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def rss_feed(entries: list[FeedEntry], info: FeedInfo, full_text: bool = False) -> str:
    """RSS 2.0; the summary is the description, full text goes in content:encoded."""
    root = ET.Element("rss", {
        "version": "2.0",
        "xmlns:atom": ATOM_NS,
        "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
        "xmlns:dc": "http://purl.org/dc/elements/1.1/",
    })
    channel = _sub(root, "channel")
    _sub(channel, "title", info.title)
    _sub(channel, "link", info.site_url)
    _sub(channel, "description", info.description or info.title)
    _sub(channel, "language", info.language)
    _sub(channel, "lastBuildDate", _rfc822(info.build_date))
    if info.rss_url:
        _sub(channel, "atom:link", href=info.rss_url, rel="self", type="application/rss+xml")
    for entry in entries:
        item = _sub(channel, "item")
        _sub(item, "title", entry.title)
        _sub(item, "link", entry.url)
        _sub(item, "guid", entry.id, isPermaLink="true" if entry.id == entry.url else "false")
        if entry.date:
            _sub(item, "pubDate", _rfc822(entry.date))
        # RSS <author> must be an e-mail address; Dublin Core carries plain names.
        for name in entry.authors:
            _sub(item, "dc:creator", name)
        for tag in entry.tags:
            _sub(item, "category", tag)
        if entry.summary:
            # Readers take an RSS description as HTML: the plain-text summary is escaped once for that.
            _sub(item, "description", html.escape(entry.summary, quote=False))
        if full_text and entry.content_html:
            _sub(item, "content:encoded", entry.content_html)
    return _xml(root)


def atom_feed(entries: list[FeedEntry], info: FeedInfo, full_text: bool = False) -> str:
    """Atom 1.0 (RFC 4287)."""
    root = ET.Element("feed", {"xmlns": ATOM_NS, "xml:lang": info.language})
    _sub(root, "id", info.site_url)
    _sub(root, "title", info.title)
    if info.description:
        _sub(root, "subtitle", info.description)
    _sub(root, "updated", _rfc3339(info.build_date))
    _sub(root, "link", rel="alternate", type="text/html", href=info.site_url)
    if info.atom_url:
        _sub(root, "link", rel="self", type="application/atom+xml", href=info.atom_url)
    # A feed-level author keeps entries without one valid (RFC 4287 4.1.1).
    for name in info.authors or [info.title]:
        _sub(_sub(root, "author"), "name", name)
    for entry in entries:
        element = _sub(root, "entry")
        _sub(element, "id", entry.id)
        _sub(element, "title", entry.title, type="text")
        updated = entry.updated or entry.date
        _sub(element, "updated", _rfc3339(updated or info.build_date))
        if entry.date:
            _sub(element, "published", _rfc3339(entry.date))
        _sub(element, "link", rel="alternate", type="text/html", href=entry.url)
        for name in entry.authors:
            _sub(_sub(element, "author"), "name", name)
        for tag in entry.tags:
            _sub(element, "category", term=tag)
        if entry.summary:
            _sub(element, "summary", entry.summary, type="text")
        if full_text and entry.content_html:
            # xml:base lets readers resolve the article's relative links and images.
            _sub(element, "content", entry.content_html, type="html", xml__base=entry.url)
    return _xml(root)


def json_feed(entries: list[FeedEntry], info: FeedInfo, full_text: bool = False) -> str:
    """JSON Feed 1.1; every item has content_html (full text) or content_text (the summary)."""
    feed: dict = {"version": JSON_FEED_VERSION, "title": info.title, "home_page_url": info.site_url}
    if info.json_url:
        feed["feed_url"] = info.json_url
    if info.description:
        feed["description"] = info.description
    feed["language"] = info.language
    if info.authors:
        feed["authors"] = [{"name": name} for name in info.authors]
    items = []
    for entry in entries:
        item: dict = {"id": entry.id, "url": entry.url, "title": entry.title}
        if full_text and entry.content_html:
            item["content_html"] = entry.content_html
        else:
            item["content_text"] = entry.summary  # the spec requires one of the two
        if entry.summary:
            item["summary"] = entry.summary
        if entry.date:
            item["date_published"] = _rfc3339(entry.date)
        if entry.updated:
            item["date_modified"] = _rfc3339(entry.updated)
        if entry.authors:
            item["authors"] = [{"name": name} for name in entry.authors]
        if entry.tags:
            item["tags"] = list(entry.tags)
        items.append(item)
    feed["items"] = items
    return json.dumps(feed, ensure_ascii=False, indent=2) + "\n"
