"""Front matter as real blogs write it: dates with a time of day (kept,
ordering articles within a day, in feeds and bylines), tab-indented front
matter reported as such, plain author names."""
from __future__ import annotations

import datetime as dt

import feedparser
import pytest
import yaml

from zhpress.article.feeds import FeedEntry, FeedInfo, atom_feed, full_datetime, json_feed, rss_feed
from zhpress.article.plugin import format_date, iso_date
from zhpress.article.publish import dated
from zhpress.article.records import ArticleRecord, sort_articles
from zhpress.core.dates import PartialDate, zone
from zhpress.core.frontmatter import validate_front_matter

PATH = "content/articles/x.md"
TAIPEI = dt.timezone(dt.timedelta(hours=8))


def front(date_line: str, extra: str = "") -> str:
    return f"---\ntitle: 標題\n{date_line}\n{extra}---\n\n正文。\n"


@pytest.mark.parametrize("written, expected", [
    ("date: 2018-12-29 22:10", PartialDate(2018, 12, 29, 22, 10)),  # a string to YAML: no seconds
    ("date: 2021-02-19 00:16:13", PartialDate(2021, 2, 19, 0, 16, 13)),  # a YAML timestamp
    ("date: 2019-05-01T10:00:00+08:00", PartialDate(2019, 5, 1, 10, 0, 0, 480)),
    ("date: 2019-05-01T10:00:00Z", PartialDate(2019, 5, 1, 10, 0, 0, 0)),
    ("date: '2019-05-01 10:00 +0800'", PartialDate(2019, 5, 1, 10, 0, 0, 480)),
    ("date: 2019-05-01 9:05:07.123", PartialDate(2019, 5, 1, 9, 5, 7)),
    ("date: 2019-10-08", PartialDate(2019, 10, 8)),  # no time: none made up
])
def test_dates_with_a_time_are_accepted_and_the_time_kept(written, expected):
    meta, problems = validate_front_matter(PATH, front(written))
    assert problems == []
    assert PartialDate.parse(meta["date"]) == expected


@pytest.mark.parametrize("written, reason", [
    ("2018-12-29 25:10", "hour 25 is not between 0 and 23"),
    ("2018-12-29 22:61", "minute 61 is not between 0 and 59"),
    ("2018-13-29 22:10", "month 13 is not between 1 and 12"),
])
def test_a_bad_time_says_what_is_wrong_and_shows_the_form_with_a_time(written, reason):
    problems = validate_front_matter(PATH, front(f"date: {written}"))[1]
    assert len(problems) == 1
    assert problems[0].line == 3 and reason in problems[0].message
    assert "YYYY-MM-DD HH:MM" in problems[0].fix and "2018-12-29 22:10" in problems[0].fix


def test_updated_before_date_within_the_same_day_is_reported():
    problems = validate_front_matter(PATH, front("date: 2018-12-29 22:10", "updated: 2018-12-29 21:00\n"))[1]
    assert [p.line for p in problems] == [4]
    assert "updated 2018-12-29 21:00 is before date 2018-12-29 22:10" in problems[0].message
    # A day without a time is not "before" a time of that day.
    assert validate_front_matter(PATH, front("date: 2018-12-29 22:10", "updated: 2018-12-29\n"))[1] == []


def test_tab_indented_front_matter_is_reported_as_such_at_its_line():
    text = "---\ntitle: 有 tab 的文章\ntags:\n\t- 前端\n\t- 資安\n---\n\n正文。\n"
    problems = validate_front_matter(PATH, text)[1]
    assert [str(p) for p in problems] == [
        f"{PATH}:4:1: front matter line 4 is indented with a tab; YAML needs spaces. Fix: replace the tab at "
        "the start of line 4 with spaces (two for each level)."
    ]
    # Other YAML errors keep their own message.
    other = validate_front_matter(PATH, "---\ntitle: a: b\n---\n\n正文。\n")[1]
    assert "tab" not in other[0].message


def test_plain_author_names_are_accepted_by_the_schema():
    meta, problems = validate_front_matter(PATH, front("date: 2019", "author: gasolin\n"))
    assert problems == [] and meta["author"] == "gasolin"


