"""Front matter as real blogs write it, in a built site: dates with a time
order one day's articles (lists, previous/next, feeds) and show in bylines;
Chinese file names are addresses, the same in both scripts, linked from
other posts; plain author names are shown as written; tab indentation is
reported as such."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote, unquote

import feedparser
import pytest

from conftest import REPO, build_site, copy_project, edit_config

# The `zhpress` console command as pyproject.toml declares it (zhpress.cli:main).
ZHPRESS = [sys.executable, "-m", "zhpress"]
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")

# One day's series, whose file names sort in another order than their times.
ARTICLES = {
    "中文標題.md": "---\ntitle: 晚上的文章\ndate: 2018-12-29 22:10\nauthor: gasolin\n---\n\n正文。\n\n## 小節\n\n內容。\n",
    "简体文件.md": ("---\ntitle: 早上的文章\ndate: 2018-12-29 09:00:00\nscript: hans\n---\n\n"
                "见[晚上那篇](中文標題.md#小節)。\n"),
    "a-noon.md": "---\ntitle: 中午的文章\ndate: 2018-12-29T12:30:00+08:00\nauthor: [gasolin, 林大明]\n---\n\n正文。\n",
    "b-day.md": "---\ntitle: 只有日期的文章\ndate: 2018-12-29\n---\n\n正文。\n",
    "c-next-day.md": "---\ntitle: 隔天的文章\ndate: 2018-12-30\n---\n\n見[早上](简体文件.md)。\n",
}
NEWEST_FIRST = ["隔天的文章", "晚上的文章", "中午的文章", "早上的文章", "只有日期的文章"]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("front")
    content = root / "content"
    (content / "articles").mkdir(parents=True)
    (content / "index.md").write_text((REPO / "content" / "index.md").read_text(encoding="utf-8"), encoding="utf-8")
    for name, text in ARTICLES.items():
        (content / "articles" / name).write_text(text, encoding="utf-8")
    project = copy_project(root / "project", content)
    edit_config(project, "  - zhpress/article\n", "  - zhpress/article:\n      timezone: Asia/Taipei\n")
    return build_site(project)


def titles_in_order(html: str) -> list[str]:
    return re.findall(r'class="zhpress-entry__title"><a href="[^"]*">([^<]*)</a>', html)


@pytest.mark.parametrize("variant", ["zh-hant", "zh-hans"])
def test_one_days_articles_list_newest_first_by_time(site, variant):
    home = (site / variant / "index.html").read_text(encoding="utf-8")
    assert titles_in_order(home) == NEWEST_FIRST  # the same characters in both scripts


def test_previous_and_next_follow_the_time_of_day(site):
    page = (site / "zh-hant" / "articles" / "a-noon" / "index.html").read_text(encoding="utf-8")
    previous = re.search(r'<link rel="prev" href="([^"]*)"', page).group(1)
    following = re.search(r'<link rel="next" href="([^"]*)"', page).group(1)
    assert unquote(previous) == "../中文標題/" and unquote(following) == "../简体文件/"


def test_bylines_show_the_time_and_plain_names(site):
    page = (site / "zh-hant" / "articles" / "中文標題" / "index.html").read_text(encoding="utf-8")
    assert '<time class="zhpress-byline__item" datetime="2018-12-29T22:10:00">2018年12月29日 22:10</time>' in page
    assert "gasolin</span>" in page
    noon = (site / "zh-hant" / "articles" / "a-noon" / "index.html").read_text(encoding="utf-8")
    assert "gasolin、林大明" in noon and 'datetime="2018-12-29T12:30:00+08:00"' in noon
    day = (site / "zh-hant" / "articles" / "b-day" / "index.html").read_text(encoding="utf-8")
    assert ">2018年12月29日</time>" in day  # no time made up


def test_feeds_carry_the_real_time_in_the_site_zone(site):
    feed = feedparser.parse((site / "zh-hant" / "feed.xml").read_text(encoding="utf-8"))
    published = {entry.title: entry.published for entry in feed.entries}
    assert published["晚上的文章"] == "Sat, 29 Dec 2018 14:10:00 GMT"  # 22:10 in Taipei
    assert published["中午的文章"] == "Sat, 29 Dec 2018 04:30:00 GMT"  # its own offset
    assert published["只有日期的文章"] == "Fri, 28 Dec 2018 16:00:00 GMT"  # midnight in Taipei
    share = (site / "zh-hant" / "articles" / "中文標題" / "index.html").read_text(encoding="utf-8")
    assert '"datePublished": "2018-12-29T22:10:00+08:00"' in share


@pytest.mark.parametrize("variant", ["zh-hant", "zh-hans"])
def test_chinese_file_names_are_the_same_address_in_both_scripts(site, variant):
    for name in ("中文標題", "简体文件"):  # never converted: a Simplified name stays Simplified on zh-hant
        assert (site / variant / "articles" / name / "index.html").is_file()
    morning = (site / variant / "articles" / "简体文件" / "index.html").read_text(encoding="utf-8")
    assert f'href="../{quote("中文標題")}/#小節"' in morning or 'href="../中文標題/#小節"' in morning
    sitemap = (site / variant / "sitemap.xml").read_text(encoding="utf-8")
    assert f"/{variant}/articles/{quote('简体文件')}/" in sitemap


def test_zhpress_check_accepts_chinese_names_plain_authors_and_times(site):
    project = site.parent
    result = subprocess.run([*ZHPRESS, "check"], cwd=project, capture_output=True, text=True, env=ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "file name" not in result.stdout and "entity" not in result.stdout and "date" not in result.stdout


def test_tab_indented_front_matter_is_reported_with_its_line_and_fix(tmp_path):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "index.md").write_text("---\ntitle: 首頁\n---\n\n# 首頁\n", encoding="utf-8")
    (content / "articles" / "tabbed.md").write_text("---\ntitle: 有 tab\ntags:\n\t- 工具\n---\n\n正文。\n",
                                                    encoding="utf-8")
    project = copy_project(tmp_path / "project", content)
    result = subprocess.run([*ZHPRESS, "check"], cwd=project, capture_output=True, text=True, env=ENV)
    assert result.returncode == 1
    assert ("content/articles/tabbed.md:4:1: front matter line 4 is indented with a tab; YAML needs spaces. "
            "Fix: replace the tab at the start of line 4 with spaces (two for each level).") in result.stdout
