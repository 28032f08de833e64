"""Articles as publications, in built sites: reading length, schema errors in
one build, feeds, share metadata, print style."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest

from conftest import REPO, copy_project

ARTICLE = "articles/tang-daosheng-csig-first-year/index.html"
SOURCE = REPO / "content/articles/tang-daosheng-csig-first-year.md"


def independent_length() -> tuple[int, int]:
    """CJK ideographs and Latin words of the article body, counted here with
    unicodedata and a plain regex, not with the plugin's code."""
    import unicodedata

    body = SOURCE.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    body = re.sub(r"^#+ ", "", body, flags=re.M)
    cjk = sum(1 for ch in body if unicodedata.name(ch, "").startswith("CJK UNIFIED IDEOGRAPH"))
    words = len(re.findall(r"[A-Za-z0-9]+(?:['.\-’][A-Za-z0-9]+)*", body))
    return cjk, words


def test_reading_time_and_length_of_the_seed(real_site):
    cjk, words = independent_length()
    assert 2800 < cjk < 3000 and 50 < words < 80
    # 400 CJK characters or 200 Latin words a minute, rounded up.
    minutes = -(-(cjk * 200 + words * 400) // (400 * 200))
    total = f"{cjk + words:,}"
    hant = (real_site / "zh-hant" / ARTICLE).read_text(encoding="utf-8")
    hans = (real_site / "zh-hans" / ARTICLE).read_text(encoding="utf-8")
    assert f"約 {minutes} 分鐘 · {total} 字" in hant
    assert f"约 {minutes} 分钟 · {total} 字" in hans
    home = (real_site / "zh-hant" / "index.html").read_text(encoding="utf-8")
    assert f"約 {minutes} 分鐘 · {total} 字" in home


BROKEN = {
    "missing-title.md": "---\nspeaker: 某人\ndate: 2019\n---\n\n正文。\n",
    "bad-date.md": "---\ntitle: 壞日期\ndate: 2019-13-01\n---\n\n正文。\n",
    "unknown-key.md": "---\ntitle: 錯字\nauther: 某人\n---\n\n正文。\n",
    "tags-not-list.md": "---\ntitle: 標籤\ntags: 騰訊\n---\n\n正文。\n",
}


def test_every_schema_error_is_reported_in_one_build(tmp_path):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "index.md").write_text("---\ntitle: 首頁\n---\n\n# 首頁\n", encoding="utf-8")
    for name, text in BROKEN.items():
        (content / "articles" / name).write_text(text, encoding="utf-8")
    project = copy_project(tmp_path / "project", content)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml")],
        capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), cwd=project,
    )
    assert result.returncode != 0
    out = result.stderr + result.stdout
    expected = [
        (r"content/articles/missing-title\.md:1:1: .*title", "missing title"),
        (r"content/articles/bad-date\.md:3:7: .*2019-13-01.*month 13", "bad date"),
        (r"content/articles/unknown-key\.md:3:1: .*auther.*author", "unknown key with suggestion"),
        (r"content/articles/tags-not-list\.md:3:7: .*tags.*list", "tags not a list"),
    ]
    for pattern, what in expected:
        assert re.search(pattern, out), f"{what} not reported:\n{out}"
    # zhpress/check reports them all before zhpress/article would stop at them.
    assert "zhpress/check: 4 problem(s) stop the build (4 error(s))" in out


@pytest.mark.parametrize("variant, title", [("zh-hant", "湯道生：產業互聯網的第一年"),
                                            ("zh-hans", "汤道生：产业互联网的第一年")])
def test_feeds_parse_and_list_the_article(real_site, variant, title):
    url = f"https://example.org/{variant}/articles/tang-daosheng-csig-first-year/"
    for name in ("feed.xml", "atom.xml"):
        feed = feedparser.parse((real_site / variant / name).read_bytes())
        assert not feed.bozo, (name, feed.get("bozo_exception"))
        assert feed.feed.title and feed.feed.link
        entry = feed.entries[0]
        assert entry.title == title and entry.link == url
        assert entry.id and entry.get("published") or entry.get("updated")
        assert "湯道生" in entry.get("author", "") or "汤道生" in entry.get("author", "")
        content = entry.content[0].value if "content" in entry else entry.summary
        assert ("騰訊" if variant == "zh-hant" else "腾讯") in content
    data = json.loads((real_site / variant / "feed.json").read_text(encoding="utf-8"))
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert data["items"][0]["url"] == url and data["items"][0]["title"] == title


