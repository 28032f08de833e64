"""The interview as a real site: content, metadata, home page, no foreign hosts."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import opencc

from conftest import seed_lines

ARTICLE = "articles/tang-daosheng-csig-first-year/index.html"
_T2S = opencc.OpenCC("tw2s")  # Taiwan text: the particle 著 is 着 in Simplified
_FULL_TO_HALF = str.maketrans("，；：？！（）「」『』“”‘’", ",;:?!()\"\"''\"\"''")


def normalise(text: str) -> str:
    """A script- and punctuation-width-blind key, independent of our text layer."""
    return re.sub(r"\s+", "", _T2S.convert(text).translate(_FULL_TO_HALF))


class Paragraphs(HTMLParser):
    """Text of every <p> inside the article body."""

    def __init__(self):
        super().__init__()
        self.paragraphs, self._depth, self._in_body, self._buffer = [], 0, False, None

    def handle_starttag(self, tag, attrs):
        classes = dict(attrs).get("class") or ""
        if tag == "div" and "zhpress-article__body" in classes:
            self._in_body = True
        if self._in_body and tag == "p":
            self._buffer = []

    def handle_endtag(self, tag):
        if tag == "p" and self._buffer is not None:
            self.paragraphs.append("".join(self._buffer))
            self._buffer = None

    def handle_data(self, data):
        if self._buffer is not None:
            self._buffer.append(data)


def body_paragraphs(html: str) -> list[str]:
    parser = Paragraphs()
    parser.feed(html)
    return parser.paragraphs


def test_article_has_every_seed_paragraph_in_order(real_site: Path):
    seed = seed_lines()
    expected = [normalise(line) for line in seed[1:-1]]
    for variant in ("zh-hant", "zh-hans"):
        html = (real_site / variant / ARTICLE).read_text(encoding="utf-8")
        found = [normalise(p) for p in body_paragraphs(html)]
        assert found == expected, f"{variant}: body paragraphs differ from the seed"


def test_credit_line_is_metadata_not_body(real_site: Path):
    html = (real_site / "zh-hant" / ARTICLE).read_text(encoding="utf-8")
    body = "".join(body_paragraphs(html))
    assert "此文由本刊記者" not in body and "編輯:馬克" not in body
    byline = re.search(r'<p class="zhpress-byline">(.*?)</p>', html, re.S).group(1)
    assert "謝麗容" in byline and "馬克" in byline and "湯道生" in byline
    assert "2019年" in byline


def test_home_links_to_article(real_site: Path):
    for variant in ("zh-hant", "zh-hans"):
        home = (real_site / variant / "index.html").read_text(encoding="utf-8")
        assert 'href="articles/tang-daosheng-csig-first-year/"' in home


_URL_ATTR = re.compile(r"""(?:src|href|action|content|poster|data)\s*=\s*["']((?:https?:)?//[^"']+)""", re.I)
_CSS_URL = re.compile(r"""(?:url\(\s*["']?|@import\s+["'])((?:https?:)?//[^"')]+)""", re.I)
_JS_FETCH = re.compile(r"""(?:fetch|importScripts|src\s*=)\s*\(?\s*["']((?:https?:)?//[^"']+)""", re.I)
# Links a reader may follow on purpose are fine; what matters is what loads by itself.
_ALLOWED_ANCHORS = re.compile(r"<a\s[^>]*href=|<link\s[^>]*rel=\"(?:canonical|alternate)\"", re.I)


def _foreign_loads(path: Path, site_url: str) -> list[str]:
    text = path.read_text(encoding="utf-8", errors="replace")
    found = []
    if path.suffix == ".html":
        for tag in re.findall(r"<[a-zA-Z][^>]*>", text):
            if _ALLOWED_ANCHORS.match(tag):
                continue
            found += [u for u in _URL_ATTR.findall(tag) if not u.startswith(site_url)]
        for style in re.findall(r"<style[^>]*>(.*?)</style>", text, re.S):
            found += _CSS_URL.findall(style)
    elif path.suffix == ".css":
        found += _CSS_URL.findall(text)
    elif path.suffix == ".js":
        found += _JS_FETCH.findall(text)
    return found


def test_no_generated_file_loads_from_another_host(real_site: Path):
    problems = {}
    for path in real_site.rglob("*"):
        if path.suffix in (".html", ".css", ".js"):
            foreign = _foreign_loads(path, "https://example.org/")
            if foreign:
                problems[str(path.relative_to(real_site))] = foreign[:3]
    assert not problems, problems


def test_no_page_links_to_another_host(real_site: Path):
    """Not even a plain link: every URL attribute of every page is the site's own."""
    foreign = {}
    for path in real_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        urls = re.findall(r"""(?:href|src|content|action|poster)\s*=\s*["']((?:https?:)?//[^"']+)""", text)
        urls = [u for u in urls if not u.startswith("https://example.org/")]
        if urls:
            foreign[str(path.relative_to(real_site))] = urls[:3]
    assert foreign == {}


def test_no_google_fonts_or_cdn_anywhere(real_site: Path):
    for path in real_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, path
        assert "cdn.jsdelivr" not in text and "unpkg.com" not in text, path


def test_article_page_in_browser(real_site: Path, open_site, tmp_path: Path):
    page, watch, base = open_site(real_site)
    page.goto(base + "zh-hant/" + ARTICLE.removesuffix("index.html"), wait_until="networkidle")
    assert page.locator("h1").first.inner_text().startswith("湯道生")
    assert page.locator(".zhpress-article__body p").count() == len(seed_lines()) - 2
    shot = tmp_path / "article.png"
    page.screenshot(path=str(shot), full_page=False)
    assert shot.stat().st_size > 10_000
    assert watch.foreign_requests == []
    assert watch.errors == []
