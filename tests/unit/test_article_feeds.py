"""Unit tests of zhpress.article.feeds: RSS 2.0 and Atom 1.0 read back with
feedparser, JSON Feed 1.1 with json (feedparser 6.0 does not read JSON Feed)."""
from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET

import feedparser
import pytest

from zhpress.article.feeds import (
    FeedEntry,
    FeedInfo,
    atom_feed,
    full_datetime,
    json_feed,
    rss_feed,
)
from zhpress.article.records import PartialDate

SITE = "https://example.org/zh-hant/"
BUILD = dt.datetime(2024, 5, 6, 7, 8, 9, tzinfo=dt.timezone.utc)
TRICKY = 'A <b>標題</b> & "引號" \'單\' </script>'


def info(**overrides) -> FeedInfo:
    values = dict(
        title="本刊", site_url=SITE, build_date=BUILD, language="zh-Hant",
        description="中文長文 & 訪談", rss_url=SITE + "feed.xml", atom_url=SITE + "atom.xml",
        json_url=SITE + "feed.json",
    )
    values.update(overrides)
    return FeedInfo(**values)


def entries() -> list[FeedEntry]:
    return [
        FeedEntry(
            title="湯道生：產業互聯網的第一年", url=SITE + "articles/tang/", id=SITE + "articles/tang/",
            date=PartialDate(2019), authors=["湯道生", "謝麗容"], summary="騰訊雲 <CSIG> 一年 & 以後",
            content_html='<p>正文 &amp; <a href="../other/">連結</a></p>', tags=["產業互聯網", "騰訊"],
        ),
        FeedEntry(
            title=TRICKY, url=SITE + "articles/tricky/", id="urn:zhpress:tricky",
            date=PartialDate(2019, 10), updated=PartialDate(2020, 1, 15), summary="",
            content_html="<p>第二篇</p>",
        ),
        FeedEntry(title="無日期", url=SITE + "articles/undated/", id=SITE + "articles/undated/",
                  summary="沒有日期的文章"),
    ]


def parsed(document: str):
    feed = feedparser.parse(document)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def test_partial_dates_become_the_first_day_utc():
    assert full_datetime(PartialDate(2019)) == dt.datetime(2019, 1, 1, tzinfo=dt.timezone.utc)
    assert full_datetime(PartialDate(2019, 10)) == dt.datetime(2019, 10, 1, tzinfo=dt.timezone.utc)
    assert full_datetime(PartialDate(2019, 10, 8)) == dt.datetime(2019, 10, 8, tzinfo=dt.timezone.utc)


def test_front_matter_values_are_accepted_as_dates():
    entry = FeedEntry(title="t", url=SITE, id=SITE, date=2019, updated=dt.date(2019, 10, 8))
    assert entry.date == PartialDate(2019) and entry.updated == PartialDate(2019, 10, 8)
    assert FeedEntry(title="t", url=SITE, id=SITE, date="2019-10").date == PartialDate(2019, 10)
    assert FeedEntry(title="t", url=SITE, id=SITE, date="").date is None


# --- RSS 2.0 --------------------------------------------------------------------

def test_rss_required_elements():
    feed = parsed(rss_feed(entries(), info()))
    assert feed.version == "rss20"
    assert feed.feed.title == "本刊"
    assert feed.feed.link == SITE
    assert feed.feed.subtitle == "中文長文 & 訪談"  # feedparser's name for <description>
    assert feed.feed.language == "zh-Hant"
    assert feed.feed.updated_parsed[:6] == (2024, 5, 6, 7, 8, 9)
    first, second, third = feed.entries
    assert first.title == "湯道生：產業互聯網的第一年"
    assert first.link == SITE + "articles/tang/"
    assert first.id == SITE + "articles/tang/"
    assert first.published_parsed[:6] == (2019, 1, 1, 0, 0, 0)
    assert second.published_parsed[:6] == (2019, 10, 1, 0, 0, 0)
    assert second.id == "urn:zhpress:tricky"
    assert [a.name for a in first.authors] == ["湯道生", "謝麗容"]
    assert [t.term for t in first.tags] == ["產業互聯網", "騰訊"]
    assert "published" not in third


def test_rss_guid_permalink_and_pubdate_in_rfc822():
    root = ET.fromstring(rss_feed(entries(), info()))
    permalinks = [item.find("guid").get("isPermaLink") for item in root.iter("item")]
    assert permalinks == ["true", "false", "true"]  # only a guid that is the URL is a permalink
    dates = [item.findtext("pubDate") for item in root.iter("item")]
    assert dates == ["Tue, 01 Jan 2019 00:00:00 GMT", "Tue, 01 Oct 2019 00:00:00 GMT", None]
    assert root.find("channel").findtext("lastBuildDate") == "Mon, 06 May 2024 07:08:09 GMT"


def test_rss_summary_or_full_text():
    summary_only = parsed(rss_feed(entries(), info()))
    first = summary_only.entries[0]
    assert first.summary == "騰訊雲 &lt;CSIG&gt; 一年 &amp; 以後"  # HTML that shows the plain summary
    assert "content" not in first
    full = parsed(rss_feed(entries(), info(), full_text=True))
    assert full.entries[0].content[0].value == '<p>正文 &amp; <a href="../other/">連結</a></p>'
    assert full.entries[1].content[0].value == "<p>第二篇</p>"


