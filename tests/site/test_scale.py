"""Output that grows linearly: an article page weighs the same at 10 and at
1,000 articles, no page links to more than 60 articles, and Material's
features still work on a 1,000-article site."""
from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest

from conftest import REPO

ARTICLE_HREF = re.compile(r'href="([^"#]*articles/[^"#/]+/)(?:#[^"]*)?"')


def changed_bytes(a: str, b: str) -> int:
    """Bytes of lines that differ between two HTML documents."""
    diff = difflib.unified_diff(a.splitlines(), b.splitlines(), lineterm="", n=0)
    return sum(len(line.encode()) for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---"))


@pytest.mark.parametrize("variant", ["zh-hant", "zh-hans"])
def test_article_page_is_the_same_at_10_and_1000_articles(generated_site, variant):
    small, large = generated_site(10), generated_site(1000)
    page = f"{variant}/articles/a00001/index.html"
    a = (small / page).read_text(encoding="utf-8")
    b = (large / page).read_text(encoding="utf-8")
    assert changed_bytes(a, b) < 2048
    assert abs(len(a.encode()) - len(b.encode())) < 2048


def test_no_page_links_to_more_than_60_articles(generated_site):
    site = generated_site(1000)
    worst = (0, "")
    for path in site.rglob("*.html"):
        links = set(ARTICLE_HREF.findall(path.read_text(encoding="utf-8")))
        worst = max(worst, (len(links), str(path.relative_to(site))))
    assert worst[0] <= 60, worst
    assert worst[0] >= 20  # the archive pages do list their 20 articles


def test_every_article_is_reachable_from_the_archive(generated_site):
    site = generated_site(1000)
    for variant in ("zh-hant", "zh-hans"):
        archive = site / variant / "archive"
        pages = [archive / "index.html", *sorted((archive / "page").glob("*/index.html"))]
        listed = set()
        for page in pages:
            listed |= {m.rsplit("/", 2)[-2] for m in ARTICLE_HREF.findall(page.read_text(encoding="utf-8"))}
        assert len(pages) == 50
        assert listed == {f"a{i:05d}" for i in range(1, 1001)}


def expected_order(corpus: Path) -> list[str]:
    """Newest first, undated last: read the generated front matter directly."""
    keyed = []
    for path in sorted((corpus / "articles").glob("*.md")):
        match = re.search(r"^date: (\d{4})(?:-(\d\d))?(?:-(\d\d))?$", path.read_text(encoding="utf-8"), re.M)
        if match:
            parts = tuple(-int(p or 0) for p in match.groups())
            keyed.append(((0, *parts, path.stem), path.stem))
        else:
            keyed.append(((1, 0, 0, 0, path.stem), path.stem))
    return [slug for _, slug in sorted(keyed)]


def test_browser_on_1000_article_site(generated_site, open_site, tmp_path):
    site = generated_site(1000)
    order = expected_order(site.parent.parent / "corpus")
    page, watch, base = open_site(site)

    # Archive page 2 shows articles 21-40.
    page.goto(base + "zh-hant/archive/page/2/", wait_until="networkidle")
    links = page.locator(".zhpress-entry__title a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert [h.rstrip("/").rsplit("/", 1)[-1] for h in hrefs] == order[20:40]

    # Article: header, table of contents, previous / next links.
    slug = order[30]
    page.goto(base + f"zh-hant/articles/{slug}/", wait_until="networkidle")
    assert page.locator("header.md-header").is_visible()
    toc = page.locator(".md-sidebar--secondary nav.md-nav--secondary a.md-nav__link")
    assert toc.count() >= 3
    first_heading = toc.first.get_attribute("href")
    toc.first.click()
    page.wait_for_function("h => decodeURIComponent(location.hash) === h", arg=first_heading)
    assert page.locator(f"[id='{first_heading[1:]}']").is_visible()
    page.locator("a.md-footer__link--next").click()
    page.wait_for_url(f"**/articles/{order[31]}/")
    page.locator("a.md-footer__link--prev").click()
    page.wait_for_url(f"**/articles/{slug}/")
    page.screenshot(path=str(tmp_path / "article-1280.png"))

    # Mobile drawer at 375 px: opens, shows the site's sections, leads to the archive.
    page.set_viewport_size({"width": 375, "height": 800})
    drawer_button = page.locator("label.md-header__button[for='__drawer']")
    assert drawer_button.is_visible()
    drawer_button.click()
    drawer = page.locator("nav.md-nav--primary")
    archive_link = drawer.locator("a.md-nav__link", has_text="文章").first
    archive_link.wait_for(state="visible", timeout=5_000)
    # The drawer slides in: wait until the link is fully on screen.
    page.wait_for_function(
        """() => [...document.querySelectorAll('nav.md-nav--primary a.md-nav__link')]
              .some(a => a.textContent.trim() === '文章' && a.getBoundingClientRect().left >= 0
                         && a.getBoundingClientRect().right <= innerWidth)""", timeout=5_000)
    page.screenshot(path=str(tmp_path / "drawer-375.png"))
    # The drawer holds the article being read and, one tap further, its table of contents.
    page.locator("nav.md-nav--primary label.md-nav__link[for='__toc']").click()
    toc_link = page.locator("nav.md-nav--primary nav.md-nav--secondary a.md-nav__link").first
    toc_link.wait_for(state="visible", timeout=5_000)
    page.screenshot(path=str(tmp_path / "drawer-toc-375.png"))
    page.locator("nav.md-nav--primary label.md-nav__title[for='__toc']").click()  # back
    archive_link.wait_for(state="visible", timeout=5_000)
    archive_link.click()
    page.wait_for_url("**/zh-hant/archive/")
    assert watch.foreign_requests == [] and watch.errors == []
