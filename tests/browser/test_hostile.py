"""Contributor text never runs as script in a reader's browser.

tests/fixtures/hostile/ puts script payloads (`<script>`, `<svg onload>`,
`<img onerror>`, `"><`, `</script>` for JSON-LD, `javascript:` links, event
attributes through attr_list) in titles, subtitles, tags, summaries, bylines,
headings, bodies, glossary terms and entity names. Built with the real
configuration and `raw_html: safe`, every page is opened in both scripts,
every link, button and definition is hovered and focused, each payload is
searched for: no dialog opens, nothing logs a payload's mark, and the text
reads as written (escaped once, never twice)."""
from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import REPO, build_site, copy_project

FIXTURE = REPO / "tests" / "fixtures" / "hostile"
TITLE = "標題 <svg onload=alert(1)> 與 <details> 元素"
NEIGHBOUR = '"><img src=x onerror=alert(15)>'
SUMMARY = '摘要 "><script>alert(3)</script> 與 </script><script>alert(4)</script> & <!-- 結尾'
QUERIES = ["<svg onload", "<img src=x onerror", "alert(", "</script>", '"><', "javascript:"]

# Every element a reader can point at or tab to.
INTERACT = """() => {
  const targets = [...document.querySelectorAll('a, button, [tabindex], [title], abbr, dfn, summary, label, input')];
  for (const el of targets) {
    for (const type of ['pointerover', 'pointerenter', 'mouseover', 'mouseenter', 'mousemove']) {
      el.dispatchEvent(new MouseEvent(type, {bubbles: type.endsWith('over') || type === 'mousemove'}));
    }
    try { el.focus(); } catch (e) {}
    el.dispatchEvent(new FocusEvent('focusin', {bubbles: true}));
    for (const type of ['mouseout', 'mouseleave']) el.dispatchEvent(new MouseEvent(type));
    el.blur && el.blur();
  }
  // Focusing the search box opens Material's search overlay: close it again.
  const toggle = document.getElementById('__search');
  if (toggle) toggle.checked = false;
  return targets.length;
}"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    project = copy_project(root / "project", FIXTURE / "content")
    shutil.rmtree(project / "site_config")
    shutil.copytree(FIXTURE / "site_config", project / "site_config")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - zhpress/check\n" in text
    # The payloads' <img src=x> would stop the build as missing images: in
    # the check, and in the build, which resolves raw HTML images like
    # Markdown's (an address without an extension is "unrecognized").
    assert "    unrecognized_links: warn\n" in text
    text = text.replace("    unrecognized_links: warn\n", "    unrecognized_links: info\n")
    config.write_text(text.replace("  - zhpress/check\n", "  - zhpress/check:\n      raw_html: safe\n"
                                   "      severity: {image: \"off\"}\n"), encoding="utf-8")
    return build_site(project)


def pages_of(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if p.relative_to(site).parts[0] in ("zh-hant", "zh-hans"))


class Attributes(HTMLParser):
    def __init__(self):
        super().__init__()
        self.names: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.names += [name for name, _ in attrs]


class Watch:
    def __init__(self, page):
        self.dialogs: list[str] = []
        self.marks: list[str] = []
        page.on("dialog", self._dialog)
        page.on("console", lambda m: self._text(m.text))
        page.on("pageerror", lambda e: self._text(str(e)))

    def _dialog(self, dialog):
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def _text(self, text: str):
        if re.search(r"xss|alert", text, re.I):
            self.marks.append(text)


def test_no_payload_runs_on_any_page_pointed_at_or_focused(hostile_site, open_site):
    page, watcher, base = open_site(hostile_site)
    watch = Watch(page)
    pages = pages_of(hostile_site)
    assert len(pages) >= 20, pages
    touched = 0
    for path in pages:
        page.goto(base + path, wait_until="load")
        touched += page.evaluate(INTERACT)
        # Real pointer and keyboard on what readers hover: definitions and links of the article body.
        for handle in page.query_selector_all(".md-content a, .md-content button")[:40]:
            if handle.is_visible():
                handle.hover(timeout=2000)
                handle.focus()
        page.keyboard.press("Tab")
        assert watch.dialogs == [] and watch.marks == [], (path, watch.dialogs, watch.marks)
    assert touched > 500
    assert watcher.foreign_requests == []


def test_searching_for_each_payload_runs_nothing(hostile_site, open_site):
    page, watcher, base = open_site(hostile_site)
    watch = Watch(page)
    for prefix in ("zh-hant/", "zh-hans/"):
        page.goto(base + prefix + "articles/payloads/", wait_until="networkidle")
        box = page.locator("input.md-search__input")
        for query in QUERIES + ["XSS", "受訪者", "甲乙"]:
            box.click()
            box.fill(query)
            page.wait_for_timeout(400)
            page.evaluate(INTERACT)
        assert watch.dialogs == [] and watch.marks == [], (prefix, watch.dialogs, watch.marks)
    # The results show the text as written: escaped once, never twice.
    box.click()
    box.fill("onerror")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__list li').length > 0")
    page.wait_for_timeout(300)
    results = "\n".join(page.locator(".md-search-result__list li").all_inner_texts())
    assert NEIGHBOUR in results and "&lt;" not in results and "&amp;" not in results


def test_titles_and_tags_read_as_written(hostile_site, open_site):
    """Escaped exactly once: readers see the characters the contributor typed."""
    page, _, base = open_site(hostile_site)
    page.goto(base + "zh-hant/articles/payloads/", wait_until="load")
    assert page.locator("article.zhpress-article h1").inner_text() == TITLE
    assert page.title() == f"{TITLE} - 長文"
    assert page.locator(".md-header__topic:last-child .md-ellipsis").inner_text().strip() == TITLE
    assert page.locator(".zhpress-article__subtitle").inner_text() == "<img src=x onerror=alert(2)>"
    tags = page.locator(".zhpress-taglist a").all_inner_texts()
    assert tags == ["<img src=x onerror=alert(5)>", '"><svg onload=alert(6)>', "C++", "C#"]
    footer = page.locator(".md-footer__link--next .md-ellipsis").inner_text().strip()
    assert footer == NEIGHBOUR
    # The page whose title is its first heading: plain text, escaped once.
    page.goto(base + "zh-hant/about/", wait_until="load")
    assert page.title() == "關於 \\<svg onload=alert(16)> 與 <img src=x onerror=alert(26)> - 長文"


def test_raw_html_is_sanitised_under_the_safe_policy(hostile_site):
    html = (hostile_site / "zh-hant" / "articles" / "payloads" / "index.html").read_text(encoding="utf-8")
    body = html[html.index('<div class="zhpress-article__body">'):html.index("</article>")]
    assert "<script" not in body and "<iframe" not in body
    attributes = Attributes()
    attributes.feed(body)
    assert not [a for a in attributes.names if a.startswith("on")]
    assert "javascript:" not in body.lower().replace("&#x09;", "")
    assert "style=\"background" not in body
    assert "原始 HTML 標題" in body and "那個連結" in body  # the text stays


def test_json_ld_and_feeds_carry_the_text_once_escaped(hostile_site):
    html = (hostile_site / "zh-hant" / "articles" / "payloads" / "index.html").read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1  # a </script> in the summary did not end it early
    data = json.loads(blocks[0])
    assert data["headline"] == TITLE and data["description"] == SUMMARY
    rss = ET.parse(hostile_site / "zh-hant" / "feed.xml").getroot()
    titles = [item.findtext("title") for item in rss.iter("item")]
    assert TITLE in titles and NEIGHBOUR in titles
    feed = json.loads((hostile_site / "zh-hant" / "feed.json").read_text(encoding="utf-8"))
    assert {item["title"] for item in feed["items"]} == {TITLE, NEIGHBOUR}