def test_every_page_advertises_its_feeds(real_site):
    for page in (real_site / "index.html", real_site / "404.html"):
        assert 'type="application/rss+xml"' in page.read_text(encoding="utf-8"), page
    for variant in ("zh-hant", "zh-hans"):
        for page in (real_site / variant).rglob("*.html"):
            html = page.read_text(encoding="utf-8")
            assert 'type="application/rss+xml"' in html and 'type="application/atom+xml"' in html, page
            href = re.search(r'type="application/rss\+xml"[^>]*href="([^"]+)"', html).group(1)
            # 404 pages link from the site's root path: hosts serve them at any address.
            base = real_site if href.startswith("/") else page.parent
            assert (base / href.lstrip("/")).resolve() == (real_site / variant / "feed.xml").resolve()


def test_json_ld_and_open_graph(real_site):
    for variant, lang, locale in (("zh-hant", "zh-Hant", "zh_TW"), ("zh-hans", "zh-Hans", "zh_CN")):
        html = (real_site / variant / ARTICLE).read_text(encoding="utf-8")
        block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
        data = json.loads(block)
        assert data["@type"] == "Article"
        assert data["headline"] in ("湯道生：產業互聯網的第一年", "汤道生：产业互联网的第一年")
        assert data["datePublished"] == "2019"  # only the year is known
        assert data["inLanguage"] == lang
        assert [a["name"] for a in data["author"]] in (["湯道生"], ["汤道生"])
        assert data["publisher"]["name"] in ("長文", "长文")
        assert data["url"] == f"https://example.org/{variant}/articles/tang-daosheng-csig-first-year/"
        assert f'<meta property="og:locale" content="{locale}">' in html
        assert '<meta property="og:type" content="article">' in html
        assert '<meta name="twitter:card" content="summary">' in html
        assert f'<link rel="canonical" href="https://example.org/{variant}/articles/tang-daosheng-csig-first-year/">' in html


def test_print_style_shows_the_article_only(real_site, open_site):
    page, watch, base = open_site(real_site)
    page.goto(base + "zh-hant/" + ARTICLE.removesuffix("index.html"), wait_until="networkidle")
    page.emulate_media(media="print")
    assert not page.locator("header.md-header").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert page.locator(".zhpress-byline").is_visible()
    assert page.locator(".zhpress-article__body p").last.is_visible()
    pdf = page.pdf()
    assert pdf[:4] == b"%PDF"


def test_cover_image_in_page_and_share_metadata(tmp_path):
    from conftest import build_site

    content = tmp_path / "content"
    (content / "articles" / "images").mkdir(parents=True)
    (content / "index.md").write_text("---\ntitle: 首頁\n---\n\n# 首頁\n", encoding="utf-8")
    (content / "articles" / "images" / "cover.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (content / "articles" / "covered.md").write_text(
        "---\ntitle: 有封面的文章\ndate: 2019-10-08\ncover: images/cover.png\n---\n\n正文。\n", encoding="utf-8")
    site = build_site(copy_project(tmp_path / "project", content))
    html = (site / "zh-hant/articles/covered/index.html").read_text(encoding="utf-8")
    # Published once, at its own address, for both scripts.
    assert ('<figure class="zhpress-article__cover"><img src="../../../articles/images/cover.png" '
            'alt="有封面的文章"></figure>') in html
    assert '<meta property="og:image" content="https://example.org/articles/images/cover.png">' in html
    data = json.loads(re.search(r'application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["image"] == "https://example.org/articles/images/cover.png"
    assert data["datePublished"] == "2019-10-08"
    assert "2019年10月8日" in html