def test_partial_date_forms():
    date = PartialDate.parse("2018-12-29 22:10")
    assert date.has_time and not PartialDate(2018, 12, 29).has_time
    assert date.iso() == "2018-12-29T22:10:00"
    assert PartialDate.parse("2019-05-01T10:00:00+08:00").iso() == "2019-05-01T10:00:00+08:00"
    assert PartialDate.parse("2019-05-01 10:00 -05:30").iso() == "2019-05-01T10:00:00-05:30"
    assert date.chinese() == "2018年12月29日 22:10"
    assert PartialDate.parse(dt.datetime(2019, 5, 1, 10, tzinfo=TAIPEI)) == PartialDate(2019, 5, 1, 10, 0, 0, 480)
    assert format_date("2018-12-29 22:10") == "2018年12月29日 22:10"
    assert format_date(dt.date(2019, 10, 8)) == "2019年10月8日"
    assert iso_date("2019-10") == "2019-10"
    assert iso_date(dt.datetime(2021, 2, 19, 0, 16, 13)) == "2021-02-19T00:16:13"


def test_times_order_dates_within_a_day_and_a_day_without_time_comes_first():
    day = PartialDate(2018, 12, 29)
    morning, evening = PartialDate.parse("2018-12-29 09:00"), PartialDate.parse("2018-12-29 22:10")
    assert day < morning < evening < PartialDate(2018, 12, 30)
    assert max([evening, day, morning]) == evening


def test_articles_of_one_day_list_newest_first_by_time():
    # A six-part series written on one day, in file-name order that is not the time order.
    times = {"part-a": "2019-03-01 21:00", "part-b": "2019-03-01 09:30", "part-c": "2019-03-01 13:15",
             "part-d": "2019-03-01", "part-e": "2019-03-02", "part-f": "2019-03-01 23:59:59"}
    records = [ArticleRecord(f"articles/{name}.md", PartialDate.parse(date)) for name, date in times.items()]
    order = [r.src_uri.split("/")[1][:-3] for r in sort_articles(records)]
    assert order == ["part-e", "part-f", "part-a", "part-c", "part-b", "part-d"]


def test_zones_name_offsets_and_iana_zones():
    assert zone("UTC") is dt.timezone.utc
    assert zone("+08:00") == TAIPEI and zone("UTC+8") == TAIPEI
    assert zone("Asia/Taipei").utcoffset(dt.datetime(2019, 1, 1)) == dt.timedelta(hours=8)
    with pytest.raises(ValueError, match="Asia/Taipei"):
        zone("Mars/Olympus")


def test_a_time_without_offset_is_read_in_the_site_zone_and_an_offset_wins():
    taipei = zone("Asia/Taipei")
    assert dated("2018-12-29 22:10", taipei).as_datetime() == dt.datetime(2018, 12, 29, 22, 10, tzinfo=TAIPEI)
    assert dated("2018-12-29T22:10:00Z", taipei).as_datetime() == dt.datetime(2018, 12, 29, 22, 10,
                                                                             tzinfo=dt.timezone.utc)
    # Today's behaviour by default: a date without a time is midnight UTC.
    assert full_datetime(dated("2019-10-08", dt.timezone.utc)) == dt.datetime(2019, 10, 8, tzinfo=dt.timezone.utc)
    assert dated("", taipei) is None


def test_feeds_carry_the_real_time_instead_of_midnight():
    site = "https://example.org/zh-hant/"
    entry = FeedEntry(title="t", url=site + "a/", id=site + "a/",
                      date=dated("2018-12-29 22:10", zone("+08:00")),
                      updated=PartialDate.parse("2019-01-02T03:04:05Z"))
    info = FeedInfo(title="本刊", site_url=site, build_date=dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc))
    rss = feedparser.parse(rss_feed([entry], info))
    assert rss.entries[0].published == "Sat, 29 Dec 2018 14:10:00 GMT"
    atom = feedparser.parse(atom_feed([entry], info))
    assert atom.entries[0].published == "2018-12-29T14:10:00Z"
    assert atom.entries[0].updated == "2019-01-02T03:04:05Z"
    item = yaml.safe_load(json_feed([entry], info))["items"][0]
    assert item["date_published"] == "2018-12-29T14:10:00Z"