def test_rss_self_link():
    root = ET.fromstring(rss_feed(entries(), info()))
    link = root.find("channel/{http://www.w3.org/2005/Atom}link")
    assert link.get("rel") == "self" and link.get("href") == SITE + "feed.xml"


# --- Atom 1.0 -------------------------------------------------------------------

def test_atom_required_elements():
    feed = parsed(atom_feed(entries(), info()))
    assert feed.version == "atom10"
    assert feed.feed.id == SITE
    assert feed.feed.title == "本刊"
    assert feed.feed.updated == "2024-05-06T07:08:09Z"
    assert feed.feed.author_detail.name == "本刊"  # feed-level author: entries without one stay valid
    links = {link.rel: link.href for link in feed.feed.links}
    assert links == {"alternate": SITE, "self": SITE + "atom.xml"}
    first, second, third = feed.entries
    assert (first.id, first.title, first.link) == (SITE + "articles/tang/", "湯道生：產業互聯網的第一年",
                                                    SITE + "articles/tang/")
    assert first.updated == first.published == "2019-01-01T00:00:00Z"
    assert [a.name for a in first.authors] == ["湯道生", "謝麗容"]
    assert second.updated == "2020-01-15T00:00:00Z" and second.published == "2019-10-01T00:00:00Z"
    assert third.updated == "2024-05-06T07:08:09Z"  # undated: the build date, passed in
    for entry in feed.entries:
        assert entry.id and entry.title and entry.updated and entry.link


def test_atom_named_feed_authors_and_language():
    feed = parsed(atom_feed(entries(), info(authors=["馬克"], language="zh-Hans")))
    assert [a.name for a in feed.feed.authors] == ["馬克"]
    assert feed.feed.language == "zh-Hans"


def test_atom_summary_or_full_text_with_base():
    summary_only = parsed(atom_feed(entries(), info()))
    assert summary_only.entries[0].summary == "騰訊雲 <CSIG> 一年 & 以後"
    assert "content" not in summary_only.entries[0]
    full = parsed(atom_feed(entries(), info(), full_text=True))
    content = full.entries[0].content[0]
    assert content.type == "text/html"
    # xml:base lets the reader resolve the article's relative link.
    assert content.value == f'<p>正文 &amp; <a href="{SITE}articles/other/">連結</a></p>'


# --- JSON Feed 1.1 --------------------------------------------------------------

def test_json_feed_required_elements():
    feed = json.loads(json_feed(entries(), info()))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] == "本刊"
    assert feed["home_page_url"] == SITE and feed["feed_url"] == SITE + "feed.json"
    assert feed["language"] == "zh-Hant"
    for item in feed["items"]:
        assert isinstance(item["id"], str) and item["id"]
        assert item["url"].startswith(SITE)
        assert ("content_html" in item) or ("content_text" in item)
    first, second, third = feed["items"]
    assert first["date_published"] == "2019-01-01T00:00:00Z"
    assert second["date_modified"] == "2020-01-15T00:00:00Z"
    assert "date_published" not in third
    assert first["authors"] == [{"name": "湯道生"}, {"name": "謝麗容"}]
    assert first["tags"] == ["產業互聯網", "騰訊"]


def test_json_feed_summary_or_full_text():
    summary_only = json.loads(json_feed(entries(), info()))["items"][0]
    assert summary_only["content_text"] == summary_only["summary"] == "騰訊雲 <CSIG> 一年 & 以後"
    assert "content_html" not in summary_only
    full = json.loads(json_feed(entries(), info(), full_text=True))["items"][0]
    assert full["content_html"] == '<p>正文 &amp; <a href="../other/">連結</a></p>'
    assert "中文" in json_feed(entries(), info(description="中文"))  # not \u-escaped


# --- all formats ----------------------------------------------------------------

def test_escaping_of_titles_in_every_format():
    tricky_info = info(title=TRICKY, description=TRICKY)
    for build in (rss_feed, atom_feed):
        feed = parsed(build(entries(), tricky_info))
        assert feed.feed.title == TRICKY
        assert feed.entries[1].title == TRICKY
        ET.fromstring(build(entries(), tricky_info))  # well-formed XML
    document = json.loads(json_feed(entries(), tricky_info))
    assert document["title"] == TRICKY and document["items"][1]["title"] == TRICKY


def test_control_characters_cannot_break_the_xml():
    bad = [FeedEntry(title="壞\x00字\x1b元", url=SITE + "a/", id=SITE + "a/", summary="\x0c摘要")]
    for build in (rss_feed, atom_feed):
        feed = parsed(build(bad, info()))
        assert feed.entries[0].title == "壞字元"


@pytest.mark.parametrize("build", [rss_feed, atom_feed, json_feed])
def test_entries_keep_their_order_and_output_is_reproducible(build):
    first = build(entries(), info(), full_text=True)
    assert build(entries(), info(), full_text=True) == first
    positions = [first.index(url) for url in ("articles/tang/", "articles/tricky/", "articles/undated/")]
    assert positions == sorted(positions)
    reversed_feed = build(entries()[::-1], info())
    assert reversed_feed.index("articles/undated/") < reversed_feed.index("articles/tang/")


@pytest.mark.parametrize("build", [rss_feed, atom_feed, json_feed])
def test_an_empty_feed_is_still_valid(build):
    document = build([], info())
    if build is json_feed:
        assert json.loads(document)["items"] == []
    else:
        assert parsed(document).feed.title == "本刊"
